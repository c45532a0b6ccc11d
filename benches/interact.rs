//! What a keystroke costs: filtering, one frame, moving all shown rows, confirming.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use unconnect::app::App;
use unconnect::model::Person;
use unconnect::model::triage::{Place, Side, Triage};
use unconnect::runtime::writer::save_staged_people;
use unconnect::store::journal::{self, Journal};
use unconnect::store::staged::StagedStore;
use unconnect::ui::{Screen, Theme};

/// Three kinds of query: a 3-letter fragment, a company, two words.
const QUERIES: [&str; 3] = ["ada", "contoso", "engineer garcia"];
/// Filter terms: a month, a range with a negated word, a company without an e-mail.
const TERMS: [&str; 3] = [
    "connected:2019-03",
    "connected:2018-01-01..2020-06-30 -engineer",
    "company:contoso -email",
];

/// A fresh filter (no narrowing) as the app runs it: inline on a small list; on a large
/// one the UI thread only starts a job, and the worker's chunks are accepted as they come.
/// Returns the rows shown once complete.
fn filter_complete(t: &mut Triage, q: &str) -> usize {
    t.set_filter(Side::Left, "");
    if let Some(job) = t.set_filter(Side::Left, q) {
        job.run(|chunk| {
            t.accept(chunk);
        });
    }
    t.column(Side::Left).shown().len()
}

fn filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group.sample_size(10);
    for rows in [30_000, 1_000_000] {
        // The Connections tab's rows and columns, as the app holds them.
        let mut t = common::app(rows).triage().clone();
        for q in QUERIES {
            group.bench_function(format!("{q:?} {rows} complete"), |b| {
                b.iter(|| black_box(filter_complete(&mut t, q)));
            });
        }
        // Typing one more letter narrows the previous result.
        group.bench_function(format!("\"contos\" then \"contoso\" {rows}"), |b| {
            b.iter(|| {
                filter_complete(&mut t, "contos");
                if let Some(job) = t.set_filter(Side::Left, "contoso") {
                    job.run(|chunk| {
                        t.accept(chunk);
                    });
                }
                black_box(t.column(Side::Left).shown().len())
            });
        });
    }
    let mut t = common::app(1_000_000).triage().clone();
    for q in TERMS {
        group.bench_function(format!("{q:?} 1000000 complete"), |b| {
            b.iter(|| black_box(filter_complete(&mut t, q)));
        });
    }
    // Sorted by last name (after oldest first), far from storage order: matched by id,
    // then listed.
    t.cycle_sort(Side::Left);
    t.cycle_sort(Side::Left);
    for q in QUERIES {
        group.bench_function(format!("{q:?} 1000000 by last name complete"), |b| {
            b.iter(|| black_box(filter_complete(&mut t, q)));
        });
    }
    t.cycle_sort(Side::Left);
    t.cycle_sort(Side::Left);
    for q in QUERIES.into_iter().chain(TERMS) {
        // What the keystroke costs the UI thread: parsing the query and starting a job.
        t.set_filter(Side::Left, "");
        group.bench_function(format!("{q:?} 1000000 keystroke"), |b| {
            b.iter_batched(
                || t.clone(),
                |mut t| {
                    let job = t.set_filter(Side::Left, q);
                    (t, job)
                },
                BatchSize::LargeInput,
            );
        });
        // Until the first chunk (a screenful, or the first block's matches) is shown.
        group.bench_function(format!("{q:?} 1000000 first screenful"), |b| {
            b.iter(|| {
                t.set_filter(Side::Left, "");
                let job = t.set_filter(Side::Left, q).expect("a job at 1M");
                let mut first = true;
                job.run(|chunk| {
                    if first {
                        first = false;
                        t.accept(chunk);
                        // Seen: cancel the rest, as a new keystroke would.
                        t.set_filter(Side::Left, "");
                    }
                });
            });
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for rows in [1_000, 1_000_000] {
        let mut app = common::app(rows);
        for _ in 0..500 {
            app.update(unconnect::app::Action::Down);
        }
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
        let theme = Theme::default();
        group.bench_function(format!("draw 160x50 {rows}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| f.render_widget(Screen::new(&app, &theme), f.area()))
                    .expect("draws");
            });
        });
    }
    // The History tab with everyone of a 30,000-row export removed: the same cost.
    let mut app = history_app(30_000);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    let theme = Theme::default();
    app.update(unconnect::app::Action::HistoryTab);
    app.update(unconnect::app::Action::Down);
    group.bench_function("draw 160x50 history 30000", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(Screen::new(&app, &theme), f.area()))
                .expect("draws");
        });
    });
    group.finish();
}

