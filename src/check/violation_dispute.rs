//! `violation-dispute`: a party is said to have violated an agreement (a truce, a ceasefire) and
//! that party denies it.

use std::collections::BTreeSet;

use super::common::violation_claims;
use super::{Finding, FindingType, Severity, Side, describe_event, list, parties_of, says};
use crate::graph::{ClaimGraph, Stance};

/// "X violated the truce" against X's "we did not violate it".
pub(super) fn violation_dispute(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let vc = violation_claims(g, e);
    let violators: BTreeSet<&str> = vc.iter().filter_map(|v| v.violator).collect();
    let mut out = Vec::new();
    for v in violators {
        let of = |deny: bool| -> Vec<usize> {
            vc.iter()
                .filter(|x| x.violator == Some(v) && g.claims[x.claim].resolved)
                .filter(|x| {
                    let c = &g.claims[x.claim];
                    (c.stance == Stance::Deny) == deny && (c.party == *v) == deny
                })
                .map(|x| x.claim)
                .collect()
        };
        let (accusers, deniers) = (of(false), of(true));
        if accusers.is_empty() || deniers.is_empty() {
            continue;
        }
        let agreement = vc
            .iter()
            .find(|x| x.claim == accusers[0])
            .map_or("agreement", |x| x.agreement);
        let ev = &g.events[e].desc;
        let acc_parties = parties_of(g, &accusers);
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::ResponsibilityDispute,
            rule: "violation-dispute",
            subject: describe_event(ev, &g.frame_text),
            event: Some(e),
            explanation: format!(
                "{} {} that {v} violated the {agreement} ({}); {v} denied it.",
                list(&acc_parties),
                says(acc_parties.len()),
                describe_event(ev, &g.frame_text),
            ),
            sides: vec![
                Side {
                    role: format!("{v} violated the {agreement}"),
                    parties: acc_parties,
                    claims: accusers,
                },
                Side {
                    role: "denies".to_string(),
                    parties: vec![v.to_string()],
                    claims: deniers,
                },
            ],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const ACCUSE: Report = (
        "Wire A",
        "2019-05-06",
        "The Russian defence ministry said rebels violated the truce in Tel Varesh in Syria on Sunday.",
    );
    const REBELS_DENY: Report = (
        "Wire B",
        "2019-05-06",
        "A spokesman for the rebel faction denied violating the truce in Tel Varesh in Syria on Sunday.",
    );
    const ARMY_DENIES: Report = (
        "Wire B",
        "2019-05-06",
        "The Syrian army denied violating the truce in Tel Varesh in Syria on Sunday.",
    );

    #[test]
    fn fires_when_the_accused_violator_denies() {
        let f = fired("violation-dispute", &[ACCUSE, REBELS_DENY]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].parties, ["Russia"]);
        assert_eq!(f[0].sides[1].parties, ["rebels"]);
    }

    #[test]
    fn a_denial_by_another_party_does_not_fire() {
        let f = fired("violation-dispute", &[ACCUSE, ARMY_DENIES]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
