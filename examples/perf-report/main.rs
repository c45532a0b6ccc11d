//! Prints the README's Performance table, measured now on this machine: generated
//! exports of each size, the real binary (in a pseudo-terminal for the screen, whole
//! process for `check`), and the raw-parse ceiling (a bare `csv` loop with a reused
//! `ByteRecord`) measured in the same run, so that ratios hold when the machine's speed
//! drifts. Medians of several runs, with their range.
//!
//!     cargo run --release --example perf-report -- [--runs N] [ROWS...]
//!
//! ROWS defaults to 30000 1000000; N to 5. Needs nothing but this crate's dependencies.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

mod memory;
mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use unconnect::import;
use unconnect::runtime::writer::save_staged_people;
use unconnect::store::journal::{self, Journal};
use unconnect::store::staged::StagedStore;
use unconnect::store::{DataDir, JournalEntry};

/// Several runs of one figure.
#[derive(Default)]
struct Runs(Vec<f64>);

impl Runs {
    fn push(&mut self, v: f64) {
        self.0.push(v);
    }

    fn median(&self) -> f64 {
        let mut v = self.0.clone();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    }

    fn range(&self) -> (f64, f64) {
        let min = self.0.iter().copied().fold(f64::INFINITY, f64::min);
        let max = self.0.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (min, max)
    }

    /// Milliseconds: "24 ms (23–26)" or "1.34 s (1.30–1.41)".
    fn time(&self) -> String {
        let (min, max) = self.range();
        let m = self.median();
        if m >= 1000.0 {
            format!("{:.2} s ({:.2}–{:.2})", m / 1e3, min / 1e3, max / 1e3)
        } else if m >= 10.0 {
            format!("{m:.0} ms ({min:.0}–{max:.0})")
        } else {
            format!("{m:.1} ms ({min:.1}–{max:.1})")
        }
    }

    /// KiB as MiB.
    fn mib(&self) -> String {
        let (min, max) = self.range();
        let m = self.median() / 1024.0;
        format!("{m:.1} MiB ({:.1}–{:.1})", min / 1024.0, max / 1024.0)
    }
}

/// Everything measured for one size.
#[derive(Default)]
struct Figures {
    file_bytes: u64,
    first_frame: Runs,
    usable: Runs,
    filter_first: Runs,
    filter_all: Runs,
    app_peak_kib: Runs,
    check: Runs,
    check_peak_kib: Runs,
    raw_parse: Runs,
    staged_usable: Runs,
    journal_per_removal: f64,
    row_bytes: f64,
}

fn main() {
    // Run by itself as a child: the raw parse as a whole process, as `check` is timed.
    let argv: Vec<String> = std::env::args().collect();
    if let [_, flag, file] = argv.as_slice()
        && flag == "--raw-parse"
    {
        raw_parse(Path::new(file));
        return;
    }
    if argv.get(1).is_some_and(|a| a == "--measure") {
        memory::measure_main(&argv[2..]);
        return;
    }
    if let [_, flag, bin, export, data, filter] = argv.as_slice()
        && flag == "--launch"
    {
        pty::launch_main(
            Path::new(bin),
            Path::new(export),
            Path::new(data),
            filter == "1",
        );
        return;
    }
    let mut runs = 5;
    let mut sizes = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else if let Ok(rows) = arg.replace([',', '_'], "").parse::<usize>() {
            sizes.push(rows);
        } else {
            eprintln!("usage: perf-report [--runs N] [ROWS...]");
            std::process::exit(2);
        }
    }
    if sizes.is_empty() {
        sizes = vec![30_000, 1_000_000];
    }
    let bin = binary();
    let load_before = load_average();
    let work = tempfile::tempdir().expect("a temporary folder");
    let figures: Vec<Figures> = sizes
        .iter()
        .map(|&rows| measure(&bin, work.path(), rows, runs))
        .collect();
    print_table(&sizes, &figures, runs, &load_before, &load_average());
}

/// The release binary beside this example, built first when run by cargo.
fn binary() -> PathBuf {
    if let Some(cargo) = std::env::var_os("CARGO") {
        let built = Command::new(cargo)
            .args([
                "build",
                "--release",
                "--locked",
                "--quiet",
                "--bin",
                "unconnect",
            ])
            .status();
        assert!(
            built.is_ok_and(|s| s.success()),
            "building unconnect failed"
        );
    }
    std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("unconnect")))
        .filter(|p| p.exists())
        .expect("target/release/unconnect: run `cargo build --release` first")
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".into(),
        |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

fn measure(bin: &Path, work: &Path, rows: usize, runs: usize) -> Figures {
    eprintln!("perf-report: {rows} rows: generating");
    let export = work.join(format!("connections-{rows}.csv"));
    let text = unconnect::synthetic::connections_csv(rows, 2013);
    std::fs::write(&export, &text).expect("write the export");
    let mut f = Figures {
        file_bytes: text.len() as u64,
        row_bytes: row_bytes(&text, rows),
        ..Default::default()
    };
    drop(text);
    let staged_data = work.join(format!("staged-{rows}"));
    f.journal_per_removal = stage_everyone_and_journal(&export, &staged_data, work, rows);
    for run in 0..runs {
        eprintln!("perf-report: {rows} rows: run {} of {runs}", run + 1);
        // Interleaved, so that a slower moment of the machine hits every figure alike.
        let this = std::env::current_exe().expect("this program");
        let (raw, _) = memory::run_apart(&this, &["--raw-parse".as_ref(), export.as_os_str()]);
        f.raw_parse.push(raw);
        let (ms, peak) = memory::run_apart(bin, &["check".as_ref(), export.as_os_str()]);
        f.check.push(ms);
        if let Some(kib) = peak {
            f.check_peak_kib.push(kib as f64);
        }
        let fresh = work.join(format!("data-{rows}-{run}"));
        let launch = pty::launch_apart(bin, &export, &fresh, true);
        f.first_frame.push(launch.first_frame);
        f.usable.push(launch.usable);
        if let Some((first, all)) = launch.filter {
            f.filter_first.push(first);
            f.filter_all.push(all);
        }
        if let Some(kib) = launch.peak_kib {
            f.app_peak_kib.push(kib as f64);
        }
        let _ = std::fs::remove_dir_all(&fresh);
        let staged = pty::launch_apart(bin, &export, &staged_data, false);
        f.staged_usable.push(staged.usable);
    }
    let _ = std::fs::remove_file(&export);
    f
}

