//! The Compare view: one column per side, one row per topic.

use std::sync::Arc;

use leptos::prelude::*;

use super::progressive::Parts;
use super::{side_style, speaker_line, Ctx, QuoteFlag};
use crate::browser::page::Embedding;
use crate::explorer::{Explorer, Row};
use crate::model::QuoteKind;
use crate::route::View;

/// The grid is built once per article. Filters and the selection never rebuild it: each card
/// reads its own quote's flag (`Ctx::flag`, `Ctx::is_selected`), so a toggle updates the cards
/// whose visibility changed and the cells that became empty or not, and nothing else.
///
/// In an embed, each question starts with its first shown quote per side, and "Show all N
/// quotes" opens the rest, so a newsroom embed starts short; a linked or selected quote opens
/// its question.
#[component]
pub fn Compare() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let collapsible = expect_context::<Embedding>().embedded;
    move || {
        let ex = ctx.explorer.get();
        let side_count = ex.article.sides.len();
        let headers = (0..side_count)
            .map(|s| {
                view! {
                    <div
                        class="side-head"
                        dir="auto"
                        role="columnheader"
                        style=side_style(&ex, Some(s))
                        class:muted=move || ctx.is_side_hidden(s)
                    >
                        {ex.article.sides[s].label.clone()}
                    </div>
                }
            })
            .collect_view();
        let rows: Vec<(Row, Vec<Vec<usize>>)> = ex.rows().into_iter().zip(ex.grid()).collect();
        let long = ex.article.quotes.len() > super::read::LONG_ARTICLE;
        // An embed's rows start collapsed to a card per side, which parts standing in at full
        // height would not match: an embed is built whole.
        let rows = rows_in_parts(&ex, ctx, collapsible, rows, cfg!(feature = "ssr") || !long || collapsible);
        let sideless = ex.all_sideless();
        let sideless = (!sideless.is_empty()).then(|| {
            let flags: Vec<_> = sideless.iter().map(|&q| ctx.flag(q)).collect();
            let any_shown = Memo::new(move |_| flags.iter().any(|f| f.shown()));
            let cards = sideless
                .into_iter()
                .map(|q| {
                    let flag = ctx.flag(q);
                    view! { <li hidden=move || !flag.shown()><QuoteCard quote=q/></li> }
                })
                .collect_view();
            view! {
                <section class="sideless" hidden=move || !any_shown.get()>
                    <h3>"Quotes without a known side"</h3>
                    <ul class="quotes">{cards}</ul>
                </section>
            }
        });
        view! {
            <section
                class="compare"
                class:long=long
                aria-labelledby="compare-heading"
                style=format!("--sides:{side_count}")
                on:click=move |ev| {
                    // A plain click opens the quote with the filters as they are now, in the
                    // click's own task; with a modifier key it opens the refreshed link elsewhere.
                    let card = refresh_card_link(ctx, ev.target());
                    let plain = ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
                    if let (Some(id), true) = (card, plain) {
                        ev.prevent_default();
                        ctx.nav.navigate(&ctx.route_to(View::Read, Some(&id)));
                    }
                }
                on:pointerdown=move |ev| drop(refresh_card_link(ctx, ev.target()))
                on:focusin=move |ev| drop(refresh_card_link(ctx, ev.target()))
                on:contextmenu=move |ev| drop(refresh_card_link(ctx, ev.target()))
            >
                <h2 id="compare-heading" class="sr-only">"Positions by question and side"</h2>
                <super::strip::Strip view=View::Compare/>
                <div class="compare-grid" role="table" aria-label="Positions by topic and side">
                    <div class="compare-head" role="row">
                        <div class="corner" role="columnheader">"Question"</div>
                        {headers}
                    </div>
                    {rows}
                </div>
                {sideless}
            </section>
        }
    }
}

/// A card's link is written when the grid is built, which filters never rebuild: before the link
/// is followed, copied or opened elsewhere, it gets the current filters. Returns the quote's id
/// when `target` is in a card.
fn refresh_card_link(ctx: Ctx, target: Option<web_sys::EventTarget>) -> Option<String> {
    use wasm_bindgen::JsCast;
    let card = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a.quote-card[data-quote-id]").ok().flatten())?;
    let id = card.get_attribute("data-quote-id")?;
    let _ = card.set_attribute("href", &Ctx::href(&ctx.route_to(View::Read, Some(&id))));
    Some(id)
}

