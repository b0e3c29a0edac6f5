//! Everything about running inside another page, as plain data: the URL query options, the embed
//! code the Share dialog offers, the height messages for the parent and the postMessage API.
//!
//! The query (`?embed=1&theme=dark&sides=ru`) configures how the app starts; the fragment (see
//! `route.rs`) stays the live state, so deep links keep working inside a frame. This module knows
//! nothing about Leptos, `web_sys` or the DOM; `browser/` feeds it strings and sends its answers.

use serde_json::{json, Value};

use crate::route::{decode, encode, Route, View};

/// The colour scheme asked for with `?theme=`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value of `data-theme` on `<html>`, or `None` to follow the system.
    pub fn data_theme(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The options a page address can carry in its query string. Defaults: the full app, the system
/// theme, the title shown, every side shown, the view and quote taken from the fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryOptions {
    /// `embed=1`: compact chrome for an iframe. Framed pages get it without asking.
    pub embed: bool,
    /// `view=compare|read`: the view to start in.
    pub view: Option<View>,
    /// `sides=ru,us`: the ids of the only sides to show at the start.
    pub sides: Option<Vec<String>>,
    /// `quote=ID`: the quote to start at.
    pub quote: Option<String>,
    /// `theme=light|dark|auto`.
    pub theme: Theme,
    /// `title=0` hides the article's title and source line.
    pub title: bool,
    /// `childId=ID`: the id Pym.js gave this frame, echoed in its height messages.
    pub child_id: Option<String>,
    /// `parent_origin=https://a.example,https://b.example`: the origins allowed to send messages.
    pub parent_origins: Vec<String>,
    /// `src=URL`: an article to open instead of the built-in one; until it is open, the page
    /// shows that it is loading rather than the built-in article.
    pub src: Option<String>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions {
            embed: false,
            view: None,
            sides: None,
            quote: None,
            theme: Theme::Auto,
            title: true,
            child_id: None,
            parent_origins: Vec::new(),
            src: None,
        }
    }
}

/// The example collection, relative to the page (`public/articles/`).
pub const EXAMPLE_COLLECTION_PATH: &str = "articles/un-aleppo-2016-collection.json";

/// The id of the data block that carries the example collection, its articles inline, in the
/// single offline file, which cannot fetch it.
pub const EXAMPLE_COLLECTION_ID: &str = "counterpoint-example-collection";

/// The `<script type="application/json">` element a published page carries its built-in article
/// in (`counterpoint publish` writes it, the app reads it).
pub const BUILTIN_ARTICLE_ID: &str = "counterpoint-article";

/// Query keys that describe what to show rather than how to embed it; links to a full view and
/// embed codes carry them over (`src` is read by the loader).
const CARRIED_KEYS: &[&str] = &["src", "theme", "title"];

impl QueryOptions {
    /// Reads a query string, with or without its leading `?`. Unknown keys and values are ignored.
    pub fn parse(query: &str) -> Self {
        let mut options = QueryOptions::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "embed" => options.embed = is_true(&value),
                "view" => {
                    options.view = match value.as_str() {
                        "read" => Some(View::Read),
                        "compare" => Some(View::Compare),
                        _ => options.view,
                    }
                }
                "sides" => options.sides = Some(split_list(&value)),
                "quote" if !value.is_empty() => options.quote = Some(value),
                "theme" => {
                    options.theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        "auto" => Theme::Auto,
                        _ => options.theme,
                    }
                }
                "title" => options.title = is_true(&value),
                "childId" if !value.is_empty() => options.child_id = Some(value),
                "parent_origin" => options.parent_origins.extend(split_list(&value)),
                "src" if !value.trim().is_empty() => options.src = Some(value),
                _ => {}
            }
        }
        options
    }

    /// The route to start at when the fragment says nothing, built from `view`, `sides` and
    /// `quote`; `None` when the query asks for nothing either. `sides` becomes a `show` list, which
    /// applies to whatever article is open (the built-in one, or one from `?src=` later).
    pub fn start_route(&self) -> Option<Route> {
        if self.view.is_none() && self.sides.is_none() && self.quote.is_none() {
            return None;
        }
        let mut route = Route::parse(&match &self.quote {
            Some(quote) => format!("quote={}", encode(quote)),
            None => String::new(),
        });
        if let Some(view) = self.view {
            route.view = view;
        }
        if let Some(shown) = &self.sides {
            route.shown_sides = shown.clone();
        }
        Some(route)
    }

    /// Whether a message from `origin` may drive the app. Only listed origins may; `*` is not a
    /// wildcard, because anyone could then replace the article.
    pub fn accepts_origin(&self, origin: &str) -> bool {
        // Scheme and host are case-insensitive, so `HTTPS://News.Example` names the same origin.
        origin != "null"
            && self.parent_origins.iter().any(|allowed| allowed.trim_end_matches('/').eq_ignore_ascii_case(origin))
    }
}

