//! What comes before the story: chrome, wire header and advisories,
//! headline, standfirst and byline.

/// What a line before the story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Site chrome: "All news", "Source: CNN".
    Chrome,
    /// Wire header or advisory: codes, slugs, "Eds:", "ATTENTION ... ///".
    Advisory,
    /// A byline: "By WANJIRU KAMAU", "Associated Press Writer".
    Byline,
    /// Anything else: a headline, a standfirst, or story text.
    Content,
}

/// The line without ANPA framing: a leading `^`, a trailing `<` or `=`.
pub(crate) fn unframe(line: &str) -> &str {
    let l = line.strip_prefix('^').unwrap_or(line);
    let l = l.strip_suffix('<').or_else(|| l.strip_suffix('=')).unwrap_or(l);
    l.trim()
}

/// Whether the line carries ANPA framing (`^...<` or `^...=`): a header line.
pub(crate) fn is_framed(raw: &str) -> bool {
    raw.starts_with('^') && (raw.ends_with('<') || raw.ends_with('='))
}

/// Classifies one line met before the story.
pub(crate) fn classify(raw: &str) -> LineKind {
    let line = unframe(raw);
    if line.is_empty() {
        return LineKind::Advisory;
    }
    if is_chrome(line) {
        LineKind::Chrome
    } else if is_advisory(line) {
        LineKind::Advisory
    } else if is_byline(line) {
        LineKind::Byline
    } else {
        LineKind::Content
    }
}

fn is_chrome(line: &str) -> bool {
    const CHROME: &[&str] = &["All news", "Advertisement", "Share", "Share this", "Skip to content", "Read more"];
    CHROME.iter().any(|c| line.eq_ignore_ascii_case(c))
        || line.starts_with("Source: ") && line.len() < 60
        || line.starts_with("Source:") && line.len() < 60 && !line.contains(". ")
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn is_advisory(line: &str) -> bool {
    let b = line.as_bytes();
    // The line is trimmed, so its first word opens it: the tests on that word
    // look at the line's first bytes, and split the word off only if those fit.
    let first = || Words::of(line, 1).first();
    let may_be_wire_code = b.first().is_some_and(u8::is_ascii_lowercase) || b.get(1).is_some_and(u8::is_ascii_digit);
    // Advisories and priority flags.
    line.ends_with("///")
        || starts_with_ci(line, "ATTENTION")
        || line.starts_with('=')
        || is_flag(line)
        || starts_with_ci(line, "Eds:")
        || starts_with_ci(line, "Ed's:")
        || starts_with_ci(line, "EDITOR'S NOTE")
        || starts_with_ci(line, "EDITORS:")
        || line.starts_with("AP Photo")
        || line.starts_with("AP Video")
        || line.starts_with("AP Graphic")
        || line.starts_with("(For use by")
        || line.starts_with("(For release")
        || line.starts_with("(Eds:")
        // Slugs and codes.
        || line.starts_with("BC-")
        || has_sgml_code(line)
        || line.starts_with('[') && line.ends_with(']') && line.len() < 40
        || line.starts_with('(') && line.ends_with(')') && line.len() < 200 && !line[1..].contains('(')
        || line == "NEWS STORY"
        || is_doc_id(line) && is_doc_id(first())
        || is_timestamp(line)
        || may_be_wire_code && is_wire_code(line, first())
        || is_slug(line)
        // Copyright lines in the header.
        || is_copyright(line)
        || b.len() == 1 && !b[0].is_ascii_alphanumeric()
}

/// The first words of a line (up to three) and how many it has, up to the
/// limit: all the header tests look at. A line may be a whole paragraph, so
/// it is not split further.
struct Words<'a> {
    first: [&'a str; 3],
    /// The number of words, counting no further than three.
    n: usize,
}

impl<'a> Words<'a> {
    /// As `split_whitespace` splits, but reading ASCII bytes without
    /// decoding them: only a byte past ASCII starts a character to decode.
    fn of(line: &'a str, limit: usize) -> Self {
        let b = line.as_bytes();
        // The length of the character at `i` if it is (or is not) white space.
        let space_at = |i: usize, space: bool| -> Option<usize> {
            let (len, is_space) = match b[i] {
                c if c.is_ascii() => (1, char::from(c).is_whitespace()),
                _ => line[i..].chars().next().map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
            };
            (is_space == space).then_some(len)
        };
        let mut first = [""; 3];
        let mut n = 0;
        let mut i = 0;
        while n < limit.min(3) {
            while let Some(len) = (i < b.len()).then(|| space_at(i, true)).flatten() {
                i += len;
            }
            if i == b.len() {
                break;
            }
            let start = i;
            while let Some(len) = (i < b.len()).then(|| space_at(i, false)).flatten() {
                i += len;
            }
            first[n] = &line[start..i];
            n += 1;
        }
        Self { first, n }
    }

    fn first(&self) -> &'a str {
        self.first[0]
    }
}

