//! Lexical resources: every word list the pipeline uses, loaded from `resources/`.
//!
//! The built-in files are compiled in with `include_str!`. A user may point `--resources DIR` at a
//! directory holding files with the same names; each file found there replaces the built-in one.
//! Every file is tab-separated, `#` starts a comment line, and a malformed line is an error that
//! names the file and the line.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::model::{Commitment, CueType, EntityKind};

/// The resource files, by name, with their built-in contents.
pub const BUILTIN: &[(&str, &str)] = &[
    ("cues.tsv", include_str!("../resources/cues.tsv")),
    ("negations.txt", include_str!("../resources/negations.txt")),
    (
        "nominal_cues.tsv",
        include_str!("../resources/nominal_cues.tsv"),
    ),
    ("cue_nouns.txt", include_str!("../resources/cue_nouns.txt")),
    (
        "document_nouns.txt",
        include_str!("../resources/document_nouns.txt"),
    ),
    ("verbs.txt", include_str!("../resources/verbs.txt")),
    ("stance.tsv", include_str!("../resources/stance.tsv")),
    ("opposites.tsv", include_str!("../resources/opposites.tsv")),
    ("not_cues.tsv", include_str!("../resources/not_cues.tsv")),
    ("hedges.txt", include_str!("../resources/hedges.txt")),
    (
        "abbreviations.txt",
        include_str!("../resources/abbreviations.txt"),
    ),
    ("parties.tsv", include_str!("../resources/parties.tsv")),
    ("roles.tsv", include_str!("../resources/roles.tsv")),
    ("kinds.tsv", include_str!("../resources/kinds.tsv")),
    ("pronouns.tsv", include_str!("../resources/pronouns.tsv")),
    ("frames.tsv", include_str!("../resources/frames.tsv")),
    (
        "responsibility.tsv",
        include_str!("../resources/responsibility.tsv"),
    ),
    (
        "casualties.tsv",
        include_str!("../resources/casualties.tsv"),
    ),
    ("control.tsv", include_str!("../resources/control.tsv")),
    ("causes.tsv", include_str!("../resources/causes.tsv")),
    (
        "violations.tsv",
        include_str!("../resources/violations.tsv"),
    ),
    (
        "quantities.tsv",
        include_str!("../resources/quantities.tsv"),
    ),
    ("places.tsv", include_str!("../resources/places.tsv")),
    (crate::places::WORLD_FILE, crate::places::WORLD_BUILTIN),
    ("time.tsv", include_str!("../resources/time.tsv")),
    (
        "function_words.tsv",
        include_str!("../resources/function_words.tsv"),
    ),
    (
        "attribution_model.tsv",
        include_str!("../resources/attribution_model.tsv"),
    ),
];

/// A malformed resource line.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", if *line > 0 { format!(":{line}") } else { String::new() })]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Which complement patterns a cue takes (see the header of `cues.tsv`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frames {
    pub that: bool,
    pub obj: bool,
    pub ing: bool,
    pub of: bool,
    pub for_: bool,
    pub np: bool,
    pub quote: bool,
    pub to: bool,
    pub as_: bool,
    pub inv: bool,
    /// The source must begin a clause ("Obama called X Y", not "a group called X").
    pub clause: bool,
    /// A sentence adverb with no source ("reportedly").
    pub adv: bool,
    /// A raising verb: "X seemed to C" attributes "X ... to C" to no one in particular.
    pub raise: bool,
    /// A prepositional cue whose source follows it ("according to X").
    pub prep: bool,
    /// An interrogative complement: "asked whether C", "wondered why C".
    pub wh: bool,
    /// A complement opened by "about": "asked about C".
    pub about: bool,
    /// The complement must be marked by "that", a colon or a quotation ("maintained that C",
    /// not "maintained an account").
    pub marked: bool,
    /// The object names a casualty figure ("X put the death toll at 38"): a cue with only this
    /// frame is a cue only when a toll noun (`@toll` in `casualties.tsv`) opens its object; the
    /// content is the object and what follows.
    pub toll: bool,
    /// The blamed party follows "on": "X blamed the attack on Y", "the attack which X blames
    /// on Y".
    pub on: bool,
    /// Negated, the cue denies: "X has not acknowledged C" disputes C ("did not confirm" only
    /// leaves it open).
    pub refuse: bool,
}

impl Frames {
    /// Every frame by its `cues.tsv` name, with whether the cue takes it.
    pub fn flags(&self) -> [(&'static str, bool); 20] {
        [
            ("that", self.that),
            ("obj", self.obj),
            ("ing", self.ing),
            ("of", self.of),
            ("for", self.for_),
            ("np", self.np),
            ("quote", self.quote),
            ("to", self.to),
            ("as", self.as_),
            ("inv", self.inv),
            ("clause", self.clause),
            ("adv", self.adv),
            ("raise", self.raise),
            ("prep", self.prep),
            ("wh", self.wh),
            ("about", self.about),
            ("marked", self.marked),
            ("toll", self.toll),
            ("on", self.on),
            ("refuse", self.refuse),
        ]
    }
    /// A cue that reports only casualty figures ("put the death toll at 38").
    pub fn toll_only(&self) -> bool {
        self.toll
            && !(self.that
                || self.obj
                || self.ing
                || self.of
                || self.for_
                || self.np
                || self.quote
                || self.to
                || self.as_
                || self.adv
                || self.raise
                || self.prep
                || self.wh
                || self.about)
    }

    /// A cue that reports only quotations ("continued": “Q,” she continued).
    pub fn quote_only(&self) -> bool {
        self.quote
            && !(self.that
                || self.obj
                || self.ing
                || self.of
                || self.for_
                || self.np
                || self.to
                || self.as_)
    }
}

/// Grammatical form of a cue occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    ThirdSingular,
    Past,
    Ing,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub ty: CueType,
    pub commitment: Commitment,
    pub frames: Frames,
}

/// A party alias (one row of `parties.tsv`).
#[derive(Debug, Clone)]
pub struct Alias {
    pub words: Vec<String>,
    pub case_sensitive: bool,
    pub party: String,
    pub kind: EntityKind,
    pub roles: Vec<String>,
}

