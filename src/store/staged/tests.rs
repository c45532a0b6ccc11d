use super::*;
use crate::model::Person;
use std::fs;

#[test]
fn save_keeps_foreign_entries_and_replaces_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let p = |id: &str| StagedEntry {
        id: id.into(),
        item: Person {
            first_name: id.to_owned(),
            ..Default::default()
        },
    };
    let (mut store, loaded) = StagedStore::<Person>::load(&path).unwrap();
    assert!(loaded.is_empty());
    store.set_foreign(StagedSet {
        groups: Vec::new(),
        entries: vec![p("elsewhere")],
    });
    // Entries of other exports are held as given, and written back on each save.
    assert_eq!(store.foreign().ids().collect::<Vec<_>>(), ["elsewhere"]);
    store.save([p("a"), p("b")].into_iter()).unwrap();
    let (_, loaded) = StagedStore::<Person>::load(&path).unwrap();
    let ids: Vec<_> = loaded.ids().collect();
    assert_eq!(ids, ["a", "b", "elsewhere"]);
    // No temp files left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_large_staged_file_reads_back_whole_in_order_with_right_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let entry = |i: usize| StagedEntry {
        id: format!("https://www.linkedin.com/in/p{i}").into(),
        item: Person {
            first_name: format!("P{i}"),
            ..Default::default()
        },
    };
    let n = 40_000; // about 6 MB: parsed in two halves
    let (store, _) = StagedStore::<Person>::load(&path).unwrap();
    store.save((0..n).map(entry)).unwrap();
    assert!(fs::metadata(&path).unwrap().len() as usize >= PARALLEL_FROM_BYTES);
    let back = read::<Person>(&path).unwrap().entries;
    assert_eq!(back.len(), n);
    assert!(back.iter().enumerate().all(|(i, e)| *e == entry(i)));
    // A bad line deep in the second half is reported by its line in the file.
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{not json\n");
    fs::write(&path, text).unwrap();
    let (back, bad) = read_checked::<Person>(&path).unwrap();
    assert_eq!(back.entries.len(), n);
    assert_eq!(bad, [n + 1]);
}

#[test]
fn a_half_written_staged_file_keeps_its_good_entries_and_sets_the_rest_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let p = |id: &str| StagedEntry {
        id: id.into(),
        item: Person {
            first_name: id.to_owned(),
            ..Default::default()
        },
    };
    let (store, _) = StagedStore::<Person>::load(&path).unwrap();
    store.save([p("a"), p("b"), p("c")].into_iter()).unwrap();
    let whole = fs::read_to_string(&path).unwrap();
    // Cut in the middle of the third line, with garbage in the middle too.
    let cut = whole.len() - 12;
    let mut damaged: Vec<&str> = whole[..cut].lines().collect();
    damaged.insert(1, "\u{0}\u{0}garbage");
    fs::write(&path, damaged.join("\n")).unwrap();

    let (store, loaded) = StagedStore::<Person>::load(&path).unwrap();
    let ids: Vec<_> = loaded.ids().collect();
    assert_eq!(ids, ["a", "b"], "the good entries are kept");
    let recovery = store.recovery().expect("the damage is reported");
    assert_eq!(recovery.bad_lines, [2, 4]);
    let message = recovery.message();
    assert!(message.contains("2 staged kept"), "{message}");
    let aside = fs::read_to_string(&recovery.saved_to).unwrap();
    assert!(aside.starts_with("\u{0}\u{0}garbage\n"), "{aside:?}");
    assert!(aside.contains(&whole[whole.lines().take(2).map(|l| l.len() + 1).sum::<usize>()..cut]));
    // The staged file now holds only the good lines: the next start is clean.
    let (store, again) = StagedStore::<Person>::load(&path).unwrap();
    assert_eq!(again.len(), 2);
    assert!(store.recovery().is_none());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&recovery.saved_to)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the set-aside file is private");
    }
}

#[test]
fn a_failed_save_leaves_the_last_saved_set_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let p = |id: &str| StagedEntry {
        id: id.into(),
        item: Person::default(),
    };
    let (mut store, _) = StagedStore::<Person>::load(&path).unwrap();
    store.save([p("a")].into_iter()).unwrap();
    store.inject_faults(Arc::new(Faults::fail_every(1)));
    let failed = store.save([p("a"), p("b")].into_iter());
    assert!(matches!(failed, Err(StoreError::Io { .. })), "{failed:?}");
    let ids: Vec<String> = read::<Person>(&path)
        .unwrap()
        .ids()
        .map(str::to_owned)
        .collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

fn ids_of(n: u32) -> Vec<String> {
    (0..n)
        .map(|i| format!("https://www.linkedin.com/in/p{i}"))
        .collect()
}

