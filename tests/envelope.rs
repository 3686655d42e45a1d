//! Envelope streams (ANPA-1312, IPTC 7901): framing, headers, charsets,
//! markup, trailers, the article of the body, rendering. Every fixture is
//! invented text in the style of its agency.

use std::io::Read;

use chrono::{Datelike, NaiveDate, Timelike};
use wirecopy::envelope::{
    self, AnpaPriority, BlockKind, Charset, Envelope, Format, Header, Item, ReadOptions, Reader, Reference,
};
use wirecopy::{ParseOptions, YearSource};

fn one(bytes: &[u8]) -> Envelope {
    let m = envelope::messages(bytes);
    assert_eq!(m.len(), 1, "{m:#?}");
    m.into_iter().next().unwrap()
}

fn anpa(m: &Envelope) -> &envelope::AnpaHeader {
    match &m.header {
        Header::Anpa(h) => h,
        h => panic!("not ANPA: {h:?}"),
    }
}

fn iptc(m: &Envelope) -> &envelope::IptcHeader {
    match &m.header {
        Header::Iptc7901(h) => h,
        h => panic!("not IPTC: {h:?}"),
    }
}

/// AP 2013-2019 style: LF-only, a headline ending " <", photo and Eds
/// lines, a two-line byline, tab paragraphs separated by one-space lines.
const AP_MODERN: &[u8] = b"\x16\x16\x01W1234\x1fasian\n\
f l\x13\x11 BC-EU--Harbour-LighthouseK     06-03 0412\n\
\x02^BC-EU--Harbour-Lighthouse Keeper,412<\n\
^Last lighthouse keeper on the coast hands over the keys <\n\
^AP Photo XYZ101, XYZ102<\n\
^Eds: With AP Photos.<\n\
^By MARTA OLSEN and PIET KRAMER=\n\
^Associated Press=\n\
\t   SKAGEN, Denmark (AP) _ For forty years Jens Holm climbed the tower every night. \n \n\
\t   ``The sea never sleeps, so neither did I,'' Holm said on Friday. \n \n\
\t   ___\n \n\
\t   Kramer reported from Copenhagen.\n \n\
\t   \x03AP-WF-06-03-18 1412GMT<\n\n\x0c\n\x04";

#[test]
fn anpa_header_is_typed_with_raw_values() {
    let m = one(AP_MODERN);
    assert_eq!(m.format(), Format::Anpa);
    assert!(m.complete);
    let h = anpa(&m);
    assert_eq!((h.service_level, h.story_number, h.selector.as_str()), ('W', 1234, "asian"));
    assert_eq!((h.priority, h.category, h.agate, h.tabular), (AnpaPriority::Flash, 'l', false, false));
    assert_eq!(h.keyword, "BC-EU--Harbour-LighthouseK");
    assert_eq!((h.version.as_deref(), h.reference.as_deref()), (None, None));
    assert_eq!((h.month_day, h.word_count), (Some((6, 3)), Some(412)));
    assert_eq!(h.raw.format_id, "\x13\x11");
    assert_eq!(h.raw.word_count.as_deref(), Some("0412"));
}

#[test]
fn ap_heading_lines_become_structure() {
    let m = one(AP_MODERN);
    let hd = &m.heading;
    assert_eq!(hd.slug.as_deref(), Some("BC-EU--Harbour-Lighthouse Keeper,412"));
    assert_eq!(hd.headline.as_deref(), Some("Last lighthouse keeper on the coast hands over the keys"));
    assert_eq!(hd.notes, ["AP Photo XYZ101, XYZ102", "Eds: With AP Photos."]);
    assert_eq!(hd.byline, ["By MARTA OLSEN and PIET KRAMER", "Associated Press"]);
    let kinds: Vec<BlockKind> = m.body.blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(kinds, [Paragraph, Paragraph, Rule, Paragraph]);
    assert!(m.body.text().starts_with("SKAGEN, Denmark (AP) _ For forty years"));
    assert!(!m.body.text().contains("___"));
}

#[test]
fn ap_trailer_gives_date_time_and_the_article() {
    let m = one(AP_MODERN);
    let t = m.trailer.as_ref().unwrap();
    assert_eq!(t.text(), "AP-WF-06-03-18 1412GMT");
    assert_eq!(t.desk.as_deref(), Some("AP-WF"));
    let dt = t.date_time.unwrap();
    assert_eq!((dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute()), (2018, 6, 3, 14, 12));
    assert_eq!(dt.offset().local_minus_utc(), 0);
    let p = m.article(&ParseOptions::new()).unwrap();
    assert_eq!(p.reference, Some(Reference::Trailer));
    assert_eq!(p.reference_date, NaiveDate::from_ymd_opt(2018, 6, 3));
    let a = &p.article;
    assert_eq!(a.headline.as_ref().unwrap().as_str(), "Last lighthouse keeper on the coast hands over the keys");
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.place.as_ref().unwrap().text, "SKAGEN, Denmark");
    assert_eq!(a.quotations[0].text, "The sea never sleeps, so neither did I,");
    assert_eq!(a.paragraphs.len(), 3);
    let people: Vec<&str> = a.byline.as_ref().unwrap().people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["MARTA OLSEN", "PIET KRAMER"]);
}

