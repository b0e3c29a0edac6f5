//! Whole-page drag-and-drop of files and Ctrl/Cmd+V paste of article JSON.

use leptos::prelude::*;
use web_sys::File;

/// What the page received.
pub enum Incoming {
    /// One file or several dropped together (a collection with its articles, or articles).
    Files(Vec<File>),
    Text(String),
}

/// Listens on the window for dropped files and pasted text. `dragging` is true while a file is
/// held over the page, so the drop target can be shown. Pastes into text fields are left alone.
pub fn use_drop_and_paste(on_incoming: impl Fn(Incoming) + Clone + 'static) -> ReadSignal<bool> {
    let (dragging, set_dragging) = signal(false);
    // Rendered natively (the pre-render) there is no window to listen on.
    if !cfg!(target_arch = "wasm32") {
        return dragging;
    }
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        let has_files = ev.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0));
        if has_files {
            ev.prevent_default();
            set_dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving for another element of the page also fires; only the window's edge counts.
        if ev.related_target().is_none() {
            set_dragging.set(false);
        }
    });
    let drop_handler = {
        let on_incoming = on_incoming.clone();
        window_event_listener(leptos::ev::drop, move |ev| {
            set_dragging.set(false);
            let files = ev.data_transfer().and_then(|dt| dt.files()).map(|list| files_of(&list)).unwrap_or_default();
            if files.is_empty() {
                return;
            }
            ev.prevent_default();
            on_incoming(Incoming::Files(files));
        })
    };
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.closest("input, textarea, [contenteditable]").ok().flatten().is_some());
        if in_field {
            return;
        }
        let Some(data) = ev.clipboard_data() else {
            return;
        };
        let files = data.files().map(|list| files_of(&list)).unwrap_or_default();
        if !files.is_empty() {
            ev.prevent_default();
            on_incoming(Incoming::Files(files));
        } else if let Ok(text) = data.get_data("text/plain") {
            if !text.trim().is_empty() {
                ev.prevent_default();
                on_incoming(Incoming::Text(text));
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop_handler.remove();
        paste.remove();
    });
    dragging
}

/// The files of a `FileList`, in order.
pub fn files_of(list: &web_sys::FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