/// Where the app lives, read once from `location.href`: the address without query or fragment,
/// and the query (without `?`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageUrl {
    pub base: String,
    pub query: String,
}

impl PageUrl {
    pub fn parse(href: &str) -> Self {
        let without_fragment = href.split('#').next().unwrap_or_default();
        let (base, query) = without_fragment.split_once('?').unwrap_or((without_fragment, ""));
        PageUrl { base: base.to_owned(), query: query.to_owned() }
    }

    /// Whether the app is a file opened from disk (the offline single file): another page can
    /// neither frame it nor load its `embed.js`, so it has no embed code to give.
    pub fn is_local_file(&self) -> bool {
        self.base.get(..5).is_some_and(|scheme| scheme.eq_ignore_ascii_case("file:"))
    }

    /// This page without its `?src=`: where links start from once an article opened another way
    /// (a file, a paste, a message), since that address would bring back the article it names.
    /// The address itself (the string after `?` and before `#`) is rebuilt from the pairs kept.
    pub fn without_src(&self) -> PageUrl {
        let query = self
            .query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty() && decode(pair.split_once('=').map_or(*pair, |(key, _)| key)) != "src")
            .collect::<Vec<_>>()
            .join("&");
        PageUrl { base: self.base.clone(), query }
    }

    /// The address with its query, without a fragment.
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            self.base.clone()
        } else {
            format!("{}?{}", self.base, self.query)
        }
    }

    /// The query pairs worth keeping in links to this article (`src`, `theme`, `title`).
    fn carried(&self) -> Vec<String> {
        pairs(&self.query)
            .filter(|(key, _)| CARRIED_KEYS.contains(&key.as_str()))
            .map(|(key, value)| format!("{key}={}", encode(&value)))
            .collect()
    }

    /// The full app at `route`: what "Copy link" and "Open full view" give.
    pub fn share_link(&self, route: &Route) -> String {
        with_query(&self.base, &self.carried(), route)
    }

    /// The embedded app at `route` in `theme`, for an iframe's `src`. The embed code chooses its
    /// own colours (a story's page is light or dark whatever the page giving the code uses), so
    /// this page's `theme` is not carried: `Theme::Auto` leaves it out and follows the reader.
    pub fn embed_src(&self, route: &Route, theme: Theme) -> String {
        let mut query = vec!["embed=1".to_owned()];
        query.extend(self.carried().into_iter().filter(|pair| !pair.starts_with("theme=")));
        query.extend(theme.data_theme().map(|theme| format!("theme={theme}")));
        with_query(&self.base, &query, route)
    }

    /// The parent-side script next to the app (`embed.js` in the same directory).
    pub fn script_src(&self) -> String {
        let dir = match self.base.rfind('/') {
            Some(slash) => &self.base[..=slash],
            None => "",
        };
        format!("{dir}embed.js")
    }

    /// An iframe snippet for `route` in `theme`. `title` names the frame for screen readers.
    pub fn iframe_snippet(&self, route: &Route, theme: Theme, title: &str) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" data-counterpoint style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>",
            escape_attribute(&self.embed_src(route, theme)),
            escape_attribute(&format!("Counterpoint: {title}")),
        )
    }

    /// The iframe snippet followed by the script that keeps its height right.
    pub fn snippet_with_script(&self, route: &Route, theme: Theme, title: &str) -> String {
        format!(
            "{}\n<script src=\"{}\" async></script>",
            self.iframe_snippet(route, theme, title),
            escape_attribute(&self.script_src())
        )
    }
}

