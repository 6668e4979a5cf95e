//! Propositions: what a claim is about, in a form the checker can compare.
//!
//! - responsibility: "X carried out the strike", "A accused X of bombing", "X denied involvement"
//! - casualty: "62 soldiers were killed", "killing 90 soldiers", as intervals
//! - control: "rebels seized Handarat late Saturday"
//! - generic: every attribution's content, as a bag of content words (so nothing is lost)
//!
//! Event descriptions (frame, places, time, agent) come from the claim itself, then from its
//! sentence, then from the nearest earlier sentence that described an event.

use crate::istr::IStr;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::lexicon::{
    AgentRelation, ControlChange, CountFollower, FnClass, Lexicon, QuantWord, TimeWord,
    ViolationWord, WordList,
};
use crate::model::{Document, Interval, Polarity, Speaker, TimeRef};
use crate::segment::{Segmented, TokKind, Token, span_text};

use super::quantity::{Quantity, parse_quantity};
use super::speaker::Mention;
use super::time::find_time;

/// What an event is known to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventRef {
    /// Frame from `frames.tsv` (attack, convoy, offensive, truce).
    pub frame: Option<IStr>,
    /// Canonical place names.
    pub places: Vec<IStr>,
    pub time: Option<TimeRef>,
    /// Party (or name) said to have carried it out.
    pub agent: Option<IStr>,
    /// What it struck, when a site is named ("market", "hospital"; `@site` in `places.tsv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<IStr>,
    /// The side holding the area it struck, when the report says ("rebel-held", "government-
    /// controlled": `side` rows of `control.tsv`): a party, a role (`role:government`) or the
    /// word itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<IStr>,
    /// How it struck, when the words say: from the air ("air strikes", "warplanes") or from
    /// the ground ("shelling", "rocket shells"); `@mode` rows of `frames.tsv`. Tolls of an air
    /// raid and of ground fire are different incidents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<IStr>,
    /// Publication date of the report that mentions it: an event it does not date happened
    /// shortly before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<jiff::civil::Date>,
}

impl EventRef {
    fn is_empty(&self) -> bool {
        self.frame.is_none()
            && self.places.is_empty()
            && self.time.is_none()
            && self.agent.is_none()
            && self.target.is_none()
            && self.held_by.is_none()
            && self.mode.is_none()
    }
    /// Fills what is missing from `other`.
    pub(crate) fn fill_from(&mut self, other: &EventRef) {
        if self.frame.is_none() {
            self.frame = other.frame.clone();
        }
        if self.places.is_empty() {
            self.places = other.places.clone();
        }
        if self.time.is_none() {
            self.time = other.time.clone();
        }
        if self.agent.is_none() {
            self.agent = other.agent.clone();
        }
        if self.target.is_none() {
            self.target = other.target.clone();
        }
        if self.held_by.is_none() {
            self.held_by = other.held_by.clone();
        }
        if self.mode.is_none() {
            self.mode = other.mode.clone();
        }
    }
}

/// The typed content of a proposition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PropKind {
    Responsibility {
        /// The party (or name) said to be responsible.
        agent: IStr,
        event: Box<EventRef>,
        /// One of alternatives the claim leaves open ("Russian or Syrian jets"): it calls for a
        /// reply from each, but blames none firmly.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        alternative: bool,
        /// Read from a figure the claim lays at the party's door ("Russian air strikes killed
        /// 14"): it blames the party, but names the attacker only in passing, so it answers
        /// the party's denial and is not set against other named perpetrators.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        via_toll: bool,
    },
    Casualty {
        count: Interval,
        count_text: IStr,
        /// A running total ("since April", "so far"), not the toll of one event.
        cumulative: bool,
        /// An earlier or initial figure that a later one replaces ("an earlier death toll").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        superseded: bool,
        /// A figure over a wide area ("across the province", "Aleppo and its countryside").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        aggregate: bool,
        /// The figure this toll replaced, as the claim names it ("rose to 45, up from 38",
        /// "rose from 20 to 38"): another report's figure equal to it is the toll's earlier
        /// count.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous: Option<Interval>,
        /// The party whose figure a dispute names without a count ("disputed the casualty
        /// figures given by the Observatory", "rejected Hamas's toll"): the dispute is of every
        /// figure that party gives for the event, and `count` is unbounded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        given_by: Option<IStr>,
        /// killed, wounded, missing, trapped, destroyed
        measure: IStr,
        /// What was counted ("soldiers", "people").
        victims: IStr,
        event: Box<EventRef>,
    },
    Control {
        place: IStr,
        holder: IStr,
        change: ControlChange,
        time: Option<TimeRef>,
        /// About part of the place only: "captured several army positions in Hama province",
        /// "repelled the attack on villages in Hama province" (the place reached through a common
        /// noun, or the area the report is about). Compared only between a repelled attack and a
        /// gain by its attacker the same day.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        partial: bool,
        /// The holder turned back an attack on the place ("repelled the attack on Morek").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        repelled: bool,
        /// Who attacked, for a repelled attack, when the claim names them ("the IS attack").
        #[serde(skip_serializing_if = "Option::is_none")]
        attacker: Option<IStr>,
    },
    /// A violation of an agreement: "X violated the truce 30 times".
    Violation {
        /// The party (or name) said to have violated it; none when the claim does not say.
        #[serde(skip_serializing_if = "Option::is_none")]
        violator: Option<IStr>,
        /// The agreement as written, lower case ("truce", "ceasefire").
        agreement: IStr,
        /// How many violations, when counted.
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<Interval>,
        #[serde(skip_serializing_if = "Option::is_none")]
        count_text: Option<IStr>,
        /// A running total ("since the truce began"), not the count of one day.
        cumulative: bool,
        event: Box<EventRef>,
    },
    /// A party's forces present in the war: "units of the Rwanda Defence Force fought alongside
    /// the M23", "its soldiers are deployed in Sake"; negated, "there were no RDF soldiers in
    /// Sake".
    Presence {
        /// The party whose forces they are.
        party: IStr,
        /// Where, when the claim says.
        #[serde(skip_serializing_if = "Option::is_none")]
        place: Option<IStr>,
        /// The side they fought with, when the claim says.
        #[serde(skip_serializing_if = "Option::is_none")]
        alongside: Option<IStr>,
    },
    /// What the site an attack struck held: armed men or a military facility ("struck Hamas
    /// militants operating from a command centre inside the school", "a strike on a deployment
    /// point of Ukrainian units") or civilians ("the classrooms were crowded with displaced
    /// families"); negated, "there were no fighters inside the school", "no civilians were
    /// present".
    Target {
        /// Armed men or a military facility; else civilians.
        armed: bool,
        /// The noun as written, lower case ("command centre", "displaced families").
        what: IStr,
        event: Box<EventRef>,
    },
    Generic {
        /// Sorted content words, the key for comparing generic claims.
        key: Vec<crate::istr::IStr>,
    },
}

impl PropKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            PropKind::Responsibility { .. } => "responsibility",
            PropKind::Casualty { .. } => "casualty",
            PropKind::Control { .. } => "control",
            PropKind::Violation { .. } => "violation",
            PropKind::Presence { .. } => "presence",
            PropKind::Target { .. } => "target",
            PropKind::Generic { .. } => "generic",
        }
    }

    /// [`PropKind::event`], to change.
    pub fn event_mut(&mut self) -> Option<&mut EventRef> {
        match self {
            PropKind::Responsibility { event, .. }
            | PropKind::Casualty { event, .. }
            | PropKind::Violation { event, .. }
            | PropKind::Target { event, .. } => Some(event),
            PropKind::Control { .. } | PropKind::Presence { .. } | PropKind::Generic { .. } => None,
        }
    }

    /// The event the proposition is about, for the kinds that have one.
    pub fn event(&self) -> Option<&EventRef> {
        match self {
            PropKind::Responsibility { event, .. }
            | PropKind::Casualty { event, .. }
            | PropKind::Violation { event, .. }
            | PropKind::Target { event, .. } => Some(event),
            PropKind::Control { .. } | PropKind::Presence { .. } | PropKind::Generic { .. } => None,
        }
    }
}

/// A proposition found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposition {
    pub sentence: usize,
    /// The attribution that carries it; `None` for the reporter's own voice.
    pub attribution: Option<usize>,
    /// Tokens of the evidence inside the sentence.
    pub tokens: Range<usize>,
    pub kind: PropKind,
    /// Negated inside the content ("did not carry out").
    pub negated: bool,
    /// Byte range of the evidence (of `tokens`), set when extraction ends: what the output
    /// needs once the tokens are gone (see [`super::Extraction::compact`]).
    pub bytes: crate::model::ByteRange,
    /// For a proposition in the report's own voice, the strongest hedge among the evidence's
    /// words ("reportedly", "may"), set when extraction ends; for a casualty figure, also a
    /// hedge right before its count ("probably at the low end of"), which weakens an
    /// attributed claim's commitment too (otherwise an attributed one takes its commitment
    /// from its attribution).
    pub hedge: Option<crate::model::Commitment>,
}

impl Proposition {
    /// A proposition; its `bytes` and `hedge` are set when extraction ends.
    pub fn new(
        sentence: usize,
        attribution: Option<usize>,
        tokens: Range<usize>,
        kind: PropKind,
        negated: bool,
    ) -> Self {
        Proposition {
            sentence,
            attribution,
            tokens,
            kind,
            negated,
            bytes: 0..0,
            hedge: None,
        }
    }
}

/// Per-document inputs the proposition finder needs.
pub struct PropInput<'a> {
    pub doc: &'a Document,
    pub seg: &'a Segmented,
    pub lx: &'a Lexicon,
    pub mentions: &'a [Mention],
    /// The regions the document is about (role nouns and "government-held" stand for the
    /// state of a clear one).
    pub regions: &'a crate::regions::DocRegions,
    /// [`PropInput::local_event`] of each token range asked for: a whole unattributed sentence
    /// is read once for its context and once as a claim region.
    pub events: std::cell::RefCell<crate::lexicon::WordMap<(usize, usize), EventRef>>,
}

/// A claim region: an attribution content, or a whole unattributed sentence.
pub struct Region<'a> {
    pub sentence: usize,
    pub tokens: Range<usize>,
    pub attribution: Option<usize>,
    pub speakers: &'a [Speaker],
    pub polarity: Polarity,
    pub cue_type: Option<crate::model::CueType>,
    /// The content directly follows an "-ing" / "of" / "for" frame ("denied carrying out").
    pub subjectless: bool,
    /// The cue names the blamed party after "on" ("blamed the attack on Y").
    pub on_agent: bool,
    /// How the cue bears on a figure named as its object (see [`super::dispute`]).
    pub figure_cue: super::dispute::FigureCue,
    /// Whom a pronoun opening the content stands for: the speakers, except in an accusation
    /// inside another party's denial ("X described as lies Y's accusations that its forces
    /// shelled C": "its" is X, the accused).
    pub pronoun_speakers: &'a [Speaker],
}

