//! Figure disputes: a claim that calls a casualty figure wrong without giving one of its own
//! ("disputed this figure", "rejected the figure of 471 as inflated", "dismissed the toll as
//! exaggerated", "said the numbers were fabricated", "questioned the toll").
//!
//! Such a claim is read as a denial of a casualty proposition: the figure it names, or else the
//! nearest figure before it in its report (in its sentence or the three before) that another
//! speaker gives. The proposition is the figure's own (its count, measure, victims and event),
//! and the claim's stance toward it is `deny`, so the `casualty-disputed` rule can set the
//! disputing party against every party that gives that figure, in any report. A dispute that
//! names no figure and follows none is left as the generic claim it was. A caveat is no dispute:
//! "the toll could not be independently verified" calls nothing wrong.

use std::ops::Range;

use crate::lexicon::FnClass;
use crate::model::{Interval, Polarity};
use crate::segment::{TokKind, span_text};

use super::Attribution;
use super::propose::{EventRef, PropInput, PropKind, Proposition, Region, np_after};
use super::quantity::parse_quantity;

/// How a claim's cue bears on a figure named as its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureCue {
    /// The cue cannot dispute: a negated cue ("did not dispute the toll"), a continued
    /// quotation, a report's own voice, a cue of perception or announcement.
    #[default]
    None,
    /// The cue disputes its object: a cue that denies ("disputed", "rejected", "dismissed ...
    /// as") or one with the `figure` frame of `cues.tsv` ("questioned the toll").
    Disputes,
    /// The cue asserts: its content disputes a figure only by calling it wrong ("said the
    /// numbers were fabricated", "called the figures inflated", "described the toll as
    /// exaggerated").
    Asserts,
}

/// Most words before a figure noun in its phrase ("the health ministry's casualty figures").
const FIGURE_HEAD_WORDS: usize = 5;

/// How many sentences before a dispute the figure it points at may stand.
const FIGURE_BACK_SENTENCES: usize = 3;

/// Most words between a figure phrase and the word that calls it wrong ("were grossly
/// inflated", "as a gross exaggeration" is not read).
const WRONG_REACH: usize = 4;

/// A noun phrase naming a figure: "this figure", "the death toll", "the figure of 471", "the
/// casualty figures given by the ministry", "the toll from Thursday's strike".
struct FigurePhrase {
    /// The first token after the phrase.
    end: usize,
    /// The measure its words name ("death toll": killed; "the toll of 471 wounded"), if any.
    measure: Option<String>,
    /// Several figures ("the figures", "the numbers").
    plural: bool,
    /// The count it names ("the figure of 471") and its tokens.
    count: Option<(Interval, Range<usize>)>,
    /// Who gives the figure, as its phrase names them: "given by the ministry", "the
    /// ministry's figures".
    giver: Option<Range<usize>>,
}

