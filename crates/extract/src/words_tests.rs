//! The hygiene test of the word lists under `crates/extract/words/`, and the lookups that read
//! them.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use super::{PLAIN, SECTIONED};
use crate::lexicon::{self, Gender};
use crate::tokens::Doc;

/// The subset rules the file headers state: every entry of the first list is in the second.
const SUBSETS: &[(&str, &str)] = &[
    ("reporting_clause", "cues"),
    ("reporting_that_clause", "cues"),
    ("reporting_closing", "cues"),
    ("continuation_cues", "cues"),
    ("naming_cues", "cues"),
    ("addressing_verbs", "cues"),
    ("role_heads", "role_nouns"),
    ("articles", "determiners"),
    ("indefinite_articles", "determiners"),
    ("predicate_auxiliaries", "auxiliaries"),
    ("be_forms", "auxiliaries"),
    ("linking_words", "sentence_function_words"),
    ("relative_time_words", "time_openers"),
    ("org_aliases", "countries"),
    ("law_heads", "org_heads"),
    ("legal_sides", "org_heads"),
    ("generic_org_heads", "org_heads"),
    ("newspaper_descriptions", "org_heads"),
    ("company_descriptions", "org_heads"),
    ("campaign_nouns", "org_heads"),
    ("voiced_documents", "source_documents"),
    ("reply_verbs", "cues"),
    ("asking_verbs", "cues"),
    ("kin_nouns", "people_nouns"),
];

/// The disjointness rules the file headers state: no entry is in both lists.
const DISJOINT: &[(&str, &str)] = &[
    ("reporting_clause", "reporting_that_clause"),
    ("reporting_clause", "reporting_closing"),
    ("reporting_that_clause", "reporting_closing"),
    ("back_verbs", "cues"),
    ("after_quote_cues", "cues"),
    ("finding_verbs", "cues"),
    ("people_nouns", "role_nouns"),
    ("people_nouns", "role_heads"),
    ("pronouns", "first_names"),
    ("verb_like_extras", "finite_verbs"),
    ("non_name_capitals", "role_nouns"),
    ("non_name_capitals", "people_nouns"),
    ("non_name_capitals", "org_heads"),
    ("non_name_capitals", "places"),
    ("non_name_capitals", "countries"),
];

/// Sectioned lists whose sections stand for a gender.
const GENDERED: &[&str] = &["first_names", "honorifics"];

/// The entries of a list, plain or sectioned.
fn entries(name: &str) -> Vec<&'static str> {
    if let Some((_, list)) = PLAIN.iter().find(|(n, _)| *n == name) {
        return list.entries().collect();
    }
    match SECTIONED.iter().find(|(n, _)| *n == name) {
        Some((_, list)) => list.entries().map(|(_, entry)| entry).collect(),
        None => panic!("a rule names the list {name:?}, which does not exist"),
    }
}

/// Tells whether the tokenizer reads `entry` as one word whose lowercase form is `entry`: a list
/// lookup only ever sees such words, so any other entry could never match.
fn one_token(entry: &str) -> bool {
    let chars: Vec<char> = entry.chars().collect();
    let doc = Doc::new(&chars);
    doc.tokens.len() == 1 && doc.is_word(0) && doc.lower(0) == entry
}

/// Lowercase, one token, not repeated: the rules for every entry that is one word.
fn check_words<'a>(name: &str, words: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for word in words {
        if word != word.to_lowercase() {
            problems.push(format!("{name}: {word:?} is not lowercase"));
        } else if !one_token(word) {
            problems.push(format!("{name}: {word:?} is not one token, so no lookup can match it"));
        }
        if !seen.insert(word) {
            problems.push(format!("{name}: {word:?} is listed twice"));
        }
    }
}

/// A phrase of `max` words at most, each one token, separated by single spaces.
fn check_phrase(name: &str, phrase: &str, max: usize, problems: &mut Vec<String>) {
    let words: Vec<&str> = phrase.split(' ').collect();
    if words.len() > max || words.iter().any(|w| w.is_empty() || *w != w.to_lowercase() || !one_token(w)) {
        problems.push(format!("{name}: {phrase:?} is not up to {max} lowercase words of one token each"));
    }
}

