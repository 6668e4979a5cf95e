//! Core data types shared by every stage.
//!
//! Internally every stage works with **byte** ranges into a document's text (that is what Rust
//! string slicing wants). Only at the output edge are ranges turned into [`Span`]s, which carry
//! **character** (Unicode scalar value) offsets plus the text itself. [`CharMap`] does that
//! conversion in `O(log n)` per offset.

use crate::istr::IStr;
use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A byte range into a document's text.
pub type ByteRange = Range<usize>;

/// One input document: a file, a JSONL record or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name without extension, or the `id` field of a JSONL record.
    pub id: String,
    /// Where the document came from (`path`, `path:line` for JSONL, or `-`).
    pub origin: String,
    /// The full text. All offsets point into it (for files: the file as read, header included).
    pub text: String,
    /// Byte offset where the body starts (after an optional metadata header).
    pub body_start: usize,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date; weekday phrases ("on Monday") are resolved against it.
    pub date: Option<Date>,
    /// Empty for a document read from its text. For one rebuilt from a DocRecord
    /// ([`crate::records`]), `text` holds only the pieces of the original text the record
    /// carries, each after a one-byte separator: here, for each piece, the byte offset where
    /// it starts in `text` and the character offset where it starts in the original (see
    /// [`CharMap::of`]).
    pub pieces: Vec<(usize, usize)>,
}

impl Document {
    /// A document with no metadata whose body is the whole text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Document {
            origin: id.clone(),
            id,
            text: text.into(),
            body_start: 0,
            title: None,
            outlet: None,
            date: None,
            pieces: Vec::new(),
        }
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A span as it appears in output: character offsets into the document text, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A [`Span`] borrowing its text, serialized as a `Span` is (for output built only to be
/// written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SpanRef<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// Every way the spans in `output` break the offset contract for `text`: each JSON object with
/// integer `start`, `end` and a string `text` must have `start <= end <= ` the text's length in
/// characters, and its `text` must equal those characters. What the fuzz targets and property
/// tests check every output against.
pub fn span_errors(text: &str, output: &serde_json::Value) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut errors = Vec::new();
    let mut stack = vec![output];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items),
            serde_json::Value::Object(m) => {
                if let (Some(s), Some(e), Some(t)) = (
                    m.get("start").and_then(serde_json::Value::as_u64),
                    m.get("end").and_then(serde_json::Value::as_u64),
                    m.get("text").and_then(serde_json::Value::as_str),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    if s > e || e > chars.len() {
                        errors.push(format!(
                            "span {s}..{e} outside the text ({} chars)",
                            chars.len()
                        ));
                    } else if chars[s..e].iter().collect::<String>() != t {
                        errors.push(format!("span {s}..{e}: its text {t:?} is not the slice"));
                    }
                }
                stack.extend(m.values());
            }
            _ => {}
        }
    }
    errors
}

/// Converts byte offsets to character offsets for one text.
///
/// Stores, for every non-ASCII character, its byte offset and the number of "extra" bytes
/// (UTF-8 length minus one) accumulated up to and including it: a byte offset after the mark
/// is that many characters fewer. For the pieces of a document rebuilt from a record, each
/// piece's separator is a mark too, and its count can be negative (the text left out before
/// the piece).
#[derive(Debug, Clone)]
pub struct CharMap<'a> {
    text: &'a str,
    marks: Vec<(usize, isize)>,
}

/// The bytes beyond the first of the UTF-8 character `b` starts (`None` for ASCII and
/// continuation bytes): in valid UTF-8 a byte from 0xC0 up starts a character of 2, 3 or 4 bytes.
fn extra_bytes(b: u8) -> Option<isize> {
    match b {
        0xF0.. => Some(3),
        0xE0.. => Some(2),
        0xC0.. => Some(1),
        _ => None,
    }
}

