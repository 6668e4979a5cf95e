//! `date-disputed`: reports give different dates, within a week, for what every other detail says
//! is one event (same specific frame, place and agent).

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, FindingType, Severity, Side, describe_event, parties_of};
use crate::graph::ClaimGraph;
use crate::lexicon::Lexicon;
use crate::model::TimeRef;

/// Longest gap between two dates given for one event that still reads as a dispute over the date
/// rather than two events.
const DATE_DISPUTE_DAYS: i32 = 7;

/// Two events kept apart only by their dates: the same specific frame (an aid convoy, an
/// offensive), the same place and the same agent, dated differently by different reports within
/// a week. Each side lists the attributed claims behind one date.
pub(super) fn date_disputed(g: &ClaimGraph, lx: &Lexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    let date_of = |e: usize| g.events[e].desc.time.as_ref().and_then(TimeRef::day);
    let docs_of =
        |e: usize| -> BTreeSet<usize> { g.events[e].mentions.iter().map(|&(d, _)| d).collect() };
    // only events of one specific frame and agent, dated within a week of each other, are
    // compared: group them, then slide along the dates
    let mut groups: BTreeMap<(&str, &str), Vec<(jiff::civil::Date, usize)>> = BTreeMap::new();
    for e in 0..g.events.len() {
        let desc = &g.events[e].desc;
        if let (Some(f), Some(ag), Some(d)) = (&desc.frame, &desc.agent, date_of(e)) {
            if lx.frame_specific(f) {
                groups.entry((f, ag)).or_default().push((d, e));
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for dated in groups.values_mut() {
        dated.sort_unstable();
        for (x, &(da, a)) in dated.iter().enumerate() {
            for &(db, b) in &dated[x + 1..] {
                if (db - da).get_days().abs() > DATE_DISPUTE_DAYS {
                    break;
                }
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    pairs.sort_unstable();
    for (a, b) in pairs {
        {
            let (Some(da), Some(db)) = (date_of(a), date_of(b)) else {
                continue;
            };
            let gap = (db - da).get_days().abs();
            if da == db || gap > DATE_DISPUTE_DAYS {
                continue;
            }
            // different reports on each side
            if !docs_of(a).is_disjoint(&docs_of(b)) {
                continue;
            }
            let untimed = |e: usize| {
                let mut d = g.events[e].desc.clone();
                d.time = None;
                d
            };
            let Some(agreed) = crate::graph::agreements(&untimed(a), &untimed(b), lx) else {
                continue;
            };
            use crate::graph::Detail;
            let all = [Detail::SpecificFrame, Detail::Place, Detail::Agent];
            if !all.iter().all(|x| agreed.contains(x)) {
                continue;
            }
            let (ca, cb) = (g.event_claims(a), g.event_claims(b));
            if ca.is_empty() || cb.is_empty() {
                continue;
            }
            let side = |claims: Vec<usize>, d: jiff::civil::Date| Side {
                role: format!("dates it {d}"),
                parties: parties_of(g, &claims),
                claims,
            };
            out.push(Finding {
                severity: Severity::default(),
                ty: FindingType::TemporalConflict,
                rule: "date-disputed",
                subject: describe_event(&g.events[a].desc, &g.frame_text),
                event: Some(a),
                explanation: format!(
                    "The reports agree on what happened ({}) but date it {} and {}, {gap} day(s) apart: one of the dates is wrong, or these are two events.",
                    agreed
                        .iter()
                        .map(|d| d.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                    da,
                    db
                ),
                sides: vec![side(ca, da), side(cb, db)],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const MONDAY: Report = (
        "Wire A",
        "2019-03-12",
        "Turkish officials said Russian jets carried out the strike on the aid convoy at Kafr Omarin on Monday.",
    );
    const TUESDAY: Report = (
        "Wire B",
        "2019-03-13",
        "Activists said Russian jets carried out the strike on the aid convoy at Kafr Omarin on Tuesday.",
    );
    const OTHER_AGENT: Report = (
        "Wire B",
        "2019-03-13",
        "Activists said Syrian government jets carried out the strike on the aid convoy at Kafr Omarin on Tuesday.",
    );

    #[test]
    fn fires_when_only_the_date_differs() {
        let f = fired("date-disputed", &[MONDAY, TUESDAY]);
        assert_eq!(f.len(), 1, "{f:#?}");
        let e = &f[0].explanation;
        assert!(e.contains("2019-03-11") && e.contains("2019-03-12"), "{e}");
    }

    #[test]
    fn another_agent_makes_another_event() {
        let f = fired("date-disputed", &[MONDAY, OTHER_AGENT]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
