//! Quantities as intervals: "at least 25", "more than 50", "about 1.5 million", "dozens".
//!
//! The grammar (qualifiers, vague words, number words) is data in `quantities.tsv`.

use std::ops::Range;

use crate::lexicon::{Lexicon, QuantWord, TimeWord};
use crate::model::Interval;
use crate::segment::{TokKind, Token};

/// A parsed quantity phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub interval: Interval,
    pub tokens: Range<usize>,
}

fn number_value(tok: &Token) -> Option<f64> {
    if tok.kind != TokKind::Number {
        return None;
    }
    tok.lower.replace(',', "").parse::<f64>().ok()
}

fn word_number(lower: &str, lx: &Lexicon) -> Option<u64> {
    // "twenty-five"
    let mut total = 0;
    for part in lower.split('-') {
        match lx.quantities.get(part) {
            Some(QuantWord::Number(n)) => total += n,
            _ => return None,
        }
    }
    Some(total)
}

fn is_month(tok: Option<&Token>, lx: &Lexicon) -> bool {
    tok.is_some_and(|t| matches!(lx.time.get(&t.lower), Some(TimeWord::Month(_))))
}

/// The range `lo`–`hi`, or its lower or upper half after "the low end of" / "the high end of".
/// The end of a range's tokens at `e`, past a noun naming the range ("spectrum", "estimate").
fn past_range_noun(toks: &[Token], e: usize, end: usize, lx: &Lexicon) -> usize {
    let named = toks
        .get(e)
        .filter(|_| e < end)
        .is_some_and(|t| matches!(lx.quantities.get(&t.lower), Some(QuantWord::RangeNoun)));
    if named { e + 1 } else { e }
}

fn range_end(qualifier: Option<QuantWord>, lo: u64, hi: u64) -> Interval {
    let mid = lo + (hi - lo) / 2;
    match qualifier {
        Some(QuantWord::LowEnd) => Interval { lo, hi: Some(mid) },
        Some(QuantWord::HighEnd) => Interval {
            lo: mid,
            hi: Some(hi),
        },
        _ => Interval { lo, hi: Some(hi) },
    }
}

