//! Counterpoint: who said what, side by side.
//!
//! The pure core (`model`, `validate`, `anchor`, `explorer`, `stats`, `route`, `embed`, `offsets`, `draft`,
//! `extract`) knows nothing about Leptos or the DOM and is tested natively. `ui` holds the thin
//! Leptos components and `browser` the glue that touches the page.

pub mod anchor;
pub mod draft;
pub mod embed;
pub mod explorer;
pub mod extract;
pub mod model;
pub mod offsets;
pub mod recent;
pub mod route;
pub mod seed;
pub mod stats;
pub mod validate;

pub mod browser;
pub mod ui;
