//! The exact decomposition (`gainsay::decompose`, ARCHITECTURE.md "Groups are exact"): the
//! documents are shuffled and split into random partitions, each a union of the groups their
//! interaction keys make; each partition is checked alone, and the parts put together give
//! byte for byte the `check --format jsonl` lines of one check of all the documents. On the
//! samples and test cases, a synthetic corpus and FA-KES dev (when `../shared` is there); the
//! 20,000-report synthetic run is `--ignored` (`scripts/decompose-check`).

mod common;

use gainsay::decompose::{Partial, assemble, check_partial, components, interaction_keys};
use gainsay::extract::{ExtractOptions, Extraction};
use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::ingest::Given;
use gainsay::lexicon::Lexicon;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

fn extract(given: Vec<Given>, lx: &Lexicon) -> Vec<Extraction> {
    let reader = gainsay::ingest::load_given("corpus", given);
    let (_, xs) = gainsay::batch::extract_compact(reader, lx, &ExtractOptions::default(), false);
    xs
}

fn read_dirs(dirs: &[&str], lx: &Lexicon) -> Vec<Extraction> {
    let root = common::repo();
    let ing = gainsay::ingest::load(&dirs.iter().map(|d| root.join(d)).collect::<Vec<_>>());
    ing.docs
        .into_iter()
        .map(|d| {
            let mut x = gainsay::extract::extract_with(d, lx, &ExtractOptions::default());
            x.compact(true);
            x
        })
        .collect()
}

/// What `check --format jsonl` writes for these documents.
fn global_lines(xs: Vec<Extraction>, lx: &Lexicon, own_voice: bool) -> Vec<String> {
    let g = ClaimGraph::build_with(xs, lx, GraphOptions { own_voice });
    let findings = gainsay::check::check(&g, lx, &Default::default());
    gainsay::report::finding_outs(&g, &findings)
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect()
}

/// Checks each partition alone and puts the parts together.
fn decomposed_lines(
    parts: Vec<Vec<Extraction>>,
    lx: &Lexicon,
    own_voice: bool,
) -> Result<Vec<String>, String> {
    let partials: Vec<Partial> = parts
        .into_iter()
        .map(|xs| {
            let g = ClaimGraph::build_with(xs, lx, GraphOptions { own_voice });
            // each part goes through its JSON form, as it would between machines
            let p = check_partial(&g, lx, &Default::default());
            serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap()
        })
        .collect();
    assemble(partials)
}

/// Each document's group.
fn groups(xs: &[Extraction], lx: &Lexicon) -> Vec<String> {
    let keyed: Vec<(String, Vec<String>)> = xs
        .iter()
        .map(|x| (x.doc.id.clone(), interaction_keys(x, lx)))
        .collect();
    components(&keyed)
}

/// The documents split at random into partitions, each a union of whole groups, each
/// shuffled; `finest` puts every group in its own partition.
fn split(
    xs: &[Extraction],
    groups: &[String],
    rng: &mut Rng,
    finest: bool,
) -> Vec<Vec<Extraction>> {
    let names: std::collections::BTreeSet<&str> = groups.iter().map(String::as_str).collect();
    let k = if finest {
        names.len()
    } else {
        1 + rng.below(6)
    };
    let of: std::collections::BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, if finest { i } else { rng.below(k) }))
        .collect();
    let mut parts: Vec<Vec<Extraction>> = vec![Vec::new(); k];
    let mut order: Vec<usize> = (0..xs.len()).collect();
    rng.shuffle(&mut order);
    for i in order {
        parts[of[groups[i].as_str()]].push(xs[i].clone());
    }
    rng.shuffle(&mut parts);
    parts
}

/// The proof on one corpus: `rounds` random splits and the finest one give the global lines.
/// Returns how many groups there are and the largest group's size.
fn assert_exact(name: &str, xs: Vec<Extraction>, lx: &Lexicon, rounds: usize) -> (usize, usize) {
    let gs = groups(&xs, lx);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ xs.len() as u64);
    for own_voice in [true, false] {
        let base = global_lines(xs.clone(), lx, own_voice);
        for round in 0..=rounds {
            let parts = split(&xs, &gs, &mut rng, round == 0);
            let n = parts.len();
            let got = decomposed_lines(parts, lx, own_voice).unwrap();
            if got != base {
                let first = got.iter().zip(&base).position(|(a, b)| a != b);
                panic!(
                    "{name}: {n} partitions (own voice {own_voice}): {} findings against {}; first difference at {first:?}:\n{:?}\n{:?}",
                    got.len(),
                    base.len(),
                    first.and_then(|i| got.get(i)),
                    first.and_then(|i| base.get(i)),
                );
            }
        }
    }
    let mut sizes: std::collections::BTreeMap<&str, usize> = Default::default();
    for g in &gs {
        *sizes.entry(g).or_default() += 1;
    }
    let largest = sizes.values().copied().max().unwrap_or(0);
    eprintln!(
        "{name}: {} documents, {} groups, the largest {largest}",
        xs.len(),
        sizes.len()
    );
    (sizes.len(), largest)
}

#[test]
fn the_samples_and_test_cases_decompose_exactly() {
    let lx = Lexicon::builtin();
    let xs = read_dirs(&["samples", "tests/cases"], &lx);
    let base = global_lines(xs.clone(), &lx, true);
    assert!(base.len() >= 10, "{} findings", base.len());
    let (groups, largest) = assert_exact("samples and test cases", xs.clone(), &lx, 8);
    assert!(groups > 10, "{groups} groups, largest {largest}");
}

