//! Opening an export says what changed since the export opened last time in the same
//! data folder: who is new (and in what burst), who is gone without being removed.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};
use std::sync::Arc;

use unconnect::app::strings::opening_status;
use unconnect::app::{Action, App, Keymap};
use unconnect::model::{People, Person};
use unconnect::session::{self, Since};
use unconnect::store::Journal;
use unconnect::store::journal::removal_entries;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn person(slug: &str, connected: NaiveDate) -> Person {
    Person {
        first_name: slug.to_owned(),
        last_name: "Test".into(),
        url: format!("https://www.linkedin.com/in/{slug}"),
        company: "Acme".into(),
        connected_on: Some(connected),
        ..Default::default()
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// 150 people a few days apart each, over two years up to October 2026.
fn steady() -> Vec<Person> {
    (0..150)
        .map(|i| person(&format!("p{i}"), day(2024, 10, 1) + Days::new(i * 4)))
        .collect()
}

/// An export folder named as LinkedIn names it, taken on `taken`.
fn export(root: &Path, taken: NaiveDate, people: &[Person]) -> PathBuf {
    let dir = root.join(
        taken
            .format("Basic_LinkedInDataExport_%m-%d-%Y")
            .to_string(),
    );
    fs::create_dir_all(&dir).unwrap();
    let mut text = HEADER.to_owned();
    for p in people {
        let on = p.connected_on.unwrap().format("%d %b %Y");
        let row = [&p.first_name, &p.last_name, &p.url, "", &p.company, ""].join(",");
        text.push_str(&format!("{row},{on}\n"));
    }
    fs::write(dir.join("Connections.csv"), text).unwrap();
    dir
}

fn open(path: &Path, data: &Path) -> session::Session {
    crate::support::open_session(path, data, day(2026, 12, 7))
}

fn status(path: &Path, data: &Path) -> String {
    opening_status(&open(path, data).loaded.report).0
}

fn at(d: NaiveDate) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
}

/// The older export (2 Nov) and the newer one (5 Dec): 20 new on 1 Dec, 5 new before,
/// p0..p4 gone without being removed, p5 and p6 gone because the user removed them.
fn two_exports(root: &Path) -> (PathBuf, PathBuf, People) {
    let old = steady();
    let mut new: Vec<Person> = old.iter().skip(7).cloned().collect();
    new.extend((0..20).map(|i| person(&format!("accident{i}"), day(2026, 12, 1))));
    new.extend((0..5).map(|i| person(&format!("late{i}"), day(2026, 11, 3) + Days::new(i * 6))));
    let older = export(root, day(2026, 11, 2), &old);
    let newer = export(root, day(2026, 12, 5), &new);
    (older, newer, old.into_iter().collect())
}

#[test]
fn a_newer_export_says_who_is_new_and_who_went_without_being_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, newer, old_people) = two_exports(tmp.path());
    let first = status(&older, &data);
    assert!(
        !first.contains("Since the export"),
        "the first export: {first}"
    );
    // The user removed p5 and p6 from the older one.
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&old_people, &[5, 6], at(day(2026, 11, 10))))
        .unwrap();
    drop(journal);

    let s = open(&newer, &data);
    let line = opening_status(&s.loaded.report).0;
    assert!(
        line.contains(
            "Since the export of 2 Nov: 25 new (20 on 1 Dec: a burst), 5 gone that you did \
             not remove, 2 gone that you removed."
        ),
        "{line}"
    );
    let added = s.loaded.report.since.added();
    assert_eq!(added.len(), 25);
    let names: Vec<String> = added
        .iter()
        .map(|&id| s.loaded.people.get(id).first_name.to_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("accident") || n.starts_with("late"))
    );
    // The app opened on it marks them on the Timeline.
    let mut app = App::open(s.loaded, Arc::new(Keymap::default()));
    app.update(Action::TimelineTab);
    let t = app.timeline().unwrap();
    assert_eq!(t.new_since, Some(day(2026, 11, 2)));
    let december = t.periods().len() - 1;
    assert_eq!(t.periods()[december], (day(2026, 12, 1), 20));
    assert_eq!(t.new_in(december), 20);
    assert_eq!(t.new_months.iter().sum::<usize>(), 25);
    drop(app);
    drop(s.store);

    // The same export again: nothing to say.
    let again = status(&newer, &data);
    assert!(!again.contains("Since the export"), "{again}");
}

