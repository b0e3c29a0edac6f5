//! A page fragment as plain data: elements with attributes, and text. The worker builds the
//! Coverage view as a tree (`coverage_view`), and the app turns it into DOM nodes with
//! `createElement`, `setAttribute` and text nodes (`browser::tree`), never through HTML, so the
//! view's code stays out of the reader's wasm.
//!
//! This module knows nothing about Leptos, `web_sys` or the DOM.

use serde::{Deserialize, Serialize};

/// The elements a tree may hold; anything else is dropped when it is built.
pub const TAGS: &[&str] = &[
    "section",
    "div",
    "p",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "span",
    "strong",
    "code",
    "mark",
    "figure",
    "figcaption",
    "blockquote",
];

/// The attributes a tree may set, besides `aria-*` and `data-*`.
const ATTRIBUTES: &[&str] = &["class", "id", "href", "style", "dir", "role", "scope", "title"];

/// Whether an attribute may be set: only listed names, links only within the page, and styles
/// only of custom properties, colours and sizes (no `url(…)` or other functions).
pub fn allowed_attribute(name: &str, value: &str) -> bool {
    let listed = ATTRIBUTES.contains(&name)
        || name
            .strip_prefix("aria-")
            .or_else(|| name.strip_prefix("data-"))
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    listed
        && match name {
            "href" => value.starts_with('#'),
            "style" => value.chars().all(|c| c.is_ascii_alphanumeric() || "-:;#%. ".contains(c)),
            _ => true,
        }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Node {
    /// A text node.
    T(String),
    /// An element: tag, attributes, children.
    E(String, Vec<(String, String)>, Vec<Node>),
}

impl Node {
    pub fn el(tag: &str) -> Node {
        Node::E(tag.to_owned(), Vec::new(), Vec::new())
    }

    pub fn text(text: impl Into<String>) -> Node {
        Node::T(text.into())
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &str, value: impl Into<String>) -> Node {
        if let Node::E(_, attrs, _) = &mut self {
            attrs.push((name.to_owned(), value.into()));
        }
        self
    }

    /// Adds a child.
    pub fn child(mut self, child: Node) -> Node {
        if let Node::E(_, _, children) = &mut self {
            children.push(child);
        }
        self
    }

    /// Adds a text child.
    pub fn push_text(self, text: impl Into<String>) -> Node {
        self.child(Node::T(text.into()))
    }

    /// Adds children.
    pub fn children(mut self, more: impl IntoIterator<Item = Node>) -> Node {
        if let Node::E(_, _, children) = &mut self {
            children.extend(more);
        }
        self
    }

    /// The text of the tree, as `textContent` would give it.
    pub fn text_content(&self) -> String {
        match self {
            Node::T(text) => text.clone(),
            Node::E(_, _, children) => children.iter().map(Node::text_content).collect(),
        }
    }

    /// Every element of the tree, depth first, that has attribute `name` equal to `value`.
    pub fn find_all<'a>(&'a self, name: &str, value: &str, out: &mut Vec<&'a Node>) {
        if let Node::E(_, attrs, children) = self {
            if attrs.iter().any(|(n, v)| n == name && v.split(' ').any(|v| v == value)) {
                out.push(self);
            }
            for child in children {
                child.find_all(name, value, out);
            }
        }
    }
}
