//! The keep list in the real binary: kept in a private file, there after a restart, passed
//! by on move-all, and listed by `unconnect export kept`.

use crate::support;

use support::{Term, demo, run};

#[test]
fn a_kept_person_survives_a_restart_and_is_exported() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    let screen = t.wait_ready();
    // The first row, under the headings: the demo's newest connection.
    let first = screen.lines().nth(3).unwrap().to_owned();
    let name: String = first
        .trim_start_matches(['│', ' '])
        .split("  ")
        .next()
        .unwrap()
        .to_owned();
    t.send("K");
    t.wait_for("Kept 1");
    t.wait_for("⚑ 1 kept");
    t.send("q");
    t.wait_quit();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("kept-connections.jsonl"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    let screen = t.wait_ready();
    assert!(screen.contains("⚑ 1 kept"), "{screen}");
    assert!(
        screen.contains(&format!("⚑ {name}")),
        "{name} has the badge: {screen}"
    );
    t.send("a");
    let screen = t.wait_for("on your keep list passed by");
    assert!(screen.contains("To remove (292)"), "{screen}");
    t.send("q");
    t.wait_quit();

    let (code, csv, _) = run(&["export", "kept"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    let first_name = name.split(' ').next().unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with(first_name), "{csv}");
}

#[test]
fn a_date_filter_then_move_all_stages_the_accident_and_the_dialog_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    t.wait_ready();
    t.send("/");
    t.type_text("connected:2024-03-12..2024-03-14");
    t.wait_for("Connections (62 of 293)");
    t.send("\r");
    t.send("a");
    t.wait_for("To remove (62)");
    t.send("R");
    t.wait_for("Remove 62 connections?");
    t.send("n");
    t.wait_for("Cancelled: nothing was removed");
    // A term that cannot be read says so in the filter bar.
    t.send("\x1b"); // Esc clears the kept filter
    t.wait_for("Connections (231)");
    t.send("/");
    t.type_text("x connected:soon");
    t.wait_for("connected:");
    let screen = t.wait_for("expects");
    assert!(screen.contains("To remove (62)"), "{screen}");
    t.send("\x1b");
    // Esc and q in one read would be Alt-q: wait for the columns' footer first.
    t.wait_for("Space mark");
    t.send("q");
    t.wait_quit();
}

#[test]
fn the_expiry_flag_decides_which_invitations_can_be_withdrawn_and_clicks_move_them() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo();
    // The default 180 days: 4 of the 15 pending are probably expired and stay.
    let mut t = Term::spawn(&[demo.to_str().unwrap()], dir.path());
    t.wait_ready();
    t.send("2");
    t.wait_for("Pending (15)");
    t.send("a");
    let screen = t.wait_for("cannot be moved");
    assert!(screen.contains("To withdraw (11)"), "{screen}");
    t.send("u");
    t.wait_for("To withdraw (0)");
    // A click on the first pending row moves it (the mouse works on this tab too).
    t.send("\x1b[<0;10;5M");
    t.wait_for("To withdraw (1)");
    t.send("q");
    t.wait_quit();

    // With 10,000 days nothing counts as expired: all 15 can be withdrawn.
    let other = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(
        &[demo.to_str().unwrap(), "--invitation-expiry-days", "10000"],
        other.path(),
    );
    t.wait_ready();
    t.send("2");
    t.wait_for("Pending (15)");
    t.send("a");
    t.wait_for("To withdraw (15)");
    t.send("q");
    t.wait_quit();
}
