//! The Leptos components. They ask [`Explorer`] what to show and render the answer; article text
//! reaches the page only as text nodes and attribute values, never as HTML.

mod author;
mod compare;
mod embed;
mod loader;
mod read;
mod share;
mod toolbar;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::hash_route::{use_hash_route, HashRoute};
use crate::browser::page::{use_embedding, Embedding};
use crate::browser::reveal::reveal_quote;
use crate::explorer::Explorer;
use crate::route::{Route, View};
use crate::seed::SEED_JSON;
use crate::validate::{is_web_url, load_article, Report};

/// What every component of the explorer reads.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub explorer: RwSignal<Arc<Explorer>>,
    pub nav: HashRoute,
    /// The filters alone (view and selection cleared), so a new selection does not re-render lists.
    pub filters: Memo<Route>,
    /// The selected quote's index, when its id exists in this article.
    pub selected: Memo<Option<usize>>,
    /// Whether a link can bring back the open article: the built-in one, or one from `?src=`.
    /// One opened from a file, a paste or a message has no address to share.
    pub portable: RwSignal<bool>,
}

impl Ctx {
    /// Validates article JSON and shows it when it has no errors. On any error the current article
    /// stays on screen untouched; the report says what was wrong.
    pub fn open_json(&self, json: &str) -> Report {
        let report = load_article(json);
        if let Some(article) = report.article.clone() {
            self.explorer.set(Arc::new(Explorer::new(article)));
            self.portable.set(false);
        }
        report
    }

    /// A `#…` link to `route`.
    pub fn href(route: &Route) -> String {
        format!("#{}", route.to_fragment())
    }

    /// The current route with the view and selected quote replaced.
    pub fn route_to(&self, view: View, quote: Option<&str>) -> Route {
        let mut route = self.nav.route.get_untracked();
        route.view = view;
        route.quote = quote.map(str::to_owned);
        route
    }
}

fn seed_explorer() -> Explorer {
    // The seed is tested natively (`seed_article_is_valid`), so this cannot fail in a shipped build.
    let article = load_article(SEED_JSON).article.expect("the built-in article is valid");
    Explorer::new(article)
}

#[component]
pub fn App() -> impl IntoView {
    let seed = seed_explorer();
    // Query options (`?view=`, `?sides=`, `?theme=`) apply before the route is first read.
    let embedding = use_embedding();
    provide_context(embedding);
    let explorer = RwSignal::new(Arc::new(seed));
    let nav = use_hash_route();
    let filters = Memo::new(move |_| {
        let route = nav.route.get();
        Route { view: View::Compare, quote: None, ..route }
    });
    let selected = Memo::new(move |_| {
        let quote = nav.route.with(|r| r.quote.clone())?;
        explorer.with(|ex| ex.quote_index(&quote))
    });
    let ctx = Ctx { explorer, nav, filters, selected, portable: RwSignal::new(true) };
    provide_context(ctx);
    embed::connect(ctx, embedding);

    // Bring the selected quote into view whenever the selection or the view changes.
    Effect::new(move |_| {
        explorer.track();
        let route = nav.route.get();
        let Some(quote) = route.quote else {
            return;
        };
        let selector = match route.view {
            View::Read => "#article-text mark[data-quote-id]",
            View::Compare => ".compare .quote-card[data-quote-id]",
            View::Author => return,
        };
        request_animation_frame(move || reveal_quote(selector, &quote));
    });

    let view_tab = move |view: View, label: &'static str| {
        let current = move || nav.route.with(|r| r.view == view);
        view! {
            <a
                class="view-tab"
                href=move || Ctx::href(&ctx.route_to(view, nav.route.with(|r| r.quote.clone()).as_deref()))
                aria-current=move || current().then_some("page")
            >
                {label}
            </a>
        }
    };

    view! {
        <div class="app" class:embedded=embedding.embedded data-view=move || nav.route.with(|r| r.view.as_str())>
            <a class="skip-link" href="#main">"Skip to the positions"</a>
            <Masthead/>
            <div class="view-bar">
                <nav class="views" aria-label="Views">
                    {view_tab(View::Compare, "Compare")}
                    {view_tab(View::Read, "Read")}
                    {view_tab(View::Author, "Author")}
                </nav>
                <div class="view-actions">
                    <embed::FullViewLink/>
                    <share::Share/>
                </div>
            </div>
            <loader::Loader/>
            // The filters belong to the explorer; the authoring view has its own controls.
            <Show when=move || nav.route.with(|r| r.view != View::Author)>
                <toolbar::Toolbar/>
            </Show>
            <QuoteNotice/>
            <SearchCount/>
            <main id="main" tabindex="-1">
                {move || match nav.route.with(|r| r.view) {
                    View::Compare => view! { <compare::Compare/> }.into_any(),
                    View::Read => view! { <read::Read/> }.into_any(),
                    View::Author => view! { <author::Author/> }.into_any(),
                }}
            </main>
            <AnchorHealth/>
        </div>
    }
}

