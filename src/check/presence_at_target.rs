//! `presence-at-target`: one party says the site an attack struck held armed men or a military
//! facility, and another party says it held none ("struck Hamas militants operating from a
//! command centre inside the school" against "there were no fighters inside the school"); or
//! the same for civilians ("the classrooms were crowded with displaced families" against "no
//! civilians were present in the section struck").
//!
//! The claims are [`PropKind::Target`] propositions of one event: the event matching decides
//! that both speak of the same strike.

use std::collections::BTreeMap;

use super::{Finding, FindingType, Severity, Side, describe_event, list, parties_of};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};
use crate::lexicon::{Lexicon, TargetWord};

/// A dispute: for (armed, denying party), the asserting claims of every other party and the
/// denying ones.
type Sides = (Vec<usize>, Vec<usize>);

pub(super) fn presence_at_target(g: &ClaimGraph, e: usize, lx: &Lexicon) -> Vec<Finding> {
    // (claim, armed, what, asserted)
    let mut claims: Vec<(usize, bool, &str, bool)> = g
        .event_claims(e)
        .into_iter()
        .filter(|&c| g.claims[c].resolved)
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Target { armed, what, .. } => {
                Some((c, *armed, what.as_str(), g.claims[c].stance != Stance::Deny))
            }
            _ => None,
        })
        .collect();
    if claims.iter().all(|x| x.3) {
        return Vec::new();
    }
    // the dead and wounded place their kind at the site: "killed 26 civilians" says civilians
    // were there, "eight terrorists were eliminated" that armed men were (victims a row of
    // `targets.tsv` names)
    for c in g.event_claims(e) {
        let cl = &g.claims[c];
        if !cl.resolved || cl.stance == Stance::Deny || g.prop(cl).negated {
            continue;
        }
        if let PropKind::Casualty {
            count,
            victims,
            measure,
            cumulative: false,
            superseded: false,
            aggregate: false,
            ..
        } = &g.prop(cl).kind
        {
            let armed = match lx.targets.get(victims.as_str()) {
                Some(TargetWord::Armed) => true,
                Some(TargetWord::Civilian) => false,
                _ => continue,
            };
            if count.lo > 0 && matches!(measure.as_str(), "killed" | "wounded") {
                claims.push((c, armed, victims.as_str(), true));
            }
        }
    }
    claims.sort_unstable_by_key(|x| x.0);
    let mut groups: BTreeMap<(bool, &str), Sides> = BTreeMap::new();
    for &(ca, armed, _, asserted) in &claims {
        if !asserted {
            continue;
        }
        for &(cd, armed_d, _, asserted_d) in &claims {
            let (a, d) = (&g.claims[ca], &g.claims[cd]);
            if asserted_d
                || armed_d != armed
                || a.party == d.party
                // inside one report, only between known parties (a report telling both sides
                // of one party's account is no dispute)
                || (a.doc == d.doc && !(a.known_party && d.known_party))
            {
                continue;
            }
            // one finding per denying party: every party it answers on the other side
            let entry = groups.entry((armed, d.party.as_str())).or_default();
            // (one claim per statement: a figure and a site named in one content are one
            // piece of evidence)
            let same_statement = |x: usize, y: usize| {
                let (cx, cy) = (&g.claims[x], &g.claims[y]);
                x == y
                    || (cx.attribution.is_some()
                        && (cx.doc, cx.attribution) == (cy.doc, cy.attribution))
            };
            if !entry.0.iter().any(|&x| same_statement(x, ca)) {
                entry.0.push(ca);
            }
            if !entry.1.iter().any(|&x| same_statement(x, cd)) {
                entry.1.push(cd);
            }
        }
    }
    let ev = &g.events[e].desc;
    let subject = describe_event(ev, &g.frame_text);
    let mut out = Vec::new();
    for ((armed, _), (mut asserting, mut denying)) in groups {
        asserting.sort_unstable();
        denying.sort_unstable();
        let what = claims
            .iter()
            .find(|x| x.0 == asserting[0])
            .map_or("", |x| x.2);
        let (said, none) = if armed {
            (
                format!("the site held armed men or a military facility ({what})"),
                "there were none",
            )
        } else {
            (
                format!("the site held civilians ({what})"),
                "there were none",
            )
        };
        let (pa, pd) = (parties_of(g, &asserting), parties_of(g, &denying));
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::PresenceDispute,
            rule: "presence-at-target",
            subject: subject.clone(),
            event: Some(e),
            sides: vec![
                Side {
                    role: if armed {
                        format!("armed presence: {what}")
                    } else {
                        format!("civilians present: {what}")
                    },
                    parties: pa.clone(),
                    claims: asserting,
                },
                Side {
                    role: if armed {
                        "no armed presence".to_string()
                    } else {
                        "no civilians present".to_string()
                    },
                    parties: pd.clone(),
                    claims: denying,
                },
            ],
            explanation: format!(
                "For the {subject}, {} {} {said}; {} {} {none}.",
                list(&pa),
                if pa.len() == 1 { "says" } else { "say" },
                list(&pd),
                if pd.len() == 1 { "says" } else { "say" },
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::fired;

    #[test]
    fn fighters_at_the_site_against_a_denial_by_another_party() {
        let f = fired(
            "presence-at-target",
            &[
                (
                    "Wire A",
                    "2024-03-07",
                    "The Israeli military said it struck Hamas militants operating from a command centre inside the al-Falah school in Gaza City on Thursday.",
                ),
                (
                    "Wire B",
                    "2024-03-07",
                    "An Israeli strike hit the al-Falah school in Gaza City on Thursday. The Hamas-run Government Media Office said there were no resistance fighters inside the school.",
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sides[0].parties, ["Israel"]);
        assert_eq!(f[0].sides[1].parties, ["Gaza Government Media Office"]);
    }

    #[test]
    fn civilians_present_against_none_present() {
        let f = fired(
            "presence-at-target",
            &[
                (
                    "Wire A",
                    "2024-03-07",
                    "The civil defence said the Israeli strike on the al-Falah school in Gaza City on Thursday hit classrooms crowded with displaced families.",
                ),
                (
                    "Wire B",
                    "2024-03-07",
                    "The Israeli military said no civilians were present in the al-Falah school in Gaza City when it was struck on Thursday.",
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].sides[0].role.starts_with("civilians present"));
    }

    #[test]
    fn the_dead_place_their_kind_at_the_site() {
        let f = fired(
            "presence-at-target",
            &[
                (
                    "Wire A",
                    "2025-06-10",
                    "Amnesty International said the Nigerian Air Force strike on Kirenowa on 9 June killed 26 civilians.",
                ),
                (
                    "Wire B",
                    "2025-06-10",
                    "The Nigerian Air Force struck Kirenowa on 9 June. The Defence Headquarters said no civilians were in the area at the time of the strike on Kirenowa.",
                ),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].sides[0].parties, ["Amnesty International"]);
        assert_eq!(f[0].sides[1].parties, ["Nigeria"]);
    }

    #[test]
    fn both_sides_agreeing_or_one_party_alone_is_no_dispute() {
        // both say fighters were there
        assert!(
            fired(
                "presence-at-target",
                &[
                    (
                        "Wire A",
                        "2024-03-07",
                        "The Israeli military said it struck Hamas militants operating inside the al-Falah school in Gaza City on Thursday.",
                    ),
                    (
                        "Wire B",
                        "2024-03-07",
                        "The Israeli strike on the al-Falah school in Gaza City on Thursday killed 20 people. The United Nations said Hamas militants were present in the school.",
                    ),
                ],
            )
            .is_empty()
        );
        // a different strike: a denial about another day and place
        assert!(
            fired(
                "presence-at-target",
                &[
                    (
                        "Wire A",
                        "2024-03-07",
                        "The Israeli military said it struck Hamas militants operating inside the al-Falah school in Gaza City on Thursday.",
                    ),
                    (
                        "Wire B",
                        "2024-05-20",
                        "An Israeli strike hit a market in Rafah on Monday. The Government Media Office said there were no fighters at the market.",
                    ),
                ],
            )
            .is_empty()
        );
    }
}
