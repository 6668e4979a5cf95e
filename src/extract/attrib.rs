//! Attribution layouts: finds cues and, for each, its source and content spans.
//!
//! Works on one sentence at a time with closed-class words (`function_words.tsv`) and the cue
//! lexicon; no tagger. Each layout has a stable id ([`Layout`]) that is carried to the output so
//! every attribution can be traced to the rule that produced it.

use std::ops::Range;

use serde::Serialize;

use crate::lexicon::{FnClass, Form, Lexicon, WordList};
use crate::model::{Commitment, CueType, Polarity, QuoteKind};
use crate::segment::{Segmented, TokKind, Token};

/// The layout (rule) that produced an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// "X said (that) C", "X told Y C", "X denied V-ing C".
    SourceCueContent,
    /// "C, X said" / "“Q”, X said".
    ContentSourceCue,
    /// "C, said X".
    ContentCueSource,
    /// "According to X, C" / "C, according to X".
    AccordingTo,
    /// ", adding that C": the source of the preceding attribution in the sentence.
    Participial,
    /// "which was deemed by X as C".
    PassiveBy,
    /// "it was reported that C": no source.
    Sourceless,
    /// "X: C", a headline or transcript line.
    Colon,
    /// "“Q” — X".
    QuoteDash,
    /// "X's claim that C", "the announcement by X that C".
    Nominal,
    /// "the attack which X blames on Y": the content is the antecedent through the blamed party.
    Relative,
    /// "C, an accusation X has denied": a noun in apposition sums up the clause before it.
    Apposition,
    /// "criticised X for accusing Y of C", "hit out at X for saying C": the noun phrase before
    /// "for" is the speaker of the gerund cue.
    ForGerund,
    /// A cue the rules passed over, taken by the learned layer ([`forced_attributions`]) with
    /// the nearest words before it as source and the rest of the sentence as content.
    Learned,
}

impl Layout {
    /// Every layout, in declaration order.
    pub const ALL: [Layout; 14] = [
        Layout::SourceCueContent,
        Layout::ContentSourceCue,
        Layout::ContentCueSource,
        Layout::AccordingTo,
        Layout::Participial,
        Layout::PassiveBy,
        Layout::Sourceless,
        Layout::Colon,
        Layout::QuoteDash,
        Layout::Nominal,
        Layout::Relative,
        Layout::Apposition,
        Layout::ForGerund,
        Layout::Learned,
    ];

    /// The layout whose [`Layout::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Layout::SourceCueContent => "source-cue-content",
            Layout::ContentSourceCue => "content-source-cue",
            Layout::ContentCueSource => "content-cue-source",
            Layout::AccordingTo => "according-to",
            Layout::Participial => "participial",
            Layout::PassiveBy => "passive-by",
            Layout::Sourceless => "sourceless",
            Layout::Colon => "source-colon-content",
            Layout::QuoteDash => "quote-dash-source",
            Layout::Nominal => "nominal",
            Layout::Relative => "relative-clause",
            Layout::Apposition => "apposition",
            Layout::ForGerund => "for-gerund",
            Layout::Learned => "learned",
        }
    }
}

/// An attribution found in one sentence, in token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAttribution {
    pub sentence: usize,
    pub source: Option<Range<usize>>,
    /// The head noun phrase of the source, before any apposition ("Yasser al-Yousef").
    pub source_head: Option<Range<usize>>,
    pub cue: Range<usize>,
    pub content: Range<usize>,
    /// Further content parts (token ranges), after the source and cue.
    pub extra: Vec<Range<usize>>,
    pub cue_lemma: String,
    pub cue_type: CueType,
    pub polarity: Polarity,
    pub commitment: Commitment,
    pub negated: bool,
    pub kind: QuoteKind,
    pub layout: Layout,
    /// Token where this attribution's frame begins (for trimming other contents).
    frame_start: usize,
    /// Index of the attribution whose source a participial cue inherits.
    pub inherits: Option<usize>,
}

struct Ctx<'a> {
    t: &'a [Token],
    lx: &'a Lexicon,
    /// Sentence token bounds (absolute indices).
    lo: usize,
    hi: usize,
    /// The text has no commas at all ([`Segmented::commaless`]).
    commaless: bool,
}

