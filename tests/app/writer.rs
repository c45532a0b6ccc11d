//! The writer thread: staged sets and the journal written off the UI thread, in order,
//! with nothing lost when the app quits right after asking.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use unconnect::app::{ConfirmAction, ListKind, Written};
use unconnect::model::{People, Person};
use unconnect::runtime::writer::{Entries, Job, Staged, Writer};
use unconnect::session::Store;
use unconnect::store::faults::Faults;
use unconnect::store::journal::{self, Journal, JournalAction};
use unconnect::store::staged::{self, StagedStore};
use unconnect::store::{DataDir, StoreError};

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

pub(crate) fn store(dir: &std::path::Path) -> Store {
    let data_dir = DataDir::open_locked(dir).unwrap();
    let (journal, _) = Journal::open(&data_dir.journal_path()).unwrap();
    let (staged, _) = StagedStore::load(&data_dir.staged_path("connections")).unwrap();
    let (staged_invitations, _) = StagedStore::load(&data_dir.staged_path("invitations")).unwrap();
    let (kept, _) = StagedStore::load(&data_dir.kept_path()).unwrap();
    Store {
        data_dir,
        journal,
        staged,
        staged_invitations,
        kept,
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
    // Quitting right away: finish waits, and reports every job.
    let written = writer.finish();
    assert_eq!(written.len(), 6);
    assert!(written.iter().all(|w| match w {
        Written::Staged(_, r) => r.is_ok(),
        Written::Confirmed(_, r) => r.is_ok(),
        Written::Exported { result, count, .. } => result.is_ok() && *count == 2,
        Written::Kept(_) | Written::Recorded { .. } | Written::View(_) => false, // nothing asked for those
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
    let saved = staged::read::<Person>(&dir.path().join("staged-connections.jsonl")).unwrap();
    let ids: Vec<&str> = saved.ids().collect();
    assert_eq!(
        ids,
        ["https://www.linkedin.com/in/p7"],
        "the last snapshot wins"
    );
}

fn url(i: u32) -> String {
    format!("https://www.linkedin.com/in/p{i}")
}

/// Who the journal on disk has as removed, read as the next start would.
fn removed_on_disk(dir: &Path) -> BTreeSet<String> {
    let entries = Journal::read(&dir.join("journal.jsonl")).unwrap();
    journal::in_force(&entries, JournalAction::Remove)
        .into_iter()
        .map(|e| e.id.to_string())
        .collect()
}

fn staged_on_disk(dir: &Path) -> BTreeSet<String> {
    staged::read::<Person>(&dir.join("staged-connections.jsonl"))
        .unwrap()
        .ids()
        .map(str::to_owned)
        .collect()
}

fn urls(ids: &BTreeSet<u32>) -> BTreeSet<String> {
    ids.iter().map(|&i| url(i)).collect()
}

fn save_staged(writer: &mut Writer, people: &Arc<People>, staged: &BTreeSet<u32>) -> bool {
    writer.send(Job::SaveStaged(Staged::People {
        people: Arc::clone(people),
        ids: staged.iter().copied().collect(),
    }));
    match writer.wait_idle().as_slice() {
        [Written::Staged(ListKind::Connections, result)] => result.is_ok(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_long_session_on_a_failing_disk_never_reports_more_or_less_than_the_disk_holds() {
    let (mut confirmed, mut refused, mut injected) = (0, 0, 0);
    for every in [3, 4, 5, 6, 7, 11, 13] {
        let (c, r, i) = long_session_failing_every(every);
        confirmed += c;
        refused += r;
        injected += i;
    }
    assert!(injected >= 100, "{injected} failures");
    assert!(
        confirmed >= 30 && refused >= 30,
        "{confirmed} confirmed, {refused} refused"
    );
}

/// 100 rounds of staging and confirming while every `every`-th write or sync fails, in
/// the journal and in staged saves alike; the invariants are checked after each round.
/// Returns (batches confirmed, batches refused, failures injected).
fn long_session_failing_every(every: usize) -> (usize, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let people = people(600);
    let mut store = store(dir.path());
    let faults = Arc::new(Faults::fail_every(every));
    store.journal.inject_faults(Arc::clone(&faults));
    store.staged.inject_faults(Arc::clone(&faults));
    let mut writer = Writer::spawn(store).unwrap();
    let (mut staged, mut removed, mut selected) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut saved = BTreeSet::new();
    let (mut confirmed, mut refused) = (0, 0);
    for round in 0..100u32 {
        let more = (round * 6..round * 6 + 6).filter(|i| i % 5 != 0);
        staged.extend(more.clone());
        selected.extend(more);
        let mut saved_now = save_staged(&mut writer, &people, &staged);
        if saved_now {
            saved.clone_from(&staged);
        }
        if round % 3 == 2 {
            let ids: Vec<u32> = staged.iter().copied().collect();
            writer.send(Job::Confirm {
                action: ConfirmAction::Journal {
                    kind: ListKind::Connections,
                    ids: ids.clone(),
                },
                entries: Entries::Removals {
                    people: Arc::clone(&people),
                    at: journal::now(),
                },
            });
            match writer.wait_idle().as_slice() {
                [Written::Confirmed(action, Ok(_))] => {
                    assert_eq!(action.ids(), ids.as_slice());
                    confirmed += 1;
                    removed.extend(ids);
                    staged.clear();
                    // As the app does after "Removed N": save the emptied right column.
                    saved_now = save_staged(&mut writer, &people, &staged);
                    if saved_now {
                        saved.clone_from(&staged);
                    }
                }
                [Written::Confirmed(_, Err(StoreError::Io { .. }))] => refused += 1,
                other => panic!("every {every}, round {round}: {other:?}"),
            }
        }
        // What was reported is exactly what a restart would find.
        assert_eq!(
            removed_on_disk(dir.path()),
            urls(&removed),
            "every {every}, round {round}"
        );
        assert_eq!(
            staged_on_disk(dir.path()),
            urls(&saved),
            "every {every}, round {round}"
        );
        if saved_now {
            // Nobody the user selected is lost: staged or removed, on disk.
            let on_disk: BTreeSet<String> = staged_on_disk(dir.path())
                .union(&removed_on_disk(dir.path()))
                .cloned()
                .collect();
            assert_eq!(on_disk, urls(&selected), "every {every}, round {round}");
        }
    }
    drop(writer.finish());
    // The next start finds nothing torn, nothing glued, no temp files.
    let (j, recovery) = Journal::open(&dir.path().join("journal.jsonl")).unwrap();
    assert_eq!(recovery.message(), None);
    assert_eq!(j.entries().len(), removed.len());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
    (confirmed, refused, faults.injected())
}

/// Polls like the UI does for writes it does not wait for (over 30,000 items).
fn poll_until_written(writer: &mut Writer) -> Written {
    let start = Instant::now();
    loop {
        if let Some(w) = writer.results().pop() {
            return w;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "no answer");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_batch_over_30000_is_all_or_nothing_while_the_screen_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let n = 30_001;
    let people = people(n);
    let ids: Vec<u32> = (0..n as u32).collect();
    let confirm = |ids: &[u32]| Job::Confirm {
        action: ConfirmAction::Journal {
            kind: ListKind::Connections,
            ids: ids.to_vec(),
        },
        entries: Entries::Removals {
            people: Arc::clone(&people),
            at: journal::now(),
        },
    };
    let mut store = store(dir.path());
    // The disk fills up halfway through the batch's first write.
    let faults = Arc::new(Faults::fail_every(1));
    store.journal.inject_faults(Arc::clone(&faults));
    let mut writer = Writer::spawn(store).unwrap();
    writer.send(confirm(&ids));
    match poll_until_written(&mut writer) {
        Written::Confirmed(action, Err(e)) => {
            assert_eq!(action.ids().len(), n);
            assert!(e.to_string().contains("No space left on device"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        removed_on_disk(dir.path()).is_empty(),
        "nothing of it counts"
    );
    assert_eq!(
        std::fs::metadata(dir.path().join("journal.jsonl"))
            .unwrap()
            .len(),
        0,
        "the half-written batch was cut back"
    );
    // Space again: the same confirmation goes through whole.
    faults.set_every(0);
    writer.send(confirm(&ids));
    match poll_until_written(&mut writer) {
        Written::Confirmed(action, Ok(_)) => assert_eq!(action.ids().len(), n),
        other => panic!("{other:?}"),
    }
    let removed = removed_on_disk(dir.path());
    assert_eq!(removed.len(), n);
    assert!(removed.contains(&url(30_000)));
}
