//! Speakers and parties: alias matching, role nouns, pronouns, coordination.
//!
//! Pronouns resolve only to a compatible speaker or named person in the same sentence (before the
//! pronoun) or in the previous sentence; further back is a guess, and a guess is worse than an
//! explicit "unresolved" for a fact-checker.

use std::ops::Range;

use crate::istr::IStr;
use crate::lexicon::{FnClass, Lexicon};
use crate::model::{EntityKind, LinkHow, PartyLink, Resolution, Speaker};
use crate::regions::DocRegions;
use crate::segment::{Segmented, Token, span_text};

use super::attrib::{Layout, RawAttribution};

/// How many words may open a sentence before its subject's party name ("Many rebels", "Some
/// of the Kurdish YPG's").
const SUBJECT_OPENING: usize = 3;

/// How many earlier attributions "the statement" looks back over for the one that issued it.
const DOCUMENT_LOOKBACK: usize = 6;

/// How many earlier attributions a role noun looks back over for the name that introduced it.
const LOOKBACK: usize = 40;

/// A party alias found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub alias: usize,
}

/// Every alias occurrence in the document that may fire in it (longest match at each position,
/// left to right; an alias bound to regions only where the document is about one of them: see
/// `crate::regions`).
pub fn find_mentions(text: &str, seg: &Segmented, lx: &Lexicon) -> Vec<Mention> {
    mentions_and_regions(text, seg, lx).0
}

/// [`find_mentions`], with the regions the document is about.
pub fn mentions_and_regions(
    text: &str,
    seg: &Segmented,
    lx: &Lexicon,
) -> (Vec<Mention>, DocRegions) {
    let (found, regions) = crate::regions::alias_mentions(text, seg, lx);
    let mentions = found
        .into_iter()
        .map(|(tokens, alias)| Mention { tokens, alias })
        .collect();
    (mentions, regions)
}

/// The alias that best names the party of a phrase: the one ending nearest the phrase's end,
/// then the longest.
///
/// A one-word alias (a nationality: "Syrian") yields to a longer one before it: "Syria Civil
/// Defence a Syrian volunteer rescue group" (an apposition whose commas were stripped) is the
/// rescue service.
pub fn best_alias<'m>(mentions: &'m [Mention], span: &Range<usize>) -> Option<&'m Mention> {
    let inside = within(mentions, span);
    let nearest = inside
        .iter()
        .filter(|m| m.tokens.end <= span.end)
        .max_by_key(|m| (m.tokens.end, m.tokens.len()))?;
    if nearest.tokens.len() > 1 {
        return Some(nearest);
    }
    let longer = inside
        .iter()
        .filter(|m| m.tokens.len() > 1 && m.tokens.end <= nearest.tokens.start)
        .max_by_key(|m| (m.tokens.end, m.tokens.len()));
    Some(longer.unwrap_or(nearest))
}

/// The mentions starting inside `span` (mentions are sorted by position).
pub fn within<'m>(mentions: &'m [Mention], span: &Range<usize>) -> &'m [Mention] {
    let a = mentions.partition_point(|m| m.tokens.start < span.start);
    let b = mentions.partition_point(|m| m.tokens.start < span.end);
    &mentions[a..b.max(a)]
}

/// Resolves the speakers of every attribution of a document, in order.
pub fn resolve(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Vec<Vec<Speaker>> {
    let mut out: Vec<Vec<Speaker>> = Vec::with_capacity(atts.len());
    for (ai, a) in atts.iter().enumerate() {
        let speakers = if a.layout == Layout::Sourceless || a.source.is_none() {
            vec![Speaker {
                name: None,
                party: None,
                kind: EntityKind::Unknown,
                resolution: Resolution::Sourceless,
                link: None,
                carrier: None,
            }]
        } else if let Some(parent) = a.inherits.and_then(|p| parent_index(atts, ai, p)) {
            out[parent].clone()
        } else {
            let src = a.source.clone().unwrap_or(0..0);
            let head = a.source_head.clone().unwrap_or_else(|| src.clone());
            resolve_source(
                text, seg, atts, &out, ai, &src, &head, mentions, regions, lx,
            )
        };
        out.push(speakers);
    }
    out
}

/// `inherits` is an index among the attributions of the same sentence; map it to the document.
fn parent_index(atts: &[RawAttribution], ai: usize, p: usize) -> Option<usize> {
    let s = atts[ai].sentence;
    let first = atts.iter().position(|a| a.sentence == s)?;
    let idx = first + p;
    (idx < ai).then_some(idx)
}

#[allow(clippy::too_many_arguments)]
fn resolve_source(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    done: &[Vec<Speaker>],
    ai: usize,
    src: &Range<usize>,
    head: &Range<usize>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Vec<Speaker> {
    let toks = &seg.tokens;
    // Pronoun.
    if head.len() == 1 {
        if let Some(kinds) = lx.pronouns.get(&toks[head.start].lower) {
            let pron = text[toks[head.start].range.clone()].to_string();
            return vec![resolve_pronoun(
                text, seg, atts, done, ai, head.start, kinds, &pron, mentions, lx,
            )];
        }
    }
    // "Both sides", "all parties": the sides together are no party
    let last = (head.start..head.end).rev().find(|&k| toks[k].is_word());
    if let Some(l) = last {
        if lx.collectives.contains(&toks[l].lower) && within(mentions, head).is_empty() {
            return vec![Speaker {
                name: None,
                party: None,
                kind: EntityKind::Group,
                resolution: Resolution::Unresolved {
                    mention: span_text(text, toks, head.clone()).to_string(),
                },
                link: None,
                carrier: None,
            }];
        }
    }
    // "its initial review", "his office", "their spokesman": the possessor speaks
    if let Some(sp) = possessor(text, seg, atts, done, ai, head, mentions, lx) {
        return vec![sp];
    }
    // Coordination: "the Russian and Syrian governments", "X and Y".
    let parts = split_coordination(text, seg, head, lx);
    if parts.len() > 1 {
        return parts
            .into_iter()
            .map(|(name, span)| {
                named_speaker(
                    text,
                    seg,
                    &span,
                    &span,
                    Some(name),
                    mentions,
                    regions,
                    lx,
                    atts,
                    done,
                    ai,
                )
            })
            .collect();
    }
    vec![named_speaker(
        text, seg, src, head, None, mentions, regions, lx, atts, done, ai,
    )]
}

/// Splits a coordinated head into (name, token span) parts.
fn split_coordination(
    text: &str,
    seg: &Segmented,
    head: &Range<usize>,
    lx: &Lexicon,
) -> Vec<(String, Range<usize>)> {
    let toks = &seg.tokens;
    let Some(and) = head.clone().find(|&k| toks[k].lower == "and") else {
        return Vec::new();
    };
    let mut l = head.start;
    while l < and && matches!(lx.fn_class_of(&toks[l]), Some(FnClass::Det)) {
        l += 1;
    }
    let r = and + 1;
    if l >= and || r >= head.end {
        return Vec::new();
    }
    let left = l..and;
    let right = r..head.end;
    let join = |range: &Range<usize>| span_text(text, toks, range.clone()).to_string();
    // (not before a phrase of its own: "the Observatory and the LCC")
    let det = |k: usize| matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Det));
    if left.len() == 1 && right.len() >= 2 && !det(r) {
        // "Russian and Syrian governments": distribute the head noun
        let head_noun = singular(&text[toks[head.end - 1].range.clone()]);
        let l_name = format!("{} {}", join(&left), head_noun);
        let r_mod = join(&(r..head.end - 1));
        let r_name = format!("{r_mod} {head_noun}");
        return vec![(l_name, left), (r_name, right)];
    }
    // each conjunct's span keeps its determiner, part of some names ("the Observatory")
    vec![(join(&left), head.start..and), (join(&right), right)]
}

