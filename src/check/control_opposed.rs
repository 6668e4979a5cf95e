//! `control-opposed`: parties claim opposite control of the same place at overlapping times, or that
//! an attack on it was repelled and that the attacker took it (or positions in it) the same day.

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, FindingType, Severity, Side, describe_time, list, parties_of};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};
use crate::lexicon::ControlChange;
use crate::model::TimeRef;

pub(super) fn control(g: &ClaimGraph, place: &str) -> Vec<Finding> {
    struct C {
        claim: usize,
        holder: String,
        change: ControlChange,
        time: Option<TimeRef>,
    }
    let mut out = repelled(g, place);
    let cs: Vec<C> = g
        .place_claims(place)
        .into_iter()
        .filter(|&c| g.claims[c].stance == Stance::Assert && g.claims[c].resolved)
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            // part of a place, or an attack turned back: only [`repelled`] compares them
            PropKind::Control {
                holder,
                change,
                time,
                partial: false,
                repelled: false,
                ..
            } if !g.prop(&g.claims[c]).negated => Some(C {
                claim: c,
                holder: holder.to_string(),
                change: *change,
                time: time.clone(),
            }),
            _ => None,
        })
        .collect();
    // holder -> claims that the holder has the place (gain / hold); only known parties hold
    // places against each other ("an alliance of factions" may be any of them)
    let mut holds: BTreeMap<&str, Vec<&C>> = BTreeMap::new();
    for c in &cs {
        if c.change != ControlChange::Loss && g.known_parties.contains(&c.holder) {
            holds.entry(c.holder.as_str()).or_default().push(c);
        }
    }
    if holds.len() < 2 {
        return out;
    }
    // at least one pair of different holders, claimed by different parties, at overlapping times
    let holders: Vec<&str> = holds.keys().copied().collect();
    let mut conflict = false;
    for (i, h1) in holders.iter().enumerate() {
        for h2 in &holders[i + 1..] {
            for a in &holds[h1] {
                for b in &holds[h2] {
                    if g.claims[a.claim].party != g.claims[b.claim].party
                        && times_overlap(a.time.as_ref(), b.time.as_ref())
                    {
                        conflict = true;
                    }
                }
            }
        }
    }
    if !conflict {
        return out;
    }
    let mut sides = Vec::new();
    let mut parts = Vec::new();
    let mut dates = BTreeSet::new();
    for (h, claims) in &holds {
        let ids: Vec<usize> = claims.iter().map(|c| c.claim).collect();
        let parties = parties_of(g, &ids);
        // each claim's time, with the report it comes from
        let times: Vec<String> = {
            let set: BTreeSet<String> = claims
                .iter()
                .map(|c| {
                    let doc = &g.docs[g.claims[c.claim].doc].doc.id;
                    let t = c
                        .time
                        .as_ref()
                        .map_or("no time given".to_string(), describe_time);
                    format!("{doc}: {t}")
                })
                .collect();
            set.into_iter().collect()
        };
        for c in claims.iter() {
            if let Some(d) = c.time.as_ref().and_then(TimeRef::day) {
                dates.insert(d);
            }
        }
        let verb = if claims.iter().all(|c| c.change == ControlChange::Hold) {
            "holds"
        } else {
            "took"
        };
        parts.push(format!(
            "according to {}, {h} {verb} {place} ({})",
            list(&parties),
            times.join("; ")
        ));
        sides.push(Side {
            role: format!("{place} held by {h}"),
            parties,
            claims: ids,
        });
    }
    let timing = if dates.len() == 1 {
        let d = dates.iter().next().copied();
        format!(
            "the dated claims all fall on {}, so the accounts cannot all describe who holds {place} at the end of that day",
            d.map(|d| describe_time(&TimeRef {
                phrase: Default::default(),
                weekday: None,
                date: Some(d),
                part: None,
                until: None,
            }))
            .unwrap_or_default()
        )
    } else if dates.is_empty() {
        "no claim carries a resolvable date, so the claims may overlap in time".to_string()
    } else {
        "the claims name different days; undated claims may overlap any of them".to_string()
    };
    out.push(Finding {
        severity: Severity::default(),
        ty: FindingType::ControlConflict,
        rule: "control-opposed",
        subject: place.to_string(),
        event: None,
        explanation: capitalize(&format!("{}; {timing}.", parts.join("; "))),
        sides,
    });
    out
}

