//! Party discovery: a speaker or agent phrase that no alias of `parties.tsv` names still becomes
//! a party when its words name one.
//!
//! - an organization's capitalised name with an organization head ("the Sudanese Doctors
//!   Network", "a spokesman for the Rapid Support Forces", "Army of Conquest"): the name is the
//!   party (`discovered`);
//! - an owner read from the text: a hyphenated affiliation ("the Hamas-run health ministry",
//!   `affiliate` rows), a possessive before an organ, an organization or a person ("Ruritania's
//!   army", "Ruritania's spokesman"): the owner is the party (`affiliation`);
//! - a person with a role in a party: "military spokesman Jan Doe", "Jan Doe, the military's
//!   chief spokesman": the role resolves as role nouns do (`role`);
//! - a later mention of a name an earlier speaker of the document had ("Doe" after "military
//!   spokesman Jan Doe") takes that speaker's party (`earlier`).
//!
//! A news outlet or its journalist ("The Guardian's reporter", `press` rows) is never made a
//! party: an outlet carries others' words. The heads, suffixes and press words are data
//! (`resources/discovery.tsv`); this module holds only the grammar.

use std::ops::Range;

use crate::lexicon::{FnClass, Lexicon, Office, OrgClass};
use crate::model::{EntityKind, LinkHow, PartyLink};
use crate::regions::DocRegions;
use crate::segment::{Segmented, TokKind, Token, span_text};

use super::speaker::{Mention, within};

/// A party read from a phrase's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub party: String,
    /// The speaker's name, when discovery names it better than the phrase ("Jan Doe").
    pub name: Option<String>,
    pub kind: Option<EntityKind>,
    pub link: PartyLink,
}

/// Fewest words of a state organ's name found alone: "Foreign Ministry" or "Air Force" names no
/// one state; "Rapid Support Forces" does.
const BODY_MIN_WORDS: usize = 3;

/// Most words an adjective run between a role and its person noun may hold ("the military's
/// chief spokesman").
const ROLE_ADJECTIVES: usize = 2;

/// A word that may join the capitalised words of a name ("Ministry of Defence").
pub(super) fn connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "and" | "the")
}

fn is_press(lx: &Lexicon, t: &Token) -> bool {
    lx.press_words.contains(&t.lower)
}

/// The capitalised organization names inside `range`, each with its head's class: runs of
/// capitalised words (with "of", "for", "on", "and", "the" between capitals, and a possessive
/// apostrophe: "Martyrs' Brigades") cut after their rightmost organization head.
pub fn org_names(
    seg: &Segmented,
    range: &Range<usize>,
    lx: &Lexicon,
) -> Vec<(Range<usize>, OrgClass)> {
    let toks = &seg.tokens;
    let end = range.end.min(toks.len());
    let mut out = Vec::new();
    let mut k = range.start;
    while k < end {
        let t = &toks[k];
        if !(t.kind == TokKind::Word && t.cap)
            || matches!(lx.fn_class(&t.lower), Some(FnClass::Det))
            || t.lower.ends_with("-based")
        {
            k += 1;
            continue;
        }
        // the run
        let start = k;
        let mut last = k; // last capitalised word
        let mut j = k + 1;
        while j < end {
            let u = &toks[j];
            if u.kind == TokKind::Word && u.cap && !u.lower.ends_with("-based") {
                last = j;
                j += 1;
            } else if (u.kind == TokKind::Word && connector(&u.lower))
                || (u.kind != TokKind::Word
                    && !u.space_before
                    && (u.lower == "'" || u.lower == "’"))
                || ((u.lower == "'s" || u.lower == "’s")
                    && toks.get(j + 1).is_some_and(|n| n.cap && n.is_word()))
            {
                j += 1;
            } else {
                break;
            }
        }
        let run = start..last + 1;
        k = last + 1;
        // the rightmost organization head that ends the run, comes before "of" or "for"
        // ("Commission of Inquiry for Syria", "Army of Conquest": it heads the whole run) or
        // before a person's title ("Rapid Support Forces Commander Jan Doe"); an adjective
        // inside a name is no head ("Institute for International Economics")
        let tail_at =
            |i: usize| i + 1 < run.end && matches!(toks[i + 1].lower.as_str(), "of" | "for");
        let Some((h, class)) = run.clone().rev().find_map(|i| {
            let c = lx.org_heads.get(&toks[i].lower)?;
            let ends = i + 1 == run.end || tail_at(i) || person_noun(lx, &toks[i + 1].lower);
            ends.then_some((i, *c))
        }) else {
            continue;
        };
        let tail = tail_at(h);
        let name_end = if tail { run.end } else { h + 1 };
        // "Director of Daraa National Hospital", "Members of the Security Council": a person's
        // title before the name is not part of it
        let mut start = start;
        if let Some(p) = (start..h)
            .rev()
            .find(|&i| person_noun(lx, &toks[i].lower) && connector(&toks[i + 1].lower))
        {
            start = p + 1;
            while start < h && (connector(&toks[start].lower) || !toks[start].cap) {
                start += 1;
            }
        }
        // "Ruritania's Health Ministry": a state organ's owner before a possessive is no part
        // of its name ("the Karsk Fishermen's Union" keeps it)
        if class == OrgClass::Body {
            if let Some(p) = (start..h)
                .rev()
                .find(|&i| toks[i].lower == "'s" || toks[i].lower == "’s")
            {
                start = p + 1;
            }
        }
        let name = start..name_end;
        let words = name.clone().filter(|&i| toks[i].is_word()).count();
        let caps = name.clone().filter(|&i| toks[i].cap).count();
        // a press word names an outlet ("the Norland Herald"); one that only modifies the
        // head ("the Ghouta Media Center") when its row says so does not
        let press = name.clone().any(|i| {
            is_press(lx, &toks[i]) && (i == h || !lx.press_heads_only.contains(&toks[i].lower))
        });
        if caps < 2 || press {
            continue;
        }
        if class == OrgClass::Body && words < BODY_MIN_WORDS {
            continue;
        }
        out.push((name, class));
    }
    out
}

