//! The writer thread: staged sets and the journal written off the UI thread, in order,
//! with nothing lost when the app quits right after asking.

use std::sync::Arc;

use unconnect::app::{ConfirmAction, ListKind, Written};
use unconnect::model::{People, Person};
use unconnect::runtime::writer::{Entries, Job, Staged, Writer};
use unconnect::session::Store;
use unconnect::store::DataDir;
use unconnect::store::journal::{self, Journal, JournalAction};
use unconnect::store::staged::{self, StagedStore};

fn people(n: usize) -> Arc<People> {
    Arc::new(
        (0..n)
            .map(|i| Person {
                first_name: format!("P{i}"),
                url: format!("https://www.linkedin.com/in/p{i}"),
                ..Default::default()
            })
            .collect(),
    )
}

fn store(dir: &std::path::Path) -> Store {
    let data_dir = DataDir::open_locked(dir).unwrap();
    let (journal, _) = Journal::open(&data_dir.journal_path()).unwrap();
    let (staged, _) = StagedStore::load(&data_dir.staged_path("connections")).unwrap();
    let (staged_invitations, _) = StagedStore::load(&data_dir.staged_path("invitations")).unwrap();
    Store {
        data_dir,
        journal,
        staged,
        staged_invitations,
    }
}

#[test]
fn everything_asked_is_written_in_order_before_finish_returns() {
    let dir = tempfile::tempdir().unwrap();
    let people = people(10);
    let mut writer = Writer::spawn(store(dir.path())).unwrap();
    for ids in [vec![1, 2, 3], vec![1, 2, 3, 4], vec![2, 5]] {
        writer.send(Job::SaveStaged(Staged::People {
            people: Arc::clone(&people),
            ids,
        }));
    }
    writer.send(Job::Confirm {
        action: ConfirmAction::Journal {
            kind: ListKind::Connections,
            ids: vec![2, 5],
        },
        entries: Entries::Removals {
            people: Arc::clone(&people),
            at: journal::now(),
        },
    });
    writer.send(Job::SaveStaged(Staged::People {
        people: Arc::clone(&people),
        ids: vec![7],
    }));
    let csv = dir.path().join("out.csv");
    writer.send(Job::Export {
        path: csv.clone(),
        rows: Staged::People {
            people: Arc::clone(&people),
            ids: vec![7, 8],
        },
    });
    assert!(writer.is_busy());
    // Quitting right away: finish waits, and reports every job.
    let written = writer.finish();
    assert_eq!(written.len(), 6);
    assert!(written.iter().all(|w| match w {
        Written::Staged(_, r) => r.is_ok(),
        Written::Confirmed(_, r) => r.is_ok(),
        Written::Exported { result, count, .. } => result.is_ok() && *count == 2,
    }));
    let exported = std::fs::read_to_string(&csv).unwrap();
    assert!(
        exported.starts_with("\u{feff}First Name,Last Name,URL"),
        "{exported}"
    );
    assert!(
        exported.contains("P7,,https://www.linkedin.com/in/p7"),
        "{exported}"
    );
    assert_eq!(exported.lines().count(), 3);
    let entries = Journal::read(&dir.path().join("journal.jsonl")).unwrap();
    let removed: Vec<&str> = entries
        .iter()
        .filter(|e| e.action == JournalAction::Remove)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        removed,
        [
            "https://www.linkedin.com/in/p2",
            "https://www.linkedin.com/in/p5"
        ]
    );
    let saved: Vec<staged::StagedEntry<Person>> =
        staged::read(&dir.path().join("staged-connections.jsonl")).unwrap();
    let ids: Vec<&str> = saved.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["https://www.linkedin.com/in/p7"],
        "the last snapshot wins"
    );
}