/// AP 1994 style: CR LF, hard-wrapped paragraphs, a weekday advance with
/// `$Adv` and release lines, a wrapped EDS note, a code line, a `^___=`
/// rule and `^...<` subheads in the body, an EDT trailer.
const AP_1994: &[u8] = b"\x04\x16\x16\x01d0377\x1f0az--\n\
a f\x13\x11 BC-FerryRoundup Adv02-03   07-01 0880\r\n\
\x02^BC-Ferry Roundup, Adv02-03,0880<\r\n\
^$Adv02<\r\n^$Adv03<\r\n\
^For release in weekend editions, Jul02-Jul03<\r\n\
^Ferry Lines Trim Winter Timetables<\r\n\
^EDS: Another in a monthly series on coastal transport\r\n\
companies.<\r\n\
^zqrtx4<\r\n\
^By The Associated Press=\r\n\
\t   Three ferry lines said they would run fewer crossings this\r\n\
winter, citing fuel costs and ``thin traffic'' after October.\r\n\
\t   The cuts affect the northern routes first.\r\n\
^___=\r\n\
^Island Service Kept<\r\n\
\t   The island service will keep its daily boat.\r\n\
\t   \x03AP-NY-07-01-94 1120EDT<\r\n\r\n\x0c\r\n\x04";

#[test]
fn ap_1994_advance_wrapped_lines_and_edt_trailer() {
    let m = one(AP_1994);
    let h = anpa(&m);
    assert_eq!(h.priority, AnpaPriority::Advance);
    assert_eq!(h.version.as_deref(), Some("Adv02-03"));
    assert_eq!(m.heading.headline.as_deref(), Some("Ferry Lines Trim Winter Timetables"));
    assert!(m.heading.notes.contains(&"EDS: Another in a monthly series on coastal transport companies.".to_owned()));
    assert!(m.heading.notes.contains(&"$Adv02".to_owned()));
    let b = &m.body.blocks;
    assert_eq!(
        b[0].text,
        "Three ferry lines said they would run fewer crossings this winter, citing fuel costs and ``thin traffic'' after October."
    );
    assert_eq!((b[2].kind, b[3].kind, b[3].text.as_str()), (BlockKind::Rule, BlockKind::Head, "Island Service Kept"));
    let t = m.trailer.as_ref().unwrap();
    assert_eq!(t.date_time.unwrap().offset().local_minus_utc(), -4 * 3600);
    assert_eq!(t.date(), NaiveDate::from_ymd_opt(1994, 7, 1));
}

/// Bay City News style: CR LF after STX, a `TAG:LABEL:` headline, a slug
/// line, double-spaced copy, NUL inside words, a sign-off, no trailer.
const BAY_CITY: &[u8] = b"\x16\x16\x01a0071\x1fbagm-\n\
d n\x13\x11 bc-FERRY     05-02 0120   \r\n\
\x02\r\n\
BCN71:UPDATE:FERRY RUNS AGROUND NEAR PIER\r\n\
\r\n\
\t   BCN71             -UPDATE ON FERRY  \r\n\
\t   \r\n\
\t   OAKLAND (BCN)\r\n\
\r\n\
\t   A commuter ferry ran aground this morning near the \r\n\
\r\n\
old pier, the harbor\x00master said.  \r\n\
\r\n\
\t   No one was hurt.\r\n\
\t   \r\n\
\t   K.Lund312p5/2/95  \r\n\
\r\n\r\n\x03\x04\r\n";

