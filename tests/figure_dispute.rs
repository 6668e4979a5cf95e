//! End to end on four invented reports of one strike (`tests/cases/figure-dispute/`): a health
//! ministry's toll of 64, disputed by the other side without a figure of its own in two reports
//! ("rejected the figure of 64 as inflated", "disputed this figure"), and a report whose caveat
//! ("the toll could not be independently verified") disputes nothing.

mod common;

use serde_json::Value;

fn check(args: &[&str]) -> Value {
    let mut all = vec!["check", "tests/cases/figure-dispute", "--format", "json"];
    all.extend_from_slice(args);
    common::cli_json(&all)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_dispute_of_the_ministry_figure_is_found_once() {
    let v = check(&[]);
    let f = v["findings"].as_array().cloned().unwrap_or_default();
    let rules: Vec<&str> = f.iter().map(|x| x["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["casualty-disputed"], "{f:#?}");
    let d = &f[0];
    assert_eq!(d["type"], "numeric_conflict");
    assert_eq!(strings(&d["sides"][0]["parties"]), ["Saudi-led coalition"]);
    assert_eq!(strings(&d["sides"][1]["parties"]), ["Houthis"]);
    assert_eq!(d["sides"][0]["role"], "disputes 64 people killed");
    // both disputes (the named figure and "this figure"), each from its own report
    let disputing: Vec<String> = d["sides"][0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["claim"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        disputing,
        ["coalition-statement#1", "wire-roundup#2"],
        "{d:#}"
    );
    // the caveat's report gives the figure and disputes nothing
    let giving = d["sides"][1]["evidence"].to_string();
    assert!(giving.contains("caveat-only#1"), "{giving}");
}

#[test]
fn the_rule_can_be_disabled() {
    let v = check(&["--disable", "casualty-disputed"]);
    assert_eq!(v["findings"].as_array().map_or(0, Vec::len), 0, "{v:#}");
}
