//! `casualty-disputed`: a party disputes the casualty figure another party gives for the same
//! event ("disputed this figure", "rejected the figure of 471 as inflated", "said the numbers
//! were fabricated", "denied that 471 people were killed") and gives no figure of its own.
//!
//! A dispute is a claim that denies a casualty proposition (see `extract::dispute`): the figure
//! it names or points at. It conflicts with every other party's figure for the event that
//! overlaps the disputed one (the figure disputed, whoever gives it). A party that also gives
//! its own figure for the event is left to `casualty-disjoint`, which compares the two figures.

use std::collections::BTreeMap;

use super::casualty_disjoint::casualty_figures;
use super::{Finding, FindingType, Severity, Side, describe_event, list, parties_of};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};
use crate::lexicon::Lexicon;
use crate::model::Interval;

/// One disputing party's disputes of a measure (claims), and the claims giving the figures they
/// hit.
type Group = (Vec<usize>, Vec<usize>);

/// A figure a party disputes.
struct Dispute {
    claim: usize,
    interval: Interval,
    text: String,
    measure: String,
    victims: String,
    /// The party whose figures it disputes, named without a count.
    given_by: Option<String>,
}

pub(super) fn disputed(g: &ClaimGraph, e: usize, lx: &Lexicon) -> Vec<Finding> {
    let disputes: Vec<Dispute> = g
        .event_claims(e)
        .into_iter()
        .filter(|&c| {
            let cl = &g.claims[c];
            cl.stance == Stance::Deny && cl.resolved && cl.known_party && cl.voiced()
        })
        // a denial of a deed is no dispute of the figure its words recall ("deny carrying out
        // the attack that killed 20 people")
        .filter(|&c| !denies_a_deed(g, c, lx))
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Casualty {
                count,
                count_text,
                measure,
                victims,
                cumulative: false,
                superseded: false,
                given_by,
                ..
            } => Some(Dispute {
                claim: c,
                interval: *count,
                text: count_text.to_string(),
                measure: measure.to_string(),
                victims: victims.to_string(),
                given_by: given_by.as_ref().map(|a| a.to_string()),
            }),
            _ => None,
        })
        .collect();
    if disputes.is_empty() {
        return Vec::new();
    }
    let figs = casualty_figures(g, e);
    // per disputing party and measure: its disputes, and the figures they hit
    let mut groups: BTreeMap<(&str, &str), Group> = BTreeMap::new();
    for d in &disputes {
        let cd = &g.claims[d.claim];
        // a party that gives its own figure is compared figure to figure (casualty-disjoint)
        let own = figs
            .iter()
            .any(|f| g.claims[f.claim].party == cd.party && f.measure == d.measure);
        if own {
            continue;
        }
        let hit: Vec<usize> = figs
            .iter()
            .filter(|f| {
                let cf = &g.claims[f.claim];
                cf.party != cd.party
                    // inside one report, only between known parties (as casualty-disjoint)
                    && (cf.doc != cd.doc || cf.known_party)
                    && f.measure == d.measure
                    && match &d.given_by {
                        // every figure of the party named as its giver
                        Some(p) => cf.party == *p,
                        None => {
                            crate::extract::propose::same_victims(&f.victims, &d.victims, lx)
                                && f.interval.overlaps(&d.interval)
                        }
                    }
            })
            .map(|f| f.claim)
            .collect();
        if hit.is_empty() {
            continue;
        }
        let entry = groups
            .entry((cd.party.as_str(), d.measure.as_str()))
            .or_default();
        entry.0.push(d.claim);
        for c in hit {
            if !entry.1.contains(&c) {
                entry.1.push(c);
            }
        }
    }
    let ev = &g.events[e].desc;
    let mut out = Vec::new();
    for ((party, _), (mut disputing, mut given)) in groups {
        disputing.sort_unstable();
        given.sort_unstable();
        let Some(d) = disputes.iter().find(|d| d.claim == disputing[0]) else {
            continue;
        };
        let givers = parties_of(g, &given);
        // a dispute of a giver's figures names no count: the first figure it hits
        let figure = match d.given_by {
            Some(_) => match &g.prop(&g.claims[given[0]]).kind {
                PropKind::Casualty {
                    count_text,
                    victims,
                    measure,
                    ..
                } => format!("{count_text} {victims} {measure}"),
                _ => continue,
            },
            None => format!("{} {} {}", d.text, d.victims, d.measure),
        };
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::NumericConflict,
            rule: "casualty-disputed",
            subject: describe_event(ev, &g.frame_text),
            event: Some(e),
            sides: vec![
                Side {
                    role: format!("disputes {figure}"),
                    parties: vec![party.to_string()],
                    claims: disputing,
                },
                Side {
                    role: figure.clone(),
                    parties: givers.clone(),
                    claims: given,
                },
            ],
            explanation: format!(
                "For the {}, {} {} the figure of {figure}; {party} disputes it and gives no figure of its own.",
                describe_event(ev, &g.frame_text),
                list(&givers),
                if givers.len() == 1 { "gives" } else { "give" },
            ),
        });
    }
    out
}

