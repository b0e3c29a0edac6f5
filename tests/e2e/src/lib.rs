//! Support for the end-to-end tests: a static file server, a small WebDriver client and a harness
//! that starts chromedriver with the flags these machines need.
//!
//! Beyond std, it uses only serde_json, base64 and percent-encoding, so the suite compiles in seconds
//! (ARCHITECTURE.md, Testing, says why the server and the client are our own).

pub mod corpus;
pub mod harness;
pub mod server;
pub mod webdriver;
