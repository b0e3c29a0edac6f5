//! Work the reader did not ask for gives way to what they did: after a click, a key or a typed
//! character, background building (the parts of a long view, `ui::progressive`, the strip's
//! marks, the recent list) waits until the page has painted the answer, two frames later. So a
//! filter toggled while a long view is still being built shows at once, not after the next parts.
//! A long view's first screen holds that work the same way, so it is shown before the rest is
//! built ([`hold`]).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::JsCast;

/// The longest an input holds background work, when frames do not come.
const MOST_MS: u64 = 200;

thread_local! {
    /// Inputs whose answer has not been painted yet.
    static UNPAINTED: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Resolves once every click, key or typed character since [`listen`] has had two frames painted
/// since, or [`MOST_MS`] gone by (at once when there was none).
pub async fn quiet() {
    listen();
    while UNPAINTED.get() > 0 {
        TimeoutFuture::new(16).await;
    }
}

/// Starts counting inputs, once: call it when background work is planned, so that an input
/// before that work's first step counts too.
pub fn listen() {
    if LISTENING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    for input in ["click", "pointerdown", "keydown", "input"] {
        let options = gloo::events::EventListenerOptions::run_in_capture_phase();
        gloo::events::EventListener::new_with_options(&window, input, options, |event| {
            // A held key repeats every few frames; only its first press waits to be painted, so
            // scrolling by a held arrow key does not hold the building for as long as it lasts.
            if event.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(web_sys::KeyboardEvent::repeat) {
                return;
            }
            hold();
        })
        .forget();
    }
}

/// Holds background work until what this task and its microtasks put on the page has been
/// painted: an input's answer, or the first screen of a long view, whose other parts would
/// otherwise be built before it is shown.
pub fn hold() {
    UNPAINTED.set(UNPAINTED.get() + 1);
    let done = Rc::new(Cell::new(false));
    let end = {
        let done = done.clone();
        move || {
            if !done.replace(true) {
                UNPAINTED.set(UNPAINTED.get().saturating_sub(1));
            }
        }
    };
    // The work of this task runs now and in its microtasks; the first frame paints it, and the
    // work waiting resumes after the second, in a task of its own. A page that paints no frames
    // (a hidden tab) resumes after MOST_MS all the same.
    let after_frames = end.clone();
    request_animation_frame(move || {
        request_animation_frame(move || set_timeout(after_frames, std::time::Duration::ZERO));
    });
    set_timeout(end, std::time::Duration::from_millis(MOST_MS));
}
