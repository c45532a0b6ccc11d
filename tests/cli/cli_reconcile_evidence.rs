//! `reconcile` follows the newest evidence: an export taken after a tick overrules it,
//! and a copy of the export the removals were made from verifies nothing.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{FixedOffset, TimeZone};
use unconnect::store::Journal;
use unconnect::store::journal::{JournalAction, removal_entries, status_entries};

const BIN: &str = env!("CARGO_BIN_EXE_unconnect");
const CSV: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                   Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,,01 Mar 2024\n\
                   Bo,Berg,https://www.linkedin.com/in/bo,,Smile,,02 Mar 2024\n";

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("UNCONNECT_DATA_DIR", data)
        .env("UNCONNECT_TODAY", "2026-03-25")
        // Zip entry times are local: pin the zone so the test means the same anywhere.
        .env("TZ", "UTC")
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

fn history_status(data: &Path, url: &str) -> String {
    let out = run(data, &["history", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .find(|r| r["url"] == url)
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .unwrap()
}

fn at(day: u32, hour: u32) -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

/// Ada removed from `export` on 10 March at 09:00.
fn remove_ada(data: &Path, export: &Path) {
    fs::create_dir_all(data).unwrap();
    let people = unconnect::import::load(export).unwrap().people;
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(removal_entries(&people, &[0], at(10, 9)))
        .unwrap();
}

fn folder(dir: &Path, name: &str, csv: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(&path).unwrap();
    fs::write(path.join("Connections.csv"), csv).unwrap();
    path
}

#[test]
fn a_ticked_removal_still_listed_by_an_export_built_later_that_day_is_still_connected() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    remove_ada(&data, &folder(tmp.path(), "first", CSV));
    let ada = "https://www.linkedin.com/in/ada";
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(status_entries([ada], JournalAction::Done, at(10, 13)))
        .unwrap();
    drop(journal);
    assert_eq!(history_status(&data, ada), "done");

    // LinkedIn built the export at 15:00 that day (its entries' times), after the tick,
    // and Ada is still in it.
    let zip_path = tmp.path().join("Basic_LinkedInDataExport_03-10-2026.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::from_date_and_time(2026, 3, 10, 15, 0, 0).unwrap());
    zip.start_file("Connections.csv", options).unwrap();
    zip.write_all(CSV.as_bytes()).unwrap();
    zip.finish().unwrap();

    let out = run(&data, &["reconcile", zip_path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(history_status(&data, ada), "still connected");
}

#[test]
fn a_ticked_removal_still_listed_by_a_newer_export_is_still_connected() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    remove_ada(&data, &folder(tmp.path(), "first", CSV));
    let ada = "https://www.linkedin.com/in/ada";
    let (mut journal, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    journal
        .append(status_entries([ada], JournalAction::Done, at(11, 13)))
        .unwrap();
    drop(journal);
    let newer = folder(tmp.path(), "Basic_LinkedInDataExport_03-12-2026", CSV);
    let out = run(&data, &["reconcile", newer.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(history_status(&data, ada), "still connected");
}

#[test]
fn a_copy_of_the_export_the_removals_were_made_from_verifies_nothing_and_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let original = folder(tmp.path(), "my-export", CSV);
    remove_ada(&data, &original);
    // The original itself, as LinkedIn left it (files from before the removal): nothing to
    // say, and no word of a copy.
    let csv = fs::File::options()
        .write(true)
        .open(original.join("Connections.csv"))
        .unwrap();
    csv.set_modified(std::time::SystemTime::from(at(9, 9)))
        .unwrap();
    drop(csv);
    let out = run(&data, &["reconcile", original.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("copy"));
    // `cp -r`: the same files, new modification times (after the removal).
    let copy = folder(tmp.path(), "my-export-copy", CSV);
    let out = run(&data, &["reconcile", copy.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("a copy of it"), "{said}");
    assert!(said.contains("nothing was checked"), "{said}");
    assert_eq!(
        history_status(&data, "https://www.linkedin.com/in/ada"),
        "to do"
    );

    // A later undated export where Ada is gone is not a copy: it verifies.
    let later = folder(
        tmp.path(),
        "later-export",
        &CSV.lines()
            .filter(|l| !l.contains("/ada"))
            .flat_map(|l| [l, "\n"])
            .collect::<String>(),
    );
    let out = run(&data, &["reconcile", later.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        history_status(&data, "https://www.linkedin.com/in/ada"),
        "verified"
    );
}
