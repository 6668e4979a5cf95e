//! The wordings of responsibility, denial and event detail in `tests/cases/wordings.tsv`, each
//! tested both ways: pairs of invented reports on which a rule must fire, and look-alikes on which
//! no responsibility or casualty finding may. The file's header documents its columns. Every case
//! runs through extract → graph → check; the failing ones are reported together, each with its
//! findings and the responsibility, casualty and violation claims it was read as.

mod common;

use gainsay::check::{Finding, FindingType, RULES};
use gainsay::extract::PropKind;
use gainsay::graph::ClaimGraph;

const FILE: &str = "tests/cases/wordings.tsv";

/// What a case expects of the checker.
#[derive(Debug)]
enum Expect {
    /// The rule must fire.
    Fires(String),
    /// No responsibility or casualty finding may fire.
    Nothing,
    /// The rule should fire but does not yet: it must still not fire.
    KnownMiss(String),
    /// The rule should not fire but does: it must still fire.
    KnownFalse(String),
}

struct Report {
    outlet: String,
    date: String,
    body: String,
}

struct Case {
    line: usize,
    id: String,
    expect: Expect,
    reports: Vec<Report>,
}

fn rule_id(s: &str, line: usize) -> String {
    assert!(
        RULES.iter().any(|r| r.id == s),
        "{FILE}:{line}: `{s}` is no rule id of `gainsay rules`"
    );
    s.to_string()
}

fn report(s: &str, line: usize) -> Report {
    let mut f = s.splitn(3, '|');
    let (Some(outlet), Some(date), Some(body)) = (f.next(), f.next(), f.next()) else {
        panic!("{FILE}:{line}: a report is `outlet|YYYY-MM-DD|text`, not `{s}`");
    };
    if let Err(why) = gainsay::ingest::parse_date(date) {
        panic!("{FILE}:{line}: date `{date}` {why}");
    }
    assert!(
        !outlet.trim().is_empty() && !body.trim().is_empty(),
        "{FILE}:{line}: empty outlet or text in `{s}`"
    );
    Report {
        outlet: outlet.to_string(),
        date: date.to_string(),
        // a literal `\n` is a paragraph break
        body: body.replace("\\n", "\n\n"),
    }
}

fn cases() -> Vec<Case> {
    let table = std::fs::read_to_string(common::repo().join(FILE)).unwrap();
    let mut out: Vec<Case> = Vec::new();
    for (i, l) in table.lines().enumerate() {
        let line = i + 1;
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(
            f.len(),
            4,
            "{FILE}:{line}: expected id, expect, report A, report B"
        );
        let id = f[0].to_string();
        if let Some(other) = out.iter().find(|c| c.id == id) {
            panic!("{FILE}:{line}: id `{id}` is also on line {}", other.line);
        }
        let expect = match f[1] {
            "none" => Expect::Nothing,
            e => match e.split_once(':') {
                Some(("known-miss", r)) => Expect::KnownMiss(rule_id(r, line)),
                Some(("known-false", r)) => Expect::KnownFalse(rule_id(r, line)),
                _ => Expect::Fires(rule_id(e, line)),
            },
        };
        let reports = f[2..].iter().map(|r| report(r, line)).collect();
        out.push(Case {
            line,
            id,
            expect,
            reports,
        });
    }
    out
}

/// The graph and findings of the whole pipeline over a case's reports (documents `A`, `B`).
fn run(case: &Case) -> (ClaimGraph, Vec<Finding>) {
    let texts: Vec<(String, String)> = case
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                doc_name(i).to_string(),
                format!(
                    "---\noutlet: {}\ndate: {}\n---\n{}\n",
                    r.outlet, r.date, r.body
                ),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(id, t)| (id.as_str(), t.as_str()))
        .collect();
    common::run(&docs)
}

fn doc_name(i: usize) -> &'static str {
    ["A", "B", "C", "D"].get(i).copied().unwrap_or("?")
}

/// The kinds of finding a `none` case must not raise.
fn responsibility_or_casualty(f: &Finding) -> bool {
    matches!(
        f.ty,
        FindingType::ResponsibilityDispute
            | FindingType::CompetingAttribution
            | FindingType::NumericConflict
    )
}

/// The findings, then the responsibility, casualty and violation claims, one a line.
fn explain(g: &ClaimGraph, f: &[Finding]) -> String {
    let mut out = String::new();
    if f.is_empty() {
        out.push_str("    findings: none\n");
    }
    for x in f {
        out.push_str(&format!("    finding {}: {}\n", x.rule, x.explanation));
    }
    for c in &g.claims {
        let kind = &g.prop(c).kind;
        if matches!(
            kind,
            PropKind::Responsibility { .. }
                | PropKind::Casualty { .. }
                | PropKind::Violation { .. }
        ) {
            out.push_str(&format!(
                "    claim {} {} ({:?}{}): {}\n",
                doc_name(c.doc),
                c.party,
                c.stance,
                if c.resolved { "" } else { ", unresolved" },
                serde_json::to_string(kind).unwrap()
            ));
        }
    }
    out
}

#[test]
fn wordings() {
    let cases = cases();
    assert!(!cases.is_empty(), "{FILE} holds no case");
    let mut failures = Vec::new();
    let (mut passed, mut known) = (0, 0);
    for case in &cases {
        let (g, f) = run(case);
        let fired = |rule: &str| f.iter().any(|x| x.rule == rule);
        let failure = match &case.expect {
            Expect::Fires(rule) => (!fired(rule)).then(|| format!("expected {rule} to fire")),
            Expect::Nothing => f
                .iter()
                .any(responsibility_or_casualty)
                .then(|| "expected no responsibility or casualty finding".to_string()),
            Expect::KnownMiss(rule) if fired(rule) => Some(format!(
                "a known miss now fires {rule}: write `{rule}` as its expect"
            )),
            Expect::KnownMiss(rule) => {
                println!(
                    "known miss: {} ({FILE}:{}): {rule} does not fire yet",
                    case.id, case.line
                );
                known += 1;
                None
            }
            Expect::KnownFalse(rule) if !fired(rule) => Some(format!(
                "a known false finding of {rule} no longer fires: write `none` as its expect"
            )),
            Expect::KnownFalse(rule) => {
                println!(
                    "known false finding: {} ({FILE}:{}): {rule} still fires",
                    case.id, case.line
                );
                known += 1;
                None
            }
        };
        match failure {
            None => passed += 1,
            Some(why) => failures.push(format!(
                "{} ({FILE}:{}): {why}\n{}",
                case.id,
                case.line,
                explain(&g, &f)
            )),
        }
    }
    println!(
        "{passed} of {} cases as expected ({known} of them known misses or known false findings)",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
