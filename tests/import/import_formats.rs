//! Every Connections.csv layout found on users' disks, checked for what a user would
//! notice: counts, names, dates, line numbers. Invitations.csv, containers and bad input
//! have files of their own (`import_invitations.rs`, `import_containers.rs`,
//! `import_refusals.rs`); fixtures live in `tests/fixtures/` (invented people only).

use crate::import_common;

use import_common::*;

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
