//! End to end: the real binary in a pseudo-terminal, keys in, screen read back, files on
//! disk checked.

use crate::support;

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
        let q = Query::parse(word).expect("a company word parses");
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
    t.wait_ready();
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
    t.wait_quit();

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
    t.wait_quit();
}

#[test]
fn staged_people_survive_sigkill() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_ready();
    t.send("   "); // mark three
    t.send("\r");
    t.wait_for("Moved 3 to To remove");
    t.signal("-KILL");
    assert_eq!(t.wait_exit().signal(), Some("Killed"));

    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    let screen = t.wait_for("Restored 3 staged");
    assert!(screen.contains("To remove (3)"), "{screen}");
    t.send("q");
    t.wait_quit();
    let (code, stdout, stderr) = run(&["export", "staged"], data.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 4, "header + 3 staged:\n{stdout}");
}

#[test]
fn the_terminal_is_restored_on_quit_and_on_sigterm() {
    for how in ["q", "-TERM"] {
        let data = tempfile::tempdir().unwrap();
        let demo = demo();
        let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
        t.wait_ready();
        if how == "q" {
            t.send("q");
        } else {
            t.signal(how);
        }
        let status = t.wait_exit();
        let expected = if how == "q" { 0 } else { 143 };
        assert_eq!(status.exit_code(), expected, "{how}: {status:?}");
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
    t.wait_ready();
    let mut second = Term::spawn(&[demo.to_str().unwrap()], data.path());
    assert_eq!(second.wait_exit().exit_code(), 2);
    let said = second.screen();
    let said = said.trim();
    assert!(
        said.contains("another unconnect is using this data folder"),
        "{said}"
    );
    assert!(
        !String::from_utf8_lossy(&second.raw()).contains("\x1b[?1049h"),
        "refused before the alternate screen"
    );
    t.send("q");
    t.wait_quit();
}

#[test]
fn a_tiny_terminal_says_so() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn_sized(&[demo.to_str().unwrap()], data.path(), 10, 40);
    t.wait_for("Terminal too small");
    t.send("q");
    t.wait_quit();
}

#[test]
fn withdraw_pending_invitations_then_export_withdrawn() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_ready();
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
    t.wait_quit();

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
    t.wait_ready();
    t.send("2");
    let screen = t.wait_for("2 already withdrawn");
    assert!(screen.contains("Pending (13)"), "{screen}");
    t.send("q");
    t.wait_quit();
}

#[test]
fn a_hang_up_ends_the_app_and_keeps_the_staged_list() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_ready();
    t.send(" \r");
    t.wait_for("Moved 1 to To remove");
    t.signal("-HUP"); // the terminal window or ssh session is gone
    let status = t.wait_exit(); // panics if the app keeps running
    assert!(status.signal().is_none(), "ends by itself: {status:?}");
    let (code, stdout, stderr) = run(&["export", "staged"], data.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn a_kill_right_after_removed_keeps_the_batch() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_ready();
    t.send("  \r"); // mark two, move them
    t.wait_for("Moved 2 to To remove");
    let (code, staged, stderr) = run(&["export", "staged"], data.path());
    assert_eq!(code, 0, "{stderr}");
    let staged = exported_urls(&staged);
    assert_eq!(staged.len(), 2, "{staged:?}");
    t.send("R");
    t.wait_for("They will not be notified");
    t.send("y");
    t.wait_for("Removed 2");
    t.signal("-KILL"); // no chance to save anything more
    assert_eq!(t.wait_exit().signal(), Some("Killed"));

    let (code, removed, stderr) = run(&["export", "removed"], data.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(exported_urls(&removed), staged);

    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    let screen = t.wait_ready();
    assert!(screen.contains("2 already removed"), "{screen}");
    assert!(screen.contains("To remove (0)"), "{screen}");
    t.send("q");
    t.wait_quit();
}

#[test]
fn without_a_path_in_a_folder_with_no_export_it_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = [("UNCONNECT_DATA_DIR", data.as_os_str())];
    let mut t = Term::spawn_with(&[], &env, dir.path());
    let status = t.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let screen = t.screen();
    let message = screen.trim();
    assert!(
        message.starts_with("unconnect: no LinkedIn export in the current folder"),
        "{screen}"
    );
    assert!(message.contains("Get a copy of your data"), "{screen}");
    assert!(
        !message.contains(" . "),
        "the folder is named, not shown as '.': {screen}"
    );
    assert!(!data.exists(), "nothing written when nothing was opened");
}

