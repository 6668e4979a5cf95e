//! Extraction: attributed claims and their propositions, per document.
//!
//! Extraction never fails: whatever the text, it returns what it found (possibly nothing).

pub mod attrib;
pub mod discover;
pub mod dispute;
pub mod issuer;
pub mod learned;
pub mod propose;
pub mod quantity;
pub mod speaker;
pub mod time;

use crate::istr::IStr;
use crate::lexicon::{FnClass, Lexicon};
use crate::model::{
    ByteRange, Commitment, CueType, Document, Polarity, QuoteKind, Resolution, Speaker,
};
use crate::segment::{Segmented, segment};

pub use attrib::Layout;
pub use propose::{EventRef, PropKind, Proposition};

/// An attributed claim: who said what, through which cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub sentence: usize,
    pub source: Option<ByteRange>,
    pub cue: ByteRange,
    pub content: ByteRange,
    /// Further parts of a discontinuous content: "“Q1,” he said. “Q2.”", "C1, she said, C2".
    pub continuation: Vec<ByteRange>,
    pub cue_lemma: IStr,
    pub cue_type: CueType,
    pub polarity: Polarity,
    pub commitment: Commitment,
    pub negated: bool,
    pub kind: QuoteKind,
    pub layout: Layout,
    /// The reading the learned layer chose (`rule`, `to-end`, ...), when it ran.
    pub learned: Option<&'static str>,
    pub speakers: Vec<Speaker>,
    /// The attribution this one only relays (an outlet passing a source's words on: "X
    /// reported that the ministry said C"): its content is not its speaker's claim.
    pub relays: Option<usize>,
}

impl Attribution {
    /// The content with its continuation parts, in text order.
    pub fn content_parts(&self) -> Vec<ByteRange> {
        std::iter::once(self.content.clone())
            .chain(self.continuation.iter().cloned())
            .collect()
    }
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub doc: Document,
    pub seg: Segmented,
    pub attributions: Vec<Attribution>,
    pub propositions: Vec<Proposition>,
    /// Event context per sentence.
    pub contexts: Vec<EventRef>,
    /// What the reader should know about the document ("its dateline gives another date").
    pub warnings: Vec<String>,
    /// The party the document is a statement of ([`issuer`]): its own voice is that party's.
    pub issuer: Option<Speaker>,
}

impl Extraction {
    /// (attributions with a source, those whose speaker stayed unresolved).
    pub fn unresolved_speakers(&self) -> (usize, usize) {
        let sourced = self.attributions.iter().filter(|a| a.source.is_some());
        let unresolved = sourced
            .clone()
            .filter(|a| {
                a.speakers
                    .iter()
                    .any(|s| matches!(s.resolution, crate::model::Resolution::Unresolved { .. }))
            })
            .count();
        (sourced.count(), unresolved)
    }

    /// Frees what only extraction needed (the per-sentence event contexts, the quotation list)
    /// and the spare capacity of the rest: for commands that keep every document until the
    /// report is written. With `drop_tokens`, the tokens go too (the bulk of a document's
    /// memory): the graph, the checker and the reports then read the propositions' own byte
    /// ranges and hedges and the sentences' word counts; only the wire-copy audit and `stance`
    /// read tokens, so their commands keep them.
    pub fn compact(&mut self, drop_tokens: bool) {
        self.contexts = Vec::new();
        self.seg.quotes = Vec::new();
        if drop_tokens {
            self.seg.tokens = Vec::new();
        }
        self.seg.tokens.shrink_to_fit();
        self.seg.sentences.shrink_to_fit();
        self.attributions.shrink_to_fit();
        self.propositions.shrink_to_fit();
    }

    /// Sentences from which nothing at all was extracted.
    pub fn empty_sentences(&self) -> Vec<usize> {
        let mut used = vec![false; self.seg.sentences.len()];
        for a in &self.attributions {
            used[a.sentence] = true;
        }
        for p in &self.propositions {
            used[p.sentence] = true;
        }
        (0..used.len()).filter(|&s| !used[s]).collect()
    }
}

