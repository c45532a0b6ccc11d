//! The view the user leaves (tab, sorts, Timeline zoom) as the store keeps it, and
//! brought back on the next start.

use super::action::Tab;
use super::effect::Effect;
use super::list::ListKind;
use super::state::{App, PrivacyNote};
use super::strings;
use crate::model::timeline::Granularity;
use crate::model::triage::Side;
use crate::store::StoreError;
use crate::store::view::{Sort, View};

fn tab_name(tab: Tab) -> &'static str {
    match tab {
        Tab::Connections => "connections",
        Tab::Invitations => "invitations",
        Tab::History => "history",
        Tab::Timeline => "timeline",
    }
}

/// A column's name in the saved view: the list's, and `-right` for a right column.
fn column_name(kind: ListKind, side: Side) -> String {
    let list = match kind {
        ListKind::Connections => "connections",
        ListKind::Invitations => "invitations",
        ListKind::Removed => "removed",
        ListKind::Withdrawn => "withdrawn",
    };
    match side {
        Side::Left => list.to_owned(),
        Side::Right => format!("{list}-right"),
    }
}

/// The columns whose sort is kept: both of a triaged list, the one of a History list.
fn columns() -> impl Iterator<Item = (ListKind, Side)> {
    ListKind::ALL.into_iter().flat_map(|kind| {
        let sides: &[Side] = if kind.history_kind().is_some() {
            &[Side::Left]
        } else {
            &[Side::Left, Side::Right]
        };
        sides.iter().map(move |&side| (kind, side))
    })
}

impl App {
    /// The view to keep for the next start.
    pub fn view(&self) -> View {
        let sorts = columns()
            .filter_map(|(kind, side)| {
                let triage = self.triage_of(kind)?;
                let sort = Sort {
                    name: triage.sort_name(side).to_owned(),
                    reversed: triage.column(side).reversed,
                };
                Some((column_name(kind, side), sort))
            })
            .collect();
        let zoom = self
            .timeline
            .as_ref()
            .map_or(self.timeline_zoom, |t| t.granularity);
        View {
            tab: tab_name(self.tab).to_owned(),
            sorts,
            zoom: match zoom {
                Granularity::Month => "month",
                Granularity::Week => "week",
            }
            .to_owned(),
            // Said before, or this session (in the mode that visits profiles).
            privacy_noted: self.privacy_note == PrivacyNote::SaidBefore
                || (self.history.privacy_said
                    && self.history.open_target == super::history_screen::OpenTarget::Profile),
        }
    }

    /// Brings back a saved view; names this version does not know are passed by.
    pub(super) fn restore_view(&mut self, view: &View) -> Vec<Effect> {
        let mut effects = Vec::new();
        for (kind, side) in columns() {
            let Some(saved) = view.sorts.get(&column_name(kind, side)) else {
                continue;
            };
            let Some(triage) = self.triage_mut(kind) else {
                continue;
            };
            let Some(index) = triage.sort_names().position(|n| n == saved.name) else {
                continue;
            };
            if let Some(job) = triage.set_sort(side, index, saved.reversed) {
                effects.push(Effect::Filter(kind, job));
            }
        }
        if view.privacy_noted {
            self.privacy_note = PrivacyNote::SaidBefore;
            self.history.privacy_said = true;
        }
        if view.zoom == "week" {
            self.timeline_zoom = Granularity::Week;
        }
        let tab = Tab::ALL.into_iter().find(|&t| tab_name(t) == view.tab);
        // The Invitations tab of an export without invitations stays away.
        if let Some(tab) = tab.filter(|&t| t != Tab::Invitations || self.invitations.is_some()) {
            self.show(tab);
        }
        effects
    }

    pub(super) fn view_not_read(&mut self, error: &StoreError) {
        // Said at the start, about the whole app: on every tab.
        self.say_everywhere(
            super::status::StatusKind::Warning,
            strings::view_not_read(error),
        );
    }
}
