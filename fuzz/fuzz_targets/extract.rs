//! Any text through extraction, the claim output, the graph, the checker and the audit: no
//! panic, and every span in the output lies inside the document, on character boundaries, with
//! its text equal to the slice.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use gainsay::lexicon::Lexicon;
use gainsay::model::{Document, span_errors};

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| Lexicon::load(None).expect("built-in resources load"))
}

fuzz_target!(|text: &str| {
    let lx = lexicon();
    let mut doc = Document::new("fuzz", text.to_string());
    gainsay::ingest::parse_header(&mut doc);
    let learned = gainsay::extract::ExtractOptions {
        learned: true,
        ..Default::default()
    };
    let xl = gainsay::extract::extract_with(doc.clone(), lx, &learned);
    let claims = serde_json::to_value(gainsay::report::schema::claims(&xl)).unwrap();
    let errors = span_errors(text, &claims);
    assert!(errors.is_empty(), "{errors:?}");
    let x = gainsay::extract::extract(doc, lx);
    let claims = serde_json::to_value(gainsay::report::schema::claims(&x)).unwrap();
    let errors = span_errors(text, &claims);
    assert!(errors.is_empty(), "{errors:?}");
    let opts = gainsay::graph::GraphOptions { own_voice: true };
    // the check report as `check` makes it: from documents whose tokens are gone
    let mut compacted = x.clone();
    compacted.compact(true);
    let g = gainsay::graph::ClaimGraph::build_with(vec![compacted], lx, opts);
    let findings = gainsay::check::check(&g, lx, &Default::default());
    let co = gainsay::report::check_output(&g, &findings, &[], &[], &[], &[]);
    let out = serde_json::to_value(&co).unwrap();
    let errors = span_errors(text, &out);
    assert!(errors.is_empty(), "{errors:?}");
    let _ = gainsay::report::graph_json(&g);
    // the audit keeps the tokens (wire copy reads them)
    let g = gainsay::graph::ClaimGraph::build_with(vec![x], lx, opts);
    let _ = gainsay::audit::audit(&g);
});
