//! `unconnect stage --replace`: a list marked in a spreadsheet becomes the whole staged
//! set (or keep list), not an addition to it, for this export's people only.

use std::fs;

use crate::cli_stage::{export, json, kept_in_app, ok, people, s, staged_in_app};
use crate::support::run;

#[test]
fn replace_makes_the_list_the_staged_set_and_leaves_other_exports_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mine = export(dir.path(), &people());
    // Someone staged from another export in the same data folder.
    let other_dir = dir.path().join("other");
    fs::create_dir_all(&other_dir).unwrap();
    let other = export(&other_dir, &[("Zed", "Else", "zed", "")]);
    let list = dir.path().join("list.txt");
    fs::write(&list, "https://www.linkedin.com/in/zed\n").unwrap();
    ok(run(&["stage", s(&other), s(&list)], &data));
    fs::write(&list, "Ada One\nDee Four\nhttps://www.linkedin.com/in/cy\n").unwrap();
    ok(run(&["stage", s(&mine), s(&list)], &data));
    assert_eq!(staged_in_app(&mine, &data), ["Ada", "Cy", "Dee"]);

    // The sheet came back with only Ada and Cy marked: without --replace they are added
    // (nothing new), with it Dee is unstaged.
    fs::write(&list, "Ada One\nhttps://www.linkedin.com/in/cy\n").unwrap();
    let text = ok(run(&["stage", s(&mine), s(&list)], &data));
    assert!(text.contains("Not again: 2 already staged."), "{text}");
    assert_eq!(staged_in_app(&mine, &data), ["Ada", "Cy", "Dee"]);
    let dry = ok(run(
        &["stage", s(&mine), s(&list), "--replace", "--dry-run"],
        &data,
    ));
    assert!(dry.contains("Unstaged 1 person staged until now"), "{dry}");
    assert_eq!(
        staged_in_app(&mine, &data),
        ["Ada", "Cy", "Dee"],
        "a dry run"
    );
    let out = json(run(
        &["stage", s(&mine), s(&list), "--replace", "--json"],
        &data,
    ));
    assert_eq!(
        (out["staged"].as_u64(), out["unstaged"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(staged_in_app(&mine, &data), ["Ada", "Cy"]);
    assert_eq!(
        staged_in_app(&other, &data),
        ["Zed"],
        "another export's staged"
    );
}

#[test]
fn replace_with_keep_makes_the_list_the_keep_list() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mine = export(dir.path(), &people());
    let list = dir.path().join("list.txt");
    fs::write(&list, "https://www.linkedin.com/in/cy\nDee Four\n").unwrap();
    ok(run(&["stage", s(&mine), s(&list), "--keep"], &data));
    assert_eq!(kept_in_app(&mine, &data), ["Cy", "Dee"]);
    fs::write(&list, "Ada One\nhttps://www.linkedin.com/in/cy\n").unwrap();
    let text = ok(run(
        &["stage", s(&mine), s(&list), "--keep", "--replace"],
        &data,
    ));
    assert!(text.contains("Put 1 person on the keep list."), "{text}");
    assert!(
        text.contains("Took 1 person the list leaves out off the keep list."),
        "{text}"
    );
    assert_eq!(kept_in_app(&mine, &data), ["Ada", "Cy"]);
}

#[test]
fn replace_with_a_list_that_names_no_one_takes_no_one_off() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mine = export(dir.path(), &people());
    let list = dir.path().join("list.txt");
    fs::write(&list, "Ada One\nDee Four\n").unwrap();
    ok(run(&["stage", s(&mine), s(&list)], &data));
    // A sheet marked with y where x was asked for: no row is taken.
    fs::write(&list, "Name,Remove\nAda One,y\n").unwrap();
    let text = ok(run(
        &[
            "stage",
            s(&mine),
            s(&list),
            "--column",
            "Remove=x",
            "--replace",
        ],
        &data,
    ));
    assert!(text.contains("--replace took no one off"), "{text}");
    assert_eq!(staged_in_app(&mine, &data), ["Ada", "Dee"]);
}