/// Whether claim `c`'s attribution also holds a responsibility proposition: it denies a deed.
fn denies_a_deed(g: &ClaimGraph, c: usize, lx: &Lexicon) -> bool {
    let cl = &g.claims[c];
    let Some(a) = cl.attribution else {
        return false;
    };
    let x = &g.docs[cl.doc];
    if x.propositions.iter().any(|p| {
        p.attribution == cl.attribution && matches!(p.kind, PropKind::Responsibility { .. })
    }) {
        return true;
    }
    // a deed whose agent no one names ("denied its aircraft or those of its allies were
    // involved in the incident in which 18 trucks were destroyed"): a responsibility phrase
    // before the figure in the content
    super::common::names_a_deed(g, cl.doc, a, Some(g.prop(cl).bytes.start), lx)
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const TOLL: Report = (
        "Wire A",
        "2019-03-15",
        "The Syrian Observatory for Human Rights said 471 people were killed in Thursday's air strike on the hospital in Tell Sabra.",
    );

    fn dispute(text: &'static str) -> Report<'static> {
        ("Wire B", "2019-03-15", text)
    }

    #[test]
    fn a_dispute_of_the_figure_before_it_fires_against_its_giver() {
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "Monitors said 471 people were killed in Thursday's air strike on the hospital in Tell Sabra. The Syrian army disputed this figure.",
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].parties, ["Syrian government"]);
        assert_eq!(
            f[0].sides[1].parties,
            ["Syrian Observatory for Human Rights"]
        );
    }

    #[test]
    fn a_named_figure_is_disputed_without_a_figure_before_it() {
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "An air strike hit the hospital in Tell Sabra on Thursday. The Syrian army rejected the figure of 471 as inflated.",
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_denial_of_the_attack_that_killed_them_does_not_fire() {
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "The Syrian army denied carrying out Thursday's air strike on the hospital in Tell Sabra that killed 471 people.",
                ),
            ],
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_denial_of_involvement_whose_agent_is_unnamed_does_not_fire() {
        // "its jets or those of its allies": alternatives name no agent, yet the denial is of
        // a deed, and the figure only recalls the incident
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "The Syrian army denied its jets or those of its allies were involved in Thursday's air strike on the hospital in Tell Sabra in which 471 people were killed.",
                ),
            ],
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn another_figure_named_or_a_figure_of_its_own_does_not_fire() {
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "An air strike hit the hospital in Tell Sabra on Thursday. The Syrian army rejected the figure of 90 as inflated.",
                ),
            ],
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = fired(
            "casualty-disputed",
            &[
                TOLL,
                dispute(
                    "An air strike hit the hospital in Tell Sabra on Thursday. The Syrian army said 12 people were killed in the strike on the hospital in Tell Sabra. The Syrian army rejected the figure of 471 as inflated.",
                ),
            ],
        );
        assert!(f.is_empty(), "{f:#?}");
    }
}
