//! The checker: rules over the claim graph that produce typed, explained findings.
//!
//! Each rule has a stable id (see [`RULES`]); every finding names its rule, the parties on each
//! side and the claims (hence evidence spans) behind each side. Rules compare *attributed* claims;
//! statements in the reporter's own voice are listed by the audit instead, unless the graph was
//! built with `own_voice` (then they are claims of their outlet).

use itertools::Itertools;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::extract::{EventRef, PropKind};
use crate::graph::{Claim, ClaimGraph, Stance};
use crate::lexicon::{ControlChange, Lexicon};
use crate::model::{Commitment, Interval, TimeRef};
use crate::places::{enclosing, footprint};

/// A checker rule: stable id, finding type, and what it looks for.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub finding: FindingType,
    pub description: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingType {
    ResponsibilityDispute,
    CompetingAttribution,
    NumericConflict,
    ControlConflict,
    PolarityConflict,
    /// Reports date the same event differently.
    TemporalConflict,
    /// The same party asserts a statement in one report and denies it in another.
    PositionReversal,
    /// Two parties make the same statement with opposite predicates ("violated" / "respected").
    OppositePredicates,
}

impl FindingType {
    pub fn title(self) -> &'static str {
        match self {
            FindingType::ResponsibilityDispute => "responsibility dispute",
            FindingType::CompetingAttribution => "competing attribution",
            FindingType::NumericConflict => "numeric conflict",
            FindingType::ControlConflict => "control conflict",
            FindingType::PolarityConflict => "polarity conflict",
            FindingType::TemporalConflict => "temporal conflict",
            FindingType::PositionReversal => "position reversal",
            FindingType::OppositePredicates => "opposite predicates",
        }
    }
}

/// Every rule, by stable id.
pub const RULES: &[Rule] = &[
    Rule {
        id: "responsibility-dispute",
        finding: FindingType::ResponsibilityDispute,
        description: "a party is said to have carried out an event and that party denies it",
    },
    Rule {
        id: "responsibility-competing",
        finding: FindingType::CompetingAttribution,
        description: "different parties name different perpetrators of the same event",
    },
    Rule {
        id: "casualty-disjoint",
        finding: FindingType::NumericConflict,
        description: "two parties give casualty figures for the same event, measure and victims whose intervals do not overlap",
    },
    Rule {
        id: "violation-dispute",
        finding: FindingType::ResponsibilityDispute,
        description: "a party is said to have violated an agreement (a truce, a ceasefire) and that party denies it",
    },
    Rule {
        id: "violation-count-disjoint",
        finding: FindingType::NumericConflict,
        description: "two parties count the violations of the same agreement by the same party, on the same day and place, with intervals that do not overlap",
    },
    Rule {
        id: "control-opposed",
        finding: FindingType::ControlConflict,
        description: "parties claim opposite control of the same place at overlapping times",
    },
    Rule {
        id: "polarity-opposed",
        finding: FindingType::PolarityConflict,
        description: "one party asserts what another party denies",
    },
    Rule {
        id: "date-disputed",
        finding: FindingType::TemporalConflict,
        description: "reports give different dates, within a week, for what every other detail says is one event (same specific frame, place and agent)",
    },
    Rule {
        id: "position-reversal",
        finding: FindingType::PositionReversal,
        description: "the same party asserts a statement in one report and denies it in another",
    },
    Rule {
        id: "predicate-opposed",
        finding: FindingType::OppositePredicates,
        description: "two parties make the same statement with opposite words (\"violated\" / \"respected\", \"captured\" / \"lost\", from opposites.tsv)",
    },
];

/// One side of a finding: a role, the parties taking it, and their claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// What this side says ("accuses Russia", "62 killed", "holds Handarat").
    pub role: String,
    pub parties: Vec<String>,
    /// Indices into [`ClaimGraph::claims`].
    pub claims: Vec<usize>,
}

/// How much weight a finding carries, from the commitment of the claims on its sides: two firm
/// claims make a high-severity conflict; a hedged claim against a firm one a weaker conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The weakest side only says it is possible ("may have", "could not confirm").
    Low,
    /// The weakest side says it is probable ("believed", "reportedly", "claimed").
    Medium,
    /// Every side says it firmly.
    #[default]
    High,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

