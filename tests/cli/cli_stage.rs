//! `unconnect stage`, `diff` and `drafts --staged` run as a user would: a list marked in a
//! spreadsheet comes back as a selection the app opens with, two exports say who is new
//! and who is gone, and drafts go out to people still staged.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unconnect::model::triage::Place;
use unconnect::model::{Person, PersonId};
use unconnect::session::Session;

use support::{Term, journal_removal, run};

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

/// An export of these rows (first, last, URL slug or "", e-mail).
pub(crate) fn export(dir: &Path, rows: &[(&str, &str, &str, &str)]) -> PathBuf {
    let mut text = HEADER.to_owned();
    for (i, (first, last, slug, email)) in rows.iter().enumerate() {
        let url = if slug.is_empty() {
            String::new()
        } else {
            format!("https://www.linkedin.com/in/{slug}")
        };
        let day = 10 + i;
        text.push_str(&format!(
            "{first},{last},{url},{email},Acme,Engineer,{day:02} Jan 2026\n"
        ));
    }
    let path = dir.join("Connections.csv");
    fs::write(&path, text).unwrap();
    path
}

/// Latin-1 names, so that the spreadsheet's Windows-1252 save can hold them.
pub(crate) fn people() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    vec![
        (
            "José",
            "Müller",
            "jos%C3%A9-m%C3%BCller",
            "jose@example.com",
        ),
        ("Ada", "One", "ada", ""),
        ("Bo", "Twin", "bo-1", ""),
        ("Bo", "Twin", "bo-2", ""),
        ("Cy", "Three", "cy", "cy@example.com"),
        ("Dee", "Four", "dee", ""),
    ]
}

fn open(export: &Path, data: &Path) -> Session {
    support::open_session(export, data, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
}

fn first_names(s: &Session, ids: impl Iterator<Item = u32>) -> Vec<String> {
    let mut names: Vec<String> = ids
        .map(|id| s.loaded.people.get(PersonId(id)).first_name.to_owned())
        .collect();
    names.sort();
    names
}

pub(crate) fn staged_in_app(export: &Path, data: &Path) -> Vec<String> {
    let s = open(export, data);
    first_names(&s, s.loaded.triage.ids_in(Place::Right))
}

pub(crate) fn kept_in_app(export: &Path, data: &Path) -> Vec<String> {
    let s = open(export, data);
    first_names(&s, s.loaded.kept.iter().copied())
}

pub(crate) fn ok(out: (i32, String, String)) -> String {
    assert_eq!(out.0, 0, "stdout: {}\nstderr: {}", out.1, out.2);
    out.1
}

pub(crate) fn json(out: (i32, String, String)) -> serde_json::Value {
    serde_json::from_str(&ok(out)).unwrap()
}

pub(crate) fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// unconnect's own export of everyone, as Excel saves it after a column `Remove` was
/// added: semicolons, a BOM, CRLF, Windows-1252.
fn marked_resave(dir: &Path, export_path: &Path, marks: &[&str]) -> PathBuf {
    let data = dir.join("all-data");
    let urls = dir.join("everyone.txt");
    let list: String = people().iter().fold(String::new(), |mut list, p| {
        list.push_str("https://www.linkedin.com/in/");
        list.push_str(p.2);
        list.push('\n');
        list
    });
    fs::write(&urls, list).unwrap();
    ok(run(&["stage", s(export_path), s(&urls)], &data));
    let own = ok(run(&["export", "staged"], &data));
    let mut reader = csv::Reader::from_reader(own.as_bytes());
    let mut text = reader
        .headers()
        .unwrap()
        .iter()
        .collect::<Vec<_>>()
        .join(";");
    text.push_str(";Remove\r\n");
    for (record, mark) in reader.records().zip(marks) {
        let record = record.unwrap();
        text.push_str(&record.iter().collect::<Vec<_>>().join(";"));
        text.push_str(&format!(";{mark}\r\n"));
    }
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    let mut file = b"\xEF\xBB\xBF".to_vec();
    // A BOM before Windows-1252 bytes is what a UTF-8 BOM left by a re-save looks like
    // when the rest is not UTF-8: read as Windows-1252 all the same.
    file.extend_from_slice(&bytes);
    let path = dir.join("marked.csv");
    fs::write(&path, file).unwrap();
    path
}

#[test]
fn a_spreadsheet_marked_list_comes_back_staged_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let marks = ["x", "", " X ", "keep", "keep", "no"];
    let marked = marked_resave(dir.path(), &export, &marks);
    assert!(fs::read(&marked).unwrap().contains(&0xE9), "Windows-1252 é");
    let data = dir.path().join("data");

    let out = json(run(
        &[
            "stage",
            s(&export),
            s(&marked),
            "--column",
            "Remove=x",
            "--json",
        ],
        &data,
    ));
    assert_eq!(out["staged"], 2, "{out}");
    assert_eq!(out["left_out"], 4, "{out}");
    assert_eq!(staged_in_app(&export, &data), ["Bo", "José"]);

    let out = json(run(
        &[
            "stage",
            s(&export),
            s(&marked),
            "--column",
            "remove = KEEP",
            "--keep",
            "--json",
        ],
        &data,
    ));
    assert_eq!(out["kept"], 2, "{out}");
    assert_eq!(kept_in_app(&export, &data), ["Bo", "Cy"]);
    assert_eq!(staged_in_app(&export, &data), ["Bo", "José"]);

    // Every marked row: the staged are counted, not staged twice; the kept stay kept.
    let text = ok(run(
        &["stage", s(&export), s(&marked), "--column", "Remove"],
        &data,
    ));
    assert!(text.contains("Staged 1 person for removal."), "{text}");
    assert!(text.contains("Not again: 2 already staged."), "{text}");
    assert!(text.contains("2 people are on your keep list"), "{text}");
    assert_eq!(staged_in_app(&export, &data), ["Bo", "Dee", "José"]);
}

