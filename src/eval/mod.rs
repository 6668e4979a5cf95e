//! Scoring predicted attributions against gold attributions, and loading gold data.
//!
//! An attribution is an optional source span, a cue span and a content span in one document.
//! Gold components may be discontinuous (`Vec<ByteRange>`); predictions are single ranges.
//!
//! **Matching rule** (fixed by the project): a prediction matches a gold attribution when the cue
//! spans share at least one character, the content spans have character Jaccard ≥ 0.5, and — if
//! the gold has a source — the source spans share at least one character. Matching is one-to-one:
//! all candidate pairs are ranked by content Jaccard (then cue overlap, then indices) and assigned
//! greedily, best first. `cue`, `source` and `content` scores use the same procedure on one
//! component alone. Identical predictions (same three spans) count once.
//!
//! All overlap arithmetic is done on **character** offsets (ranges are converted with
//! [`CharMap`]), so multi-byte characters such as curly quotes count as one.

pub mod conflicts;
pub mod stance;

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::model::{ByteRange, CharMap, Document};

/// Minimum content character Jaccard for a match.
pub const CONTENT_JACCARD: f64 = 0.5;

/// A predicted attribution: byte ranges into the document text. The content may be
/// discontinuous (a quotation continued after "he said").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PredAttribution {
    pub source: Option<ByteRange>,
    pub cue: ByteRange,
    pub content: Vec<ByteRange>,
    /// A label to break precision down by (the extractor's layout id); not part of matching.
    pub label: String,
    /// The cue's lemma, to break precision down by; not part of matching.
    pub cue_lemma: String,
}

/// The predictions of one extraction, labelled by layout and cue lemma.
pub fn predictions(x: &crate::extract::Extraction) -> Vec<PredAttribution> {
    x.attributions
        .iter()
        .map(|a| PredAttribution {
            source: a.source.clone(),
            cue: a.cue.clone(),
            content: a.content_parts(),
            label: a.layout.id().to_string(),
            cue_lemma: a.cue_lemma.to_string(),
        })
        .collect()
}

/// A gold attribution; every component is a possibly discontinuous list of byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    /// Empty when the attribution has no source.
    pub source: Vec<ByteRange>,
    pub cue: Vec<ByteRange>,
    pub content: Vec<ByteRange>,
}

/// A document with its gold attributions.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub doc: Document,
    pub gold: Vec<GoldAttribution>,
    /// Gold entries of this document dropped while loading (empty cue or content).
    pub skipped: usize,
}

