//! What a frame costs when the names are huge: thirty rows of 900 KB names (under the
//! import's 2 MiB record cap) against thirty short ones. A field is cut to what its row
//! can show before it is made safe and measured, so both should cost the same.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test or a tool's clear stop

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::App;
use unconnect::model::roster::people_triage;
use unconnect::model::{People, Person};
use unconnect::ui::{Screen, Theme};

const ROWS: usize = 30;
const HUGE: usize = 900 * 1024;

fn app(name_len: usize) -> App {
    let people: People = (0..ROWS)
        .map(|i| {
            let first: String = format!("Name{i} ").chars().cycle().take(name_len).collect();
            Person {
                first_name: first.clone(),
                last_name: "Lovelace".into(),
                url: format!("https://www.linkedin.com/in/p{i}"),
                company: first.clone(),
                position: first,
                connected_on: NaiveDate::from_ymd_opt(2024, 3, 1 + i as u32 % 28),
                ..Default::default()
            }
        })
        .collect();
    let triage = people_triage(&people);
    App::new(
        people,
        triage,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
    )
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("long names");
    group.sample_size(10);
    for (label, len) in [("short", 12), ("900 KB", HUGE)] {
        let app = app(len);
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
        let theme = Theme::default();
        group.bench_function(format!("draw 160x50, {ROWS} {label} names"), |b| {
            b.iter(|| {
                terminal
                    .draw(|f| f.render_widget(Screen::new(&app, &theme), f.area()))
                    .expect("draws");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
