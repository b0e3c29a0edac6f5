//! The Leptos components. They ask [`Explorer`] what to show and render the answer; article text
//! reaches the page only as text nodes and attribute values, never as HTML.

pub mod author;
mod author_host;
mod compare;
mod coverage;
mod embed;
mod loader;
mod progressive;
mod read;
mod share;
mod strip;
mod toolbar;

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::hash_route::{use_hash_route, HashRoute};
use crate::browser::page::{forget_src, use_embedding, Embedding};
use crate::browser::reveal::reveal_quote;
use crate::embed::PageUrl;
use crate::explorer::Explorer;
use crate::palette::NO_SIDE;
use crate::route::{Route, View};
use crate::seed::SEED_JSON;
use crate::validate::{is_web_url, load_article, Report};
use crate::worker::OpenedCollection;

/// What every component of the explorer reads.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub explorer: RwSignal<Arc<Explorer>>,
    pub nav: HashRoute,
    /// The filters alone (view and selection cleared), so a new selection does not re-render lists.
    pub filters: Memo<Route>,
    /// Whether the filters show each quote, worked out once per filter change.
    pub visibility: Memo<Vec<bool>>,
    /// One signal per quote that changes only when that quote is shown or hidden (`QuoteFlags`).
    pub shown: Memo<QuoteFlags>,
    /// The selected quote's index, when its id exists in this article.
    pub selected: Memo<Option<usize>>,
    /// Tells each quote whether it is the selected one, notifying only the two quotes a new
    /// selection concerns instead of every quote on the page.
    pub selection: StoredValue<Selector<Option<usize>>>,
    /// Whether a link can bring back the open article: the built-in one, or one from `?src=`.
    /// One opened from a file, a paste or a message has no address to share.
    pub portable: RwSignal<bool>,
    /// A `?src=` article is on its way: the page shows that, not the built-in article, until it
    /// opens or fails.
    pub awaiting_src: RwSignal<bool>,
    /// Why the `?src=` article or collection did not open, until an embed has said so to its
    /// parent.
    pub src_failure: RwSignal<Option<Vec<String>>>,
    /// The open collection, when one is: `explorer` then shows the article the route names.
    pub collection: RwSignal<Option<Arc<OpenedCollection>>>,
    /// Each outlet's explorer, built when it is first shown.
    pub outlet_explorers: StoredValue<Vec<Option<Arc<Explorer>>>>,
    /// The outlet whose article `explorer` shows.
    pub shown_outlet: RwSignal<Option<usize>>,
}

impl Ctx {
    /// Validates article JSON and shows it when it has no errors. On any error the current article
    /// stays on screen untouched; the report says what was wrong.
    pub fn open_json(&self, json: &str) -> Report {
        let report = load_article(json);
        if let Some(article) = report.article.clone() {
            // A collection still opening must not replace this article when it is done.
            loader::cancel_collection_job();
            if self.collection.get_untracked().is_some() {
                crate::browser::tree::forget();
                self.outlet_explorers.set_value(Vec::new());
            }
            let route = self.nav.route.get_untracked();
            if route.view == View::Coverage || route.article.is_some() {
                self.nav.replace(&Route { view: View::Compare, ..Route::default() });
            }
            self.collection.set(None);
            self.shown_outlet.set(None);
            self.explorer.set(Arc::new(Explorer::new(article)));
            self.portable.set(false);
        }
        report
    }

    /// Shows a collection: the Coverage view, unless the address already names one of its
    /// articles (a deep link), and that article's explorer for Compare and Read.
    pub fn open_collection(&self, collection: impl Into<Arc<OpenedCollection>>) {
        let collection = collection.into();
        self.outlet_explorers.set_value(vec![None; collection.outlets.len()]);
        self.portable.set(false);
        let route = self.nav.route.get_untracked();
        // An outlet named by the address counts only if its article opened.
        let named = route
            .article
            .as_deref()
            .and_then(|id| collection.outlet_index(id))
            .filter(|&i| collection.outlets[i].article.is_some());
        // Coverage first, so the view on screen is not rebuilt for the first article on the way.
        if named.is_none() && route.view != View::Coverage {
            self.nav.replace(&Route { view: View::Coverage, ..Route::default() });
        }
        self.collection.set(Some(collection));
        // Coverage needs no article; Compare and Read build theirs when first shown.
        if named.is_some() {
            self.show_outlet(named);
        }
    }

