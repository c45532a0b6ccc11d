//! Opening an export checks every journaled removal and withdrawal against it: the app's
//! history and status line say what changed, and the journal records it once.

use std::fs;
use std::path::Path;
use unconnect::app::strings::opening_status;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use unconnect::model::history::{Kind, Status};
use unconnect::model::{People, Person};
use unconnect::session::{self};
use unconnect::store::journal::{removal_entries, status_entries, withdrawal_entries};
use unconnect::store::{Journal, JournalAction};

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
const INVITATIONS: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";

fn person(name: &str) -> Person {
    Person {
        first_name: name.to_owned(),
        last_name: "Test".into(),
        url: format!("https://www.linkedin.com/in/{}", name.to_lowercase()),
        email: format!("{}@example.com", name.to_lowercase()),
        company: "Acme".into(),
        ..Default::default()
    }
}

fn row(p: &Person) -> String {
    format!(
        "{},{},{},{},{},,01 Jan 2020\n",
        p.first_name, p.last_name, p.url, p.email, p.company
    )
}

fn on(day: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, 12, 0, 0)
        .unwrap()
}

/// An export folder named as LinkedIn names it, taken on 2026-03-`day`, holding `people`.
fn export(root: &Path, day: u32, people: &[&Person], invitations: &str) -> std::path::PathBuf {
    let dir = root.join(format!("Basic_LinkedInDataExport_03-{day:02}-2026"));
    fs::create_dir_all(&dir).unwrap();
    let rows: String = people.iter().map(|p| row(p)).collect();
    fs::write(dir.join("Connections.csv"), format!("{HEADER}{rows}")).unwrap();
    fs::write(
        dir.join("Invitations.csv"),
        format!("{INVITATIONS}{invitations}"),
    )
    .unwrap();
    dir
}

fn open(path: &Path, data: &Path) -> session::Session {
    crate::support::open_session(path, data, NaiveDate::from_ymd_opt(2026, 3, 25).unwrap())
}

#[test]
fn a_newer_export_verifies_the_gone_and_finds_the_still_connected_once() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let [ada, bo, cy, di] = ["Ada", "Bo", "Cy", "Di"].map(person);
    let everyone: People = [&ada, &bo, &cy, &di].into_iter().cloned().collect();
    // Ada, Bo and Cy removed on 10 March; Di stays a connection.
    fs::create_dir_all(&data).unwrap();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&everyone, &[0, 1, 2], on(10)))
        .unwrap();
    let sent = "Me,Eve Pending,3/1/26 10:00 AM,,OUTGOING,,https://www.linkedin.com/in/eve\n";
    let first = export(tmp.path(), 10, &[&ada, &bo, &cy, &di], sent);
    let inv = unconnect::import::load(&first)
        .unwrap()
        .invitations
        .unwrap()
        .list;
    journal
        .append(withdrawal_entries(inv.iter(), on(10)))
        .unwrap();
    // Cy was ticked done on the 12th.
    journal
        .append(status_entries(
            [cy.url.as_str()],
            JournalAction::Done,
            on(12),
        ))
        .unwrap();
    drop(journal);

    // The export the removals were made from (same day, time unknown): changes nothing.
    let s = open(&first, &data);
    assert_eq!(s.loaded.report.reconciled.verification.findings, []);
    assert!(
        !opening_status(&s.loaded.report)
            .0
            .contains("Since your last export")
    );
    let statuses = |s: &session::Session| -> Vec<(String, Status)> {
        s.loaded
            .history
            .removals
            .iter()
            .map(|r| (r.name(), r.status()))
            .collect()
    };
    assert_eq!(statuses(&s).len(), 3);
    assert!(statuses(&s).contains(&("Cy Test".into(), Status::Done)));
    drop(s);

    // On the 20th: Ada gone, Bo and Cy still listed, Eve's invitation gone.
    let newer = export(tmp.path(), 20, &[&bo, &cy, &di], "");
    let s = open(&newer, &data);
    let mut got = statuses(&s);
    got.sort();
    assert_eq!(
        got,
        [
            ("Ada Test".into(), Status::Verified),
            ("Bo Test".into(), Status::StillThere),
            ("Cy Test".into(), Status::StillThere),
        ]
    );
    let w = &s.loaded.history.withdrawals;
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].name().as_str(), w[0].status()),
        ("Eve Pending", Status::Verified)
    );
    assert!(
        opening_status(&s.loaded.report).0.starts_with(
            "Since your last export: 1 removal verified, 2 still connected, 1 withdrawal verified."
        ),
        "{}",
        opening_status(&s.loaded.report).0
    );
    let p = s.loaded.history.progress(Kind::Removal);
    assert_eq!(
        p.line(Kind::Removal),
        "1 of 3 done on LinkedIn (1 verified, 2 still connected)"
    );
    let recorded = |s: &session::Session, action| {
        s.store
            .journal
            .entries()
            .iter()
            .filter(|e| e.action == action)
            .count()
    };
    assert_eq!(recorded(&s, JournalAction::Verified), 1);
    assert_eq!(recorded(&s, JournalAction::StillConnected), 2);
    assert_eq!(recorded(&s, JournalAction::WithdrawalVerified), 1);
    let entries = s.store.journal.entries().len();
    drop(s);

    // The same export again: nothing new to record, nothing to announce.
    let s = open(&newer, &data);
    assert_eq!(s.store.journal.entries().len(), entries);
    assert!(
        !opening_status(&s.loaded.report)
            .0
            .contains("Since your last export")
    );
    assert_eq!(statuses(&s).len(), 3);
}

#[test]
fn opening_an_export_named_after_today_verifies_nothing_and_the_status_line_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let [ada, bo] = ["Ada", "Bo"].map(person);
    let everyone: People = [&ada, &bo].into_iter().cloned().collect();
    fs::create_dir_all(&data).unwrap();
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&everyone, &[0], on(10)))
        .unwrap();
    drop(journal);
    // Today is 25 March 2026; the folder claims 31 December 2099 and still lists Ada.
    let dir = tmp.path().join("Basic_LinkedInDataExport_12-31-2099");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("Connections.csv"),
        format!("{HEADER}{}{}", row(&ada), row(&bo)),
    )
    .unwrap();
    let s = open(&dir, &data);
    assert_eq!(s.loaded.report.reconciled.verification.findings, []);
    let (line, warning) = opening_status(&s.loaded.report);
    assert!(line.contains("2099-12-31, later than today"), "{line}");
    assert!(warning);
    let status = s.loaded.history.removals[0].status();
    assert_eq!(status, Status::ToDo, "not still connected");
}
