//! DocRecords: `check`, `audit`, `compare` and `graph` on the records `extract --format records`
//! writes give byte for byte what they give on the reports themselves, in every format; bad
//! records are reported by file and line; records never meet other resources than theirs.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn gainsay() -> Command {
    Command::cargo_bin("gainsay").unwrap()
}

/// Runs gainsay from the repository root: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = gainsay()
        .args(args)
        .current_dir(common::repo())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The records of `inputs`, written into `dir`.
fn records(dir: &Path, name: &str, inputs: &[&str], extra: &[&str]) -> PathBuf {
    let path = dir.join(format!("{name}.records.jsonl"));
    let p = path.to_str().unwrap();
    let mut args = vec!["extract", "--format", "records", "-q", "-o", p];
    args.extend(extra);
    args.extend(inputs);
    let (code, _, err) = run(&args);
    assert!(code < 2, "extract --format records {inputs:?}: {err}");
    path
}

/// Every command and format on `inputs` and on their records: the same bytes and exit code.
fn assert_equivalent(inputs: &[&str], runs: &[Vec<&str>]) {
    let dir = tempfile::tempdir().unwrap();
    let rec = records(dir.path(), "r", inputs, &[]);
    let rec = rec.to_str().unwrap();
    for cmd in runs {
        let mut text = cmd.clone();
        text.push("-q");
        let mut from = text.clone();
        text.extend(inputs);
        from.extend(["--records", rec]);
        let (a, b) = (run(&text), run(&from));
        assert_eq!(a.0, b.0, "exit code of {cmd:?} on {inputs:?}: {}", b.2);
        assert!(
            a.1 == b.1,
            "{cmd:?} on {inputs:?} differs from records (records: {} bytes, text: {} bytes)\n{}",
            b.1.len(),
            a.1.len(),
            b.2
        );
    }
}

fn every_format() -> Vec<Vec<&'static str>> {
    let mut runs = Vec::new();
    for f in ["md", "json", "jsonl", "csv", "html"] {
        runs.push(vec!["check", "--format", f]);
    }
    runs.push(vec!["check", "--format", "json", "--no-own-voice"]);
    runs.push(vec!["check", "--format", "md", "--no-own-voice"]);
    for f in ["md", "json"] {
        runs.push(vec!["audit", "--format", f]);
    }
    for f in ["dot", "json"] {
        runs.push(vec!["graph", "--format", f]);
    }
    runs
}

#[test]
fn records_give_the_same_output_on_every_sample_set_and_all_together() {
    let mut sets: Vec<String> = std::fs::read_dir(common::repo().join("samples"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| format!("samples/{}", e.file_name().to_string_lossy()))
        .collect();
    sets.sort();
    assert!(sets.len() >= 4);
    for s in &sets {
        assert_equivalent(&[s], &every_format());
    }
    assert_equivalent(&["samples"], &every_format());
}

#[test]
fn records_give_the_same_output_on_the_test_case_corpora() {
    assert_equivalent(
        &["tests/cases/disputed-strike", "tests/cases/own-voice"],
        &every_format(),
    );
}

#[test]
fn compare_reads_records_too() {
    let dir = tempfile::tempdir().unwrap();
    let a = records(dir.path(), "a", &["samples/aleppo-2016-09"], &[]);
    let b = records(dir.path(), "b", &["samples/ukraine-2023-11"], &[]);
    for f in ["md", "json"] {
        let text = run(&[
            "compare",
            "-q",
            "--format",
            f,
            "samples/aleppo-2016-09",
            "samples/ukraine-2023-11",
        ]);
        let from = run(&[
            "compare",
            "-q",
            "--format",
            f,
            "--records",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ]);
        assert_eq!(text.0, from.0);
        // the output names its two inputs: the record files here
        let named = String::from_utf8(from.1)
            .unwrap()
            .replace(a.to_str().unwrap(), "samples/aleppo-2016-09")
            .replace(b.to_str().unwrap(), "samples/ukraine-2023-11");
        assert!(
            text.1 == named.as_bytes(),
            "compare --format {f} differs: {}",
            from.2
        );
    }
}

#[test]
fn records_of_separate_runs_check_as_one_run_of_their_inputs() {
    // extraction is per document: records of two runs, concatenated, are the records of one
    let dir = tempfile::tempdir().unwrap();
    let a = records(dir.path(), "a", &["samples/aleppo-2016-09"], &[]);
    let b = records(dir.path(), "b", &["samples/gaza-2024-07"], &[]);
    let text = run(&[
        "check",
        "-q",
        "--format",
        "json",
        "samples/aleppo-2016-09",
        "samples/gaza-2024-07",
    ]);
    let from = run(&[
        "check",
        "-q",
        "--format",
        "json",
        "--records",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(text.1 == from.1, "{}", from.2);
    // and stdin is read as a record file
    let bytes = std::fs::read(&a).unwrap();
    let piped = gainsay()
        .args(["check", "-q", "--format", "json", "--records", "-"])
        .current_dir(common::repo())
        .write_stdin(bytes)
        .output()
        .unwrap();
    let direct = run(&[
        "check",
        "-q",
        "--format",
        "json",
        "--records",
        a.to_str().unwrap(),
    ]);
    assert!(piped.stdout == direct.1);
}

#[test]
fn records_are_identical_across_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    let one = records(dir.path(), "j1", &["samples", "tests/cases"], &["-j", "1"]);
    let two = records(dir.path(), "j2", &["samples", "tests/cases"], &["-j", "2"]);
    let (one, two) = (std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
    assert!(!one.is_empty());
    assert!(one == two, "records differ between -j 1 and -j 2");
    // every line is a record of this version, numbered in input order
    for (i, line) in one
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let v: serde_json::Value = serde_json::from_slice(line).unwrap();
        assert_eq!(v["record_version"], gainsay::records::RECORD_VERSION);
        assert_eq!(v["seq"], i);
        assert!(v["fingerprint"].as_str().unwrap().starts_with("fnv1a64:"));
    }
}

#[test]
fn malformed_records_are_reported_by_file_and_line_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let rec = records(dir.path(), "r", &["samples/aleppo-2016-09"], &[]);
    let text = std::fs::read_to_string(&rec).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3);
    // a span whose text is not the sentence's, an index out of range, a cut line, not JSON
    let mut v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    v["attributions"][0]["cue"]["text"] = "xyz".into();
    let wrong_span = v.to_string();
    let mut v: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    v["propositions"][0]["sentence"] = 100_000.into();
    let wrong_index = v.to_string();
    let cut = &lines[0][..lines[0].len() / 2];
    let bad = [
        lines[0].to_string(),
        wrong_span,
        wrong_index,
        cut.to_string(),
        "not json".to_string(),
    ]
    .join("\n")
        + "\n";
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, bad).unwrap();
    let b = broken.to_str().unwrap();
    let (code, out, err) = run(&["check", "--format", "json", "--records", b]);
    assert_eq!(code, 2, "{err}");
    for line in 2..=5 {
        assert!(
            err.contains(&format!("{b}:{line}: bad record")),
            "line {line} not reported: {err}"
        );
    }
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["summary"]["documents_processed"], 1);
    assert_eq!(v["input_errors"].as_array().unwrap().len(), 4);
    // a missing record file is an input error too, and no document at all is an error
    let (code, _, err) = run(&["check", "--records", "no/such/records.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/records.jsonl"), "{err}");
}

