//! Copies the text of a field to the clipboard.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};

/// Selects all of `field` and copies it. Returns whether the browser copied it; when it did not,
/// the text stays selected so the reader can press Ctrl+C. `execCommand` is used rather than the
/// async Clipboard API because it also works in frames without a permission and from `file://`.
pub fn copy_field(field: &HtmlTextAreaElement) -> bool {
    let _ = field.focus();
    field.select();
    document().dyn_into::<HtmlDocument>().ok().and_then(|doc| doc.exec_command("copy").ok()).unwrap_or(false)
}