/// A generic role mention (one row of `roles.tsv`).
#[derive(Debug, Clone)]
pub struct RoleMention {
    pub role: String,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrClass {
    Title,
    Other,
}

/// What a stance word does to a report's stance toward a claim (`stance.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceMarker {
    /// "hoax", "debunked": the report calls the claim false.
    Refute,
    /// "rumor", "unconfirmed": the report passes the claim on without vouching for it.
    Rumor,
    /// A cue lemma that is no sign of observing: its speaker vouches for the content ("confirm",
    /// "show"), or it is a request or a common part of names ("ask", "Islamic State").
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FnClass {
    Det,
    Prep,
    Conj,
    Sub,
    Aux,
    /// Typical objects of "told" ("him", "reporters").
    Obj,
    /// A coordinator that only joins clauses ("but").
    ClauseConj,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentRelation {
    Subject,
    /// The subject is the agent and a copula may come before the predicate ("X was responsible
    /// for", "X was not to blame for", "its fighters were involved in"): no passive.
    Copular,
    /// The subject is the agent only when the object names an attack or a weapon ("X used
    /// chemical weapons", "X dropped barrel bombs"; not "X used the road").
    Weapon,
    By,
    /// The speaker is the agent: "X claimed responsibility for C".
    Speaker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ControlChange {
    Gain,
    Loss,
    Hold,
}

/// How a violation word reads (`violations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationWord {
    /// "X violated the truce".
    Verb,
    /// "199 violations of the truce by X".
    Noun,
}

/// A word right after a count that makes it no toll of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountFollower {
    /// "four more people died": an addition to an earlier figure.
    Increment,
    /// "three killed 12 others injured": the count belongs to the next casualty word.
    Others,
    /// "one of the dead": a part of a group.
    Partitive,
}

/// A quantity-grammar entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantWord {
    AtLeast,
    MoreThan,
    About,
    UpTo,
    Fewer,
    Nearly,
    /// "between N and M": the phrase is a range.
    Between,
    /// Joins the two ends of a range: "20 to 30", "20-30", "20 or 30".
    RangeJoin,
    Vague(u64, Option<u64>),
    Number(u64),
    Multiplier(u64),
    /// A unit after a number: "40 percent" is not a count.
    Unit,
}

/// An event frame (an `@frame` row of `frames.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameDef {
    pub rank: u8,
    pub parent: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub canonical: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeWord {
    Weekday(u8),
    Part(&'static str),
    Relative(i32),
    Month(u8),
    /// May open a time phrase: "on", "earlier".
    Lead,
    /// A calendar unit: "week", "month" (with its period, when it names one).
    Unit(Option<PeriodUnit>),
    /// Picks a period relative to the publication date: "last" (-1), "this" (0), "next" (1).
    Shift(i8),
    /// Opens a period that runs up to the publication date: "since July".
    Since,
    /// Puts an event inside a period: "in July", "during July".
    Within,
}

/// A calendar period named by a unit word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodUnit {
    Week,
    Weekend,
    Month,
    Year,
}

/// A small, fast, deterministic hasher (the Fx multiply-rotate hash) for the word tables: the
/// tables are read on every token, and SipHash's protection against hash flooding buys nothing
/// for a compiled-in lexicon.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map keyed by words, with [`FxHasher`].
pub type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
/// A hash set of words, with [`FxHasher`].
pub type WordSet<K> = HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// A word of `causes.tsv`: how an aircraft was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CauseWord {
    /// Brought down by someone ("shot down"); `verb_only`: not after a determiner ("the downed
    /// plane").
    Hostile { verb_only: bool },
    /// No one's act ("technical failure").
    Accident,
    /// An aircraft noun and its kind (plane, helicopter, drone, any).
    Aircraft(String),
    /// The loss itself ("crashed", "the crash").
    Crash,
}

