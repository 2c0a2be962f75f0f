//! Extraction speed on the Scrapinghub pages, one thread:
//! `cargo run --release -p newsprobe-html --example bench_extract -- ../shared/eval/extraction/scrapinghub`
//! Prints pages/s and MB/s (decode + parse + body + metadata; gunzip excluded).
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/extraction/scrapinghub".to_owned());
    let pages = match newsprobe_html::eval::load(std::path::Path::new(&dir)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let rounds = 5;
    let mut best = f64::MAX;
    let mut chars = 0usize;
    for _ in 0..rounds {
        let start = Instant::now();
        for page in &pages {
            if let Ok(got) = newsprobe_html::extract(&page.html, None, Some(&page.url)) {
                chars += got.text.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {:.1} MB: best of {rounds} rounds {:.3} s = {:.1} pages/s, {:.1} MB/s, {:.2} ms/page ({} build, {} text bytes)",
        pages.len(),
        bytes as f64 / 1e6,
        best,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        1e3 * best / pages.len() as f64,
        if cfg!(debug_assertions) { "debug" } else { "release" },
        chars / rounds
    );
}
