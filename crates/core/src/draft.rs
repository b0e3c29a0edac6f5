//! The authoring view's draft: pasted text, the extracted quotes and every correction the user
//! makes, as plain data with ordinary methods.
//!
//! A draft is what `localStorage` keeps, so it serialises to JSON and restores exactly. Edits
//! refer to speakers, sides, topics and quotes by id; an unknown id leaves the draft unchanged and
//! the method returns `false`. `to_article` builds the article format v1 that "Open in explorer"
//! and "Download JSON" use. It is the one article builder: the command line's
//! `extract --format article` fills a draft from the text (`counterpoint_extract::extract_draft`)
//! and builds its article here too, so both write the same sides, speakers, ids and quotes.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

use serde::{Deserialize, Serialize};

use crate::model::{Article, Quote, QuoteKind, Side, Source, Speaker, Topic, FORMAT_VERSION};
use crate::text::{is_quote_mark, slug, straight_quote, title_and_paragraphs, unique_id, unwrap_lines, Span};

/// The version of the stored draft; a draft of another version is not restored.
pub const DRAFT_VERSION: u32 = 1;

/// The side that speakers without a suggested side get.
pub const UNASSIGNED_SIDE: &str = "unassigned";

/// How many characters of context a prefix keeps to tell repeated quotes apart.
const PREFIX_LEN: usize = 32;