/// A noun for a person or people ("director", "members"), which titles a name.
fn person_noun(lx: &Lexicon, w: &str) -> bool {
    let person = |w: &str| {
        matches!(
            lx.kinds.get(w),
            Some(EntityKind::Person) | Some(EntityKind::Group)
        )
    };
    person(w) || w.strip_suffix('s').is_some_and(person)
}

/// An owner named by a hyphenated affiliation in `range` ("Hamas-run"): its alias's party, the
/// party of its role ("government-run"), or the word as written when capitalised.
fn affiliation(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    for k in range.clone() {
        let t = &toks[k];
        if t.kind != TokKind::Word {
            continue;
        }
        let Some(dash) = t.lower.rfind('-') else {
            continue;
        };
        if !lx.affiliate_suffixes.contains(&t.lower[dash + 1..]) || dash == 0 {
            continue;
        }
        let raw = &text[t.range.clone()];
        let owner_raw = &raw[..dash];
        let owner = &t.lower[..dash];
        let words = raw.to_string();
        if let Some(p) = single_alias(owner, lx) {
            return Some(found(p, LinkHow::Affiliation, words));
        }
        if let Some(role) = lx.roles.get(owner) {
            if let Some(p) = super::speaker::last_with_role(mentions, range.start, &role.role, lx) {
                return Some(found(
                    lx.aliases[p.alias].party.clone(),
                    LinkHow::Affiliation,
                    words,
                ));
            }
            // none named: the region's party of that role ("state-run" in a report about
            // Ethiopia)
            let p = regions.role_party(&role.role, lx)?;
            return Some(found(p.to_string(), LinkHow::Affiliation, words));
        }
        // a common word capitalised only because it opens the sentence ("State-affiliated")
        // names no owner
        let opens = seg.sentences.iter().any(|s| s.tokens.start == k);
        if owner_raw.starts_with(char::is_uppercase)
            && !lx.press_words.contains(owner)
            && !(opens && (lx.level_words.contains(owner) || lx.state_words.contains(owner)))
        {
            return Some(found(owner_raw.to_string(), LinkHow::Affiliation, words));
        }
    }
    None
}

fn found(party: String, how: LinkHow, words: String) -> Found {
    Found {
        party,
        name: None,
        kind: None,
        link: PartyLink::new(how, words),
    }
}

/// The party of a one-word alias equal to `w` ("israel", "hamas").
fn single_alias(w: &str, lx: &Lexicon) -> Option<String> {
    lx.alias_index.get(w)?.iter().find_map(|&a| {
        let al = &lx.aliases[a];
        (al.words.len() == 1 && al.words[0].to_lowercase() == w).then(|| al.party.clone())
    })
}

/// The owner before a possessive in `range` whose phrase ends in an organization head, a role
/// noun or a person noun ("Ruritania's army", "Ruritania's spokesman"); never a news outlet or
/// a journalist ("The Guardian's reporter").
fn possessive(text: &str, seg: &Segmented, range: &Range<usize>, lx: &Lexicon) -> Option<Found> {
    let toks = &seg.tokens;
    let end = range.end.min(toks.len());
    let head = (range.start..end).rev().find(|&i| toks[i].is_word())?;
    let head_tok = &toks[head];
    if is_press(lx, head_tok) {
        return None;
    }
    let heads_org = lx.org_heads.contains_key(&head_tok.lower)
        || lx.roles.get(&head_tok.lower).is_some()
        || lx.member_nouns.contains(&head_tok.lower);
    if !heads_org {
        return None;
    }
    for k in range.start..head {
        let t = &toks[k];
        if !(t.kind == TokKind::Word && t.cap) {
            continue;
        }
        let apostrophe = toks
            .get(k + 1)
            .is_some_and(|n| n.lower == "'s" || n.lower == "’s");
        if !apostrophe {
            continue;
        }
        // "the Karsk Fishermen's Union": a possessive inside a capitalised organization's
        // name is part of the name
        if toks.get(k + 2).is_some_and(|n| n.cap && n.is_word())
            && (k + 2..head + 1).all(|i| toks[i].cap || !toks[i].is_word())
            && lx.org_heads.get(&head_tok.lower) == Some(&OrgClass::Org)
        {
            return None;
        }
        // the owner's capitalised run ending at k
        let mut s = k;
        while s > range.start
            && toks[s - 1].kind == TokKind::Word
            && toks[s - 1].cap
            && !matches!(lx.fn_class(&toks[s - 1].lower), Some(FnClass::Det))
        {
            s -= 1;
        }
        if (s..k + 1).any(|i| is_press(lx, &toks[i])) {
            return None;
        }
        let owner = span_text(text, toks, s..k + 1).to_string();
        let words = span_text(text, toks, s..head + 1).to_string();
        // a place owns no party by itself ("Varda's health ministry"): the lexicon names the
        // countries that are parties
        let place = (s..k + 1).len() == 1 && lx.places.get(&t.lower).is_some();
        if place {
            return None;
        }
        return Some(found(owner, LinkHow::Affiliation, words));
    }
    None
}

