//! The config file as written: TOML, with the place of every value kept so a mistake is
//! reported at its line and column.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    #[serde(default)]
    pub keys: BTreeMap<String, Spanned<OneOrMany>>,
    #[serde(default)]
    pub theme: ThemeSection,
    #[serde(default)]
    pub rules: RulesSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSection {
    /// `false`: no colours at all, as with `NO_COLOR`.
    pub color: Option<bool>,
    // Each role: a colour name or `#rrggbb`.
    pub cursor: Option<Spanned<String>>,
    pub marked: Option<Spanned<String>>,
    pub focus: Option<Spanned<String>>,
    pub dim: Option<Spanned<String>>,
    pub accent: Option<Spanned<String>>,
    pub highlight: Option<Spanned<String>>,
    pub warning: Option<Spanned<String>>,
}

impl ThemeSection {
    /// The roles the file sets, with their config names.
    pub fn roles(&self) -> impl Iterator<Item = (&'static str, &Spanned<String>)> {
        [
            ("cursor", &self.cursor),
            ("marked", &self.marked),
            ("focus", &self.focus),
            ("dim", &self.dim),
            ("accent", &self.accent),
            ("highlight", &self.highlight),
            ("warning", &self.warning),
        ]
        .into_iter()
        .filter_map(|(role, value)| value.as_ref().map(|v| (role, v)))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesSection {
    pub invitation_expiry_days: Option<u32>,
    pub reinvite_wait_days: Option<u32>,
    /// How many records the History tab's `open-batch` opens at once.
    pub batch_size: Option<Spanned<u32>>,
    /// Invitations LinkedIn lets one send in a week (restores are invitations).
    pub invitations_per_week: Option<Spanned<u32>>,
    /// What the History tab's work-through opens: "profile" or "connections-page".
    pub open: Option<Spanned<String>>,
}

/// `action = "key"` or `action = ["key", "key"]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(k) => vec![k.as_str()],
            OneOrMany::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// A parse error's message and where it is, as a byte range of the text.
pub struct Located {
    pub message: String,
    pub span: Option<Range<usize>>,
}

pub fn parse(text: &str) -> Result<File, Located> {
    toml::from_str(text).map_err(|e| Located {
        // toml's message is several lines with the source quoted: keep the first.
        message: e
            .message()
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        span: e.span(),
    })
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before, |i| &before[i + 1..])
        .chars()
        .count()
        + 1;
    (line, column)
}
