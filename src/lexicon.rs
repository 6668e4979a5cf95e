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
    (
        "cue_candidates.tsv",
        include_str!("../resources/cue_candidates.tsv"),
    ),
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
    // the party files, read as one list in this order (a role noun with no party mentioned
    // before it falls back to the first party with that role: Syria's, as before)
    (
        "parties-syria.tsv",
        include_str!("../resources/parties-syria.tsv"),
    ),
    ("parties.tsv", include_str!("../resources/parties.tsv")),
    (
        "parties-middle-east.tsv",
        include_str!("../resources/parties-middle-east.tsv"),
    ),
    (
        "parties-ukraine.tsv",
        include_str!("../resources/parties-ukraine.tsv"),
    ),
    (
        "parties-iraq.tsv",
        include_str!("../resources/parties-iraq.tsv"),
    ),
    (
        "parties-africa.tsv",
        include_str!("../resources/parties-africa.tsv"),
    ),
    (
        "parties-asia.tsv",
        include_str!("../resources/parties-asia.tsv"),
    ),
    (
        "parties-americas.tsv",
        include_str!("../resources/parties-americas.tsv"),
    ),
    ("countries.tsv", include_str!("../resources/countries.tsv")),
    ("roles.tsv", include_str!("../resources/roles.tsv")),
    ("discovery.tsv", include_str!("../resources/discovery.tsv")),
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
    ("targets.tsv", include_str!("../resources/targets.tsv")),
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

/// FNV-1a, 64 bits: a hash that is the same on every platform and in every run (for
/// [`Lexicon::fingerprint`]).
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The bytes and their length: a field boundary cannot move unnoticed.
    fn field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }
}

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
    /// With a falsity word as its complement the cue denies its object: "X dismissed as
    /// fabrications claims that C", "X described the accusations as lies", "X called the reports
    /// baseless" (the words are the `false` rows of `responsibility.tsv`).
    pub false_: bool,
    /// With a figure noun as its object the cue disputes that figure, though it denies nothing
    /// else: "X questioned the toll", "X challenged the figures" (`@figure` and `@toll` rows of
    /// `casualties.tsv`).
    pub figure: bool,
    /// "X held Y responsible for C": the cue reads only with its object followed by a `liable`
    /// word of `responsibility.tsv` ("held talks" is none); the content is the object on.
    pub liable: bool,
}

impl Frames {
    /// Every frame by its `cues.tsv` name, with whether the cue takes it.
    pub fn flags(&self) -> [(&'static str, bool); 23] {
        [
            ("liable", self.liable),
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
            ("false", self.false_),
            ("figure", self.figure),
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

    /// A cue that denies only with a falsity complement ("branded the reports lies").
    pub fn false_only(&self) -> bool {
        self.false_
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
                || self.about
                || self.toll)
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
    /// The region (index into [`Lexicon::regions`]) whose party the alias names: it fires in any
    /// document and tells that the document is about that region ("Ukrainian army": UA).
    pub home: Option<u16>,
    /// The regions outside which the alias never fires ("civil defence" names Syria Civil
    /// Defence only in a document about Syria); empty for an alias that fires everywhere.
    pub context: Vec<u16>,
    /// The file and line the alias comes from (`gainsay resources --find`).
    pub source: (std::sync::Arc<str>, usize),
}

/// The possessive ending as the tokenizer splits it off ("'s", "’s").
fn is_possessive_s(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S")
}

/// The class of an organization name's head (`discovery.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgClass {
    /// An organ of a state ("ministry", "forces"): a country named inside the name owns it.
    Body,
    /// A body of its own ("society", "network"): the name is its own party.
    Org,
}

/// An office held in a state (`title` rows of `discovery.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    /// Held where the events are ("governor", "mayor"): the state of the report's places.
    Local,
    /// Held in a government ("foreign minister"): the state of the report's places, when the
    /// report also names that region most.
    National,
    /// Held in a state only when the phrase names it ("the President of Karsk", "Karsk's
    /// president"): a foreign head of state comments on every war, so no region is guessed.
    Named,
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

/// The role of a `targets.tsv` phrase: what the site of an attack held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetWord {
    /// Armed men or a military facility ("militants", "command centre").
    Armed,
    /// Makes the noun after it armed ("terrorist column", "military facilities").
    ArmedModifier,
    /// Civilians at the site ("displaced families").
    Civilian,
    /// After the noun, places it at the site ("were operating in").
    Present,
    /// Before the noun: the site held it ("housed", "crowded with").
    Held,
    /// Before "of": places what follows ("the presence of").
    Presence,
    /// With a negation before it and "that" after it, denies the clause ("no evidence that").
    Evidence,
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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
    /// "far lower than N", "well below N": strictly under a figure another gives (a
    /// comparison, so read strictly; a determiner may follow: "lower than the 471").
    Below,
    Nearly,
    /// "between N and M": the phrase is a range.
    Between,
    /// "at the low end of N to M": the lower half of the range.
    LowEnd,
    /// "at the high end of N to M": the upper half of the range.
    HighEnd,
    /// Joins the two ends of a range: "20 to 30", "20-30", "20 or 30".
    RangeJoin,
    Vague(u64, Option<u64>),
    Number(u64),
    Multiplier(u64),
    /// A unit after a number: "40 percent" is not a count.
    Unit,
    /// A noun that names a range itself, after it: "the 100-to-300 spectrum", "a 20 to 30
    /// estimate" (part of the phrase, not what is counted).
    RangeNoun,
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
            // the little-endian word of the zero-padded tail, assembled byte by byte: a copy of
            // a variable-length tail is a call to memcpy, on every lookup
            let w = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k));
            self.add(w);
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

/// Token flags: what the lexicon knows of a token's word, looked up once per token when the
/// document is segmented ([`Lexicon::word_flags`], kept in `Token::lex`), so that extraction's
/// loops over tokens test a bit instead of hashing the word again for every table they try.
///
/// The low [`FLAG_BITS`] bits hold one bit per phrase table (set when a phrase of the table
/// starts with the word), one per [`WordList`] (set when the list holds the word) and the
/// function-word class. The bits above them hold the stamp of the lexicon that computed them
/// (unique per [`Lexicon::load`], never 0): a lexicon trusts only flags with its own stamp, so a
/// token from `tokenize` alone (flags 0) or one segmented with another lexicon is looked up in
/// the maps as before, and a flag can never decide wrongly.
pub type TokenFlags = u64;
const FLAG_BITS: u32 = 40;
const FLAG_MASK: u64 = (1 << FLAG_BITS) - 1;
/// Where the function-word class sits in the flags (3 bits: 0 for none, else 1 + the class).
const FN_SHIFT: u32 = 32;
const FN_CLASSES: [FnClass; 7] = [
    FnClass::Det,
    FnClass::Prep,
    FnClass::Conj,
    FnClass::Sub,
    FnClass::Aux,
    FnClass::Obj,
    FnClass::ClauseConj,
];

/// Whether token flags `lex` rule out the table or list whose `flag` (its bit and its
/// lexicon's stamp) is given: both carry the same stamp and the bit is clear.
#[inline]
fn flags_rule_out(lex: TokenFlags, flag: u64) -> bool {
    flag != 0 && lex & !FLAG_MASK == flag & !FLAG_MASK && lex & flag & FLAG_MASK == 0
}

/// Word lists read on every token of a claim region, answered from the token flags
/// ([`Lexicon::has`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordList {
    /// [`Lexicon::place_heads`]
    PlaceHead,
    /// [`Lexicon::sites`]
    Site,
    /// [`Lexicon::held_nouns`]
    HeldNoun,
    /// [`Lexicon::place_preps`]
    PlacePrep,
    /// A key of [`Lexicon::time`]
    Time,
    /// [`Lexicon::negations`]
    Negation,
}

impl WordList {
    const ALL: [WordList; 6] = [
        WordList::PlaceHead,
        WordList::Site,
        WordList::HeldNoun,
        WordList::PlacePrep,
        WordList::Time,
        WordList::Negation,
    ];
    /// Its bit in the token flags (after the phrase tables' bits).
    fn bit(self) -> u64 {
        1 << (PHRASE_TABLES + self as u32)
    }
}

/// How many phrase tables have a bit in the token flags (see [`Lexicon::index_words`]).
const PHRASE_TABLES: u32 = 24;

/// Stamps for [`TokenFlags`]: one per loaded lexicon. After 2^24 - 1 loads in one process the
/// stamps repeat; a token would have to outlive that many loads and be read with another
/// lexicon than its own to be misread.
static NEXT_STAMP: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

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
    /// This table's bit in the token flags, with its lexicon's stamp ([`TokenFlags`]); 0 when
    /// the table is not indexed (every lookup then reads the maps).
    flag: u64,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            map: WordMap::default(),
            first: WordMap::default(),
            flag: 0,
        }
    }
}

