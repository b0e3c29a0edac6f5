//! Statements across outlets, for the multi-outlet Coverage view: which quotes in a collection of
//! articles are the same statement (`match_statements`), whether two speaker names are the same
//! person (`same_speaker`), and how the wordings of one statement differ (`compare_wordings`).
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM, and assumes no language.
//!
//! # Words
//!
//! A text is cut into words: runs of letters, digits and combining marks. An apostrophe or a hyphen
//! between two word characters stays inside the word ("don’t", "counter-terrorism"), as do a full
//! stop between two letters or digits ("U.S.", "3.5") and a comma between two digits ("1,000").
//! Everything else (spaces, punctuation, quote marks, dashes, ellipses) separates words. Han
//! characters and kana are one word each, since Chinese and Japanese put no spaces between words.
//!
//! Words compare by a key: lower-cased, without the apostrophes, hyphens, stops and commas kept
//! inside them (so "counterterrorism" = "counter-terrorism", "US" = "U.S.", "don’t" = "don't"),
//! without accents on Latin and Greek letters, Hebrew points and Arabic vowel marks ("Medvédev" =
//! "Medvedev", "ё" = "е"), with "ß" as "ss", "æ" as "ae", "œ" as "oe", final "ς" as "σ" and
//! full-width Latin letters and digits as ASCII. So quote marks, dashes, ellipses, punctuation,
//! case and accents never count as differences.
//!
//! A *content word* is one that can tell statements apart: a word with a digit, a Han character,
//! or a word of at least four characters that is not in `STOPWORDS` (longer function words of a
//! few languages, such as "that", "dans", "нужно"). Shorter words are mostly function words in
//! every language written with spaces.
//!
//! # Same speaker
//!
//! Names are cut into words the same way (Han characters are not split); titles and offices
//! before a name ("Mr.", "President", "Foreign Minister", "Secretary of State") are dropped when
//! a name is left ("Prime Minister" stays), and so is a trailing "Jr.", "Sr.", "II", "III" or
//! "IV". "Mr." is never the same person as "Mrs.", "Ms." or "Miss", and a name left with one word
//! by its title matches only a last word ("King Salman" is not "Salman Rushdie"). Two names are the same person when their words are equal;
//! or when one is a single word that is the other's first or last word ("Power" ~ "Samantha Power",
//! "Xi" ~ "Xi Jinping"); or when both have the same last word and the given names of the shorter
//! appear in order among the other's, a given name matching an equal one, its initial ("S." ~
//! "Samantha") or, for names of four letters or more starting with the same letter, one differing
//! by one letter (transliterations: "Sergei" ~ "Sergey"). So "Paul Power" is not "Samantha Power".
//! An empty name is nobody: its quotes match nothing.
//!
//! # Same statement
//!
//! Two quotes are compared by the longest common subsequence (LCS) of their words, which also
//! counts how many of those common words are content words. They are the same statement when:
//!
//! - their speakers are the same person, and
//! - their words are equal (at least one content word among them), or
//! - at least `MIN_SHARED_CONTENT` (3) content words are common, and the common words are at least
//!   `MIN_RATIO_PERCENT` (70 %) of the *shorter* quote's words, and, when they are less than half
//!   of the longer quote, at least `MIN_SHARED_CONTENT_PARTIAL` (5) content words are common.
//!
//! The ratio over the shorter quote lets a cut version or a partial quote match its full version
//! (all its words are in the longer one) and a different translation match with a few words
//! swapped. Two different statements on one subject share a few words but not most of the shorter
//! one's. The content-word minimums keep short generic fragments apart: "it is not difficult" has
//! one content word, so it joins neither a longer statement containing it nor anything but the same
//! four words. A quote that is contained in a longer one joins it as a cut when it is a substantial
//! part of it: half of it or more, or five content words or more, which a reporter quoting part of
//! a sentence gives and a stock phrase does not.
//!
//! # Grouping
//!
//! Every pair that matches gets a score, `common / shorter + common / longer` (2 for equal words).
//! Pairs are taken best first, and joining two groups needs the groups' *representatives* to
//! match, every speaker of one to be the same person as every speaker of the other, and two quotes
//! of the same article to be near-identical (common words at least `NEAR_IDENTICAL_PERCENT`
//! (90 %) of the longer: a quote repeated in the headline and the body). A group's representative
//! is its most central quote: the one with the highest sum of scores with the other members, then
//! the longest, then the earliest. So it is the full wording most outlets agree on rather than a
//! cut, a partial quote or an outlier translation. The representative rule lets two partial quotes
//! of different parts of one long statement join the full statement, while a short quote that
//! matches two different long statements cannot chain them into one (the first long statement it
//! joins becomes its group's representative, and the second does not match it). The speaker rule
//! keeps "Samantha Power" and "Paul Power" apart even though both match a bare "Power". A partial
//! quote and the full quote in the same article stay apart: an article quoting itself twice says
//! two things.
//!
//! Quotes are first put in buckets of speakers that could be the same person, and within a bucket
//! only pairs with enough content words in common (an index of content words) are compared, so the
//! work grows with the number of real candidates, not with the square of the collection.
//!
//! # Wordings
//!
//! `compare_wordings` takes the versions of one statement. The *reference* is the most common
//! wording (equal words), ties going to the one with more words, then to the first. Each version
//! is aligned with the reference by the LCS of its words (common prefix and suffix first, then a
//! table over the rest, up to `MAX_ALIGN_WORDS` words each; beyond that only the prefix and suffix
//! match). Then, in each version:
//!
//! - a word is `Same` when the reference word it is aligned with is present in every version, and
//!   `Differs` otherwise (a word the reference lacks, a word another version lacks or words
//!   another version replaces);
//! - a zero-width `Gap` marks where other versions have words this one lacks and this one shows no
//!   `Differs` words of its own: reference words it dropped, or words another version added. It
//!   sits after the spaces and quote marks before the next word, or, at the end of the text,
//!   right after the last word's punctuation.
//!
//! With two versions this is exactly symmetric: the words marked in one are the words the other
//! lacks, and where one has a run of extra words the other has a `Gap` (or, for replaced words,
//! its own `Differs` words). Punctuation touching a word (up to the nearest space or quote mark)
//! goes with the word, and the spaces between two `Differs` words are `Differs`, so a dropped
//! sentence reads as one piece with its full stop; other spaces, quote marks and punctuation are
//! `Same`. A gap at the end of a text sits before its closing quote marks. The pieces of a version
//! concatenate to its text exactly.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// One quote to match: which article (an index into the collection), which quote (an index in that
/// article), the speaker's display name (a name only, such as "Samantha Power" or "Power") and its
/// text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteRef<'a> {
    pub article: usize,
    pub quote: usize,
    pub speaker: &'a str,
    pub text: &'a str,
}

/// A statement: the quotes that say the same thing, as indices into the slice given to
/// `match_statements`, in input order. Every input quote is in exactly one statement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    pub members: Vec<usize>,
}

/// One version of a statement, cut into pieces that say which words the other versions share.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wording {
    pub pieces: Vec<Piece>,
}

/// A run of a version's text; concatenating a wording's pieces gives the version back exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub kind: PieceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// Words every version has, and the spaces and punctuation around them.
    Same,
    /// Words some version lacks or words differently.
    Differs,
    /// Zero-width (empty text): other versions have words here that this one lacks.
    Gap,
}

