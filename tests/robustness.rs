//! No input makes extraction panic, and spans always index the text correctly.

mod common;

use gainsay::extract::extract;
use gainsay::lexicon::Lexicon;
use gainsay::model::{CharMap, Document};
use proptest::prelude::*;

fn check_spans(text: &str) {
    let lx = Lexicon::builtin();
    let x = extract(Document::new("p", text), &lx);
    let cm = CharMap::new(text);
    let chars: Vec<char> = text.chars().collect();
    for a in &x.attributions {
        for r in [Some(&a.cue), Some(&a.content), a.source.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= text.len());
            let s = cm.span(r);
            let got: String = chars[s.start..s.end].iter().collect();
            assert_eq!(got, s.text);
        }
    }
    for p in &x.propositions {
        let _ = cm.span(&x.bytes(&p.tokens));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_spans(&text);
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
