//! "Who speaks where": a slim map of the whole article with one mark per quote at its place in the
//! text (up to 1,000 quotes; past that, one per stretch of text), coloured and patterned by side. Beside the text in Read (across the top on a phone) and
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
use crate::browser::yield_to_input;
use crate::explorer::strip_marks;
use crate::route::{Route, View};

/// The most marks a strip draws: one per quote up to this many, else one per stretch of text
/// (`strip_marks`), which is still finer than the strip's pixels.
const MAX_MARKS: usize = 1_000;

/// A long article's marks are put on the page this many per task, after its first paint, so no
/// task builds all of them (about 10 ms each at 1,000 marks on a desktop).
const MARKS_PER_TASK: usize = 125;

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
    let strip = NodeRef::<leptos::html::Nav>::new();
    // How many marks are on the page: a long article's come in parts, and each part is dimmed and
    // ringed as the filters and the selection say when it arrives.
    let built = RwSignal::new(0usize);
    // Which mark (a child of the strip) shows each quote, if any.
    let slots = StoredValue::new(Vec::<Option<u32>>::new());
    let mark = move |nav: &web_sys::HtmlElement, q: usize| {
        let slot = slots.with_value(|slots| slots.get(q).copied().flatten())?;
        nav.children().item(slot)
    };
    // Filters dim the marks and the selection rings one, from one effect each that sets the
    // classes of the marks, instead of two reactive bindings per quote. A mark that stands for a
    // stretch of quotes is dimmed when the filters hide all of them.
    // Only the marks whose state changed are touched: a side toggle changes a quarter of them,
    // and a part just built is touched where the filters hide its marks.
    Effect::new(move |previous: Option<Option<(web_sys::HtmlElement, Vec<bool>)>>| {
        built.track();
        let nav: web_sys::HtmlElement = strip.get()?;
        let marks = nav.children();
        let mut shown = vec![false; marks.length() as usize];
        ctx.visibility.with(|visible| {
            slots.with_value(|slots| {
                for (slot, &visible) in slots.iter().zip(visible) {
                    if let Some(any) = slot.and_then(|i| shown.get_mut(i as usize)) {
                        *any |= visible;
                    }
                }
            })
        });
        // What the marks show now, when they are the marks this effect set last; a mark built
        // since is shown.
        let before = previous.flatten().filter(|(was, states)| *was == nav && states.len() <= shown.len());
        let off = wasm_bindgen::intern("off");
        for (i, &now) in shown.iter().enumerate() {
            if before.as_ref().is_some_and(|(_, states)| states.get(i).copied().unwrap_or(true) == now) {
                continue;
            }
            if let Some(mark) = marks.item(i as u32) {
                let _ = mark.class_list().toggle_with_force(off, !now);
            }
        }
        Some((nav, shown))
    });
    Effect::new(move |previous: Option<Option<usize>>| {
        built.track();
        let selected = ctx.selected.get();
        if let Some(nav) = strip.get() {
            if let Some(old) = previous.flatten().and_then(|q| mark(&nav, q)) {
                let _ = old.class_list().remove_1("selected");
            }
            if let Some(new) = selected.and_then(|q| mark(&nav, q)) {
                let _ = new.class_list().add_1("selected");
            }
        }
        selected
    });
    move || {
        let ex = ctx.explorer.get();
        let positions = ex.quote_positions();
        let grouped = strip_marks(&positions, MAX_MARKS);
        // Every quote's mark: marks take the quotes in text order, `count` at a time.
        let mut by_quote = vec![None; ex.article.quotes.len()];
        let mut members = positions.iter().map(|&(q, _)| q);
        for (slot, &(_, _, count)) in grouped.iter().enumerate() {
            for q in members.by_ref().take(count) {
                by_quote[q] = Some(slot as u32);
            }
        }
        slots.set_value(by_quote);
        if grouped.is_empty() {
            return None;
        }
        // A long article's marks come after its first paint, in a bar of the same size, so the
        // quotes show first and nothing moves, a part per task; a click or key meanwhile is
        // answered first. The marks' labels, links and styles are made with them.
        let long = !cfg!(feature = "ssr") && ex.article.quotes.len() > super::read::LONG_ARTICLE;
        let grouped = std::sync::Arc::new(grouped);
        let parts: Vec<RwSignal<bool>> =
            (0..grouped.len().div_ceil(MARKS_PER_TASK)).map(|_| RwSignal::new(!long)).collect();
        built.set(if long { 0 } else { grouped.len() });
        if long {
            let parts = parts.clone();
            let count = grouped.len();
            request_animation_frame(move || {
                leptos::task::spawn_local(async move {
                    for (i, part) in parts.into_iter().enumerate() {
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        yield_to_input::quiet().await;
                        // Replaced by another article or view meanwhile: stop.
                        if part.try_get_untracked().is_none() {
                            return;
                        }
                        part.set(true);
                        built.try_set(count.min((i + 1) * MARKS_PER_TASK));
                    }
                });
            });
        }
        let total = grouped.len();
        let mark_views = move |range: std::ops::Range<usize>| {
            grouped[range.clone()]
                .iter()
                .zip(range)
                .map(|(&(q, at, count), i)| {
                    let quote = &ex.article.quotes[q];
                    let side = ex.side_of(q);
                    let who = ex.speaker_of(q).map_or_else(|| quote.speaker.clone(), |s| s.name.clone());
                    let words: String = quote.text.split_whitespace().take(8).collect::<Vec<_>>().join(" ");
                    let label = match count {
                        1 => format!("{who} ({}): {words}", ex.side_label(side)),
                        n => format!("{who} ({}): {words}; {} more quotes here", ex.side_label(side), n - 1),
                    };
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
                        ></a>
                    }
                })
                .collect_view()
        };
        // Each part puts its marks in the strip once it is built, in their order: the marks are
        // the strip's element children, one per slot.
        let marks = parts
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let range = i * MARKS_PER_TASK..total.min((i + 1) * MARKS_PER_TASK);
                let mark_views = mark_views.clone();
                move || part.get().then(|| mark_views(range.clone()))
            })
            .collect_view();
        Some(view! {
            <nav
                node_ref=strip
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
