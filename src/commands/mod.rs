//! The non-interactive subcommands.

pub mod check;
pub mod diff;
pub mod drafts;
pub mod export;
pub mod history;
pub mod man;
pub mod reconcile;
pub mod stage;
