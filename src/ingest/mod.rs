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

pub mod decode;
pub mod html;
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
            // a dangling link or a loop of links says so, not just "missing"
            let why = match std::fs::metadata(p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => e.to_string(),
                _ => "no such file or directory".to_string(),
            };
            out.push(Input::Missing(p.clone(), why));
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
        // a directory's README describes its reports and is none of them (`samples/README.md`);
        // named as an input, it is read like any file
        let readme = p
            .file_stem()
            .is_some_and(|s| s.to_string_lossy().eq_ignore_ascii_case("readme"));
        if p.is_dir() {
            walk(&p, out, errors, seen);
        } else if !readme
            && p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}

/// Reads every input. Never fails: problems become skipped statuses or errors.
pub fn load(paths: &[PathBuf]) -> Ingested {
    let mut reader = Reader::new(paths);
    let mut ing = Ingested::default();
    for item in reader.by_ref() {
        ing.status.push(item.status);
        ing.docs.extend(item.doc);
    }
    ing.errors = reader.errors;
    ing
}

/// Reads one input given as bytes, as a file named `name` would be read (by its extension): what
/// the fuzz targets and tests feed in.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Ingested {
    let mut reader = Reader::default();
    let jsonl = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    let id = Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().to_string());
    if jsonl {
        reader.lines = Some(Lines::new(
            name.to_string(),
            Box::new(std::io::Cursor::new(bytes.to_vec())),
        ));
    } else {
        let item = reader.text_file(&id, name, bytes);
        reader.pending.push_back(item);
    }
    let mut ing = Ingested::default();
    for item in reader.by_ref() {
        ing.status.push(item.status);
        ing.docs.extend(item.doc);
    }
    ing
}

/// A document handed over in memory (the Python package's `docs`), read as the CLI reads a file
/// or a line.
#[derive(Debug, Clone)]
pub enum Given {
    /// A report's text, read as a text file is (a `---` metadata header is read too).
    Text(String),
    /// A JSON object, read as a JSON Lines record is (`{"id", "text", "title"?, "outlet"?,
    /// "date"?}`).
    Record(String),
}

/// Reads documents held in memory: item `i` (from 1) has the origin `name:i`, as line `i` of a
/// JSON Lines file named `name` would; a text gets the id `doc{i}`. Never fails: problems become
/// skipped statuses, as the CLI reports them.
pub fn load_given(name: &str, items: Vec<Given>) -> Reader {
    let mut reader = Reader::default();
    for (i, item) in items.into_iter().enumerate() {
        let here = format!("{name}:{}", i + 1);
        let loaded = match item {
            Given::Text(text) => reader.text_file(&format!("doc{}", i + 1), &here, text.as_bytes()),
            Given::Record(line) => reader.record(&line, here, Vec::new()),
        };
        reader.pending.push_back(loaded);
    }
    reader
}

/// One input document read: its status, and the document when it was processed.
#[derive(Debug)]
pub struct Loaded {
    pub status: DocStatus,
    pub doc: Option<Document>,
}

/// The inputs as a stream of documents, in input order. Text files are read one at a time and
/// JSON Lines one line at a time, so memory does not grow with the corpus.
#[derive(Default)]
pub struct Reader {
    inputs: std::collections::VecDeque<Input>,
    lines: Option<Lines>,
    pending: std::collections::VecDeque<Loaded>,
    seen: HashMap<String, usize>,
    /// Problems with the inputs themselves (a directory that cannot be listed).
    pub errors: Vec<String>,
    /// Bytes in the input files (stdin not counted), and bytes read so far.
    pub total_bytes: u64,
    pub read_bytes: u64,
}

/// A JSON Lines source being read.
struct Lines {
    origin: String,
    src: Box<dyn std::io::BufRead>,
    line_no: usize,
    /// Non-blank lines read (a file with none is reported, not passed over).
    records: usize,
    /// A line already read (stdin's first line, read to tell JSONL from text).
    held: Option<Vec<u8>>,
}

impl Lines {
    fn new(origin: String, src: Box<dyn std::io::BufRead>) -> Self {
        Lines {
            origin,
            src,
            line_no: 0,
            records: 0,
            held: None,
        }
    }
}