/// A person with a role in a party: "military spokesman Jan Doe" (a person role followed by a
/// name), "the military's chief spokesman" (a role's possessive before a person noun). The role
/// resolves as role nouns do: to the party with that role the document mentions most before it.
fn person_role(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let end = range.end.min(toks.len());
    for k in range.start..end {
        let Some((n, role)) = lx.roles.longest_in(toks, k, end) else {
            continue;
        };
        // a capitalised modifier before the role names another owner ("Health Ministry")
        if k > range.start
            && toks[k - 1].cap
            && !matches!(lx.fn_class(&toks[k - 1].lower), Some(FnClass::Det))
        {
            continue;
        }
        let after = k + n;
        // a title ("President Jan Doe", "Minister X") names an office of any state: only a
        // role of two or more words in lower case ("military spokesman") points to one
        let opens = k == range.start;
        let titled = (k..after).any(|i| toks[i].cap && !(i == k && opens));
        let (person_end, name) = if role.kind == EntityKind::Person {
            if n < 2 || titled {
                continue;
            }
            // "military spokesman Jan Doe": a name follows
            let name_end = (after..end)
                .take_while(|&i| toks[i].cap && toks[i].is_word())
                .last();
            match name_end {
                Some(e) if e + 1 == end => (e + 1, Some(after..e + 1)),
                _ => continue,
            }
        } else {
            // "the military's chief spokesman"
            let mut i = after;
            if toks
                .get(i)
                .is_some_and(|t| t.lower == "'s" || t.lower == "’s")
            {
                i += 1;
            } else {
                continue;
            }
            let mut adjs = 0;
            while i < end
                && adjs <= ROLE_ADJECTIVES
                && lx.kinds.get(&toks[i].lower) != Some(&EntityKind::Person)
            {
                if !toks[i].is_word() || toks[i].cap {
                    break;
                }
                i += 1;
                adjs += 1;
            }
            if i >= end
                || lx.kinds.get(&toks[i].lower) != Some(&EntityKind::Person)
                || is_press(lx, &toks[i])
            {
                continue;
            }
            (i + 1, None)
        };
        let m = super::speaker::fronted_owner(seg, range.start, mentions, &role.role, lx)
            .or_else(|| super::speaker::last_with_role(mentions, range.start, &role.role, lx))?;
        let words = span_text(text, toks, k..person_end).to_string();
        return Some(Found {
            party: lx.aliases[m.alias].party.clone(),
            name: name.map(|r| span_text(text, toks, r).to_string()),
            kind: Some(EntityKind::Person),
            link: PartyLink::new(LinkHow::Role, words),
        });
    }
    None
}

/// Discovers the party of a speaker's source phrase `src` (with `core`, its head without
/// determiners) that no alias names.
#[allow(clippy::too_many_arguments)]
pub fn discover_speaker(
    text: &str,
    seg: &Segmented,
    src: &Range<usize>,
    core: &Range<usize>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    if core.is_empty() {
        return None;
    }
    if let Some(f) = person_role(text, seg, src, mentions, lx) {
        return Some(f);
    }
    if let Some(f) = office(text, seg, src, core, regions, lx) {
        return Some(f);
    }
    if let Some(f) = affiliation(text, seg, core, mentions, regions, lx) {
        return Some(f);
    }
    if let Some(f) = local_body(text, seg, core, regions, lx) {
        return Some(f);
    }
    if let Some(f) = possessive(text, seg, core, lx) {
        return Some(f);
    }
    if let Some(f) = state_name(text, seg, src, regions, lx) {
        return Some(f);
    }
    if let Some(f) = country_name(text, seg, core, lx) {
        return Some(f);
    }
    if let Some(f) = demonym_members(text, seg, core, lx) {
        return Some(f);
    }
    if let Some(f) = facility(text, seg, src, lx) {
        return Some(f);
    }
    discover_org(text, seg, src, lx)
        .or_else(|| sector_org(text, seg, core, lx))
        .or_else(|| named_group(text, seg, src, mentions, lx))
}

