//! A History list too large to filter inline (over 100,000 records): its filter runs as
//! a job, also when the list is rebuilt under the user.

use unconnect::app::{Action, App, Effect, Event, ListKind};
use unconnect::model::Person;
use unconnect::model::history::Status;
use unconnect::model::triage::{INLINE_FILTER_LIMIT, Side};

use crate::history_fixtures::{december, history_app, journaled, november, removal, removals};

/// Runs the filter jobs among `effects` to their end, as the runtime's worker would.
fn run_filters(app: &mut App, effects: &[Effect]) -> usize {
    let mut jobs = 0;
    for effect in effects {
        if let Effect::Filter(kind, job) = effect {
            jobs += 1;
            job.run(|chunk| {
                app.handle(Event::FilterChunk(*kind, chunk));
            });
        }
    }
    jobs
}

fn shown(app: &App) -> usize {
    let t = app.triage_of(ListKind::Removed).unwrap();
    t.column(Side::Left).shown().len()
}

#[test]
fn a_large_list_rebuilt_by_a_restore_filters_again_instead_of_showing_no_one() {
    // Still over the limit after one is restored.
    let n = INLINE_FILTER_LIMIT + 2;
    let records = (0..n)
        .map(|i| {
            let p = Person {
                first_name: format!("P{i}"),
                last_name: if i % 2 == 0 { "Berg" } else { "Lund" }.into(),
                url: format!("https://www.linkedin.com/in/p{i}"),
                ..Default::default()
            };
            removal(&p, november(3), "b1", Status::ToDo)
        })
        .collect();
    let mut app = history_app(Vec::new(), [], removals(records), december(7));
    app.update(Action::Filter);
    let mut effects = Vec::new();
    for c in "lund".chars() {
        effects = app.update(Action::Input(c));
    }
    assert_eq!(
        run_filters(&mut app, &effects),
        1,
        "a large list filters as a job"
    );
    app.update(Action::KeepFilter);
    assert_eq!(shown(&app), n / 2);

    app.update(Action::Restore);
    let effects = app.update(Action::Yes);
    let effects = journaled(&mut app, &effects[0], november(4));
    assert_eq!(app.records(ListKind::Removed).len(), n - 1);
    assert_eq!(
        run_filters(&mut app, &effects),
        1,
        "the rebuilt list's filter"
    );
    assert_eq!(
        shown(&app),
        n / 2 - 1,
        "the filter's people, less the one restored"
    );
}
