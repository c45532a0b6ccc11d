//! `unconnect export`, run as a user would, on a journal holding hostile names: formulas
//! are neutralised in every column, escape sequences never reach a terminal, and a file
//! or a pipe still gets the exact CSV.

use crate::support;

use std::path::Path;

use unconnect::model::Person;
use unconnect::store::staged::{StagedEntry, StagedStore};

use support::{Term, journal_removal, run};

/// A value for `column` that a spreadsheet would run, hidden behind a zero-width space.
fn formula(column: &str) -> String {
    format!("\u{200B}＝HYPERLINK(\"http://x/{column}\")")
}

fn hostile() -> Person {
    Person {
        first_name: "Eve\u{1b}]52;c;aGk=\u{7}\u{1b}]2;pwned\u{7}\u{1b}[?25l".into(),
        last_name: formula("last"),
        url: formula("url"),
        email: formula("email"),
        company: formula("company"),
        position: "\u{2060}＋1".into(),
        connected_on: None,
        ..Default::default()
    }
}

fn journal_with(data: &Path, person: Person) {
    journal_removal(data, "https://www.linkedin.com/in/eve", person);
}

#[test]
fn export_to_a_pipe_neutralises_every_column_and_keeps_the_bytes() {
    let data = tempfile::tempdir().unwrap();
    journal_with(data.path(), hostile());
    let (code, stdout, stderr) = run(&["export", "removed"], data.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Eve\u{1b}]52;c;aGk=\u{7}"),
        "a pipe gets the exact text: {stdout:?}"
    );
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    for (column, cell) in reader.headers().unwrap().iter().zip(row.iter()) {
        match column {
            "First Name" | "Connected On" => {}
            "Removed On" => assert!(!cell.is_empty()),
            "Position" => assert_eq!(cell, "'\u{2060}＋1"),
            _ => assert!(cell.starts_with("'\u{200B}＝"), "{column}: {cell:?}"),
        }
    }
}

#[test]
fn export_staged_to_a_file_neutralises_and_survives_a_damaged_line() {
    let data = tempfile::tempdir().unwrap();
    let staged = data.path().join("staged-connections.jsonl");
    let (store, _) = StagedStore::<Person>::load(&staged).unwrap();
    store
        .save(
            [StagedEntry {
                id: "eve".into(),
                item: hostile(),
            }]
            .into_iter(),
        )
        .unwrap();
    let mut text = std::fs::read_to_string(&staged).unwrap();
    text.push_str("{\"id\":\"cut off by a cr");
    std::fs::write(&staged, text).unwrap();
    let out = data.path().join("staged.csv");
    let (code, _, stderr) = run(
        &["export", "staged", "-o", out.to_str().unwrap()],
        data.path(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("1 damaged line(s) skipped ([2])"),
        "{stderr}"
    );
    let csv_text = std::fs::read_to_string(&out).unwrap();
    assert!(csv_text.contains("'\u{200B}＝HYPERLINK(\"\"http://x/company\"\")"));
    assert_eq!(csv_text.lines().count(), 2, "header and the good entry");
}

#[test]
fn export_to_a_terminal_shows_escape_sequences_instead_of_running_them() {
    let data = tempfile::tempdir().unwrap();
    journal_with(data.path(), hostile());
    let mut t = Term::spawn(&["export", "removed"], data.path());
    let screen = t.wait_for("Removed On");
    t.wait_quit();
    let screen = t.screen().max(screen);
    assert!(
        screen.contains("Eve␛]52;c;aGk=␇␛]2;pwned␇␛[?25l,"),
        "{screen}"
    );
    assert!(screen.contains(",'＋1,"), "{screen}");
    let raw = t.raw();
    assert!(
        !raw.contains(&0x1b) && !raw.contains(&0x07),
        "no escape or bell reached the terminal: {:?}",
        String::from_utf8_lossy(&raw)
    );
}

#[test]
fn a_formula_behind_nul_is_neutralised_in_the_removed_and_staged_exports() {
    for formula in ["=1+1", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)"] {
        let data = tempfile::tempdir().unwrap();
        let evil = format!("\0{formula}");
        let person = Person {
            first_name: evil.clone(),
            last_name: evil.clone(),
            url: evil.clone(),
            email: evil.clone(),
            company: evil.clone(),
            position: evil.clone(),
            ..Default::default()
        };
        journal_with(data.path(), person.clone());
        let (store, _) =
            StagedStore::<Person>::load(&data.path().join("staged-connections.jsonl")).unwrap();
        store
            .save(
                [StagedEntry {
                    id: "eve".into(),
                    item: person,
                }]
                .into_iter(),
            )
            .unwrap();
        for (list, excel) in [("removed", false), ("staged", true)] {
            let out = data.path().join(format!("{list}.csv"));
            let mut args = vec!["export", list, "-o", out.to_str().unwrap()];
            if excel {
                args.push("--excel");
            }
            let (code, _, stderr) = run(&args, data.path());
            assert_eq!(code, 0, "{stderr}");
            let text = std::fs::read_to_string(&out).unwrap();
            let mut reader =
                csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let row = reader.records().next().unwrap().unwrap();
            let filled: Vec<&str> = row.iter().filter(|c| c.contains(formula)).collect();
            assert_eq!(filled.len(), 6, "{list}: {row:?}");
            for cell in filled {
                assert_eq!(cell, format!("'{evil}"), "{list}");
            }
        }
    }
}
