//! The claim graph: documents, parties, events, places and propositions, with assert / deny /
//! accuse edges that keep their evidence.
//!
//! The graph is built append-only (a `petgraph::graph::DiGraph` whose indices never shift), in a
//! deterministic order: documents in input order, then their propositions in text order. Event
//! mentions from different documents are merged into one event node when they agree on enough
//! (see [`same_event`]).

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::extract::{EventRef, Extraction, PropKind};
use crate::istr::IStr;
use crate::lexicon::Lexicon;
use crate::model::TimeRef;
use crate::model::{Commitment, CueType, Polarity, Resolution};
use crate::places::is_root_place;

// The place hierarchy lives in `places`; its public paths here are kept.
pub use crate::places::{place_ancestors, places_compatible};

/// How a party stands toward a proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Assert,
    Deny,
    Accuse,
}

/// One party's stance toward one proposition, with the evidence that carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Index into [`ClaimGraph::docs`].
    pub doc: usize,
    /// Index into that document's attributions; `None` for a statement in the report's own voice
    /// (read only with [`GraphOptions::own_voice`], which the CLI sets unless `--no-own-voice`).
    pub attribution: Option<usize>,
    /// Index into that document's propositions.
    pub prop: usize,
    /// The party label (party, else speaker name, else `(unresolved)`).
    pub party: IStr,
    /// Whether the speaker behind the label was resolved.
    pub resolved: bool,
    /// Whether the label is a known party (from `parties.tsv`), not just a speaker's name.
    pub known_party: bool,
    pub stance: Stance,
    pub commitment: Commitment,
    /// A statement in the own voice of a party's own statement (the document's issuer,
    /// [`crate::extract::issuer`]): the party speaks, as in an attributed claim.
    pub issued: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "node", rename_all = "snake_case")]
pub enum Node {
    Document { id: String },
    Party { name: String },
    Event { id: usize },
    Place { name: String },
    Proposition { doc: usize, prop: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "edge", rename_all = "snake_case")]
pub enum Edge {
    /// Party → proposition.
    Stance { stance: Stance, claim: u32 },
    /// Proposition → event.
    About,
    /// Proposition → party said to be responsible.
    Agent,
    /// Proposition → place whose control it claims.
    Concerns,
    /// Document → proposition.
    Contains,
}

/// A merged event: every mention that [`same_event`] put together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: usize,
    pub desc: EventRef,
    /// (doc, prop) of each mention.
    pub mentions: Vec<(usize, usize)>,
    /// Why mentions from other reports were taken for this event: the details each agreed on
    /// with the event as described so far.
    pub links: Vec<EventLink>,
}

/// A detail two event mentions agree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Detail {
    /// The same specific frame (an aid convoy, an offensive), not just "attack".
    SpecificFrame,
    Day,
    Place,
    Agent,
    /// The same site struck ("the market").
    Target,
}

impl Detail {
    /// How reports say it: "same day".
    pub fn label(self) -> &'static str {
        match self {
            Detail::SpecificFrame => "same specific frame",
            Detail::Day => "same day",
            Detail::Place => "same place",
            Detail::Agent => "same agent",
            Detail::Target => "same target",
        }
    }
}

/// How surely the mentions of an event from several reports are one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchCertainty {
    /// Every mention comes from one report.
    SingleReport,
    /// Every other report agreed on the day and on the place, the agent or the target.
    Certain,
    /// Some other report agreed on two other details only.
    Probable,
}

impl MatchCertainty {
    pub fn id(self) -> &'static str {
        match self {
            MatchCertainty::SingleReport => "single report",
            MatchCertainty::Certain => "certain",
            MatchCertainty::Probable => "probable",
        }
    }
}

/// A mention from another report merged into an event, and the details it agreed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventLink {
    /// Index into [`ClaimGraph::docs`] of the report the mention comes from.
    pub doc: usize,
    pub agreed: Vec<Detail>,
}

impl EventLink {
    /// A match on the day and on the place, agent or target is certain; any other two details make a
    /// probable match.
    pub fn certain(&self) -> bool {
        self.agreed.contains(&Detail::Day)
            && [Detail::Place, Detail::Agent, Detail::Target]
                .iter()
                .any(|d| self.agreed.contains(d))
    }
}

impl Event {
    /// See [`MatchCertainty`].
    pub fn match_certainty(&self) -> MatchCertainty {
        if self.links.is_empty() {
            MatchCertainty::SingleReport
        } else if self.links.iter().all(EventLink::certain) {
            MatchCertainty::Certain
        } else {
            MatchCertainty::Probable
        }
    }

    /// Every detail that linked another report's mention to this event, deduplicated, in order.
    pub fn matched_on(&self) -> Vec<Detail> {
        let mut out: Vec<Detail> = Vec::new();
        for l in &self.links {
            for a in &l.agreed {
                if !out.contains(a) {
                    out.push(*a);
                }
            }
        }
        out
    }
}

