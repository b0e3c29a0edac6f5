//! The extractor's word lists: one plain file each under `crates/extract/words/`, compiled in
//! with `include_str!` and parsed into a hash set on first use.
//!
//! A list file holds one lowercase entry a line, as the tokenizer reads a word ("sen." with the
//! period it keeps, "kremlin’s" with its apostrophe). Lines that start with `#` are comments:
//! each file opens with a header that says what the list is for, where it is used and which
//! rules tie it to other lists. Blank lines are skipped. A sectioned file (`first_names`,
//! `countries`, …) groups its entries under `[label]` lines, and a lookup answers with the label.
//!
//! The test `words::tests::word_lists_are_clean` checks every file: each entry lowercase, one
//! token, not repeated, and the subset and disjointness rules the headers state.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: list entries are a few bytes long, where it beats the default SipHash several times
/// over, and the lists are fixed, so no one can pick keys that collide.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// A plain word list. A hash set answers `contains` with one hash and one compare, where a
/// `matches!` over a long list compiles to one string compare per entry.
pub(crate) struct WordList {
    source: &'static str,
    set: OnceLock<LengthsAndSet>,
}

/// The entries, and the shortest and longest entry's length: most words looked up are in no
/// list, and the lengths turn many of them away before any hashing.
struct LengthsAndSet {
    shortest: usize,
    longest: usize,
    set: HashSet<&'static str, BuildWordHasher>,
}

impl WordList {
    const fn new(source: &'static str) -> WordList {
        WordList { source, set: OnceLock::new() }
    }

    /// Tells whether `word` (lowercase) is listed.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let list = self.set.get_or_init(|| LengthsAndSet {
            shortest: self.entries().map(str::len).min().unwrap_or(0),
            longest: self.entries().map(str::len).max().unwrap_or(0),
            set: self.entries().collect(),
        });
        (list.shortest..=list.longest).contains(&word.len()) && list.set.contains(word)
    }

    /// The entries in file order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = &'static str> {
        content_lines(self.source)
    }
}

/// A word list in sections, each under a `[label]` line.
pub(crate) struct SectionedList {
    source: &'static str,
    labels: OnceLock<HashMap<&'static str, &'static str, BuildWordHasher>>,
}

impl SectionedList {
    const fn new(source: &'static str) -> SectionedList {
        SectionedList { source, labels: OnceLock::new() }
    }

    /// The label of the section that lists `word` (lowercase), if any.
    #[inline]
    pub(crate) fn label_of(&self, word: &str) -> Option<&'static str> {
        self.labels.get_or_init(|| self.entries().map(|(label, entry)| (entry, label)).collect()).get(word).copied()
    }

    /// Every entry with the label of its section, in file order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        let mut label = "";
        content_lines(self.source).filter_map(move |line| {
            match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                Some(new_label) => {
                    label = new_label;
                    None
                }
                None => Some((label, line)),
            }
        })
    }
}

