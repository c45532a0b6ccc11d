//! Every colour and style of the app, in one place. The config file's `[theme]` sets the
//! colours of a handful of roles; without colour (`NO_COLOR`, or `color = false`) the
//! cursor row, the focused column, marks and highlights stay visible by reverse video,
//! bold, underline and a heavier border.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

/// The colours the config file can set, one per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The cursor row's background.
    pub cursor: Color,
    /// Marks (`✔`) and the "N marked" count.
    pub marked: Color,
    /// The focused column's border, the selected tab, the focused button.
    pub focus: Color,
    /// Secondary text: dates, borders of unfocused columns, expired rows.
    pub dim: Color,
    /// Keys in the footer and help.
    pub accent: Color,
    /// What the filter matched, in each row.
    pub highlight: Color,
    /// Warnings on the status line.
    pub warning: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            cursor: Color::Blue,
            marked: Color::Yellow,
            focus: Color::Cyan,
            dim: Color::DarkGray,
            accent: Color::Cyan,
            highlight: Color::Yellow,
            warning: Color::Yellow,
        }
    }
}

impl Palette {
    /// The roles with their config names, for `unconnect config` and the parser.
    pub fn roles(&self) -> [(&'static str, Color); 7] {
        [
            ("cursor", self.cursor),
            ("marked", self.marked),
            ("focus", self.focus),
            ("dim", self.dim),
            ("accent", self.accent),
            ("highlight", self.highlight),
            ("warning", self.warning),
        ]
    }

    /// Sets a role by its config name; false if there is no such role.
    pub fn set(&mut self, role: &str, color: Color) -> bool {
        let slot = match role {
            "cursor" => &mut self.cursor,
            "marked" => &mut self.marked,
            "focus" => &mut self.focus,
            "dim" => &mut self.dim,
            "accent" => &mut self.accent,
            "highlight" => &mut self.highlight,
            "warning" => &mut self.warning,
            _ => return false,
        };
        *slot = color;
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub tab: Style,
    pub tab_selected: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The focused column's border lines: heavier without colour, where the colour
    /// cannot tell the columns apart.
    pub focus_border: BorderType,
    pub title: Style,
    pub name: Style,
    pub detail: Style,
    pub date: Style,
    /// A row's relationship marker (`✉3★`).
    pub signal: Style,
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

impl Default for Theme {
    fn default() -> Self {
        Theme::colored(&Palette::default())
    }
}

impl Theme {
    pub fn new(palette: &Palette, color: bool) -> Theme {
        if color {
            Theme::colored(palette)
        } else {
            Theme::monochrome()
        }
    }

    pub fn colored(p: &Palette) -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            tab: Style::new().fg(Color::Gray),
            tab_selected: Style::new().fg(Color::Black).bg(p.focus).add_modifier(bold),
            border: Style::new().fg(p.dim),
            border_focused: Style::new().fg(p.focus),
            focus_border: BorderType::Plain,
            title: Style::new().add_modifier(bold),
            name: Style::new().add_modifier(bold),
            detail: Style::new().fg(Color::Gray),
            date: Style::new().fg(p.dim),
            signal: Style::new().fg(p.accent),
            cursor: Style::new().bg(p.cursor).fg(Color::White),
            cursor_unfocused: Style::new().bg(Color::DarkGray),
            mark: Style::new().fg(p.marked).add_modifier(bold),
            highlight: Style::new()
                .fg(p.highlight)
                .add_modifier(Modifier::UNDERLINED),
            locked: Style::new().fg(p.dim).add_modifier(Modifier::DIM),
            key: Style::new().fg(p.accent).add_modifier(bold),
            hint: Style::new().fg(Color::Gray),
            info: Style::new().fg(Color::Green),
            warning: Style::new().fg(p.warning),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            button: Style::new().fg(Color::White).bg(Color::DarkGray),
            button_focused: Style::new().fg(Color::Black).bg(p.focus).add_modifier(bold),
            danger: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            dim: Style::new().fg(p.dim),
        }
    }

    /// No colour at all: what colour said is said by modifiers.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            tab: plain,
            tab_selected: reversed.add_modifier(Modifier::BOLD),
            border: plain,
            border_focused: bold,
            focus_border: BorderType::Thick,
            title: bold,
            name: bold,
            detail: plain,
            date: plain,
            signal: plain,
            cursor: reversed,
            cursor_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            mark: bold,
            highlight: plain.add_modifier(Modifier::UNDERLINED),
            locked: plain.add_modifier(Modifier::DIM),
            key: bold,
            hint: plain,
            info: plain,
            warning: bold,
            error: bold,
            button: plain,
            button_focused: reversed,
            danger: reversed.add_modifier(Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
        }
    }
}

impl Theme {
    /// A bordered block, styled as focused (heavier without colour) or not.
    pub fn block(&self, focused: bool) -> ratatui::widgets::Block<'static> {
        let (style, border) = if focused {
            (self.border_focused, self.focus_border)
        } else {
            (self.border, BorderType::Plain)
        };
        ratatui::widgets::Block::bordered()
            .border_style(style)
            .border_type(border)
    }
}

/// Whether the environment asks for no colour (<https://no-color.org>: set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_anywhere() {
        let t = Theme::monochrome();
        for s in [
            t.tab,
            t.tab_selected,
            t.border,
            t.border_focused,
            t.title,
            t.name,
            t.detail,
            t.date,
            t.cursor,
            t.cursor_unfocused,
            t.mark,
            t.highlight,
            t.locked,
            t.key,
            t.hint,
            t.info,
            t.warning,
            t.error,
            t.button,
            t.button_focused,
            t.danger,
            t.dim,
        ] {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert!(t.cursor.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_palette_role_recolours_its_styles() {
        let mut p = Palette::default();
        assert!(p.set("cursor", Color::Magenta));
        assert!(!p.set("sparkle", Color::Magenta));
        let t = Theme::colored(&p);
        assert_eq!(t.cursor.bg, Some(Color::Magenta));
    }
}
