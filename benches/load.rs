//! Loading an export: read, decode, parse, dedupe, then build the search index and sort
//! orders (what start-up does before the screen is complete).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use unconnect::model::roster::people_triage;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for rows in [30_000, 1_000_000] {
        let (_dir, path) = common::export_file(rows);
        group.bench_function(format!("parse {rows}"), |b| {
            b.iter(|| black_box(unconnect::import::load(&path).expect("loads").people.len()))
        });
        let export = unconnect::import::load(&path).expect("loads");
        group.bench_function(format!("index and sorts {rows}"), |b| {
            b.iter(|| black_box(people_triage(&export.people).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
