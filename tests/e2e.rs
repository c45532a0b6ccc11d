//! End to end: the real binary in a pseudo-terminal, keys in, screen read back, files on
//! disk checked.

mod support;

use std::collections::BTreeSet;

use support::{Term, demo, run};
use unconnect::model::search::{Query, SearchIndex};

/// A query that selects a handful of the demo's people, and who it selects (by URL, as
/// the export wrote it: what `export` writes back), computed with the library so the
/// test follows the demo data.
fn pick_query() -> (String, BTreeSet<String>) {
    let export = unconnect::import::load(&demo()).unwrap();
    let people = &export.people;
    let index = SearchIndex::build(people.len(), |i| {
        let p = people.get(unconnect::model::PersonId(i as u32));
        [p.first_name, p.last_name, p.position, p.company, p.email]
    });
    for id in people.ids() {
        let company = people.get(id).company;
        let Some(word) = company
            .split_whitespace()
            .find(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        else {
            continue;
        };
        let q = Query::parse(word);
        let m = q.matcher();
        let hits: BTreeSet<String> = people
            .ids()
            .filter(|i| m.matches(index.haystack(i.index())))
            .map(|i| people.get(i).written_url().into_owned())
            .collect();
        if (2..=20).contains(&hits.len()) {
            return (word.to_owned(), hits);
        }
    }
    panic!("the demo has no company word shared by 2 to 20 people");
}

fn exported_urls(csv_text: &str) -> BTreeSet<String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let url = headers.iter().position(|h| h == "URL").unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[url].to_owned())
        .collect()
}

#[test]
fn filter_move_all_confirm_then_export_lists_exactly_those_people() {
    let data = tempfile::tempdir().unwrap();
    let (query, expected) = pick_query();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_for("Connections (");
    t.send("/");
    t.type_text(&query);
    t.wait_for(&format!("Connections ({} of ", expected.len()));
    t.send("\r");
    t.send("a");
    t.wait_for(&format!("Moved {} to To remove", expected.len()));
    t.wait_for(&format!("To remove ({})", expected.len()));
    t.send("R");
    t.wait_for("They will not be notified");
    t.send("y");
    t.wait_for(&format!("Removed {}", expected.len()));
    t.send("q");
    assert!(t.wait_exit(), "quits cleanly");

    let (code, stdout, stderr) = run(&["export", "removed"], data.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Removed On"
    ));
    assert_eq!(exported_urls(&stdout), expected);

    // Opened again, the removed people are not offered again.
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    let screen = t.wait_for("already removed");
    assert!(
        screen.contains(&format!("{} already removed", expected.len())),
        "{screen}"
    );
    t.send("q");
    assert!(t.wait_exit());
}

#[test]
fn staged_people_survive_sigkill() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_for("Connections (");
    t.send("   "); // mark three
    t.send("\r");
    t.wait_for("Moved 3 to To remove");
    t.signal("-KILL");
    t.wait_exit();

    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    let screen = t.wait_for("Restored 3 staged");
    assert!(screen.contains("To remove (3)"), "{screen}");
    t.send("q");
    assert!(t.wait_exit());
    let (_, stdout, _) = run(&["export", "staged"], data.path());
    assert_eq!(stdout.lines().count(), 4, "header + 3 staged:\n{stdout}");
}

#[test]
fn the_terminal_is_restored_on_quit_and_on_sigterm() {
    for how in ["q", "-TERM"] {
        let data = tempfile::tempdir().unwrap();
        let demo = demo();
        let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
        t.wait_for("Connections (");
        if how == "q" {
            t.send("q");
        } else {
            t.signal(how);
        }
        t.wait_exit();
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        let entered = raw
            .find("\x1b[?1049h")
            .expect("entered the alternate screen");
        let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        assert!(left > entered, "{how}");
        assert!(
            raw.rfind("\x1b[?1000l").is_some_and(|i| i > entered),
            "mouse capture off ({how})"
        );
    }
}

#[test]
fn a_second_instance_on_the_same_data_folder_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_for("Connections (");
    let (code, _, stderr) = run(&[demo.to_str().unwrap()], data.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains("another unconnect is using this data folder"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    t.send("q");
    assert!(t.wait_exit());
}

#[test]
fn a_tiny_terminal_says_so() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn_sized(&[demo.to_str().unwrap()], data.path(), 10, 40);
    t.wait_for("Terminal too small");
    t.send("q");
    assert!(t.wait_exit());
}

#[test]
fn withdraw_pending_invitations_then_export_withdrawn() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_for("Connections (");
    t.send("2");
    let screen = t.wait_for("Pending (");
    assert!(screen.contains("accepted, 10 received"), "{screen}");
    t.send("  \r"); // the two newest pending invitations
    t.wait_for("Moved 2 to To withdraw");
    t.send("W");
    t.wait_for("You can invite them again after");
    t.send("y");
    t.wait_for("Withdrew 2");
    t.send("q");
    assert!(t.wait_exit());

    let (code, stdout, stderr) = run(&["export", "withdrawn"], data.path());
    assert_eq!(code, 0, "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("To,Profile URL,Sent At,Withdrawn On,May re-invite after")
    );
    assert_eq!(lines.count(), 2, "{stdout}");

    // Withdrawn invitations are not offered again.
    let mut t = Term::spawn(
        &[demo.to_str().unwrap(), "--reinvite-wait-days", "3"],
        data.path(),
    );
    t.wait_for("Connections (");
    t.send("2");
    let screen = t.wait_for("2 already withdrawn");
    assert!(screen.contains("Pending (13)"), "{screen}");
    t.send("q");
    assert!(t.wait_exit());
}

#[test]
fn a_hang_up_ends_the_app_and_keeps_the_staged_list() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_for("Connections (");
    t.send(" \r");
    t.wait_for("Moved 1 to To remove");
    t.signal("-HUP"); // the terminal window or ssh session is gone
    t.wait_exit(); // panics if the app keeps running
    let (_, stdout, _) = run(&["export", "staged"], data.path());
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}
