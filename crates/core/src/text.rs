//! Plain-text utilities shared by the extractor, the draft and the anchorer: code-point spans,
//! paragraphs cut the way the extractor cuts them, wrapped lines, headlines, ids and the quote
//! marks.
//!
//! Offsets are Unicode code points, end exclusive.

use serde::{Deserialize, Serialize};

/// "1 quote", "3 quotes".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A range of code points, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of code points both spans cover.
    pub fn overlap(&self, other: &Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
}

/// How one text became another, as the start and the end they share with the changed run
/// between: where a character of the old text stands in the new one. A character inside the
/// changed run has no place. Counted in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextEdit {
    /// How many code points both texts start with.
    prefix: usize,
    /// How many code points both texts end with, after their common start.
    suffix: usize,
    /// Where the common end begins in the old text and in the new one.
    old_end: usize,
    new_end: usize,
}

/// How many of the first `len` positions are equal, comparing blocks with `same_block(from, to)`
/// and then single bytes with `at_a` and `at_b`.
fn common_run(
    len: usize,
    at_a: impl Fn(usize) -> u8,
    at_b: impl Fn(usize) -> u8,
    same_block: impl Fn(usize, usize) -> bool,
) -> usize {
    const BLOCK: usize = 4096;
    let mut i = 0;
    while i + BLOCK <= len && same_block(i, i + BLOCK) {
        i += BLOCK;
    }
    while i < len && at_a(i) == at_b(i) {
        i += 1;
    }
    i
}

impl TextEdit {
    /// The edit from `old` to `new`: their common start, then their common end in what is left.
    ///
    /// It compares bytes, a block at a time, and counts code points only once: a keystroke in a
    /// 10 MB draft costs a few milliseconds. Equal bytes are equal characters, and a common run
    /// of bytes, cut back to a character boundary, is the common run of characters.
    pub fn between(old: &str, new: &str) -> TextEdit {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut prefix_bytes =
            common_run(a.len().min(b.len()), |i| a[i], |i| b[i], |from, to| a[from..to] == b[from..to]);
        while !old.is_char_boundary(prefix_bytes) {
            prefix_bytes -= 1;
        }
        let room = a.len().min(b.len()) - prefix_bytes;
        let (a_end, b_end) = (a.len(), b.len());
        let mut suffix_bytes = common_run(
            room,
            |i| a[a_end - 1 - i],
            |i| b[b_end - 1 - i],
            |from, to| a[a_end - to..a_end - from] == b[b_end - to..b_end - from],
        );
        while !old.is_char_boundary(a_end - suffix_bytes) {
            suffix_bytes -= 1;
        }
        let prefix = old[..prefix_bytes].chars().count();
        let suffix = old[a_end - suffix_bytes..].chars().count();
        let old_end = prefix + old[prefix_bytes..a_end - suffix_bytes].chars().count();
        let new_end = prefix + new[prefix_bytes..b_end - suffix_bytes].chars().count();
        TextEdit { prefix, suffix, old_end, new_end }
    }

    /// Whether the texts are the same.
    pub fn is_identity(&self) -> bool {
        self.prefix == self.old_end && self.old_end == self.new_end
    }

    /// Where the old text's character `at` stands in the new text; `None` inside the changed run
    /// or past the end.
    pub fn map_char(&self, at: usize) -> Option<usize> {
        if at < self.prefix {
            Some(at)
        } else if at >= self.old_end && at < self.old_end + self.suffix {
            Some(at - self.old_end + self.new_end)
        } else {
            None
        }
    }

    /// Where a span of the old text stands in the new one, when its first and last characters
    /// are both unchanged; `None` for an empty span or one that starts or ends in the changed run.
    pub fn map_span(&self, span: Span) -> Option<Span> {
        if span.is_empty() {
            return None;
        }
        let start = self.map_char(span.start)?;
        let last = self.map_char(span.end - 1)?;
        (start <= last).then(|| Span::new(start, last + 1))
    }
}