impl<'a> CharMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0;
        // on bytes, not chars (no decoding): in valid UTF-8 a byte from 0xC0 up starts a
        // character of 2, 3 or 4 bytes, and every other byte is ASCII or a continuation
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if let Some(n) = extra_bytes(b) {
                extra += n;
                marks.push((i, extra));
            }
        }
        CharMap { text, marks }
    }

    /// The map of a document's text: [`CharMap::new`], or for a document rebuilt from a
    /// record (its `pieces`), offsets into the original text.
    pub fn of(doc: &'a Document) -> Self {
        if doc.pieces.is_empty() {
            return CharMap::new(&doc.text);
        }
        let text = doc.text.as_str();
        let mut marks = Vec::with_capacity(doc.pieces.len());
        let mut extra: isize = 0;
        let mut next = doc.pieces.iter().peekable();
        for (i, &b) in text.as_bytes().iter().enumerate() {
            // the separator before a piece: the piece's first byte is its original character
            if let Some(&&(at, orig)) = next.peek() {
                if at == i + 1 {
                    extra = at as isize - orig as isize;
                    marks.push((i, extra));
                    next.next();
                    continue;
                }
            }
            if let Some(n) = extra_bytes(b) {
                extra += n;
                marks.push((i, extra));
            }
        }
        CharMap { text, marks }
    }

    /// Character offset of a byte offset (which must lie on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Number of multi-byte chars starting strictly before `byte`.
        let n = self.marks.partition_point(|&(pos, _)| pos < byte);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        (byte as isize - extra) as usize
    }

    /// [`CharMap::span`] without copying the text.
    pub fn span_ref(&self, range: &ByteRange) -> SpanRef<'a> {
        SpanRef {
            start: self.char_offset(range.start),
            end: self.char_offset(range.end),
            text: &self.text[range.clone()],
        }
    }

    pub fn span(&self, range: &ByteRange) -> Span {
        Span {
            start: self.char_offset(range.start),
            end: self.char_offset(range.end),
            text: self.text[range.clone()].to_string(),
        }
    }
}

/// The type of a reporting cue, from the cue lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueType {
    Assert,
    Deny,
    Accuse,
    Hedge,
    Concede,
    Perceive,
    Announce,
}

impl CueType {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "assert" => CueType::Assert,
            "deny" => CueType::Deny,
            "accuse" => CueType::Accuse,
            "hedge" => CueType::Hedge,
            "concede" => CueType::Concede,
            "perceive" => CueType::Perceive,
            "announce" => CueType::Announce,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            CueType::Assert => "assert",
            CueType::Deny => "deny",
            CueType::Accuse => "accuse",
            CueType::Hedge => "hedge",
            CueType::Concede => "concede",
            CueType::Perceive => "perceive",
            CueType::Announce => "announce",
        }
    }
}

/// How strongly the source commits to the content (after FactBank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Commitment {
    Certain,
    Probable,
    Possible,
}

impl Commitment {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "certain" => Commitment::Certain,
            "probable" => Commitment::Probable,
            "possible" => Commitment::Possible,
            _ => return None,
        })
    }
    /// One step weaker.
    pub fn weaken(self) -> Self {
        match self {
            Commitment::Certain => Commitment::Probable,
            _ => Commitment::Possible,
        }
    }
}

/// Whether the source affirms or rejects the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Assert,
    Deny,
}

/// Direct (entirely quoted), indirect (paraphrase) or mixed (paraphrase containing quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

/// What sort of entity a source is; used for pronoun compatibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Group,
    Place,
    Unknown,
}

impl EntityKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => EntityKind::Person,
            "org" => EntityKind::Org,
            "group" => EntityKind::Group,
            "place" => EntityKind::Place,
            "unknown" => EntityKind::Unknown,
            _ => return None,
        })
    }
}

