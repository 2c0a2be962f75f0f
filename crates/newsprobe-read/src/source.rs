//! Opening inputs: files, directories (walked recursively, supported files only, sorted),
//! standard input, gzip (recognised by its magic number, however the file is named), and the
//! capped reads every reader uses.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;
use newsprobe_core::{Content, RawArticle};

use crate::decode::{binary_kind, decode_text, DecodeError};
use crate::format::{self, InputFormat, GZIP_MAGIC};
use crate::{human_size, jsonl, text, warc, Limits, ReadError};

/// A boxed buffered byte stream (file, stdin, gunzipped stream, in-memory bytes).
pub type Stream = Box<dyn BufRead + Send>;
/// Articles (or errors) of one input, in order.
pub type Articles = Box<dyn Iterator<Item = Result<RawArticle, ReadError>> + Send>;

/// Buffer size for reading files.
const READ_BUFFER: usize = 256 * 1024;
/// How many leading bytes are looked at to tell the kind of an input.
const SNIFF_BYTES: u64 = 8192;
/// Gzip inside gzip is unwrapped at most this many times.
const MAX_GZIP_LAYERS: usize = 4;

/// Reads every input in order; a failing input yields an error and reading goes on.
pub fn read_inputs(
    inputs: &[String],
    forced: Option<InputFormat>,
) -> impl Iterator<Item = Result<RawArticle, ReadError>> + Send {
    read_inputs_with(inputs, forced, Limits::default())
}

/// [`read_inputs`] with explicit size caps.
pub fn read_inputs_with(inputs: &[String], forced: Option<InputFormat>, limits: Limits) -> Inputs {
    Inputs {
        queue: inputs.iter().map(|s| Ok(PathBuf::from(s))).collect(),
        current: None,
        forced,
        limits,
    }
}

/// The articles of a list of inputs, read lazily one input (and one record) at a time.
pub struct Inputs {
    queue: VecDeque<Result<PathBuf, ReadError>>,
    current: Option<Articles>,
    forced: Option<InputFormat>,
    limits: Limits,
}

impl Iterator for Inputs {
    type Item = Result<RawArticle, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let path = match self.queue.pop_front()? {
                Ok(path) => path,
                Err(e) => return Some(Err(e)),
            };
            let name = path.to_string_lossy().into_owned();
            if name == "-" {
                let stdin: Stream = Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin()));
                self.current = Some(read_stream(name, stdin, None, self.forced, self.limits));
                continue;
            }
            let meta = match fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return Some(Err(ReadError::new(name, io_message(&e)))),
            };
            if meta.is_dir() {
                for entry in walk(&path).into_iter().rev() {
                    self.queue.push_front(entry);
                }
                continue;
            }
            let file = match fs::File::open(&path) {
                Ok(file) => file,
                Err(e) => return Some(Err(ReadError::new(name, io_message(&e)))),
            };
            let size = meta.is_file().then_some(meta.len());
            let stream: Stream = Box::new(BufReader::with_capacity(READ_BUFFER, file));
            self.current = Some(read_stream(name, stream, size, self.forced, self.limits));
        }
    }
}

/// Supported files under `dir`, recursively, sorted by path (component by component). Hidden
/// entries (names starting with `.`) are skipped; symbolic links to files are followed, links to
/// directories are not (no cycles). Unreadable directories become errors in their place.
pub fn walk(dir: &Path) -> Vec<Result<PathBuf, ReadError>> {
    let mut found: Vec<(PathBuf, Option<ReadError>)> = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = match fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                let err = ReadError::new(current.to_string_lossy(), io_message(&e));
                found.push((current, Some(err)));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let err = ReadError::new(current.to_string_lossy(), io_message(&e));
                    found.push((current.clone(), Some(err)));
                    continue;
                }
            };
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            if file_name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if format::is_supported_name(&file_name) {
                let is_file = kind.is_file() || fs::metadata(&path).is_ok_and(|m| m.is_file());
                if is_file {
                    found.push((path, None));
                }
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
        .into_iter()
        .map(|(path, err)| match err {
            Some(err) => Err(err),
            None => Ok(path),
        })
        .collect()
}

