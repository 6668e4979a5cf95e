//! An exact decomposition of `check` (issue 15): which documents can interact, so that checking
//! each group of documents apart and putting the findings together gives, byte for byte, the
//! findings of one check of all the documents.
//!
//! Each document exposes its **interaction keys** ([`interaction_keys`]): strings `NAME@WEEK`,
//! `NAME@*` or `NAME@~SIDE`. Two documents share a group when a chain of shared keys links them, where
//! `NAME@*` (no week, or a window too wide to list) matches every key of that name
//! ([`components`], a union-find), and `NAME@~SIDE` links the holders of `NAME` only when two
//! different sides of it are held (an assertion and a denial of similar statements). The keys over-approximate every way the graph and the rules
//! let two documents meet:
//!
//! | key | what can meet | why it is enough |
//! |---|---|---|
//! | `e:DETAIL@W` | event merging | a mention is only compared with the events filed under one of its details (place and the places containing it, day, weekday, agent, specific frame) in a week its date window spans, or any week when it has none (`graph::event_keys`, `graph::weeks_of`): the same index the graph looks candidates up in |
//! | `d:FRAME@W` | `date-disputed` | the two events share a specific frame and days at most 7 apart; the frame and the day are each some mention's, and every mention's window holds the event's day, so one mention's weeks and its neighbours meet the other's |
//! | `c:PLACE@*` | `control-opposed` | it compares every control claim on one place |
//! | `x:DAY@*` | `cause-disputed` | an aircraft's loss read as shot down and as an accident, in one report or reports dated at most a day apart: a document with such a reading has the keys of its date and the next day |
//! | `s:W1 W2 W3@~+` / `@~-` | `polarity-opposed`, `position-reversal` | an assertion and a denial sharing at least 3 words and 60% of their words share three words of their prefixes in a fixed word order (prefix filtering) |
//! | `p:PARTY@~+` / `@~-` | `presence-disputed` | it compares the claims that a party's forces are present with the denials of it, by that party |
//! | `o:A|B|W1 W2@~A` / `@~B` | `predicate-opposed` | asserted statements, one with A and one with its opposite B, whose other words share at least 2 and half: the same prefix filtering on the other words |
//!
//! Everything else a rule reads is one event (all its mentions share a group), one place, one
//! document, or the findings of earlier rules on the same claims. Within a group, documents,
//! events and claims keep their relative order, so each rule makes the same findings.
//!
//! **Ids.** A finding's `F` number is its position in `check`'s order and an event's id its
//! position in the event list, both global. A group's run ([`check_partial`]) gives each
//! finding a sort key that is global (it names documents by id, events by their first mention,
//! places by name: [`SortKey`]) and its event's key, and lists the keys of all its events;
//! [`assemble`] sorts them and writes the lines `check --format jsonl` writes. Document ids must
//! be unique across the groups (the readers rename a repeated id `id~2`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::check::{CheckOptions, Origin};
use crate::extract::EventRef;
use crate::extract::{Extraction, PropKind};
use crate::graph::{ClaimGraph, GraphOptions, Stance, prop_claims, weeks_within};
use crate::lexicon::Lexicon;
use crate::places::{is_root_place, place_ancestors};

/// The week part of a key that matches every week of its name.
pub const ANY_WEEK: &str = "*";
/// The start of a side's tag in place of the week (`NAME@~TAG`): keys of one name link only
/// when at least two different tags of it are held (an assertion and a denial).
pub const SIDE: &str = "~";

/// Statements: the overlap `polarity-opposed` and `position-reversal` need (jaccard, words).
const STATEMENT_OVERLAP: (f64, usize) = (0.6, 3);
/// `predicate-opposed`: the overlap of the words other than the opposites.
const PREDICATE_OVERLAP: (f64, usize) = (0.5, 2);