#[test]
fn word_lists_are_clean() {
    let mut problems = Vec::new();

    // Every file is declared in `words.rs`, and so goes through the checks below.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let declared: BTreeSet<String> =
        PLAIN.iter().map(|(n, _)| *n).chain(SECTIONED.iter().map(|(n, _)| *n)).map(|n| format!("{n}.txt")).collect();
    let undeclared: Vec<&String> = on_disk.difference(&declared).collect();
    let missing: Vec<&String> = declared.difference(&on_disk).collect();
    assert!(
        undeclared.is_empty() && missing.is_empty(),
        "files under words/ not declared in words.rs: {undeclared:?}; declared but missing: {missing:?}"
    );

    for (name, list) in PLAIN {
        check_words(name, list.entries(), &mut problems);
    }
    for (name, list) in SECTIONED {
        let mut labels = Vec::new();
        for (label, entry) in list.entries() {
            if label.is_empty() {
                problems.push(format!("{name}: {entry:?} comes before any [section]"));
            }
            if labels.last() != Some(&label) {
                labels.push(label);
            }
        }
        match *name {
            "country_bigrams" => {
                let bigrams: Vec<&str> = list.entries().map(|(_, e)| e).collect();
                for bigram in &bigrams {
                    if bigram.split(' ').count() != 2 {
                        problems.push(format!("{name}: {bigram:?} is not two words"));
                    }
                    check_phrase(name, bigram, 2, &mut problems);
                }
                let unique: HashSet<&str> = bigrams.iter().copied().collect();
                if unique.len() != bigrams.len() {
                    problems.push(format!("{name}: an entry is listed twice"));
                }
            }
            "role_synonyms" => {
                let heads: Vec<&str> = labels.iter().flat_map(|l| l.split(' ')).collect();
                check_words("role_synonyms heads", heads.iter().copied(), &mut problems);
                let role_heads: HashSet<&str> =
                    entries("role_heads").into_iter().chain(entries("people_nouns")).collect();
                for head in heads.iter().filter(|h| !role_heads.contains(**h)) {
                    problems.push(format!("{name}: the head {head:?} is not a role head"));
                }
                for label in &labels {
                    let phrases: Vec<&str> = list.entries().filter(|(l, _)| l == label).map(|(_, p)| p).collect();
                    for phrase in &phrases {
                        check_phrase(name, phrase, 4, &mut problems);
                    }
                    if phrases.iter().collect::<HashSet<_>>().len() != phrases.len() {
                        problems.push(format!("{name}: a phrase is listed twice under [{label}]"));
                    }
                }
            }
            _ => check_words(name, list.entries().map(|(_, e)| e), &mut problems),
        }
        if GENDERED.contains(name) {
            for label in labels.iter().filter(|l| !matches!(**l, "male" | "female")) {
                problems.push(format!("{name}: [{label}] is not [male] or [female]"));
            }
        }
    }

    // The tokenizer asks about the word before a period, so an abbreviation has none of its own.
    for abbreviation in entries("abbreviations").iter().filter(|a| a.ends_with('.')) {
        problems.push(format!("abbreviations: {abbreviation:?} ends in a period"));
    }
    for (part, whole) in SUBSETS {
        let in_whole: HashSet<&str> = entries(whole).into_iter().collect();
        for word in entries(part).into_iter().filter(|w| !in_whole.contains(w)) {
            problems.push(format!("{part}: {word:?} is not in {whole}"));
        }
    }
    for (a, b) in DISJOINT {
        let in_b: HashSet<&str> = entries(b).into_iter().collect();
        for word in entries(a).into_iter().filter(|w| in_b.contains(w)) {
            problems.push(format!("{word:?} is in both {a} and {b}"));
        }
    }
    assert!(problems.is_empty(), "word list problems:\n{}", problems.join("\n"));
}

/// The lookups answer from the files: plain lists, gendered sections, countries, bigrams, role
/// synonyms and articles.
#[test]
fn lookups_read_the_files() {
    assert!(lexicon::is_cue("said") && !lexicon::is_cue("shot"));
    assert!(lexicon::is_finite_verb("knew") && lexicon::is_finite_verb("didn’t") && !lexicon::is_finite_verb("spoke."));
    // Comment lines and blank lines are not entries.
    assert!(!lexicon::is_cue("") && !lexicon::is_cue("#"));
    assert!(lexicon::is_role_noun("justices") && lexicon::is_role_head("justices") && lexicon::is_role_noun("senior"));
    assert!(!lexicon::is_role_head("senior"));
    let reports = ["said", "warned", "retorted", "spoke"].map(lexicon::reporting_verb);
    assert_eq!(
        reports,
        [Some(lexicon::Reports::Clause), Some(lexicon::Reports::ThatClause), Some(lexicon::Reports::Closing), None]
    );
    let genders = ["hillary", "stephen", "maria", "jordan"].map(lexicon::first_name_gender);
    assert_eq!(genders, [Gender::Female, Gender::Male, Gender::Female, Gender::Unknown]);
    let honorifics = ["mr.", "dame", "dr."].map(lexicon::honorific_gender);
    assert_eq!(honorifics, [Gender::Male, Gender::Female, Gender::Unknown]);
    let countries = ["kremlin’s", "u.s.", "hezbollah", "paris", "berlin", "ohio"].map(lexicon::country_of_word);
    assert_eq!(
        countries,
        [Some("Russia"), Some("United States"), Some("Lebanon"), Some("France"), Some("Germany"), None]
    );
    assert_eq!(lexicon::country_of_bigram("white", "house"), Some("United States"));
    assert_eq!(lexicon::country_of_bigram("north", "koreans"), Some("North Korea"));
    assert_eq!(lexicon::country_of_bigram("house", "white"), None);
    assert_eq!(
        lexicon::role_synonyms("diplomats"),
        ["diplomat", "foreign minister", "secretary of state", "ambassador", "envoy"]
    );
    assert_eq!(lexicon::role_synonyms("senator"), ["senator", "sen."]);
    assert!(lexicon::role_synonyms("mayor").is_empty());
    let texts =
        ["the senator", "The senator", "An envoy", "a spokesman", "THE senator", "then X", "Andrew", "the", " the x"];
    let stripped = texts.map(lexicon::strip_article);
    assert_eq!(
        stripped,
        ["senator", "senator", "envoy", "spokesman", "THE senator", "then X", "Andrew", "the", " the x"]
    );
}
