//! A regression guard for quadratic time: the same generated transcript analysed at two sizes,
//! 1x and 8x, must take about the same time per MB. An absolute limit ("2 MB in under 90 s") let
//! a quadratic step through; a ratio does not: a step quadratic in the article's length takes 8x
//! the time per MB at 8x the size, and the limit here is 3x.
//!
//! The transcript names a new person in each paragraph, with a role, a description of them and
//! a quote ("Elena Belkorvor, the deputy health minister, said ... The minister added "...""),
//! then has the paragraph with one quote and a speaker: what entities (names, thousands
//! of distinct people, descriptions), quotes (quotes and speakers) and framing see in a long
//! hearing. Time is this thread's CPU time, the minimum of a few runs (the machine is shared);
//! the models load once, before any run.

use std::time::Duration;

use newsprobe::Engine;
use newsprobe_core::{Content, RawArticle};

#[path = "support/long_text.rs"]
mod long_text;
use long_text::{people_paragraph, rules_paragraph, QUOTED, RULES_OPENING};

/// The transcript, about `bytes` long.
fn transcript(bytes: usize) -> RawArticle {
    let mut text = String::with_capacity(bytes + 400);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&people_paragraph(i));
        text.push_str(QUOTED);
        text.push_str("\n\n");
        i += 1;
    }
    article(format!("transcript-{bytes}"), text)
}

/// The transcript of the rules added in sessions 18–23 (`long_text::rules_paragraph`: "the
/// analyst said" after one analyst, pronouns, carried-over quotations, "four in 10" shares,
/// asides, possessive offices, embassies, capitalised plurals), about `bytes` long.
fn rules_transcript(bytes: usize) -> RawArticle {
    let mut text = String::with_capacity(bytes + 400);
    text.push_str(RULES_OPENING);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&rules_paragraph(i));
        i += 1;
    }
    article(format!("rules-{bytes}"), text)
}

fn article(id: String, text: String) -> RawArticle {
    RawArticle {
        id,
        path: None,
        line: None,
        url: None,
        site: None,
        published: None,
        title: Some("Hearing on the port contract".to_string()),
        content: Content::Text(text),
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

/// The least CPU seconds per MB of `runs` analyses of the article `make` writes of `bytes`.
fn secs_per_mb(
    engine: &Engine,
    make: impl Fn(usize) -> RawArticle,
    bytes: usize,
    runs: usize,
) -> f64 {
    (0..runs)
        .map(|_| {
            let raw = make(bytes);
            let len = match &raw.content {
                Content::Text(t) => t.len(),
                Content::Html { bytes, .. } => bytes.len(),
            };
            let start = cpu();
            let doc = engine.analyze(raw).expect("the transcript is analysed");
            let took = (cpu() - start).as_secs_f64();
            assert!(!doc.quotes.is_empty(), "no quotes found in the transcript");
            took / (len as f64 / 1e6)
        })
        .fold(f64::INFINITY, f64::min)
}

/// Analyses `make`'s transcript at `small` bytes and at 8x that, and asserts the time per MB
/// at 8x is under 3x that at 1x (the warm-up run loads the models and word lists first).
fn assert_linear(label: &str, make: fn(usize) -> RawArticle, small: usize) {
    let engine = Engine::new(None);
    let _ = engine.analyze(make(2_000));
    let one = secs_per_mb(&engine, make, small, 3);
    let eight = secs_per_mb(&engine, make, small * 8, 2);
    let ratio = eight / one;
    eprintln!(
        "{label}: {:.0} KB: {:.3} s/MB; {:.0} KB: {:.3} s/MB; ratio {ratio:.2}",
        small as f64 / 1e3,
        one,
        small as f64 * 8.0 / 1e3,
        eight
    );
    assert!(
        ratio < 3.0,
        "{label}: time per MB at 8x the size is {ratio:.2}x that at 1x ({one:.3} -> {eight:.3} s/MB): a step has turned super-linear"
    );
}

#[test]
fn time_per_mb_does_not_grow_with_the_article() {
    // The test profile is optimised (with debug assertions): 250 KB and 2 MB take about a
    // second in all; 8x is large enough for a quadratic step to dominate.
    assert_linear("transcript", transcript, 250_000);
}

#[test]
fn the_rules_of_sessions_18_to_23_stay_linear() {
    // 125 KB and 1 MB of `rules_transcript` (each rule's shape once every eight paragraphs);
    // session 24 found `role_held` scanning the whole article for each "the analyst said"
    // (1 MB took 44 s, 140x the time of 100 KB) and five other steps scanning every mention or
    // entity for each speaker or office. The limit is the generous 3x of the test above.
    assert_linear("rules transcript", rules_transcript, 125_000);
}
