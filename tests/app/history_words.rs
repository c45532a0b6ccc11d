//! What History says is true of each record: a restore speaks of a new invitation only
//! for those removed (withdrawn) on LinkedIn, and the Withdrawn list is worded as
//! invitations, in its dialogs and its sort menu.

use chrono::{DateTime, FixedOffset, NaiveDate};
use unconnect::app::history_screen::WorkRules;
use unconnect::app::{Action, App, Effect, ListKind, Mode, Tone, Written};
use unconnect::model::history::{History, Kind, Record, State, Status};
use unconnect::model::invitation::Direction;
use unconnect::model::roster::people_triage;
use unconnect::model::triage::Place;
use unconnect::model::{Invitation, People, Person};
use unconnect::store::journal;

fn at(day: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T10:00:00.000+01:00")).unwrap()
}

fn person(i: usize) -> Person {
    Person {
        first_name: format!("P{i:03}"),
        last_name: "Test".into(),
        url: format!("https://www.linkedin.com/in/p-{i:03}"),
        email: if i.is_multiple_of(2) {
            format!("p{i}@example.com")
        } else {
            String::new()
        },
        company: if i.is_multiple_of(3) {
            "Acme"
        } else {
            "Flowright"
        }
        .into(),
        position: if i.is_multiple_of(2) {
            "Dentist"
        } else {
            "Baker"
        }
        .into(),
        ..Default::default()
    }
}

fn state(status: Status) -> State {
    State {
        status,
        opened: status != Status::ToDo,
        done_at: None,
        checked: None,
    }
}

fn removal(p: &Person, day: u32, status: Status) -> Record {
    Record {
        kind: Kind::Removal,
        id: p.url.as_str().into(),
        at: at(day),
        batch: format!("b{day}").into(),
        state: state(status),
        person: Some(p.clone().into()),
        invitation: None,
    }
}

fn withdrawal(i: usize, day: u32, status: Status) -> Record {
    let invitation = Invitation {
        from: "Me".into(),
        to: format!("W{i:03} Wu"),
        sent_at: None,
        message: format!("hello number {i}"),
        direction: Direction::Outgoing,
        inviter_url: String::new(),
        invitee_url: format!("https://www.linkedin.com/in/w-{i:03}"),
    };
    Record {
        kind: Kind::Withdrawal,
        id: format!("w{i}").into(),
        at: at(day),
        batch: format!("w{day}").into(),
        state: state(status),
        person: None,
        invitation: Some(invitation.into()),
    }
}

/// History with removals and withdrawals of these statuses, newest first; the removed
/// are in the export, done.
fn app(removed: &[Status], withdrawn: &[Status]) -> App {
    let people: Vec<Person> = (0..removed.len()).map(person).collect();
    let day = |i: usize| 28 - (i % 20) as u32;
    let history = History {
        removals: people
            .iter()
            .zip(removed)
            .enumerate()
            .map(|(i, (p, &s))| removal(p, day(i), s))
            .collect(),
        withdrawals: withdrawn
            .iter()
            .enumerate()
            .map(|(i, &s)| withdrawal(i, day(i), s))
            .collect(),
    };
    let export: People = people.into_iter().collect();
    let mut triage = people_triage(&export);
    triage.restore((0..removed.len() as u32).map(|i| (i, Place::Done)));
    let mut app = App::new(
        export,
        triage,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    )
    .with_history(history);
    app.update(Action::HistoryTab);
    app
}

/// Everyone shown marked, `r`: the dialog's words after the names, and its warning.
fn restore_dialog(app: &mut App) -> (String, Option<String>) {
    app.update(Action::InvertMarks);
    app.update(Action::Restore);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    let after = app.dialog_text(&dialog.action).after;
    let hints: Vec<String> = after
        .iter()
        .filter(|l| l.tone == Tone::Hint)
        .map(|l| l.text.clone())
        .collect();
    let warning = after
        .into_iter()
        .find(|l| l.tone == Tone::Warning)
        .map(|l| l.text);
    (hints.join(" "), warning)
}

