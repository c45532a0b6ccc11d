//! A save that fails on a full disk stays in view until one succeeds: on screen, and in
//! the words printed at quit. The disk is the store's fault injection, the writer real.

use std::sync::Arc;

use crate::fixtures::bare_app;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::{Action, App, Event};
use unconnect::runtime::effects::Runtime;
use unconnect::runtime::filter_worker::FilterWorker;
use unconnect::runtime::writer::Writer;
use unconnect::session::Store;
use unconnect::store::DataDir;
use unconnect::store::faults::Faults;
use unconnect::store::journal::Journal;
use unconnect::store::staged::StagedStore;
use unconnect::ui::Screen;
use unconnect::ui::theme::Theme;

/// The runtime on a data folder whose keep list and staged lists fail every write.
fn runtime(dir: &std::path::Path) -> (Runtime, Arc<Faults>) {
    let data_dir = DataDir::open_locked(dir).unwrap();
    let (journal, _) = Journal::open(&data_dir.journal_path()).unwrap();
    let (mut staged, _) = StagedStore::load(&data_dir.staged_path("connections")).unwrap();
    let (mut staged_invitations, _) =
        StagedStore::load(&data_dir.staged_path("invitations")).unwrap();
    let (mut kept, _) = StagedStore::load(&data_dir.kept_path()).unwrap();
    let faults = Arc::new(Faults::fail_every(1));
    staged.inject_faults(Arc::clone(&faults));
    staged_invitations.inject_faults(Arc::clone(&faults));
    kept.inject_faults(Arc::clone(&faults));
    let store = Store {
        data_dir,
        journal,
        staged,
        staged_invitations,
        kept,
    };
    let (_tx, later) = std::sync::mpsc::channel();
    let runtime = Runtime::new(
        FilterWorker::spawn().unwrap(),
        Writer::spawn(store).unwrap(),
        later,
    );
    (runtime, faults)
}

fn screen_text(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 24)).unwrap();
    let theme = Theme::default();
    terminal
        .draw(|f| f.render_widget(Screen::new(app, &theme), f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn a_keep_that_failed_to_save_stays_on_screen_and_is_named_at_quit_until_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut rt, faults) = runtime(dir.path());
    let mut app = bare_app(3);
    rt.tell(&mut app, Event::Action(Action::Keep));
    assert!(faults.injected() > 0, "the disk was full");
    // Something else is said afterwards: the failed save is still in view.
    rt.tell(
        &mut app,
        Event::Copied {
            text: "https://www.linkedin.com/in/p0".into(),
            message: "Copied the profile URL".into(),
            error: None,
        },
    );
    assert!(app.status().unwrap().text.contains("Copied"));
    let text = screen_text(&mut app);
    assert!(text.contains("Not saved: the keep list"), "{text}");
    let quit = app.unsaved_at_quit("the data folder").unwrap();
    assert!(quit.contains("the keep list"), "{quit}");

    // Space again: the next save succeeds and the warning is gone.
    faults.set_every(0);
    rt.tell(&mut app, Event::Action(Action::Down));
    rt.tell(&mut app, Event::Action(Action::Keep));
    assert_eq!(app.unsaved_at_quit("the data folder"), None);
    assert!(!screen_text(&mut app).contains("Not saved"));
}

#[test]
fn a_staged_move_that_failed_to_save_is_named_with_the_keep_list_at_quit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut rt, _faults) = runtime(dir.path());
    let mut app = bare_app(3);
    rt.tell(&mut app, Event::Action(Action::Keep));
    rt.tell(&mut app, Event::Action(Action::Down));
    rt.tell(&mut app, Event::Action(Action::Move));
    let quit = app.unsaved_at_quit("the data folder").unwrap();
    assert!(
        quit.contains("the staged connections and the keep list"),
        "{quit}"
    );
    assert!(screen_text(&mut app).contains("Not saved: the staged connections and the keep list"));
}

#[test]
fn staged_invitations_that_failed_to_save_are_named_at_quit() {
    let mut app = bare_app(3);
    let failure = unconnect::store::StoreError::Io {
        path: "staged-invitations.jsonl".into(),
        source: std::io::Error::other("No space left on device"),
    };
    app.handle(Event::Written(unconnect::app::Written::Staged(
        unconnect::app::ListKind::Invitations,
        Err(failure),
    )));
    let quit = app.unsaved_at_quit("the data folder").unwrap();
    assert!(quit.contains("the staged invitations"), "{quit}");
    assert!(screen_text(&mut app).contains("Not saved: the staged invitations"));
}
