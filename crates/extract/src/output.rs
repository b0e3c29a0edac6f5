//! Builds the article format v1 and the spans JSON from an extraction.

use serde_json::{json, Value};

use counterpoint_core::text::{looks_like_title, paragraphs, slug, unwrap_lines, Paragraph};

use super::Extraction;
use counterpoint_core::model::{Article, Quote, Side, Source, Speaker, Topic, FORMAT_VERSION};

/// How many characters of context a prefix keeps to tell repeated quotes apart.
const PREFIX_LEN: usize = 32;

const UNASSIGNED: &str = "Unassigned";

/// The body size up to which repeated quote texts are counted exactly.
const EXACT_REPEAT_LIMIT: usize = 2_000_000;

fn occurs_twice(paras: &[Paragraph], text: &str) -> bool {
    paras.iter().flat_map(|p| p.text.matches(text)).nth(1).is_some()
}

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

fn unique_id(base: String, taken: &mut Vec<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// Builds an article v1 the way the authoring view would: one paragraph per line, sides from
/// the suggested sides plus "Unassigned", one generic topic. Every quote of `ex` becomes a
/// quote, paraphrases included; pass `ex.without_paraphrases()` for direct and partial only.
pub fn to_article(text: &str, ex: &Extraction, title: Option<&str>) -> Article {
    let chars: Vec<char> = text.chars().collect();
    let mut paras = paragraphs(&chars);
    // Stray one-word lines before the text, such as an image caption "image", are dropped.
    while paras.len() > 1 && paras[0].text.split_whitespace().count() < 2 {
        paras.remove(0);
    }
    let title = match title {
        Some(t) => t.to_string(),
        None => match paras.first().filter(|p| paras.len() > 1 && looks_like_title(&p.text)) {
            Some(p) => {
                let t = p.text.clone();
                paras.remove(0);
                t
            }
            None => "Untitled article".to_string(),
        },
    };
    let mut side_ids = Vec::new();
    let mut sides: Vec<Side> = Vec::new();
    let mut side_of_speaker = Vec::new();
    for cluster in &ex.speakers {
        let label = cluster.side.clone().unwrap_or_else(|| UNASSIGNED.to_string());
        let id = slug(&label);
        if !side_ids.contains(&id) {
            side_ids.push(id.clone());
            sides.push(Side { id: id.clone(), label, color: None });
        }
        side_of_speaker.push(id);
    }
    if let Some(i) = sides.iter().position(|s| s.label == UNASSIGNED) {
        let unassigned = sides.remove(i);
        sides.push(unassigned);
    }
    let mut speaker_ids = Vec::new();
    let mut speakers: Vec<Speaker> = ex
        .speakers
        .iter()
        .zip(&side_of_speaker)
        .map(|(c, side)| Speaker {
            id: unique_id(slug(&c.name), &mut speaker_ids),
            name: c.name.clone(),
            role: c.role.clone(),
            side: side.clone(),
        })
        .collect();
    // Counting repeats costs a pass over the body per quote; past a few megabytes every quote
    // gets a prefix instead, which the app accepts just as well.
    let body_len: usize = paras.iter().map(|p| p.text.len()).sum();
    let exact_repeats = body_len <= EXACT_REPEAT_LIMIT;
    let mut unknown: Option<String> = None;
    let mut quotes = Vec::new();
    for quote in &ex.quotes {
        let speaker = match quote.speaker.and_then(|s| speakers.get(s)) {
            Some(s) => s.id.clone(),
            None => unknown_speaker(&mut unknown, &mut speakers, &mut sides, &mut speaker_ids),
        };
        for piece in &quote.pieces {
            let at = paras.partition_point(|p| p.span.end < piece.end);
            let Some(para) = paras.get(at).filter(|p| p.span.start <= piece.start && piece.end <= p.span.end) else {
                continue;
            };
            let text = unwrap_lines(&chars[piece.start..piece.end]);
            let repeated = !exact_repeats || occurs_twice(&paras, &text);
            let prefix = repeated.then(|| {
                let from = piece.start.saturating_sub(PREFIX_LEN).max(para.span.start);
                unwrap_lines(&chars[from..piece.start])
            });
            quotes.push(Quote {
                id: format!("q{}", quotes.len() + 1),
                speaker: speaker.clone(),
                kind: quote.kind,
                topics: vec!["all".to_string()],
                text,
                prefix: prefix.filter(|p| !p.is_empty()),
                suffix: None,
                side: None,
                hint: None,
            });
        }
    }
    Article {
        format_version: FORMAT_VERSION,
        title,
        source: Source { name: "Pasted text".to_string(), url: None },
        published: None,
        language: "en".to_string(),
        body: paras.into_iter().map(|p| p.text).collect(),
        sides,
        speakers,
        topics: vec![Topic { id: "all".to_string(), label: "All quotes".to_string() }],
        quotes,
    }
}

/// The speaker that unattributed quotes get, created on first use.
fn unknown_speaker(
    unknown: &mut Option<String>,
    speakers: &mut Vec<Speaker>,
    sides: &mut Vec<Side>,
    taken: &mut Vec<String>,
) -> String {
    if let Some(id) = unknown {
        return id.clone();
    }
    let side = slug(UNASSIGNED);
    if !sides.iter().any(|s| s.id == side) {
        sides.push(Side { id: side.clone(), label: UNASSIGNED.to_string(), color: None });
    }
    let id = unique_id("unknown".to_string(), taken);
    speakers.push(Speaker { id: id.clone(), name: "Unknown speaker".to_string(), role: None, side });
    *unknown = Some(id.clone());
    id
}
