//! The confirm dialog (two-phase removal, Cancel focused) and the export path prompt.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::app::{App, ListKind};
use super::layout::{ScreenLayout, dialog_labels};
use super::text::{fit, safe};
use super::theme::THEME;
use crate::model::person::LINKEDIN_DATE;
use crate::model::triage::{Place, Side};

/// Names listed in the dialog before "and N more".
const NAMES_SHOWN: usize = 5;

pub fn render_confirm(app: &App, l: &ScreenLayout, remove_focused: bool, buf: &mut Buffer) {
    let Some(kind) = app.list() else { return };
    let area = l.dialog;
    Clear.render(area, buf);
    let triage = app.triage_of(kind);
    let n = app.staged_in(kind);
    let block = Block::bordered()
        .border_style(THEME.error)
        .title(Line::from(Span::styled(
            format!(" {} {n} {}? ", kind.verb(), kind.noun(n)),
            THEME.title,
        )));
    let inner = block.inner(area);
    block.render(area, buf);
    let text_width = inner.width.saturating_sub(2) as usize;
    let right = triage.column(Side::Right);
    let mut lines: Vec<Line> = Vec::new();
    // Everyone staged goes, whatever the right column's filter shows.
    let names = triage.ids_in(Place::Right).take(NAMES_SHOWN).map(|id| {
        fit(
            &safe(&app.item_name(kind, id)),
            text_width.saturating_sub(2),
        )
    });
    for name in names {
        lines.push(Line::from(format!("• {name}")));
    }
    if n > NAMES_SHOWN {
        lines.push(Line::styled(
            format!("  and {} more", n - NAMES_SHOWN),
            THEME.dim,
        ));
    }
    if right.is_filtered() && right.shown().len() < n {
        lines.push(Line::styled(
            format!(
                "(all {n} staged, not only the {} the filter shows)",
                right.shown().len()
            ),
            THEME.warning,
        ));
    }
    lines.push(Line::raw(""));
    let consequence = match (kind, app.may_reinvite_after()) {
        (ListKind::Invitations, Some(date)) => format!(
            "They will not be notified. You can invite them again after {}.",
            date.format(LINKEDIN_DATE)
        ),
        _ => "They will not be notified. Only you can reconnect with them later.".to_owned(),
    };
    lines.push(Line::styled(consequence, THEME.hint));
    let text_area = inner.inner(ratatui::layout::Margin::new(1, 0));
    let text_area = ratatui::layout::Rect {
        height: l.dialog_buttons[0].y.saturating_sub(text_area.y),
        ..text_area
    };
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(text_area, buf);
    let [cancel, remove] = dialog_labels(app);
    let [cancel_r, remove_r] = l.dialog_buttons;
    let (cancel_style, remove_style) = if remove_focused {
        (THEME.button, THEME.danger)
    } else {
        (THEME.button_focused, THEME.button)
    };
    buf.set_string(cancel_r.x, cancel_r.y, cancel, cancel_style);
    buf.set_string(remove_r.x, remove_r.y, remove, remove_style);
}

pub fn render_prompt(app: &App, l: &ScreenLayout, input: &str, buf: &mut Buffer) {
    let area = ratatui::layout::Rect {
        height: 6.min(l.dialog.height),
        ..l.dialog
    };
    Clear.render(area, buf);
    let n = app.list().map_or(0, |kind| app.staged_in(kind));
    let block = Block::bordered()
        .border_style(THEME.border_focused)
        .title(Line::from(Span::styled(
            format!(" Export {n} staged to CSV "),
            THEME.title,
        )));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(2) as usize;
    let shown: String = {
        // Keep the end of a long path visible, where the typing happens.
        let chars: Vec<char> = input.chars().collect();
        let start = chars.len().saturating_sub(w.saturating_sub(2));
        chars[start..].iter().collect()
    };
    let lines = vec![
        Line::styled(
            "File (in the current folder unless you give a path):",
            THEME.hint,
        ),
        Line::from(vec![
            Span::styled("> ", THEME.key),
            Span::raw(format!("{}▏", safe(&shown))),
        ]),
        Line::styled("Enter writes it, Esc cancels.", THEME.dim),
    ];
    Paragraph::new(lines).render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
