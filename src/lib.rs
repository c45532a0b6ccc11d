//! unconnect: LinkedIn's 2013 "Remove Connections" screen, offline, on your own data export.
//!
//! - [`import`] reads the export (CSV, folder or zip) into the model, reporting every oddity;
//! - [`model`] holds people, invitations and the triage state, with no terminal in sight;
//! - [`store`] keeps what the user did on disk: the journal, the staged set, exports;
//! - [`ui`] turns keys and mouse into actions and draws the state with ratatui.

pub mod cli;
pub mod commands;
pub mod error;
pub mod import;
pub mod model;
pub mod session;
pub mod store;
pub mod synthetic;
pub mod text_safety;
pub mod ui;
