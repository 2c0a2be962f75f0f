//! Benchmark of the archive: ingest and near-copy look-ups over a seeded synthetic archive.
//!
//! `cargo run --release -p newsprobe-archive --example bench_archive -- [ARTICLES] [DB] [SEED]`
//! (defaults: 20000 articles, a temporary file, seed 42). Prints ingest articles/s (storage
//! only: reports are built from the generated text, without the analysis stages), near-copy
//! look-up time per article, recall of the planted near-copies, peak memory and store size.
//! `--jsonl OUT [ARTICLES] [SEED]` instead writes the generated articles as JSON Lines input for
//! `newsprobe ingest`, and `--lookups DB [ARTICLES] [SEED]` times near-copy look-ups of the
//! planted copies in the archive `newsprobe ingest` made of them (with the analysis stages), and
//! `trace` of 200 of them (also printed after the default run). `--lookups` works on any archive
//! this benchmark made too (pass its DB).

use std::time::Instant;

use newsprobe_archive::minhash::Signature;
use newsprobe_archive::store::signature_text;
use newsprobe_archive::synth::Generator;
use newsprobe_archive::Archive;

fn peak_memory_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn file_size(p: &std::path::Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

type Sample = Vec<(String, Option<String>)>;

/// Near-copy look-ups of the planted copies in `sample`: (ms per look-up, look-ups, found).
fn measure_lookups(
    archive: &Archive,
    sample: &Sample,
) -> Result<(f64, usize, usize), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let (mut found, mut lookups) = (0usize, 0usize);
    for (id, src) in sample {
        let Some(a) = archive.get(id)? else { continue };
        let sig = Signature::of_text(&signature_text(&a.report));
        let hits = archive.near_copies(&sig, 0.5)?;
        lookups += 1;
        for (rowid, _) in hits {
            if let Some(h) = archive.get_row(rowid)? {
                if Some(&h.id) == src.as_ref() {
                    found += 1;
                }
            }
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / lookups.max(1) as f64;
    Ok((ms, lookups, found))
}

/// `trace` of up to 200 planted copies (retrieval, scoring, sentence alignment, changes):
/// (ms per trace, traces).
fn measure_traces(
    archive: &Archive,
    sample: &Sample,
) -> Result<(f64, usize), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut traced = 0usize;
    let opt = newsprobe_archive::trace::TraceOptions::default();
    for (id, _) in sample.iter().take(200) {
        if let Some(a) = archive.get(id)? {
            archive.trace(&a.report, &opt)?;
            traced += 1;
        }
    }
    Ok((
        start.elapsed().as_secs_f64() * 1000.0 / traced.max(1) as f64,
        traced,
    ))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--lookups") {
        // Look-ups in an archive made by `newsprobe ingest` from `--jsonl` output (with analysis).
        let db = args.get(1).ok_or("--lookups DB [ARTICLES] [SEED]")?;
        let n: usize = args.get(2).map_or(Ok(20_000), |s| s.parse())?;
        let seed: u64 = args.get(3).map_or(Ok(42), |s| s.parse())?;
        let sample: Sample = Generator::new(seed, 0.02)
            .take(n)
            .filter(|a| a.copy_of.is_some())
            .take(1_000)
            .map(|a| (a.id, a.copy_of))
            .collect();
        let archive = Archive::open(std::path::Path::new(db))?;
        let (ms, lookups, found) = measure_lookups(&archive, &sample)?;
        println!(
            "near-copy lookup   {ms:.2} ms/article over {lookups} planted copies; recall {:.3} ({} stored)",
            found as f64 / lookups.max(1) as f64,
            archive.len()?
        );
        let (trace_ms, traced) = measure_traces(&archive, &sample)?;
        println!("trace              {trace_ms:.2} ms/article over {traced} planted copies");
        return Ok(());
    }
    if args.first().map(String::as_str) == Some("--jsonl") {
        let out = args.get(1).ok_or("--jsonl OUT [ARTICLES] [SEED]")?;
        let n: usize = args.get(2).map_or(Ok(20_000), |s| s.parse())?;
        let seed: u64 = args.get(3).map_or(Ok(42), |s| s.parse())?;
        let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
        for a in Generator::new(seed, 0.02).take(n) {
            use std::io::Write;
            serde_json::to_writer(&mut w, &a)?;
            writeln!(w)?;
        }
        return Ok(());
    }
    let n: usize = args.first().map_or(Ok(20_000), |s| s.parse())?;
    let dir = std::env::temp_dir().join(format!("newsprobe-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = args
        .get(1)
        .map_or_else(|| dir.join("bench.db"), std::path::PathBuf::from);
    let seed: u64 = args.get(2).map_or(Ok(42), |s| s.parse())?;
    let mut archive = Archive::open(&db)?;
    let batch = 1_000;
    let start = Instant::now();
    let mut sample = Vec::new();
    let mut generated = 0usize;
    let mut gen = Generator::new(seed, 0.02);
    let mut words = 0usize;
    while generated < n {
        let take = batch.min(n - generated);
        let arts: Vec<_> = (&mut gen).take(take).collect();
        generated += take;
        for a in &arts {
            words += a.text.split_whitespace().count();
            if a.copy_of.is_some() && sample.len() < 1_000 {
                sample.push((a.id.clone(), a.copy_of.clone()));
            }
        }
        let reports: Vec<_> = arts.iter().map(|a| a.to_report()).collect();
        archive.ingest(&reports)?;
        if generated.is_multiple_of(10_000) {
            eprintln!(
                "  {generated} stored, {:.0} articles/s",
                generated as f64 / start.elapsed().as_secs_f64()
            );
        }
    }
    let ingest_s = start.elapsed().as_secs_f64();
    let (lookup_ms, lookups, found) = measure_lookups(&archive, &sample)?;
    let size = file_size(&db) + file_size(&db.with_extension("db-wal"));
    let (trace_ms, traced) = measure_traces(&archive, &sample)?;
    println!(
        "articles           {n} ({} words on average, seed {seed}, 2% near-copies)",
        words / n.max(1)
    );
    println!(
        "ingest             {:.0} articles/s ({ingest_s:.1} s; storage, FTS, MinHash; no analysis)",
        n as f64 / ingest_s
    );
    println!(
        "near-copy lookup   {lookup_ms:.2} ms/article over {lookups} planted copies; recall {:.3}",
        found as f64 / lookups.max(1) as f64
    );
    println!("trace              {trace_ms:.2} ms/article over {traced} planted copies");
    println!(
        "peak memory        {} MiB (VmHWM)",
        peak_memory_kb().unwrap_or(0) / 1024
    );
    println!(
        "store size         {:.1} MiB ({:.1} KiB/article)",
        size as f64 / 1048576.0,
        size as f64 / 1024.0 / n.max(1) as f64
    );
    if args.get(1).is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