/// Content words two quotes must share to be one statement.
const MIN_SHARED_CONTENT: usize = 3;
/// Content words a quote must share with a longer one when the common words are less than half of
/// the longer: a partial quote, not a stock phrase.
const MIN_SHARED_CONTENT_PARTIAL: usize = 5;
/// Common words, in per cent of the shorter quote's words, for two quotes to be one statement.
const MIN_RATIO_PERCENT: usize = 70;
/// Common words, in per cent of the longer quote's words, for two quotes of one article to be one
/// statement (the same quote repeated).
const NEAR_IDENTICAL_PERCENT: usize = 90;
/// Beyond this many words (after the common prefix and suffix), the LCS table would cost too much
/// time and memory (2,000 × 2,000 cells), and only the common prefix and suffix are matched.
const MAX_ALIGN_WORDS: usize = 2000;
/// Words this long or longer are content words unless they are stopwords.
const MIN_CONTENT_CHARS: usize = 4;

/// Function words of four characters or more, as keys (lower case, no accents), in byte order.
/// Shorter words never count as content words, so they need no entry. English, French, Spanish,
/// German and Russian. (Kept wrapped: rustfmt would give each word a line.)
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "aber", "about", "after", "also", "auch", "aussi", "avec", "avoir", "because", "been", "before", "being", "both",
    "cette", "comme", "como", "could", "dans", "dass", "does", "durch", "each", "eine", "einem", "einen", "einer",
    "elle", "elles", "entre", "esta", "estan", "este", "esto", "estos", "etait", "etre", "fait", "from", "haben",
    "have", "here", "into", "just", "leur", "leurs", "mais", "more", "most", "muss", "must", "nach", "nicht", "noch",
    "nous", "oder", "only", "other", "ours", "over", "para", "parce", "pero", "plus", "porque", "pour", "sans", "shall",
    "should", "sich", "sobre", "some", "sont", "sous", "such", "tambien", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "todo", "tous", "tout", "tres", "uber", "upon", "very", "vous", "well",
    "wenn", "were", "what", "when", "where", "which", "while", "will", "wird", "with", "would", "your", "будет", "были",
    "было", "если", "есть", "когда", "которая", "которые", "который", "может", "нужно", "очень", "потому", "также",
    "только", "чтобы", "этого", "этой", "этом", "этот",
];

/// Name words dropped from the end of a name.
const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];
/// Titles and offices that may open a name ("Mr. Putin", "Foreign Minister Sergei Lavrov",
/// "Secretary of State John Kerry"): dropped before names are compared.
const NAME_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "of",
    "state",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "gen",
    "general",
    "col",
    "lt",
    "adm",
    "admiral",
    "chancellor",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "rev",
    "judge",
    "justice",
];

// ---------------------------------------------------------------------------------------------
// Words

/// A word of a text: its byte range and its key.
struct Word {
    start: usize,
    end: usize,
    key: String,
}

/// Cuts `text` into words (see the module doc). With `split_ideographs`, each Han character and
/// kana is a word of its own.
fn words(text: &str, split_ideographs: bool) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut push = |from: usize, to: usize| {
        let (start, end) = (byte_at(from), byte_at(to));
        let key = word_key(&text[start..end]);
        if !key.is_empty() {
            out.push(Word { start, end, key });
        }
    };
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if split_ideographs && is_ideograph(c) {
            if let Some(from) = open.take() {
                push(from, i);
            }
            let mut end = i + 1;
            while chars.get(end).is_some_and(|&(_, m)| is_ideograph_mark(m)) {
                end += 1;
            }
            push(i, end);
            i = end;
            continue;
        }
        if is_word_char(c) {
            open.get_or_insert(i);
        } else if open.is_some() && joins_word(&chars, i) {
            // An inner apostrophe, hyphen, stop or comma: the word goes on.
        } else if let Some(from) = open.take() {
            push(from, i);
        }
        i += 1;
    }
    if let Some(from) = open {
        push(from, chars.len());
    }
    out
}

/// Whether the character at `i`, just after a word character, keeps the word going.
fn joins_word(chars: &[(usize, char)], i: usize) -> bool {
    let (Some(&(_, prev)), Some(&(_, next))) = (i.checked_sub(1).and_then(|p| chars.get(p)), chars.get(i + 1)) else {
        return false;
    };
    match chars[i].1 {
        '.' => prev.is_alphanumeric() && next.is_alphanumeric(),
        ',' => prev.is_numeric() && next.is_numeric(),
        c => is_inner_joiner(c) && is_word_char(next),
    }
}

/// Apostrophes, hyphens and invisible characters, which join two word characters.
fn is_inner_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '\u{FF07}'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{00AD}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_dropped_mark(c) || is_mark_of_complex_script(c) || is_ideograph_mark(c)
}

/// Combining marks that a key drops: accents on Latin, Greek and Cyrillic letters, Hebrew points
/// and cantillation, Arabic vowel marks, variation selectors.
fn is_dropped_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}')
}

/// The signs of Indic, Thai, Lao, Myanmar and Khmer letters (viramas, vowel signs), which are
/// part of words but not all alphabetic; the scripts' punctuation is left out. A key keeps them.
fn is_mark_of_complex_script(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0DFF}' | '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
        && !c.is_whitespace()
        && !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}' | '\u{104A}' | '\u{104B}')
        && !('\u{17D4}'..='\u{17DA}').contains(&c)
}

/// Quote marks, which never count as a word's own punctuation: the quote marks of
/// `text::is_quote_mark`, and the East Asian brackets and full-width marks, which only word
/// splitting needs.
fn is_quote_mark(c: char) -> bool {
    crate::text::is_quote_mark(c)
        || matches!(c, '\u{300C}'..='\u{300F}' | '\u{301D}'..='\u{301F}' | '\u{FF02}' | '\u{FF07}')
}

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Han characters and kana: one word each.
fn is_ideograph(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}'
            | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9D}')
}

/// Marks that belong to the ideograph or kana before them (voicing marks, variation selectors).
fn is_ideograph_mark(c: char) -> bool {
    matches!(c, '\u{3099}' | '\u{309A}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// A word's key: what it compares as (see the module doc).
fn word_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    for c in word.chars().filter(|&c| !is_inner_joiner(c) && c != '.' && c != ',') {
        for lower in c.to_lowercase() {
            push_folded(&mut key, lower);
        }
    }
    key
}

/// Appends a lower-case character as a key has it: accents dropped, ligatures spelt out.
fn push_folded(key: &mut String, c: char) {
    if is_dropped_mark(c) || c == '\u{0640}' {
        return;
    }
    let c = match c {
        // Full-width digits and Latin letters.
        '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let base = match c {
        'ß' => return key.push_str("ss"),
        'æ' => return key.push_str("ae"),
        'œ' => return key.push_str("oe"),
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        'ё' => 'е',
        other => other,
    };
    key.push(base);
}

fn is_content_key(key: &str) -> bool {
    key.chars().any(|c| c.is_numeric() || is_han(c))
        || (key.chars().count() >= MIN_CONTENT_CHARS && STOPWORDS.binary_search(&key).is_err())
}

/// Word keys as numbers, so that comparing two words is comparing two integers.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    /// For each id: whether the word is a content word.
    content: Vec<bool>,
}

