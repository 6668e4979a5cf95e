//! Region contexts: which wars a document is about, and which party aliases may fire in it.
//!
//! Every alias of the party files belongs to a region (a country code: "Ukrainian army" is
//! `UA`), is bound to regions (`in:SY`: "civil defence" is Syria Civil Defence only in a document
//! about Syria), or is universal ("United Nations", "Reuters"). A document's regions are counted
//! from what it mentions: the aliases that belong to a region (countries, demonyms, capitals,
//! the region's own parties) and the places of `places.tsv` that lie in a country. A bound alias
//! fires only when one of its regions is a region of the document; when it has readings in
//! several of them ("red crescent" in a report about Gaza and Syria), the region mentioned most
//! decides, and a tie leaves it unresolved: never mislabelled.

use std::ops::Range;

use crate::lexicon::{FnClass, Lexicon};
use crate::segment::{Segmented, TokKind, Token};

/// A region counts as a document's context when it is mentioned at least once and at least
/// `1 / CONTEXT_SHARE` as often as the document's most mentioned region (a report on Gaza that
/// names Syria once in passing is not about Syria).
pub const CONTEXT_SHARE: u32 = 4;

/// How often a document mentions each region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocRegions {
    /// (region id, mentions), sorted by region id.
    counts: Vec<(u16, u32)>,
    /// (region id, mentions of its places), sorted by region id: where the events are.
    places: Vec<(u16, u32)>,
}

fn bump(counts: &mut Vec<(u16, u32)>, r: u16) {
    match counts.binary_search_by_key(&r, |c| c.0) {
        Ok(i) => counts[i].1 += 1,
        Err(i) => counts.insert(i, (r, 1)),
    }
}

impl DocRegions {
    fn add(&mut self, r: u16) {
        bump(&mut self.counts, r);
    }

    fn add_place(&mut self, r: u16) {
        bump(&mut self.counts, r);
        bump(&mut self.places, r);
    }

    /// How often the document mentions region `r`.
    pub fn count(&self, r: u16) -> u32 {
        self.counts
            .binary_search_by_key(&r, |c| c.0)
            .map_or(0, |i| self.counts[i].1)
    }

    fn top(&self) -> u32 {
        self.counts.iter().map(|c| c.1).max().unwrap_or(0)
    }

    /// Whether region `r` is a context of the document (see [`CONTEXT_SHARE`]).
    pub fn in_context(&self, r: u16) -> bool {
        let c = self.count(r);
        c > 0 && c * CONTEXT_SHARE >= self.top()
    }

    /// The document's context regions as codes with their mentions, most mentioned first.
    pub fn contexts<'l>(&self, lx: &'l Lexicon) -> Vec<(&'l str, u32)> {
        let mut out: Vec<(&str, u32)> = self
            .counts
            .iter()
            .filter(|c| self.in_context(c.0))
            .filter_map(|&(r, n)| lx.regions.get(r as usize).map(|c| (c.as_str(), n)))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

impl DocRegions {
    /// The party a role noun ("the army", "the government", "opposition-held") stands for when
    /// no party with the role was mentioned: the party of the region where the document's
    /// events are that has the role ([`Lexicon::region_party`]: the region's state first), when
    /// the region is clear. The region is the one whose places the document names most; with no
    /// place of a known country named, its context region mentioned most. `None` in a document
    /// about no region, or about several equally, or when no party of the region has the role:
    /// a role noun of no clear region stays unresolved, never another war's party.
    pub fn role_party<'l>(&self, role: &str, lx: &'l Lexicon) -> Option<&'l str> {
        lx.region_party(self.event_region()?, role)
    }

    /// The region where the document's events are: the one whose places it names most; with
    /// no place of a known country named, its context region mentioned most. `None` on a tie
    /// or with no region.
    fn event_region(&self) -> Option<u16> {
        let by_places = !self.places.is_empty();
        let counts = if by_places {
            &self.places
        } else {
            &self.counts
        };
        // the region first, then its state: a state without the role is no answer (places tied
        // are told apart by all the mentions of their regions)
        let mut best: Option<((u32, u32), u16)> = None;
        let mut tie = false;
        for &(r, n) in counts {
            if !by_places && !self.in_context(r) {
                continue;
            }
            let key = (n, if by_places { self.count(r) } else { 0 });
            match best {
                Some((bk, _)) if key == bk => tie = true,
                Some((bk, _)) if key < bk => {}
                _ => {
                    best = Some((key, r));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(_, r)| r)
    }
}

impl DocRegions {
    /// The state an office named without its state stands for ("the governor", "Foreign
    /// Minister Jan Doe", "the provincial health division"): the party with `role` of the region
    /// whose places the document names most ([`DocRegions::role_party`]: its state first), with
    /// the region code; `None` when several of the region's parties have the role ("the
    /// Ministry of Health" in a report about Gaza). With `national`, only when that region is also the one the
    /// document mentions most in all (a national office is any state's; a local one is where
    /// the events are).
    pub fn office_state<'l>(
        &self,
        role: &str,
        national: bool,
        lx: &'l Lexicon,
    ) -> Option<(&'l str, &'l str)> {
        let r = self.event_region()?;
        let state = lx.region_party(r, role)?;
        if national && self.count(r) < self.top() {
            return None;
        }
        Some((state, lx.regions.get(r as usize)?.as_str()))
    }
}

