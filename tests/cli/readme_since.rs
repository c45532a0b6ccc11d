//! The README's "what changed" step, in the app: the demo opened and its accident
//! removed, then the newer export the README makes opened with the same data folder.

use std::path::Path;
use std::process::Command;

use crate::support::{Term, demo};

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn the_app_says_what_changed_since_the_demo_as_the_readme_quotes() {
    let text = readme();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let demo = demo();
    // Steps 1 to 5: the demo opened (its snapshot kept), the accident removed.
    let mut t = Term::spawn_sized(&[demo.to_str().unwrap()], &data, 40, 200);
    t.wait_ready();
    t.walkthrough_steps_2_to_5();
    t.send("q");
    t.wait_quit();

    // Step 7: the README's own lines make the newer export.
    let making: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("mkdir -p \"$demo/new\"") || l.starts_with("grep -v -e"))
        .collect();
    assert_eq!(making.len(), 2, "{making:?}");
    for line in making {
        let done = Command::new("sh")
            .args(["-c", line])
            .env("demo", tmp.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(done.success(), "{line}");
    }
    // The README's command, with this test's data folder for the demo's.
    let opening = r#"unconnect "$demo/new" --data-dir "${TMPDIR:-/tmp}/unconnect-demo-$(id -u)""#;
    assert!(text.contains(opening));
    let new = tmp.path().join("new");
    let data_arg = data.to_str().unwrap();
    let mut t = Term::spawn_sized(
        &[new.to_str().unwrap(), "--data-dir", data_arg],
        &data,
        40,
        200,
    );
    let quoted = "no one new, 2 gone that you did not remove, 61 gone that you removed";
    assert!(
        text.replace("\n   ", " ").contains(quoted),
        "the README quotes it"
    );
    let screen = t.wait_for(quoted);
    assert!(screen.contains("Since the export of "), "{screen}");
    assert!(screen.contains("61 removals verified"), "{screen}");
    assert!(text.contains("`61 removals verified`"));
    t.send("q");
    t.wait_quit();
}
