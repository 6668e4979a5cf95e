//! `gainsay compare A B`: how two reports (or two sets of reports) cover the same events — the
//! events both cover, what each says that the other does not, and where they conflict.

use std::collections::BTreeSet;

use crate::check::Finding;
use crate::extract::PropKind;
use crate::graph::ClaimGraph;

/// Share of content words two generic statements must have in common to say the same thing.
const SAME_STATEMENT: f64 = 0.5;

/// The comparison of side A (the builder's input `0..split`) with side B (the rest).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Events mentioned on both sides.
    pub shared_events: Vec<usize>,
    pub only_a_events: Vec<usize>,
    pub only_b_events: Vec<usize>,
    /// Claims (indices into [`ClaimGraph::claims`]) of one side that the other side does not
    /// make: about an event the other side does not cover, or a statement, a control claim or a
    /// responsibility claim with no counterpart there.
    pub only_a_claims: Vec<usize>,
    pub only_b_claims: Vec<usize>,
    /// Findings (indices into the findings given) with claims from both sides.
    pub conflicts: Vec<usize>,
}

/// Compares the documents given first to the graph's builder (`0..split` of its input: side A)
/// with the others (side B).
pub fn compare(g: &ClaimGraph, split: usize, findings: &[Finding]) -> Comparison {
    let side_a = |doc: usize| g.input_index.get(doc).is_some_and(|&i| i < split);
    let mut cmp = Comparison::default();
    for (e, ev) in g.events.iter().enumerate() {
        let a = ev.mentions.iter().any(|&(d, _)| side_a(d));
        let b = ev.mentions.iter().any(|&(d, _)| !side_a(d));
        match (a, b) {
            (true, true) => cmp.shared_events.push(e),
            (true, false) => cmp.only_a_events.push(e),
            (false, true) => cmp.only_b_events.push(e),
            (false, false) => {}
        }
    }
    let shared: BTreeSet<usize> = cmp.shared_events.iter().copied().collect();
    // what each side says, looked up once: perpetrators per event, places whose control is
    // claimed, and the words of generic statements (an inverted index keeps the statement
    // search from comparing every pair)
    let mut blamed: BTreeSet<(bool, usize, &str)> = BTreeSet::new();
    let mut controlled: BTreeSet<(bool, &str)> = BTreeSet::new();
    let mut present: BTreeSet<(bool, &str)> = BTreeSet::new();
    let mut statements: Vec<(bool, &[crate::istr::IStr])> = Vec::new();
    let mut by_word: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for claim in g.claims.iter().filter(|c| c.resolved) {
        let side = side_a(claim.doc);
        match &g.prop(claim).kind {
            PropKind::Responsibility { agent, .. } => {
                if let Some(e) = g.event_of(claim) {
                    blamed.insert((side, e, agent.as_str()));
                }
            }
            PropKind::Control { place, .. } => {
                controlled.insert((side, place.as_str()));
            }
            PropKind::Presence { party, .. } => {
                present.insert((side, party.as_str()));
            }
            PropKind::Generic { key } => {
                for w in key {
                    by_word
                        .entry(w.as_str())
                        .or_default()
                        .push(statements.len());
                }
                statements.push((side, key.as_slice()));
            }
            _ => {}
        }
    }
    for (c, claim) in g.claims.iter().enumerate() {
        if !claim.resolved {
            continue;
        }
        let mine = side_a(claim.doc);
        let event = g.event_of(claim);
        let counterpart = match &g.prop(claim).kind {
            // an attack with no frame is no event to compare; otherwise the other side names the
            // same perpetrator of an event it shares
            PropKind::Responsibility {
                agent, event: ev, ..
            } => {
                ev.frame.is_none()
                    || event.is_some_and(|e| {
                        shared.contains(&e) && blamed.contains(&(!mine, e, agent.as_str()))
                    })
            }
            PropKind::Casualty { .. } | PropKind::Violation { .. } | PropKind::Target { .. } => {
                event.is_some_and(|e| shared.contains(&e))
            }
            PropKind::Control { place, .. } => controlled.contains(&(!mine, place.as_str())),
            PropKind::Presence { party, .. } => present.contains(&(!mine, party.as_str())),
            PropKind::Generic { key } => {
                let candidates: BTreeSet<usize> = key
                    .iter()
                    .filter_map(|w| by_word.get(w.as_str()))
                    .flatten()
                    .copied()
                    .collect();
                candidates.into_iter().any(|i| {
                    let (side, k) = statements[i];
                    side != mine && crate::check::jaccard(key, k) >= SAME_STATEMENT
                })
            }
        };
        if !counterpart {
            if mine {
                cmp.only_a_claims.push(c);
            } else {
                cmp.only_b_claims.push(c);
            }
        }
    }
    // one line per statement: an attribution read as several propositions (a responsibility and
    // its generic content) is listed once, by its first unmatched claim
    for list in [&mut cmp.only_a_claims, &mut cmp.only_b_claims] {
        let mut seen = BTreeSet::new();
        list.retain(|&c| {
            let cl = &g.claims[c];
            seen.insert((
                cl.doc,
                cl.attribution,
                cl.party.clone(),
                cl.attribution.is_none().then_some(cl.prop),
            ))
        });
    }
    cmp.conflicts = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let docs = f
                .sides
                .iter()
                .flat_map(|s| &s.claims)
                .map(|&c| g.claims[c].doc);
            let (mut a, mut b) = (false, false);
            for d in docs {
                a |= side_a(d);
                b |= !side_a(d);
            }
            a && b
        })
        .map(|(i, _)| i)
        .collect();
    cmp
}
