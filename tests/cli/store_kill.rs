//! A `kill -9` in the middle of a confirmation leaves all of the batch or none of it:
//! this test runs itself as a child process that journals large batches in a loop, kills
//! it at varying moments, and reads the journal back as the next start would. (Where a
//! kill lands is up to the scheduler; every possible cut of a batch on disk is tested
//! deterministically in the journal's own tests.)

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use unconnect::model::{People, Person};
use unconnect::store::journal::{self, Journal};

/// Set in the child: the data folder to journal into.
const CHILD_DIR: &str = "UNCONNECT_KILL_TEST_DIR";

/// The child's work (does nothing unless started by the test below): append batches of
/// 5,000 removals until killed.
#[test]
fn child_process_for_the_kill_test() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let people: People = (0..5_000)
        .map(|i| Person {
            first_name: format!("P{i}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            ..Default::default()
        })
        .collect();
    let ids: Vec<u32> = (0..5_000).collect();
    let (mut j, _) = Journal::open(&Path::new(&dir).join("journal.jsonl")).unwrap();
    loop {
        j.append(journal::removal_entries(&people, &ids, journal::now()))
            .unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_kill_mid_batch_leaves_only_whole_batches_in_force() {
    for attempt in 0..6u64 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "store_kill::child_process_for_the_kill_test",
                "--nocapture",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different point of the stream each time (batches are ~0.3 MB).
        let kill_after = 1_500_000 + attempt * 737_000;
        let start = Instant::now();
        while std::fs::metadata(&path).map_or(0, |m| m.len()) < kill_after {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the child stalled"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let (j, recovery) = Journal::open(&path).unwrap();
        let mut per_batch: HashMap<&str, usize> = HashMap::new();
        for e in j.entries() {
            *per_batch.entry(&*e.batch).or_default() += 1;
        }
        assert!(
            !per_batch.is_empty(),
            "attempt {attempt}: something was journaled"
        );
        for (batch, n) in &per_batch {
            assert_eq!(*n, 5_000, "attempt {attempt}: batch {batch} is whole");
        }
        if let Some((written, of)) = recovery.cut_batch {
            assert!(written < of, "attempt {attempt}");
        }
        // Repaired: a second start finds nothing more to set aside.
        let (again, second) = Journal::open(&path).unwrap();
        assert_eq!(again.entries().len(), j.entries().len());
        assert_eq!(second.message(), None, "attempt {attempt}");
    }
}
