//! Every export layout found on users' disks, and every kind of bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unconnect::error::ImportError;
use unconnect::import::{self, Container, Export, Format};
use unconnect::model::{PersonId, people::PersonRef};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn load(name: &str) -> Export {
    import::load(&data(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn person(e: &Export, i: u32) -> PersonRef<'_> {
    e.people.get(PersonId(i))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn current_export_with_preamble_quotes_and_hidden_profiles() {
    let e = load("current.csv");
    assert_eq!(e.report.format, Format::Current);
    assert!(e.report.traits.contains(&"Notes preamble".to_owned()));
    assert_eq!(e.report.people, 3);
    assert_eq!(e.report.hidden, 1);
    let ada = person(&e, 0);
    assert_eq!(ada.company, "Acme, Inc.");
    assert_eq!(ada.connected_on, date(2026, 2, 8));
    let jose = person(&e, 1);
    assert_eq!(jose.first_name, "José");
    assert_eq!(jose.position, "Director of \"Fun\"");
    assert_eq!(
        jose.url, "https://www.linkedin.com/in/josé-garcía",
        "percent-decoded"
    );
    assert_eq!(jose.email, "jose@example.com");
    assert!(e.report.skipped.is_empty() && e.report.warnings.is_empty());
}

#[test]
fn pre_2023_export_without_url_column() {
    let e = load("no_url_pre2023.csv");
    assert_eq!(e.report.format, Format::NoUrl);
    assert_eq!(e.report.people, 2);
    assert_eq!(person(&e, 1).url, "");
    assert_eq!(person(&e, 1).email, "bob@example.com");
    assert_eq!(person(&e, 1).identity(), "name:bob builder|bob@example.com");
}

#[test]
fn excel_resave_with_bom_crlf_and_short_dates() {
    let e = load("excel_resave.csv");
    assert_eq!(e.report.people, 2);
    assert!(e.report.traits.contains(&"byte-order mark".to_owned()));
    assert!(e.report.traits.contains(&"CRLF line endings".to_owned()));
    assert_eq!(
        person(&e, 0).first_name,
        "Ada",
        "no BOM glued to the first name"
    );
    assert_eq!(person(&e, 0).connected_on, date(2019, 11, 8));
    assert_eq!(person(&e, 1).connected_on, date(2021, 1, 18));
}

#[test]
fn dates_from_2018_exports() {
    let e = load("dates_2018.csv");
    assert_eq!(person(&e, 0).connected_on, date(2018, 1, 8));
    assert_eq!(person(&e, 0).email, "urn:li:member:12345");
    assert_eq!(person(&e, 1).connected_on, date(2017, 12, 25));
    assert!(e.report.warnings.is_empty());
}

#[test]
fn outlook_2012_maps_email_and_job_title() {
    let e = load("outlook_2012.csv");
    assert_eq!(e.report.format, Format::Outlook2012);
    assert_eq!(e.report.people, 2);
    let ada = person(&e, 0);
    assert_eq!(
        (ada.email, ada.position, ada.company),
        ("ada@example.com", "Engineer", "Acme")
    );
    assert_eq!(ada.connected_on, None);
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let e = load("windows1252.csv");
    let p = person(&e, 0);
    assert_eq!(
        (p.first_name, p.last_name, p.company),
        ("José", "Müller", "Café Crème")
    );
    assert!(
        e.report.warnings.iter().any(|w| w.contains("Windows-1252")),
        "{:?}",
        e.report.warnings
    );
}

#[test]
fn duplicates_are_merged_and_counted() {
    let e = load("duplicates.csv");
    assert_eq!(e.report.duplicates, 2);
    assert_eq!(e.report.people, 3);
    assert_eq!(
        person(&e, 0).email,
        "ada@example.com",
        "the duplicate's email is kept"
    );
    assert_eq!(person(&e, 1).position, "Owner");
}

#[test]
fn bad_rows_are_skipped_with_line_numbers_and_bad_dates_kept() {
    let e = load("bad_rows.csv");
    assert_eq!(e.report.people, 2);
    let skipped: Vec<(u64, &str)> = e
        .report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (6, "expected 7 fields, found 3"),
            (7, "expected 7 fields, found 8")
        ]
    );
    assert_eq!(e.report.warnings.len(), 1);
    assert!(e.report.warnings[0].contains("line 8: unreadable date \"sometime in 2020\""));
    assert_eq!(person(&e, 1).connected_on, None);
}

#[test]
fn invitations_both_layouts_and_the_join_across_encodings() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(data("current.csv"), dir.path().join("Connections.csv")).unwrap();
    fs::copy(
        data("invitations_current.csv"),
        dir.path().join("Invitations.csv"),
    )
    .unwrap();
    let e = import::load(dir.path()).unwrap();
    let inv = e.invitations.as_ref().unwrap();
    assert_eq!(
        (inv.report.outgoing, inv.report.incoming, inv.report.pending),
        (2, 1, 1)
    );
    assert_eq!(inv.list[1].message, "Hi, let's connect 🎉");
    assert_eq!(
        inv.list[0].sent_at.unwrap().to_string(),
        "2026-02-12 11:44:00"
    );

    let old = import::load_with(
        &data("no_url_pre2023.csv"),
        Some(&data("invitations_old.csv")),
    )
    .unwrap();
    let inv = old.invitations.unwrap();
    assert_eq!(
        (inv.report.outgoing, inv.report.incoming, inv.report.pending),
        (2, 1, 1),
        "joined by name"
    );
}

