//! Input: files, directories (recursively: `.txt`, `.md`, `.markdown`, `.jsonl`), and `-` for stdin.
//!
//! Every input document ends up either in [`Ingested::docs`] or reported as skipped with a reason
//! in [`Ingested::status`]; nothing is dropped silently. Bad input never aborts the run.
//!
//! ## Text header
//! A `.txt` or `.md` file may start with a metadata block between two `---` lines:
//!
//! ```text
//! ---
//! title: Strike hits aid convoy near Aleppo
//! outlet: Example Wire
//! date: 2016-09-20
//! ---
//! Body text ...
//! ```
//!
//! Keys are `title`, `outlet` (or `source`, `publisher`), `date` (`YYYY-MM-DD`) and `note` (free
//! text, ignored); others are ignored with a warning. Offsets in
//! the output still count from the first character of the file.
//!
//! ## JSON Lines
//! One record per line: `{"id": "...", "text": "...", "title"?, "outlet"?, "date"?}`.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::model::Document;

/// Extensions read from directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "jsonl"];

/// What happened to one input document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocStatus {
    /// Document id (for skipped inputs: the best id available).
    pub id: String,
    /// `path`, `path:line` for JSONL records, or `-`.
    pub origin: String,
    /// `processed` or `skipped`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The documents read, and the status of every input.
#[derive(Debug, Default)]
pub struct Ingested {
    pub docs: Vec<Document>,
    /// One entry per input document, in input order; processed ones in the order of `docs`.
    pub status: Vec<DocStatus>,
    /// Problems with the inputs themselves (a path that does not exist).
    pub errors: Vec<String>,
}

impl Ingested {
    fn skip(&mut self, id: String, origin: String, reason: String) {
        self.status.push(DocStatus {
            id,
            origin,
            status: "skipped",
            reason: Some(reason),
            warnings: Vec::new(),
        });
    }

    fn accept(
        &mut self,
        mut doc: Document,
        mut warnings: Vec<String>,
        seen: &mut HashMap<String, usize>,
    ) {
        let n = seen.entry(doc.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            // `#` separates a document id from a claim number in claim ids: use `~`
            let new_id = format!("{}~{}", doc.id, n);
            warnings.push(format!(
                "duplicate document id `{}`; renamed to `{new_id}`",
                doc.id
            ));
            doc.id = new_id;
        }
        self.status.push(DocStatus {
            id: doc.id.clone(),
            origin: doc.origin.clone(),
            status: "processed",
            reason: None,
            warnings,
        });
        self.docs.push(doc);
    }
}

/// An input found while expanding the arguments.
enum Input {
    File(PathBuf),
    Stdin,
    /// A path that cannot be read at all, with the reason.
    Missing(PathBuf, String),
}

/// Expands the given paths into inputs (directories recursively, sorted). Directory cycles made
/// by symbolic links are visited once; a file reached twice is read once.
fn expand(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Input> {
    let mut out = Vec::new();
    let mut seen_dirs = std::collections::HashSet::new();
    let mut seen_files = std::collections::HashSet::new();
    let mut stdin_used = false;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin_used {
                errors.push("`-` given twice: stdin is read once".to_string());
            } else {
                stdin_used = true;
                out.push(Input::Stdin);
            }
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, errors, &mut seen_dirs);
            found.sort();
            for f in found {
                if seen_files.insert(std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone())) {
                    out.push(Input::File(f));
                }
            }
        } else if p.exists() {
            if seen_files.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())) {
                out.push(Input::File(p.clone()));
            }
        } else {
            out.push(Input::Missing(
                p.clone(),
                "no such file or directory".to_string(),
            ));
        }
    }
    out
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<String>,
    seen: &mut std::collections::HashSet<PathBuf>,
) {
    let canon = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canon) {
        return; // a symlink cycle, or a directory reached twice
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out, errors, seen);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}

/// Reads every input. Never fails: problems become skipped statuses or errors.
pub fn load(paths: &[PathBuf]) -> Ingested {
    let mut ing = Ingested::default();
    let inputs = expand(paths, &mut ing.errors);
    let mut seen = HashMap::new();
    for input in inputs {
        let path = match input {
            Input::File(p) => p,
            Input::Missing(p, reason) => {
                let id = p.file_stem().map_or_else(
                    || p.display().to_string(),
                    |s| s.to_string_lossy().to_string(),
                );
                ing.skip(id, p.display().to_string(), reason);
                continue;
            }
            Input::Stdin => PathBuf::from("-"),
        };
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                ing.skip(
                    "stdin".into(),
                    "-".into(),
                    format!("cannot read stdin: {e}"),
                );
                continue;
            }
            match decode(&bytes) {
                Err(reason) => ing.skip("stdin".into(), "-".into(), reason),
                Ok(text) if looks_like_jsonl(&text) => read_jsonl(&text, "-", &mut ing, &mut seen),
                Ok(text) => text_document("stdin", "-", text, &mut ing, &mut seen),
            }
            continue;
        }
        let origin = path.display().to_string();
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| origin.clone());
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                ing.skip(id, origin, format!("cannot read file: {e}"));
                continue;
            }
        };
        let text = match decode(&bytes) {
            Ok(t) => t,
            Err(reason) => {
                ing.skip(id, origin, reason);
                continue;
            }
        };
        let is_jsonl = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        if is_jsonl {
            read_jsonl(&text, &origin, &mut ing, &mut seen);
        } else {
            text_document(&id, &origin, text, &mut ing, &mut seen);
        }
    }
    ing
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Stdin is JSONL when its first non-empty line is a JSON object (later bad lines are then
/// reported as bad records, not silently read as text).
fn looks_like_jsonl(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| serde_json::from_str::<serde_json::Value>(l).is_ok_and(|v| v.is_object()))
}

