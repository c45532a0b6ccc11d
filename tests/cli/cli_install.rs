//! What a newcomer sets up once: shell completions and the manual page.

use crate::support;

use std::process::Command;

use support::run;

#[test]
fn bash_completions_are_a_valid_script_that_completes_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let (code, script, stderr) = run(&["completions", "bash"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    for word in ["check", "export", "completions", "man", "--data-dir"] {
        assert!(script.contains(word), "completes {word}");
    }
    let file = dir.path().join("unconnect.bash");
    std::fs::write(&file, &script).unwrap();
    let syntax = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(
        syntax.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&syntax.stderr)
    );
}

#[test]
fn every_shell_gets_a_script() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, stderr) = run(&["completions", shell], dir.path());
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(script.contains("unconnect"), "{shell}");
    }
    let (code, _, stderr) = run(&["completions", "tcsh"], dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'tcsh'"), "{stderr}");
}

#[test]
fn the_man_page_is_roff_with_every_command_keys_files_environment_and_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let (code, page, stderr) = run(&["man"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(page.contains(".TH unconnect 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section}:\n{page}");
    }
    for command in ["check", "export", "history", "drafts", "completions"] {
        assert!(
            page.contains(&format!("\\fBunconnect {command}\\fR")),
            "{command}:\n{page}"
        );
    }
    // Keys by screen, from the keymap: History's and Timeline's own among them.
    for words in [
        ".SS Connections and Invitations",
        "tick done on LinkedIn",
        "the Connections tab, filtered to those days",
        "Ctrl\\-z",
    ] {
        assert!(page.contains(words), "{words}:\n{page}");
    }
    for name in [
        "UNCONNECT_DATA_DIR",
        "UNCONNECT_CONFIG",
        "UNCONNECT_TODAY",
        "RUST_LOG",
        "NO_COLOR",
        "journal.jsonl",
        "staged\\-connections.jsonl",
        "config.toml",
        "128 + N",
    ] {
        assert!(page.contains(name), "{name}:\n{page}");
    }
    assert!(page.contains("\\-\\-data\\-dir"), "{page}");
    // No page that does not exist is cited: no `unconnect-check(1)`, no `(1)` at all but
    // the page's own title.
    assert!(!page.contains("unconnect\\-check"), "{page}");
    let cited: Vec<&str> = page
        .match_indices('(')
        .filter(|(i, _)| page[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .filter(|(i, _)| page[i + 2..].starts_with(')'))
        .map(|(i, _)| &page[page[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1)..i + 3])
        .collect();
    assert!(cited.is_empty(), "cites {cited:?}");
}

#[test]
fn options_before_a_subcommand_do_not_make_it_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["--data-dir", data, "export", "removed"], dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("First Name,"), "{stdout}");
    let (code, _, stderr) = run(&["assets/demo", "export", "removed"], dir.path());
    assert_eq!(code, 2);
    assert!(
        stderr.contains("PATH opens the app; it cannot be used with a subcommand"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["man"][..],
        &["completions", "bash"],
        &["check", "assets/demo"],
    ] {
        // The reader is gone before the first byte, as with `| head` that has had enough.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(support::BIN)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("UNCONNECT_DATA_DIR", dir.path())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}
