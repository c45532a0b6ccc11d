//! The session opened on the journal read lean (no people before the first screen) must
//! find what the full read finds: the same report, the same Connections list, and once
//! the people are read back, the same History.

use std::fs;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Options, Session, open};
use crate::import::Progress;
use crate::model::history::{Finding, Kind};
use crate::model::{InvitationRules, People, Person, PersonId};
use crate::store::journal::{removal_entries, status_entries, verification_entries};
use crate::store::{DataDir, Journal, JournalAction};

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
const NAMES: [&str; 7] = ["Ada", "Bo", "Cy", "Di", "Eve", "Fay", "Gus"];

fn url(name: &str) -> String {
    format!("https://www.linkedin.com/in/{}", name.to_lowercase())
}

fn at(day: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T12:00:00.000+00:00")).unwrap()
}

fn options(export: &Path, data: &Path) -> Options {
    Options {
        path: Some(export.to_path_buf()),
        invitations: None,
        data_dir: data.to_path_buf(),
        demo_data_dir: false,
        today: NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(),
        rules: InvitationRules::default(),
    }
}

fn opened(export: &Path, data: &Path, lean: bool) -> Session {
    let data_dir = DataDir::open_locked(data).unwrap();
    open(
        export,
        &options(export, data),
        data_dir,
        &Progress::default(),
        lean,
    )
    .unwrap()
}

/// Everyone of `NAMES` in the export; a journal of removals with a damaged line inside a
/// complete batch, a restore and a removal again, marks and a verification; Gus staged.
fn setup(root: &Path) -> std::path::PathBuf {
    let people: People = NAMES
        .iter()
        .map(|n| Person {
            first_name: (*n).to_owned(),
            last_name: "Test".into(),
            url: url(n),
            company: "Acme".into(),
            ..Default::default()
        })
        .collect();
    let mut csv = String::from(HEADER);
    for n in NAMES {
        csv.push_str(&format!("{n},Test,{},,Acme,,01 Jan 2020\n", url(n)));
    }
    let export = root.join("Connections.csv");
    fs::write(&export, csv).unwrap();
    let data = root.join("data");
    fs::create_dir_all(&data).unwrap();
    let path = data.join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(removal_entries(&people, &[0, 1, 2, 3, 4], at(1)))
        .unwrap();
    j.append(status_entries(
        [url("Bo").as_str()],
        JournalAction::Restore,
        at(2),
    ))
    .unwrap();
    j.append(status_entries(
        [url("Ada").as_str()],
        JournalAction::Done,
        at(3),
    ))
    .unwrap();
    j.append(status_entries(
        [url("Di").as_str()],
        JournalAction::Opened,
        at(3),
    ))
    .unwrap();
    let findings = [(url("Di"), false), (url("Eve"), true)].map(|(id, gone)| Finding {
        kind: Kind::Removal,
        id: id.as_str().into(),
        gone,
    });
    let day = crate::model::history::ExportDate {
        day: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        taken: None,
    };
    j.append(verification_entries(&findings, &day, at(4)))
        .unwrap();
    j.append(removal_entries(&people, &[1], at(5))).unwrap();
    drop(j);
    // Cy's line in the first batch, damaged by hand: reported, kept, the batch counts.
    let text = fs::read_to_string(&path).unwrap();
    let cy = text.lines().position(|l| l.contains("/in/cy")).unwrap();
    let damaged: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == cy { "[\"Cy\",\"Te" } else { l })
        .collect();
    fs::write(&path, damaged.join("\n") + "\n").unwrap();
    export
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn the_lean_start_reports_lists_and_replays_what_the_full_read_does() {
    let tmp = tempfile::tempdir().unwrap();
    let export = setup(tmp.path());
    // Gus staged, as the app saves a staged set.
    {
        let s = opened(&export, &tmp.path().join("data"), false);
        let gus = s
            .loaded
            .people
            .ids()
            .find(|&id| s.loaded.people.get(id).first_name == "Gus");
        let gus = gus.unwrap().0;
        let people = &s.loaded.people;
        s.store
            .staged
            .save_ids(&[gus], |id, key| {
                people.get(PersonId(id)).write_identity(key);
            })
            .unwrap();
    }
    copy_dir(&tmp.path().join("data"), &tmp.path().join("lean"));
    copy_dir(&tmp.path().join("data"), &tmp.path().join("full"));
    let mut lean = opened(&export, &tmp.path().join("lean"), true);
    let full = opened(&export, &tmp.path().join("full"), false);

    // The lean start held no person before the first screen.
    assert!(!lean.loaded.history.removals.is_empty());
    assert!(
        lean.loaded
            .history
            .removals
            .iter()
            .all(|r| r.person.is_none())
    );
    // What the first screen shows: the same report and the same Connections list.
    let report = |s: &Session, dir: &str| {
        format!("{:?}", s.loaded.report)
            .replace(&tmp.path().join(dir).display().to_string(), "DATA")
    };
    assert_eq!(report(&lean, "lean"), report(&full, "full"));
    assert_eq!(
        format!("{:?}", lean.loaded.triage),
        format!("{:?}", full.loaded.triage)
    );
    assert_eq!(lean.loaded.kept, full.loaded.kept);
    // The setup did what it says: a damaged line reported, Ada, Bo, Di and Eve removed
    // (Cy's line is unreadable), Gus put back on the staged side.
    assert_eq!(
        full.loaded.report.repairs.len(),
        1,
        "{:?}",
        full.loaded.report
    );
    assert_eq!(full.loaded.report.removed_here, 4);
    assert_eq!(full.loaded.report.restored, 1);

    // Behind the first screen, the History's records get their people back.
    std::mem::take(&mut lean.history_people)
        .fill(&mut lean.loaded.history)
        .unwrap();
    assert_eq!(
        format!("{:?}", lean.loaded.history),
        format!("{:?}", full.loaded.history)
    );
    let bo = lean
        .loaded
        .history
        .removals
        .iter()
        .find(|r| r.id.as_str() == url("Bo"));
    assert_eq!(bo.unwrap().name(), "Bo Test");
}