#[test]
fn the_demo_keeps_its_data_apart_unless_a_data_folder_is_given() {
    let root = tempfile::tempdir().unwrap();
    let [home, xdg, tmp] = ["home", "xdg", "tmp"].map(|d| root.path().join(d));
    for dir in [&home, &xdg, &tmp] {
        std::fs::create_dir(dir).unwrap();
    }
    let env = [
        ("HOME", home.as_os_str()),
        ("XDG_DATA_HOME", xdg.as_os_str()),
        ("TMPDIR", tmp.as_os_str()),
    ];
    let demo = demo();
    let mut t = Term::spawn_with(&[demo.to_str().unwrap()], &env, root.path());
    let screen = t.wait_ready();
    // SAFETY: getuid has no preconditions.
    let throwaway = tmp.join(format!("unconnect-demo-{}", unsafe { libc::getuid() }));
    let note = format!(
        "Demo: kept apart from your data, in {}.",
        throwaway.display()
    );
    assert!(screen.contains(&note), "{screen}");
    t.send(" \r");
    t.wait_for("Moved 1 to To remove");
    t.send("3");
    let history = t.wait_for("unconnect export removed");
    // The box wraps the note: join its lines back into one text.
    let history: Vec<&str> = history
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    let export = format!(
        "`unconnect export removed --data-dir {} -o removed.csv`",
        throwaway.display()
    );
    assert!(history.join(" ").contains(&export), "{history:#?}");
    t.send("q");
    t.wait_quit();

    assert_eq!(
        std::fs::read_dir(&xdg).unwrap().count(),
        0,
        "the real data folder is untouched"
    );
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 0);
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&throwaway), 0o700);
    assert_eq!(mode(&throwaway.join("staged-connections.jsonl")), 0o600);
    let (code, staged, stderr) = run(&["export", "staged"], &throwaway);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        staged.lines().count(),
        2,
        "header + the one staged: {staged}"
    );

    // Named explicitly, the demo uses the folder it is given, like any export.
    let given = root.path().join("given");
    let mut env = env.to_vec();
    env.push(("UNCONNECT_DATA_DIR", given.as_os_str()));
    let mut t = Term::spawn_with(&[demo.to_str().unwrap()], &env, root.path());
    let screen = t.wait_ready();
    assert!(!screen.contains("Demo:"), "{screen}");
    assert!(!screen.contains("Restored"), "{screen}");
    t.send("q");
    t.wait_quit();
    assert!(given.join("lock").exists());

    // The temporary folder is shared: a link planted at the demo's path is not followed.
    std::fs::remove_dir_all(&throwaway).unwrap();
    std::os::unix::fs::symlink(&given, &throwaway).unwrap();
    let mut t = Term::spawn_with(&[demo.to_str().unwrap()], &env[..3], root.path());
    assert_eq!(t.wait_exit().exit_code(), 2);
    let said = t.screen();
    assert!(said.contains("not a folder of yours"), "{said}");
}

/// Every name, e-mail and profile URL in the demo that a log could leak.
pub(crate) fn demo_personal_data() -> Vec<String> {
    let export = unconnect::import::load(&demo()).unwrap();
    let mut texts = Vec::new();
    for id in export.people.ids() {
        let p = export.people.get(id);
        texts.push(format!("{} {}", p.first_name, p.last_name));
        texts.extend(
            [p.first_name, p.last_name]
                .into_iter()
                .filter(|n| n.chars().count() >= 5)
                .map(str::to_owned),
        );
        texts.extend(
            [p.email, &p.url.to_string()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        );
    }
    texts
}

#[test]
fn logging_is_off_by_default_and_the_log_is_private_and_names_nobody() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
    t.wait_ready();
    // The opening summary may land a frame after the lists on a loaded machine.
    let screen = t.wait_for("Loaded 293 connections");
    assert!(
        screen.contains("Loaded 293 connections (10 hidden profiles left out)\n"),
        "{screen}"
    );
    t.send("q");
    t.wait_quit();
    let log = data.path().join("unconnect.log");
    assert!(!log.exists(), "no log unless asked");

    let env = [
        ("UNCONNECT_DATA_DIR", data.path().as_os_str()),
        ("RUST_LOG", "debug".as_ref()),
    ];
    let mut t = Term::spawn_with(&[demo.to_str().unwrap()], &env, data.path());
    t.wait_ready();
    t.send("/");
    t.type_text("dentist");
    t.send("\r");
    t.send("a");
    t.wait_for("Moved");
    t.send("R");
    t.wait_for("They will not be notified");
    t.send("y");
    t.wait_for("Removed");
    t.send("q");
    t.wait_quit();

    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&log).unwrap();
    for line in [
        "started",
        "export loaded",
        "journal batch appended",
        "finished",
    ] {
        assert!(text.contains(line), "logs {line:?}:\n{text}");
    }
    for personal in demo_personal_data() {
        assert!(
            !text.contains(&personal),
            "the log names {personal:?}:\n{text}"
        );
    }
}