/// The severity of a finding: each side counts with its firmest claim, the finding with its
/// weakest side.
pub fn severity(g: &ClaimGraph, sides: &[Side]) -> Severity {
    let side_strength = |s: &Side| {
        s.claims
            .iter()
            .map(|&c| g.claims[c].commitment)
            .min()
            .unwrap_or(Commitment::Possible)
    };
    match sides.iter().map(side_strength).max() {
        Some(Commitment::Certain) => Severity::High,
        Some(Commitment::Probable) => Severity::Medium,
        _ => Severity::Low,
    }
}

/// A finding, with the claims behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub ty: FindingType,
    pub rule: &'static str,
    /// From the commitment of both sides' claims (set by [`check`]).
    pub severity: Severity,
    /// What the finding is about ("convoy attack at Urum al-Kubra ...", "Handarat").
    pub subject: String,
    pub event: Option<usize>,
    pub sides: Vec<Side>,
    pub explanation: String,
}

/// Options: which rules run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Rule ids to skip.
    pub disabled: BTreeSet<String>,
}

/// Runs every enabled rule; findings come out in a deterministic order.
pub fn check(g: &ClaimGraph, lx: &Lexicon, opts: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    let on = |id: &str| !opts.disabled.contains(id);
    for e in 0..g.events.len() {
        if on("responsibility-dispute") {
            out.extend(responsibility_dispute(g, e));
        }
        if on("responsibility-competing") {
            out.extend(competing(g, e));
        }
        if on("casualty-disjoint") {
            out.extend(numeric(g, e, lx));
        }
        if on("violation-dispute") {
            out.extend(violation_dispute(g, e));
        }
        if on("violation-count-disjoint") {
            out.extend(violation_counts(g, e));
        }
    }
    if on("control-opposed") {
        for place in g.places.keys() {
            out.extend(control(g, place));
        }
    }
    if on("polarity-opposed") {
        out.extend(polarity(g, &out));
    }
    if on("date-disputed") {
        out.extend(date_disputed(g, lx));
    }
    if on("position-reversal") {
        out.extend(reversal(g));
    }
    if on("predicate-opposed") {
        out.extend(opposite_predicates(g, lx));
    }
    for f in &mut out {
        f.severity = severity(g, &f.sides);
        // a conflict across reports matched as one event only probably is itself only probable
        if f.event.is_some_and(|e| {
            g.events[e].match_certainty() == crate::graph::MatchCertainty::Probable
        }) {
            f.severity = f.severity.min(Severity::Medium);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Descriptions

/// "Saturday 24 September 2016", "late Saturday (date unresolved)".
pub fn describe_time(t: &TimeRef) -> String {
    let part = t
        .part
        .as_deref()
        .map(|p| format!("{p} "))
        .unwrap_or_default();
    let day = |d: jiff::civil::Date| {
        format!(
            "{} {} {} {}",
            crate::extract::time::weekday_name(d),
            d.day(),
            month_name(d.month()),
            d.year()
        )
    };
    match (t.date, t.until) {
        (Some(a), Some(b)) => format!("“{}”, {} to {}", t.phrase, day(a), day(b)),
        (Some(d), None) => format!("{part}{}", day(d)),
        (None, _) => format!(
            "“{}”, no date (the report has no publication date)",
            t.phrase
        ),
    }
}

fn month_name(m: i8) -> &'static str {
    const M: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    M[(m.clamp(1, 12) - 1) as usize]
}

/// "attack on an aid convoy at Urum al-Kubra, Aleppo on Monday 19 September 2016".
pub fn describe_event(e: &EventRef, frame_text: &BTreeMap<String, String>) -> String {
    let frame = e.frame.as_deref().unwrap_or("event");
    let mut s = frame_text
        .get(frame)
        .cloned()
        .unwrap_or_else(|| frame.to_string());
    if !e.places.is_empty() {
        s.push_str(&format!(" at {}", e.places.join(", ")));
    }
    if let Some(t) = &e.time {
        if t.date.is_some() {
            s.push_str(&format!(" on {}", describe_time(t)));
        } else if let Some(w) = &t.weekday {
            s.push_str(&format!(" on {w}"));
        }
    }
    s
}

fn parties_of(g: &ClaimGraph, claims: &[usize]) -> Vec<String> {
    let set: BTreeSet<&str> = claims.iter().map(|&c| g.claims[c].party.as_str()).collect();
    set.into_iter().map(str::to_string).collect()
}

fn list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

fn doc_count(g: &ClaimGraph, claims: &[usize]) -> usize {
    claims
        .iter()
        .map(|&c| g.claims[c].doc)
        .collect::<BTreeSet<_>>()
        .len()
}

// ---------------------------------------------------------------------------------------------
// Rules

fn responsibility_claims(g: &ClaimGraph, e: usize) -> Vec<(usize, String)> {
    g.event_claims(e)
        .into_iter()
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            // alternatives ("Russian or Syrian jets") blame no one firmly
            PropKind::Responsibility {
                agent,
                alternative: false,
                ..
            } => Some((c, agent.clone())),
            _ => None,
        })
        .collect()
}

