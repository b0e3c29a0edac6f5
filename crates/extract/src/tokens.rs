//! Splits the text into words, punctuation, quote marks and paragraph breaks, and groups the
//! tokens outside quotes into sentences.
//!
//! Everything here is one linear pass; later stages only look at small windows of tokens.

use super::lexicon;
use super::marks::{self, MarkRole, MarkedSpan};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
    Open(u32),
    Close(u32),
    /// One or more line breaks outside a quote.
    Break,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Code-point offsets, stored as `u32` to keep tokens small on long texts.
    start: u32,
    end: u32,
    pub kind: Kind,
    /// Byte range of the lowercase form in `Doc::lower`.
    lower: (u32, u32),
    /// The top-level quoted passage this token lies in, if any.
    pub quote: Option<u32>,
    pub paragraph: u32,
    pub sentence: u32,
}

impl Token {
    #[inline(always)]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    #[inline(always)]
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }
}

/// The analysed text: characters, tokens, quoted passages and sentences.
pub(crate) struct Doc<'a> {
    pub chars: &'a [char],
    pub tokens: Vec<Token>,
    pub spans: Vec<MarkedSpan>,
    /// Token index of each passage's opening mark.
    pub span_open: Vec<usize>,
    /// Token index of each passage's closing mark, or of its last word when unclosed.
    pub span_close: Vec<usize>,
    /// Token ranges of sentences, counted outside quotes.
    pub sentences: Vec<(usize, usize)>,
    /// The token that ends the headline: the first line's first break or the first token of a
    /// later paragraph, when that line is shaped like a headline (`text::looks_like_title`);
    /// else 0, no headline.
    pub headline_end: usize,
    lower: String,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(chars: &'a [char]) -> Doc<'a> {
        let scan = marks::scan(chars);
        let mut doc = Doc {
            chars,
            // News text averages about five code points per token.
            tokens: Vec::with_capacity(chars.len() / 5 + 16),
            span_open: vec![usize::MAX; scan.spans.len()],
            span_close: vec![usize::MAX; scan.spans.len()],
            spans: scan.spans,
            sentences: Vec::new(),
            headline_end: 0,
            lower: String::with_capacity(chars.len()),
        };
        doc.tokenize(&scan.roles);
        doc.assign_quotes();
        doc.split_sentences();
        let end = doc
            .tokens
            .iter()
            .position(|t| t.paragraph != 0 || matches!(t.kind, Kind::Break))
            .unwrap_or(doc.tokens.len());
        // A headline has the story after it, and is short (25 words at most).
        let line_end = end.checked_sub(1).map_or(0, |last| doc.tokens[last].end());
        let headline = end < doc.tokens.len()
            && line_end <= 600
            && counterpoint_core::text::looks_like_title(chars[..line_end].iter().collect::<String>().trim());
        doc.headline_end = if headline { end } else { 0 };
        doc
    }

    /// The lowercase form of a word token (empty for other tokens).
    #[inline(always)]
    pub(crate) fn lower(&self, t: usize) -> &str {
        let (a, b) = self.tokens[t].lower;
        &self.lower[a as usize..b as usize]
    }

    #[inline(always)]
    pub(crate) fn is_word(&self, t: usize) -> bool {
        self.tokens.get(t).is_some_and(|k| k.kind == Kind::Word)
    }

    /// A word that starts with a capital, or a name joined to a particle ("al-Youssef",
    /// "bin-Salman", "el-Sisi").
    #[inline(always)]
    pub(crate) fn is_capitalized(&self, t: usize) -> bool {
        self.is_word(t) && {
            let start = self.tokens[t].start();
            // "@NWSBayArea": a handle names someone as a capitalized name does.
            self.chars[start].is_uppercase() || self.chars[start] == '@' || self.particle_name(t, start)
        }
    }

    fn particle_name(&self, t: usize, start: usize) -> bool {
        let Some(dash) = (start + 1..(start + 4).min(self.tokens[t].end())).find(|i| self.chars[*i] == '-') else {
            return false;
        };
        self.chars.get(dash + 1).is_some_and(|c| c.is_uppercase()) && {
            let particle: String = self.chars[start..dash].iter().collect();
            lexicon::is_name_particle(&particle)
        }
    }

    #[inline(always)]
    pub(crate) fn is_punct(&self, t: usize, c: char) -> bool {
        self.tokens.get(t).is_some_and(|k| k.kind == Kind::Punct(c))
    }

    #[inline(always)]
    pub(crate) fn outside(&self, t: usize) -> bool {
        self.tokens.get(t).is_some_and(|k| k.quote.is_none())
    }

    pub(crate) fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    fn tokenize(&mut self, roles: &[(usize, MarkRole)]) {
        let chars = self.chars;
        let mut roles = roles.iter().peekable();
        let mut i = 0;
        while i < chars.len() {
            while roles.peek().is_some_and(|(at, _)| *at < i) {
                roles.next();
            }
            let role = roles.peek().filter(|(at, _)| *at == i).map(|(_, r)| *r);
            let c = chars[i];
            if let Some(role) = role {
                let kind = match role {
                    MarkRole::Open(k) => Kind::Open(k as u32),
                    MarkRole::Close(k) => Kind::Close(k as u32),
                };
                self.push(i, i + 1, kind);
                i += 1;
            } else if c == '\n' && !marks::is_soft_wrap(chars, i) {
                let mut j = i;
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                self.push(i, i + 1, Kind::Break);
                i = j;
            } else if c.is_whitespace() {
                i += 1;
            } else if c.is_alphanumeric() {
                let end = self.word_end(i, roles.peek().map(|(at, _)| *at));
                self.push(i, end, Kind::Word);
                i = end;
            } else if let Some(end) = self.handle_end(i) {
                self.push(i, end, Kind::Word);
                i = end;
            } else {
                i = self.punct(i);
            }
        }
    }

    fn punct(&mut self, i: usize) -> usize {
        let chars = self.chars;
        let c = chars[i];
        if c == '.' && chars.get(i + 1) == Some(&'.') {
            let mut j = i;
            while j < chars.len() && (chars[j] == '.' || chars[j] == ' ') {
                if chars[j] == ' ' && chars.get(j + 1) != Some(&'.') {
                    break;
                }
                j += 1;
            }
            self.push(i, j, Kind::Punct('…'));
            return j;
        }
        if c == '-' && chars.get(i + 1) == Some(&'-') {
            self.push(i, i + 2, Kind::Punct('—'));
            return i + 2;
        }
        let c = if c == '–' { '—' } else { c };
        self.push(i, i + 1, Kind::Punct(c));
        i + 1
    }

    /// Finds where a social-media handle ("@NWSBayArea") that starts at `i` ends: an "@" after
    /// a space, a bracket or the start, then letters, digits and underscores. None for anything
    /// else, such as the "@" inside an e-mail address.
    fn handle_end(&self, i: usize) -> Option<usize> {
        let chars = self.chars;
        let starts = chars[i] == '@' && (i == 0 || chars[i - 1].is_whitespace() || matches!(chars[i - 1], '(' | '['));
        let in_handle = |c: &char| c.is_alphanumeric() || *c == '_';
        let len = chars[i + 1..].iter().take_while(|c| in_handle(c)).count();
        (starts && len > 0).then_some(i + 1 + len)
    }

    /// Finds where a word starting at `i` ends; `next_mark` is the next quote mark position.
    fn word_end(&self, i: usize, next_mark: Option<usize>) -> usize {
        let chars = self.chars;
        let is_mark = |j: usize| next_mark == Some(j);
        let alnum_at = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric());
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let joins = match c {
                '\'' | '’' => !is_mark(j) && alnum_at(j + 1),
                '-' | '.' | '‑' | '&' => alnum_at(j + 1),
                ',' => chars[j - 1].is_ascii_digit() && chars.get(j + 1).is_some_and(char::is_ascii_digit),
                _ => false,
            };
            if joins {
                j += 1;
                continue;
            }
            // A possessive plural such as "US’" keeps its apostrophe.
            let possessive =
                matches!(c, '\'' | '’') && !is_mark(j) && matches!(chars[j - 1], 's' | 'S') && !alnum_at(j + 1);
            if possessive {
                j += 1;
            }
            break;
        }
        if chars.get(j) == Some(&'.') && self.keeps_period(i, j) {
            j += 1;
        }
        j
    }

    /// Tells whether the period after a word belongs to it (Sen., U.S., J.).
    fn keeps_period(&self, start: usize, end: usize) -> bool {
        let word = &self.chars[start..end];
        if word.contains(&'.') || (word.len() == 1 && word[0].is_uppercase()) {
            return true;
        }
        let last_part = word.rsplit(|c| *c == '-').next().unwrap_or(word);
        if last_part.len() > 5 {
            return false;
        }
        let lower: String = last_part.iter().flat_map(|c| c.to_lowercase()).collect();
        lexicon::is_abbreviation(&lower)
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        let a = self.lower.len() as u32;
        if kind == Kind::Word {
            let word = &self.chars[start..end];
            if word.len() <= 32 && word.iter().all(char::is_ascii) {
                // Most words are short and ASCII: lowercase them on the stack, append once.
                let mut buf = [0u8; 32];
                for (b, c) in buf.iter_mut().zip(word) {
                    *b = (*c as u8).to_ascii_lowercase();
                }
                self.lower.push_str(std::str::from_utf8(&buf[..word.len()]).unwrap_or_default());
            } else {
                for &c in word {
                    if c.is_uppercase() {
                        self.lower.extend(c.to_lowercase());
                    } else {
                        self.lower.push(c);
                    }
                }
            }
        }
        let b = self.lower.len() as u32;
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            lower: (a, b),
            quote: None,
            paragraph: 0,
            sentence: 0,
        });
    }

    /// Marks every token inside a quoted passage and numbers paragraphs.
    fn assign_quotes(&mut self) {
        let mut current: Option<usize> = None;
        let mut paragraph = 0;
        for t in 0..self.tokens.len() {
            let token = self.tokens[t];
            if let Some(k) = current {
                if token.start() >= self.spans[k].content.end {
                    current = None;
                }
            }
            match token.kind {
                Kind::Open(k) => {
                    self.span_open[k as usize] = t;
                    current = Some(k as usize);
                }
                Kind::Close(k) => {
                    self.span_close[k as usize] = t;
                    current = None;
                }
                Kind::Break if current.is_none() => paragraph += 1,
                _ => {}
            }
            let inside = current.filter(|_| !matches!(token.kind, Kind::Open(_)));
            let quote = inside.map(|k| k as u32);
            self.tokens[t].quote = quote;
            self.tokens[t].paragraph = paragraph;
            if let Some(k) = quote {
                self.span_close[k as usize] = match self.tokens[t].kind {
                    Kind::Close(_) => t,
                    _ if self.spans[k as usize].close.is_none() => t,
                    _ => self.span_close[k as usize],
                };
            }
        }
        for k in 0..self.spans.len() {
            if self.span_close[k] == usize::MAX {
                self.span_close[k] = self.span_open[k];
            }
        }
    }

    fn split_sentences(&mut self) {
        let mut start = 0;
        let mut sentence = 0u32;
        for t in 0..self.tokens.len() {
            self.tokens[t].sentence = sentence;
            if self.ends_sentence(t) {
                self.sentences.push((start, t + 1));
                start = t + 1;
                sentence += 1;
            }
        }
        if start < self.tokens.len() {
            self.sentences.push((start, self.tokens.len()));
        }
    }

    fn ends_sentence(&self, t: usize) -> bool {
        let token = self.tokens[t];
        match token.kind {
            Kind::Break => token.quote.is_none(),
            Kind::Punct('.' | '?' | '!' | '…') if token.quote.is_none() => self.starts_sentence(t + 1),
            Kind::Close(k) => {
                let content = self.spans[k as usize].content;
                let last = self.chars.get(content.end.wrapping_sub(1)).copied();
                match last {
                    Some('.') => self.starts_sentence(t + 1),
                    Some('?' | '!') => {
                        self.tokens.get(t + 1).is_none_or(|n| matches!(n.kind, Kind::Open(_) | Kind::Break))
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn starts_sentence(&self, t: usize) -> bool {
        let Some(token) = self.tokens.get(t) else {
            return true;
        };
        match token.kind {
            Kind::Open(_) | Kind::Break => true,
            Kind::Word => {
                let c = self.chars[token.start()];
                c.is_uppercase() || c.is_ascii_digit()
            }
            Kind::Punct('(' | '—' | '[') => true,
            _ => false,
        }
    }
}
