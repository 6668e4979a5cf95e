//! `casualty-disjoint`: two parties give casualty figures for the same event, measure and victims
//! whose intervals do not overlap.

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, FindingType, Severity, Side, describe_event};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Detail, Stance};
use crate::lexicon::Lexicon;
use crate::model::{Commitment, Interval};
use crate::places::{enclosing, footprint, place_ancestors};

/// A candidate pair of figures: (details agreed, a toll of none), the order its party pair was
/// first met, the two figures' indices, the note on their order in time.
type Score = ((usize, bool), usize, usize, usize, Option<String>);

pub(super) fn numeric(g: &ClaimGraph, e: usize, lx: &Lexicon) -> Vec<Finding> {
    let figs = casualty_figures(g, e);
    let mut out = Vec::new();
    // one finding per pair of parties and measure: of their disjoint pairs of figures, the one
    // whose two mentions agree on the most details (then the first), with every claim of each
    // party that gives the same figure
    let mut best: BTreeMap<(&str, &str, &str), Score> = BTreeMap::new();
    let mut order = 0usize;
    for (i, a) in figs.iter().enumerate() {
        for (j, b) in figs.iter().enumerate().skip(i + 1) {
            let (ca, cb) = (&g.claims[a.claim], &g.claims[b.claim]);
            // inside one report, different figures are usually different incidents; they
            // conflict only when two known parties give them
            let same_report_unknown = ca.doc == cb.doc && !(ca.known_party && cb.known_party);
            // "rose to 45, up from 38": a report that names the other figure as the one its
            // toll replaced tells an update
            let replaced = a.previous == Some(b.interval) || b.previous == Some(a.interval);
            if ca.party == cb.party
                || same_report_unknown
                || replaced
                || a.measure != b.measure
                || !crate::extract::propose::same_victims(&a.victims, &b.victims, lx)
                || a.interval.overlaps(&b.interval)
            {
                continue;
            }
            // a report's own voice is compared only where the two mentions surely describe
            // one incident (see [`own_voice_comparable`])
            if !own_voice_comparable(g, a, b, &figs, lx) {
                continue;
            }
            // tolls of attacks by different known parties are different incidents ("rebel
            // rockets killed four", "Russian air strikes killed eight"); who did it is the
            // responsibility rules' matter
            if let (Some(x), Some(y)) = (&a.agent, &b.agent) {
                if x != y && g.known_parties.contains(x) && g.known_parties.contains(y) {
                    continue;
                }
            }
            // a toll for a wider area, or for several places, counts the narrower one's dead
            // too: it conflicts only when the part exceeds the whole
            if let Some((whole, part)) = whole_and_part(a, b, lx) {
                let exceeds = whole.interval.hi.is_some_and(|hi| part.interval.lo > hi);
                if !exceeds {
                    continue;
                }
            }
            // over time: a toll that rises in a later report is an update (see
            // [`figure_sequences`]); a later figure below an earlier firm one is a conflict
            let (da, db) = (g.docs[ca.doc].doc.date, g.docs[cb.doc].doc.date);
            let mut sequence = None;
            if let (Some(da), Some(db)) = (da, db) {
                if da != db {
                    let (early, late, de, dl) = if da < db {
                        (a, b, da, db)
                    } else {
                        (b, a, db, da)
                    };
                    let rises = rises(early.interval, late.interval);
                    let firm = g.claims[early.claim].commitment == Commitment::Certain;
                    if rises || !firm {
                        continue;
                    }
                    sequence = Some(format!(
                        " The lower figure comes later ({} on {}, after {} on {}): a toll that falls below an earlier firm figure is no update.",
                        late.text, dl, early.text, de
                    ));
                }
            }
            let (pa, pb) = (ca.party.as_str(), cb.party.as_str());
            let key = if pa < pb {
                (pa, pb, a.measure.as_str())
            } else {
                (pb, pa, a.measure.as_str())
            };
            let details = |f: &Fig| g.prop(&g.claims[f.claim]).kind.event();
            let agreed = match (details(a), details(b)) {
                (Some(x), Some(y)) => crate::graph::agreements(x, y, lx).map_or(0, |d| d.len()),
                _ => 0,
            };
            // ... then a toll of none against a toll: the sharpest disagreement, where a total
            // and one of its parts are the likelier reading of two tolls
            let none = a.interval.hi == Some(0) || b.interval.hi == Some(0);
            let score = (agreed, none);
            match best.get(&key) {
                Some(&(s, ..)) if s >= score => {}
                _ => {
                    let first = best.get(&key).map_or(order, |x| x.1);
                    best.insert(key, (score, first, i, j, sequence));
                    order += 1;
                }
            }
        }
    }
    let mut chosen: Vec<_> = best.into_values().collect();
    chosen.sort_by_key(|x| x.1);
    for (_, _, i, j, sequence) in chosen {
        let (a, b) = (&figs[i], &figs[j]);
        let (lo, hi) = if a.interval <= b.interval {
            (a, b)
        } else {
            (b, a)
        };
        // gather every claim of the same party with the same figure
        let same = |f: &Fig| -> Vec<usize> {
            figs.iter()
                .filter(|o| {
                    g.claims[o.claim].party == g.claims[f.claim].party
                        && o.interval == f.interval
                        && o.measure == f.measure
                })
                .map(|o| o.claim)
                .collect()
        };
        let ev = &g.events[e].desc;
        let (pl, ph) = (&g.claims[lo.claim].party, &g.claims[hi.claim].party);
        out.push(Finding {
                severity: Severity::default(),
                ty: FindingType::NumericConflict,
                rule: "casualty-disjoint",
                subject: describe_event(ev, &g.frame_text),
                event: Some(e),
                sides: vec![
                    Side {
                        role: format!("{} {} {}", lo.text, lo.victims, lo.measure),
                        parties: vec![pl.to_string()],
                        claims: same(lo),
                    },
                    Side {
                        role: format!("{} {} {}", hi.text, hi.victims, hi.measure),
                        parties: vec![ph.to_string()],
                        claims: same(hi),
                    },
                ],
                explanation: format!(
                    "For the {}, according to {pl} {} {} {}{}, according to {ph} {} {} {}{}; the figures do not overlap, so they cannot both be right.{}",
                    describe_event(ev, &g.frame_text),
                    mid_sentence(&lo.text),
                    lo.victims,
                    lo.measure,
                    interval_note(&lo.text, lo.interval),
                    mid_sentence(&hi.text),
                    hi.victims,
                    hi.measure,
                    interval_note(&hi.text, hi.interval),
                    sequence.unwrap_or_default(),
                ),
            });
    }
    out
}

