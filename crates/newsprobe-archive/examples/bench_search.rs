//! Cost of archive searches, one query at a time (no server): the page of 20 hits each.
//!
//! `cargo run --release -p newsprobe-archive --example bench_search -- DB QUERIES [new|old|dump]`
//! runs every query of QUERIES (one a line, the CLI's query language) against the archive DB
//! (opened read-only) and prints the per-query time percentiles in ms. `old` runs instead the
//! single statement search used before the two-step search (BM25 and the four snippets computed
//! for every match, then sorted), for comparison; it understands plain words only. Compare under
//! load with instruction counts (`perf stat -e instructions`), not the printed times. `dump`
//! prints instead every query's page (ids, scores, fields, passages, highlights) as one JSON
//! line a query, to compare the results of two builds.

use std::time::Instant;

use newsprobe_archive::query::Query;
use newsprobe_archive::Archive;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(db), Some(queries)) = (args.first(), args.get(1)) else {
        return Err("usage: bench_search DB QUERIES [new|old|dump]".into());
    };
    let old = args.get(2).is_some_and(|m| m == "old");
    let dump = args.get(2).is_some_and(|m| m == "dump");
    let queries: Vec<String> = std::fs::read_to_string(queries)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    let archive = Archive::open_read_only(std::path::Path::new(db))?;
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch("PRAGMA cache_size=-65536")?;
    let mut times = Vec::new();
    let mut hits = 0usize;
    for q in &queries {
        let t = Instant::now();
        if old {
            let fts = Query::parse(q)?.fts;
            let mut st = conn.prepare_cached(
                "SELECT a.id, a.site, a.url, a.published, a.title, bm25(fts, 4.0, 1.0, 2.0, 2.0),
                        snippet(fts, 0, char(1), char(2), '…', 24),
                        snippet(fts, 1, char(1), char(2), '…', 24),
                        snippet(fts, 2, char(1), char(2), '…', 24),
                        snippet(fts, 3, char(1), char(2), '…', 24)
                 FROM fts JOIN articles a ON a.rowid = fts.rowid
                 WHERE fts MATCH ?1 ORDER BY bm25(fts, 4.0, 1.0, 2.0, 2.0) LIMIT 21",
            )?;
            let n = st.query_map([&fts], |r| r.get::<_, String>(0))?.count();
            hits += n.min(20);
        } else if dump {
            let (page, more) = archive.search_page(q, 0, 20)?;
            hits += page.len();
            println!(
                "{}",
                serde_json::json!({"query": q, "more": more, "hits": page})
            );
        } else {
            hits += archive.search_page(q, 0, 20)?.0.len();
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let total: f64 = times.iter().sum();
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{{\"mode\":\"{}\",\"queries\":{},\"hits\":{hits},\"total_ms\":{total:.1},\"p50_ms\":{:.2},\"p90_ms\":{:.2},\"p99_ms\":{:.2},\"max_ms\":{:.2}}}",
        if old { "old" } else { "new" },
        times.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