    /// Puts outlet `index`'s article (else the first that opened) in the explorer.
    fn show_outlet(&self, index: Option<usize>) {
        let Some(collection) = self.collection.get_untracked() else {
            return;
        };
        // Outlet `index`, when its article opened, else the first that did.
        let opened = |i: usize| collection.outlets.get(i).is_some_and(|o| o.article.is_some());
        let index = index.filter(|&i| opened(i)).or_else(|| (0..collection.outlets.len()).find(|&i| opened(i)));
        let Some(index) = index else {
            return;
        };
        let explorer = self.outlet_explorers.with_value(|cache| cache.get(index).cloned().flatten());
        let explorer = explorer.or_else(|| {
            // The worker validated it; reading it again is the page's one way to read an article.
            let explorer = Arc::new(Explorer::new(load_article(&collection.article_json(index)?).article?));
            self.outlet_explorers.update_value(|cache| {
                if let Some(slot) = cache.get_mut(index) {
                    *slot = Some(explorer.clone());
                }
            });
            Some(explorer)
        });
        let Some(explorer) = explorer else {
            return;
        };
        if !self.explorer.with_untracked(|current| Arc::ptr_eq(current, &explorer)) {
            self.explorer.set(explorer);
        }
        if self.shown_outlet.get_untracked() != Some(index) {
            self.shown_outlet.set(Some(index));
        }
    }

    /// Quote `q`'s flag in the open article, to read in a view built for that article: reading
    /// it tracks that quote alone. (Reading `shown` itself in every quote's binding would make
    /// each binding a subscriber of the one memo, and re-subscribing thousands of them costs time
    /// quadratic in the number of quotes.)
    pub fn flag(&self, q: usize) -> QuoteFlag {
        QuoteFlag(self.shown.with_untracked(|flags| flags.0.get(q).cloned()))
    }

    /// Whether the filters hide side `side`; reactive on the filters.
    pub fn is_side_hidden(&self, side: usize) -> bool {
        self.filters.with(|r| self.explorer.with_untracked(|ex| ex.is_side_hidden(side, r)))
    }

    /// Whether quote `q` is the selected one; reactive for that quote alone.
    pub fn is_selected(&self, q: usize) -> bool {
        self.selection.with_value(|s| s.selected(&Some(q)))
    }

    /// A `#…` link to `route`.
    pub fn href(route: &Route) -> String {
        format!("#{}", route.to_fragment())
    }

    /// The page's address as links to this view start from: without `?src=` once an article
    /// opened another way, since that address would bring back the article it named.
    pub fn page_url(&self, embedding: &Embedding) -> PageUrl {
        let portable = self.portable.get();
        embedding.url.with_value(|url| if portable { url.clone() } else { url.without_src() })
    }

    /// The current route with the view and selected quote replaced.
    pub fn route_to(&self, view: View, quote: Option<&str>) -> Route {
        let mut route = self.nav.route.get_untracked();
        route.view = view;
        route.quote = quote.map(str::to_owned);
        route
    }
}

/// One signal per quote of the open article: whether the filters show it. Views read their own
/// quote's flag, so a filter change runs only the bindings of the quotes whose visibility changed,
/// instead of rebuilding whole lists.
#[derive(Clone)]
pub struct QuoteFlags(Arc<Vec<ArcRwSignal<bool>>>);

impl QuoteFlags {
    fn new(visible: &[bool]) -> QuoteFlags {
        QuoteFlags(Arc::new(visible.iter().map(|&v| ArcRwSignal::new(v)).collect()))
    }

    /// Sets the flags that differ from `visible`, and only those.
    fn apply(&self, visible: &[bool]) {
        for (flag, &v) in self.0.iter().zip(visible) {
            if flag.get_untracked() != v {
                flag.set(v);
            }
        }
    }
}

/// One quote's flag (see `Ctx::flag`); an unknown quote is hidden.
#[derive(Clone)]
pub struct QuoteFlag(Option<ArcRwSignal<bool>>);

impl QuoteFlag {
    /// Whether the filters show the quote; tracks this quote's flag alone.
    pub fn shown(&self) -> bool {
        self.0.as_ref().is_some_and(|flag| flag.get())
    }
}