/// Whether two figures may be compared when one of them is a report's own voice (an outlet's
/// narrative: a lead, a headline, background). A city and a day hold many incidents, and outlets
/// sum up a day's tolls in one sentence, so such a figure is set against another report's only
/// when the two mentions themselves agree on the day and
/// - on something more specific than a place (a specific frame, the same known perpetrator,
///   the same site struck): one incident, whatever the figures; or
/// - one names a place the gazetteer puts inside the other's ("the Sukkari district" and
///   "Aleppo"), and the narrower figure exceeds the wider one: a part cannot exceed its whole.
///
/// It is never set against a figure of its own report, which it relays or sums up, nor against
/// a party that also gives its figure for the event (or whose figure it also gives): "31 killed
/// including 10 on the bus" and "ten were killed on the bus" are a total and its part.
fn own_voice_comparable(g: &ClaimGraph, a: &Fig, b: &Fig, figs: &[Fig], lx: &Lexicon) -> bool {
    let (ca, cb) = (&g.claims[a.claim], &g.claims[b.claim]);
    if ca.voiced() && cb.voiced() {
        return true;
    }
    if ca.doc == cb.doc {
        return false;
    }
    let also_gives = |party: &str, f: &Fig| {
        figs.iter().any(|o| {
            g.claims[o.claim].party == party
                && o.measure == f.measure
                && o.interval.overlaps(&f.interval)
        })
    };
    if also_gives(&ca.party, b) || also_gives(&cb.party, a) {
        return false;
    }
    let event_of = |c: &crate::graph::Claim| match &g.prop(c).kind {
        PropKind::Casualty { event, .. } => Some(event.clone()),
        _ => None,
    };
    let (Some(ea), Some(eb)) = (event_of(ca), event_of(cb)) else {
        return false;
    };
    let Some(agreed) = crate::graph::agreements(&ea, &eb, lx) else {
        return false;
    };
    if !agreed.contains(&Detail::Day) {
        return false;
    }
    if agreed
        .iter()
        .any(|x| matches!(x, Detail::SpecificFrame | Detail::Agent | Detail::Target))
    {
        return true;
    }
    // the most specific place of one lies in the other's, as the gazetteer knows
    let inside = |x: &Fig, y: &Fig| match (x.places.first(), y.places.first()) {
        (Some(px), Some(py)) => place_ancestors(px, lx).iter().any(|q| q == py),
        _ => false,
    };
    let exceeds =
        |part: &Fig, whole: &Fig| whole.interval.hi.is_some_and(|hi| part.interval.lo > hi);
    (inside(a, b) && exceeds(a, b)) || (inside(b, a) && exceeds(b, a))
}