/// Errors from the gold loaders. Every data error names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: invalid JSON: {source}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{}{}: {message}", path.display(), at_line(*line))]
    Data {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// `:N` for a line number, nothing for 0 (an error about the file as a whole).
fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

fn read(path: &Path) -> Result<String, EvalError> {
    fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Non-blank lines of a JSONL file, parsed, with 1-based line numbers.
fn jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<(usize, T)>, EvalError> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        out.push((i + 1, value));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Seed gold (string form)

#[derive(Deserialize)]
struct SeedLine {
    doc: String,
    #[serde(default)]
    source: Option<String>,
    cue: String,
    content: String,
}

/// Byte distance between two ranges (0 when they touch or overlap).
fn gap(a: &ByteRange, b: &ByteRange) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn ranges_overlap(a: &ByteRange, b: &ByteRange) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whole-word occurrences of `needle` (word edges are only checked at alphanumeric ends).
fn word_occurrences(text: &str, needle: &str) -> Vec<ByteRange> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (first, last) = (needle.chars().next(), needle.chars().next_back());
    text.match_indices(needle)
        .map(|(i, _)| i..i + needle.len())
        .filter(|r| !(word(first) && word(text[..r.start].chars().next_back())))
        .filter(|r| !(word(last) && word(text[r.end..].chars().next())))
        .collect()
}

/// The whole-word occurrence of `needle` nearest to `anchor` that overlaps none of `avoid`
/// (ties go to the earlier one); `None` for an empty needle.
fn nearest(
    text: &str,
    needle: &str,
    anchor: &ByteRange,
    avoid: &[&ByteRange],
) -> Option<ByteRange> {
    if needle.is_empty() {
        return None;
    }
    word_occurrences(text, needle)
        .into_iter()
        .filter(|r| avoid.iter().all(|a| !ranges_overlap(r, a)))
        .min_by_key(|r| (gap(r, anchor), r.start))
}

/// Loads the project's string-form gold (`{"doc","source","cue","content",...}` per line).
///
/// `doc` paths are relative to `corpus_root`. The content is located at its first occurrence,
/// the cue at the whole-word occurrence nearest to the content, the source at the whole-word
/// occurrence nearest to the cue. Lines with identical (doc, source, cue, content) are merged
/// into one gold attribution. Documents are returned sorted by their `doc` path.
pub fn load_string_gold(gold_path: &Path, corpus_root: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let mut by_doc: BTreeMap<String, Vec<(usize, SeedLine)>> = BTreeMap::new();
    for (line, seed) in jsonl::<SeedLine>(gold_path)? {
        by_doc
            .entry(seed.doc.clone())
            .or_default()
            .push((line, seed));
    }
    let mut docs = Vec::new();
    for (rel, lines) in by_doc {
        let path = corpus_root.join(&rel);
        let text = fs::read_to_string(&path).map_err(|e| EvalError::Data {
            path: gold_path.to_path_buf(),
            line: lines.first().map_or(0, |l| l.0),
            message: format!("cannot read {}: {e}", path.display()),
        })?;
        let id = path
            .file_stem()
            .map_or(rel.clone(), |s| s.to_string_lossy().into_owned());
        let mut doc = Document::new(id, text);
        doc.origin = path.display().to_string();
        let mut seen = HashSet::new();
        let mut gold = Vec::new();
        for (line, seed) in lines {
            let source = seed.source.filter(|s| !s.is_empty());
            if !seen.insert((source.clone(), seed.cue.clone(), seed.content.clone())) {
                continue; // one line per speaker of a coordinated source
            }
            let err = |what: &str, s: &str| EvalError::Data {
                path: gold_path.to_path_buf(),
                line,
                message: format!("{what} {s:?} not found in {}", path.display()),
            };
            let t = doc.text.as_str();
            let content = match t.find(&seed.content) {
                Some(i) if !seed.content.is_empty() => i..i + seed.content.len(),
                _ => return Err(err("content", &seed.content)),
            };
            let cue = nearest(t, &seed.cue, &content, &[&content])
                .ok_or_else(|| err("cue", &seed.cue))?;
            let source = match &source {
                Some(s) => {
                    vec![nearest(t, s, &cue, &[&content, &cue]).ok_or_else(|| err("source", s))?]
                }
                None => Vec::new(),
            };
            gold.push(GoldAttribution {
                source,
                cue: vec![cue],
                content: vec![content],
            });
        }
        docs.push(GoldDoc {
            doc,
            gold,
            skipped: 0,
        });
    }
    Ok(docs)
}

// ---------------------------------------------------------------------------------------------
// PolNeAR (span form)

#[derive(Deserialize)]
struct PolSpan {
    spans: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct PolLine {
    article: String,
    #[serde(default)]
    source: Vec<PolSpan>,
    #[serde(default)]
    cue: Vec<PolSpan>,
    #[serde(default)]
    content: Vec<PolSpan>,
}

/// Loads a PolNeAR split: `dir/{split}/text/*.txt` and `dir/{split}.attributions.single.jsonl`.
///
/// Every text file is a document (sorted by article name; `limit` keeps the first N), even
/// without gold. Character offsets are converted to byte ranges; empty ranges are dropped.
/// Entries whose cue or content is empty are skipped and counted in [`GoldDoc::skipped`].
/// Offsets past the end of the text, or gold for an unknown article, are errors.
pub fn load_polnear(
    dir: &Path,
    split: &str,
    limit: Option<usize>,
) -> Result<Vec<GoldDoc>, EvalError> {
    let text_dir = dir.join(split).join("text");
    if !text_dir.is_dir() {
        let mut splits: Vec<String> = fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .filter(|e| e.path().join("text").is_dir())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        splits.sort();
        return Err(EvalError::Data {
            path: dir.to_path_buf(),
            line: 0,
            message: format!(
                "no split `{split}` (a `{split}/text` directory); splits here: {}",
                if splits.is_empty() {
                    "none".to_string()
                } else {
                    splits.join(", ")
                }
            ),
        });
    }
    let io = |source| EvalError::Io {
        path: text_dir.clone(),
        source,
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(&text_dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            if let Some(stem) = path.file_stem() {
                names.push(stem.to_string_lossy().into_owned());
            }
        }
    }
    names.sort();
    let all: HashSet<String> = names.iter().cloned().collect();
    names.truncate(limit.unwrap_or(usize::MAX));

    let mut docs = Vec::new();
    let mut index = BTreeMap::new(); // article -> (doc index, byte offset of every char + end)
    for name in names {
        let path = text_dir.join(format!("{name}.txt"));
        let mut doc = Document::new(name.clone(), read(&path)?);
        doc.origin = path.display().to_string();
        let text = &doc.text;
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        index.insert(name, (docs.len(), bytes));
        docs.push(GoldDoc {
            doc,
            gold: Vec::new(),
            skipped: 0,
        });
    }

    let gold_path = dir.join(format!("{split}.attributions.single.jsonl"));
    for (line, entry) in jsonl::<PolLine>(&gold_path)? {
        let err = |message: String| EvalError::Data {
            path: gold_path.clone(),
            line,
            message,
        };
        let Some((di, bytes)) = index.get(&entry.article) else {
            if all.contains(&entry.article) {
                continue; // cut off by `limit`
            }
            return Err(err(format!("no text for article {:?}", entry.article)));
        };
        let convert = |parts: &[PolSpan]| -> Result<Vec<ByteRange>, EvalError> {
            let mut out = Vec::new();
            for &(s, e) in parts.iter().flat_map(|p| &p.spans) {
                match (bytes.get(s), bytes.get(e)) {
                    (Some(&bs), Some(&be)) if s <= e => {
                        if bs < be {
                            out.push(bs..be);
                        }
                    }
                    _ => {
                        return Err(err(format!(
                            "span [{s}, {e}] outside {} chars of {:?}",
                            bytes.len() - 1,
                            entry.article
                        )));
                    }
                }
            }
            Ok(out)
        };
        let gold = GoldAttribution {
            source: convert(&entry.source)?,
            cue: convert(&entry.cue)?,
            content: convert(&entry.content)?,
        };
        let doc = &mut docs[*di];
        if gold.cue.is_empty() || gold.content.is_empty() {
            doc.skipped += 1;
        } else {
            doc.gold.push(gold);
        }
    }
    Ok(docs)
}

// ---------------------------------------------------------------------------------------------
// Scoring

/// Counts of true positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }
    /// tp / (tp + fp), 0 when undefined.
    pub fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn), 0 when undefined.
    pub fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall, 0 when undefined.
    pub fn f1(&self) -> f64 {
        Self::ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn to_json(self) -> serde_json::Value {
        json!({"precision": self.precision(), "recall": self.recall(), "f1": self.f1(),
               "tp": self.tp, "fp": self.fp, "fn": self.fn_})
    }
}

/// Scores of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocScore {
    pub attribution: Prf,
    pub cue: Prf,
    pub source: Prf,
    pub content: Prf,
    /// Indices into the gold list of gold attributions left unmatched (full rule).
    pub missed: Vec<usize>,
    /// Indices into the prediction list of (deduplicated) predictions left unmatched (full rule).
    pub spurious: Vec<usize>,
}

