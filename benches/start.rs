//! What a start costs besides the import, at a million rows: reading the staged file
//! while the export loads (the current form, and the whole-URL form of earlier
//! versions), and opening a session with no one staged or with everyone staged last
//! time (import included: compare the two).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use unconnect::model::{InvitationRules, Person};
use unconnect::runtime::writer::save_staged_people;
use unconnect::session::{self, Options};
use unconnect::store::DataDir;
use unconnect::store::staged::StagedStore;

const ROWS: usize = 1_000_000;

/// The time to open a session; the index and sorts it then builds in the background
/// are waited for untimed, so that they do not slow the next one.
fn open(export: &Path, data: &Path) -> Duration {
    let started = Instant::now();
    let session = session::start(Options {
        path: Some(export.to_path_buf()),
        invitations: None,
        data_dir: data.to_path_buf(),
        demo_data_dir: false,
        today: common::today(),
        rules: InvitationRules::default(),
    })
    .expect("the data folder opens")
    .wait()
    .expect("the session opens");
    let took = started.elapsed();
    black_box(session.loaded.triage.len());
    while session.later.recv().is_ok() {}
    took
}

fn opened(export: &Path, data: &Path, times: u64) -> Duration {
    (0..times).map(|_| open(export, data)).sum()
}

fn start(c: &mut Criterion) {
    let (dir, export) = common::export_file(ROWS);
    let staged = dir.path().join("staged");
    let file = {
        let loaded = unconnect::import::load(&export).expect("generated export loads");
        let everyone: Vec<u32> = loaded.people.ids().map(|id| id.0).collect();
        let data = DataDir::open_locked(&staged).expect("a data folder");
        let (mut store, _) =
            StagedStore::load(&data.staged_path("connections")).expect("a staged file");
        store.set_export(&export);
        save_staged_people(&store, &loaded.people, &everyone).expect("stage everyone");
        data.staged_path("connections")
    };
    // The same identities as version 2 wrote them: every profile URL whole.
    let whole = dir.path().join("staged-v2.jsonl");
    let text = std::fs::read_to_string(&file).expect("the staged file");
    let v2: String = text
        .lines()
        .map(
            |line| match line.strip_prefix("[\"").and_then(|l| l.strip_suffix("\"]")) {
                Some(rest) => format!("\"https://www.linkedin.com/in/{rest}\"\n"),
                None => format!("{}\n", line.replacen("{\"staged\":3", "{\"staged\":2", 1)),
            },
        )
        .collect();
    std::fs::write(&whole, v2).expect("write the older form");

    let mut group = c.benchmark_group("start");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("staged ids read 1M", |b| {
        b.iter(|| black_box(StagedStore::<Person>::load(&file).expect("loads").1.len()));
    });
    group.bench_function("staged ids read 1M, whole URLs (version 2)", |b| {
        b.iter(|| black_box(StagedStore::<Person>::load(&whole).expect("loads").1.len()));
    });
    let fresh = dir.path().join("fresh");
    group.bench_function("session 1M, nothing staged", |b| {
        b.iter_custom(|times| opened(&export, &fresh, times));
    });
    group.bench_function("session 1M, everyone staged", |b| {
        b.iter_custom(|times| opened(&export, &staged, times));
    });
    group.finish();
}

criterion_group!(benches, start);
criterion_main!(benches);
