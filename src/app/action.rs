//! Everything the user can do, as data. Keys (see `keymap`) and mouse (see `ui::layout`)
//! become actions; `App::update` applies them. Each action a key can trigger has a stable
//! kebab-case name, the one the config file's `[keys]` section uses.

use serde::Deserialize;

use super::bindings;
use super::keymap::{Binding, Context};
use crate::model::triage::Side;

/// The tabs. What a tab is (its title, whose keys it answers, what its help lists, which
/// action switches to it) is said here; its state and its actions are in a module of its
/// own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tab {
    Connections,
    Invitations,
    History,
    Timeline,
}

impl Tab {
    pub const ALL: [Tab; 4] = [
        Tab::Connections,
        Tab::Invitations,
        Tab::History,
        Tab::Timeline,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Connections => "Connections",
            Tab::Invitations => "Invitations",
            Tab::History => "History",
            Tab::Timeline => "Timeline",
        }
    }

    /// The tab whose keys this one answers: the two triaged lists share theirs.
    pub fn keys(self) -> Tab {
        match self {
            Tab::Invitations => Tab::Connections,
            tab => tab,
        }
    }

    /// How the help and `unconnect config` title the tab's own keys.
    pub fn keys_title(self) -> &'static str {
        match self {
            Tab::Connections | Tab::Invitations => "Connections and Invitations",
            tab => tab.title(),
        }
    }

    /// Where the tab's keys apply, for a config error: "(on the History tab)".
    pub fn keys_phrase(self) -> &'static str {
        match self {
            Tab::Connections | Tab::Invitations => "in the columns",
            Tab::History => "on the History tab",
            Tab::Timeline => "on the Timeline tab",
        }
    }

    /// The overlays the tab can open, listed by its help after its own keys and the
    /// global ones.
    pub fn overlays(self) -> &'static [Context] {
        match self {
            Tab::Connections | Tab::Invitations => &[
                Context::Filter,
                Context::Confirm,
                Context::Prompt,
                Context::Sort,
            ],
            Tab::History => &[Context::Filter, Context::Confirm, Context::Sort],
            Tab::Timeline => &[],
        }
    }

    /// The tab's default keys, in its own context; the Invitations tab answers the
    /// Connections tab's. A tab added later keeps its bindings (and the key that switches
    /// to it) in its own module.
    pub(super) fn bindings(self) -> Vec<Binding> {
        match self {
            Tab::Connections => bindings::triage(),
            Tab::Invitations => Vec::new(),
            Tab::History => bindings::history(),
            Tab::Timeline => bindings::timeline(),
        }
    }

    /// The tab a key action switches to.
    pub fn switched_to(action: Action) -> Option<Tab> {
        match action {
            Action::ConnectionsTab => Some(Tab::Connections),
            Action::InvitationsTab => Some(Tab::Invitations),
            Action::HistoryTab => Some(Tab::History),
            Action::TimelineTab => Some(Tab::Timeline),
            Action::SwitchTab(tab) => Some(tab),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    ConnectionsTab,
    InvitationsTab,
    HistoryTab,
    TimelineTab,
    /// Timeline: weeks instead of months.
    ZoomIn,
    /// Timeline: months instead of weeks.
    ZoomOut,
    /// Timeline: the bar (or listed burst) before the selected one.
    PreviousBar,
    /// Timeline: the bar (or listed burst) after the selected one.
    NextBar,
    /// Timeline: between the bars and the list of bursts.
    ToggleBursts,
    /// Timeline: the Connections tab filtered to the selected bar's or burst's days.
    ShowConnections,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    SwitchColumn,
    Mark,
    /// Enter: marked rows (or the cursor row) to the other column.
    Move,
    /// → / l: as `Move`, from the left column only.
    MoveRight,
    /// ← / h: as `Move`, from the right column only.
    MoveLeft,
    MoveAll,
    InvertMarks,
    /// Keep the cursor row or the marked rows (or take them off the keep list).
    Keep,
    /// Start or end a range that marks rows as the cursor moves.
    MarkRange,
    /// Shift-↑ / Shift-↓: mark the cursor row and the next one.
    MarkUp,
    MarkDown,
    Filter,
    Sort,
    /// The column's sort order read backwards (again: forwards).
    ReverseSort,

    // In the sort menu (`s`).
    SortByName,
    SortByCompany,
    SortBySignals,
    SortByStatus,
    SortByDate,
    /// The column highlighted in the menu.
    PickSort,
    CloseSortMenu,
    Undo,
    Redo,
    /// The Remove dialog for everyone in the right column (Connections tab).
    Remove,
    /// The Withdraw dialog for everyone in the right column (Invitations tab).
    Withdraw,
    /// Opens the export prompt.
    Export,
    Open,
    /// Copy the cursor row's profile URL to the clipboard.
    CopyUrl,
    /// History: tick the cursor row (or the marked rows) done on LinkedIn, or untick.
    Done,
    /// History: mark everyone shown done, after a confirm (removed another way).
    DoneAll,
    /// History: restore the cursor row (or the marked rows), after a confirm.
    Restore,
    /// History: open an e-mail draft to the cursor row's person.
    Mail,
    /// History: open the next record not done on LinkedIn, from the cursor on.
    OpenNext,
    /// History: open the next `[rules] batch_size` records not done, a browser tab each.
    OpenBatch,
    /// History: tick every record opened and not yet done, after a confirm.
    DoneOpened,
    /// History: show the other list, removals or withdrawals.
    SwitchList,
    Help,
    Quit,

    // While typing a filter.
    KeepFilter,
    ClearFilter,

    // In the confirm dialog.
    Yes,
    No,
    NextButton,
    PressButton,

    // In the export prompt.
    WriteFile,
    ClosePrompt,
    CompletePath,

    // In the help overlay.
    HelpUp,
    HelpDown,
    HelpPageUp,
    HelpPageDown,
    HelpTop,
    HelpBottom,
    CloseHelp,

    // Text fields: fixed keys, not remappable.
    #[serde(skip)]
    Input(char),
    #[serde(skip)]
    Backspace,
    /// Cursor movement, word and line deletion, earlier filters.
    #[serde(skip)]
    Edit(super::line::Edit),

    // Mouse, already hit-tested against the last layout.
    #[serde(skip)]
    SwitchTab(Tab),
    #[serde(skip)]
    ClickRow {
        side: Side,
        row: usize,
    },
    /// Shift-click: marks from the cursor to this row.
    #[serde(skip)]
    ShiftClickRow {
        side: Side,
        row: usize,
    },
    #[serde(skip)]
    Scroll {
        side: Side,
        delta: isize,
    },
    /// Timeline: a click on a bar or a listed burst.
    /// A click on a column's heading: sort by it (again: reversed).
    #[serde(skip)]
    ClickHeading {
        side: Side,
        column: super::sort_menu::SortColumn,
    },
    #[serde(skip)]
    ClickBar(usize),
    #[serde(skip)]
    ClickBurst(usize),
    #[serde(skip)]
    ClickRemoveButton,
    #[serde(skip)]
    ClickCancelButton,
    #[serde(skip)]
    ClickConfirmButton,
}

impl Action {
    /// The config file's name for the action, e.g. `move-all`.
    pub fn name(self) -> String {
        // Debug is the variant's name in CamelCase: MoveAll -> move-all.
        let camel = format!("{self:?}");
        let mut name = String::with_capacity(camel.len() + 4);
        for (i, c) in camel.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    name.push('-');
                }
                name.push(c.to_ascii_lowercase());
            } else {
                name.push(c);
            }
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct One {
        a: Action,
    }

    #[test]
    fn names_are_kebab_case_and_deserialise_back() {
        for action in [
            Action::MoveAll,
            Action::Remove,
            Action::HelpPageDown,
            Action::Up,
        ] {
            let toml = format!("a = \"{}\"", action.name());
            let one: One = toml::from_str(&toml).unwrap();
            assert_eq!(one.a, action);
        }
        assert_eq!(Action::MoveAll.name(), "move-all");
        assert_eq!(Action::ConnectionsTab.name(), "connections-tab");
    }

    #[test]
    fn mouse_and_text_actions_have_no_config_name() {
        assert!(toml::from_str::<One>("a = \"input\"").is_err());
        assert!(toml::from_str::<One>("a = \"click-row\"").is_err());
    }
}
