//! The JSON output schema. These types are a promise to users: they are separate from the
//! internal types, versioned by [`SCHEMA_VERSION`], and documented in `docs/schema.md`.

use serde::Serialize;

use crate::extract::{Extraction, PropKind};
use crate::model::{CharMap, Commitment, CueType, Polarity, QuoteKind, Span, SpanRef, Speaker};

/// Bumped on any incompatible change of the JSON output.
pub const SCHEMA_VERSION: &str = "1.12";

/// One attributed claim, borrowing its text and parts from its extraction (built only to be
/// serialized: `extract` writes one per line).
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut<'a> {
    /// `doc#index`, stable for the same input.
    pub id: String,
    pub doc: &'a str,
    pub sentence: SpanRef<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SpanRef<'a>>,
    pub cue: SpanRef<'a>,
    pub content: SpanRef<'a>,
    /// Further parts of a discontinuous content ("“Q1,” he said. “Q2.”").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub continuation: Vec<SpanRef<'a>>,
    pub cue_lemma: &'a str,
    pub cue_type: CueType,
    pub polarity: Polarity,
    pub commitment: Commitment,
    pub negated: bool,
    pub kind: QuoteKind,
    /// The layout rule that found it.
    pub layout: &'static str,
    /// The reading the learned layer chose (`--model learned`): `rule` or an alternative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learned: Option<&'static str>,
    pub speakers: &'a [Speaker],
    /// The claim (`doc#n`) this one only relays: an outlet passing a source's words on ("X
    /// reported that the ministry said C"); its propositions are that source's, not the
    /// outlet's, and the graph holds no claim of the outlet for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relays: Option<String>,
    pub propositions: Vec<PropOut<'a>>,
}

/// A proposition with its evidence span.
#[derive(Debug, Clone, Serialize)]
pub struct PropOut<'a> {
    #[serde(flatten)]
    pub kind: &'a PropKind,
    pub negated: bool,
    pub evidence: SpanRef<'a>,
}

/// The claims of one document, in order.
pub fn claims(x: &Extraction) -> Vec<ClaimOut<'_>> {
    let cm = CharMap::of(&x.doc);
    let mut by_att: Vec<Vec<&crate::extract::Proposition>> = vec![Vec::new(); x.attributions.len()];
    for p in &x.propositions {
        if let Some(a) = p.attribution.filter(|&a| a < by_att.len()) {
            by_att[a].push(p);
        }
    }
    x.attributions
        .iter()
        .enumerate()
        .map(|(i, a)| ClaimOut {
            id: format!("{}#{}", x.doc.id, i + 1),
            doc: &x.doc.id,
            sentence: cm.span_ref(&x.seg.sentences[a.sentence].range),
            source: a.source.as_ref().map(|r| cm.span_ref(r)),
            cue: cm.span_ref(&a.cue),
            content: cm.span_ref(&a.content),
            continuation: a.continuation.iter().map(|r| cm.span_ref(r)).collect(),
            cue_lemma: &a.cue_lemma,
            cue_type: a.cue_type,
            polarity: a.polarity,
            commitment: a.commitment,
            negated: a.negated,
            kind: a.kind,
            layout: a.layout.id(),
            learned: a.learned,
            speakers: &a.speakers,
            relays: a.relays.map(|r| format!("{}#{}", x.doc.id, r + 1)),
            propositions: by_att[i]
                .iter()
                .map(|p| PropOut {
                    kind: &p.kind,
                    negated: p.negated,
                    evidence: cm.span_ref(&p.bytes),
                })
                .collect(),
        })
        .collect()
}

/// A document's status (id, origin, processed or skipped with a reason, warnings) and counts.
#[derive(Debug, Clone, Serialize)]
pub struct DocOut {
    #[serde(flatten)]
    pub input: crate::ingest::DocStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub sentences: usize,
    pub claims: usize,
    pub propositions: usize,
}

