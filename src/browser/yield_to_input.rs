//! Work the reader did not ask for gives way to what they did: after a click, a key or a typed
//! character, background building (the parts of a long view, `ui::progressive`, the strip's
//! marks, the recent list) waits until the page has painted the answer, two frames later. So a
//! filter toggled while a long view is still being built shows at once, not after the next parts.

use std::cell::Cell;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::{request_animation_frame, set_timeout};

thread_local! {
    /// Inputs whose answer has not been painted yet.
    static UNPAINTED: Cell<u32> = const { Cell::new(0) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Resolves once every click, key or typed character since [`listen`] has had two frames painted
/// since (at once when there was none).
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
        gloo::events::EventListener::new_with_options(&window, input, options, |_| {
            UNPAINTED.set(UNPAINTED.get() + 1);
            // The input's own work runs in this task and its microtasks; the first frame paints
            // it, and the work waiting resumes after the second, in a task of its own.
            request_animation_frame(|| {
                request_animation_frame(|| {
                    set_timeout(|| UNPAINTED.set(UNPAINTED.get().saturating_sub(1)), std::time::Duration::ZERO);
                });
            });
        })
        .forget();
    }
}
