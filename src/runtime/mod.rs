//! The runtime: the event loop, and the threads that keep long work off the UI thread
//! (the filter worker, the writer that does every disk write). It turns terminal events
//! into actions, hands them to `App::update`, carries out the effects, and draws with
//! the `ui` widgets.

pub mod clipboard;
pub mod effects;
pub mod event_loop;
pub mod filter_worker;
pub mod input;
mod opener;
pub mod paths;
pub mod terminal;
pub mod writer;

pub use event_loop::{Finished, RunError, Settings, run};
