//! What both workers share: listening for the page's requests and answering with
//! `WorkerReply` messages (`counterpoint_core::worker`).

use counterpoint_core::worker::WorkerReply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Hands every message's data to `answer`, then says `Ready`.
pub fn serve(answer: fn(&JsValue)) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| answer(&event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(WorkerReply::Ready);
}

/// Posts a reply: its JSON header alone as a string, or `[header, texts…]` when texts travel
/// beside it (`WorkerReply::into_message`).
pub fn post(reply: WorkerReply) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let (header, texts) = reply.into_message();
    let message = if texts.is_empty() {
        JsValue::from_str(&header)
    } else {
        let parts = js_sys::Array::new();
        parts.push(&JsValue::from_str(&header));
        for text in &texts {
            parts.push(&JsValue::from_str(text));
        }
        parts.into()
    };
    // Posting strings to the page cannot fail once the worker runs.
    let _ = scope.post_message(&message);
}
