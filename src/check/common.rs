//! Helpers shared by several rules: the responsibility and violation claims of an event, and the
//! generic statements the statement rules pair up by their words.

use std::collections::BTreeMap;

use crate::extract::PropKind;
use crate::graph::{Claim, ClaimGraph, Stance};
use crate::istr::IStr;
use crate::model::Interval;

// ---------------------------------------------------------------------------------------------
// Claims of an event

/// The claims of event `e` that blame a party, with the party; `with_tolls` counts the figures
/// laid at a party's door ("Russian air strikes killed 14"), which blame in passing.
pub(super) fn responsibility_claims(
    g: &ClaimGraph,
    e: usize,
    with_tolls: bool,
) -> Vec<(usize, String)> {
    g.event_claims(e)
        .into_iter()
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            // alternatives ("Russian or Syrian jets") blame no one firmly
            PropKind::Responsibility {
                agent,
                alternative: false,
                via_toll,
                ..
            } if with_tolls || !via_toll => Some((c, agent.to_string())),
            _ => None,
        })
        .collect()
}

/// A claim that an agreement was violated: (claim, violator, agreement, count with its text).
pub(super) struct ViolationClaim<'g> {
    pub(super) claim: usize,
    pub(super) violator: Option<&'g str>,
    pub(super) agreement: &'g str,
    pub(super) count: Option<(Interval, &'g str)>,
}

pub(super) fn violation_claims(g: &ClaimGraph, e: usize) -> Vec<ViolationClaim<'_>> {
    g.event_claims(e)
        .into_iter()
        .filter_map(|c| match &g.prop(&g.claims[c]).kind {
            PropKind::Violation {
                violator,
                agreement,
                count,
                count_text,
                cumulative,
                ..
            } => Some(ViolationClaim {
                claim: c,
                violator: violator.as_deref(),
                agreement,
                // a running total is not the count of the day
                count: count.zip(count_text.as_deref()).filter(|_| !cumulative),
            }),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Statements

/// How much of their content words an assertion and a denial must share (Jaccard).
const POLARITY_MIN_OVERLAP: f64 = 0.6;

/// For a key on the left, the keys on the right (indices, ascending) that may share at least
/// `min_shared` words with it and reach Jaccard `t`; every pair that does is among them.
///
/// Prefix filtering: with words ordered rarest first over both sides, two keys sharing at least
/// α words share one among the first `len − α + 1` words of each, where α is each key's own
/// lower bound on the overlap (`max(min_shared, ⌈t·len⌉)`). So only keys sharing a rare word
/// are compared, never all pairs. The candidates are listed one left key at a time: a corpus
/// that repeats a statement a thousand times has a million pairs, which are never all held.
struct JaccardIndex<'k> {
    freq: BTreeMap<&'k str, usize>,
    index: BTreeMap<&'k str, Vec<usize>>,
    t: f64,
    min_shared: usize,
}

impl<'k> JaccardIndex<'k> {
    fn new(left: &[&'k [IStr]], right: &[&'k [IStr]], t: f64, min_shared: usize) -> Self {
        let mut freq: BTreeMap<&str, usize> = BTreeMap::new();
        for k in left.iter().chain(right) {
            for w in k.iter() {
                *freq.entry(w.as_str()).or_insert(0) += 1;
            }
        }
        let mut ji = JaccardIndex {
            freq,
            index: BTreeMap::new(),
            t,
            min_shared,
        };
        let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (j, k) in right.iter().enumerate() {
            for w in ji.prefix(k) {
                index.entry(w).or_default().push(j);
            }
        }
        ji.index = index;
        ji
    }

    fn prefix<'a>(&self, k: &'a [IStr]) -> Vec<&'a str> {
        // a hair below the bound, so rounding never shortens the prefix too much
        let alpha = ((self.t * k.len() as f64 - 1e-9).ceil() as usize).max(self.min_shared);
        if alpha > k.len() {
            return Vec::new();
        }
        let mut ws: Vec<&str> = k.iter().map(IStr::as_str).collect();
        ws.sort_by_key(|w| (self.freq.get(w).copied().unwrap_or(0), *w));
        ws.truncate(k.len() - alpha + 1);
        ws
    }

    fn near(&self, k: &[IStr]) -> Vec<usize> {
        let mut near: Vec<usize> = self
            .prefix(k)
            .into_iter()
            .filter_map(|w| self.index.get(w))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        near
    }
}

/// Shared words of two sorted, deduplicated keys.
pub(super) fn shared_words<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, deduplicated keys.
pub fn jaccard<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let inter = shared_words(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// An assertion and a denial of the same statement.
pub(super) struct StatementPair<'g> {
    pub(super) ia: usize,
    pub(super) a: &'g Claim,
    pub(super) ka: &'g Vec<IStr>,
    pub(super) ib: usize,
    pub(super) b: &'g Claim,
    /// Content-word Jaccard of the two statements.
    pub(super) sim: f64,
}