impl Reader {
    /// Expands the paths (directories recursively, in sorted order); nothing is read yet.
    pub fn new(paths: &[PathBuf]) -> Self {
        let mut r = Reader::default();
        let inputs = expand(paths, &mut r.errors);
        r.total_bytes = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                _ => None,
            })
            .sum();
        r.inputs = inputs.into();
        r
    }

    fn skipped(id: String, origin: String, reason: String) -> Loaded {
        Loaded {
            status: DocStatus {
                id,
                origin,
                status: "skipped",
                reason: Some(reason),
                warnings: Vec::new(),
            },
            doc: None,
        }
    }

    /// A processed document, renamed when its id was seen before.
    fn accept(&mut self, mut doc: Document, mut warnings: Vec<String>) -> Loaded {
        let n = self.seen.entry(doc.id.clone()).or_insert(0);
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
        Loaded {
            status: DocStatus {
                id: doc.id.clone(),
                origin: doc.origin.clone(),
                status: "processed",
                reason: None,
                warnings,
            },
            doc: Some(doc),
        }
    }

    /// A text or Markdown file's bytes.
    fn text_file(&mut self, id: &str, origin: &str, bytes: &[u8]) -> Loaded {
        match decode::decode(bytes) {
            Err(reason) => Self::skipped(id.into(), origin.into(), reason),
            Ok(d) => self.text_document(id, origin, d.text, d.notes),
        }
    }

    fn text_document(
        &mut self,
        id: &str,
        origin: &str,
        text: String,
        mut warnings: Vec<String>,
    ) -> Loaded {
        let text = clean_html(text, &mut warnings);
        if text.trim().is_empty() {
            return Self::skipped(id.into(), origin.into(), "empty document".into());
        }
        let mut doc = Document::new(id, text);
        doc.origin = origin.to_string();
        warnings.extend(parse_header(&mut doc));
        if doc.body().trim().is_empty() {
            return Self::skipped(
                id.into(),
                origin.into(),
                "document has a header but no text".into(),
            );
        }
        self.accept(doc, warnings)
    }

    /// The next JSONL record of the source being read, `None` at its end.
    fn next_line(&mut self) -> Option<Loaded> {
        loop {
            let lines = self.lines.as_mut()?;
            let buf = match lines.held.take() {
                Some(b) => b,
                None => {
                    let mut buf = Vec::new();
                    match lines.src.read_until(b'\n', &mut buf) {
                        Ok(0) => {
                            let empty = (lines.records == 0).then(|| {
                                let id = Path::new(&lines.origin).file_stem().map_or_else(
                                    || lines.origin.clone(),
                                    |s| s.to_string_lossy().to_string(),
                                );
                                Self::skipped(
                                    id,
                                    lines.origin.clone(),
                                    "no records (the JSON Lines input is empty)".into(),
                                )
                            });
                            self.lines = None;
                            return empty;
                        }
                        Ok(_) => buf,
                        Err(e) => {
                            let at = format!("{}:{}", lines.origin, lines.line_no + 1);
                            self.lines = None;
                            return Some(Self::skipped(
                                at.clone(),
                                at,
                                format!("cannot read the rest of the file: {e}"),
                            ));
                        }
                    }
                }
            };
            self.read_bytes += buf.len() as u64;
            lines.line_no += 1;
            let here = format!("{}:{}", lines.origin, lines.line_no);
            let mut line: &[u8] = &buf;
            if lines.line_no == 1 {
                line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.records += 1;
            // the line end is no part of the record (so an error's column counts in the line)
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let mut notes = Vec::new();
            let text = decode::decode_text(line, &mut notes);
            return Some(self.record(&text, here, notes));
        }
    }

    /// One JSONL record.
    fn record(&mut self, line: &str, here: String, mut warnings: Vec<String>) -> Loaded {
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                let what = if e.is_eof() {
                    "truncated JSON"
                } else {
                    "invalid JSON"
                };
                return Self::skipped(
                    here.clone(),
                    here,
                    format!("{what} (column {}): {msg}", e.column()),
                );
            }
        };
        let serde_json::Value::Object(mut rec) = value else {
            return Self::skipped(here.clone(), here, "record is not a JSON object".into());
        };
        let id = match rec.remove("id") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            // a numeric id is read as its digits, and the record says so
            Some(serde_json::Value::Number(n)) => {
                warnings.push(format!("numeric `id` {n} read as the string \"{n}\""));
                n.to_string()
            }
            other => {
                return Self::skipped(
                    here.clone(),
                    here,
                    format!(
                        "record has no `id` (a non-empty string or a number); found {}",
                        type_name(other.as_ref())
                    ),
                );
            }
        };
        let body = match rec.remove("text") {
            Some(serde_json::Value::String(s)) => s,
            other => {
                return Self::skipped(
                    id,
                    here,
                    format!(
                        "record has no `text` string; found {}",
                        type_name(other.as_ref())
                    ),
                );
            }
        };
        let body = clean_html(body, &mut warnings);
        if body.trim().is_empty() {
            return Self::skipped(id, here, "empty text".into());
        }
        let mut doc = Document::new(id.clone(), body);
        doc.origin = here;
        doc.title = string_field(rec.remove("title"), "title", &mut warnings);
        doc.outlet = string_field(rec.remove("outlet"), "outlet", &mut warnings);
        if let Some(d) = string_field(rec.remove("date"), "date", &mut warnings) {
            match parse_date(&d) {
                Ok(d) => doc.date = Some(d),
                Err(why) => {
                    warnings.push(format!("date `{d}` {why}; weekday phrases stay unresolved"))
                }
            }
        }
        self.accept(doc, warnings)
    }

    /// Standard input: JSON Lines when its first non-empty line is a JSON object (later bad lines
    /// are then reported as bad records, not read as text), else one text document.
    fn stdin(&mut self) -> Loaded {
        let mut src: Box<dyn std::io::BufRead> =
            Box::new(std::io::BufReader::new(std::io::stdin()));
        let mut head = Vec::new();
        let mut first = Vec::new();
        let mut blank_lines = 0;
        loop {
            first.clear();
            match src.read_until(b'\n', &mut first) {
                Ok(0) => break,
                Ok(_) if first.iter().all(u8::is_ascii_whitespace) => {
                    blank_lines += 1;
                    head.extend_from_slice(&first);
                }
                Ok(_) => break,
                Err(e) => {
                    return Self::skipped(
                        "stdin".into(),
                        "-".into(),
                        format!("cannot read stdin: {e}"),
                    );
                }
            }
        }
        let first_line = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&first);
        let is_jsonl =
            serde_json::from_slice::<serde_json::Value>(first_line).is_ok_and(|v| v.is_object());
        if is_jsonl {
            let mut lines = Lines::new("-".into(), src);
            lines.line_no = blank_lines;
            lines.held = Some(first);
            self.lines = Some(lines);
            return self.next_line().unwrap_or_else(|| {
                Self::skipped("stdin".into(), "-".into(), "empty input".into())
            });
        }
        head.extend_from_slice(&first);
        if let Err(e) = src.read_to_end(&mut head) {
            return Self::skipped(
                "stdin".into(),
                "-".into(),
                format!("cannot read stdin: {e}"),
            );
        }
        self.read_bytes += head.len() as u64;
        self.text_file("stdin", "-", &head)
    }
}