impl Claim {
    /// The claim's id as in `gainsay extract` (`doc#n` for the n-th attribution), or `doc#vN` for
    /// the report's own voice (the N-th proposition).
    pub fn id(&self, doc_id: &str) -> String {
        match self.attribution {
            Some(a) => format!("{doc_id}#{}", a + 1),
            None => format!("{doc_id}#v{}", self.prop + 1),
        }
    }

    /// Whether a party speaks the claim: an attribution's, or the own voice of a party's
    /// statement; not an outlet's narrative.
    pub fn voiced(&self) -> bool {
        self.attribution.is_some() || self.issued
    }
}

/// How the graph reads the documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphOptions {
    /// Also read casualty, responsibility and control statements in a report's own voice as
    /// claims of its outlet ("AFP (own voice)"), so that outlets can be compared with each other.
    /// Off in `GraphOptions::default()`; the CLI turns it on unless `--no-own-voice`.
    pub own_voice: bool,
}

pub struct ClaimGraph {
    pub graph: DiGraph<Node, Edge>,
    /// The documents in the graph's canonical order (by id; see [`ClaimGraph::build_with`]).
    pub docs: Vec<Extraction>,
    /// For each of [`Self::docs`], its position in the input given to the builder.
    pub input_index: Vec<usize>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
    pub parties: BTreeMap<String, NodeIndex>,
    pub places: BTreeMap<String, NodeIndex>,
    pub event_nodes: Vec<NodeIndex>,
    /// Node of each proposition: `prop_nodes[doc][prop]`.
    pub prop_nodes: Vec<Vec<NodeIndex>>,
    /// How reports name each frame (from `frames.tsv`).
    pub frame_text: BTreeMap<String, String>,
    /// Every party named in `parties.tsv`.
    pub known_parties: std::collections::BTreeSet<String>,
    /// The nouns for civilians and witnesses (`civilian` rows of `discovery.tsv`), for the party
    /// coverage.
    pub civilian_nouns: std::collections::BTreeSet<String>,
}

/// Whether two event descriptions refer to the same event.
///
/// They must not clash (frames incompatible, different dates or weekdays, places that cannot be
/// the same, different target sites) and must agree on at least two of: place, day, a specific
/// frame (convoy, offensive), agent, target; or, both from reports with no publication date, on
/// the place ([`undated_place_match`]).
pub fn same_event(a: &EventRef, b: &EventRef, lx: &Lexicon) -> bool {
    same_event_with(a, b, lx, 2)
}

/// [`same_event`] with the number of agreeing details required (one suffices inside a single
/// report, where descriptions are already shared through the sentence context).
pub fn same_event_with(a: &EventRef, b: &EventRef, lx: &Lexicon, needed: usize) -> bool {
    agreements(a, b, lx)
        .is_some_and(|d| d.len() >= needed || (needed == 2 && undated_place_match(a, b, &d)))
}

/// The longest period, in days past its first, that still names one night or one day's
/// fighting ("the night of 19 to 20 September"): a day inside it agrees on the day.
const NIGHT_DAYS: i32 = 1;

/// Two mentions from reports that carry no publication date (plain texts) agree on their place:
/// one event. Nothing dates them, so the day cannot tell them apart, and undated reports given
/// together are, in practice, reports of one incident; dated reports need a second detail.
pub fn undated_place_match(a: &EventRef, b: &EventRef, agreed: &[Detail]) -> bool {
    a.published.is_none() && b.published.is_none() && agreed.contains(&Detail::Place)
}

