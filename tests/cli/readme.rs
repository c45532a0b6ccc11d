//! The README is true: its commands, run on the demo as written (in a fresh home, with the
//! demo's throwaway data folder in a temporary folder), do and say what it says.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{BIN, TODAY, Term, demo};

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The lines of the README's fenced blocks that start with `unconnect ` or `cargo run`,
/// joined across `\` line ends, comments cut.
fn fenced_commands(text: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut inside = false;
    let mut pending = String::new();
    for line in text.lines() {
        if line.starts_with("```") {
            inside = !inside;
            continue;
        }
        if !inside {
            continue;
        }
        let code = line.split("  #").next().unwrap_or("").trim_end();
        if let Some(start) = code.strip_suffix('\\') {
            pending.push_str(start);
            continue;
        }
        let whole = std::mem::take(&mut pending) + code.trim_start();
        if whole.starts_with("unconnect ")
            || whole.starts_with("cargo run")
            || whole.starts_with("mkdir ")
        {
            commands.push(whole.trim().to_owned());
        }
    }
    commands
}

/// The README's inline commands (`unconnect …` in backticks) that name the demo's folder.
fn inline_demo_commands(text: &str) -> Vec<String> {
    let joined = text.replace("\n   ", " ");
    joined
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|code| code.starts_with("unconnect ") && code.contains("unconnect-demo-"))
        .map(str::to_owned)
        .collect()
}

/// A fresh home with `unconnect` on its PATH, and a temporary folder of its own.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["bin", "tmp", "work"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::os::unix::fs::symlink(BIN, dir.path().join("bin/unconnect")).unwrap();
        Home { dir }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Runs `line` in a shell in `work/`, as the user would type it.
    fn sh(&self, line: &str) -> (i32, String, String) {
        let path = format!(
            "{}:{}",
            self.path("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let out = Command::new("sh")
            .args(["-c", line])
            .current_dir(self.path("work"))
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("TMPDIR", self.path("tmp"))
            .env("UNCONNECT_TODAY", TODAY)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

#[test]
fn the_completions_block_installs_every_file_in_a_fresh_home() {
    let home = Home::new();
    let commands = fenced_commands(&readme());
    let install: Vec<&String> = commands
        .iter()
        .filter(|c| c.starts_with("mkdir ") || c.contains(" completions ") || c.contains(" man >"))
        .collect();
    assert!(install.len() >= 5, "{commands:#?}");
    for line in &install {
        // Reading the page is the user's part; installing it is the README's.
        let line = line.replace(" && man unconnect", "");
        let (code, _, stderr) = home.sh(&line);
        assert_eq!(code, 0, "{line}: {stderr}");
    }
    for file in [
        ".local/share/bash-completion/completions/unconnect",
        ".config/fish/completions/unconnect.fish",
        ".zfunc/_unconnect",
        ".local/share/man/man1/unconnect.1",
    ] {
        let size = std::fs::metadata(home.dir.path().join(file)).map(|m| m.len());
        assert!(size.as_ref().is_ok_and(|&n| n > 0), "{file}: {size:?}");
    }
}

#[test]
fn the_walkthrough_on_the_demo_says_what_the_readme_quotes() {
    let text = readme();
    let home = Home::new();
    let demo_path = home.path("work/assets/demo");
    std::fs::create_dir_all(demo_path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(demo(), &demo_path).unwrap();

    // Step 1: `unconnect assets/demo`, in the fresh home's temporary folder.
    let env = [
        ("HOME", home.dir.path().as_os_str()),
        (
            "TMPDIR",
            home.path("tmp").into_os_string().leak() as &std::ffi::OsStr,
        ),
    ];
    // Wide enough for the whole first status line, with the demo's folder in it.
    let work = home.path("work");
    let mut t = Term::spawn_program(BIN, &["assets/demo"], &env, Some(&work), 40, 200);
    let screen = t.wait_ready();
    let loaded = "Loaded 293 connections (10 hidden profiles left out)";
    assert!(text.contains(loaded), "the README quotes {loaded:?}");
    assert!(screen.contains(loaded), "{screen}");
    // Step 2's burst.
    let burst = "62 connections in 3 days";
    assert!(text.contains(burst));
    // Steps 2 to 5: one kept, 61 staged and removed.
    let filtered = t.walkthrough_steps_2_to_5();
    assert!(text.contains("Connections (62 of 293)"), "{filtered}");
    for quoted in [
        "Moved 61 to To remove; 1 on your keep list passed by",
        "Remove 61 connections?",
        "Removed 61 (recorded in the journal).",
    ] {
        assert!(text.contains(quoted), "the README quotes {quoted:?}");
    }
    t.send("q");
    t.wait_quit();

    // Steps 7 and 9 as written, NEW-EXPORT being the demo again.
    let inline = inline_demo_commands(&text);
    let reconcile = inline
        .iter()
        .find(|c| c.starts_with("unconnect reconcile"))
        .expect("the walkthrough's reconcile step carries the demo's --data-dir");
    let (code, out, stderr) = home.sh(&reconcile.replace("NEW-EXPORT", "assets/demo"));
    assert_eq!(code, 0, "{reconcile}: {stderr}");
    assert!(out.contains("removed:      61"), "{out}");
    assert!(
        !home.path(".local/share/unconnect").exists(),
        "the real data folder is neither checked nor created"
    );
    let drafts = inline
        .iter()
        .find(|c| c.starts_with("unconnect drafts") && !c.contains("--staged"))
        .expect("the walkthrough's drafts step (step 9, to the people removed)");
    let (code, first, stderr) = home.sh(drafts);
    assert_eq!(code, 0, "{drafts}: {stderr}");
    assert!(first.starts_with("Wrote "), "{first}");
    assert!(!first.starts_with("Wrote 0 "), "{first}");
    let written = std::fs::read_dir(home.path("work/drafts")).unwrap().count();
    // Rerun: the drafts already there are reported, no copy is written.
    let (code, again, stderr) = home.sh(drafts);
    assert_eq!(code, 0, "{stderr}");
    assert!(again.starts_with("Wrote 0 drafts"), "{again}");
    assert!(
        again.contains(&format!("{written} drafts were already there")),
        "{again}"
    );
    assert_eq!(
        std::fs::read_dir(home.path("work/drafts")).unwrap().count(),
        written
    );

    // `--batch ID` from history: its 2nd column.
    let (code, history, stderr) =
        home.sh("unconnect history --data-dir \"$TMPDIR/unconnect-demo-$(id -u)\"");
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("--batch ID: history's 2nd column"));
    let batch = history
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .expect("a record")
        .to_owned();
    let (code, by_id, stderr) = home.sh(&format!(
        "unconnect drafts --data-dir \"$TMPDIR/unconnect-demo-$(id -u)\" -o by-id/ --batch {batch}"
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        by_id.starts_with(&format!("Wrote {written} drafts")),
        "{by_id}"
    );
}

#[test]
fn the_readme_quotes_the_demo_as_it_is() {
    let text = readme();
    assert!(
        !text.to_lowercase().contains("sixty"),
        "the demo's burst is 62"
    );
    let commands = fenced_commands(&text);
    assert!(
        commands
            .iter()
            .any(|c| c == "cargo run --release -- assets/demo"),
        "{commands:#?}"
    );
    let home = Home::new();
    let (code, out, stderr) = home.sh(&format!("unconnect check '{}'", demo().display()));
    assert_eq!(code, 0, "{stderr}");
    assert!(out.contains("people:      293"), "{out}");
}
