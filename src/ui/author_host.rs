//! Where the authoring view goes: it is a wasm module of its own (`src/bin/author.rs`), loaded the
//! first time someone opens Author (`browser::author_module`), so a reader never downloads it.
//! While it loads the view says so, and if it cannot load it says why and offers to try again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::Ctx;
use crate::browser::author_module::{self, AuthorModule};
use crate::route::{Route, View};

#[derive(Clone, PartialEq)]
enum State {
    Loading,
    Shown,
    Failed(String),
}

#[component]
pub fn AuthorHost() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let host = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(State::Loading);
    // Set when the view is left, so a module that arrives later is not mounted. Not a reactive
    // value: those are gone with the view, and the load may end after it.
    let left = Arc::new(AtomicBool::new(false));
    let mounted = StoredValue::new_local(None::<AuthorModule>);
    let open = StoredValue::new_local(Closure::<dyn Fn(String)>::new(move |json: String| {
        if ctx.open_json(&json).article.is_some() {
            ctx.nav.navigate(&Route { view: View::Compare, ..Route::default() });
        }
    }));
    let still_here = left.clone();
    let start = move || {
        state.set(State::Loading);
        let left = still_here.clone();
        leptos::task::spawn_local(async move {
            let loaded = author_module::load().await;
            if left.load(Ordering::Relaxed) {
                return;
            }
            let Some(element) = host.get_untracked() else {
                return;
            };
            let shown = loaded.and_then(|module| {
                open.with_value(|open| module.mount(&element, open.as_ref().unchecked_ref()))?;
                mounted.set_value(Some(module));
                Ok(())
            });
            state.set(match shown {
                Ok(()) => State::Shown,
                Err(why) => State::Failed(why),
            });
        });
    };
    let first = start.clone();
    Effect::new(move |done: Option<()>| {
        if done.is_none() && host.get().is_some() {
            first();
        }
    });
    on_cleanup(move || {
        left.store(true, Ordering::Relaxed);
        if let Some(module) = mounted.try_update_value(Option::take).flatten() {
            module.unmount();
        }
    });
    view! {
        {move || match state.get() {
            State::Loading => Some(view! {
                <p class="author-loading" role="status">"Loading the authoring tools…"</p>
            }.into_any()),
            State::Failed(why) => {
                let again = start.clone();
                Some(view! {
                    <div class="author-failed" role="alert">
                        <p>{format!("The authoring tools could not be loaded: {why}. Your draft is kept.")}</p>
                        <button type="button" id="author-retry" on:click=move |_| again()>"Try again"</button>
                    </div>
                }.into_any())
            }
            State::Shown => None,
        }}
        <div class="author-host" node_ref=host></div>
    }
}
