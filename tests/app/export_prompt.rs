//! The export prompt keeps what was typed when the path is refused: a folder that is
//! not there is corrected, not typed again; a path taken closes it.

use std::path::PathBuf;

use crate::drawing::draw;
use crate::fixtures::numbered_app;
use unconnect::app::state::Mode;
use unconnect::app::{Action, App, Effect, Event, ExportRefusal};

fn prompt_with(typed: &str) -> App {
    let mut app = numbered_app(3);
    app.update(Action::Move);
    app.update(Action::Export);
    app.update(Action::Edit(unconnect::app::Edit::DeleteLine));
    for c in typed.chars() {
        app.update(Action::Input(c));
    }
    app
}

#[test]
fn a_folder_that_is_not_there_keeps_the_prompt_and_the_path_as_typed() {
    let typed = "~/Dowloads/mine.csv";
    let mut app = prompt_with(typed);
    let effects = app.update(Action::WriteFile);
    assert!(
        matches!(effects[..], [Effect::Export { .. }]),
        "{effects:?}"
    );
    app.handle(Event::ExportRefused {
        path: PathBuf::from("/home/ada/Dowloads"),
        why: ExportRefusal::NoFolder,
    });
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: typed.into()
        }
    );
    let status = &app.status().unwrap().text;
    assert!(status.contains("There is no folder"), "{status}");
    // The prompt and the reason are both on screen.
    let screen = format!("{}", draw(&mut app, 80, 24).backend());
    assert!(screen.contains(typed), "{screen}");
    assert!(screen.contains("There is no folder"), "{screen}");
    // Fixed in place, the path is taken and the prompt closes.
    for _ in 0.."Dowloads/mine.csv".len() {
        app.update(Action::Edit(unconnect::app::Edit::Left));
    }
    app.update(Action::Edit(unconnect::app::Edit::Right));
    app.update(Action::Edit(unconnect::app::Edit::Right));
    app.update(Action::Edit(unconnect::app::Edit::Right));
    app.update(Action::Input('n'));
    assert_eq!(
        *app.mode(),
        Mode::Prompt {
            input: "~/Downloads/mine.csv".into()
        }
    );
    app.update(Action::WriteFile);
    app.handle(Event::Exporting {
        count: 3,
        path: PathBuf::from("/home/ada/Downloads/mine.csv"),
    });
    assert_eq!(*app.mode(), Mode::Browse);
}

#[test]
fn an_empty_path_closes_the_prompt_and_says_why() {
    let mut app = prompt_with("  ");
    assert_eq!(app.update(Action::WriteFile), vec![]);
    assert_eq!(*app.mode(), Mode::Browse);
    assert!(app.status().is_some());
}