#[test]
fn keeping_someone_staged_takes_them_off_the_staged_list() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let list = dir.path().join("list.txt");
    fs::write(&list, "https://www.linkedin.com/in/ada\nDee Four\n").unwrap();
    ok(run(&["stage", s(&export), s(&list)], &data));
    fs::write(&list, "Ada One\n").unwrap();
    let out = json(run(
        &["stage", s(&export), s(&list), "--keep", "--json"],
        &data,
    ));
    assert_eq!(
        (out["kept"].as_u64(), out["unstaged"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(staged_in_app(&export, &data), ["Dee"]);
    assert_eq!(kept_in_app(&export, &data), ["Ada"]);
}

#[test]
fn url_and_name_lists_report_unknown_and_ambiguous_rows_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let urls = dir.path().join("urls.txt");
    fs::write(
        &urls,
        "https://www.linkedin.com/in/jos%C3%A9-m%C3%BCller/\r\nhttp://linkedin.com/in/bo-2?trk=x\r\n\r\nhttps://www.linkedin.com/in/gone-away\r\n",
    )
    .unwrap();
    let out = json(run(&["stage", s(&export), s(&urls), "--json"], &data));
    assert_eq!(out["staged"], 2, "{out}");
    assert_eq!(out["not_found"][0]["line"], 4, "{out}");
    assert_eq!(staged_in_app(&export, &data), ["Bo", "José"]);

    let names = dir.path().join("names.txt");
    fs::write(
        &names,
        "Bo Twin\nada  one\nNo Such\u{1b}[2J Person\nJosé Müller\n",
    )
    .unwrap();
    let (code, text, stderr) = run(&["stage", s(&export), s(&names)], &data);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("Staged 1 person for removal."), "{text}");
    assert!(text.contains("Not again: 1 already staged."), "{text}");
    assert!(
        text.contains("1 row gives a name several connections share")
            && text.contains("line 1: Bo Twin (2 connections)"),
        "{text}"
    );
    assert!(text.contains("line 3: No Such␛[2J Person"), "{text}");
    assert!(!text.contains('\u{1b}'), "escaped: {text:?}");
    let out = json(run(&["stage", s(&export), s(&names), "--json"], &data));
    assert_eq!(out["ambiguous"][0]["matches"], 2, "{out}");
    assert_eq!(out["already"], 2, "{out}");
    assert_eq!(staged_in_app(&export, &data), ["Ada", "Bo", "José"]);
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_it_would_do() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let list = dir.path().join("list.txt");
    fs::write(&list, "Ada One\nDee Four\n").unwrap();
    let text = ok(run(&["stage", s(&export), s(&list), "--dry-run"], &data));
    assert!(text.contains("Would stage 2 people for removal."), "{text}");
    assert!(text.contains("nothing was written"), "{text}");
    assert!(!data.exists(), "not even the data folder");
    ok(run(&["stage", s(&export), s(&list)], &data));
    let staged = data.join("staged-connections.jsonl");
    let before = fs::read(&staged).unwrap();
    fs::write(&list, "Cy Three\n").unwrap();
    let out = json(run(
        &["stage", s(&export), s(&list), "--dry-run", "--json"],
        &data,
    ));
    assert_eq!(
        (out["staged"].as_u64(), out["dry_run"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(fs::read(&staged).unwrap(), before);
}

#[test]
fn stage_waits_for_the_app_to_close_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let list = dir.path().join("list.txt");
    fs::write(&list, "Ada One\n").unwrap();
    let mut app = Term::spawn(&[s(&export)], &data);
    app.wait_ready();
    let (code, stdout, stderr) = run(&["stage", s(&export), s(&list)], &data);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("another unconnect is using this data folder"),
        "{stderr}"
    );
    assert!(!data.join("staged-connections.jsonl").exists());
    app.send("q");
    app.wait_quit();
    ok(run(&["stage", s(&export), s(&list)], &data));
    assert_eq!(staged_in_app(&export, &data), ["Ada"]);
}

#[test]
fn stage_refuses_a_list_it_cannot_read_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let list = dir.path().join("list.csv");
    fs::write(&list, "First Name,Last Name\nAda,One\n").unwrap();
    let (code, _, stderr) = run(
        &["stage", s(&export), s(&list), "--column", "Remove"],
        &data,
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("list.csv: no column \"Remove\""),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (code, _, stderr) = run(&["stage", s(&export), s(dir.path())], &data);
    assert_eq!(code, 2, "{stderr}");
    assert!(!data.join("staged-connections.jsonl").exists());
}

/// A generated export, as rows of cells under LinkedIn's header.
fn generated(rows: usize, seed: u64) -> (String, Vec<csv::StringRecord>) {
    let text = unconnect::synthetic::connections_csv(rows, seed);
    let at = text.find("First Name").unwrap();
    let (preamble, table) = text.split_at(at);
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    (
        preamble.to_owned(),
        reader.records().map(Result::unwrap).collect(),
    )
}

fn write_export(path: &Path, preamble: &str, rows: &[csv::StringRecord]) {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(HEADER.trim_end().split(',')).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    let mut bytes = preamble.as_bytes().to_vec();
    bytes.extend(w.into_inner().unwrap());
    fs::write(path, bytes).unwrap();
}

fn remove_in_journal(data: &Path, url: &str) {
    journal_removal(data, url, Person::default());
}

#[test]
fn diff_tells_new_bursts_and_who_went_by_removal_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let (preamble, rows) = generated(400, 3);
    let real: Vec<&csv::StringRecord> = rows.iter().filter(|r| !r[2].is_empty()).collect();
    let old = dir.path().join("Connections_old.csv");
    write_export(&old, &preamble, &rows);
    let removed = real[10][2].to_owned();
    let lost = real[20][2].to_owned();
    let mut newer: Vec<csv::StringRecord> = Vec::new();
    for i in 0..30 {
        let url = format!("https://www.linkedin.com/in/accident-{i}");
        let row = [
            &format!("New{i}"),
            "Person",
            &url,
            "",
            "Acme",
            "",
            "01 Dec 2026",
        ];
        newer.push(csv::StringRecord::from(row.to_vec()));
    }
    for r in &rows {
        if r[2] == *removed || r[2] == *lost {
            continue;
        }
        let mut r = r.clone();
        if r[2] == real[5][2] {
            let cells: Vec<String> = r.iter().map(str::to_owned).collect();
            let mut cells = cells;
            cells[4] = "A New Company".into();
            r = csv::StringRecord::from(cells);
        }
        newer.push(r);
    }
    let new = dir.path().join("Connections_new.csv");
    write_export(&new, &preamble, &newer);
    let data = dir.path().join("data");
    remove_in_journal(&data, &unconnect::import::url::normalise(&removed));

    let out = json(run(&["diff", s(&old), s(&new), "--json"], &data));
    assert_eq!(out["added"].as_array().unwrap().len(), 30, "{out}");
    assert_eq!(
        out["new_bursts"],
        serde_json::json!([{"from": "2026-12-01", "to": "2026-12-01", "count": 30}])
    );
    assert_eq!(out["gone"], 2);
    let url_of = |key: &str| out[key][0]["url"].as_str().unwrap().to_owned();
    assert_eq!(url_of("gone_removed_by_you"), removed);
    assert_eq!(url_of("gone_not_by_you"), lost);
    assert_eq!(out["changed_company"], 1);
    assert_eq!(out["changed_position"], 0);

    let text = ok(run(&["diff", s(&old), s(&new)], &data));
    assert!(
        text.contains(
            "Since the old export: 30 new (30 on 1 Dec 2026: a burst), 1 gone that you did not remove, 1 gone that you removed, 0 changed position, 1 changed company."
        ),
        "{text}"
    );
    // Without a data folder nothing counts as removed by the user, and it says so.
    let none = dir.path().join("no-data");
    let out = json(run(&["diff", s(&old), s(&new), "--json"], &none));
    assert_eq!(out["gone_not_by_you"].as_array().unwrap().len(), 2);
    assert_eq!(out["journal"], false);
    assert!(!none.exists(), "diff creates nothing");
}