/// The straight mark a quote mark stands for: `"` for the double marks (" “ ” „ ‟) and the
/// guillemets « », `'` for the single marks (' ‘ ’ ‚ ‛) and the single guillemets ‹ ›; `None`
/// for any other character.
///
/// This is the one list of quote-mark characters. The extractor pairs them (`marks.rs` sorts
/// them into families), trims them off quotes and cuts slices before them; the draft trims them
/// off the pieces of an article quote; the anchorer folds each to its straight mark, so a quote
/// typed with straight marks finds a body with curly ones. A test in each of those places checks
/// that it knows these marks and no others.
pub fn straight_quote(c: char) -> Option<char> {
    match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' => Some('\''),
        _ => None,
    }
}

/// Whether `c` is a quote mark (see `straight_quote`).
pub fn is_quote_mark(c: char) -> bool {
    straight_quote(c).is_some()
}

/// Every quote mark, in code-point order: what `straight_quote` knows, for tests and listings.
pub fn quote_marks() -> impl Iterator<Item = char> {
    (char::MIN..=char::MAX).filter(|&c| is_quote_mark(c))
}

/// A line shorter than this that lacks final punctuation is a real line break, not a wrap.
const WRAP_MIN_LINE: usize = 50;

/// Tells whether the line break at `i` only wraps a paragraph: a single newline followed by a
/// lowercase word, or a long line that stops mid-sentence.
pub fn is_soft_wrap(chars: &[char], i: usize) -> bool {
    let mut j = i + 1;
    while j < chars.len() && chars[j].is_whitespace() {
        if chars[j] == '\n' {
            return false;
        }
        j += 1;
    }
    let Some(&next) = chars.get(j) else {
        return false;
    };
    if next.is_lowercase() {
        return true;
    }
    let mut k = i;
    while k > 0 && matches!(chars[k - 1], ' ' | '\t' | '\r') {
        k -= 1;
    }
    let Some(&prev) = k.checked_sub(1).map(|p| &chars[p]) else {
        return false;
    };
    let line_start = (k.saturating_sub(200)..k).rev().find(|p| chars[*p] == '\n').map_or(0, |p| p + 1);
    let long = k - line_start >= WRAP_MIN_LINE;
    long && next.is_alphanumeric() && !matches!(prev, '.' | '?' | '!' | ':' | '”' | '"' | '’' | '\'' | '»')
}

/// A paragraph of the input: its trimmed code-point range and text.
pub struct Paragraph {
    pub span: Span,
    pub text: String,
}

pub fn paragraphs(chars: &[char]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=chars.len() {
        if i < chars.len() && (chars[i] != '\n' || is_soft_wrap(chars, i)) {
            continue;
        }
        let mut a = start;
        let mut b = i;
        // A byte-order mark (U+FEFF, as Windows editors save UTF-8) is not part of any paragraph.
        let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
        while a < b && blank(chars[a]) {
            a += 1;
        }
        while b > a && blank(chars[b - 1]) {
            b -= 1;
        }
        if a < b {
            out.push(Paragraph { span: Span::new(a, b), text: unwrap_lines(&chars[a..b]) });
        }
        start = i + 1;
    }
    out
}

/// Joins wrapped lines with a space; one character for one keeps offsets aligned.
pub fn unwrap_lines(chars: &[char]) -> String {
    chars.iter().map(|c| if *c == '\n' { ' ' } else { *c }).collect()
}

/// A headline is a short early line that does not end a sentence nor a double-quoted passage
/// (a single-quoted scare quote may end it: "Minister calls the report ‘nonsense’"), and not a
/// byline ("By the Courier Editorial Board"). A line ending inside double marks stays in the
/// body, where the quote it holds can be anchored.
pub fn looks_like_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (3..=25).contains(&words) && !ends_a_sentence(text) && !is_byline(text)
}