impl Ctx<'_> {
    fn low(&self, i: usize) -> &str {
        if i < self.hi && i >= self.lo {
            &self.t[i].lower
        } else {
            ""
        }
    }
    fn class(&self, i: usize) -> Option<FnClass> {
        // "Jill A. Martin": a capital initial is a name, not the determiner "a"
        if i >= self.lo
            && i < self.hi
            && self.t[i].cap
            && self.low(i + 1) == "."
            && self.low(i).len() == 1
        {
            return None;
        }
        // "The Islamic State (IS) group", "IS group said": a word in capitals between words
        // that are not (no all-capitals line) is an acronym, not a function word
        if i >= self.lo
            && i < self.hi
            && self.t[i].upper
            && (i == self.lo || !self.t[i - 1].upper)
            && (i + 1 >= self.hi || !self.t[i + 1].upper)
            && ((i + 1 < self.hi && self.t[i + 1].is_word())
                || matches!(self.low(i + 1), ")" | "]"))
        {
            return None;
        }
        // "Maung Than Htike": a capitalised subordinator between two capitalised words inside
        // a sentence is part of a name
        if i > self.lo
            && i + 1 < self.hi
            && self.t[i].cap
            && self.t[i - 1].cap
            && self.t[i + 1].cap
            && self.t[i - 1].is_word()
            && self.t[i + 1].is_word()
            && matches!(self.lx.fn_class_of(&self.t[i]), Some(FnClass::Sub))
        {
            return None;
        }
        if i < self.hi && i >= self.lo {
            self.lx.fn_class_of(&self.t[i])
        } else {
            self.lx.fn_class("")
        }
    }
    fn is_punct(&self, i: usize, p: &str) -> bool {
        i >= self.lo && i < self.hi && self.t[i].kind == TokKind::Punct && self.t[i].lower == p
    }
    fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, ",")
    }
    fn is_close_quote(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && self.t[i].kind == TokKind::CloseQuote
    }
    /// A "-ly" adverb ([`Lexicon::is_ly_adverb`]) inside the sentence.
    /// A quantifier after its subject, before the verb: "Rebels and the army have both denied",
    /// "the two sides all said".
    fn floating_quantifier(&self, i: usize) -> bool {
        matches!(self.low(i), "both" | "all" | "each")
            && i > self.lo
            && self.t[i - 1].is_word()
            && !matches!(self.class(i - 1), Some(FnClass::Det | FnClass::Prep))
    }

    fn is_ly_adverb(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi && self.lx.is_ly_adverb(&self.t[i])
    }
    fn is_cue_word(&self, i: usize) -> bool {
        self.lx.cue_forms.get(self.low(i)).is_some()
    }
    fn is_pronoun(&self, i: usize) -> bool {
        self.lx.pronouns.contains_key(self.low(i))
    }
    /// A word that may belong to a noun phrase.
    fn np_word(&self, i: usize) -> bool {
        if i < self.lo || i >= self.hi {
            return false;
        }
        let tok = &self.t[i];
        if tok.in_quote {
            return false;
        }
        match tok.kind {
            TokKind::Word | TokKind::Number => {
                // an adverb-like word after a determiner is an adjective: "An earlier report"
                let adjective = matches!(self.class(i), Some(FnClass::Aux))
                    && i > self.lo
                    && matches!(self.class(i - 1), Some(FnClass::Det));
                (adjective
                    || !matches!(
                        self.class(i),
                        Some(FnClass::Sub | FnClass::Aux | FnClass::ClauseConj)
                    ))
                    && (!self.is_cue_word(i)
                    || tok.cap
                    || self.low(i + 1) == "by"
                    // a phrase in which the form is no cue: "state media", "known as"
                    || self.lx.not_cues.longest_in(self.t, i, self.hi).is_some()
                    // a noun after a determiner or preposition: "the report", "secretary of state"
                    || (i > self.lo && matches!(self.class(i - 1), Some(FnClass::Det | FnClass::Prep)))
                    // a noun-like form before a preposition: "An earlier report in a paper said"
                    || (self.lx.cue_nouns.contains(&tok.lower)
                        && matches!(self.class(i + 1), Some(FnClass::Prep)))
                    // ... or before a verb: "Western states said", "media reports have said"
                    || (self.lx.cue_nouns.contains(&tok.lower) && self.verb_follows(i + 1)))
            }
            TokKind::Dash => i + 1 < self.hi && !self.t[i + 1].space_before,
            TokKind::Punct => {
                // "Rep." : the period of a title abbreviation; parentheses of "(D-N.C.)"
                (tok.lower == "."
                    && i > self.lo
                    && (self.low(i + 1) == ")"
                        || (self.t[i - 1].cap && self.t[i - 1].lower.len() <= 5)
                        || self.lx.abbreviations.contains_key(self.low(i - 1))))
                    || (tok.lower == "."
                        && i > self.lo
                        && self.lx.abbreviations.contains_key(self.low(i - 1)))
                    || matches!(tok.lower.as_str(), "(" | ")" | "[" | "]")
            }
            _ => false,
        }
    }

    /// A verb at `j` that a noun-like cue form before it is the subject of: another cue that is
    /// no noun ("states said", "states accused"), an auxiliary or a negation ("states have").
    fn verb_follows(&self, j: usize) -> bool {
        j < self.hi
            && !self.t[j].in_quote
            && self.t[j].kind == TokKind::Word
            && !self.t[j].cap
            && ((self.is_cue_word(j) && !self.lx.cue_nouns.contains(self.low(j)))
                || (matches!(self.class(j), Some(FnClass::Aux)) && self.low(j) != "to")
                || self.lx.negations.contains(self.low(j)))
    }

    /// Scans left from `k - 1` over a noun phrase; returns its start (== k if none).
    fn np_left_core(&self, k: usize) -> usize {
        let mut start = k;
        let mut j = k;
        let mut words = 0;
        while j > self.lo {
            let i = j - 1;
            if !self.np_word(i) {
                break;
            }
            let class = self.class(i);
            match class {
                Some(FnClass::Prep) | Some(FnClass::Conj) => {
                    // np-internal only between noun material; after a determiner the word is no
                    // preposition ("an inside source") or the determiner heads ("Many in the crowd")
                    if words == 0 || i == self.lo || !self.np_word(i - 1) {
                        break;
                    }
                    if matches!(self.class(i - 1), Some(FnClass::Prep)) {
                        break;
                    }
                }
                Some(FnClass::Det) => {
                    start = i;
                    words += 1;
                    // continue past a determiner only after a preposition, "and" or a predeterminer
                    if i > self.lo {
                        let prev = self.low(i - 1);
                        let cont = matches!(self.class(i - 1), Some(FnClass::Prep))
                            || matches!(prev, "and" | "or" | "both" | "all" | "'s");
                        if !cont {
                            break;
                        }
                    }
                    j = i;
                    continue;
                }
                _ => {}
            }
            j = i;
            if self.t[i].is_word() {
                words += 1;
                start = i;
            }
            if words > 14 {
                break;
            }
        }
        // Never start on a preposition/conjunction.
        while start < k && matches!(self.class(start), Some(FnClass::Prep | FnClass::Conj)) {
            start += 1;
        }
        start
    }

    /// Where a phrase starting at `s` (and ending before `k`) starts when a capitalised party
    /// alias runs into it from up to three words before ("Save the Children said", whose
    /// verb-like first word ends the noun phrase): the alias's first word, else `s`.
    fn alias_start(&self, s: usize, k: usize) -> usize {
        for i in s.saturating_sub(3).max(self.lo)..s {
            if !self.t[i].cap || self.t[i].in_quote {
                continue;
            }
            let Some(cands) = self.lx.alias_index.get(&self.t[i].lower) else {
                continue;
            };
            let fits = cands.iter().any(|&a| {
                let w = &self.lx.aliases[a].words;
                let end = i + w.len();
                end > s
                    && end <= k
                    && w.iter()
                        .enumerate()
                        .all(|(n, x)| self.t[i + n].lower == x.to_lowercase())
            });
            if fits {
                return i;
            }
        }
        s
    }

    /// Source noun phrase ending just before `k`: (whole source, head phrase).
    fn left_source(&self, k: usize) -> Option<(Range<usize>, Range<usize>)> {
        if k <= self.lo {
            return None;
        }
        let j = k - 1;
        // "(think Jimmy Carter …)": an opening parenthesis ends no subject
        if self.low(j) == "(" {
            return None;
        }
        if self.is_pronoun(j) && !self.t[j].in_quote {
            return Some((j..k, j..k));
        }
        let dash = self.t[j].kind == TokKind::Dash;
        if self.is_comma(j) || dash {
            // NP1 , APPOSITION , cue  /  NP1 — PARENTHETICAL — cue
            let delimiter = |i: usize| {
                if dash {
                    self.t[i].kind == TokKind::Dash
                } else {
                    self.is_comma(i)
                }
            };
            // the apposition may hold commas of its own ("Clinton, during a meeting in
            // Columbus, Ohio, said"): among the delimiters before it, prefer one whose noun
            // phrase opens the sentence
            let mut candidates = Vec::new();
            let mut i = j;
            while i > self.lo && candidates.len() < 3 {
                i -= 1;
                if self.t[i].in_quote || self.t[i].is_quote() {
                    break;
                }
                if delimiter(i) {
                    candidates.push(i);
                }
            }
            // (the sentence opens after its dateline: "BAKU, Oct 11 - Jan Doe, an aide to the
            // President, said")
            let open = dateline_end(self);
            let valid = |c2: usize| {
                let s = self.np_left_core(c2);
                (s < c2 && s >= open && (s == open || self.is_boundary_before(s)))
                    .then_some((s, c2))
            };
            // ... unless the stretch from the opening to the cue holds a clause ("The town
            // remains quiet, John Doe, a resident, said": "remains" is a verb there, the
            // content's, not a noun of the source; "KINSHASA, March 12 - The town remains ...,
            // the spokesman, Jan Doe, said"), as the tagger reads it
            let nearest = candidates.first().and_then(|&c| valid(c));
            let clause = |s: usize, c2: usize| {
                self.lx
                    .tagger()
                    .tag_lowered(&self.t[s..c2])
                    .iter()
                    .any(|t| t.is_verb())
            };
            let chosen = candidates
                .iter()
                .filter_map(|&c| valid(c))
                .find(|&(s, _)| s == open && (nearest.is_none() || !clause(s, j)))
                .or(nearest);
            let Some((s, c2)) = chosen else {
                // "For Cruz, Darran Whiting of Liberty Baptist Church, said": after a fronted
                // adjunct the phrase between the commas is the source itself
                let c = *candidates.first()?;
                let s = self.np_left_core(j);
                let name_like =
                    s < j && (self.t[s].cap || matches!(self.class(s), Some(FnClass::Det)));
                return (s == c + 1 && name_like).then_some((s..j, s..j));
            };
            return Some((s..j, s..c2));
        }
        if matches!(self.low(j), "who" | "which") {
            // "Jeb Bush, who announced C": the relative pronoun speaks for its antecedent
            let a = if j > self.lo && self.is_comma(j - 1) {
                j - 1
            } else {
                j
            };
            let s = self.np_left_core(a);
            // "18% who say C": with no antecedent phrase the pronoun itself is the source
            return Some(if s < a { (s..k, s..a) } else { (j..k, j..k) });
        }
        // "UNRWA staff have so far confirmed": a phrase saying a count is still rising
        // (`@provisional` rows of `casualties.tsv`) is no source, the phrase before it is (past
        // an auxiliary: "have")
        let provisional = (k.saturating_sub(3).max(self.lo + 1)..k).find(|&p| {
            self.lx
                .provisional
                .longest_in(self.t, p, k)
                .is_some_and(|(n, _)| p + n == k)
        });
        if let Some(p) = provisional {
            let mut b = p;
            while b > self.lo && matches!(self.class(b - 1), Some(FnClass::Aux)) {
                b -= 1;
            }
            return self.left_source(b);
        }
        let s = self.alias_start(self.np_left_core(k), k);
        // "the group known as the White Helmets said": the name belongs to the phrase
        if s >= self.lo + 2 && s < k && self.low(s - 1) == "as" {
            let naming = self
                .lx
                .not_cues
                .longest_in(self.t, s - 2, k)
                .is_some_and(|(n, _)| n == 2);
            let outer = self.np_left_core(s - 2);
            if naming && outer < s - 2 {
                return Some((outer..k, outer..k));
            }
        }
        // "Syria Civil Defence a Syrian rescue group said": an apposition whose commas were
        // stripped; the name before the indefinite article is the head
        if s > self.lo && s < k && self.lx.fn_class(self.low(s)) == Some(FnClass::Det) {
            let mut n = s;
            // (not a time phrase: "on Monday and Tuesday a monitor said")
            let name_word = |i: usize| {
                self.t[i].cap
                    && self.t[i].is_word()
                    && self.class(i).is_none()
                    && !self.is_time_word(i)
            };
            loop {
                if n > self.lo && name_word(n - 1) {
                    n -= 1;
                } else if n > self.lo + 1
                    && n < s
                    && matches!(self.low(n - 1), "of" | "for")
                    && name_word(n - 2)
                {
                    // "the Observatory for Human Rights a monitoring group said"
                    n -= 1;
                } else {
                    break;
                }
            }
            // the article opening the name ("The Syrian Observatory ...")
            if n < s && n > self.lo && self.low(n - 1) == "the" {
                n -= 1;
            }
            let indefinite = matches!(self.low(s), "a" | "an");
            if indefinite && n < s && (n == self.lo || self.is_boundary_before(n)) {
                return Some((n..k, n..s));
            }
            // ... and in text stripped of its commas, a person's name before "the" and the
            // title of one who speaks for a body (`member` rows of `discovery.tsv`; not "the
            // source"), after the content's last word: "C are lies Jan Doe the spokesman
            // for the front told the agency" (a name of two words or more that is no place,
            // after no function word: "in a call with President Jan Doe the president said")
            let titled =
                s + 1 < k && self.low(s) == "the" && self.lx.member_nouns.contains(self.low(s + 1));
            if self.commaless
                && titled
                && s >= n + 2
                && n > self.lo
                && self.t[n - 1].is_word()
                && !self.t[n - 1].cap
                && self.class(n - 1).is_none()
                && self.lx.places.longest_in(self.t, n, s).is_none()
            {
                return Some((n..k, n..s));
            }
        }
        // "A doctor who fled to Turkey in the spring said": the relative clause belongs to the
        // source; its antecedent is the head
        if s > self.lo + 1 && s < k && matches!(self.low(s - 1), "who" | "which") {
            let w = s - 1;
            let h = self.np_left_core(w);
            if h < w && !self.is_comma(w - 1) {
                return Some((h..k, h..w));
            }
        }
        // ... also past the relative clause's verb and object ("The Observatory which has a
        // network of sources in Syria gave a toll of 36"): the pronoun is followed by a verb,
        // and no comma or other cue stands between it and this cue
        if s > self.lo + 2 && s < k {
            let w = (s.saturating_sub(RELATIVE_CLAUSE_WORDS).max(self.lo + 1)..s - 1)
                .rev()
                .take_while(|&i| !self.is_comma(i) && self.lx.cue_forms.get(self.low(i)).is_none())
                .find(|&i| {
                    matches!(self.low(i), "who" | "which")
                        && (self.looks_verbal(i + 1)
                            || matches!(self.class(i + 1), Some(FnClass::Aux)))
                });
            if let Some(w) = w {
                let h = self.np_left_core(w);
                if h < w && !self.is_comma(w - 1) && (h == self.lo || self.is_boundary_before(h)) {
                    return Some((h..k, h..w));
                }
            }
        }
        // "The coalition fighting the Islamic State group said": a participle after a noun
        // opens the subject's modifier; the noun before it heads the source
        if s > self.lo + 1 && s < k {
            let p = s - 1;
            let t = &self.t[p];
            if !t.cap
                && t.lower.ends_with("ing")
                && self.lx.cue_forms.get(&t.lower).is_none()
                && self.t[p - 1].is_word()
                && self.class(p - 1).is_none()
                && self.lx.tagger().tag_lowered(&self.t[self.lo..k])[p - self.lo]
                    == crate::pos::Tag::VBG
            {
                let h = self.np_left_core(p);
                if h < p && (h == self.lo || self.is_boundary_before(h)) {
                    return Some((h..k, h..p));
                }
            }
        }
        // "Police last month said": a time phrase between subject and cue is not the source
        if s < k && (s..k).all(|i| self.is_time_word(i)) {
            let s2 = self.np_left_core(s);
            return (s2 < s).then_some((s2..s, s2..s));
        }
        // "the Assam Rifles in a statement refuted": where it was said closes the subject
        if let Some(t) = (s + 1..k).find(|&t| {
            self.low(t) == "in"
                && k - t <= 5
                && self.lx.document_nouns.contains(self.low(k - 1))
                && (t + 1..k - 1).all(|i| self.t[i].is_word() && !self.t[i].cap)
        }) {
            return Some((s..t, s..t));
        }
        // "Russia on Wednesday denied": a time phrase closing the subject dates the statement
        if let Some(t) = (s + 1..k).find(|&t| self.time_phrase(t) == Some(k)) {
            return Some((s..t, s..t));
        }
        (s < k).then_some((s..k, s..k))
    }

    /// A word of a time phrase ("last", "month", "Monday", "2016").
    fn is_time_word(&self, i: usize) -> bool {
        self.lx.time.contains_key(self.low(i)) || self.t[i].kind == TokKind::Number
    }

    /// Whether the token before `s` ends a clause (so an NP may start at `s`).
    fn is_boundary_before(&self, s: usize) -> bool {
        if s <= self.lo {
            return true;
        }
        let p = s - 1;
        self.is_comma(p)
            || self.t[p].is_quote()
            || self.is_punct(p, ":")
            || self.is_punct(p, ";")
            || self.t[p].kind == TokKind::Dash
            || matches!(
                self.class(p),
                Some(FnClass::Sub | FnClass::Conj | FnClass::ClauseConj)
            )
    }

    /// A lower-case word that is a known predicate or verb form, or has a past-tense ending.
    fn looks_verbal(&self, k: usize) -> bool {
        let t = &self.t[k];
        !t.cap && t.kind == TokKind::Word && self.lx.is_verb_form(&t.lower)
    }

    /// Noun phrase starting at `p` going right; returns its end (== p if none).
    fn np_right(&self, p: usize) -> usize {
        let mut i = p;
        let mut words = 0;
        while i < self.hi && self.np_word(i) {
            let class = self.class(i);
            if matches!(class, Some(FnClass::Prep))
                && !matches!(self.low(i), "of" | "for" | "from" | "at")
            {
                break;
            }
            if matches!(class, Some(FnClass::Prep | FnClass::Conj))
                && (words == 0 || !self.np_word(i + 1))
            {
                break;
            }
            if self.t[i].is_word() {
                words += 1;
            }
            i += 1;
            if words > 12 {
                break;
            }
        }
        // do not end on a preposition / conjunction / determiner / sentence period
        while i > p
            && (matches!(
                self.class(i - 1),
                Some(FnClass::Prep | FnClass::Conj | FnClass::Det)
            ) || (self.is_punct(i - 1, ".") && self.is_terminal(i)))
        {
            i -= 1;
        }
        i
    }

    /// Source after the cue ("said X", "according to X"), with an apposition when `appos`.
    fn right_source(&self, p: usize, appos: bool) -> Option<(Range<usize>, Range<usize>)> {
        let e = self.np_right(p);
        if e == p {
            return None;
        }
        let head = p..e;
        if appos && self.is_comma(e) && e + 1 < self.hi {
            let n = &self.t[e + 1];
            // "said Jan Doe, crisis director at the group": a role noun after a few
            // modifiers with no article
            let bare_role = (e + 1..self.hi.min(e + 5))
                .take_while(|&k| {
                    self.t[k].kind == TokKind::Word
                        && (self.class(k).is_none()
                            || (k > e + 1 && matches!(self.class(k), Some(FnClass::Conj))))
                })
                .any(|k| self.lx.kinds.contains_key(&self.t[k].lower));
            let starts_np = matches!(self.class(e + 1), Some(FnClass::Det))
                || n.cap
                || bare_role
                || n.lower == "who";
            if starts_np && !self.is_cue_word(e + 1) {
                let mut k = e + 1;
                while k < self.hi
                    && !self.is_comma(k)
                    && !self.is_terminal(k)
                    && !self.t[k].is_quote()
                {
                    k += 1;
                }
                return Some((p..k, head));
            }
        }
        Some((p..e, head))
    }

    fn is_terminal(&self, i: usize) -> bool {
        i >= self.hi
            || (self.t[i].kind == TokKind::Punct
                && matches!(
                    self.t[i].lower.as_str(),
                    "." | "!" | "?" | ";" | "…" | "..."
                ))
    }

    /// What follows a source placed after its cue: the sentence must end or turn to an adjunct.
    fn source_tail_ok(&self, e: usize) -> bool {
        self.is_terminal(e)
            || self.is_comma(e)
            || self.t[e].kind == TokKind::Dash
            || matches!(self.class(e), Some(FnClass::Sub | FnClass::Prep))
            || self.t[e].kind == TokKind::OpenQuote
    }

    /// A time phrase starting at `p` ("on Monday", "late Saturday", "last week"): its end.
    fn time_phrase(&self, p: usize) -> Option<usize> {
        use crate::lexicon::TimeWord;
        let mut i = p;
        let opener = |tw: &TimeWord| {
            matches!(
                tw,
                TimeWord::Lead | TimeWord::Shift(_) | TimeWord::Since | TimeWord::Within
            )
        };
        // opening words ("on", "earlier this", "since") or a part of day ("late")
        while i < self.hi
            && i < p + 3
            && self
                .lx
                .time
                .get(self.low(i))
                .is_some_and(|tw| opener(tw) || matches!(tw, TimeWord::Part(_)))
        {
            i += 1;
        }
        let mut any = false;
        while i < self.hi
            && (self.lx.time.get(self.low(i)).is_some_and(|tw| !opener(tw))
                || (any && self.t[i].kind == TokKind::Number))
        {
            any = true;
            i += 1;
        }
        any.then_some(i)
    }

    /// Whether a prepositional phrase at `p` opens an inverted clause: a short noun phrase that
    /// opens on a determiner, then a form of "to be" ("among the dead were", "among those killed
    /// was"; not the gap of "what we expect from Trump is").
    fn inverted_clause(&self, p: usize) -> bool {
        if !matches!(self.class(p), Some(FnClass::Prep))
            || !matches!(self.class(p + 1), Some(FnClass::Det))
        {
            return false;
        }
        for k in p + 1..self.hi.min(p + 2 + INVERTED_PHRASE_WORDS) {
            let t = &self.t[k];
            if self.lx.be_forms.contains(&t.lower) {
                return k > p + 1 && !t.in_quote;
            }
            let noun_like = t.kind == TokKind::Word
                && matches!(self.class(k), None | Some(FnClass::Det))
                && !self.is_cue_word(k);
            if !noun_like {
                return false;
            }
        }
        false
    }

    /// Where the content of a cue ending at `c1` begins: `Ok(Some(p))` a complement at `p`,
    /// `Ok(None)` nothing follows, `Err(())` an adjunct follows (the cue takes no complement here).
    fn right_content(&self, c1: usize, cue: &crate::lexicon::Cue) -> Result<Option<usize>, ()> {
        let f = &cue.frames;
        // "held the M23 (fully) responsible for C": only with its object and a `liable` word
        if f.liable {
            // (the object's phrase may run over the adjective: look a few words past it)
            let e = self.np_right(c1);
            let liable = (c1 + 1..(e + 3).min(self.hi))
                .take_while(|&k| !self.is_comma(k) && !self.is_terminal(k))
                .find(|&k| self.lx.liable_words.contains(self.low(k)));
            let object = |j: usize| {
                !self.is_pronoun(c1)
                    && (c1..j).any(|k| {
                        self.t[k].is_word() && self.class(k).is_none() && !self.is_ly_adverb(k)
                    })
            };
            return match liable {
                Some(j) if object(j) => Ok(Some(c1)),
                _ => Err(()),
            };
        }
        let mut p = c1;
        // indirect object: "told Reuters", "told reporters on Monday"
        if f.obj && !f.to && p < self.hi {
            let obj_end = if matches!(self.class(p), Some(FnClass::Obj)) || self.is_pronoun(p) {
                p + 1
            } else {
                self.np_right(p)
            };
            if obj_end > p && obj_end - p <= 7 {
                p = obj_end;
            }
        }
        for _ in 0..3 {
            // a parenthetical: "said, twice, that C", "said — on Twitter, as it happens — that C"
            if self.is_comma(p) || (p < self.hi && self.t[p].kind == TokKind::Dash) {
                let dash = self.t[p].kind == TokKind::Dash;
                let close = (p + 1..self.hi.min(p + 10)).find(|&k| {
                    if dash {
                        self.t[k].kind == TokKind::Dash
                    } else {
                        self.is_comma(k) || self.t[k].is_quote() || self.is_terminal(k)
                    }
                });
                if let Some(k) = close {
                    if k > p + 1 && self.low(k + 1) == "that" && (dash || self.is_comma(k)) {
                        p = k + 1;
                        break;
                    }
                }
            }
            if let Some(e) = self.time_phrase(p) {
                p = e;
                if self.is_comma(p) {
                    p += 1;
                }
                continue;
            }
            // "in a statement that", "on Monday that" (but "at least 25 people", "about 20 civilians" are content)
            let quantity = self
                .lx
                .quantities
                .longest_in(self.t, p, self.hi)
                .is_some_and(|(n, _)| {
                    n > 1 || (p + n < self.hi && self.t[p + n].kind == TokKind::Number)
                });
            if f.about && self.low(p) == "about" {
                return Ok(Some(p));
            }
            // "said among the dead were 12 children": a fronted phrase before a form of "to be"
            // opens the complement (an inverted clause), it is no adjunct of the cue
            if (f.that || f.np) && self.inverted_clause(p) {
                return Ok(Some(p));
            }
            if matches!(self.class(p), Some(FnClass::Prep))
                && !(f.for_ && self.low(p) == "for")
                && !quantity
            {
                let mut k = p + 1;
                let mut found = None;
                while k < self.hi && k < p + 12 {
                    // "told reporters in Nashua last week, “Q”"
                    if (self.is_comma(k) || self.is_punct(k, ":"))
                        && self
                            .t
                            .get(k + 1)
                            .is_some_and(|t| t.kind == TokKind::OpenQuote)
                        && k + 1 < self.hi
                    {
                        found = Some(k);
                        break;
                    }
                    if self.is_comma(k) || self.t[k].is_quote() || self.is_terminal(k) {
                        break;
                    }
                    if self.low(k) == "that" {
                        found = Some(k);
                        break;
                    }
                    k += 1;
                }
                match found {
                    Some(k) => p = k,
                    None => {
                        if (f.np || f.to) && self.low(p) == "to" {
                            break;
                        }
                        return Err(());
                    }
                }
            }
            break;
        }
        if self.is_terminal(p) {
            return Ok(None);
        }
        // a cue that only takes an infinitive ("plans to", "declined to") needs its "to"
        if f.to
            && !(f.that || f.np || f.obj || f.quote || f.ing || f.of || f.for_ || f.as_)
            && self.low(p) != "to"
        {
            return Err(());
        }
        match self.low(p) {
            // "I think that has been part of it": "that" is the subject, not a complementizer
            "that"
                if matches!(self.class(p + 1), Some(FnClass::Aux))
                    && self.lx.be_forms.contains(self.low(p + 1))
                    || matches!(self.low(p + 1), "has" | "had" | "will" | "would") =>
            {
                return Ok(Some(p));
            }
            "that" => return Ok(Some(p + 1)),
            ":" => return Ok(Some(p + 1)),
            "for" if f.for_ => return Ok(Some(p + 1)),
            "," if self
                .t
                .get(p + 1)
                .is_some_and(|t| t.kind == TokKind::OpenQuote) =>
            {
                return Ok(Some(p + 1));
            }
            "," => return Err(()),
            _ => {}
        }
        // "asked whether C", "wondered why C"
        if f.wh && self.lx.interrogatives.contains(self.low(p)) {
            return Ok(Some(p));
        }
        if matches!(self.class(p), Some(FnClass::Sub)) && self.low(p) != "that" {
            return Err(());
        }
        if self.t[p].kind == TokKind::Dash {
            return Err(());
        }
        // "maintained that C" but not "maintained an account"
        if f.marked && self.t[p].kind != TokKind::OpenQuote {
            return Err(());
        }
        Ok(Some(p))
    }
}

