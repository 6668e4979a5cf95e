//! A small CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), for
//! the evaluation datasets, and the writer of `check --format csv`. Records carry the line they
//! start on, for error messages.

/// One record: its fields and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parses `text` into records. An unterminated quoted field is an error: (its line, message).
pub fn parse(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut quoted = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                quote_line = line;
                any = true;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                any = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if any || !field.is_empty() {
                    fields.push(std::mem::take(&mut field));
                    out.push(Record {
                        line: start_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                any = false;
                line += 1;
                start_line = line;
            }
            _ => {
                field.push(c);
                any = true;
            }
        }
    }
    if quoted {
        return Err((quote_line, "unterminated quoted field".to_string()));
    }
    if any || !field.is_empty() {
        fields.push(field);
        out.push(Record {
            line: start_line,
            fields,
        });
    }
    Ok(out)
}

/// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line (ending in CRLF, as RFC 4180 asks) from its fields.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let r = parse("a,b,c\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n2,,z").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].fields, vec!["1", "x, \"y\"", "two\nlines"]);
        assert_eq!(r[1].line, 2);
        assert_eq!(r[2].line, 4);
        assert_eq!(r[2].fields, vec!["2", "", "z"]);
    }

    #[test]
    fn unterminated_quote_names_its_line() {
        let (line, e) = parse("a,b\n1,\"open\n2,3\n").unwrap_err();
        assert_eq!(line, 2, "{e}");
    }

    #[test]
    fn blank_lines_are_skipped() {
        assert_eq!(parse("a\n\nb\n").unwrap().len(), 2);
    }
}