pub(super) fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies") {
        format!("{s}y")
    } else if w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// How many party mentions back a role noun ("the military source") looks for its party: far
/// more than a news report holds, and a bound on a document of megabytes.
const ROLE_LOOKBACK_MENTIONS: usize = 500;

/// The speaker a phrase points back to ("the same source", "the statement"): the earlier
/// speaker's name and party, reached through `mention`.
fn earlier_speaker(sp: &Speaker, mention: &str) -> Speaker {
    Speaker {
        name: sp.name.clone(),
        party: sp.party.clone(),
        kind: sp.kind,
        resolution: Resolution::Context {
            mention: mention.to_string(),
        },
        link: sp
            .party
            .as_ref()
            .map(|_| PartyLink::new(LinkHow::Earlier, sp.name.as_deref().unwrap_or_default())),
        carrier: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn named_speaker(
    text: &str,
    seg: &Segmented,
    src: &Range<usize>,
    head: &Range<usize>,
    name: Option<String>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
    atts: &[RawAttribution],
    done: &[Vec<Speaker>],
    ai: usize,
) -> Speaker {
    let toks = &seg.tokens;
    let mut h = head.start;
    while h < head.end && matches!(lx.fn_class_of(&toks[h]), Some(FnClass::Det)) {
        h += 1;
    }
    let core = h..head.end;
    // "A spokesman for the front, Ilan Borsk, said": the name is in the apposition
    let appos = {
        let mut a = head.end;
        while a < src.end && !toks[a].is_word() {
            a += 1;
        }
        a..src.end
    };
    let core_named = core.clone().any(|k| toks[k].cap && k > src.start);
    let appos_is_name = !appos.is_empty()
        && appos.len() <= 4
        && appos.clone().all(|k| toks[k].cap || !toks[k].is_word());
    let name = name.unwrap_or_else(|| {
        if !core_named && appos_is_name {
            span_text(text, toks, appos.clone()).to_string()
        } else if core.is_empty() {
            String::new()
        } else {
            span_text(text, toks, core.clone()).to_string()
        }
    });
    let head_noun = (core.start..core.end)
        .rev()
        .find(|&k| toks[k].is_word())
        .map(|k| toks[k].lower.clone())
        .unwrap_or_default();
    // "the same source said": the latest source before it
    let definite = h > head.start && toks[h - 1].lower == "the";
    if definite && core.len() <= 3 && lx.anaphors.contains(&toks[core.start].lower) {
        let latest = (ai.saturating_sub(LOOKBACK)..ai).rev().find_map(|bi| {
            done[bi].iter().find(|sp| {
                !matches!(
                    sp.resolution,
                    Resolution::Unresolved { .. } | Resolution::Sourceless
                )
            })
        });
        if let Some(sp) = latest {
            return earlier_speaker(sp, span_text(text, toks, src.clone()));
        }
    }
    // "the statement said": the speaker of the latest attribution whose sentence named a
    // statement ("the ministry said in a statement ..."); "the spokesperson said": of the
    // latest naming a spokesperson ("BLA spokesperson Jeeyand Baloch said ...")
    if definite
        && core.len() == 1
        && (lx.document_nouns.contains(&toks[core.start].lower)
            || lx.member_nouns.contains(&toks[core.start].lower))
    {
        let noun = toks[core.start].lower.as_str();
        let latest = (ai.saturating_sub(LOOKBACK)..ai).rev().find_map(|bi| {
            let sent = &seg.sentences[atts[bi].sentence];
            let names_it = sent
                .tokens
                .clone()
                .any(|k| k != core.start && toks[k].lower == noun);
            if !names_it {
                return None;
            }
            done[bi].iter().find(|sp| sp.party.is_some())
        });
        if let Some(sp) = latest {
            return earlier_speaker(sp, span_text(text, toks, src.clone()));
        }
    }
    // "a member of the council": the noun before a preposition heads the phrase, when it is
    // a kind word itself ("Jan Doe a member of the council" is a person)
    let before_prep = (core.start + 1..core.end)
        .find(|&k| matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Prep)))
        .and_then(|k| lx.kinds.get(&toks[k - 1].lower).copied());
    let mut kind = before_prep.or_else(|| lx.kinds.get(&head_noun).copied());
    // Alias in the whole source (apposition included); the head phrase's alias first. A
    // relative clause after the head ("a doctor who fled to Turkey") names no speaker.
    let relative = head.end < src.end && toks[head.end].is_word();
    // "the UN envoy to Syria": an alias before a topic preposition names the speaker
    let before_topic = (core.start + 1..core.end)
        .find(|&k| lx.topic_preps.contains(&toks[k].lower))
        .and_then(|t| best_alias(mentions, &(core.start..t)));
    // ... and in an apposition, before a topic preposition or "for" and a place ("Jan Doe, MSF
    // emergency coordinator for Sudan" is MSF's; "a spokesman for the army" stays the army's)
    let appos_before_topic = || {
        let t = (head.end..src.end).find(|&k| {
            lx.topic_preps.contains(&toks[k].lower)
                || (toks[k].lower == "for"
                    && k + 1 < src.end
                    && (lx.places.longest_in(toks, k + 1, src.end).is_some()
                        || best_alias(mentions, &(k + 1..src.end)).is_some_and(|m| {
                            m.tokens.start == k + 1
                                && lx.party_has_role(&lx.aliases[m.alias].party, "government")
                        })))
        })?;
        best_alias(mentions, &(head.end..t))
    };
    let alias = before_topic
        .or_else(|| best_alias(mentions, &core))
        .or_else(|| {
            if relative {
                None
            } else {
                appos_before_topic().or_else(|| best_alias(mentions, src))
            }
        });
    // "the ambassador to the United Nations": one sent to a party is not its
    let sent_to = (core.start + 1..core.end)
        .find(|&k| toks[k].lower == "to" && lx.accredited.contains(&toks[k - 1].lower));
    let alias =
        alias.filter(|m| !sent_to.is_some_and(|t| m.tokens.start > t && m.tokens.end <= core.end));
    // "The Union of Syrian Revolution Doctors", "Opponents of Assad": a one-word alias after the
    // "of" of a capitalized name is what the organisation is about, not who it is
    // ... unless the name is a state body's ("the Ministry of Defence of Azerbaijan", "the
    // Armed Forces of Ruritania"): the body belongs to the alias's party
    let alias = alias.filter(|m| {
        let s0 = m.tokens.start;
        let about = m.tokens.len() == 1
            && s0 >= src.start + 2
            && toks[s0 - 1].lower == "of"
            && toks[s0 - 2].cap
            && toks[s0 - 2].is_word();
        !about || state_body_before(toks, src.start, s0 - 1, lx)
    });
    if let Some(m) = alias {
        // "the Palestinian Red Crescent Society": an organization's name that holds an alias
        // without it covering the name's head is a party of its own
        let scope = if m.tokens.start >= core.start && m.tokens.end <= core.end {
            core.clone()
        } else {
            src.clone()
        };
        if let Some(f) = super::discover::org_over_alias(text, seg, &scope, m, lx) {
            return Speaker {
                name: Some(name.into()),
                party: Some(f.party.into()),
                kind: kind.or(f.kind).unwrap_or(EntityKind::Org),
                resolution: Resolution::Named,
                link: Some(f.link),
                carrier: None,
            };
        }
        let al = &lx.aliases[m.alias];
        // The alias names the speaker itself when it covers the head noun ... unless a name
        // opens the phrase with its title after it, commas lost: "Jan Doe a representative of
        // the Ministry of Defense" is a person
        let named_title = {
            let det = (core.start + 2..core.end).find(|&k| {
                matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Det))
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| lx.kinds.get(&t.lower) == Some(&EntityKind::Person))
            });
            det.is_some_and(|d| {
                d < m.tokens.start && (core.start..d).all(|k| toks[k].cap && toks[k].is_word())
            })
        };
        if named_title {
            kind = Some(EntityKind::Person);
        } else if kind.is_none() || m.tokens.end == core.end {
            kind = Some(al.kind);
        }
        return Speaker {
            name: Some(name.into()),
            party: Some(al.party.as_str().into()),
            kind: kind.unwrap_or(al.kind),
            resolution: Resolution::Named,
            link: Some(PartyLink::new(
                LinkHow::Alias,
                span_text(text, toks, m.tokens.clone()),
            )),
            carrier: None,
        };
    }
    // Generic role ("the military source") → most recent party with that role.
    let words: Vec<&str> = core.clone().map(|k| toks[k].lower.as_str()).collect();
    for st in 0..words.len() {
        if let Some((n, role)) = lx.roles.longest_at(&words, st) {
            // the role must be the phrase's head, with no capitalized name before it
            // ("the military source", "a senior military source", not "Health Ministry")
            let named_modifier = (core.start..core.start + st).any(|k| toks[k].cap);
            // ... or the role is a title before its holder's name: "Army spokesman Colonel Jan
            // Doe", "military spokesman Jan Doe"
            let title = core.start + st + n < core.end
                && (core.start + st + n..core.end).all(|k| toks[k].cap && toks[k].is_word());
            // ... or a place phrase follows it: "the army spokesman in North Kivu"
            let after = core.start + st + n;
            let located = after + 1 < core.end
                && matches!(lx.fn_class_of(&toks[after]), Some(FnClass::Prep))
                && (after + 1..core.end).all(|k| toks[k].cap || !toks[k].is_word())
                && (after + 1..core.end).any(|k| {
                    lx.places.place(&toks[k].lower).is_some()
                        || lx.place_regions.longest_in(toks, k, core.end).is_some()
                });
            if (role_heads(&words, st, n, lx) || title || located) && !named_modifier {
                // the holder's name, not the title ("Jan Okafor")
                let name = if title {
                    span_text(text, toks, core.start + st + n..core.end).to_string()
                } else {
                    name.clone()
                };
                // "In Kigali, government spokesperson X said": the place the sentence opens
                // with, a party's capital, owns the role; else the party with the role most
                // named before
                let found = fronted_owner(seg, src.start, mentions, &role.role, lx)
                    .or_else(|| last_with_role(mentions, src.start, &role.role, lx));
                // none mentioned: the state of the region the report is about, when that
                // region is clear and its state has the role ("the army" in a report about
                // Sudan)
                let state = regions.role_party(&role.role, lx);
                // none before and no state: the one party with the role the rest of the
                // document names ("a monitor said ..." in a lead, the monitor named after)
                let found = found.or_else(|| {
                    state
                        .is_none()
                        .then(|| only_later_with_role(mentions, src.end, &role.role, lx))
                        .flatten()
                });
                let mention = span_text(text, toks, src.clone()).to_string();
                // else an earlier speaker named with the same head ("the ministry" after
                // "The Kestrian defence ministry said ...")
                let earlier_where = |with_party: bool| {
                    (ai.saturating_sub(LOOKBACK)..ai).rev().find_map(|bi| {
                        done[bi].iter().find(|sp| {
                            !matches!(sp.resolution, Resolution::Unresolved { .. })
                                && (!with_party || sp.party.is_some())
                                && sp.name.as_deref().is_some_and(|n| {
                                    n.to_lowercase().split_whitespace().any(|w| w == head_noun)
                                        && n.to_lowercase() != words.join(" ")
                                })
                        })
                    })
                };
                // an earlier speaker named with the same head that reaches a party ("the health
                // ministry said ...", then "the ministry said") is nearer than the party most
                // named with the role
                let link = Some(PartyLink::new(LinkHow::Role, mention.as_str()));
                let (found, earlier) = match earlier_where(true) {
                    Some(sp) => (None, Some(sp)),
                    None => (found, earlier_where(false)),
                };
                return match (found, earlier) {
                    (Some(m), _) => Speaker {
                        name: Some(name.into()),
                        party: Some(lx.aliases[m.alias].party.as_str().into()),
                        kind: role.kind,
                        resolution: Resolution::Context { mention },
                        link,
                        carrier: None,
                    },
                    (None, Some(sp)) => Speaker {
                        // a title keeps its holder's name
                        name: if title {
                            Some(name.into())
                        } else {
                            sp.name.clone()
                        },
                        party: sp.party.clone(),
                        kind: sp.kind,
                        resolution: Resolution::Context { mention },
                        link: sp.party.as_ref().and(link),
                        carrier: None,
                    },
                    (None, None) if state.is_some() => Speaker {
                        name: Some(name.into()),
                        party: state.map(IStr::from),
                        kind: role.kind,
                        resolution: Resolution::Context { mention },
                        link,
                        carrier: None,
                    },
                    (None, None) => Speaker {
                        name: Some(name.into()),
                        party: None,
                        kind: role.kind,
                        resolution: Resolution::Unresolved { mention },
                        link: None,
                        carrier: None,
                    },
                };
            }
        }
    }
    // "the group", "the union", "the group's coordinator", "Coalition spokesman X": the latest
    // organization named before that the noun fits
    if let Some(sp) = org_antecedent(text, seg, atts, done, ai, src, &core, mentions, regions, lx) {
        return Speaker {
            name: Some(name.into()),
            ..sp
        };
    }
    // Role noun back-reference: "the spokesman" → "Yasser al-Yousef, a spokesman for ...".
    let definite = toks.get(head.start).is_some_and(|t| t.lower == "the");
    if definite && kind.is_some() && core.len() <= 3 {
        // (two earlier holders of a rank, of different parties, name neither: "Colonel X of the
        // army ... Colonel Y of the rebels ... The Colonel said"; "the source" is the latest)
        let rank = lx.ranks.contains(head_noun.as_str());
        let mut found: Option<Speaker> = None;
        for bi in (ai.saturating_sub(LOOKBACK)..ai).rev() {
            let b = &atts[bi];
            let Some(bs) = &b.source else { continue };
            let has_noun = bs.clone().any(|k| toks[k].lower == head_noun);
            let bh = b.source_head.clone().unwrap_or(bs.clone());
            let named_head = bh.clone().any(|k| toks[k].cap);
            // ... or one that introduced it by description: "A spokesman for the army said"
            let indefinite = matches!(toks[bs.start].lower.as_str(), "a" | "an");
            // ... or one that ends in the name of the person who holds it: "The spokesman of
            // the General Command Major General Jan Doe said"
            let noun_at = bs.clone().find(|&k| toks[k].lower == head_noun);
            let named_after = noun_at.is_some_and(|n| {
                bs.end >= n + 3 && (bs.end - 2..bs.end).all(|k| name_word(text, &toks[k]))
            });
            if has_noun && ((named_head && bh != *bs) || indefinite || named_after) {
                if let Some(sp) = done[bi].first() {
                    match &found {
                        None => {
                            let mention = span_text(text, toks, src.clone()).to_string();
                            found = Some(Speaker {
                                name: sp.name.clone(),
                                party: sp.party.clone(),
                                kind: sp.kind,
                                resolution: Resolution::Context { mention },
                                link: sp.link.clone(),
                                carrier: None,
                            });
                            if !rank {
                                break;
                            }
                        }
                        Some(f)
                            if rank
                                && f.party.is_some()
                                && sp.party.is_some()
                                && f.party != sp.party =>
                        {
                            found = None;
                            break;
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        if let Some(sp) = found {
            return sp;
        }
    }
    // "The statement said": the latest speaker whose attribution's sentence names that document
    // ("JNIM said in a statement ...", "Hezbollah issued a statement ..."), within a few
    // attributions
    if definite && core.len() <= 2 && lx.document_nouns.contains(head_noun.as_str()) {
        let seg_sentences = &seg.sentences;
        for bi in (ai.saturating_sub(DOCUMENT_LOOKBACK)..ai).rev() {
            let b = &atts[bi];
            let Some(sent) = seg_sentences.get(b.sentence) else {
                continue;
            };
            let names_it = sent.tokens.clone().any(|k| toks[k].lower == head_noun)
                && b.source
                    .as_ref()
                    .is_some_and(|bs| !bs.clone().any(|k| toks[k].lower == head_noun));
            let Some(sp) = done[bi].first().filter(|sp| sp.party.is_some()) else {
                continue;
            };
            if names_it {
                let mention = span_text(text, toks, src.clone()).to_string();
                return Speaker {
                    resolution: Resolution::Context { mention },
                    carrier: None,
                    ..sp.clone()
                };
            }
        }
        // no sentence names it: the statement of the latest organization that spoke ("...
        // according to the information team of the army. The statement said ...")
        for bi in (ai.saturating_sub(DOCUMENT_LOOKBACK)..ai).rev() {
            let Some(sp) = done[bi].first().filter(|sp| sp.party.is_some()) else {
                continue;
            };
            if sp.kind == EntityKind::Org {
                let mention = span_text(text, toks, src.clone()).to_string();
                return Speaker {
                    resolution: Resolution::Context { mention },
                    carrier: None,
                    ..sp.clone()
                };
            }
            break;
        }
    }
    // A name an earlier speaker of the document had ("Doe" after "military spokesman Jan Doe").
    if let Some(sp) = earlier_name(text, seg, &core, done, ai, lx) {
        return Speaker {
            name: Some(name.into()),
            party: sp.party.clone(),
            kind: kind.unwrap_or(EntityKind::Unknown),
            resolution: Resolution::Named,
            link: Some(PartyLink::new(
                LinkHow::Earlier,
                sp.name.clone().unwrap_or_default(),
            )),
            carrier: None,
        };
    }
    // A titled name after an unnamed holder of the title ("Ambassador Jan Doe" after "the
    // British ambassador to the United Nations")
    if let Some((party, words)) = earlier_holder(text, seg, &core, mentions, lx) {
        return Speaker {
            name: Some(name.into()),
            party: Some(party.into()),
            kind: EntityKind::Person,
            resolution: Resolution::Named,
            link: Some(PartyLink::new(LinkHow::Earlier, words)),
            carrier: None,
        };
    }
    // Parties found, not only listed: an organization's name, an owner, a person's role; in
    // the head, else in an apposition that is no name and no relative clause ("Jan Doe, the
    // governor of Karsk")
    let appos_core = {
        let mut a = appos.start;
        while a < appos.end && matches!(lx.fn_class_of(&toks[a]), Some(FnClass::Det)) {
            a += 1;
        }
        let end = (a..appos.end)
            .find(|&k| toks[k].lower == "," || toks[k].is_quote())
            .unwrap_or(appos.end);
        a..end
    };
    // the apposition's first noun tells a person serving a body ("Jan Doe, a member of the
    // medical council") when the party is read from it
    let mut appos_kind = None;
    let found = super::discover::discover_speaker(text, seg, src, &core, mentions, regions, lx)
        .or_else(|| {
            let opens = appos_core.start > appos.start
                || appos_core
                    .clone()
                    .next()
                    .is_some_and(|k| !toks[k].cap && lx.kinds.contains_key(&toks[k].lower));
            (!appos.is_empty() && opens && !appos_is_name).then(|| {
                let phrase = appos.start..appos_core.end;
                appos_kind = appos_core
                    .clone()
                    .take_while(|&k| toks[k].is_word() && lx.fn_class_of(&toks[k]).is_none())
                    .find_map(|k| lx.kinds.get(&toks[k].lower).copied());
                super::discover::discover_speaker(
                    text,
                    seg,
                    &phrase,
                    &appos_core,
                    mentions,
                    regions,
                    lx,
                )
            })?
        });
    if let Some(f) = found {
        return Speaker {
            name: Some(f.name.unwrap_or(name).into()),
            party: Some(f.party.into()),
            kind: kind.or(f.kind).or(appos_kind).unwrap_or(EntityKind::Org),
            resolution: Resolution::Named,
            link: Some(f.link),
            carrier: None,
        };
    }
    // "Colonel Jan Doe said" with no owner named: an officer of the armed forces the report
    // names most before him ("The Ruritanian army said ... Colonel Jan Doe said"), when one
    // party with the military role is named most
    // (with an apposition of capitalised words: "The Director, Defence Media Operations, Maj.
    // Gen. Jan Doe")
    let ranked_in = |span: Range<usize>| {
        span.clone()
            .filter(|&k| toks[k].is_word())
            .take_while(|&k| toks[k].cap)
            .any(|k| lx.ranks.contains(toks[k].lower.as_str()))
            && span
                .clone()
                .filter(|&k| toks[k].is_word())
                .all(|k| toks[k].cap)
            // a name after the rank: "The Colonel" alone is an earlier colonel's matter
            && span
                .clone()
                .any(|k| toks[k].is_word() && !lx.ranks.contains(toks[k].lower.as_str()))
    };
    let in_core = ranked_in(core.clone());
    let ranked = in_core || ranked_in(core.start..src.end.max(core.end));
    // (the officer's name is the one after the rank in the apposition, not the office's)
    let name = if ranked && !in_core {
        (core.start..src.end)
            .rev()
            .find(|&k| toks[k].is_word() && lx.ranks.contains(toks[k].lower.as_str()))
            .and_then(|r| {
                let words: Vec<usize> = (r + 1..src.end).filter(|&k| toks[k].is_word()).collect();
                Some(span_text(text, toks, *words.first()?..*words.last()? + 1).to_string())
            })
            .unwrap_or(name)
    } else {
        name
    };
    if ranked {
        if let Some(m) = last_with_role(mentions, src.start, "military", lx) {
            return Speaker {
                name: Some(name.into()),
                party: Some(lx.aliases[m.alias].party.as_str().into()),
                kind: EntityKind::Person,
                resolution: Resolution::Named,
                link: Some(PartyLink::new(
                    LinkHow::Role,
                    span_text(text, toks, m.tokens.clone()),
                )),
                carrier: None,
            };
        }
        // ... or, with no armed forces named by an alias, of the state whose military body
        // spoke just before ("The Defence Headquarters says ... Maj. Gen. Jan Doe")
        let forces_named = within(mentions, &(0..src.start))
            .iter()
            .any(|m| lx.aliases[m.alias].roles.iter().any(|r| r == "military"));
        let body = (ai.saturating_sub(LOOKBACK)..ai).rev().find_map(|bi| {
            done[bi].iter().find(|sp| {
                sp.kind != EntityKind::Person
                    && sp.party.as_deref().is_some_and(|p| {
                        lx.party_has_role(p, "military") && lx.party_has_role(p, "government")
                    })
            })
        });
        if let Some(sp) = body.filter(|_| !forces_named) {
            return Speaker {
                name: Some(name.into()),
                party: sp.party.clone(),
                kind: EntityKind::Person,
                resolution: Resolution::Named,
                link: Some(PartyLink::new(
                    LinkHow::Role,
                    sp.name.clone().unwrap_or_default(),
                )),
                carrier: None,
            };
        }
    }
    // "Aleppo left 11 people dead on Friday with": a clause misread as a source names nobody
    let lower_word =
        |k: usize| toks[k].is_word() && !toks[k].cap && lx.fn_class_of(&toks[k]).is_none();
    let words = core.clone().filter(|&k| toks[k].is_word()).count();
    let verb = |k: usize| toks[k].is_word() && !toks[k].cap && lx.is_verb_form(&toks[k].lower);
    let clause = kind.is_none()
        && ((words > 6 && core.clone().any(verb))
            || (core
                .clone()
                .any(|k| toks[k].kind == crate::segment::TokKind::Number)
                && core.clone().any(lower_word)));
    Speaker {
        name: Some(name.into()),
        party: None,
        kind: kind.unwrap_or(EntityKind::Unknown),
        resolution: if clause {
            Resolution::Unresolved {
                mention: span_text(text, toks, src.clone()).to_string(),
            }
        } else {
            Resolution::Named
        },
        link: None,
        carrier: None,
    }
}

/// A source phrase opened by a possessive pronoun whose head is a document, a body or a person
/// speaking for an owner ("its initial review of the strike", "his office", "their
/// spokesman"): the pronoun's referent speaks.
#[allow(clippy::too_many_arguments)]
fn possessor(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    done: &[Vec<Speaker>],
    ai: usize,
    head: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<Speaker> {
    let toks = &seg.tokens;
    if head.len() < 2 {
        return None;
    }
    let p = &toks[head.start];
    let person = [EntityKind::Person];
    let kinds: &[EntityKind] = match p.lower.as_str() {
        "his" | "her" => &person,
        "its" | "their" | "our" => lx.pronouns.get(&p.lower)?,
        _ => return None,
    };
    // the noun after it (and its adjectives), up to a preposition
    let stop = (head.start + 1..head.end)
        .find(|&k| matches!(lx.fn_class_of(&toks[k]), Some(FnClass::Prep)) || !toks[k].is_word())
        .unwrap_or(head.end);
    // (a name may follow the noun: "its spokesman Jan Doe")
    let fits = |k: usize| {
        let w = toks[k].lower.as_str();
        toks[k].is_word()
            && (lx.document_nouns.contains(w)
                || lx.member_nouns.contains(w)
                || lx.org_heads.get(w) == Some(&crate::lexicon::OrgClass::Body))
    };
    let last = (head.start + 1..stop).rev().find(|&k| toks[k].is_word())?;
    let named = (head.start + 1..last).any(|k| fits(k) && toks[k + 1..=last].iter().all(|t| t.cap));
    if !(fits(last) || named) {
        return None;
    }
    // a party alias inside the phrase names the speaker ("its spokesman John Kirby")
    if within(mentions, &(head.start + 1..head.end))
        .iter()
        .any(|m| m.tokens.end <= head.end)
    {
        return None;
    }
    let pron = text[p.range.clone()].to_string();
    let sp = resolve_pronoun(
        text, seg, atts, done, ai, head.start, kinds, &pron, mentions, lx,
    );
    sp.party.is_some().then_some(sp)
}

/// How many earlier attributions a noun for an organization looks back over.
const ORG_LOOKBACK: usize = 12;

/// The organization a definite noun for one stands for: "the union" (a head of an
/// organization's name: the latest earlier speaker whose name or phrase holds it), "the group",
/// "the agency" (`generic` rows: the latest earlier speaker or alias that is an organization
/// and no state), also as an owner ("the group's coordinator", "Coalition spokesman Jan Doe").
/// An unnamed organization in between ("a local aid group said") stops the search: the noun
/// may be that one.
#[allow(clippy::too_many_arguments)]
fn org_antecedent(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    done: &[Vec<Speaker>],
    ai: usize,
    src: &Range<usize>,
    core: &Range<usize>,
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
) -> Option<Speaker> {
    let toks = &seg.tokens;
    if core.is_empty() {
        return None;
    }
    let definite = src.start < core.start && toks[core.start - 1].lower == "the";
    // the noun: the core's head, or an owner before a possessive or a person noun
    let first = core.start;
    let owner_at = |k: usize| {
        toks.get(k + 1)
            .is_some_and(|n| n.lower == "'s" || n.lower == "’s")
            || (toks[k].cap
                && toks
                    .get(k + 1)
                    .is_some_and(|n| lx.member_nouns.contains(&n.lower)))
    };
    let last = (core.start..core.end).rev().find(|&k| toks[k].is_word())?;
    // adjectives before the head ("the medical charity") are fine; a capital is a name
    let plain = |r: Range<usize>| r.into_iter().all(|k| !toks[k].cap || k == first);
    let noun = if owner_at(first) && (definite || toks[first].cap) {
        first
    } else if definite && plain(core.start..last) {
        last
    } else {
        return None;
    };
    let w = toks[noun].lower.as_str();
    let generic = lx.generic_orgs.contains(w);
    let head_noun = lx.org_heads.contains_key(w);
    if !(generic || head_noun) {
        return None;
    }
    let holds = |r: &Range<usize>| r.clone().any(|k| k < toks.len() && toks[k].lower == w);
    let is_org = |sp: &Speaker| {
        sp.party.as_deref().is_some_and(|p| {
            !lx.party_has_role(p, "government")
                && matches!(sp.kind, EntityKind::Org | EntityKind::Group)
        })
    };
    // the latest earlier speaker that fits
    let mut best: Option<(usize, Speaker)> = None;
    let mut stop: Option<usize> = None;
    for bi in (ai.saturating_sub(ORG_LOOKBACK)..ai).rev() {
        let Some(bs) = &atts[bi].source else { continue };
        if bs.start >= src.start {
            continue;
        }
        let named = done[bi].iter().find(|sp| {
            sp.party.is_some()
                && (holds(bs)
                    || sp.name.as_deref().is_some_and(|n| {
                        n.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|x| x == w)
                    })
                    || (generic && is_org(sp)))
        });
        if let Some(sp) = named {
            best = Some((bs.start, sp.clone()));
            break;
        }
        // a source in between that reaches no party and is no person ("a local aid group",
        // "the Ariha Today Facebook page", an unresolved "it"): the noun may stand for it; only
        // an alias named after its start may still be meant
        let sent = &seg.sentences[atts[bi].sentence].tokens;
        let unknown = done[bi].iter().all(|sp| sp.party.is_none());
        if unknown
            && ((generic && done[bi].iter().all(|sp| sp.kind != EntityKind::Person))
                || holds(&(sent.start..atts[bi].cue.start)))
        {
            stop = Some(sent.start);
            break;
        }
    }
    // or a later alias mention of an organization ("UNRWA, which runs the shelters, ...")
    let floor = best.as_ref().map_or(stop.unwrap_or(0), |(p, _)| *p);
    let mention = within(mentions, &(floor..src.start))
        .iter()
        .rev()
        .find(|m| {
            let al = &lx.aliases[m.alias];
            m.tokens.start >= floor
                && m.tokens.end <= src.start
                && ((generic
                    && matches!(al.kind, EntityKind::Org | EntityKind::Group)
                    && !lx.party_has_role(&al.party, "government"))
                    || al.words.iter().any(|x| x.to_lowercase() == w))
        });
    if let Some(m) = mention {
        if best.as_ref().is_none_or(|(p, _)| m.tokens.start > *p) {
            best = Some((m.tokens.start, mention_speaker(text, seg, m, lx)));
        }
    }
    // or, for a head noun, a body named in the text just before ("at the city council ...,
    // the council said"): its phrase read as a speaker's
    if best.is_none() && head_noun && !generic {
        let s = atts[ai].sentence;
        let from = seg.sentences[s.saturating_sub(1)].tokens.start;
        if let Some(k) = (from..src.start).rev().find(|&k| toks[k].lower == w) {
            let mut b = k;
            while b > from
                && toks[b - 1].is_word()
                && !matches!(
                    lx.fn_class_of(&toks[b - 1]),
                    Some(FnClass::Det | FnClass::Prep | FnClass::Sub | FnClass::Conj)
                )
            {
                b -= 1;
            }
            let phrase = b..k + 1;
            if phrase.len() > 1 {
                if let Some(f) = super::discover::discover_speaker(
                    text, seg, &phrase, &phrase, mentions, regions, lx,
                ) {
                    let mention = span_text(text, toks, src.clone()).to_string();
                    return Some(Speaker {
                        name: Some(span_text(text, toks, phrase).into()),
                        party: Some(f.party.into()),
                        kind: f.kind.unwrap_or(EntityKind::Org),
                        resolution: Resolution::Context { mention },
                        link: Some(f.link),
                        carrier: None,
                    });
                }
            }
        }
    }
    let (_, sp) = best?;
    let mention = span_text(text, toks, src.clone()).to_string();
    // "Ministry spokesman Anis X", "the group's coordinator": a member of the body speaks, a
    // person ("He said ..." can then refer back to them)
    let member = noun == first
        && toks[first + 1..core.end]
            .iter()
            .find(|t| t.lower != "'s" && t.lower != "’s")
            .is_some_and(|t| lx.member_nouns.contains(&t.lower));
    Some(Speaker {
        name: sp.name.clone(),
        party: sp.party.clone(),
        kind: if member { EntityKind::Person } else { sp.kind },
        resolution: Resolution::Context { mention },
        link: Some(PartyLink::new(
            LinkHow::Earlier,
            sp.party.clone().unwrap_or_default(),
        )),
        carrier: None,
    })
}

/// How many earlier attributions a bare name looks back over for the speaker it names.
const NAME_LOOKBACK: usize = 200;

/// A word of a person's name: capitalised, or a particle before a capital ("al-Mismari").
fn name_word(text: &str, t: &Token) -> bool {
    t.is_word()
        && (t.cap
            || text[t.range.clone()]
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase)))
}

/// The earlier speaker of the document, with a party, whose name ends in the words of `core`,
/// a name of capitalised words ("Doe" after "Jan Doe", "military spokesman Jan Doe", "al-Doe"
/// after "Jan al-Doe", "Lt Doe" after "Lieutenant Jan Doe": a rank is no part of the name), or,
/// for one word, holds it ("Getachew" after "spokesperson Getachew Reda", "the Colonel" after
/// "Colonel Jan Doe") when no earlier speaker of another party does.
fn earlier_name<'d>(
    text: &str,
    seg: &Segmented,
    core: &Range<usize>,
    done: &'d [Vec<Speaker>],
    ai: usize,
    lx: &Lexicon,
) -> Option<&'d Speaker> {
    let toks = &seg.tokens;
    // a rank before the name is not part of it ("Lt Doe" after "Lieutenant Jan Doe")
    let mut core = core.clone();
    while core.len() > 1
        && lx
            .ranks
            .contains(toks[core.start].lower.trim_end_matches('.'))
    {
        core.start += 1;
    }
    let core = &core;
    if core.is_empty() || core.len() > 3 || !core.clone().all(|k| name_word(text, &toks[k])) {
        return None;
    }
    let words: Vec<String> = core.clone().map(|k| toks[k].lower.clone()).collect();
    let lower_words = |n: &str| -> Vec<String> {
        n.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    let window = ai.saturating_sub(NAME_LOOKBACK)..ai;
    let ends_with = |sp: &Speaker| {
        sp.name.as_deref().is_some_and(|n| {
            let nw = lower_words(n);
            nw.len() > words.len() && nw[nw.len() - words.len()..] == words[..]
        })
    };
    if let Some(sp) = window.clone().rev().find_map(|bi| {
        done[bi]
            .iter()
            .find(|sp| sp.party.is_some() && ends_with(sp))
    }) {
        return Some(sp);
    }
    // one word inside an earlier name, capitalised there
    if words.len() != 1 {
        return None;
    }
    let holds = |sp: &Speaker| {
        sp.party.is_some()
            && sp.name.as_deref().is_some_and(|n| {
                let nw: Vec<&str> = n.split_whitespace().collect();
                nw.len() > 1
                    && nw.iter().any(|w| {
                        w.starts_with(char::is_uppercase)
                            && w.trim_matches(|c: char| !c.is_alphanumeric())
                                .to_lowercase()
                                == words[0]
                    })
            })
    };
    let found: Vec<&Speaker> = window
        .rev()
        .flat_map(|bi| done[bi].iter().filter(|sp| holds(sp)))
        .collect();
    let first = *found.first()?;
    found
        .iter()
        .all(|sp| sp.party == first.party)
        .then_some(first)
}

/// Sentences back a titled name looks for an unnamed holder of its title.
const HOLDER_LOOKBACK_SENTENCES: usize = 4;

/// The party of an unnamed holder of the title that opens `core`, named in the few sentences
/// before: "Ambassador Jan Doe" after "the British ambassador to the United Nations". Every
/// such holder must be of the same party, and no other person may have been named with the
/// title. Returns the party and the words that named it.
fn earlier_holder(
    text: &str,
    seg: &Segmented,
    core: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<(String, String)> {
    let toks = &seg.tokens;
    if core.len() < 3
        || core.len() > 4
        || !toks[core.start].cap
        || lx.kinds.get(&toks[core.start].lower) != Some(&EntityKind::Person)
        || !(core.start + 1..core.end)
            .all(|k| name_word(text, &toks[k]) && lx.fn_class_of(&toks[k]).is_none())
    {
        return None;
    }
    let title = toks[core.start].lower.as_str();
    let si = seg
        .sentences
        .partition_point(|x| x.tokens.start <= core.start);
    let from = seg
        .sentences
        .get(si.saturating_sub(1 + HOLDER_LOOKBACK_SENTENCES))
        .map_or(0, |x| x.tokens.start);
    let mut found: Option<(String, String)> = None;
    for k in from..core.start {
        if toks[k].lower != title {
            continue;
        }
        // a holder named there ("Ambassador Jan Roe") is someone else, unless it is this name
        if toks[k].cap && toks.get(k + 1).is_some_and(|t| t.cap && t.is_word()) {
            let same = core
                .clone()
                .enumerate()
                .all(|(i, c)| toks.get(k + i).is_some_and(|t| t.lower == toks[c].lower));
            if same {
                continue;
            }
            return None;
        }
        // the holder's party: a listed name that ends at the title or just before it ("the
        // British ambassador"), or a state's demonym before it
        let m = within(mentions, &(k.saturating_sub(3)..k + 1))
            .iter()
            .rev()
            .find(|m| m.tokens.end == k + 1 || m.tokens.end == k);
        let party = match m {
            Some(m) => Some((
                lx.aliases[m.alias].party.clone(),
                span_text(text, toks, m.tokens.start..k + 1).to_string(),
            )),
            None => (k > 0 && toks[k - 1].cap)
                .then(|| lx.demonym_state(&toks[k - 1].lower))
                .flatten()
                .map(|p| (p, span_text(text, toks, k - 1..k + 1).to_string())),
        };
        let Some((party, words)) = party else {
            continue;
        };
        match &found {
            Some((f, _)) if *f != party => return None,
            Some(_) => {}
            None => found = Some((party, words)),
        }
    }
    found
}

/// The alias that opens the sentence holding token `at` as "In X," where X names a party with
/// `role` ("In Kigali, government spokesperson Jan Doe said"): the dateline of a statement
/// inside the report.
pub(super) fn fronted_owner<'m>(
    seg: &Segmented,
    at: usize,
    mentions: &'m [Mention],
    role: &str,
    lx: &Lexicon,
) -> Option<&'m Mention> {
    let toks = &seg.tokens;
    let i = seg.sentences.partition_point(|x| x.tokens.start <= at);
    let s0 = seg.sentences.get(i.checked_sub(1)?)?.tokens.start;
    if toks.get(s0)?.lower != "in" {
        return None;
    }
    let i = mentions.partition_point(|m| m.tokens.start < s0 + 1);
    let m = mentions.get(i).filter(|m| m.tokens.start == s0 + 1)?;
    let comma = toks.get(m.tokens.end).is_some_and(|t| t.lower == ",");
    (comma && lx.party_has_role(&lx.aliases[m.alias].party, role)).then_some(m)
}

