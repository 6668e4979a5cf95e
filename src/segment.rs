//! Tokens, quotations, paragraphs and sentences.
//!
//! News text defeats generic sentence splitters in known ways; this module handles them:
//! abbreviations ("U.S.", "Gen.", "U.K. -based") from `abbreviations.txt`, quotations that span
//! several sentences (no split inside a quotation that closes within its paragraph), headlines
//! (a line without final punctuation followed by a line break), curly and straight quotes, and
//! hard-wrapped plain text (a line break before a lower-case word continues the sentence).
//!
//! A quotation left open is closed at the end of its paragraph, so an unbalanced quotation mark
//! affects one paragraph at most and never makes a document yield nothing.

use crate::lexicon::{AbbrClass, Lexicon};
use crate::model::ByteRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
    OpenQuote,
    CloseQuote,
    Dash,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: ByteRange,
    pub kind: TokKind,
    /// Lower-cased text (straight apostrophe for curly).
    pub lower: String,
    /// Inside a quotation (quote marks themselves are not).
    pub in_quote: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper-case ("WASHINGTON", "AP").
    pub upper: bool,
    /// Whitespace (or the start of text) precedes the token.
    pub space_before: bool,
    /// What the lexicon knows of the word, set by [`segment`] (0 from [`tokenize`] alone): see
    /// [`crate::lexicon::TokenFlags`].
    pub lex: crate::lexicon::TokenFlags,
}

/// A possessive whose apostrophe was stripped, read as its name ("Syrias" read as "syria"): the
/// name it belongs to ends there.
pub fn stripped_possessive(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Word
        && text[t.range.clone()].len() == t.lower.len() + 1
        && text[t.range.clone()].ends_with(['s', 'S'])
}

/// Percentage (0–100) of the words among `toks` that start with a capital, and how many words
/// there are: a title-case headline ("Bernie Sanders Says He Has Started") is mostly capitals.
pub fn capital_share(toks: &[Token]) -> (usize, usize) {
    let words = toks.iter().filter(|t| t.kind == TokKind::Word).count();
    let caps = toks
        .iter()
        .filter(|t| t.kind == TokKind::Word && t.cap)
        .count();
    let share = (caps * 100).checked_div(words).unwrap_or(0);
    (share, words)
}

/// The text covered by tokens `range` (empty for an empty range).
/// The first token after a dateline opening a sentence at `range.start` ("KYIV, March 3
/// (Reuters) -", "QUETTA:", "(Nairobi, December 2) -", "New Delhi Feb 14 (PTI):"), or
/// `range.start` when none does: a place in capitals (or capitalised words in brackets) and a
/// date, closed by a dash (or a colon after capitals, or after an agency's name in brackets). It names where and when the report was filed, not where or when anything
/// happened.
pub fn dateline_end(toks: &[Token], range: std::ops::Range<usize>) -> usize {
    let (lo, hi) = (range.start, range.end.min(toks.len()));
    let upper = |k: usize| toks[k].kind == TokKind::Word && toks[k].upper;
    if lo >= hi {
        return lo;
    }
    // "(Nairobi, December 2) -": capitalised words in brackets
    let bracketed = toks[lo].lower == "("
        && toks
            .get(lo + 1)
            .is_some_and(|t| t.kind == TokKind::Word && t.cap);
    // "New Delhi Feb 14 (PTI):": capitalised words up to an agency's name in brackets and a
    // colon
    let agency = |d: usize| {
        d >= lo + 4
            && toks[d].lower == ":"
            && toks[d - 1].lower == ")"
            && upper(d - 2)
            && toks[d - 3].lower == "("
    };
    let capitalised = toks[lo].kind == TokKind::Word && toks[lo].cap;
    if !upper(lo) && !bracketed && !capitalised {
        return lo;
    }
    let Some(d) = (lo..hi.min(lo + 12))
        .find(|&k| toks[k].kind == TokKind::Dash || (k > lo && toks[k].lower == ":" && !bracketed))
    else {
        return lo;
    };
    if bracketed && (d < lo + 2 || toks[d - 1].lower != ")") {
        return lo;
    }
    if !upper(lo) && !bracketed && !agency(d) {
        return lo;
    }
    let names = (lo..d).all(|k| {
        let t = &toks[k];
        upper(k)
            || t.cap
            || t.kind == TokKind::Number
            || matches!(t.lower.as_str(), "," | "(" | ")" | "." | "/")
    });
    if names && d + 1 < hi { d + 1 } else { lo }
}

