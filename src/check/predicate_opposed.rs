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
    // Statements repeat word for word: two distinct keys are compared once, then their claims
    // paired. (distinct asserted keys, the generic claims holding each, ascending)
    let mut of: BTreeMap<&[IStr], usize> = BTreeMap::new();
    let mut keys: Vec<&[IStr]> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (x, (_, a, ka)) in generic.iter().enumerate() {
        if a.stance == Stance::Assert {
            let n = *of.entry(ka.as_slice()).or_insert_with(|| {
                keys.push(ka.as_slice());
                members.push(Vec::new());
                keys.len() - 1
            });
            members[n].push(x);
        }
    }
    // only statements holding a word's opposite are compared: look them up by word
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, kb) in keys.iter().enumerate() {
        for w in kb.iter() {
            by_word.entry(w.as_str()).or_default().push(j);
        }
    }
    // (claim x, claim y, its reading): the readings are those of distinct key pairs
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut readings: Vec<(IStr, IStr, Vec<IStr>)> = Vec::new();
    for (i, ka) in keys.iter().enumerate() {
        let mut near: Vec<usize> = ka
            .iter()
            .filter_map(|w| lx.opposites.get(w.as_str()))
            .flatten()
            .filter_map(|o| by_word.get(o.as_str()))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        for j in near {
            let Some(reading) = opposed(ka, keys[j], lx) else {
                continue;
            };
            let r = readings.len();
            readings.push(reading);
            for &x in &members[i] {
                for &y in members[j].iter().filter(|&&y| y > x) {
                    if generic[x].1.party != generic[y].1.party {
                        found.push((x, y, r));
                    }
                }
            }
        }
    }
    found.sort_unstable();
    let mut out = Vec::new();
    for (x, y, r) in found {
        let ((ia, a, _), (ib, b, _)) = (&generic[x], &generic[y]);
        let (wa, wb, ra) = &readings[r];
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
    out
}

/// Whether two statements say the same with opposite words: the words, and the rest of the
/// first statement.
fn opposed(ka: &[IStr], kb: &[IStr], lx: &Lexicon) -> Option<(IStr, IStr, Vec<IStr>)> {
    // a word of one statement whose opposite is in the other
    let (wa, wb) = ka.iter().find_map(|w| {
        lx.opposites
            .get(w.as_str())
            .and_then(|os| os.iter().find(|o| kb.iter().any(|k| k == *o)))
            .map(|o| (w.clone(), IStr::from(o.as_str())))
    })?;
    let rest = |k: &[IStr]| -> Vec<IStr> {
        k.iter()
            .filter(|w| **w != wa && **w != wb)
            .cloned()
            .collect()
    };
    let (ra, rb) = (rest(ka), rest(kb));
    let sim = jaccard(&ra, &rb);
    if sim < OPPOSITE_MIN_OVERLAP || shared_words(&ra, &rb) < 2 {
        return None;
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
        return None;
    }
    Some((wa, wb, ra))
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
