//! The default key bindings, tab by tab, in the order the help lists them. The keymap
//! (`keymap.rs`) lays the config file's `[keys]` over them.

use super::action::Action;
use super::keymap::{Binding, Context, When};
use super::keys::{Key, KeyCode};
use super::list::ListKind;

fn ch(c: char) -> Key {
    Key::char(c)
}

fn code(code: KeyCode) -> Key {
    Key::new(code)
}

use Context::{Confirm, Filter, Global, Help, Prompt, Timeline, Triage};
use KeyCode::{BackTab, End, Enter, Esc, Home, PageDown, PageUp, Tab};

/// The default bindings, in the order the help lists them. Cursor keys, marks, filter and
/// sort are the same actions on every tab that has rows: remapping `up` remaps it there
/// too. What a tab does on its own has its own action (`open-next`, `next-bar`).
#[rustfmt::skip]
pub fn defaults() -> Vec<Binding> {
    let b = |context, action, keys: &[Key], hint, rank, when, help| Binding {
        context, action, keys: keys.to_vec(), hint, rank, when, help,
    };
    use When::{Always, On, OnList};
    use Context::History as Hist;
    let up = [code(KeyCode::Up), ch('k')];
    let down = [code(KeyCode::Down), ch('j')];
    let top = [ch('g'), code(Home)];
    let bottom = [ch('G'), code(End)];
    let tabs = [code(Tab), code(BackTab)];
    vec![
        b(Triage, Action::Mark, &[ch(' ')], Some("mark"), 2, OnList, "mark / unmark the row, cursor moves down"),
        b(Triage, Action::Move, &[code(Enter)], Some("move"), 2, OnList, "move marked rows (or the cursor row) over"),
        b(Triage, Action::MoveRight, &[code(KeyCode::Right), ch('l')], None, 9, OnList, "move to the right column (left column)"),
        b(Triage, Action::MoveLeft, &[code(KeyCode::Left), ch('h')], None, 9, OnList, "move to the left column (right column)"),
        b(Triage, Action::MoveAll, &[ch('a')], Some("move all shown"), 3, OnList, "move every row shown (after filtering)"),
        b(Triage, Action::Filter, &[ch('/')], Some("filter"), 3, OnList, "filter: name, company, position, email"),
        b(Triage, Action::Remove, &[ch('R')], Some("remove…"), 1, On(ListKind::Connections), "remove all on the right (asks first)"),
        b(Triage, Action::Withdraw, &[ch('W')], Some("withdraw…"), 1, On(ListKind::Invitations), "withdraw all on the right (asks first)"),
        b(Triage, Action::Undo, &[ch('u')], Some("undo"), 4, OnList, "undo the last move"),
        b(Triage, Action::Redo, &[Key::ctrl('r')], None, 9, OnList, "redo"),
        b(Triage, Action::SwitchColumn, &tabs, Some("column"), 5, OnList, "switch column"),
        b(Triage, Action::InvertMarks, &[ch('*')], None, 9, OnList, "invert marks (kept rows stay unmarked)"),
        b(Triage, Action::Keep, &[ch('K')], Some("keep"), 5, On(ListKind::Connections), "keep list: bulk moves pass them by"),
        b(Triage, Action::MarkRange, &[ch('V')], None, 9, OnList, "mark a range as the cursor moves"),
        b(Triage, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, OnList, "mark this row and the one above"),
        b(Triage, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, OnList, "mark this row and the one below"),
        b(Triage, Action::Sort, &[ch('s')], Some("sort"), 6, OnList, "sort: newest first, last name, company"),
        b(Triage, Action::Export, &[ch('e')], Some("export"), 6, OnList, "export the right column to CSV"),
        b(Triage, Action::Open, &[ch('o')], None, 9, OnList, "open the profile in your browser"),
        b(Triage, Action::CopyUrl, &[ch('y')], None, 9, OnList, "copy the profile URL to the clipboard"),
        b(Triage, Action::ClearFilter, &[code(Esc)], None, 9, OnList, "clear the column's filter"),
        b(Triage, Action::Up, &up, None, 9, OnList, "cursor up"),
        b(Triage, Action::Down, &down, None, 9, OnList, "cursor down"),
        b(Triage, Action::PageUp, &[code(PageUp)], None, 9, OnList, "page up"),
        b(Triage, Action::PageDown, &[code(PageDown)], None, 9, OnList, "page down"),
        b(Triage, Action::Top, &top, None, 9, OnList, "first row"),
        b(Triage, Action::Bottom, &bottom, None, 9, OnList, "last row"),
        b(Hist, Action::OpenNext, &[code(Enter)], Some("open next"), 0, Always, "open the next one to do on LinkedIn, from the cursor on"),
        b(Hist, Action::SwitchList, &tabs, Some("removed/withdrawn"), 3, Always, "show the other list: removed or withdrawn"),
        b(Hist, Action::Done, &[ch('d')], Some("done"), 1, Always, "tick done on LinkedIn (again: untick)"),
        b(Hist, Action::DoneAll, &[ch('D')], None, 9, Always, "mark all shown done (asks first)"),
        b(Hist, Action::Restore, &[ch('r')], Some("restore…"), 4, Always, "restore (asks first)"),
        b(Hist, Action::Mail, &[ch('m')], Some("e-mail"), 5, Always, "an e-mail draft to them"),
        b(Hist, Action::Mark, &[ch(' ')], None, 9, Always, "mark / unmark the row, cursor moves down"),
        b(Hist, Action::InvertMarks, &[ch('*')], None, 9, Always, "invert marks"),
        b(Hist, Action::MarkRange, &[ch('V')], None, 9, Always, "mark a range as the cursor moves"),
        b(Hist, Action::MarkUp, &[Key::shifted(KeyCode::Up)], None, 9, Always, "mark this row and the one above"),
        b(Hist, Action::MarkDown, &[Key::shifted(KeyCode::Down)], None, 9, Always, "mark this row and the one below"),
        b(Hist, Action::Filter, &[ch('/')], None, 9, Always, "filter: name, company, position, email"),
        b(Hist, Action::Sort, &[ch('s')], None, 9, Always, "sort: newest first, name, status"),
        b(Hist, Action::Open, &[ch('o')], None, 9, Always, "open the profile in your browser"),
        b(Hist, Action::CopyUrl, &[ch('y')], None, 9, Always, "copy the profile URL to the clipboard"),
        b(Hist, Action::ClearFilter, &[code(Esc)], None, 9, Always, "clear the filter"),
        b(Hist, Action::Up, &up, None, 9, Always, "cursor up"),
        b(Hist, Action::Down, &down, None, 9, Always, "cursor down"),
        b(Hist, Action::PageUp, &[code(PageUp)], None, 9, Always, "page up"),
        b(Hist, Action::PageDown, &[code(PageDown)], None, 9, Always, "page down"),
        b(Hist, Action::Top, &top, None, 9, Always, "first row"),
        b(Hist, Action::Bottom, &bottom, None, 9, Always, "last row"),
        b(Timeline, Action::PreviousBar, &[code(KeyCode::Left), ch('h')], Some("bar"), 2, Always, "the bar (or burst) before"),
        b(Timeline, Action::NextBar, &[code(KeyCode::Right), ch('l')], Some("bar"), 2, Always, "the bar (or burst) after"),
        b(Timeline, Action::ToggleBursts, &tabs, Some("bursts"), 2, Always, "between the bars and the list of bursts"),
        b(Timeline, Action::ShowConnections, &[code(Enter)], Some("show them"), 1, Always, "the Connections tab, filtered to those days"),
        b(Timeline, Action::ZoomIn, &[ch('+'), ch('=')], Some("weeks"), 3, Always, "per week"),
        b(Timeline, Action::ZoomOut, &[ch('-')], Some("months"), 3, Always, "per month"),
        b(Timeline, Action::Up, &up, None, 9, Always, "the bar (or burst) before"),
        b(Timeline, Action::Down, &down, None, 9, Always, "the bar (or burst) after"),
        b(Timeline, Action::PageUp, &[code(PageUp)], None, 9, Always, "a year back"),
        b(Timeline, Action::PageDown, &[code(PageDown)], None, 9, Always, "a year on"),
        b(Timeline, Action::Top, &top, None, 9, Always, "the first bar"),
        b(Timeline, Action::Bottom, &bottom, None, 9, Always, "the last bar"),
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
        b(Confirm, Action::PressButton, &[code(Enter)], Some("press"), 2, Always, "press the focused button (Cancel first)"),
        b(Prompt, Action::WriteFile, &[code(Enter)], Some("export"), 1, Always, "write the file"),
        b(Prompt, Action::ClosePrompt, &[code(Esc)], Some("cancel"), 1, Always, "close without exporting"),
        b(Prompt, Action::CompletePath, &[code(Tab)], Some("complete"), 2, Always, "complete the file or folder name"),
        b(Help, Action::HelpDown, &[code(KeyCode::Down), ch('j')], Some("scroll"), 2, Always, "scroll down"),
        b(Help, Action::HelpUp, &[code(KeyCode::Up), ch('k')], None, 3, Always, "scroll up"),
        b(Help, Action::HelpPageDown, &[code(PageDown), ch(' ')], None, 3, Always, "page down"),
        b(Help, Action::HelpPageUp, &[code(PageUp)], None, 3, Always, "page up"),
        b(Help, Action::CloseHelp, &[ch('?'), code(Esc), ch('q')], Some("close help"), 0, Always, "close this help"),
    ]
}
