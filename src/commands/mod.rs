//! The non-interactive subcommands.

pub mod check;