impl Vocabulary {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.content.len() as u32;
        self.content.push(is_content_key(key));
        self.ids.insert(key.to_owned(), id);
        id
    }

    fn ids(&mut self, words: &[Word]) -> Vec<u32> {
        words.iter().map(|w| self.id(&w.key)).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Longest common subsequence

fn common_prefix(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u32], b: &[u32]) -> usize {
    a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count()
}

/// The lengths of the common prefix and of the common suffix of what is left.
fn split_common(a: &[u32], b: &[u32]) -> (usize, usize) {
    let prefix = common_prefix(a, b);
    let suffix = common_suffix(&a[prefix..], &b[prefix..]);
    (prefix, suffix)
}

fn fits_table(a: &[u32], b: &[u32]) -> bool {
    !a.is_empty() && !b.is_empty() && a.len() <= MAX_ALIGN_WORDS && b.len() <= MAX_ALIGN_WORDS
}

/// The LCS of two word sequences: how many words are common, and how many of those are content
/// words (the LCS with the most content words among the longest). Two rows of the table.
fn common_words(a: &[u32], b: &[u32], content: &[bool]) -> (usize, usize) {
    let (prefix, suffix) = split_common(a, b);
    let count_content = |words: &[u32]| words.iter().filter(|&&w| content[w as usize]).count();
    let mut common = prefix + suffix;
    let mut common_content = count_content(&a[..prefix]) + count_content(&a[a.len() - suffix..]);
    let (a, b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if fits_table(a, b) {
        // Each cell packs (common words << 16) + common content words, so the maximum is the
        // longest subsequence first and the one with the most content words second.
        let mut previous = vec![0u32; b.len() + 1];
        let mut current = vec![0u32; b.len() + 1];
        for &x in a {
            for (j, &y) in b.iter().enumerate() {
                current[j + 1] = if x == y {
                    previous[j] + (1 << 16) + u32::from(content[x as usize])
                } else {
                    previous[j + 1].max(current[j])
                };
            }
            std::mem::swap(&mut previous, &mut current);
        }
        let best = previous[b.len()];
        common += (best >> 16) as usize;
        common_content += (best & 0xFFFF) as usize;
    }
    (common, common_content)
}

/// An LCS alignment of two word sequences, as pairs `(index in a, index in b)` in order. Where
/// several alignments are longest, it matches words as early as it can.
fn align(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let (prefix, suffix) = split_common(a, b);
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if fits_table(ma, mb) {
        // `table[i * width + j]`: the LCS length of `ma[i..]` and `mb[j..]`.
        let width = mb.len() + 1;
        let mut table = vec![0u16; (ma.len() + 1) * width];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                table[i * width + j] = if ma[i] == mb[j] {
                    table[(i + 1) * width + j + 1] + 1
                } else {
                    table[(i + 1) * width + j].max(table[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() && j < mb.len() {
            if ma[i] == mb[j] {
                pairs.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pairs.extend((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)));
    pairs
}

// ---------------------------------------------------------------------------------------------
// Speakers

/// A name's words as keys, without a leading "Mr.", "President" and the like or a trailing
/// "Jr.", "III" and the like; whether a title was dropped; and the form of address, if any.
struct Name {
    words: Vec<String>,
    titled: bool,
    address: Option<Address>,
}

/// "Mr." against "Mrs.", "Ms." or "Miss": two people.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Address {
    Mr,
    Ms,
}

fn name_words(name: &str) -> Name {
    let mut keys: Vec<String> = words(name, false).into_iter().map(|w| w.key).collect();
    let address = keys.first().and_then(|k| match k.as_str() {
        "mr" => Some(Address::Mr),
        "mrs" | "ms" | "miss" => Some(Address::Ms),
        _ => None,
    });
    // Titles go only when a word that is not one is left: "Prime Minister" stays as it is.
    let titles = keys.iter().take_while(|k| NAME_TITLES.contains(&k.as_str())).count();
    let titled = titles > 0 && titles < keys.len();
    if titled {
        keys.drain(..titles);
    }
    while keys.len() > 1 && keys.last().is_some_and(|k| NAME_SUFFIXES.contains(&k.as_str())) {
        keys.pop();
    }
    Name { words: keys, titled, address }
}

/// Whether two speaker names are the same person (see the module doc).
pub fn same_speaker(a: &str, b: &str) -> bool {
    same_name(&name_words(a), &name_words(b))
}

fn same_name(a: &Name, b: &Name) -> bool {
    if a.address.zip(b.address).is_some_and(|(a, b)| a != b) {
        return false;
    }
    let (a_words, b_words) = (&a.words, &b.words);
    if a_words.is_empty() || b_words.is_empty() {
        return false;
    }
    if a_words == b_words {
        return true;
    }
    if a_words.len() == 1 || b_words.len() == 1 {
        let (one, many) = if a_words.len() == 1 { (a, b_words) } else { (b, a_words) };
        // "Xi" is "Xi Jinping", but "Pope Francis" is not "Francis Collins": a name left with one
        // word by its title is a surname.
        return many.last() == Some(&one.words[0]) || (!one.titled && many.first() == Some(&one.words[0]));
    }
    let (Some((a_last, a_given)), Some((b_last, b_given))) = (a_words.split_last(), b_words.split_last()) else {
        return false;
    };
    a_last == b_last && given_names_compatible(a_given, b_given)
}

/// Whether the given names of the name with fewer appear, in order, among the other's.
fn given_names_compatible(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut rest = long.iter();
    short.iter().all(|s| rest.any(|l| same_given_name(s, l)))
}

fn same_given_name(a: &str, b: &str) -> bool {
    let is_initial_of = |initial: &str, name: &str| initial.chars().count() == 1 && name.starts_with(initial);
    a == b
        || is_initial_of(a, b)
        || is_initial_of(b, a)
        || (a.chars().next() == b.chars().next()
            && a.chars().count() >= MIN_CONTENT_CHARS
            && b.chars().count() >= MIN_CONTENT_CHARS
            && within_one_edit(a, b))
}

/// Whether `a` becomes `b` by changing, inserting or deleting at most one character.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        return short[prefix.min(short.len())..].iter().skip(1).eq(long[prefix.min(long.len())..].iter().skip(1));
    }
    short[prefix..] == long[prefix + 1..]
}

/// The distinct speaker names of a collection and which of them are the same person.
struct Speakers {
    /// For each quote, its name's id.
    of_quote: Vec<u32>,
    /// Pairs `(smaller id, larger id)` of different names that are the same person.
    same: HashSet<(u32, u32)>,
    /// For each name id, whether the name is empty (nobody).
    empty: Vec<bool>,
    /// For each name id, its bucket: names linked by `same`, directly or not.
    bucket: Vec<u32>,
}

impl Speakers {
    fn new(quotes: &[QuoteRef]) -> Speakers {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut names: Vec<Name> = Vec::new();
        let of_quote = quotes
            .iter()
            .map(|q| {
                *ids.entry(q.speaker).or_insert_with(|| {
                    names.push(name_words(q.speaker));
                    (names.len() - 1) as u32
                })
            })
            .collect();
        // Names that can be the same person share their last word, or one is a single word equal
        // to the other's first word: index each name under both.
        let mut index: HashMap<&str, Vec<u32>> = HashMap::new();
        for (id, name) in names.iter().enumerate() {
            let words = &name.words;
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                index.entry(last).or_default().push(id as u32);
                if words.len() > 1 {
                    index.entry(first).or_default().push(id as u32);
                }
            }
        }
        let mut same = HashSet::new();
        let mut bucket: Vec<u32> = (0..names.len() as u32).collect();
        for (id, name) in names.iter().enumerate() {
            let (Some(first), Some(last)) = (name.words.first(), name.words.last()) else { continue };
            // Under its last word: names ending with it, and single words equal to it. Under its
            // first word: single words equal to it ("Xi" for "Xi Jinping").
            let others = index[last.as_str()].iter().chain(index[first.as_str()].iter().filter(|_| first != last));
            for &other in others {
                if (other as usize) < id && same_name(name, &names[other as usize]) {
                    same.insert((other, id as u32));
                    union(&mut bucket, other, id as u32);
                }
            }
        }
        let bucket = (0..names.len() as u32).map(|id| find(&mut bucket, id)).collect();
        Speakers { of_quote, same, empty: names.iter().map(|n| n.words.is_empty()).collect(), bucket }
    }

    fn names_same(&self, a: u32, b: u32) -> bool {
        match a.cmp(&b) {
            Ordering::Equal => !self.empty[a as usize],
            Ordering::Less => self.same.contains(&(a, b)),
            Ordering::Greater => self.same.contains(&(b, a)),
        }
    }

    fn quotes_same(&self, a: usize, b: usize) -> bool {
        self.names_same(self.of_quote[a], self.of_quote[b])
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (a, b) = (find(parent, a), find(parent, b));
    parent[a.max(b) as usize] = a.min(b);
}

// ---------------------------------------------------------------------------------------------
// Statements

/// A quote's words, ready to compare.
struct Prepared {
    ids: Vec<u32>,
    /// All its words as `(id, occurrences)`, each id once, by id.
    bag: Vec<(u32, u32)>,
    /// Its content words as `(id, occurrences)`, each id once.
    content: Vec<(u32, u32)>,
    content_total: usize,
}

impl Prepared {
    fn new(text: &str, vocabulary: &mut Vocabulary) -> Prepared {
        let ids = vocabulary.ids(&words(text, true));
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        let mut bag: Vec<(u32, u32)> = Vec::new();
        for id in sorted {
            match bag.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => bag.push((id, 1)),
            }
        }
        let content: Vec<(u32, u32)> = bag.iter().copied().filter(|&(id, _)| vocabulary.content[id as usize]).collect();
        let content_total = content.iter().map(|&(_, n)| n as usize).sum();
        Prepared { ids, bag, content, content_total }
    }
}

/// How well two quotes that are the same statement match.
#[derive(Clone, Copy)]
struct Matched {
    score: f64,
    near_identical: bool,
}

/// How many words two bags have in common (each word as often as in both).
fn bag_overlap(a: &[(u32, u32)], b: &[(u32, u32)]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += a[i].1.min(b[j].1) as usize;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Whether `common` words of which `common_content` content words make two quotes of these
/// lengths the same statement (see the module doc).
fn enough_in_common(common: usize, common_content: usize, short: usize, long: usize) -> bool {
    common_content >= MIN_SHARED_CONTENT
        && common * 100 >= short * MIN_RATIO_PERCENT
        && (common * 2 >= long || common_content >= MIN_SHARED_CONTENT_PARTIAL)
}

/// How two quotes' words match, or `None` when they are not the same statement.
fn compare_quotes(a: &Prepared, b: &Prepared, content: &[bool]) -> Option<Matched> {
    if a.ids == b.ids {
        return (a.content_total > 0).then_some(Matched { score: 2.0, near_identical: true });
    }
    let (short, long) = (a.ids.len().min(b.ids.len()), a.ids.len().max(b.ids.len()));
    // The words in common regardless of order bound the LCS from above, for the price of a merge:
    // quotes on one subject share many words but seldom most of them.
    if !enough_in_common(bag_overlap(&a.bag, &b.bag), bag_overlap(&a.content, &b.content), short, long) {
        return None;
    }
    let (common, common_content) = common_words(&a.ids, &b.ids, content);
    let same = enough_in_common(common, common_content, short, long);
    let score = common as f64 / short as f64 + common as f64 / long as f64;
    same.then_some(Matched { score, near_identical: common * 100 >= long * NEAR_IDENTICAL_PERCENT })
}

/// Whether two quotes with `shared_content` content words in common (regardless of order) could
/// be one statement: at best, all their shared content words and all the function words of the
/// one with fewer are common.
fn could_match(a: &Prepared, b: &Prepared, shared_content: usize) -> bool {
    let function_words = (a.ids.len() - a.content_total).min(b.ids.len() - b.content_total);
    let (short, long) = (a.ids.len().min(b.ids.len()), a.ids.len().max(b.ids.len()));
    enough_in_common(shared_content + function_words, shared_content, short, long)
}

/// The pairs of quotes worth comparing: same speaker, and enough words in common that they could
/// be one statement (or the same words). Each pair `(earlier, later)` once.
fn candidate_pairs(prepared: &[Prepared], speakers: &Speakers, vocabulary_len: usize) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<u32, Vec<usize>> = HashMap::new();
    for (q, &name) in speakers.of_quote.iter().enumerate() {
        if !speakers.empty[name as usize] {
            buckets.entry(speakers.bucket[name as usize]).or_default().push(q);
        }
    }
    let mut pairs = Vec::new();
    // For each content word, the quotes of the bucket seen so far that have it: (position in the
    // bucket, occurrences). Emptied after each bucket.
    let mut postings: Vec<Vec<(usize, u32)>> = vec![Vec::new(); vocabulary_len];
    for members in buckets.values() {
        let mut identical: HashMap<&[u32], Vec<usize>> = HashMap::new();
        let mut shared = vec![0usize; members.len()];
        let mut touched = Vec::new();
        for (position, &q) in members.iter().enumerate() {
            for &(id, count) in &prepared[q].content {
                let seen = &mut postings[id as usize];
                for &(other, other_count) in seen.iter() {
                    if shared[other] == 0 {
                        touched.push(other);
                    }
                    shared[other] += count.min(other_count) as usize;
                }
                seen.push((position, count));
            }
            for other in touched.drain(..) {
                if could_match(&prepared[members[other]], &prepared[q], shared[other])
                    && speakers.quotes_same(members[other], q)
                {
                    pairs.push((members[other], q));
                }
                shared[other] = 0;
            }
            // Equal words with fewer content words than the index asks for.
            if (1..MIN_SHARED_CONTENT).contains(&prepared[q].content_total) {
                let earlier = identical.entry(&prepared[q].ids).or_default();
                pairs.extend(earlier.iter().filter(|&&o| speakers.quotes_same(o, q)).map(|&o| (o, q)));
                earlier.push(q);
            }
        }
        for &q in members {
            for &(id, _) in &prepared[q].content {
                postings[id as usize].clear();
            }
        }
    }
    pairs
}

/// Groups the quotes of a collection into statements (see the module doc): every quote in exactly
/// one statement, members in input order, statements ordered by their first member.
pub fn match_statements(quotes: &[QuoteRef]) -> Vec<Statement> {
    let mut vocabulary = Vocabulary::default();
    let prepared: Vec<Prepared> = quotes.iter().map(|q| Prepared::new(q.text, &mut vocabulary)).collect();
    let speakers = Speakers::new(quotes);
    let mut matches = Vec::new();
    let mut matched: HashMap<(usize, usize), Matched> = HashMap::new();
    for (a, b) in candidate_pairs(&prepared, &speakers, vocabulary.content.len()) {
        if let Some(m) = compare_quotes(&prepared[a], &prepared[b], &vocabulary.content) {
            matches.push((a, b, m.score));
            matched.insert((a, b), m);
        }
    }
    matches.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let matched = |a: usize, b: usize| matched.get(&(a.min(b), a.max(b)));

    // Each group: its members and its representative. Each quote: its scores with the other
    // members of its group, summed.
    let mut members: Vec<Vec<usize>> = (0..quotes.len()).map(|q| vec![q]).collect();
    let mut representative: Vec<usize> = (0..quotes.len()).collect();
    let mut group_of: Vec<usize> = (0..quotes.len()).collect();
    let mut centrality = vec![0.0f64; quotes.len()];
    for &(a, b, _) in &matches {
        let (ga, gb) = (group_of[a], group_of[b]);
        if ga == gb || matched(representative[ga], representative[gb]).is_none() {
            continue;
        }
        let can_join = members[ga].iter().all(|&x| {
            members[gb].iter().all(|&y| {
                speakers.quotes_same(x, y)
                    && (quotes[x].article != quotes[y].article || matched(x, y).is_some_and(|m| m.near_identical))
            })
        });
        if !can_join {
            continue;
        }
        for &x in &members[ga] {
            for &y in &members[gb] {
                let score = matched(x, y).map_or(0.0, |m| m.score);
                centrality[x] += score;
                centrality[y] += score;
            }
        }
        let (keep, gone) = if members[ga].len() >= members[gb].len() { (ga, gb) } else { (gb, ga) };
        let moved = std::mem::take(&mut members[gone]);
        for &q in &moved {
            group_of[q] = keep;
        }
        members[keep].extend(moved);
        // The most central member, then the longest, then the earliest.
        let rank = |q: usize| (centrality[q], prepared[q].ids.len(), std::cmp::Reverse(q));
        representative[keep] = members[keep]
            .iter()
            .copied()
            .max_by(|&x, &y| {
                let (rx, ry) = (rank(x), rank(y));
                rx.0.total_cmp(&ry.0).then((rx.1, rx.2).cmp(&(ry.1, ry.2)))
            })
            .unwrap_or(representative[keep]);
    }
    let mut statements: Vec<Statement> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            Statement { members: m }
        })
        .collect();
    statements.sort_by_key(|s| s.members[0]);
    statements
}

