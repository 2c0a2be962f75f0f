//! Times the quotes stage alone over a folder of plain-text articles:
//! `cargo run -p newsprobe-quotes --example time_quotes -- DIR`.

use std::time::Instant;

use newsprobe_core::Document;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: time_quotes DIR");
        std::process::exit(2);
    };
    let mut docs = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    for entry in entries.flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            let mut doc = Document::from_text(None, &text);
            newsprobe_entities::annotate(&mut doc, None);
            docs.push(doc);
        }
    }
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let start = Instant::now();
    for doc in &mut docs {
        newsprobe_quotes::annotate(doc);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} articles, {} words: {:.3} ms per article, {:.3} ms per 1,000 words",
        docs.len(),
        words,
        secs * 1000.0 / docs.len().max(1) as f64,
        secs * 1e6 / words.max(1) as f64
    );
}