#[component]
fn Masthead() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let embedding = expect_context::<Embedding>();
    // Embedded, the site header goes; `?title=0` also drops the article's title and source.
    let brand = !embedding.embedded;
    let title = embedding.options.with_value(|o| o.title);
    move || {
        let ex = ctx.explorer.get();
        let article = &ex.article;
        if !brand && !title {
            // The page still needs a heading for screen readers, even when the title is not shown.
            return Some(view! { <h1 class="sr-only">{article.title.clone()}</h1> }.into_any());
        }
        let source_name = article.source.name.clone();
        let source = match article.source.url.as_deref().filter(|u| is_web_url(u)) {
            Some(url) => view! {
                <a href=url.to_owned() target="_blank" rel="noopener noreferrer">{source_name}</a>
            }
            .into_any(),
            None => view! { <span>{source_name}</span> }.into_any(),
        };
        let heading = title.then(|| {
            view! {
                <h1 lang=article.language.clone()>{article.title.clone()}</h1>
                <p class="source">
                    {source}
                    {article.published.clone().map(|date| view! { <span class="published">" · "{date}</span> })}
                </p>
            }
        });
        Some(
            view! {
                <header class="masthead">
                    {brand.then(|| view! {
                        <p class="brand">"Counterpoint"<span class="tagline">" · who said what, side by side"</span></p>
                    })}
                    {heading}
                </header>
            }
            .into_any(),
        )
    }
}

/// Says why a linked quote is not shown, instead of silently landing at the top of the page.
#[component]
fn QuoteNotice() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let wanted = ctx.nav.route.with(|r| r.quote.clone())?;
        let ex = ctx.explorer.get();
        let message = match ctx.selected.get() {
            None => format!("This article has no quote “{wanted}”."),
            Some(q) if !ctx.filters.with(|r| ex.is_visible(q, r)) => {
                "The linked quote is hidden by your filters or search.".to_owned()
            }
            Some(_) => return None,
        };
        Some(view! { <p class="quote-notice" role="status">{message}</p> })
    }
}

/// How many quotes a search leaves, announced to screen readers too.
#[component]
fn SearchCount() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let search = ctx.filters.with(|r| r.search.trim().to_owned());
        if search.is_empty() || ctx.nav.route.with(|r| r.view == View::Author) {
            return None;
        }
        let ex = ctx.explorer.get();
        let count = ctx.filters.with(|r| (0..ex.article.quotes.len()).filter(|&q| ex.is_visible(q, r)).count());
        let text = match count {
            0 => format!("No quotes match “{search}”."),
            1 => format!("1 quote matches “{search}”."),
            n => format!("{n} quotes match “{search}”."),
        };
        Some(view! { <p class="search-count" role="status">{text}</p> })
    }
}

/// Quotes that did not anchor cleanly: not found (with the nearest candidate), matched only
/// approximately (with a score), or found more than once. Never highlighted in the wrong place.
#[component]
fn AnchorHealth() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let ex = ctx.explorer.get();
        let (missing, fuzzy, ambiguous) = (ex.not_found(), ex.fuzzy(), ex.ambiguous());
        if missing.is_empty() && fuzzy.is_empty() && ambiguous.is_empty() {
            return None;
        }
        let who =
            |q: usize| ex.speaker_of(q).map(|s| s.name.clone()).unwrap_or_else(|| ex.article.quotes[q].speaker.clone());
        let missing = missing
            .into_iter()
            .map(|q| {
                let near = ex.anchors[q].near.map(|n| {
                    let text = ex.span_text(n.span).to_owned();
                    view! { <p class="near">"Nearest in the text ("{n.similarity}"% similar): "<q>{text}</q></p> }
                });
                view! {
                    <li class="health-item not-found" data-quote-id=ex.article.quotes[q].id.clone()>
                        <q>{ex.article.quotes[q].text.clone()}</q>" — "{who(q)}
                        {near}
                    </li>
                }
            })
            .collect_view();
        let fuzzy = fuzzy
            .into_iter()
            .map(|(q, score)| {
                let found = ex.anchors[q].span.map(|s| ex.span_text(s).to_owned()).unwrap_or_default();
                view! {
                    <li class="health-item fuzzy" data-quote-id=ex.article.quotes[q].id.clone() data-score=score.to_string()>
                        <q>{ex.article.quotes[q].text.clone()}</q>" — "{who(q)}
                        <p class="near">"Matched approximately ("{score}"% similar): "<q>{found}</q></p>
                    </li>
                }
            })
            .collect_view();
        let ambiguous = ambiguous
            .into_iter()
            .map(|q| {
                let count = match ex.anchors[q].status {
                    crate::anchor::AnchorStatus::Ambiguous { count } => count,
                    _ => 0,
                };
                view! {
                    <li class="health-item ambiguous" data-quote-id=ex.article.quotes[q].id.clone()>
                        <q>{ex.article.quotes[q].text.clone()}</q>" — "{who(q)}
                        <p class="near">{format!("Found {count} times; the first is highlighted. A prefix or suffix would say which is meant.")}</p>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="anchor-health" aria-labelledby="health-heading">
                <h2 id="health-heading">"Anchor health"</h2>
                <p>"Quotes that could not be placed exactly in the article’s words."</p>
                <ul>{missing}{fuzzy}{ambiguous}</ul>
            </section>
        })
    }
}

/// The speaker line under a quote: name, and role when given.
pub fn speaker_line(ex: &Explorer, quote: usize) -> String {
    match ex.speaker_of(quote) {
        Some(s) => match s.role.as_deref().filter(|r| !r.is_empty()) {
            Some(role) => format!("{}, {}", s.name, role),
            None => s.name.clone(),
        },
        None => ex.article.quotes[quote].speaker.clone(),
    }
}

/// `--side-color` and `--underline` for a side; both values come from fixed or validated sets.
pub fn side_style(ex: &Explorer, side: Option<usize>) -> String {
    match side {
        Some(s) => format!("--side-color:{};--underline:{}", ex.side_color(s), ex.side_underline(s)),
        None => "--side-color:#777;--underline:solid".to_owned(),
    }
}

/// The side's id for `data-side`, or `none`.
pub fn side_id(ex: &Explorer, side: Option<usize>) -> String {
    side.and_then(|s| ex.article.sides.get(s)).map_or_else(|| "none".to_owned(), |s| s.id.clone())
}
