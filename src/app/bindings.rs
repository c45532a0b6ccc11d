//! The default key bindings, tab by tab, in the order the help lists them. The keymap
//! (`keymap.rs`) lays the config file's `[keys]` over them.

use super::action::{Action, Tab as TabPage};
use super::keymap::{Binding, Context, When};
use super::keys::{Key, KeyCode};
use super::list::ListKind;
use Context::{Confirm, Filter, Global, Help, Prompt, Sort};
use KeyCode::{BackTab, End, Enter, Esc, Home, PageDown, PageUp, Tab};

const TRIAGE: Context = Context::TRIAGE;
const HISTORY: Context = Context::HISTORY;
const TIMELINE: Context = Context::TIMELINE;

pub(super) fn ch(c: char) -> Key {
    Key::char(c)
}

pub(super) fn code(code: KeyCode) -> Key {
    Key::new(code)
}

/// One binding.
pub(super) fn b(
    context: Context,
    action: Action,
    keys: &[Key],
    hint: Option<&'static str>,
    rank: u8,
    when: When,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        action,
        keys: keys.to_vec(),
        hint,
        rank,
        when,
        help,
    }
}

const UP: [Key; 2] = [Key::new(KeyCode::Up), Key::char('k')];
const DOWN: [Key; 2] = [Key::new(KeyCode::Down), Key::char('j')];
const TOP: [Key; 2] = [Key::char('g'), Key::new(Home)];
const BOTTOM: [Key; 2] = [Key::char('G'), Key::new(End)];
const TABS: [Key; 2] = [Key::new(Tab), Key::new(BackTab)];

/// The default bindings, in the order the help lists them: each tab's own (see
/// `Tab::bindings`), then the global ones and the overlays'. Cursor keys, marks, filter
/// and sort are the same actions on every tab that has rows: remapping `up` remaps it
/// there too. What a tab does on its own has its own action (`open-next`, `next-bar`).
pub fn defaults() -> Vec<Binding> {
    TabPage::ALL
        .iter()
        .flat_map(|tab| tab.bindings())
        .chain(shared())
        .collect()
}

/// The Connections and Invitations tabs' keys.
#[rustfmt::skip]
pub(super) fn triage() -> Vec<Binding> {
    use When::{On, OnList};
    let (up, down, top, bottom, tabs) = (UP, DOWN, TOP, BOTTOM, TABS);
    vec![
        b(TRIAGE, Action::Mark, &[ch(' ')], Some("mark"), 2, OnList, "mark / unmark the row, cursor moves down"),
        b(TRIAGE, Action::Move, &[code(Enter)], Some("move"), 2, OnList, "move marked rows (or the cursor row) over"),
        b(TRIAGE, Action::MoveRight, &[code(KeyCode::Right), ch('l')], None, 9, OnList, "move to the right column (left column)"),
        b(TRIAGE, Action::MoveLeft, &[code(KeyCode::Left), ch('h')], None, 9, OnList, "move to the left column (right column)"),
        b(TRIAGE, Action::MoveAll, &[ch('a')], Some("move all"), 4, OnList, "move every row shown (after filtering)"),
        b(TRIAGE, Action::Filter, &[ch('/')], Some("filter"), 3, OnList, "filter: name, company, position, email"),
        b(TRIAGE, Action::Remove, &[ch('R')], Some("remove…"), 1, On(ListKind::Connections), "remove all on the right (asks first)"),
        b(TRIAGE, Action::Withdraw, &[ch('W')], Some("withdraw…"), 1, On(ListKind::Invitations), "withdraw all on the right (asks first)"),
        b(TRIAGE, Action::Undo, &[ch('u')], Some("undo"), 3, OnList, "undo the last move"),
        b(TRIAGE, Action::Redo, &[Key::ctrl('r')], None, 9, OnList, "redo"),
        b(TRIAGE, Action::SwitchColumn, &tabs, Some("column"), 5, OnList, "switch column"),
        b(TRIAGE, Action::InvertMarks, &[ch('*')], None, 9, OnList, "invert marks (kept rows stay unmarked)"),
        b(TRIAGE, Action::Keep, &[ch('K')], Some("keep"), 5, On(ListKind::Connections), "keep list: bulk moves pass them by"),
        b(TRIAGE, Action::MarkRange, &[ch('V')], None, 9, OnList, "mark a range as the cursor moves"),
        b(TRIAGE, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, OnList, "mark this row and the one above"),
        b(TRIAGE, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, OnList, "mark this row and the one below"),
        b(TRIAGE, Action::Sort, &[ch('s')], Some("sort"), 6, OnList, "sort by a column: a menu of them"),
        b(TRIAGE, Action::ReverseSort, &[ch('S')], None, 9, OnList, "reverse the sort order"),
        b(TRIAGE, Action::Export, &[ch('e')], Some("export"), 6, OnList, "export the right column to CSV"),
        b(TRIAGE, Action::Open, &[ch('o')], None, 9, OnList, "open the profile in your browser"),
        b(TRIAGE, Action::CopyUrl, &[ch('y')], None, 9, OnList, "copy the profile URL to the clipboard"),
        b(TRIAGE, Action::ClearFilter, &[code(Esc)], None, 9, OnList, "unmark all, or else clear the filter"),
        b(TRIAGE, Action::Up, &up, None, 9, OnList, "cursor up"),
        b(TRIAGE, Action::Down, &down, None, 9, OnList, "cursor down"),
        b(TRIAGE, Action::PageUp, &[code(PageUp)], None, 9, OnList, "page up"),
        b(TRIAGE, Action::PageDown, &[code(PageDown)], None, 9, OnList, "page down"),
        b(TRIAGE, Action::Top, &top, None, 9, OnList, "first row"),
        b(TRIAGE, Action::Bottom, &bottom, None, 9, OnList, "last row"),
    ]
}