fn tok_bytes(seg: &Segmented, toks: &std::ops::Range<usize>) -> ByteRange {
    if toks.is_empty() {
        let at = seg.tokens.get(toks.start).map_or(0, |t| t.range.start);
        return at..at;
    }
    seg.tokens[toks.start].range.start..seg.tokens[toks.end - 1].range.end
}

/// "“Q1,” he said. “Q2.”": a sentence that is nothing but a quotation, right after a quoted
/// attribution in the same paragraph, continues that attribution's content.
fn continue_quotations(seg: &Segmented, raw: &mut [attrib::RawAttribution]) {
    // (attribution being continued, sentence of its last piece)
    let mut open: Option<(usize, usize)> = None;
    let mut ai = 0;
    for (s, sent) in seg.sentences.iter().enumerate() {
        let first = ai;
        while ai < raw.len() && raw[ai].sentence == s {
            ai += 1;
        }
        if first < ai {
            let last = ai - 1;
            // a transcript's turn is continued by [`continue_turns`]
            let turn = is_turn(seg, &raw[last]);
            open = (raw[last].kind != QuoteKind::Indirect && !turn).then_some((last, s));
            continue;
        }
        let Some((o, piece)) = open else { continue };
        // the same paragraph as the last piece, or the next one when that piece ended its
        // paragraph (quotations run on over several paragraphs)
        let pp = seg.sentences[piece].paragraph;
        let near = sent.paragraph == pp || (sent.paragraph == pp + 1 && s == piece + 1);
        match quote_sentence(seg, s) {
            Some(inner) if near => {
                raw[o].extra.push(inner);
                open = Some((o, s));
            }
            _ => open = None,
        }
    }
}

/// For each sentence that is wholly a continuation of an earlier sentence's asserted
/// attribution ([`continue_quotations`]), that attribution and the continued tokens.
fn continued_sentences(
    seg: &Segmented,
    raw: &[attrib::RawAttribution],
) -> Vec<Option<(usize, std::ops::Range<usize>)>> {
    let mut out = vec![None; seg.sentences.len()];
    for (i, a) in raw.iter().enumerate() {
        if a.polarity != Polarity::Assert || a.negated {
            continue;
        }
        for part in &a.extra {
            let s = seg
                .sentences
                .partition_point(|x| x.tokens.end <= part.start);
            if s != a.sentence && s < out.len() {
                out[s] = Some((i, part.clone()));
            }
        }
    }
    out
}

/// How many sentences back an uncued sentence in a party's first person ("Our fighters
/// released 212 passengers") looks for the statement it continues.
const FIRST_PERSON_LOOKBACK: usize = 3;

/// Sentences with no cue of their own that speak in the first person plural of the latest
/// party quoted before them, outside quotation marks: "The BLA spokesperson said in a statement
/// that its fighters carried out the operation. Our fighters released 212 passengers." (a
/// statement relayed without its quotation marks). The sentence is that attribution's too, as
/// a quotation continuing it is ([`continued_sentences`]). Not in a party's own statement,
/// whose first person is its issuer's.
fn first_person_continuations(
    seg: &Segmented,
    raw: &[attrib::RawAttribution],
    attributions: &[Attribution],
    lx: &Lexicon,
    out: &mut [Option<(usize, std::ops::Range<usize>)>],
) {
    let mut ai = 0;
    for (s, slot) in out.iter_mut().enumerate() {
        let first = ai;
        while ai < raw.len() && raw[ai].sentence == s {
            ai += 1;
        }
        if first != ai || slot.is_some() {
            continue;
        }
        let toks = seg.sentences[s].tokens.clone();
        let first_person = toks.clone().any(|k| {
            let t = &seg.tokens[k];
            !t.in_quote && lx.first_person.contains(&t.lower)
        });
        if !first_person {
            continue;
        }
        // the latest attribution of the sentences just before, asserted by a party
        let Some(o) = (0..first)
            .rev()
            .take_while(|&o| raw[o].sentence + FIRST_PERSON_LOOKBACK >= s)
            .find(|&o| {
                raw[o].polarity == Polarity::Assert
                    && !raw[o].negated
                    && attributions[o]
                        .speakers
                        .first()
                        .is_some_and(|sp| sp.party.is_some())
            })
        else {
            continue;
        };
        *slot = Some((o, toks));
    }
}

