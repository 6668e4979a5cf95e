//! The party a document is a statement of: "(Statement of Harakat al-Shabaab al-Mujahideen,
//! broadcast by Radio Andalus ...)", "Communiqué of the General Staff of the Armed Forces",
//! "UNIFIL statement on projectile launches". A party's own statement speaks in that party's
//! voice: what it states without a cue is the party's claim, and "we" or "the statement" as a
//! speaker is the party.
//!
//! Only a document's head is read: its first [`HEAD_SENTENCES`] sentences, where one opens with
//! an `issuer` noun of `discovery.tsv` ("statement", "communiqué", "claim") followed by "of",
//! "by", "from" or a participle and "by" ("posted by", "carried by"), and the owner after it; or
//! where the first sentence (the headline) opens with the owner's name and the noun ("RDF
//! statement on ..."). The owner must resolve to a party (an alias, or a party found by
//! [`super::discover`]) that is no news outlet: a report that quotes a statement has no such
//! head, and a headline that names an outlet's statement ("Russia rejects UN statement") does
//! not open with it. Without such a head, a document whose outlet is a party's name (a record's
//! `outlet`: "URDPC-CODECO", "Rwanda Defence Force") is that party's statement
//! ([`outlet_issuer`]).

use std::ops::Range;

use crate::lexicon::{FnClass, Lexicon};
use crate::model::{EntityKind, LinkHow, PartyLink, Resolution, Speaker};
use crate::regions::DocRegions;
use crate::segment::{Segmented, TokKind, span_text};

use super::speaker::{Mention, within};

/// How many sentences from the start of a document its head may hold.
pub const HEAD_SENTENCES: usize = 3;

/// Most words an owner's name may have ("the Indian Army's White Knight Corps").
const OWNER_WORDS: usize = 12;

