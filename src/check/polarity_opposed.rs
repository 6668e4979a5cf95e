//! `polarity-opposed`: one party asserts what another party denies.

use std::collections::BTreeSet;

use super::common::{StatementPair, assertion_denial_pairs, generic_claims};
use super::{Finding, FindingType, claim_pair};
use crate::graph::ClaimGraph;

pub(super) fn polarity(g: &ClaimGraph, prior: &[Finding]) -> Vec<Finding> {
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
    for StatementPair {
        ia,
        a,
        ka,
        ib,
        b,
        sim,
    } in assertion_denial_pairs(g, &generic)
    {
        // each denial is paired once with each asserting party (the first assertion)
        if a.party == b.party || !paired.insert((ib, a.party.as_str())) {
            continue;
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
    }
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
    fn a_denial_of_another_statement_does_not_fire() {
        let f = fired("polarity-opposed", &[SHUT, OTHER]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
