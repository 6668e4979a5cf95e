//! `cause-disputed`: one party says an aircraft was shot down, another that it crashed by accident
//! ("rebels said they shot down the helicopter" against "state media said the helicopter crashed
//! because of a technical fault"). The words are those of `causes.tsv`.
//!
//! An aircraft's loss is rarely an event of its own in the graph (the claims are generic
//! statements), so the rule reads the claims' own words: a claim of each side names the loss, the
//! claims come from the same report or from reports published within a day of each other, and
//! nothing they name tells them apart (the kind of aircraft, the place).

use std::collections::BTreeSet;

use super::{Finding, FindingType, Severity, Side, list, parties_of};
use crate::extract::Extraction;
use crate::graph::{Claim, ClaimGraph, Stance};
use crate::lexicon::{CauseWord, FnClass, Lexicon};
use crate::model::{ByteRange, Commitment};

/// What a claim says of an aircraft's loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cause {
    /// Brought down by someone.
    Hostile,
    /// Crashed by accident.
    Accident,
}

/// One claim's reading: its cause, the phrase that says it, the aircraft kinds and places named.
struct Reading {
    claim: usize,
    cause: Cause,
    phrase: String,
    kinds: BTreeSet<String>,
    places: BTreeSet<String>,
}

pub(super) fn cause_disputed(g: &ClaimGraph, lx: &Lexicon) -> Vec<Finding> {
    let mut readings: Vec<Reading> = Vec::new();
    // one reading per statement and party (a statement may carry several propositions)
    let mut seen: BTreeSet<(usize, Option<usize>, usize, &str)> = BTreeSet::new();
    for (i, c) in g.claims.iter().enumerate() {
        if !c.resolved || c.stance != Stance::Assert || c.commitment == Commitment::Possible {
            continue;
        }
        let p = g.prop(c);
        if p.negated {
            continue;
        }
        let at = if c.attribution.is_some() {
            0
        } else {
            p.bytes.start
        };
        if !seen.insert((c.doc, c.attribution, at, c.party.as_str())) {
            continue;
        }
        if let Some(r) = read(&g.docs[c.doc], lx, i, c) {
            readings.push(r);
        }
    }
    // every hostile reading against every accident reading it can be about; the pairs that
    // share a reading make one finding (one loss, told several ways)
    let mut parent: Vec<usize> = (0..readings.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut paired = vec![false; readings.len()];
    for (i, a) in readings.iter().enumerate() {
        if a.cause != Cause::Hostile {
            continue;
        }
        for (j, b) in readings.iter().enumerate() {
            if b.cause != Cause::Accident {
                continue;
            }
            let (ca, cb) = (&g.claims[a.claim], &g.claims[b.claim]);
            if ca.party == cb.party || !same_time(g, ca, cb) || !same_aircraft(lx, a, b) {
                continue;
            }
            paired[i] = true;
            paired[j] = true;
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in (0..readings.len()).filter(|&i| paired[i]) {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        let of = |cause: Cause| -> Vec<&Reading> {
            members
                .iter()
                .map(|&i| &readings[i])
                .filter(|r| r.cause == cause)
                .collect()
        };
        let (hostile, accident) = (of(Cause::Hostile), of(Cause::Accident));
        let aircraft = members
            .iter()
            .flat_map(|&i| &readings[i].kinds)
            .find(|k| *k != "any")
            .map_or("aircraft", String::as_str);
        let side = |rs: &[&Reading], role: &str| {
            let claims: Vec<usize> = rs.iter().map(|r| r.claim).collect();
            Side {
                role: role.to_string(),
                parties: parties_of(g, &claims),
                claims,
            }
        };
        let phrases = |rs: &[&Reading]| -> String {
            let set: BTreeSet<&str> = rs.iter().map(|r| r.phrase.as_str()).collect();
            set.into_iter()
                .map(|p| format!("“{p}”"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let sides = vec![
            side(&hostile, "says it was shot down"),
            side(&accident, "says it crashed by accident"),
        ];
        let explanation = format!(
            "According to {}, the {aircraft} was brought down ({}); according to {}, it crashed by accident ({}). An aircraft brought down by fire did not crash by accident, so both cannot be true.",
            list(&sides[0].parties),
            phrases(&hostile),
            list(&sides[1].parties),
            phrases(&accident),
        );
        out.push(Finding {
            severity: Severity::default(),
            ty: FindingType::ResponsibilityDispute,
            rule: "cause-disputed",
            subject: format!("loss of a {aircraft}"),
            event: None,
            sides,
            explanation,
        });
    }
    out
}

/// The claim's words, read for a cause: hostile with an aircraft named, or an accident with the
/// crash named; neither when it holds both, or when the cause is only asked about or possible
/// ("unclear whether it was shot down", "may have been shot down").
/// Whether claim `c` of document `x` is read as a cause of an aircraft's loss (shot down, or
/// crashed by accident): what [`cause_disputed`] pairs. For [`crate::decompose`].
pub(crate) fn has_reading(x: &Extraction, c: &Claim, lx: &Lexicon) -> bool {
    let p = &x.propositions[c.prop];
    c.resolved
        && c.stance == Stance::Assert
        && c.commitment != Commitment::Possible
        && !p.negated
        && read(x, lx, 0, c).is_some()
}

fn read(x: &Extraction, lx: &Lexicon, i: usize, c: &Claim) -> Option<Reading> {
    let text = &x.doc.text;
    let ranges = statement_ranges(x, c);
    let mut hostile: Option<String> = None;
    let mut accident: Option<String> = None;
    let mut crash = false;
    let mut doubt = false;
    let mut kinds = BTreeSet::new();
    let mut places = BTreeSet::new();
    for r in ranges {
        let Some(s) = text.get(r) else { continue };
        let words = words_of(s);
        let mut k = 0;
        while k < words.len() {
            if let Some((n, pl)) = lx.places.longest_at(&words, k) {
                places.insert(pl.canonical.clone());
                k += n;
                continue;
            }
            let Some((n, w)) = lx.causes.longest_at(&words, k) else {
                let w = words[k].as_str();
                if lx.interrogatives.contains(w) || lx.hedges.get(w) == Some(&Commitment::Possible)
                {
                    doubt = true;
                }
                k += 1;
                continue;
            };
            let phrase = words[k..k + n].join(" ");
            match w {
                CauseWord::Hostile { verb_only } => {
                    let after_det = k > 0
                        && matches!(lx.function.get(words[k - 1].as_str()), Some(FnClass::Det));
                    if !(*verb_only && after_det) {
                        if doubt {
                            return None;
                        }
                        hostile.get_or_insert(phrase);
                    }
                }
                CauseWord::Accident => {
                    if doubt {
                        return None;
                    }
                    accident.get_or_insert(phrase);
                }
                CauseWord::Crash => crash = true,
                CauseWord::Aircraft(kind) => {
                    kinds.insert(kind.clone());
                }
            }
            k += n;
        }
    }
    let (cause, phrase) = match (hostile, accident) {
        (Some(h), None) if !kinds.is_empty() => (Cause::Hostile, h),
        (None, Some(a)) if crash => (Cause::Accident, a),
        _ => return None,
    };
    Some(Reading {
        claim: i,
        cause,
        phrase,
        kinds,
        places,
    })
}

/// The byte ranges of what the claim states: its attribution's content, less any attribution
/// nested in it ("state media said C1 while the rebels said C2": C2 is the rebels' claim, not
/// state media's); a statement in the report's own voice is its proposition's evidence.
fn statement_ranges(x: &Extraction, c: &Claim) -> Vec<ByteRange> {
    let Some(a) = c.attribution.and_then(|a| x.attributions.get(a)) else {
        return vec![x.propositions[c.prop].bytes.clone()];
    };
    a.content_parts()
        .into_iter()
        .map(|part| {
            // the content ends where a nested attribution's source or cue begins
            let end = x
                .attributions
                .iter()
                .filter(|b| !std::ptr::eq(*b, a))
                .map(|b| {
                    b.source
                        .as_ref()
                        .map_or(b.cue.start, |s| s.start.min(b.cue.start))
                })
                .filter(|&s| s > part.start && s < part.end)
                .min()
                .unwrap_or(part.end);
            part.start..end
        })
        .collect()
}

/// Lower-case words: letters, digits and inner hyphens.
fn words_of(s: &str) -> Vec<String> {
    s.split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
        .map(|w| w.trim_matches('-').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The same report, or reports published within a day of each other.
fn same_time(g: &ClaimGraph, a: &Claim, b: &Claim) -> bool {
    if a.doc == b.doc {
        return true;
    }
    match (g.docs[a.doc].doc.date, g.docs[b.doc].doc.date) {
        (Some(x), Some(y)) => x
            .until(y)
            .is_ok_and(|span| span.get_days().abs() <= 1 && span.get_months() == 0),
        _ => false,
    }
}

/// Nothing named tells the aircraft apart: no two different kinds ("helicopter", "drone"), no
/// two places that cannot be one location.
fn same_aircraft(lx: &Lexicon, a: &Reading, b: &Reading) -> bool {
    let specific = |r: &Reading| -> BTreeSet<String> {
        r.kinds.iter().filter(|k| *k != "any").cloned().collect()
    };
    let (ka, kb) = (specific(a), specific(b));
    if !ka.is_empty() && !kb.is_empty() && ka.is_disjoint(&kb) {
        return false;
    }
    a.places.is_empty()
        || b.places.is_empty()
        || a.places.iter().any(|x| {
            b.places
                .iter()
                .any(|y| crate::places::places_compatible(x, y, lx))
        })
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const SHOT: Report = (
        "Wire A",
        "2019-06-08",
        "A rebel spokesman said rebels shot down an army helicopter near Kafr Tala in Syria on Friday.",
    );
    const FAULT: Report = (
        "Wire B",
        "2019-06-08",
        "The Syrian army said the helicopter crashed near Kafr Tala in Syria on Friday because of a technical fault.",
    );

    #[test]
    fn fires_on_shot_down_against_a_technical_fault() {
        let f = fired("cause-disputed", &[SHOT, FAULT]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].subject, "loss of a helicopter");
        assert_eq!(f[0].sides[0].parties, ["rebels"]);
        assert_eq!(f[0].sides[1].parties, ["Syrian government"]);
    }

    #[test]
    fn fires_within_one_sentence_of_two_speakers() {
        let one = (
            "Wire C",
            "2019-06-08",
            "The Syrian army said the crash was caused by an engine failure while the rebels said they had shot down the plane.",
        );
        let f = fired("cause-disputed", &[one]);
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn a_crash_with_no_cause_does_not_fire() {
        let crashed = (
            "Wire B",
            "2019-06-08",
            "The Syrian army said the helicopter crashed near Kafr Tala in Syria on Friday.",
        );
        assert!(fired("cause-disputed", &[SHOT, crashed]).is_empty());
    }

    #[test]
    fn an_open_question_does_not_fire() {
        let unclear = (
            "Wire A",
            "2019-06-08",
            "A rebel spokesman said it was not clear whether the helicopter was shot down near Kafr Tala in Syria on Friday.",
        );
        assert!(fired("cause-disputed", &[unclear, FAULT]).is_empty());
    }

    #[test]
    fn different_aircraft_or_days_do_not_fire() {
        let drone = (
            "Wire A",
            "2019-06-08",
            "A rebel spokesman said rebels shot down an army drone near Kafr Tala in Syria on Friday.",
        );
        assert!(fired("cause-disputed", &[drone, FAULT]).is_empty());
        let later = (
            "Wire B",
            "2019-06-20",
            "The Syrian army said a helicopter crashed near Kafr Tala on Wednesday because of a technical fault.",
        );
        assert!(fired("cause-disputed", &[SHOT, later]).is_empty());
    }

    #[test]
    fn the_same_party_does_not_dispute_itself() {
        let both = (
            "Wire B",
            "2019-06-08",
            "A rebel spokesman said the helicopter crashed near Kafr Tala in Syria on Friday because of a technical fault.",
        );
        assert!(fired("cause-disputed", &[SHOT, both]).is_empty());
    }
}
