//! Fills the authoring view's draft (`counterpoint_core::draft::Draft`) from plain text: the
//! extraction of a whole text at once, slice by slice for long texts, and the paraphrase switch.
//!
//! This is the one way from an extraction to an article: extraction → `Draft` (here) →
//! `Draft::to_article` (in the core). The authoring view, `counterpoint extract --format article`
//! and `output::to_article` all go through it, so they build the same article from the same text.
//!
//! The draft itself, and every edit to it, is plain data in the core, so the app edits drafts
//! without linking the extractor; only this module runs the extractor on them.

use counterpoint_core::draft::{Draft, DraftQuote, DraftSpeaker, DRAFT_VERSION};
use counterpoint_core::model::QuoteKind;
use counterpoint_core::text::{is_quote_mark, slug, title_and_paragraphs, unique_id, Span};

use crate::{extract_from, ExtractedQuote, Extraction, SpeakerCluster};

/// Extracts quotes and speakers from `text` and suggests a side for each speaker; with
/// `paraphrases`, reported speech without quote marks too.
pub fn extract_draft(text: &str, paraphrases: bool) -> Draft {
    let mut job = DraftExtraction::with_paraphrases(text, paraphrases);
    while !job.step() {}
    job.finish()
}

/// Turns paraphrases on or off without touching any other quote or edit (see
/// `Draft::add_paraphrases` and `Draft::remove_paraphrases`).
pub fn set_paraphrases(draft: &mut Draft, on: bool) {
    if on == draft.paraphrases {
        return;
    }
    if on {
        draft.add_paraphrases(&extract_draft(&draft.text, true));
    } else {
        draft.remove_paraphrases();
    }
}

/// The size of one extraction slice in bytes: about 25 ms of work in the browser at 10 MB/s.
const SLICE_BYTES: usize = 256 * 1024;

/// Extracts a long text slice by slice, so the page can paint a progress bar between slices.
///
/// Slices end at a blank line that does not reopen a quote, so a text shorter than
/// `SLICE_BYTES` is extracted in one piece, exactly as `extract` would. Past that, each slice is
/// read with the paragraphs just before it as context (about `CONTEXT_BYTES`), so a "he said"
/// or "the senator said" at the top of a slice still finds the speaker named just above the
/// cut. Speakers of the same name in different slices are one speaker, and a bare surname
/// ("Lavrov") joins the one earlier speaker whose name ends with it ("Sergei Lavrov").
pub struct DraftExtraction {
    text: String,
    /// Where the next slice starts, in bytes and in code points.
    byte: usize,
    char: usize,
    draft: Draft,
    speakers: SpeakerIndex,
}

impl DraftExtraction {
    pub fn new(text: &str) -> DraftExtraction {
        DraftExtraction::with_paraphrases(text, false)
    }

    /// Extracts direct and partial quotes and, when `paraphrases` is set, reported speech too.
    pub fn with_paraphrases(text: &str, paraphrases: bool) -> DraftExtraction {
        let draft = Draft { version: DRAFT_VERSION, text: text.to_owned(), paraphrases, ..Draft::default() };
        DraftExtraction { text: text.to_owned(), byte: 0, char: 0, draft, speakers: SpeakerIndex::default() }
    }

    /// How much of the text is done, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            return 1.0;
        }
        self.byte as f64 / self.text.len() as f64
    }

    /// Extracts the next slice; returns `true` when the whole text is done.
    pub fn step(&mut self) -> bool {
        if self.byte >= self.text.len() {
            return true;
        }
        let end = slice_end(&self.text, self.byte);
        let from = context_start(&self.text, self.byte);
        let ex = extract_from(&self.text[from..end], from == 0);
        if self.byte == 0 {
            self.draft.title = title_and_paragraphs(&self.text[..end]).0.unwrap_or_default();
        }
        // Quotes in the context belong to the slice before; only the rest are new.
        let context_chars = self.text[from..self.byte].chars().count();
        self.add(&ex, context_chars);
        self.char += self.text[self.byte..end].chars().count();
        self.byte = end;
        self.byte >= self.text.len()
    }

    /// Adds the quotes of `ex`, an extraction of the current slice read with `context_chars` code
    /// points of context before it, and their speakers.
    fn add(&mut self, ex: &Extraction, context_chars: usize) {
        let draft = &mut self.draft;
        let mut speaker_ids: Vec<Option<String>> = vec![None; ex.speakers.len()];
        let paraphrases = draft.paraphrases;
        let wanted =
            |q: &&ExtractedQuote| (paraphrases || q.kind != QuoteKind::Paraphrase) && q.span.start >= context_chars;
        for quote in ex.quotes.iter().filter(wanted) {
            let speaker = match quote.speaker.filter(|&s| s < ex.speakers.len()) {
                Some(s) => {
                    if speaker_ids[s].is_none() {
                        speaker_ids[s] = Some(self.speakers.id_for(draft, &ex.speakers[s]));
                    }
                    speaker_ids[s].clone().unwrap_or_default()
                }
                None => draft.unknown_speaker(),
            };
            let at = |offset: usize| self.char + offset - context_chars;
            draft.quotes.push(DraftQuote {
                id: format!("q{}", draft.quotes.len() + 1),
                start: at(quote.span.start),
                end: at(quote.span.end),
                kind: quote.kind,
                speaker,
                side: None,
                topics: Vec::new(),
                // A split quote skips its attribution: what lies between its parts.
                gaps: quote.parts.windows(2).map(|w| Span::new(at(w[0].end), at(w[1].start))).collect(),
                speaker_edited: false,
                span_edited: false,
            });
        }
        self.speakers.remember_slice();
    }

    /// The draft of everything extracted so far.
    pub fn finish(mut self) -> Draft {
        self.draft.move_unassigned_last();
        self.draft
    }
}