/// Extracts the attributions of sentence `s`.
pub fn sentence_attributions(seg: &Segmented, s: usize, lx: &Lexicon) -> Vec<RawAttribution> {
    let sent = &seg.sentences[s];
    let cx = Ctx {
        t: &seg.tokens,
        lx,
        lo: sent.tokens.start,
        hi: sent.tokens.end,
        commaless: seg.commaless,
    };
    let mut out: Vec<RawAttribution> = Vec::new();
    // "Bernie Sanders Says He Has Started": cues may be capitalized in a title-case headline
    let (caps, words) = crate::segment::capital_share(&cx.t[cx.lo..cx.hi]);
    let title_case = sent.headline || (words >= 4 && caps >= 70);
    if let Some(a) = colon_line(&cx, s, sent.headline).or_else(|| dash_line(&cx, s)) {
        out.push(a);
    }
    let mut i = cx.lo;
    // the object of a denial before its content: no verb cue there
    let mut object_until = cx.lo;
    while i < cx.hi {
        let tok = &cx.t[i];
        if tok.in_quote || tok.kind != TokKind::Word {
            i += 1;
            continue;
        }
        // prepositional cues: "according to X"
        if let Some((n, &(c, _))) = lx.cue_forms.longest_in(cx.t, i, cx.hi) {
            if lx.cue(c).frames.prep {
                match according_to(&cx, s, i, n, lx.cue(c), &out) {
                    Some(a) => {
                        i = a.cue.end;
                        out.push(a);
                    }
                    None => i += n,
                }
                continue;
            }
        }
        if let Some(a) = nominal(&cx, s, i) {
            i = a.content.start.max(a.cue.end);
            out.push(a);
            continue;
        }
        if i < object_until {
            i += 1;
            continue;
        }
        let Some((n, &(cue_idx, form))) = lx
            .cue_forms
            .longest_in(cx.t, i, cx.hi)
            .or_else(|| lx.liable_cue_forms.longest_in(cx.t, i, cx.hi))
        else {
            i += 1;
            continue;
        };
        let c0 = i;
        let c1 = i + n;
        i = c1;
        // nominal or proper-noun uses: "the report", "United States", "a claim"
        if c0 > cx.lo {
            let prev = cx.low(c0 - 1);
            if matches!(cx.class(c0 - 1), Some(FnClass::Det))
                && prev != "that"
                && !cx.floating_quantifier(c0 - 1)
                || prev == "'s"
            {
                continue;
            }
            // "an intercepted call", "the alleged claim": a determiner and a participle before
            // a bare form make it a noun ("the accused denied" stays a verb)
            if form == Form::Base
                && c0 > cx.lo + 1
                && cx.t[c0 - 1].kind == TokKind::Word
                && !cx.t[c0 - 1].cap
                && prev.ends_with("ed")
                && matches!(cx.class(c0 - 2), Some(FnClass::Det))
                && cx.low(c0 - 2) != "that"
            {
                continue;
            }
            let headline_verb = title_case && matches!(form, Form::ThirdSingular | Form::Past);
            if tok.cap && !cx.t[c0 - 1].is_quote() && !cx.is_punct(c0 - 1, ":") && !headline_verb {
                continue;
            }
        }
        if lx.not_cues.longest_in(cx.t, c0, cx.hi).is_some() {
            continue;
        }
        // "the war has claimed more than 300,000 lives"
        if let Some(objects) = lx.not_cue_objects.get(&tok.lower) {
            let window = c1..(c1 + NOT_CUE_OBJECT_WINDOW).min(cx.hi);
            if window
                .take_while(|&k| cx.t[k].is_word())
                .any(|k| objects.contains(&cx.t[k].lower))
            {
                continue;
            }
        }
        // "put the death toll at 38", not "put pressure on": a cue of figures needs a toll noun
        // opening its object
        if lx.cue(cue_idx).frames.toll_only() && !toll_object(&cx, c1) {
            continue;
        }
        // "branded the reports lies", not "the terms of the truce": a cue of falsity needs a
        // falsity word after it
        if lx.cue(cue_idx).frames.false_only()
            && !(c1..(c1 + FALSITY_WINDOW).min(cx.hi)).any(|k| lx.falsity.contains(cx.low(k)))
        {
            continue;
        }
        // noun-like forms ("the report", "swing states") need a verbal context
        if n == 1 && lx.cue_nouns.contains(&tok.lower) && !verbal_context(&cx, c0, c1) {
            continue;
        }
        if let Some(a) = cue_attribution(&cx, s, c0, c1, cue_idx, form, &out) {
            // "denied reports that C", "dismissed as fabrications claims that C": the denied
            // object's noun is no verb cue ("claims", "reports"), though a nominal cue with its
            // own source is ("the army's accusations that C")
            if a.cue_type == CueType::Deny && a.layout == Layout::SourceCueContent {
                object_until = a.content.start;
            }
            out.push(a);
        }
    }
    cut_sources_at_for_gerund(&cx, &mut out);
    trim_contents(&cx, &mut out);
    drop_self_reports(&cx, &mut out);
    drop_verb_sources(&cx, &mut out);
    drop_nested_sourceless(&mut out);
    for a in &mut out {
        cut_phrase_content(&cx, a);
        cut_relative_content(&cx, a);
        cut_fronted_clause_content(&cx, a);
        hedge_from_content(&cx, a);
        a.kind = quote_kind(&cx, &mut a.content);
        for r in &mut a.extra {
            quote_kind(&cx, r);
        }
    }
    medial_continuation(&cx, &mut out);
    out.retain(|a| {
        let quote_only = lx
            .cue_forms
            .get(&a.cue_lemma)
            .map(|(c, _)| lx.cue(*c).frames.quote_only())
            .unwrap_or(false);
        !a.content.is_empty() && (!quote_only || a.kind == QuoteKind::Direct)
    });
    out
}

/// Most words of the phrase that opens an inverted clause ("among those killed in the raid were").
const INVERTED_PHRASE_WORDS: usize = 4;

/// How far after a cue with the `toll` frame its toll noun may stand ("put the civilian death
/// toll at 38").
const TOLL_OBJECT_WINDOW: usize = 3;

/// Whether a toll noun opens the object after `c1` ("the death toll", "the overall toll"):
/// determiners and a modifier or two may stand before it.
fn toll_object(cx: &Ctx, c1: usize) -> bool {
    let lx = cx.lx;
    let mut j = c1;
    while j < cx.hi && j <= c1 + TOLL_OBJECT_WINDOW {
        if lx.toll_nouns.longest_in(cx.t, j, cx.hi).is_some() {
            return true;
        }
        let t = &cx.t[j];
        let modifier = t.kind == TokKind::Word
            && matches!(cx.class(j), None | Some(FnClass::Det))
            && !cx.is_cue_word(j);
        if !modifier {
            return false;
        }
        j += 1;
    }
    false
}

/// "Paul Ryan: FBI decision defies explanation", "Q: And the wall?": a short name-like phrase,
/// a colon, then the content.
fn colon_line(cx: &Ctx, s: usize, headline: bool) -> Option<RawAttribution> {
    // a transcript's turn inside a quotation left open over the paragraphs
    // ("\"WALLACE: Let's start ..."): the speaker in capitals after the opening mark
    let quoted_turn = cx.t[cx.lo].kind == TokKind::OpenQuote
        && cx
            .t
            .get(cx.lo + 1)
            .is_some_and(|t| t.upper && t.kind == TokKind::Word);
    let lo = if quoted_turn { cx.lo + 1 } else { cx.lo };
    let c = (lo..cx.hi.min(lo + 7)).find(|&k| cx.is_punct(k, ":"))?;
    if c == lo
        || (cx.t[c].in_quote && !quoted_turn)
        || cx.hi - c < 4
        || cx.t.get(c + 1).is_some_and(|t| t.kind == TokKind::Number)
    {
        return None;
    }
    // a name: capitalized words only, not a lone letter ("A:", "Q:")
    let name = (lo..c).all(|k| {
        cx.t[k].kind == TokKind::Word
            && cx.t[k].cap
            && (!quoted_turn || cx.t[k].upper)
            && cx.class(k).is_none()
    });
    let lone_letter = c - lo == 1 && cx.t[lo].lower.chars().count() == 1;
    if !name || lone_letter || (lo..c).any(|k| cx.is_cue_word(k)) {
        return None;
    }
    // "QUETTA: Armed men attacked ...": a dateline, the place the report was filed from
    let words: Vec<&str> = (lo..c).map(|k| cx.t[k].lower.as_str()).collect();
    // (or a place a headline or a lead opens with: "Bunia: At least 21 displaced people were
    // killed", "Banibangou: the army repels an attack"; not a party's name, "Israel: ...")
    let joined = words.join(" ");
    let place = cx.lx.places.get(&joined).is_some();
    let party = cx.lx.alias_index.get(words[0]).is_some_and(|v| {
        v.iter().any(|&a| {
            let w = &cx.lx.aliases[a].words;
            w.len() == words.len() && w.iter().zip(&words).all(|(x, y)| x.to_lowercase() == *y)
        })
    });
    // (... and a country a headline opens with before an imperative: "Nigeria: Investigate
    // air strike that killed 26 civilians", a rights group's call about the country; not
    // "Israel: The strike hit a command centre")
    let topic = || {
        headline && cx.t[c + 1].kind == TokKind::Word && {
            // (the words in lower case: a headline's capital says nothing)
            let words: Vec<&str> = cx.t[c + 1..cx.hi]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            matches!(
                cx.lx.tagger().tag(&words)[0],
                crate::pos::Tag::VB | crate::pos::Tag::VBP
            )
        }
    };
    // (a country whose name is a party's is still a place here: `Gazetteer::place`)
    if (place && ((lo..c).all(|k| cx.t[k].upper) || !party))
        || (cx.lx.places.place(&joined).is_some() && topic())
    {
        return None;
    }
    Some(RawAttribution {
        sentence: s,
        source: Some(lo..c),
        source_head: Some(lo..c),
        cue: c..c + 1,
        content: c + 1..cx.hi,
        extra: Vec::new(),
        cue_lemma: ":".into(),
        cue_type: CueType::Assert,
        polarity: Polarity::Assert,
        commitment: Commitment::Certain,
        negated: false,
        kind: QuoteKind::Indirect,
        layout: Layout::Colon,
        frame_start: cx.lo,
        inherits: None,
    })
}

/// "“The bridge is open” — Transport Minister Ana Ruiz": a quotation signed after a dash.
fn dash_line(cx: &Ctx, s: usize) -> Option<RawAttribution> {
    if cx.t[cx.lo].kind != TokKind::OpenQuote {
        return None;
    }
    let d = (cx.lo..cx.hi).find(|&k| cx.t[k].kind == TokKind::Dash && !cx.t[k].in_quote)?;
    if d == cx.lo || !(cx.is_close_quote(d - 1) || (d >= 2 && cx.is_close_quote(d - 2))) {
        return None;
    }
    let mut end = cx.hi;
    while end > d + 1 && cx.t[end - 1].kind == TokKind::Punct {
        end -= 1;
    }
    let name = d + 1..end;
    let words = name.clone().filter(|&k| cx.t[k].is_word()).count();
    if name.is_empty() || words > 8 || !cx.t[d + 1].cap || name.clone().any(|k| cx.is_cue_word(k)) {
        return None;
    }
    let head_end = (name.start..name.end)
        .find(|&k| cx.is_comma(k))
        .unwrap_or(name.end);
    Some(RawAttribution {
        sentence: s,
        source: Some(name.clone()),
        source_head: Some(name.start..head_end),
        cue: d..d + 1,
        content: cx.lo..d,
        extra: Vec::new(),
        cue_lemma: "—".into(),
        cue_type: CueType::Assert,
        polarity: Polarity::Assert,
        commitment: Commitment::Certain,
        negated: false,
        kind: QuoteKind::Direct,
        layout: Layout::QuoteDash,
        frame_start: d,
        inherits: None,
    })
}

/// "The ministry's claim that C", "the announcement by the ministry that C".
fn nominal(cx: &Ctx, s: usize, i: usize) -> Option<RawAttribution> {
    let &(ty, commitment) = cx.lx.nominal_cues.get(cx.low(i))?;
    if cx.t[i].in_quote {
        return None;
    }
    let (source, head, content_start) =
        if i >= 2 && cx.low(i - 1) == "'s" && cx.low(i + 1) == "that" {
            // possessor: "The ministry's claim that"
            let s0 = cx.np_left_core(i - 1);
            if s0 == i - 1 {
                return None;
            }
            (s0..i - 1, s0..i - 1, i + 2)
        } else if matches!(cx.low(i + 1), "by" | "from") {
            // "the claim by the ministry that C", "denials from the ministry that C"
            let (src, head) = cx.right_source(i + 2, false)?;
            if cx.low(src.end) == "that" {
                let p = src.end + 1;
                (src, head, p)
            } else if ty == CueType::Deny {
                // "C despite repeated denials from X": X denies the clause before the preposition
                let mut q = i;
                while q > cx.lo + 1
                    && i - q < 2
                    && cx.t[q - 1].is_word()
                    && !cx.t[q - 1].cap
                    && cx.class(q - 1).is_none()
                {
                    q -= 1;
                }
                let prep = q.checked_sub(1).filter(|&p| {
                    p > cx.lo && matches!(cx.class(p), Some(FnClass::Prep)) && !cx.t[p].in_quote
                })?;
                if !cx.source_tail_ok(src.end) {
                    return None;
                }
                let start = dateline_end(cx);
                if prep <= start {
                    return None;
                }
                return Some(nominal_attribution(
                    s,
                    i,
                    cx.low(i),
                    (ty, commitment),
                    (src, head),
                    start..prep,
                ));
            } else {
                return None;
            }
        } else if cx.low(i + 1) == "that" && i > cx.lo && complementizer(cx, i + 1) {
            // a modifier that names a party: "rebel allegations that C", "Russian claims that C"
            let mut m = i;
            while m > cx.lo && i - m < 3 && party_modifier(cx, m - 1) {
                m -= 1;
            }
            if m == i {
                return None;
            }
            // a noun that is also a verb needs its phrase inside a clause: "denied Russian
            // claims that C", not "Russia claims that C"
            let inside = m > cx.lo
                && (matches!(cx.class(m - 1), Some(FnClass::Det | FnClass::Prep))
                    || cx.is_cue_word(m - 1)
                    || cx.looks_verbal(m - 1));
            if cx.is_cue_word(i) && !inside {
                return None;
            }
            (m..i, m..i, i + 2)
        } else {
            return None;
        };
    if content_start >= cx.hi {
        return None;
    }
    Some(nominal_attribution(
        s,
        i,
        cx.low(i),
        (ty, commitment),
        (source, head),
        content_start..cx.hi,
    ))
}

/// "denied reports that C", "rejected rebel allegations that C", "rejected the monitor's charge
/// that C", "dismissed the claim by the monitor that C": where C begins, when the complement at
/// `p` is a noun that stands for a claim.
fn anaphor_content(cx: &Ctx, p: usize) -> Option<usize> {
    let mut k = p;
    if matches!(cx.class(k), Some(FnClass::Det)) {
        k += 1;
    }
    // a possessor or modifiers before the noun
    let a = (k..(k + 4).min(cx.hi)).find(|&a| cx.lx.deny_anaphors.contains(cx.low(a)))?;
    let modifiers = (k..a).all(|j| {
        !cx.t[j].in_quote
            && (cx.low(j) == "'s"
                || (cx.t[j].is_word()
                    && cx.class(j).is_none_or(|c| c == FnClass::Det && j > k)
                    && !cx.is_cue_word(j)))
    });
    if !modifiers {
        return None;
    }
    match cx.low(a + 1) {
        "that" if complementizer(cx, a + 1) => Some(a + 2),
        "by" | "from" => {
            let (src, _) = cx.right_source(a + 2, false)?;
            (cx.low(src.end) == "that" && complementizer(cx, src.end)).then_some(src.end + 1)
        }
        _ => None,
    }
}