/// A short message for an I/O error ("no such file or directory").
pub(crate) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = e.to_string();
            // Drop the "(os error N)" suffix std adds.
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// Reads up to `n` leading bytes and returns them with a stream that still starts at byte 0.
fn peek(mut stream: Stream, n: u64) -> io::Result<(Vec<u8>, Stream)> {
    let mut prefix = Vec::with_capacity(n as usize);
    stream.by_ref().take(n).read_to_end(&mut prefix)?;
    let rest: Stream = Box::new(BufReader::with_capacity(
        READ_BUFFER,
        Cursor::new(prefix.clone()).chain(stream),
    ));
    Ok((prefix, rest))
}

/// The articles in one opened input called `name`: unwraps gzip, decides the kind (forced, else
/// from the name, else sniffed), and hands the stream to the matching reader.
pub fn read_stream(
    name: String,
    stream: Stream,
    size: Option<u64>,
    forced: Option<InputFormat>,
    limits: Limits,
) -> Articles {
    match open_stream(&name, stream, size, forced, limits) {
        Ok(articles) => articles,
        Err(message) => Box::new(std::iter::once(Err(ReadError::new(name, message)))),
    }
}

fn open_stream(
    name: &str,
    mut stream: Stream,
    mut size: Option<u64>,
    forced: Option<InputFormat>,
    limits: Limits,
) -> Result<Articles, String> {
    let mut gzip_layers = 0;
    let prefix = loop {
        let (prefix, rest) =
            peek(stream, SNIFF_BYTES).map_err(|e| read_message(&e, gzip_layers > 0))?;
        stream = rest;
        if !prefix.starts_with(&GZIP_MAGIC) {
            break prefix;
        }
        if gzip_layers == MAX_GZIP_LAYERS {
            return Err(format!("gzip nested more than {MAX_GZIP_LAYERS} deep"));
        }
        gzip_layers += 1;
        size = None;
        stream = Box::new(BufReader::with_capacity(
            READ_BUFFER,
            MultiGzDecoder::new(stream),
        ));
    };
    let gzipped = gzip_layers > 0;
    if prefix.is_empty() {
        return Err(if name == "-" {
            "empty input".into()
        } else if gzipped {
            "empty file (after gunzip)".into()
        } else {
            "empty file".into()
        });
    }
    let kind = forced
        .or_else(|| format::from_name(name))
        .unwrap_or_else(|| format::sniff(&prefix));
    if let Some(size) = size.filter(|&s| s > limits.max_document_bytes) {
        // Whole documents are bounded by the cap; records stream whatever the file size.
        if matches!(kind, InputFormat::Html | InputFormat::Text) {
            return Err(too_large(size, limits));
        }
    }
    let name = name.to_string();
    Ok(match kind {
        InputFormat::Jsonl => Box::new(jsonl::Records::new(name, stream, limits, gzipped)),
        InputFormat::Warc => Box::new(warc::Records::new(name, stream, limits, gzipped)),
        InputFormat::Html | InputFormat::Text => {
            let bytes = read_document(stream, size, limits).map_err(|e| match e {
                DocumentError::Io(e) => read_message(&e, gzipped),
                DocumentError::TooLarge(n) => too_large(n, limits),
            })?;
            let article = if kind == InputFormat::Html {
                html_article(&name, bytes)
            } else {
                text_article(&name, &bytes)
            }?;
            Box::new(std::iter::once(Ok(article)))
        }
    })
}

fn too_large(size: u64, limits: Limits) -> String {
    format!(
        "document of {size} bytes is larger than the {} limit",
        human_size(limits.max_document_bytes)
    )
}

