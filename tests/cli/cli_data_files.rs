//! The data folder's files as they are found on disk: a pipe in place of one is refused
//! at once by every command that reads the folder, and by the app's start.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{BIN, Term, demo};

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Runs the binary, killing it if it has not ended in 20 s: (exit code, stderr).
fn run_or_kill(args: &[&str], data: &Path) -> (i32, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .env("UNCONNECT_DATA_DIR", data)
        .env("XDG_CONFIG_HOME", "/nonexistent/unconnect-test-config")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`unconnect {}` still waiting after 20 s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_refused(what: &str, (code, stderr): (i32, String), file: &str) {
    assert_eq!(code, 2, "{what}: {stderr}");
    assert!(
        stderr.contains(file) && stderr.contains("not a regular file"),
        "{what}: {stderr}"
    );
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "{what}: one line: {stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_journal_is_refused_by_history_reconcile_export_and_the_app() {
    let data = tempfile::tempdir().unwrap();
    mkfifo(&data.path().join("journal.jsonl"));
    let demo = demo();
    let demo = demo.to_str().unwrap();
    for args in [
        &["history"][..],
        &["history", "--json"],
        &["reconcile", demo],
        &["export", "removed"],
        &["drafts", "--output", "drafts-out"],
    ] {
        let what = args.join(" ");
        assert_refused(&what, run_or_kill(args, data.path()), "journal.jsonl");
    }
    let mut app = Term::spawn(&[demo], data.path());
    let status = app.wait_exit();
    assert!(!status.success());
    assert!(
        app.screen().contains("not a regular file"),
        "{}",
        app.screen()
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_a_staged_file_is_refused_by_export_staged_and_the_app() {
    let data = tempfile::tempdir().unwrap();
    mkfifo(&data.path().join("staged-connections.jsonl"));
    assert_refused(
        "export staged",
        run_or_kill(&["export", "staged"], data.path()),
        "staged-connections.jsonl",
    );
    let mut app = Term::spawn(&[demo().to_str().unwrap()], data.path());
    let status = app.wait_exit();
    assert!(!status.success());
    assert!(
        app.screen().contains("not a regular file"),
        "{}",
        app.screen()
    );
}
