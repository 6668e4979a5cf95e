//! Bytes to text: the encoding policy for scraped input.
//!
//! | input | what happens |
//! |---|---|
//! | UTF-8 | read as is |
//! | UTF-8 with a byte-order mark | the mark is dropped; offsets count from the character after it |
//! | UTF-16 with a byte-order mark | decoded (noted); a lone surrogate becomes U+FFFD |
//! | mostly UTF-8, a few broken sequences | each broken sequence becomes U+FFFD (noted, with the first byte offset) |
//! | not UTF-8 at all (no valid multi-byte sequence) | read as Windows-1252, the usual encoding of such files: its smart quotes and dashes come out right (noted) |
//! | a NUL byte, or many control bytes | binary: skipped |
//!
//! Line ends (LF, CRLF, CR) are kept as they are: offsets count in the text as decoded.

/// A decoded text and what the reader should know about how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub notes: Vec<String>,
}

/// Share of control bytes (other than tab, line feed, carriage return and form feed) above which
/// a file is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes a whole file (or stdin). `Err` holds the reason the input is skipped.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let mut notes = Vec::new();
    for (bom, name, le) in [
        (&b"\xFF\xFE\x00\x00"[..], "UTF-32LE", true),
        (&b"\x00\x00\xFE\xFF"[..], "UTF-32BE", false),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            notes.push(format!("{name} (byte-order mark): decoded"));
            return Ok(Decoded {
                text: utf32(rest, le, &mut notes),
                notes,
            });
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        notes.push("UTF-16LE (byte-order mark): decoded".to_string());
        return Ok(Decoded {
            text: utf16(rest, u16::from_le_bytes, &mut notes),
            notes,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        notes.push("UTF-16BE (byte-order mark): decoded".to_string());
        return Ok(Decoded {
            text: utf16(rest, u16::from_be_bytes, &mut notes),
            notes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // UTF-16 without a byte-order mark: text in Latin script has a zero in every other byte
    if let Some(le) = bomless_utf16(bytes) {
        let name = if le { "UTF-16LE" } else { "UTF-16BE" };
        notes.push(format!(
            "{name} without a byte-order mark (told by its zero bytes): decoded"
        ));
        let unit: fn([u8; 2]) -> u16 = if le {
            u16::from_le_bytes
        } else {
            u16::from_be_bytes
        };
        return Ok(Decoded {
            text: utf16(bytes, unit, &mut notes),
            notes,
        });
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at offset {at})"));
    }
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if control > 8 && control as f64 > MAX_CONTROL_SHARE * bytes.len() as f64 {
        return Err(format!(
            "binary file ({control} control bytes in {} bytes)",
            bytes.len()
        ));
    }
    let text = decode_text(bytes, &mut notes);
    Ok(Decoded { text, notes })
}

/// Decodes bytes known not to be binary (a JSONL line, say): UTF-8, else UTF-8 with replacement
/// characters, else Windows-1252, noting which.
pub fn decode_text(bytes: &[u8], notes: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let first_bad = e.valid_up_to();
            let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
            for chunk in bytes.utf8_chunks() {
                valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                }
            }
            if valid_multibyte > invalid {
                notes.push(format!(
                    "not valid UTF-8: {invalid} broken byte sequence(s) replaced by U+FFFD (first at byte {first_bad})"
                ));
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                notes.push(format!(
                    "not UTF-8 (first at byte {first_bad}): read as Windows-1252"
                ));
                bytes.iter().map(|&b| windows_1252(b)).collect()
            }
        }
    }
}

/// Share of the high bytes that must be zero (and of the low bytes that must not) for text
/// without a byte-order mark to be read as UTF-16.
const UTF16_ZERO_SHARE: f64 = 0.9;

/// `Some(little_endian)` when the bytes look like UTF-16 without a byte-order mark: an even
/// length, zeros in nearly every odd (little-endian) or even (big-endian) byte, and almost none
/// in the others.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 8 || bytes.len() % 2 == 1 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros = |odd: bool| {
        bytes
            .chunks_exact(2)
            .filter(|c| c[usize::from(odd)] == 0)
            .count()
    };
    let (even, odd) = (zeros(false), zeros(true));
    let mostly = |n: usize| n as f64 >= UTF16_ZERO_SHARE * pairs as f64;
    let few = |n: usize| (n as f64) < (1.0 - UTF16_ZERO_SHARE) * pairs as f64;
    if mostly(odd) && few(even) {
        Some(true)
    } else if mostly(even) && few(odd) {
        Some(false)
    } else {
        None
    }
}

fn utf32(bytes: &[u8], le: bool, notes: &mut Vec<String>) -> String {
    if bytes.len() % 4 != 0 {
        notes.push(
            "UTF-32 text whose length is no multiple of 4: the last bytes are dropped".into(),
        );
    }
    bytes
        .chunks_exact(4)
        .map(|c| {
            let b = [c[0], c[1], c[2], c[3]];
            let u = if le {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            };
            char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, notes: &mut Vec<String>) -> String {
    if bytes.len() % 2 == 1 {
        notes.push("UTF-16 text with an odd number of bytes: the last byte is dropped".into());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252, as the WHATWG Encoding Standard defines it (its five unassigned bytes map to
/// the C1 controls of the same number).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    match b {
        0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)]))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_smart_quotes_come_out_right() {
        let d = decode(b"He said \x93we will win\x94 \x96 twice.").unwrap();
        assert_eq!(
            d.text,
            "He said \u{201C}we will win\u{201D} \u{2013} twice."
        );
        assert!(d.notes[0].contains("Windows-1252"), "{:?}", d.notes);
    }

    #[test]
    fn broken_utf8_in_utf8_text_is_replaced_not_reread() {
        let d = decode(
            "caf\u{e9} \u{2014} na\u{ef}ve "
                .as_bytes()
                .iter()
                .copied()
                .chain([0xE2, 0x80])
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert!(d.text.starts_with("caf\u{e9} \u{2014}"));
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.notes[0].contains("U+FFFD"), "{:?}", d.notes);
    }

    #[test]
    fn boms_and_utf16_are_decoded() {
        assert_eq!(decode(b"\xEF\xBB\xBFText").unwrap().text, "Text");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Hi \u{201C}x\u{201D}"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes()),
            )
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Hi \u{201C}x\u{201D}");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Hi");
    }

    #[test]
    fn utf16_without_a_mark_and_utf32_with_one_are_decoded() {
        let le: Vec<u8> = "Rebels said so."
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Rebels said so.");
        assert!(
            d.notes[0].contains("UTF-16LE without a byte-order mark"),
            "{:?}",
            d.notes
        );
        let be: Vec<u8> = "Rebels said so."
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Rebels said so.");
        let u32le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(
                "Hi \u{201C}"
                    .chars()
                    .flat_map(|c| u32::from(c).to_le_bytes()),
            )
            .collect();
        let d = decode(&u32le).unwrap();
        assert_eq!(d.text, "Hi \u{201C}");
        assert!(d.notes[0].contains("UTF-32LE"), "{:?}", d.notes);
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        assert!(
            decode(b"PNG\x00\x01")
                .unwrap_err()
                .contains("NUL byte at offset 3")
        );
        let ctl: Vec<u8> = (0..200u8).map(|i| i % 20 + 1).collect();
        assert!(decode(&ctl).unwrap_err().contains("control bytes"));
        // a stray escape in real text is not binary
        assert!(decode(b"Some text with one \x1b escape in it, and more text.").is_ok());
    }
}
