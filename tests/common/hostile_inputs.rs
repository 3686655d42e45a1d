//! The hostile inputs, by name, each made from a size in bytes: shared by
//! `tests/hostile.rs` and `benches/pathological.rs` (which includes this
//! file by path, without the tests' counting allocator).

#![allow(dead_code)] // each includer uses a part

// ---------------------------------------------------------------------------
// Generators: `n` is the size in bytes to aim for.

/// Story text after a headline and a dateline.
pub fn story(body: &str) -> String {
    format!("Headline\n\nMOSCOW (AP) - {body}")
}

pub fn repeat_to(unit: &str, n: usize) -> String {
    unit.repeat(n.div_ceil(unit.len()))
}

/// Runs of quotation marks of every kind, with and without letters.
pub const QUOTE_UNITS: &[&str] = &[
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "``",
    "''",
    "\"a\" ",
    "“a ",
    "‘ “",
    "\"a\n\n",
    "He said \"a 'b' c\" and “d ‘e’ f” or «g» ``h `i' j'' k's ’90s. ",
];

/// A story of `n` bytes of the marks in `unit`.
pub fn quote_marks(unit: &str, n: usize) -> String {
    story(&repeat_to(unit, n))
}

/// Every kind of mark in turn, then the same with words between.
pub fn mixed_quote_marks(n: usize) -> String {
    story(&repeat_to("\"'“”‘’«»„‚‹›``''\"a 'b “c ‘d «e „f ``g ", n))
}

/// `n` bytes of sentences, quotations and speakers with no line break.
pub fn no_newline(n: usize) -> String {
    repeat_to("MOSCOW (AP) - Sergey Lavrov said the talks “will resume” on Monday, he told reporters. ", n)
}

/// One word of `n` bytes in a story with a quotation, shaped to be taken
/// for words glued together by scraping ("Aaaa...d", "Sundayaaa...d").
pub fn long_word(n: usize) -> String {
    let word = format!("Sunday{}d", "a".repeat(n.saturating_sub(7) / 2));
    let name = format!("A{}d", "a".repeat(n.saturating_sub(2) / 2));
    story(&format!("\"Yes,\" {word} {name} said."))
}

/// `n` bytes of one sentence that never ends: speakers with appositives and
/// reporting words after a quotation.
pub fn endless_sentence(n: usize) -> String {
    let unit = "Anna Berg, director of sales at the Union, the main operator, said officials said ";
    story(&format!("\"Yes,\" {}", repeat_to(unit, n)))
}

/// `lines` lines of one character each (letters, capitals, marks, full stops).
pub fn one_char_lines(lines: usize) -> String {
    "a\nA\n\"\n.\n".repeat(lines.div_ceil(4))
}

/// Quotations nested `depth` deep in alternating styles, then closed.
pub fn nested_quotes(depth: usize) -> String {
    let open = ["“", "‘", "\"", "'", "«", "„", "``", "`"];
    let close = ["”", "’", "\"", "'", "»", "“", "''", "'"];
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(open[i % open.len()]);
        s.push_str("we ");
    }
    for i in (0..depth).rev() {
        s.push_str("go");
        s.push_str(close[i % close.len()]);
        s.push(' ');
    }
    story(&s)
}

/// A dateline with `count` agency tags.
pub fn agency_tags(count: usize) -> String {
    format!("Headline\n\nMOSCOW {} - Text.", "(AP)".repeat(count))
}

/// A dateline with `count` different unknown agency tags.
pub fn distinct_agency_tags(count: usize) -> String {
    let mut s = String::from("Headline\n\nMOSCOW ");
    for i in 0..count {
        let tag: String = (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).collect();
        s.push_str(&format!("(X{tag})"));
    }
    s.push_str(" - Text.");
    s
}

/// Lines indented ever deeper, up to `n / 1000` columns, and one line
/// indented by a quarter of `n`.
pub fn deep_indentation(n: usize) -> String {
    let mut s = format!("Headline\n\n{}MOSCOW (AP) - Text.\n", " ".repeat(n / 4));
    let mut i = 0;
    while s.len() < n {
        s.push_str(&"\t ".repeat(i % (n / 2000 + 1)));
        s.push_str("“Deeper,” he said.\n");
        i += 1;
    }
    s
}

/// Every control character, NULs most, among words and marks.
pub fn control_characters(n: usize) -> String {
    let controls: String = (0u8..32).chain([127]).map(char::from).collect();
    story(&repeat_to(&format!("\0\0\0{controls}word \"q\0\" \0\r\0\n\0"), n))
}

/// A priority flag, then lower-case lines: all header, no story.
pub fn urgent_lines(n: usize) -> String {
    format!("URGENT\n{}", repeat_to("a\n", n))
}

/// A hostile input: its name and how to make it from a size in bytes.
pub type Input = (&'static str, fn(usize) -> String);

/// Every hostile input.
pub fn inputs() -> Vec<Input> {
    vec![
        ("quote marks", mixed_quote_marks),
        ("straight marks", |n| quote_marks("\"", n)),
        ("curly openings", |n| quote_marks("“a ", n)),
        ("no newline", no_newline),
        ("one-char lines", |n| one_char_lines(n / 2)),
        ("nested quotes", |n| nested_quotes(n / 6)),
        ("agency tags", |n| agency_tags(n / 4)),
        ("deep indentation", deep_indentation),
        ("control characters", control_characters),
        ("long words", long_word),
        ("endless sentence", endless_sentence),
        ("distinct agency tags", |n| distinct_agency_tags(n / 7)),
        // Lines with no blank line and no dateline: every line is a place
        // the dateline could start.
        ("lines a LF", |n| repeat_to("a\n", n)),
        ("lines a CR", |n| repeat_to("a\r", n)),
        ("lines a CRLF", |n| repeat_to("a\r\n", n)),
        ("lines A LF", |n| repeat_to("A\n", n)),
        ("URGENT then lines", urgent_lines),
        // Floods with no headline or dateline before them.
        ("opening marks we", |n| repeat_to("\"we ", n)),
        ("quoted a", |n| repeat_to("\"a\" ", n)),
        ("a and blank lines", |n| repeat_to("a\n\n", n)),
    ]
}