fn ends_a_sentence(text: &str) -> bool {
    let quoted = text.trim_end_matches(is_quote_mark);
    text.ends_with(['.', '!', '?', '”', '"', ':'])
        || quoted.ends_with(['.', '!', '?', ':'])
        || (quoted.len() < text.len() && quoted.ends_with(','))
}

fn is_byline(text: &str) -> bool {
    matches!(text.split_whitespace().next(), Some("By" | "BY" | "From" | "FROM"))
}

/// A headline of two words ("Ceasefire collapses", "City news"): capitalised, not a byline
/// ("By Reuters") nor a dateline ("WASHINGTON —").
fn looks_like_short_title(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(_), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    first.chars().next().is_some_and(char::is_uppercase)
        && !is_byline(text)
        && !ends_a_sentence(text)
        && !text.ends_with([',', ';', '—', '–', '-'])
}

/// A lower-case id made of letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `base`, or `base-2`, `base-3` … when `base` is taken.
pub fn unique_id<'a>(base: String, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.clone().any(|t| t == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The title and the body paragraphs (trimmed code-point ranges) that `to_article` would use
/// without a given title, so that the authoring view cuts the text the same way.
pub fn title_and_paragraphs(text: &str) -> (Option<String>, Vec<Span>) {
    let chars: Vec<char> = text.chars().collect();
    let (title, paras) = split_title(&chars);
    (title.map(|p| p.text), paras.into_iter().map(|p| p.span).collect())
}

