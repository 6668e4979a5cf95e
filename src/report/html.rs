//! `check --format html`: one self-contained page (inline CSS and SVG, no script, no network)
//! with the summary, the findings grouped by type — each side's evidence sentence shown with its
//! cue and claimed content highlighted — a drawing of who says what about which event, and the
//! documents table. It prints cleanly (no fixed heights, page breaks between findings avoided).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::schema::{CheckOut, EvidenceOut, FindingOut};
use crate::model::Span;

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}\
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}\
.summary{color:#444}.finding{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;break-inside:avoid}\
.sev{font-size:.8rem;padding:.1rem .4rem;border-radius:4px;color:#fff}.high{background:#b42318}.medium{background:#b54708}.low{background:#667085}\
.side{margin:.4rem 0 .4rem 1rem}.role{font-weight:600}.ev{margin:.2rem 0 .2rem 1rem;color:#333}\
mark.cue{background:#fde68a}mark.content{background:#dbeafe}.id{font-family:monospace;font-size:.8rem;color:#666}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;font-size:.9rem}\
svg{max-width:100%;height:auto}@media print{body{margin:0}.finding{border-color:#999}}";

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sentence of one piece of evidence with its cue and content marked.
fn sentence_html(e: &EvidenceOut) -> String {
    let s = &e.sentence;
    let chars: Vec<char> = s.text.chars().collect();
    // (start, end, class) relative to the sentence, clipped to it
    let rel = |sp: &Span| {
        let a = sp.start.saturating_sub(s.start).min(chars.len());
        let b = sp.end.saturating_sub(s.start).min(chars.len());
        (a, b.max(a))
    };
    let mut marks: Vec<(usize, usize, &str)> = Vec::new();
    if let Some(c) = &e.cue {
        let (a, b) = rel(c);
        marks.push((a, b, "cue"));
    }
    let (a, b) = rel(&e.proposition);
    marks.push((a, b, "content"));
    marks.sort();
    let mut out = String::new();
    let mut at = 0;
    for (a, b, class) in marks {
        if a < at || a == b {
            continue;
        }
        out += &esc(&chars[at..a].iter().collect::<String>());
        let _ = write!(
            out,
            "<mark class=\"{class}\">{}</mark>",
            esc(&chars[a..b].iter().collect::<String>())
        );
        at = b;
    }
    out += &esc(&chars[at..].iter().collect::<String>());
    out
}

fn finding_html(f: &FindingOut) -> String {
    let mut s = format!(
        "<div class=\"finding\" id=\"{id}\"><div><span class=\"sev {sev}\">{sev}</span> <b>{id} · {subject}</b> <span class=\"id\">{rule}</span></div><p>{expl}</p>",
        id = esc(&f.id),
        sev = f.severity.id(),
        subject = esc(&f.subject),
        rule = esc(f.rule),
        expl = esc(&f.explanation),
    );
    if let Some(e) = &f.event {
        let _ = write!(
            s,
            "<p class=\"id\">Matched as one event ({}): {}</p>",
            esc(e.match_certainty),
            esc(&e.matched_on.join(", "))
        );
    }
    for side in &f.sides {
        let _ = write!(
            s,
            "<div class=\"side\"><span class=\"role\">{}</span> — {}",
            esc(&side.role),
            esc(&side.parties.join(", "))
        );
        for e in &side.evidence {
            let _ = write!(
                s,
                "<div class=\"ev\"><span class=\"id\">{}</span> {}</div>",
                esc(&e.claim),
                sentence_html(e)
            );
        }
        s += "</div>";
    }
    s += "</div>\n";
    s
}

/// Who takes which side on which finding's subject: parties on the left, findings on the right,
/// one line per side (laid out here, no script).
fn graph_svg(out: &CheckOut) -> String {
    let mut parties: Vec<&str> = Vec::new();
    for f in &out.findings {
        for sd in &f.sides {
            for p in &sd.parties {
                if !parties.contains(&p.as_str()) {
                    parties.push(p);
                }
            }
        }
    }
    parties.sort_unstable();
    let row = 34;
    let height = (parties.len().max(out.findings.len()) * row + 20) as i64;
    let (lx, rx, width) = (10, 520, 900);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"parties and findings\">"
    );
    let py = |i: usize| (i * row + 24) as i64;
    for (fi, f) in out.findings.iter().enumerate() {
        for (si, sd) in f.sides.iter().enumerate() {
            let colour = if si == 0 { "#b42318" } else { "#1d4ed8" };
            for p in &sd.parties {
                if let Some(pi) = parties.iter().position(|x| x == p) {
                    let _ = write!(
                        s,
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{rx}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>{}</title></line>",
                        lx + 250,
                        py(pi) - 5,
                        py(fi) - 5,
                        esc(&sd.role)
                    );
                }
            }
        }
    }
    for (i, p) in parties.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{lx}\" y=\"{}\" font-size=\"13\">{}</text>",
            py(i),
            esc(p)
        );
    }
    for (i, f) in out.findings.iter().enumerate() {
        let label: String = f.subject.chars().take(48).collect();
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} · {}</text>",
            rx + 8,
            py(i),
            esc(&f.id),
            esc(&label)
        );
    }
    s += "</svg>";
    s
}

/// Most wire-copy pairs listed in the page.
const MAX_LISTED: usize = 100;

/// A claim-count matrix as an HTML table (empty cells for zero).
fn matrix_html(m: &crate::audit::Matrix, corner: &str) -> String {
    if !m.drawable() {
        return format!(
            "<p>{} × {} cells: too large to draw here; `gainsay audit --format json` has them.</p>\n",
            m.rows.len(),
            m.columns.len()
        );
    }
    let mut s = format!("<table><tr><th>{}</th>", esc(corner));
    for c in &m.columns {
        let _ = write!(s, "<th>{}</th>", esc(c));
    }
    s += "</tr>\n";
    for (r, row) in m.rows.iter().zip(&m.cells) {
        let _ = write!(s, "<tr><td>{}</td>", esc(r));
        for n in row {
            if *n == 0 {
                s += "<td></td>";
            } else {
                let _ = write!(s, "<td>{n}</td>");
            }
        }
        s += "</tr>\n";
    }
    s += "</table>\n";
    s
}

/// The party–event graph: parties on the left, events on the right, a line for each pair with
/// claims, as thick as their number (laid out here, no script).
fn party_event_svg(a: &crate::audit::AuditOut) -> String {
    let m = &a.parties_by_events;
    let most = crate::audit::MAX_DRAWN_COLUMNS * 2;
    if m.columns.len() > most || m.rows.len() > most {
        return format!(
            "<p>{} parties and {} events: too many to draw here.</p>\n",
            m.rows.len(),
            m.columns.len()
        );
    }
    let row = 30;
    let height = (m.rows.len().max(m.columns.len()) * row + 20) as i64;
    let (lx, rx, width) = (10, 420, 900);
    let y = |i: usize| (i * row + 22) as i64;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"parties and events\">"
    );
    for &[pi, ei, n] in &m.nonzero {
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{rx}\" y2=\"{}\" stroke=\"#475467\" stroke-opacity=\".6\" stroke-width=\"{}\"><title>{} claim{}</title></line>",
            lx + 240,
            y(pi) - 5,
            y(ei) - 5,
            n.min(8),
            n,
            if n == 1 { "" } else { "s" }
        );
    }
    for (i, p) in m.rows.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{lx}\" y=\"{}\" font-size=\"13\">{}</text>",
            y(i),
            esc(p)
        );
    }
    for (i, id) in m.columns.iter().enumerate() {
        let description = a
            .events
            .iter()
            .find(|e| format!("E{}", e.event) == *id)
            .map_or("", |e| e.description.as_str());
        let label: String = description.chars().take(56).collect();
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\">{} · {}</text>",
            rx + 8,
            y(i),
            esc(id),
            esc(&label)
        );
    }
    s += "</svg>\n";
    s
}

