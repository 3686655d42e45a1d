//! Quotations and speaker attribution: the cue, the speaker's mention, and
//! the name it resolves to, one test per attribution pattern.
//!
//! Every sentence here was invented for these tests. Regressions (cases the
//! parser once got wrong) stand apart at the end of the file.

use wirecopy::{Attribution, AttributionRule, Location, MentionKind, MentionRule, Quotation, Span};

const SEED: &str = include_str!("../examples/data/seed-tass.txt");

/// A quotation as a user checks it: text, speaker name, cue, mention kind.
#[derive(Debug, PartialEq, Eq)]
struct Q<'a> {
    text: &'a str,
    name: Option<&'a str>,
    cue: Option<&'a str>,
    kind: Option<MentionKind>,
}

fn q<'a>(text: &'a str, name: Option<&'a str>, cue: Option<&'a str>, kind: Option<MentionKind>) -> Q<'a> {
    Q { text, name, cue, kind }
}

fn view<'a>(qs: &'a [Quotation<'_>]) -> Vec<Q<'a>> {
    qs.iter()
        .map(|x| Q {
            text: &x.text,
            name: x.speaker.as_ref().and_then(|s| s.name.as_deref()),
            cue: x.cue.as_ref().map(|c| c.as_str()),
            kind: x.speaker.as_ref().map(|s| s.kind),
        })
        .collect()
}

/// Parses `src`, checks the spans of cues and mentions, and returns the quotations.
fn quotes(src: &str) -> Vec<Quotation<'_>> {
    let a = wirecopy::parse(src).unwrap_or_else(|e| panic!("{e}"));
    for x in &a.quotations {
        if let Some(c) = &x.cue {
            assert_eq!(c.span.slice(src), c.text, "cue span");
        }
        if let Some(m) = x.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            assert_eq!(m.span.slice(src), m.text, "mention span");
        }
    }
    a.quotations
}

fn mention<'a>(x: &'a Quotation<'_>) -> Option<&'a str> {
    x.speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| m.as_str())
}

/// The name a quotation's speaker resolves to.
fn name<'a>(x: &'a Quotation<'_>) -> Option<&'a str> {
    x.speaker.as_ref().and_then(|s| s.name.as_deref())
}

fn title<'a>(x: &'a Quotation<'_>) -> Option<&'a str> {
    x.speaker.as_ref().and_then(|s| s.title.as_deref())
}

/// A Reuters-style article: a headline, a dateline and `body` after it.
fn story(body: &str) -> String {
    format!("Fishing talks end with outline deal\n\nOSLO (Reuters) - {body}")
}

// ---------------------------------------------------------------------------
// The seed article.

#[test]
fn seed_quotes_are_lavrovs() {
    let qs = quotes(SEED);
    assert_eq!(qs.len(), 3, "the headline says Lavrov but quotes no words");
    let got: Vec<(Option<&str>, Option<&str>)> = view(&qs).iter().map(|x| (x.name, x.cue)).collect();
    assert_eq!(
        got,
        [
            (Some("Sergey Lavrov"), Some("said")),
            (Some("Sergey Lavrov"), Some("stressed")),
            (Some("Sergey Lavrov"), Some("added"))
        ]
    );
    for x in &qs {
        assert_eq!(x.location, Location::Body);
        assert_eq!(mention(x), Some("he"));
        assert_eq!(x.speaker.as_ref().unwrap().kind, MentionKind::Pronoun);
        assert_eq!(title(x), Some("Russian Foreign Minister"));
    }
    assert_eq!(qs.iter().map(|x| x.paragraph).collect::<Vec<_>>(), [Some(1), Some(2), Some(3)]);
    assert!(qs[2].text.starts_with("We will continue to be guided"));
}

// ---------------------------------------------------------------------------
// One test per pattern.

#[test]
fn quote_then_name_said() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     \"Nobody got everything, but everybody got something,\" Anna Berg said.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [q(
            "Nobody got everything, but everybody got something,",
            Some("Anna Berg"),
            Some("said"),
            Some(MentionKind::Name)
        )]
    );
    assert_eq!(mention(&qs[0]), Some("Anna Berg"));
}

#[test]
fn quote_then_said_name_who() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     \"The boats can sail again next week,\" said Anna Berg, who led the Norwegian delegation.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [q("The boats can sail again next week,", Some("Anna Berg"), Some("said"), Some(MentionKind::Name))]
    );
    assert_eq!(mention(&qs[0]), Some("Anna Berg"), "the relative clause is no part of the mention");
}

#[test]
fn name_said_colon_quote() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     Anna Berg said: \"We will review the numbers every spring.\"",
    );
    assert_eq!(
        view(&quotes(&src)),
        [q("We will review the numbers every spring.", Some("Anna Berg"), Some("said"), Some(MentionKind::Name))]
    );
}

#[test]
fn name_said_that_quote() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     Anna Berg said that \"the quota is fair to both fleets.\"",
    );
    assert_eq!(
        view(&quotes(&src)),
        [q("the quota is fair to both fleets.", Some("Anna Berg"), Some("said"), Some(MentionKind::Name))]
    );
}

#[test]
fn pronoun_told_reuters_resolves_to_the_full_name() {
    let src = story(
        "Foreign Minister Anna Berg said on Monday the talks had gone better than expected.\n\n\
                     \"We expect a signed text within weeks,\" she told Reuters.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [q("We expect a signed text within weeks,", Some("Anna Berg"), Some("told"), Some(MentionKind::Pronoun))]
    );
    assert_eq!(mention(&qs[0]), Some("she"));
    assert_eq!(title(&qs[0]), Some("Foreign Minister"));
}

#[test]
fn quote_dash_name() {
    for dash in ["-", "—"] {
        let src = story(&format!(
            "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
             \"Fish do not read maps\" {dash} Anna Berg"
        ));
        let qs = quotes(&src);
        assert_eq!(qs.len(), 1, "{dash}");
        let x = &view(&qs)[0];
        assert_eq!((x.text, x.name, x.kind), ("Fish do not read maps", Some("Anna Berg"), Some(MentionKind::Name)));
        assert_eq!(x.cue, None, "a dash is no reporting word");
    }
}

#[test]
fn split_quote_shares_speaker_and_cue() {
    for (open, close) in [("\"", "\""), ("“", "”")] {
        let src = story(&format!(
            "Foreign Minister Anna Berg spoke after the talks on Monday.\n\n\
             {open}Nobody got everything,{close} she said. {open}But the boats can sail again.{close}"
        ));
        let qs = quotes(&src);
        let v = view(&qs);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0], q("Nobody got everything,", Some("Anna Berg"), Some("said"), Some(MentionKind::Pronoun)));
        assert_eq!(
            (v[1].text, v[1].name, v[1].cue),
            ("But the boats can sail again.", Some("Anna Berg"), Some("said"))
        );
        assert_eq!(qs[1].cue.as_ref().unwrap().span, qs[0].cue.as_ref().unwrap().span, "the same cue");
    }
}

#[test]
fn paragraph_of_quote_alone_continues_the_previous_speaker() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     \"We are pleased with the terms,\" said Anna Berg, the Norwegian negotiator.\n\n\
                     \"The text will be signed within weeks.\"",
    );
    let qs = quotes(&src);
    let v = view(&qs);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0], q("We are pleased with the terms,", Some("Anna Berg"), Some("said"), Some(MentionKind::Name)));
    assert_eq!((v[1].text, v[1].name), ("The text will be signed within weeks.", Some("Anna Berg")));
    assert_eq!(v[1].kind, Some(MentionKind::Carried));
    assert_eq!(qs[1].paragraph, Some(2));
}

#[test]
fn according_to_name() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     According to Anna Berg, \"the quota is fair to both fleets.\"",
    );
    let qs = quotes(&src);
    let v = view(&qs);
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].text, v[0].name, v[0].kind),
        ("the quota is fair to both fleets.", Some("Anna Berg"), Some(MentionKind::Name))
    );
    assert!(v[0].cue.is_some_and(|c| c.eq_ignore_ascii_case("according")), "{:?}", v[0].cue);
}

#[test]
fn headline_quote_then_says_name() {
    let src = "\"Arctic rules need patience\", says Lavrov\n\n\
               MOSCOW, June 16. /TASS/. Russian Foreign Minister Sergey Lavrov said on Wednesday the Arctic states \
               should agree common shipping rules.";
    let qs = quotes(src);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].location, Location::Headline);
    assert_eq!(qs[0].paragraph, None);
    assert_eq!(qs[0].text, "Arctic rules need patience");
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("says"));
    assert_eq!(mention(&qs[0]), Some("Lavrov"));
    assert_eq!(qs[0].speaker.as_ref().unwrap().kind, MentionKind::Name);
}

#[test]
fn headline_name_colon_quote() {
    let src = "Lavrov: \"Arctic rules need patience\"\n\n\
               MOSCOW, June 16. /TASS/. Russian Foreign Minister Sergey Lavrov said on Wednesday the Arctic states \
               should agree common shipping rules.";
    let qs = quotes(src);
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].location, qs[0].text.as_ref()), (Location::Headline, "Arctic rules need patience"));
    assert_eq!(mention(&qs[0]), Some("Lavrov"));
    assert_eq!(qs[0].speaker.as_ref().unwrap().kind, MentionKind::Name);
}

#[test]
fn headline_without_marks_holds_no_quotation() {
    let src = "Arctic rules need patience, says Lavrov\n\n\
               MOSCOW, June 16. /TASS/. Russian Foreign Minister Sergey Lavrov said on Wednesday the Arctic states \
               should agree common shipping rules.";
    assert_eq!(quotes(src).len(), 0);
}

#[test]
fn description_resolves_to_the_person_named_before() {
    let src = story(
        "Foreign Minister Anna Berg met her Icelandic counterpart on Monday.\n\n\
                     \"We agreed on almost everything,\" the minister said.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [q("We agreed on almost everything,", Some("Anna Berg"), Some("said"), Some(MentionKind::Description))]
    );
    assert_eq!(mention(&qs[0]), Some("the minister"));
    assert_eq!(title(&qs[0]), Some("Foreign Minister"));
}

#[test]
fn title_is_split_from_the_name() {
    for body in [
        "\"Arctic rules need patience,\" Russian Foreign Minister Sergey Lavrov said.",
        "Russian Foreign Minister Sergey Lavrov said: \"Arctic rules need patience.\"",
    ] {
        let src = format!("Arctic talks\n\nMOSCOW, June 16. /TASS/. {body}");
        let qs = quotes(&src);
        assert_eq!(qs.len(), 1, "{body}");
        let x = &qs[0];
        assert_eq!(x.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Sergey Lavrov"), "{body}");
        assert_eq!(title(x), Some("Russian Foreign Minister"), "{body}");
        assert_eq!(mention(x), Some("Russian Foreign Minister Sergey Lavrov"), "{body}");
        assert_eq!(x.speaker.as_ref().unwrap().kind, MentionKind::Name, "{body}");
        assert_eq!(x.cue.as_ref().map(|c| c.as_str()), Some("said"), "{body}");
    }
}

#[test]
fn surname_resolves_to_the_full_name_introduced_before() {
    let src = "Arctic talks\n\nMOSCOW, June 16. /TASS/. Russian Foreign Minister Sergey Lavrov spoke to \
               reporters on Tuesday.\n\n\"Nobody gains from haste,\" Lavrov said.";
    let qs = quotes(src);
    assert_eq!(
        view(&qs),
        [q("Nobody gains from haste,", Some("Sergey Lavrov"), Some("said"), Some(MentionKind::Name))]
    );
    assert_eq!(mention(&qs[0]), Some("Lavrov"));
    assert_eq!(title(&qs[0]), Some("Russian Foreign Minister"));
}

#[test]
fn multi_paragraph_quote_is_attributed_after_its_last_part() {
    let src = story(
        "Norway and Iceland agreed on Monday to share the herring quota.\n\n\
                     \"We looked at the fishing grounds first. Then we turned to the shipping lanes.\n\n\
                     \"Both sides gave ground, and that is how a deal gets done,\" Anna Berg said.\n\n\
                     The deal runs for five years.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [q(
            "We looked at the fishing grounds first. Then we turned to the shipping lanes. \
             Both sides gave ground, and that is how a deal gets done,",
            Some("Anna Berg"),
            Some("said"),
            Some(MentionKind::Name)
        )]
    );
    assert_eq!(qs[0].parts.len(), 2);
    assert_eq!(qs[0].paragraph, Some(1));
    assert!(qs[0].closed);
}

#[test]
fn organisations_and_groups() {
    let src = story(
        "The plan to close the harbour was dropped on Monday.\n\n\
                     \"This is a victory for the town,\" protesters chanted outside the town hall.\n\n\
                     \"The decision is final,\" the Fisheries Ministry said in a statement.",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs),
        [
            q("This is a victory for the town,", Some("protesters"), Some("chanted"), Some(MentionKind::Group)),
            q("The decision is final,", Some("the Fisheries Ministry"), Some("said"), Some(MentionKind::Organisation)),
        ]
    );
}

#[test]
fn acronyms_expand_to_an_organisation_named_before() {
    let src = story(
        "Two trawlers were stopped overnight, according to the Northern Fisheries Board.\n\n\
         \"Both vessels were fishing inside the closed zone,\" the NFB said.\n\n\
         The patrol was ordered by US Atlantic Command, which said it acted on a tip-off.\n\n\
         \"We will keep the zone closed,\" ATLCOM wrote on X.\n\n\
         \"Nothing has changed,\" NOAA said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // No organisation named before spells NOAA: it stays as printed.
    assert_eq!(names, [Some("the Northern Fisheries Board"), Some("US Atlantic Command"), Some("NOAA")]);
    assert_eq!(qs[1].speaker.as_ref().map(|s| s.kind), Some(MentionKind::Organisation));
}

#[test]
fn a_headline_quote_echoed_in_the_story_takes_its_speaker() {
    let src = "Harbour board sees 'steady recovery' in catch\n\n\
               OSLO (Reuters) - Landings rose for a third month in March.\n\n\
               \"We are seeing a steady recovery in every port,\" board chairman Nils Aas said.";
    let qs = quotes(src);
    assert_eq!(qs[0].location, Location::Headline);
    let s = qs[0].speaker.as_ref().expect("the headline quote has the story's speaker");
    assert_eq!((s.name.as_deref(), s.kind, s.mention.as_ref()), (Some("Nils Aas"), MentionKind::Carried, None));
    assert_eq!(qs[0].cue, None, "a headline prints no cue");
    // Words the story never attributes stay unattributed.
    let src = "Harbour board sees 'steady recovery' in catch\n\n\
               OSLO (Reuters) - \"Prices fell again,\" board chairman Nils Aas said.";
    assert_eq!(quotes(src)[0].speaker, None);
}

#[test]
fn a_misspelt_surname_resolves_to_the_person_named_before() {
    let src = story(
        "Fisheries Minister Ingrid Haldorsen said the quota would stay.\n\n\
         \"The stocks need time,\" Haldorson said.\n\n\
         \"We will review it in May,\" Halvorson said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // One letter off is a misprint; two letters off is someone else.
    assert_eq!(names, [Some("Ingrid Haldorsen"), Some("Halvorson")]);
}

#[test]
fn according_to_a_report_released_on_a_day() {
    for body in [
        "The guard died of \"smoke inhalation,\" according to an inquest report released Wednesday.",
        // Scraped copy glues words: "toan".
        "The guard died of \"smoke inhalation,\" according toan inquest report.",
    ] {
        let src = story(body);
        let qs = quotes(&src);
        assert_eq!(view(&qs)[0].name, Some("an inquest report"), "{body}");
        assert_eq!(view(&qs)[0].cue, Some("according"), "{body}");
    }
}

#[test]
fn the_company_is_the_body_last_quoted_by_name() {
    let src = story(
        "Harbour Logistics has leased the north quay for ten years.\n\n\
         Norberg Freight, which ran the quay until May, said in a statement that it was \"disappointed\".\n\n\
         \"We will appeal the award,\" the company said.\n\n\
         \"The tender was unfair,\" the Oslo-based firm said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Norberg Freight"), Some("Norberg Freight"), Some("Norberg Freight")]);
}

