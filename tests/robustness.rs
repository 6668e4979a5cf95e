//! No input makes gainsay panic, and spans always index the text correctly: property tests,
//! pathological inputs, and the crashes the fuzz targets found (tests/fuzz-regressions/), replayed.

mod common;

use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::lexicon::Lexicon;
use gainsay::model::{Document, span_errors};
use proptest::prelude::*;

/// The whole pipeline on one text (header included): every span in the claims and in the check
/// report lies inside the text, on character boundaries, and its text is the slice.
fn check_spans(text: &str) {
    let lx = Lexicon::builtin();
    let mut doc = Document::new("p", text);
    gainsay::ingest::parse_header(&mut doc);
    let x = gainsay::extract::extract(doc, &lx);
    for a in &x.attributions {
        for r in [Some(&a.cue), Some(&a.content), a.source.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let claims = serde_json::to_value(gainsay::report::schema::claims(&x)).unwrap();
    let errors = span_errors(text, &claims);
    assert!(errors.is_empty(), "{errors:?}");
    // the learned layer's readings index the text too
    let learned = gainsay::extract::ExtractOptions {
        learned: true,
        ..Default::default()
    };
    let xl = gainsay::extract::extract_with(x.doc.clone(), &lx, &learned);
    let claims = serde_json::to_value(gainsay::report::schema::claims(&xl)).unwrap();
    let errors = span_errors(text, &claims);
    assert!(errors.is_empty(), "{errors:?}");
    // the check report as `check` makes it: from documents whose tokens are gone
    let mut compacted = x.clone();
    compacted.compact(true);
    let g = ClaimGraph::build_with(vec![compacted], &lx, GraphOptions { own_voice: true });
    let findings = gainsay::check::check(&g, &lx, &Default::default());
    let out = gainsay::report::check_output(&g, &findings, &[], &[], &[], &[]);
    let errors = span_errors(text, &serde_json::to_value(&out).unwrap());
    assert!(errors.is_empty(), "{errors:?}");
    let _ = gainsay::report::graph_json(&g);
    // the audit keeps the tokens (wire copy reads them)
    let g = ClaimGraph::build_with(vec![x], &lx, GraphOptions { own_voice: true });
    let _ = gainsay::audit::audit(&g);
}

/// Bytes read as a file of each kind, then every document through the pipeline.
fn check_bytes(bytes: &[u8]) {
    for name in ["in.txt", "in.jsonl"] {
        let ing = gainsay::ingest::load_bytes(name, bytes);
        assert_eq!(
            ing.status
                .iter()
                .filter(|s| s.status == "processed")
                .count(),
            ing.docs.len()
        );
        assert!(
            ing.status
                .iter()
                .all(|s| s.status == "processed" || s.reason.is_some())
        );
        for d in &ing.docs {
            check_spans(&d.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_spans(&text);
    }

    #[test]
    fn arbitrary_bytes_are_read_or_skipped_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_bytes(&bytes);
    }

    #[test]
    fn news_like_text_never_panics(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "The army", "said", "“", "”", "\"", ",", ".", " ", "\n\n", "he", "denied", "according to",
                "at least", "25", "killed", "U.S.", "Mr.", "rebels", "seized", "Handarat", "on Monday", "—",
                "which was deemed by", "as", "adding that", "’s", "(", ")", "told", "Reuters", "it", "—but",
            ]),
            0..60,
        )
    ) {
        let text = parts.join(" ");
        check_spans(&text);
    }
}

#[test]
fn pathological_inputs() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "\"\"\"\"",
        "said said said said",
        "According to",
        "according to ,",
        "—",
        ". . . . .",
        "U.S.",
        "---\n---\n",
        "He said: “",
        "“Q,” said",
        "which was deemed by",
        "X denied",
        "At least at least at least 5 5 5 killed killed",
        "999999999999999999999999 people were killed",
        "1.5 million million million killed",
        // a dateline dash closing the document (found by a review's fuzzing)
        "AND SAID -",
        "TRUMP AND BIDEN AND SAID —",
        "he said, “",
        "since July",
        "between 20 and",
        "20-",
    ] {
        check_spans(text);
    }
    // a long line without punctuation
    check_spans(&"word ".repeat(20_000));
    // deeply mismatched quotes across paragraphs
    check_spans(&"“open and said\n\n".repeat(200));
}

/// Every crash the fuzz targets found, replayed through the same checks (file names are
/// libFuzzer's; the folder names the target).
#[test]
fn fuzz_regressions_stay_fixed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for target in ["ingest", "segment", "extract"] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for f in dir.flatten() {
            let bytes = std::fs::read(f.path()).unwrap();
            check_bytes(&bytes);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                check_spans(text);
            }
            n += 1;
        }
    }
    assert!(n > 0, "no regression inputs found under {}", root.display());
}

#[test]
fn html_tag_cut_inside_a_character_does_not_panic() {
    // the first fuzz crash, in short: a `<` whose 2000-byte window ends inside a character
    let text = format!("<p {}", "\u{ec}".repeat(1500));
    check_bytes(text.as_bytes());
}