/// The History tab's keys.
#[rustfmt::skip]
pub(super) fn history() -> Vec<Binding> {
    use When::Always;
    let (up, down, top, bottom, tabs) = (UP, DOWN, TOP, BOTTOM, TABS);
    vec![
        b(HISTORY, Action::OpenNext, &[code(Enter)], Some("open next"), 0, Always, "open the next one to do on LinkedIn, from the cursor on"),
        b(HISTORY, Action::SwitchList, &tabs, Some("removed/withdrawn"), 3, Always, "show the other list: removed or withdrawn"),
        b(HISTORY, Action::Done, &[ch('d')], Some("done"), 1, Always, "tick done on LinkedIn (again: untick)"),
        b(HISTORY, Action::OpenBatch, &[ch('b')], Some("open batch"), 2, Always, "open the next ones to do, a tab each"),
        b(HISTORY, Action::DoneOpened, &[ch('B')], Some("batch done…"), 4, Always, "tick all opened and not done (asks first)"),
        b(HISTORY, Action::DoneAll, &[ch('D')], None, 9, Always, "mark all shown done (asks first)"),
        b(HISTORY, Action::Restore, &[ch('r')], Some("restore…"), 4, Always, "restore (asks first)"),
        b(HISTORY, Action::Mail, &[ch('m')], Some("e-mail"), 5, When::On(ListKind::Removed), "an e-mail draft to them"),
        b(HISTORY, Action::Mark, &[ch(' ')], None, 9, Always, "mark / unmark the row, cursor moves down"),
        b(HISTORY, Action::InvertMarks, &[ch('*')], None, 9, Always, "invert marks"),
        b(HISTORY, Action::MarkRange, &[ch('V')], None, 9, Always, "mark a range as the cursor moves"),
        b(HISTORY, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, Always, "mark this row and the one above"),
        b(HISTORY, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, Always, "mark this row and the one below"),
        b(HISTORY, Action::Filter, &[ch('/')], None, 9, Always, "filter: name, company, status:done"),
        b(HISTORY, Action::Sort, &[ch('s')], None, 9, Always, "sort by a column: a menu of them"),
        b(HISTORY, Action::ReverseSort, &[ch('S')], None, 9, Always, "reverse the sort order"),
        b(HISTORY, Action::Export, &[ch('e')], None, 9, Always, "export the list shown to CSV"),
        b(HISTORY, Action::Open, &[ch('o')], None, 9, Always, "open the profile in your browser"),
        b(HISTORY, Action::CopyUrl, &[ch('y')], None, 9, Always, "copy the profile URL to the clipboard"),
        b(HISTORY, Action::ClearFilter, &[code(Esc)], None, 9, Always, "unmark all, or else clear the filter"),
        b(HISTORY, Action::Up, &up, None, 9, Always, "cursor up"),
        b(HISTORY, Action::Down, &down, None, 9, Always, "cursor down"),
        b(HISTORY, Action::PageUp, &[code(PageUp)], None, 9, Always, "page up"),
        b(HISTORY, Action::PageDown, &[code(PageDown)], None, 9, Always, "page down"),
        b(HISTORY, Action::Top, &top, None, 9, Always, "first row"),
        b(HISTORY, Action::Bottom, &bottom, None, 9, Always, "last row"),
    ]
}

/// The Timeline tab's keys.
#[rustfmt::skip]
pub(super) fn timeline() -> Vec<Binding> {
    use When::Always;
    let (up, down, top, bottom, tabs) = (UP, DOWN, TOP, BOTTOM, TABS);
    vec![
        b(TIMELINE, Action::PreviousBar, &[code(KeyCode::Left), ch('h')], Some("bar"), 2, Always, "the bar (or burst) before"),
        b(TIMELINE, Action::NextBar, &[code(KeyCode::Right), ch('l')], Some("bar"), 2, Always, "the bar (or burst) after"),
        b(TIMELINE, Action::ToggleBursts, &tabs, Some("bursts"), 2, Always, "between the bars and the list of bursts"),
        b(TIMELINE, Action::ShowConnections, &[code(Enter)], Some("show them"), 1, Always, "the Connections tab, filtered to those days"),
        b(TIMELINE, Action::ZoomIn, &[ch('+'), ch('=')], Some("weeks"), 3, Always, "per week"),
        b(TIMELINE, Action::ZoomOut, &[ch('-')], Some("months"), 3, Always, "per month"),
        b(TIMELINE, Action::Up, &up, None, 9, Always, "the bar (or burst) before"),
        b(TIMELINE, Action::Down, &down, None, 9, Always, "the bar (or burst) after"),
        b(TIMELINE, Action::PageUp, &[code(PageUp)], None, 9, Always, "a year back"),
        b(TIMELINE, Action::PageDown, &[code(PageDown)], None, 9, Always, "a year on"),
        b(TIMELINE, Action::Top, &top, None, 9, Always, "the first bar"),
        b(TIMELINE, Action::Bottom, &bottom, None, 9, Always, "the last bar"),
    ]
}

