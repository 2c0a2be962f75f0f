//! Reads the contract's input kinds as a stream of raw articles.
//!
//! Answers "what articles are in these inputs?": files, directories (walked recursively, in a
//! stable order), standard input (`-`); HTML pages, plain text, JSON Lines records and WARC
//! archives, each optionally gzip-compressed. Everything streams: a 10 GB JSON Lines or WARC
//! file is read one record at a time, and every single read is capped ([`Limits`]).
//!
//! A bad input (missing, empty, binary junk, a malformed record) becomes a [`ReadError`] naming
//! it as `INPUT[:LINE]` (`INPUT#N` for the N-th WARC record) and reading goes on with the next
//! input or record. Nothing here panics on any input.
//!
//! HTML is handed on as bytes with the charset the transport declared: decoding and extraction
//! happen later, in `newsprobe-html`.
//!
//! Modules:
//! - [`format`](mod@format): which kind an input is, from its name or by sniffing its first bytes.
//! - [`decode`]: bytes of a plain-text file to a `String` (BOMs, UTF-16, legacy encodings),
//!   and the binary-junk check.
//! - [`text`]: a plain-text file to an article (the title rule).
//! - [`jsonl`]: JSON Lines records, line by line.
//! - [`warc`]: WARC response and resource records, record by record.
//! - [`source`]: opening inputs (files, stdin, gzip), walking directories, capped reads.

pub mod decode;
pub mod format;
pub mod jsonl;
pub mod source;
pub mod text;
pub mod warc;

use std::io::{BufRead, BufReader, Cursor};

use newsprobe_core::RawArticle;
use thiserror::Error;

pub use format::InputFormat;
pub use source::{read_inputs, read_inputs_with, Inputs};

/// A failure to read one input (or one record of it).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{location}: {message}")]
pub struct ReadError {
    /// `INPUT[:LINE]`, or `INPUT#N` for the N-th record of a WARC file.
    pub location: String,
    pub message: String,
}

impl ReadError {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        ReadError {
            location: location.into(),
            message: message.into(),
        }
    }
}

/// Size caps that keep a hostile or broken input from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest single document (an HTML or text file, a WARC payload), after decompression.
    pub max_document_bytes: u64,
    /// Longest JSON Lines line.
    pub max_line_bytes: u64,
    /// Largest WARC record header (and HTTP response head).
    pub max_header_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 512 * 1024 * 1024,
            max_line_bytes: 64 * 1024 * 1024,
            max_header_bytes: 1024 * 1024,
        }
    }
}

/// Human-readable size for error messages ("512 MiB").
pub(crate) fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    let (mib, mib_rest) = (bytes / MIB, bytes % MIB);
    let (kib, kib_rest) = (bytes / KIB, bytes % KIB);
    if mib > 0 && mib_rest == 0 {
        format!("{mib} MiB")
    } else if kib > 0 && kib_rest == 0 {
        format!("{kib} KiB")
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads one in-memory input named `name` (the name chooses the kind as a file name would,
/// unless `forced`): the entry point for fuzzing and tests.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    forced: Option<InputFormat>,
) -> Vec<Result<RawArticle, ReadError>> {
    read_bytes_with(name, bytes, forced, Limits::default())
}

/// [`read_bytes`] with explicit size caps.
pub fn read_bytes_with(
    name: &str,
    bytes: &[u8],
    forced: Option<InputFormat>,
    limits: Limits,
) -> Vec<Result<RawArticle, ReadError>> {
    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(Cursor::new(bytes.to_vec())));
    source::read_stream(
        name.to_string(),
        reader,
        Some(bytes.len() as u64),
        forced,
        limits,
    )
    .collect()
}
