//! What the learned speaker ranking costs: times the quotes stage with and without it, in
//! alternating rounds over the same articles (JSON Lines records with a `text`, as the stages
//! bench reads, or a folder of plain-text files):
//! `cargo run --release -p newsprobe-quotes --example time_rank -- in.jsonl`.

use std::time::Instant;

use newsprobe_core::Document;
use newsprobe_quotes::rank::{model, Model};

fn texts(path: &str) -> Vec<String> {
    let p = std::path::Path::new(path);
    if p.is_dir() {
        let mut out = Vec::new();
        if let Ok(entries) = std::fs::read_dir(p) {
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    out.push(t);
                }
            }
        }
        return out;
    }
    let Ok(all) = std::fs::read_to_string(p) else {
        return Vec::new();
    };
    all.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: time_rank FILE.jsonl|DIR");
        std::process::exit(2);
    };
    let docs: Vec<Document> = texts(&path)
        .iter()
        .map(|t| {
            let mut d = Document::from_text(None, t);
            newsprobe_entities::annotate(&mut d, None);
            d
        })
        .collect();
    if docs.is_empty() {
        eprintln!("{path}: no texts");
        std::process::exit(1);
    }
    let empty = Model::default();
    let (mut with, mut without) = (0.0f64, 0.0f64);
    for round in 0..6 {
        for (i, m) in [model(), &empty].into_iter().enumerate() {
            let mut work = docs.clone();
            let start = Instant::now();
            for d in &mut work {
                newsprobe_quotes::annotate_with(d, m);
            }
            let us = start.elapsed().as_secs_f64() * 1e6 / docs.len() as f64;
            // The first round warms caches and is not counted.
            if round > 0 {
                if i == 0 {
                    with += us / 5.0;
                } else {
                    without += us / 5.0;
                }
            }
        }
    }
    println!(
        "{} articles: quotes stage {without:.1} µs/article with the rules' speakers, {with:.1} µs/article with the learned ranking",
        docs.len()
    );
}
