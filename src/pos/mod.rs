//! Part-of-speech tagging: a greedy left-to-right averaged perceptron (Collins 2002, with the
//! features of Honnibal's "A good part-of-speech tagger in about 200 lines of Python") over Penn
//! Treebank tags, trained on UD English EWT (`gainsay train pos`).
//!
//! Features are hashed to 64-bit keys (template and value), so the model file holds numbers, a
//! tag list and a dictionary of frequent unambiguous EWT words. The shipped model,
//! `resources/pos-ewt.model`, is under CC BY-SA 4.0 (see `resources/pos-ewt.NOTICE`); it is
//! compiled in and parsed once, the first time a tagger is asked for ([`builtin`]), and a
//! `pos-ewt.model` in a `--resources` directory replaces it.
//!
//! The project's tokenizer differs from EWT's: hyphenated words ("well-known") and contractions
//! other than "n't" and "'s" ("I'm") stay one token. Training also sees such merged tokens (see
//! [`train::merge_for_project`]), and [`Tagger::tag_tokens`] tags quotation marks by their kind.

pub mod tag;
pub mod train;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub use tag::{Tag, Upos};

use crate::segment::{TokKind, Token};

/// The shipped model's text.
pub const BUILTIN_MODEL: &str = include_str!("../../resources/pos-ewt.model");
/// The name a `--resources` directory gives a replacement model.
pub const MODEL_FILE: &str = "pos-ewt.model";

/// The built-in tagger, parsed on first use.
pub fn builtin() -> &'static Tagger {
    static CELL: OnceLock<Tagger> = OnceLock::new();
    CELL.get_or_init(|| Tagger::parse(BUILTIN_MODEL).expect("the built-in POS model parses"))
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// SplitMix64's finalizer.
#[inline]
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a over the bytes, then mixed.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

#[inline]
fn key(template: u64, value: u64) -> u64 {
    mix(value ^ (template + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b)
}

/// How many features [`features`] gives each token.
pub const N_FEATURES: usize = 29;

/// The per-token values the features are built from, hashed once per token.
#[derive(Clone, Copy, Default)]
pub(crate) struct Cues {
    word: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    shape: u64,
    /// The exact form (for the tag dictionary).
    exact: u64,
    /// Quotation marks (`"`, `'`, `` ` ``-like tokens) before this token in the sentence.
    quotes_before: u64,
}

/// The normalized form: lower case, digits as `0`, curly quotes straight.
fn normalize(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '0'..='9' => out.push('0'),
            '’' | '‘' => out.push('\''),
            '“' | '”' | '„' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The exact form with curly quotes straightened (the tag dictionary's key).
fn exact_form(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(
            word.chars()
                .map(|c| match c {
                    '’' | '‘' => '\'',
                    '“' | '”' | '„' => '"',
                    c => c,
                })
                .collect(),
        )
    }
}

/// The word's shape: `X` upper, `x` lower, `d` digit, other characters as themselves, runs of
/// one class collapsed ("Washington" `Xx`, "U.S." `X.X.`, "1,500" `d,d`).
fn shape_hash(word: &str) -> u64 {
    let mut s = String::with_capacity(8);
    let mut last = '\0';
    for c in word.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
    }
    hash_str(&s)
}

pub(crate) fn cues_of(words: &[&str]) -> Vec<Cues> {
    let mut norm = String::new();
    let mut quotes = 0u64;
    words
        .iter()
        .map(|w| {
            let quotes_before = quotes;
            if is_quote_token(w) {
                quotes += 1;
            }
            normalize(w, &mut norm);
            let chars: Vec<(usize, char)> = norm.char_indices().collect();
            let n = chars.len();
            let suffix = |k: usize| -> &str {
                if n <= k {
                    &norm
                } else {
                    &norm[chars[n - k].0..]
                }
            };
            let prefix = |k: usize| -> &str { if n <= k { &norm } else { &norm[..chars[k].0] } };
            Cues {
                word: hash_str(&norm),
                suf: [
                    hash_str(suffix(1)),
                    hash_str(suffix(2)),
                    hash_str(suffix(3)),
                    hash_str(suffix(4)),
                ],
                pre: [
                    hash_str(prefix(1)),
                    hash_str(prefix(2)),
                    hash_str(prefix(3)),
                ],
                shape: shape_hash(w),
                exact: hash_str(&exact_form(w)),
                quotes_before,
            }
        })
        .collect()
}

/// A quotation mark token, of either direction.
fn is_quote_token(w: &str) -> bool {
    matches!(
        w,
        "\"" | "``" | "''" | "'" | "`" | "“" | "”" | "‘" | "’" | "„" | "«" | "»" | "‘’" | "’’"
    )
}

/// Padding values before and after the sentence.
const START: [u64; 2] = [0x5741_5254_0001, 0x5741_5254_0002];
const END: [u64; 2] = [0x454e_4400_0001, 0x454e_4400_0002];
/// The "tag" before the first word.
const NO_TAG: u64 = 255;

/// The feature keys of token `i` given the two previous predicted tags (`NO_TAG` at the start).
pub(crate) fn features(cues: &[Cues], i: usize, p1: u64, p2: u64) -> [u64; N_FEATURES] {
    let c = &cues[i];
    let word_at = |j: isize| -> u64 {
        if j < 0 {
            START[(-j - 1) as usize]
        } else if j as usize >= cues.len() {
            END[j as usize - cues.len()]
        } else {
            cues[j as usize].word
        }
    };
    let at = |j: isize, f: fn(&Cues) -> u64| -> u64 {
        if j < 0 || j as usize >= cues.len() {
            word_at(j)
        } else {
            f(&cues[j as usize])
        }
    };
    let i = i as isize;
    [
        key(0, 0),
        key(1, c.word),
        key(2, c.suf[0]),
        key(3, c.suf[1]),
        key(4, c.suf[2]),
        key(5, c.suf[3]),
        key(6, c.pre[0]),
        key(7, c.pre[1]),
        key(8, c.pre[2]),
        key(9, c.shape),
        key(10, p1),
        key(11, p2),
        key(12, p1 * 256 + p2),
        key(13, pair(p1, c.word)),
        key(14, word_at(i - 1)),
        key(15, at(i - 1, |c| c.suf[2])),
        key(16, word_at(i - 2)),
        key(17, word_at(i + 1)),
        key(18, at(i + 1, |c| c.suf[2])),
        key(19, word_at(i + 2)),
        key(20, at(i + 1, |c| c.shape)),
        key(21, at(i - 1, |c| c.shape)),
        key(22, pair(word_at(i - 1), c.word)),
        key(23, pair(c.word, word_at(i + 1))),
        key(24, pair(u64::from(i == 0), c.shape)),
        key(25, pair(c.quotes_before & 1, c.word)),
        key(26, pair(p1, c.suf[2])),
        key(27, pair(word_at(i + 1), word_at(i + 2))),
        key(28, pair(c.shape, at(i + 1, |c| c.suf[1]))),
    ]
}

/// A malformed model file.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ModelError {
    pub line: usize,
    pub message: String,
}

