//! Browser glue: the only code besides event handlers that touches `window`, `document` or
//! `history`. Each concern has one small module; components call these and stay free of direct
//! browser calls in their render code.

pub mod hash_route;
pub mod panic;
pub mod reveal;
pub mod storage;
pub mod text_file;
