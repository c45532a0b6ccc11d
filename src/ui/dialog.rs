//! The confirm dialog (two-phase removal, Cancel focused) and the export path prompt.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::layout::{ScreenLayout, dialog_labels};
use super::text::{fit, safe, with_cursor};
use super::theme::Theme;
use crate::app::{Action, App, ConfirmDialog, DialogLine, Tone, strings};

/// The dialog shows what its action will do, and nothing it will not: the words are the
/// app's (`App::dialog_text`), made safe and fitted here.
pub fn render_confirm(
    app: &App,
    dialog: &ConfirmDialog,
    l: &ScreenLayout,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let text = app.dialog_text(&dialog.action);
    let area = l.dialog;
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_style(theme.error)
        .title(Line::from(Span::styled(
            format!(" {} ", safe(&text.title)),
            theme.title,
        )));
    let inner = block.inner(area);
    block.render(area, buf);
    let text_width = inner.width.saturating_sub(2) as usize;
    let styled = |l: &DialogLine| {
        let style = match l.tone {
            Tone::Plain | Tone::Cut => ratatui::style::Style::new(),
            Tone::Hint => theme.hint,
            Tone::Warning => theme.warning,
        };
        let shown = match l.tone {
            Tone::Cut => fit(&safe(&l.text), text_width),
            _ => safe(&l.text).into_owned(),
        };
        Line::styled(shown, style)
    };
    let text_area = inner.inner(ratatui::layout::Margin::new(1, 0));
    let text_area = ratatui::layout::Rect {
        height: l.dialog_buttons[0].y.saturating_sub(text_area.y),
        ..text_area
    };
    let before: Vec<Line> = text.before.iter().map(styled).collect();
    let after: Vec<Line> = text.after.iter().map(styled).collect();
    // The names get what the other lines leave (as wrapped), keeping a line for
    // "and N more" and one for "N above" when the list is scrolled.
    let tall = |lines: &[Line]| -> usize {
        lines
            .iter()
            .map(|l| l.width().div_ceil(text_width.max(1)).max(1))
            .sum()
    };
    let total = text.names.len() + text.more;
    let fixed = tall(&before) + tall(&after) + 1 + usize::from(text.above > 0);
    let mut room = (text_area.height as usize).saturating_sub(fixed);
    if room < total {
        room = room.saturating_sub(1).max(1);
    }
    let shown = text.names.len().min(room);
    let more = total - shown;
    let mut lines = before;
    if text.above > 0 {
        lines.push(Line::styled(strings::names_above(text.above), theme.dim));
    }
    for name in text.names.iter().take(shown) {
        let name = fit(&safe(name), text_width.saturating_sub(2));
        lines.push(Line::from(format!("• {name}")));
    }
    if more > 0 {
        lines.push(Line::styled(strings::and_more(more), theme.dim));
    }
    lines.extend(after);
    lines.push(Line::styled(text.keys, theme.dim));
    Paragraph::new(lines)
        .wrap(ratatui::widgets::Wrap { trim: false })
        .render(text_area, buf);
    let [cancel, remove] = dialog_labels(app);
    let [cancel_r, remove_r] = l.dialog_buttons;
    let (cancel_style, remove_style) = if dialog.yes_focused {
        (theme.button, theme.danger)
    } else {
        (theme.button_focused, theme.button)
    };
    buf.set_string(cancel_r.x, cancel_r.y, cancel, cancel_style);
    buf.set_string(remove_r.x, remove_r.y, remove, remove_style);
}

pub fn render_prompt(app: &App, l: &ScreenLayout, input: &str, buf: &mut Buffer, theme: &Theme) {
    let area = ratatui::layout::Rect {
        height: 6.min(l.dialog.height),
        ..l.dialog
    };
    Clear.render(area, buf);
    let n = app.export_count();
    let staged = app.list().is_none_or(|kind| kind.history_kind().is_none());
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(
            strings::export_title(n, staged),
            theme.title,
        )));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(2) as usize;
    // Around the cursor: the end of a long path, where the typing happens, or wherever
    // the cursor was moved to.
    let shown = with_cursor(input, app.line_cursor(), w.saturating_sub(1));
    let mut lines = vec![
        Line::styled(
            strings::export_file(&app.keymap().key_of(Action::CompletePath)),
            theme.hint,
        ),
        Line::from(vec![Span::styled("> ", theme.key), Span::raw(shown)]),
        Line::styled(
            strings::export_keys(
                &app.keymap().keys_of(Action::WriteFile),
                &app.keymap().keys_of(Action::ClosePrompt),
            ),
            theme.dim,
        ),
    ];
    // Staged connections can come back from the spreadsheet they are marked in.
    if app.list() == Some(crate::app::ListKind::Connections) {
        lines.push(Line::styled(strings::EXPORT_COMES_BACK, theme.hint));
    }
    Paragraph::new(lines).render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
