//! What both workers share: listening for the page's requests and answering with
//! `WorkerReply` JSON strings (`counterpoint_core::worker`).

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
    post(&WorkerReply::Ready);
}

pub fn post(reply: &WorkerReply) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // Posting a string to the page cannot fail once the worker runs.
    let _ = scope.post_message(&JsValue::from_str(&reply.to_json()));
}
