//! The stages one at a time, on the texts in the repository (the sample report and the
//! synthetic test cases): `cargo bench --bench stages`.
//!
//! Whole runs, and the comparison with the Python peer, are timed by `scripts/bench.sh` and
//! `scripts/bench-vs-textacy`.

use std::sync::OnceLock;

use gainsay::extract::Extraction;
use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::lexicon::Lexicon;
use gainsay::model::Document;

fn main() {
    divan::main();
}

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::builtin)
}

/// The repository's own texts: the sample reports and every test case.
fn docs() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let ing = gainsay::ingest::load(&[root.join("samples"), root.join("tests/cases")]);
        ing.docs
    })
}

fn extracted() -> Vec<Extraction> {
    docs()
        .iter()
        .map(|d| gainsay::extract::extract(d.clone(), lexicon()))
        .collect()
}

fn chars() -> u64 {
    docs().iter().map(|d| d.text.chars().count() as u64).sum()
}

#[divan::bench]
fn ingest_decode(bencher: divan::Bencher) {
    let bytes: Vec<Vec<u8>> = docs().iter().map(|d| d.text.clone().into_bytes()).collect();
    bencher
        .counter(divan::counter::BytesCount::new(
            bytes.iter().map(Vec::len).sum::<usize>(),
        ))
        .bench(|| {
            for b in &bytes {
                divan::black_box(gainsay::ingest::load_bytes("doc.txt", b));
            }
        });
}

#[divan::bench]
fn segment(bencher: divan::Bencher) {
    let lx = lexicon();
    bencher
        .counter(divan::counter::CharsCount::new(chars()))
        .bench(|| {
            for d in docs() {
                divan::black_box(gainsay::segment::segment(&d.text, d.body_start, lx));
            }
        });
}

#[divan::bench]
fn extract(bencher: divan::Bencher) {
    let lx = lexicon();
    bencher
        .counter(divan::counter::CharsCount::new(chars()))
        .bench(|| {
            for d in docs() {
                divan::black_box(gainsay::extract::extract(d.clone(), lx));
            }
        });
}

#[divan::bench]
fn extract_learned(bencher: divan::Bencher) {
    let lx = lexicon();
    let opts = gainsay::extract::ExtractOptions {
        learned: true,
        ..Default::default()
    };
    bencher
        .counter(divan::counter::CharsCount::new(chars()))
        .bench(|| {
            for d in docs() {
                divan::black_box(gainsay::extract::extract_with(d.clone(), lx, &opts));
            }
        });
}

#[divan::bench]
fn graph(bencher: divan::Bencher) {
    let lx = lexicon();
    bencher
        .with_inputs(extracted)
        .bench_values(|xs| ClaimGraph::build_with(xs, lx, GraphOptions { own_voice: true }));
}

#[divan::bench]
fn check(bencher: divan::Bencher) {
    let lx = lexicon();
    let g = ClaimGraph::build_with(extracted(), lx, GraphOptions { own_voice: true });
    bencher.bench(|| gainsay::check::check(&g, lx, &Default::default()));
}

#[divan::bench]
fn audit(bencher: divan::Bencher) {
    let g = ClaimGraph::build_with(extracted(), lexicon(), GraphOptions::default());
    bencher.bench(|| gainsay::audit::audit(&g));
}
