//! The groups `gainsay::decompose` makes of the inputs: how many, the largest, and which key
//! names link the most documents (to see what keeps a corpus in one group).
//!
//!   cargo run --release --example groups -- INPUT...

use std::collections::BTreeMap;

use gainsay::decompose::{components, interaction_keys};
use gainsay::extract::ExtractOptions;
use gainsay::lexicon::Lexicon;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let lx = Lexicon::builtin();
    let reader = gainsay::ingest::Reader::new(&paths);
    let (_, xs) = gainsay::batch::extract_compact(reader, &lx, &ExtractOptions::default(), false);
    let keyed: Vec<(String, Vec<String>)> = xs
        .iter()
        .map(|x| (x.doc.id.clone(), interaction_keys(x, &lx)))
        .collect();
    let report = |what: &str, keyed: &[(String, Vec<String>)]| {
        let gs = components(keyed);
        let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
        for g in &gs {
            *sizes.entry(g).or_default() += 1;
        }
        println!(
            "{what}: {} documents, {} groups, the largest {}",
            keyed.len(),
            sizes.len(),
            sizes.values().max().unwrap_or(&0)
        );
    };
    report("all keys", &keyed);
    for kind in ["e:", "d:", "c:", "x:", "s:", "o:"] {
        let without: Vec<(String, Vec<String>)> = keyed
            .iter()
            .map(|(id, ks)| {
                (
                    id.clone(),
                    ks.iter()
                        .filter(|k| !k.starts_with(kind))
                        .cloned()
                        .collect(),
                )
            })
            .collect();
        report(&format!("without {kind}"), &without);
        let only: Vec<(String, Vec<String>)> = keyed
            .iter()
            .map(|(id, ks)| {
                (
                    id.clone(),
                    ks.iter().filter(|k| k.starts_with(kind)).cloned().collect(),
                )
            })
            .collect();
        report(&format!("only {kind}"), &only);
    }
    // the names held by the most documents, and whether some holds them for any week
    let mut names: BTreeMap<String, (usize, bool)> = BTreeMap::new();
    for (_, ks) in &keyed {
        let mut seen = std::collections::BTreeSet::new();
        for k in ks {
            let (n, w) = k.rsplit_once('@').unwrap_or((k, ""));
            if seen.insert(n) {
                names.entry(n.to_string()).or_default().0 += 1;
            }
            if w == "*" {
                names.get_mut(n).unwrap().1 = true;
            }
        }
    }
    let mut top: Vec<_> = names.into_iter().filter(|(_, (_, w))| *w).collect();
    top.sort_by_key(|t| std::cmp::Reverse(t.1.0));
    for (n, (c, _)) in top.iter().take(25) {
        println!("{c:6} {n}@*");
    }
}
