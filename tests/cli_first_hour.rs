//! A newcomer's first runs of the binary, without a terminal: what each mistake says.

mod support;

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
