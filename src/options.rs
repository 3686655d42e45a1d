//! [`ParseOptions`]: how to parse.

use chrono::NaiveDate;

use crate::{Article, Error};

/// Options for parsing, a small `Copy` struct usable in a `static`.
///
/// ```
/// use chrono::NaiveDate;
/// use wirecopy::ParseOptions;
///
/// static OPTS: ParseOptions = ParseOptions::new();
/// let opts = OPTS.reference_date(NaiveDate::from_ymd_opt(2020, 6, 20).unwrap());
/// let article = opts.parse("Title\n\nMOSCOW, June 16. /TASS/. Text.")?;
/// let date = article.dateline.unwrap().date.unwrap();
/// assert_eq!(date.resolved, NaiveDate::from_ymd_opt(2020, 6, 16));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The date the copy was filed or received: partial dateline dates
    /// resolve to the latest such date not after it. Without it the year of
    /// a date that does not print one stays unknown.
    pub reference_date: Option<NaiveDate>,
    /// Whether to find quotations and attribute them (on by default).
    pub quotations: bool,
}

impl ParseOptions {
    /// The defaults: no reference date, quotations on.
    #[must_use]
    pub const fn new() -> Self {
        Self { reference_date: None, quotations: true }
    }

    /// Resolve partial dates against `date`.
    #[must_use]
    pub const fn reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Find quotations (`true`, the default) or skip them.
    #[must_use]
    pub const fn quotations(mut self, on: bool) -> Self {
        self.quotations = on;
        self
    }

    /// Parse `input` with these options.
    ///
    /// # Errors
    /// [`ErrorKind::Empty`](crate::ErrorKind::Empty) when `input` is empty or
    /// only white space. Anything else parses, with oddities reported as
    /// [`Diagnostic`](crate::Diagnostic)s.
    pub fn parse<'a>(&self, input: &'a str) -> Result<Article<'a>, Error> {
        crate::parse::article(input, self)
    }
}
