//! Property tests over structured inputs, where random bytes never reach: rows that
//! repeat identities (so duplicates merge and must merge right), same-name people
//! without URLs, mixed date forms, every separator, encoding and line ending, files
//! past the parser's 64 KiB refill, valid zips around mutated entries, and one file
//! over 16 MiB (the two-half parse) per run. Each loaded export is compared with a
//! model of what a person would expect.

use std::collections::HashMap;
use std::fs;
use std::io::Write;

use chrono::NaiveDate;
use proptest::prelude::*;
use unconnect::import::{self, Export};

const NAMES: [(&str, &str); 5] = [
    ("Maya", "Lindgren"),
    ("Maya ", "Lindgren"),
    ("Omar", "Haddad"),
    ("José", "Müller"),
    ("Zoë", "Haddad"),
];
const SLUGS: [&str; 4] = ["ada", "josé-garcía", "bob-x", "zoë"];
const EMAILS: [&str; 3] = ["a@example.com", "A@Example.com", "z@example.org"];
const COMPANIES: [&str; 4] = ["", "Acme, Inc.", "Café \"Noël\"", "Ek; Partners"];
const POSITIONS: [&str; 3] = ["", "Engineer", "Chef"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DateForm {
    Current,
    Iso,
    Dotted,
}

#[derive(Debug, Clone)]
struct Row {
    name: usize,
    slug: Option<usize>,
    /// The slug percent-encoded, as Connections.csv writes it.
    encoded: bool,
    email: Option<usize>,
    /// `NA`, as some re-saves fill empty e-mails.
    na: bool,
    company: usize,
    position: usize,
    date: NaiveDate,
    form: DateForm,
}

fn row() -> impl Strategy<Value = Row> {
    (
        (
            0..NAMES.len(),
            proptest::option::of(0..SLUGS.len()),
            any::<bool>(),
        ),
        (
            proptest::option::weighted(0.3, 0..EMAILS.len()),
            any::<bool>(),
        ),
        (0..COMPANIES.len(), 0..POSITIONS.len()),
        // Few dates, so exact repeats happen.
        (
            0u32..3,
            prop_oneof![
                Just(DateForm::Current),
                Just(DateForm::Iso),
                Just(DateForm::Dotted)
            ],
        ),
    )
        .prop_map(
            |((name, slug, encoded), (email, na), (company, position), (day, form))| Row {
                name,
                slug,
                encoded,
                email,
                na: na && email.is_none(),
                company,
                position,
                // Days 3, 8 and 16: ambiguous and not, as dotted dates.
                date: NaiveDate::from_ymd_opt(2021, 4, [3, 8, 16][day as usize]).unwrap(),
                form,
            },
        )
}

/// How a whole file is written.
#[derive(Debug, Clone)]
struct Layout {
    with_url: bool,
    preamble: bool,
    separator: u8,
    line_break: &'static str,
    windows_1252: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        any::<bool>(),
        prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        any::<bool>(),
    )
        .prop_map(
            |(with_url, preamble, separator, line_break, windows_1252)| Layout {
                with_url,
                preamble,
                separator,
                line_break,
                windows_1252,
            },
        )
}