#[test]
fn the_person_opening_a_clause_of_appositives_speaks() {
    let src = story(
        "Anna Berg, director of sales at the Northern Ferry Union, the main operator of the route, \
         said the line would \"pay for itself\".",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("Anna Berg"));
}

#[test]
fn an_adverb_in_ly_stands_between_subject_and_cue() {
    let src = story(
        "Fisheries Minister Ingrid Haldorsen said the quota would stay.\n\n\
         The harbour board angrily rejected the plan as \"a death sentence for the town\".",
    );
    let qs = quotes(&src);
    assert_eq!((view(&qs)[0].name, view(&qs)[0].cue), (Some("The harbour board"), Some("rejected")));
}

#[test]
fn two_people_named_together_are_who_they_means() {
    let src = story(
        "Lawyers for the family said the ruling would be appealed. They remain angry, attorneys \
         Ben Crump and Lonita Baker said in a statement.\n\n\"She deserved more,\" they said.",
    );
    let qs = quotes(&src);
    // The last of the two people named stands for both.
    assert_eq!(view(&qs)[0].name, Some("Lonita Baker"));
}

#[test]
fn a_name_inside_an_appositive_clause_is_not_the_speaker() {
    let src = story(
        "Petra Lund, a former harbour pilot who served under Governor Erik Dahl, said the reward was \
         \"meant to make people talk\".\n\n\
         Her husband, deputy Olav Lund, said the town was \"holding its breath\".",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // The name opening the appositive speaks; one after "under" does not.
    assert_eq!(names, [Some("Petra Lund"), Some("Olav Lund")]);
}

#[test]
fn a_name_in_apposition_after_an_inverted_cue_speaks() {
    let src = story(
        "Governor Erik Dahl opened the new quay on Monday.\n\n\
         \"We were waiting for this for years,\" said the harbour's chief pilot, Marta Solberg.",
    );
    let qs = quotes(&src);
    assert_eq!((view(&qs)[0].name, mention(&qs[0])), (Some("Marta Solberg"), Some("Marta Solberg")));
}

#[test]
fn a_person_described_after_a_preposition_does_not_take_the_focus() {
    let src = story(
        "Harbour master Tove Aasen said the ferry would run again in May.\n\n\
         She said she had spoken to Ivan Petrov, who owns the shipyard.\n\n\
         \"The repairs are nearly done,\" she said.\n\n\
         She thanked the yard's owner, Olaf Brun, who lent the crane.\n\n\
         \"We could not have done it alone,\" she said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // Named in apposition, or after a preposition: met, not turned to.
    assert_eq!(names, [Some("Tove Aasen"), Some("Tove Aasen")]);
}

#[test]
fn a_name_glued_to_its_neighbours_in_scraped_copy_resolves() {
    let src = "Leader visits the steel works\n\n\
               PYONGYANG, March 4 (KCNA) -- Premier Pak Sol Jin visited the Sunrise steel works.\n\n\
               WhenPak Sol Jinarrived, the workers cheered \"Hurrah!\"\n\n\
               Premier Pak Sol Jinpraised the workers as \"heroes of the furnace\".";
    let qs = quotes(src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Pak Sol Jin"), Some("Pak Sol Jin")]);
    // A surname glued to the word after it: "Bergrecently" after "Anna Berg".
    let src = story(
        "Commissioner Anna Berg visited the harbour on Monday.\n\n\"We will reopen,\" Bergrecently toldthe local paper.",
    );
    assert_eq!(fired(&src, "We will reopen").1.as_deref(), Some("Anna Berg"));
    // A longer name that opens with a known surname is someone else.
    let src = story("Commissioner Anna Berg visited the harbour.\n\n\"We will reopen,\" Bergman said.");
    assert_eq!(fired(&src, "We will reopen").1.as_deref(), Some("Bergman"));
}

#[test]
fn an_acronym_in_parentheses_stands_for_the_name_before_it() {
    let src = story(
        "The Nordic Bank of Fisheries Credit (NBFC) cut its lending rate on Monday.\n\n\
         \"Credit to small boats must grow,\" the NBFC said.\n\n\
         The Coastal Union of Harbour, Dock and Ferry Workers (CUHDFW) said \"the cut comes late\".\n\n\
         Marine Safety and Licensing Inspection said the boats were sound.\n\n\
         \"No fault was found,\" MSLI said.\n\n\
         A report by the Arctic Shipping Register (ASR) showed \"steady traffic\", Olav Strand said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(
        names,
        [
            Some("Nordic Bank of Fisheries Credit"),
            Some("Coastal Union of Harbour, Dock and Ferry Workers"),
            // The initials of a body's name met before, no parentheses.
            Some("Marine Safety and Licensing Inspection"),
            // Governed by "by", the acronym is no subject.
            Some("Olav Strand"),
        ]
    );
    assert_eq!(qs[0].speaker.as_ref().map(|s| s.kind), Some(MentionKind::Organisation));
}

#[test]
fn the_organisation_named_by_its_acronym_is_its_full_name() {
    let src = story(
        "Ola Dahl is the head of the Nordic Ferry Owners Association (NFOA).\n\n\
         In a statement, NFOA noted that its members faced \"ruinous costs\".\n\n\
         \"We see no end to it,\" said the organization.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Nordic Ferry Owners Association"), Some("Nordic Ferry Owners Association")]);
}

#[test]
fn a_paper_speaks_for_the_body_that_issued_it() {
    let src = story(
        "Harbour master Per Lund resigned on Monday.\n\n\
         \"He served the port well,\" a statement from his office said.\n\n\
         A statement from the Fisheries Ministry said: \"The quota stands.\"\n\n\
         The Coastal Authority said on Tuesday that the quay would reopen.\n\n\
         \"Repairs are complete,\" a statement said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("his office"), Some("the Fisheries Ministry"), Some("The Coastal Authority")]);
    assert_eq!(qs[0].attribution.and_then(|a| a.mention_rule), Some(MentionRule::Issuer));
    // The body in focus issued "a statement", most likely: no more than that.
    assert!(qs[2].attribution.is_some_and(|a| a.confidence < wirecopy::Confidence::High));
}

#[test]
fn a_person_named_before_a_role_in_a_body_speaks_not_the_body() {
    let src = story(
        "Ola Berg, president of Nordic Relief, told a news conference that without more aid \"the winter \
         will be hard.\"",
    );
    let qs = quotes(&src);
    assert_eq!(qs.len(), 1);
    assert_eq!(name(&qs[0]), Some("Ola Berg"));
}

#[test]
fn a_person_after_a_body_and_its_acronym_speaks() {
    let src = story(
        "\"The catch must be shared fairly,\" said Nordic Fisheries Council (NFC) quota commissioner Ingrid \
         Dahl.\n\n\
         The state news agency quoted the council's spokeswoman Eva Lie as calling the deal \"a fair start.\"",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Ingrid Dahl"), Some("Eva Lie")]);
    assert_eq!(qs[1].cue.as_ref().map(|c| c.as_str()), Some("calling"));
}

#[test]
fn a_titled_person_after_a_body_of_something_speaks() {
    let src = story("\"The ferry is safe,\" Department of Harbour Safety Director Anna Berg wrote on Monday.");
    let qs = quotes(&src);
    assert_eq!(qs.len(), 1);
    assert_eq!(name(&qs[0]), Some("Anna Berg"));
}

#[test]
fn a_body_called_by_a_name_is_that_name() {
    let src = story(
        "One leaflet from a group called Friends of the Fjord showed the old quay and warned that the new one \
         \"will ruin the bay.\"\n\n\
         Fishermen called the plan \"a disaster\".",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Friends of the Fjord"));
    assert_eq!(name(&qs[1]), Some("Fishermen"));
}

#[test]
fn a_body_described_in_the_lead_is_the_one_named_next() {
    let src = story(
        "A respected maritime think-tank warned on Monday that the fjord faces \"a slow death\".\n\n\
         The study by the Nordic Sea Institute found that cod stocks had halved in ten years.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("the Nordic Sea Institute"));
    assert_eq!(mention(&qs[0]), Some("A respected maritime think-tank"));
    // Named after, by a guess: never `high`.
    assert!(qs[0].attribution.is_some_and(|a| a.confidence < wirecopy::Confidence::High));
    // Named in the possessive, not one named before.
    let src = story(
        "The Nordic Sea Institute warned on Monday, weeks after a government panel called the stocks \
         \"close to collapse\".\n\n\
         The institute endorsed the Fjord Review Commission's findings.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("the Fjord Review Commission"));
}

#[test]
fn an_unnamed_spokesman_speaks_for_the_body_that_just_spoke() {
    let src = story(
        "The Coastal Authority said on Tuesday that the quay would reopen.\n\n\
         \"Repairs are complete,\" a spokeswoman said.\n\n\
         The Harbour Board said on Wednesday that fees would rise.\n\n\
         \"Costs have doubled,\" said a spokesman.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("The Coastal Authority"));
    assert_eq!(name(&qs[1]), Some("The Harbour Board"));
    assert!(qs.iter().all(|q| q.attribution.is_some_and(|a| a.confidence < wirecopy::Confidence::High)));
}

#[test]
fn the_report_again_is_the_body_that_issued_it() {
    let src = story(
        "The Harbour Audit Office said on Monday that the port had overspent.\n\n\
         According to the report, costs were \"out of control\".\n\n\
         Chief auditor Ann Berg said: \"We found waste everywhere.\"\n\n\
         Fees should be reviewed \"every year\", the report said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("The Harbour Audit Office"), Some("Ann Berg"), Some("The Harbour Audit Office")]);
}

#[test]
fn a_statement_on_a_website_is_its_owners() {
    let src = story(
        "Norwegian skier Anna Lund withdrew from the race on Monday.\n\n\
         \"Anna needs rest,\" a statement on her website said.\n\n\
         Tromsdalen was fined on Tuesday.\n\n\
         A statement on Tromsdalen's website said: \"We accept the fine.\"",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // Her website's statement may be her management's: the paper as described.
    assert_eq!(names, [Some("a statement"), Some("Tromsdalen")]);
}

#[test]
fn a_paper_penned_by_someone_is_theirs() {
    let src = story(
        "\"The fleet is too large for the fjord,\" said the paper, penned by senior researcher Kari Holm.\n\n\
         Minister Per Olsen said he would \"read it closely\".\n\n\
         \"Quotas alone will not save the cod,\" the paper added.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Kari Holm"), Some("Per Olsen"), Some("Kari Holm")]);
    assert_eq!(qs[0].attribution.and_then(|a| a.mention_rule), Some(MentionRule::Issuer));
    // "his paper": the person in focus wrote it.
    let src = story("Economist Nils Berg has studied the fleet.\n\nHis paper argues the quotas are \"far too high\".");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Nils Berg"));
}

#[test]
fn notices_and_posters_speak_for_themselves() {
    let src = story(
        "Mayor Ruth Olsen opened the fish market on Monday.\n\n\
         By the door, the poster says \"fresh cod every morning\".\n\n\
         \"Closed on Sundays,\" the notice read.",
    );
    let qs = quotes(&src);
    let got: Vec<(Option<&str>, Option<&str>)> = view(&qs).iter().map(|x| (x.name, x.cue)).collect();
    assert_eq!(got, [(Some("the poster"), Some("says")), (Some("the notice"), Some("read"))]);
}

#[test]
fn an_agency_label_is_no_person() {
    let src = "AP Exclusive: Ferry owner says town misled him\n\n\
               BERGEN, Norway (AP) _ Stuck in a court fight with the town, Lars Nygaard \
               spent his savings on lawyers.\n\n\
               A stubborn man, he wrote to the mayor: \"I will not sell.\"";
    let qs = quotes(src);
    // Named after an opening phrase, Nygaard is the one "he" means.
    assert_eq!(view(&qs)[0].name, Some("Lars Nygaard"));
}

#[test]
fn she_passes_over_a_man_in_focus() {
    let src = story(
        "Harbour master Anna Berg said the port would reopen on Monday. \
         Mayor Tom Hale said the town council agreed.\n\n\
         \"We are ready,\" she said.\n\n\"So is the town,\" he said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Anna Berg"), Some("Tom Hale")]);
}

#[test]
fn a_known_surname_after_an_opening_phrase_takes_the_focus() {
    let src = story(
        "\"We are fine,\" dancer Sara Lind said.\n\n\
         \"Hearing is hard,\" said Dr. Maura Kett.\n\n\
         During the pandemic, Lind could not hear people.\n\n\
         \"I read their lips,\" she said.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[2].name, Some("Sara Lind"));
}

#[test]
fn a_particle_joined_to_a_surname_stays_in_the_name() {
    let src = story(
        "President Rami al-Haddad said states that armed the rebels would pay a \"high price\".\n\n\
         \"We will rebuild,\" Haddad said.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Rami al-Haddad"), Some("Rami al-Haddad")]);
}

#[test]
fn inverted_cues_before_a_described_name() {
    let src = story(
        "Taxi fares rose again on Monday.\n\n\
         \"Gas is cheap,\" said the head of the city taxi service, Aram Petrosyan.\n\n\
         \"Fares must fall,\" said law student Nina Berg.\n\n\
         \"We walk now,\" said 22-year-old nurse Lena Holt.\n\n\
         \"He must go to work,\" said his daughter, Rosa, who drives a taxi.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Aram Petrosyan"), Some("Nina Berg"), Some("Lena Holt"), Some("Rosa")]);
}

#[test]
fn a_quotation_closing_its_sentence_belongs_to_the_cue_before_it() {
    let src = story(
        "General Arne Vik said the drills would build \"a joint plan to fight smuggling.\" \
         General Per Moe said the drills would help.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("Arne Vik"));
}

#[test]
fn fragments_share_the_attribution_after_the_last() {
    let src = story(
        "Jails here meet neither \"the basic rules,\" nor \"the national code,\" lawyer Ana Ruiz told reporters.",
    );
    let qs = quotes(&src);
    let got: Vec<(Option<&str>, Option<&str>)> = view(&qs).iter().map(|x| (x.name, x.cue)).collect();
    assert_eq!(got, [(Some("Ana Ruiz"), Some("told")), (Some("Ana Ruiz"), Some("told"))]);
}

#[test]
fn people_in_number_speak() {
    let src = story(
        "With the mayor sitting in the front row of Bergen's Grieg Hall, a group of retired \
         fishermen called for the return of \"our harbour\" to the town.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("a group of retired fishermen"));
}

#[test]
fn the_agent_of_a_passive_speaks() {
    let src = story(
        "Police said they had arrested Karl Moe, described by prosecutors as a \"career smuggler\".\n\n\
         Lawyer Eva Dahl warned that the fleet was seen by the town as \"a burden\".",
    );
    let qs = quotes(&src);
    let got: Vec<(Option<&str>, Option<&str>)> = view(&qs).iter().map(|x| (x.name, x.cue)).collect();
    // Inside reported speech with no comma, the reporting verb governs.
    assert_eq!(got, [(Some("prosecutors"), Some("described")), (Some("Eva Dahl"), Some("warned"))]);
}

#[test]
fn the_person_opening_the_sentence_is_the_pronoun_after_its_quotation() {
    let src = story(
        "Officials want iodine in bread, said Vijaya Rao, a researcher.\n\n\
         Late last year, Health Secretary Tom Berg criticized the plan ina post on X: \
         \"This is madness,\" he wrote.\n\n\
         Ana Lund, an economist, put it this way in an article for the Harbour Institute: \
         \"The plan costs more than it saves.\"",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // Where it was said ("on X", "for the Harbour Institute") is not who said it.
    assert_eq!(names, [Some("Tom Berg"), Some("Ana Lund")]);
}

#[test]
fn the_verb_of_the_sentence_subject_governs_a_far_quotation() {
    let src = story(
        "Prosecutor Ann Vik said the trial would start in May.\n\n\
         The indictment alleges Berg let his son use the boat after receiving \"clear warnings\" from the coast guard.",
    );
    let qs = quotes(&src);
    let got: Vec<(Option<&str>, Option<&str>)> = view(&qs).iter().map(|x| (x.name, x.cue)).collect();
    assert_eq!(got, [(Some("The indictment"), Some("alleges"))]);
}

#[test]
fn the_one_quoted_as_saying_speaks() {
    let src = story(
        "The daily Nordlys quoted harbour chief Erik Strand as saying the ferry had \"never been safer\".\n\n\
         \"We are proud of the crew,\" he was quoted by the paper as saying.",
    );
    let qs = quotes(&src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Erik Strand"), Some("Erik Strand")]);
}

#[test]
fn the_person_opening_the_sentence_is_the_pronoun_before_its_quotation() {
    let src = "Bold Berg starts new term\n\n\
               OSLO (Reuters) - Ola Berg was sworn in on Wednesday after a vote which he said proved \
               he had won a \"fair fight\".\n\n\
               A patient man, he said: \"We will go on.\"";
    let qs = quotes(src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    // The headline's "Bold Berg" is not who "he" is.
    assert_eq!(names, [Some("Ola Berg"), Some("Ola Berg")]);
}

#[test]
fn a_sentence_opening_with_and_has_its_subject_after_it() {
    let src = story(
        "Actress Lena Moe thanked her family.\n\n\
         And Jon Dahl, who had two nominations this year, paid tribute to the \"quiet genius\" of his director.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("Jon Dahl"));
}

#[test]
fn a_known_person_opening_a_clause_takes_the_focus() {
    let src = story(
        "\"I could not hear the music,\" dancer Sara Lind said.\n\n\
         \"Most of our patients wait years,\" audiologist Marta Kowal said.\n\n\
         When Lind walked out of the clinic, she cried.\n\n\
         \"Now I hear everything,\" she said.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[2].name, Some("Sara Lind"));
}

#[test]
fn the_one_a_relative_clause_tells_of_speaks() {
    let src = story("Voters who backed the harbour plan told reporters it was \"a fair deal\".");
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("Voters"));
}

#[test]
fn the_object_of_a_preposition_is_no_subject() {
    let src = story(
        "Mayor Ruth Olsen opened the market on Monday.\n\n\
         The Harbour Union had said on the eve of the vote said that \"deep\" cuts were coming.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs)[0].name, Some("The Harbour Union"));
}

/// A fixture's name, its text, and each quotation's speaker name and cue.
type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

#[test]
fn quotations_in_the_style_fixtures() {
    let cases: [Case; 5] = [
        (
            "ap_anpa",
            include_str!("fixtures/ap_anpa/lighthouse.txt"),
            &[("Joaquim Reis", "said"), ("Helena Costa", "said"), ("Helena Costa", "said")],
        ),
        ("dpa", include_str!("fixtures/dpa/greens.txt"), &[("Jonas Weber", "told"), ("Jonas Weber", "told")]),
        ("xinhua", include_str!("fixtures/xinhua/aquaint.txt"), &[("Nathan Moyo", "said")]),
        ("reuters1987", include_str!("fixtures/reuters1987/timber.txt"), &[("Walter Brandt", "said")]),
        ("nyt", include_str!("fixtures/nyt/washington.txt"), &[("Martha Greene", "said")]),
    ];
    for (name, src, want) in cases {
        let qs = quotes(src);
        let got: Vec<(&str, &str)> = view(&qs).iter().map(|x| (x.name.unwrap_or("-"), x.cue.unwrap_or("-"))).collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn cue_and_mention_spans_point_into_the_seed() {
    let qs = quotes(SEED);
    let cue: Span = qs[1].cue.as_ref().unwrap().span;
    assert_eq!(cue.slice(SEED), "stressed");
    let m = qs[1].speaker.as_ref().unwrap().mention.as_ref().unwrap().span;
    assert_eq!(m.slice(SEED), "he");
    assert!(qs[1].span.end <= m.start && m.end <= cue.start, "the mention stands between the quote and its cue");
}

// ---------------------------------------------------------------------------
// One test per rule: the rule that fired, its evidence, and the speaker.

/// The attribution of the quotation of `src` whose text opens with `quote`,
/// its evidence checked against the cue and the mention; and its speaker.
fn fired(src: &str, quote: &str) -> (AttributionRule, Option<String>, Attribution) {
    let qs = quotes(src);
    let x = qs.iter().find(|x| x.text.starts_with(quote)).unwrap_or_else(|| panic!("no quotation {quote:?}"));
    let why = x.attribution.unwrap_or_else(|| panic!("{quote:?} is not attributed"));
    assert_eq!(why.cue, x.cue.as_ref().map(|c| c.span), "the evidence's cue is the cue");
    assert_eq!(why.mention, x.speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| m.span), "the mention");
    (why.rule, name(x).map(str::to_owned), why)
}

/// One test per rule, named for it: `test: Rule, body of a story, the
/// quotation's opening words, the speaker's name`; and a test that every
/// rule has one (here or, named after `also`, apart).
macro_rules! rule_tests {
    (also: $($apart:ident),*; $($test:ident: $rule:ident, $body:expr, $quote:expr, $name:expr;)*) => {
        $(
            #[test]
            fn $test() {
                let src = story($body);
                let (rule, name, _) = fired(&src, $quote);
                assert_eq!(rule, AttributionRule::$rule, "the rule that fired");
                assert_eq!(name.as_deref(), $name, "the speaker");
            }
        )*

        #[test]
        fn every_rule_has_a_test() {
            let tested = [$(AttributionRule::$rule,)* $(AttributionRule::$apart),*];
            for rule in AttributionRule::ALL {
                assert!(tested.contains(rule), "no test for {rule}");
            }
        }
    };
}

rule_tests! {
    also: HeadlineEcho;
    rule_speaker_after_dash: SpeakerAfterDash,
        "The talks ended on Monday.\n\n\"Fish do not read maps\" - Anna Berg",
        "Fish do not", Some("Anna Berg");
    rule_according_to_after_quote: AccordingToAfterQuote,
        "The talks ended on Monday.\n\n\"The quota is fair to both fleets,\" according to Anna Berg.",
        "The quota", Some("Anna Berg");
    rule_inverted_cue_after_quote: InvertedCueAfterQuote,
        "The talks ended on Monday.\n\n\"The boats can sail again next week,\" said Anna Berg.",
        "The boats", Some("Anna Berg");
    rule_cue_after_quote: CueAfterQuote,
        "The talks ended on Monday.\n\n\"Nobody got everything,\" Anna Berg, the chief negotiator, said.",
        "Nobody", Some("Anna Berg");
    rule_quoted_as_saying_after_quote: QuotedAsSayingAfterQuote,
        "The talks ended on Monday.\n\n\"The boats will sail,\" the Fiskeribladet newspaper quoted Per Olsen as saying.",
        "The boats", Some("Per Olsen");
    rule_shared_with_next_quote: SharedWithNextQuote,
        "The deal sets \"the minimum rules,\" much less \"the national standards,\" Anna Berg told NRK.",
        "the minimum", Some("Anna Berg");
    rule_passive_agent: PassiveAgent,
        "Norway fined the trawler, described by Iceland as a \"repeat offender\".",
        "repeat", Some("Iceland");
    rule_passive_agent_after_quote: PassiveAgentAfterQuote,
        "The talks ended on Monday.\n\nThe skipper was called \"a pirate\" by the judge.",
        "a pirate", Some("the judge");
    rule_quoted_as_saying: QuotedAsSaying,
        "The Dagbladet newspaper quoted Per Olsen as saying \"the fleet is ready\".",
        "the fleet", Some("Per Olsen");
    rule_according_to: AccordingTo,
        "The talks ended on Monday.\n\nAccording to Anna Berg, \"the quota is fair\".",
        "the quota", Some("Anna Berg");
    rule_paper_issuer: PaperIssuer,
        "The talks ended on Monday.\n\nThe Fishermen's Union released a statement saying \"the deal is fair\".",
        "the deal", Some("The Fishermen's Union");
    rule_cue_before_quote: CueBeforeQuote,
        "The talks ended on Monday.\n\nAnna Berg said: \"We will review the numbers every spring.\"",
        "We will", Some("Anna Berg");
    rule_inverted_cue_before_quote: InvertedCueBeforeQuote,
        "The talks ended on Monday.\n\nSaid Anna Berg: \"We will review the numbers every spring.\"",
        "We will", Some("Anna Berg");
    rule_name_before_colon: NameBeforeColon,
        "The talks ended on Monday.\n\nAnna Berg: \"We will review the numbers every spring.\"",
        "We will", Some("Anna Berg");
    rule_cue_before_place_colon: CueBeforePlaceColon,
        "The talks ended on Monday.\n\nOn Tuesday, Anna Berg criticized the deal in a post on Facebook: \"It is a bad deal.\"",
        "It is", Some("Anna Berg");
    rule_according_to_later: AccordingToLater,
        "The talks ended on Monday.\n\n\"Fair\" is the word for both fleets, according to Anna Berg.",
        "Fair", Some("Anna Berg");
    rule_cue_later_in_sentence: CueLaterInSentence,
        "The talks ended on Monday.\n\n\"Pecking\" at the fleet must stop, Anna Berg said.",
        "Pecking", Some("Anna Berg");
    rule_sentence_subject: SentenceSubject,
        "The talks ended on Monday.\n\nClara Voss met voters who feel \"left behind\".",
        "left behind", Some("Clara Voss");
    rule_cue_without_subject: CueWithoutSubject,
        "Anna Berg opened the talks on Monday.\n\nShe thanked the crews and described the deal as \"a fair compromise\".",
        "a fair", Some("Anna Berg");
    rule_cue_before_over_according_to: CueBeforeOverAccordingTo,
        "The talks ended on Monday.\n\nThe judge noted the skipper was \"the main offender\", according to the court order.",
        "the main", Some("The judge");
    rule_colon_ending_previous_paragraph: ColonEndingPreviousParagraph,
        "The talks ended on Monday. Chief negotiator Anna Berg said:\n\n\"The boats will sail on Monday.\"",
        "The boats", Some("Anna Berg");
    rule_carried_from_previous_quote: CarriedFromPreviousQuote,
        "Anna Berg opened the talks on Monday.\n\n\"Nobody got everything,\" she said. \"But the boats can sail again.\"",
        "But the boats", Some("Anna Berg");
    rule_carried_past_own_subject: CarriedPastOwnSubject,
        "Anna Berg opened the talks on Monday.\n\n\"Nobody got everything,\" she said. The fleet could \
         still \"sail again within weeks, once the nets are mended\".",
        "sail again", Some("Anna Berg");
    rule_carried_into_running_quote: CarriedIntoRunningQuote,
        "The talks ended on Monday.\n\n\"We agree,\" Anna Berg said. \"The boats will sail on Monday.\n\n\
         \"And the fleet will grow next year.\"",
        "The boats", Some("Anna Berg");
    rule_carried_from_previous_paragraph: CarriedFromPreviousParagraph,
        "The talks ended on Monday.\n\n\"We agree,\" Anna Berg said.\n\n\"The boats will sail on Monday.\"",
        "The boats", Some("Anna Berg");
    rule_indirect_speech_in_focus: IndirectSpeechInFocus,
        "Anna Berg said on Monday the talks had gone better than expected.\n\n\
         \"We expect a signed text within weeks.\"",
        "We expect", Some("Anna Berg");
    rule_speaker_in_focus: SpeakerInFocus,
        "Anna Berg opened the talks on Monday.\n\n\"We expect a signed text within weeks.\"",
        "We expect", Some("Anna Berg");
}

/// One test per mention rule: `test: Rule, body of a story, the quotation's
/// opening words, the speaker's mention`; and a test that every rule has one.
macro_rules! mention_rule_tests {
    ($($test:ident: $rule:ident, $body:expr, $quote:expr, $mention:expr;)*) => {
        $(
            #[test]
            fn $test() {
                let src = story($body);
                let (_, _, why) = fired(&src, $quote);
                assert_eq!(why.mention_rule, Some(MentionRule::$rule), "how the mention was found");
                assert_eq!(why.mention.map(|m| m.slice(&src)), Some($mention), "the mention");
            }
        )*

        #[test]
        fn every_mention_rule_has_a_test() {
            let tested = [$(MentionRule::$rule),*];
            for rule in MentionRule::ALL {
                assert!(tested.contains(rule), "no test for {rule}");
            }
        }
    };
}

mention_rule_tests! {
    mention_direct: Direct,
        "The talks ended on Monday.\n\n\"We agree,\" Anna Berg said.",
        "We agree", "Anna Berg";
    mention_appositive: Appositive,
        "The talks ended on Monday.\n\n\"We agree,\" the union's chairman, Arthur Bell, said.",
        "We agree", "Arthur Bell";
    mention_before_appositive: BeforeAppositive,
        "The talks ended on Monday.\n\nSandvik, a former skipper who served under President Olsen, said \"the quota is fair\".",
        "the quota", "Sandvik";
    mention_clause_head: ClauseHead,
        "The talks ended on Monday.\n\nAnna Berg, director of sales at the Union, the main operator of the route, \
         said \"the quota is fair\".",
        "the quota", "Anna Berg";
    mention_subject_over_preposition: SubjectOverPreposition,
        "The talks ended on Monday.\n\nCampaigners pushing to keep boats in the harbour said \"the quota is unfair\".",
        "the quota", "Campaigners";
    mention_relative_antecedent: RelativeAntecedent,
        "The talks ended on Monday.\n\nFishermen who have seen the documents told Reuters \"the quota is unfair\".",
        "the quota", "Fishermen";
    mention_document: Document,
        "Norway has cut a \"shortfall of herring\" that prevailed after the Oslo talks, a report said.",
        "shortfall", "a report";
    mention_quantity: Quantity,
        "The talks ended on Monday.\n\nA string of former fishermen called the deal \"a disgrace\".",
        "a disgrace", "A string of former fishermen";
    mention_named_before: NamedBefore,
        "The talks ended on Monday.\n\nJean-Paul De Vries of the Fisheries Institute said \"the quota is fair\".",
        "the quota", "Jean-Paul De Vries";
    mention_name_in_apposition: NameInApposition,
        "The talks ended on Monday.\n\n\"We agree,\" said the union's chairman, Ola Sand.",
        "We agree", "Ola Sand";
    mention_issuer: Issuer,
        "The talks ended on Monday.\n\nAccording to a statement by the Fisheries Ministry, \"the quota is fair\".",
        "the quota", "the Fisheries Ministry";
    mention_described: Described,
        "The talks ended on Monday.\n\n\"We agree,\" said Norwegian fisheries ministry spokeswoman Kari Lie.",
        "We agree", "Kari Lie";
    mention_owned: Owned,
        "The talks ended on Monday.\n\n\"We will appeal,\" Ann Smith's filing stated.",
        "We will", "Ann Smith's filing";
}

#[test]
fn rule_headline_echo() {
    let src = "Norway, Iceland strike 'fair' quota deal\n\nOSLO (Reuters) - The talks ended on Monday.\n\n\
               The quota is \"fair\" to both fleets, Anna Berg said.";
    let (rule, name, why) = fired(src, "fair");
    assert_eq!((rule, name.as_deref()), (AttributionRule::HeadlineEcho, Some("Anna Berg")));
    assert_eq!(why.antecedent.map(|a| a.slice(src)), Some("Anna Berg"), "the mention in the story");
}

#[test]
fn evidence_names_the_antecedent_a_pronoun_resolved_to() {
    let src = story(
        "Foreign Minister Anna Berg said on Monday the talks had gone well.\n\n\
         \"We expect a signed text within weeks,\" she told Reuters.",
    );
    let (rule, _, why) = fired(&src, "We expect");
    assert_eq!(rule, AttributionRule::CueAfterQuote);
    assert_eq!(why.cue.map(|s| s.slice(&src)), Some("told"));
    assert_eq!(why.mention.map(|s| s.slice(&src)), Some("she"));
    assert_eq!(why.antecedent.map(|s| s.slice(&src)), Some("Anna Berg"));
    // A name met first in the mention has none.
    let src = story("The talks ended on Monday.\n\n\"We agree,\" Anna Berg said.");
    assert_eq!(fired(&src, "We agree").2.antecedent, None);
}

#[test]
fn rule_names_are_stable_snake_case() {
    assert_eq!(AttributionRule::CueAfterQuote.to_string(), "cue_after_quote");
    assert_eq!(AttributionRule::AccordingTo.name(), "according_to");
    for rule in AttributionRule::ALL {
        let name = rule.to_string();
        assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
        assert_eq!(AttributionRule::ALL.iter().filter(|r| r.name() == name).count(), 1, "{name} is unique");
    }
}

// ---------------------------------------------------------------------------
// Speech or not: only someone's words get a speaker.

/// Whether the quotation of `qs` opening with `quote` is speech, and its speaker.
fn speech<'a>(qs: &'a [Quotation<'_>], quote: &str) -> (bool, Option<&'a str>) {
    let x = qs.iter().find(|x| x.text.starts_with(quote)).unwrap_or_else(|| panic!("no quotation {quote:?}"));
    if !x.speech {
        assert!(x.cue.is_none() && x.attribution.is_none(), "no cue nor attribution");
    }
    (x.speech, name(x))
}

#[test]
fn a_term_after_a_naming_word_is_no_speech() {
    let src = story(
        "Anna Berg opened the talks on Monday.\n\n\
         Norway will fine the so-called \"ghost trawlers\" that fish without a licence, Berg said. \
         Under the slogan \"Fair Seas,\" fishermen marched, in patrols code named \"Operation Herring.\" \
         The fleet is known as the \"Silver Armada\".",
    );
    let qs = quotes(&src);
    for quote in ["ghost", "Fair Seas", "Operation", "Silver"] {
        assert_eq!(speech(&qs, quote), (false, None), "{quote}");
    }
}

#[test]
fn a_title_in_prose_is_no_speech() {
    let src = story(
        "Anna Berg spoke on the NRK program \"Morning With the Fleet\" on Monday. \
         \"We agree,\" she said, quoting the anthem \"Sons of the Northern Sea,\" which the crews sang.",
    );
    let qs = quotes(&src);
    assert_eq!(speech(&qs, "Morning"), (false, None));
    assert_eq!(speech(&qs, "Sons"), (false, None));
    assert_eq!(speech(&qs, "We agree"), (true, Some("Anna Berg")));
}

#[test]
fn a_nickname_inside_a_name_is_no_speech() {
    let src = story("Fisheries minister Anna \"Herring\" Berg opened the talks.\n\n\"We agree,\" Per Olsen said.");
    let qs = quotes(&src);
    assert_eq!(speech(&qs, "Herring"), (false, None));
    assert_eq!(speech(&qs, "We agree"), (true, Some("Per Olsen")));
}

#[test]
fn partial_quotes_and_capitalised_words_after_a_cue_are_speech() {
    let src = story(
        "The talks ended on Monday.\n\n\
         Anna Berg called the deal \"a fair compromise\" for both fleets.\n\n\
         Protesters carried a banner saying, \"Fair Quotas For All.\"\n\n\
         \"Nobody Got Everything,\" Per Olsen said.",
    );
    let qs = quotes(&src);
    assert_eq!(speech(&qs, "a fair"), (true, Some("Anna Berg")));
    assert!(speech(&qs, "Fair Quotas").0, "the words of its cue");
    assert_eq!(speech(&qs, "Nobody"), (true, Some("Per Olsen")), "a sentence of its own");
}

#[test]
fn a_headline_echoing_a_term_gets_no_speaker() {
    let src = "Norway to tax 'ghost trawlers'\n\nOSLO (Reuters) - The talks ended on Monday.\n\n\
               Norway will tax the so-called \"ghost trawlers\", Anna Berg said.";
    let qs = quotes(src);
    assert_eq!(qs[0].location, Location::Headline);
    assert_eq!(name(&qs[0]), None, "the story's words are a term, no one's");
    assert!(qs[0].speech, "the headline's own words say nothing of it");
    assert!(!qs[1].speech);
}

#[test]
fn a_term_the_story_writes_without_marks_is_no_speech() {
    // (Without the rule the term took the speaker of the paragraph before,
    // and the headline took it from the term.)
    let src = "A 'rescue pot' keeps island ferries afloat\n\nWELLINGTON (Reuters) - \
               \"We thought they would trim the money a little,\" ferry operator Aroha Tane told Reuters.\n\n\
               The Harbour Trust then set up a \"rescue pot\" to keep small ferry lines running.\n\n\
               The rescue pot has paid out $2 million so far. Tane said the rescue pot would not last the winter.";
    let qs = quotes(src);
    assert_eq!(qs[0].location, Location::Headline);
    assert_eq!((qs[0].speech, name(&qs[0])), (false, None), "the headline's term is no one's words");
    assert_eq!(speech(&qs, "rescue"), (false, None), "nor the story's");
    assert_eq!(speech(&qs, "We thought"), (true, Some("Aroha Tane")));
}

#[test]
fn words_written_again_once_or_a_single_word_stay_speech() {
    let src = story(
        "Anna Berg called the deal \"a fair compromise\" and the cuts \"painful\" on Monday.\n\n\
         Not every skipper thinks it a fair compromise. The cuts are painful, and painful for years.",
    );
    let qs = quotes(&src);
    assert_eq!(speech(&qs, "a fair"), (true, Some("Anna Berg")), "written bare once only");
    assert_eq!(speech(&qs, "painful"), (true, Some("Anna Berg")), "one word repeats in prose");
}

// ---------------------------------------------------------------------------
// Regressions: cases the parser once got wrong.

#[test]
fn headline_surname_resolves_to_the_body_name() {
    let src = "\"Arctic rules need patience\", says Lavrov\n\n\
               MOSCOW, June 16. /TASS/. Russian Foreign Minister Sergey Lavrov said on Wednesday the Arctic states \
               should agree common shipping rules.";
    let qs = quotes(src);
    assert_eq!(name(&qs[0]), Some("Sergey Lavrov"));
}

#[test]
fn title_with_a_prepositional_phrase() {
    let src = "Arctic talks\n\nNEW YORK, September 21. /TASS/. Russia will keep working on the rules, Russia's \
               Permanent Representative to the UN Igor Danilov said on Monday.\n\n\
               \"We see no alternative,\" Danilov said.\n\n\"We will keep talking,\" the diplomat said.";
    let qs = quotes(src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Igor Danilov"), Some("Igor Danilov")]);
}

#[test]
fn name_after_a_place_title() {
    let src = "Ferry line opens\n\nPRIOZERSK, July 3. /TASS/. A ferry line opened on Friday, Leningrad Region \
               Governor Pavel Orlov told reporters.\n\n\"We expect many passengers,\" Orlov said.\n\n\
               \"The island villages need this route,\" he said.";
    let qs = quotes(src);
    let names: Vec<Option<&str>> = view(&qs).iter().map(|x| x.name).collect();
    assert_eq!(names, [Some("Pavel Orlov"), Some("Pavel Orlov")]);
}

#[test]
fn description_with_appositive_name() {
    let src = story(
        "The group said the rise would hurt pensioners.\n\n\
                     \"We pay more every year,\" the group's chairman, Arthur Bell, said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Arthur Bell"));
}

#[test]
fn title_without_possessive_determiner() {
    let src = story(
        "The group said the rise would hurt pensioners.\n\n\
                     \"We pay more every year,\" its chairman Arthur Bell said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Arthur Bell"));
    assert_eq!(title(&qs[0]), Some("chairman"));
}

#[test]
fn a_verb_in_the_past_tense_ends_a_name() {
    // Not an occupation before a name ("confidant Paul Laxalt"): "opened"
    // leaves "President Ilse Varga" a person, whom "the president" means.
    let src = story(
        "President Ilse Varga opened Norway's fishing congress on Monday.\n\n\
                     \"Quotas are not the enemy,\" the 61-year-old president said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Ilse Varga"));
}

#[test]
fn a_cue_in_the_passive_is_not_its_subjects() {
    // What was said of the trawler, not by it; "it" then names no person
    // met later.
    let src = story(
        "A coastguard report said on Friday that a trawler had sunk.\n\n\
                     A trawler was observed sailing \"erratically\" near the reef, it said.\n\n\
                     Skipper Nils Dahl was rescued.",
    );
    let qs = quotes(&src);
    let name = name(&qs[0]);
    assert_ne!(name, Some("A trawler"));
    assert_ne!(name, Some("Nils Dahl"));
}

#[test]
fn the_agent_of_a_passive_cue_after_the_quotation_speaks() {
    let src = story(
        "A trawler owner was fined on Friday.\n\n\
                     Olsen was called \"a reckless man\" by the presiding judge.",
    );
    assert_eq!(
        view(&quotes(&src)),
        [q("a reckless man", Some("the presiding judge"), Some("called"), Some(MentionKind::Description))]
    );
}

#[test]
fn a_participle_is_no_occupation_before_a_name() {
    // "Dispute involving Norway": no body named "Dispute involving Norway".
    let src = "Dispute involving Norway ends\n\nOSLO (Reuters) - \
               Dispute involving Norway trawlers ended on Monday, it said, adding \"the talks went well.\"";
    let qs = quotes(src);
    assert_eq!(name(&qs[0]), None);
}

#[test]
fn it_before_anyone_is_named_is_no_person_named_later() {
    let src = story(
        "\"The catch will be shared fairly,\" it said.\n\n\
                     Skipper Nils Dahl welcomed the deal.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), None);
}

#[test]
fn someone_introduced_unnamed_stays_unnamed_and_is_the_next_he() {
    // "The senior banker" is the one introduced as "one senior banker", not
    // the minister in focus; "he" then means the banker.
    let src = story(
        "Finance Minister Ole Brekke met creditors on Monday.\n\n\
                     One senior banker closely involved in the talks backed the minister's call.\n\n\
                     The senior banker was opposed to separate deals, saying: \"There must be one committee.\" \
                     But he added: \"Special requests must be heard.\"",
    );
    let names: Vec<_> = quotes(&src).iter().map(|x| x.speaker.as_ref().and_then(|s| s.name.clone())).collect();
    assert_eq!(names, [Some("The senior banker".into()), Some("The senior banker".into())]);
}

#[test]
fn the_one_quoted_after_the_quotation_speaks() {
    // The outlet quotes; the one it quotes speaks, named in an appositive
    // when a title comes first.
    for (body, want) in [
        ("\"The quota is fair,\" the Fiskeribladet newspaper quoted minister Ola Sand as saying.", "Ola Sand"),
        (
            "\"The quota is fair,\" the Fiskeribladet newspaper quoted Director of Fisheries, Ola Sand, as saying.",
            "Ola Sand",
        ),
    ] {
        let src = story(body);
        let qs = quotes(&src);
        assert_eq!(name(&qs[0]), Some(want), "{body}");
        assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("saying"), "{body}");
    }
}

#[test]
fn the_one_quoted_may_be_described_at_length() {
    let src = story(
        "Anna Berg opened the talks.\n\n\
                     She quoted Fridtjof Nansen, the explorer who crossed Greenland on skis in 1888, as saying, \
                     \"The difficult is what takes a little time.\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Fridtjof Nansen"));
}

#[test]
fn a_cue_closing_the_paragraph_before_with_a_colon_introduces_the_quotation() {
    let src = story(
        "Anna Berg said the quota was fair.\n\n\
                     \"It is fair,\" she said.\n\n\
                     A union spokesman said:\n\n\
                     \"We will study the deal before we sign it.\"",
    );
    let qs = quotes(&src);
    assert_eq!(
        view(&qs[1..]),
        [q(
            "We will study the deal before we sign it.",
            Some("A union spokesman"),
            Some("said"),
            Some(MentionKind::Description)
        )]
    );
}

#[test]
fn a_name_in_the_possessive_is_met_without_its_ending() {
    // "Ola Sand's" is Ola Sand: a later "Sand" resolves to him.
    let src = story(
        "Ola Sand's plan for the herring quota was adopted on Monday.\n\n\
                     \"It is fair to both fleets,\" Sand said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Ola Sand"));
}

#[test]
fn an_opening_like_or_unlike_is_no_part_of_a_name() {
    let src = story("Like Hansen, Berg also quoted scripture, saying the sea is \"full of mercy.\"");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Berg"));
}

#[test]
fn an_inverted_cue_names_the_person_after_a_capitalised_adjective_and_a_role() {
    for body in [
        "\"The quota is fair,\" said Norwegian fisheries ministry spokeswoman Kari Lund.",
        "\"The quota is fair,\" said Nordbank currency watcher Kari Lund.",
    ] {
        let src = story(body);
        let qs = quotes(&src);
        assert_eq!(name(&qs[0]), Some("Kari Lund"), "{body}");
    }
}

#[test]
fn the_people_a_quotation_tells_of_after_said_do_not_say_it() {
    let src = story("Per Olsen is from Bergen and said the trawler owners \"need to follow the law.\"");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Per Olsen"));
}

#[test]
fn the_verb_of_a_reported_clause_is_not_the_cue() {
    for (body, cue) in [
        ("Anna Berg said she hoped the deal would bring \"lasting peace.\"", "said"),
        ("Anna Berg spoke to reporters, adding that the ministry continued \"to expect bigger catches.\"", "adding"),
    ] {
        let src = story(body);
        let qs = quotes(&src);
        assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some(cue), "{body}");
        assert_eq!(name(&qs[0]), Some("Anna Berg"), "{body}");
    }
}

#[test]
fn a_verb_in_the_past_tense_ends_a_description() {
    let src = story("The new harbour master spoke in Norwegian and said the quota was \"fair to all.\"");
    let qs = quotes(&src);
    let mention = qs[0].speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| m.as_str());
    assert_eq!(mention, Some("The new harbour master"));
}

#[test]
fn her_before_a_noun_is_a_determiner() {
    let src = story(
        "Kari Lund lost her licence on Monday.\n\n\
                     \"We will appeal,\" her lawyer Ann Dahl said, and Lund would be \"back at sea soon.\"",
    );
    let names: Vec<_> = quotes(&src).iter().map(|x| x.speaker.as_ref().and_then(|s| s.name.clone())).collect();
    assert_eq!(names, [Some("Ann Dahl".into()), Some("Ann Dahl".into())]);
}

#[test]
fn more_plural_nouns_name_groups_of_speakers() {
    for (body, want) in [
        ("Government troops cheered and shouted \"We have found them!\"", "Government troops"),
        ("Special forces shouted \"We have won!\" as the minister arrived.", "Special forces"),
        ("\"The quota is unfair,\" the union's lawyers told the court.", "the union's lawyers"),
    ] {
        let src = story(body);
        let qs = quotes(&src);
        assert_eq!(name(&qs[0]), Some(want), "{body}");
    }
}

#[test]
fn what_a_named_owner_owns_speaks_not_the_owner() {
    // A person someone has speaks; a document is its author's (GUIDELINES:
    // "Sand's lawsuit" is Ola Sand's, named before), or stays as printed
    // when its owner was not named ("the Dahls").
    let cases = [
        ("\"He is innocent,\" Sand's wife said.", "Sand's wife"),
        ("\"He is innocent,\" Sand's lawsuit stated.", "Ola Sand"),
        ("\"He is innocent,\" said the Dahls’ lawsuit, which was filed on Monday.", "the Dahls’ lawsuit"),
    ];
    for (quote, want) in cases {
        let src = story(&format!("Ola Sand was arrested on Monday.\n\n{quote}"));
        let qs = quotes(&src);
        assert_eq!(name(&qs[0]), Some(want), "{quote}");
    }
}

#[test]
fn a_name_with_a_capitalised_preposition_is_a_body_a_description_may_mean() {
    let src = story(
        "Ola Sand was released for \"good behaviour\", Reporters Without Borders said in a statement.\n\n\
                     \"We are delighted at his release,\" the international media rights group said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("Reporters Without Borders"));
}

#[test]
fn whoever_issues_a_statement_saying_something_says_it() {
    let src = story(
        "Ola Sand was released on Monday.\n\n\
                     Her family released a statement Friday saying this is a \"difficult moment.\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Her family"));
}

#[test]
fn a_description_narrowed_by_what_follows_brings_in_someone_new() {
    // "the judge" is the judge presiding over the case, not the witness in
    // focus.
    let src = story(
        "\"She was a devoted mother,\" Erin Lund said.\n\n\
                     The judge presiding over the custody case noted she had been a carer.\n\n\
                     \"She is the planner,\" the judge wrote.",
    );
    let qs = quotes(&src);
    let name = name(&qs[1]);
    assert!(name.is_some_and(|n| n.eq_ignore_ascii_case("the judge")), "{name:?}");
}

#[test]
fn an_unnamed_official_reporting_is_the_next_he() {
    let src = story(
        "\"The talks went well,\" Ola Sand said.\n\n\
                     A union spokesman denied the deal was final. \"We were not told,\" he said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("A union spokesman"));
}

#[test]
fn an_unnamed_official_telling_of_someone_named_leaves_the_story_with_them() {
    let src = story(
        "\"The talks went well,\" Ola Sand said.\n\n\
                     A union official confirmed Sand took part. \"It was hard,\" he said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("Ola Sand"));
}

#[test]
fn a_name_in_apposition_after_an_inverted_cue_may_follow_an_age() {
    let src = story("\"Gas is cheaper,\" said one Bergen resident, 37-year-old Artem.");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Artem"));
}

#[test]
fn reported_speech_inverted_after_a_comma_brings_in_the_person_named() {
    let src = story(
        "Ola Sand, the chief of Nordfisk, said the plan was costly.\n\n\
                     Initially, the industry was concerned the rules could hurt catches, said Per Lunde, head of \
                     the Trawler Association.\n\n\
                     \"The ships will come back,\" he said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Per Lunde"));
}

#[test]
fn a_named_owner_determines_a_description_before_a_cue() {
    let src = story(
        "Police searched for Ola Sand.\n\n\
                     Sand's stepmother said Thursday from her home in Bodo, Nordland: \"He should come forward.\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Sand's stepmother"));
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("said"));
}

#[test]
fn a_role_of_a_body_in_apposition_leaves_the_name_before_it() {
    let src = story("The Rev. Ola Sand, the founder of Pro-Fish Norway, described the quota as a \"disgrace.\"");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Ola Sand"));
}

#[test]
fn an_event_praising_someone_speaks_for_itself() {
    let src = story(
        "Actor Ola Sand will be honoured in Bergen.\n\n\
                     The festival praises him for his \"sensational start\" on stage.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("The festival"));
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("praises"));
}

#[test]
fn occupations_in_the_arts_are_titles_before_a_name() {
    let src = story("\"I will sing again,\" Singer Kari Lund said.");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Kari Lund"));
    assert_eq!(title(&qs[0]), Some("Singer"));
}

#[test]
fn a_group_with_its_adjective_shouting_after_another_verb_speaks() {
    let src = story(
        "Prime Minister Ola Sand took a victory lap.\n\n\
                     Bands were playing, special forces cheered and shouted \"We have won!\" as Sand waved.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("special forces"));
}

#[test]
fn they_is_the_group_before_it_in_its_sentence() {
    let src = story(
        "\"The court did the right thing,\" a legal expert told Reuters.\n\n\
                     Calm returned after thousands of fishermen took to the streets in what they described as a \
                     \"peaceful protest.\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("thousands of fishermen"));
}

#[test]
fn a_weak_cue_governs_an_infinitive_running_up_to_the_quotation() {
    let src = story(
        "\"The drills went well,\" General Ola Sand said.\n\n\
                     The drills come two weeks after President Kari Lund pledged to take the ties with Iceland to a \
                     \"new level\" on her first visit.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("Kari Lund"));
    assert_eq!(qs[1].cue.as_ref().map(|c| c.as_str()), Some("pledged"));
}

#[test]
fn the_one_who_noted_a_quotation_beats_the_document_it_is_according_to() {
    let src = story(
        "\"She was a devoted mother,\" Erin Lund said.\n\n\
                     The judge presiding over the custody case noted she had been \"the primary carer,\" according \
                     to the court order.\n\n\
                     \"She is the planner,\" the judge wrote.",
    );
    let qs = quotes(&src);
    assert_eq!(qs[1].cue.as_ref().map(|c| c.as_str()), Some("noted"));
    for q in &qs[1..] {
        assert!(name(q).is_some_and(|n| n.eq_ignore_ascii_case("the judge")), "{:?}", name(q));
    }
}

#[test]
fn a_document_after_a_comma_speaks_for_itself() {
    let src = story(
        "The economy has cut a \"shortfall of optimism\" that prevailed after the Oslo 2004 Olympic Games, a report said.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("a report"));
}

#[test]
fn told_reporters_reports_the_clause_after_it() {
    let src = story(
        "Senate leader Ola Sand, a key ally, told reporters the report disclosed \"colossal blunders\" on Monday.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Ola Sand"));
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("told"));
}

// ---------------------------------------------------------------------------
// Confidence: the class follows the rule and the kind of mention.

/// Each attribution's rule and `prior`: the class its rule and mention
/// alone give.
fn prior_of(src: &str) -> Vec<(AttributionRule, wirecopy::Confidence)> {
    quotes(src).iter().filter_map(|x| x.attribution).map(|a| (a.rule, a.prior)).collect()
}

/// Each attribution's rule and confidence, the article weighed.
fn confidence_of(src: &str) -> Vec<(AttributionRule, wirecopy::Confidence)> {
    quotes(src).iter().filter_map(|x| x.attribution).map(|a| (a.rule, a.confidence)).collect()
}

#[test]
fn a_body_quoted_again_by_its_own_cue_is_surer_than_its_rule_says() {
    use wirecopy::AttributionRule::CueAfterQuote;
    use wirecopy::Confidence::{High, Medium};
    // Alone, a body tied by its cue may be another body named by its
    // acronym or a description: medium. Quoted again, the article weighs.
    let once = "Title\n\nOSLO (AP) - \"The port will grow,\" the Harbour Board said.";
    assert_eq!(prior_of(once), [(CueAfterQuote, Medium)]);
    assert_eq!(confidence_of(once), [(CueAfterQuote, Medium)]);
    let twice = "Title\n\nOSLO (AP) - \"The port will grow,\" the Harbour Board said.\n\n\
                 \"It needs a berth,\" the Harbour Board said.";
    assert_eq!(prior_of(twice), [(CueAfterQuote, Medium), (CueAfterQuote, Medium)]);
    assert_eq!(confidence_of(twice), [(CueAfterQuote, Medium), (CueAfterQuote, High)]);
}

#[test]
fn the_speaker_in_focus_with_no_cue_is_never_sure() {
    // Right about half the time on the read samples (19 of 37): `low` or
    // `medium` as the fitted model weighs it, never `high`.
    use wirecopy::Confidence::High;
    let src = story(
        "Harbour master Ola Sand opened the new quay on Monday, and spoke of the years ahead.\n\n\
         \"The port will grow.\"",
    );
    let got = confidence_of(&src);
    assert!(got.last().is_some_and(|&(_, c)| c != High), "{got:?}");
}

#[test]
fn a_named_speaker_by_the_quotations_own_cue_is_high() {
    use wirecopy::Confidence::High;
    let src = "Title\n\nOSLO (AP) - \"The port will grow,\" Anna Berg said. \"It needs a berth.\"";
    assert_eq!(
        prior_of(src),
        [(AttributionRule::CueAfterQuote, High), (AttributionRule::CarriedFromPreviousQuote, High)]
    );
}

#[test]
fn a_quotation_after_someone_else_turned_to_is_not_carried_over() {
    use wirecopy::Confidence::{High, Medium};
    // Another person opening a sentence between two quotations: the second
    // is theirs, not the first speaker's.
    let src = story(
        "The talks ended on Monday.\n\n\"We agree,\" Anna Berg said. Union chief Per Olsen admitted \
         the deal had flaws. \"The boats will sail, but the nets are too small.\"",
    );
    let (rule, name, _) = fired(&src, "The boats");
    assert_eq!((rule, name.as_deref()), (AttributionRule::IndirectSpeechInFocus, Some("Per Olsen")));
    // The same speaker turned to again, by surname: still carried, and sure.
    let src = "Title\n\nOSLO (AP) - \"Why wait?\" Anna Berg asked the board. Berg asked again. \"We can sail.\"";
    assert_eq!(
        prior_of(src),
        [(AttributionRule::CueAfterQuote, High), (AttributionRule::CarriedFromPreviousQuote, High)]
    );
    // A sentence of its own about something else: carried, but not sure.
    let src = "Title\n\nOSLO (AP) - \"The port will grow,\" Anna Berg said. The harbour board could \
               \"add a berth for the ferries next spring\".";
    assert_eq!(
        prior_of(src),
        [(AttributionRule::CueAfterQuote, High), (AttributionRule::CarriedPastOwnSubject, Medium)]
    );
}

#[test]
fn a_person_named_before_a_colon_clause_takes_the_quotation_after_it() {
    // "Olsen pressed on: Q" (no reporting verb): Olsen's, not carried over
    // from the paragraph before.
    let src = story(
        "Anna Berg and Per Olsen opened the talks on Monday.\n\n\"We agree,\" Anna Berg said.\n\n\
         Olsen pressed on: \"The nets are too small for the fleet.\"",
    );
    let (rule, name, why) = fired(&src, "The nets");
    assert_eq!((rule, name.as_deref()), (AttributionRule::SentenceSubject, Some("Per Olsen")));
    assert_eq!(why.cue.map(|c| c.slice(&src)), Some("pressed"), "its verb the cue");
}

#[test]
fn she_after_a_person_described_by_a_role_at_a_company_is_the_person() {
    // "Anna Berg, president of Norvik Energy, told": the role is Berg's; a
    // later "she" means her, not the company.
    let src = story(
        "Prices will rise, Anna Berg, president of Norvik Energy, told Reuters on Sunday.\n\n\
         \"Once demand falls, prices will follow,\" she said.",
    );
    let (rule, name, _) = fired(&src, "Once demand");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("Anna Berg")));
}

#[test]
fn a_dash_line_after_a_quotation_names_its_speaker() {
    // A line of its own after the quotation's paragraph, opening with a
    // dash: its name, or a person described; not an item of a list.
    let src =
        story("The talks ended on Monday.\n\n\"Fish do not read maps.\"\n\n\u{2015} Anna Berg, fisheries minister");
    let (rule, name, _) = fired(&src, "Fish do");
    assert_eq!((rule, name.as_deref()), (AttributionRule::SpeakerAfterDash, Some("Anna Berg")));
    let src = story("The talks ended on Monday.\n\n\"Fish do not read maps.\"\n\n-- a skipper, Tromso");
    assert_eq!(fired(&src, "Fish do").1.as_deref(), Some("a skipper"));
    let src = story("The talks ended on Monday.\n\n\"Fish do not read maps.\"\n\n- A meeting was held in Oslo.");
    let qs = quotes(&src);
    assert!(qs[0].attribution.is_none_or(|a| a.rule != AttributionRule::SpeakerAfterDash));
}

#[test]
fn a_weak_cue_far_from_the_quotation_after_an_opening_phrase_is_its_subjects() {
    // "Last year, Berg described ... as Q": Berg's, not the body in focus.
    let src = story(
        "Minister Anna Berg changed the quotas. The ministry said it completed the review.\n\n\
         Last year, Berg described members of the previous board as a \"rubber stamp for the big trawler owners\".",
    );
    let (rule, name, _) = fired(&src, "rubber stamp");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueBeforeQuote, Some("Anna Berg")));
}

#[test]
fn he_or_she_passes_over_a_body_someone_heads() {
    // "president of Fish Vision": Fish Vision is a body, and no later "she"
    // means it, even when it opens a sentence.
    let src = story(
        "Anna Berg, president of Fish Vision, appealed for aid.\n\n\
         Fish Vision works in 30 countries including Norway.\n\n\
         \"I could not help but wonder how this would be seen,\" she said.",
    );
    assert_eq!(fired(&src, "I could not").1.as_deref(), Some("Anna Berg"));
}

#[test]
fn he_or_she_means_the_subject_of_a_joined_clause() {
    // "..., and Olsen has gone out of his way": Olsen, turned to, is the
    // one a later "he" means.
    let src = story(
        "Minister Per Olsen met Premier Ola Sand on Monday.\n\n\
         Sand praised the deal in Bergen.\n\n\
         Norway has been wary of the fleet, and Olsen has gone out of his way to calm the skippers. \
         \"We want the quota to serve the whole coast,\" he said.",
    );
    assert_eq!(fired(&src, "We want").1.as_deref(), Some("Per Olsen"));
}

#[test]
fn an_appositive_left_open_before_the_cue_still_names_the_speaker() {
    // "Q," Kari Lie, a former colleague of Berg's told NRK: the writer's
    // comma missing, the cue right after the appositive.
    let src = story(
        "The talks ended on Monday.\n\n\"She always made you feel you mattered,\" Kari Lie, a former \
         colleague of Berg\u{2019} told NRK. \"And that was her message.\"",
    );
    let (rule, name, _) = fired(&src, "She always");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("Kari Lie")));
    assert_eq!(fired(&src, "And that").1.as_deref(), Some("Kari Lie"));
}

