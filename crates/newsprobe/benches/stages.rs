//! Stage benchmark: where the time of one article's analysis goes, stage by stage, one thread.
//!
//! `cargo bench -p newsprobe --bench stages -- FILE.jsonl [N]` (default: the first 2,000
//! articles of the JSON Lines file; `bench_archive --jsonl` writes a seeded synthetic one).
//! Prints microseconds per article for reading (with language), entities, quotes, framing
//! (check-worthiness, clickbait and stance broken out) and the report. Times are the thread's
//! CPU time, so other work on the machine does not inflate them.

use std::time::Duration;

use newsprobe::Engine;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: newsprobe::allocator::MiMalloc = newsprobe::allocator::MiMalloc;
use newsprobe_core::Report;

/// A point in this thread's CPU time.
#[derive(Clone, Copy)]
struct Instant(Duration);

impl Instant {
    fn now() -> Self {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec to write into; the clock id is a constant.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        Instant(Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
    }
    fn elapsed(self) -> Duration {
        Instant::now().0.saturating_sub(self.0)
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: stages FILE.jsonl [N]");
        return;
    };
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2_000);
    let raws: Vec<_> = newsprobe_read::read_inputs(&[path.into()], None)
        .filter_map(Result::ok)
        .take(n)
        .collect();
    let engine = Engine::new(None);
    let clf = &engine.models.classifiers;
    let mut t = [Duration::ZERO; 9];
    let names = [
        "read+language",
        "entities",
        "quotes",
        "framing (all)",
        "  checkworthiness",
        "  clickbait",
        "  stance",
        "report",
        "  propaganda",
    ];
    for raw in raws.iter().cloned() {
        let s = Instant::now();
        let Ok(mut doc) = engine.read(raw) else {
            continue;
        };
        t[0] += s.elapsed();
        let s = Instant::now();
        newsprobe_entities::annotate(&mut doc, None);
        t[1] += s.elapsed();
        let s = Instant::now();
        newsprobe_quotes::annotate(&mut doc);
        t[2] += s.elapsed();
        let s = Instant::now();
        for sentence in &doc.sentences {
            std::hint::black_box(clf.checkworthiness(sentence.span.slice(&doc.text)));
        }
        t[4] += s.elapsed();
        let s = Instant::now();
        std::hint::black_box(clf.clickbait(doc.title()));
        t[5] += s.elapsed();
        let s = Instant::now();
        std::hint::black_box(clf.stance(doc.title(), &doc.text));
        t[6] += s.elapsed();
        let s = Instant::now();
        if let Some(m) = newsprobe_framing::propaganda::bundled() {
            std::hint::black_box(m.detect(doc.title(), m.show_threshold));
            std::hint::black_box(m.detect(&doc.text, m.show_threshold));
        }
        t[8] += s.elapsed();
        let s = Instant::now();
        newsprobe_framing::annotate(&mut doc, &engine.models);
        t[3] += s.elapsed();
        let s = Instant::now();
        std::hint::black_box(Report::from_document(&doc));
        t[7] += s.elapsed();
    }
    let count = raws.len().max(1) as f64;
    let total: Duration = [t[0], t[1], t[2], t[3], t[7]].iter().sum();
    for (name, d) in names.iter().zip(t) {
        println!(
            "{name:<20} {:>8.1} µs/article",
            d.as_secs_f64() * 1e6 / count
        );
    }
    println!(
        "{:<20} {:>8.1} µs/article ({:.0} articles/s on one thread)",
        "total",
        total.as_secs_f64() * 1e6 / count,
        count / total.as_secs_f64()
    );
}
