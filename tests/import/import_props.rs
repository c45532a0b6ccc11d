//! Whatever bytes a user hands us, loading ends in Ok or a clean one-line error naming the
//! file, never a panic; and whatever a CSV writer produces in LinkedIn's layout reads back
//! exactly. Kept fast: 256 cases per property, inputs of a few hundred bytes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;
use unconnect::import::{self, Export};

const PREAMBLE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n";
const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// What a loaded export must satisfy, whatever the input was.
fn check_export(e: &Export, bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert_eq!(e.report.people, e.people.len());
    // Every person can be read back (spans inside the arena, on char boundaries).
    for id in e.people.ids() {
        let p = e.people.get(id);
        let _ = p.identity();
        let _ = p.full_name();
    }
    // Line breaks: `\n`, `\r\n`, and a lone `\r` (old Mac files).
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    let lines = (memchr::memchr_iter(b'\n', bytes).count() + lone_cr) as u64 + 1;
    for s in &e.report.skipped {
        prop_assert!((1..=lines).contains(&s.line), "line {} of {lines}", s.line);
        prop_assert!(!s.reason.contains('\n'));
    }
    for w in &e.report.warnings {
        prop_assert!(!w.contains('\n'), "multi-line warning: {w:?}");
    }
    if let Some(inv) = &e.invitations {
        let r = &inv.report;
        prop_assert_eq!(r.outgoing + r.incoming, inv.list.len());
        prop_assert!(r.pending <= r.outgoing);
    }
    Ok(())
}

/// Loads `bytes` saved as `name` (and optionally an Invitations.csv beside it).
fn load_bytes_with(
    bytes: &[u8],
    name: &str,
    invitations: Option<&[u8]>,
) -> Result<Result<Export, String>, TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    if let Some(inv) = invitations {
        fs::write(dir.path().join("Invitations.csv"), inv).unwrap();
    }
    match import::load(&path) {
        Ok(e) => {
            check_export(&e, bytes)?;
            Ok(Ok(e))
        }
        Err(err) => {
            let text = err.to_string();
            prop_assert!(!text.contains('\n'), "multi-line error: {text:?}");
            prop_assert!(text.contains(name), "{text:?} does not name {name}");
            Ok(Err(text))
        }
    }
}

fn load_bytes(bytes: &[u8], name: &str) -> Result<Result<Export, String>, TestCaseError> {
    load_bytes_with(bytes, name, None)
}

