//! Times the real binary as a person sees it: from launch until the screen first shows
//! something, until it shows the loaded export, and how long a typed filter takes to show
//! its first matches and all of them. Runs in a pseudo-terminal; prints medians of
//! several runs.
//!
//!     cargo build --release && cargo run --release --example startup -- big.csv [RUNS]

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

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

fn once(bin: &PathBuf, export: &str) -> (f64, f64, f64, f64) {
    let data = std::env::temp_dir().join(format!("unconnect-startup-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 140,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(bin);
    cmd.args([export, "--data-dir", data.to_str().unwrap_or_default()]);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let rows = std::num::NonZeroU16::new(40).expect("40 rows");
    let cols = std::num::NonZeroU16::new(140).expect("140 columns");
    let out = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    let sink = Arc::clone(&out);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut out) = sink.lock() {
                out.process(&buf[..n]);
            }
        }
    });
    let seen = |text: &str| {
        out.lock()
            .is_ok_and(|o| o.screen().contents().contains(text))
    };
    let wait = |what: &dyn Fn() -> bool| {
        while !what() {
            assert!(start.elapsed() < Duration::from_secs(60), "timed out");
            std::thread::sleep(Duration::from_micros(500));
        }
        start.elapsed().as_secs_f64() * 1e3
    };
    // The first frame: the loading gauge or the loaded screen, whichever comes first.
    let first = wait(&|| seen("unconnect"));
    // The loaded screen names its sort order; the loading screen does not.
    let loaded = wait(&|| seen("newest first"));
    let typed = Instant::now();
    let _ = writer.write_all(b"/contoso");
    let _ = writer.flush();
    let until = |what: &dyn Fn() -> bool| {
        while !what() {
            assert!(
                typed.elapsed() < Duration::from_secs(60),
                "filter never showed"
            );
            std::thread::sleep(Duration::from_micros(500));
        }
        typed.elapsed().as_secs_f64() * 1e3
    };
    // Matches on screen (a large list's are still streaming in)...
    let first_matches = until(&|| seen("/ contoso") && seen(" of ") && !seen("(0 of"));
    // ...and all of them.
    let filter = until(&|| seen("/ contoso") && seen(" of ") && !seen("searching"));
    // Esc and q apart: together a terminal reads them as Alt-q.
    let _ = writer.write_all(b"\x1b");
    let _ = writer.flush();
    std::thread::sleep(Duration::from_millis(100));
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&data);
    (first, loaded, first_matches, filter)
}
