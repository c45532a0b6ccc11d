//! A child's wall time and peak memory (its maximum resident set), from the kernel's own
//! accounting of that one child: no tool to install.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Waits for process `pid` (a child of this one) and returns its peak memory in KiB.
pub fn wait_peak_kib(pid: u32) -> Option<u64> {
    wait(pid).map(|(_, kib)| kib)
}

/// Waits for process `pid`: whether it exited with success, and its peak memory in KiB.
#[cfg(unix)]
fn wait(pid: u32) -> Option<(bool, u64)> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: plain FFI call with pointers to live locals.
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &raw mut status, 0, &raw mut usage) };
    if waited != pid as libc::pid_t {
        return None;
    }
    // Linux reports KiB, macOS bytes.
    let max = usage.ru_maxrss as u64;
    let kib = if cfg!(target_os = "macos") {
        max / 1024
    } else {
        max
    };
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    Some((success, kib))
}

#[cfg(not(unix))]
fn wait(_pid: u32) -> Option<(bool, u64)> {
    None
}

/// Runs `program ARGS` from a fresh, small copy of this program (`--measure`), which
/// prints what [`run`] measured. A child started straight from this process would count
/// this process's own memory in its peak: Linux keeps the peak of the memory a child
/// starts with, and this one holds a million people by then.
pub fn run_apart(program: &Path, args: &[&OsStr]) -> (f64, Option<u64>) {
    let out = Command::new(std::env::current_exe().expect("this program"))
        .arg("--measure")
        .arg(program)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("run the measuring copy");
    assert!(
        out.status.success(),
        "measuring {} {args:?} failed",
        program.display()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let ms = words
        .next()
        .and_then(|w| w.parse().ok())
        .expect("milliseconds");
    let kib = words.next().and_then(|w| w.parse().ok());
    (ms, kib)
}

/// `--measure PROGRAM ARGS...`: runs it, its output discarded, and prints its wall
/// milliseconds and peak KiB.
pub fn measure_main(args: &[String]) {
    let Some((program, args)) = args.split_first() else {
        std::process::exit(2);
    };
    let (ms, kib) = run(Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .env_remove("RUST_LOG"));
    match kib {
        Some(kib) => println!("{ms} {kib}"),
        None => println!("{ms}"),
    }
}

/// Runs `cmd` to the end: wall milliseconds and peak KiB. Panics if it fails: a figure
/// from a failed run would be a lie.
pub fn run(cmd: &mut Command) -> (f64, Option<u64>) {
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let pid = child.id();
    let (success, peak) = match wait(pid) {
        Some((success, kib)) => (success, Some(kib)),
        None => (child.wait().expect("wait").success(), None),
    };
    let elapsed = start.elapsed().as_secs_f64() * 1e3;
    assert!(success, "{cmd:?} failed");
    (elapsed, peak)
}
