//! The journal's paths from `PARALLEL_FROM_ENTRIES`, held against their simple forms:
//! a batch of removals built on two threads against one built a slice at a time, and
//! a group written on two threads a chunk at a time against one written line by line.

use chrono::DateTime;

use super::*;
use crate::model::People;
use crate::store::journal::{mark_batch_lengths, removal_entries};

/// `n` people of every kind the compact form distinguishes: with a URL, one written
/// percent-encoded, one written as something else, none (identity by name and e-mail).
fn people(n: u32) -> People {
    let mut people = People::default();
    for i in 0..n {
        let (url, written) = match i % 4 {
            0 => (format!("https://www.linkedin.com/in/p{i}"), String::new()),
            1 => (
                format!("https://www.linkedin.com/in/zoë-{i}"),
                format!("https://www.linkedin.com/in/zo%C3%AB-{i}"),
            ),
            2 => (
                format!("https://www.linkedin.com/in/p{i}"),
                format!("https://www.linkedin.com/in/p{i}/"),
            ),
            _ => (String::new(), String::new()),
        };
        let first = format!("P{i}");
        let email = format!("p{}@example.com", i % 97);
        let fields = [
            first.as_str(),
            "Ex\"ample",
            &url,
            &email,
            "Acme, Inc.",
            "CEO",
        ];
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1 + i % 28);
        people.push_written(fields, &written, date).unwrap();
    }
    people
}

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T18:40:00.123+01:00").unwrap()
}

#[test]
fn a_large_batch_built_on_two_threads_equals_one_built_a_slice_at_a_time() {
    let n = PARALLEL_FROM_ENTRIES as u32 * 2 + 3;
    let people = people(n);
    // Staged in display order, not storage order.
    let ids: Vec<u32> = (0..n).map(|i| (i * 7_919) % n).collect();
    let built = removal_entries(&people, &ids, at());
    let simple: Vec<JournalEntry> = ids
        .chunks(1_000)
        .flat_map(|slice| removal_entries(&people, slice, at()))
        .collect();
    assert_eq!(built.len(), simple.len());
    assert!(built == simple, "the same entries in the same order");
}

/// `batch` written the simple way: each group's header, then its entries one by one.
fn line_by_line(batch: &[JournalEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < batch.len() {
        let first = &batch[start];
        if form(first) == Form::Whole {
            serde_json::to_writer(&mut out, first).unwrap();
            out.push(b'\n');
            start += 1;
            continue;
        }
        let n = batch[start..]
            .iter()
            .take_while(|e| same_group(first, e) && form(e) != Form::Whole)
            .count();
        let header = Header {
            at: first.at,
            batch: first.batch.clone(),
            action: first.action,
            batch_len: first.batch_len.unwrap_or(n),
            n,
            export_date: first.export_date,
            export_taken: first.export_taken,
            fingerprint: first.fingerprint.clone(),
        };
        serde_json::to_writer(&mut out, &header).unwrap();
        out.push(b'\n');
        for e in &batch[start..start + n] {
            entry_line(&mut out, e).unwrap();
            out.push(b'\n');
        }
        start += n;
    }
    out
}

#[test]
fn a_large_group_written_on_two_threads_equals_one_written_line_by_line() {
    // A group past the threshold (two chunks of the writer, one a thread), after a
    // small group and an entry written whole.
    let n = PARALLEL_FROM_ENTRIES as u32 * 4;
    let people = people(n);
    let ids: Vec<u32> = (0..n).rev().collect();
    let mut batch = removal_entries(&people, &ids[..3], at());
    let mut whole = batch[0].clone();
    whole.id = "name:someone else".into(); // not the person's identity
    batch.push(whole);
    let later = at() + chrono::Duration::seconds(1);
    batch.extend(removal_entries(&people, &ids, later));
    mark_batch_lengths(&mut batch);
    let mut written = Vec::new();
    write(&mut written, &batch).unwrap();
    let simple = line_by_line(&batch);
    assert_eq!(written.len(), simple.len());
    assert!(written == simple, "the same bytes");
    let lines = memchr::memchr_iter(b'\n', &written).count();
    assert_eq!(
        lines,
        batch.len() + 2,
        "a header for each of the two groups"
    );
}
