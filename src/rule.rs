//! Why a quotation has its speaker: [`AttributionRule`], the rule that
//! decided, [`MentionRule`], how it found the mention, and [`Attribution`],
//! those with their evidence.

use std::fmt;

#[cfg(feature = "serde")]
use serde::{Serialize, Serializer};

use crate::Span;

/// Defines a rule enum, `$(#[$meta])*` its docs, its variants in the order
/// they are tried, each with its stable name; its `Display` and `Serialize`
/// as that name.
macro_rules! rules {
    ($(#[$meta:meta])* $enum:ident; $($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $enum {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $enum {
            /// Every rule, in the order they are tried.
            pub const ALL: &'static [$enum] = &[$($enum::$variant,)*];

            /// The rule's stable snake_case name.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $($enum::$variant => $name,)*
                }
            }
        }

        impl fmt::Display for $enum {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        #[cfg(feature = "serde")]
        impl Serialize for $enum {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}

rules! {
    /// The rule that attributed a quotation, named by its pattern.
    ///
    /// `Q` stands for the quotation. Print one (`Display`, or
    /// [`AttributionRule::name`]) for its stable snake_case name, which is
    /// also its JSON form. The rules are listed in [`AttributionRule::ALL`]
    /// roughly in the order they are tried: after the quotation, before it,
    /// then carried from elsewhere. New rules may be added in any release.
    ///
    /// ```
    /// use wirecopy::AttributionRule;
    /// let a = wirecopy::parse("Title\n\nMOSCOW. \"We stand for dialogue,\" Sergey Lavrov said.")?;
    /// let why = a.quotations[0].attribution.unwrap();
    /// assert_eq!(why.rule, AttributionRule::CueAfterQuote);
    /// assert_eq!(why.rule.to_string(), "cue_after_quote");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AttributionRule;
    /// `Q - Smith`: a name after a dash.
    SpeakerAfterDash = "speaker_after_dash",
    /// `Q, according to Smith`.
    AccordingToAfterQuote = "according_to_after_quote",
    /// `Q, said Smith`: the cue, then its speaker.
    InvertedCueAfterQuote = "inverted_cue_after_quote",
    /// `Q, Smith said`, `Q, Smith, a spokesman, said`, `Q, the head of state said`.
    CueAfterQuote = "cue_after_quote",
    /// `Q, the magazine quoted Ana Ruiz as saying`: the one quoted.
    QuotedAsSayingAfterQuote = "quoted_as_saying_after_quote",
    /// `Q, much less R, Smith said`: the attribution of the quotation a few
    /// words on.
    SharedWithNextQuote = "shared_with_next_quote",
    /// `identified by China as Q`: the passive's agent.
    PassiveAgent = "passive_agent",
    /// `was called Q by the judge`: the agent after the quotation.
    PassiveAgentAfterQuote = "passive_agent_after_quote",
    /// `Outlook quoted Ann Smith as saying Q`: the one quoted.
    QuotedAsSaying = "quoted_as_saying",
    /// `According to Smith, Q`.
    AccordingTo = "according_to",
    /// `Her family released a statement saying Q`: the paper's issuer.
    PaperIssuer = "paper_issuer",
    /// `Smith said: Q`, `Smith told reporters that Q`: the cue's subject.
    CueBeforeQuote = "cue_before_quote",
    /// `said Smith: Q`: the cue, then its speaker, before the quotation.
    InvertedCueBeforeQuote = "inverted_cue_before_quote",
    /// `Smith: Q`: a name before a colon.
    NameBeforeColon = "name_before_colon",
    /// `Smith criticized the law in a post on X: Q`: the subject of a cue
    /// before the place a colon follows.
    CueBeforePlaceColon = "cue_before_place_colon",
    /// `Q at Russia, according to Smith.`: later in the sentence.
    AccordingToLater = "according_to_later",
    /// `Q at Russia, Putin said.`: a cue later in the sentence.
    CueLaterInSentence = "cue_later_in_sentence",
    /// `Clara Voss urged voters who feel Q`: the sentence's subject.
    SentenceSubject = "sentence_subject",
    /// `... also warned against Q`: a cue with no subject of its own, the
    /// speaker in focus; also a reporting verb within ten words in the
    /// quotation's sentence that no rule tied to a subject (`Patting a
    /// child's head, Olsen assured them they were a "Q"`).
    CueWithoutSubject = "cue_without_subject",
    /// `The judge noted she was Q, according to the court order`: the one
    /// who noted it, not the source after.
    CueBeforeOverAccordingTo = "cue_before_over_according_to",
    /// `A spokesman said:` closing the paragraph before the one `Q` opens.
    ColonEndingPreviousParagraph = "colon_ending_previous_paragraph",
    /// `"A," he said. "B."`: the quotation before it in the paragraph.
    CarriedFromPreviousQuote = "carried_from_previous_quote",
    /// `"A," she said. The deal would "B."`: the quotation before it in the
    /// paragraph, though its sentence has a subject of its own; its cue the
    /// reporting verb of its own sentence, if any.
    CarriedPastOwnSubject = "carried_past_own_subject",
    /// A quotation running over paragraphs: the one before it in its first
    /// paragraph.
    CarriedIntoRunningQuote = "carried_into_running_quote",
    /// A paragraph of quotation alone, right after a quoted speaker; its cue
    /// the reporting verb of its own sentence, within ten words, if any.
    CarriedFromPreviousParagraph = "carried_from_previous_paragraph",
    /// `Lavrov said on Tuesday ... Q`: the speaker of indirect speech before
    /// it, still in focus, with that verb.
    IndirectSpeechInFocus = "indirect_speech_in_focus",
    /// No cue nor mention near it: the speaker in focus.
    SpeakerInFocus = "speaker_in_focus",
    /// A headline quoting words the story attributes later: that speaker.
    HeadlineEcho = "headline_echo",
}

rules! {
    /// How the speaker's mention was found, once the [`AttributionRule`]
    /// had its cue: the mention its pattern points at, or another the
    /// clause tells of ("Haldane, a senior party member, told": Haldane).
    ///
    /// Printed and serialised as a stable snake_case name. New rules may be
    /// added in any release.
    MentionRule;
    /// The mention the pattern points at: `Smith said`, `said Smith`.
    Direct = "direct",
    /// The person opening an appositive: `Haldane, a senior party member,
    /// told`; `the group's chairman, Arthur Bell, said`.
    Appositive = "appositive",
    /// The mention before an appositive: `Wackrow, a former agent who
    /// served under President Obama, said`.
    BeforeAppositive = "before_appositive",
    /// The person opening the clause of a description: `Anna Berg, director
    /// of sales at the Union, the main operator, said`.
    ClauseHead = "clause_head",
    /// The sentence's subject, not the object of a preposition before the
    /// cue: `Campaigners pushing to keep Britain in the market said`.
    SubjectOverPreposition = "subject_over_preposition",
    /// Who a relative clause tells of: `Brexit backers who have seen the
    /// documents told`.
    RelativeAntecedent = "relative_antecedent",
    /// A document speaks for itself: `..., a report said`.
    Document = "document",
    /// People in number: `a string of former guerrillas called`.
    Quantity = "quantity",
    /// A person named just before a description: `Jean-Paul De Vries of the
    /// Institute said`.
    NamedBefore = "named_before",
    /// The name in apposition to a description after an inverted cue: `said
    /// the church's rector, Reverend Robert Certain`.
    NameInApposition = "name_in_apposition",
    /// The issuer of a paper: `according to a statement by the Commission`,
    /// `Her family released a statement saying`.
    Issuer = "issuer",
    /// A name after words of description: `said law student Nayla Anid`,
    /// `said Chinese foreign ministry spokeswoman Jiang Yu`.
    Described = "described",
    /// What a name owns: `Ann Smith's filing stated`.
    Owned = "owned",
}

/// Why a quotation has its cue and speaker: the rule that decided and its
/// evidence, as spans of the input.
///
/// A quotation carried over from another (or from the speaker in focus)
/// keeps the evidence of the one it was carried from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[non_exhaustive]
pub struct Attribution {
    /// The rule that decided.
    pub rule: AttributionRule,
    /// The cue: "said".
    pub cue: Option<Span>,
    /// The mention of the speaker near the quotation: "he", "Lavrov".
    pub mention: Option<Span>,
    /// How that mention was found.
    pub mention_rule: Option<MentionRule>,
    /// Where the name the speaker resolved to was met, when not the mention
    /// itself: "Sergey Lavrov" for "he" or "Lavrov"; for a speaker carried
    /// over, where they were named.
    pub antecedent: Option<Span>,
    /// How sure the speaker is: see [`Confidence`].
    pub confidence: Confidence,
    /// The class the rule and the kind of mention alone give, before the
    /// rest of the article is weighed: one of the things `confidence` is
    /// computed from.
    pub prior: Confidence,
}

/// How sure an attribution's speaker is: a model fitted on annotated
/// samples weighs the class the rule alone gives (the attribution's
/// `prior`) with what the article says around the quotation.
///
/// Ordered: `Low < Medium < High`, so `confidence >= Confidence::High`
/// keeps only the surest.
///
/// The `prior` is set from each rule's precision on the samples read so far
/// (`python3 eval/confidence.py --gold <sample> --by feature`):
///
/// | prior | rules |
/// |---|---|
/// | `High` | a person's name given in full, "he" or "she", or a group tied to the quotation by its own cue (`Q, Smith said`, `Q, said Smith`, `Smith said: Q`, `according to Smith`), or carried from the quotation before it in the paragraph |
/// | `Medium` | an organisation or a description tied by its own cue ("the Harbour Board said", "said the minister"), a description ("the minister said"), a cue before the quotation with a pronoun, a cue later in the sentence, a paragraph of quotation after a quoted speaker, a quotation carried into a sentence with a subject of its own, indirect speech in focus; and, tied by their own cue, a name never given in full, "they" or "it", a news medium reporting, a paper ("the statement said") standing for the body or person in focus |
/// | `Low` | a guess: the speaker in focus with no cue, a document's issuer, a sentence's subject, a headline echoing the story, a description before an appositive |
///
/// The confidence adds to the prior the rule with the kind of mention, how
/// many words the speaker's name has, and whether the speech quotation
/// before has the same speaker (a body quoted twice by its own cue is
/// surer than once): a logistic model fitted by `python3
/// eval/calibrate.py` on the dev gold and the seven blind samples read
/// (3,729 speech quotations). `High` starts where, predicted out of sample
/// (each sample by a model fitted on the others), it is right 98 times in
/// 100; `Low` is right less often than not. Out of sample, and on the
/// seventh blind sample while it was still unread (a model fitted on the
/// seven samples before it):
///
/// | class | out of sample: right | share | seventh blind sample, unread: right | share |
/// |---|---|---|---|---|
/// | `High` | 0.980 | 0.60 | 0.962 | 0.59 |
/// | `Medium` | 0.755 | 0.37 | 0.718 | 0.37 |
/// | `Low` | 0.449 | 0.03 | 0.375 | 0.03 |
///
/// On copy nobody read, `high` is right about 94 to 96 times in 100 (the
/// fifth, sixth and seventh blind samples, whose speakers are right 81 to
/// 86 times in 100 overall).
/// A user counting who is quoted can keep `High` only, or drop `Low`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Confidence {
    /// A guess: right less often than not.
    #[default]
    Low,
    /// Usually right.
    Medium,
    /// Right 98 times in 100 out of sample on the samples it was fitted on;
    /// about 94 on copy nobody read (see the table above).
    High,
}

