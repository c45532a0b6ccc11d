//! `unconnect check PATH [--json]`, run as the real binary the way a user would: what it
//! prints, its JSON, and its exit codes (0 when the export was read, even with warnings;
//! 2 with one line on stderr when it was not).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::support;

const BIN: &str = support::BIN;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `cwd`, with its data folder inside `cwd` so nothing outside is used.
fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("UNCONNECT_DATA_DIR", cwd.join("unconnect-data"))
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn run(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), args)
}

fn check(path: &Path, extra: &[&str]) -> Run {
    let path = path.to_str().unwrap();
    let mut args = vec!["check", path];
    args.extend(extra);
    run(&args)
}

fn check_json(path: &Path) -> Value {
    let r = check(path, &["--json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stderr, "");
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// A folder with current.csv as Connections.csv and invitations_current.csv beside it.
fn export_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("current.csv"), dir.path().join("Connections.csv")).unwrap();
    fs::copy(
        fixture("invitations_current.csv"),
        dir.path().join("Invitations.csv"),
    )
    .unwrap();
    dir
}

fn assert_lines(stdout: &str, expected: &[&str]) {
    for line in expected {
        assert!(
            stdout.lines().any(|l| l.starts_with(line)),
            "no line starting {line:?} in:\n{stdout}"
        );
    }
}

#[test]
fn text_summary_of_an_export_folder() {
    let dir = export_folder();
    let r = check(dir.path(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_lines(
        &r.stdout,
        &[
            "file:        ",
            "format:      LinkedIn connections export, 2023 or later (with URL column) [Notes preamble]",
            "people:      3",
            "hidden:      1 hidden or closed profiles",
            "duplicates:  0 merged",
            "skipped:     0 lines",
            "warnings:    0",
            "invitations: 3 outgoing, 1 incoming, 1 outgoing not yet connected",
        ],
    );
}

#[test]
fn text_lists_skipped_lines_and_warnings_and_still_exits_0() {
    let r = check(&fixture("bad_rows.csv"), &[]);
    assert_eq!(
        r.code,
        Some(0),
        "warnings do not fail the check: {}",
        r.stderr
    );
    assert_lines(
        &r.stdout,
        &[
            "people:      3",
            "skipped:     2 lines",
            "  line 7: expected 7 fields, found 3",
            "  line 8: expected 7 fields, found 8",
            "warnings:    1",
            "invitations: no Invitations.csv found",
        ],
    );
    assert!(
        r.stdout
            .contains("line 9: unreadable date \"sometime in 2020\""),
        "{}",
        r.stdout
    );
}

#[test]
fn text_names_each_layout() {
    for (name, format) in [
        ("no_url_pre2023.csv", "before mid-2023 (no URL column)"),
        ("outlook_2012.csv", "2012 Outlook contacts export"),
        ("excel_resave.csv", "byte-order mark, CRLF line endings"),
        ("windows1252.csv", "Windows-1252 encoding"),
    ] {
        let r = check(&fixture(name), &[]);
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        let line = r.stdout.lines().nth(1).unwrap_or_default();
        assert!(
            line.starts_with("format:") && line.contains(format),
            "{name}: {line}"
        );
    }
}

#[test]
fn json_has_the_documented_keys() {
    let v = check_json(&fixture("bad_rows.csv"));
    for key in [
        "format",
        "people",
        "hidden",
        "duplicates",
        "skipped",
        "warnings",
        "invitations",
    ] {
        assert!(v.get(key).is_some(), "no {key:?} in {v}");
    }
    assert_eq!(v["format"], "current");
    assert_eq!(v["people"], 3);
    assert_eq!(v["hidden"], 0);
    assert_eq!(v["duplicates"], 0);
    assert_eq!(
        v["skipped"],
        serde_json::json!([
            {"line": 7, "reason": "expected 7 fields, found 3"},
            {"line": 8, "reason": "expected 7 fields, found 8"},
        ])
    );
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    let w = warnings[0].as_str().unwrap();
    assert!(w.contains("bad_rows.csv") && w.contains("line 9"), "{w}");
    assert!(v["invitations"].is_null(), "no Invitations.csv beside it");
}

#[test]
fn json_counts_for_each_layout() {
    let cases = [
        ("current.csv", "current", 3, 1, 0),
        ("no_url_pre2023.csv", "no-url", 3, 0, 0),
        ("excel_resave.csv", "current", 2, 1, 0),
        ("dates_2018.csv", "no-url", 2, 0, 0),
        ("outlook_2012.csv", "outlook2012", 3, 0, 0),
        ("windows1252.csv", "current", 2, 0, 0),
        ("duplicates.csv", "current", 3, 0, 1),
    ];
    for (name, format, people, hidden, duplicates) in cases {
        let v = check_json(&fixture(name));
        assert_eq!(v["format"], format, "{name}");
        assert_eq!(v["people"], people, "{name}");
        assert_eq!(v["hidden"], hidden, "{name}");
        assert_eq!(v["duplicates"], duplicates, "{name}");
        assert!(v["skipped"].as_array().unwrap().is_empty(), "{name}");
    }
    // The encoding warning is in the JSON and the exit code is still 0.
    let v = check_json(&fixture("windows1252.csv"));
    let warnings = v["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("Windows-1252")),
        "{v}"
    );
}

#[test]
fn json_invitation_counts() {
    let dir = export_folder();
    let v = check_json(dir.path());
    let inv = &v["invitations"];
    assert_eq!(inv["outgoing"], 3, "{v}");
    assert_eq!(inv["incoming"], 1, "{v}");
    assert_eq!(inv["pending"], 1, "{v}");

    // --invitations gives the file explicitly.
    let r = check(
        &fixture("no_url_pre2023.csv"),
        &[
            "--json",
            "--invitations",
            fixture("invitations_old.csv").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (
            &v["invitations"]["outgoing"],
            &v["invitations"]["incoming"],
            &v["invitations"]["pending"]
        ),
        (&Value::from(2), &Value::from(1), &Value::from(1))
    );
}

#[test]
fn check_reads_the_zip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    for (name, file) in [
        ("Connections.csv", "current.csv"),
        ("Invitations.csv", "invitations_current.csv"),
    ] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&fs::read(fixture(file)).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    let v = check_json(&path);
    assert_eq!(v["people"], 3);
    assert_eq!(v["invitations"]["pending"], 1);
    let file = v["file"].as_str().unwrap();
    assert!(
        file.contains("Basic_LinkedInDataExport_11-28-2026.zip")
            && file.contains("Connections.csv"),
        "{file}"
    );
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "nothing extracted next to the zip");
}

#[test]
fn a_relative_connections_csv_finds_the_invitations_beside_it() {
    // `cd Basic_LinkedInDataExport && unconnect check Connections.csv`
    let dir = export_folder();
    for path in ["Connections.csv", "./Connections.csv", "."] {
        let r = run_in(dir.path(), &["check", path]);
        assert_eq!(r.code, Some(0), "{path}: {}", r.stderr);
        assert_lines(
            &r.stdout,
            &["invitations: 3 outgoing, 1 incoming, 1 outgoing not yet connected"],
        );
    }
}

/// Exit code 2, nothing on stdout, exactly one line on stderr naming the file.
fn assert_refused(r: &Run, file: &str, says: &str) {
    assert_eq!(r.code, Some(2), "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "", "nothing on stdout");
    assert_eq!(r.stderr.lines().count(), 1, "one line: {:?}", r.stderr);
    assert!(r.stderr.ends_with('\n'));
    let line = r.stderr.trim_end();
    assert!(line.starts_with("unconnect: "), "{line}");
    assert!(line.contains(file), "{line} does not name {file}");
    assert!(line.contains(says), "{line} does not say {says:?}");
}

#[test]
fn a_missing_path_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let r = run_in(dir.path(), &["check", path.to_str().unwrap()]);
    assert_refused(&r, &path.display().to_string(), "cannot open");
    let r = run_in(dir.path(), &["check", "Connections.csv", "--json"]);
    assert_refused(&r, "Connections.csv", "cannot open");
}

#[test]
fn a_csv_that_is_not_linkedin_exits_2_with_one_line() {
    let path = fixture("not_linkedin.csv");
    for extra in [&[][..], &["--json"][..]] {
        let r = check(&path, extra);
        assert_refused(
            &r,
            &path.display().to_string(),
            "not a LinkedIn Connections.csv export",
        );
        assert!(
            r.stderr.contains("First Name, Last Name") && r.stderr.contains("\"description\""),
            "expected and found columns: {}",
            r.stderr
        );
    }
}

#[test]
fn every_unreadable_input_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("x.zip");
    fs::write(&garbage, b"PK\x03\x04 but then nothing a zip should hold").unwrap();
    let empty_folder = dir.path().join("Basic_LinkedInDataExport");
    fs::create_dir(&empty_folder).unwrap();
    for (path, says) in [
        (fixture("empty.csv"), "empty"),
        (fixture("preamble_only.csv"), "only the Notes preamble"),
        (garbage, "not a readable zip"),
        (empty_folder, "no Connections.csv in this folder"),
    ] {
        let r = check(&path, &[]);
        assert_refused(&r, &path.display().to_string(), says);
    }
}

#[test]
fn escape_sequences_from_the_export_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    // A file name and a date that carry a clear-screen and a clipboard write.
    let path = dir.path().join("Connections\u{1b}[2J.csv");
    fs::write(
        &path,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Eve,Example,https://www.linkedin.com/in/eve,,,,\u{1b}]52;c;aGk=\u{7}\n\
         short\u{9b}31m,row\n",
    )
    .unwrap();
    let r = check(&path, &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        !r.stdout
            .chars()
            .any(|c| c.is_control() && c != '\n' || c == '\u{9b}'),
        "{:?}",
        r.stdout
    );
    assert!(r.stdout.contains("Connections␛[2J.csv"), "{}", r.stdout);
    let json = check(&path, &["--json"]);
    assert!(!json.stdout.contains('\u{9b}') && !json.stdout.contains('\u{1b}'));
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        v["file"]
            .as_str()
            .unwrap()
            .contains("Connections\u{1b}[2J.csv")
    );
}

