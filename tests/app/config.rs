//! The config file: what a good one changes, and the one-line errors of a bad one.

use std::path::Path;

use unconnect::app::{Action, Context, Key};
use unconnect::config::{Config, ConfigError, RuleOverrides};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/home/me/.config/unconnect/config.toml"))
}

fn key(s: &str) -> Key {
    s.parse().unwrap()
}

#[test]
fn a_good_file_remaps_keys_sets_colours_and_rules() {
    let config = parse(
        r##"
[keys]
remove = "X"
undo = ["u", "ctrl-z"]

[theme]
cursor = "magenta"
marked = "#ffcc00"

[rules]
invitation_expiry_days = 90
"##,
    )
    .unwrap();
    let keys = &config.keymap;
    assert_eq!(
        keys.action_for(Context::TRIAGE, key("X")),
        Some(Action::Remove)
    );
    assert_eq!(keys.action_for(Context::TRIAGE, key("R")), None);
    assert_eq!(
        keys.action_for(Context::TRIAGE, key("ctrl-z")),
        Some(Action::Undo)
    );
    assert_eq!(
        keys.action_for(Context::TRIAGE, key("u")),
        Some(Action::Undo)
    );
    assert_eq!(config.palette.cursor, ratatui::style::Color::Magenta);
    assert_eq!(
        config.palette.marked,
        ratatui::style::Color::Rgb(0xff, 0xcc, 0)
    );
    assert_eq!(config.rules.expiry_days, 90);
    assert_eq!(
        config.rules.reinvite_wait_days, 21,
        "unset rules keep the default"
    );
    assert_eq!(config.work.batch_size, 10, "the default batch");
    assert_eq!(config.work.invitations_per_week, 100);
    let config = parse("[rules]\nbatch_size = 25\ninvitations_per_week = 80\n").unwrap();
    assert_eq!(
        (config.work.batch_size, config.work.invitations_per_week),
        (25, 80)
    );
}

#[test]
fn errors_name_the_file_line_and_column() {
    let cases = [
        ("[keys]\nremove = \"X\n", "config.toml, line 2, column"),
        (
            "[keys]\nexplode = \"x\"\n",
            "line 2, column 11: unknown action \"explode\"",
        ),
        (
            "[keys]\nremove = \"u\"\n",
            "line 2, column 10: u is bound to both \"remove\" and \"undo\" (in the columns)",
        ),
        (
            "[keys]\nquit = \"hyper-q\"\n",
            "line 2, column 8: quit: \"hyper-q\" is not a key",
        ),
        (
            "[rules]\ninvitation_expiry_days = \"soon\"\n",
            "line 2, column 26",
        ),
        (
            "[theme]\ncursor = \"blurple\"\n",
            "line 2, column 10: \"blurple\" is not a colour",
        ),
        (
            "[theme]\nsparkle = \"red\"\n",
            "line 2, column 1: unknown field `sparkle`",
        ),
        ("[colours]\n", "line 1, column 2: unknown field `colours`"),
        (
            "[rules]\nbatch_size = 0\n",
            "line 2, column 14: batch_size: 0 tabs at once is not a batch: give 1 to 50",
        ),
        (
            "[rules]\nbatch_size = 500\n",
            "line 2, column 14: batch_size: 500 tabs at once",
        ),
        (
            "[rules]\ninvitations_per_week = 0\n",
            "line 2, column 24: invitations_per_week: give at least 1",
        ),
    ];
    for (text, expected) in cases {
        let message = parse(text).unwrap_err().to_string();
        assert!(
            message.starts_with("/home/me/.config/unconnect/config.toml, line")
                && message.contains(expected),
            "{text:?}: {message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}

#[test]
fn flags_and_environment_win_over_the_file_which_wins_over_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[rules]\ninvitation_expiry_days = 90\nreinvite_wait_days = 7\n",
    )
    .unwrap();
    let from_file = Config::load(Some(&path), RuleOverrides::default()).unwrap();
    assert_eq!(
        (
            from_file.rules.expiry_days,
            from_file.rules.reinvite_wait_days
        ),
        (90, 7)
    );
    let flagged = Config::load(
        Some(&path),
        RuleOverrides {
            invitation_expiry_days: Some(30),
            reinvite_wait_days: None,
        },
    )
    .unwrap();
    assert_eq!(
        (flagged.rules.expiry_days, flagged.rules.reinvite_wait_days),
        (30, 7)
    );
    // A file named on the command line must exist.
    let missing = Config::load(
        Some(&dir.path().join("nope.toml")),
        RuleOverrides::default(),
    );
    assert!(missing.unwrap_err().to_string().contains("nope.toml"));
}

/// A value a config file sets is quoted in the error escaped: it can neither retitle the
/// terminal, clear the screen nor move the cursor.
#[test]
fn errors_quote_the_files_text_escaped() {
    let cases = [
        // TOML's \u escapes put the raw controls in the value.
        "[theme]\ncursor = \"\\u001b]0;pwned\\u0007\\u001b[2J\\u009b2J\"\n",
        "[keys]\n\"\\u001b]0;pwned\\u0007\" = \"x\"\n",
        "[rules]\nopen = \"\\u001b[2J\\u202e\\u2028\"\n",
        "[keys]\nquit = \"\\u001b[2J\"\n",
    ];
    for text in cases {
        let message = parse(text).unwrap_err().to_string();
        assert!(
            !message.chars().any(unconnect::text_safety::is_unsafe),
            "{text:?}: {message:?}"
        );
        assert!(message.contains("\\u001b"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    let path = Path::new("/tmp/evil\u{1b}]0;x\u{7}.toml");
    let message = Config::parse("[x]\n", path).unwrap_err().to_string();
    assert!(
        message.starts_with("/tmp/evil\\u001b]0;x\\u0007.toml, line 1"),
        "{message}"
    );
}
