//! Party coverage on invented reports of wars other than Syria (`tests/cases/coverage/`): the
//! party each speaker reaches with no list naming it, the speakers that must stay without one,
//! and the share of sourced claims that reach a party. The expectations are in `expect.tsv`.

mod common;

use gainsay::extract::{Extraction, extract};
use gainsay::lexicon::Lexicon;

struct Row {
    file: String,
    ok: bool,
    source: String,
    expected: String,
    line: usize,
}

fn rows() -> Vec<Row> {
    let dir = common::repo().join("tests/cases/coverage");
    let table = std::fs::read_to_string(dir.join("expect.tsv")).unwrap();
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "expect.tsv line {}: {l}", i + 1);
            assert!(
                matches!(f[1], "ok" | "miss"),
                "expect.tsv line {}: status {}",
                i + 1,
                f[1]
            );
            Row {
                file: f[0].to_string(),
                ok: f[1] == "ok",
                source: f[2].to_string(),
                expected: f[3].to_string(),
                line: i + 1,
            }
        })
        .collect()
}

/// Every report of the directory, each extracted alone, by file stem.
fn reports() -> Vec<(String, Extraction)> {
    let lx = Lexicon::builtin();
    let dir = common::repo().join("tests/cases/coverage");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).unwrap();
            (stem.clone(), extract(common::doc(&stem, &text), &lx))
        })
        .collect()
}

/// Whether the row holds, or why not.
fn holds(row: &Row, xs: &[(String, Extraction)]) -> Result<(), String> {
    if row.file == "*" {
        assert_eq!(row.source, "coverage", "line {}", row.line);
        let all: Vec<Extraction> = xs.iter().map(|(_, x)| x.clone()).collect();
        let lx = Lexicon::builtin();
        let civilians = lx.civilian_nouns.iter().cloned().collect();
        let c = gainsay::audit::party_coverage(&all, &civilians);
        let want: f64 = row.expected.parse().unwrap();
        let share = c.claims_linked as f64 / c.claims.max(1) as f64;
        return if share >= want {
            Ok(())
        } else {
            Err(format!(
                "coverage {}/{} = {share:.2} < {want}; unknown: {:?}",
                c.claims_linked, c.claims, c.unknown
            ))
        };
    }
    let (_, x) = xs
        .iter()
        .find(|(n, _)| *n == row.file)
        .unwrap_or_else(|| panic!("line {}: no report {}", row.line, row.file));
    let claims: Vec<_> = x
        .attributions
        .iter()
        .filter(|a| {
            a.source
                .as_ref()
                .is_some_and(|s| x.doc.text[s.clone()].contains(&row.source))
        })
        .collect();
    if claims.is_empty() {
        return Err("no claim has that source".into());
    }
    for a in claims {
        for sp in &a.speakers {
            let party = sp.party.as_deref();
            let ok = if let Some(p) = row.expected.strip_prefix('=') {
                party == Some(p)
            } else if let Some(p) = row.expected.strip_prefix('!') {
                !party.is_some_and(|q| q.to_lowercase().contains(&p.to_lowercase()))
            } else {
                assert_eq!(row.expected, "-", "line {}", row.line);
                party.is_none()
            };
            if !ok {
                return Err(format!(
                    "source {:?}: speaker {:?} has party {party:?} ({:?})",
                    &x.doc.text[a.source.clone().unwrap()],
                    sp.name,
                    sp.link
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn speakers_of_other_wars_reach_their_parties_with_no_setup() {
    let xs = reports();
    let mut failures = Vec::new();
    for row in rows() {
        match (holds(&row, &xs), row.ok) {
            (Ok(()), true) | (Err(_), false) => {}
            (Err(why), true) => failures.push(format!(
                "line {} ({} {:?} {}): {why}",
                row.line, row.file, row.source, row.expected
            )),
            (Ok(()), false) => failures.push(format!(
                "line {} ({} {:?} {}): now holds: write ok",
                row.line, row.file, row.source, row.expected
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
