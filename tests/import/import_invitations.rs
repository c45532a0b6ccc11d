//! Invitations.csv in both layouts, and which invitations are still pending once it is
//! joined to Connections.csv.

use crate::import_common;

use import_common::*;

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

    let connected = unconnect::model::invitee::invitee_is_connection(&e.people, list);
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
