//! The app: its state, the events that change it and the effects it asks for. Pure: no
//! terminal types and no I/O here, so everything is testable by handing events to
//! [`App::handle`] (a key action is [`App::update`]) and reading the state. The runtime
//! carries out the effects and hands back what came of them; the `ui` draws the state.
//!
//! One file per concern: `action` (what the user can do, and the tabs), `keys`, `keymap`
//! and `bindings` (keys as data, per tab; `edit_keys` for text fields), `state` (the `App` and its typed screens),
//! `status` (the status line, and which tab said it), `sort_menu` (`s`: the columns to
//! sort by), `event` (the one door), `update` (actions in, effects out), `results` (what the
//! runtime reports back), `confirm` (the dialog and the action it carries), `dialogs`
//! (what each dialog says and what its answer does; `namesakes`: which person a shared
//! name is), `effect` (what the runtime is asked
//! to do), `strings` (every sentence the user reads). Each tab has its own state: `list`
//! (the Connections and Invitations lists), `history_screen` and `history` (the History
//! tab), `timeline` (the Timeline tab).

pub mod action;
mod batch;
mod bindings;
pub mod confirm;
pub mod dialogs;
pub mod edit_keys;
pub mod effect;
pub mod event;
pub mod history;
mod history_index;
mod history_restore;
pub mod history_screen;
pub mod keep;
pub mod keymap;
pub mod keys;
pub mod line;
pub mod list;
mod namesakes;
mod results;
pub mod signals;
pub mod sort_menu;
pub mod state;
pub mod status;
pub mod strings;
pub mod timeline;
pub mod update;
mod view;

pub use action::{Action, Tab};
pub use confirm::{ConfirmAction, ConfirmDialog};
pub use dialogs::{DialogLine, DialogText, Tone};
pub use effect::{Effect, Written};
pub use event::{Event, ExportRefusal, OpenOutcome};
pub use history_screen::{HistoryList, HistoryLists, HistoryScreen, HistorySpec};
pub use keymap::{Context, Keymap};
pub use keys::Key;
pub use line::Edit;
pub use list::{
    ConnectionsList, Invitations, InvitationsList, Items, ListKind, ListSpec, TriageList,
};
pub use sort_menu::SortColumn;
pub use state::{App, Mode, Timing};
pub use status::{Status, StatusKind};
