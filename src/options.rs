//! [`ParseOptions`]: how to parse.

use chrono::NaiveDate;

use crate::{Article, Error, ErrorKind, Span};

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

    /// Parse `input`, which must be UTF-8, with these options.
    ///
    /// ```
    /// let opts = wirecopy::ParseOptions::new();
    /// assert!(opts.parse_bytes(b"Title\n\nMOSCOW, June 16. /TASS/. Text.").is_ok());
    /// let err = opts.parse_bytes(b"MOSCOW \xff").unwrap_err();
    /// assert_eq!(err.kind(), wirecopy::ErrorKind::NotUtf8 { valid_up_to: 7 });
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NotUtf8`](crate::ErrorKind::NotUtf8) with the offset of
    /// the first invalid byte, and whatever [`parse`](Self::parse) returns.
    pub fn parse_bytes<'a>(&self, input: &'a [u8]) -> Result<Article<'a>, Error> {
        match std::str::from_utf8(input) {
            Ok(s) => self.parse(s),
            Err(e) => {
                let at = e.valid_up_to();
                Err(Error::new(
                    ErrorKind::NotUtf8 { valid_up_to: at },
                    Span::new(at, at + e.error_len().unwrap_or(input.len() - at)),
                    input,
                ))
            }
        }
    }
}