fn with_query(base: &str, query: &[String], route: &Route) -> String {
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    format!("{base}{query}#{}", route.to_fragment())
}

/// Escapes text for a double-quoted HTML attribute in the embed code people paste into pages.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(ch),
        }
    }
    out
}

/// One message to the parent page: either a string (Pym.js, `iframe.resize`) or a JSON object
/// that the browser glue turns into a structured-clone object.
#[derive(Clone, Debug, PartialEq)]
pub enum ParentMessage {
    Text(String),
    Object(Value),
}

/// The height announcements for every protocol embedding scripts listen for, in a fixed order:
/// Pym.js (only with a `childId`), Datawrapper-style, AMP `embed-size` and `iframe.resize`.
pub fn height_messages(child_id: Option<&str>, href: &str, height: u32) -> Vec<ParentMessage> {
    let mut messages = Vec::with_capacity(4);
    if let Some(id) = child_id {
        messages.push(ParentMessage::Text(format!("pymxPYMx{id}xPYMxheightxPYMx{height}")));
    }
    let id = child_id.unwrap_or("counterpoint");
    messages.push(ParentMessage::Object(json!({ "counterpoint-height": { id: height } })));
    messages.push(ParentMessage::Object(json!({ "sentinel": "amp", "type": "embed-size", "height": height })));
    messages
        .push(ParentMessage::Text(json!({ "src": href, "context": "iframe.resize", "height": height }).to_string()));
    messages
}

/// What a parent page may ask of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// `{type: "counterpoint:load", article: {…}}`: the article, serialized back to JSON text so
    /// that it goes through the same validation as a file.
    Load(String),
}

/// Reads a message's data (as JSON text). `None` for anything that is not a Counterpoint request,
/// such as other scripts' messages on the same window.
pub fn parse_request(data: &str) -> Option<Request> {
    let value: Value = serde_json::from_str(data).ok()?;
    // Some parents send JSON text rather than an object.
    let value = match value {
        Value::String(text) => serde_json::from_str(&text).ok()?,
        other => other,
    };
    match value.get("type")?.as_str()? {
        "counterpoint:load" => Some(Request::Load(value.get("article")?.to_string())),
        _ => None,
    }
}

/// Whether message data looks meant for Counterpoint, so that refusing it deserves a warning.
pub fn is_counterpoint_message(data: &str) -> bool {
    data.contains("counterpoint:")
}

/// `{type: "counterpoint:ready"}`: the app listens from now on.
pub fn ready_event() -> Value {
    json!({ "type": "counterpoint:ready" })
}

/// `{type: "counterpoint:loaded", ok, title, quotes, errors}`: an article is on screen (`ok`), or a
/// load was refused and the previous article stays (`errors` says why).
pub fn loaded_event(title: &str, quotes: usize, errors: &[String]) -> Value {
    json!({
        "type": "counterpoint:loaded",
        "ok": errors.is_empty(),
        "title": title,
        "quotes": quotes,
        "errors": errors,
    })
}

/// `{type: "counterpoint:quote-selected", quote, view}`.
pub fn quote_selected_event(quote: &str, view: View) -> Value {
    json!({ "type": "counterpoint:quote-selected", "quote": quote, "view": view.as_str() })
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key), decode(value))
    })
}

fn is_true(value: &str) -> bool {
    matches!(value, "" | "1" | "true" | "yes" | "on")
}

