//! Fuzzes the whole analysis (`Engine::analyze`: extraction, segmentation, entities, quotes,
//! framing, the report) on arbitrary bytes, and checks that every span of the document and of
//! its report lies inside its field on character boundaries (`newsprobe::spancheck`). The first
//! byte picks how the rest is read: as plain text (lossily decoded) or as an HTML page, with or
//! without a headline of its own.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsprobe::Engine;
use newsprobe_core::{Content, RawArticle};

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(None));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let html = selector & 1 == 1;
    // With bit 1 set, the rest up to the first newline is the record's own headline.
    let (title, body) = match (selector & 2 == 2, rest.iter().position(|&b| b == b'\n')) {
        (true, Some(n)) => (
            Some(String::from_utf8_lossy(&rest[..n]).into_owned()),
            &rest[n + 1..],
        ),
        _ => (None, rest),
    };
    let content = if html {
        Content::Html {
            bytes: body.to_vec(),
            charset: None,
        }
    } else {
        Content::Text(String::from_utf8_lossy(body).into_owned())
    };
    let raw = RawArticle {
        id: "fuzz".into(),
        path: None,
        line: None,
        url: Some("https://news.example.org/story".into()),
        site: None,
        published: None,
        title,
        content,
    };
    if let Ok(doc) = ENGINE.analyze(raw) {
        if let Err(e) = newsprobe::spancheck::check(&doc) {
            panic!("span outside its field: {e}");
        }
    }
});
