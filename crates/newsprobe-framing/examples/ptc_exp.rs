//! Trains the propaganda model and prints its dev report without writing it; with a JSON Lines
//! file of articles (`text` fields) also times the trained model's `detect` on them (thread CPU
//! time), to weigh a feature's gain against its cost:
//! `cargo run --release -p newsprobe-framing --example ptc_exp -- ../shared/eval/propaganda/ptc [in.jsonl [MODEL_OUT]]`
//! (`newsprobe train propaganda` writes the same bytes with seed 42; `NPSEED=N` trains with seed N,
//! to see how much a change moves F1 across training seeds; `NPBUNDLED=1` skips training and
//! times the bundled model, e.g. under `valgrind --tool=callgrind
//! --toggle-collect='*PropagandaModel*detect*'`).
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("PTC directory");
    if std::env::var("NPBUNDLED").is_ok() {
        let m = newsprobe_framing::propaganda::bundled().expect("bundled model");
        let path = args.next().expect("articles");
        return time_detect(m, &path);
    }
    let seed = std::env::var("NPSEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(42);
    // `NPBAG=42,1,2,3`: the models of those seeds averaged weight by weight.
    let seeds: Vec<u64> = std::env::var("NPBAG")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![seed]);
    let (m, report) = newsprobe_framing::propaganda::train::train_model_bagged(
        std::path::Path::new(&dir),
        &seeds,
    )
    .expect("trains");
    println!("{report}");
    let Some(path) = args.next() else { return };
    if let Some(out) = args.next() {
        std::fs::write(&out, m.to_bytes()).expect("writes the model");
    }
    time_detect(&m, &path);
}

/// Times `m.detect` on the first 1,000 articles of a JSON Lines file (`text` fields).
fn time_detect(m: &newsprobe_framing::propaganda::PropagandaModel, path: &str) {
    let texts: Vec<String> = std::fs::read_to_string(path)
        .expect("articles")
        .lines()
        .take(1000)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let started = cpu_time();
    let mut found = 0;
    for t in &texts {
        found += m.detect(t, m.show_threshold).len();
    }
    let us = (cpu_time() - started) * 1e6 / texts.len().max(1) as f64;
    println!(
        "detect: {us:.1} µs/article (thread CPU time, {} articles, {found} passages)",
        texts.len()
    );
}

fn cpu_time() -> f64 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid timespec to write into; CLOCK_THREAD_CPUTIME_ID = 3 on Linux.
    unsafe { clock_gettime(3, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
}