#[test]
fn a_sentence_opening_on_a_participle_has_its_subject_after_the_comma() {
    // "Asked about the quota, Olsen compared it ..., saying Q": Olsen's, not
    // the person in focus before.
    let src = story(
        "Minister Per Olsen met skipper Kari Lie on Monday. Lie wept on the quay.\n\n\
         Asked about the quota, Olsen compared it to his own youth, saying she had stood \
         \"in front of my boat with a harpoon ready to fire\".",
    );
    let (rule, name, _) = fired(&src, "in front of");
    assert_eq!((rule, name.as_deref()), (AttributionRule::SentenceSubject, Some("Per Olsen")));
}

#[test]
fn a_participle_after_a_quotation_names_no_speaker_after_it() {
    // "... as Q," adding Berg's work ...: the one describing, not Berg.
    let src = story(
        "Skipper Kari Berg died on Monday.\n\n\
         Harbour master Ola Sand described the late skipper as \"a source of courage among her crew,\" \
         adding Berg's work would not be forgotten.",
    );
    let (rule, name, _) = fired(&src, "a source of");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueBeforeQuote, Some("Ola Sand")));
}

#[test]
fn a_cue_without_subject_takes_the_person_opening_a_joined_clause() {
    // "There was no word, but Anna Berg ... has called a meeting to announce
    // Q": Berg's, not the one in focus before.
    let src = story(
        "Skipper Per Olsen has been missing since May.\n\n\
         There was no official word on the search for the skipper, but Anna Berg, the harbour master \
         for the western district of the coast in Bergen, has scheduled a news conference Thursday \
         to announce a \"major development\" in the case.",
    );
    let (rule, name, _) = fired(&src, "major development");
    assert_eq!((rule, name.as_deref()), (AttributionRule::SentenceSubject, Some("Anna Berg")));
}