/// The draft of `ex`, an extraction of the whole of `text`: every quote of `ex` (paraphrases
/// too, when it has them) with the speakers and sides the extractor found. `output::to_article`
/// builds its article from it. For a text of one slice it is the draft `extract_draft` fills,
/// which the authoring view and `counterpoint extract --format article` use.
pub fn draft_from_extraction(text: &str, ex: &Extraction) -> Draft {
    let paraphrases = ex.quotes.iter().any(|q| q.kind == QuoteKind::Paraphrase);
    let mut job = DraftExtraction::with_paraphrases(text, paraphrases);
    job.draft.title = title_and_paragraphs(text).0.unwrap_or_default();
    job.add(ex, 0);
    job.finish()
}

/// The speaker id of each name extracted from an earlier slice.
#[derive(Default)]
struct SpeakerIndex {
    /// Names that made a speaker or were found again exactly.
    by_name: std::collections::HashMap<String, String>,
    /// Bare surnames that made a speaker of their own ("Lavrov" before any "Sergei Lavrov").
    bare: std::collections::HashMap<String, String>,
    /// The names of the slice being read, with their ids and whether each is a bare surname:
    /// within one slice the extractor's own clusters stand ("Michelle Obama" stays apart from
    /// "Obama"), so they join the index only when the slice is done.
    this_slice: Vec<(String, String, bool)>,
}

impl SpeakerIndex {
    /// The id of an extracted speaker: the one already known by that name; for a bare surname,
    /// the one earlier full name that ends with it; for a full name, the earlier speaker made by
    /// its bare surname when no other full name has that surname; else a new speaker. Only
    /// earlier slices count. A bare surname joined to a full name is not remembered as a name, so
    /// "Bill Clinton" after "Hillary Clinton … Clinton" stays a speaker of his own.
    fn id_for(&mut self, draft: &mut Draft, cluster: &SpeakerCluster) -> String {
        if let Some(id) = self.by_name.get(&cluster.name) {
            return id.clone();
        }
        let surname = |name: &str| name.rsplit(' ').next().unwrap_or(name).to_owned();
        let full_names_with = |surname_wanted: &str| -> Vec<String> {
            let mut ids: Vec<String> = self
                .by_name
                .iter()
                .filter(|(name, _)| name.contains(' ') && surname(name) == surname_wanted)
                .map(|(_, id)| id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            ids
        };
        if !cluster.is_organisation {
            if !cluster.name.contains(' ') {
                if let [id] = &full_names_with(&cluster.name)[..] {
                    return id.clone();
                }
            } else {
                let last = surname(&cluster.name);
                if let Some(id) = self.bare.get(&last).filter(|_| full_names_with(&last).is_empty()).cloned() {
                    self.this_slice.push((cluster.name.clone(), id.clone(), false));
                    return id;
                }
            }
        }
        let side = match &cluster.side {
            Some(label) => draft.side_for_label(label),
            None => draft.unassigned_side(),
        };
        let id = unique_id(slug(&cluster.name), draft.speakers.iter().map(|s| s.id.as_str()));
        draft.speakers.push(DraftSpeaker {
            id: id.clone(),
            name: cluster.name.clone(),
            extracted_name: cluster.name.clone(),
            role: cluster.role.clone(),
            suggested_side: cluster.side.clone(),
            side,
        });
        let bare = !cluster.is_organisation && !cluster.name.contains(' ');
        self.this_slice.push((cluster.name.clone(), id.clone(), bare));
        id
    }

    /// Adds the names of the slice just read to the index, for the slices after it.
    fn remember_slice(&mut self) {
        for (name, id, bare) in self.this_slice.drain(..) {
            if bare {
                self.bare.insert(name.clone(), id.clone());
            }
            self.by_name.insert(name, id);
        }
    }
}

/// How much text before a slice is read again as its context.
const CONTEXT_BYTES: usize = 4 * 1024;

/// Where the context of the slice starting at byte `at` begins: at the first paragraph in the
/// `CONTEXT_BYTES` before it that does not continue a quote, else at `at` itself.
fn context_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let mut from = at.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while let Some(blank) = text[from..at].find("\n\n") {
        let next = from + blank + 2;
        if next >= at {
            break;
        }
        if !starts_with_quote_mark(&text[next..]) {
            return next;
        }
        from = next;
    }
    at
}

fn starts_with_quote_mark(paragraph: &str) -> bool {
    paragraph.trim_start().starts_with(is_quote_mark)
}

/// Where the slice starting at byte `from` ends: after the first blank line past `SLICE_BYTES`
/// whose next paragraph does not open with a quote mark (it may continue a quote), else at the
/// end of the text.
fn slice_end(text: &str, from: usize) -> usize {
    let mut at = from + SLICE_BYTES;
    while at < text.len() {
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let Some(blank) = text[at..].find("\n\n") else {
            break;
        };
        let next = at + blank + 2;
        if !starts_with_quote_mark(&text[next..]) {
            return next;
        }
        at = next;
    }
    text.len()
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