/// The start of the noun phrase a relative pronoun at `r` refers to ("the suspected attack" in
/// "died in the suspected attack that X blames on Y", "the shelling of the market which X
/// blames on Y"): back to its determiner, over a few words and prepositional phrases, never
/// across a verb. Of the determiners passed, the nearest whose phrase names an event wins ("a
/// deadly gas attack in the west of the country that X blamed on Y": the attack, not the
/// west); without one, the farthest within [`ANTECEDENT_WORDS`].
fn antecedent_start(cx: &Ctx, r: usize) -> Option<usize> {
    let mut j = r;
    let mut dets = Vec::new();
    while j > cx.lo && r - j < ANTECEDENT_EVENT_WORDS {
        let i = j - 1;
        let of = matches!(cx.class(i), Some(FnClass::Prep)) && !dets.is_empty();
        if !of && (!cx.np_word(i) || matches!(cx.class(i), Some(FnClass::Prep | FnClass::Conj))) {
            break;
        }
        if cx.looks_verbal(i) && !(i > cx.lo && matches!(cx.class(i - 1), Some(FnClass::Det))) {
            break;
        }
        j = i;
        if matches!(cx.class(i), Some(FnClass::Det)) {
            dets.push(i);
            if !(i > cx.lo && matches!(cx.class(i - 1), Some(FnClass::Prep))) {
                break;
            }
        }
    }
    let names_event = |s: usize| (s..r).any(|k| cx.lx.frames.longest_in(cx.t, k, r).is_some());
    if let Some(&s) = dets.iter().find(|&&s| names_event(s)) {
        return Some(s);
    }
    let near = dets.iter().copied().rfind(|&s| r - s <= ANTECEDENT_WORDS);
    let bare = Some(j.max(r.saturating_sub(ANTECEDENT_WORDS)));
    near.or(bare).filter(|&s| s < r)
}

/// Most words of a relative clause inside a source ("which has a network of sources in Syria").
const RELATIVE_CLAUSE_WORDS: usize = 10;

/// Most words back from a relative pronoun to its antecedent's determiner, when no nearer
/// determiner's phrase names an event.
const ANTECEDENT_WORDS: usize = 9;

/// Most words back to an antecedent that names an event ("a deadly poison gas attack in the
/// west of the country that …").
const ANTECEDENT_EVENT_WORDS: usize = 16;

/// A "that" at `k` that opens a clause, not a relative one: "claims that were rejected".
fn complementizer(cx: &Ctx, k: usize) -> bool {
    k + 1 < cx.hi && !(matches!(cx.class(k + 1), Some(FnClass::Aux)) || cx.looks_verbal(k + 1))
}

/// A word before a nominal cue that names its party: a capitalized name or adjective not
/// opening the sentence ("Russian claims"), a party alias or a role noun ("rebel allegations",
/// "opposition claims").
fn party_modifier(cx: &Ctx, j: usize) -> bool {
    let t = &cx.t[j];
    if t.kind != TokKind::Word || t.in_quote || cx.class(j).is_some() || cx.is_cue_word(j) {
        return false;
    }
    let alias = cx
        .lx
        .alias_index
        .get(&t.lower)
        .is_some_and(|c| c.iter().any(|&a| cx.lx.aliases[a].words.len() == 1))
        || cx.lx.roles.longest_in(cx.t, j, j + 1).is_some();
    alias || (t.cap && j > cx.lo && !cx.lx.has(WordList::Time, t))
}

fn nominal_attribution(
    s: usize,
    i: usize,
    lemma: &str,
    (ty, commitment): (CueType, Commitment),
    (source, head): (Range<usize>, Range<usize>),
    content: Range<usize>,
) -> RawAttribution {
    RawAttribution {
        sentence: s,
        source: Some(source),
        source_head: Some(head),
        cue: i..i + 1,
        content,
        extra: Vec::new(),
        cue_lemma: lemma.to_string(),
        cue_type: ty,
        polarity: if ty == CueType::Deny {
            Polarity::Deny
        } else {
            Polarity::Assert
        },
        commitment,
        negated: false,
        kind: QuoteKind::Indirect,
        layout: Layout::Nominal,
        frame_start: i,
        inherits: None,
    }
}

/// A complement marker after the cue, or an auxiliary / negation / pronoun right before it.
fn verbal_context(cx: &Ctx, c0: usize, c1: usize) -> bool {
    let after = cx.low(c1);
    // "states that vote": a relative "that" is followed by its verb, a complementizer by a subject
    let complementizer = after == "that"
        && !(c1 + 1 < cx.hi
            && (matches!(cx.class(c1 + 1), Some(FnClass::Aux)) || cx.looks_verbal(c1 + 1)));
    let marker = complementizer
        || after == ":"
        || (c1 < cx.hi && cx.t[c1].kind == TokKind::OpenQuote)
        || (after == "," && c1 + 1 < cx.hi && cx.t[c1 + 1].kind == TokKind::OpenQuote);
    let plural_subject = c0 > cx.lo && {
        let p = &cx.t[c0 - 1];
        p.kind == TokKind::Word
            && p.lower.len() > 3
            && p.lower.ends_with('s')
            && !p.lower.ends_with("ss")
            && cx.class(c0 - 1).is_none()
            && !cx.is_cue_word(c0 - 1)
    };
    let adjective = c0 > cx.lo + 1 && matches!(cx.class(c0 - 2), Some(FnClass::Det));
    // "The IDF disputes the figures": a noun is seldom followed by a determiner (not read in
    // text stripped of its commas: "amid border disputes the army said")
    let object_follows = !cx.commaless
        && c0 > cx.lo
        && cx.t[c0 - 1].is_word()
        && cx.class(c0 - 1).is_none()
        && matches!(cx.class(c1), Some(FnClass::Det));
    let before = object_follows
        || c0 > cx.lo
            && ((matches!(cx.class(c0 - 1), Some(FnClass::Aux)) && !adjective)
                || cx.lx.document_nouns.contains(cx.low(c0 - 1))
                || cx.is_pronoun(c0 - 1)
                || cx.lx.negations.contains(cx.low(c0 - 1))
                || plural_subject);
    marker || before
}

fn according_to(
    cx: &Ctx,
    s: usize,
    i: usize,
    n: usize,
    cue: &crate::lexicon::Cue,
    prev: &[RawAttribution],
) -> Option<RawAttribution> {
    let p = i + n;
    // fronted only at the start of the sentence ("But according to X, C")
    let fronted =
        (cx.lo..i).all(|k| matches!(cx.class(k), Some(FnClass::Conj | FnClass::ClauseConj)));
    let (mut source, mut head) = cx.right_source(p, !fronted)?;
    // "According to the Defense Army the enemy shelled the city" (commas stripped): a
    // determiner after the source's words opens the content's subject when a verb follows it
    if fronted && !cx.is_comma(source.end) {
        let split = (p + 1..source.end).find(|&d| {
            matches!(cx.class(d), Some(FnClass::Det))
                && cx.t[d - 1].is_word()
                && cx.class(d - 1).is_none()
                && (d + 1..source.end).any(|v| cx.looks_verbal(v))
        });
        if let Some(d) = split {
            source = p..d;
            head = head.start..head.end.min(d);
        }
    }
    let content = if fronted {
        let mut c = source.end;
        if cx.is_comma(c) {
            c += 1;
        }
        c..cx.hi
    } else {
        let end = if i > cx.lo && cx.is_comma(i - 1) {
            i - 1
        } else {
            i
        };
        content_start(cx, prev, i)..end
    };
    Some(RawAttribution {
        sentence: s,
        frame_start: if fronted { i } else { extend_frame_left(cx, i) },
        source: Some(source),
        source_head: Some(head),
        cue: i..i + n,
        content,
        extra: Vec::new(),
        cue_lemma: cue.lemma.clone(),
        cue_type: cue.ty,
        polarity: if cue.ty == CueType::Deny {
            Polarity::Deny
        } else {
            Polarity::Assert
        },
        commitment: cue.commitment,
        negated: false,
        kind: QuoteKind::Indirect,
        layout: Layout::AccordingTo,
        inherits: None,
    })
}

/// Start of a content that precedes its cue at `cue`: the sentence start, or after an earlier
/// attribution. An earlier attribution whose content runs on past `cue` is nested in this
/// content ("Voters said C, according to a poll": the poll reports that voters said C).
fn content_start(cx: &Ctx, prev: &[RawAttribution], cue: usize) -> usize {
    prev.iter()
        .filter(|a| a.layout != Layout::Sourceless && a.content.end <= cue)
        .map(|a| {
            a.content
                .end
                .max(a.cue.end)
                .max(a.source.as_ref().map_or(0, |r| r.end))
        })
        .max()
        .map_or_else(|| dateline_end(cx), |e| e.max(cx.lo))
}

/// Extends a frame start leftwards over connectors (", which was", "-but", "as", "and").
fn extend_frame_left(cx: &Ctx, mut k: usize) -> usize {
    while k > cx.lo {
        let p = k - 1;
        let connector = cx.is_comma(p)
            || cx.t[p].kind == TokKind::Dash
            || matches!(
                cx.class(p),
                Some(FnClass::Aux | FnClass::Sub | FnClass::Conj | FnClass::ClauseConj)
            );
        if !connector {
            break;
        }
        k = p;
    }
    k
}

/// Most tokens between a quoting verb and the "as" of "quoted X as saying C".
const QUOTED_AS_MAX: usize = 16;

/// How far before a cue the article of an apposition may be ("an accusation the Kurdish
/// militia has denied").
const APPOSITION_REACH: usize = 8;

