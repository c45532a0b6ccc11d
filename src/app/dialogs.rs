//! Every confirm dialog in one place: what it says (title, body, button) and what its
//! answer does, one arm per action, side by side. A new destructive action is one
//! variant of `ConfirmAction`, one arm in [`App::dialog_text`] and one in `answer`.

use super::action::Action;
use super::confirm::ConfirmAction;
use super::effect::Effect;
use super::list::ListKind;
use super::state::App;
use super::strings;
use crate::model::triage::Side;
use crate::store::journal::JournalAction;

/// Names a dialog lists when the terminal has room for no more than its usual height.
pub const NAMES_SHOWN: usize = 5;

/// Names handed to the dialog from its scroll position on: more than any terminal shows,
/// so a list of a million is never built whole.
const NAMES_WINDOW: usize = 200;

/// How a line of a dialog's body is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// One line, cut to fit (a path).
    Cut,
    Hint,
    Warning,
}

/// A line of a dialog's body; the widgets make it safe and fit it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogLine {
    pub tone: Tone,
    pub text: String,
}

/// What a confirm dialog says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogText {
    pub title: String,
    /// Before the names.
    pub before: Vec<DialogLine>,
    /// Names of the items the action is about, from the dialog's scroll position on
    /// (the dialog shows as many as it has room for).
    pub names: Vec<String>,
    /// How many names are scrolled past, above `names`.
    pub above: usize,
    /// How many more after `names`.
    pub more: usize,
    /// After the names: what saying yes means.
    pub after: Vec<DialogLine>,
    /// "y remove · n Esc cancel · Tab choose".
    pub keys: String,
    /// The confirm button: "[ Remove 3 ]".
    pub button: String,
}

fn line(tone: Tone, text: impl Into<String>) -> DialogLine {
    DialogLine {
        tone,
        text: text.into(),
    }
}

fn gap() -> DialogLine {
    line(Tone::Plain, "")
}

impl App {
    /// What the dialog for `action` says.
    pub fn dialog_text(&self, action: &ConfirmAction) -> DialogText {
        let kind = action.kind();
        let n = action.ids().len();
        let count = strings::thousands(n);
        let mut before = Vec::new();
        let mut after = Vec::new();
        let (title, verb, button) = match action {
            ConfirmAction::Journal { kind, .. } => {
                let verb = kind.spec().map_or("", |s| s.verb);
                after = self.journal_after(action);
                (
                    format!("{verb} {count} {}?", kind.noun(n)),
                    verb.to_lowercase(),
                    format!("[ {verb} {count} ]"),
                )
            }
            ConfirmAction::Overwrite { kind, path } => {
                before.push(line(Tone::Cut, path.display().to_string()));
                before.push(line(Tone::Plain, "already exists."));
                before.push(gap());
                // A History list exports the rows it shows; the others, who is staged.
                let (count, shown) = match kind {
                    ListKind::Removed | ListKind::Withdrawn => (
                        self.triage_of(*kind)
                            .map_or(0, |t| t.column(Side::Left).shown().len()),
                        true,
                    ),
                    _ => (self.staged_in(*kind), false),
                };
                before.push(line(Tone::Hint, strings::replace_with(count, shown)));
                let file = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                (
                    format!("Replace {file}?"),
                    "replace".to_owned(),
                    "[ Replace ]".to_owned(),
                )
            }
            ConfirmAction::Restore { kind, ids } => {
                // What LinkedIn needs, per status; LinkedIn limits invitations per week.
                let (words, weeks) = self.restore_words(*kind, ids);
                after.push(gap());
                after.extend(words.into_iter().map(|w| line(Tone::Hint, w)));
                if let Some(weeks) = weeks {
                    after.push(line(Tone::Warning, weeks));
                }
                (
                    format!("Restore {count} {}?", kind.noun(n)),
                    "restore".to_owned(),
                    format!("[ Restore {count} ]"),
                )
            }
            ConfirmAction::MarkDone { kind, .. } => {
                after.push(gap());
                after.push(line(Tone::Hint, strings::mark_done_hint(*kind)));
                (
                    format!("Mark {count} done on LinkedIn?"),
                    "mark done".to_owned(),
                    format!("[ Mark {count} done ]"),
                )
            }
            ConfirmAction::DoneOpened { kind, .. } => {
                let open_key = self.keymap.key_of(Action::OpenBatch);
                // Every opened record goes, not only those a filter shows: say so.
                let left = self.triage_of(*kind).map(|t| t.column(Side::Left));
                if let Some(left) = left.filter(|l| l.is_filtered()) {
                    // The ids are in record order: a lookup each, not a scan.
                    let ids = action.ids();
                    let shown = left
                        .shown()
                        .iter()
                        .filter(|id| ids.binary_search(id).is_ok())
                        .count();
                    if shown < n {
                        let text = strings::all_opened_not_only_shown(n, shown);
                        after.push(line(Tone::Warning, text));
                    }
                }
                after.push(gap());
                after.push(line(
                    Tone::Hint,
                    strings::done_opened_hint(*kind, &open_key),
                ));
                (
                    strings::done_opened_title(n),
                    "tick done".to_owned(),
                    strings::done_opened_button(n),
                )
            }
            ConfirmAction::UnkeepAndMove { kind, ids, .. } => {
                let kept = self
                    .triage_of(*kind)
                    .map_or(0, |t| ids.iter().filter(|&&id| t.is_kept(id)).count());
                after.push(gap());
                after.push(line(Tone::Hint, strings::kept_of(kept, n)));
                (
                    "Move people on your keep list?".to_owned(),
                    "un-keep and move".to_owned(),
                    format!("[ Un-keep and move {count} ]"),
                )
            }
        };
        let above = self.confirm_scroll.min(n.saturating_sub(1));
        let keys = &self.keymap;
        let choose = keys.keys_of(Action::NextButton);
        DialogText {
            title,
            before,
            names: action
                .ids()
                .iter()
                .skip(above)
                .take(NAMES_WINDOW)
                .map(|&id| self.dialog_name(kind, id))
                .collect(),
            above,
            more: n.saturating_sub(above + NAMES_WINDOW),
            after,
            keys: format!(
                "{} {verb} · {} cancel · {} choose",
                keys.keys_of(Action::Yes),
                keys.keys_of(Action::No),
                choose.split(' ').next().unwrap_or_default(),
            ),
            button,
        }
    }

