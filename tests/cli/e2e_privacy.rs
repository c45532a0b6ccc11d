//! The real binary: the profile-visit note on History's first `Enter` is said once per
//! data folder, and not again after a restart with the same folder, even one after a
//! kill.

use crate::support;

use std::path::Path;

use support::{Term, demo, xdg_open};

fn spawn(data: &Path, bin: &Path) -> Term {
    Term::spawn_with_browser(&demo(), data, bin, data, (30, 110))
}

#[test]
fn the_privacy_note_is_said_once_then_not_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    // An opener that opens nothing and succeeds: a browser that started.
    xdg_open(&bin, "#!/bin/sh\nexit 0\n");

    let mut t = spawn(&data, &bin);
    t.wait_ready();
    t.remove_first(2);
    t.send("3");
    t.wait_for("Removed (2)");
    t.send("\r");
    t.wait_for("Who viewed your profile");
    // Killed, not quit: what was said is on disk as soon as it is on the screen.
    t.signal("-KILL");
    t.wait_exit();

    let mut t = spawn(&data, &bin);
    t.wait_ready();
    t.send("3");
    t.wait_for("Removed (2)");
    t.send("j\r");
    let screen = t.wait_for("ticks it off");
    assert!(!screen.contains("Who viewed"), "{screen}");
    t.send("q");
    t.wait_quit();
}