/// In a long grid a row is built a slice at a time: at most this many cards of each of its
/// cells, and fewer when the row has many cells, so that a part holds about `CARDS_PER_PART`
/// cards (a task of 20–30 ms on a 2-core machine for a 1,000-quote article).
const SLICE: usize = 40;
const CARDS_PER_PART: usize = 24;

/// How many cards of each of `cells` cells a slice of a row holds.
fn slice_for(cells: usize) -> usize {
    (CARDS_PER_PART / cells.max(1)).clamp(2, SLICE)
}

/// The grid's rows, in parts (`progressive`): a part is a row with the first slice of each of its
/// cells, or a further slice of a row already built. A long article's parts are built one at a
/// time; ordinary articles and the pre-rendered page are built whole (`all_now`).
fn rows_in_parts(
    ex: &Arc<Explorer>,
    ctx: Ctx,
    collapsible: bool,
    rows: Vec<(Row, Vec<Vec<usize>>)>,
    all_now: bool,
) -> impl IntoView {
    let mut holders = Vec::new();
    let mut bases = Vec::with_capacity(rows.len());
    let mut part_of = vec![None; ex.article.quotes.len()];
    for (_, cells) in &rows {
        let base = holders.len();
        let widest = cells.iter().map(Vec::len).max().unwrap_or(0);
        let slice = slice_for(cells.len());
        let slices = widest.div_ceil(slice).max(1);
        holders.extend(std::iter::repeat_n(base, slices));
        for cell in cells {
            // A quote under several questions is revealed in the first, as in an ordinary grid.
            for (at, &q) in cell.iter().enumerate() {
                part_of[q].get_or_insert(base + at / slice);
            }
        }
        bases.push((base, widest));
    }
    let parts = Parts::new(ctx, holders, all_now, move |quote| part_of.get(quote).copied().flatten());
    rows.into_iter()
        .zip(bases)
        .map(|((row, cells), (base, widest))| {
            let (ex, slices) = (Arc::clone(ex), parts.clone());
            // A card takes about six lines of 1.5em, and the row's head three.
            let lines = 3 + 6 * widest.min(slice_for(cells.len()));
            parts.part(base, format!("{}em", lines * 3 / 2), move || {
                row_view(&ex, ctx, collapsible, row, cells.clone(), (slices.clone(), base))
            })
        })
        .collect_view()
}

