//! End-to-end: the binary on the sample reports and on bad input.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn gainsay() -> Command {
    Command::cargo_bin("gainsay").unwrap()
}

/// Runs gainsay from the repository root.
fn run_in_repo(args: &[&str]) -> std::process::Output {
    gainsay()
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap()
}

fn check_json() -> Value {
    let out = run_in_repo(&["check", "samples/aleppo-2016-09", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings_of(v: &Value, ty: &str) -> Vec<Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["type"] == ty)
        .cloned()
        .collect()
}

/// The strings of a JSON array of strings, or of field `key` of each object in an array.
fn strings(v: &Value, key: Option<&str>) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| key.map_or(x, |k| &x[k]).as_str().unwrap().to_string())
        .collect()
}

fn side_parties(f: &Value, i: usize) -> Vec<String> {
    strings(&f["sides"][i]["parties"], None)
}

#[test]
fn samples_convoy_responsibility_dispute() {
    let v = check_json();
    assert_eq!(v["schema_version"], "1.12");
    let d = findings_of(&v, "responsibility_dispute");
    assert_eq!(d.len(), 1, "{d:#?}");
    let f = &d[0];
    // both sides state their claims firmly
    assert_eq!(f["severity"], "high");
    assert_eq!(f["rule"], "responsibility-dispute");
    assert_eq!(f["event"]["frame"], "convoy");
    assert_eq!(side_parties(f, 0), vec!["United States"]);
    assert_eq!(side_parties(f, 1), vec!["Russia"]);
    // the denial in the seed report and the one in the companion report both count
    let docs = strings(&f["sides"][1]["evidence"], Some("doc"));
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    assert!(
        docs.contains(&"report-a") && docs.contains(&"convoy-urum-al-kubra"),
        "{docs:?}"
    );
}

#[test]
fn samples_deir_al_zour_casualty_conflict_and_nothing_else() {
    let v = check_json();
    let n = findings_of(&v, "numeric_conflict");
    // 90 soldiers (Deir al-Zour), 20 people (the convoy) and at least 25 (Friday's bombardment)
    // are three events: the only numeric conflict is 62 against 90 at Deir al-Zour.
    assert_eq!(n.len(), 1, "{n:#?}");
    let f = &n[0];
    assert!(strings(&f["event"]["places"], None).contains(&"Deir al-Zour".to_string()));
    let roles = strings(&f["sides"], Some("role"));
    assert_eq!(roles, vec!["62 soldiers killed", "90 soldiers killed"]);
    assert_eq!(side_parties(f, 0), vec!["Russia"]);
    assert_eq!(side_parties(f, 1), vec!["Syrian government"]);
}

#[test]
fn samples_handarat_control_dispute_with_timing() {
    let v = check_json();
    let c = findings_of(&v, "control_conflict");
    assert_eq!(c.len(), 1, "{c:#?}");
    let f = &c[0];
    assert_eq!(f["subject"], "Handarat");
    let expl = f["explanation"].as_str().unwrap();
    assert!(expl.contains("Saturday 24 September 2016"), "{expl}");
    assert!(expl.contains("late Saturday"), "{expl}");
    let holders: Vec<Vec<String>> = (0..2).map(|i| side_parties(f, i)).collect();
    assert!(holders.contains(&vec!["Syrian government".to_string()]));
    assert!(holders.contains(&vec!["rebels".to_string()]));
}

#[test]
fn evidence_spans_are_character_offsets_into_the_documents() {
    let v = check_json();
    for f in v["findings"].as_array().unwrap() {
        for side in f["sides"].as_array().unwrap() {
            for e in side["evidence"].as_array().unwrap() {
                let doc = e["doc"].as_str().unwrap();
                let text = std::fs::read_to_string(
                    common::repo().join(format!("samples/aleppo-2016-09/{doc}.txt")),
                )
                .unwrap();
                let chars: Vec<char> = text.chars().collect();
                for key in ["sentence", "cue", "content", "proposition"] {
                    let s = &e[key];
                    let (a, b) = (
                        s["start"].as_u64().unwrap() as usize,
                        s["end"].as_u64().unwrap() as usize,
                    );
                    let got: String = chars[a..b].iter().collect();
                    assert_eq!(got, s["text"].as_str().unwrap());
                }
            }
        }
    }
}

