//! Parsing many articles at once.

use crate::stream::Story;
use crate::{Article, Error, ParseOptions};

/// Parses every input with `opts`, on all cores with the `parallel` feature
/// (on by default, with rayon), one after the other without it.
///
/// The results come back in the order of `inputs`, and borrow from them as
/// [`ParseOptions::parse`] does: no article text is copied. Run it inside a
/// rayon pool (`ThreadPool::install`) to choose the number of threads.
///
/// ```
/// let inputs = ["Title\n\nMOSCOW, June 16. /TASS/. Text.", "", "Other\n\nPARIS, May 2 (AFP) - More."];
/// let results = wirecopy::parse_batch(&inputs, &wirecopy::ParseOptions::new());
/// assert_eq!(results.len(), 3);
/// assert_eq!(results[0].as_ref().unwrap().paragraphs[0].text, "Text.");
/// assert_eq!(results[1].as_ref().unwrap_err().kind(), wirecopy::ErrorKind::Empty);
/// assert_eq!(results[2].as_ref().unwrap().headline.as_ref().unwrap().text, "Other");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Each input fails or succeeds on its own, with what
/// [`ParseOptions::parse`] returns for it: [`ErrorKind::Empty`](crate::ErrorKind::Empty)
/// for an empty or blank input.
pub fn parse_batch<'a, S: AsRef<str> + Sync>(inputs: &'a [S], opts: &ParseOptions) -> Vec<Result<Article<'a>, Error>> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        // Articles are small and uneven: let rayon split the slice, but keep
        // a few articles a task so the split costs nothing beside the parse.
        inputs.par_iter().with_min_len(4).map(|s| opts.parse(s.as_ref())).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        inputs.iter().map(|s| opts.parse(s.as_ref())).collect()
    }
}

/// Parses every story with [`Story::parse`] (the trailer's date as the
/// reference date for an envelope message, cut and decoding diagnostics
/// added), on all cores with the `parallel` feature, results in order.
///
/// ```
/// let stream = b"\x01bdt0001 3 pl 12 \r\n\r\nKey/\r\n\x02Title =\r\n\r\nKIEL, May 3 (dpa) - Text.\r\n\x03121314 Mai 24\r\n\x04";
/// let chunk = wirecopy::stream::stories(&stream[..]).chunks(1 << 20, 64).next().unwrap()?;
/// let articles = wirecopy::parse_stories(&chunk, &wirecopy::ParseOptions::new());
/// assert_eq!(articles[0].as_ref().unwrap().headline.as_ref().unwrap().text, "Title");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Each story fails or succeeds on its own, as [`Story::parse`] does.
pub fn parse_stories<'a>(stories: &'a [Story], opts: &ParseOptions) -> Vec<Result<Article<'a>, Error>> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        stories.par_iter().with_min_len(4).map(|s| s.parse(opts)).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        stories.iter().map(|s| s.parse(opts)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_results_as_one_at_a_time_in_order() {
        let inputs: Vec<String> = (0..300)
            .map(|i| match i % 3 {
                0 => format!("Title {i}\n\nMOSCOW, June 16. /TASS/. \"Quote {i},\" he said."),
                1 => " \n".to_string(),
                _ => format!("Story {i}\n\nPARIS, May 2 (AFP) - Text {i}."),
            })
            .collect();
        let opts = ParseOptions::new();
        let batch = parse_batch(&inputs, &opts);
        let one: Vec<_> = inputs.iter().map(|s| opts.parse(s)).collect();
        assert_eq!(batch, one);
        assert!(parse_batch::<&str>(&[], &opts).is_empty());
    }
}
