//! DocRecords: everything `check`, `audit`, `compare` and `graph` read of one document, as one
//! JSON line, so that they can run from records instead of texts (`gainsay extract --format
//! records`, then `gainsay check --records FILE...`). The format is documented in
//! `docs/schema.md` ("DocRecords") and versioned by [`RECORD_VERSION`].
//!
//! A record holds the document's metadata and status, every sentence (character range, text,
//! word count, headline flag, lower-cased words), every attribution with its speakers and
//! every proposition (own voice included), each span as character offsets with its text, and
//! the fingerprint of the resources it was extracted with
//! ([`crate::lexicon::Lexicon::fingerprint`]).
//!
//! Reading a record rebuilds the [`Extraction`] that `check` keeps after extraction (compacted,
//! without tokens), so the graph, the rules and the reports run unchanged: its text holds only
//! the pieces of the original text the record's spans cover (each after a one-byte separator),
//! and [`Document::pieces`] maps them back to the original character offsets
//! ([`crate::model::CharMap::of`]). Sentences nothing was read from keep their text only when
//! the command needs it ([`Needs`]): the audit lists them, the check does not.
//!
//! This module does no I/O: the binary reads the lines and writes them.

use serde::{Deserialize, Serialize};

use crate::extract::{Attribution, Extraction, Layout, PropKind, Proposition};
use crate::ingest::DocStatus;
use crate::model::{
    ByteRange, CharMap, Commitment, CueType, Document, Polarity, QuoteKind, Span, SpanRef, Speaker,
};
use crate::segment::{Segmented, Sentence};

/// The record format's version: a minor version adds fields, a major one changes them. A
/// reader accepts every record of its major version.
pub const RECORD_VERSION: &str = "1.7";

/// The readings of the learned layer (`extract::learned`) an attribution's `learned` field may
/// name.
const LEARNED_READINGS: [&str; 8] = [
    "rule",
    "no-extra",
    "to-end",
    "from-cue",
    "from-cue-to-end",
    "from-start",
    "to-comma",
    "next-sents",
];

// ---------------------------------------------------------------- writing

#[derive(Serialize)]
struct Header<'a> {
    record_version: &'static str,
    seq: usize,
    fingerprint: &'a str,
    #[serde(flatten)]
    status: &'a DocStatus,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    /// The party the document is a statement of (record version 1.6).
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a crate::model::Speaker>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    /// The document's interaction keys ([`crate::decompose::interaction_keys`], record
    /// version 1.1): documents that share none can be checked apart.
    keys: Vec<String>,
    sentences: Vec<SentenceOut<'a>>,
    attributions: Vec<AttributionOut<'a>>,
    propositions: Vec<PropositionOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    #[serde(flatten)]
    span: SpanRef<'a>,
    paragraph: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    headline: bool,
    words: usize,
    lower: String,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    sentence: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SpanRef<'a>>,
    cue: SpanRef<'a>,
    content: SpanRef<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    continuation: Vec<SpanRef<'a>>,
    cue_lemma: &'a str,
    cue_type: CueType,
    polarity: Polarity,
    commitment: Commitment,
    negated: bool,
    kind: QuoteKind,
    layout: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    learned: Option<&'static str>,
    speakers: &'a [Speaker],
    #[serde(skip_serializing_if = "Option::is_none")]
    relays: Option<usize>,
}

#[derive(Serialize)]
struct PropositionOut<'a> {
    sentence: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<usize>,
    #[serde(flatten)]
    kind: &'a PropKind,
    negated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    hedge: Option<Commitment>,
    evidence: SpanRef<'a>,
}

