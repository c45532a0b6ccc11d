//! Reading a staged file in two halves on two threads (from `PARALLEL_FROM_BYTES`)
//! held against reading it in one run: the same groups, entries and damaged lines, by
//! the same line numbers, wherever the middle falls.

use proptest::prelude::*;

use super::*;

/// One line of a staged file, as this program writes it or as damage leaves it.
fn line() -> impl Strategy<Value = Vec<u8>> {
    let id = "[a-z0-9%-]{1,12}";
    prop_oneof![
        4 => id.prop_map(|s| format!("[\"{s}\"]").into_bytes()),
        2 => id.prop_map(|s| format!("\"https://example.com/{s}\"").into_bytes()),
        1 => id.prop_map(|s| format!("\"tab\\t{s}\"").into_bytes()),
        1 => (id, 0u32..9).prop_map(|(s, n)| format!("{{\"id\":\"{s}\",\"item\":{n}}}").into_bytes()),
        1 => prop::sample::select(vec![
            "{\"staged\":3,\"export\":\"/exports/a.zip\"}",
            "{\"staged\":2,\"export\":null}",
            "{\"staged\":9,\"export\":null}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::sample::select(vec!["{not json", "", "  [\"padded\"]  ", "[\"cut", "42"])
            .prop_map(|s| s.as_bytes().to_vec()),
        1 => id.prop_map(|s| {
            let mut line = format!("[\"{s}").into_bytes();
            line.extend_from_slice(b"\xff\"]"); // not UTF-8
            line
        }),
    ]
}

fn file(lines: &[Vec<u8>], crlf: bool, last_break: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        out.extend_from_slice(line);
    }
    if last_break {
        out.push(b'\n');
    }
    out
}

/// Parses `bytes` as loading does, in halves when `parallel_from` says.
fn parsed(bytes: &[u8], parallel_from: usize) -> (StagedSet<u32>, Vec<(usize, String)>) {
    let (text, not_utf8) = as_text(bytes);
    let (set, bad) = parse_from::<u32>(&text, &not_utf8, parallel_from);
    let bad = bad.into_iter().map(|(n, l)| (n, l.to_owned())).collect();
    (set, bad)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_staged_file_read_in_halves_reads_as_in_one_run(
        lines in prop::collection::vec(line(), 0..60),
        crlf in any::<bool>(),
        last_break in any::<bool>(),
    ) {
        let bytes = file(&lines, crlf, last_break);
        prop_assert_eq!(parsed(&bytes, 0), parsed(&bytes, usize::MAX));
    }

    #[test]
    fn a_staged_file_read_in_any_number_of_parts_reads_as_in_one_run(
        lines in prop::collection::vec(line(), 0..60),
        crlf in any::<bool>(),
        last_break in any::<bool>(),
        parts in 1usize..9,
    ) {
        let bytes = file(&lines, crlf, last_break);
        let (text, not_utf8) = as_text(&bytes);
        let (split, split_bad) = parse_in_parts::<u32>(&text, &not_utf8, parts);
        let (one, one_bad) = format::parse_lines::<u32>(&text, 0, &not_utf8).finish();
        prop_assert_eq!(split_bad, one_bad);
        prop_assert!(split == one, "{} parts", parts);
    }
}

#[test]
fn a_staged_file_past_the_threshold_reads_as_in_one_run() {
    // The real threshold: groups on both sides of the middle, damaged lines in both.
    let mut lines = Vec::new();
    let mut size = 0;
    let mut i = 0usize;
    while size < PARALLEL_FROM_BYTES + 4096 {
        let line = match i % 5_000 {
            0 => "{\"staged\":3,\"export\":\"/exports/a.zip\"}".to_owned(),
            1 => "{not json".to_owned(),
            2 => format!("{{\"id\":\"e{i}\",\"item\":{}}}", i % 7),
            _ => format!("[\"person-{i:x}\"]"),
        };
        size += line.len() + 1;
        lines.push(line.into_bytes());
        i += 1;
    }
    lines.push(b"[\"not utf-8 \xff\"]".to_vec());
    let bytes = file(&lines, false, true);
    let (text, not_utf8) = as_text(&bytes);
    let (halves, halves_bad) = parse::<u32>(&text, &not_utf8);
    let (one, one_bad) = format::parse_lines::<u32>(&text, 0, &not_utf8).finish();
    assert!(halves_bad.len() > 2, "damage on both sides");
    assert_eq!(halves_bad, one_bad);
    assert!(halves.groups.len() > 2, "groups on both sides");
    assert!(halves == one, "the same groups and entries");
}