/// Every assertion/denial pair of generic claims on the same statement (content-word Jaccard at
/// least [`POLARITY_MIN_OVERLAP`], three shared words at least), in claim order, handed to `f`
/// one at a time (never all held: their number grows with the square of a repeated statement's).
pub(super) fn for_each_statement_pair<'g>(
    g: &ClaimGraph,
    generic: &[(usize, &'g Claim, &'g Vec<IStr>)],
    mut f: impl FnMut(StatementPair<'g>),
) {
    let asserted: Vec<_> = generic
        .iter()
        .filter(|(_, a, _)| a.stance == Stance::Assert)
        .collect();
    let denied: Vec<_> = generic
        .iter()
        .filter(|(_, b, _)| b.stance == Stance::Deny)
        .collect();
    // Statements repeat word for word (wire copy, a party's stock phrase): the keys are compared
    // once per two distinct keys, then the pairs handed out claim by claim.
    fn distinct<'k>(keys: impl Iterator<Item = &'k [IStr]>) -> (Vec<&'k [IStr]>, Vec<Vec<usize>>) {
        let mut of: BTreeMap<&[IStr], usize> = BTreeMap::new();
        let (mut ks, mut members): (Vec<&[IStr]>, Vec<Vec<usize>>) = (Vec::new(), Vec::new());
        for (i, k) in keys.enumerate() {
            let n = *of.entry(k).or_insert_with(|| {
                ks.push(k);
                members.push(Vec::new());
                ks.len() - 1
            });
            members[n].push(i);
        }
        (ks, members)
    }
    let (left, _) = distinct(asserted.iter().map(|x| x.2.as_slice()));
    let (right, right_members) = distinct(denied.iter().map(|x| x.2.as_slice()));
    let index = JaccardIndex::new(&left, &right, POLARITY_MIN_OVERLAP, 3);
    // for each distinct asserted key: the distinct denied keys on the same statement
    let mut same: BTreeMap<&[IStr], Vec<(usize, f64)>> = BTreeMap::new();
    for &&(ia, a, ka) in &asserted {
        let near = same.entry(ka.as_slice()).or_insert_with(|| {
            index
                .near(ka)
                .into_iter()
                .filter_map(|r| {
                    let kb = right[r];
                    let sim = jaccard(ka, kb);
                    (sim >= POLARITY_MIN_OVERLAP && shared_words(ka, kb) >= 3).then_some((r, sim))
                })
                .collect()
        });
        let mut js: Vec<(usize, f64)> = near
            .iter()
            .flat_map(|&(r, sim)| right_members[r].iter().map(move |&j| (j, sim)))
            .collect();
        js.sort_unstable_by_key(|x| x.0);
        for (j, sim) in js {
            let &(ib, b, _) = denied[j];
            if !nested(g, a, b) {
                f(StatementPair {
                    ia,
                    a,
                    ka,
                    ib,
                    b,
                    sim,
                });
            }
        }
    }
}

/// Whether one claim's attribution lies inside the other's content ("X said rebels opposed to
/// the government had pulled back"): the inner one is part of what the outer reports.
fn nested(g: &ClaimGraph, a: &Claim, b: &Claim) -> bool {
    if a.doc != b.doc {
        return false;
    }
    let atts = &g.docs[a.doc].attributions;
    let (Some(ia), Some(ib)) = (a.attribution, b.attribution) else {
        return false;
    };
    let (Some(x), Some(y)) = (atts.get(ia), atts.get(ib)) else {
        return false;
    };
    let inside = |outer: &crate::extract::Attribution, inner: &crate::extract::Attribution| {
        outer
            .content_parts()
            .iter()
            .any(|p| p.contains(&inner.cue.start))
    };
    inside(x, y) || inside(y, x)
}

/// Generic claims of known, resolved parties with keys of at least `min` words.
pub(super) fn generic_claims(g: &ClaimGraph, min: usize) -> Vec<(usize, &Claim, &Vec<IStr>)> {
    g.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.resolved && c.known_party)
        .filter_map(|(i, c)| match &g.prop(c).kind {
            PropKind::Generic { key } if key.len() >= min => Some((i, c, key)),
            _ => None,
        })
        .collect()
}

/// Whether the content of attribution `a` of document `doc` (up to byte `upto`, when given)
/// holds a responsibility phrase (`responsibility.tsv`: "carried out", "were involved in"): the
/// claim speaks of a deed, even when no agent is named ("denied its jets or those of its allies
/// were involved in the strike").
pub(super) fn names_a_deed(
    g: &ClaimGraph,
    doc: usize,
    a: usize,
    upto: Option<usize>,
    lx: &crate::lexicon::Lexicon,
) -> bool {
    let x = &g.docs[doc];
    let Some(att) = x.attributions.get(a) else {
        return false;
    };
    let end = upto.map_or(att.content.end, |u| {
        u.clamp(att.content.start, att.content.end)
    });
    let text = x.doc.text.get(att.content.start..end).unwrap_or("");
    let words: Vec<String> = crate::segment::word_strings(text)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    (0..words.len()).any(|i| lx.responsibility.longest_at(&words, i).is_some())
}