/// A trained tagger: hashed feature weights per tag and a dictionary of unambiguous words.
pub struct Tagger {
    /// Feature key → range into `weights`.
    index: IdMap<(u32, u32)>,
    /// (tag index, weight) pairs, grouped by feature.
    weights: Vec<(u8, i32)>,
    /// Exact form (hashed) → its only tag.
    dict: IdMap<Tag>,
    /// The model's tags, by the indices `weights` uses.
    tags: Vec<Tag>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("features", &self.index.len())
            .field("weights", &self.weights.len())
            .field("dict", &self.dict.len())
            .finish()
    }
}

impl Tagger {
    /// Parses a model file (the format [`train::Model::to_text`] writes).
    pub fn parse(text: &str) -> Result<Tagger, ModelError> {
        let err = |line: usize, message: String| ModelError { line, message };
        let mut t = Tagger {
            index: IdMap::default(),
            weights: Vec::new(),
            dict: IdMap::default(),
            tags: Vec::new(),
        };
        let mut seen_header = false;
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let kind = f.next().unwrap_or("");
            match kind {
                "gainsay-pos" => {
                    if f.next() != Some("1") {
                        return Err(err(n, "unknown model version".into()));
                    }
                    seen_header = true;
                }
                "tags" => {
                    for s in f {
                        let tag =
                            Tag::parse(s).ok_or_else(|| err(n, format!("unknown tag `{s}`")))?;
                        t.tags.push(tag);
                    }
                    if t.tags.is_empty() || t.tags.len() > 255 {
                        return Err(err(n, "bad tag list".into()));
                    }
                }
                "d" => {
                    let (Some(word), Some(tag), None) = (f.next(), f.next(), f.next()) else {
                        return Err(err(n, "a dictionary line is `d WORD TAG`".into()));
                    };
                    let tag =
                        Tag::parse(tag).ok_or_else(|| err(n, format!("unknown tag `{tag}`")))?;
                    t.dict.insert(hash_str(&exact_form(word)), tag);
                }
                "f" => {
                    let Some(k) = f.next() else {
                        return Err(err(n, "a feature line is `f KEY TAG:WEIGHT...`".into()));
                    };
                    let k = u64::from_str_radix(k, 16)
                        .map_err(|_| err(n, format!("bad feature key `{k}`")))?;
                    let start = t.weights.len() as u32;
                    for tw in f {
                        let (ti, w) = tw
                            .split_once(':')
                            .and_then(|(a, b)| {
                                Some((a.parse::<u8>().ok()?, b.parse::<i32>().ok()?))
                            })
                            .ok_or_else(|| err(n, format!("bad weight `{tw}`")))?;
                        if usize::from(ti) >= t.tags.len() {
                            return Err(err(n, format!("tag index {ti} out of range")));
                        }
                        t.weights.push((ti, w));
                    }
                    let end = t.weights.len() as u32;
                    if t.index.insert(k, (start, end)).is_some() {
                        return Err(err(n, format!("duplicate feature key `{k:016x}`")));
                    }
                }
                other => return Err(err(n, format!("unknown line kind `{other}`"))),
            }
        }
        if !seen_header {
            return Err(err(
                1,
                "not a gainsay POS model (no `gainsay-pos 1` line)".into(),
            ));
        }
        if t.tags.is_empty() {
            return Err(err(1, "the model has no `tags` line".into()));
        }
        Ok(t)
    }

    /// How many weighted features the model holds.
    pub fn feature_count(&self) -> usize {
        self.index.len()
    }

    fn best(&self, feats: &[u64; N_FEATURES], scores: &mut [i64]) -> usize {
        scores.iter_mut().for_each(|s| *s = 0);
        for k in feats {
            if let Some(&(a, b)) = self.index.get(k) {
                for &(ti, w) in &self.weights[a as usize..b as usize] {
                    scores[ti as usize] += i64::from(w);
                }
            }
        }
        let mut best = 0;
        for (i, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = i;
            }
        }
        best
    }

    /// Tags a sentence of words (EWT-style tokens or the project's).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let cues = cues_of(words);
        let mut scores = vec![0i64; self.tags.len()];
        let mut out = Vec::with_capacity(words.len());
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 0..words.len() {
            let tag = match self.dict.get(&cues[i].exact) {
                Some(&t) => t,
                None => {
                    let feats = features(&cues, i, p1, p2);
                    self.tags[self.best(&feats, &mut scores)]
                }
            };
            out.push(tag);
            p2 = p1;
            p1 = tag.index() as u64;
        }
        out
    }

    /// Tags the project's tokens of one sentence without their text: each word's case is
    /// rebuilt from its lower-cased form and its capital flags (exact but for mixed case such
    /// as "McCain", which reads "Mccain").
    pub fn tag_lowered(&self, toks: &[Token]) -> Vec<Tag> {
        let owned: Vec<String> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::OpenQuote | TokKind::CloseQuote => "\"".to_string(),
                _ if t.upper => t.lower.to_uppercase(),
                _ if t.cap => {
                    let mut c = t.lower.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                }
                _ => t.lower.clone(),
            })
            .collect();
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let mut tags = self.tag(&words);
        for (t, tag) in toks.iter().zip(tags.iter_mut()) {
            match t.kind {
                TokKind::OpenQuote => *tag = Tag::OpenQuote,
                TokKind::CloseQuote => *tag = Tag::CloseQuote,
                _ => {}
            }
        }
        tags
    }

    /// Tags the project's tokens of one sentence (`text` is the text their ranges index):
    /// quotation marks are tagged by their kind (`` `` `` opening, `''` closing), so that the
    /// tokenizer's pairing, not the tagger's guess, decides them.
    pub fn tag_tokens(&self, text: &str, toks: &[Token]) -> Vec<Tag> {
        let words: Vec<&str> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::OpenQuote | TokKind::CloseQuote => "\"",
                _ => text.get(t.range.clone()).unwrap_or(""),
            })
            .collect();
        let mut tags = self.tag(&words);
        for (t, tag) in toks.iter().zip(tags.iter_mut()) {
            match t.kind {
                TokKind::OpenQuote => *tag = Tag::OpenQuote,
                TokKind::CloseQuote => *tag = Tag::CloseQuote,
                _ => {}
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape_hash("Washington"), hash_str("Xx"));
        assert_eq!(shape_hash("U.S."), hash_str("X.X."));
        assert_eq!(shape_hash("1,500"), hash_str("d,d"));
    }

    #[test]
    fn normalized_forms() {
        let mut s = String::new();
        normalize("Don’t", &mut s);
        assert_eq!(s, "don't");
        normalize("1,500", &mut s);
        assert_eq!(s, "0,000");
    }

    #[test]
    fn a_bad_model_names_its_line() {
        let e = Tagger::parse("gainsay-pos\t1\ntags\tNN\tVB\nf\tzz\t0:1\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(Tagger::parse("tags\tNN\n").is_err());
        assert!(Tagger::parse("gainsay-pos\t1\ntags\tNN\nf\t1\t5:3\n").is_err());
    }

    #[test]
    fn the_builtin_model_tags_news() {
        let t = builtin();
        if t.feature_count() == 0 {
            return; // no model shipped yet
        }
        let tags = t.tag(&[
            "The",
            "State",
            "Department",
            "said",
            "Russia",
            "carried",
            "out",
            "the",
            "strike",
            ".",
        ]);
        assert_eq!(tags[3], Tag::VBD, "{tags:?}");
        assert_eq!(tags[8], Tag::NN, "{tags:?}");
        let tags = t.tag(&[
            "He", "states", "that", "the", "United", "States", "denies", "it", ".",
        ]);
        assert_eq!(tags[1], Tag::VBZ, "{tags:?}");
        assert_eq!(tags[5], Tag::NNPS, "{tags:?}");
        let tags = t.tag(&["Several", "states", "have", "voted", "."]);
        assert_eq!(tags[1], Tag::NNS, "{tags:?}");
    }
}