/// The quoted tokens of a sentence made of one quotation (trailing punctuation aside): one
/// that opens at the sentence's start, or one opened in an earlier sentence that is still open
/// at its start and runs to its end ("“Q1. Q2.”": the second sentence is quoted too).
fn quote_sentence(seg: &Segmented, s: usize) -> Option<std::ops::Range<usize>> {
    let toks = seg.sentences[s].tokens.clone();
    let (q, from) = match seg.quotes.binary_search_by_key(&toks.start, |q| q.open) {
        Ok(i) => (&seg.quotes[i], toks.start + 1),
        Err(i) => {
            // the innermost quotation opened before the sentence and still open at its start
            let q = seg.quotes[..i]
                .iter()
                .rev()
                .take(4)
                .find(|q| q.close.is_none_or(|c| c >= toks.start))?;
            let para = seg.sentences[s].paragraph;
            let opened_in = seg
                .sentences
                .partition_point(|x| x.tokens.end <= q.open)
                .min(seg.sentences.len() - 1);
            if seg.sentences[opened_in].paragraph != para {
                return None;
            }
            (q, toks.start)
        }
    };
    let close = q.close.unwrap_or(toks.end).min(toks.end);
    let rest_is_punct = (close..toks.end).all(|k| {
        let t = &seg.tokens[k];
        t.is_quote() || (t.kind == crate::segment::TokKind::Punct && t.lower != "(")
    });
    let mut inner = from..close;
    while inner.end > inner.start
        && seg.tokens[inner.end - 1].kind == crate::segment::TokKind::Punct
    {
        inner.end -= 1;
    }
    (rest_is_punct && !inner.is_empty()).then_some(inner)
}

/// Extracts attributions and propositions from one document.
pub fn extract(doc: Document, lx: &Lexicon) -> Extraction {
    extract_with(doc, lx, &ExtractOptions::default())
}

/// How to read documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    /// Date a document by the dateline in its text ("Published September 25 2016") when it has
    /// one, instead of its metadata date (scraped corpora often carry a wrong one).
    pub text_dates: bool,
    /// Let the learned layer (`resources/attribution_model.tsv`) choose each attribution's
    /// reading, or drop it ([`learned::apply`]).
    pub learned: bool,
}

/// The rules' attributions of every sentence, quotations continued over later sentences: what
/// the learned layer reads.
pub fn rule_attributions(seg: &Segmented, lx: &Lexicon) -> Vec<attrib::RawAttribution> {
    let mut raw = Vec::new();
    for s in 0..seg.sentences.len() {
        raw.extend(attrib::sentence_attributions(seg, s, lx));
    }
    continue_turns(seg, &mut raw);
    continue_quotations(seg, &mut raw);
    raw
}

/// Whether `a` is a transcript's turn: the speaker in capitals and a colon open a paragraph,
/// after a quotation mark or not.
fn is_turn(seg: &Segmented, a: &attrib::RawAttribution) -> bool {
    let t = &seg.tokens;
    let s = a.sentence;
    let lo = seg.sentences[s].tokens.start;
    let para_first = s == 0 || seg.sentences[s - 1].paragraph != seg.sentences[s].paragraph;
    let quoted = t[lo].kind == crate::segment::TokKind::OpenQuote;
    a.layout == attrib::Layout::Colon
        && para_first
        && a.source
            .as_ref()
            .is_some_and(|r| r.start == lo + usize::from(quoted) && r.clone().all(|k| t[k].upper))
}

