//! `control-opposed`: parties claim opposite control of the same place at overlapping times.

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
    let cs: Vec<C> = g
        .place_claims(place)
        .into_iter()
        .filter(|&c| g.claims[c].stance == Stance::Assert && g.claims[c].resolved)
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Control {
                holder,
                change,
                time,
                ..
            } if !g.prop(&g.claims[c]).negated => Some(C {
                claim: c,
                holder: holder.clone(),
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
        return Vec::new();
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
        return Vec::new();
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
                phrase: String::new(),
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
    vec![Finding {
        severity: Severity::default(),
        ty: FindingType::ControlConflict,
        rule: "control-opposed",
        subject: place.to_string(),
        event: None,
        explanation: capitalize(&format!("{}; {timing}.", parts.join("; "))),
        sides,
    }]
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
                ..
            } = &g.prop(claim).kind
            {
                let Some(d) = t.day() else { continue };
                by_day
                    .entry(d)
                    .or_default()
                    .entry((holder.clone(), *change))
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
