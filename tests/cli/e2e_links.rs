//! The real binary with a browser that logs what it is asked to open: `o` on a row whose
//! URL is not LinkedIn's (a `file:` or `smb:` link in a crafted export) opens nothing and
//! says why; a LinkedIn profile still opens.

use crate::support;

use std::path::Path;
use std::time::Duration;

use support::{BrowserRun, Term};

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn export(dir: &Path, url: &str) -> std::path::PathBuf {
    let folder = dir.join("export");
    std::fs::create_dir_all(&folder).unwrap();
    let csv = format!("{HEADER}Eve,Files,{url},,Acme,Dev,01 Dec 2026\n");
    std::fs::write(folder.join("Connections.csv"), csv).unwrap();
    folder
}

fn press_o(url: &str) -> (String, Option<String>) {
    let sandbox = BrowserRun::new();
    let dir = sandbox.dir.path();
    let folder = export(dir, url);
    let mut t = Term::spawn_with_browser(&folder, &sandbox.data, &sandbox.bin, dir, (30, 110));
    t.wait_ready();
    t.send("o");
    let screen = t.wait_for("pened");
    // The opener is started detached: give it the time it takes to write.
    std::thread::sleep(Duration::from_millis(700));
    let screen = t.screen().max(screen);
    t.send("q");
    t.wait_quit();
    (screen, std::fs::read_to_string(&sandbox.log).ok())
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
