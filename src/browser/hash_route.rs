//! The explorer's route, kept in the URL fragment.
//!
//! `use_hash_route()` returns a signal of the current [`Route`] that follows `hashchange` (links,
//! back and forward). `navigate` pushes a history entry and sets the signal; `replace` rewrites
//! the current one, for changes such as typing in the search box that should not flood the
//! history.

use leptos::prelude::*;

use crate::route::Route;

#[derive(Clone, Copy)]
pub struct HashRoute {
    pub route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
}

/// Reads the route from the URL and follows it. Defaults: the Compare view, nothing hidden.
/// The route a native render starts from, as context; without it, the default route.
#[derive(Clone)]
pub struct StartRoute(pub Route);

/// Rendered natively (the pre-render) there is no address: the `StartRoute`, or the default.
pub fn use_hash_route() -> HashRoute {
    if !cfg!(target_arch = "wasm32") {
        let start = use_context::<StartRoute>().map(|r| r.0).unwrap_or_default();
        let (route, set_route) = signal(start);
        return HashRoute { route, set_route };
    }
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle =
        window_event_listener(leptos::ev::hashchange, move |_| set_route.set(Route::parse(&current_fragment())));
    on_cleanup(move || handle.remove());
    HashRoute { route, set_route }
}

impl HashRoute {
    /// Goes to `route` with a new history entry, so Back returns here.
    ///
    /// The entry is pushed and the signal set in this same task, so a filter's click is painted
    /// in the next frame. Setting `location.hash` instead would answer in a `hashchange` task of
    /// its own, after the browser's fragment navigation. Back and Forward between these entries
    /// still fire `hashchange`, which `use_hash_route` follows.
    pub fn navigate(&self, route: &Route) {
        let fragment = route.to_fragment();
        if fragment == current_fragment() {
            return;
        }
        let url = format!("#{fragment}");
        let pushed = window()
            .history()
            .is_ok_and(|history| history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).is_ok());
        if pushed {
            self.set_route.set(Route::parse(&fragment));
        } else {
            // Setting the hash pushes a history entry and fires `hashchange`, which updates the signal.
            let _ = window().location().set_hash(&fragment);
        }
    }

    /// Changes the route without a new history entry.
    pub fn replace(&self, route: &Route) {
        let url = format!("#{}", route.to_fragment());
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.set_route.set(route.clone());
    }
}

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default().trim_start_matches('#').to_owned()
}
