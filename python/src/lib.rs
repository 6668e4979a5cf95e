//! `gainsay._native`: the Python package's bindings. No logic of its own: every call goes
//! through the library functions the CLI uses (ingest, `batch::extract_all`, `records`,
//! `ClaimGraph::build_with`, `report::check_report`, `audit::audit`), and hands back the JSON the
//! CLI writes, which the Python side (`gainsay/__init__.py`) turns into dicts and lists. The GIL
//! is released during the work.

use std::path::PathBuf;
use std::sync::Mutex;

use gainsay::extract::ExtractOptions;
use gainsay::graph::{ClaimGraph, GraphOptions};
use gainsay::ingest::{self, Given, Ingested, Reader};
use gainsay::lexicon::{Lexicon, Merge};
use gainsay::records::{Collector, Needs};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

/// The lexicons loaded so far, by resource directory and merge mode: loaded once per process
/// (as the CLI loads one per run) and never freed.
static LEXICONS: Mutex<Vec<(LexiconKey, &'static Lexicon)>> = Mutex::new(Vec::new());

/// A lexicon's resource directory and whether its files replace the built-in ones.
type LexiconKey = (Option<String>, bool);

fn lexicon(resources: &Option<String>, replace: bool) -> PyResult<&'static Lexicon> {
    let key = (resources.clone(), replace);
    let mut cache = LEXICONS
        .lock()
        .map_err(|_| PyRuntimeError::new_err("gainsay: the lexicon cache is poisoned"))?;
    if let Some((_, lx)) = cache.iter().find(|(k, _)| *k == key) {
        return Ok(lx);
    }
    let merge = if replace {
        Merge::Replace
    } else {
        Merge::Extend
    };
    let dir = resources.as_ref().map(PathBuf::from);
    let lx = Lexicon::load_with(dir.as_deref(), merge)
        .map_err(|e| PyValueError::new_err(format!("cannot load resources: {e}")))?;
    let lx: &'static Lexicon = Box::leak(Box::new(lx));
    cache.push((key, lx));
    Ok(lx)
}

fn extract_options(text_dates: bool, model: &str) -> PyResult<ExtractOptions> {
    let learned = match model {
        "none" => false,
        "learned" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "model `{other}`: give \"none\" (the rules alone) or \"learned\""
            )));
        }
    };
    Ok(ExtractOptions {
        text_dates,
        learned,
    })
}

/// The reports to read: in-memory documents (`(is_record, text)`, origins `name:i`), or files
/// and directories read as the CLI reads its arguments.
fn reader(docs: Option<Vec<(bool, String)>>, paths: Option<Vec<String>>, name: &str) -> Reader {
    match (docs, paths) {
        (Some(docs), _) => ingest::load_given(
            name,
            docs.into_iter()
                .map(|(rec, s)| {
                    if rec {
                        Given::Record(s)
                    } else {
                        Given::Text(s)
                    }
                })
                .collect(),
        ),
        (None, Some(paths)) => {
            Reader::new(&paths.into_iter().map(PathBuf::from).collect::<Vec<_>>())
        }
        (None, None) => Reader::default(),
    }
}

/// `gainsay extract`: the claims, one JSON object each, and the statuses of the documents, as
/// JSON.
#[pyfunction]
#[pyo3(signature = (docs, paths, name, resources, resources_replace, text_dates, model))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    docs: Option<Vec<(bool, String)>>,
    paths: Option<Vec<String>>,
    name: String,
    resources: Option<String>,
    resources_replace: bool,
    text_dates: bool,
    model: &str,
) -> PyResult<(Vec<String>, String)> {
    let lx = lexicon(&resources, resources_replace)?;
    let opts = extract_options(text_dates, model)?;
    py.detach(|| {
        let (ing, per_doc) =
            gainsay::batch::extract_all(reader(docs, paths, &name), lx, &opts, |x| {
                gainsay::report::schema::claims(&x)
                    .iter()
                    .map(|c| serde_json::to_string(c).unwrap_or_default())
                    .collect::<Vec<_>>()
            });
        let claims = per_doc.into_iter().flatten().flatten().collect();
        Ok((claims, statuses_json(&ing)))
    })
}

