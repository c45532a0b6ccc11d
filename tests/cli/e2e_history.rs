//! The whole last mile in the real binary: remove two, work through them in History with
//! a browser that logs what it is asked to open, tick one done, restart, restore one, and
//! reconcile with a newer export.

use crate::support;

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

use support::{BrowserRun, Term, demo, run};

fn wait_for_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn remove_work_through_tick_restart_restore_and_reconcile() {
    let sandbox = BrowserRun::new();
    let demo = demo();

    let mut t = sandbox.spawn(&demo);
    t.wait_ready();
    t.remove_first(2);
    t.send("3");
    let screen = t.wait_for("Removed (2)");
    assert!(screen.contains("0 of 2 done on LinkedIn"), "{screen}");
    assert_eq!(screen.matches("to do").count(), 2, "{screen}");

    // Enter: the first not done opens in the "browser" and is journaled as opened.
    t.send("\r");
    t.wait_for("Who viewed your profile");
    let opened = wait_for_file(&sandbox.log);
    assert!(
        opened.starts_with("https://www.linkedin.com/in/"),
        "{opened}"
    );
    let screen = t.wait_for("opened");
    assert!(
        screen.contains("to do"),
        "the other is still to do: {screen}"
    );
    t.send("d");
    t.wait_for("Ticked 1 done on LinkedIn");
    t.wait_for("1 of 2 done on LinkedIn");
    t.send("q");
    t.wait_quit();

    // After a restart the marks are there: they were journaled.
    let (code, history, _) = run(&["history", "--json"], &sandbox.data);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&history).unwrap();
    let statuses: Vec<&str> = v
        .as_array()
        .or_else(|| v["records"].as_array())
        .expect("a list of records")
        .iter()
        .filter_map(|r| r["status"].as_str())
        .collect();
    assert!(
        statuses.contains(&"done") && statuses.contains(&"to do"),
        "{history}"
    );

    let mut t = sandbox.spawn(&demo);
    t.wait_ready();
    t.send("3");
    let screen = t.wait_for("1 of 2 done on LinkedIn");
    assert!(screen.contains("done"), "{screen}");
    // Restore the one still to do: the cursor is on the newest, which is done; go down.
    t.send("j");
    t.send("r");
    t.wait_for("Restore 1 connection?");
    t.send("y");
    t.wait_for("Restored 1.");
    t.wait_for("Removed (1)");
    t.send("1");
    t.wait_for("Connections (292)");
    t.send("q");
    t.wait_quit();

    // A newer export in which the one still removed is gone: reconcile verifies it.
    let (_, removed, _) = run(&["export", "removed"], &sandbox.data);
    let url = removed
        .lines()
        .nth(1)
        .and_then(|l| l.split(',').nth(2))
        .expect("one removed person with a URL")
        .to_owned();
    // No date in its name: its files' times (just written) date it after the removals.
    let newer = sandbox.dir.path().join("newer-export");
    std::fs::create_dir_all(&newer).unwrap();
    let csv = std::fs::read_to_string(demo.join("Connections.csv")).unwrap();
    let kept: Vec<&str> = csv.lines().filter(|l| !l.contains(&url)).collect();
    assert_eq!(kept.len(), csv.lines().count() - 1, "{url}");
    std::fs::write(newer.join("Connections.csv"), kept.join("\n")).unwrap();
    let (code, out, err) = run(
        &["reconcile", newer.to_str().unwrap(), "--json"],
        &sandbox.data,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["removed"], 1);
    assert_eq!(v["verified"], 1);
    assert_eq!(v["still_connected"], 0);
}

#[test]
fn history_enter_with_no_opener_on_path_puts_the_url_on_the_clipboard_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // No opener anywhere: PATH is an empty folder.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let demo = demo();
    let env = [
        ("UNCONNECT_DATA_DIR", data.as_os_str()),
        ("PATH", empty.as_os_str()),
        ("BROWSER", OsStr::new("")),
    ];
    let mut t = Term::spawn_with(&[demo.to_str().unwrap()], &env, &data);
    t.wait_ready();
    t.remove_first(1);
    t.send("3");
    t.wait_for("Removed (1)");
    t.send("\r");
    let screen = t.wait_for("The URL is on your clipboard");
    assert!(screen.contains("No browser could be started"), "{screen}");
    assert!(screen.contains("0 of 1 done on LinkedIn"), "{screen}");
    assert!(!screen.contains("opened"), "not marked opened: {screen}");
    t.send("q");
    t.wait_quit();

    // Nothing was journaled as opened.
    let (code, history, _) = run(&["history", "--json"], &data);
    assert_eq!(code, 0);
    assert!(history.contains("\"to do\""), "{history}");
    assert!(!history.contains("\"opened\""), "{history}");
}
