//! `responsibility-dispute`: a party is said to have carried out an event and that party denies it.

use std::collections::BTreeSet;

use super::common::responsibility_claims;
use super::{Finding, FindingType, Severity, Side, describe_event, list, parties_of, says};
use crate::graph::{ClaimGraph, Stance};
use crate::lexicon::Lexicon;

pub(super) fn responsibility_dispute(g: &ClaimGraph, e: usize, lx: &Lexicon) -> Vec<Finding> {
    let rc = responsibility_claims(g, e, true);
    let agents: BTreeSet<&String> = rc.iter().map(|(_, a)| a).collect();
    let mut out = Vec::new();
    for agent in agents {
        // an agent named only by its role ("regime jets", "government forces", with no party
        // of that role named before it in its report) is the party of that role that answers
        let by_role = |a: &String| {
            !g.known_parties.contains(a)
                && lx
                    .role_of_phrase(a)
                    .is_some_and(|r| lx.party_has_role(agent, r))
        };
        let deniers: Vec<usize> = rc
            .iter()
            .filter(|(c, a)| {
                a == agent && g.claims[*c].stance == Stance::Deny && g.claims[*c].party == *agent
            })
            .map(|(c, _)| *c)
            .collect();
        // a finding by a third party that the agent did not do it ("We judge that X was not
        // responsible", "the allegations against X are lies"): a denial on the agent's behalf,
        // by a known party that speaks (not a report's own voice) about a known agent
        let clearers: Vec<usize> = rc
            .iter()
            .filter(|(c, a)| {
                let cl = &g.claims[*c];
                a == agent
                    && cl.stance == Stance::Deny
                    && cl.party != *agent
                    && cl.known_party
                    && g.known_parties.contains(agent)
                    // the only speaker of its attribution: "X and Y both denied using C" is a
                    // joint denial, each one's own
                    && cl.attribution.map_or(cl.issued, |i| {
                        g.docs[cl.doc].attributions[i].speakers.len() == 1
                    })
            })
            .map(|(c, _)| *c)
            .collect();
        if deniers.is_empty() && clearers.is_empty() {
            continue;
        }
        let accusers: Vec<usize> = rc
            .iter()
            .filter(|(c, a)| {
                (a == agent || by_role(a))
                    && g.claims[*c].stance != Stance::Deny
                    && g.claims[*c].party != *agent
            })
            .map(|(c, _)| *c)
            .collect();
        if accusers.is_empty() {
            continue;
        }
        // ... set against known parties that name the agent themselves (not a figure laid at its
        // door in passing), and do not also clear it
        if !clearers.is_empty() {
            let clearing: BTreeSet<&str> = clearers
                .iter()
                .map(|&c| g.claims[c].party.as_str())
                .collect();
            let firm: Vec<usize> = accusers
                .iter()
                .copied()
                .filter(|&c| {
                    let cl = &g.claims[c];
                    cl.known_party
                        && !clearing.contains(cl.party.as_str())
                        && !matches!(
                            g.prop(cl).kind,
                            crate::extract::PropKind::Responsibility { via_toll: true, .. }
                        )
                })
                .collect();
            if !firm.is_empty() {
                out.push(cleared(g, e, agent, &firm, clearers));
            }
        }
        if deniers.is_empty() {
            continue;
        }
        let ev = &g.events[e].desc;
        let acc_parties = parties_of(g, &accusers);
        let explanation = format!(
            "{} {} that {agent} carried out the {}; {agent} denied it in {} statement{} across {} report{}.",
            list(&acc_parties),
            says(acc_parties.len()),
            describe_event(ev, &g.frame_text),
            deniers.len(),
            if deniers.len() == 1 { "" } else { "s" },
            doc_count(g, &deniers),
            if doc_count(g, &deniers) == 1 { "" } else { "s" },
        );
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::ResponsibilityDispute,
            rule: "responsibility-dispute",
            subject: describe_event(ev, &g.frame_text),
            event: Some(e),
            sides: vec![
                Side {
                    role: format!("say {agent} carried it out"),
                    parties: acc_parties,
                    claims: accusers,
                },
                Side {
                    role: "denies it".into(),
                    parties: vec![agent.clone()],
                    claims: deniers,
                },
            ],
            explanation,
        });
    }
    out
}

/// The finding of third parties that clear the agent others accuse.
fn cleared(
    g: &ClaimGraph,
    e: usize,
    agent: &str,
    accusers: &[usize],
    clearers: Vec<usize>,
) -> Finding {
    let ev = &g.events[e].desc;
    let (acc_parties, cl_parties) = (parties_of(g, accusers), parties_of(g, &clearers));
    let explanation = format!(
        "{} {} that {agent} carried out the {}; {} {} that {agent} did not, on {agent}'s behalf.",
        list(&acc_parties),
        says(acc_parties.len()),
        describe_event(ev, &g.frame_text),
        list(&cl_parties),
        says(cl_parties.len()),
    );
    Finding {
        severity: Severity::default(),
        ty: FindingType::ResponsibilityDispute,
        rule: "responsibility-dispute",
        subject: describe_event(ev, &g.frame_text),
        event: Some(e),
        sides: vec![
            Side {
                role: format!("say {agent} carried it out"),
                parties: acc_parties,
                claims: accusers.to_vec(),
            },
            Side {
                role: format!("say {agent} did not"),
                parties: cl_parties,
                claims: clearers,
            },
        ],
        explanation,
    }
}

fn doc_count(g: &ClaimGraph, claims: &[usize]) -> usize {
    claims
        .iter()
        .map(|&c| g.claims[c].doc)
        .collect::<BTreeSet<_>>()
        .len()
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const ACCUSE: Report = (
        "Wire A",
        "2019-03-15",
        "An air strike on Thursday destroyed a bakery in Kafr Omarin.\n\nTurkish officials said Russian jets carried out the strike on the bakery.",
    );
    const RUSSIA_DENIES: Report = (
        "Wire B",
        "2019-03-15",
        "The Russian defence ministry denied carrying out Thursday's strike on the bakery in Kafr Omarin.",
    );
    const ARMY_DENIES: Report = (
        "Wire B",
        "2019-03-15",
        "The Syrian army denied carrying out Thursday's strike on the bakery in Kafr Omarin.",
    );

    #[test]
    fn fires_when_the_accused_denies() {
        let f = fired("responsibility-dispute", &[ACCUSE, RUSSIA_DENIES]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].parties, ["Turkey"]);
        assert_eq!(f[0].sides[1].parties, ["Russia"]);
    }

    const US_CLEARS_RUSSIA: Report = (
        "Wire B",
        "2019-03-15",
        "US intelligence officials judged that Russia was not responsible for Thursday's strike on the bakery in Kafr Omarin.",
    );
    const US_CLEARS_IRAN: Report = (
        "Wire B",
        "2019-03-15",
        "US intelligence officials judged that Iran was not responsible for Thursday's strike on the bakery in Kafr Omarin.",
    );

    #[test]
    fn fires_when_a_third_party_clears_the_accused() {
        let f = fired("responsibility-dispute", &[ACCUSE, US_CLEARS_RUSSIA]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].parties, ["Turkey"]);
        assert_eq!(f[0].sides[1].parties, ["United States"]);
        assert_eq!(f[0].sides[1].role, "say Russia did not");
    }

    #[test]
    fn clearing_a_party_nobody_accused_does_not_fire() {
        let f = fired("responsibility-dispute", &[ACCUSE, US_CLEARS_IRAN]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_denial_by_a_party_nobody_accused_does_not_fire() {
        let f = fired("responsibility-dispute", &[ACCUSE, ARMY_DENIES]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