/// Whether the role noun at `st..st + n` of `words` heads the phrase: it ends it, or only a
/// noun for the party's fighting units follows ("government forces", "regime jets").
fn role_heads(words: &[&str], st: usize, n: usize, lx: &Lexicon) -> bool {
    st + n == words.len()
        || (st + n + 1 == words.len() && lx.force_heads.contains(words[words.len() - 1]))
}

/// The party a role noun before token `before` stands for: of the parties with `role`
/// mentioned before it, the one mentioned more often than any other ("the government" in a
/// report about Syria that names Russia once is Syria's); its latest mention. `None` when no
/// party has the role, or two are mentioned equally often.
pub(super) fn last_with_role<'m>(
    mentions: &'m [Mention],
    before: usize,
    role: &str,
    lx: &Lexicon,
) -> Option<&'m Mention> {
    let earlier = &mentions[..mentions.partition_point(|m| m.tokens.start < before)];
    let window = &earlier[earlier.len().saturating_sub(ROLE_LOOKBACK_MENTIONS)..];
    // party -> (mentions, index of the latest)
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (i, m) in window.iter().enumerate() {
        let party = lx.aliases[m.alias].party.as_str();
        if lx.party_has_role(party, role) {
            let e = counts.entry(party).or_insert((0, i));
            e.0 += 1;
            e.1 = i;
        }
    }
    // a guess between parties mentioned equally often is no resolution: the phrase stays
    // unresolved (the checker may still match it with the party of that role that answers)
    let mut ranked: Vec<(usize, usize)> = counts.values().copied().collect();
    ranked.sort_by_key(|&(n, last)| std::cmp::Reverse((n, last)));
    match ranked.as_slice() {
        [] => None,
        [(_, last)] => Some(&window[*last]),
        [(n, last), (m, _), ..] => (*n > *m).then(|| &window[*last]),
    }
}

