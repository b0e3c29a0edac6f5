//! The Read view: the article text with every visible quote highlighted where it stands.
//!
//! Each highlight is `<mark data-quote-id data-side>`, a stable contract for embedders' CSS. A quote
//! inside another (a partial quote inside a paraphrase) is a nested mark, and a quote is split into
//! several marks where others begin or end, so no mark ever covers text outside its own quote.
//!
//! The text is built once per article, with a mark for every quote. The filters do not rebuild
//! it: a quote they hide keeps its element, loses its `data-side`, its highlight (`class="off"`)
//! and its tab stop, and its speaker label is hidden. Only the quotes whose visibility changed
//! are touched.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::progressive::Parts;
use super::{side_id, side_style, speaker_line, Ctx};
use crate::explorer::{Explorer, Segment};
use crate::route::View;

/// Past this many quotes, off-screen paragraphs skip rendering until they come near
/// (`content-visibility`, `style/read.css`).
pub const LONG_ARTICLE: usize = 150;

/// A long text is built a chunk of paragraphs at a time, each costing about this much (one per
/// paragraph and one per quote, `Explorer::paragraph_chunks`): a few milliseconds of work.
const CHUNK_BUDGET: usize = 120;

#[component]
pub fn Read() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let paragraphs = move || text_in_parts(ctx.explorer.get(), ctx);
    // One listener for all marks: the innermost mark under the pointer is the quote meant.
    let open_in_compare = move |target: Option<web_sys::EventTarget>| {
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("mark[data-quote-id]").ok().flatten());
        if let Some(id) = mark.and_then(|m| m.get_attribute("data-quote-id")) {
            ctx.nav.navigate(&ctx.route_to(View::Compare, Some(&id)));
        }
    };
    let lang = move || ctx.explorer.with(|ex| ex.article.language.clone());
    let long = move || ctx.explorer.with(|ex| ex.article.quotes.len() > LONG_ARTICLE);
    view! {
        <div class="read-layout">
        <super::strip::Strip view=View::Read/>
        <article
            id="article-text"
            class="read"
            class:long=long
            lang=lang
            aria-label="Article text with highlighted quotes"
            on:click=move |ev| open_in_compare(ev.target())
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    open_in_compare(ev.target());
                }
            }
        >
            {paragraphs}
        </article>
        </div>
    }
}

/// The text, in runs of paragraphs (`progressive`). A long article's runs are built one at a
/// time; once every run is built (in about a second at 10,000 quotes), find-in-page and Tab reach
/// the whole text. Ordinary articles and the pre-rendered page are built whole, at once.
fn text_in_parts(ex: Arc<Explorer>, ctx: Ctx) -> impl IntoView {
    let all_now = cfg!(feature = "ssr") || ex.article.quotes.len() <= LONG_ARTICLE;
    let chunks = ex.paragraph_chunks(CHUNK_BUDGET);
    let starts: Vec<usize> = chunks.iter().map(|c| c.paragraphs.start).collect();
    let parts = Parts::new(ctx, (0..chunks.len()).collect(), all_now, {
        let ex = Arc::clone(&ex);
        move |quote| ex.paragraph_of(quote).map(|p| starts.partition_point(|&s| s <= p).saturating_sub(1))
    });
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let ex = Arc::clone(&ex);
            // About 80 characters to a line of 1.5em, and a line between paragraphs.
            let lines = chunk.chars / 80 + 2 * chunk.paragraphs.len();
            parts.part(i, format!("{}em", lines * 3 / 2), move || {
                chunk
                    .paragraphs
                    .clone()
                    .map(|p| {
                        let segments = ex.segments(p, |_| true);
                        let runs = segments.iter().map(|segment| render_segment(&ex, segment, ctx)).collect_view();
                        view! { <p dir="auto">{runs}</p> }
                    })
                    .collect_view()
                    .into_any()
            })
        })
        .collect_view()
}

/// A run of text inside its marks, outermost first, with a speaker label where a quote begins
/// (before its opening quote mark).
fn render_segment(ex: &Explorer, segment: &Segment, ctx: Ctx) -> impl IntoView {
    let labels = segment
        .labels
        .iter()
        .map(|&q| {
            let flag = ctx.flag(q);
            let side = ex.side_of(q);
            let short = ex.speaker_of(q).map_or_else(|| ex.article.quotes[q].speaker.clone(), |s| s.name.clone());
            // Read aloud after the visible name: "Sergei Lavrov, Foreign Minister (Russia): …".
            let role = speaker_line(ex, q).trim_start_matches(&short).trim_start_matches(", ").to_owned();
            let spoken = if role.is_empty() {
                format!(" ({}): ", ex.side_label(side))
            } else {
                format!(", {role} ({}): ", ex.side_label(side))
            };
            view! {
                <span
                    class="speaker-tag"
                    dir="auto"
                    data-side=side_id(ex, side)
                    style=side_style(ex, side)
                    hidden=move || !flag.shown()
                >
                    {short}
                    <span class="sr-only">{spoken}</span>
                </span>
            }
        })
        .collect_view();
    let mut inner = segment.text.clone().into_any();
    for &q in segment.quotes.iter().rev() {
        let side = ex.side_of(q);
        let tip = format!("{} · {}", speaker_line(ex, q), ex.side_label(side));
        // Only a quote's first mark is a tab stop, so each quote is one stop; hidden quotes none.
        let first = segment.starts.contains(&q);
        let side_attr = side_id(ex, side);
        let flag = ctx.flag(q);
        let (for_side, for_tab, for_class) = (flag.clone(), flag.clone(), flag);
        inner = view! {
            <mark
                data-quote-id=ex.article.quotes[q].id.clone()
                data-side=move || for_side.shown().then(|| side_attr.clone())
                data-tip=tip
                style=side_style(ex, side)
                tabindex=move || if first && for_tab.shown() { "0" } else { "-1" }
                class:off=move || !for_class.shown()
                class:selected=move || ctx.is_selected(q)
            >
                {inner}
            </mark>
        }
        .into_any();
    }
    view! { {labels}{inner} }
}