/// An organization named by its field and head, not by a name: "aid agencies", "Human rights
/// groups", "a London-based monitoring group" (`sector` rows of `discovery.tsv`). The phrase
/// must end in the head, and only lowercase words that are no function words may stand between
/// the field and the head; the party is named by its words from the field to the head,
/// lowercased ("Human rights groups" and "rights groups" are one party).
fn sector_org(text: &str, seg: &Segmented, core: &Range<usize>, lx: &Lexicon) -> Option<Found> {
    let toks = &seg.tokens;
    let last = core.end.checked_sub(1).filter(|&k| k >= core.start)?;
    let head = &toks[last];
    let org = |w: &str| lx.org_heads.get(w) == Some(&OrgClass::Org);
    if !head.is_word() || !(org(&head.lower) || org(&super::speaker::singular(&head.lower))) {
        return None;
    }
    let field = (core.start..last).find(|&k| lx.sectors.contains(&toks[k].lower))?;
    // no name between the field and the head ("the Aid Workers Union" is a name), and no
    // function word: the head closes the field's own phrase ("a medical source at the town
    // hospital" is a person at a hospital)
    if (field..=last).any(|k| {
        !toks[k].is_word() || (toks[k].cap && k > core.start) || lx.fn_class_of(&toks[k]).is_some()
    }) {
        return None;
    }
    let name = span_text(text, toks, field..last + 1).to_lowercase();
    Some(Found {
        party: name.clone(),
        name: None,
        // the phrase's own words tell a member ("Jan Doe, a member of the medical council")
        // from the organization
        kind: None,
        link: PartyLink::new(LinkHow::Discovered, name),
    })
}

/// A person at a site that is an organization of its own, named by its place: "a spokesman at
/// the hospital in Kafr Takharim", "a doctor at a hospital in Khan Younis" speak for that
/// hospital ("Kafr Takharim hospital"). The head must be an organization head (`head WORD org`
/// of `discovery.tsv`) that is also a site attacks strike (`@site` of `places.tsv`); without a
/// place ("a doctor at the hospital") it names no party.
fn facility(text: &str, seg: &Segmented, src: &Range<usize>, lx: &Lexicon) -> Option<Found> {
    let toks = &seg.tokens;
    let end = src.end.min(toks.len());
    let k = (src.start + 1..end).find(|&k| {
        let t = &toks[k];
        !t.cap
            && lx.org_heads.get(&t.lower) == Some(&OrgClass::Org)
            && lx.sites.contains(&t.lower)
            && matches!(lx.fn_class(&toks[k - 1].lower), Some(FnClass::Det))
    })?;
    // a person before it: "a spokesman at", "the director of"
    let person = (src.start..k - 1).any(|i| person_noun(lx, &toks[i].lower));
    if !person || k + 2 >= end || toks[k + 1].lower != "in" {
        return None;
    }
    // the place: capitalized words after "in", up to the next "in" ("in Kafr Takharim in Idlib")
    let p0 = k + 2;
    let p1 = (p0..end)
        .take_while(|&i| toks[i].is_word() && toks[i].cap && lx.fn_class(&toks[i].lower).is_none())
        .last()?
        + 1;
    let place = span_text(text, toks, p0..p1);
    let words = span_text(text, toks, k..p1).to_string();
    Some(Found {
        party: format!("{place} {}", toks[k].lower),
        name: None,
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Discovered, words),
    })
}

/// A speaker named only by a country that no alias names (`@region` rows: "Syria", kept from
/// the aliases because it names the war's place far more often than a speaker): a country that
/// speaks ("Syria denies the charges") is its state. The whole head must be the name: "the
/// commission of inquiry on Syria" is no state.
fn country_name(text: &str, seg: &Segmented, core: &Range<usize>, lx: &Lexicon) -> Option<Found> {
    let toks = &seg.tokens;
    let end = core.end.min(toks.len());
    if core.start >= end || !toks[core.start].cap {
        return None;
    }
    let words = span_text(text, toks, core.start..end);
    let lower = words.to_lowercase();
    let &(_, r) = lx.region_names.iter().find(|(n, _)| *n == lower)?;
    Some(its_state(lx.state_of_region(r)?, words))
}

/// A state named by a word for its country or people ("Syria", "Azerbaijani").
fn its_state(party: &str, words: &str) -> Found {
    Found {
        party: party.to_string(),
        name: None,
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Role, format!("{words} [its state]")),
    }
}

