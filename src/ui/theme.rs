//! Every colour and style of the app, in one place.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub tab: Style,
    pub tab_selected: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub name: Style,
    pub detail: Style,
    pub date: Style,
    pub cursor: Style,
    pub cursor_unfocused: Style,
    pub mark: Style,
    pub highlight: Style,
    pub locked: Style,
    pub key: Style,
    pub hint: Style,
    pub info: Style,
    pub warning: Style,
    pub error: Style,
    pub button: Style,
    pub button_focused: Style,
    pub danger: Style,
    pub dim: Style,
}

pub const THEME: Theme = Theme {
    tab: Style::new().fg(Color::Gray),
    tab_selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    title: Style::new().add_modifier(Modifier::BOLD),
    name: Style::new().add_modifier(Modifier::BOLD),
    detail: Style::new().fg(Color::Gray),
    date: Style::new().fg(Color::DarkGray),
    cursor: Style::new().bg(Color::Blue).fg(Color::White),
    cursor_unfocused: Style::new().bg(Color::DarkGray),
    mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    highlight: Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::UNDERLINED),
    locked: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    hint: Style::new().fg(Color::Gray),
    info: Style::new().fg(Color::Green),
    warning: Style::new().fg(Color::Yellow),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    button: Style::new().fg(Color::White).bg(Color::DarkGray),
    button_focused: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    danger: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    dim: Style::new().fg(Color::DarkGray),
};
