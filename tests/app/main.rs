//! The app's state, screens, History, Timeline, the writer and the layering: one test
//! binary, so `cargo test` links the crate once for all of them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

#[path = "../support/mod.rs"]
mod support;

mod app_update;
mod config;
mod confirm_scroll;
mod drawing;
mod export_prompt;
mod filter_line;
mod fixtures;
mod footer_ranks;
mod footer_room;
mod full_demo;
mod headings;
mod history_app;
mod history_batch;
mod history_cursor;
mod history_fixtures;
mod history_header;
mod history_large;
mod history_ledger;
mod history_reading;
mod history_session;
mod history_withdrawn;
mod history_words;
mod invitation_links;
mod keep_list;
mod keys;
mod layers;
mod line_editing;
mod namesakes;
mod opening_words;
mod privacy_note;
mod remembered_view;
mod screens;
mod screens_keys_theme;
mod screens_signals;
mod screens_untrusted;
mod selection;
mod since_session;
mod sort_menu;
mod sorting;
mod staged_session;
mod tab_keys;
mod tab_messages;
mod table;
mod timeline;
mod timeline_new;
mod timeline_view;
mod unsaved;
mod untrusted_links;
mod writer;
