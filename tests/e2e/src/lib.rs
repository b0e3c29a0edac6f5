//! Support for the end-to-end tests: a static file server, a small WebDriver client and a harness
//! that starts chromedriver with the flags these machines need.
//!
//! Everything here uses std only, so the suite compiles in seconds.

pub mod base64;
pub mod corpus;
pub mod harness;
pub mod server;
pub mod webdriver;
