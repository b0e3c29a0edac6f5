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

/// A part with more nodes than this is built as its element first, then its children in turn;
/// a smaller one is built whole (`browser::tree`), and crosses from the worker as a text of its
/// own ([`Node::split_parts`]).
pub const PART_NODES: usize = 300;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Node {
    /// A text node.
    T(String),
    /// An element: tag, attributes, children.
    E(String, Vec<(String, String)>, Vec<Node>),
    /// A part kept as JSON until it is built: the index of its text among the parts
    /// [`split_parts`](Node::split_parts) took out.
    Later(usize),
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

    /// The text of the tree, as `textContent` would give it (without parts still kept as JSON).
    pub fn text_content(&self) -> String {
        match self {
            Node::T(text) => text.clone(),
            Node::E(_, _, children) => children.iter().map(Node::text_content).collect(),
            Node::Later(_) => String::new(),
        }
    }

    pub fn child_nodes(&self) -> &[Node] {
        match self {
            Node::E(_, _, children) => children,
            Node::T(_) | Node::Later(_) => &[],
        }
    }

    /// How many nodes the tree holds.
    pub fn size(&self) -> usize {
        1 + self.child_nodes().iter().map(Node::size).sum::<usize>()
    }

    /// Takes every largest element of at most [`PART_NODES`] nodes below the root out of the
    /// tree as JSON, leaving `Later(i)` where the `i`th text came from: what the page builds in
    /// one piece, it then reads in one piece, when it builds it, instead of reading the whole
    /// view at once.
    pub fn split_parts(&mut self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Node::E(_, _, children) = self {
            for child in children {
                child.split_into(&mut parts);
            }
        }
        parts
    }

    fn split_into(&mut self, parts: &mut Vec<String>) {
        if !matches!(self, Node::E(..)) {
            return;
        }
        if self.size() > PART_NODES {
            if let Node::E(_, _, children) = self {
                for child in children {
                    child.split_into(parts);
                }
            }
            return;
        }
        // Plain data with string keys always serialises.
        let json = serde_json::to_string(self).unwrap_or_default();
        *self = Node::Later(parts.len());
        parts.push(json);
    }

    /// Whether the page builds this node in one step (`browser::tree`): a part kept as JSON (small
    /// by construction), or a small node holding none (each counts as one node here, though it
    /// may hold hundreds). Any other is built as its element, then its children in turn.
    pub fn builds_whole(&self) -> bool {
        matches!(self, Node::Later(_)) || (self.size() <= PART_NODES && self.later_parts() == 0)
    }

    /// How many parts the tree still keeps as JSON.
    pub fn later_parts(&self) -> usize {
        match self {
            Node::Later(_) => 1,
            _ => self.child_nodes().iter().map(Node::later_parts).sum(),
        }
    }

    /// Reads a part [`split_parts`](Node::split_parts) took out.
    pub fn read_part(parts: &[String], i: usize) -> Result<Node, String> {
        let json = parts.get(i).ok_or_else(|| format!("the view has no part {i}"))?;
        serde_json::from_str(json).map_err(|e| format!("part {i} of the view is unreadable: {e}"))
    }

    /// Puts back every part [`split_parts`](Node::split_parts) took out.
    pub fn join_parts(&mut self, parts: &[String]) -> Result<(), String> {
        self.join_parts_with(&|i| Node::read_part(parts, i))
    }

    /// Puts back every part, each read by `read(i)`.
    pub fn join_parts_with(&mut self, read: &dyn Fn(usize) -> Result<Node, String>) -> Result<(), String> {
        match self {
            Node::Later(i) => *self = read(*i)?,
            Node::E(_, _, children) => {
                for child in children {
                    child.join_parts_with(read)?;
                }
            }
            Node::T(_) => {}
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of `n` items, each a paragraph with a text.
    fn list(n: usize) -> Node {
        Node::el("ul").children((0..n).map(|i| Node::el("li").child(Node::el("p").push_text(format!("item {i}")))))
    }

    #[test]
    fn a_large_tree_splits_into_parts_the_page_builds_whole_and_joins_back() {
        // 1 + 2 + (1 + 90 × 3) + 1 + (1 + 400 × 3) nodes: the first list (271) is one part, the second too
        // large, so each of its items is a part; the heading's text stays in place.
        let tree = Node::el("section")
            .child(Node::el("h2").push_text("Title"))
            .child(list(90))
            .child(Node::el("div").child(list(400)));
        let mut split = tree.clone();
        let parts = split.split_parts();
        assert_eq!(parts.len(), 2 + 400, "the heading, the small list, and each item of the large one");
        assert_eq!(split.later_parts(), parts.len());
        assert!(split.size() < 420, "the skeleton is small: {}", split.size());
        assert!(matches!(&split.child_nodes()[1], Node::Later(1)));
        assert!((0..parts.len()).all(|i| Node::read_part(&parts, i).is_ok()));
        assert_eq!(Node::read_part(&parts, 1).unwrap(), list(90));
        let mut joined = split.clone();
        joined.join_parts(&parts).unwrap();
        assert_eq!(joined, tree);
        // A part that is missing or unreadable says which.
        assert_eq!(split.clone().join_parts(&parts[..3]).unwrap_err(), "the view has no part 3");
        let mut broken = parts.clone();
        broken[0] = "[".to_owned();
        assert!(split.join_parts(&broken).unwrap_err().starts_with("part 0 of the view is unreadable"));
        // Built as the page builds it, no step makes more than PART_NODES nodes, even where
        // many parts sit under one small skeleton node.
        let mut wide = Node::el("section").child(Node::el("ol").children((0..250).map(|_| list(8))));
        let parts = wide.split_parts();
        assert_eq!(wide.size(), 252, "the skeleton holds 250 parts under one list");
        fn steps(node: &Node, parts: &[String], out: &mut Vec<usize>) {
            match node {
                Node::Later(i) => out.push(Node::read_part(parts, *i).unwrap().size()),
                _ if node.builds_whole() => {
                    let mut whole = node.clone();
                    whole.join_parts(parts).unwrap();
                    out.push(whole.size());
                }
                _ => node.child_nodes().iter().for_each(|c| steps(c, parts, out)),
            }
        }
        let mut sizes = Vec::new();
        steps(&wide, &parts, &mut sizes);
        assert_eq!(sizes.len(), 250);
        assert!(sizes.iter().all(|&n| n <= PART_NODES), "{sizes:?}");
        // A small tree keeps nothing back but its root's children.
        let mut small = Node::el("p").push_text("x");
        assert!(small.split_parts().is_empty(), "text is never a part");
    }
}
