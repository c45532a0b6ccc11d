//! The app's update loop without a terminal: actions in, state and effects out.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use unconnect::app::{
    Action, App, ConfirmAction, ConfirmDialog, Effect, ListKind, Mode, Tab, Written,
};
use unconnect::model::roster::people_triage;
use unconnect::model::triage::{Place, Side};
use unconnect::model::{People, Person};
use unconnect::ui::layout::{hit, layout};

fn app(n: usize) -> App {
    let people: People = (0..n)
        .map(|i| Person {
            first_name: format!("First{i}"),
            last_name: format!("Last{i}"),
            url: format!("https://www.linkedin.com/in/p{i}"),
            company: if i % 2 == 0 {
                "Acme".into()
            } else {
                "Globex".into()
            },
            connected_on: NaiveDate::from_ymd_opt(2020, 1, 1 + (i % 28) as u32),
            ..Default::default()
        })
        .collect();
    crate::fixtures::app_on(people, crate::fixtures::today())
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

#[test]
fn moves_ask_for_the_staged_list_to_be_saved() {
    let mut app = app(5);
    assert_eq!(
        app.update(Action::Move),
        vec![Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 1);
    assert_eq!(app.status().unwrap().text, "Moved 1 to To remove");
    // → from the right column does nothing; ← moves back.
    app.update(Action::SwitchColumn);
    assert_eq!(app.update(Action::MoveRight), vec![]);
    assert_eq!(
        app.update(Action::MoveLeft),
        vec![Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 0);
    assert_eq!(
        app.update(Action::Undo),
        vec![Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 1);
}

#[test]
fn the_confirm_dialog_focuses_cancel_and_enter_presses_it() {
    let mut app = app(5);
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    assert_eq!(
        *app.mode(),
        Mode::Confirm(ConfirmDialog {
            action: ConfirmAction::Journal {
                kind: ListKind::Connections,
                ids: vec![0, 1, 2, 3, 4],
            },
            yes_focused: false,
        })
    );
    assert_eq!(app.update(Action::PressButton), vec![]);
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(app.staged_count(), 5, "cancel removes nobody");

    app.update(Action::Remove);
    app.update(Action::NextButton);
    let effects = app.update(Action::PressButton);
    let [Effect::Confirmed(action)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(action.kind(), ListKind::Connections);
    assert_eq!(action.ids().len(), 5);
    // Nothing is removed until the journal says it is on disk, and nothing moves
    // under the batch being written.
    assert_eq!(app.staged_count(), 5);
    assert!(app.status().unwrap().text.contains("writing the journal"));
    assert_eq!(app.update(Action::MoveAll), vec![]);
    assert_eq!(app.update(Action::Undo), vec![]);
    assert_eq!(app.staged_count(), 5);
    let after = app.handle(unconnect::app::Event::Written(Written::Confirmed(
        action.clone(),
        Ok(Vec::new()),
    )));
    assert_eq!(after, vec![Effect::SaveStaged(ListKind::Connections)]);
    assert_eq!(app.staged_count(), 0);
    assert_eq!(app.triage().done_count(), 5);
    assert!(app.status().unwrap().text.starts_with("Removed 5"));
    assert!(
        !app.triage().can_undo(),
        "a confirmed removal is not undoable"
    );
}

#[test]
fn a_journal_that_cannot_be_written_removes_nobody_and_says_so() {
    let mut app = app(3);
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    let effects = app.update(Action::Yes);
    let [Effect::Confirmed(action)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let failure = unconnect::store::StoreError::Io {
        path: "journal.jsonl".into(),
        source: std::io::Error::other("disk full"),
    };
    assert_eq!(
        app.handle(unconnect::app::Event::Written(Written::Confirmed(
            action.clone(),
            Err(failure)
        ))),
        vec![]
    );
    assert_eq!(app.staged_count(), 3, "still staged");
    assert_eq!(app.triage().done_count(), 0);
    let status = app.status().unwrap();
    assert!(
        status.text.contains("Nothing was removed") && status.text.contains("disk full"),
        "{}",
        status.text
    );
    // The lists work again: undo takes the three back and asks for the save.
    assert_eq!(
        app.update(Action::Undo),
        vec![Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 0);
}

#[test]
fn y_confirms_and_n_or_esc_cancel() {
    let mut app = app(3);
    app.update(Action::Move);
    app.update(Action::Remove);
    assert_eq!(app.update(Action::No), vec![]);
    app.update(Action::Remove);
    assert!(matches!(
        app.update(Action::Yes).as_slice(),
        [Effect::Confirmed(..)]
    ));
}

#[test]
fn removing_or_exporting_nobody_says_why() {
    let mut app = app(3);
    app.update(Action::Remove);
    assert_eq!(*app.mode(), Mode::Browse);
    assert!(app.status().unwrap().text.contains("Nobody to remove"));
    app.update(Action::Export);
    assert!(app.status().unwrap().text.contains("Nobody to export"));
}

#[test]
fn filter_is_live_enter_keeps_it_and_esc_clears_it() {
    let mut app = app(10);
    app.update(Action::Filter);
    for c in "glob".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.triage().column(Side::Left).shown().len(), 5);
    app.update(Action::KeepFilter);
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(app.triage().column(Side::Left).filter, "glob");
    // Keys are actions again: move all shown stages the five Globex people.
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 5);
    app.update(Action::Filter);
    app.update(Action::ClearFilter);
    assert_eq!(app.triage().column(Side::Left).shown().len(), 5);
    assert!(!app.triage().column(Side::Left).is_filtered());
    // Esc on a kept filter clears it too, without opening the filter first.
    app.update(Action::Filter);
    app.update(Action::Input('a'));
    app.update(Action::KeepFilter);
    assert!(app.triage().column(Side::Left).is_filtered());
    let esc = app
        .keymap()
        .action_for(unconnect::app::Context::TRIAGE, "Esc".parse().unwrap());
    assert_eq!(esc, Some(Action::ClearFilter));
    app.update(Action::ClearFilter);
    assert_eq!(*app.mode(), Mode::Browse);
    assert!(!app.triage().column(Side::Left).is_filtered());
    assert_eq!(app.triage().column(Side::Left).shown().len(), 5);
}

#[test]
fn export_prompt_proposes_a_dated_name_and_submits_the_path() {
    let mut app = app(3);
    app.update(Action::Move);
    app.update(Action::Export);
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "unconnect-staged-2026-11-28.csv".into()
        }
    );
    for _ in 0..4 {
        app.update(Action::Backspace);
    }
    app.update(Action::Input('.'));
    app.update(Action::Input('t'));
    let effects = app.update(Action::WriteFile);
    assert_eq!(
        effects,
        vec![Effect::Export {
            kind: ListKind::Connections,
            path: "unconnect-staged-2026-11-28.t".into(),
            overwrite: false,
        }]
    );
}

#[test]
fn the_prompt_proposes_the_export_folder_completes_on_tab_and_asks_before_replacing() {
    let mut app = app(3);
    app.handle(unconnect::app::Event::Started {
        export_folder: Some("~/Downloads".into()),
        load: None,
    });
    app.update(Action::Move);
    app.update(Action::Export);
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "~/Downloads/unconnect-staged-2026-11-28.csv".into()
        }
    );
    assert_eq!(
        app.update(Action::CompletePath),
        vec![Effect::CompletePath(
            "~/Downloads/unconnect-staged-2026-11-28.csv".into()
        )]
    );
    app.handle(unconnect::app::Event::PathCompleted {
        input: "~/Do".into(),
        candidates: vec!["Documents/".into(), "Downloads/".into()],
    });
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "~/Do".into()
        }
    );
    assert_eq!(app.status().unwrap().text, "Documents/  Downloads/");
    // The runtime found the file there: the dialog asks, Cancel first.
    let path = std::path::PathBuf::from("/home/ada/Downloads/x.csv");
    app.handle(unconnect::app::Event::ExportExists {
        kind: ListKind::Connections,
        path: path.clone(),
    });
    assert_eq!(app.update(Action::PressButton), vec![]);
    assert!(app.status().unwrap().text.contains("left as it was"));
    app.handle(unconnect::app::Event::ExportExists {
        kind: ListKind::Connections,
        path: path.clone(),
    });
    assert_eq!(
        app.update(Action::Yes),
        vec![Effect::Export {
            kind: ListKind::Connections,
            path,
            overwrite: true,
        }]
    );
    assert!(!app.is_journaling(), "an overwrite journals nothing");
}

