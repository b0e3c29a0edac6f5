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

use std::cell::{Cell, RefCell};

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
    /// The load on its way, if one is.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
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

/// Fetches and starts the module, or returns it if it has started already. Calls while it loads
/// wait for the same load. The error says what failed, for the page to show with a way to try
/// again (another call starts a new load).
pub async fn load() -> Result<AuthorModule, String> {
    if let Some(module) = started() {
        return Ok(module);
    }
    let promise = match LOADING.with(|l| l.borrow().clone()) {
        Some(promise) => promise,
        None => {
            let promise = begin()?;
            LOADING.with(|l| *l.borrow_mut() = Some(promise.clone()));
            promise
        }
    };
    let outcome = JsFuture::from(promise).await;
    if outcome.is_err() {
        LOADING.with(|l| *l.borrow_mut() = None);
    }
    outcome.map_err(describe)?;
    started().ok_or_else(|| "the authoring module started but is not on the page".to_owned())
}

/// Starts loading the module without waiting for it: when the reader points at or focuses the
/// Author tab, so that the view is often there by the click.
pub fn prefetch() {
    if started().is_none() && LOADING.with(|l| l.borrow().is_none()) {
        wasm_bindgen_futures::spawn_local(async {
            let _ = load().await;
        });
    }
}

/// Asks for the module, and returns a promise settled by its `counterpoint:author` event (or by
/// the boot script's own failure to load).
fn begin() -> Result<Promise, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let mut settle: Option<(Function, Function)> = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.ok_or("no promise")?;
    let on_event = Closure::once_into_js(move |event: web_sys::CustomEvent| {
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
        .add_event_listener_with_callback_and_add_event_listener_options(EVENT, on_event.unchecked_ref(), &options)
        .map_err(describe)?;

    let inline =
        Reflect::get(&window, &JsValue::from_str(INLINE_BOOT)).ok().and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(boot) = inline {
        boot.call0(&JsValue::NULL).map_err(describe)?;
        return Ok(promise);
    }
    let script = document.create_element("script").map_err(describe)?;
    script.set_attribute("type", "module").map_err(describe)?;
    // A module that failed to load stays failed for its address, so another attempt asks for
    // the script (and, through it, the module) at an address of its own.
    let attempt = ATTEMPTS.with(|a| {
        a.set(a.get() + 1);
        a.get()
    });
    let src = match attempt {
        1 => BOOT_SCRIPT.to_owned(),
        n => format!("{BOOT_SCRIPT}?attempt={n}"),
    };
    script.set_attribute("src", &src).map_err(describe)?;
    let failed_script = script.clone();
    let failed = Closure::once_into_js(move || {
        failed_script.remove();
        let detail = web_sys::CustomEventInit::new();
        detail.set_detail(&JsValue::from_str("its files could not be fetched"));
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &detail) {
            let _ = window.dispatch_event(&event);
        }
    });
    script.add_event_listener_with_callback("error", failed.unchecked_ref()).map_err(describe)?;
    document.head().ok_or("no head")?.append_child(&script).map_err(describe)?;
    Ok(promise)
}

fn describe(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}
