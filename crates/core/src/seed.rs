//! The built-in default article, compiled into the app so it works with no network.

/// The seed article's JSON, as published under `public/articles/`.
pub const SEED_JSON: &str = include_str!("../../../public/articles/russia-us-syria-2016.json");
