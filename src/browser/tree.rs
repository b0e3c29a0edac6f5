//! Builds DOM nodes from a [`Node`] tree (the Coverage view the worker built): elements with
//! `createElement` and `setAttribute`, text with text nodes, never HTML. Tags outside
//! `tree::TAGS` and attributes `tree::allowed_attribute` refuses are dropped.
//!
//! A large view is built a part at a time, one batch of about 5 ms per animation frame, so no
//! single task holds the page; a part that crossed from the worker as JSON (`Node::Later`) is
//! read only then. The view built for a collection is kept, so coming back to it costs no
//! rebuilding.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::tree::{allowed_attribute, Node, TAGS};
use crate::worker::OpenedCollection;

/// How long one batch of building may take, in milliseconds.
const BATCH_MS: f64 = 5.0;

/// What is left to build: each part's parent element and its place in the tree.
type Work = Rc<RefCell<VecDeque<(Element, Vec<usize>)>>>;

thread_local! {
    /// The view built last, and the collection it shows.
    static BUILT: RefCell<Option<(Arc<OpenedCollection>, Element)>> = const { RefCell::new(None) };
}

/// Lets the kept view go, when its collection closes.
pub fn forget() {
    BUILT.with(|b| *b.borrow_mut() = None);
}

/// Shows `collection`'s Coverage view in `host`: the one already built for it, or a new one,
/// built over the next frames.
pub fn show_coverage(host: &Element, collection: Arc<OpenedCollection>) {
    let Some(document) = host.owner_document() else {
        return;
    };
    let built =
        BUILT.with(|b| b.borrow().as_ref().filter(|(c, _)| Arc::ptr_eq(c, &collection)).map(|(_, e)| e.clone()));
    host.set_text_content(None);
    if let Some(root) = built {
        let _ = host.append_child(&root);
        return;
    }
    let Some(root) = shell(&document, &collection.view) else {
        return;
    };
    let _ = host.append_child(&root);
    BUILT.with(|b| *b.borrow_mut() = Some((collection.clone(), root.clone())));
    let queue: VecDeque<(Element, Vec<usize>)> =
        (0..collection.view.child_nodes().len()).map(|i| (root.clone(), vec![i])).collect();
    let work = Rc::new(RefCell::new(queue));
    // Building starts on the next frame: this task already puts the rest of the page in place.
    leptos::prelude::request_animation_frame(move || build_batches(document, collection, root, work));
}

/// Builds for about `BATCH_MS`, then again on the next frame; the root gets `data-built` when all
/// is there (tests and scripts wait for it).
fn build_batches(document: Document, collection: Arc<OpenedCollection>, root: Element, work: Work) {
    let now = js_sys::Date::now;
    let start = now();
    while now() - start < BATCH_MS {
        let Some((parent, path)) = work.borrow_mut().pop_front() else {
            let _ = root.set_attribute("data-built", "");
            return;
        };
        let node = at(&collection.view, &path);
        if node.builds_whole() {
            if let Some(built) = build(&document, node, &collection) {
                let _ = parent.append_child(&built);
            }
            continue;
        }
        // A large part: its element now, its children in turn.
        let Some(element) = shell(&document, node) else { continue };
        let _ = parent.append_child(&element);
        let mut queue = work.borrow_mut();
        for i in 0..node.child_nodes().len() {
            let mut child = path.clone();
            child.push(i);
            queue.push_back((element.clone(), child));
        }
    }
    if work.borrow().is_empty() {
        let _ = root.set_attribute("data-built", "");
    } else {
        leptos::prelude::request_animation_frame(move || build_batches(document, collection, root, work));
    }
}

fn at<'a>(root: &'a Node, path: &[usize]) -> &'a Node {
    path.iter().fold(root, |node, &i| &node.child_nodes()[i])
}

/// The element alone, with its attributes and without its children.
fn shell(document: &Document, node: &Node) -> Option<Element> {
    let Node::E(tag, attrs, _) = node else { return None };
    if !TAGS.contains(&tag.as_str()) {
        return None;
    }
    let element = document.create_element(tag).ok()?;
    for (name, value) in attrs.iter().filter(|(n, v)| allowed_attribute(n, v)) {
        let _ = element.set_attribute(name, value);
    }
    Some(element)
}

/// `tree` as DOM nodes; its `Node::Later` parts are `collection`'s.
fn build(document: &Document, tree: &Node, collection: &OpenedCollection) -> Option<web_sys::Node> {
    match tree {
        Node::T(text) => Some(document.create_text_node(text).unchecked_into()),
        Node::E(..) => {
            let element = shell(document, tree)?;
            for child in tree.child_nodes() {
                if let Some(node) = build(document, child, collection) {
                    let _ = element.append_child(&node);
                }
            }
            Some(element.unchecked_into())
        }
        // The worker wrote it, so it reads; were it not to, the view lacks that part, and says so
        // in the console.
        Node::Later(i) => match collection.view_part(*i) {
            Ok(part) => build(document, &part, collection),
            Err(message) => {
                web_sys::console::warn_1(&message.into());
                None
            }
        },
    }
}
