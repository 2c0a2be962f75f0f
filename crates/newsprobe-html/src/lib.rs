//! HTML pages to article text and metadata.

use thiserror::Error;

/// Errors reading an HTML page.
#[derive(Debug, Error)]
pub enum HtmlError {
    #[error("empty page")]
    Empty,
    #[error("not an HTML page: {0}")]
    NotHtml(String),
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
    _charset: Option<&str>,
    _url: Option<&str>,
) -> Result<Extracted, HtmlError> {
    if bytes.is_empty() {
        return Err(HtmlError::Empty);
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(Extracted {
        text,
        ..Default::default()
    })
}

/// `newsprobe eval extraction`.
pub mod eval {
    /// Scores extraction on the Scrapinghub benchmark; returns the printable figures.
    pub fn run(_data: &std::path::Path) -> Result<String, super::HtmlError> {
        Err(super::HtmlError::NotHtml("not implemented yet".into()))
    }
}
