//! HTML remnants in scraped text: tags, comments and character references.
//!
//! Only real HTML is touched: a tag is `<` + a known HTML element name (or `/name`, `!--`), so
//! "x < 5" or "<Reuters>" stay as written. Block elements (`p`, `br`, `div`, `li`, headings,
//! table rows) become line breaks, so paragraphs survive; `script`, `style` and `noscript`
//! elements go with their contents; other tags vanish. Character references (`&amp;`,
//! `&#8217;`, `&#x201C;`, and the common named ones) are decoded only in text that has markup or
//! at least one reference. The cleaned text is the document's text: offsets count in it.

/// Elements whose tags are removed; the `true` ones break the line.
const ELEMENTS: &[(&str, bool)] = &[
    ("a", false),
    ("abbr", false),
    ("article", true),
    ("aside", true),
    ("b", false),
    ("blockquote", true),
    ("body", true),
    ("br", true),
    ("button", false),
    ("caption", true),
    ("cite", false),
    ("code", false),
    ("dd", true),
    ("div", true),
    ("dl", true),
    ("dt", true),
    ("em", false),
    ("figcaption", true),
    ("figure", true),
    ("font", false),
    ("footer", true),
    ("form", true),
    ("h1", true),
    ("h2", true),
    ("h3", true),
    ("h4", true),
    ("h5", true),
    ("h6", true),
    ("head", true),
    ("header", true),
    ("hr", true),
    ("html", true),
    ("i", false),
    ("iframe", false),
    ("img", false),
    ("input", false),
    ("label", false),
    ("li", true),
    ("link", false),
    ("main", true),
    ("meta", false),
    ("nav", true),
    ("ol", true),
    ("p", true),
    ("picture", false),
    ("pre", true),
    ("q", false),
    ("section", true),
    ("small", false),
    ("source", false),
    ("span", false),
    ("strong", false),
    ("sub", false),
    ("sup", false),
    ("table", true),
    ("tbody", true),
    ("td", false),
    ("th", false),
    ("thead", true),
    ("time", false),
    ("title", true),
    ("tr", true),
    ("u", false),
    ("ul", true),
    ("video", false),
];

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &["script", "style", "noscript"];

/// Named character references decoded (the ones news markup uses).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("laquo", '\u{AB}'),
    ("raquo", '\u{BB}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("eacute", '\u{E9}'),
    ("copy", '\u{A9}'),
];

/// What was removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Cleaned {
    pub tags: usize,
    pub references: usize,
}

/// The text without its HTML remnants, or `None` when it has none.
pub fn strip(text: &str) -> Option<(String, Cleaned)> {
    if !text.contains('<') && !text.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut done = Cleaned::default();
    let mut rest = text;
    // once a comment finds no `-->`, no later one can: stop looking (else "<!--" repeated is
    // quadratic)
    let mut comments_close = true;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            if let Some((len, brk)) = tag(rest, &mut comments_close) {
                done.tags += 1;
                if brk {
                    out.push('\n');
                }
                rest = &rest[len..];
                continue;
            }
        } else if let Some((len, c)) = reference(rest) {
            done.references += 1;
            out.push(c);
            rest = &rest[len..];
            continue;
        }
        out.push_str(&rest[..1]);
        rest = &rest[1..];
    }
    out.push_str(rest);
    (done != Cleaned::default()).then_some((out, done))
}

/// Longest a tag may be (attributes included); past it, `<` is read as text.
const MAX_TAG: usize = 2000;

/// A tag, comment or dropped element at the start of `s`: its length in bytes, and whether it
/// breaks the line.
fn tag(s: &str, comments_close: &mut bool) -> Option<(usize, bool)> {
    if let Some(body) = s.strip_prefix("<!--") {
        if !*comments_close {
            return None;
        }
        let found = body.find("-->").map(|e| (4 + e + 3, false));
        *comments_close = found.is_some();
        return found;
    }
    let inner = s.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = inner[..name_len].to_ascii_lowercase();
    // the name ends the tag or is followed by whitespace, `/` or `>`
    let next = inner[name_len..].chars().next()?;
    if !(next == '>' || next == '/' || next.is_whitespace()) {
        return None;
    }
    let mut cut = s.len().min(MAX_TAG);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &s[..cut];
    let end = window.find('>')? + 1;
    // a `<` before the `>` means this was not a tag
    if s[1..end].contains('<') {
        return None;
    }
    if !closing && DROPPED.contains(&name.as_str()) {
        let close = format!("</{name}");
        let stop = s.as_bytes()[end..]
            .windows(close.len())
            .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
            .map_or(s.len(), |k| end + k);
        let stop = s[stop..].find('>').map_or(s.len(), |k| stop + k + 1);
        return Some((stop, true));
    }
    ELEMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, brk)| (end, brk))
}

/// A character reference at the start of `s`: its length and the character.
fn reference(s: &str) -> Option<(usize, char)> {
    let body = s.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)?
    };
    Some((1 + end + 1, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_blocks_break_references_decode() {
        let (t, c) = strip(
            "<p>The army said it &ldquo;holds&rdquo; the town.</p><p>Rebels denied it&#8217;s true.<br/>AT&amp;T</p>",
        )
        .unwrap();
        assert_eq!(
            t,
            "\nThe army said it \u{201C}holds\u{201D} the town.\n\nRebels denied it\u{2019}s true.\nAT&T\n"
        );
        assert_eq!(c.tags, 5);
        assert_eq!(c.references, 4);
    }

    #[test]
    fn scripts_and_comments_vanish() {
        let (t, _) =
            strip("Before.<script type=\"x\">var a = 1 < 2;</script><!-- ad -->After.").unwrap();
        assert_eq!(t, "Before.\nAfter.");
    }

    #[test]
    fn prose_with_angle_brackets_and_ampersands_is_left_alone() {
        assert_eq!(strip("x < 5 and y > 3, Smith & Sons, <Reuters>"), None);
        assert_eq!(strip("an unclosed <p tag"), None);
        assert_eq!(strip("&unknown; &#xZZ; &"), None);
    }

    #[test]
    fn unclosed_comments_stay_text() {
        // 100,000 unclosed comments (the input that made cleaning quadratic, before `strip`
        // stopped looking for `-->` after one search failed)
        let text = "<!-- ".repeat(100_000) + "<p>x";
        let (t, c) = strip(&text).unwrap();
        assert_eq!(c.tags, 1);
        assert!(t.starts_with("<!-- <!-- "));
    }

    #[test]
    fn an_unclosed_script_drops_the_rest_without_panicking() {
        let (t, _) = strip("Text.<script>never closed \u{201C}").unwrap();
        assert_eq!(t, "Text.\n");
    }
}