#[test]
fn records_of_other_resources_or_versions_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let res = dir.path().join("res");
    std::fs::create_dir(&res).unwrap();
    std::fs::write(
        res.join("parties.tsv"),
        "Valley Rescue Corps\tValley Rescue Corps\torg\t-\tUA\n",
    )
    .unwrap();
    let r = res.to_str().unwrap();
    let rec = records(
        dir.path(),
        "r",
        &["samples/aleppo-2016-09"],
        &["--resources", r],
    );
    let p = rec.to_str().unwrap();
    let (code, out, err) = run(&["check", "--records", p]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains(&format!("{p}:1:")) && err.contains("other resources"),
        "{err}"
    );
    // with the same resources, it reads them
    let (code, _, err) = run(&["check", "-q", "--records", p, "--resources", r]);
    assert_eq!(code, 0, "{err}");
    // a record of another major version
    let text = std::fs::read_to_string(&rec).unwrap().replacen(
        "\"record_version\":\"1.",
        "\"record_version\":\"9.",
        1,
    );
    std::fs::write(&rec, text).unwrap();
    let (code, _, err) = run(&["check", "--records", p, "--resources", r]);
    assert_eq!(code, 2);
    assert!(err.contains("record_version 9."), "{err}");
    // extraction options do not apply to records
    let (code, _, err) = run(&["check", "--records", p, "--text-dates"]);
    assert_eq!(code, 2);
    assert!(err.contains("--text-dates"), "{err}");
}

#[test]
fn records_give_the_same_output_on_fakes_dev() {
    let Some(data) = common::shared("data/fakes/FA-KES-dev.csv") else {
        return;
    };
    let articles = gainsay::eval::conflicts::load_fakes(&data).unwrap();
    // in file order (a repeated id is held once, as the scorer holds it)
    let mut units: Vec<(usize, String)> = articles
        .by_id
        .iter()
        .map(|(id, a)| (a.line, id.clone()))
        .collect();
    units.sort();
    let units: Vec<String> = units.into_iter().map(|(_, id)| id).collect();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("fakes-dev.jsonl");
    std::fs::write(&jsonl, articles.jsonl(&units).unwrap()).unwrap();
    assert_equivalent(
        &[jsonl.to_str().unwrap()],
        &[
            vec!["check", "--format", "json"],
            vec!["check", "--format", "md", "--no-own-voice"],
            vec!["audit", "--format", "json"],
        ],
    );
}

#[test]
fn records_in_any_order_give_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let rec = records(dir.path(), "all", &["samples"], &[]);
    let text = std::fs::read_to_string(&rec).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    let rev = dir.path().join("reversed.records.jsonl");
    std::fs::write(&rev, lines.join("\n") + "\n").unwrap();
    let findings = |path: &Path| {
        let (code, out, err) = run(&[
            "check",
            "-q",
            "--format",
            "json",
            "--records",
            path.to_str().unwrap(),
        ]);
        assert!(code < 2, "{err}");
        let mut v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        // the documents table lists the inputs in their order; nothing else may differ
        v.as_object_mut().unwrap().remove("documents");
        v
    };
    let (a, b) = (findings(&rec), findings(&rev));
    assert!(!a["findings"].as_array().unwrap().is_empty());
    assert_eq!(a, b);
}