pub fn span_text<'t>(text: &'t str, toks: &[Token], range: std::ops::Range<usize>) -> &'t str {
    if range.is_empty() || range.end > toks.len() {
        return "";
    }
    &text[toks[range.start].range.start..toks[range.end - 1].range.end]
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::Number)
    }
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::OpenQuote | TokKind::CloseQuote)
    }
}

/// A quotation: the token indices of its opening and closing marks (the closing mark may be
/// missing when the quotation runs to the end of its paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub close: Option<usize>,
    /// Byte range of the quoted text, without the marks.
    pub inner: ByteRange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: ByteRange,
    /// Token indices `[start, end)` into [`Segmented::tokens`].
    pub tokens: std::ops::Range<usize>,
    pub paragraph: usize,
    /// A line of its own without final punctuation (a headline or title).
    pub headline: bool,
    /// How many of its tokens are words.
    pub words: usize,
}

/// A segmented document.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// In order of their opening marks.
    pub quotes: Vec<Quote>,
    /// The text has had its commas stripped (a long text without a single comma, as some scraped
    /// corpora have): "C on Wednesday the observatory said" is then read as "C, the observatory
    /// said".
    pub commaless: bool,
    /// Empty, but for a document rebuilt from a record (which has no tokens) for the audit:
    /// each sentence's lower-cased words joined by single spaces, as
    /// [`Segmented::sentence_words`] gives them.
    pub words: Vec<String>,
}

impl Segmented {
    /// The lower-cased words (and numbers) of sentence `s`: from its tokens, or for a document
    /// rebuilt from a record, from [`Segmented::words`].
    pub fn sentence_words(&self, s: usize) -> Vec<&str> {
        match self.words.get(s) {
            Some(w) if self.tokens.is_empty() => w.split(' ').filter(|w| !w.is_empty()).collect(),
            _ => self
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.lower.as_str())
                .collect(),
        }
    }

    /// The tokens of sentence `s` (empty once the tokens are dropped: see
    /// `Extraction::compact`).
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        self.tokens
            .get(self.sentences[s].tokens.clone())
            .unwrap_or(&[])
    }
}

/// Most tokens of a signature after a quotation's dash, to the line's end ("― Esther Tapia").
const MAX_SIGNATURE_TOKENS: usize = 9;

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}
fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»')
}
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}
fn is_straight_quote(s: &str) -> bool {
    s == "\"" || s == "''"
}
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Splits text into word strings the way the tokenizer does (used for multi-word resources).
pub fn word_strings(text: &str) -> Vec<String> {
    tokenize(text, 0)
        .into_iter()
        .filter(|t| t.is_word() || t.kind == TokKind::Dash)
        .map(|t| text[t.range].to_string())
        .collect()
}

/// Tokenizes `text`, shifting ranges by `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, base, &mut out);
    out
}