/// When one figure's area holds the other's (an aggregate, "across the province"; several places,
/// "Hamdaniyeh and Sukkari" against "Hamdaniyeh"), the wider figure and the narrower one.
fn whole_and_part<'f>(a: &'f Fig, b: &'f Fig, lx: &Lexicon) -> Option<(&'f Fig, &'f Fig)> {
    let (fa, fb) = (footprint(&a.places, lx), footprint(&b.places, lx));
    // every place of `inner` is one of, or lies in one of, the places of `outer`
    let covers = |outer: &BTreeSet<String>, inner: &BTreeSet<String>, list: &[String]| {
        inner
            .iter()
            .all(|p| outer.contains(p) || enclosing(p, list, lx).iter().any(|q| outer.contains(q)))
    };
    // an aggregate ("across the province", "in and around the city") holds any incident of its
    // event, unless that toll's own place is wider still ("in and around the city" against "in
    // the province": two area totals)
    let wider = |f: &BTreeSet<String>, places: &[String], g: &BTreeSet<String>| {
        !f.is_empty() && !g.is_empty() && f != g && covers(f, g, places)
    };
    match (a.aggregate, b.aggregate) {
        (true, false) if !wider(&fb, &a.places, &fa) => return Some((a, b)),
        (false, true) if !wider(&fa, &b.places, &fb) => return Some((b, a)),
        (true, false) | (false, true) => return None,
        _ => {}
    }
    // several places ("Hamdaniyeh and Sukkari") hold one of them; a single wider place does not:
    // "a gas attack on Aleppo" and "on the Sukkari neighbourhood" describe one incident
    if fa.is_empty() || fb.is_empty() || fa == fb || (fa.len() < 2 && fb.len() < 2) {
        return None;
    }
    if covers(&fa, &fb, &b.places) {
        Some((a, b))
    } else if covers(&fb, &fa, &a.places) {
        Some((b, a))
    } else {
        None
    }
}