/// A document's interaction keys (see the module), sorted and without repeats. Computed with
/// the report's own voice on, which only adds claims, so the keys serve `check` with or
/// without `--no-own-voice` and with any rule disabled.
pub fn interaction_keys(x: &Extraction, lx: &Lexicon) -> Vec<String> {
    let mut keys = BTreeSet::new();
    let opts = GraphOptions { own_voice: true };
    let rev = reverse_opposites(lx);
    let weeks_key = |keys: &mut BTreeSet<String>, name: &str, weeks: Option<&[i64]>| match weeks {
        Some(ws) => {
            for w in ws {
                keys.insert(format!("{name}@{w}"));
            }
        }
        None => {
            keys.insert(format!("{name}@{ANY_WEEK}"));
        }
    };
    let mut cause = false;
    for (pi, p) in x.propositions.iter().enumerate() {
        if let Some(ev) = p.kind.event().filter(|e| e.frame.is_some()) {
            // two mentions from different reports join one event only when they agree on two
            // details and their dates can meet: a key for every two details, by week
            let weeks = weeks_within(ev, MAX_LISTED_WEEKS);
            for k in detail_pairs(ev, lx) {
                weeks_key(&mut keys, &format!("e:{k}"), weeks.as_deref());
            }
            // ... or, both from undated reports, on the place alone
            // (`graph::undated_place_match`)
            if ev.published.is_none() {
                for p in place_details(ev, lx) {
                    keys.insert(format!("u:{p}@{ANY_WEEK}"));
                }
            }
            if let Some(f) = ev.frame.as_deref().filter(|f| lx.frame_specific(f)) {
                // the event's day may be a week on either side of this mention's
                let halo: Option<Vec<i64>> = weeks.as_ref().map(|ws| {
                    let set: BTreeSet<i64> = ws.iter().flat_map(|&w| [w - 1, w, w + 1]).collect();
                    set.into_iter().collect()
                });
                weeks_key(&mut keys, &format!("d:{f}"), halo.as_deref());
            }
        }
        if let PropKind::Control { place, .. } = &p.kind {
            keys.insert(format!("c:{place}@{ANY_WEEK}"));
        }
        for c in prop_claims(x, 0, pi, lx, opts) {
            // a party's forces said present meets only a denial of it: each side tagged
            if let PropKind::Presence { party, .. } = &p.kind {
                if c.resolved {
                    let side = if c.stance == Stance::Deny { "-" } else { "+" };
                    keys.insert(format!("p:{party}@{SIDE}{side}"));
                }
            }
            if !cause && crate::check::has_reading(x, &c, lx) {
                cause = true;
            }
            let PropKind::Generic { key } = &p.kind else {
                continue;
            };
            if !(c.resolved && c.known_party) {
                continue;
            }
            // an assertion meets only a denial: each side tagged
            let side = match c.stance {
                Stance::Assert => Some("+"),
                Stance::Deny => Some("-"),
                Stance::Accuse => None,
            };
            if let Some(side) = side.filter(|_| key.len() >= STATEMENT_OVERLAP.1) {
                for three in prefix_sets(key, STATEMENT_OVERLAP, 3) {
                    keys.insert(format!("s:{three}@{SIDE}{side}"));
                }
            }
            if c.stance != Stance::Assert {
                continue;
            }
            // every pair of opposites this statement can take either side of
            let mut opposite_pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
            for w in key {
                let others = lx.opposites.get(w.as_str()).into_iter().flatten();
                let others = others.chain(rev.get(w.as_str()).into_iter().flatten().copied());
                for o in others {
                    let (a, b) = if w.as_str() <= o.as_str() {
                        (w.as_str(), o.as_str())
                    } else {
                        (o.as_str(), w.as_str())
                    };
                    opposite_pairs.insert((a, b));
                }
            }
            for (a, b) in opposite_pairs {
                let rest: Vec<&crate::istr::IStr> = key
                    .iter()
                    .filter(|w| w.as_str() != a && w.as_str() != b)
                    .collect();
                // a statement with one of the words meets one with the other: tagged by the
                // word it has
                for pair in prefix_sets(&rest, PREDICATE_OVERLAP, 2) {
                    for w in [a, b] {
                        if key.iter().any(|k| k == w) {
                            keys.insert(format!("o:{a}|{b}|{pair}@{SIDE}{w}"));
                        }
                    }
                }
            }
        }
    }
    if cause {
        if let Some(d) = x.doc.date {
            keys.insert(format!("x:{d}@{ANY_WEEK}"));
            if let Ok(next) = d.checked_add(jiff::Span::new().days(1)) {
                keys.insert(format!("x:{next}@{ANY_WEEK}"));
            }
        }
    }
    keys.into_iter().collect()
}

