//! Widgets that draw the app's state with ratatui, and the layout that mouse hit-testing
//! reads. Draws only: no state changes, no files.

pub mod columns;
pub mod dialog;
pub mod footer;
pub mod headings;
pub mod help;
pub mod history_rows;
pub mod invitation_rows;
pub mod layout;
pub mod loading;
pub mod people_rows;
pub mod screen;
pub mod signal_line;
pub mod sort_menu;
pub mod text;
pub mod theme;
pub mod timeline;

pub use screen::Screen;
pub use theme::Theme;