#[test]
fn clicks_and_wheel_hit_what_was_drawn() {
    let mut app = app(50);
    let area = Rect::new(0, 0, 100, 30);
    let l = layout(area, &app);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    // A click on the third row of the left column moves that person.
    let third = l.rows[0].y + 2;
    let action = hit(
        &l,
        &app,
        mouse(MouseEventKind::Down(MouseButton::Left), 10, third),
    )
    .unwrap();
    assert_eq!(
        action,
        Action::ClickRow {
            side: Side::Left,
            row: 2
        }
    );
    let expected = app.triage().column(Side::Left).shown()[2];
    app.update(action);
    assert_eq!(app.triage().place(expected), Place::Right);
    // Below the last row of the right column: nothing.
    let l = layout(area, &app);
    let below = l.rows[1].y + 5;
    assert_eq!(
        hit(
            &l,
            &app,
            mouse(MouseEventKind::Down(MouseButton::Left), 60, below)
        ),
        None
    );
    // The wheel scrolls the column under the pointer.
    assert_eq!(
        hit(&l, &app, mouse(MouseEventKind::ScrollDown, 10, 5)),
        Some(Action::Scroll {
            side: Side::Left,
            delta: 3
        })
    );
    // Tabs and the footer's Remove button.
    let (tab, r) = l.tab_rects[2];
    assert_eq!(tab, Tab::History);
    assert_eq!(
        hit(
            &l,
            &app,
            mouse(MouseEventKind::Down(MouseButton::Left), r.x + 1, r.y)
        ),
        Some(Action::SwitchTab(Tab::History))
    );
    let b = l.remove_button;
    let action = hit(
        &l,
        &app,
        mouse(MouseEventKind::Down(MouseButton::Left), b.x + 2, b.y),
    )
    .unwrap();
    assert_eq!(action, Action::ClickRemoveButton);
    app.update(action);
    assert!(matches!(app.mode(), Mode::Confirm(_)));
    // In the dialog, only its buttons answer.
    let l = layout(area, &app);
    let [cancel, remove] = l.dialog_buttons;
    assert_eq!(
        hit(
            &l,
            &app,
            mouse(MouseEventKind::Down(MouseButton::Left), cancel.x, cancel.y)
        ),
        Some(Action::ClickCancelButton)
    );
    assert_eq!(
        hit(
            &l,
            &app,
            mouse(
                MouseEventKind::Down(MouseButton::Left),
                remove.x + 1,
                remove.y
            )
        ),
        Some(Action::ClickConfirmButton)
    );
    assert_eq!(
        hit(
            &l,
            &app,
            mouse(MouseEventKind::Down(MouseButton::Left), 1, 3)
        ),
        None
    );
}