/// Widest date window whose weeks are listed (about two years); a wider one, or none, is any
/// week.
const MAX_LISTED_WEEKS: i64 = 110;

/// Every two details of an event mention that another report's mention can agree on
/// (`graph::agreements`): a specific frame, the day (its date or its weekday), a place (or a
/// place containing it), a party as agent, the site struck; `KIND=VALUE&KIND=VALUE`.
fn detail_pairs(e: &EventRef, lx: &Lexicon) -> Vec<String> {
    let mut kinds: Vec<Vec<String>> = vec![Vec::new(); 5];
    if let Some(f) = e.frame.as_deref().filter(|f| lx.frame_specific(f)) {
        kinds[0].push(format!("f={f}"));
    }
    if let Some(t) = &e.time {
        if let Some(d) = t.day() {
            kinds[1].push(format!("d={d}"));
        }
        if let Some(w) = &t.weekday {
            kinds[1].push(format!("w={w}"));
        }
    }
    kinds[2] = place_details(e, lx);
    if let Some(a) = e.agent.as_deref().filter(|a| lx.is_party(a)) {
        kinds[3].push(format!("a={a}"));
    }
    if let Some(t) = &e.target {
        kinds[4].push(format!("t={t}"));
    }
    let mut out = BTreeSet::new();
    for (i, xs) in kinds.iter().enumerate() {
        for ys in &kinds[i + 1..] {
            for x in xs {
                for y in ys {
                    out.insert(format!("{x}&{y}"));
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The place details of an event mention: each place (but a country), the places containing
/// it, and the key of a name no gazetteer knows.
fn place_details(e: &EventRef, lx: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    for p in e.places.iter().filter(|p| !is_root_place(p, lx)) {
        out.push(format!("p={p}"));
        // two transliterations of a name no gazetteer knows are one place ("Sarosa",
        // "Saroris": `places::same_unknown_name`)
        if let Some(k) = crate::places::unknown_name_key(p, lx) {
            out.push(format!("p~{k}"));
        }
        for a in place_ancestors(p, lx) {
            if !is_root_place(&a, lx) {
                out.push(format!("p={a}"));
            }
        }
    }
    out
}

/// Each word's opposites read the other way: the words whose opposites name it.
fn reverse_opposites(lx: &Lexicon) -> BTreeMap<&str, Vec<&String>> {
    let mut rev: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for (w, os) in lx.opposites.iter() {
        for o in os {
            rev.entry(o.as_str()).or_default().push(w);
        }
    }
    rev
}

/// A fixed order of words, independent of any corpus (FNV-1a, then the word).
fn word_order(w: &str) -> (u64, &str) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h, w)
}

/// Prefix filtering with sets of `k` words (`k` at most `min`): two word sets whose jaccard
/// similarity is at least `t` and that share at least `min` words (so at least `alpha` =
/// max(⌈t·n⌉, min) of each one's `n` words) have their first `k` shared words (in
/// [`word_order`]) within the first `n − alpha + k` words of each. Every `k` of those words,
/// sorted and joined by spaces.
fn prefix_sets<W: AsRef<str>>(words: &[W], (t, min): (f64, usize), k: usize) -> Vec<String> {
    let mut ws: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    ws.sort_unstable();
    ws.dedup();
    let n = ws.len();
    // a little below the exact bound, so a float rounding never shortens the prefix
    let alpha = ((t * n as f64 - 1e-6).ceil() as usize).max(min);
    if alpha > n || k == 0 || k > min {
        return Vec::new();
    }
    ws.sort_by_key(|w| word_order(w));
    let mut prefix: Vec<&str> = ws[..(n - alpha + k).min(n)].to_vec();
    prefix.sort_unstable();
    let mut out = Vec::new();
    let mut pick: Vec<usize> = (0..k).collect();
    let m = prefix.len();
    if m < k {
        return out;
    }
    loop {
        out.push(
            pick.iter()
                .map(|&i| prefix[i])
                .collect::<Vec<_>>()
                .join(" "),
        );
        // the next k-combination in lexicographic order
        let Some(i) = (0..k).rev().find(|&i| pick[i] < m - k + i) else {
            break;
        };
        pick[i] += 1;
        for j in i + 1..k {
            pick[j] = pick[j - 1] + 1;
        }
    }
    out
}

/// The name of a key (before its last `@`).
fn key_name(k: &str) -> &str {
    k.rsplit_once('@').map_or(k, |(n, _)| n)
}

/// The groups: documents (id, keys) linked by shared keys, where `NAME@*` links every key of
/// that name. Each document's group is named by the smallest document id in it, so a group's
/// name does not depend on the other groups. Deterministic; linear in the keys.
pub fn components(docs: &[(String, Vec<String>)]) -> Vec<String> {
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut owner: BTreeMap<&str, usize> = BTreeMap::new();
    // per name: its first document, and whether some document has it for any week
    let mut names: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    // per tagged name: its first tag, and whether another tag is held too
    let mut sides: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
    for (_, keys) in docs {
        for k in keys {
            if let Some((name, tag)) = k.rsplit_once('@').filter(|(_, t)| t.starts_with(SIDE)) {
                let e = sides.entry(name).or_insert((tag, false));
                e.1 |= e.0 != tag;
            }
        }
    }
    for (i, (_, keys)) in docs.iter().enumerate() {
        for k in keys {
            if let Some((name, _)) = k.rsplit_once('@').filter(|(_, t)| t.starts_with(SIDE)) {
                // both sides held: every holder of the name is linked (through the name)
                if sides.get(name).is_some_and(|s| s.1) {
                    match owner.get(name) {
                        Some(&o) => union(&mut parent, i, o),
                        None => {
                            owner.insert(name, i);
                        }
                    }
                }
                continue;
            }
            match owner.get(k.as_str()) {
                Some(&o) => union(&mut parent, i, o),
                None => {
                    owner.insert(k, i);
                }
            }
            let wild = k.ends_with(&format!("@{ANY_WEEK}"));
            let e = names.entry(key_name(k)).or_insert((i, false));
            e.1 |= wild;
        }
    }
    for (i, (_, keys)) in docs.iter().enumerate() {
        for k in keys {
            if let Some(&(first, true)) = names.get(key_name(k)) {
                union(&mut parent, i, first);
            }
        }
    }
    let mut least: BTreeMap<usize, &str> = BTreeMap::new();
    for (i, (id, _)) in docs.iter().enumerate() {
        let r = root(&mut parent, i);
        let id = id.as_str();
        let e = least.entry(r).or_insert(id);
        if id < *e {
            *e = id;
        }
    }
    (0..docs.len())
        .map(|i| least[&root(&mut parent, i)].to_string())
        .collect()
}

/// One part of a [`SortKey`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KeyPart {
    N(u64),
    S(String),
}

/// Where a finding stands in `check`'s order, in terms that hold in any group: the pass, then
/// what the pass was at, by document ids, proposition and claim numbers within a document,
/// place names; last, the finding's rank among those with the same key in its group. Sorting
/// the findings of every group by it gives `check`'s order.
pub type SortKey = Vec<KeyPart>;

/// An event, as the global order knows it: the id of the document of its first mention and
/// that mention's proposition number.
pub type EventKey = (String, usize);

/// A finding from one group's run: its [`SortKey`], its event's key, and its JSON line with
/// the placeholders [`assemble`] fills in (`F0`, and the event id `usize::MAX`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFinding {
    pub key: SortKey,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub event: Option<EventKey>,
    pub finding: String,
}

/// One group's run: its findings and the keys of all its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partial {
    pub findings: Vec<PartFinding>,
    pub events: Vec<EventKey>,
}

