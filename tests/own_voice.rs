//! `check --own-voice` on short synthetic reports (`tests/cases/own-voice/`): the kinds of wrong
//! findings met on real reports must not fire, and the right ones must.

mod common;

use gainsay::check::{CheckOptions, check};
use gainsay::extract::{ExtractOptions, extract_with};
use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::lexicon::Lexicon;

struct Case {
    name: String,
    rule: Option<String>,
    parties: Vec<Vec<String>>,
    /// Read with `--text-dates`.
    text_dates: bool,
}

fn cases() -> Vec<Case> {
    let dir = common::repo().join("tests/cases/own-voice");
    let table = std::fs::read_to_string(dir.join("expect.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() == 3 || f.len() == 4, "bad expect.tsv line: {l}");
            Case {
                name: f[0].to_string(),
                rule: (f[1] != "none").then(|| f[1].to_string()),
                parties: if f[2] == "-" {
                    Vec::new()
                } else {
                    f[2].split(';').map(|s| vec![s.to_string()]).collect()
                },
                text_dates: f.get(3) == Some(&"text-dates"),
            }
        })
        .collect()
}

/// The findings of `check --own-voice` on one case file, as (rule, parties of each side).
fn findings(name: &str, text_dates: bool) -> Vec<(String, Vec<Vec<String>>)> {
    let lx = Lexicon::builtin();
    let path = common::repo()
        .join("tests/cases/own-voice")
        .join(format!("{name}.jsonl"));
    let ing = gainsay::ingest::load(&[path]);
    assert!(ing.errors.is_empty(), "{:?}", ing.errors);
    assert!(!ing.docs.is_empty(), "{name}: no document");
    let opts = ExtractOptions {
        text_dates,
        ..Default::default()
    };
    let xs = ing
        .docs
        .into_iter()
        .map(|d| extract_with(d, &lx, &opts))
        .collect();
    let g = ClaimGraph::build_with(xs, &lx, GraphOptions { own_voice: true });
    check(&g, &lx, &CheckOptions::default())
        .into_iter()
        .map(|f| {
            let parties = f.sides.iter().map(|s| s.parties.clone()).collect();
            (f.rule.to_string(), parties)
        })
        .collect()
}

#[test]
fn own_voice_cases() {
    let mut failures = Vec::new();
    for case in cases() {
        let got = findings(&case.name, case.text_dates);
        let ok = match &case.rule {
            None => got.is_empty(),
            Some(rule) => got.iter().any(|(r, parties)| {
                let mut parties = parties.clone();
                parties.sort();
                let mut want = case.parties.clone();
                want.sort();
                r == rule && (want.is_empty() || parties == want)
            }),
        };
        if !ok {
            failures.push(format!(
                "{}: expected {}, got {got:?}",
                case.name,
                case.rule.as_deref().unwrap_or("no finding")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