/// A transcript's turn ("\"PENCE: Well, look, …" in a quotation left open over paragraphs, the
/// speaker in capitals) runs to its paragraph's end and on over the next paragraphs that open
/// with a quotation mark and are not a turn of their own, up to a stage direction
/// ("\"(CROSSTALK.)").
fn continue_turns(seg: &Segmented, raw: &mut [attrib::RawAttribution]) {
    use crate::segment::TokKind;
    let t = &seg.tokens;
    let turn_sentences: Vec<usize> = raw
        .iter()
        .filter(|a| is_turn(seg, a))
        .map(|a| a.sentence)
        .collect();
    for a in raw.iter_mut().filter(|a| is_turn(seg, a)) {
        let para = seg.sentences[a.sentence].paragraph;
        let mut last_para = para;
        for s in a.sentence + 1..seg.sentences.len() {
            let sent = &seg.sentences[s];
            if sent.paragraph != last_para {
                // a new paragraph continues the turn when it opens with a quotation mark, is no
                // turn of its own and no stage direction
                let r = sent.tokens.clone();
                let lo = seg.sentences[a.sentence].tokens.start;
                let opens = t[lo].kind == TokKind::OpenQuote
                    && t.get(r.start).is_some_and(|x| x.kind == TokKind::OpenQuote);
                let direction = t.get(r.start + 1).is_some_and(|x| x.lower == "(");
                if sent.paragraph != last_para + 1
                    || !opens
                    || direction
                    || turn_sentences.binary_search(&s).is_ok()
                {
                    break;
                }
                last_para = sent.paragraph;
            }
            let mut r = sent.tokens.clone();
            while r.start < r.end && t[r.start].is_quote() {
                r.start += 1;
            }
            while r.end > r.start
                && (t[r.end - 1].is_quote() || t[r.end - 1].kind == TokKind::Punct)
            {
                r.end -= 1;
            }
            if !r.is_empty() {
                a.extra.push(r);
            }
        }
    }
}

