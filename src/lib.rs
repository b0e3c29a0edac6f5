//! Counterpoint's browser app: the Leptos components (`ui`) and the glue that touches the page
//! (`browser`).
//!
//! The logic lives in `counterpoint-core` (format, validation, anchoring, explorer, side colours,
//! routes, drafts), re-exported here under its own module names. The extractor is not linked: the
//! authoring view runs it in a Web Worker with its own wasm module (`browser::extraction`).

#![recursion_limit = "256"]

pub use counterpoint_core::{
    anchor, annotations, collection, draft, embed, explorer, model, offsets, palette, recent, route, seed, stats, text,
    tree, validate, worker,
};

pub mod browser;
pub mod ui;
