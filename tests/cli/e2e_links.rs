//! The real binary with a browser that logs what it is asked to open: `o` on a row whose
//! URL is not LinkedIn's (a `file:` or `smb:` link in a crafted export) opens nothing and
//! says why; a LinkedIn profile still opens.

use crate::support;

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

use support::Term;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn export(dir: &Path, url: &str) -> std::path::PathBuf {
    let folder = dir.join("export");
    std::fs::create_dir_all(&folder).unwrap();
    let csv = format!("{HEADER}Eve,Files,{url},,Acme,Dev,01 Dec 2026\n");
    std::fs::write(folder.join("Connections.csv"), csv).unwrap();
    folder
}

/// A folder with an `xdg-open` that appends its argument to `log`.
fn fake_browser(dir: &Path, log: &Path) {
    let script = dir.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

fn press_o(url: &str) -> (String, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.path().join("opened.log");
    fake_browser(&bin, &log);
    let folder = export(dir.path(), url);
    let data = dir.path().join("data");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let env = [
        ("UNCONNECT_DATA_DIR", data.as_os_str()),
        ("PATH", OsStr::new(&path)),
        ("BROWSER", OsStr::new("")),
    ];
    let mut t = Term::spawn_with(&[folder.to_str().unwrap()], &env, dir.path());
    t.wait_ready();
    t.send("o");
    let screen = t.wait_for("pened");
    // The opener is started detached: give it the time it takes to write.
    std::thread::sleep(Duration::from_millis(700));
    let screen = t.screen().max(screen);
    t.send("q");
    t.wait_quit();
    (screen, std::fs::read_to_string(&log).ok())
}

#[test]
fn o_opens_only_linkedin_pages() {
    for url in ["file:///etc/passwd", "smb://host/share/x.desktop"] {
        let (screen, opened) = press_o(url);
        assert_eq!(opened, None, "{url} reached the opener");
        assert!(screen.contains("Not opened"), "{screen}");
    }
    let (_, opened) = press_o("https://www.linkedin.com/in/eve-files");
    assert_eq!(
        opened.as_deref(),
        Some("https://www.linkedin.com/in/eve-files\n")
    );
}