#[test]
fn bay_city_tag_labels_slug_double_spacing_and_nul() {
    let m = one(BAY_CITY);
    let h = anpa(&m);
    assert_eq!(
        (h.keyword.as_str(), h.priority, h.raw.word_count.as_deref()),
        ("bc-FERRY", AnpaPriority::Deferred, Some("0120"))
    );
    assert_eq!(m.heading.headline.as_deref(), Some("FERRY RUNS AGROUND NEAR PIER"));
    assert_eq!(m.heading.labels, ["BCN71", "UPDATE"]);
    assert_eq!(m.heading.slug.as_deref(), Some("BCN71 -UPDATE ON FERRY"));
    assert_eq!(m.trailer, None);
    assert!(m.complete);
    let texts: Vec<&str> = m.body.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "OAKLAND (BCN) A commuter ferry ran aground this morning near the old pier, the harbormaster said.",
            "No one was hurt.",
            "K.Lund312p5/2/95"
        ]
    );
    // No trailer: no reference date, the article still parses.
    let p = m.article(&ParseOptions::new()).unwrap();
    assert_eq!(p.reference, None);
    assert_eq!(p.article.headline.unwrap().as_str(), "FERRY RUNS AGROUND NEAR PIER");
}

/// A Bay City datebook: a `+++  +++` rule, a title line after HT and one
/// space, a CONTACT: line continued on an indented line.
const DATEBOOK: &[u8] = b"\x16\x16\x01a0080\x1fbad--\n\
d c\x13\x11 bc-DATEBOOK-FIRST-ADD     05-02 0300   \r\n\
\x02\r\n\
BCN80:FIRST ADD DATEBOOK FOR FRIDAY, MAY 3\r\n\
\r\n\
BCN80                        -DATEBOOK\r\n\
++++++++++++++++++++  ++++++++++++++++++++\r\n\
\t FIRST ADD BAY AREA DATEBOOK FOR FRIDAY, MAY 3\r\n\
\t   \r\n\
\t   10 a.m. -- Harbor cleanup day at the marina.\r\n\
\t   CONTACT: Dock office (510) 555-0100\r\n\
\t            or the harbor desk\r\n\
\x03\x04";

#[test]
fn datebook_rule_title_and_contact() {
    let m = one(DATEBOOK);
    assert_eq!(m.heading.headline.as_deref(), Some("FIRST ADD DATEBOOK FOR FRIDAY, MAY 3"));
    assert_eq!(m.heading.slug.as_deref(), Some("BCN80 -DATEBOOK"));
    let texts: Vec<&str> =
        m.body.blocks.iter().filter(|b| b.kind != BlockKind::Rule).map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "FIRST ADD BAY AREA DATEBOOK FOR FRIDAY, MAY 3",
            "10 a.m. -- Harbor cleanup day at the marina.",
            "CONTACT: Dock office (510) 555-0100",
            "or the harbor desk"
        ]
    );
    assert!(m.body.text().starts_with("FIRST ADD BAY AREA"));
}

#[test]
fn superdesk_style_optional_field() {
    let m = one(b"\x01eca071 4 i 90 ccccb   dpa 070\r\n\r\nPort/\r\n\x02Port strike ends =\r\n\r\n   Hamburg (dpa) - Work resumed.\r\n\x03131137 GMT Nov 13 \r\n\x7f\n\x7f\x04");
    let h = iptc(&m);
    assert_eq!((h.number, h.raw.number.as_str(), h.optional.as_deref()), (71, "071", Some("ccccb   dpa 070")));
    assert_eq!(m.trailer.as_ref().unwrap().text(), "131137 GMT Nov 13");
    assert_eq!(m.body.text(), "Hamburg (dpa) - Work resumed.");
}

/// Agate table: DC4 DC2, BS rows with DLE bands, US and RS inside rows,
/// `{` for one half, no word count, a Latin-1 byte.
const TABLE: &[u8] = b"\x16\x16\x01s0090\x1f-----\n\
r s\x14\x12 BC-HKO--LeagueGlance     02-11 \r\n\
\x02^BC-HKO--League Glance<\r\n\
^League Glance=\r\n\
^By The Associated Press=\r\n\
^NORTH DIVISION=\r\n\
\x08\x1f\x1e W\x1e \x1e L\x1e \x1e GB\r\n\
\x08Ice\x10 Wolves\x1f\x1e 30\x1e \x1e 12\x1e \x1e _\r\n\
\x08Mu\xf1oz\x10 Stars\x1f\x1e 28\x1e \x1e 14\x1e \x1e 2{\r\n\
\t   \x03AP-WF-02-11-19 0301GMT<\r\n\r\n\x0c\r\n\x04";

#[test]
fn block_spans_point_into_the_stream() {
    let mut stream = b"noise \x07".to_vec();
    stream.extend_from_slice(TABLE);
    stream.extend_from_slice(AP_1994);
    for m in envelope::messages(&stream) {
        for b in &m.body.blocks {
            let bytes = &stream[m.stream_span(b).start..m.stream_span(b).end];
            let (text, _) = m.charset.decode(bytes);
            let first = b.text.split([' ', '\n']).next().unwrap();
            assert!(text.contains(first), "{text:?} / {:?}", b.text);
        }
    }
}

