//! WARC archives (1.0 and 1.1, plain or gzip per record): the HTML and text of `response` and
//! `resource` records, one record at a time. `request`, `metadata`, `warcinfo`, `revisit` and
//! other records are skipped unread; so are responses that are not 2xx or not HTML/text.
//!
//! A streaming reader of our own rather than the `warc` crate: that crate reads a header line
//! without bound (a junk file would sit in memory whole), cannot recover after a malformed
//! record, and brings chrono, nom, url, uuid 0.8 and libflate along. Here every header is
//! capped, a payload larger than the document cap is skipped without being held, and after a
//! malformed record reading resumes at the next `WARC/1.x` line. Errors name `PATH#N`, the
//! N-th record (1-based).

use std::io::{self, Read};

use flate2::read::{GzDecoder, ZlibDecoder};
use newsprobe_core::{Content, RawArticle};

use crate::decode::{binary_kind, decode_with_label};
use crate::format::{self, InputFormat, GZIP_MAGIC};
use crate::source::{read_line_capped, read_message, Line, Stream};
use crate::{human_size, text, Limits, ReadError};

/// The fields of a WARC record header we use.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    record_id: Option<String>,
    target_uri: Option<String>,
    content_type: Option<String>,
    length: Option<u64>,
}

/// What one record yielded.
enum Outcome {
    Article(Box<RawArticle>),
    Skip,
}

/// The articles of one WARC input.
pub struct Records {
    name: String,
    stream: Stream,
    limits: Limits,
    gzipped: bool,
    record_no: u64,
    buf: Vec<u8>,
    /// A `WARC/` version line already read while resynchronising.
    pending_version: bool,
    /// After a malformed record: skip to the next `WARC/1.x` line.
    resync: bool,
    done: bool,
}

impl Records {
    pub fn new(name: String, stream: Stream, limits: Limits, gzipped: bool) -> Self {
        Records {
            name,
            stream,
            limits,
            gzipped,
            record_no: 0,
            buf: Vec::new(),
            pending_version: false,
            resync: false,
            done: false,
        }
    }

    fn location(&self) -> String {
        format!("{}#{}", self.name, self.record_no)
    }

    fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError::new(self.location(), message)
    }

    fn io_error(&mut self, e: &io::Error) -> ReadError {
        self.done = true;
        self.error(read_message(e, self.gzipped))
    }

    /// Reads lines until one starts a record (`WARC/`); `Ok(false)` at the end of the stream.
    /// Outside resynchronisation only blank lines may come first.
    fn find_version_line(&mut self) -> io::Result<Result<bool, String>> {
        if self.pending_version {
            self.pending_version = false;
            return Ok(Ok(true));
        }
        let cap = self.limits.max_header_bytes;
        loop {
            let Some(line) = read_line_capped(&mut self.stream, &mut self.buf, cap)? else {
                return Ok(Ok(false));
            };
            let is_version = line == Line::Complete && is_version_line(&self.buf);
            if is_version {
                self.resync = false;
                return Ok(Ok(true));
            }
            if self.resync {
                continue;
            }
            if line == Line::Complete && self.buf.trim_ascii().is_empty() {
                continue;
            }
            if line == Line::TooLong {
                return Ok(Err(format!(
                    "expected a WARC record header (WARC/1.x), found a line longer than {}",
                    human_size(cap)
                )));
            }
            let found: String = String::from_utf8_lossy(&self.buf)
                .chars()
                .take(40)
                .collect();
            return Ok(Err(format!(
                "expected a WARC record header (WARC/1.x), found {:?}",
                found.trim_end()
            )));
        }
    }

    /// Reads header fields up to the blank line.
    fn read_header(&mut self) -> io::Result<Result<RecordHeader, String>> {
        let cap = self.limits.max_header_bytes;
        let mut header = RecordHeader::default();
        let mut total = 0u64;
        loop {
            let Some(line) = read_line_capped(&mut self.stream, &mut self.buf, cap)? else {
                return Ok(Err("truncated record header".into()));
            };
            total += self.buf.len() as u64;
            if line == Line::TooLong || total > cap {
                return Ok(Err(format!(
                    "record header longer than the {} limit",
                    human_size(cap)
                )));
            }
            let field = self.buf.trim_ascii();
            if field.is_empty() {
                return Ok(Ok(header));
            }
            let Some(colon) = memchr::memchr(b':', field) else {
                continue; // a continuation or junk line: nothing we use
            };
            let key = String::from_utf8_lossy(&field[..colon])
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(&field[colon + 1..])
                .trim()
                .to_string();
            match key.as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-record-id" => header.record_id = Some(strip_angles(&value)),
                "warc-target-uri" => header.target_uri = Some(strip_angles(&value)),
                "content-type" => header.content_type = Some(value),
                "content-length" => header.length = value.parse().ok(),
                _ => {}
            }
        }
    }

    /// Reads one record; `None` at the end of the stream.
    fn read_record(&mut self) -> Option<Result<Outcome, ReadError>> {
        let found = match self.find_version_line() {
            Ok(found) => found,
            Err(e) => return Some(Err(self.io_error(&e))),
        };
        self.record_no += 1;
        match found {
            Ok(true) => {}
            Ok(false) => return None,
            Err(message) => {
                self.resync = true;
                return Some(Err(self.error(message)));
            }
        }
        let header = match self.read_header() {
            Ok(Ok(header)) => header,
            Ok(Err(message)) => {
                self.resync = true;
                return Some(Err(self.error(message)));
            }
            Err(e) => return Some(Err(self.io_error(&e))),
        };
        let Some(length) = header.length else {
            self.resync = true;
            return Some(Err(self.error("record without a valid Content-Length")));
        };
        let wanted = matches!(header.kind.as_str(), "response" | "resource");
        if !wanted || length > self.limits.max_document_bytes {
            // Skip the block without holding it.
            let skipped = match io::copy(&mut (&mut self.stream).take(length), &mut io::sink()) {
                Ok(n) => n,
                Err(e) => return Some(Err(self.io_error(&e))),
            };
            if skipped < length {
                self.done = true;
                return Some(Err(
                    self.error(format!("truncated record: {skipped} of {length} bytes"))
                ));
            }
            if wanted {
                return Some(Err(self.error(format!(
                    "record of {length} bytes is larger than the {} limit",
                    human_size(self.limits.max_document_bytes)
                ))));
            }
            return Some(Ok(Outcome::Skip));
        }
        let mut block = Vec::with_capacity(usize::try_from(length.min(1 << 24)).unwrap_or(0));
        if let Err(e) = (&mut self.stream).take(length).read_to_end(&mut block) {
            return Some(Err(self.io_error(&e)));
        }
        if (block.len() as u64) < length {
            self.done = true;
            return Some(Err(self.error(format!(
                "truncated record: {} of {length} bytes",
                block.len()
            ))));
        }
        Some(
            self.to_article(header, block)
                .map_err(|message| self.error(message)),
        )
    }

    /// The article in a response or resource record's block.
    fn to_article(&self, header: RecordHeader, block: Vec<u8>) -> Result<Outcome, String> {
        let (payload, content_type) = if header.kind == "response" {
            let is_http = header
                .target_uri
                .as_deref()
                .is_some_and(|u| u.starts_with("http:") || u.starts_with("https:"))
                || block.starts_with(b"HTTP/");
            if !is_http {
                return Ok(Outcome::Skip); // dns:, whois: and the like
            }
            match http_payload(block, self.limits)? {
                Some(found) => found,
                None => return Ok(Outcome::Skip),
            }
        } else {
            (block, header.content_type.clone())
        };
        if payload.trim_ascii().is_empty() {
            return Ok(Outcome::Skip);
        }
        let (mime, charset) = split_content_type(content_type.as_deref());
        let kind = match mime.as_str() {
            "text/html" | "application/xhtml+xml" | "application/html" => InputFormat::Html,
            "text/plain" => InputFormat::Text,
            "" | "application/octet-stream" | "unknown/unknown" => {
                if binary_kind(&payload).is_some() {
                    return Ok(Outcome::Skip);
                }
                format::sniff(&payload)
            }
            _ => return Ok(Outcome::Skip),
        };
        let id = header
            .record_id
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| self.location());
        let mut article = RawArticle {
            id,
            path: Some(self.name.clone()),
            line: None,
            url: header.target_uri.filter(|u| !u.is_empty()),
            site: None,
            published: None,
            title: None,
            content: Content::Text(String::new()),
        };
        match kind {
            InputFormat::Html => {
                if let Some(what) = binary_kind(&payload) {
                    return Err(format!("binary data ({what}) in an HTML record"));
                }
                article.content = Content::Html {
                    bytes: payload,
                    charset,
                };
            }
            InputFormat::Text => {
                let decoded =
                    decode_with_label(&payload, charset.as_deref()).map_err(|e| e.to_string())?;
                let (title, body) = text::split_title(&decoded);
                article.title = title;
                article.content = Content::Text(body.to_string());
            }
            // JSON or WARC inside a WARC record is not an article.
            InputFormat::Jsonl | InputFormat::Warc => return Ok(Outcome::Skip),
        }
        Ok(Outcome::Article(Box::new(article)))
    }
}

impl Iterator for Records {
    type Item = Result<RawArticle, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.read_record()? {
                Ok(Outcome::Article(article)) => return Some(Ok(*article)),
                Ok(Outcome::Skip) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
        None
    }
}

fn is_version_line(line: &[u8]) -> bool {
    let line = line.trim_ascii();
    line.starts_with(b"WARC/1.") || line.starts_with(b"WARC/0.")
}

fn strip_angles(value: &str) -> String {
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
        .to_string()
}

/// `text/html; charset=KOI8-R` -> (`text/html`, `Some("KOI8-R")`).
fn split_content_type(value: Option<&str>) -> (String, Option<String>) {
    let Some(value) = value else {
        return (String::new(), None);
    };
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (mime, charset)
}

/// An HTTP body and its Content-Type header.
type HttpPayload = (Vec<u8>, Option<String>);