#[test]
fn a_description_before_the_quotation_is_low_and_one_after_is_medium() {
    use wirecopy::Confidence::{Low, Medium};
    let src = "Title\n\nOSLO (AP) - A port official said: \"The port will grow.\"\n\n\
               \"It needs a berth,\" the official said.";
    assert_eq!(prior_of(src), [(AttributionRule::CueBeforeQuote, Low), (AttributionRule::CueAfterQuote, Medium)]);
}

#[test]
fn a_sure_rule_with_a_vague_mention_is_medium() {
    use wirecopy::AttributionRule::{CueAfterQuote, InvertedCueAfterQuote};
    use wirecopy::Confidence::{High, Medium};
    // A name never given in full, "they", a news medium reporting: medium.
    let src = "Title\n\nOSLO (AP) - \"The port will grow,\" Berg said.\n\n\
               \"It needs a berth,\" they said.\n\n\"Ships wait,\" the Harbour Post newspaper reported.";
    assert_eq!(prior_of(src), [(CueAfterQuote, Medium), (CueAfterQuote, Medium), (CueAfterQuote, Medium)]);
    // A name in full: high; an inverted cue with a description ("said the
    // minister", someone else about as often as 1 in 5): medium.
    let src = "Title\n\nOSLO (AP) - Minister Anna Berg opened the port.\n\n\
               \"The port will grow,\" Anna Berg said.\n\n\"It needs a berth,\" said the minister.";
    assert_eq!(prior_of(src), [(CueAfterQuote, High), (InvertedCueAfterQuote, Medium)]);
    // An organisation tied by its own cue: medium (an acronym or a
    // description may stand for another body).
    let src = "Title\n\nOSLO (AP) - \"The port will grow,\" the Harbour Board said.";
    assert_eq!(prior_of(src), [(CueAfterQuote, Medium)]);
}

