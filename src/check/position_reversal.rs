//! `position-reversal`: the same party asserts a statement in one report and denies it in another.

use std::collections::BTreeSet;

use super::common::{StatementPair, assertion_denial_pairs, generic_claims};
use super::{Finding, FindingType, claim_pair};
use crate::graph::{Claim, ClaimGraph};

/// The same party asserts a statement in one report and denies it in another: a change of
/// position (or a misreport). The explanation tells which came first when both reports are dated.
pub(super) fn reversal(g: &ClaimGraph) -> Vec<Finding> {
    let generic = generic_claims(g, 3);
    let mut out = Vec::new();
    let mut paired: BTreeSet<(usize, usize)> = BTreeSet::new();
    for StatementPair {
        ia,
        a,
        ka,
        ib,
        b,
        sim,
    } in assertion_denial_pairs(g, &generic)
    {
        // one finding per pair of reports
        if a.party != b.party
            || a.doc == b.doc
            || !paired.insert((a.doc.min(b.doc), a.doc.max(b.doc)))
        {
            continue;
        }
        let (da, db) = (g.docs[a.doc].doc.date, g.docs[b.doc].doc.date);
        let order = match (da, db) {
            (Some(x), Some(y)) if x < y => "then, later, denies it",
            (Some(x), Some(y)) if x > y => "after having denied it earlier",
            _ => "and denies it",
        };
        out.push(claim_pair(
            (FindingType::PositionReversal, "position-reversal"),
            ka.join(" "),
            ("asserts", a, ia),
            ("denies", b, ib),
            format!(
                "{} asserts the statement in {} {order} in {} (content-word overlap {:.0}%): a change of position, or one report misquotes it.",
                a.party,
                report_when(g, a),
                report_when(g, b),
                sim * 100.0
            ),
        ));
    }
    out
}

/// "Report `doc` of DATE" (or without the date when the report has none).
fn report_when(g: &ClaimGraph, c: &Claim) -> String {
    let d = &g.docs[c.doc].doc;
    match d.date {
        Some(date) => format!("{} ({date})", d.id),
        None => d.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testutil::{Report, fired};

    const SAID: Report = (
        "Wire A",
        "2019-04-03",
        "The Russian defence ministry said its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );
    const DENIED: Report = (
        "Wire B",
        "2019-04-06",
        "The Russian defence ministry denied that its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );
    const OTHER_DENIES: Report = (
        "Wire B",
        "2019-04-06",
        "The Syrian army denied that its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );

    #[test]
    fn fires_when_a_party_later_denies_what_it_said() {
        let f = fired("position-reversal", &[SAID, DENIED]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].explanation.contains("later"), "{}", f[0].explanation);
    }

    #[test]
    fn another_partys_denial_is_no_reversal() {
        let f = fired("position-reversal", &[SAID, OTHER_DENIES]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
