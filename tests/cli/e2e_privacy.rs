//! The real binary: the profile-visit note on History's first `Enter` is said once per
//! data folder, and not again after a restart with the same folder, even one after a
//! kill.

use crate::support;

use std::ffi::OsStr;
use std::path::Path;

use support::{Term, demo};

/// A folder whose `xdg-open` opens nothing and succeeds: a browser that started.
fn quiet_browser(dir: &Path) {
    let script = dir.join("xdg-open");
    std::fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

fn spawn(data: &Path, bin: &Path) -> Term {
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let env = [
        ("UNCONNECT_DATA_DIR", data.as_os_str()),
        ("PATH", OsStr::new(&path)),
        ("BROWSER", OsStr::new("")),
    ];
    Term::spawn_with(&[demo().to_str().unwrap()], &env, data)
}

#[test]
fn the_privacy_note_is_said_once_then_not_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    quiet_browser(&bin);

    let mut t = spawn(&data, &bin);
    t.wait_ready();
    t.send("  \r");
    t.wait_for("To remove (2)");
    t.send("R");
    t.wait_for("Remove 2 connections?");
    t.send("y");
    t.wait_for("Removed 2");
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
