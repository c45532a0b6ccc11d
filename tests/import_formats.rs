//! Every Connections.csv / Invitations.csv layout found on users' disks, every container
//! (CSV, folder, zip) and every kind of bad input, checked for what a user would notice:
//! counts, names, dates, line numbers, and one clear line when the file cannot be read.
//!
//! Fixtures live in `tests/fixtures/` (invented people only); zips, folders and oversized
//! files are built at test time in temp dirs.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{NaiveDate, NaiveDateTime};
use unconnect::error::ImportError;
use unconnect::import::{self, Container, Export, Format, Skipped};
use unconnect::model::Direction;
use unconnect::model::people::PersonRef;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn read_fixture(name: &str) -> Vec<u8> {
    fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The bytes and modification time of a file, to prove loading never touches it.
fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mtime = fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

/// Every regular file under `dir`, with its snapshot, sorted by path.
fn tree(dir: &Path) -> Vec<(PathBuf, (Vec<u8>, SystemTime))> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let s = snapshot(&p);
                out.push((p, s));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `import::load`, asserting the input (file, or every file of a folder) is unchanged.
fn load_path(path: &Path) -> Result<Export, ImportError> {
    load_path_with(path, None)
}

fn load_path_with(path: &Path, invitations: Option<&Path>) -> Result<Export, ImportError> {
    let before = if path.is_dir() {
        tree(path)
    } else if path.exists() {
        vec![(path.to_path_buf(), snapshot(path))]
    } else {
        Vec::new()
    };
    let result = import::load_with(path, invitations);
    let after = if path.is_dir() {
        tree(path)
    } else if path.exists() {
        vec![(path.to_path_buf(), snapshot(path))]
    } else {
        Vec::new()
    };
    assert!(
        before == after,
        "{}: loading changed the input",
        path.display()
    );
    result
}

fn load(name: &str) -> Export {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn datetime(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").ok()
}

/// Everyone loaded, in file order.
fn people(e: &Export) -> Vec<PersonRef<'_>> {
    e.people.ids().map(|id| e.people.get(id)).collect()
}

/// The one person with this first name.
fn person<'e>(e: &'e Export, first_name: &str) -> PersonRef<'e> {
    let found: Vec<_> = people(e)
        .into_iter()
        .filter(|p| p.first_name == first_name)
        .collect();
    assert_eq!(found.len(), 1, "people named {first_name}: {found:?}");
    found[0]
}

fn names(e: &Export) -> Vec<String> {
    people(e).iter().map(|p| p.full_name()).collect()
}

fn skipped(e: &Export) -> Vec<(u64, &str)> {
    e.report
        .skipped
        .iter()
        .map(|Skipped { line, reason }| (*line, reason.as_str()))
        .collect()
}

