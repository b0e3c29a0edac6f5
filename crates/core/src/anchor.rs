//! Finds each quote's words in the article body.
//!
//! Authors never count offsets: a quote gives its text (and, when the same words occur more than once,
//! a prefix or suffix) and the anchorer finds it. Matching ignores the differences that copying text
//! between tools introduces: curly, straight and angle quote marks, dash variants, the ellipsis
//! character, runs of whitespace including NBSP, and invisible characters such as soft hyphens.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM. Spans are code points.

use std::cell::OnceCell;

use crate::model::{Article, QuoteHint};
use crate::text::{is_quote_mark, straight_quote};

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
    /// Found as written in pieces, in order, in one paragraph: the quote elides words ("A … B",
    /// a split quote), and the words between are in the anchor's `gaps`.
    Elided,
    /// Not found as written, but a near match was: a typo. `score` is the similarity in per
    /// cent.
    Fuzzy { score: u8 },
    /// Not found; the quote is listed as "not found in the text" and never highlighted.
    NotFound,
}

/// The closest text to a quote that was not found, for the anchor-health panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NearMiss {
    pub span: QuoteSpan,
    /// Similarity in per cent (100 minus the edit distance as a share of the quote's length).
    pub similarity: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub span: Option<QuoteSpan>,
    pub status: AnchorStatus,
    /// For a quote not found: the nearest candidate in the text, when the search could afford it.
    pub near: Option<NearMiss>,
    /// The words an elided quote skips, as code-point ranges of its paragraph inside `span`, in
    /// order; empty for any other.
    pub gaps: Vec<(usize, usize)>,
}

impl Anchor {
    const NOT_FOUND: Anchor = Anchor { span: None, status: AnchorStatus::NotFound, near: None, gaps: Vec::new() };

    fn at(span: QuoteSpan, status: AnchorStatus) -> Anchor {
        Anchor { span: Some(span), status, near: None, gaps: Vec::new() }
    }
}

/// Quotes shorter than this (in bytes) are never matched approximately: too many false friends.
const FUZZY_MIN_LEN: usize = 12;

/// The approximate search costs body length × quote length; above this it is skipped.
const FUZZY_MAX_CELLS: usize = 60_000_000;