#[test]
fn tabular_agate_rows_and_latin1() {
    let m = one(TABLE);
    assert_eq!(m.charset, Charset::Latin1);
    let h = anpa(&m);
    assert!(h.agate && h.tabular);
    assert_eq!((h.word_count, h.raw.word_count.as_deref()), (None, None));
    assert_eq!(m.heading.headline.as_deref(), Some("League Glance"));
    let b = &m.body.blocks;
    assert_eq!((b[0].kind, b[0].text.as_str()), (BlockKind::Head, "NORTH DIVISION"));
    assert_eq!(b[1].kind, BlockKind::Table);
    assert_eq!(
        b[1].text.lines().nth(2).unwrap().split_whitespace().collect::<Vec<_>>(),
        ["Muñoz", "Stars", "28", "14", "2{"]
    );
}

/// Broadcast copy: an empty `^<` headline slot and a boxed BS + US title.
const BROADCAST: &[u8] = b"\x16\x16\x01v0101\x1f0hi-d\n\
r s\x13\x11 AP-HI--SurfMinute     04-02 0150\r\n\
\x02^AP-HI--Surf Minute<\r\n^<\r\n\
\x08\x1f                ---------------\r\n\
\x08\x1f                ! Surf Minute !\r\n\
\x08\x1f----------------------------------\r\n\
^Here is the latest surf report from The Associated Press<\r\n\
^\r\n\
\t   (Hilo) -- Waves reached ten feet on Tuesday.\r\n\
\t   \x03AP-NY-04-02-96 0900EST<\r\n\r\n\x0c\r\n\x04";

#[test]
fn broadcast_empty_slot_takes_the_boxed_title() {
    let m = one(BROADCAST);
    assert_eq!(m.heading.headline.as_deref(), Some("Surf Minute"));
    assert_eq!(m.body.text(), "(Hilo) -- Waves reached ten feet on Tuesday.");
}

/// A headline digest: `^` lines without a closing mark are body.
const DIGEST: &[u8] = b"\x16\x16\x01V0007\x1f-----\n\
r e\x13\x11 AP-Top-Science-Headline     03-03 0060\r\n\
\x02^*4410< ^AP-Top-Science-Headlines,0060<\r\n\
^AP Top Science News at 9:10 a.m. EST<\r\n\
^Comet brightens over the southern sky\r\n\
^Deep-sea robot maps a new trench\r\n\r\n\
\t   \x03AP-WF-03-03-17 1410GMT<\r\n\r\n\x0c\r\n\x04";

#[test]
fn digest_lines_without_closing_mark_are_body() {
    let m = one(DIGEST);
    assert_eq!(m.heading.headline.as_deref(), Some("AP Top Science News at 9:10 a.m. EST"));
    let heads: Vec<&str> = m.body.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(heads, ["Comet brightens over the southern sky", "Deep-sea robot maps a new trench"]);
}

/// dpa English: CR LF LF after the header, a heading block of a version
/// label, the headline and a byline closed by " =" (bare LF inside), a
/// notebook, initials, a German month in the trailer, DEL padding.
const DPA: &[u8] = b"\x01eca0042 3 i 120  dpa 0041\r\n\n\
Germany/rail/strike/\r\n\
\x021ST LEAD\nTrain drivers call off weekend strike after late-night talks\nBy Anna Vogt, dpa =\r\n\
\r\n\
   Berlin (dpa) - Germany's train drivers called off a planned weekend\r\n\
strike on Thursday, the union said.\r\n\
\r\n\
   \"We have a deal,\" union leader Karl Brand told reporters.\r\n\
\r\n\
# dpa NOTEBOOK\r\n\
\r\n\
## Contacts\r\n\
* * * *\r\n\
The following information is not for publication\r\n\
- Editing by: Some Editor\r\n\
\r\n\
dpa av xy\r\n\
\r\n\
\x03121742 GMT Okt 23 \r\n\x7f\n\x7f\x04";

