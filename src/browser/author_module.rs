//! The authoring view's own wasm module, seen from the reader's app.
//!
//! A reader never authors, so the authoring view (`ui::author`, its draft logic and the
//! extraction worker's client) is built as a separate wasm module, `counterpoint-author`
//! (`src/bin/author.rs`), fetched the first time someone opens Author. Hosted, the page loads
//! `author-boot.js` (`public/`), which starts Trunk's `counterpoint-author.js`. The offline single
//! file has no file to fetch: it carries the module's glue as a script and its wasm as a data block,
//! and defines `counterpointAuthorBoot` to start them (`crates/site`). Either way the module ends
//! by setting `window.counterpointAuthor` (`mount`, `unmount`) and sending the `counterpoint:author`
//! event, whose detail is `null` or what went wrong.

use std::cell::Cell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The hosted page's start-up script for the module, next to the page.
const BOOT_SCRIPT: &str = "./author-boot.js";
/// What the module sets on `window` once it has started.
const MODULE: &str = "counterpointAuthor";
/// What the offline single file defines instead of a file to fetch.
const INLINE_BOOT: &str = "counterpointAuthorBoot";
/// The event the module sends when it has started or failed.
const EVENT: &str = "counterpoint:author";

thread_local! {
    /// How many times the hosted page has asked for the boot script.
    static ATTEMPTS: Cell<u32> = const { Cell::new(0) };
}

/// The started module.
#[derive(Clone)]
pub struct AuthorModule(JsValue);

impl AuthorModule {
    /// Mounts the authoring view in `host`. `open` gets the JSON of a drafted article to open.
    pub fn mount(&self, host: &web_sys::HtmlElement, open: &Function) -> Result<(), String> {
        self.call("mount").and_then(|f| f.call2(&JsValue::NULL, host, open).map(drop).map_err(describe))
    }

    /// Takes the view down; it stops its extraction worker if one runs.
    pub fn unmount(&self) {
        if let Ok(f) = self.call("unmount") {
            let _ = f.call0(&JsValue::NULL);
        }
    }

    fn call(&self, name: &str) -> Result<Function, String> {
        Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| format!("the authoring module has no `{name}`"))
    }
}

/// The module once it has started, or `None`.
pub fn started() -> Option<AuthorModule> {
    let window = web_sys::window()?;
    let module = Reflect::get(&window, &JsValue::from_str(MODULE)).ok()?;
    (module.is_object()).then_some(AuthorModule(module))
}

/// Fetches and starts the module, or returns it if it has started already. The error says what
/// failed, for the page to show with a way to try again.
pub async fn load() -> Result<AuthorModule, String> {
    if let Some(module) = started() {
        return Ok(module);
    }
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    // Settles with the module's event, or with the boot script's own failure to load.
    let mut settle: Option<(Function, Function)> = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or("no promise")?;
    let on_event = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
        let detail = event.detail();
        let _ = if detail.is_null() || detail.is_undefined() {
            resolve.call0(&JsValue::NULL)
        } else {
            reject.call1(&JsValue::NULL, &detail)
        };
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    window
        .add_event_listener_with_callback_and_add_event_listener_options(
            EVENT,
            on_event.as_ref().unchecked_ref(),
            &options,
        )
        .map_err(describe)?;

    let inline =
        Reflect::get(&window, &JsValue::from_str(INLINE_BOOT)).ok().and_then(|f| f.dyn_into::<Function>().ok());
    let mut on_error = None;
    match inline {
        Some(boot) => {
            boot.call0(&JsValue::NULL).map_err(describe)?;
        }
        None => {
            let script = document.create_element("script").map_err(describe)?;
            script.set_attribute("type", "module").map_err(describe)?;
            // A module that failed to load stays failed for its address, so another attempt asks
            // for the script (and, through it, the module) at an address of its own.
            let attempt = ATTEMPTS.with(|a| {
                a.set(a.get() + 1);
                a.get()
            });
            let src = match attempt {
                1 => BOOT_SCRIPT.to_owned(),
                n => format!("{BOOT_SCRIPT}?attempt={n}"),
            };
            script.set_attribute("src", &src).map_err(describe)?;
            let target: web_sys::EventTarget = window.clone().into();
            let failed = Closure::<dyn Fn()>::new(move || {
                let detail = web_sys::CustomEventInit::new();
                detail.set_detail(&JsValue::from_str("its files could not be fetched"));
                if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &detail) {
                    let _ = target.dispatch_event(&event);
                }
            });
            script.add_event_listener_with_callback("error", failed.as_ref().unchecked_ref()).map_err(describe)?;
            document.head().ok_or("no head")?.append_child(&script).map_err(describe)?;
            on_error = Some((script, failed));
        }
    }
    let outcome = JsFuture::from(promise).await;
    drop(on_event);
    if let Some((script, _failed)) = on_error {
        // A failed script is removed, so trying again loads it anew.
        if outcome.is_err() {
            script.remove();
        }
    }
    outcome.map_err(describe)?;
    started().ok_or_else(|| "the authoring module started but is not on the page".to_owned())
}

fn describe(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}
