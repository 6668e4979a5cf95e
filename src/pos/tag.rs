//! The Penn Treebank tag set as UD English EWT uses it (its XPOS column), and the map to
//! Universal POS tags.

/// A Penn Treebank part-of-speech tag (EWT's XPOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum Tag {
    /// `$`
    Dollar,
    /// `` `` `` (an opening quotation mark)
    OpenQuote,
    /// `''` (a closing quotation mark)
    CloseQuote,
    /// `,`
    Comma,
    /// `-LRB-`
    LRB,
    /// `-RRB-`
    RRB,
    /// `.` (sentence-final punctuation)
    Period,
    /// `:` (colon, semicolon, dash, ellipsis)
    Colon,
    /// `#`
    Hash,
    ADD,
    AFX,
    CC,
    CD,
    DT,
    EX,
    FW,
    GW,
    HYPH,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    NFP,
    NN,
    NNP,
    NNPS,
    NNS,
    PDT,
    POS,
    PRP,
    /// `PRP$`
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    /// `WP$`
    WPS,
    WRB,
    XX,
}

/// Every tag, in the enum's order.
pub const ALL: &[Tag] = &[
    Tag::Dollar,
    Tag::OpenQuote,
    Tag::CloseQuote,
    Tag::Comma,
    Tag::LRB,
    Tag::RRB,
    Tag::Period,
    Tag::Colon,
    Tag::Hash,
    Tag::ADD,
    Tag::AFX,
    Tag::CC,
    Tag::CD,
    Tag::DT,
    Tag::EX,
    Tag::FW,
    Tag::GW,
    Tag::HYPH,
    Tag::IN,
    Tag::JJ,
    Tag::JJR,
    Tag::JJS,
    Tag::LS,
    Tag::MD,
    Tag::NFP,
    Tag::NN,
    Tag::NNP,
    Tag::NNPS,
    Tag::NNS,
    Tag::PDT,
    Tag::POS,
    Tag::PRP,
    Tag::PRPS,
    Tag::RB,
    Tag::RBR,
    Tag::RBS,
    Tag::RP,
    Tag::SYM,
    Tag::TO,
    Tag::UH,
    Tag::VB,
    Tag::VBD,
    Tag::VBG,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
    Tag::WDT,
    Tag::WP,
    Tag::WPS,
    Tag::WRB,
    Tag::XX,
];

/// Universal POS tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(clippy::upper_case_acronyms)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }
}

impl Tag {
    /// The tag as EWT writes it (`NN`, `PRP$`, `-LRB-`, `` `` ``).
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Dollar => "$",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::Comma => ",",
            Tag::LRB => "-LRB-",
            Tag::RRB => "-RRB-",
            Tag::Period => ".",
            Tag::Colon => ":",
            Tag::Hash => "#",
            Tag::ADD => "ADD",
            Tag::AFX => "AFX",
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::DT => "DT",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::GW => "GW",
            Tag::HYPH => "HYPH",
            Tag::IN => "IN",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::LS => "LS",
            Tag::MD => "MD",
            Tag::NFP => "NFP",
            Tag::NN => "NN",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::NNS => "NNS",
            Tag::PDT => "PDT",
            Tag::POS => "POS",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::RP => "RP",
            Tag::SYM => "SYM",
            Tag::TO => "TO",
            Tag::UH => "UH",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::WDT => "WDT",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WRB => "WRB",
            Tag::XX => "XX",
        }
    }

    /// The tag written as EWT writes it.
    pub fn parse(s: &str) -> Option<Tag> {
        ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// The index of the tag in [`ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Common noun, singular or plural (`NN`, `NNS`).
    pub fn is_common_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS)
    }

    /// Any noun, proper nouns included.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Any verb form (`VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ`); modals are not included.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// Punctuation, quotation marks and brackets.
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::OpenQuote
                | Tag::CloseQuote
                | Tag::Comma
                | Tag::LRB
                | Tag::RRB
                | Tag::Period
                | Tag::Colon
                | Tag::HYPH
                | Tag::NFP
        )
    }

    /// The Universal POS tag this Penn tag maps to. The Penn tag does not tell auxiliaries from
    /// main verbs, nor subordinating conjunctions from prepositions: see [`Tag::upos_of`], which
    /// also reads the word.
    pub fn upos(self) -> Upos {
        match self {
            Tag::Dollar | Tag::Hash | Tag::SYM => Upos::SYM,
            Tag::OpenQuote
            | Tag::CloseQuote
            | Tag::Comma
            | Tag::LRB
            | Tag::RRB
            | Tag::Period
            | Tag::Colon
            | Tag::HYPH
            | Tag::NFP => Upos::PUNCT,
            Tag::ADD | Tag::FW | Tag::GW | Tag::LS | Tag::XX => Upos::X,
            Tag::AFX | Tag::JJ | Tag::JJR | Tag::JJS => Upos::ADJ,
            Tag::CC => Upos::CCONJ,
            Tag::CD => Upos::NUM,
            Tag::DT | Tag::PDT | Tag::WDT => Upos::DET,
            Tag::EX | Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS => Upos::PRON,
            Tag::IN => Upos::ADP,
            Tag::MD => Upos::AUX,
            Tag::NN | Tag::NNS => Upos::NOUN,
            Tag::NNP | Tag::NNPS => Upos::PROPN,
            Tag::POS | Tag::TO => Upos::PART,
            Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB => Upos::ADV,
            Tag::RP => Upos::ADP,
            Tag::UH => Upos::INTJ,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ => Upos::VERB,
        }
    }

    /// The Universal POS tag of `word` (any case) tagged `self`, closer to EWT's UPOS than
    /// [`Tag::upos`]: forms of "be" are `AUX` (as in EWT, where they nearly always are; "have"
    /// and "do" stay `VERB`, as the Penn tag cannot tell), subordinators tagged `IN` are
    /// `SCONJ`, and "not" / "n't" are `PART`.
    pub fn upos_of(self, word: &str) -> Upos {
        let lower = word.to_lowercase().replace('’', "'");
        let w = lower.as_str();
        match self.upos() {
            Upos::VERB
                if matches!(
                    w,
                    "be" | "is"
                        | "am"
                        | "are"
                        | "was"
                        | "were"
                        | "been"
                        | "being"
                        | "'s"
                        | "'re"
                        | "'m"
                ) =>
            {
                Upos::AUX
            }
            Upos::ADP
                if self == Tag::IN
                    && matches!(
                        w,
                        "that"
                            | "if"
                            | "because"
                            | "while"
                            | "whether"
                            | "although"
                            | "though"
                            | "since"
                            | "unless"
                            | "once"
                            | "so"
                            | "whereas"
                            | "till"
                            | "cause"
                    ) =>
            {
                Upos::SCONJ
            }
            Upos::ADV if matches!(w, "not" | "n't" | "nt") => Upos::PART,
            u => u,
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_index_in_order() {
        for (i, t) in ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Tag::parse("PRP$"), Some(Tag::PRPS));
        assert_eq!(Tag::parse("nope"), None);
    }

    #[test]
    fn upos_map() {
        assert_eq!(Tag::NNS.upos(), Upos::NOUN);
        assert_eq!(Tag::VBZ.upos_of("is"), Upos::AUX);
        assert_eq!(Tag::VBZ.upos_of("states"), Upos::VERB);
        assert_eq!(Tag::IN.upos_of("because"), Upos::SCONJ);
        assert_eq!(Tag::IN.upos_of("of"), Upos::ADP);
        assert_eq!(Tag::RB.upos_of("n't"), Upos::PART);
    }
}
