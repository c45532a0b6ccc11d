//! Running the real binary in a pseudo-terminal and reading its screen like a person would.

#![allow(dead_code)] // each test file uses part of this

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_unconnect");
/// Generous: CI machines are slow and shared; tests wait for text, not for time.
const TIMEOUT: Duration = Duration::from_secs(20);
/// "Today" for every run of the binary, so tests against the demo's fixed invitation dates
/// (November 2026) give the same answer whatever the calendar says.
pub const TODAY: &str = "2026-12-01";

/// A config folder that does not exist: the app runs on its defaults.
const NO_CONFIG: &str = "/nonexistent/unconnect-test-config";

pub fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

pub struct Term {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, to check what it did to the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Signalled when the reader has seen the end of the app's output.
    output_ended: Receiver<()>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Term {
    pub fn spawn(args: &[&str], data_dir: &Path) -> Term {
        Self::spawn_sized(args, data_dir, 30, 110)
    }

    pub fn spawn_sized(args: &[&str], data_dir: &Path, rows: u16, cols: u16) -> Term {
        let env = [("UNCONNECT_DATA_DIR", data_dir.as_os_str())];
        Self::spawn_inner(args, &env, None, rows, cols)
    }

    /// Spawns in `cwd` with these variables set on top of the test's environment, which
    /// loses `UNCONNECT_DATA_DIR` and `RUST_LOG` unless they are given here.
    pub fn spawn_with(args: &[&str], env: &[(&str, &std::ffi::OsStr)], cwd: &Path) -> Term {
        Self::spawn_inner(args, env, Some(cwd), 30, 110)
    }

    fn spawn_inner(
        args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
        cwd: Option<&Path>,
        rows: u16,
        cols: u16,
    ) -> Term {
        Self::spawn_program(BIN, args, env, cwd, rows, cols)
    }

    /// Runs `program` (a shell, say, that then starts the app) in the terminal.
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &std::ffi::OsStr)],
        cwd: Option<&Path>,
        rows: u16,
        cols: u16,
    ) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_remove("UNCONNECT_DATA_DIR");
        cmd.env_remove("RUST_LOG");
        // Nothing of the user's own configuration is read.
        cmd.env_remove("UNCONNECT_CONFIG");
        cmd.env_remove("NO_COLOR");
        cmd.env("XDG_CONFIG_HOME", NO_CONFIG);
        cmd.env("UNCONNECT_TODAY", TODAY);
        cmd.env("TERM", "xterm-256color");
        for (name, value) in env {
            cmd.env(name, value);
        }
        if let Some(dir) = cwd {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn unconnect");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has rows and columns");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (ended, output_ended) = mpsc::channel();
        {
            let parser = Arc::clone(&parser);
            let raw = Arc::clone(&raw);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().unwrap().process(&buf[..n]);
                    raw.lock().unwrap().extend_from_slice(&buf[..n]);
                }
                // End of file or EIO: the app and everything it started have closed the
                // terminal, so every byte it wrote has been read.
                let _ = ended.send(());
            });
        }
        Term {
            child,
            writer,
            parser,
            raw,
            output_ended,
            _master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the screen shown is the alternate one (the app's), not the shell's.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the loaded triage screen is up. The footer's `[ Remove N ]` button is
    /// drawn only there: the loading screen's title also reads `Connections (`, and keys
    /// sent while loading are dropped.
    /// Waits for the app, then shows the Connections tab: a start brings back the tab
    /// the last session left.
    pub fn wait_ready(&mut self) -> String {
        self.wait_for(" 1 Connections ");
        self.send("1");
        self.wait_for("[ Remove ")
    }

    /// Runs the app on `export` with the data folder `data`, in `cwd`, `rows` by `cols`,
    /// with no page opener but the `xdg-open` in `bin` (first on `PATH`, no `$BROWSER`).
    pub fn spawn_with_browser(
        export: &Path,
        data: &Path,
        bin: &Path,
        cwd: &Path,
        (rows, cols): (u16, u16),
    ) -> Term {
        let path = format!("{}:/usr/bin:/bin", bin.display());
        let env = [
            ("UNCONNECT_DATA_DIR", data.as_os_str()),
            ("PATH", std::ffi::OsStr::new(&path)),
            ("BROWSER", std::ffi::OsStr::new("")),
        ];
        let args = [export.to_str().unwrap()];
        Self::spawn_program(BIN, &args, &env, Some(cwd), rows, cols)
    }

    /// From a ready Connections tab: the first `n` rows marked, moved to To remove, and
    /// removed after the confirm.
    pub fn remove_first(&mut self, n: usize) {
        self.send(&" ".repeat(n));
        self.send("\r");
        self.wait_for(&format!("To remove ({n})"));
        self.send("R");
        let noun = if n == 1 { "connection" } else { "connections" };
        self.wait_for(&format!("Remove {n} {noun}?"));
        self.send("y");
        self.wait_for(&format!("Removed {n}"));
    }

    /// The README walkthrough's steps 2 to 5 on the demo, from a ready Connections tab:
    /// the Timeline's burst shown as Connections, its first row kept (Eitan Håkansson),
    /// the other 61 staged and removed. Returns the filtered Connections screen (step 2's
    /// quote).
    pub fn walkthrough_steps_2_to_5(&mut self) -> String {
        self.send("4");
        self.wait_for("62 connections in 3 days");
        self.send("\t\r");
        let filtered = self.wait_for("Connections (62 of 293)");
        self.send("K");
        self.wait_for("⚑ 1 kept");
        self.send("a");
        self.wait_for("Moved 61 to To remove; 1 on your keep list passed by");
        self.send("R");
        self.wait_for("Remove 61 connections?");
        self.send("y");
        self.wait_for("Removed 61");
        filtered
    }

    /// Waits until the screen shows `text` and has stopped changing (a frame can be read
    /// half drawn on a loaded machine); panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                thread::sleep(Duration::from_millis(30));
                let again = self.screen();
                if again == screen {
                    return screen;
                }
                continue;
            }
            assert!(
                start.elapsed() <= TIMEOUT,
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types text one key at a time, as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([signal, &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end and for its last bytes to be read; returns how it
    /// ended.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!(
                    "unconnect did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        let left = TIMEOUT.saturating_sub(start.elapsed());
        assert!(
            self.output_ended.recv_timeout(left).is_ok(),
            "unconnect exited but its terminal output never ended"
        );
        status
    }

    /// Waits for a clean exit (status 0), as after `q`.
    pub fn wait_quit(&mut self) {
        let status = self.wait_exit();
        assert!(
            status.success(),
            "exited with {status:?}; the screen shows:\n{}",
            self.screen()
        );
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A run's own folder with a browser that logs: `data` for the data folder (the app
/// makes it), `bin` with an `xdg-open` that appends each page it is asked to open to
/// `log`, one a line.
pub struct BrowserRun {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub bin: PathBuf,
    pub log: PathBuf,
}

impl BrowserRun {
    pub fn new() -> BrowserRun {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let log = dir.path().join("opened.log");
        xdg_open(
            &bin,
            &format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
        );
        BrowserRun {
            dir,
            data,
            bin,
            log,
        }
    }

    /// The app on `export` in the data folder, at the usual size.
    pub fn spawn(&self, export: &Path) -> Term {
        Term::spawn_with_browser(export, &self.data, &self.bin, &self.data, (30, 110))
    }
}

/// Writes an executable `xdg-open` running `script` into `dir`.
pub fn xdg_open(dir: &Path, script: &str) {
    let path = dir.join("xdg-open");
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// Runs the binary to completion (no terminal): (exit code, stdout, stderr).
pub fn run(args: &[&str], data_dir: &Path) -> (i32, String, String) {
    // As `open_session`: another test's child may share this test's lock for a moment
    // between its fork and its exec, after this test let go of the folder. A folder still
    // locked after that (the app open on it) is refused on the last try as on the first.
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let out = run_once(args, data_dir);
        let locked = out.0 == 2
            && out
                .2
                .contains("another unconnect is using this data folder");
        if !locked || Instant::now() >= deadline {
            return out;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

fn run_once(args: &[&str], data_dir: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(BIN)
        .args(args)
        .env_remove("RUST_LOG")
        .env_remove("UNCONNECT_CONFIG")
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env("UNCONNECT_TODAY", TODAY)
        .env("UNCONNECT_DATA_DIR", data_dir)
        .output()
        .expect("run unconnect");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Journals, in the data folder `data` (made if missing), the removal of `person` under
/// `id`, now, as a session of the app would.
pub fn journal_removal(data: &Path, id: &str, person: unconnect::model::Person) {
    use unconnect::store::journal::{self, Journal, JournalAction, JournalEntry};
    std::fs::create_dir_all(data).unwrap();
    let at = journal::now();
    let (mut j, _) = Journal::open(&data.join("journal.jsonl")).unwrap();
    j.append(vec![JournalEntry {
        at,
        action: JournalAction::Remove,
        batch: journal::new_batch_id(at),
        batch_len: None,
        id: id.into(),
        person: Some(person.into()),
        invitation: None,
        export_date: None,
        export_taken: None,
        fingerprint: None,
    }])
    .unwrap();
}

/// Opens `export` with the data folder `data` in this process, as the app does, on
/// `today`. Another test's child process, between its fork and its exec, shares every
/// descriptor of this process, the data folder's lock among them, for a moment after a
/// test let it go: a `Locked` within that moment is that, and is tried again; a lock
/// still held after five seconds is a real failure.
pub fn open_session(
    export: &Path,
    data: &Path,
    today: chrono::NaiveDate,
) -> unconnect::session::Session {
    use unconnect::session::{self, Options, SessionError};
    use unconnect::store::StoreError;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let opened = session::start(Options {
            path: Some(export.to_path_buf()),
            invitations: None,
            data_dir: data.to_path_buf(),
            demo_data_dir: false,
            today,
            rules: unconnect::model::InvitationRules::default(),
        })
        .and_then(session::Loading::wait);
        match opened {
            Err(SessionError::Store(StoreError::Locked { .. })) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(20));
            }
            other => return other.unwrap(),
        }
    }
}
