//! `s` opens a menu of the list's columns, the current one highlighted; `j` `k` `Enter`
//! or a column's own key pick one, `Esc` leaves the order as it was, and the cursor
//! stays on its person. On Connections and on History.

use crate::drawing::draw;
use crate::fixtures::{app_of, demo_app, today, with_pending};
use crate::history_fixtures::{history_app as with_history, november, removal, removals};
use crate::keys::press;
use chrono::NaiveDate;
use insta::assert_snapshot;
use unconnect::app::{App, ListKind, Mode, SortColumn};
use unconnect::model::Person;
use unconnect::model::history::Status;
use unconnect::model::triage::Side;

fn people() -> Vec<Person> {
    [
        ("Zed", "Adams", "Globex", 5),
        ("Amy", "Young", "Acme", 3),
        ("Max", "Moss", "Initech", 9),
        ("Bea", "Brown", "Umbrella", 1),
    ]
    .into_iter()
    .map(|(first, last, company, day)| Person {
        first_name: first.into(),
        last_name: last.into(),
        url: format!("https://www.linkedin.com/in/{}", first.to_lowercase()),
        company: company.into(),
        position: "Engineer".into(),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, day),
        ..Default::default()
    })
    .collect()
}

fn connections() -> App {
    app_of(people())
}

fn names(app: &App, kind: ListKind) -> Vec<String> {
    let triage = app.triage_of(kind).unwrap();
    triage
        .column(Side::Left)
        .shown()
        .iter()
        .map(|&id| app.item_name(kind, id))
        .collect()
}

fn cursor_name(app: &App, kind: ListKind) -> String {
    let triage = app.triage_of(kind).unwrap();
    let id = triage.column(Side::Left).current().unwrap();
    app.item_name(kind, id)
}

#[test]
fn s_opens_the_columns_with_the_current_one_highlighted_and_a_letter_picks_one() {
    let mut app = connections();
    assert_eq!(
        names(&app, ListKind::Connections)[0],
        "Max Moss",
        "newest first"
    );
    press(&mut app, "jj");
    let person = cursor_name(&app, ListKind::Connections);
    press(&mut app, "s");
    let (kind, columns, current) = app.sort_menu().unwrap();
    assert_eq!(kind, ListKind::Connections);
    assert_eq!(
        columns,
        [SortColumn::Name, SortColumn::Company, SortColumn::Date],
        "no signals column without messages"
    );
    assert_eq!(current, Some(SortColumn::Date));
    assert_eq!(*app.mode(), Mode::SortMenu { selected: 2 });

    press(&mut app, "c");
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(
        names(&app, ListKind::Connections),
        ["Amy Young", "Zed Adams", "Max Moss", "Bea Brown"],
        "by company: Acme, Globex, Initech, Umbrella"
    );
    assert_eq!(cursor_name(&app, ListKind::Connections), person);
    assert_eq!(
        app.status().unwrap().text,
        "Sorted by company; the cursor stays on its person (g: the top)"
    );
}

#[test]
fn j_k_and_enter_pick_the_highlighted_column_and_esc_keeps_the_order() {
    let mut app = connections();
    let before = names(&app, ListKind::Connections);
    press(&mut app, "skkk\x1b");
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(names(&app, ListKind::Connections), before, "Esc: as it was");

    press(&mut app, "skk");
    assert_eq!(*app.mode(), Mode::SortMenu { selected: 0 });
    // A key of a column this list has not: the menu stays open.
    press(&mut app, "t");
    assert_eq!(*app.mode(), Mode::SortMenu { selected: 0 });
    press(&mut app, "\n");
    assert_eq!(
        names(&app, ListKind::Connections),
        ["Zed Adams", "Bea Brown", "Max Moss", "Amy Young"],
        "by last name"
    );
    // S reverses it; picking the date again sorts newest first, forwards.
    press(&mut app, "S");
    assert_eq!(names(&app, ListKind::Connections)[0], "Amy Young");
    press(&mut app, "sd");
    assert_eq!(names(&app, ListKind::Connections), before);
    assert!(!app.triage().column(Side::Left).reversed);
}

/// The four people removed, one a day back from the 20th, each in another state; the
/// History tab shown.
fn history_app() -> App {
    let people = people();
    let statuses = [
        Status::Done,
        Status::ToDo,
        Status::StillThere,
        Status::Opened,
    ];
    let list = people
        .iter()
        .zip(statuses)
        .enumerate()
        .map(|(i, (p, status))| removal(p, november(20 - i as u32), "b", status))
        .collect();
    with_history(people, 0..4, removals(list), today())
}

#[test]
fn on_history_the_menu_sorts_by_status_removed_on_or_company() {
    let mut app = history_app();
    let newest = names(&app, ListKind::Removed);
    press(&mut app, "j");
    let person = cursor_name(&app, ListKind::Removed);
    press(&mut app, "s");
    let (_, columns, current) = app.sort_menu().unwrap();
    assert_eq!(
        columns,
        [
            SortColumn::Name,
            SortColumn::Company,
            SortColumn::Status,
            SortColumn::Date
        ]
    );
    assert_eq!(current, Some(SortColumn::Date));
    press(&mut app, "t");
    let by_status = names(&app, ListKind::Removed);
    assert_ne!(by_status, newest);
    assert_eq!(cursor_name(&app, ListKind::Removed), person);
    press(&mut app, "sc");
    assert_eq!(
        names(&app, ListKind::Removed),
        ["Amy Young", "Zed Adams", "Max Moss", "Bea Brown"]
    );
    assert_eq!(cursor_name(&app, ListKind::Removed), person);
    press(&mut app, "sd");
    assert_eq!(names(&app, ListKind::Removed), newest);
}

