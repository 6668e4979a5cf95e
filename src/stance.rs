//! Stance of a report toward a claim: for, against, observing (it passes the claim on without
//! taking a position: "X, officials say", "reportedly", "rumors"), or unrelated (it does not
//! mention the claim).
//!
//! The judgment uses the extraction machinery: the report is segmented like any other, the
//! sentences that mention the claim are those sharing enough of its content words, and each such
//! sentence is read for markers — negations bearing on a claim word, refutation words
//! (`stance.tsv`) and lexical opposites (`opposites.tsv`) for *against*; denial cues (against when
//! only denials are reported); other reporting cues, hedges, rumor words, questions and a signing
//! name ("C: Analyst") for *observing*. A marker that the claim itself contains ("X says he met
//! God") is part of the claim, not of the report's stance. In a report, an unmarked sentence
//! states the claim (*for*) only when it holds most of the claim's words, its verb included; a
//! headline paired with its claim (`assume_related`) with no marker at all is *for*.

use serde::Serialize;

use crate::extract::Extraction;
use crate::lexicon::{FnClass, Lexicon, StanceMarker};
use crate::model::{CharMap, CueType, Span};
use crate::segment::{TokKind, Token, segment};

/// A report's stance toward a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    For,
    Against,
    Observing,
    /// No sentence of the report states, reports or denies the claim (some may share a few of
    /// its words).
    Unrelated,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::For,
        Stance::Against,
        Stance::Observing,
        Stance::Unrelated,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
            Stance::Observing => "observing",
            Stance::Unrelated => "unrelated",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// One marker found in a sentence that mentions the claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marker {
    /// `deny`, `negation`, `refute`, `opposite`, `cue`, `hedge`, `rumor`, `question` or `signed`
    /// (a short name signing a headline: "C: Analyst").
    pub kind: &'static str,
    pub span: Span,
}

/// The stance of one report, with the sentence it rests on and the markers found there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgment {
    pub doc: String,
    pub stance: Stance,
    /// Share of the claim's content words found in the deciding sentence (0 to 1).
    pub overlap: f64,
    /// The sentence the stance rests on (none when unrelated).
    pub sentence: Option<Span>,
    pub markers: Vec<Marker>,
}

/// The claim, read once: its content words (stemmed) and every word it contains.
#[derive(Debug, Clone)]
pub struct Claim {
    pub text: String,
    content: Vec<String>,
    words: std::collections::BTreeSet<String>,
    /// Stems of the opposites of the claim's words ("alive" for "killed").
    opposites: std::collections::BTreeSet<String>,
    /// Stems of the claim's verbs ("took" in "rebels took Handarat"): a sentence states the claim
    /// only if it has one of them.
    predicates: Vec<String>,
    /// Whether the claim says who did it (a responsibility predicate: "carried out", "struck").
    names_agent: bool,
    /// The parties the claim says did it ("Rebels shelled the market": rebels).
    agents: Vec<String>,
    /// Whether the claim is itself about a statement ("A cleric declared that C"): a report
    /// quoting that statement restates the claim rather than passing it on.
    reports_speech: bool,
}

/// How many tokens after a negation may hold the claim word it negates ("not missing").
const NEGATION_SCOPE: usize = 4;

/// How many tokens after a hedge may hold the claim word it bears on ("could soon land you a
/// ticket").
const HEDGE_SCOPE: usize = 8;

/// Longest name that signs a headline ("C: Analyst", "C -- NYT").
const SIGNATURE_WORDS: usize = 3;

/// Share of the claim's content words an unmarked sentence must contain to state the claim.
const STATE_SHARE: f64 = 0.6;

/// Share of the claim's content words a sentence must contain to mention it (and at least one).
const MENTION_SHARE: f64 = 0.5;