#[test]
fn confidence_classes_are_ordered_and_named() {
    use wirecopy::Confidence::{High, Low, Medium};
    assert!(Low < Medium && Medium < High);
    assert_eq!([Low, Medium, High].map(|c| c.to_string()), ["low", "medium", "high"]);
}

#[test]
fn a_first_name_alone_is_the_person_named_in_full_before() {
    // "Anna" after "Anna Berg": the first name used alone, in the
    // familiar style of features, and the Chinese and Korean surname first.
    let src = story("Anna Berg opened the talks on Monday.\n\n\"We agree,\" Anna said.");
    let (rule, name, why) = fired(&src, "We agree");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("Anna Berg")));
    assert_eq!(why.antecedent.map(|a| a.slice(&src)), Some("Anna Berg"));
    let src = story("Premier Wen Jiabao opened the talks on Monday.\n\n\"We agree,\" Wen said.");
    assert_eq!(fired(&src, "We agree").1.as_deref(), Some("Wen Jiabao"));
    // Not a surname met: "Thomas" after "Bob Thomas" is Bob Thomas.
    let src = story("Thomas Hale opened the talks. Bob Thomas closed them.\n\n\"We agree,\" Thomas said.");
    assert_eq!(fired(&src, "We agree").1.as_deref(), Some("Bob Thomas"));
}

