//! The view the user left comes back in the real binary: the tab, the sort and its
//! direction, the Timeline's zoom, kept in a private file across a restart.

use crate::support;

use support::{Term, demo};

#[test]
fn the_tab_the_sort_and_the_zoom_come_back_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    t.wait_ready();
    t.send("s");
    t.wait_for("Sort by");
    t.send("c");
    t.send("S");
    t.wait_for("company, reversed");
    t.send("4");
    t.send("+");
    t.send("q");
    t.wait_quit();
    let view = dir.path().join("view.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&view).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    // The Timeline, per week: its bars are weeks.
    let screen = t.wait_for("Connections per week");
    assert!(!screen.contains("[ Remove "), "{screen}");
    t.send("1");
    t.wait_for("company, reversed");
    t.send("q");
    t.wait_quit();

    // A damaged file is a warning, not a failed start.
    std::fs::write(&view, "{ damaged").unwrap();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    t.wait_for("could not be read");
    t.send("q");
    t.wait_quit();
}
