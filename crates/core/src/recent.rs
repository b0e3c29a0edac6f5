//! The last articles the reader opened, so they can be opened again without the original file.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM; `browser::recent_store` keeps the
//! list in `localStorage`.

use serde::{Deserialize, Serialize};

/// How many articles are remembered.
pub const MAX_RECENT: usize = 5;

/// One remembered article: what the list shows. Its JSON is kept apart, under its id
/// (`browser::recent_store`), so the list is small to read at every start and to write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentArticle {
    /// A hash of the JSON text: the same article opened twice is one entry.
    pub id: String,
    pub title: String,
    pub source: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    pub entries: Vec<RecentArticle>,
}

impl RecentList {
    /// Puts the article whose JSON is `json` first, dropping an older copy of it and anything
    /// beyond [`MAX_RECENT`]. Returns its id and the ids of the entries that went.
    pub fn remember(&mut self, title: &str, source: &str, json: &str) -> (String, Vec<String>) {
        let id = content_id(json);
        self.entries.retain(|e| e.id != id);
        self.entries.insert(0, RecentArticle { id: id.clone(), title: title.to_owned(), source: source.to_owned() });
        let gone = self.entries.split_off(self.entries.len().min(MAX_RECENT)).into_iter().map(|e| e.id).collect();
        (id, gone)
    }

    pub fn remove(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
    }

    pub fn get(&self, id: &str) -> Option<&RecentArticle> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Drops the oldest entry, to make room when storage is full, and returns its id; `None`
    /// when the list is empty.
    pub fn drop_oldest(&mut self) -> Option<String> {
        self.entries.pop().map(|e| e.id)
    }
}

/// The list as it was stored before 2026-12-03: one document holding every article's JSON.
/// Read once, to move its articles to their own keys.
#[derive(Debug, Default, Deserialize)]
pub struct LegacyList {
    pub entries: Vec<LegacyArticle>,
}

#[derive(Debug, Deserialize)]
pub struct LegacyArticle {
    pub id: String,
    pub title: String,
    pub source: String,
    pub json: String,
}

impl LegacyList {
    /// The list, and each article's id with its JSON, newest first.
    pub fn split(self) -> (RecentList, Vec<(String, String)>) {
        let mut list = RecentList::default();
        let mut articles = Vec::new();
        for old in self.entries.into_iter().take(MAX_RECENT) {
            list.entries.push(RecentArticle { id: old.id.clone(), title: old.title, source: old.source });
            articles.push((old.id, old.json));
        }
        (list, articles)
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
        assert_eq!(list.get(&id).map(|e| e.title.as_str()), Some("t5"));
        list.remove(&id);
        assert_eq!(titles(&list), ["t4 again", "t6", "t3", "t2"]);
        assert_eq!(list.drop_oldest(), Some(content_id("{\"n\":2}")));
        assert_eq!(titles(&list), ["t4 again", "t6", "t3"]);
    }

    #[test]
    fn remembering_says_which_entries_went() {
        let mut list = RecentList::default();
        let mut gone = Vec::new();
        for i in 0..6 {
            let (id, dropped) = list.remember(&format!("t{i}"), "s", &format!("{i}"));
            assert_eq!(id, content_id(&format!("{i}")));
            gone.extend(dropped);
        }
        // The sixth pushed the first out; opening one again drops nothing.
        assert_eq!(gone, [content_id("0")]);
        assert_eq!(list.remember("t3", "s", "3").1, Vec::<String>::new());
        assert_eq!(titles(&list), ["t3", "t5", "t4", "t2", "t1"]);
        assert_eq!(RecentList::default().drop_oldest(), None);
    }

    #[test]
    fn the_old_single_document_splits_into_the_list_and_its_articles() {
        let old = r#"{"entries":[{"id":"b","title":"B","source":"b.json","json":"{\"t\":2}"},
                                {"id":"a","title":"A","source":"pasted text","json":"{}"}]}"#;
        let (list, articles) = serde_json::from_str::<LegacyList>(old).expect("reads").split();
        assert_eq!(titles(&list), ["B", "A"]);
        assert_eq!(list.entries[1].source, "pasted text");
        assert_eq!(articles, [("b".to_owned(), r#"{"t":2}"#.to_owned()), ("a".to_owned(), "{}".to_owned())]);
        // The new list is written without the articles' JSON.
        assert!(!serde_json::to_string(&list).expect("writes").contains("\"json\""));
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(content_id(""), "cbf29ce484222325");
        assert_ne!(content_id("a"), content_id("b"));
    }
}