impl Claim {
    pub fn new(text: &str, lx: &Lexicon) -> Claim {
        let seg = segment(text, 0, lx);
        let mut content = Vec::new();
        let mut words = std::collections::BTreeSet::new();
        for t in &seg.tokens {
            words.insert(t.lower.clone());
            if let Some(w) = content_word(t, lx) {
                if !content.contains(&w) {
                    content.push(w);
                }
            }
        }
        let predicates = seg
            .tokens
            .iter()
            .filter(|t| is_predicate(t, lx))
            .filter_map(|t| content_word(t, lx))
            .collect();
        let opposites = words
            .iter()
            .filter_map(|w| lx.opposites.get(w))
            .flatten()
            .map(|o| stem(o))
            .filter(|o| !content.contains(o))
            .collect();
        let names_agent = (0..seg.tokens.len()).any(|k| {
            lx.responsibility
                .longest_in(&seg.tokens, k, seg.tokens.len())
                .is_some()
        });
        // an attribution with a source: "A cleric declared that C" (not "a feature called X")
        let reports_speech = (0..seg.sentences.len()).any(|s| {
            crate::extract::attrib::sentence_attributions(&seg, s, lx)
                .iter()
                .any(|a| a.source.is_some() && a.cue_type != CueType::Deny)
        });
        // who the claim blames, read by the extractor as a report's own voice would be
        let agents = {
            let x = crate::extract::extract(crate::model::Document::new("claim", text), lx);
            let mut out: Vec<String> = Vec::new();
            for p in &x.propositions {
                if let crate::extract::PropKind::Responsibility { agent, .. } = &p.kind {
                    if lx.aliases.iter().any(|a| a.party == *agent)
                        && !out.iter().any(|o| o == agent)
                    {
                        out.push(agent.to_string());
                    }
                }
            }
            out
        };
        Claim {
            text: text.to_string(),
            content,
            words,
            opposites,
            predicates,
            names_agent,
            agents,
            reports_speech,
        }
    }

    /// Share of the claim's content words among `tokens`.
    fn overlap(&self, tokens: &[Token], lx: &Lexicon) -> f64 {
        if self.content.is_empty() {
            return 0.0;
        }
        let found: std::collections::BTreeSet<String> =
            tokens.iter().filter_map(|t| content_word(t, lx)).collect();
        let shared = self.content.iter().filter(|w| found.contains(*w)).count();
        shared as f64 / self.content.len() as f64
    }
}

/// A verb of the claim: a known verb form, an event predicate, or a past-tense ending.
fn is_predicate(t: &Token, lx: &Lexicon) -> bool {
    t.kind == TokKind::Word && lx.fn_class(&t.lower).is_none() && lx.is_verb_form(&t.lower)
}

/// A lower-cased, lightly stemmed content word (no function word, pronoun or punctuation).
fn content_word(t: &Token, lx: &Lexicon) -> Option<String> {
    if !t.is_word() || lx.fn_class(&t.lower).is_some() || lx.pronouns.contains_key(&t.lower) {
        return None;
    }
    let w = t.lower.trim_end_matches("'s");
    if w.chars().count() < 3 && t.kind != TokKind::Number {
        return None;
    }
    // event predicates of one meaning meet: "seized" / "captured" / "took", "killed" / "died"
    if let Some((change, _)) = lx.control.get(w) {
        return Some(format!("~control:{change:?}"));
    }
    if let Some(measure) = lx.casualties.get(w) {
        if !measure.starts_with('@') {
            return Some(format!("~casualty:{measure}"));
        }
    }
    Some(stem(w))
}

/// A light suffix stripper, enough to meet "beheads" / "beheaded" / "beheading".
fn stem(w: &str) -> String {
    for suffix in ["ings", "ing", "ied", "ies", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return match suffix {
                    "ied" | "ies" => format!("{base}y"),
                    _ => base.to_string(),
                };
            }
        }
    }
    w.to_string()
}

