//! What a keystroke costs: filtering, one frame, moving all shown rows, confirming.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use unconnect::model::triage::{Place, Side};
use unconnect::store::journal::Journal;
use unconnect::ui::ListKind;
use unconnect::ui::run::journal_entries;

/// Three kinds of query: a 3-letter fragment, a company, two words.
const QUERIES: [&str; 3] = ["ada", "contoso", "engineer garcia"];

fn filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group.sample_size(10);
    for rows in [30_000, 1_000_000] {
        let mut app = common::app(rows);
        for q in QUERIES {
            group.bench_function(format!("{q:?} {rows}"), |b| {
                b.iter(|| {
                    // From no filter: a fresh query scans everyone (no narrowing).
                    app.triage.set_filter(Side::Left, "");
                    app.triage.set_filter(Side::Left, q);
                    black_box(app.triage.column(Side::Left).shown().len())
                })
            });
        }
        // Typing one more letter narrows the previous result.
        group.bench_function(format!("\"contos\" then \"contoso\" {rows}"), |b| {
            b.iter(|| {
                app.triage.set_filter(Side::Left, "");
                app.triage.set_filter(Side::Left, "contos");
                app.triage.set_filter(Side::Left, "contoso");
                black_box(app.triage.column(Side::Left).shown().len())
            })
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for rows in [1_000, 1_000_000] {
        let mut app = common::app(rows);
        app.triage.move_cursor(500);
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
        group.bench_function(format!("draw 160x50 {rows}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| f.render_widget(&app, f.area()))
                    .expect("draws");
            })
        });
    }
    group.finish();
}

fn actions(c: &mut Criterion) {
    let mut group = c.benchmark_group("actions");
    group.sample_size(10);
    let app = common::app(1_000_000);
    group.bench_function("move all shown 1000000", |b| {
        b.iter_batched(
            || app.triage.clone(),
            |mut t| black_box(t.move_all_shown().count),
            BatchSize::LargeInput,
        )
    });
    let app = common::app(30_000);
    let dir = tempfile::tempdir().expect("temp dir");
    group.bench_function("confirm removal of 30000, durable", |b| {
        b.iter_batched(
            || {
                let mut t = app.triage.clone();
                t.move_all_shown();
                let _ = std::fs::remove_file(dir.path().join("journal.jsonl"));
                let (j, _) = Journal::open(&dir.path().join("journal.jsonl")).expect("journal");
                (t, j)
            },
            |(mut t, mut j)| {
                let ids: Vec<u32> = t.ids_in(Place::Right).collect();
                let entries = journal_entries(&app, ListKind::Connections, &ids);
                j.append(entries).expect("append");
                t.confirm(&ids);
                black_box(t.done_count())
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, filter, frame, actions);
criterion_main!(benches);
