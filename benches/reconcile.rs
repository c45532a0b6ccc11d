//! Opening an export checks every journaled removal against it. Target: 30,000 removals
//! against a 30,000-row export add at most 50 ms to the load.
//!
//! The journal holds 30,000 removals; the export shares 15,000 of those people (still
//! connected) and has 15,000 others, so half the removals are verified.
//!
//! "open, first" is the journal's part of opening the app, one step after another: read
//! the journal, replay it into the history, check the export and journal the 30,000
//! findings (fsynced). "open, later" is every open after that: nothing new to journal.
//! The session reads the journal and replays it while the export loads; the "session"
//! group times the whole open of a session on that export, without a journal and with
//! one: the difference is what the journal adds to opening.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use unconnect::import::Export;
use unconnect::model::history::{ExportDate, History};
use unconnect::model::{InvitationRules, People, PersonId};
use unconnect::session::{self, Loading, Options, Reconciled, Session, reconcile};
use unconnect::store::Journal;
use unconnect::store::journal::{self, removal_entries};

const REMOVED: usize = 30_000;

/// The journal and reconcile part of opening a session, one step after another. The
/// session keeps the journal and the history: they are dropped outside the timing.
fn open(path: &Path, export: &Export) -> (Journal, History, Reconciled) {
    let (read, mut history) = reconcile::read_history(path, true).expect("journal");
    let (mut journal, _) = read.open().expect("journal opens");
    let reconciled =
        reconcile::reconcile(&mut journal, &mut history, export, chrono::NaiveDate::MAX)
            .expect("reconcile");
    (journal, history, reconciled)
}

