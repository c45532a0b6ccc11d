//! The real binary: subcommands, and the app in a pseudo-terminal read like a person would.
//! One test binary, so `cargo test` links the crate once for all of them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod cli_check;
mod cli_config;
mod cli_data_files;
mod cli_export;
mod cli_first_hour;
mod cli_history;
mod cli_install;
mod cli_logging;
mod cli_reconcile_evidence;
mod cli_stage;
mod cli_stage_replace;
mod cli_typo;
mod e2e;
mod e2e_batch;
mod e2e_history;
mod e2e_keep;
mod e2e_links;
mod e2e_privacy;
mod e2e_prompt;
mod e2e_terminal;
mod e2e_view;
mod readme;
mod readme_since;
mod store_kill;