fn split_list(value: &str) -> Vec<String> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, expect: QueryOptions) {
        assert_eq!(QueryOptions::parse(query), expect, "parsing {query:?}");
    }

    #[test]
    fn query_cases() {
        let d = QueryOptions::default;
        check("", d());
        check("?embed=1", QueryOptions { embed: true, ..d() });
        check("embed=0&title=0", QueryOptions { embed: false, title: false, ..d() });
        check("embed&theme=dark", QueryOptions { embed: true, theme: Theme::Dark, ..d() });
        check("theme=light&view=read", QueryOptions { theme: Theme::Light, view: Some(View::Read), ..d() });
        check("theme=purple&view=sideways&title=yes", d());
        check(
            "sides=ru,%20us,&quote=lavrov-truce",
            QueryOptions { sides: Some(vec!["ru".into(), "us".into()]), quote: Some("lavrov-truce".into()), ..d() },
        );
        check(
            "childId=cp-1&parent_origin=https%3A%2F%2Fa.example,https://b.example&parent_origin=https://c.example",
            QueryOptions {
                child_id: Some("cp-1".into()),
                parent_origins: vec![
                    "https://a.example".into(),
                    "https://b.example".into(),
                    "https://c.example".into(),
                ],
                ..d()
            },
        );
        check(
            "src=https%3A%2F%2Fnews.example%2Fa.json&quote=&childId=",
            QueryOptions { src: Some("https://news.example/a.json".into()), ..d() },
        );
        check("src=%20&quote=", d());
    }

    #[test]
    fn start_routes() {
        let start = |query: &str| QueryOptions::parse(query).start_route().map(|r| r.to_fragment());
        assert_eq!(start("embed=1&theme=dark"), None);
        assert_eq!(start("view=read").as_deref(), Some("view=read"));
        assert_eq!(start("quote=power-war").as_deref(), Some("view=read&quote=power-war"));
        assert_eq!(start("quote=power-war&view=compare").as_deref(), Some("view=compare&quote=power-war"));
        assert_eq!(start("sides=ru").as_deref(), Some("view=compare&show=ru"));
        assert_eq!(start("sides=ru,us").as_deref(), Some("view=compare&show=ru,us"));
    }

    #[test]
    fn origins() {
        let options = QueryOptions::parse("parent_origin=https://a.example/,http://127.0.0.1:8080");
        for (origin, accepted) in [
            ("https://a.example", true),
            ("http://127.0.0.1:8080", true),
            ("http://127.0.0.1:8081", false),
            ("https://a.example.evil", false),
            ("null", false),
        ] {
            assert_eq!(options.accepts_origin(origin), accepted, "{origin}");
        }
        assert!(!QueryOptions::parse("").accepts_origin("https://a.example"));
        assert!(!QueryOptions::parse("parent_origin=*").accepts_origin("https://a.example"));
    }

    #[test]
    fn links_and_snippets() {
        let page = PageUrl::parse("https://x.example/tools/cp/?embed=1&theme=dark&childId=c&src=a%20b.json#view=read");
        assert_eq!(page.base, "https://x.example/tools/cp/");
        let route = Route::parse("view=read&quote=q1&hide=us");
        assert_eq!(
            page.share_link(&route),
            "https://x.example/tools/cp/?theme=dark&src=a%20b.json#view=read&quote=q1&hide=us"
        );
        assert_eq!(page.script_src(), "https://x.example/tools/cp/embed.js");
        assert_eq!(
            page.iframe_snippet(&route, Theme::Dark, "\"Peace\" & <war>"),
            "<iframe src=\"https://x.example/tools/cp/?embed=1&amp;src=a%20b.json&amp;theme=dark#view=read&amp;quote=q1&amp;hide=us\" \
             title=\"Counterpoint: &quot;Peace&quot; &amp; &lt;war&gt;\" data-counterpoint \
             style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>"
        );
        assert!(page
            .snippet_with_script(&route, Theme::Auto, "T")
            .ends_with("\n<script src=\"https://x.example/tools/cp/embed.js\" async></script>"));
        let plain = PageUrl::parse("http://127.0.0.1:8080/index.html");
        assert_eq!(plain.share_link(&Route::default()), "http://127.0.0.1:8080/index.html#view=compare");
        assert_eq!(
            plain.embed_src(&Route::default(), Theme::Auto),
            "http://127.0.0.1:8080/index.html?embed=1#view=compare"
        );
        // The embed code's theme is its own: this page's is replaced, or left out to follow the reader.
        let light = "https://x.example/tools/cp/?embed=1&src=a%20b.json&theme=light#view=read&quote=q1&hide=us";
        assert_eq!(page.embed_src(&route, Theme::Light), light);
        assert!(!page.embed_src(&route, Theme::Auto).contains("theme="));
        assert_eq!(page.share_link(&route).matches("theme=").count(), 1);
        assert_eq!(plain.script_src(), "http://127.0.0.1:8080/embed.js");
        assert!(!plain.is_local_file());
        assert!(PageUrl::parse("file:///home/t/counterpoint.html#view=read").is_local_file());
        assert!(PageUrl::parse("FILE:///C:/cp.html").is_local_file());
    }

    #[test]
    fn an_address_without_its_src() {
        let page = PageUrl::parse("https://x.example/cp/?embed=1&src=a%20b.json&theme=dark&%73rc=c.json#view=read");
        let without = page.without_src();
        assert_eq!(without.href(), "https://x.example/cp/?embed=1&theme=dark");
        let route = Route::parse("view=read&quote=q1");
        assert_eq!(without.share_link(&route), "https://x.example/cp/?theme=dark#view=read&quote=q1");
        assert!(!without.embed_src(&route, Theme::Auto).contains("src="));
        let only = PageUrl::parse("http://127.0.0.1:8080/?src=q.json");
        assert_eq!(only.without_src().href(), "http://127.0.0.1:8080/");
        assert_eq!(PageUrl::parse("http://h/?theme=dark").without_src().href(), "http://h/?theme=dark");
        // A key that only starts like it stays.
        assert_eq!(PageUrl::parse("http://h/?srcset=1").without_src().href(), "http://h/?srcset=1");
    }

    #[test]
    fn height_protocols() {
        let texts: Vec<String> = height_messages(Some("cp1"), "https://x.example/?embed=1", 812)
            .into_iter()
            .map(|m| match m {
                ParentMessage::Text(t) => format!("text {t}"),
                ParentMessage::Object(v) => format!("object {v}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "text pymxPYMxcp1xPYMxheightxPYMx812",
                r#"object {"counterpoint-height":{"cp1":812}}"#,
                r#"object {"height":812,"sentinel":"amp","type":"embed-size"}"#,
                r#"text {"context":"iframe.resize","height":812,"src":"https://x.example/?embed=1"}"#,
            ]
        );
        // Without a Pym id there is no Pym parent to talk to.
        assert_eq!(height_messages(None, "h", 1).len(), 3);
    }

    #[test]
    fn requests() {
        let load = |data: &str| parse_request(data);
        assert_eq!(
            load(r#"{"type":"counterpoint:load","article":{"title":"T"}}"#),
            Some(Request::Load(r#"{"title":"T"}"#.into()))
        );
        assert_eq!(load(r#""{\"type\":\"counterpoint:load\",\"article\":{}}""#), Some(Request::Load("{}".into())));
        for ignored in
            [r#"{"type":"counterpoint:load"}"#, r#"{"type":"other"}"#, "pymxPYMx", "[1]", r#"{"sentinel":"amp"}"#]
        {
            assert_eq!(load(ignored), None, "{ignored}");
        }
        assert!(is_counterpoint_message(r#"{"type":"counterpoint:load"}"#));
        assert!(!is_counterpoint_message(r#"{"sentinel":"amp"}"#));
        assert_eq!(loaded_event("T", 3, &[])["ok"], true);
        assert_eq!(loaded_event("T", 3, &["bad".into()])["ok"], false);
        assert_eq!(
            quote_selected_event("q1", View::Read).to_string(),
            r#"{"quote":"q1","type":"counterpoint:quote-selected","view":"read"}"#
        );
    }
}