#[allow(clippy::too_many_arguments)]
fn cue_attribution(
    cx: &Ctx,
    s: usize,
    c0: usize,
    c1: usize,
    cue_idx: usize,
    form: Form,
    prev: &[RawAttribution],
) -> Option<RawAttribution> {
    let lx = cx.lx;
    let cue = lx.cue(cue_idx);
    // Auxiliaries, negation and modals before the cue.
    let mut k0 = c0;
    let mut negated = false;
    let mut commitment = cue.commitment;
    let mut passive_aux = false;
    while k0 > cx.lo {
        let p = k0 - 1;
        let w = cx.low(p);
        if w == "to" && p > cx.lo && lx.negations.contains(cx.low(p - 1)) {
            negated = true;
            k0 = p - 1;
            continue;
        }
        // auxiliaries and adverbs ("has also said", "falsely claimed") sit between source and cue
        let adverb = cx.is_ly_adverb(p);
        // a floating quantifier after the subject: "Rebels and the army have both denied"
        let floating = cx.floating_quantifier(p);
        if (matches!(cx.class(p), Some(FnClass::Aux)) || adverb || floating) && !cx.t[p].in_quote {
            if lx.negations.contains(w) {
                negated = true;
            }
            if let Some(&h) = lx.hedges.get(w) {
                commitment = commitment.max(h);
            }
            if lx.be_forms.contains(w) {
                passive_aux = true;
            }
            k0 = p;
            continue;
        }
        break;
    }
    let mk = |source: Option<(Range<usize>, Range<usize>)>,
              content: Range<usize>,
              layout: Layout,
              frame_start: usize| {
        let (source, source_head) = match source {
            Some((a, b)) => (Some(a), Some(b)),
            None => (None, None),
        };
        let (polarity, commitment) = polarity_of(cue.ty, cue.frames.refuse, negated, commitment);
        RawAttribution {
            sentence: s,
            source,
            source_head,
            cue: c0..c1,
            content,
            extra: Vec::new(),
            cue_lemma: cue.lemma.clone(),
            cue_type: cue.ty,
            polarity,
            commitment,
            negated,
            kind: QuoteKind::Indirect,
            layout,
            frame_start,
            inherits: None,
        }
    };

    // A sentence adverb ("The bridge has reportedly reopened"), unless a verb cue follows.
    if cue.frames.adv {
        if (c1..cx.hi).any(|k| !cx.t[k].in_quote && cx.is_cue_word(k)) {
            return None;
        }
        return Some(mk(None, cx.lo..cx.hi, Layout::Sourceless, cx.lo));
    }

    // Passive raising with a cue that takes no infinitive: "X is said to be", "X reported to
    // have" (a headline drops the "is"): no source; the content is the subject and what follows.
    let passive_raise = form == Form::Past
        && !cue.frames.to
        && cx.low(c1) == "to"
        && matches!(cx.class(c1 + 1), Some(FnClass::Aux));
    // Raising: "Trump's supporters seemed unperturbed", "X is expected to win": no source;
    // the content is the subject and what follows.
    if cue.frames.raise || passive_raise {
        let passive_ok = !passive_aux || cx.low(c1) == "to";
        let active_ok = passive_aux || !cue.frames.that || cx.low(c1) == "to";
        if passive_ok && active_ok && c1 < cx.hi && !cx.is_terminal(c1) {
            if let Some((subj, _)) = cx.left_source(k0) {
                if !(subj.len() == 1 && cx.low(subj.start) == "it") {
                    let mut a = mk(None, subj.clone(), Layout::Sourceless, subj.start);
                    a.extra.push(c1..cx.hi);
                    a.cue = (if passive_aux { k0 } else { c0 })..c1;
                    return Some(a);
                }
            }
        }
        if cue.frames.that && !passive_aux {
            // "analysts expect that C": an ordinary cue, handled below
        } else {
            return None;
        }
    }

    // Passive with an agent: "which was deemed by X as C"; "it was reported that C";
    // "X was quoted as saying C".
    if passive_aux && form == Form::Past && cx.low(c1) == "as" {
        let saying = lx
            .cue_forms
            .get(cx.low(c1 + 1))
            .is_some_and(|(_, f)| *f == Form::Ing);
        let (src, head) = cx.left_source(k0)?;
        if saying {
            let mut p = c1 + 2;
            if cx.low(p) == "that" || cx.is_punct(p, ":") || cx.is_comma(p) {
                p += 1;
            }
            let mut a = mk(
                Some((src.clone(), head)),
                p..cx.hi,
                Layout::SourceCueContent,
                src.start,
            );
            a.cue = c0..c1 + 2;
            return Some(a);
        }
    }
    // A reduced passive between commas: "The campaign, first reported by The Post, is …": the
    // agent speaks; the content is the clause around the parenthesis.
    if !passive_aux
        && form == Form::Past
        && cx.low(c1) == "by"
        && k0 > cx.lo + 1
        && cx.is_comma(k0 - 1)
    {
        let (src, head) = cx.right_source(c1 + 1, false)?;
        if !cx.is_comma(src.end) || src.end + 1 >= cx.hi {
            return None;
        }
        let mut a = mk(
            Some((src.clone(), head)),
            content_start(cx, prev, c0)..k0 - 1,
            Layout::PassiveBy,
            k0 - 1,
        );
        a.extra.push(src.end + 1..cx.hi);
        return Some(a);
    }
    if passive_aux && form == Form::Past {
        if cx.low(c1) == "by" {
            let (src, head) = cx.right_source(c1 + 1, false)?;
            let mut p = src.end;
            // only "deemed by X as C" / "told by X that C" carry their content after the agent;
            // "Trump was criticized by his rivals" reports no content of its own
            if cue.frames.as_ && cx.low(p) == "as" || cx.low(p) == "that" {
                p += 1;
            } else {
                return None;
            }
            let a = mk(
                Some((src, head)),
                p..cx.hi,
                Layout::PassiveBy,
                extend_frame_left(cx, k0),
            );
            return Some(a);
        }
        if k0 > cx.lo && cx.low(k0 - 1) == "it" && cx.low(c1) == "that" {
            return Some(mk(
                None,
                c1 + 1..cx.hi,
                Layout::Sourceless,
                extend_frame_left(cx, k0 - 1),
            ));
        }
        return None;
    }

    // "SANA quoted a military source on Wednesday as saying C": the quoted phrase speaks (the
    // quoting outlet becomes its carrier: `speaker::relays`)
    if form == Form::Ing && k0 == c0 && k0 > cx.lo + 2 && cx.low(k0 - 1) == "as" {
        let quote = (cx.lo..k0 - 1)
            .rev()
            .take(QUOTED_AS_MAX)
            .find(|&k| !cx.t[k].in_quote && lx.quote_verbs.contains(cx.low(k)));
        if let Some(q) = quote {
            let s = q + 1;
            let e = cx.np_right(s).min(k0 - 1);
            if e > s {
                if let Ok(Some(p)) = cx.right_content(c1, cue) {
                    return Some(mk(
                        Some((s..e, s..e)),
                        p..cx.hi,
                        Layout::SourceCueContent,
                        s,
                    ));
                }
            }
        }
    }

    // Participial ", adding that C" and coordinated "... and suggested that C" inherit the
    // preceding attribution's source.
    let coordinated =
        k0 > cx.lo && matches!(cx.class(k0 - 1), Some(FnClass::Conj | FnClass::ClauseConj));
    // ", adding", "— adding", "“…,” adding" (the comma inside the quotation)
    // ... or, in text stripped of its commas, right after a word: "X said C adding that D",
    // "X put the death toll at 16 saying C"
    let stripped_participle = cx.commaless
        && k0 == c0
        && k0 > cx.lo
        && cx.t[k0 - 1].is_word()
        && !cx.t[k0 - 1].in_quote
        && !matches!(cx.low(k0 - 1), "with" | "in")
        // "a statement saying C" keeps its document reading
        && !lx.document_nouns.contains(cx.low(k0 - 1))
        && !matches!(
            cx.class(k0 - 1),
            Some(FnClass::Det | FnClass::Prep | FnClass::Aux | FnClass::Sub)
        )
        && !cx.is_pronoun(k0 - 1);
    let participle = form == Form::Ing
        && k0 > cx.lo
        && (cx.is_comma(k0 - 1)
            || cx.t[k0 - 1].kind == TokKind::Dash
            || (cx.is_close_quote(k0 - 1) && k0 - 1 > cx.lo && cx.is_comma(k0 - 2))
            || stripped_participle);
    // a speaker named in an object ("hit out at X for accusing Y") is not the clause's subject
    let clause_speaker = |a: &RawAttribution| a.source.is_some() && a.layout != Layout::ForGerund;
    if (participle || coordinated) && !prev.iter().any(clause_speaker) {
        // ", saying C" after a clause that is not itself an attribution: its subject speaks
        // skip a fronted adverbial ("In an interview with CNN, Trump continued ..., saying")
        let mut subj = dateline_end(cx);
        // a sentence adverb that lost its comma ("However the envoy cast doubt … saying")
        if cx.commaless
            && subj + 1 < k0
            && matches!(cx.class(subj), Some(FnClass::Aux))
            && cx.t[subj].cap
            && !cx.lx.be_forms.contains(cx.low(subj))
        {
            subj += 1;
        }
        // ... or a fronted participle clause ("Walking to the next address, Ebeling ...")
        let fronted_participle = subj < cx.hi
            && cx.t[subj].kind == TokKind::Word
            && (cx.low(subj).ends_with("ing") || cx.low(subj).ends_with("ed"));
        // ... or a sentence adverb or time phrase ("Instead, he was …", "This week, two groups …")
        let fronted_adverb = (matches!(cx.class(subj), Some(FnClass::Aux))
            && cx.is_comma(subj + 1))
            || cx.time_phrase(subj).is_some_and(|e| cx.is_comma(e));
        if matches!(cx.class(subj), Some(FnClass::Prep | FnClass::Sub))
            || fronted_participle
            || fronted_adverb
        {
            subj = match (subj..k0).find(|&k| cx.is_comma(k)) {
                Some(c) => c + 1,
                None => return None,
            };
        }
        while subj < k0 && matches!(cx.class(subj), Some(FnClass::Conj | FnClass::ClauseConj)) {
            subj += 1;
        }
        // the subject ends before its verb ("House Democrats seized the floor ... and said")
        let np_end = cx.np_right(subj);
        let subj_end = (subj..np_end)
            .find(|&k| k > subj && cx.looks_verbal(k))
            .unwrap_or(np_end);
        if subj_end > subj && subj_end < k0 {
            if let Ok(Some(p)) = cx.right_content(c1, cue) {
                return Some(mk(
                    Some((subj..subj_end, subj..subj_end)),
                    p..cx.hi,
                    Layout::Participial,
                    extend_frame_left(cx, c0),
                ));
            }
        }
        return None;
    }
    // "UNSMIL condemned the air strike that hit a field hospital on Monday night saying that C":
    // a participle right after a word, inside the content of the sentence's attribution, is
    // that attribution's speaker's (not the noun before it: the hospital says nothing)
    let nested_participle = form == Form::Ing
        && k0 == c0
        && k0 > cx.lo
        && cx.t[k0 - 1].is_word()
        && !cx.t[k0 - 1].in_quote
        && cx.class(k0 - 1).is_none()
        && !lx.document_nouns.contains(cx.low(k0 - 1))
        && !cx.is_pronoun(k0 - 1)
        && matches!(cx.right_content(c1, cue), Ok(Some(p)) if p > c1 && cx.low(p - 1) == "that")
        && prev.iter().any(|a| {
            clause_speaker(a) && a.cue.end <= k0 && a.content.start < k0 && k0 < a.content.end
        });
    if k0 > cx.lo && (participle || coordinated || nested_participle) {
        // "X said the President did not know C, and accused Y": a coordinated or participial cue
        // shares the subject of the outermost attribution around it, not of one nested in it
        let parent = prev
            .iter()
            .position(|a| clause_speaker(a) && a.content.start < k0 && k0 < a.content.end)
            .or_else(|| prev.iter().rposition(clause_speaker))?;
        let start = match cx.right_content(c1, cue) {
            Ok(Some(p)) => p,
            _ => return None,
        };
        let pa = &prev[parent];
        let mut a = mk(
            pa.source.clone().zip(pa.source_head.clone()),
            start..cx.hi,
            Layout::Participial,
            extend_frame_left(cx, c0),
        );
        a.inherits = Some(parent);
        return Some(a);
    }

    // "criticised X for accusing Y of C", "hit out at X for saying C": the object of the
    // criticism said it; the content ends where another cue begins ("..., dismissing his
    // comments as C")
    // (accusations and denials only: "for admitting C", "for suggesting C" mostly report a
    // stance the writer describes, not a claim)
    if form == Form::Ing
        && k0 == c0
        && k0 > cx.lo + 1
        && cx.low(k0 - 1) == "for"
        && matches!(cue.ty, CueType::Accuse | CueType::Deny)
        && !cue.frames.refuse
    {
        // the object: noun material back to a verb, a preposition or a determiner
        let mut s0 = k0 - 1;
        while s0 > cx.lo {
            let j = s0 - 1;
            if cx.is_pronoun(j) && s0 == k0 - 1 {
                s0 = j;
                break;
            }
            if !cx.np_word(j)
                || cx.looks_verbal(j)
                || matches!(
                    cx.class(j),
                    Some(FnClass::Prep | FnClass::Conj | FnClass::Aux)
                )
            {
                break;
            }
            s0 = j;
            if matches!(cx.class(j), Some(FnClass::Det)) {
                break;
            }
        }
        // a name, or a pronoun: not a bare common noun or verb ("apologize for suggesting")
        let named = (s0..k0 - 1).any(|k| cx.t[k].cap || cx.is_pronoun(k));
        if s0 < k0 - 1 && s0 > cx.lo && named && !cx.t[k0 - 1].in_quote {
            let start = match cx.right_content(c1, cue) {
                Ok(Some(p)) if cx.low(p) != "to" => p,
                _ => return None,
            };
            let end = (start..cx.hi)
                .find(|&k| !cx.t[k].in_quote && (cx.is_comma(k) || cx.is_cue_word(k)))
                .unwrap_or(cx.hi);
            if end > start {
                return Some(mk(
                    Some((s0..k0 - 1, s0..k0 - 1)),
                    start..end,
                    Layout::ForGerund,
                    s0,
                ));
            }
        }
        return None;
    }

    // "the attack which X blames on Y": an accusation in a relative clause; the content runs
    // from the antecedent to the blamed party
    if cue.frames.on && cx.low(c1) == "on" {
        let s0 = cx.np_left_core(k0);
        if s0 < k0 && s0 > cx.lo + 1 && matches!(cx.low(s0 - 1), "which" | "that") {
            let mut a = s0 - 1;
            // "The strike, which X blamed on Y, killed …": the clause ends at its comma
            let mut end = cx.hi;
            if cx.is_comma(a - 1) {
                a -= 1;
                end = (c1..cx.hi).find(|&k| cx.is_comma(k)).unwrap_or(cx.hi);
            }
            let ant = antecedent_start(cx, a)?;
            // the frame opens at the relative clause: a content around it is not cut
            return Some(mk(Some((s0..k0, s0..k0)), ant..end, Layout::Relative, s0));
        }
    }

    // "C, an accusation X has denied", "C, a claim which X rejects": a noun in apposition sums
    // up the clause before it and is the cue's object, so the cue takes no content of its own
    // (what follows it, in text whose punctuation was lost, is another sentence)
    // (cheap test first: an "a"/"an" a few words before the cue)
    let article_near = (k0.saturating_sub(APPOSITION_REACH).max(cx.lo)..k0)
        .any(|k| matches!(cx.low(k), "a" | "an"));
    if article_near {
        let s0 = cx.np_left_core(k0);
        let mut j = s0;
        if j > cx.lo && matches!(cx.low(j - 1), "which" | "that") {
            j -= 1;
        }
        let noun = j.checked_sub(1).filter(|&n| {
            n > cx.lo + 1
                && s0 < k0
                && lx.deny_anaphors.contains(cx.low(n))
                && cx.class(n).is_none()
                && matches!(cx.low(n - 1), "a" | "an")
        });
        if let Some(n) = noun {
            let det = n - 1;
            let comma = det > cx.lo && cx.is_comma(det - 1);
            // the content of an attribution running through the apposition, else the clause
            // before its comma
            let through = prev
                .iter()
                .filter(|a| a.content.start < det && det < a.content.end)
                .map(|a| a.content.start)
                .max();
            let end = if comma { det - 1 } else { det };
            let start = through.or_else(|| comma.then(|| content_start(cx, prev, end)));
            if let Some(start) = start.filter(|&st| st < end) {
                return Some(mk(
                    Some((s0..k0, s0..k0)),
                    start..end,
                    Layout::Apposition,
                    end,
                ));
            }
        }
    }

    // "X joined Y in saying C": the subject of "joined" speaks (and Y with it)
    if form == Form::Ing && k0 > cx.lo + 2 && cx.low(k0 - 1) == "in" {
        let join = (k0.saturating_sub(10).max(cx.lo)..k0 - 1)
            .rev()
            .find(|&j| matches!(cx.low(j), "join" | "joins" | "joined" | "joining"))?;
        let mut v = join;
        while v > cx.lo && matches!(cx.class(v - 1), Some(FnClass::Aux)) {
            v -= 1;
        }
        let (src, head) = cx.left_source(v)?;
        if src.start > cx.lo && matches!(cx.class(src.start - 1), Some(FnClass::Prep)) {
            return None;
        }
        let Ok(Some(p)) = cx.right_content(c1, cue) else {
            return None;
        };
        let fs = src.start;
        return Some(mk(
            Some((src, head)),
            p..cx.hi,
            Layout::SourceCueContent,
            fs,
        ));
    }

    // Inverted: "C, said X" / "“Q,” said X" (unless "X, a spokesman, said C").
    let after_comma_or_quote = k0 > cx.lo && (cx.is_comma(k0 - 1) || cx.is_close_quote(k0 - 1));
    // the subject phrase and the complement, computed once for both readings
    let mut left = cx.left_source(k0);
    // "Black Lives Matter issued a statement saying C": the issuer speaks, not the document
    if form == Form::Ing {
        if let Some((src, head)) = &left {
            let doc = !head.is_empty() && lx.document_nouns.contains(cx.low(head.end - 1));
            let v = src.start;
            if doc && v > cx.lo + 1 && cx.t[v - 1].kind == TokKind::Word && !cx.t[v - 1].cap {
                let s0 = cx.np_left_core(v - 1);
                if s0 < v - 1 && (s0 == cx.lo || cx.is_boundary_before(s0)) {
                    left = Some((s0..v - 1, s0..v - 1));
                }
            }
        }
    }
    // "described as lies C": the falsity complement comes first, and "as" opens no adjunct
    let post = if cue.frames.false_ && !negated && falsity_phrase(cx, c1).is_some() {
        Ok(Some(c1))
    } else {
        cx.right_content(c1, cue)
    };
    // "C, said DeSantis, who was elected in 2012.": a source running to the sentence end after
    // the cue is no content
    let after = cx.right_source(c1, true);
    let source_to_end = after.as_ref().is_some_and(|(src, head)| {
        cx.is_terminal(src.end)
            && cx.is_comma(head.end)
            && head.len() <= 5
            && cx.t[head.start].cap
            && !head.clone().any(|k| cx.looks_verbal(k))
    });
    let appositive_subject = k0 > cx.lo
        && cx.is_comma(k0 - 1)
        && left.is_some()
        && matches!(post, Ok(Some(_)))
        && !source_to_end;
    // a cue with an indirect object never inverts: in "“Q,” Joe Kasper, an aide, told POLITICO"
    // the name after "told" is its object
    // "C said the Syrian Observatory." in text stripped of its commas: a content of some length,
    // then a named source or a title or group noun that closes the sentence
    // ... and in a sentence without a comma, when what follows the cue is a name and its
    // apposition and no clause: "C said Jan Doe the assistant of the President of Karsk."
    let named_apposition = after.as_ref().is_some_and(|(src, head)| {
        head.len() >= 2
            && (head.start..head.start + 2).all(|k| cx.t[k].cap && cx.t[k].is_word())
            && !src.clone().any(|k| cx.looks_verbal(k) || cx.is_cue_word(k))
            && (cx.lo..cx.hi).all(|k| !cx.is_comma(k))
    });
    // (a name and its title may run longer than a bare source)
    let longest = if named_apposition { 12 } else { 7 };
    let bare_inverted = (cx.commaless || named_apposition)
        && c0 >= cx.lo + MIN_BARE_CONTENT
        && cx.t[c0 - 1].is_word()
        && !cx.t[c0 - 1].in_quote
        && (cx.class(c0 - 1).is_none() || cx.is_time_word(c0 - 1))
        && after.as_ref().is_some_and(|(src, head)| {
            let end = cx.time_phrase(src.end).unwrap_or(src.end);
            let last = cx.low(head.end - 1);
            cx.is_terminal(end)
                && head.len() <= longest
                && !cx.is_pronoun(src.start)
                && !head.clone().all(|k| cx.is_time_word(k))
                && (cx.t[head.end - 1].cap || cx.lx.kinds.contains_key(last))
        });
    if cue.frames.inv
        && !cue.frames.obj
        && k0 == c0
        && (after_comma_or_quote || bare_inverted)
        && !appositive_subject
    {
        if let Some((src, head)) = after {
            let first = &cx.t[src.start];
            let name_like = head.clone().any(|k| cx.t[k].cap)
                || matches!(cx.class(src.start), Some(FnClass::Det))
                || (cx.is_pronoun(src.start) && first.lower != "it");
            let words = head.clone().filter(|&k| cx.t[k].is_word()).count();
            // "“Q” said the monitor adding that D" in text stripped of its commas
            let participle_after = cx.commaless
                && lx
                    .cue_forms
                    .longest_in(cx.t, head.end, cx.hi)
                    .is_some_and(|(_, (_, f))| *f == Form::Ing);
            if name_like && words <= longest && (cx.source_tail_ok(head.end) || participle_after) {
                let end = pre_content_end(cx, k0);
                let start = content_start(cx, prev, c0);
                if end > start {
                    return Some(mk(
                        Some((src, head)),
                        start..end,
                        Layout::ContentCueSource,
                        extend_frame_left(cx, c0),
                    ));
                }
            }
        }
    }

    // In text stripped of its commas a post-posed source is found by its shape when the noun
    // phrase scan runs back into the content: "C provincial health director Samir Aswad said",
    // "C Doe said", "C state agency and local media reported"
    let tail = bare_tail(cx, c1, cue);
    let fits_bare_any = |s: usize| {
        s >= cx.lo + MIN_BARE_CONTENT
            && cx.t[s - 1].is_word()
            && (cx.class(s - 1).is_none()
                || cx.is_time_word(s - 1)
                // "C only Colonel Jan Doe said"
                || (cx.t[s].cap && lx.aux_adverbs.contains(cx.low(s - 1))))
            && !lx.interrogatives.contains(cx.low(s - 1))
            // "everything the minister said": a relative clause after an indefinite pronoun
            && !matches!(
                cx.low(s - 1),
                "everything" | "anything" | "something" | "nothing"
            )
    };
    let fits_bare = |s: usize| fits_bare_any(s) && !cx.is_pronoun(s);
    if cx.commaless && cue.frames.inv && tail {
        let regular = left.as_ref().is_some_and(|(r, _)| {
            !r.is_empty()
                && fits_bare(r.start)
                && (cx.t[r.start].cap || matches!(cx.class(r.start), Some(FnClass::Det)))
        });
        let complement = match post {
            Ok(Some(p)) => {
                (p > c1 && matches!(cx.low(p - 1), "that" | ":"))
                    || !(is_adjunct_start(cx, p) || bare_participle(cx, p, cue))
            }
            _ => false,
        };
        let stripped = stripped_source(cx, k0).filter(|&s| fits_bare(s));
        // a noun phrase that runs over a preposition into the content ("a lack of understanding
        // of events in Tarsa the Foreign Ministry"): the shaped source is its end
        let overrun = |r: &Range<usize>, s: usize| {
            use crate::lexicon::TimeWord;
            s > r.start
                // "the control of the defense force Colonel Jan Doe": a name with its own
                // capitalized rank is the whole source
                && (capitalized_rank(cx, s)
                    || (r.start..s).any(|k| {
                    cx.t[k].kind == TokKind::Number
                        || matches!(
                            cx.lx.time.get(cx.low(k)),
                            Some(
                                TimeWord::Weekday(_)
                                    | TimeWord::Month(_)
                                    | TimeWord::Relative(_)
                                    | TimeWord::Part(_)
                            )
                        )
                        || cx.lx.casualties.longest_in(cx.t, k, k + 1).is_some()
                        // "killed many people in the town Colonel Jan Doe said": a
                        // locative phrase of the content runs into the name
                        || (cx.lx.place_preps.contains(cx.low(k))
                            && (k + 1..s).all(|j| !cx.t[j].cap))
                    }))
        };
        // "“Q” Rami an Aleppo resident said": after a comma or a quotation the phrase is whole
        let delimited = left.as_ref().is_some_and(|(r, _)| {
            r.start > cx.lo && (cx.is_comma(r.start - 1) || cx.is_close_quote(r.start - 1))
        });
        if !complement && !delimited {
            if let Some(s) = stripped {
                if !regular || left.as_ref().is_some_and(|(r, _)| overrun(r, s)) {
                    left = Some((s..k0, s..k0));
                }
            }
        }
    }
    // Subject source: never the object of a preposition ("in an interview for the TV news show").
    let (mut src, mut head) = left?;
    // "For her part Foreign Minister Jan Doe blamed", "In response Foreign Minister Jan Doe
    // blamed": a fronted adverbial without a comma ends before the name that is the subject
    if let Some(m) = fronted_adverbial_split(cx, &src) {
        head = m..head.end.max(m + 1);
        src = m..src.end;
    }
    // ... except in "with Trump tweeting that C", where the participle's subject follows "with"
    let with_subject = form == Form::Ing && src.start > cx.lo && cx.low(src.start - 1) == "with";
    if src.is_empty()
        || (src.start > cx.lo
            && matches!(cx.class(src.start - 1), Some(FnClass::Prep))
            && !with_subject)
    {
        return None;
    }
    // "a group called X": a cue marked `clause` needs its source to open a clause
    if cue.frames.clause && !cx.is_boundary_before(src.start) {
        return None;
    }
    // "C, X said" — or, in text stripped of its commas, "C on Wednesday the observatory said"
    // when the cue closes the sentence and a clause of some length precedes a named source
    // (elsewhere only after a name, a number or a time word: not "everything the minister said")
    let bare = (cx.commaless || {
        let before = &cx.t[src.start.saturating_sub(1)];
        before.cap || before.kind == TokKind::Number || lx.has(WordList::Time, before)
    }) && (if cx.commaless {
        tail
    } else {
        cx.is_terminal(c1)
    }) && ((fits_bare(src.start)
        && (cx.t[src.start].cap
            || matches!(cx.class(src.start), Some(FnClass::Det))
            || (cx.commaless && stripped_source(cx, k0) == Some(src.start))))
        // "C he said." in text stripped of its commas: a pronoun alone closing the sentence
        || (cx.commaless
            && src.len() == 1
            && cx.is_pronoun(src.start)
            && fits_bare_any(src.start)));
    let pre_ok = src.start > cx.lo
        && (cx.is_comma(src.start - 1) || cx.is_close_quote(src.start - 1) || bare);
    let start = content_start(cx, prev, c0);
    let pre_end = if pre_ok {
        pre_content_end(cx, src.start)
    } else {
        start
    };
    let pre_content = pre_ok && pre_end > start && cue.frames.inv;
    match post {
        Ok(Some(p)) => {
            // "said that with the delegates …" is a complement; "said carefully, as …" and
            // "said during his speech" after a fronted content are adjuncts
            let marked = p > c1 && matches!(cx.low(p - 1), "that" | ":");
            // "“Q1,” Robinson said, “Q2.”": the quotation resumes; it is not a new complement
            let resumed = p > c1
                && p < cx.hi
                && src.start > cx.lo
                && cx.is_comma(p - 1)
                && cx.t[p].kind == TokKind::OpenQuote
                && cx.is_close_quote(src.start - 1);
            let adjunct = is_adjunct_start(cx, p) || (bare && bare_participle(cx, p, cue));
            if pre_content && ((!marked && adjunct) || resumed) {
                let fs = extend_frame_left(cx, src.start);
                return Some(mk(
                    Some((src, head)),
                    start..pre_end,
                    Layout::ContentSourceCue,
                    fs,
                ));
            }
            // "The account Trump retweeted was set up", "what she said were punitive policies":
            // a complement opening on a verb is the gap of a relative clause, not a content
            let gap =
                p == c1 && p < cx.hi && !cx.t[p].in_quote && cx.lx.be_forms.contains(cx.low(p));
            if gap {
                return None;
            }
            // "dismissed as fabrications claims that C", "described the accusations as lies":
            // a falsity complement makes the cue a denial of its object
            let falsity = if cue.frames.false_ && !negated {
                falsity_object(cx, p)
            } else {
                None
            };
            if cue.frames.false_only() && falsity.is_none() {
                return None;
            }
            let (mut p, end) = falsity.unwrap_or((p, cx.hi));
            // "denied reports that C", "rejected claims that C": the content is C (not in "said
            // the claim that C is a lie", which the content calls false)
            if let Some(c) =
                anaphor_content(cx, p).filter(|&c| c < end && !called_false(cx, c, end))
            {
                p = c;
            }
            let mut a = mk(
                Some((src.clone(), head)),
                p..end,
                Layout::SourceCueContent,
                src.start,
            );
            if falsity.is_some() {
                a.cue_type = CueType::Deny;
                a.polarity = Polarity::Deny;
            }
            Some(a)
        }
        _ if pre_content => Some(mk(
            Some((src.clone(), head)),
            start..pre_end,
            Layout::ContentSourceCue,
            extend_frame_left(cx, src.start),
        )),
        _ => None,
    }
}

