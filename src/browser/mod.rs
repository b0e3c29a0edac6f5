//! Browser glue: the only code besides event handlers that touches `window`, `document`,
//! `history`, storage, files or the network. Each concern has one small module; components call
//! these and stay free of direct browser calls in their render code.

pub mod author_module;
pub mod clipboard;
pub mod drop_paste;
pub mod extraction;
pub mod fetch;
pub mod file_reader;
pub mod hash_route;
pub mod page;
pub mod panic;
pub mod parent;
pub mod recent_store;
pub mod resize;
pub mod reveal;
pub mod scroll_memory;
pub mod storage;
pub mod text_file;
pub mod tree;
pub mod yield_to_input;