/// The party a document is a statement of, as a speaker (linked by [`LinkHow::Issuer`] with the
/// words of the head that named it).
pub fn issuer(
    text: &str,
    seg: &Segmented,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Speaker> {
    let toks = &seg.tokens;
    for (si, s) in seg.sentences.iter().take(HEAD_SENTENCES).enumerate() {
        let words: Vec<usize> = s.tokens.clone().filter(|&k| toks[k].is_word()).collect();
        // the noun as the sentence's first or second word ("Statement of", "Press release by")
        let Some(&noun) = words
            .iter()
            .take(2)
            .find(|&&k| lx.issuer_nouns.contains(&toks[k].lower))
        else {
            continue;
        };
        // (only punctuation, as an opening bracket, before the first word)
        if (s.tokens.start..words[0]).any(|k| toks[k].kind != TokKind::Punct) {
            continue;
        }
        let end = s.tokens.end;
        // owner after the noun: "of X", "by X", "posted by X"
        let mut k = noun + 1;
        if k < end && toks[k].is_word() && lx.is_verb_form(&toks[k].lower) {
            k += 1;
            if !(k < end && toks[k].lower == "by") {
                k = end;
            }
        }
        let after = k < end && matches!(toks[k].lower.as_str(), "of" | "by" | "from");
        let owner = if after {
            owner_after(seg, k + 1, end, lx)
        } else if si == 0 && words.get(1) == Some(&noun) && toks[words[0]].cap {
            // "UNIFIL statement on …": a headline that opens with its owner's name
            words[0]..noun
        } else {
            continue;
        };
        if owner.is_empty() {
            continue;
        }
        if let Some(sp) = owner_party(
            text,
            seg,
            &owner,
            &(s.tokens.start..end),
            mentions,
            regions,
            lx,
        ) {
            return Some(sp);
        }
    }
    None
}

/// The party a document is a statement of, named by its outlet (the publisher given with the
/// document: a JSONL record's `outlet`): "URDPC-CODECO", "Rwanda Defence Force", "Oromo
/// Liberation Army (statement)". One alias must name the outlet from its first word to its end,
/// to a preposition or to a bracket ("Amhara Fano in Gojjam"); a news outlet (an alias with a
/// `media` or `state_media` role) or a name that only opens with an alias ("Haiti Libre") is no
/// issuer.
pub fn outlet_issuer(outlet: &str, lx: &Lexicon) -> Option<Speaker> {
    let name = outlet.split(['(', '[']).next().unwrap_or_default().trim();
    if name.is_empty() {
        return None;
    }
    let seg = crate::segment::segment(name, 0, lx);
    let toks = &seg.tokens;
    let first = toks
        .iter()
        .position(|t| t.is_word() && !matches!(lx.fn_class_of(t), Some(FnClass::Det)))?;
    let (mentions, _) = crate::regions::alias_mentions(name, &seg, lx);
    let (range, alias) = mentions.into_iter().find(|(r, _)| r.start == first)?;
    let closed = toks.get(range.end).is_none_or(|t| {
        t.kind == TokKind::Dash || matches!(lx.fn_class_of(t), Some(FnClass::Prep))
    });
    let al = &lx.aliases[alias];
    let press = al.roles.iter().any(|r| r == "media" || r == "state_media");
    if !closed || press || al.kind == EntityKind::Place {
        return None;
    }
    Some(speaker(
        al.party.clone(),
        span_text(name, toks, range),
        format!("outlet: {outlet}"),
    ))
}

/// The owner's words after "of"/"by" at `start`: up to a comma, a bracket or a preposition other
/// than "of" and "for" ("the Indian Army's White Knight Corps on X on Tuesday").
fn owner_after(seg: &Segmented, start: usize, end: usize, lx: &Lexicon) -> Range<usize> {
    let toks = &seg.tokens;
    let mut k = start;
    while k < end && k - start < OWNER_WORDS {
        let t = &toks[k];
        let stop = match t.kind {
            TokKind::Word => {
                matches!(lx.fn_class_of(t), Some(FnClass::Prep))
                    && !matches!(t.lower.as_str(), "of" | "for")
            }
            TokKind::Number | TokKind::Dash => false,
            _ => !super::discover::is_possessive(t),
        };
        if stop {
            break;
        }
        k += 1;
    }
    start..k
}

/// The party the owner's words name, as the issuer speaker; `None` for a news outlet or words
/// that name no party.
fn owner_party(
    text: &str,
    seg: &Segmented,
    owner: &Range<usize>,
    sentence: &Range<usize>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Speaker> {
    let toks = &seg.tokens;
    let words = span_text(text, toks, sentence.clone()).to_string();
    // an alias inside: the first one ("the Islamic State's Amaq News Agency" is the Islamic
    // State's), unless it is an outlet of no party
    if let Some(m) = within(mentions, owner).first() {
        let al = &lx.aliases[m.alias];
        // (a state's media speaks for the state; a news agency for no party)
        let press =
            al.roles.iter().any(|r| r == "media") && !al.roles.iter().any(|r| r == "state_media");
        if press {
            return None;
        }
        return Some(speaker(
            al.party.clone(),
            span_text(text, toks, owner.clone()),
            words,
        ));
    }
    if super::discover::names_press(seg, owner, mentions, lx) {
        return None;
    }
    let mut core = owner.clone();
    while core.start < core.end && matches!(lx.fn_class_of(&toks[core.start]), Some(FnClass::Det)) {
        core.start += 1;
    }
    let found = super::discover::discover_speaker(text, seg, owner, &core, mentions, regions, lx)?;
    Some(speaker(
        found.party,
        span_text(text, toks, owner.clone()),
        words,
    ))
}

fn speaker(party: String, owner: &str, words: String) -> Speaker {
    Speaker {
        name: Some(owner.trim_start_matches("the ").into()),
        party: Some(party.into()),
        kind: EntityKind::Org,
        resolution: Resolution::Named,
        link: Some(PartyLink::new(LinkHow::Issuer, words)),
        carrier: None,
    }
}

/// Whether attribution `a`'s source names the document's issuer: a first-person pronoun ("We
/// assess that …"), or the statement itself ("The statement said", "Statement: …"), outside a
/// quotation and resolved to no party. Gives the words that named it.
pub fn names_issuer(
    text: &str,
    seg: &Segmented,
    a: &super::attrib::RawAttribution,
    speakers: &[Speaker],
    lx: &Lexicon,
) -> Option<String> {
    let toks = &seg.tokens;
    let head = a.source_head.clone().or_else(|| a.source.clone())?;
    if speakers.iter().any(|s| s.party.is_some()) {
        return None;
    }
    let words: Vec<usize> = head
        .clone()
        .filter(|&k| toks[k].is_word() && !matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Det)))
        .collect();
    let [w] = words.as_slice() else {
        return None;
    };
    let t = &toks[*w];
    let own = lx.first_person.contains(&t.lower)
        || lx.issuer_nouns.contains(&t.lower)
        || lx.document_nouns.contains(&t.lower);
    (own && !t.in_quote).then(|| span_text(text, toks, head).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::speaker::mentions_and_regions;
    use crate::segment::segment;

    fn issuer_of(text: &str) -> Option<String> {
        let lx = Lexicon::builtin();
        let seg = segment(text, 0, &lx);
        let (mentions, regions) = mentions_and_regions(text, &seg, &lx);
        issuer(text, &seg, &mentions, &regions, &lx).and_then(|s| s.party.map(|p| p.to_string()))
    }

    #[test]
    fn a_head_cut_short_names_no_issuer_and_does_not_panic() {
        for text in [
            "Statement",
            "(Statement",
            "( statement )",
            "(Statement of",
            "Statement of the",
            "Statement by",
            "(Statement posted by",
        ] {
            assert_eq!(issuer_of(text), None, "{text}");
        }
    }

    #[test]
    fn an_owner_before_or_after_the_noun() {
        assert_eq!(
            issuer_of("UNIFIL statement on strikes in south Lebanon\n\nPeacekeepers saw it.")
                .as_deref(),
            Some("UNIFIL")
        );
        assert_eq!(
            issuer_of(
                "Title\n\n(Statement of Hezbollah's media office, carried by Al-Manar.)\n\nText."
            )
            .as_deref(),
            Some("Hezbollah")
        );
        // a news agency is no issuer
        assert_eq!(issuer_of("(Statement carried by Reuters.)\n\nText."), None);
    }

    #[test]
    fn an_outlet_named_by_a_party_is_its_statement() {
        let lx = Lexicon::builtin();
        let party = |o: &str| outlet_issuer(o, &lx).and_then(|s| s.party.map(|p| p.to_string()));
        assert_eq!(party("URDPC-CODECO").as_deref(), Some("CODECO"));
        assert_eq!(
            party("Oromo Liberation Army (statement)").as_deref(),
            Some("Oromo Liberation Army")
        );
        assert_eq!(party("Amhara Fano in Gojjam").as_deref(), Some("Fano"));
        assert_eq!(party("MONUSCO").as_deref(), Some("MONUSCO"));
        // a news outlet, a name that only opens with a party's, no name: no issuer
        for o in [
            "Reuters",
            "Sputnik",
            "Haiti Libre",
            "Radio Okapi",
            "",
            "(statement)",
            "-",
        ] {
            assert_eq!(party(o), None, "{o}");
        }
    }
}
