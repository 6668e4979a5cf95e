//! `predicate-opposed`: two parties make the same statement with opposite words ("violated" /
//! "respected", "captured" / "lost", from opposites.tsv).

use std::collections::BTreeMap;

use super::common::{generic_claims, jaccard, shared_words};
use super::{Finding, FindingType, claim_pair};
use crate::graph::{ClaimGraph, Stance};
use crate::istr::IStr;
use crate::lexicon::Lexicon;

/// Minimum Jaccard of two statements' words once their opposite words are set aside.
const OPPOSITE_MIN_OVERLAP: f64 = 0.5;

/// Two parties assert the same statement with opposite words: "rebels violated the truce" against
/// "rebels respected the truce". The rest of the statements must agree (two shared words at
/// least), so "the army captured Handarat" and "rebels lost Handarat" — which agree — do not fire.
pub(super) fn opposite_predicates(g: &ClaimGraph, lx: &Lexicon) -> Vec<Finding> {
    let generic = generic_claims(g, 2);
    let mut out = Vec::new();
    // only statements holding a word's opposite are compared: look them up by word
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (y, (_, b, kb)) in generic.iter().enumerate() {
        if b.stance == Stance::Assert {
            for w in kb.iter() {
                by_word.entry(w.as_str()).or_default().push(y);
            }
        }
    }
    for (x, (ia, a, ka)) in generic.iter().enumerate() {
        if a.stance != Stance::Assert {
            continue;
        }
        let mut near: Vec<usize> = ka
            .iter()
            .filter_map(|w| lx.opposites.get(w.as_str()))
            .flatten()
            .filter_map(|o| by_word.get(o.as_str()))
            .flatten()
            .copied()
            .filter(|&y| y > x)
            .collect();
        near.sort_unstable();
        near.dedup();
        for (ib, b, kb) in near.into_iter().map(|y| &generic[y]) {
            if b.stance != Stance::Assert || a.party == b.party {
                continue;
            }
            // a word of one statement whose opposite is in the other
            let pair = ka.iter().find_map(|w| {
                lx.opposites
                    .get(w.as_str())
                    .and_then(|os| os.iter().find(|o| kb.iter().any(|k| k == *o)))
                    .map(|o| (w.clone(), IStr::from(o.as_str())))
            });
            let Some((wa, wb)) = pair else { continue };
            let rest = |k: &Vec<IStr>| -> Vec<IStr> {
                k.iter()
                    .filter(|w| **w != wa && **w != wb)
                    .cloned()
                    .collect()
            };
            let (ra, rb) = (rest(ka), rest(kb));
            let sim = jaccard(&ra, &rb);
            if sim < OPPOSITE_MIN_OVERLAP || shared_words(&ra, &rb) < 2 {
                continue;
            }
            // different actors ("the army won" / "the rebels lost") make agreeing statements
            let actor = |w: &IStr| {
                lx.roles.get(w).is_some()
                    || lx
                        .aliases
                        .iter()
                        .any(|al| al.words.len() == 1 && al.words[0].eq_ignore_ascii_case(w))
            };
            let only = |x: &Vec<IStr>, y: &Vec<IStr>| x.iter().any(|w| !y.contains(w) && actor(w));
            if only(&ra, &rb) && only(&rb, &ra) {
                continue;
            }
            let (role_a, role_b) = (format!("says {wa}"), format!("says {wb}"));
            out.push(claim_pair(
                (FindingType::OppositePredicates, "predicate-opposed"),
                ra.join(" "),
                (&role_a, a, *ia),
                (&role_b, b, *ib),
                format!(
                    "{}: “{wa}”; {}: “{wb}” — about the same matter ({}). The words are opposites, so both statements cannot hold.",
                    a.party,
                    b.party,
                    ra.join(", ")
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const VIOLATED: Report = (
        "Wire A",
        "2019-05-06",
        "The Syrian army said the rebels violated the truce in Tel Varesh in Syria on Sunday.",
    );
    const RESPECTED: Report = (
        "Wire B",
        "2019-05-06",
        "Rebel commanders said the rebels respected the truce in Tel Varesh in Syria on Sunday.",
    );
    const ARMY_RESPECTED: Report = (
        "Wire B",
        "2019-05-06",
        "The Syrian army said the rebels respected the truce in Tel Varesh in Syria on Sunday.",
    );

    #[test]
    fn fires_on_the_same_statement_with_opposite_words() {
        let f = fired("predicate-opposed", &[VIOLATED, RESPECTED]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].role, "says violated");
        assert_eq!(f[0].sides[1].role, "says respected");
    }

    #[test]
    fn one_party_saying_both_does_not_fire() {
        let f = fired("predicate-opposed", &[VIOLATED, ARMY_RESPECTED]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