impl PartialEq for QuoteFlags {
    fn eq(&self, other: &QuoteFlags) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The article a page is built with, when it is not the seed: `counterpoint publish` writes it into
/// the page (`browser::page::builtin_article_json`), and the pre-renderer provides it as context.
#[derive(Clone)]
pub struct BuiltinArticle(pub String);

thread_local! {
    /// The built-in article's explorer, read before the app mounts (`prepare_builtin`).
    static PREPARED: std::cell::RefCell<Option<Explorer>> = const { std::cell::RefCell::new(None) };
}

/// Reads the built-in article into its explorer now, so that mounting the app, a task of its
/// own, does not also anchor it.
pub fn prepare_builtin() {
    let explorer = builtin_explorer();
    PREPARED.with(|prepared| *prepared.borrow_mut() = Some(explorer));
}

/// The built-in article's explorer: the one `prepare_builtin` read, else read now.
fn seed_explorer() -> Explorer {
    PREPARED.with(|prepared| prepared.borrow_mut().take()).unwrap_or_else(builtin_explorer)
}

/// The built-in article: the page's own when it carries a valid one, else the seed.
fn builtin_explorer() -> Explorer {
    let carried = use_context::<BuiltinArticle>().map(|b| b.0).or_else(crate::browser::page::builtin_article_json);
    if let Some(article) = carried.and_then(|json| load_article(&json).article) {
        return Explorer::new(article);
    }
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
    let visibility = Memo::new(move |_| filters.with(|route| explorer.with(|ex| ex.visibility(route))));
    // New flags for each article; after that, filter changes only flip the flags that changed.
    let shown = Memo::new(move |_| {
        explorer.track();
        QuoteFlags::new(&visibility.get_untracked())
    });
    Effect::new(move |_| visibility.with(|visible| shown.with(|flags| flags.apply(visible))));
    let selection = StoredValue::new(Selector::new(move || selected.get()));
    let awaiting_src = RwSignal::new(embedding.options.with_value(|o| o.src.is_some()));
    let collection = RwSignal::new(None::<Arc<OpenedCollection>>);
    let ctx = Ctx {
        explorer,
        nav,
        filters,
        visibility,
        shown,
        selected,
        selection,
        portable: RwSignal::new(true),
        awaiting_src,
        src_failure: RwSignal::new(None),
        collection,
        outlet_explorers: StoredValue::new(Vec::new()),
        shown_outlet: RwSignal::new(None),
    };
    provide_context(ctx);
    // An article opened from a file, a paste, a message or the recent list: the address no longer
    // names the `?src=` it came from.
    Effect::new(move |_| {
        let named_src = embedding.url.with_value(|url| url.without_src() != *url);
        if named_src && !ctx.portable.get() {
            embedding.url.with_value(forget_src);
        }
    });
    // In a collection, the address names the article Compare and Read show (`#article=`); the
    // Coverage view needs none, so going back to it changes nothing behind it.
    let outlet_id = Memo::new(move |_| nav.route.with(|r| (r.view != View::Coverage).then(|| r.article.clone())));
    Effect::new(move |_| {
        let Some(id) = outlet_id.get() else {
            return;
        };
        let index = collection.with(|c| c.as_ref().and_then(|c| id.as_deref().and_then(|id| c.outlet_index(id))));
        if collection.with_untracked(Option::is_some) {
            ctx.show_outlet(index);
        }
    });
    embed::connect(ctx, embedding);

    // Bring the selected quote into view whenever the selection or the view changes. And coming
    // back (Back, Forward, a reload) to a page whose article came after it, where the browser's
    // own restoring found the page still opening: the reader's place, once the page stops waiting
    // (the article is there, or it failed and the place is let go); a quote the address names
    // is revealed after it, and wins.
    Effect::new(move |_| {
        explorer.track();
        if !awaiting_src.get() {
            crate::browser::scroll_memory::restore_once_shown();
        }
        let route = nav.route.get();
        let Some(quote) = route.quote else {
            return;
        };
        let selector = match route.view {
            View::Read => "#article-text mark[data-quote-id]",
            View::Compare => ".compare .quote-card[data-quote-id]",
            View::Author | View::Coverage => return,
        };
        request_animation_frame(move || reveal_quote(selector, &quote));
    });

    let view_tab = move |view: View, label: &'static str| {
        let current = move || nav.route.with(|r| r.view == view);
        // Pointing at or focusing Author starts fetching its module, so it is often there by the click.
        let prefetch = move || {
            if view == View::Author {
                crate::browser::author_module::prefetch();
            }
        };
        view! {
            <a
                class="view-tab"
                href=move || Ctx::href(&ctx.route_to(view, nav.route.with(|r| r.quote.clone()).as_deref()))
                aria-current=move || current().then_some("page")
                on:pointerenter=move |_| prefetch()
                on:focus=move |_| prefetch()
            >
                {label}
            </a>
        }
    };