#[test]
fn dpa_heading_notepad_initials_and_german_trailer() {
    let m = one(DPA);
    assert_eq!(m.format(), Format::Iptc7901);
    let h = iptc(&m);
    assert_eq!((h.source.as_str(), h.number, h.priority, h.category.as_str(), h.word_count), ("eca", 42, 3, "i", 120));
    assert_eq!(h.raw.optional.as_deref(), Some(" dpa 0041"));
    assert_eq!(h.keywords, ["Germany", "rail", "strike"]);
    assert_eq!(m.heading.labels, ["1ST LEAD"]);
    assert_eq!(m.heading.headline.as_deref(), Some("Train drivers call off weekend strike after late-night talks"));
    assert_eq!(m.heading.byline, ["By Anna Vogt, dpa"]);
    assert_eq!(m.body.initials.as_deref(), Some("dpa av xy"));
    assert_eq!(m.body.notepad[0], "# dpa NOTEBOOK");
    assert!(!m.body.text().contains("NOTEBOOK"));
    let t = m.trailer.as_ref().unwrap();
    assert_eq!(t.text(), "121742 GMT Okt 23");
    assert_eq!(t.local.unwrap().to_string(), "2023-10-12 17:42:00");
    let p = m.article(&ParseOptions::new()).unwrap();
    assert_eq!(p.article.dateline.as_ref().unwrap().place.as_ref().unwrap().text, "Berlin");
    assert_eq!(p.article.quotations[0].text, "We have a deal,");
}

/// dpa German service in UTF-8: `(Eil` + BEL + `)`, a correction label over
/// two lines, a wrapped headline, a photo note closed by " =", bare LF.
const DPA_DE: &str = "\x01bdt0000 2 pl 60  dpa 0000\n\nPolitik/Deutschland/Länder/\n\
\x02(Eil \x07\x07\x07\x07\x07)\n(Berichtigung: In einer früheren Fassung stand\nein falsches Datum.)\n\
Landtag in Kiel beschließt nach langer Debatte das neue Gesetz über die\nöffentlichen Bäder\n\
(Foto Archiv) =\n\nKiel (dpa) - Der Landtag hat «mit großer Mehrheit» zugestimmt.\n\n\
dpa xy zz\n\n\x03061530 Mär 24\n\x7f\n\x7f\x04\n";

#[test]
fn dpa_german_utf8_labels_and_wrapped_headline() {
    let m = one(DPA_DE.as_bytes());
    assert_eq!(m.charset, Charset::Utf8);
    assert_eq!(iptc(&m).priority, 2);
    assert_eq!(m.heading.labels.len(), 3, "{:?}", m.heading.labels);
    assert_eq!(
        m.heading.headline.as_deref(),
        Some("Landtag in Kiel beschließt nach langer Debatte das neue Gesetz über die öffentlichen Bäder")
    );
    assert!(m.body.text().starts_with("Kiel (dpa) - Der Landtag"));
    assert_eq!(m.trailer.as_ref().unwrap().date(), NaiveDate::from_ymd_opt(2024, 3, 6));
}

/// An APTN item: IPTC 7901 envelope around an ANPA-style body, a date
/// line, an empty `<` headline slot, BS BS lines, HT before ETX.
const APTN: &[u8] = b"\x01v3101 4 txx 80 1tvab\r\n\
AP-APTN-0930:HarbourFire\r\n\
\x02^AP-APTN-0930: Harbour Fire<\r\n\
^Tuesday, 3 March 2015<\r\n\
<\r\n\
STORY:Harbour Fire- Crews fight blaze at warehouse\r\n\
LENGTH: 01:20\r\n\
\x08\x08SHOTLIST:\r\n\
\x08\x081. Smoke over the quay\r\n\
\r\n\
\t   \x03031012 mar 15EST\r\n\x04";

#[test]
fn aptn_in_iptc_envelope() {
    let m = one(APTN);
    let h = iptc(&m);
    assert_eq!(
        (h.source.as_str(), h.number, h.category.as_str(), h.optional.as_deref()),
        ("v", 3101, "txx", Some("1tvab"))
    );
    assert_eq!(h.raw.keyword.as_deref(), Some("AP-APTN-0930:HarbourFire"));
    assert_eq!(m.heading.headline, None);
    assert!(m.body.text().starts_with("STORY:Harbour Fire"));
    let t = m.trailer.as_ref().unwrap();
    assert_eq!(t.zone.as_deref(), Some("EST"));
    assert_eq!(t.date_time.unwrap().to_rfc3339(), "2015-03-03T10:12:00-05:00");
}