fn has_trait(e: &Export, t: &str) -> bool {
    e.report.traits.iter().any(|x| x == t)
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

/// The error, after checking it displays as exactly one line naming `file`.
fn one_line_error(result: Result<Export, ImportError>, file: &str) -> (ImportError, String) {
    let err = match result {
        Ok(e) => panic!("expected an error naming {file}, loaded {:?}", e.report),
        Err(err) => err,
    };
    let text = err.to_string();
    assert!(
        !text.contains('\n') && !text.contains('\r'),
        "not one line: {text:?}"
    );
    assert!(!text.is_empty());
    assert!(text.contains(file), "{text:?} does not name {file}");
    (err, text)
}

const CONNECTIONS_HEADER: &str =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

// ---------------------------------------------------------------------------------------
// Connections.csv layouts
// ---------------------------------------------------------------------------------------

#[test]
fn current_layout_with_preamble_quotes_hidden_rows_and_encoded_slugs() {
    let e = load("current.csv");
    assert_eq!(e.container, Container::Csv);
    assert_eq!(e.report.format, Format::Current);
    assert!(e.report.file.ends_with("current.csv"), "{}", e.report.file);
    assert!(has_trait(&e, "Notes preamble"), "{:?}", e.report.traits);
    assert!(!has_trait(&e, "byte-order mark") && !has_trait(&e, "CRLF line endings"));
    assert_eq!(e.report.people, 3);
    assert_eq!(e.people.len(), 3);
    assert_eq!(e.report.hidden, 1, "the ,,,,,,07 Jun 2026 row");
    assert_eq!(e.report.duplicates, 0);
    assert_eq!(e.report.skipped, []);
    assert_eq!(e.report.warnings, Vec::<String>::new());
    // File order (newest first) is kept; the hidden row is not a person.
    assert_eq!(names(&e), ["Ada Example", "José García", "Zoë Müller"]);

    let ada = person(&e, "Ada");
    assert_eq!(ada.company, "Acme, Inc.", "quoted comma");
    assert_eq!(ada.position, "Engineer");
    assert_eq!(ada.url, "https://www.linkedin.com/in/ada-example");
    assert_eq!(ada.email, "");
    assert_eq!(ada.connected_on, date(2026, 2, 8));

    let jose = person(&e, "José");
    assert_eq!(jose.last_name, "García");
    assert_eq!(jose.company, "Clínica Sonrisa");
    assert_eq!(jose.position, "Director of \"Fun\"", "doubled quote");
    assert_eq!(jose.email, "jose@example.com");
    assert_eq!(
        jose.url, "https://www.linkedin.com/in/josé-garcía-4b2a1c",
        "percent-decoded slug"
    );
    assert_eq!(jose.connected_on, date(2024, 3, 14));

    // The last row has no newline after it and is still read whole.
    let zoe = person(&e, "Zoë");
    assert_eq!(zoe.position, "");
    assert_eq!(zoe.connected_on, date(2020, 1, 1));
}

#[test]
fn the_header_is_found_whatever_comes_before_it() {
    let text = String::from_utf8(read_fixture("current.csv")).unwrap();
    let body = &text[text.find(CONNECTIONS_HEADER).unwrap()..];
    let preamble = &text[..text.find(CONNECTIONS_HEADER).unwrap()];
    let notes_sentence = preamble.lines().nth(1).unwrap();
    let variants = [
        ("no preamble", body.to_owned(), false),
        ("the fixture itself", text.clone(), true),
        ("CRLF preamble", preamble.replace('\n', "\r\n") + body, true),
        (
            "no blank line",
            format!("Notes:\n{notes_sentence}\n{body}"),
            true,
        ),
        (
            "two blank lines",
            format!("Notes:\n{notes_sentence}\n\n\n{body}"),
            true,
        ),
        (
            "padded by a spreadsheet",
            format!("Notes:,,,,,,\n{notes_sentence},,,,,,\n,,,,,,\n{body}"),
            true,
        ),
        (
            "header in other case and spacing",
            body.replacen(
                CONNECTIONS_HEADER,
                "first name, LAST NAME ,Url,email address,COMPANY,Position,connected on",
                1,
            ),
            false,
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (what, content, preamble) in variants {
        let path = dir.path().join("Connections.csv");
        fs::write(&path, &content).unwrap();
        let e = load_path(&path).unwrap_or_else(|err| panic!("{what}: {err}"));
        assert_eq!(e.report.format, Format::Current, "{what}");
        assert_eq!(
            names(&e),
            ["Ada Example", "José García", "Zoë Müller"],
            "{what}"
        );
        assert_eq!(e.report.hidden, 1, "{what}");
        assert_eq!(person(&e, "José").position, "Director of \"Fun\"", "{what}");
        assert_eq!(person(&e, "Zoë").connected_on, date(2020, 1, 1), "{what}");
        assert!(
            e.report.skipped.is_empty(),
            "{what}: {:?}",
            e.report.skipped
        );
        assert!(
            e.report.warnings.is_empty(),
            "{what}: {:?}",
            e.report.warnings
        );
        assert_eq!(has_trait(&e, "Notes preamble"), preamble, "{what}");
    }
}

#[test]
fn before_mid_2023_there_is_no_url_column() {
    let e = load("no_url_pre2023.csv");
    assert_eq!(e.report.format, Format::NoUrl);
    assert!(e.report.traits.is_empty(), "{:?}", e.report.traits);
    assert_eq!(e.report.people, 3);
    assert_eq!(e.report.hidden, 0);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder", "Chen Wei"]);
    assert!(people(&e).iter().all(|p| p.url.is_empty()));
    let bob = person(&e, "Bob");
    assert_eq!(bob.email, "bob@example.com");
    assert_eq!(bob.company, "Builder Co, Ltd.");
    assert_eq!(bob.position, "Owner");
    assert_eq!(bob.connected_on, date(2021, 3, 15));
    assert_eq!(person(&e, "Chen").connected_on, date(2019, 12, 1));
    assert!(e.report.skipped.is_empty() && e.report.warnings.is_empty());
}

#[test]
fn excel_resave_with_bom_crlf_padding_and_short_dates() {
    let bytes = read_fixture("excel_resave.csv");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFNotes:"),
        "fixture has a BOM"
    );
    let e = load("excel_resave.csv");
    assert_eq!(e.report.format, Format::Current);
    assert!(has_trait(&e, "byte-order mark"), "{:?}", e.report.traits);
    assert!(has_trait(&e, "CRLF line endings"), "{:?}", e.report.traits);
    assert!(has_trait(&e, "Notes preamble"), "{:?}", e.report.traits);
    assert_eq!(e.report.people, 2);
    assert_eq!(e.report.hidden, 1);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder"]);
    let ada = person(&e, "Ada");
    assert_eq!(ada.company, "Acme, Inc.");
    assert_eq!(ada.connected_on, date(2019, 11, 8), "8-Nov-19");
    let bob = person(&e, "Bob");
    assert_eq!(bob.connected_on, date(2021, 1, 18), "18-Jan-21");
    assert_eq!(bob.position, "Owner", "no stray \\r");
    assert!(e.report.skipped.is_empty(), "{:?}", e.report.skipped);
    assert!(e.report.warnings.is_empty(), "{:?}", e.report.warnings);
}

#[test]
fn a_bom_right_before_the_header_is_not_part_of_first_name() {
    let body = String::from_utf8(read_fixture("no_url_pre2023.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, format!("\u{FEFF}{body}")).unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!(e.report.people, 3);
    assert_eq!(person(&e, "Ada").last_name, "Example");
    assert!(has_trait(&e, "byte-order mark"));
}

#[test]
fn dates_from_2018_exports_and_member_urn_emails() {
    let e = load("dates_2018.csv");
    assert_eq!(e.report.format, Format::NoUrl);
    assert_eq!(e.report.people, 2);
    let ada = person(&e, "Ada");
    assert_eq!(
        ada.connected_on,
        date(2018, 1, 8),
        "\"1/8/18, 6:14 PM\" is 8 Jan"
    );
    assert_eq!(ada.email, "urn:li:member:12345");
    assert_eq!(person(&e, "Bob").connected_on, date(2017, 12, 25));
    assert!(e.report.warnings.is_empty(), "{:?}", e.report.warnings);
}

#[test]
fn outlook_2012_export_maps_email_and_job_title() {
    let header = String::from_utf8(read_fixture("outlook_2012.csv")).unwrap();
    let first_line = header.lines().next().unwrap();
    assert_eq!(
        first_line.split(',').count(),
        59,
        "LinkedIn's 59 Outlook columns"
    );

    let e = load("outlook_2012.csv");
    assert_eq!(e.report.format, Format::Outlook2012);
    assert_eq!(e.report.people, 3);
    assert_eq!(e.report.hidden, 0);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder", "Chen Wei"]);
    let ada = person(&e, "Ada");
    assert_eq!(ada.email, "ada@example.com", "from E-mail Address");
    assert_eq!(ada.position, "Engineer", "from Job Title");
    assert_eq!(ada.company, "Acme, Inc.");
    assert_eq!(ada.url, "");
    assert_eq!(ada.connected_on, None, "the 2012 export has no dates");
    assert_eq!(person(&e, "Chen").email, "chen.wei@example.com");
    assert!(e.report.skipped.is_empty(), "{:?}", e.report.skipped);
    assert!(
        e.report.warnings.is_empty(),
        "a missing date is not an unreadable one: {:?}",
        e.report.warnings
    );
}

#[test]
fn windows_1252_is_decoded_not_mangled_and_said() {
    let bytes = read_fixture("windows1252.csv");
    assert!(bytes.contains(&0xE9), "fixture holds a raw 0xE9 (é)");
    assert!(std::str::from_utf8(&bytes).is_err(), "fixture is not UTF-8");

    let e = load("windows1252.csv");
    assert_eq!(e.report.people, 2);
    let jose = person(&e, "José");
    assert_eq!(jose.last_name, "Müller");
    assert_eq!(jose.company, "Café Crème");
    assert_eq!(jose.url, "https://www.linkedin.com/in/josé-müller");
    let francoise = person(&e, "Françoise");
    assert_eq!(francoise.company, "Société Générale");
    assert_eq!(
        francoise.position, "Analyste – Risques",
        "0x96 is an en dash"
    );
    assert_eq!(francoise.connected_on, date(2025, 3, 9), "9 Mar 2025");
    for p in people(&e) {
        let all = format!("{p:?}");
        assert!(
            !all.contains('Ã') && !all.contains('\u{FFFD}'),
            "mojibake: {all}"
        );
    }
    assert!(
        has_trait(&e, "Windows-1252 encoding"),
        "{:?}",
        e.report.traits
    );
    assert_eq!(e.report.warnings.len(), 1, "{:?}", e.report.warnings);
    let w = &e.report.warnings[0];
    assert!(
        w.contains("windows1252.csv") && w.contains("Windows-1252"),
        "{w}"
    );
}

#[test]
fn a_stray_byte_deep_in_a_large_utf8_file_is_decoded_with_every_row_kept() {
    // Files are parsed as they stream in: a bad byte after 40,000 good rows must still
    // give the same result as decoding the whole file first.
    let mut bytes = unconnect::synthetic::connections_csv(40_000, 7).into_bytes();
    bytes.extend_from_slice(
        b"\nJos\xe9,Late,https://www.linkedin.com/in/late,,Caf\xe9,Chef,01 Jan 2020\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, &bytes).unwrap();
    let e = import::load(&path).unwrap();
    let late = people(&e)
        .into_iter()
        .find(|p| p.last_name == "Late")
        .expect("the last row is there");
    assert_eq!(late.first_name, "José");
    assert_eq!(late.company, "Café");
    let without_late = import::load(&{
        let p = dir.path().join("clean.csv");
        fs::write(&p, unconnect::synthetic::connections_csv(40_000, 7)).unwrap();
        p
    })
    .unwrap();
    assert_eq!(e.report.people, without_late.report.people + 1);
    assert!(
        e.report.warnings.iter().any(|w| w.contains("Windows-1252")),
        "{:?}",
        e.report.warnings
    );
}

#[test]
fn line_numbers_are_right_in_an_excel_crlf_file() {
    // Excel saves with CRLF; the CSV parser's own line count is one short there.
    let text = "Notes:\r\n\"A note\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
        Ada,One,,,,,01 Jan 2024\r\n\
        Bob,Two,,,\"Acme\r\nLabs\",,02 Jan 2024\r\n\
        short,row\r\n\
        Cy,Three,,,,,someday\r\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, text).unwrap();
    let e = import::load(&path).unwrap();
    assert_eq!(e.report.skipped.len(), 1);
    assert_eq!(e.report.skipped[0].line, 8, "line 8 holds the short row");
    assert!(
        e.report.warnings.iter().any(|w| w.contains("line 9")),
        "{:?}",
        e.report.warnings
    );
}

#[test]
fn utf16_resave_is_decoded() {
    // Excel's "Unicode" save: UTF-16LE with a BOM.
    let text = String::from_utf8(read_fixture("no_url_pre2023.csv"))
        .unwrap()
        .replace("Ada", "Zoë");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, bytes).unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!(names(&e), ["Zoë Example", "Bob Builder", "Chen Wei"]);
    assert!(has_trait(&e, "UTF-16 encoding"), "{:?}", e.report.traits);
}

#[test]
fn duplicates_are_merged_by_profile_url_and_counted() {
    let e = load("duplicates.csv");
    assert_eq!(e.report.duplicates, 1);
    assert_eq!(e.report.people, 3);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder", "Ada Example"]);
    let [ada, _bob, twin] = people(&e)[..] else {
        panic!("three people")
    };
    assert_eq!(
        ada.url, "https://www.linkedin.com/in/ada-example",
        "no slash or query"
    );
    assert_eq!(
        ada.email, "ada@example.com",
        "the duplicate's email is kept"
    );
    assert_eq!(ada.company, "Acme");
    assert_eq!(
        twin.url, "https://www.linkedin.com/in/ada-example-2",
        "same name, other profile: another person"
    );
    assert_eq!(twin.email, "");
    assert!(e.report.skipped.is_empty() && e.report.warnings.is_empty());
}

#[test]
fn bad_rows_are_skipped_with_their_line_and_bad_dates_kept() {
    let e = load("bad_rows.csv");
    assert_eq!(
        skipped(&e),
        [
            (7, "expected 7 fields, found 3"),
            (8, "expected 7 fields, found 8"),
        ],
        "line numbers are lines of the file (preamble and a two-line field counted)"
    );
    assert_eq!(e.report.people, 3);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder", "Chen Wei"]);
    assert_eq!(person(&e, "Ada").position, "Engineer\nand Artist");
    let bob = person(&e, "Bob");
    assert_eq!(bob.connected_on, None, "kept, date unknown");
    assert_eq!(bob.company, "Builder Co");
    assert_eq!(person(&e, "Chen").connected_on, date(2019, 12, 1));
    assert_eq!(e.report.warnings.len(), 1, "{:?}", e.report.warnings);
    let w = &e.report.warnings[0];
    assert!(w.contains("bad_rows.csv"), "{w}");
    assert!(w.contains("line 9"), "{w}");
    assert!(w.contains("sometime in 2020"), "{w}");
}

#[test]
fn a_header_with_no_rows_is_an_empty_export_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let preamble = String::from_utf8(read_fixture("preamble_only.csv")).unwrap();
    fs::write(&path, format!("{preamble}{CONNECTIONS_HEADER}\n")).unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!((e.report.people, e.report.hidden), (0, 0));
    assert!(e.people.is_empty());
}

#[test]
fn a_row_of_nothing_but_commas_is_a_blank_line_not_a_hidden_profile() {
    // Spreadsheets pad blank rows to the full width; such a row has no date, so it is
    // not one of LinkedIn's hidden-profile rows (which always carry a date).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let text = String::from_utf8(read_fixture("current.csv")).unwrap();
    fs::write(&path, format!("{text}\n,,,,,,\n,,,,,,\n")).unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!(e.report.people, 3);
    assert_eq!(
        e.report.hidden, 1,
        "only the row with a date is a hidden profile"
    );
}

#[test]
fn a_utf8_file_with_one_stray_byte_keeps_its_utf8_names() {
    // One line edited in a Windows-1252 editor: the rest of the file is still UTF-8, and
    // its names must not turn into mojibake ("JosÃ©").
    let mut bytes = read_fixture("current.csv");
    bytes.extend_from_slice(
        b"\nFran\xe7ois,Dupont,https://www.linkedin.com/in/fdupont,,Acme,CFO,02 Jan 2019",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(&path, bytes).unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!(e.report.people, 4);
    let jose = people(&e)[1];
    assert_eq!((jose.first_name, jose.last_name), ("José", "García"));
    assert_eq!(person(&e, "Zoë").last_name, "Müller");
    assert!(
        e.report.warnings.iter().any(|w| w.contains("UTF-8")),
        "the user is told: {:?}",
        e.report.warnings
    );
}

// ---------------------------------------------------------------------------------------
// Invitations.csv
// ---------------------------------------------------------------------------------------

/// A folder holding current.csv as Connections.csv and `invitations` as Invitations.csv.
fn export_folder(invitations: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("current.csv"), dir.path().join("Connections.csv")).unwrap();
    fs::copy(fixture(invitations), dir.path().join("Invitations.csv")).unwrap();
    dir
}

#[test]
fn invitations_current_layout_counts_and_the_encoded_url_join() {
    let dir = export_folder("invitations_current.csv");
    let e = load_path(dir.path()).unwrap();
    let inv = e.invitations.as_ref().expect("Invitations.csv loaded");
    assert_eq!(inv.report.outgoing, 3);
    assert_eq!(inv.report.incoming, 1);
    assert_eq!(
        inv.report.pending, 1,
        "José (raw UTF-8 URL here, percent-encoded in Connections.csv) and Ada are \
         connections; only Pending Person is left"
    );
    assert!(inv.report.skipped.is_empty(), "{:?}", inv.report.skipped);
    assert!(inv.report.warnings.is_empty(), "{:?}", inv.report.warnings);
    assert!(inv.report.file.ends_with("Invitations.csv"));

    let list = &inv.list;
    assert_eq!(list.len(), 4);
    let directions: Vec<_> = list.iter().map(|i| i.direction).collect();
    assert_eq!(
        directions,
        [
            Direction::Outgoing,
            Direction::Outgoing,
            Direction::Outgoing,
            Direction::Incoming
        ]
    );
    assert_eq!(list[0].to, "José García");
    assert_eq!(list[0].sent_at, datetime("2026-02-12 11:44"));
    assert_eq!(
        list[0].inviter_url,
        "https://www.linkedin.com/in/me-example"
    );
    assert_eq!(
        list[0].invitee_url,
        person(&e, "José").url,
        "the two files meet"
    );
    assert_eq!(
        list[2].to, "Pending, Person 🎉",
        "comma and emoji in a name"
    );
    assert_eq!(list[2].sent_at, datetime("2026-11-20 21:05"), "9:05 PM");
    assert_eq!(list[2].message, "Hi, let's connect");
    assert_eq!(list[3].message, "Hi, let's connect 👋");
    assert_eq!(list[3].sent_at, datetime("2026-01-28 17:54"));

    let connected = import::join::invitee_is_connection(&e.people, list);
    assert_eq!(&connected[..3], [true, true, false]);
}

#[test]
fn invitations_old_layout_is_joined_by_name() {
    let e = load_path_with(
        &fixture("no_url_pre2023.csv"),
        Some(&fixture("invitations_old.csv")),
    )
    .unwrap();
    let inv = e.invitations.as_ref().unwrap();
    assert_eq!(
        (inv.report.outgoing, inv.report.incoming, inv.report.pending),
        (2, 1, 1),
        "Ada Example is a connection; Nobody Yet is pending"
    );
    assert!(inv.list.iter().all(|i| i.invitee_url.is_empty()));
    assert_eq!(inv.list[0].sent_at, datetime("2022-02-12 11:44"));
    assert_eq!(inv.list[2].message, "Hello");

    // Old invitations beside a current Connections.csv: still joined by name.
    let dir = export_folder("invitations_old.csv");
    let e = load_path(dir.path()).unwrap();
    let inv = e.invitations.as_ref().unwrap();
    assert_eq!((inv.report.outgoing, inv.report.pending), (2, 1));
}

#[test]
fn a_lone_connections_csv_finds_the_invitations_beside_it() {
    let dir = export_folder("invitations_current.csv");
    let e = load_path(&dir.path().join("Connections.csv")).unwrap();
    assert_eq!(e.container, Container::Csv);
    assert_eq!(e.invitations.as_ref().map(|i| i.report.pending), Some(1));

    // An explicit Invitations.csv wins over the one beside it.
    let e = load_path_with(
        &dir.path().join("Connections.csv"),
        Some(&fixture("invitations_old.csv")),
    )
    .unwrap();
    assert_eq!(e.invitations.as_ref().unwrap().list.len(), 3);

    // Without one, there are simply no invitations.
    let e = load("current.csv");
    assert!(e.invitations.is_none());
}

#[test]
fn a_broken_invitations_csv_is_a_warning_not_a_failure() {
    for broken in ["not_linkedin.csv", "empty.csv", "current.csv"] {
        let dir = export_folder(broken);
        let e = load_path(dir.path()).unwrap_or_else(|err| panic!("{broken}: {err}"));
        assert_eq!(e.report.people, 3, "{broken}");
        assert!(e.invitations.is_none(), "{broken}");
        assert!(
            e.report
                .warnings
                .iter()
                .any(|w| w.contains("Invitations.csv") && w.contains("invitations not loaded")),
            "{broken}: {:?}",
            e.report.warnings
        );
    }
}

#[test]
fn a_damaged_invitations_entry_in_the_zip_is_a_warning_not_a_failure() {
    // `import::load` promises: "Fails only when Connections.csv cannot be read; a broken
    // Invitations.csv becomes a warning, since the connections are still usable."
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    zip.start_file("Connections.csv", stored).unwrap();
    zip.write_all(&read_fixture("current.csv")).unwrap();
    zip.start_file("Invitations.csv", stored).unwrap();
    zip.write_all(&read_fixture("invitations_current.csv"))
        .unwrap();
    zip.finish().unwrap();
    // Flip one byte of the stored Invitations.csv: its CRC no longer matches.
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes
        .windows(14)
        .position(|w| w == b"pending-person")
        .unwrap();
    bytes[at] = b'P';
    fs::write(&path, &bytes).unwrap();

    let e = load_path(&path).unwrap_or_else(|err| panic!("connections are intact: {err}"));
    assert_eq!(e.report.people, 3);
    assert!(e.invitations.is_none());
    assert!(
        e.report
            .warnings
            .iter()
            .any(|w| w.contains("Invitations.csv") && !w.contains('\n')),
        "{:?}",
        e.report.warnings
    );
}

// ---------------------------------------------------------------------------------------
// Folder and zip
// ---------------------------------------------------------------------------------------

#[test]
fn export_folder_found_case_insensitively_one_folder_down() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("Basic_LinkedInDataExport_11-28-2026");
    fs::create_dir(&inner).unwrap();
    fs::copy(fixture("current.csv"), inner.join("connections.CSV")).unwrap();
    fs::copy(
        fixture("invitations_current.csv"),
        inner.join("INVITATIONS.csv"),
    )
    .unwrap();
    fs::write(
        inner.join("Profile.csv"),
        "First Name,Last Name\nMe,Example\n",
    )
    .unwrap();
    for path in [dir.path(), inner.as_path()] {
        let e = load_path(path).unwrap();
        assert_eq!(e.container, Container::Folder);
        assert_eq!(e.report.people, 3);
        assert!(
            e.report.file.ends_with("connections.CSV"),
            "{}",
            e.report.file
        );
        let inv = e.invitations.as_ref().expect("INVITATIONS.csv found");
        assert_eq!((inv.report.outgoing, inv.report.pending), (3, 1));
    }
}

#[test]
fn in_a_folder_the_top_level_connections_csv_wins_over_a_nested_copy() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("current.csv"), dir.path().join("Connections.csv")).unwrap();
    let old = dir.path().join("older export");
    fs::create_dir(&old).unwrap();
    fs::copy(fixture("no_url_pre2023.csv"), old.join("Connections.csv")).unwrap();
    let e = load_path(dir.path()).unwrap();
    assert_eq!(e.report.format, Format::Current);
    assert!(e.invitations.is_none());
}

