//! Prints what the reported-speech rules find in a text file before any speaker check:
//! `cargo run --release -p newsprobe-quotes --example debug_reported -- FILE`.

use newsprobe_core::Document;
use newsprobe_quotes::{marks, reported, speaker::Ctx};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: debug_reported FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut doc = Document::from_text(None, &text);
    newsprobe_entities::annotate(&mut doc, None);
    let ctx = Ctx::new(&doc);
    let marks = marks::find(&doc);
    for f in reported::find(&ctx, &marks) {
        let sp = f.speaker.map(|m| doc.span_text(&m.span)).unwrap_or("");
        let cue = f.cue.map(|c| doc.span_text(&c)).unwrap_or("");
        println!("[{sp}] <{cue}> | {}", doc.span_text(&f.content));
    }
}