/// The first mention after token `after` of a party with `role`, when every later mention
/// with the role is of that one party: what a role phrase of a lead names before the party
/// itself is named ("a monitor said ...", then "the Syrian Observatory for Human Rights said").
fn only_later_with_role<'m>(
    mentions: &'m [Mention],
    after: usize,
    role: &str,
    lx: &Lexicon,
) -> Option<&'m Mention> {
    let later = &mentions[mentions.partition_point(|m| m.tokens.start < after)..];
    let mut with_role = later
        .iter()
        .filter(|m| lx.party_has_role(&lx.aliases[m.alias].party, role));
    let first = with_role.next()?;
    let party = &lx.aliases[first.alias].party;
    with_role
        .all(|m| &lx.aliases[m.alias].party == party)
        .then_some(first)
}

/// The party a role phrase stands for ("the regime", "government forces", "army jets"): the
/// most recent party mentioned before it that has the role. `None` when the phrase is no role
/// phrase, holds a capitalized modifier ("Health Ministry"), or no such party was mentioned.
pub fn role_party(
    seg: &Segmented,
    phrase: &Range<usize>,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<String> {
    let toks = &seg.tokens;
    let mut h = phrase.start;
    while h < phrase.end && matches!(lx.fn_class_of(&toks[h]), Some(FnClass::Det)) {
        h += 1;
    }
    let words: Vec<&str> = (h..phrase.end).map(|k| toks[k].lower.as_str()).collect();
    for st in 0..words.len() {
        if let Some((n, role)) = lx.roles.longest_at(&words, st) {
            // (a capital that opens the sentence names nothing: "Regime jets struck")
            let opens_sentence = |k: usize| {
                let i = seg.sentences.partition_point(|x| x.tokens.start <= k);
                i > 0 && seg.sentences[i - 1].tokens.start == k
            };
            // (but a place names the owner wherever it stands: "Syrias army", its apostrophe
            // stripped)
            let named_modifier = (h..h + st).any(|k| {
                toks[k].cap && (!opens_sentence(k) || lx.places.get(&toks[k].lower).is_some())
            });
            if role_heads(&words, st, n, lx) && !named_modifier {
                // (no region fallback, as a speaker's role noun has: "regime raids" named by
                // no party stays a role phrase, which the checker matches with the party of
                // that role that answers)
                return last_with_role(mentions, phrase.start, &role.role, lx)
                    .map(|m| lx.aliases[m.alias].party.clone());
            }
        }
    }
    None
}

/// The party an accusation in the same sentence, before token `pron_tok`, accuses: the named
/// party opening its content ("accused Bashar al-Assads government of the attack").
fn accused_before(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    ai: usize,
    pron_tok: usize,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Option<Speaker> {
    let s = atts[ai].sentence;
    let b = atts[..ai]
        .iter()
        .rev()
        .take_while(|b| b.sentence == s)
        .find(|b| b.cue_type == crate::model::CueType::Accuse && b.content.start < pron_tok)?;
    let toks = &seg.tokens;
    // the accused phrase: up to "of" / "for" ("accused Y of C", "blamed Y for C")
    let end = (b.content.start..b.content.end.min(pron_tok))
        .find(|&k| matches!(toks[k].lower.as_str(), "of" | "for"))?;
    let m = best_alias(mentions, &(b.content.start..end))?;
    let al = &lx.aliases[m.alias];
    Some(Speaker {
        name: Some(text[toks[m.tokens.start].range.start..toks[m.tokens.end - 1].range.end].into()),
        party: Some(al.party.as_str().into()),
        kind: al.kind,
        resolution: Resolution::Named,
        link: Some(PartyLink::new(
            LinkHow::Alias,
            span_text(text, toks, m.tokens.clone()),
        )),
        carrier: None,
    })
}

/// The speaker an alias mention names, as written.
fn mention_speaker(text: &str, seg: &Segmented, m: &Mention, lx: &Lexicon) -> Speaker {
    let al = &lx.aliases[m.alias];
    Speaker {
        name: Some(
            text[seg.tokens[m.tokens.start].range.start..seg.tokens[m.tokens.end - 1].range.end]
                .into(),
        ),
        party: Some(al.party.as_str().into()),
        kind: al.kind,
        resolution: Resolution::Named,
        link: Some(PartyLink::new(
            LinkHow::Alias,
            span_text(text, &seg.tokens, m.tokens.clone()),
        )),
        carrier: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn resolve_pronoun(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    done: &[Vec<Speaker>],
    ai: usize,
    pron_tok: usize,
    kinds: &[EntityKind],
    pron: &str,
    mentions: &[Mention],
    lx: &Lexicon,
) -> Speaker {
    let s = atts[ai].sentence;
    // "X accused Y of C, though it denied it": a denial's pronoun is the party just accused
    if atts[ai].cue_type == crate::model::CueType::Deny {
        if let Some(sp) = accused_before(text, seg, atts, ai, pron_tok, mentions, lx) {
            return Speaker {
                resolution: Resolution::Pronoun {
                    pronoun: pron.to_string(),
                },
                ..sp
            };
        }
    }
    let compatible = |k: EntityKind| {
        kinds.contains(&k) || (k == EntityKind::Unknown && kinds.contains(&EntityKind::Person))
    };
    // Candidates: earlier speakers, and person aliases, in this or the previous sentence.
    let mut best: Option<(usize, Speaker)> = None; // (token position, speaker)
    // attributions of this and the previous sentence (they are in text order)
    let window = atts[..ai].partition_point(|b| b.sentence + 1 < s);
    for bi in window..ai {
        let b = &atts[bi];
        let Some(bs) = &b.source else { continue };
        if bs.start >= pron_tok {
            continue;
        }
        for sp in &done[bi] {
            if sp.name.is_some()
                && !matches!(sp.resolution, Resolution::Unresolved { .. })
                && compatible(sp.kind)
                && best.as_ref().is_none_or(|(p, _)| bs.start >= *p)
            {
                best = Some((bs.start, sp.clone()));
            }
        }
    }
    let window_start = if s > 0 {
        seg.sentences[s - 1].tokens.start
    } else {
        0
    };
    // Speakers first (subject preference); named persons only when no speaker fits.
    let have_speaker = best.is_some();
    let in_window = within(mentions, &(window_start..pron_tok));
    for m in in_window.iter().filter(|_| !have_speaker) {
        if m.tokens.start < window_start || m.tokens.end > pron_tok {
            continue;
        }
        let al = &lx.aliases[m.alias];
        if al.kind == EntityKind::Person
            && compatible(EntityKind::Person)
            && best.as_ref().is_none_or(|(p, _)| m.tokens.start > *p)
        {
            best = Some((m.tokens.start, mention_speaker(text, seg, m, lx)));
        }
    }
    // "Many rebels distrust the group because they say C": with no earlier speaker, the party
    // that opens the pronoun's own sentence as its subject
    if best.is_none() {
        let sent = &seg.sentences[s].tokens;
        let subject = within(mentions, &(sent.start..pron_tok))
            .iter()
            .find(|m| m.tokens.start >= sent.start && m.tokens.end <= pron_tok)
            .filter(|m| m.tokens.start < sent.start + SUBJECT_OPENING)
            .filter(|m| {
                let k = lx.aliases[m.alias].kind;
                k != EntityKind::Person && k != EntityKind::Place && compatible(k)
            });
        if let Some(m) = subject {
            best = Some((m.tokens.start, mention_speaker(text, seg, m, lx)));
        }
    }
    match best {
        Some((_, mut sp)) => {
            sp.resolution = Resolution::Pronoun {
                pronoun: pron.to_string(),
            };
            sp
        }
        None => Speaker {
            name: None,
            party: None,
            kind: kinds.first().copied().unwrap_or(EntityKind::Unknown),
            resolution: Resolution::Unresolved {
                mention: pron.to_string(),
            },
            link: None,
            carrier: None,
        },
    }
}

/// Most tokens of the source phrase after a relaying participle ("citing the ministry of
/// health, C").
const RELAY_SOURCE_MAX: usize = 10;

/// Outlets that only pass another source's words on: "X reported that the ministry said C", "the
/// ministry said C, X reported", "according to X, citing the ministry, C". For each attribution,
/// the index of the attribution it relays (its speaker is a news outlet or a journalist, or the
/// document's own outlet, and its content opens with the other's source); that one's speakers
/// take the outlet as their `carrier`. A relayed participle ("citing the ministry") takes the
/// source after it as its speaker.
#[allow(clippy::too_many_arguments)]
pub fn relays(
    text: &str,
    seg: &Segmented,
    atts: &[RawAttribution],
    speakers: &mut [Vec<Speaker>],
    mentions: &[Mention],
    regions: &DocRegions,
    lx: &Lexicon,
    outlet: Option<&str>,
) -> Vec<Option<usize>> {
    let toks = &seg.tokens;
    let mut out = vec![None; atts.len()];
    for (ai, a) in atts.iter().enumerate() {
        let Some(src) = &a.source else { continue };
        if matches!(
            a.cue_type,
            crate::model::CueType::Deny | crate::model::CueType::Accuse
        ) || a.layout == Layout::Sourceless
        {
            continue;
        }
        let own_outlet = outlet.is_some_and(|o| {
            speakers[ai].iter().any(|sp| {
                sp.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(o))
            })
        });
        // a press word, or an alias with the `media` role ("state media", not "the army" of
        // the same party)
        let press = super::discover::names_press(seg, src, mentions, lx);
        if !(press || own_outlet) {
            continue;
        }
        // the content's opening, past "that" and a relaying participle
        let mut open = a.content.start;
        while open < a.content.end && matches!(toks[open].lower.as_str(), "that" | ",") {
            open += 1;
        }
        let relay_cue = open < a.content.end && lx.relay_cues.contains(&toks[open].lower);
        let first = atts[..ai].partition_point(|b| b.sentence < a.sentence);
        let found = (first..atts.len())
            .take_while(|&bi| atts[bi].sentence == a.sentence)
            .filter(|&bi| bi != ai)
            .find(|&bi| {
                let b = &atts[bi];
                let Some(bs) = &b.source else { return false };
                if relay_cue {
                    b.cue.start == open
                } else {
                    bs.start == open && b.cue.start < a.content.end && bs != src
                }
            });
        let Some(bi) = found else { continue };
        if relay_cue {
            // "citing the ministry, C": the phrase after the participle, to its comma
            let b = &atts[bi];
            let np_end = (b.content.start..b.content.end.min(b.content.start + RELAY_SOURCE_MAX))
                .find(|&k| toks[k].lower == ",");
            let Some(np_end) = np_end else { continue };
            let np = b.content.start..np_end;
            if np.is_empty() {
                continue;
            }
            let sp = named_speaker(
                text, seg, &np, &np, None, mentions, regions, lx, atts, speakers, bi,
            );
            speakers[bi] = vec![sp];
        }
        let carrier = speakers[ai]
            .first()
            .map(|sp| sp.label().to_string())
            .unwrap_or_default();
        for sp in &mut speakers[bi] {
            sp.carrier = Some(carrier.as_str().into());
        }
        out[ai] = Some(bi);
    }
    out
}

/// Whether the capitalised name ending before token `of` (its "of") is headed by a state body's
/// noun (`body` heads of `discovery.tsv`: "Ministry of Defence", "Armed Forces", "Government"),
/// scanning back over its capitalised words and connectors no further than `start`.
fn state_body_before(toks: &[Token], start: usize, of: usize, lx: &Lexicon) -> bool {
    let mut k = of;
    while k > start {
        k -= 1;
        let t = &toks[k];
        if !t.is_word() || !(t.cap || super::discover::connector(&t.lower)) {
            return false;
        }
        if t.cap && lx.org_heads.get(&t.lower) == Some(&crate::lexicon::OrgClass::Body) {
            return true;
        }
        // ... or an office in it that opens the phrase: "the President of Ruritania", "the
        // Ombudsman of Karsk" (not "Opponents of the President of Ruritania"), after a name
        // and one who serves the office, commas lost: "Jan Doe the assistant of the President
        // of Ruritania"
        let serves = |j: usize| {
            lx.member_nouns.contains(&toks[j].lower)
                || (matches!(toks[j].lower.as_str(), "of" | "to")
                    && j > start
                    && lx.member_nouns.contains(&toks[j - 1].lower))
        };
        if k + 1 == of
            && (lx.member_nouns.contains(&t.lower) || lx.titles.get(&t.lower).is_some())
            && (start..k).all(|j| {
                toks[j].cap || matches!(lx.fn_class_of(&toks[j]), Some(FnClass::Det)) || serves(j)
            })
        {
            return true;
        }
    }
    false
}
