//! Terminal conventions: `Ctrl-z` hands the terminal back to the shell and `fg` brings
//! the app back whole; a signal ends the app with 128 + its number, after saving.

use crate::support::{BIN, TODAY, Term, demo, run};

#[test]
fn a_signal_exits_with_128_plus_its_number_after_saving() {
    for (signal, code) in [("-TERM", 143), ("-HUP", 129), ("-INT", 130)] {
        let data = tempfile::tempdir().unwrap();
        let demo = demo();
        let mut t = Term::spawn(&[demo.to_str().unwrap()], data.path());
        t.wait_ready();
        t.send(" \r");
        t.wait_for("Moved 1 to To remove");
        t.signal(signal);
        let status = t.wait_exit();
        assert_eq!(status.exit_code(), code, "{signal}: {status:?}");
        let (exit, stdout, stderr) = run(&["export", "staged"], data.path());
        assert_eq!(exit, 0, "{stderr}");
        assert_eq!(
            stdout.lines().count(),
            2,
            "{signal}: the staged person saved\n{stdout}"
        );
    }
}

#[test]
fn ctrl_z_gives_the_terminal_to_the_shell_and_fg_brings_the_app_back() {
    let data = tempfile::tempdir().unwrap();
    let demo = demo();
    let env = [
        ("PS1", std::ffi::OsStr::new("shell$ ")),
        ("UNCONNECT_DATA_DIR", data.path().as_os_str()),
        ("UNCONNECT_TODAY", std::ffi::OsStr::new(TODAY)),
    ];
    // A shell with job control, as the user has: it stops and continues the app.
    let mut t = Term::spawn_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        &env,
        None,
        30,
        110,
    );
    t.wait_for("shell$");
    t.type_text(&format!("'{BIN}' '{}'\r", demo.display()));
    t.wait_ready();
    assert!(t.alternate_screen(), "the app has the alternate screen");
    t.send("\x1a");
    let shell = t.wait_for("Stopped");
    assert!(
        !t.alternate_screen(),
        "the shell's screen is back while the app is stopped:\n{shell}"
    );
    t.type_text("fg\r");
    let screen = t.wait_ready();
    assert!(
        t.alternate_screen(),
        "the app took the screen again:\n{screen}"
    );
    assert!(screen.contains("Connections"), "drawn whole:\n{screen}");
    t.send(" \r");
    t.wait_for("Moved 1 to To remove");
    t.send("q");
    t.wait_for("shell$ ");
    let (exit, stdout, stderr) = run(&["export", "staged"], data.path());
    assert_eq!(exit, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 2, "keys worked after fg:\n{stdout}");
    t.type_text("exit\r");
    t.wait_exit();
}
