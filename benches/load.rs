//! Loading an export as start-up does: read, decode, parse and dedupe (two threads for a
//! large file); then the date orders the screen opens with; then, in the background, the
//! search index (two threads) and the name and company orders.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use unconnect::import::source::{SignalFiles, read_file};
use unconnect::model::roster::{later_sorts, people_search_index, people_triage_first};

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for rows in [30_000, 1_000_000] {
        let (_dir, path) = common::export_file(rows);
        group.bench_function(format!("parse {rows}"), |b| {
            b.iter(|| black_box(unconnect::import::load(&path).expect("loads").people.len()));
        });
        let export = unconnect::import::load(&path).expect("loads");
        group.bench_function(format!("date orders {rows}"), |b| {
            b.iter(|| black_box(people_triage_first(&export.people, None).len()));
        });
        group.bench_function(format!("search index {rows}"), |b| {
            b.iter(|| black_box(people_search_index(&export.people, None).len()));
        });
        group.bench_function(format!("later sorts {rows}"), |b| {
            b.iter(|| black_box(later_sorts(&export.people, None).len()));
        });
    }
    group.finish();
}

/// What a Complete export's messages.csv adds to loading: reading, parsing and joining
/// 200,000 messages to 30,000 connections.
fn signals(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let (dir, path) = common::export_file(30_000);
    let export = unconnect::import::load(&path).expect("loads");
    let urls: Vec<String> = export
        .people
        .ids()
        .map(|id| export.people.get(id).url.to_string())
        .collect();
    let messages = dir.path().join("messages.csv");
    std::fs::write(
        &messages,
        unconnect::synthetic::messages_csv(&urls, 200_000),
    )
    .expect("write messages");
    group.bench_function("messages 200000 for 30000 connections", |b| {
        b.iter(|| {
            let files = SignalFiles {
                messages: Some(read_file(
                    &messages,
                    unconnect::import::source::MAX_SIGNALS_BYTES,
                )),
                ..SignalFiles::default()
            };
            let mut warnings = Vec::new();
            let s = unconnect::import::signals::load(
                files,
                &export.people,
                export.report.format,
                &mut warnings,
            );
            black_box(s.map(|s| s.report.people_with_messages))
        });
    });
    group.finish();
}

criterion_group!(benches, load, signals);
criterion_main!(benches);
