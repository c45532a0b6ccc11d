//! A mistyped subcommand is told so with clap's suggestion, not opened as an export.

use crate::support::{Term, demo, run};

#[test]
fn a_mistyped_subcommand_gets_a_suggestion_and_exit_2() {
    let data = tempfile::tempdir().unwrap();
    for (typo, meant) in [
        ("histroy", "history"),
        ("chek", "check"),
        ("exprot", "export"),
    ] {
        let (code, stdout, stderr) = run(&[typo], data.path());
        assert_eq!(code, 2, "{typo}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains(&format!("unrecognized subcommand '{typo}'")),
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("a similar subcommand exists: '{meant}'")),
            "{stderr}"
        );
        assert!(!stderr.contains("cannot open"), "{stderr}");
    }
}

#[test]
fn a_real_export_named_like_a_subcommand_still_opens() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        demo().join("Connections.csv"),
        folder.path().join("histroy"),
    )
    .unwrap();
    let env = [("UNCONNECT_DATA_DIR", data.path().as_os_str())];
    let mut t = Term::spawn_with(&["histroy"], &env, folder.path());
    t.wait_ready();
    t.send("q");
    t.wait_quit();
}