#[test]
fn the_zip_is_read_in_place_and_nothing_is_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    write_zip(
        &path,
        &[
            ("Profile.csv", b"First Name,Last Name\nMe,Example\n"),
            ("Connections.csv", &read_fixture("current.csv")),
            ("Invitations.csv", &read_fixture("invitations_current.csv")),
            ("Messages/messages.csv", b"CONVERSATION ID,FROM\n"),
        ],
    );
    let before = tree(dir.path());
    let e = load_path(&path).unwrap();
    assert_eq!(
        tree(dir.path()),
        before,
        "no file created or changed next to the zip"
    );

    assert_eq!(e.container, Container::Zip);
    assert_eq!(e.report.format, Format::Current);
    assert_eq!(e.report.people, 3);
    assert_eq!(e.report.hidden, 1);
    assert_eq!(
        person(&e, "José").url,
        "https://www.linkedin.com/in/josé-garcía-4b2a1c"
    );
    assert!(
        e.report
            .file
            .contains("Basic_LinkedInDataExport_11-28-2026.zip")
            && e.report.file.ends_with("(Connections.csv)"),
        "{}",
        e.report.file
    );
    let inv = e.invitations.as_ref().unwrap();
    assert_eq!(
        (inv.report.outgoing, inv.report.incoming, inv.report.pending),
        (3, 1, 1)
    );
}

