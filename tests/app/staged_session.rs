//! The staged set saved by identity: reopening the export puts the same people back on
//! the right, another export keeps them aside, and `unconnect export staged` still
//! writes their names, read from the export they were staged from.

use crate::support;
use unconnect::app::strings::opening_status;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unconnect::model::Person;
use unconnect::model::triage::Place;
use unconnect::runtime::writer::save_staged_people;
use unconnect::session::Session;
use unconnect::store::staged;

use support::run;

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn row(name: &str) -> String {
    let url = format!("https://www.linkedin.com/in/{}", name.to_lowercase());
    format!("{name},Test,{url},,Acme {name},Engineer,01 Jan 2020\n")
}

fn export(dir: &Path, file: &str, names: &[&str]) -> PathBuf {
    let path = dir.join(file);
    let rows: String = names.iter().map(|n| row(n)).collect();
    fs::write(&path, format!("{HEADER}{rows}")).unwrap();
    path
}

fn open(path: &Path, data: &Path) -> Session {
    crate::support::open_session(path, data, NaiveDate::from_ymd_opt(2026, 3, 25).unwrap())
}

/// The first names of who is on the right.
fn staged_names(s: &Session) -> Vec<String> {
    let people = &s.loaded.people;
    let mut names: Vec<String> = s
        .loaded
        .triage
        .ids_in(Place::Right)
        .map(|id| {
            people
                .get(unconnect::model::PersonId(id))
                .first_name
                .to_owned()
        })
        .collect();
    names.sort();
    names
}

/// Stages these first names of the session's export, as the writer does.
fn stage(s: &Session, names: &[&str]) {
    let people = &s.loaded.people;
    let ids: Vec<u32> = people
        .ids()
        .filter(|&id| names.contains(&people.get(id).first_name))
        .map(|id| id.0)
        .collect();
    save_staged_people(&s.store.staged, people, &ids).unwrap();
}

fn exported_names(data: &Path) -> (Vec<String>, String) {
    let out = data.join("staged.csv");
    let (code, _, stderr) = run(&["export", "staged", "-o", out.to_str().unwrap()], data);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let mut rows: Vec<String> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            format!("{} {}", &r[0], &r[4])
        })
        .collect();
    rows.sort();
    (rows, stderr)
}

#[test]
fn staged_by_identity_restores_keeps_others_aside_and_exports_with_names() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let first = export(tmp.path(), "first.csv", &["Ada", "Bo", "Cy"]);
    let second = export(tmp.path(), "second.csv", &["Bo", "Cy", "Di"]);

    let s = open(&first, &data);
    stage(&s, &["Ada", "Cy"]);
    drop(s);
    let saved = fs::read_to_string(data.join("staged-connections.jsonl")).unwrap();
    assert!(!saved.contains("Acme"), "identities only: {saved}");

    let s = open(&first, &data);
    assert_eq!(staged_names(&s), ["Ada", "Cy"]);
    assert!(
        opening_status(&s.loaded.report)
            .0
            .contains("Restored 2 staged"),
        "{}",
        opening_status(&s.loaded.report).0
    );
    drop(s);

    // Another export: Cy is in it, Ada is kept aside for when the first one is back.
    let s = open(&second, &data);
    assert_eq!(staged_names(&s), ["Cy"]);
    stage(&s, &["Cy", "Di"]);
    drop(s);
    let set = staged::read::<Person>(&data.join("staged-connections.jsonl")).unwrap();
    let mut ids: Vec<&str> = set.ids().collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "https://www.linkedin.com/in/ada",
            "https://www.linkedin.com/in/cy",
            "https://www.linkedin.com/in/di"
        ]
    );
    let (rows, stderr) = exported_names(&data);
    assert_eq!(
        rows,
        ["Ada Acme Ada", "Cy Acme Cy", "Di Acme Di"],
        "{stderr}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");

    let s = open(&first, &data);
    assert_eq!(staged_names(&s), ["Ada", "Cy"], "Ada is back");
    drop(s);

    // The export they were staged from is gone: their identities are still exported.
    fs::remove_file(&first).unwrap();
    let (rows, stderr) = exported_names(&data);
    assert_eq!(rows, [" ", "Cy Acme Cy", "Di Acme Di"], "{stderr}");
    assert!(
        stderr.contains("1 staged people are not in the export"),
        "{stderr}"
    );
    let out = fs::read_to_string(data.join("staged.csv")).unwrap();
    assert!(out.contains("https://www.linkedin.com/in/ada"), "{out}");
}

#[test]
fn a_staged_file_of_the_older_form_is_still_restored() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let first = export(tmp.path(), "first.csv", &["Ada", "Bo"]);
    fs::create_dir_all(&data).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
    }
    let old = concat!(
        r#"{"id":"https://www.linkedin.com/in/bo","item":{"first_name":"Bo","last_name":"Test","url":"https://www.linkedin.com/in/bo","email":"","company":"Acme Bo","position":"Engineer","connected_on":"2020-01-01"}}"#,
        "\n"
    );
    fs::write(data.join("staged-connections.jsonl"), old).unwrap();
    let s = open(&first, &data);
    assert_eq!(staged_names(&s), ["Bo"]);
}

#[test]
fn a_staged_file_of_identities_written_whole_is_still_restored() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let first = export(tmp.path(), "first.csv", &["Ada", "Bo", "Cy"]);
    drop(open(&first, &data));
    // As the previous version wrote it: every profile URL whole, here out of order.
    let named = serde_json::to_string(std::path::absolute(&first).unwrap().to_str().unwrap());
    let v2 = format!(
        "{{\"staged\":2,\"export\":{}}}\n\"https://www.linkedin.com/in/cy\"\n\
         \"https://www.linkedin.com/in/ada\"\n\"https://www.linkedin.com/in/gone\"\n",
        named.unwrap()
    );
    fs::write(data.join("staged-connections.jsonl"), v2).unwrap();
    let s = open(&first, &data);
    assert_eq!(staged_names(&s), ["Ada", "Cy"]);
    assert!(
        opening_status(&s.loaded.report)
            .0
            .contains("Restored 2 staged"),
        "{}",
        opening_status(&s.loaded.report).0
    );
    assert!(
        !opening_status(&s.loaded.report).1,
        "nothing damaged: {}",
        opening_status(&s.loaded.report).0
    );
    // Saved again in the current form; the one not in this export is kept aside.
    stage(&s, &["Ada"]);
    drop(s);
    let saved = fs::read_to_string(data.join("staged-connections.jsonl")).unwrap();
    assert!(saved.contains("\n[\"ada\"]\n"), "{saved}");
    assert!(saved.contains("[\"gone\"]"), "{saved}");
    let s = open(&first, &data);
    assert_eq!(staged_names(&s), ["Ada"]);
}