const NO_FINDING_ID: &str = "{\"id\":\"F0\"";
const NO_EVENT_ID: &str = "\"event\":{\"id\":18446744073709551615,";

/// Checks one group (a graph built from the group's documents, with the options `check`
/// uses): its findings with their sort keys, and its events.
pub fn check_partial(g: &ClaimGraph, lx: &Lexicon, opts: &CheckOptions) -> Partial {
    let (findings, origins) = crate::check::check_with_origins(g, lx, opts);
    let outs = crate::report::finding_outs(g, &findings);
    let event_key = |e: usize| -> EventKey {
        let (d, p) = g.events[e].mentions[0];
        (g.docs[d].doc.id.clone(), p)
    };
    let claim_key = |c: usize| -> [KeyPart; 2] {
        let cl = &g.claims[c];
        let first = g.claims.partition_point(|x| x.doc < cl.doc);
        [
            KeyPart::S(g.docs[cl.doc].doc.id.clone()),
            KeyPart::N((c - first) as u64),
        ]
    };
    let side_claim = |f: &crate::check::Finding, s: usize| f.sides[s].claims[0];
    let mut seen: BTreeMap<SortKey, u64> = BTreeMap::new();
    let mut parts = Vec::with_capacity(findings.len());
    for ((f, o), mut out) in findings.iter().zip(&origins).zip(outs) {
        let mut key: SortKey = match o {
            Origin::Event(e, r) => {
                let (d, p) = event_key(*e);
                vec![
                    KeyPart::N(0),
                    KeyPart::S(d),
                    KeyPart::N(p as u64),
                    KeyPart::N(u64::from(*r)),
                ]
            }
            Origin::Place(p) => vec![KeyPart::N(1), KeyPart::S(p.clone())],
            Origin::Cause => {
                let c = f.sides.iter().flat_map(|s| &s.claims).min().copied();
                let mut k = vec![KeyPart::N(2)];
                k.extend(c.map(claim_key).into_iter().flatten());
                k
            }
            Origin::Date => {
                let a = event_key(f.event.unwrap_or_default());
                let b = g
                    .event_of(&g.claims[side_claim(f, 1)])
                    .map(event_key)
                    .unwrap_or_default();
                vec![
                    KeyPart::N(4),
                    KeyPart::S(a.0),
                    KeyPart::N(a.1 as u64),
                    KeyPart::S(b.0),
                    KeyPart::N(b.1 as u64),
                ]
            }
            Origin::Polarity | Origin::Reversal | Origin::Predicate | Origin::Presence => {
                let pass = match o {
                    Origin::Polarity => 3,
                    Origin::Reversal => 5,
                    Origin::Predicate => 6,
                    _ => 7,
                };
                let mut k = vec![KeyPart::N(pass)];
                k.extend(claim_key(side_claim(f, 0)));
                k.extend(claim_key(side_claim(f, 1)));
                k
            }
        };
        let n = seen.entry(key.clone()).or_insert(0);
        key.push(KeyPart::N(*n));
        *n += 1;
        out.id = "F0".into();
        let event = f.event.map(event_key);
        if let Some(ev) = &mut out.event {
            ev.id = usize::MAX;
        }
        let finding = serde_json::to_string(&out).unwrap_or_default();
        parts.push(PartFinding {
            key,
            event,
            finding,
        });
    }
    Partial {
        findings: parts,
        events: (0..g.events.len()).map(event_key).collect(),
    }
}