fn reconcile_bench(c: &mut Criterion) {
    let (_dir, path) = common::export_file(REMOVED * 3 / 2);
    let generated = unconnect::import::load(&path).expect("generated export loads");
    let all = &generated.people;
    let removed_ids: Vec<u32> = (0..REMOVED.min(all.len()) as u32).collect();
    let removed_at =
        chrono::DateTime::parse_from_rfc3339("2026-03-10T12:00:00+00:00").expect("a valid time");
    let entries = removal_entries(all, &removed_ids, removed_at);
    // The newer export: the second half of the removed, and as many others.
    let newer: People = (REMOVED as u32 / 2..all.len() as u32)
        .map(|i| all.get(PersonId(i)).to_person())
        .collect();
    let date = ExportDate {
        day: chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default(),
        taken: None,
    };

    let mut group = c.benchmark_group("reconcile");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    // Replaying the journal into statuses: what the History screen needs anyway.
    group.bench_function("history of 30k removals", |b| {
        b.iter(|| journal::history(&entries));
    });
    let history = journal::history(&entries);
    group.bench_function("check, 30k removals x 30k rows", |b| {
        b.iter(|| {
            let v = reconcile::check(&history, &newer, None, &date);
            assert_eq!(v.findings.len(), REMOVED);
            v
        });
    });

    // The whole step as the session runs it, journaling 30,000 findings (fsynced).
    let mut export = generated;
    export.people = newer;
    export.export_date = Some(date);
    export.invitations = None;
    let dir = tempfile::tempdir().expect("temp dir");
    let template = dir.path().join("template.jsonl");
    {
        let (mut j, _) = Journal::open(&template).expect("journal");
        j.append(entries.clone()).expect("append");
    }
    // A fresh copy of the journal, on disk before the timing starts (as a journal
    // written in an earlier session is): the first open's fsync then writes only what
    // it appends.
    let copy = || {
        let path = dir.path().join("journal.jsonl");
        std::fs::copy(&template, &path).expect("copy journal");
        std::fs::File::open(&path)
            .and_then(|f| f.sync_all())
            .expect("sync the copy");
        path
    };
    group.bench_function("reconcile and journal it, 30k removals x 30k rows", |b| {
        b.iter_batched(
            || {
                let path = copy();
                (Journal::open(&path).expect("journal").0, history.clone())
            },
            |(mut journal, mut history)| {
                let r = reconcile::reconcile(
                    &mut journal,
                    &mut history,
                    &export,
                    chrono::NaiveDate::MAX,
                );
                (journal, history, r.expect("reconcile"))
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function(
        "open, first: journal + history + reconcile, 30k x 30k",
        |b| {
            b.iter_batched(
                copy,
                |path| {
                    let opened = open(&path, &export);
                    assert_eq!(opened.2.verification.findings.len(), REMOVED);
                    opened
                },
                BatchSize::PerIteration,
            );
        },
    );
    // After the first open: the journal holds the findings, and nothing more is written.
    let checked = dir.path().join("checked.jsonl");
    std::fs::copy(&template, &checked).expect("copy journal");
    open(&checked, &export);
    group.bench_function(
        "open, later: journal + history + reconcile, 30k x 30k",
        |b| {
            b.iter_with_large_drop(|| {
                let opened = open(&checked, &export);
                assert!(opened.2.verification.findings.is_empty());
                opened
            });
        },
    );
    group.finish();
}

/// A session, dropped once its search index and later sorts are done, so that they do
/// not run into the next open's timing.
struct Opened(Session);

impl Drop for Opened {
    fn drop(&mut self) {
        // Until the sender is gone: everything sent after the first frame has been built.
        while self.0.later.recv().is_ok() {}
    }
}

fn open_session(export: &Path, data_dir: &Path) -> Opened {
    let options = Options {
        path: Some(export.to_path_buf()),
        invitations: None,
        data_dir: data_dir.to_path_buf(),
        demo_data_dir: false,
        today: common::today(),
        rules: InvitationRules::default(),
    };
    Opened(
        session::start(options)
            .and_then(Loading::wait)
            .expect("a session"),
    )
}

/// The newer export as a file: the generated one without its first `skip` people.
fn newer_export(csv: &str, skip: usize, dir: &Path) -> PathBuf {
    let mut lines = csv.lines();
    let mut kept: Vec<&str> = lines
        .by_ref()
        .take_while(|l| !l.starts_with("First Name,"))
        .collect();
    kept.push(HEADER);
    // Hidden profiles (no name, no URL) are no one's: they do not count as people.
    let mut people = 0;
    for line in lines {
        if !line.starts_with(",,,,,,") {
            people += 1;
        }
        if people > skip {
            kept.push(line);
        }
    }
    let path = dir.join("Connections.csv");
    std::fs::write(&path, kept.join("\n")).expect("write the newer export");
    path
}

const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

fn session_bench(c: &mut Criterion) {
    let csv = unconnect::synthetic::connections_csv(REMOVED * 3 / 2, 2013);
    let dir = tempfile::tempdir().expect("temp dir");
    let generated_path = dir.path().join("generated.csv");
    std::fs::write(&generated_path, &csv).expect("write the export");
    let generated = unconnect::import::load(&generated_path).expect("generated export loads");
    let removed_ids: Vec<u32> = (0..REMOVED as u32).collect();
    let removed_at =
        chrono::DateTime::parse_from_rfc3339("2026-03-10T12:00:00+00:00").expect("a valid time");
    let entries = removal_entries(&generated.people, &removed_ids, removed_at);
    let export_dir = dir.path().join("export");
    std::fs::create_dir_all(&export_dir).expect("export folder");
    let export = newer_export(&csv, REMOVED / 2, &export_dir);
    let template = dir.path().join("template.jsonl");
    {
        let (mut j, _) = Journal::open(&template).expect("journal");
        j.append(entries).expect("append");
    }
    let no_journal = dir.path().join("no-journal");
    let checked = dir.path().join("checked");
    std::fs::create_dir_all(&checked).expect("data folder");
    std::fs::copy(&template, checked.join("journal.jsonl")).expect("copy journal");
    let first = open_session(&export, &checked);
    assert_eq!(
        first.0.loaded.report.reconciled.verification.findings.len(),
        REMOVED
    );
    drop(first);

    let mut group = c.benchmark_group("session");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("open 30k rows, no journal", |b| {
        b.iter_batched(
            || std::fs::remove_dir_all(&no_journal).ok(),
            |_| open_session(&export, &no_journal),
            BatchSize::PerIteration,
        );
    });
    // The journal of an earlier session, on disk: only the fsync of what it appends
    // is the open's.
    let fresh = dir.path().join("fresh");
    group.bench_function("open 30k rows, first with 30k removals", |b| {
        b.iter_batched(
            || {
                std::fs::remove_dir_all(&fresh).ok();
                std::fs::create_dir_all(&fresh).expect("data folder");
                let path = fresh.join("journal.jsonl");
                std::fs::copy(&template, &path).expect("copy journal");
                std::fs::File::open(&path)
                    .and_then(|f| f.sync_all())
                    .expect("sync the copy");
            },
            |()| {
                let opened = open_session(&export, &fresh);
                assert_eq!(
                    opened
                        .0
                        .loaded
                        .report
                        .reconciled
                        .verification
                        .findings
                        .len(),
                    REMOVED
                );
                opened
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function("open 30k rows, later with 30k removals", |b| {
        b.iter_batched(
            || (),
            |()| {
                let opened = open_session(&export, &checked);
                assert!(
                    opened
                        .0
                        .loaded
                        .report
                        .reconciled
                        .verification
                        .findings
                        .is_empty()
                );
                opened
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, reconcile_bench, session_bench);
criterion_main!(benches);