/// [`extract`] with options.
pub fn extract_with(mut doc: Document, lx: &Lexicon, opts: &ExtractOptions) -> Extraction {
    let seg = segment(&doc.text, doc.body_start, lx);
    let mut warnings: Vec<String> = Vec::new();
    if opts.text_dates {
        if let Some(own) = time::dateline(&doc.text, &seg.tokens, lx) {
            if doc.date != Some(own) {
                warnings.push(match doc.date {
                    Some(given) => {
                        format!("dated {own} by its text's dateline (its date was {given})")
                    }
                    None => format!("dated {own} by its text's dateline"),
                });
                doc.date = Some(own);
            }
        }
    }
    let mut raw = rule_attributions(&seg, lx);
    let variants = if opts.learned && !lx.attrib_model.is_empty() {
        learned::apply(&seg, &mut raw, lx, &lx.attrib_model)
            .into_iter()
            .map(Some)
            .collect()
    } else {
        vec![None; raw.len()]
    };
    let (mentions, regions) = speaker::mentions_and_regions(&doc.text, &seg, lx);
    let mut speakers = speaker::resolve(&doc.text, &seg, &raw, &mentions, &regions, lx);
    let issuer = issuer::issuer(&doc.text, &seg, &mentions, &regions, lx).or_else(|| {
        doc.outlet
            .as_deref()
            .and_then(|o| issuer::outlet_issuer(o, lx))
    });
    if let Some(is) = &issuer {
        for (a, sp) in raw.iter().zip(speakers.iter_mut()) {
            if let Some(mention) = issuer::names_issuer(&doc.text, &seg, a, sp, lx) {
                *sp = vec![Speaker {
                    resolution: Resolution::Context { mention },
                    ..is.clone()
                }];
            }
        }
    }
    let issuer_speakers: Vec<Speaker> = issuer.iter().cloned().collect();
    let relays = speaker::relays(
        &doc.text,
        &seg,
        &raw,
        &mut speakers,
        &mentions,
        &regions,
        lx,
        doc.outlet.as_deref(),
    );
    let attributions: Vec<Attribution> = raw
        .iter()
        .zip(speakers)
        .zip(variants)
        .zip(relays)
        .map(|(((a, sp), learned), relays)| Attribution {
            sentence: a.sentence,
            source: a.source.as_ref().map(|r| tok_bytes(&seg, r)),
            cue: tok_bytes(&seg, &a.cue),
            content: tok_bytes(&seg, &a.content),
            continuation: a.extra.iter().map(|r| tok_bytes(&seg, r)).collect(),
            cue_lemma: a.cue_lemma.as_str().into(),
            cue_type: a.cue_type,
            polarity: a.polarity,
            commitment: a.commitment,
            negated: a.negated,
            kind: a.kind,
            layout: a.layout,
            learned,
            speakers: sp,
            relays,
        })
        .collect();

    let inp = propose::PropInput {
        doc: &doc,
        seg: &seg,
        lx,
        mentions: &mentions,
        regions: &regions,
        events: Default::default(),
    };
    // a source is who spoke, not where anything happened ("Damascus denied using ...")
    let mut sources: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); seg.sentences.len()];
    for a in &raw {
        if let Some(src) = &a.source {
            sources[a.sentence].push(src.clone());
        }
    }
    let contexts = propose::sentence_contexts(&inp, &sources);
    let mut continued = continued_sentences(&seg, &raw);
    if issuer.is_none() {
        first_person_continuations(&seg, &raw, &attributions, lx, &mut continued);
    }
    let mut propositions: Vec<Proposition> = Vec::new();
    let mut last_place: Option<String> = None;
    // what "the town" or "the village" refers back to: the one settlement the latest sentence
    // naming settlements names (none when it names several)
    let mut last_town: Option<String> = None;
    let mut ai = 0;
    for s in 0..seg.sentences.len() {
        let first = ai;
        while ai < raw.len() && raw[ai].sentence == s {
            ai += 1;
        }
        let context = if s > 0 && contexts[s].frame.is_none() {
            contexts[s - 1].clone()
        } else {
            contexts[s].clone()
        };
        let regions: Vec<propose::Region> =
            if let (true, Some((o, part))) = (first == ai, continued[s].clone()) {
                // a quotation continuing an attribution's ("“Q1,” he said. “Q2.”"): the speaker
                // says it too
                vec![propose::Region {
                    sentence: s,
                    tokens: part,
                    attribution: Some(o),
                    speakers: &attributions[o].speakers,
                    polarity: Polarity::Assert,
                    cue_type: Some(CueType::Assert),
                    subjectless: false,
                    on_agent: false,
                    figure_cue: dispute::FigureCue::None,
                    pronoun_speakers: &attributions[o].speakers,
                }]
            } else if first == ai {
                vec![propose::Region {
                    sentence: s,
                    tokens: seg.sentences[s].tokens.clone(),
                    attribution: None,
                    // (a party's statement speaks in the party's voice: "our forces")
                    speakers: &issuer_speakers,
                    polarity: Polarity::Assert,
                    cue_type: None,
                    subjectless: false,
                    on_agent: false,
                    figure_cue: dispute::FigureCue::None,
                    pronoun_speakers: &issuer_speakers,
                }]
            } else {
                (first..ai)
                    .map(|i| {
                        let a = &raw[i];
                        let cue = lx.cue_forms.get(&a.cue_lemma).map(|(c, _)| lx.cue(*c));
                        let starts_ing = seg
                            .tokens
                            .get(a.content.start)
                            .is_some_and(|t| t.lower.ends_with("ing"));
                        propose::Region {
                            sentence: s,
                            tokens: a.content.clone(),
                            attribution: Some(i),
                            speakers: &attributions[i].speakers,
                            polarity: a.polarity,
                            cue_type: Some(a.cue_type),
                            subjectless: cue.is_some_and(|c| c.frames.ing) && starts_ing,
                            on_agent: cue.is_some_and(|c| c.frames.on),
                            figure_cue: if a.negated {
                                dispute::FigureCue::None
                            } else if a.polarity == Polarity::Deny
                                || cue.is_some_and(|c| c.frames.figure)
                            {
                                dispute::FigureCue::Disputes
                            } else if matches!(
                                a.cue_type,
                                CueType::Assert | CueType::Hedge | CueType::Accuse
                            ) {
                                dispute::FigureCue::Asserts
                            } else {
                                dispute::FigureCue::None
                            },
                            pronoun_speakers: accused_by_denier(&raw, first..ai, i)
                                .map_or(&attributions[i].speakers, |j| &attributions[j].speakers),
                        }
                    })
                    .collect()
            };
        for r in &regions {
            let mut props = propose::region_propositions(
                &inp,
                r,
                &context,
                last_place.as_deref(),
                last_town.as_deref(),
            );
            dispute::figure_disputes(&inp, r, &context, &propositions, &mut props, &attributions);
            for p in &props {
                if let PropKind::Control { place, .. } = &p.kind {
                    last_place = Some(place.to_string());
                }
            }
            propositions.extend(props);
        }
        if last_place.is_none() {
            last_place = contexts[s].places.last().map(|p| p.to_string());
        }
        // (a sentence naming no place changes nothing: most do not)
        let towns: Vec<String> = if contexts[s].places.is_empty() {
            Vec::new()
        } else {
            inp.settlements(seg.sentences[s].tokens.clone())
                .into_iter()
                .filter(|p| contexts[s].places.iter().any(|c| c.as_str() == p))
                .collect()
        };
        match towns.as_slice() {
            [] => {}
            [t] => last_town = Some(t.clone()),
            _ => last_town = None,
        }
    }
    answer_accusations(&seg, &raw, &attributions, &mentions, &mut propositions, lx);
    locate_sites(&mut propositions, lx);
    warnings.extend(dateline_warning(&doc, &seg, lx));
    for p in &mut propositions {
        p.bytes = tok_bytes(&seg, &p.tokens);
        if p.attribution.is_none() {
            let own = seg
                .tokens
                .get(p.tokens.clone())
                .and_then(|toks| lx.hedge_of(toks));
            p.hedge = p.hedge.max(own);
        }
    }
    Extraction {
        doc,
        seg,
        attributions,
        propositions,
        contexts,
        warnings,
        issuer,
    }
}