#[test]
fn tabs_other_than_connections_ignore_triage_keys() {
    let mut app = app(3);
    app.update(Action::SwitchTab(Tab::History));
    assert_eq!(app.update(Action::MoveAll), vec![]);
    assert_eq!(app.staged_count(), 0);
    app.update(Action::SwitchTab(Tab::Connections));
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 3);
}

#[test]
fn typing_a_filter_on_a_large_list_returns_at_once_and_the_worker_fills_the_column() {
    use std::time::Duration;
    use unconnect::runtime::filter_worker::FilterWorker;

    // Small list, but filtered as a large one would be: through the worker.
    let people = app(40).people().clone();
    let triage = people_triage(&people).with_inline_filter_limit(0);
    let mut app = App::new(
        people,
        triage,
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    let worker = FilterWorker::spawn().unwrap();
    app.update(Action::Filter);
    let effects = app.update(Action::Input('3'));
    let [Effect::Filter(ListKind::Connections, job)] = effects.as_slice() else {
        panic!("expected a filter job, got {effects:?}");
    };
    assert!(app.is_filtering());
    assert!(app.triage().column(Side::Left).shown().is_empty());
    worker.submit(ListKind::Connections, job.clone());
    while app.is_filtering() {
        let (kind, chunk) = worker
            .wait(Duration::from_secs(10))
            .expect("the worker answers");
        app.handle(unconnect::app::Event::FilterChunk(kind, chunk));
    }
    // Everyone with a 3 in their number: 3, 13, 23 and 30 to 39.
    let shown = app.triage().column(Side::Left).shown();
    assert_eq!(shown.len(), 13);
    assert!(shown.iter().all(|id| id.to_string().contains('3')));
}

#[test]
fn if_saving_stops_the_user_is_told_and_the_lists_work_again() {
    let mut app = app(3);
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    app.update(Action::Yes);
    assert!(app.is_journaling());
    app.handle(unconnect::app::Event::WriterStopped);
    assert!(!app.is_journaling());
    let status = app.status().unwrap();
    assert!(status.text.contains("Saving stopped"), "{}", status.text);
    assert_eq!(
        app.update(Action::Undo),
        vec![Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 0);
    assert!(
        !app.is_saved(ListKind::Connections),
        "quitting will not claim it was kept"
    );
}

#[test]
fn a_failed_staged_save_is_remembered_until_a_save_succeeds() {
    let mut app = app(3);
    app.update(Action::Move);
    let failure = unconnect::store::StoreError::Io {
        path: "staged-connections.jsonl".into(),
        source: std::io::Error::other("No space left on device"),
    };
    app.handle(unconnect::app::Event::Written(Written::Staged(
        ListKind::Connections,
        Err(failure),
    )));
    assert!(!app.is_saved(ListKind::Connections));
    assert!(
        app.status()
            .unwrap()
            .text
            .contains("Could not save the staged list")
    );
    app.handle(unconnect::app::Event::Written(Written::Staged(
        ListKind::Connections,
        Ok(()),
    )));
    assert!(app.is_saved(ListKind::Connections));
}

#[test]
fn undo_and_redo_act_on_the_rows_moved_whatever_the_filter_shows_now() {
    let mut app = app(10);
    // Stage the five Globex people through a filter, then change the filter.
    app.update(Action::Filter);
    for c in "glob".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 5);
    app.update(Action::ClearFilter);
    app.update(Action::Filter);
    for c in "acme".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::KeepFilter);
    app.update(Action::Undo);
    assert_eq!(app.staged_count(), 0);
    // The left column still shows only Acme: the five that came back are not shown.
    assert_eq!(app.triage().column(Side::Left).shown().len(), 5);
    assert_eq!(app.triage().column(Side::Left).total(), 10);
    app.update(Action::Redo);
    assert_eq!(app.staged_count(), 5);
    assert!(
        app.triage().ids_in(Place::Right).all(|id| id % 2 == 1),
        "the Globex people (odd ids) went back"
    );
}

