//! `position-reversal`: the same party asserts a statement in one report and denies it in another.

use std::collections::{BTreeMap, BTreeSet};

use super::common::{StatementPair, for_each_statement_pair, generic_claims};
use super::{Finding, FindingType, claim_pair};
use crate::graph::{Claim, ClaimGraph};

/// The same party asserts a statement in one report and denies it in another: a change of
/// position (or a misreport). The explanation tells which came first when both reports are dated.
///
/// Only changes are reported: a claim is set against the latest earlier claim of the other
/// stance on the statement (by report date, then report), and not when the party repeated its
/// new position in between. A party that asserts a statement in ten reports and denies it in ten
/// later ones changed position once, not a hundred times; so the findings grow with the
/// reports, not with their square.
pub(super) fn reversal(g: &ClaimGraph) -> Vec<Finding> {
    let generic = generic_claims(g, 3);
    let same_party = |p: &StatementPair| p.a.party == p.b.party && p.a.doc != p.b.doc;
    // a claim's place in time: its report's date (undated first), then the report (documents
    // are in id order), then the claim
    type When = (Option<jiff::civil::Date>, usize, usize);
    let when = |i: usize| -> When {
        let c = &g.claims[i];
        (g.docs[c.doc].doc.date, c.doc, i)
    };
    // each claim's nearest partners (claims of the other stance on the statement) before and
    // after it; a pair is a change of position when each is the other's nearest
    let mut nearest: BTreeMap<usize, (Option<When>, Option<When>)> = BTreeMap::new();
    for_each_statement_pair(g, &generic, |p| {
        if !same_party(&p) {
            return;
        }
        for (me, other) in [(p.ia, p.ib), (p.ib, p.ia)] {
            let (wm, wo) = (when(me), when(other));
            let n = nearest.entry(me).or_default();
            if wo < wm && n.0.is_none_or(|w| wo > w) {
                n.0 = Some(wo);
            }
            if wo > wm && n.1.is_none_or(|w| wo < w) {
                n.1 = Some(wo);
            }
        }
    });
    let mut out = Vec::new();
    let mut paired: BTreeSet<(usize, usize)> = BTreeSet::new();
    for_each_statement_pair(g, &generic, |pair| {
        if !same_party(&pair) {
            return;
        }
        let StatementPair {
            ia,
            a,
            ka,
            ib,
            b,
            sim,
        } = pair;
        let (wa, wb) = (when(ia), when(ib));
        let (early, late) = if wa < wb { (ia, ib) } else { (ib, ia) };
        let change = nearest[&late].0 == Some(when(early)) && nearest[&early].1 == Some(when(late));
        // one finding per pair of reports
        if !change || !paired.insert((a.doc.min(b.doc), a.doc.max(b.doc))) {
            return;
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
    });
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

    const SAID_AGAIN: Report = (
        "Wire C",
        "2019-04-04",
        "The Russian defence ministry said its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );
    const SAID_AFTER: Report = (
        "Wire D",
        "2019-04-09",
        "The Russian defence ministry said its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );
    const SAID_LATER: Report = (
        "Wire E",
        "2019-04-12",
        "The Russian defence ministry said its jets bombed the fuel depot in Tel Varesh on Tuesday.",
    );

    #[test]
    fn a_repeated_position_changes_once() {
        // said on the 3rd and the 4th, denied on the 6th: one change, from the 4th
        let f = fired("position-reversal", &[SAID, SAID_AGAIN, DENIED]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].explanation.contains("2019-04-04"),
            "{}",
            f[0].explanation
        );
        // said, denied, said again: two changes
        let f = fired("position-reversal", &[SAID, DENIED, SAID_AFTER]);
        assert_eq!(f.len(), 2, "{f:#?}");
        // said twice after the denial: one change back, not two
        let f = fired("position-reversal", &[DENIED, SAID_AFTER, SAID_LATER]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].explanation.contains("2019-04-09"),
            "{}",
            f[0].explanation
        );
    }

    #[test]
    fn another_partys_denial_is_no_reversal() {
        let f = fired("position-reversal", &[SAID, OTHER_DENIES]);
        assert!(f.is_empty(), "{f:#?}");
    }
}
