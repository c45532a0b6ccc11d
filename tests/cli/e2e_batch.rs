//! The work-through in batches in the real binary: `b` opens the next ten removals as
//! browser tabs (a fake opener on `PATH` logs each), `B` ticks them after its confirm,
//! and the next `b` opens the ten after them.

use crate::support::{BrowserRun, Term, demo, run};

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// The log's lines once it has `n` of them (each opener appends one).
fn wait_for_lines(log: &Path, n: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        if lines.len() >= n {
            return lines;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{} of {n} opened: {text}",
            lines.len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Each record's (status, URL), in the History list's order (newest first).
fn records(data: &Path) -> Vec<(String, String)> {
    let (code, history, err) = run(&["history", "--json"], data);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&history).unwrap();
    v.as_array()
        .or_else(|| v["records"].as_array())
        .expect("a list of records")
        .iter()
        .map(|r| {
            let field = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (field("status"), field("url"))
        })
        .collect()
}

#[test]
fn open_batch_opens_the_next_ten_then_done_opened_ticks_them_and_the_next_ten_follow() {
    let sandbox = BrowserRun::new();
    let demo = demo();

    let mut t = sandbox.spawn(&demo);
    t.wait_ready();
    t.remove_first(25);
    t.send("3");
    t.wait_for("0 of 25 done on LinkedIn");

    t.send("b");
    t.wait_for("Opened 10 tabs");
    let first = wait_for_lines(&sandbox.log, 10);
    assert_eq!(first.len(), 10, "{first:?}");
    let first: HashSet<String> = first.into_iter().collect();
    assert_eq!(first.len(), 10, "ten distinct profiles: {first:?}");
    assert!(
        first
            .iter()
            .all(|u| u.starts_with("https://www.linkedin.com/in/")),
        "{first:?}"
    );

    t.send("B");
    t.wait_for("Tick the 10 opened done on LinkedIn?");
    t.send("y");
    t.wait_for("Ticked 10 done on LinkedIn");
    t.wait_for("10 of 25 done on LinkedIn");

    t.send("b");
    t.wait_for("Opened 10 tabs");
    let all = wait_for_lines(&sandbox.log, 20);
    let second: HashSet<String> = all[10..].iter().cloned().collect();
    assert_eq!(second.len(), 10, "{all:?}");
    assert!(first.is_disjoint(&second), "the next ten: {all:?}");
    t.send("q");
    t.wait_quit();

    // Journaled, in list order: the first ten done, the next ten opened, five to do.
    let records = records(&sandbox.data);
    let with = |status: &str| -> Vec<String> {
        records
            .iter()
            .filter(|(s, _)| s == status)
            .map(|(_, url)| url.clone())
            .collect()
    };
    let order: Vec<String> = records.iter().map(|(_, url)| url.clone()).collect();
    assert_eq!(with("to do").len(), 5, "{records:?}");
    assert_eq!(with("done"), order[..10].to_vec(), "{records:?}");
    assert_eq!(with("opened"), order[10..20].to_vec(), "{records:?}");
    assert_eq!(with("done").into_iter().collect::<HashSet<_>>(), first);
    assert_eq!(with("opened").into_iter().collect::<HashSet<_>>(), second);
}

/// The README's step 6, the batch way, on the demo as its walkthrough stages it: what it
/// quotes is what the screen says.
#[test]
fn the_readme_quotes_the_batch_work_through_as_the_demo_shows_it() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let sandbox = BrowserRun::new();
    let demo = demo();
    // Wide enough for the whole status line.
    let mut t =
        Term::spawn_with_browser(&demo, &sandbox.data, &sandbox.bin, &sandbox.data, (40, 240));
    t.wait_ready();
    // Steps 2 to 5: the burst, one kept, the rest staged and removed.
    t.walkthrough_steps_2_to_5();
    t.send("3");
    t.wait_for("0 of 61 done on LinkedIn");
    for (keys, quoted) in [
        (
            "b",
            "Opened 10 tabs: in each, More → Remove connection; then B ticks them all done.",
        ),
        ("B", "Tick the 10 opened done on LinkedIn?"),
        ("y", "· 10 today, ~6 days left at today's pace"),
    ] {
        assert!(readme.contains(quoted), "the README quotes {quoted:?}");
        t.send(keys);
        t.wait_for(quoted);
    }
    assert_eq!(wait_for_lines(&sandbox.log, 10).len(), 10);
    t.send("q");
    t.wait_quit();
}
