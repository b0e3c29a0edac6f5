//! Pairs quote marks into quoted passages in one pass over the characters.
//!
//! The scanner never fails: a mark it cannot pair is either treated as an apostrophe or closes
//! its passage at the end of the paragraph, so an unbalanced document still yields its quotes.
//!
//! A quote left open at the end of a paragraph and reopened at the start of the next is one
//! passage per paragraph: the first `runs_on`, and the mark that reopens the quote opens the
//! next passage. Attribution decides whether the paragraphs make one quote or one each.

use super::lexicon;
use super::words;
use super::Span;
pub(crate) use counterpoint_core::text::is_soft_wrap;

/// Finds an attribution written inside a quote whose closing mark is missing
/// ("“We will rebuild, Gov. Pat McCrory said …") and returns where the quote must end.
fn embedded_attribution(chars: &[char], from: usize, to: usize) -> Option<usize> {
    let mut i = from;
    while i < to {
        if matches!(chars[i], ',' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && attribution_follows(chars, i + 2, to)
        {
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// Reads up to six words after `at` looking for "[Name …] said" or "said [Name]".
fn attribution_follows(chars: &[char], at: usize, to: usize) -> bool {
    let text: String = chars[at..to.min(at + 80)].iter().collect();
    let ahead: Vec<&str> = text.split_whitespace().take(7).collect();
    for (n, raw) in ahead.iter().enumerate() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if lexicon::is_cue(&word) && !raw.starts_with(char::is_uppercase) {
            let reversed = n == 0 && ahead.get(1).is_some_and(|w| w.starts_with(char::is_uppercase));
            return n > 0 || reversed;
        }
        let subject_word = raw.starts_with(char::is_uppercase)
            || words::SUBJECT_OPENERS.contains(&word)
            || lexicon::is_role_noun(&word);
        if !subject_word {
            return false;
        }
    }
    false
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
    Guillemet,
}

/// How a glyph leans when its context does not decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lean {
    /// Only ever opens („).
    OpenOnly,
    /// Usually opens (“ ‘ «).
    Open,
    /// Usually closes (” ’ »).
    Close,
    /// Straight marks (" ').
    Either,
}

/// What the neighbouring characters say about a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Open,
    Close,
    /// Between two letters or digits, as in "don’t".
    Inner,
    Unclear,
}

/// What one quote-mark character does in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkRole {
    Open(usize),
    Close(usize),
}

/// A top-level quoted passage; offsets are code points.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MarkedSpan {
    pub open: usize,
    pub close: Option<usize>,
    /// The quoted words without the marks.
    pub content: Span,
    /// The quoted words as one piece (a passage lies within one paragraph).
    pub pieces: Vec<Span>,
    /// Left open at the end of its paragraph and reopened by the next passage, at the start of
    /// the next paragraph.
    pub runs_on: bool,
}

#[derive(Default)]
pub(crate) struct MarkScan {
    pub spans: Vec<MarkedSpan>,
    /// Every character acting as a top-level mark, sorted by position.
    pub roles: Vec<(usize, MarkRole)>,
}

struct OpenMark {
    family: Family,
    at: usize,
    pieces: Vec<Span>,
    piece_start: usize,
}

fn glyph(c: char) -> Option<(Family, Lean)> {
    let found = match c {
        '“' | '‟' => (Family::Double, Lean::Open),
        '”' => (Family::Double, Lean::Close),
        '„' => (Family::Double, Lean::OpenOnly),
        '"' => (Family::Double, Lean::Either),
        '‚' => (Family::Single, Lean::OpenOnly),
        '‘' | '‛' => (Family::Single, Lean::Open),
        '’' => (Family::Single, Lean::Close),
        '\'' => (Family::Single, Lean::Either),
        '«' | '‹' => (Family::Guillemet, Lean::Open),
        '»' | '›' => (Family::Guillemet, Lean::Close),
        _ => return None,
    };
    Some(found)
}

pub(crate) fn is_quote_glyph(c: char) -> bool {
    glyph(c).is_some()
}

fn opens_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || is_quote_glyph(c),
    }
}

fn closes_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…')
                || is_quote_glyph(c)
        }
    }
}

fn hint(prev: Option<char>, next: Option<char>) -> Hint {
    let before_open = opens_context(prev);
    let after_close = closes_context(next);
    match (before_open, after_close) {
        (true, false) => Hint::Open,
        (false, true) => Hint::Close,
        _ if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) => Hint::Inner,
        _ => Hint::Unclear,
    }
}

/// Scans the whole text once and returns the top-level quoted passages.
pub(crate) fn scan(chars: &[char]) -> MarkScan {
    let mut scanner = Scanner { chars, stack: Vec::new(), out: MarkScan::default(), pending_reopen: None };
    let mut i = 0;
    while i < chars.len() {
        i = scanner.step(i);
    }
    scanner.close_unfinished(chars.len());
    scanner.out.roles.sort_by_key(|(at, _)| *at);
    scanner.out
}

struct Scanner<'a> {
    chars: &'a [char],
    stack: Vec<OpenMark>,
    out: MarkScan,
    pending_reopen: Option<usize>,
}

