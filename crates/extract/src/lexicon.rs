//! Word lists that stand in for a part-of-speech tagger.
//!
//! Every lookup takes a lowercase word. The words themselves live in plain files under
//! `crates/extract/words/` (see `words`); this module gives them names and meanings. The lists
//! are small on purpose: a word missing there makes the extractor miss an attribution, while a
//! wrong word there makes it invent one.
//!
//! Two things stay in code. Sets of punctuation and quote characters, next to the scans that use
//! them: they are the tokenizer's and the mark scanner's alphabet, not vocabulary. And single
//! words a rule is about ("according" before "to", "back" after "shot", "he" for a man): a
//! comparison with one word is the rule itself, not a list.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::{self, BuildWordHasher};

/// Speech verbs and other cues that introduce reported speech.
pub(crate) fn is_cue(word: &str) -> bool {
    words::CUES.contains(word)
}

/// How a reporting verb introduces reported speech without quote marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reports {
    /// "said", "told": the clause may follow with or without "that".
    Clause,
    /// "warned", "denied": only "that" makes the next words a clause ("warned of", "denied the
    /// charge" are not reported speech).
    ThatClause,
    /// "continued", "replied": only in a closing ", she replied."
    Closing,
}

/// The reporting verbs that may carry a paraphrase, and how. Fewer than the quote cues: a cue
/// next to quote marks is speech whatever the verb, a verb without them has to say so itself.
pub(crate) fn reporting_verb(word: &str) -> Option<Reports> {
    if words::REPORTING_CLAUSE.contains(word) {
        return Some(Reports::Clause);
    }
    if words::REPORTING_THAT_CLAUSE.contains(word) {
        return Some(Reports::ThatClause);
    }
    words::REPORTING_CLOSING.contains(word).then_some(Reports::Closing)
}

/// Words that open a phrase before the subject: "In an interview,", "On Tuesday,", "Asked about
/// the plan,".
pub(crate) fn is_intro_word(word: &str) -> bool {
    words::INTRO_WORDS.contains(word)
}

/// The ones a speaker tells: "told reporters", "told the crowd".
pub(crate) fn is_addressee(word: &str) -> bool {
    words::ADDRESSEES.contains(word)
}

/// Words that do not open a reported clause after "said": "said to", "said of", "said nothing",
/// "said whether", "said in" (a place or medium).
pub(crate) fn opens_no_clause(word: &str) -> bool {
    words::NO_CLAUSE_AFTER_SAID.contains(word)
}

/// Words that make a run of words a clause: auxiliaries, modals, negations and common
/// irregular past tenses ("the plan would fail", "he knew").
pub(crate) fn is_finite_verb(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t") || words::FINITE_VERBS.contains(word)
}

/// Cues that say the speaker of this quote is the speaker of the previous one.
pub(crate) fn is_continuation_cue(word: &str) -> bool {
    words::CONTINUATION_CUES.contains(word)
}

/// Cues that put the speaker after them ("according to X").
pub(crate) fn is_reversed_only_cue(word: &str) -> bool {
    word == "according"
}

/// Words that may stand between a subject and its cue ("Trump has also said").
pub(crate) fn is_auxiliary(word: &str) -> bool {
    words::AUXILIARIES.contains(word)
}

pub(crate) fn is_determiner(word: &str) -> bool {
    words::DETERMINERS.contains(word)
}

/// Lowercase words that may sit inside a noun phrase naming a speaker.
pub(crate) fn is_connector(word: &str) -> bool {
    words::CONNECTORS.contains(word)
}

/// Nouns for people by office or function; they make a description a speaker.
pub(crate) fn is_role_noun(word: &str) -> bool {
    words::PEOPLE_NOUNS.contains(word) || words::ROLE_NOUNS.contains(word)
}

/// Role nouns that name a person (as opposed to modifiers such as "senior" or "press").
pub(crate) fn is_role_head(word: &str) -> bool {
    words::PEOPLE_NOUNS.contains(word) || words::ROLE_HEADS.contains(word)
}

