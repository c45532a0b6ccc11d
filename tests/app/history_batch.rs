//! The work-through in batches without a terminal: `open-batch` opens the next records not
//! done, one tab per profile, and journals those whose opener started; `done-opened` ticks
//! them after a confirm; the progress line's pace; the restore dialog past a week of
//! invitations.

use crate::drawing::draw;
use crate::history_fixtures::{
    december, history_app, journaled, removal, removals, sent_invitation, withdrawal, withdrawals,
};
use chrono::{DateTime, FixedOffset};
use insta::assert_snapshot;
use unconnect::app::history::{CONNECTIONS_PAGE, OpenTarget};
use unconnect::app::history_screen::WorkRules;
use unconnect::app::{
    Action, App, ConfirmAction, Effect, Event, ListKind, Mode, OpenOutcome, Tone, Written,
};
use unconnect::model::Person;
use unconnect::model::history::JournalAction;
use unconnect::model::history::{Record, Status};

const TODAY: u32 = 7;

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-12-{day:02}T{hour:02}:00:00.000+01:00")).unwrap()
}

fn person(i: usize) -> Person {
    Person {
        first_name: format!("Person{i:02}"),
        last_name: "Test".into(),
        url: format!("https://www.linkedin.com/in/person-{i:02}"),
        ..Default::default()
    }
}

/// `n` removed people, in list order; `with` adjusts a record by its row. A record's id
/// is its own even where two share a profile.
fn app_with(n: usize, with: impl Fn(usize, &mut Record)) -> App {
    let people: Vec<Person> = (0..n).map(person).collect();
    let list = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut r = removal(p, at(1, 9), "b1", Status::ToDo);
            r.id = format!("{}#{}", p.url, p.first_name).into();
            with(i, &mut r);
            r
        })
        .collect();
    history_app(people, [], removals(list), december(TODAY))
}

fn urls(effects: &[Effect]) -> Vec<String> {
    match effects {
        [Effect::OpenUrls(urls)] => urls.clone(),
        other => panic!("{other:?}"),
    }
}

fn all_opened(app: &mut App, urls: &[String]) -> Vec<Effect> {
    app.handle(Event::OpenedAll(
        urls.iter()
            .map(|u| (u.clone(), OpenOutcome::Opened))
            .collect(),
    ))
}

fn recorded(app: &mut App, effect: &Effect) {
    journaled(app, effect, at(TODAY, 15));
}

fn status_line(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

/// 25 people: row 1 done, row 2 verified, row 4 the same profile as row 3, row 5 with
/// no link.
fn mixed() -> App {
    app_with(25, |i, r| match i {
        1 => {
            r.state.status = Status::Done;
            r.state.done_at = Some(at(TODAY - 1, 12));
        }
        2 => r.state.status = Status::Verified,
        4 => {
            if let Some(p) = &mut r.person {
                std::sync::Arc::make_mut(p).url = person(3).url;
            }
        }
        5 => {
            if let Some(p) = &mut r.person {
                std::sync::Arc::make_mut(p).url = String::new();
            }
        }
        _ => {}
    })
}

fn url(i: usize) -> String {
    person(i).url
}

#[test]
fn open_batch_opens_the_next_ten_distinct_profiles_not_done_and_journals_them_opened() {
    let mut app = mixed();
    let first = urls(&app.update(Action::OpenBatch));
    // Done, verified, a profile already in the batch and one without a link pass by.
    let expected: Vec<String> = [0, 3, 6, 7, 8, 9, 10, 11, 12, 13].map(url).to_vec();
    assert_eq!(first, expected);
    let record = all_opened(&mut app, &first);
    assert_eq!(
        record,
        [Effect::Record {
            kind: ListKind::Removed,
            mark: JournalAction::Opened,
            ids: vec![0, 3, 6, 7, 8, 9, 10, 11, 12, 13],
        }]
    );
    recorded(&mut app, &record[0]);
    let said = status_line(&app);
    assert!(
        said.starts_with(
            "Opened 10 tabs: in each, More → Remove connection; then B ticks them all done."
        ),
        "{said}"
    );
    assert!(
        said.contains("1 without a LinkedIn link passed by"),
        "{said}"
    );
    assert!(said.contains("Who viewed your profile"), "{said}");
    let opened = app
        .records(ListKind::Removed)
        .iter()
        .filter(|r| r.status() == Status::Opened)
        .count();
    assert_eq!(opened, 10);

    // Ticked together after the confirm, the next batch goes on from there.
    app.update(Action::DoneOpened);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        app.dialog_text(&dialog.action).title,
        "Tick the 10 opened done on LinkedIn?"
    );
    let effects = app.update(Action::Yes);
    assert_eq!(
        effects,
        [Effect::Record {
            kind: ListKind::Removed,
            mark: JournalAction::Done,
            ids: vec![0, 3, 6, 7, 8, 9, 10, 11, 12, 13],
        }]
    );
    recorded(&mut app, &effects[0]);
    let second = urls(&app.update(Action::OpenBatch));
    let expected: Vec<String> = (14..24).map(url).collect();
    assert_eq!(second, expected);
}

