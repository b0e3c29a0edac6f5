//! The Coverage view of a collection, and the outlet bar above its articles. The view itself is
//! built by the worker that opened the collection (`core::coverage_view`) and put on the page as
//! DOM nodes (`browser::tree`), so none of its code is in the reader's wasm; its links are plain
//! `#view=read&article=ID&quote=ID` fragments, so Back returns here.

use leptos::prelude::*;

use super::Ctx;
use crate::route::{Route, View};

#[component]
pub fn CoverageView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let (Some(host), Some(collection)) = (host.get(), ctx.collection.get()) else {
            return;
        };
        crate::browser::tree::show_coverage(&host, collection);
    });
    move || match ctx.collection.with(Option::is_some) {
        true => view! { <div class="coverage-host" node_ref=host></div> }.into_any(),
        false => view! {
            <section class="coverage coverage-empty">
                <h2>"Coverage"</h2>
                <p>"Coverage compares how several outlets quote each side. Open a collection of articles: "
                    "drop several article files at once, or open a collection’s JSON."</p>
            </section>
        }
        .into_any(),
    }
}

/// In Compare and Read of a collection's article: the way back to Coverage, and the other articles.
#[component]
pub fn OutletBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let collection = ctx.collection.get()?;
        let view = ctx.nav.route.with(|r| r.view);
        let current = ctx.shown_outlet.get();
        let items = collection
            .outlets
            .iter()
            .enumerate()
            .filter(|(_, o)| o.article.is_some())
            .map(|(o, outlet)| {
                let href = Ctx::href(&Route { view, article: Some(outlet.id.clone()), ..Route::default() });
                view! {
                    <li>
                        <a href=href aria-current=(current == Some(o)).then_some("page") dir="auto">{outlet.name.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <nav class="outlet-bar" aria-label="Articles in this collection">
                <a class="back-to-coverage" href=Ctx::href(&Route { view: View::Coverage, ..Route::default() })>"← Coverage"</a>
                <ul>{items}</ul>
            </nav>
        })
    }
}
