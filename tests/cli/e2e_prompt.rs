//! The real binary in a pseudo-terminal: `o` without a browser, and the export prompt's
//! folder, `~`, Tab completion and overwrite question.

use crate::support;

use std::ffi::OsStr;

use base64::Engine as _;
use support::{Term, demo};

fn spawn(home: &std::path::Path, path_dir: &std::path::Path) -> Term {
    let data = home.join("data");
    let env = [
        ("UNCONNECT_DATA_DIR", data.as_os_str()),
        ("HOME", home.as_os_str()),
        // No xdg-open, gio or the like: no browser can be started.
        ("PATH", path_dir.as_os_str()),
        ("BROWSER", OsStr::new("")),
    ];
    Term::spawn_with(&[demo().to_str().unwrap()], &env, home)
}

#[test]
fn without_a_browser_the_url_is_copied_and_shown_whole() {
    let home = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let mut t = spawn(home.path(), empty.path());
    t.wait_ready();
    t.send("o");
    let screen = t.wait_for("The URL is on your clipboard");
    // The demo's newest connection, first in the list.
    let url = "https://www.linkedin.com/in/";
    let shown: String = screen
        .lines()
        .skip_while(|l| !l.contains("No browser could be started"))
        .collect::<Vec<_>>()
        .concat();
    let start = shown.find(url).expect("the URL is on the screen");
    let whole: String = shown[start..].split_whitespace().next().unwrap().to_owned();
    let sequence = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(&whole)
    );
    let raw = t.raw();
    assert!(
        raw.windows(sequence.len())
            .any(|w| w == sequence.as_bytes()),
        "the clipboard sequence for {whole} was sent"
    );
    t.send("q");
    t.wait_quit();
}

#[test]
fn the_export_prompt_proposes_downloads_expands_tilde_completes_and_asks_before_replacing() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("Downloads")).unwrap();
    std::fs::create_dir(home.path().join("Documents")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let mut t = spawn(home.path(), empty.path());
    t.wait_ready();
    t.send(" \r"); // stage one
    t.wait_for("To remove (1)");
    t.send("e");
    let name = "unconnect-staged-2026-12-01.csv";
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\r");
    t.wait_for("Exported 1 to");
    let file = home.path().join("Downloads").join(name);
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.contains("First Name"), "{first}");

    // Again: it exists, so the dialog asks; n leaves it, y replaces it.
    t.send("e");
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\r");
    t.wait_for(&format!("Replace {name}?"));
    t.send("n");
    t.wait_for("was left as it was");
    std::fs::write(&file, "mine").unwrap();
    t.send("e");
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\r");
    t.wait_for(&format!("Replace {name}?"));
    t.send("y");
    t.wait_for("Exported 1 to");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);

    // Tab completes a folder name; the path is typed as ~/Doc then Tab.
    t.send("e");
    t.wait_for("> ~/Downloads/");
    for _ in 0.."~/Downloads/".len() + name.len() {
        t.send("\x7f");
    }
    t.type_text("~/Doc");
    t.send("\t");
    t.wait_for("> ~/Documents/");
    t.type_text("mine.csv");
    t.send("\r");
    t.wait_for("Exported 1 to");
    assert!(home.path().join("Documents/mine.csv").is_file());
    t.send("q");
    t.wait_quit();
}

#[test]
fn a_folder_typed_in_the_export_prompt_gets_the_file_inside_it() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join("Downloads")).unwrap();
    std::fs::create_dir(home.path().join("Exports")).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let mut t = spawn(home.path(), empty.path());
    t.wait_ready();
    t.send(" \r"); // stage one
    t.wait_for("To remove (1)");
    let name = "unconnect-staged-2026-12-01.csv";
    // An existing folder, typed without a slash: the file goes inside, nothing replaced.
    t.send("e");
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\x15"); // Ctrl-u: the line is empty
    t.type_text("~/Exports");
    t.send("\r");
    let screen = t.wait_for("Exported 1 to");
    assert!(!screen.contains("Replace"), "{screen}");
    assert!(home.path().join("Exports").join(name).is_file());
    std::fs::remove_file(home.path().join("Exports").join(name)).unwrap();

    // A path ending in `/` is a folder too.
    t.send("e");
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\x15");
    t.type_text("~/Exports/");
    t.send("\r");
    t.wait_for("Exported 1 to");
    assert!(home.path().join("Exports").join(name).is_file());

    // A folder that is not there: one line, nothing written, nothing created.
    t.send("e");
    t.wait_for(&format!("> ~/Downloads/{name}"));
    t.send("\x15");
    t.type_text("~/Nowhere/");
    t.send("\r");
    t.wait_for("There is no folder");
    t.wait_for("Nowhere: nothing exported.");
    assert!(!home.path().join("Nowhere").exists());
    // The prompt stays open on the path as typed, to be corrected rather than retyped.
    t.wait_for("> ~/Nowhere/");
    t.send("\x1b");
    t.wait_for("Space mark");
    t.send("q");
    t.wait_quit();
}
