//! The messages between the app and its extraction worker, as plain data.
//!
//! The app never links the extractor: the authoring view posts the text to a Web Worker that
//! runs its own wasm module (`crates/worker`), and gets progress and the extracted draft back.
//! A request is posted as a two-element array, `[header JSON, text]`, so the text crosses as a
//! string without being escaped into JSON; replies are JSON strings. Cancelling terminates the
//! worker, so the worker needs no cancel message.

use serde::{Deserialize, Serialize};

use crate::draft::Draft;

/// The ids of the offline single file's data blocks that carry the worker's glue (JavaScript)
/// and its wasm (gzip + base64), written by `counterpoint-site` and read by the app.
pub const INLINE_GLUE_ID: &str = "counterpoint-worker-glue";
pub const INLINE_WASM_ID: &str = "counterpoint-worker-wasm";

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
    /// The extracted draft, without its text (the app has it), and the time the work took.
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
    fn requests_read_back() {
        let request = ExtractRequest { job: 7, paraphrases: true };
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<ExtractRequest>(&json).unwrap(), request);
    }
}