/// The part of a processed document's record that its extraction gives (everything but the
/// header: version, sequence number, fingerprint and status), as a JSON object. Needs the
/// extraction with its tokens (for the sentences' words). Computed where the document was
/// extracted; [`record_line`] completes it. `lx` gives the interaction keys.
pub fn body_json(x: &Extraction, lx: &crate::lexicon::Lexicon) -> Vec<u8> {
    let cm = CharMap::of(&x.doc);
    let sentences = (0..x.seg.sentences.len())
        .map(|s| {
            let st = &x.seg.sentences[s];
            SentenceOut {
                span: cm.span_ref(&st.range),
                paragraph: st.paragraph,
                headline: st.headline,
                words: st.words,
                lower: x.seg.sentence_words(s).join(" "),
            }
        })
        .collect();
    let attributions = x
        .attributions
        .iter()
        .map(|a| AttributionOut {
            sentence: a.sentence,
            source: a.source.as_ref().map(|r| cm.span_ref(r)),
            cue: cm.span_ref(&a.cue),
            content: cm.span_ref(&a.content),
            continuation: a.continuation.iter().map(|r| cm.span_ref(r)).collect(),
            cue_lemma: &a.cue_lemma,
            cue_type: a.cue_type,
            polarity: a.polarity,
            commitment: a.commitment,
            negated: a.negated,
            kind: a.kind,
            layout: a.layout.id(),
            learned: a.learned,
            speakers: &a.speakers,
            relays: a.relays,
        })
        .collect();
    let propositions = x
        .propositions
        .iter()
        .map(|p| PropositionOut {
            sentence: p.sentence,
            attribution: p.attribution,
            kind: &p.kind,
            negated: p.negated,
            hedge: p.hedge,
            evidence: cm.span_ref(&p.bytes),
        })
        .collect();
    let body = Body {
        title: x.doc.title.as_deref(),
        outlet: x.doc.outlet.as_deref(),
        issuer: x.issuer.as_ref(),
        date: x.doc.date.map(|d| d.to_string()),
        keys: crate::decompose::interaction_keys(x, lx),
        sentences,
        attributions,
        propositions,
    };
    // plain data into memory: cannot fail
    serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec())
}

/// One record line (with its line end): the header of the document's `status` (its
/// sequence number `seq` in the run, counting every input document from 0) and, for a
/// processed document, its [`body_json`].
pub fn record_line(
    seq: usize,
    fingerprint: &str,
    status: &DocStatus,
    body: Option<&[u8]>,
) -> Vec<u8> {
    let header = Header {
        record_version: RECORD_VERSION,
        seq,
        fingerprint,
        status,
    };
    let mut line = serde_json::to_vec(&header).unwrap_or_default();
    if let Some(body) = body.filter(|b| b.len() > 2) {
        line.pop(); // the header's closing brace
        line.push(b',');
        line.extend_from_slice(&body[1..]);
    }
    line.push(b'\n');
    line
}

/// A line for a problem with the inputs themselves (a directory that cannot be listed): the
/// `input_errors` of `check`'s output.
pub fn input_error_line(fingerprint: &str, error: &str) -> Vec<u8> {
    let mut line = serde_json::to_vec(&serde_json::json!({
        "record_version": RECORD_VERSION,
        "fingerprint": fingerprint,
        "input_error": error,
    }))
    .unwrap_or_default();
    line.push(b'\n');
    line
}

// ---------------------------------------------------------------- reading

/// What the command reading the records needs beyond what `check` reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// The text of every sentence (the audit lists the sentences nothing was read from); without
    /// it, only the sentences holding an attribution or a proposition keep their text.
    pub all_sentences: bool,
    /// The sentences' words (the audit's wire-copy comparison).
    pub words: bool,
}

/// What one record line holds.
#[derive(Debug)]
pub enum Parsed {
    /// A document: its status and, when processed, its extraction.
    Doc(DocStatus, Option<Box<Extraction>>),
    /// A problem with the extracting run's inputs.
    InputError(String),
}

/// Why a record line was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The line is not a valid record: it is reported and the other lines are read.
    Bad(String),
    /// The records cannot be read with this build or these resources (another major version,
    /// another fingerprint): the run stops.
    Fatal(String),
}

#[derive(Deserialize)]
struct RecordIn {
    record_version: String,
    fingerprint: String,
    #[serde(default)]
    input_error: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    issuer: Option<crate::model::Speaker>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    sentences: Vec<SentenceIn>,
    #[serde(default)]
    attributions: Vec<AttributionIn>,
    #[serde(default)]
    propositions: Vec<PropositionIn>,
}

#[derive(Deserialize)]
struct SentenceIn {
    start: usize,
    end: usize,
    text: String,
    #[serde(default)]
    paragraph: usize,
    #[serde(default)]
    headline: bool,
    #[serde(default)]
    words: usize,
    #[serde(default)]
    lower: String,
}

#[derive(Deserialize)]
struct AttributionIn {
    sentence: usize,
    #[serde(default)]
    source: Option<Span>,
    cue: Span,
    content: Span,
    #[serde(default)]
    continuation: Vec<Span>,
    cue_lemma: crate::istr::IStr,
    cue_type: CueType,
    polarity: Polarity,
    commitment: Commitment,
    negated: bool,
    kind: QuoteKind,
    layout: String,
    #[serde(default)]
    learned: Option<String>,
    speakers: Vec<Speaker>,
    #[serde(default)]
    relays: Option<usize>,
}

