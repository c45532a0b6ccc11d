use super::*;
use crate::model::People;
use crate::model::Person;

fn people(slugs: &[&str]) -> People {
    slugs
        .iter()
        .map(|s| Person {
            first_name: (*s).into(),
            url: format!("https://www.linkedin.com/in/{s}"),
            company: "Acme".into(),
            ..Person::default()
        })
        .collect()
}

fn snapshot(slugs: &[&str]) -> Snapshot {
    Snapshot {
        export_date: ExportDate {
            day: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            taken: None,
        },
        identities: Identities::of(&people(slugs)),
    }
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("last-export.snapshot");
    (dir, path)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn what_is_saved_is_read_back_private_and_without_names() {
    let (_dir, path) = folder();
    let kept = snapshot(&["ada", "bo", "cy"]);
    save(&path, &kept).unwrap();
    match load(&path) {
        Found::Snapshot(read) => assert_eq!(read, kept),
        other => panic!("{other:?}"),
    }
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains("ada") && !text.contains("linkedin"),
        "{text}"
    );
    assert!(!text.contains("Acme"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn no_snapshot_is_none() {
    let (_dir, path) = folder();
    assert!(matches!(load(&path), Found::None));
}

#[test]
fn a_snapshot_cut_off_is_moved_aside_with_a_note_and_not_read() {
    let (dir, path) = folder();
    save(&path, &snapshot(&["ada", "bo"])).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
    let found = load(&path);
    let note = found.damage_note().expect("a note");
    assert!(note.contains("unreadable (cut off or too long)"), "{note}");
    assert!(note.contains("last-export.damaged-"), "{note}");
    assert!(!note.contains('\n'));
    let names = names_in(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("last-export.damaged-"), "{names:?}");
    assert!(matches!(load(&path), Found::None), "not reported twice");
}

#[test]
fn garbage_and_a_wrong_header_are_damage_not_errors() {
    for bytes in [
        b"\xff\xfe not a snapshot".to_vec(),
        [VERSION_LINE, b"{\"day\": 3}\n"].concat(),
        [
            VERSION_LINE,
            b"{\"day\":\"2026-11-02\",\"taken\":null,\"people\":1}",
        ]
        .concat(),
    ] {
        let (_dir, path) = folder();
        std::fs::write(&path, &bytes).unwrap();
        assert!(
            matches!(
                load(&path),
                Found::Damaged {
                    saved_to: Some(_),
                    ..
                }
            ),
            "{bytes:?}"
        );
    }
}

#[test]
fn a_file_larger_than_any_snapshot_is_not_read() {
    let (_dir, path) = folder();
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_BYTES + 1).unwrap();
    let note = load(&path).damage_note().expect("a note");
    assert!(note.contains("more than a snapshot holds"), "{note}");
}

#[cfg(unix)]
#[test]
fn a_pipe_in_its_place_is_refused_at_once_and_moved_aside() {
    let (dir, path) = folder();
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let found = load(&path);
    let note = found.damage_note().expect("a note");
    assert!(note.contains("not a regular file"), "{note}");
    assert!(!path.exists());
    assert_eq!(names_in(dir.path()).len(), 1);
    // And a new snapshot can be written in its place.
    save(&path, &snapshot(&["ada"])).unwrap();
    assert!(matches!(load(&path), Found::Snapshot(_)));
}

#[test]
fn the_date_alone_is_read_without_the_people_and_a_cut_is_still_seen() {
    let (_dir, path) = folder();
    let kept = snapshot(&["ada", "bo", "cy"]);
    save(&path, &kept).unwrap();
    match load_date(&path) {
        Found::Snapshot(read) => {
            assert_eq!(read.export_date, kept.export_date);
            assert!(read.identities.is_empty());
        }
        other => panic!("{other:?}"),
    }
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
    assert!(load_date(&path).damage_note().is_some());
}

#[test]
fn members_written_one_by_one_in_the_exports_order_read_back_as_the_whole() {
    let (_dir, path) = folder();
    let people = people(&["cy", "ada", "bo"]);
    let date = snapshot(&[]).export_date;
    let members = crate::model::changes::members(&people);
    save_members(&path, &date, people.len(), members).unwrap();
    match load(&path) {
        Found::Snapshot(read) => assert_eq!(read.identities, Identities::of(&people)),
        other => panic!("{other:?}"),
    }
    // Fewer than announced is not written at all.
    let two = crate::model::changes::members(&people).take(2);
    assert!(save_members(&path, &date, 3, two).is_err());
    assert!(
        matches!(load(&path), Found::Snapshot(_)),
        "the whole one stays"
    );
}