/// The payload of an HTTP response block and its Content-Type: `Ok(None)` for a response that
/// is not a success (redirects, errors). Chunked transfer and gzip/deflate content encodings are
/// undone.
fn http_payload(block: Vec<u8>, limits: Limits) -> Result<Option<HttpPayload>, String> {
    let head_end = find_head_end(&block, limits.max_header_bytes)
        .ok_or("malformed HTTP response: no end of headers")?;
    let head = String::from_utf8_lossy(&block[..head_end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            let shown: String = status_line.chars().take(40).collect();
            format!("malformed HTTP status line {shown:?}")
        })?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let (mut content_type, mut chunked, mut encoding) = (None, false, String::new());
    for line in lines {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let value = value.trim();
        if key.eq_ignore_ascii_case("content-type") {
            content_type = Some(value.to_string());
        } else if key.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if key.eq_ignore_ascii_case("content-encoding") {
            encoding = value.to_ascii_lowercase();
        }
    }
    let mut payload = block;
    payload.drain(..head_end.1);
    if chunked {
        if let Some(joined) = dechunk(&payload) {
            payload = joined;
        }
    }
    // Many crawlers store bodies already decoded but keep the header: only undo an encoding
    // that is really there.
    let payload = match encoding.as_str() {
        "" | "identity" => payload,
        "gzip" | "x-gzip" if payload.starts_with(&GZIP_MAGIC) => {
            inflate(GzDecoder::new(payload.as_slice()), limits)?
        }
        "deflate" if binary_kind(&payload).is_some() => {
            inflate(ZlibDecoder::new(payload.as_slice()), limits)?
        }
        _ if binary_kind(&payload).is_none() => payload,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(Some((payload, content_type)))
}

fn inflate(decoder: impl Read, limits: Limits) -> Result<Vec<u8>, String> {
    let cap = limits.max_document_bytes;
    let mut out = Vec::new();
    decoder
        .take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("invalid compressed HTTP body: {e}"))?;
    if out.len() as u64 > cap {
        return Err(format!(
            "decompressed HTTP body larger than the {} limit",
            human_size(cap)
        ));
    }
    Ok(out)
}

/// (end of the header lines, start of the body) of an HTTP message.
fn find_head_end(block: &[u8], cap: u64) -> Option<(usize, usize)> {
    let window = &block[..block.len().min(usize::try_from(cap).unwrap_or(usize::MAX))];
    let crlf = memchr::memmem::find(window, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(window, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Joins a chunked transfer-encoded body; `None` when it is not well-formed chunking.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = memchr::memchr(b'\n', rest)?;
        let size_line = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_text = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_and_charset() {
        assert_eq!(
            split_content_type(Some("text/html; charset=\"KOI8-R\"")),
            ("text/html".into(), Some("KOI8-R".into()))
        );
        assert_eq!(
            split_content_type(Some("TEXT/PLAIN")),
            ("text/plain".into(), None)
        );
        assert_eq!(split_content_type(None), (String::new(), None));
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;x=y\r\n, world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello, world"[..])
        );
        assert_eq!(dechunk(b"zz\r\nHello"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn endless_junk_is_one_error_not_a_memory_blow_up() {
        use std::io::{BufReader, Cursor};
        // 64 MiB of junk without a line break: one error, then the end of the input.
        let junk = io::repeat(b'j').take(64 << 20);
        let stream: Stream = Box::new(BufReader::new(junk.chain(Cursor::new(b"\n".to_vec()))));
        let got: Vec<_> =
            Records::new("junk.warc".into(), stream, Limits::default(), false).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "junk.warc#1: expected a WARC record header (WARC/1.x), found a line longer than 1 MiB"
        );
    }

    #[test]
    fn http_head_parsing() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>x</p>"
                .to_vec();
        let (payload, ct) = http_payload(block, Limits::default()).unwrap().unwrap();
        assert_eq!(payload, b"<p>x</p>");
        assert_eq!(ct.as_deref(), Some("text/html; charset=windows-1251"));
        // A body stored decoded under its original Content-Encoding header is used as is.
        let decoded =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Type: text/html\r\n\r\n<p>y</p>";
        let (payload, _) = http_payload(decoded.to_vec(), Limits::default())
            .unwrap()
            .unwrap();
        assert_eq!(payload, b"<p>y</p>");
        let gz_header_only =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<p>plain</p>".to_vec();
        let (payload, _) = http_payload(gz_header_only, Limits::default())
            .unwrap()
            .unwrap();
        assert_eq!(payload, b"<p>plain</p>");
        let brotli = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x8b\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f".to_vec();
        assert!(http_payload(brotli, Limits::default()).is_err());
        let redirect = b"HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n".to_vec();
        assert!(http_payload(redirect, Limits::default()).unwrap().is_none());
        assert!(http_payload(b"garbage without end".to_vec(), Limits::default()).is_err());
        assert!(http_payload(b"HTTP/1.1 abc\r\n\r\n".to_vec(), Limits::default()).is_err());
    }
}