/// How far after a cue of falsity only (`false` frame alone) its falsity word may stand.
const FALSITY_WINDOW: usize = 12;

/// Most words before the falsity word of a complement ("as pure and simple lies").
const FALSITY_MODIFIERS: usize = 3;

/// The end of a falsity complement at `p`: an optional "as", a few modifiers and a falsity word
/// (`false` rows of `responsibility.tsv`), coordinated ones with it ("as false and baseless").
fn falsity_phrase(cx: &Ctx, p: usize) -> Option<usize> {
    falsity_end(cx.t, p, cx.hi, cx.lx, false)
}

/// [`falsity_phrase`] over tokens `p..hi`: also read inside a quotation when `quoted` ("the
/// claims … are lies," the ministry said).
pub(crate) fn falsity_end(
    t: &[Token],
    p: usize,
    hi: usize,
    lx: &Lexicon,
    quoted: bool,
) -> Option<usize> {
    let low = |k: usize| t[k].lower.as_str();
    let mut k = p;
    if k < hi && low(k) == "as" {
        k += 1;
    }
    let mut found = None;
    let mut mods = 0;
    while k < hi && (quoted || !t[k].in_quote) && t[k].is_word() {
        if lx.falsity.contains(low(k)) {
            found = Some(k + 1);
            mods = 0;
            // "false and baseless", "lies or fabrications"
            if k + 2 < hi && matches!(low(k + 1), "and" | "or") {
                k += 2;
                continue;
            }
            break;
        }
        let modifier = (lx.fn_class_of(&t[k]).is_none() && lx.cue_forms.get(low(k)).is_none())
            || matches!(low(k), "a" | "an" | "pure" | "complete" | "utter" | "total");
        if found.is_some() || !modifier || mods == FALSITY_MODIFIERS {
            break;
        }
        mods += 1;
        k += 1;
    }
    found
}

/// Whether the clause from `c` is called false before `end`: a copula, then a falsity phrase or
/// a negated truth word ("C is a lie", "C is not true").
fn called_false(cx: &Ctx, c: usize, end: usize) -> bool {
    (c + 1..end.saturating_sub(1)).any(|b| {
        cx.lx.be_forms.contains(cx.low(b))
            && (falsity_phrase(cx, b + 1).is_some()
                || (cx.lx.has(WordList::Negation, &cx.t[b + 1])
                    && b + 2 < end
                    && cx.lx.truth_words.contains(cx.low(b + 2))))
    })
}

/// Whether a clause ends at `e` (a comma, a conjunction, the sentence's end).
fn clause_ends(cx: &Ctx, e: usize) -> bool {
    cx.is_terminal(e)
        || cx.is_comma(e)
        || matches!(cx.class(e), Some(FnClass::Conj | FnClass::ClauseConj))
}

/// The object a falsity complement denies, after a cue whose complement begins at `p`: "(as)
/// lies the army's accusations that C" (the complement first; the object follows it) or "the
/// accusations (as) baseless" (the object first; the complement closes the clause). The
/// object's range, or `None` when no falsity complement is there.
fn falsity_object(cx: &Ctx, p: usize) -> Option<(usize, usize)> {
    if let Some(e) = falsity_phrase(cx, p) {
        let o = if cx.is_comma(e) { e + 1 } else { e };
        return (o < cx.hi && !clause_ends(cx, o)).then_some((o, cx.hi));
    }
    // the object first: the first falsity complement that closes its clause; without "as" it
    // follows a short noun phrase ("called the allegations baseless", "called it a lie"; not
    // "dismissed claims that the rebels spread lies")
    (p + 1..cx.hi)
        .take_while(|&k| !cx.is_terminal(k) && !cx.t[k].in_quote)
        .filter(|&k| {
            matches!(cx.low(k), "as" | "a" | "an")
                || cx.is_ly_adverb(k)
                || cx.lx.falsity.contains(cx.low(k))
        })
        .find_map(|k| {
            let e = falsity_phrase(cx, k)?;
            let bare_ok = k - p <= FALSITY_BARE_OBJECT
                && (p..k).all(|j| {
                    cx.t[j].is_word()
                        && !cx.lx.be_forms.contains(cx.low(j))
                        && !matches!(cx.class(j), Some(FnClass::Sub | FnClass::Aux))
                });
            (clause_ends(cx, e) && (cx.low(k) == "as" || bare_ok)).then_some((p, k))
        })
}

/// Most tokens of an object before a falsity complement without "as" ("called the rebel
/// allegations baseless").
const FALSITY_BARE_OBJECT: usize = 5;

/// How far after a cue form the object word of a two-column `not_cues.tsv` row may stand.
const NOT_CUE_OBJECT_WINDOW: usize = 6;

/// Fewest tokens before a source that follows its content with no comma ("C the army said").
const MIN_BARE_CONTENT: usize = 6;

/// Where the subject begins in a phrase that runs back to a sentence-opening preposition ("For
/// her part Foreign Minister Jan Doe", "In response Foreign Minister Jan Doe", "In an interview
/// Doe"): the capitalized name after the adverbial's last lower-case word.
fn fronted_adverbial_split(cx: &Ctx, src: &Range<usize>) -> Option<usize> {
    if src.start <= cx.lo || !matches!(cx.class(src.start - 1), Some(FnClass::Prep)) {
        return None;
    }
    let p = src.start - 1;
    let lead = dateline_end(cx);
    let fronted = p >= lead
        && (lead..p).all(|k| matches!(cx.class(k), Some(FnClass::Conj | FnClass::ClauseConj)));
    if !fronted {
        return None;
    }
    let mut m = src.end;
    while m > src.start + 1 && cx.t[m - 1].cap && name_token(cx, m - 1) {
        m -= 1;
    }
    let before = &cx.t[m - 1];
    let split = m < src.end
        && m - 1 > src.start.saturating_sub(1)
        && before.kind == TokKind::Word
        && !before.cap
        && cx.class(m - 1).is_none()
        && src.end - m <= 6;
    split.then_some(m)
}

/// What may follow a post-posed cue whose source has no comma before it ("C the monitor said"):
/// the end of the sentence, or an adjunct running to it, after an indirect object ("told
/// Reuters") and a time phrase ("said on Wednesday", "said late on Wednesday", "said in a
/// revised toll", "said Sunday as ...", "said updating an earlier toll").
fn bare_tail(cx: &Ctx, c1: usize, cue: &crate::lexicon::Cue) -> bool {
    let mut p = c1;
    if cue.frames.obj && p < cx.hi {
        let e = if matches!(cx.class(p), Some(FnClass::Obj)) || cx.is_pronoun(p) {
            p + 1
        } else {
            cx.np_right(p)
        };
        if e - p <= 7 {
            p = e;
        }
    }
    if let Some(e) = cx.time_phrase(p) {
        p = e;
    }
    cx.is_terminal(p)
        || (matches!(cx.class(p), Some(FnClass::Prep | FnClass::Sub))
            && !matches!(cx.low(p), "that" | "of"))
        || cx.is_ly_adverb(p)
        || bare_participle(cx, p, cue)
}

/// A participle clause right after a cue that takes none ("said updating an earlier toll",
/// "said citing medical sources"): an adjunct of the cue, not its content.
fn bare_participle(cx: &Ctx, p: usize, cue: &crate::lexicon::Cue) -> bool {
    if p >= cx.hi || cue.frames.ing {
        return false;
    }
    let t = &cx.t[p];
    if t.in_quote || t.cap || t.kind != TokKind::Word || cx.class(p).is_some() {
        return false;
    }
    let cue_ing = cx
        .lx
        .cue_forms
        .longest_in(cx.t, p, cx.hi)
        .is_some_and(|(_, (_, f))| *f == Form::Ing);
    // "updating an earlier toll", not the noun of "said fighting continued"
    let object = p + 1 < cx.hi
        && (matches!(cx.class(p + 1), Some(FnClass::Det | FnClass::Obj))
            || cx.t[p + 1].kind == TokKind::Number);
    t.lower.len() > 5 && t.lower.ends_with("ing") && (cue_ing || object)
}

