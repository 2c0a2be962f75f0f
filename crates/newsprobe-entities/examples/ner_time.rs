//! Times the entity stage with the bundled model or another model file, for instruction counts
//! under `perf stat` or `valgrind --tool=callgrind`:
//! `cargo run --release -p newsprobe-entities --example ner_time -- DOCS.jsonl [MODEL] [N]`
//! (each line a JSON object with a `text` field; the first N, default 300).

use newsprobe_core::Document;
use newsprobe_entities::{analyze_with, tagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: ner_time DOCS.jsonl [MODEL] [N]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let docs: Vec<Document> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .take(n)
        .map(|t| Document::from_text(None, &t))
        .collect();
    let bytes = match args.get(1).filter(|m| *m != "-") {
        Some(m) => std::fs::read(m).unwrap_or_default(),
        None => tagger::NER_MODEL.to_vec(),
    };
    let model = tagger::Model::from_bytes(&bytes).ok();
    let started = std::time::Instant::now();
    let mut mentions = 0;
    for d in &docs {
        mentions += analyze_with(d, model.as_ref(), None).mentions.len();
    }
    println!(
        "{} documents, {mentions} mentions, {:.1} µs a document (wall)",
        docs.len(),
        started.elapsed().as_secs_f64() * 1e6 / docs.len().max(1) as f64
    );
}
