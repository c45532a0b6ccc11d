//! The command line, run as a user would: `check`, `export`, `--help`, exit codes.

mod support;

use std::path::Path;

use support::{demo, run};

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn check_summarises_the_demo_export() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["check", demo().to_str().unwrap()], dir.path());
    assert_eq!(code, 0);
    for expected in [
        "format:      LinkedIn connections export, 2023 or later",
        "people:      293",
        "hidden:      10 hidden or closed profiles",
        "duplicates:  0 merged",
        "invitations: 30 outgoing, 10 incoming, 15 outgoing not yet connected",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
}

#[test]
fn check_json_has_the_documented_keys_and_exits_0_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["check", &data("bad_rows.csv"), "--json"], dir.path());
    assert_eq!(code, 0, "warnings do not fail the check");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["format"], "current");
    assert_eq!(v["people"], 2);
    assert_eq!(v["hidden"], 0);
    assert_eq!(v["duplicates"], 0);
    assert_eq!(v["skipped"][0]["line"], 6);
    assert_eq!(v["skipped"][1]["reason"], "expected 7 fields, found 8");
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    assert!(v["invitations"].is_null(), "no Invitations.csv beside it");

    let (_, stdout, _) = run(&["check", demo().to_str().unwrap(), "--json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["invitations"]["outgoing"], 30);
    assert_eq!(v["invitations"]["incoming"], 10);
    assert_eq!(v["invitations"]["pending"], 15);
}

#[test]
fn unreadable_input_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (path, says) in [
        (data("missing.csv"), "missing.csv: cannot open"),
        (
            data("not_linkedin.csv"),
            "not_linkedin.csv: not a LinkedIn Connections.csv export",
        ),
    ] {
        let (code, stdout, stderr) = run(&["check", &path], dir.path());
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("unconnect: ") && stderr.contains(says),
            "{stderr}"
        );
        // The app itself refuses the same way, before touching the terminal.
        let mut t = support::Term::spawn(&[&path], dir.path());
        assert_eq!(t.wait_exit().exit_code(), 2);
        let screen = t.screen();
        assert_eq!(screen.trim().lines().count(), 1, "{screen}");
        assert!(screen.contains(says), "{screen}");
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        assert!(!raw.contains("\x1b[?1049h"), "the screen was never entered");
    }
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["--help"], dir.path());
    assert_eq!(code, 0);
    for expected in [
        "Remove Connections",
        "check",
        "export",
        "--data-dir",
        "UNCONNECT_DATA_DIR",
        "0600",
    ] {
        assert!(
            stdout.contains(expected),
            "--help lacks {expected:?}:\n{stdout}"
        );
    }
    let (code, stdout, _) = run(&["--version"], dir.path());
    assert_eq!(code, 0);
    assert!(stdout.starts_with("unconnect "));
}

#[test]
fn export_of_an_empty_data_folder_is_just_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["export", "removed"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Removed On\r\n"
    );
    let out = dir.path().join("staged.csv");
    let (code, _, stderr) = run(
        &["export", "staged", "--excel", "-o", out.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with("\u{FEFF}First Name".as_bytes()),
        "--excel adds a BOM"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
