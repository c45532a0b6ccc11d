//! The command line, run as a user would: `export`, `--help`, `--version`, and starting
//! without a path. `check` has its own file, `cli_check.rs`.

use crate::support;

use support::run;

// Starting without a path needs a terminal: that case is in `e2e.rs`.

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
    for expected in ["Get a copy of your data", "unzipped folder", "data folder"] {
        assert!(
            stdout.contains(expected),
            "--help lacks {expected:?}:\n{stdout}"
        );
    }
    let (code, stdout, _) = run(&["check", "--help"], dir.path());
    assert_eq!(code, 0);
    assert!(stdout.contains("--json"), "{stdout}");
    assert!(stdout.contains("export folder"), "{stdout}");
    let (code, stdout, _) = run(&["--version"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        stdout.trim_end(),
        format!("unconnect {}", env!("CARGO_PKG_VERSION"))
    );
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
