//! Output: Markdown, JSON, JSON Lines, CSV, HTML, DOT. Formatting only; the binary writes the
//! bytes.

pub mod html;
pub mod schema;

use std::fmt::Write as _;

use crate::check::Finding;
use crate::graph::{ClaimGraph, Edge, Node};
use crate::ingest::DocStatus;
use crate::model::CharMap;
use schema::*;

/// What `gainsay check` reports on a graph: runs the rules (and, unless their rule is disabled,
/// the figure sequences and control timelines) and builds the output. The findings are returned
/// too, for `--fail-on`. `eval conflicts` goes through here, so that it scores what the command
/// prints.
pub fn check_report(
    g: &ClaimGraph,
    lx: &crate::lexicon::Lexicon,
    opts: &crate::check::CheckOptions,
    status: &[DocStatus],
    input_errors: &[String],
) -> (Vec<Finding>, CheckOut) {
    let findings = crate::check::check(g, lx, opts);
    let sequences = if opts.disabled.contains("casualty-disjoint") {
        Vec::new()
    } else {
        crate::check::figure_sequences(g, lx)
    };
    let timelines = if opts.disabled.contains("control-opposed") {
        Vec::new()
    } else {
        crate::check::control_timelines(g)
    };
    let co = check_output(g, &findings, &sequences, &timelines, status, input_errors);
    (findings, co)
}

/// The findings as the output lists them (`F1`, `F2`, ... in their order).
pub fn finding_outs(g: &ClaimGraph, findings: &[Finding]) -> Vec<FindingOut> {
    let maps: Vec<CharMap> = g.docs.iter().map(|x| CharMap::of(&x.doc)).collect();
    finding_outs_with(g, &maps, findings)
}

fn finding_outs_with(g: &ClaimGraph, maps: &[CharMap], findings: &[Finding]) -> Vec<FindingOut> {
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| FindingOut {
            id: format!("F{}", i + 1),
            ty: f.ty,
            rule: f.rule,
            severity: f.severity,
            subject: f.subject.clone(),
            event: f.event.map(|e| EventOut {
                id: e,
                description: crate::check::describe_event(&g.events[e].desc, &g.frame_text),
                match_certainty: g.events[e].match_certainty().id(),
                matched_on: g.events[e]
                    .matched_on()
                    .into_iter()
                    .map(|d| d.label())
                    .collect(),
                desc: g.events[e].desc.clone(),
            }),
            sides: f
                .sides
                .iter()
                .map(|s| SideOut {
                    role: s.role.clone(),
                    parties: s.parties.clone(),
                    evidence: s.claims.iter().map(|&c| evidence(g, maps, c)).collect(),
                })
                .collect(),
            explanation: f.explanation.clone(),
        })
        .collect()
}

