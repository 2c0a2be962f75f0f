//! Dumps the bundled propaganda model's word and clause probabilities on PTC dev (for decoding studies):
//! `cargo run --release -p newsprobe-framing --example ptc_dump -- ../shared/eval/propaganda/ptc > dump.jsonl`
//! (`NPMODEL=model.bin`: another model's, e.g. one `ptc_exp` wrote with another seed; `--all`:
//! the train articles too). Per article: words, sentences, first- and second-stage, sentence,
//! clause and loaded-words probabilities, gold spans and techniques.
use newsprobe_framing::propaganda::{bundled, data, features::Context};

fn main() {
    let dir = std::env::args().nth(1).expect("PTC directory");
    let all = std::env::args().any(|a| a == "--all");
    // `NPMODEL=path` dumps that model's probabilities instead of the bundled one's.
    let owned = std::env::var("NPMODEL").ok().map(|p| {
        newsprobe_framing::propaganda::PropagandaModel::from_bytes(
            &std::fs::read(p).expect("model file"),
        )
        .expect("model")
    });
    let m = owned.as_ref().or(bundled()).expect("model");
    let articles = data::load(std::path::Path::new(&dir)).expect("PTC");
    let (mut buf, mut first, mut sent, mut probs, mut clauses) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in articles.iter().filter(|a| all || data::is_dev(&a.id)) {
        let mut ctx = Context::default();
        ctx.build(&a.text);
        m.word_probabilities(&ctx, &mut buf, (&mut first, &mut sent), &mut probs);
        m.clause_probabilities(&ctx, (&first, &sent), &mut buf, &mut clauses);
        let mut loaded = Vec::new();
        m.loaded_probabilities(&ctx, &mut buf, &mut loaded);
        let toks: Vec<(usize, usize)> = ctx.tokens.iter().map(|t| (t.start, t.end)).collect();
        // The technique classifier's distribution over each clause (session 25).
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
            "id": a.id, "dev": data::is_dev(&a.id), "text": a.text, "tokens": toks, "sentence": ctx.sentence,
            "first": first, "probs": probs, "sent": sent, "spans": a.spans,
            "clauses": ctx.clauses, "clause_probs": clauses, "loaded": loaded, "techniques": a.techniques, "clause_tech": tech,
        });
        println!("{v}");
    }
}
