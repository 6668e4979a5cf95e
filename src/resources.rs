//! `gainsay resources`: the merged entries of the resource files with where each comes from, and
//! what a phrase resolves to (`--find`). Formats text; the binary prints it.

use std::fmt::Write;
use std::path::Path;

use crate::lexicon::{self, Lexicon, LexiconError, Merge};

/// The report of `gainsay resources [FILE] [--find TEXT]`.
///
/// - no file, no text: every resource file with its number of entries (built-in and the user's);
/// - a file: its merged entries, one a line, each after its origin (`resources/parties.tsv:42`
///   or the user's path and line);
/// - `--find TEXT`: the party aliases that match in TEXT (every reading, which one fires and
///   why), the places and region names it holds, and the entries of every other file whose
///   first column is TEXT (or, with a file, of that file only).
pub fn report(
    dir: Option<&Path>,
    merge: Merge,
    file: Option<&str>,
    find: Option<&str>,
) -> Result<String, LexiconError> {
    let files = lexicon::resource_rows(dir, merge)?;
    if let Some(f) = file {
        if !files.iter().any(|(n, _)| *n == f) {
            let known: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
            return Err(LexiconError {
                file: f.to_string(),
                line: 0,
                message: format!("no such resource file; known files: {}", known.join(", ")),
            });
        }
    }
    let mut out = String::new();
    let Some(text) = find else {
        for (name, rows) in &files {
            match file {
                Some(f) if f != *name => continue,
                Some(_) => {
                    for r in rows {
                        let _ = writeln!(out, "{}:{}\t{}", r.file, r.line, r.text);
                    }
                }
                None => {
                    let user = rows.iter().filter(|r| r.user).count();
                    let _ = writeln!(
                        out,
                        "{name:<26} {:>6} entries{}",
                        rows.len(),
                        if user > 0 {
                            format!(" ({user} from --resources)")
                        } else {
                            String::new()
                        }
                    );
                }
            }
        }
        return Ok(out);
    };
    let lx = Lexicon::load_with(dir, merge)?;
    let parties = file.is_none_or(lexicon::is_party_file);
    if parties {
        let (readings, regions) = crate::regions::explain(text, &lx);
        let contexts = regions.contexts(&lx);
        let _ = writeln!(
            out,
            "As a document, \"{text}\" is about: {}",
            if contexts.is_empty() {
                "no region".to_string()
            } else {
                contexts
                    .iter()
                    .map(|(c, n)| format!("{c} ({n} mention{})", if *n == 1 { "" } else { "s" }))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        if readings.is_empty() {
            let _ = writeln!(out, "No party alias matches.");
        }
        for r in &readings {
            let a = &lx.aliases[r.alias];
            let code = |id: &u16| lx.regions.get(*id as usize).map_or("?", |s| s.as_str());
            let scope = if !a.context.is_empty() {
                format!(
                    "only in a report about {}",
                    a.context.iter().map(code).collect::<Vec<_>>().join(" or ")
                )
            } else if let Some(h) = &a.home {
                format!("everywhere; tells that a report is about {}", code(h))
            } else {
                "everywhere".to_string()
            };
            let why = if r.fires {
                "fires".to_string()
            } else if !a.context.is_empty() && !a.context.iter().any(|c| regions.in_context(*c)) {
                "does not fire here: no region of its context".to_string()
            } else {
                "does not fire here: a longer alias, or a stronger reading, wins".to_string()
            };
            let _ = writeln!(
                out,
                "\"{}\" -> {} ({}, roles: {}) [{}] {}:{}: {}",
                r.matched,
                a.party,
                format!("{:?}", a.kind).to_lowercase(),
                if a.roles.is_empty() {
                    "-".to_string()
                } else {
                    a.roles.join(",")
                },
                scope,
                a.source.0,
                a.source.1,
                why
            );
        }
    }
    // other files: entries whose first column is the text
    let key = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for (name, rows) in &files {
        if lexicon::is_party_file(name) || file.is_some_and(|f| f != *name) {
            continue;
        }
        for r in rows {
            let first = r.text.split('\t').next().unwrap_or("");
            let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
            if first.to_lowercase() == key {
                let _ = writeln!(out, "{}:{}\t{}", r.file, r.line, r.text);
            }
        }
    }
    Ok(out)
}