/// Judges the stance of one extracted report toward `claim`.
///
/// Each sentence that mentions the claim is read as the report's own voice (a refutation, or a
/// plain statement of the claim) or as reported speech; the report's own voice decides, reported
/// speech alone makes the report observing unless every voice it quotes denies the claim.
///
/// With `assume_related` (headline datasets pair every headline with its claim) the report is
/// never called unrelated: the markers of all its sentences are read together.
pub fn judge(claim: &Claim, x: &Extraction, lx: &Lexicon, assume_related: bool) -> Judgment {
    let seg = &x.seg;
    // each sentence's share of the claim's content words, computed once
    let overlaps: Vec<(usize, f64)> = (0..seg.sentences.len())
        .map(|s| (s, claim.overlap(seg.sentence_tokens(s), lx)))
        .collect();
    let best = overlaps
        .iter()
        .copied()
        .fold((0, -1.0), |a, b| if b.1 > a.1 { b } else { a });
    let mut mentions: Vec<(usize, f64)> = overlaps
        .iter()
        .copied()
        .filter(|&(_, o)| {
            // at least half of the claim's content words, and two of them when it has two
            let shared = (o * claim.content.len() as f64).round() as usize;
            o > 0.0 && o + 1e-9 >= MENTION_SHARE && shared >= claim.content.len().min(2)
        })
        .collect();
    if mentions.is_empty() && assume_related && !seg.sentences.is_empty() {
        mentions.push(best);
    }
    let Some(&(first, first_overlap)) = mentions.first() else {
        // no mention: still say how close the nearest sentence came
        let best = best.1.max(0.0);
        return Judgment {
            doc: x.doc.id.clone(),
            stance: Stance::Unrelated,
            overlap: best,
            sentence: None,
            markers: Vec::new(),
        };
    };
    let map = CharMap::of(&x.doc);
    if assume_related {
        // a headline paired with its claim: its sentences are read together ("Willie Nelson
        // dead? Viral hoax fools internet")
        let markers: Vec<Marker> = (0..seg.sentences.len())
            .flat_map(|s| sentence_markers(claim, x, &map, s, lx))
            .collect();
        let (s, overlap) = mentions
            .iter()
            .copied()
            .fold((first, first_overlap), |a, b| if b.1 > a.1 { b } else { a });
        return Judgment {
            doc: x.doc.id.clone(),
            stance: stance_of(&markers),
            overlap,
            sentence: Some(map.span(&seg.sentences[s].range)),
            markers,
        };
    }
    // Each sentence mentioning the claim is read as the report's own voice or as reported
    // speech. The report's own voice decides (a refutation before an assertion); reported speech
    // alone makes it observing, unless the only voices it reports deny the claim.
    let mut reads: Vec<(Voice, usize, f64, Vec<Marker>)> = mentions
        .iter()
        .map(|&(s, overlap)| {
            let markers = sentence_markers(claim, x, &map, s, lx);
            let mut voice = voice_of(&markers);
            // an unmarked sentence states the claim only when it holds most of it, verb included,
            // and the perpetrator the claim names ("shells struck the market" does not say that
            // rebels shelled it)
            let has_predicate = (claim.predicates.is_empty()
                || seg
                    .sentence_tokens(s)
                    .iter()
                    .filter_map(|t| content_word(t, lx))
                    .any(|w| claim.predicates.contains(&w)))
                && (claim.agents.is_empty()
                    || x.propositions.iter().any(|p| {
                        p.sentence == s
                            && matches!(&p.kind,
                                crate::extract::PropKind::Responsibility { agent, .. }
                                    if claim.agents.iter().any(|a| a == agent))
                    }));
            if voice == Voice::OwnFor && (overlap + 1e-9 < STATE_SHARE || !has_predicate) {
                voice = Voice::Topic;
            }
            (voice, s, overlap, markers)
        })
        .collect();
    reads.sort_by_key(|r| r.0);
    let (voice, s, overlap, markers) = reads.swap_remove(0);
    let stance = match voice {
        Voice::OwnAgainst => Stance::Against,
        Voice::OwnFor => Stance::For,
        // only denials among the voices the report quotes (sentences merely about the matter
        // quote nobody)
        Voice::ReportedDenial if reads.iter().all(|r| r.0 != Voice::Reported) => Stance::Against,
        Voice::ReportedDenial | Voice::Reported => Stance::Observing,
        Voice::Topic => Stance::Unrelated,
    };
    Judgment {
        doc: x.doc.id.clone(),
        stance,
        overlap,
        sentence: Some(map.span(&seg.sentences[s].range)),
        markers,
    }
}

/// How one sentence mentioning the claim speaks of it, in order of weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Voice {
    /// A negation, refutation or opposite: the sentence calls the claim false.
    OwnAgainst,
    /// No marker: the sentence states the claim.
    OwnFor,
    /// A denial cue: somebody is reported denying the claim.
    ReportedDenial,
    /// Reported speech, hedges, rumors, questions.
    Reported,
    /// No marker, but less than [`STATE_SHARE`] of the claim: the sentence is about the matter
    /// without stating the claim.
    Topic,
}

fn voice_of(markers: &[Marker]) -> Voice {
    if markers
        .iter()
        .any(|m| matches!(m.kind, "negation" | "refute" | "opposite"))
    {
        Voice::OwnAgainst
    } else if markers.is_empty() {
        Voice::OwnFor
    } else if markers.iter().any(|m| m.kind == "deny") {
        Voice::ReportedDenial
    } else {
        Voice::Reported
    }
}

fn stance_of(markers: &[Marker]) -> Stance {
    let against = markers
        .iter()
        .any(|m| matches!(m.kind, "deny" | "negation" | "refute" | "opposite"));
    if against {
        Stance::Against
    } else if markers.is_empty() {
        Stance::For
    } else {
        Stance::Observing
    }
}

