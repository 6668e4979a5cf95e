//! `polarity-opposed`: one party asserts what another party denies.

use std::collections::BTreeSet;

use super::common::{StatementPair, for_each_statement_pair, generic_claims};
use super::{Finding, FindingType, claim_pair};
use crate::graph::ClaimGraph;

pub(super) fn polarity(
    g: &ClaimGraph,
    prior: &[Finding],
    lx: &crate::lexicon::Lexicon,
) -> Vec<Finding> {
    let covered_atts: BTreeSet<(usize, Option<usize>)> = prior
        .iter()
        .flat_map(|f| f.sides.iter().flat_map(|s| s.claims.iter().copied()))
        .map(|c| (g.claims[c].doc, g.claims[c].attribution))
        .collect();
    // both sides known parties: a denial by "killed" or "the source" is no party's stance
    let generic: Vec<_> = generic_claims(g, 3)
        .into_iter()
        .filter(|(_, c, _)| !covered_atts.contains(&(c.doc, c.attribution)))
        .collect();
    let mut out = Vec::new();
    let mut paired: BTreeSet<(usize, &str)> = BTreeSet::new();
    for_each_statement_pair(
        g,
        &generic,
        |StatementPair {
             ia,
             a,
             ka,
             ib,
             b,
             sim,
         }| {
            // each denial is paired once with each asserting party (the first assertion)
            if a.party == b.party || !paired.insert((ib, a.party.as_str())) {
                return;
            }
            // a denial of a deed ("denied its jets were involved in the strike in which 20 were
            // killed") answers who did it, which the responsibility rules weigh; the words it
            // shares with a report of the strike are no statement it denies
            if let Some(att) = b.attribution {
                let asserts_deed = a
                    .attribution
                    .is_some_and(|aa| super::common::names_a_deed(g, a.doc, aa, None, lx));
                if !asserts_deed && super::common::names_a_deed(g, b.doc, att, None, lx) {
                    return;
                }
            }
            out.push(claim_pair(
                (FindingType::PolarityConflict, "polarity-opposed"),
                ka.join(" "),
                ("asserts", a, ia),
                ("denies", b, ib),
                format!(
                    "{} asserts and {} denies the same statement (content-word overlap {:.0}%).",
                    a.party,
                    b.party,
                    sim * 100.0
                ),
            ));
        },
    );
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const SHUT: Report = (
        "Wire A",
        "2019-07-01",
        "The Syrian army said the water station in Beit Saroun had been shut for a week.",
    );
    const DENIED: Report = (
        "Wire B",
        "2019-07-01",
        "Turkish officials denied that the water station in Beit Saroun had been shut for a week.",
    );
    const OTHER: Report = (
        "Wire B",
        "2019-07-01",
        "Turkish officials denied that their drones flew over Tel Varesh on Monday.",
    );

    #[test]
    fn fires_when_another_party_denies_the_statement() {
        let f = fired("polarity-opposed", &[SHUT, DENIED]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].sides[0].parties, ["Syrian government"]);
        assert_eq!(f[0].sides[1].parties, ["Turkey"]);
    }

    #[test]
    fn a_denial_of_a_deed_is_no_denial_of_the_toll_it_recalls() {
        let toll: Report = (
            "Wire A",
            "2019-07-01",
            "The Syrian Observatory for Human Rights said 20 people were killed in the air strike on the Beit Saroun market.",
        );
        let denial: Report = (
            "Wire B",
            "2019-07-01",
            "Turkish officials denied their drones or those of their allies were involved in the air strike on the Beit Saroun market in which 20 people were killed.",
        );
        let f = fired("polarity-opposed", &[toll, denial]);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn a_denial_of_another_statement_does_not_fire() {
        let f = fired("polarity-opposed", &[SHUT, OTHER]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
