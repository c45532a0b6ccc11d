//! Reading exports: every layout, container, refusal and limit, and the joins.
//! One test binary, so `cargo test` links the crate once for all of them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

#[path = "../import_common/mod.rs"]
mod import_common;

mod check_bursts;
mod import_containers;
mod import_formats;
mod import_invitations;
mod import_limits;
mod import_props;
mod import_props_structured;
mod import_real_shapes;
mod import_refusals;
mod pending_join;
mod signals_by_name;
mod signals_join;
