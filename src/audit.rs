//! Coverage audit: which parties and events each report covers, one-sided disputes, single-sourced
//! and unattributed claims, unresolved speakers, and sentences nothing was extracted from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::check::describe_event;
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};
use crate::model::{CharMap, Span};
use crate::report::schema::SCHEMA_VERSION;

#[derive(Debug, Clone, Serialize)]
pub struct PartyCount {
    pub party: String,
    pub claims: usize,
    /// Share of the report's attributions (0 to 1).
    pub share: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventCoverage {
    pub event: usize,
    pub description: String,
    pub parties: Vec<String>,
    /// Documents (ids) that carry claims about the event.
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimNote {
    /// Claim id (`doc#n`) when the item is an attributed claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub kind: String,
    pub text: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OneSided {
    pub event: usize,
    pub description: String,
    /// `accusation without denial` or `denial without accusation`.
    pub kind: &'static str,
    pub parties: Vec<String>,
    /// Who is said to be responsible.
    pub agent: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocAudit {
    pub id: String,
    pub sentences: usize,
    pub claims: usize,
    /// Share of sentences from which an attribution or proposition was extracted.
    pub sentence_coverage: f64,
    pub parties: Vec<PartyCount>,
    /// Attributions by cue type (`assert`, `deny`, `accuse`, `hedge`, ...).
    pub cue_types: BTreeMap<&'static str, usize>,
    pub events: Vec<usize>,
    pub unresolved_speakers: Vec<ClaimNote>,
    pub unattributed_claims: Vec<ClaimNote>,
    pub single_sourced: Vec<ClaimNote>,
    /// What this report says that no other report read does: claims about an event, or control
    /// of a place, that no other report covers.
    pub only_here: Vec<ClaimNote>,
    pub empty_sentences: Vec<Span>,
}

/// A table of claim counts.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Matrix {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `[row, column, count]` for every count above zero, row by row: a corpus of thousands of
    /// reports and events has a matrix too large to hold whole.
    pub nonzero: Vec<[usize; 3]>,
    /// `cells[r][c]` claims of row `r` about column `c`, zeros included: only for a matrix of at
    /// most [`MAX_DENSE_CELLS`] cells (empty, and not written, otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Vec<usize>>,
}

/// Largest matrix also given whole (`cells`).
pub const MAX_DENSE_CELLS: usize = 1_000_000;

/// Widest and longest matrix drawn as a table (in Markdown and HTML); a larger one is left to the
/// JSON audit.
pub const MAX_DRAWN_COLUMNS: usize = 40;
pub const MAX_DRAWN_ROWS: usize = 200;

impl Matrix {
    fn new(rows: Vec<String>, columns: Vec<String>, nonzero: Vec<[usize; 3]>) -> Self {
        let cells = if rows.len().saturating_mul(columns.len()) <= MAX_DENSE_CELLS {
            let mut cells = vec![vec![0; columns.len()]; rows.len()];
            for &[r, c, n] in &nonzero {
                cells[r][c] = n;
            }
            cells
        } else {
            Vec::new()
        };
        Matrix {
            rows,
            columns,
            nonzero,
            cells,
        }
    }

    /// Small enough to draw as a table.
    pub fn drawable(&self) -> bool {
        self.columns.len() <= MAX_DRAWN_COLUMNS
            && self.rows.len() <= MAX_DRAWN_ROWS
            && self.cells.len() == self.rows.len()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditOut {
    pub schema_version: &'static str,
    /// Every input document, processed or skipped with the reason (filled in by the caller,
    /// which read the inputs).
    pub inputs: Vec<crate::ingest::DocStatus>,
    pub documents: Vec<DocAudit>,
    pub events: Vec<EventCoverage>,
    /// Events (rows, `E<id>`) × reports (columns): how many claims each report makes about each.
    pub events_by_reports: Matrix,
    /// Parties (rows) × events (columns, `E<id>`): how many claims each party makes about each.
    pub parties_by_events: Matrix,
    pub one_sided: Vec<OneSided>,
    /// Near-identical sentences in different reports (agency copy).
    pub wire_copies: Vec<crate::wire::WireCopy>,
    /// Share of claims whose speaker stayed unresolved (pronoun or role with no antecedent).
    pub unresolved_share: f64,
    /// How many speakers reach a party, and the warning when few do.
    pub party_coverage: PartyCoverage,
}

/// How many of the speakers reach a party, how, and the names that reach none.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PartyCoverage {
    /// Speakers of sourced claims (a sourceless "it was reported" has none).
    pub speakers: usize,
    /// Of them, those linked to a party.
    pub linked: usize,
    /// Linked speakers by how their party was reached: `alias`, `discovered`, `affiliation`,
    /// `role`, `earlier` (see `docs/schema.md`).
    pub by_how: BTreeMap<&'static str, usize>,
    /// Claims with a source, and those with at least one speaker linked to a party.
    pub claims: usize,
    pub claims_linked: usize,
    /// Of the others, claims of civilians and witnesses ("residents", "a spice trader":
    /// `civilian` rows of `discovery.tsv`), who take no side.
    pub claims_civilian: usize,
    /// The most frequent names of speakers linked to no party, most frequent first.
    pub unknown: Vec<NameCount>,
    /// Set when the input is poorly covered (fewer than one speaker in [`COVERAGE_WARN_BELOW`]
    /// linked, over at least [`COVERAGE_MIN_SPEAKERS`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct NameCount {
    pub name: String,
    pub count: usize,
}

/// A share of linked speakers below this warns. On the FA-KES development articles 57% of
/// speakers reach a party and one cluster of same-day reports in twenty falls below a fifth.
pub const COVERAGE_WARN_BELOW: f64 = 0.2;
/// Fewest speakers the warning needs (a short input says little about the lists).
pub const COVERAGE_MIN_SPEAKERS: usize = 10;
/// How many unknown names are listed (five of them in the warning).
const UNKNOWN_LISTED: usize = 10;
const UNKNOWN_IN_WARNING: usize = 5;

/// How well the party lists cover the documents' speakers.
pub fn party_coverage(
    docs: &[crate::extract::Extraction],
    civilian_nouns: &BTreeSet<String>,
) -> PartyCoverage {
    use crate::model::{LinkHow, Resolution};
    let mut c = PartyCoverage {
        speakers: 0,
        linked: 0,
        by_how: BTreeMap::new(),
        claims: 0,
        claims_linked: 0,
        claims_civilian: 0,
        unknown: Vec::new(),
        warning: None,
    };
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for x in docs {
        for a in x.attributions.iter().filter(|a| a.source.is_some()) {
            c.claims += 1;
            let mut any = false;
            let civilian = a.source.as_ref().is_some_and(|s| {
                civilian_source(x.doc.text.get(s.clone()).unwrap_or(""), civilian_nouns)
            });
            for sp in &a.speakers {
                if sp.resolution == Resolution::Sourceless {
                    continue;
                }
                c.speakers += 1;
                if sp.party.is_some() {
                    c.linked += 1;
                    any = true;
                    let how = match sp.link.as_ref().map(|l| l.how) {
                        Some(LinkHow::Alias) => "alias",
                        Some(LinkHow::Discovered) => "discovered",
                        Some(LinkHow::Affiliation) => "affiliation",
                        Some(LinkHow::Role) => "role",
                        Some(LinkHow::Earlier) => "earlier",
                        Some(LinkHow::Issuer) => "issuer",
                        None => "other",
                    };
                    *c.by_how.entry(how).or_insert(0) += 1;
                } else if let (Some(n), Resolution::Named) = (sp.name.as_deref(), &sp.resolution) {
                    if !n.is_empty() && !civilian {
                        *names.entry(n).or_insert(0) += 1;
                    }
                }
            }
            c.claims_linked += usize::from(any);
            c.claims_civilian += usize::from(!any && civilian);
        }
    }
    let mut ranked: Vec<(&str, usize)> = names.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    c.unknown = ranked
        .iter()
        .take(UNKNOWN_LISTED)
        .map(|(n, k)| NameCount {
            name: n.to_string(),
            count: *k,
        })
        .collect();
    if c.speakers >= COVERAGE_MIN_SPEAKERS
        && (c.linked as f64) < COVERAGE_WARN_BELOW * c.speakers as f64
    {
        let top: Vec<String> = c
            .unknown
            .iter()
            .take(UNKNOWN_IN_WARNING)
            .map(|n| format!("“{}” ({})", n.name, n.count))
            .collect();
        c.warning = Some(format!(
            "{} of {} speakers are not linked to any party, so few claims can be compared; most frequent unknown: {}. Add a party in one line of parties.tsv (see the README, \"Adding a party\").",
            c.speakers - c.linked,
            c.speakers,
            if top.is_empty() {
                "—".to_string()
            } else {
                top.join(", ")
            }
        ));
    }
    c
}

/// Fewest words a headline needs to count as a claim ("Syrian government seizes area").
const HEADLINE_WORDS: usize = 3;

/// Audits the coverage of the documents in the graph.
pub fn audit(g: &ClaimGraph) -> AuditOut {
    // parties per event, documents per event; a claim carried in wire copy counts once, for the
    // first party that carries it (two outlets running one agency sentence are one source)
    let wire = crate::wire::copies(&g.docs);
    let copies = &wire.groups;
    let mut ev_parties: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut ev_sources: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut ev_docs: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut copied_source: BTreeMap<(usize, (usize, usize)), String> = BTreeMap::new();
    for c in &g.claims {
        if let Some(e) = g.event_of(c) {
            let sentence = (c.doc, g.prop(c).sentence);
            let source = match copies.get(&sentence) {
                Some(&group) => copied_source
                    .entry((e, group))
                    .or_insert_with(|| c.party.to_string())
                    .clone(),
                None => c.party.to_string(),
            };
            ev_sources.entry(e).or_default().insert(source);
            ev_parties.entry(e).or_default().insert(c.party.to_string());
            ev_docs.entry(e).or_default().insert(c.doc);
        }
    }
    // parties and documents per place (control)
    let mut place_parties: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut place_docs: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for c in &g.claims {
        if let PropKind::Control { place, .. } = &g.prop(c).kind {
            place_parties
                .entry(place.to_string())
                .or_default()
                .insert(c.party.to_string());
            place_docs
                .entry(place.to_string())
                .or_default()
                .insert(c.doc);
        }
    }
    let mut documents = Vec::new();
    let mut unresolved_total = 0;
    for (di, x) in g.docs.iter().enumerate() {
        let cm = CharMap::of(&x.doc);
        let mut parties: BTreeMap<String, usize> = BTreeMap::new();
        let mut unresolved = Vec::new();
        for (ai, a) in x.attributions.iter().enumerate() {
            for sp in &a.speakers {
                *parties.entry(sp.label().to_string()).or_default() += 1;
            }
            if a.speakers
                .iter()
                .any(|s| matches!(s.resolution, crate::model::Resolution::Unresolved { .. }))
            {
                unresolved_total += 1;
                unresolved.push(ClaimNote {
                    claim: Some(format!("{}#{}", x.doc.id, ai + 1)),
                    kind: "speaker".into(),
                    text: cm.span(a.source.as_ref().unwrap_or(&a.cue)),
                    note: Some("no compatible antecedent in this or the previous sentence".into()),
                });
            }
        }
        let events: BTreeSet<usize> = g
            .claims_of_doc(di)
            .iter()
            .filter_map(|c| g.event_of(c))
            .collect();
        // (a party's own statement is the party's, not unattributed)
        let mut unattributed: Vec<ClaimNote> = x
            .propositions
            .iter()
            .filter(|p| p.attribution.is_none() && x.issuer.is_none())
            .map(|p| ClaimNote {
                claim: None,
                kind: p.kind.type_name().into(),
                text: cm.span(&x.seg.sentences[p.sentence].range),
                note: Some(format!(
                    "stated in the report's own voice: “{}”",
                    &x.doc.text[p.bytes.clone()]
                )),
            })
            .collect();
        // a headline nothing was read from is still a claim in the outlet's own voice ("Syrian
        // government seizes area in Aleppo attack")
        let empty_sentences = x.empty_sentences();
        let headlines: BTreeSet<usize> = empty_sentences
            .iter()
            .copied()
            .filter(|&s| {
                x.issuer.is_none()
                    && x.seg.sentences[s].headline
                    && x.seg.sentences[s].words >= HEADLINE_WORDS
            })
            .collect();
        for &s in &headlines {
            unattributed.push(ClaimNote {
                claim: None,
                kind: "headline".into(),
                text: cm.span(&x.seg.sentences[s].range),
                note: Some("a headline: the report's own voice".into()),
            });
        }
        let mut single = Vec::new();
        for c in g.claims_of_doc(di) {
            let p = g.prop(c);
            let sole = match &p.kind {
                PropKind::Generic { .. } => continue,
                PropKind::Control { place, .. } => place_parties
                    .get(place.as_str())
                    .is_none_or(|s| s.len() < 2),
                _ => g
                    .event_of(c)
                    .and_then(|e| ev_sources.get(&e))
                    .is_none_or(|s| s.len() < 2),
            };
            if sole {
                single.push(ClaimNote {
                    claim: Some(c.id(&x.doc.id)),
                    kind: p.kind.type_name().into(),
                    text: cm.span(&p.bytes),
                    note: Some(format!(
                        "only {} speaks to this in the reports read",
                        c.party
                    )),
                });
            }
        }
        // covered by this report alone (one line per attribution)
        let mut only_here = Vec::new();
        let mut listed = BTreeSet::new();
        let alone = |docs: Option<&BTreeSet<usize>>| docs.is_none_or(|d| d.len() < 2);
        for c in g.claims_of_doc(di).iter().filter(|c| c.resolved) {
            let p = g.prop(c);
            let here_only = match &p.kind {
                PropKind::Generic { .. } => false,
                PropKind::Control { place, .. } => alone(place_docs.get(place.as_str())),
                _ => g.event_of(c).is_some_and(|e| alone(ev_docs.get(&e))),
            };
            if here_only && g.docs.len() > 1 && listed.insert((c.attribution, c.prop)) {
                only_here.push(ClaimNote {
                    claim: Some(c.id(&x.doc.id)),
                    kind: p.kind.type_name().into(),
                    text: cm.span(&p.bytes),
                    note: Some(format!("{} — no other report covers this", c.party)),
                });
            }
        }
        let empty: Vec<Span> = empty_sentences
            .into_iter()
            .filter(|s| !headlines.contains(s))
            .map(|s| cm.span(&x.seg.sentences[s].range))
            .collect();
        let n = x.seg.sentences.len();
        documents.push(DocAudit {
            id: x.doc.id.clone(),
            sentences: n,
            claims: x.attributions.len(),
            sentence_coverage: if n == 0 {
                0.0
            } else {
                round3((n - empty.len()) as f64 / n as f64)
            },
            parties: parties
                .into_iter()
                .map(|(party, claims)| PartyCount {
                    party,
                    claims,
                    share: round3(claims as f64 / x.attributions.len().max(1) as f64),
                })
                .collect(),
            cue_types: x.attributions.iter().fold(BTreeMap::new(), |mut m, a| {
                *m.entry(a.cue_type.as_str()).or_insert(0) += 1;
                m
            }),
            events: events.into_iter().collect(),
            unresolved_speakers: unresolved,
            unattributed_claims: unattributed,
            single_sourced: single,
            only_here,
            empty_sentences: empty,
        });
    }
    let events = (0..g.events.len())
        .map(|e| EventCoverage {
            event: e,
            description: describe_event(&g.events[e].desc, &g.frame_text),
            parties: ev_parties
                .get(&e)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default(),
            documents: ev_docs
                .get(&e)
                .map(|s| s.iter().map(|&d| g.docs[d].doc.id.clone()).collect())
                .unwrap_or_default(),
        })
        .collect();
    let total_claims: usize = g.docs.iter().map(|x| x.attributions.len()).sum();
    let (events_by_reports, parties_by_events) = matrices(g);
    AuditOut {
        schema_version: SCHEMA_VERSION,
        inputs: Vec::new(),
        documents,
        events,
        events_by_reports,
        parties_by_events,
        wire_copies: wire.pairs,
        one_sided: one_sided(g),
        party_coverage: party_coverage(&g.docs, &g.civilian_nouns),
        unresolved_share: if total_claims == 0 {
            0.0
        } else {
            round3(unresolved_total as f64 / total_claims as f64)
        },
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Responsibility claims where only one side of the dispute is in the reports.
fn one_sided(g: &ClaimGraph) -> Vec<OneSided> {
    let mut out = Vec::new();
    for e in 0..g.events.len() {
        let mut acc: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut den: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for c in g.event_claims(e) {
            let cl = &g.claims[c];
            // perpetrators that are known parties only ("shells" is nobody's side)
            if let PropKind::Responsibility { agent, .. } = &g.prop(cl).kind
                && g.known_parties.contains(agent.as_str())
            {
                if cl.stance == Stance::Deny && cl.party == *agent {
                    den.entry(agent.to_string())
                        .or_default()
                        .insert(cl.party.to_string());
                } else if cl.stance != Stance::Deny && cl.party != *agent {
                    acc.entry(agent.to_string())
                        .or_default()
                        .insert(cl.party.to_string());
                }
            }
        }
        let agents: BTreeSet<&String> = acc.keys().chain(den.keys()).collect();
        for agent in agents {
            let (kind, parties) = match (acc.get(agent), den.get(agent)) {
                (Some(a), None) => ("accusation without denial", a),
                (None, Some(d)) => ("denial without accusation", d),
                _ => continue,
            };
            out.push(OneSided {
                event: e,
                description: describe_event(&g.events[e].desc, &g.frame_text),
                kind,
                parties: parties.iter().cloned().collect(),
                agent: agent.clone(),
            });
        }
    }
    out
}

/// Markdown rendering of the audit.
/// The events × reports and parties × events claim counts.
fn matrices(g: &ClaimGraph) -> (Matrix, Matrix) {
    let event_ids: Vec<String> = (0..g.events.len()).map(|e| format!("E{e}")).collect();
    let mut by_report: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut by_party: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    for c in &g.claims {
        if let Some(e) = g.event_of(c) {
            *by_report.entry((e, c.doc)).or_insert(0) += 1;
            *by_party
                .entry(c.party.as_str())
                .or_default()
                .entry(e)
                .or_insert(0) += 1;
        }
    }
    let events_by_reports = Matrix::new(
        event_ids.clone(),
        g.docs.iter().map(|x| x.doc.id.clone()).collect(),
        by_report.into_iter().map(|((e, d), n)| [e, d, n]).collect(),
    );
    let parties_by_events = Matrix::new(
        by_party.keys().map(|p| p.to_string()).collect(),
        event_ids,
        by_party
            .values()
            .enumerate()
            .flat_map(|(r, es)| es.iter().map(move |(&e, &n)| [r, e, n]))
            .collect(),
    );
    (events_by_reports, parties_by_events)
}

/// A matrix as a Markdown table (`·` for zero).
fn matrix_markdown(m: &Matrix, corner: &str) -> String {
    if !m.drawable() {
        return format!(
            "{} × {} cells: too large to draw here; `gainsay audit --format json` has them.\n",
            m.rows.len(),
            m.columns.len()
        );
    }
    let cell = |s: &str| s.replace('|', "\\|");
    let mut s = format!("| {corner} |");
    for c in &m.columns {
        let _ = write!(s, " {} |", cell(c));
    }
    s += "\n|---|";
    s += &"---|".repeat(m.columns.len());
    s += "\n";
    for (r, row) in m.rows.iter().zip(&m.cells) {
        let _ = write!(s, "| {} |", cell(r));
        for n in row {
            if *n == 0 {
                s += " · |";
            } else {
                let _ = write!(s, " {n} |");
            }
        }
        s += "\n";
    }
    s
}

pub fn audit_markdown(a: &AuditOut) -> String {
    let mut s = String::from("# gainsay coverage audit\n\n");
    if !a.inputs.is_empty() {
        let skipped: Vec<_> = a.inputs.iter().filter(|i| i.status == "skipped").collect();
        let _ = writeln!(
            s,
            "Inputs: {} document(s) processed, {} skipped.\n",
            a.inputs.len() - skipped.len(),
            skipped.len()
        );
        for i in skipped {
            let _ = writeln!(
                s,
                "- skipped `{}`: {}",
                i.origin,
                i.reason.as_deref().unwrap_or("")
            );
        }
        if a.inputs.iter().any(|i| i.status == "skipped") {
            s.push('\n');
        }
    }
    let _ = writeln!(
        s,
        "Unresolved speakers: {:.1}% of claims.\n",
        a.unresolved_share * 100.0
    );
    s += &coverage_markdown(&a.party_coverage);
    let _ = writeln!(s, "## Events\n");
    if a.events.is_empty() {
        let _ = writeln!(s, "No events recognised.\n");
    }
    for e in &a.events {
        let _ = writeln!(
            s,
            "- E{} {} — parties: {}; reports: {}",
            e.event,
            e.description,
            if e.parties.is_empty() {
                "—".into()
            } else {
                e.parties.join(", ")
            },
            if e.documents.is_empty() {
                "—".into()
            } else {
                e.documents.join(", ")
            }
        );
    }
    if !a.events.is_empty() {
        let _ = writeln!(
            s,
            "\n### Claims per event and report\n\n{}",
            matrix_markdown(&a.events_by_reports, "event")
        );
        let _ = writeln!(
            s,
            "### Claims per party and event\n\n{}",
            matrix_markdown(&a.parties_by_events, "party")
        );
    }
    let _ = writeln!(s, "\n## Wire copy\n");
    if a.wire_copies.is_empty() {
        let _ = writeln!(
            s,
            "No sentence is shared near word for word by two reports.\n"
        );
    }
    for w in &a.wire_copies {
        let _ = writeln!(
            s,
            "- {} chars {}–{} ≈ {} chars {}–{} ({:.0}% of word runs shared): {}",
            w.doc_a,
            w.sentence_a.start,
            w.sentence_a.end,
            w.doc_b,
            w.sentence_b.start,
            w.sentence_b.end,
            w.similarity * 100.0,
            w.sentence_a.text
        );
    }
    let _ = writeln!(s, "\n## One-sided disputes\n");
    if a.one_sided.is_empty() {
        let _ = writeln!(s, "None.");
    }
    for o in &a.one_sided {
        let _ = writeln!(
            s,
            "- E{} {}: {} ({} about {})",
            o.event,
            o.description,
            o.kind,
            o.parties.join(", "),
            o.agent
        );
    }
    for d in &a.documents {
        let _ = writeln!(s, "\n## {}\n", d.id);
        let _ = writeln!(
            s,
            "{} sentences, {} claims, {:.0}% of sentences yielded something.\n",
            d.sentences,
            d.claims,
            d.sentence_coverage * 100.0
        );
        let parties: Vec<String> = d
            .parties
            .iter()
            .map(|p| format!("{} ({}, {:.0}%)", p.party, p.claims, p.share * 100.0))
            .collect();
        let _ = writeln!(
            s,
            "- Parties: {}",
            if parties.is_empty() {
                "—".into()
            } else {
                parties.join(", ")
            }
        );
        let cues: Vec<String> = d
            .cue_types
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        let _ = writeln!(
            s,
            "- Claims by cue type: {}",
            if cues.is_empty() {
                "—".into()
            } else {
                cues.join(", ")
            }
        );
        let evs: Vec<String> = d.events.iter().map(|e| format!("E{e}")).collect();
        let _ = writeln!(
            s,
            "- Events: {}",
            if evs.is_empty() {
                "—".into()
            } else {
                evs.join(", ")
            }
        );
        section(&mut s, "Unresolved speakers", &d.unresolved_speakers);
        section(&mut s, "Unattributed claims", &d.unattributed_claims);
        section(&mut s, "Single-sourced claims", &d.single_sourced);
        section(&mut s, "Only in this report", &d.only_here);
        let _ = writeln!(
            s,
            "- Sentences with nothing extracted: {}",
            d.empty_sentences.len()
        );
        for e in &d.empty_sentences {
            let _ = writeln!(
                s,
                "  - chars {}–{}: {}",
                e.start,
                e.end,
                e.text.replace('\n', " ")
            );
        }
    }
    s
}

/// Whether a source phrase names civilians or witnesses: a `civilian` noun before any relative
/// clause ("Residents of Sake", "Adam Yahya, a spice trader who ...").
fn civilian_source(source: &str, civilian_nouns: &BTreeSet<String>) -> bool {
    source
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .take_while(|w| !matches!(w.as_str(), "who" | "which" | "that"))
        .any(|w| civilian_nouns.contains(&w))
}

/// The party coverage as Markdown: the counts, how parties were reached, the warning.
pub fn coverage_markdown(c: &PartyCoverage) -> String {
    let mut s = String::new();
    if let Some(w) = &c.warning {
        let _ = writeln!(s, "> **Warning:** {w}\n");
    }
    let how: Vec<String> = c.by_how.iter().map(|(h, n)| format!("{h} {n}")).collect();
    let _ = writeln!(
        s,
        "Party coverage: {} of {} speakers linked to a party ({}); {} of {} sourced claims reach one; {} more are civilians' or witnesses', who take no side.\n",
        c.linked,
        c.speakers,
        if how.is_empty() {
            "—".to_string()
        } else {
            how.join(", ")
        },
        c.claims_linked,
        c.claims,
        c.claims_civilian,
    );
    if !c.unknown.is_empty() {
        let names: Vec<String> = c
            .unknown
            .iter()
            .map(|n| format!("{} ({})", n.name, n.count))
            .collect();
        let _ = writeln!(
            s,
            "Most frequent speakers with no party: {}.\n",
            names.join(", ")
        );
    }
    s
}

fn section(s: &mut String, title: &str, items: &[ClaimNote]) {
    let _ = writeln!(s, "- {title}: {}", items.len());
    for i in items {
        let id = i
            .claim
            .as_deref()
            .map(|c| format!("`{c}` "))
            .unwrap_or_default();
        let note = i
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  - {id}{} chars {}–{}: {}{note}",
            i.kind,
            i.text.start,
            i.text.end,
            i.text.text.replace('\n', " ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matrix_too_large_to_hold_whole_keeps_only_its_counts() {
        let ids = |n: usize, p: &str| (0..n).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
        let big = Matrix::new(
            ids(2000, "E"),
            ids(1000, "d"),
            vec![[3, 7, 2], [1999, 999, 1]],
        );
        assert!(big.cells.is_empty());
        assert!(!big.drawable());
        assert_eq!(big.nonzero.len(), 2);
        assert!(matrix_markdown(&big, "event").contains("too large to draw"));
        let json = serde_json::to_value(&big).unwrap();
        assert!(json.get("cells").is_none());
        let small = Matrix::new(ids(2, "E"), ids(3, "d"), vec![[1, 2, 5]]);
        assert_eq!(small.cells, vec![vec![0, 0, 0], vec![0, 0, 5]]);
        assert!(small.drawable());
    }
}