#[test]
fn a_zip_with_its_files_in_a_folder_and_odd_case_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    write_zip(
        &path,
        &[
            (
                "__MACOSX/Basic_LinkedInDataExport/._Connections.csv",
                b"\x00\x05\x16\x07junk",
            ),
            (
                "Basic_LinkedInDataExport/connections.CSV",
                &read_fixture("excel_resave.csv"),
            ),
            (
                "Basic_LinkedInDataExport/invitations.csv",
                &read_fixture("invitations_current.csv"),
            ),
        ],
    );
    let e = load_path(&path).unwrap();
    assert_eq!(e.container, Container::Zip);
    assert_eq!(names(&e), ["Ada Example", "Bob Builder"]);
    assert!(e.invitations.is_some());
}

#[test]
fn a_zip_is_recognised_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("download");
    write_zip(&path, &[("Connections.csv", &read_fixture("current.csv"))]);
    let e = load_path(&path).unwrap();
    assert_eq!(e.container, Container::Zip);
    assert_eq!(e.report.people, 3);
}

// ---------------------------------------------------------------------------------------
// Bad input: the right error, one line, naming the file
// ---------------------------------------------------------------------------------------

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let (err, text) = one_line_error(load_path(&path), "Connections.csv");
    assert!(matches!(err, ImportError::Open { .. }), "{err:?}");
    assert!(text.contains("cannot open"), "{text}");
}

