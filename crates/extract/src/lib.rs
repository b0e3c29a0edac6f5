//! Quote extraction: finds who said what in plain news text, and fills the authoring view's
//! draft with what it finds (`draft`).
//!
//! The pipeline is linear in the length of the text:
//! `marks` pairs quote marks into passages, `tokens` splits words and sentences, `attribution`
//! links passages to cues and speaker mentions, `speakers` clusters and resolves the speakers
//! and suggests sides, and `output` builds the spans JSON. The article format v1 comes from the
//! draft (`draft`, then `Draft::to_article` in the core), as in the authoring view.
//!
//! **Invariant:** this crate knows nothing about Leptos, `web_sys` or the DOM, and depends only
//! on the core, std, serde and serde_json.
//!
//! All offsets are Unicode code points into the input, end exclusive. A direct quote's span
//! covers the quoted words without the surrounding marks. A split quote (“A,” X said. “B.”) is
//! one quote whose span runs from the start of A to the end of B, with A and B in `parts`. A
//! partial quote's span is the quoted words of one fragment ("the US-led coalition was ‘in bed
//! with terrorists’" → "in bed with terrorists"); a sentence with two fragments gives two partial
//! quotes. A paraphrase (reported speech without quote marks, read by `paraphrase`) spans the
//! reported clause ("Lavrov said the ceasefire had failed." → "the ceasefire had failed") and has
//! no `marked`.

mod attribution;
mod bench;
mod draft;
mod eval;
mod lexicon;
mod marks;
mod mentions;
mod output;
mod paraphrase;
mod speakers;
mod tokens;
mod words;

#[cfg(test)]
mod tests;

use serde::Serialize;

use counterpoint_core::model::QuoteKind;
pub use counterpoint_core::text::Span;

pub use bench::bench_text;
pub use counterpoint_core::text::{slug, title_and_paragraphs, unwrap_lines};
pub use draft::{extract_draft, set_paraphrases, DraftExtraction};
pub use eval::{
    below_floors, dev_set, dev_set_check, evaluate, evaluate_text, parse_dev_set, parse_gold, passing_known_failures,
    CaseReport, DevCase, Evaluation, GoldQuote, Score, FLOORS,
};
pub use output::{to_article, to_spans_json};

/// One attributed quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExtractedQuote {
    /// The quoted words (direct, partial) or the reported clause (paraphrase); a split quote's
    /// span runs from the start of its first part to the end of its last, across the attribution.
    pub span: Span,
    /// What the quote quotes, in order: A and B of a split quote (“A,” X said. “B.”), whose text
    /// in an article is "A … B"; the span alone otherwise.
    pub parts: Vec<Span>,
    /// The parts cut at paragraph breaks, without the marks that reopen a quote.
    pub pieces: Vec<Span>,
    /// The words between quote marks.
    pub marked: Vec<Span>,
    pub kind: QuoteKind,
    /// The cue as written ("said", "according", "—", "from", ":").
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// Where the speaker is mentioned for this quote (may be a pronoun or a description).
    pub mention: Option<Span>,
    /// Index into `Extraction::speakers`.
    pub speaker: Option<usize>,
}

/// One person or organisation who speaks in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerCluster {
    /// The fullest name found ("Sergei Lavrov").
    pub name: String,
    /// A title or office ("Russian Foreign Minister").
    pub role: Option<String>,
    /// Other ways the text names this speaker ("Lavrov", "the Russian top diplomat").
    pub aliases: Vec<String>,
    pub is_organisation: bool,
    /// A suggested side, usually a country ("Russia", "United States"); the user decides.
    pub side: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub quotes: Vec<ExtractedQuote>,
    pub speakers: Vec<SpeakerCluster>,
}

/// Extracts quotes and their speakers from plain text, paraphrases included (see
/// [`Extraction::without_paraphrases`]). Never fails: unbalanced quote marks and odd punctuation
/// only lose the quotes they affect.
pub fn extract(text: &str) -> Extraction {
    extract_from(text, true)
}

/// [`extract`] of a text from its start (`at_start`), or of a later slice of one: only a text's
/// start has a headline (`tokens::Doc::headline_end`), whose one- or two-word quotes are the
/// desk's scare quotes unless it names their speaker.
pub fn extract_from(text: &str, at_start: bool) -> Extraction {
    let chars: Vec<char> = text.chars().collect();
    let mut doc = tokens::Doc::new(&chars);
    if !at_start {
        doc.headline_end = 0;
    }
    let found = attribution::attribute(&doc);
    let resolved = speakers::resolve(&doc, &found);
    let quote = |(q, speaker): (attribution::Found, Option<usize>)| ExtractedQuote {
        span: q.span,
        parts: q.parts,
        pieces: q.pieces,
        marked: q.marked,
        kind: q.kind,
        cue_span: q.cue.as_ref().map(|c| c.1),
        cue: q.cue.map(|c| c.0),
        mention: q.mention.map(|m| m.span),
        speaker,
    };
    let mut quotes: Vec<ExtractedQuote> = found.quotes.into_iter().zip(resolved.speakers).map(quote).collect();
    if !found.paraphrases.is_empty() {
        // A paraphrase is only worth its speaker: without one there is nothing to show.
        let spoken = found.paraphrases.into_iter().zip(resolved.paraphrases).filter(|(_, s)| s.is_some());
        quotes.extend(spoken.map(quote));
        // Two sorted runs: the stable sort merges them in linear time.
        quotes.sort_by_key(|q| q.span.start);
    }
    Extraction { quotes, speakers: resolved.clusters }
}

impl Extraction {
    /// The direct and partial quotes only, with the speakers they use: what the extractor gave
    /// before it read paraphrases, and what the held-out benchmark scores.
    pub fn without_paraphrases(mut self) -> Extraction {
        self.quotes.retain(|q| q.kind != QuoteKind::Paraphrase);
        let mut renumber = vec![usize::MAX; self.speakers.len()];
        let mut kept = 0;
        for q in &mut self.quotes {
            if let Some(s) = q.speaker {
                if renumber[s] == usize::MAX {
                    renumber[s] = kept;
                    kept += 1;
                }
                q.speaker = Some(renumber[s]);
            }
        }
        let mut clusters = vec![None; kept];
        for (i, cluster) in std::mem::take(&mut self.speakers).into_iter().enumerate() {
            if let Some(slot) = clusters.get_mut(renumber[i]) {
                *slot = Some(cluster);
            }
        }
        self.speakers = clusters.into_iter().flatten().collect();
        self
    }
}