#[test]
fn export_folder_found_case_insensitively_one_level_down() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("Basic_LinkedInDataExport_11-28-2026");
    fs::create_dir(&inner).unwrap();
    fs::copy(data("current.csv"), inner.join("connections.CSV")).unwrap();
    fs::copy(
        data("invitations_current.csv"),
        inner.join("INVITATIONS.csv"),
    )
    .unwrap();
    let e = import::load(dir.path()).unwrap();
    assert_eq!(e.container, Container::Folder);
    assert_eq!(e.report.people, 3);
    assert!(e.invitations.is_some());
}

fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn the_zip_is_read_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    let connections = fs::read(data("current.csv")).unwrap();
    let invitations = fs::read(data("invitations_current.csv")).unwrap();
    write_zip(
        &path,
        &[
            ("Connections.csv", &connections),
            ("Invitations.csv", &invitations),
            ("Profile.csv", b"x"),
        ],
    );
    let e = import::load(&path).unwrap();
    assert_eq!(e.container, Container::Zip);
    assert_eq!(e.report.people, 3);
    assert!(
        e.report.file.ends_with("(Connections.csv)"),
        "{}",
        e.report.file
    );
    assert_eq!(e.invitations.unwrap().report.pending, 1);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing extracted"
    );
}

#[test]
fn the_input_is_never_modified() {
    let path = data("current.csv");
    let before = (
        fs::read(&path).unwrap(),
        fs::metadata(&path).unwrap().modified().unwrap(),
    );
    load("current.csv");
    let after = (
        fs::read(&path).unwrap(),
        fs::metadata(&path).unwrap().modified().unwrap(),
    );
    assert_eq!(before, after);
}

/// Each bad input gives its error, displayed as one line naming the file.
fn assert_one_line_error(
    result: Result<Export, ImportError>,
    file: &str,
    says: &str,
) -> ImportError {
    let err = result.expect_err("should fail");
    let text = err.to_string();
    assert!(!text.contains('\n'), "{text}");
    assert!(text.contains(file), "{text} should name {file}");
    assert!(text.contains(says), "{text} should say {says}");
    err
}

#[test]
fn bad_inputs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.csv");
    assert_one_line_error(import::load(&missing), "nope.csv", "cannot open");
    assert_one_line_error(
        import::load(dir.path()),
        &dir.path().display().to_string(),
        "no Connections.csv in this folder",
    );
    assert_one_line_error(import::load(&data("empty.csv")), "empty.csv", "empty");
    assert_one_line_error(
        import::load(&data("preamble_only.csv")),
        "preamble_only.csv",
        "only the Notes preamble",
    );
    let err = assert_one_line_error(
        import::load(&data("not_linkedin.csv")),
        "not_linkedin.csv",
        "not a LinkedIn",
    );
    let text = err.to_string();
    assert!(
        text.contains("First Name, Last Name, URL") && text.contains("\"date\", \"description\""),
        "{text}"
    );

    let zip_without = dir.path().join("other.zip");
    write_zip(&zip_without, &[("Profile.csv", b"a,b\n")]);
    assert_one_line_error(
        import::load(&zip_without),
        "other.zip",
        "no Connections.csv in this zip",
    );

    let garbage = dir.path().join("x.zip");
    fs::write(&garbage, b"this is not a zip at all").unwrap();
    assert_one_line_error(import::load(&garbage), "x.zip", "not a readable zip");

    let truncated = dir.path().join("cut.zip");
    write_zip(
        &truncated,
        &[("Connections.csv", &fs::read(data("current.csv")).unwrap())],
    );
    let bytes = fs::read(&truncated).unwrap();
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    assert_one_line_error(import::load(&truncated), "cut.zip", "not a readable zip");

    let huge = dir.path().join("huge.csv");
    let mut text = String::from(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Example,,,",
    );
    text.push_str(&"x".repeat(1 << 21));
    text.push_str(",Engineer,08 Feb 2026\n");
    fs::write(&huge, text).unwrap();
    assert_one_line_error(
        import::load(&huge),
        "huge.csv",
        "line 2: a field is larger than 1 MiB",
    );
}