/// A message for an I/O error while reading content.
pub(crate) fn read_message(e: &io::Error, gzipped: bool) -> String {
    if gzipped {
        format!("invalid or truncated gzip data: {}", io_message(e))
    } else {
        format!("read error: {}", io_message(e))
    }
}

/// Why a whole document could not be read.
pub(crate) enum DocumentError {
    Io(io::Error),
    /// Bigger than the cap (bytes seen so far).
    TooLarge(u64),
}

/// Reads a whole document, at most `limits.max_document_bytes`.
pub(crate) fn read_document(
    stream: impl Read,
    size: Option<u64>,
    limits: Limits,
) -> Result<Vec<u8>, DocumentError> {
    let cap = limits.max_document_bytes;
    let capacity = size.map_or(64 * 1024, |s| s.min(cap) + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(64 * 1024));
    stream
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(DocumentError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(DocumentError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An HTML file as an article (bytes kept for `newsprobe-html` to decode and extract).
pub(crate) fn html_article(name: &str, bytes: Vec<u8>) -> Result<RawArticle, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file (only white space)".into());
    }
    if let Some(what) = binary_kind(&bytes) {
        return Err(format!("binary data ({what}), not HTML"));
    }
    Ok(RawArticle::from_file(
        name,
        Content::Html {
            bytes,
            charset: None,
        },
    ))
}

/// A plain-text file as an article: decoded, title split off by the contract's rule.
pub(crate) fn text_article(name: &str, bytes: &[u8]) -> Result<RawArticle, String> {
    let decoded = decode_text(bytes).map_err(|e| match e {
        DecodeError::Empty => "empty file".to_string(),
        other => other.to_string(),
    })?;
    if decoded.trim().is_empty() {
        return Err("empty file (only white space)".into());
    }
    let (title, body) = text::split_title(&decoded);
    Ok(RawArticle {
        title,
        ..RawArticle::from_file(name, Content::Text(body.to_string()))
    })
}

/// How a capped line read ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// The whole line (with its `\n`, if any) is in the buffer.
    Complete,
    /// The line was longer than the cap; it was skipped and the buffer is empty.
    TooLong,
}

/// Reads one line (through `\n` or the end) into `buf`, keeping at most `cap` bytes: a longer
/// line is consumed and reported as [`Line::TooLong`] without ever being held in memory.
/// `Ok(None)` at the end of the stream.
pub(crate) fn read_line_capped(
    stream: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: u64,
) -> io::Result<Option<Line>> {
    buf.clear();
    let mut seen = 0u64;
    let mut too_long = false;
    loop {
        let available = match stream.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (seen, too_long) {
                (0, _) => None,
                (_, true) => Some(Line::TooLong),
                (_, false) => Some(Line::Complete),
            });
        }
        let (take, ends_line) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if (buf.len() + take) as u64 > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        seen += take as u64;
        stream.consume(take);
        if ends_line {
            return Ok(Some(if too_long {
                Line::TooLong
            } else {
                Line::Complete
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines() {
        let data = b"short\nthis line is far too long\n\nlast";
        let mut stream = BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while let Some(line) = read_line_capped(&mut stream, &mut buf, 10).unwrap() {
            lines.push((line, String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            lines,
            vec![
                (Line::Complete, "short\n".to_string()),
                (Line::TooLong, String::new()),
                (Line::Complete, "\n".to_string()),
                (Line::Complete, "last".to_string()),
            ]
        );
    }

    #[test]
    fn document_cap() {
        let limits = Limits {
            max_document_bytes: 8,
            ..Limits::default()
        };
        assert!(read_document(&b"12345678"[..], None, limits).is_ok());
        assert!(matches!(
            read_document(&b"123456789"[..], None, limits),
            Err(DocumentError::TooLarge(9))
        ));
    }

    #[test]
    fn io_messages_are_short() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(io_message(&e), "no such file or directory");
    }
}
