//! The real binary in a pseudo-terminal, timed as a person sees it, and its peak memory
//! once it has quit. The `startup` example times the screen with it too.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What one launch measured, in milliseconds (and KiB for memory).
pub struct Launch {
    pub first_frame: f64,
    pub usable: f64,
    /// After typing `/contoso`: the first matches on screen, then all of them.
    pub filter: Option<(f64, f64)>,
    pub peak_kib: Option<u64>,
}

/// Launches `bin EXPORT --data-dir DATA`, waits for the loaded screen, optionally types a
/// filter, and quits.
pub fn launch(bin: &Path, export: &Path, data: &Path, filter: bool) -> Launch {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 140,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg(export);
    cmd.arg("--data-dir");
    cmd.arg(data);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn unconnect");
    let pid = child.process_id();
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let rows = std::num::NonZeroU16::new(40).expect("40 rows");
    let cols = std::num::NonZeroU16::new(140).expect("140 columns");
    let out = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    let sink = Arc::clone(&out);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut out) = sink.lock() {
                out.process(&buf[..n]);
            }
        }
    });
    let seen = |text: &str| {
        out.lock()
            .is_ok_and(|o| o.screen().contents().contains(text))
    };
    let wait_from = |from: Instant, what: &dyn Fn() -> bool| {
        while !what() {
            assert!(
                from.elapsed() < Duration::from_secs(120),
                "timed out; the screen:\n{}",
                out.lock()
                    .map(|o| o.screen().contents())
                    .unwrap_or_default()
            );
            std::thread::sleep(Duration::from_micros(500));
        }
        from.elapsed().as_secs_f64() * 1e3
    };
    // The first frame: the loading gauge or the loaded screen, whichever comes first.
    let first_frame = wait_from(start, &|| seen("unconnect"));
    // The loaded screen names its sort order; the loading screen does not.
    let usable = wait_from(start, &|| seen("newest first"));
    let filter = filter.then(|| {
        let typed = Instant::now();
        let _ = writer.write_all(b"/contoso");
        let _ = writer.flush();
        let first = wait_from(typed, &|| {
            seen("/ contoso") && seen(" of ") && !seen("(0 of")
        });
        let all = wait_from(typed, &|| {
            seen("/ contoso") && seen(" of ") && !seen("searching")
        });
        let _ = writer.write_all(b"\x1b");
        let _ = writer.flush();
        (first, all)
    });
    // Esc and q apart: together a terminal reads them as Alt-q.
    std::thread::sleep(Duration::from_millis(100));
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let peak_kib = if let Some(pid) = pid {
        super::memory::wait_peak_kib(pid)
    } else {
        let _ = child.wait();
        None
    };
    Launch {
        first_frame,
        usable,
        filter,
        peak_kib,
    }
}

/// `--launch BIN EXPORT DATA FILTER`: [`launch`] from this small, fresh process, its
/// figures printed as words ("-" for none).
pub fn launch_main(bin: &Path, export: &Path, data: &Path, filter: bool) {
    let l = launch(bin, export, data, filter);
    let (first, all) = l.filter.map_or(("-".into(), "-".into()), |(f, a)| {
        (f.to_string(), a.to_string())
    });
    let kib = l.peak_kib.map_or("-".into(), |k| k.to_string());
    println!("{} {} {first} {all} {kib}", l.first_frame, l.usable);
}

/// [`launch`], run from a fresh copy of this program: a child started straight from this
/// process would count this process's memory (a million people by then) in its peak.
pub fn launch_apart(bin: &Path, export: &Path, data: &Path, filter: bool) -> Launch {
    let out = std::process::Command::new(std::env::current_exe().expect("this program"))
        .arg("--launch")
        .args([bin.as_os_str(), export.as_os_str(), data.as_os_str()])
        .arg(if filter { "1" } else { "0" })
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("run the launching copy");
    assert!(out.status.success(), "launching {} failed", bin.display());
    let text = String::from_utf8_lossy(&out.stdout);
    let words: Vec<Option<f64>> = text.split_whitespace().map(|w| w.parse().ok()).collect();
    let word = |i: usize| words.get(i).copied().flatten();
    Launch {
        first_frame: word(0).unwrap_or(f64::NAN),
        usable: word(1).unwrap_or(f64::NAN),
        filter: word(2).zip(word(3)),
        peak_kib: word(4).map(|k| k as u64),
    }
}