/// The attribution of the same sentence (among `sentence`) that denies what accusation `i`
/// charges: "X described as lies Y's accusations that its forces shelled C", "X rejected Y's
/// claims that it shelled C" (a denial whose content holds the accusation's, its cue before the
/// accusation's). A pronoun opening the accusation's content stands for X, the accused.
fn accused_by_denier(
    raw: &[attrib::RawAttribution],
    sentence: std::ops::Range<usize>,
    i: usize,
) -> Option<usize> {
    let a = &raw[i];
    if a.cue_type != CueType::Accuse {
        return None;
    }
    sentence.filter(|&j| j != i).find(|&j| {
        let d = &raw[j];
        d.polarity == Polarity::Deny
            && d.cue.end <= a.cue.start
            && d.content.start <= a.content.start
            && a.content.end <= d.content.end
    })
}

/// A denial that names no content of its own ("Moscow rejected the accusation", "the YPG denied
/// it") answers the accusation just before it, in its sentence or the one before, that names the
/// denier: the accusation's statement (its generic key) is what it denies, so the checker sets
/// the two against each other. A denial that already yields a responsibility proposition (about
/// an attack) is left alone.
fn answer_accusations(
    seg: &Segmented,
    raw: &[attrib::RawAttribution],
    atts: &[Attribution],
    mentions: &[speaker::Mention],
    props: &mut Vec<Proposition>,
    lx: &Lexicon,
) {
    let toks = &seg.tokens;
    for (i, a) in raw.iter().enumerate() {
        // "dismissed his comments as hysteria": what is denied ends at "as" (or at a cue: "cast
        // doubt on the British findings saying C")
        let denied = a.content.start
            ..(a.content.clone())
                .find(|&k| {
                    toks[k].lower == "as"
                        || toks[k].lower == ","
                        || (k > a.content.start && lx.cue_forms.get(&toks[k].lower).is_some())
                })
                .unwrap_or(a.content.end);
        if a.cue_type != CueType::Deny || denied.len() > 6 {
            continue;
        }
        let head = denied
            .clone()
            .map(|k| toks[k].lower.as_str())
            .find(|w| !matches!(lx.fn_class(w), Some(FnClass::Det)) && *w != "any");
        // ... or its last ("the British findings", "Washington's accusations")
        let last = denied
            .clone()
            .rev()
            .map(|k| toks[k].lower.as_str())
            .find(|w| w.chars().any(char::is_alphanumeric));
        let anaphor = |w: &str| lx.deny_anaphors.contains(w) || lx.statement_anaphors.contains(w);
        if !head.is_some_and(anaphor) && !last.is_some_and(anaphor) {
            continue;
        }
        let own: Vec<usize> = (0..props.len())
            .filter(|&p| props[p].attribution == Some(i))
            .collect();
        if own
            .iter()
            .any(|&p| !matches!(props[p].kind, PropKind::Generic { .. }))
        {
            continue;
        }
        let deniers: Vec<&str> = atts[i]
            .speakers
            .iter()
            .filter_map(|sp| sp.party.as_deref())
            .collect();
        if deniers.is_empty() {
            continue;
        }
        // the nearest earlier accusation (or claim) of the same or the previous sentence whose
        // content names the denier before its own verb ("accused Russia of C", "said Russia C")
        let antecedent = (0..i)
            .rev()
            .take_while(|&j| raw[j].sentence + 1 >= a.sentence)
            .find(|&j| {
                let b = &raw[j];
                let by_other = atts[j]
                    .speakers
                    .iter()
                    .all(|sp| sp.party.as_deref().is_none_or(|p| !deniers.contains(&p)));
                let end = (b.content.start..b.content.end)
                    .find(|&k| {
                        matches!(toks[k].lower.as_str(), "of" | "for")
                            || lx.cue_forms.get(&toks[k].lower).is_some()
                    })
                    .unwrap_or(b.content.end)
                    .min(b.content.start + 8);
                let names_denier = speaker::best_alias(mentions, &(b.content.start..end))
                    .is_some_and(|m| deniers.contains(&lx.aliases[m.alias].party.as_str()));
                matches!(b.cue_type, CueType::Accuse | CueType::Assert) && by_other && names_denier
            });
        let charged = match antecedent {
            // what the accusation charged: the denier's deed ("accused Russia of war crimes in
            // Syria"), or else its statement
            Some(j) => props
                .iter()
                .find(|p| {
                    p.attribution == Some(j)
                        && matches!(&p.kind, PropKind::Responsibility { agent, .. }
                            if deniers.contains(&agent.as_str()))
                })
                .or_else(|| {
                    props.iter().find(|p| {
                        p.attribution == Some(j) && matches!(p.kind, PropKind::Generic { .. })
                    })
                })
                .map(|p| p.kind.clone()),
            // "cast doubt on the British findings": the owner's latest blame, a few sentences
            // back, is denied on the accused's behalf
            None => owner_blame(seg, raw, atts, mentions, props, i, &denied, &deniers, lx),
        };
        let Some(kind) = charged else { continue };
        for &p in &own {
            props[p].kind = kind.clone();
        }
        // a dismissal that said nothing readable of its own ("dismissing his comments as
        // hysteria") still denies what it answers
        if own.is_empty() && matches!(kind, PropKind::Responsibility { .. }) {
            let at = props
                .iter()
                .rposition(|p| p.sentence <= a.sentence)
                .map_or(0, |p| p + 1);
            props.insert(
                at,
                Proposition::new(a.sentence, Some(i), a.content.clone(), kind, false),
            );
        }
    }
}