/// One piece of evidence: a claim with its spans.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceOut {
    /// Claim id (`doc#n`, as in `gainsay extract`).
    pub claim: String,
    pub doc: String,
    pub party: String,
    pub stance: crate::graph::Stance,
    pub sentence: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
    /// Absent for a statement in the report's own voice (compared unless `check --no-own-voice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    pub content: Span,
    /// The part of the content the proposition was read from.
    pub proposition: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct SideOut {
    pub role: String,
    pub parties: Vec<String>,
    pub evidence: Vec<EvidenceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingOut {
    /// `F1`, `F2`, ... in output order.
    pub id: String,
    #[serde(rename = "type")]
    pub ty: crate::check::FindingType,
    pub rule: &'static str,
    /// `high` (both sides firm), `medium` (the weaker side says probable, or the reports were
    /// matched as one event only probably), `low` (possible).
    pub severity: crate::check::Severity,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventOut>,
    pub sides: Vec<SideOut>,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventOut {
    pub id: usize,
    pub description: String,
    /// `certain` (every other report agreed on the day and on the place, agent or target), `probable`
    /// (on two other details), or `single report`.
    pub match_certainty: &'static str,
    /// The details other reports' mentions agreed on ("same day", "same place", ...).
    pub matched_on: Vec<&'static str>,
    #[serde(flatten)]
    pub desc: crate::extract::EventRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub documents_processed: usize,
    pub documents_skipped: usize,
    pub claims: usize,
    pub parties: usize,
    pub events: usize,
    pub findings: usize,
    /// Claims left out of the comparison because their speaker could not be resolved to a party
    /// or a name ("the army" with no army named before it, an unresolved "he").
    pub claims_unresolved: usize,
    /// How many speakers reach a party, how, the most frequent unknown names, and a warning
    /// when few do.
    pub party_coverage: crate::audit::PartyCoverage,
}

/// The whole output of `gainsay check`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckOut {
    pub schema_version: &'static str,
    pub tool: String,
    pub summary: Summary,
    pub documents: Vec<DocOut>,
    pub findings: Vec<FindingOut>,
    /// Tolls that rise from report to report: updates, not conflicts.
    pub updates: Vec<UpdateOut>,
    /// Control of a place changing hands over time: sequences, not conflicts.
    pub timelines: Vec<TimelineOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub input_errors: Vec<String>,
}

/// A toll that rises across reports (`check`'s `updates`).
#[derive(Debug, Clone, Serialize)]
pub struct UpdateOut {
    pub event: usize,
    pub subject: String,
    pub measure: String,
    pub victims: String,
    pub steps: Vec<StepOut>,
}

/// One report's figure in an update sequence.
#[derive(Debug, Clone, Serialize)]
pub struct StepOut {
    /// Publication date of the report(s) giving the figure.
    pub date: jiff::civil::Date,
    pub parties: Vec<String>,
    pub figure: String,
    pub evidence: Vec<EvidenceOut>,
}

/// Control of a place over time (`check`'s `timelines`).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineOut {
    pub place: String,
    pub steps: Vec<ControlStepOut>,
}

/// One day's control claim in a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct ControlStepOut {
    pub date: jiff::civil::Date,
    pub holder: String,
    /// `gain`, `hold` or `loss`.
    pub change: crate::lexicon::ControlChange,
    pub parties: Vec<String>,
    pub evidence: Vec<EvidenceOut>,
}

/// An event in a comparison, with how many claims each side makes about it.
#[derive(Debug, Clone, Serialize)]
pub struct CompareEventOut {
    pub id: usize,
    pub description: String,
    pub match_certainty: &'static str,
    pub claims_a: usize,
    pub claims_b: usize,
}

/// One side of `gainsay compare`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareSideOut {
    /// The input path as given.
    pub input: String,
    pub documents: Vec<DocOut>,
    /// Events this side mentions and the other does not.
    pub events_only_here: Vec<CompareEventOut>,
    /// Claims this side makes that the other does not.
    pub claims_only_here: Vec<EvidenceOut>,
}

/// The whole output of `gainsay compare`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareOut {
    pub schema_version: &'static str,
    pub tool: String,
    pub a: CompareSideOut,
    pub b: CompareSideOut,
    pub shared_events: Vec<CompareEventOut>,
    /// Findings with claims from both sides.
    pub conflicts: Vec<FindingOut>,
}
