//! Long-article benchmark: does each stage's time grow in step with the article?
//!
//! `cargo bench -p newsprobe --bench long [-- [--max-mb N] [--shape NAME] [--limit-s S]]`
//!
//! Generates seven article shapes (short paragraphs each with one quote, `The minister said
//! "this is a long paragraph of text" according to officials.`; the same without the quote
//! marks; both as plain text and as an HTML page of `<p>` elements; and `text-people`, a
//! transcript naming a new person in each paragraph, "Elena Belkorvor, the deputy health
//! minister, said ... The minister added "..."", thousands of distinct people; and `text-rules`
//! / `html-rules`, the shapes of the rules added in sessions 18–23: "the analyst said" after one
//! person given the role, pronouns, carried-over quotations, "four in 10" shares, asides,
//! possessive offices, embassies, capitalised plurals) at 10 KB, 100 KB, 1 MB and
//! 10 MB, analyses each once in a child process of its own, and prints the thread's CPU time per
//! MB of input for each stage (read = extraction + language, entities, quotes, framing, report),
//! the whole analysis, the ratio of the whole's time per MB to that at 10 KB, and the child's
//! peak resident memory. A child that runs past `--limit-s` (default 300 s) is stopped and
//! shown as such. `--html-mb N` adds one HTML page of N MB (the "hostile page" check).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsprobe::Engine;
use newsprobe_core::{Content, RawArticle, Report};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: newsprobe::allocator::MiMalloc = newsprobe::allocator::MiMalloc;

#[path = "../tests/support/long_text.rs"]
mod long_text;
use long_text::{people_paragraph, rules_paragraph, QUOTED, RULES_OPENING};
const PLAIN: &str = "The minister said this is a long paragraph of text according to officials.";

const SHAPES: [&str; 7] = [
    "text-quotes",
    "text-plain",
    "html-quotes",
    "html-plain",
    "text-people",
    "text-rules",
    "html-rules",
];

const SIZES: [(usize, &str); 4] = [
    (10_000, "10 KB"),
    (100_000, "100 KB"),
    (1_000_000, "1 MB"),
    (10_000_000, "10 MB"),
];
const STAGES: [&str; 6] = ["read", "entities", "quotes", "framing", "report", "total"];

/// The article of `shape`, about `bytes` long.
fn article(shape: &str, bytes: usize) -> RawArticle {
    let para = if shape.ends_with("quotes") {
        QUOTED
    } else {
        PLAIN
    };
    let html = shape.starts_with("html");
    let mut body = String::with_capacity(bytes + 200);
    if html {
        body.push_str("<!doctype html><html><head><title>A long hearing</title></head><body><article><h1>A long hearing</h1>\n");
    }
    let rules = shape.ends_with("rules");
    if rules {
        push_paragraph(&mut body, RULES_OPENING, html);
    }
    let mut i = 0;
    while body.len() < bytes {
        if shape == "text-people" {
            body.push_str(&people_paragraph(i));
            i += 1;
        } else if rules {
            push_paragraph(&mut body, &rules_paragraph(i), html);
            i += 1;
        } else if html {
            body.push_str("<p>");
            body.push_str(para);
            body.push_str("</p>\n");
        } else {
            body.push_str(para);
            body.push_str("\n\n");
        }
    }
    if html {
        body.push_str("</article></body></html>\n");
    }
    let content = if html {
        Content::Html {
            bytes: body.into_bytes(),
            charset: None,
        }
    } else {
        Content::Text(body)
    };
    RawArticle {
        id: format!("{shape}-{bytes}"),
        path: None,
        line: None,
        url: None,
        site: None,
        published: None,
        title: if html {
            None
        } else {
            Some("A long hearing".to_string())
        },
        content,
    }
}

/// Appends a generated paragraph (ending in a blank line) as text or as `<p>` elements, one a
/// paragraph of it.
fn push_paragraph(body: &mut String, para: &str, html: bool) {
    if !html {
        body.push_str(para);
        return;
    }
    for p in para.split("\n\n").filter(|p| !p.is_empty()) {
        body.push_str("<p>");
        body.push_str(p);
        body.push_str("</p>\n");
    }
}

/// This thread's CPU time.
fn cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into; the clock id is a constant.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Peak resident memory of this process, in MB.
fn peak_rss_mb() -> f64 {
    // SAFETY: an all-zero rusage is a valid value for getrusage to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid rusage to write into.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_maxrss as f64 / 1024.0
}