#[test]
fn only_the_profiles_whose_opener_started_are_journaled_and_a_failure_is_said() {
    let mut app = mixed();
    let batch = urls(&app.update(Action::OpenBatch));
    let outcomes = vec![
        (batch[0].clone(), OpenOutcome::Opened),
        (batch[1].clone(), OpenOutcome::Opened),
        (
            batch[2].clone(),
            OpenOutcome::OnClipboard("xdg-open exited with code 3".into()),
        ),
    ];
    let effects = app.handle(Event::OpenedAll(outcomes));
    assert_eq!(
        effects,
        [Effect::Record {
            kind: ListKind::Removed,
            mark: JournalAction::Opened,
            ids: vec![0, 3],
        }]
    );
    recorded(&mut app, &effects[0]);
    let said = status_line(&app);
    assert!(
        said.contains("Opened 2 before the browser failed (xdg-open exited with code 3)"),
        "{said}"
    );
    assert!(said.contains(&batch[2]), "{said}");

    // No opener at all: nothing journaled.
    let mut app = mixed();
    let batch = urls(&app.update(Action::OpenBatch));
    let effects = app.handle(Event::OpenedAll(vec![(
        batch[0].clone(),
        OpenOutcome::OnClipboard("no xdg-open".into()),
    )]));
    assert_eq!(effects, []);
    assert!(status_line(&app).contains("on your clipboard"));
}

