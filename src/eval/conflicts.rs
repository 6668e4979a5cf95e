//! Conflict evaluation on FA-KES article clusters: `check`'s findings scored against a gold of
//! conflicting (and look-alike non-conflicting) claim pairs. A port of the Python scorer
//! `../shared/tools/score-conflicts`, number for number; the gold format is described in
//! `../shared/gold/README.md`.
//!
//! Each cluster's articles go through `check` in process, as JSON Lines records
//! `{id, text, title, outlet, date}` fed to the same reader, extraction, graph, rules and JSON
//! output as `gainsay check FILE.jsonl --format json` (with `whole`: all clusters' articles at
//! once, and each cluster gets the findings with evidence in its articles). A finding's evidence
//! is every object in its JSON with integer `start` and `end`, in the document named by the
//! nearest `doc` / `doc_id` / `document` string above it.
//!
//! **Matching rule** (the Python scorer's): a finding matches a gold pair when some evidence in
//! side A's article overlaps side A's span (or the span of a claim listed in `equivalent_a`) and
//! some evidence overlaps side B's (or an `equivalent_b` claim's): half-open character ranges,
//! `start < end' && start' < end`. Conflicts of low confidence are don't-care: left out of
//! recall, but a finding matching one is true. A finding that matches no conflict but matches a
//! non-conflict is false; one that matches neither is unjudged (strict precision counts it
//! against the checker, judged precision leaves it out).
//!
//! Offsets count code points in `article_content` read as Latin-1 (every byte one character),
//! with Python's universal newlines (`\r\n` and `\r` read as `\n`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::EvalError;
use crate::lexicon::Lexicon;

// ---------------------------------------------------------------------------------------------
// FA-KES articles

/// One FA-KES article (the columns the scorer reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// 1-based line of the record in its file.
    pub line: usize,
    pub content: String,
    pub title: String,
    pub source: String,
    /// As in the file: `M/D/YYYY`.
    pub date: String,
}

/// The articles of a FA-KES CSV file by `unit_id` (a repeated id: the last record wins, as in
/// the Python scorer's dictionary).
#[derive(Debug, Clone, Default)]
pub struct FakesArticles {
    pub path: PathBuf,
    pub by_id: HashMap<String, Article>,
}

/// Bytes read as Latin-1 (each byte the character of that code point), with `\r\n` and a lone
/// `\r` read as `\n` (Python's text mode).
pub fn latin1(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                out.push('\n');
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b => out.push(char::from(b)),
        }
        i += 1;
    }
    out
}

/// Reads a FA-KES CSV file (Latin-1; columns by header name: `unit_id`, `article_content`,
/// `article_title`, `source`, `date`). Every data error names the file and line.
pub fn load_fakes(path: &Path) -> Result<FakesArticles, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_fakes(path, &bytes)
}

/// [`load_fakes`] on bytes already read; `path` names them in errors.
pub fn parse_fakes(path: &Path, bytes: &[u8]) -> Result<FakesArticles, EvalError> {
    let text = latin1(bytes);
    let data = |line: usize, message: String| EvalError::Data {
        path: path.to_path_buf(),
        line,
        message,
    };
    let records = crate::csv::parse(&text).map_err(|(line, m)| data(line, m))?;
    let Some((header, rows)) = records.split_first() else {
        return Err(data(1, "empty file".into()));
    };
    let col = |name: &str| {
        header
            .fields
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| data(header.line, format!("no `{name}` column")))
    };
    let (c_id, c_content, c_title, c_source, c_date) = (
        col("unit_id")?,
        col("article_content")?,
        col("article_title")?,
        col("source")?,
        col("date")?,
    );
    let mut by_id = HashMap::with_capacity(rows.len());
    for r in rows {
        let field = |c: usize| {
            r.fields.get(c).cloned().ok_or_else(|| {
                data(
                    r.line,
                    format!(
                        "{} fields, the header has {}",
                        r.fields.len(),
                        header.fields.len()
                    ),
                )
            })
        };
        by_id.insert(
            field(c_id)?,
            Article {
                line: r.line,
                content: field(c_content)?,
                title: field(c_title)?,
                source: field(c_source)?,
                date: field(c_date)?,
            },
        );
    }
    Ok(FakesArticles {
        path: path.to_path_buf(),
        by_id,
    })
}

