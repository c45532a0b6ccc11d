//! Bytes to text. Exports are UTF-8, but Excel re-saves them as Windows-1252 or UTF-16:
//! decode those correctly (never mojibake) and say so.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

pub struct Decoded {
    pub text: String,
    pub had_bom: bool,
    /// Set when the bytes were not UTF-8: which encoding was assumed.
    pub encoding_note: Option<&'static str>,
}

/// What the bytes were before they became text, for the report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextInfo {
    pub had_bom: bool,
    /// Set when the bytes were not UTF-8: which encoding was assumed.
    pub encoding_note: Option<&'static str>,
    pub crlf: bool,
    /// Lines end in a lone `\r` (old Mac files).
    pub cr_only: bool,
}

impl TextInfo {
    /// The line endings, judged from the start of the text.
    pub fn line_endings(head: &[u8]) -> (bool, bool) {
        let crlf = memchr::memmem::find(head, b"\r\n").is_some();
        let cr_only =
            memchr::memchr(b'\r', head).is_some() && memchr::memchr(b'\n', head).is_none();
        (crlf, cr_only)
    }
}

impl Decoded {
    pub fn info(&self) -> TextInfo {
        let head = &self.text.as_bytes()[..self.text.len().min(1 << 16)];
        let (crlf, cr_only) = TextInfo::line_endings(head);
        TextInfo {
            had_bom: self.had_bom,
            encoding_note: self.encoding_note,
            crlf: crlf || self.text.contains("\r\n"),
            cr_only,
        }
    }
}

/// How a file can be read, judged from its first bytes.
pub enum Sniffed {
    /// UTF-8 so far (with a BOM of this many bytes to skip): parse it as it streams in.
    Stream { bom_len: usize, info: TextInfo },
    /// UTF-16: decode the whole file first.
    Decode,
}

pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Sniffed::Decode;
    }
    let bom_len = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let (crlf, cr_only) = TextInfo::line_endings(head);
    Sniffed::Stream {
        bom_len,
        info: TextInfo {
            had_bom: bom_len > 0,
            encoding_note: None,
            crlf,
            cr_only,
        },
    }
}

pub fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_1252(rest.to_vec(), true);
    }
    for (bom, encoding, name) in [
        (b"\xFF\xFE", UTF_16LE, "UTF-16"),
        (b"\xFE\xFF", UTF_16BE, "UTF-16"),
    ] {
        if bytes.starts_with(bom) {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[2..]);
            return Decoded {
                text: text.into_owned(),
                had_bom: true,
                encoding_note: Some(name),
            };
        }
    }
    utf8_or_1252(bytes, false)
}

fn utf8_or_1252(bytes: Vec<u8>, had_bom: bool) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            had_bom,
            encoding_note: None,
        },
        Err(e) => {
            let bytes = e.into_bytes();
            // Mostly UTF-8 with a stray byte keeps its UTF-8; otherwise it is an old
            // Excel save, decoded as Windows-1252.
            // Windows-1252 text practically never forms valid multi-byte UTF-8 by chance.
            let mostly_utf8 = bytes
                .utf8_chunks()
                .any(|c| c.valid().bytes().any(|b| b >= 0x80));
            let mut text = String::with_capacity(bytes.len());
            if mostly_utf8 {
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
                }
            } else {
                text.push_str(&WINDOWS_1252.decode_without_bom_handling(&bytes).0);
            }
            Decoded {
                text,
                had_bom,
                encoding_note: Some(if mostly_utf8 {
                    "UTF-8 with a few Windows-1252 bytes"
                } else {
                    "Windows-1252"
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded_not_mangled() {
        let d = decode(b"Jos\xe9 M\xfcller".to_vec());
        assert_eq!(d.text, "José Müller");
        assert_eq!(d.encoding_note, Some("Windows-1252"));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("\u{FEFF}First Name".as_bytes().to_vec());
        assert_eq!(d.text, "First Name");
        assert!(d.had_bom);
        assert_eq!(d.encoding_note, None);
    }

    #[test]
    fn utf16_excel_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Zoë".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(bytes).text, "Zoë");
    }
}