/// The headline paragraph, if the text starts with one, and the body's paragraphs. Lines of one
/// word before it are left out (a kicker, a stray label).
fn split_title(chars: &[char]) -> (Option<Paragraph>, Vec<Paragraph>) {
    let mut paras = paragraphs(chars);
    let last = paras.len().saturating_sub(1);
    let labels = paras[..last].iter().take_while(|p| p.text.split_whitespace().count() < 2).count();
    paras.drain(..labels);
    let headline = paras
        .first()
        .is_some_and(|p| paras.len() > 1 && (looks_like_title(&p.text) || looks_like_short_title(&p.text)));
    let title = headline.then(|| paras.remove(0));
    (title, paras)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_bylines() {
        let title = |text: &str| title_and_paragraphs(text).0;
        let body = "The council voted on Tuesday to close the library.";
        // A two-word headline is the title. A section's name before a headline is the title too,
        // and the headline stays in the body: which of the two is the story's, no rule can tell.
        assert_eq!(title(&format!("City news\n\n{body}")).as_deref(), Some("City news"));
        let (kicker, paragraphs) = title_and_paragraphs(&format!("City news\n\nCeasefire talks stall\n\n{body}"));
        assert_eq!((kicker.as_deref(), paragraphs.len()), (Some("City news"), 2));
        // A headline may end with a single-quoted scare quote, not with a double-quoted passage
        // nor with a sentence inside quote marks.
        assert_eq!(
            title(&format!("Minister calls the report ‘nonsense’\n\n{body}")).as_deref(),
            Some("Minister calls the report ‘nonsense’")
        );
        assert_eq!(title(&format!("Trump calls Biden “weak”\n\n{body}")), None);
        assert_eq!(
            title(&format!("The trust suspended the contractor. A spokesman said: ‘We regret it.’\n\n{body}")),
            None
        );
        // A byline or a dateline is not a title.
        assert_eq!(title(&format!("By the Courier Editorial Board\n\n{body}")), None);
        assert_eq!(title(&format!("By Reuters\n\n{body}")), None);
        assert_eq!(title(&format!("WASHINGTON —\n\n{body}")), None);
        // One-word lines before the headline are left out, however many.
        let labels = "News\n\n".repeat(5);
        assert_eq!(
            title(&format!("{labels}Ceasefire talks stall\n\n{body}")).as_deref(),
            Some("Ceasefire talks stall")
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_title() {
        let text = "\u{feff}State Board Bans Phones\r\n\r\nThe board voted on Tuesday to ban phones in class.\r\n";
        let (title, paragraphs) = title_and_paragraphs(text);
        assert_eq!(title.as_deref(), Some("State Board Bans Phones"));
        // Spans still count the mark, so they point into the text as given.
        let chars: Vec<char> = text.chars().collect();
        let body: String = chars[paragraphs[0].start..paragraphs[0].end].iter().collect();
        assert_eq!(body, "The board voted on Tuesday to ban phones in class.");
    }

    #[test]
    fn an_edit_maps_the_unchanged_start_and_end() {
        // One character typed in the middle.
        let edit = TextEdit::between("abcdef", "abcXdef");
        assert_eq!((0..6).map(|i| edit.map_char(i)).collect::<Vec<_>>(), [0, 1, 2, 4, 5, 6].map(Some));
        assert_eq!(edit.map_span(Span::new(1, 5)), Some(Span::new(1, 6)));
        // A word replaced: its characters have no place, and no span starting or ending in it.
        let edit = TextEdit::between("say Price said", "say Ortiz said");
        assert_eq!(edit.map_char(4), None);
        assert_eq!(edit.map_char(9), Some(9));
        assert_eq!(edit.map_span(Span::new(0, 3)), Some(Span::new(0, 3)));
        assert_eq!(edit.map_span(Span::new(5, 14)), None);
        assert_eq!(edit.map_span(Span::new(0, 14)), Some(Span::new(0, 14)));
        assert_eq!(edit.map_span(Span::new(2, 2)), None);
        // Deleted text, code points not bytes, and a repeat at the cut.
        let edit = TextEdit::between("é😀 ab cd", "é😀 cd");
        assert_eq!(edit.map_span(Span::new(6, 8)), Some(Span::new(3, 5)));
        assert_eq!(edit.map_span(Span::new(0, 2)), Some(Span::new(0, 2)));
        let edit = TextEdit::between("aa", "aaa");
        assert_eq!((edit.map_char(0), edit.map_char(1), edit.map_char(2)), (Some(0), Some(1), None));
        assert!(TextEdit::between("same", "same").is_identity());
        assert!(!edit.is_identity());
    }

    #[test]
    fn an_edit_found_by_bytes_is_the_edit_found_by_characters() {
        // The plain definition, one character at a time.
        let by_chars = |old: &str, new: &str| {
            let (old_len, new_len) = (old.chars().count(), new.chars().count());
            let prefix = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).count();
            let room = old_len.min(new_len) - prefix;
            let suffix = old.chars().rev().zip(new.chars().rev()).take(room).take_while(|(a, b)| a == b).count();
            (prefix, suffix, old_len - suffix, new_len - suffix)
        };
        let pieces = ["a", "é", "😀", "ab", " ", "“", "ééé", "aé"];
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for round in 0..400 {
            // Long texts cross the 4096-byte blocks.
            let len = if round % 10 == 0 { 3000 } else { 12 };
            let old: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let mut chars: Vec<char> = old.chars().collect();
            for _ in 0..next(3) + 1 {
                let at = next(chars.len() + 1);
                match next(3) {
                    0 => chars.insert(at, ['é', 'a', '😀'][next(3)]),
                    1 if at < chars.len() => drop(chars.remove(at)),
                    _ if at < chars.len() => chars[at] = ['b', 'ü', '€'][next(3)],
                    _ => chars.push('z'),
                }
            }
            let new: String = chars.into_iter().collect();
            let edit = TextEdit::between(&old, &new);
            assert_eq!(
                (edit.prefix, edit.suffix, edit.old_end, edit.new_end),
                by_chars(&old, &new),
                "{old:?} → {new:?}"
            );
        }
    }

    #[test]
    fn the_quote_marks_are_straight_curly_low_reversed_and_guillemets() {
        let marks: String = quote_marks().collect();
        assert_eq!(marks, "\"'«»‘’‚‛“”„‟‹›");
        let doubles: String = quote_marks().filter(|&c| straight_quote(c) == Some('"')).collect();
        assert_eq!(doubles, "\"«»“”„‟");
    }
}