/// [`tokenize`], appending to `out`.
fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let at = |i: usize| -> char { if i < n { chars[i].1 } else { ' ' } };
    let pos = |i: usize| -> usize { if i < n { chars[i].0 } else { text.len() } };
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let c = at(i);
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            // A word: letters/digits with internal hyphens, apostrophes, periods (U.S.), commas
            // and periods inside numbers (1,500 / 1.5).
            let mut j = i + 1;
            loop {
                let d = at(j);
                if d.is_alphanumeric() {
                    j += 1;
                } else if ((d == '-' || is_apostrophe(d))
                    && at(j + 1).is_alphanumeric()
                    && !(is_apostrophe(d) && is_possessive_tail(&chars, j)))
                    || ((d == ',' || d == '.')
                        && at(j - 1).is_ascii_digit()
                        && at(j + 1).is_ascii_digit())
                {
                    j += 2;
                } else if d == '.'
                    && at(j + 1).is_alphabetic()
                    && at(j + 2) == '.'
                    && (j - start) <= 3
                {
                    // dotted acronym: U.S. / U.K. / e.g.
                    j += 3;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period; so does any single letter followed by ".X." above.
            let dotted = chars[start..j].iter().any(|c| c.1 == '.')
                && !chars.get(start).is_some_and(|c| c.1.is_ascii_digit());
            if dotted && at(j) == '.' {
                j += 1;
            }
            // Split "n't" from "didn't".
            let w_end = j;
            let mut split_at = None;
            if w_end - start > 3 {
                let t = &chars[w_end - 3..w_end];
                if matches!(t[0].1, 'n' | 'N')
                    && is_apostrophe(t[1].1)
                    && matches!(t[2].1, 't' | 'T')
                {
                    split_at = Some(w_end - 3);
                }
            }
            let all_digits = chars[start..j]
                .iter()
                .all(|c| c.1.is_ascii_digit() || c.1 == ',' || c.1 == '.');
            kind = if all_digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            if let Some(s) = split_at {
                push(out, text, base, pos(start), pos(s), kind, space_before);
                push(out, text, base, pos(s), pos(j), TokKind::Word, false);
                i = j;
                space_before = false;
                continue;
            }
            i = j;
        } else if is_apostrophe(c)
            && (at(i + 1) == 's' || at(i + 1) == 'S')
            && !at(i + 2).is_alphanumeric()
            && i > 0
            && at(i - 1).is_alphanumeric()
        {
            // possessive 's
            i += 2;
            kind = TokKind::Word;
        } else if c == '`' && at(i + 1) == '`' {
            // ``TeX-style'' opening quote
            kind = TokKind::OpenQuote;
            i += 2;
        } else if c == '"' || (c == '\'' && at(i + 1) == '\'') {
            // straight quote (" or the two apostrophes some wires use): open if it follows
            // whitespace / start / an opening bracket or dash
            let width = if c == '"' { 1 } else { 2 };
            let prev = if i == 0 { ' ' } else { at(i - 1) };
            let next = at(i + width);
            let opens = prev.is_whitespace() || "([{—–-".contains(prev) || i == 0;
            let before_word =
                next.is_alphanumeric() && !prev.is_alphanumeric() && !".,!?;:".contains(prev);
            kind = if opens || before_word {
                TokKind::OpenQuote
            } else {
                TokKind::CloseQuote
            };
            i += width;
        } else if is_open_quote(c) {
            kind = TokKind::OpenQuote;
            i += 1;
        } else if is_close_quote(c) {
            // a right mark opening a line before a word opens a quotation ("”Mr. Trump embodies
            // …”": the convention of some languages and of careless typing)
            let line_start = i == 0 || at(i - 1) == '\n';
            kind = if line_start && at(i + 1).is_alphanumeric() {
                TokKind::OpenQuote
            } else {
                TokKind::CloseQuote
            };
            i += 1;
        } else if is_dash(c) {
            let mut j = i + 1;
            while j < n && is_dash(at(j)) {
                j += 1;
            }
            kind = TokKind::Dash;
            i = j;
        } else if c == '.' && at(i + 1) == '.' {
            let mut j = i;
            while j < n && at(j) == '.' {
                j += 1;
            }
            kind = TokKind::Punct;
            i = j;
        } else if matches!(c, '*' | '_') {
            // Markdown emphasis ("**Kestrian government**"): markup, not text
            i += 1;
            continue;
        } else {
            kind = TokKind::Punct;
            i += 1;
        }
        push(out, text, base, pos(start), pos(i), kind, space_before);
        space_before = false;
    }
}

/// Whether the apostrophe at `j` starts a possessive "'s" (split off as its own token).
fn is_possessive_tail(chars: &[(usize, char)], j: usize) -> bool {
    chars.get(j + 1).is_some_and(|c| matches!(c.1, 's' | 'S'))
        && !chars.get(j + 2).is_some_and(|c| c.1.is_alphanumeric())
}

fn push(
    out: &mut Vec<Token>,
    text: &str,
    base: usize,
    s: usize,
    e: usize,
    kind: TokKind,
    space_before: bool,
) {
    let raw = &text[s..e];
    let (lower, letters, all_upper, cap);
    if raw.is_ascii() {
        // (the same as below, on bytes: ASCII letters are the only alphabetic ASCII characters)
        lower = raw.to_ascii_lowercase();
        let b = raw.as_bytes();
        letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        all_upper = !b.iter().any(u8::is_ascii_lowercase);
        cap = b.first().is_some_and(u8::is_ascii_uppercase);
    } else {
        lower = if raw.contains('’') {
            raw.replace('’', "'").to_lowercase()
        } else {
            raw.to_lowercase()
        };
        let alphabetic = || raw.chars().filter(|c| c.is_alphabetic());
        letters = alphabetic().count();
        all_upper = alphabetic().all(char::is_uppercase);
        cap = raw.chars().next().is_some_and(char::is_uppercase);
    }
    out.push(Token {
        range: base + s..base + e,
        kind,
        lower,
        in_quote: false,
        cap,
        upper: letters >= 2 && all_upper,
        space_before,
        lex: 0,
    });
}

