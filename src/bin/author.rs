//! The authoring view's wasm module (`counterpoint-author`): the reader's app loads it the first
//! time someone opens Author (`browser::author_module`), so a reader never downloads the authoring
//! view, its draft logic or the extraction worker's client.
//!
//! The page calls `mount_author` with the element to fill and a function that opens a drafted
//! article in the reader's app, and `unmount_author` when the reader leaves the view.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The mounted view; dropping it takes the view down and runs its clean-ups.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

fn main() {
    counterpoint::browser::panic::install();
}

/// Mounts the authoring view in `host`, in place of one mounted before. `open` is called with the
/// JSON of a drafted article, checked already, when the user opens it in the explorer; it is
/// called after the click has been handled, so the page may take this view down in it.
#[wasm_bindgen]
pub fn mount_author(host: web_sys::HtmlElement, open: js_sys::Function) {
    unmount_author();
    let open: Box<dyn Fn(String)> = Box::new(move |json: String| {
        let open = open.clone();
        // The page answers by leaving the view, which unmounts it: not while its click runs.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = open.call1(&JsValue::NULL, &JsValue::from_str(&json));
        });
    });
    let handle = leptos::mount::mount_to(host, move || view! { <counterpoint::ui::author::Author open=open/> });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Takes the authoring view down; its extraction stops and its draft stays saved.
#[wasm_bindgen]
pub fn unmount_author() {
    let handle = MOUNTED.with(|m| m.borrow_mut().take());
    drop(handle);
}