    /// What the Remove (Withdraw) dialog says after the names: that the whole staged
    /// column goes, what saying yes means, and what goes with it.
    fn journal_after(&self, action: &ConfirmAction) -> Vec<DialogLine> {
        let (kind, n) = (action.kind(), action.ids().len());
        let mut after = Vec::new();
        let right = self.triage_of(kind).map(|t| t.column(Side::Right));
        if let Some(right) = right.filter(|r| r.is_filtered() && r.shown().len() < n) {
            let shown = right.shown().len();
            let text = format!("(all {n} staged, not only the {shown} the filter shows)");
            after.push(line(Tone::Warning, text));
        }
        after.push(gap());
        after.push(line(Tone::Hint, self.consequence(kind)));
        if let Some(warning) = self.removal_warning(action) {
            after.push(line(Tone::Warning, warning));
        }
        after
    }

    /// What a yes (or a no) to the dialog does, and what the status line says then.
    pub(super) fn answer(&mut self, action: ConfirmAction, yes: bool) -> Vec<Effect> {
        match action {
            ConfirmAction::Journal { kind, ids } => {
                let Some(spec) = kind.spec() else {
                    return Vec::new();
                };
                if !yes {
                    self.info(strings::cancelled_nothing(spec.done));
                    return Vec::new();
                }
                self.journaling = true;
                self.info(strings::writing_journal(spec.doing, ids.len()));
                vec![Effect::Confirmed(ConfirmAction::Journal { kind, ids })]
            }
            ConfirmAction::Overwrite { kind, path } => {
                if !yes {
                    self.info(strings::not_replaced(&path));
                    return Vec::new();
                }
                vec![Effect::Export {
                    kind,
                    path,
                    overwrite: true,
                }]
            }
            ConfirmAction::Restore { kind, ids } => {
                self.record_if(yes, kind, JournalAction::Restore, ids)
            }
            ConfirmAction::MarkDone { kind, ids } | ConfirmAction::DoneOpened { kind, ids } => {
                self.record_if(yes, kind, JournalAction::Done, ids)
            }
            ConfirmAction::UnkeepAndMove { kind, ids, from } => {
                if !yes {
                    self.info(strings::STAY_KEPT);
                    return Vec::new();
                }
                self.unkeep_and_move(kind, ids, from)
            }
        }
    }

    /// A History mark, journaled on yes.
    fn record_if(
        &mut self,
        yes: bool,
        kind: ListKind,
        mark: JournalAction,
        ids: Vec<u32>,
    ) -> Vec<Effect> {
        if !yes {
            self.info(strings::CANCELLED);
            return Vec::new();
        }
        self.journaling = true;
        vec![Effect::Record { kind, mark, ids }]
    }
}
