//! Fetches an article from `?src=<url>`: only `http:` and `https:`, relative URLs too.

use js_sys::{Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, RequestMode, Response};

use crate::validate::MAX_INPUT_BYTES;

/// Resolves `src` against the page and refuses anything but `http:` and `https:`.
pub fn resolve(src: &str) -> Result<String, String> {
    resolve_against(src, &leptos::prelude::window().location().href().unwrap_or_default())
}

/// Resolves `src` against `base` (a collection's address for its articles); only `http:` and
/// `https:`.
pub fn resolve_against(src: &str, base: &str) -> Result<String, String> {
    let url = web_sys::Url::new_with_base(src, base).map_err(|_| format!("“{src}” is not a valid URL"))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        other => Err(format!("only http: and https: addresses can be loaded, not {other}")),
    }
}

/// The `src` query parameter of the page, if any.
pub fn src_param() -> Option<String> {
    let search = leptos::prelude::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get("src").filter(|s| !s.trim().is_empty())
}

/// Fetches `url` as text, with messages that say what the host must allow when it fails.
/// Aborting `cancel` stops it with `Err(None)`.
pub async fn fetch_text(url: &str, cancel: &AbortController) -> Result<String, Option<String>> {
    fetch_inner(url, cancel).await.map_err(|message| (!cancel.signal().aborted()).then_some(message))
}

async fn fetch_inner(url: &str, cancel: &AbortController) -> Result<String, String> {
    let init = RequestInit::new();
    init.set_mode(RequestMode::Cors);
    init.set_signal(Some(&cancel.signal()));
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| format!("“{url}” cannot be requested"))?;
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    let started = match take_early(url) {
        Some((response, early)) => {
            // Cancelling aborts the request the page started early.
            let abort = Closure::once_into_js(move || early.abort());
            let _ = cancel.signal().add_event_listener_with_callback("abort", abort.unchecked_ref());
            response
        }
        None => leptos::prelude::window().fetch_with_request(&request),
    };
    let response = JsFuture::from(started).await.map_err(|_| {
        format!(
            "could not reach {url}. Either the network failed or the host does not allow this page to read it: \
             the server must send the header “Access-Control-Allow-Origin: {origin}” (or “*”)."
        )
    })?;
    let response: Response = response.dyn_into().map_err(|_| "unexpected fetch result".to_owned())?;
    if !response.ok() {
        return Err(format!("{url} answered {} {}", response.status(), response.status_text()));
    }
    let declared = response.headers().get("content-length").ok().flatten().and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&b| b > MAX_INPUT_BYTES) {
        return Err(crate::validate::too_large(bytes).message);
    }
    let text = response.text().map_err(|_| "the response has no text".to_owned())?;
    let text = JsFuture::from(text).await.map_err(|_| format!("reading {url} failed part-way"))?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}

/// The response to `url` that `public/prerender-guard.js` started fetching before the app loaded,
/// with its abort controller.
fn take_early(url: &str) -> Option<(Promise, AbortController)> {
    let early = take_early_slot()?;
    let field = |name: &str| Reflect::get(&early, &JsValue::from_str(name)).ok();
    let abort: AbortController = field("abort")?.dyn_into().ok()?;
    if field("url")?.as_string().as_deref() != Some(url) {
        abort.abort();
        return None;
    }
    Some((field("response")?.dyn_into().ok()?, abort))
}

/// Stops a request the guard started that will not be used (the page is restoring the last
/// article instead of `?src=`).
pub fn drop_early() {
    let abort = take_early_slot().and_then(|early| Reflect::get(&early, &JsValue::from_str("abort")).ok());
    if let Some(abort) = abort.and_then(|a| a.dyn_into::<AbortController>().ok()) {
        abort.abort();
    }
}

/// What the guard left in `window.counterpointEarlySrc`, taken once: the slot is left `null`, so a
/// later call finds nothing, and the guard, if it is `async` and runs late, leaves fetching to the
/// app.
fn take_early_slot() -> Option<JsValue> {
    let window: JsValue = leptos::prelude::window().into();
    let key = JsValue::from_str("counterpointEarlySrc");
    let early = Reflect::get(&window, &key).ok().filter(JsValue::is_object);
    let _ = Reflect::set(&window, &key, &JsValue::NULL);
    early
}
