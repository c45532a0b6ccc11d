//! The non-interactive subcommands.

pub mod check;
pub mod export;