/// Fewest words in a text without commas for it to count as stripped of them.
const COMMALESS_MIN_WORDS: usize = 60;

/// Fewest words per comma of a text read as one whose commas were stripped: news prose has a
/// comma every 15 to 25 words; a scraped text that lost them keeps one in a hundred or more.
const COMMALESS_WORDS_PER_COMMA: usize = 100;

/// Segments a document body starting at byte `base` of `text`.
pub fn segment(text: &str, base: usize, lx: &Lexicon) -> Segmented {
    let mut seg = Segmented::default();
    let body = &text[base..];
    // Paragraphs: separated by blank lines.
    let mut para_ranges: Vec<ByteRange> = Vec::new();
    let mut start: Option<usize> = None;
    let mut off = 0;
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let is_heading = line.trim_start().starts_with('#');
        if blank || is_heading {
            if let Some(s) = start.take() {
                para_ranges.push(s..off);
            }
            if is_heading {
                para_ranges.push(off..off + line.len());
            }
        } else if start.is_none() {
            start = Some(off);
        }
        off += line.len();
    }
    if let Some(s) = start {
        para_ranges.push(s..off);
    }
    // about one token for every six bytes of news text: most documents never grow the vector
    seg.tokens.reserve(body.len() / 6);
    for (p, pr) in para_ranges.into_iter().enumerate() {
        let ptext = &body[pr.clone()];
        let first_tok = seg.tokens.len();
        tokenize_into(ptext, base + pr.start, &mut seg.tokens);
        let toks = &mut seg.tokens[first_tok..];
        // a possessive whose apostrophe the source stripped ("Syrias Idlib province", "Assads
        // forces") reads as the name it belongs to
        for t in toks.iter_mut() {
            if t.kind == TokKind::Word
                && t.lower.ends_with('s')
                && text[t.range.clone()].contains(|c: char| c.is_uppercase())
            {
                if let Some(stem) = lx.possessive_stem(&t.lower) {
                    t.lower = stem.to_string();
                }
            }
            t.lex = lx.word_flags(&t.lower);
        }
        let first_quote = seg.quotes.len();
        mark_quotes(toks, first_tok, &mut seg.quotes, text);
        split_sentences(text, &mut seg, first_tok, first_quote, p, lx);
    }
    // quotations in text order, so that they can be looked up by their opening mark
    seg.quotes.sort_by_key(|q| q.open);
    let words = seg.tokens.iter().filter(|t| t.is_word()).count();
    // (a stray comma or two in a long text, "1,200" or a dateline's, does not punctuate it)
    let commas = seg.tokens.iter().filter(|t| t.lower == ",").count();
    seg.commaless = words >= COMMALESS_MIN_WORDS && commas * COMMALESS_WORDS_PER_COMMA < words;
    seg
}

