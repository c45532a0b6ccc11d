//! Whole screens rendered into a fixed-size TestBackend and compared with insta snapshots.

use crate::drawing::draw;
use crate::fixtures::{app_of, demo_app, named_person, today, with_pending};
use crate::keys::press;
use chrono::NaiveDate;
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unconnect::app::{App, Tab};
use unconnect::model::Person;
use unconnect::ui::Theme;

fn person(first: &str, last: &str, position: &str, company: &str, date: (i32, u32, u32)) -> Person {
    Person {
        company: company.into(),
        position: position.into(),
        connected_on: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        ..named_person(first, last)
    }
}

fn sample() -> Vec<Person> {
    vec![
        person(
            "José",
            "García",
            "Dentist",
            "Sonrisa Clínica",
            (2024, 3, 14),
        ),
        person(
            "Zoë",
            "Müller",
            "Product Manager",
            "Acme, Inc.",
            (2024, 3, 14),
        ),
        person(
            "山田",
            "太郎",
            "エンジニア",
            "株式会社サンプル",
            (2024, 3, 13),
        ),
        person("Łukasz", "Nowak", "Plumber", "Nowak & Sons", (2024, 3, 12)),
        person(
            "Ada",
            "Example",
            "Principal Engineer, Platform Infrastructure",
            "Very Long Company Name International Holdings",
            (2021, 6, 1),
        ),
        person("Søren", "Kierkegaard-Hansen", "Teacher", "", (2019, 11, 8)),
        person("Bob", "Builder", "", "Builder Co", (2015, 1, 2)),
    ]
}