/// `URGENT`, `FLASH`, `BULLETIN` and the like, alone on a line.
fn is_flag(line: &str) -> bool {
    const FLAGS: &[&str] = &[
        "URGENT",
        "FLASH",
        "BULLETIN",
        "EXTRA",
        "ADVISORY",
        "ALERT",
        "CORRECTION",
        "REPEAT",
        "UPDATE",
        "PRIORITY",
        "NEWSALERT",
        "REFILE",
        "WRITETHRU",
        "CORRECTED",
        "LEAD",
    ];
    // Flags are short words, version lines open with a digit.
    line.len() <= 10 && FLAGS.iter().any(|f| line.eq_ignore_ascii_case(f))
        || line.starts_with(|c: char| c.is_ascii_digit()) && is_version_line(line)
}

/// A version line of IPTC and ANPA copy: "1ST LEAD", "2nd Writethru", "3RD ADD".
fn is_version_line(line: &str) -> bool {
    let Some((ordinal, what)) = line.split_once(' ') else { return false };
    let digits = ordinal.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &ordinal[digits..];
    digits > 0
        && digits < 3
        && ["ST", "ND", "RD", "TH"].iter().any(|s| suffix.eq_ignore_ascii_case(s))
        && ["LEAD", "WRITETHRU", "ADD", "UPDATE"].iter().any(|w| what.eq_ignore_ascii_case(w))
}

/// The priority flag that may open a headline, with the space after it.
pub(crate) fn flag_prefix(line: &str) -> usize {
    const FLAGS: &[&str] = &["URGENT ", "FLASH ", "BULLETIN ", "NEWSALERT "];
    FLAGS.iter().find(|f| line.starts_with(*f)).map_or(0, |f| f.len())
}

pub(crate) fn is_copyright(line: &str) -> bool {
    let b = line.as_bytes();
    starts_with_ci(line, "copyright ")
        || line.starts_with("(c)")
        || line.starts_with("(C)")
        || line.starts_with('©')
        // c.1998 The Boston Globe
        || b.len() > 6 && b[0] == b'c' && b[1] == b'.' && b[2..6].iter().all(u8::is_ascii_digit)
}

