//! Tests that need a real browser engine, run by wasm-bindgen-test in headless Chromium
//! (`cargo xtask test` runs them).
#![cfg(target_arch = "wasm32")]

use counterpoint::offsets::{cp_len, cp_to_utf16, utf16_to_cp};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The one conversion to DOM offsets agrees with the browser's own string lengths.
#[wasm_bindgen_test]
fn utf16_offsets_match_the_browser() {
    let text = "e\u{301}t 😀 « voilà » 👩‍👩‍👧 end";
    let js = js_sys::JsString::from(text);
    assert_eq!(js.length() as usize, cp_to_utf16(text, cp_len(text)));
    for cp in 0..=cp_len(text) {
        let unit = cp_to_utf16(text, cp);
        assert_eq!(utf16_to_cp(text, unit), cp);
        // The DOM's substring up to `unit` has exactly `cp` code points.
        let prefix: String = js.substring(0, unit as u32).into();
        assert_eq!(cp_len(&prefix), cp);
    }
}

/// The app mounts in a real page: the seed article's quotes become cards, and the Read view's
/// highlights carry their contract attributes.
#[wasm_bindgen_test]
fn the_app_renders_the_seed_article() {
    let document = web_sys::window().unwrap().document().unwrap();
    leptos::mount::mount_to_body(counterpoint::ui::App);
    let cards = document.query_selector_all(".compare .quote-card").unwrap().length();
    let article = counterpoint::validate::load_article(counterpoint::seed::SEED_JSON).article.unwrap();
    assert!(cards as usize >= article.quotes.len(), "{cards} cards for {} quotes", article.quotes.len());
    let title = document.query_selector(".masthead h1").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), article.title);
    // Titles are text, never parsed as HTML: no element inside, whatever markers the renderer
    // leaves between text nodes.
    assert_eq!(title.child_element_count(), 0, "{}", title.inner_html());
}

/// After a panic the page is never blank: the recovery screen explains and offers a reload that
/// reopens the last good article.
#[wasm_bindgen_test]
fn the_recovery_screen_replaces_a_blank_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    counterpoint::browser::panic::show_recovery_screen("panicked at <script>x</script>");
    let panel = document.get_element_by_id("recovery").expect("a recovery screen");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains("Counterpoint stopped working"), "{text}");
    assert!(text.contains("<script>x</script>"), "the panic message is shown as text");
    assert!(panel.query_selector("script").unwrap().is_none());
    let button = panel.query_selector("button").unwrap().expect("a reload button");
    assert_eq!(button.text_content().unwrap(), "Reload the last good article");
    assert!(document.body().unwrap().class_list().contains("crashed"));
}