#[test]
fn trailer_year_resolves_a_partial_dateline() {
    let msg = b"\x01rtr0042 3 i 60 \r\nBank/rates/\r\n\x02Bank seen holding rates =\r\n\r\n\
    LONDON, Feb 26 - The Bank is expected to leave rates unchanged.\r\n\x03270915 GMT Feb 87\r\n\x04";
    let m = one(msg);
    let p = m.article(&ParseOptions::new()).unwrap();
    let date = p.article.dateline.as_ref().unwrap().date.unwrap();
    assert_eq!(date.resolved, NaiveDate::from_ymd_opt(1987, 2, 26));
    assert_eq!(date.year_source, YearSource::Inferred);
    assert_eq!(p.reference, Some(Reference::Trailer));
    // December copy sent in January belongs to the year before.
    let jan = b"\x01rtr0043 3 i 60 \r\nBank/\r\n\x02Year-end trading =\r\n\r\n\
    LONDON, Dec 30 - Trading was thin.\r\n\x03020915 GMT Jan 88\r\n\x04";
    let p = one(jan).article(&ParseOptions::new()).unwrap();
    assert_eq!(p.article.dateline.unwrap().date.unwrap().resolved, NaiveDate::from_ymd_opt(1987, 12, 30));
    // Without a trailer the caller's date is used, and said so.
    let none = b"\x01rtr0044 3 i 60 \r\nBank/\r\n\x02Title =\r\n\r\n    LONDON, Feb 26 - Text.\r\n\x03\x04";
    let opts = ParseOptions::new().reference_date(NaiveDate::from_ymd_opt(2001, 3, 1).unwrap());
    let p = one(none).article(&opts).unwrap();
    assert_eq!(p.reference, Some(Reference::Caller));
    assert_eq!(p.article.dateline.unwrap().date.unwrap().resolved, NaiveDate::from_ymd_opt(2001, 2, 26));
}

#[test]
fn charset_detected_or_given() {
    assert_eq!(one(AP_MODERN).charset, Charset::Ascii);
    assert_eq!(one(DPA_DE.as_bytes()).charset, Charset::Utf8);
    let latin = b"\x01eca0001 4 s 20  dpa 0001\r\n\r\nSport/\r\n\x02M\xfcller scores twice =\r\n\r\nMunich (dpa) - Gerd M\xfcller\xa0scored.\r\n\x03010101 GMT Okt 15\r\n\x04";
    let m = one(latin);
    assert_eq!(m.charset, Charset::Latin1);
    assert_eq!(m.heading.headline.as_deref(), Some("Müller scores twice"));
    assert!(m.body.text().contains("Müller\u{a0}scored"));
    // Given: the bytes are read as that charset, replacements counted.
    let forced = envelope::items(latin, ReadOptions::new().charset(Charset::Utf8)).next().unwrap();
    let Item::Message(f) = forced else { panic!() };
    assert_eq!((f.charset, f.replacements), (Charset::Utf8, 3));
}

/// A capture that opens mid-message and ends in a truncated one.
fn noisy_stream() -> Vec<u8> {
    let mut s = b"\x07connected\r\n\x00RNING AND TONIGHT\r\n\x08MORE TABLE TEXT\r\n\t   \x03AP-NY-04-02-96 0850EST<\r\n\x0c\r\n\x04".to_vec();
    s.extend_from_slice(BROADCAST);
    s.extend_from_slice(b"\x7f\x00\x07");
    s.extend_from_slice(DPA);
    s.extend_from_slice(b"\r\n\x16\x16\x01d0400\x1f0az--\na f\x13\x11 BC-Cut     07-01 0500\r\n\x02^BC-Cut<\r\n^Cut Off Story<\r\n\t   The text stops mid^Co~\r\n[EOT]\r\n");
    s
}

#[test]
fn resync_on_noise_and_truncation_reported() {
    let s = noisy_stream();
    let items: Vec<Item> = envelope::items(&s, ReadOptions::new()).collect();
    assert_eq!(items.len(), 4, "{items:#?}");
    let Item::Noise(n) = &items[0] else { panic!("{:?}", items[0]) };
    assert!(n.bytes.starts_with(b"connected"));
    let msgs: Vec<&Envelope> =
        items.iter().filter_map(|i| if let Item::Message(m) = i { Some(m) } else { None }).collect();
    assert_eq!(msgs[0].heading.headline.as_deref(), Some("Surf Minute"));
    assert_eq!(msgs[1].format(), Format::Iptc7901);
    let last = msgs[2];
    assert!(!last.complete);
    assert_eq!(last.trailer, None);
    assert_eq!(last.heading.headline.as_deref(), Some("Cut Off Story"));
    assert_eq!(&s[last.span.start..last.span.start + 3], b"\x16\x16\x01");
    assert_eq!(last.span.end, s.len());
}

/// A reader that hands out a few bytes at a time.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.1 = self.1 % 7 + 1;
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn reader_matches_slice_whatever_the_chunking() {
    let s = noisy_stream();
    let want: Vec<Item> = envelope::items(&s, ReadOptions::new()).collect();
    let got: Vec<Item> = Reader::new(Trickle(&s, 0)).collect::<Result<_, _>>().unwrap();
    assert_eq!(got, want);
    let got: Vec<Item> = Reader::new(&s[..]).collect::<Result<_, _>>().unwrap();
    assert_eq!(got, want);
}