/// `APW20000115.0031`, `XIE19990313.0229`: AQUAINT document ids.
fn is_doc_id(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 16
        && b[..3].iter().all(u8::is_ascii_uppercase)
        && b[3..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'.'
}

/// `&Cx1f;`, `&UR;`, `&QL;`, `&HT;`: AQUAINT transmission codes (not HTML
/// entities, which are lower case).
fn has_sgml_code(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(b'&', b).any(|at| {
        let code = &b[at + 1..];
        // A code has at most four letters: counting stops at five.
        let len = code.iter().take(5).take_while(|c| c.is_ascii_alphanumeric()).count();
        code.first().is_some_and(u8::is_ascii_uppercase) && (2..=4).contains(&len) && code.get(len) == Some(&b';')
    })
}

/// The fields of a line packed with AQUAINT codes, between the codes.
pub(crate) fn sgml_fields(line: &str) -> impl Iterator<Item = &str> {
    let has = has_sgml_code(line);
    line.split(move |c: char| has && c == '&')
        .map(|f| match f.find(';') {
            Some(at) if f[..at].bytes().all(|b| b.is_ascii_alphanumeric()) && at <= 4 => &f[at + 1..],
            _ => f,
        })
        .map(str::trim)
        .filter(move |f| has && !f.is_empty())
}

/// `1998-06-14 07:45`, `2014-03-09 08:17:42 GMT+00:00`, `05/02/1998 16:41:00 w3174`
fn is_timestamp(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let iso = b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') && digits(0..4);
    let us = b.get(2) == Some(&b'/') && b.get(5) == Some(&b'/') && digits(6..10);
    (10..=40).contains(&b.len()) && (iso || us)
}

/// `W4518asian`, `f l BC-...`, `u i BC-...`, `ecb417 4 i 187 ccccb dpa 093`.
fn is_wire_code(line: &str, first: &str) -> bool {
    // Each code opens with a word of its own shape (a lone small letter; a
    // letter and digits; two small letters and digits): most lines are
    // turned away on their first word.
    let b = first.as_bytes();
    let lower = |i: usize| b.get(i).is_some_and(u8::is_ascii_lowercase);
    let may = b.len() == 1 && lower(0) || b.len() >= 5 && (b[1].is_ascii_digit() || lower(0) && lower(1));
    if !may {
        return false;
    }
    let words = Words::of(line, 3);
    let (n, words) = (words.n, &words.first);
    let b = words[0].as_bytes();
    // W4518asian: a capital, digits, lowercase letters; alone on the line.
    let anpa_id = n == 1
        && b.len() >= 5
        && b[0].is_ascii_alphabetic()
        && b[1..5].iter().all(u8::is_ascii_digit)
        && b.iter().skip(1).all(|c| c.is_ascii_alphanumeric() || *c == b'-');
    // "f l BC-..." / "r a BC-...": ANPA priority and category letters.
    let anpa_cat = n == 3
        && words[0].len() == 1
        && words[1].len() == 1
        && words[0].bytes().all(|c| c.is_ascii_lowercase())
        && words[1].bytes().all(|c| c.is_ascii_lowercase());
    // ecb417 4 i 187: IPTC 7901 message header.
    let iptc = n == 3
        && b.len() >= 5
        && b.iter().take_while(|c| c.is_ascii_lowercase()).count() >= 2
        && b.iter().skip_while(|c| c.is_ascii_lowercase()).all(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && words[1].bytes().all(|c| c.is_ascii_digit());
    anpa_id || anpa_cat || iptc
}

/// `Germany-politics/`, `American Football/NFL/`: IPTC keyword slugs.
fn is_slug(line: &str) -> bool {
    line.ends_with('/') && line.len() < 60 && !line.contains(". ") && !line.ends_with("///")
}

/// `By WANJIRU KAMAU`, `by Janie Gabbett, Reuters`, `Associated Press Writer`.
pub(crate) fn is_byline(line: &str) -> bool {
    if is_role_line(line) {
        return true;
    }
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("by ")).or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let rest = rest.trim_end_matches(['=', '<', ' ']);
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(w, "and" | "&" | "of" | "de" | "van" | "von" | "der" | "la" | "al" | "in" | "for" | "bin")
    };
    // One to ten words, each a name word: the eleventh ends the walk.
    let mut n = 0;
    let names = rest.split_whitespace().take(11).all(|w| {
        n += 1;
        n <= 10 && name_word(w)
    });
    n > 0 && names && (!rest.ends_with('.') | rest.ends_with(" Jr."))
}

/// `Associated Press Writer`, `Associated Press`, `Reuters`: a byline's role line.
pub(crate) fn is_role_line(line: &str) -> bool {
    const ROLES: &[&str] = &[
        "Associated Press Writer",
        "Associated Press",
        "AP Writer",
        "Associated Press Writers",
        "AP Business Writer",
        "AP Sports Writer",
        "AP Science Writer",
        "AP Medical Writer",
        "AP Technology Writer",
        "AP Economics Writer",
        "AP Diplomatic Writer",
        "AP Military Writer",
        "AP Political Writer",
        "AP Religion Writer",
        "AP Entertainment Writer",
        "AP National Writer",
        "AP Special Correspondent",
        "AP Chief Political Writer",
        "Reuters Staff",
        "AFP Staff",
        "Staff Writer",
    ];
    let l = line.trim_end_matches(['=', '<', ' ']);
    ROLES.iter().any(|r| l.eq_ignore_ascii_case(r))
}

