//! News agencies named in dateline tags.

use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::{Serialize, Serializer};

macro_rules! agencies {
    ($($variant:ident => $name:literal $(| $alias:literal)*;)*) => {
        /// A news agency, as named by a dateline tag (`(Reuters)`, `/TASS/`, `(AP)`).
        ///
        /// Aliases map to one canonical name ("Reuter" and "REUTERS" are
        /// [`Agency::Reuters`]); a tag outside the list is kept as
        /// [`Agency::Other`] with its text as printed.
        ///
        /// ```
        /// use wirecopy::Agency;
        /// assert_eq!("ITAR-TASS".parse::<Agency>(), Ok(Agency::Tass));
        /// assert_eq!(Agency::Tass.to_string(), "TASS");
        /// assert_eq!("BusinessDesk".parse::<Agency>(), Ok(Agency::Other("BusinessDesk".into())));
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Agency {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
            /// A tag outside the known list, as printed.
            Other(String),
        }

        /// Every name and alias with its agency, in list order.
        const NAMES: &[(&str, Agency)] = &[$(($name, Agency::$variant), $(($alias, Agency::$variant),)*)*];

        impl Agency {
            /// The canonical name ("AP", "Reuters", "TASS"; `Other` as printed).
            #[must_use]
            pub fn name(&self) -> &str {
                match self {
                    $(Agency::$variant => $name,)*
                    Agency::Other(s) => s,
                }
            }

            /// The known agency named by `tag` (canonical name or alias, any case).
            #[must_use]
            pub fn known(tag: &str) -> Option<Agency> {
                /// For each lower-cased first byte, and for each length, the
                /// set of names (bit `k` for `NAMES[k]`) opening with it or
                /// that long: most words meet none in both.
                const BY_FIRST: [u128; 256] = {
                    assert!(NAMES.len() <= 128, "the agency table holds 128 names");
                    let mut table = [0u128; 256];
                    let mut k = 0;
                    while k < NAMES.len() {
                        table[NAMES[k].0.as_bytes()[0].to_ascii_lowercase() as usize] |= 1 << k;
                        k += 1;
                    }
                    table
                };
                const BY_LENGTH: [u128; 64] = {
                    let mut table = [0u128; 64];
                    let mut k = 0;
                    while k < NAMES.len() {
                        assert!(NAMES[k].0.len() < 64, "agency names are under 64 bytes");
                        table[NAMES[k].0.len()] |= 1 << k;
                        k += 1;
                    }
                    table
                };
                // Tags seldom need trimming: printable ASCII at both ends says so.
                let graphic = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
                let bytes = tag.as_bytes();
                let tag = if graphic(bytes.first()) && graphic(bytes.last()) { tag } else { tag.trim() };
                let &first = tag.as_bytes().first()?;
                let &same_length = BY_LENGTH.get(tag.len())?;
                // The names in list order: the first match is the list's.
                let mut set = same_length & BY_FIRST[usize::from(first.to_ascii_lowercase())];
                while set != 0 {
                    let (name, agency) = &NAMES[set.trailing_zeros() as usize];
                    if tag.eq_ignore_ascii_case(name) {
                        return Some(agency.clone());
                    }
                    set &= set - 1;
                }
                None
            }
        }
    };
}

agencies! {
    Ap => "AP" | "Associated Press" | "The Associated Press";
    Reuters => "Reuters" | "Reuter" | "Thomson Reuters";
    Afp => "AFP" | "Agence France-Presse" | "Agence France Presse";
    Tass => "TASS" | "ITAR-TASS" | "ITAR TASS";
    Xinhua => "Xinhua" | "Xinhua News Agency";
    Kcna => "KCNA" | "Korean Central News Agency";
    Interfax => "Interfax";
    RiaNovosti => "RIA Novosti" | "RIA";
    Sputnik => "Sputnik";
    Yonhap => "Yonhap" | "Yonhap News Agency";
    Kyodo => "Kyodo" | "Kyodo News";
    Jiji => "Jiji" | "Jiji Press";
    Pti => "PTI" | "Press Trust of India";
    Ians => "IANS";
    Ani => "ANI";
    Upi => "UPI" | "United Press International";
    Dpa => "dpa" | "Deutsche Presse-Agentur";
    Efe => "EFE";
    Ansa => "ANSA";
    Anadolu => "Anadolu" | "AA" | "Anadolu Agency";
    Bernama => "Bernama";
    Antara => "Antara" | "ANTARA News";
    Pna => "PNA";
    App => "APP";
    Aap => "AAP";
    Pa => "PA" | "Press Association";
    Cp => "CP" | "Canadian Press" | "The Canadian Press";
    Kna => "KNA";
    Apa => "APA";
    PrensaLatina => "Prensa Latina" | "PL";
    Lusa => "Lusa";
    Ntb => "NTB";
    Tt => "TT";
    Cna => "CNA";
    Wam => "WAM" | "Emirates News Agency";
    Spa => "SPA";
    Irna => "IRNA" | "Islamic Republic News Agency";
    Belta => "BelTA";
    Ukrinform => "Ukrinform";
    Bloomberg => "Bloomberg";
    Cnn => "CNN";
    Bbc => "BBC";
    Mena => "MENA" | "Middle East News Agency";
    Wafa => "WAFA";
    Nina => "NINA";
    Nnn => "NNN";
    Kuna => "KUNA";
    Petra => "Petra";
    Bta => "BTA";
    Tasr => "TASR";
    Hina => "Hina";
    Uni => "UNI";
    Vna => "VNA";
    Ipp => "IPP";
    Bcn => "BCN" | "Bay City News";

}

