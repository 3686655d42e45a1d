//! `Display` for the small parts of an article, and accessors for the
//! paths people take most (a quotation's speaker name, a dateline's place).
//!
//! [`Article`] and [`Dateline`] print as wire copy (see the `render`
//! module); the parts below print as a reader would write them.

use std::fmt::{self, Write as _};

use crate::{Article, Dateline, DatelineDate, MarkStyle, Quotation, Speaker, Text};

impl fmt::Display for Text<'_> {
    /// The text alone, without its span.
    ///
    /// ```
    /// let a = wirecopy::parse("Grain talks go on\n\nMOSCOW, June 16. /TASS/. Text.")?;
    /// assert_eq!(a.headline.unwrap().to_string(), "Grain talks go on");
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Display for DatelineDate {
    /// `June 16` when the year is unknown; `June 16, 2020` when it is
    /// printed or inferred from a reference date.
    ///
    /// ```
    /// use wirecopy::{NaiveDate, ParseOptions};
    /// let src = "MOSCOW, June 16. /TASS/. Text.";
    /// let date = wirecopy::parse(src)?.dateline.unwrap().date.unwrap();
    /// assert_eq!(date.to_string(), "June 16");
    /// let opts = ParseOptions::new().reference_date(NaiveDate::from_ymd_opt(2021, 1, 3).unwrap());
    /// let date = opts.parse(src)?.dateline.unwrap().date.unwrap();
    /// assert_eq!(date.to_string(), "June 16, 2020");
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match crate::lexicon::month_name(self.month) {
            Some(month) => write!(f, "{month} {}", self.day)?,
            None => write!(f, "{}/{}", self.month, self.day)?,
        }
        match (self.year, self.resolved) {
            (Some(year), _) => write!(f, ", {year:04}"),
            (None, Some(date)) => write!(f, ", {}", chrono::Datelike::year(&date)),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Display for Speaker<'_> {
    /// The name the mention resolves to, else the mention as printed, else
    /// nothing.
    ///
    /// ```
    /// let a = wirecopy::parse("T\n\nMOSCOW, June 16. /TASS/. Sergey Lavrov spoke.\n\n\"Yes,\" he said.")?;
    /// assert_eq!(a.quotations[0].speaker.as_ref().unwrap().to_string(), "Sergey Lavrov");
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.name, &self.mention) {
            (Some(name), _) => f.write_str(name),
            (None, Some(mention)) => f.write_str(&mention.text),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Display for Quotation<'_> {
    /// The words in the marks they were printed in (no closing mark when
    /// none was found); `{:#}` adds the speaker and cue when known:
    /// `"Yes," Sergey Lavrov said`.
    ///
    /// ```
    /// let a = wirecopy::parse("T\n\nMOSCOW, June 16. /TASS/. Sergey Lavrov spoke.\n\n“Yes,” he said.")?;
    /// let q = &a.quotations[0];
    /// assert_eq!(q.to_string(), "“Yes,”");
    /// assert_eq!(format!("{q:#}"), "“Yes,” Sergey Lavrov said");
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (open, close) = marks(self.marks);
        f.write_str(open)?;
        f.write_str(&self.text)?;
        if self.closed {
            f.write_str(close)?;
        }
        if f.alternate() {
            if let Some(speaker) = &self.speaker {
                let name = speaker.to_string();
                if !name.is_empty() {
                    f.write_char(' ')?;
                    f.write_str(&name)?;
                }
            }
            if let Some(cue) = &self.cue {
                f.write_char(' ')?;
                f.write_str(&cue.text)?;
            }
        }
        Ok(())
    }
}

/// The opening and closing marks of a style.
fn marks(style: MarkStyle) -> (&'static str, &'static str) {
    match style {
        MarkStyle::Straight => ("\"", "\""),
        MarkStyle::Curly => ("\u{201c}", "\u{201d}"),
        MarkStyle::Guillemets => ("\u{ab}", "\u{bb}"),
        MarkStyle::German => ("\u{201e}", "\u{201c}"),
        MarkStyle::Backtick => ("``", "''"),
        MarkStyle::SingleStraight => ("'", "'"),
        MarkStyle::SingleCurly => ("\u{2018}", "\u{2019}"),
    }
}

impl Quotation<'_> {
    /// The name of who said it: the name the speaker's mention resolves to.
    ///
    /// ```
    /// let a = wirecopy::parse("T\n\nMOSCOW, June 16. /TASS/. Sergey Lavrov spoke.\n\n\"Yes,\" he said.")?;
    /// assert_eq!(a.quotations[0].speaker_name(), Some("Sergey Lavrov"));
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    #[must_use]
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker.as_ref()?.name.as_deref()
    }

    /// The reporting word as printed: "said", "told".
    #[must_use]
    pub fn cue_text(&self) -> Option<&str> {
        self.cue.as_ref().map(Text::as_str)
    }
}

impl Dateline<'_> {
    /// The place as printed ("KAESONG, North Korea"), if the dateline names one.
    ///
    /// ```
    /// let a = wirecopy::parse("T\n\nKAESONG, North Korea (AP) _ Text.")?;
    /// assert_eq!(a.dateline.unwrap().place_text(), Some("KAESONG, North Korea"));
    /// # Ok::<(), wirecopy::Error>(())
    /// ```
    #[must_use]
    pub fn place_text(&self) -> Option<&str> {
        self.place.as_ref().map(|p| &*p.text)
    }
}

impl Article<'_> {
    /// The headline's text, if there is one.
    #[must_use]
    pub fn headline_text(&self) -> Option<&str> {
        self.headline.as_ref().map(Text::as_str)
    }

    /// The dateline's place as printed, if there is one.
    #[must_use]
    pub fn place_text(&self) -> Option<&str> {
        self.dateline.as_ref()?.place_text()
    }
}

#[cfg(test)]
mod tests {
    use crate::{DatelineDate, Span};

    #[test]
    fn dates_print_the_year_only_when_known() {
        let partial = DatelineDate::new(12, 26, None, None, Span::default());
        assert_eq!(partial.to_string(), "December 26");
        let printed = DatelineDate::new(4, 1, Some(1997), None, Span::default());
        assert_eq!(printed.to_string(), "April 1, 1997");
        let invalid = DatelineDate::new(2, 30, None, None, Span::default());
        assert_eq!(invalid.to_string(), "February 30");
        let odd = DatelineDate::new(13, 1, None, None, Span::default());
        assert_eq!(odd.to_string(), "13/1");
    }
}