/// A table of (possibly multi-word) lower-case phrases.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    map: WordMap<String, T>,
    /// First word of each phrase to the longest phrase (in words) starting with it.
    first: WordMap<String, usize>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            map: WordMap::default(),
            first: WordMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let Some(w0) = words.first() else { return };
        let n = self.first.entry(w0.clone()).or_insert(0);
        *n = (*n).max(words.len());
        self.map.insert(words.join(" "), value);
    }

    pub fn get(&self, phrase: &str) -> Option<&T> {
        self.map.get(phrase)
    }

    /// Every phrase, lower case, words joined by one space.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// The longest phrase starting at `words[i]`: (number of words, value).
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<(usize, &T)> {
        self.longest_by(|k| words.get(i + k).map(|w| w.as_ref()))
    }

    /// The longest phrase starting at token `i` (not reaching `end`), read from the tokens'
    /// lower-case forms without allocating for single words.
    pub fn longest_in(
        &self,
        toks: &[crate::segment::Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &T)> {
        let end = end.min(toks.len());
        self.longest_by(|k| (i + k < end).then(|| toks[i + k].lower.as_str()))
    }

    fn longest_by<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<(usize, &T)> {
        let w0 = word(0)?;
        let &max = self.first.get(w0)?;
        let mut best = self.map.get(w0).map(|v| (1, v));
        if max > 1 {
            // the phrase is built in a buffer kept by the thread: this runs on every token
            thread_local! {
                static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
            }
            KEY.with_borrow_mut(|key| {
                key.clear();
                key.push_str(w0);
                for n in 2..=max {
                    let Some(w) = word(n - 1) else { break };
                    key.push(' ');
                    key.push_str(w);
                    if let Some(v) = self.map.get(key.as_str()) {
                        best = Some((n, v));
                    }
                }
            });
        }
        best
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Every lexical resource, parsed.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The learned scorer over the attribution rules' readings (`attribution_model.tsv`).
    pub attrib_model: crate::extract::learned::AttribModel,
    /// A part-of-speech model from `--resources DIR/pos-ewt.model`; `None` for the built-in one,
    /// parsed on first use (see [`Lexicon::tagger`]).
    pub pos_model: Option<std::sync::Arc<crate::pos::Tagger>>,
    pub cues: Vec<Cue>,
    /// Cue forms (possibly multi-word) to (index into `cues`, form).
    pub cue_forms: PhraseTable<(usize, Form)>,
    pub negations: WordSet<String>,
    /// Nouns that report speech or belief: "X's claim that C".
    pub nominal_cues: WordMap<String, (CueType, Commitment)>,
    /// Phrases in which a cue form is no cue ("claimed the lives").
    pub not_cues: PhraseTable<()>,
    /// A cue form that is no cue when one of these words closes its object ("claimed more than
    /// 300 lives"): two-column rows of `not_cues.tsv`.
    pub not_cue_objects: WordMap<String, Vec<String>>,
    /// Cue forms that are also nouns or adjectives: cues only in a verbal context.
    pub cue_nouns: WordSet<String>,
    /// Documents and messages: "X issued a statement saying C" is X's attribution.
    pub document_nouns: WordSet<String>,
    /// Verb forms without an "-ed" ending that end a subject phrase ("came", "went").
    pub verb_forms: WordSet<String>,
    /// Stance markers: words and phrases that refute a claim or pass it on as a rumor.
    pub stance_markers: PhraseTable<StanceMarker>,
    /// Lexical opposites, both ways ("dead" / "alive", "captured" / "freed").
    pub opposites: WordMap<String, Vec<String>>,
    pub hedges: WordMap<String, Commitment>,
    pub abbreviations: WordMap<String, AbbrClass>,
    pub aliases: Vec<Alias>,
    /// First word (lower case) of each alias to alias indices.
    pub alias_index: WordMap<String, Vec<usize>>,
    pub roles: PhraseTable<RoleMention>,
    /// Nouns for a party's fighting units after a role noun ("government forces", "regime
    /// jets"): the role still names the party (`@force` rows of `roles.tsv`).
    pub force_heads: WordSet<String>,
    /// Every role of each party, over all its aliases: "Assad" stands for a party with a
    /// government and a military.
    pub party_roles: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// Words that open the account of another incident ("elsewhere", "in a separate attack"):
    /// a sentence holding one inherits nothing from the event before it (`@new` rows of
    /// `frames.tsv`).
    pub new_incident: PhraseTable<()>,
    /// How an attack struck ("air", "ground"): `@mode` rows of `frames.tsv`.
    pub attack_modes: PhraseTable<String>,
    /// Every party an alias names.
    pub party_names: WordSet<String>,
    /// See [`Lexicon::possessive_stem`].
    pub possessive_stems: WordSet<String>,
    pub kinds: WordMap<String, EntityKind>,
    pub pronouns: WordMap<String, Vec<EntityKind>>,
    pub frames: PhraseTable<String>,
    pub frame_defs: WordMap<String, FrameDef>,
    /// The frame responsibility predicates evoke.
    pub predicate_frame: String,
    pub responsibility: PhraseTable<AgentRelation>,
    pub casualties: PhraseTable<String>,
    /// Control predicates: the change, and whether the place comes first ("X fell to Y").
    pub control: PhraseTable<(ControlChange, bool)>,
    /// Predicates of a violation of an agreement (`violations.tsv`).
    pub violations: PhraseTable<ViolationWord>,
    /// Nouns naming an agreement ("truce", "ceasefire").
    pub agreements: PhraseTable<()>,
    /// Words that make a number after an agreement a count of violations ("30 times").
    pub repetitions: WordSet<String>,
    /// The frame violation events belong to.
    pub violation_frame: String,
    /// Suffixes of adjectives naming who holds an area ("rebel-held", "government-controlled"):
    /// `side` rows of `control.tsv`.
    pub side_suffixes: Vec<String>,
    /// Nouns for places a party holds, after its name ("army positions"): `held` rows of
    /// `control.tsv`.
    pub held_nouns: WordSet<String>,
    /// Verbs whose subject kept what was attacked ("repelled the attack on Y"): `repel` rows of
    /// `control.tsv`.
    pub repel: PhraseTable<()>,
    /// Nouns for an attack after a `repel` verb ("attack", "assault"): `assault` rows.
    pub assault_nouns: WordSet<String>,
    /// Words of the cause of an aircraft's loss: shot down, or an accident (`causes.tsv`).
    pub causes: PhraseTable<CauseWord>,
    /// Phrases after a place noun whose following party holds it ("districts controlled by the
    /// army", "areas held by rebels"): `side-by` rows of `control.tsv`.
    pub side_by: PhraseTable<()>,
    pub quantities: PhraseTable<QuantWord>,
    /// Words right after a count that make it no toll of its own (`f:` rows of quantities.tsv).
    pub count_followers: WordMap<String, CountFollower>,
    /// Words right before a count that make it an addition ("another six"; `b:increment`).
    pub increment_before: WordSet<String>,
    /// `places.tsv` and the world gazetteer `places-world.tsv` (see [`crate::places`]).
    pub places: crate::places::Gazetteer,
    pub place_heads: WordSet<String>,
    /// Heads that name an attack's target ("market", "hospital"), marked `@site`.
    pub sites: WordSet<String>,
    /// Prepositions after which a capitalized name is read as a place.
    pub place_preps: WordSet<String>,
    /// Name particles ("al-", "el-", "bin") that may start a place-name word in lower case.
    pub particles: Vec<String>,
    /// Words that commonly open a sentence (after an abbreviation such as "U.S.").
    pub openers: WordSet<String>,
    /// What a denial may deny without naming the event ("denied involvement").
    pub deny_anaphors: WordSet<String>,
    /// What a denial of another's words may name ("dismissed his comments as hysteria"): it
    /// answers the accusation before it, and denies no deed by itself.
    pub statement_anaphors: WordSet<String>,
    /// Words that call an accusation false ("the allegations were fabricated"): `false` rows of
    /// `responsibility.tsv`.
    pub falsity: WordSet<String>,
    /// Words between a casualty noun and its count ("the death toll has risen to 31").
    pub casualty_links: WordSet<String>,
    /// Nouns that name a casualty figure ("the death toll"): their count may follow a phrase
    /// ("the death toll from the strike has risen to 38"), and a cue with the `toll` frame
    /// reports a figure only with one of them as its object ("put the toll at 38").
    pub toll_nouns: PhraseTable<()>,
    /// Words that open the parts of a casualty figure after it ("killed 26 people including 9
    /// children", "among them three women").
    pub part_openers: PhraseTable<()>,
    /// Articles that count one in a list of parts ("including a woman and two children").
    pub part_articles: WordSet<String>,
    /// Words before a count that make the counts before it in its clause parts of it ("seven
    /// civilians were among 20 people killed").
    pub whole_markers: WordSet<String>,
    /// Words after a casualty figure that make it a running total ("since April").
    pub cumulative: PhraseTable<()>,
    /// Words in a sentence that make its figures superseded ("an earlier death toll").
    pub superseded: PhraseTable<()>,
    /// Words in a clause that make a figure an aggregate over a wide area ("across").
    pub aggregate: PhraseTable<()>,
    /// Words for harm done to people besides the casualty words ("civilian casualties"): what a
    /// party denies when it denies harming anyone.
    pub harm: PhraseTable<()>,
    /// Units of a duration that make a figure a running total ("in three days").
    pub span_units: WordSet<String>,
    /// Words after a duration that make it a point in time ("three days ago").
    pub point_words: WordSet<String>,
    /// Victim nouns that count the same people ("people", "civilians").
    pub generic_victims: WordSet<String>,
    pub time: WordMap<String, TimeWord>,
    pub function: WordMap<String, FnClass>,
    /// Words that open an interrogative complement ("asked whether", "wondered why"), marked
    /// `wh` in `function_words.tsv`.
    pub interrogatives: WordSet<String>,
    /// Forms of "to be" (marked `be` in `function_words.tsv`).
    pub be_forms: WordSet<String>,
    /// Words offering alternatives ("or", "either"; marked `alt`): "Syrian or Russian jets"
    /// names no agent.
    pub alternatives: WordSet<String>,
}

struct Rows<'a> {
    file: &'a str,
    text: &'a str,
}

