//! Word lists the grammar compares tokens with, in any case, and the
//! tests of a single word more than one part of it asks.

use crate::lexicon::{class, is_group, is_org_head, is_title};

/// Words a token is compared with, in any ASCII case, with the lengths
/// each first letter opens them at: one bit rules out most tokens.
pub(super) struct Words {
    list: &'static [&'static str],
    /// Per first byte's low five bits (the same in either case), a bit per
    /// length, all below 16.
    shapes: [u16; 32],
}

impl Words {
    pub(super) const fn new(list: &'static [&'static str]) -> Words {
        let mut shapes = [0; 32];
        let mut k = 0;
        while k < list.len() {
            let w = list[k].as_bytes();
            assert!(!w.is_empty() && w.len() < 16);
            shapes[(w[0] & 31) as usize] |= 1 << w.len();
            k += 1;
        }
        Words { list, shapes }
    }

    /// Whether `w` is one of the words, in any case.
    pub(super) fn holds(&self, w: &str) -> bool {
        let b = w.as_bytes();
        b.len() < 16
            && b.first().is_some_and(|&c| self.shapes[usize::from(c & 31)] >> b.len() & 1 != 0)
            && self.list.iter().any(|s| s.eq_ignore_ascii_case(w))
    }
}

/// Words for a number of people: "a group of", "dozens of".
pub(super) const QUANTITIES: Words = Words::new(&[
    "string",
    "group",
    "number",
    "handful",
    "couple",
    "pair",
    "crowd",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "series",
    "majority",
    "minority",
    "team",
    "panel",
]);

/// Heads of descriptions that stand for their issuer: "the statement said".
/// Common nouns for any body ("the agency", "the organisation"): after
/// "the", the body that spoke last, whatever its own head word.
pub(super) const ANY_BODY: Words =
    Words::new(&["agency", "body", "organisation", "organization", "institution", "authority", "office"]);

/// Pronouns for a group or a body ("they said", "it said").
pub(super) const VAGUE_PRONOUNS: Words = Words::new(&["they", "it", "we", "them"]);

/// Last words of the names of news media ("the Sunday Mail newspaper"),
/// which pass on others' words.
pub(super) const MEDIA: Words = Words::new(&[
    "newspaper",
    "daily",
    "weekly",
    "radio",
    "television",
    "tv",
    "broadcaster",
    "magazine",
    "channel",
    "website",
    "tabloid",
]);

pub(super) const PAPERS: &[&str] =
    &["statement", "report", "letter", "documents", "document", "article", "post", "editorial", "memo"];

/// Words after which a quotation names or defines rather than reports: "the
/// so-called "shadow fleet"", "code named "Operation Siskin"", "under the
/// slogan "..."" ("known as" is asked apart).
pub(super) const NAMING: Words = Words::new(&[
    "so-called",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "slogan",
    "meaning",
    "term",
    "motto",
    "hashtag",
]);

/// Lower-case words that may stand between the capitalised words of a title
/// ("Pacific Ring of Fire", "This Week With David Brinkley").
pub(super) const TITLE_LINKS: Words = Words::new(&[
    "of", "the", "a", "an", "and", "or", "on", "in", "for", "to", "with", "at", "by", "from", "de", "del", "la", "le",
    "du", "von", "van",
]);

/// Whether the cue may stand before its speaker ("said Smith"): not when
/// its object is a listener or a thing ("told AFP", "called it").
pub(super) fn inverts(w: &str) -> bool {
    const NOT: &[&str] = &[
        "tel", "tol", "call", "describ", "term", "dub", "brand", "label", "quot", "ask", "urg", "accus", "blam",
        "prais", "welcom", "slam", "criticiz", "criticis", "condemn", "thank", "warn",
    ];
    // (As bytes: a cue is ASCII, and its first bytes need no `str` of them.)
    !NOT.iter().any(|n| w.as_bytes().get(..n.len()).is_some_and(|p| p.eq_ignore_ascii_case(n.as_bytes())))
}

/// Whether a description's head can name a person ("the minister", "the
/// Dutchman", "the 23-year-old"), not a document or an institution.
pub(super) fn is_person_noun(w: &str) -> bool {
    const THINGS: Words = Words::new(&[
        "statement",
        "report",
        "article",
        "editorial",
        "paper",
        "documents",
        "document",
        "letter",
        "study",
        "survey",
        "release",
        "website",
        "newspaper",
        "magazine",
        "daily",
        "commentary",
        "note",
        "text",
        "data",
        "figures",
        "poll",
        "decision",
        "ruling",
        "order",
        "bill",
        "law",
        "plan",
        "proposal",
        "resolution",
        "agreement",
        "message",
        "post",
        "video",
        "book",
        "film",
        "song",
        "show",
        "program",
        "programme",
        "poster",
        "sign",
        "banner",
        "leaflet",
        "advert",
        "ad",
        "instructions",
        "guidelines",
        "guidance",
        "analysis",
        "assessment",
        "draft",
        "dossier",
        "summary",
        "notice",
        "page",
        "indictment",
        "complaint",
        "lawsuit",
        "filing",
        "petition",
        "memo",
        "memorandum",
        "affidavit",
        "verdict",
        "judgment",
        // Events: "The festival praises him".
        "festival",
        "conference",
        "summit",
        "ceremony",
        "exhibition",
    ]);
    is_title(w) || !(is_org_head(w) || is_group(w) || THINGS.holds(w))
}

/// A lower-case word that can head a description ("diplomat", "paper"),
/// given its word classes `f`.
pub(super) fn is_noun_like(w: &str, f: u32) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') && w.len() > 2 && f & (class::STOP | class::CUE) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_told_in_any_case() {
        const LIST: Words = Words::new(&["when", "after", "as", "although"]);
        for (w, want) in [("when", true), ("WHEN", true), ("After", true), ("as", true), ("ask", false), ("", false)] {
            assert_eq!(LIST.holds(w), want, "{w:?}");
        }
        assert!(!LIST.holds("a-very-long-word-indeed"));
        // The lists ruled in by a class first are all of that class.
        for (list, bits) in [
            (&["its", "his", "her", "their", "our", "the", "a", "an"][..], class::DET),
            (&["of", "and", "to", "the"][..], class::STOP | class::THE),
            (&["by"][..], class::STOP),
        ] {
            for w in list {
                assert_ne!(crate::lexicon::classes(w) & bits, 0, "{w}");
            }
        }
    }
}