#[test]
fn abbreviated_titles_neither_end_the_sentence_nor_join_the_name() {
    // "Del." (a delegate), "Sen.", "Gov.", "Lt. Gen." before a name: a title,
    // its full stop no sentence's end.
    let src = story(
        "The talks ended on Monday.\n\n\"We agree,\" said Del. Anna Berg, a Democrat.\n\n\
         \"We disagree,\" Sens. Per Olsen and Ola Sand said.\n\n\"No,\" Lt. Gen. Kari Lie said.",
    );
    let (rule, name, _) = fired(&src, "We agree");
    assert_eq!((rule, name.as_deref()), (AttributionRule::InvertedCueAfterQuote, Some("Anna Berg")));
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("We agree")).unwrap();
    assert_eq!(x.speaker.as_ref().and_then(|s| s.title.as_ref()).map(|t| &**t), Some("Del."));
    assert_eq!(fired(&src, "No").1.as_deref(), Some("Kari Lie"));
}

#[test]
fn a_lone_first_name_is_the_antecedent_of_she() {
    // "Anna told ...": a lone first name opening a sentence, then "she".
    let src = story("Anna told the crowd on Monday the talks had gone well.\n\n\"We agree,\" she said.");
    let (rule, name, why) = fired(&src, "We agree");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("Anna")));
    assert_eq!(why.antecedent.map(|a| a.slice(&src)), Some("Anna"));
    // A lone name in apposition after a word for a person, then "she".
    let src = story(
        "Minister Per Olsen spoke first.\n\nThe girl's grandmother, Marit, told reporters she would travel.\n\n\
         \"I would go there for one minute,\" she said.",
    );
    let (rule, name, why) = fired(&src, "I would go");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("Marit")));
    assert_eq!(why.antecedent.map(|a| a.slice(&src)), Some("Marit"));
    // A capitalised word opening a sentence tells no sex: not taken.
    let src = story("Fishing resumed on Monday.\n\n\"We agree,\" she said.");
    assert_eq!(fired(&src, "We agree").1, None);
}

#[test]
fn a_description_stands_for_the_body_named_before() {
    // "the ministry" after "the Fisheries Ministry": that body, by its head.
    let src = story(
        "The Fisheries Ministry said on Monday the talks had ended.\n\n\"The quota is fair,\" the ministry said.",
    );
    let (rule, name, why) = fired(&src, "The quota");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("The Fisheries Ministry")));
    assert_eq!(why.antecedent.map(|a| a.slice(&src)), Some("The Fisheries Ministry"));
    // A head no body named before shares stays as printed.
    let src =
        story("The Fisheries Ministry said on Monday the talks had ended.\n\n\"The quota is fair,\" the union said.");
    assert_eq!(fired(&src, "The quota").1.as_deref(), Some("the union"));
    // A body's common noun no body named before ends with ("the agency"
    // after "the Fisheries Ministry" spoke) stands for the body that spoke
    // last, when it was named by its proper name.
    let src = story(
        "The Fisheries Ministry said on Monday the talks had ended.\n\n\"Talks go on,\" the ministry said. \
         \"The quota is fair,\" the agency added.",
    );
    let (rule, name, why) = fired(&src, "The quota");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("The Fisheries Ministry")));
    assert!(why.antecedent.is_some());
    // Not a body described in lower case ("her campaign").
    let src = story(
        "Her campaign said on Monday it had paid.\n\n\"We paid,\" her campaign said. \"It was late,\" the agency said.",
    );
    assert_eq!(fired(&src, "It was late").1.as_deref(), Some("the agency"));
}

#[test]
fn a_body_named_in_apposition_to_a_description_speaks() {
    // "a respected think-tank, the Nordic Sea Group, said": the body named.
    let src = story(
        "The talks ended on Monday.\n\n\"The quota is fair,\" a respected think-tank, the Nordic Sea Group, said.",
    );
    let (rule, name, why) = fired(&src, "The quota");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueAfterQuote, Some("the Nordic Sea Group")));
    assert_eq!(why.mention_rule, Some(MentionRule::Appositive));
    // A person in apposition, as before.
    let src = story("The talks ended on Monday.\n\n\"The quota is fair,\" a union official, Anna Berg, said.");
    assert_eq!(fired(&src, "The quota").1.as_deref(), Some("Anna Berg"));
}

#[test]
fn a_name_on_the_dash_line_after_a_quotation_speaks() {
    // "― Name" (the horizontal bar) or "-- Name" on the line after it.
    let src = story(
        "The talks ended on Monday.\n\n\"The quota is fair to both fleets.\"\n― Anna Berg\n\n\"We disagree.\"\n-- Per Olsen",
    );
    let (rule, name, _) = fired(&src, "The quota");
    assert_eq!((rule, name.as_deref()), (AttributionRule::SpeakerAfterDash, Some("Anna Berg")));
    assert_eq!(fired(&src, "We disagree").1.as_deref(), Some("Per Olsen"));
    // "--" also opens an aside: a description after it is no speaker.
    let src = story("The talks ended on Monday.\n\nThey call it \"silda\" -- a Norwegian pun.");
    let x = quotes(&src).into_iter().find(|x| x.text.starts_with("silda")).unwrap();
    assert_ne!(x.attribution.map(|a| a.rule), Some(AttributionRule::SpeakerAfterDash));
}

#[test]
fn a_document_speaks_for_the_person_it_belongs_to() {
    // "The judge's decision says": the judge named before, by title.
    let src = story(
        "US District Judge Anna Berg blocked the quota on Monday.\n\n\
         The judge's decision says the quota \"ignores the fleet's rights.\"",
    );
    let (rule, name, why) = fired(&src, "ignores the fleet");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueBeforeQuote, Some("Anna Berg")));
    assert_eq!(why.antecedent.map(|a| a.slice(&src)), Some("Anna Berg"));
    // "Berg's letter says": by surname.
    let src = story("Anna Berg wrote to the council.\n\nBerg's letter says the quota \"ignores the fleet.\"");
    assert_eq!(fired(&src, "ignores the fleet").1.as_deref(), Some("Anna Berg"));
    // An owner no one was named as stays with the document.
    let src = story("The council met on Monday.\n\nThe mayor's letter says the quota \"ignores the fleet.\"");
    assert_eq!(fired(&src, "ignores the fleet").1.as_deref(), Some("The mayor's letter"));
}

#[test]
fn a_quotation_after_she_said_with_no_cue_is_hers() {
    // "She said she was pleased. "...": indirect speech by "she", who is
    // not the person last quoted.
    let src = story(
        "Fishing minister Anna Berg met union leader John Olsen on Monday.\n\n\
         Olsen said on Tuesday: \"We will see.\"\n\n\
         She said she was pleased. \"This is good for the coast.\"",
    );
    let (rule, name, _) = fired(&src, "This is good");
    assert_eq!((rule, name.as_deref()), (AttributionRule::IndirectSpeechInFocus, Some("Anna Berg")));
}

#[test]
fn a_memo_or_a_post_speaks_for_its_issuer_in_focus() {
    // "the memo said" after its writer spoke: the writer (GUIDELINES: a
    // document is its author's).
    let src = story(
        "National Security Adviser Anna Berg wrote to the cabinet on Monday, \"We must act.\"\n\n\
         \"The port needs a berth,\" the memo said.",
    );
    assert_eq!(fired(&src, "The port needs").1.as_deref(), Some("Anna Berg"));
}

