//! `RUST_LOG` and `--log-file` work for every command, and no log line names anyone.

use std::path::Path;
use std::process::Command;

use crate::e2e::demo_personal_data;
use crate::support::{BIN, TODAY, Term, demo};

fn run_logged(data: &Path, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) {
    let out = Command::new(BIN)
        .args(args)
        .env_remove("RUST_LOG")
        .env_remove("UNCONNECT_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/unconnect-test-config")
        .env("UNCONNECT_TODAY", TODAY)
        .env("UNCONNECT_DATA_DIR", data)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A data folder with one removal from the demo, as the app leaves it.
fn one_removed(data: &Path) {
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data);
    t.wait_ready();
    t.send(" \r");
    t.wait_for("Moved 1 to To remove");
    t.send("R");
    t.wait_for("They will not be notified");
    t.send("y");
    t.wait_for("Removed");
    t.send("q");
    t.wait_quit();
}

#[test]
fn every_command_logs_when_asked_and_names_nobody() {
    let data = tempfile::tempdir().unwrap();
    one_removed(data.path());
    let drafts = tempfile::tempdir().unwrap();
    let drafts_dir = drafts.path().join("drafts");
    let demo = demo();
    let demo = demo.to_str().unwrap();
    let commands: [&[&str]; 6] = [
        &["check", demo],
        &["history"],
        &["history", "--json"],
        &["reconcile", demo],
        &["drafts", "--output", drafts_dir.to_str().unwrap()],
        &["export", "removed"],
    ];
    let log = data.path().join("unconnect.log");
    let personal = demo_personal_data();
    for args in commands {
        let _ = std::fs::remove_file(&log);
        run_logged(data.path(), args, &[("RUST_LOG", "debug".as_ref())]);
        let text = std::fs::read_to_string(&log)
            .unwrap_or_else(|e| panic!("{args:?} wrote no log with RUST_LOG: {e}"));
        let command = format!("command=\"{}\"", args[0]);
        assert!(text.contains(&command), "{args:?}:\n{text}");
        assert!(text.contains("finished"), "{args:?}:\n{text}");
        for p in &personal {
            assert!(!text.contains(p.as_str()), "{args:?} logs {p:?}:\n{text}");
        }
    }
    // --log-file alone, anywhere.
    let elsewhere = tempfile::tempdir().unwrap();
    for args in commands {
        let file = elsewhere.path().join(format!("{}.log", args[0]));
        let mut with_file = args.to_vec();
        with_file.extend(["--log-file", file.to_str().unwrap()]);
        let _ = std::fs::remove_dir_all(&drafts_dir);
        run_logged(data.path(), &with_file, &[]);
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{args:?} wrote no --log-file: {e}"));
        assert!(text.contains("started"), "{args:?}:\n{text}");
    }
}
