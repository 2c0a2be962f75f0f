//! What a reader hands to the pipeline: one article before analysis.

use serde::{Deserialize, Serialize};

/// The body of an input article, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Content {
    /// Plain text, taken exactly as given (offsets refer to it).
    Text(String),
    /// An HTML page as bytes, with the charset a transport header declared, if any.
    Html {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
}

/// One article as read from a file, a JSON Lines record, a WARC record or standard input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Stable id: the record's `id`, else `PATH:LINE` (records), `PATH#N` (WARC) or `PATH`.
    pub id: String,
    /// Where it was read from (file path, `-` for standard input).
    pub path: Option<String>,
    /// Line number in a JSON Lines file (1-based), for error messages.
    pub line: Option<u64>,
    pub url: Option<String>,
    pub site: Option<String>,
    /// RFC 3339 or a date, as given.
    pub published: Option<String>,
    pub title: Option<String>,
    pub content: Content,
}

impl RawArticle {
    /// A plain-text article with the given id.
    pub fn from_text(
        id: impl Into<String>,
        title: Option<String>,
        text: impl Into<String>,
    ) -> Self {
        RawArticle {
            id: id.into(),
            path: None,
            line: None,
            url: None,
            site: None,
            published: None,
            title,
            content: Content::Text(text.into()),
        }
    }

    /// An article read from the file `path` (its id), with no metadata of its own yet.
    pub fn from_file(path: impl Into<String>, content: Content) -> Self {
        let path = path.into();
        RawArticle {
            id: path.clone(),
            path: Some(path),
            line: None,
            url: None,
            site: None,
            published: None,
            title: None,
            content,
        }
    }

    /// `PATH[:LINE]` (or `PATH#N` for a WARC record) for error messages, as the contract prints failures.
    pub fn location(&self) -> String {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => format!("{p}:{l}"),
            // WARC records carry their position in the id: `PATH#N`.
            (Some(p), None) if self.id.starts_with(p.as_str()) && self.id.len() > p.len() => {
                self.id.clone()
            }
            (Some(p), None) => p.clone(),
            (None, _) => self.id.clone(),
        }
    }
}
