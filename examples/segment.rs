//! Shows how gainsay segments a text: one line per sentence, then its tokens with their kind
//! (and `q` for tokens inside a quotation). Useful when writing resources or debugging a layout.
//!
//! ```sh
//! cargo run --example segment -- samples/aleppo-2016-09/report-a.txt
//! ```

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: segment FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let lx = gainsay::lexicon::Lexicon::builtin();
    let seg = gainsay::segment::segment(&text, 0, &lx);
    for s in &seg.sentences {
        let kind = if s.headline { "headline" } else { "sentence" };
        println!(
            "{kind} (paragraph {}): {:?}",
            s.paragraph,
            &text[s.range.clone()]
        );
        let toks: Vec<String> = seg.tokens[s.tokens.clone()]
            .iter()
            .map(|t| {
                format!(
                    "{}:{:?}{}",
                    t.lower,
                    t.kind,
                    if t.in_quote { "q" } else { "" }
                )
            })
            .collect();
        println!("  {}", toks.join(" "));
    }
    std::process::ExitCode::SUCCESS
}
