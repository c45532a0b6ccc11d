use super::steps::{Step, ev};
use super::*;
use chrono::TimeZone;

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn ada() -> Arc<Person> {
    Arc::new(Person {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        url: "https://www.linkedin.com/in/ada".into(),
        email: "ada@example.com".into(),
        company: "Engines".into(),
        ..Default::default()
    })
}

/// Events for one identity `ada`, each `(day, step)` at noon.
fn replay(steps: &[(u32, Step<'_>)]) -> History {
    History::build(
        steps
            .iter()
            .map(|&(d, step)| ev(at(d, 12), "b", "ada", step)),
    )
}

fn status(steps: &[(u32, Step<'_>)]) -> Option<Status> {
    replay(steps).removals.first().map(Record::status)
}

const R: Kind = Kind::Removal;

#[test]
fn a_removal_starts_to_do_and_is_worked_through() {
    let p = ada();
    let remove = (1, Step::Remove(Some(&p)));
    assert_eq!(status(&[remove]), Some(Status::ToDo));
    assert_eq!(status(&[remove, (2, Step::Opened)]), Some(Status::Opened));
    let done = [remove, (2, Step::Opened), (2, Step::Done)];
    assert_eq!(status(&done), Some(Status::Done));
    let undone = [
        remove,
        (2, Step::Opened),
        (2, Step::Done),
        (3, Step::Undone),
    ];
    assert_eq!(status(&undone), Some(Status::Opened), "back to opened");
    assert_eq!(
        status(&[remove, (2, Step::Done), (3, Step::Undone)]),
        Some(Status::ToDo),
        "never opened: back to to do"
    );
    let history = replay(&done);
    let record = &history.removals[0];
    assert_eq!(record.name(), "Ada Lovelace");
    assert_eq!(record.email(), "ada@example.com");
    assert_eq!(record.url(), "https://www.linkedin.com/in/ada");
    assert_eq!(record.removed_on(), day(1));
}

#[test]
fn an_export_newer_than_the_removal_verifies_or_finds_them_still_connected() {
    let p = ada();
    let remove = (1, Step::Remove(Some(&p)));
    let gone = Step::Verified {
        kind: R,
        export: day(5),
    };
    let there = Step::StillThere {
        kind: R,
        export: day(5),
        taken: None,
    };
    assert_eq!(status(&[remove, (6, gone)]), Some(Status::Verified));
    assert_eq!(status(&[remove, (6, there)]), Some(Status::StillThere));
    // A newer export wins over an older one, whatever order they were checked in.
    let later_gone = Step::Verified {
        kind: R,
        export: day(9),
    };
    assert_eq!(
        status(&[remove, (6, there), (10, later_gone)]),
        Some(Status::Verified)
    );
    assert_eq!(
        status(&[remove, (10, later_gone), (11, there)]),
        Some(Status::Verified),
        "an older export checked later changes nothing"
    );
}

#[test]
fn an_export_older_than_the_removal_changes_nothing() {
    let p = ada();
    let remove = (10, Step::Remove(Some(&p)));
    let old_there = Step::StillThere {
        kind: R,
        export: day(5),
        taken: None,
    };
    let old_gone = Step::Verified {
        kind: R,
        export: day(5),
    };
    assert_eq!(status(&[remove, (11, old_there)]), Some(Status::ToDo));
    assert_eq!(status(&[remove, (11, old_gone)]), Some(Status::ToDo));
    // And `verify` does not even propose it.
    let history = replay(&[remove]);
    let export = ExportDate {
        day: day(5),
        taken: None,
    };
    let v = verify(&history, &export, |_, _| Some(true));
    assert!(v.findings.is_empty());
    assert_eq!(v.too_recent, 1);
}

#[test]
fn the_export_of_the_removals_own_day_says_nothing_unless_its_time_is_known() {
    let removed = at(10, 12);
    let same_day = ExportDate {
        day: day(10),
        taken: None,
    };
    assert!(
        !same_day.is_after(removed),
        "maybe the export it was removed from"
    );
    let later_that_day = ExportDate {
        day: day(10),
        taken: Some(at(10, 18)),
    };
    assert!(later_that_day.is_after(removed));
    let earlier_that_day = ExportDate {
        day: day(10),
        taken: Some(at(10, 8)),
    };
    assert!(!earlier_that_day.is_after(removed));
    assert!(
        ExportDate {
            day: day(11),
            taken: None
        }
        .is_after(removed)
    );
}

#[test]
fn restore_ends_a_removal_and_a_later_remove_starts_afresh() {
    let p = ada();
    let verified = Step::Verified {
        kind: R,
        export: day(3),
    };
    let restored = replay(&[
        (1, Step::Remove(Some(&p))),
        (4, verified),
        (5, Step::Restore),
    ]);
    assert!(
        restored.removals.is_empty(),
        "verified then restored: not in force"
    );
    let again = replay(&[
        (1, Step::Remove(Some(&p))),
        (2, Step::Done),
        (4, verified),
        (5, Step::Restore),
        (7, Step::Remove(Some(&p))),
    ]);
    assert_eq!(again.removals.len(), 1);
    let record = &again.removals[0];
    assert_eq!(record.status(), Status::ToDo, "fresh status");
    assert_eq!(record.removed_on(), day(7));
    assert_eq!(record.state.checked, None);
    assert!(record.state.done_at.is_none());
    // The old verification (export of day 3) says nothing about the new removal.
    let stale = Step::Verified {
        kind: R,
        export: day(3),
    };
    assert_eq!(
        status(&[
            (1, Step::Remove(Some(&p))),
            (5, Step::Restore),
            (7, Step::Remove(Some(&p))),
            (8, stale)
        ]),
        Some(Status::ToDo)
    );
}

#[test]
fn still_connected_does_not_overrule_a_tick_made_after_the_export() {
    let p = ada();
    let remove = (1, Step::Remove(Some(&p)));
    let export_3 = Step::StillThere {
        kind: R,
        export: day(3),
        taken: None,
    };
    // Ticked on day 4, then the day-3 export (taken before the tick) is opened.
    assert_eq!(
        status(&[remove, (4, Step::Done), (6, export_3)]),
        Some(Status::Done)
    );
    // An export taken after the tick still listing them: LinkedIn disagrees.
    let export_8 = Step::StillThere {
        kind: R,
        export: day(8),
        taken: None,
    };
    assert_eq!(
        status(&[remove, (4, Step::Done), (9, export_8)]),
        Some(Status::StillThere)
    );
    // Ticking and unticking never touch what an export verified.
    let gone = Step::Verified {
        kind: R,
        export: day(3),
    };
    assert_eq!(
        status(&[remove, (4, gone), (5, Step::Done), (6, Step::Undone)]),
        Some(Status::Verified)
    );
    // Still connected, then opened again to finish the job.
    assert_eq!(
        status(&[remove, (4, export_3), (5, Step::Opened)]),
        Some(Status::Opened)
    );
}

#[test]
fn withdrawals_follow_the_same_rules_and_findings_stay_in_their_list() {
    let inv = Arc::new(Invitation {
        from: "Me".into(),
        to: "Bob".into(),
        sent_at: None,
        message: String::new(),
        direction: crate::model::Direction::Outgoing,
        inviter_url: String::new(),
        invitee_url: "https://www.linkedin.com/in/bob".into(),
    });
    let w = Kind::Withdrawal;
    let events = [
        (1, Step::Withdraw(Some(&inv))),
        // A removal's finding for the same identity is not the withdrawal's.
        (
            5,
            Step::Verified {
                kind: R,
                export: day(4),
            },
        ),
    ];
    let history = replay(&events);
    assert_eq!(history.withdrawals[0].status(), Status::ToDo);
    assert_eq!(history.withdrawals[0].name(), "Bob");
    assert_eq!(
        history.withdrawals[0].url(),
        "https://www.linkedin.com/in/bob"
    );
    let pending = Step::StillThere {
        kind: w,
        export: day(4),
        taken: None,
    };
    let history = replay(&[events[0], (5, pending)]);
    assert_eq!(history.withdrawals[0].status(), Status::StillThere);
    assert_eq!(Status::StillThere.label(w), "still pending");
    assert_eq!(Status::StillThere.label(R), "still connected");
    let history = replay(&[events[0], (5, pending), (6, Step::Restore)]);
    assert!(history.withdrawals.is_empty());
}

#[test]
fn verify_proposes_only_what_changes_a_status_and_counts_it() {
    let people: Vec<Arc<Person>> = (0..4)
        .map(|i| {
            Arc::new(Person {
                first_name: format!("P{i}"),
                url: format!("u{i}"),
                ..Default::default()
            })
        })
        .collect();
    let mut events: Vec<Event> = people
        .iter()
        .map(|p| ev(at(1, 12), "b", &p.url, Step::Remove(Some(p))))
        .collect();
    // u0 was verified by an earlier export already.
    events.push(ev(
        at(3, 12),
        "c",
        "u0",
        Step::Verified {
            kind: R,
            export: day(2),
        },
    ));
    let history = History::build(events);
    let export = ExportDate {
        day: day(5),
        taken: None,
    };
    // u0 and u1 gone, u2 and u3 still there.
    let v = verify(&history, &export, |kind, i| {
        Some(matches!(history.list(kind)[i].id.as_str(), "u2" | "u3"))
    });
    let mut ids: Vec<&str> = v.findings.iter().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["u1", "u2", "u3"],
        "u0 is verified already: no new entry"
    );
    assert_eq!((v.removals_verified, v.removals_still_connected), (1, 2));
    // Applying the findings in place is the same as replaying them from the journal.
    let mut applied = history.clone();
    applied.apply(&v.findings, &export, at(6, 12));
    let mut replayed_events: Vec<Event> = people
        .iter()
        .map(|p| ev(at(1, 12), "b", &p.url, Step::Remove(Some(p))))
        .collect();
    replayed_events.push(ev(
        at(3, 12),
        "c",
        "u0",
        Step::Verified {
            kind: R,
            export: day(2),
        },
    ));
    let d: Arc<str> = Arc::from("d");
    replayed_events.extend(v.findings.iter().map(|f| f.event(&export, at(6, 12), &d)));
    assert_eq!(applied, History::build(replayed_events));
    // No Invitations.csv: nothing said about withdrawals, and nothing found.
    let none = verify(&History::default(), &export, |_, _| None);
    assert_eq!(none, Verification::default());
}

#[test]
fn findings_out_of_the_lists_order_or_of_no_record_apply_as_they_replay() {
    let people: Vec<Arc<Person>> = (0..4)
        .map(|i| {
            Arc::new(Person {
                url: format!("u{i}"),
                ..Default::default()
            })
        })
        .collect();
    let removals = people
        .iter()
        .map(|p| ev(at(1, 12), "b", &p.url, Step::Remove(Some(p))));
    let mut events: Vec<Event> = removals.collect();
    let finding = |id: &str, gone| Finding {
        kind: R,
        id: id.into(),
        gone,
    };
    // The list is newest first: u3 u2 u1 u0. These come in another order.
    let findings = [
        finding("u1", true),
        finding("u3", false),
        finding("nobody", true),
        finding("u0", true),
    ];
    let mut applied = History::build(events.clone());
    applied.apply(
        &findings,
        &ExportDate {
            day: day(5),
            taken: None,
        },
        at(6, 12),
    );
    let export = ExportDate {
        day: day(5),
        taken: None,
    };
    let d: Arc<str> = Arc::from("d");
    events.extend(findings.iter().map(|f| f.event(&export, at(6, 12), &d)));
    assert_eq!(applied, History::build(events));
    let status = |id| applied.find(R, id).map(Record::status);
    assert_eq!(status("u0"), Some(Status::Verified));
    assert_eq!(status("u2"), Some(Status::ToDo));
    assert_eq!(status("u3"), Some(Status::StillThere));
}

#[test]
fn progress_counts_done_and_verified_as_done_on_linkedin_and_lists_newest_first() {
    let people: Vec<Arc<Person>> = (0..5)
        .map(|i| {
            Arc::new(Person {
                first_name: format!("P{i}"),
                url: format!("u{i}"),
                ..Default::default()
            })
        })
        .collect();
    let mut events: Vec<Event> = people
        .iter()
        .enumerate()
        .map(|(i, p)| ev(at(1 + i as u32, 12), "b", &p.url, Step::Remove(Some(p))))
        .collect();
    let mut mark = |id: &'static str, step| {
        events.push(ev(at(20, 12), "s", id, step));
    };
    mark("u0", Step::Done);
    mark(
        "u1",
        Step::Verified {
            kind: R,
            export: day(19),
        },
    );
    mark(
        "u2",
        Step::StillThere {
            kind: R,
            export: day(19),
            taken: None,
        },
    );
    mark("u3", Step::Opened);
    let history = History::build(events);
    let p = history.progress(R);
    assert_eq!(
        (
            p.total,
            p.to_do,
            p.opened,
            p.done,
            p.verified,
            p.still_there
        ),
        (5, 1, 1, 1, 1, 1)
    );
    assert_eq!(p.done_on_linkedin(), 2);
    assert_eq!(
        p.line(R),
        "2 of 5 done on LinkedIn (1 verified, 1 still connected)"
    );
    let order: Vec<&str> = history.removals.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, ["u4", "u3", "u2", "u1", "u0"]);
    assert_eq!(
        history.find(R, "u1").map(Record::status),
        Some(Status::Verified)
    );
}
