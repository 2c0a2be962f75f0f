//! Fuzzes the input readers (sniffing, gzip, plain text, JSON Lines, WARC) through
//! `newsprobe_read::read_bytes_with`. The first byte picks the file name the bytes are read
//! under (and so the kind), the rest is the content.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsprobe_core::Content;
use newsprobe_read::{read_bytes_with, Limits};

const NAMES: [&str; 8] = [
    "page.html",
    "story.txt",
    "feed.jsonl",
    "crawl.warc",
    "crawl.warc.gz",
    "feed.jsonl.gz",
    "unnamed",
    "-",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(selector) % NAMES.len()];
    // Small caps keep each run fast and exercise the limit paths.
    let limits = Limits {
        max_document_bytes: 1 << 20,
        max_line_bytes: 1 << 16,
        max_header_bytes: 1 << 12,
    };
    for result in read_bytes_with(name, content, None, limits) {
        match result {
            Ok(article) => {
                assert!(!article.id.is_empty());
                if let Content::Html { bytes, .. } = &article.content {
                    assert!(bytes.len() as u64 <= limits.max_document_bytes);
                }
            }
            Err(e) => assert!(!e.location.is_empty() && !e.message.is_empty()),
        }
    }
});