/// Sorted, merged character-offset intervals.
type Chars = Vec<Range<usize>>;

/// Converts byte ranges to merged char intervals; out-of-range or mid-char offsets are clamped.
fn to_chars(text: &str, map: &CharMap, ranges: &[ByteRange]) -> Chars {
    let mut v: Chars = ranges
        .iter()
        .map(|r| snap(text, r))
        .map(|r| map.char_offset(r.start)..map.char_offset(r.end))
        .filter(|r| r.start < r.end)
        .collect();
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Chars = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Clamps a byte range into `text` and onto char boundaries (start down, end up).
fn snap(text: &str, r: &ByteRange) -> ByteRange {
    let mut s = r.start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = r.end.min(text.len()).max(s);
    while !text.is_char_boundary(e) {
        e += 1;
    }
    s..e
}

fn len(a: &Chars) -> usize {
    a.iter().map(|r| r.end - r.start).sum()
}

fn intersection(a: &Chars, b: &Chars) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        n += a[i]
            .end
            .min(b[j].end)
            .saturating_sub(a[i].start.max(b[j].start));
        if a[i].end < b[j].end { i += 1 } else { j += 1 }
    }
    n
}

/// Character Jaccard of two interval sets (0 when both are empty).
fn jaccard(a: &Chars, b: &Chars) -> f64 {
    let inter = intersection(a, b);
    Prf::ratio(inter, len(a) + len(b) - inter)
}

/// Greedy one-to-one assignment of candidates `(score, tie, pred, gold)`, best first.
fn assign(
    mut cands: Vec<(f64, usize, usize, usize)>,
    n_pred: usize,
    n_gold: usize,
) -> Vec<(usize, usize)> {
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    let (mut used_p, mut used_g) = (vec![false; n_pred], vec![false; n_gold]);
    let mut out = Vec::new();
    for (_, _, p, g) in cands {
        if !used_p[p] && !used_g[g] {
            used_p[p] = true;
            used_g[g] = true;
            out.push((p, g));
        }
    }
    out
}

struct Parts {
    source: Chars,
    cue: Chars,
    content: Chars,
}

