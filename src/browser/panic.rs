//! A panic never leaves a blank page: the hook logs it and shows a recovery screen.
//!
//! The screen is built with plain DOM text nodes, because after a panic the Leptos runtime cannot be
//! trusted. It offers to reload the app, which opens the last good article again.

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_recovery(info);
    }));
}

fn show_recovery(info: &PanicHookInfo<'_>) {
    show_recovery_screen(&info.to_string());
}

/// Builds the recovery screen and hides the rest of the page. `detail` is the panic message.
pub fn show_recovery_screen(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let build = || -> Result<(), JsValue> {
        let panel = document.create_element("div")?;
        panel.set_id("recovery");
        panel.set_attribute("role", "alert")?;
        let heading = document.create_element("h1")?;
        heading.set_text_content(Some("Counterpoint stopped working"));
        let text = document.create_element("p")?;
        text.set_text_content(Some(
            "Something went wrong inside the app. Your last good article is kept; this reopens it.",
        ));
        let detail = document.create_element("pre")?;
        detail.set_text_content(Some(message));
        let button = document.create_element("button")?;
        button.set_text_content(Some("Reload the last good article"));
        let reload = Closure::<dyn Fn()>::new(|| {
            super::recent_store::request_restore();
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())?;
        reload.forget();
        for child in [&heading, &text, &button, &detail] {
            panel.append_child(child)?;
        }
        body.append_child(&panel)?;
        body.class_list().add_1("crashed")?;
        Ok(())
    };
    let _ = build();
}