/// Sentences back a denial of another party's named statement ("the British findings") looks
/// for that party's blame.
const OWNER_LOOKBACK_SENTENCES: usize = 4;

/// What a denial of a party's own statement denies ("cast doubt on the British findings",
/// "rejected Washington's accusations"): the latest responsibility that party's speakers laid,
/// in the few sentences before, on a party other than the denier's. `None` when the phrase
/// names no owner, or the owner is the denier.
#[allow(clippy::too_many_arguments)]
fn owner_blame(
    seg: &Segmented,
    raw: &[attrib::RawAttribution],
    atts: &[Attribution],
    mentions: &[speaker::Mention],
    props: &[Proposition],
    i: usize,
    denied: &std::ops::Range<usize>,
    deniers: &[&str],
    lx: &Lexicon,
) -> Option<PropKind> {
    // (a listed name, or a state's demonym: "the British findings")
    let toks = &seg.tokens;
    let demonym = || {
        denied.clone().find_map(|k| {
            let t = &toks[k];
            (t.cap && t.is_word())
                .then(|| lx.demonym_state(&t.lower))
                .flatten()
        })
    };
    let owner: String = speaker::best_alias(mentions, denied)
        .map(|m| lx.aliases[m.alias].party.clone())
        .or_else(demonym)?;
    let owner = owner.as_str();
    if deniers.contains(&owner) {
        return None;
    }
    let sentence = raw[i].sentence;
    (0..i)
        .rev()
        .take_while(|&j| raw[j].sentence + OWNER_LOOKBACK_SENTENCES >= sentence)
        .filter(|&j| {
            atts[j].cue_type != CueType::Deny
                && atts[j]
                    .speakers
                    .iter()
                    .any(|sp| sp.party.as_deref() == Some(owner))
        })
        .find_map(|j| {
            props.iter().find(|p| {
                p.attribution == Some(j)
                    && !p.negated
                    && matches!(&p.kind, PropKind::Responsibility { agent, .. }
                        if agent != owner && !deniers.contains(&agent.as_str()))
            })
        })
        .map(|p| p.kind.clone())
}