/// The coverage part of the page: events, the two matrices and the one-sided disputes.
fn coverage_html(a: &crate::audit::AuditOut) -> String {
    let mut s = String::from("<h2>Coverage</h2>\n<h3>Events</h3>\n<ul>\n");
    for e in &a.events {
        let _ = writeln!(
            s,
            "<li>E{} {} — reports: {}</li>",
            e.event,
            esc(&e.description),
            esc(&e.documents.join(", "))
        );
    }
    s += "</ul>\n";
    if !a.events.is_empty() {
        s += "<h3>Who speaks about which event</h3>\n";
        s += &party_event_svg(a);
        s += "<h3>Claims per event and report</h3>\n";
        s += &matrix_html(&a.events_by_reports, "event");
        s += "<h3>Claims per party and event</h3>\n";
        s += &matrix_html(&a.parties_by_events, "party");
    }
    if !a.wire_copies.is_empty() {
        s += "<h3>Wire copy</h3>\n<ul>\n";
        for w in a.wire_copies.iter().take(MAX_LISTED) {
            let _ = writeln!(
                s,
                "<li>{} ≈ {} ({:.0}% of word runs shared): {}</li>",
                esc(&w.doc_a),
                esc(&w.doc_b),
                w.similarity * 100.0,
                esc(&w.sentence_a.text)
            );
        }
        s += "</ul>\n";
        if a.wire_copies.len() > MAX_LISTED {
            let _ = writeln!(
                s,
                "<p>… and {} more pairs (`gainsay audit --format json` lists them all).</p>",
                a.wire_copies.len() - MAX_LISTED
            );
        }
    }
    s += "<h3>One-sided disputes</h3>\n";
    if a.one_sided.is_empty() {
        s += "<p>None: every accusation is answered and every denial answers one.</p>\n";
    } else {
        s += "<ul>\n";
        for o in &a.one_sided {
            let _ = writeln!(
                s,
                "<li>E{} {}: {} ({} about {})</li>",
                o.event,
                esc(&o.description),
                esc(o.kind),
                esc(&o.parties.join(", ")),
                esc(&o.agent)
            );
        }
        s += "</ul>\n";
    }
    s
}

