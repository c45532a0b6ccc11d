use super::*;
use std::fs;
use std::io::Write;
use std::sync::Arc;

use crate::store::StoreError;
use crate::store::faults::Faults;

fn entry(id: &str) -> JournalEntry {
    let at = now();
    JournalEntry {
        at,
        action: JournalAction::Remove,
        batch: new_batch_id(at),
        batch_len: None,
        id: id.into(),
        person: Some(Arc::new(Person {
            first_name: "Ada".into(),
            url: id.to_owned(),
            ..Default::default()
        })),
        invitation: None,
        export_date: None,
        export_taken: None,
        fingerprint: None,
    }
}

#[test]
fn a_large_batch_built_and_written_in_halves_reads_back_whole_and_in_order() {
    let n = PARALLEL_FROM_ENTRIES as u32 + 1;
    let people: People = (0..n)
        .map(|i| Person {
            first_name: format!("P{i}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            ..Default::default()
        })
        .collect();
    let ids: Vec<u32> = (0..n).rev().collect();
    let at = now();
    let batch = removal_entries(&people, &ids, at);
    // Built across cores, entry for entry what one pass over the ids builds.
    let expected: Vec<String> = ids
        .iter()
        .map(|&i| people.get(PersonId(i)).identity().to_string())
        .collect();
    let built: Vec<String> = batch.iter().map(|e| e.id.to_string()).collect();
    assert!(built == expected, "each entry is its own person, in order");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(batch.clone()).unwrap();
    drop(j);
    let read = Journal::read(&path).unwrap();
    let ids = |entries: &[JournalEntry]| -> Vec<String> {
        entries.iter().map(|e| e.id.to_string()).collect()
    };
    assert!(ids(&read) == ids(&batch), "same entries, same order");
    assert!(read.iter().zip(&batch).all(|(r, b)| r.person == b.person));
    assert_eq!(
        read[0].id,
        format!("https://www.linkedin.com/in/p{}", n - 1)
    );
    // The batch's time, id and length are written once, not once a person.
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(stamp.as_str()).count(), 1);
    assert_eq!(text.matches(&*batch[0].batch).count(), 1);
    assert_eq!(text.lines().count(), n as usize + 1);
}

#[test]
fn appended_entries_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(vec![entry("a"), entry("b")]).unwrap();
    drop(j);
    let (j, recovery) = Journal::open(&path).unwrap();
    assert_eq!(j.entries().len(), 2);
    assert_eq!(j.entries()[1].id, "b");
    assert_eq!(recovery, Recovery::default());
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"action\":\"remove\""));
    // RFC 3339 with milliseconds and the explicit local offset of that moment (`+00:00`,
    // never `Z`), so a reader sees the local time it was confirmed at.
    // The first line's time: entry "a"'s (each test entry is stamped when it is made).
    let at = &text[7..36];
    let parsed = DateTime::parse_from_rfc3339(at).unwrap();
    assert_eq!(parsed, j.entries()[0].at);
    let offset = parsed.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let expected_tail = format!(
        "{sign}{:02}:{:02}",
        offset.abs() / 3600,
        offset.abs() % 3600 / 60
    );
    assert!(
        at.ends_with(&expected_tail),
        "{at} ends with {expected_tail}"
    );
    assert_eq!(at.as_bytes()[19], b'.', "milliseconds: {at}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_torn_last_line_is_saved_aside_and_good_entries_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(vec![entry("a")]).unwrap();
    drop(j);
    let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"{\"at\":\"2026-11-28T1").unwrap();
    drop(f);
    let (mut j, recovery) = Journal::open(&path).unwrap();
    assert_eq!(j.entries().len(), 1);
    let aside = recovery.torn_saved_to.clone().expect("torn line saved");
    assert_eq!(fs::read(&aside).unwrap(), b"{\"at\":\"2026-11-28T1");
    assert!(recovery.message().unwrap().contains("cut off"));
    // New entries start on a fresh line.
    j.append(vec![entry("c")]).unwrap();
    drop(j);
    assert_eq!(Journal::read(&path).unwrap().len(), 2);
}