/// Days a dateline may differ from the given date (time zones, late editions).
const DATELINE_SLACK_DAYS: i32 = 1;

/// A warning when the document's own dateline gives another date than its metadata: weekday
/// phrases ("on Monday") are resolved against the metadata date, which is then likely wrong.
fn dateline_warning(doc: &Document, seg: &Segmented, lx: &Lexicon) -> Option<String> {
    let given = doc.date?;
    let own = time::dateline(&doc.text, &seg.tokens, lx)?;
    let days = (own - given).get_days().abs();
    (days > DATELINE_SLACK_DAYS).then(|| {
        format!(
            "the text is dated {own} but the document's date is {given}; weekday phrases are resolved against {given}"
        )
    })
}

/// An event at a named site struck, placed only by names no gazetteer knows ("the blast at
/// al-Ahli Arab Hospital", "the Pellin market"), lies in the place the report's other events name, when all the known
/// places they name lie on one chain ("Gaza City", "Gaza Strip"): its most specific one is added
/// after the names, so that another report's "al-Ahli Arab hospital in Gaza City" meets it. A
/// report that names places on two branches adds nothing.
fn locate_sites(props: &mut [Proposition], lx: &Lexicon) {
    let known = |p: &str| lx.places.place(&p.to_lowercase()).is_some();
    let mut home: Option<IStr> = None;
    for p in props.iter() {
        let Some(e) = p.kind.event() else { continue };
        for place in e.places.iter().filter(|x| known(x)) {
            if crate::places::is_root_place(place, lx) {
                continue;
            }
            match &home {
                None => home = Some(place.clone()),
                Some(h) if h == place => {}
                Some(h)
                    if crate::places::place_ancestors(h, lx)
                        .iter()
                        .any(|a| a == place) => {}
                Some(h)
                    if crate::places::place_ancestors(place, lx)
                        .iter()
                        .any(|a| a == h) =>
                {
                    home = Some(place.clone());
                }
                Some(_) => return,
            }
        }
    }
    let Some(home) = home else { return };
    for p in props.iter_mut() {
        let Some(e) = p.kind.event_mut() else {
            continue;
        };
        // only a named site struck (a hospital, a market): a village the gazetteer lacks may
        // lie anywhere around the report's town
        if e.target.is_some() && !e.places.is_empty() && e.places.iter().all(|x| !known(x)) {
            e.places.push(home.clone());
        }
    }
}
