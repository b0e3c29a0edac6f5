//! Brings a quote into view and flashes it, so the reader's eye lands on it, and keeps it there
//! while a long view is still being built around it (`ui::progressive`), until the reader
//! scrolls, clicks, taps or types.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// How long the flash lasts; it matches the `flash` animation in `style/read.css`.
const FLASH_MS: u64 = 1600;

/// Scrolls the first element matching `selector` whose `data-quote-id` is `quote_id` into the middle
/// of the screen, moves focus to it and flashes it. Does nothing when no such element exists.
pub fn reveal_quote(selector: &str, quote_id: &str) {
    let Some(element) = find(selector, quote_id) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = html.focus_with_options(&focus);
    }
    pin(&element);
    request_animation_frame(keep_revealed_in_place);
    let class_list = element.class_list();
    // Restart the animation when the same quote is revealed twice in a row.
    let _ = class_list.remove_1("flash");
    let _ = element.get_bounding_client_rect();
    let _ = class_list.add_1("flash");
    set_timeout(move || drop(class_list.remove_1("flash")), std::time::Duration::from_millis(FLASH_MS));
}

/// Compares ids as attribute values rather than building a CSS selector from untrusted text.
fn find(selector: &str, quote_id: &str) -> Option<Element> {
    let nodes = document().query_selector_all(selector).ok()?;
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
        .find(|el| el.get_attribute("data-quote-id").as_deref() == Some(quote_id))
}

thread_local! {
    /// The quote revealed last, while the reader has not moved the page themselves.
    static PINNED: RefCell<Option<Element>> = const { RefCell::new(None) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

fn pin(element: &Element) {
    if !LISTENING.replace(true) {
        for input in ["wheel", "touchstart", "pointerdown", "mousedown", "keydown"] {
            gloo::events::EventListener::new(&window(), input, |_| PINNED.set(None)).forget();
        }
    }
    PINNED.set(Some(element.clone()));
}

/// Puts the quote revealed last back in the middle of the screen when what was built above it
/// moved it (the space a part takes before it is built is an estimate), unless the reader has
/// scrolled, clicked, tapped or typed since. Call it before a paint.
pub fn keep_revealed_in_place() {
    PINNED.with_borrow(|pinned| {
        let Some(element) = pinned.as_ref().filter(|e| e.is_connected()) else {
            return;
        };
        let rect = element.get_bounding_client_rect();
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let off_centre = rect.top() - (height - rect.height()) / 2.0;
        if off_centre.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, off_centre);
        }
    });
}