/// A word of a name: capitalized and no function word or time word ("Samir", "TV"), a name
/// particle ("al-Laith", "bin"), or an acronym's parentheses ("(SLN)").
fn name_token(cx: &Ctx, i: usize) -> bool {
    let t = &cx.t[i];
    if t.in_quote {
        return false;
    }
    match t.kind {
        TokKind::Word => {
            (t.cap && cx.class(i).is_none() && !cx.lx.has(WordList::Time, t))
                // "Observatory for Human Rights", "Secretary of State"
                || (matches!(t.lower.as_str(), "of" | "for")
                    && i > cx.lo
                    && i + 1 < cx.hi
                    && cx.t[i - 1].cap
                    && cx.t[i + 1].cap
                    && cx.class(i - 1).is_none())
                // a month's name as a first name: "Jan Doe", not "in May Doe"
                || (t.cap
                    && matches!(
                        cx.lx.time.get(&t.lower),
                        Some(crate::lexicon::TimeWord::Month(_))
                    )
                    && i + 1 < cx.hi
                    && cx.t[i + 1].cap
                    && !cx.lx.has(WordList::Time, &cx.t[i + 1])
                    && !(i > cx.lo
                        && (matches!(cx.class(i - 1), Some(FnClass::Prep))
                            || cx.t[i - 1].kind == TokKind::Number)))
                || (cx.lx.is_particle(&t.lower) && t.lower.contains('-'))
                || (cx.lx.is_particle(&t.lower) && i + 1 < cx.hi && cx.t[i + 1].cap)
        }
        TokKind::Punct => {
            (t.lower == ")" && i > cx.lo && cx.t[i - 1].cap)
                || (t.lower == "(" && i + 1 < cx.hi && cx.t[i + 1].cap)
        }
        _ => false,
    }
}

/// A lower-case modifier of a title or group noun ("provincial health director", "opposition
/// figure", "state agency", "monitor chief"): no function, time, quantity, place or verb word, no
/// plural.
fn title_modifier(cx: &Ctx, i: usize) -> bool {
    let t = &cx.t[i];
    t.kind == TokKind::Word
        && !t.cap
        && !t.in_quote
        && cx.class(i).is_none()
        && !cx.lx.has(WordList::Time, t)
        // "the Kalvar market opposition figure": a place noun ends the content
        && !cx.lx.has(WordList::PlaceHead, t)
        && cx.lx.quantities.longest_in(cx.t, i, cx.hi).is_none()
        && !cx.looks_verbal(i)
        && (!cx.is_cue_word(i) || cx.lx.cue_nouns.contains(&t.lower))
        && !t.lower.ends_with("ing")
        && (!t.lower.ends_with('s') || t.lower.ends_with("ss") || t.lower == "news")
        && !matches!(
            t.lower.as_str(),
            "more" | "most" | "other" | "few" | "much" | "people" | "children" | "men" | "women"
        )
}

/// A capitalized military rank before a name: "Colonel" in "Colonel Jan Doe".
fn capitalized_rank(cx: &Ctx, t: usize) -> bool {
    cx.t[t].cap
        && !cx.t[t].in_quote
        && t + 1 < cx.hi
        && cx.t[t + 1].cap
        && cx.class(t + 1).is_none()
        && cx.lx.ranks.contains(cx.low(t))
}

/// One phrase of a source that follows its content with no comma, ending at `k`: its start.
/// [determiner] [Capitalized words] [up to two modifiers] title-or-group noun [name], or a bare
/// name: "provincial health director Samir Aswad", "opposition figure Jan Doe", "Doe",
/// "Harbor TV correspondent", "observers", "a war monitor".
fn stripped_phrase(cx: &Ctx, k: usize) -> Option<(usize, bool, bool)> {
    let mut j = k;
    while j > cx.lo && name_token(cx, j - 1) {
        j -= 1;
    }
    let named = j < k;
    let titled = j > cx.lo
        && !cx.t[j - 1].cap
        && !cx.t[j - 1].in_quote
        && cx.lx.kinds.contains_key(cx.low(j - 1));
    if titled {
        j -= 1;
        let mut mods = 0;
        while j > cx.lo && mods < 2 && title_modifier(cx, j - 1) {
            j -= 1;
            mods += 1;
        }
        if mods <= 1 {
            // "Harbor TV correspondent", "SOHR head Rami Abdel Rahman", "KNA news agency"; a
            // known place ends the content ("in Tarsa local media reported")
            while j > cx.lo
                && name_token(cx, j - 1)
                && cx.t[j - 1].cap
                && (cx.lx.places.longest_in(cx.t, j - 1, j).is_none()
                    || (j >= cx.lo + 2 && matches!(cx.class(j - 2), Some(FnClass::Det))))
            {
                j -= 1;
            }
        }
    } else if !named {
        return None;
    }
    let det = j > cx.lo && matches!(cx.class(j - 1), Some(FnClass::Det)) && cx.low(j - 1) != "that";
    if det {
        j -= 1;
    }
    // a modified title or group noun, no determiner: "opposition activists"
    let listable = titled && !det && j < k && !cx.t[j].cap && !cx.lx.kinds.contains_key(cx.low(j));
    Some((j, titled || det, listable))
}

/// The source of a post-posed cue in text stripped of its commas, ending at `k`: one phrase or
/// several joined by "and" ("state agency and local media", "former residents and a war
/// monitor"). Returns its start.
fn stripped_source(cx: &Ctx, k: usize) -> Option<usize> {
    let (mut s, _, _) = stripped_phrase(cx, k)?;
    let mut joined = false;
    while s > cx.lo + 1 && cx.low(s - 1) == "and" {
        match stripped_phrase(cx, s - 1) {
            Some((s2, true, _)) => {
                s = s2;
                joined = true;
            }
            _ => break,
        }
    }
    // a list whose commas were stripped: "opposition activists former residents and a monitor"
    while joined && s > cx.lo {
        match stripped_phrase(cx, s) {
            Some((s2, _, true)) if s2 < s => s = s2,
            _ => break,
        }
    }
    // "in Tarsa Doe said", "the city of Tarsa Syrian activists said", "the border with Tarsa
    // local sources said": a capitalized name after a preposition is its object (a place, as
    // `places.tsv` reads a name after "in")
    let p = s.wrapping_sub(1);
    let place_prep = s > cx.lo
        && (cx.lx.place_preps.contains(cx.low(p))
            || (cx.low(p) == "of" && p > cx.lo && cx.lx.place_heads.contains(cx.low(p - 1))));
    if s > cx.lo && matches!(cx.class(p), Some(FnClass::Prep)) {
        match cx.lx.places.longest_in(cx.t, s, k) {
            Some((n, _)) => s += n,
            // "on Abiy Addi Colonel Jan Doe said", "under the control of the army Colonel Jan
            // Doe said": a capitalized rank inside the phrase opens the source; what comes
            // before it is the preposition's object
            None if (s + 1..k).any(|t| capitalized_rank(cx, t)) => {
                return (s + 1..k).find(|&t| capitalized_rank(cx, t));
            }
            None if cx.t[s].cap && place_prep => {
                s += 1;
                while s < k && cx.lx.is_particle(cx.low(s)) {
                    s += 1;
                }
            }
            None => {}
        }
        if s >= k || !(cx.t[s].cap || cx.lx.kinds.contains_key(cx.low(s)) || title_modifier(cx, s))
        {
            return None;
        }
    }
    // a place alone is no source ("in opposition-held eastern Tarsa")
    if cx
        .lx
        .places
        .longest_in(cx.t, s, k)
        .is_some_and(|(n, _)| s + n == k)
    {
        return None;
    }
    (s < k).then_some(s)
}

/// Whether a post-cue complement at `p` is really an adjunct ("in an interview for ...").
fn is_adjunct_start(cx: &Ctx, p: usize) -> bool {
    if p >= cx.hi {
        return false;
    }
    let t = &cx.t[p];
    let adverb = !t.in_quote
        && (cx.is_ly_adverb(p)
            // "said recently in New York", "said again"
            || (t.kind == TokKind::Word
                && matches!(cx.class(p), Some(FnClass::Aux))
                && !cx.lx.be_forms.contains(&t.lower)));
    // "said in August, referring to …": a participle after a comma opens an adjunct
    let participle = p > cx.lo
        && cx.is_comma(p - 1)
        && cx
            .lx
            .cue_forms
            .longest_in(cx.t, p, cx.hi)
            .is_some_and(|(_, (_, f))| *f == Form::Ing);
    (matches!(cx.class(p), Some(FnClass::Prep | FnClass::Sub)) && cx.low(p) != "that")
        || adverb
        || participle
}

/// End of a content that precedes a source/cue at `k`: drop the comma (and closing quote).
fn pre_content_end(cx: &Ctx, k: usize) -> usize {
    let mut e = k;
    while e > cx.lo && (cx.is_comma(e - 1) || cx.t[e - 1].kind == TokKind::Dash) {
        e -= 1;
    }
    e
}

fn polarity_of(
    ty: CueType,
    refuse: bool,
    negated: bool,
    commitment: Commitment,
) -> (Polarity, Commitment) {
    // "has not acknowledged any civilian deaths": refusing to concede disputes, weakly
    if negated && refuse {
        return (Polarity::Deny, Commitment::Probable);
    }
    let base = if ty == CueType::Deny {
        Polarity::Deny
    } else {
        Polarity::Assert
    };
    if !negated {
        return (base, commitment);
    }
    // "did not deny" does not assert; "did not confirm" does not deny: both leave it open.
    (Polarity::Assert, Commitment::Possible)
}

/// "Voters said they felt betrayed", "He said he hoped": a pronoun-sourced attribution opening
/// A source that holds a "for V-ing" attribution ("Moscow hit out at X for accusing Y of C
/// dismissing ...", its commas lost) is a whole clause: its speaker is the clause's subject, the
/// noun phrase before its verb, not X or Y.
fn cut_sources_at_for_gerund(cx: &Ctx, out: &mut [RawAttribution]) {
    let inner: Vec<usize> = out
        .iter()
        .filter(|a| a.layout == Layout::ForGerund)
        .map(|a| a.cue.start)
        .collect();
    if inner.is_empty() {
        return;
    }
    for a in out.iter_mut() {
        let Some(src) = a.source.clone() else {
            continue;
        };
        if !inner.iter().any(|&c| src.start < c && c < src.end) {
            continue;
        }
        // the subject opens the sentence (a time word may have been taken for it: "The Kremlin
        // yesterday hit out ...")
        let open = dateline_end(cx);
        let start = if src.start >= open && src.start - open <= 3 {
            open
        } else {
            src.start
        };
        if let Some(v) = (start + 1..src.end).find(|&k| cx.looks_verbal(k)) {
            a.source = Some(start..v);
            a.source_head = Some(start..v);
        }
    }
}

/// another's content repeats the outer speaker's own report and adds no speaker; it stays part
/// of the outer content. A nested attribution with a speaker of its own ("He said the center
/// believed C") is kept.
fn drop_self_reports(cx: &Ctx, out: &mut Vec<RawAttribution>) {
    let contents: Vec<Range<usize>> = out.iter().map(|a| a.content.clone()).collect();
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            let Some(src) = &a.source else { return true };
            // ... and so does its own document: "US officials said their analysis indicates C"
            let own_document = src.len() == 2
                && cx.is_pronoun(src.start)
                && matches!(cx.class(src.start), Some(FnClass::Det))
                && cx.lx.document_nouns.contains(cx.low(src.start + 1));
            let pronoun = (src.len() == 1 && cx.is_pronoun(src.start)) || own_document;
            let nested = contents.iter().any(|c| {
                *c != a.content
                    && c.start <= src.start
                    && a.cue.end <= c.end
                    && out_source_starts_at(cx, c.start, src.start)
            });
            !(pronoun && nested)
        })
        .collect();
    retain_renumbered(out, &keep);
}

/// "and achieved confirmed hits": a source that ends in a lower-case past form, alone or after
/// a coordinator, ends in a verb, and the cue after it is an adjective ("confirmed hits",
/// "reported cases"): no attribution. ("the people interviewed said" keeps its source: a noun
/// stands before the participle.)
fn drop_verb_sources(cx: &Ctx, out: &mut Vec<RawAttribution>) {
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            let Some(src) = a.source.as_ref().filter(|s| !s.is_empty()) else {
                return true;
            };
            let last = src.end - 1;
            let t = &cx.t[last];
            let verb = t.kind == TokKind::Word
                && !t.cap
                && t.lower.ends_with("ed")
                && cx.class(last).is_none()
                && a.cue.start == src.end;
            let alone = src.len() == 1
                || matches!(
                    cx.class(last - 1),
                    Some(FnClass::Conj | FnClass::ClauseConj)
                );
            !(verb && alone)
        })
        .collect();
    retain_renumbered(out, &keep);
}

/// Keeps the attributions marked in `keep`; participial attributions point at their parent by
/// index, so those indices are renumbered (a dropped parent leaves none).
fn retain_renumbered(out: &mut Vec<RawAttribution>, keep: &[bool]) {
    let mut new_index = vec![None; out.len()];
    let mut n = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for a in out.iter_mut() {
        a.inherits = a.inherits.and_then(|p| new_index[p]);
    }
}

/// A sourceless attribution ("seemed", "reportedly") inside another attribution's content is
/// part of what that speaker said, not a claim of unnamed others.
fn drop_nested_sourceless(out: &mut Vec<RawAttribution>) {
    let spans: Vec<(Range<usize>, Layout)> =
        out.iter().map(|a| (a.content.clone(), a.layout)).collect();
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            a.layout != Layout::Sourceless
                || !spans.iter().any(|(c, l)| {
                    *l != Layout::Sourceless && c.start <= a.cue.start && a.cue.end <= c.end
                })
        })
        .collect();
    retain_renumbered(out, &keep);
}

/// Cuts each content where a later attribution's frame begins (unless nested at its start).
fn trim_contents(cx: &Ctx, out: &mut [RawAttribution]) {
    let frames: Vec<(usize, Range<usize>, Layout)> = out
        .iter()
        .map(|a| (a.frame_start, a.cue.clone(), a.layout))
        .collect();
    for a in out.iter_mut() {
        let c = a.content.clone();
        for (fs, cue, layout) in &frames {
            let participial = *layout == Layout::Participial;
            if *cue == a.cue {
                continue;
            }
            // a later frame strictly inside this content cuts it when a clause boundary
            // introduces it (", adding", "-but he feared", "as he urged"); a frame nested at the
            // start ("He said the center believed") or mid-clause ("angered by the media
            // declaring") belongs to the content
            let nested = a.source.is_some() && out_source_starts_at(cx, c.start, *fs);
            // ", while 22 percent said …": the content ends before the subordinator
            // (in text stripped of its commas, the subordinator alone: "confirmed the reports
            // while local journalist X placed the toll at 50")
            let subordinate = *fs > cx.lo + 1
                && matches!(cx.class(*fs - 1), Some(FnClass::Sub))
                && (cx.is_comma(*fs - 2) || cx.commaless);
            // "X said C adding that D" in text stripped of its commas
            let introduced = (cx.commaless && participial)
                // "C an accusation X denied": the apposition sums up the content before it
                || *layout == Layout::Apposition
                || is_connector(cx, *fs)
                || (*fs > cx.lo && is_connector(cx, *fs - 1))
                // "“… an orange buffoon,” Susan said": the comma sits inside the quotation
                || (*fs > cx.lo + 1 && cx.is_close_quote(*fs - 1) && cx.is_comma(*fs - 2))
                || subordinate;
            if *fs > c.start && *fs < a.content.end && !nested && introduced {
                a.content.end = if subordinate && cx.is_comma(*fs - 2) {
                    *fs - 2
                } else if subordinate {
                    *fs - 1
                } else {
                    *fs
                };
            }
        }
    }
}

