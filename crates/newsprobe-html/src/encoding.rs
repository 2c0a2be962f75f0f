//! Which character encoding is this page in, and what is its text?
//!
//! Order of evidence, as browsers do it: a byte-order mark, then the charset the transport
//! (HTTP header) declared, then `<meta charset>` / `http-equiv` in the first bytes of the page,
//! then content sniffing (valid UTF-8, UTF-16 without a BOM, else chardetng's guess).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How many leading bytes the `<meta charset>` prescan looks at (the HTML standard says 1024;
/// real pages often put a long `<head>` first, so look further).
const PRESCAN_BYTES: usize = 4096;

/// Where the encoding decision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    Bom,
    Transport,
    Meta,
    Sniffed,
}

/// Decodes `bytes` to text, choosing the encoding as described in the module docs.
/// `transport` is a charset label from an HTTP header; `url` helps the sniffer (its top-level
/// domain hints at the language). Invalid sequences become U+FFFD; this never fails.
pub fn decode(
    bytes: &[u8],
    transport: Option<&str>,
    url: Option<&str>,
) -> (String, &'static Encoding, EncodingSource) {
    let (text, encoding, source) = decode_borrowed(bytes, transport, url);
    (text.into_owned(), encoding, source)
}

/// As [`decode`], borrowing the bytes when they already are the page's text (valid UTF-8 read
/// as UTF-8, or ASCII in an ASCII-compatible encoding): no copy of the page.
pub fn decode_borrowed<'b>(
    bytes: &'b [u8],
    transport: Option<&str>,
    url: Option<&str>,
) -> (Cow<'b, str>, &'static Encoding, EncodingSource) {
    let (encoding, source, skip) = detect(bytes, transport, url);
    let rest = bytes.get(skip..).unwrap_or_default();
    let (text, _had_errors) = encoding.decode_without_bom_handling(rest);
    (text, encoding, source)
}

/// Chooses the encoding; returns it, where the decision came from, and how many BOM bytes to skip.
pub fn detect(
    bytes: &[u8],
    transport: Option<&str>,
    url: Option<&str>,
) -> (&'static Encoding, EncodingSource, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingSource::Bom, bom_len);
    }
    if let Some(encoding) = transport.and_then(label_to_encoding) {
        return (encoding, EncodingSource::Transport, 0);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return (encoding, EncodingSource::Sniffed, 0);
    }
    if let Some(encoding) = prescan_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        return (encoding, EncodingSource::Meta, 0);
    }
    (sniff(bytes, url), EncodingSource::Sniffed, 0)
}

