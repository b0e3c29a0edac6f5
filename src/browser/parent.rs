//! Talks to the page that frames the app, through `postMessage`.
//!
//! `post_to_parent` sends one message to `window.parent`. `use_parent_requests(options, handler)`
//! listens for requests and passes on only those from an origin listed in `?parent_origin=`;
//! Counterpoint messages from anywhere else are dropped with a console warning, other scripts'
//! messages silently. Neither does anything when the app is not framed.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::embed::{is_counterpoint_message, parse_request, ParentMessage, QueryOptions, Request};

/// Sends `message` to the parent window, delivered only if the parent's origin is `target_origin`
/// (`*` for any).
pub fn post_to_parent(message: &ParentMessage, target_origin: &str) {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(window.self_()) {
        return;
    }
    let value = match message {
        ParentMessage::Text(text) => JsValue::from_str(text),
        // Objects travel as structured clones, as the AMP and Datawrapper listeners expect.
        ParentMessage::Object(object) => match js_sys::JSON::parse(&object.to_string()) {
            Ok(value) => value,
            Err(_) => return,
        },
    };
    let _ = parent.post_message(&value, target_origin);
}

/// Calls `handler` with each request from an allowed origin.
pub fn use_parent_requests(options: &QueryOptions, handler: impl Fn(Request) + 'static) {
    let options = options.clone();
    let handle = window_event_listener(leptos::ev::message, move |event| {
        // Whatever the data is, its JSON text is what `embed::parse_request` reads.
        let Some(data) = js_sys::JSON::stringify(&event.data()).ok().and_then(|s| s.as_string()) else {
            return;
        };
        if !is_counterpoint_message(&data) {
            return;
        }
        // Only the page that frames the app may drive it, not another window on an allowed origin.
        let from_parent = match (event.source(), window().parent().ok().flatten()) {
            (Some(source), Some(parent)) => js_sys::Object::is(source.as_ref(), parent.as_ref()),
            _ => false,
        };
        let origin = event.origin();
        if !from_parent {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "Counterpoint ignored a message from {origin}: only the page that frames it may send requests"
            )));
            return;
        }
        if !options.accepts_origin(&origin) {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "Counterpoint ignored a message from {origin}: that origin is not listed in the parent_origin URL parameter"
            )));
            return;
        }
        if let Some(request) = parse_request(&data) {
            handler(request);
        }
    });
    on_cleanup(move || handle.remove());
}
