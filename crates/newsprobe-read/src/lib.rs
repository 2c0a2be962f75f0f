//! Reads the contract's input kinds as a stream of raw articles.
//!
//! (Skeleton: files of plain text and HTML only. The full reader — JSON Lines, WARC, gzip,
//! directories, standard input, sniffing — replaces it.)

use newsprobe_core::{Content, RawArticle};
use thiserror::Error;

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
        match s {
            "html" => Ok(InputFormat::Html),
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(format!(
                "unknown input format {s:?} (html, text, jsonl, warc)"
            )),
        }
    }
}

/// A failure to read one input (or one record of it).
#[derive(Debug, Error)]
#[error("{location}: {message}")]
pub struct ReadError {
    /// `INPUT[:LINE]`
    pub location: String,
    pub message: String,
}

/// Reads every input in order; a failing input yields an error and reading goes on.
pub fn read_inputs(
    inputs: &[String],
    forced: Option<InputFormat>,
) -> impl Iterator<Item = Result<RawArticle, ReadError>> {
    let inputs = inputs.to_vec();
    inputs.into_iter().map(move |path| {
        let bytes = std::fs::read(&path).map_err(|e| ReadError {
            location: path.clone(),
            message: e.to_string(),
        })?;
        let html =
            forced == Some(InputFormat::Html) || path.ends_with(".html") || path.ends_with(".htm");
        let content = if html {
            Content::Html {
                bytes,
                charset: None,
            }
        } else {
            Content::Text(String::from_utf8_lossy(&bytes).into_owned())
        };
        Ok(RawArticle {
            id: path.clone(),
            path: Some(path),
            line: None,
            url: None,
            site: None,
            published: None,
            title: None,
            content,
        })
    })
}
