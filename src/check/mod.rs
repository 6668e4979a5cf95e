//! The checker: rules over the claim graph that produce typed, explained findings.
//!
//! Each rule has a stable id (see [`RULES`]); every finding names its rule, the parties on each
//! side and the claims (hence evidence spans) behind each side. Rules compare *attributed* claims;
//! statements in the reporter's own voice are listed by the audit instead, unless the graph was
//! built with `own_voice`, as the CLI builds it by default (then they are claims of their outlet).
//!
//! Each rule lives in its own file, named after its id (`responsibility-dispute` in
//! `responsibility_dispute.rs`), with the helpers only it uses and its must-fire and must-not-fire
//! cases; helpers shared by several rules are in `common.rs`, and this file holds the types, the
//! driver [`check`] and the descriptions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::extract::EventRef;
use crate::graph::{Claim, ClaimGraph};
use crate::lexicon::Lexicon;
use crate::model::{Commitment, TimeRef};

mod casualty_disjoint;
mod casualty_disputed;
mod cause_disputed;
mod common;
mod control_opposed;
mod date_disputed;
mod polarity_opposed;
mod position_reversal;
mod predicate_opposed;
mod presence_at_target;
mod presence_disputed;
mod responsibility_competing;
mod responsibility_dispute;
#[cfg(test)]
mod testutil;
mod violation_count_disjoint;
mod violation_dispute;

pub use casualty_disjoint::{FigureSequence, SequenceStep, figure_sequences};
pub use common::jaccard;
pub use control_opposed::{ControlStep, ControlTimeline, control_timelines};

use casualty_disjoint::numeric;
use casualty_disputed::disputed;
use cause_disputed::cause_disputed;
pub(crate) use cause_disputed::has_reading;
use control_opposed::control;
use date_disputed::date_disputed;
use polarity_opposed::polarity;
use position_reversal::reversal;
use predicate_opposed::opposite_predicates;
use presence_at_target::presence_at_target;
use presence_disputed::presence;
use responsibility_competing::competing;
use responsibility_dispute::responsibility_dispute;
use violation_count_disjoint::violation_counts;
use violation_dispute::violation_dispute;

/// A checker rule: stable id, finding type, and what it looks for.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub finding: FindingType,
    pub description: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    /// One party places a party's forces in the war and another denies it; or says the site an
    /// attack struck held armed men (or civilians) and another says it held none.
    PresenceDispute,
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
            FindingType::PresenceDispute => "presence dispute",
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
        id: "casualty-disputed",
        finding: FindingType::NumericConflict,
        description: "a party disputes the casualty figure another party gives for the same event (\"disputed this figure\", \"rejected the figure of 471 as inflated\", \"said the numbers were fabricated\") and gives no figure of its own",
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
        id: "presence-at-target",
        finding: FindingType::PresenceDispute,
        description: "for the same event, one party says the site struck held armed men or a military facility (\"struck militants operating from a command centre inside the school\") and another says it held none (\"there were no fighters inside the school\"); or the same for civilians",
    },
    Rule {
        id: "control-opposed",
        finding: FindingType::ControlConflict,
        description: "parties claim opposite control of the same place at overlapping times, or that an attack on it was repelled and that the attacker took it (or positions in it) the same day",
    },
    Rule {
        id: "cause-disputed",
        finding: FindingType::ResponsibilityDispute,
        description: "one party says an aircraft was shot down and another that it crashed by accident (a technical failure), in the same report or in reports a day apart",
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
    Rule {
        id: "presence-disputed",
        finding: FindingType::PresenceDispute,
        description: "one party says a party's forces fight in the war or are in a place (\"units of X fought alongside Y\") and another denies it (\"there were no X soldiers in the town\"), in reports at most a month apart",
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
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
    check_with_origins(g, lx, opts).0
}

/// Where [`check`] made a finding: its pass and what the pass was at. The findings come out
/// ordered by pass, and within a pass by what it was at (an event, a place, the claims paired);
/// [`crate::decompose`] turns an origin into a sort key that holds across graphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A rule run on one event (the rule's index in the event pass: 0 `responsibility-dispute`
    /// to 5 `violation-count-disjoint`, 6 `presence-at-target`).
    Event(usize, u8),
    /// `control-opposed`, on one place.
    Place(String),
    Cause,
    Polarity,
    Date,
    Reversal,
    Predicate,
    Presence,
}

/// [`check`], with each finding's [`Origin`] (the two vectors run in step).
pub fn check_with_origins(
    g: &ClaimGraph,
    lx: &Lexicon,
    opts: &CheckOptions,
) -> (Vec<Finding>, Vec<Origin>) {
    let mut out = Vec::new();
    let mut origins = Vec::new();
    let on = |id: &str| !opts.disabled.contains(id);
    let mut add = |out: &mut Vec<Finding>, fs: Vec<Finding>, o: Origin| {
        origins.extend(std::iter::repeat_n(o, fs.len()));
        out.extend(fs);
    };
    for e in 0..g.events.len() {
        if on("responsibility-dispute") {
            add(
                &mut out,
                responsibility_dispute(g, e, lx),
                Origin::Event(e, 0),
            );
        }
        if on("responsibility-competing") {
            add(&mut out, competing(g, e), Origin::Event(e, 1));
        }
        if on("casualty-disjoint") {
            add(&mut out, numeric(g, e, lx), Origin::Event(e, 2));
        }
        if on("casualty-disputed") {
            add(&mut out, disputed(g, e, lx), Origin::Event(e, 3));
        }
        if on("violation-dispute") {
            add(&mut out, violation_dispute(g, e), Origin::Event(e, 4));
        }
        if on("violation-count-disjoint") {
            add(&mut out, violation_counts(g, e), Origin::Event(e, 5));
        }
        if on("presence-at-target") {
            add(&mut out, presence_at_target(g, e, lx), Origin::Event(e, 6));
        }
    }
    if on("control-opposed") {
        for place in g.places.keys() {
            add(&mut out, control(g, place), Origin::Place(place.clone()));
        }
    }
    if on("cause-disputed") {
        add(&mut out, cause_disputed(g, lx), Origin::Cause);
    }
    if on("polarity-opposed") {
        let fs = polarity(g, &out, lx);
        add(&mut out, fs, Origin::Polarity);
    }
    if on("date-disputed") {
        add(&mut out, date_disputed(g, lx), Origin::Date);
    }
    if on("position-reversal") {
        add(&mut out, reversal(g), Origin::Reversal);
    }
    if on("predicate-opposed") {
        add(&mut out, opposite_predicates(g, lx), Origin::Predicate);
    }
    if on("presence-disputed") {
        add(&mut out, presence(g, lx), Origin::Presence);
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
    (out, origins)
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

/// The verb after [`list`] of `n` parties: "X says", "X and Y say".
fn says(n: usize) -> &'static str {
    if n == 1 { "says" } else { "say" }
}

fn list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
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
        parties: vec![c.party.to_string()],
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
