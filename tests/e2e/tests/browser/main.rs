//! The browser tests: the built app in headless Chromium over WebDriver, one module per area.
//! One test binary, so that its threads share out every test (a binary per file made each file
//! wait for its slowest test) and the harness is compiled and linked once.

mod a11y;
mod annotations;
mod author;
mod bundle;
mod coverage;
mod display;
mod embed;
mod explorer;
mod harness;
mod loading;
mod long;
mod offline;
mod phone;
mod prerender;
mod strip;
mod worker;