/// Pairs quotation marks within one paragraph and marks the tokens inside them.
fn mark_quotes(toks: &mut [Token], offset: usize, quotes: &mut Vec<Quote>, text: &str) {
    let mut open: Option<usize> = None;
    let mut found: Vec<(usize, Option<usize>)> = Vec::new();
    for i in 0..toks.len() {
        match toks[i].kind {
            TokKind::OpenQuote => {
                if open.is_none() {
                    open = Some(i);
                } else if is_straight_quote(&text[toks[i].range.clone()]) {
                    // a straight quote while one is open closes it
                    toks[i].kind = TokKind::CloseQuote;
                    found.push((open.take().unwrap_or(i), Some(i)));
                }
                // a nested curly opener: leave as is
            }
            TokKind::CloseQuote => {
                if let Some(o) = open.take() {
                    found.push((o, Some(i)));
                } else {
                    // stray closing mark: punctuation
                    toks[i].kind = TokKind::Punct;
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        found.push((o, None));
    }
    for (o, c) in found {
        // a quotation never closed is taken to run to the end of its first sentence, so that a
        // stray mark does not swallow the rest of the paragraph
        let end_tok = c.unwrap_or_else(|| {
            (o + 1..toks.len())
                .find(|&k| is_terminal(&toks[k]))
                .map_or(toks.len(), |k| k + 1)
        });
        for t in &mut toks[o + 1..end_tok] {
            t.in_quote = true;
        }
        let inner_start = toks.get(o + 1).map_or(toks[o].range.end, |t| t.range.start);
        let inner_end = if end_tok > o + 1 {
            toks[end_tok - 1].range.end
        } else {
            inner_start
        };
        quotes.push(Quote {
            open: offset + o,
            close: c.map(|c| offset + c),
            inner: inner_start..inner_end.max(inner_start),
        });
    }
}

/// The longest sentence, in tokens (news sentences rarely pass 80).
pub const MAX_SENTENCE_TOKENS: usize = 150;

fn is_terminal(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.lower.as_str(), "." | "!" | "?" | "…" | "..." | "....")
}

fn split_sentences(
    text: &str,
    seg: &mut Segmented,
    first: usize,
    first_quote: usize,
    paragraph: usize,
    lx: &Lexicon,
) {
    let toks = &seg.tokens[first..];
    let n = toks.len();
    if n == 0 {
        return;
    }
    // Quotations that close within the paragraph suppress splits inside them.
    let mut closed_quote_depth = vec![false; n];
    for q in &seg.quotes[first_quote..] {
        if let Some(c) = q.close {
            for d in &mut closed_quote_depth[q.open - first + 1..c - first] {
                *d = true;
            }
        }
    }
    let mut bounds: Vec<(usize, bool)> = Vec::new(); // (end token exclusive, headline)
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        // Line breaks between tokens.
        if i + 1 < n {
            let gap = &text[t.range.end..toks[i + 1].range.start];
            if gap.contains('\n') && !closed_quote_depth[i + 1] {
                let next = &toks[i + 1];
                let ends_clause = is_terminal(t) || t.kind == TokKind::CloseQuote;
                let continues = !next.cap && next.kind != TokKind::OpenQuote
                    || lx.fn_class_of(t).is_some()
                    || t.lower == ",";
                if !ends_clause && !continues {
                    bounds.push((i + 1, true));
                    i += 1;
                    continue;
                }
            }
        }
        let word_period = t.kind == TokKind::Word && t.lower.ends_with('.');
        // inside a quotation only its last sentence may end one of ours ("... race-baiting.” “We ...")
        let quote_ends = i + 1 < n && toks[i + 1].kind == TokKind::CloseQuote;
        if (is_terminal(t) || word_period) && (!closed_quote_depth[i] || quote_ends) {
            // absorb closing quotes / brackets
            let mut j = i + 1;
            while j < n
                && (toks[j].kind == TokKind::CloseQuote
                    || matches!(toks[j].lower.as_str(), ")" | "]"))
                && !toks[j].space_before
            {
                j += 1;
            }
            if j >= n {
                break;
            }
            let next = &toks[j];
            // "… is slim. (The chances …": a parenthesis opening with a capital starts a sentence
            let paren = next.lower == "(" && toks.get(j + 1).is_some_and(|t| t.cap);
            let next_ok = next.space_before
                && (next.cap
                    || next.kind == TokKind::OpenQuote
                    || next.kind == TokKind::Number
                    || next.kind == TokKind::Dash
                    || paren);
            // "“... to find the emails.” ― Esther Tapia": a signature after a dash, to the line's
            // end, belongs to its quotation
            let signature = quote_ends && next.kind == TokKind::Dash && {
                let end = (j + 1..n)
                    .find(|&k| text[toks[k - 1].range.end..toks[k].range.start].contains('\n'))
                    .unwrap_or(n);
                end > j + 1
                    && end - j <= MAX_SIGNATURE_TOKENS
                    && toks[j + 1].cap
                    // no sentence ends inside it, an initial's period aside ("Julie A. Diaz")
                    && !(j + 1..end).any(|k| {
                        is_terminal(&toks[k])
                            && k + 1 < end
                            && !(toks[k].lower == "." && toks[k - 1].lower.chars().count() == 1)
                    })
            };
            // "“... to find the emails.” Trump said.": a short source-and-cue tail after a quotation
            // belongs to it
            let attribution_tail = signature
                || quote_ends && {
                    let end = (j..n).find(|&k| is_terminal(&toks[k])).unwrap_or(n);
                    end - j <= 6
                        && (j..end).any(|k| {
                            lx.cue_forms
                                .get(&toks[k].lower)
                                .is_some_and(|&(c, _)| lx.cue(c).frames.quote)
                        })
                };
            if next_ok && !attribution_tail && !abbreviation_blocks(toks, i, next, lx) {
                bounds.push((j, false));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if bounds.last().map(|b| b.0) != Some(n) {
        let last_headline = !toks
            .last()
            .is_some_and(|t| is_terminal(t) || t.kind == TokKind::CloseQuote || t.lower == ")");
        bounds.push((n, last_headline));
    }
    // No sentence is longer than MAX_SENTENCE_TOKENS: a run-on stretch (a list, text without
    // punctuation) is cut at its last comma or semicolon before the limit, else at the limit.
    let mut capped: Vec<(usize, bool)> = Vec::with_capacity(bounds.len());
    let mut start = 0;
    for (e, headline) in bounds {
        while e - start > MAX_SENTENCE_TOKENS {
            let limit = start + MAX_SENTENCE_TOKENS;
            let cut = (start + MAX_SENTENCE_TOKENS / 2..limit)
                .rev()
                .find(|&k| matches!(toks[k].lower.as_str(), "," | ";") && !closed_quote_depth[k])
                .map_or(limit, |k| k + 1);
            capped.push((cut, false));
            start = cut;
        }
        capped.push((e, headline));
        start = e;
    }
    let mut s = 0;
    for (e, headline) in capped {
        // skip leading markup tokens (#, *, >, -, bullets)
        let mut a = s;
        while a < e
            && toks[a].kind == TokKind::Punct
            && matches!(toks[a].lower.as_str(), "#" | "*" | ">" | "•")
        {
            a += 1;
        }
        if a < e {
            seg.sentences.push(Sentence {
                range: toks[a].range.start..toks[e - 1].range.end,
                tokens: first + a..first + e,
                paragraph,
                headline,
                words: toks[a..e].iter().filter(|t| t.is_word()).count(),
            });
        }
        s = e;
    }
}

/// Whether the period at token `i` belongs to an abbreviation that does not end the sentence.
fn abbreviation_blocks(toks: &[Token], i: usize, next: &Token, lx: &Lexicon) -> bool {
    let t = &toks[i];
    let word = if t.kind == TokKind::Word {
        // "U.S." carries its own period
        t.lower.trim_end_matches('.').to_string()
    } else if t.lower == "." && i > 0 && toks[i - 1].is_word() && !t.space_before {
        toks[i - 1].lower.clone()
    } else {
        return false;
    };
    let opener = lx.openers.contains(&next.lower);
    match lx.abbreviations.get(&word) {
        Some(AbbrClass::Title) => true,
        Some(AbbrClass::Other) => !opener,
        None => {
            // single initials ("John F. Kennedy") and dotted acronyms not in the list
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            (single_initial || t.kind == TokKind::Word) && !opener
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn capital_share_counts_words_only() {
        let toks = tokenize("Bernie Sanders Says he “Has” Started.", 0);
        // six words, five capitalized (quotes and the period are no words)
        assert_eq!(capital_share(&toks), (83, 6));
        assert_eq!(capital_share(&[]), (0, 0));
    }
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lx = Lexicon::builtin();
        let seg = segment(text, 0, &lx);
        seg.sentences
            .iter()
            .map(|s| text[s.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("The U.K. -based group said so. Gen. Smith agreed. Mr. Jones left."),
            vec![
                "The U.K. -based group said so.",
                "Gen. Smith agreed.",
                "Mr. Jones left."
            ]
        );
        assert_eq!(
            sentences("He flew to the U.S. The talks failed."),
            vec!["He flew to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn quotation_spanning_sentences_stays_whole() {
        let s = sentences("“We will win. They will lose,” he said. Then he left.");
        assert_eq!(
            s,
            vec!["“We will win. They will lose,” he said.", "Then he left."]
        );
    }

    #[test]
    fn a_quotation_ending_a_sentence_ends_it() {
        let s = sentences("He called it “a disgrace.” “We will fight,” she said.");
        assert_eq!(
            s,
            vec!["He called it “a disgrace.”", "“We will fight,” she said."]
        );
        // ... unless its attribution follows
        let s = sentences("“I hope you find the emails.” Trump said. Then he left.");
        assert_eq!(
            s,
            vec!["“I hope you find the emails.” Trump said.", "Then he left."]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(1000);
        let lx = Lexicon::builtin();
        let seg = segment(&text, 0, &lx);
        assert!(
            seg.sentences
                .iter()
                .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS)
        );
        assert_eq!(
            seg.sentences.iter().map(|s| s.tokens.len()).sum::<usize>(),
            1000
        );
    }

    #[test]
    fn headlines_are_their_own_sentences() {
        let s = sentences(
            "Battle rages near Aleppo\nThe army said it advanced.\n\nNext paragraph here.",
        );
        assert_eq!(
            s,
            vec![
                "Battle rages near Aleppo",
                "The army said it advanced.",
                "Next paragraph here."
            ]
        );
        let lx = Lexicon::builtin();
        let seg = segment(
            "Battle rages near Aleppo\nThe army said it advanced.",
            0,
            &lx,
        );
        assert!(seg.sentences[0].headline);
        assert!(!seg.sentences[1].headline);
    }

    #[test]
    fn hard_wrapped_lines_continue() {
        let s = sentences("The army said the rebels\nviolated the truce. They denied it.");
        assert_eq!(
            s,
            vec![
                "The army said the rebels\nviolated the truce.",
                "They denied it."
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_first_sentence() {
        let lx = Lexicon::builtin();
        let text = "He said “we will win. The ministry said the road was open.";
        let seg = segment(text, 0, &lx);
        let said = seg
            .tokens
            .iter()
            .filter(|t| t.lower == "said")
            .collect::<Vec<_>>();
        assert!(!said[1].in_quote);
    }

    #[test]
    fn unbalanced_quote_is_contained_in_its_paragraph() {
        let s = sentences("He said “we will win. They agreed.\n\nA new paragraph. Another one.");
        assert_eq!(s.len(), 4, "{s:?}");
        assert_eq!(s[2], "A new paragraph.");
    }

    #[test]
    fn tokens_keep_hyphenated_names_and_possessives() {
        let words = word_strings("Nour el-Din al-Zinki’s spokesman didn't say U.S. things");
        assert_eq!(
            words,
            vec![
                "Nour",
                "el-Din",
                "al-Zinki",
                "’s",
                "spokesman",
                "did",
                "n't",
                "say",
                "U.S.",
                "things"
            ]
        );
    }

    #[test]
    fn double_apostrophe_quotes_pair() {
        let lx = Lexicon::builtin();
        let text = "''We won,'' he said. ``Again,'' she said.";
        let seg = segment(text, 0, &lx);
        assert_eq!(seg.quotes.len(), 2);
        assert_eq!(&text[seg.quotes[0].inner.clone()], "We won,");
        assert_eq!(&text[seg.quotes[1].inner.clone()], "Again,");
    }

    #[test]
    fn straight_quotes_pair() {
        let lx = Lexicon::builtin();
        let text = "\"We won,\" he said.";
        let seg = segment(text, 0, &lx);
        assert_eq!(seg.quotes.len(), 1);
        assert_eq!(&text[seg.quotes[0].inner.clone()], "We won,");
    }

    #[test]
    fn datelines_end_before_the_report() {
        let lx = Lexicon::builtin();
        let after = |text: &str| {
            let seg = segment(text, 0, &lx);
            let e = dateline_end(&seg.tokens, 0..seg.tokens.len());
            seg.tokens
                .get(e)
                .map_or("", |t| &text[t.range.clone()])
                .to_string()
        };
        for (text, first) in [
            ("QUETTA: Armed men attacked the train.", "Armed"),
            ("KYIV, March 3 (Reuters) - Russia said.", "Russia"),
            ("(Nairobi, December 2) - The army said.", "The"),
            (
                "New Delhi Feb 14 (PTI): India on Saturday rejected it.",
                "India",
            ),
            ("RAWALPINDI Feb 14 (APP): Security forces said.", "Security"),
            // no dateline: a speaker's colon, a sentence
            ("Military spokesman Jan Doe: the town is calm.", "Military"),
            ("India on Saturday rejected it.", "India"),
        ] {
            assert_eq!(after(text), first, "{text}");
        }
    }
}