    let ready = move || !awaiting_src.get();
    // On a phone the secondary actions (Share / Embed, Open full view, Open file, Paste JSON,
    // Recent) fold behind one "More" button, so the positions start on the first screen.
    let actions_open = RwSignal::new(false);
    // The view alone, so a filter or a selection never rebuilds the view it leaves unchanged.
    let current_view = Memo::new(move |_| nav.route.with(|r| r.view));
    view! {
        <div
            class="app"
            class:embedded=embedding.embedded
            class:actions-open=move || actions_open.get()
            data-view=move || nav.route.with(|r| r.view.as_str())
        >
            <a class="skip-link" href="#main">"Skip to the positions"</a>
            <Show when=ready>
                <Masthead/>
            </Show>
            <div class="view-bar">
                <nav class="views" aria-label="Views">
                    {view_tab(View::Compare, "Compare")}
                    {view_tab(View::Read, "Read")}
                    {view_tab(View::Author, "Author")}
                    {move || collection.with(Option::is_some).then(|| view_tab(View::Coverage, "Coverage"))}
                </nav>
                {disclosure_button("button more-toggle", "view-actions loader-actions", "More", actions_open)}
                <section class="view-actions" id="view-actions" aria-label="Share this view">
                    <embed::FullViewLink/>
                    <share::Share/>
                </section>
            </div>
            <loader::Loader/>
            <Show
                when=ready
                fallback=|| view! { <main id="main" tabindex="-1"><p class="awaiting" role="status">"Opening the article…"</p></main> }
            >
                // The filters belong to the explorer; the authoring view has its own controls.
                <Show when=move || nav.route.with(|r| matches!(r.view, View::Compare | View::Read))>
                    <coverage::OutletBar/>
                    <toolbar::Toolbar/>
                </Show>
                <Show when=move || nav.route.with(|r| matches!(r.view, View::Compare | View::Read))>
                    <QuoteNotice/>
                </Show>
                <SearchCount/>
                <main id="main" tabindex="-1">
                    {move || match current_view.get() {
                        View::Compare => view! { <compare::Compare/> }.into_any(),
                        View::Read => view! { <read::Read/> }.into_any(),
                        View::Author => view! { <author_host::AuthorHost/> }.into_any(),
                        View::Coverage => view! { <coverage::CoverageView/> }.into_any(),
                    }}
                </main>
                <Show when=move || nav.route.with(|r| matches!(r.view, View::Compare | View::Read))>
                    <AnchorHealth/>
                </Show>
            </Show>
        </div>
    }
}

/// The page as it first shows, rendered natively by the same components, for the built-in article
/// `article_json` (see `BuiltinArticle`): the default view, the same view with the embedded
/// chrome (`?embed=1`, or framed), and the article text with its highlights for readers without
/// JavaScript, archives and search engines. The browser app replaces the copy on screen when it
/// starts (`src/main.rs`); `public/prerender-guard.js` picks which copy shows until then.
#[cfg(feature = "ssr")]
pub fn prerender(article_json: &str) -> Prerendered {
    /// Renders once: the tasks reactive code spawns (updates after the first run) never matter.
    struct RenderOnce;
    impl any_spawner::CustomExecutor for RenderOnce {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // A second call finds the executor already set, which is fine.
    let _ = any_spawner::Executor::init_custom_executor(RenderOnce);
    let render = |route: Route, embedded: bool| {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(BuiltinArticle(article_json.to_owned()));
            provide_context(crate::browser::hash_route::StartRoute(route));
            if embedded {
                provide_context(crate::browser::page::RenderEmbedded);
            }
            view! { <App/> }.to_html()
        })
    };
    // The app's root is the first element; the mark tells the browser app to take the copy over.
    let app = render(Route::default(), false).replacen("<div ", "<div data-prerendered ", 1);
    let embedded = render(Route::default(), true).replacen("<div ", "<div data-prerendered data-embedded ", 1);
    let read = render(Route { view: View::Read, ..Route::default() }, false);
    let text = read
        .find("<article id=\"article-text\"")
        .and_then(|start| {
            read[start..].find("</article>").map(|end| read[start..start + end + "</article>".len()].to_owned())
        })
        .unwrap_or_default()
        .replacen("id=\"article-text\"", "id=\"article-text-static\"", 1);
    Prerendered { app, embedded, text }
}