/// A finding's line with its number (`F{n}`) and its event's id filled in.
pub fn render(finding: &str, n: usize, event_id: Option<usize>) -> Result<String, String> {
    let rest = finding
        .strip_prefix(NO_FINDING_ID)
        .ok_or_else(|| format!("not a partial finding: {finding:.60}"))?;
    let mut line = format!("{{\"id\":\"F{n}\"{rest}");
    if let Some(id) = event_id {
        let at = line
            .find(NO_EVENT_ID)
            .ok_or_else(|| format!("partial finding F{n} has no event to number"))?;
        line.replace_range(
            at..at + NO_EVENT_ID.len(),
            &format!("\"event\":{{\"id\":{id},"),
        );
    }
    Ok(line)
}

/// Puts the groups' runs together: the lines `check --format jsonl` writes for all their
/// documents at once (without line ends). Errors when two groups hold the same event or
/// finding key (documents with the same id in two groups).
pub fn assemble(parts: Vec<Partial>) -> Result<Vec<String>, String> {
    let mut events: Vec<EventKey> = Vec::new();
    let mut findings: Vec<PartFinding> = Vec::new();
    for p in parts {
        events.extend(p.events);
        findings.extend(p.findings);
    }
    events.sort_unstable();
    if let Some(w) = events.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!(
            "two groups hold an event first mentioned in document `{}`: a document id repeats across groups",
            w[0].0
        ));
    }
    findings.sort_by(|a, b| a.key.cmp(&b.key));
    if findings.windows(2).any(|w| w[0].key == w[1].key) {
        return Err(
            "two groups made a finding with the same key: a document id repeats across groups"
                .into(),
        );
    }
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let id = match &f.event {
                Some(k) => Some(events.binary_search(k).map_err(|_| {
                    format!(
                        "finding of event `{}#{}` whose event no group lists",
                        k.0, k.1
                    )
                })?),
                None => None,
            };
            render(&f.finding, i + 1, id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn similar_statements_share_a_prefix_pair() {
        // every pair of word sets above the threshold shares a key; brute force over a small
        // vocabulary
        let vocab = [
            "army", "shelled", "market", "town", "rebels", "said", "truce", "water",
        ];
        let sets: Vec<Vec<String>> = (1u32..256)
            .map(|m| {
                let mut v: Vec<String> = (0..8)
                    .filter(|b| m & (1 << b) != 0)
                    .map(|b| vocab[b].to_string())
                    .collect();
                v.sort();
                v
            })
            .collect();
        for t in [STATEMENT_OVERLAP, PREDICATE_OVERLAP] {
            let keys: Vec<BTreeSet<String>> = sets
                .iter()
                .map(|s| prefix_sets(s, t, t.1).into_iter().collect())
                .collect();
            for (i, a) in sets.iter().enumerate() {
                for (j, b) in sets.iter().enumerate() {
                    let shared = crate::check::jaccard(a, b);
                    let n = a.iter().filter(|w| b.contains(w)).count();
                    if shared >= t.0 && n >= t.1 {
                        assert!(
                            !keys[i].is_disjoint(&keys[j]),
                            "{a:?} and {b:?} share no key at {t:?}"
                        );
                    }
                }
            }
        }
        assert!(prefix_sets(&words("army said"), STATEMENT_OVERLAP, 3).is_empty());
        assert_eq!(
            prefix_sets(&words("a b c"), STATEMENT_OVERLAP, 3),
            ["a b c"],
            "three words: all three"
        );
    }

    #[test]
    fn keys_link_through_chains_and_any_week() {
        let d = |id: &str, keys: &[&str]| {
            (
                id.to_string(),
                keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            )
        };
        let docs = vec![
            d("b", &["e:p:X@5"]),
            d("a", &["e:p:X@6"]),
            d("c", &["e:p:X@5", "c:Y@*"]),
            d("e", &["c:Y@*"]),
            d("f", &["e:p:Z@1"]),
            d("g", &["e:p:Z@*"]),
            d("h", &["e:p:Z@9"]),
            d("i", &["s:x y z@~+"]),
            d("j", &["s:x y z@~+"]),
            d("k", &["s:u v w@~+"]),
            d("l", &["s:u v w@~-"]),
        ];
        assert_eq!(
            components(&docs),
            ["b", "a", "b", "b", "f", "f", "f", "i", "j", "k", "k"],
            "b, c and e by shared keys; a alone (another week); f, g and h by any week; \
             two assertions apart, an assertion and a denial together"
        );
    }

    #[test]
    fn render_fills_in_the_numbers() {
        let f = format!("{NO_FINDING_ID},\"type\":\"x\",{NO_EVENT_ID}\"description\":\"d\"}}}}");
        assert_eq!(
            render(&f, 12, Some(3)).unwrap(),
            "{\"id\":\"F12\",\"type\":\"x\",\"event\":{\"id\":3,\"description\":\"d\"}}"
        );
        assert!(render("{\"id\":\"F3\"}", 1, None).is_err());
    }
}
