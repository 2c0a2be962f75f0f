//! Bytes of a text file to a `String`, and whether bytes are binary junk rather than text.
//!
//! Order: a BOM (UTF-8, UTF-16LE/BE) decides; else UTF-16 without a BOM is recognised by its
//! pattern of zero bytes; else valid UTF-8 is taken as is; else chardetng guesses the legacy
//! encoding (Windows-1251, KOI8-R, Windows-1252, ...) and encoding_rs decodes it.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes the binary check and UTF-16 pattern look at.
const SAMPLE_BYTES: usize = 8192;

/// Bytes known to start non-text files, with their names for error messages.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00asm", "a WebAssembly module"),
];

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    /// Binary content; the string says what it looks like.
    Binary(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file"),
            DecodeError::Binary(what) => write!(f, "binary data ({what}), not text"),
        }
    }
}

fn sample(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(SAMPLE_BYTES)]
}

/// The UTF-16 encoding whose byte-order mark starts `bytes`.
fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((enc, _)) if enc == UTF_16LE || enc == UTF_16BE => Some(enc),
        _ => None,
    }
}

/// UTF-16 without a BOM, recognised by mostly-ASCII text having a zero in every other byte.
fn utf16_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
    let s = sample(bytes);
    let pairs = s.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even_zeros, mut odd_zeros) = (0usize, 0usize);
    for pair in s.chunks_exact(2) {
        if pair[0] == 0 {
            even_zeros += 1;
        }
        if pair[1] == 0 {
            odd_zeros += 1;
        }
    }
    let mostly = |n: usize| n * 10 >= pairs * 4; // >= 40% of pairs
    let rarely = |n: usize| n * 20 <= pairs; // <= 5% of pairs
    if mostly(odd_zeros) && rarely(even_zeros) {
        Some(UTF_16LE)
    } else if mostly(even_zeros) && rarely(odd_zeros) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// What the bytes look like when they are not text, or `None` for text (in any encoding,
/// UTF-16 included). Text may hold a stray NUL or control byte; junk holds many.
pub fn binary_kind(bytes: &[u8]) -> Option<String> {
    if let Some((_, what)) = BINARY_MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some((*what).to_string());
    }
    if utf16_bom(bytes).is_some() || utf16_pattern(bytes).is_some() {
        return None;
    }
    let s = sample(bytes);
    if s.is_empty() {
        return None;
    }
    let controls = s
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    // Text in any 8-bit encoding has next to no C0 control bytes; random bytes have about 11%.
    if controls * 100 > s.len() * 5 {
        Some(format!(
            "{controls} control or NUL bytes in the first {} bytes",
            s.len()
        ))
    } else {
        None
    }
}

/// The first characters of the input, decoded well enough to sniff its kind.
pub fn sniff_prefix(prefix: &[u8]) -> Cow<'_, str> {
    let s = sample(prefix);
    if let Some(enc) = utf16_bom(s).or_else(|| utf16_pattern(s)) {
        let (text, _) = enc.decode_with_bom_removal(s);
        return Cow::Owned(text.into_owned());
    }
    String::from_utf8_lossy(s)
}

/// Decodes a plain-text file: BOM, UTF-16, UTF-8, else the guessed legacy encoding. Binary junk
/// and empty input are errors.
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(DecodeError::Binary(what));
    }
    let encoding = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        enc
    } else if let Some(enc) = utf16_pattern(bytes) {
        enc
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        guess_encoding(bytes)
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

/// Decodes bytes whose charset a header declared; falls back to [`decode_text`] when the label
/// is unknown.
pub fn decode_with_label(bytes: &[u8], label: Option<&str>) -> Result<String, DecodeError> {
    match label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        Some(enc) if !bytes.is_empty() && binary_kind(bytes).is_none() => {
            // A BOM still wins over the label, as in browsers.
            let (text, _, _) = enc.decode(bytes);
            Ok(text.into_owned())
        }
        _ => decode_text(bytes),
    }
}

/// chardetng's guess for bytes that are not UTF-8.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // A megabyte is plenty to tell encodings apart and keeps huge files cheap.
    let probe = &bytes[..bytes.len().min(1 << 20)];
    detector.feed(probe, probe.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = "Kyiv said the talks would resume in Geneva.";
        assert_eq!(decode_text(plain.as_bytes()).unwrap(), plain);
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(plain.as_bytes());
        assert_eq!(decode_text(&bom).unwrap(), plain);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Минобороны сообщило о новых учениях.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let mut le_bom = vec![0xff, 0xfe];
        le_bom.extend_from_slice(&le);
        let mut be_bom = vec![0xfe, 0xff];
        be_bom.extend_from_slice(&be);
        assert_eq!(decode_text(&le_bom).unwrap(), text);
        assert_eq!(decode_text(&be_bom).unwrap(), text);
        // Without a BOM only mostly-ASCII UTF-16 is recognisable.
        let ascii = "The committee adjourned until Monday morning.";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_text(&le).unwrap(), ascii);
    }

    #[test]
    fn legacy_cyrillic_and_latin_encodings() {
        let ru = "Министр иностранных дел заявил журналистам, что переговоры продолжатся \
                  на следующей неделе в Женеве, несмотря на разногласия сторон.";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        assert_eq!(decode_text(&cp1251).unwrap(), ru);
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(ru);
        assert_eq!(decode_text(&koi8).unwrap(), ru);
        let fr = "Le ministre a déclaré que la réforme serait présentée à l'Assemblée \
                  après l'été, malgré les critiques des syndicats et de l'opposition.";
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
        assert_eq!(decode_text(&latin).unwrap(), fr);
    }

    #[test]
    fn declared_label_is_used() {
        let ru = "Правительство одобрило бюджет.";
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(ru);
        assert_eq!(decode_with_label(&koi8, Some("koi8-r")).unwrap(), ru);
        assert_eq!(
            decode_with_label(ru.as_bytes(), Some("no-such-charset")).unwrap(),
            ru
        );
    }

    #[test]
    fn junk_and_empty_are_errors() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        let junk: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode_text(&junk), Err(DecodeError::Binary(_))));
        assert!(matches!(
            decode_text(b"%PDF-1.7\n%binary"),
            Err(DecodeError::Binary(w)) if w.contains("PDF")
        ));
        assert!(matches!(
            decode_text(&[0u8; 100]),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn stray_nul_in_text_is_kept() {
        let text = "The mayor said the bridge\0 would reopen in spring after repairs were done.";
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
    }
}