/// Maps a charset label to an encoding the way browsers do (UTF-16 labels inside an ASCII-readable
/// page mean UTF-8; `x-user-defined` means windows-1252).
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    let encoding = Encoding::for_label(label.as_bytes())?;
    Some(if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// UTF-16 without a byte-order mark: ASCII markup then shows as every other byte being zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        zero_even += usize::from(pair[0] == 0);
        zero_odd += usize::from(pair[1] == 0);
    }
    // Markup is mostly ASCII: many pairs have a zero on one side and almost none on the other
    // (non-Latin text, e.g. Cyrillic 0x04xx, has no zero byte at all).
    if zero_odd * 10 >= pairs * 3 && zero_even * 20 <= pairs && head[0] == b'<' {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 3 && zero_odd * 20 <= pairs && head[1] == b'<' {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Finds `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`.
fn prescan_meta(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(found) = memchr::memchr(b'<', &head[pos..]) {
        let start = pos + found;
        pos = start + 1;
        let rest = &head[start..];
        if rest.len() < 6 || !rest[1..5].eq_ignore_ascii_case(b"meta") {
            continue;
        }
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = String::from_utf8_lossy(&rest[5..end]).to_ascii_lowercase();
        if let Some(label) = charset_in(&tag) {
            if let Some(encoding) = label_to_encoding(&label) {
                return Some(encoding);
            }
        }
        pos = start + end.max(1);
    }
    None
}

/// The value after `charset=` in a lower-cased tag or content attribute.
fn charset_in(tag: &str) -> Option<String> {
    let at = tag.find("charset")?;
    let rest = tag[at + "charset".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Content sniffing: valid UTF-8 is UTF-8; otherwise chardetng guesses from byte statistics.
fn sniff(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    // (encoding_rs's validator, the one decoding runs after this: a third of the instructions
    // of `std::str::from_utf8` on a news page.)
    if Encoding::utf8_valid_up_to(bytes) == bytes.len() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Statistics settle quickly; a huge page need not be fed in full.
    let sample = &bytes[..bytes.len().min(256 * 1024)];
    detector.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(top_level_domain);
    detector.guess(
        tld.as_deref().map(str::as_bytes),
        chardetng::Utf8Detection::Allow,
    )
}

/// `https://www.example.ru/path` -> `ru`.
fn top_level_domain(url: &str) -> Option<String> {
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split(['/', ':', '?', '#']).next()?;
    let tld = host.rsplit('.').next()?;
    (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| tld.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_R, WINDOWS_1251};

    const RUSSIAN: &str =
        "Министр обороны заявил журналистам, что переговоры продолжатся в пятницу, \
        несмотря на обстрелы пограничных районов и протесты оппозиции в столице.";

    fn page(meta: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{meta}<title>Новости</title></head><body><p>{body}</p></body></html>")
    }

    #[test]
    fn windows_1251_from_meta() {
        let html = page(r#"<meta charset="windows-1251">"#, RUSSIAN);
        let (bytes, _, _) = WINDOWS_1251.encode(&html);
        let (text, encoding, source) = decode(&bytes, None, None);
        assert_eq!(encoding, WINDOWS_1251);
        assert_eq!(source, EncodingSource::Meta);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn koi8_r_from_http_equiv() {
        let html = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">"#,
            RUSSIAN,
        );
        let (bytes, _, _) = KOI8_R.encode(&html);
        let (text, encoding, _) = decode(&bytes, None, None);
        assert_eq!(encoding, KOI8_R);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn cyrillic_without_declaration_is_sniffed() {
        let body = RUSSIAN.repeat(4);
        for encoding in [WINDOWS_1251, KOI8_R] {
            let html = page("", &body);
            let (bytes, _, _) = encoding.encode(&html);
            let (text, found, source) = decode(&bytes, None, Some("https://news.example.ru/a/1"));
            assert_eq!(source, EncodingSource::Sniffed);
            // KOI8-U is a superset of KOI8-R that decodes Russian text identically.
            let same = found == encoding || (encoding == KOI8_R && found == encoding_rs::KOI8_U);
            assert!(same, "sniffed {} for {}", found.name(), encoding.name());
            assert!(text.contains(RUSSIAN));
        }
    }

    #[test]
    fn transport_header_wins_over_meta() {
        let html = page(r#"<meta charset="utf-8">"#, RUSSIAN);
        let (bytes, _, _) = WINDOWS_1251.encode(&html);
        let (text, encoding, source) = decode(&bytes, Some("windows-1251"), None);
        assert_eq!(
            (encoding, source),
            (WINDOWS_1251, EncodingSource::Transport)
        );
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn latin1_french_page() {
        let body = "Le président a déclaré à la presse que la réforme des retraites sera votée \
            avant l'été, malgré la grève générale prévue jeudi.";
        let html = page(r#"<meta charset="iso-8859-1">"#, body);
        let (bytes, _, _) = WINDOWS_1252.encode(&html);
        assert!(std::str::from_utf8(&bytes).is_err());
        let (text, encoding, _) = decode(&bytes, None, None);
        assert_eq!(encoding, WINDOWS_1252);
        assert!(text.contains(body));
        // Undeclared: sniffed.
        let html = page("", &body.repeat(3));
        let (bytes, _, _) = WINDOWS_1252.encode(&html);
        let (text, _, _) = decode(&bytes, None, Some("http://www.example.fr/"));
        assert!(text.contains(body));
    }

    fn utf16(html: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian {
                &[0xFE, 0xFF]
            } else {
                &[0xFF, 0xFE]
            });
        }
        for unit in html.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let html = page(r#"<meta charset="utf-16">"#, RUSSIAN);
        for big_endian in [false, true] {
            for bom in [true, false] {
                let (text, encoding, _) = decode(&utf16(&html, big_endian, bom), None, None);
                let want = if big_endian { UTF_16BE } else { UTF_16LE };
                assert_eq!(encoding, want, "be={big_endian} bom={bom}");
                assert!(text.contains(RUSSIAN));
                assert!(text.starts_with("<!DOCTYPE"));
            }
        }
    }

    #[test]
    fn utf8_bom_and_meta_saying_utf16_mean_utf8() {
        let html = page(r#"<meta charset="utf-16">"#, RUSSIAN);
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(html.as_bytes());
        let (text, encoding, source) = decode(&bytes, None, None);
        assert_eq!((encoding, source), (UTF_8, EncodingSource::Bom));
        assert!(text.starts_with("<!DOCTYPE"));
        let (_, encoding, _) = decode(html.as_bytes(), None, None);
        assert_eq!(encoding, UTF_8);
    }

    #[test]
    fn unknown_labels_fall_back_to_sniffing() {
        let html = page(r#"<meta charset="klingon-9">"#, RUSSIAN);
        let (text, encoding, _) = decode(html.as_bytes(), Some("nonsense"), None);
        assert_eq!(encoding, UTF_8);
        assert!(text.contains(RUSSIAN));
    }
}