#[test]
fn a_month_is_no_one_he_may_mean() {
    // "last April" leaves the person in focus as they were.
    let src = story(
        "Actor John Berg spoke to the show on Monday.\n\n\
         Berg first announced his diagnosis last April and worked hard to raise money.\n\n\
         \"All I want is time with my family,\" he told the show.",
    );
    assert_eq!(fired(&src, "All I want").1.as_deref(), Some("John Berg"));
}

#[test]
fn a_time_word_after_a_document_is_no_one() {
    // "In a statement Friday, the X said": the time word is no name, the
    // body after the comma speaks.
    let src =
        story("Ferries stopped on Monday.\n\nIn a statement Friday, the Harbour Board said \"crossings will resume.\"");
    assert_eq!(fired(&src, "crossings will").1.as_deref(), Some("the Harbour Board"));
    let src = story("Ferries stopped on Monday.\n\nIn an interview Tuesday, Mayor Ann Cole said: \"We are ready.\"");
    assert_eq!(fired(&src, "We are ready").1.as_deref(), Some("Ann Cole"));
}

#[test]
fn a_month_after_a_first_name_is_a_surname() {
    // "Theresa May said", "Sen. Ann March said": the month is the surname,
    // not a time word before the cue.
    let src = story("Talks stalled on Monday.\n\nPrime Minister Theresa May said the plan was \"on track.\"");
    assert_eq!(fired(&src, "on track").1.as_deref(), Some("Theresa May"));
    let src = story("Talks stalled on Monday.\n\nSen. Ann March said the vote was \"a farce.\"");
    assert_eq!(fired(&src, "a farce").1.as_deref(), Some("Ann March"));
    // A date stays a date: "on May 5 said".
    let src = story("Talks stalled on Monday.\n\nOfficials on May 5 said the plan was \"dead.\"");
    assert_ne!(fired(&src, "dead").1.as_deref(), Some("May"));
}

#[test]
fn a_works_or_a_complex_is_no_one_he_may_mean() {
    // KCNA style: the place visited is a body, not the "he" who speaks.
    let src = "Pyongyang, May 5 (KCNA) -- Premier Pak Song Chol inspected the Taesong Machine Complex.\n\n\
               He said with pride that the workers had \"performed a miracle.\"\n";
    let qs = quotes(src);
    assert_eq!(qs.iter().find_map(|x| name(x)), Some("Pak Song Chol"));
}

#[test]
fn he_is_never_a_body_or_a_group_that_spoke() {
    // "police said" puts police in focus; a later "he said" with no person
    // met is no one, and a guess.
    let src = story(
        "A driver hit a barrier on the highway, police said.\n\n\
         \"I just kept driving,\" he said.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("I just kept")).unwrap();
    assert_eq!(name(x), None);
    assert_eq!(x.attribution.unwrap().confidence, wirecopy::Confidence::Low);
}

#[test]
fn archives_and_nations_are_bodies_he_never_means() {
    // AFP style: the archives that released the papers are no one; "he"
    // is the official named since.
    let src = story(
        "Officials weighed cuts, according to papers released by the National Archives in London.\n\n\
         In a note marked \"secret\", Sir Alan Berg, who was cabinet secretary, mooted cuts.\n\n\
         He wrote that he was against the cuts.\n\n\
         \"It would be better to look again,\" he said in the note.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("It would")).unwrap();
    assert_eq!(name(x), Some("Alan Berg"), "\"Sir\" is a title");
    // Xinhua style: "the United Nations' top organ" before the envoy.
    let src = "UNITED NATIONS, Nov. 10 (Xinhua) -- Reform should favour developing nations in the \
               United Nations' top organ, Chinese Ambassador to the UN Li Ming stressed on Thursday.\n\n\
               \"Reform is a global trend,\" he said.\n";
    let qs = quotes(src);
    assert_eq!(qs.iter().find_map(|x| name(x)), Some("Li Ming"));
}

#[test]
fn a_weak_cue_far_after_a_quotation_inverted_before_a_name() {
    // AFP style: a long phrase between the quotation and ", predicted X".
    let src = story(
        "Views are divided, with some analysts predicting a move next year instead.\n\n\
         \"We expect sentiment to remain steady,\" underpinned by solid profits and a weaker yen, \
         predicted Nordbank economist Kenji Arata, who expected a rise.\n\n\
         \"For others, we expect stagnation,\" he added.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs).iter().map(|x| x.name).collect::<Vec<_>>(), [Some("Kenji Arata"), Some("Kenji Arata")]);
}

#[test]
fn he_is_never_a_group_whose_words_were_carried() {
    // A quotation carried from "some analysts" leaves them in focus; a
    // later "he" still means no one of them.
    let src = story(
        "Views are divided, with some analysts predicting a move next year instead.\n\n\
         \"We expect a rise.\"\n\n\
         \"For others, we expect stagnation,\" he added.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("For others")).unwrap();
    assert_eq!(name(x), None);
}

#[test]
fn a_cue_closing_a_sentence_whose_quotation_had_its_own_cue_is_indirect_speech() {
    // CNN style: the quotation is the group's ("calling"); ", said the
    // researcher, X." is indirect speech that turns to X, whom "he" means.
    let src = story(
        "Hackers tied to a foreign government read Director Kal Peters's email, a person familiar with it confirmed.\n\n\
         What the group is calling a breach of \"impenetrable\" systems is in reality much more mundane, \
         said the researcher, Tom Belling.\n\n\
         \"This is someone's junk drawer,\" he said.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("This is")).unwrap();
    assert_eq!(name(x), Some("Tom Belling"));
}

#[test]
fn a_name_and_cue_closing_a_sentence_after_a_quotation_turn_to_that_name() {
    // AFP style: "..., Oral said." after a quotation "he said" had.
    let src = story(
        "Imam Dalil Obrecht welcomed the visit. The only sour note came from Aytac Oral.\n\n\
         \"The premier misled us\" when he said the pope backed the bid, Oral said.\n\n\
         \"There was no change,\" the researcher said.\n\n\
         \"There was only one reason for the visit,\" he said.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("There was only")).unwrap();
    assert_eq!(name(x), Some("Aytac Oral"));
}

#[test]
fn a_weak_cue_far_before_its_quotation_after_a_long_title_and_an_opening_phrase() {
    // CNN style: a long title and an opening phrase before the subject of
    // a weak cue far from its quotation.
    let src = story(
        "Hegseth and President Donald Trump have both said more casualties are likely.\n\n\
         Speaking to reporters on Monday, Chairman of the Joint Chiefs of Staff Gen. Dale Corry called \
         the service members killed in action \"the best that our nation has to offer.\"\n\n\
         \"Our condolences are with their families,\" he said.",
    );
    let qs = quotes(&src);
    assert_eq!(view(&qs).iter().map(|x| x.name).collect::<Vec<_>>(), [Some("Dale Corry"), Some("Dale Corry")]);
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("called"));
}

#[test]
fn a_weak_cue_far_in_a_clause_opened_by_after_is_not_the_quotations() {
    // "After X asked Trump whether ..., heresponded: Q" (words glued in
    // scraped copy): not the one who asked.
    let src = story(
        "After correspondent Anna Berg asked Trump whether the talks had produced a deal at all, \
         heresponded: \"They have agreed to everything.\"",
    );
    let qs = quotes(&src);
    assert_ne!(name(&qs[0]), Some("Anna Berg"));
}

#[test]
fn will_before_a_surname_is_a_first_name() {
    let src = story(
        "A watch set off speculation.\n\n\
         \"It is called a whoop,\" wrote Will Amend, the founder of the company that makes it.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Will Amend"));
    // Not in a headline's capitals.
    let src = "Pyongyang, May 5 (KCNA) -- The DPRK Will Never Give up Its Arms, said the \"statement\".\n";
    let qs = quotes(src);
    assert!(qs.iter().all(|x| name(x).is_none_or(|n| !n.contains("Will"))));
}

#[test]
fn the_paper_a_cue_named_is_its_speakers() {
    // CNN style: "according to a statement from police", then "the
    // statement read" after someone else was named.
    let src = story(
        "\"The site is secure,\" police said.\n\n\
         According to a statement from police, Tom Merrit was arrested and charged.\n\n\
         \"Merrit was booked into the jail,\" the statement read.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("Merrit")).unwrap();
    assert_eq!(name(x), Some("police"));
    // AFP style: "the X said in a report"; its head quoted after him.
    let src = story(
        "A crackdown on the press is illegal, the Nordic Commission of Jurists (NCJ) said in a report Wednesday.\n\n\
         \"It will chill the media,\" said NCJ secretary-general Lars Hovden.\n\n\
         \"Many provisions open the door to abuse,\" the report said.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("Many")).unwrap();
    assert_eq!(name(x), Some("Nordic Commission of Jurists"));
}

#[test]
fn a_person_after_a_bodys_possessive_speaks() {
    // BBC style: "said Ladbrokes' Warren Lush".
    let src = story(
        "Bookmakers Norbet says the singer has even odds of leaving the show.\n\n\
         \"It is going to be close,\" said Norbets' Warren Lusk.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Warren Lusk"));
}

#[test]
fn the_one_who_wrote_in_a_paper_speaks() {
    // KCNA style: "KCNA in a commentary asserts that ... "Q"".
    let src = "Pyongyang, May 5 (KCNA) -- Today's papers.\n\n\
               - A national contest for teaching design took place.\n\n\
               - The Minju Choson in a commentary asserts that the \"new era of cooperation\" \
               the three praise will only bring earlier the \"tripartite ruin\".\n";
    let qs = quotes(src);
    assert_eq!(name(&qs[0]), Some("The Minju Choson"));
}

#[test]
fn a_sentence_reporting_speech_of_its_own_does_not_attribute_the_quotation_before_it() {
    // BBC style: a quotation closing its sentence, then another person's
    // indirect speech ("said he had ...").
    let src = story(
        "Fellow Lib Dem Norman Bakers said the episode painted an \"unflattering picture of government\". \
         \"It is clear that the enthusiasm has turned to cynicism.\" Dr Julian Lewes, the Conservative \
         spokesman, said he had discovered a rise in shredding.",
    );
    let qs = quotes(&src);
    assert_eq!(
        qs[1].speaker.as_ref().and_then(|s| s.name.as_deref()).map(|n| n.ends_with("Norman Bakers")),
        Some(true)
    );
    // But "Q?" Name said during ...: the quotation's.
    let src = story("\"What right does that man have?\" Juan Miguel Gonzales said during a news conference.");
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Juan Miguel Gonzales"));
}

#[test]
fn a_paper_named_for_a_body_is_the_bodys() {
    // "the Hamas statement", "a foreign ministry statement", "The CENTCOM
    // release" (an acronym of a body named before): the body.
    let src = story("\"The crossing is watched by cameras,\" the Hamas statement said.");
    assert_eq!(name(&quotes(&src)[0]), Some("Hamas"));
    let src = story("\"They will help,\" said a foreign ministry statement released on Sunday.");
    assert_eq!(name(&quotes(&src)[0]), Some("foreign ministry"));
    let src = story(
        "US Southern Command said two boats were struck.\n\n\
         The SOUTHCOM release on Monday also said a base was hit \"during the first attacks.\"",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("US Southern Command"));
    // Not the kind of paper: "a news release".
    let src = story("Systems may be used, \"within limits,\" according to a news release.");
    assert_ne!(name(&quotes(&src)[0]), Some("news"));
}

#[test]
fn the_daily_is_the_news_medium_in_focus() {
    let src = story(
        "The Nordic Post was more circumspect, saying the ruling followed an \"imperfect\" trial.\n\n\
         \"Any execution is regrettable,\" the daily said.",
    );
    let qs = quotes(&src);
    let x = qs.iter().find(|x| x.text.starts_with("Any")).unwrap();
    assert_eq!(name(x), Some("The Nordic Post"));
}

#[test]
fn a_clipped_name_is_the_body_it_clips() {
    // "The Fed" after "the Federal Reserve"; not "Iran" for "the Iranian
    // High Command", nor "Olmert" for "Olmert's office".
    let src = story(
        "The Federal Reserve raised its key rate again.\n\n\
         The Fed said that \"the rise in energy costs may add to inflation.\"",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("The Federal Reserve"));
    let src = story(
        "The Iranian High Command issued a statement.\n\n\
         Iran said its forces had \"liberated\" the area.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Iran"));
}

#[test]
fn a_surname_misspelt_by_a_letter_more_or_less_is_the_person() {
    let src = story(
        "Danish Ambassador Tyge Lindmann presented the resolution.\n\n\
         \"Governments have promised to support it,\" Lindman said.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Tyge Lindmann"));
    let src = story(
        "Fund manager Matt Behrmann runs the fund.\n\n\
         \"It is possible the city has never seen this,\" Berhrmann said.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Matt Behrmann"));
}

#[test]
fn a_participle_later_does_not_take_a_quotation_from_a_cue_before_it() {
    // CNN style: "for claiming X has been Q, with supporters condemning".
    let src = story(
        "Jim Ratcliff, the co-owner of the club, sparked outrage for claiming the country has been \
         \"colonized by immigrants,\" with club supporters condemning his language as divisive.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Jim Ratcliff"));
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("claiming"));
}

#[test]
fn a_stray_comma_before_the_cue_after_a_speaker_of_a_body() {
    // BBC style: "Name from the Body, told the BBC".
    let src = story(
        "\"Everything is going digital,\" Kirsten Pfeffer from the Consumer Electronics Association, told the BBC.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Kirsten Pfeffer"));
    assert_eq!(qs[0].cue.as_ref().map(|c| c.as_str()), Some("told"));
}

#[test]
fn said_and_an_article_after_a_subject_report_speech_of_their_own() {
    // Reuters style: the quotation closes its sentence; the next one,
    // "X said the odds are ...", tells of something else.
    let src = story(
        "Paul Laxel, appearing on the program, \"This Week With Anna Berg,\" bluntly admitted \"the nomination \
         is in trouble.\" Committee Chairman Sam Nunne said the odds are now against confirmation.",
    );
    let qs = quotes(&src);
    assert_ne!(name(&qs[1]), Some("Sam Nunne"));
}