/// A state's people named by its demonym alone or before a person noun that speaks for an
/// owner (`member` rows): "Azerbaijani claims" (the demonym is the whole speaker), "Iraqi
/// commanders", "Russian military officials". The demonym is a state's when "DEMONYM
/// government" is an alias of it; "an Iraqi doctor" names no state.
fn demonym_members(
    text: &str,
    seg: &Segmented,
    core: &Range<usize>,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let end = core.end.min(toks.len());
    if core.start >= end {
        return None;
    }
    let t0 = &toks[core.start];
    if !(t0.cap && t0.is_word()) {
        return None;
    }
    let last = &toks[end - 1];
    let members = end - core.start >= 2
        && end - core.start <= 4
        && lx.member_nouns.contains(&last.lower)
        && (core.start + 1..end).all(|k| toks[k].is_word() && !toks[k].cap);
    if end - core.start != 1 && !members {
        return None;
    }
    let party = lx.demonym_state(&t0.lower)?;
    Some(its_state(&party, span_text(text, toks, core.start..end)))
}

/// The state of the region a place named at token `i` tells ("North Kivu" → DR Congo), with
/// the place's length in tokens.
fn place_state<'l>(
    seg: &Segmented,
    i: usize,
    end: usize,
    lx: &'l Lexicon,
) -> Option<(usize, &'l str)> {
    let toks = &seg.tokens;
    if !(i < end && toks[i].cap && toks[i].is_word()) {
        return None;
    }
    let (n, &r) = lx.place_regions.longest_in(toks, i, end)?;
    Some((n, lx.state_of_region(r)?))
}

pub(super) fn is_possessive(t: &Token) -> bool {
    t.lower == "'s" || t.lower == "’s" || t.lower == "'" || t.lower == "’"
}

/// A person holding an office of a state named without the state (`title` rows): "Governor
/// Jan Doe", "the regional governor", "Karsk's military governor", "the mayor of the commune",
/// "Foreign Minister Jan Doe". The state is the one of the place named with the title, else of
/// the region the report's places are in ([`DocRegions::office_state`]); an owner named
/// before the title that is no place ("Coalition spokesman", "rebel governor") is not a state's.
fn office(
    text: &str,
    seg: &Segmented,
    src: &Range<usize>,
    core: &Range<usize>,
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let end = src.end.min(toks.len());
    for k in core.clone() {
        let Some((n, &office)) = lx.titles.longest_in(toks, k, end) else {
            continue;
        };
        let after = k + n;
        // before the title: lower-case modifiers, level words, a place and its possessive
        let mut place: Option<&str> = None;
        let mut i = core.start;
        let mut clean = true;
        while i < k {
            let t = &toks[i];
            if let Some((m, st)) = place_state(seg, i, k, lx) {
                place = Some(st);
                i += m;
                continue;
            }
            let ok = if !t.is_word() {
                is_possessive(t)
            } else if t.lower.contains('-') {
                false
            } else if t.cap {
                lx.level_words.contains(&t.lower)
                    || lx.state_words.contains(&t.lower)
                    || matches!(t.lower.as_str(), "deputy" | "acting" | "chief")
            } else if matches!(lx.fn_class(&t.lower), Some(FnClass::Prep)) {
                // "an aide to the governor", not "a critic of the governor": only a person
                // who speaks for the office holds it
                i > core.start && lx.member_nouns.contains(&toks[i - 1].lower)
            } else {
                // "the rebel governor", "the opposition mayor": a party's word or a role of
                // no state names another owner ("military governor" is a state's)
                single_alias(&t.lower, lx).is_none()
                    && lx.roles.get(&t.lower).is_none_or(|r| {
                        matches!(r.role.as_str(), "government" | "military" | "ministry")
                    })
            };
            if !ok {
                clean = false;
                break;
            }
            i += 1;
        }
        if !clean {
            return None;
        }
        // after it: nothing, a possessive ("the governor's office"), a name, "of" a place
        let mut name = None;
        if after < end {
            let t = &toks[after];
            if t.lower == "of" {
                let stop = (after + 1..end)
                    .find(|&j| toks[j].lower == ",")
                    .unwrap_or(end);
                // "the Minister of Health", "the Minister of Foreign Affairs": a portfolio of
                // generic state words names no other body
                let portfolio = (after + 1..stop).any(|j| toks[j].cap)
                    && (after + 1..stop).all(|j| {
                        !toks[j].is_word()
                            || connector(&toks[j].lower)
                            || lx.state_words.contains(&toks[j].lower)
                    });
                if let Some(st) = (after + 1..stop).find_map(|j| place_state(seg, j, stop, lx)) {
                    place = Some(st.1);
                } else if !portfolio && (after + 1..stop).any(|j| toks[j].cap) {
                    // "the governor of the Central Bank": another body's office
                    return None;
                }
            } else if t.cap && t.is_word() {
                let e = (after..end)
                    .take_while(|&j| toks[j].is_word() && toks[j].cap)
                    .last()
                    .unwrap_or(after);
                name = Some(span_text(text, toks, after..e + 1).to_string());
            } else if !(is_possessive(t) || t.lower == ",") {
                continue;
            }
        }
        let words = span_text(text, toks, core.start..after).to_string();
        let (party, words) = match place {
            Some(st) => (st.to_string(), words),
            None if office == Office::Named => return None,
            None => {
                let (st, code) =
                    regions.office_state("government", office == Office::National, lx)?;
                (st.to_string(), format!("{words} [region {code}]"))
            }
        };
        return Some(Found {
            party,
            name,
            kind: Some(EntityKind::Person),
            link: PartyLink::new(LinkHow::Role, words),
        });
    }
    None
}