/// `gainsay extract --format records`: one DocRecord per input document (then one per input
/// error), each a JSON line without its line end.
#[pyfunction]
#[pyo3(signature = (docs, paths, name, resources, resources_replace, text_dates, model))]
#[allow(clippy::too_many_arguments)]
fn records(
    py: Python<'_>,
    docs: Option<Vec<(bool, String)>>,
    paths: Option<Vec<String>>,
    name: String,
    resources: Option<String>,
    resources_replace: bool,
    text_dates: bool,
    model: &str,
) -> PyResult<Vec<String>> {
    let lx = lexicon(&resources, resources_replace)?;
    let opts = extract_options(text_dates, model)?;
    py.detach(|| {
        let fingerprint = lx.fingerprint();
        let (ing, bodies) =
            gainsay::batch::extract_all(reader(docs, paths, &name), lx, &opts, |x| {
                gainsay::records::body_json(&x, lx)
            });
        let mut lines: Vec<String> = ing
            .status
            .iter()
            .zip(&bodies)
            .enumerate()
            .map(|(seq, (st, body))| {
                gainsay::records::record_line(seq, &fingerprint, st, body.as_deref())
            })
            .chain(
                ing.errors
                    .iter()
                    .map(|e| gainsay::records::input_error_line(&fingerprint, e)),
            )
            .map(|l| String::from_utf8_lossy(l.trim_ascii_end()).into_owned())
            .collect();
        lines.shrink_to_fit();
        Ok(lines)
    })
}

/// The statuses and input errors, as JSON (`{"documents": [...], "input_errors": [...]}`).
fn statuses_json(ing: &Ingested) -> String {
    serde_json::json!({ "documents": ing.status, "input_errors": ing.errors }).to_string()
}

/// Reads the reports (or the records) and extracts them as `check` (or `audit`) does.
#[allow(clippy::too_many_arguments)]
fn read_all(
    docs: Option<Vec<(bool, String)>>,
    paths: Option<Vec<String>>,
    recs: Option<Vec<String>>,
    name: &str,
    lx: &Lexicon,
    opts: &ExtractOptions,
    keep_tokens: bool,
    needs: Needs,
) -> Result<(Ingested, Vec<gainsay::extract::Extraction>), String> {
    use rayon::prelude::*;
    match recs {
        None => Ok(gainsay::batch::extract_compact(
            reader(docs, paths, name),
            lx,
            opts,
            keep_tokens,
        )),
        Some(lines) => {
            if opts.text_dates || opts.learned {
                return Err(
                    "text_dates and model act when reports are extracted: give them to \
                            `records()`, not with records"
                        .into(),
                );
            }
            let fingerprint = lx.fingerprint();
            let parsed: Vec<_> = lines
                .par_iter()
                .map(|l| gainsay::records::parse_record(l.trim_end(), &fingerprint, needs))
                .collect();
            let mut col = Collector::default();
            for (i, r) in parsed.into_iter().enumerate() {
                col.take(&format!("{name}:{}", i + 1), r)?;
            }
            Ok((col.ing, col.xs))
        }
    }
}

/// `gainsay check --format json`, as JSON.
#[pyfunction]
#[pyo3(signature = (docs, paths, records, name, own_voice, disable, resources, resources_replace, text_dates, model))]
#[allow(clippy::too_many_arguments)]
fn check(
    py: Python<'_>,
    docs: Option<Vec<(bool, String)>>,
    paths: Option<Vec<String>>,
    records: Option<Vec<String>>,
    name: String,
    own_voice: bool,
    disable: Vec<String>,
    resources: Option<String>,
    resources_replace: bool,
    text_dates: bool,
    model: &str,
) -> PyResult<String> {
    for d in &disable {
        if !gainsay::check::RULES.iter().any(|r| r.id == d) {
            let known: Vec<&str> = gainsay::check::RULES.iter().map(|r| r.id).collect();
            return Err(PyValueError::new_err(format!(
                "unknown rule `{d}` (the rules: {})",
                known.join(", ")
            )));
        }
    }
    let lx = lexicon(&resources, resources_replace)?;
    let opts = extract_options(text_dates, model)?;
    py.detach(|| {
        let (ing, xs) = read_all(
            docs,
            paths,
            records,
            &name,
            lx,
            &opts,
            false,
            Needs::default(),
        )
        .map_err(PyValueError::new_err)?;
        let g = ClaimGraph::build_with(xs, lx, GraphOptions { own_voice });
        let copts = gainsay::check::CheckOptions {
            disabled: disable.into_iter().collect(),
        };
        let (_, co) = gainsay::report::check_report(&g, lx, &copts, &ing.status, &ing.errors);
        serde_json::to_string(&co).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    })
}

