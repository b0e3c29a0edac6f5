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
use crate::text::{is_quote_mark, slug, straight_quote, title_and_paragraphs, unique_id, unwrap_lines, Span, TextEdit};

/// The version of the stored draft; a draft of another version is not restored.
pub const DRAFT_VERSION: u32 = 1;

/// The longest draft autosaved, in bytes of JSON (see [`Draft::autosave_json`]).
pub const AUTOSAVE_LIMIT: usize = 2_000_000;

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
    /// The spans of the quotes the user deleted, so a new extraction does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Span>,
    /// Whether the text changed since its quotes were extracted (`set_text`): the quotes are the
    /// old ones, moved with the text, until a new extraction is carried over.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stale: bool,
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
    /// Whether the user chose the speaker (`set_quote_speaker`, `merge_speakers`): a new
    /// extraction keeps it, where it otherwise takes the extractor's.
    #[serde(default, skip_serializing_if = "is_false")]
    pub speaker_edited: bool,
    /// Whether the user moved the span (`nudge_quote`, `set_quote_span`): a new extraction keeps it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub span_edited: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
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
    /// Keeps this draft's edits in `next`, a fresh extraction of its text or of a new one: the
    /// title, sides, topics, speaker names, roles and sides, the quotes the user deleted, and
    /// each quote's own edits.
    ///
    /// Quotes are carried through the text edit (`TextEdit`): a fresh quote takes the edits of the
    /// old quote whose span, moved with the text, covers the same words (the same span, or one
    /// overlapping at least half of the longer). It keeps that quote's topics, its own side, the
    /// speaker the user chose (the extractor's choice is the fresh extraction's) and the span the
    /// user set. A fresh quote on the words of a deleted quote is left out. An old quote that
    /// starts or ends in the changed words has no place in the new text, and its edits go.
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
        self.carry_quotes(&mut next);
        next.move_unassigned_last();
        next
    }

    /// The quote part of `carry_over`.
    fn carry_quotes(&self, next: &mut Draft) {
        let edit = TextEdit::between(&self.text, &next.text);
        next.deleted = self.deleted.iter().filter_map(|&d| edit.map_span(d)).collect();
        next.deleted.sort_by_key(|d| (d.start, d.end));
        next.deleted.dedup();
        let deleted: Vec<(Span, usize)> = next.deleted.iter().enumerate().map(|(i, &d)| (d, i)).collect();
        next.quotes.retain(|q| same_words(&deleted, Span::new(q.start, q.end)).is_empty());

        // The old quotes moved into the new text, by start, and the best pairs of old and fresh.
        let mut old: Vec<(Span, usize)> = self
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| edit.map_span(Span::new(q.start, q.end)).map(|s| (s, i)))
            .collect();
        old.sort_by_key(|&(s, i)| (s.start, s.end, i));
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (f, q) in next.quotes.iter().enumerate() {
            let span = Span::new(q.start, q.end);
            pairs.extend(same_words(&old, span).into_iter().map(|(s, o)| (s.overlap(&span), f, o)));
        }
        pairs.sort_by_key(|&(overlap, f, o)| (std::cmp::Reverse(overlap), f, o));
        let mut fresh_taken = vec![false; next.quotes.len()];
        let mut old_taken = vec![false; self.quotes.len()];
        let mut moved = false;
        for (_, f, o) in pairs {
            if fresh_taken[f] || old_taken[o] {
                continue;
            }
            fresh_taken[f] = true;
            old_taken[o] = true;
            let was = &self.quotes[o];
            let speaker = if was.speaker_edited { self.speaker_in(next, &was.speaker) } else { None };
            let span = if was.span_edited { edit.map_span(Span::new(was.start, was.end)) } else { None };
            let quote = &mut next.quotes[f];
            quote.topics = was.topics.iter().filter(|t| next.topics.iter().any(|x| &x.id == *t)).cloned().collect();
            quote.side = was.side.clone().filter(|s| next.sides.iter().any(|x| &x.id == s));
            if let Some(speaker) = speaker {
                quote.speaker = speaker;
                quote.speaker_edited = true;
            }
            if let Some(span) = span {
                quote.start = span.start;
                quote.end = span.end;
                quote.gaps = was
                    .gaps
                    .iter()
                    .filter_map(|&g| edit.map_span(g))
                    .filter(|g| g.start > span.start && g.end < span.end)
                    .collect();
                quote.span_edited = true;
                moved = true;
            }
        }
        // A speaker of the fresh extraction the old draft did not have, left with no quote (the
        // user had merged it away or moved its quotes), stays away.
        let quoted: std::collections::HashSet<&str> = next.quotes.iter().map(|q| q.speaker.as_str()).collect();
        let keep: Vec<bool> = next
            .speakers
            .iter()
            .map(|s| {
                quoted.contains(s.id.as_str()) || self.speakers.iter().any(|o| o.extracted_name == s.extracted_name)
            })
            .collect();
        let mut keep = keep.into_iter();
        next.speakers.retain(|_| keep.next().unwrap_or(true));
        if moved {
            next.quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        }
    }

    /// The id in `next` of this draft's speaker `id`: the one of the same extracted name, else of
    /// the same name.
    fn speaker_in(&self, next: &Draft, id: &str) -> Option<String> {
        let old = self.speaker(id)?;
        let found = next.speakers.iter().find(|s| s.extracted_name == old.extracted_name);
        found.or_else(|| next.speakers.iter().find(|s| s.name == old.name)).map(|s| s.id.clone())
    }

    /// Puts new text in the draft and moves its quotes and deleted spans with the edit
    /// (`TextEdit`), leaving out those that start or end in the changed words, until a new
    /// extraction of the text is carried over (`carry_over`); the draft is then `stale`.
    pub fn set_text(&mut self, text: String) {
        let edit = TextEdit::between(&self.text, &text);
        if edit.is_identity() {
            return;
        }
        self.quotes.retain_mut(|q| match edit.map_span(Span::new(q.start, q.end)) {
            Some(span) => {
                q.gaps = q.gaps.iter().filter_map(|&g| edit.map_span(g)).collect();
                q.start = span.start;
                q.end = span.end;
                true
            }
            None => false,
        });
        self.deleted = self.deleted.iter().filter_map(|&d| edit.map_span(d)).collect();
        self.text = text;
        self.stale = true;
        // A draft begun from nothing (`Draft::default()`) is now one to restore: text typed or
        // pasted and not extracted yet must come back after a reload too.
        self.version = DRAFT_VERSION;
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

    /// The draft as JSON to autosave, or why it is not kept. A browser keeps about 5 MB per site
    /// and stores a value on the page's thread, at some 10 ms per MB (`localStorage.setItem`, in
    /// Chromium here), so a draft past [`AUTOSAVE_LIMIT`] bytes of JSON is not stored: it would
    /// hold the page for tens of milliseconds after every change, or fail after doing so. Its
    /// text alone past the limit is refused without building the JSON.
    pub fn autosave_json(&self) -> Result<String, String> {
        let too_long = |bytes: usize| {
            format!(
                "the draft is too long to keep in this browser ({:.1} MB; drafts up to {} MB are kept). \
                 Download its JSON to keep it.",
                bytes as f64 / 1e6,
                AUTOSAVE_LIMIT / 1_000_000
            )
        };
        if self.text.len() > AUTOSAVE_LIMIT {
            return Err(too_long(self.text.len()));
        }
        let json = self.to_json();
        if json.len() > AUTOSAVE_LIMIT {
            return Err(too_long(json.len()));
        }
        Ok(json)
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
            quote.speaker_edited = true;
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
        self.edit_quote(quote, |q| {
            q.speaker = speaker.to_owned();
            q.speaker_edited = true;
        })
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

    /// Whether `remove_side` removes this side: any side but "Unassigned".
    pub fn can_remove_side(&self, id: &str) -> bool {
        id != UNASSIGNED_SIDE && self.has_side(id)
    }

    /// Removes a side: its speakers go back to "Unassigned" and its quotes to their speaker's
    /// side. The unassigned side itself cannot be removed.
    pub fn remove_side(&mut self, id: &str) -> bool {
        if !self.can_remove_side(id) {
            return false;
        }
        self.sides.retain(|s| s.id != id);
        if self.speakers.iter().any(|s| s.side == id) {
            let unassigned = self.unassigned_side();
            for speaker in self.speakers.iter_mut().filter(|s| s.side == id) {
                speaker.side = unassigned.clone();
            }
        }
        for quote in self.quotes.iter_mut().filter(|q| q.side.as_deref() == Some(id)) {
            quote.side = None;
        }
        true
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
            q.span_edited = true;
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
        let mut deleted: Vec<(Span, usize)> = self.deleted.iter().enumerate().map(|(i, &d)| (d, i)).collect();
        deleted.sort_by_key(|&(d, i)| (d.start, d.end, i));
        let kept = |q: &&DraftQuote| {
            q.kind == QuoteKind::Paraphrase && same_words(&deleted, Span::new(q.start, q.end)).is_empty()
        };
        for quote in fresh.quotes.iter().filter(kept) {
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
            self.quotes.push(DraftQuote {
                id,
                speaker,
                topics: Vec::new(),
                side: None,
                speaker_edited: false,
                span_edited: false,
                ..quote.clone()
            });
        }
        self.quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        self.move_unassigned_last();
    }

    /// Deletes a quote; its span is kept (`deleted`) so that a new extraction leaves it out.
    pub fn delete_quote(&mut self, quote: &str) -> bool {
        let Some(at) = self.quotes.iter().position(|q| q.id == quote) else {
            return false;
        };
        let gone = self.quotes.remove(at);
        self.deleted.push(Span::new(gone.start, gone.end));
        true
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
        // "Unassigned" is only a side when something counts for it: a side the user added stays
        // without quotes (a side that said nothing is news), the placeholder does not.
        let unassigned_used = self.quotes.iter().any(|q| self.side_of_quote(q) == Some(UNASSIGNED_SIDE));
        let mut sides = self.sides.clone();
        if !unassigned_used && sides.iter().any(|s| s.id != UNASSIGNED_SIDE) {
            sides.retain(|s| s.id != UNASSIGNED_SIDE);
        }
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
        let speakers = self
            .speakers
            .iter()
            .filter_map(|s| {
                let mut side = s.side.clone();
                if side == UNASSIGNED_SIDE && !sides.iter().any(|x| x.id == side) {
                    // An unassigned speaker without an unassigned quote: its quotes all have sides
                    // of their own, and it takes the first one's; with no quote it is left out.
                    side = self.quotes.iter().find(|q| q.speaker == s.id).and_then(|q| q.side.clone())?;
                }
                Some(Speaker { id: s.id.clone(), name: s.name.clone(), role: s.role.clone(), side })
            })
            .collect();
        Article {
            format_version: FORMAT_VERSION,
            title: title.unwrap_or_else(|| "Untitled article".to_owned()),
            source: Source { name: "Pasted text".to_owned(), url: None },
            published: None,
            language: "en".to_owned(),
            body,
            sides,
            speakers,
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

/// The spans of `spans` (sorted by start, each with its index) that cover the same words as
/// `span`: they overlap by at least half of the longer of the two.
fn same_words(spans: &[(Span, usize)], span: Span) -> Vec<(Span, usize)> {
    // A span twice as long as `span` or longer cannot overlap it by half of itself.
    let from = spans.partition_point(|(s, _)| s.start + 2 * span.len() <= span.start);
    spans[from..]
        .iter()
        .take_while(|(s, _)| s.start < span.end)
        .filter(|(s, _)| {
            let overlap = s.overlap(&span);
            overlap > 0 && 2 * overlap >= s.len().max(span.len())
        })
        .copied()
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(id: &str, start: usize, end: usize, speaker: &str) -> DraftQuote {
        DraftQuote {
            id: id.to_owned(),
            start,
            end,
            kind: QuoteKind::Direct,
            speaker: speaker.to_owned(),
            side: None,
            topics: Vec::new(),
            gaps: Vec::new(),
            speaker_edited: false,
            span_edited: false,
        }
    }

    fn speaker(id: &str, name: &str, side: &str) -> DraftSpeaker {
        DraftSpeaker {
            id: id.to_owned(),
            name: name.to_owned(),
            extracted_name: name.to_owned(),
            role: None,
            suggested_side: None,
            side: side.to_owned(),
        }
    }

    fn side(id: &str, label: &str) -> Side {
        Side { id: id.to_owned(), label: label.to_owned(), color: None }
    }

    fn at(text: &str, words: &str) -> usize {
        text[..text.find(words).unwrap_or_default()].chars().count()
    }

    const TEXT: &str = "“Stay,” Ann said. “Go,” Bob said. “Wait,” Cy said.";

    /// A draft of `text` as an extraction gives it: one quote per “…”, by the name after it.
    fn extracted(text: &str) -> Draft {
        let mut draft = Draft { version: DRAFT_VERSION, text: text.to_owned(), ..Draft::default() };
        draft.sides.push(side(UNASSIGNED_SIDE, "Unassigned"));
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while let Some(open) = (i..chars.len()).find(|&j| chars[j] == '“') {
            let Some(close) = (open..chars.len()).find(|&j| chars[j] == '”') else { break };
            let name: String = chars[close + 2..].iter().take_while(|c| c.is_alphabetic()).collect();
            if !draft.speakers.iter().any(|s| s.name == name) {
                draft.speakers.push(speaker(&name.to_lowercase(), &name, UNASSIGNED_SIDE));
            }
            let id = format!("q{}", draft.quotes.len() + 1);
            draft.quotes.push(quote(&id, open + 1, close, &name.to_lowercase()));
            i = close + 1;
        }
        draft
    }

    fn texts(draft: &Draft) -> Vec<String> {
        draft.quotes.iter().map(|q| draft.quote_text(q)).collect()
    }

    #[test]
    fn a_stored_draft_without_the_new_fields_still_loads() {
        let json = r#"{"version":1,"title":"T","text":"“Stay,” Ann said.","sides":[{"id":"unassigned","label":"Unassigned"}],
            "speakers":[{"id":"ann","name":"Ann","extracted_name":"Ann","role":null,"suggested_side":null,"side":"unassigned"}],
            "topics":[],"quotes":[{"id":"q1","start":1,"end":6,"kind":"direct","speaker":"ann","side":null,"topics":[]}]}"#;
        let draft = Draft::from_json(json).unwrap_or_default();
        assert_eq!(draft.quotes.len(), 1);
        assert!(!draft.quotes[0].speaker_edited && !draft.quotes[0].span_edited);
        assert!(draft.deleted.is_empty() && !draft.stale && !draft.paraphrases);
        // Unset, the new fields are not written either: an older build reads the draft too.
        let written = draft.to_json();
        for field in ["speaker_edited", "span_edited", "deleted", "stale"] {
            assert!(!written.contains(field), "{field} in {written}");
        }
    }

    #[test]
    fn carry_over_keeps_topics_sides_speakers_spans_and_deletions() {
        let mut draft = extracted(TEXT);
        let topic = draft.add_topic("Plans").unwrap_or_default();
        let pro = draft.add_side("Pro").unwrap_or_default();
        assert!(draft.toggle_quote_topic("q1", &topic));
        assert!(draft.set_quote_side("q1", Some(&pro)));
        assert!(draft.set_quote_speaker("q2", "cy"));
        assert!(draft.nudge_quote("q3", Bound::End, -1));
        let text = TEXT.replacen("Ann", "Anna", 1);
        let next = draft.carry_over(extracted(&text));
        assert_eq!(texts(&next), ["Stay,", "Go,", "Wait"]);
        assert_eq!(next.quotes[0].topics, std::slice::from_ref(&topic));
        assert_eq!(next.quotes[0].side.as_deref(), Some(pro.as_str()));
        assert_eq!(next.quotes[0].speaker, "anna", "the extractor's speaker, changed by the edit");
        assert_eq!((next.quotes[1].speaker.as_str(), next.quotes[1].speaker_edited), ("cy", true));
        assert!(next.quotes[2].span_edited);
        assert!(next.speakers.iter().all(|s| s.name != "Ann"), "{:?}", next.speakers);

        // A deleted quote does not come back, through this edit or the next.
        assert!(draft.delete_quote("q2"));
        let next = draft.carry_over(extracted(&text));
        assert_eq!(texts(&next), ["Stay,", "Wait"]);
        let next = next.carry_over(extracted(&format!("{text} Done.")));
        assert_eq!(texts(&next), ["Stay,", "Wait"]);
        assert_eq!(next.quotes[0].topics, [topic]);
    }

    #[test]
    fn quotes_in_the_changed_words_keep_nothing() {
        let mut draft = extracted(TEXT);
        let topic = draft.add_topic("Plans").unwrap_or_default();
        assert!(draft.toggle_quote_topic("q1", &topic));
        assert!(draft.set_quote_speaker("q1", "cy"));
        // The first quote's words replaced: it has no place in the new text.
        let next = draft.carry_over(extracted(&TEXT.replacen("Stay", "Run", 1)));
        assert_eq!(texts(&next), ["Run,", "Go,", "Wait,"]);
        assert!(next.quotes.iter().all(|q| q.topics.is_empty() && !q.speaker_edited), "{:?}", next.quotes);
        assert_eq!(next.quotes[0].speaker, "ann");
        // A word added inside it: the same quote, with its edits.
        let next = draft.carry_over(extracted(&TEXT.replacen("Stay", "Stay here", 1)));
        assert_eq!(next.quotes[0].topics, [topic]);
        assert_eq!(next.quotes[0].speaker, "cy");
        assert!(next.quotes[1..].iter().all(|q| q.topics.is_empty() && !q.speaker_edited));
    }

    #[test]
    fn set_text_moves_quotes_and_deleted_spans_with_the_edit() {
        let mut draft = extracted(TEXT);
        assert!(draft.delete_quote("q3"));
        draft.set_text(format!("Now: {TEXT}"));
        assert!(draft.stale);
        assert_eq!(texts(&draft), ["Stay,", "Go,"]);
        assert_eq!(draft.deleted, [Span::new(at(&draft.text, "Wait"), at(&draft.text, "” Cy"))]);
        draft.set_text(draft.text.replacen("Go", "Leave", 1));
        assert_eq!(texts(&draft), ["Stay,"], "a quote whose words changed waits for the extraction");
    }

    #[test]
    fn unassigned_is_left_out_of_the_article_when_nothing_counts_for_it() {
        let mut draft = extracted(TEXT);
        let pro = draft.add_side("Pro").unwrap_or_default();
        let con = draft.add_side("Con").unwrap_or_default();
        draft.move_unassigned_last();
        let ids = |d: &Draft| d.to_article().sides.into_iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(&draft), ["pro", "con", "unassigned"], "unassigned quotes");
        for s in ["ann", "bob"] {
            assert!(draft.set_speaker_side(s, &pro));
        }
        assert!(draft.set_quote_side("q3", Some(&con)));
        // Cy is unassigned but his one quote is Con: he counts for Con.
        let article = draft.to_article();
        assert_eq!(ids(&draft), ["pro", "con"], "Con stays though no speaker is on it");
        assert_eq!(article.speakers.iter().find(|s| s.id == "cy").map(|s| s.side.as_str()), Some("con"));
        assert!(crate::validate::load_article(&serde_json::to_string(&article).unwrap_or_default()).article.is_some());
        assert!(draft.set_quote_side("q3", None));
        assert_eq!(ids(&draft), ["pro", "con", "unassigned"]);
        // A draft with no quotes keeps its one side.
        let empty = Draft { text: "Nothing said.".to_owned(), ..Draft::default() };
        assert_eq!(ids(&empty), ["unassigned"]);
    }

    #[test]
    fn a_removed_side_sends_its_speakers_and_quotes_back() {
        let mut draft = extracted(TEXT);
        let pro = draft.add_side("Pro").unwrap_or_default();
        assert!(draft.set_speaker_side("ann", &pro));
        assert!(draft.set_quote_side("q2", Some(&pro)));
        assert!(!draft.can_remove_side(UNASSIGNED_SIDE));
        assert!(!draft.remove_side(UNASSIGNED_SIDE));
        assert!(!draft.remove_side("nope"));
        assert!(draft.remove_side(&pro));
        assert!(!draft.sides.iter().any(|s| s.id == pro));
        assert_eq!(draft.speaker("ann").map(|s| s.side.as_str()), Some(UNASSIGNED_SIDE));
        assert_eq!(draft.quotes[1].side, None);
        // With no unassigned side yet, removing a side with speakers makes it.
        let mut draft =
            Draft { sides: vec![side("a", "A")], speakers: vec![speaker("x", "X", "a")], ..Draft::default() };
        assert!(draft.remove_side("a"));
        assert_eq!(draft.sides, [side(UNASSIGNED_SIDE, "Unassigned")]);
    }

    #[test]
    fn autosave_keeps_ordinary_drafts_and_refuses_long_ones_with_a_reason() {
        let mut draft = Draft::default();
        draft.set_text("“We will not give up,” Lavrov said.".to_owned());
        let json = draft.autosave_json().expect("a short draft is kept");
        assert_eq!(Draft::from_json(&json), Some(draft.clone()));
        // Past the limit by its text alone: refused before any JSON is built.
        draft.set_text("a".repeat(AUTOSAVE_LIMIT + 1));
        let why = draft.autosave_json().unwrap_err();
        assert!(why.contains("too long") && why.contains("2.0 MB") && why.contains("Download its JSON"), "{why}");
        // Under the limit as text, over it as JSON (every character escaped).
        draft.set_text("\u{1}".repeat(AUTOSAVE_LIMIT / 2));
        assert!(draft.autosave_json().unwrap_err().contains("too long"));
    }
}