impl<'a> Rows<'a> {
    /// Non-comment, non-empty lines as (line number, tab-separated fields).
    fn iter(&self) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
        self.text.lines().enumerate().filter_map(|(i, l)| {
            let l = l.trim_end_matches('\r');
            if l.trim().is_empty() || l.starts_with('#') {
                None
            } else {
                Some((i + 1, l.split('\t').map(str::trim).collect()))
            }
        })
    }

    fn err(&self, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.file.to_string(),
            line,
            message: message.into(),
        }
    }

    fn need(&self, line: usize, fields: &[&str], n: usize) -> Result<(), LexiconError> {
        if fields.len() < n {
            Err(self.err(
                line,
                format!("expected {n} tab-separated columns, found {}", fields.len()),
            ))
        } else {
            Ok(())
        }
    }
}

/// Regular inflections of an English verb: 3rd singular, past, -ing.
fn regular_forms(lemma: &str) -> [String; 3] {
    let vowel = |c: char| "aeiou".contains(c);
    let last = lemma.chars().last().unwrap_or('x');
    let before_last = lemma.chars().rev().nth(1).unwrap_or('x');
    let third = if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let past = if last == 'e' {
        format!("{lemma}d")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let ing = if last == 'e' && !lemma.ends_with("ee") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    [third, past, ing]
}

fn form_of(lemma: &str, form: &str) -> Form {
    // a phrasal cue inflects its first word: "referring to", "pointed out"
    let first = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    let (lemma, form) = (first(lemma), first(form));
    if form == lemma {
        Form::Base
    } else if form.ends_with("ing") {
        Form::Ing
    } else if form.ends_with('s') && !form.ends_with("ss") && !lemma.ends_with('s') {
        Form::ThirdSingular
    } else {
        Form::Past
    }
}

fn parse_kind(rows: &Rows, line: usize, s: &str) -> Result<EntityKind, LexiconError> {
    EntityKind::parse(s).ok_or_else(|| rows.err(line, format!("unknown kind `{s}`")))
}

impl Lexicon {
    /// The built-in resources.
    pub fn builtin() -> Self {
        // The built-in files are tested to parse; a failure here is a build defect.
        Self::load(None).expect("built-in resources parse")
    }

    /// Built-in resources, with any same-named file in `dir` replacing the built-in one.
    pub fn load(dir: Option<&Path>) -> Result<Self, LexiconError> {
        if let Some(dir) = dir {
            check_resource_dir(dir)?;
        }
        let mut texts: Vec<(String, String)> = Vec::new();
        for (name, builtin) in BUILTIN {
            let mut label = format!("resources/{name}");
            // (the built-in world gazetteer is not copied: it is read in place, on first use)
            let mut text = if *name == crate::places::WORLD_FILE {
                String::new()
            } else {
                builtin.to_string()
            };
            if let Some(dir) = dir {
                let p = dir.join(name);
                if p.exists() {
                    text = std::fs::read_to_string(&p).map_err(|e| LexiconError {
                        file: p.display().to_string(),
                        line: 0,
                        message: if e.kind() == std::io::ErrorKind::InvalidData {
                            "not UTF-8 text".to_string()
                        } else {
                            e.to_string()
                        },
                    })?;
                    label = p.display().to_string();
                }
            }
            texts.push((label, text));
        }
        let get = |name: &str| -> Rows {
            let i = BUILTIN.iter().position(|(n, _)| *n == name).unwrap_or(0);
            Rows {
                file: &texts[i].0,
                text: &texts[i].1,
            }
        };
        let mut lx = Lexicon::default();
        if let Some(dir) = dir {
            let p = dir.join(crate::pos::MODEL_FILE);
            if p.exists() {
                let file = p.display().to_string();
                let text = std::fs::read_to_string(&p).map_err(|e| LexiconError {
                    file: file.clone(),
                    line: 0,
                    message: e.to_string(),
                })?;
                let t = crate::pos::Tagger::parse(&text).map_err(|e| LexiconError {
                    file,
                    line: e.line,
                    message: e.message,
                })?;
                lx.pos_model = Some(std::sync::Arc::new(t));
            }
        }
        lx.parse_cues(&get("cues.tsv"))?;
        let rows = get("attribution_model.tsv");
        lx.attrib_model = crate::extract::learned::AttribModel::parse(rows.text)
            .map_err(|(line, message)| rows.err(line, message))?;
        for (_, f) in get("negations.txt").iter() {
            lx.negations.insert(f[0].to_lowercase());
        }
        let rows = get("nominal_cues.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            let ty = CueType::parse(f[1])
                .ok_or_else(|| rows.err(line, format!("unknown cue type `{}`", f[1])))?;
            let c = Commitment::parse(f[2])
                .ok_or_else(|| rows.err(line, format!("unknown commitment `{}`", f[2])))?;
            lx.nominal_cues.insert(f[0].to_lowercase(), (ty, c));
        }
        for (_, f) in get("not_cues.tsv").iter() {
            match f.get(1) {
                Some(object) => lx
                    .not_cue_objects
                    .entry(f[0].to_lowercase())
                    .or_default()
                    .push(object.to_lowercase()),
                None => lx.not_cues.insert(f[0], ()),
            }
        }
        for (_, f) in get("cue_nouns.txt").iter() {
            lx.cue_nouns.insert(f[0].to_lowercase());
        }
        for (_, f) in get("document_nouns.txt").iter() {
            lx.document_nouns.insert(f[0].to_lowercase());
        }
        for (_, f) in get("verbs.txt").iter() {
            lx.verb_forms.insert(f[0].to_lowercase());
        }
        let rows = get("opposites.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let (a, b) = (f[0].to_lowercase(), f[1].to_lowercase());
            lx.opposites.entry(a.clone()).or_default().push(b.clone());
            lx.opposites.entry(b).or_default().push(a);
        }
        let rows = get("stance.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let m = match f[1] {
                "refute" => StanceMarker::Refute,
                "rumor" => StanceMarker::Rumor,
                "neutral" => StanceMarker::Neutral,
                x => return Err(rows.err(line, format!("unknown stance marker `{x}`"))),
            };
            lx.stance_markers.insert(&f[0].to_lowercase(), m);
        }
        let rows = get("hedges.txt");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let c = Commitment::parse(f[1])
                .ok_or_else(|| rows.err(line, format!("unknown commitment `{}`", f[1])))?;
            lx.hedges.insert(f[0].to_lowercase(), c);
        }
        let rows = get("abbreviations.txt");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let class = match f[1] {
                "title" => AbbrClass::Title,
                "other" => AbbrClass::Other,
                "opener" => {
                    lx.openers.insert(f[0].to_lowercase());
                    continue;
                }
                x => return Err(rows.err(line, format!("unknown abbreviation class `{x}`"))),
            };
            lx.abbreviations.insert(f[0].to_lowercase(), class);
        }
        lx.parse_parties(&get("parties.tsv"))?;
        let rows = get("roles.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            if f[1] == "@force" {
                lx.force_heads.insert(f[0].to_lowercase());
                continue;
            }
            let kind = parse_kind(&rows, line, f[2])?;
            lx.roles.insert(
                f[0],
                RoleMention {
                    role: f[1].to_string(),
                    kind,
                },
            );
        }
        let rows = get("kinds.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            lx.kinds
                .insert(f[0].to_lowercase(), parse_kind(&rows, line, f[1])?);
        }
        let rows = get("pronouns.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let kinds = f[1]
                .split(',')
                .map(|k| parse_kind(&rows, line, k.trim()))
                .collect::<Result<Vec<_>, _>>()?;
            lx.pronouns.insert(f[0].to_lowercase(), kinds);
        }
        let rows = get("frames.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            match f[0] {
                "@frame" => {
                    rows.need(line, &f, 5)?;
                    let rank = f[2]
                        .parse()
                        .map_err(|_| rows.err(line, format!("bad rank `{}`", f[2])))?;
                    lx.frame_defs.insert(
                        f[1].to_string(),
                        FrameDef {
                            rank,
                            parent: (f[3] != "-").then(|| f[3].to_string()),
                            description: f[4].to_string(),
                        },
                    );
                }
                "@predicate" => lx.predicate_frame = f[1].to_string(),
                "@new" => lx.new_incident.insert(f[1], ()),
                "@mode" => {
                    rows.need(line, &f, 3)?;
                    lx.attack_modes.insert(f[1], f[2].to_string());
                }
                _ => {
                    if !lx.frame_defs.contains_key(f[1]) {
                        return Err(
                            rows.err(line, format!("frame `{}` has no @frame row above", f[1]))
                        );
                    }
                    lx.frames.insert(f[0], f[1].to_string());
                }
            }
        }
        if !lx.frame_defs.contains_key(&lx.predicate_frame) {
            return Err(LexiconError {
                file: texts[BUILTIN
                    .iter()
                    .position(|(n, _)| *n == "frames.tsv")
                    .unwrap_or(0)]
                .0
                .clone(),
                line: 0,
                message: "`@predicate` must name a defined frame".into(),
            });
        }
        let rows = get("responsibility.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let rel = match f[1] {
                "agent_subject" => AgentRelation::Subject,
                "agent_copular" => AgentRelation::Copular,
                "agent_weapon" => AgentRelation::Weapon,
                "agent_by" => AgentRelation::By,
                "agent_speaker" => AgentRelation::Speaker,
                "anaphor" => {
                    lx.deny_anaphors.insert(f[0].to_lowercase());
                    continue;
                }
                "statement_anaphor" => {
                    lx.statement_anaphors.insert(f[0].to_lowercase());
                    continue;
                }
                "false" => {
                    lx.falsity.insert(f[0].to_lowercase());
                    continue;
                }
                x => return Err(rows.err(line, format!("unknown relation `{x}`"))),
            };
            lx.responsibility.insert(f[0], rel);
        }
        let rows = get("casualties.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            if f[1] == "@people" {
                lx.generic_victims.insert(f[0].to_lowercase());
            } else if f[1] == "@cumulative" {
                lx.cumulative.insert(f[0], ());
            } else if f[1] == "@superseded" {
                lx.superseded.insert(f[0], ());
            } else if f[1] == "@aggregate" {
                lx.aggregate.insert(f[0], ());
            } else if f[1] == "@link" {
                lx.casualty_links.insert(f[0].to_lowercase());
            } else if f[1] == "@toll" {
                lx.toll_nouns.insert(f[0], ());
            } else if f[1] == "@harm" {
                lx.harm.insert(f[0], ());
            } else if f[1] == "@part" {
                lx.part_openers.insert(f[0], ());
            } else if f[1] == "@one" {
                lx.part_articles.insert(f[0].to_lowercase());
            } else if f[1] == "@whole" {
                lx.whole_markers.insert(f[0].to_lowercase());
            } else if f[1] == "@span" {
                lx.span_units.insert(f[0].to_lowercase());
            } else if f[1] == "@point" {
                lx.point_words.insert(f[0].to_lowercase());
            } else {
                lx.casualties.insert(f[0], f[1].to_string());
            }
        }
        let rows = get("violations.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            match f[1] {
                "verb" => lx.violations.insert(f[0], ViolationWord::Verb),
                "noun" => lx.violations.insert(f[0], ViolationWord::Noun),
                "agreement" => lx.agreements.insert(f[0], ()),
                "times" => {
                    lx.repetitions.insert(f[0].to_lowercase());
                }
                "frame" => lx.violation_frame = f[0].to_string(),
                x => return Err(rows.err(line, format!("unknown violation kind `{x}`"))),
            }
        }
        let rows = get("control.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            if f[1] == "side" {
                lx.side_suffixes.push(f[0].to_lowercase());
                continue;
            }
            if f[1] == "held" {
                lx.held_nouns.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "repel" {
                lx.repel.insert(f[0], ());
                continue;
            }
            if f[1] == "assault" {
                lx.assault_nouns.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "side-by" {
                lx.side_by.insert(f[0], ());
                continue;
            }
            let ch = match f[1] {
                "gain" => ControlChange::Gain,
                "loss" => ControlChange::Loss,
                "hold" => ControlChange::Hold,
                x => return Err(rows.err(line, format!("unknown control change `{x}`"))),
            };
            let place_first = match f.get(2).copied() {
                None | Some("") | Some("holder-first") => false,
                Some("place-first") => true,
                Some(x) => return Err(rows.err(line, format!("unknown order `{x}`"))),
            };
            lx.control.insert(f[0], (ch, place_first));
        }
        lx.parse_quantities(&get("quantities.tsv"))?;
        let rows = get("places.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            if f[1] == "@head" || f[1] == "@site" {
                lx.place_heads.insert(f[0].to_lowercase());
                if f[1] == "@site" {
                    lx.sites.insert(f[0].to_lowercase());
                }
            } else if f[1] == "@prep" {
                lx.place_preps.insert(f[0].to_lowercase());
            } else if f[1] == "@particle" {
                lx.particles.push(f[0].to_lowercase());
            } else {
                lx.places.insert(
                    f[0],
                    Place {
                        canonical: f[1].to_string(),
                        parent: (f[2] != "-").then(|| f[2].to_string()),
                    },
                );
            }
        }
        let rows = get(crate::places::WORLD_FILE);
        if rows.file == format!("resources/{}", crate::places::WORLD_FILE) {
            lx.places
                .set_world(rows.file, crate::places::WORLD_BUILTIN)?;
        } else {
            lx.places.set_world(rows.file, rows.text)?;
        }
        let aliases = lx.aliases.iter().map(|a| {
            let w: Vec<String> = a.words.iter().map(|w| w.to_lowercase()).collect();
            w.join(" ")
        });
        lx.places.set_parties(aliases.collect::<Vec<_>>());
        let rows = get("time.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let (k, v) = f[1]
                .split_once(':')
                .ok_or_else(|| rows.err(line, "expected kind:value"))?;
            let num = |v: &str| -> Result<i32, LexiconError> {
                v.parse()
                    .map_err(|_| rows.err(line, format!("bad number `{v}`")))
            };
            let tw = match k {
                "wd" => TimeWord::Weekday(num(v)?.clamp(0, 6) as u8),
                "part" => TimeWord::Part(intern_part(v)),
                "rel" => TimeWord::Relative(num(v)?),
                "month" => TimeWord::Month(num(v)?.clamp(1, 12) as u8),
                "lead" => TimeWord::Lead,
                "unit" => TimeWord::Unit(match v {
                    "week" => Some(PeriodUnit::Week),
                    "weekend" => Some(PeriodUnit::Weekend),
                    "month" => Some(PeriodUnit::Month),
                    "year" => Some(PeriodUnit::Year),
                    "" => None,
                    x => return Err(rows.err(line, format!("unknown unit `{x}`"))),
                }),
                "shift" => TimeWord::Shift(num(v)?.clamp(-9, 9) as i8),
                "since" => TimeWord::Since,
                "within" => TimeWord::Within,
                x => return Err(rows.err(line, format!("unknown time kind `{x}`"))),
            };
            lx.time.insert(f[0].to_lowercase(), tw);
        }
        let rows = get("causes.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let w = match (f[1], f.get(2).copied()) {
                ("hostile", None) => CauseWord::Hostile { verb_only: false },
                ("hostile", Some("verb")) => CauseWord::Hostile { verb_only: true },
                ("accident", None) => CauseWord::Accident,
                ("crash", None) => CauseWord::Crash,
                ("aircraft", Some(kind)) => CauseWord::Aircraft(kind.to_lowercase()),
                ("aircraft", None) => return Err(rows.err(line, "an aircraft needs its kind")),
                (c, Some(d)) => {
                    return Err(rows.err(line, format!("unknown class or detail `{c}` `{d}`")));
                }
                (c, None) => return Err(rows.err(line, format!("unknown class `{c}`"))),
            };
            lx.causes.insert(f[0], w);
        }
        let rows = get("function_words.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let c = match f[1] {
                "det" => FnClass::Det,
                "prep" => FnClass::Prep,
                "conj" => FnClass::Conj,
                "sub" => FnClass::Sub,
                "aux" => FnClass::Aux,
                "obj" => FnClass::Obj,
                "cconj" => FnClass::ClauseConj,
                x => return Err(rows.err(line, format!("unknown class `{x}`"))),
            };
            lx.function.insert(f[0].to_lowercase(), c);
            match f.get(2) {
                Some(&"be") => {
                    lx.be_forms.insert(f[0].to_lowercase());
                }
                Some(&"wh") => {
                    lx.interrogatives.insert(f[0].to_lowercase());
                }
                Some(&"alt") => {
                    lx.alternatives.insert(f[0].to_lowercase());
                }
                Some(x) => return Err(rows.err(line, format!("unknown marker `{x}`"))),
                None => {}
            }
        }
        lx.possessive_stems = lx.names_taking_possessive();
        lx.party_names = lx.aliases.iter().map(|a| a.party.clone()).collect();
        Ok(lx)
    }

    fn parse_cues(&mut self, rows: &Rows) -> Result<(), LexiconError> {
        for (line, f) in rows.iter() {
            rows.need(line, &f, 5)?;
            let lemma = f[0].to_lowercase();
            let ty = CueType::parse(f[1])
                .ok_or_else(|| rows.err(line, format!("unknown cue type `{}`", f[1])))?;
            let commitment = Commitment::parse(f[2])
                .ok_or_else(|| rows.err(line, format!("unknown commitment `{}`", f[2])))?;
            let mut frames = Frames::default();
            for fr in f[3].split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match fr {
                    "that" => frames.that = true,
                    "obj" => frames.obj = true,
                    "ing" => frames.ing = true,
                    "of" => frames.of = true,
                    "for" => frames.for_ = true,
                    "np" => frames.np = true,
                    "quote" => frames.quote = true,
                    "to" => frames.to = true,
                    "as" => frames.as_ = true,
                    "inv" => frames.inv = true,
                    "clause" => frames.clause = true,
                    "adv" => frames.adv = true,
                    "raise" => frames.raise = true,
                    "prep" => frames.prep = true,
                    "wh" => frames.wh = true,
                    "about" => frames.about = true,
                    "marked" => frames.marked = true,
                    "toll" => frames.toll = true,
                    "on" => frames.on = true,
                    "refuse" => frames.refuse = true,
                    x => return Err(rows.err(line, format!("unknown frame `{x}`"))),
                }
            }
            let idx = self.cues.len();
            let forms: Vec<String> = if f[4] == "-" {
                regular_forms(&lemma).to_vec()
            } else {
                f[4].split(',').map(|s| s.trim().to_lowercase()).collect()
            };
            self.cue_forms.insert(&lemma, (idx, Form::Base));
            for form in forms {
                let fm = form_of(&lemma, &form);
                self.cue_forms.insert(&form, (idx, fm));
            }
            self.cues.push(Cue {
                lemma,
                ty,
                commitment,
                frames,
            });
        }
        Ok(())
    }

    fn parse_parties(&mut self, rows: &Rows) -> Result<(), LexiconError> {
        for (line, f) in rows.iter() {
            rows.need(line, &f, 4)?;
            let case_sensitive = f[0].chars().any(char::is_uppercase);
            let words: Vec<String> = crate::segment::word_strings(f[0])
                .into_iter()
                .map(|w| if case_sensitive { w } else { w.to_lowercase() })
                .collect();
            if words.is_empty() {
                return Err(rows.err(line, "empty alias"));
            }
            let kind = parse_kind(rows, line, f[2])?;
            let roles = if f[3] == "-" {
                Vec::new()
            } else {
                f[3].split(',').map(|s| s.trim().to_string()).collect()
            };
            let idx = self.aliases.len();
            self.alias_index
                .entry(words[0].to_lowercase())
                .or_default()
                .push(idx);
            for r in &roles {
                self.party_roles
                    .entry(f[1].to_string())
                    .or_default()
                    .insert(r.clone());
            }
            self.aliases.push(Alias {
                words,
                case_sensitive,
                party: f[1].to_string(),
                kind,
                roles,
            });
        }
        Ok(())
    }

    fn parse_quantities(&mut self, rows: &Rows) -> Result<(), LexiconError> {
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let (k, v) = f[1]
                .split_once(':')
                .ok_or_else(|| rows.err(line, "expected kind:value"))?;
            let num = |s: &str| -> Result<u64, LexiconError> {
                s.parse()
                    .map_err(|_| rows.err(line, format!("bad number `{s}`")))
            };
            let q = match (k, v) {
                ("q", "atleast") => QuantWord::AtLeast,
                ("q", "morethan") => QuantWord::MoreThan,
                ("q", "about") => QuantWord::About,
                ("q", "upto") => QuantWord::UpTo,
                ("q", "fewer") => QuantWord::Fewer,
                ("q", "nearly") => QuantWord::Nearly,
                ("q", "between") => QuantWord::Between,
                ("r", _) => QuantWord::RangeJoin,
                ("v", range) => {
                    let (lo, hi) = range
                        .split_once('-')
                        .ok_or_else(|| rows.err(line, "expected lo-hi"))?;
                    let hi = if hi.is_empty() { None } else { Some(num(hi)?) };
                    QuantWord::Vague(num(lo)?, hi)
                }
                ("n", n) => QuantWord::Number(num(n)?),
                ("u", _) => QuantWord::Unit,
                ("m", n) => QuantWord::Multiplier(num(n)?),
                ("b", "increment") => {
                    self.increment_before.insert(f[0].to_lowercase());
                    continue;
                }
                ("f", kind) => {
                    let follower = match kind {
                        "increment" => CountFollower::Increment,
                        "others" => CountFollower::Others,
                        "partitive" => CountFollower::Partitive,
                        _ => return Err(rows.err(line, format!("unknown follower `{kind}`"))),
                    };
                    self.count_followers.insert(f[0].to_lowercase(), follower);
                    continue;
                }
                _ => return Err(rows.err(line, format!("unknown quantity entry `{}`", f[1]))),
            };
            self.quantities.insert(f[0], q);
        }
        Ok(())
    }

    /// Rank of a frame (higher is more specific).
    pub fn frame_rank(&self, f: &str) -> u8 {
        self.frame_defs.get(f).map_or(0, |d| d.rank)
    }

    /// A frame with a parent ("convoy" under "attack") is specific.
    pub fn frame_specific(&self, f: &str) -> bool {
        self.frame_defs.get(f).is_some_and(|d| d.parent.is_some())
    }

    /// Equal frames, or one the parent of the other.
    pub fn frames_compatible(&self, a: &str, b: &str) -> bool {
        let parent = |x: &str| self.frame_defs.get(x).and_then(|d| d.parent.clone());
        a == b || parent(a).as_deref() == Some(b) || parent(b).as_deref() == Some(a)
    }

    /// A word starting with a name particle ("al-Zour", "bin").
    pub fn is_particle(&self, w: &str) -> bool {
        self.particles.iter().any(|p| {
            if p.ends_with('-') {
                w.starts_with(p.as_str())
            } else {
                w == p
            }
        })
    }

    pub fn cue(&self, idx: usize) -> &Cue {
        &self.cues[idx]
    }

    /// The weakest commitment a hedge among `toks` expresses ("may", "reportedly"), if any.
    pub fn hedge_of(&self, toks: &[crate::segment::Token]) -> Option<Commitment> {
        toks.iter()
            .filter_map(|t| self.hedges.get(&t.lower).copied())
            .max()
    }

    /// Whether a lower-case word reads as a verb without a tagger: a listed verb form
    /// (`verbs.txt`), an event predicate (control, casualty, responsibility), or a past-tense
    /// ending.
    pub fn is_verb_form(&self, lower: &str) -> bool {
        lower.ends_with("ed")
            || self.verb_forms.contains(lower)
            || self.control.get(lower).is_some()
            || self.casualties.get(lower).is_some()
            || self.responsibility.get(lower).is_some()
    }

    /// The party a role noun stands for: the first party of `parties.tsv` with that role
    /// ("regime", "government", "army": the Syrian government in the built-in list).
    /// Names that a possessive with its apostrophe stripped may end ("Syrias", "Assads"): one-word
    /// places, the last word of a person's alias, and one-word aliases of a party with a role
    /// ("russia", "moscow"; not the adjective "syrian", whose plural "Syrians" is no possessive).
    fn names_taking_possessive(&self) -> WordSet<String> {
        let mut out = WordSet::default();
        for k in self.places.hand_keys() {
            if !k.contains(' ') {
                out.insert(k.to_string());
            }
        }
        for a in &self.aliases {
            let last = a.words[a.words.len() - 1].to_lowercase();
            if a.kind == EntityKind::Person || (a.words.len() == 1 && !a.roles.is_empty()) {
                out.insert(last);
            }
        }
        out
    }

    /// The name a capitalized word ending in "s" is the possessive of, when its apostrophe was
    /// stripped ("Syrias" → "syria", "al-Assads" → "al-assad"); `None` for a word that is a
    /// name or alias itself ("Homs", "Rebels").
    pub fn possessive_stem<'w>(&self, lower: &'w str) -> Option<&'w str> {
        let stem = lower.strip_suffix('s')?;
        (stem.len() >= 3
            && !stem.ends_with('s')
            && self.possessive_stems.contains(stem)
            && self.places.get(lower).is_none()
            && !self.alias_index.contains_key(lower))
        .then_some(stem)
    }

    /// The party an outlet's name is an alias of, as a whole ("SANA", "sana"): its own voice is
    /// that party's.
    pub fn outlet_party(&self, outlet: &str) -> Option<String> {
        let words: Vec<String> = crate::segment::word_strings(outlet)
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect();
        let first = words.first()?;
        self.alias_index.get(first)?.iter().find_map(|&a| {
            let al = &self.aliases[a];
            (al.words.len() == words.len()
                && al
                    .words
                    .iter()
                    .zip(&words)
                    .all(|(x, y)| x.to_lowercase() == *y))
            .then(|| al.party.clone())
        })
    }

    /// The role a phrase names by a role noun at its head, or before a noun for fighting units
    /// ("the regime", "regime jets", "government forces" → "government"); `None` for a phrase
    /// with a capitalized word after its first ("Health Ministry").
    pub fn role_of_phrase(&self, phrase: &str) -> Option<&str> {
        let raw: Vec<&str> = phrase.split_whitespace().collect();
        let skip = raw
            .iter()
            .take_while(|w| matches!(self.fn_class(&w.to_lowercase()), Some(FnClass::Det)))
            .count();
        let raw = &raw[skip..];
        if raw
            .iter()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        let words: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        (0..words.len()).find_map(|st| {
            let (n, role) = self.roles.longest_at(&words, st)?;
            let heads = st + n == words.len()
                || (st + n + 1 == words.len()
                    && self.force_heads.contains(&words[words.len() - 1]));
            heads.then_some(role.role.as_str())
        })
    }

    /// Whether `name` is a party that an alias names.
    pub fn is_party(&self, name: &str) -> bool {
        self.party_names.contains(name)
    }

    /// Whether a party has a role through any of its aliases.
    pub fn party_has_role(&self, party: &str, role: &str) -> bool {
        self.party_roles
            .get(party)
            .is_some_and(|r| r.contains(role))
    }

    pub fn party_of_role(&self, word: &str) -> Option<&str> {
        let role = &self.roles.get(word)?.role;
        self.aliases
            .iter()
            .find(|a| a.roles.contains(role))
            .map(|a| a.party.as_str())
    }

    /// A lower-case "-ly" word outside the function words: an adverb ("falsely", "fully"), not
    /// "Italy" or "only".
    pub fn is_ly_adverb(&self, t: &crate::segment::Token) -> bool {
        !t.cap
            && t.kind == crate::segment::TokKind::Word
            && t.lower.len() > 4
            && t.lower.ends_with("ly")
            && self.fn_class(&t.lower).is_none()
    }

    /// The part-of-speech tagger: the `--resources` one, or the built-in model (parsed once,
    /// on first use).
    pub fn tagger(&self) -> &crate::pos::Tagger {
        match &self.pos_model {
            Some(t) => t,
            None => crate::pos::builtin(),
        }
    }

    pub fn fn_class(&self, lower: &str) -> Option<FnClass> {
        self.function.get(lower).copied()
    }
}

