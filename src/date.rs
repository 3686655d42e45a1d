//! Dateline dates: month names, days, printed or inferred years (chrono).

use chrono::{Datelike, NaiveDate};

#[cfg(feature = "serde")]
use serde::Serialize;

use crate::Span;
use crate::lexicon::MONTHS;

/// Where the year of a [`DatelineDate`] comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum YearSource {
    /// The dateline prints the year ("April 1 , 1997").
    Printed,
    /// Inferred from [`ParseOptions::reference_date`](crate::ParseOptions::reference_date):
    /// the latest such date not after it.
    Inferred,
    /// Not printed and no reference date was given: the year stays unknown.
    Unknown,
}

/// The date of a dateline, as printed and, where possible, resolved.
///
/// ```
/// use chrono::NaiveDate;
/// use wirecopy::{ParseOptions, YearSource};
/// let opts = ParseOptions::new().reference_date(NaiveDate::from_ymd_opt(2021, 1, 3).unwrap());
/// let a = opts.parse("MOSCOW, December 26. /TASS/. Text.")?;
/// let date = a.dateline.unwrap().date.unwrap();
/// assert_eq!(date.resolved, NaiveDate::from_ymd_opt(2020, 12, 26));
/// assert_eq!(date.year_source, YearSource::Inferred);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct DatelineDate {
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// The year as printed, if printed.
    pub year: Option<i32>,
    /// The full date: printed, or inferred from the reference date.
    pub resolved: Option<NaiveDate>,
    /// Where the year comes from.
    pub year_source: YearSource,
    /// The date as printed in the dateline.
    pub span: Span,
}

impl DatelineDate {
    pub(crate) fn new(month: u32, day: u32, year: Option<i32>, reference: Option<NaiveDate>, span: Span) -> Self {
        let (resolved, year_source) = match (year, reference) {
            (Some(y), _) => (NaiveDate::from_ymd_opt(y, month, day), YearSource::Printed),
            (None, Some(r)) => match latest_not_after(month, day, r) {
                Some(d) => (Some(d), YearSource::Inferred),
                None => (None, YearSource::Unknown),
            },
            (None, None) => (None, YearSource::Unknown),
        };
        Self { month, day, year, resolved, year_source, span }
    }

    /// Whether month and day name a day of some year (February 29 included).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        NaiveDate::from_ymd_opt(2000, self.month, self.day).is_some()
    }
}

/// The latest date with this month and day not after `reference`
/// (December datelines read in January fall in the year before).
pub(crate) fn latest_not_after(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    // February 29 may need up to eight years back (1900-style century gaps).
    (0..9).find_map(|back| {
        let d = NaiveDate::from_ymd_opt(reference.year() - back, month, day)?;
        (d <= reference).then_some(d)
    })
}

/// Month number for a month name or abbreviation, any case, with or without
/// a trailing period ("Sept.", "Feb", "FEb", "December", French "juil").
///
/// The dateline grammar asks this of nearly every word it meets, and most
/// are no month: tables built from [`MONTHS`] at compile time give the few
/// names worth comparing, in list order, so the first match is the same as
/// a walk down the list would find.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if !(3..=10).contains(&w.len()) {
        return None;
    }
    let [first, second, ..] = *w.as_bytes() else { return None };
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    let same_length = BY_LENGTH[w.len()];
    let exact = || names_in(same_length & BY_FIRST[usize::from(first)]).find(|&k| MONTHS[k].0.eq_ignore_ascii_case(w));
    // A typo in a long month name ("Narch"): one letter off, same length,
    // so the first letter or the second is right.
    let typo = || {
        let candidates = same_length & TYPO_NAMES_SET & (BY_FIRST[usize::from(first)] | BY_SECOND[usize::from(second)]);
        names_in(candidates)
            .find(|&k| MONTHS[k].0.bytes().zip(w.bytes()).filter(|(a, b)| !a.eq_ignore_ascii_case(b)).count() == 1)
    };
    exact().or_else(typo).map(|k| MONTHS[k].1)
}

/// The indices of the names in a set, in list order.
fn names_in(mut set: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        (k < 128).then_some(k)
    })
}

/// The month names a typo may stand for: the English ones, first in the list.
const TYPO_NAMES: usize = 24;

/// For each lower-cased byte, the set (bit `k` for name `k`) of month
/// names of 3 to 10 bytes opening with it, then holding it second.
const BY_FIRST: [u128; 256] = names_by_byte(0);
const BY_SECOND: [u128; 256] = names_by_byte(1);

