//! The confirm dialog (two-phase removal, Cancel focused) and the export path prompt.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::layout::{ScreenLayout, dialog_labels};
use super::text::{fit, safe};
use super::theme::Theme;
use crate::app::{Action, App, ConfirmAction, ConfirmDialog};
use crate::model::triage::Side;

/// Names listed in the dialog before "and N more".
const NAMES_SHOWN: usize = 5;

/// The dialog shows what its action will do, and nothing it will not.
pub fn render_confirm(
    app: &App,
    dialog: &ConfirmDialog,
    l: &ScreenLayout,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let action = &dialog.action;
    let kind = action.kind();
    let Some(triage) = app.triage_of(kind) else {
        return;
    };
    let area = l.dialog;
    Clear.render(area, buf);
    let ids = action.ids();
    let n = ids.len();
    let block = Block::bordered()
        .border_style(theme.error)
        .title(Line::from(Span::styled(
            format!(" {} ", action.title()),
            theme.title,
        )));
    let inner = block.inner(area);
    block.render(area, buf);
    let text_width = inner.width.saturating_sub(2) as usize;
    let right = triage.column(Side::Right);
    let mut lines: Vec<Line> = Vec::new();
    if let ConfirmAction::Overwrite { path, .. } = action {
        lines.push(Line::from(fit(
            &safe(&path.display().to_string()),
            text_width,
        )));
        lines.push(Line::raw("already exists."));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "Replace it with the {} staged? What it holds now is lost.",
                app.staged_in(kind)
            ),
            theme.hint,
        ));
    }
    let names = ids.iter().take(NAMES_SHOWN).map(|&id| {
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
            theme.dim,
        ));
    }
    if matches!(action, ConfirmAction::Journal { .. })
        && right.is_filtered()
        && right.shown().len() < n
    {
        lines.push(Line::styled(
            format!(
                "(all {n} staged, not only the {} the filter shows)",
                right.shown().len()
            ),
            theme.warning,
        ));
    }
    if matches!(
        action,
        ConfirmAction::Journal { .. } | ConfirmAction::Restore { .. }
    ) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(app.consequence(kind), theme.hint));
    }
    if let Some(warning) = app.removal_warning(action) {
        lines.push(Line::styled(warning, theme.warning));
    }
    if let ConfirmAction::MarkDone { .. } = action {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "For people removed on LinkedIn another way. A newer export verifies it.",
            theme.hint,
        ));
    }
    if let ConfirmAction::UnkeepAndMove { .. } = action {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{kept} of these {n} are on your keep list. Moving takes them off it.",
                kept = ids.iter().filter(|&&id| triage.is_kept(id)).count()
            ),
            theme.hint,
        ));
    }
    let keys = &app.keymap();
    lines.push(Line::styled(
        format!(
            "{} {} · {} cancel · {} choose",
            keys.keys_of(Action::Yes),
            match action {
                ConfirmAction::Overwrite { .. } => "replace".to_owned(),
                ConfirmAction::UnkeepAndMove { .. } => "un-keep and move".to_owned(),
                ConfirmAction::Restore { .. } => "restore".to_owned(),
                ConfirmAction::MarkDone { .. } => "mark done".to_owned(),
                ConfirmAction::Journal { .. } =>
                    kind.spec().map_or(String::new(), |s| s.verb.to_lowercase()),
            },
            keys.keys_of(Action::No),
            keys.keys_of(Action::NextButton)
                .split(' ')
                .next()
                .unwrap_or_default(),
        ),
        theme.dim,
    ));
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
    let n = app.list().map_or(0, |kind| app.staged_in(kind));
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(
            format!(" Export {n} staged to CSV "),
            theme.title,
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
            format!(
                "File ({} completes a name; ~ is your home folder):",
                app.keymap().key_of(Action::CompletePath)
            ),
            theme.hint,
        ),
        Line::from(vec![
            Span::styled("> ", theme.key),
            Span::raw(format!("{}▏", safe(&shown))),
        ]),
        Line::styled(
            format!(
                "{} writes it, {} cancels.",
                app.keymap().keys_of(Action::WriteFile),
                app.keymap().keys_of(Action::ClosePrompt)
            ),
            theme.dim,
        ),
    ];
    Paragraph::new(lines).render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}