fn field(s: &str, sep: u8) -> String {
    if s.contains([char::from(sep), '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn url_of(r: &Row) -> String {
    r.slug.map_or(String::new(), |s| {
        let slug = SLUGS[s];
        if r.encoded {
            let enc =
                percent_encoding::utf8_percent_encode(slug, percent_encoding::NON_ALPHANUMERIC);
            format!("https://www.linkedin.com/in/{enc}")
        } else {
            format!("https://www.linkedin.com/in/{slug}")
        }
    })
}

fn date_text(r: &Row) -> String {
    let f = match r.form {
        DateForm::Current => "%d %b %Y",
        DateForm::Iso => "%Y-%m-%d",
        DateForm::Dotted => "%d.%m.%Y",
    };
    r.date.format(f).to_string()
}

fn email_text(r: &Row) -> &'static str {
    match (r.email, r.na) {
        (Some(e), _) => EMAILS[e],
        (None, true) => "NA",
        (None, false) => "",
    }
}

fn write_csv(rows: &[Row], l: &Layout) -> Vec<u8> {
    let sep = char::from(l.separator).to_string();
    let mut header = vec![
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ];
    if !l.with_url {
        header.remove(2);
    }
    let mut lines = Vec::new();
    if l.preamble {
        lines.extend([
            "Notes:".to_owned(),
            "\"A note, with commas; and semicolons.\"".to_owned(),
            String::new(),
        ]);
    }
    lines.push(header.join(&sep));
    for r in rows {
        let (first, last) = NAMES[r.name];
        let mut cells = vec![field(first, l.separator), field(last, l.separator)];
        if l.with_url {
            cells.push(url_of(r));
        }
        cells.extend([
            field(email_text(r), l.separator),
            field(COMPANIES[r.company], l.separator),
            field(POSITIONS[r.position], l.separator),
            date_text(r),
        ]);
        lines.push(cells.join(&sep));
    }
    let text = lines.join(l.line_break);
    if l.windows_1252 {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable, "the pools hold only Windows-1252 characters");
        bytes.into_owned()
    } else {
        text.into_bytes()
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One person as a reader of the file would count them.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    first: String,
    last: String,
    url: String,
    written_url: String,
    email: String,
    company: String,
    position: String,
    date: Option<NaiveDate>,
}

/// The people of `rows`, in order: one per identity (the profile URL; else the name and
/// a non-empty e-mail; else the whole row), each field the first non-empty one given.
fn model(rows: &[Row], with_url: bool) -> (Vec<Expected>, usize) {
    let mut people: Vec<Expected> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in rows {
        let (first, last) = NAMES[r.name];
        let slug = if with_url { r.slug } else { None };
        let url = slug.map_or(String::new(), |s| {
            format!("https://www.linkedin.com/in/{}", SLUGS[s])
        });
        let email = r.email.map_or("", |e| EMAILS[e]);
        let key = if !url.is_empty() {
            url.clone()
        } else if !email.is_empty() {
            format!(
                "name:{}|{}",
                fold(&format!("{first} {last}")),
                email.to_lowercase()
            )
        } else {
            format!(
                "row:{}|{}|{}|{}",
                fold(&format!("{first} {last}")),
                COMPANIES[r.company],
                POSITIONS[r.position],
                r.date
            )
        };
        let row = Expected {
            first: first.trim().to_owned(),
            last: last.to_owned(),
            written_url: if with_url { url_of(r) } else { String::new() },
            url,
            email: email.to_owned(),
            company: COMPANIES[r.company].to_owned(),
            position: POSITIONS[r.position].to_owned(),
            date: Some(r.date),
        };
        if let Some(&i) = index.get(&key) {
            let p = &mut people[i];
            for (have, new) in [
                (&mut p.first, &row.first),
                (&mut p.last, &row.last),
                (&mut p.email, &row.email),
                (&mut p.company, &row.company),
                (&mut p.position, &row.position),
            ] {
                if have.is_empty() {
                    have.clone_from(new);
                }
            }
        } else {
            index.insert(key, people.len());
            people.push(row);
        }
    }
    let duplicates = rows.len() - people.len();
    (people, duplicates)
}

fn loaded(e: &Export) -> Vec<Expected> {
    e.people
        .ids()
        .map(|id| {
            let p = e.people.get(id);
            Expected {
                first: p.first_name.to_owned(),
                last: p.last_name.to_owned(),
                url: p.url.to_string(),
                written_url: p.written_url().into_owned(),
                email: p.email.to_owned(),
                company: p.company.to_owned(),
                position: p.position.to_owned(),
                date: p.connected_on,
            }
        })
        .collect()
}

fn load_as(bytes: &[u8], name: &str) -> Result<Export, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    import::load(&path).map_err(|e| {
        let text = e.to_string();
        assert!(!text.contains('\n') && text.contains(name), "{text:?}");
        text
    })
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

fn assert_matches_model(e: &Export, rows: &[Row], l: &Layout) -> Result<(), TestCaseError> {
    let (people, duplicates) = model(rows, l.with_url);
    prop_assert_eq!(loaded(e), people);
    prop_assert_eq!(e.report.duplicates, duplicates);
    prop_assert!(e.report.skipped.is_empty(), "{:?}", e.report.skipped);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn repeated_identities_merge_as_a_person_would_expect(
        rows in proptest::collection::vec(row(), 0..40),
        l in layout(),
    ) {
        let bytes = write_csv(&rows, &l);
        let e = load_as(&bytes, "Connections.csv").map_err(TestCaseError::fail)?;
        assert_matches_model(&e, &rows, &l)?;
        // The same file inside a zip reads the same.
        let z = load_as(&zip_of(&[("Connections.csv", &bytes)]), "export.zip")
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(loaded(&z), loaded(&e));
    }

    #[test]
    fn k_different_people_sharing_one_name_are_k_people(k in 1usize..12, crlf in any::<bool>()) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut text = "First Name,Last Name,Email Address,Company,Position,Connected On".to_owned();
        for i in 0..k {
            text.push_str(&format!("{nl}Maya,Lindgren,,Company {i},,{:02} Mar 2020", i + 1));
        }
        let e = load_as(text.as_bytes(), "Connections.csv").map_err(TestCaseError::fail)?;
        prop_assert_eq!(e.report.people, k);
        prop_assert_eq!(e.report.duplicates, 0);
    }

    #[test]
    fn any_mix_of_separators_and_encodings_is_ok_or_one_line(
        rows in proptest::collection::vec((row(), layout()), 1..30),
        l in layout(),
    ) {
        // Each row written in a layout of its own, under the header of another.
        let mut bytes = write_csv(&[], &l);
        for (r, own) in &rows {
            let mut line = write_csv(std::slice::from_ref(r), own);
            // Drop the row's own header (and preamble): keep its last line only.
            let start = line
                .iter()
                .rposition(|&b| b == b'\n' || b == b'\r')
                .map_or(0, |i| i + 1);
            line.drain(..start);
            bytes.extend_from_slice(own.line_break.as_bytes());
            bytes.extend_from_slice(&line);
        }
        if let Ok(e) = load_as(&bytes, "Connections.csv") {
            prop_assert!(e.report.people + e.report.duplicates + e.report.skipped.len() <= rows.len());
        }
    }
}