impl Confidence {
    /// The class of an attribution by `rule`, with a mention found by
    /// `mention` and of `kind` (`None`: no speaker).
    #[must_use]
    pub(crate) fn of(rule: AttributionRule, mention: Option<MentionRule>, kind: Option<crate::MentionKind>) -> Self {
        use crate::MentionKind as K;
        use AttributionRule as R;
        use MentionRule as M;
        let Some(kind) = kind else { return Self::Low };
        let tied = matches!(mention, Some(M::Direct | M::BeforeAppositive | M::Appositive | M::ClauseHead));
        // Organisations and descriptions tied by their own cue are right
        // about 93 and 81 times in 100 on the read samples (a body named by
        // its acronym or its description, "said the minister" meaning
        // someone else): `Medium`.
        match rule {
            R::CarriedFromPreviousQuote | R::CarriedIntoRunningQuote => Self::High,
            R::CueAfterQuote | R::AccordingTo | R::AccordingToAfterQuote
                if matches!(kind, K::Name | K::Pronoun | K::Group) && tied =>
            {
                Self::High
            }
            // "Q, said nurse Anna Berg": an inverted cue binds the name after it.
            R::InvertedCueAfterQuote if kind == K::Name && (tied || mention == Some(M::Described)) => Self::High,
            R::CueBeforeQuote | R::InvertedCueBeforeQuote if kind == K::Name && tied => Self::High,
            R::SpeakerInFocus | R::HeadlineEcho | R::CueWithoutSubject | R::SentenceSubject => Self::Low,
            R::CarriedFromPreviousParagraph if mention.is_none() => Self::Low,
            _ if mention == Some(M::Document) => Self::Low,
            R::CueBeforeQuote if kind == K::Description => Self::Low,
            _ => Self::Medium,
        }
    }

    /// The class's stable snake_case name: `high`, `medium`, `low`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
