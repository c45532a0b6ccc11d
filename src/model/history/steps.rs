//! Tests: events written the short way, `(day, Step::Done)`, turned into [`Event`]s.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Event, ExportDate, JournalAction, Kind};
use crate::model::{Identity, Invitation, Person};

#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Remove(Option<&'a Arc<Person>>),
    Withdraw(Option<&'a Arc<Invitation>>),
    Restore,
    Opened,
    Done,
    Undone,
    Verified {
        kind: Kind,
        export: NaiveDate,
    },
    StillThere {
        kind: Kind,
        export: NaiveDate,
        taken: Option<DateTime<FixedOffset>>,
    },
}

/// The event of `step` on `id`, at `at`, in `batch`. The identity lives as long as the
/// test (a few bytes per event, in tests alone).
pub fn ev<'a>(at: DateTime<FixedOffset>, batch: &str, id: &str, step: Step<'a>) -> Event<'a> {
    let id: &'a Identity = Box::leak(Box::new(Identity::from(id)));
    let batch: &'a Arc<str> = Box::leak(Box::new(Arc::from(batch)));
    let action = |a| Event::new(at, batch, id, a);
    let found = |kind, gone, export, taken| Event {
        export: Some(ExportDate { day: export, taken }),
        ..action(JournalAction::of_finding(kind, gone))
    };
    match step {
        Step::Remove(person) => Event {
            person,
            ..action(JournalAction::Remove)
        },
        Step::Withdraw(invitation) => Event {
            invitation,
            ..action(JournalAction::Withdraw)
        },
        Step::Restore => action(JournalAction::Restore),
        Step::Opened => action(JournalAction::Opened),
        Step::Done => action(JournalAction::Done),
        Step::Undone => action(JournalAction::Undone),
        Step::Verified { kind, export } => found(kind, true, export, None),
        Step::StillThere {
            kind,
            export,
            taken,
        } => found(kind, false, export, taken),
    }
}
