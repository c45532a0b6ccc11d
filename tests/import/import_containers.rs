//! Where an export comes from: a lone CSV, the unzipped folder (found however it is
//! named and nested), or the zip read in place.

use crate::import_common;

use import_common::*;

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
