//! Cross-validation by article on PTC **train** (dev never read): trains the propaganda model
//! `K` times (`NPFOLDS`, default 5), each time on the train articles outside one fold (by
//! sorted id, every `K`-th), and prints the held fold's probabilities in `ptc_dump`'s JSON Lines
//! format (plus `"fold"`), so that a decoding or a second stage can be chosen on out-of-fold
//! probabilities of all 148 train articles before dev is measured once:
//! `cargo run --release -p newsprobe-framing --example ptc_cv -- ../shared/eval/propaganda/ptc > cv.jsonl`
//! (`NPSEED=N`: the training seed, default 42; `NPBAG=42,1,2,3`: the models of those seeds
//! averaged, see `train::train_split_bagged`).
use newsprobe_framing::propaganda::{data, features::Context, train};

fn main() {
    let dir = std::env::args().nth(1).expect("PTC directory");
    let k: usize = std::env::var("NPFOLDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let seed: u64 = std::env::var("NPSEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(42);
    let seeds: Vec<u64> = std::env::var("NPBAG")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![seed]);
    let mut articles: Vec<data::Article> = data::load(std::path::Path::new(&dir))
        .expect("PTC")
        .into_iter()
        .filter(|a| !data::is_dev(&a.id))
        .collect();
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let fold_of: std::collections::HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i % k))
        .collect();
    for fold in 0..k {
        let m = train::train_split_bagged(&articles, |a| fold_of[&a.id] == fold, &seeds)
            .expect("trains");
        eprintln!(
            "fold {fold}: thresholds clause {} word {} loaded {} run {} loaded-runs {}",
            m.clause_threshold,
            m.clause_word_threshold,
            m.clause_loaded_threshold,
            m.clause_run_threshold,
            m.loaded_threshold
        );
        let (mut buf, mut first, mut sent, mut probs, mut clauses) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for a in articles.iter().filter(|a| fold_of[&a.id] == fold) {
            let mut ctx = Context::default();
            ctx.build(&a.text);
            m.word_probabilities(&ctx, &mut buf, (&mut first, &mut sent), &mut probs);
            m.clause_probabilities(&ctx, (&first, &sent), &mut buf, &mut clauses);
            let mut loaded = Vec::new();
            m.loaded_probabilities(&ctx, &mut buf, &mut loaded);
            let toks: Vec<(usize, usize)> = ctx.tokens.iter().map(|t| (t.start, t.end)).collect();
            // The technique classifier's distribution over each clause (session 25: its
            // confidence as a clause feature).
            let tech: Vec<Vec<f32>> = ctx
                .clauses
                .iter()
                .map(|&(ca, cb)| {
                    let mut p = [0.0f32; 14];
                    let cb = cb.min(ctx.tokens.len());
                    if ca < cb {
                        m.technique_probabilities(&ctx, ca, cb, &mut buf, &mut p);
                    }
                    p.to_vec()
                })
                .collect();
            let v = serde_json::json!({
                "id": a.id, "fold": fold, "dev": false, "text": a.text, "tokens": toks,
                "sentence": ctx.sentence, "first": first, "probs": probs, "sent": sent,
                "spans": a.spans, "clauses": ctx.clauses, "clause_probs": clauses,
                "loaded": loaded, "techniques": a.techniques, "clause_tech": tech,
            });
            println!("{v}");
        }
    }
}