/// The role a state body's head fills (`roles.tsv`: "ministry", "army"; a fighting unit's noun
/// is the military's), else `government`.
fn body_role<'l>(head: &str, lx: &'l Lexicon) -> &'l str {
    match lx.roles.get(head) {
        Some(r) if !r.role.starts_with('@') => r.role.as_str(),
        _ if lx.force_heads.contains(head) => "military",
        _ => "government",
    }
}

/// A state's body named by its level or its place, in lower case: "the provincial health
/// division", "the city council", "the regional prosecutor's office", "the North Darfur health
/// ministry", "the Amhara regional health bureau". The state is the place's, else that of the
/// region the report's places are in.
fn local_body(
    text: &str,
    seg: &Segmented,
    core: &Range<usize>,
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let end = core.end.min(toks.len());
    let head = (core.start..end).rev().find(|&i| toks[i].is_word())?;
    let h = &toks[head];
    let body =
        lx.org_heads.get(&h.lower) == Some(&OrgClass::Body) || lx.civic_heads.contains(&h.lower);
    if !body || (h.cap && head != core.start) {
        return None;
    }
    let mut level = false;
    let mut place: Option<&str> = None;
    let mut i = core.start;
    while i < head {
        let t = &toks[i];
        if let Some((m, st)) = place_state(seg, i, head, lx) {
            place = Some(st);
            i += m;
            continue;
        }
        if !t.is_word() {
            if !is_possessive(t) {
                return None;
            }
        } else if t.lower.contains('-') || (t.cap && !lx.level_words.contains(&t.lower)) {
            return None;
        } else if lx.level_words.contains(&t.lower) {
            level = true;
        }
        i += 1;
    }
    let words = span_text(text, toks, core.start..head + 1).to_string();
    let (party, words) = match place {
        Some(st) => (st.to_string(), words),
        None if level => {
            let (st, code) = regions.office_state(body_role(&h.lower, lx), false, lx)?;
            (st.to_string(), format!("{words} [region {code}]"))
        }
        None => return None,
    };
    Some(Found {
        party,
        name: None,
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Role, words),
    })
}

/// A state body's capitalised name made only of words that name no owner ("General Command of
/// the Armed Forces", "Government Communication Service"): the state of the report's region.
fn state_name(
    text: &str,
    seg: &Segmented,
    src: &Range<usize>,
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let Some((name, class)) = org_names(seg, src, lx).pop() else {
        return short_state_name(text, seg, src, regions, lx);
    };
    if class != OrgClass::Body {
        return None;
    }
    let generic = name.clone().all(|i| {
        let t = &toks[i];
        !t.is_word() || connector(&t.lower) || lx.state_words.contains(&t.lower)
    });
    if !generic {
        return None;
    }
    let head = (name.start..name.end)
        .rev()
        .find(|&i| lx.org_heads.get(&toks[i].lower) == Some(&OrgClass::Body))?;
    let (st, code) = regions.office_state(body_role(&toks[head].lower, lx), false, lx)?;
    let words = span_text(text, toks, name);
    Some(region_state(st, Some(words), words, code))
}

/// A state body found for the state `st` of region `code`, by the words that named it.
fn region_state(st: &str, name: Option<&str>, words: &str, code: &str) -> Found {
    Found {
        party: st.to_string(),
        name: name.map(str::to_string),
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Role, format!("{words} [region {code}]")),
    }
}

/// A state body's name too short to be found alone ([`BODY_MIN_WORDS`]), made only of generic
/// state words ("the official spokesman of the Armed Forces", "the Foreign Ministry said"):
/// the state of the report's region, only when that region is also the one the report names
/// most in all (as a national office: any state has armed forces and a foreign ministry).
fn short_state_name(
    text: &str,
    seg: &Segmented,
    src: &Range<usize>,
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let mut end = src.end.min(toks.len());
    // (an acronym in brackets after the name: "the Defence Headquarters (DHQ)")
    if end >= src.start + 3
        && toks[end - 1].lower == ")"
        && toks[end - 2].upper
        && toks[end - 3].lower == "("
    {
        end -= 3;
    }
    // the last run of capitalised words of the phrase
    let last = (src.start..end).rev().find(|&i| toks[i].is_word())?;
    let mut start = last + 1;
    while start > src.start
        && toks[start - 1].is_word()
        && toks[start - 1].cap
        && !matches!(lx.fn_class_of(&toks[start - 1]), Some(FnClass::Det))
    {
        start -= 1;
    }
    let name = start..last + 1;
    if name.len() < 2 {
        return None;
    }
    let head = &toks[last].lower;
    let generic = name
        .clone()
        .all(|i| lx.state_words.contains(&toks[i].lower));
    if lx.org_heads.get(head) != Some(&OrgClass::Body) || !generic {
        return None;
    }
    let (st, code) = regions.office_state(body_role(head, lx), true, lx)?;
    Some(region_state(st, None, span_text(text, toks, name), code))
}

