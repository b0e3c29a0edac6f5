//! "Who speaks where": a slim map of the whole article with one mark per quote at its place in the
//! text, coloured and patterned by side. Beside the text in Read (across the top on a phone) and
//! above the grid in Compare, under the balance meter.
//!
//! It is one tab stop: the arrow keys, Home and End move between its marks, and Enter or a click
//! goes to that quote in the current view. Screen readers meet it as a list of the same links,
//! each named by speaker and side, after the skip link's target. Filters dim the marks they hide.
//! A mark names its quote in `data-quote`, not `data-quote-id`: that attribute is the contract for
//! the quote itself (its highlight in Read, its card in Compare), which embedders and the
//! benchmarks look for.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{side_id, side_style, Ctx};
use crate::route::{Route, View};

#[component]
pub fn Strip(view: View) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let go = move |target: Option<web_sys::EventTarget>| {
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a.strip-mark").ok().flatten());
        if let Some(id) = mark.and_then(|m| m.get_attribute("data-quote")) {
            ctx.nav.navigate(&ctx.route_to(view, Some(&id)));
        }
    };
    // Roving tab stop: the arrow keys move focus, and the tab stop with it.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(mark) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => mark.next_element_sibling(),
            "ArrowUp" | "ArrowLeft" => mark.previous_element_sibling(),
            "Home" => mark.parent_element().and_then(|p| p.first_element_child()),
            "End" => mark.parent_element().and_then(|p| p.last_element_child()),
            _ => return,
        };
        ev.prevent_default();
        if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = mark.set_attribute("tabindex", "-1");
            let _ = next.set_attribute("tabindex", "0");
            let _ = next.focus();
        }
    };
    move || {
        let ex = ctx.explorer.get();
        let positions = ex.quote_positions();
        if positions.is_empty() {
            return None;
        }
        let marks = positions
            .into_iter()
            .enumerate()
            .map(|(i, (q, at))| {
                let quote = &ex.article.quotes[q];
                let side = ex.side_of(q);
                let who = ex.speaker_of(q).map_or_else(|| quote.speaker.clone(), |s| s.name.clone());
                let words: String = quote.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
                let label = format!("{who} ({}): {words}", ex.side_label(side));
                let flag = ctx.flag(q);
                let href = Ctx::href(&Route { view, quote: Some(quote.id.clone()), ..Route::default() });
                view! {
                    <a
                        class="strip-mark"
                        href=href
                        data-quote=quote.id.clone()
                        data-side=side_id(&ex, side)
                        style=format!("{};--at:{:.3}%", side_style(&ex, side), at * 100.0)
                        tabindex=if i == 0 { "0" } else { "-1" }
                        aria-label=label.clone()
                        title=label
                        class:off=move || !flag.shown()
                        class:selected=move || ctx.is_selected(q)
                    ></a>
                }
            })
            .collect_view();
        Some(view! {
            <nav
                class="strip"
                aria-label="Where each quote stands in the article"
                on:click=move |ev| {
                    ev.prevent_default();
                    go(ev.target());
                }
                on:keydown=on_keydown
            >
                {marks}
            </nav>
        })
    }
}