/// Yes, and the writer hands back the restore journaled: the status line then.
fn restore_yes(app: &mut App) -> String {
    let effects = app.update(Action::Yes);
    let [Effect::Record { kind, mark, ids }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let records = app.records(*kind);
    let entries = journal::status_entries(
        ids.iter().map(|&id| records[id as usize].id.as_str()),
        *mark,
        at(30),
    );
    app.handle(unconnect::app::Event::Written(Written::Recorded {
        kind: *kind,
        mark: *mark,
        ids: ids.clone(),
        result: Ok(entries),
    }));
    app.status().unwrap().text.clone()
}

use Status::{Done, Opened, StillThere, ToDo, Verified};

#[test]
fn restoring_people_still_connected_on_linkedin_asks_no_invitation() {
    let mut app = app(&[ToDo, StillThere], &[]);
    let (said, warning) = restore_dialog(&mut app);
    assert!(!said.contains("invitation"), "{said}");
    assert!(
        said.contains("They are still connected on LinkedIn: nothing to do there."),
        "{said}"
    );
    assert_eq!(warning, None);
    let status = restore_yes(&mut app);
    assert!(status.starts_with("Restored 2."), "{status}");
    assert!(!status.contains("invitation"), "{status}");
}

#[test]
fn a_mixed_restore_says_what_linkedin_needs_for_each_status() {
    let mut app = app(&[Done, Verified, Done, ToDo, StillThere, Opened], &[]);
    let (said, _) = restore_dialog(&mut app);
    assert!(
        said.starts_with("They return to your connections here."),
        "{said}"
    );
    assert!(
        said.contains(
            "3 were removed on LinkedIn: a new invitation is needed, which they will see."
        ),
        "{said}"
    );
    assert!(said.contains("2 are still connected on LinkedIn"), "{said}");
    assert!(
        said.contains("1 was opened, not ticked done: if removed on LinkedIn"),
        "{said}"
    );
    let status = restore_yes(&mut app);
    assert!(
        status.contains("3 need a new invitation on LinkedIn"),
        "{status}"
    );
    assert!(
        status.contains("2 are still connected on LinkedIn"),
        "{status}"
    );
}

#[test]
fn the_weeks_of_invitations_count_only_those_removed_on_linkedin() {
    // 250 restored, 60 of them removed there: well within a week.
    let statuses: Vec<Status> = (0..250).map(|i| if i < 60 { Done } else { ToDo }).collect();
    let (_, warning) = restore_dialog(&mut app(&statuses, &[]));
    assert_eq!(warning, None);
    let statuses: Vec<Status> = (0..250)
        .map(|i| if i < 150 { Done } else { ToDo })
        .collect();
    let mut app = app(&statuses, &[]).with_work_rules(WorkRules {
        invitations_per_week: 50,
        ..WorkRules::default()
    });
    let warning = restore_dialog(&mut app).1.unwrap();
    assert!(
        warning.contains("inviting 150 again takes about 3 weeks"),
        "{warning}"
    );
}

#[test]
fn a_withdrawal_restore_says_the_same_in_invitation_words() {
    let mut app = app(&[], &[Done, ToDo, StillThere]);
    app.update(Action::SwitchList);
    assert_eq!(app.list(), Some(ListKind::Withdrawn));
    let (said, _) = restore_dialog(&mut app);
    assert!(said.starts_with("They return as pending here."), "{said}");
    assert!(
        said.contains("1 was withdrawn on LinkedIn: LinkedIn lets you invite them again after"),
        "{said}"
    );
    assert!(
        said.contains("2 are still pending on LinkedIn: nothing to do there."),
        "{said}"
    );
    assert!(!said.contains("connection"), "{said}");
}

/// The sort menu's entries as it draws them: key and heading.
fn sort_entries(app: &App) -> Vec<String> {
    let (kind, columns, _) = app.sort_menu().unwrap();
    columns
        .iter()
        .map(|c| format!("{} {}", app.keymap().key_of(c.action()), c.label(kind)))
        .collect()
}

#[test]
fn the_withdrawn_sort_menu_offers_its_own_columns_by_their_headings() {
    let mut app = app(&[ToDo], &[ToDo, Done]);
    assert_eq!(
        sort_entries(&app),
        ["n name", "c company", "t status", "d removed on"]
    );
    app.update(Action::SwitchList);
    assert_eq!(sort_entries(&app), ["n name", "t status", "d withdrawn on"]);
    // A company key there sorts nothing and says nothing of a company.
    app.update(Action::Sort);
    app.update(Action::SortByCompany);
    assert!(
        matches!(app.mode(), Mode::SortMenu { .. }),
        "the menu stays"
    );
    assert!(
        app.status().is_none_or(|s| !s.text.contains("company")),
        "{:?}",
        app.status()
    );
}

/// `D` on the list shown: the dialog's hint after the names.
fn mark_done_hint(app: &mut App) -> String {
    app.update(Action::DoneAll);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    let text = app.dialog_text(&dialog.action);
    app.update(Action::No);
    text.after
        .iter()
        .filter(|l| l.tone == Tone::Hint)
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn marking_withdrawals_done_speaks_of_invitations_withdrawn() {
    let mut app = app(&[ToDo], &[ToDo, Opened]);
    assert_eq!(
        mark_done_hint(&mut app),
        "For people removed on LinkedIn another way. A newer export verifies it."
    );
    app.update(Action::SwitchList);
    let hint = mark_done_hint(&mut app);
    assert_eq!(
        hint,
        "For invitations withdrawn on LinkedIn another way. A newer export verifies it."
    );
    // `B`: the opened ones, withdrawn in the browser tabs.
    app.update(Action::DoneOpened);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    let said: Vec<String> = app
        .dialog_text(&dialog.action)
        .after
        .into_iter()
        .map(|l| l.text)
        .collect();
    let said = said.join(" ");
    assert!(said.contains("Withdrawn in the browser tabs?"), "{said}");
    assert!(!said.contains("Removed"), "{said}");
}

#[test]
fn a_batch_of_withdrawals_without_links_points_at_the_sent_invitations_page() {
    let mut app = app(&[], &[ToDo]);
    app.update(Action::SwitchList);
    // An invitation whose profile link the export left out.
    let mut records = app.records(ListKind::Withdrawn).to_vec();
    let mut invitation = (**records[0].invitation.as_ref().unwrap()).clone();
    invitation.invitee_url = String::new();
    records[0].invitation = Some(invitation.into());
    let mut app = app.with_history(History {
        removals: Vec::new(),
        withdrawals: records,
    });
    assert_eq!(app.update(Action::OpenBatch), vec![]);
    let said = &app.status().unwrap().text;
    assert!(
        said.contains("Enter opens the Sent invitations page"),
        "{said}"
    );
}

#[test]
fn undo_after_a_confirmed_removal_says_history_restores() {
    let mut app = app(&[ToDo], &[]);
    app.update(Action::ConnectionsTab);
    app.update(Action::Undo);
    assert_eq!(
        app.status().unwrap().text,
        "A confirmed removal is undone from History: 3, then r restores."
    );
    // Nobody removed, here or in History: nothing to say but that.
    let mut app = self::app(&[], &[]);
    app.update(Action::ConnectionsTab);
    app.update(Action::Undo);
    assert_eq!(app.status().unwrap().text, "Nothing to undo");
}

/// `/`, the text, kept: who is shown, or the hint of a filter refused.
fn filtered(app: &mut App, text: &str) -> Result<Vec<String>, String> {
    app.update(Action::Filter);
    app.update(Action::Edit(unconnect::app::Edit::DeleteLine));
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    let kind = app.list().unwrap();
    let column = app
        .triage_of(kind)
        .unwrap()
        .column(unconnect::model::triage::Side::Left);
    if let Some(error) = column.filter_error() {
        return Err(error.hint.clone());
    }
    let records = app.records(kind);
    Ok(column
        .shown()
        .iter()
        .map(|&id| records[id as usize].name())
        .collect())
}

#[test]
fn history_filters_by_company_position_email_and_its_own_date() {
    // P000 Acme dentist with an address, removed 28 Nov; P001 Flowright baker, none,
    // 27 Nov; P002 Flowright dentist, address, 26 Nov; P003 Acme baker, 25 Nov.
    let mut app = app(&[ToDo, Done, ToDo, Verified], &[ToDo, Done]);
    let names = |v: &[&str]| -> Result<Vec<String>, String> {
        Ok(v.iter().map(|n| format!("{n} Test")).collect())
    };
    assert_eq!(filtered(&mut app, "company:acme"), names(&["P000", "P003"]));
    assert_eq!(
        filtered(&mut app, "-company:acme"),
        names(&["P001", "P002"])
    );
    assert_eq!(
        filtered(&mut app, "position:dentist"),
        names(&["P000", "P002"])
    );
    assert_eq!(filtered(&mut app, "email"), names(&["P000", "P002"]));
    assert_eq!(filtered(&mut app, "-email"), names(&["P001", "P003"]));
    assert_eq!(filtered(&mut app, "removed:2026-11-27"), names(&["P001"]));
    assert_eq!(
        filtered(&mut app, "removed:<2026-11-27 status:verified"),
        names(&["P003"])
    );
    // A plain word still finds the company.
    assert_eq!(filtered(&mut app, "acme"), names(&["P000", "P003"]));
    // The connection date is not History's: the hint names the term that is.
    assert_eq!(
        filtered(&mut app, "connected:2024"),
        Err("connected: not in this list; write removed: instead".to_owned())
    );
    app.update(Action::ClearFilter);
    app.update(Action::SwitchList);
    assert_eq!(
        filtered(&mut app, "withdrawn:2026-11-27"),
        Ok(vec!["W001 Wu".to_owned()])
    );
    assert_eq!(
        filtered(&mut app, "removed:2026-11"),
        Err("removed: not in this list; write withdrawn: instead".to_owned())
    );
    // An invitation carries no company or address: refused, saying so.
    for term in ["company:acme", "email"] {
        let hint = filtered(&mut app, term).unwrap_err();
        assert!(hint.contains("invitations have none"), "{term}: {hint}");
    }
}

#[test]
fn the_withdrawn_list_at_80_by_24() {
    let mut app = app(&[], &[ToDo, Done]);
    app.update(Action::SwitchList);
    let screen = format!("{}", crate::drawing::draw(&mut app, 80, 24).backend());
    // The date's heading with its arrow stays clear of the status heading.
    assert!(screen.contains("status    withdrawn ↓"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_mixed_restore_dialog_at_80_by_24() {
    let mut app = app(&[Done, Verified, ToDo, StillThere, Opened, Done, ToDo], &[]);
    restore_dialog(&mut app);
    let screen = format!("{}", crate::drawing::draw(&mut app, 80, 24).backend());
    // Every group's words are shown whole, down to the keys under them.
    for said in [
        "removed on LinkedIn",
        "still connected on LinkedIn",
        "nothing to do.",
    ] {
        assert!(screen.contains(said), "{said}: {screen}");
    }
    insta::assert_snapshot!(screen);
}