/// Most lower-case words between a group's name and its noun ("the Viv Ansanm gang coalition").
const GROUP_DESCRIPTORS: usize = 2;

/// An armed group named by its name before a lower-case group noun (`group` rows): "the
/// Tarvos militia", "the Viv Ansanm gang coalition", "a spokesman for the Red Hand rebel
/// group". The name is the party. Not a place's name ("the Goma militia" is no party of its
/// own), nor a name an alias already covers.
pub fn named_group(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<Found> {
    let toks = &seg.tokens;
    let end = range.end.min(toks.len());
    let g = (range.start..end)
        .rev()
        .find(|&k| toks[k].is_word() && !toks[k].cap && lx.group_nouns.contains(&toks[k].lower))?;
    // the descriptors, then the name's capitalised run (a particle before a capital belongs to
    // the name: "Nureddin al-Zanki")
    let joined = |k: usize| toks[k].kind == TokKind::Dash && !toks[k].space_before;
    let name_word = |k: usize| {
        let raw = &text[toks[k].range.clone()];
        joined(k)
            || (toks[k].is_word()
                && (toks[k].cap
                    || (raw.len() <= 3 && k + 1 < toks.len() && joined(k + 1))
                    || raw
                        .split_once('-')
                        .is_some_and(|(a, b)| a.len() <= 3 && b.starts_with(char::is_uppercase)))
                && !toks[k].lower.ends_with("-based")
                && !matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Det)))
    };
    let mut n = g;
    while n > range.start
        && g - n < GROUP_DESCRIPTORS
        && toks[n - 1].is_word()
        && !toks[n - 1].cap
        && !name_word(n - 1)
        && lx.fn_class_of(&toks[n - 1]).is_none()
    {
        n -= 1;
    }
    let mut s = n;
    while s > range.start && name_word(s - 1) {
        s -= 1;
    }
    let name = s..n;
    if name.is_empty() || !within(mentions, &name).is_empty() {
        return None;
    }
    // opened by the phrase, a determiner or a preposition ("for the X militia")
    let opened = s == range.start
        || matches!(
            lx.fn_class_of(&toks[s - 1]),
            Some(FnClass::Det | FnClass::Prep)
        );
    let place = lx
        .places
        .longest_in(toks, s, n)
        .is_some_and(|(m, _)| s + m == n);
    // ("the Somali militia": a state's demonym names no group)
    let demonym = name
        .clone()
        .any(|k| lx.demonym_state(&toks[k].lower).is_some());
    if !opened || place || demonym {
        return None;
    }
    let party = span_text(text, toks, name).to_string();
    Some(Found {
        party,
        name: None,
        kind: Some(EntityKind::Group),
        link: PartyLink::new(LinkHow::Discovered, span_text(text, toks, s..g + 1)),
    })
}

/// The organization a phrase names, as a discovered party: the name nearest its end.
pub fn discover_org(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    lx: &Lexicon,
) -> Option<Found> {
    let (name, class) = org_names(seg, range, lx).pop()?;
    let n = span_text(text, &seg.tokens, name.clone()).to_string();
    // "the Haitian National Police", "the Somali National Army": a state's organ named after
    // its demonym is that state's
    if class == OrgClass::Body {
        let toks = &seg.tokens;
        let first = name
            .clone()
            .find(|&k| !matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Det)))?;
        if let Some(state) = lx.demonym_state(&toks[first].lower) {
            return Some(its_state(&state, &n));
        }
    }
    Some(Found {
        party: n.clone(),
        name: None,
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Discovered, n),
    })
}

/// An organization's name that holds the alias `m` without it covering the name's head ("the
/// Palestinian Red Crescent Society" holds "Red Crescent"): the name is a party of its own. A
/// state organ's name stays its country's ("Ukrainian Air Force").
pub fn org_over_alias(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    m: &Mention,
    lx: &Lexicon,
) -> Option<Found> {
    let (name, class) = org_names(seg, range, lx)
        .into_iter()
        .rev()
        .find(|(n, _)| n.start <= m.tokens.start && m.tokens.end < n.end)?;
    if class != OrgClass::Org {
        return None;
    }
    // the name must add to the alias more than its head ("Al-Nusra Front" is the alias's) and
    // more than a place before it ("Syria Al-Nusra Front")
    let toks = &seg.tokens;
    let left = (name.start..m.tokens.start)
        .filter(|&i| toks[i].is_word() && lx.places.get(&toks[i].lower).is_none())
        .count();
    let right = (m.tokens.end..name.end)
        .filter(|&i| toks[i].is_word() && !connector(&toks[i].lower))
        .count();
    if left == 0 && right < 2 {
        return None;
    }
    let n = span_text(text, &seg.tokens, name).to_string();
    Some(Found {
        party: n.clone(),
        name: None,
        kind: Some(EntityKind::Org),
        link: PartyLink::new(LinkHow::Discovered, n),
    })
}

