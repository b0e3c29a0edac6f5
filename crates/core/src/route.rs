//! The explorer's state as it lives in the URL fragment.
//!
//! `#view=read&quote=lavrov-truce&hide=us&mute=power&q=ceasefire`; in a collection,
//! `#view=coverage` and `#article=rt&quote=…` (an article of the collection, at a quote). The URL is the single source of
//! truth for the view, the filters and the selected quote, so links, reloads and back/forward all
//! work. `#quote=<id>` alone opens the Read view at that quote. This module knows nothing about
//! Leptos, `web_sys` or the DOM.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Compare,
    Read,
    /// The authoring view: paste text, correct the extracted quotes, open or download them.
    Author,
    /// A collection's outlets compared (`collection`, `coverage`).
    Coverage,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Read => "read",
            View::Author => "author",
            View::Coverage => "coverage",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// Which article of an open collection is shown, by its id in the collection.
    pub article: Option<String>,
    /// The selected quote's id.
    pub quote: Option<String>,
    /// Ids of the sides the reader has hidden.
    pub hidden_sides: Vec<String>,
    /// When not empty, only these sides are shown (from `?sides=`). Ids the article does not have
    /// are ignored, and a list naming none of its sides shows them all.
    pub shown_sides: Vec<String>,
    /// Ids of the speakers the reader has hidden.
    pub hidden_speakers: Vec<String>,
    /// Text the quotes are searched for.
    pub search: String,
}

impl Route {
    /// Reads a fragment, with or without its leading `#`. Unknown keys are ignored.
    pub fn parse(fragment: &str) -> Self {
        let mut route = Route::default();
        let mut view = None;
        for pair in fragment.trim_start_matches('#').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "view" => {
                    view = match value.as_str() {
                        "read" => Some(View::Read),
                        "compare" => Some(View::Compare),
                        "author" => Some(View::Author),
                        "coverage" => Some(View::Coverage),
                        _ => None,
                    }
                }
                "quote" if !value.is_empty() => route.quote = Some(value),
                "article" if !value.is_empty() => route.article = Some(value),
                "hide" => route.hidden_sides = split_ids(&value),
                "show" => route.shown_sides = split_ids(&value),
                "mute" => route.hidden_speakers = split_ids(&value),
                "q" => route.search = value,
                _ => {}
            }
        }
        // A bare `#quote=` link means "show me this quote in the text".
        route.view = view.unwrap_or(if route.quote.is_some() { View::Read } else { View::Compare });
        route
    }

    /// Writes the fragment, without the leading `#`, leaving out defaults.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![format!("view={}", self.view.as_str())];
        if let Some(article) = &self.article {
            parts.push(format!("article={}", encode(article)));
        }
        if let Some(quote) = &self.quote {
            parts.push(format!("quote={}", encode(quote)));
        }
        if !self.hidden_sides.is_empty() {
            parts.push(format!("hide={}", encode(&self.hidden_sides.join(","))));
        }
        if !self.shown_sides.is_empty() {
            parts.push(format!("show={}", encode(&self.shown_sides.join(","))));
        }
        if !self.hidden_speakers.is_empty() {
            parts.push(format!("mute={}", encode(&self.hidden_speakers.join(","))));
        }
        if !self.search.is_empty() {
            parts.push(format!("q={}", encode(&self.search)));
        }
        parts.join("&")
    }

    /// Shows or hides a side of an article whose sides are `side_ids`. A `show` list is first
    /// turned into the equivalent `hide` list, so the toggle means what the buttons show.
    pub fn toggle_side(&mut self, id: &str, side_ids: &[&str]) {
        if side_ids.iter().any(|s| self.shown_sides.iter().any(|shown| shown == s)) {
            for side in side_ids {
                if !self.shown_sides.iter().any(|shown| shown == side) && !self.hidden_sides.iter().any(|h| h == side) {
                    self.hidden_sides.push((*side).to_owned());
                }
            }
        }
        self.shown_sides.clear();
        toggle(&mut self.hidden_sides, id);
    }

    /// Whether side `id` of an article whose sides are `side_ids` is hidden.
    pub fn hides_side(&self, id: &str, side_ids: &[&str]) -> bool {
        let show_applies = side_ids.iter().any(|s| self.shown_sides.iter().any(|shown| shown == s));
        self.hidden_sides.iter().any(|h| h == id) || (show_applies && !self.shown_sides.iter().any(|s| s == id))
    }

    /// Shows or hides a speaker.
    pub fn toggle_speaker(&mut self, id: &str) {
        toggle(&mut self.hidden_speakers, id);
    }
}

