//! Windows-1252 (an old Excel save) turned into UTF-8 as it is read, so a file that is
//! not UTF-8 costs no more memory than one that is. Decoded exactly as [`super::decode`]
//! decodes a file held whole.

use std::io::{self, Read};

use encoding_rs::WINDOWS_1252;

/// How bytes that are not UTF-8 are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// Every byte is Windows-1252.
    Windows1252,
    /// UTF-8 with a few stray bytes: valid UTF-8 is kept, the rest read as Windows-1252.
    MostlyUtf8,
}

impl Legacy {
    /// As [`super::decode::Decoded::encoding_note`] says it.
    pub fn note(self) -> &'static str {
        match self {
            Legacy::Windows1252 => "Windows-1252",
            Legacy::MostlyUtf8 => "UTF-8 with a few Windows-1252 bytes",
        }
    }
}

const CHUNK: usize = 1 << 16;

/// Reads `source` to its end to tell the two apart: Windows-1252 text practically
/// never forms valid multi-byte UTF-8 by chance, so one such sequence means UTF-8.
pub fn judge(source: &mut dyn Read) -> io::Result<Legacy> {
    let mut buf = vec![0; CHUNK + 3];
    let mut carried = 0;
    loop {
        let n = source.read(&mut buf[carried..])?;
        let end = carried + n;
        let keep = if n == 0 {
            0
        } else {
            incomplete_tail(&buf[..end])
        };
        if buf[..end - keep]
            .utf8_chunks()
            .any(|c| c.valid().bytes().any(|b| b >= 0x80))
        {
            return Ok(Legacy::MostlyUtf8);
        }
        if n == 0 {
            return Ok(Legacy::Windows1252);
        }
        buf.copy_within(end - keep..end, 0);
        carried = keep;
    }
}

/// How many bytes at the end of `bytes` start a UTF-8 sequence that the next read may
/// complete (at most 3).
fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xC0 == 0x80 {
            continue; // a continuation byte: look further back for its lead
        }
        let needs = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if needs > back { back } else { 0 };
    }
    0
}

/// UTF-8 out of legacy bytes in, chunk by chunk.
pub struct Transcoder<R> {
    inner: R,
    legacy: Legacy,
    input: Vec<u8>,
    /// Bytes of `input` carried over: the start of a sequence split by a read.
    carried: usize,
    output: String,
    at: usize,
}

impl<R: Read> Transcoder<R> {
    pub fn new(inner: R, legacy: Legacy) -> Self {
        Transcoder {
            inner,
            legacy,
            input: vec![0; CHUNK + 3],
            carried: 0,
            output: String::new(),
            at: 0,
        }
    }

    /// Decodes the next chunk into `output`; `false` at the end.
    fn refill(&mut self) -> io::Result<bool> {
        self.output.clear();
        self.at = 0;
        let n = self.inner.read(&mut self.input[self.carried..])?;
        let end = self.carried + n;
        if end == 0 {
            return Ok(false);
        }
        let keep = match (self.legacy, n) {
            (Legacy::MostlyUtf8, 1..) => incomplete_tail(&self.input[..end]),
            _ => 0,
        };
        let bytes = &self.input[..end - keep];
        match self.legacy {
            Legacy::Windows1252 => {
                self.output
                    .push_str(&WINDOWS_1252.decode_without_bom_handling(bytes).0);
            }
            Legacy::MostlyUtf8 => {
                for chunk in bytes.utf8_chunks() {
                    self.output.push_str(chunk.valid());
                    self.output
                        .push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
                }
            }
        }
        self.input.copy_within(end - keep..end, 0);
        self.carried = keep;
        Ok(true)
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.output.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let out = &self.output.as_bytes()[self.at..];
        let n = out.len().min(buf.len());
        buf[..n].copy_from_slice(&out[..n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::decode::decode;

    /// Reads through a reader that hands out `step` bytes at a time, splitting sequences.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn streamed_decoding_agrees_with_whole_file_decoding_wherever_reads_split() {
        let samples: [&[u8]; 3] = [
            b"Jos\xe9 M\xfcller, Caf\xe9 No\xebl",
            "José, Zoë, 山田 and a stray \u{FFFD}".as_bytes(),
            b"Ren\xc3\xa9e, then a stray \xe9 and \xf0\x9f\x8e\x89 and a cut \xe2\x82",
        ];
        for bytes in samples {
            let whole = decode(bytes.to_vec());
            for step in 1..=7 {
                let legacy = judge(&mut Trickle(bytes, step)).unwrap();
                let mut text = String::new();
                Transcoder::new(Trickle(bytes, step), legacy)
                    .read_to_string(&mut text)
                    .unwrap();
                assert_eq!(text, whole.text, "step {step}");
                if let Some(note) = whole.encoding_note {
                    assert_eq!(legacy.note(), note, "step {step}");
                }
            }
        }
    }
}
