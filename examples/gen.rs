//! Writes a realistic synthetic LinkedIn Connections.csv (invented people), and with
//! `--journal DIR` also a data folder whose journal removed every one of them in one
//! confirmation (for measuring how the app and `history` open a large journal).
//!
//!     cargo run --release --example gen -- 1000000 big.csv [SEED] [--journal DIR]
//!
//! `heavy` for ROWS writes a heavy networker's history instead: busy seasons and one
//! address-book accident (see `synthetic::heavy_networker_dates`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

use std::path::Path;

use unconnect::store::DataDir;
use unconnect::store::journal::{self, Journal};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let journal_dir = match args.iter().position(|a| a == "--journal") {
        Some(i) if i + 1 < args.len() => {
            let dir = args.remove(i + 1);
            args.remove(i);
            Some(dir)
        }
        Some(_) => fail("--journal needs a folder"),
        None => None,
    };
    let mut args = args.into_iter();
    let (Some(rows), Some(path)) = (args.next(), args.next()) else {
        fail("usage: gen ROWS OUTPUT.csv [SEED] [--journal DIR]");
    };
    if rows == "heavy" {
        let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2013);
        let dates = unconnect::synthetic::heavy_networker_dates(seed);
        let n = dates.len();
        let text = unconnect::synthetic::connections_csv_on(dates, n, seed);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("gen: {path}: {e}");
            std::process::exit(2);
        }
        eprintln!("wrote a heavy networker's {n} rows to {path}");
        return;
    }
    let Ok(rows) = rows.parse::<usize>() else {
        fail(&format!("gen: ROWS must be a number, not {rows:?}"));
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(2013);
    let text = unconnect::synthetic::connections_csv(rows, seed);
    if let Err(e) = std::fs::write(&path, &text) {
        fail(&format!("gen: {path}: {e}"));
    }
    eprintln!("wrote {rows} rows, {} bytes, to {path}", text.len());
    if let Some(dir) = journal_dir {
        journal_everyone(Path::new(&path), Path::new(&dir));
    }
}

/// Journals the removal of everyone in the export, as one confirmation does.
fn journal_everyone(export: &Path, dir: &Path) {
    let loaded = unconnect::import::load(export).unwrap_or_else(|e| fail(&format!("gen: {e}")));
    let people = &loaded.people;
    let all: Vec<u32> = people.ids().map(|id| id.0).collect();
    let data = DataDir::open_locked(dir).unwrap_or_else(|e| fail(&format!("gen: {e}")));
    let path = data.journal_path();
    let (mut j, _) = Journal::open(&path).unwrap_or_else(|e| fail(&format!("gen: {e}")));
    j.append(journal::removal_entries(people, &all, journal::now()))
        .unwrap_or_else(|e| fail(&format!("gen: {e}")));
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!(
        "journaled {} removals, {bytes} bytes, in {}",
        all.len(),
        path.display()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}