/// The keys every tab answers, and the overlays'.
#[rustfmt::skip]
fn shared() -> Vec<Binding> {
    use When::Always;
    vec![
        b(Global, Action::ConnectionsTab, &[ch('1')], None, 9, Always, "Connections tab"),
        b(Global, Action::InvitationsTab, &[ch('2')], None, 9, Always, "Invitations tab"),
        b(Global, Action::HistoryTab, &[ch('3')], None, 9, Always, "History tab"),
        b(Global, Action::TimelineTab, &[ch('4')], None, 9, Always, "Timeline tab: connections per month, bursts"),
        b(Global, Action::Help, &[ch('?')], Some("help"), 0, Always, "this help"),
        b(Global, Action::Quit, &[ch('q'), Key::ctrl('c')], Some("quit"), 0, Always, "quit (the staged list is kept)"),
        b(Filter, Action::KeepFilter, &[code(Enter)], Some("keep filter"), 1, Always, "keep the filter, back to the rows"),
        b(Filter, Action::ClearFilter, &[code(Esc)], Some("clear"), 1, Always, "clear the filter"),
        b(Confirm, Action::Yes, &[ch('y')], Some("confirm"), 1, Always, "confirm"),
        b(Confirm, Action::No, &[ch('n'), code(Esc)], Some("cancel"), 1, Always, "cancel"),
        b(Confirm, Action::NextButton, &[code(Tab), code(BackTab), code(KeyCode::Left), code(KeyCode::Right)], Some("choose"), 2, Always, "focus the other button"),
        b(Confirm, Action::Down, &DOWN, Some("scroll"), 3, Always, "scroll the names down"),
        b(Confirm, Action::Up, &UP, None, 9, Always, "scroll the names up"),
        b(Confirm, Action::PageDown, &[code(PageDown)], None, 9, Always, "a page of names down"),
        b(Confirm, Action::PageUp, &[code(PageUp)], None, 9, Always, "a page of names up"),
        b(Confirm, Action::PressButton, &[code(Enter)], Some("press"), 2, Always, "press the focused button (Cancel first)"),
        b(Sort, Action::Down, &DOWN, Some("choose"), 2, Always, "the next column"),
        b(Sort, Action::Up, &UP, None, 9, Always, "the column before"),
        b(Sort, Action::PickSort, &[code(Enter)], Some("sort by it"), 1, Always, "sort by the highlighted column"),
        b(Sort, Action::SortByName, &[ch('n')], None, 9, Always, "sort by name"),
        b(Sort, Action::SortByCompany, &[ch('c')], None, 9, Always, "sort by company"),
        b(Sort, Action::SortBySignals, &[ch('m')], None, 9, Always, "sort by signals: fewest messages first"),
        b(Sort, Action::SortByStatus, &[ch('t')], None, 9, Always, "sort by status (History)"),
        b(Sort, Action::SortByDate, &[ch('d')], None, 9, Always, "sort by the list's date, newest first"),
        b(Sort, Action::CloseSortMenu, &[code(Esc), ch('s')], Some("cancel"), 1, Always, "close the menu, the order as it was"),
        b(Prompt, Action::WriteFile, &[code(Enter)], Some("export"), 1, Always, "write the file"),
        b(Prompt, Action::ClosePrompt, &[code(Esc)], Some("cancel"), 1, Always, "close without exporting"),
        b(Prompt, Action::CompletePath, &[code(Tab)], Some("complete"), 2, Always, "complete the file or folder name"),
        b(Help, Action::HelpDown, &[code(KeyCode::Down), ch('j')], Some("scroll"), 2, Always, "scroll down"),
        b(Help, Action::HelpUp, &[code(KeyCode::Up), ch('k')], None, 3, Always, "scroll up"),
        b(Help, Action::HelpPageDown, &[code(PageDown), ch(' ')], None, 3, Always, "page down"),
        b(Help, Action::HelpPageUp, &[code(PageUp)], None, 3, Always, "page up"),
        b(Help, Action::HelpTop, &TOP, None, 3, Always, "to the top"),
        b(Help, Action::HelpBottom, &BOTTOM, None, 3, Always, "to the end"),
        b(Help, Action::CloseHelp, &[ch('?'), code(Esc), ch('q')], Some("close help"), 0, Always, "close this help"),
    ]
}
