//! Development check of the framing stage on real news (the FNC-1 training bodies and
//! headlines): which lexicon entries fire most (to review for false positives), how long the
//! stage takes per article, and how often `unsupported_headline` fires by gold stance with the
//! lexical evidence alone and with the stance model.
//!
//! `cargo run -p newsprobe-framing --example framing_stats -- ../shared/eval/stance/fnc1 [CATEGORY]`
//! (with a category, also prints every 25th cue of it in context).

use std::collections::HashMap;
use std::time::Instant;

use newsprobe_core::{Document, Stance};
use newsprobe_framing::lexicon::TokenKeys;
use newsprobe_framing::{annotate, spans, support, Models};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: framing_stats FNC1_DIR")?;
    let mut bodies: HashMap<String, String> = HashMap::new();
    for rec in csv::Reader::from_path(format!("{dir}/train_bodies.csv"))?.records() {
        let rec = rec?;
        bodies.insert(rec[0].to_string(), rec[1].to_string());
    }
    // Timing and entry frequencies over the bodies (no model calls: stage cost only).
    let show = std::env::args().nth(2);
    let mut shown = 0usize;
    let models = Models::default();
    let mut counts: HashMap<(String, bool), usize> = HashMap::new();
    let mut words = 0usize;
    let mut spent = std::time::Duration::ZERO;
    let mut ids: Vec<&String> = bodies.keys().collect();
    ids.sort();
    // The whole stage without the models (their cost belongs to newsprobe-classify).
    let no_models = Models {
        classifiers: newsprobe_classify::Models {
            bundle: std::sync::Arc::new(newsprobe_classify::Bundle {
                clickbait: None,
                stance: None,
                checkworthy: None,
            }),
        },
    };
    let mut whole = std::time::Duration::ZERO;
    for id in &ids {
        let mut doc = Document::from_text(
            Some("Exclusive: officials reveal secret plan"),
            &bodies[*id],
        );
        let t = Instant::now();
        annotate(&mut doc, &no_models);
        whole += t.elapsed();
    }
    for id in &ids {
        let mut doc = Document::from_text(None, &bodies[*id]);
        words += doc.word_count();
        let mut best = std::time::Duration::MAX;
        let (mut cues, mut quotes) = Default::default();
        for _ in 0..5 {
            let t = Instant::now();
            let keys = TokenKeys::build(&doc.text, &doc.tokens);
            cues = spans::find_cues(&doc.text, &doc.tokens, &keys, false);
            quotes = newsprobe_framing::quotes::QuoteRegions::of_body(&doc);
            best = best.min(t.elapsed());
        }
        spent += best;
        for c in &cues {
            let a = doc.tokens[c.first].span.start;
            if show.as_deref() == Some(c.category.as_str()) {
                shown += 1;
                if shown == 25 {
                    shown = 0;
                    let b = doc.tokens[c.last].span.end;
                    let mut lo = a.saturating_sub(50);
                    while !doc.text.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    let mut hi = (b + 50).min(doc.text.len());
                    while !doc.text.is_char_boundary(hi) {
                        hi += 1;
                    }
                    println!(
                        "{:<40} …{}[{}]{}…",
                        c.rule,
                        doc.text[lo..a].replace('\n', " "),
                        &doc.text[a..b],
                        doc.text[b..hi].replace('\n', " ")
                    );
                }
            }
            *counts
                .entry((c.rule.clone(), quotes.contains_pos(a)))
                .or_default() += 1;
        }
        annotate(&mut doc, &models);
    }
    println!(
        "{} bodies, {words} words; per 1,000 words: cues and quotes {:.3} ms, whole stage without models (fastest of 5 runs) {:.3} ms",
        ids.len(),
        spent.as_secs_f64() * 1000.0 / (words as f64 / 1000.0),
        whole.as_secs_f64() * 1000.0 / (words as f64 / 1000.0)
    );
    if std::env::var_os("FRAMING_STATS_TIMING_ONLY").is_some() {
        let mut parts = [std::time::Duration::ZERO; 6];
        for id in &ids {
            let doc = Document::from_text(
                Some("Exclusive: officials reveal secret plan"),
                &bodies[*id],
            );
            let t = Instant::now();
            let bk = TokenKeys::build(&doc.text, &doc.tokens);
            parts[0] += t.elapsed();
            let t = Instant::now();
            let sc = spans::scan(&doc.text, &doc.tokens, &bk, false);
            parts[1] += t.elapsed();
            let t = Instant::now();
            let q = newsprobe_framing::quotes::QuoteRegions::of_body(&doc);
            parts[2] += t.elapsed();
            let t = Instant::now();
            let tk = TokenKeys::build(doc.title(), &doc.title_tokens);
            let tc = spans::find_cues(doc.title(), &doc.title_tokens, &tk, true);
            let ev = support::evidence(&doc, &tk, &bk, &tc, &sc);
            parts[3] += t.elapsed();
            let t = Instant::now();
            let wc = newsprobe_framing::profile::word_counts(&doc, &q);
            parts[4] += t.elapsed();
            let t = Instant::now();
            let mut d = doc.clone();
            annotate(&mut d, &no_models);
            parts[5] += t.elapsed();
            std::hint::black_box((ev, wc));
        }
        println!(
            "{:?}",
            parts.map(|p| p.as_secs_f64() * 1000.0 / (words as f64 / 1000.0))
        );
        return Ok(());
    }
    let mut top: Vec<_> = counts.into_iter().collect();
    top.sort_by_key(|t| std::cmp::Reverse(t.1));
    for ((rule, quoted), n) in top.iter().take(60) {
        println!("{n:6} {} {rule}", if *quoted { "Q" } else { " " });
    }
    // unsupported_headline by gold stance, lexical evidence only.
    let mut by_stance: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for rec in csv::Reader::from_path(format!(
        "{dir}/train_stances_related_only.reconstructed.csv"
    ))?
    .records()
    {
        let rec = rec?;
        let Some(body) = bodies.get(&rec[1]) else {
            continue;
        };
        let doc = Document::from_text(Some(&rec[0]), body);
        let tk = TokenKeys::build(doc.title(), &doc.title_tokens);
        let bk = TokenKeys::build(&doc.text, &doc.tokens);
        let tc = spans::find_cues(doc.title(), &doc.title_tokens, &tk, true);
        let bc = spans::scan(&doc.text, &doc.tokens, &bk, false);
        let ev = support::evidence(&doc, &tk, &bk, &tc, &bc);
        let fired = support::finding(&doc, &ev, Stance::Discuss, 0.0).is_some();
        let (stance, conf) = models.classifiers.stance(doc.title(), &doc.text);
        let with_model = support::finding(&doc, &ev, stance, conf).is_some();
        let e = by_stance.entry(rec[2].to_string()).or_default();
        e.0 += usize::from(fired);
        e.1 += usize::from(with_model);
        e.2 += 1;
    }
    let mut rows: Vec<_> = by_stance.into_iter().collect();
    rows.sort();
    for (stance, (fired, with_model, n)) in rows {
        println!(
            "unsupported_headline on gold {stance}: lexical only {:.3}, with the stance model {:.3} (n={n}; the model was trained on these pairs)",
            fired as f64 / n as f64,
            with_model as f64 / n as f64
        );
    }
    Ok(())
}