/// The lines of a list file that are neither blank nor comments.
fn content_lines(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Declares each list file as a static, and, for the hygiene test, the table of all of them.
macro_rules! lists {
    (plain { $($name:ident = $file:literal),* $(,)? } sectioned { $($sname:ident = $sfile:literal),* $(,)? }) => {
        $(pub(crate) static $name: WordList = WordList::new(include_str!(concat!("../words/", $file, ".txt")));)*
        $(pub(crate) static $sname: SectionedList =
            SectionedList::new(include_str!(concat!("../words/", $sfile, ".txt")));)*
        #[cfg(test)]
        pub(crate) static PLAIN: &[(&str, &WordList)] = &[$(($file, &$name)),*];
        #[cfg(test)]
        pub(crate) static SECTIONED: &[(&str, &SectionedList)] = &[$(($sfile, &$sname)),*];
    };
}

lists! {
    plain {
        ABBREVIATIONS = "abbreviations",
        ADDRESSEES = "addressees",
        ADDRESSING_VERBS = "addressing_verbs",
        AFTER_QUOTE_CUES = "after_quote_cues",
        AFTER_VERB_PREPOSITIONS = "after_verb_prepositions",
        ARTICLES = "articles",
        ASKING_VERBS = "asking_verbs",
        AUXILIARIES = "auxiliaries",
        BACK_VERBS = "back_verbs",
        BE_FORMS = "be_forms",
        CLAUSE_JOINERS = "clause_joiners",
        COMPANY_DESCRIPTIONS = "company_descriptions",
        COMPANY_HEADS = "company_heads",
        CAMPAIGN_NOUNS = "campaign_nouns",
        CLAUSE_START_WORDS = "clause_start_words",
        COLON_INTRO_WORDS = "colon_intro_words",
        CONNECTORS = "connectors",
        CONTENT_CUT_WORDS = "content_cut_words",
        CONTINUATION_CUES = "continuation_cues",
        COORDINATORS = "coordinators",
        CUES = "cues",
        DAY_PARTS = "day_parts",
        DAYS = "days",
        DETERMINERS = "determiners",
        FINDING_VERBS = "finding_verbs",
        FINITE_VERBS = "finite_verbs",
        INDEFINITE_ARTICLES = "indefinite_articles",
        GENERIC_ORG_HEADS = "generic_org_heads",
        INTERRUPTING_VERBS = "interrupting_verbs",
        INTRO_WORDS = "intro_words",
        ISSUING_VERBS = "issuing_verbs",
        KIN_NOUNS = "kin_nouns",
        LAW_HEADS = "law_heads",
        LEGAL_SIDES = "legal_sides",
        LINKING_WORDS = "linking_words",
        MEDIA_LINKS = "media_links",
        NAME_PARTICLES = "name_particles",
        NAME_SUFFIXES = "name_suffixes",
        MONTHS = "months",
        NAMING_CUES = "naming_cues",
        NAMING_NOUNS = "naming_nouns",
        NEWSPAPER_DESCRIPTIONS = "newspaper_descriptions",
        NEWSPAPER_HEADS = "newspaper_heads",
        NEWS_OUTLETS = "news_outlets",
        NO_CLAUSE_AFTER_SAID = "no_clause_after_said",
        NON_NAME_CAPITALS = "non_name_capitals",
        NOT_PLAIN_BEFORE_VERB = "not_plain_before_verb",
        OBJECT_PREPOSITIONS = "object_prepositions",
        OBJECT_PRONOUNS = "object_pronouns",
        ORG_ALIASES = "org_aliases",
        ORG_HEADS = "org_heads",
        ORG_NAME_JOINERS = "org_name_joiners",
        PEOPLE_NOUNS = "people_nouns",
        PERIODS = "periods",
        PLACES = "places",
        POSSESSIVE_DETERMINERS = "possessive_determiners",
        PREDICATE_AUXILIARIES = "predicate_auxiliaries",
        PREPOSITIONS = "prepositions",
        PRESENT_SUBJECTS = "present_subjects",
        PRONOUNS = "pronouns",
        QUANTIFIERS = "quantifiers",
        RELATIVE_THINGS = "relative_things",
        RELATIVE_TIME_WORDS = "relative_time_words",
        RELATIVE_WORDS = "relative_words",
        REPLY_VERBS = "reply_verbs",
        REPORTING_CLAUSE = "reporting_clause",
        REPORTING_CLOSING = "reporting_closing",
        REPORTING_THAT_CLAUSE = "reporting_that_clause",
        ROLE_HEADS = "role_heads",
        ROLE_NOUNS = "role_nouns",
        SENTENCE_FUNCTION_WORDS = "sentence_function_words",
        SERVING_PREPOSITIONS = "serving_prepositions",
        SOURCE_DOCUMENTS = "source_documents",
        SPEECH_MEDIA = "speech_media",
        SPOKES_ROLES = "spokes_roles",
        SUBJECT_OPENERS = "subject_openers",
        TERM_VERBS = "term_verbs",
        TIME_ADVERBS = "time_adverbs",
        TIME_OPENERS = "time_openers",
        TITLE_SMALL_WORDS = "title_small_words",
        TITLE_WORDS = "title_words",
        TRAILING_WORDS = "trailing_words",
        VERB_LIKE_EXTRAS = "verb_like_extras",
        VOICED_DOCUMENTS = "voiced_documents",
    }
    sectioned {
        COUNTRIES = "countries",
        COUNTRY_BIGRAMS = "country_bigrams",
        FIRST_NAMES = "first_names",
        HONORIFICS = "honorifics",
        ROLE_SYNONYMS = "role_synonyms",
    }
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