/// Groups of role heads that may name the same office ("top diplomat" for a foreign minister).
pub(crate) fn role_synonyms(head: &str) -> &'static [&'static str] {
    static BY_HEAD: OnceLock<HashMap<&'static str, Vec<&'static str>, BuildWordHasher>> = OnceLock::new();
    let by_head = BY_HEAD.get_or_init(|| {
        let mut by_head: HashMap<&'static str, Vec<&'static str>, BuildWordHasher> = HashMap::default();
        for (heads, phrase) in words::ROLE_SYNONYMS.entries() {
            for head in heads.split(' ') {
                by_head.entry(head).or_default().push(phrase);
            }
        }
        by_head
    });
    by_head.get(head).map_or(&[], Vec::as_slice)
}

/// Capitalized words that are not part of a person's name.
pub(crate) fn is_non_name_capital(word: &str) -> bool {
    is_role_noun(word)
        || is_org_head(word)
        || is_place(word)
        || words::NON_NAME_CAPITALS.contains(word)
        || country_of_word(word).is_some()
}

/// Heads of organisation names ("State Department", "Foreign Ministry", "the Kremlin").
pub(crate) fn is_org_head(word: &str) -> bool {
    words::ORG_HEADS.contains(word)
}

/// US states and cities that often stand where a name could ("a rally in Grand Rapids").
pub(crate) fn is_place(word: &str) -> bool {
    words::PLACES.contains(word)
}

/// Prepositions after which a capitalized phrase is a place or an object, never a subject.
pub(crate) fn is_preposition(word: &str) -> bool {
    words::PREPOSITIONS.contains(word)
}

/// Lowercase particles inside personal names ("Staffan de Mistura", "Ursula von der Leyen").
pub(crate) fn is_name_particle(word: &str) -> bool {
    words::NAME_PARTICLES.contains(word)
}

/// Days as a time after or before a verb ("said Tuesday", "Obama on Sunday said").
pub(crate) fn is_day(word: &str) -> bool {
    words::DAYS.contains(word)
}

/// Periods that follow "last" or "this" ("last week").
pub(crate) fn is_period(word: &str) -> bool {
    words::PERIODS.contains(word)
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    words::PRONOUNS.contains(word)
}

/// Capitalized words that start sentences without naming anyone.
pub(crate) fn is_sentence_function_word(word: &str) -> bool {
    words::SENTENCE_FUNCTION_WORDS.contains(word)
}

/// Honorifics that tell a person's gender.
pub(crate) fn honorific_gender(word: &str) -> Gender {
    Gender::from_label(words::HONORIFICS.label_of(word))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Gender {
    /// The gender a section of `first_names` or `honorifics` stands for.
    fn from_label(label: Option<&str>) -> Gender {
        match label {
            Some("male") => Gender::Male,
            Some("female") => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// Guesses gender from a first name; a short list of common names is enough to break ties.
pub(crate) fn first_name_gender(word: &str) -> Gender {
    Gender::from_label(words::FIRST_NAMES.label_of(word))
}

/// Abbreviations whose final period does not end a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    words::ABBREVIATIONS.contains(word)
}

/// A country (or bloc) that a word points to: nationality, country, capital or institution.
pub(crate) fn country_of_word(word: &str) -> Option<&'static str> {
    words::COUNTRIES.label_of(word)
}

/// Two-word names of countries and US institutions.
pub(crate) fn country_of_bigram(first: &str, second: &str) -> Option<&'static str> {
    static PAIRS: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        words::COUNTRY_BIGRAMS
            .entries()
            .filter_map(|(country, entry)| entry.split_once(' ').map(|(a, b)| (a, b, country)))
            .collect()
    });
    pairs.iter().find(|(a, b, _)| *a == first && *b == second).map(|(_, _, country)| *country)
}

/// `text` without a leading article ("the senator" → "senator", "A spokesman" → "spokesman").
/// An article counts in lowercase or with a capital initial, followed by a space.
pub(crate) fn strip_article(text: &str) -> &str {
    let Some((head, rest)) = text.split_once(' ') else {
        return text;
    };
    // The first word with its initial in lowercase, on the stack: articles are short.
    let mut buf = [0u8; 8];
    let Some(lowered) = buf.get_mut(..head.len()).filter(|b| !b.is_empty()) else {
        return text;
    };
    lowered.copy_from_slice(head.as_bytes());
    lowered[0] = lowered[0].to_ascii_lowercase();
    match std::str::from_utf8(lowered) {
        Ok(word) if words::ARTICLES.contains(word) => rest,
        _ => text,
    }
}
