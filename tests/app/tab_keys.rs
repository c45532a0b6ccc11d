//! Each tab answers its own keys: remapping a triage action leaves History and Timeline
//! alone, and the footer and the `?` help list the keys of the tab they are shown on.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::drawing::draw;
use crate::fixtures::app_on;
use crate::history_fixtures::{december, november, removal, removals};
use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::{App, Effect, Key, Keymap, ListKind, Tab};
use unconnect::model::Person;
use unconnect::model::history::Status;
use unconnect::ui::layout::layout;
use unconnect::ui::{Screen, Theme};

fn person(first: &str, last: &str) -> Person {
    Person {
        first_name: first.into(),
        last_name: last.into(),
        url: format!("https://www.linkedin.com/in/{}", first.to_lowercase()),
        company: "Bright Smile".into(),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, 13),
        ..Default::default()
    }
}

/// Three connections, one of them removed and waiting on the History tab.
fn app(keys: &[(&str, &[&str])]) -> App {
    let people = vec![
        person("Ada", "Lovelace"),
        person("Bo", "Berg"),
        person("Cy", "Chen"),
    ];
    let removed = removal(&people[1], november(20), "b1", Status::ToDo);
    let overrides: BTreeMap<String, Vec<Key>> = keys
        .iter()
        .map(|(a, ks)| {
            (
                a.to_string(),
                ks.iter().map(|k| k.parse().unwrap()).collect(),
            )
        })
        .collect();
    app_on(people.into_iter().collect(), december(1))
        .with_keymap(Arc::new(Keymap::with_overrides(&overrides).unwrap()))
        .with_history(removals(vec![removed]))
}

/// Presses a key as the runtime does: through the keymap, in the app's context.
fn press(app: &mut App, key: &str) -> Vec<Effect> {
    let key: Key = key.parse().unwrap();
    match app.keymap().clone().action_for(app.context(), key) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn footer(app: &mut App) -> String {
    crate::drawing::footer_line(app, 100, 24)
        .trim_end()
        .to_owned()
}

#[test]
fn remapping_move_and_switch_column_leaves_history_and_timeline_alone() {
    let mut app = app(&[("move", &["x"]), ("switch-column", &["c"])]);
    // On Connections the new key moves and Enter no longer does.
    press(&mut app, "Enter");
    assert_eq!(app.staged_count(), 0);
    press(&mut app, "x");
    assert_eq!(app.staged_count(), 1);

    press(&mut app, "3");
    assert_eq!(app.tab(), Tab::History);
    assert!(
        press(&mut app, "x").is_empty(),
        "x means nothing on History"
    );
    let effects = press(&mut app, "Enter");
    assert_eq!(
        effects.first(),
        Some(&Effect::OpenUrl("https://www.linkedin.com/in/bo".into())),
        "Enter still opens the next one"
    );
    press(&mut app, "Tab");
    assert_eq!(
        app.list(),
        Some(ListKind::Withdrawn),
        "Tab still switches the list"
    );

    press(&mut app, "4");
    assert_eq!(app.tab(), Tab::Timeline);
    let bar = app.timeline().unwrap().bar;
    press(&mut app, "Left");
    assert_eq!(app.timeline().unwrap().bar, bar.saturating_sub(1));
    press(&mut app, "Enter");
    assert_eq!(
        app.tab(),
        Tab::Connections,
        "Enter still shows the bar's people"
    );
}

#[test]
fn the_footer_follows_the_tab_and_its_remapped_keys() {
    let mut app = app(&[("open-next", &["N"]), ("next-bar", &["n"])]);
    let connections = footer(&mut app);
    assert!(
        connections.starts_with("Space mark  Enter move"),
        "{connections}"
    );
    assert!(connections.contains("R remove…"), "{connections}");
    press(&mut app, "3");
    let history = footer(&mut app);
    assert!(
        history.starts_with("N open next  Tab withdrawn  d done"),
        "{history}"
    );
    assert!(!history.contains(" move "), "{history}");
    press(&mut app, "4");
    let timeline = footer(&mut app);
    assert!(
        timeline.contains("← n bar  Tab bursts  Enter show them"),
        "{timeline}"
    );
    assert!(timeline.ends_with("? help  q quit"), "{timeline}");
}

#[test]
fn help_on_history_lists_its_own_keys_first() {
    let mut app = app(&[]);
    press(&mut app, "3");
    press(&mut app, "?");
    assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn help_on_timeline_lists_its_own_keys_first() {
    let mut app = app(&[]);
    press(&mut app, "4");
    press(&mut app, "?");
    assert_snapshot!(draw(&mut app, 120, 40).backend());
}

/// The help at 80×24 as the runtime draws it: the layout tells the app how far it scrolls.
fn help_screen(app: &mut App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let l = layout(area, app);
    let max = unconnect::ui::help::max_scroll(app.keymap(), app.screen_context(), l.body);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: max,
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(Screen::new(app, &Theme::default()), f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content()
        .chunks(80)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn the_help_explains_the_row_symbols_and_g_and_shift_g_jump_in_it() {
    let mut app = app(&[]);
    press(&mut app, "?");
    let top = help_screen(&mut app);
    assert!(top.contains("Connections and Invitations"), "{top}");
    press(&mut app, "G");
    let end = help_screen(&mut app);
    assert!(!end.contains("Connections and Invitations"), "{end}");
    assert!(
        end.contains("complete the file or folder name"),
        "the last line: {end}"
    );
    press(&mut app, "Home");
    assert_eq!(help_screen(&mut app), top);
    // The legend follows the tab's keys.
    press(&mut app, "PgDn");
    press(&mut app, "PgDn");
    let middle = help_screen(&mut app);
    assert!(middle.contains("What the rows show"), "{middle}");
    assert!(
        middle.contains("✉3            3 messages with them"),
        "{middle}"
    );
    assert!(
        middle.contains("⚑             on the keep list"),
        "{middle}"
    );
    press(&mut app, "Esc");
    press(&mut app, "3");
    press(&mut app, "?");
    let mut history = String::new();
    for _ in 0..4 {
        history += &help_screen(&mut app);
        press(&mut app, "PgDn");
    }
    assert!(history.contains("still connected"), "{history}");
    assert!(history.contains("verified"), "{history}");
}
