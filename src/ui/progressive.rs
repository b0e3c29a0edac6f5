//! Long views built in parts, so no task builds a whole 10,000-quote view: the part the reader
//! wants (the linked quote's, else the first) and its neighbours at once, then the others as
//! many per task as fit in about 12 ms, moving outward (`explorer::outward`). A part not built
//! yet holds its estimated height, so the page scrolls as it will. Read builds runs of
//! paragraphs this way, Compare its rows. The first screen is painted before the other parts are
//! built, and a click or a key gives the building a pause, so its answer paints first
//! (`yield_to_input`).

use std::sync::Arc;

use leptos::prelude::*;

use super::Ctx;
use crate::browser::reveal::keep_revealed_in_place;
use crate::browser::yield_to_input;
use crate::explorer::outward;

/// Parts are built one after another in a task until it has taken this long, so a long view
/// needs few tasks (and frames) and none of them holds the page for long.
const TASK_BUDGET_MS: f64 = 12.0;

/// Whether each part is built yet. The signals belong to the view that made them: once another
/// article or view replaces it, setting one fails and the building stops.
#[derive(Clone)]
pub struct Parts(Arc<Vec<RwSignal<bool>>>);

impl Parts {
    /// Parts where `holders[i]` is the part whose content holds part `i` (`i` itself for a part
    /// at the top), and `part_of` tells which part holds a quote. With `all_now` (an ordinary
    /// article, or the pre-rendered page) every part is built at once. Otherwise the selected
    /// quote's part (else the first), its neighbours and the part holding it are built at once,
    /// and the selected quote's part whenever the selection moves (a link, the strip), before
    /// the quote is revealed; the others follow.
    pub fn new(
        ctx: Ctx,
        holders: Vec<usize>,
        all_now: bool,
        part_of: impl Fn(usize) -> Option<usize> + Send + Sync + 'static,
    ) -> Parts {
        let count = holders.len();
        if all_now {
            return Parts(Arc::new((0..count).map(|_| RwSignal::new(true)).collect()));
        }
        let wanted = ctx.selected.get_untracked().and_then(&part_of).unwrap_or(0);
        let holder = |i: usize| holders.get(i).copied().unwrap_or(i);
        let parts = Parts(Arc::new(
            (0..count).map(|i| RwSignal::new(i.abs_diff(wanted) <= 1 || i == holder(wanted))).collect(),
        ));
        Effect::new({
            let parts = parts.clone();
            let holders = holders.clone();
            move |_| {
                if let Some(part) = ctx.selected.get().and_then(&part_of) {
                    parts.build(holders[part]);
                    parts.build(part);
                }
            }
        });
        yield_to_input::listen();
        // The parts built now are painted before any other is built.
        yield_to_input::hold();
        let order: Vec<usize> = outward(count, wanted).collect();
        leptos::task::spawn_local({
            let parts = parts.clone();
            async move {
                // When the current task began; none has begun before the first part.
                let mut task_began = None::<f64>;
                for part in order {
                    if parts.0[part].try_get_untracked() != Some(false) {
                        continue;
                    }
                    if task_began.is_none_or(|began| js_sys::Date::now() - began >= TASK_BUDGET_MS) {
                        if task_began.is_some() {
                            // Estimates turned into content: keep a linked quote where the
                            // reader saw it.
                            request_animation_frame(keep_revealed_in_place);
                        }
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        // A click or a key meanwhile is answered and painted first.
                        yield_to_input::quiet().await;
                        task_began = Some(js_sys::Date::now());
                    }
                    // Replaced by another article or view meanwhile: stop. Built by a link
                    // meanwhile: go on with the next.
                    match parts.0[part].try_get_untracked() {
                        None => return,
                        Some(true) => continue,
                        Some(false) => parts.build(part),
                    }
                    // The part's view is built by the effects its signal wakes, in this task's
                    // microtasks: let them run before the time spent is read.
                    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
                        &wasm_bindgen::JsValue::UNDEFINED,
                    ))
                    .await;
                }
                request_animation_frame(keep_revealed_in_place);
            }
        });
        parts
    }

    /// Builds part `i` unless it is built: setting a signal notifies even when its value stays
    /// the same, and that would build the part's view again.
    fn build(&self, i: usize) {
        if self.0[i].try_get_untracked() == Some(false) {
            self.0[i].set(true);
        }
    }

    /// Part `i`: `build` once it is built, else an empty block `height` tall (a CSS length).
    pub fn part(&self, i: usize, height: String, build: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
        self.stand_in(i, height, false, Box::new(build))
    }

    /// Like `part`, for items of a list: what stands in for them is a list item.
    pub fn items(&self, i: usize, height: String, build: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
        self.stand_in(i, height, true, Box::new(build))
    }

    /// One closure type for every part, so the view code is not repeated for each kind of part.
    fn stand_in(&self, i: usize, height: String, item: bool, build: Box<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
        let built = self.0[i];
        let stand_in = move || {
            if built.get() {
                build()
            } else if item {
                view! { <li class="pending" aria-hidden="true" style=format!("height:{height}")></li> }.into_any()
            } else {
                view! { <div class="pending" aria-hidden="true" style=format!("height:{height}")></div> }.into_any()
            }
        };
        stand_in.into_any()
    }
}