/// Builds the `check` output from the graph, the findings and the input statuses.
pub fn check_output(
    g: &ClaimGraph,
    findings: &[Finding],
    sequences: &[crate::check::FigureSequence],
    timelines: &[crate::check::ControlTimeline],
    status: &[DocStatus],
    input_errors: &[String],
) -> CheckOut {
    let maps: Vec<CharMap> = g.docs.iter().map(|x| CharMap::of(&x.doc)).collect();
    let documents = documents(g, status);
    let findings = finding_outs_with(g, &maps, findings);
    let summary = Summary {
        documents_processed: status.iter().filter(|s| s.status == "processed").count(),
        documents_skipped: status.iter().filter(|s| s.status != "processed").count(),
        claims: g.docs.iter().map(|x| x.attributions.len()).sum(),
        parties: g
            .claims
            .iter()
            .map(|c| c.party.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        events: g.events.len(),
        findings: findings.len(),
        claims_unresolved: g.docs.iter().map(|x| x.unresolved_speakers().1).sum(),
        party_coverage: crate::audit::party_coverage(&g.docs, &g.civilian_nouns),
    };
    let updates = sequences
        .iter()
        .map(|q| UpdateOut {
            event: q.event,
            subject: q.subject.clone(),
            measure: q.measure.clone(),
            victims: q.victims.clone(),
            steps: q
                .steps
                .iter()
                .map(|st| StepOut {
                    date: st.date,
                    parties: st.parties.clone(),
                    figure: st.text.clone(),
                    evidence: st.claims.iter().map(|&c| evidence(g, &maps, c)).collect(),
                })
                .collect(),
        })
        .collect();
    let timelines = timelines
        .iter()
        .map(|t| TimelineOut {
            place: t.place.clone(),
            steps: t
                .steps
                .iter()
                .map(|st| ControlStepOut {
                    date: st.date,
                    holder: st.holder.clone(),
                    change: st.change,
                    parties: st.parties.clone(),
                    evidence: st.claims.iter().map(|&c| evidence(g, &maps, c)).collect(),
                })
                .collect(),
        })
        .collect();
    CheckOut {
        schema_version: SCHEMA_VERSION,
        tool: format!("gainsay {}", env!("CARGO_PKG_VERSION")),
        summary,
        documents,
        findings,
        updates,
        timelines,
        input_errors: input_errors.to_vec(),
    }
}

/// Document statuses with counts, in input order.
pub fn documents(g: &ClaimGraph, status: &[DocStatus]) -> Vec<DocOut> {
    // the graph holds the documents by id: the k-th processed input is `g.docs[by_input[k]]`
    let mut by_input = vec![0; g.docs.len()];
    for (j, &k) in g.input_index.iter().enumerate() {
        if let Some(slot) = by_input.get_mut(k) {
            *slot = j;
        }
    }
    let mut processed = by_input.iter().map(|&j| &g.docs[j]);
    status
        .iter()
        .map(|s| {
            let x = if s.status == "processed" {
                processed.next()
            } else {
                None
            };
            DocOut {
                input: s.clone(),
                title: x.and_then(|x| x.doc.title.clone()),
                outlet: x.and_then(|x| x.doc.outlet.clone()),
                date: x.and_then(|x| x.doc.date.map(|d| d.to_string())),
                sentences: x.map_or(0, |x| x.seg.sentences.len()),
                claims: x.map_or(0, |x| x.attributions.len()),
                propositions: x.map_or(0, |x| x.propositions.len()),
            }
        })
        .collect()
}

fn evidence(g: &ClaimGraph, maps: &[CharMap], c: usize) -> EvidenceOut {
    let claim = &g.claims[c];
    let x = &g.docs[claim.doc];
    let p = &x.propositions[claim.prop];
    let cm = &maps[claim.doc];
    let proposition = cm.span(&p.bytes);
    let a = claim.attribution.map(|ai| &x.attributions[ai]);
    EvidenceOut {
        claim: claim.id(&x.doc.id),
        doc: x.doc.id.clone(),
        party: claim.party.to_string(),
        stance: claim.stance,
        sentence: cm.span(&x.seg.sentences[p.sentence].range),
        source: a.and_then(|a| a.source.as_ref()).map(|r| cm.span(r)),
        // the report's own voice has no cue: its content is the proposition itself
        cue: a.map(|a| cm.span(&a.cue)),
        content: a.map_or_else(|| proposition.clone(), |a| cm.span(&a.content)),
        proposition,
    }
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// At most `n` characters of a (long) sentence for Markdown evidence lines.
fn md_clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        md_escape(s)
    } else {
        format!("{}…", md_escape(&s.chars().take(n).collect::<String>()))
    }
}