#[test]
fn folder_without_connections_csv() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("invitations_current.csv"),
        dir.path().join("Invitations.csv"),
    )
    .unwrap();
    fs::write(dir.path().join("Profile.csv"), "First Name,Last Name\n").unwrap();
    let shown = dir.path().display().to_string();
    let (err, text) = one_line_error(load_path(dir.path()), &shown);
    assert!(
        matches!(err, ImportError::NoConnectionsInFolder { .. }),
        "{err:?}"
    );
    assert!(text.contains("no Connections.csv in this folder"), "{text}");
}

#[test]
fn zip_without_connections_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    write_zip(
        &path,
        &[
            ("Profile.csv", b"First Name,Last Name\n"),
            ("Invitations.csv", &read_fixture("invitations_current.csv")),
        ],
    );
    let (err, text) = one_line_error(load_path(&path), "Basic_LinkedInDataExport_11-28-2026.zip");
    assert!(
        matches!(err, ImportError::NoConnectionsInZip { .. }),
        "{err:?}"
    );
    assert!(text.contains("no Connections.csv in this zip"), "{text}");
}

#[test]
fn empty_file() {
    let (err, text) = one_line_error(load_path(&fixture("empty.csv")), "empty.csv");
    assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
    assert!(text.contains("empty"), "{text}");

    // Blank lines and a lone BOM are as empty.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.csv");
    fs::write(&path, b"\xEF\xBB\xBF\r\n\r\n  \n").unwrap();
    let (err, _) = one_line_error(load_path(&path), "blank.csv");
    assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
}

