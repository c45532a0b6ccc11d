//! The filter and the export prompt edit like a line editor: keys as the terminal sends
//! them, through the keymap, into the app.

use unconnect::app::{Action, App, Event, Key, Mode};
use unconnect::model::triage::Side;

fn app() -> App {
    crate::fixtures::numbered_app(6)
}

/// Presses keys written as the config writes them (`Left`, `ctrl-w`, `a`).
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let key: Key = k.parse().unwrap();
        if let Some(action) = app.keymap().action_for(app.context(), key) {
            app.handle(Event::Action(action));
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Event::Action(Action::Input(c)));
    }
}

fn filter(app: &App) -> &str {
    &app.triage().column(Side::Left).filter
}

#[test]
fn left_then_typing_inserts_in_the_middle() {
    let mut app = app();
    press(&mut app, &["/"]);
    type_text(&mut app, "plain");
    press(&mut app, &["Left", "Left"]);
    type_text(&mut app, "X");
    assert_eq!(filter(&app), "plaXin");
    press(&mut app, &["Home"]);
    type_text(&mut app, "-");
    press(&mut app, &["End"]);
    type_text(&mut app, "!");
    assert_eq!(filter(&app), "-plaXin!");
    assert_eq!(app.line_cursor(), 8);
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_u_the_line_and_the_rows_follow() {
    let mut app = app();
    press(&mut app, &["/"]);
    type_text(&mut app, "acme zzz");
    assert_eq!(app.triage().column(Side::Left).shown().len(), 0);
    press(&mut app, &["ctrl-w"]);
    assert_eq!(filter(&app), "acme ");
    assert_eq!(app.triage().column(Side::Left).shown().len(), 3);
    press(&mut app, &["ctrl-u"]);
    assert_eq!(filter(&app), "");
    assert_eq!(app.triage().column(Side::Left).shown().len(), 6);
}

#[test]
fn up_and_down_bring_back_the_filters_of_this_session() {
    let mut app = app();
    for f in ["acme", "globex"] {
        press(&mut app, &["/", "ctrl-u"]);
        type_text(&mut app, f);
        press(&mut app, &["Enter"]);
    }
    press(&mut app, &["/", "ctrl-u"]);
    type_text(&mut app, "first1");
    press(&mut app, &["Up"]);
    assert_eq!(filter(&app), "globex");
    assert_eq!(app.triage().column(Side::Left).shown().len(), 3);
    press(&mut app, &["Up"]);
    assert_eq!(filter(&app), "acme");
    press(&mut app, &["Down", "Down"]);
    assert_eq!(filter(&app), "first1");
}

#[test]
fn a_paste_goes_in_at_the_cursor_without_its_controls() {
    let mut app = app();
    press(&mut app, &["/"]);
    type_text(&mut app, "me");
    press(&mut app, &["Home"]);
    app.handle(Event::Paste("\u{1b}[31mac\r\n".into()));
    assert_eq!(filter(&app), "[31mac me");
    press(&mut app, &["ctrl-u"]);
    app.handle(Event::Paste("acme".into()));
    assert_eq!(app.triage().column(Side::Left).shown().len(), 3);
}

#[test]
fn the_export_prompt_edits_too() {
    let mut app = app();
    press(&mut app, &["Space", "Enter", "e"]);
    let Mode::Prompt { input } = app.mode().clone() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(input, "unconnect-staged-2026-11-28.csv");
    // Into a folder, then another name: back over ".csv", Ctrl-w takes the path's last
    // part (as a shell's does), paste another.
    press(&mut app, &["Home"]);
    type_text(&mut app, "out/");
    press(&mut app, &["End", "Left", "Left", "Left", "Left", "ctrl-w"]);
    app.handle(Event::Paste("mine".into()));
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "out/mine.csv".into()
        }
    );
}
