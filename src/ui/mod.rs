//! The terminal app: actions, state and update, layout and drawing, and the event loop.

pub mod action;
pub mod app;
pub mod columns;
pub mod dialog;
pub mod filter_worker;
pub mod help;
pub mod invitation_rows;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod people_rows;
pub mod run;
pub mod screen;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod writer;

pub use action::{Action, Tab};
pub use app::{App, Effect, ListKind, Mode};