fn text_document(
    id: &str,
    origin: &str,
    text: String,
    ing: &mut Ingested,
    seen: &mut HashMap<String, usize>,
) {
    if text.trim().is_empty() {
        ing.skip(id.into(), origin.into(), "empty document".into());
        return;
    }
    let mut doc = Document::new(id, text);
    doc.origin = origin.to_string();
    let warnings = parse_header(&mut doc);
    if doc.body().trim().is_empty() {
        ing.skip(
            id.into(),
            origin.into(),
            "document has a header but no text".into(),
        );
        return;
    }
    ing.accept(doc, warnings, seen);
}

/// Parses an optional `---` header; returns warnings.
pub fn parse_header(doc: &mut Document) -> Vec<String> {
    let mut warnings = Vec::new();
    let text = doc.text.as_str();
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return warnings;
    }
    let mut off = first_line_end + 1;
    let mut fields: Vec<(usize, String, String)> = Vec::new();
    let mut closed = None;
    let mut line_no = 1;
    while off <= text.len() {
        let end = text[off..].find('\n').map_or(text.len(), |i| off + i);
        let line = text[off..end].trim_end_matches('\r');
        line_no += 1;
        if line.trim_end() == "---" {
            closed = Some((end + 1).min(text.len()));
            break;
        }
        match line.split_once(':') {
            Some((k, v)) => fields.push((line_no, k.trim().to_lowercase(), v.trim().to_string())),
            None if line.trim().is_empty() => {}
            None => {
                warnings.push(format!(
                    "header line {line_no}: expected `key: value`; header ignored"
                ));
                return warnings;
            }
        }
        if end >= text.len() {
            break;
        }
        off = end + 1;
    }
    let Some(body_start) = closed else {
        warnings.push("header opened with `---` is never closed; read as text".into());
        return warnings;
    };
    for (line, k, v) in fields {
        match k.as_str() {
            "title" => doc.title = Some(v),
            "outlet" | "source" | "publisher" => doc.outlet = Some(v),
            "note" => {}
            "date" => match parse_date(&v) {
                Ok(d) => doc.date = Some(d),
                Err(why) => warnings.push(format!(
                    "header line {line}: date `{v}` {why}; weekday phrases stay unresolved"
                )),
            },
            other => warnings.push(format!("header line {line}: unknown key `{other}` ignored")),
        }
    }
    doc.body_start = body_start;
    warnings
}

/// `YYYY-MM-DD`, optionally followed by a time (`2016-09-20T10:00:00Z`); the error says why not.
pub fn parse_date(s: &str) -> Result<Date, &'static str> {
    let s = s.trim();
    let head = s.get(..10).ok_or("is not YYYY-MM-DD")?;
    let shape = head.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shape {
        return Err("is not YYYY-MM-DD");
    }
    head.parse::<Date>()
        .map_err(|_| "is not a real calendar date")
}

#[derive(serde::Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    outlet: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
}

/// A string field, or a warning when the field has another type.
fn string_field(
    v: Option<serde_json::Value>,
    name: &str,
    warnings: &mut Vec<String>,
) -> Option<String> {
    match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => {
            warnings.push(format!(
                "`{name}` should be a string, found {other}; ignored"
            ));
            None
        }
    }
}