/// A phrase that opened its sentence, as it reads inside another ("At least 25" → "at least
/// 25"); a name or an acronym keeps its capital.
fn mid_sentence(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

/// " (read as 18–22)" when the wording is not an exact number.
fn interval_note(text: &str, i: Interval) -> String {
    if i.hi == Some(i.lo) && text.trim() == i.lo.to_string() {
        String::new()
    } else {
        format!(" (read as {})", i.describe())
    }
}

/// Whether `later` lies wholly above `earlier` (a toll that rose).
fn rises(earlier: Interval, later: Interval) -> bool {
    later.lo > earlier.hi.unwrap_or(u64::MAX)
}

/// A casualty figure claimed for an event.
pub(super) struct Fig {
    pub(super) claim: usize,
    pub(super) interval: Interval,
    text: String,
    pub(super) measure: String,
    pub(super) victims: String,
    /// The places the claim itself names (its own event description), most specific first.
    places: Vec<String>,
    /// Over a wide area ("across the province").
    aggregate: bool,
    /// Who the claim's own sentence says caused it ("rebel rockets", "Russian air strikes").
    agent: Option<String>,
    /// The figure the claim says this toll replaced ("up from 38").
    previous: Option<Interval>,
}

/// The asserted, resolved, current (not cumulative, not superseded) casualty figures claimed for
/// event `e`.
pub(super) fn casualty_figures(g: &ClaimGraph, e: usize) -> Vec<Fig> {
    g.event_claims(e)
        .into_iter()
        .filter(|&c| g.claims[c].stance == Stance::Assert && g.claims[c].resolved)
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Casualty {
                count,
                count_text,
                measure,
                victims,
                cumulative: false,
                superseded: false,
                aggregate,
                event,
                previous,
                ..
            } if !g.prop(&g.claims[c]).negated => Some(Fig {
                claim: c,
                interval: *count,
                text: count_text.to_string(),
                measure: measure.to_string(),
                victims: victims.to_string(),
                places: event.places.iter().map(|p| p.to_string()).collect(),
                aggregate: *aggregate,
                agent: event.agent.as_ref().map(|a| a.to_string()),
                previous: *previous,
            }),
            _ => None,
        })
        .collect()
}

/// One report's figure in a sequence of rising figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceStep {
    pub date: jiff::civil::Date,
    /// Every party giving this figure that day.
    pub parties: Vec<String>,
    /// The figure as written ("at least 90").
    pub text: String,
    pub interval: Interval,
    /// Indices into [`ClaimGraph::claims`].
    pub claims: Vec<usize>,
}

/// A toll that rises from report to report: an update, not a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureSequence {
    pub event: usize,
    pub subject: String,
    pub measure: String,
    pub victims: String,
    /// In date order; each step's figure lies above the previous one's.
    pub steps: Vec<SequenceStep>,
}