#[test]
fn main_screen_on_the_demo_export() {
    let mut app = demo_app(today());
    press(&mut app, "  \n");
    assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn marks_moves_and_wide_characters() {
    let mut app = app_of(sample());
    press(&mut app, " j \n"); // mark José, skip Zoë, mark 山田, move both
    press(&mut app, "\t");
    assert_snapshot!(draw(&mut app, 100, 14 + 2).backend());
}

#[test]
fn filter_highlights_matches_ignoring_accents() {
    let mut app = app_of(sample());
    press(&mut app, "/jose");
    assert_snapshot!(draw(&mut app, 100, 16).backend());
}

#[test]
fn filter_without_matches() {
    let mut app = app_of(sample());
    press(&mut app, "/nobody here\n");
    assert_snapshot!(draw(&mut app, 80, 15).backend());
}

#[test]
fn confirm_dialog() {
    let mut app = app_of(sample());
    press(&mut app, "aR");
    assert_snapshot!(draw(&mut app, 100, 24).backend());
}

#[test]
fn help_overlay() {
    let mut app = app_of(sample());
    press(&mut app, "?");
    assert_snapshot!(draw(&mut app, 120, 34).backend());
}

#[test]
fn empty_export_and_empty_columns() {
    let mut app = app_of(Vec::new());
    assert_snapshot!(draw(&mut app, 80, 15).backend());
}

#[test]
fn smallest_supported_terminal() {
    let mut app = app_of(sample());
    press(&mut app, "j\n");
    assert_snapshot!(draw(&mut app, 60, 15).backend());
}

#[test]
fn too_small_terminal() {
    let mut app = app_of(sample());
    assert_snapshot!(draw(&mut app, 59, 14).backend());
}

#[test]
fn names_with_escape_sequences_are_shown_not_obeyed() {
    let mut app = app_of(vec![
        person(
            "Eve\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
            "Clipboard",
            "\u{1b}[2J\u{1b}[31mRed",
            "Bidi\u{202e}gnp.exe",
            (2026, 1, 1),
        ),
        person("Mallory\u{9b}6n", "\u{1b}[?1049l", "", "", (2026, 1, 2)),
    ]);
    let terminal = draw(&mut app, 100, 15);
    let text = format!("{}", terminal.backend());
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    assert_snapshot!(terminal.backend());
}

#[test]
fn the_export_prompt_proposes_a_dated_file_name() {
    let mut app = app_of(sample());
    press(&mut app, "\ne");
    assert_snapshot!(draw(&mut app, 80, 16).backend());
}

#[test]
fn placeholder_tabs_are_honest() {
    let mut app =
        app_of(sample()).with_invitations_note("No Invitations.csv in this export.".into());
    press(&mut app, "2");
    assert_eq!(app.tab(), Tab::Invitations);
    assert_snapshot!(draw(&mut app, 80, 15).backend());
}

fn invitation(to: &str, message: &str, sent: (i32, u32, u32)) -> unconnect::model::Invitation {
    unconnect::model::Invitation {
        from: "Sam Demo".into(),
        to: to.into(),
        sent_at: NaiveDate::from_ymd_opt(sent.0, sent.1, sent.2)
            .and_then(|d| d.and_hms_opt(9, 30, 0)),
        message: message.into(),
        direction: unconnect::model::Direction::Outgoing,
        inviter_url: "https://www.linkedin.com/in/sam-demo".into(),
        invitee_url: format!(
            "https://www.linkedin.com/in/{}",
            to.to_lowercase().replace(' ', "-")
        ),
    }
}

fn app_with_invitations() -> App {
    let app = app_of(sample());
    let pending = unconnect::model::pending::Pending {
        items: vec![
            invitation("Harriet Okonkwo", "", (2026, 11, 25)),
            invitation(
                "Ren Takahashi",
                "We met at the conference, in Lisbon 🎉",
                (2026, 11, 8),
            ),
            invitation("Diego Montoya", "", (2026, 6, 11)),
            invitation("Sigrún Jónsdóttir", "Hi!", (2026, 5, 27)),
            invitation("Olu Adeyemi", "", (2026, 3, 13)),
        ],
        incoming: 10,
        accepted: 15,
    };
    with_pending(app, pending)
}

#[test]
fn invitations_withdrawable_and_expired() {
    let mut app = app_with_invitations();
    press(&mut app, "2a");
    assert!(
        app.status()
            .unwrap()
            .text
            .contains("2 cannot be moved: probably expired")
    );
    assert_snapshot!(draw(&mut app, 110, 16).backend());
}

#[test]
fn the_pending_header_at_80_columns_shows_each_part_whole() {
    let mut app = app_with_invitations();
    press(&mut app, "2");
    let text = format!("{}", draw(&mut app, 80, 16).backend());
    let header = text.lines().nth(1).unwrap();
    assert!(
        header.contains(
            "Left out: 15 accepted, 10 received (not yours to withdraw). Expiry ≈180 days?"
        ),
        "{header}"
    );
    assert!(!header.contains('…'), "{header}");
    // Narrower, the reason goes before the estimate's words; wider, all is said.
    let text = format!("{}", draw(&mut app, 60, 16).backend());
    assert!(
        text.contains("Left out: 15 accepted, 10 received. Expiry ≈180 days?"),
        "{text}"
    );
    let text = format!("{}", draw(&mut app, 100, 16).backend());
    assert!(
        text.contains("(not yours to withdraw). Expiry ≈180 days is an estimate."),
        "{text}"
    );
}

#[test]
fn withdraw_dialog_gives_the_reinvite_date() {
    let mut app = app_with_invitations();
    press(&mut app, "2 \nW");
    let terminal = draw(&mut app, 100, 22);
    let text = format!("{}", terminal.backend());
    assert!(text.contains("You can invite them again after") && text.contains("19 Dec 2026."));
    assert_snapshot!(terminal.backend());
}

#[test]
fn invitations_tab_without_a_file_says_how_to_get_one() {
    let mut app = app_of(sample()).with_invitations_note("No Invitations.csv in this export.\n\nTo withdraw pending invitations, request your data from LinkedIn.".into());
    press(&mut app, "2");
    assert_snapshot!(draw(&mut app, 80, 15).backend());
}

#[test]
fn loading_screen_shows_the_first_rows_while_the_rest_loads() {
    use std::sync::atomic::Ordering;
    use unconnect::import::Progress;
    use unconnect::ui::loading::LoadingScreen;

    let progress = Progress::default();
    progress.total.store(1000, Ordering::Relaxed);
    progress.done.store(400, Ordering::Relaxed);
    progress.people.store(41_000, Ordering::Relaxed);
    *progress.preview.lock().unwrap() = sample().into_iter().take(4).collect();
    let mut terminal = Terminal::new(TestBackend::new(80, 12)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                LoadingScreen {
                    path: std::path::Path::new("big/Connections.csv"),
                    progress: &progress,
                    theme: &Theme::default(),
                    quit_key: "q".into(),
                },
                f.area(),
            );
        })
        .unwrap();
    assert_snapshot!(terminal.backend());
}
