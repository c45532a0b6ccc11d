//! The `?` overlay: every binding, straight from the keymap. It scrolls when it is taller
//! than the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::text::{fit, width};
use super::theme::Theme;
use crate::app::edit_keys::EDIT_KEYS;
use crate::app::{Action, Context, Keymap, keymap, strings};

pub struct HelpOverlay<'a> {
    pub keymap: &'a Keymap,
    /// The tab the help is opened on: its own keys come first, then the global ones
    /// (the help's own keys are in its title).
    pub screen: Context,
    /// Lines scrolled down; clamped here to what there is to show.
    pub scroll: u16,
    pub theme: &'a Theme,
}

impl HelpOverlay<'_> {
    /// The help's lines: each context with its bindings.
    pub fn lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let shown = self.screen.help_sections();
        let keys_width = keys_width(self.keymap, &shown);
        let mut lines = Vec::new();
        for &context in &shown {
            if context == Context::Filter {
                // What a filter can say, beside plain words.
                lines.push(Line::styled(strings::FILTER_TERMS, theme.title));
                // A term is too wide for the keys' column: it gets a line of its own.
                for (term, what) in crate::model::terms::help::HELP {
                    lines.push(Line::styled(format!("  {term}"), theme.key));
                    lines.push(Line::styled(format!("      {what}"), theme.hint));
                }
            }
            lines.push(Line::styled(context.title(), theme.title));
            for b in self.keymap.in_context(context) {
                let keys = fit(&b.label(), keys_width - 1);
                let pad = keys_width - width(&keys);
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys}{}", " ".repeat(pad)), theme.key),
                    Span::styled(b.help, theme.hint),
                ]));
            }
            if context == Context::Filter {
                lines.extend(edit_lines(keys_width, theme));
            }
            // The tab's symbols right under its keys, where the eye already is.
            let legend = legend(context);
            if !legend.is_empty() {
                lines.push(Line::styled(strings::LEGEND, theme.title));
                for (symbol, what) in legend {
                    let pad = keys_width.saturating_sub(width(symbol)).max(1);
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {symbol}{}", " ".repeat(pad)), theme.key),
                        Span::styled(*what, theme.hint),
                    ]));
                }
            }
        }
        lines
    }
}

/// The keys' column: as wide as the longest keys, within reason (a long remap is cut,
/// not the help).
fn keys_width(keymap: &Keymap, shown: &[Context]) -> usize {
    shown
        .iter()
        .flat_map(|&c| keymap.in_context(c))
        .map(|b| width(&b.label()))
        .max()
        .unwrap_or(0)
        .clamp(9, 13)
        + 1
}

/// The editing keys of the filter line (and the export prompt), from their table; keys
/// too wide for the keys' column get a line of their own, as the filter terms do.
fn edit_lines(keys_width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(strings::EDITING_KEYS, theme.title)];
    for e in EDIT_KEYS {
        let keys = keymap::label(e.keys);
        if width(&keys) < keys_width {
            let pad = keys_width - width(&keys);
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}{}", " ".repeat(pad)), theme.key),
                Span::styled(e.help, theme.hint),
            ]));
        } else {
            lines.push(Line::styled(format!("  {keys}"), theme.key));
            lines.push(Line::styled(
                format!("  {}{}", " ".repeat(keys_width), e.help),
                theme.hint,
            ));
        }
    }
    lines
}

/// The row symbols of a tab, for its help.
fn legend(context: Context) -> &'static [(&'static str, &'static str)] {
    match context {
        Context::TRIAGE => strings::LEGEND_TRIAGE,
        Context::HISTORY => strings::LEGEND_HISTORY,
        Context::TIMELINE => strings::LEGEND_TIMELINE,
        _ => &[],
    }
}

/// What the mouse does on a tab.
fn mouse_help(screen: Context) -> &'static str {
    match screen {
        Context::HISTORY => strings::MOUSE_HISTORY,
        Context::TIMELINE => strings::MOUSE_TIMELINE,
        _ => strings::MOUSE_TRIAGE,
    }
}

/// Two columns when there is room, so the whole table fits on a laptop screen.
fn halves(area: Rect) -> usize {
    if area.width >= 102 { 2 } else { 1 }
}

/// How far the help drawn in `area` can scroll: the runtime tells the app, which stops
/// there, so scrolling back up answers at once.
pub fn max_scroll(keymap: &Keymap, screen: Context, area: Rect) -> u16 {
    let shown = screen.help_sections();
    let terms = if shown.contains(&Context::Filter) {
        1 + 2 * crate::model::terms::help::HELP.len()
            + edit_lines(keys_width(keymap, &shown), &Theme::default()).len()
    } else {
        0
    };
    let lines: usize = shown
        .iter()
        .map(|&c| {
            let legend = legend(c).len();
            1 + keymap.in_context(c).count() + if legend > 0 { 1 + legend } else { 0 }
        })
        .sum::<usize>()
        + terms;
    let per = lines.div_ceil(halves(area));
    per.saturating_sub(area.height.saturating_sub(2) as usize) as u16
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        Clear.render(area, buf);
        let close = self.keymap.keys_of(Action::CloseHelp);
        let lines = self.lines();
        let halves = halves(area);
        let per = lines.len().div_ceil(halves);
        let inner_height = area.height.saturating_sub(2) as usize;
        let max_scroll = per.saturating_sub(inner_height);
        let scroll = (self.scroll as usize).min(max_scroll);
        let title = if max_scroll > 0 {
            let down = self.keymap.key_of(Action::HelpDown);
            let up = self.keymap.key_of(Action::HelpUp);
            strings::help_title(&close, Some((&down, &up)))
        } else {
            strings::help_title(&close, None)
        };
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(Line::from(Span::styled(title, theme.title)))
            .title_bottom(Line::from(Span::styled(mouse_help(self.screen), theme.dim)));
        if max_scroll > 0 {
            let at = format!(
                " {}–{} of {} ",
                scroll + 1,
                (scroll + inner_height).min(per),
                per
            );
            block
                .clone()
                .title_bottom(Line::from(Span::styled(at, theme.dim)).right_aligned())
                .render(area, buf);
        } else {
            block.clone().render(area, buf);
        }
        let inner = block.inner(area);
        let areas =
            inner.layout_vec(&Layout::horizontal(vec![Constraint::Fill(1); halves]).spacing(2));
        for (chunk, area) in lines.chunks(per.max(1)).zip(areas.iter()) {
            Paragraph::new(chunk.to_vec())
                .scroll((scroll as u16, 0))
                .render(*area, buf);
        }
    }
}