#[test]
fn a_split_that_ignores_the_keys_is_not_exact() {
    // the test above can fail: splitting the Aleppo samples apart loses their findings
    let lx = Lexicon::builtin();
    let xs = read_dirs(&["samples/aleppo-2016-09"], &lx);
    let base = global_lines(xs.clone(), &lx, true);
    let parts: Vec<Vec<Extraction>> = xs.into_iter().map(|x| vec![x]).collect();
    let got = decomposed_lines(parts, &lx, true).unwrap();
    assert_ne!(got, base);
}

#[test]
fn repeated_ids_across_groups_are_refused() {
    let lx = Lexicon::builtin();
    let xs = read_dirs(&["samples/aleppo-2016-09"], &lx);
    let err = decomposed_lines(vec![xs.clone(), xs], &lx, true).unwrap_err();
    assert!(err.contains("repeats"), "{err}");
}

/// Synthetic reports in the manner of `scripts/bench-scale` (invented places and days over
/// seven years, six parties): accusations, denials, figures, control and truce violations.
pub fn synthetic(n: usize, seed: u64) -> Vec<Given> {
    let mut rng = Rng(seed | 1);
    let syll = [
        "ka", "ro", "mi", "tal", "ven", "dor", "sa", "lin", "bar", "zu", "qa", "nef", "hal", "ris",
        "tum",
    ];
    let mut places: Vec<String> = (0..(n / 8).max(40))
        .map(|_| {
            let w: String = (0..3).map(|_| syll[rng.below(syll.len())]).collect();
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    places.sort();
    places.dedup();
    let parties = [
        ("The army", "the army"),
        ("Rebel commanders", "the rebels"),
        ("The Syrian Observatory for Human Rights", "the Observatory"),
        ("Russia's defence ministry", "Russia"),
        ("The United Nations", "the UN"),
        ("Local activists", "activists"),
    ];
    let days = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let outlets = ["Wire A", "Wire B", "Daily C", "Agency D"];
    (0..n)
        .map(|i| {
            let a = rng.below(parties.len());
            let b = (a + 1 + rng.below(parties.len() - 1)) % parties.len();
            let (p1, p2) = (parties[a], parties[b]);
            let place = &places[rng.below(places.len())];
            let other = &places[rng.below(places.len())];
            let day = days[rng.below(7)];
            let (k, m) = (3 + rng.below(88), 3 + rng.below(118));
            let mut s = vec![
                format!(
                    "{} said {} shelled a market in {place} on {day}, killing {k} people.",
                    p1.0, p2.1
                ),
                format!("{} denied carrying out the attack in {place}.", p2.0),
                format!(
                    "According to {}, at least {m} civilians were wounded in {place}.",
                    p1.1
                ),
                format!(
                    "{} said it had taken control of {other} after heavy fighting.",
                    p2.0
                ),
                format!("Residents told reporters that the shelling of {place} lasted for hours."),
                format!(
                    "{} accused {} of violating the truce {} times.",
                    p1.0,
                    p2.1,
                    2 + rng.below(39)
                ),
                format!("Aid groups said they could not reach {other} because of the fighting."),
            ];
            rng.shuffle(&mut s);
            s.truncate(4 + rng.below(4));
            let date = format!(
                "{}-{:02}-{:02}",
                2012 + rng.below(7),
                1 + rng.below(12),
                1 + rng.below(28)
            );
            Given::Record(
                serde_json::json!({
                    "id": format!("syn-{i:06}"),
                    "date": date,
                    "outlet": outlets[rng.below(outlets.len())],
                    "text": s.join(" "),
                })
                .to_string(),
            )
        })
        .collect()
}

#[test]
fn a_synthetic_corpus_decomposes_exactly() {
    let lx = Lexicon::builtin();
    let xs = extract(synthetic(600, 7), &lx);
    let base = global_lines(xs.clone(), &lx, true);
    assert!(base.len() >= 20, "{} findings", base.len());
    assert_exact("synthetic 600", xs, &lx, 4);
}

/// `scripts/decompose-check` runs it in release mode: 20,000 reports (or
/// `GAINSAY_SYNTHETIC_DOCS`).
#[test]
#[ignore]
fn twenty_thousand_synthetic_reports_decompose_exactly() {
    let n = std::env::var("GAINSAY_SYNTHETIC_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let lx = Lexicon::builtin();
    let t = std::time::Instant::now();
    let xs = extract(synthetic(n, 20161125), &lx);
    eprintln!("extracted {n} reports in {:.1?}", t.elapsed());
    let t = std::time::Instant::now();
    let (groups, largest) = assert_exact(&format!("synthetic {n}"), xs, &lx, 2);
    eprintln!(
        "checked ({groups} groups, largest {largest}) in {:.1?}",
        t.elapsed()
    );
}

#[test]
fn fakes_dev_decomposes_exactly() {
    let Some(data) = common::shared("data/fakes/FA-KES-dev.csv") else {
        return;
    };
    let articles = gainsay::eval::conflicts::load_fakes(&data).unwrap();
    let mut units: Vec<(usize, String)> = articles
        .by_id
        .iter()
        .map(|(id, a)| (a.line, id.clone()))
        .collect();
    units.sort();
    let units: Vec<String> = units.into_iter().map(|(_, id)| id).collect();
    let jsonl = articles.jsonl(&units).unwrap();
    let given = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Given::Record(l.to_string()))
        .collect();
    let lx = Lexicon::builtin();
    let xs = extract(given, &lx);
    assert!(xs.len() > 700, "{} articles", xs.len());
    assert_exact("FA-KES dev", xs, &lx, 3);
}