#[test]
fn clicks_land_on_the_row_drawn_in_a_scrolled_column_and_on_the_right_column() {
    let mut app = app(60);
    let area = Rect::new(0, 0, 100, 20);
    let l = layout(area, &app);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    app.update(Action::Scroll {
        side: Side::Left,
        delta: 9,
    });
    let offset = app.triage().column(Side::Left).offset;
    assert!(offset > 0);
    let click = |x: u16, y: u16| mouse(MouseEventKind::Down(MouseButton::Left), x, y);
    let action = hit(&l, &app, click(10, l.rows[0].y + 1)).unwrap();
    assert_eq!(
        action,
        Action::ClickRow {
            side: Side::Left,
            row: offset + 1
        }
    );
    let expected = app.triage().column(Side::Left).shown()[offset + 1];
    app.update(action);
    assert_eq!(app.triage().place(expected), Place::Right);
    // On the right column, a click moves it back.
    let action = hit(&l, &app, click(60, l.rows[1].y)).unwrap();
    assert_eq!(
        action,
        Action::ClickRow {
            side: Side::Right,
            row: 0
        }
    );
    app.update(action);
    assert_eq!(app.triage().place(expected), Place::Left);
}

#[test]
fn a_batch_whose_undo_failed_is_never_called_nothing_removed() {
    let mut app = app(3);
    app.update(Action::MoveAll);
    app.update(Action::Remove);
    let effects = app.update(Action::Yes);
    let [Effect::Confirmed(action)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let action = action.clone();
    let unsure = unconnect::store::StoreError::Unsure {
        path: "journal.jsonl".into(),
        source: std::io::Error::other("No space left on device"),
        undo: std::io::Error::other("I/O error"),
    };
    app.handle(unconnect::app::Event::Written(Written::Confirmed(
        action,
        Err(unsure),
    )));
    let status = &app.status().unwrap().text;
    assert!(!status.contains("Nothing was removed"), "{status}");
    assert!(
        status.contains("may hold part of this batch of 3"),
        "{status}"
    );
    assert!(status.contains("unconnect export removed"), "{status}");
    assert!(!app.is_journaling());
}

#[test]
fn kept_people_are_passed_by_and_moving_one_asks_first() {
    let mut app = app(5);
    let first = app.triage().column(Side::Left).current().unwrap();
    assert_eq!(app.update(Action::Keep), vec![Effect::SaveKept]);
    assert!(app.status().unwrap().text.starts_with("Kept 1"));
    assert!(app.triage().is_kept(first));
    // Move all: everyone but the kept one, and the status says so.
    app.update(Action::MoveAll);
    assert_eq!(app.staged_count(), 4);
    assert_eq!(
        app.status().unwrap().text,
        "Moved 4 to To remove; 1 on your keep list passed by"
    );
    // Moving the kept one asks; Cancel leaves it.
    assert_eq!(app.update(Action::Move), vec![]);
    let Mode::Confirm(dialog) = app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert_eq!(
        app.dialog_text(&dialog.action).title,
        "Move people on your keep list?"
    );
    app.update(Action::No);
    assert_eq!(app.staged_count(), 4);
    assert!(app.triage().is_kept(first));
    app.update(Action::Move);
    let effects = app.update(Action::Yes);
    assert_eq!(
        effects,
        vec![Effect::SaveStaged(ListKind::Connections), Effect::SaveKept]
    );
    assert_eq!(app.staged_count(), 5);
    assert!(!app.triage().is_kept(first));
}

#[test]
fn keeping_a_staged_person_brings_them_back_and_k_again_unkeeps() {
    let mut app = app(3);
    app.update(Action::Move);
    app.update(Action::SwitchColumn);
    let effects = app.update(Action::Keep);
    assert_eq!(
        effects,
        vec![Effect::SaveKept, Effect::SaveStaged(ListKind::Connections)]
    );
    assert_eq!(app.staged_count(), 0);
    app.update(Action::SwitchColumn);
    app.update(Action::Top);
    app.update(Action::Keep);
    assert!(
        app.status()
            .unwrap()
            .text
            .starts_with("Taken off the keep list: 1")
    );
    assert_eq!(app.triage().kept_count(), 0);
}

#[test]
fn shift_click_and_visual_ranges_mark_and_esc_ends_the_range() {
    let mut app = app(10);
    let area = Rect::new(0, 0, 100, 30);
    let l = layout(area, &app);
    app.handle(unconnect::app::Event::Layout {
        rows: l.rows[0].height as usize,
        help_max_scroll: u16::MAX,
    });
    let shift_click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: l.rows[0].y + 3,
        modifiers: KeyModifiers::SHIFT,
    };
    let action = hit(&l, &app, shift_click).unwrap();
    assert_eq!(
        action,
        Action::ShiftClickRow {
            side: Side::Left,
            row: 3
        }
    );
    app.update(action);
    assert_eq!(app.triage().column(Side::Left).marked(), 4);
    assert_eq!(
        app.staged_count(),
        0,
        "a shift-click marks, it does not move"
    );
    app.update(Action::MarkRange);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.triage().column(Side::Left).marked(), 6);
    assert!(app.range_hint().is_some());
    app.update(Action::ClearFilter); // Esc
    assert!(app.range_hint().is_none());
    app.update(Action::Down);
    assert_eq!(app.triage().column(Side::Left).marked(), 6);
    app.update(Action::MarkDown);
    assert_eq!(app.triage().column(Side::Left).marked(), 8);
}