/// How a speaker's name was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "how")]
pub enum Resolution {
    /// The source span names the speaker itself.
    Named,
    /// A pronoun resolved to an earlier speaker or named person.
    Pronoun { pronoun: String },
    /// A generic role noun ("the military source") resolved through the document's context.
    Context { mention: String },
    /// A pronoun or role noun the text never resolves; kept explicitly unresolved.
    Unresolved { mention: String },
    /// No source at all ("reportedly", "it was reported that").
    Sourceless,
}

/// The normalized speaker of an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Speaker {
    /// Normalized speaker name ("Syrian army", "Yasser al-Yousef"); `None` when unresolved.
    pub name: Option<IStr>,
    /// The party the speaker belongs to, when known ("Syrian government").
    pub party: Option<IStr>,
    pub kind: EntityKind,
    pub resolution: Resolution,
    /// How the party was reached and the words that decided it; absent without a party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<PartyLink>,
    /// The news outlet that passed the words on ("X reported that the ministry said C"): it
    /// carries the claim and is not its speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<IStr>,
}

/// How a speaker's party was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkHow {
    /// An alias of `parties.tsv` in the source phrase.
    Alias,
    /// An organization's name read from the text ("the Sudanese Doctors Network").
    Discovered,
    /// An owner read from the text: "the Hamas-run health ministry", "Ruritania's army".
    Affiliation,
    /// A role noun resolved through the document ("military spokesman Jan Doe").
    Role,
    /// An earlier speaker of the same document with the same name ("Doe" after "Jan Doe").
    Earlier,
    /// The party the document is a statement of, named at its head ("Statement of X"): its
    /// own voice, "we" and "the statement" (see `extract::issuer`).
    Issuer,
}

/// How a party was reached, with the words that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartyLink {
    pub how: LinkHow,
    pub words: IStr,
}

impl PartyLink {
    pub fn new(how: LinkHow, words: impl Into<String>) -> Self {
        PartyLink {
            how,
            words: IStr::from(words.into()),
        }
    }
}

impl Speaker {
    /// The label to show for this speaker: the party, else the name, else `unresolved`.
    pub fn label(&self) -> &str {
        self.party
            .as_deref()
            .or(self.name.as_deref())
            .unwrap_or("(unresolved)")
    }
}

/// A publication-relative time reference: "on Monday", "late Saturday", "19 September".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TimeRef {
    /// The phrase as written.
    pub phrase: IStr,
    /// Weekday named in the phrase, if any (`Monday` ...).
    pub weekday: Option<IStr>,
    /// Calendar date, when the phrase or the publication date fixes it.
    pub date: Option<Date>,
    /// Part of day: `early`, `late`, `morning`, `night`...
    pub part: Option<IStr>,
    /// Last day of a period ("last week", "since July", "in July"): the reference then covers
    /// `date..=until` instead of one day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl TimeRef {
    /// The days the reference covers: one day, a period, or none when it has no date.
    pub fn period(&self) -> Option<(Date, Date)> {
        self.date.map(|d| (d, self.until.unwrap_or(d).max(d)))
    }

    /// The day, when the reference names exactly one.
    pub fn day(&self) -> Option<Date> {
        self.date.filter(|_| self.until.is_none())
    }
}

/// A casualty count as a closed interval; `hi == None` means unbounded above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interval {
    pub lo: u64,
    pub hi: Option<u64>,
}

impl Interval {
    pub fn exact(n: u64) -> Self {
        Interval { lo: n, hi: Some(n) }
    }
    pub fn overlaps(&self, other: &Interval) -> bool {
        let a_hi = self.hi.unwrap_or(u64::MAX);
        let b_hi = other.hi.unwrap_or(u64::MAX);
        self.lo <= b_hi && other.lo <= a_hi
    }
    pub fn describe(&self) -> String {
        match self.hi {
            Some(h) if h == self.lo => format!("{}", self.lo),
            Some(h) => format!("{}–{}", self.lo, h),
            None => format!("≥{}", self.lo),
        }
    }
}