/// A claim that an agreement was violated: (claim, violator, agreement, count with its text).
struct ViolationClaim<'g> {
    claim: usize,
    violator: Option<&'g String>,
    agreement: &'g str,
    count: Option<(Interval, &'g str)>,
}

fn violation_claims(g: &ClaimGraph, e: usize) -> Vec<ViolationClaim<'_>> {
    g.event_claims(e)
        .into_iter()
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Violation {
                violator,
                agreement,
                count,
                count_text,
                cumulative,
                ..
            } => Some(ViolationClaim {
                claim: c,
                violator: violator.as_ref(),
                agreement,
                // a running total is not the count of the day
                count: count.zip(count_text.as_deref()).filter(|_| !cumulative),
            }),
            _ => None,
        })
        .collect()
}

/// "X violated the truce" against X's "we did not violate it".
fn violation_dispute(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let vc = violation_claims(g, e);
    let violators: BTreeSet<&String> = vc.iter().filter_map(|v| v.violator).collect();
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
                if acc_parties.len() == 1 {
                    "says"
                } else {
                    "say"
                },
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
                    parties: vec![v.clone()],
                    claims: deniers,
                },
            ],
        });
    }
    out
}

/// Counts of one party's violations that cannot both be right.
fn violation_counts(g: &ClaimGraph, e: usize) -> Vec<Finding> {
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
                        parties: vec![ca.party.clone()],
                        claims: vec![a.claim],
                    },
                    Side {
                        role: format!("{tb} violations"),
                        parties: vec![cb.party.clone()],
                        claims: vec![b.claim],
                    },
                ],
            });
        }
    }
    out
}

