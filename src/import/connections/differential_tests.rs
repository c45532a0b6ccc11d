//! The two-half import (from `PARALLEL_FROM_BYTES`, split where `find_split` says)
//! held against one pass over the same file: same people in the same order, same
//! report. Generated exports with duplicates on both sides of the middle, quoted line
//! breaks, hidden and short rows, bad and digit-only dates; the threshold lowered so
//! small files take the split path, and once at the real size.

use proptest::prelude::*;

use super::tests::JOINS;
use super::*;
use crate::model::people::PersonRef;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
const FIRST: &[&str] = &["Ada", "José", "Zoë", "Łukasz", "Ann"];
const LAST: &[&str] = &["One", "García", "O'Brien", "\"Van der Berg\""];
const COMPANY: &[&str] = &["", "Acme", "\"Globex, Inc.\"", "\"Umbrella \"\"Corp\"\"\""];
const POSITION: &[&str] = &["", "CEO", "\"Line one\nline two\"", "Engineer"];
/// Digit-only dates make the import choose day or month first from the whole file.
const DATES: &[&str] = &[
    "01 Jan 2024",
    "16.09.2021",
    "03.04.2020",
    "someday",
    "",
    "28 Feb 2019",
];

/// One row: a kind (person, hidden, short), then picks from the lists above. Few
/// choices, so the same person comes back often, on either side of the middle.
type Row = (u8, usize, usize, u8, bool, usize, usize, usize);

fn row() -> impl Strategy<Value = Row> {
    (
        0u8..12,
        0..FIRST.len(),
        0..LAST.len(),
        0u8..6,
        any::<bool>(),
        0..COMPANY.len(),
        0..POSITION.len(),
        0..DATES.len(),
    )
}

fn write_row(out: &mut String, (kind, f, l, url, email, c, p, d): Row) {
    match kind {
        0 => out.push_str(",,,,,,02 Jan 2024"), // a hidden profile
        1 => out.push_str("short,row"),
        _ => {
            let url = match url {
                0 => String::new(),
                n => format!("https://www.linkedin.com/in/p-{n}"),
            };
            let email = if email { "p@example.com" } else { "" };
            let fields = [
                FIRST[f],
                LAST[l],
                &url,
                email,
                COMPANY[c],
                POSITION[p],
                DATES[d],
            ];
            out.push_str(&fields.join(","));
        }
    }
}

fn export(rows: &[Row], crlf: bool, preamble: bool) -> String {
    let mut out = String::new();
    if preamble {
        out.push_str("Notes:\n\"Some note\"\n\n");
    }
    out.push_str(HEADER);
    for &r in rows {
        out.push('\n');
        write_row(&mut out, r);
    }
    out.push('\n');
    if crlf { out.replace('\n', "\r\n") } else { out }
}

fn people(p: &People) -> Vec<PersonRef<'_>> {
    p.ids().map(|id| p.get(id)).collect()
}

fn joins() -> usize {
    JOINS.with(std::cell::Cell::get)
}

/// Parses `path` in one pass and as `split` says; fails on any difference.
fn same_as_one_pass(path: &Path, split: impl FnOnce(u64) -> Option<u64>) {
    let progress = Progress::default();
    let (one, one_report) = parse_file_split_at("c.csv", path, &progress, |_| None).unwrap();
    let (two, two_report) = parse_file_split_at("c.csv", path, &progress, split).unwrap();
    assert_eq!(two.len(), one.len());
    assert!(people(&two) == people(&one), "people differ");
    assert_eq!(two_report, one_report);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Split where the import would split it, with the threshold lowered to nothing.
    #[test]
    fn halves_split_at_the_middle_read_as_one_pass(
        rows in prop::collection::vec(row(), 1..80),
        crlf in any::<bool>(),
        preamble in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        std::fs::write(&path, export(&rows, crlf, preamble)).unwrap();
        same_as_one_pass(&path, |size| find_split(&path, size));
        let progress = Progress::default();
        let lowered = parse_file_from("c.csv", &path, &progress, 0).unwrap();
        let one = parse_file_split_at("c.csv", &path, &progress, |_| None).unwrap();
        prop_assert!(people(&lowered.0) == people(&one.0));
        prop_assert_eq!(lowered.1, one.1);
    }

    /// Split anywhere past the header: inside a field, a quoted line break, a CRLF.
    #[test]
    fn halves_split_anywhere_read_as_one_pass(
        rows in prop::collection::vec(row(), 1..40),
        crlf in any::<bool>(),
        at in any::<prop::sample::Index>(),
    ) {
        let csv = export(&rows, crlf, false);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        std::fs::write(&path, &csv).unwrap();
        let body = HEADER.len() as u64 + 1;
        let split = body + at.index(csv.len() - body as usize) as u64;
        same_as_one_pass(&path, |_| Some(split));
    }
}

#[test]
fn most_generated_exports_are_joined_from_two_halves() {
    // The proptests above would pass if every split fell back to one pass: here the
    // halves must really be joined.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let mut joined = 0;
    for seed in 0..20u64 {
        let rows: Vec<Row> = (0..60u64)
            .map(|i| {
                let x = (i * 7 + seed * 13) as usize;
                (
                    2 + (x % 10) as u8,
                    x % 5,
                    x % 4,
                    (x % 6) as u8,
                    x.is_multiple_of(2),
                    x % 4,
                    (x % 3) * 3 % 4,
                    x % 6,
                )
            })
            .collect();
        std::fs::write(&path, export(&rows, seed % 2 == 0, true)).unwrap();
        let before = joins();
        same_as_one_pass(&path, |size| find_split(&path, size));
        joined += joins() - before;
    }
    assert!(joined >= 10, "{joined} of 20 joined");
}

#[test]
fn an_export_past_the_threshold_is_read_in_halves_as_in_one_pass() {
    // The real threshold, through `parse_file` itself: 16 MiB of rows, duplicates of
    // the first half's people in the second.
    let mut csv = String::with_capacity((PARALLEL_FROM_BYTES + (1 << 20)) as usize);
    csv.push_str(HEADER);
    let mut i = 0u64;
    while (csv.len() as u64) < PARALLEL_FROM_BYTES + 4096 {
        let n = if i.is_multiple_of(5) { i / 3 } else { i };
        csv.push_str(&format!(
            "\nAda,P{n},https://www.linkedin.com/in/p-{n},,\"Acme, Inc.\",Engineer,{:02} Jan 2024",
            1 + n % 28
        ));
        i += 1;
    }
    csv.push('\n');
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    std::fs::write(&path, &csv).unwrap();
    let progress = Progress::default();
    let before = joins();
    let (two, two_report) = parse_file("c.csv", &path, &progress).unwrap();
    assert_eq!(joins() - before, 1, "read in two halves");
    let (one, one_report) = parse_file_split_at("c.csv", &path, &progress, |_| None).unwrap();
    assert!(two_report.duplicates > 0);
    assert_eq!(two_report, one_report);
    assert!(people(&two) == people(&one), "people differ");
}