impl PropInput<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }
    fn toks(&self) -> &[Token] {
        &self.seg.tokens
    }

    /// The event described by the tokens of `range` alone.
    pub fn local_event(&self, range: Range<usize>) -> EventRef {
        let key = (range.start, range.end);
        if let Some(ev) = self.events.borrow().get(&key) {
            return ev.clone();
        }
        let ev = self.read_local_event(range);
        self.events.borrow_mut().insert(key, ev.clone());
        ev
    }

    /// [`PropInput::local_event`], uncached.
    fn read_local_event(&self, range: Range<usize>) -> EventRef {
        let toks = self.toks();
        let mut ev = EventRef {
            published: self.doc.date,
            ..EventRef::default()
        };
        let pf = self.lx.predicate_frame.as_str();
        // event words' positions: a party named right before one is the event's agent
        let mut event_words: Vec<usize> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if let Some((n, f)) = self.lx.frames.longest_in(toks, i, range.end) {
                event_words.push(i);
                if ev
                    .frame
                    .as_deref()
                    .is_none_or(|cur| self.lx.frame_rank(f) > self.lx.frame_rank(cur))
                {
                    ev.frame = Some(f.into());
                }
                i += n;
                continue;
            }
            if let Some((n, rel)) = self.lx.responsibility.longest_in(toks, i, range.end) {
                // "used", "were involved in", "carried out by" name no attack by themselves
                let evokes = matches!(rel, AgentRelation::Subject | AgentRelation::Speaker);
                if evokes
                    && ev
                        .frame
                        .as_deref()
                        .is_none_or(|cur| self.lx.frame_rank(pf) > self.lx.frame_rank(cur))
                {
                    ev.frame = Some(pf.into());
                }
                i += n;
                continue;
            }
            i += 1;
        }
        let mut places = self.places(range.clone());
        // the site an attack struck: "the market", "a hospital"
        ev.target = range
            .clone()
            .find(|&k| {
                self.lx.has(WordList::Site, &toks[k])
                    && !toks[k].in_quote
                    && !self.where_spoken(range.start, k)
            })
            .map(|k| toks[k].lower.trim_end_matches('s').into());
        // the object of an attack verb is a place too ("shelled Varosh")
        for i in range.clone() {
            if let Some((n, AgentRelation::Subject)) =
                self.lx.responsibility.longest_in(toks, i, range.end)
            {
                if let (Some(p), _) = self.proper_name(i + n, range.end) {
                    if !places.contains(&p) {
                        places.push(p);
                    }
                }
            }
        }
        ev.places = self
            .most_specific_first(places)
            .into_iter()
            .map(IStr::from)
            .collect();
        ev.held_by = range
            .clone()
            .find_map(|k| {
                self.side_of(&toks[k].lower)
                    .or_else(|| self.held_by_after(k, range.end))
                    .or_else(|| {
                        // "struck army positions": the positions' party holds them
                        (k > range.start && self.lx.has(WordList::HeldNoun, &toks[k]))
                            .then(|| self.side_named(&toks[k - 1].lower))
                            .flatten()
                    })
            })
            .map(IStr::from);
        // a party named right before an event word is its agent: "Russian air strikes",
        // "Syrian government shelling", "regime airstrikes" (the first one named)
        ev.agent = event_words
            .iter()
            .filter(|&&k| k > range.start)
            .find_map(|&k| {
                let m = super::speaker::best_alias(self.mentions, &(k - 1..k))
                    .filter(|m| m.tokens.end == k)
                    .map(|m| self.lx.aliases[m.alias].party.clone());
                m.or_else(|| {
                    super::speaker::role_party(self.seg, &(k - 1..k), self.mentions, self.lx)
                })
            })
            .map(IStr::from);
        // the attack's mode: one named, or none when both are ("air strikes and shelling");
        // only an event has one
        if ev.frame.is_some() {
            let mut modes: Vec<&String> = Vec::new();
            for i in range.clone() {
                if let Some((_, m)) = self.lx.attack_modes.longest_in(toks, i, range.end) {
                    if !modes.contains(&m) {
                        modes.push(m);
                    }
                }
            }
            ev.mode = (modes.len() == 1).then(|| IStr::from(modes[0].as_str()));
        }
        // a dateline ("RIYADH, May 12 -") dates the report, not the event
        let range = crate::segment::dateline_end(toks, range.clone())..range.end;
        ev.time = find_time(self.text(), toks, range, self.lx, self.doc.date);
        ev
    }

    /// "districts controlled by the army": the party after a `side-by` phrase at `k` (not the
    /// first word of the range) holds the area named before it.
    fn held_by_after(&self, k: usize, end: usize) -> Option<String> {
        let toks = self.toks();
        let (n, _) = self.lx.side_by.longest_in(toks, k, end)?;
        if k == 0 || !toks[k - 1].is_word() || self.lx.fn_class_of(&toks[k - 1]).is_some() {
            return None;
        }
        let mut p = k + n;
        while p < end && matches!(self.lx.fn_class_of(&toks[p]), Some(FnClass::Det)) {
            p += 1;
        }
        let np = p..(p + 4).min(end);
        super::speaker::best_alias(self.mentions, &np)
            .filter(|m| m.tokens.start == p || m.tokens.start == p + 1)
            .map(|m| self.lx.aliases[m.alias].party.clone())
            .or_else(|| {
                let first = p..(p + 2).min(end);
                super::speaker::role_party(self.seg, &first, self.mentions, self.lx)
            })
    }

    /// Whether the site word at `k` is where a speaker spoke from: "said from a hospital",
    /// "speaking from the hospital" (a speech cue, "from", at most two determiners or modifiers).
    /// Whether the "in" at `p` tells where a speaker spoke: right after a cue and its object
    /// ("telling reporters in Naypyitaw", "said in Geneva"), not where the events were; or the
    /// "on" of the medium it was said or made public on ("said on Telegram", "a communique read
    /// on Tele Sahel", "posted on X").
    fn spoken_in(&self, lo: usize, p: usize) -> bool {
        let toks = self.toks();
        let on = toks[p].lower == "on";
        p > lo
            && (toks[p].lower == "in" || on)
            && (1..=3).any(|back| {
                p >= lo + back
                    && match self.lx.cue_forms.get(&toks[p - back].lower) {
                        // ("blamed the attack on Syria": the "on" of an accusation names
                        // whom it blames)
                        Some(&(c, _)) => !(on && self.lx.cue(c).frames.on),
                        None => on && self.lx.statement_acts.contains(&toks[p - back].lower),
                    }
                    && (p - back + 1..p).all(|j| {
                        matches!(
                            self.lx.fn_class_of(&toks[j]),
                            Some(FnClass::Obj | FnClass::Det)
                        )
                    })
            })
    }

    fn where_spoken(&self, lo: usize, k: usize) -> bool {
        let toks = self.toks();
        (1..=3).any(|back| {
            k > lo + back
                && toks[k - back].lower == "from"
                && (k - back + 1..k).all(|j| toks[j].is_word() && !toks[j].cap)
                && self.lx.cue_forms.get(&toks[k - back - 1].lower).is_some()
        })
    }

    /// The side an adjective such as "rebel-held" names: the party of a one-word alias
    /// ("rebel"), else the role of a role noun ("regime" and "government": `role:government`),
    /// else the word.
    fn side_of(&self, word: &str) -> Option<String> {
        let prefix = self
            .lx
            .side_suffixes
            .iter()
            .find_map(|suf| word.strip_suffix(suf.as_str()))
            .filter(|p| !p.is_empty())?;
        Some(
            self.side_named(prefix)
                .unwrap_or_else(|| prefix.to_string()),
        )
    }

    /// The side a word names: the party of a one-word alias ("rebel"), else the party a role
    /// noun stands for ("regime", "army").
    fn side_named(&self, prefix: &str) -> Option<String> {
        // of the one-word aliases that may name a side in this document (everywhere, or in a
        // region it mentions: "rebel" is Syria's rebels only in a report that mentions Syria),
        // a universal one, else the one of the region mentioned most
        let strength = |a: &crate::lexicon::Alias| -> Option<u32> {
            if a.context.is_empty() {
                return Some(u32::MAX);
            }
            a.context
                .iter()
                .map(|&r| self.regions.count(r))
                .filter(|&n| n > 0)
                .max()
        };
        // (the aliases are indexed by their first word, in lower case)
        let candidates = self
            .lx
            .alias_index
            .get(prefix.to_lowercase().as_str())
            .map_or(&[][..], Vec::as_slice);
        if let Some((_, a)) = candidates
            .iter()
            .map(|&i| &self.lx.aliases[i])
            .filter(|a| a.words.len() == 1 && a.words[0].eq_ignore_ascii_case(prefix))
            .filter_map(|a| strength(a).map(|n| (n, a)))
            .max_by_key(|&(n, _)| n)
        {
            return Some(a.party.clone());
        }
        // a role noun ("government-held", "regime-held") stands for the state of the region the
        // report is about, when that is clear (see `DocRegions::role_party`), else for the role
        let role = &self.lx.roles.get(prefix)?.role;
        Some(
            self.regions
                .role_party(role, self.lx)
                .map_or_else(|| format!("role:{role}"), str::to_string),
        )
    }

    /// The party a phrase names who caused a toll with: an alias, a role resolved through the
    /// document ("the army"), or a state's demonym before its arms ("Israeli warplanes"); `None`
    /// for an empty phrase.
    fn phrase_party(&self, range: &Range<usize>) -> Option<String> {
        if range.is_empty() {
            return None;
        }
        self.party_of(range.clone())
            .or_else(|| super::speaker::role_party(self.seg, range, self.mentions, self.lx))
            .or_else(|| self.demonym_agent(range.clone()))
    }

    /// The state whose demonym opens `range` before one of its weapons or units (`@arms` rows
    /// of `roles.tsv`): the party of the demonym's aliases with the `military` role, when they
    /// all name one.
    fn demonym_agent(&self, range: Range<usize>) -> Option<String> {
        let toks = self.toks();
        let mut s = range.start;
        while s < range.end && matches!(self.lx.fn_class_of(&toks[s]), Some(FnClass::Det)) {
            s += 1;
        }
        if s + 1 >= range.end || !self.is_demonym(&toks[s].lower) {
            return None;
        }
        if !(s + 1..range.end).any(|k| self.lx.state_arms.contains(&toks[k].lower)) {
            return None;
        }
        let mut parties = self
            .lx
            .alias_index
            .get(&toks[s].lower)?
            .iter()
            .filter_map(|&a| {
                let al = &self.lx.aliases[a];
                (al.home.is_some()
                    && al.words.len() > 1
                    && al.roles.iter().any(|r| r == "military"))
                .then_some(al.party.as_str())
            });
        let first = parties.next()?;
        parties.all(|p| p == first).then(|| first.to_string())
    }

    /// Whether a lower-case word is a demonym: no place, but the first word of a country's
    /// party aliases ("ukrainian" of "Ukrainian military", "Ukrainian officials").
    fn is_demonym(&self, lower: &str) -> bool {
        self.lx.places.get(lower).is_none()
            && self.lx.alias_index.get(lower).is_some_and(|v| {
                v.iter().any(|&a| {
                    let al = &self.lx.aliases[a];
                    al.home.is_some() && al.words.len() > 1
                })
            })
    }

    /// Whether the known place at `i..i + n` is a capital named for its state as the doer of a
    /// deed ("denied Damascus carried out the attack"): a party's name, after no preposition,
    /// before a predicate that makes its subject the agent. Such a name is no place of the event.
    fn capital_as_agent(&self, i: usize, n: usize, end: usize) -> bool {
        let toks = self.toks();
        let named = super::speaker::best_alias(self.mentions, &(i..i + n))
            .is_some_and(|m| m.tokens == (i..i + n));
        if !named || (i > 0 && self.lx.fn_class_of(&toks[i - 1]) == Some(FnClass::Prep)) {
            return false;
        }
        // after at most one auxiliary ("Damascus had carried out")
        let mut v = i + n;
        if v < end && self.lx.fn_class_of(&toks[v]) == Some(FnClass::Aux) {
            v += 1;
        }
        matches!(
            self.lx.responsibility.longest_in(toks, v, end),
            Some((
                _,
                AgentRelation::Subject | AgentRelation::Weapon | AgentRelation::Copular
            ))
        )
    }

    /// Canonical places named in `range`.
    pub fn places(&self, range: Range<usize>) -> Vec<String> {
        let toks = self.toks();
        // a dateline ("CAIRO, Sept 15 (Reuters) -") names where the report was filed, not where
        // anything happened
        let range = crate::segment::dateline_end(toks, range.clone())..range.end;
        // Sites first: a name before a place head ("the Pellin market", "the Handarat camp") is
        // the most specific place a claim names.
        let mut out: Vec<String> = Vec::new();
        // the words of known names read as other places of that name
        let mut homonyms: Vec<Range<usize>> = Vec::new();
        for k in range.clone() {
            if k > range.start
                && self.lx.has(WordList::PlaceHead, &toks[k])
                && self.opens_name(k - 1)
            {
                let mut s = k - 1;
                while s > range.start
                    && (toks[s - 1].cap || self.lx.is_particle(&toks[s - 1].lower))
                    && !crate::segment::stripped_possessive(self.text(), &toks[s - 1])
                {
                    s -= 1;
                }
                // a capitalized determiner opening a sentence is no name ("The market"), nor
                // is a word that only modifies the head ("a Buddhist monastery")
                while s < k
                    && (matches!(self.lx.fn_class_of(&toks[s]), Some(FnClass::Det))
                        || self.lx.place_modifiers.contains(&toks[s].lower))
                {
                    s += 1;
                }
                if s == k {
                    continue;
                }
                // "Idlib province" is the governorate, "Idlib" the city
                let with_head = lowers_of(toks, s..k + 1).join(" ");
                let words = lowers_of(toks, s..k).join(" ");
                let name = match self
                    .lx
                    .places
                    .get(&with_head)
                    .or_else(|| self.lx.places.get(&words))
                {
                    Some(p) => p.canonical.clone(),
                    // in a title-case headline a capital says nothing ("in Aleppo Residential
                    // Neighborhood"): only a known place counts
                    None if self.title_case_at(s) || self.title_stretch(s, k + 1, range.start) => {
                        continue;
                    }
                    None => span_text(self.text(), toks, s..k).to_string(),
                };
                let is_party = super::speaker::within(self.mentions, &(s..k))
                    .iter()
                    .next()
                    .is_some();
                // "the southern Ukrainian city of Zaporizhzhia": a demonym is no place's name,
                // the place follows "of"
                let demonym = k == s + 1 && self.is_demonym(&toks[s].lower);
                // "the Bab Touma area of Old Damascus": the place it lies in
                let outer = (k + 2 < range.end && toks[k + 1].lower == "of")
                    .then(|| self.proper_name(k + 2, range.end).0)
                    .flatten();
                // a known name that does not lie in the place named after it is another place
                // of that name ("the Sulaymaniyah neighbourhood of Aleppo" is no Iraqi city): it
                // keeps its head, so no gazetteer knows it
                let name = match &outer {
                    Some(o)
                        if *o != name
                            && crate::places::is_known(o, self.lx)
                            && crate::places::is_known(&name, self.lx)
                            && !crate::places::place_ancestors(&name, self.lx).contains(o) =>
                    {
                        homonyms.push(s..k);
                        span_text(self.text(), toks, s..k + 1).to_string()
                    }
                    _ => name,
                };
                if !is_party
                    && !demonym
                    && !self.lx.has(WordList::Time, &toks[s])
                    && !out.contains(&name)
                {
                    out.push(name);
                    if let Some(outer) = outer {
                        if !out.contains(&outer) {
                            out.push(outer);
                        }
                    }
                }
            }
        }
        let mut i = range.start;
        while i < range.end {
            if let Some((n, place)) = self.lx.places.longest_in(toks, i, range.end) {
                // a name, possibly after a lower-case direction ("west Aleppo")
                if self.capital_as_agent(i, n, range.end)
                    || homonyms.iter().any(|h| h.contains(&i))
                    || (i > range.start && self.spoken_in(range.start, i - 1))
                {
                    i += n;
                    continue;
                }
                if (i..i + n).any(|k| toks[k].cap) || toks[i].lower.starts_with("al-") {
                    if !out.contains(&place.canonical) {
                        out.push(place.canonical.clone());
                    }
                    i += n;
                    continue;
                }
            }
            // unknown capitalized name after a locative preposition (not inside a party's name:
            // "the Syria Observatory on Human Rights")
            let in_party = || {
                let b = self.mentions.partition_point(|m| m.tokens.start <= i);
                // a name is a few words long: the last mentions starting before it suffice
                self.mentions[..b]
                    .iter()
                    .rev()
                    .take(8)
                    .any(|m| m.tokens.contains(&i))
            };
            // ("the shelling of Ain Hamra": "of" after an event word opens a place)
            // ("the displaced persons site of Rhoe": as does "of" after a part or site of a
            // place)
            let of_event = toks[i].lower == "of"
                && i > range.start
                && (self.lx.frames.get(&toks[i - 1].lower).is_some()
                    || self.lx.of_heads.contains(&toks[i - 1].lower));
            if (self.lx.has(WordList::PlacePrep, &toks[i]) || of_event)
                && i + 1 < range.end
                && !in_party()
                && !self.spoken_in(range.start, i)
            {
                let (name, e) = self.proper_name(i + 1, range.end);
                if let Some(name) = name {
                    let homonym = homonyms.iter().any(|h| h.start > i && h.start < e);
                    // in a title-case stretch (a headline run into its article: "Thirty Killed
                    // in Syrian Strikes on Damascan Suburb Town Thirty civilians were killed")
                    // a capital says nothing: only a known place counts
                    let title = !crate::places::is_known(&name, self.lx)
                        && self.title_stretch(i, e, range.start);
                    if !out.contains(&name) && !homonym && !title {
                        out.push(name);
                    }
                    i = e;
                    continue;
                }
            }
            i += 1;
        }
        self.most_specific_first(out)
    }

    /// Most specific first: a name the gazetteer does not know ("the village of Kafr Hind in
    /// Idlib province") lies below the known places named with it; known places by depth.
    fn most_specific_first(&self, mut places: Vec<String>) -> Vec<String> {
        let depth = |p: &String| match self.lx.places.get(&p.to_lowercase()) {
            Some(_) => crate::places::place_ancestors(p, self.lx).len(),
            None => usize::MAX,
        };
        places.sort_by_key(|p| std::cmp::Reverse(depth(p)));
        places
    }

    /// Whether token `k` can open a name: a capital, or a particle before one ("al-Midan").
    fn opens_name(&self, k: usize) -> bool {
        let t = &self.toks()[k];
        t.cap
            || (self.lx.is_particle(&t.lower)
                && self.text()[t.range.clone()]
                    .split_once('-')
                    .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase)))
    }

    /// The settlements a stretch names, in the order of [`PropInput::places`]: places neither
    /// gazetteer knows as a country or region ([`crate::places::is_settlement`]) and not named
    /// before a region's or a site's head ("Hiraan province", "the Sofara camp"); when it
    /// calls one a town ("the town of Moqokori"), that one alone.
    pub fn settlements(&self, range: Range<usize>) -> Vec<String> {
        let toks = self.toks();
        let mut called: Vec<String> = Vec::new();
        let mut not: Vec<String> = Vec::new();
        for k in range.clone() {
            let w = toks[k].lower.as_str();
            if !self.lx.place_heads.contains(w) {
                continue;
            }
            if self.lx.settlement_heads.contains(w) {
                if k + 2 < range.end && toks[k + 1].lower == "of" {
                    if let (Some(p), _) = self.proper_name(k + 2, range.end) {
                        called.push(p);
                    }
                }
            } else if k > range.start && toks[k - 1].cap {
                let mut s = k - 1;
                while s > range.start && toks[s - 1].cap {
                    s -= 1;
                }
                not.push(span_text(self.text(), toks, s..k).to_lowercase());
            }
        }
        let places = self.places(range);
        let called: Vec<String> = places
            .iter()
            .filter(|p| called.contains(p))
            .cloned()
            .collect();
        if !called.is_empty() {
            return called;
        }
        places
            .into_iter()
            .filter(|p| {
                crate::places::is_settlement(p, self.lx) && !not.contains(&p.to_lowercase())
            })
            .collect()
    }

    /// Whether the object at `obj` is a settlement with no name ("the town", "the whole
    /// village"), alone or as the last conjunct ("the military base and the town"): not "the
    /// town of X" (named) nor "the town centre" (a part of it).
    pub fn town_anaphor(&self, obj: usize, end: usize) -> bool {
        let toks = self.toks();
        let bare = |k: usize| {
            if k + 1 >= end || toks[k].lower != "the" {
                return false;
            }
            let mut h = k + 1;
            // one modifier: "the whole town", "the besieged village"
            if h + 1 < end
                && !toks[h].cap
                && toks[h].is_word()
                && self.lx.fn_class_of(&toks[h]).is_none()
                && self.lx.settlement_heads.contains(&toks[h + 1].lower)
            {
                h += 1;
            }
            self.lx.settlement_heads.contains(&toks[h].lower)
                && toks.get(h + 1).is_none_or(|t| {
                    h + 1 >= end
                        || !t.is_word()
                        || (t.lower != "of" && self.lx.fn_class_of(t).is_some())
                })
        };
        if bare(obj) {
            return true;
        }
        // "the base and the town": a conjunct of plain words
        (obj + 1..end.min(obj + 6)).any(|a| {
            toks[a].lower == "and"
                && (obj..a).all(|m| toks[m].is_word() && !toks[m].cap || m == obj)
                && bare(a + 1)
        })
    }

    /// A proper place name starting at `i` (capitalized words, "al-" particles), canonicalized.
    /// Most modifiers between "the" and a place head before "of" ("the northeastern town of
    /// X") are [`PLACE_HEAD_MODIFIERS`].
    fn proper_name(&self, i: usize, end: usize) -> (Option<String>, usize) {
        let toks = self.toks();
        let mut k = i;
        if k < end && toks[k].lower == "the" {
            k += 1;
        }
        // "the town of Varosh", "the northeastern town of Varosh", "the Syrian city of Varosh";
        // a post's place: "the position of Koui", "the FACA camp in Koui"
        let head = (k..end.min(k + 1 + PLACE_HEAD_MODIFIERS)).find(|&h| {
            let post = self.lx.post_heads.contains(&toks[h].lower);
            let part = self.lx.of_heads.contains(&toks[h].lower);
            h + 1 < end
                && (self.lx.has(WordList::PlaceHead, &toks[h]) || post || part)
                && (toks[h + 1].lower == "of"
                    || (post && self.lx.place_preps.contains(toks[h + 1].lower.as_str())))
                && (k..h).all(|m| {
                    toks[m].is_word()
                        // (a party's post: "the FACA camp in Koui"; not a place's, "the
                        // Sarmada refugee camp in Idlib province")
                        && (!toks[m].cap
                            || self.is_demonym(&toks[m].lower)
                            || (post && self.party_of(m..m + 1).is_some()))
                        && self.lx.fn_class_of(&toks[m]).is_none()
                })
        });
        if let Some(h) = head {
            k = h + 2;
        }
        let s = k;
        // (a number word opens the next phrase: "in Aleppo One child was killed")
        while k < end
            && toks[k].kind == TokKind::Word
            && (toks[k].cap || self.lx.is_particle(&toks[k].lower))
            && !self.lx.has(WordList::Time, &toks[k])
            // "on Monday-and scores of others": a time word joined to the next by a lost space
            && !toks[k]
                .lower
                .split_once('-')
                .is_some_and(|(w, _)| self.lx.time.contains_key(w))
            && !matches!(
                self.lx.quantities.get(&toks[k].lower),
                Some(QuantWord::Number(_))
            )
            // ... as does a capitalized function word after the name ("in Syria At least 26
            // people": a sentence glued on without its full stop)
            && (k == s
                || self.lx.is_particle(&toks[k].lower)
                || self.lx.fn_class(&toks[k].lower).is_none())
        {
            k += 1;
        }
        // "Syrias Idlib province": the name after a stripped possessive
        let s = (s..k.saturating_sub(1))
            .rev()
            .find(|&j| crate::segment::stripped_possessive(self.text(), &toks[j]))
            .map_or(s, |j| j + 1);
        // drop trailing generic heads ("camp")
        let mut e = k;
        while e > s && self.lx.has(WordList::PlaceHead, &toks[e - 1]) {
            e -= 1;
        }
        if e == s || !self.opens_name(s) {
            return (None, k.max(i + 1));
        }
        // a party alias is not a place ("in Russia" is, but "UN" is not): known places first
        let raw = span_text(self.text(), toks, s..e);
        let lw = lowers_of(toks, s..e).join(" ");
        // "Idlib province" is the governorate, not the city
        if e < end && self.lx.has(WordList::PlaceHead, &toks[e]) {
            let with_head = format!("{lw} {}", toks[e].lower);
            if let Some(p) = self.lx.places.get(&with_head) {
                return (Some(p.canonical.clone()), (e + 1).max(k));
            }
        }
        if let Some(p) = self.lx.places.get(&lw) {
            return (Some(p.canonical.clone()), k);
        }
        // a party's name is no place ("in Russia"), nor is a possessor ("at President Bashar
        // al-Assads": the apostrophe was stripped)
        let possessor = e > s && crate::segment::stripped_possessive(self.text(), &toks[e - 1]);
        let named = if possessor { s..e } else { s..s + 1 };
        // ... but a longer name that opens with a known place used as a party's name is a
        // place ("Tripoli International Airport", where "Tripoli" alone names a government)
        let place_led = !possessor
            && e > s + 1
            && self.lx.places.place(&toks[s].lower).is_some()
            && super::speaker::within(self.mentions, &named)
                .iter()
                .all(|m| m.tokens.end <= s + 1);
        // ... but a name a person's alias opens and more capitalized words continue is a
        // place's ("Abiy Addi", where "Abiy" alone names a person)
        let party_name = super::speaker::within(self.mentions, &named)
            .iter()
            .any(|m| {
                possessor
                    || m.tokens.end >= e
                    || self.lx.aliases[m.alias].kind != crate::model::EntityKind::Person
            });
        if !place_led && party_name {
            return (None, k);
        }
        // Following words like "camp" were dropped; also skip the heads after the name.
        while k < end && self.lx.has(WordList::PlaceHead, &toks[k]) {
            k += 1;
        }
        if self.title_case_at(s) {
            return (None, k);
        }
        (Some(raw.to_string()), k)
    }

    /// The places coordinated with `first`, a place name that ends before token `k`: "Sake and
    /// Shasha", "Sake, Shasha and Kimoka", "at Sake and also at Shasha". A comma alone joins
    /// nothing ("Sake, North Kivu" says where Sake lies), nor does "and" before a new clause
    /// ("took Sake and Kimoka was shelled").
    fn coordinated_places(&self, first: &str, mut k: usize, end: usize) -> Vec<String> {
        let toks = self.toks();
        let holds_first = |p: &str| {
            crate::places::place_ancestors(first, self.lx)
                .iter()
                .any(|a| a == p)
        };
        let mut out = Vec::new();
        let mut pending = Vec::new();
        loop {
            let mut j = k;
            let comma = j < end && toks[j].lower == ",";
            if comma {
                j += 1;
            }
            let and = j < end && toks[j].lower == "and";
            if and {
                j += 1;
                if j < end && toks[j].lower == "also" {
                    j += 1;
                }
                if j < end && matches!(toks[j].lower.as_str(), "at" | "in" | "on") {
                    j += 1;
                }
            }
            if !(comma || and) || j >= end || !toks[j].cap {
                break;
            }
            let (Some(p), next) = self.proper_name(j, end) else {
                break;
            };
            let ends = next >= end
                || !toks[next].is_word()
                || matches!(
                    self.lx.fn_class_of(&toks[next]),
                    Some(FnClass::Prep | FnClass::Conj | FnClass::Sub | FnClass::ClauseConj)
                )
                || self.lx.has(WordList::Time, &toks[next]);
            if !ends || p == first || holds_first(&p) || out.contains(&p) || pending.contains(&p) {
                break;
            }
            pending.push(p);
            if and {
                out.append(&mut pending);
                break;
            }
            k = next;
        }
        out
    }

    /// The sentence that holds token `k`.
    fn sentence_at(&self, k: usize) -> Option<&crate::segment::Sentence> {
        let sents = &self.seg.sentences;
        let i = sents.partition_point(|s| s.tokens.end <= k);
        sents.get(i).filter(|s| s.tokens.contains(&k))
    }

    /// Whether token `k` lies in a title-case sentence ("2 Killed 10 Injured in Terrorist
    /// Shelling in Aleppo"): at least four content words, nearly all capitalized, where a
    /// capital does not mark a name.
    fn title_case_at(&self, k: usize) -> bool {
        let Some(sent) = self.sentence_at(k) else {
            return false;
        };
        let toks = self.toks();
        let (mut content, mut caps) = (0usize, 0usize);
        for t in &toks[sent.tokens.clone()] {
            if t.kind != TokKind::Word
                || t.lower.chars().count() < 4
                || self.lx.fn_class(&t.lower).is_some()
            {
                continue;
            }
            content += 1;
            caps += usize::from(t.cap);
        }
        content >= 4 && caps * 10 >= content * 9
    }

    /// Whether the words before `p` (from `lo`) and the word at `e` are set in title case: the
    /// [`TITLE_WORDS`] content words before `p` and the word after a name ending at `e` all
    /// capitalised.
    fn title_stretch(&self, p: usize, e: usize, lo: usize) -> bool {
        let toks = self.toks();
        let content = |t: &Token| {
            t.kind == TokKind::Word
                && t.lower.chars().count() >= 4
                && self.lx.fn_class(&t.lower).is_none()
        };
        let before: Vec<&Token> = toks[lo..p]
            .iter()
            .rev()
            .filter(|t| content(t))
            .take(TITLE_WORDS)
            .collect();
        before.len() == TITLE_WORDS
            && before.iter().all(|t| t.cap)
            && toks
                .get(e)
                .is_some_and(|t| t.kind == TokKind::Word && t.cap)
    }

    fn party_of(&self, range: Range<usize>) -> Option<String> {
        super::speaker::best_alias(self.mentions, &range)
            .map(|m| self.lx.aliases[m.alias].party.clone())
    }

    /// Names the agent of a predicate in a claim: as [`Self::agent_name`], and a pronoun that
    /// opens the claim ("it captured", "they retook", "its troops took") is the speaker's side.
    fn claim_agent(
        &self,
        range: Range<usize>,
        claim_start: usize,
        speakers: &[Speaker],
    ) -> Option<String> {
        self.claim_agents(range, claim_start, speakers)
            .into_iter()
            .next()
    }

    /// [`Self::claim_agent`], with every agent of a coordination ([`Self::agent_names`]).
    fn claim_agents(
        &self,
        range: Range<usize>,
        claim_start: usize,
        speakers: &[Speaker],
    ) -> Vec<String> {
        if range.is_empty() {
            return Vec::new();
        }
        let toks = self.toks();
        let first = toks[range.start].lower.as_str();
        let possessive = matches!(self.lx.fn_class(first), Some(FnClass::Det));
        // (or after the report a denial names: "denied an army report it had carried out an
        // air strike", "rejected claims they had shelled the town")
        // (or after a time phrase opening the claim: "on Sunday 5 April our fighters carried out")
        let after_time = range.start > claim_start
            && (claim_start..range.start).all(|k| {
                let t = &toks[k];
                t.kind == TokKind::Number
                    || t.lower == ","
                    || self.lx.has(WordList::Time, t)
                    || matches!(self.lx.fn_class_of(t), Some(FnClass::Prep))
            })
            && (claim_start..range.start).any(|k| self.lx.has(WordList::Time, &toks[k]));
        let opens = range.start == claim_start
            || after_time
            || (range.start > claim_start
                && (toks[range.start - 1].lower == "that"
                    || self.lx.deny_anaphors.contains(&toks[range.start - 1].lower)));
        if self.lx.pronouns.contains_key(first) && (range.len() == 1 || possessive) {
            return if opens {
                speakers
                    .iter()
                    .take(1)
                    .map(|s| s.label().to_string())
                    .collect()
            } else {
                Vec::new()
            };
        }
        let names = self.agent_names(range.clone());
        if let Some(own) = self.own_forces(&range, speakers) {
            return vec![own];
        }
        if let Some(enemy) = self.speakers_enemy(&range, speakers) {
            return vec![enemy];
        }
        // "the rebels had taken control of Sake", said by an armed group: the group itself
        // (a listed group, or one read from the text as a group: "the Viv Ansanm gang
        // coalition")
        let found_group = speakers.first().is_some_and(|s| {
            s.link.as_ref().is_some_and(|l| {
                l.how == crate::model::LinkHow::Discovered
                    && l.words
                        .split_whitespace()
                        .any(|w| self.lx.group_nouns.contains(&w.to_lowercase()))
            })
        });
        if let ([name], Some(own)) = (
            names.as_slice(),
            speakers.first().and_then(|s| s.party.as_deref()),
        ) {
            let words = self.words_after_det(&range);
            let self_noun =
                !words.is_empty() && self.lx.self_nouns.contains(words.join(" ").as_str());
            if self_noun
                && self.parties_in(&range).is_empty()
                && name != own
                && (self.lx.group_parties.contains(own) || found_group)
                && !self.lx.party_has_role(own, "government")
            {
                return vec![own.to_string()];
            }
        }
        // "Al Shabaab fighters attacked the base ... the militants held the town": the one
        // armed group the report has named
        if names.len() <= 1 && self.parties_in(&range).is_empty() {
            let words = self.words_after_det(&range);
            if !words.is_empty() && self.lx.group_anaphors.contains(words.join(" ").as_str()) {
                if let Some(g) = self.antecedent_group(range.start) {
                    return vec![g];
                }
            }
        }
        names
    }

    /// The armed group ([`Lexicon::armed_groups`]) a report names before token `at`, when it
    /// names one only.
    fn antecedent_group(&self, at: usize) -> Option<String> {
        let mut found: Option<&str> = None;
        for m in self.mentions.iter().take_while(|m| m.tokens.end <= at) {
            let p = self.lx.aliases[m.alias].party.as_str();
            if self.lx.armed_groups.contains(p) {
                match found {
                    None => found = Some(p),
                    Some(f) if f == p => {}
                    Some(_) => return None,
                }
            }
        }
        found.map(str::to_string)
    }

    /// The lower-case words of a phrase after its determiners ("the rebel forces" → "rebel",
    /// "forces"): what the `@self` and `@own` rows are matched against.
    fn words_after_det(&self, range: &Range<usize>) -> Vec<&str> {
        self.toks()[range.clone()]
            .iter()
            .skip_while(|t| matches!(self.lx.fn_class(&t.lower), Some(FnClass::Det)))
            .map(|t| t.lower.as_str())
            .collect()
    }

    /// "Marte remains under the control of troops", said by a state: a bare noun for a state's
    /// own forces (`@own` rows of `roles.tsv`, also before the name of an operation: "troops of
    /// Operation Hadin Kai") in a claim of a party with the `government` role is that party.
    fn own_forces(&self, range: &Range<usize>, speakers: &[Speaker]) -> Option<String> {
        let own = speakers.first().and_then(|s| s.party.as_deref())?;
        let words = self.words_after_det(range);
        let own_noun = (1..=words.len()).any(|n| {
            self.lx.own_forces.contains(words[..n].join(" ").as_str())
                && (n == words.len() || words[n] == "of")
        });
        (own_noun && self.parties_in(range).is_empty() && self.lx.party_has_role(own, "government"))
            .then(|| own.to_string())
    }

    /// "the enemy had struck Sumy", said by a party: what a party calls its adversary (a phrase
    /// opening with an `@enemy` row of `roles.tsv` that names no party) is the one belligerent
    /// (an armed group, or a party with the `government` role) the report names most besides
    /// the speaker's party, at least twice as often as any other; `None` when none stands out.
    fn speakers_enemy(&self, range: &Range<usize>, speakers: &[Speaker]) -> Option<String> {
        let own = speakers.first().and_then(|s| s.party.as_deref())?;
        let words = self.words_after_det(range);
        if !words
            .first()
            .is_some_and(|w| self.lx.enemy_nouns.contains(*w))
            || !self.parties_in(range).is_empty()
        {
            return None;
        }
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for m in self.mentions {
            let p = self.lx.aliases[m.alias].party.as_str();
            let belligerent =
                self.lx.armed_groups.contains(p) || self.lx.party_has_role(p, "government");
            if p != own && belligerent {
                *counts.entry(p).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        match ranked.as_slice() {
            [(p, _)] => Some(p.to_string()),
            [(p, a), (_, b), ..] if *a >= 2 * b => Some(p.to_string()),
            _ => None,
        }
    }

    /// The agents an agent phrase names: each party of a coordination ("the regime and Russian
    /// forces": both, jointly), else [`Self::agent_name`]. A supporter introduced by a participle
    /// ("Turkish armour supported by coalition aircraft") is not an agent.
    fn agent_names(&self, range: Range<usize>) -> Vec<String> {
        let toks = self.toks();
        let end = (range.start + 1..range.end)
            .find(|&k| {
                k + 1 < range.end
                    && toks[k + 1].lower == "by"
                    && toks[k].kind == TokKind::Word
                    && self.lx.is_verb_form(&toks[k].lower)
            })
            .unwrap_or(range.end);
        // "shells fired by opposition groups", "barrel bombs dropped by regime helicopters": the
        // weapon's user, named after an `agent_by` phrase, is the agent
        if end < range.end {
            if let Some((n, AgentRelation::By)) =
                self.lx.responsibility.longest_in(toks, end, range.end)
            {
                if end + n < range.end && toks[end + n - 1].lower == "by" {
                    let by = self.agent_names(end + n..range.end);
                    if !by.is_empty() {
                        return by;
                    }
                }
            }
        }
        let range = range.start..end;
        // "Syrian or Russian jets", "jets either Russian or Syrian": alternatives name no agent
        if range
            .clone()
            .any(|k| self.lx.alternatives.contains(&toks[k].lower))
        {
            return Vec::new();
        }
        let coordinated = range
            .clone()
            .any(|k| matches!(self.lx.fn_class_of(&toks[k]), Some(FnClass::Conj)));
        if coordinated {
            let parties = self.parties_in(&range);
            if parties.len() > 1 {
                return parties;
            }
            // "regime and Russian forces": each conjunct named as an agent phrase is (role
            // nouns and demonyms included)
            let mut named: Vec<String> = Vec::new();
            let cuts = (range.start..range.end)
                .filter(|&k| {
                    matches!(self.lx.fn_class_of(&toks[k]), Some(FnClass::Conj))
                        || toks[k].lower == ","
                })
                .chain(std::iter::once(range.end));
            let mut start = range.start;
            for k in cuts {
                if let Some(p) = self.agent_name(start..k) {
                    if !named.contains(&p) {
                        named.push(p);
                    }
                }
                start = k + 1;
            }
            if named.len() > 1 && named.iter().all(|p| self.lx.is_party(p)) {
                return named;
            }
            // "the forces of the army and the Rapid Response": actors named together act
            // together, so the one conjunct a party is known for names the side
            if let [p] = named
                .iter()
                .filter(|p| self.lx.is_party(p))
                .collect::<Vec<_>>()
                .as_slice()
            {
                if named.len() > 1 {
                    return vec![(*p).clone()];
                }
            }
        }
        self.agent_name(range).into_iter().collect()
    }

    /// The distinct parties named inside `range`, in text order.
    fn parties_in(&self, range: &Range<usize>) -> Vec<String> {
        let mut parties: Vec<String> = Vec::new();
        for m in super::speaker::within(self.mentions, range) {
            let p = &self.lx.aliases[m.alias].party;
            if m.tokens.end <= range.end && !parties.contains(p) {
                parties.push(p.clone());
            }
        }
        parties
    }

    /// The parties an agent phrase offers as alternatives ("Syrian or Russian jets", "either
    /// Russia or the regime"); empty when it offers none.
    fn alternative_agents(&self, range: Range<usize>) -> Vec<String> {
        let toks = self.toks();
        if !range
            .clone()
            .any(|k| self.lx.alternatives.contains(&toks[k].lower))
        {
            return Vec::new();
        }
        let parties = self.parties_in(&range);
        if parties.len() > 1 {
            parties
        } else {
            Vec::new()
        }
    }

    /// Names an agent phrase: its party when an alias matches, else its text.
    fn agent_name(&self, range: Range<usize>) -> Option<String> {
        if range.is_empty() {
            return None;
        }
        let toks = self.toks();
        // "it", "they", "its troops", "their fighters": the speaker's side
        let first = toks[range.start].lower.as_str();
        let possessive = matches!(self.lx.fn_class(first), Some(FnClass::Det));
        if self.lx.pronouns.contains_key(first) && (range.len() == 1 || possessive) {
            return None;
        }
        if let Some(p) = self.party_of(range.clone()) {
            return Some(p);
        }
        // "regime jets", "government forces": the party of that role mentioned before
        if let Some(p) = super::speaker::role_party(self.seg, &range, self.mentions, self.lx) {
            return Some(p);
        }
        // "Israeli warplanes", "an Israeli drone", "Israeli tank fire": a state's demonym before
        // its weapons or units
        if let Some(p) = self.demonym_agent(range.clone()) {
            return Some(p);
        }
        // "An air strike hit …", "the explosion killed …": an event names no agent, unless a
        // party named right before it does ("the regime air strike dropped chemical bombs")
        let event_head = (range.start..range.end).any(|k| {
            self.lx
                .frames
                .longest_in(toks, k, range.end)
                .is_some_and(|(n, _)| k + n == range.end)
        });
        if event_head {
            return self.local_event(range).agent.map(String::from);
        }
        // "fighters of the Red Hand Brigades", "Ruritania's army": an organization or an owner
        // the words name (see `discover`)
        if let Some(p) =
            super::discover::discover_agent(self.text(), self.seg, &range, self.mentions, self.lx)
        {
            return Some(p);
        }
        let mut s = range.start;
        while s < range.end && matches!(self.lx.fn_class_of(&toks[s]), Some(FnClass::Det)) {
            s += 1;
        }
        if s >= range.end {
            return None;
        }
        if let Some(p) = self.shortened_alias(s..range.end) {
            return Some(p);
        }
        Some(span_text(self.text(), toks, s..range.end).to_string())
    }

    /// A short form of a party's name the document gave in full before: "the Defense Force"
    /// after "the Ethiopian National Defense Force". The capitalized words must end an earlier
    /// mention's longer name, and every such earlier mention must name the same party.
    fn shortened_alias(&self, range: Range<usize>) -> Option<String> {
        const MAX_WORDS: usize = 3;
        let toks = self.toks();
        if range.is_empty()
            || range.len() > MAX_WORDS
            || !range.clone().all(|k| toks[k].is_word() && toks[k].cap)
        {
            return None;
        }
        let words: Vec<&str> = range.clone().map(|k| toks[k].lower.as_str()).collect();
        let mut party: Option<&str> = None;
        for m in self.mentions.iter().filter(|m| m.tokens.end <= range.start) {
            let n = m.tokens.len();
            let ends = n > words.len()
                && m.tokens.end >= words.len()
                && (0..words.len()).all(|i| toks[m.tokens.end - words.len() + i].lower == words[i]);
            if !ends {
                continue;
            }
            let p = self.lx.aliases[m.alias].party.as_str();
            match party {
                Some(q) if q != p => return None,
                _ => party = Some(p),
            }
        }
        party.map(str::to_string)
    }

    /// Clauses in `range` that open a period ("since it intervened in Syria in 2015", "since the
    /// war began"): from the period word to a comma, a year, or a few words on. A period word
    /// right before its date ("since July") opens none.
    fn period_clauses(&self, range: Range<usize>) -> Vec<Range<usize>> {
        const MAX_CLAUSE: usize = 8;
        let toks = self.toks();
        let mut out = Vec::new();
        for k in range.clone() {
            if !matches!(self.lx.time.get(&toks[k].lower), Some(TimeWord::Since)) {
                continue;
            }
            let next = k + 1;
            let clause = next < range.end
                && (self.lx.pronouns.contains_key(&toks[next].lower)
                    || matches!(self.lx.fn_class_of(&toks[next]), Some(FnClass::Det)));
            if !clause {
                continue;
            }
            let cap = (k + MAX_CLAUSE).min(range.end);
            let end = (next..cap)
                .find(|&j| {
                    toks[j].lower == ","
                        || (toks[j].lower.len() == 4
                            && toks[j].lower.bytes().all(|b| b.is_ascii_digit()))
                })
                .map_or(cap, |j| if toks[j].lower == "," { j } else { j + 1 });
            out.push(k..end);
        }
        out
    }

    /// A possessive pronoun before an attack word in `range`: "its strikes", "their air raids".
    fn own_attack(&self, range: Range<usize>) -> bool {
        let toks = self.toks();
        range.clone().any(|k| {
            let w = toks[k].lower.as_str();
            self.lx.pronouns.contains_key(w)
                && matches!(self.lx.fn_class(w), Some(FnClass::Det))
                && (k + 1..(k + 4).min(range.end))
                    .any(|j| self.lx.frames.longest_in(toks, j, range.end).is_some())
        })
    }

    /// A noun phrase ending before `k` inside `lo..k`.
    fn np_before(&self, lo: usize, k: usize) -> Range<usize> {
        let toks = self.toks();
        // auxiliaries, negation and adverbs between subject and verb ("it had not carried out")
        let mut k = k;
        while k > lo
            && (matches!(self.lx.fn_class_of(&toks[k - 1]), Some(FnClass::Aux))
                || self.lx.is_ly_adverb(&toks[k - 1]))
        {
            k -= 1;
        }
        // a time adverbial before the verb ("the militia this morning shelled", "rebels on
        // Sunday seized") is no part of the subject
        k = self.before_time_adverbial(lo, k);
        let mut s = k;
        while s > lo {
            let t = &toks[s - 1];
            let class = self.lx.fn_class_of(t);
            let ok = match t.kind {
                TokKind::Word | TokKind::Number => {
                    !matches!(
                        class,
                        Some(FnClass::Sub | FnClass::Aux | FnClass::ClauseConj)
                    ) && (self.lx.cue_forms.get(&t.lower).is_none() || self.in_mention(s - 1))
                }
                TokKind::Dash => true,
                _ => false,
            };
            if !ok {
                break;
            }
            s -= 1;
            if matches!(class, Some(FnClass::Det)) {
                break;
            }
        }
        // "Turkish armour supported by coalition aircraft launched": the phrase runs on through
        // the reduced passive to its head ([`Self::agent_names`] drops the supporter)
        // (also through a modifier: "tanks backed by jets from the coalition launched")
        let mut j = s;
        while j > lo + 1 && j + SUPPORTER_REACH > s && j < k {
            let t = &toks[j];
            if t.lower == "by" && self.lx.is_verb_form(&toks[j - 1].lower) {
                let outer = self.np_before(lo, j - 1);
                if !outer.is_empty() {
                    return outer.start..k;
                }
                break;
            }
            if !t.is_word() || matches!(self.lx.fn_class_of(t), Some(FnClass::Sub | FnClass::Aux)) {
                break;
            }
            j -= 1;
        }
        while s < k
            && matches!(
                self.lx.fn_class_of(&toks[s]),
                Some(FnClass::Prep | FnClass::Conj)
            )
        {
            s += 1;
        }
        s..k
    }

    /// [`Self::np_before`], taking in a coordinated subject that opens its clause ("the forces
    /// of the army and the Rapid Response completed …"); used for control, where actors named
    /// together hold a place together.
    fn subject_before(&self, lo: usize, k: usize) -> Range<usize> {
        let toks = self.toks();
        let np = self.np_before(lo, k);
        let s = np.start;
        if s > lo + 1 && !np.is_empty() && toks[s - 1].lower == "and" {
            let left = self.np_before(lo, s - 1);
            // (the left conjunct may own an "of" phrase: "the forces of the army")
            let mut st = left.start;
            while !left.is_empty() && st > lo + 1 && toks[st - 1].lower == "of" {
                let owner = self.np_before(lo, st - 1);
                if owner.is_empty() {
                    break;
                }
                st = owner.start;
            }
            if !left.is_empty()
                && (st == lo || toks[st - 1].lower == "that")
                && toks[st..s - 1].iter().all(|t| t.is_word())
            {
                return st..np.end;
            }
        }
        np
    }

    /// The start of a time adverbial ending at `k` ("this morning", "on Sunday", "late on
    /// Saturday", "yesterday") when words stand before it, else `k`: a day, a part of a day or a
    /// relative day, with the words that open it ("on", "this", "late") and a day's number.
    fn before_time_adverbial(&self, lo: usize, k: usize) -> usize {
        let toks = self.toks();
        let mut t = k;
        let mut named = false;
        while t > lo {
            let w = &toks[t - 1];
            // (the token's flags rule most words out without a lookup)
            if w.kind != TokKind::Number && !self.lx.has(WordList::Time, w) {
                break;
            }
            let head = matches!(
                self.lx.time.get(&w.lower),
                Some(TimeWord::Weekday(_) | TimeWord::Part(_) | TimeWord::Relative(_))
            );
            let opener = matches!(
                self.lx.time.get(&w.lower),
                Some(TimeWord::Lead | TimeWord::Shift(_) | TimeWord::Month(_))
            ) || w.kind == TokKind::Number;
            if head {
                named = true;
            } else if !(named && opener) {
                break;
            }
            t -= 1;
        }
        if named && t > lo && toks[t - 1].is_word() {
            t
        } else {
            k
        }
    }

    /// Whether token `k` lies inside a party alias ("Islamic State": "state" is no cue there).
    fn in_mention(&self, k: usize) -> bool {
        let b = self.mentions.partition_point(|m| m.tokens.start <= k);
        self.mentions[..b]
            .iter()
            .rev()
            .take(8)
            .any(|m| m.tokens.contains(&k))
    }

    /// The predicate at `k` is coordinated with an earlier one ("captured X and seized Y").
    fn coordinated(&self, lo: usize, k: usize) -> bool {
        let toks = self.toks();
        let mut j = k;
        while j > lo && matches!(self.lx.fn_class_of(&toks[j - 1]), Some(FnClass::Aux)) {
            j -= 1;
        }
        j > lo
            && matches!(
                self.lx.fn_class_of(&toks[j - 1]),
                Some(FnClass::Conj | FnClass::ClauseConj)
            )
    }

    fn negated_before(&self, lo: usize, k: usize) -> bool {
        let toks = self.toks();
        (lo.max(k.saturating_sub(3))..k).any(|i| self.lx.has(WordList::Negation, &toks[i]))
            && !self.counterfactual_after(k)
    }

    /// Whether a counterfactual condition follows token `k` in its sentence ("would not have
    /// used them had it not been for ..."): the negation before `k` then asserts.
    fn counterfactual_after(&self, k: usize) -> bool {
        let toks = self.toks();
        let Some(s) = self.sentence_at(k) else {
            return false;
        };
        (k..s.tokens.end).any(|i| {
            self.lx
                .counterfactuals
                .longest_in(toks, i, s.tokens.end)
                .is_some()
        })
    }
}

fn lowers_of(toks: &[Token], r: Range<usize>) -> Vec<&str> {
    r.map(|k| toks[k].lower.as_str()).collect()
}

/// Content words before a place preposition that, all capitalised with the word after the
/// name, make a title-case stretch ([`PropInput::title_stretch`]).
const TITLE_WORDS: usize = 3;

/// Finds the propositions of one region. `context` is the event the surrounding text is about.
pub fn region_propositions(
    inp: &PropInput,
    r: &Region,
    context: &EventRef,
    last_place: Option<&str>,
    last_town: Option<&str>,
) -> Vec<Proposition> {
    let toks = inp.toks();
    let lx = inp.lx;
    let range = r.tokens.clone();
    let lowers = lowers_of(toks, range.clone());
    let mut out = Vec::new();
    let mut local = inp.local_event(range.clone());
    let fill = |ev: &mut EventRef| {
        let compatible_place = ev.places.is_empty()
            || context.places.is_empty()
            || ev.places.iter().any(|p| context.places.contains(p));
        if compatible_place {
            ev.fill_from(context);
        }
    };

    // Responsibility.
    let mut agent_for_region: Option<String> = None;
    let mut last_agents: Vec<String> = Vec::new();
    let mut last_holder: Option<String> = None;
    let mut i = 0;
    while i < lowers.len() {
        let Some((n, rel)) = lx
            .responsibility
            .longest_in(toks, range.start + i, range.end)
        else {
            i += 1;
            continue;
        };
        let k = range.start + i;
        // "the targets being struck": a passive without "by" names no agent
        // (past an adverb: "is regularly targeted by", "was reportedly shelled by")
        let passive = (1..=2).take_while(|&d| k >= range.start + d).any(|d| {
            lx.be_forms.contains(&toks[k - d].lower)
                && (k - d + 1..k)
                    .all(|j| lx.is_ly_adverb(&toks[j]) || lx.hedges.contains_key(&toks[j].lower))
        });
        // (a participle after its noun is a passive too: "a missile launched from the city",
        // "the convoy attacked by rebels")
        // (past a time phrase: "the attack carried out on 5 April by X")
        let after = crate::extract::time::time_phrase_end(inp.text(), toks, k + n, range.end, lx)
            .filter(|&e| e < range.end && toks[e].lower == "by")
            .unwrap_or(k + n);
        let next = toks.get(after).filter(|_| after < range.end);
        // ("carried out": a verb and its particle)
        let participle = n <= 2
            && *rel == AgentRelation::Subject
            && toks[k].lower.ends_with("ed")
            && k > range.start
            && toks[k - 1].is_word()
            && lx.fn_class_of(&toks[k - 1]).is_none()
            && !lx.be_forms.contains(&toks[k - 1].lower)
            && next.is_some_and(|t| matches!(t.lower.as_str(), "from" | "by"));
        let passive = passive || participle;
        // ... and with one ("the market was shelled by rebels") the agent follows
        let by_agent = passive && next.is_some_and(|t| t.lower == "by");
        if passive && matches!(rel, AgentRelation::Subject | AgentRelation::Weapon) && !by_agent {
            i += n;
            continue;
        }
        // "it remained committed to the ceasefire": an adjective, no deed
        if *rel == AgentRelation::Subject && toks.get(k + n).is_some_and(|t| t.lower == "to") {
            i += n;
            continue;
        }
        // "used chemical weapons", not "used the road": the object must name an attack or a
        // weapon (for a weapon's verb, also how it strikes: "fired the shells", an `@mode`
        // word)
        let object = k + n..np_after(inp, k + n, range.end);
        let names_mode = || {
            object
                .clone()
                .any(|j| lx.attack_modes.longest_in(toks, j, object.end).is_some())
        };
        if matches!(rel, AgentRelation::Weapon | AgentRelation::Copular)
            && !by_agent
            && inp.local_event(object.clone()).frame.is_none()
            && (matches!(rel, AgentRelation::Copular) || !names_mode())
        {
            i += n;
            continue;
        }
        // "an attack carried out by X", not "a survey carried out by X": what was done must
        // name an attack (or the phrase does: "strikes by X")
        // (after a comma, the clause before it: "the air strike on Thursday, carried out by X")
        // (a full passive, "the strike on the market in X was carried out by Y": its subject)
        // (a passive's subject before its form of "be": "the shells were fired by X")
        let mut b = k;
        while b > range.start
            && (lx.be_forms.contains(&toks[b - 1].lower) || lx.is_ly_adverb(&toks[b - 1]))
        {
            b -= 1;
        }
        let done_from = if k > range.start
            && (toks[k - 1].lower == "," || lx.be_forms.contains(&toks[k].lower))
        {
            range.start
        } else {
            inp.np_before(range.start, b).start.min(k)
        };
        // ... or the means it names after "by" ("the building was hit by a drone", `@arms`
        // rows of `roles.tsv`)
        let by_arms = || {
            // (past "of": "caused by the fall of a Ukrainian air defence missile")
            let mut e = np_after(inp, k + n, range.end);
            if e + 1 < range.end && toks[e].lower == "of" {
                e = np_after(inp, e + 1, range.end);
            }
            toks[k + n..e]
                .iter()
                .any(|t| lx.state_arms.contains(&t.lower))
        };
        // (a weapon fired is an attack: "the shells were fired by X", a `@mode` word)
        let weapon = || (done_from..k).any(|j| lx.attack_modes.longest_in(toks, j, k).is_some());
        if (*rel == AgentRelation::By || (participle && by_agent))
            && inp.local_event(done_from..k + n).frame.is_none()
            && !weapon()
            && !by_arms()
        {
            i += n;
            continue;
        }
        let rel = if by_agent { &AgentRelation::By } else { rel };
        let speaker = || -> Vec<String> {
            r.speakers
                .iter()
                .take(1)
                .map(|s| s.label().to_string())
                .collect()
        };
        let (agents, obj_start, agent_phrase) = match rel {
            AgentRelation::Subject | AgentRelation::Copular | AgentRelation::Weapon => {
                let mut np = inp.np_before(range.start, k);
                // "government forces killed 40 people using barrel bombs": a participle's
                // subject is its clause's, before the predicate the phrase ran through
                if toks[k].lower.ends_with("ing") {
                    if let Some(m) = np.clone().find(|&m| {
                        lx.casualties.get(&toks[m].lower).is_some()
                            || lx.responsibility.get(&toks[m].lower).is_some()
                    }) {
                        np = inp.np_before(range.start, m);
                    }
                }
                // "accused government forces of carrying out the attack": the gerund's subject
                // is the phrase before its preposition
                if toks[k].lower.ends_with("ing")
                    && np.end > np.start + 1
                    && np.end == k
                    && matches!(lx.fn_class_of(&toks[k - 1]), Some(FnClass::Prep))
                {
                    np.end -= 1;
                }
                // "denied accusations of using chemical weapons": what the speaker is accused of
                let accused_of = r.cue_type == Some(crate::model::CueType::Deny)
                    && k > range.start + 1
                    && toks[k - 1].lower == "of"
                    && lx.deny_anaphors.contains(&toks[k - 2].lower);
                let agents = if inp.coordinated(range.start, k) {
                    // "struck the base and shelled the town": the same agents
                    last_agents.clone()
                } else if accused_of || (np.is_empty() && (r.subjectless || k == range.start)) {
                    speaker()
                } else {
                    inp.claim_agents(np.clone(), range.start, r.pronoun_speakers)
                };
                (agents, k + n, np)
            }
            AgentRelation::By => {
                // (past the "by" of a passive: "was shelled by rebels")
                let a = if by_agent { after + 1 } else { k + n };
                let mut e = np_after(inp, a, range.end);
                // "by the armed forces of Armenia": the owner named after "of"; "by the fall of
                // a Ukrainian missile": the party of what fell
                let mut owners = Vec::new();
                if e > a && e + 1 < range.end && toks[e].lower == "of" {
                    let e2 = np_after(inp, e + 1, range.end);
                    let named: Vec<String> = inp
                        .agent_names(e + 1..e2)
                        .into_iter()
                        .filter(|p| lx.is_party(p))
                        .collect();
                    if e2 > e + 1 && (inp.party_of(e + 1..e2).is_some() || !named.is_empty()) {
                        if inp.party_of(a..e).is_none() {
                            owners = named;
                        }
                        e = e2;
                    }
                }
                // "the attack of X on Y" (an `of` row): only a listed party is its agent, not
                // "the attack of last week"
                let of_row = !by_agent && toks[k + n - 1].lower == "of";
                let agents = if !owners.is_empty() {
                    owners
                } else if of_row {
                    inp.party_of(a..e).into_iter().collect()
                } else {
                    inp.agent_names(a..e)
                };
                (agents, e, a..e)
            }
            // only at the start of a claim: "X claimed responsibility for C"
            AgentRelation::Speaker if k == range.start && r.attribution.is_some() => {
                (speaker(), k + n, k..k)
            }
            AgentRelation::Speaker => (Vec::new(), k + n, k..k),
        };
        i += n;
        // "Russian or Syrian jets": each alternative, none firmly
        let (agents, alternative) = if agents.is_empty() {
            (inp.alternative_agents(agent_phrase), true)
        } else {
            last_agents = agents.clone();
            (agents, false)
        };
        // "the coalition conducted no strikes there": a denial of the deed
        // (an object counted as none: "no" of `quantities.tsv`)
        let no_object = !matches!(rel, AgentRelation::By | AgentRelation::Speaker)
            && toks.get(k + n).is_some_and(|t| {
                lx.has(WordList::Negation, t)
                    && matches!(
                        lx.quantities.get(&t.lower),
                        Some(QuantWord::Vague(0, Some(0)))
                    )
            });
        // "it has nothing to do with the launches": the predicate itself denies
        let disclaims = lx
            .disclaims
            .longest_in(toks, k, range.end)
            .is_some_and(|(m, _)| m == n);
        for agent in agents {
            let negated = no_object || disclaims || inp.negated_before(range.start, k);
            let mut event = local.clone();
            // the object phrase sharpens the event ("the Monday attack on a convoy")
            let obj_ev = inp.local_event(obj_start..range.end);
            // the side struck is the object's ("struck army positions", "strikes on
            // insurgent-held parts"), not another clause's
            if obj_ev.held_by.is_some() {
                event.held_by = obj_ev.held_by.clone();
            }
            if let Some(f) = &obj_ev.frame {
                if event
                    .frame
                    .as_deref()
                    .is_none_or(|cur| lx.frame_rank(f) >= lx.frame_rank(cur))
                {
                    event.frame = Some(f.clone());
                }
            }
            fill(&mut event);
            if !alternative {
                event.agent = Some(agent.as_str().into());
                agent_for_region.get_or_insert(agent.clone());
            }
            out.push(Proposition::new(
                r.sentence,
                r.attribution,
                // evidence: the agent phrase through the object ("US-led coalition air strikes hit
                // Syrian army positions")
                inp.np_before(range.start, k).start.min(k)
                    ..np_after(inp, obj_start, range.end).max(k + n),
                PropKind::Responsibility {
                    agent: agent.into(),
                    event: Box::new(event),
                    alternative,
                    via_toll: false,
                },
                negated,
            ));
        }
    }
    // Violations of an agreement ("accused Y of violating the truce" is one, not an attack).
    let violated = violations(inp, r, &range, &lowers, &local, context);
    // "X accused Y of C" / "X blamed Y for C": Y is the agent.
    if r.cue_type == Some(crate::model::CueType::Accuse) && out.is_empty() && violated.is_empty() {
        for (agents, blamed) in accusations(inp, &range, &lowers, context, r.on_agent) {
            for agent in agents {
                let mut event = blamed.clone();
                fill(&mut event);
                out.push(deed(r, range.clone(), agent, event, false));
            }
        }
    }
    // "X denied shelling the town", "denied bombing hospitals": an attack noun in its gerund
    // form opening a denial's content is the speaker's own deed, denied
    if r.cue_type == Some(crate::model::CueType::Deny) && out.is_empty() && !range.is_empty() {
        let g = range.start;
        let gerund = toks[g].lower.ends_with("ing")
            && !toks[g].cap
            && lx.frames.longest_in(toks, g, range.end).is_some();
        if gerund {
            let mut event = inp.local_event(range.clone());
            fill(&mut event);
            // (the first speaker's: the per-speaker split below gives each theirs)
            if let Some(sp) = r.speakers.first() {
                out.push(deed(r, range.clone(), sp.label().to_string(), event, false));
            }
        }
    }
    // "X denied it / involvement / responsibility": X denies being the agent of the context
    // event; so does "X said the allegations were fabricated" (an accusation called false).
    let denies = r.cue_type == Some(crate::model::CueType::Deny);
    let calls_false =
        !denies && r.attribution.is_some() && lowers.iter().any(|w| lx.falsity.contains(*w));
    let head_at = lowers
        .iter()
        .position(|w| !matches!(inp.lx.fn_class(w), Some(FnClass::Det)) && *w != "any");
    // (the event it names may follow: "denies any involvement in the killing of civilians in
    // Niem")
    // (past whose involvement it is: "any involvement of its elements in the attack")
    let named_after = head_at.is_some_and(|h| {
        let link = |w: &&str| matches!(*w, "in" | "for" | "with");
        inp.lx.deny_anaphors.contains(lowers[h])
            && (lowers.get(h + 1).is_some_and(link)
                || (lowers.get(h + 1) == Some(&"of")
                    && lowers[h + 2..].iter().take(INVOLVED_WORDS + 1).any(link)))
    });
    let most = match (denies, named_after) {
        (_, true) => 16,
        (true, false) => 8,
        (false, false) => 12,
    };
    if (denies || calls_false) && out.is_empty() && range.len() <= most {
        let head = head_at.map(|h| &lowers[h]);
        // (a pronoun is the whole object, "denied it", not the subject of a clause: "denied
        // it cooperates with Y")
        let anaphoric = head.is_some_and(|w| {
            inp.lx.deny_anaphors.contains(*w)
                && (!inp.lx.pronouns.contains_key(*w) || lowers.len() <= 2)
        });
        // "the allegations against Syria were fabricated": the accused is named
        let against = lowers
            .iter()
            .position(|w| *w == "against")
            .map(|p| range.start + p + 1)
            .and_then(|a| inp.party_of(a..np_after(inp, a, range.end)));
        if anaphoric && context.frame.is_some() {
            let agents: Vec<String> = match against {
                Some(a) => vec![a],
                None => r.speakers.iter().map(|sp| sp.label().to_string()).collect(),
            };
            for agent in agents {
                let mut event = local.clone();
                // (the context's time and places only when the content names no other place:
                // "denies any involvement in the killing of civilians in Niem" is not about the
                // battle at Koui before it)
                fill(&mut event);
                if event.frame.is_none() {
                    event.frame = context.frame.clone();
                }
                out.push(deed(r, range.clone(), agent, event, calls_false));
            }
        }
    }
    // "X denied that its strikes killed civilians", "X has not acknowledged any civilian deaths
    // from its strikes", "X denies causing civilian casualties": X denies being the agent of the
    // harm in context (a denial of any harm needs no count).
    if r.polarity == Polarity::Deny && out.is_empty() && r.attribution.is_some() {
        let harm = (0..lowers.len()).any(|i| {
            lx.harm
                .longest_in(toks, range.start + i, range.end)
                .is_some()
                || lx
                    .casualties
                    .longest_in(toks, range.start + i, range.end)
                    .is_some_and(|(_, m)| m == "killed" || m == "wounded")
        });
        if let Some(speaker) = r.speakers.first().map(|s| s.label().to_string()) {
            // the harm is the speaker's: its own attacks ("its strikes", "their raids"), its
            // name before them, or a gerund with no subject ("denied causing ...")
            let own = local.agent.as_deref() == Some(speaker.as_str())
                || r.subjectless
                || inp.own_attack(range.clone());
            if harm && own {
                // "since it intervened in Syria in 2015" opens the period the denial covers: its
                // place and date are not the harm's
                let period = inp
                    .period_clauses(range.clone())
                    .first()
                    .map_or(range.end, |c| c.start);
                let mut event = inp.local_event(range.start..period);
                if event.time.as_ref().is_some_and(|t| t.until.is_some()) {
                    event.time = None;
                }
                fill(&mut event);
                event.agent = Some(speaker.as_str().into());
                out.push(Proposition::new(
                    r.sentence,
                    r.attribution,
                    range.clone(),
                    PropKind::Responsibility {
                        agent: speaker.into(),
                        event: Box::new(event),
                        alternative: false,
                        via_toll: false,
                    },
                    false,
                ));
            }
        }
    }
    if let Some(a) = &agent_for_region {
        local.agent.get_or_insert(a.into());
    }
    // Per-speaker split: "Both the Russian and Syrian governments deny carrying out ...". Not
    // when the content names its own agent: in "Syria and Russia deny Damascus carried out the
    // attack" only Damascus is the agent.
    let named_agent = inp.party_of(range.start..np_after(inp, range.start, range.end));
    if r.speakers.len() > 1 && named_agent.is_none() {
        let mut split = Vec::new();
        for p in out.drain(..) {
            match &p.kind {
                PropKind::Responsibility {
                    agent,
                    event,
                    alternative,
                    via_toll,
                } if Some(agent.as_str()) == r.speakers.first().map(|s| s.label()) => {
                    for sp in r.speakers {
                        let mut ev = event.clone();
                        ev.agent = Some(sp.label().into());
                        split.push(Proposition {
                            kind: PropKind::Responsibility {
                                agent: sp.label().into(),
                                event: ev,
                                alternative: *alternative,
                                via_toll: *via_toll,
                            },
                            ..p.clone()
                        });
                    }
                }
                _ => split.push(p),
            }
        }
        out = split;
    }
    // "Rebels and the army blamed each other for the attack": each speaker accuses the others
    // (a claim a speaker makes against itself is no accusation, and the rules ignore it).
    let reciprocal = lowers.len() >= 2
        && matches!(
            (lowers[0], lowers[1]),
            ("each", "other") | ("one", "another")
        );
    if reciprocal && r.speakers.len() > 1 {
        let mut labels: Vec<String> = Vec::new();
        for sp in r.speakers {
            if !labels.iter().any(|l| l == sp.label()) {
                labels.push(sp.label().to_string());
            }
        }
        let template = out.iter().position(|p| {
            matches!(&p.kind, PropKind::Responsibility { agent, .. } if agent == "other" || agent == "another")
        });
        let event = match template.map(|i| out.remove(i).kind) {
            Some(PropKind::Responsibility { event, .. }) => Some(*event),
            _ => {
                let blamed = inp.local_event(range.clone());
                blamed.frame.is_some().then_some(blamed).or_else(|| {
                    context.frame.is_some().then(|| {
                        let mut e = local.clone();
                        e.fill_from(context);
                        e
                    })
                })
            }
        };
        if let Some(event) = event {
            for agent in labels {
                out.push(deed(r, range.clone(), agent, event.clone(), false));
            }
        }
    }

    // Casualties.
    // (agent, event, evidence) of the figures whose own words name who caused them
    let mut toll_blames: Vec<(String, EventRef, Range<usize>)> = Vec::new();
    let mut last_victims = String::new();
    let mut prev_casualty_end = range.start;
    let mut i = 0;
    while i < lowers.len() {
        // "there were no civilian casualties": a harm word after a count of none and the
        // victims' word is a figure of none killed (a count of some is no figure: "12
        // casualties" may be dead or wounded; "no casualties were reported", said of a blast
        // in a round-up, is too weak a claim to set against a toll)
        let hit = lx
            .casualties
            .longest_in(toks, range.start + i, range.end)
            .or_else(|| {
                let (n, _) = lx.harm.longest_in(toks, range.start + i, range.end)?;
                let mut q = range.start + i;
                // (past the verb's auxiliaries: "no civilian was affected")
                while q > range.start
                    && (lx.be_forms.contains(&toks[q - 1].lower)
                        || matches!(lx.fn_class_of(&toks[q - 1]), Some(FnClass::Aux)))
                {
                    q -= 1;
                }
                let victims_end = q;
                while q > range.start && lx.generic_victims.contains(&toks[q - 1].lower) {
                    q -= 1;
                }
                let none = q > range.start
                    && q < victims_end
                    && parse_quantity(toks, q - 1, q, lx).is_some_and(|x| x.interval.hi == Some(0));
                none.then(|| lx.casualties.get("killed").map(|m| (n, m)))?
            });
        let Some((n, measure)) = hit else {
            i += 1;
            continue;
        };
        let k = range.start + i;
        let mut quants = Vec::new();
        // a count right before the word is its own ("Seven killed 37 others injured"): then the
        // number after it belongs to the next casualty word
        let count_before = k > range.start && parse_quantity(toks, k - 1, k, lx).is_some();
        // right: "killing 90 soldiers", "killed at least 25", "the death toll has risen to 31"
        if !count_before {
            quants.extend(linked_count(inp, k + n, range.end, k + n + 5));
        }
        // "34 people were killed 6 of them women" (commas stripped): a partitive count after the
        // word is a part of the count before it, not the word's own
        // (the "N of them" / "N of whom" of [`figure_parts`])
        if quants.first().is_some_and(|q| {
            let of = q.tokens.end;
            of + 1 < range.end
                && toks[of].lower == "of"
                && matches!(
                    lx.fn_class_of(&toks[of + 1]),
                    Some(FnClass::Obj | FnClass::Sub)
                )
        }) && (left_clause_start(inp, range.start.max(prev_casualty_end), k)..k)
            .any(|p| parse_quantity(toks, p, k, lx).is_some())
        {
            quants.clear();
        }
        // "three people killed five injured", "14 people were killed 25 were wounded" (commas
        // stripped): a count before a casualty word of another measure is that word's, and this
        // word's count stands before it
        if quants
            .first()
            .is_some_and(|q| counted_by_next(inp, q.tokens.end, range.end, measure))
        {
            quants.clear();
        }
        // a toll noun's count may follow a phrase ("the death toll from the strike on the
        // bakery has risen to 38", "put the toll from Sunday's raid at 40")
        if quants.is_empty() && !count_before && names_toll(inp, range.start, k, n) {
            quants.extend(toll_count(inp, k + n, range.end));
        }
        // "rebel rockets killed 12", "Russian air strikes killed eight": the subject of an
        // active casualty verb names who caused the deaths, when it names a party
        let cause = if quants.is_empty() {
            None
        } else {
            let np = inp.np_before(range.start, k);
            // "A Malian army drone strike on the wedding in Dioura killed 34": past the
            // prepositional phrases to the subject's head
            let mut head = np.clone();
            for _ in 0..SUBJECT_PPS {
                let p = head.start;
                if p <= range.start + 1
                    || !matches!(lx.fn_class_of(&toks[p - 1]), Some(FnClass::Prep))
                {
                    break;
                }
                let before = inp.np_before(range.start, p - 1);
                if before.is_empty() {
                    break;
                }
                head = before;
            }
            // a phrase inside a prepositional phrase is no subject ("the strike on the Russian
            // base killed 5" blames no Russia): its head is
            let subject = if head != np { head } else { np };
            inp.phrase_party(&subject)
        };
        let left = quants.is_empty();
        if left {
            // left: "62 soldiers were killed", "20 civilians and one of its staff were killed"
            let lo = left_clause_start(inp, range.start.max(prev_casualty_end), k);
            let mut p = lo;
            while p < k {
                if let Some(q) = parse_quantity(toks, p, k, lx) {
                    p = q.tokens.end;
                    // a number right before another count counts nothing ("Get short URL 113
                    // At least nine people were killed": page furniture)
                    if quants
                        .last()
                        .is_some_and(|l: &super::quantity::Quantity| l.tokens.end == q.tokens.start)
                    {
                        quants.pop();
                    }
                    quants.push(q);
                } else {
                    p += 1;
                }
            }
        }
        prev_casualty_end = k + n;
        let cumulative = running_total(inp, r.sentence, &range, k, n);
        // "an earlier death toll ... reported nine": anywhere in the sentence, source included
        let sentence = &inp.seg.sentences[r.sentence].tokens;
        let superseded =
            (sentence.clone()).any(|j| lx.superseded.longest_in(toks, j, sentence.end).is_some());
        // "have so far confirmed 25 deaths", "expected to rise": a lower bound
        let provisional =
            (sentence.clone()).any(|j| lx.provisional.longest_in(toks, j, sentence.end).is_some());
        // "... hit Aleppo and its countryside": the figure's clause, up to a comma
        let aggregate = (range.start..range.end)
            .filter(|&j| toks[j].lower != ",")
            .any(|j| lx.aggregate.longest_in(toks, j, range.end).is_some());
        // "seven civilians including a child were among 20 people killed": the counts before the
        // whole are its parts
        let whole = quants.iter().rposition(|q| {
            let mut b = q.tokens.start;
            if b > range.start && matches!(lx.fn_class_of(&toks[b - 1]), Some(FnClass::Det)) {
                b -= 1;
            }
            b > range.start && lx.whole_markers.contains(&toks[b - 1].lower)
        });
        // "were killed by ISWAP fighters", "the killing of 12 civilians in Niem by the 3R
        // terrorists": the party after "by" (within the clause) caused them
        let cause = cause.or_else(|| {
            let by = (k + n..range.end.min(k + n + BY_AGENT_REACH))
                .take_while(|&j| toks[j].lower != "," && lx.cue_forms.get(&toks[j].lower).is_none())
                .find(|&j| toks[j].lower == "by")?;
            let np = by + 1..np_after(inp, by + 1, range.end);
            inp.phrase_party(&np)
        });
        let mut event = local.clone();
        if event.agent.is_none() {
            event.agent = cause.as_deref().map(IStr::from);
        }
        // the party the figure's own words blame ("Russian air strikes killed 14")
        let own_agent = event
            .agent
            .clone()
            .filter(|a| lx.is_party(a) && !cumulative && !superseded)
            .filter(|_| inp.alternative_agents(range.clone()).is_empty());
        fill(&mut event);
        // a claim that names several places ("air strikes killed 9 in Idlib and 12 in Aleppo"):
        // a figure is about those of them named after it, up to the next figure, cue or comma
        // (not about a wider place that holds them all: "six injured in Aleppo ... on Hamdaniyeh
        // and Sukkari")
        let footprint = crate::places::footprint(
            &local
                .places
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
            lx,
        );
        let figure_event = |from: usize| -> EventRef {
            let mut ev = event.clone();
            if footprint.len() > 1 {
                let stop = (from..range.end)
                    .find(|&j| {
                        toks[j].lower == ","
                            || lx.casualties.longest_in(toks, j, range.end).is_some()
                            || lx.cue_forms.get(&toks[j].lower).is_some()
                    })
                    .unwrap_or(range.end);
                let places = inp.places(from..stop);
                let own = crate::places::footprint(&places, lx);
                if !own.is_empty() && own.len() < footprint.len() && own.is_subset(&footprint) {
                    ev.places = places.into_iter().map(IStr::from).collect();
                }
            }
            ev
        };
        let figure = |q: &Quantity, victims: String, span: Range<usize>, event: &EventRef| {
            let mut p = Proposition::new(
                r.sentence,
                r.attribution,
                span,
                PropKind::Casualty {
                    count: if provisional && q.interval.hi.is_some_and(|h| h > 0) {
                        Interval {
                            hi: None,
                            ..q.interval
                        }
                    } else {
                        q.interval
                    },
                    count_text: span_text(inp.text(), toks, q.tokens.clone()).into(),
                    cumulative,
                    superseded,
                    aggregate,
                    previous: previous_figure(inp, q, range.end),
                    given_by: None,
                    measure: measure.as_str().into(),
                    victims: victims.into(),
                    event: Box::new(event.clone()),
                },
                // "there were no deaths": the negation is the count (none), not a denial
                inp.negated_before(range.start, k)
                    && !(q.interval.hi == Some(0)
                        && (q.tokens.start..k).all(|j| {
                            !lx.has(WordList::Negation, &toks[j]) || q.tokens.contains(&j)
                        })),
            );
            // "the toll was probably at the low end of ...": an estimate's hedge right before its
            // count weakens the claim (an attributed one too)
            p.hedge = (q
                .tokens
                .start
                .saturating_sub(COUNT_HEDGE_WORDS)
                .max(range.start)..q.tokens.start)
                .filter_map(|j| lx.hedges.get(&toks[j].lower).copied())
                .max();
            p
        };
        // a part is a figure of its own victims; one of the total's kind ("20 people including
        // 7 civilians") says nothing the total does not. The parts of a lower bound are lower
        // bounds ("at least 15 civilians including two children": more of the dead may be
        // children).
        let part = |(mut q, victims, end): (Quantity, String, usize), open: bool, ev: &EventRef| {
            if open {
                q.interval.hi = None;
            }
            (!lx.generic_victims.contains(&victims))
                .then(|| figure(&q, victims, q.tokens.start..end, ev))
        };
        // tokens up to here were read as parts of a figure
        let mut parts_end = range.start;
        // the last total: whether it was a lower bound, and its event
        let mut last_total = None;
        for (qi, mut q) in quants.into_iter().enumerate() {
            if q.tokens.start < parts_end {
                continue;
            }
            // "had treated 43 wounded", "received 30 injured": the patients of one facility,
            // a part of the toll, so at least that many
            if q.tokens.start > range.start
                && lx.facility_counts.contains(&toks[q.tokens.start - 1].lower)
            {
                q.interval.hi = None;
            }
            // the word after the count may say it is no toll of its own
            let next = q.tokens.end;
            let follower = (next < range.end)
                .then(|| lx.count_followers.get(&toks[next].lower))
                .flatten();
            let skip = match follower {
                // "four more people died"
                Some(CountFollower::Increment) => true,
                // "one of the dead", "five of them" (not "one of its staff were killed": a toll)
                Some(CountFollower::Partitive) => {
                    let group = next + 1;
                    group < range.end
                        && (matches!(
                            lx.fn_class_of(&toks[group]),
                            Some(FnClass::Obj | FnClass::Sub)
                        ) || (group + 1 < range.end
                            && matches!(lx.fn_class_of(&toks[group]), Some(FnClass::Det))
                            && lx
                                .casualties
                                .longest_in(toks, group + 1, range.end)
                                .is_some()))
                }
                // "three killed 12 others injured": 12 counts the injured
                Some(CountFollower::Others) => {
                    q.tokens.start > k
                        && lx
                            .casualties
                            .longest_in(toks, next + 1, range.end)
                            .is_some()
                }
                // "three people killed five injured": 5 counts the injured
                None => {
                    q.tokens.start > k
                        && lx
                            .casualties
                            .longest_in(toks, next, range.end)
                            .is_some_and(|(_, m)| m != measure)
                }
            };
            // "another six people": an addition to an earlier figure of the same measure ("two
            // were killed in Hama and another six in Idlib"); after a figure of another measure
            // it is this measure's whole count ("11 were killed and another 65 injured")
            let added = q.tokens.start > range.start
                && lx
                    .increment_before
                    .contains(&toks[q.tokens.start - 1].lower)
                // (before this casualty word: "killed another three" adds to no earlier figure)
                && counted_before(inp, r.sentence, (q.tokens.start - 1).min(k), measure);
            if skip || added {
                continue;
            }
            let (mut victims, victims_end) = match victims_after(inp, q.tokens.end, range.end) {
                Some((v, e)) => (Some(v), e),
                None => (None, q.tokens.end),
            };
            // "no civilian casualties": the harm word is no victim, the word before it is
            if victims.as_deref().is_some_and(|v| lx.harm.get(v).is_some()) {
                victims = (q.tokens.end..k)
                    .rev()
                    .map(|j| toks[j].lower.as_str())
                    .find(|w| lx.generic_victims.contains(*w))
                    .map(|w| {
                        let plural = format!("{w}s");
                        if lx.generic_victims.contains(&plural) {
                            plural
                        } else {
                            w.to_string()
                        }
                    })
                    .or_else(|| Some("people".to_string()));
            }
            // its parts: "26 people including 9 children and 4 women", "nine of whom were pupils";
            // after a toll noun's count, past its casualty word ("a toll of 36 dead, among them
            // 15 children")
            let parts_from = match lx.casualties.longest_in(toks, victims_end, range.end) {
                Some((m, _)) if victims_end > k + n => victims_end + m,
                _ => victims_end,
            };
            let parts = figure_parts(inp, parts_from, range.end);
            if let Some((_, _, e)) = parts.last() {
                parts_end = *e;
            }
            let open = q.interval.hi.is_none();
            let ev = figure_event(victims_end.max(parts_end).max(k + n));
            if whole.is_some_and(|w| qi < w) {
                out.extend(victims.and_then(|v| part((q, v, victims_end), false, &ev)));
            } else {
                let victims = victims
                    .or_else(|| Some(last_victims.clone()).filter(|v| !v.is_empty()))
                    .unwrap_or_else(|| "people".to_string());
                last_victims = victims.clone();
                let span = q.tokens.start.min(k)..q.tokens.end.max(k + n);
                if let Some(a) = &own_agent {
                    toll_blames.push((a.to_string(), ev.clone(), span.clone()));
                }
                out.push(figure(&q, victims, span, &ev));
                last_total = Some((open, ev.clone()));
            }
            out.extend(parts.into_iter().filter_map(|p| part(p, open, &ev)));
            prev_casualty_end = prev_casualty_end.max(parts_end).max(victims_end);
        }
        // a total before the casualty word may have its parts after it ("20 people were killed
        // including five children")
        if let Some((open, ev)) = last_total.filter(|_| left) {
            let parts = figure_parts(inp, k + n, range.end);
            if let Some((_, _, e)) = parts.last() {
                prev_casualty_end = prev_casualty_end.max(*e);
            }
            out.extend(parts.into_iter().filter_map(|p| part(p, open, &ev)));
        }
        i += n;
    }

    // A figure laid at a party's door ("Russian air strikes killed 14") blames that party for
    // the attack, as "Russian jets struck" does.
    for (agent, event, span) in toll_blames {
        let blamed = out
            .iter()
            .any(|p| matches!(&p.kind, PropKind::Responsibility { agent: a, .. } if *a == agent));
        if !blamed && r.attribution.is_some() {
            out.push(Proposition::new(
                r.sentence,
                r.attribution,
                span,
                PropKind::Responsibility {
                    agent: agent.into(),
                    event: Box::new(event),
                    alternative: false,
                    via_toll: true,
                },
                false,
            ));
        }
    }
    out.extend(violated);

    // Control of places.
    let mut i = 0;
    while i < lowers.len() {
        let Some((n, &(change, place_first))) =
            lx.control.longest_in(toks, range.start + i, range.end)
        else {
            i += 1;
            continue;
        };
        let k = range.start + i;
        i += n;
        let obj = k + n;
        // "vowed to (fully) recapture Aleppo" is an intention, not a claim of control
        let mut b = k;
        while b > range.start + 1 && lx.is_ly_adverb(&toks[b - 1]) {
            b -= 1;
        }
        if b > range.start && toks[b - 1].lower == "to" {
            continue;
        }
        let np = inp.np_before(range.start, k);
        // (place, holder, evidence end, time searched from)
        let (place, holder, evidence_end, time_from, more) = if place_first {
            // "Handarat fell to the rebels", "Ostrel is held by the army"
            let mut holder_end = np_after(inp, obj, range.end);
            // "the Armed Forces of the Democratic Republic of Congo": the owner named after "of"
            if holder_end > obj
                && holder_end + 1 < range.end
                && toks[holder_end].lower == "of"
                && toks[obj..holder_end].iter().any(|t| t.cap)
            {
                let owner_end = np_after(inp, holder_end + 1, range.end);
                if owner_end > holder_end + 1 {
                    holder_end = owner_end;
                }
            }
            // "fell to its forces", "remains under our control": the speaker's side
            let possessive = (obj < holder_end && lx.pronouns.contains_key(&toks[obj].lower))
                || toks[k..obj]
                    .iter()
                    .any(|t| lx.pronouns.contains_key(&t.lower));
            let holder = if possessive {
                r.speakers.first().map(|s| s.label().to_string())
            } else {
                inp.own_forces(&(obj..holder_end), r.speakers)
                    .or_else(|| inp.agent_name(obj..holder_end))
            };
            // the held place is the subject: not a preposition's object before a coordinated
            // verb ("al-Bab, which lies in the province of Aleppo and is held by IS")
            let object = np.start > range.start
                && lx.fn_class_of(&toks[np.start - 1]) == Some(FnClass::Prep);
            // "the town remains under the control of the army": the one place the sentence
            // names
            let anaphoric = np.len() == 2
                && toks[np.start].lower == "the"
                && lx.place_heads.contains(&toks[np.start + 1].lower);
            let named = if anaphoric {
                // (not a region of the sentences before: "The village remains under our
                // control" after a report about Sagaing Region is no claim about Sagaing; a
                // settlement named before is: `last_town`)
                match local.places.as_slice() {
                    [p] => Some(p.to_string()),
                    [] if lx.settlement_heads.contains(&toks[np.start + 1].lower) => {
                        last_town.map(str::to_string)
                    }
                    // (a post: "the base remains under our control", in the place named
                    // before)
                    [] if lx.post_heads.contains(&toks[np.start + 1].lower) => {
                        last_place.map(str::to_string)
                    }
                    _ => None,
                }
            } else {
                inp.proper_name(np.start, k).0
            };
            (
                (!object).then_some(named).flatten(),
                holder,
                holder_end.max(obj),
                np.start,
                Vec::new(),
            )
        } else {
            // "rebels seized Handarat", "rebels retook it"
            // "took control of the base": a post with no name, in the place the sentence
            // names, or else the one named before
            let post = obj + 1 < range.end
                && toks[obj].lower == "the"
                && lx.post_heads.contains(&toks[obj + 1].lower)
                && toks.get(obj + 2).is_none_or(|t| {
                    obj + 2 >= range.end
                        || !t.is_word()
                        || (!t.cap && t.lower != "of" && lx.fn_class_of(t).is_some())
                });
            let (place, more) = if obj < range.end && toks[obj].lower == "it" {
                (last_place.map(str::to_string), Vec::new())
            } else if post {
                let here = match local.places.as_slice() {
                    [p] => Some(p.to_string()),
                    [] => last_place.map(str::to_string),
                    _ => None,
                };
                (here, Vec::new())
            } else if inp.town_anaphor(obj, range.end) {
                // "the militants held the town", "took control of the base and the town": the
                // settlement the sentence names, or else the one named before
                // (only a name before it: "held the town until they pulled out before
                // reinforcements arrived from Beledweyne" is about another town)
                let before = inp.settlements(range.start..obj);
                let town = match before.as_slice() {
                    [p] => Some(p.clone()),
                    [] => last_town.map(str::to_string),
                    _ => None,
                };
                (town, Vec::new())
            } else {
                let (p, next) = inp.proper_name(obj, range.end);
                let more = p
                    .as_deref()
                    .map(|p| inp.coordinated_places(p, next, range.end))
                    .unwrap_or_default();
                (p, more)
            };
            let holder = if inp.coordinated(range.start, k) {
                // "captured Ostrel and seized Dalen": the same holder; "the army repelled the
                // attack and remains in control of Ostrel": the first verb's subject
                last_holder.clone().or_else(|| {
                    let v = (range.start + 1..k).find(|&v| {
                        toks[v].is_word()
                            && inp.lx.fn_class_of(&toks[v]).is_none()
                            && lx.is_verb_form(&toks[v].lower)
                    })?;
                    let subject = inp.np_before(range.start, v);
                    if subject.start != range.start {
                        return None;
                    }
                    inp.claim_agent(subject, range.start, r.speakers)
                })
            } else if np.is_empty() {
                r.speakers.first().map(|s| s.label().to_string())
            } else {
                inp.claim_agent(inp.subject_before(range.start, k), range.start, r.speakers)
            };
            (place, holder, (obj + 1).min(range.end), k, more)
        };
        let (Some(place), Some(holder)) = (place, holder) else {
            continue;
        };
        last_holder = Some(holder.clone());
        let time = find_time(inp.text(), toks, time_from..range.end, lx, inp.doc.date)
            .or_else(|| local.time.clone())
            .or_else(|| {
                context
                    .time
                    .clone()
                    .filter(|_| context.places.iter().any(|p| *p == place))
            });
        let negated = inp.negated_before(range.start, k);
        for place in std::iter::once(place).chain(more) {
            out.push(Proposition::new(
                r.sentence,
                r.attribution,
                np.start.min(k)..evidence_end,
                PropKind::Control {
                    place: place.into(),
                    holder: holder.as_str().into(),
                    change,
                    time: time.clone(),
                    partial: false,
                    repelled: false,
                    attacker: None,
                },
                negated,
            ));
        }
    }
    out.extend(partial_control(inp, r, &lowers, context, &local));
    out.extend(presence(inp, r));
    let mut site_event = local.clone();
    fill(&mut site_event);
    out.extend(targets(inp, r, &site_event));

    // "the information spread by X that the army shelled the city is not true": the speaker
    // denies what the clause says
    if let Some(clause) = called_false(inp, &range) {
        for p in out.iter_mut() {
            if p.tokens.start >= clause.start && p.tokens.end <= clause.end {
                p.negated = !p.negated;
            }
        }
    }

    // Generic: every attributed content.
    if r.attribution.is_some() {
        let key: Vec<crate::istr::IStr> = {
            let mut k: Vec<&str> = toks[range.clone()]
                .iter()
                .filter(|t| {
                    t.lower.chars().any(char::is_alphanumeric)
                        && lx.fn_class_of(t).is_none()
                        && !lx.has(WordList::Negation, t)
                })
                .map(|t| t.lower.as_str())
                .collect();
            k.sort_unstable();
            k.dedup();
            k.into_iter().map(crate::istr::IStr::from).collect()
        };
        let negated = toks[range.clone()]
            .iter()
            .any(|t| lx.has(WordList::Negation, t));
        out.push(Proposition::new(
            r.sentence,
            r.attribution,
            range.clone(),
            PropKind::Generic { key },
            negated,
        ));
    }
    out
}

/// What an accusation's content blames, and on whom: "Y of C", "Y for C" (C must name an event),
/// "C on Y" ("blamed the shelling on the army": Y must be a known party unless the layout read
/// the cue's "on" frame, `on_agent`), or only "Y" ("blamed the regime", "pinning the blame on
/// Y"): then the event in context, when there is one.
fn accusations(
    inp: &PropInput,
    range: &Range<usize>,
    lowers: &[&str],
    context: &EventRef,
    on_agent: bool,
) -> Vec<(Vec<String>, EventRef)> {
    let known = |a: &String| inp.lx.is_party(a);
    if let Some(p) = lowers.iter().position(|w| *w == "of" || *w == "for") {
        let blamed = inp.local_event(range.start + p..range.end);
        // the blame must name an event ("of carrying out the strike"), not another act ("for
        // its collapse", "of war crimes"): the surrounding event is not what is blamed
        if blamed.frame.is_some() {
            // each party of a joint accusation ("blamed Russian and Syrian warplanes")
            let agents = inp.agent_names(range.start..range.start + p);
            if !agents.is_empty() {
                return vec![(agents, blamed)];
            }
        }
    }
    if let Some(p) = lowers.iter().rposition(|w| *w == "on").filter(|&p| p > 0) {
        let a = range.start + p + 1;
        // a cue whose "on" frame the layout read ("the attack which X blames on Y") names the
        // agent whatever it is; otherwise the phrase after "on" must close the content and be a
        // party ("blamed the shelling on the army", not "on Monday")
        if on_agent || np_after(inp, a, range.end) == range.end {
            let agents: Vec<String> = inp
                .agent_names(a..range.end)
                .into_iter()
                .filter(|x| on_agent || known(x))
                .collect();
            let blamed = inp.local_event(range.start..range.start + p);
            if !agents.is_empty() && blamed.frame.is_some() {
                return vec![(agents, blamed)];
            }
        }
    }
    if context.frame.is_some() && np_after(inp, range.start, range.end) == range.end {
        let agents: Vec<String> = inp
            .agent_names(range.clone())
            .into_iter()
            .filter(known)
            .collect();
        if !agents.is_empty() {
            return vec![(agents, context.clone())];
        }
    }
    Vec::new()
}

/// Most prepositional phrases between a casualty verb's subject and the verb ("A drone strike
/// on the wedding in Dioura killed 34").
const SUBJECT_PPS: usize = 3;

/// How many words after a figure, within its clause, a running-total marker may stand ("213
/// civilians have been killed by air strikes and shelling on opposition areas since the truce
/// collapsed").
const CUMULATIVE_AFTER: usize = 16;

/// Whether the figure of the word at `k..k + n` is a running total: a marker opening its
/// sentence, or one in its clause
/// ("... have been killed since April", "five days of air strikes have left 60 dead").
fn running_total(
    inp: &PropInput,
    sentence: usize,
    range: &Range<usize>,
    k: usize,
    n: usize,
) -> bool {
    let toks = inp.toks();
    let lx = inp.lx;
    // a marker opening the sentence scopes all of it ("Since Sept. 10, when the regime declared
    // the truce over, at least 300 civilians have been killed")
    let whole = &inp.seg.sentences[sentence].tokens;
    let first_word = whole.clone().find(|&j| toks[j].is_word());
    if first_word.is_some_and(|j| lx.cumulative.longest_in(toks, j, whole.end).is_some()) {
        return true;
    }
    // a comma ends the clause (a full stop inside a sentence ends an abbreviation: "Sept.")
    let clause = |j: &usize| toks[*j].lower != ",";
    let after = (k + n..range.end.min(k + n + CUMULATIVE_AFTER)).take_while(clause);
    let before = (range.start.max(k.saturating_sub(CUMULATIVE_BEFORE))..k)
        .rev()
        .take_while(clause);
    // "in three days", "over the past two weeks" (not "three days ago")
    let duration = |j: usize| {
        let number = toks[j].kind == TokKind::Number
            || matches!(
                lx.quantities.get(&toks[j].lower),
                Some(QuantWord::Number(_))
            );
        number
            && toks
                .get(j + 1)
                .is_some_and(|u| lx.span_units.contains(&u.lower))
            && !toks
                .get(j + 2)
                .is_some_and(|p| j + 2 < range.end && lx.point_words.contains(&p.lower))
    };
    after.chain(before).any(|j| {
        lx.cumulative.longest_in(toks, j, range.end).is_some() || (j + 1 < range.end && duration(j))
    })
}

/// How many words before a subject phrase a supporter's "backed by" may stand ("backed by jets
/// from the coalition").
const SUPPORTER_REACH: usize = 6;

/// How far after a violation word its agreement may stand ("violated the fragile ceasefire").
const AGREEMENT_WINDOW: usize = 5;

/// "X violated the truce (30 times)", "199 violations of the truce by X", "X denied breaching the
/// ceasefire", "X accused Y of breaking the truce".
fn violations(
    inp: &PropInput,
    r: &Region,
    range: &Range<usize>,
    lowers: &[&str],
    local: &EventRef,
    context: &EventRef,
) -> Vec<Proposition> {
    let toks = inp.toks();
    let lx = inp.lx;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lowers.len() {
        let Some((n, &word)) = lx.violations.longest_in(toks, range.start + i, range.end) else {
            i += 1;
            continue;
        };
        let k = range.start + i;
        i += n;
        // the agreement follows closely ("violations of the truce", "violated the ceasefire")
        let window = k + n..(k + n + AGREEMENT_WINDOW).min(range.end);
        let Some((a, an)) = window.clone().find_map(|j| {
            lx.agreements
                .longest_in(toks, j, range.end)
                .map(|(m, _)| (j, m))
        }) else {
            continue;
        };
        let agreement = lowers_of(toks, a..a + an).join(" ");
        let after = a + an;
        let (violator, count, evidence_end) = match word {
            ViolationWord::Verb => {
                let of = k > range.start && toks[k - 1].lower == "of";
                let violator = if of && r.cue_type == Some(crate::model::CueType::Accuse) {
                    // "accused the rebels of violating the truce": the accused
                    inp.agent_names(range.start..k - 1).into_iter().next()
                } else {
                    let np = inp.np_before(range.start, k);
                    if np.is_empty() && (r.subjectless || k == range.start) {
                        r.speakers.first().map(|s| s.label().to_string())
                    } else {
                        inp.claim_agent(np, range.start, r.speakers)
                    }
                };
                // "30 times"
                let count = (after..(after + 4).min(range.end)).find_map(|j| {
                    let q = parse_quantity(toks, j, range.end, lx)?;
                    let e = q.tokens.end;
                    (e < range.end && lx.repetitions.contains(&toks[e].lower)).then_some((q, e + 1))
                });
                let end = count.as_ref().map_or(after, |(_, e)| *e);
                (violator, count.map(|(q, _)| q), end)
            }
            ViolationWord::Noun => {
                // "199 violations", "some 30 breaches"
                let count = (range.start.max(k.saturating_sub(4))..k)
                    .find_map(|j| parse_quantity(toks, j, k, lx).filter(|q| q.tokens.end == k));
                // "… by the rebels"
                let by = after < range.end && toks[after].lower == "by";
                let (violator, end) = if by {
                    let e = np_after(inp, after + 1, range.end);
                    (inp.agent_names(after + 1..e).into_iter().next(), e)
                } else {
                    (None, after)
                };
                (violator, count, end)
            }
        };
        let mut event = local.clone();
        event.fill_from(context);
        event.frame = Some(lx.violation_frame.as_str().into());
        event.agent = violator.as_deref().map(IStr::from);
        let start = count
            .as_ref()
            .map_or(k, |q| q.tokens.start.min(k))
            .min(inp.np_before(range.start, k).start.max(range.start));
        out.push(Proposition::new(
            r.sentence,
            r.attribution,
            start..evidence_end.max(k + n),
            PropKind::Violation {
                violator: violator.map(IStr::from),
                agreement: agreement.into(),
                count_text: count
                    .as_ref()
                    .map(|q| span_text(inp.text(), toks, q.tokens.clone()).into()),
                count: count.map(|q| q.interval),
                cumulative: running_total(inp, r.sentence, range, k, n),
                event: Box::new(event),
            },
            inp.negated_before(range.start, k),
        ));
    }
    out
}

/// How far before a casualty word a running-total marker may stand, within its clause ("five
/// days of air strikes across the province have left more than 60 civilians dead").
const CUMULATIVE_BEFORE: usize = 14;

/// Start of the clause that ends at `k` (stops at a comma after a complete phrase, "that", a cue).
fn left_clause_start(inp: &PropInput, lo: usize, k: usize) -> usize {
    let toks = inp.toks();
    let mut s = k;
    let mut steps = 0;
    while s > lo && steps < LEFT_REACH {
        let t = &toks[s - 1];
        // a count in quotation marks is read through ("left \"about 30\" dead")
        if t.kind == TokKind::CloseQuote {
            if let Some(open) = quoted_count(inp, s - 1, lo) {
                steps += s - open;
                s = open;
                continue;
            }
        }
        // (a sentence's end inside a quotation of several: "There were no fighters at the
        // market. The people killed were traders")
        if matches!(
            t.lower.as_str(),
            "that" | "which" | "who" | ";" | ":" | "." | "!" | "?"
        ) || t.is_quote()
        {
            break;
        }
        if inp.lx.cue_forms.get(&t.lower).is_some() && inp.lx.casualties.get(&t.lower).is_none() {
            break;
        }
        s -= 1;
        steps += 1;
    }
    // a count cut by the reach keeps its qualifier ("at least 15 civilians including a woman and
    // two children had been killed")
    if steps >= LEFT_REACH {
        if let Some(b) = (lo.max(s.saturating_sub(QUALIFIER_WORDS))..s).find(|&b| {
            !toks[b..s].iter().any(|t| t.is_quote())
                && parse_quantity(toks, b, k, inp.lx).is_some_and(|q| q.tokens.end > s)
        }) {
            s = b;
        }
    }
    s
}

/// How many words before a casualty word its count may stand ("20 civilians and one of its staff
/// were killed").
const LEFT_REACH: usize = 10;

/// Most words of a qualifier before a number ("no fewer than").
const QUALIFIER_WORDS: usize = 3;

/// The opening mark of a quotation that closes at `close` and holds only a count ("\"about
/// 30\""), if it opens at or after `lo`.
fn quoted_count(inp: &PropInput, close: usize, lo: usize) -> Option<usize> {
    let toks = inp.toks();
    let open = (lo..close)
        .rev()
        .take(QUOTED_COUNT_WORDS + 1)
        .find(|&j| toks[j].kind == TokKind::OpenQuote)?;
    parse_quantity(toks, open + 1, close, inp.lx)
        .is_some_and(|q| q.tokens.end == close)
        .then_some(open)
}

/// How far before a count a hedge bears on it ("was probably at the low end of").
const COUNT_HEDGE_WORDS: usize = 3;

/// Most words of a count in quotation marks ("\"no fewer than 30\"").
const QUOTED_COUNT_WORDS: usize = 5;

/// The count that linking words after a casualty word lead to, starting at `j` and before
/// `limit`: determiners, hedges, `@link` words and an opening quotation mark may stand before it ("killing
/// the 20", "the death toll has risen to 31", "among the dead were 12", "killed \"at least 30\"").
fn linked_count(inp: &PropInput, mut j: usize, end: usize, limit: usize) -> Option<Quantity> {
    let toks = inp.toks();
    let lx = inp.lx;
    while j < end.min(limit) {
        if let Some(q) = parse_quantity(toks, j, end, lx) {
            return Some(q);
        }
        let det = matches!(lx.fn_class_of(&toks[j]), Some(FnClass::Det));
        // "the toll was probably at the low end of ...": a hedge before the count
        let hedge = lx.hedges.contains_key(&toks[j].lower);
        // "killed another three people": an increment (see `counted_before`)
        let increment = lx.increment_before.contains(&toks[j].lower);
        if !det
            && !hedge
            && !increment
            && !lx.casualty_links.contains(&toks[j].lower)
            && toks[j].kind != TokKind::OpenQuote
        {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether a casualty word of `measure` stands before token `before`, in its sentence or the one
/// before it: what "another" adds to.
fn counted_before(inp: &PropInput, sentence: usize, before: usize, measure: &str) -> bool {
    let sents = &inp.seg.sentences;
    let Some(here) = sents.get(sentence) else {
        return false;
    };
    let toks = inp.toks();
    let counted = |r: Range<usize>| {
        let end = r.end;
        r.into_iter().any(|j| {
            inp.lx
                .casualties
                .longest_in(toks, j, end)
                .is_some_and(|(_, m)| m == measure)
        })
    };
    if counted(here.tokens.start..before) {
        return true;
    }
    // the sentence before counts toward this one only about the same place ("another child
    // was killed in the village. Shelling in the town of Musraba killed another three": the
    // town's own toll)
    let Some(prev) = sentence.checked_sub(1).and_then(|p| sents.get(p)) else {
        return false;
    };
    let places = inp.places(here.tokens.start..before);
    let before_places = inp.places(prev.tokens.clone());
    let elsewhere = !places.is_empty() && !places.iter().any(|p| before_places.contains(p));
    !elsewhere && counted(prev.tokens.start..prev.tokens.end.min(before))
}

/// Whether a casualty word of another measure than `measure` follows a count ending at `p`, past
/// forms of "to be" ("five injured", "25 were wounded").
fn counted_by_next(inp: &PropInput, p: usize, end: usize, measure: &str) -> bool {
    let toks = inp.toks();
    let mut j = p;
    while j < end && inp.lx.be_forms.contains(&toks[j].lower) {
        j += 1;
    }
    inp.lx
        .casualties
        .longest_in(toks, j, end)
        .is_some_and(|(_, m)| m != measure)
}

/// Whether the casualty word at `k..k + n` ends a toll noun ("the death toll", "the number of
/// dead").
fn names_toll(inp: &PropInput, lo: usize, k: usize, n: usize) -> bool {
    let toks = inp.toks();
    (lo.max(k.saturating_sub(TOLL_NOUN_WORDS))..=k).any(|s| {
        inp.lx
            .toll_nouns
            .longest_in(toks, s, k + n)
            .is_some_and(|(m, _)| s + m == k + n)
    })
}

/// Most words of a toll noun before its casualty word ("number of people killed").
const TOLL_NOUN_WORDS: usize = 3;

/// A responsibility proposition of claim `r` over `range`: `agent` did `event` (whose agent it
/// becomes), blamed firmly and not through a toll.
fn deed(
    r: &Region,
    range: Range<usize>,
    agent: String,
    mut event: EventRef,
    negated: bool,
) -> Proposition {
    event.agent = Some(agent.as_str().into());
    Proposition::new(
        r.sentence,
        r.attribution,
        range,
        PropKind::Responsibility {
            agent: agent.into(),
            event: Box::new(event),
            alternative: false,
            via_toll: false,
        },
        negated,
    )
}

/// The clause a content calls false: a statement noun (`anaphor` and `statement_anaphor`
/// rows: "the information", "claims"), "that" or a topic word (`topic` rows: "about",
/// "regarding"), the clause, then a copula with a negated truth word or a falsity phrase ("is not
/// true", "are baseless", "is a blatant lie"). `None` when the content calls no clause false.
fn called_false(inp: &PropInput, range: &Range<usize>) -> Option<Range<usize>> {
    let toks = inp.toks();
    let lx = inp.lx;
    let noun = range.clone().find(|&k| {
        let w = toks[k].lower.as_str();
        (lx.deny_anaphors.contains(w) || lx.statement_anaphors.contains(w))
            && !lx.pronouns.contains_key(w)
            && !matches!(lx.fn_class(w), Some(FnClass::Det | FnClass::Sub))
    })?;
    // "that" or "about" after the noun and a few words ("spread by the Armenian side")
    let that = (noun + 1..range.end.min(noun + 1 + FALSE_CLAIM_NOUN_WORDS))
        .find(|&k| toks[k].lower == "that" || lx.claim_topics.contains(toks[k].lower.as_str()))?;
    // the copula closing the clause, then "not true" or a falsity phrase
    (that + 2..range.end).find_map(|b| {
        if !lx.be_forms.contains(&toks[b].lower) {
            return None;
        }
        let next = toks.get(b + 1).filter(|_| b + 1 < range.end)?;
        let negated_truth = lx.has(WordList::Negation, next)
            && toks
                .get(b + 2)
                .is_some_and(|t| b + 2 < range.end && lx.truth_words.contains(&t.lower));
        (negated_truth || super::attrib::falsity_end(toks, b + 1, range.end, lx, true).is_some())
            .then_some(that + 1..b)
    })
}

/// Most words naming whose involvement a denial denies before the event ("any involvement of
/// its elements in the attack").
const INVOLVED_WORDS: usize = 3;

/// How far after a casualty word the "by" naming who caused the deaths may stand ("the
/// killing of 12 civilians in the village of Niem by the 3R terrorists").
const BY_AGENT_REACH: usize = 12;

/// Most words between a statement noun and the "that" of the clause it calls false.
const FALSE_CLAIM_NOUN_WORDS: usize = 10;

/// Most lower-case words between "the" and a place head in "the ... town of X".
const PLACE_HEAD_MODIFIERS: usize = 2;

/// How far after a toll noun its count may stand, past a phrase naming the event ("the death
/// toll from Sunday's air strike on the bakery in Bexan has risen to 38").
const TOLL_REACH: usize = 16;

/// The count of a toll noun ending before `p`, past a phrase that names the event: the first
/// linking word (not "of": "the toll of the strike on 3 villages") that leads to a count ("the
/// death toll from the strike on the bakery at 38"). The phrase ends at a punctuation mark, a
/// relative word, a cue or another casualty word.
fn toll_count(inp: &PropInput, p: usize, end: usize) -> Option<Quantity> {
    let toks = inp.toks();
    let lx = inp.lx;
    for j in p..end.min(p + TOLL_REACH) {
        let t = &toks[j];
        if !(t.is_word() || t.kind == TokKind::Number)
            || matches!(lx.fn_class_of(t), Some(FnClass::Sub))
            || lx.casualties.longest_in(toks, j, end).is_some()
            // (a capitalized cue form is a name's word: "Tell Abyad")
            || (lx.cue_forms.get(&t.lower).is_some()
                && !t.cap
                && !lx.casualty_links.contains(&t.lower))
        {
            return None;
        }
        if t.lower != "of" && lx.casualty_links.contains(&t.lower) {
            if let Some(q) = linked_count(inp, j, end, j + 5) {
                return Some(q);
            }
        }
    }
    None
}

/// The figure a toll replaced, named next to its count `q` (`@previous` rows): after it ("rose
/// to 45, up from 38") or before its link word ("rose from 20 to 38").
fn previous_figure(inp: &PropInput, q: &Quantity, end: usize) -> Option<Interval> {
    let toks = inp.toks();
    let lx = inp.lx;
    let marker_at = |j: usize| {
        lx.previous_markers
            .iter()
            .filter(|m| {
                j + m.len() <= end && m.iter().enumerate().all(|(o, w)| toks[j + o].lower == *w)
            })
            .map(Vec::len)
            .max()
    };
    // after: ", up from 38" (past the counted noun: "45 people, up from 38")
    for j in q.tokens.end..end.min(q.tokens.end + PREVIOUS_REACH) {
        if let Some(n) = marker_at(j) {
            // a count of something else is no earlier toll ("12 people from 3 families")
            let p = parse_quantity(toks, j + n, end, lx)?;
            let counted = toks
                .get(p.tokens.end)
                .is_some_and(|t| p.tokens.end < end && t.is_word() && lx.fn_class_of(t).is_none());
            return (!counted).then_some(p.interval);
        }
    }
    // before: "from 20 to 38"
    let link = q.tokens.start.checked_sub(1)?;
    if !lx.casualty_links.contains(&toks[link].lower) {
        return None;
    }
    (q.tokens.start.saturating_sub(PREVIOUS_REACH + 1)..link).find_map(|m| {
        let n = marker_at(m)?;
        parse_quantity(toks, m + n, link, lx)
            .filter(|p| p.tokens.end == link)
            .map(|p| p.interval)
    })
}

/// Most tokens between a toll's count and the marker of the figure it replaced.
const PREVIOUS_REACH: usize = 4;

/// The counted noun after a quantity ("90 soldiers", "18 of 31 trucks", "one of its staff") and
/// the token after it. A preposition other than "of" ("killed 20 on Monday", "killed 60 with 80
/// percent ..."), a time word, a unit, a verb ("killed 40 using barrel bombs") or another count
/// ("26 people nine of whom were pupils") ends the noun or says there is none.
fn victims_after(inp: &PropInput, mut i: usize, end: usize) -> Option<(String, usize)> {
    let toks = inp.toks();
    let lx = inp.lx;
    let mut steps = 0;
    // a verb without a tagger, but not a participle used as an adjective ("armed men",
    // "alleged rebels")
    let verb = |w: &str| {
        lx.verb_forms.contains(w)
            || lx.responsibility.get(w).is_some()
            || lx.control.get(w).is_some()
    };
    // a word before a determiner is no noun ("six children outside the city")
    let followed_by_det = |j: usize| {
        toks.get(j + 1)
            .is_some_and(|t| j + 1 < end && matches!(lx.fn_class_of(t), Some(FnClass::Det)))
    };
    // an "-ed" word before a noun is an adjective ("armed fighters"); before a preposition, a
    // participle ("vehicles equipped with", "fighters backed by"); after the noun an "-ing" word
    // is a participle ("civilians fleeing across the river")
    let adjective = |j: usize| {
        toks.get(j + 1).is_some_and(|t| {
            j + 1 < end
                && t.kind == TokKind::Word
                && lx.fn_class_of(t).is_none()
                && lx.casualties.get(&t.lower).is_none()
        })
    };
    // a word that heads a partitive ("most of which", "many of them")
    let partitive = |j: usize| {
        j + 2 < end
            && toks[j + 1].lower == "of"
            && matches!(
                lx.fn_class_of(&toks[j + 2]),
                Some(FnClass::Sub | FnClass::Obj)
            )
    };
    let count_word = |w: &str| {
        matches!(
            lx.quantities.get(w),
            Some(
                QuantWord::Number(_)
                    | QuantWord::Multiplier(_)
                    | QuantWord::Unit
                    | QuantWord::Vague(..)
            )
        )
    };
    let mut after_of = false;
    while i < end && steps < 5 {
        let t = &toks[i];
        // the closing mark of a quoted count
        if t.kind == TokKind::CloseQuote && steps == 0 {
            i += 1;
            steps += 1;
            continue;
        }
        let det = matches!(lx.fn_class_of(t), Some(FnClass::Det));
        if det || t.lower == "of" || (after_of && t.kind == TokKind::Number) {
            after_of = t.lower == "of";
            i += 1;
            steps += 1;
            continue;
        }
        if t.kind != TokKind::Word
            || lx.fn_class_of(t).is_some()
            // (a casualty phrase: "26 hostages embraced shahadat")
            || lx.casualties.longest_in(toks, i, end).is_some()
            || lx.has(WordList::Time, t)
            || count_word(&t.lower)
            || verb(&t.lower)
            // "adding that", "two of them critically"
            || (t.lower.ends_with("ing") && !adjective(i))
            || (lx.cue_forms.get(&t.lower).is_some() && !t.lower.ends_with("ed"))
            || lx.is_ly_adverb(t)
            // a participle with its agent: "the 471 reported by the ministry"
            || (t.lower.ends_with("ed") && toks.get(i + 1).is_some_and(|n| i + 1 < end && n.lower == "by"))
        {
            return None;
        }
        // skip adjectives ("Syrian army soldiers"): take the last word of up to three
        let mut e = i;
        while e + 1 < end
            && e - i < 2
            && toks[e + 1].kind == TokKind::Word
            && lx.fn_class_of(&toks[e + 1]).is_none()
            && lx.casualties.longest_in(toks, e + 1, end).is_none()
            && !lx.has(WordList::Time, &toks[e + 1])
            && !count_word(&toks[e + 1].lower)
            && !verb(&toks[e + 1].lower)
            && (!toks[e + 1].lower.ends_with("ed") || adjective(e + 1))
            && !toks[e + 1].lower.ends_with("ing")
            && !followed_by_det(e + 1)
            && lx.cue_forms.get(&toks[e + 1].lower).is_none()
            && !partitive(e + 1)
        {
            e += 1;
        }
        return Some((toks[e].lower.clone(), e + 1));
    }
    None
}

/// The parts that follow a casualty figure from `p`, each a count with its victims (a count
/// without a noun is none) and the token after it: a list after an opener ("including nine children and four women", "among them three
/// women") or a partitive ("nine of whom were pupils", "nine of them children").
fn figure_parts(inp: &PropInput, p: usize, end: usize) -> Vec<(Quantity, String, usize)> {
    let toks = inp.toks();
    let lx = inp.lx;
    let mut out = Vec::new();
    let mut p = p;
    if p < end && (toks[p].lower == "," || toks[p].kind == TokKind::Dash) {
        p += 1;
    }
    if let Some((m, _)) = lx.part_openers.longest_in(toks, p, end) {
        let mut j = p + m;
        let count = |j: usize| {
            parse_quantity(toks, j, end, lx).or_else(|| {
                (j < end && lx.part_articles.contains(&toks[j].lower)).then(|| Quantity {
                    interval: Interval::exact(1),
                    tokens: j..j + 1,
                })
            })
        };
        while let Some(q) = count(j) {
            // a count without a noun is no part ("including 13 civilians and more than 30
            // wounded": a figure of its own)
            let Some((v, e)) = victims_after(inp, q.tokens.end, end) else {
                break;
            };
            out.push((q, v, e));
            j = e;
            // "nine children and four women", "nine children, four women and two men"
            let joined = j + 1 < end
                && (toks[j].lower == ","
                    || matches!(lx.fn_class_of(&toks[j]), Some(FnClass::Conj)));
            if !joined {
                break;
            }
            j += 1;
        }
        return out;
    }
    // "nine of whom were pupils", "nine of them children"
    if let Some(q) = parse_quantity(toks, p, end, lx) {
        let of = q.tokens.end;
        let group = of + 1;
        if group < end
            && toks[of].lower == "of"
            && matches!(
                lx.fn_class_of(&toks[group]),
                Some(FnClass::Obj | FnClass::Sub)
            )
        {
            let mut j = group + 1;
            while j < end && lx.be_forms.contains(&toks[j].lower) {
                j += 1;
            }
            if let Some((v, e)) = victims_after(inp, j, end) {
                out.push((q, v, e));
            }
        }
    }
    out
}

/// Control claims about part of a place, and attacks turned back:
/// - "X captured several army positions in PLACE" (or "in the area": the place the report is
///   about): X gained part of PLACE;
/// - "X repelled the (Y) attack on (villages in) PLACE": X held PLACE against Y.
fn partial_control(
    inp: &PropInput,
    r: &Region,
    lowers: &[&str],
    context: &EventRef,
    local: &EventRef,
) -> Vec<Proposition> {
    let toks = inp.toks();
    let lx = inp.lx;
    let range = r.tokens.clone();
    let mut out = Vec::new();
    // a word that ends the object phrase: punctuation, a clause word, another predicate
    let stops = |k: usize| {
        !toks[k].is_word()
            || matches!(
                lx.fn_class_of(&toks[k]),
                Some(FnClass::Sub | FnClass::ClauseConj | FnClass::Conj)
            )
    };
    // the place after a preposition: (place, reached through a common noun)
    // a country is too wide for part of it to be held against an attack ("an air base in
    // Syria")
    let too_wide = |p: &str| {
        lx.places
            .get(&p.to_lowercase())
            .is_some_and(|pl| pl.parent.is_none())
    };
    // (and the token after the name, where coordinated places may follow)
    let place_after = |from: usize| -> Option<(String, bool, usize)> {
        let end = (from + 8).min(range.end);
        let mut k = from;
        let mut common = false;
        while k < end && !stops(k) {
            if toks[k].cap {
                let (p, next) = inp.proper_name(k, range.end);
                return p.filter(|p| !too_wide(p)).map(|p| (p, common, next));
            }
            let w = toks[k].lower.as_str();
            if w == "area" || w == "region" {
                // "in the area": the place the report is about
                return context
                    .places
                    .first()
                    .filter(|p| !too_wide(p))
                    .map(|p| (p.to_string(), true, k + 1));
            }
            // "the village of Morek" is Morek; "villages in Hama province" part of it
            let function = matches!(lx.fn_class(w), Some(FnClass::Det | FnClass::Prep));
            let head_of =
                lx.place_heads.contains(w) && toks.get(k + 1).is_some_and(|t| t.lower == "of");
            if !function && !head_of {
                common = true;
            }
            k += 1;
        }
        None
    };
    let time_of = |from: usize, place: &str| {
        find_time(inp.text(), toks, from..range.end, lx, inp.doc.date)
            .or_else(|| local.time.clone())
            .or_else(|| {
                context
                    .time
                    .clone()
                    .filter(|_| context.places.iter().any(|p| p == place))
            })
    };
    let intention = |k: usize| {
        let mut b = k;
        while b > range.start + 1 && lx.is_ly_adverb(&toks[b - 1]) {
            b -= 1;
        }
        b > range.start && toks[b - 1].lower == "to"
    };
    let mut i = 0;
    while i < lowers.len() {
        let k = range.start + i;
        // "X captured several army positions in PLACE"
        if let Some((n, &(ControlChange::Gain, false))) = lx.control.longest_in(toks, k, range.end)
        {
            i += n;
            let obj = k + n;
            if intention(k) {
                continue;
            }
            // the object: determiners, numbers, quantifiers, a party's name, then a held noun
            let mut j = obj;
            while j < range.end && j < obj + 5 && !stops(j) && !lx.has(WordList::HeldNoun, &toks[j])
            {
                j += 1;
            }
            if j >= range.end || !lx.has(WordList::HeldNoun, &toks[j]) || toks[obj].cap {
                continue;
            }
            let Some((place, _, _)) = (j + 1 < range.end
                && matches!(
                    toks[j + 1].lower.as_str(),
                    "in" | "near" | "around" | "across"
                ))
            .then(|| place_after(j + 2))
            .flatten() else {
                continue;
            };
            let np = inp.np_before(range.start, k);
            let holder = if np.is_empty() {
                r.speakers.first().map(|s| s.label().to_string())
            } else {
                inp.claim_agent(np.clone(), range.start, r.speakers)
            };
            let Some(holder) = holder else { continue };
            let time = time_of(k, &place);
            out.push(Proposition::new(
                r.sentence,
                r.attribution,
                np.start.min(k)..(j + 1).min(range.end),
                PropKind::Control {
                    place: place.into(),
                    holder: holder.into(),
                    change: ControlChange::Gain,
                    time,
                    partial: true,
                    repelled: false,
                    attacker: None,
                },
                inp.negated_before(range.start, k),
            ));
            continue;
        }
        // "X repelled the (Y) attack on PLACE"
        let Some((n, _)) = lx.repel.longest_in(toks, k, range.end) else {
            i += 1;
            continue;
        };
        i += n;
        let obj = k + n;
        if intention(k) {
            continue;
        }
        let Some(a) = (obj..(obj + 5).min(range.end))
            .take_while(|&j| !stops(j))
            .find(|&j| lx.assault_nouns.contains(&toks[j].lower))
        else {
            continue;
        };
        // the attacker: named before the noun ("the IS attack") or after "by" or "of" ("the
        // attack of the rebels on PLACE")
        let mut after = a + 1;
        let mut attacker = inp.party_of(obj..a);
        let place_prep = |j: usize| {
            matches!(
                toks[j].lower.as_str(),
                "on" | "against" | "in" | "near" | "at" | "targeting"
            )
        };
        if attacker.is_none()
            && after < range.end
            && matches!(toks[after].lower.as_str(), "by" | "of")
        {
            // (the attacker's phrase ends before the place: "the attack of the TPLF on Abiy Addi")
            let e = np_after(inp, after + 1, range.end);
            let e = (after + 2..e).find(|&j| place_prep(j)).unwrap_or(e);
            attacker = inp.agent_name(after + 1..e);
            after = e;
        }
        // the place: after "on", "against", "in", "near", "at", or "to attack" ("an attempt to
        // attack Aleppo")
        let mut p = after;
        if p + 1 < range.end
            && toks[p].lower == "to"
            && lx.assault_nouns.contains(&toks[p + 1].lower)
        {
            p += 2;
        } else if p < range.end && place_prep(p) {
            p += 1;
        } else {
            continue;
        }
        let Some((place, partial, next)) = place_after(p) else {
            continue;
        };
        let more = inp.coordinated_places(&place, next, range.end);
        let np = inp.np_before(range.start, k);
        let holder = if np.is_empty() {
            r.speakers.first().map(|s| s.label().to_string())
        } else {
            inp.claim_agent(np.clone(), range.start, r.speakers)
        };
        let Some(holder) = holder else { continue };
        if attacker.as_ref() == Some(&holder) {
            continue; // a misread phrase: no one turns back their own attack
        }
        let time = time_of(k, &place);
        let negated = inp.negated_before(range.start, k);
        for place in std::iter::once(place).chain(more) {
            out.push(Proposition::new(
                r.sentence,
                r.attribution,
                np.start.min(k)..(a + 1).min(range.end),
                PropKind::Control {
                    place: place.into(),
                    holder: holder.as_str().into(),
                    change: ControlChange::Hold,
                    time: time.clone(),
                    partial,
                    repelled: true,
                    attacker: attacker.as_deref().map(IStr::from),
                },
                negated,
            ));
        }
    }
    out
}

/// A party's forces placed in the war ([`PropKind::Presence`]): a force noun (`presence_force`
/// rows: "troops", "units of X") owned by a listed party or the speaker ("Eritrean troops",
/// "its soldiers"), then a `presence` predicate ("fought alongside the army", "deployed",
/// "involved in these battles") or a form of "be" and "in" ("its troops were in Congo"); or
/// "there were no X soldiers in PLACE". A negation before the predicate denies the presence.
fn presence(inp: &PropInput, r: &Region) -> Vec<Proposition> {
    let toks = inp.toks();
    let lx = inp.lx;
    let range = r.tokens.clone();
    let mut out = Vec::new();
    let be = |k: usize| lx.be_forms.contains(&toks[k].lower);
    // (the end of the last owner read after "of": its own force noun is no second claim)
    let mut covered = range.start;
    for k in range.clone() {
        if !lx.presence_forces.contains(&toks[k].lower) || toks[k].in_quote || k < covered {
            continue;
        }
        // the owner: before the noun ("Eritrean troops", "no RDF soldiers", "its troops"), or
        // after "of" ("units of the Rwanda Defence Force (RDF)")
        // (the owner's words right before the noun: names, a party's words, a possessive, "no")
        let mut b = k;
        while b > range.start
            && b + 5 > k
            && toks[b - 1].is_word()
            && (toks[b - 1].cap
                || inp.in_mention(b - 1)
                || toks[b - 1].lower == "no"
                || (lx.pronouns.contains_key(&toks[b - 1].lower)
                    && matches!(lx.fn_class_of(&toks[b - 1]), Some(FnClass::Det))))
        {
            b -= 1;
        }
        let before = b..k;
        let mut p = k + 1;
        let mut owner = before.clone();
        if p + 1 < range.end && toks[p].lower == "of" {
            let e = np_after(inp, p + 1, range.end);
            if e > p + 1 {
                owner = p + 1..e;
                p = e;
            }
        }
        // "(RDF)": an abbreviation in brackets
        if p + 2 < range.end && toks[p].lower == "(" && toks[p + 2].lower == ")" {
            p += 3;
        }
        covered = p;
        let possessive = !owner.is_empty()
            && lx.pronouns.contains_key(&toks[owner.start].lower)
            && matches!(lx.fn_class_of(&toks[owner.start]), Some(FnClass::Det));
        let party = if possessive {
            r.speakers
                .first()
                .and_then(|s| s.party.as_deref().map(str::to_string))
        } else if owner == before {
            // (with the noun: "Eritrean troops" is an alias as a whole)
            inp.party_of(owner.start..k + 1)
        } else {
            inp.party_of(owner.clone())
        };
        let Some(party) = party else { continue };
        // "there were no X soldiers": an existential before the noun phrase
        let s0 = before.start.min(k);
        let existential = s0 >= range.start + 2 && toks[s0 - 2].lower == "there" && be(s0 - 1)
            || (s0 >= range.start + 3
                && toks[s0 - 3].lower == "there"
                && be(s0 - 2)
                && toks[s0 - 1].lower == "no");
        // the predicate, after auxiliaries, negation and adverbs
        let mut q = p;
        let mut saw_be = false;
        // (a relative clause: "Hamas fighters who were operating in the compound")
        if q < range.end && matches!(lx.fn_class_of(&toks[q]), Some(FnClass::Sub)) {
            q += 1;
        }
        let start = q;
        while q < range.end
            && q < start + 4
            && (matches!(lx.fn_class_of(&toks[q]), Some(FnClass::Aux))
                || lx.has(WordList::Negation, &toks[q])
                || lx.is_ly_adverb(&toks[q])
                || be(q))
        {
            saw_be |= be(q);
            q += 1;
        }
        let place_prep =
            |j: usize| j < range.end && matches!(toks[j].lower.as_str(), "in" | "inside");
        let (after, alongside) = match lx.presence.longest_in(toks, q, range.end) {
            Some((n, &with)) => {
                let a = q + n;
                // ("fought alongside X": the side they fight with)
                let alongside = with
                    .then(|| inp.party_of(a..np_after(inp, a, range.end)))
                    .flatten();
                (a, alongside)
            }
            None if (existential && q == p) || (saw_be && place_prep(q)) => (q, None),
            // a noun phrase that places them: "the positions of the Wagner mercenaries in
            // Koui" (a place must follow)
            None if q == p && place_prep(q) => (q, None),
            None => continue,
        };
        // where: "in PLACE" right after the predicate (or its partner)
        let mut place = None;
        let mut end = after;
        if let Some(j) = (after..(after + 6).min(range.end)).find(|&j| place_prep(j)) {
            if let (Some(pl), e) = inp.proper_name(j + 1, range.end) {
                place = Some(pl);
                end = e;
            } else {
                // a country, whose name is also a party's ("in Ukraine")
                let run = (j + 1..(j + 4).min(range.end))
                    .take_while(|&i| toks[i].cap && toks[i].is_word())
                    .count();
                if let Some((n, pl)) = (1..=run).rev().find_map(|n| {
                    let w = lowers_of(toks, j + 1..j + 1 + n).join(" ");
                    lx.places.place(&w).map(|pl| (n, pl.canonical.clone()))
                }) {
                    place = Some(pl);
                    end = j + 1 + n;
                }
            }
        }
        if q == p
            && !existential
            && place.is_none()
            && lx.presence.longest_in(toks, q, range.end).is_none()
        {
            continue;
        }
        let negated = (s0.saturating_sub(1).max(range.start)..q)
            .any(|j| lx.has(WordList::Negation, &toks[j]));
        out.push(Proposition::new(
            r.sentence,
            r.attribution,
            s0..end.min(range.end),
            PropKind::Presence {
                party: party.into(),
                place: place.map(IStr::from),
                alongside: alongside.map(IStr::from),
            },
            negated,
        ));
    }
    out
}

/// Most words before a site's noun that still belong to its phrase ("no resistance fighters",
/// "about 2,000 displaced people", "the fleeing terrorist column").
const TARGET_NP_WORDS: usize = 4;

/// How far before the preposition of "a strike ... on N" the attack's word may stand ("a strike
/// with Iskander-M missiles on a deployment point").
const TARGET_ATTACK_REACH: usize = 8;

/// What the site of an attack held ([`PropKind::Target`], `targets.tsv`): a noun for armed men,
/// a military facility or civilians, placed there by
/// - an existential: "there were no fighters inside the school";
/// - a predicate after it: "Hamas militants operating from the compound", "no civilians were
///   present in the section struck";
/// - a predicate before it: "the school housed a command centre", "crowded with displaced
///   families";
/// - "the presence of": "the claims about the presence of a command centre are lies" (the
///   statement called false turns it into a denial);
/// - for armed men, the attack's object: "strikes on the fleeing terrorist column".
///
/// `event` is the region's, filled from the one in context: a site with no attack in view is
/// none.
fn targets(inp: &PropInput, r: &Region, event: &EventRef) -> Vec<Proposition> {
    use crate::lexicon::TargetWord;
    if event.frame.is_none() {
        return Vec::new();
    }
    let toks = inp.toks();
    let lx = inp.lx;
    let range = r.tokens.clone();
    let be = |k: usize| lx.be_forms.contains(&toks[k].lower);
    let mut out = Vec::new();
    let mut k = range.start;
    while k < range.end {
        // the noun: a phrase of its own, or an armed modifier and the noun after it
        let (s, e, armed) = match lx.targets.longest_in(toks, k, range.end) {
            Some((n, TargetWord::Armed)) => (k, k + n, true),
            Some((n, TargetWord::Civilian)) => (k, k + n, false),
            Some((n, TargetWord::ArmedModifier))
                if k + n < range.end
                    && toks[k + n].is_word()
                    && lx.fn_class_of(&toks[k + n]).is_none() =>
            {
                // ("terrorist fighters": the longer armed noun)
                let e = match lx.targets.longest_in(toks, k + n, range.end) {
                    Some((m, TargetWord::Armed)) => k + n + m,
                    _ => k + n + 1,
                };
                (k, e, true)
            }
            Some((n, _)) => {
                k += n;
                continue;
            }
            None => {
                k += 1;
                continue;
            }
        };
        k = e;
        // the phrase's words before the noun: determiners, modifiers, a count
        let mut b = s;
        while b > range.start
            && b + TARGET_NP_WORDS > s
            && (toks[b - 1].kind == TokKind::Number
                || lx.quantities.get(&toks[b - 1].lower).is_some()
                || (toks[b - 1].is_word()
                    && !be(b - 1)
                    && !lx.is_verb_form(&toks[b - 1].lower)
                    && lx.targets.get(&toks[b - 1].lower).is_none()
                    && matches!(lx.fn_class_of(&toks[b - 1]), None | Some(FnClass::Det))))
        {
            b -= 1;
        }
        let no = (b..s).any(|j| lx.has(WordList::Negation, &toks[j]));
        // "there were no fighters", "there were not any fighters"
        let existential = (2..=3).any(|d| {
            b >= range.start + d
                && toks[b - d].lower == "there"
                && be(b - d + 1)
                && (d == 2 || lx.has(WordList::Negation, &toks[b - 1]))
        });
        // after the noun: a relative word, auxiliaries, a negation, then the predicate
        let mut q = e;
        if q < range.end && matches!(lx.fn_class_of(&toks[q]), Some(FnClass::Sub)) {
            q += 1;
        }
        let pred_from = q;
        while q < range.end
            && q < pred_from + 3
            && (be(q)
                || matches!(lx.fn_class_of(&toks[q]), Some(FnClass::Aux))
                || lx.has(WordList::Negation, &toks[q]))
        {
            q += 1;
        }
        // ("were operating in", "were present", or a form of "be" and a place's preposition:
        // "no civilians were in the area")
        let present_after = matches!(
            lx.targets.longest_in(toks, q, range.end),
            Some((_, TargetWord::Present))
        ) || (q < range.end
            && (pred_from..q).any(be)
            && lx.place_preps.contains(toks[q].lower.as_str()));
        let negated_after = (pred_from..q).any(|j| lx.has(WordList::Negation, &toks[j]));
        // before the phrase: "housed a command centre", "the presence of"
        let held_before = (b.saturating_sub(3).max(range.start)..b).find(|&j| {
            matches!(
                lx.targets.longest_in(toks, j, b),
                Some((n, TargetWord::Held)) if j + n == b
            )
        });
        let presence_of = b >= range.start + 2
            && toks[b - 1].lower == "of"
            && matches!(
                lx.targets.longest_in(toks, b - 2, b),
                Some((1, TargetWord::Presence))
            );
        // the object of an attack: "strikes on the terrorist column", "struck militants"
        let attacked = armed
            && b > range.start
            && ({
                let p = b - 1;
                let prep = matches!(lx.fn_class_of(&toks[p]), Some(FnClass::Prep));
                let from = if prep { p } else { b };
                (from.saturating_sub(TARGET_ATTACK_REACH).max(range.start)..from)
                    .rev()
                    .take(if prep { TARGET_ATTACK_REACH } else { 1 })
                    .any(|j| {
                        lx.frames.longest_in(toks, j, from).is_some()
                            || matches!(
                                lx.responsibility.longest_in(toks, j, from),
                                Some((n, AgentRelation::Subject)) if j + n == from
                            )
                    })
            });
        // "found no evidence that fighters were present": the clause is denied
        let no_evidence = (range.start + 2..b).any(|j| {
            toks[j].lower == "that"
                && matches!(
                    lx.targets.longest_in(toks, j - 1, j),
                    Some((_, TargetWord::Evidence))
                )
                && lx.has(WordList::Negation, &toks[j - 2])
        });
        let negated = no_evidence
            != if existential {
                no || (b.saturating_sub(3).max(range.start)..b)
                    .any(|j| lx.has(WordList::Negation, &toks[j]))
            } else if present_after {
                no || negated_after
            } else if let Some(h) = held_before {
                no || (h.saturating_sub(2).max(range.start)..h)
                    .any(|j| lx.has(WordList::Negation, &toks[j]))
            } else if presence_of || attacked {
                false
            } else {
                continue;
            };
        let end = if present_after {
            (q + 1).min(range.end)
        } else {
            e
        };
        out.push(Proposition::new(
            r.sentence,
            r.attribution,
            b.min(held_before.unwrap_or(b))..end,
            PropKind::Target {
                armed,
                what: lowers_of(toks, s..e).join(" ").into(),
                event: Box::new(event.clone()),
            },
            negated,
        ));
    }
    out
}

pub(super) fn np_after(inp: &PropInput, p: usize, end: usize) -> usize {
    let toks = inp.toks();
    let mut i = p;
    let lx = inp.lx;
    let predicate = |w: &str| {
        lx.casualties.get(w).is_some()
            || lx.control.get(w).is_some()
            || lx.responsibility.get(w).is_some()
            || lx.cue_forms.get(w).is_some()
    };
    while i < end
        && toks[i].is_word()
        && !matches!(
            inp.lx.fn_class_of(&toks[i]),
            Some(FnClass::Sub | FnClass::Aux | FnClass::ClauseConj)
        )
        && (!predicate(&toks[i].lower) || inp.in_mention(i))
    {
        if i > p {
            let class = inp.lx.fn_class_of(&toks[i]);
            // a preposition ends the phrase, except inside a name ("the Army of Conquest"); a
            // determiner opens another ("the Army of Victory a coalition of factions": an
            // apposition stripped of its commas)
            let in_name = toks[i - 1].cap && i + 1 < end && toks[i + 1].cap;
            if (class == Some(FnClass::Prep) && !in_name) || class == Some(FnClass::Det) {
                break;
            }
        }
        i += 1;
    }
    // "controlled by an opposition alliance and is targeted by ...": a conjunction the phrase
    // ends on joins the next clause, not another conjunct
    while i > p + 1 && matches!(inp.lx.fn_class_of(&toks[i - 1]), Some(FnClass::Conj)) {
        i -= 1;
    }
    i
}

/// Whether two victim nouns count the same kind of people.
pub fn same_victims(a: &str, b: &str, lx: &Lexicon) -> bool {
    a == b || lx.generic_victims.contains(a) && lx.generic_victims.contains(b)
}

/// The event context of each sentence: what it describes, or what the nearest earlier sentence
/// (up to three back) described.
/// How many sentences at the head of a document (its headline and lead) may name its topic.
const LEAD_SENTENCES: usize = 3;

/// The event context of each sentence. `sources` holds, per sentence, the token ranges of its
/// attributions' sources: a place named only there is who spoke ("Damascus denied"), not where
/// anything happened.
pub fn sentence_contexts(inp: &PropInput, sources: &[Vec<Range<usize>>]) -> Vec<EventRef> {
    let mut out: Vec<EventRef> = Vec::with_capacity(inp.seg.sentences.len());
    let mut last: Option<(usize, EventRef)> = None;
    let mut topic: Option<EventRef> = None;
    for (s, sent) in inp.seg.sentences.iter().enumerate() {
        let mut ev = inp.local_event(sent.tokens.clone());
        // the places of its sources ("the Britain-based Observatory") and of the clauses that
        // open a period ("since it intervened in Syria in 2015") are not the event's
        let mut cuts: Vec<Range<usize>> = Vec::new();
        if !ev.places.is_empty() {
            cuts = inp.period_clauses(sent.tokens.clone());
            // ... but a site's place in a source is where it stands ("a spokesman at the
            // hospital in Kafr Omarin said an air strike hit its courtyard"): the source is cut
            // only up to the site
            let toks = inp.toks();
            cuts.extend(sources.get(s).into_iter().flatten().map(|r| {
                let site = r.clone().find(|&k| {
                    k + 2 < r.end
                        && inp.lx.sites.contains(toks[k].lower.as_str())
                        && inp.lx.place_preps.contains(toks[k + 1].lower.as_str())
                });
                match site {
                    Some(k) => r.start..k + 1,
                    None => r.clone(),
                }
            }));
        }
        if !cuts.is_empty() {
            let mut outside: Vec<String> = Vec::new();
            let mut from = sent.tokens.start;
            let mut cuts: Vec<&Range<usize>> = cuts.iter().collect();
            cuts.sort_by_key(|r| r.start);
            for r in cuts
                .into_iter()
                .chain(std::iter::once(&(sent.tokens.end..sent.tokens.end)))
            {
                if r.start > from {
                    outside.extend(inp.places(from..r.start));
                }
                from = from.max(r.end);
            }
            ev.places.retain(|p| outside.iter().any(|o| o == p));
        }
        // agent: a responsibility predicate with a named subject
        let toks = inp.toks();
        for k in sent.tokens.clone() {
            if let Some((_, AgentRelation::Subject)) =
                inp.lx.responsibility.longest_in(toks, k, sent.tokens.end)
            {
                let np = inp.np_before(sent.tokens.start, k);
                if let Some(p) = inp.party_of(np) {
                    ev.agent = Some(p.into());
                    break;
                }
            }
        }
        let describes =
            |ev: &EventRef| ev.frame.is_some() && (!ev.places.is_empty() || ev.time.is_some());
        // "Elsewhere, jets struck a fuel market": another incident, told afresh
        // (only a sentence that could inherit an event needs to know)
        let fresh = (last.is_some() || topic.is_some())
            && (sent.tokens.clone()).any(|k| {
                inp.lx
                    .new_incident
                    .longest_in(toks, k, sent.tokens.end)
                    .is_some()
            });
        if !sent.headline && !fresh {
            if let Some((ls, lev)) = &last {
                // (a place no gazetteer knows may lie in the one before: "attacks on Aleppo's
                // residential neighbourhoods. ... targeted al-Sulaymaniyah neighbourhood")
                let unknown = |p: &IStr| !crate::places::is_known(p, inp.lx);
                let compatible_place = ev.places.is_empty()
                    || lev.places.iter().any(|p| ev.places.contains(p))
                    || (ev.places.iter().all(unknown) && !lev.places.iter().all(unknown));
                // a sentence with a casualty or attack predicate but no frame word describes an
                // attack: it does not inherit a frame of another kind ("truce")
                let violent = sent.tokens.clone().any(|k| {
                    inp.lx
                        .casualties
                        .longest_in(toks, k, sent.tokens.end)
                        .is_some()
                        || inp
                            .lx
                            .responsibility
                            .longest_in(toks, k, sent.tokens.end)
                            .is_some()
                });
                let implied = (ev.frame.is_none() && violent)
                    .then(|| IStr::from(inp.lx.predicate_frame.as_str()))
                    .filter(|f| !f.is_empty());
                let compatible_frame = match (ev.frame.as_ref().or(implied.as_ref()), &lev.frame) {
                    (Some(a), Some(b)) => inp.lx.frames_compatible(a, b),
                    _ => true,
                };
                if !compatible_frame && ev.frame.is_none() {
                    // its own event, of the kind its predicate names
                    ev.frame = implied;
                }
                // ... nor one whose own date cannot be that event's ("The town was captured
                // by rebels in May", amid a report of Monday's raid): background, another event
                let compatible_time = match (
                    ev.time.as_ref().and_then(TimeRef::period),
                    lev.time.as_ref().and_then(TimeRef::period),
                ) {
                    (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
                    _ => true,
                };
                // a sentence that says little more fills in from the event before it; one that
                // describes an event of its own takes only what it does not contradict
                if s - ls <= 3 && compatible_place && compatible_frame && compatible_time {
                    // a sentence that tells its own incident (what, where and when) does not
                    // take the site struck in the one before; nor does an attack take, as the
                    // side holding its area, the side its own words say carried it out
                    let own_incident =
                        ev.frame.is_some() && !ev.places.is_empty() && ev.time.is_some();
                    let (target, held_by) = (ev.target.is_none(), ev.held_by.is_none());
                    let own_agent = ev.agent.clone();
                    ev.fill_from(lev);
                    if own_incident && target {
                        ev.target = None;
                    }
                    if held_by && own_agent.is_some() && ev.held_by == own_agent {
                        ev.held_by = None;
                    }
                }
            }
        }
        // The article's topic: the first event its headline or lead describes. A sentence far
        // from any event described before it, naming no place or time of its own, is about the
        // topic ("Damascus denied responsibility", a toll without a frame word).
        let far = last.as_ref().is_none_or(|(ls, _)| s - ls > 3);
        if far && !sent.headline && !fresh && ev.places.is_empty() && ev.time.is_none() {
            if let Some(t) = &topic {
                let compatible = ev
                    .frame
                    .as_ref()
                    .zip(t.frame.as_ref())
                    .is_none_or(|(a, b)| inp.lx.frames_compatible(a, b));
                if compatible {
                    ev.fill_from(t);
                }
            }
        }
        if topic.is_none() && s < LEAD_SENTENCES && describes(&ev) {
            topic = Some(ev.clone());
        }
        // a sentence that (now) describes an event carries it forward
        if describes(&ev) && !sent.headline {
            last = Some((s, ev.clone()));
        }
        if ev.is_empty() {
            out.push(EventRef::default());
        } else {
            out.push(ev);
        }
    }
    name_the_lead_place(inp, &mut out);
    out
}

/// How many sentences at the head of a document may describe its incident before naming its
/// place ("... in a rebel-held town northeast of the capital. ... The town of Jayrud ...").
const LEAD_PLACE_SENTENCES: usize = 6;

/// A lead that describes an incident without naming its place ("a rebel-held town") takes the
/// place the next sentences give it, when they describe a compatible incident (frames
/// compatible, times that can meet, no other incident opened in between).
fn name_the_lead_place(inp: &PropInput, out: &mut [EventRef]) {
    let lead = out.len().min(LEAD_PLACE_SENTENCES);
    let Some(first) = (0..lead).find(|&s| out[s].frame.is_some()) else {
        return;
    };
    if !out[first].places.is_empty() {
        return;
    }
    let Some(named) = (first + 1..lead).find(|&s| !out[s].places.is_empty()) else {
        return;
    };
    let toks = inp.toks();
    let fresh = |s: usize| {
        let r = inp.seg.sentences[s].tokens.clone();
        r.clone()
            .any(|k| inp.lx.new_incident.longest_in(toks, k, r.end).is_some())
    };
    let (src, places) = (out[named].clone(), out[named].places.clone());
    for (s, ev) in out.iter().enumerate().take(named).skip(first) {
        let frames_ok = match (&ev.frame, &src.frame) {
            (Some(a), Some(b)) => inp.lx.frames_compatible(a, b),
            (Some(_), None) => true,
            _ => false,
        };
        let times_ok = match (
            ev.time.as_ref().and_then(TimeRef::day),
            src.time.as_ref().and_then(TimeRef::day),
        ) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if fresh(s) || !frames_ok || !times_ok {
            return;
        }
    }
    for ev in &mut out[first..named] {
        if ev.frame.is_some() && ev.places.is_empty() {
            ev.places = places.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Extraction, PropKind, extract};
    use crate::lexicon::Lexicon;
    use crate::model::Document;

    fn extraction(text: &str) -> Extraction {
        extract(Document::new("t", text), &Lexicon::builtin())
    }

    /// The casualty figures of a text: (low, high, victims, measure, speaker of the claim or
    /// "own voice").
    fn figures(text: &str) -> Vec<(u64, Option<u64>, String, String, String)> {
        let x = extraction(text);
        x.propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Casualty {
                    count,
                    measure,
                    victims,
                    ..
                } => {
                    let speaker = p.attribution.map_or("own voice".to_string(), |a| {
                        x.attributions[a]
                            .speakers
                            .first()
                            .map_or("?".to_string(), |s| s.label().to_string())
                    });
                    Some((
                        count.lo,
                        count.hi,
                        victims.to_string(),
                        measure.to_string(),
                        speaker,
                    ))
                }
                _ => None,
            })
            .collect()
    }

    /// (low, high, victims) of the `killed` figures.
    fn killed(text: &str) -> Vec<(u64, Option<u64>, String)> {
        figures(text)
            .into_iter()
            .filter(|f| f.3 == "killed")
            .map(|(lo, hi, v, _, _)| (lo, hi, v))
            .collect()
    }

    fn exact(n: u64, victims: &str) -> (u64, Option<u64>, String) {
        (n, Some(n), victims.to_string())
    }

    fn at_least(n: u64, victims: &str) -> (u64, Option<u64>, String) {
        (n, None, victims.to_string())
    }

    #[test]
    fn put_the_death_toll_at_is_a_figure_and_an_attribution() {
        for text in [
            "The Syrian Civil Defence put the death toll from the air strike on the Varnel bakery on Sunday at 38.",
            "The Syrian Civil Defence, a rescue group, put the death toll from the air strike on the Varnel bakery on Sunday at 38.",
            "The Syrian Civil Defence put the death toll at 38.",
        ] {
            let f = figures(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!((f[0].0, f[0].1), (38, Some(38)), "{text}");
            assert_eq!(f[0].2, "people", "{text}");
            assert_eq!(f[0].4, "Syria Civil Defence", "{text}");
        }
        // "raised the toll to", "placed" through another cue
        assert_eq!(
            figures("The monitor raised the toll from the raid on Kesra to 40.")[0].4,
            "monitor"
        );
    }

    #[test]
    fn gave_a_toll_from_a_source_with_a_relative_clause_and_its_parts() {
        let f = figures(
            "The monitor which has a network of sources in the country gave a toll of 36 dead among them 15 children and four teachers.",
        );
        let got: Vec<(u64, &str, &str)> = f
            .iter()
            .map(|f| (f.0, f.2.as_str(), f.4.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (36, "people", "monitor"),
                (15, "children", "monitor"),
                (4, "teachers", "monitor")
            ]
        );
        // a toll given earlier is superseded
        let x =
            extraction("The monitor, which earlier gave a toll of 20, said 34 people were killed.");
        let old: Vec<bool> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Casualty {
                    superseded, count, ..
                } if count.lo == 20 => Some(*superseded),
                _ => None,
            })
            .collect();
        assert_eq!(old, [true]);
    }

    /// The predecessor each casualty figure of a text names.
    fn previous(text: &str) -> Vec<Option<crate::model::Interval>> {
        extraction(text)
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Casualty { previous, .. } => Some(*previous),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_toll_names_the_figure_it_replaced() {
        let nine = Some(crate::model::Interval::exact(9));
        assert_eq!(
            previous("The death toll rose to 41 people, up from 9, the ministry said."),
            [nine]
        );
        assert_eq!(
            previous("The toll from the bombing rose from 9 to 41."),
            [nine]
        );
        assert_eq!(
            previous("The bombing killed 41 people, the ministry said."),
            [None]
        );
        assert_eq!(
            previous("The strike killed 12 people from 3 families."),
            [None]
        );
    }

    #[test]
    fn put_is_no_cue_without_a_toll() {
        let x = extraction("Rebel commanders put 20 prisoners on a bus to Idlib.");
        assert!(x.attributions.is_empty(), "{:?}", x.attributions);
        assert!(figures("Rebel commanders put 20 prisoners on a bus to Idlib.").is_empty());
        let x = extraction("The army put pressure on the 30 villages around Kesra.");
        assert!(x.attributions.is_empty(), "{:?}", x.attributions);
    }

    #[test]
    fn a_toll_rises_to_its_figure_past_a_phrase() {
        assert_eq!(
            killed("The death toll has risen to 38."),
            [exact(38, "people")]
        );
        assert_eq!(
            killed(
                "The death toll from the shelling of the Ombra bakery on Sunday has risen to 27."
            ),
            [exact(27, "people")]
        );
        // the day after the figure is no victim
        assert_eq!(
            killed("The toll rose to 21 on Monday."),
            [exact(21, "people")]
        );
        // the earlier figure of "rose from 20 to 38" is not read
        assert_eq!(
            killed("The toll from the bombing rose from 20 to 38."),
            [exact(38, "people")]
        );
    }

    #[test]
    fn a_count_inside_the_toll_phrase_is_no_toll() {
        // "of" leads no count after a phrase; the count of villages is not the toll
        assert!(killed("The toll of the strike on 3 villages was not known.").is_empty());
        // the year of an attack is not a figure
        assert!(killed("The death toll from the 2013 attack was disputed.").is_empty());
    }

    #[test]
    fn among_the_dead_and_included_name_a_figure() {
        assert_eq!(
            killed("Among the dead were 12 children."),
            [exact(12, "children")]
        );
        assert_eq!(
            figures("The Syrian Observatory said among the dead were 12 children.")[0].4,
            "Syrian Observatory for Human Rights"
        );
        assert_eq!(
            killed("The dead included at least 9 children."),
            [at_least(9, "children")]
        );
        assert_eq!(
            killed("Those killed included at least 9 children."),
            [at_least(9, "children")]
        );
        // the wounded are not the dead
        let f = figures("Among the wounded were 12 children.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].3, "wounded");
        // "said among" opens no inverted clause without a form of "to be"
        assert!(killed("The convoy included 30 trucks.").is_empty());
    }

    #[test]
    fn left_dead_and_claimed_lives_are_figures_and_a_quoted_count_is_read() {
        assert_eq!(
            killed("The air strike left 30 dead."),
            [exact(30, "people")]
        );
        assert_eq!(
            killed("The air strike left \"about 30\" dead."),
            [(27, Some(33), "people".to_string())]
        );
        assert_eq!(
            killed("The air strike killed \"at least 12\" people."),
            [at_least(12, "people")]
        );
        assert_eq!(
            killed("The shelling claimed the lives of 14 people."),
            [exact(14, "people")]
        );
        // a quotation that holds no count still ends the clause
        assert_eq!(
            killed("He called it \"Operation 40\" and 3 people were killed."),
            [exact(3, "people")]
        );
    }

    #[test]
    fn parts_after_a_total_are_figures_of_their_own() {
        let want = [exact(26, "people"), exact(9, "children"), exact(4, "women")];
        for text in [
            "The air strike killed 26 people including 9 children and 4 women.",
            "The air strike killed 26 people, including 9 children and 4 women.",
            "26 people including 9 children and 4 women were killed in the air strike.",
            "The air strike killed 26 people among them 9 children and 4 women.",
        ] {
            assert_eq!(killed(text), want, "{text}");
        }
        let want = [exact(26, "people"), exact(9, "pupils")];
        for text in [
            "The air strike on the school killed 26 people nine of whom were pupils.",
            "The air strike on the school killed 26 people, nine of whom were pupils.",
        ] {
            assert_eq!(killed(text), want, "{text}");
        }
        let want = [exact(26, "people"), exact(9, "children")];
        for text in [
            "The air strike killed 26 people 9 of them children.",
            "The air strike killed 26 people, 9 of them children.",
            "20 people were killed including 9 children.",
        ] {
            let got = killed(text);
            assert_eq!(got[1], want[1], "{text}: {got:?}");
        }
        // the parts of a lower bound are lower bounds; "a woman" counts one
        assert_eq!(
            killed("At least 15 civilians including a woman and two children had been killed."),
            [
                at_least(15, "civilians"),
                at_least(1, "woman"),
                at_least(2, "children")
            ]
        );
    }

    #[test]
    fn a_part_of_the_totals_kind_is_no_figure_of_its_own() {
        // "seven civilians" are among the 20 people: no toll of seven (the child is one)
        assert_eq!(
            killed(
                "Seven civilians including a child were among 20 people killed in the air strike."
            ),
            [exact(1, "child"), exact(20, "people")]
        );
        assert_eq!(
            killed("Three children were among 20 people killed in the air strike."),
            [exact(3, "children"), exact(20, "people")]
        );
        assert_eq!(
            killed("20 people including 7 civilians were killed."),
            [exact(20, "people")]
        );
        // a count without a noun is no part, and a figure of another measure stays its own
        let f = figures(
            "At least 20 people were killed including 13 civilians and more than 30 wounded.",
        );
        assert!(f.iter().any(|x| x.0 == 30 && x.3 == "wounded"), "{f:?}");
        assert!(!f.iter().any(|x| x.0 == 13), "{f:?}");
    }

    #[test]
    fn the_counted_noun_is_no_unit_verb_or_day() {
        assert_eq!(
            killed("Government forces killed 60 people with 80 percent killed by shelling."),
            [exact(60, "people")]
        );
        assert_eq!(
            killed("Government forces killed 60 with 80 percent killed by shelling."),
            [exact(60, "people")]
        );
        assert_eq!(
            killed("Government forces killed 40 people using barrel bombs."),
            [exact(40, "people")]
        );
        assert_eq!(
            killed("The raid killed 14 civilians fleeing across the river."),
            [exact(14, "civilians")]
        );
        // adjectives before the noun are still skipped
        assert_eq!(killed("The raid killed 5 armed men."), [exact(5, "men")]);
        assert_eq!(
            killed("The army killed 48 alleged rebels."),
            [exact(48, "rebels")]
        );
        assert_eq!(
            killed("The raid killed 69 workers."),
            killed("The raid killed sixty nine workers.")
        );
    }

    #[test]
    fn citizens_are_people() {
        let lx = Lexicon::builtin();
        assert_eq!(
            killed("The shelling killed 12 citizens."),
            [exact(12, "citizens")]
        );
        assert!(super::same_victims("citizens", "people", &lx));
        assert!(!super::same_victims("citizens", "soldiers", &lx));
    }

    #[test]
    fn a_participle_takes_the_subject_of_its_clause() {
        let x = extraction(
            "Rebels said government forces killed 40 people using barrel bombs in Tabra.",
        );
        let agents: Vec<&str> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Responsibility { agent, .. } => Some(agent.as_str()),
                _ => None,
            })
            .collect();
        assert!(agents.iter().all(|a| !a.contains("killed")), "{agents:?}");
    }

    #[test]
    fn a_count_before_another_casualty_word_is_that_words() {
        let f = figures("At least 14 people were killed 25 were wounded in the attack.");
        let got: Vec<(u64, &str)> = f.iter().map(|x| (x.0, x.3.as_str())).collect();
        assert_eq!(got, [(14, "killed"), (25, "wounded")]);
    }

    #[test]
    fn each_figure_of_a_claim_with_several_places_is_about_its_own() {
        let x = extraction(
            "Rebels said air strikes killed 9 people in Idlib and shelling killed 12 people in Aleppo.",
        );
        let places: Vec<(u64, Vec<String>)> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Casualty { count, event, .. } => Some((
                    count.lo,
                    event.places.iter().map(|p| p.to_string()).collect(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            places,
            [
                (9, vec!["Idlib".to_string()]),
                (12, vec!["Aleppo".to_string()])
            ]
        );
    }

    #[test]
    fn the_death_of_a_count_is_a_figure_and_a_sentence_to_death_is_none() {
        assert_eq!(
            killed("State media said the shelling led to the death of eight people."),
            vec![exact(8, "people")]
        );
        assert_eq!(
            figures("State media said the shelling caused the injury of 30 people.")
                .iter()
                .map(|f| (f.0, f.3.as_str()))
                .collect::<Vec<_>>(),
            vec![(30, "wounded")]
        );
        assert!(killed("The ministry said a court sentenced five men to death.").is_empty());
        assert!(killed("The army said three soldiers faced death threats.").is_empty());
    }

    /// The event context of the last sentence of `text`.
    fn last_context(text: &str) -> super::EventRef {
        extraction(text)
            .contexts
            .last()
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn an_area_controlled_by_a_party_is_held_by_it() {
        let ev = last_context(
            "Shelling hit districts controlled by the Syrian army in Varnel on Monday.",
        );
        assert_eq!(ev.held_by.as_deref(), Some("Syrian government"));
        let ev = last_context("Air strikes hit areas held by rebels in Varnel in Syria on Monday.");
        assert_eq!(ev.held_by.as_deref(), Some("rebels"));
        // a place that is held, not an area named before the phrase
        let ev = last_context("The town was held by rebels until Monday.");
        assert_eq!(ev.held_by, None);
    }

    /// (place, holder) of each control proposition of a text.
    fn controls(text: &str) -> Vec<(String, String)> {
        extraction(text)
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Control { place, holder, .. } => {
                    Some((place.to_string(), holder.to_string()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_coordinated_subject_holds_the_place_for_its_known_side() {
        // the conjunct a party is known for names the side of actors named together
        assert_eq!(
            controls(
                "The Syrian army said the forces of the army and the Tiger Brigade completed the liberation of Varosh."
            ),
            [("Varosh".to_string(), "Syrian government".to_string())]
        );
    }

    #[test]
    fn the_town_refers_back_to_the_settlement_named_before() {
        // the object "the town" (alone or as a conjunct) is the town the report named last;
        // "the militants" the one armed group it named
        assert_eq!(
            controls(
                "Al Shabaab fighters attacked an army base in the town of Varosh in Dalen province on Tuesday. \
                 Residents said the militants held the town for several hours."
            ),
            [("Varosh".to_string(), "al-Shabaab".to_string())]
        );
        assert_eq!(
            controls(
                "Fighting was reported at the base in Varosh on Tuesday. \
                 The group said its fighters took control of the military base and the town."
            ),
            [("Varosh".to_string(), "group".to_string())]
        );
        // not a town named after it, nor one of several, nor a region
        assert_eq!(
            controls(
                "Al Shabaab fighters attacked the army base in Varosh. \
                 Residents said the militants held the town until reinforcements arrived from Dalen."
            ),
            [("Varosh".to_string(), "al-Shabaab".to_string())]
        );
        assert!(controls(
            "Fighting spread from Varosh to Dalen on Monday. Residents said the militants held the town."
        )
        .is_empty());
        assert!(
            controls(
                "Clashes were reported in Hiraan province. The rebels said they held the town."
            )
            .is_empty()
        );
        // "the terrorists" in a state's claim: the armed group it named
        assert_eq!(
            agents(
                "The army said M23 fighters attacked the camp in Varosh. \
                 It said the casualties were caused by the terrorists."
            )
            .last()
            .map(String::as_str),
            Some("M23")
        );
        // with two armed groups named, "the militants" is neither
        assert!(controls(
            "Al Shabaab and Islamic State fighters attacked Varosh. Residents said the militants held the town."
        )
        .iter()
        .all(|(_, h)| h != "al-Shabaab" && h != "Islamic State"));
    }

    #[test]
    fn the_town_after_one_named_place_and_a_short_name_of_a_party() {
        // "the town" is the one place the sentence names
        assert_eq!(
            controls(
                "The Syrian army said the rebels attacked Varosh and the town remains under its control."
            ),
            [("Varosh".to_string(), "Syrian government".to_string())]
        );
        // ... and no place of the sentences before
        assert_eq!(
            controls(
                "Rebels attacked villages in Idlib province. The army said the town remains under the control of the army."
            ),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            controls(
                "Residents of a village in Sagaing Region spoke on Monday. A commander of the People's Defence Force said the village remains under our control."
            ),
            Vec::<(String, String)>::new()
        );
        // "the Defense Force" after "the Ethiopian National Defense Force": the same party; the
        // attacker of a repelled attack may follow "of"
        let x = extraction(
            "The Ethiopian National Defense Force said it struck the remnants of the junta. \
             A colonel said the Defense Force repelled the attack of the TPLF on Abiy Addi.",
        );
        let got: Vec<(String, String, Option<String>)> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Control {
                    place,
                    holder,
                    attacker,
                    ..
                } => Some((
                    place.to_string(),
                    holder.to_string(),
                    attacker.as_ref().map(|a| a.to_string()),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(
            got,
            [(
                "Abiy Addi".to_string(),
                "Ethiopia".to_string(),
                Some("TPLF".to_string())
            )]
        );
    }

    #[test]
    fn coordinated_places_are_each_held() {
        let places =
            |text: &str| -> Vec<String> { controls(text).into_iter().map(|(p, _)| p).collect() };
        assert_eq!(
            places("The army said its forces took control of Varosh and Dalen on Monday."),
            ["Varosh", "Dalen"]
        );
        assert_eq!(
            places("The rebels said they had captured Varosh, Dalen and Morek."),
            ["Varosh", "Dalen", "Morek"]
        );
        assert_eq!(
            places(
                "The army said its forces repelled the rebel incursion at Varosh and also at Dalen."
            ),
            ["Varosh", "Dalen"]
        );
        // a comma alone says where the place lies; "and" may open a new clause
        assert_eq!(
            places("The army said its forces took control of Sake, North Kivu on Monday."),
            ["Sake"]
        );
        assert_eq!(
            places("The army said its forces took control of Varosh and Dalen was shelled."),
            ["Varosh"]
        );
    }

    #[test]
    fn a_place_whose_name_opens_with_a_persons_alias_is_a_place() {
        // "Abiy" alone names Ethiopia's prime minister
        assert_eq!(
            controls(
                "The Tigray Defense Forces have taken control of Abiy Addi, a spokesman said."
            ),
            [("Abiy Addi".to_string(), "TPLF".to_string())]
        );
    }

    #[test]
    fn the_held_place_is_the_subject_not_a_prepositions_object() {
        assert_eq!(
            controls("Varnel is held by the Islamic State group, the Observatory said."),
            [("Varnel".to_string(), "Islamic State".to_string())]
        );
        // the province Varnel lies in is not what the group holds
        let c = controls(
            "Jets struck Varnel which lies in the northern province of Aleppo and is held by the Islamic State group, the Observatory said.",
        );
        assert!(c.iter().all(|(place, _)| place != "Aleppo"), "{c:?}");
    }

    #[test]
    fn a_known_name_that_lies_elsewhere_than_the_place_after_it_is_another_place() {
        // Sulaymaniyah is an Iraqi city in the gazetteer; this one is a district of Aleppo
        let ev = last_context(
            "Two people were killed in a rocket attack on the Sulaymaniyah neighborhood of the Syrian city of Aleppo on Saturday.",
        );
        assert_eq!(ev.places, ["Sulaymaniyah neighborhood", "Aleppo"]);
        // ... and is one name with its article
        let lx = crate::lexicon::Lexicon::builtin();
        assert!(crate::places::same_unknown_name(
            "Sulaymaniyah neighborhood",
            "al-Sulaymaniyah",
            &lx
        ));
        // a district that lies in its city keeps the gazetteer's name
        let ev = last_context("Shelling hit the Handarat camp of Aleppo on Monday.");
        assert!(ev.places.iter().any(|p| p == "Handarat"), "{:?}", ev.places);
    }

    #[test]
    fn where_a_speaker_spoke_and_a_sites_modifier_are_no_places() {
        let ev = last_context(
            "Air strikes hit a monastery in Varnel on Sunday. A spokesman denied that the air force had bombed the monastery, telling reporters in Kestria that only rebel positions were hit.",
        );
        assert!(!ev.places.iter().any(|p| p == "Kestria"), "{:?}", ev.places);
        let ev = last_context("Jets bombed a Buddhist monastery in Varnel, killing 23 people.");
        assert!(
            !ev.places.iter().any(|p| p == "Buddhist"),
            "{:?}",
            ev.places
        );
        assert!(ev.places.iter().any(|p| p == "Varnel"), "{:?}", ev.places);
        // the events' place after "in" stays one when no cue and object come before it
        let ev = last_context("Shelling in Varnel killed 12 people, the army said.");
        assert!(ev.places.iter().any(|p| p == "Varnel"), "{:?}", ev.places);
    }

    #[test]
    fn a_site_a_speaker_spoke_from_is_no_target() {
        let ev = last_context(
            "Air strikes killed 40 people in Varnel, a doctor said from a hospital in the town.",
        );
        assert_eq!(ev.target, None);
        let ev =
            last_context("Air strikes on a hospital in Varnel killed 40 people, a doctor said.");
        assert_eq!(ev.target.as_deref(), Some("hospital"));
        // camps of the displaced and monasteries are sites struck too
        let ev = last_context("Two shells struck Bulengo camp near Goma, killing nine people.");
        assert_eq!(ev.target.as_deref(), Some("camp"));
        let ev = last_context("A jet bombed the village monastery, killing 23 people.");
        assert_eq!(ev.target.as_deref(), Some("monastery"));
    }

    #[test]
    fn the_medium_a_statement_was_made_on_is_no_place() {
        for text in [
            "A Russian missile strike on Sumy killed nine people, governor Oleh Hryhorov said on Telegram.",
            "The ministry said in a communique read on Tele Sahel that the strike on Sumy killed nine people.",
        ] {
            let ev = last_context(text);
            assert_eq!(ev.places, ["Sumy"], "{text}");
        }
    }

    #[test]
    fn a_sentence_telling_its_own_incident_takes_no_site_or_own_side_from_the_one_before() {
        // its own frame, place and time: the site struck before is another incident's
        let ev = last_context(
            "Shelling hit the bakery in Varnel on Wednesday. Air strikes on Varnel killed 13 civilians on Thursday.",
        );
        assert_eq!(ev.target, None);
        // a sentence that says little more still takes it
        let ev =
            last_context("Shelling hit the bakery in Varnel on Wednesday. It killed 13 civilians.");
        assert_eq!(ev.target.as_deref(), Some("bakery"));
        // an attack by the army does not strike an area the army holds
        let ev = last_context(
            "Rebels attacked army positions in Varnel on Monday. Syrian army air strikes killed 20 civilians in Varnel.",
        );
        assert_eq!(ev.agent.as_deref(), Some("Syrian government"));
        assert_eq!(ev.held_by, None);
    }

    #[test]
    fn a_background_sentence_of_another_date_is_no_part_of_the_incident() {
        // "in May" cannot be the raid's Monday: the capture is background, and the toll after it
        // is still the raid's
        let text = "Government air raids on the town of Varnel killed 27 people on Monday, 3 August 2015, activists said. \
The town was captured by rebels in May. The group said 27 people were killed.";
        let mut doc = Document::new("t", text);
        doc.date = jiff::civil::Date::new(2015, 8, 4).ok();
        let ev = extract(doc, &Lexicon::builtin())
            .contexts
            .last()
            .cloned()
            .unwrap_or_default();
        let day = ev.time.as_ref().and_then(crate::model::TimeRef::day);
        assert_eq!(day, jiff::civil::Date::new(2015, 8, 3).ok(), "{ev:?}");
        assert_eq!(ev.frame.as_deref(), Some("attack"));
    }

    #[test]
    fn a_partitive_count_after_the_word_is_a_part_of_the_count_before() {
        // commas stripped: "6 of them" is a part of the 34, not the casualty word's own count
        assert_eq!(
            killed("The monitor says 34 people were killed 6 of them women or children."),
            [exact(34, "people"), exact(6, "women")]
        );
    }

    #[test]
    fn a_time_word_joined_to_the_next_word_is_no_place() {
        // commas and spaces lost in scraping: "on Monday-and scores of others injured-when"
        let ev = last_context(
            "Thirty-five people were killed on Monday-and scores of others injured-when a warplane crashed into a market in the town of Ariha.",
        );
        assert!(!ev.places.iter().any(|p| p.contains("Monday")), "{ev:?}");
        assert!(ev.places.iter().any(|p| p == "Ariha"), "{ev:?}");
        // a sentence glued on without its full stop: "At" opens it, and is no part of a name
        let ev = last_context("Jets pounded towns in Syria At least 26 people were killed.");
        assert!(!ev.places.iter().any(|p| p.contains(" At")), "{ev:?}");
    }

    /// The places of each event context of a text, in order.
    fn context_places(text: &str) -> Vec<Vec<String>> {
        extraction(text)
            .contexts
            .iter()
            .map(|e| e.places.iter().map(|p| p.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_title_case_headline_names_only_known_places() {
        let places = context_places(
            "2 Killed 10 Injured in Terrorist Shelling in Aleppo Residential Neighborhood\n\nTwo people were killed.",
        );
        let places = places.first().cloned().unwrap_or_default();
        assert_eq!(places, ["Aleppo"]);
    }

    #[test]
    fn a_headline_run_into_its_article_names_only_known_places() {
        // the headline's capitals say nothing ("Varnish Suburb Town" is no name); the body's
        // place still counts
        let places = context_places(
            "Posted on July 2 2016 Thirty Killed in Syrian Strikes on Varnish Suburb Town Thirty civilians were killed on Saturday in air strikes on a suburb town northeast of Damascus.",
        )
        .concat();
        assert!(!places.iter().any(|p| p.contains("Varnish")), "{places:?}");
        assert!(places.iter().any(|p| p == "Damascus"), "{places:?}");
    }

    #[test]
    fn no_deaths_is_a_toll_of_none_not_a_denial() {
        let x = extraction("The monitor said there were no deaths from the hospital strike.");
        let zero: Vec<bool> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Casualty { count, .. } if count.hi == Some(0) => Some(p.negated),
                _ => None,
            })
            .collect();
        assert_eq!(zero, [false]);
    }

    #[test]
    fn placed_the_toll_at_gives_its_figure_to_the_speaker() {
        assert_eq!(
            figures("Local journalist Jan Doe placed the death toll from the air raids at 50."),
            [(
                50,
                Some(50),
                "people".to_string(),
                "killed".to_string(),
                "Local journalist Jan Doe".to_string()
            )]
        );
    }

    #[test]
    fn another_count_adds_only_to_a_toll_of_the_same_place() {
        // the sentence before told another place's toll: "another three" is Musraba's own
        assert_eq!(
            killed(
                "Two people were killed in the village of Jisreen. Shelling in the town of Musraba killed another three people."
            ),
            [exact(2, "people"), exact(3, "people")]
        );
        assert_eq!(
            killed(
                "Two people were killed in the village of Jisreen. Shelling in the northeastern town of Musraba has meanwhile killed another three people."
            ),
            [exact(2, "people"), exact(3, "people")]
        );
        // the same place: an addition to the toll before, no figure of its own
        assert_eq!(
            killed(
                "Shelling killed two people in Varnel. Shelling in Varnel killed another three people."
            ),
            [exact(2, "people")]
        );
    }

    #[test]
    fn martyrs_are_the_dead() {
        assert_eq!(
            killed("The ministry said 38 citizens were martyred and 70 others injured."),
            [exact(38, "citizens")]
        );
    }

    #[test]
    fn what_the_site_struck_held() {
        // (armed, what, negated) of the target propositions
        let targets = |text: &str| -> Vec<(bool, String, bool)> {
            extraction(text)
                .propositions
                .iter()
                .filter_map(|p| match &p.kind {
                    PropKind::Target { armed, what, .. } => {
                        Some((*armed, what.to_string(), p.negated))
                    }
                    _ => None,
                })
                .collect()
        };
        let strike = "An air strike hit the school in Varnel on Thursday. ";
        for (text, want) in [
            (
                "The army said it struck militants operating from the school.",
                (true, "militants", false),
            ),
            (
                "The agency said the strikes targeted a fleeing terrorist column.",
                (true, "terrorist column", false),
            ),
            (
                "The ministry said the school housed a command centre.",
                (true, "command centre", false),
            ),
            (
                "The office said there were no fighters inside the school.",
                (true, "fighters", true),
            ),
            (
                "The group found no evidence that fighters were present in the school.",
                (true, "fighters", true),
            ),
            (
                "The army said no civilians were present in the school.",
                (false, "civilians", true),
            ),
            (
                "The agency said the classrooms were crowded with displaced families.",
                (false, "displaced families", false),
            ),
            // a statement about it called false denies it
            (
                "The movement said the claims of the army about the presence of a command centre in the school are lies.",
                (true, "command centre", true),
            ),
        ] {
            let got = targets(&format!("{strike}{text}"));
            let want = (want.0, want.1.to_string(), want.2);
            assert!(got.contains(&want), "{text}: {got:?}");
        }
        // with no attack in the text, a site holds nothing to dispute
        assert!(targets("The office said there were no fighters inside the school.").is_empty());
    }

    #[test]
    fn a_count_is_not_read_across_a_sentence_end_inside_a_quotation() {
        let f = figures(
            "\"There were no RSF fighters at the market. The people killed were traders and shoppers,\" a resident said.",
        );
        assert!(f.iter().all(|x| x.2 != "fighters"), "{f:?}");
    }

    #[test]
    fn homes_burned_are_destroyed() {
        for (text, lo) in [
            ("Police sources said 17 houses were burnt in Torbung.", 17),
            (
                "The forum condemned the burning of more than 40 houses at Torbung village.",
                40,
            ),
            (
                "The civil society said more than 300 shelters were burned.",
                300,
            ),
        ] {
            let f = figures(text);
            assert!(
                f.iter().any(|x| x.0 == lo && x.3 == "destroyed"),
                "{text}: {f:?}"
            );
        }
    }

    /// The agents of the responsibility propositions of a text (each once in a row).
    fn agents(text: &str) -> Vec<String> {
        let mut out: Vec<String> = extraction(text)
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Responsibility { agent, .. } => Some(agent.to_string()),
                _ => None,
            })
            .collect();
        out.dedup();
        out
    }

    /// (agent, negated) of each responsibility proposition of a text.
    fn deeds(text: &str) -> Vec<(String, bool)> {
        extraction(text)
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Responsibility { agent, .. } => Some((agent.to_string(), p.negated)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_count_so_far_is_a_lower_bound_and_so_far_is_no_source() {
        let f = figures(
            "UNRWA staff on the ground have so far confirmed the deaths of 25 people in Varosh.",
        );
        assert_eq!(
            f,
            [(25, None, "people".into(), "killed".into(), "UNRWA".into())]
        );
        let f = figures("The ministry said 25 people were killed; the number is expected to rise.");
        assert_eq!(f[0].1, None);
        // a plain count stays exact
        let f = figures("The ministry said 25 people were killed in Varosh.");
        assert_eq!(f[0].1, Some(25));
    }

    #[test]
    fn no_civilian_casualties_is_a_figure_of_none() {
        let f =
            figures("The Ruritanian army said there were no civilian casualties in the strike.");
        assert_eq!(
            f,
            [(
                0,
                Some(0),
                "civilians".into(),
                "killed".into(),
                "Ruritanian army".into()
            )]
        );
        // a count of some is no figure, and "no casualties" alone is too weak a claim
        assert!(
            figures("The Ruritanian army said there were 12 casualties in the strike.").is_empty()
        );
        assert!(figures("The source said no casualties were reported.").is_empty());
    }

    #[test]
    fn a_counterfactual_condition_turns_a_negation_into_an_assertion() {
        assert_eq!(
            deeds(
                "The opposition said the Syrian army would not have used chemical weapons had it not been for the silence of the world."
            ),
            [("Syrian government".to_string(), false)]
        );
        assert_eq!(
            deeds("The opposition said the Syrian army did not use chemical weapons in the town."),
            [("Syrian government".to_string(), true)]
        );
    }

    #[test]
    fn an_attack_of_a_party_and_forces_of_a_party_name_it() {
        assert_eq!(
            agents(
                "The ministry of Azerbaijan said 9 civilians were killed in the missile attack of the armed forces of Armenia on the city of Ganja."
            ),
            ["Armenia"]
        );
        assert_eq!(
            agents("The ministry said the strikes were carried out by jets of the Syrian regime."),
            ["Syrian government"]
        );
        // a weapon fired, in a passive, names its user
        assert_eq!(
            agents("The M23 said the shells were fired by the FARDC."),
            ["DR Congo"]
        );
        assert_eq!(
            agents("The ministry said the survey was carried out by the FARDC."),
            Vec::<String>::new()
        );
        // ... and in the active: a weapon's verb with how it strikes as its object
        assert_eq!(
            agents("The M23 said the FARDC fired the shells that hit the camp."),
            ["DR Congo"]
        );
        assert_eq!(
            agents("The ministry said the FARDC fired the officials who ran the camp."),
            Vec::<String>::new()
        );
        // "of" names the agent only when a listed party follows: not the object, not a time
        assert_eq!(
            agents("The ministry said the bombing of the hospital in Ganja killed 9 civilians."),
            Vec::<String>::new()
        );
        assert_eq!(
            agents("The ministry said the attack of last week on Ganja killed 9 civilians."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn what_caused_an_attacks_damage_names_its_agent() {
        assert_eq!(
            agents(
                "A US official said the damage to the silo was caused by a failed Houthi missile."
            ),
            ["Houthis"]
        );
        // what caused nothing an attack did names no agent
        assert!(agents("The army said the delays were caused by the Houthis.").is_empty());
    }

    #[test]
    fn a_country_speaks_for_its_state_and_a_capital_that_acts_is_no_place() {
        let text =
            "Syria and its ally Russia deny that Damascus carried out the gas attack on Talbiseh.";
        let x = extraction(text);
        let parties: Vec<&str> = x.attributions[0]
            .speakers
            .iter()
            .map(|s| s.label())
            .collect();
        assert_eq!(parties, ["Syrian government", "Russia"]);
        // the content names its agent: no per-speaker split
        assert_eq!(agents(text), ["Syrian government"]);
        for p in &x.propositions {
            if let PropKind::Responsibility { event, .. } = &p.kind {
                assert!(!event.places.iter().any(|p| p == "Damascus"), "{event:?}");
            }
        }
        // a place after a preposition stays one
        let x = extraction("The army denied that rebels carried out the attack in Damascus.");
        assert!(x.propositions.iter().any(|p| matches!(&p.kind,
            PropKind::Responsibility { event, .. } if event.places.iter().any(|p| p == "Damascus"))));
        // the whole head must be the name
        let x = extraction("The commission of inquiry on Syria said the strike killed 12.");
        assert!(
            x.attributions[0]
                .speakers
                .iter()
                .all(|s| s.label() != "Syrian government")
        );
    }

    #[test]
    fn a_party_named_before_an_attack_noun_is_the_subjects_agent() {
        let text = "The Syrian regime denied shelling Varnel on Monday. \
             On Tuesday the regime air strike dropped chemical bombs on the town, activists said.";
        // (the denial before is negated: the air strike's deed is the one asserted)
        assert!(
            deeds(text).contains(&("Syrian government".to_string(), false)),
            "{:?}",
            deeds(text)
        );
        // an attack noun alone names no agent
        assert!(
            agents("An air strike dropped chemical bombs on Varnel, activists said.").is_empty()
        );
    }

    #[test]
    fn the_blamed_antecedent_is_the_phrase_naming_the_event() {
        assert_eq!(
            agents(
                "The army shelled the camp in response to a deadly rocket attack in the south of the country that Israel blamed on Hamas."
            ),
            ["Hamas"]
        );
    }

    #[test]
    fn a_clause_the_speaker_calls_not_true_is_denied() {
        for text in [
            "The ministry said the information spread by the rebels that the Syrian army shelled the town of Varnel is not true.",
            "The ministry said the information that the Syrian army shelled the town of Varnel is false.",
        ] {
            assert_eq!(
                deeds(text),
                [("Syrian government".to_string(), true)],
                "{text}"
            );
        }
        // called true, it stands
        assert_eq!(
            deeds(
                "The ministry said the report that the Syrian army shelled the town of Varnel is true."
            ),
            [("Syrian government".to_string(), false)]
        );
    }

    #[test]
    fn communique_words_for_the_enemy_dead_and_a_toll_of_none() {
        for (text, want) in [
            (
                "The army said seven assailants were neutralised.",
                exact(7, "assailants"),
            ),
            (
                "The army said it had eliminated 12 terrorists.",
                exact(12, "terrorists"),
            ),
            (
                "The army said all 33 terrorists at the scene have been sent to hell.",
                exact(33, "terrorists"),
            ),
            (
                "The army said 26 hostages embraced shahadat.",
                exact(26, "hostages"),
            ),
            (
                "The group said none of its combatants was killed.",
                exact(0, "combatants"),
            ),
            (
                "The army said no civilian was affected by the strikes.",
                exact(0, "civilian"),
            ),
        ] {
            assert_eq!(killed(text), [want], "{text}");
        }
    }

    #[test]
    fn a_denial_of_whose_involvement_names_the_event_after_it() {
        let x = extraction(
            "The movement categorically denies any involvement of its elements in the attack on the camp in Kavra.",
        );
        let denied: Vec<(String, bool)> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Responsibility { agent, event, .. } => Some((
                    agent.to_string(),
                    event.places.iter().any(|pl| pl.as_str() == "Kavra"),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(denied, [("movement".to_string(), true)]);
    }

    #[test]
    fn the_enemy_in_a_partys_claim_is_the_belligerent_it_names_most() {
        let text = "Ukraine's General Staff said Russian occupiers had massed troops near the \
                    border. The General Staff said the enemy had struck Sumy with two missiles on \
                    Monday.";
        assert_eq!(agents(text), ["Russia"]);
        // two belligerents named as often: the enemy stays unresolved
        let text = "The army said Russian troops and Belarusian troops crossed the border. \
                    Ukraine's General Staff said the enemy had struck Sumy on Monday.";
        assert!(
            !agents(text).iter().any(|a| a == "Russia" || a == "Belarus"),
            "{:?}",
            agents(text)
        );
    }

    #[test]
    fn a_participle_after_its_noun_is_no_deed_and_the_fall_of_a_weapon_names_its_owner() {
        let text = "The ministry said the damage to buildings in Sumy was caused by the fall of a \
                    Ukrainian air defence missile launched from a position inside the city.";
        assert_eq!(agents(text), ["Ukraine"]);
    }

    #[test]
    fn a_time_phrase_between_a_participle_and_its_by_keeps_the_agent() {
        for text in [
            "The mission condemns the attack carried out on 5 April by elements of the Wagner group.",
            "The mission said the attack was carried out on Saturday night by the Wagner group.",
        ] {
            assert_eq!(agents(text), ["Wagner Group"], "{text}");
        }
    }

    #[test]
    fn a_military_posts_place_and_a_post_with_no_name() {
        for (text, place) in [
            (
                "The group said its fighters took control of the FACA camp in Koui.",
                "Koui",
            ),
            (
                "The army said the position of Koui remains under its control.",
                "Koui",
            ),
            (
                "The ministry said Russian forces have liberated the settlement of Zarichne.",
                "Zarichne",
            ),
            (
                "The army said militants attacked the base in Tillia on Tuesday. The group said its fighters took control of the base.",
                "Tillia",
            ),
        ] {
            assert!(
                controls(text).iter().any(|(p, _)| p == place),
                "{text}: {:?}",
                controls(text)
            );
        }
        // a place before the post's noun is its own: "the Sarmada refugee camp in Idlib"
        assert!(
            controls("The rebels said they took control of the Sarmada camp in Idlib province.")
                .iter()
                .all(|(p, _)| p != "Idlib province" && p != "Idlib"),
        );
    }

    #[test]
    fn a_part_or_site_of_a_place_names_the_place() {
        let x = extraction(
            "The group denies any involvement of its elements in the attack against the \
             displaced persons site of Rhoe.",
        );
        assert!(
            x.propositions.iter().any(|p| p
                .kind
                .event()
                .is_some_and(|e| e.places.iter().any(|p| &**p == "Rhoe"))),
            "{:?}",
            x.propositions
        );
        assert_eq!(
            controls("The brigade said the centre of Udachne is held by the army."),
            [("Udachne".to_string(), "army".to_string())]
        );
    }

    #[test]
    fn a_partys_forces_placed_by_a_noun_phrase_or_a_relative_clause() {
        // (party, place, denied) of the presence claims
        let presences = |text: &str| -> Vec<(String, Option<String>, bool)> {
            extraction(text)
                .propositions
                .iter()
                .filter_map(|p| match &p.kind {
                    PropKind::Presence { party, place, .. } => Some((
                        party.to_string(),
                        place.as_ref().map(|p| p.to_string()),
                        p.negated,
                    )),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            presences(
                "The movement said its fighters attacked the positions of the Wagner mercenaries in Koui."
            ),
            [("Wagner Group".to_string(), Some("Koui".to_string()), false)]
        );
        assert_eq!(
            presences("The union said Russian instructors were not in the area of Koui."),
            [("Russia".to_string(), Some("Koui".to_string()), true)]
        );
        assert_eq!(
            presences("The army said Hamas militants who were operating in Rafah were killed."),
            [("Hamas".to_string(), Some("Rafah".to_string()), false)]
        );
        // a force named with no place and no predicate is placed nowhere
        assert!(presences("The army said Hamas militants were killed.").is_empty());
    }

    #[test]
    fn a_statement_about_a_killing_called_false_denies_the_figure() {
        // (negated, victims) of the casualty figures
        let denied = |text: &str| -> Vec<(bool, String)> {
            extraction(text)
                .propositions
                .iter()
                .filter_map(|p| match &p.kind {
                    PropKind::Casualty { victims, .. } => Some((p.negated, victims.to_string())),
                    _ => None,
                })
                .collect()
        };
        for text in [
            "The group said: \"The claims of the army about the killing of dozens of our fighters are lies.\"",
            "The army said the claims being circulated on social media by the rebels regarding the killing of dozens of soldiers are baseless.",
            "The ministry said the claim that 40 soldiers were killed is a blatant lie.",
        ] {
            assert!(
                denied(text).iter().any(|d| d.0) && denied(text).iter().all(|d| d.0),
                "{text}: {:?}",
                denied(text)
            );
        }
        // reported, or called true, the figure stands
        for text in [
            "The group said the claims of the army about the killing of dozens of fighters were widely reported.",
            "The ministry said the report about the killing of 40 soldiers is accurate.",
        ] {
            assert!(
                !denied(text).is_empty() && denied(text).iter().all(|d| !d.0),
                "{text}: {:?}",
                denied(text)
            );
        }
    }

    #[test]
    fn an_attack_gerund_after_a_denial_is_the_speakers_deed() {
        assert_eq!(
            deeds("Rebels in Idlib denied shelling Kafr Varnel on Monday."),
            [("rebels".to_string(), false)]
        );
        // each speaker once
        assert_eq!(
            agents("Syria and its ally Russia denied bombing hospitals in Idlib."),
            ["Syrian government", "Russia"]
        );
    }

    #[test]
    fn a_base_form_after_did_not_denies_the_deed() {
        assert_eq!(
            deeds("A spokesman said no British aircraft took part in the air strikes on the port."),
            [("United Kingdom".to_string(), true)]
        );
        assert_eq!(
            deeds("A spokesman said British aircraft participated in the air strikes on the port."),
            [("United Kingdom".to_string(), false)]
        );
        // no attack named: no deed
        assert!(deeds("A spokesman said British diplomats took part in the talks.").is_empty());
        assert_eq!(
            deeds(
                "The coalition did not conduct any strikes in the town on Monday, a spokesman said."
            ),
            [("coalition".to_string(), true)]
        );
    }

    #[test]
    fn deeds_denied_by_their_object_or_through_a_report_and_passives_past_an_adverb() {
        // "conducted no strikes": the deed denied
        assert_eq!(
            deeds(
                "The Russian air force conducted no strikes in that area at that time, a spokesman said."
            ),
            [("Russia".to_string(), true)]
        );
        // "denied an army report it had carried out an air strike": "it" is the speaker
        assert_eq!(
            deeds(
                "The Russian defence ministry denied an army report it had carried out an air strike on the town."
            ),
            [("Russia".to_string(), false)]
        );
        // "is regularly targeted by": a passive past its adverb names no subject as the agent
        assert!(
            deeds("Varosk is controlled by an opposition alliance and is regularly targeted by the air force.")
                .iter()
                .all(|(a, _)| !a.contains("Varosk")),
        );
    }

    #[test]
    fn a_predicate_that_disclaims_denies_the_deed_and_an_adjective_is_no_deed() {
        // "has nothing to do with the launches": the subject denies being the agent
        assert_eq!(
            deeds(
                "Hezbollah said it has nothing to do with the rocket launches from southern Lebanon."
            ),
            [("Hezbollah".to_string(), true)]
        );
        assert_eq!(
            deeds("The M23 said its fighters played no part in the shelling of the camp."),
            [("M23".to_string(), true)]
        );
        // "committed to the ceasefire" commits nothing
        assert!(
            deeds(
                "Hezbollah denied the rocket fire and said it remained committed to the ceasefire."
            )
            .iter()
            .all(|(a, _)| a == "Hezbollah")
        );
        // "the group" in a group's claim is the group
        assert_eq!(
            deeds("A Hezbollah official denied that the group fired the rockets at Metula."),
            [("Hezbollah".to_string(), false)]
        );
    }

    #[test]
    fn a_dated_first_person_deed_a_denied_named_event_and_a_killing_by_a_party() {
        // a time phrase before "our fighters" still opens the claim: the speaker's deed
        assert_eq!(
            deeds("The M23 said on Sunday 5 April our fighters carried out an attack on Varosh."),
            [("M23".to_string(), false)]
        );
        // "denies any involvement in <the event>": the named event, not the one before it
        let x = extraction(
            "The M23 said its fighters attacked the army camp in Varosh on Sunday. \
             The M23 categorically denies any involvement in the killing of civilians in Dalen.",
        );
        let denied: Vec<Vec<String>> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Responsibility { event, .. } if p.sentence == 1 => {
                    Some(event.places.iter().map(|p| p.to_string()).collect())
                }
                _ => None,
            })
            .collect();
        assert_eq!(denied, [vec!["Dalen".to_string()]]);
        // "the killing of 12 civilians in Dalen by the M23": the party after "by"
        assert_eq!(
            agents("The government condemned the killing of 12 civilians in Dalen by the M23."),
            ["M23"]
        );
    }

    #[test]
    fn the_accused_of_a_gerund_is_its_agent_without_the_preposition() {
        assert_eq!(
            deeds("Rebels accused the Russian air force of carrying out the attack on Varosk."),
            [("Russia".to_string(), false)]
        );
        assert_eq!(
            agents("Rebels accused the militia of carrying out the attack."),
            ["militia"]
        );
    }

    #[test]
    fn a_holder_phrase_ends_before_the_conjunction_of_the_next_clause() {
        let x =
            extraction("Varosk is controlled by an opposition alliance and is regularly shelled.");
        let holders: Vec<&str> = x
            .propositions
            .iter()
            .filter_map(|p| match &p.kind {
                PropKind::Control { holder, .. } => Some(holder.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(holders, ["opposition alliance"]);
    }

    #[test]
    fn a_passive_hit_by_a_weapon_names_its_user() {
        // no attack word before "hit by": the weapon after it makes it one
        assert_eq!(
            agents("The army said the building in Varosk was hit by an Israeli drone on Monday."),
            vec!["Israel"]
        );
        // a survey carried out by someone is no attack
        assert!(
            agents("The ministry said the survey was carried out by Israeli experts.").is_empty()
        );
    }

    #[test]
    fn each_conjunct_of_a_joint_agent_is_named() {
        // a role noun and a demonym before a shared head: both parties, jointly
        assert_eq!(
            agents(
                "The Syrian government said it would retake Varnel. Varnel came under attacks by regime and Russian forces on Monday."
            ),
            vec!["Syrian government", "Russia"]
        );
    }

    #[test]
    fn a_weapon_used_by_a_party_names_that_party_as_the_agent() {
        assert_eq!(
            agents(
                "Observers said more than 300 shells fired by opposition groups hit the western districts of Varnel in Syria on Monday."
            ),
            vec!["rebels"]
        );
        assert_eq!(
            agents(
                "Activists said barrel bombs dropped by the Syrian army hit the market in Varnel on Monday."
            ),
            vec!["Syrian government"]
        );
        // a supporter is no agent
        assert_eq!(
            agents(
                "Activists said Turkish armour supported by coalition aircraft shelled Varnel on Monday."
            ),
            vec!["Turkey"]
        );
    }

    #[test]
    fn a_demonym_before_a_place_noun_is_no_place() {
        let ev = last_context(
            "Shells hit a market in the southern Ukrainian city of Kherson on Monday.",
        );
        assert!(!ev.places.iter().any(|p| p == "Ukrainian"), "{ev:?}");
        assert!(ev.places.iter().any(|p| p == "Kherson"), "{ev:?}");
        // a name before a place noun is a place
        let ev = last_context("Shells hit the Pellin market in Velmar on Monday.");
        assert!(ev.places.iter().any(|p| p == "Pellin"), "{ev:?}");
    }

    #[test]
    fn a_casualty_verbs_subject_is_read_past_its_prepositional_phrases() {
        assert_eq!(
            agents(
                "A Malian army drone strike on the wedding in Dioura killed at least 34 civilians, Human Rights Watch said."
            ),
            vec!["Mali"]
        );
        // a party inside the phrase struck is no subject
        assert!(
            agents(
                "The observatory said the strike on the Russian base in Hmeimim killed 5 people."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_demonym_before_a_states_weapons_names_the_state() {
        for text in [
            "Residents said Israeli warplanes struck the building in Marjayoun.",
            "The ministry said an Israeli drone hit a car near Nabatieh.",
            "Peacekeepers said Israeli tank fire hit the perimeter of the base.",
        ] {
            assert_eq!(agents(text), vec!["Israel"], "{text}");
        }
        // a demonym before fighters or rockets names no state
        let text = "Residents said Palestinian fighters attacked the post in Kissufim.";
        assert!(!agents(text).iter().any(|a| a == "Palestine"), "{text}");
    }

    #[test]
    fn a_time_adverbial_before_the_verb_is_no_part_of_the_agent() {
        // must fire: the party before the time adverbial is the agent
        for text in [
            "Activists said the Syrian army this morning shelled the bakery in Varnel.",
            "Activists said the Syrian army on Tuesday shelled the bakery in Varnel.",
            "Activists said the Syrian army late on Tuesday shelled the bakery in Varnel.",
            "Activists said the Syrian army yesterday shelled the bakery in Varnel.",
        ] {
            assert_eq!(agents(text), vec!["Syrian government"], "{text}");
        }
        // must not: an event with a time names no agent, and a time alone is no agent
        for text in [
            "An air strike on Tuesday hit the bakery in Varnel.",
            "Activists said an air strike this morning hit the bakery in Varnel.",
        ] {
            let a = agents(text);
            assert!(
                a.iter()
                    .all(|x| !x.contains("morning") && !x.contains("Tuesday")),
                "{text}: {a:?}"
            );
        }
    }
}