#[derive(Deserialize)]
struct PropositionIn {
    sentence: usize,
    #[serde(default)]
    attribution: Option<usize>,
    #[serde(flatten)]
    kind: PropKind,
    negated: bool,
    #[serde(default)]
    hedge: Option<Commitment>,
    evidence: Span,
}

/// Reads one record line. `fingerprint` is the resources' (`Lexicon::fingerprint`): a record
/// extracted with others is a [`RecordError::Fatal`] error.
pub fn parse_record(line: &str, fingerprint: &str, needs: Needs) -> Result<Parsed, RecordError> {
    let r: RecordIn = serde_json::from_str(line).map_err(|e| {
        // a record of another major version may not parse as this one: say so first
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => match v.get("record_version").and_then(|x| x.as_str()) {
                Some(ver) if !same_major(ver) => RecordError::Fatal(version_message(ver)),
                _ => RecordError::Bad(format!("not a DocRecord: {e}")),
            },
            Err(_) => RecordError::Bad(format!("invalid JSON: {e}")),
        }
    })?;
    if !same_major(&r.record_version) {
        return Err(RecordError::Fatal(version_message(&r.record_version)));
    }
    if r.fingerprint != fingerprint {
        return Err(RecordError::Fatal(format!(
            "the record was extracted with other resources (fingerprint {}) than the ones in \
             effect ({fingerprint}): check with the same --resources (and --resources-replace) \
             as the extraction, or extract again",
            r.fingerprint
        )));
    }
    if let Some(e) = r.input_error {
        return Ok(Parsed::InputError(e));
    }
    let bad = |m: String| RecordError::Bad(m);
    let id = r.id.ok_or_else(|| bad("record has no `id`".into()))?;
    let origin = r
        .origin
        .ok_or_else(|| bad("record has no `origin`".into()))?;
    let status = match r.status.as_deref() {
        Some("processed") => "processed",
        Some("skipped") => "skipped",
        Some(s) => return Err(bad(format!("unknown status `{s}`"))),
        None => return Err(bad("record has no `status`".into())),
    };
    let st = DocStatus {
        id: id.clone(),
        origin: origin.clone(),
        status,
        reason: r.reason,
        warnings: r.warnings,
    };
    if status != "processed" {
        return Ok(Parsed::Doc(st, None));
    }
    let date = match r.date.as_deref() {
        None => None,
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .map_err(|_| bad(format!("`date` is not a date: {d:?}")))?,
        ),
    };
    let mut doc = Document::new(id, String::new());
    doc.origin = origin;
    doc.title = r.title;
    doc.outlet = r.outlet;
    doc.date = date;
    let mut x = rebuild(doc, r.sentences, r.attributions, r.propositions, needs).map_err(bad)?;
    x.issuer = r.issuer;
    Ok(Parsed::Doc(st, Some(Box::new(x))))
}

/// Gathers parsed record lines, in input order, into what reading the reports gives: every
/// document's status, the processed documents' extractions, and the input errors (bad lines,
/// and those the extracting run recorded). Records of several runs may share an id: a repeated
/// id is renamed as ingest renames it (`id~2`, with a warning). The CLI's `--records` and the
/// Python package read records through it.
#[derive(Debug, Default)]
pub struct Collector {
    pub ing: crate::ingest::Ingested,
    pub xs: Vec<Extraction>,
    seen: std::collections::HashMap<String, usize>,
}

/// What [`Collector::take`] took from a line.
#[derive(Debug)]
pub enum Taken<'a> {
    /// An input error (already in `ing.errors`).
    Error(&'a str),
    /// A document's status (already in `ing.status`), and whether it was processed.
    Doc(&'a DocStatus, bool),
}

impl Collector {
    /// Takes the parse of the record at `at` (`file:line`). A [`RecordError::Fatal`] error is
    /// returned, naming `at`: the run stops.
    pub fn take(&mut self, at: &str, r: Result<Parsed, RecordError>) -> Result<Taken<'_>, String> {
        match r {
            Err(RecordError::Fatal(m)) => Err(format!("{at}: {m}")),
            Err(RecordError::Bad(m)) => Ok(self.error(format!("{at}: bad record: {m}"))),
            Ok(Parsed::InputError(e)) => Ok(self.error(e)),
            Ok(Parsed::Doc(mut st, x)) => {
                let n = self.seen.entry(st.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    let new_id = format!("{}~{}", st.id, n);
                    st.warnings.push(format!(
                        "duplicate document id `{}`; renamed to `{new_id}`",
                        st.id
                    ));
                    st.id = new_id;
                }
                let processed = x.is_some();
                if let Some(mut x) = x {
                    x.doc.id.clone_from(&st.id);
                    self.xs.push(*x);
                }
                self.ing.status.push(st);
                let st = self.ing.status.last().expect("just pushed");
                Ok(Taken::Doc(st, processed))
            }
        }
    }

    /// Records an input error.
    pub fn error(&mut self, e: String) -> Taken<'_> {
        self.ing.errors.push(e);
        Taken::Error(self.ing.errors.last().expect("just pushed"))
    }
}

