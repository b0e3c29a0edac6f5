//! Where the reader was on a page whose article arrives after the page does (`?src=`, a
//! collection). Coming back by Back, Forward or a reload, the browser restores the scroll position
//! while the page still says "Opening the article…", which is too short to scroll, so the position
//! was lost. The page keeps it in `sessionStorage` when it is left, and the app puts it back once
//! the article is on screen (`restore_once_shown`).
//!
//! Every call fails softly: without session storage the page simply starts at the top.

use std::cell::Cell;

const KEY: &str = "counterpoint-scroll:";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn key() -> Option<String> {
    Some(format!("{KEY}{}", web_sys::window()?.location().href().ok()?))
}

/// Whether this page was reached by Back, Forward or a reload (`performance.navigation.type`,
/// which every browser still has; read through its numbers, 1 and 2, it costs the wasm least).
fn came_back() -> bool {
    let navigation = web_sys::window().and_then(|w| w.performance()).map(|p| p.navigation().type_());
    matches!(navigation, Some(1 | 2))
}

thread_local! {
    /// The position to go back to, taken at start; `None` once used or when there is none.
    static SAVED: Cell<Option<i32>> = const { Cell::new(None) };
}

/// Call once at start: takes the position this address had when it was left, if the page came
/// back to it (Back, Forward, reload), and keeps the position whenever the page is left.
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    if let (Some(storage), Some(key)) = (session_storage(), key()) {
        let back = came_back();
        let saved = storage.get_item(&key).ok().flatten().and_then(|y| y.parse::<i32>().ok());
        let _ = storage.remove_item(&key);
        SAVED.set(saved.filter(|y| back && *y > 0));
    }
    // Once the reader moves the page, it is theirs: nothing is put back.
    for input in ["wheel", "touchstart", "pointerdown", "keydown"] {
        gloo::events::EventListener::new(&window, input, |_| SAVED.set(None)).forget();
    }
    gloo::events::EventListener::new(&window, "pagehide", |_| {
        let (Some(window), Some(storage), Some(key)) = (web_sys::window(), session_storage(), key()) else {
            return;
        };
        // Whole pixels: formatting and parsing floats would add kilobytes to the wasm.
        let y = window.scroll_y().unwrap_or(0.0) as i32;
        let _ = if y > 0 { storage.set_item(&key, &y.to_string()) } else { storage.remove_item(&key) };
    })
    .forget();
}

/// Once the article is on screen: scrolls back to where the reader was, on the next frame (the
/// view is in the page by then), unless they have moved the page since. Does nothing the second
/// time, or when the page was not come back to.
pub fn restore_once_shown() {
    if SAVED.get().is_none() {
        return;
    }
    leptos::prelude::request_animation_frame(|| {
        if let (Some(y), Some(window)) = (SAVED.take(), web_sys::window()) {
            window.scroll_to_with_x_and_y(0.0, f64::from(y));
        }
    });
}
