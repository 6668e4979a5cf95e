//! Shows every proposition gainsay reads from reports, attributed or in the reports' own voice:
//! one line per proposition with its sentence, speaker (or "own voice"), kind and event details.
//! Useful when tracing why two claims were not compared (different events, no event, another
//! party).
//!
//! ```sh
//! cargo run --release --example props -- reports.jsonl
//! ```

fn main() -> std::process::ExitCode {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        eprintln!("usage: props INPUT...");
        return std::process::ExitCode::from(2);
    }
    let lx = gainsay::lexicon::Lexicon::builtin();
    for loaded in gainsay::ingest::Reader::new(&paths) {
        let Some(doc) = loaded.doc else {
            eprintln!("skipped: {:?}", loaded.status);
            continue;
        };
        let x = gainsay::extract::extract(doc, &lx);
        println!("== {}", x.doc.id);
        for p in &x.propositions {
            let who = match p.attribution {
                Some(a) => x.attributions[a]
                    .speakers
                    .iter()
                    .map(|s| s.label().to_string())
                    .collect::<Vec<_>>()
                    .join(" + "),
                None => "own voice".to_string(),
            };
            if matches!(p.kind, gainsay::extract::PropKind::Generic { .. }) {
                continue;
            }
            let kind = serde_json::to_string(&p.kind).unwrap_or_default();
            let evidence = x.doc.text.get(p.bytes.clone()).unwrap_or("");
            println!(
                "s{} [{who}]{} {evidence:?}\n    {kind}",
                p.sentence,
                if p.negated { " (negated)" } else { "" }
            );
        }
    }
    std::process::ExitCode::SUCCESS
}
