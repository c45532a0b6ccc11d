//! The config file: TOML at the platform config folder (`$XDG_CONFIG_HOME/unconnect/
//! config.toml` on Linux), or `--config FILE`, or `UNCONNECT_CONFIG`. Three sections:
//! `[keys]` (action = key or keys, replacing that action's defaults), `[theme]` (colours
//! of a few roles, or `color = false`) and `[rules]`. Flags, then environment, then the
//! file, then the defaults. A bad file is one line naming the file, line and column,
//! before the terminal is touched.

pub mod file;
pub mod print;
pub mod small_file;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;

use crate::app::history::OpenTarget;
use crate::app::history_screen::WorkRules;
use crate::app::keymap::KeymapError;
use crate::app::{Key, Keymap};
use crate::model::InvitationRules;
use crate::text_safety::escape;
use crate::ui::theme::{Palette, Theme, no_color_requested};

/// The environment variable naming a config file.
pub const CONFIG_ENV: &str = "UNCONNECT_CONFIG";

/// Each one line naming the file; the path and the message (which may quote the file's
/// text: a key, a colour) escaped, so a config file cannot act on the terminal.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {}", shown(.path), escape(&.source.to_string()))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}, line {line}, column {column}: {}", shown(.path), escape(.message))]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {}", shown(.path), escape(.message))]
    File { path: PathBuf, message: String },
}

fn shown(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Palette,
    /// From the file's `[theme] color`; `NO_COLOR` wins over it.
    pub color: bool,
    pub rules: InvitationRules,
    /// What the History tab's work-through opens.
    pub open: OpenTarget,
    /// The work-through's batch size and the weekly invitations.
    pub work: WorkRules,
    /// The file it was read from, if any.
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            palette: Palette::default(),
            color: true,
            rules: InvitationRules::default(),
            open: OpenTarget::Profile,
            work: WorkRules::default(),
            source: None,
        }
    }
}

/// Rule values given as flags or environment variables (clap reads both); they win over
/// the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleOverrides {
    pub invitation_expiry_days: Option<u32>,
    pub reinvite_wait_days: Option<u32>,
}

/// The config file to read: the one named, else the platform's if it exists.
pub fn path(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    directories::ProjectDirs::from("", "", "unconnect")
        .map(|d| d.config_dir().join("config.toml"))
        .map(|p| (p, false))
}

impl Config {
    /// Reads the config (the named file, or the platform's when it exists) and lays the
    /// flags and environment over it.
    pub fn load(explicit: Option<&Path>, overrides: RuleOverrides) -> Result<Config, ConfigError> {
        let mut config = match path(explicit) {
            Some((path, named)) => match small_file::read_text(&path, small_file::MAX_CONFIG_BYTES)
            {
                Ok(text) => Config::parse(&text, &path)?,
                Err(e) if !named && e.kind() == std::io::ErrorKind::NotFound => Config::default(),
                Err(source) => return Err(ConfigError::Read { path, source }),
            },
            None => Config::default(),
        };
        if let Some(days) = overrides.invitation_expiry_days {
            config.rules.expiry_days = days;
        }
        if let Some(days) = overrides.reinvite_wait_days {
            config.rules.reinvite_wait_days = days;
        }
        Ok(config)
    }

    /// Parses a config file's text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let at = |span: Option<std::ops::Range<usize>>, message: String| match span {
            Some(span) => {
                let (line, column) = file::line_column(text, span.start);
                ConfigError::At {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message,
                }
            }
            None => ConfigError::File {
                path: path.to_path_buf(),
                message,
            },
        };
        let parsed = file::parse(text).map_err(|e| at(e.span, e.message))?;

        let mut overrides: BTreeMap<String, Vec<Key>> = BTreeMap::new();
        for (action, keys) in &parsed.keys {
            let mut list = Vec::new();
            for name in keys.get_ref().keys() {
                let key = name
                    .parse::<Key>()
                    .map_err(|e| at(Some(keys.span()), format!("{action}: {e}")))?;
                list.push(key);
            }
            overrides.insert(action.clone(), list);
        }
        let keymap = Keymap::with_overrides(&overrides).map_err(|e| {
            let culprit = match &e {
                KeymapError::UnknownAction(a) | KeymapError::NoKeys { action: a } => a.clone(),
                KeymapError::TypesText { action, .. } => action.clone(),
                // The file's own binding is the one to point at.
                KeymapError::Conflict { first, second, .. } => {
                    if parsed.keys.contains_key(second) {
                        second.clone()
                    } else {
                        first.clone()
                    }
                }
            };
            at(
                parsed.keys.get(&culprit).map(toml::Spanned::span),
                e.to_string(),
            )
        })?;

        let mut palette = Palette::default();
        for (role, value) in parsed.theme.roles() {
            let color: Color = value.get_ref().parse().map_err(|_| {
                at(
                    Some(value.span()),
                    format!(
                        "\"{}\" is not a colour: use a name (blue, light-red, dark-gray) or #rrggbb",
                        value.get_ref()
                    ),
                )
            })?;
            palette.set(role, color);
        }
        let defaults = InvitationRules::default();
        let open = match &parsed.rules.open {
            None => OpenTarget::Profile,
            Some(v) => match v.get_ref().as_str() {
                "profile" => OpenTarget::Profile,
                "connections-page" => OpenTarget::ConnectionsPage,
                other => {
                    return Err(at(
                        Some(v.span()),
                        format!(
                            "open: \"{other}\" is neither \"profile\" nor \"connections-page\""
                        ),
                    ));
                }
            },
        };
        let work_defaults = WorkRules::default();
        let batch_size = match &parsed.rules.batch_size {
            None => work_defaults.batch_size,
            Some(v) => match usize::try_from(*v.get_ref()) {
                Ok(n) if (1..=WorkRules::MAX_BATCH).contains(&n) => n,
                _ => {
                    return Err(at(
                        Some(v.span()),
                        format!(
                            "batch_size: {} tabs at once is not a batch: give 1 to {}",
                            v.get_ref(),
                            WorkRules::MAX_BATCH
                        ),
                    ));
                }
            },
        };
        let invitations_per_week = match &parsed.rules.invitations_per_week {
            None => work_defaults.invitations_per_week,
            Some(v) if *v.get_ref() > 0 => *v.get_ref(),
            Some(v) => {
                return Err(at(
                    Some(v.span()),
                    "invitations_per_week: give at least 1".to_owned(),
                ));
            }
        };
        Ok(Config {
            open,
            work: WorkRules {
                batch_size,
                invitations_per_week,
            },
            keymap,
            palette,
            color: parsed.theme.color.unwrap_or(true),
            rules: InvitationRules {
                expiry_days: parsed
                    .rules
                    .invitation_expiry_days
                    .unwrap_or(defaults.expiry_days),
                reinvite_wait_days: parsed
                    .rules
                    .reinvite_wait_days
                    .unwrap_or(defaults.reinvite_wait_days),
            },
            source: Some(path.to_path_buf()),
        })
    }

    /// The theme to draw with: no colours when the file or `NO_COLOR` says so.
    pub fn theme(&self) -> Theme {
        Theme::new(&self.palette, self.color && !no_color_requested())
    }
}