/// The agent a phrase names when no alias or role does: an organization's name, an owner read
/// from the text ("Ruritania's army", "Hamas-run police").
pub fn discover_agent(
    text: &str,
    seg: &Segmented,
    range: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<String> {
    affiliation(text, seg, range, mentions, &DocRegions::default(), lx)
        .or_else(|| possessive(text, seg, range, lx))
        .or_else(|| discover_org(text, seg, range, lx))
        .or_else(|| named_group(text, seg, range, mentions, lx))
        .map(|f| f.party)
}

/// Whether the phrase names a news outlet or a journalist: a `press` word, or an alias of a
/// party with the `media` role.
pub fn names_press(
    seg: &Segmented,
    range: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> bool {
    let toks = &seg.tokens;
    range
        .clone()
        .any(|k| k < toks.len() && is_press(lx, &toks[k]))
        || within(mentions, range)
            .iter()
            .any(|m| lx.aliases[m.alias].roles.iter().any(|r| r == "media"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn discover(text: &str) -> Option<Found> {
        let lx = Lexicon::builtin();
        let seg = segment(text, 0, &lx);
        let mentions = super::super::speaker::find_mentions(text, &seg, &lx);
        let all = 0..seg.tokens.len();
        discover_speaker(
            text,
            &seg,
            &all,
            &all,
            &mentions,
            &DocRegions::default(),
            &lx,
        )
    }

    #[test]
    fn organization_names_are_discovered() {
        for (phrase, party) in [
            ("the Norvenian Doctors Network", "Norvenian Doctors Network"),
            ("Human Rights Watch", "Human Rights Watch"),
            (
                "the Karsk Regional Military Administration",
                "Karsk Regional Military Administration",
            ),
            (
                "the Red Hand Martyrs' Brigades",
                "Red Hand Martyrs' Brigades",
            ),
            (
                "a spokesman for the Rapid Support Forces",
                "Rapid Support Forces",
            ),
            ("Army of Conquest", "Army of Conquest"),
            // a press word that only modifies the head: an activists' media office
            ("the Varda Media Center", "Varda Media Center"),
            ("The Red Sea Ports Corporation", "Red Sea Ports Corporation"),
        ] {
            let f = discover(phrase).unwrap_or_else(|| panic!("{phrase}"));
            assert_eq!(f.party, party, "{phrase}");
            assert_eq!(f.link.how, LinkHow::Discovered);
        }
    }

    #[test]
    fn capitalised_words_that_name_no_organization_are_not_parties() {
        for phrase in [
            "Monday",
            "The Guardian's reporter",
            "the Foreign Ministry",
            "Air Force",
            "the Daily Herald Network",
            "the Varda Media",
            "Jan Doe",
            "a doctor at the hospital",
        ] {
            assert_eq!(discover(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn unnamed_organizations_of_a_field_are_parties() {
        for (phrase, party) in [
            ("Aid agencies", "aid agencies"),
            ("Human rights groups", "rights groups"),
            ("international rights groups", "rights groups"),
            ("a London-based monitoring group", "monitoring group"),
            ("humanitarian organisations", "humanitarian organisations"),
        ] {
            let f = discover(phrase).unwrap_or_else(|| panic!("{phrase}"));
            assert_eq!(
                (f.party.as_str(), f.link.how, f.kind),
                (party, LinkHow::Discovered, None),
                "{phrase}"
            );
        }
        // a person at a site, a field without a head, a head without a field
        for phrase in [
            "a medical source at the town hospital",
            "aid workers",
            "local groups",
        ] {
            assert_eq!(discover(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn owners_are_read_from_the_text() {
        let f = discover("the Tarvos-run health ministry").unwrap();
        assert_eq!(
            (f.party.as_str(), f.link.how),
            ("Tarvos", LinkHow::Affiliation)
        );
        let f = discover("Ruritania's army").unwrap();
        assert_eq!(f.party, "Ruritania");
        let f = discover("Ruritania's chief spokesman").unwrap();
        assert_eq!(f.party, "Ruritania");
        // a known alias before the suffix is its party
        let f = discover("the Russia-appointed administration").unwrap();
        assert_eq!(f.party, "Russia");
    }

    #[test]
    fn a_person_with_a_role_takes_the_role_party() {
        let text = "The Syrian army shelled the town. Military spokesman Jan Doe";
        let lx = Lexicon::builtin();
        let seg = segment(text, 0, &lx);
        let mentions = super::super::speaker::find_mentions(text, &seg, &lx);
        let s = seg.sentences[1].tokens.clone();
        let f =
            discover_speaker(text, &seg, &s, &s, &mentions, &DocRegions::default(), &lx).unwrap();
        assert_eq!(f.party, "Syrian government");
        assert_eq!(f.name.as_deref(), Some("Jan Doe"));
        assert_eq!(f.link.how, LinkHow::Role);
        // no party with the role mentioned before: nothing is guessed
        assert_eq!(discover("Military spokesman Jan Doe"), None);
    }
}