fn same_major(version: &str) -> bool {
    version.split('.').next() == RECORD_VERSION.split('.').next()
}

fn version_message(version: &str) -> String {
    format!(
        "record_version {version} cannot be read by this gainsay (it reads {}.x): extract again \
         with this version",
        RECORD_VERSION.split('.').next().unwrap_or("1")
    )
}

/// A piece of the original text a record carries.
struct Piece {
    /// Character range in the original text.
    start: usize,
    end: usize,
    /// Byte offset in the rebuilt text.
    at: usize,
    /// Byte offset (from `at`) of each character, and of the end; empty for ASCII.
    chars: Vec<usize>,
}

/// The rebuilt text: the pieces of the original the spans cover.
struct Pieces {
    text: String,
    pieces: Vec<Piece>,
}

impl Pieces {
    /// Joins the spans (character ranges with their text) into pieces: overlapping or touching
    /// spans share one; each piece follows a one-byte separator.
    fn build(mut spans: Vec<(usize, usize, &str)>) -> Result<Pieces, String> {
        for &(s, e, t) in &spans {
            if s > e || t.chars().count() != e - s {
                return Err(format!(
                    "span {s}..{e}: its text has {} characters",
                    t.chars().count()
                ));
            }
        }
        spans.sort_unstable_by_key(|&(s, e, _)| (s, e));
        let mut text = String::new();
        let mut pieces: Vec<Piece> = Vec::new();
        for &(s, e, t) in &spans {
            match pieces.last_mut() {
                Some(p) if s <= p.end => {
                    if e > p.end {
                        let skip = p.end - s;
                        let from = t.char_indices().nth(skip).map_or(t.len(), |(b, _)| b);
                        text.push_str(&t[from..]);
                        p.end = e;
                    }
                }
                _ => {
                    text.push('\n');
                    pieces.push(Piece {
                        start: s,
                        end: e,
                        at: text.len(),
                        chars: Vec::new(),
                    });
                    text.push_str(t);
                }
            }
        }
        // character offsets of the pieces that are not ASCII
        for i in 0..pieces.len() {
            let end = pieces.get(i + 1).map_or(text.len(), |n| n.at - 1);
            let piece = &text[pieces[i].at..end];
            if !piece.is_ascii() {
                let mut chars: Vec<usize> = piece.char_indices().map(|(b, _)| b).collect();
                chars.push(piece.len());
                pieces[i].chars = chars;
            }
        }
        let built = Pieces { text, pieces };
        // every span reads its own text (two overlapping spans agree)
        for &(s, e, t) in &spans {
            let r = built.range(s, e)?;
            if &built.text[r] != t {
                return Err(format!(
                    "span {s}..{e}: its text disagrees with an overlapping span's"
                ));
            }
        }
        Ok(built)
    }

    /// The byte range in the rebuilt text of the original characters `s..e` (inside a piece).
    fn range(&self, s: usize, e: usize) -> Result<ByteRange, String> {
        let i = self.pieces.partition_point(|p| p.start <= s);
        let p = i
            .checked_sub(1)
            .map(|i| &self.pieces[i])
            .filter(|p| e <= p.end && s <= e)
            .ok_or_else(|| format!("span {s}..{e} is not in the record's text"))?;
        let byte = |c: usize| {
            if p.chars.is_empty() {
                p.at + c - p.start
            } else {
                p.at + p.chars[c - p.start]
            }
        };
        Ok(byte(s)..byte(e))
    }

    fn span(&self, sp: &Span) -> Result<ByteRange, String> {
        self.range(sp.start, sp.end)
    }
}

/// A vector without spare room (deserialized vectors grow by doubling; every document is kept).
fn shrunk<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// A proposition's kind with its lists shrunk (see [`shrunk`]).
fn shrunk_kind(mut k: PropKind) -> PropKind {
    match &mut k {
        PropKind::Responsibility { event, .. }
        | PropKind::Casualty { event, .. }
        | PropKind::Violation { event, .. }
        | PropKind::Target { event, .. } => event.places.shrink_to_fit(),
        PropKind::Generic { key } => key.shrink_to_fit(),
        PropKind::Control { .. } | PropKind::Presence { .. } => {}
    }
    k
}

