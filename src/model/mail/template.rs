//! The note's text: a default in the spirit of the old advice (own up to the address-book
//! import, offer to stay in touch), or the user's own, with `{first_name}`, `{last_name}`
//! and `{company}` filled in per person.

use crate::model::Person;

/// A subject and a body with placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// A template filled in for one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

const DEFAULT_SUBJECT: &str = "That LinkedIn invitation";

const DEFAULT_BODY: &str = "Hi {first_name},

You may have had a LinkedIn invitation from me that I never meant to send: I let \
LinkedIn look at my address book, and it invited everyone in it. I am sorry for the noise.

I am keeping my LinkedIn network to the people I work with, so I am removing our \
connection there. It is nothing personal, and I would be glad to stay in touch by \
e-mail. If you would like to stay connected on LinkedIn too, just tell me; better \
still, let's talk first.

Best wishes,
";

impl Default for Template {
    fn default() -> Self {
        Template {
            subject: DEFAULT_SUBJECT.to_owned(),
            body: DEFAULT_BODY.to_owned(),
        }
    }
}

impl Template {
    /// A template file: the body, optionally after a first line `Subject: …` (and the
    /// blank line that usually follows it). Without one, the default subject.
    pub fn parse(text: &str) -> Template {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let first_end = text.find('\n').unwrap_or(text.len());
        let first = text[..first_end].trim_end_matches('\r');
        let subject = first
            .get(..8)
            .filter(|p| p.eq_ignore_ascii_case("subject:"))
            .map(|_| first[8..].trim().to_owned());
        match subject {
            Some(subject) => {
                let rest = text.get(first_end + 1..).unwrap_or("");
                let rest = rest
                    .strip_prefix("\r\n")
                    .or_else(|| rest.strip_prefix('\n'))
                    .unwrap_or(rest);
                Template {
                    subject,
                    body: rest.to_owned(),
                }
            }
            None => Template {
                subject: DEFAULT_SUBJECT.to_owned(),
                body: text.to_owned(),
            },
        }
    }

    /// The letter for `person`. What is filled in is the export's text with control
    /// characters (a CR or LF among them) made spaces: a name never adds a line.
    pub fn fill(&self, person: &Person) -> Letter {
        let fill = |text: &str| {
            text.replace("{first_name}", &one_line(&person.first_name))
                .replace("{last_name}", &one_line(&person.last_name))
                .replace("{company}", &one_line(&person.company))
        };
        Letter {
            subject: one_line(&fill(&self.subject)),
            body: fill(&self.body),
        }
    }
}

/// Control characters (CR, LF, tab, ESC…) become spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ada() -> Person {
        Person {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            company: "Engines\r\nBcc: spy@evil.example".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_default_note_greets_by_first_name_and_owns_up_to_the_import() {
        let letter = Template::default().fill(&ada());
        assert!(letter.body.starts_with("Hi Ada,\n"), "{}", letter.body);
        assert!(letter.body.contains("address book"));
        assert!(letter.body.contains("stay in touch by e-mail"));
        // True whether it goes out before the removal (`drafts --staged`) or after.
        assert!(letter.body.contains("so I am removing our connection"));
        assert_eq!(letter.subject, "That LinkedIn invitation");
    }

    #[test]
    fn a_template_file_may_start_with_its_subject() {
        let t = Template::parse(
            "Subject: Hello {first_name} at {company}\r\n\r\nDear {first_name} {last_name},\r\n",
        );
        assert_eq!(t.body, "Dear {first_name} {last_name},\r\n");
        let letter = t.fill(&ada());
        assert_eq!(
            letter.subject,
            "Hello Ada at Engines  Bcc: spy@evil.example"
        );
        assert_eq!(letter.body, "Dear Ada Lovelace,\r\n");
        let plain = Template::parse("Just a body {company}\n");
        assert_eq!(plain.subject, "That LinkedIn invitation");
        assert_eq!(
            plain.fill(&ada()).body,
            "Just a body Engines  Bcc: spy@evil.example\n"
        );
    }
}