/// An attack on the place turned back ("the army repelled the Islamic State attack on Morek")
/// against a claim that the attacker took the place, or positions in it ("Islamic State captured
/// several army positions in Morek"), the same day: the attack cannot both have failed and
/// gained ground. A claim about part of the place (positions in it, villages in it) is compared
/// only with a repelled attack whose attacker is named and is the one that gained.
fn repelled(g: &ClaimGraph, place: &str) -> Vec<Finding> {
    struct R<'g> {
        claim: usize,
        holder: &'g str,
        partial: bool,
        attacker: Option<&'g str>,
        day: Option<jiff::civil::Date>,
    }
    let mut repels: Vec<R> = Vec::new();
    let mut gains: Vec<R> = Vec::new();
    for c in g.place_claims(place) {
        let claim = &g.claims[c];
        if claim.stance != Stance::Assert || !claim.resolved || g.prop(claim).negated {
            continue;
        }
        let PropKind::Control {
            holder,
            change,
            time,
            partial,
            repelled,
            attacker,
            ..
        } = &g.prop(claim).kind
        else {
            continue;
        };
        // the day it happened: its own, else the report's (an undated claim is of that day)
        let day = time
            .as_ref()
            .and_then(TimeRef::day)
            .or(g.docs[claim.doc].doc.date);
        let r = R {
            claim: c,
            holder,
            partial: *partial,
            attacker: attacker.as_deref(),
            day,
        };
        if *repelled {
            repels.push(r);
        } else if *change == ControlChange::Gain && g.known_parties.contains(holder.as_str()) {
            gains.push(r);
        }
    }
    let mut out = Vec::new();
    for r in &repels {
        let against: Vec<&R> = gains
            .iter()
            .filter(|x| {
                let (cr, cx) = (&g.claims[r.claim], &g.claims[x.claim]);
                cr.party != cx.party
                    && x.holder != r.holder
                    // the same day; or, in reports that date neither, an attack the repeller
                    // says the gainer made ("repulsed an attack by X on Mangai" against "X took
                    // Mangai")
                    && ((r.day.is_some() && r.day == x.day)
                        || (r.day.is_none() && x.day.is_none() && r.attacker == Some(x.holder)))
                    && match r.attacker {
                        Some(a) => a == x.holder,
                        None => !r.partial && !x.partial,
                    }
            })
            .collect();
        if against.is_empty() {
            continue;
        }
        let gained: Vec<usize> = against.iter().map(|x| x.claim).collect();
        let attacker = r.attacker.unwrap_or(against[0].holder);
        let what = if against.iter().all(|x| x.partial) {
            format!("positions in {place}")
        } else {
            place.to_string()
        };
        let day = r
            .day
            .map(|d| {
                describe_time(&TimeRef {
                    phrase: Default::default(),
                    weekday: None,
                    date: Some(d),
                    part: None,
                    until: None,
                })
            })
            .unwrap_or_default();
        let sides = vec![
            Side {
                role: format!("{attacker}'s attack on {place} repelled"),
                parties: parties_of(g, &[r.claim]),
                claims: vec![r.claim],
            },
            Side {
                role: format!("{attacker} took {what}"),
                parties: parties_of(g, &gained),
                claims: gained,
            },
        ];
        // (reports that date neither claim: the attack the repeller names is the gainer's)
        let when = if day.is_empty() {
            "neither report dates them and the attack repelled is the one said to have gained it"
                .to_string()
        } else {
            format!("both are of {day}")
        };
        let explanation = format!(
            "According to {}, the attack of {attacker} on {place} was repelled; according to {}, {attacker} took {what}; {when}, so the attack cannot both have failed and gained ground.",
            list(&sides[0].parties),
            list(&sides[1].parties),
        );
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::ControlConflict,
            rule: "control-opposed",
            subject: place.to_string(),
            event: None,
            explanation,
            sides,
        });
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether two time references can overlap (an undated one can overlap anything).
fn times_overlap(a: Option<&TimeRef>, b: Option<&TimeRef>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => match (x.period(), y.period()) {
            (Some((x0, x1)), Some((y0, y1))) => x0 <= y1 && y0 <= x1,
            _ => match (&x.weekday, &y.weekday) {
                (Some(wx), Some(wy)) => wx == wy,
                _ => true,
            },
        },
        _ => true,
    }
}

/// One dated control claim in a place's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlStep {
    pub date: jiff::civil::Date,
    pub holder: String,
    pub change: ControlChange,
    pub parties: Vec<String>,
    /// Indices into [`ClaimGraph::claims`].
    pub claims: Vec<usize>,
}

/// Control of a place changing hands over time: a sequence, not a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlTimeline {
    pub place: String,
    /// In date order.
    pub steps: Vec<ControlStep>,
}

