//! Everything the user can do, as data. Keys and mouse become actions (see `keymap` and
//! `layout`); `App::update` applies them. Nothing here touches the terminal.

use crate::model::triage::Side;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Connections,
    Invitations,
    History,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Connections, Tab::Invitations, Tab::History];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Connections => "Connections",
            Tab::Invitations => "Invitations",
            Tab::History => "History",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SwitchTab(Tab),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    SwitchColumn,
    ToggleMark,
    /// Enter: marked rows (or the cursor row) to the other column.
    MoveSelection,
    /// → / l: as `MoveSelection`, from the left column only.
    MoveRight,
    /// ← / h: as `MoveSelection`, from the right column only.
    MoveLeft,
    MoveAllShown,
    InvertMarks,
    StartFilter,
    CycleSort,
    Undo,
    Redo,
    /// R: the Remove dialog for everyone in the right column (Connections tab).
    AskRemove,
    /// W: the Withdraw dialog for everyone in the right column (Invitations tab).
    AskWithdraw,
    /// Opens the export prompt.
    AskExport,
    OpenProfile,
    ToggleHelp,
    Quit,

    // While typing a filter or a path.
    Input(char),
    Backspace,
    /// Enter in a text field: keep the filter, or export to the path.
    Submit,
    /// Esc in a text field: clear the filter, or close the prompt.
    Cancel,

    // In the confirm dialog.
    Confirm,
    NextButton,
    PressButton,

    // Mouse, already hit-tested against the last layout.
    ClickRow {
        side: Side,
        row: usize,
    },
    Scroll {
        side: Side,
        delta: isize,
    },
    ClickRemoveButton,
    ClickCancelButton,
    ClickConfirmButton,
}