impl<T> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        // a phrase added after indexing would be missing from the token flags
        self.flag = 0;
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
    ///
    /// Inlined: most tokens start no phrase of a table, and their flags say so in a few
    /// instructions; only the others pay for the call and the lookups.
    #[inline]
    pub fn longest_in(
        &self,
        toks: &[crate::segment::Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &T)> {
        let end = end.min(toks.len());
        if i >= end || flags_rule_out(toks[i].lex, self.flag) {
            return None;
        }
        self.longest_from(toks, i, end)
    }

    /// [`PhraseTable::longest_in`] past its flag test (`i < end <= toks.len()`).
    #[inline(never)]
    fn longest_from(
        &self,
        toks: &[crate::segment::Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &T)> {
        self.longest_by(|k| (i + k < end).then(|| toks[i + k].lower.as_str()))
    }

    /// Whether a phrase of the table may start with token `t`: false only when the token's
    /// flags, computed by this table's lexicon, say no phrase starts with its word.
    #[inline]
    pub fn may_start(&self, t: &crate::segment::Token) -> bool {
        !flags_rule_out(t.lex, self.flag)
    }

    /// Gives the table its `flag` ([`TokenFlags`]) and marks the first words of its phrases.
    pub(crate) fn index(&mut self, flag: u64, words: &mut WordMap<String, u64>) {
        for w in self.first.keys() {
            *words.entry(w.clone()).or_default() |= flag & FLAG_MASK;
        }
        self.flag = flag;
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
    /// The `--resources` directory and how its files combine with the built-in ones; `None`
    /// for the built-in resources alone (what [`Lexicon::fingerprint`] hashes).
    pub resources_from: Option<(std::path::PathBuf, Merge)>,
    /// The learned scorer over the attribution rules' readings (`attribution_model.tsv`).
    pub attrib_model: crate::extract::learned::AttribModel,
    /// A part-of-speech model from `--resources DIR/pos-ewt.model`; `None` for the built-in one,
    /// parsed on first use (see [`Lexicon::tagger`]).
    pub pos_model: Option<std::sync::Arc<crate::pos::Tagger>>,
    pub cues: Vec<Cue>,
    /// Cue forms (possibly multi-word) to (index into `cues`, form).
    pub cue_forms: PhraseTable<(usize, Form)>,
    /// Forms of candidate cues the rules do not read, only the learned layer
    /// (`cue_candidates.tsv`, WordNet communication and cognition verbs): index into `cues`.
    pub candidate_cue_forms: PhraseTable<(usize, Form)>,
    /// Forms of the cues with the `liable` frame ("held X responsible for C"): read as cues only
    /// where that frame fits, and no cue words elsewhere ("held since July", "held talks").
    pub liable_cue_forms: PhraseTable<(usize, Form)>,
    pub negations: WordSet<String>,
    /// Conditions that turn a negated clause into an assertion ("would not have used them had
    /// it not been for"): `counterfactual` rows of `negations.txt`.
    pub counterfactuals: PhraseTable<()>,
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
    /// Verbs of making something public ("released", "published"): a time next to one dates
    /// that act, as a cue's does (`act:` rows of `time.tsv`).
    pub statement_acts: WordSet<String>,
    /// Words that join two days of one month into a period ("19 to 20 September"): `span:`
    /// rows of `time.tsv`.
    pub day_span_links: WordSet<String>,
    /// Verb forms without an "-ed" ending that end a subject phrase ("came", "went").
    pub verb_forms: WordSet<String>,
    /// Stance markers: words and phrases that refute a claim or pass it on as a rumor.
    pub stance_markers: PhraseTable<StanceMarker>,
    /// Lexical opposites, both ways ("dead" / "alive", "captured" / "freed").
    pub opposites: WordMap<String, Vec<String>>,
    pub hedges: WordMap<String, Commitment>,
    pub abbreviations: WordMap<String, AbbrClass>,
    pub aliases: Vec<Alias>,
    /// Region codes (ISO 3166-1 alpha-2, from the party files' region column), indexed by
    /// [`Alias::home`] and [`Alias::context`].
    pub regions: Vec<String>,
    /// The state of each region (indexed as [`Lexicon::regions`]): the party of the region's
    /// first alias with the `government` role ("Sudan" for SD, "Syrian government" for SY).
    pub region_states: Vec<Option<String>>,
    /// Place names (lower case) whose place lies in a country a party file names as a region,
    /// with that region: a mention of the place tells the document's region.
    pub place_regions: PhraseTable<u16>,
    /// Names that tell a region without being party aliases (`@region` rows of the party
    /// files), lower case.
    pub region_names: Vec<(String, u16)>,
    /// First word (lower case) of each alias to alias indices.
    pub alias_index: WordMap<String, Vec<usize>>,
    pub roles: PhraseTable<RoleMention>,
    /// Nouns for a party's fighting units after a role noun ("government forces", "regime
    /// jets"): the role still names the party (`@force` rows of `roles.tsv`).
    pub force_heads: WordSet<String>,
    /// A state's weapons and units after its demonym ("Israeli warplanes", "an Israeli drone",
    /// "Russian tank fire"): the state is the agent (`@arms` rows of `roles.tsv`).
    pub state_arms: WordSet<String>,
    /// What a non-state armed group's fighters are called ("the rebels", "the insurgents"): in
    /// a claim of such a group, the group itself (`@self` rows of `roles.tsv`).
    pub self_nouns: WordSet<String>,
    /// Nouns that refer back to the one armed group a report has named ("the militants", "the
    /// terrorists", "the attackers": `@group` rows of `roles.tsv`, and the `@self` ones).
    pub group_anaphors: WordSet<String>,
    /// What a state calls its own forces ("troops", "the gallant troops"): in a claim of a
    /// party with the `government` role, that party (`@own` rows of `roles.tsv`).
    pub own_forces: WordSet<String>,
    /// What a party calls its adversary ("the enemy", "enemy gunships", "the aggressor"): in a
    /// party's claim, the one belligerent the report names most besides it (`@enemy` rows of
    /// `roles.tsv`).
    pub enemy_nouns: WordSet<String>,
    /// Parties with an alias of kind `group` (armed groups, movements, forces).
    pub group_parties: std::collections::BTreeSet<String>,
    /// The non-state armed groups of the party files: group parties of one war that are no
    /// state nor a state's organ ("al-Shabaab", "M23"): what "the militants" may refer back to.
    pub armed_groups: std::collections::BTreeSet<String>,
    /// Every role of each party, over all its aliases: "Assad" stands for a party with a
    /// government and a military.
    pub party_roles: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    /// Words that open the account of another incident ("elsewhere", "in a separate attack"):
    /// a sentence holding one inherits nothing from the event before it (`@new` rows of
    /// `frames.tsv`).
    pub new_incident: PhraseTable<()>,
    /// Coordinators of several words that join noun phrases, never clauses ("as well as",
    /// "along with"): `pconj` rows of `function_words.tsv`.
    pub phrase_conj: PhraseTable<()>,
    /// How an attack struck ("air", "ground"): `@mode` rows of `frames.tsv`.
    pub attack_modes: PhraseTable<String>,
    /// Every party an alias names.
    pub party_names: WordSet<String>,
    /// See [`Lexicon::possessive_stem`].
    pub possessive_stems: WordSet<String>,
    pub kinds: WordMap<String, EntityKind>,
    /// Party discovery (`discovery.tsv`): heads of organization names and their class.
    pub org_heads: WordMap<String, OrgClass>,
    /// Hyphenated suffixes naming an owner ("Hamas-run"): `affiliate` rows.
    pub affiliate_suffixes: WordSet<String>,
    /// Person nouns that speak for the owner before them ("Ruritania's spokesman"): `member` rows.
    pub member_nouns: WordSet<String>,
    /// Nouns for civilians and witnesses, who take no side (`civilian` rows of
    /// `discovery.tsv`): counted apart in the party coverage.
    pub civilian_nouns: WordSet<String>,
    /// Capitalised words that modify a place head without naming a place ("a Buddhist
    /// monastery": `@modifier` rows of `places.tsv`).
    pub place_modifiers: WordSet<String>,
    /// Place heads naming a settlement ("town", "village": `@settlement` rows of
    /// `places.tsv`): "the town" alone refers back to the settlement named last.
    pub settlement_heads: WordSet<String>,
    /// Words of news outlets and journalists ("Herald", "reporter"): `press` rows.
    pub press_words: WordSet<String>,
    /// Press words that make an organization's name an outlet's only as its head (`press WORD
    /// head` rows): "the Ghouta Media Center", an activists' media office, is an organization.
    pub press_heads_only: WordSet<String>,
    /// Participial cues through which an outlet relays a source ("citing"): `relay` rows.
    pub relay_cues: WordSet<String>,
    /// Verbs of "SANA quoted a military source as saying C" (`quote` rows of `discovery.tsv`):
    /// the phrase between the verb and "as" speaks.
    pub quote_verbs: WordSet<String>,
    /// Prepositions that open what a speaker's title is about, not whom it serves ("the UN
    /// envoy to Syria", "the expert on the situation in Mali"): `topic` rows of `discovery.tsv`.
    pub topic_preps: WordSet<String>,
    /// Titles of a person sent to another party (`accredited` rows of `discovery.tsv`): "the
    /// ambassador to the United Nations" is not the United Nations'.
    pub accredited: WordSet<String>,
    /// Words that make a definite source phrase point back at the latest source ("the same
    /// source", "the same official"): `anaphor` rows of `discovery.tsv`.
    pub anaphors: WordSet<String>,
    /// Nouns that open a party's own statement at a document's head ("Statement of X",
    /// "Communiqué of X"; `issuer` rows of `discovery.tsv`, see [`crate::extract::issuer`]).
    pub issuer_nouns: WordSet<String>,
    /// Nouns for an armed group after its name ("the Tarvos militia": `group` rows of
    /// `discovery.tsv`).
    pub group_nouns: WordSet<String>,
    /// Offices held in a state, named without it ("governor", "foreign minister"): `title`
    /// rows, with whether the office is national (else local).
    pub titles: PhraseTable<Office>,
    /// Nouns that stand for the latest named organization ("the group", "the agency"):
    /// `generic` rows.
    pub generic_orgs: WordSet<String>,
    /// Words that place a state's body at a level of it ("city", "provincial"): `level` rows.
    pub level_words: WordSet<String>,
    /// Heads that name a state's body after a level word ("city council"): `civic` rows.
    pub civic_heads: WordSet<String>,
    /// Capitalised words that name no owner inside a state body's name ("General Command of
    /// the Armed Forces", "Government Communication Service"): `stateword` rows.
    pub state_words: WordSet<String>,
    /// Nouns for the sides of a conflict together ("both sides"): `collective` rows.
    pub collectives: WordSet<String>,
    /// Words that make a common noun phrase an unnamed organization of a field ("aid
    /// agencies", "human rights groups"): `sector` rows.
    pub sectors: WordSet<String>,
    pub pronouns: WordMap<String, Vec<EntityKind>>,
    /// The pronouns of the speaker's own voice ("we", "our": `first` rows of `pronouns.tsv`).
    pub first_person: WordSet<String>,
    pub frames: PhraseTable<String>,
    pub frame_defs: WordMap<String, FrameDef>,
    /// The frame responsibility predicates evoke.
    pub predicate_frame: String,
    pub responsibility: PhraseTable<AgentRelation>,
    /// Copular predicates that deny by themselves ("has nothing to do with", "played no part
    /// in": `agent_disclaims` rows of `responsibility.tsv`): their subject is not the agent.
    pub disclaims: PhraseTable<()>,
    /// Predicates that place a party's forces in a war (`presence` rows of
    /// `responsibility.tsv`): "fought alongside", "deployed", "involved".
    pub presence: PhraseTable<bool>,
    /// Nouns for a party's forces that `presence` predicates place (`presence_force` rows).
    pub presence_forces: WordSet<String>,
    /// What the site of an attack held: `targets.tsv`.
    pub targets: PhraseTable<TargetWord>,
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
    /// A sign right after a count that makes it a lower bound ("15+ killed"): `a:atleast` rows
    /// of `quantities.tsv`.
    pub at_least_after: WordSet<String>,
    /// `places.tsv` and the world gazetteer `places-world.tsv` (see [`crate::places`]).
    pub places: crate::places::Gazetteer,
    pub place_heads: WordSet<String>,
    /// Nouns for a military post held in a place (`@post` rows of `places.tsv`): "the camp in
    /// Koui", "the position of Koui" name the place, and "took control of the base" with no
    /// name is about the place named before.
    pub post_heads: WordSet<String>,
    /// Nouns for a part or site of a place that name it through "of" (`@of` rows of
    /// `places.tsv`): "the displaced persons site of Rhoe", "the centre of Udachne", "the
    /// outskirts of Koui" are about Rhoe, Udachne and Koui.
    pub of_heads: WordSet<String>,
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
    /// What a `liable` cue needs after its object: "held X responsible for C" (`liable` rows of
    /// `responsibility.tsv`).
    pub liable_words: WordSet<String>,
    /// What a denial of another's words may name ("dismissed his comments as hysteria"): it
    /// answers the accusation before it, and denies no deed by itself.
    pub statement_anaphors: WordSet<String>,
    /// Words that call a statement true after a copula, false after a negation ("the claim that
    /// C is not true"): `truth` rows of `responsibility.tsv`.
    pub truth_words: WordSet<String>,
    /// Words that open what a statement is about, in a statement called false ("the claims of
    /// the army about the killing of dozens of fighters are lies"): `topic` rows of
    /// `responsibility.tsv`.
    pub claim_topics: WordSet<String>,
    /// Words that call an accusation false ("the allegations were fabricated"): `false` rows of
    /// `responsibility.tsv`.
    pub falsity: WordSet<String>,
    /// Words between a casualty noun and its count ("the death toll has risen to 31").
    pub casualty_links: WordSet<String>,
    /// Nouns that name a casualty figure ("the death toll"): their count may follow a phrase
    /// ("the death toll from the strike has risen to 38"), and a cue with the `toll` frame
    /// reports a figure only with one of them as its object ("put the toll at 38").
    pub toll_nouns: PhraseTable<()>,
    /// Nouns that name a figure besides the toll nouns ("this figure", "the numbers"): a claim
    /// that calls one wrong disputes the casualty figure it names, or the one before it.
    pub figure_nouns: PhraseTable<()>,
    /// Words that call a figure wrong ("inflated", "exaggerated", "too high"), besides the
    /// words that call an accusation false.
    pub figure_wrong: PhraseTable<()>,
    /// Words that open the parts of a casualty figure after it ("killed 26 people including 9
    /// children", "among them three women").
    pub part_openers: PhraseTable<()>,
    /// Articles that count one in a list of parts ("including a woman and two children").
    pub part_articles: WordSet<String>,
    /// Words right before a count that make it one facility's patients, a part of the toll
    /// ("treated 43 wounded", "received 30 injured"): `@facility` rows of `casualties.tsv`.
    pub facility_counts: WordSet<String>,
    /// Words before a count that make the counts before it in its clause parts of it ("seven
    /// civilians were among 20 people killed").
    pub whole_markers: WordSet<String>,
    /// Words after a casualty figure that make it a running total ("since April").
    pub cumulative: PhraseTable<()>,
    /// Words in a sentence that make its figures superseded ("an earlier death toll").
    pub superseded: PhraseTable<()>,
    /// Words in a figure's sentence that make its count a lower bound, still rising ("so far",
    /// "expected to rise": `@provisional` rows of `casualties.tsv`).
    pub provisional: PhraseTable<()>,
    /// Phrases that open a figure's predecessor, after it or before its link ("rose to 45, up
    /// from 38", "rose from 20 to 38"): `@previous` rows of `casualties.tsv`, lower-case words.
    pub previous_markers: Vec<Vec<String>>,
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
    /// Military ranks (`rank` rows of `kinds.tsv`): a capitalized rank before a name opens a
    /// source ("... on Abiy Addi Colonel Jan Doe said").
    pub ranks: WordSet<String>,
    /// Adverbs among the `aux` words (marked `adv`): "only", "later", "again". In text stripped
    /// of its commas one may close a content before its source ("C only Colonel Jan Doe said").
    pub aux_adverbs: WordSet<String>,
    /// Each word the token flags know of to its flags, without the stamp ([`TokenFlags`]).
    word_index: WordMap<String, u64>,
    /// This lexicon's stamp in the token flags, shifted into place; 0 before indexing.
    stamp: u64,
}

/// One merged row of a resource file: its text and where it came from.
#[derive(Debug, Clone)]
pub struct ResourceRow {
    /// The file it came from: `resources/NAME` for a built-in row, the user's path otherwise.
    pub file: std::sync::Arc<str>,
    /// Its line number in that file (1-based).
    pub line: usize,
    /// The line, without its line end.
    pub text: std::borrow::Cow<'static, str>,
    /// Whether it came from a `--resources` directory.
    pub user: bool,
}

/// How a `--resources DIR` file combines with the built-in file of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    /// Every row of the user's file is added to the built-in rows; a user row replaces the
    /// built-in rows with the same key, and `@remove <TAB> KEY` drops built-in rows.
    #[default]
    Extend,
    /// The user's file replaces the built-in one (the behaviour before extension).
    Replace,
}

/// The rows a parser reads: the merged rows of one or more files.
struct Rows<'a> {
    /// The first file's label (for errors about the file as a whole).
    file: &'a str,
    /// The whole text, for a file that is read whole (the attribution model).
    text: &'a str,
    rows: Vec<&'a ResourceRow>,
}

