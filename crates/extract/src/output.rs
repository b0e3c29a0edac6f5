//! Builds the article format v1 and the spans JSON from an extraction.
//!
//! The article comes from the one builder, `Draft::to_article`, through the draft of the
//! extraction (`draft::draft_from_extraction`).

use serde_json::{json, Value};

use super::draft::draft_from_extraction;
use super::Extraction;
use counterpoint_core::model::Article;

/// `{"quotes":[{"start","end","parts","speaker", …}]}` with code-point offsets into the input, one
/// entry per quote of `ex`, paraphrases included; pass `ex.without_paraphrases()` for direct and
/// partial quotes only. `parts` lists `{"start","end"}` of each part: the two halves of a split
/// quote, whose `start` and `end` run from the first to the last, or the span alone.
pub fn to_spans_json(ex: &Extraction) -> Value {
    let quotes: Vec<Value> = ex
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|s| ex.speakers.get(s));
            json!({
                "start": q.span.start,
                "end": q.span.end,
                "parts": q.parts.iter().map(|p| json!({ "start": p.start, "end": p.end })).collect::<Vec<_>>(),
                "speaker": speaker.map(|s| s.name.clone()),
                "kind": q.kind,
                "cue": q.cue,
                "side": speaker.and_then(|s| s.side.clone()),
                "role": speaker.and_then(|s| s.role.clone()),
                "mention": q.mention.map(|m| [m.start, m.end]),
                "marked": q.marked.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "quotes": quotes })
}

/// The article format v1 for `ex`, an extraction of the whole of `text`: the draft of it
/// (`draft::draft_from_extraction`) built as the authoring view builds it (`Draft::to_article`),
/// with `title` for the title when given. Every quote of `ex` becomes a quote, paraphrases
/// included; pass `ex.without_paraphrases()` for direct and partial only.
pub fn to_article(text: &str, ex: &Extraction, title: Option<&str>) -> Article {
    let mut draft = draft_from_extraction(text, ex);
    if let Some(title) = title {
        draft.set_title(title);
    }
    draft.to_article()
}
