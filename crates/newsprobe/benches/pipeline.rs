//! Pipeline benchmark: the full `analyze` over the Scrapinghub benchmark pages on one thread.
//!
//! `cargo bench -p newsprobe --bench pipeline [-- DIR]` (default DIR:
//! `../shared/eval/extraction/scrapinghub/html`). Pages are decompressed into memory first, so
//! the figure is analysis alone (each page is read where it lies, `Engine::analyze_html`, as
//! the batch path hands its read buffer over without a copy): pages/s, MB/s of HTML, and peak resident memory. It runs with
//! the binary's allocator (mimalloc, the default feature), so it times what `newsprobe analyze`
//! does. Besides wall time it prints the thread's CPU time (other load on a shared machine does
//! not inflate it as much). `PIPELINE_ROUNDS=N` sets the number of measured passes (default 3).

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsprobe::Engine;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: newsprobe::allocator::MiMalloc = newsprobe::allocator::MiMalloc;

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into; the clock id is a constant.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/eval/extraction/scrapinghub/html"
            ))
        });
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    let pages: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            let f = std::fs::File::open(p).expect("open page");
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut bytes)
                .expect("gunzip page");
            (p.display().to_string(), bytes)
        })
        .collect();
    let total_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let engine = Engine::new(None);
    // Warm-up pass (page cache, lazy tables), then the measured passes.
    let mut quotes = 0usize;
    for (id, bytes) in pages.iter().take(10) {
        quotes += engine
            .analyze_html(id, bytes, None)
            .map(|d| d.quotes.len())
            .unwrap_or(0);
    }
    let rounds: usize = std::env::var("PIPELINE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(3);
    let start = Instant::now();
    let cpu_start = thread_cpu();
    let mut failed = 0;
    for _ in 0..rounds {
        for (id, bytes) in &pages {
            match engine.analyze_html(id, bytes, None) {
                Ok(d) => quotes += d.quotes.len(),
                Err(_) => failed += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_secs = (thread_cpu() - cpu_start).as_secs_f64();
    let n = (pages.len() * rounds) as f64;
    println!(
        "pages:        {} ({} rounds, {failed} failed, {quotes} quotes found)",
        pages.len(),
        rounds
    );
    println!("total:        {:.2} s on one thread", secs);
    println!("pages/s:      {:.1}", n / secs);
    println!(
        "MB/s:         {:.1}",
        (total_bytes * rounds) as f64 / 1e6 / secs
    );
    println!("ms/page:      {:.2}", secs * 1000.0 / n);
    println!(
        "CPU:          {:.2} s, {:.1} pages/s, {:.3} ms/page (thread CPU time)",
        cpu_secs,
        n / cpu_secs,
        cpu_secs * 1000.0 / n
    );
    if let Some(kib) = peak_rss_kib() {
        println!(
            "peak memory:  {:.1} MiB (VmHWM, pages held in memory: {:.1} MiB)",
            kib as f64 / 1024.0,
            total_bytes as f64 / 1048576.0
        );
    }
}