/// The figure phrase opening `lo..hi`, if one does.
fn figure_phrase(inp: &PropInput, lo: usize, hi: usize) -> Option<FigurePhrase> {
    let toks = &inp.seg.tokens;
    let lx = inp.lx;
    // the head within the first few words; what stands before it modifies it ("this", "the
    // ministry's", "casualty"), and a preposition, a clause word, a verb or a number before it
    // means the content is something else ("the report on the figures")
    let mut k = lo;
    let mut giver = None;
    let (head, n, toll) = loop {
        if k >= hi || k >= lo + FIGURE_HEAD_WORDS {
            return None;
        }
        if let Some((n, _)) = lx.toll_nouns.longest_in(toks, k, hi) {
            break (k, n, true);
        }
        if let Some((n, _)) = lx.figure_nouns.longest_in(toks, k, hi) {
            break (k, n, false);
        }
        let t = &toks[k];
        let modifier = t.kind == TokKind::Word
            && !matches!(
                lx.fn_class_of(t),
                Some(
                    FnClass::Prep
                        | FnClass::Sub
                        | FnClass::Conj
                        | FnClass::Aux
                        | FnClass::ClauseConj
                )
            )
            && !lx.be_forms.contains(&t.lower)
            && lx.cue_forms.get(&t.lower).is_none()
            && lx
                .casualties
                .get(&t.lower)
                .is_none_or(|m| m.starts_with('@'));
        // "the ministry's casualty figures": the words before the possessive give them
        let possessive = super::discover::is_possessive(t);
        if !modifier && !possessive {
            return None;
        }
        if possessive && k > lo {
            giver = Some(lo..k);
        }
        k += 1;
    };
    let mut measure = toll.then(|| "killed".to_string());
    let plural = toks[head + n - 1].lower.ends_with('s');
    let mut j = head + n;
    let mut count = None;
    // "the figure of 471", "a toll of 471 dead", "the figure of 471 people killed"
    if j + 1 < hi && toks[j].lower == "of" {
        if let Some(q) = parse_quantity(toks, j + 1, hi, lx) {
            count = Some((q.interval, q.tokens.clone()));
            j = q.tokens.end;
            for _ in 0..2 {
                if j >= hi {
                    break;
                }
                if let Some((m, w)) = lx
                    .casualties
                    .longest_in(toks, j, hi)
                    .filter(|(_, w)| !w.starts_with('@'))
                {
                    measure = Some(w.clone());
                    j += m;
                } else if lx.generic_victims.contains(&toks[j].lower) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
    }
    loop {
        if j >= hi {
            break;
        }
        let w = toks[j].lower.as_str();
        // "given by the ministry", "released by Hamas": who gave the figure
        if j + 1 < hi
            && toks[j + 1].lower == "by"
            && toks[j].kind == TokKind::Word
            && (w.ends_with("ed") || w.ends_with("en"))
        {
            let e = np_after(inp, j + 2, hi).max(j + 2);
            giver = Some(j + 2..e);
            j = e;
            continue;
        }
        // "the toll from Thursday's strike", "the figures for the attack on the market": what it
        // counts; after a noun that is not a toll's ("the figures on unemployment") the phrase
        // must name an attack or a casualty
        if matches!(w, "of" | "from" | "for" | "in" | "on" | "at") {
            let e = np_after(inp, j + 1, hi).max(j + 1);
            let names_event = (j + 1..e).any(|x| {
                lx.frames.longest_in(toks, x, e).is_some()
                    || lx.casualties.longest_in(toks, x, e).is_some()
            });
            if !(toll || names_event) {
                return None;
            }
            j = e;
            continue;
        }
        break;
    }
    Some(FigurePhrase {
        end: j,
        measure,
        plural,
        count,
        giver,
    })
}

/// The end of a word that calls a figure wrong at `j` ("were grossly inflated", "as
/// exaggerated", "a fabrication"), past forms of "to be", "as", determiners and adverbs; `None`
/// when none stands there or a negation comes first ("were not inflated").
fn calls_wrong(inp: &PropInput, mut j: usize, hi: usize) -> Option<usize> {
    let toks = &inp.seg.tokens;
    let lx = inp.lx;
    let stop = hi.min(j + WRONG_REACH + 1);
    while j < stop {
        if let Some((n, _)) = lx.figure_wrong.longest_in(toks, j, hi) {
            return Some(j + n);
        }
        let t = &toks[j];
        if lx.falsity.contains(&t.lower) {
            return Some(j + 1);
        }
        let filler = lx.be_forms.contains(&t.lower)
            || t.lower == "as"
            // a scare quote: 'was "inflated"'
            || matches!(t.kind, TokKind::OpenQuote | TokKind::CloseQuote)
            || matches!(lx.fn_class_of(t), Some(FnClass::Det))
            || lx.is_ly_adverb(t)
            || matches!(lx.fn_class_of(t), Some(FnClass::Aux));
        if !filler || lx.has(crate::lexicon::WordList::Negation, t) {
            return None;
        }
        j += 1;
    }
    None
}

/// The figure disputes of region `r` (see the module documentation), added to `own`, its other
/// propositions; `earlier` holds the document's propositions before it and `atts` its
/// attributions. A figure the claim itself reads ("said the toll of 471 was inflated") is
/// turned into the denial instead.
pub fn figure_disputes(
    inp: &PropInput,
    r: &Region,
    context: &EventRef,
    earlier: &[Proposition],
    own: &mut Vec<Proposition>,
    atts: &[Attribution],
) {
    if r.figure_cue == FigureCue::None || r.attribution.is_none() || r.speakers.is_empty() {
        return;
    }
    let toks = &inp.seg.tokens;
    let range = r.tokens.clone();
    let Some(fp) = figure_phrase(inp, range.start, range.end) else {
        return;
    };
    // what follows the phrase: for a cue that disputes, nothing but an "as" complement ("dismissed
    // the toll as exaggerated"; "denied the figures were inflated" defends them); for one that
    // asserts, a word calling it wrong
    let end = match r.figure_cue {
        FigureCue::Disputes => {
            let j = fp.end;
            if j == range.end || matches!(toks[j].lower.as_str(), "," | ";") {
                j
            } else if toks[j].lower == "as" {
                range.end
            } else {
                return;
            }
        }
        FigureCue::Asserts => match calls_wrong(inp, fp.end, range.end) {
            Some(e) => e,
            None => return,
        },
        FigureCue::None => return,
    };
    // the claim's stance toward the figure is a denial: a cue that denies gives it; otherwise
    // the figure is negated ("said the numbers were fabricated", "questioned the toll")
    let negated = r.polarity != Polarity::Deny;
    // a figure the claim reads itself ("the toll of 471"): that one is denied
    let mut read = false;
    for p in own.iter_mut() {
        if matches!(p.kind, PropKind::Casualty { .. }) && p.tokens.start < fp.end {
            p.negated = negated;
            read = true;
        }
    }
    if read
        || own
            .iter()
            .any(|p| !matches!(p.kind, PropKind::Generic { .. }))
    {
        return;
    }
    let labels: Vec<&str> = r.speakers.iter().map(|s| s.label()).collect();
    // the figure pointed at: the nearest one before, of another speaker that asserts it
    let first = r.sentence.saturating_sub(FIGURE_BACK_SENTENCES);
    let fits = |p: &Proposition| {
        let PropKind::Casualty {
            count,
            measure,
            cumulative: false,
            superseded: false,
            previous: None,
            ..
        } = &p.kind
        else {
            return false;
        };
        let before =
            p.sentence >= first && (p.sentence < r.sentence || p.tokens.end <= range.start);
        let by_other = p.attribution.is_none_or(|ai| {
            atts[ai].polarity == Polarity::Assert
                && atts[ai]
                    .speakers
                    .iter()
                    .all(|sp| !labels.contains(&sp.label()))
        });
        before
            && by_other
            && !p.negated
            && fp.measure.as_ref().is_none_or(|m| m == measure)
            && fp.count.as_ref().is_none_or(|(c, _)| c.overlaps(count))
    };
    let candidates: Vec<&Proposition> = earlier.iter().filter(|p| fits(p)).collect();
    let pointed: Vec<PropKind> = match candidates.last() {
        Some(last) => {
            // the figures of the nearest claim: all of them for "the figures", else its death
            // toll (or its first figure)
            let group: Vec<&&Proposition> = candidates
                .iter()
                .filter(|p| p.sentence == last.sentence && p.attribution == last.attribution)
                .collect();
            if fp.plural {
                group.iter().map(|p| p.kind.clone()).collect()
            } else {
                group
                    .iter()
                    .find(|p| matches!(&p.kind, PropKind::Casualty { measure, .. } if measure == "killed"))
                    .or(group.first())
                    .map(|p| vec![p.kind.clone()])
                    .unwrap_or_default()
            }
        }
        // a figure named and given nowhere before: the claim's own words and its context
        None => match &fp.count {
            Some((interval, tokens)) => {
                let mut event = inp.local_event(range.clone());
                event.fill_from(context);
                if event.frame.is_none() {
                    return;
                }
                vec![PropKind::Casualty {
                    count: *interval,
                    count_text: span_text(&inp.doc.text, toks, tokens.clone()).into(),
                    cumulative: false,
                    superseded: false,
                    previous: None,
                    aggregate: false,
                    given_by: None,
                    measure: fp.measure.as_deref().unwrap_or("killed").into(),
                    victims: "people".into(),
                    event: Box::new(event),
                }]
            }
            // "disputed the casualty figures given by the Observatory": every figure the
            // giver gives for the event (a giver that names a party)
            None => {
                let Some(giver) = fp.giver.as_ref().and_then(|g| giver_party(inp, g)) else {
                    return;
                };
                let mut event = inp.local_event(range.clone());
                event.fill_from(context);
                if event.frame.is_none() {
                    return;
                }
                let phrase = range.start..fp.end;
                vec![PropKind::Casualty {
                    count: Interval { lo: 0, hi: None },
                    count_text: span_text(&inp.doc.text, toks, phrase).into(),
                    cumulative: false,
                    superseded: false,
                    previous: None,
                    aggregate: false,
                    given_by: Some(giver.into()),
                    measure: fp.measure.as_deref().unwrap_or("killed").into(),
                    victims: "people".into(),
                    event: Box::new(event),
                }]
            }
        },
    };
    let at = own
        .iter()
        .position(|p| matches!(p.kind, PropKind::Generic { .. }))
        .unwrap_or(own.len());
    for (n, kind) in pointed.into_iter().enumerate() {
        own.insert(
            at + n,
            Proposition::new(r.sentence, r.attribution, range.start..end, kind, negated),
        );
    }
}

/// The party a figure's giver phrase names by an alias ("the Syrian Observatory for Human
/// Rights", "Hamas"); `None` for one that names no listed party ("the ministry").
fn giver_party(inp: &PropInput, giver: &Range<usize>) -> Option<String> {
    inp.mentions
        .iter()
        .find(|m| m.tokens.start >= giver.start && m.tokens.end <= giver.end)
        .map(|m| inp.lx.aliases[m.alias].party.clone())
}
