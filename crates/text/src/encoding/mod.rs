//! Legacy Vietnamese encodings: reading old files and text pasted from Word.
//!
//! Plain-text files arrive as UTF-8, UTF-16, TCVN3 (ABC), VNI-Windows, VIQR, VISCII or
//! Windows-1258; [`detect`] guesses which and [`decode`] turns the bytes into NFC. Word pastes
//! carry legacy text as Windows-1252 characters in a legacy font; [`legacy_font`] reads the
//! run's CSS `font-family` and [`convert_font_run`] converts the run.
//!
//! Where each table comes from (data only; no code was copied from anywhere):
//! - `tcvn3.rs`: derived from glibc `iconv -f TCVN5712-1` run over every byte, keeping the
//!   bytes 0xA1–0xFF that give a lowercase letter or one of the seven capitals TCVN3 has.
//! - `viscii.rs`, `cp1258.rs`, `cp1252.rs`: derived from glibc `iconv -f VISCII`,
//!   `-f CP1258` and `-f CP1252` run over every byte (glibc 2.36).
//! - `vni.rs`: the VNI-Windows layout (a letter followed by a mark byte), written from the
//!   published VNI font layout and checked against sample text.
//! - `viqr.rs`: RFC 1456 (VIQR) markers.
//!
//! Every decoder returns NFC. [`encode`] exists for tests, benches and exports: it returns
//! `None` when a character has no representation (e.g. toned capitals in TCVN3).

mod byte_table;
mod cp1252;
mod cp1258;
mod detect;
mod fonts;
mod letters;
mod tcvn3;
mod viqr;
mod viscii;
mod vni;

use std::fmt;

pub use detect::{decode_auto, detect};
pub use fonts::{convert_font_run, legacy_font, LegacyFont};

/// A text encoding a file may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// TCVN 5712:1993 VN3 ("ABC"), fonts `.VnTime`, `.VnArial`… Lowercase letters plus
    /// Ă Â Ê Ô Ơ Ư Đ; toned capitals live in the separate `…H` fonts and have no bytes.
    Tcvn3,
    /// VNI-Windows (fonts `VNI-Times`…): an ASCII letter followed by a mark byte.
    Vni,
    /// RFC 1456 VIQR: ASCII with markers, `Vie^.t Nam`.
    Viqr,
    Viscii,
    /// Windows-1258: precomposed shapes, tones as combining marks.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in the order [`Encoding::name`] lists them.
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Viscii,
        Encoding::Cp1258,
    ];

    /// Stable lowercase name: `utf8`, `utf16le`, `utf16be`, `tcvn3`, `vni`, `viqr`, `viscii`, `cp1258`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Utf16Le => "utf16le",
            Encoding::Utf16Be => "utf16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Viscii => "viscii",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// Parses a [`name`](Encoding::name), case-insensitively, ignoring `-` and `_`
    /// (`UTF-8`, `windows-1258`, `VNI-Windows`, `TCVN5712`… are accepted too). `utf16` means
    /// UTF-16 LE; [`decode`] still honours a big-endian BOM.
    pub fn parse(s: &str) -> Option<Encoding> {
        let key: String =
            s.trim().chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect();
        Some(match key.as_str() {
            "utf8" => Encoding::Utf8,
            "utf16" | "utf16le" => Encoding::Utf16Le,
            "utf16be" => Encoding::Utf16Be,
            "tcvn3" | "tcvn" | "abc" | "tcvn5712" | "tcvn57121" => Encoding::Tcvn3,
            "vni" | "vniwindows" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "viscii" => Encoding::Viscii,
            "cp1258" | "windows1258" => Encoding::Cp1258,
            _ => return None,
        })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What [`detect`] decided, and how sure it is (0 = a guess, 1 = certain, e.g. a BOM).
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub encoding: Encoding,
    pub confidence: f32,
}

/// Why bytes could not be decoded. Legacy 8-bit encodings never fail: every byte means something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8: the first bad byte is at `byte_offset`.
    InvalidUtf8 { byte_offset: usize },
    /// Odd length or an unpaired surrogate.
    InvalidUtf16,
    /// Nothing to decode.
    Empty,
}

impl DecodeError {
    /// For the UI, in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            DecodeError::InvalidUtf8 { byte_offset } => {
                format!("Tệp không phải UTF-8 hợp lệ (byte lỗi ở vị trí {byte_offset}). Hãy chọn đúng bảng mã.")
            }
            DecodeError::InvalidUtf16 => "Tệp không phải UTF-16 hợp lệ. Hãy chọn đúng bảng mã.".to_string(),
            DecodeError::Empty => "Tệp rỗng, không có gì để nhập.".to_string(),
        }
    }

    /// For the UI, in English.
    pub fn message_en(&self) -> String {
        match self {
            DecodeError::InvalidUtf8 { byte_offset } => {
                format!("The file is not valid UTF-8 (bad byte at offset {byte_offset}). Choose the right encoding.")
            }
            DecodeError::InvalidUtf16 => "The file is not valid UTF-16. Choose the right encoding.".to_string(),
            DecodeError::Empty => "The file is empty: nothing to import.".to_string(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for DecodeError {}

/// Decodes `bytes` as `enc` into NFC text. A UTF-8 or UTF-16 byte order mark is dropped.
/// UTF-8 that is not valid is an error, never replaced silently.
pub fn decode(bytes: &[u8], enc: Encoding) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let text = match enc {
        Encoding::Utf8 => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
            let offset = bytes.len() - body.len();
            match std::str::from_utf8(body) {
                Ok(s) => return Ok(crate::nfc::to_nfc(s).into_owned()),
                Err(e) => return Err(DecodeError::InvalidUtf8 { byte_offset: offset + e.valid_up_to() }),
            }
        }
        Encoding::Utf16Le | Encoding::Utf16Be => decode_utf16(bytes, enc == Encoding::Utf16Be)?,
        Encoding::Tcvn3 => tcvn3::decode(bytes, false),
        Encoding::Vni => vni::decode(bytes, false),
        Encoding::Viqr => viqr::decode_bytes(bytes),
        Encoding::Viscii => viscii::decode(bytes),
        Encoding::Cp1258 => cp1258::decode(bytes),
    };
    Ok(into_nfc(text))
}

/// Encodes NFC (or any) text as `enc`; `None` if some character has no representation.
/// UTF-16 gets a byte order mark, UTF-8 none. Legacy encodings take the text to NFC first.
pub fn encode(text: &str, enc: Encoding) -> Option<Vec<u8>> {
    let text = crate::nfc::to_nfc(text);
    match enc {
        Encoding::Utf8 => Some(text.as_bytes().to_vec()),
        Encoding::Utf16Le => {
            Some([0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect())
        }
        Encoding::Utf16Be => {
            Some([0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect())
        }
        Encoding::Tcvn3 => tcvn3::encode(&text),
        Encoding::Vni => vni::encode(&text),
        Encoding::Viqr => viqr::encode(&text),
        Encoding::Viscii => viscii::encode(&text),
        Encoding::Cp1258 => cp1258::encode(&text),
    }
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, DecodeError> {
    let (body, big_endian) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, false),
        [0xFE, 0xFF, rest @ ..] => (rest, true),
        _ => (bytes, big_endian),
    };
    if body.len() & 1 == 1 {
        return Err(DecodeError::InvalidUtf16);
    }
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| DecodeError::InvalidUtf16)
}

fn into_nfc(text: String) -> String {
    match crate::nfc::to_nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => s,
    }
}
