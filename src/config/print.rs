//! `unconnect config`: the effective configuration as commented TOML, which can be saved
//! as the config file as it is.

use std::fmt::Write as _;

use super::Config;
use crate::app::keymap::Context;

pub fn render(config: &Config) -> String {
    let mut out = String::new();
    let source = match &config.source {
        Some(p) => format!("read from {}", p.display()),
        None => "no config file: these are the defaults".to_owned(),
    };
    let _ = writeln!(out, "# unconnect configuration ({source}).");
    if let Some((path, _)) = super::path(None) {
        let _ = writeln!(out, "# Save this as {} to change it.", path.display());
    }
    let _ = writeln!(
        out,
        "# Flags and environment variables win over this file; it wins over the defaults.\n"
    );
    let _ = writeln!(
        out,
        "[keys]\n# action = \"key\" or [\"key\", \"key\"]: the keys listed replace the action's \
         defaults.\n# Keys: a character, ctrl-x, alt-x, Enter, Esc, Tab, Shift-Tab, Backspace, \
         Space, Up, Down,\n# Left, Right, PageUp, PageDown, Home, End, F1-F12.\n# Each tab has \
         its own actions (History's open-next, Timeline's next-bar): remapping one\n# never \
         remaps another tab's. An action on several tabs (up, filter) is remapped on all."
    );
    let mut printed = std::collections::HashSet::new();
    for context in Context::all() {
        let _ = writeln!(out, "\n# {}", context.title());
        let mut as_above = Vec::new();
        for b in config.keymap.in_context(context) {
            // An action bound in several contexts is one entry, remapping all of them.
            if !printed.insert(b.action) {
                as_above.push(b.action.name());
                continue;
            }
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.config_name()))
                .collect();
            let value = match keys.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            let _ = writeln!(out, "{} = {value}  # {}", b.action.name(), b.help);
        }
        if !as_above.is_empty() {
            let _ = writeln!(out, "# Also here, set above: {}", as_above.join(", "));
        }
    }
    let _ = writeln!(
        out,
        "\n[theme]\n# false: no colours at all (NO_COLOR in the environment does the same).\n\
         color = {}\n# Colours by name (blue, light-red, dark-gray, ...) or #rrggbb.",
        config.color
    );
    for (role, color) in config.palette.roles() {
        let _ = writeln!(out, "{role} = \"{}\"", color_name(color));
    }
    let _ = writeln!(
        out,
        "\n[rules]\n# Days after which a pending invitation is taken as probably expired (LinkedIn \
         publishes no\n# expiry; expired invitations cannot be withdrawn). Flag: \
         --invitation-expiry-days.\ninvitation_expiry_days = {}\n# Days LinkedIn makes you \
         wait before inviting someone again after withdrawing. Flag:\n# --reinvite-wait-days.\n\
         reinvite_wait_days = {}\n# What Enter opens in the History tab: \"profile\" (the person's profile; \
         the visit shows\n# in their \"Who viewed your profile\" unless LinkedIn's private \
         mode is on) or\n# \"connections-page\" (your Connections page, the name copied to \
         search it).\nopen = \"{}\"\n# How many the History tab's open-batch opens at once, a browser tab \
         each (1 to {});\n# with open = \"connections-page\", that page once and the names \
         copied.\nbatch_size = {}\n# Invitations LinkedIn lets you send in a week (about 100; \
         not an official figure).\n# Restoring someone is a new invitation: the restore \
         dialog says how many weeks it takes.\ninvitations_per_week = {}",
        config.rules.expiry_days,
        config.rules.reinvite_wait_days,
        match config.open {
            crate::app::history::OpenTarget::Profile => "profile",
            crate::app::history::OpenTarget::ConnectionsPage => "connections-page",
        },
        crate::app::history_screen::WorkRules::MAX_BATCH,
        config.work.batch_size,
        config.work.invitations_per_week,
    );
    out
}

/// A colour as the config file writes it: `dark-gray`, `#ffcc00`.
fn color_name(color: ratatui::style::Color) -> String {
    use ratatui::style::Color;
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        named => {
            // Display gives CamelCase names ("DarkGray"); the parser takes kebab-case too.
            let camel = named.to_string();
            let mut name = String::new();
            for (i, c) in camel.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    name.push('-');
                }
                name.push(c.to_ascii_lowercase());
            }
            name
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_config_reads_back_as_the_same_config() {
        let mut config = Config::default();
        config.palette.cursor = ratatui::style::Color::Rgb(0x12, 0xab, 0xff);
        config.rules.expiry_days = 90;
        config.work.batch_size = 25;
        config.work.invitations_per_week = 80;
        let text = render(&config);
        let back = Config::parse(&text, std::path::Path::new("config.toml")).unwrap();
        assert_eq!(back.work, config.work);
        assert_eq!(back.palette, config.palette);
        assert_eq!(back.rules, config.rules);
        assert_eq!(back.color, config.color);
        for b in config.keymap.bindings() {
            assert_eq!(
                back.keymap.binding(b.action).unwrap().keys,
                b.keys,
                "{:?}",
                b.action
            );
        }
    }

    #[test]
    fn the_keys_are_printed_by_screen_and_a_remapped_move_stays_on_its_own() {
        let config = Config::parse(
            "[keys]\nmove = \"x\"\n",
            std::path::Path::new("config.toml"),
        )
        .unwrap();
        let text = render(&config);
        let section = |title: &str| {
            let start = text.find(&format!("\n# {title}\n")).unwrap();
            let rest = &text[start + 1..];
            let end = rest[1..].find("\n# ").map_or(rest.len(), |i| i + 1);
            rest[..end].to_owned()
        };
        let triage = section("Connections and Invitations");
        assert!(triage.contains("\nmove = \"x\""), "{triage}");
        let history = section("History");
        assert!(history.contains("\nopen-next = \"Enter\""), "{history}");
        assert!(
            history.contains("\nswitch-list = [\"Tab\", \"S-Tab\"]"),
            "{history}"
        );
        let timeline = section("Timeline");
        assert!(
            timeline.contains("\nnext-bar = [\"Right\", \"l\"]"),
            "{timeline}"
        );
        assert!(
            timeline.contains("\nshow-connections = \"Enter\""),
            "{timeline}"
        );
        assert!(section("Every tab").contains("\nquit = [\"q\", \"ctrl-c\"]"));
        let back = Config::parse(&text, std::path::Path::new("config.toml")).unwrap();
        assert_eq!(back.keymap.keys_of(crate::app::Action::OpenNext), "Enter");
        assert_eq!(back.keymap.keys_of(crate::app::Action::Move), "x");
    }
}
