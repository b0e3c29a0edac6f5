//! The last articles the reader opened, so they can be opened again without the original file.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM; `browser::recent_store` keeps the
//! list in `localStorage`.

use serde::{Deserialize, Serialize};

/// How many articles are remembered.
pub const MAX_RECENT: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentArticle {
    /// A hash of the JSON text: the same article opened twice is one entry.
    pub id: String,
    pub title: String,
    pub source: String,
    /// The article itself, so that opening it again needs nothing else.
    pub json: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    pub entries: Vec<RecentArticle>,
}

impl RecentList {
    /// Puts an article first, dropping an older copy of it and anything beyond [`MAX_RECENT`].
    pub fn remember(&mut self, title: &str, source: &str, json: &str) {
        let id = content_id(json);
        self.entries.retain(|e| e.id != id);
        self.entries
            .insert(0, RecentArticle { id, title: title.to_owned(), source: source.to_owned(), json: json.to_owned() });
        self.entries.truncate(MAX_RECENT);
    }

    pub fn remove(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
    }

    pub fn get(&self, id: &str) -> Option<&RecentArticle> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Drops the oldest entry, to make room when storage is full. Returns false when empty.
    pub fn drop_oldest(&mut self) -> bool {
        self.entries.pop().is_some()
    }
}

/// FNV-1a, as hex: stable across runs and platforms, and enough to tell articles apart.
pub fn content_id(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(list: &RecentList) -> Vec<&str> {
        list.entries.iter().map(|e| e.title.as_str()).collect()
    }

    #[test]
    fn newest_first_without_duplicates_and_at_most_five() {
        let mut list = RecentList::default();
        for i in 0..7 {
            list.remember(&format!("t{i}"), "s", &format!("{{\"n\":{i}}}"));
        }
        assert_eq!(titles(&list), ["t6", "t5", "t4", "t3", "t2"]);
        list.remember("t4 again", "s", "{\"n\":4}");
        assert_eq!(titles(&list), ["t4 again", "t6", "t5", "t3", "t2"]);
        let id = content_id("{\"n\":5}");
        assert_eq!(list.get(&id).map(|e| e.json.as_str()), Some("{\"n\":5}"));
        list.remove(&id);
        assert_eq!(titles(&list), ["t4 again", "t6", "t3", "t2"]);
        assert!(list.drop_oldest());
        assert_eq!(titles(&list), ["t4 again", "t6", "t3"]);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(content_id(""), "cbf29ce484222325");
        assert_ne!(content_id("a"), content_id("b"));
    }
}