impl<'a> Rows<'a> {
    /// Non-comment, non-empty rows as (row handle, tab-separated fields); the handle names the
    /// row's file and line in errors.
    fn iter(&self) -> impl Iterator<Item = (usize, Vec<&'a str>)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.text.split('\t').map(str::trim).collect()))
    }

    /// The file and line of a row.
    fn source(&self, row: usize) -> (std::sync::Arc<str>, usize) {
        match self.rows.get(row) {
            Some(r) => (r.file.clone(), r.line),
            None => (self.file.into(), 0),
        }
    }

    fn err(&self, row: usize, message: impl Into<String>) -> LexiconError {
        match self.rows.get(row) {
            Some(r) => LexiconError {
                file: r.file.to_string(),
                line: r.line,
                message: message.into(),
            },
            None => LexiconError {
                file: self.file.to_string(),
                line: 0,
                message: message.into(),
            },
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
/// The phrases a pattern row stands for: each `(a|b|...)` group is one of its alternatives, an
/// empty alternative leaves the group out, and `_` inside an alternative is a space: `took (|full)
/// control of` is "took control of" and "took full control of"; `(is|has_been) held by` is "is
/// held by" and "has been held by". A row with no group is itself. Errors name the unclosed
/// group.
pub fn expand_alternatives(pattern: &str) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while let Some(open) = rest.find('(') {
        let close = rest[open..]
            .find(')')
            .map(|c| open + c)
            .ok_or_else(|| format!("unclosed `(` in `{pattern}`"))?;
        let head = &rest[..open];
        let alts: Vec<String> = rest[open + 1..close]
            .split('|')
            .map(|a| a.trim().replace('_', " "))
            .collect();
        let mut next = Vec::with_capacity(out.len() * alts.len());
        for o in &out {
            for a in &alts {
                next.push(format!("{o}{head} {a} "));
            }
        }
        out = next;
        rest = &rest[close + 1..];
        if out.len() > 4096 {
            return Err(format!("`{pattern}` stands for more than 4096 phrases"));
        }
    }
    Ok(out
        .into_iter()
        .map(|o| {
            format!("{o}{rest}")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|o| !o.is_empty())
        .collect())
}

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

    /// A hash of the resources in effect: every built-in file (the part-of-speech model
    /// included) and, with `--resources DIR`, the merge mode and every file of `DIR` that
    /// names a resource. Written into each DocRecord, so that records are never checked with
    /// other word lists than they were extracted with (`fnv1a64:` and 16 hex digits).
    pub fn fingerprint(&self) -> String {
        static BUILTIN_HASH: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let builtin = *BUILTIN_HASH.get_or_init(|| {
            let mut h = Fnv64::default();
            for (name, text) in BUILTIN {
                h.field(name.as_bytes());
                h.field(text.as_bytes());
            }
            h.field(crate::pos::MODEL_FILE.as_bytes());
            h.field(crate::pos::BUILTIN_MODEL.as_bytes());
            h.0
        });
        let mut h = Fnv64(builtin);
        if let Some((dir, merge)) = &self.resources_from {
            h.field(match merge {
                Merge::Extend => b"extend",
                Merge::Replace => b"replace",
            });
            let names = BUILTIN
                .iter()
                .map(|(n, _)| *n)
                .chain(std::iter::once(crate::pos::MODEL_FILE));
            for name in names {
                let p = dir.join(name);
                if p.exists() {
                    h.field(name.as_bytes());
                    match std::fs::read(&p) {
                        Ok(bytes) => h.field(&bytes),
                        Err(e) => h.field(e.to_string().as_bytes()),
                    }
                }
            }
        }
        format!("fnv1a64:{:016x}", h.0)
    }

    /// Built-in resources, extended by the same-named files of `dir` (see [`Merge::Extend`]).
    pub fn load(dir: Option<&Path>) -> Result<Self, LexiconError> {
        Self::load_with(dir, Merge::Extend)
    }

    /// Built-in resources combined with the same-named files of `dir` as `merge` says.
    pub fn load_with(dir: Option<&Path>, merge: Merge) -> Result<Self, LexiconError> {
        let files = resource_rows(dir, merge)?;
        let model_text = match dir.map(|d| d.join("attribution_model.tsv")) {
            Some(p) if p.exists() => Some((p.display().to_string(), read_user_file(&p)?)),
            _ => None,
        };
        let builtin_model = BUILTIN
            .iter()
            .find(|(n, _)| *n == "attribution_model.tsv")
            .map_or("", |(_, t)| *t);
        let get = |name: &str| -> Rows {
            let i = files.iter().position(|(n, _)| *n == name).unwrap_or(0);
            let (file, text) = if name == "attribution_model.tsv" {
                match &model_text {
                    Some((f, t)) => (f.as_str(), t.as_str()),
                    None => ("resources/attribution_model.tsv", builtin_model),
                }
            } else {
                (files[i].0, "")
            };
            Rows {
                file,
                text,
                rows: files[i].1.iter().collect(),
            }
        };
        let mut lx = Lexicon {
            resources_from: dir.map(|d| (d.to_path_buf(), merge)),
            ..Lexicon::default()
        };
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
        lx.parse_cues(&get("cues.tsv"), false)?;
        lx.parse_cues(&get("cue_candidates.tsv"), true)?;
        let rows = get("attribution_model.tsv");
        lx.attrib_model = crate::extract::learned::AttribModel::parse(rows.text)
            .map_err(|(line, message)| rows.err(line, message))?;
        let rows = get("negations.txt");
        for (line, f) in rows.iter() {
            match f.get(1).copied() {
                None => {
                    lx.negations.insert(f[0].to_lowercase());
                }
                Some("counterfactual") => lx.counterfactuals.insert(f[0], ()),
                Some(x) => return Err(rows.err(line, format!("unknown negation kind `{x}`"))),
            }
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
        lx.parse_parties(&party_rows(&files))?;
        let rows = get("roles.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            if f[1] == "@force" {
                lx.force_heads.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "@group" {
                lx.group_anaphors.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "@self" {
                lx.self_nouns.insert(f[0].to_lowercase());
                lx.group_anaphors.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "@own" {
                lx.own_forces.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "@enemy" {
                lx.enemy_nouns.insert(f[0].to_lowercase());
                continue;
            }
            if f[1] == "@arms" {
                lx.state_arms.insert(f[0].to_lowercase());
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
        let rows = get("discovery.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let w = f[1].to_lowercase();
            match f[0] {
                "head" => {
                    rows.need(line, &f, 3)?;
                    let class = match f[2] {
                        "body" => OrgClass::Body,
                        "org" => OrgClass::Org,
                        x => return Err(rows.err(line, format!("unknown head class `{x}`"))),
                    };
                    lx.org_heads.insert(w, class);
                }
                "affiliate" => {
                    lx.affiliate_suffixes.insert(w);
                }
                "press" => {
                    match f.get(2).copied().unwrap_or("-") {
                        "head" => {
                            lx.press_heads_only.insert(w.clone());
                        }
                        "-" => {}
                        x => return Err(rows.err(line, format!("unknown press class `{x}`"))),
                    }
                    lx.press_words.insert(w);
                }
                "member" => {
                    lx.member_nouns.insert(w);
                }
                "relay" => {
                    lx.relay_cues.insert(w);
                }
                "quote" => {
                    lx.quote_verbs.insert(w);
                }
                "topic" => {
                    lx.topic_preps.insert(w);
                }
                "accredited" => {
                    lx.accredited.insert(w);
                }
                "anaphor" => {
                    lx.anaphors.insert(w);
                }
                "issuer" => {
                    lx.issuer_nouns.insert(w);
                }
                "group" => {
                    lx.group_nouns.insert(w);
                }
                "title" => {
                    rows.need(line, &f, 3)?;
                    let office = match f[2] {
                        "local" => Office::Local,
                        "national" => Office::National,
                        "named" => Office::Named,
                        x => return Err(rows.err(line, format!("unknown title scope `{x}`"))),
                    };
                    lx.titles.insert(&w, office);
                }
                "generic" => {
                    lx.generic_orgs.insert(w);
                }
                "civilian" => {
                    lx.civilian_nouns.insert(w);
                }
                "level" => {
                    lx.level_words.insert(w);
                }
                "civic" => {
                    lx.civic_heads.insert(w);
                }
                "stateword" => {
                    lx.state_words.insert(w);
                }
                "collective" => {
                    lx.collectives.insert(w);
                }
                "sector" => {
                    lx.sectors.insert(w);
                }
                x => return Err(rows.err(line, format!("unknown row kind `{x}`"))),
            }
        }
        let rows = get("kinds.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            lx.kinds
                .insert(f[0].to_lowercase(), parse_kind(&rows, line, f[1])?);
            match f.get(2) {
                Some(&"rank") => {
                    lx.ranks.insert(f[0].to_lowercase());
                }
                Some(x) => return Err(rows.err(line, format!("unknown marker `{x}`"))),
                None => {}
            }
        }
        let rows = get("pronouns.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let kinds = f[1]
                .split(',')
                .map(|k| parse_kind(&rows, line, k.trim()))
                .collect::<Result<Vec<_>, _>>()?;
            match f.get(2).copied() {
                Some("first") => {
                    lx.first_person.insert(f[0].to_lowercase());
                }
                None | Some("-") => {}
                Some(x) => return Err(rows.err(line, format!("unknown person `{x}`"))),
            }
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
                file: "frames.tsv".into(),
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
                "agent_disclaims" => {
                    for phrase in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                        lx.responsibility.insert(&phrase, AgentRelation::Copular);
                        lx.disclaims.insert(&phrase, ());
                    }
                    continue;
                }
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
                "truth" => {
                    lx.truth_words.insert(f[0].to_lowercase());
                    continue;
                }
                "topic" => {
                    lx.claim_topics.insert(f[0].to_lowercase());
                    continue;
                }
                "liable" => {
                    lx.liable_words.insert(f[0].to_lowercase());
                    continue;
                }
                "presence_force" => {
                    for w in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                        lx.presence_forces.insert(w.to_lowercase());
                    }
                    continue;
                }
                "presence" | "presence_with" => {
                    for phrase in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                        lx.presence.insert(&phrase, f[1] == "presence_with");
                    }
                    continue;
                }
                x => return Err(rows.err(line, format!("unknown relation `{x}`"))),
            };
            for phrase in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                lx.responsibility.insert(&phrase, rel);
            }
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
            } else if f[1] == "@provisional" {
                lx.provisional.insert(f[0], ());
            } else if f[1] == "@previous" {
                lx.previous_markers
                    .push(f[0].split_whitespace().map(str::to_lowercase).collect());
            } else if f[1] == "@aggregate" {
                lx.aggregate.insert(f[0], ());
            } else if f[1] == "@link" {
                lx.casualty_links.insert(f[0].to_lowercase());
            } else if f[1] == "@toll" {
                lx.toll_nouns.insert(f[0], ());
            } else if f[1] == "@figure" {
                lx.figure_nouns.insert(f[0], ());
            } else if f[1] == "@wrong" {
                lx.figure_wrong.insert(f[0], ());
            } else if f[1] == "@harm" {
                lx.harm.insert(f[0], ());
            } else if f[1] == "@part" {
                lx.part_openers.insert(f[0], ());
            } else if f[1] == "@one" {
                lx.part_articles.insert(f[0].to_lowercase());
            } else if f[1] == "@facility" {
                lx.facility_counts.insert(f[0].to_lowercase());
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
        let rows = get("targets.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let w = match f[1] {
                "armed" => TargetWord::Armed,
                "armed_mod" => TargetWord::ArmedModifier,
                "civilian" => TargetWord::Civilian,
                "present" => TargetWord::Present,
                "held" => TargetWord::Held,
                "presence" => TargetWord::Presence,
                "evidence" => TargetWord::Evidence,
                x => return Err(rows.err(line, format!("unknown role `{x}`"))),
            };
            for phrase in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                lx.targets.insert(&phrase, w);
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
            for phrase in expand_alternatives(f[0]).map_err(|e| rows.err(line, e))? {
                lx.control.insert(&phrase, (ch, place_first));
            }
        }
        lx.parse_quantities(&get("quantities.tsv"))?;
        let rows = get("places.tsv");
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            if f[1] == "@head" || f[1] == "@site" || f[1] == "@settlement" {
                lx.place_heads.insert(f[0].to_lowercase());
                if f[1] == "@site" {
                    lx.sites.insert(f[0].to_lowercase());
                }
                if f[1] == "@settlement" {
                    lx.settlement_heads.insert(f[0].to_lowercase());
                }
            } else if f[1] == "@post" {
                lx.post_heads.insert(f[0].to_lowercase());
            } else if f[1] == "@of" {
                lx.of_heads.insert(f[0].to_lowercase());
            } else if f[1] == "@prep" {
                lx.place_preps.insert(f[0].to_lowercase());
            } else if f[1] == "@particle" {
                lx.particles.push(f[0].to_lowercase());
            } else if f[1] == "@modifier" {
                lx.place_modifiers.insert(f[0].to_lowercase());
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
        // the world gazetteer: a user's file replaces it whole (it is large and derived: see
        // scripts/gen-gazetteer); the built-in one is parsed in place on first use
        match dir.map(|d| d.join(crate::places::WORLD_FILE)) {
            Some(p) if p.exists() => {
                let text = read_user_file(&p)?;
                lx.places.set_world(&p.display().to_string(), &text)?;
            }
            _ => lx.places.set_world(
                &format!("resources/{}", crate::places::WORLD_FILE),
                crate::places::WORLD_BUILTIN,
            )?,
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
            if k == "act" {
                lx.statement_acts.insert(f[0].to_lowercase());
                continue;
            }
            if k == "span" {
                lx.day_span_links.insert(f[0].to_lowercase());
                continue;
            }
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
            if f[1] == "pconj" {
                lx.phrase_conj.insert(f[0], ());
                continue;
            }
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
                Some(&"adv") => {
                    lx.aux_adverbs.insert(f[0].to_lowercase());
                }
                Some(x) => return Err(rows.err(line, format!("unknown marker `{x}`"))),
                None => {}
            }
        }
        lx.build_place_regions();
        lx.possessive_stems = lx.names_taking_possessive();
        lx.party_names = lx.aliases.iter().map(|a| a.party.clone()).collect();
        lx.index_words();
        Ok(lx)
    }

    /// Builds the word index behind the token flags ([`TokenFlags`]) and stamps the tables.
    fn index_words(&mut self) {
        use std::sync::atomic::Ordering;
        let mut stamp = 0;
        while stamp == 0 {
            stamp = NEXT_STAMP.fetch_add(1, Ordering::Relaxed) % (1 << (64 - FLAG_BITS));
        }
        let stamp = stamp << FLAG_BITS;
        let mut words: WordMap<String, u64> = WordMap::default();
        let mut bit = 0;
        let mut next = || {
            let flag = stamp | 1 << bit;
            bit += 1;
            flag
        };
        self.cue_forms.index(next(), &mut words);
        self.not_cues.index(next(), &mut words);
        self.stance_markers.index(next(), &mut words);
        self.roles.index(next(), &mut words);
        self.new_incident.index(next(), &mut words);
        self.attack_modes.index(next(), &mut words);
        self.frames.index(next(), &mut words);
        self.responsibility.index(next(), &mut words);
        self.casualties.index(next(), &mut words);
        self.control.index(next(), &mut words);
        self.violations.index(next(), &mut words);
        self.agreements.index(next(), &mut words);
        self.repel.index(next(), &mut words);
        self.causes.index(next(), &mut words);
        self.side_by.index(next(), &mut words);
        self.quantities.index(next(), &mut words);
        self.places.index(next(), &mut words);
        self.toll_nouns.index(next(), &mut words);
        self.part_openers.index(next(), &mut words);
        self.cumulative.index(next(), &mut words);
        self.superseded.index(next(), &mut words);
        self.aggregate.index(next(), &mut words);
        self.harm.index(next(), &mut words);
        self.targets.index(next(), &mut words);
        debug_assert_eq!(next() & FLAG_MASK, 1 << PHRASE_TABLES);
        for list in WordList::ALL {
            let members: Vec<&String> = match list {
                WordList::PlaceHead => self.place_heads.iter().collect(),
                WordList::Site => self.sites.iter().collect(),
                WordList::HeldNoun => self.held_nouns.iter().collect(),
                WordList::PlacePrep => self.place_preps.iter().collect(),
                WordList::Time => self.time.keys().collect(),
                WordList::Negation => self.negations.iter().collect(),
            };
            for w in members {
                *words.entry(w.clone()).or_default() |= list.bit();
            }
        }
        for (w, c) in &self.function {
            let code = FN_CLASSES.iter().position(|x| x == c).unwrap_or(0) as u64 + 1;
            *words.entry(w.clone()).or_default() |= code << FN_SHIFT;
        }
        self.word_index = words;
        self.stamp = stamp;
    }

    /// The token flags of a lower-case word ([`TokenFlags`]): 0 from a lexicon that was not
    /// loaded (a default one).
    #[inline]
    pub fn word_flags(&self, lower: &str) -> TokenFlags {
        if self.stamp == 0 {
            return 0;
        }
        self.stamp | self.word_index.get(lower).copied().unwrap_or(0)
    }

    /// Whether the token flags of `t` are this lexicon's.
    #[inline]
    fn own_flags(&self, t: &crate::segment::Token) -> bool {
        self.stamp != 0 && t.lex & !FLAG_MASK == self.stamp
    }

    /// Whether word list `list` holds the word of `t` (from its flags when they are this
    /// lexicon's).
    #[inline]
    pub fn has(&self, list: WordList, t: &crate::segment::Token) -> bool {
        if self.own_flags(t) {
            return t.lex & list.bit() != 0;
        }
        let w = t.lower.as_str();
        match list {
            WordList::PlaceHead => self.place_heads.contains(w),
            WordList::Site => self.sites.contains(w),
            WordList::HeldNoun => self.held_nouns.contains(w),
            WordList::PlacePrep => self.place_preps.contains(w),
            WordList::Time => self.time.contains_key(w),
            WordList::Negation => self.negations.contains(w),
        }
    }

    /// [`Lexicon::fn_class`] of a token's word (from its flags when they are this lexicon's).
    #[inline]
    pub fn fn_class_of(&self, t: &crate::segment::Token) -> Option<FnClass> {
        if self.own_flags(t) {
            let code = (t.lex >> FN_SHIFT) & 0b111;
            return code
                .checked_sub(1)
                .and_then(|c| FN_CLASSES.get(c as usize).copied());
        }
        self.fn_class(&t.lower)
    }

    /// Reads cue rows into `cues` and their forms into `cue_forms`, or into
    /// `candidate_cue_forms` when `candidates`.
    fn parse_cues(&mut self, rows: &Rows, candidates: bool) -> Result<(), LexiconError> {
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
                    "false" => frames.false_ = true,
                    "figure" => frames.figure = true,
                    "liable" => frames.liable = true,
                    x => return Err(rows.err(line, format!("unknown frame `{x}`"))),
                }
            }
            let idx = self.cues.len();
            let forms: Vec<String> = if f[4] == "-" {
                regular_forms(&lemma).to_vec()
            } else {
                f[4].split(',').map(|s| s.trim().to_lowercase()).collect()
            };
            let table = if candidates {
                &mut self.candidate_cue_forms
            } else if frames.liable {
                &mut self.liable_cue_forms
            } else {
                &mut self.cue_forms
            };
            table.insert(&lemma, (idx, Form::Base));
            for form in forms {
                let fm = form_of(&lemma, &form);
                table.insert(&form, (idx, fm));
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
        let mut region_ids: WordMap<String, u16> = WordMap::default();
        let mut context_rows: Vec<(usize, usize, Vec<String>)> = Vec::new();
        for (line, f) in rows.iter() {
            if f[0] == "@region" {
                // a name that tells a region without being an alias ("Syria": the place of the
                // war far more often than a speaker)
                rows.need(line, &f, 3)?;
                if !is_region_code(f[2]) {
                    return Err(rows.err(line, format!("bad region code `{}`", f[2])));
                }
                let n = region_ids.len() as u16;
                let id = *region_ids.entry(f[2].to_string()).or_insert_with(|| {
                    self.regions.push(f[2].to_string());
                    n
                });
                self.region_names.push((f[1].to_lowercase(), id));
                continue;
            }
            rows.need(line, &f, 4)?;
            let case_sensitive = f[0].chars().any(char::is_uppercase);
            // a word written with a capital matches exactly, a lower-case word in any case
            let plain = f[0].bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
            let keep_case = |w: &str| w.chars().any(char::is_uppercase);
            let words: Vec<String> = if plain {
                // plain words split at spaces, as the tokenizer would (and much faster: the
                // country list has thousands of rows)
                f[0].split_whitespace()
                    .map(|w| {
                        if keep_case(w) {
                            w.to_string()
                        } else {
                            w.to_ascii_lowercase()
                        }
                    })
                    .collect()
            } else {
                crate::segment::word_strings(f[0])
                    .into_iter()
                    .map(|w| if keep_case(&w) { w } else { w.to_lowercase() })
                    .collect()
            };
            if words.is_empty() {
                return Err(rows.err(line, "empty alias"));
            }
            let kind = parse_kind(rows, line, f[2])?;
            let roles = if f[3] == "-" {
                Vec::new()
            } else {
                f[3].split(',').map(|s| s.trim().to_string()).collect()
            };
            let mut region_id = |code: &str| -> u16 {
                if let Some(&id) = region_ids.get(code) {
                    return id;
                }
                let n = region_ids.len() as u16;
                region_ids.insert(code.to_string(), n);
                self.regions.push(code.to_string());
                n
            };
            let region = f.get(4).copied().unwrap_or("-");
            let (home, context) = match region.strip_prefix("in:") {
                _ if region.is_empty() || region == "-" || region == "*" => (None, Vec::new()),
                Some(list) => {
                    let codes: Vec<String> = list
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if codes.is_empty() {
                        return Err(rows.err(line, "`in:` needs at least one region code"));
                    }
                    context_rows.push((line, self.aliases.len(), codes));
                    (None, Vec::new())
                }
                None => {
                    if !is_region_code(region) {
                        return Err(rows.err(
                            line,
                            format!(
                                "bad region `{region}`: a region code (ISO 3166-1 alpha-2, as `UA`), `in:CODE,...` or `-`"
                            ),
                        ));
                    }
                    (Some(region_id(region)), Vec::new())
                }
            };
            let idx = self.aliases.len();
            let first = &words[0];
            let lower_first;
            let first = if first.bytes().any(|b| b.is_ascii_uppercase()) || !first.is_ascii() {
                lower_first = first.to_lowercase();
                lower_first.as_str()
            } else {
                first.as_str()
            };
            match self.alias_index.get_mut(first) {
                Some(v) => v.push(idx),
                None => {
                    self.alias_index.insert(first.to_string(), vec![idx]);
                }
            }
            if kind == EntityKind::Group && !self.group_parties.contains(f[1]) {
                self.group_parties.insert(f[1].to_string());
            }
            if !roles.is_empty() {
                let set = match self.party_roles.get_mut(f[1]) {
                    Some(set) => set,
                    None => self.party_roles.entry(f[1].to_string()).or_default(),
                };
                for r in &roles {
                    if !set.contains(r) {
                        set.insert(r.clone());
                    }
                }
            }
            self.aliases.push(Alias {
                words,
                case_sensitive,
                party: f[1].to_string(),
                kind,
                roles,
                home,
                context,
                source: rows.source(line),
            });
        }
        // each region's state: the party of its first alias with the `government` role and not
        // the `regional` one (the government of a part of the country)
        self.region_states = vec![None; self.regions.len()];
        for a in &self.aliases {
            if let Some(h) = a.home {
                let slot = &mut self.region_states[h as usize];
                if slot.is_none()
                    && a.roles.iter().any(|r| r == "government")
                    && !a.roles.iter().any(|r| r == "regional")
                {
                    *slot = Some(a.party.clone());
                }
            }
        }
        // a context must be a region some alias belongs to (a misspelt one would never fire)
        for (line, idx, codes) in context_rows {
            for c in codes {
                let Some(&id) = region_ids.get(&c) else {
                    return Err(rows.err(
                        line,
                        format!("unknown region `{c}`: no alias belongs to it (regions are ISO 3166-1 alpha-2 codes, as in countries.tsv)"),
                    ));
                };
                self.aliases[idx].context.push(id);
            }
        }
        // the armed groups: parties named as a group ("al-Shabaab fighters") by at least two
        // aliases or by all of theirs (no world body such as the UN, a group once in
        // "UN peacekeepers"), that are no state nor a state's organ
        let states: std::collections::BTreeSet<&str> = self
            .region_states
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let mut as_group: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for a in &self.aliases {
            let e = as_group.entry(a.party.as_str()).or_default();
            e.0 += usize::from(a.kind == EntityKind::Group);
            e.1 += 1;
        }
        const STATE_ROLES: [&str; 6] = [
            "government",
            "military",
            "ministry",
            "regional",
            "state_media",
            "regime",
        ];
        self.armed_groups = as_group
            .iter()
            .filter(|&(p, &(g, n))| {
                g > 0
                    && (g >= 2 || g == n)
                    && !states.contains(p)
                    && self
                        .party_roles
                        .get(*p)
                        .is_none_or(|r| !r.iter().any(|r| STATE_ROLES.contains(&r.as_str())))
            })
            .map(|(p, _)| p.to_string())
            .collect();
        // a possessive written without its apostrophe, as in text that lost them: "Tigray
        // Peoples Liberation Front" for "Tigray People's Liberation Front"
        let n = self.aliases.len();
        for i in 0..n {
            let a = &self.aliases[i];
            if !a.words.iter().skip(1).any(|w| is_possessive_s(w)) {
                continue;
            }
            let mut words: Vec<String> = Vec::with_capacity(a.words.len());
            for (j, w) in a.words.iter().enumerate() {
                match words.last_mut() {
                    // (a name opening the alias is read as its stem when its "s" is a stripped
                    // possessive's, "Russias General Staff": the variant drops the "'s", as
                    // "russias" indexed as a first word would keep "Russias" from reading as
                    // Russia's everywhere)
                    Some(_) if is_possessive_s(w) && j == 1 => {}
                    Some(prev) if is_possessive_s(w) => prev.push('s'),
                    _ => words.push(w.clone()),
                }
            }
            let variant = Alias { words, ..a.clone() };
            let first = variant.words[0].to_lowercase();
            self.alias_index
                .entry(first)
                .or_default()
                .push(self.aliases.len());
            self.aliases.push(variant);
        }
        // candidates of a first word sorted by their second word (one-word aliases first), so
        // that matching looks up the next token's range instead of trying every alias ("government
        // of ..." opens two hundred)
        let aliases = &self.aliases;
        for v in self.alias_index.values_mut() {
            v.sort_by(|&x, &y| second_word_key(&aliases[x]).cmp(second_word_key(&aliases[y])));
        }
        Ok(())
    }

    /// Which region each place of `places.tsv` lies in: the place's widest known ancestor (or
    /// itself) named by an `@region` row ("Syria" → SY), so "Aleppo" tells that a document is
    /// about Syria.
    fn build_place_regions(&mut self) {
        let mut by_name: WordMap<String, u16> = WordMap::default();
        for (n, r) in &self.region_names {
            by_name.entry(n.clone()).or_insert(*r);
        }
        let mut table = PhraseTable::default();
        for (n, r) in &self.region_names {
            table.insert(n, *r);
        }
        let keys: Vec<String> = self.places.hand_keys().map(str::to_string).collect();
        for k in keys {
            let Some(p) = self.places.get(&k) else {
                continue;
            };
            let mut chain = vec![p.canonical.to_lowercase()];
            chain.extend(
                crate::places::place_ancestors(&p.canonical, self)
                    .into_iter()
                    .map(|a| a.to_lowercase()),
            );
            if let Some(&r) = chain.iter().rev().find_map(|n| by_name.get(n)) {
                table.insert(&k, r);
            }
        }
        self.place_regions = table;
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
                ("q", "below") => QuantWord::Below,
                ("q", "nearly") => QuantWord::Nearly,
                ("q", "between") => QuantWord::Between,
                ("q", "lowend") => QuantWord::LowEnd,
                ("q", "highend") => QuantWord::HighEnd,
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
                ("g", _) => QuantWord::RangeNoun,
                ("m", n) => QuantWord::Multiplier(num(n)?),
                ("b", "increment") => {
                    self.increment_before.insert(f[0].to_lowercase());
                    continue;
                }
                ("a", "atleast") => {
                    self.at_least_after.insert(f[0].to_lowercase());
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

    /// The state a demonym names (lower case: "british" → United Kingdom): the party "DEMONYM
    /// government" is an alias of, when that party has the `government` role.
    pub fn demonym_state(&self, demonym: &str) -> Option<String> {
        let party = self.outlet_party(&format!("{demonym} government"))?;
        self.party_has_role(&party, "government").then_some(party)
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

    /// The state of region `r` (see [`Lexicon::region_states`]).
    pub fn state_of_region(&self, r: u16) -> Option<&str> {
        self.region_states.get(r as usize)?.as_deref()
    }

    /// The party of region `r` with `role`: its state when the state has the role ("the army"
    /// in Sudan), else the only party with the role among the aliases that belong to the region
    /// or fire only in it ("opposition" in Syria: the rebels); `None` when there are several
    /// ("monitor" in Syria: two monitoring groups) or none.
    pub fn region_party(&self, r: u16, role: &str) -> Option<&str> {
        if let Some(s) = self
            .state_of_region(r)
            .filter(|p| self.party_has_role(p, role))
        {
            return Some(s);
        }
        let mut found: Option<&str> = None;
        for a in &self.aliases {
            if (a.home == Some(r) || a.context.contains(&r)) && a.roles.iter().any(|x| x == role) {
                match found {
                    Some(p) if p != a.party => return None,
                    _ => found = Some(a.party.as_str()),
                }
            }
        }
        found
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

/// The second word of an alias in ASCII lower case (empty for a one-word alias): the order of
/// the candidates of one first word in `alias_index`.
pub fn second_word_key(a: &Alias) -> impl Iterator<Item = u8> + Clone + '_ {
    a.words
        .get(1)
        .map_or(&[][..], |w| w.as_bytes())
        .iter()
        .map(u8::to_ascii_lowercase)
}

/// A region code: two capital ASCII letters (ISO 3166-1 alpha-2).
fn is_region_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads a user's resource file, naming it in the error.
fn read_user_file(p: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(p).map_err(|e| LexiconError {
        file: p.display().to_string(),
        line: 0,
        message: if e.kind() == std::io::ErrorKind::InvalidData {
            "not UTF-8 text".to_string()
        } else {
            e.to_string()
        },
    })
}

/// Whether a file holds party aliases (`parties.tsv`, `parties-REGION.tsv`, `countries.tsv`):
/// their rows are read as one list.
pub fn is_party_file(name: &str) -> bool {
    name == "countries.tsv" || (name.starts_with("parties") && name.ends_with(".tsv"))
}

/// The columns that identify a row of a file: a user row replaces the built-in rows with the
/// same key. Most files are keyed by their first column (by the first two when it is an `@`
/// directive); files that pair words are keyed by the pair; party files by the alias and its
/// context (column 5).
fn key_columns(name: &str, first: &str) -> &'static [usize] {
    match name {
        _ if first.starts_with('@') => &[0, 1],
        "opposites.tsv" | "not_cues.tsv" | "casualties.tsv" | "violations.tsv"
        | "discovery.tsv" => &[0, 1],
        n if is_party_file(n) => &[0, 4],
        _ => &[0],
    }
}

/// A row's key (see [`key_columns`]): lower case, spaces collapsed; a party row without a
/// context column has the context `*`.
fn row_key(name: &str, fields: &[&str]) -> Vec<String> {
    let first = fields.first().copied().unwrap_or("");
    key_columns(name, first)
        .iter()
        .map(|&c| {
            let f = fields.get(c).copied().unwrap_or("");
            let f = if c == 4 && (f.is_empty() || f == "-") {
                "*"
            } else {
                f
            };
            f.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The non-comment rows of a text, labelled with their file.
fn rows_of(label: &str, text: &str, user: bool) -> Vec<ResourceRow> {
    let file: std::sync::Arc<str> = label.into();
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let l = l.trim_end_matches('\r');
            (!l.trim().is_empty() && !l.starts_with('#')).then(|| ResourceRow {
                file: file.clone(),
                line: i + 1,
                text: std::borrow::Cow::Owned(l.to_string()),
                user,
            })
        })
        .collect()
}

/// The non-comment rows of a built-in file (borrowing its compiled-in text).
fn builtin_rows_of(name: &str, text: &'static str) -> Vec<ResourceRow> {
    let file: std::sync::Arc<str> = format!("resources/{name}").into();
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let l = l.trim_end_matches('\r');
            (!l.trim().is_empty() && !l.starts_with('#')).then(|| ResourceRow {
                file: file.clone(),
                line: i + 1,
                text: std::borrow::Cow::Borrowed(l),
                user: false,
            })
        })
        .collect()
}

/// Every resource file's rows after combining the built-in file with the same-named file of
/// `dir` (if any) as `merge` says, in file order: built-in rows first (those a user row
/// replaces or an `@remove` row drops left out), then the user's rows. The attribution model is
/// not merged (a user's model replaces the built-in one) and is listed with no rows.
pub fn resource_rows(
    dir: Option<&Path>,
    merge: Merge,
) -> Result<Vec<(&'static str, Vec<ResourceRow>)>, LexiconError> {
    if let Some(dir) = dir {
        check_resource_dir(dir)?;
    }
    let is_remove = |r: &ResourceRow| r.text.split('\t').next().map(str::trim) == Some("@remove");
    let norm = |x: &str| {
        x.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // the user's files, and their `@remove` rows (a party file's remove rows apply to every
    // party file: an alias may come from any of them)
    let mut users: Vec<Option<Vec<ResourceRow>>> = Vec::with_capacity(BUILTIN.len());
    let mut removals: Vec<(Option<&str>, Vec<String>, ResourceRow)> = Vec::new();
    for (name, _) in BUILTIN {
        let user = match dir.map(|d| d.join(name)) {
            Some(p)
                if p.exists()
                    && *name != "attribution_model.tsv"
                    && *name != crate::places::WORLD_FILE =>
            {
                Some(rows_of(
                    &p.display().to_string(),
                    &read_user_file(&p)?,
                    true,
                ))
            }
            _ => None,
        };
        for r in user.iter().flatten().filter(|r| is_remove(r)) {
            if merge == Merge::Replace {
                return Err(LexiconError {
                    file: r.file.to_string(),
                    line: r.line,
                    message:
                        "`@remove` only extends a built-in file (not with --resources-replace)"
                            .into(),
                });
            }
            let key: Vec<String> = r
                .text
                .split('\t')
                .skip(1)
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(norm)
                .collect();
            if key.is_empty() {
                return Err(LexiconError {
                    file: r.file.to_string(),
                    line: r.line,
                    message: "`@remove` needs the key of the rows to remove".into(),
                });
            }
            let scope = (!is_party_file(name)).then_some(*name);
            removals.push((scope, key, r.clone()));
        }
        users.push(user);
    }
    let mut used = vec![false; removals.len()];
    let mut out = Vec::with_capacity(BUILTIN.len());
    for ((name, builtin), user) in BUILTIN.iter().zip(users) {
        // (the model and the world gazetteer are read whole, not as rows: see `load_with`)
        if *name == "attribution_model.tsv" || *name == crate::places::WORLD_FILE {
            out.push((*name, Vec::new()));
            continue;
        }
        let builtin_rows = builtin_rows_of(name, builtin);
        let Some(user) = user else {
            let mut rows = builtin_rows;
            if removals
                .iter()
                .any(|(s, _, _)| s.is_none() && is_party_file(name))
            {
                rows.retain(|r| !removed(name, r, &removals, &mut used));
            }
            out.push((*name, rows));
            continue;
        };
        if merge == Merge::Replace {
            out.push((*name, user));
            continue;
        }
        let replaced: HashSet<Vec<String>> = user
            .iter()
            .filter(|r| !is_remove(r))
            .map(|r| key_of(name, r))
            .collect();
        let mut rows: Vec<ResourceRow> = Vec::with_capacity(builtin_rows.len() + user.len());
        for r in builtin_rows {
            let gone = removed(name, &r, &removals, &mut used);
            if !gone && !replaced.contains(&key_of(name, &r)) {
                rows.push(r);
            }
        }
        rows.extend(user.into_iter().filter(|r| !is_remove(r)));
        out.push((*name, rows));
    }
    if let Some(i) = used.iter().position(|u| !u) {
        let (scope, _, r) = &removals[i];
        return Err(LexiconError {
            file: r.file.to_string(),
            line: r.line,
            message: format!(
                "`@remove` matches no built-in row of {} (`gainsay resources --find TEXT` shows where an entry comes from)",
                scope.map_or("the party files".to_string(), |n| format!("resources/{n}"))
            ),
        });
    }
    Ok(out)
}

/// A row's key (see [`row_key`]).
fn key_of(name: &str, r: &ResourceRow) -> Vec<String> {
    let f: Vec<&str> = r.text.split('\t').map(str::trim).collect();
    row_key(name, &f)
}

/// Whether an `@remove` row drops a built-in row (marking the removal used).
fn removed(
    name: &str,
    r: &ResourceRow,
    removals: &[(Option<&str>, Vec<String>, ResourceRow)],
    used: &mut [bool],
) -> bool {
    let key = key_of(name, r);
    let mut gone = false;
    for (i, (scope, k, _)) in removals.iter().enumerate() {
        let applies = match scope {
            Some(s) => *s == name,
            None => is_party_file(name),
        };
        if applies && key.len() >= k.len() && key[..k.len()] == k[..] {
            used[i] = true;
            gone = true;
        }
    }
    gone
}

/// The rows of every party file as one list, in file order; when two files hold the same key
/// (alias and context), a user's row wins, then the earlier file's (`parties.tsv` and the
/// region files come before the generated `countries.tsv`).
fn party_rows<'a>(files: &'a [(&'static str, Vec<ResourceRow>)]) -> Rows<'a> {
    let party_files = || files.iter().filter(|(n, _)| is_party_file(n));
    if !party_files().any(|(_, rows)| rows.iter().any(|r| r.user)) {
        // the built-in party files hold no key twice (a test checks it; the generated list
        // leaves out the hand lists' aliases)
        return Rows {
            file: "resources/parties.tsv",
            text: "",
            rows: party_files().flat_map(|(_, rows)| rows).collect(),
        };
    }
    let mut winner: WordMap<String, (bool, usize)> = WordMap::default();
    let mut all: Vec<&ResourceRow> = Vec::new();
    let mut key = String::new();
    for (_, rows) in party_files() {
        for r in rows {
            // the key: the alias (lower case, spaces collapsed) and the region column, or a
            // directive with its argument
            key.clear();
            let mut cols = r.text.split('\t').map(str::trim);
            let first = cols.next().unwrap_or("");
            for w in first.split_whitespace() {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.extend(w.chars().flat_map(char::to_lowercase));
            }
            key.push('\t');
            let other = if first.starts_with('@') {
                cols.next()
            } else {
                cols.nth(3)
            };
            match other {
                Some(c) if !c.is_empty() && c != "-" => key.push_str(c),
                _ => key.push('*'),
            }
            let i = all.len();
            all.push(r);
            match winner.get_mut(key.as_str()) {
                Some(w) => {
                    if r.user && !w.0 {
                        *w = (true, i);
                    }
                }
                None => {
                    winner.insert(key.clone(), (r.user, i));
                }
            }
        }
    }
    let mut keep = vec![false; all.len()];
    for w in winner.values() {
        keep[w.1] = true;
    }
    Rows {
        file: "resources/parties.tsv",
        text: "",
        rows: all
            .into_iter()
            .zip(keep)
            .filter_map(|(r, k)| k.then_some(r))
            .collect(),
    }
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

    #[test]
    fn the_government_of_a_part_of_a_country_is_not_its_state() {
        let lx = super::Lexicon::builtin();
        let state = |code: &str| {
            let r = lx.regions.iter().position(|c| c == code).unwrap() as u16;
            lx.state_of_region(r).map(str::to_string)
        };
        assert_eq!(state("IQ").as_deref(), Some("Iraq"));
        assert_eq!(state("AZ").as_deref(), Some("Azerbaijan"));
        assert_eq!(state("SY").as_deref(), Some("Syrian government"));
    }

    #[test]
    fn pattern_rows_expand_their_alternatives() {
        assert_eq!(
            expand_alternatives("took (|full|total) control (of|over)").unwrap(),
            [
                "took control of",
                "took control over",
                "took full control of",
                "took full control over",
                "took total control of",
                "took total control over",
            ]
        );
        assert_eq!(
            expand_alternatives("(is|has_been) held by").unwrap(),
            ["is held by", "has been held by"]
        );
        assert_eq!(expand_alternatives("fell to").unwrap(), ["fell to"]);
        assert!(expand_alternatives("took (full control").is_err());
        // the built-in control table holds the expanded phrases
        let lx = Lexicon::builtin();
        for p in [
            "took full control of",
            "has been completely under the control of",
            "remains under our control",
            "liberated",
        ] {
            assert!(lx.control.get(p).is_some(), "{p}");
        }
    }
    use super::*;

    /// Invented report text touching most tables and lists the token flags index.
    const FLAGGED: &str = "Government forces shelled the market in eastern Aleppo on Saturday, \
        killing 12 civilians including three children, the observatory said. Rebels denied \
        carrying out the attack on the hospital and said the truce was violated 30 times in \
        districts controlled by the army. The town of Kafr Hind fell to rebel forces on \
        Sunday morning. Reportedly, no one was killed in the air strikes, which Russia did \
        not claim. An earlier death toll put the number at 8 across the province.";

    /// The same longest phrase at every token, read through `a`'s flags and `b`'s.
    fn same_phrases<T>(
        t: &PhraseTable<T>,
        a: &[crate::segment::Token],
        b: &[crate::segment::Token],
    ) {
        for i in 0..a.len() {
            let x = t.longest_in(a, i, a.len());
            let y = t.longest_in(b, i, b.len());
            assert!(
                match (x, y) {
                    (None, None) => true,
                    (Some((n, v)), Some((m, w))) => n == m && std::ptr::eq(v, w),
                    _ => false,
                },
                "token {i} `{}`",
                a[i].lower
            );
        }
    }

    /// Every answer the token flags give (tokens of `with`) equals the tables' own (tokens of
    /// `without`, whose flags are not `lx`'s).
    fn flags_agree(
        lx: &Lexicon,
        with: &[crate::segment::Token],
        without: &[crate::segment::Token],
    ) {
        same_phrases(&lx.cue_forms, with, without);
        same_phrases(&lx.not_cues, with, without);
        same_phrases(&lx.stance_markers, with, without);
        same_phrases(&lx.roles, with, without);
        same_phrases(&lx.new_incident, with, without);
        same_phrases(&lx.attack_modes, with, without);
        same_phrases(&lx.frames, with, without);
        same_phrases(&lx.responsibility, with, without);
        same_phrases(&lx.casualties, with, without);
        same_phrases(&lx.control, with, without);
        same_phrases(&lx.violations, with, without);
        same_phrases(&lx.agreements, with, without);
        same_phrases(&lx.repel, with, without);
        same_phrases(&lx.causes, with, without);
        same_phrases(&lx.side_by, with, without);
        same_phrases(&lx.quantities, with, without);
        same_phrases(lx.places.hand(), with, without);
        same_phrases(&lx.toll_nouns, with, without);
        same_phrases(&lx.part_openers, with, without);
        same_phrases(&lx.cumulative, with, without);
        same_phrases(&lx.superseded, with, without);
        same_phrases(&lx.aggregate, with, without);
        same_phrases(&lx.harm, with, without);
        for (a, b) in with.iter().zip(without) {
            for list in WordList::ALL {
                assert_eq!(lx.has(list, a), lx.has(list, b), "{list:?} `{}`", a.lower);
            }
            assert_eq!(lx.fn_class_of(a), lx.fn_class_of(b), "`{}`", a.lower);
            assert_eq!(lx.fn_class_of(a), lx.fn_class(&a.lower), "`{}`", a.lower);
        }
    }

    #[test]
    fn token_flags_give_the_tables_answers() {
        let lx = Lexicon::builtin();
        let seg = crate::segment::segment(FLAGGED, 0, &lx);
        let toks = &seg.tokens;
        assert!(toks.iter().all(|t| lx.own_flags(t)));
        // the same tokens without flags: every answer from the maps
        let plain: Vec<_> = toks
            .iter()
            .map(|t| crate::segment::Token {
                lex: 0,
                ..t.clone()
            })
            .collect();
        flags_agree(&lx, toks, &plain);
        // the flags do say something: phrases start and lists hold words here
        assert!(toks.iter().any(|t| lx.has(WordList::Site, t)));
        assert!(toks.iter().any(|t| lx.has(WordList::Time, t)));
        assert!(toks.iter().any(|t| lx.has(WordList::Negation, t)));
        assert!(toks.iter().any(|t| !lx.frames.may_start(t)));
        assert!(toks.iter().any(|t| lx.frames.may_start(t)));
    }

    #[test]
    fn token_flags_of_another_lexicon_are_not_trusted() {
        // each load has its own stamp: tokens segmented with one lexicon read right with another
        let a = Lexicon::builtin();
        let b = Lexicon::builtin();
        let seg = crate::segment::segment(FLAGGED, 0, &a);
        assert!(seg.tokens.iter().all(|t| !b.own_flags(t)));
        let plain: Vec<_> = seg
            .tokens
            .iter()
            .map(|t| crate::segment::Token {
                lex: 0,
                ..t.clone()
            })
            .collect();
        flags_agree(&b, &seg.tokens, &plain);
        // tokens of `tokenize` alone carry no flags, and a default lexicon gives none
        assert!(
            crate::segment::tokenize(FLAGGED, 0)
                .iter()
                .all(|t| t.lex == 0)
        );
        assert_eq!(Lexicon::default().word_flags("said"), 0);
        assert!(
            Lexicon::default()
                .cue_forms
                .longest_in(&plain, 0, plain.len())
                .is_none()
        );
    }

    #[test]
    fn a_phrase_added_after_loading_is_found() {
        // inserting into a table drops its flag: the new phrase's first word was never indexed
        let mut lx = Lexicon::builtin();
        let seg = crate::segment::segment("The zorblat was seen.", 0, &lx);
        assert!(
            lx.frames
                .longest_in(&seg.tokens, 1, seg.tokens.len())
                .is_none()
        );
        lx.frames.insert("zorblat", "attack".to_string());
        assert!(
            lx.frames
                .longest_in(&seg.tokens, 1, seg.tokens.len())
                .is_some()
        );
    }

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
    fn override_extends_or_replaces_a_file_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hedges.txt"), "maybe\tpossible\n").unwrap();
        let lx = Lexicon::load(Some(dir.path())).unwrap();
        assert!(lx.hedges.contains_key("maybe"));
        assert!(lx.hedges.contains_key("might"));
        let lx = Lexicon::load_with(Some(dir.path()), Merge::Replace).unwrap();
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
