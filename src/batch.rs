//! In-memory runs: documents held in memory extracted in one go, as the CLI extracts the files
//! it streams (the Python package calls this; the CLI streams batches through `main.rs`).

use rayon::prelude::*;

use crate::extract::{ExtractOptions, Extraction};
use crate::ingest::{Ingested, Reader};
use crate::lexicon::Lexicon;

/// Reads every document of `reader` and extracts the processed ones in parallel (on rayon's
/// current pool), turning each extraction into what the caller keeps with `per_doc`. Returns the
/// statuses in input order, each processed document's warnings completed with what extraction
/// noticed (as the CLI reports them), and, aligned with the statuses, what `per_doc` made of each
/// processed document. The result does not depend on the number of threads.
pub fn extract_all<T: Send>(
    reader: Reader,
    lx: &Lexicon,
    opts: &ExtractOptions,
    per_doc: impl Fn(Extraction) -> T + Sync,
) -> (Ingested, Vec<Option<T>>) {
    let mut reader = reader;
    let mut ing = Ingested::default();
    let mut docs = Vec::new();
    for item in reader.by_ref() {
        docs.push(item.doc);
        ing.status.push(item.status);
    }
    ing.errors = std::mem::take(&mut reader.errors);
    let done: Vec<Option<(Vec<String>, T)>> = docs
        .into_par_iter()
        .map(|d| {
            d.map(|d| {
                let x = crate::extract::extract_with(d, lx, opts);
                (x.warnings.clone(), per_doc(x))
            })
        })
        .collect();
    let kept = done
        .into_iter()
        .zip(ing.status.iter_mut())
        .map(|(x, s)| {
            x.map(|(warnings, t)| {
                s.warnings.extend(warnings);
                t
            })
        })
        .collect();
    (ing, kept)
}

/// [`extract_all`], keeping the extractions compacted as `check` and `audit` keep them (their
/// tokens only when `keep_tokens`: the wire-copy audit reads them).
pub fn extract_compact(
    reader: Reader,
    lx: &Lexicon,
    opts: &ExtractOptions,
    keep_tokens: bool,
) -> (Ingested, Vec<Extraction>) {
    let (ing, xs) = extract_all(reader, lx, opts, |mut x| {
        x.compact(!keep_tokens);
        x
    });
    (ing, xs.into_iter().flatten().collect())
}
