//! Builds DOM nodes from a [`Node`] tree (the Coverage view the worker built): elements with
//! `createElement` and `setAttribute`, text with text nodes, never HTML. Tags outside
//! `tree::TAGS` and attributes `tree::allowed_attribute` refuses are dropped.

use wasm_bindgen::JsCast;
use web_sys::Document;

use crate::tree::{allowed_attribute, Node, TAGS};

/// Replaces the children of `host` with `tree`.
pub fn render_into(host: &web_sys::Element, tree: &Node) {
    let Some(document) = host.owner_document() else {
        return;
    };
    host.set_text_content(None);
    if let Some(node) = build(&document, tree) {
        let _ = host.append_child(&node);
    }
}

fn build(document: &Document, tree: &Node) -> Option<web_sys::Node> {
    match tree {
        Node::T(text) => Some(document.create_text_node(text).unchecked_into()),
        Node::E(tag, attrs, children) => {
            if !TAGS.contains(&tag.as_str()) {
                return None;
            }
            let element = document.create_element(tag).ok()?;
            for (name, value) in attrs.iter().filter(|(n, v)| allowed_attribute(n, v)) {
                let _ = element.set_attribute(name, value);
            }
            for child in children {
                if let Some(node) = build(document, child) {
                    let _ = element.append_child(&node);
                }
            }
            Some(element.unchecked_into())
        }
    }
}