/// Markdown rendering of a `check` output.
pub fn check_markdown(out: &CheckOut) -> String {
    let mut s = String::new();
    let sm = &out.summary;
    let _ = writeln!(s, "# gainsay contradiction report\n");
    let _ = writeln!(
        s,
        "{} processed, {} skipped · {} · {} · {} · **{}**\n",
        plural(sm.documents_processed, "document"),
        sm.documents_skipped,
        plural(sm.claims, "attributed claim"),
        plural(sm.parties, "party"),
        plural(sm.events, "event"),
        plural(sm.findings, "finding"),
    );
    if sm.claims_unresolved > 0 {
        let _ = writeln!(
            s,
            "{} not compared: {} speaker could not be resolved to a party or a name (see `gainsay audit`).\n",
            plural(sm.claims_unresolved, "claim"),
            if sm.claims_unresolved == 1 {
                "its"
            } else {
                "their"
            }
        );
    }
    if let Some(w) = &sm.party_coverage.warning {
        let _ = writeln!(s, "> **Warning:** {w}\n");
    }
    if out.findings.is_empty() {
        let _ = writeln!(s, "No conflicts found between attributed claims.\n");
    }
    for f in &out.findings {
        let _ = writeln!(
            s,
            "## {} · {} — {}\n",
            f.id,
            f.ty.title(),
            md_escape(&f.subject)
        );
        let _ = writeln!(
            s,
            "Rule `{}`, severity {}. {}\n",
            f.rule,
            f.severity.id(),
            f.explanation
        );
        if let Some(ev) = &f.event {
            if !ev.matched_on.is_empty() {
                let _ = writeln!(
                    s,
                    "Reports matched as one event ({}): {}.\n",
                    ev.match_certainty,
                    ev.matched_on.join(", ")
                );
            }
        }
        for side in &f.sides {
            let _ = writeln!(
                s,
                "- **{}** — {}",
                md_escape(&side.role),
                side.parties.join(", ")
            );
            for e in &side.evidence {
                let src = match (&e.source, &e.cue) {
                    (Some(x), _) => x.text.clone(),
                    (None, Some(_)) => "(no source)".to_string(),
                    (None, None) => "(the report's own voice)".to_string(),
                };
                let cue = e
                    .cue
                    .as_ref()
                    .map_or(String::new(), |c| format!(" *{}*", md_escape(&c.text)));
                let _ = writeln!(
                    s,
                    "  - `{}` {}{} “{}” — sentence chars {}–{}: {}",
                    e.claim,
                    md_escape(&src),
                    cue,
                    md_escape(&e.content.text),
                    e.sentence.start,
                    e.sentence.end,
                    md_clip(&e.sentence.text, 400)
                );
            }
        }
        let _ = writeln!(s);
    }
    if !out.updates.is_empty() {
        section(
            &mut s,
            "Figure updates",
            "Tolls that rise from report to report: updates, not conflicts.",
        );
        for u in &out.updates {
            let steps: Vec<String> = u
                .steps
                .iter()
                .map(|st| {
                    let docs: std::collections::BTreeSet<&str> =
                        st.evidence.iter().map(|e| e.doc.as_str()).collect();
                    format!(
                        "{} {} ({}, {})",
                        st.date,
                        md_escape(&st.figure),
                        md_escape(&st.parties.join(", ")),
                        docs.into_iter().collect::<Vec<_>>().join(", ")
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "- {} — {} {}: {}",
                md_escape(&u.subject),
                md_escape(&u.victims),
                md_escape(&u.measure),
                steps.join(" → ")
            );
        }
        let _ = writeln!(s);
    }
    if !out.timelines.is_empty() {
        section(
            &mut s,
            "Control timelines",
            "Places that change hands from day to day: sequences, not conflicts.",
        );
        for t in &out.timelines {
            let steps: Vec<String> = t
                .steps
                .iter()
                .map(|st| {
                    let verb = match st.change {
                        crate::lexicon::ControlChange::Gain => "took it",
                        crate::lexicon::ControlChange::Hold => "holds it",
                        crate::lexicon::ControlChange::Loss => "lost it",
                    };
                    format!(
                        "{} {} {verb} (according to {})",
                        st.date,
                        md_escape(&st.holder),
                        md_escape(&st.parties.join(", "))
                    )
                })
                .collect();
            let _ = writeln!(s, "- {}: {}", md_escape(&t.place), steps.join(" → "));
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Documents\n");
    let _ = writeln!(
        s,
        "| document | status | date | outlet | sentences | claims | propositions | notes |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
    for d in &out.documents {
        let mut notes = d.input.reason.clone().unwrap_or_default();
        if !d.input.warnings.is_empty() {
            if !notes.is_empty() {
                notes.push_str("; ");
            }
            notes.push_str(&d.input.warnings.join("; "));
        }
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            md_escape(&d.input.id),
            d.input.status,
            d.date.as_deref().unwrap_or("—"),
            md_escape(d.outlet.as_deref().unwrap_or("—")),
            d.sentences,
            d.claims,
            d.propositions,
            md_escape(&notes)
        );
    }
    for e in &out.input_errors {
        let _ = writeln!(s, "\nInput error: {e}");
    }
    s
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

/// The claim graph in Graphviz DOT.
pub fn graph_dot(g: &ClaimGraph) -> String {
    let mut s = String::from(
        "digraph gainsay {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n",
    );
    for n in g.graph.node_indices() {
        let (label, shape) = node_label(g, &g.graph[n]);
        let _ = writeln!(
            s,
            "  n{} [label=\"{}\", shape={}];",
            n.index(),
            dot_escape(&label),
            shape
        );
    }
    for e in g.graph.edge_indices() {
        let Some((a, b)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let (label, style) = match &g.graph[e] {
            Edge::Stance { stance, .. } => (format!("{stance:?}").to_lowercase(), "solid"),
            Edge::About => ("about".into(), "dashed"),
            Edge::Agent => ("agent".into(), "dotted"),
            Edge::Concerns => ("place".into(), "dashed"),
            Edge::Contains => ("".into(), "dotted"),
        };
        let _ = writeln!(
            s,
            "  n{} -> n{} [label=\"{}\", style={}];",
            a.index(),
            b.index(),
            label,
            style
        );
    }
    s.push_str("}\n");
    s
}

fn node_label(g: &ClaimGraph, n: &Node) -> (String, &'static str) {
    match n {
        Node::Document { id } => (format!("doc: {id}"), "note"),
        Node::Party { name } => (name.clone(), "box"),
        Node::Event { id } => (
            format!(
                "E{id}: {}",
                crate::check::describe_event(&g.events[*id].desc, &g.frame_text)
            ),
            "ellipse",
        ),
        Node::Place { name } => (format!("place: {name}"), "house"),
        Node::Proposition { doc, prop } => {
            let x = &g.docs[*doc];
            let p = &x.propositions[*prop];
            let text = &x.doc.text[p.bytes.clone()];
            let short: String = text.chars().take(60).collect();
            (format!("{}: {}", p.kind.type_name(), short), "plaintext")
        }
    }
}

/// The claim graph as JSON: nodes and edges with our own schema.
pub fn graph_json(g: &ClaimGraph) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = g
        .graph
        .node_indices()
        .map(|n| {
            let (label, _) = node_label(g, &g.graph[n]);
            let mut v = serde_json::to_value(&g.graph[n]).unwrap_or(serde_json::Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("index".into(), n.index().into());
                o.insert("label".into(), label.into());
            }
            v
        })
        .collect();
    let edges: Vec<serde_json::Value> = g
        .graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = g.graph.edge_endpoints(e)?;
            let mut v = serde_json::to_value(&g.graph[e]).ok()?;
            if let Some(o) = v.as_object_mut() {
                o.insert("from".into(), a.index().into());
                o.insert("to".into(), b.index().into());
            }
            Some(v)
        })
        .collect();
    serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "nodes": nodes,
        "edges": edges,
    })
}

/// A Markdown section heading with its one-line introduction.
fn section(s: &mut String, title: &str, intro: &str) {
    let _ = writeln!(s, "## {title}\n\n{intro}\n");
}

/// "1 event", "2 events", "3 parties".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{n} {stem}ies")
    } else {
        format!("{n} {noun}s")
    }
}

