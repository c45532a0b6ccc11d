//! A newcomer's first runs of the binary, without a terminal: what each mistake says.

use crate::support;

use std::process::{Command, Stdio};

use support::{BIN, demo};

/// Runs the binary with no terminal at all and only the given variables set (besides
/// `PATH`): (exit code, stdout, stderr).
fn run_env(args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> (i32, String, String) {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().expect("run unconnect");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_pinned_today_is_one_line_naming_the_variable() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let (code, stdout, stderr) = run_env(
        &["check", demo.to_str().unwrap()],
        &[
            ("UNCONNECT_DATA_DIR", data.path().as_os_str()),
            ("UNCONNECT_TODAY", "1 Dec 2026".as_ref()),
        ],
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr,
        "unconnect: UNCONNECT_TODAY=\"1 Dec 2026\" is not a date; write it as YYYY-MM-DD\n"
    );
}

#[test]
fn without_a_terminal_it_says_so_before_loading_and_points_to_check_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let demo = demo();
    // Standard input and output are not terminals (output is a pipe).
    let (code, stdout, stderr) = run_env(
        &[demo.to_str().unwrap()],
        &[("UNCONNECT_DATA_DIR", data.as_os_str())],
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr,
        "unconnect: the app needs a terminal to show its screen (standard output is not one); \
         `unconnect check` and `unconnect export` work without one\n"
    );
    assert!(!data.exists(), "checked before the data folder is opened");
}

#[test]
fn export_from_a_data_folder_that_does_not_exist_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo");
    for which in ["removed", "staged", "withdrawn"] {
        let (code, stdout, stderr) = run_env(
            &["export", which, "--data-dir", typo.to_str().unwrap()],
            &[],
        );
        assert_eq!(code, 2, "{which}");
        assert!(
            stdout.is_empty(),
            "no header for a folder that is not there: {stdout}"
        );
        assert_eq!(
            stderr,
            format!(
                "unconnect: {}: no such data folder, so nothing was removed or staged with it \
                 (is --data-dir or UNCONNECT_DATA_DIR right?)\n",
                typo.display()
            )
        );
        assert!(!typo.exists(), "export creates nothing");
    }
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let (code, _, stderr) = run_env(
        &["export", "removed"],
        &[("UNCONNECT_DATA_DIR", file.as_os_str())],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("a-file: not a folder"), "{stderr}");
}

#[test]
fn log_file_is_written_private_and_a_bad_filter_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("check.log");
    let demo = demo();
    let (code, _, stderr) = run_env(
        &[
            "check",
            demo.to_str().unwrap(),
            "--log-file",
            log.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("checked") && text.contains("people=293"),
        "{text}"
    );

    let (code, _, stderr) = run_env(
        &[
            "check",
            demo.to_str().unwrap(),
            "--log-file",
            log.to_str().unwrap(),
        ],
        &[("RUST_LOG", "unconnect=loud".as_ref())],
    );
    assert_eq!(code, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("unconnect: RUST_LOG=\"unconnect=loud\" is not a log filter"),
        "{stderr}"
    );
}