/// One question's row: its head, then a cell per side with that side's quotes.
///
/// `slices` are the grid's parts and the row's first part: each cell shows its first
/// `slice_for` cards, and the rest come in the parts after it.
fn row_view(
    ex: &Arc<Explorer>,
    ctx: Ctx,
    collapsible: bool,
    row: Row,
    cells: Vec<Vec<usize>>,
    slices: (Parts, usize),
) -> AnyView {
    let expanded = RwSignal::new(false);
    // Outside an embed `expanded` is never read, so it costs nothing.
    let collapsed = move || collapsible && !expanded.get();
    let cell_flags: Vec<Vec<QuoteFlag>> =
        cells.iter().map(|quotes| quotes.iter().map(|&q| ctx.flag(q)).collect()).collect();
    if collapsible {
        let in_row: Vec<usize> = cells.iter().flatten().copied().collect();
        Effect::new(move |_| {
            if ctx.selected.get().is_some_and(|q| in_row.contains(&q)) {
                expanded.set(true);
            }
        });
    }
    let show_all = collapsible.then(|| {
        let flags = cell_flags.clone();
        // Quotes shown in the row, and how many of them show while it is collapsed.
        let counts = Memo::new(move |_| {
            let shown = flags.iter().map(|cell| cell.iter().filter(|f| f.shown()).count());
            shown.fold((0, 0), |(all, firsts), n| (all + n, firsts + usize::from(n > 0)))
        });
        move || {
            let (all, firsts) = counts.get();
            let open = expanded.get();
            let label = if open { "Show fewer quotes".to_owned() } else { format!("Show all {all} quotes") };
            (all > firsts).then(|| {
                view! {
                    <button
                        type="button"
                        class="button show-all"
                        aria-expanded=open.to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {label}
                    </button>
                }
            })
        }
    });
    let cell_count = cells.len();
    let cells = cells
        .into_iter()
        .zip(cell_flags)
        .enumerate()
        .map(|(side, (quotes, flags))| {
            let label = ex.article.sides[side].label.clone();
            let empty = quotes.is_empty();
            let first_shown = Memo::new(move |_| flags.iter().position(QuoteFlag::shown));
            let any_shown = move || first_shown.get().is_some();
            let gap = move || {
                (!any_shown()).then(|| {
                    let gap = if ctx.is_side_hidden(side) || !empty {
                        "Hidden by your filters"
                    } else {
                        "No statement in this article"
                    };
                    view! { <p class="gap">{gap}</p> }
                })
            };
            let list = (!empty).then(|| {
                let card = move |i: usize, q: usize| {
                    let flag = ctx.flag(q);
                    let hidden = move || !flag.shown() || (collapsed() && first_shown.get() != Some(i));
                    view! { <li hidden=hidden><QuoteCard quote=q/></li> }
                };
                let (parts, base) = &slices;
                let size = slice_for(cell_count);
                let cards = quotes
                    .chunks(size)
                    .enumerate()
                    .map(|(j, slice)| {
                        let lines = 6 * slice.len();
                        let slice = slice.to_vec();
                        let cards = move || {
                            slice.iter().enumerate().map(|(k, &q)| card(j * size + k, q)).collect_view().into_any()
                        };
                        if j == 0 {
                            cards()
                        } else {
                            parts.items(base + j, format!("{}em", lines * 3 / 2), cards)
                        }
                    })
                    .collect_view();
                view! { <ul class="quotes" hidden=move || !any_shown()>{cards}</ul> }
            });
            view! {
                <div class="cell" role="cell" style=side_style(ex, Some(side))>
                    <h4 class="cell-side" dir="auto">{label}</h4>
                    {gap}
                    {list}
                </div>
            }
        })
        .collect_view();
    let topic_id = match row {
        Row::Topic(t) => ex.article.topics[t].id.clone(),
        Row::Other => String::new(),
    };
    view! {
        <div class="topic-row" role="row" data-topic=topic_id>
            <div class="topic-head" role="rowheader">
                <h3 class="topic" dir="auto">{ex.row_label(row).to_owned()}</h3>
                {show_all}
            </div>
            {cells}
        </div>
    }
    .into_any()
}

/// One quote in a Compare cell: a link that opens it in the text.
#[component]
fn QuoteCard(quote: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ex = ctx.explorer.get_untracked();
    let q = &ex.article.quotes[quote];
    let side = ex.side_of(quote);
    let id = q.id.clone();
    let href = Ctx::href(&ctx.route_to(View::Read, Some(&id)));
    let kind = match q.kind {
        QuoteKind::Direct => None,
        QuoteKind::Partial => Some("partial quote"),
        QuoteKind::Paraphrase => Some("paraphrase"),
    };
    let found = ex.anchors[quote].span.is_some();
    let text = q.text.clone();
    let is_paraphrase = q.kind == QuoteKind::Paraphrase;
    // The quote's words are in the article's language, which may read right to left; the
    // speaker line and the side names take their direction from their own first letter.
    let lang = ex.article.language.clone();
    view! {
        <a
            class="quote-card"
            href=href
            data-quote-id=id
            data-side=super::side_id(&ex, side)
            style=side_style(&ex, side)
            class:selected=move || ctx.is_selected(quote)
            aria-current=move || ctx.is_selected(quote).then_some("true")
        >
            {if is_paraphrase {
                view! { <span class="quote-text paraphrase" lang=lang dir="auto">{text}</span> }.into_any()
            } else {
                view! { <q class="quote-text" lang=lang dir="auto">{text}</q> }.into_any()
            }}
            <span class="who" dir="auto">{speaker_line(&ex, quote)}</span>
            {kind.map(|k| view! { <span class="kind">{k}</span> })}
            {(!found).then(|| view! { <span class="kind missing">"not found in the text"</span> })}
        </a>
    }
}
