//! Time references: "on Monday", "late Saturday", "19 September 2016", "yesterday", resolved
//! against the publication date when there is one.

use std::ops::Range;

use crate::istr::IStr;
use jiff::civil::Date;

use crate::lexicon::{Lexicon, PeriodUnit, TimeWord};
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

/// Finds the first time reference in `range` of the tokens that dates an event, not the
/// statement reporting it: "said on Wednesday that …", "Russia on Wednesday denied …" and "told
/// reporters on Monday" date the statement and are passed over.
pub fn find_time(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    lx: &Lexicon,
    pub_date: Option<Date>,
) -> Option<TimeRef> {
    let range = range.start..range.end.min(toks.len());
    // (a cue of several words counts: "on Friday pointed the finger at")
    // (a cue form after a determiner is a noun: "the blast on Tuesday" dates the blast; a verb
    // of making public is the statement's act: "the army on Wednesday released footage")
    let cue = |k: usize| {
        k < toks.len()
            && (lx.statement_acts.contains(&toks[k].lower)
                || (lx
                    .cue_forms
                    .longest_in(toks, k, toks.len())
                    // a cue with no speaker ("appeared to", "reportedly") marks no statement
                    .is_some_and(|(_, &(c, _))| {
                        !(lx.cues[c].frames.raise || lx.cues[c].frames.adv)
                    })
                    && (k == 0
                        || !matches!(
                            lx.fn_class_of(&toks[k - 1]),
                            Some(crate::lexicon::FnClass::Det)
                        ))))
    };
    let mut i = range.start;
    while i < range.end {
        // (every time phrase starts with a time word: the flags skip the others without a call)
        if !lx.has(crate::lexicon::WordList::Time, &toks[i]) {
            i += 1;
            continue;
        }
        if let Some((span, t)) = time_at(text, toks, i, range.clone(), lx, pub_date) {
            // the word before the phrase, past an opener ("said on Wednesday")
            let mut before = span.start.checked_sub(1);
            if let Some(b) = before {
                if matches!(lx.time.get(&toks[b].lower), Some(TimeWord::Lead)) {
                    before = b.checked_sub(1);
                }
            }
            let object = |b: usize| {
                lx.fn_class_of(&toks[b]) == Some(crate::lexicon::FnClass::Obj)
                    || lx.pronouns.contains_key(&toks[b].lower)
            };
            let after_cue = before.is_some_and(|b| cue(b) || (b > 0 && cue(b - 1) && object(b)));
            let before_cue = span.end < range.end && cue(span.end);
            // "in a statement on Thursday", "in an interview on Monday": when it was said
            // (past where it was issued: "in a statement in Abuja on Monday")
            let after_document = before.is_some_and(|b| {
                let mut b = b;
                let mut skipped = 0;
                while b > 0
                    && skipped < 4
                    && (toks[b].cap || lx.place_preps.contains(&toks[b].lower))
                    && !lx.document_nouns.contains(&toks[b].lower)
                {
                    b -= 1;
                    skipped += 1;
                }
                lx.document_nouns.contains(&toks[b].lower)
                    && (skipped == 0 || lx.place_preps.contains(&toks[b + 1].lower))
            });
            if !(after_cue || before_cue || after_document) {
                return Some(t);
            }
            i = span.end.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// The end of a time phrase opening at token `i` ("on 5 April", "on Saturday night",
/// "yesterday"), past its opener: an adjunct a clause may put between a verb and its "by".
pub fn time_phrase_end(
    text: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    lx: &Lexicon,
) -> Option<usize> {
    let end = end.min(toks.len());
    if i >= end {
        return None;
    }
    let j = match lx.time.get(&toks[i].lower) {
        Some(TimeWord::Lead) => i + 1,
        _ => i,
    };
    (j..(j + 3).min(end))
        .find_map(|s| time_at(text, toks, s, i..end, lx, None))
        .filter(|(span, _)| span.start <= j && span.end > j)
        .map(|(span, _)| span.end)
}

/// The time reference starting at token `i`: its token span and its reading.
/// How many tokens at the head of a document may hold its dateline.
const DATELINE_TOKENS: usize = 40;

/// The first full date (day, month and year: "Saturday 24 Sep 2016", "Published September 25
/// 2016") among the first words of a document: its own dateline.
pub fn dateline(text: &str, toks: &[Token], lx: &Lexicon) -> Option<Date> {
    let range = 0..toks.len().min(DATELINE_TOKENS);
    range.clone().find_map(|i| {
        let (span, t) = time_at(text, toks, i, range.clone(), lx, None)?;
        // a year ("2016"), or a day glued to one ("142016")
        let has_year = toks[span]
            .iter()
            .any(|t| t.kind == crate::segment::TokKind::Number && (4..=6).contains(&t.lower.len()));
        t.date.filter(|_| has_year && t.until.is_none())
    })
}

fn time_at(
    text: &str,
    toks: &[Token],
    i: usize,
    range: Range<usize>,
    lx: &Lexicon,
    pub_date: Option<Date>,
) -> Option<(Range<usize>, TimeRef)> {
    // (most tokens are no time word, and their flags say so without a lookup)
    if !lx.has(crate::lexicon::WordList::Time, &toks[i]) {
        return None;
    }
    let tw = lx.time.get(&toks[i].lower)?;
    match *tw {
        TimeWord::Weekday(wd) => {
            if !toks[i].cap {
                return None;
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
            return Some((
                s..e,
                TimeRef {
                    phrase: span_text(text, toks, s..e).into(),
                    weekday: Some(WEEKDAYS[wd as usize].into()),
                    date,
                    part: part.map(IStr::from),
                    until: None,
                },
            ));
        }
        TimeWord::Relative(days) => {
            let date =
                pub_date.and_then(|p| p.checked_add(jiff::Span::new().days(days as i64)).ok());
            return Some((
                i..i + 1,
                TimeRef {
                    phrase: text[toks[i].range.clone()].into(),
                    weekday: date.map(|d| WEEKDAYS[weekday_index(d) as usize].into()),
                    date,
                    part: None,
                    until: None,
                },
            ));
        }
        TimeWord::Month(m) => {
            let start = if i > range.start && toks[i - 1].kind == TokKind::Number {
                i - 1
            } else {
                i
            };
            // "since July", "in July": a whole month, or from its start to publication
            let opener = (i > range.start)
                .then(|| lx.time.get(&toks[i - 1].lower))
                .flatten()
                .copied();
            let explicit = explicit_date(toks, start, range.end, lx, pub_date);
            let no_day = explicit.is_none();
            if toks[i].cap && no_day {
                let period =
                    month_period(m, toks.get(i + 1).filter(|_| i + 1 < range.end), pub_date);
                if let (Some(op @ (TimeWord::Since | TimeWord::Within)), Some((from, to))) =
                    (opener, period)
                {
                    let to = match op {
                        TimeWord::Since => pub_date.unwrap_or(to),
                        _ => to,
                    };
                    return Some((
                        i - 1..i + 1,
                        TimeRef {
                            phrase: span_text(text, toks, i - 1..i + 1).into(),
                            weekday: None,
                            date: Some(from),
                            part: None,
                            until: Some(to.max(from)),
                        },
                    ));
                }
            }
            if let Some((d, end)) = explicit {
                // "the night of 19 to 20 September", "19 - 20 September": from the first day
                // to the second (the linking words are the `span:` rows of `time.tsv`)
                let first = (start + 1 == i && start >= range.start + 2)
                    .then(|| {
                        let link = toks[start - 1].lower.as_str();
                        let day: i8 = toks[start - 2].lower.parse().ok()?;
                        let d = d?;
                        (lx.day_span_links.contains(link)
                            && toks[start - 2].kind == TokKind::Number)
                            .then(|| Date::new(d.year(), d.month(), day).ok())
                            .flatten()
                            .filter(|&f| f < d)
                    })
                    .flatten();
                if let (Some(from), Some(d)) = (first, d) {
                    return Some((
                        start - 2..end,
                        TimeRef {
                            phrase: span_text(text, toks, start - 2..end).into(),
                            weekday: None,
                            date: Some(from),
                            part: None,
                            until: Some(d),
                        },
                    ));
                }
                return Some((
                    start..end,
                    TimeRef {
                        phrase: span_text(text, toks, start..end).into(),
                        weekday: d.map(|d| WEEKDAYS[weekday_index(d) as usize].into()),
                        date: d,
                        part: None,
                        until: None,
                    },
                ));
            }
        }
        TimeWord::Shift(n) => {
            // "last week", "this month", "last weekend"
            let unit = match toks.get(i + 1).filter(|_| i + 1 < range.end) {
                Some(t) => match lx.time.get(&t.lower) {
                    Some(TimeWord::Unit(Some(u))) => *u,
                    _ => return None,
                },
                None => return None,
            };
            let Some(p) = pub_date else {
                return Some((
                    i..i + 2,
                    TimeRef {
                        phrase: span_text(text, toks, i..i + 2).into(),
                        weekday: None,
                        date: None,
                        part: None,
                        until: None,
                    },
                ));
            };
            let (from, to) = shifted_period(p, unit, n)?;
            return Some((
                i..i + 2,
                TimeRef {
                    phrase: span_text(text, toks, i..i + 2).into(),
                    weekday: None,
                    date: Some(from),
                    part: None,
                    // a period still running ends at publication; one to come keeps its end
                    until: Some(if from <= p { to.min(p) } else { to }),
                },
            ));
        }
        TimeWord::Part(_)
        | TimeWord::Lead
        | TimeWord::Unit(_)
        | TimeWord::Since
        | TimeWord::Within => {}
    }
    None
}

/// "19 September 2016" / "September 19, 2016" / "19 September" starting at `i`:
/// (date if the year is known, end token).
/// How many days after its publication a report may date an event without a year (a planned
/// meeting); further on, the day is the previous year's.
const FUTURE_SLACK_DAYS: i32 = 31;

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
    // "Sep 142016": day and year glued together when a scraper stripped the comma
    if let (Some(m), Some(glued)) = (month(i), num(i + 1)) {
        let (day, year) = (glued / 10_000, glued % 10_000);
        if glued >= 10_000 && (1..=31).contains(&day) && (1900..=2100).contains(&year) {
            let date = Date::new(year as i16, m, day as i8).ok();
            return Some((date, i + 2));
        }
    }
    // "Sept. 19": the period of an abbreviated month
    let dot = usize::from(i + 1 < end && toks[i + 1].lower == ".");
    let (day, m, mut e) = if let (Some(d), Some(m)) = (num(i), month(i + 1)) {
        (d, m, i + 2)
    } else if let (Some(m), Some(d)) = (month(i), num(i + 1)) {
        (d, m, i + 2)
    } else if let (Some(m), Some(d)) = (month(i), num(i + 1 + dot).filter(|_| dot == 1)) {
        (d, m, i + 3)
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
        _ => {
            // no year: the latest such day not long after publication ("on September 19" in
            // a report of April is last September's)
            let date = pub_date.and_then(|p| {
                let d = Date::new(p.year(), m, day as i8).ok()?;
                if (d - p).get_days() > FUTURE_SLACK_DAYS {
                    Date::new(p.year() - 1, m, day as i8).ok()
                } else {
                    Some(d)
                }
            });
            return Some((date, e));
        }
    };
    let date = year.and_then(|y| Date::new(y, m, day as i8).ok());
    Some((date, e))
}

/// The period `n` units from the one holding `p` ("last week" = -1 week): (first, last day).
/// Weeks run Monday to Sunday; a weekend is that week's Saturday and Sunday.
fn shifted_period(p: Date, unit: PeriodUnit, n: i8) -> Option<(Date, Date)> {
    let days = |d: Date, k: i64| d.checked_add(jiff::Span::new().days(k)).ok();
    match unit {
        PeriodUnit::Week | PeriodUnit::Weekend => {
            let monday = days(p, -(weekday_index(p) as i64))?;
            let start = days(monday, 7 * n as i64)?;
            match unit {
                PeriodUnit::Week => Some((start, days(start, 6)?)),
                _ => Some((days(start, 5)?, days(start, 6)?)),
            }
        }
        PeriodUnit::Month => {
            let total = p.year() as i32 * 12 + (p.month() as i32 - 1) + n as i32;
            let (y, m) = (
                total.div_euclid(12) as i16,
                (total.rem_euclid(12) + 1) as i8,
            );
            let first = Date::new(y, m, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        PeriodUnit::Year => {
            let y = p.year().checked_add(n as i16)?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
    }
}

/// Month `m` as a period: the latest one starting on or before publication (or of the year that
/// follows it, "July 2016"). Without a publication date or a year it cannot be placed.
fn month_period(m: u8, next: Option<&Token>, pub_date: Option<Date>) -> Option<(Date, Date)> {
    let year = match next.filter(|t| t.kind == TokKind::Number) {
        Some(t) => t
            .lower
            .parse::<i16>()
            .ok()
            .filter(|y| (1900..=2100).contains(y)),
        None => None,
    };
    let year = match (year, pub_date) {
        (Some(y), _) => y,
        (None, Some(p)) if m as i8 <= p.month() => p.year(),
        (None, Some(p)) => p.year() - 1,
        (None, None) => return None,
    };
    let first = Date::new(year, m as i8, 1).ok()?;
    Some((first, first.last_of_month()))
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
    fn a_night_spanning_two_days_is_a_period() {
        let pub_date = Some(Date::new(2026, 9, 22).unwrap());
        for text in [
            "the attack carried out on the night of 19 to 20 September",
            "fighting from 19 to 20 September",
            "clashes on 19 - 20 September",
        ] {
            let r = t(text, pub_date).unwrap();
            assert_eq!(r.date, Some(Date::new(2026, 9, 19).unwrap()), "{text}");
            assert_eq!(r.until, Some(Date::new(2026, 9, 20).unwrap()), "{text}");
        }
        // a month opening the text (no day before it to read)
        let r = t("September 20 was the day of the attack", pub_date).unwrap();
        assert_eq!(
            (r.date, r.until),
            (Some(Date::new(2026, 9, 20).unwrap()), None)
        );
        // one day stays one day
        let r = t("on 20 September", pub_date).unwrap();
        assert_eq!(
            (r.date, r.until),
            (Some(Date::new(2026, 9, 20).unwrap()), None)
        );
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

    #[test]
    fn the_time_of_a_statement_dates_no_event() {
        let pub_date = Some(Date::new(2024, 3, 14).unwrap());
        assert_eq!(
            t(
                "The ministry said on Wednesday that 12 people were killed",
                pub_date
            ),
            None
        );
        assert_eq!(t("Russia on Wednesday denied it", pub_date), None);
        assert_eq!(
            t("He told reporters on Monday that it happened", pub_date),
            None
        );
        // the event's own time is still found after the statement's
        let r = t(
            "The ministry said on Wednesday that 12 people were killed on Tuesday",
            pub_date,
        )
        .unwrap();
        assert_eq!(r.weekday.as_deref(), Some("Tuesday"));
    }

    #[test]
    fn periods_resolve_against_publication_date() {
        let d = |m: i8, day: i8| Date::new(2016, m, day).unwrap();
        let pub_date = d(9, 25); // a Sunday
        let period = |text: &str| t(text, Some(pub_date)).and_then(|r| r.period());
        assert_eq!(period("strikes last week"), Some((d(9, 12), d(9, 18))));
        assert_eq!(period("strikes last weekend"), Some((d(9, 17), d(9, 18))));
        // a period still running ends at publication
        assert_eq!(period("strikes this month"), Some((d(9, 1), d(9, 25))));
        assert_eq!(period("strikes last month"), Some((d(8, 1), d(8, 31))));
        assert_eq!(period("held since July"), Some((d(7, 1), d(9, 25))));
        assert_eq!(period("attacks in August"), Some((d(8, 1), d(8, 31))));
        // a month after the publication month is last year's
        assert_eq!(
            period("attacks in November"),
            Some((
                Date::new(2015, 11, 1).unwrap(),
                Date::new(2015, 11, 30).unwrap()
            ))
        );
        // a period to come keeps its whole length
        let wednesday = d(9, 21);
        let next = |text: &str| t(text, Some(wednesday)).and_then(|r| r.period());
        assert_eq!(next("talks next week"), Some((d(9, 26), d(10, 2))));
        assert_eq!(next("talks next month"), Some((d(10, 1), d(10, 31))));
        // a period has no single day
        assert_eq!(t("strikes last week", Some(pub_date)).unwrap().day(), None);
        // the modal "may" is no month, and a bare "last" no period
        assert_eq!(t("it may rain", Some(pub_date)), None);
        assert_eq!(t("the last convoy", Some(pub_date)), None);
    }
}