fn toggle(ids: &mut Vec<String>, id: &str) {
    if let Some(pos) = ids.iter().position(|x| x == id) {
        ids.remove(pos);
    } else {
        ids.push(id.to_owned());
    }
}

fn split_ids(value: &str) -> Vec<String> {
    value.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// Percent-encodes everything but unreserved characters and `,`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and `+`; malformed escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex_value(*hi).zip(hex_value(*lo)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        if let Some(byte) = escaped {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(fragment: &str, expect: Route, canonical: &str) {
        let route = Route::parse(fragment);
        assert_eq!(route, expect, "parsing {fragment:?}");
        assert_eq!(route.to_fragment(), canonical, "writing {fragment:?}");
        assert_eq!(Route::parse(canonical), route, "round trip of {fragment:?}");
    }

    #[test]
    fn route_cases() {
        check("", Route::default(), "view=compare");
        check("#", Route::default(), "view=compare");
        check(
            "#quote=lavrov-truce",
            Route { view: View::Read, quote: Some("lavrov-truce".into()), ..Route::default() },
            "view=read&quote=lavrov-truce",
        );
        check(
            "view=compare&quote=q1",
            Route { view: View::Compare, quote: Some("q1".into()), ..Route::default() },
            "view=compare&quote=q1",
        );
        check(
            "view=read&hide=us,ru&mute=power&q=peace%20talks",
            Route {
                view: View::Read,
                hidden_sides: vec!["us".into(), "ru".into()],
                hidden_speakers: vec!["power".into()],
                search: "peace talks".into(),
                ..Route::default()
            },
            "view=read&hide=us,ru&mute=power&q=peace%20talks",
        );
        check(
            "q=caf%C3%A9+au+lait&view=bogus&x=1",
            Route { search: "café au lait".into(), ..Route::default() },
            "view=compare&q=caf%C3%A9%20au%20lait",
        );
        check("q=100%&quote=", Route { search: "100%".into(), ..Route::default() }, "view=compare&q=100%25");
        check("view=author", Route { view: View::Author, ..Route::default() }, "view=author");
        check("view=coverage", Route { view: View::Coverage, ..Route::default() }, "view=coverage");
        check(
            "#article=rt&quote=power-1",
            Route { view: View::Read, article: Some("rt".into()), quote: Some("power-1".into()), ..Route::default() },
            "view=read&article=rt&quote=power-1",
        );
        check(
            "article=rt%20x&view=compare",
            Route { article: Some("rt x".into()), ..Route::default() },
            "view=compare&article=rt%20x",
        );
        check("q=%zz%4", Route { search: "%zz%4".into(), ..Route::default() }, "view=compare&q=%25zz%254");
    }

    #[test]
    fn shown_sides_apply_only_to_sides_the_article_has() {
        let sides = ["ru", "us", "un"];
        let route = Route::parse("show=ru");
        assert_eq!(route.to_fragment(), "view=compare&show=ru");
        assert_eq!(sides.map(|s| route.hides_side(s, &sides)), [false, true, true]);
        // A list that names none of this article's sides hides nothing.
        let other = ["aa", "bb"];
        assert_eq!(other.map(|s| route.hides_side(s, &other)), [false, false]);
        // Toggling turns the show list into the hide list it means.
        let mut toggled = route.clone();
        toggled.toggle_side("us", &sides);
        assert_eq!(toggled.to_fragment(), "view=compare&hide=un");
    }

    #[test]
    fn toggles() {
        let sides = ["us"];
        let mut route = Route::default();
        route.toggle_side("us", &sides);
        route.toggle_speaker("power");
        assert_eq!(route.to_fragment(), "view=compare&hide=us&mute=power");
        route.toggle_side("us", &sides);
        assert!(route.hidden_sides.is_empty());
    }
}
