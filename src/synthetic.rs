//! Realistic synthetic exports in LinkedIn's exact layout, for benchmarks, tests and
//! `cargo run --release --example gen`. Deterministic for a given seed. Invented names only.

use std::fmt::Write as _;

const FIRST: &[&str] = &[
    "Ada",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "François",
    "Ольга",
    "Αλέξανδρος",
    "山田",
    "김",
    "Nguyễn",
    "Mia",
    "Liam",
    "Noah",
    "Emma",
    "Olivia",
    "Ava",
    "Lucas",
    "Sofía",
    "Mateo",
    "Priya",
    "Arjun",
    "Chloé",
    "Björn",
    "Ingrid",
    "Dvořák",
    "Siobhán",
    "Seán",
    "Aoife",
    "Kai",
    "Leilani",
    "Omar",
    "Fatima",
    "Yusuf",
    "Elif",
    "Hana",
    "Kenji",
    "Aiko",
    "Wei",
    "Mei",
    "Thabo",
    "Amara",
    "Chidi",
    "Lars",
    "Freya",
    "Matías",
    "Valentina",
    "Camille",
    "Théo",
    "Jürgen",
    "Anneliese",
];
const LAST: &[&str] = &[
    "Example",
    "García",
    "Müller",
    "Nowak",
    "Hansen",
    "Dubois",
    "Иванова",
    "Παπαδόπουλος",
    "太郎",
    "민준",
    "Trần",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "O'Brien",
    "Kowalczyk",
    "Nakamura",
    "Schäfer",
    "Rossi",
    "Fernández",
    "Lindqvist",
    "Østergaard",
    "Yilmaz",
    "Okafor",
    "Mensah",
    "Patel",
    "Singh",
    "Chen",
    "Wang",
    "Kim",
    "Park",
    "Silva",
    "Santos",
    "Costa",
    "Van der Berg",
    "De Luca",
    "MacAllister",
    "Fitzgerald",
    "Novák",
    "Horváth",
    "Popescu",
];
const COMPANY: &[&str] = &[
    "Acme, Inc.",
    "Globex",
    "Initech",
    "Umbrella Corp",
    "Northwind Traders",
    "Contoso, Ltd.",
    "Fabrikam",
    "Tailspin Toys",
    "Wingtip Solutions",
    "Proseware, Inc.",
    "Adatum Corporation",
    "Litware",
    "Coho Winery",
    "Fourth Coffee",
    "Alpine Ski House",
    "Trey Research",
    "Humongous Insurance",
    "VanArsdel, Ltd.",
    "Relecloud",
    "Woodgrove Bank",
    "Lucerne Publishing",
    "Kestrel Robotics GmbH",
    "Nordlys Energi AS",
    "Sakura Systems 株式会社",
    "Café Crème SARL",
];
const POSITION: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Product Manager",
    "Data Scientist",
    "Engineering Manager",
    "UX Designer",
    "Account Executive",
    "Recruiter",
    "Head of Marketing",
    "CFO",
    "Founder & CEO",
    "Staff Engineer",
    "Sales Director, EMEA",
    "Director of \"Fun\"",
    "Talent Acquisition Partner",
    "Customer Success Manager",
    "DevOps Engineer",
    "",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub const PREAMBLE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";
pub const HEADER: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

/// SplitMix64: tiny, fast and good enough to pick names.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn quoted(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Percent-encodes a slug as LinkedIn does: non-ASCII bytes as `%XX`.
fn push_slug(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            ' ' | '\'' => out.push('-'),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
        }
    }
}

/// A Connections.csv with `rows` people, newest first: ~1% hidden profiles, ~30% without
/// email, quoted commas, non-ASCII names with percent-encoded URL slugs.
pub fn connections_csv(rows: usize, seed: u64) -> String {
    // Dates walk backwards from late 2026 over ~15 years.
    let days_per_row = (5500.0 / rows.max(1) as f64).max(0.0);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let dates = (0..rows).map(|i| start - chrono::Days::new((i as f64 * days_per_row) as u64));
    connections_csv_on(dates, rows, seed)
}

/// A Connections.csv of one person per date of `dates` (newest first), `rows` of them,
/// as [`connections_csv`] writes them.
pub fn connections_csv_on(
    dates: impl IntoIterator<Item = chrono::NaiveDate>,
    rows: usize,
    seed: u64,
) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(rows * 130 + 1024);
    out.push_str(PREAMBLE);
    out.push_str(HEADER);
    for (i, date) in dates.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let date = format!(
            "{:02} {} {}",
            chrono::Datelike::day(&date),
            MONTHS[chrono::Datelike::month0(&date) as usize],
            chrono::Datelike::year(&date)
        );
        if rng.chance(1) {
            out.push_str(",,,,,,");
            out.push_str(&date);
            continue;
        }
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        out.push_str(first);
        out.push(',');
        quoted(&mut out, last);
        out.push_str(",https://www.linkedin.com/in/");
        push_slug(&mut out, first);
        out.push('-');
        push_slug(&mut out, last);
        let _ = write!(out, "-{i:x}");
        out.push(',');
        if !rng.chance(30) && first.is_ascii() && last.is_ascii() {
            let _ = write!(
                out,
                "{}.{}{}@example.com",
                first.to_ascii_lowercase(),
                last.to_ascii_lowercase().replace([' ', '\''], ""),
                i % 97
            );
        }
        out.push(',');
        quoted(&mut out, rng.pick(COMPANY));
        out.push(',');
        quoted(&mut out, rng.pick(POSITION));
        out.push(',');
        out.push_str(&date);
    }
    out
}

