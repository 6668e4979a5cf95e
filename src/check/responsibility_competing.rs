//! `responsibility-competing`: different parties name different perpetrators of the same event.

use itertools::Itertools;
use std::collections::{BTreeMap, BTreeSet};

use super::common::responsibility_claims;
use super::{Finding, FindingType, Severity, Side, describe_event, list, parties_of};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};

pub(super) fn competing(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let rc = responsibility_claims(g, e, false);
    // agent -> asserting claims (not self-claims, not denials)
    let mut by_agent: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // only perpetrators that are known parties compete ("shell", "strikes" are not perpetrators)
    // a report's own voice relays its sources: it is not a rival account of a claim in the
    // same report ("rebels launched an offensive", then "rebels launched an offensive, a monitor
    // said"); when the two name different perpetrators one of them was misread
    let relays = |c: usize, a: &str| {
        let cl = &g.claims[c];
        !cl.voiced()
            && rc.iter().any(|(o, b)| {
                g.claims[*o].doc == cl.doc && g.claims[*o].voiced() && b.as_str() != a
            })
    };
    for (c, a) in &rc {
        if relays(*c, a) {
            continue;
        }
        let known = g.known_parties.contains(a);
        if known
            && g.claims[*c].stance != Stance::Deny
            && g.claims[*c].party != *a
            && g.claims[*c].resolved
        {
            by_agent.entry(a.clone()).or_default().push(*c);
        }
    }
    if by_agent.len() < 2 {
        return Vec::new();
    }
    // different claimant parties must back different agents: two of them blaming disjoint sets
    // (a joint attack, "the regime and Russian forces", does not compete with "Russian jets")
    let mut blamed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (agent, cs) in &by_agent {
        for &c in cs {
            let set = blamed.entry(g.claims[c].party.as_str()).or_default();
            set.insert(agent.as_str());
            // the other perpetrators the same sentence names with it ("strikes by the regime
            // and Russian warplanes"), even when their mention joined another event
            let cl = &g.claims[c];
            let sentence = g.prop(cl).sentence;
            for o in g.claims_of_doc(cl.doc) {
                let sibling = o.party == cl.party
                    && o.attribution == cl.attribution
                    && o.stance == Stance::Assert
                    && g.prop(o).sentence == sentence;
                if sibling {
                    if let PropKind::Responsibility {
                        agent: other,
                        alternative: false,
                        ..
                    } = &g.prop(o).kind
                    {
                        if g.known_parties.contains(other.as_str()) && *other != o.party {
                            set.insert(other.as_str());
                        }
                    }
                }
            }
        }
    }
    // ... unless another party blames them together: "the regime and Russian warplanes" makes
    // "Russian airstrikes" and "regime airstrikes" two views of one joint attack
    let joint = |a: &str, b: &str| blamed.values().any(|z| z.contains(a) && z.contains(b));
    let disjoint = blamed
        .values()
        .tuple_combinations()
        .any(|(x, y)| x.is_disjoint(y) && !x.iter().any(|a| y.iter().any(|b| joint(a, b))));
    if !disjoint {
        return Vec::new();
    }
    let ev = &g.events[e].desc;
    let sides: Vec<Side> = by_agent
        .iter()
        .map(|(agent, cs)| Side {
            role: format!("blame {agent}"),
            parties: parties_of(g, cs),
            claims: cs.clone(),
        })
        .collect();
    let parts: Vec<String> = sides
        .iter()
        .map(|s| format!("{} {}", list(&s.parties), s.role))
        .collect();
    vec![Finding {
        severity: Severity::default(),
        ty: FindingType::CompetingAttribution,
        rule: "responsibility-competing",
        subject: describe_event(ev, &g.frame_text),
        event: Some(e),
        explanation: format!(
            "Different perpetrators are named for the {}: {}.",
            describe_event(ev, &g.frame_text),
            parts.join("; ")
        ),
        sides,
    }]
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const TURKEY: Report = (
        "Wire A",
        "2019-03-15",
        "Turkish officials said Russian jets carried out Thursday's strike on the bakery in Kafr Omarin.",
    );
    const RUSSIA: Report = (
        "Wire B",
        "2019-03-15",
        "The Russian defence ministry said US-led coalition jets carried out Thursday's strike on the bakery in Kafr Omarin.",
    );
    const ACTIVISTS: Report = (
        "Wire B",
        "2019-03-15",
        "Activists said Russian jets carried out Thursday's strike on the bakery in Kafr Omarin.",
    );

    #[test]
    fn fires_when_parties_blame_different_perpetrators() {
        let f = fired("responsibility-competing", &[TURKEY, RUSSIA]);
        assert_eq!(f.len(), 1, "{f:#?}");
        let roles: Vec<&str> = f[0].sides.iter().map(|s| s.role.as_str()).collect();
        assert_eq!(roles, ["blame Russia", "blame US-led coalition"]);
    }

    #[test]
    fn one_side_of_a_joint_attack_is_no_rival_account() {
        let syria: Report = (
            "Wire C",
            "2019-03-15",
            "Activists said Syrian army jets carried out Thursday's strike on the bakery in Kafr Omarin.",
        );
        let joint: Report = (
            "Wire D",
            "2019-03-15",
            "The Syrian Observatory for Human Rights said Russian and Syrian army jets carried out Thursday's strike on the bakery in Kafr Omarin.",
        );
        assert!(!fired("responsibility-competing", &[TURKEY, syria]).is_empty());
        let f = fired("responsibility-competing", &[TURKEY, syria, joint]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn parties_blaming_the_same_perpetrator_do_not_compete() {
        let f = fired("responsibility-competing", &[TURKEY, ACTIVISTS]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
