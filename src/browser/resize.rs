//! Follows the height of the page's content with a `ResizeObserver`: no polling, one callback per
//! change.
//!
//! `use_content_height(callback)` observes `<body>` and calls `callback` with its height in whole
//! CSS pixels whenever that changes, and once at the start. The observer stops with the owner.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;

pub fn use_content_height(callback: impl Fn(u32) + 'static) {
    let Some(body) = document().body() else {
        return;
    };
    let last = Rc::new(Cell::new(0u32));
    let target = body.clone();
    // The body's box, not `scrollHeight`: inside a frame `scrollHeight` never drops below the
    // frame's own height, so a frame could grow but never shrink.
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.get() {
            last.set(height);
            callback(height);
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    // The closure must live as long as the observer; both are dropped with the owner.
    let kept = StoredValue::new_local((observer, on_resize));
    on_cleanup(move || {
        kept.try_with_value(|(observer, _)| observer.disconnect());
    });
}