/// `M/D/YYYY` as `YYYY-MM-DD` (the year as written).
pub fn iso_date(d: &str) -> Option<String> {
    let mut parts = d.split('/');
    let (Some(m), Some(day), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let m: i64 = m.trim().parse().ok()?;
    let day: i64 = day.trim().parse().ok()?;
    Some(format!("{y}-{m:02}-{day:02}"))
}

impl FakesArticles {
    fn article(&self, unit: &str) -> Result<&Article, EvalError> {
        self.by_id.get(unit).ok_or_else(|| EvalError::Data {
            path: self.path.clone(),
            line: 0,
            message: format!("no article `{unit}`"),
        })
    }

    /// The JSON Lines records `check` reads for these articles, one a line, in the given order:
    /// `{id, text, title, outlet, date}`.
    pub fn jsonl<'a>(
        &self,
        units: impl IntoIterator<Item = &'a String>,
    ) -> Result<Vec<u8>, EvalError> {
        let mut out = Vec::new();
        for u in units {
            let a = self.article(u)?;
            let date = iso_date(&a.date).ok_or_else(|| EvalError::Data {
                path: self.path.clone(),
                line: a.line,
                message: format!("date `{}` is not M/D/YYYY", a.date),
            })?;
            let rec = json!({"id": u, "text": a.content, "title": a.title, "outlet": a.source,
                             "date": date});
            // serializing plain data into memory cannot fail
            out.extend(serde_json::to_vec(&rec).unwrap_or_default());
            out.push(b'\n');
        }
        Ok(out)
    }

    /// The text of a span (code points, clamped to the article), trimmed as Python's
    /// `str.strip()`; `None` when the article is not in the data.
    pub fn span_text(&self, unit: &str, span: (usize, usize)) -> Option<String> {
        let a = self.by_id.get(unit)?;
        let len = span.1.saturating_sub(span.0);
        let s: String = a.content.chars().skip(span.0).take(len).collect();
        Some(py_strip(&s).to_string())
    }
}

/// Python's `str.isspace()` (which also counts the separators U+001C to U+001F).
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

// ---------------------------------------------------------------------------------------------
// Gold

/// One side of a gold pair: a claim in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSide {
    #[serde(default)]
    pub claim_id: Option<String>,
    pub unit_id: String,
    /// Who makes the claim (for display).
    #[serde(default)]
    pub party: Option<String>,
    /// `[start, end)` in code points.
    pub span: (usize, usize),
}

/// A conflict, or a look-alike pair recorded as no conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldPair {
    /// `conflict_id` or `non_conflict_id`.
    pub id: String,
    pub cluster: String,
    /// `true` for a conflict, `false` for a non-conflict.
    pub conflict: bool,
    /// The conflict's type (numeric, denial, ...); a non-conflict's category.
    #[serde(rename = "type")]
    pub ty: String,
    /// High, medium or low (conflicts only).
    pub confidence: Option<String>,
    pub explanation: Option<String>,
    pub claim_a: GoldSide,
    pub claim_b: GoldSide,
    /// Claim ids that say the same as side A (B).
    pub equivalent_a: Vec<String>,
    pub equivalent_b: Vec<String>,
}

impl GoldPair {
    /// A conflict counted in recall (not of low confidence).
    pub fn is_gold(&self) -> bool {
        self.conflict && self.confidence.as_deref() != Some("low")
    }
}

/// A conflict gold: its clusters (sorted), the articles of each, the claims, and the pairs in
/// file order.
#[derive(Debug, Clone, Default)]
pub struct ConflictGold {
    pub clusters: Vec<String>,
    /// Cluster → its articles: those of its claims and of its events.
    pub units: BTreeMap<String, BTreeSet<String>>,
    /// Claim id → (article, span) (a repeated id: the last record wins).
    pub claims: HashMap<String, (String, (usize, usize))>,
    pub pairs: Vec<GoldPair>,
}

#[derive(Deserialize)]
struct RawRecord {
    record: String,
    cluster_id: String,
    #[serde(default)]
    claim_id: Option<String>,
    #[serde(default)]
    unit_id: Option<String>,
    #[serde(default)]
    span: Option<(usize, usize)>,
    #[serde(default)]
    unit_ids: Option<Vec<String>>,
    #[serde(default)]
    conflict_id: Option<String>,
    #[serde(default)]
    non_conflict_id: Option<String>,
    #[serde(default, rename = "type")]
    ty: Option<String>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    confidence: Option<String>,
    #[serde(default)]
    explanation: Option<String>,
    #[serde(default)]
    claim_a: Option<GoldSide>,
    #[serde(default)]
    claim_b: Option<GoldSide>,
    #[serde(default)]
    equivalent_a: Option<Vec<String>>,
    #[serde(default)]
    equivalent_b: Option<Vec<String>>,
}

/// Reads a conflict gold (JSON Lines: `event`, `claim`, `conflict` and `non_conflict` records;
/// others are passed over). Every data error names the file and line.
pub fn load_conflict_gold(path: &Path) -> Result<ConflictGold, EvalError> {
    parse_conflict_gold(path, &super::read(path)?)
}