impl Scanner<'_> {
    /// Handles the character at `i` and returns the next index to look at.
    fn step(&mut self, i: usize) -> usize {
        let c = self.chars[i];
        if c == '\n' {
            return self.paragraph_break(i);
        }
        if self.pending_reopen == Some(i) {
            self.pending_reopen = None;
            if let Some((family, _)) = glyph(c) {
                self.open(family, i);
            }
            return i + 1;
        }
        let Some((family, lean)) = glyph(c) else {
            return i + 1;
        };
        let prev = i.checked_sub(1).map(|p| self.chars[p]);
        let next = self.chars.get(i + 1).copied();
        let hint = hint(prev, next);
        if family == Family::Single && is_apostrophe(lean, hint, prev, next, &self.stack) {
            return i + 1;
        }
        let open_at = self.stack.iter().rposition(|m| m.family == family);
        match open_at {
            Some(depth) if lean != Lean::OpenOnly && hint != Hint::Open => {
                self.close(depth, i);
            }
            Some(depth) => {
                // A second opener of the same family means the first one was never closed.
                if depth == 0 {
                    self.emit_unclosed(i);
                    self.stack.clear();
                } else {
                    self.stack.truncate(depth);
                }
                self.open(family, i);
            }
            None => {
                let can_open = match lean {
                    Lean::OpenOnly | Lean::Open => hint != Hint::Close,
                    Lean::Either => hint == Hint::Open || hint == Hint::Unclear,
                    // Some writers use ” or » for both ends; only a clear opening context counts.
                    Lean::Close => hint == Hint::Open && family != Family::Single,
                };
                if can_open {
                    self.open(family, i);
                }
            }
        }
        i + 1
    }

    fn open(&mut self, family: Family, at: usize) {
        self.stack.push(OpenMark { family, at, pieces: Vec::new(), piece_start: at + 1 });
    }

    fn close(&mut self, depth: usize, at: usize) {
        self.stack.truncate(depth + 1);
        let Some(mut mark) = self.stack.pop() else {
            return;
        };
        if !self.stack.is_empty() {
            return;
        }
        mark.pieces.push(Span::new(mark.piece_start, at));
        self.emit(mark, Some(at), false);
    }

    /// Decides at a line break whether an open passage continues in the next paragraph.
    fn paragraph_break(&mut self, i: usize) -> usize {
        if self.stack.is_empty() {
            return i + 1;
        }
        let mut j = i;
        while j < self.chars.len() && self.chars[j].is_whitespace() {
            j += 1;
        }
        if is_soft_wrap(self.chars, i) {
            return j;
        }
        let piece_start = self.stack[0].piece_start;
        if let Some(cut) = embedded_attribution(self.chars, piece_start, i) {
            self.emit_unclosed(cut);
            self.stack.clear();
            return j;
        }
        let family = self.stack[0].family;
        let next = self.chars.get(j).copied();
        let reopens = next.and_then(glyph).is_some_and(|(f, lean)| f == family && lean != Lean::Close);
        if reopens {
            self.stack.truncate(1);
            if let Some(mut mark) = self.stack.pop() {
                mark.pieces.push(Span::new(mark.piece_start, i));
                self.emit(mark, None, true);
            }
            self.pending_reopen = Some(j);
            return j;
        }
        self.emit_unclosed(i);
        self.stack.clear();
        j
    }

    /// Ends an unclosed passage just before `at`; single marks are dropped, as they are more
    /// often stray apostrophes than quotes.
    fn emit_unclosed(&mut self, at: usize) {
        if self.stack.is_empty() {
            return;
        }
        let mut mark = self.stack.swap_remove(0);
        if mark.family == Family::Single {
            return;
        }
        mark.pieces.push(Span::new(mark.piece_start, at));
        self.emit(mark, None, false);
    }

    fn close_unfinished(&mut self, end: usize) {
        let Some(top) = self.stack.first() else {
            return;
        };
        let cut = embedded_attribution(self.chars, top.piece_start, end).unwrap_or(end);
        self.emit_unclosed(cut);
    }

    fn emit(&mut self, mark: OpenMark, close: Option<usize>, runs_on: bool) {
        let pieces: Vec<Span> = mark.pieces.iter().map(|p| trim(self.chars, *p)).filter(|p| !p.is_empty()).collect();
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return;
        };
        let index = self.out.spans.len();
        let content = Span::new(first.start, last.end);
        self.out.roles.push((mark.at, MarkRole::Open(index)));
        if let Some(at) = close {
            self.out.roles.push((at, MarkRole::Close(index)));
        }
        self.out.spans.push(MarkedSpan { open: mark.at, close, content, pieces, runs_on });
    }
}

/// Tells a single mark used as an apostrophe (don’t, Russia’s, US’ arming, ’90s) from a quote.
fn is_apostrophe(lean: Lean, hint: Hint, prev: Option<char>, next: Option<char>, stack: &[OpenMark]) -> bool {
    if hint == Hint::Inner {
        return true;
    }
    if next.is_some_and(|c| c.is_ascii_digit()) && lean != Lean::Close {
        return true;
    }
    let single_open = stack.iter().any(|m| m.family == Family::Single);
    let after_letter = prev.is_some_and(char::is_alphanumeric);
    // A closing-looking mark after a word with no single quote open is a possessive (US’).
    after_letter && matches!(lean, Lean::Close | Lean::Either) && !single_open
}

fn trim(chars: &[char], span: Span) -> Span {
    let mut start = span.start;
    let mut end = span.end.min(chars.len());
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    Span::new(start, end)
}
