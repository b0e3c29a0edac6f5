//! Nothing to link: the test is `tests/schema.rs`, with its checker scripts `check.py` and
//! `check.mjs` beside this folder.
