//! Which kind an input is: from its file name (`.html`, `.txt`, `.jsonl`, `.warc`, each
//! optionally `.gz`), else by sniffing its first bytes.

use crate::decode;

/// Input kinds of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Html,
    Text,
    Jsonl,
    Warc,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Ok(InputFormat::Html),
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(format!(
                "unknown input format {s:?} (html, text, jsonl, warc)"
            )),
        }
    }
}

/// Gzip's magic number.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The kind a file name announces (`a.html`, `b.jsonl.gz`), case-insensitively; `None` when the
/// name says nothing we support. A trailing `.gz` only says "compressed": whether to gunzip is
/// decided by the content's magic number.
pub fn from_name(name: &str) -> Option<InputFormat> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = file.to_ascii_lowercase();
    let stem = lower.strip_suffix(".gz").unwrap_or(&lower);
    let (_, ext) = stem.rsplit_once('.')?;
    match ext {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "txt" => Some(InputFormat::Text),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "warc" => Some(InputFormat::Warc),
        _ => None,
    }
}

/// Whether a directory walk picks this file up (a supported extension, optionally `.gz`).
pub fn is_supported_name(name: &str) -> bool {
    from_name(name).is_some()
}

/// The kind of content from its first bytes (already gunzipped): `WARC/1.` -> WARC, `{` -> JSON
/// Lines, `<`-ish markup -> HTML, else plain text. Leading BOMs and white space are skipped;
/// UTF-16 text is looked at through its decoded characters.
pub fn sniff(prefix: &[u8]) -> InputFormat {
    let head = decode::sniff_prefix(prefix);
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with("WARC/1.") || trimmed.starts_with("WARC/0.") {
        return InputFormat::Warc;
    }
    if trimmed.starts_with('{') {
        return InputFormat::Jsonl;
    }
    if trimmed.starts_with('<') {
        return InputFormat::Html;
    }
    // Markup after some junk (a stray line, a server warning) still makes a page.
    let window: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| window.contains(tag))
    {
        return InputFormat::Html;
    }
    InputFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_names() {
        assert_eq!(from_name("news/a.html"), Some(InputFormat::Html));
        assert_eq!(from_name("A.HTM"), Some(InputFormat::Html));
        assert_eq!(from_name("page.xhtml.gz"), Some(InputFormat::Html));
        assert_eq!(from_name("story.txt"), Some(InputFormat::Text));
        assert_eq!(from_name("feed.jsonl.gz"), Some(InputFormat::Jsonl));
        assert_eq!(from_name("feed.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(from_name("crawl.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(from_name("README"), None);
        assert_eq!(from_name("data.gz"), None);
        assert_eq!(from_name("photo.jpg"), None);
        assert_eq!(from_name("dir.html/README"), None);
        assert_eq!(from_name("-"), None);
    }

    #[test]
    fn kind_from_content() {
        assert_eq!(
            sniff(b"WARC/1.1\r\nWARC-Type: response\r\n"),
            InputFormat::Warc
        );
        assert_eq!(
            sniff(b"\n  {\"text\": \"Ministers met.\"}\n"),
            InputFormat::Jsonl
        );
        assert_eq!(
            sniff(b"\xef\xbb\xbf<!DOCTYPE html><p>Hi"),
            InputFormat::Html
        );
        assert_eq!(sniff(b"Warning: x\n<html><body>Hi"), InputFormat::Html);
        assert_eq!(
            sniff(b"Parliament voted on Tuesday to extend the mandate."),
            InputFormat::Text
        );
        // UTF-16LE with a BOM: "<p>"
        assert_eq!(sniff(b"\xff\xfe<\x00p\x00>\x00"), InputFormat::Html);
        assert_eq!(sniff(b""), InputFormat::Text);
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("html".parse::<InputFormat>(), Ok(InputFormat::Html));
        assert_eq!("TXT".parse::<InputFormat>(), Ok(InputFormat::Text));
        assert_eq!("ndjson".parse::<InputFormat>(), Ok(InputFormat::Jsonl));
        assert!("pdf".parse::<InputFormat>().is_err());
    }
}
