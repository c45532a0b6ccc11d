use super::*;
use crate::store::journal::{JournalAction, mark_batch_lengths, now};

/// `n` removals of one batch, ids `name-0`…; shared with the recovery tests.
pub(in crate::store::journal) fn batch(name: &str, n: usize) -> Vec<JournalEntry> {
    // One time for the whole batch, as a confirmation writes it: a clock tick between
    // two entries would split the compact form into two groups and move its lines.
    let at = now();
    let mut entries: Vec<JournalEntry> = (0..n)
        .map(|i| JournalEntry {
            at,
            action: JournalAction::Remove,
            batch: name.into(),
            batch_len: None,
            id: format!("{name}-{i}").into(),
            person: None,
            invitation: None,
            export_date: None,
            export_taken: None,
            fingerprint: None,
        })
        .collect();
    mark_batch_lengths(&mut entries);
    entries
}

pub(in crate::store::journal) fn lines(entries: &[JournalEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        serde_json::to_writer(&mut out, e).unwrap();
        out.push(b'\n');
    }
    out
}

pub(in crate::store::journal) fn ids(entries: &[JournalEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn a_batch_cut_at_any_byte_never_counts_and_the_earlier_one_always_does() {
    let first = batch("a", 2);
    let second = batch("b", 3);
    let before = lines(&first);
    let whole = [before.clone(), lines(&second)].concat();
    for cut in before.len()..whole.len() {
        let parsed = parse(&whole[..cut]);
        assert_eq!(ids(&parsed.entries), ["a-0", "a-1"], "cut at byte {cut}");
        assert_eq!(parsed.keep_len, before.len(), "cut at byte {cut}");
    }
    assert_eq!(ids(&parse(&whole).entries).len(), 5);
    assert_eq!(parse(&whole).keep_len, whole.len());
}

fn compact_lines(entries: &[JournalEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    compact::write(&mut out, entries).unwrap();
    out
}

#[test]
fn a_compact_batch_cut_at_any_byte_never_counts_and_the_earlier_one_always_does() {
    // The second batch spans two groups (two actions), as a verification's may.
    let mut second = batch("b", 4);
    second[2].action = JournalAction::Verified;
    second[3].action = JournalAction::Verified;
    let before = [lines(&batch("old", 1)), compact_lines(&batch("a", 2))].concat();
    let second = compact_lines(&second);
    let header_end = before.len() + memchr::memchr(b'\n', &second).unwrap() + 1;
    let whole = [before.clone(), second].concat();
    for cut in before.len()..whole.len() {
        let parsed = parse(&whole[..cut]);
        assert_eq!(
            ids(&parsed.entries),
            ["old-0", "a-0", "a-1"],
            "cut at byte {cut}"
        );
        assert_eq!(parsed.keep_len, before.len(), "cut at byte {cut}");
        if cut >= header_end {
            assert_eq!(parsed.cut_batch.map(|c| c.1), Some(4), "cut at byte {cut}");
        }
    }
    let parsed = parse(&whole);
    assert_eq!(parsed.entries.len(), 7);
    assert_eq!(parsed.keep_len, whole.len());
    assert_eq!(parsed.entries[5].action, JournalAction::Verified);
}

#[test]
fn a_compact_group_missing_lines_in_the_middle_is_ignored_but_kept() {
    let text = compact_lines(&batch("a", 3));
    let mut cut: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
    cut.remove(2);
    let damaged = [cut.concat(), compact_lines(&batch("b", 1))].concat();
    let parsed = parse(&damaged);
    assert_eq!(ids(&parsed.entries), ["b-0"]);
    assert_eq!(parsed.incomplete_batches, ["a"]);
    // A row with no header before it is unreadable, not counted.
    let stray = [cut[1..].concat(), compact_lines(&batch("c", 1))].concat();
    let parsed = parse(&stray);
    assert_eq!(ids(&parsed.entries), ["c-0"]);
    assert_eq!(parsed.bad_lines, [1, 2]);
}

#[test]
fn a_batch_missing_entries_in_the_middle_is_ignored_but_kept() {
    let mut entries = batch("a", 3);
    entries.remove(1);
    entries.extend(batch("b", 1));
    let parsed = parse(&lines(&entries));
    assert_eq!(ids(&parsed.entries), ["b-0"]);
    assert_eq!(parsed.incomplete_batches, ["a"]);
    assert_eq!(parsed.cut_batch, None);
}

#[test]
fn entries_from_before_batch_lengths_count_one_by_one() {
    let mut old = batch("old", 2);
    for e in &mut old {
        e.batch_len = None;
    }
    old.truncate(1); // an old journal's split batch: counted, as it always was
    old.extend(batch("new", 2));
    let parsed = parse(&lines(&old));
    assert_eq!(ids(&parsed.entries), ["old-0", "new-0", "new-1"]);
}

#[test]
fn two_batches_with_the_same_id_both_count() {
    let mut entries = batch("same", 2);
    entries.extend(batch("same", 2));
    let parsed = parse(&lines(&entries));
    assert_eq!(parsed.entries.len(), 4);
    assert!(parsed.incomplete_batches.is_empty());
}

/// A batch of removals with people's fields, in the compact form.
fn removals(name: &str, n: usize) -> Vec<u8> {
    let mut entries = batch(name, n);
    let at = now();
    for (i, e) in entries.iter_mut().enumerate() {
        let url = format!("https://www.linkedin.com/in/{name}-{i}");
        let person = crate::model::Person {
            first_name: format!("P{i}"),
            // Eight fields, as for a URL the export wrote with a slash at its end.
            url_as_written: format!("{url}/"),
            url,
            ..Default::default()
        };
        e.at = at;
        e.id = person.identity();
        e.person = Some(std::sync::Arc::new(person));
    }
    compact_lines(&entries)
}

/// `text`'s lines, line `n` (1-based) changed by `change`.
fn damaged(text: &[u8], n: usize, change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = text
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    change(&mut lines[n - 1]);
    lines.concat()
}

#[test]
fn a_damaged_line_inside_the_last_batch_is_reported_and_the_rest_of_it_counts() {
    let first = removals("a", 1);
    let last = removals("b", 4);
    let whole = [first.clone(), last].concat();
    // Line 3 is the header of "b"; line 5 its second row.
    let flipped = damaged(&whole, 5, |line| line[1] = b'#');
    let not_utf8 = damaged(&whole, 5, |line| line.insert(3, 0xff));
    let hand_edit = damaged(&whole, 5, |line| *line = b"oops, I typed here\n".to_vec());
    for (what, text) in [
        ("flipped byte", flipped),
        ("invalid UTF-8", not_utf8),
        ("hand edit", hand_edit),
    ] {
        let parsed = parse(&text);
        assert_eq!(
            ids(&parsed.entries),
            [
                "https://www.linkedin.com/in/a-0",
                "https://www.linkedin.com/in/b-0",
                "https://www.linkedin.com/in/b-2",
                "https://www.linkedin.com/in/b-3"
            ],
            "{what}"
        );
        assert_eq!(parsed.keep_len, text.len(), "{what}: nothing cut");
        assert_eq!(parsed.cut_batch, None, "{what}");
        assert_eq!(parsed.bad_lines, [5], "{what}");
        assert!(parsed.incomplete_batches.is_empty(), "{what}");
    }
}

#[test]
fn a_damaged_line_in_a_last_batch_of_the_older_form_counts_as_its_line() {
    let text = damaged(&lines(&batch("a", 3)), 2, |line| line[0] = b'#');
    let parsed = parse(&text);
    assert_eq!(ids(&parsed.entries), ["a-0", "a-2"]);
    assert_eq!(parsed.keep_len, text.len());
    assert_eq!(parsed.bad_lines, [2]);
}

#[test]
fn a_newer_versions_last_batch_is_read_by_the_fields_this_version_knows() {
    let first = removals("a", 1);
    let text = String::from_utf8([first, removals("b", 2)].concat()).unwrap();
    // One more field in the header and in every row.
    let newer: String = text
        .lines()
        .map(|line| match line.strip_suffix('}') {
            Some(header) => format!("{header},\"origin\":\"phone\"}}\n"),
            None => format!("{},\"tag\",{{\"more\":[1]}}]\n", &line[..line.len() - 1]),
        })
        .collect();
    let parsed = parse(newer.as_bytes());
    assert_eq!(parsed.entries.len(), 3, "{newer}");
    assert_eq!(parsed.keep_len, newer.len());
    assert!(parsed.bad_lines.is_empty(), "{:?}", parsed.bad_lines);
    let person = parsed.entries[2].person.as_deref().unwrap();
    assert_eq!(person.first_name, "P1");
    assert_eq!(person.url, "https://www.linkedin.com/in/b-1");
}

#[test]
fn a_status_row_of_a_newer_version_is_read_by_its_identity() {
    let mut done = batch("d", 2);
    for e in &mut done {
        e.action = JournalAction::Done;
    }
    let text = String::from_utf8(compact_lines(&done)).unwrap();
    let newer = text.replace("\"]", "\",\"more\"]");
    let parsed = parse(newer.as_bytes());
    assert_eq!(ids(&parsed.entries), ["d-0", "d-1"], "{newer}");
}

#[test]
fn blank_lines_reserve_no_memory_per_line() {
    let parsed = parse(&vec![b'\n'; 1 << 20]);
    assert!(parsed.entries.is_empty());
    assert!(
        parsed.entries.capacity() < 1024,
        "{} entries reserved for blank lines",
        parsed.entries.capacity()
    );
}

#[test]
fn a_damaged_header_inside_the_last_batch_costs_its_group_not_the_batch() {
    // The last batch spans two groups: two removals, then two verifications.
    let mut last = batch("b", 4);
    let at = now();
    for e in &mut last {
        e.at = at;
    }
    last[2].action = JournalAction::Verified;
    last[3].action = JournalAction::Verified;
    let whole = [compact_lines(&batch("a", 1)), compact_lines(&last)].concat();
    // Lines: 1-2 "a", 3 header of "b", 4-5 its removals, 6 the second header, 7-8 rows.
    let text = damaged(&whole, 6, |line| line[0] = b'#');
    let parsed = parse(&text);
    assert_eq!(ids(&parsed.entries), ["a-0", "b-0", "b-1"]);
    assert_eq!(parsed.keep_len, text.len(), "nothing cut");
    assert_eq!(parsed.cut_batch, None);
    assert_eq!(parsed.bad_lines, [6, 7, 8]);
    // Cut by a crash after the damaged header, it is set aside all the same.
    let cut = &text[..text.len() - 3];
    let parsed = parse(cut);
    assert_eq!(ids(&parsed.entries), ["a-0"]);
    assert_eq!(
        parsed.cut_batch.map(|(seen, of, _)| (seen, of)),
        Some((3, 4))
    );
    assert!(parsed.bad_lines.is_empty(), "{:?}", parsed.bad_lines);
}

/// Entries handed on by [`stream`] from `bytes` in a file, with their lines' starts.
fn streamed(bytes: &[u8]) -> (Vec<JournalEntry>, Vec<u64>, Parsed) {
    let mut file = tempfile::tempfile().unwrap();
    std::io::Write::write_all(&mut file, bytes).unwrap();
    let mut handed = (Vec::new(), Vec::new());
    let parsed = stream(&file, Fields::Lean, &mut |e, at| {
        handed.0.push(e);
        handed.1.push(at);
    })
    .unwrap();
    (handed.0, handed.1, parsed)
}

proptest::proptest! {
    /// Reading twice and handing entries on (what `history` does) finds exactly the
    /// entries a reading that holds them keeps, at the same lines, whatever the damage:
    /// a torn end, a byte changed anywhere, a line gone from the middle of a batch.
    #[test]
    fn streaming_hands_on_what_holding_keeps(
        batches in proptest::collection::vec((0..4u8, 1..6usize), 1..6),
        damage in proptest::option::of((0..3u8, proptest::num::usize::ANY, proptest::num::u8::ANY)),
    ) {
        let mut bytes = Vec::new();
        for (i, &(form, n)) in batches.iter().enumerate() {
            let name = format!("b{i}");
            bytes.extend(match form {
                0 => removals(&name, n),
                1 => lines(&batch(&name, n)),
                2 => {
                    let mut marks = batch(&name, n);
                    for e in &mut marks {
                        e.action = JournalAction::Done;
                        e.id = format!("https://www.linkedin.com/in/b0-{}", e.id.len() % 3).into();
                    }
                    compact_lines(&marks)
                }
                _ => compact_lines(&batch(&name, n)),
            });
        }
        let line_count = memchr::memchr_iter(b'\n', &bytes).count();
        match damage {
            Some((0, at, _)) => bytes.truncate(at % (bytes.len() + 1)),
            Some((1, at, byte)) => {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            Some((_, at, _)) => bytes = damaged(&bytes, at % line_count + 1, Vec::clear),
            None => {}
        }
        let held = parse_keeping(&bytes[..], Fields::Lean).unwrap();
        let (entries, offsets, parsed) = streamed(&bytes);
        proptest::prop_assert_eq!(&entries, &held.entries);
        proptest::prop_assert_eq!(&offsets, &held.offsets);
        proptest::prop_assert_eq!(
            (parsed.keep_len, parsed.cut_batch, &parsed.bad_lines, &parsed.incomplete_batches),
            (held.keep_len, held.cut_batch, &held.bad_lines, &held.incomplete_batches)
        );
        proptest::prop_assert!(parsed.entries.is_empty());
    }
}
