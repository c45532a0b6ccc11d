//! Each tab's footer at 100 columns shows its main bulk actions, and 80×24 loses none
//! of the hints it showed before the ranks were set.

use crate::drawing::footer_line as footer;
use crate::full_demo::full_demo;
use unconnect::app::{Action, App};

fn on_tab(tab: Action) -> App {
    let mut app = full_demo();
    app.update(tab);
    app
}

fn assert_shows(tab: Action, width: u16, height: u16, hints: &[&str]) {
    let mut app = on_tab(tab);
    let line = footer(&mut app, width, height);
    for hint in hints {
        assert!(
            line.contains(hint),
            "{tab:?} at {width}, no '{hint}': {line}"
        );
    }
}

#[test]
fn at_100_columns_each_tab_shows_its_bulk_actions() {
    let common = ["? help", "q quit"];
    for (tab, hints) in [
        (
            Action::ConnectionsTab,
            &["a move all", "R remove…", "u undo", "/ filter"][..],
        ),
        (
            Action::InvitationsTab,
            &["a move all", "W withdraw…", "u undo", "/ filter"],
        ),
        (
            Action::HistoryTab,
            &["Enter open next", "b open batch", "B batch done…", "d done"],
        ),
        (Action::TimelineTab, &["Enter show them", "+ weeks"]),
    ] {
        assert_shows(tab, 100, 30, hints);
        assert_shows(tab, 100, 30, &common);
    }
}

#[test]
fn at_80_by_24_the_hints_shown_before_stay() {
    let triage = ["Space mark", "Enter move", "/ filter", "? help", "q quit"];
    assert_shows(Action::ConnectionsTab, 80, 24, &triage);
    assert_shows(Action::ConnectionsTab, 80, 24, &["R remove…"]);
    assert_shows(Action::InvitationsTab, 80, 24, &triage);
    assert_shows(Action::InvitationsTab, 80, 24, &["W withdraw…"]);
    assert_shows(
        Action::HistoryTab,
        80,
        24,
        &[
            "Enter open next",
            "Tab withdrawn",
            "d done",
            "b open batch",
            "? help",
            "q quit",
        ],
    );
    assert_shows(
        Action::TimelineTab,
        80,
        24,
        &[
            "1 2 3 4 tabs",
            "← → bar",
            "Tab bursts",
            "Enter show them",
            "+ weeks",
            "? help",
        ],
    );
}
