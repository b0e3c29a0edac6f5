//! The Compare view: one column per side, one row per topic.

use leptos::prelude::*;

use super::{side_style, speaker_line, Ctx};
use crate::explorer::Row;
use crate::model::QuoteKind;
use crate::route::View;

/// The grid is built once per article. Filters and the selection never rebuild it: each card
/// reads its own quote's flag (`Ctx::flag`, `Ctx::is_selected`), so a toggle updates the cards
/// whose visibility changed and the cells that became empty or not, and nothing else.
#[component]
pub fn Compare() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let ex = ctx.explorer.get();
        let side_count = ex.article.sides.len();
        let side_hidden =
            move |side: usize| ctx.filters.with(|r| ctx.explorer.with_untracked(|ex| ex.is_side_hidden(side, r)));
        let headers = (0..side_count)
            .map(|s| {
                view! {
                    <div
                        class="side-head"
                        role="columnheader"
                        style=side_style(&ex, Some(s))
                        class:muted=move || side_hidden(s)
                    >
                        {ex.article.sides[s].label.clone()}
                    </div>
                }
            })
            .collect_view();
        let rows = ex
            .rows()
            .into_iter()
            .zip(ex.grid())
            .map(|(row, cells)| {
                let cells = cells
                    .into_iter()
                    .enumerate()
                    .map(|(side, quotes)| {
                        let label = ex.article.sides[side].label.clone();
                        let empty = quotes.is_empty();
                        let flags: Vec<_> = quotes.iter().map(|&q| ctx.flag(q)).collect();
                        let any_shown = Memo::new(move |_| flags.iter().any(|f| f.shown()));
                        let gap = move || {
                            (!any_shown.get()).then(|| {
                                let gap = if side_hidden(side) || !empty {
                                    "Hidden by your filters"
                                } else {
                                    "No statement in this article"
                                };
                                view! { <p class="gap">{gap}</p> }
                            })
                        };
                        let list = (!empty).then(|| {
                            let cards = quotes
                                .into_iter()
                                .map(|q| {
                                    let flag = ctx.flag(q);
                                    view! { <li hidden=move || !flag.shown()><QuoteCard quote=q/></li> }
                                })
                                .collect_view();
                            view! { <ul class="quotes" hidden=move || !any_shown.get()>{cards}</ul> }
                        });
                        view! {
                            <div class="cell" role="cell" style=side_style(&ex, Some(side))>
                                <h4 class="cell-side">{label}</h4>
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
                    <section class="topic-row" role="row" data-topic=topic_id>
                        <h3 class="topic" role="rowheader">{ex.row_label(row).to_owned()}</h3>
                        {cells}
                    </section>
                }
            })
            .collect_view();
        let long = ex.article.quotes.len() > super::read::LONG_ARTICLE;
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
                aria-label="Positions by topic and side"
                style=format!("--sides:{side_count}")
            >
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
                view! { <span class="quote-text paraphrase">{text}</span> }.into_any()
            } else {
                view! { <q class="quote-text">{text}</q> }.into_any()
            }}
            <span class="who">{speaker_line(&ex, quote)}</span>
            {kind.map(|k| view! { <span class="kind">{k}</span> })}
            {(!found).then(|| view! { <span class="kind missing">"not found in the text"</span> })}
        </a>
    }
}