proptest! {
    // Past the parser's 64 KiB refill: a few hundred to a few thousand rows.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn files_past_the_64_kib_refill_read_as_modelled(
        rows in proptest::collection::vec(row(), 2000..3500),
        l in layout(),
    ) {
        let bytes = write_csv(&rows, &l);
        prop_assert!(bytes.len() > 1 << 16, "{} bytes", bytes.len());
        let e = load_as(&bytes, "Connections.csv").map_err(TestCaseError::fail)?;
        assert_matches_model(&e, &rows, &l)?;
    }
}

/// A valid zip around a mutated Connections.csv: the zip reader streams it, so any
/// damage inside is Ok or a one-line error.
mod zips {
    use super::*;

    #[derive(Debug, Clone)]
    enum Edit {
        Set(usize, u8),
        Insert(usize, u8),
        Delete(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let byte = prop_oneof![
            any::<u8>(),
            Just(b','),
            Just(b';'),
            Just(b'"'),
            Just(b'\n'),
            Just(b'\r'),
            Just(0xE9)
        ];
        prop_oneof![
            (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Set(i, b)),
            (any::<usize>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
            any::<usize>().prop_map(Edit::Delete),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        #[test]
        fn valid_zips_around_mutated_entries(
            rows in proptest::collection::vec(row(), 0..30),
            l in layout(),
            edits in proptest::collection::vec(edit(), 1..10),
        ) {
            let mut bytes = write_csv(&rows, &l);
            for e in &edits {
                let n = bytes.len();
                match *e {
                    Edit::Set(i, b) if n > 0 => bytes[i % n] = b,
                    Edit::Insert(i, b) => bytes.insert(i % (n + 1), b),
                    Edit::Delete(i) if n > 0 => {
                        bytes.remove(i % n);
                    }
                    _ => {}
                }
            }
            let invitations = write_csv(&rows[..rows.len() / 2], &l);
            let zip = zip_of(&[("Connections.csv", &bytes), ("Invitations.csv", &invitations)]);
            if let Ok(e) = load_as(&zip, "Basic_LinkedInDataExport.zip") {
                prop_assert_eq!(e.report.people, e.people.len());
            }
        }
    }
}

/// Over 16 MiB: parsed in two halves on two threads, and still exactly the model.
#[test]
fn a_file_over_16_mib_is_read_in_halves_as_modelled() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let rows = proptest::collection::vec(row(), 360_000..360_001)
        .new_tree(&mut runner)
        .unwrap()
        .current();
    for l in [
        Layout {
            with_url: true,
            preamble: true,
            separator: b',',
            line_break: "\n",
            windows_1252: false,
        },
        Layout {
            with_url: false,
            preamble: false,
            separator: b';',
            line_break: "\r\n",
            windows_1252: false,
        },
    ] {
        let bytes = write_csv(&rows, &l);
        assert!(bytes.len() > 16 << 20, "{} bytes", bytes.len());
        let e = load_as(&bytes, "Connections.csv").unwrap();
        let (people, duplicates) = model(&rows, l.with_url);
        assert_eq!(e.report.duplicates, duplicates);
        assert!(
            loaded(&e) == people,
            "{l:?}: the halves joined differ from the model"
        );
    }
}