#[test]
fn empty_connections_csv_inside_a_zip_names_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    write_zip(&path, &[("Connections.csv", b"")]);
    let (err, text) = one_line_error(load_path(&path), "export.zip");
    assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
    assert!(text.contains("Connections.csv"), "{text}");
}

#[test]
fn preamble_only() {
    let (err, text) = one_line_error(
        load_path(&fixture("preamble_only.csv")),
        "preamble_only.csv",
    );
    assert!(matches!(err, ImportError::PreambleOnly { .. }), "{err:?}");
    assert!(text.contains("Notes preamble"), "{text}");
}

#[test]
fn not_a_linkedin_file_lists_expected_and_found_columns() {
    let (err, text) = one_line_error(load_path(&fixture("not_linkedin.csv")), "not_linkedin.csv");
    let ImportError::NotLinkedIn {
        what,
        expected,
        found,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*what, "Connections.csv");
    assert!(
        expected.contains("First Name") && expected.contains("Connected On"),
        "{expected}"
    );
    let found_lower = found.to_lowercase();
    for column in ["date", "description", "amount", "balance"] {
        assert!(found_lower.contains(column), "{found}");
    }
    assert!(
        text.contains(expected.as_str()) && text.contains(found.as_str()),
        "{text}"
    );
}

#[test]
fn invitations_csv_given_as_connections_is_not_linkedin_connections() {
    let (err, text) = one_line_error(
        load_path(&fixture("invitations_current.csv")),
        "invitations_current.csv",
    );
    assert!(
        matches!(
            err,
            ImportError::OtherLinkedInFile {
                found: "Invitations.csv",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        text.contains("Invitations.csv, not its Connections.csv")
            && text.contains("folder or the zip"),
        "{text}"
    );
}

#[test]
fn corrupt_zip_random_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    // Deterministic noise, no zip signature.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    fs::write(&path, &noise).unwrap();
    let (err, text) = one_line_error(load_path(&path), "x.zip");
    assert!(matches!(err, ImportError::CorruptZip { .. }), "{err:?}");
    assert!(text.contains("not a readable zip"), "{text}");
}

#[test]
fn corrupt_zip_truncated_download() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Basic_LinkedInDataExport_11-28-2026.zip");
    write_zip(
        &path,
        &[
            ("Connections.csv", &read_fixture("current.csv")),
            ("Invitations.csv", &read_fixture("invitations_current.csv")),
        ],
    );
    let bytes = fs::read(&path).unwrap();
    for keep in [bytes.len() * 2 / 3, bytes.len() / 2, 10] {
        fs::write(&path, &bytes[..keep]).unwrap();
        let (err, text) =
            one_line_error(load_path(&path), "Basic_LinkedInDataExport_11-28-2026.zip");
        assert!(
            matches!(err, ImportError::CorruptZip { .. }),
            "{keep}: {err:?}"
        );
        assert!(text.contains("not a readable zip"), "{text}");
    }
}