/// The stance markers of sentence `s` that the claim does not itself contain.
fn sentence_markers(
    claim: &Claim,
    x: &Extraction,
    map: &CharMap,
    s: usize,
    lx: &Lexicon,
) -> Vec<Marker> {
    let seg = &x.seg;
    let toks = &seg.tokens;
    let range = seg.sentences[s].tokens.clone();
    let mut out = Vec::new();
    let span_of = |a: usize, b: usize| map.span(&(toks[a].range.start..toks[b - 1].range.end));
    let in_claim = |a: usize, b: usize| (a..b).all(|k| claim.words.contains(&toks[k].lower));
    // "C: Analyst", "C -- NYT": a short name signing a headline attributes it
    let signed = {
        let end = (range.start..range.end)
            .rev()
            .find(|&k| toks[k].is_word())
            .map_or(range.start, |k| k + 1);
        (range.start..end)
            .rev()
            .find(|&k| toks[k].lower == ":" || toks[k].kind == TokKind::Dash)
            .filter(|&k| {
                let n = (k + 1..end).filter(|&j| toks[j].is_word()).count();
                (1..=SIGNATURE_WORDS).contains(&n)
                    && toks[range.start..k].iter().any(|t| t.is_word())
            })
            .map(|k| (k + 1, end))
    };
    // "Analyst: C", "US officials: C": a source noun before a colon opening the headline
    // a signature is a name: capitalized words, no web address or contraction ("IT'S OFFICIAL")
    let name_like = |a: usize, b: usize| {
        let first = (a..b).find(|&k| toks[k].is_word());
        first.is_some_and(|f| toks[f].cap)
            && (a..b).all(|k| !toks[k].lower.contains(['.', '\'', '’']))
    };
    let signed = signed.filter(|&(a, b)| name_like(a, b));
    let signed = signed.or_else(|| {
        let colon = (range.start..range.end)
            .take(SIGNATURE_WORDS + 1)
            .find(|&k| toks[k].lower == ":")?;
        let head = colon.checked_sub(1).filter(|&h| h >= range.start)?;
        let all_words = (range.start..colon).all(|k| toks[k].is_word());
        let noun = toks[head].lower.as_str();
        let is_source = lx.kinds.contains_key(noun)
            || noun
                .strip_suffix('s')
                .is_some_and(|n| lx.kinds.contains_key(n));
        (all_words && is_source && name_like(range.start, colon)).then_some((range.start, colon))
    });
    if let Some((a, b)) = signed {
        if !in_claim(a, b) {
            out.push(Marker {
                kind: "signed",
                span: span_of(a, b),
            });
        }
    }
    // another perpetrator than the claim's ("Government forces shelled the market" against
    // "Rebels shelled the market") contradicts it
    if !claim.agents.is_empty() {
        let blamed: Vec<&crate::extract::Proposition> = x
            .propositions
            .iter()
            .filter(|p| p.sentence == s && !p.negated)
            .filter(|p| {
                p.attribution
                    .is_none_or(|a| x.attributions[a].cue_type != CueType::Deny)
            })
            .collect();
        // a known party, or a phrase whose role noun stands for one ("government forces")
        let agent_of = |p: &crate::extract::Proposition| match &p.kind {
            crate::extract::PropKind::Responsibility {
                agent,
                alternative: false,
                ..
            } => {
                if lx.aliases.iter().any(|a| a.party == *agent) {
                    Some(agent.to_string())
                } else {
                    agent
                        .split_whitespace()
                        .find_map(|w| lx.party_of_role(&w.to_lowercase()))
                        .map(str::to_string)
                }
            }
            _ => None,
        };
        let agents: Vec<(String, &crate::extract::Proposition)> = blamed
            .iter()
            .filter_map(|p| agent_of(p).map(|a| (a, *p)))
            .collect();
        let names_claims = agents.iter().any(|(a, _)| claim.agents.contains(a));
        if let Some((_, p)) = agents.iter().find(|(a, _)| !claim.agents.contains(a)) {
            if !names_claims {
                out.push(Marker {
                    kind: "opposite",
                    span: map.span(&p.bytes),
                });
            }
        }
    }
    // in a title-case headline a capital says nothing about names
    let title_case = crate::segment::capital_share(&toks[range.clone()]).0 >= 60;
    let mut i = range.start;
    while i < range.end {
        let t = &toks[i];
        if t.lower == "?" {
            out.push(Marker {
                kind: "question",
                span: span_of(i, i + 1),
            });
            i += 1;
            continue;
        }
        if !t.is_word() {
            i += 1;
            continue;
        }
        if let Some((n, m)) = lx.stance_markers.longest_in(toks, i, range.end) {
            if !in_claim(i, i + n) {
                let kind = match m {
                    StanceMarker::Refute => Some("refute"),
                    StanceMarker::Rumor => Some("rumor"),
                    StanceMarker::Neutral => None,
                };
                if let Some(kind) = kind {
                    out.push(Marker {
                        kind,
                        span: span_of(i, i + n),
                    });
                }
            }
            i += n;
            continue;
        }
        // a reporting cue ("says", "claims", "denies"), unless it is part of a name or a cue
        // marked neutral in stance.tsv ("confirms", "shows")
        if let Some((n, &(c, _))) = lx.cue_forms.longest_in(toks, i, range.end) {
            let cue = lx.cue(c);
            let in_name =
                !title_case && t.cap && i > range.start && toks[i - 1].cap && toks[i - 1].is_word();
            let neutral = lx.stance_markers.get(&cue.lemma) == Some(&StanceMarker::Neutral);
            // a form that is also a noun ("charges", "orders", "fears") counts only where the
            // extractor read it as a cue, or where a verb is plain: before "to", "that" or a
            // pronoun ("claims to have", "claims he"), after a comma (", claims analyst") or
            // closing the sentence ("…, Congressman claims")
            let verb_reading = toks[i + 1..range.end]
                .iter()
                .find(|nx| nx.is_word() || nx.lower == ",")
                .is_none_or(|nx| {
                    nx.lower == "to" || nx.lower == "that" || lx.pronouns.contains_key(&nx.lower)
                })
                || (i > range.start && toks[i - 1].lower == ",");
            let read_as_cue = x.attributions.iter().any(|a| a.cue.start == t.range.start);
            // a cue only with a falsity complement ("branded the reports lies", not "Beats
            // Music brand") or a toll ("gave a toll of 36", not "gave a speech") counts only
            // where the extractor read it as one
            let noun_like =
                (n == 1 && lx.cue_nouns.contains(&t.lower) && !verb_reading && !read_as_cue)
                    || ((cue.frames.false_only() || cue.frames.toll_only()) && !read_as_cue);
            // "cast doubt on the claims", "rejected the reports": a denial of the claim itself
            let anaphor_denial = || {
                x.attributions
                    .iter()
                    .find(|a| a.cue.start == t.range.start)
                    .is_some_and(|a| {
                        let parts = a.content_parts();
                        a.cue_type == CueType::Deny
                            && toks
                                .iter()
                                .filter(|t| parts.iter().any(|p| p.contains(&t.range.start)))
                                .map(|t| t.lower.as_str())
                                .find(|w| !matches!(lx.fn_class(w), Some(FnClass::Det)))
                                .is_some_and(|w| {
                                    lx.deny_anaphors.contains(w)
                                        || lx.statement_anaphors.contains(w)
                                })
                    })
            };
            // a cue whose content holds none of the claim's words reports something else
            // ("Nun complains of stomach pains, gives birth"): the claim is in the report's voice
            let off_claim = || {
                x.attributions
                    .iter()
                    .find(|a| a.cue.start == t.range.start)
                    .is_some_and(|a| {
                        let parts = a.content_parts();
                        let claim_word = |k: usize| {
                            content_word(&toks[k], lx).is_some_and(|w| claim.content.contains(&w))
                        };
                        let inside = range.clone().filter(|&k| {
                            parts.iter().any(|p| p.contains(&toks[k].range.start)) && claim_word(k)
                        });
                        inside.count() == 0 && !anaphor_denial()
                    })
            };
            let restates = claim.reports_speech && cue.ty != CueType::Deny;
            // perception vouches for what was seen; an announced intention is the speaker's own
            // plan, not a claim passed on
            let vouches = matches!(cue.ty, CueType::Perceive | CueType::Announce);
            // a claim noun passes the claim on as a rumor does ("probing claims C")
            let claim_noun = noun_like
                && lx
                    .nominal_cues
                    .get(&t.lower)
                    .is_some_and(|(ty, _)| *ty != CueType::Deny);
            if claim_noun && !in_claim(i, i + n) && !restates {
                out.push(Marker {
                    kind: "rumor",
                    span: span_of(i, i + n),
                });
            }
            if !in_claim(i, i + n)
                && !in_name
                && !neutral
                && !noun_like
                && !restates
                && !vouches
                && !off_claim()
            {
                // denying who did it ("denied carrying out the strike") is no denial of a claim
                // that names no perpetrator ("12 people were killed in the strike")
                let denies_agency = || {
                    x.attributions
                        .iter()
                        .position(|a| a.cue.start == t.range.start)
                        .is_some_and(|ai| {
                            x.propositions.iter().any(|p| {
                                p.attribution == Some(ai)
                                    && matches!(
                                        p.kind,
                                        crate::extract::PropKind::Responsibility { .. }
                                    )
                            })
                        })
                };
                let kind = if cue.ty == CueType::Deny
                    && (claim.names_agent || !denies_agency() || anaphor_denial())
                {
                    "deny"
                } else {
                    "cue"
                };
                out.push(Marker {
                    kind,
                    span: span_of(i, i + n),
                });
            }
            i += n;
            continue;
        }
        // "Rehana is alive" against "Rehana was killed"
        if content_word(t, lx).is_some_and(|w| claim.opposites.contains(&w)) {
            out.push(Marker {
                kind: "opposite",
                span: span_of(i, i + 1),
            });
            i += 1;
            continue;
        }
        if !in_claim(i, i + 1) {
            let negation = lx.negations.contains(&t.lower);
            let kind = if negation {
                // a negation counts when it bears on the claim: one of the claim's words follows
                // closely ("Banksy not arrested"; not "had no idea she was pregnant"), and it is
                // not itself negating a refutation ("no hoax", "not fake")
                let window = i + 1..(i + 1 + NEGATION_SCOPE).min(range.end);
                let refutation = window.clone().find(|&k| {
                    lx.stance_markers
                        .longest_in(toks, k, range.end)
                        .map(|(_, m)| *m)
                        == Some(StanceMarker::Refute)
                });
                if let Some(k) = refutation {
                    // "no hoax": the refutation is negated; skip past both
                    let n = lx
                        .stance_markers
                        .longest_in(toks, k, range.end)
                        .map_or(1, |(n, _)| n);
                    i = k + n;
                    continue;
                }
                let on_claim = window.clone().any(|k| {
                    content_word(&toks[k], lx).is_some_and(|w| claim.content.contains(&w))
                });
                // "Did Banksy draw it? Probably not": a negation closing the sentence answers it
                let answer = window.clone().all(|k| !toks[k].is_word());
                (on_claim || answer).then_some("negation")
            } else if lx.hedges.contains_key(&t.lower) {
                // a hedge counts when it bears on the claim: one of the claim's words follows in
                // its clause ("could delete your files"; not "so they could be closer to God")
                let on_claim = (i + 1..(i + 1 + HEDGE_SCOPE).min(range.end))
                    .take_while(|&k| toks[k].is_word())
                    .any(|k| {
                        content_word(&toks[k], lx).is_some_and(|w| claim.content.contains(&w))
                    });
                on_claim.then_some("hedge")
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Marker {
                    kind,
                    span: span_of(i, i + 1),
                });
            }
        }
        i += 1;
    }
    out
}