/// The child: analyses one article, prints `bytes` then seconds per stage then peak MB.
fn child(shape: &str, bytes: usize) {
    let raw = article(shape, bytes);
    let len = match &raw.content {
        Content::Text(t) => t.len(),
        Content::Html { bytes, .. } => bytes.len(),
    };
    let engine = Engine::new(None);
    // Warm up: the models and word lists load lazily on first use; that one-off cost is no
    // part of the time per MB.
    let _ = engine.analyze(article(shape, 2_000));
    let mut t = [Duration::ZERO; 6];
    let s = cpu();
    let Ok(mut doc) = engine.read(raw) else {
        println!("{len} error");
        return;
    };
    t[0] = cpu() - s;
    let s = cpu();
    newsprobe_entities::annotate(&mut doc, None);
    t[1] = cpu() - s;
    let s = cpu();
    newsprobe_quotes::annotate(&mut doc);
    t[2] = cpu() - s;
    let s = cpu();
    newsprobe_framing::annotate(&mut doc, &engine.models);
    t[3] = cpu() - s;
    let s = cpu();
    std::hint::black_box(Report::from_document(&doc));
    t[4] = cpu() - s;
    t[5] = t[..5].iter().sum();
    let secs: Vec<String> = t
        .iter()
        .map(|d| format!("{:.6}", d.as_secs_f64()))
        .collect();
    println!("{len} {} {:.1}", secs.join(" "), peak_rss_mb());
}

/// Runs one case in a child process; `None` when it ran past the limit or failed.
fn run_case(shape: &str, bytes: usize, limit: Duration) -> Option<(f64, Vec<f64>, f64)> {
    let exe = std::env::current_exe().ok()?;
    let mut proc = Command::new(exe)
        .env("NEWSPROBE_LONG_CHILD", format!("{shape} {bytes}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        if proc.try_wait().ok()?.is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = proc.kill();
            let _ = proc.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = String::new();
    proc.stdout.take()?.read_to_string(&mut out).ok()?;
    let nums: Vec<f64> = out
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    if nums.len() != 8 {
        return None;
    }
    Some((nums[0], nums[1..7].to_vec(), nums[7]))
}

fn arg(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn main() {
    if let Ok(spec) = std::env::var("NEWSPROBE_LONG_CHILD") {
        let mut it = spec.split_whitespace();
        let shape = it.next().unwrap_or("text-quotes").to_string();
        let bytes = it.next().and_then(|b| b.parse().ok()).unwrap_or(10_000);
        child(&shape, bytes);
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let max_mb: f64 = arg(&args, "--max-mb")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let limit = Duration::from_secs_f64(
        arg(&args, "--limit-s")
            .and_then(|s| s.parse().ok())
            .unwrap_or(300.0),
    );
    let only = arg(&args, "--shape");
    let html_mb: Option<f64> = arg(&args, "--html-mb").and_then(|s| s.parse().ok());

    println!(
        "CPU ms per MB of input, by stage; x10KB = total per MB over total per MB at 10 KB; peak RSS"
    );
    let header: Vec<String> = STAGES.iter().map(|s| format!("{s:>9}")).collect();
    println!(
        "{:<12} {:>7} {} {:>7} {:>9}",
        "shape",
        "size",
        header.join(""),
        "x10KB",
        "peak MB"
    );
    for shape in SHAPES {
        if only.as_deref().is_some_and(|o| o != shape) {
            continue;
        }
        let mut base = None;
        for (bytes, label) in SIZES {
            if bytes as f64 > max_mb * 1e6 {
                continue;
            }
            match run_case(shape, bytes, limit) {
                Some((len, secs, peak)) => {
                    let mb = len / 1e6;
                    let per: Vec<f64> = secs.iter().map(|s| s * 1e3 / mb).collect();
                    let total = per[5];
                    let base = *base.get_or_insert(total);
                    let cols: Vec<String> = per.iter().map(|p| format!("{p:>9.1}")).collect();
                    println!(
                        "{shape:<12} {label:>7} {} {:>7.2} {peak:>9.0}",
                        cols.join(""),
                        total / base
                    );
                }
                None => println!("{shape:<12} {label:>7}  stopped after {limit:?} (or failed)"),
            }
        }
    }
    if let Some(mb) = html_mb {
        let bytes = (mb * 1e6) as usize;
        let wall = Instant::now();
        match run_case("html-quotes", bytes, limit) {
            Some((len, secs, peak)) => println!(
                "hostile page: {:.1} MB of HTML analysed in {:.1} s CPU ({:.1} s wall), peak {peak:.0} MB",
                len / 1e6,
                secs[5],
                wall.elapsed().as_secs_f64()
            ),
            None => println!("hostile page: {mb} MB stopped after {limit:?} (or failed)"),
        }
    }
}