/// A heavy networker's connection dates, newest first, as FORMATS.md describes them:
/// quiet years (none to three a day, now and then a meetup of up to eight), a spring
/// season of 20 to 100 a day on weekdays (fewer at weekends, conference days of 40), six
/// weeks of 2018 at about 100 a day, and one address-book accident over two days,
/// 14 and 15 September 2021 (230 and 140).
pub fn heavy_networker_dates(seed: u64) -> Vec<chrono::NaiveDate> {
    use chrono::{Datelike, NaiveDate, Weekday};
    let mut rng = Rng(seed);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let season = day(2016, 3, 1)..=day(2016, 6, 30);
    let drive = day(2018, 6, 24)..=day(2018, 8, 4);
    let conferences = [day(2016, 4, 12), day(2016, 5, 17)];
    let mut dates = Vec::new();
    let mut date = day(2024, 12, 31);
    while date >= day(2012, 1, 1) {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let roll = rng.next() % 100;
        let n = if date == day(2021, 9, 14) {
            230
        } else if date == day(2021, 9, 15) {
            140
        } else if conferences.contains(&date) {
            40
        } else if drive.contains(&date) {
            70 + rng.next() % 61
        } else if season.contains(&date) && weekend {
            2 + rng.next() % 10
        } else if season.contains(&date) {
            20 + rng.next() % 81
        } else if roll < 1 {
            4 + rng.next() % 5
        } else {
            [0, 0, 0, 0, 0, 1, 1, 1, 2, 3][(roll % 10) as usize]
        };
        dates.extend(std::iter::repeat_n(date, n as usize));
        date = date.pred_opt().unwrap_or_default();
    }
    dates
}

/// A messages.csv of `messages` messages between the user and the people at `urls`, in
/// conversations of up to eight, every field quoted as recent exports do, contents with
/// commas, quotes and line breaks; one in fifty a draft.
pub fn messages_csv(urls: &[String], messages: usize) -> String {
    const ME: &str = "https://www.linkedin.com/in/me-example";
    let mut out = String::with_capacity(messages * 260);
    out.push_str(
        "\"CONVERSATION ID\",\"CONVERSATION TITLE\",\"FROM\",\"SENDER PROFILE URL\",\"TO\",\
         \"RECIPIENT PROFILE URLS\",\"DATE\",\"SUBJECT\",\"CONTENT\",\"FOLDER\",\
         \"ATTACHMENTS\",\"IS MESSAGE DRAFT\"\n",
    );
    let mut rng = 0x5EED_u64;
    for i in 0..messages {
        rng = rng
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let conversation = i / 8;
        let them = if urls.is_empty() {
            "https://www.linkedin.com/in/nobody"
        } else {
            urls[conversation * 7919 % urls.len()].as_str()
        };
        let (from, to) = if rng >> 63 == 0 {
            (ME, them)
        } else {
            (them, ME)
        };
        let day = 1 + (rng >> 40) % 28;
        let month = 1 + (rng >> 20) % 12;
        let draft = if i % 50 == 49 { "Yes" } else { "No" };
        let _ = writeln!(
            out,
            "\"2-{conversation:08x}\",\"\",\"Ada Example\",\"{from}\",\"Me Example\",\"{to}\",\
             \"20{:02}-{month:02}-{day:02} {:02}:{:02}:00 UTC\",\"\",\"Thanks, \"\"really\"\" \
             good to hear from you.\nLet's talk on Thursday, after the meeting about the \
             launch plans.\",\"INBOX\",\"\",\"{draft}\"",
            14 + (rng >> 10) % 12,
            (rng >> 5) % 24,
            rng % 60,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_exports_load_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        std::fs::write(&path, super::connections_csv(2000, 7)).unwrap();
        let e = crate::import::load(&path).unwrap();
        assert!(
            e.report.skipped.is_empty() && e.report.warnings.is_empty(),
            "{:?}",
            e.report
        );
        assert_eq!(e.report.people + e.report.hidden, 2000);
        assert!((5..=40).contains(&e.report.hidden));
        assert_eq!(e.report.duplicates, 0);
    }
}