/// An app whose History holds `rows` removals, as after confirming everyone.
fn history_app(rows: usize) -> App {
    use unconnect::model::history::{History, Kind, Record, State, Status};
    let app = common::app(rows);
    let people = std::sync::Arc::clone(app.people());
    let at = journal::now();
    let removals = people
        .ids()
        .map(|id| {
            let p = people.get(id).to_person();
            Record {
                kind: Kind::Removal,
                id: p.identity(),
                at,
                batch: "b".into(),
                state: State {
                    status: Status::ToDo,
                    opened: false,
                    done_at: None,
                    checked: None,
                },
                person: Some(p.into()),
                invitation: None,
            }
        })
        .collect();
    app.with_history(History {
        removals,
        withdrawals: Vec::new(),
    })
}

fn actions(c: &mut Criterion) {
    let mut group = c.benchmark_group("actions");
    group.sample_size(10);
    let app = common::app(1_000_000);
    group.bench_function("move all shown 1000000", |b| {
        b.iter_batched(
            || app.triage().clone(),
            |mut t| black_box(t.move_all_shown().count),
            BatchSize::LargeInput,
        );
    });
    let dir = tempfile::tempdir().expect("temp dir");
    move_all_then_saved(&mut group, &app, 1_000_000, dir.path());
    confirm(&mut group, &app, 1_000_000, dir.path());
    let app = common::app(30_000);
    move_all_then_saved(&mut group, &app, 30_000, dir.path());
    confirm(&mut group, &app, 30_000, dir.path());
    group.finish();
}

/// Until `a` is durable: the move (UI thread), then the staged set saved (up to 30,000
/// the app waits for it; above, the writer thread saves while the UI goes on).
fn move_all_then_saved(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    app: &App,
    rows: usize,
    dir: &std::path::Path,
) {
    let (staged, _) = StagedStore::<Person>::load(&dir.join("staged.jsonl")).expect("staged store");
    group.bench_function(format!("move all shown {rows}, then saved"), |b| {
        b.iter_batched(
            || app.triage().clone(),
            |mut t| {
                t.move_all_shown();
                let ids: Vec<u32> = t.ids_in(Place::Right).collect();
                save_staged_people(&staged, app.people(), &ids).expect("saved");
                t
            },
            BatchSize::LargeInput,
        );
    });
}

/// Confirming the removal of everyone: the journal written and synced, then the triage.
fn confirm(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    app: &App,
    rows: usize,
    dir: &std::path::Path,
) {
    group.bench_function(format!("confirm removal of {rows}, durable"), |b| {
        b.iter_batched(
            || {
                let mut t = app.triage().clone();
                t.move_all_shown();
                let _ = std::fs::remove_file(dir.join("journal.jsonl"));
                let (j, _) = Journal::open(&dir.join("journal.jsonl")).expect("journal");
                (t, j)
            },
            |(mut t, mut j)| {
                let ids: Vec<u32> = t.ids_in(Place::Right).collect();
                let entries = journal::removal_entries(app.people(), &ids, journal::now());
                j.append(entries).expect("append");
                t.confirm(&ids);
                // Returned, so freeing them is not timed: the app keeps both.
                (t, j)
            },
            BatchSize::LargeInput,
        );
    });
}

criterion_group!(benches, filter, frame, actions);
criterion_main!(benches);