#[test]
fn header_line_endings_and_upi_extra_field() {
    // Line 1 ending CR LF, an extra field before US, bare LF body lines
    // mixed with CR LF.
    let m = one(b"\x16\x16\x01u0201XJ7\x1freute\r\nr f\x13\x11 BC-COCOA-REVIEW     02-26 0105\r\n\x02^BC-Cocoa Review<\n^Cocoa rains ease<\r\n\t   Showers eased.\n\t   \x03AP-WF-02-26-87 1200GMT<\r\n\x04");
    let h = anpa(&m);
    assert_eq!(
        (h.extra.as_deref(), h.selector.as_str(), h.keyword.as_str()),
        (Some("XJ7"), "reute", "BC-COCOA-REVIEW")
    );
    assert_eq!(m.heading.headline.as_deref(), Some("Cocoa rains ease"));
    assert_eq!(m.body.text(), "Showers eased.");
}

#[test]
fn a_message_cut_by_the_next_soh_is_incomplete() {
    let mut s = AP_MODERN[..200].to_vec();
    s.extend_from_slice(DPA);
    let m = envelope::messages(&s);
    assert_eq!(m.len(), 2);
    assert!(!m[0].complete && m[1].complete);
}

#[test]
fn rendering_parses_back_to_the_same_message() {
    for fixture in [AP_MODERN, AP_1994, BAY_CITY, TABLE, BROADCAST, DIGEST, DPA, DPA_DE.as_bytes(), APTN] {
        let m = one(fixture);
        let bytes = m.render();
        let mut back = Envelope::parse(&bytes, &ReadOptions::new());
        back.span = m.span;
        back.body_offset = m.body_offset;
        assert_eq!(back, m);
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        "[A-Za-z][A-Za-z0-9-]{0,10}"
    }

    fn line() -> impl Strategy<Value = String> {
        prop::collection::vec("[A-Za-zäöüß0-9,.'`_ -]{1,12}", 1..8).prop_map(|w| w.join(" "))
    }

    fn anpa_msg() -> impl Strategy<Value = Vec<u8>> {
        (
            "[a-zA-Z]",
            "[0-9]{4}",
            "[a-z0-9-]{5}",
            "[fburda]",
            "[a-z]",
            prop::sample::select(vec!["\x13\x11", "\x14\x12", "\x13\x12"]),
            "[A-Za-z][A-Za-z-]{0,23}",
            prop::option::of(word()),
            "(0[1-9]|1[0-2])-[0-2][0-9]",
            prop::option::of("[0-9]{4}"),
            prop::collection::vec(line(), 0..6),
            prop::option::of((1u32..13, 1u32..29, 0u32..100, 0u32..24, 0u32..60)),
        )
            .prop_map(|(s, n, sel, p, c, f, k, v, d, w, lines, t)| {
                let mut m = format!("\x16\x16\x01{s}{n}\x1f{sel}\n{p} {c}{f} {k} {} {d}", v.as_deref().unwrap_or("  "));
                if let Some(w) = w {
                    m.push(' ');
                    m.push_str(&w);
                }
                m.push_str("\r\n\x02");
                for l in &lines {
                    m.push_str("\t   ");
                    m.push_str(l);
                    m.push_str("\r\n");
                }
                m.push('\x03');
                if let Some((mo, da, y, h, mi)) = t {
                    m.push_str(&format!("AP-WF-{mo:02}-{da:02}-{y:02} {h:02}{mi:02}GMT<\r\n"));
                }
                m.push('\x04');
                m.into_bytes()
            })
    }

    fn iptc_msg() -> impl Strategy<Value = Vec<u8>> {
        (
            "[a-z]{1,3}",
            "[0-9]{3,4}",
            "[1-6]",
            "[a-z]{1,3}",
            "[0-9]{1,4}",
            prop::option::of(line()),
            line(),
            line(),
            prop::collection::vec(line(), 0..5),
        )
            .prop_map(|(src, num, p, cat, wc, opt, kw, head, paras)| {
                let mut m = format!("\x01{src}{num} {p} {cat} {wc}");
                if let Some(o) = opt {
                    m.push(' ');
                    m.push_str(&o);
                }
                m.push_str(&format!("\r\n\r\n{kw}/\r\n\x02{head} =\r\n"));
                for p in &paras {
                    m.push_str("\r\n");
                    m.push_str(p);
                    m.push_str("\r\n");
                }
                m.push_str("\x03121314 Okt 24\r\n\x7f\n\x7f\x04");
                m.into_bytes()
            })
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600),
                                       framed in prop::collection::vec(prop::sample::select(vec![0u8, 1, 2, 3, 4, 7, 8, 9, 10, 13, 0x16, 0x1f, 0x7f, b'^', b'<', b'=', b' ', b'a', b'(', 0xc3, 0xfc]), 0..600)) {
            for input in [&bytes, &framed] {
                let items: Vec<Item> = envelope::items(input, ReadOptions::new().max_message_len(97)).collect();
                for item in &items {
                    if let Item::Message(m) = item {
                        if let Ok(p) = m.article(&ParseOptions::new()) {
                            // Every span the article gives lies in its message.
                            for q in &p.article.quotations {
                                prop_assert!(m.span.start <= q.span.start && q.span.end <= m.span.end);
                            }
                            for para in &p.article.paragraphs {
                                prop_assert!(m.span.start <= para.span.start && para.span.end <= m.span.end);
                            }
                        }
                        let _ = m.render();
                    }
                }
                let read: Vec<Item> = Reader::with_options(Trickle(input, 0), ReadOptions::new().max_message_len(97)).collect::<Result<_, _>>().unwrap();
                prop_assert_eq!(read, items);
            }
        }

        #[test]
        fn messages_survive_noise_between_them(
            msgs in prop::collection::vec(prop_oneof![anpa_msg(), iptc_msg()], 1..4),
            noise in prop::collection::vec("[ -~\u{7}\u{0}\u{7f}]{0,24}", 4),
            latin in any::<bool>(),
        ) {
            let mut stream = Vec::new();
            let mut want = Vec::new();
            for (k, msg) in msgs.iter().enumerate() {
                stream.extend_from_slice(noise[k].as_bytes());
                // The same message in Latin-1 when asked (and possible).
                let msg = if latin {
                    Charset::Latin1.encode(&String::from_utf8(msg.clone()).unwrap())
                } else {
                    msg.clone()
                };
                want.push(one(&msg));
                stream.extend_from_slice(&msg);
            }
            stream.extend_from_slice(noise[3].as_bytes());
            let mut got = envelope::messages(&stream);
            prop_assert_eq!(got.len(), want.len());
            // The headline's span is the bytes it was decoded from.
            for m in &got {
                let Ok(p) = m.article(&ParseOptions::new()) else { continue };
                if let Some(h) = &p.article.headline {
                    let (text, _) = m.charset.decode(&stream[h.span.start..h.span.end]);
                    prop_assert_eq!(text.split_whitespace().collect::<Vec<_>>(), h.text.split_whitespace().collect::<Vec<_>>());
                }
            }
            for (g, w) in got.iter_mut().zip(&want) {
                g.span = w.span;
                g.body_offset = w.body_offset;
            }
            prop_assert_eq!(got, want);
        }

        #[test]
        fn every_prefix_is_read_without_loss(msgs in prop::collection::vec(prop_oneof![anpa_msg(), iptc_msg()], 1..3), cut in 0usize..2000) {
            let stream: Vec<u8> = msgs.concat();
            let cut = cut.min(stream.len());
            let got = envelope::messages(&stream[..cut]);
            // Every message begun is reported; only the last may be incomplete.
            let begun = stream[..cut].iter().filter(|&&b| b == 0x01).count();
            prop_assert_eq!(got.len(), begun);
            for m in got.iter().rev().skip(1) {
                prop_assert!(m.complete);
            }
        }

        #[test]
        fn generated_messages_round_trip(msg in prop_oneof![anpa_msg(), iptc_msg()]) {
            let m = one(&msg);
            prop_assert!(m.complete);
            prop_assert!(m.format() != Format::Unknown, "{:?}", m.header);
            let mut back = Envelope::parse(&m.render(), &ReadOptions::new());
            back.span = m.span;
            back.body_offset = m.body_offset;
            prop_assert_eq!(back, m);
        }
    }
}

/// A body in a multibyte charset (Big5 here, as detected): block spans
/// count its bytes, not the decoded text's (found by the fuzz target).
#[test]
fn multibyte_charset_block_spans_count_bytes() {
    let stream = b"\xff\x01\xb9\xbf\x02U\xfeQ";
    for m in envelope::messages(stream) {
        assert_eq!(m.charset.name(), "big5");
        for b in &m.body.blocks {
            let s = m.stream_span(b);
            assert!(m.span.start <= s.start && s.end <= m.span.end, "{s:?} outside {:?}", m.span);
        }
        let a = m.article(&ParseOptions::new()).unwrap().article;
        let h = a.headline.unwrap().span;
        assert_eq!(&stream[h.start..h.end], b"U\xfeQ");
    }
}
