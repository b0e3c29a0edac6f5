//! The messages between the app and its extraction worker, as plain data.
//!
//! The app never links the extractor: the authoring view posts the text to a Web Worker that
//! runs its own wasm module (`crates/worker`), and gets progress and the extracted draft back.
//! A request is posted as a two-element array, `[header JSON, text]`, so the text crosses as a
//! string without being escaped into JSON; replies are JSON strings. Cancelling terminates the
//! worker, so the worker needs no cancel message.

use serde::{Deserialize, Serialize};

use crate::draft::{Draft, DraftQuote};

/// The ids of the offline single file's data blocks that carry the worker's glue (JavaScript)
/// and its wasm (gzip + base64), written by `counterpoint-site` and read by the app.
pub const INLINE_GLUE_ID: &str = "counterpoint-worker-glue";
pub const INLINE_WASM_ID: &str = "counterpoint-worker-wasm";

/// How many quotes one `Quotes` message carries: a few hundred kilobytes of JSON at most.
pub const QUOTES_PER_MESSAGE: usize = 500;

/// The replies that end an extraction: the quotes in pieces of at most [`QUOTES_PER_MESSAGE`],
/// then `Done` with the rest of the draft.
pub fn final_replies(job: u64, mut draft: Draft, ms: f64) -> Vec<WorkerReply> {
    let mut quotes = std::mem::take(&mut draft.quotes);
    let mut replies = Vec::with_capacity(quotes.len() / QUOTES_PER_MESSAGE + 2);
    while !quotes.is_empty() {
        let rest = quotes.split_off(quotes.len().min(QUOTES_PER_MESSAGE));
        replies.push(WorkerReply::Quotes { job, quotes });
        quotes = rest;
    }
    replies.push(WorkerReply::Done { job, draft, ms });
    replies
}

/// Puts a draft back together from [`final_replies`]: the quotes of the `Quotes` messages, in
/// order, then the draft of `Done`.
pub fn assemble(received: Vec<DraftQuote>, mut draft: Draft) -> Draft {
    let mut quotes = received;
    quotes.append(&mut draft.quotes);
    draft.quotes = quotes;
    draft
}

/// What the app asks; the text travels beside it (see the module doc).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractRequest {
    /// Echoed in every reply, so replies to a superseded request can be told apart.
    pub job: u64,
    /// Also take reported speech without quote marks.
    pub paraphrases: bool,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkerReply {
    /// The worker's module is compiled and it listens.
    Ready,
    /// How much of the text is done, from 0 to 1.
    Progress { job: u64, done: f64 },
    /// Some of the extracted draft's quotes, at most [`QUOTES_PER_MESSAGE`], in order. They come
    /// before `Done`, so that reading any one message never holds the page's thread for long.
    Quotes { job: u64, quotes: Vec<DraftQuote> },
    /// The extracted draft, without its text (the app has it) and without the quotes the
    /// `Quotes` messages before it carried, and the time the work took.
    Done { job: u64, draft: Draft, ms: f64 },
    /// A request the worker could not read.
    Failed { job: u64, message: String },
}

impl WorkerReply {
    pub fn to_json(&self) -> String {
        // Plain data with string keys always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Result<WorkerReply, String> {
        serde_json::from_str(json).map_err(|e| format!("the extraction worker sent an unreadable reply: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_round_trip_through_json() {
        let draft = Draft { title: "T".to_owned(), ..Draft::default() };
        for reply in [
            WorkerReply::Ready,
            WorkerReply::Progress { job: 3, done: 0.5 },
            WorkerReply::Done { job: 3, draft, ms: 12.5 },
            WorkerReply::Failed { job: 4, message: "bad".to_owned() },
        ] {
            assert_eq!(WorkerReply::from_json(&reply.to_json()), Ok(reply));
        }
        assert!(WorkerReply::from_json("{}").is_err());
    }

    #[test]
    fn a_large_result_travels_in_small_pieces_and_comes_back_whole() {
        let quote = |i: usize| DraftQuote {
            id: format!("q{i}"),
            start: i,
            end: i + 1,
            kind: crate::model::QuoteKind::Direct,
            speaker: "s".to_owned(),
            side: None,
            topics: Vec::new(),
        };
        for count in [0, 1, QUOTES_PER_MESSAGE, QUOTES_PER_MESSAGE + 1, 3 * QUOTES_PER_MESSAGE + 7] {
            let draft = Draft { title: "T".to_owned(), quotes: (0..count).map(quote).collect(), ..Draft::default() };
            let replies = final_replies(9, draft.clone(), 1.5);
            assert_eq!(replies.len(), count.div_ceil(QUOTES_PER_MESSAGE) + 1, "{count} quotes");
            let mut received = Vec::new();
            let mut done = None;
            for reply in replies {
                // Each piece goes through JSON, as it does between the worker and the page.
                match WorkerReply::from_json(&reply.to_json()).unwrap() {
                    WorkerReply::Quotes { job: 9, quotes } => {
                        assert!(!quotes.is_empty() && quotes.len() <= QUOTES_PER_MESSAGE);
                        assert!(done.is_none(), "quotes after Done");
                        received.extend(quotes);
                    }
                    WorkerReply::Done { job: 9, draft, .. } => done = Some(draft),
                    other => panic!("unexpected reply {other:?}"),
                }
            }
            assert_eq!(assemble(received, done.expect("no Done")), draft, "{count} quotes");
        }
    }

    #[test]
    fn requests_read_back() {
        let request = ExtractRequest { job: 7, paraphrases: true };
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<ExtractRequest>(&json).unwrap(), request);
    }
}