/// For every place whose dated control claims name more than one holder on different days, the
/// claims in date order. Claims of different holders on the same day are conflicts
/// (`control-opposed`), not steps of a timeline; such days are left out.
pub fn control_timelines(g: &ClaimGraph) -> Vec<ControlTimeline> {
    let mut out = Vec::new();
    for place in g.places.keys() {
        type Day = BTreeMap<(String, ControlChange), Vec<usize>>;
        let mut by_day: BTreeMap<jiff::civil::Date, Day> = BTreeMap::new();
        for c in g.place_claims(place) {
            let claim = &g.claims[c];
            if claim.stance != Stance::Assert || !claim.resolved || g.prop(claim).negated {
                continue;
            }
            if let PropKind::Control {
                holder,
                change,
                time: Some(t),
                partial: false,
                repelled: false,
                ..
            } = &g.prop(claim).kind
            {
                let Some(d) = t.day() else { continue };
                by_day
                    .entry(d)
                    .or_default()
                    .entry((holder.to_string(), *change))
                    .or_default()
                    .push(c);
            }
        }
        let mut steps = Vec::new();
        for (d, claims) in by_day {
            let holders: BTreeSet<&str> = claims
                .keys()
                .filter(|(_, v)| *v != ControlChange::Loss)
                .map(|(h, _)| h.as_str())
                .collect();
            if holders.len() > 1 {
                continue; // a same-day conflict
            }
            for ((holder, change), ids) in claims {
                steps.push(ControlStep {
                    date: d,
                    holder,
                    change,
                    parties: parties_of(g, &ids),
                    claims: ids,
                });
            }
        }
        let holders: BTreeSet<&str> = steps
            .iter()
            .filter(|s| s.change != ControlChange::Loss)
            .map(|s| s.holder.as_str())
            .collect();
        if holders.len() > 1 {
            out.push(ControlTimeline {
                place: place.clone(),
                steps,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired, run};

    const ARMY: Report = (
        "Wire A",
        "2019-06-08",
        "The Syrian army said it captured the village of Beit Saroun on Friday.",
    );
    const REBELS: Report = (
        "Wire B",
        "2019-06-08",
        "A rebel spokesman said rebels seized Beit Saroun on Friday.",
    );
    const REBELS_LATER: Report = (
        "Wire B",
        "2019-06-12",
        "A rebel spokesman said rebels seized Beit Saroun on Tuesday.",
    );

    #[test]
    fn fires_on_opposed_holders_the_same_day() {
        let f = fired("control-opposed", &[ARMY, REBELS]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].subject, "Beit Saroun");
    }

    const REPELLED: Report = (
        "Wire A",
        "2019-06-08",
        "The Syrian army said it repelled an Islamic State attack on the village of Tell Sabra on Friday.",
    );
    const POSITIONS: Report = (
        "Wire B",
        "2019-06-08",
        "The Syrian Observatory for Human Rights said Islamic State captured several army positions in Tell Sabra on Friday.",
    );

    #[test]
    fn a_repelled_attack_against_the_attackers_gain_the_same_day() {
        let f = fired("control-opposed", &[REPELLED, POSITIONS]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].subject, "Tell Sabra");
        assert_eq!(f[0].sides[0].parties, ["Syrian government"]);
        assert_eq!(
            f[0].sides[1].parties,
            ["Syrian Observatory for Human Rights"]
        );
        // and a full gain against an attack whose attacker is not named
        let unnamed = (
            "Wire A",
            "2019-06-08",
            "The Syrian army said it repelled an attack on Beit Saroun on Friday.",
        );
        assert_eq!(fired("control-opposed", &[unnamed, REBELS]).len(), 1);
    }

    #[test]
    fn undated_reports_of_a_repelled_attack_and_the_attackers_gain() {
        // neither report is dated: the attack repelled is the one the gainer made
        let repelled = (
            "Wire A",
            "",
            "The Syrian army said it repelled an Islamic State attack on the village of Tell Sabra.",
        );
        let taken = (
            "Wire B",
            "",
            "Islamic State said its fighters took control of Tell Sabra.",
        );
        let f = fired("control-opposed", &[repelled, taken]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].explanation.contains("neither report dates them"));
        // ... not a gain by another party
        let other = (
            "Wire B",
            "",
            "The rebels said their fighters took control of Tell Sabra.",
        );
        assert!(
            fired("control-opposed", &[repelled, other])
                .iter()
                .all(|f| !f.explanation.contains("was repelled"))
        );
    }

    #[test]
    fn positions_elsewhere_another_day_or_another_attacker_do_not_fire() {
        let elsewhere = (
            "Wire B",
            "2019-06-08",
            "The Syrian Observatory for Human Rights said Islamic State captured several army positions in Deir Sulaf on Friday.",
        );
        let later = (
            "Wire B",
            "2019-06-12",
            "The Syrian Observatory for Human Rights said Islamic State captured several army positions in Tell Sabra on Tuesday.",
        );
        let rebels = (
            "Wire A",
            "2019-06-08",
            "The Syrian army said it repelled a rebel attack on the village of Tell Sabra on Friday.",
        );
        for pair in [
            [REPELLED, elsewhere],
            [REPELLED, later],
            [rebels, POSITIONS],
        ] {
            let f = fired("control-opposed", &pair);
            assert!(f.is_empty(), "{pair:?}: {f:#?}");
        }
    }

    #[test]
    fn positions_taken_do_not_oppose_a_plain_hold() {
        let holds = (
            "Wire A",
            "2019-06-08",
            "The Syrian army said it controls Tell Sabra.",
        );
        assert!(fired("control-opposed", &[holds, POSITIONS]).is_empty());
    }

    #[test]
    fn holders_on_different_days_are_a_timeline_not_a_conflict() {
        let (g, f) = run(&[ARMY, REBELS_LATER], Default::default());
        assert!(f.iter().all(|x| x.rule != "control-opposed"), "{f:#?}");
        let t = super::control_timelines(&g);
        let holders: Vec<&str> = t
            .iter()
            .flat_map(|t| &t.steps)
            .map(|s| s.holder.as_str())
            .collect();
        assert_eq!(holders, ["Syrian government", "rebels"], "{t:#?}");
    }
}