#[test]
fn drafts_go_to_the_people_staged_now() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    let list = dir.path().join("list.txt");
    fs::write(&list, "José Müller\nCy Three\nDee Four\n").unwrap();
    ok(run(&["stage", s(&export), s(&list)], &data));
    let out = dir.path().join("drafts");
    let text = ok(run(&["drafts", "--staged", "-o", s(&out)], &data));
    assert!(text.starts_with("Wrote 2 drafts"), "{text}");
    assert!(text.contains("1 person had no usable address"), "{text}");
    let mut files: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let letters: String = files
        .iter()
        .map(|f| fs::read_to_string(out.join(f)).unwrap())
        .collect();
    assert!(letters.contains("cy@example.com") && letters.contains("jose@example.com"));
    let (code, _, stderr) = run(
        &["drafts", "--staged", "--batch", "all", "-o", s(&out)],
        &data,
    );
    assert_eq!(code, 2, "one or the other: {stderr}");
}

#[test]
fn help_names_the_new_subcommands_and_their_options() {
    let dir = tempfile::tempdir().unwrap();
    let main = ok(run(&["--help"], dir.path()));
    assert!(main.contains("stage") && main.contains("diff"), "{main}");
    let stage = ok(run(&["stage", "--help"], dir.path()));
    for expected in [
        "--column <NAME[=VALUE]>",
        "--keep",
        "--dry-run",
        "--json",
        "plain text",
    ] {
        assert!(
            stage.contains(expected),
            "stage --help lacks {expected:?}:\n{stage}"
        );
    }
    let drafts = ok(run(&["drafts", "--help"], dir.path()));
    assert!(drafts.contains("--staged"), "{drafts}");
}

#[test]
fn someone_already_removed_is_counted_not_staged_again() {
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path(), &people());
    let data = dir.path().join("data");
    remove_in_journal(&data, "https://www.linkedin.com/in/ada");
    let list = dir.path().join("list.txt");
    fs::write(&list, "Ada One\nDee Four\n").unwrap();
    let text = ok(run(&["stage", s(&export), s(&list)], &data));
    assert!(text.contains("Staged 1 person for removal."), "{text}");
    assert!(text.contains("Not again: 1 already removed."), "{text}");
    assert_eq!(staged_in_app(&export, &data), ["Dee"]);
}