fn alias_token(t: &Token) -> bool {
    matches!(t.kind, TokKind::Word | TokKind::Number | TokKind::Dash)
}

/// Whether alias `a` matches the tokens from `i`: a word written with a capital matches exactly
/// (a curly apostrophe reads as a straight one), a lower-case word in any case.
fn matches_at(text: &str, toks: &[Token], i: usize, lx: &Lexicon, a: usize) -> bool {
    let al = &lx.aliases[a];
    for (k, w) in (i..).zip(al.words.iter()) {
        let Some(t) = toks.get(k) else { return false };
        if !alias_token(t) {
            return false;
        }
        let ok = if al.case_sensitive && w.chars().any(char::is_uppercase) {
            let raw = &text[t.range.clone()];
            raw == w
                || (raw.contains('’') && raw.replace('’', "'") == *w)
                // "Armenias Ministry of Defence": a possessive whose apostrophe was stripped
                // (the segmenter read the token as its stem)
                || (k + 1 == i + al.words.len()
                    && crate::segment::stripped_possessive(text, t)
                    && raw.get(..raw.len() - 1) == Some(w.as_str()))
        } else {
            t.lower == *w
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A candidate alias match: (first token, number of tokens, alias).
type Cand = (usize, usize, usize);

/// Every alias mention of a document that may fire in it (the longest at each position, left
/// to right), as (tokens, alias index), and the document's regions.
pub fn alias_mentions(
    text: &str,
    seg: &Segmented,
    lx: &Lexicon,
) -> (Vec<(Range<usize>, usize)>, DocRegions) {
    let toks = &seg.tokens;
    // every position's longest universal match, and every bound match
    let mut univ: Vec<Cand> = Vec::new();
    let mut bound: Vec<Cand> = Vec::new();
    for i in 0..toks.len() {
        if !alias_token(&toks[i]) {
            continue;
        }
        let Some(cands) = lx.alias_index.get(&toks[i].lower) else {
            continue;
        };
        // the one-word candidates, then those whose second word is the next token's
        let ones = cands.partition_point(|&a| lx.aliases[a].words.len() == 1);
        let next = toks
            .get(i + 1)
            .filter(|t| alias_token(t))
            .map(|t| t.lower.as_bytes());
        let more = match next {
            Some(w) => {
                let rest = &cands[ones..];
                let lo = rest.partition_point(|&a| {
                    crate::lexicon::second_word_key(&lx.aliases[a]).lt(w.iter().copied())
                });
                let hi = rest.partition_point(|&a| {
                    crate::lexicon::second_word_key(&lx.aliases[a]).le(w.iter().copied())
                });
                &rest[lo..hi]
            }
            None => &[][..],
        };
        // a person's one-word name inside a longer name no list knows: "Abiy" in "Abiy Addi"
        // (a town), not in "Abiy said" or "Netanyahu Israel's prime minister"
        let inside_name = toks.get(i + 1).is_some_and(|t| {
            t.kind == TokKind::Word
                && t.cap
                && lx.fn_class(&t.lower).is_none()
                && !lx.has(crate::lexicon::WordList::Time, t)
                && !lx.alias_index.contains_key(&t.lower)
                // (a headline's verb: "Lavrov Reveals")
                && !lx.is_verb_form(&t.lower)
                && lx.cue_forms.longest_in(toks, i + 1, toks.len()).is_none()
                && lx.places.longest_in(toks, i + 1, toks.len()).is_none()
        });
        let mut best: Option<(usize, usize)> = None;
        for &a in cands[..ones].iter().chain(more) {
            let n = lx.aliases[a].words.len();
            if n == 1
                && inside_name
                && toks[i].cap
                && lx.aliases[a].kind == crate::model::EntityKind::Person
                // (a title before a name is no name: "Activist Jan Doe")
                && !lx.kinds.contains_key(&toks[i].lower)
            {
                continue;
            }
            if !matches_at(text, toks, i, lx, a) {
                continue;
            }
            if lx.aliases[a].context.is_empty() {
                if best.is_none_or(|(bl, _)| n > bl) {
                    best = Some((n, a));
                }
            } else {
                bound.push((i, n, a));
            }
        }
        if let Some((n, a)) = best {
            univ.push((i, n, a));
        }
    }
    // the regions: from the universal mentions that belong to one, and from places
    let mut regions = DocRegions::default();
    let chosen = greedy(&univ, &[]);
    let mut next = 0; // the first token not inside a chosen mention
    let mut c = 0;
    let mut i = 0;
    while i < toks.len() {
        while c < chosen.len() && chosen[c].0 + chosen[c].1 <= i {
            c += 1;
        }
        if c < chosen.len() && chosen[c].0 <= i {
            if chosen[c].0 == i {
                if let Some(h) = lx.aliases[chosen[c].2].home {
                    regions.add(h);
                }
            }
            i = chosen[c].0 + chosen[c].1;
            next = i;
            continue;
        }
        if i >= next && toks[i].cap && toks[i].kind == TokKind::Word {
            let end = chosen.get(c).map_or(toks.len(), |m| m.0);
            if let Some((n, &r)) = lx.place_regions.longest_in(toks, i, end) {
                // "Mohamed Aden Gedi": a place's name inside a longer name names no place
                let name_word = |t: Option<&Token>| {
                    t.is_some_and(|t| {
                        t.cap && t.kind == TokKind::Word && lx.fn_class_of(t).is_none()
                    })
                };
                let inside = i > 0 && name_word(toks.get(i - 1)) && name_word(toks.get(i + n));
                if !inside {
                    regions.add_place(r);
                }
                i += n;
                continue;
            }
            // a town of the world gazetteer tells the region of its country where a place is
            // expected: after a place preposition ("in Beledweyne" → SO) or as a dateline
            // ("MIREBALAIS - "); its many names that are words ("Centre") count nowhere else
            if let Some((n, p)) = lx.places.longest_in(toks, i, end) {
                // (or after "and" in a list of names: "in Bint Jbeil and Tebnine")
                let after_prep = i > 0
                    && (lx.place_preps.contains(&toks[i - 1].lower)
                        || (i > 1
                            && matches!(lx.fn_class_of(&toks[i - 1]), Some(FnClass::Conj))
                            && toks[i - 2].cap
                            && toks[i - 2].kind == TokKind::Word));
                let dateline = (i == 0
                    || text
                        .get(toks[i - 1].range.end..toks[i].range.start)
                        .is_some_and(|gap| gap.contains('\n')))
                    && toks
                        .get(i + n)
                        .is_some_and(|t| matches!(t.kind, TokKind::Dash | TokKind::Punct));
                if after_prep || dateline {
                    let country = crate::places::country_of(&p.canonical, lx)
                        .unwrap_or_default()
                        .to_lowercase();
                    if let Some(&(_, r)) = lx.region_names.iter().find(|(c, _)| *c == country) {
                        regions.add_place(r);
                    }
                }
                i += n;
                continue;
            }
        }
        i += 1;
    }
    if bound.is_empty() {
        let out = chosen.into_iter().map(|(i, n, a)| (i..i + n, a)).collect();
        return (out, regions);
    }
    // each bound match takes the reading of its strongest context region; a tie between
    // different parties leaves it out
    let mut resolved: Vec<Cand> = Vec::new();
    let mut k = 0;
    while k < bound.len() {
        let (i, n, _) = bound[k];
        let mut e = k;
        while e < bound.len() && bound[e].0 == i && bound[e].1 == n {
            e += 1;
        }
        let mut best: Option<(u32, usize)> = None;
        let mut tie = false;
        for &(_, _, a) in &bound[k..e] {
            let strength = lx.aliases[a]
                .context
                .iter()
                .filter(|&&r| regions.in_context(r))
                .map(|&r| regions.count(r))
                .max();
            let Some(s) = strength else { continue };
            match best {
                Some((bs, _)) if s < bs => {}
                Some((bs, ba)) if s == bs => {
                    tie |= lx.aliases[ba].party != lx.aliases[a].party;
                }
                _ => {
                    best = Some((s, a));
                    tie = false;
                }
            }
        }
        if let (Some((_, a)), false) = (best, tie) {
            resolved.push((i, n, a));
        }
        k = e;
    }
    let out = greedy(&univ, &resolved)
        .into_iter()
        .map(|(i, n, a)| (i..i + n, a))
        .collect();
    (out, regions)
}

/// The longest match at each position, left to right, over two lists sorted by position (a
/// bound match wins a tie: it is the reading of the document's region).
fn greedy(univ: &[Cand], bound: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let (mut u, mut b) = (0, 0);
    let mut pos = 0;
    loop {
        while u < univ.len() && univ[u].0 < pos {
            u += 1;
        }
        while b < bound.len() && bound[b].0 < pos {
            b += 1;
        }
        let next = match (univ.get(u), bound.get(b)) {
            (None, None) => break,
            (Some(x), None) => *x,
            (None, Some(y)) => *y,
            (Some(x), Some(y)) => {
                if x.0 < y.0 || (x.0 == y.0 && x.1 > y.1) {
                    *x
                } else {
                    *y
                }
            }
        };
        out.push(next);
        pos = next.0 + next.1;
    }
    out
}

/// One alias that matches in a text, for `gainsay resources --find`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasReading {
    /// The words of the text it matches.
    pub matched: String,
    pub alias: usize,
    /// Whether it fires when the text is read as a document (the longest match at its place,
    /// and for a bound alias, one of its regions is the text's context).
    pub fires: bool,
}

/// Every alias that matches somewhere in `text` (all readings, also those that lose to a
/// longer alias or whose region is not the text's), and the text's regions read as a document.
pub fn explain(text: &str, lx: &Lexicon) -> (Vec<AliasReading>, DocRegions) {
    let seg = crate::segment::segment(text, 0, lx);
    let toks = &seg.tokens;
    let (fired, regions) = alias_mentions(text, &seg, lx);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let Some(cands) = lx.alias_index.get(&toks[i].lower) else {
            continue;
        };
        for &a in cands {
            if !alias_token(&toks[i]) || !matches_at(text, toks, i, lx, a) {
                continue;
            }
            let n = lx.aliases[a].words.len();
            let matched = crate::segment::span_text(text, toks, i..i + n).to_string();
            let fires = fired.iter().any(|(r, x)| *x == a && r.start == i);
            out.push(AliasReading {
                matched,
                alias: a,
                fires,
            });
        }
    }
    (out, regions)
}

impl Lexicon {
    /// The regions a document is about, counted from what it mentions (see the module
    /// documentation); `contexts` gives them as codes.
    pub fn document_regions(&self, text: &str, seg: &Segmented) -> DocRegions {
        alias_mentions(text, seg, self).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_takes_the_longest_and_skips_inside() {
        let univ = [(0, 1, 10), (1, 3, 11), (2, 1, 12), (5, 1, 13)];
        let bound = [(1, 3, 20), (5, 2, 21)];
        assert_eq!(
            greedy(&univ, &bound),
            vec![(0, 1, 10), (1, 3, 20), (5, 2, 21)]
        );
        assert_eq!(greedy(&univ, &[]), vec![(0, 1, 10), (1, 3, 11), (5, 1, 13)]);
    }
}
