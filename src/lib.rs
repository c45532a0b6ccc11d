//! unconnect: LinkedIn's 2013 "Remove Connections" screen, offline, on your own data export.
//!
//! Layers, each importing only from the ones listed before it (a test checks it):
//! - [`model`]: people, invitations, the triage state and its rules; pure data;
//! - [`import`] reads the export (CSV, folder or zip) into the model, reporting every oddity;
//! - [`store`] keeps what the user did on disk: the journal, the staged sets, exports;
//! - [`session`] opens an export with what was staged and journaled before;
//! - [`app`]: the app's state, actions, `update` and effects; no terminal, no I/O;
//! - [`ui`]: widgets and layout over the app's state; draws only;
//! - [`runtime`]: the event loop, the filter worker and the writer thread;
//! - [`config`]: the config file, read into a keymap, a theme and rules;
//! - [`commands`] and [`cli`]: the non-interactive subcommands and the command line.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod import;
pub mod logging;
pub mod model;
pub mod runtime;
pub mod session;
pub mod store;
#[cfg(feature = "test-support")]
pub mod synthetic;
pub mod text_safety;
pub mod ui;