fn demo() -> App {
    demo_app(today())
}

#[test]
fn the_sort_menu_at_80_by_24() {
    let mut app = demo();
    press(&mut app, "sc");
    press(&mut app, "s");
    assert_eq!(*app.mode(), Mode::SortMenu { selected: 1 });
    press(&mut app, "j");
    let terminal = draw(&mut app, 80, 24);
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains("Sort by"), "{screen}");
    assert!(screen.contains("position · company ↓"), "{screen}");
    assert_snapshot!(terminal.backend());
}

#[test]
fn the_sort_menu_on_history_at_80_by_24() {
    let mut app = history_app();
    press(&mut app, "s");
    assert_snapshot!(draw(&mut app, 80, 24).backend());
}

/// Clicks where the screen drawn at `width`×30 shows `word` in the headings line.
fn click_heading(app: &mut App, width: u16, word: &str, nth: usize) {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let terminal = draw(app, width, 30);
    let buf = terminal.backend().buffer();
    let l = unconnect::ui::layout::layout(ratatui::layout::Rect::new(0, 0, width, 30), app);
    let y = l.columns[0].y + 1;
    let row: String = (0..width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect();
    let (at, _) = row.match_indices(word).nth(nth).expect(&row);
    // Cells, not bytes: the line has box-drawing characters before the word.
    let x = row[..at].chars().count() as u16 + 1;
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let action = unconnect::ui::layout::hit(&l, app, click).expect(&row);
    let _ = app.update(action);
}

#[test]
fn a_click_on_a_heading_sorts_by_it_and_a_second_click_reverses() {
    let mut app = connections();
    press(&mut app, "j");
    let person = cursor_name(&app, ListKind::Connections);
    click_heading(&mut app, 100, "company", 0);
    assert_eq!(
        names(&app, ListKind::Connections),
        ["Amy Young", "Zed Adams", "Max Moss", "Bea Brown"]
    );
    assert_eq!(cursor_name(&app, ListKind::Connections), person);
    click_heading(&mut app, 100, "company", 0);
    assert_eq!(
        names(&app, ListKind::Connections),
        ["Bea Brown", "Max Moss", "Zed Adams", "Amy Young"],
        "reversed"
    );
    click_heading(&mut app, 100, "name", 0);
    assert_eq!(names(&app, ListKind::Connections)[0], "Zed Adams");
    // The right column's heading sorts the right column, and focuses it.
    click_heading(&mut app, 100, "connected", 1);
    assert_eq!(app.triage().focus(), Side::Right);

    let mut history = history_app();
    click_heading(&mut history, 100, "status", 0);
    assert_eq!(
        history.status().unwrap().text,
        "Sorted by status; the cursor stays on its person (g: the top)",
        "History's headings sort too"
    );
}

#[test]
fn on_invitations_the_menu_has_the_name_and_the_sent_date() {
    let invitation = |to: &str, day: u32| unconnect::model::Invitation {
        from: "Sam Demo".into(),
        to: to.into(),
        sent_at: NaiveDate::from_ymd_opt(2026, 11, day).and_then(|d| d.and_hms_opt(9, 0, 0)),
        message: String::new(),
        direction: unconnect::model::Direction::Outgoing,
        inviter_url: "https://www.linkedin.com/in/sam-demo".into(),
        invitee_url: format!("https://www.linkedin.com/in/{}", to.to_lowercase()),
    };
    let pending = unconnect::model::pending::Pending {
        items: vec![
            invitation("Bo", 20),
            invitation("Al", 10),
            invitation("Cy", 15),
        ],
        incoming: 0,
        accepted: 0,
    };
    let mut app = with_pending(connections(), pending);
    press(&mut app, "2j");
    let person = cursor_name(&app, ListKind::Invitations);
    press(&mut app, "s");
    let (kind, columns, current) = app.sort_menu().unwrap();
    assert_eq!(columns, [SortColumn::Name, SortColumn::Date]);
    assert_eq!(current, Some(SortColumn::Date));
    assert_eq!(SortColumn::Date.label(kind), "sent");
    press(&mut app, "n");
    assert_eq!(names(&app, ListKind::Invitations), ["Al", "Bo", "Cy"]);
    assert_eq!(cursor_name(&app, ListKind::Invitations), person);
}

/// The heading row of a list drawn `width` wide (the third line of the screen).
fn heading_row(app: &mut App, width: u16) -> String {
    let terminal = draw(app, width, 20);
    let buf = terminal.backend().buffer();
    (0..width)
        .map(|x| buf[(x, 3)].symbol().to_owned())
        .collect::<String>()
}

#[test]
fn a_sorted_heading_stays_over_its_field_and_its_arrow_does_not_touch_the_one_before() {
    let mut app = history_app();
    let before = heading_row(&mut app, 100);
    let status_at = before.find("status").unwrap();
    press(&mut app, "st");
    let sorted = heading_row(&mut app, 100);
    assert_eq!(
        sorted.find("status ↓"),
        Some(status_at),
        "{before}\n{sorted}"
    );
    assert!(sorted.contains(" removed on"), "{sorted}");
}