/// [`load_conflict_gold`] on text already read; `path` names it in errors.
pub fn parse_conflict_gold(path: &Path, text: &str) -> Result<ConflictGold, EvalError> {
    let data = |line: usize, message: String| EvalError::Data {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut gold = ConflictGold::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let r: RawRecord = serde_json::from_str(line).map_err(|source| EvalError::Json {
            path: path.to_path_buf(),
            line: n,
            source,
        })?;
        let missing = |what: &str| data(n, format!("{} record without `{what}`", r.record));
        let units = gold.units.entry(r.cluster_id.clone()).or_default();
        match r.record.as_str() {
            "event" => units.extend(r.unit_ids.clone().ok_or_else(|| missing("unit_ids"))?),
            "claim" => {
                let id = r.claim_id.clone().ok_or_else(|| missing("claim_id"))?;
                let unit = r.unit_id.clone().ok_or_else(|| missing("unit_id"))?;
                let span = r.span.ok_or_else(|| missing("span"))?;
                units.insert(unit.clone());
                gold.claims.insert(id, (unit, span));
            }
            "conflict" | "non_conflict" => {
                let conflict = r.record == "conflict";
                let (id, ty) = if conflict {
                    (r.conflict_id.clone(), r.ty.clone())
                } else {
                    (r.non_conflict_id.clone(), r.category.clone())
                };
                gold.pairs.push(GoldPair {
                    id: id.unwrap_or_default(),
                    cluster: r.cluster_id.clone(),
                    conflict,
                    ty: match ty {
                        Some(t) => t,
                        None if conflict => return Err(missing("type")),
                        None => String::new(),
                    },
                    confidence: r.confidence.clone(),
                    explanation: r.explanation.clone(),
                    claim_a: r.claim_a.clone().ok_or_else(|| missing("claim_a"))?,
                    claim_b: r.claim_b.clone().ok_or_else(|| missing("claim_b"))?,
                    equivalent_a: r.equivalent_a.clone().unwrap_or_default(),
                    equivalent_b: r.equivalent_b.clone().unwrap_or_default(),
                });
            }
            _ => {}
        }
    }
    gold.clusters = gold.units.keys().cloned().collect();
    Ok(gold)
}

impl ConflictGold {
    /// Every place that states side A (`a`) or B of a pair: its own claim, then the equivalent
    /// claims the gold holds.
    fn side_spans<'a>(&'a self, p: &'a GoldPair, a: bool) -> Vec<(&'a str, (usize, usize))> {
        let (c, eq) = if a {
            (&p.claim_a, &p.equivalent_a)
        } else {
            (&p.claim_b, &p.equivalent_b)
        };
        let mut out = vec![(c.unit_id.as_str(), c.span)];
        out.extend(
            eq.iter()
                .filter_map(|id| self.claims.get(id))
                .map(|(u, s)| (u.as_str(), *s)),
        );
        out
    }

    /// Whether a finding's evidence covers both sides of a pair.
    pub fn matches(&self, items: &[EvidenceItem], p: &GoldPair) -> bool {
        let side = |a: bool| {
            self.side_spans(p, a)
                .into_iter()
                .any(|(u, sp)| hits(items, u, sp))
        };
        side(true) && side(false)
    }
}

// ---------------------------------------------------------------------------------------------
// Findings

/// A span in a finding's JSON: the document it belongs to, and its offsets when they are
/// integers (an object with only a `text` is kept, without offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceItem {
    pub doc: String,
    pub start: Option<i64>,
    pub end: Option<i64>,
}