/// Tolls that rise across reports published on different days, per event, measure and victims.
pub fn figure_sequences(g: &ClaimGraph, lx: &Lexicon) -> Vec<FigureSequence> {
    let mut out = Vec::new();
    for e in 0..g.events.len() {
        let figs = casualty_figures(g, e);
        let mut used = vec![false; figs.len()];
        for i in 0..figs.len() {
            if used[i] {
                continue;
            }
            // the figures of one measure and victims, dated
            let group: Vec<usize> = (i..figs.len())
                .filter(|&j| {
                    !used[j]
                        && figs[j].measure == figs[i].measure
                        && crate::extract::propose::same_victims(
                            &figs[i].victims,
                            &figs[j].victims,
                            lx,
                        )
                })
                .collect();
            for &j in &group {
                used[j] = true;
            }
            let mut steps: Vec<SequenceStep> = Vec::new();
            let mut dated: Vec<(jiff::civil::Date, usize)> = group
                .iter()
                .filter_map(|&j| g.docs[g.claims[figs[j].claim].doc].doc.date.map(|d| (d, j)))
                .collect();
            dated.sort_by_key(|&(d, j)| (d, figs[j].interval.lo, figs[j].claim));
            for (d, j) in dated {
                let f = &figs[j];
                let party = g.claims[f.claim].party.clone();
                match steps.last_mut() {
                    Some(last) if last.date == d && last.interval == f.interval => {
                        last.claims.push(f.claim);
                        if !last.parties.iter().any(|p| *p == party) {
                            last.parties.push(party.to_string());
                        }
                    }
                    _ => steps.push(SequenceStep {
                        date: d,
                        parties: vec![party.to_string()],
                        text: f.text.clone(),
                        interval: f.interval,
                        claims: vec![f.claim],
                    }),
                }
            }
            // a sequence: at least two days, each figure above the one before
            let rising = steps
                .windows(2)
                .all(|w| w[0].date < w[1].date && rises(w[0].interval, w[1].interval));
            if steps.len() >= 2 && rising {
                out.push(FigureSequence {
                    event: e,
                    subject: describe_event(&g.events[e].desc, &g.frame_text),
                    measure: figs[i].measure.clone(),
                    victims: figs[i].victims.clone(),
                    steps,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired, run};

    const NINE: Report = (
        "Wire A",
        "2019-03-15",
        "The Syrian Observatory for Human Rights said air strikes killed 9 people in Kafr Omarin on Thursday.",
    );
    const AT_LEAST_NINE: Report = (
        "Wire A",
        "2019-03-15",
        "The Syrian Observatory for Human Rights said air strikes killed at least 9 people in Kafr Omarin on Thursday.",
    );
    const FORTY_ONE: Report = (
        "Wire B",
        "2019-03-15",
        "The White Helmets said air strikes killed 41 people in Kafr Omarin on Thursday.",
    );

    #[test]
    fn fires_on_disjoint_tolls_of_one_event() {
        let f = fired("casualty-disjoint", &[NINE, FORTY_ONE]);
        assert_eq!(f.len(), 1, "{f:#?}");
        let e = &f[0].explanation;
        assert!(
            e.contains("9 people killed") && e.contains("41 people killed"),
            "{e}"
        );
    }

    #[test]
    fn a_figure_another_report_names_as_the_one_its_toll_replaced_is_no_conflict() {
        const RAISED: Report = (
            "Wire B",
            "2019-03-15",
            "The White Helmets said the toll from air strikes on Kafr Omarin on Thursday rose to 41 people, up from 9.",
        );
        assert!(fired("casualty-disjoint", &[NINE, RAISED]).is_empty());
        const RAISED_FROM: Report = (
            "Wire B",
            "2019-03-15",
            "The White Helmets said the toll from air strikes on Kafr Omarin on Thursday rose from 9 to 41.",
        );
        assert!(fired("casualty-disjoint", &[NINE, RAISED_FROM]).is_empty());
        // another predecessor leaves the conflict
        const RAISED_OTHER: Report = (
            "Wire B",
            "2019-03-15",
            "The White Helmets said the toll from air strikes on Kafr Omarin on Thursday rose to 41 people, up from 30.",
        );
        assert_eq!(fired("casualty-disjoint", &[NINE, RAISED_OTHER]).len(), 1);
    }

    #[test]
    fn a_preliminary_toll_is_compared() {
        const PRELIMINARY: Report = (
            "Wire B",
            "2019-03-15",
            "The White Helmets said 41 people were killed in air strikes on Kafr Omarin on Thursday, in a preliminary toll.",
        );
        assert_eq!(fired("casualty-disjoint", &[NINE, PRELIMINARY]).len(), 1);
    }

    #[test]
    fn overlapping_figures_do_not_fire() {
        let f = fired("casualty-disjoint", &[AT_LEAST_NINE, FORTY_ONE]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_toll_rising_in_a_later_report_is_a_sequence_not_a_conflict() {
        let (earlier, later) = (
            ("Wire A", "2019-03-14", NINE.2),
            ("Wire B", "2019-03-16", FORTY_ONE.2),
        );
        let (g, f) = run(&[earlier, later], Default::default());
        assert!(f.iter().all(|x| x.rule != "casualty-disjoint"), "{f:#?}");
        let seq = super::figure_sequences(&g, &crate::lexicon::Lexicon::builtin());
        let steps: Vec<&str> = seq
            .iter()
            .flat_map(|s| &s.steps)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(steps, ["9", "41"], "{seq:#?}");
    }

    // Figures read from toll idioms and parts (comma-free, as the FA-KES text)
    const TOLL_AT_41: Report = (
        "Wire C",
        "2019-03-02",
        "The Syrian Civil Defence put the death toll from the air strike on the Karvan market on Friday at 41.",
    );
    const TWELVE_KILLED: Report = (
        "Wire D",
        "2019-03-02",
        "Syrian state television said 12 people were killed in the air strike on the Karvan market on Friday.",
    );
    const AT_LEAST_30: Report = (
        "Wire D",
        "2019-03-02",
        "Syrian state television said at least 30 people were killed in the air strike on the Karvan market on Friday.",
    );

    #[test]
    fn a_toll_put_at_a_figure_conflicts_with_a_disjoint_one() {
        let f = fired("casualty-disjoint", &[TOLL_AT_41, TWELVE_KILLED]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].explanation
                .contains("Syria Civil Defence 41 people killed")
        );
        // a compatible lower bound does not
        assert!(fired("casualty-disjoint", &[TOLL_AT_41, AT_LEAST_30]).is_empty());
    }

    #[test]
    fn a_part_conflicts_by_its_own_victims_and_leaves_the_total_whole() {
        let parts = (
            "Wire E",
            "2019-02-11",
            "The Syrian Observatory for Human Rights said the air strike on the Telvar school on Monday killed 19 people eight of whom were pupils.",
        );
        let two_pupils = (
            "Wire F",
            "2019-02-11",
            "Syrian state television said two pupils were killed in the air strike on the Telvar school on Monday.",
        );
        let nineteen = (
            "Wire F",
            "2019-02-11",
            "Syrian state television said 19 people were killed in the air strike on the Telvar school on Monday.",
        );
        let f = fired("casualty-disjoint", &[parts, two_pupils]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].explanation.contains("eight pupils killed"),
            "{}",
            f[0].explanation
        );
        // the total is still 19: the same total is no conflict
        assert!(fired("casualty-disjoint", &[parts, nineteen]).is_empty());
        // a part of the total's kind is no figure of its own
        let among = (
            "Wire E",
            "2019-02-11",
            "Seven civilians including a child were among 19 people killed in the air strike on the Telvar school on Monday the Syrian Observatory for Human Rights said.",
        );
        assert!(fired("casualty-disjoint", &[among, nineteen]).is_empty());
    }

    #[test]
    fn strikes_in_and_around_a_town_hold_one_strikes_toll_but_not_a_wider_total() {
        let around = (
            "Wire A",
            "2019-02-11",
            "The Syrian Observatory for Human Rights said air strikes in and around Kafr Omarin on Monday killed 26 people.",
        );
        let one = (
            "Wire B",
            "2019-02-11",
            "The White Helmets said an air strike on the Kafr Omarin hospital on Monday killed 14 people.",
        );
        assert!(fired("casualty-disjoint", &[around, one]).is_empty());
        // a toll for the whole province is no part of the town's area
        let province = (
            "Wire B",
            "2019-02-11",
            "The White Helmets said air strikes in Idlib province on Monday killed 14 people.",
        );
        let around_idlib = (
            "Wire A",
            "2019-02-11",
            "The Syrian Observatory for Human Rights said air strikes in and around Idlib on Monday killed 26 people.",
        );
        assert_eq!(
            fired("casualty-disjoint", &[around_idlib, province]).len(),
            1
        );
    }

    #[test]
    fn a_sites_place_in_its_spokesmans_source_is_where_the_strike_was() {
        // the hospital stands in Kafr Takharim, in Idlib province: one place, one incident
        let hospital = (
            "Wire A",
            "2017-04-27",
            "A spokesman at the hospital in Kafr Takharim in Idlib said an air strike hit its courtyard on Tuesday killing 14 people.",
        );
        let none = (
            "Wire B",
            "2017-04-27",
            "The Syrian Observatory for Human Rights said there were no deaths from the air strike on the hospital in Kafr Takharim on Tuesday.",
        );
        assert_eq!(fired("casualty-disjoint", &[hospital, none]).len(), 1);
    }

    #[test]
    fn of_a_partys_disjoint_figures_the_one_agreeing_on_more_details_is_set_against() {
        // the Observatory's toll of the day and its toll of the hospital strike: the hospital's
        // spokesman's figure is set against the latter
        let sohr = (
            "Wire A",
            "2019-02-11",
            "The Syrian Observatory for Human Rights said shelling killed 30 people in Idlib province on Monday. \
             The Observatory said there were no deaths in the air strike on the hospital in Kafr Omarin on Monday.",
        );
        let hospital = (
            "Wire B",
            "2019-02-11",
            "The White Helmets said the air strike on the hospital in Kafr Omarin on Monday killed 14 people.",
        );
        let f = fired("casualty-disjoint", &[sohr, hospital]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].explanation.contains("no people killed"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn the_victims_of_a_figure_are_no_weapon_or_unit() {
        let twelve = (
            "Wire H",
            "2015-04-19",
            "Syrian state television said 12 people were killed in an attack on Tabra on Sunday.",
        );
        for text in [
            "The Syrian Observatory for Human Rights said government helicopters killed 40 people using barrel bombs in an attack on Tabra on Sunday.",
            "The Syrian Observatory for Human Rights said an attack on Tabra on Sunday killed 60 with 80 percent killed by artillery fire.",
            "The Syrian Observatory for Human Rights said an attack on Tabra on Sunday killed 35 citizens.",
        ] {
            let f = fired(
                "casualty-disjoint",
                &[("Wire G", "2015-04-19", text), twelve],
            );
            assert_eq!(f.len(), 1, "{text}\n{f:#?}");
        }
    }

    /// Findings over the reports with their own voice read (as `check` runs by default).
    fn own_voice(reports: &[Report]) -> Vec<crate::check::Finding> {
        let opts = crate::graph::GraphOptions { own_voice: true };
        let (_, f) = run(reports, opts);
        f.into_iter()
            .filter(|x| x.rule == "casualty-disjoint")
            .collect()
    }

    #[test]
    fn an_outlets_own_figure_needs_the_same_day_and_a_specific_detail() {
        let monitor = (
            "Wire B",
            "2019-02-13",
            "The Syrian Observatory for Human Rights said Russian air strikes killed 23 civilians in Marvano on Wednesday.",
        );
        // the same day and the same perpetrator: one incident
        let lead = (
            "Wire A",
            "2019-02-13",
            "Russian air strikes on Marvano killed 35 civilians on Wednesday.",
        );
        assert_eq!(own_voice(&[lead, monitor]).len(), 1);
        // a city and a day only: the outlet may sum up another incident
        let city = (
            "Wire A",
            "2019-02-13",
            "An attack on Marvano killed 35 civilians on Wednesday.",
        );
        let city_monitor = (
            "Wire B",
            "2019-02-13",
            "The Syrian Observatory for Human Rights said an attack on Marvano killed 23 civilians on Wednesday.",
        );
        assert!(own_voice(&[city, city_monitor]).is_empty());
        // no day on one side: not compared
        let undated = (
            "Wire A",
            "2019-02-13",
            "Russian air strikes on Marvano killed 35 civilians.",
        );
        assert!(own_voice(&[undated, monitor]).is_empty());
    }

    #[test]
    fn an_outlets_own_figure_for_a_district_is_compared_when_it_exceeds_the_citys() {
        let city = (
            "Wire B",
            "2019-02-13",
            "The Syrian Observatory for Human Rights said air raids on Aleppo killed nine civilians on Wednesday.",
        );
        let over = (
            "Wire A",
            "2019-02-13",
            "Air raids killed 20 civilians on Wednesday in the Sukkari neighbourhood of Aleppo.",
        );
        assert_eq!(own_voice(&[over, city]).len(), 1);
        let under = (
            "Wire A",
            "2019-02-13",
            "Air raids killed four civilians on Wednesday in the Sukkari neighbourhood of Aleppo.",
        );
        assert!(own_voice(&[under, city]).is_empty());
    }

    #[test]
    fn an_outlets_own_figure_is_not_set_against_its_own_sources() {
        // an outlet that is a party's voice (state media) relays the monitor it quotes: its
        // own figure and the monitor's, in one report, are no rival tolls
        let one = (
            "SANA",
            "2019-02-13",
            "Russian air strikes on Marvano killed 35 civilians on Wednesday. The Syrian Observatory for Human Rights said Russian air strikes killed 23 civilians in Marvano on Wednesday.",
        );
        assert!(own_voice(&[one]).is_empty());
    }
}