fn read_jsonl(text: &str, origin: &str, ing: &mut Ingested, seen: &mut HashMap<String, usize>) {
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let here = format!("{origin}:{line_no}");
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                ing.skip(
                    here.clone(),
                    here,
                    format!("invalid JSON (column {}): {msg}", e.column()),
                );
                continue;
            }
        };
        if !value.is_object() {
            ing.skip(here.clone(), here, "record is not a JSON object".into());
            continue;
        }
        let rec: Record = match serde_json::from_value(value) {
            Ok(r) => r,
            Err(e) => {
                ing.skip(here.clone(), here, format!("bad record: {e}"));
                continue;
            }
        };
        let mut id_note = None;
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            // a numeric id is read as its digits, and the record says so
            Some(serde_json::Value::Number(n)) => {
                id_note = Some(format!("numeric `id` {n} read as the string \"{n}\""));
                n.to_string()
            }
            _ => {
                ing.skip(
                    here.clone(),
                    here,
                    "record has no `id` (a non-empty string or a number)".into(),
                );
                continue;
            }
        };
        let body = match rec.text {
            Some(serde_json::Value::String(s)) => s,
            _ => {
                ing.skip(id, here, "record has no `text` string".into());
                continue;
            }
        };
        if body.trim().is_empty() {
            ing.skip(id, here, "empty text".into());
            continue;
        }
        let mut doc = Document::new(id.clone(), body);
        doc.origin = here;
        let mut warnings: Vec<String> = id_note.into_iter().collect();
        doc.title = string_field(rec.title, "title", &mut warnings);
        doc.outlet = string_field(rec.outlet, "outlet", &mut warnings);
        if let Some(d) = string_field(rec.date, "date", &mut warnings) {
            match parse_date(&d) {
                Ok(d) => doc.date = Some(d),
                Err(why) => {
                    warnings.push(format!("date `{d}` {why}; weekday phrases stay unresolved"))
                }
            }
        }
        ing.accept(doc, warnings, seen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_parsed_and_offsets_keep_counting_from_file_start() {
        let mut doc = Document::new("a", "---\noutlet: Wire\ndate: 2016-09-20\n---\nBody here.");
        let w = parse_header(&mut doc);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.date, Some(Date::new(2016, 9, 20).unwrap()));
        assert_eq!(doc.body(), "Body here.");
    }

    #[test]
    fn bad_header_date_warns() {
        let mut doc = Document::new("a", "---\ndate: Tuesday\n---\nBody.");
        let w = parse_header(&mut doc);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("line 2"), "{w:?}");
        assert_eq!(doc.date, None);
    }

    #[test]
    fn a_numeric_jsonl_id_is_read_as_its_digits_with_a_note() {
        let mut ing = Ingested::default();
        read_jsonl(
            "{\"id\": 42, \"text\": \"One.\"}\n",
            "r.jsonl",
            &mut ing,
            &mut HashMap::new(),
        );
        assert_eq!(ing.docs[0].id, "42");
        assert!(ing.status[0].warnings[0].contains("numeric `id` 42"));
    }

    #[test]
    fn jsonl_errors_name_the_line_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("batch.jsonl");
        std::fs::write(
            &p,
            "{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"text\":\"no id\"}\n{\"id\":\"b\",\"text\":\"Two.\",\"date\":\"2016-09-19\"}\n",
        )
        .unwrap();
        let ing = load(std::slice::from_ref(&p));
        assert_eq!(ing.docs.len(), 2);
        assert_eq!(ing.status.len(), 4);
        let skipped: Vec<_> = ing
            .status
            .iter()
            .filter(|s| s.status == "skipped")
            .collect();
        assert_eq!(skipped.len(), 2);
        assert!(
            skipped[0].origin.ends_with("batch.jsonl:2"),
            "{:?}",
            skipped[0]
        );
        assert!(skipped[1].reason.as_deref().unwrap().contains("`id`"));
        assert_eq!(ing.docs[1].date, Some(Date::new(2016, 9, 19).unwrap()));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_cycles_are_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let ing = load(&[dir.path().to_path_buf(), dir.path().join("a.txt")]);
        assert_eq!(ing.docs.len(), 1);
        assert_eq!(ing.status.len(), 1);
    }

    #[test]
    fn stdin_style_jsonl_detection_uses_the_first_line() {
        assert!(looks_like_jsonl("{\"id\":\"x\",\"text\":\"a\"}\n{broken\n"));
        assert!(!looks_like_jsonl("The army said so.\n{\"id\":1}"));
    }

    #[test]
    fn dates_explain_why_they_fail() {
        assert_eq!(parse_date("2016-02-30"), Err("is not a real calendar date"));
        assert_eq!(parse_date("Tuesday"), Err("is not YYYY-MM-DD"));
        assert!(parse_date("2016-09-20T10:00:00Z").is_ok());
    }

    #[test]
    fn directories_are_walked_and_bad_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.md"), "# Title\n\nText.").unwrap();
        std::fs::write(dir.path().join("a.txt"), "Text.").unwrap();
        std::fs::write(dir.path().join("bin.txt"), b"\x00\x01").unwrap();
        std::fs::write(dir.path().join("latin.txt"), b"caf\xe9").unwrap();
        std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
        std::fs::write(dir.path().join("ignored.csv"), "x").unwrap();
        let ing = load(&[dir.path().to_path_buf(), PathBuf::from("/nonexistent/x")]);
        let ids: Vec<_> = ing.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b"]);
        // 5 files read or skipped, plus the missing path
        assert_eq!(ing.status.len(), 6);
        assert!(
            ing.status
                .iter()
                .any(|s| s.id == "x" && s.reason.as_deref() == Some("no such file or directory"))
        );
        assert!(ing.errors.is_empty());
        let reasons: Vec<_> = ing.status.iter().filter_map(|s| s.reason.clone()).collect();
        assert!(reasons.iter().any(|r| r.contains("binary")));
        assert!(reasons.iter().any(|r| r.contains("UTF-8")));
        assert!(reasons.iter().any(|r| r.contains("empty")));
    }
}
