//! Wire copy: sentences that reports share almost word for word (agency copy run by several
//! outlets). Sentences are compared by their sets of word shingles (runs of [`SHINGLE`] words);
//! candidate pairs come from a shingle index, so no two sentences are compared unless they share
//! a shingle.

use std::collections::{BTreeMap, BTreeSet};

use crate::extract::Extraction;
use crate::model::{CharMap, Span};

/// A sentence: (document index, sentence index).
pub type SentenceId = (usize, usize);

/// Words per shingle.
const SHINGLE: usize = 4;
/// Fewest words a sentence needs to be compared (short sentences repeat by chance).
const MIN_WORDS: usize = 8;
/// Share of shingles two sentences must have in common (Jaccard) to be copies.
const MIN_SIMILARITY: f64 = 0.6;
/// A shingle found in more sentences than this is a stock phrase ("the Syrian Observatory for
/// Human Rights said"): it proposes no pair (and keeps the pairing linear in the corpus).
const MAX_POSTINGS: usize = 64;

/// Two sentences of different reports that are near-identical.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WireCopy {
    pub doc_a: String,
    pub sentence_a: Span,
    pub doc_b: String,
    pub sentence_b: Span,
    /// Shingle Jaccard, 0 to 1.
    pub similarity: f64,
}

fn shingles(words: &[&str]) -> BTreeSet<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = crate::lexicon::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The wire copy of a set of documents: the near-identical sentence pairs, and for each copied
/// sentence the first sentence of its copy group (claims read from one group come from one
/// source, however many reports carry it).
#[derive(Debug, Clone, Default)]
pub struct Copies {
    /// In document and sentence order.
    pub pairs: Vec<WireCopy>,
    pub groups: BTreeMap<SentenceId, SentenceId>,
}

/// Finds the wire copy among `docs` (the shingle comparison runs once).
pub fn copies(docs: &[Extraction]) -> Copies {
    let found = copy_pairs(docs);
    let maps: Vec<CharMap> = docs.iter().map(|x| CharMap::of(&x.doc)).collect();
    let span = |(d, s): SentenceId| maps[d].span(&docs[d].seg.sentences[s].range);
    let pairs = found
        .iter()
        .map(|&(a, b, sim)| WireCopy {
            doc_a: docs[a.0].doc.id.clone(),
            sentence_a: span(a),
            doc_b: docs[b.0].doc.id.clone(),
            sentence_b: span(b),
            similarity: (sim * 1000.0).round() / 1000.0,
        })
        .collect();
    Copies {
        pairs,
        groups: groups(&found),
    }
}

/// Union of the copy pairs into groups, each sentence mapped to the group's first sentence.
fn groups(found: &[(SentenceId, SentenceId, f64)]) -> BTreeMap<SentenceId, SentenceId> {
    fn find(root: &BTreeMap<SentenceId, SentenceId>, mut x: SentenceId) -> SentenceId {
        while let Some(&p) = root.get(&x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    let mut root: BTreeMap<SentenceId, SentenceId> = BTreeMap::new();
    for &(a, b, _) in found {
        let (ra, rb) = (find(&root, a), find(&root, b));
        let (lo, hi) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        root.insert(hi, lo);
        root.entry(lo).or_insert(lo);
    }
    let keys: Vec<SentenceId> = root.keys().copied().collect();
    keys.into_iter().map(|k| (k, find(&root, k))).collect()
}

/// Pairs of near-identical sentences, as (document, sentence) indices, with their similarity.
fn copy_pairs(docs: &[Extraction]) -> Vec<(SentenceId, SentenceId, f64)> {
    // (doc, sentence) -> shingles
    let mut sets: Vec<(SentenceId, BTreeSet<u64>)> = Vec::new();
    for (d, x) in docs.iter().enumerate() {
        for s in 0..x.seg.sentences.len() {
            let words = x.seg.sentence_words(s);
            if words.len() >= MIN_WORDS {
                sets.push(((d, s), shingles(&words)));
            }
        }
    }
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, (_, set)) in sets.iter().enumerate() {
        for h in set {
            index.entry(*h).or_default().push(i);
        }
    }
    // shared shingle counts per candidate pair of sentences from different documents
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for ids in index.values().filter(|ids| ids.len() <= MAX_POSTINGS) {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                if sets[i].0.0 != sets[j].0.0 {
                    *shared.entry((i, j)).or_default() += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for ((i, j), n) in shared {
        let union = sets[i].1.len() + sets[j].1.len() - n;
        let sim = n as f64 / union.max(1) as f64;
        if sim + 1e-9 >= MIN_SIMILARITY {
            out.push((sets[i].0, sets[j].0, sim));
        }
    }
    out
}
