//! Shared set-up for the benchmarks: generated exports, loaded once.

#![allow(dead_code)] // each bench uses part of this

use std::path::PathBuf;

use chrono::NaiveDate;
use unconnect::app::App;
use unconnect::model::roster::people_triage;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default()
}

/// A generated Connections.csv of `rows` rows in a temp dir (kept alive by the guard).
pub fn export_file(rows: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Connections.csv");
    std::fs::write(&path, unconnect::synthetic::connections_csv(rows, 2013)).expect("write export");
    (dir, path)
}

/// An app over `rows` generated people, as after start-up.
pub fn app(rows: usize) -> App {
    let (_dir, path) = export_file(rows);
    let export = unconnect::import::load(&path).expect("generated export loads");
    let triage = people_triage(&export.people);
    App::new(export.people, triage, today())
}
