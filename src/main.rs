//! The browser entry point: install the panic hook, then mount the app.
//!
//! A built page already shows the built-in article, pre-rendered by the same components
//! (`ui::prerender`). The app mounts and removes that copy in the same task, so no frame is
//! painted in between: the reader sees no flash and nothing moves.

use wasm_bindgen::JsCast;

fn main() {
    counterpoint::browser::panic::install();
    let document = leptos::prelude::document();
    let prerendered = document.query_selector(".app[data-prerendered]").ok().flatten();
    leptos::mount::mount_to_body(counterpoint::ui::App);
    if let Some(copy) = prerendered.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        copy.remove();
    }
    // The page's start-up script hides the pre-rendered copy when the address asks for something
    // else (`public/prerender-guard.js`); the app now shows what was asked for.
    if let Some(root) = document.document_element() {
        let _ = root.class_list().remove_1("cp-wait");
    }
}
