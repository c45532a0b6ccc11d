//! Editing one line of text (the filter, the export prompt) as a shell's line editor
//! does: a cursor, word and line deletion, pasting, and the filters typed before.
//! The editing itself is `tui-input`'s, without its terminal parts.

use tui_input::{Input, InputRequest};

/// An editing key, the same in every text field and not remappable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// Delete: the character under the cursor.
    DeleteNext,
    /// Ctrl-w: the word before the cursor.
    DeleteWord,
    /// Ctrl-u: the whole line.
    DeleteLine,
    /// ↑ in the filter: the filter typed before this one.
    Earlier,
    /// ↓ in the filter: back towards the one being typed.
    Later,
}

/// Earlier filters kept for ↑: a session's worth, not a log.
const RECALLED: usize = 100;

/// A paste longer than this is cut: no filter or path is longer, and a whole file pasted
/// by mistake must not be matched against every row.
const PASTE_LIMIT: usize = 4096;

/// The cursor of the line being edited, and the filters kept this session.
#[derive(Debug, Default, Clone)]
pub struct LineEditor {
    /// In characters from the start.
    cursor: usize,
    earlier: Vec<String>,
    /// How many steps back from the newest the shown earlier filter is, and the text
    /// being typed before ↑, which ↓ brings back.
    recalled: Option<(usize, String)>,
}

impl LineEditor {
    /// Starts editing `text` with the cursor at its end.
    pub fn start(&mut self, text: &str) {
        self.cursor = text.chars().count();
        self.recalled = None;
    }

    /// Where the cursor is, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts text at the cursor. Controls (a pasted line break, an escape) are not
    /// text a filter or a path can hold: a line break becomes a space, the rest go.
    pub fn insert(&mut self, text: &mut String, typed: &str) {
        let clean: String = typed
            .replace("\r\n", "\n")
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|&c| !c.is_control() && !crate::text_safety::is_invisible_or_format(c))
            .take(PASTE_LIMIT)
            .collect();
        for c in clean.chars() {
            self.request(text, InputRequest::InsertChar(c));
        }
    }

    pub fn backspace(&mut self, text: &mut String) {
        self.request(text, InputRequest::DeletePrevChar);
    }

    /// Applies an editing key; `Earlier` and `Later` need `LineEditor::recall`.
    pub fn edit(&mut self, text: &mut String, edit: Edit) {
        let request = match edit {
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::GoToPrevWord,
            Edit::WordRight => InputRequest::GoToNextWord,
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::DeleteNext => InputRequest::DeleteNextChar,
            Edit::DeleteWord => return self.delete_word(text),
            Edit::DeleteLine => InputRequest::DeleteLine,
            Edit::Earlier => return self.recall(text, 1),
            Edit::Later => return self.recall(text, -1),
        };
        self.request(text, request);
    }

    /// Ctrl-w as a shell's (readline's filename rubout): the spaces before the cursor,
    /// then back to the space or `/` before them, so a term such as `connected:>2020`
    /// goes whole (punctuation is no word of its own, as it is for `tui-input`), and in a
    /// path, its last part.
    fn delete_word(&mut self, text: &mut String) {
        let end = text
            .char_indices()
            .nth(self.cursor)
            .map_or(text.len(), |(at, _)| at);
        let before = text[..end].trim_end_matches(|c: char| c.is_whitespace() || c == '/');
        let start = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace() || *c == '/')
            .map_or(0, |(at, c)| at + c.len_utf8());
        text.replace_range(start..end, "");
        self.cursor = text[..start].chars().count();
    }

    fn request(&mut self, text: &mut String, request: InputRequest) {
        let mut input = Input::new(std::mem::take(text)).with_cursor(self.cursor);
        input.handle(request);
        self.cursor = input.cursor();
        input.value().clone_into(text);
    }

    /// Keeps a filter for ↑, newest last, once.
    pub fn remember(&mut self, filter: &str) {
        let filter = filter.trim();
        if filter.is_empty() {
            return;
        }
        self.earlier.retain(|f| f != filter);
        self.earlier.push(filter.to_owned());
        if self.earlier.len() > RECALLED {
            self.earlier.remove(0);
        }
        self.recalled = None;
    }

    /// `back` filters further back (1: ↑) or forward (-1: ↓), into `text`.
    fn recall(&mut self, text: &mut String, back: isize) {
        let n = self.earlier.len() as isize;
        if n == 0 {
            return;
        }
        // Steps back from the newest kept filter; -1 is the text being typed.
        let (step, draft) = match self.recalled.take() {
            Some((step, draft)) => (step as isize, draft),
            None => (-1, text.clone()),
        };
        let step = (step + back).clamp(-1, n - 1);
        if step < 0 {
            *text = draft;
        } else {
            text.clone_from(&self.earlier[(n - 1 - step) as usize]);
            self.recalled = Some((step as usize, draft));
        }
        self.cursor = text.chars().count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Edit], start: &str) -> (String, usize) {
        let mut line = LineEditor::default();
        let mut text = start.to_owned();
        line.start(&text);
        for &k in keys {
            line.edit(&mut text, k);
        }
        (text, line.cursor())
    }

    #[test]
    fn typing_after_moving_left_inserts_there() {
        let mut line = LineEditor::default();
        let mut text = "plain".to_owned();
        line.start(&text);
        line.edit(&mut text, Edit::Left);
        line.edit(&mut text, Edit::Left);
        line.insert(&mut text, "X");
        assert_eq!(text, "plaXin");
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_the_line() {
        assert_eq!(
            typed(&[Edit::DeleteWord], "company:acme dentist").0,
            "company:acme "
        );
        // A term goes whole, with the spaces after it; from the middle, what is before
        // the cursor.
        assert_eq!(
            typed(&[Edit::DeleteWord], "messages:0 connected:>2020  ").0,
            "messages:0 "
        );
        assert_eq!(
            typed(&[Edit::WordLeft, Edit::DeleteWord], "café -company:über x"),
            ("café x".to_owned(), 5)
        );
        assert_eq!(typed(&[Edit::DeleteWord], "   ").0, "");
        assert_eq!(typed(&[Edit::DeleteWord], "~/exports/old/").0, "~/exports/");
        assert_eq!(
            typed(&[Edit::DeleteLine], "company:acme dentist"),
            (String::new(), 0)
        );
        assert_eq!(typed(&[Edit::Home, Edit::DeleteNext], "xacme").0, "acme");
        assert_eq!(typed(&[Edit::Home, Edit::End], "acme").1, 4);
    }

    #[test]
    fn pasted_controls_do_not_reach_the_line() {
        let mut line = LineEditor::default();
        let mut text = String::new();
        line.insert(&mut text, "acme\r\n\u{1b}[31mdentist\u{202e}\u{7}");
        assert_eq!(text, "acme [31mdentist");
    }

    #[test]
    fn up_and_down_go_through_earlier_filters_and_back_to_the_draft() {
        let mut line = LineEditor::default();
        line.remember("acme");
        line.remember("dentist");
        line.remember("acme");
        let mut text = "new".to_owned();
        line.start(&text);
        line.edit(&mut text, Edit::Earlier);
        assert_eq!(text, "acme");
        line.edit(&mut text, Edit::Earlier);
        assert_eq!(text, "dentist");
        line.edit(&mut text, Edit::Earlier);
        assert_eq!(text, "dentist", "no further back than the first");
        line.edit(&mut text, Edit::Later);
        assert_eq!(text, "acme");
        line.edit(&mut text, Edit::Later);
        assert_eq!(text, "new");
        assert_eq!(line.cursor(), 3);
    }
}
