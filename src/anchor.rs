//! Finds each quote's words in the article body.
//!
//! Authors never count offsets: a quote gives its text (and, when the same words occur more than once,
//! a prefix or suffix) and the anchorer finds it. Matching ignores the differences that copying text
//! between tools introduces: curly, straight and angle quote marks, dash variants, the ellipsis
//! character, runs of whitespace including NBSP, and invisible characters such as soft hyphens.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM. Spans are code points.

use crate::model::Article;

/// Where a quote stands: a paragraph and code-point offsets inside it, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorStatus {
    /// Found exactly once (or once after applying the prefix or suffix).
    Exact,
    /// Found `count` times and nothing told the occurrences apart; the first is used.
    Ambiguous { count: usize },
    /// Not found; the quote is listed as "not found in the text" and never highlighted.
    NotFound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub span: Option<QuoteSpan>,
    pub status: AnchorStatus,
}

/// A text folded for matching, remembering where each folded byte came from.
struct Folded {
    text: String,
    /// For each byte of `text`: the code-point offset in the source where its character starts.
    start_of: Vec<u32>,
    /// For each byte of `text`: the code-point offset in the source just after its character.
    end_of: Vec<u32>,
}

/// Maps one source character to what it matches as, or `None` to drop it.
fn fold_char(ch: char) -> Option<char> {
    match ch {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => Some('-'),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

/// Folds `text`, whose first character is at code point `base` of the source.
fn fold_into(out: &mut Folded, text: &str, base: usize) {
    let mut last_was_space = out.text.ends_with(' ');
    for (i, ch) in text.chars().enumerate() {
        let cp = (base + i) as u32;
        let Some(folded) = fold_char(ch) else {
            continue;
        };
        if folded == ' ' && last_was_space {
            // Extend the collapsed whitespace run to cover this character too.
            if let Some(end) = out.end_of.last_mut() {
                *end = cp + 1;
            }
            continue;
        }
        last_was_space = folded == ' ';
        // The ellipsis character matches three full stops.
        let expansion: &[char] = if ch == '\u{2026}' { &['.', '.', '.'] } else { &[folded] };
        for &c in expansion {
            let before = out.text.len();
            out.text.push(c);
            for _ in before..out.text.len() {
                out.start_of.push(cp);
                out.end_of.push(cp + 1);
            }
        }
    }
}

fn fold(text: &str) -> String {
    let mut folded = Folded { text: String::new(), start_of: Vec::new(), end_of: Vec::new() };
    fold_into(&mut folded, text, 0);
    folded.text.trim().to_owned()
}

/// The article body folded once, ready to anchor any number of quotes.
pub struct Anchorer<'a> {
    body: &'a [String],
    folded: Folded,
    /// Code-point offset of each paragraph in the joined body (paragraphs are joined by one separator).
    paragraph_starts: Vec<usize>,
}

/// Joins paragraphs in the folded text; it never occurs in a folded quote, so no match crosses it.
const PARAGRAPH_BREAK: char = '\n';

impl<'a> Anchorer<'a> {
    pub fn new(body: &'a [String]) -> Self {
        let mut folded = Folded { text: String::new(), start_of: Vec::new(), end_of: Vec::new() };
        let mut paragraph_starts = Vec::with_capacity(body.len());
        let mut base = 0;
        for paragraph in body {
            if !paragraph_starts.is_empty() {
                folded.text.push(PARAGRAPH_BREAK);
                folded.start_of.push(base as u32);
                folded.end_of.push(base as u32 + 1);
                base += 1;
            }
            paragraph_starts.push(base);
            fold_into(&mut folded, paragraph, base);
            base += paragraph.chars().count();
        }
        Self { body, folded, paragraph_starts }
    }

    /// Finds `text` in the body, using `prefix` and `suffix` to choose between repeated occurrences.
    pub fn anchor(&self, text: &str, prefix: Option<&str>, suffix: Option<&str>) -> Anchor {
        let needle = fold(text);
        if needle.is_empty() || needle.contains(PARAGRAPH_BREAK) {
            return Anchor { span: None, status: AnchorStatus::NotFound };
        }
        let prefix = prefix.map(fold).filter(|p| !p.is_empty());
        let suffix = suffix.map(fold).filter(|s| !s.is_empty());
        let haystack = &self.folded.text;
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = haystack[from..].find(&needle) {
            let start = from + pos;
            let end = start + needle.len();
            let prefix_ok = prefix.as_ref().is_none_or(|p| haystack[..start].trim_end().ends_with(p.as_str()));
            let suffix_ok = suffix.as_ref().is_none_or(|s| haystack[end..].trim_start().starts_with(s.as_str()));
            if prefix_ok && suffix_ok {
                found.push((start, end));
            }
            // Step one character so that overlapping occurrences are seen too.
            from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
        }
        let Some(&(start, end)) = found.first() else {
            return Anchor { span: None, status: AnchorStatus::NotFound };
        };
        let status =
            if found.len() == 1 { AnchorStatus::Exact } else { AnchorStatus::Ambiguous { count: found.len() } };
        let span = self.to_span(self.folded.start_of[start] as usize, self.folded.end_of[end - 1] as usize);
        Anchor { span: Some(span), status }
    }

    /// Converts a global code-point range in the joined body into a paragraph span.
    fn to_span(&self, start: usize, end: usize) -> QuoteSpan {
        let paragraph = self.paragraph_starts.partition_point(|&s| s <= start).saturating_sub(1);
        let base = self.paragraph_starts[paragraph];
        let len = self.body[paragraph].chars().count();
        QuoteSpan { paragraph, start: start - base, end: (end - base).min(len) }
    }
}

/// Anchors every quote of the article, in order.
pub fn anchor_article(article: &Article) -> Vec<Anchor> {
    let anchorer = Anchorer::new(&article.body);
    article.quotes.iter().map(|q| anchorer.anchor(&q.text, q.prefix.as_deref(), q.suffix.as_deref())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::slice_cp;

    /// One anchoring case: a body (paragraphs split on `|`), a quote, an optional prefix and suffix,
    /// and the expected result written as the matched source text, or `None` for not found.
    fn check(body: &str, text: &str, prefix: Option<&str>, suffix: Option<&str>, expect: Option<(&str, AnchorStatus)>) {
        let body: Vec<String> = body.split('|').map(str::to_owned).collect();
        let anchor = Anchorer::new(&body).anchor(text, prefix, suffix);
        let got = anchor.span.map(|s| (slice_cp(&body[s.paragraph], s.start, s.end), anchor.status));
        assert_eq!(got, expect, "anchoring {text:?} in {body:?}");
        if expect.is_none() {
            assert_eq!(anchor.status, AnchorStatus::NotFound);
        }
    }

    use AnchorStatus::*;

    #[test]
    fn anchoring_cases() {
        check("He said “it is over” today.", "\"it is over\"", None, None, Some(("“it is over”", Exact)));
        check("He said \"it is over\" today.", "“it is over”", None, None, Some(("\"it is over\"", Exact)));
        check("Russia’s army", "Russia's army", None, None, Some(("Russia’s army", Exact)));
        check("Il a dit «non» hier.", "\"non\"", None, None, Some(("«non»", Exact)));
        check("Sie sagte „nein“ gestern.", "\"nein\"", None, None, Some(("„nein“", Exact)));
        check("a\u{a0}b  c", "a b c", None, None, Some(("a\u{a0}b  c", Exact)));
        check("a b c", "a\u{a0}\u{a0}b\nc", None, None, Some(("a b c", Exact)));
        check(
            "soft\u{ad}ware and zero\u{200b}width",
            "software and zerowidth",
            None,
            None,
            Some(("soft\u{ad}ware and zero\u{200b}width", Exact)),
        );
        check("wait… what", "wait... what", None, None, Some(("wait… what", Exact)));
        check("10–12 days", "10-12 days", None, None, Some(("10–12 days", Exact)));
        check("  padded quote here ", "  padded quote ", None, None, Some(("padded quote", Exact)));
        check("no mention here", "missing words", None, None, None);
        check("", "anything", None, None, None);
        check("some text", "   ", None, None, None);
        // A repeated phrase: ambiguous alone, told apart by a prefix or a suffix.
        check("He said yes. She said yes.", "yes", None, None, Some(("yes", Ambiguous { count: 2 })));
        check("He said yes. She said yes.", "yes", Some("She said"), None, Some(("yes", Exact)));
        check("He said yes. She said yes.", "said", None, Some("yes. She"), Some(("said", Exact)));
        check("He said yes. She said yes.", "yes", Some("They said"), None, None);
        // A quote never crosses a paragraph break.
        check("end of one|start of two", "one start", None, None, None);
        check("first|second paragraph", "second", None, None, Some(("second", Exact)));
        // Astral and combining characters keep code-point offsets right.
        check("😀 e\u{301}t “voilà” 😀", "\"voilà\"", None, None, Some(("“voilà”", Exact)));
    }

    #[test]
    fn spans_are_code_points_in_the_right_paragraph() {
        let body = vec!["😀😀 ab".to_owned(), "x😀 cd".to_owned()];
        let anchor = Anchorer::new(&body).anchor("cd", None, None);
        assert_eq!(anchor.span, Some(QuoteSpan { paragraph: 1, start: 3, end: 5 }));
        let anchor = Anchorer::new(&body).anchor("ab", None, None);
        assert_eq!(anchor.span, Some(QuoteSpan { paragraph: 0, start: 3, end: 5 }));
    }
}