// ---------------------------------------------------------------------------------------------
// Wordings

/// A stretch of a version between two words aligned with the reference (or an end): the
/// reference words it lacks there, how many words of its own it has there, and the word after it.
struct Run {
    missing: Range<usize>,
    added: usize,
    next_word: usize,
}

/// The runs of a version, from what each of its words is aligned with in the reference.
fn runs(aligned: &[Option<usize>], reference_len: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let (mut next_reference, mut added) = (0, 0);
    for (k, a) in aligned.iter().enumerate() {
        match *a {
            None => added += 1,
            Some(r) => {
                out.push(Run { missing: next_reference..r, added, next_word: k });
                next_reference = r + 1;
                added = 0;
            }
        }
    }
    out.push(Run { missing: next_reference..reference_len, added, next_word: aligned.len() });
    out
}

/// The most common wording, then the one with most words, then the first.
fn choose_reference(ids: &[Vec<u32>]) -> Option<usize> {
    let mut counts: HashMap<&[u32], usize> = HashMap::new();
    for v in ids {
        *counts.entry(v).or_default() += 1;
    }
    (0..ids.len()).max_by_key(|&v| (counts[ids[v].as_slice()], ids[v].len(), std::cmp::Reverse(v)))
}

/// Compares the versions of one statement: one `Wording` per version, in order (see the module doc).
pub fn compare_wordings(versions: &[&str]) -> Vec<Wording> {
    let mut vocabulary = Vocabulary::default();
    let words: Vec<Vec<Word>> = versions.iter().map(|text| words(text, true)).collect();
    let ids: Vec<Vec<u32>> = words.iter().map(|w| vocabulary.ids(w)).collect();
    let Some(reference) = choose_reference(&ids) else {
        return Vec::new();
    };
    let reference_len = ids[reference].len();
    let aligned: Vec<Vec<Option<usize>>> = ids
        .iter()
        .enumerate()
        .map(|(v, own)| {
            if v == reference {
                return (0..own.len()).map(Some).collect();
            }
            let mut to_reference = vec![None; own.len()];
            for (r, k) in align(&ids[reference], own) {
                to_reference[k] = Some(r);
            }
            to_reference
        })
        .collect();
    let mut present = vec![0usize; reference_len];
    for r in aligned.iter().flatten().flatten() {
        present[*r] += 1;
    }
    let runs: Vec<Vec<Run>> = aligned.iter().map(|a| runs(a, reference_len)).collect();
    // `extra_at[b]`: some version has words of its own between reference words b - 1 and b.
    let mut extra_at = vec![false; reference_len + 1];
    for run in runs.iter().flatten() {
        if run.added > 0 && run.missing.is_empty() {
            extra_at[run.missing.start] = true;
        }
    }
    versions
        .iter()
        .enumerate()
        .map(|(v, text)| {
            let kinds: Vec<PieceKind> = aligned[v]
                .iter()
                .map(|a| match a {
                    Some(r) if present[*r] == versions.len() => PieceKind::Same,
                    _ => PieceKind::Differs,
                })
                .collect();
            let mut gap_before = vec![false; kinds.len() + 1];
            for run in &runs[v] {
                let lacks = !run.missing.is_empty() || extra_at[run.missing.start..=run.missing.end].contains(&true);
                gap_before[run.next_word] = run.added == 0 && lacks;
            }
            Wording { pieces: pieces(text, &words[v], &kinds, &gap_before) }
        })
        .collect()
}

