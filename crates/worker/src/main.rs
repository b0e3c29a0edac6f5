//! The extraction worker: a Web Worker with its own wasm module, so the extractor never weighs on
//! the reader's first view and a long draft never blocks the page. (Collections have a worker of
//! their own, `collections.rs`.)
//!
//! It speaks the protocol of `counterpoint_core::worker`: it announces `Ready`, then answers each
//! `[header JSON, text]` request with a `Progress` after every slice, then the draft: its quotes
//! in `Quotes` pieces and the rest in one `Done` (its text left out: the page has it). Slices are `DraftExtraction`'s, so speakers and
//! pronouns resolve across slices exactly as they do natively.

use counterpoint_core::worker::{final_replies, WorkerReply, WorkerRequest};
use counterpoint_extract::DraftExtraction;
use counterpoint_worker::{post, serve};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

fn main() {
    serve(answer);
}

fn now() -> f64 {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope.performance().map_or(0.0, |p| p.now())
}

/// Reads one request and extracts its text slice by slice.
fn answer(data: &JsValue) {
    let parts = js_sys::Array::from(data);
    let header = parts.get(0).as_string().unwrap_or_default();
    let request = match serde_json::from_str(&header) {
        Ok(WorkerRequest::Extract(request)) => request,
        Ok(WorkerRequest::Collection(request)) => {
            let message = "this worker extracts; collections have their own".to_owned();
            post(WorkerReply::Failed { job: request.job, message });
            return;
        }
        Err(err) => {
            post(WorkerReply::Failed { job: 0, message: format!("unreadable request: {err}") });
            return;
        }
    };
    let Some(text) = parts.get(1).as_string() else {
        post(WorkerReply::Failed { job: request.job, message: "the request carries no text".to_owned() });
        return;
    };
    let job = request.job;
    let started = now();
    let mut extraction = DraftExtraction::with_paraphrases(&text, request.paraphrases);
    drop(text);
    while !extraction.step() {
        post(WorkerReply::Progress { job, done: extraction.progress() });
    }
    let mut draft = extraction.finish();
    // The page already has the text; sending 10 MB back would only cost time.
    draft.text = String::new();
    // The quotes go in pieces, each read in a short task on the page's thread.
    for reply in final_replies(job, draft, now() - started) {
        post(reply);
    }
}
