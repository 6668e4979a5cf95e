//! End to end on three invented reports of one disputed strike (`tests/cases/disputed-strike/`):
//! a toll of 471 against an outside estimate "probably at the low end of the 100-to-300
//! spectrum", and the accused group's own denial ("described as lies the army's accusations
//! that it was responsible ...").

mod common;

use serde_json::Value;

fn findings() -> Vec<Value> {
    let v = common::cli_json(&["check", "tests/cases/disputed-strike", "--format", "json"]);
    v["findings"].as_array().cloned().unwrap_or_default()
}

use common::side_parties as parties;

#[test]
fn the_estimate_and_the_accused_denial_are_found() {
    let f = findings();
    let rules: Vec<&str> = f.iter().map(|x| x["rule"].as_str().unwrap()).collect();
    // 471 killed against the lower half of 100 to 300, a hedged estimate: medium severity
    let numeric = f
        .iter()
        .find(|x| x["rule"] == "casualty-disjoint")
        .unwrap_or_else(|| panic!("no casualty-disjoint in {rules:?}"));
    assert_eq!(numeric["severity"], "medium", "{numeric:#}");
    assert_eq!(parties(numeric, 0), ["United States"]);
    assert_eq!(parties(numeric, 1), ["Syrian government"]);
    // the army accuses the rebels; the rebels call the accusation lies
    let dispute = f
        .iter()
        .find(|x| x["rule"] == "responsibility-dispute")
        .unwrap_or_else(|| panic!("no responsibility-dispute in {rules:?}"));
    assert_eq!(parties(dispute, 0), ["Syrian government"]);
    assert_eq!(parties(dispute, 1), ["rebels"]);
}