/// An integer as Python's `isinstance(x, int)` sees it (a boolean is 0 or 1).
fn py_int(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_u64().map(|u| i64::try_from(u).unwrap_or(i64::MAX))),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// Every span of a finding (as JSON): an object naming a document by a string `doc`, `doc_id`
/// or `document` (first found, in that order) sets it for the objects inside; an object with an
/// integer `start` or a non-empty `text` under a document is a span.
pub fn evidence_items(v: &Value) -> Vec<EvidenceItem> {
    fn walk(v: &Value, doc: Option<&str>, out: &mut Vec<EvidenceItem>) {
        match v {
            Value::Object(m) => {
                let doc = ["doc", "doc_id", "document"]
                    .iter()
                    .find_map(|k| m.get(*k).and_then(Value::as_str))
                    .or(doc);
                let start = py_int(m.get("start"));
                let end = py_int(m.get("end"));
                let text = m.get("text").and_then(Value::as_str).unwrap_or("");
                if let Some(d) = doc {
                    if start.is_some() || !text.is_empty() {
                        out.push(EvidenceItem {
                            doc: d.to_string(),
                            start,
                            end,
                        });
                    }
                }
                for x in m.values() {
                    walk(x, doc, out);
                }
            }
            Value::Array(xs) => {
                for x in xs {
                    walk(x, doc, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, None, &mut out);
    out
}

/// Whether some evidence in `unit` overlaps `span` (half-open ranges).
fn hits(items: &[EvidenceItem], unit: &str, span: (usize, usize)) -> bool {
    let (s, e) = (span.0 as i128, span.1 as i128);
    items.iter().any(|it| {
        it.doc == unit
            && matches!((it.start, it.end), (Some(st), Some(en))
                if i128::from(st) < e && s < i128::from(en))
    })
}

/// `gainsay check NAME --format json` on JSON Lines given as bytes, in process: the same reader,
/// extraction, graph, rules and output, with default options but `own_voice` and the learned
/// attribution layer (`check --model learned`).
pub fn check_jsonl(name: &str, jsonl: &[u8], lx: &Lexicon, opts: &ConflictOptions) -> Value {
    let own_voice = opts.own_voice;
    let ing = crate::ingest::load_bytes(name, jsonl);
    let mut status = ing.status;
    let mut docs = ing.docs.into_iter();
    let opts = crate::extract::ExtractOptions {
        learned: opts.learned,
        ..Default::default()
    };
    let mut xs = Vec::new();
    for s in status.iter_mut().filter(|s| s.status == "processed") {
        let Some(d) = docs.next() else { break };
        let mut x = crate::extract::extract_with(d, lx, &opts);
        // what extraction noticed joins the document's notes, as in the command
        s.warnings.extend(x.warnings.iter().cloned());
        x.compact(true);
        xs.push(x);
    }
    let g = crate::graph::ClaimGraph::build_with(xs, lx, crate::graph::GraphOptions { own_voice });
    let (_, co) = crate::report::check_report(
        &g,
        lx,
        &crate::check::CheckOptions::default(),
        &status,
        &ing.errors,
    );
    // serializing plain data into memory cannot fail
    serde_json::to_value(&co).unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// Scoring

/// How the checker is run.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConflictOptions {
    /// Check all clusters' articles as one input (as a user with a corpus would), then score
    /// each cluster on the findings with evidence in its articles.
    pub whole: bool,
    /// Own-voice statements compared (`check`'s default; off with `--no-own-voice`).
    pub own_voice: bool,
    /// Attributions read with the learned layer (`--model learned`).
    pub learned: bool,
}

/// The counts of one cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClusterScore {
    pub cluster: String,
    /// Conflicts counted in recall (not of low confidence), and those a finding matched.
    pub gold: usize,
    pub found: usize,
    pub findings: usize,
    /// Findings matching a conflict (of any confidence).
    #[serde(rename = "true")]
    pub correct: usize,
    /// Findings matching no conflict but a non-conflict.
    #[serde(rename = "false")]
    pub wrong: usize,
    /// Findings matching nothing recorded.
    pub unjudged: usize,
}

/// A gold conflict no finding matched, with the text of both sides.
#[derive(Debug, Clone, Serialize)]
pub struct MissedConflict {
    #[serde(flatten)]
    pub pair: GoldPair,
    /// The spans' text, trimmed (`None`: the article is not in the data).
    pub text_a: Option<String>,
    pub text_b: Option<String>,
}

/// A finding as `check --format json` gives it, with the cluster it was scored in.
#[derive(Debug, Clone, Serialize)]
pub struct ScoredFinding {
    pub cluster: String,
    pub finding: Value,
}

/// Found / total, by a key (type or confidence).
pub type Tally = BTreeMap<String, (usize, usize)>;

/// The outcome of a conflict evaluation.
#[derive(Debug, Clone, Default)]
pub struct ConflictReport {
    pub options: ConflictOptions,
    pub clusters: Vec<ClusterScore>,
    pub by_type: Tally,
    pub by_confidence: Tally,
    /// In cluster order, then gold order.
    pub missed: Vec<MissedConflict>,
    pub false_findings: Vec<ScoredFinding>,
    pub unjudged_findings: Vec<ScoredFinding>,
}

/// Scores the checker on every cluster of the gold. An article the gold names that the data
/// lacks (or one whose date is not `M/D/YYYY`) is an error.
pub fn evaluate_conflicts(
    gold: &ConflictGold,
    data: &FakesArticles,
    lx: &Lexicon,
    opts: &ConflictOptions,
) -> Result<ConflictReport, EvalError> {
    let run = |name: &str, units: &BTreeSet<String>| -> Result<Vec<Value>, EvalError> {
        let bytes = data.jsonl(units)?;
        let v = check_jsonl(&format!("{name}.jsonl"), &bytes, lx, opts);
        Ok(match v.get("findings") {
            Some(Value::Array(fs)) => fs.clone(),
            _ => Vec::new(),
        })
    };
    for (cid, units) in &gold.units {
        if let Some(u) = units.iter().find(|u| !data.by_id.contains_key(*u)) {
            return Err(EvalError::Data {
                path: data.path.clone(),
                line: 0,
                message: format!("no article `{u}` (of the gold's cluster {cid})"),
            });
        }
    }
    let everything = if opts.whole {
        let all: BTreeSet<String> = gold.units.values().flatten().cloned().collect();
        Some(run("all-clusters", &all)?)
    } else {
        None
    };
    let mut r = ConflictReport {
        options: *opts,
        ..Default::default()
    };
    for cid in &gold.clusters {
        let no_units = BTreeSet::new();
        let units = gold.units.get(cid).unwrap_or(&no_units);
        let fs: Vec<Value> = match &everything {
            Some(all) => all
                .iter()
                .filter(|f| evidence_items(f).iter().any(|i| units.contains(&i.doc)))
                .cloned()
                .collect(),
            None => run(cid, units)?,
        };
        let pairs: Vec<&GoldPair> = gold.pairs.iter().filter(|p| &p.cluster == cid).collect();
        let conflicts: Vec<&GoldPair> = pairs.iter().copied().filter(|p| p.conflict).collect();
        let non: Vec<&GoldPair> = pairs.iter().copied().filter(|p| !p.conflict).collect();
        let items: Vec<Vec<EvidenceItem>> = fs.iter().map(evidence_items).collect();
        let mut score = ClusterScore {
            cluster: cid.clone(),
            findings: fs.len(),
            ..Default::default()
        };
        for p in conflicts.iter().filter(|p| p.is_gold()) {
            let ok = items.iter().any(|it| gold.matches(it, p));
            score.gold += 1;
            score.found += usize::from(ok);
            for (tally, key) in [
                (&mut r.by_type, p.ty.clone()),
                (&mut r.by_confidence, confidence_label(p).to_string()),
            ] {
                let t = tally.entry(key).or_default();
                t.0 += usize::from(ok);
                t.1 += 1;
            }
            if !ok {
                r.missed.push(MissedConflict {
                    pair: (*p).clone(),
                    text_a: data.span_text(&p.claim_a.unit_id, p.claim_a.span),
                    text_b: data.span_text(&p.claim_b.unit_id, p.claim_b.span),
                });
            }
        }
        for (f, it) in fs.iter().zip(&items) {
            let scored = || ScoredFinding {
                cluster: cid.clone(),
                finding: f.clone(),
            };
            if conflicts.iter().any(|p| gold.matches(it, p)) {
                score.correct += 1;
            } else if non.iter().any(|p| gold.matches(it, p)) {
                score.wrong += 1;
                r.false_findings.push(scored());
            } else {
                score.unjudged += 1;
                r.unjudged_findings.push(scored());
            }
        }
        r.clusters.push(score);
    }
    Ok(r)
}

/// A conflict's confidence as the Python scorer prints it (`None` when absent).
fn confidence_label(p: &GoldPair) -> &str {
    p.confidence.as_deref().unwrap_or("None")
}

/// `found/total` items, as the scorer prints them: `denial 3/15, numeric 1/12`.
fn tally_text(t: &Tally) -> String {
    t.iter()
        .map(|(k, (f, n))| format!("{k} {f}/{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A string field of a finding's JSON as Python prints `f.get(key)` (`None` when absent).
fn str_field<'a>(v: &'a Value, key: &str) -> std::borrow::Cow<'a, str> {
    match v.get(key) {
        Some(Value::String(s)) => s.as_str().into(),
        None | Some(Value::Null) => "None".into(),
        Some(other) => other.to_string().into(),
    }
}

/// The evidence sentences of each side of a finding, one line each:
/// `  A [party] doc: sentence`.
fn finding_sides(f: &Value) -> String {
    let mut s = String::new();
    let sides = f.get("sides").and_then(Value::as_array);
    for (i, side) in sides.into_iter().flatten().enumerate() {
        let label = u8::try_from(i).ok().filter(|&i| i < 26).map_or_else(
            || format!("{}", i + 1),
            |i| char::from(b'A' + i).to_string(),
        );
        let evidence = side.get("evidence").and_then(Value::as_array);
        let evidence = evidence.map(Vec::as_slice).unwrap_or_default();
        if evidence.is_empty() {
            let parties = side
                .get("parties")
                .and_then(Value::as_array)
                .map(|ps| {
                    ps.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let _ = writeln!(s, "  {label} [{parties}] (no evidence)");
        }
        // two claims read from one sentence show it once
        let mut shown = BTreeSet::new();
        for e in evidence {
            let sentence = e
                .get("sentence")
                .and_then(|x| x.get("text"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let line = format!(
                "  {label} [{}] {}: {}",
                str_field(e, "party"),
                str_field(e, "doc"),
                py_strip(sentence)
            );
            if shown.insert(line.clone()) {
                s += &line;
                s.push('\n');
            }
        }
    }
    s
}

impl ConflictReport {
    /// The sums over the clusters.
    pub fn totals(&self) -> ClusterScore {
        let mut t = ClusterScore::default();
        for c in &self.clusters {
            t.gold += c.gold;
            t.found += c.found;
            t.findings += c.findings;
            t.correct += c.correct;
            t.wrong += c.wrong;
            t.unjudged += c.unjudged;
        }
        t
    }

    /// Gold conflicts found / gold conflicts.
    pub fn recall(&self) -> f64 {
        let t = self.totals();
        ratio(t.found, t.gold)
    }

    /// True findings / (true + false findings).
    pub fn judged_precision(&self) -> f64 {
        let t = self.totals();
        ratio(t.correct, t.correct + t.wrong)
    }

    /// True findings / all findings.
    pub fn strict_precision(&self) -> f64 {
        let t = self.totals();
        ratio(t.correct, t.findings)
    }

    /// The Python scorer's last line:
    /// `recall=0.11 (4/35) judged_precision=1.00 strict_precision=0.67 findings=3`.
    pub fn summary_line(&self) -> String {
        let t = self.totals();
        format!(
            "recall={:.2} ({}/{}) judged_precision={:.2} strict_precision={:.2} findings={}",
            self.recall(),
            t.found,
            t.gold,
            self.judged_precision(),
            self.strict_precision(),
            t.findings
        )
    }

    /// The report as the Python scorer prints it (per-cluster lines, recall by type, the first
    /// missed conflicts and false findings, the summary line), with recall by confidence, the
    /// evidence sentences of the false findings and the first unjudged findings added.
    pub fn to_text(&self, show_missed: usize, show_false: usize, show_unjudged: usize) -> String {
        let mut s = String::new();
        for c in &self.clusters {
            let _ = writeln!(
                s,
                "cluster {}: gold {} found {} | findings {} true {} false {}",
                c.cluster, c.gold, c.found, c.findings, c.correct, c.wrong
            );
        }
        let _ = writeln!(s, "recall by type: {}", tally_text(&self.by_type));
        let _ = writeln!(
            s,
            "recall by confidence: {}",
            tally_text(&self.by_confidence)
        );
        for m in self.missed.iter().take(show_missed) {
            let p = &m.pair;
            let text = |t: &Option<String>| {
                t.clone()
                    .unwrap_or_else(|| "(article not in the data)".into())
            };
            let _ = writeln!(
                s,
                "\nMISSED {} ({}, {}): {}\n  A [{}] {}\n  B [{}] {}",
                p.id,
                p.ty,
                confidence_label(p),
                p.explanation.as_deref().unwrap_or("None"),
                p.claim_a.party.as_deref().unwrap_or("None"),
                text(&m.text_a),
                p.claim_b.party.as_deref().unwrap_or("None"),
                text(&m.text_b)
            );
        }
        for (what, list, n) in [
            ("FALSE", &self.false_findings, show_false),
            ("UNJUDGED", &self.unjudged_findings, show_unjudged),
        ] {
            for f in list.iter().take(n) {
                let _ = write!(
                    s,
                    "\n{what} in cluster {}: {}: {}\n{}",
                    f.cluster,
                    str_field(&f.finding, "rule"),
                    str_field(&f.finding, "explanation"),
                    finding_sides(&f.finding)
                );
            }
        }
        s += &self.summary_line();
        s.push('\n');
        s
    }

    /// Every number and list of the text report (the lists whole).
    pub fn to_json(&self) -> Value {
        let t = self.totals();
        let tally = |t: &Tally| -> serde_json::Map<String, Value> {
            t.iter()
                .map(|(k, (f, n))| {
                    (
                        k.clone(),
                        json!({"found": f, "gold": n, "recall": ratio(*f, *n)}),
                    )
                })
                .collect()
        };
        json!({
            "whole": self.options.whole, "own_voice": self.options.own_voice,
            "gold": t.gold, "found": t.found, "findings": t.findings,
            "true": t.correct, "false": t.wrong, "unjudged": t.unjudged,
            "recall": self.recall(), "judged_precision": self.judged_precision(),
            "strict_precision": self.strict_precision(),
            "recall_by_type": tally(&self.by_type),
            "recall_by_confidence": tally(&self.by_confidence),
            "clusters": self.clusters,
            "missed": self.missed,
            "false_findings": self.false_findings,
            "unjudged_findings": self.unjudged_findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Invented reports (no dataset text): an accusation, a denial, and an unrelated toll.
    const ACCUSE: &str = "Caf\u{e9} owners in Aleppo closed early. An air strike on Monday hit an aid convoy at Urum al-Kubra, west of Aleppo.\n\nUS officials said Russian jets carried out the strike on the convoy.";
    const DENY: &str = "The Russian defence ministry denied carrying out Monday's strike on the aid convoy near Aleppo.";
    const OTHER: &str = "Aid agencies said the convoy carried food for 78,000 people.";

    /// `text` as Latin-1 bytes (every character below U+0100).
    fn bytes(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect()
    }

    /// `[start, end)` of `needle` in `text`, in characters.
    fn span(text: &str, needle: &str) -> (usize, usize) {
        let b = text.find(needle).unwrap();
        let s = text[..b].chars().count();
        (s, s + needle.chars().count())
    }

    fn articles() -> FakesArticles {
        let mut csv = String::from("unit_id,article_title,article_content,source,date\r\n");
        for (id, text, date) in [
            ("u1", ACCUSE, "9/20/2016"),
            ("u2", DENY, "9/21/2016"),
            ("u3", OTHER, "9/21/2016"),
            ("u4", ACCUSE, "9/20/2016"),
            ("u5", DENY, "9/21/2016"),
            ("u6", ACCUSE, "9/20/2016"),
            ("u7", DENY, "9/21/2016"),
        ] {
            csv += &format!(
                "{id},A title,\"{}\",wire,{date}\r\n",
                text.replace('"', "\"\"")
            );
        }
        parse_fakes(Path::new("t.csv"), &bytes(&csv)).unwrap()
    }

    fn side(unit: &str, text: &str, needle: &str) -> String {
        let (s, e) = span(text, needle);
        format!(
            r#"{{"claim_id": "{unit}.x", "unit_id": "{unit}", "party": "P {unit}", "span": [{s}, {e}]}}"#
        )
    }

    fn gold() -> ConflictGold {
        let acc = "US officials said Russian jets carried out the strike";
        let den = "denied carrying out Monday's strike";
        let toll = "food for 78,000 people";
        let (a1, d2, t3) = (
            side("u1", ACCUSE, acc),
            side("u2", DENY, den),
            side("u3", OTHER, toll),
        );
        let (a4, d5) = (side("u4", ACCUSE, acc), side("u5", DENY, den));
        let lines = [
            r#"{"record": "event", "cluster_id": "c1", "event_id": "e1", "unit_ids": ["u2", "u1"]}"#.to_string(),
            format!(r#"{{"record": "claim", "cluster_id": "c1", "claim_id": "c1.acc", "unit_id": "u1", "span": {:?}}}"#, [span(ACCUSE, acc).0, span(ACCUSE, acc).1]),
            format!(r#"{{"record": "claim", "cluster_id": "c1", "claim_id": "c1.toll", "unit_id": "u3", "span": {:?}}}"#, [span(OTHER, toll).0, span(OTHER, toll).1]),
            // found directly
            format!(r#"{{"record": "conflict", "cluster_id": "c1", "conflict_id": "c1.x1", "type": "responsibility", "confidence": "high", "explanation": "who struck", "claim_a": {a1}, "claim_b": {d2}}}"#),
            // found through the claim side A is equivalent to
            format!(r#"{{"record": "conflict", "cluster_id": "c1", "conflict_id": "c1.x2", "type": "denial", "confidence": "medium", "explanation": "same, via u3", "claim_a": {t3}, "claim_b": {d2}, "equivalent_a": ["c1.acc"]}}"#),
            // missed: nothing in u3 is evidence
            format!(r#"{{"record": "conflict", "cluster_id": "c1", "conflict_id": "c1.x3", "type": "numeric", "confidence": "medium", "explanation": "missed", "claim_a": {t3}, "claim_b": {d2}, "equivalent_a": null}}"#),
            // low confidence: not in recall
            format!(r#"{{"record": "conflict", "cluster_id": "c1", "conflict_id": "c1.x4", "type": "other", "confidence": "low", "explanation": "doubtful", "claim_a": {t3}, "claim_b": {t3}}}"#),
            // c2: the same pair recorded as no conflict
            format!(r#"{{"record": "non_conflict", "cluster_id": "c2", "non_conflict_id": "c2.nc1", "category": "not_same_event", "claim_a": {a4}, "claim_b": {d5}}}"#),
            // c3: nothing recorded about the pair
            r#"{"record": "event", "cluster_id": "c3", "event_id": "e3", "unit_ids": ["u6", "u7"]}"#.to_string(),
        ];
        parse_conflict_gold(Path::new("g.jsonl"), &lines.join("\n\n")).unwrap()
    }

    fn run(whole: bool) -> ConflictReport {
        let lx = Lexicon::builtin();
        let opts = ConflictOptions {
            whole,
            own_voice: false,
            learned: false,
        };
        evaluate_conflicts(&gold(), &articles(), &lx, &opts).unwrap()
    }

    #[test]
    fn latin1_reads_every_byte_as_one_character_with_universal_newlines() {
        assert_eq!(latin1(b"a\xe9\r\nb\rc\n"), "a\u{e9}\nb\nc\n");
        let a = articles();
        assert_eq!(a.by_id.len(), 7);
        assert_eq!(a.by_id["u1"].content, ACCUSE);
        assert_eq!(
            a.span_text("u1", span(ACCUSE, "owners")).as_deref(),
            Some("owners")
        );
        // code points, clamped, stripped as Python strips
        let n = OTHER.chars().count();
        assert_eq!(
            a.span_text("u3", (n - 5, n + 100)).as_deref(),
            Some("ople.")
        );
        assert_eq!(py_strip("\u{1c} x\u{a0}\n"), "x");
        assert_eq!(a.span_text("nope", (0, 1)), None);
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(iso_date("7/5/2016").as_deref(), Some("2016-07-05"));
        assert_eq!(iso_date("12/31/2015").as_deref(), Some("2015-12-31"));
        assert_eq!(iso_date("2016-07-05"), None);
        assert_eq!(iso_date("1/2/3/4"), None);
    }

    #[test]
    fn gold_clusters_units_and_pairs() {
        let g = gold();
        assert_eq!(g.clusters, vec!["c1", "c2", "c3"]);
        assert_eq!(
            g.units["c1"].iter().collect::<Vec<_>>(),
            vec!["u1", "u2", "u3"]
        );
        // a cluster's articles come from its claims and events only, not its pairs' sides
        assert!(g.units["c2"].is_empty());
        assert_eq!(g.pairs.len(), 5);
        assert_eq!(g.pairs.iter().filter(|p| p.is_gold()).count(), 3);
        let e = parse_conflict_gold(
            Path::new("g.jsonl"),
            "{\"record\": \"claim\", \"cluster_id\": \"c\"}",
        )
        .unwrap_err();
        assert!(e.to_string().contains("g.jsonl:1"), "{e}");
    }

    #[test]
    fn evidence_items_inherit_the_document_and_need_integer_offsets() {
        let f = json!({"rule": "r", "sides": [{"evidence": [{"doc": "d1", "sentence":
            {"start": 3, "end": 9, "text": "x"}, "cue": {"start": 4.0, "end": 5, "text": ""}}]},
            {"evidence": [{"document": "d2", "content": {"start": 0, "end": 2}}]}],
            "event": {"start": 1, "end": 2}});
        let items = evidence_items(&f);
        let spans: Vec<_> = items
            .iter()
            .map(|i| (i.doc.as_str(), i.start, i.end))
            .collect();
        // the evidence object itself (no offsets, no text) is no item; the float start is none;
        // the event has no document
        assert_eq!(
            spans,
            vec![("d1", Some(3), Some(9)), ("d2", Some(0), Some(2))]
        );
        // half-open overlap
        assert!(hits(&items, "d1", (8, 20)));
        assert!(!hits(&items, "d1", (9, 20)));
        assert!(!hits(&items, "d1", (0, 3)));
        assert!(!hits(&items, "d3", (0, 100)));
    }

    #[test]
    fn recall_precision_and_lists_per_cluster() {
        let r = run(false);
        let c: Vec<_> = r.clusters.iter().map(|c| c.cluster.as_str()).collect();
        assert_eq!(c, vec!["c1", "c2", "c3"]);
        let (c1, c2, c3) = (&r.clusters[0], &r.clusters[1], &r.clusters[2]);
        assert!(c1.findings >= 1, "{r:#?}");
        assert_eq!((c1.gold, c1.found), (3, 2), "{r:#?}");
        assert_eq!(c1.correct, c1.findings);
        // c2 has no articles of its own (its pairs' sides do not count): nothing is checked
        assert_eq!(c2.findings, 0);
        assert!(c3.findings >= 1 && c3.unjudged == c3.findings, "{r:#?}");
        assert_eq!(r.missed.len(), 1);
        assert_eq!(r.missed[0].pair.id, "c1.x3");
        assert_eq!(
            r.missed[0].text_a.as_deref(),
            Some("food for 78,000 people")
        );
        assert_eq!(r.by_type["responsibility"], (1, 1));
        assert_eq!(r.by_type["numeric"], (0, 1));
        assert!(
            !r.by_type.contains_key("other"),
            "low confidence is don't-care"
        );
        assert_eq!(r.by_confidence["medium"], (1, 2));
        let t = r.totals();
        assert_eq!(t.correct + t.wrong + t.unjudged, t.findings);
        let text = r.to_text(5, 5, 5);
        assert!(
            text.contains("cluster c1: gold 3 found 2 | findings "),
            "{text}"
        );
        assert!(text.contains("recall by type: denial 1/1, numeric 0/1, responsibility 1/1\n"));
        assert!(text.contains("recall by confidence: high 1/1, medium 1/2\n"));
        assert!(text.contains("\nMISSED c1.x3 (numeric, medium): missed\n  A [P u3] food for 78,000 people\n  B [P u2] denied carrying out Monday's strike\n"), "{text}");
        assert!(text.contains("\nUNJUDGED in cluster c3: "), "{text}");
        assert!(
            text.contains("] u7: The Russian defence ministry denied"),
            "{text}"
        );
        let last = text.lines().last().unwrap();
        assert_eq!(
            last,
            format!(
                "recall=0.67 (2/3) judged_precision=1.00 strict_precision={:.2} findings={}",
                c1.correct as f64 / t.findings as f64,
                t.findings
            )
        );
        let v = r.to_json();
        assert_eq!(v["gold"], 3);
        assert_eq!(v["clusters"][0]["true"], c1.correct);
        assert_eq!(v["missed"][0]["id"], "c1.x3");
        assert_eq!(v["unjudged_findings"][0]["cluster"], "c3");
    }

    #[test]
    fn a_non_conflict_makes_a_finding_false() {
        let mut g = gold();
        // give c2 its articles: the finding on u4/u5 matches only the non-conflict
        g.units
            .get_mut("c2")
            .unwrap()
            .extend(["u4".into(), "u5".into()]);
        let lx = Lexicon::builtin();
        let r = evaluate_conflicts(&g, &articles(), &lx, &ConflictOptions::default()).unwrap();
        let c2 = &r.clusters[1];
        assert!(c2.findings >= 1 && c2.wrong == c2.findings, "{r:#?}");
        assert_eq!(r.false_findings[0].cluster, "c2");
        let text = r.to_text(0, 1, 0);
        assert!(text.contains("\nFALSE in cluster c2: "), "{text}");
        assert!(
            text.contains("\n  B [") && text.contains("] u5: The Russian"),
            "{text}"
        );
        // judged precision leaves the unjudged out, strict precision counts them
        assert!(r.judged_precision() < 1.0 && r.strict_precision() < r.judged_precision());
    }

    #[test]
    fn whole_runs_once_and_scores_each_cluster_on_its_articles() {
        let (apart, whole) = (run(false), run(true));
        assert!(whole.options.whole);
        // c1's conflicts are found either way
        assert_eq!(whole.clusters[0].found, 2, "{whole:#?}");
        assert_eq!(whole.totals().gold, apart.totals().gold);
        // each finding a cluster is scored on has evidence in the cluster's articles
        let g = gold();
        for f in whole.unjudged_findings.iter().chain(&whole.false_findings) {
            assert!(
                evidence_items(&f.finding)
                    .iter()
                    .any(|i| g.units[&f.cluster].contains(&i.doc))
            );
        }
        assert_eq!(whole.clusters[1].findings, 0);
    }

    #[test]
    fn an_article_the_data_lacks_is_an_error() {
        let mut g = gold();
        g.units.get_mut("c3").unwrap().insert("u99".into());
        let lx = Lexicon::builtin();
        let e = evaluate_conflicts(&g, &articles(), &lx, &ConflictOptions::default()).unwrap_err();
        assert!(e.to_string().contains("no article `u99`"), "{e}");
    }

    #[test]
    fn check_jsonl_is_the_check_commands_json() {
        let lx = Lexicon::builtin();
        let a = articles();
        let units = ["u1".to_string(), "u2".to_string()];
        let v = check_jsonl(
            "t.jsonl",
            &a.jsonl(&units).unwrap(),
            &lx,
            &ConflictOptions::default(),
        );
        assert_eq!(v["summary"]["documents_processed"], 2);
        assert_eq!(v["documents"][0]["date"], "2016-09-20");
        assert_eq!(v["documents"][0]["outlet"], "wire");
        assert!(
            v["findings"].as_array().is_some_and(|f| !f.is_empty()),
            "{v:#}"
        );
    }
}
