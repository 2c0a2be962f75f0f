//! HTML pages to article text and metadata.
//!
//! [`extract`] runs the steps in order: [`encoding`] (bytes to text), [`dom`] (text to an element
//! tree), [`content`] (the article body), [`metadata`] (headline, byline, date, site, language,
//! canonical URL). [`eval`] scores it on the Scrapinghub benchmark.

pub mod content;
pub mod dom;
pub mod encoding;
mod entities;
pub mod eval;
pub mod metadata;

use thiserror::Error;

/// Errors reading an HTML page.
#[derive(Debug, Error)]
pub enum HtmlError {
    #[error("empty page")]
    Empty,
    #[error("not an HTML page: {0}")]
    NotHtml(String),
    #[error("cannot read benchmark data: {0}")]
    Io(String),
}

/// What extraction finds in one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    /// Main text: paragraphs separated by a blank line.
    pub text: String,
    pub byline: Vec<String>,
    /// RFC 3339 or a date.
    pub published: Option<String>,
    pub site: Option<String>,
    /// Language declared by the page (`<html lang>`, meta), ISO 639-1.
    pub language: Option<String>,
    /// Canonical URL if the page declares one.
    pub url: Option<String>,
}

/// Extracts the article from an HTML page given as bytes, with the charset a transport header
/// declared (if any) and the page's URL (if known).
pub fn extract(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<Extracted, HtmlError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(HtmlError::Empty);
    }
    let (text, encoding, _) = encoding::decode_borrowed(bytes, charset, url);
    if text.chars().all(|c| c.is_whitespace() || c == '\0') {
        return Err(HtmlError::Empty);
    }
    check_looks_like_text(&text, encoding.name())?;
    let dom = dom::parse(&text);
    let body = content::main_text(&dom);
    let meta = metadata::extract(&dom, url);
    Ok(Extracted {
        title: meta.title,
        text: body,
        byline: meta.byline,
        published: meta.published,
        site: meta.site,
        language: meta.language,
        url: meta.url,
    })
}

/// ASCII control characters that mark binary data (all but tab, line feed, form feed, carriage
/// return and NUL), by byte value.
static BAD_ASCII: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b < 0x20 || b == 0x7f) && !matches!(b as u8, b'\t' | b'\n' | b'\r' | 0 | 0x0c);
        b += 1;
    }
    t
};

/// Rejects binary data: many control characters or undecodable bytes at the start of the page.
fn check_looks_like_text(text: &str, encoding: &str) -> Result<(), HtmlError> {
    let (mut total, mut bad) = (0usize, 0usize);
    let bytes = text.as_bytes();
    let head = &bytes[..bytes.len().min(4096)];
    // Nearly every page starts with 4096 bytes of ASCII, each a character: counted by a loop
    // the compiler vectorises instead of one byte at a time.
    let mut i = if head.is_ascii() {
        total = head.len();
        bad = head
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0 | 0x0c)) || b == 0x7f)
            .count();
        bytes.len()
    } else {
        0
    };
    while i < bytes.len() && total < 4096 {
        total += 1;
        // ASCII, nearly all of a page's markup, by table; other characters decoded.
        let b = bytes[i];
        if b < 0x80 {
            bad += usize::from(BAD_ASCII[usize::from(b)]);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        i += c.len_utf8();
        if c == '\u{FFFD}' || c.is_control() {
            bad += 1;
        }
    }
    if total > 0 && bad * 10 > total {
        return Err(HtmlError::NotHtml(format!(
            "{bad} of the first {total} characters are control or undecodable characters ({encoding}): binary data?"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check as it was first written: over the first 4096 characters, decoded one by one.
    fn looks_like_text_by_chars(text: &str) -> bool {
        let (mut total, mut bad) = (0usize, 0usize);
        for c in text.chars().take(4096) {
            total += 1;
            if c == '\u{FFFD}'
                || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0}' | '\u{c}'))
            {
                bad += 1;
            }
        }
        !(total > 0 && bad * 10 > total)
    }

    #[test]
    fn the_binary_data_check_reads_ascii_by_table_as_it_read_characters() {
        let page = "<html><body><p>Die Ministerin sagte am Dienstag: „Wir prüfen das.“</p>\t\r\n";
        let mut cases = vec![
            String::new(),
            page.to_string(),
            page.repeat(200),
            "\u{1}\u{2}\u{7f}abcdefgh".to_string(),
            "\u{1}\u{2}abcdefghijklmnopqrstuvwxyz".to_string(),
            "\u{85}\u{9f}\u{FFFD}é".repeat(3) + "plain text",
            "\u{0}\u{c}\t\n\r".repeat(50),
        ];
        // Controls just inside and just past the first 4096 characters (multi-byte ones first).
        cases.push("é".repeat(4000) + &"\u{1}".repeat(500));
        cases.push("é".repeat(3600) + &"\u{1}".repeat(496) + &"x".repeat(100));
        cases.push("é".repeat(3600) + &"\u{1}".repeat(420) + &"x".repeat(100));
        for text in &cases {
            assert_eq!(
                check_looks_like_text(text, "UTF-8").is_ok(),
                looks_like_text_by_chars(text),
                "{:?}",
                text.chars().take(40).collect::<String>()
            );
        }
    }
}