/// Flips, inserts, deletes or truncates at random places.
#[derive(Debug, Clone)]
enum Edit {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to a CSV reader come up often.
    let byte = prop_oneof![
        any::<u8>(),
        Just(b','),
        Just(b'"'),
        Just(b'\n'),
        Just(b'\r'),
        Just(0xC3),
        Just(0xE9),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Set(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, edits: &[Edit]) {
    for e in edits {
        let n = bytes.len();
        match *e {
            Edit::Set(i, b) if n > 0 => bytes[i % n] = b,
            Edit::Insert(i, b) => bytes.insert(i % (n + 1), b),
            Edit::Delete(i) if n > 0 => {
                bytes.remove(i % n);
            }
            Edit::Truncate(i) => bytes.truncate(i % (n + 1)),
            _ => {}
        }
    }
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A CSV field as LinkedIn (and any RFC 4180 writer) writes it.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A person as a CSV writer would produce them.
#[derive(Debug, Clone)]
struct Row {
    first: String,
    last: String,
    slug: String,
    email: String,
    company: String,
    position: String,
    date: NaiveDate,
}

fn text() -> impl Strategy<Value = String> {
    "[ a-zA-Z0-9.,'\"&()\\-éüßøŁ山🎉\n]{0,14}"
}

fn row() -> impl Strategy<Value = Row> {
    (
        (text(), text(), "[a-z0-9éü]{1,10}"),
        (text(), text(), text()),
        (2003i32..2030, 1u32..=12, 1u32..=28),
    )
        .prop_map(
            |((first, last, slug), (email, company, position), (y, m, d))| Row {
                first,
                last,
                slug,
                email,
                company,
                position,
                date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_csv(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_bytes(&bytes, "Connections.csv")?;
    }

    #[test]
    fn any_bytes_as_a_zip(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let r = load_bytes(&bytes, "export.zip")?;
        prop_assert!(r.is_err(), "random bytes are not an export");
    }

    #[test]
    fn any_bytes_after_a_real_header(
        preamble in any::<bool>(),
        body in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = if preamble { PREAMBLE.as_bytes().to_vec() } else { Vec::new() };
        bytes.extend_from_slice(HEADER.as_bytes());
        bytes.extend_from_slice(&body);
        // A real header was found, so whatever follows is rows: never a whole-file error
        // (the only exception, a field over 1 MiB, cannot happen at this size).
        let r = load_bytes(&bytes, "Connections.csv")?;
        prop_assert!(r.is_ok(), "{:?}", r.err());
    }

    #[test]
    fn csv_like_rows_after_a_real_header(body in "[a-zA-Z0-9,\"\r\n é%/:.-]{0,400}") {
        let text = format!("{PREAMBLE}{HEADER}{body}");
        let r = load_bytes(text.as_bytes(), "Connections.csv")?;
        prop_assert!(r.is_ok(), "{:?}", r.err());
    }

    #[test]
    fn mutations_of_real_files(
        which in 0usize..6,
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let name = [
            "current.csv",
            "excel_resave.csv",
            "outlook_2012.csv",
            "bad_rows.csv",
            "windows1252.csv",
            "duplicates.csv",
        ][which];
        let mut bytes = fs::read(fixture(name)).unwrap();
        apply(&mut bytes, &edits);
        let _ = load_bytes(&bytes, "Connections.csv")?;
    }

    #[test]
    fn mutations_of_a_real_zip(edits in proptest::collection::vec(edit(), 1..6)) {
        let connections = fs::read(fixture("current.csv")).unwrap();
        let invitations = fs::read(fixture("invitations_current.csv")).unwrap();
        let mut bytes = zip_of(&[
            ("Connections.csv", &connections),
            ("Invitations.csv", &invitations),
        ]);
        apply(&mut bytes, &edits);
        let _ = load_bytes(&bytes, "Basic_LinkedInDataExport_11-28-2026.zip")?;
    }

    #[test]
    fn any_invitations_csv_never_stops_the_connections_loading(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        // Random bytes, or a real Invitations.csv with random damage.
        let mut invitations = if bytes.len() % 2 == 0 {
            bytes
        } else {
            fs::read(fixture("invitations_current.csv")).unwrap()
        };
        apply(&mut invitations, &edits);
        let connections = fs::read(fixture("current.csv")).unwrap();
        let r = load_bytes_with(&connections, "Connections.csv", Some(&invitations))?;
        let e = r.map_err(TestCaseError::fail)?;
        prop_assert_eq!(e.report.people, 3);
    }

    #[test]
    fn rows_written_by_a_csv_writer_read_back_exactly(
        rows in proptest::collection::vec(row(), 0..24),
        crlf in any::<bool>(),
        preamble in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if preamble {
            text.push_str(&PREAMBLE.replace('\n', nl));
        }
        text.push_str(&HEADER.replace('\n', nl));
        for (i, r) in rows.iter().enumerate() {
            let slug = percent_encoding::utf8_percent_encode(
                &r.slug,
                percent_encoding::NON_ALPHANUMERIC,
            );
            let fields = [
                csv_field(&r.first),
                csv_field(&r.last),
                format!("https://www.linkedin.com/in/{slug}-{i}"),
                csv_field(&r.email),
                csv_field(&r.company),
                csv_field(&r.position),
                r.date.format("%d %b %Y").to_string(),
            ];
            if i > 0 {
                text.push_str(nl);
            }
            text.push_str(&fields.join(","));
        }
        let e = load_bytes(text.as_bytes(), "Connections.csv")?.map_err(TestCaseError::fail)?;
        prop_assert_eq!(e.report.people, rows.len());
        prop_assert_eq!(e.report.hidden, 0);
        prop_assert_eq!(e.report.duplicates, 0);
        prop_assert!(e.report.skipped.is_empty(), "{:?}", e.report.skipped);
        prop_assert!(e.report.warnings.is_empty(), "{:?}", e.report.warnings);
        for ((i, r), id) in rows.iter().enumerate().zip(e.people.ids()) {
            let p = e.people.get(id);
            prop_assert_eq!(p.first_name, r.first.trim());
            prop_assert_eq!(p.last_name, r.last.trim());
            prop_assert_eq!(p.url, format!("https://www.linkedin.com/in/{}-{i}", r.slug));
            // A re-save's `NA` (or `n/a`) is no address: the import reads it as none.
            let email = r.email.trim();
            let na = email.eq_ignore_ascii_case("na") || email.eq_ignore_ascii_case("n/a");
            prop_assert_eq!(p.email, if na { "" } else { email });
            prop_assert_eq!(p.company, r.company.trim());
            prop_assert_eq!(p.position, r.position.trim());
            prop_assert_eq!(p.connected_on, Some(r.date));
        }
    }
}