/// A `--resources` directory must exist, and every `.tsv` / `.txt` file in it must be one the
/// program knows (a misspelt name would otherwise be ignored silently).
fn check_resource_dir(dir: &Path) -> Result<(), LexiconError> {
    let err = |message: String| LexiconError {
        file: dir.display().to_string(),
        line: 0,
        message,
    };
    if !dir.is_dir() {
        return Err(err("not a directory".into()));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| err(e.to_string()))?;
    let mut unknown: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| {
            (n.ends_with(".tsv") || n.ends_with(".txt")) && !BUILTIN.iter().any(|(b, _)| b == n)
        })
        .collect();
    unknown.sort();
    if !unknown.is_empty() {
        let known: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
        return Err(err(format!(
            "unknown resource file(s) {}; known files: {}",
            unknown.join(", "),
            known.join(", ")
        )));
    }
    Ok(())
}

fn intern_part(v: &str) -> &'static str {
    match v {
        "late" => "late",
        "early" => "early",
        "morning" => "morning",
        "afternoon" => "afternoon",
        "evening" => "evening",
        "night" => "night",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_resources_parse() {
        let lx = Lexicon::builtin();
        assert!(lx.cues.len() > 50);
        let (i, form) = *lx.cue_forms.get("said").unwrap();
        assert_eq!(lx.cue(i).lemma, "say");
        assert_eq!(form, Form::Past);
        let (i, form) = *lx.cue_forms.get("denied").unwrap();
        assert_eq!(lx.cue(i).ty, CueType::Deny);
        assert_eq!(form, Form::Past);
        assert_eq!(lx.cue_forms.get("accuses").unwrap().1, Form::ThirdSingular);
        assert_eq!(lx.cue_forms.get("adding").unwrap().1, Form::Ing);
        assert!(lx.cue_forms.get("points out").is_some());
        // phrasal cues inflect their first word
        assert_eq!(lx.cue_forms.get("referring to").unwrap().1, Form::Ing);
        assert_eq!(lx.cue_forms.get("pointed out").unwrap().1, Form::Past);
        assert_eq!(lx.cue_forms.get("according to").unwrap().1, Form::Base);
    }

    #[test]
    fn regular_inflection() {
        assert_eq!(regular_forms("deny"), ["denies", "denied", "denying"]);
        assert_eq!(regular_forms("note"), ["notes", "noted", "noting"]);
        assert_eq!(
            regular_forms("stress"),
            ["stresses", "stressed", "stressing"]
        );
        assert_eq!(regular_forms("agree")[2], "agreeing");
    }

    #[test]
    fn override_replaces_a_file_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hedges.txt"), "maybe\tpossible\n").unwrap();
        let lx = Lexicon::load(Some(dir.path())).unwrap();
        assert!(lx.hedges.contains_key("maybe"));
        assert!(!lx.hedges.contains_key("might"));

        std::fs::write(dir.path().join("cues.tsv"), "say\tassert\tsure\tthat\t-\n").unwrap();
        let err = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("cues.tsv:1"), "{err}");
        assert!(err.contains("unknown commitment `sure`"), "{err}");

        std::fs::remove_file(dir.path().join("cues.tsv")).unwrap();
        std::fs::write(dir.path().join("party.tsv"), "x\n").unwrap();
        let err = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("unknown resource file(s) party.tsv"), "{err}");
        let err = Lexicon::load(Some(&dir.path().join("nope")))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a directory"), "{err}");
    }

    #[test]
    fn phrase_table_takes_longest() {
        let lx = Lexicon::builtin();
        let words = ["took", "control", "of", "handarat"];
        let (n, ch) = lx.control.longest_at(&words, 0).unwrap();
        assert_eq!(n, 3);
        assert_eq!(*ch, (ControlChange::Gain, false));
    }
}