/// Bodies at least this large get an index of 8-byte windows once they are searched
/// `INDEX_AFTER_SEARCHES` times, so that hundreds of quotes anchor in linear time instead of
/// each scanning the whole body. A 1,000-quote article of 70 KB took 67 ms of scanning in
/// Chromium without it; its index sorts in about 2.
const INDEX_MIN_BODY: usize = 16 * 1024;
const INDEX_AFTER_SEARCHES: usize = 8;

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
        // Primes, often typed for quote marks, fold with them.
        '\u{2032}' => Some('\''),
        '\u{2033}' => Some('"'),
        c if is_quote_mark(c) => straight_quote(c),
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
    /// For large bodies: every 8-byte window of the folded text with its offset, sorted. Built
    /// after a few searches, so an article whose quotes all carry valid hints, or a single search,
    /// never pays for it.
    index: OnceCell<Vec<(u64, u32)>>,
    /// Searches so far, until the index is built.
    searches: std::cell::Cell<usize>,
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
        Self { body, folded, index: OnceCell::new(), searches: std::cell::Cell::new(0), paragraph_starts }
    }

    /// Every start offset of `needle` in the folded body, overlapping ones included, in order.
    fn occurrences(&self, needle: &str) -> Vec<usize> {
        let haystack = &self.folded.text;
        self.searches.set(self.searches.get() + 1);
        let index: &[(u64, u32)] = if haystack.len() < INDEX_MIN_BODY {
            &[]
        } else if self.searches.get() > INDEX_AFTER_SEARCHES {
            self.index.get_or_init(|| build_index(haystack))
        } else {
            self.index.get().map_or(&[], Vec::as_slice)
        };
        if !index.is_empty() && needle.len() >= 8 {
            // Look up the rarest 8-byte window of the needle, then check each place it occurs. A
            // window found at most once cannot be bettered, and a window is counted only as far as
            // the rarest so far.
            let mut rarest: Option<(usize, usize, usize, usize)> = None;
            for offset in (0..=needle.len() - 8).step_by(4).filter(|&offset| needle.is_char_boundary(offset)) {
                let Some(key) = window_key(&needle.as_bytes()[offset..]) else {
                    continue;
                };
                let from = index.partition_point(|&(k, _)| k < key);
                let count = match rarest {
                    Some((best, ..)) if best <= 64 => {
                        index[from..].iter().take(best).take_while(|&&(k, _)| k == key).count()
                    }
                    _ => index[from..].partition_point(|&(k, _)| k == key),
                };
                if rarest.is_none_or(|(best, ..)| count < best) {
                    rarest = Some((count, offset, from, from + count));
                    if count <= 1 {
                        break;
                    }
                }
            }
            if let Some((_, offset, from, to)) = rarest {
                let mut found: Vec<usize> = index[from..to]
                    .iter()
                    .filter_map(|&(_, pos)| (pos as usize).checked_sub(offset))
                    .filter(|&start| haystack.get(start..).is_some_and(|rest| rest.starts_with(needle)))
                    .collect();
                found.sort_unstable();
                return found;
            }
        }
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = haystack[from..].find(needle) {
            let start = from + pos;
            found.push(start);
            // Step one character so that overlapping occurrences are seen too.
            from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    /// Finds `text` in the body, using `prefix` and `suffix` to choose between repeated occurrences.
    /// When the words are not there as written, an ellipsis or a few typos may still be matched
    /// (reported as [`AnchorStatus::Fuzzy`]); otherwise the nearest candidate is reported.
    pub fn anchor(&self, text: &str, prefix: Option<&str>, suffix: Option<&str>) -> Anchor {
        self.anchor_with_hint(text, prefix, suffix, None)
    }

    /// Like [`Anchorer::anchor`], but first checks `hint`, the place the quote was found last time.
    /// A hint that still matches settles the quote without a search; a stale one is ignored.
    pub fn anchor_with_hint(
        &self,
        text: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
        hint: Option<QuoteHint>,
    ) -> Anchor {
        let needle = fold(text);
        if needle.is_empty() || needle.contains(PARAGRAPH_BREAK) {
            return Anchor::NOT_FOUND;
        }
        let prefix = prefix.map(fold).filter(|p| !p.is_empty());
        let suffix = suffix.map(fold).filter(|s| !s.is_empty());
        let haystack = &self.folded.text;
        let context_ok = |start: usize| {
            let end = start + needle.len();
            let prefix_ok = prefix.as_ref().is_none_or(|p| haystack[..start].trim_end().ends_with(p.as_str()));
            let suffix_ok = suffix.as_ref().is_none_or(|s| haystack[end..].trim_start().starts_with(s.as_str()));
            prefix_ok && suffix_ok
        };
        if let Some(start) = hint.and_then(|h| self.folded_offset(h)) {
            if haystack[start..].starts_with(needle.as_str()) && context_ok(start) {
                let span = self.folded_span(start, start + needle.len());
                return Anchor::at(span, AnchorStatus::Exact);
            }
        }
        let found: Vec<usize> = self.occurrences(&needle).into_iter().filter(|&start| context_ok(start)).collect();
        if let Some(&start) = found.first() {
            let status =
                if found.len() == 1 { AnchorStatus::Exact } else { AnchorStatus::Ambiguous { count: found.len() } };
            return Anchor::at(self.folded_span(start, start + needle.len()), status);
        }
        if let Some(anchor) = self.anchor_elided(&needle) {
            return anchor;
        }
        self.anchor_approximately(&needle)
    }

    /// A quote that elides words with "..." matches when its pieces appear in order in one
    /// paragraph; the words between them are the anchor's gaps.
    fn anchor_elided(&self, needle: &str) -> Option<Anchor> {
        let pieces: Vec<&str> = needle.split("...").map(str::trim).filter(|p| !p.is_empty()).collect();
        if pieces.len() < 2 {
            return None;
        }
        let haystack = &self.folded.text;
        for first in self.occurrences(pieces[0]) {
            let paragraph_end = haystack[first..].find(PARAGRAPH_BREAK).map_or(haystack.len(), |p| first + p);
            let mut found = vec![(first, first + pieces[0].len())];
            let mut end = first + pieces[0].len();
            let all_found = pieces[1..].iter().all(|piece| match haystack[end..paragraph_end].find(piece) {
                Some(pos) => {
                    found.push((end + pos, end + pos + piece.len()));
                    end += pos + piece.len();
                    true
                }
                None => false,
            });
            if all_found {
                let mut anchor = Anchor::at(self.folded_span(first, end), AnchorStatus::Elided);
                let spans: Vec<QuoteSpan> = found.iter().map(|&(a, b)| self.folded_span(a, b)).collect();
                anchor.gaps = spans.windows(2).map(|w| (w[0].end, w[1].start)).filter(|(a, b)| a < b).collect();
                return Some(anchor);
            }
        }
        None
    }

    /// Finds the closest substring by edit distance (Sellers' algorithm). Within the bound it is a
    /// fuzzy match; beyond it, it is reported as the nearest candidate of a quote not found.
    fn anchor_approximately(&self, needle: &str) -> Anchor {
        let pattern: Vec<u8> = needle.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let text = self.folded.text.as_bytes();
        if pattern.len().saturating_mul(text.len()) > FUZZY_MAX_CELLS || text.is_empty() {
            return Anchor::NOT_FOUND;
        }
        let m = pattern.len();
        // cost[i]: distance of pattern[..i] against the best suffix ending here; from[i]: its start.
        let mut cost: Vec<usize> = (0..=m).collect();
        let mut from: Vec<usize> = vec![0; m + 1];
        let mut best = (usize::MAX, 0, 0);
        for (j, &byte) in text.iter().enumerate() {
            let byte = byte.to_ascii_lowercase();
            let (mut diagonal, mut diagonal_from) = (0, j);
            cost[0] = 0;
            from[0] = j + 1;
            for i in 1..=m {
                let substitute = diagonal + usize::from(pattern[i - 1] != byte);
                let delete = cost[i] + 1;
                let insert = cost[i - 1] + 1;
                let (next, next_from) = if substitute <= delete && substitute <= insert {
                    (substitute, diagonal_from)
                } else if delete <= insert {
                    (delete, from[i])
                } else {
                    (insert, from[i - 1])
                };
                diagonal = cost[i];
                diagonal_from = from[i];
                cost[i] = next;
                from[i] = next_from;
            }
            if cost[m] < best.0 {
                best = (cost[m], from[m], j + 1);
            }
        }
        let (distance, start, end) = best;
        let (start, end) = self.snap_to_words(self.floor_boundary(start), self.ceil_boundary(end));
        if start >= end {
            return Anchor::NOT_FOUND;
        }
        let similarity = (100 - (distance * 100 / m).min(100)) as u8;
        let span = self.folded_span(start, end);
        let bound = (m / 10).clamp(1, 30);
        if m >= FUZZY_MIN_LEN && distance <= bound {
            return Anchor::at(span, AnchorStatus::Fuzzy { score: similarity });
        }
        Anchor { near: Some(NearMiss { span, similarity }), ..Anchor::NOT_FOUND }
    }

    /// Widens a byte range so that it does not cut a word in two, for a readable candidate.
    fn snap_to_words(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        let bytes = self.folded.text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        while start > 0 && start < bytes.len() && is_word(bytes[start - 1]) && is_word(bytes[start]) {
            start -= 1;
        }
        while end > 0 && end < bytes.len() && is_word(bytes[end - 1]) && is_word(bytes[end]) {
            end += 1;
        }
        (self.floor_boundary(start), self.ceil_boundary(end))
    }

    fn floor_boundary(&self, mut i: usize) -> usize {
        while i > 0 && !self.folded.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    fn ceil_boundary(&self, mut i: usize) -> usize {
        while i < self.folded.text.len() && !self.folded.text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    /// The folded byte offset where a hinted source position begins, if the hint is in range.
    fn folded_offset(&self, hint: QuoteHint) -> Option<usize> {
        let paragraph = self.body.get(hint.paragraph)?;
        if hint.start >= paragraph.chars().count() {
            return None;
        }
        let cp = (self.paragraph_starts[hint.paragraph] + hint.start) as u32;
        let at = self.folded.start_of.partition_point(|&c| c < cp);
        (at < self.folded.text.len() && self.folded.text.is_char_boundary(at)).then_some(at)
    }

    /// The source span of a byte range of the folded text.
    fn folded_span(&self, start: usize, end: usize) -> QuoteSpan {
        self.to_span(self.folded.start_of[start] as usize, self.folded.end_of[end - 1] as usize)
    }

    /// Converts a global code-point range in the joined body into a paragraph span.
    fn to_span(&self, start: usize, end: usize) -> QuoteSpan {
        let paragraph = self.paragraph_starts.partition_point(|&s| s <= start).saturating_sub(1);
        let base = self.paragraph_starts[paragraph];
        let len = self.body[paragraph].chars().count();
        QuoteSpan { paragraph, start: start - base, end: (end - base).min(len) }
    }
}

/// The first eight bytes of `bytes` as an index key, when there are eight.
fn window_key(bytes: &[u8]) -> Option<u64> {
    bytes.get(..8).and_then(|w| w.try_into().ok()).map(u64::from_le_bytes)
}

fn build_index(text: &str) -> Vec<(u64, u32)> {
    let bytes = text.as_bytes();
    let mut index: Vec<(u64, u32)> = (0..bytes.len().saturating_sub(7))
        .filter(|&i| text.is_char_boundary(i))
        .filter_map(|i| Some((window_key(&bytes[i..])?, i as u32)))
        .collect();
    index.sort_unstable();
    index
}

/// Anchors every quote of the article, in order.
pub fn anchor_article(article: &Article) -> Vec<Anchor> {
    let anchorer = Anchorer::new(&article.body);
    article
        .quotes
        .iter()
        .map(|q| anchorer.anchor_with_hint(&q.text, q.prefix.as_deref(), q.suffix.as_deref(), q.hint))
        .collect()
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

    /// The anchorer folds every quote mark of `text::straight_quote` to its straight mark, and
    /// still folds what it folded before there was one list (primes included).
    #[test]
    fn every_quote_mark_folds_to_its_straight_mark() {
        for c in crate::text::quote_marks() {
            assert_eq!(fold_char(c), straight_quote(c), "{c:?} (U+{:04X})", c as u32);
        }
        for c in "‘’‚‛‹›′".chars() {
            assert_eq!(fold_char(c), Some('\''), "{c:?}");
        }
        for c in "“”„‟«»″".chars() {
            assert_eq!(fold_char(c), Some('"'), "{c:?}");
        }
        check("Elle a dit ‹non› et ‛oui‟.", "'non' et 'oui\"", None, None, Some(("‹non› et ‛oui‟", Exact)));
    }

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
        // Near misses: a typo, an elision, a changed word are fuzzy with a score.
        check(
            "The ceasefire collapsed after one week.",
            "ceasefire colapsed after one",
            None,
            None,
            Some(("ceasefire collapsed after one", Fuzzy { score: 97 })),
        );
        check(
            "We will not cut schools, not now, not ever.",
            "We will not cut schools … not ever",
            None,
            None,
            Some(("We will not cut schools, not now, not ever", Elided)),
        );
        check(
            "We will not cut schools. Next paragraph|not ever",
            "We will not cut schools ... not ever",
            None,
            None,
            None,
        );
        check("A short one.", "A shrt one", None, None, None);
        check("Completely different words here.", "nothing alike in this quote at all", None, None, None);
        // Astral and combining characters keep code-point offsets right.
        check("😀 e\u{301}t “voilà” 😀", "\"voilà\"", None, None, Some(("“voilà”", Exact)));
    }

    #[test]
    fn an_elided_quote_skips_the_words_between_its_pieces() {
        let body = vec!["“We will not cut schools,” she said, “not now, not ever.”".to_owned()];
        let anchorer = Anchorer::new(&body);
        let anchor = anchorer.anchor("We will not cut schools … not now, not ever.", None, None);
        assert_eq!(anchor.status, Elided);
        let span = anchor.span.unwrap();
        let text = |a: usize, b: usize| body[0].chars().skip(a).take(b - a).collect::<String>();
        assert_eq!(text(span.start, span.end), "We will not cut schools,” she said, “not now, not ever.");
        assert_eq!(anchor.gaps.iter().map(|&(a, b)| text(a, b)).collect::<Vec<_>>(), [",” she said, “"]);
        // Three pieces, two gaps; and a quote found whole has none.
        let anchor = anchorer.anchor("We will … schools … not ever", None, None);
        assert_eq!(anchor.gaps.len(), 2);
        assert!(anchorer.anchor("not now, not ever", None, None).gaps.is_empty());
    }

    #[test]
    fn a_quote_not_found_reports_its_nearest_candidate() {
        let body = vec!["Officials said the talks were going well.".to_owned()];
        let anchor = Anchorer::new(&body).anchor("the talks were going very badly indeed", None, None);
        assert_eq!(anchor.status, NotFound);
        assert_eq!(anchor.span, None);
        let near = anchor.near.expect("a nearest candidate");
        assert_eq!(slice_cp(&body[0], near.span.start, near.span.end), "the talks were going well");
        assert!((50..90).contains(&near.similarity), "similarity {}", near.similarity);
    }

    #[test]
    fn large_bodies_use_the_index_and_agree_with_the_scan() {
        let paragraph = "Filler words go here and there. ".repeat(40);
        let mut body: Vec<String> =
            (0..250).map(|i| format!("{paragraph} Marker number {i} says “yes {i}”.")).collect();
        body.push("Short “ok” at the end.".to_owned());
        let anchorer = Anchorer::new(&body);
        let marker = |i: usize| format!("Marker number {i} says \"yes {i}\"");
        let found = |anchor: Anchor| (anchor.span, anchor.status);
        // The first few searches scan; after them the index is built, and it agrees with the scan.
        let scanned: Vec<_> =
            (0..INDEX_AFTER_SEARCHES).map(|i| found(anchorer.anchor(&marker(i), None, None))).collect();
        assert!(anchorer.index.get().is_none(), "a few searches scan the body");
        let anchor = anchorer.anchor(&marker(137), None, None);
        assert!(anchorer.index.get().is_some_and(|i| !i.is_empty()), "the body is large enough to be indexed");
        for (i, scanned) in scanned.into_iter().enumerate() {
            assert_eq!(found(anchorer.anchor(&marker(i), None, None)), scanned, "marker {i}");
        }
        let span = anchor.span.expect("found");
        assert_eq!((span.paragraph, anchor.status), (137, Exact));
        assert_eq!(slice_cp(&body[137], span.start, span.end), "Marker number 137 says “yes 137”");
        // Shorter than the index window: found by scanning.
        assert_eq!(anchorer.anchor("ok", None, None).span.map(|s| s.paragraph), Some(250));
        assert_eq!(anchorer.anchor("Filler words go", None, None).status, Ambiguous { count: 10_000 });
    }

    #[test]
    fn a_hint_settles_a_repeated_quote_and_a_stale_one_is_ignored() {
        let body = vec!["He said yes.".to_owned(), "😀 She said yes.".to_owned()];
        let anchorer = Anchorer::new(&body);
        let at = |paragraph, start| Some(QuoteHint { paragraph, start });
        let second = anchorer.anchor_with_hint("yes", None, None, at(1, 11));
        assert_eq!((second.span, second.status), (Some(QuoteSpan { paragraph: 1, start: 11, end: 14 }), Exact));
        // A hint that no longer matches (the text changed) falls back to the search.
        for stale in [at(1, 3), at(7, 0), at(0, 99)] {
            let anchor = anchorer.anchor_with_hint("yes", None, None, stale);
            assert_eq!((anchor.span.map(|s| s.paragraph), anchor.status), (Some(0), Ambiguous { count: 2 }));
        }
        // A hint does not override a prefix that says otherwise.
        let anchor = anchorer.anchor_with_hint("yes", Some("He said"), None, at(1, 11));
        assert_eq!((anchor.span.map(|s| s.paragraph), anchor.status), (Some(0), Exact));
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
