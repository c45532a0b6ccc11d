//! Bad input: the right error, on one line, naming the file, in its exact words; and
//! the input is never modified.

use crate::import_common;

use import_common::*;

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
