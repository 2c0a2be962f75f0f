//! Fuzzes HTML extraction (`newsprobe_html::extract`) on arbitrary bytes, with and without a
//! transport charset. The first byte picks the charset, the rest is the page.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CHARSETS: [Option<&str>; 5] = [
    None,
    Some("utf-8"),
    Some("windows-1251"),
    Some("utf-16le"),
    Some("no-such-charset"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, page)) = data.split_first() else {
        return;
    };
    let charset = CHARSETS[usize::from(selector) % CHARSETS.len()];
    let _ = newsprobe_html::extract(page, charset, Some("https://news.example.org/story"));
});
