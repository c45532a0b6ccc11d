//! `unconnect config` and the config file as the real binary reads it.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_unconnect");

/// Runs unconnect with its config folder in `home` (nothing of the user's is read).
fn run(home: &std::path::Path, args: &[&str], envs: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .env("UNCONNECT_DATA_DIR", home.join("data"))
        .env_remove("UNCONNECT_CONFIG")
        .env_remove("UNCONNECT_INVITATION_EXPIRY_DAYS")
        .env_remove("UNCONNECT_REINVITE_WAIT_DAYS");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run unconnect");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn config_prints_the_defaults_as_a_file_that_can_be_saved_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(home.path(), &["config"], &[]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("no config file: these are the defaults"),
        "{stdout}"
    );
    assert!(
        stdout.contains("remove = \"R\"  # remove all on the right"),
        "{stdout}"
    );
    assert!(stdout.contains("invitation_expiry_days = 180"), "{stdout}");
    assert!(stdout.contains("batch_size = 10"), "{stdout}");
    assert!(stdout.contains("invitations_per_week = 100"), "{stdout}");
    assert!(
        stdout.contains("open-batch = \"b\"") && stdout.contains("done-opened = \"B\""),
        "{stdout}"
    );
    // Saved where it says, it is read back and changes nothing.
    let dir = home.path().join("config/unconnect");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), &stdout).unwrap();
    let (code, again, stderr) = run(home.path(), &["config"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(again.contains("read from"), "{again}");
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&stdout));
}

#[test]
fn config_prints_the_keys_by_tab_and_a_remapped_move_stays_on_its_tab() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(&file, "[keys]\nmove = \"x\"\n").unwrap();
    let (code, stdout, stderr) = run(
        home.path(),
        &["config", "--config", file.to_str().unwrap()],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    // The lines under a `# Title` comment, up to the next one.
    let section = |title: &str| -> Vec<&str> {
        stdout
            .lines()
            .skip_while(|l| *l != format!("# {title}"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect()
    };
    let has = |title: &str, line: &str| section(title).iter().any(|l| l.starts_with(line));
    assert!(
        has("Connections and Invitations", "move = \"x\""),
        "{stdout}"
    );
    assert!(has("History", "open-next = \"Enter\""), "{stdout}");
    assert!(
        has("History", "switch-list = [\"Tab\", \"S-Tab\"]"),
        "{stdout}"
    );
    assert!(has("Timeline", "show-connections = \"Enter\""), "{stdout}");
    assert!(
        has("Timeline", "previous-bar = [\"Left\", \"h\"]"),
        "{stdout}"
    );
    assert!(has("Every tab", "quit = [\"q\", \"ctrl-c\"]"), "{stdout}");
    assert!(
        !section("History").iter().any(|l| l.starts_with("move ")),
        "{stdout}"
    );
}

#[test]
fn flag_then_environment_then_file_then_default() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(
        &file,
        "[rules]\ninvitation_expiry_days = 90\nreinvite_wait_days = 7\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let rules = |args: &[&str], envs: &[(&str, &str)]| {
        let (code, stdout, stderr) = run(home.path(), args, envs);
        assert_eq!(code, 0, "{stderr}");
        let value = |name: &str| {
            stdout
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{name} = ")))
                .unwrap()
                .to_owned()
        };
        (value("invitation_expiry_days"), value("reinvite_wait_days"))
    };
    assert_eq!(
        rules(&["config", "--config", file], &[]),
        ("90".into(), "7".into())
    );
    assert_eq!(
        rules(&["config"], &[("UNCONNECT_CONFIG", file)]),
        ("90".into(), "7".into())
    );
    assert_eq!(
        rules(
            &["config", "--config", file],
            &[("UNCONNECT_INVITATION_EXPIRY_DAYS", "60")]
        ),
        ("60".into(), "7".into())
    );
    assert_eq!(
        rules(
            &["config", "--config", file, "--invitation-expiry-days", "30"],
            &[("UNCONNECT_INVITATION_EXPIRY_DAYS", "60")]
        ),
        ("30".into(), "7".into())
    );
}

#[test]
fn a_bad_file_is_one_line_and_exit_2_before_anything_else() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.toml");
    std::fs::write(&file, "[keys]\nremove = \"u\"\n").unwrap();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo");
    // Opening the app: it fails before the terminal is touched (no terminal here anyway).
    let (code, stdout, stderr) = run(
        home.path(),
        &["--config", file.to_str().unwrap(), demo],
        &[],
    );
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr.trim_end(),
        format!(
            "unconnect: {}, line 2, column 10: u is bound to both \"remove\" and \"undo\" (in the columns)",
            file.display()
        )
    );
    assert!(!home.path().join("data").exists(), "nothing was written");
}

#[cfg(unix)]
fn fifo(path: &std::path::Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// Runs with a deadline: a FIFO opened for reading waits for a writer forever.
fn run_within(home: &std::path::Path, args: &[&str], seconds: u64) -> (i32, String, String) {
    let (tx, rx) = std::sync::mpsc::channel();
    let home = home.to_path_buf();
    let args: Vec<String> = args.iter().map(std::string::ToString::to_string).collect();
    std::thread::spawn(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let _ = tx.send(run(&home, &args, &[]));
    });
    rx.recv_timeout(std::time::Duration::from_secs(seconds))
        .expect("unconnect answered in time instead of waiting on the file")
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_as_config_or_template_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let pipe = home.path().join("pipe");
    fifo(&pipe);
    let pipe = pipe.to_str().unwrap();
    for (file, what) in [("/dev/zero", "a device"), (pipe, "a named pipe (FIFO)")] {
        let (code, stdout, stderr) = run_within(home.path(), &["--config", file, "config"], 10);
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr.trim_end(),
            format!("unconnect: {file}: {what}, not a regular file")
        );
        let out = home.path().join("drafts");
        let (code, _, stderr) = run_within(
            home.path(),
            &["drafts", "-o", out.to_str().unwrap(), "--template", file],
            10,
        );
        assert_eq!(code, 2, "{stderr}");
        assert_eq!(
            stderr.trim_end(),
            format!("unconnect: {file}: {what}, not a regular file")
        );
    }
}

#[test]
fn a_config_over_1_mib_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let big = home.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(1024 * 1024))).unwrap();
    let (code, _, stderr) = run(
        home.path(),
        &["--config", big.to_str().unwrap(), "config"],
        &[],
    );
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "unconnect: {}: larger than the 1 MiB unconnect reads",
            big.display()
        )
    );
}