/// For each length up to 10 bytes, the set of names that long.
const BY_LENGTH: [u128; 11] = {
    let mut table = [0u128; 11];
    let mut k = 0;
    while k < MONTHS.len() {
        let len = MONTHS[k].0.len();
        if len <= 10 {
            table[len] |= 1 << k;
        }
        k += 1;
    }
    table
};

/// The names a typo may stand for: of the first [`TYPO_NAMES`], those of 5
/// bytes or more.
const TYPO_NAMES_SET: u128 = {
    let mut set = 0u128;
    let mut k = 0;
    while k < MONTHS.len() && k < TYPO_NAMES {
        if MONTHS[k].0.len() >= 5 {
            set |= 1 << k;
        }
        k += 1;
    }
    set
};

const fn names_by_byte(at: usize) -> [u128; 256] {
    assert!(MONTHS.len() <= 128, "the month tables hold 128 names");
    let mut table = [0u128; 256];
    let mut k = 0;
    while k < MONTHS.len() {
        let name = MONTHS[k].0.as_bytes();
        if name.len() >= 3 && name.len() <= 10 {
            table[name[at].to_ascii_lowercase() as usize] |= 1 << k;
        }
        k += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_in_every_printed_form() {
        for (w, n) in
            [("Sept.", 9), ("Sept", 9), ("Feb", 2), ("FEb", 2), ("December", 12), ("Nov.", 11), ("May", 5), ("juil", 7)]
        {
            assert_eq!(month_number(w), Some(n), "{w}");
        }
        assert_eq!(month_number("Narch"), Some(3));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Juno"), None);
        assert_eq!(month_number("Ma"), None);
    }

    /// [`month_number`] without its bit tables: the twin it must agree with.
    fn naive_month_number(word: &str) -> Option<u32> {
        let w = word.strip_suffix('.').unwrap_or(word);
        if !(3..=10).contains(&w.len()) {
            return None;
        }
        let months = crate::lexicon::MONTHS;
        let exact = months.iter().find(|(name, _)| name.eq_ignore_ascii_case(w));
        let typo = || {
            months.iter().take(TYPO_NAMES).find(|(name, _)| {
                name.len() >= 5
                    && name.len() == w.len()
                    && name.bytes().zip(w.bytes()).filter(|(a, b)| !a.eq_ignore_ascii_case(b)).count() == 1
            })
        };
        exact.or_else(typo).map(|&(_, n)| n)
    }

    #[test]
    fn every_month_and_every_one_letter_typo() {
        for &(name, _) in crate::lexicon::MONTHS {
            for w in [name.to_owned(), name.to_uppercase(), format!("{name}.")] {
                assert_eq!(month_number(&w), naive_month_number(&w), "{w}");
            }
            for (at, _) in name.char_indices() {
                for c in ['x', 'N', 'a', 'é'] {
                    let w = format!("{}{c}{}", &name[..at], &name[at..].chars().skip(1).collect::<String>());
                    assert_eq!(month_number(&w), naive_month_number(&w), "{w}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn month_number_matches_its_naive_twin(w in "[a-zA-Z.éû]{0,11}|(Jan|Ma|Sep|Dec|jui|fé)[a-z.]{0,6}") {
            proptest::prop_assert_eq!(month_number(&w), naive_month_number(&w));
        }
    }

    #[test]
    fn year_resolution_rolls_back_over_new_year() {
        assert_eq!(latest_not_after(12, 26, ymd(2021, 1, 3)), Some(ymd(2020, 12, 26)));
        assert_eq!(latest_not_after(1, 3, ymd(2021, 1, 3)), Some(ymd(2021, 1, 3)));
        assert_eq!(latest_not_after(2, 29, ymd(2021, 6, 1)), Some(ymd(2020, 2, 29)));
        assert_eq!(latest_not_after(2, 30, ymd(2021, 6, 1)), None);
    }

    #[test]
    fn no_reference_means_unknown_year_never_today() {
        let d = DatelineDate::new(6, 16, None, None, Span::default());
        assert_eq!(d.resolved, None);
        assert_eq!(d.year_source, YearSource::Unknown);
        let d = DatelineDate::new(4, 1, Some(1997), None, Span::default());
        assert_eq!(d.resolved, Some(ymd(1997, 4, 1)));
        assert_eq!(d.year_source, YearSource::Printed);
    }
}