/// Scores one document's predictions against its gold attributions.
///
/// Identical predictions are counted once; [`DocScore::spurious`] indexes the first of them.
pub fn score_document(text: &str, gold: &[GoldAttribution], pred: &[PredAttribution]) -> DocScore {
    let map = CharMap::new(text);
    let mut seen = HashSet::new();
    let kept: Vec<usize> = (0..pred.len()).filter(|&i| seen.insert(&pred[i])).collect();
    let parts = |source: &[ByteRange], cue: &[ByteRange], content: &[ByteRange]| Parts {
        source: to_chars(text, &map, source),
        cue: to_chars(text, &map, cue),
        content: to_chars(text, &map, content),
    };
    let one = std::slice::from_ref;
    let p: Vec<Parts> = (kept.iter().map(|&i| &pred[i]))
        .map(|a| parts(a.source.as_slice(), one(&a.cue), &a.content))
        .collect();
    let g: Vec<Parts> = gold
        .iter()
        .map(|a| parts(&a.source, &a.cue, &a.content))
        .collect();

    let (mut full, mut cue, mut source, mut content) = (vec![], vec![], vec![], vec![]);
    for (pi, pp) in p.iter().enumerate() {
        for (gi, gp) in g.iter().enumerate() {
            let cue_ov = intersection(&pp.cue, &gp.cue);
            let src_ov = intersection(&pp.source, &gp.source);
            let jac = jaccard(&pp.content, &gp.content);
            if cue_ov > 0 {
                cue.push((cue_ov as f64, 0, pi, gi));
            }
            if src_ov > 0 {
                source.push((src_ov as f64, 0, pi, gi));
            }
            if jac >= CONTENT_JACCARD {
                content.push((jac, 0, pi, gi));
                if cue_ov > 0 && (gp.source.is_empty() || src_ov > 0) {
                    full.push((jac, cue_ov, pi, gi));
                }
            }
        }
    }
    let prf = |tp: usize, np: usize, ng: usize| Prf {
        tp,
        fp: np - tp,
        fn_: ng - tp,
    };
    let (np, ng) = (p.len(), g.len());
    let np_src = p.iter().filter(|x| !x.source.is_empty()).count();
    let ng_src = g.iter().filter(|x| !x.source.is_empty()).count();
    let matched = assign(full, np, ng);
    let (mp, mg): (HashSet<usize>, HashSet<usize>) = matched.iter().copied().unzip();
    DocScore {
        attribution: prf(matched.len(), np, ng),
        cue: prf(assign(cue, np, ng).len(), np, ng),
        source: prf(assign(source, np, ng).len(), np_src, ng_src),
        content: prf(assign(content, np, ng).len(), np, ng),
        missed: (0..ng).filter(|i| !mg.contains(i)).collect(),
        spurious: (0..np)
            .filter(|i| !mp.contains(i))
            .map(|i| kept[i])
            .collect(),
    }
}

/// How well `pred` matches the best of `gold` under the full rule: its content Jaccard, or
/// `None` when it matches none (the learned layer's training label).
pub fn match_quality(
    text: &str,
    map: &CharMap,
    gold: &[GoldAttribution],
    pred: &PredAttribution,
) -> Option<f64> {
    let source = to_chars(text, map, pred.source.as_slice());
    let cue = to_chars(text, map, std::slice::from_ref(&pred.cue));
    let content = to_chars(text, map, &pred.content);
    let mut best: Option<f64> = None;
    for g in gold {
        let gc = to_chars(text, map, &g.cue);
        if intersection(&cue, &gc) == 0 {
            continue;
        }
        let gs = to_chars(text, map, &g.source);
        if !gs.is_empty() && intersection(&source, &gs) == 0 {
            continue;
        }
        let jac = jaccard(&content, &to_chars(text, map, &g.content));
        if jac >= CONTENT_JACCARD && best.is_none_or(|b| jac > b) {
            best = Some(jac);
        }
    }
    best
}

