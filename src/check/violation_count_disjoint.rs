//! `violation-count-disjoint`: two parties count the violations of the same agreement by the same
//! party, on the same day and place, with intervals that do not overlap.

use std::collections::BTreeSet;

use super::common::{ViolationClaim, violation_claims};
use super::{Finding, FindingType, Severity, Side, describe_event};
use crate::graph::{ClaimGraph, Stance};

/// Counts of one party's violations that cannot both be right.
pub(super) fn violation_counts(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let vc: Vec<ViolationClaim> = violation_claims(g, e)
        .into_iter()
        .filter(|x| {
            let c = &g.claims[x.claim];
            c.stance != Stance::Deny && c.resolved && !g.prop(c).negated && x.count.is_some()
        })
        .collect();
    let mut out = Vec::new();
    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (i, a) in vc.iter().enumerate() {
        for b in &vc[i + 1..] {
            let (ca, cb) = (&g.claims[a.claim], &g.claims[b.claim]);
            let (Some((ia, ta)), Some((ib, tb))) = (a.count, b.count) else {
                continue;
            };
            if ca.party == cb.party || a.violator != b.violator || ia.overlaps(&ib) {
                continue;
            }
            let key = if ca.party < cb.party {
                (ca.party.as_str(), cb.party.as_str())
            } else {
                (cb.party.as_str(), ca.party.as_str())
            };
            if !seen.insert(key) {
                continue;
            }
            let by = a.violator.map_or(String::new(), |v| format!(" by {v}"));
            let ev = &g.events[e].desc;
            out.push(Finding {
                severity: Severity::default(),
                ty: FindingType::NumericConflict,
                rule: "violation-count-disjoint",
                subject: describe_event(ev, &g.frame_text),
                event: Some(e),
                explanation: format!(
                    "For the violations of the {}{by} ({}), {} counts {ta} and {} counts {tb}; the counts do not overlap.",
                    a.agreement,
                    describe_event(ev, &g.frame_text),
                    ca.party,
                    cb.party
                ),
                sides: vec![
                    Side {
                        role: format!("{ta} violations"),
                        parties: vec![ca.party.to_string()],
                        claims: vec![a.claim],
                    },
                    Side {
                        role: format!("{tb} violations"),
                        parties: vec![cb.party.to_string()],
                        claims: vec![b.claim],
                    },
                ],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const RUSSIA: Report = (
        "Wire A",
        "2019-05-06",
        "The Russian defence ministry said rebels violated the truce 25 times in Tel Varesh on Sunday.",
    );
    const THREE: Report = (
        "Wire B",
        "2019-05-06",
        "The Syrian Observatory for Human Rights said rebels violated the truce three times in Tel Varesh on Sunday.",
    );
    const AT_LEAST_20: Report = (
        "Wire B",
        "2019-05-06",
        "The Syrian Observatory for Human Rights said rebels violated the truce at least 20 times in Tel Varesh on Sunday.",
    );

    #[test]
    fn fires_on_disjoint_counts_for_one_violator() {
        let f = fired("violation-count-disjoint", &[RUSSIA, THREE]);
        assert_eq!(f.len(), 1, "{f:#?}");
        let e = &f[0].explanation;
        assert!(e.contains("counts 25") && e.contains("counts three"), "{e}");
    }

    #[test]
    fn overlapping_counts_do_not_fire() {
        let f = fired("violation-count-disjoint", &[RUSSIA, AT_LEAST_20]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
