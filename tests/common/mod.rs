//! Shared helpers for the integration tests.
#![allow(dead_code)]

use gainsay::check::{CheckOptions, Finding, FindingType, check};
use gainsay::extract::{Extraction, extract};
use gainsay::graph::ClaimGraph;
use gainsay::ingest::parse_header;
use gainsay::lexicon::Lexicon;
use gainsay::model::Document;

/// A document from text that may start with a `---` header.
pub fn doc(id: &str, text: &str) -> Document {
    let mut d = Document::new(id, text);
    let w = parse_header(&mut d);
    assert!(w.is_empty(), "header warnings: {w:?}");
    d
}

pub fn extract_one(text: &str) -> Extraction {
    let lx = Lexicon::builtin();
    extract(doc("t", text), &lx)
}

/// Runs the whole pipeline over (id, text) documents.
pub fn run(docs: &[(&str, &str)]) -> (ClaimGraph, Vec<Finding>) {
    run_with(docs, gainsay::graph::GraphOptions::default())
}

/// [`run`] with graph options (`own_voice`).
pub fn run_with(
    docs: &[(&str, &str)],
    opts: gainsay::graph::GraphOptions,
) -> (ClaimGraph, Vec<Finding>) {
    let lx = Lexicon::builtin();
    let xs = docs
        .iter()
        .map(|(id, t)| extract(doc(id, t), &lx))
        .collect();
    let g = ClaimGraph::build_with(xs, &lx, opts);
    let f = check(&g, &lx, &CheckOptions::default());
    (g, f)
}

pub fn of_type(f: &[Finding], ty: FindingType) -> Vec<&Finding> {
    f.iter().filter(|x| x.ty == ty).collect()
}

pub fn repo() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared development data, when present.
pub fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = repo().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// Runs the built `gainsay` in the repository with `args` and returns its standard output;
/// fails the test with its arguments and stderr when it does not succeed.
pub fn cli_ok<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().into()).collect();
    let out = assert_cmd::Command::cargo_bin("gainsay")
        .unwrap()
        .args(&args)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "gainsay {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// [`cli_ok`] for a command that writes JSON: its parsed standard output.
pub fn cli_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&cli_ok(args)).unwrap()
}

/// The parties of side `side` of a finding in `check --format json`.
pub fn side_parties(f: &serde_json::Value, side: usize) -> Vec<String> {
    f["sides"][side]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}
