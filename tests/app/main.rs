//! The app's state, screens, History, Timeline, the writer and the layering: one test
//! binary, so `cargo test` links the crate once for all of them.

#[path = "../support/mod.rs"]
mod support;

mod app_update;
mod config;
mod history_app;
mod history_session;
mod history_withdrawn;
mod layers;
mod screens;
mod screens_keys_theme;
mod screens_signals;
mod screens_untrusted;
mod staged_session;
mod tab_keys;
mod timeline;
mod unsaved;
mod untrusted_links;
mod writer;