/// Parses a quantity starting at token `q` (not beyond `end`).
pub fn parse_quantity(toks: &[Token], q: usize, end: usize, lx: &Lexicon) -> Option<Quantity> {
    let end = end.min(toks.len());
    if q >= end {
        return None;
    }
    let mut i = 0;
    let mut qualifier = None;
    if let Some((n, w)) = lx.quantities.longest_in(toks, q, end) {
        match *w {
            QuantWord::Vague(lo, hi) => {
                return Some(Quantity {
                    interval: Interval { lo, hi },
                    tokens: q..q + n,
                });
            }
            QuantWord::Number(_) | QuantWord::Multiplier(_) => {}
            QuantWord::RangeJoin | QuantWord::RangeNoun => return None,
            other => {
                qualifier = Some(other);
                i = n;
            }
        }
    }
    let mut k = q + i;
    // "at the low end of the 100 to 300 range": a determiner may stand before the range
    let end_of_range = matches!(
        qualifier,
        Some(QuantWord::LowEnd | QuantWord::HighEnd | QuantWord::Below)
    );
    if end_of_range && k < end && matches!(toks[k].lower.as_str(), "the" | "a") {
        k += 1;
    }
    if k >= end {
        return None;
    }
    // "20-30", "100-to-300" written as one token
    let joined = toks[k]
        .lower
        .split_once("-to-")
        .or_else(|| toks[k].lower.split_once(['-', '–']));
    if let Some((a, b)) = joined {
        if let (Ok(lo), Ok(hi)) = (
            a.replace(',', "").parse::<u64>(),
            b.replace(',', "").parse::<u64>(),
        ) {
            let years = (1900..=2100).contains(&lo) && (1900..=2100).contains(&hi);
            if lo <= hi && !years && !is_month(toks.get(k + 1).filter(|_| k + 1 < end), lx) {
                return Some(Quantity {
                    interval: range_end(qualifier, lo, hi),
                    tokens: q..past_range_noun(toks, k + 1, end, lx),
                });
            }
        }
    }
    let (mut value, mut used) = if let Some(v) = number_value(&toks[k]) {
        (v, 1)
    } else if let Some(v) = word_number(&toks[k].lower, lx) {
        (v as f64, 1)
    } else if let Some((n, QuantWord::Vague(lo, hi))) = lx.quantities.longest_in(toks, q + i, end) {
        // "about a dozen"
        let _ = n;
        return Some(Quantity {
            interval: Interval { lo: *lo, hi: *hi },
            tokens: q..k + 1,
        });
    } else {
        return None;
    };
    // "200 000": thousands set off by a space
    if used == 1
        && value < 1000.0
        && toks[k].lower.chars().all(|c| c.is_ascii_digit())
        && toks.get(k + used).is_some_and(|t| {
            k + used < end
                && t.kind == TokKind::Number
                && t.lower.len() == 3
                && t.lower.chars().all(|c| c.is_ascii_digit())
        })
    {
        value = value * 1000.0 + number_value(&toks[k + used]).unwrap_or(0.0);
        used += 1;
    }
    // "sixty nine" (the hyphen stripped): tens and units
    if toks[k].kind == TokKind::Word && (20.0..100.0).contains(&value) && value % 10.0 == 0.0 {
        if let Some(u) = toks
            .get(k + 1)
            .filter(|t| k + 1 < end && t.kind == TokKind::Word)
            .and_then(|t| word_number(&t.lower, lx))
            .filter(|u| (1..=9).contains(u))
        {
            value += u as f64;
            used += 1;
        }
    }
    // multiplier: "1.5 million", "two hundred"
    if let Some(QuantWord::Multiplier(m)) = toks
        .get(k + used)
        .filter(|_| k + used < end)
        .and_then(|t| lx.quantities.get(&t.lower))
    {
        value *= *m as f64;
        used += 1;
    }
    // "15+ killed": a lower bound
    if qualifier.is_none()
        && toks
            .get(k + used)
            .is_some_and(|t| k + used < end && lx.at_least_after.contains(&t.lower))
    {
        qualifier = Some(QuantWord::AtLeast);
        used += 1;
    }
    // dates, years, percentages are not counts
    let next = toks.get(k + used).filter(|_| k + used < end);
    // ("Sept. 10": past the abbreviation's full stop)
    let before = match k.checked_sub(1) {
        Some(b) if toks[b].lower == "." => b.checked_sub(1),
        b => b,
    };
    if is_month(next, lx) || before.is_some_and(|b| is_month(toks.get(b), lx)) {
        return None;
    }
    if next.is_some_and(|t| matches!(lx.quantities.get(&t.lower), Some(QuantWord::Unit))) {
        return None;
    }
    if qualifier.is_none()
        && used == 1
        && (1900.0..=2100.0).contains(&value)
        && toks[k].lower.len() == 4
    {
        return None;
    }
    if !value.is_finite() || !(0.0..=1e12).contains(&value) {
        return None;
    }
    // "18 of 31 trucks": the total belongs to the phrase, the count is the first number
    if toks.get(k + used).is_some_and(|t| t.lower == "of")
        && toks
            .get(k + used + 1)
            .is_some_and(|t| t.kind == TokKind::Number)
        && k + used + 1 < end
    {
        used += 2;
    }
    // a range: "20 to 30", "20-30", "between 20 and 30", "1 to 2 million"
    let mut range_hi = None;
    {
        let p = k + used;
        let joins = toks.get(p).filter(|_| p < end).is_some_and(|t| {
            matches!(lx.quantities.get(&t.lower), Some(QuantWord::RangeJoin))
                || (qualifier == Some(QuantWord::Between) && t.lower == "and")
        });
        let second = toks
            .get(p + 1)
            .filter(|_| p + 1 < end)
            .and_then(|t| number_value(t).or_else(|| word_number(&t.lower, lx).map(|v| v as f64)));
        if let (true, Some(mut hi)) = (joins, second) {
            let mut extra = 2;
            if let Some(QuantWord::Multiplier(m)) = toks
                .get(p + 2)
                .filter(|_| p + 2 < end)
                .and_then(|t| lx.quantities.get(&t.lower))
            {
                hi *= *m as f64;
                if used == 1 {
                    value *= *m as f64; // "1 to 2 million": the multiplier is shared
                }
                extra += 1;
            }
            if hi.is_finite() && hi >= value && hi <= 1e12 {
                range_hi = Some(hi.round() as u64);
                used += extra;
            }
        }
    }
    let n = value.round() as u64;
    if let Some(hi) = range_hi {
        return Some(Quantity {
            interval: range_end(qualifier, n, hi),
            tokens: q..past_range_noun(toks, k + used, end, lx),
        });
    }
    let tenth = (n / 10).max(1);
    let interval = match qualifier {
        None => Interval::exact(n),
        Some(QuantWord::AtLeast) => Interval { lo: n, hi: None },
        // strict bounds are read loosely: reporters write "over 5 killed" of five dead
        Some(QuantWord::MoreThan) => Interval { lo: n, hi: None },
        Some(QuantWord::About) => Interval {
            lo: n.saturating_sub(tenth),
            hi: Some(n + tenth),
        },
        Some(QuantWord::Nearly) => Interval {
            lo: n.saturating_sub(tenth),
            hi: Some(n),
        },
        Some(QuantWord::UpTo) => Interval { lo: 0, hi: Some(n) },
        Some(QuantWord::Fewer) => Interval { lo: 0, hi: Some(n) },
        Some(QuantWord::Below) => Interval {
            lo: 0,
            hi: Some(n.saturating_sub(1)),
        },
        Some(_) => Interval::exact(n),
    };
    Some(Quantity {
        interval,
        tokens: q..k + used,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    fn q(text: &str) -> Option<Interval> {
        let lx = Lexicon::builtin();
        let toks = tokenize(text, 0);
        parse_quantity(&toks, 0, toks.len(), &lx).map(|q| q.interval)
    }

    #[test]
    fn intervals() {
        assert_eq!(q("at least 25 people"), Some(Interval { lo: 25, hi: None }));
        assert_eq!(
            q("more than 50 people"),
            Some(Interval { lo: 50, hi: None })
        );
        assert_eq!(q("over 300 times"), Some(Interval { lo: 300, hi: None }));
        assert_eq!(q("15+ killed"), Some(Interval { lo: 15, hi: None }));
        assert_eq!(q("dozens of people"), Some(Interval { lo: 24, hi: None }));
        assert_eq!(
            q("about 1.5 million people"),
            Some(Interval {
                lo: 1_350_000,
                hi: Some(1_650_000)
            })
        );
        assert_eq!(q("62 soldiers"), Some(Interval::exact(62)));
        assert_eq!(
            q("about 20 civilians"),
            Some(Interval {
                lo: 18,
                hi: Some(22)
            })
        );
        assert_eq!(q("twenty-five people"), Some(Interval::exact(25)));
        // the hyphen stripped
        assert_eq!(q("sixty nine workers"), Some(Interval::exact(69)));
        assert_eq!(q("twenty people"), Some(Interval::exact(20)));
        assert_eq!(q("ten four"), Some(Interval::exact(10)));
        assert_eq!(q("twenty five thousand"), Some(Interval::exact(25_000)));
        assert_eq!(q("200 000 civilians"), Some(Interval::exact(200_000)));
        assert_eq!(
            q("up to 40"),
            Some(Interval {
                lo: 0,
                hi: Some(40)
            })
        );
        assert_eq!(q("18 of 31 trucks"), Some(Interval::exact(18)));
        assert_eq!(q("two dozen people"), Some(Interval::exact(24)));
        let range = Some(Interval {
            lo: 20,
            hi: Some(30),
        });
        assert_eq!(q("20 to 30 people"), range);
        assert_eq!(q("between 20 and 30 people"), range);
        assert_eq!(q("20-30 people"), range);
        assert_eq!(q("twenty or thirty people"), range);
        assert_eq!(
            q("1 to 2 million people"),
            Some(Interval {
                lo: 1_000_000,
                hi: Some(2_000_000)
            })
        );
        // estimates: a range's end, an upper bound, a vague order of magnitude
        assert_eq!(
            q("at the low end of the 100-to-300 spectrum"),
            Some(Interval {
                lo: 100,
                hi: Some(200)
            })
        );
        assert_eq!(
            q("the high end of 100 to 300"),
            Some(Interval {
                lo: 200,
                hi: Some(300)
            })
        );
        assert_eq!(
            q("100-to-300 dead"),
            Some(Interval {
                lo: 100,
                hi: Some(300)
            })
        );
        assert_eq!(
            q("no more than 20 people"),
            Some(Interval {
                lo: 0,
                hi: Some(20)
            })
        );
        assert_eq!(q("in the hundreds"), Some(Interval { lo: 200, hi: None }));
        assert_eq!(q("in the dozens"), Some(Interval { lo: 24, hi: None }));
        // a joiner alone starts no quantity; a falling pair is no range
        assert_eq!(q("to 30 people"), None);
        assert_eq!(q("2011-2016 war"), None);
        assert_eq!(q("30 to 20"), Some(Interval::exact(30)));
    }

    #[test]
    fn dates_and_years_are_not_counts() {
        assert_eq!(q("19 September"), None);
        assert_eq!(q("2016 was"), None);
        assert_eq!(q("40 percent"), None);
    }

    #[test]
    fn overlap_rules() {
        let at_least_20 = q("at least 20").unwrap();
        assert!(at_least_20.overlaps(&Interval::exact(25)));
        assert!(!Interval::exact(62).overlaps(&Interval::exact(90)));
    }
}