/// Splits a byline into people with their role and affiliation, as slices of `line`.
pub(crate) fn byline_people(line: &str) -> Vec<(&str, Option<&str>, Option<&str>)> {
    let body = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
        .unwrap_or(line)
        .trim_end_matches(['=', '<', ' ']);
    let (names, affiliation) = match body.split_once(", ") {
        Some((n, a)) => (n, Some(a.trim())),
        None => (body, None),
    };
    // "GRETA HOLM Associated Press Writer": the role follows capitals.
    let (names, role) = split_role(names);
    names
        .split(" and ")
        .flat_map(|n| n.split(" & "))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| (n, role, affiliation))
        .collect()
}

fn split_role(names: &str) -> (&str, Option<&str>) {
    const ROLE_STARTS: &[&str] = &[" Associated Press", " AP ", " Reuters", " AFP", " Staff"];
    for r in ROLE_STARTS {
        if let Some(at) = names.find(r) {
            // "The Associated Press" is one name.
            if at > 0 && !names[..at].eq_ignore_ascii_case("the") {
                return (names[..at].trim(), Some(names[at..].trim()));
            }
        }
    }
    (names, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        for l in [
            "W4518asian",
            "f l BC-LT--Chile-FishingB     04-22 0872",
            "^BC-LT--Chile-Fishing Boats,512<",
            "^AP Photo XKL204, XKL205<",
            "^Eds: With AP Photos.<",
            "APW20000322.0147  NEWS STORY  2000-03-22 14:05",
            "A4213 &Cx1f; tdt-z",
            "1998-06-14 07:45",
            "NEWS STORY",
            "(For use by New York Times News Service clients)",
            "c.2000 The Boston Globe",
            "ecb417 4 i 187 ccccb   dpa 093",
            "Germany-politics/",
            "American Football/NFL/",
            "ATTENTION - ADDS quotes ///",
            "///",
            "= (PICTURES) =",
            "URGENT",
        ] {
            assert_eq!(classify(l), LineKind::Advisory, "{l:?}");
        }
        for l in ["All news", "Source: CNN", "Source: AP"] {
            assert_eq!(classify(l), LineKind::Chrome, "{l:?}");
        }
        for l in [
            "By WANJIRU KAMAU",
            "by Janie Gabbett, Reuters",
            "Associated Press Writer",
            "^By PETRA LINDQVIST and TOMAS OKONJO=",
            "^Associated Press=",
        ] {
            assert_eq!(classify(l), LineKind::Byline, "{l:?}");
        }
        for l in [
            "Russia interested in peace, says Lavrov",
            "Britain",
            "Press Review",
            "By closing the bridge, the council is punishing drivers.",
        ] {
            assert_eq!(classify(l), LineKind::Content, "{l:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn first_words_as_split_whitespace_gives_them(line in "[a \t\u{b}\u{c}\u{85}\u{a0}\u{3000}é-]{0,24}") {
            let words = Words::of(&line, 3);
            let want: Vec<&str> = line.split_whitespace().take(3).collect();
            proptest::prop_assert_eq!(&words.first[..words.n], &want[..]);
        }
    }

    #[test]
    fn bylines_split_into_people() {
        assert_eq!(
            byline_people("By GRETA HOLM Associated Press Writer"),
            [("GRETA HOLM", Some("Associated Press Writer"), None)]
        );
        assert_eq!(
            byline_people("By PETRA LINDQVIST and TOMAS OKONJO"),
            [("PETRA LINDQVIST", None, None), ("TOMAS OKONJO", None, None)]
        );
        assert_eq!(byline_people("by Janie Gabbett, Reuters"), [("Janie Gabbett", None, Some("Reuters"))]);
    }
}