/// The columns of `check --format csv`, one row per finding.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "rule",
    "type",
    "severity",
    "subject",
    "match_certainty",
    "matched_on",
    "side_a",
    "parties_a",
    "claims_a",
    "evidence_a",
    "side_b",
    "parties_b",
    "claims_b",
    "evidence_b",
    "other_sides",
    "explanation",
];

/// `check --format csv`: one flat row per finding, for spreadsheets. A finding with more than
/// two sides (competing attributions) lists the rest in `other_sides`.
pub fn check_csv(out: &CheckOut) -> String {
    let mut s = crate::csv::line(CSV_COLUMNS);
    for f in &out.findings {
        s += &crate::csv::line(&RowFinding::of(f).row());
    }
    s
}

/// What a CSV row reads of a finding: taken from the check's output, or read back from its
/// JSON (the Python package's `findings_table`), so that both give the same rows.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct RowFinding {
    id: String,
    rule: String,
    #[serde(rename = "type")]
    ty: crate::check::FindingType,
    severity: crate::check::Severity,
    subject: String,
    #[serde(default)]
    event: Option<RowEvent>,
    sides: Vec<RowSide>,
    explanation: String,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct RowEvent {
    match_certainty: String,
    matched_on: Vec<String>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct RowSide {
    role: String,
    parties: Vec<String>,
    evidence: Vec<RowEvidence>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct RowEvidence {
    claim: String,
    sentence: crate::model::Span,
}

impl RowFinding {
    /// The row's part of a finding of the check's output.
    pub fn of(f: &FindingOut) -> Self {
        RowFinding {
            id: f.id.clone(),
            rule: f.rule.to_string(),
            ty: f.ty,
            severity: f.severity,
            subject: f.subject.clone(),
            event: f.event.as_ref().map(|e| RowEvent {
                match_certainty: e.match_certainty.to_string(),
                matched_on: e.matched_on.iter().map(|m| m.to_string()).collect(),
            }),
            sides: f
                .sides
                .iter()
                .map(|sd| RowSide {
                    role: sd.role.clone(),
                    parties: sd.parties.clone(),
                    evidence: sd
                        .evidence
                        .iter()
                        .map(|e| RowEvidence {
                            claim: e.claim.clone(),
                            sentence: e.sentence.clone(),
                        })
                        .collect(),
                })
                .collect(),
            explanation: f.explanation.clone(),
        }
    }

    /// The finding's row, one value per [`CSV_COLUMNS`] column.
    pub fn row(&self) -> Vec<String> {
        let f = self;
        let side = |i: usize| -> [String; 4] {
            match f.sides.get(i) {
                Some(sd) => [
                    sd.role.clone(),
                    sd.parties.join("; "),
                    sd.evidence
                        .iter()
                        .map(|e| e.claim.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    sd.evidence
                        .iter()
                        .map(|e| e.sentence.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                ],
                None => Default::default(),
            }
        };
        let others: Vec<String> = f
            .sides
            .iter()
            .skip(2)
            .map(|sd| format!("{}: {}", sd.role, sd.parties.join("; ")))
            .collect();
        let (certainty, matched) = match &f.event {
            Some(e) => (e.match_certainty.clone(), e.matched_on.join("; ")),
            None => (String::new(), String::new()),
        };
        let mut row = vec![
            f.id.clone(),
            f.rule.clone(),
            f.ty.title().to_string(),
            f.severity.id().to_string(),
            f.subject.clone(),
            certainty,
            matched,
        ];
        row.extend(side(0));
        row.extend(side(1));
        row.push(others.join(" || "));
        row.push(f.explanation.clone());
        row
    }
}

/// Builds the `compare` output: side A is documents `0..split` of the graph.
#[allow(clippy::too_many_arguments)]
pub fn compare_output(
    g: &ClaimGraph,
    cmp: &crate::compare::Comparison,
    findings: &[Finding],
    split: usize,
    inputs: (&str, &str),
    status_a: &[DocStatus],
    status_b: &[DocStatus],
) -> CompareOut {
    let maps: Vec<CharMap> = g.docs.iter().map(|x| CharMap::of(&x.doc)).collect();
    let all = check_output(g, findings, &[], &[], &[], &[]);
    let conflicts = cmp
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, &f)| FindingOut {
            id: format!("C{}", i + 1),
            ..all.findings[f].clone()
        })
        .collect();
    let event = |e: usize| {
        let count = |a: bool| {
            g.event_claims(e)
                .into_iter()
                .filter(|&c| (g.claims[c].doc < split) == a)
                .count()
        };
        CompareEventOut {
            id: e,
            description: crate::check::describe_event(&g.events[e].desc, &g.frame_text),
            match_certainty: g.events[e].match_certainty().id(),
            claims_a: count(true),
            claims_b: count(false),
        }
    };
    let docs = documents(g, &[status_a, status_b].concat());
    let (docs_a, docs_b): (Vec<DocOut>, Vec<DocOut>) = {
        let n = status_a.len();
        let mut a = docs;
        let b = a.split_off(n.min(a.len()));
        (a, b)
    };
    let side = |input: &str, documents, events: &[usize], claims: &[usize]| CompareSideOut {
        input: input.to_string(),
        documents,
        events_only_here: events.iter().map(|&e| event(e)).collect(),
        claims_only_here: claims.iter().map(|&c| evidence(g, &maps, c)).collect(),
    };
    CompareOut {
        schema_version: SCHEMA_VERSION,
        tool: format!("gainsay {}", env!("CARGO_PKG_VERSION")),
        a: side(inputs.0, docs_a, &cmp.only_a_events, &cmp.only_a_claims),
        b: side(inputs.1, docs_b, &cmp.only_b_events, &cmp.only_b_claims),
        shared_events: cmp.shared_events.iter().map(|&e| event(e)).collect(),
        conflicts,
    }
}

/// `compare` as Markdown.
pub fn compare_markdown(out: &CompareOut) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let read = |side: &CompareSideOut| {
        side.documents
            .iter()
            .filter(|d| d.input.status == "processed")
            .count()
    };
    let mut s = format!(
        "# gainsay comparison\n\nA: `{}` ({} read) · B: `{}` ({} read) · {} · **{}**\n\n",
        out.a.input,
        plural(read(&out.a), "document"),
        out.b.input,
        plural(read(&out.b), "document"),
        plural(out.shared_events.len(), "shared event"),
        plural(out.conflicts.len(), "conflict"),
    );
    s += "## Shared events\n\n";
    if out.shared_events.is_empty() {
        s += "None: the two sides report no event in common.\n\n";
    } else {
        s += "| event | match | claims in A | claims in B |\n|---|---|---|---|\n";
        for e in &out.shared_events {
            let _ = writeln!(
                s,
                "| E{} {} | {} | {} | {} |",
                e.id,
                cell(&e.description),
                e.match_certainty,
                e.claims_a,
                e.claims_b
            );
        }
        s += "\n";
    }
    s += "## Conflicts between A and B\n\n";
    if out.conflicts.is_empty() {
        s += "None.\n\n";
    }
    for f in &out.conflicts {
        let _ = writeln!(
            s,
            "- **{}** `{}` ({}): {}",
            f.id,
            f.rule,
            f.severity.id(),
            f.explanation
        );
    }
    if !out.conflicts.is_empty() {
        s += "\n";
    }
    for (name, side) in [("A", &out.a), ("B", &out.b)] {
        let _ = writeln!(s, "## Only in {name} (`{}`)\n", side.input);
        if read(side) == 0 {
            s += "No document could be read on this side (see the errors above).\n\n";
            continue;
        }
        if side.events_only_here.is_empty() && side.claims_only_here.is_empty() {
            s += "Nothing: every event and claim here is also on the other side.\n\n";
            continue;
        }
        for e in &side.events_only_here {
            let _ = writeln!(s, "- event E{} {}", e.id, e.description);
        }
        for c in &side.claims_only_here {
            let _ = writeln!(
                s,
                "- `{}` {} ({}): “{}”",
                c.claim,
                c.party,
                stance_word(c.stance),
                cell(&c.proposition.text)
            );
        }
        s += "\n";
    }
    s
}

fn stance_word(s: crate::graph::Stance) -> &'static str {
    match s {
        crate::graph::Stance::Assert => "asserts",
        crate::graph::Stance::Deny => "denies",
        crate::graph::Stance::Accuse => "accuses",
    }
}
