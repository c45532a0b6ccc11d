//! The opening status counts what `unconnect check` lists, in its words: lines skipped
//! apart from warnings, both files' together.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use unconnect::app::strings::opening_status;
use unconnect::commands::check::Summary;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// An export folder: `bad_rows.csv` (two lines skipped, one unreadable date) as its
/// Connections, and an Invitations.csv with one line too short to read.
fn export(root: &Path) -> std::path::PathBuf {
    let dir = root.join("export");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(
        Path::new(FIXTURES).join("bad_rows.csv"),
        dir.join("Connections.csv"),
    )
    .unwrap();
    let mut invitations =
        fs::read_to_string(Path::new(FIXTURES).join("invitations_current.csv")).unwrap();
    invitations.push_str("Me Example,Too Short\n");
    fs::write(dir.join("Invitations.csv"), invitations).unwrap();
    dir
}

#[test]
fn the_opening_status_counts_lines_skipped_apart_from_warnings_as_check_does() {
    let root = tempfile::tempdir().unwrap();
    let path = export(root.path());
    let summary_export = unconnect::import::load(&path).unwrap();
    let summary = Summary::of(&summary_export);
    assert_eq!((summary.skipped.len(), summary.warnings.len()), (3, 1));

    let data = root.path().join("data");
    let session =
        crate::support::open_session(&path, &data, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
    let (status, warning) = opening_status(&session.loaded.report);
    assert!(
        status.ends_with("(3 lines skipped, 1 warning: see `unconnect check`)"),
        "{status}"
    );
    assert!(warning, "lines skipped are a reason to look: {status}");
}
