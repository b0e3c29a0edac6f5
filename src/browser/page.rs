//! The page the app runs in: its address, whether it is framed, and the options its query asks for.
//!
//! `use_embedding(side_ids)` reads `location` once, applies `?theme=`, and when the fragment is
//! empty turns `?view=`, `?sides=` and `?quote=` into the starting fragment, so the fragment stays
//! the one live state. Defaults: not embedded unless `?embed=1` or framed, the system theme.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::embed::{PageUrl, QueryOptions, BUILTIN_ARTICLE_ID};

/// How the app is being shown; provided as context.
#[derive(Clone, Copy)]
pub struct Embedding {
    pub url: StoredValue<PageUrl>,
    pub options: StoredValue<QueryOptions>,
    /// Another page holds this one in a frame, so there is a parent to talk to.
    pub framed: bool,
    /// Compact chrome: asked for with `?embed=1`, or framed.
    pub embedded: bool,
}

/// Asks a native render for the embedded chrome (`?embed=1`), as context.
#[derive(Clone, Copy)]
pub struct RenderEmbedded;

/// Reads the page's address and applies its query. Rendered natively (the pre-render), there is
/// no page: the defaults, which are what the pre-rendered HTML shows, embedded when the render
/// provides `RenderEmbedded`.
pub fn use_embedding() -> Embedding {
    if !cfg!(target_arch = "wasm32") {
        let embedded = use_context::<RenderEmbedded>().is_some();
        let options = QueryOptions { embed: embedded, ..QueryOptions::default() };
        let query = if embedded { "embed=1".to_owned() } else { String::new() };
        let url = PageUrl { base: "./".to_owned(), query };
        return Embedding { url: StoredValue::new(url), options: StoredValue::new(options), framed: false, embedded };
    }
    let url = PageUrl::parse(&window().location().href().unwrap_or_default());
    let options = QueryOptions::parse(&url.query);
    let framed = is_framed();
    set_theme(options.theme.data_theme());
    if current_fragment_is_empty() {
        if let Some(route) = options.start_route() {
            replace_fragment(&route.to_fragment());
        }
    }
    let embedded = options.embed || framed;
    Embedding { url: StoredValue::new(url), options: StoredValue::new(options), framed, embedded }
}

/// Whether another page frames this one (`window.top !== window.self`).
pub fn is_framed() -> bool {
    let window = window();
    match window.top() {
        Ok(Some(top)) => JsValue::from(top) != JsValue::from(window.self_()),
        // Reading `top` can only fail across origins, which means framed.
        _ => true,
    }
}

/// Sets `data-theme` on `<html>` (which `style/base.css` honours), or removes it to follow the system.
fn set_theme(theme: Option<&str>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

fn current_fragment_is_empty() -> bool {
    window().location().hash().unwrap_or_default().trim_start_matches('#').is_empty()
}

/// Takes `?src=` out of the address without a history entry, once an article opened another way:
/// reloading or copying the address then does not bring back the article `src` named instead.
/// Rendered natively, there is no address.
pub fn forget_src(url: &PageUrl) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let fragment = window().location().hash().unwrap_or_default();
    let href = format!("{}{fragment}", url.without_src().href());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&href));
    }
}

/// Rewrites the fragment without a history entry or a `hashchange` event.
fn replace_fragment(fragment: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// The built-in article JSON the page carries, if any (`counterpoint publish` writes it); else the
/// app uses the seed it was built with.
pub fn builtin_article_json() -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    document().get_element_by_id(BUILTIN_ARTICLE_ID)?.text_content().filter(|t| !t.trim().is_empty())
}