#[test]
fn reading_to_open_changes_nothing_until_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(vec![entry("a")]).unwrap();
    drop(j);
    let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"{\"at\":\"2026-11-28T1").unwrap();
    drop(f);
    let before = fs::read(&path).unwrap();
    let read = Journal::read_to_open(&path).unwrap();
    assert_eq!(read.entries().len(), 1);
    // Not opened (the export failed to load, say): the torn end is still there, unseen.
    drop(read);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing set aside"
    );
    let (j, recovery) = Journal::read_to_open(&path).unwrap().open().unwrap();
    assert_eq!(j.entries().len(), 1);
    assert!(recovery.torn_saved_to.is_some());
    assert!(recovery.message().unwrap().contains("cut off"));
    // A journal not there yet reads as empty and is created on opening.
    let new = dir.path().join("new.jsonl");
    let read = Journal::read_to_open(&new).unwrap();
    assert!(read.entries().is_empty() && !new.exists());
    read.open().unwrap();
    assert!(new.exists());
}

#[test]
fn a_bad_complete_line_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    fs::write(&path, "not json\n").unwrap();
    let (j, recovery) = Journal::open(&path).unwrap();
    assert!(j.entries().is_empty());
    assert_eq!(recovery.bad_lines, vec![1]);
}

fn ids_in_force(entries: &[JournalEntry]) -> Vec<&str> {
    in_force(entries, JournalAction::Remove)
        .into_iter()
        .map(|e| e.id.as_str())
        .collect()
}

fn batch_of(ids: &[&str]) -> Vec<JournalEntry> {
    let at = now();
    let batch = new_batch_id(at);
    ids.iter()
        .map(|id| JournalEntry {
            batch: batch.clone(),
            ..entry(id)
        })
        .collect()
}

#[test]
fn a_full_disk_mid_batch_leaves_nothing_of_it_and_the_next_batch_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(batch_of(&["a"])).unwrap();
    let before = fs::read(&path).unwrap();
    let faults = Arc::new(Faults::fail_every(1));
    j.inject_faults(Arc::clone(&faults));
    let big: Vec<String> = (0..2000).map(|i| format!("p{i}")).collect();
    let big: Vec<&str> = big.iter().map(String::as_str).collect();
    let failed = j.append(batch_of(&big));
    assert!(matches!(failed, Err(StoreError::Io { .. })), "{failed:?}");
    assert_eq!(faults.injected(), 1);
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "cut back to before the batch"
    );
    assert_eq!(ids_in_force(j.entries()), ["a"]);
    // The retry succeeds whole, on a fresh line.
    faults.set_every(0);
    j.append(batch_of(&big)).unwrap();
    drop(j);
    let (j, recovery) = Journal::open(&path).unwrap();
    assert_eq!(recovery, Recovery::default(), "nothing torn, nothing glued");
    assert_eq!(ids_in_force(j.entries()).len(), 2001);
}

#[test]
fn a_failed_sync_is_rolled_back_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    // One write for a small batch, then the sync: fail the sync.
    j.inject_faults(Arc::new(Faults::fail_every(2)));
    assert!(j.append(batch_of(&["a", "b"])).is_err());
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    assert!(Journal::read(&path).unwrap().is_empty());
}

#[test]
fn when_the_rollback_fails_too_the_cut_batch_never_counts_and_is_undone_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(batch_of(&["a"])).unwrap();
    let before = fs::metadata(&path).unwrap().len();
    let faults = Arc::new(Faults::fail_every(1));
    faults.fail_rollbacks(true);
    j.inject_faults(Arc::clone(&faults));
    let failed = j.append(batch_of(&["b", "c", "d"]));
    assert!(
        matches!(failed, Err(StoreError::Unsure { .. })),
        "{failed:?}"
    );
    assert!(
        fs::metadata(&path).unwrap().len() > before,
        "half a batch on disk"
    );
    // Another reader (`export removed`) meanwhile: the cut batch is not in force.
    assert_eq!(ids_in_force(&Journal::read(&path).unwrap()), ["a"]);
    // Once undoing works again, the next append first cuts the half batch off.
    faults.fail_rollbacks(false);
    faults.set_every(0);
    j.append(batch_of(&["e"])).unwrap();
    drop(j);
    let (j, recovery) = Journal::open(&path).unwrap();
    assert_eq!(recovery, Recovery::default());
    assert_eq!(ids_in_force(j.entries()), ["a", "e"]);
}