/// The mean size of a data row of the export (what a removal is compared with).
fn row_bytes(text: &str, rows: usize) -> f64 {
    let header = text.find("First Name,").unwrap_or(0);
    let data = text[header..]
        .find('\n')
        .map_or(0, |i| text.len() - header - i - 1);
    data as f64 / rows.max(1) as f64
}

/// A bare `csv` loop over the file with one reused `ByteRecord`: the ceiling a parser of
/// this file can reach.
fn raw_parse(path: &Path) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .expect("open the export");
    let mut record = csv::ByteRecord::new();
    let mut fields = 0usize;
    while reader.read_byte_record(&mut record).expect("a CSV record") {
        fields += record.len();
    }
    assert!(fields > 0, "the export has rows");
}

/// Stages everyone in a data folder of its own (as the app saves it), and journals the
/// removal of everyone in another: returns the journal's bytes per removal.
fn stage_everyone_and_journal(export: &Path, data: &Path, work: &Path, rows: usize) -> f64 {
    let loaded = import::load(export).expect("the generated export loads");
    let people = &loaded.people;
    let all: Vec<u32> = people.ids().map(|id| id.0).collect();
    {
        let dir = DataDir::open_locked(data).expect("a data folder");
        let (mut store, _) =
            StagedStore::load(&dir.staged_path("connections")).expect("a staged file");
        store.set_export(export);
        save_staged_people(&store, people, &all).expect("stage everyone");
    }
    let path = work.join(format!("journal-{rows}.jsonl"));
    let (mut j, _) = Journal::open(&path).expect("a journal");
    let batch: Vec<JournalEntry> = journal::removal_entries(people, &all, journal::now());
    j.append(batch).expect("journal everyone");
    drop(j);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let _ = std::fs::remove_file(&path);
    bytes as f64 / all.len().max(1) as f64
}

fn print_table(sizes: &[usize], figures: &[Figures], runs: usize, before: &str, after: &str) {
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    println!(
        "Measured by `cargo run --release --example perf-report`: {cores} cores, load average \
         {before} before and {after} after; medians of {runs} runs (range in brackets)."
    );
    println!();
    let mut head = String::from("| what |");
    let mut rule = String::from("|---|");
    for (rows, f) in sizes.iter().zip(figures) {
        head.push_str(&format!(
            " {} rows ({:.1} MB) |",
            thousands(*rows),
            f.file_bytes as f64 / 1e6
        ));
        rule.push_str("---|");
    }
    head.push_str(" target (30k / 1M) |");
    rule.push_str("---|");
    println!("{head}\n{rule}");
    let row = |what: &str, target: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = figures.iter().map(cell).collect();
        println!("| {what} | {} | {target} |", cells.join(" | "));
    };
    row("launch to first frame (real binary in a pty)", "", &|f| {
        f.first_frame.time()
    });
    row("launch to usable screen", "≤ 50 ms / ≤ 0.5 s", &|f| {
        f.usable.time()
    });
    row("filter `/contoso`: first matches on screen", "", &|f| {
        f.filter_first.time()
    });
    row("filter `/contoso`: all matches on screen", "", &|f| {
        f.filter_all.time()
    });
    row(
        "full load: `unconnect check FILE`, whole process",
        "",
        &|f| f.check.time(),
    );
    row(
        "raw-parse ceiling: bare `csv` loop, reused `ByteRecord`, whole process",
        "",
        &|f| f.raw_parse.time(),
    );
    row(
        "full load ÷ raw parse (medians)",
        "≤ 2× / ≤ 2×",
        &|f| format!("{:.1}×", f.check.median() / f.raw_parse.median()),
    );
    row("peak memory, `check`", "", &|f| f.check_peak_kib.mib());
    row(
        "peak memory, the app (load, filter, quit)",
        "≤ 30 MiB / ≤ 1.5× the file",
        &|f| {
            let ratio = f.app_peak_kib.median() * 1024.0 / f.file_bytes as f64;
            format!("{} = {ratio:.2}× the file", f.app_peak_kib.mib())
        },
    );
    row(
        "start with everyone staged from last time, to usable screen",
        "≤ 60 ms / ≤ 0.6 s",
        &|f| f.staged_usable.time(),
    );
    row(
        "journal per removal (everyone removed at once)",
        "≤ 1.3× the row",
        &|f| {
            format!(
                "{:.0} bytes against a {:.0}-byte row = {:.2}×",
                f.journal_per_removal,
                f.row_bytes,
                f.journal_per_removal / f.row_bytes
            )
        },
    );
}

/// 1000000 as "1,000,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