/// The body size up to which repeated quote texts are counted exactly; past it every quote gets
/// a prefix, which costs nothing to check.
const EXACT_REPEAT_LIMIT: usize = 2_000_000;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    pub title: String,
    pub text: String,
    pub sides: Vec<Side>,
    pub speakers: Vec<DraftSpeaker>,
    pub topics: Vec<Topic>,
    pub quotes: Vec<DraftQuote>,
    /// Whether extraction also takes reported speech without quote marks ("X said that …").
    /// Off by default: the reader asked for quotes, and paraphrase is the extractor's least sure
    /// finding. Drafts saved before this field read as off.
    #[serde(default)]
    pub paraphrases: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftSpeaker {
    pub id: String,
    pub name: String,
    /// The name the extractor found, kept so a new extraction can carry the user's edits over.
    pub extracted_name: String,
    pub role: Option<String>,
    /// The extractor's suggestion, shown next to the side the user chose.
    pub suggested_side: Option<String>,
    /// The id of the speaker's side.
    pub side: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftQuote {
    pub id: String,
    /// Code points into `Draft::text`, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: String,
    /// A side for this quote alone, overriding the speaker's.
    pub side: Option<String>,
    pub topics: Vec<String>,
    /// What the quote skips between `start` and `end`, in order: the attribution of a split
    /// quote (“A,” X said. “B.”), whose article text is then "A … B".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Span>,
}

impl DraftQuote {
    /// The runs the quote covers: its span without its gaps.
    pub fn parts(&self) -> Vec<Span> {
        let mut parts = Vec::with_capacity(self.gaps.len() + 1);
        let mut from = self.start;
        for gap in &self.gaps {
            if gap.start > from && gap.end <= self.end {
                parts.push(Span::new(from, gap.start));
            }
            from = from.max(gap.end.min(self.end));
        }
        if from < self.end {
            parts.push(Span::new(from, self.end));
        }
        parts
    }
}

/// Which end of a quote's span an edit moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

impl Draft {
    /// Keeps this draft's title, sides, topics and speaker edits in `next`, a fresh extraction.
    pub fn carry_over(&self, mut next: Draft) -> Draft {
        if !self.title.is_empty() {
            next.title = self.title.clone();
        }
        for side in &self.sides {
            if !next.sides.iter().any(|s| s.id == side.id) {
                next.sides.push(side.clone());
            }
        }
        for speaker in &mut next.speakers {
            if let Some(old) = self.speakers.iter().find(|s| s.extracted_name == speaker.extracted_name) {
                speaker.name = old.name.clone();
                speaker.role = old.role.clone();
                speaker.side = old.side.clone();
            }
        }
        next.topics = self.topics.clone();
        next.paraphrases = self.paraphrases;
        next.move_unassigned_last();
        next
    }

    /// Restores a stored draft; `None` when it is not a draft this build understands.
    pub fn from_json(json: &str) -> Option<Draft> {
        let draft: Draft = serde_json::from_str(json).ok()?;
        (draft.version == DRAFT_VERSION).then_some(draft)
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The words a quote covers, " … " where it skips words (a split quote's attribution).
    pub fn quote_text(&self, quote: &DraftQuote) -> String {
        // Sliced in place: the authoring view asks this of hundreds of quotes of a long text.
        join_parts(quote.parts().iter().map(|p| crate::offsets::slice_cp(&self.text, p.start, p.end).to_owned()))
    }

    pub fn quote_count(&self, speaker: &str) -> usize {
        self.quotes.iter().filter(|q| q.speaker == speaker).count()
    }

    pub fn speaker(&self, id: &str) -> Option<&DraftSpeaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// The side a quote counts for: its own, or else its speaker's.
    pub fn side_of_quote<'a>(&'a self, quote: &'a DraftQuote) -> Option<&'a str> {
        quote.side.as_deref().or_else(|| self.speaker(&quote.speaker).map(|s| s.side.as_str()))
    }

    pub fn side_label(&self, id: &str) -> String {
        self.sides.iter().find(|s| s.id == id).map_or_else(|| id.to_owned(), |s| s.label.clone())
    }

    pub fn set_title(&mut self, title: &str) {
        self.title = title.trim().to_owned();
    }

    pub fn rename_speaker(&mut self, id: &str, name: &str) -> bool {
        let name = name.trim();
        match self.speakers.iter_mut().find(|s| s.id == id) {
            Some(speaker) if !name.is_empty() => {
                speaker.name = name.to_owned();
                true
            }
            _ => false,
        }
    }

    pub fn set_speaker_role(&mut self, id: &str, role: &str) -> bool {
        let role = role.trim();
        let Some(speaker) = self.speakers.iter_mut().find(|s| s.id == id) else {
            return false;
        };
        speaker.role = (!role.is_empty()).then(|| role.to_owned());
        true
    }

    /// Moves every quote of `from` to `into` and removes `from`.
    pub fn merge_speakers(&mut self, from: &str, into: &str) -> bool {
        if from == into || self.speaker(into).is_none() {
            return false;
        }
        let Some(at) = self.speakers.iter().position(|s| s.id == from) else {
            return false;
        };
        let gone = self.speakers.remove(at);
        for quote in self.quotes.iter_mut().filter(|q| q.speaker == from) {
            quote.speaker = into.to_owned();
        }
        if let Some(target) = self.speakers.iter_mut().find(|s| s.id == into) {
            if target.role.is_none() {
                target.role = gone.role;
            }
        }
        true
    }

    pub fn set_speaker_side(&mut self, speaker: &str, side: &str) -> bool {
        if !self.has_side(side) {
            return false;
        }
        let Some(speaker) = self.speakers.iter_mut().find(|s| s.id == speaker) else {
            return false;
        };
        speaker.side = side.to_owned();
        true
    }

    pub fn set_quote_speaker(&mut self, quote: &str, speaker: &str) -> bool {
        if self.speaker(speaker).is_none() {
            return false;
        }
        self.edit_quote(quote, |q| q.speaker = speaker.to_owned())
    }

    /// Gives one quote its own side, or `None` to follow its speaker again.
    pub fn set_quote_side(&mut self, quote: &str, side: Option<&str>) -> bool {
        if side.is_some_and(|s| !self.has_side(s)) {
            return false;
        }
        self.edit_quote(quote, |q| q.side = side.map(str::to_owned))
    }

    /// Adds a side and returns its id; `None` for an empty label.
    pub fn add_side(&mut self, label: &str) -> Option<String> {
        let label = label.trim();
        if label.is_empty() {
            return None;
        }
        let id = unique_id(slug(label), self.sides.iter().map(|s| s.id.as_str()));
        self.sides.push(Side { id: id.clone(), label: label.to_owned(), color: None });
        Some(id)
    }

    pub fn rename_side(&mut self, id: &str, label: &str) -> bool {
        let label = label.trim();
        match self.sides.iter_mut().find(|s| s.id == id) {
            Some(side) if !label.is_empty() => {
                side.label = label.to_owned();
                true
            }
            _ => false,
        }
    }

    /// Adds a topic and returns its id; `None` for an empty label.
    pub fn add_topic(&mut self, label: &str) -> Option<String> {
        let label = label.trim();
        if label.is_empty() {
            return None;
        }
        let id = unique_id(slug(label), self.topics.iter().map(|t| t.id.as_str()).chain(["other"]));
        self.topics.push(Topic { id: id.clone(), label: label.to_owned() });
        Some(id)
    }

    pub fn rename_topic(&mut self, id: &str, label: &str) -> bool {
        let label = label.trim();
        match self.topics.iter_mut().find(|t| t.id == id) {
            Some(topic) if !label.is_empty() => {
                topic.label = label.to_owned();
                true
            }
            _ => false,
        }
    }

    /// Puts a quote under a topic, or takes it out when it is already there.
    pub fn toggle_quote_topic(&mut self, quote: &str, topic: &str) -> bool {
        if !self.topics.iter().any(|t| t.id == topic) {
            return false;
        }
        self.edit_quote(quote, |q| match q.topics.iter().position(|t| t == topic) {
            Some(at) => {
                q.topics.remove(at);
            }
            None => q.topics.push(topic.to_owned()),
        })
    }

    /// Moves one end of a quote by `delta` code points, keeping at least one character inside
    /// and staying within the text.
    pub fn nudge_quote(&mut self, quote: &str, bound: Bound, delta: isize) -> bool {
        let Some(q) = self.quotes.iter().find(|q| q.id == quote) else {
            return false;
        };
        let (start, end) = match bound {
            Bound::Start => (q.start.checked_add_signed(delta), Some(q.end)),
            Bound::End => (Some(q.start), q.end.checked_add_signed(delta)),
        };
        match start.zip(end) {
            Some((start, end)) => self.set_quote_span(quote, start, end),
            None => false,
        }
    }

    /// Sets a quote's span; spans that are empty or run past the text are refused.
    pub fn set_quote_span(&mut self, quote: &str, start: usize, end: usize) -> bool {
        let len = self.text.chars().count();
        if start >= end || end > len {
            return false;
        }
        self.edit_quote(quote, |q| {
            q.start = start;
            q.end = end;
            // A gap the new span no longer holds whole is gone.
            q.gaps.retain(|g| g.start > start && g.end < end);
        })
    }

    /// Takes paraphrases out without touching any other quote or edit: removes the paraphrases
    /// and the speakers left with no quote that the user never renamed.
    pub fn remove_paraphrases(&mut self) {
        self.paraphrases = false;
        self.quotes.retain(|q| q.kind != QuoteKind::Paraphrase);
        let quoted: std::collections::HashSet<&str> = self.quotes.iter().map(|q| q.speaker.as_str()).collect();
        let keep: Vec<bool> =
            self.speakers.iter().map(|s| quoted.contains(s.id.as_str()) || s.name != s.extracted_name).collect();
        let mut keep = keep.into_iter();
        self.speakers.retain(|_| keep.next().unwrap_or(true));
    }

    /// Adds the paraphrases of `fresh`, an extraction of the same text with paraphrases, without
    /// touching any other quote or edit: their speakers are matched by extracted name, and new
    /// speakers take the side their suggestion names.
    pub fn add_paraphrases(&mut self, fresh: &Draft) {
        if self.paraphrases || fresh.text != self.text {
            return;
        }
        self.paraphrases = true;
        for quote in fresh.quotes.iter().filter(|q| q.kind == QuoteKind::Paraphrase) {
            let Some(found) = fresh.speaker(&quote.speaker) else {
                continue;
            };
            let speaker = match self.speakers.iter().find(|s| s.extracted_name == found.extracted_name) {
                Some(s) => s.id.clone(),
                None => {
                    let id = unique_id(found.id.clone(), self.speakers.iter().map(|s| s.id.as_str()));
                    let side = match &found.suggested_side {
                        Some(label) => self.side_for_label(label),
                        None => self.unassigned_side(),
                    };
                    self.speakers.push(DraftSpeaker { id: id.clone(), side, ..found.clone() });
                    id
                }
            };
            let id = unique_id(format!("p{}", self.quotes.len() + 1), self.quotes.iter().map(|q| q.id.as_str()));
            self.quotes.push(DraftQuote { id, speaker, topics: Vec::new(), side: None, ..quote.clone() });
        }
        self.quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        self.move_unassigned_last();
    }

    pub fn delete_quote(&mut self, quote: &str) -> bool {
        let before = self.quotes.len();
        self.quotes.retain(|q| q.id != quote);
        self.quotes.len() != before
    }

    /// The text cut where quotes begin and end: each run with the quotes that cover it,
    /// outermost (longest) first. Runs are code-point ranges and cover the whole text.
    pub fn segments(&self) -> Vec<(Span, Vec<usize>)> {
        let len = self.text.chars().count();
        let mut cuts: Vec<usize> = vec![0, len];
        for q in &self.quotes {
            cuts.push(q.start.min(len));
            cuts.push(q.end.min(len));
            cuts.extend(q.gaps.iter().flat_map(|g| [g.start.min(len), g.end.min(len)]));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut order: Vec<usize> = (0..self.quotes.len()).collect();
        order.sort_by_key(|&i| (self.quotes[i].start, std::cmp::Reverse(self.quotes[i].end)));
        let mut out = Vec::with_capacity(cuts.len());
        let mut open: Vec<usize> = Vec::new();
        let mut next = 0;
        for pair in cuts.windows(2) {
            let run = Span::new(pair[0], pair[1]);
            open.retain(|&i| self.quotes[i].end > run.start);
            while next < order.len() && self.quotes[order[next]].start <= run.start {
                if self.quotes[order[next]].end > run.start {
                    open.push(order[next]);
                }
                next += 1;
            }
            // A quote does not cover the words it skips.
            let mut covering: Vec<usize> = open
                .iter()
                .copied()
                .filter(|&i| !self.quotes[i].gaps.iter().any(|g| g.start <= run.start && run.end <= g.end))
                .collect();
            covering.sort_by_key(|&i| std::cmp::Reverse(self.quotes[i].end - self.quotes[i].start));
            out.push((run, covering));
        }
        out
    }

    /// The article format v1 for the draft: the body paragraphs as the extractor cuts them,
    /// the user's sides, speakers and topics in the draft's order (an extraction adds them in the
    /// order their first quotes come, "Unassigned" last), and one article quote per paragraph a
    /// quote spans (`q3`, then `q3-2`, … for a quote over several paragraphs). Quotes without a
    /// topic go under "Other quotes" ("All quotes" when there are no topics). The article is
    /// valid even for a draft without quotes: it then has the one side "Unassigned".
    pub fn to_article(&self) -> Article {
        let chars: Vec<char> = self.text.chars().collect();
        // A headline line is the title, never body text, as in the extractor's own articles.
        let (found_title, paragraphs) = title_and_paragraphs(&self.text);
        let title = if self.title.is_empty() { found_title } else { Some(self.title.clone()) };
        let mut body: Vec<String> = paragraphs.iter().map(|p| unwrap_lines(&chars[p.start..p.end])).collect();
        // The format needs a paragraph and a side even for a draft with no words yet.
        if body.is_empty() {
            body.push(self.text.trim().to_owned());
        }
        let mut sides = self.sides.clone();
        if sides.is_empty() {
            sides.push(Side { id: UNASSIGNED_SIDE.to_owned(), label: "Unassigned".to_owned(), color: None });
        }
        let exact_repeats = self.text.len() <= EXACT_REPEAT_LIMIT;
        let fallback = if self.topics.is_empty() {
            Topic { id: "all".to_owned(), label: "All quotes".to_owned() }
        } else {
            Topic { id: "other".to_owned(), label: "Other quotes".to_owned() }
        };
        let mut uses_fallback = false;
        let mut quotes = Vec::new();
        for quote in &self.quotes {
            let topics = if quote.topics.is_empty() {
                uses_fallback = true;
                vec![fallback.id.clone()]
            } else {
                quote.topics.clone()
            };
            // A quote's parts, cut at paragraphs; the parts within one paragraph are one article
            // quote, "A … B" (anchoring finds such a quote's pieces in order in its paragraph).
            let mut groups: Vec<(usize, Vec<Span>)> = Vec::new();
            for part in quote.parts() {
                for (para, piece) in pieces(&chars, &paragraphs, part.start, part.end) {
                    match groups.last_mut() {
                        Some((last, spans)) if *last == para => spans.push(piece),
                        _ => groups.push((para, vec![piece])),
                    }
                }
            }
            for (n, (para, spans)) in groups.iter().enumerate() {
                let piece = Span::new(spans[0].start, spans[spans.len() - 1].end);
                let text = join_parts(spans.iter().map(|p| unwrap_lines(&chars[p.start..p.end])));
                let repeated = !exact_repeats || body.iter().flat_map(|p| p.matches(text.as_str())).nth(1).is_some();
                let prefix = repeated.then(|| {
                    let from = piece.start.saturating_sub(PREFIX_LEN).max(paragraphs[*para].start);
                    unwrap_lines(&chars[from..piece.start])
                });
                let id = if n == 0 { quote.id.clone() } else { format!("{}-{}", quote.id, n + 1) };
                quotes.push(Quote {
                    id,
                    speaker: quote.speaker.clone(),
                    kind: quote.kind,
                    topics: topics.clone(),
                    text,
                    prefix: prefix.filter(|p| !p.trim().is_empty()),
                    suffix: None,
                    side: quote.side.clone(),
                    hint: None,
                });
            }
        }
        let mut topics = self.topics.clone();
        if uses_fallback || topics.is_empty() {
            topics.push(fallback);
        }
        Article {
            format_version: FORMAT_VERSION,
            title: title.unwrap_or_else(|| "Untitled article".to_owned()),
            source: Source { name: "Pasted text".to_owned(), url: None },
            published: None,
            language: "en".to_owned(),
            body,
            sides,
            speakers: self
                .speakers
                .iter()
                .map(|s| Speaker { id: s.id.clone(), name: s.name.clone(), role: s.role.clone(), side: s.side.clone() })
                .collect(),
            topics,
            quotes,
        }
    }

    fn has_side(&self, id: &str) -> bool {
        self.sides.iter().any(|s| s.id == id)
    }

    fn edit_quote(&mut self, id: &str, edit: impl FnOnce(&mut DraftQuote)) -> bool {
        match self.quotes.iter_mut().find(|q| q.id == id) {
            Some(quote) => {
                edit(quote);
                true
            }
            None => false,
        }
    }

    /// The id of the side labelled `label`, created when missing.
    pub fn side_for_label(&mut self, label: &str) -> String {
        if let Some(side) = self.sides.iter().find(|s| s.label == label) {
            return side.id.clone();
        }
        self.add_side(label).unwrap_or_else(|| self.unassigned_side())
    }

    pub fn unassigned_side(&mut self) -> String {
        if !self.has_side(UNASSIGNED_SIDE) {
            self.sides.push(Side { id: UNASSIGNED_SIDE.to_owned(), label: "Unassigned".to_owned(), color: None });
        }
        UNASSIGNED_SIDE.to_owned()
    }

    /// The speaker that unattributed quotes get, created on first use.
    pub fn unknown_speaker(&mut self) -> String {
        const UNKNOWN: &str = "Unknown speaker";
        if let Some(s) = self.speakers.iter().find(|s| s.extracted_name == UNKNOWN) {
            return s.id.clone();
        }
        let side = self.unassigned_side();
        let id = unique_id("unknown".to_owned(), self.speakers.iter().map(|s| s.id.as_str()));
        self.speakers.push(DraftSpeaker {
            id: id.clone(),
            name: UNKNOWN.to_owned(),
            extracted_name: UNKNOWN.to_owned(),
            role: None,
            suggested_side: None,
            side,
        });
        id
    }

    pub fn move_unassigned_last(&mut self) {
        if let Some(at) = self.sides.iter().position(|s| s.id == UNASSIGNED_SIDE) {
            let side = self.sides.remove(at);
            self.sides.push(side);
        }
    }
}

/// The parts of a quote as one text: " … " between them, and a part that ends in a comma, a
/// semicolon or a colon before the next (“A,” X said. “B.”) loses it.
fn join_parts(parts: impl Iterator<Item = String>) -> String {
    let parts: Vec<String> = parts.collect();
    let last = parts.len().saturating_sub(1);
    let trimmed: Vec<&str> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i < last { p.trim_end().trim_end_matches([',', ';', ':']).trim_end() } else { p.as_str() })
        .collect();
    trimmed.join(" … ")
}

/// Cuts a quote's span at paragraph breaks and trims whitespace and the quote marks at the ends
/// of each piece (such as the mark that reopens a quote in its next paragraph), so every piece is
/// words the anchorer finds in one body paragraph. A mark whose partner is inside the piece stays:
/// the ’ that closes a ‘ quoted within the quote is part of the words.
fn pieces(chars: &[char], paragraphs: &[Span], start: usize, end: usize) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let (mut a, mut b) = (start.max(p.start), end.min(p.end));
        loop {
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            if a < b && is_quote_mark(chars[a]) && !has_partner(chars, a, a + 1..b) {
                a += 1;
            } else if b > a && is_quote_mark(chars[b - 1]) && !has_partner(chars, b - 1, a..b - 1) {
                b -= 1;
            } else {
                break;
            }
        }
        if a < b {
            out.push((i, Span::new(a, b)));
        }
    }
    out
}

/// Whether `within` holds a quote mark of the same kind as the one at `mark` (both double or both
/// single), other than an apostrophe between two letters.
fn has_partner(chars: &[char], mark: usize, within: std::ops::Range<usize>) -> bool {
    let straight = straight_quote(chars[mark]);
    let is_letter = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| c.is_alphanumeric());
    within
        .into_iter()
        .any(|i| straight_quote(chars[i]) == straight && !(is_letter(i.checked_sub(1)) && is_letter(Some(i + 1))))
}