#[test]
fn in_force_honours_restores_and_later_removals() {
    let mut entries = batch_of(&["a", "b", "c"]);
    entries.push(JournalEntry {
        action: JournalAction::Restore,
        ..entry("b")
    });
    entries.push(JournalEntry {
        action: JournalAction::Restore,
        ..entry("a")
    });
    entries.extend(batch_of(&["a"]));
    entries.push(JournalEntry {
        action: JournalAction::Withdraw,
        ..entry("inv")
    });
    // b restored; a restored then removed again (now last); c untouched.
    assert_eq!(ids_in_force(&entries), ["c", "a"]);
    let withdrawn: Vec<&str> = in_force(&entries, JournalAction::Withdraw)
        .into_iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(withdrawn, ["inv"]);
    // Restoring an invitation ends its withdrawal too.
    entries.push(JournalEntry {
        action: JournalAction::Restore,
        ..entry("inv")
    });
    assert!(in_force(&entries, JournalAction::Withdraw).is_empty());
}

#[test]
fn two_repairs_within_one_second_keep_both_cut_off_ends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let mut saved = Vec::new();
    for torn in [&b"{\"first"[..], &b"{\"second"[..]] {
        let mut f = fsutil::private_options()
            .append(true)
            .create(true)
            .open(&path)
            .unwrap();
        f.write_all(torn).unwrap();
        drop(f);
        let (_, recovery) = Journal::open(&path).unwrap();
        saved.push(recovery.torn_saved_to.expect("set aside"));
    }
    assert_ne!(saved[0], saved[1]);
    assert_eq!(fs::read(&saved[0]).unwrap(), b"{\"first");
    assert_eq!(fs::read(&saved[1]).unwrap(), b"{\"second");
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_journal_is_refused_at_once_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    mkfifo(&path);
    // Before the fix these would wait forever for a writer.
    let read = Journal::read(&path).unwrap_err().to_string();
    assert!(read.contains("not a regular file"), "{read}");
    assert!(!read.contains('\n'), "one line: {read}");
    let open = Journal::open(&path).unwrap_err().to_string();
    assert!(open.contains("not a regular file"), "{open}");
    let staged = dir.path().join("staged-connections.jsonl");
    mkfifo(&staged);
    let load = crate::store::staged::StagedStore::<Person>::load(&staged).unwrap_err();
    assert!(load.to_string().contains("not a regular file"), "{load}");
    let read = crate::store::staged::read::<Person>(&staged).unwrap_err();
    assert!(read.to_string().contains("not a regular file"), "{read}");
}

#[cfg(unix)]
#[test]
fn a_journal_and_a_staged_file_restored_as_0644_are_private_once_opened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(vec![entry("a")]).unwrap();
    drop(j);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(vec![entry("b")]).unwrap();
    assert_eq!(mode(&path), 0o600);
    let staged = dir.path().join("staged-connections.jsonl");
    fs::write(&staged, "").unwrap();
    fs::set_permissions(&staged, fs::Permissions::from_mode(0o644)).unwrap();
    let _ = crate::store::staged::StagedStore::<Person>::load(&staged).unwrap();
    assert_eq!(mode(&staged), 0o600);
}

#[test]
fn the_exports_fingerprint_is_written_once_in_the_header_and_read_back_whole() {
    let people: People = (0..3)
        .map(|i| Person {
            first_name: format!("P{i}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            ..Default::default()
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.jsonl");
    let (mut j, _) = Journal::open(&path).unwrap();
    j.append(removal_entries(&people, &[0, 2], now())).unwrap();
    drop(j);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("\"fingerprint\"").count(), 1, "{text}");
    // Reopened: nothing cut or set aside, every entry knows its export.
    let (j, recovery) = Journal::open(&path).unwrap();
    assert_eq!(recovery.message(), None);
    let expected = crate::model::fingerprint::of_people(&people);
    assert_eq!(j.entries().len(), 2);
    assert!(
        j.entries()
            .iter()
            .all(|e| e.fingerprint.as_deref() == Some(&expected))
    );
}
