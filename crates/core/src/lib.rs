//! Counterpoint's pure core: the article format v1 (`model`), its validation (`validate`),
//! anchoring quotes in the body (`anchor`), the explorer's view model (`explorer`, `stats`), the
//! sides' colours (`palette`), the
//! URL state (`route`, `embed`), the recent list (`recent`), the authoring view's draft as data
//! (`draft`, `text`), the messages between the app and its extraction worker (`worker`) and the
//! anchored quotes as W3C Web Annotations (`annotations`), and which quotes across articles are the
//! same statement and how their wordings differ (`statements`).
//!
//! **Invariant:** this crate knows nothing about Leptos, `web_sys` or the DOM; it depends on serde
//! alone, and everything in it is tested natively.

pub mod anchor;
pub mod annotations;
pub mod collection;
pub mod coverage;
pub mod coverage_view;
pub mod draft;
pub mod embed;
pub mod explorer;
pub mod model;
pub mod offsets;
pub mod palette;
pub mod recent;
pub mod route;
pub mod seed;
pub mod statements;
pub mod stats;
pub mod text;
pub mod tree;
pub mod validate;
pub mod worker;
