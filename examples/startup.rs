//! Times the real binary as a person sees it: from launch until the screen first shows
//! something, until it shows the loaded export, and how long a typed filter takes to show
//! its first matches and all of them. Runs in a pseudo-terminal; prints medians of
//! several runs.
//!
//!     cargo build --release && cargo run --release --example startup -- big.csv [RUNS]

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

// The perf report's launcher, shared: this example is its screen timings alone.
#[path = "perf-report/memory.rs"]
#[allow(dead_code)] // the perf report's other measures
mod memory;
#[path = "perf-report/pty.rs"]
#[allow(dead_code)] // the perf report's launch from a fresh copy of itself
mod pty;

use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(export) = args.next() else {
        eprintln!("usage: startup EXPORT [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("unconnect")))
        .unwrap_or_else(|| PathBuf::from("unconnect"));
    let mut first = Vec::new();
    let mut loaded = Vec::new();
    let mut first_matches = Vec::new();
    let mut filtered = Vec::new();
    for _ in 0..runs {
        let (f, l, m, q) = once(&bin, &export);
        first.push(f);
        loaded.push(l);
        first_matches.push(m);
        filtered.push(q);
    }
    println!(
        "first frame:    {:>8.1} ms (median of {runs})",
        median(&mut first)
    );
    println!("usable screen:  {:>8.1} ms", median(&mut loaded));
    println!(
        "filter, first:  {:>8.1} ms after typing \"/contoso\"",
        median(&mut first_matches)
    );
    println!("filter, all:    {:>8.1} ms", median(&mut filtered));
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn once(bin: &Path, export: &str) -> (f64, f64, f64, f64) {
    let data = std::env::temp_dir().join(format!("unconnect-startup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let launch = pty::launch(bin, export.as_ref(), &data, true);
    let _ = std::fs::remove_dir_all(&data);
    let (first_matches, filter) = launch.filter.expect("the filter was typed");
    (launch.first_frame, launch.usable, first_matches, filter)
}