#[test]
fn a_description_after_a_paper_by_someone_in_its_sentence_is_the_author() {
    let src = story(
        "Harry quit after chairman Rupert Lowde refused an approach by counterpart Milan Mandic.\n\n\
         In an open letter by Mandic published in the Sunday Mirror the Pompey chairman said: \
         \"I never wanted Harry to leave.\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[0]), Some("Milan Mandic"));
}

#[test]
fn a_body_named_after_the_word_for_it_speaks_through_its_spokesman() {
    // BBC style: "group LNM, said ..." then "a spokesman told": the body's.
    let src = story(
        "One of the jilted bidders, Netherlands-based group LNX, said it welcomed the possibility.\n\n\
         \"We would look at it with great interest,\" a spokesman told BBC News.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("LNX"));
}

#[test]
fn mediators_are_a_group_and_their_statement_is_theirs() {
    let src = story(
        "Addis Ababa denies this.\n\n\
         International mediators have called on both parties to exercise restraint.\n\n\
         \"The parties are urged to keep to earlier agreements.\"",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("International mediators"));
    let src = story("\"The parties are urged to keep to earlier agreements,\" a mediators statement said.");
    assert_eq!(name(&quotes(&src)[0]), Some("mediators"));
}

#[test]
fn concurred_is_a_cue() {
    let src = story(
        "\"He is right to smile,\" said the Kolner Blatt.\n\n\
         Bild daily, the country's biggest selling newspaper, concurred: \"You are certainly lucky!\"",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("Bild"));
    assert_eq!(qs[1].cue.as_ref().map(|c| c.as_str()), Some("concurred"));
}

#[test]
fn a_spokesman_telling_of_a_body_is_the_one_he_means_later() {
    // Reuters style: "A Jefferies spokesman said the SEC had asked ...":
    // a capital later in the sentence does not hide him.
    let src = story(
        "Shares of Norvik Securities fell.\n\n\
         A Norvik spokesman said the SEC had asked for information.\n\n\
         \"We are not the target of an investigation,\" he said.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("A Norvik spokesman"));
}

#[test]
fn the_devout_shiite_is_a_description_not_a_name() {
    let src = story(
        "Prime Minister Ibrahim Jaffar defended his record at a news conference.\n\n\
         \"Iraq is today stronger,\" said the devout Shiite.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Ibrahim Jaffar"));
}

#[test]
fn a_first_name_used_alone_speaks_indirectly() {
    // AFP style: "Mahathir maintained" after "Mahathir Mohamad"; the
    // "he said" after it is his, not the protege's named in between.
    let src = story(
        "Former premier Mahathir Mohamed is revelling in the spotlight.\n\n\
         Anwar Ibrahin was freed in 2004 after six years behind bars.\n\n\
         But Mahathir maintained Saturday that although Anwar's conviction was overturned, he was not in the clear.\n\n\
         \"He is not fully innocent,\" he said.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Mahathir Mohamed"));
}

#[test]
fn a_cue_word_after_an_article_or_most_is_an_adjective() {
    // "one of the most feared leaders": no one is speaking.
    let src = story(
        "A woman known as Witness A gave testimony at the trial of Saddam Husein.\n\n\
         Saddam, for decades one of the most feared leaders in the region, is on trial.\n\n\
         \"They lifted my legs and tied my hands,\" said the witness.",
    );
    assert_ne!(name(&quotes(&src)[0]), Some("Saddam Husein"));
}

#[test]
fn a_medium_reporting_passes_on_the_words_of_the_one_who_said_them() {
    let src = story(
        "Prime Minister Recep Erdogen defended free speech.\n\n\
         He said, however, that the EU \"is trying to put our judiciary under pressure,\" Anatolia reported.",
    );
    assert_eq!(name(&quotes(&src)[0]), Some("Recep Erdogen"));
}

#[test]
fn someone_unnamed_described_at_length_is_the_she_that_follows() {
    let src = story(
        "\"We sat outside and played cards,\" Troy Browne said.\n\n\
         A local school bus attendant, who lives across town, stopped by with flowers.\n\n\
         \"We just wanted to do something,\" she told CNN.",
    );
    let qs = quotes(&src);
    assert_eq!(name(&qs[1]), Some("A local school bus attendant"));
}

/// The cue of the quotation starting `quote`, as printed.
fn cue_of(src: &str, quote: &str) -> Option<String> {
    let qs = quotes(src);
    let x = qs.iter().find(|x| x.text.starts_with(quote)).unwrap_or_else(|| panic!("no quotation {quote:?}"));
    x.cue.as_ref().map(|c| c.text.to_string())
}

#[test]
fn a_quotation_given_the_speaker_in_focus_takes_the_verb_of_its_own_sentence() {
    // No rule ties "assured" to a subject before the quotation inside its
    // clause; the speaker in focus speaks, and "assured" is the cue.
    let src = story(
        "Minister Per Olsen visited the harbour on Monday.\n\n\
         Patting a child on the head, Olsen assured the pupils that they formed a \"fine crew\".",
    );
    let (rule, name, _) = fired(&src, "fine crew");
    assert_eq!((rule, name.as_deref()), (AttributionRule::CueWithoutSubject, Some("Per Olsen")));
    assert_eq!(cue_of(&src, "fine crew").as_deref(), Some("assured"));
}

#[test]
fn a_participle_is_no_cue_of_its_own_sentence() {
    // "touted by", "been called": the words of the quotation's sentence
    // that only name it.
    let src = story(
        "Minister Per Olsen said on Monday the talks had failed.\n\n\
         The \"efforts for peace\" touted by the fleet are nothing but a show.\n\n\
         The deal had been called a \"fair share\" for years.",
    );
    for quote in ["efforts for peace", "fair share"] {
        let cue = cue_of(&src, quote);
        assert!(!matches!(cue.as_deref(), Some("touted" | "called")), "{quote:?}: {cue:?}");
    }
}

#[test]
fn a_plural_description_is_no_one_person_in_focus() {
    // "the judges said" after a person in focus: the judges, not that person.
    let src = story(
        "Prime Minister Per Olsen was questioned for six hours on Monday.\n\n\
         The judges said the hearing was \"useful for the inquiry\".",
    );
    let (_, name, _) = fired(&src, "useful for");
    assert_eq!(name.as_deref(), Some("The judges"));
    // One person described still is the person in focus.
    let src = story(
        "Prime Minister Per Olsen was questioned for six hours on Monday.\n\n\
         The minister said the hearing was \"useful for the inquiry\".",
    );
    let (_, name, _) = fired(&src, "useful for");
    assert_eq!(name.as_deref(), Some("Per Olsen"));
}

#[test]
fn a_subject_after_an_opening_conjunction_is_the_person_in_focus() {
    // "But Berg refused ...": Berg opens the sentence as much as "Berg
    // refused" would, and the "he" that follows is his.
    let src = story(
        "Judge Per Berg opened the trial on Monday, and defence lawyer Ola Sand asked for time.\n\n\
         Sand wanted time to petition the High Court.\n\n\
         But Berg refused the request.\n\n\
         \"There is no reason to wait for an order,\" he said.",
    );
    let (_, name, _) = fired(&src, "There is no reason");
    assert_eq!(name.as_deref(), Some("Per Berg"));
}

#[test]
fn someone_unnamed_from_a_place_and_described_is_the_he_that_follows() {
    // "One deckhand in Bergen, who ...": where they are from comes
    // between the description and its clause.
    let src = story(
        "Harbour union leader Ola Sand told reporters the crews were dealing with unpaid bills.\n\n\
         One deckhand in Bergen, who recently moved for the job, told Reuters he had to ask for more time.\n\n\
         \"More than I can express,\" he said.",
    );
    let (_, name, _) = fired(&src, "More than I can");
    assert_eq!(name.as_deref(), Some("One deckhand"));
}

#[test]
fn a_name_after_an_office_of_a_place_or_a_body_is_the_persons_alone() {
    // "Secretary of State Ines Varga": "State" is her office's, not her
    // name; the title keeps it. A lone first name before the surname
    // stands where a known one is ("Minister of Trade and Industry Olga
    // Berg"), two words from the end otherwise.
    let src = story(
        "Secretary of State Ines Varga met her counterparts in Oslo on Monday.\n\n\
         \"We will not wait for the summit,\" she said.\n\n\
         Archbishop of Tromso Lars Haugen said the talks were \"a sign of hope.\"\n\n\
         Minister of Trade and Industry Olga Berg told reporters: \"Prices will fall.\"",
    );
    let qs = quotes(&src);
    let of = |text: &str| {
        let q = qs.iter().find(|q| q.text.starts_with(text)).unwrap_or_else(|| panic!("no quotation {text:?}"));
        let s = q.speaker.as_ref().expect("a speaker");
        (s.name.as_deref().map(|n| n.to_string()), s.title.as_deref().map(|t| t.to_string()))
    };
    assert_eq!(of("We will not"), (Some("Ines Varga".into()), Some("Secretary of State".into())));
    assert_eq!(of("a sign of hope").0.as_deref(), Some("Lars Haugen"));
    assert_eq!(of("Prices will fall").0.as_deref(), Some("Olga Berg"));
}

#[test]
fn the_body_after_a_described_founder_is_not_cut_to_a_persons_name() {
    // "The founder of Bad Boy Records": its article says no name follows
    // the body, so no last two words are taken for one.
    let src = story(
        "The founder of Nordic Sound Records testified on Monday.\n\n\
         \"I paid for the hotel,\" the founder said.",
    );
    let (_, name, _) = fired(&src, "I paid for the hotel");
    assert_ne!(name.as_deref(), Some("Sound Records"));
}

#[test]
fn honorifics_and_ranks_without_a_full_stop_are_titles() {
    // "Sir John Bourn", "Lt Col Eric Schnaible": the name is the person's.
    let src = story(
        "Auditor General Sir Ian Lund said the accounts were late.\n\n\
         \"We found gaps,\" he said.\n\n\
         Lt Col Ola Sand told reporters: \"The base is secure.\"",
    );
    assert_eq!(fired(&src, "We found gaps").1.as_deref(), Some("Ian Lund"));
    assert_eq!(fired(&src, "The base is secure").1.as_deref(), Some("Ola Sand"));
}

#[test]
fn the_first_of_a_pair_of_people_is_met_too() {
    // "Socialist leader Lionel Jospin and Green leader Dominique Voynet
    // met": one mention, two people; a later surname finds either.
    let src = story(
        "Labour leader Ola Sand and Green leader Kari Berg met on Monday.\n\n\
         \"We agreed on the budget,\" Sand said.\n\n\
         \"Not on the roads,\" Berg said.",
    );
    assert_eq!(fired(&src, "We agreed").1.as_deref(), Some("Ola Sand"));
    assert_eq!(fired(&src, "Not on the roads").1.as_deref(), Some("Kari Berg"));
    // Not a plural word before a pair: no one is "All-Stars Per Lund".
    let src = story(
        "The club, playing without All-Stars Per Lund and Tor Dahl, lost on Monday.\n\n\
         \"We missed them,\" Lund said.",
    );
    assert_ne!(fired(&src, "We missed them").1.as_deref(), Some("All-Stars Per Lund"));
}

/// Each case, `(story body, the quotation's opening words, the speaker's
/// name)`, gives that speaker.
fn speakers_are(cases: &[(&str, &str, &str)]) {
    for &(body, quote, speaker) in cases {
        let src = story(body);
        assert_eq!(fired(&src, quote).1.as_deref(), Some(speaker), "{body}");
    }
}

#[test]
fn names_are_cut_to_the_person_or_the_body() {
    // (story body, the quotation's opening words, the speaker's name)
    let cases = [
        // "NASA's Reid Wiseman": the person, not the body's possessive.
        (
            "Fjord Air's Kari Nordmann said the fares would rise.\n\n\"We have no choice,\" she said.",
            "We have no choice",
            "Kari Nordmann",
        ),
        // "Russian Ambassador to Hanoi Gennady Bezdetko": the mention may
        // start after the "to"; the place is still the title's.
        (
            "Norwegian Ambassador to Hanoi Tor Dahl said trade had doubled.\n\n\"We expect more,\" Dahl said.",
            "We expect more",
            "Tor Dahl",
        ),
        // "Hu" after "Chinese President Hu Jintao": a family name of two
        // letters first.
        (
            "Chinese Premier Wu Banguo met the delegation on Monday.\n\n\"Trade will grow,\" Wu said.",
            "Trade will grow",
            "Wu Banguo",
        ),
        // "administrator", a title before a name.
        (
            "Former FAA Administrator Ola Sand warned of longer lines.\n\n\"It is a double problem,\" Sand told reporters.",
            "It is a double problem",
            "Ola Sand",
        ),
        // "according to international observers": a word before a group
        // noun.
        (
            "Ola Sand won the vote in 1995, in a poll with \"serious irregularities\" according to international observers.",
            "serious irregularities",
            "international observers",
        ),
        // "Marks & Spencer said": the body, not "Marks".
        (
            "Sales rose, the retailer said.\n\n\"We are pleased,\" said Fjord & Berg, the builder.",
            "We are pleased",
            "Fjord & Berg",
        ),
    ];
    speakers_are(&cases);
}

#[test]
fn subjects_found_past_a_place_word_a_new_group_or_a_preposition() {
    // (story body, the quotation's opening words, the speaker's name)
    let cases = [
        // "officials there said": "there" stands between the subject and
        // its cue, after a clause of its own.
        (
            "Fjord Ports said it would add cameras.\n\nThe queues were long, and officials there said \"nobody will be exempt.\"",
            "nobody will be exempt",
            "officials",
        ),
        (
            "The blast came at dawn, and residents here told reporters \"the windows shook.\"",
            "the windows shook",
            "residents",
        ),
        // Groups the lexicon did not have: members, media, users.
        (
            "Fjord Ports said it would add cameras.\n\nPassengers take off their shoes, and staff members said \"it is routine work.\"",
            "it is routine work",
            "staff members",
        ),
        (
            "The Fjord Ports authority closed the harbour.\n\nCommenting on the floods, foreign media described the scene as \"a sea of mud.\"",
            "a sea of mud",
            "foreign media",
        ),
        // A group after a preposition is no subject: the sentence's is.
        (
            "Lawyer Kari Nordmann posted a statement on social media Tuesday denying \"false rumors\" about her client.",
            "false rumors",
            "Kari Nordmann",
        ),
        // ... but "with" a group doing the speaking.
        (
            "The Fjord Forum ended on Thursday with participants urging \"more targeted efforts\" in schools.",
            "more targeted efforts",
            "participants",
        ),
        // A body's word after a lone capitalised word closes the name:
        // "Israeli army", not "Israeli".
        (
            "Talks ended.\n\nNorwegian army told to avoid \"unnecessary friction\" at the border.",
            "unnecessary friction",
            "Norwegian army",
        ),
        // "quoted him as saying" after the quotation: the one quoted.
        (
            "Deputy Minister Kari Nordmann visited schools on Monday.\n\n\"We need everyone's help,\" The Fjord Times newspaper quoted him as saying.",
            "We need everyone",
            "Kari Nordmann",
        ),
        // A lower-case title of a body, then the person in apposition.
        (
            "Talks ended.\n\nThe result was \"impressive\", according to secretary general of Fjord Aid, Per Lund, who visited.",
            "impressive",
            "Per Lund",
        ),
        // Papers in number, unnamed, speak as described.
        ("The ministry banned any firm found to be \"unfriendly\", according to reports.", "unfriendly", "reports"),
        // A plural in the possessive owns the description after it.
        (
            "The talks stalled on Friday.\n\nThe rebels' spokesman said \"we will not stop.\"",
            "we will not stop",
            "The rebels' spokesman",
        ),
        // The person named in apposition to a description opening the
        // sentence speaks through its participle.
        (
            "The talks stalled.\n\nThe rebels' foreign minister, Kari Nordmann, restated that position on Friday, saying \"the war goes on.\"",
            "the war goes on",
            "Kari Nordmann",
        ),
    ];
    speakers_are(&cases);
}
