//! The recent-articles list in `localStorage`, and the one-shot "restore after a crash" flag in
//! `sessionStorage`.
//!
//! The list (ids, titles, sources) is one small document, read at every start; each article's
//! JSON is kept as it is under a key of its own, read only when the reader opens it again and
//! written once, when it is first remembered. (Before, one document held every article's JSON,
//! so each start parsed them all and each opening printed and stored them all again; `load`
//! moves such a document to the new keys once.)

use gloo::storage::{LocalStorage, SessionStorage, Storage};

use crate::recent::{LegacyList, RecentList};

const LIST_KEY: &str = "counterpoint:recent:list";
/// Followed by the article's id.
const ARTICLE_KEY: &str = "counterpoint:recent:article:";
/// The single document of before.
const LEGACY_KEY: &str = "counterpoint:recent";
const RESTORE_KEY: &str = "counterpoint:restore";

fn article_key(id: &str) -> String {
    format!("{ARTICLE_KEY}{id}")
}

/// The stored list; an unreadable or missing one is empty. No article is read: one whose copy has
/// gone meanwhile is found when the reader opens it (`article`).
pub fn load() -> RecentList {
    let raw = LocalStorage::raw();
    if let Ok(Some(legacy)) = raw.get_item(LEGACY_KEY) {
        let _ = raw.remove_item(LEGACY_KEY);
        if let Ok(old) = serde_json::from_str::<LegacyList>(&legacy) {
            let (mut list, articles) = old.split();
            for (id, json) in articles {
                if raw.set_item(&article_key(&id), &json).is_err() {
                    list.remove(&id);
                }
            }
            save_list(&list);
        }
    }
    LocalStorage::get(LIST_KEY).unwrap_or_default()
}

/// The JSON of a remembered article, if it is still stored.
pub fn article(id: &str) -> Option<String> {
    LocalStorage::raw().get_item(&article_key(id)).ok().flatten()
}

/// Removes an entry and its article, and returns the list as stored.
pub fn forget(list: &RecentList, id: &str) -> RecentList {
    let mut list = list.clone();
    list.remove(id);
    let _ = LocalStorage::raw().remove_item(&article_key(id));
    save_list(&list);
    list
}

/// Puts an article first in `list` and stores it, its JSON in one step and the list in the next,
/// each in a task of its own that yields to a click first (`yield_to_input`). When the browser's
/// quota is full, the oldest articles go until it fits. Returns the list as stored, or `None`
/// when the article does not fit even alone (the list is then stored without it).
pub async fn remember(list: &RecentList, title: &str, source: &str, json: &str) -> Option<RecentList> {
    let step = || async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        super::yield_to_input::quiet().await;
    };
    let raw = LocalStorage::raw();
    let mut list = list.clone();
    let (id, gone) = list.remember(title, source, json);
    for old in gone {
        let _ = raw.remove_item(&article_key(&old));
    }
    step().await;
    // Room is made from the oldest; the new entry is the first, so it would go last.
    let stored = loop {
        if raw.set_item(&article_key(&id), json).is_ok() {
            break true;
        }
        if list.entries.len() <= 1 {
            break false;
        }
        if let Some(oldest) = list.drop_oldest() {
            let _ = raw.remove_item(&article_key(&oldest));
        }
    };
    if !stored {
        list.remove(&id);
    }
    step().await;
    save_list(&list);
    stored.then_some(list)
}

fn save_list(list: &RecentList) {
    let _ = LocalStorage::set(LIST_KEY, list);
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
