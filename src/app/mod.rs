//! The app: its state, the actions that change it and the effects it asks for. Pure: no
//! terminal types and no I/O here, so everything is testable by feeding actions to
//! [`App::update`] and reading the state. The runtime carries out the effects; the `ui`
//! draws the state.
//!
//! One file per concern: `action` (what the user can do), `keys` and `keymap` (keys as
//! data), `list` (what differs between the triaged lists), `state` (the `App`), `update`
//! (actions in, effects out), `confirm` (the dialog and the action it carries), `effect`
//! (what the runtime is asked to do and reports back).

pub mod action;
pub mod confirm;
pub mod effect;
pub mod history;
pub mod keep;
pub mod keymap;
pub mod keys;
pub mod list;
mod results;
pub mod signals;
pub mod state;
pub mod timeline;
pub mod update;

pub use action::{Action, Tab};
pub use confirm::{ConfirmAction, ConfirmDialog};
pub use effect::{Effect, Written};
pub use keymap::{Context, Keymap};
pub use keys::Key;
pub use list::{Items, ListKind, ListSpec, TriageList};
pub use state::{App, Mode, Status, StatusKind, Timing};