/// Cuts a version's text into pieces from its words' kinds and where its gaps are.
fn pieces(text: &str, words: &[Word], kinds: &[PieceKind], gap_before: &[bool]) -> Vec<Piece> {
    let mut out = Pieces::default();
    let mut at = 0;
    for (k, word) in words.iter().enumerate() {
        let left = k.checked_sub(1).map(|l| kinds[l]);
        out.separator(&text[at..word.start], left, Some(kinds[k]), gap_before[k]);
        out.push(&text[word.start..word.end], kinds[k]);
        at = word.end;
    }
    out.separator(&text[at..], kinds.last().copied(), None, gap_before[words.len()]);
    out.0
}

#[derive(Default)]
struct Pieces(Vec<Piece>);

impl Pieces {
    /// Appends text of a kind, joining it to the last piece when that has the same kind.
    fn push(&mut self, text: &str, kind: PieceKind) {
        if kind == PieceKind::Gap {
            self.0.push(Piece { text: String::new(), kind });
            return;
        }
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => self.0.push(Piece { text: text.to_owned(), kind }),
        }
    }

    /// Appends the spaces and punctuation between two words (`None`: an end of the text). The
    /// punctuation touching a word goes with it, quote marks excepted; the rest is `Differs` only
    /// between two `Differs` words. A gap goes just before the next word's own punctuation, or, at
    /// the end of the text, just after the last word's.
    fn separator(&mut self, text: &str, left: Option<PieceKind>, right: Option<PieceKind>, gap: bool) {
        let attached = |c: char| !c.is_whitespace() && !is_quote_mark(c);
        let head_end = if left.is_some() { text.find(|c| !attached(c)).unwrap_or(text.len()) } else { 0 };
        let tail_start = if right.is_some() {
            let after_last_detached = text[head_end..].char_indices().rev().find(|&(_, c)| !attached(c));
            after_last_detached.map_or(head_end, |(i, c)| head_end + i + c.len_utf8())
        } else {
            text.len()
        };
        let middle_kind = match (left, right, gap) {
            (Some(PieceKind::Differs), Some(PieceKind::Differs), false) => PieceKind::Differs,
            _ => PieceKind::Same,
        };
        self.push(&text[..head_end], left.unwrap_or(PieceKind::Same));
        if gap && right.is_none() {
            self.push("", PieceKind::Gap);
        }
        self.push(&text[head_end..tail_start], middle_kind);
        if gap && right.is_some() {
            self.push("", PieceKind::Gap);
        }
        self.push(&text[tail_start..], right.unwrap_or(PieceKind::Same));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    const MATCHING: &str = include_str!("../../../tests/data/statements/matching.txt");
    const WORDING: &str = include_str!("../../../tests/data/statements/wording.txt");
    const SPEAKERS: &str = include_str!("../../../tests/data/statements/speakers.txt");

    /// Replaces the data files' escapes: `\s` space, `\t` tab, `\n` line break, `\u{HEX}`, `\\`.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('\\') {
            out.push_str(&rest[..at]);
            let escape = &rest[at + 1..];
            let (c, used) = match escape.chars().next() {
                Some('s') => (' ', 1),
                Some('t') => ('\t', 1),
                Some('n') => ('\n', 1),
                Some('\\') => ('\\', 1),
                Some('u') => {
                    let close = escape.find('}').unwrap_or_else(|| panic!("unclosed \\u{{ in {text:?}"));
                    let code = u32::from_str_radix(&escape[2..close], 16).expect("hex code point");
                    (char::from_u32(code).expect("a code point"), close + 1)
                }
                other => panic!("unknown escape \\{other:?} in {text:?}"),
            };
            out.push(c);
            rest = &escape[used..];
        }
        out.push_str(rest);
        out
    }

    /// The data lines of a file: without `//` comments.
    fn data_lines(file: &str) -> impl Iterator<Item = &str> {
        file.lines().filter(|line| !line.starts_with("//"))
    }

    /// The cases of a data file: a `# name` line and the lines up to the next blank line.
    fn cases(file: &str) -> Vec<(&str, Vec<&str>)> {
        let mut cases: Vec<(&str, Vec<&str>)> = Vec::new();
        let mut in_case = false;
        for line in data_lines(file) {
            if let Some(name) = line.strip_prefix("# ") {
                cases.push((name, Vec::new()));
                in_case = true;
            } else if line.trim().is_empty() {
                in_case = false;
            } else {
                assert!(in_case, "a line outside a case: {line:?}");
                cases.last_mut().expect("a case").1.push(line);
            }
        }
        assert!(!cases.is_empty(), "no cases");
        cases
    }

    fn render_partition(groups: &[Vec<usize>]) -> String {
        groups
            .iter()
            .map(|g| g.iter().map(usize::to_string).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Checks one matching case: `LABEL ARTICLE SPEAKER | TEXT` lines.
    fn check_matching(name: &str, lines: &[&str]) {
        let mut parsed = Vec::new();
        let mut per_article: HashMap<usize, usize> = HashMap::new();
        for line in lines {
            let (left, text) = line.split_once('|').unwrap_or_else(|| panic!("{name}: no `|` in {line:?}"));
            let text = unescape(text.strip_prefix(' ').unwrap_or(text));
            let mut fields = left.split_whitespace();
            let (Some(label), Some(article)) = (fields.next(), fields.next()) else {
                panic!("{name}: no label and article in {line:?}");
            };
            let article: usize = article.parse().unwrap_or_else(|_| panic!("{name}: article in {line:?}"));
            let speaker = unescape(&fields.collect::<Vec<_>>().join(" "));
            let quote = per_article.entry(article).or_default();
            parsed.push((label, article, *quote, speaker, text));
            *quote += 1;
        }
        let quotes: Vec<QuoteRef> = parsed
            .iter()
            .map(|(_, article, quote, speaker, text)| QuoteRef { article: *article, quote: *quote, speaker, text })
            .collect();
        let got = match_statements(&quotes);

        // Every quote in exactly one statement, members in input order, statements by first member.
        let mut seen = vec![false; quotes.len()];
        for statement in &got {
            assert!(statement.members.windows(2).all(|w| w[0] < w[1]), "{name}: members out of order: {got:?}");
            for &m in &statement.members {
                assert!(!std::mem::replace(&mut seen[m], true), "{name}: quote {m} in two statements: {got:?}");
            }
        }
        assert!(seen.iter().all(|&s| s), "{name}: a quote in no statement: {got:?}");
        assert!(got.windows(2).all(|w| w[0].members[0] < w[1].members[0]), "{name}: statements out of order");

        let mut expected: Vec<Vec<usize>> = Vec::new();
        let mut label_group: HashMap<&str, usize> = HashMap::new();
        for (i, (label, ..)) in parsed.iter().enumerate() {
            let group = *label_group.entry(label).or_insert_with(|| {
                expected.push(Vec::new());
                expected.len() - 1
            });
            expected[group].push(i);
        }
        let got: Vec<Vec<usize>> = got.into_iter().map(|s| s.members).collect();
        assert_eq!(render_partition(&got), render_partition(&expected), "case {name:?}");
    }

    #[test]
    fn matching_cases() {
        for (name, lines) in cases(MATCHING) {
            check_matching(name, &lines);
        }
    }

    /// A wording as the data file writes it: `[` `]` around `Differs` pieces, `^` for a gap.
    fn render_wording(wording: &Wording) -> String {
        let mut out = String::new();
        for piece in &wording.pieces {
            match piece.kind {
                PieceKind::Same => out.push_str(&piece.text),
                PieceKind::Differs => write!(out, "[{}]", piece.text).expect("a string"),
                PieceKind::Gap => out.push('^'),
            }
        }
        out
    }

    /// Checks one wording case: `< TEXT` lines, each followed by its `> MARKED` line.
    fn check_wording(name: &str, lines: &[&str]) {
        assert!(lines.len().is_multiple_of(2), "{name}: a version without its marking");
        let field = |line: &str, prefix: char| {
            let rest = line.strip_prefix(prefix).unwrap_or_else(|| panic!("{name}: expected `{prefix}` in {line:?}"));
            unescape(rest.strip_prefix(' ').unwrap_or(rest))
        };
        let versions: Vec<String> = lines.iter().step_by(2).map(|l| field(l, '<')).collect();
        let expected: Vec<String> = lines.iter().skip(1).step_by(2).map(|l| field(l, '>')).collect();
        let texts: Vec<&str> = versions.iter().map(String::as_str).collect();
        let got = compare_wordings(&texts);
        assert_eq!(got.len(), versions.len(), "{name}: one wording per version");
        for (wording, version) in got.iter().zip(&versions) {
            let joined: String = wording.pieces.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(&joined, version, "{name}: the pieces give the version back");
            for piece in &wording.pieces {
                assert_eq!(
                    piece.kind == PieceKind::Gap,
                    piece.text.is_empty(),
                    "{name}: only gaps are empty: {piece:?}"
                );
            }
            assert!(
                wording.pieces.windows(2).all(|w| w[0].kind != w[1].kind),
                "{name}: neighbouring pieces of one kind: {:?}",
                wording.pieces
            );
        }
        if let [a, b] = texts[..] {
            check_two_versions_symmetric(a, b);
        }
        let got: Vec<String> = got.iter().map(render_wording).collect();
        assert_eq!(got, expected, "case {name:?}");
    }

    /// The keys of a wording's words of one kind, in order.
    fn words_of_kind(wording: &Wording, kind: PieceKind) -> Vec<String> {
        wording.pieces.iter().filter(|p| p.kind == kind).flat_map(|p| words(&p.text, true)).map(|w| w.key).collect()
    }

    /// Two versions: the `Same` words of each are their common words, the same in both and as
    /// many as the LCS, so every word marked in one is a word the other lacks; and one has a gap
    /// where the other has `Differs` words and no `Differs` words of its own.
    fn check_two_versions_symmetric(a: &str, b: &str) {
        let got = compare_wordings(&[a, b]);
        let (same_a, same_b) = (words_of_kind(&got[0], PieceKind::Same), words_of_kind(&got[1], PieceKind::Same));
        assert_eq!(same_a, same_b, "the Same words of {a:?} and {b:?}");
        let mut vocabulary = Vocabulary::default();
        let (ids_a, ids_b) = (vocabulary.ids(&words(a, true)), vocabulary.ids(&words(b, true)));
        assert_eq!(same_a.len(), common_words(&ids_a, &ids_b, &vocabulary.content).0, "LCS of {a:?} and {b:?}");
        let (differs_a, differs_b) =
            (words_of_kind(&got[0], PieceKind::Differs), words_of_kind(&got[1], PieceKind::Differs));
        assert_eq!(same_a.len() + differs_a.len(), ids_a.len(), "every word of {a:?} is Same or Differs");
        assert_eq!(same_b.len() + differs_b.len(), ids_b.len(), "every word of {b:?} is Same or Differs");
        let has_gap = |w: &Wording| w.pieces.iter().any(|p| p.kind == PieceKind::Gap);
        if differs_a.is_empty() {
            assert_eq!(has_gap(&got[0]), !differs_b.is_empty(), "{a:?} has a gap where {b:?} has more");
        }
        if differs_b.is_empty() {
            assert_eq!(has_gap(&got[1]), !differs_a.is_empty(), "{b:?} has a gap where {a:?} has more");
        }
    }

    #[test]
    fn tricky_characters_neither_panic_nor_lose_text() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "é",
            "e\u{301}",
            "\u{301}",
            "'",
            "’",
            "-",
            "\u{2011}",
            ".",
            ",",
            "1",
            "２",
            " ",
            "\t",
            "\n",
            "“",
            "”",
            "«",
            "»",
            "…",
            "—",
            "峰",
            "ガ",
            "か\u{3099}",
            "\u{FE0F}",
            "👩\u{200D}🔬",
            "\u{00AD}",
            "\u{200B}",
            "ש\u{05B8}",
            "م\u{064E}",
            "क\u{094D}",
            "ـ",
            "İ",
            "ß",
            "Ω",
            "\u{0}",
            "\u{FFFF}",
            "\u{10FFFF}",
        ];
        let mut rng = Lcg(7);
        let mut texts = Vec::new();
        for _ in 0..300 {
            let len = rng.below(12);
            texts.push((0..len).map(|_| unescape(PIECES[rng.below(PIECES.len())])).collect::<String>());
        }
        for group in texts.chunks(3) {
            let versions: Vec<&str> = group.iter().map(String::as_str).collect();
            for (wording, version) in compare_wordings(&versions).iter().zip(&versions) {
                let joined: String = wording.pieces.iter().map(|p| p.text.as_str()).collect();
                assert_eq!(&joined, version);
            }
        }
        let quotes: Vec<QuoteRef> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| QuoteRef { article: i % 7, quote: i, speaker: &texts[(i * 13) % texts.len()], text })
            .collect();
        let statements = match_statements(&quotes);
        assert_eq!(statements.iter().map(|s| s.members.len()).sum::<usize>(), quotes.len());
    }

    #[test]
    fn two_versions_are_symmetric() {
        // Pairs of quotes of one statement from the synthetic collection: cuts, swaps, partial
        // quotes and added words, both ways round.
        let (quotes, truth) = collection(40, 4096, 3);
        let mut first_of: HashMap<usize, usize> = HashMap::new();
        let mut pairs = 0;
        for (i, statement) in truth.iter().enumerate() {
            match first_of.get(statement) {
                Some(&first) => {
                    check_two_versions_symmetric(&quotes[first].2, &quotes[i].2);
                    check_two_versions_symmetric(&quotes[i].2, &quotes[first].2);
                    pairs += 1;
                }
                None => {
                    first_of.insert(*statement, i);
                }
            }
        }
        assert!(pairs > 1_000, "{pairs} pairs");
    }

    #[test]
    fn wording_cases() {
        for (name, lines) in cases(WORDING) {
            check_wording(name, &lines);
        }
    }

    #[test]
    fn speaker_cases() {
        let mut count = 0;
        for line in data_lines(SPEAKERS).filter(|l| !l.trim().is_empty()) {
            let padded = format!(" {line} ");
            let (a, b, same) = match padded.split_once(" !~ ") {
                Some((a, b)) => (a, b, false),
                None => {
                    let (a, b) = padded.split_once(" ~ ").unwrap_or_else(|| panic!("no `~` or `!~` in {line:?}"));
                    (a, b, true)
                }
            };
            let (a, b) = (unescape(a.trim()), unescape(b.trim()));
            assert_eq!(same_speaker(&a, &b), same, "same_speaker({a:?}, {b:?})");
            assert_eq!(same_speaker(&b, &a), same, "same_speaker({b:?}, {a:?})");
            count += 1;
        }
        assert!(count > 0, "no speaker cases");
    }

    fn check_words(text: &str, expect: &[&str]) {
        let keys: Vec<String> = words(text, true).into_iter().map(|w| w.key).collect();
        assert_eq!(keys, expect, "words of {text:?}");
    }

    #[test]
    fn words_and_their_keys() {
        check_words("counter-terrorism counter‑terrorism", &["counterterrorism", "counterterrorism"]);
        check_words("U.S. u.s US", &["us", "us", "us"]);
        check_words("don’t don't ‘quoted’ 'quoted'", &["dont", "dont", "quoted", "quoted"]);
        check_words("1,000 and 3.5, then 2,", &["1000", "and", "35", "then", "2"]);
        check_words("wait...and wait…and a--b a – b", &["wait", "and", "wait", "and", "a", "b", "a", "b"]);
        check_words("l’homme aujourd'hui", &["lhomme", "aujourdhui"]);
        check_words("Medvédev Medve\u{301}dev MEDVÉDEV", &["medvedev", "medvedev", "medvedev"]);
        check_words("İstanbul Straße Œuvre ёлка ΣΟΦΟΣ", &["istanbul", "strasse", "oeuvre", "елка", "σοφοσ"]);
        check_words("ＡＢＣ１２３", &["abc123"]);
        check_words("हिन्दी भाषा। नमस्ते", &["हिन्दी", "भाषा", "नमस्ते"]);
        check_words("שָׁלוֹם مُحَمَّد", &["שלום", "محمد"]);
        check_words("G20峰会ガ", &["g20", "峰", "会", "ガ"]);
        check_words("\u{301} ' - … «»", &[]);
        check_words("", &[]);
    }

    #[test]
    fn content_words() {
        for word in ["barbarism", "aleppo", "350", "12th", "峰", "перемирие"] {
            assert!(is_content_key(word), "{word} is a content word");
        }
        for word in ["it", "is", "not", "the", "that", "will", "dans", "когда", "が", "ok"] {
            assert!(!is_content_key(word), "{word} is not a content word");
        }
    }

    #[test]
    fn stopwords_are_sorted_keys() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must be sorted and unique for binary_search");
        for word in STOPWORDS {
            assert_eq!(&word_key(word), word, "a stopword is written as its key");
            assert!(word.chars().count() >= MIN_CONTENT_CHARS, "{word} is short enough to be no content word anyway");
        }
    }

    #[test]
    fn no_versions_no_wordings() {
        assert_eq!(compare_wordings(&[]), Vec::<Wording>::new());
        assert_eq!(match_statements(&[]), Vec::<Statement>::new());
    }

    #[test]
    fn long_versions_fall_back_to_prefix_and_suffix() {
        // 2,500 different words in the middle of each version: beyond the table's bound, so only
        // the common prefix and suffix are Same, and the middles are wholly Differs.
        let middle = |tag: &str| (0..2_500).map(|i| format!("{tag}{i}")).collect::<Vec<_>>().join(" ");
        let a = format!("We begin. {} We end.", middle("a"));
        let b = format!("We begin. {} We end.", middle("b"));
        let got = compare_wordings(&[&a, &b]);
        let kinds: Vec<Vec<PieceKind>> = got.iter().map(|w| w.pieces.iter().map(|p| p.kind).collect()).collect();
        let expect = vec![PieceKind::Same, PieceKind::Differs, PieceKind::Same];
        assert_eq!(kinds, vec![expect.clone(), expect]);
        assert_eq!(got[0].pieces[0].text, "We begin. ");
        assert_eq!(got[0].pieces[2].text, " We end.");
    }

    /// A small deterministic random generator for the synthetic collections.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// 50 articles of 30 quotes each, drawn from 400 statements of `speakers` speakers (10 each
    /// when 40; all one speaker when 1) over a vocabulary of `vocabulary` words. Each quote is the
    /// statement as said, cut, with two words swapped, as a partial quote (six content words) or
    /// with a word added.
    /// Returns the quotes' (article, speaker, text) and the statement each quotes.
    fn collection(speakers: usize, vocabulary: usize, seed: u64) -> (Vec<(usize, String, String)>, Vec<usize>) {
        const SYLLABLES: [&str; 16] =
            ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe", "gu", "hi", "jo", "be"];
        const FUNCTION: [&str; 8] = ["the", "of", "and", "to", "in", "is", "we", "it"];
        let made_up = |i: usize| (0..3).map(|k| SYLLABLES[(i >> (4 * k)) % 16]).collect::<String>();
        let mut rng = Lcg(seed);
        let word = |rng: &mut Lcg| {
            if rng.below(4) == 0 {
                FUNCTION[rng.below(FUNCTION.len())].to_owned()
            } else {
                made_up(rng.below(vocabulary))
            }
        };
        let statements: Vec<Vec<String>> =
            (0..400).map(|_| (0..15 + rng.below(26)).map(|_| word(&mut rng)).collect()).collect();
        let mut quotes = Vec::new();
        let mut truth = Vec::new();
        for article in 0..50 {
            let mut pool: Vec<usize> = (0..400).collect();
            for _ in 0..30 {
                let statement = pool.swap_remove(rng.below(pool.len()));
                let mut text = statements[statement].clone();
                match rng.below(5) {
                    0 => {}
                    1 => text.truncate(text.len() * 2 / 3),
                    2 => {
                        // Swaps in the second half, so that partial quotes keep matching.
                        for _ in 0..2 {
                            let at = text.len() / 2 + rng.below(text.len() - text.len() / 2);
                            text[at] = made_up(rng.below(4096));
                        }
                    }
                    3 => {
                        // A partial quote: up to its sixth made-up (content) word.
                        let mut content = 0;
                        let end = text.iter().position(|w| {
                            content += usize::from(!FUNCTION.contains(&w.as_str()));
                            content == 6
                        });
                        text.truncate(end.map_or(text.len(), |e| e + 1));
                    }
                    _ => {
                        let at = rng.below(text.len());
                        text.insert(at, made_up(rng.below(4096)));
                    }
                }
                let person = statement % speakers;
                let surname = format!("{}{}", made_up(4095 - person).to_uppercase(), "son");
                let speaker = if rng.below(2) == 0 { format!("Given{person} {surname}") } else { surname };
                quotes.push((article, speaker, format!("{}.", text.join(" "))));
                truth.push(statement);
            }
        }
        (quotes, truth)
    }

    fn check_collection(speakers: usize, vocabulary: usize, seed: u64) {
        let (quotes, truth) = collection(speakers, vocabulary, seed);
        let refs: Vec<QuoteRef> = quotes
            .iter()
            .enumerate()
            .map(|(i, (article, speaker, text))| QuoteRef { article: *article, quote: i % 30, speaker, text })
            .collect();
        let got: Vec<Vec<usize>> = match_statements(&refs).into_iter().map(|s| s.members).collect();
        let mut expected: Vec<Vec<usize>> = Vec::new();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (i, statement) in truth.iter().enumerate() {
            let group = *group_of.entry(*statement).or_insert_with(|| {
                expected.push(Vec::new());
                expected.len() - 1
            });
            expected[group].push(i);
        }
        assert_eq!(got.len(), expected.len(), "statements among {} quotes", quotes.len());
        assert_eq!(render_partition(&got), render_partition(&expected));
    }

    #[test]
    fn a_large_collection_groups_by_statement() {
        check_collection(40, 4096, 1);
    }

    #[test]
    fn a_large_collection_of_one_speaker_on_one_subject() {
        // One speaker and a vocabulary of 300 words: most quotes share several content words, so
        // the bucket and the content index pass many pairs on to the bag bound and the LCS.
        check_collection(1, 300, 2);
    }
}