#[test]
fn markdown_report_snapshot() {
    let out = run_in_repo(&["check", "samples/aleppo-2016-09"]);
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn output_is_deterministic() {
    let run = || run_in_repo(&["check", "samples/aleppo-2016-09", "--format", "json"]).stdout;
    assert_eq!(run(), run());
}

#[test]
fn extract_prints_one_claim_per_line() {
    let out = run_in_repo(&["extract", "samples/aleppo-2016-09/report-a.txt"]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 20);
    assert!(
        lines
            .iter()
            .all(|c| c["doc"] == "report-a" && c["cue"]["text"].is_string())
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("batch.jsonl"),
        "{\"id\":\"ok\",\"text\":\"The ministry said the bridge reopened.\"}\n{broken\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\x00\x01\x02").unwrap();
    let out = gainsay()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("batch.jsonl:2"), "{stderr}");
    assert!(stderr.contains("bin.txt"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4, "{docs:#?}");
    assert!(
        docs.iter()
            .any(|d| d["id"] == "missing" && d["status"] == "skipped")
    );
    assert_eq!(v["summary"]["documents_processed"], 1);
    assert_eq!(v["summary"]["claims"], 1);
}

#[test]
fn stdin_is_read_with_dash() {
    let out = gainsay()
        .args(["extract", "-"])
        .write_stdin("The ministry said the bridge reopened.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["doc"], "stdin");
    assert_eq!(v["content"]["text"], "the bridge reopened");
}

#[test]
fn graph_and_audit_run() {
    let out = run_in_repo(&["graph", "samples/aleppo-2016-09"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("digraph gainsay {"));
    let out = run_in_repo(&["audit", "samples/aleppo-2016-09", "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let one_sided = v["one_sided"].as_array().unwrap();
    // the Syrian army accuses the US-led coalition, which no report quotes replying
    assert!(
        one_sided
            .iter()
            .any(|o| o["agent"] == "US-led coalition" && o["kind"] == "accusation without denial"),
        "{one_sided:#?}"
    );
}

#[test]
fn unknown_rule_is_an_error() {
    let out = run_in_repo(&["check", "samples/aleppo-2016-09", "--disable", "nope"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn seed_gold_eval_meets_the_target() {
    let Some(gold) = common::shared("gold/aleppo-2016-09.attributions.jsonl") else {
        return;
    };
    let mut args: Vec<std::ffi::OsString> = [
        "eval",
        "attributions",
        "--format",
        "json",
        "--corpus",
        "samples",
        "--gold",
    ]
    .iter()
    .map(Into::into)
    .collect();
    args.push(gold.into());
    let stdout = common::cli_ok(args);
    let v: Value = serde_json::from_slice(&stdout).unwrap();
    let f1 = v["attribution"]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.85, "seed attribution F1 {f1}");
}

#[test]
fn an_output_path_that_is_an_input_is_refused_and_left_intact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.txt");
    std::fs::write(&input, "The ministry said the bridge reopened.").unwrap();
    let out = gainsay()
        .args(["check"])
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is also an input"));
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "The ministry said the bridge reopened."
    );
    // a report written into the input directory would be read back as an input
    let out = gainsay()
        .args(["check"])
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("report.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // elsewhere is fine
    let elsewhere = tempfile::tempdir().unwrap();
    let out = gainsay()
        .args(["check"])
        .arg(dir.path())
        .arg("-o")
        .arg(elsewhere.path().join("report.md"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn stance_judges_each_report() {
    let out = run_in_repo(&[
        "stance",
        "--claim",
        "Russian aircraft struck the aid convoy",
        "samples/aleppo-2016-09",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stance_of = |id: &str| {
        v["judgments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|j| j["doc"] == id)
            .map(|j| j["stance"].as_str().unwrap().to_string())
            .unwrap()
    };
    // the convoy report quotes the accusation and the denial: it takes no side
    assert_eq!(stance_of("convoy-urum-al-kubra"), "observing");
    assert_eq!(stance_of("handarat-control"), "unrelated");
    assert_eq!(v["documents"].as_array().unwrap().len(), 4);
}

#[test]
fn stance_rejects_an_empty_claim_and_eval_stance_names_the_bad_line() {
    let out = run_in_repo(&["stance", "--claim", " ", "samples/aleppo-2016-09"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--claim is empty"));
    let dir = std::env::temp_dir().join(format!("gainsay-stance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "claimHeadline,articleHeadline,articleHeadlineStance\nx,y,for\nx,\"open,for\n",
    )
    .unwrap();
    let out = gainsay()
        .args(["eval", "stance", "--emergent"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:3: unterminated quoted field"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_directory_without_documents_is_an_error() {
    let dir = std::env::temp_dir().join(format!("gainsay-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("table.csv"), "a,b\n").unwrap();
    let out = gainsay().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no documents found"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_dateline_that_contradicts_the_document_date_is_noted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reports.jsonl");
    std::fs::write(
        &path,
        concat!(
            r#"{"id":"late","date":"2016-09-06","text":"Strikes hit Idlib  Published September 25 2016 Air strikes hit Idlib on Saturday, activists said."}"#,
            "\n",
            r#"{"id":"same","date":"2016-09-24","text":"Strikes hit Idlib  Published September 25 2016 Air strikes hit Idlib on Saturday, activists said."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = gainsay()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "reports.jsonl:1: the text is dated 2016-09-25 but the document's date is 2016-09-06"
        ),
        "{err}"
    );
    // a day apart is within the slack
    assert!(!err.contains("reports.jsonl:2:"), "{err}");
    // and the note reaches the report's document table
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("the text is dated 2016-09-25"), "{md}");
    // --text-dates takes the dateline instead, and says so
    let out = gainsay()
        .args(["check", "--text-dates", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "reports.jsonl:1: dated 2016-09-25 by its text's dateline (its date was 2016-09-06)"
        ),
        "{err}"
    );
    assert!(!err.contains("the text is dated"), "{err}");
}

#[test]
fn check_csv_has_one_flat_row_per_finding() {
    let out = run_in_repo(&["check", "samples/aleppo-2016-09", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows = gainsay::csv::parse(&text).unwrap();
    let header = &rows[0].fields;
    assert_eq!(header[0], "id");
    assert_eq!(header.len(), gainsay::report::CSV_COLUMNS.len());
    // every row is as wide as the header, fields with commas are quoted and read back whole
    assert_eq!(rows.len(), 4, "{text}");
    for r in &rows[1..] {
        assert_eq!(r.fields.len(), header.len(), "{r:?}");
    }
    let rules: Vec<&str> = rows[1..].iter().map(|r| r.fields[1].as_str()).collect();
    assert_eq!(
        rules,
        [
            "responsibility-dispute",
            "casualty-disjoint",
            "control-opposed"
        ]
    );
    let subject = header.iter().position(|h| h == "subject").unwrap();
    assert!(rows[1].fields[subject].contains(", Aleppo"));
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    for args in [
        &["check", "samples/aleppo-2016-09"][..],
        &["check", "--quiet", "samples/aleppo-2016-09"][..],
    ] {
        let out = run_in_repo(args);
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn compare_lists_shared_events_one_sided_claims_and_conflicts() {
    let out = run_in_repo(&[
        "compare",
        "samples/aleppo-2016-09/report-a.txt",
        "samples/aleppo-2016-09/convoy-urum-al-kubra.txt",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // the convoy strike is the one event both report on
    let shared = v["shared_events"].as_array().unwrap();
    assert_eq!(shared.len(), 1, "{shared:?}");
    assert!(
        shared[0]["description"]
            .as_str()
            .unwrap()
            .contains("convoy")
    );
    // the US accusation is only in B; the Deir al-Zour toll only in A
    let only = |side: &str| -> Vec<String> {
        v[side]["claims_only_here"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["proposition"]["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        only("b").iter().any(|t| t.contains("Su-24")),
        "{:?}",
        only("b")
    );
    assert!(
        only("a")
            .iter()
            .any(|t| t.contains("violated the week-long truce")),
        "{:?}",
        only("a")
    );
    assert!(!only("a").iter().any(|t| t.contains("Su-24")));
    // the dispute spans both sides
    let conflicts = v["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["rule"], "responsibility-dispute");
    // exactly two inputs
    let bad = run_in_repo(&["compare", "samples/aleppo-2016-09/report-a.txt"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("exactly two inputs"));
}

#[test]
fn the_seed_reports_one_sided_convoy_denials_are_resolved_by_its_companions() {
    let one_sided = |args: &[&str]| -> Vec<Value> {
        let out = run_in_repo(args);
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["one_sided"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["description"].as_str().unwrap().contains("convoy"))
            .cloned()
            .collect()
    };
    // report-a alone quotes the Russian and Syrian denials and no accuser
    let alone = one_sided(&[
        "audit",
        "samples/aleppo-2016-09/report-a.txt",
        "--format",
        "json",
    ]);
    let agents: Vec<&str> = alone.iter().map(|o| o["agent"].as_str().unwrap()).collect();
    assert_eq!(agents, ["Russia", "Syrian government"], "{alone:?}");
    assert!(
        alone
            .iter()
            .all(|o| o["kind"] == "denial without accusation")
    );
    // the companion wire report carries the accusations both denials answer
    let all = one_sided(&["audit", "samples/aleppo-2016-09", "--format", "json"]);
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn check_html_is_one_self_contained_page_with_the_findings() {
    let out = run_in_repo(&["check", "samples/aleppo-2016-09", "--format", "html"]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    // no script and nothing fetched: the only URL is the SVG namespace
    assert!(!html.contains("<script"));
    let urls: Vec<&str> = html
        .match_indices("http")
        .map(|(i, _)| &html[i..i + 26])
        .collect();
    assert!(
        urls.iter()
            .all(|u| u.starts_with("http://www.w3.org/2000/svg")),
        "{urls:?}"
    );
    // every finding, with its evidence highlighted, the drawing and the documents table
    for rule in [
        "responsibility-dispute",
        "casualty-disjoint",
        "control-opposed",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    assert!(html.contains("<mark class=\"cue\">"));
    assert!(html.contains("<mark class=\"content\">"));
    assert!(html.contains("<svg"));
    assert!(html.contains("<h2>Documents</h2>"));
    // the coverage tables: events by reports, parties by events, one-sided disputes
    assert!(html.contains("<h3>Claims per event and report</h3>"));
    assert!(html.contains("<h3>Who speaks about which event</h3>"));
    assert_eq!(html.matches("<svg").count(), 2);
    assert!(html.contains("<h3>Claims per party and event</h3>"));
    assert!(html.contains("<h3>One-sided disputes</h3>"));
    // text is escaped: the report's quotation marks and ampersands stay text
    assert!(!html.contains("<mark class=\"content\"><"));
}

#[test]
fn audit_has_events_by_reports_and_parties_by_events() {
    let out = run_in_repo(&["audit", "samples/aleppo-2016-09", "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["events_by_reports"];
    let columns: Vec<&str> = m["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let convoy = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["description"].as_str().unwrap().contains("convoy"))
        .unwrap()["event"]
        .as_u64()
        .unwrap() as usize;
    let row = &m["cells"][convoy];
    // the convoy strike is reported by the wire sample and by the seed report, not the others
    let count = |doc: &str| {
        row[columns.iter().position(|c| *c == doc).unwrap()]
            .as_u64()
            .unwrap()
    };
    assert!(count("convoy-urum-al-kubra") > 0 && count("report-a") > 0);
    assert_eq!(count("handarat-control"), 0);
    // every party row has one cell per event
    let p = &v["parties_by_events"];
    let events = v["events"].as_array().unwrap().len();
    for row in p["cells"].as_array().unwrap() {
        assert_eq!(row.as_array().unwrap().len(), events);
    }
    // the sparse list holds exactly the counts above zero
    for m in [&v["events_by_reports"], p] {
        let dense_nonzero: usize = m["cells"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .filter(|n| n.as_u64() != Some(0))
            .count();
        let sparse = m["nonzero"].as_array().unwrap();
        assert_eq!(sparse.len(), dense_nonzero);
        for cell in sparse {
            let [r, c, n] = [0, 1, 2].map(|i| cell[i].as_u64().unwrap() as usize);
            assert!(n > 0);
            assert_eq!(m["cells"][r][c].as_u64(), Some(n as u64));
        }
    }
    assert!(p["rows"].as_array().unwrap().iter().any(|r| r == "Russia"));
}

#[test]
fn wire_copy_is_found_across_reports() {
    let dir = tempfile::tempdir().unwrap();
    let wire = "---\noutlet: Wire\ndate: 2016-09-20\n---\nThe ministry of health said an air strike on the market in Idlib killed 12 people on Monday.\n";
    let copy = "---\noutlet: Paper\ndate: 2016-09-20\n---\nThe ministry of health said an air strike on the market in Idlib killed 12 people on Monday, AFP reported.\n";
    let other = "---\noutlet: Other\ndate: 2016-09-20\n---\nA spokesman for the rebels said the fighting near Hama had eased by Tuesday night and aid could reach the town.\n";
    for (name, text) in [("wire.md", wire), ("copy.md", copy), ("other.md", other)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = gainsay()
        .args(["audit", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let copies = v["wire_copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0]["doc_a"], "copy");
    assert_eq!(copies[0]["doc_b"], "wire");
    // the unrelated sentence is no copy
    assert!(
        !copies
            .iter()
            .any(|c| c["doc_a"] == "other" || c["doc_b"] == "other")
    );
}

#[test]
fn audit_lists_what_each_report_alone_covers() {
    let out = run_in_repo(&["audit", "samples/aleppo-2016-09", "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = |id: &str| {
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()
            .clone()
    };
    let texts = |d: &Value| -> Vec<String> {
        d["only_here"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["text"]["text"].as_str().unwrap().to_string())
            .collect()
    };
    let a = texts(&doc("report-a"));
    // Friday's toll in Aleppo is reported by the seed report alone; the convoy and Handarat are not
    assert!(a.iter().any(|t| t.contains("at least 25 people")), "{a:?}");
    assert!(
        !a.iter()
            .any(|t| t.contains("convoy") || t.contains("Handarat")),
        "{a:?}"
    );
    assert!(texts(&doc("handarat-control")).is_empty());
    // a headline is a claim in the outlet's own voice, not a sentence nothing was read from
    let a = doc("report-a");
    let headline = "Syrian government seizes area in Aleppo attack, death toll climbs";
    assert!(
        a["unattributed_claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "headline" && n["text"]["text"] == headline)
    );
    assert!(
        !a["empty_sentences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == headline)
    );
    // the parties it quotes, with their share of its attributions
    let parties = doc("deir-al-zour-strike")["parties"]
        .as_array()
        .unwrap()
        .clone();
    assert!(parties.iter().all(|p| p["share"].as_f64().unwrap() > 0.0));
    assert!(
        parties
            .iter()
            .any(|p| p["party"] == "Russia" && p["share"] == 0.5)
    );
    // claims by cue type: the wire sample accuses, denies and asserts
    let cues = &doc("convoy-urum-al-kubra")["cue_types"];
    assert!(cues["deny"].as_u64().unwrap() >= 2 && cues["assert"].as_u64().unwrap() >= 1);
}

/// Every row of the README's bad-input table, in one run: what each input becomes.
#[test]
fn the_bad_input_table_holds() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let claim = "The army said rebels shelled the market.";
    w("good.txt", claim.as_bytes());
    let mut broken = format!("{claim} Caf\u{e9} \u{2014} ").into_bytes();
    broken.extend([0xE2, 0x80, b' ', b'.']);
    w("broken-utf8.txt", &broken);
    w(
        "cp1252.txt",
        b"The army said \x93rebels shelled the market\x94.",
    );
    w("bom.txt", format!("\u{feff}{claim}").as_bytes());
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(claim.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    w("utf16.txt", &utf16);
    w(
        "crlf.txt",
        format!("Title line\r\n\r\n{claim}\r\n").as_bytes(),
    );
    w("nul.txt", b"text\x00more");
    w("empty.txt", b"");
    w("blank.md", b"  \n\n ");
    w("no-records.jsonl", b"\n  \n");
    w("long-line.txt", "word, ".repeat(150_000).as_bytes());
    w(
        "quotes.txt",
        "He said \u{201C}it \u{201C}never\u{201D} ends. \"And \"this\" too.\n\n\u{201D}Stray."
            .as_bytes(),
    );
    w(
        "html.txt",
        b"<div><p>The army said rebels shelled the market.</p><script>x()</script></div>",
    );
    w(
        "batch.jsonl",
        concat!(
            "{\"id\":\"j-good\",\"text\":\"The army said rebels shelled the market.\",\"title\":7}\n",
            "{not json}\n",
            "[1, 2]\n",
            "{\"text\":\"no id\"}\n",
            "{\"id\":\"j-array\",\"text\":[\"a\",\"b\"]}\n",
            "\n",
            "{\"id\":\"j-cut\",\"text\":\"The army sa"
        )
        .as_bytes(),
    );
    let out = gainsay()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "partial errors exit with 2");
    let v: Value = serde_json::from_slice(&out.stdout).expect("the report is still printed");
    let docs = v["documents"].as_array().unwrap();
    let doc = |key: &str| {
        docs.iter()
            .find(|d| d["id"] == key || d["origin"].as_str().is_some_and(|o| o.ends_with(key)))
            .unwrap_or_else(|| panic!("no status for {key}: {docs:#?}"))
    };
    let processed = |key: &str, warning: Option<&str>| {
        let d = doc(key);
        assert_eq!(d["status"], "processed", "{d}");
        if let Some(w) = warning {
            assert!(d["warnings"].to_string().contains(w), "{key}: {d}");
        }
    };
    let skipped = |key: &str, reason: &str| {
        let d = doc(key);
        assert_eq!(d["status"], "skipped", "{d}");
        assert!(d["reason"].as_str().unwrap().contains(reason), "{key}: {d}");
    };
    processed("good", None);
    processed("broken-utf8", Some("U+FFFD"));
    processed("cp1252", Some("Windows-1252"));
    processed("bom", None);
    processed("utf16", Some("UTF-16LE"));
    processed("crlf", None);
    skipped("nul", "binary file (NUL byte at offset 4)");
    skipped("empty", "empty document");
    skipped("blank", "empty document");
    skipped("no-records", "no records");
    processed("long-line", None);
    processed("quotes", None);
    processed("html", Some("HTML remnants removed"));
    processed("j-good", Some("`title` should be a string"));
    skipped("batch.jsonl:2", "invalid JSON");
    skipped("batch.jsonl:3", "not a JSON object");
    skipped("batch.jsonl:4", "no `id`");
    skipped("j-array", "found an array");
    skipped("batch.jsonl:7", "truncated JSON");
    skipped("missing", "no such file or directory");
    // 12 text files, 6 JSONL records (a blank line is no record), a JSONL file without records
    // and the missing path
    assert_eq!(docs.len(), 12 + 6 + 1 + 1, "{docs:#?}");
    // the stderr names each skipped input with its line
    let stderr = String::from_utf8_lossy(&out.stderr);
    for key in ["nul.txt", "batch.jsonl:2", "batch.jsonl:7", "missing.txt"] {
        assert!(stderr.contains(key), "{key} not named: {stderr}");
    }
    // the claim is found in every processed variant of the sentence, at the right offsets
    let ex = gainsay().arg("extract").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(ex.stdout).unwrap();
    for id in [
        "good",
        "broken-utf8",
        "bom",
        "utf16",
        "crlf",
        "html",
        "j-good",
    ] {
        let c: Value = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|c| c["doc"] == id)
            .unwrap_or_else(|| panic!("no claim from {id}"));
        assert_eq!(c["cue"]["text"], "said", "{id}: {c}");
        assert_eq!(c["source"]["text"], "The army", "{id}: {c}");
    }
    let bom = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|c| c["doc"] == "bom")
        .unwrap();
    // offsets count from the character after the byte-order mark
    assert_eq!(bom["source"]["start"], 0);
}

#[test]
fn exit_codes_follow_fail_on() {
    let base = ["check", "samples/aleppo-2016-09", "--format", "json"];
    let code = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        run_in_repo(&args).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "any"]), Some(1));
    assert_eq!(code(&["--fail-on-findings"]), Some(1));
    assert_eq!(code(&["--fail-on", "control-opposed"]), Some(1));
    assert_eq!(code(&["--fail-on", "date-disputed"]), Some(0));
    assert_eq!(code(&["--fail-on", "low"]), Some(1));
    // a list as people type it: spaces and capitals
    assert_eq!(code(&["--fail-on", "date-disputed, HIGH"]), Some(1));
    assert_eq!(code(&["--fail-on", "bogus"]), Some(2));
    // an error outranks findings: a missing input gives 2 even with findings
    assert_eq!(code(&["--fail-on", "any", "no/such/file.txt"]), Some(2));
}

/// The same input gives byte-identical output whatever the number of threads (and batches fill
/// differently): every format of every command.
#[test]
fn output_is_identical_across_thread_counts() {
    let inputs = ["samples", "tests/cases"];
    for cmd in [
        vec!["check", "--format", "json", "--own-voice"],
        vec!["check", "--format", "md"],
        vec!["extract"],
        vec!["audit", "--format", "json"],
        vec!["graph", "--format", "json"],
    ] {
        let run = |j: &str| {
            let mut args = cmd.clone();
            args.extend(inputs);
            args.extend(["-j", j]);
            let out = run_in_repo(&args);
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{:?}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        for j in ["2", "7"] {
            assert!(
                run(j) == one,
                "`{}` differs between -j 1 and -j {j}",
                cmd.join(" ")
            );
        }
    }
}

#[test]
fn audit_lists_every_input_processed_or_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The army said rebels shelled the town.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00bin").unwrap();
    let out = gainsay()
        .args(["audit", "--format", "json"])
        .arg(dir.path())
        .arg(dir.path().join("gone.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let inputs = v["inputs"].as_array().unwrap();
    let status: Vec<(&str, &str)> = inputs
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        vec![("a", "processed"), ("b", "skipped"), ("gone", "skipped")]
    );
    let md = gainsay().arg("audit").arg(dir.path()).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("1 document(s) processed, 1 skipped"), "{md}");
    assert!(md.contains("binary file"), "{md}");
}

/// A report as a JSONL record's fields: (outlet, date, text).
type Record<'a> = (&'a str, &'a str, &'a str);

/// The `casualty-disjoint` findings of `check` on two JSONL records (id, text, outlet, date).
fn casualty_findings_of_pair(a: Record, b: Record) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pair.jsonl");
    let record = |id: &str, (outlet, date, text): Record| {
        serde_json::json!({"id": id, "outlet": outlet, "date": date, "text": text}).to_string()
    };
    std::fs::write(&path, format!("{}\n{}\n", record("a", a), record("b", b))).unwrap();
    let out = gainsay()
        .args(["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "casualty-disjoint")
        .cloned()
        .collect()
}

#[test]
fn casualty_figures_from_toll_idioms_and_parts_reach_the_check() {
    // (report A without commas, the same with commas, a report that conflicts with A, a control
    // that must not: a compatible figure)
    let cases: [(Record, &str, Record, Record); 5] = [
        (
            (
                "Meridian Daily",
                "2018-08-05",
                "The Syrian Civil Defence put the death toll from the air strike on the Bexan bakery on Sunday at 38.",
            ),
            "The Syrian Civil Defence, a rescue group, put the death toll from the air strike on the Bexan bakery on Sunday at 38.",
            (
                "Tallis Post",
                "2018-08-05",
                "Syrian state television said 15 people were killed in the air strike on the Bexan bakery on Sunday.",
            ),
            (
                "Tallis Post",
                "2018-08-05",
                "Syrian state television said at least 30 people were killed in the air strike on the Bexan bakery on Sunday.",
            ),
        ),
        (
            (
                "Northgate Wire",
                "2019-01-15",
                "The Syrian Observatory for Human Rights said the air strike on the Ostel school on Tuesday killed 26 people nine of whom were pupils.",
            ),
            "The Syrian Observatory for Human Rights said the air strike on the Ostel school on Tuesday killed 26 people, nine of whom were pupils.",
            (
                "Harbor Ledger",
                "2019-01-15",
                "Syrian state television said three pupils were killed in the air strike on the Ostel school on Tuesday.",
            ),
            (
                "Harbor Ledger",
                "2019-01-15",
                "Syrian state television said 26 people were killed in the air strike on the Ostel school on Tuesday.",
            ),
        ),
        (
            (
                "Ridge Post",
                "2018-05-06",
                "The death toll from the shelling of the Ombra bakery on Sunday has risen to 27 the Syrian Observatory for Human Rights said.",
            ),
            "The death toll from the shelling of the Ombra bakery on Sunday has risen to 27, the Syrian Observatory for Human Rights said.",
            (
                "Valley Times",
                "2018-05-06",
                "Syrian state media said nine people were killed in the shelling of the Ombra bakery on Sunday.",
            ),
            (
                "Valley Times",
                "2018-05-06",
                "Syrian state media said at least 20 people were killed in the shelling of the Ombra bakery on Sunday.",
            ),
        ),
        (
            (
                "Cedar Herald",
                "2017-10-03",
                "The White Helmets said 30 people were killed in the air strike on Darvel on Tuesday and among the dead were 11 children.",
            ),
            "The White Helmets said 30 people were killed in the air strike on Darvel on Tuesday, and among the dead were 11 children.",
            (
                "Pine Review",
                "2017-10-03",
                "Syrian state television said four children were killed in the air strike on Darvel on Tuesday.",
            ),
            (
                "Pine Review",
                "2017-10-03",
                "Syrian state television said 11 children were killed in the air strike on Darvel on Tuesday.",
            ),
        ),
        (
            (
                "Orchard News",
                "2016-11-17",
                "Activists said the barrel bombs dropped on Selmo on Thursday left \"about 30\" dead.",
            ),
            "Activists said the barrel bombs, dropped on Selmo on Thursday, left \"about 30\" dead.",
            (
                "Quarry Daily",
                "2016-11-17",
                "The Syrian army said 8 people were killed by the barrel bombs dropped on Selmo on Thursday.",
            ),
            (
                "Quarry Daily",
                "2016-11-17",
                "The Syrian army said 28 people were killed by the barrel bombs dropped on Selmo on Thursday.",
            ),
        ),
    ];
    for ((outlet, date, text), with_commas, fires, control) in cases {
        for a in [(outlet, date, text), (outlet, date, with_commas)] {
            assert_eq!(
                casualty_findings_of_pair(a, fires).len(),
                1,
                "must fire:\n{a:?}\n{fires:?}"
            );
            assert!(
                casualty_findings_of_pair(a, control).is_empty(),
                "must not fire:\n{a:?}\n{control:?}"
            );
        }
    }
}

/// A report's own voice is compared by default; `--no-own-voice` leaves it out, and
/// `--own-voice` (once needed to turn it on) is still accepted and changes nothing.
#[test]
fn own_voice_is_on_by_default() {
    let findings = |extra: &[&str]| -> usize {
        let mut args = vec![
            "check",
            "--format",
            "json",
            "tests/cases/own-voice/p02-own-voice-cross-outlet.jsonl",
        ];
        args.extend(extra);
        let out = run_in_repo(&args);
        assert!(out.status.success(), "{extra:?}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["findings"].as_array().unwrap().len()
    };
    assert_eq!(findings(&[]), 1);
    assert_eq!(findings(&["--own-voice"]), 1);
    assert_eq!(findings(&["--no-own-voice"]), 0);
    for cmd in [["graph", "--no-own-voice"], ["compare", "--no-own-voice"]] {
        let mut args = cmd.to_vec();
        args.push("tests/cases/own-voice/p02-own-voice-cross-outlet.jsonl");
        if cmd[0] == "compare" {
            args.push("tests/cases/own-voice/p01-two-sources-same-strike.jsonl");
        }
        assert!(run_in_repo(&args).status.success(), "{args:?}");
    }
}