#[test]
fn people_of_the_open_export_are_saved_by_identity_under_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let export = dir.path().join("Connections.csv");
    let (mut store, _) = StagedStore::<Person>::load(&path).unwrap();
    store.set_export(&export);
    // Staged last time from another export: kept, by identity and with fields.
    store.set_foreign(StagedSet {
        groups: vec![IdGroup {
            export: Some("/old/export.zip".into()),
            ids: ["https://www.linkedin.com/in/old"].into_iter().collect(),
        }],
        entries: vec![StagedEntry {
            id: "name:cy |".into(),
            item: Person {
                first_name: "Cy".into(),
                ..Default::default()
            },
        }],
    });
    let ids = ids_of(3);
    store
        .save_ids(&[2, 0], |i, key| key.push_str(&ids[i as usize]))
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let named = serde_json::to_string(export.to_str().unwrap()).unwrap();
    assert_eq!(lines[0], format!("{{\"staged\":3,\"export\":{named}}}"));
    assert_eq!(lines[1], "[\"p2\"]", "LinkedIn's prefix is left out");
    assert!(!text.contains("first_name\":\"P"), "no fields for these");
    let back = read::<Person>(&path).unwrap();
    assert_eq!(
        back.groups,
        [
            IdGroup {
                export: Some(export.to_str().unwrap().to_owned()),
                ids: [&ids[2], &ids[0]].into_iter().collect(),
            },
            IdGroup {
                export: Some("/old/export.zip".into()),
                ids: ["https://www.linkedin.com/in/old"].into_iter().collect(),
            },
        ]
    );
    assert_eq!(back.entries[0].item.first_name, "Cy");
}

#[test]
fn a_large_identity_file_read_in_halves_keeps_its_groups_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let n = 400_000; // about 5 MB: parsed in two halves
    let ids = ids_of(n);
    let (mut store, _) = StagedStore::<Person>::load(&path).unwrap();
    store.set_export(Path::new("/exports/big.csv"));
    let all: Vec<u32> = (0..n).collect();
    store
        .save_ids(&all, |i, key| key.push_str(&ids[i as usize]))
        .unwrap();
    assert!(fs::metadata(&path).unwrap().len() as usize >= PARALLEL_FROM_BYTES);
    let (store, back) = StagedStore::<Person>::load(&path).unwrap();
    assert!(store.recovery().is_none());
    assert_eq!(back.groups.len(), 1, "the second half continues the group");
    assert_eq!(back.groups[0].ids, ids.iter().collect());
    assert_eq!(back.groups[0].export.as_deref(), Some("/exports/big.csv"));
}

#[test]
fn a_cut_identity_line_is_set_aside_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let ids = ids_of(3);
    let (store, _) = StagedStore::<Person>::load(&path).unwrap();
    store
        .save_ids(&[0, 1, 2], |i, key| key.push_str(&ids[i as usize]))
        .unwrap();
    let whole = fs::read_to_string(&path).unwrap();
    fs::write(&path, &whole[..whole.len() - 5]).unwrap();
    let (store, back) = StagedStore::<Person>::load(&path).unwrap();
    assert_eq!(back.ids().collect::<Vec<_>>(), [&ids[0], &ids[1]]);
    assert_eq!(store.recovery().unwrap().bad_lines, [4]);
}

#[test]
fn a_version_2_file_of_an_earlier_release_loads_and_is_saved_back_short() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    // As version 2 wrote it: every identity whole, then an entry with its fields.
    let v2 = "{\"staged\":2,\"export\":\"/exports/Connections.csv\"}\n\
              \"https://www.linkedin.com/in/ada\"\n\
              \"name:bo b|bo@example.com\"\n\
              {\"id\":\"https://www.linkedin.com/in/cy\",\"item\":{\"first_name\":\"Cy\",\
              \"last_name\":\"\",\"url\":\"https://www.linkedin.com/in/cy\",\"email\":\"\",\
              \"company\":\"\",\"position\":\"\",\"connected_on\":null}}\n";
    fs::write(&path, v2).unwrap();
    let (mut store, back) = StagedStore::<Person>::load(&path).unwrap();
    assert!(store.recovery().is_none(), "nothing damaged");
    let ids: Vec<&str> = back.ids().collect();
    assert_eq!(
        ids,
        [
            "https://www.linkedin.com/in/ada",
            "name:bo b|bo@example.com",
            "https://www.linkedin.com/in/cy"
        ]
    );
    assert_eq!(
        back.groups[0].export.as_deref(),
        Some("/exports/Connections.csv")
    );
    assert_eq!(back.entries[0].item.first_name, "Cy");
    // Kept aside (another export is open) and written back: in the current form, the
    // same identities.
    store.set_foreign(back.clone());
    store.save_ids(&[], |_, _| {}).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n[\"ada\"]\n"), "{text}");
    assert_eq!(read::<Person>(&path).unwrap(), back);
}

#[test]
fn a_line_of_invalid_utf8_is_set_aside_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staged-connections.jsonl");
    let mut bytes = b"{\"staged\":3,\"export\":null}\n[\"ada\"]\n[\"b".to_vec();
    bytes.extend([0xFF, 0xC3]); // not UTF-8, and a sequence cut short
    bytes.extend(b"o\"]\n[\"cy\"]\n");
    fs::write(&path, &bytes).unwrap();
    let (store, back) = StagedStore::<Person>::load(&path).unwrap();
    let ids: Vec<&str> = back.ids().collect();
    assert_eq!(
        ids,
        [
            "https://www.linkedin.com/in/ada",
            "https://www.linkedin.com/in/cy"
        ]
    );
    let recovery = store.recovery().unwrap();
    assert_eq!(recovery.bad_lines, [3]);
    let aside = fs::read_to_string(&recovery.saved_to).unwrap();
    assert!(aside.starts_with("[\"b\u{FFFD}"), "{aside:?}");
    assert!(!fs::read_to_string(&path).unwrap().contains('\u{FFFD}'));
}