/// The details two event descriptions agree on ("same specific frame", "same day", "same place",
/// "same agent"), or `None` when they clash (incompatible frames, different dates or weekdays,
/// places that cannot be the same).
pub fn agreements(a: &EventRef, b: &EventRef, lx: &Lexicon) -> Option<Vec<Detail>> {
    if !dates_can_meet(a, b) {
        return None;
    }
    let mut agree = Vec::new();
    match (&a.frame, &b.frame) {
        (Some(x), Some(y)) if !lx.frames_compatible(x, y) => return None,
        (Some(x), Some(y)) if x == y && lx.frame_specific(x) => agree.push(Detail::SpecificFrame),
        _ => {}
    }
    if let (Some(ta), Some(tb)) = (&a.time, &b.time) {
        match (ta.period(), tb.period()) {
            // periods ("last week") that do not meet clash; a day within a period agrees on no
            // day
            (Some((a0, a1)), Some((b0, b1))) if a1 < b0 || b1 < a0 => return None,
            (Some((a0, a1)), Some((b0, b1))) => {
                // (a night spanning two days holds either day: "the night of 19 to 20
                // September" and "Saturday night", the 19th)
                let night = |d: jiff::civil::Date, p0: jiff::civil::Date, p1: jiff::civil::Date| {
                    (p1 - p0).get_days() <= NIGHT_DAYS && p0 <= d && d <= p1
                };
                if (ta.day().is_some() && ta.day() == tb.day())
                    || (ta.day().is_some() && tb.day().is_none() && night(a0, b0, b1))
                    || (tb.day().is_some() && ta.day().is_none() && night(b0, a0, a1))
                {
                    agree.push(Detail::Day);
                }
            }
            _ => match (&ta.weekday, &tb.weekday) {
                (Some(wa), Some(wb)) if wa != wb => return None,
                (Some(_), Some(_)) => agree.push(Detail::Day),
                _ => {}
            },
        }
    }
    // a country is too wide to tell events apart: it neither clashes nor counts
    let (aps, bps): (Vec<&IStr>, Vec<&IStr>) = (
        a.places.iter().filter(|p| !is_root_place(p, lx)).collect(),
        b.places.iter().filter(|p| !is_root_place(p, lx)).collect(),
    );
    // the most specific places (named first: "the Pellin market in Marvano") must not differ
    if let (Some(pa), Some(pb)) = (aps.first(), bps.first()) {
        // (one name with and without its article is one name: "al-Sulaymaniyah")
        let named_in = |x: &IStr, ps: &[&IStr]| {
            ps.iter()
                .any(|p| *p == x || crate::places::same_unknown_name(p, x, lx))
        };
        // (a name no gazetteer knows may lie in a known town the other mention names: "Al
        // Kalassa" against "Damascus")
        let unknown = |x: &IStr| !crate::places::is_known(x, lx);
        // (... when that mention names no other known place than regions that hold the town:
        // "in Tondikiwindi, in the Tillaberi region" against "Ouallam" in that region; a city
        // it names is where it lies, "in Sheikh Saeed, Aleppo" is no town of Aleppo province)
        let within = |ps: &[&IStr], town: &IStr| {
            unknown(ps[0])
                && ps.iter().all(|p| {
                    unknown(p)
                        || (*p != town
                            && !crate::places::is_settlement(p, lx)
                            && places_compatible(p, town, lx))
                })
        };
        let inside = (within(&aps, pb) && !unknown(pb)) || (within(&bps, pa) && !unknown(pa));
        if !named_in(pa, &bps) && !named_in(pb, &aps) && !places_compatible(pa, pb, lx) && !inside {
            return None;
        }
    }
    if !aps.is_empty() && !bps.is_empty() {
        let any = aps
            .iter()
            .any(|p| bps.iter().any(|q| places_compatible(p, q, lx)));
        if !any {
            return None;
        }
        agree.push(Detail::Place);
    }
    // the same party (a name no list knows, such as "terrorists", tells too little)
    if let (Some(x), Some(y)) = (&a.agent, &b.agent) {
        if x == y && lx.is_party(x) {
            agree.push(Detail::Agent);
        }
    }
    // areas held by different sides are different areas ("rebel-held" and "government-held")
    if let (Some(x), Some(y)) = (&a.held_by, &b.held_by) {
        if x != y {
            return None;
        }
    }
    // an air raid and ground fire are different incidents, unless both name the same site
    // struck: "the hospital was hit by an air strike" against "by a misfired rocket" is the
    // dispute over one incident
    let same_site = a.target.is_some() && a.target == b.target;
    if let (Some(x), Some(y)) = (&a.mode, &b.mode) {
        if x != y && !same_site {
            return None;
        }
    }
    // different sites struck are different events ("the market" and "the hospital")
    match (&a.target, &b.target) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(_), Some(_)) => agree.push(Detail::Target),
        _ => {}
    }
    Some(agree)
}

/// The details under which an event is filed for lookup: two events can only match when they
/// share one (places are also filed under the region they lie in).
pub(crate) fn event_keys(e: &EventRef, lx: &Lexicon) -> Vec<String> {
    let mut keys = Vec::new();
    for p in &e.places {
        if is_root_place(p, lx) {
            continue;
        }
        keys.push(format!("p:{p}"));
        for a in place_ancestors(p, lx) {
            if !is_root_place(&a, lx) {
                keys.push(format!("p:{a}"));
            }
        }
    }
    if let Some(t) = &e.time {
        if let Some(d) = t.day() {
            keys.push(format!("d:{d}"));
        }
        if let Some(w) = &t.weekday {
            keys.push(format!("w:{w}"));
        }
    }
    if let Some(a) = &e.agent {
        keys.push(format!("a:{a}"));
    }
    if let Some(f) = e.frame.as_deref().filter(|f| lx.frame_specific(f)) {
        keys.push(format!("f:{f}"));
    }
    // the site struck: inside one report it alone may tie a mention to its event ("the
    // hospital strike", after the report named the hospital's town); across reports a second
    // detail is needed, and that one is a key of its own
    if let Some(t) = &e.target {
        keys.push(format!("t:{t}"));
    }
    keys
}

/// How many days before its report an undated event may have happened.
const UNDATED_WINDOW_DAYS: i64 = 7;

/// The days an event can have happened on: its explicit date or period, or else the week before
/// the report's publication date; `None` when nothing dates it.
fn date_window(e: &EventRef) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    if let Some(period) = e.time.as_ref().and_then(TimeRef::period) {
        return Some(period);
    }
    let p = e.published?;
    let from = p
        .checked_sub(jiff::Span::new().days(UNDATED_WINDOW_DAYS))
        .ok()?;
    Some((from, p))
}

/// The week filed for mentions that nothing dates, or whose window spans too many weeks to list.
const ANY_WEEK: i64 = i64::MIN;
/// Widest window, in weeks, listed week by week.
const MAX_WEEKS: i64 = 8;

