//! The browser entry point: install the panic hook, then mount the app.
//!
//! A built page already shows the built-in article, pre-rendered by the same components
//! (`ui::prerender`), in two copies: the default chrome and the embedded one. The app mounts and
//! removes them in the same task, so no frame is painted in between: the reader sees no flash and
//! nothing moves.
//!
//! Starting takes three tasks, so that none holds the page for long: the wasm's instantiation
//! (which runs `main`), reading the built-in article into its explorer, and mounting the app.

use wasm_bindgen::JsCast;

fn main() {
    counterpoint::browser::panic::install();
    counterpoint::browser::scroll_memory::start();
    wasm_bindgen_futures::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        counterpoint::ui::prepare_builtin();
        gloo_timers::future::TimeoutFuture::new(0).await;
        mount();
    });
}

/// Mounts the app in place of the pre-rendered copies, in one task.
fn mount() {
    let document = leptos::prelude::document();
    // The default copy and the embedded one.
    let prerendered = document.query_selector_all(".app[data-prerendered]").ok();
    leptos::mount::mount_to_body(counterpoint::ui::App);
    if let Some(copies) = prerendered {
        for i in 0..copies.length() {
            if let Some(copy) = copies.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                copy.remove();
            }
        }
    }
    // The page's start-up script hides the pre-rendered copy when the address asks for something
    // else (`public/prerender-guard.js`); the app now shows what was asked for.
    if let Some(root) = document.document_element() {
        let _ = root.class_list().remove_2("cp-wait", "cp-embed");
    }
}