/// For each lower-cased first byte of a name, its second bytes: bit `b - 'a'`
/// for a letter, bit 31 for anything else.
const OPENINGS: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut k = 0;
    while k < NAMES.len() {
        let name = NAMES[k].0.as_bytes();
        if name.len() >= 2 {
            table[name[0].to_ascii_lowercase() as usize] |= 1 << letter_bit(name[1]);
        }
        k += 1;
    }
    table
};

const fn letter_bit(b: u8) -> u32 {
    let b = b.to_ascii_lowercase();
    if b.is_ascii_lowercase() { (b - b'a') as u32 } else { 31 }
}

/// Whether a known name or alias of two bytes or more may open `text`, from
/// its first two bytes (any case): a cheap test before a word is read and
/// looked up, since most words name no agency.
pub(crate) fn may_open_name(text: &[u8]) -> bool {
    match text {
        [first, second, ..] => OPENINGS[usize::from(first.to_ascii_lowercase())] & (1 << letter_bit(*second)) != 0,
        _ => false,
    }
}

impl Agency {
    /// The agency named by `tag`: a known one, else [`Agency::Other`] as printed.
    #[must_use]
    pub fn from_tag(tag: &str) -> Agency {
        Agency::known(tag).unwrap_or_else(|| Agency::Other(tag.trim().to_owned()))
    }

    /// Whether this is a known agency (not [`Agency::Other`]).
    #[must_use]
    pub fn is_known(&self) -> bool {
        !matches!(self, Agency::Other(_))
    }
}

impl fmt::Display for Agency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of [`Agency::from_str`]: the text was empty or not a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected an agency name, found empty or bracketed text")]
pub struct ParseAgencyError;

impl FromStr for Agency {
    type Err = ParseAgencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() || s.contains(['(', ')', '/', '\n']) {
            return Err(ParseAgencyError);
        }
        Ok(Agency::from_tag(s))
    }
}

#[cfg(feature = "serde")]
impl Serialize for Agency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_map_to_canonical_names() {
        assert_eq!(Agency::from_tag("Reuter"), Agency::Reuters);
        assert_eq!(Agency::from_tag("REUTERS"), Agency::Reuters);
        assert_eq!(Agency::from_tag("Associated Press"), Agency::Ap);
        assert_eq!(Agency::from_tag("Canadian Press").name(), "CP");
        assert_eq!(Agency::from_tag("tca"), Agency::Other("tca".into()));
    }

    #[test]
    fn known_in_any_case_and_with_blanks() {
        assert_eq!(Agency::known(" korean central news agency "), Some(Agency::Kcna));
        assert_eq!(Agency::known("aa"), Some(Agency::Anadolu));
        assert_eq!(Agency::known("rIa"), Some(Agency::RiaNovosti));
        assert_eq!(Agency::known("BBC"), Some(Agency::Bbc));
        assert_eq!(Agency::known(""), None);
        assert_eq!(Agency::known("Reutersx"), None);
        assert_eq!(Agency::known(&"A".repeat(70)), None);
    }

    #[test]
    fn every_name_passes_the_opening_test() {
        for (name, _) in NAMES {
            assert!(may_open_name(name.as_bytes()), "{name}");
            assert!(may_open_name(name.to_uppercase().as_bytes()), "{name}");
        }
        assert!(!may_open_name(b"Pyongyang"));
        assert!(!may_open_name(b"A"));
    }

    #[test]
    fn display_and_from_str_round_trip() {
        for a in [Agency::Ap, Agency::Tass, Agency::Dpa, Agency::Other("BusinessDesk".into())] {
            assert_eq!(a.to_string().parse::<Agency>(), Ok(a));
        }
        assert_eq!("".parse::<Agency>(), Err(ParseAgencyError));
    }
}