/// Builds the learned layer's training set from gold documents: every rule attribution's
/// readings, labelled by [`match_quality`].
pub fn training_set(
    docs: &[GoldDoc],
    lx: &crate::lexicon::Lexicon,
    forced: bool,
) -> crate::extract::learned::TrainingSet {
    let mut set = crate::extract::learned::TrainingSet::default();
    set.forced = forced;
    for gd in docs {
        let text = gd.doc.text.as_str();
        let seg = crate::segment::segment(text, gd.doc.body_start, lx);
        let raw = crate::extract::rule_attributions(&seg, lx);
        let map = CharMap::new(text);
        let bytes = |r: &Range<usize>| -> ByteRange {
            if r.is_empty() {
                let at = seg.tokens.get(r.start).map_or(0, |t| t.range.start);
                return at..at;
            }
            seg.tokens[r.start].range.start..seg.tokens[r.end - 1].range.end
        };
        // only nearby gold can match: index gold by document
        let gold_cues: Vec<Chars> = gd
            .gold
            .iter()
            .map(|g| to_chars(text, &map, &g.cue))
            .collect();
        let is_cue = |r: &Range<usize>| {
            let c = to_chars(text, &map, std::slice::from_ref(&bytes(r)));
            gold_cues.iter().any(|g| intersection(&c, g) > 0)
        };
        set.add_document(&seg, &raw, lx, gd.gold.len(), is_cue, |a, c| {
            let pred = PredAttribution {
                source: a.source.as_ref().map(bytes),
                cue: bytes(&a.cue),
                content: std::iter::once(&c.content)
                    .chain(c.extra.iter())
                    .map(bytes)
                    .collect(),
                label: String::new(),
                cue_lemma: String::new(),
            };
            match_quality(text, &map, &gd.gold, &pred)
        });
    }
    set
}

/// An unmatched gold attribution ("missed") or prediction ("spurious"), with its span texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorCase {
    pub doc: String,
    /// `"missed"` or `"spurious"`.
    pub kind: &'static str,
    pub source: Option<String>,
    pub cue: String,
    pub content: String,
}

impl fmt::Display for ErrorCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let src = self.source.as_deref().unwrap_or("-");
        write!(
            f,
            "{} {}: [{}] [{}] [{}]",
            self.kind, self.doc, src, self.cue, self.content
        )
    }
}

/// The text of (possibly discontinuous) ranges, parts joined by " … ".
fn span_text(text: &str, ranges: &[ByteRange]) -> String {
    ranges
        .iter()
        .map(|r| &text[snap(text, r)])
        .collect::<Vec<_>>()
        .join(" … ")
}

/// Totals over a corpus.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    pub documents: usize,
    pub gold: usize,
    /// Predictions after removing identical duplicates.
    pub predicted: usize,
    pub attribution: Prf,
    pub cue: Prf,
    pub source: Prf,
    pub content: Prf,
    /// Characters of text processed.
    pub chars: usize,
    /// Seconds spent in the extractor.
    pub seconds: f64,
    /// Gold entries dropped while loading.
    pub skipped_gold: usize,
    /// Attribution counts of every document, by document id, in input order.
    pub per_doc: Vec<(String, Prf)>,
    /// Missed and spurious attributions, in document order (missed first within a document).
    pub errors: Vec<ErrorCase>,
    /// Per prediction label: (predictions, predictions matched under the full rule).
    pub by_label: std::collections::BTreeMap<String, (usize, usize)>,
    /// Per cue lemma: (predictions, predictions matched under the full rule).
    pub by_cue: std::collections::BTreeMap<String, (usize, usize)>,
}

/// Runs `extract` on every document, timing it, and scores the predictions.
pub fn evaluate<F: FnMut(&Document) -> Vec<PredAttribution>>(
    docs: &[GoldDoc],
    mut extract: F,
) -> EvalReport {
    let mut r = EvalReport::default();
    for gd in docs {
        let text = gd.doc.text.as_str();
        let start = Instant::now();
        let pred = extract(&gd.doc);
        r.seconds += start.elapsed().as_secs_f64();
        let s = score_document(text, &gd.gold, &pred);
        r.documents += 1;
        r.chars += text.chars().count();
        r.skipped_gold += gd.skipped;
        r.gold += gd.gold.len();
        r.predicted += s.attribution.tp + s.attribution.fp;
        r.attribution.add(&s.attribution);
        r.per_doc.push((gd.doc.id.clone(), s.attribution));
        r.cue.add(&s.cue);
        r.source.add(&s.source);
        r.content.add(&s.content);
        let case =
            |kind, source: &[ByteRange], cue: &[ByteRange], content: &[ByteRange]| ErrorCase {
                doc: gd.doc.id.clone(),
                kind,
                source: (!source.is_empty()).then(|| span_text(text, source)),
                cue: span_text(text, cue),
                content: span_text(text, content),
            };
        for &i in &s.missed {
            let g = &gd.gold[i];
            r.errors.push(case("missed", &g.source, &g.cue, &g.content));
        }
        let spurious: HashSet<usize> = s.spurious.iter().copied().collect();
        let mut seen = HashSet::new();
        for (i, p) in pred.iter().enumerate() {
            let key = (&p.source, &p.cue, &p.content);
            if !seen.insert(key) {
                continue;
            }
            let hit = usize::from(!spurious.contains(&i));
            for (map, key) in [(&mut r.by_label, &p.label), (&mut r.by_cue, &p.cue_lemma)] {
                let e = map.entry(key.clone()).or_insert((0, 0));
                e.0 += 1;
                e.1 += hit;
            }
        }
        for &i in &s.spurious {
            let p = &pred[i];
            r.errors.push(case(
                "spurious",
                p.source.as_slice(),
                std::slice::from_ref(&p.cue),
                &p.content,
            ));
        }
    }
    r
}