impl Iterator for Reader {
    type Item = Loaded;

    fn next(&mut self) -> Option<Loaded> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let path = match self.inputs.pop_front()? {
                Input::File(p) => p,
                Input::Missing(p, reason) => {
                    let id = p.file_stem().map_or_else(
                        || p.display().to_string(),
                        |s| s.to_string_lossy().to_string(),
                    );
                    return Some(Self::skipped(id, p.display().to_string(), reason));
                }
                Input::Stdin => return Some(self.stdin()),
            };
            let origin = path.display().to_string();
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_else(|| origin.clone());
            let is_jsonl = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
            if is_jsonl {
                match std::fs::File::open(&path) {
                    Ok(f) => {
                        self.lines = Some(Lines::new(
                            origin,
                            Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                        ));
                        continue;
                    }
                    Err(e) => {
                        return Some(Self::skipped(id, origin, format!("cannot read file: {e}")));
                    }
                }
            }
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => return Some(Self::skipped(id, origin, format!("cannot read file: {e}"))),
            };
            self.read_bytes += bytes.len() as u64;
            return Some(self.text_file(&id, &origin, &bytes));
        }
    }
}

/// The text without HTML remnants, noting what went.
fn clean_html(text: String, warnings: &mut Vec<String>) -> String {
    match html::strip(&text) {
        None => text,
        Some((clean, done)) => {
            warnings.push(format!(
                "HTML remnants removed ({} tag(s), {} character reference(s)); offsets count in the cleaned text",
                done.tags, done.references
            ));
            clean
        }
    }
}