/// The whole page; with the coverage audit when given.
pub fn check_html(out: &CheckOut, coverage: Option<&crate::audit::AuditOut>) -> String {
    let sm = &out.summary;
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>gainsay contradiction report</title><style>{STYLE}</style></head><body>\n<h1>gainsay contradiction report</h1>\n<p class=\"summary\">{} documents processed, {} skipped · {} attributed claims · {} parties · {} events · <b>{} findings</b></p>\n",
        sm.documents_processed, sm.documents_skipped, sm.claims, sm.parties, sm.events, sm.findings
    );
    let pc = &sm.party_coverage;
    if let Some(w) = &pc.warning {
        s += &format!("<p class=\"warning\"><b>Warning:</b> {}</p>\n", esc(w));
    }
    s += &format!(
        "<p class=\"summary\">Party coverage: {} of {} speakers linked to a party; {} of {} sourced claims reach one; {} more are civilians' or witnesses', who take no side.</p>\n",
        pc.linked, pc.speakers, pc.claims_linked, pc.claims, pc.claims_civilian
    );
    if out.findings.is_empty() {
        s += "<p>No conflicts found between attributed claims.</p>\n";
    } else {
        s += "<h2>Who says what</h2>\n";
        s += &graph_svg(out);
        s += "\n";
        let mut by_type: BTreeMap<&str, Vec<&FindingOut>> = BTreeMap::new();
        for f in &out.findings {
            by_type.entry(f.ty.title()).or_default().push(f);
        }
        for (title, fs) in by_type {
            let _ = writeln!(s, "<h2>{} ({})</h2>", esc(title), fs.len());
            for f in fs {
                s += &finding_html(f);
            }
        }
    }
    if let Some(a) = coverage {
        s += &coverage_html(a);
    }
    s += "<h2>Documents</h2>\n<table><tr><th>document</th><th>status</th><th>date</th><th>outlet</th><th>sentences</th><th>claims</th><th>notes</th></tr>\n";
    for d in &out.documents {
        let notes = d
            .input
            .reason
            .iter()
            .chain(d.input.warnings.iter())
            .map(|n| esc(n))
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.input.id),
            esc(d.input.status),
            esc(d.date.as_deref().unwrap_or("—")),
            esc(d.outlet.as_deref().unwrap_or("—")),
            d.sentences,
            d.claims,
            notes
        );
    }
    s += "</table>\n</body></html>\n";
    s
}