/// The weeks (days since 1970 divided by 7) an event's date window spans; `None` for no window or
/// one too wide to list.
pub(crate) fn weeks_of(e: &EventRef) -> Option<Vec<i64>> {
    weeks_within(e, MAX_WEEKS)
}

/// [`weeks_of`] with the widest window listed given.
pub(crate) fn weeks_within(e: &EventRef, max_weeks: i64) -> Option<Vec<i64>> {
    let (a, b) = date_window(e)?;
    let epoch = jiff::civil::date(1970, 1, 1);
    let week = |d: jiff::civil::Date| -> Option<i64> {
        let days = (d - epoch).get_days();
        Some(i64::from(days).div_euclid(7))
    };
    let (wa, wb) = (week(a)?, week(b)?);
    (wb >= wa && wb - wa < max_weeks).then(|| (wa..=wb).collect())
}

/// Whether the two events can fall on the same day (see [`date_window`]).
fn dates_can_meet(a: &EventRef, b: &EventRef) -> bool {
    match (date_window(a), date_window(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

fn merge(desc: &mut EventRef, other: &EventRef, lx: &Lexicon) {
    let better = match (&desc.frame, &other.frame) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => lx.frame_rank(b) > lx.frame_rank(a),
        _ => false,
    };
    if better {
        desc.frame = other.frame.clone();
    }
    for p in &other.places {
        if !desc.places.contains(p) {
            desc.places.push(p.clone());
        }
    }
    // a day beats a period, a period beats no date
    let rank = |t: Option<&TimeRef>| match t {
        Some(t) if t.day().is_some() => 2,
        Some(t) if t.date.is_some() => 1,
        _ => 0,
    };
    if rank(other.time.as_ref()) > rank(desc.time.as_ref()) {
        desc.time = other.time.clone();
    }
    if desc.time.is_none() {
        desc.time = other.time.clone();
    }
    if desc.target.is_none() {
        desc.target = other.target.clone();
    }
    if desc.mode.is_none() {
        desc.mode = other.mode.clone();
    }
    if desc.held_by.is_none() {
        desc.held_by = other.held_by.clone();
    }
}

fn stance_of(cue_type: CueType, polarity: Polarity, negated: bool, kind: &PropKind) -> Stance {
    let deny = (polarity == Polarity::Deny) != negated;
    if deny {
        Stance::Deny
    } else if cue_type == CueType::Accuse && matches!(kind, PropKind::Responsibility { .. }) {
        Stance::Accuse
    } else {
        Stance::Assert
    }
}

/// The claims on proposition `pi` of document `x` (at `di` in the graph's order), in the order
/// the graph numbers them: a function of the document alone (and the resources and options),
/// which is what lets [`crate::decompose`] key a document's claims without a graph.
pub fn prop_claims(
    x: &Extraction,
    di: usize,
    pi: usize,
    lx: &Lexicon,
    opts: GraphOptions,
) -> Vec<Claim> {
    let p = &x.propositions[pi];
    let Some(ai) = p.attribution else {
        // the report's own voice: a claim of its outlet (or of the report itself)
        let event_like = matches!(
            p.kind,
            PropKind::Casualty { .. }
                | PropKind::Responsibility { .. }
                | PropKind::Control { .. }
                | PropKind::Violation { .. }
                | PropKind::Target { .. }
        );
        // a party's own statement speaks for the party (read even without `own_voice`: the
        // party speaks, not an outlet); an outlet that is itself a party's voice ("SANA", state
        // media), for that party
        let issuer = x
            .issuer
            .as_ref()
            .and_then(|s| s.party.as_ref().map(|p| p.to_string()));
        let issued = issuer.is_some();
        if !((opts.own_voice || issued) && event_like) {
            return Vec::new();
        }
        let who = x.doc.outlet.clone().unwrap_or_else(|| x.doc.id.clone());
        let outlet_party = issuer.or_else(|| lx.outlet_party(&who));
        let label = outlet_party
            .clone()
            .unwrap_or_else(|| format!("{who} (own voice)"));
        return vec![Claim {
            doc: di,
            attribution: None,
            prop: pi,
            party: label.into(),
            resolved: true,
            known_party: outlet_party.is_some(),
            stance: stance_of(CueType::Assert, Polarity::Assert, p.negated, &p.kind),
            commitment: p.hedge.unwrap_or(Commitment::Certain),
            issued,
        }];
    };
    let a = &x.attributions[ai];
    // an outlet relaying another source's words claims nothing itself
    if a.relays.is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut labels_seen: Vec<&str> = Vec::new();
    for sp in &a.speakers {
        // "the Veltorian army and the Veltorian air force": one party, one claim
        if labels_seen.contains(&sp.label()) {
            continue;
        }
        labels_seen.push(sp.label());
        out.push(Claim {
            doc: di,
            attribution: Some(ai),
            prop: pi,
            party: sp.label().into(),
            resolved: !matches!(
                sp.resolution,
                Resolution::Unresolved { .. } | Resolution::Sourceless
            ),
            known_party: sp.party.is_some(),
            stance: stance_of(a.cue_type, a.polarity, p.negated, &p.kind),
            // a hedge on the figure itself ("probably at the low end of") weakens it
            commitment: a.commitment.max(p.hedge.unwrap_or(Commitment::Certain)),
            issued: false,
        });
    }
    out
}

impl ClaimGraph {
    /// Builds the graph from extracted documents.
    pub fn build(docs: Vec<Extraction>, lx: &Lexicon) -> Self {
        Self::build_with(docs, lx, GraphOptions::default())
    }

    /// [`Self::build`] with options.
    pub fn build_with(docs: Vec<Extraction>, lx: &Lexicon, opts: GraphOptions) -> Self {
        // A canonical order, whatever the input order: by document id (a stable sort: a
        // repeated id keeps its input order). Events are merged greedily in this order, so the
        // same documents give the same events, findings and ids in any order.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by(|&a, &b| docs[a].doc.id.cmp(&docs[b].doc.id).then(a.cmp(&b)));
        let mut slots: Vec<Option<Extraction>> = docs.into_iter().map(Some).collect();
        let docs: Vec<Extraction> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let mut g = ClaimGraph {
            graph: DiGraph::new(),
            docs: Vec::new(),
            input_index: order.clone(),
            claims: Vec::new(),
            events: Vec::new(),
            parties: BTreeMap::new(),
            places: BTreeMap::new(),
            event_nodes: Vec::new(),
            prop_nodes: Vec::with_capacity(docs.len()),
            frame_text: lx
                .frame_defs
                .iter()
                .map(|(k, d)| (k.clone(), d.description.clone()))
                .collect(),
            known_parties: lx.aliases.iter().map(|a| a.party.clone()).collect(),
            civilian_nouns: lx.civilian_nouns.iter().cloned().collect(),
        };
        // event lookup by shared detail (place, day, agent, specific frame)
        // Filed by detail and by week: only mentions whose dates can meet can match, so a corpus
        // of many weeks never compares every mention with every event of the same place or
        // agent. Undated mentions (no date, no publication date) are filed under every week.
        // (key, week, event) and (key, event): sets of numbers, not maps of lists, so that an
        // entry costs no allocation of its own
        let mut key_ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut index: BTreeSet<(u32, i64, u32)> = BTreeSet::new();
        let mut by_key: BTreeSet<(u32, u32)> = BTreeSet::new();
        // per event: its distinct mention descriptions, each with the first and last report that
        // gave it; and the first and last report that mentions the event at all
        let mut distinct: Vec<Vec<(&EventRef, (usize, usize))>> = Vec::new();
        let mut spread: Vec<(usize, usize)> = Vec::new();
        for (di, x) in docs.iter().enumerate() {
            let dn = g.graph.add_node(Node::Document {
                id: x.doc.id.clone(),
            });
            let mut prop_nodes = Vec::with_capacity(x.propositions.len());
            for (pi, p) in x.propositions.iter().enumerate() {
                let pn = g.graph.add_node(Node::Proposition { doc: di, prop: pi });
                prop_nodes.push(pn);
                g.graph.add_edge(dn, pn, Edge::Contains);
                // Event.
                let ev = p.kind.event();
                if let Some(ev) = ev.filter(|e| e.frame.is_some()) {
                    // no earlier mention may clash, and one of them (and the event's merged
                    // description) must agree: across reports on two details, within this report
                    // on one (a report's vaguer mention, its place alone, keeps no precise one
                    // out)
                    // only events sharing a detail can match: look those up, in id order
                    let keys: Vec<u32> = event_keys(ev, lx)
                        .into_iter()
                        .map(|k| {
                            let n = key_ids.len() as u32;
                            *key_ids.entry(k).or_insert(n)
                        })
                        .collect();
                    let weeks = weeks_of(ev);
                    let mut candidates: Vec<usize> = match &weeks {
                        // a dated mention can only meet events of the weeks it spans, or undated
                        Some(ws) => keys
                            .iter()
                            .flat_map(|k| {
                                ws.iter()
                                    .chain(std::iter::once(&ANY_WEEK))
                                    .flat_map(|&w| index.range((*k, w, 0)..=(*k, w, u32::MAX)))
                                    .map(|e| e.2 as usize)
                            })
                            .collect(),
                        None => keys
                            .iter()
                            .flat_map(|k| by_key.range((*k, 0)..=(*k, u32::MAX)))
                            .map(|e| e.1 as usize)
                            .collect(),
                    };
                    candidates.sort_unstable();
                    candidates.dedup();
                    // Each distinct earlier description is checked once (a corpus repeats the
                    // same mention many times): against one from this report on one detail,
                    // from any other report on two.
                    let needed =
                        |(lo, hi): (usize, usize)| if lo == di && hi == di { 1 } else { 2 };
                    // Of the events it can join, the one agreeing on the most details (the
                    // earliest among equals), not merely the first found.
                    let found = candidates
                        .into_iter()
                        .filter(|&i| {
                            let all_here = needed(spread[i]) == 1;
                            same_event_with(&g.events[i].desc, ev, lx, if all_here { 1 } else { 2 })
                                && distinct[i]
                                    .iter()
                                    .all(|(other, _)| agreements(other, ev, lx).is_some())
                                && distinct[i].iter().any(|&(other, docs)| {
                                    same_event_with(other, ev, lx, needed(docs))
                                })
                        })
                        .max_by_key(|&i| {
                            let n = agreements(&g.events[i].desc, ev, lx).map_or(0, |d| d.len());
                            (n, std::cmp::Reverse(i))
                        });
                    let ei = match found {
                        Some(i) => {
                            // what this mention agrees on; a report's best mention counts (a
                            // headline without a day does not make the match merely probable
                            // when its body gives the day)
                            let agreed = agreements(&g.events[i].desc, ev, lx).unwrap_or_default();
                            let first_here = g.events[i].mentions.iter().all(|&(d, _)| d != di);
                            if first_here {
                                g.events[i].links.push(EventLink { doc: di, agreed });
                            } else if let Some(link) =
                                g.events[i].links.iter_mut().find(|l| l.doc == di)
                            {
                                if agreed.len() > link.agreed.len() {
                                    link.agreed = agreed;
                                }
                            }
                            merge(&mut g.events[i].desc, ev, lx);
                            i
                        }
                        None => {
                            let id = g.events.len();
                            g.events.push(Event {
                                id,
                                desc: ev.clone(),
                                mentions: Vec::new(),
                                links: Vec::new(),
                            });
                            let en = g.graph.add_node(Node::Event { id });
                            g.event_nodes.push(en);
                            distinct.push(Vec::new());
                            spread.push((di, di));
                            id
                        }
                    };
                    match distinct[ei].iter_mut().find(|(d, _)| *d == ev) {
                        Some((_, docs_of)) => docs_of.1 = di,
                        None => distinct[ei].push((ev, (di, di))),
                    }
                    spread[ei].1 = di;
                    for k in keys {
                        for &w in weeks.as_deref().unwrap_or(&[ANY_WEEK]) {
                            index.insert((k, w, ei as u32));
                        }
                        by_key.insert((k, ei as u32));
                    }
                    g.events[ei].mentions.push((di, pi));
                    g.graph.add_edge(pn, g.event_nodes[ei], Edge::About);
                }
                match &p.kind {
                    PropKind::Responsibility { agent, .. }
                    | PropKind::Violation {
                        violator: Some(agent),
                        ..
                    } => {
                        let an = g.party(agent);
                        g.graph.add_edge(pn, an, Edge::Agent);
                    }
                    PropKind::Control { place, holder, .. } => {
                        let place_node = match g.places.get(place.as_str()) {
                            Some(&n) => n,
                            None => {
                                let n = g.graph.add_node(Node::Place {
                                    name: place.to_string(),
                                });
                                g.places.insert(place.to_string(), n);
                                n
                            }
                        };
                        g.graph.add_edge(pn, place_node, Edge::Concerns);
                        let hn = g.party(holder);
                        g.graph.add_edge(pn, hn, Edge::Agent);
                    }
                    _ => {}
                }
                // Stances.
                for c in prop_claims(x, di, pi, lx, opts) {
                    let (stance, ci) = (c.stance, g.claims.len());
                    let label = c.party.clone();
                    g.claims.push(c);
                    let party = g.party(&label);
                    g.graph.add_edge(
                        party,
                        pn,
                        Edge::Stance {
                            stance,
                            claim: ci as u32,
                        },
                    );
                }
            }
            g.prop_nodes.push(prop_nodes);
        }
        // every document is kept until the report is written: no spare room
        g.claims.shrink_to_fit();
        for e in &mut g.events {
            e.mentions.shrink_to_fit();
            e.links.shrink_to_fit();
            e.desc.places.shrink_to_fit();
        }
        g.events.shrink_to_fit();
        g.event_nodes.shrink_to_fit();
        g.graph.shrink_to_fit();
        g.docs = docs;
        g
    }

    fn party(&mut self, name: &str) -> NodeIndex {
        if let Some(&n) = self.parties.get(name) {
            return n;
        }
        let n = self.graph.add_node(Node::Party {
            name: name.to_string(),
        });
        self.parties.insert(name.to_string(), n);
        n
    }

    /// Claims (indices) about a proposition node, in claim order.
    pub fn claims_on(&self, prop: NodeIndex) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .graph
            .edges_directed(prop, Direction::Incoming)
            .filter_map(|e| match e.weight() {
                Edge::Stance { claim, .. } => Some(*claim as usize),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Proposition nodes pointing at `target` through edges matching `pred`, in (doc, prop) order.
    pub fn props_into(
        &self,
        target: NodeIndex,
        pred: impl Fn(&Edge) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = self
            .graph
            .edges_directed(target, Direction::Incoming)
            .filter(|e| pred(e.weight()))
            .filter_map(|e| match &self.graph[e.source()] {
                Node::Proposition { doc, prop } => Some((*doc, *prop)),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// All claims on the propositions about an event.
    pub fn event_claims(&self, event: usize) -> Vec<usize> {
        let en = self.event_nodes[event];
        let mut out = Vec::new();
        for key in self.props_into(en, |e| matches!(e, Edge::About)) {
            out.extend(self.claims_on(self.prop_nodes[key.0][key.1]));
        }
        out.sort_unstable();
        out
    }

    /// All claims on control propositions about a place.
    pub fn place_claims(&self, place: &str) -> Vec<usize> {
        let Some(&n) = self.places.get(place) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for key in self.props_into(n, |e| matches!(e, Edge::Concerns)) {
            out.extend(self.claims_on(self.prop_nodes[key.0][key.1]));
        }
        out.sort_unstable();
        out
    }

    /// The claims of one document: claims are stored in document order.
    pub fn claims_of_doc(&self, doc: usize) -> &[Claim] {
        let a = self.claims.partition_point(|c| c.doc < doc);
        let b = self.claims.partition_point(|c| c.doc <= doc);
        &self.claims[a..b.max(a)]
    }

    pub fn prop(&self, c: &Claim) -> &crate::extract::Proposition {
        &self.docs[c.doc].propositions[c.prop]
    }

    /// The event a claim's proposition is about, if any.
    pub fn event_of(&self, c: &Claim) -> Option<usize> {
        let pn = self.prop_nodes[c.doc][c.prop];
        self.graph
            .edges_directed(pn, Direction::Outgoing)
            .find(|e| matches!(e.weight(), Edge::About))
            .and_then(|e| match &self.graph[e.target()] {
                Node::Event { id } => Some(*id),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeRef;

    fn ev(frame: &str, places: &[&str], weekday: Option<&str>, agent: Option<&str>) -> EventRef {
        EventRef {
            frame: Some(frame.into()),
            places: places.iter().map(|&s| s.into()).collect(),
            time: weekday.map(|w| TimeRef {
                phrase: w.into(),
                weekday: Some(w.into()),
                date: None,
                part: None,
                until: None,
            }),
            agent: agent.map(IStr::from),
            target: None,
            held_by: None,
            mode: None,
            published: None,
        }
    }

    #[test]
    fn a_night_spanning_two_days_agrees_with_either_day() {
        let lx = Lexicon::builtin();
        let d = |day: i8| jiff::civil::Date::new(2026, 9, day).unwrap();
        let dated = |from: i8, until: Option<i8>| {
            let mut e = ev("attack", &["Rhoe"], None, None);
            e.time = Some(TimeRef {
                phrase: "t".into(),
                weekday: None,
                date: Some(d(from)),
                part: None,
                until: until.map(d),
            });
            // (dated reports: the place alone does not make one event)
            e.published = Some(d(22));
            e
        };
        // the place and the day: one event
        assert!(same_event(&dated(19, None), &dated(19, Some(20)), &lx));
        assert!(same_event(&dated(20, Some(21)), &dated(21, None), &lx));
        // a day outside the night, or a week-long period, agrees on no day
        assert!(!same_event(&dated(18, None), &dated(19, Some(20)), &lx));
        assert!(!same_event(&dated(19, None), &dated(14, Some(20)), &lx));
    }

    #[test]
    fn places_nest_through_every_level_and_countries_are_too_wide() {
        let lx = Lexicon::builtin();
        // a district of the city, the city, its governorate
        assert!(places_compatible("Handarat", "Aleppo", &lx));
        assert!(places_compatible("Handarat", "Aleppo governorate", &lx));
        assert!(places_compatible("Manbij", "Aleppo governorate", &lx));
        // two places of one governorate are neighbours, not one place
        assert!(!places_compatible("Manbij", "Aleppo", &lx));
        assert!(!places_compatible("Douma", "Damascus", &lx));
        // a country never counts as the same place
        assert!(!places_compatible("Aleppo", "Syria", &lx));
        assert_eq!(
            place_ancestors("Handarat", &lx),
            vec!["Aleppo", "Aleppo governorate", "Syria"]
        );
        // ... and does not keep an event in Syria apart from one in Aleppo
        assert!(same_event(
            &ev("attack", &["Aleppo"], Some("Monday"), Some("Russia")),
            &ev("attack", &["Syria"], Some("Monday"), Some("Russia")),
            &lx
        ));
        assert!(!same_event(
            &ev("attack", &["Manbij"], Some("Monday"), Some("Russia")),
            &ev("attack", &["Aleppo"], Some("Monday"), Some("Russia")),
            &lx
        ));
    }

    #[test]
    fn an_unknown_village_in_a_region_may_be_near_a_known_town_of_it_but_not_of_another() {
        let lx = Lexicon::builtin();
        // "Tondikiwindi, in the Tillaberi region" against "Ouallam" (a town of that region)
        let a = ev(
            "attack",
            &["Tondikiwindi", "Tillaberi Region"],
            Some("Monday"),
            None,
        );
        assert!(agreements(&a, &ev("attack", &["Ouallam"], Some("Monday"), None), &lx).is_some());
        // ... against a town of another region it is another place
        assert!(agreements(&a, &ev("attack", &["Agadez"], Some("Monday"), None), &lx).is_none());
        // a city named with the unknown name is where it lies: "Sheikh Saeed, Aleppo" is no
        // place of Manbij
        let b = ev("attack", &["Sheikh Saeed", "Aleppo"], Some("Monday"), None);
        assert!(agreements(&b, &ev("attack", &["Manbij"], Some("Monday"), None), &lx).is_none());
    }

    #[test]
    fn agreements_name_the_shared_details_and_certainty_needs_the_day() {
        let lx = Lexicon::builtin();
        let a = ev("convoy", &["Aleppo"], Some("Monday"), None);
        let b = ev("convoy", &["Urum al-Kubra"], Some("Monday"), Some("Russia"));
        assert_eq!(
            agreements(&a, &b, &lx).unwrap(),
            vec![Detail::SpecificFrame, Detail::Day, Detail::Place]
        );
        // a clash is no agreement at all
        let c = ev("convoy", &["Aleppo"], Some("Tuesday"), None);
        assert_eq!(agreements(&a, &c, &lx), None);
        let certain = EventLink {
            doc: 1,
            agreed: vec![Detail::Day, Detail::Place],
        };
        let probable = EventLink {
            doc: 1,
            agreed: vec![Detail::Place, Detail::Agent],
        };
        assert!(certain.certain());
        assert!(!probable.certain());
    }

    #[test]
    fn targets_agree_or_keep_events_apart() {
        let lx = Lexicon::builtin();
        let at = |target: &str| EventRef {
            target: Some(target.into()),
            ..ev("attack", &["Idlib"], Some("Tuesday"), None)
        };
        assert_eq!(
            agreements(&at("market"), &at("market"), &lx).unwrap(),
            vec![Detail::Day, Detail::Place, Detail::Target]
        );
        assert_eq!(agreements(&at("market"), &at("hospital"), &lx), None);
    }

    #[test]
    fn events_match_on_enough_shared_detail() {
        let lx = Lexicon::builtin();
        // convoy: specific frame + place inside Aleppo + Monday
        assert!(same_event(
            &ev("convoy", &["Aleppo"], Some("Monday"), None),
            &ev("convoy", &["Urum al-Kubra"], Some("Monday"), Some("Russia")),
            &lx
        ));
        // Deir al-Zour: place + agent
        assert!(same_event(
            &ev("attack", &["Deir al-Zour"], None, Some("US-led coalition")),
            &ev(
                "attack",
                &["Deir al-Zour"],
                Some("Saturday"),
                Some("US-led coalition")
            ),
            &lx
        ));
    }

    #[test]
    fn different_events_do_not_match() {
        let lx = Lexicon::builtin();
        // different weekdays in the same city
        assert!(!same_event(
            &ev("attack", &["Aleppo"], Some("Friday"), None),
            &ev("convoy", &["Aleppo"], Some("Monday"), None),
            &lx
        ));
        // different places
        assert!(!same_event(
            &ev("attack", &["Deir al-Zour"], None, Some("US-led coalition")),
            &ev(
                "attack",
                &["Aleppo"],
                Some("Friday"),
                Some("US-led coalition")
            ),
            &lx
        ));
        // one shared detail is not enough for dated reports ...
        let dated = |mut e: EventRef| {
            e.published = Some(jiff::civil::date(2016, 9, 20));
            e
        };
        assert!(!same_event(
            &dated(ev("attack", &["Aleppo"], None, None)),
            &dated(ev("attack", &["Aleppo"], None, Some("Russia"))),
            &lx
        ));
        assert!(!same_event(
            &ev("attack", &["Aleppo"], None, None),
            &dated(ev("attack", &["Aleppo"], None, Some("Russia"))),
            &lx
        ));
        // ... while undated ones agreeing on the place are one event
        assert!(same_event(
            &ev("attack", &["Aleppo"], None, None),
            &ev("attack", &["Aleppo"], None, Some("Russia")),
            &lx
        ));
        // a country is too wide to place two events together
        assert!(!places_compatible("Aleppo", "Syria", &lx));
        assert!(places_compatible("Urum al-Kubra", "Aleppo", &lx));
    }

    #[test]
    fn inside_one_report_the_site_struck_ties_a_mention_to_its_event() {
        let lx = Lexicon::builtin();
        // the second sentence names no place or day of its own, only the hospital
        let text = "A spokesman at the hospital in Kafr Varel said an air strike hit its courtyard on Tuesday killing 14 people. \
Separate air strikes southwest of Kafr Varel killed at least 12 people the monitor said. \
The United Nations condemned the air strikes. \
\"It is completely unacceptable\" said the coordinator. \"It must stop\" he added. \
The monitor said there were no deaths from the hospital strike in Syria.";
        let x = crate::extract::extract(crate::model::Document::new("r", text), &lx);
        let g = ClaimGraph::build(vec![x], &lx);
        let with_hospital: Vec<usize> = g
            .events
            .iter()
            .filter(|e| e.desc.target.as_deref() == Some("hospital"))
            .map(|e| e.id)
            .collect();
        assert_eq!(with_hospital.len(), 1, "{:?}", g.events);
    }
}
