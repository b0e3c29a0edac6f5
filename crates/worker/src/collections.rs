//! The collections worker: opens a collection off the page's thread and out of the reader's
//! wasm (`counterpoint_core::worker::open_collection`: every article validated, statements matched,
//! the Coverage view built as a tree), and answers the page with one `Collection` reply.
//!
//! It speaks the protocol of `counterpoint_core::worker`: `Ready`, then for the request
//! `[header JSON, collection document, text…]` one `Collection` (or `Failed`).

use counterpoint_core::worker::{open_collection, WorkerReply, WorkerRequest};
use counterpoint_worker::{post, serve};
use wasm_bindgen::prelude::*;

fn main() {
    serve(answer);
}

fn answer(data: &JsValue) {
    let parts = js_sys::Array::from(data);
    let header = parts.get(0).as_string().unwrap_or_default();
    let reply = match serde_json::from_str(&header) {
        Ok(WorkerRequest::Collection(request)) => {
            let document = parts.get(1).as_string().unwrap_or_default();
            let texts: Vec<String> =
                (2..parts.length()).map(|i| parts.get(i).as_string().unwrap_or_default()).collect();
            let result = open_collection(&request, &document, &texts).map(Box::new);
            WorkerReply::Collection { job: request.job, result }
        }
        Ok(WorkerRequest::Extract(request)) => WorkerReply::Failed {
            job: request.job,
            message: "this worker opens collections; extraction has its own".to_owned(),
        },
        Err(err) => WorkerReply::Failed { job: 0, message: format!("unreadable request: {err}") },
    };
    post(reply);
}
