//! The checker's findings do not depend on the order the documents come in: the graph merges
//! events in a canonical order (by document id), so any permutation of the same documents gives
//! byte-identical findings, events, updates and timelines.

mod common;

use gainsay::extract::{ExtractOptions, Extraction, extract_with};
use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::lexicon::Lexicon;

/// Every document of the samples and the test cases, extracted and compacted as `check` keeps
/// them, in the reader's order.
fn corpus(lx: &Lexicon) -> Vec<Extraction> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let ing = gainsay::ingest::load(&[root.join("samples"), root.join("tests/cases")]);
    assert!(ing.docs.len() > 20, "{} documents", ing.docs.len());
    ing.docs
        .into_iter()
        .map(|d| {
            let mut x = extract_with(d, lx, &ExtractOptions::default());
            x.compact(true);
            x
        })
        .collect()
}

/// The check report without the documents table (which lists the inputs in their order).
fn findings_json(xs: Vec<Extraction>, lx: &Lexicon) -> String {
    let g = ClaimGraph::build_with(xs, lx, GraphOptions { own_voice: true });
    let findings = gainsay::check::check(&g, lx, &Default::default());
    let out = gainsay::report::check_output(&g, &findings, &[], &[], &[], &[]);
    let mut v = serde_json::to_value(&out).unwrap();
    if let Some(o) = v.as_object_mut() {
        o.remove("documents");
    }
    serde_json::to_string(&v).unwrap()
}

#[test]
fn any_order_of_the_same_documents_gives_the_same_findings() {
    let lx = Lexicon::builtin();
    let xs = corpus(&lx);
    let base = findings_json(xs.clone(), &lx);
    assert!(
        base.contains("casualty-disjoint"),
        "the corpus has findings"
    );
    let mut reversed = xs.clone();
    reversed.reverse();
    assert_eq!(findings_json(reversed, &lx), base, "reversed");
    // a fixed pseudo-random permutation
    let mut shuffled = xs.clone();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for i in (1..shuffled.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        shuffled.swap(i, (state % (i as u64 + 1)) as usize);
    }
    assert_eq!(findings_json(shuffled, &lx), base, "shuffled");
}

#[test]
fn the_documents_table_pairs_each_input_with_its_own_counts() {
    let lx = Lexicon::builtin();
    let docs = vec![
        gainsay::model::Document::new(
            "zulu",
            "The army said it had taken the town. The rebels denied it.",
        ),
        gainsay::model::Document::new("alpha", "Fine."),
    ];
    let xs: Vec<Extraction> = docs
        .into_iter()
        .map(|d| extract_with(d, &lx, &ExtractOptions::default()))
        .collect();
    let status: Vec<gainsay::ingest::DocStatus> = xs
        .iter()
        .map(|x| gainsay::ingest::DocStatus {
            id: x.doc.id.clone(),
            origin: "-".into(),
            status: "processed",
            reason: None,
            warnings: Vec::new(),
        })
        .collect();
    let g = ClaimGraph::build_with(xs, &lx, GraphOptions::default());
    let rows = gainsay::report::documents(&g, &status);
    assert_eq!(rows[0].sentences, 2);
    assert_eq!(rows[1].sentences, 1);
}
