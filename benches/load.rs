//! Loading an export as start-up does: read, decode, parse and dedupe (two threads for a
//! large file); then the search index and the date order the screen opens with; then, in
//! the background, the name and company orders.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use unconnect::model::roster::{later_sorts, people_triage_first};

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for rows in [30_000, 1_000_000] {
        let (_dir, path) = common::export_file(rows);
        group.bench_function(format!("parse {rows}"), |b| {
            b.iter(|| black_box(unconnect::import::load(&path).expect("loads").people.len()))
        });
        let export = unconnect::import::load(&path).expect("loads");
        group.bench_function(format!("index and date order {rows}"), |b| {
            b.iter(|| black_box(people_triage_first(&export.people).len()))
        });
        group.bench_function(format!("later sorts {rows}"), |b| {
            b.iter(|| black_box(later_sorts(&export.people).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
