//! `presence-disputed`: one party says a party's forces fight in the war (or are in a place)
//! and another denies it ("units of the Rwanda Defence Force fought alongside the M23" against
//! "there were no RDF soldiers in Sake").

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, FindingType, Side};
use crate::extract::PropKind;
use crate::graph::{ClaimGraph, Stance};
use crate::places::places_compatible;

/// How many days apart two reports may be and still speak of one deployment: a presence is a
/// state that lasts, but a denial answers what was said around its time.
pub const PRESENCE_WINDOW_DAYS: i64 = 31;

/// A presence claim: its claim index, the forces' place (if said) and the report's date.
struct P<'g> {
    claim: usize,
    place: Option<&'g str>,
    day: Option<jiff::civil::Date>,
}

pub(super) fn presence(g: &ClaimGraph, lx: &crate::lexicon::Lexicon) -> Vec<Finding> {
    // the forces' party -> (asserting claims, denying claims)
    let mut by_party: BTreeMap<&str, (Vec<P>, Vec<P>)> = BTreeMap::new();
    for (c, claim) in g.claims.iter().enumerate() {
        if !claim.resolved {
            continue;
        }
        let PropKind::Presence { party, place, .. } = &g.prop(claim).kind else {
            continue;
        };
        // a party no list knows ("the militia") tells too little to set two claims against
        if !g.known_parties.contains(party.as_str()) {
            continue;
        }
        let p = P {
            claim: c,
            place: place.as_deref(),
            day: g.docs[claim.doc].doc.date,
        };
        let entry = by_party.entry(party.as_str()).or_default();
        match claim.stance {
            Stance::Assert | Stance::Accuse => entry.0.push(p),
            Stance::Deny => entry.1.push(p),
        }
    }
    let meet = |a: &P, d: &P| {
        let places = match (a.place, d.place) {
            (Some(x), Some(y)) => x == y || places_compatible(x, y, lx),
            _ => true,
        };
        let days = match (a.day, d.day) {
            (Some(x), Some(y)) => (x - y)
                .get_days()
                .checked_abs()
                .is_some_and(|n| i64::from(n) <= PRESENCE_WINDOW_DAYS),
            _ => true,
        };
        places && days
    };
    let mut out = Vec::new();
    for (forces, (asserts, denies)) in &by_party {
        // one finding per asserting and denying party: its first pair, with every claim of
        // each side that meets the other side's first
        let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
        for a in asserts {
            for d in denies {
                let (ca, cd) = (&g.claims[a.claim], &g.claims[d.claim]);
                if ca.party == cd.party || !meet(a, d) {
                    continue;
                }
                if !seen.insert((ca.party.as_str(), cd.party.as_str())) {
                    continue;
                }
                let same = |list: &[P], party: &str, other: &P| -> Vec<usize> {
                    list.iter()
                        .filter(|x| g.claims[x.claim].party == party && meet(x, other))
                        .map(|x| x.claim)
                        .collect()
                };
                let where_ = match a.place.or(d.place) {
                    Some(p) => format!(" in {p}"),
                    None => String::new(),
                };
                let said = match a.place {
                    Some(p) => format!("are in {p}"),
                    None => "fight in the war".to_string(),
                };
                let denied = match (a.place, d.place) {
                    (None, Some(p)) => format!("says there are none in {p}"),
                    _ => "denies it".to_string(),
                };
                out.push(Finding {
                    severity: Default::default(),
                    ty: FindingType::PresenceDispute,
                    rule: "presence-disputed",
                    subject: format!("{forces} forces{where_}"),
                    event: None,
                    sides: vec![
                        Side {
                            role: format!("{forces} forces present"),
                            parties: vec![ca.party.to_string()],
                            claims: same(asserts, &ca.party, d),
                        },
                        Side {
                            role: "denies it".to_string(),
                            parties: vec![cd.party.to_string()],
                            claims: same(denies, &cd.party, a),
                        },
                    ],
                    explanation: format!(
                        "{} says {forces}'s forces {said}; {} {denied}: a party's forces cannot both be there and not.",
                        ca.party, cd.party
                    ),
                });
            }
        }
    }
    // in the order of the claims paired, which holds across any split of the documents (see
    // `crate::decompose`)
    out.sort_by_key(|f| {
        (
            f.sides[0].claims.first().copied(),
            f.sides[1].claims.first().copied(),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{fired, run};
    use crate::graph::GraphOptions;

    #[test]
    fn a_party_placing_anothers_forces_in_the_war_against_its_denial() {
        let fs = fired(
            "presence-disputed",
            &[
                (
                    "army",
                    "2024-03-12",
                    "A FARDC spokesman said that units of the Rwanda Defence Force (RDF) fought alongside the M23 at Sake.",
                ),
                (
                    "kigali",
                    "2024-03-13",
                    "A Rwandan government spokesperson said there were no RDF soldiers in Sake.",
                ),
            ],
        );
        assert_eq!(fs.len(), 1, "{fs:?}");
        assert_eq!(fs[0].sides[0].parties, ["DR Congo"]);
        assert_eq!(fs[0].sides[1].parties, ["Rwanda"]);
    }

    #[test]
    fn presence_in_another_place_or_another_year_is_no_dispute() {
        let (g, fs) = run(
            &[
                (
                    "a",
                    "2024-03-12",
                    "The Ukrainian army said Russian troops were deployed in Kherson.",
                ),
                (
                    "b",
                    "2024-03-13",
                    "The Kremlin said Russian troops are not deployed in Kharkiv.",
                ),
                (
                    "c",
                    "2022-01-13",
                    "The Kremlin said there are no Russian troops in Kherson.",
                ),
                (
                    "d",
                    "2024-03-14",
                    "The Kremlin said Russian troops are not deployed in Kherson.",
                ),
            ],
            GraphOptions::default(),
        );
        let fs: Vec<_> = fs
            .into_iter()
            .filter(|f| f.rule == "presence-disputed")
            .collect();
        // only the denial of the same place in the same month answers the claim
        assert_eq!(fs.len(), 1, "{fs:?}");
        let docs: Vec<&str> = fs[0]
            .sides
            .iter()
            .flat_map(|s| &s.claims)
            .map(|&c| g.docs[g.claims[c].doc].doc.id.as_str())
            .collect();
        assert_eq!(docs, ["r1", "r4"]);
    }
}
