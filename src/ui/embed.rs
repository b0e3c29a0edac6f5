//! The app as a guest in another page: the compact header's "Open full view" link, and the wiring
//! that keeps the parent informed (height, ready, loaded, quote selected) and lets it load articles.

use leptos::prelude::*;

use std::sync::Arc;

use super::Ctx;
use crate::browser::page::Embedding;
use crate::browser::parent::{post_to_parent, use_parent_requests};
use crate::browser::resize::use_content_height;
use crate::embed::{height_messages, loaded_event, quote_selected_event, ready_event, PageUrl, ParentMessage, Request};
use crate::explorer::Explorer;
use crate::worker::OpenedCollection;

/// Connects a framed app to its parent. Does nothing when the app is not framed.
pub fn connect(ctx: Ctx, embedding: Embedding) {
    if !embedding.framed {
        return;
    }
    let options = embedding.options.get_value();
    let href = embedding.url.with_value(PageUrl::href);
    let child_id = options.child_id.clone();
    // Heights go to any origin: they reveal nothing, and embed scripts must hear them wherever
    // the page is published.
    use_content_height(move |height| {
        for message in height_messages(child_id.as_deref(), &href, height) {
            post_to_parent(&message, "*");
        }
    });

    // Events go only to the listed parent origins when there are any.
    let targets = if options.parent_origins.is_empty() { vec!["*".to_owned()] } else { options.parent_origins.clone() };
    let targets = StoredValue::new(targets);
    let announce = move |event: serde_json::Value| {
        let message = ParentMessage::Object(event);
        targets.with_value(|targets| targets.iter().for_each(|origin| post_to_parent(&message, origin)));
    };

    use_parent_requests(&options, move |request| match request {
        Request::Load(json) if crate::collection::looks_like_collection(&json) => {
            // The parent's collection takes over from a `?src=` still on its way at once, as a
            // reader's does: the worker takes a while, and the address arriving meanwhile would
            // end this job.
            let took_over = super::loader::drop_src();
            // A collection sent by message carries its articles inline: there is no address to
            // fetch the others from.
            let unresolved = "a collection sent by message must carry its articles inline";
            super::loader::open_in_worker(
                None,
                &json,
                &[],
                unresolved,
                || {},
                move |result| match result {
                    // Announced by the effect below, like a collection opened any other way.
                    Ok(opened) => {
                        ctx.awaiting_src.set(false);
                        ctx.open_collection(opened);
                    }
                    Err(diagnostics) => {
                        let errors: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
                        // It stopped the address, or a collection the reader or the address had
                        // started (`open_in_worker`): what the page waited for will not come. It shows
                        // what it has, and the effect below says once, with these errors, that the
                        // load failed.
                        if took_over || ctx.awaiting_src.get_untracked() {
                            ctx.src_failure.set(Some(errors));
                            ctx.awaiting_src.set(false);
                        } else {
                            // Refused: what was shown stays.
                            let title = ctx.explorer.with_untracked(|ex| ex.article.title.clone());
                            announce(loaded_event(&title, 0, &errors));
                        }
                    }
                },
            );
        }
        Request::Load(json) => {
            let report = ctx.open_json(&json);
            // The parent's article is what the page shows now, whether or not a `?src=` was due:
            // it stops. A successful load is announced by the effect below, like any other new
            // article; a refused one leaves what was shown, or still coming by `?src=`.
            if report.article.is_some() {
                let _ = super::loader::drop_src();
                ctx.awaiting_src.set(false);
            } else {
                let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
                let title = ctx.explorer.with_untracked(|ex| ex.article.title.clone());
                announce(loaded_event(&title, 0, &errors));
            }
        }
    });

    // One `loaded` for each article or collection that comes on screen: a collection by its
    // title, once, and not again for each of its articles the reader goes to; nothing for the
    // built-in article while a `?src=` is still on its way, and a refusal with its errors when
    // that fails. What was announced is held, so a new article is never taken for it.
    let announced = StoredValue::new(None::<Shown>);
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            announce(ready_event());
        }
        if ctx.awaiting_src.get() {
            return;
        }
        let shown = match ctx.collection.get() {
            Some(collection) => Shown::Collection(collection),
            None => Shown::Article(ctx.explorer.get()),
        };
        let (title, quotes) = shown.title_and_quotes();
        // A `?src=` that did not open is announced with why; what stays on screen was not loaded.
        if let Some(errors) = ctx.src_failure.get() {
            announce(loaded_event(&title, 0, &errors));
            ctx.src_failure.update_untracked(|failure| *failure = None);
        } else if !announced.with_value(|last| last.as_ref().is_some_and(|last| last.same(&shown))) {
            announce(loaded_event(&title, quotes, &[]));
        }
        announced.set_value(Some(shown));
    });

    Effect::new(move |_| {
        let Some(index) = ctx.selected.get() else {
            return;
        };
        let route = ctx.nav.route.get_untracked();
        let id = ctx.explorer.with_untracked(|ex| ex.article.quotes.get(index).map(|q| q.id.clone()));
        if let Some(id) = id {
            announce(quote_selected_event(&id, route.view));
        }
    });
}

/// What a `loaded` event announced.
enum Shown {
    Article(Arc<Explorer>),
    Collection(Arc<OpenedCollection>),
}

impl Shown {
    fn title_and_quotes(&self) -> (String, usize) {
        match self {
            Shown::Article(ex) => (ex.article.title.clone(), ex.article.quotes.len()),
            Shown::Collection(c) => (c.title.clone(), c.quotes()),
        }
    }

    fn same(&self, other: &Shown) -> bool {
        match (self, other) {
            (Shown::Article(a), Shown::Article(b)) => Arc::ptr_eq(a, b),
            (Shown::Collection(a), Shown::Collection(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// "Open full view": the same view in a new tab, without the embed chrome. Only while an address
/// can bring the article back: one the parent sent, or a file or a paste, has none.
#[component]
pub fn FullViewLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let embedding = expect_context::<Embedding>();
    let href = move || ctx.page_url(&embedding).share_link(&ctx.nav.route.get());
    embedding.embedded.then(|| {
        view! {
            <Show when=move || ctx.portable.get()>
                <a class="full-view" href=href target="_blank" rel="noopener">
                    "Open full view"<span aria-hidden="true">" ↗"</span>
                    <span class="sr-only">" (opens in a new tab)"</span>
                </a>
            </Show>
        }
    })
}