#[test]
fn text_says_which_date_order_was_assumed_for_a_european_resave() {
    let r = check(&fixture("european_resave.csv"), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_lines(
        &r.stdout,
        &[
            "people:      3",
            "dates:       day first (\"03.04.2021\" is 3 April 2021), as the file's dates show",
            "warnings:    1",
        ],
    );
    assert!(
        r.stdout
            .contains("[semicolon-separated, CRLF line endings, Windows-1252 encoding]"),
        "{}",
        r.stdout
    );
    let v = check_json(&fixture("european_resave.csv"));
    assert_eq!(v["date_order"]["order"], "day-first");
    assert_eq!(v["date_order"]["from_values"], true);
}

#[test]
fn an_invitations_csv_given_as_the_export_is_named_as_such() {
    let r = check(&fixture("invitations_current.csv"), &[]);
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("invitations_current.csv: this is the export's Invitations.csv, not its Connections.csv: give the unzipped export folder or the zip, which hold both"),
        "{}",
        r.stderr
    );
}

#[test]
fn text_and_json_summarise_the_demo_export() {
    let r = check(&support::demo(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_lines(
        &r.stdout,
        &[
            "format:      LinkedIn connections export, 2023 or later",
            "people:      293",
            "hidden:      10 hidden or closed profiles",
            "duplicates:  0 merged",
            "invitations: 30 outgoing, 10 incoming, 15 outgoing not yet connected",
            "bursts:      1 (at most a week far busier than your usual rate around it: an address book invited at once?)",
            "  2024-03-12 to 2024-03-14: 62 connections",
            "busy periods: none",
        ],
    );
    let v = check_json(&support::demo());
    assert_eq!(
        v["bursts"],
        serde_json::json!([{"from": "2024-03-12", "to": "2024-03-14", "count": 62}])
    );
    assert_eq!(v["busy_periods"], serde_json::json!([]));
    assert_eq!(v["invitations"]["outgoing"], 30);
    assert_eq!(v["invitations"]["incoming"], 10);
    assert_eq!(v["invitations"]["pending"], 15);
}

#[test]
fn the_app_refuses_unreadable_input_the_same_way_before_touching_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for (path, says) in [
        (dir.path().join("missing.csv"), "cannot open"),
        (
            fixture("not_linkedin.csv"),
            "not a LinkedIn Connections.csv export",
        ),
    ] {
        // In a terminal, as a user starts it: one line, exit 2, the screen never entered.
        let mut t = support::Term::spawn(&[path.to_str().unwrap()], dir.path());
        assert_eq!(t.wait_exit().exit_code(), 2);
        let screen = t.screen();
        assert_eq!(screen.trim().lines().count(), 1, "{screen}");
        assert!(screen.contains(says), "{screen}");
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        assert!(!raw.contains("\x1b[?1049h"), "the screen was never entered");
    }
}
