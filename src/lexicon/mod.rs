//! Word lists kept as data: month names, cue verbs, titles, places.

/// Month names and abbreviations, English first, with a few French and
/// German forms met in agency copy.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("Jan", 1),
    ("February", 2),
    ("Feb", 2),
    ("March", 3),
    ("Mar", 3),
    ("April", 4),
    ("Apr", 4),
    ("May", 5),
    ("June", 6),
    ("Jun", 6),
    ("July", 7),
    ("Jul", 7),
    ("August", 8),
    ("Aug", 8),
    ("September", 9),
    ("Sept", 9),
    ("Sep", 9),
    ("October", 10),
    ("Oct", 10),
    ("November", 11),
    ("Nov", 11),
    ("December", 12),
    ("Dec", 12),
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("déc", 12),
    ("Januar", 1),
    ("Februar", 2),
    ("März", 3),
    ("Juni", 6),
    ("Juli", 7),
    ("Oktober", 10),
    ("Dezember", 12),
];

/// Whether `word` is a whole line that ends a story ("Reuter", "-0-", "(END)").
pub(crate) fn is_end_mark(word: &str) -> bool {
    const MARKS: &[&str] = &[
        "reuter", "reuters", "-0-", "(end)", "end", "###", "#", "-30-", "30", "enditem", "end item", "(ends)", "ends",
        "--30--", "xxx", "nnnn", "(more)", "more", "___", "---", "-- 30 --", "(endit)", "endit",
    ];
    let w = word.trim().trim_end_matches('=').trim();
    MARKS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

use std::collections::HashSet;
use std::sync::OnceLock;

fn word_set(data: &'static str) -> HashSet<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) fn $name(word: &str) -> bool {
            static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
            let set = SET.get_or_init(|| word_set(include_str!($file)));
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                set.contains(word.to_ascii_lowercase().as_str())
            } else {
                set.contains(word)
            }
        }
    };
}

lexicon!(
    /// Whether `word` is a reporting word ("said", "told", "according").
    is_cue, "cues.txt"
);
lexicon!(
    /// Whether `word` is a title or role ("minister", "spokesman", "coach").
    is_title, "titles.txt"
);
lexicon!(
    /// Whether `word` names a group of speakers ("officials", "protesters").
    is_group, "groups.txt"
);
lexicon!(
    /// Whether `word` ends an organisation's name ("Ministry", "Party").
    is_org_head, "orgs.txt"
);

lexicon!(
    /// Whether `word` makes a capitalised phrase a place ("Korea", "New").
    is_place_word, "places.txt"
);

/// Reporting words that mark speech wherever they stand (not only next to a
/// quotation): the verbs of indirect speech in wire copy.
pub(crate) fn is_strong_cue(word: &str) -> bool {
    const STRONG: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stressed",
        "stresses",
        "noted",
        "notes",
        "warned",
        "warns",
        "explained",
        "insisted",
        "declared",
        "announced",
        "emphasized",
        "emphasised",
        "stated",
        "claimed",
        "argued",
        "according",
        "wrote",
        "writes",
        "saying",
        "adding",
        "urged",
        "underlined",
        "pointed",
    ];
    STRONG.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether `word` is a personal pronoun that can report speech.
pub(crate) fn is_pronoun(word: &str) -> bool {
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
    // "He" and "he", "I"; never "US" or "IT".
    let shape_ok = word == "I" || word.chars().skip(1).all(|c| c.is_lowercase());
    shape_ok && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word))
}