fn responsibility_dispute(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let rc = responsibility_claims(g, e);
    let agents: BTreeSet<&String> = rc.iter().map(|(_, a)| a).collect();
    let mut out = Vec::new();
    for agent in agents {
        let accusers: Vec<usize> = rc
            .iter()
            .filter(|(c, a)| {
                a == agent && g.claims[*c].stance != Stance::Deny && g.claims[*c].party != *agent
            })
            .map(|(c, _)| *c)
            .collect();
        let deniers: Vec<usize> = rc
            .iter()
            .filter(|(c, a)| {
                a == agent && g.claims[*c].stance == Stance::Deny && g.claims[*c].party == *agent
            })
            .map(|(c, _)| *c)
            .collect();
        if accusers.is_empty() || deniers.is_empty() {
            continue;
        }
        let ev = &g.events[e].desc;
        let acc_parties = parties_of(g, &accusers);
        let explanation = format!(
            "{} {} that {agent} carried out the {}; {agent} denied it in {} statement{} across {} report{}.",
            list(&acc_parties),
            if acc_parties.len() == 1 {
                "says"
            } else {
                "say"
            },
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

fn competing(g: &ClaimGraph, e: usize) -> Vec<Finding> {
    let rc = responsibility_claims(g, e);
    // agent -> asserting claims (not self-claims, not denials)
    let mut by_agent: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // only perpetrators that are known parties compete ("shell", "strikes" are not perpetrators)
    for (c, a) in &rc {
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
            blamed
                .entry(g.claims[c].party.as_str())
                .or_default()
                .insert(agent.as_str());
        }
    }
    let disjoint = blamed
        .values()
        .tuple_combinations()
        .any(|(x, y)| x.is_disjoint(y));
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

/// When one figure's area holds the other's (an aggregate, "across the province"; several places,
/// "Hamdaniyeh and Sukkari" against "Hamdaniyeh"), the wider figure and the narrower one.
fn whole_and_part<'f>(a: &'f Fig, b: &'f Fig, lx: &Lexicon) -> Option<(&'f Fig, &'f Fig)> {
    // an aggregate ("across the province") holds any incident of its event
    match (a.aggregate, b.aggregate) {
        (true, false) => return Some((a, b)),
        (false, true) => return Some((b, a)),
        _ => {}
    }
    // several places ("Hamdaniyeh and Sukkari") hold one of them; a single wider place does not:
    // "a gas attack on Aleppo" and "on the Sukkari neighbourhood" describe one incident
    let (fa, fb) = (footprint(&a.places, lx), footprint(&b.places, lx));
    if fa.is_empty() || fb.is_empty() || fa == fb || (fa.len() < 2 && fb.len() < 2) {
        return None;
    }
    // every place of `inner` is one of, or lies in one of, the places of `outer`
    let covers = |outer: &BTreeSet<String>, inner: &BTreeSet<String>, list: &[String]| {
        inner
            .iter()
            .all(|p| outer.contains(p) || enclosing(p, list, lx).iter().any(|q| outer.contains(q)))
    };
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

/// Whether `later` lies wholly above `earlier` (a toll that rose).
fn rises(earlier: Interval, later: Interval) -> bool {
    later.lo > earlier.hi.unwrap_or(u64::MAX)
}

/// A casualty figure claimed for an event.
struct Fig {
    claim: usize,
    interval: Interval,
    text: String,
    measure: String,
    victims: String,
    /// The places the claim itself names (its own event description), most specific first.
    places: Vec<String>,
    /// Over a wide area ("across the province").
    aggregate: bool,
    /// Who the claim's own sentence says caused it ("rebel rockets", "Russian air strikes").
    agent: Option<String>,
}

/// The asserted, resolved, current (not cumulative, not superseded) casualty figures claimed for
/// event `e`.
fn casualty_figures(g: &ClaimGraph, e: usize) -> Vec<Fig> {
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
            } if !g.prop(&g.claims[c]).negated => Some(Fig {
                claim: c,
                interval: *count,
                text: count_text.clone(),
                measure: measure.clone(),
                victims: victims.clone(),
                places: event.places.clone(),
                aggregate: *aggregate,
                agent: event.agent.clone(),
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
                        if !last.parties.contains(&party) {
                            last.parties.push(party);
                        }
                    }
                    _ => steps.push(SequenceStep {
                        date: d,
                        parties: vec![party],
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

fn numeric(g: &ClaimGraph, e: usize, lx: &Lexicon) -> Vec<Finding> {
    let figs = casualty_figures(g, e);
    let mut out = Vec::new();
    // one finding per pair of parties and measure: the first disjoint pair of figures, with every
    // claim of each party that gives the same figure
    let mut seen: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    for (i, a) in figs.iter().enumerate() {
        for b in &figs[i + 1..] {
            let (ca, cb) = (&g.claims[a.claim], &g.claims[b.claim]);
            // inside one report, different figures are usually different incidents; they
            // conflict only when two known parties give them
            let same_report_unknown = ca.doc == cb.doc && !(ca.known_party && cb.known_party);
            if ca.party == cb.party
                || same_report_unknown
                || a.measure != b.measure
                || !crate::extract::propose::same_victims(&a.victims, &b.victims, lx)
                || a.interval.overlaps(&b.interval)
            {
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
            let (lo, hi) = if a.interval <= b.interval {
                (a, b)
            } else {
                (b, a)
            };
            let (pa, pb) = (ca.party.as_str(), cb.party.as_str());
            let key = if pa < pb {
                (pa, pb, a.measure.as_str())
            } else {
                (pb, pa, a.measure.as_str())
            };
            if !seen.insert(key) {
                continue;
            }
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
                        parties: vec![pl.clone()],
                        claims: same(lo),
                    },
                    Side {
                        role: format!("{} {} {}", hi.text, hi.victims, hi.measure),
                        parties: vec![ph.clone()],
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

/// " (read as 18–22)" when the wording is not an exact number.
fn interval_note(text: &str, i: Interval) -> String {
    if i.hi == Some(i.lo) && text.trim() == i.lo.to_string() {
        String::new()
    } else {
        format!(" (read as {})", i.describe())
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

fn control(g: &ClaimGraph, place: &str) -> Vec<Finding> {
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

/// How much of their content words an assertion and a denial must share (Jaccard).
const POLARITY_MIN_OVERLAP: f64 = 0.6;

/// For each key on the left, the keys on the right (indices, ascending) that may share at
/// least `min_shared` words with it and reach Jaccard `t`; every pair that does is among them.
///
/// Prefix filtering: with words ordered rarest first over both sides, two keys sharing at least
/// α words share one among the first `len − α + 1` words of each, where α is each key's own
/// lower bound on the overlap (`max(min_shared, ⌈t·len⌉)`). So only keys sharing a rare word
/// are compared, never all pairs.
fn jaccard_candidates(
    left: &[&[String]],
    right: &[&[String]],
    t: f64,
    min_shared: usize,
) -> Vec<Vec<usize>> {
    let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
    for k in left.iter().chain(right) {
        for w in k.iter() {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    fn prefix<'k>(
        k: &'k [String],
        freq: &BTreeMap<&str, usize>,
        t: f64,
        min_shared: usize,
    ) -> Vec<&'k str> {
        // a hair below the bound, so rounding never shortens the prefix too much
        let alpha = ((t * k.len() as f64 - 1e-9).ceil() as usize).max(min_shared);
        if alpha > k.len() {
            return Vec::new();
        }
        let mut ws: Vec<&str> = k.iter().map(String::as_str).collect();
        ws.sort_by_key(|w| (freq.get(w).copied().unwrap_or(0), *w));
        ws.truncate(k.len() - alpha + 1);
        ws
    }
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, k) in right.iter().enumerate() {
        for w in prefix(k, &freq, t, min_shared) {
            index.entry(w).or_default().push(j);
        }
    }
    left.iter()
        .map(|k| {
            let mut near: Vec<usize> = prefix(k, &freq, t, min_shared)
                .into_iter()
                .filter_map(|w| index.get(w))
                .flatten()
                .copied()
                .collect();
            near.sort_unstable();
            near.dedup();
            near
        })
        .collect()
}

/// Shared words of two sorted, deduplicated keys.
fn shared_words(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, deduplicated keys.
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    let inter = shared_words(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn polarity(g: &ClaimGraph, prior: &[Finding]) -> Vec<Finding> {
    let covered_atts: BTreeSet<(usize, Option<usize>)> = prior
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| s.claims.iter().copied()))
        .map(|c| (g.claims[c].doc, g.claims[c].attribution))
        .collect();
    // both sides known parties: a denial by "killed" or "the source" is no party's stance
    let generic: Vec<_> = generic_claims(g, 3)
        .into_iter()
        .filter(|(_, c, _)| !covered_atts.contains(&(c.doc, c.attribution)))
        .collect();
    let mut out = Vec::new();
    let mut paired: BTreeSet<(usize, &str)> = BTreeSet::new();
    for StatementPair {
        ia,
        a,
        ka,
        ib,
        b,
        sim,
    } in assertion_denial_pairs(g, &generic)
    {
        // each denial is paired once with each asserting party (the first assertion)
        if a.party == b.party || !paired.insert((ib, a.party.as_str())) {
            continue;
        }
        out.push(claim_pair(
            (FindingType::PolarityConflict, "polarity-opposed"),
            ka.join(" "),
            ("asserts", a, ia),
            ("denies", b, ib),
            format!(
                "{} asserts and {} denies the same statement (content-word overlap {:.0}%).",
                a.party,
                b.party,
                sim * 100.0
            ),
        ));
    }
    out
}

/// An assertion and a denial of the same statement.
struct StatementPair<'g> {
    ia: usize,
    a: &'g Claim,
    ka: &'g Vec<String>,
    ib: usize,
    b: &'g Claim,
    /// Content-word Jaccard of the two statements.
    sim: f64,
}

/// Every assertion/denial pair of generic claims on the same statement (content-word Jaccard at
/// least [`POLARITY_MIN_OVERLAP`], three shared words at least), in claim order.
fn assertion_denial_pairs<'g>(
    g: &ClaimGraph,
    generic: &[(usize, &'g Claim, &'g Vec<String>)],
) -> Vec<StatementPair<'g>> {
    let mut out = Vec::new();
    let asserted: Vec<_> = generic
        .iter()
        .filter(|(_, a, _)| a.stance == Stance::Assert)
        .collect();
    let denied: Vec<_> = generic
        .iter()
        .filter(|(_, b, _)| b.stance == Stance::Deny)
        .collect();
    let candidates = jaccard_candidates(
        &asserted.iter().map(|x| x.2.as_slice()).collect::<Vec<_>>(),
        &denied.iter().map(|x| x.2.as_slice()).collect::<Vec<_>>(),
        POLARITY_MIN_OVERLAP,
        3,
    );
    for (&&(ia, a, ka), near) in asserted.iter().zip(candidates) {
        for &(ib, b, kb) in near.into_iter().map(|j| denied[j]) {
            let sim = jaccard(ka, kb);
            if sim >= POLARITY_MIN_OVERLAP && shared_words(ka, kb) >= 3 && !nested(g, a, b) {
                out.push(StatementPair {
                    ia,
                    a,
                    ka,
                    ib,
                    b,
                    sim,
                });
            }
        }
    }
    out
}

/// Whether one claim's attribution lies inside the other's content ("X said rebels opposed to
/// the government had pulled back"): the inner one is part of what the outer reports.
fn nested(g: &ClaimGraph, a: &Claim, b: &Claim) -> bool {
    if a.doc != b.doc {
        return false;
    }
    let atts = &g.docs[a.doc].attributions;
    let (Some(ia), Some(ib)) = (a.attribution, b.attribution) else {
        return false;
    };
    let (Some(x), Some(y)) = (atts.get(ia), atts.get(ib)) else {
        return false;
    };
    let inside = |outer: &crate::extract::Attribution, inner: &crate::extract::Attribution| {
        outer
            .content_parts()
            .iter()
            .any(|p| p.contains(&inner.cue.start))
    };
    inside(x, y) || inside(y, x)
}

/// Generic claims of known, resolved parties with keys of at least `min` words.
fn generic_claims(g: &ClaimGraph, min: usize) -> Vec<(usize, &Claim, &Vec<String>)> {
    g.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.resolved && c.known_party)
        .filter_map(|(i, c)| match &g.prop(c).kind {
            PropKind::Generic { key } if key.len() >= min => Some((i, c, key)),
            _ => None,
        })
        .collect()
}

/// "Report `doc` of DATE" (or without the date when the report has none).
fn report_when(g: &ClaimGraph, c: &Claim) -> String {
    let d = &g.docs[c.doc].doc;
    match d.date {
        Some(date) => format!("{} ({date})", d.id),
        None => d.id.clone(),
    }
}

/// The same party asserts a statement in one report and denies it in another: a change of
/// position (or a misreport). The explanation tells which came first when both reports are dated.
fn reversal(g: &ClaimGraph) -> Vec<Finding> {
    let generic = generic_claims(g, 3);
    let mut out = Vec::new();
    let mut paired: BTreeSet<(usize, usize)> = BTreeSet::new();
    for StatementPair {
        ia,
        a,
        ka,
        ib,
        b,
        sim,
    } in assertion_denial_pairs(g, &generic)
    {
        // one finding per pair of reports
        if a.party != b.party
            || a.doc == b.doc
            || !paired.insert((a.doc.min(b.doc), a.doc.max(b.doc)))
        {
            continue;
        }
        let (da, db) = (g.docs[a.doc].doc.date, g.docs[b.doc].doc.date);
        let order = match (da, db) {
            (Some(x), Some(y)) if x < y => "then, later, denies it",
            (Some(x), Some(y)) if x > y => "after having denied it earlier",
            _ => "and denies it",
        };
        out.push(claim_pair(
            (FindingType::PositionReversal, "position-reversal"),
            ka.join(" "),
            ("asserts", a, ia),
            ("denies", b, ib),
            format!(
                "{} asserts the statement in {} {order} in {} (content-word overlap {:.0}%): a change of position, or one report misquotes it.",
                a.party,
                report_when(g, a),
                report_when(g, b),
                sim * 100.0
            ),
        ));
    }
    out
}

/// Minimum Jaccard of two statements' words once their opposite words are set aside.
const OPPOSITE_MIN_OVERLAP: f64 = 0.5;

/// Two parties assert the same statement with opposite words: "rebels violated the truce" against
/// "rebels respected the truce". The rest of the statements must agree (two shared words at
/// least), so "the army captured Handarat" and "rebels lost Handarat" — which agree — do not fire.
fn opposite_predicates(g: &ClaimGraph, lx: &Lexicon) -> Vec<Finding> {
    let generic = generic_claims(g, 2);
    let mut out = Vec::new();
    // only statements holding a word's opposite are compared: look them up by word
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (y, (_, b, kb)) in generic.iter().enumerate() {
        if b.stance == Stance::Assert {
            for w in kb.iter() {
                by_word.entry(w.as_str()).or_default().push(y);
            }
        }
    }
    for (x, (ia, a, ka)) in generic.iter().enumerate() {
        if a.stance != Stance::Assert {
            continue;
        }
        let mut near: Vec<usize> = ka
            .iter()
            .filter_map(|w| lx.opposites.get(w))
            .flatten()
            .filter_map(|o| by_word.get(o.as_str()))
            .flatten()
            .copied()
            .filter(|&y| y > x)
            .collect();
        near.sort_unstable();
        near.dedup();
        for (ib, b, kb) in near.into_iter().map(|y| &generic[y]) {
            if b.stance != Stance::Assert || a.party == b.party {
                continue;
            }
            // a word of one statement whose opposite is in the other
            let pair = ka.iter().find_map(|w| {
                lx.opposites
                    .get(w)
                    .and_then(|os| os.iter().find(|o| kb.contains(o)))
                    .map(|o| (w.clone(), o.clone()))
            });
            let Some((wa, wb)) = pair else { continue };
            let rest = |k: &Vec<String>| -> Vec<String> {
                k.iter()
                    .filter(|w| **w != wa && **w != wb)
                    .cloned()
                    .collect()
            };
            let (ra, rb) = (rest(ka), rest(kb));
            let sim = jaccard(&ra, &rb);
            if sim < OPPOSITE_MIN_OVERLAP || shared_words(&ra, &rb) < 2 {
                continue;
            }
            // different actors ("the army won" / "the rebels lost") make agreeing statements
            let actor = |w: &String| {
                lx.roles.get(w).is_some()
                    || lx
                        .aliases
                        .iter()
                        .any(|al| al.words.len() == 1 && al.words[0].eq_ignore_ascii_case(w))
            };
            let only =
                |x: &Vec<String>, y: &Vec<String>| x.iter().any(|w| !y.contains(w) && actor(w));
            if only(&ra, &rb) && only(&rb, &ra) {
                continue;
            }
            let (role_a, role_b) = (format!("says {wa}"), format!("says {wb}"));
            out.push(claim_pair(
                (FindingType::OppositePredicates, "predicate-opposed"),
                ra.join(" "),
                (&role_a, a, *ia),
                (&role_b, b, *ib),
                format!(
                    "{}: “{wa}”; {}: “{wb}” — about the same matter ({}). The words are opposites, so both statements cannot hold.",
                    a.party,
                    b.party,
                    ra.join(", ")
                ),
            ));
        }
    }
    out
}

/// Longest gap between two dates given for one event that still reads as a dispute over the date
/// rather than two events.
const DATE_DISPUTE_DAYS: i32 = 7;

/// Two events kept apart only by their dates: the same specific frame (an aid convoy, an
/// offensive), the same place and the same agent, dated differently by different reports within
/// a week. Each side lists the attributed claims behind one date.
fn date_disputed(g: &ClaimGraph, lx: &Lexicon) -> Vec<Finding> {
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

/// A finding between two single claims, one on each side: (role, claim, claim index) each.
fn claim_pair(
    (ty, rule): (FindingType, &'static str),
    subject: String,
    a: (&str, &Claim, usize),
    b: (&str, &Claim, usize),
    explanation: String,
) -> Finding {
    let side = |(role, c, i): (&str, &Claim, usize)| Side {
        role: role.to_string(),
        parties: vec![c.party.clone()],
        claims: vec![i],
    };
    Finding {
        severity: Severity::default(),
        ty,
        rule,
        subject,
        event: None,
        sides: vec![side(a), side(b)],
        explanation,
    }
}