#[test]
fn a_damaged_connections_entry_in_a_zip_is_a_corrupt_zip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    // Stored (uncompressed) so the CSV bytes can be found and damaged: the CRC fails.
    let csv = read_fixture("current.csv");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("Connections.csv", stored).unwrap();
    zip.write_all(&csv).unwrap();
    zip.finish().unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.windows(6).position(|w| w == b"Globex").unwrap();
    bytes[at] = b'g';
    fs::write(&path, &bytes).unwrap();
    let (err, _) = one_line_error(load_path(&path), "x.zip");
    assert!(matches!(err, ImportError::CorruptZip { .. }), "{err:?}");
}

#[test]
fn a_field_over_1_mib_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let preamble = String::from_utf8(read_fixture("preamble_only.csv")).unwrap();
    let mut text = format!(
        "{preamble}{CONNECTIONS_HEADER}\n\
         Ada,Example,https://www.linkedin.com/in/ada-example,,Acme,Engineer,08 Feb 2026\n\
         Bob,Builder,https://www.linkedin.com/in/bob-builder,,\""
    );
    text.push_str(&"Builder Co, ".repeat((1 << 20) / 12 + 1));
    text.push_str("\",Owner,15 Mar 2021\n");
    fs::write(&path, text).unwrap();
    let (err, text) = one_line_error(load_path(&path), "Connections.csv");
    assert!(
        matches!(err, ImportError::FieldTooLarge { line: 6, .. }),
        "{err:?}"
    );
    assert!(text.contains("line 6"), "{text}");
    assert!(text.contains("1 MiB"), "{text}");
}