#[test]
fn the_batch_size_comes_from_the_rules_and_connections_page_mode_opens_the_page_once() {
    let mut app = mixed().with_work_rules(WorkRules {
        batch_size: 3,
        ..WorkRules::default()
    });
    assert_eq!(urls(&app.update(Action::OpenBatch)), [0, 3, 6].map(url));

    let mut app = mixed().with_open_target(OpenTarget::ConnectionsPage);
    let effects = app.update(Action::OpenBatch);
    let [Effect::Copy { text, .. }, Effect::OpenUrls(page)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(page, &[CONNECTIONS_PAGE.to_owned()]);
    assert!(
        text.starts_with("Person00 Test; Person03 Test; Person04 Test"),
        "{text}"
    );
    let record = all_opened(&mut app, page);
    let [Effect::Record { ids, .. }] = record.as_slice() else {
        panic!("{record:?}")
    };
    assert_eq!(ids.len(), 10, "one page for the whole batch");
}

#[test]
fn done_opened_with_nothing_opened_says_which_key_opens_a_batch() {
    let mut app = mixed();
    assert_eq!(app.update(Action::DoneOpened), []);
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(status_line(&app).contains("b opens the next ones"));
}

#[test]
fn the_done_opened_dialog_at_80_by_24() {
    let mut app = app_with(40, |i, r| {
        if i % 2 == 0 {
            r.state.status = Status::Opened;
            r.state.opened = true;
        }
    });
    app.update(Action::DoneOpened);
    assert!(matches!(
        app.mode(),
        Mode::Confirm(d) if matches!(d.action, ConfirmAction::DoneOpened { .. })
    ));
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_progress_line_says_done_today_and_when_the_rest_is_done_at_this_pace() {
    // No tick yet: no pace to speak of.
    let app = app_with(40, |_, _| {});
    assert_eq!(
        app.progress_line(ListKind::Removed),
        "0 of 40 done on LinkedIn (0 verified, 0 still connected)"
    );
    // 6 ticked yesterday, 4 today: 10 in two active days, 30 left at 5 a day.
    let app = app_with(40, |i, r| {
        if i < 10 {
            r.state.status = Status::Done;
            r.state.done_at = Some(at(if i < 6 { TODAY - 1 } else { TODAY }, 12));
        }
    });
    assert_eq!(
        app.progress_line(ListKind::Removed),
        "10 of 40 done on LinkedIn (0 verified, 0 still connected) · 4 today, ~6 days \
         left at this pace"
    );
}

#[test]
fn restoring_more_than_a_week_of_invitations_says_how_many_weeks_it_takes() {
    // Removed on LinkedIn: each needs a new invitation.
    let done = |_: usize, r: &mut Record| r.state.status = Status::Done;
    let warning = |app: &mut App| {
        app.update(Action::InvertMarks);
        app.update(Action::Restore);
        let Mode::Confirm(dialog) = app.mode() else {
            panic!("{:?}", app.mode())
        };
        app.dialog_text(&dialog.action)
            .after
            .into_iter()
            .find(|l| l.tone == Tone::Warning)
            .map(|l| l.text)
    };
    assert_eq!(warning(&mut app_with(100, done)), None, "a week's worth");
    let said = warning(&mut app_with(250, done)).unwrap();
    assert!(said.contains("about 100 a week"), "{said}");
    assert!(
        said.contains("inviting 250 again takes about 3 weeks"),
        "{said}"
    );
    // The rate is the user's setting.
    let mut app = app_with(250, done).with_work_rules(WorkRules {
        invitations_per_week: 50,
        ..WorkRules::default()
    });
    let said = warning(&mut app).unwrap();
    assert!(said.contains("about 5 weeks"), "{said}");
}

#[test]
fn a_batch_of_withdrawals_says_how_to_withdraw_and_its_page_mode_opens_the_sent_list() {
    let withdrawal = |i: usize| {
        let invitation = sent_invitation(
            &format!("Invitee {i}"),
            &format!("https://www.linkedin.com/in/invitee-{i}"),
        );
        withdrawal(invitation, &format!("inv{i}"), at(1, 9), "b1")
    };
    let build = |target: OpenTarget| {
        let history = withdrawals((0..3).map(withdrawal).collect());
        let mut app = history_app([person(0)], [], history, december(7)).with_open_target(target);
        app.update(Action::SwitchList);
        app
    };
    let mut app = build(OpenTarget::Profile);
    let batch = urls(&app.update(Action::OpenBatch));
    assert_eq!(batch.len(), 3);
    let record = all_opened(&mut app, &batch);
    recorded(&mut app, &record[0]);
    let said = status_line(&app);
    assert!(
        said.starts_with("Opened 3 tabs: in each, Pending → Withdraw"),
        "{said}"
    );
    assert!(!said.contains("Remove connection"), "{said}");

    let mut app = build(OpenTarget::ConnectionsPage);
    let effects = app.update(Action::OpenBatch);
    assert!(
        matches!(effects.as_slice(), [Effect::Copy { .. }, Effect::OpenUrls(page)]
            if page == &["https://www.linkedin.com/mynetwork/invitation-manager/sent/".to_owned()]),
        "{effects:?}"
    );
}

#[test]
fn no_to_the_done_opened_dialog_ticks_nothing() {
    let mut app = app_with(3, |_, r| r.state.status = Status::Opened);
    app.update(Action::DoneOpened);
    assert_eq!(app.update(Action::No), []);
    assert_eq!(app.mode(), &Mode::Browse);
    assert!(
        app.records(ListKind::Removed)
            .iter()
            .all(|r| r.status() == Status::Opened)
    );
}

#[test]
fn a_batch_whose_journaling_failed_leaves_no_word_for_the_next_open() {
    let mut app = mixed();
    let batch = urls(&app.update(Action::OpenBatch));
    let record = all_opened(&mut app, &batch);
    let Effect::Record { kind, mark, ids } = &record[0] else {
        panic!("{record:?}")
    };
    app.handle(Event::Written(Written::Recorded {
        kind: *kind,
        mark: *mark,
        ids: ids.clone(),
        result: Err(unconnect::store::StoreError::Io {
            path: "journal.jsonl".into(),
            source: std::io::Error::other("disk full"),
        }),
    }));
    // Enter opens one: the status line speaks of that one, not of the failed batch.
    let effects = app.update(Action::OpenNext);
    let [Effect::OpenUrl(url)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let record = app.handle(Event::Opened {
        url: url.clone(),
        outcome: OpenOutcome::Opened,
    });
    recorded(&mut app, &record[0]);
    let said = status_line(&app);
    assert!(said.starts_with("Opened Person"), "{said}");
    assert!(!said.contains("tabs"), "{said}");
}