impl EvalReport {
    fn rows(&self) -> [(&'static str, Prf); 4] {
        [
            ("attribution", self.attribution),
            ("cue", self.cue),
            ("source", self.source),
            ("content", self.content),
        ]
    }

    /// Characters per second of extractor time (0 when no time was measured).
    pub fn chars_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.chars as f64 / self.seconds
        } else {
            0.0
        }
    }

    /// A human-readable table.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{:<12} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
            "", "P", "R", "F1", "tp", "fp", "fn"
        );
        for (name, p) in self.rows() {
            let (pr, re, f1, Prf { tp, fp, fn_ }) = (p.precision(), p.recall(), p.f1(), p);
            s += &format!("{name:<12} {pr:>6.3} {re:>6.3} {f1:>6.3} {tp:>6} {fp:>6} {fn_:>6}\n");
        }
        let (r, speed) = (self, self.chars_per_second());
        s += &format!("documents {}, gold {}", r.documents, r.gold);
        s += &format!(" (skipped {}), predicted {}\n", r.skipped_gold, r.predicted);
        s += &format!(
            "{} chars in {:.3} s ({speed:.0} chars/s)\n",
            r.chars, r.seconds
        );
        if self.by_label.len() > 1 {
            s += "by layout (predicted, matched, precision):\n";
            for (label, (n, m)) in &self.by_label {
                let p = if *n == 0 { 0.0 } else { *m as f64 / *n as f64 };
                s += &format!("  {label:<22} {n:>6} {m:>6} {p:>6.3}\n");
            }
        }
        s
    }

    /// Precision by cue lemma, most predicted first (ties by lemma): where the lexicon gains or
    /// loses.
    pub fn by_cue_text(&self) -> String {
        let mut rows: Vec<_> = self.by_cue.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let mut s = String::from("by cue (predicted, matched, precision):\n");
        for (lemma, (n, m)) in rows {
            let p = if *n == 0 { 0.0 } else { *m as f64 / *n as f64 };
            s += &format!("  {lemma:<22} {n:>6} {m:>6} {p:>6.3}\n");
        }
        s
    }

    /// The report as JSON: totals, one object per score with P/R/F1 and counts, and the errors.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = json!({
            "documents": self.documents, "gold": self.gold, "predicted": self.predicted,
            "skipped_gold": self.skipped_gold, "chars": self.chars, "seconds": self.seconds,
            "chars_per_second": self.chars_per_second(), "errors": self.errors,
        });
        for (name, p) in self.rows() {
            v[name] = p.to_json();
        }
        let per_doc = self
            .per_doc
            .iter()
            .map(|(id, p)| json!({"id": id, "tp": p.tp, "fp": p.fp, "fn": p.fn_}));
        v["per_doc"] = per_doc.collect();
        let counts = |m: &std::collections::BTreeMap<String, (usize, usize)>| {
            m.iter()
                .map(|(l, (n, m))| (l.clone(), json!({"predicted": n, "matched": m})))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        v["by_label"] = counts(&self.by_label);
        v["by_cue"] = counts(&self.by_cue);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte range of the `n`th occurrence of `needle`.
    fn at(text: &str, needle: &str, n: usize) -> ByteRange {
        let i = text
            .match_indices(needle)
            .nth(n)
            .map(|(i, _)| i)
            .expect("needle in test text");
        i..i + needle.len()
    }

    fn pred(text: &str, src: Option<&str>, cue: &str, content: &str) -> PredAttribution {
        PredAttribution {
            source: src.map(|s| at(text, s, 0)),
            cue: at(text, cue, 0),
            content: vec![at(text, content, 0)],
            label: String::new(),
            cue_lemma: String::new(),
        }
    }

    fn gold(text: &str, src: Option<&str>, cue: &str, content: &str) -> GoldAttribution {
        GoldAttribution {
            source: src.map(|s| at(text, s, 0)).into_iter().collect(),
            cue: vec![at(text, cue, 0)],
            content: vec![at(text, content, 0)],
        }
    }

    fn counts(p: Prf) -> (usize, usize, usize) {
        (p.tp, p.fp, p.fn_)
    }

    const TEXT: &str = "“Café rules” apply, the mayor said. Officials denied it, Léa added.";

    #[test]
    fn jaccard_counts_characters_over_discontinuous_ranges() {
        let map = CharMap::new(TEXT);
        // Gold "“Café" + "rules”" (discontinuous, 5 + 6 chars); prediction "Café rules” apply" (17 chars).
        let g = to_chars(TEXT, &map, &[at(TEXT, "“Café", 0), at(TEXT, "rules”", 0)]);
        let p = to_chars(TEXT, &map, &[at(TEXT, "Café rules” apply", 0)]);
        assert_eq!(len(&g), 11);
        assert_eq!(intersection(&g, &p), 10);
        assert!((jaccard(&g, &p) - 10.0 / 18.0).abs() < 1e-9);
        // Mid-character and out-of-range offsets are clamped, not panicking.
        assert_eq!(len(&to_chars(TEXT, &map, &[1..2, 1000..2000])), 1);
    }

    #[test]
    fn matching_is_one_to_one_and_dedupes() {
        let g = [gold(TEXT, Some("the mayor"), "said", "Café rules")];
        let good = pred(TEXT, Some("the mayor"), "said", "“Café rules”");
        let worse = pred(TEXT, Some("mayor"), "said", "Café rules” apply");
        let s = score_document(TEXT, &g, &[worse.clone(), good.clone()]);
        assert_eq!(counts(s.attribution), (1, 1, 0));
        assert_eq!(
            (s.missed, s.spurious),
            (vec![], vec![0]),
            "best Jaccard wins"
        );
        let s = score_document(TEXT, &g, &[good.clone(), good.clone(), good]);
        assert_eq!(counts(s.attribution), (1, 0, 0));
    }

    #[test]
    fn source_rules() {
        let no_src = [gold(TEXT, None, "denied", "it")];
        for src in [None, Some("Officials"), Some("Léa")] {
            let s = score_document(TEXT, &no_src, &[pred(TEXT, src, "denied", "it")]);
            assert_eq!(s.attribution.tp, 1, "{src:?}");
            assert_eq!(counts(s.source), (0, usize::from(src.is_some()), 0));
        }
        let with_src = [gold(TEXT, Some("Officials"), "denied", "it")];
        let s = score_document(TEXT, &with_src, &[pred(TEXT, Some("Léa"), "denied", "it")]);
        assert_eq!((s.attribution.tp, s.cue.tp, s.content.tp), (0, 1, 1));
        assert_eq!(counts(s.source), (0, 1, 1));
    }

    fn write(dir: &Path, rel: &str, body: &str) -> PathBuf {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(&path, body).expect("write");
        path
    }

    #[test]
    fn string_gold_picks_nearest_cue_and_merges_duplicates() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "Kim said it rained. Later, Lee and Park said prices “fell”, aides said.";
        write(dir.path(), "c/d1.txt", text);
        let line = r#"{"doc":"c/d1.txt","source":"Lee and Park","cue":"said","content":"prices “fell”","speaker":"X"}"#;
        let gold_path = write(
            dir.path(),
            "g.jsonl",
            &format!("{line}\n\n{}\n{line}\n", line.replace("X", "Y")),
        );
        let docs = load_string_gold(&gold_path, dir.path()).expect("loads");
        assert_eq!(
            (docs.len(), docs[0].gold.len(), docs[0].doc.id.as_str()),
            (1, 1, "d1")
        );
        let expected = GoldAttribution {
            source: vec![at(text, "Lee and Park", 0)],
            cue: vec![at(text, "said", 1)],
            content: vec![at(text, "prices “fell”", 0)],
        };
        assert_eq!(docs[0].gold[0], expected);

        let bad = write(
            dir.path(),
            "bad.jsonl",
            &format!("{line}\n{{\"doc\": oops\n"),
        );
        let e = load_string_gold(&bad, dir.path())
            .expect_err("bad JSON")
            .to_string();
        assert!(e.contains("bad.jsonl:2:"), "{e}");
        let missing = write(dir.path(), "m.jsonl", &line.replace("Lee and Park", "Moon"));
        let e = load_string_gold(&missing, dir.path())
            .expect_err("missing source")
            .to_string();
        assert!(e.contains("m.jsonl:1:") && e.contains("Moon"), "{e}");
    }

    #[test]
    fn polnear_converts_char_offsets_to_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Invented text; “ and é are multi-byte, so char and byte offsets differ.
        let text = "“Crêpes are back,” the café owner said.";
        write(dir.path(), "dev/text/b.txt", text);
        write(dir.path(), "dev/text/a.txt", "No quotes here.");
        let lines = [
            r#"{"article":"b","kind":"Attribution","source":[{"text":"","spans":[[19,33]]}],"cue":[{"text":"","spans":[[34,38]]}],"content":[{"text":"","spans":[[1,6],[8,16]]}]}"#,
            r#"{"article":"b","kind":"Attribution-no-source","source":[],"cue":[],"content":[{"text":"","spans":[[1,6]]}]}"#,
        ];
        write(
            dir.path(),
            "dev.attributions.single.jsonl",
            &lines.join("\n"),
        );
        let load = |limit| load_polnear(dir.path(), "dev", limit);
        let docs = load(None).expect("loads");
        assert_eq!(
            docs.iter().map(|d| d.doc.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(
            (docs[0].gold.len(), docs[1].gold.len(), docs[1].skipped),
            (0, 1, 1)
        );
        let g = &docs[1].gold[0];
        assert_eq!(span_text(text, &g.source), "the café owner");
        assert_eq!(span_text(text, &g.cue), "said");
        assert_eq!(span_text(text, &g.content), "Crêpe … are back");
        assert_eq!(load(Some(1)).expect("limit").len(), 1);

        write(
            dir.path(),
            "dev.attributions.single.jsonl",
            &lines[0].replace("34,38", "34,99"),
        );
        let e = load(None).expect_err("out of range").to_string();
        assert!(e.contains(":1:") && e.contains("[34, 99]"), "{e}");
    }

    #[test]
    fn report_totals_and_errors() {
        let doc = GoldDoc {
            doc: Document::new("t", TEXT),
            gold: vec![gold(TEXT, Some("Léa"), "added", "Officials denied it")],
            skipped: 2,
        };
        let r = evaluate(std::slice::from_ref(&doc), |d| {
            vec![pred(&d.text, None, "said", "Café rules")]
        });
        assert_eq!(
            (r.documents, r.gold, r.predicted, r.skipped_gold, r.chars),
            (1, 1, 1, 2, TEXT.chars().count())
        );
        assert_eq!(
            r.errors.iter().map(|e| e.kind).collect::<Vec<_>>(),
            ["missed", "spurious"]
        );
        assert_eq!(r.errors[0].source.as_deref(), Some("Léa"));
        assert!(r.to_text().contains("attribution"));
        assert_eq!(
            r.per_doc,
            [(
                "t".to_string(),
                Prf {
                    tp: 0,
                    fp: 1,
                    fn_: 1
                }
            )]
        );
        let j = r.to_json();
        assert_eq!(
            (&j["attribution"]["fn"], &j["per_doc"][0]["fp"]),
            (&json!(1), &json!(1))
        );
    }

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn real_seed_gold_loads() {
        let gold_path = root().join("../shared/gold/aleppo-2016-09.attributions.jsonl");
        let Some(corpus) = ["samples", "../shared/corpus"]
            .map(|p| root().join(p))
            .into_iter()
            .find(|p| p.join("aleppo-2016-09").is_dir())
        else {
            return eprintln!("skipping: no aleppo-2016-09 corpus");
        };
        if !gold_path.exists() {
            return eprintln!("skipping: {} absent", gold_path.display());
        }
        let docs = load_string_gold(&gold_path, &corpus).expect("seed gold loads");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].gold.len(), 21);
        let r = evaluate(&docs, |_| Vec::new());
        assert_eq!((r.gold, r.attribution.fn_), (21, 21));
    }

    #[test]
    fn real_polnear_dev_loads() {
        let dir = root().join("../shared/data/polnear");
        if !dir.join("dev").is_dir() {
            return eprintln!("skipping: {} absent", dir.display());
        }
        let docs = load_polnear(&dir, "dev", None).expect("PolNeAR dev loads");
        let gold: usize = docs.iter().map(|d| d.gold.len()).sum();
        let skipped: usize = docs.iter().map(|d| d.skipped).sum();
        assert_eq!(docs.len(), 84);
        assert!(
            (1500..3000).contains(&gold) && skipped < 20,
            "gold {gold}, skipped {skipped}"
        );
        // Predicting each gold attribution's hull should score nearly perfectly.
        let hull = |rs: &[ByteRange]| {
            rs.iter().map(|r| r.start).min().unwrap_or(0)
                ..rs.iter().map(|r| r.end).max().unwrap_or(0)
        };
        let r = evaluate(&docs, |d| {
            let gd = docs.iter().find(|g| g.doc.id == d.id).expect("own doc");
            gd.gold
                .iter()
                .map(|g| PredAttribution {
                    source: (!g.source.is_empty()).then(|| hull(&g.source)),
                    cue: hull(&g.cue),
                    content: vec![hull(&g.content)],
                    label: String::new(),
                    cue_lemma: String::new(),
                })
                .collect()
        });
        assert!(r.attribution.f1() > 0.95, "{}", r.to_text());
    }
}