/// What a JSON field holds, for messages.
fn type_name(v: Option<&serde_json::Value>) -> &'static str {
    match v {
        None => "no such field",
        Some(serde_json::Value::Null) => "null",
        Some(serde_json::Value::Bool(_)) => "a boolean",
        Some(serde_json::Value::Number(_)) => "a number",
        Some(serde_json::Value::String(_)) => "an empty string",
        Some(serde_json::Value::Array(_)) => "an array",
        Some(serde_json::Value::Object(_)) => "an object",
    }
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
        let ing = load_bytes("r.jsonl", b"{\"id\": 42, \"text\": \"One.\"}\n");
        assert_eq!(ing.docs[0].id, "42");
        assert!(ing.status[0].warnings[0].contains("numeric `id` 42"));
    }

    #[test]
    fn jsonl_records_say_what_is_wrong_with_them() {
        let ing = load_bytes(
            "r.jsonl",
            b"{\"id\":\"a\",\"text\":[\"p1\"]}\n[1]\n{\"id\":true,\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"cut\n",
        );
        let reasons: Vec<_> = ing
            .status
            .iter()
            .map(|s| s.reason.clone().unwrap())
            .collect();
        assert_eq!(reasons.len(), 4);
        assert!(reasons[0].contains("found an array"), "{reasons:?}");
        assert!(reasons[1].contains("not a JSON object"), "{reasons:?}");
        assert!(reasons[2].contains("found a boolean"), "{reasons:?}");
        // the column counts in the line, not past its end
        assert!(
            reasons[3].starts_with("truncated JSON (column 21)"),
            "{reasons:?}"
        );
        assert_eq!(ing.status[3].origin, "r.jsonl:4");
    }

    #[test]
    fn a_jsonl_line_in_windows_1252_is_decoded_and_noted() {
        let ing = load_bytes(
            "r.jsonl",
            b"{\"id\":\"a\",\"text\":\"He said \x93no\x94.\"}\r\n",
        );
        assert_eq!(ing.docs[0].text, "He said \u{201C}no\u{201D}.");
        assert!(ing.status[0].warnings[0].contains("Windows-1252"));
    }

    #[test]
    fn html_remnants_are_cleaned_and_noted() {
        let ing = load_bytes("a.txt", b"<p>The army said it holds the town.</p>");
        assert_eq!(ing.docs[0].text, "\nThe army said it holds the town.\n");
        assert!(ing.status[0].warnings[0].contains("HTML remnants removed"));
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

    #[test]
    fn a_directory_readme_is_no_report_unless_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "The army said it holds the town.").unwrap();
        std::fs::write(dir.path().join("README.md"), "# About these reports").unwrap();
        let ing = load(&[dir.path().to_path_buf()]);
        assert_eq!(ing.docs.len(), 1);
        assert_eq!(ing.docs[0].id, "a");
        let ing = load(&[dir.path().join("README.md")]);
        assert_eq!(ing.docs.len(), 1, "a README named as an input is read");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_loop_of_links_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x.txt"), dir.path().join("y.txt"));
        std::os::unix::fs::symlink(&x, &y).unwrap();
        std::os::unix::fs::symlink(&y, &x).unwrap();
        let ing = load(&[x]);
        let reason = ing.status[0].reason.as_deref().unwrap();
        assert!(reason.contains("symbolic links"), "{reason}");
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
        // Latin-1 text is read as Windows-1252, with a note
        assert_eq!(ids, vec!["a", "latin", "b"]);
        assert_eq!(ing.docs[1].text, "caf\u{e9}");
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
        assert!(reasons.iter().any(|r| r.contains("empty")));
        let latin = ing.status.iter().find(|s| s.id == "latin").unwrap();
        assert!(latin.warnings[0].contains("Windows-1252"));
    }
}