/// `gainsay audit --format json`, as JSON.
#[pyfunction]
#[pyo3(signature = (docs, paths, records, name, resources, resources_replace, text_dates, model))]
#[allow(clippy::too_many_arguments)]
fn audit(
    py: Python<'_>,
    docs: Option<Vec<(bool, String)>>,
    paths: Option<Vec<String>>,
    records: Option<Vec<String>>,
    name: String,
    resources: Option<String>,
    resources_replace: bool,
    text_dates: bool,
    model: &str,
) -> PyResult<String> {
    let lx = lexicon(&resources, resources_replace)?;
    let opts = extract_options(text_dates, model)?;
    py.detach(|| {
        let needs = Needs {
            all_sentences: true,
            words: true,
        };
        let (ing, xs) = read_all(docs, paths, records, &name, lx, &opts, true, needs)
            .map_err(PyValueError::new_err)?;
        let g = ClaimGraph::build(xs, lx);
        let mut a = gainsay::audit::audit(&g);
        a.inputs = ing.status;
        serde_json::to_string(&a).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    })
}

/// One group's run (`gainsay::decompose::check_partial`) on its DocRecord lines, as the JSON
/// of a `Partial`: its findings with their sort keys and its events.
#[pyfunction]
#[pyo3(signature = (records, own_voice, disable, resources, resources_replace))]
fn check_partial(
    py: Python<'_>,
    records: Vec<String>,
    own_voice: bool,
    disable: Vec<String>,
    resources: Option<String>,
    resources_replace: bool,
) -> PyResult<String> {
    let lx = lexicon(&resources, resources_replace)?;
    let opts = extract_options(false, "none")?;
    py.detach(|| {
        let (_, xs) = read_all(
            None,
            None,
            Some(records),
            "records",
            lx,
            &opts,
            false,
            Needs::default(),
        )
        .map_err(PyValueError::new_err)?;
        let g = ClaimGraph::build_with(xs, lx, GraphOptions { own_voice });
        let copts = gainsay::check::CheckOptions {
            disabled: disable.into_iter().collect(),
        };
        let p = gainsay::decompose::check_partial(&g, lx, &copts);
        serde_json::to_string(&p).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    })
}

/// The groups (`gainsay::decompose::components`) of documents given as (id, keys).
#[pyfunction]
fn components(py: Python<'_>, docs: Vec<(String, Vec<String>)>) -> Vec<String> {
    py.detach(|| gainsay::decompose::components(&docs))
}

/// Puts groups' runs (JSON of `Partial`s) together: the `check --format jsonl` lines.
#[pyfunction]
fn assemble(py: Python<'_>, partials: Vec<String>) -> PyResult<Vec<String>> {
    py.detach(|| {
        let parts = partials
            .iter()
            .enumerate()
            .map(|(i, p)| {
                serde_json::from_str(p)
                    .map_err(|e| PyValueError::new_err(format!("partials[{i}]: {e}")))
            })
            .collect::<PyResult<Vec<_>>>()?;
        gainsay::decompose::assemble(parts).map_err(PyValueError::new_err)
    })
}

/// A partial finding's line with its number and its event's id.
#[pyfunction]
#[pyo3(signature = (finding, n, event_id))]
fn render_finding(finding: &str, n: usize, event_id: Option<usize>) -> PyResult<String> {
    gainsay::decompose::render(finding, n, event_id).map_err(PyValueError::new_err)
}

/// `check --format csv`'s rows of findings given as JSON (as `check` returns them).
#[pyfunction]
fn findings_rows(findings: Vec<String>) -> PyResult<Vec<Vec<String>>> {
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            serde_json::from_str::<gainsay::report::RowFinding>(f)
                .map(|f| f.row())
                .map_err(|e| PyValueError::new_err(format!("findings[{i}]: not a finding: {e}")))
        })
        .collect()
}

/// The rule ids, with each rule's description.
#[pyfunction]
fn rules() -> Vec<(String, String)> {
    gainsay::check::RULES
        .iter()
        .map(|r| (r.id.to_string(), r.description.to_string()))
        .collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(records, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(audit, m)?)?;
    m.add_function(wrap_pyfunction!(findings_rows, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(check_partial, m)?)?;
    m.add_function(wrap_pyfunction!(components, m)?)?;
    m.add_function(wrap_pyfunction!(assemble, m)?)?;
    m.add_function(wrap_pyfunction!(render_finding, m)?)?;
    m.add(
        "CSV_COLUMNS",
        gainsay::report::CSV_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>(),
    )?;
    m.add("SCHEMA_VERSION", gainsay::report::schema::SCHEMA_VERSION)?;
    m.add("RECORD_VERSION", gainsay::records::RECORD_VERSION)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