#[test]
fn an_older_export_says_so_and_leaves_the_newer_one_to_compare_with() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, newer, _) = two_exports(tmp.path());
    drop(open(&newer, &data));
    let s = open(&older, &data);
    assert!(
        matches!(s.loaded.report.since, Since::Older { .. }),
        "{:?}",
        s.loaded.report.since
    );
    let (line, warning) = opening_status(&s.loaded.report);
    assert!(
        line.starts_with(
            "This export (taken 2 Nov) is older than the one opened last time (5 Dec)"
        ),
        "{line}"
    );
    assert!(warning);
    drop(s);
    // The newer one is still the one kept: opening it again says nothing.
    let again = status(&newer, &data);
    assert!(
        !again.contains("Since the export") && !again.contains("older"),
        "{again}"
    );
}

#[test]
fn a_damaged_snapshot_is_moved_aside_with_a_line_and_the_app_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, newer, _) = two_exports(tmp.path());
    drop(open(&older, &data));
    let snapshot = data.join("last-export.snapshot");
    let bytes = fs::read(&snapshot).unwrap();
    fs::write(&snapshot, &bytes[..bytes.len() / 2]).unwrap();
    let s = open(&newer, &data);
    let (line, warning) = opening_status(&s.loaded.report);
    assert!(
        line.contains("snapshot of the export opened last time was unreadable"),
        "{line}"
    );
    assert!(warning);
    assert_eq!(
        s.loaded.people.len(),
        168,
        "the export is open all the same"
    );
    drop(s);
    let aside = fs::read_dir(&data)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("last-export.damaged-")
        })
        .count();
    assert_eq!(aside, 1);
    // This export's snapshot replaced it: the next opening of it is quiet.
    let again = status(&newer, &data);
    assert!(!again.contains("unreadable"), "{again}");
}

#[cfg(unix)]
#[test]
fn the_snapshot_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, _, _) = two_exports(tmp.path());
    drop(open(&older, &data));
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data.join("last-export.snapshot")), 0o600);
    assert_eq!(mode(&data), 0o700);
}

#[cfg(unix)]
#[test]
fn a_pipe_in_the_snapshots_place_neither_hangs_nor_stops_the_start() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, _, _) = two_exports(tmp.path());
    fs::create_dir_all(&data).unwrap();
    let fifo = data.join("last-export.snapshot");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let s = open(&older, &data);
    let (line, _) = opening_status(&s.loaded.report);
    assert!(line.contains("not a regular file"), "{line}");
    drop(s);
    assert!(
        fs::metadata(&fifo).unwrap().is_file(),
        "this export's snapshot took its place"
    );
}

#[test]
fn a_copy_of_an_export_removals_were_made_from_is_not_taken_for_a_newer_one() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (older, newer, old_people) = two_exports(tmp.path());
    drop(open(&older, &data));
    // The user removed p5 and p6 from the older one: the journal knows its people.
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&old_people, &[5, 6], at(day(2026, 11, 10))))
        .unwrap();
    drop(journal);
    drop(open(&newer, &data));
    // The older one copied into a folder without a date: its files' times are today's.
    let copy = tmp.path().join("copy of my export");
    fs::create_dir_all(&copy).unwrap();
    fs::copy(older.join("Connections.csv"), copy.join("Connections.csv")).unwrap();
    let s = open(&copy, &data);
    assert_eq!(s.loaded.report.since, Since::Nothing, "the copy compared");
    drop(s);
    // The newer export is still the one kept: opening it again says nothing.
    let again = status(&newer, &data);
    assert!(!again.contains("Since the export"), "{again}");
}