fn rebuild(
    mut doc: Document,
    sentences: Vec<SentenceIn>,
    attributions: Vec<AttributionIn>,
    propositions: Vec<PropositionIn>,
    needs: Needs,
) -> Result<Extraction, String> {
    let n = sentences.len();
    // the sentences whose text the command reads
    let mut keep = vec![needs.all_sentences; n];
    for (i, a) in attributions.iter().enumerate() {
        let s = a.sentence;
        *keep
            .get_mut(s)
            .ok_or_else(|| format!("attribution {i}: sentence {s} of {n}"))? = true;
        if let Some(r) = a.relays.filter(|&r| r >= attributions.len()) {
            return Err(format!(
                "attribution {i}: relays attribution {r} of {}",
                attributions.len()
            ));
        }
        if Layout::from_id(&a.layout).is_none() {
            return Err(format!("attribution {i}: unknown layout `{}`", a.layout));
        }
        if let Some(l) = a
            .learned
            .as_deref()
            .filter(|l| !LEARNED_READINGS.contains(l))
        {
            return Err(format!("attribution {i}: unknown learned reading `{l}`"));
        }
    }
    for (i, p) in propositions.iter().enumerate() {
        let s = p.sentence;
        *keep
            .get_mut(s)
            .ok_or_else(|| format!("proposition {i}: sentence {s} of {n}"))? = true;
        if let Some(a) = p.attribution.filter(|&a| a >= attributions.len()) {
            return Err(format!(
                "proposition {i}: attribution {a} of {}",
                attributions.len()
            ));
        }
    }
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for (s, st) in sentences.iter().enumerate() {
        if keep[s] {
            spans.push((st.start, st.end, st.text.as_str()));
        }
    }
    fn of(sp: &Span) -> (usize, usize, &str) {
        (sp.start, sp.end, sp.text.as_str())
    }
    for a in &attributions {
        spans.extend(a.source.iter().map(of));
        spans.extend([of(&a.cue), of(&a.content)]);
        spans.extend(a.continuation.iter().map(of));
    }
    spans.extend(propositions.iter().map(|p| of(&p.evidence)));
    let pieces = Pieces::build(spans)?;
    let mut seg = Segmented::default();
    for (s, st) in sentences.iter().enumerate() {
        let range = if keep[s] {
            pieces.range(st.start, st.end)?
        } else {
            0..0
        };
        seg.sentences.push(Sentence {
            range,
            tokens: 0..0,
            paragraph: st.paragraph,
            headline: st.headline,
            words: st.words,
        });
    }
    if needs.words {
        seg.words = sentences.into_iter().map(|s| s.lower).collect();
    }
    let attributions = attributions
        .into_iter()
        .map(|a| {
            Ok(Attribution {
                sentence: a.sentence,
                source: a.source.as_ref().map(|s| pieces.span(s)).transpose()?,
                cue: pieces.span(&a.cue)?,
                content: pieces.span(&a.content)?,
                continuation: a
                    .continuation
                    .iter()
                    .map(|s| pieces.span(s))
                    .collect::<Result<Vec<_>, String>>()
                    .map(shrunk)?,
                cue_lemma: a.cue_lemma,
                cue_type: a.cue_type,
                polarity: a.polarity,
                commitment: a.commitment,
                negated: a.negated,
                kind: a.kind,
                layout: Layout::from_id(&a.layout).unwrap_or(Layout::Learned),
                learned: a
                    .learned
                    .and_then(|l| LEARNED_READINGS.iter().find(|r| **r == l).copied()),
                speakers: shrunk(a.speakers),
                relays: a.relays,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let propositions = propositions
        .into_iter()
        .map(|p| {
            Ok(Proposition {
                sentence: p.sentence,
                attribution: p.attribution,
                tokens: 0..0,
                kind: shrunk_kind(p.kind),
                negated: p.negated,
                bytes: pieces.span(&p.evidence)?,
                hedge: p.hedge,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    doc.text = pieces.text;
    doc.pieces = pieces.pieces.iter().map(|p| (p.at, p.start)).collect();
    doc.text.shrink_to_fit();
    let mut x = Extraction {
        doc,
        seg,
        attributions,
        propositions,
        contexts: Vec::new(),
        warnings: Vec::new(),
        issuer: None,
    };
    x.compact(true);
    Ok(x)
}
