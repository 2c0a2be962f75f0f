//! JSON Lines records `{"id", "url", "site", "published", "title", "text" | "html"}`, read one
//! line at a time (a line is capped, never the file). A malformed line is an error at
//! `PATH:LINE` and reading goes on with the next line.

use newsprobe_core::{Content, RawArticle};
use serde::Deserialize;

use crate::source::{read_line_capped, read_message, Line, Stream};
use crate::{human_size, Limits, ReadError};

/// One input record as written; unknown fields are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

/// The records of one JSON Lines input.
pub struct Records {
    name: String,
    stream: Stream,
    limits: Limits,
    gzipped: bool,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
}

impl Records {
    pub fn new(name: String, stream: Stream, limits: Limits, gzipped: bool) -> Self {
        Records {
            name,
            stream,
            limits,
            gzipped,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Iterator for Records {
    type Item = Result<RawArticle, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line =
                read_line_capped(&mut self.stream, &mut self.buf, self.limits.max_line_bytes);
            self.line_no += 1;
            let location = format!("{}:{}", self.name, self.line_no);
            match line {
                Ok(None) => self.done = true,
                Err(e) => {
                    // A broken stream (I/O error, corrupt gzip) cannot be resumed.
                    self.done = true;
                    return Some(Err(ReadError::new(
                        location,
                        read_message(&e, self.gzipped),
                    )));
                }
                Ok(Some(Line::TooLong)) => {
                    let cap = human_size(self.limits.max_line_bytes);
                    return Some(Err(ReadError::new(
                        location,
                        format!("line longer than the {cap} limit"),
                    )));
                }
                Ok(Some(Line::Complete)) => {
                    let mut bytes = self.buf.as_slice();
                    if self.line_no == 1 {
                        bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
                    }
                    let bytes = bytes.trim_ascii();
                    if bytes.is_empty() {
                        continue;
                    }
                    return Some(
                        parse_record(&self.name, self.line_no, bytes)
                            .map_err(|message| ReadError::new(location, message)),
                    );
                }
            }
        }
        None
    }
}

/// One JSON Lines record (a trimmed, non-empty line) as an article.
pub fn parse_record(name: &str, line_no: u64, bytes: &[u8]) -> Result<RawArticle, String> {
    if !bytes.starts_with(b"{") {
        return Err("not a JSON object".into());
    }
    let record: Record = serde_json::from_slice(bytes).map_err(|e| {
        let text = e.to_string();
        let text = text.find(" at line ").map_or(text.as_str(), |i| &text[..i]);
        format!("invalid record: {text} (column {})", e.column())
    })?;
    // Ids are strings; numeric ids are common enough to accept.
    let id = match record.id {
        serde_json::Value::String(id) if !id.trim().is_empty() => id,
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Null | serde_json::Value::String(_) => format!("{name}:{line_no}"),
        _ => return Err("\"id\" must be a string or a number".into()),
    };
    let title = record.title.filter(|t| !t.trim().is_empty());
    // When both are given, `text` wins: it is taken exactly as written.
    let content = match (record.text, record.html) {
        (Some(text), _) => {
            if text.trim().is_empty() && title.is_none() {
                return Err("empty \"text\" and no \"title\"".into());
            }
            Content::Text(text)
        }
        (None, Some(html)) => {
            if html.trim().is_empty() && title.is_none() {
                return Err("empty \"html\" and no \"title\"".into());
            }
            Content::Html {
                bytes: html.into_bytes(),
                // JSON strings are Unicode: whatever the page's <meta> says, these bytes are UTF-8.
                charset: Some("utf-8".into()),
            }
        }
        (None, None) => return Err("record has neither \"text\" nor \"html\"".into()),
    };
    Ok(RawArticle {
        id,
        path: Some(name.to_string()),
        line: Some(line_no),
        url: record.url.filter(|u| !u.trim().is_empty()),
        site: record.site.filter(|s| !s.trim().is_empty()),
        published: record.published.filter(|p| !p.trim().is_empty()),
        title,
        content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    fn records(data: &str, limits: Limits) -> Vec<Result<RawArticle, ReadError>> {
        let stream: Stream = Box::new(BufReader::new(Cursor::new(data.as_bytes().to_vec())));
        Records::new("feed.jsonl".into(), stream, limits, false).collect()
    }

    #[test]
    fn good_records_with_and_without_ids() {
        let data = concat!(
            "{\"id\":\"a1\",\"url\":\"https://example.org/a\",\"site\":\"Example\",",
            "\"published\":\"2024-05-01\",\"title\":\"Port reopens\",",
            "\"text\":\"  The port reopened on Monday.\",\"extra\":[1,2]}\n",
            "\n",
            "{\"text\":\"Grain exports resumed.\"}\r\n",
            "{\"id\":17,\"html\":\"<p>Talks resumed.</p>\"}",
        );
        let got = records(data, Limits::default());
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.line, Some(1));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.title.as_deref(), Some("Port reopens"));
        assert_eq!(a.published.as_deref(), Some("2024-05-01"));
        // Text exactly as given, leading spaces included.
        assert_eq!(
            a.content,
            Content::Text("  The port reopened on Monday.".into())
        );
        let b = got[1].as_ref().unwrap();
        assert_eq!(b.id, "feed.jsonl:3");
        assert_eq!(b.line, Some(3));
        let c = got[2].as_ref().unwrap();
        assert_eq!(c.id, "17");
        assert!(matches!(&c.content, Content::Html { charset: Some(cs), .. } if cs == "utf-8"));
    }

    #[test]
    fn malformed_lines_are_errors_and_reading_goes_on() {
        let data = concat!(
            "{\"text\":\"First story.\"}\n",
            "{\"text\": \"unterminated\n",
            "[1, 2, 3]\n",
            "{\"title\": \"No body\"}\n",
            "{\"text\": \"\"}\n",
            "{\"text\": 42}\n",
            "{\"id\": [1], \"text\": \"Ids are strings.\"}\n",
            "{\"title\": \"Headline only\", \"text\": \"\"}\n",
        );
        let got = records(data, Limits::default());
        let summary: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(a) => format!("ok {}", a.id),
                Err(e) => e.location.clone(),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "ok feed.jsonl:1",
                "feed.jsonl:2",
                "feed.jsonl:3",
                "feed.jsonl:4",
                "feed.jsonl:5",
                "feed.jsonl:6",
                "feed.jsonl:7",
                "ok feed.jsonl:8",
            ]
        );
        let messages: Vec<String> = got
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert!(
            messages[0].starts_with("feed.jsonl:2: invalid record: EOF while parsing a string"),
            "{}",
            messages[0]
        );
        assert_eq!(messages[1], "feed.jsonl:3: not a JSON object");
        assert_eq!(
            messages[2],
            "feed.jsonl:4: record has neither \"text\" nor \"html\""
        );
        assert_eq!(
            messages[5],
            "feed.jsonl:7: \"id\" must be a string or a number"
        );
    }

    #[test]
    fn overlong_line_is_skipped_with_an_error() {
        let limits = Limits {
            max_line_bytes: 64,
            ..Limits::default()
        };
        let long = format!("{{\"text\":\"{}\"}}\n", "x".repeat(200));
        let data = format!("{long}{{\"text\":\"After the long line.\"}}\n");
        let got = records(&data, limits);
        assert_eq!(got.len(), 2);
        let err = got[0].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "feed.jsonl:1: line longer than the 64 bytes limit"
        );
        assert_eq!(got[1].as_ref().unwrap().line, Some(2));
    }

    #[test]
    fn endless_line_is_never_held_in_memory() {
        use std::io::Read;
        let limits = Limits {
            max_line_bytes: 1 << 20,
            ..Limits::default()
        };
        // 64 MiB without a line break, then a good record.
        let endless = std::io::repeat(b'x').take(64 << 20);
        let tail = Cursor::new(b"\n{\"text\":\"Still read.\"}\n".to_vec());
        let stream: Stream = Box::new(BufReader::new(endless.chain(tail)));
        let got: Vec<_> = Records::new("big.jsonl".into(), stream, limits, false).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "big.jsonl:1: line longer than the 1 MiB limit"
        );
        assert_eq!(got[1].as_ref().unwrap().id, "big.jsonl:2");
    }

    #[test]
    fn bom_on_first_line() {
        let got = records("\u{feff}{\"text\":\"Budget passed.\"}\n", Limits::default());
        assert_eq!(
            got[0].as_ref().unwrap().content,
            Content::Text("Budget passed.".into())
        );
    }
}