/// A cue that takes a phrase, not a clause ("endorsed Cruz", "criticized the plan"): its content
/// ends where a comma opens a new clause or an apposition (", and he", ", a sentiment ...").
fn cut_phrase_content(cx: &Ctx, a: &mut RawAttribution) {
    let Some((c, _)) = cx.lx.cue_forms.get(&a.cue_lemma).map(|&(c, f)| (c, f)) else {
        return;
    };
    let f = &cx.lx.cue(c).frames;
    if a.layout != Layout::SourceCueContent {
        return;
    }
    if f.that || f.quote {
        // a clause content still ends at ", but" / ";" opening another clause
        for k in a.content.clone() {
            if cx.t[k].in_quote || k + 1 >= a.content.end {
                continue;
            }
            if cx.is_punct(k, ";")
                || (cx.is_comma(k) && matches!(cx.class(k + 1), Some(FnClass::ClauseConj)))
            {
                a.content.end = k;
                return;
            }
        }
        return;
    }
    for k in a.content.clone() {
        if cx.t[k].in_quote || k + 1 >= a.content.end {
            continue;
        }
        // "praised the stock market and made comments": a second verb phrase of the source
        if matches!(cx.class(k), Some(FnClass::Conj | FnClass::ClauseConj))
            && k > a.content.start
            && second_verb_phrase(cx, k + 1)
        {
            a.content.end = k;
            return;
        }
        if !cx.is_comma(k) {
            continue;
        }
        let next = k + 1;
        // ", as well as the killing of …": the phrase goes on
        if cx.lx.phrase_conj.longest_in(cx.t, next, cx.hi).is_some() {
            continue;
        }
        if is_connector(cx, next)
            || matches!(cx.class(next), Some(FnClass::Det | FnClass::Sub))
            || cx.is_pronoun(next)
        {
            a.content.end = k;
            return;
        }
    }
}

/// "Obama, who called the attack an act of terror, reiterated …": an attribution inside a
/// relative clause ends where the main clause's verb phrase resumes.
fn cut_relative_content(cx: &Ctx, a: &mut RawAttribution) {
    let relative = a
        .source
        .as_ref()
        .is_some_and(|s| !s.is_empty() && matches!(cx.low(s.end - 1), "who" | "which"));
    if !relative {
        return;
    }
    for k in a.content.clone() {
        if cx.t[k].in_quote || !(cx.is_comma(k) || cx.t[k].kind == TokKind::Dash) {
            continue;
        }
        let mut v = k + 1;
        // an adverb before the verb: ", notably stopped short", ", also said"
        while v < a.content.end && cx.is_ly_adverb(v) {
            v += 1;
        }
        if v < a.content.end && second_verb_phrase(cx, v) {
            a.content.end = k;
            return;
        }
    }
}

/// "As Trump lamented illegal immigration, Clinton took …", "When Francis said C, the pope …":
/// an attribution inside a fronted adverbial clause ends at the comma that closes the clause.
fn cut_fronted_clause_content(cx: &Ctx, a: &mut RawAttribution) {
    let Some(src) = &a.source else { return };
    if a.layout != Layout::SourceCueContent || src.start == cx.lo {
        return;
    }
    let sub = src.start - 1;
    if !matches!(cx.class(sub), Some(FnClass::Sub))
        || matches!(cx.low(sub), "that" | "who" | "which" | "whom" | "where")
    {
        return;
    }
    if let Some(k) = (a.content.clone()).find(|&k| cx.is_comma(k) && !cx.t[k].in_quote) {
        a.content.end = k;
    }
}

/// Tokens at the head of a content in which a modal or hedge ("may have", "possibly") lowers the
/// commitment of the whole claim; deeper ones belong to subordinate clauses.
const CONTENT_HEDGE_WINDOW: usize = 6;

/// "X said Russian jets may have carried out the strike": a hedge at the head of the content
/// lowers the claim's commitment as a hedged cue would.
fn hedge_from_content(cx: &Ctx, a: &mut RawAttribution) {
    let end = a.content.end.min(a.content.start + CONTENT_HEDGE_WINDOW);
    // a content may be empty here (it is dropped later)
    let head = cx.t.get(a.content.start..end).unwrap_or(&[]);
    if let Some(h) = cx.lx.hedge_of(head) {
        a.commitment = a.commitment.max(h);
    }
}

/// "WASHINGTON (AP) — ", "BEIJING, Jan. 5 -": the end of a dateline opening the sentence
/// (`cx.lo` when there is none).
fn dateline_end(cx: &Ctx) -> usize {
    crate::segment::dateline_end(cx.t, cx.lo..cx.hi)
}

/// Whether a verb phrase without a subject starts at `k` ("and made comments", "and would not
/// identify", "and learning from them").
fn second_verb_phrase(cx: &Ctx, k: usize) -> bool {
    let t = &cx.t[k];
    !t.cap
        && !t.in_quote
        && t.kind == TokKind::Word
        && (matches!(cx.class(k), Some(FnClass::Aux))
            || cx.looks_verbal(k)
            || cx.is_cue_word(k)
            || (t.lower.len() > 5 && t.lower.ends_with("ing") && cx.class(k).is_none()))
}

/// A clause-level connector: a comma, a dash, a semicolon, "and", "but".
fn is_connector(cx: &Ctx, k: usize) -> bool {
    cx.is_comma(k)
        || cx.is_punct(k, ";")
        || cx.t[k].kind == TokKind::Dash
        || matches!(cx.class(k), Some(FnClass::Conj | FnClass::ClauseConj))
}

/// "“Q1,” he said, “Q2.”" / "Otherwise, she said, countries may ...": the content resumes after
/// a post-posed source and cue.
fn medial_continuation(cx: &Ctx, out: &mut [RawAttribution]) {
    let frames: Vec<usize> = out.iter().map(|a| a.frame_start).collect();
    for a in out.iter_mut() {
        if !matches!(
            a.layout,
            Layout::ContentSourceCue | Layout::ContentCueSource
        ) {
            continue;
        }
        let end = a.cue.end.max(a.source.as_ref().map_or(0, |s| s.end));
        if !cx.is_comma(end) || end + 1 >= cx.hi {
            continue;
        }
        let start = end + 1;
        let opens_quote = cx.t[start].kind == TokKind::OpenQuote;
        // after a quotation only another quotation continues it ("“Q,” she said, speaking
        // by phone" is an adjunct)
        let adjunct = matches!(cx.class(start), Some(FnClass::Prep | FnClass::Sub))
            || cx.is_cue_word(start)
            || a.kind == QuoteKind::Direct;
        if !opens_quote && adjunct {
            continue;
        }
        if frames.iter().any(|&f| f >= start && f < cx.hi) {
            continue;
        }
        let mut r = start..cx.hi;
        quote_kind(cx, &mut r);
        if !r.is_empty() {
            a.extra.push(r);
        }
    }
}

/// A nested attribution whose source begins the content ("He said the center believed C").
fn out_source_starts_at(cx: &Ctx, content_start: usize, frame_start: usize) -> bool {
    let mut k = content_start;
    while k < frame_start && (cx.low(k) == "that" || cx.t[k].is_quote()) {
        k += 1;
    }
    k == frame_start
}

/// Trims punctuation around a content and classifies it as direct, indirect or mixed.
fn quote_kind(cx: &Ctx, content: &mut Range<usize>) -> QuoteKind {
    let trim = |cx: &Ctx, r: &mut Range<usize>| {
        while r.start < r.end {
            let t = &cx.t[r.start];
            if t.kind == TokKind::Punct && matches!(t.lower.as_str(), "," | ":" | ";" | ".")
                || t.kind == TokKind::Dash
            {
                r.start += 1;
            } else {
                break;
            }
        }
        while r.end > r.start {
            let t = &cx.t[r.end - 1];
            if t.kind == TokKind::Punct
                && matches!(t.lower.as_str(), "," | ":" | ";" | "." | "!" | "?")
                && !(t.lower != "," && t.in_quote)
                || t.kind == TokKind::Dash
            {
                r.end -= 1;
            } else {
                break;
            }
        }
    };
    trim(cx, content);
    if Range::is_empty(content) {
        return QuoteKind::Indirect;
    }
    let first = &cx.t[content.start];
    if first.kind == TokKind::OpenQuote {
        // find its partner
        let close = (content.start + 1..content.end).find(|&k| cx.t[k].kind == TokKind::CloseQuote);
        let whole = match close {
            Some(k) => k + 1 == content.end,
            None => true,
        };
        if whole {
            content.start += 1;
            if close.is_some() {
                content.end -= 1;
            }
            trim(cx, content);
            return QuoteKind::Direct;
        }
    }
    let has_quote = (content.start..content.end).any(|k| cx.t[k].is_quote() || cx.t[k].in_quote);
    if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// Why the rules passed over a cue form that the learned layer may still take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Inside a quotation.
    Quote,
    /// After a determiner or a possessive ("the report").
    Nominal,
    /// Capitalized mid-sentence ("United States").
    Capital,
    /// A `not_cues.tsv` phrase or object.
    NotCue,
    /// A toll cue without a toll noun.
    Toll,
    /// A noun-like form outside a verbal context.
    Noun,
    /// No layout of the rules read it.
    Layout,
    /// A form of `cue_candidates.tsv`, which the rules never read.
    Candidate,
}

impl Gate {
    pub fn id(self) -> &'static str {
        match self {
            Gate::Quote => "quote",
            Gate::Nominal => "nominal",
            Gate::Capital => "capital",
            Gate::NotCue => "not-cue",
            Gate::Toll => "toll",
            Gate::Noun => "noun",
            Gate::Layout => "layout",
            Gate::Candidate => "candidate",
        }
    }
}

/// Words back from a forced cue that may form its source.
const FORCED_SOURCE_WORDS: usize = 8;

/// A cue form of a sentence that the rules passed over ([`cue_candidates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueCandidate {
    pub sentence: usize,
    /// The cue's tokens.
    pub c0: usize,
    pub c1: usize,
    /// Index into [`Lexicon::cues`].
    pub cue: usize,
    pub form: Form,
    pub gate: Gate,
}

/// The cue forms of sentence `s` (of `cues.tsv` or `cue_candidates.tsv`) that none of `taken`'s
/// cues holds, each with the reason the rules passed over it.
pub fn cue_candidates(
    seg: &Segmented,
    s: usize,
    lx: &Lexicon,
    taken: &[RawAttribution],
) -> Vec<CueCandidate> {
    let sent = &seg.sentences[s];
    let cx = Ctx {
        t: &seg.tokens,
        lx,
        lo: sent.tokens.start,
        hi: sent.tokens.end,
        commaless: seg.commaless,
    };
    let mut out = Vec::new();
    let mut i = cx.lo;
    while i < cx.hi {
        let tok = &cx.t[i];
        if tok.kind != TokKind::Word || taken.iter().any(|a| a.cue.contains(&i)) {
            i += 1;
            continue;
        }
        let (n, cue_idx, form, candidate) = match lx.cue_forms.longest_in(cx.t, i, cx.hi) {
            Some((n, &(c, f))) => (n, c, f, false),
            None => match lx.candidate_cue_forms.longest_in(cx.t, i, cx.hi) {
                Some((n, &(c, f))) => (n, c, f, true),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let (c0, c1) = (i, i + n);
        i = c1;
        let cue = lx.cue(cue_idx);
        if cue.frames.prep || cue.frames.adv {
            continue;
        }
        if attributive_participle(&cx, c0, c1, form) {
            continue;
        }
        let prev = if c0 > cx.lo { cx.low(c0 - 1) } else { "" };
        let gate = if candidate {
            Gate::Candidate
        } else if tok.in_quote {
            Gate::Quote
        } else if c0 > cx.lo
            && (matches!(cx.class(c0 - 1), Some(FnClass::Det)) && prev != "that" || prev == "'s")
        {
            Gate::Nominal
        } else if c0 > cx.lo && tok.cap && !cx.t[c0 - 1].is_quote() && !cx.is_punct(c0 - 1, ":") {
            Gate::Capital
        } else if lx.not_cues.longest_in(cx.t, c0, cx.hi).is_some()
            || lx.not_cue_objects.contains_key(&tok.lower)
        {
            Gate::NotCue
        } else if cue.frames.toll_only() && !toll_object(&cx, c1) {
            Gate::Toll
        } else if n == 1 && lx.cue_nouns.contains(&tok.lower) && !verbal_context(&cx, c0, c1) {
            Gate::Noun
        } else {
            Gate::Layout
        };
        out.push(CueCandidate {
            sentence: s,
            c0,
            c1,
            cue: cue_idx,
            form,
            gate,
        });
    }
    out
}

/// "the Britain-based opposing Syrian Observatory", "the leading candidate": an -ing form after a
/// determiner (and up to two modifiers), before a content word, modifies a noun; it is no cue.
fn attributive_participle(cx: &Ctx, c0: usize, c1: usize, form: crate::lexicon::Form) -> bool {
    if form != crate::lexicon::Form::Ing || c1 - c0 != 1 || c1 >= cx.hi {
        return false;
    }
    let next = &cx.t[c1];
    if next.kind != TokKind::Word || cx.class(c1).is_some() || cx.is_cue_word(c1) {
        return false;
    }
    let mut k = c0;
    for _ in 0..=2 {
        if k == cx.lo {
            return false;
        }
        k -= 1;
        if matches!(cx.class(k), Some(FnClass::Det)) {
            return true;
        }
        let modifier = cx.t[k].kind == TokKind::Word && cx.class(k).is_none() && !cx.is_cue_word(k);
        if !modifier {
            return false;
        }
    }
    false
}

/// Candidate `k` read with its cue forced: by the rules' own layouts where one reads it, else by
/// [`Layout::Learned`] (the words back to a clause boundary as source, the rest of the sentence
/// as content). `taken` are the rules' attributions of its sentence.
pub fn forced_attribution(
    seg: &Segmented,
    lx: &Lexicon,
    taken: &[RawAttribution],
    k: &CueCandidate,
) -> Option<RawAttribution> {
    let sent = &seg.sentences[k.sentence];
    let cx = Ctx {
        t: &seg.tokens,
        lx,
        lo: sent.tokens.start,
        hi: sent.tokens.end,
        commaless: seg.commaless,
    };
    let (s, c0, c1) = (k.sentence, k.c0, k.c1);
    let mut a = cue_attribution(&cx, s, c0, c1, k.cue, k.form, taken)
        .or_else(|| forced_reading(&cx, s, c0, c1, k.cue))?;
    cut_phrase_content(&cx, &mut a);
    cut_relative_content(&cx, &mut a);
    cut_fronted_clause_content(&cx, &mut a);
    hedge_from_content(&cx, &mut a);
    a.kind = quote_kind(&cx, &mut a.content);
    let overlaps_cue = a.content.start < c1 && c0 < a.content.end;
    (!a.content.is_empty() && !overlaps_cue).then_some(a)
}

/// [`Layout::Learned`]: the cue with the words back to a clause boundary as its source (none
/// when there are none) and the rest of the sentence after it as its content.
fn forced_reading(
    cx: &Ctx,
    s: usize,
    c0: usize,
    c1: usize,
    cue_idx: usize,
) -> Option<RawAttribution> {
    let cue = cx.lx.cue(cue_idx);
    let mut negated = false;
    let mut k0 = c0;
    while k0 > cx.lo
        && (matches!(cx.class(k0 - 1), Some(FnClass::Aux))
            || cx.is_ly_adverb(k0 - 1)
            || cx.lx.negations.contains(cx.low(k0 - 1)))
    {
        negated |= cx.lx.negations.contains(cx.low(k0 - 1));
        k0 -= 1;
    }
    let mut j = k0;
    while j > cx.lo
        && j + FORCED_SOURCE_WORDS > k0
        && cx.t[j - 1].is_word()
        && !matches!(cx.class(j - 1), Some(FnClass::Sub))
        && !matches!(cx.low(j - 1), "and" | "but" | "or" | "that")
    {
        j -= 1;
    }
    let source = (j < k0).then_some(j..k0);
    let mut k = c1;
    while k < cx.hi && matches!(cx.low(k), "that" | ":" | ",") {
        k += 1;
    }
    let mut end = cx.hi;
    while end > k && (cx.t[end - 1].kind == TokKind::Punct || cx.t[end - 1].is_quote()) {
        end -= 1;
    }
    if k >= end {
        return None;
    }
    let (polarity, commitment) = polarity_of(cue.ty, cue.frames.refuse, negated, cue.commitment);
    Some(RawAttribution {
        sentence: s,
        source: source.clone(),
        source_head: source,
        cue: c0..c1,
        content: k..end,
        extra: Vec::new(),
        cue_lemma: cue.lemma.clone(),
        cue_type: cue.ty,
        polarity,
        commitment,
        negated,
        kind: QuoteKind::Indirect,
        layout: Layout::Learned,
        frame_start: j,
        inherits: None,
    })
}