/// What `prerender` renders (see there).
#[cfg(feature = "ssr")]
pub struct Prerendered {
    pub app: String,
    pub embedded: String,
    pub text: String,
}

#[component]
fn Masthead() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let embedding = expect_context::<Embedding>();
    // Embedded, the site header goes; `?title=0` also drops the article's title and source.
    let brand = !embedding.embedded;
    let title = embedding.options.with_value(|o| o.title);
    move || {
        // Coverage is about the collection, not one of its articles.
        let collection = ctx.collection.get().filter(|_| ctx.nav.route.with(|r| r.view == View::Coverage));
        if let Some(collection) = collection {
            let count = format!("A collection of {} articles", collection.outlets.len());
            let heading = view! {
                <h1 id="coverage-title" class:sr-only=!title dir="auto">{collection.title.clone()}</h1>
                {title.then(|| view! { <p class="source">{count}</p> })}
            };
            return Some(masthead(brand, heading));
        }
        // The authoring view is about the draft, not the article the other views show.
        if ctx.nav.route.with(|r| r.view == View::Author) {
            return Some(masthead(brand, view! { <h1 id="author-heading">"Author an article"</h1> }));
        }
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
                <h1 lang=article.language.clone() dir="auto">{article.title.clone()}</h1>
                <p class="source">
                    {source}
                    {article.published.clone().map(|date| view! { <span class="published">" · "{date}</span> })}
                </p>
            }
        });
        Some(masthead(brand, heading))
    }
}

/// The page's header: the site's name unless embedded, then the heading.
fn masthead(brand: bool, heading: impl IntoView + 'static) -> AnyView {
    view! {
        <header class="masthead">
            {brand.then(|| view! {
                <p class="brand">"Counterpoint"<span class="tagline">" · who said what, side by side"</span></p>
            })}
            {heading}
        </header>
    }
    .into_any()
}

/// Says why a linked quote is not shown, instead of silently landing at the top of the page.
#[component]
fn QuoteNotice() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        // A link into a collection's article, opened where that collection is not (a reload of
        // the offline file, a link passed on without its ?src=): say so, rather than that the
        // built-in article lacks its quote.
        if let Some(article) = ctx.nav.route.with(|r| r.article.clone()) {
            if ctx.collection.with(Option::is_none) {
                let message = format!(
                    "The address names the article “{article}” of a collection that is not open here: open the collection again to see it."
                );
                return Some(view! { <p class="quote-notice" role="status">{message}</p> });
            }
        }
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
        if search.is_empty() || ctx.nav.route.with(|r| matches!(r.view, View::Author | View::Coverage)) {
            return None;
        }
        let count = ctx.visibility.with(|visible| visible.iter().filter(|&&v| v).count());
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

/// A button that shows and hides what it controls (`controls`, element ids) on a phone, and says
/// which with `aria-expanded`; the CSS folds the controlled elements while `open` is false.
pub fn disclosure_button(
    class: &'static str,
    controls: &'static str,
    label: &'static str,
    open: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-controls=controls
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|open| *open = !*open)
        >
            {label}
        </button>
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

/// The side's colour in each theme (`style/base.css` picks the one in force as `--side-color`) and
/// its `--underline`; every value comes from a fixed or validated set.
pub fn side_style(ex: &Explorer, side: Option<usize>) -> String {
    match side {
        Some(s) => format!("{};--underline:{}", ex.side_color(s).css(), ex.side_underline(s)),
        None => format!("{};--underline:solid", NO_SIDE.css()),
    }
}

/// The side's id for `data-side`, or `none`.
pub fn side_id(ex: &Explorer, side: Option<usize>) -> String {
    side.and_then(|s| ex.article.sides.get(s)).map_or_else(|| "none".to_owned(), |s| s.id.clone())
}
