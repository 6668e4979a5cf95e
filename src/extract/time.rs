//! Time references: "on Monday", "late Saturday", "19 September 2016", "yesterday", resolved
//! against the publication date when there is one.

use std::ops::Range;

use jiff::civil::Date;

use crate::lexicon::{Lexicon, TimeWord};
use crate::model::TimeRef;
use crate::segment::{TokKind, Token, span_text};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday_index(d: Date) -> u8 {
    d.weekday().to_monday_zero_offset() as u8
}

/// The date on or before `pub_date` that falls on weekday `wd` (0 = Monday).
pub fn last_weekday(pub_date: Date, wd: u8) -> Option<Date> {
    let back = (weekday_index(pub_date) as i64 - wd as i64).rem_euclid(7);
    pub_date.checked_sub(jiff::Span::new().days(back)).ok()
}

/// Finds the first time reference in `range` of the tokens.
pub fn find_time(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    lx: &Lexicon,
    pub_date: Option<Date>,
) -> Option<TimeRef> {
    let range = range.start..range.end.min(toks.len());
    for i in range.clone() {
        let Some(tw) = lx.time.get(&toks[i].lower) else {
            continue;
        };
        match *tw {
            TimeWord::Weekday(wd) => {
                if !toks[i].cap {
                    continue;
                }
                let mut s = i;
                let mut e = i + 1;
                let mut part = None;
                if i > range.start {
                    if let Some(TimeWord::Part(p)) = lx.time.get(&toks[i - 1].lower) {
                        part = Some(p.to_string());
                        s = i - 1;
                    }
                }
                if e < range.end {
                    if let Some(TimeWord::Part(p)) = lx.time.get(&toks[e].lower) {
                        part = Some(p.to_string());
                        e += 1;
                    }
                }
                // "Monday 19 September (2016)"
                let explicit = explicit_date(toks, e, range.end, lx, pub_date);
                let (date, e) = match explicit {
                    Some((d, end)) => (d, end),
                    None => (pub_date.and_then(|p| last_weekday(p, wd)), e),
                };
                return Some(TimeRef {
                    phrase: span_text(text, toks, s..e).to_string(),
                    weekday: Some(WEEKDAYS[wd as usize].to_string()),
                    date,
                    part,
                });
            }
            TimeWord::Relative(days) => {
                let date =
                    pub_date.and_then(|p| p.checked_add(jiff::Span::new().days(days as i64)).ok());
                return Some(TimeRef {
                    phrase: text[toks[i].range.clone()].to_string(),
                    weekday: date.map(|d| WEEKDAYS[weekday_index(d) as usize].to_string()),
                    date,
                    part: None,
                });
            }
            TimeWord::Month(_) => {
                let start = if i > range.start && toks[i - 1].kind == TokKind::Number {
                    i - 1
                } else {
                    i
                };
                if let Some((d, end)) = explicit_date(toks, start, range.end, lx, pub_date) {
                    return Some(TimeRef {
                        phrase: span_text(text, toks, start..end).to_string(),
                        weekday: d.map(|d| WEEKDAYS[weekday_index(d) as usize].to_string()),
                        date: d,
                        part: None,
                    });
                }
            }
            TimeWord::Part(_) | TimeWord::Lead | TimeWord::Unit => {}
        }
    }
    None
}

/// "19 September 2016" / "September 19, 2016" / "19 September" starting at `i`:
/// (date if the year is known, end token).
fn explicit_date(
    toks: &[Token],
    i: usize,
    end: usize,
    lx: &Lexicon,
    pub_date: Option<Date>,
) -> Option<(Option<Date>, usize)> {
    let num = |k: usize| -> Option<i64> {
        (k < end && toks[k].kind == TokKind::Number)
            .then(|| toks[k].lower.parse().ok())
            .flatten()
    };
    let month = |k: usize| -> Option<i8> {
        if k >= end {
            return None;
        }
        match lx.time.get(&toks[k].lower) {
            Some(TimeWord::Month(m)) => Some(*m as i8),
            _ => None,
        }
    };
    let (day, m, mut e) = if let (Some(d), Some(m)) = (num(i), month(i + 1)) {
        (d, m, i + 2)
    } else if let (Some(m), Some(d)) = (month(i), num(i + 1)) {
        (d, m, i + 2)
    } else {
        return None;
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut k = e;
    if k < end && toks[k].lower == "," {
        k += 1;
    }
    let year = match num(k) {
        Some(y) if (1900..=2100).contains(&y) => {
            e = k + 1;
            Some(y as i16)
        }
        _ => pub_date.map(|p| p.year()),
    };
    let date = year.and_then(|y| Date::new(y, m, day as i8).ok());
    Some((date, e))
}

pub fn weekday_name(d: Date) -> &'static str {
    WEEKDAYS[weekday_index(d) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    fn t(text: &str, pub_date: Option<Date>) -> Option<TimeRef> {
        let lx = Lexicon::builtin();
        let toks = tokenize(text, 0);
        find_time(text, &toks, 0..toks.len(), &lx, pub_date)
    }

    #[test]
    fn weekday_resolves_against_publication_date() {
        let pub_date = Date::new(2016, 9, 25).unwrap(); // a Sunday
        let r = t("rebels retook it late Saturday", Some(pub_date)).unwrap();
        assert_eq!(r.date, Some(Date::new(2016, 9, 24).unwrap()));
        assert_eq!(r.part.as_deref(), Some("late"));
        assert_eq!(r.phrase, "late Saturday");
        let r = t(
            "the attack on Monday",
            Some(Date::new(2016, 9, 20).unwrap()),
        )
        .unwrap();
        assert_eq!(r.date, Some(Date::new(2016, 9, 19).unwrap()));
        // same weekday as publication: that day
        let r = t("on Sunday", Some(pub_date)).unwrap();
        assert_eq!(r.date, Some(pub_date));
    }

    #[test]
    fn undated_weekday_keeps_the_weekday_only() {
        let r = t("the Monday attack", None).unwrap();
        assert_eq!(r.weekday.as_deref(), Some("Monday"));
        assert_eq!(r.date, None);
    }

    #[test]
    fn explicit_dates() {
        let r = t("on Monday 19 September 2016", None).unwrap();
        assert_eq!(r.date, Some(Date::new(2016, 9, 19).unwrap()));
        let r = t("since September 17, 2016", None).unwrap();
        assert_eq!(r.date, Some(Date::new(2016, 9, 17).unwrap()));
    }
}