#[test]
fn a_field_just_under_1_mib_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    let big = "x".repeat((1 << 20) - 1);
    fs::write(
        &path,
        format!("{CONNECTIONS_HEADER}\nAda,Example,,,{big},Engineer,08 Feb 2026\n"),
    )
    .unwrap();
    let e = load_path(&path).unwrap();
    assert_eq!(person(&e, "Ada").company.len(), (1 << 20) - 1);
}

#[test]
fn a_binary_file_is_refused_cleanly() {
    // A big blob without commas or newlines: one giant field on line 1.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.csv");
    let blob: Vec<u8> = (0..(3usize << 19))
        .map(|i| (i % 251) as u8 | 0x80)
        .collect();
    fs::write(&path, blob).unwrap();
    let (err, _) = one_line_error(load_path(&path), "photo.csv");
    assert!(
        matches!(
            err,
            ImportError::FieldTooLarge { line: 1, .. } | ImportError::NotLinkedIn { .. }
        ),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------
// The input is never modified
// ---------------------------------------------------------------------------------------

#[test]
fn no_fixture_is_modified_by_loading_it() {
    let mut names: Vec<_> = fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    names.sort();
    assert!(names.len() >= 13, "{names:?}");
    for path in names {
        let before = snapshot(&path);
        let _ = import::load(&path);
        let _ = import::load_with(&fixture("current.csv"), Some(&path));
        assert!(before == snapshot(&path), "{} changed", path.display());
    }
}

// ---------------------------------------------------------------------------------------
// Identity without a URL, and the exact wording of each refusal
// ---------------------------------------------------------------------------------------

#[test]
fn without_a_url_rows_merge_only_as_exact_repeats_or_by_name_and_email() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Connections.csv");
    fs::write(
        &path,
        "First Name,Last Name,Email Address,Company,Position,Connected On\n\
         Bob,Builder,,Builder Co,,01 Jan 2020\n\
         Bob,Builder,,Builder Co,Owner,01 Jan 2020\n\
         Bob,Builder,,Builder Co,,01 Jan 2020\n\
         Bob,Builder,bob@example.com,Other Co,,01 Jan 2020\n\
         Bob,Builder,BOB@example.com,,Founder,03 Mar 2021\n",
    )
    .unwrap();
    let e = load_path(&path).unwrap();
    // Row 4 repeats row 2 exactly; row 6 has row 5's e-mail. Rows 2 and 3 differ in
    // their position: without a URL or an e-mail nothing says they are one person.
    assert_eq!(e.report.duplicates, 2);
    assert_eq!(e.report.people, 3);
    let bobs: Vec<(&str, &str, &str)> = people(&e)
        .iter()
        .map(|p| (p.email, p.company, p.position))
        .collect();
    assert_eq!(
        bobs,
        [
            ("", "Builder Co", ""),
            ("", "Builder Co", "Owner"),
            ("bob@example.com", "Other Co", "Founder"),
        ]
    );
    assert_eq!(people(&e)[2].identity(), "name:bob builder|bob@example.com");
    assert_eq!(
        people(&e)[2].connected_on,
        date(2020, 1, 1),
        "the first date is kept"
    );
}

/// Each bad input gives its error, displayed as one line naming the file and saying this.
fn assert_says(result: Result<Export, ImportError>, file: &str, says: &str) {
    let (_, text) = one_line_error(result, file);
    assert!(text.contains(says), "{text} should say {says}");
}

#[test]
fn each_refusal_in_its_exact_words() {
    let dir = tempfile::tempdir().unwrap();
    assert_says(
        import::load(&dir.path().join("nope.csv")),
        "nope.csv",
        "nope.csv: cannot open",
    );
    assert_says(
        import::load(dir.path()),
        &dir.path().display().to_string(),
        "no Connections.csv in this folder (is it the unzipped LinkedIn export?)",
    );
    assert_says(
        load_path(&fixture("empty.csv")),
        "empty.csv",
        "empty.csv: the file is empty",
    );
    assert_says(
        load_path(&fixture("preamble_only.csv")),
        "preamble_only.csv",
        "the file holds only the Notes preamble, no header and no rows",
    );
    assert_says(
        load_path(&fixture("not_linkedin.csv")),
        "not_linkedin.csv",
        "not a LinkedIn Connections.csv export: expected columns First Name, Last Name, URL, \
         Email Address, Company, Position, Connected On; found \"date\", \"description\"",
    );
    let zip_without = dir.path().join("other.zip");
    write_zip(&zip_without, &[("Profile.csv", b"a,b\n")]);
    assert_says(
        import::load(&zip_without),
        "other.zip",
        "no Connections.csv in this zip (is it a LinkedIn data export?)",
    );
    let huge = dir.path().join("huge.csv");
    let mut text = format!("{CONNECTIONS_HEADER}\nAda,Example,,,");
    text.push_str(&"x".repeat(3 << 19));
    text.push_str(",Engineer,08 Feb 2026\n");
    fs::write(&huge, text).unwrap();
    assert_says(
        import::load(&huge),
        "huge.csv",
        "huge.csv, line 2: a field is larger than 1 MiB; this is not a LinkedIn export",
    );
}
