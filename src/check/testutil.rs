//! The rule files' test helper: invented reports through extract → graph → check.

use super::{CheckOptions, Finding, check};
use crate::extract::extract;
use crate::graph::{ClaimGraph, GraphOptions};
use crate::ingest::parse_header;
use crate::lexicon::Lexicon;
use crate::model::Document;

/// An invented report: (outlet, publication date as YYYY-MM-DD or empty for none, body).
pub(super) type Report<'a> = (&'a str, &'a str, &'a str);

/// Runs the whole pipeline over the reports (ids `r1`, `r2`, … in order): the graph and every
/// finding.
pub(super) fn run(reports: &[Report], opts: GraphOptions) -> (ClaimGraph, Vec<Finding>) {
    let lx = Lexicon::builtin();
    let xs = reports
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, body))| {
            // (an empty date: an undated report)
            let text = if date.is_empty() {
                format!("---\noutlet: {outlet}\n---\n{body}\n")
            } else {
                format!("---\noutlet: {outlet}\ndate: {date}\n---\n{body}\n")
            };
            let mut d = Document::new(format!("r{}", i + 1), text);
            let w = parse_header(&mut d);
            assert!(w.is_empty(), "header warnings: {w:?}");
            extract(d, &lx)
        })
        .collect();
    let g = ClaimGraph::build_with(xs, &lx, opts);
    let f = check(&g, &lx, &CheckOptions::default());
    (g, f)
}

/// The findings of rule `id` over the reports (attributed claims only, as `check` runs by
/// default).
pub(super) fn fired(id: &str, reports: &[Report]) -> Vec<Finding> {
    let (_, f) = run(reports, GraphOptions::default());
    f.into_iter().filter(|x| x.rule == id).collect()
}