/// A Markdown table: one row per report, with the deciding sentence and its markers.
pub fn markdown(claim: &str, judgments: &[Judgment]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut s = format!("# Stance toward: {}\n\n", cell(claim));
    let mut counts = std::collections::BTreeMap::new();
    for j in judgments {
        *counts.entry(j.stance).or_insert(0usize) += 1;
    }
    let summary: Vec<String> = counts
        .iter()
        .map(|(st, n)| format!("{} {}", n, st.id()))
        .collect();
    s += &format!(
        "{} report(s): {}\n\n",
        judgments.len(),
        if summary.is_empty() {
            "none".to_string()
        } else {
            summary.join(", ")
        }
    );
    s += "| report | stance | overlap | markers | sentence |\n|---|---|---|---|---|\n";
    for j in judgments {
        let markers: Vec<String> = j
            .markers
            .iter()
            .map(|m| format!("{} “{}”", m.kind, cell(&m.span.text)))
            .collect();
        s += &format!(
            "| {} | {} | {:.2} | {} | {} |\n",
            cell(&j.doc),
            j.stance.id(),
            j.overlap,
            markers.join("; "),
            j.sentence.as_ref().map_or(String::new(), |x| cell(&x.text))
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_inflections() {
        assert_eq!(stem("beheads"), stem("beheaded"));
        assert_eq!(stem("beheading"), "behead");
        assert_eq!(stem("studies"), "study");
        assert_eq!(stem("is"), "is");
    }
}
