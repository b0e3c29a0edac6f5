//! The recent-articles list in `localStorage`, and the one-shot "restore after a crash" flag in
//! `sessionStorage`.

use gloo::storage::{LocalStorage, SessionStorage, Storage};

use crate::recent::RecentList;

const KEY: &str = "counterpoint:recent";
const RESTORE_KEY: &str = "counterpoint:restore";

/// The stored list; an unreadable or missing one is empty.
pub fn load() -> RecentList {
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Saves the list, dropping the oldest entries until it fits the browser's quota, and returns the
/// list as stored. `None` when even the newest entry alone does not fit (nothing is stored then).
pub fn save(list: &RecentList) -> Option<RecentList> {
    let mut list = list.clone();
    loop {
        if LocalStorage::set(KEY, &list).is_ok() {
            return Some(list);
        }
        if !list.drop_oldest() {
            return None;
        }
    }
}

/// `save`, in steps of their own task each: the list is printed in one, stored in the next, so
/// a large article's copy does not hold the page for both at once, nor with what came before.
pub async fn save_in_steps(list: &RecentList) -> Option<RecentList> {
    let mut list = list.clone();
    // Each step is background work: a click meanwhile is painted first (`yield_to_input`).
    let step = || async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        super::yield_to_input::quiet().await;
    };
    loop {
        step().await;
        let json = serde_json::to_string(&list).ok()?;
        step().await;
        if LocalStorage::raw().set_item(KEY, &json).is_ok() {
            return Some(list);
        }
        if !list.drop_oldest() {
            return None;
        }
    }
}

/// Asks the next page load to reopen the most recent article (used by the crash screen).
pub fn request_restore() {
    let _ = SessionStorage::set(RESTORE_KEY, true);
}

/// Whether a restore was requested; the request is used up.
pub fn take_restore_request() -> bool {
    let requested = SessionStorage::get::<bool>(RESTORE_KEY).unwrap_or(false);
    SessionStorage::delete(RESTORE_KEY);
    requested
}
