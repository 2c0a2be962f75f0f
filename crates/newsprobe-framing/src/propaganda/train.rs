//! `newsprobe train propaganda` and `newsprobe eval propaganda`: trains the span tagger and the
//! technique classifier on the train split of PTC with a seed (same data and seed, same bytes),
//! tunes the word threshold for span F1 on dev, and scores dev with the task's metrics.
//!
//! Span identification (SemEval-2020 task 11, as the task's scorer `task-SI_scorer.py` computes
//! it): overlapping gold spans are merged into one, and so are overlapping predicted spans;
//! precision is the mean over predicted spans of the share of their characters inside gold
//! spans, recall the mean over gold spans of the share of their characters covered by
//! predicted spans.
//! Technique classification: one technique per gold technique row of dev (rows that share a span
//! get that span's best techniques in turn), micro-F1 (= accuracy).

use std::path::Path;
use std::time::Instant;

use newsprobe_classify::linear::{Example, Linear, TrainConfig};
use newsprobe_classify::Error;

use super::data::{self, Article};
use super::errors::ErrorTable;
use super::features::{sentence_stats, Context};
use super::{
    clause_stage, decode, first_stage, passages, passages_with_kinds, runs, sentence_stage,
    Decoding, PropagandaModel, CLAUSE_BITS, SENTENCE_BITS, STACK_BITS, TAGGER_BITS, TECHNIQUES,
    TECHNIQUE_BITS,
};

/// Reports show runs of words whose loaded-words probability reaches this: a fixed cut chosen
/// for precision (task metric, dev), not tuned for F1.
pub const SHOW_THRESHOLD: f32 = 0.4;

/// The loaded-words thresholds the eval's decoding tries (infinity: clauses alone).
const LOADED_GRID: [f32; 5] = [0.2, 0.3, 0.4, 0.5, f32::INFINITY];

/// The (best loaded word, run) thresholds that cut a clause passage to its loaded-words runs
/// that the eval's decoding tries (infinity: never).
const CLAUSE_LOADED_GRID: [(f32, f32); 16] = [
    (0.2, 0.05),
    (0.2, 0.1),
    (0.2, 0.15),
    (0.25, 0.05),
    (0.25, 0.1),
    (0.25, 0.15),
    (0.3, 0.05),
    (0.3, 0.1),
    (0.3, 0.15),
    (0.35, 0.05),
    (0.35, 0.1),
    (0.35, 0.15),
    (0.4, 0.05),
    (0.4, 0.1),
    (0.4, 0.15),
    (f32::INFINITY, 0.0),
];

/// Whether word `t` (byte range) lies inside one of `spans`: its middle byte does.
fn inside(start: usize, end: usize, spans: &[(usize, usize)]) -> bool {
    let mid = (start + end) / 2;
    spans.iter().any(|&(s, e)| s <= mid && mid < e)
}

fn words_of(ctx: &Context, s: usize, e: usize) -> Option<(usize, usize)> {
    let mut it = ctx
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| inside(t.start, t.end, &[(s, e)]));
    let (a, _) = it.next()?;
    let b = it.next_back().map_or(a, |(b, _)| b);
    Some((a, b + 1))
}

fn tagger_examples(articles: &[&Article]) -> Vec<Example> {
    labelled_word_examples(articles, |a| a.spans.clone())
}

/// The techniques the loaded-words tagger learns: Loaded_Language and Name_Calling,Labeling.
fn loaded_spans(a: &Article) -> Vec<(usize, usize)> {
    a.techniques
        .iter()
        .filter(|&&(_, _, t)| t <= 1)
        .map(|&(s, e, _)| (s, e))
        .collect()
}

fn loaded_examples(articles: &[&Article]) -> Vec<Example> {
    labelled_word_examples(articles, loaded_spans)
}

fn labelled_word_examples(
    articles: &[&Article],
    spans: impl Fn(&Article) -> Vec<(usize, usize)>,
) -> Vec<Example> {
    let mut out = Vec::new();
    let mut ctx = Context::default();
    let mut buf = Vec::new();
    for a in articles {
        ctx.build(&a.text);
        let spans = spans(a);
        for (i, t) in ctx.tokens.iter().enumerate() {
            ctx.word_features(i, TAGGER_BITS, &mut buf);
            out.push((buf.clone(), usize::from(inside(t.start, t.end, &spans))));
        }
    }
    out
}

fn tagger_config(seed: u64) -> TrainConfig {
    TrainConfig {
        epochs: 3,
        learning_rate: 0.1,
        l2: 1e-6,
        seed,
        class_weights: Vec::new(),
        average: true,
    }
}

fn sentence_examples(articles: &[&Article]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut ctx = Context::default();
    let mut buf = Vec::new();
    for a in articles {
        ctx.build(&a.text);
        for (si, s) in ctx.sentences.iter().enumerate() {
            let hit = ctx.tokens[s.first..s.first + s.len]
                .iter()
                .any(|t| inside(t.start, t.end, &a.spans));
            ctx.sentence_features(si, SENTENCE_BITS, &mut buf);
            out.push((buf.clone(), usize::from(hit)));
        }
    }
    out
}

fn sentence_config(seed: u64) -> TrainConfig {
    TrainConfig {
        epochs: 4,
        learning_rate: 0.1,
        l2: 1e-6,
        seed,
        class_weights: Vec::new(),
        average: true,
    }
}

/// Folds of the train articles for out-of-fold first-stage probabilities.
const FOLDS: usize = 4;

/// Whether any word of `a..b` lies inside a gold span.
fn clause_label(ctx: &Context, (a, b): (usize, usize), spans: &[(usize, usize)]) -> usize {
    usize::from(
        ctx.tokens[a..b]
            .iter()
            .any(|t| inside(t.start, t.end, spans)),
    )
}

/// What [`stack_examples`] gives: the second stage's and the clause classifier's examples, and
/// the mean of the fold models of the word tagger and the sentence classifier.
struct Stacked {
    words: Vec<Example>,
    clauses: Vec<Example>,
    tagger: Linear,
    sentences: Linear,
}

/// Adds `m`'s weights and biases to `sum` (the first model is taken as it is).
fn add_weights(sum: &mut Option<Linear>, m: &Linear) {
    match sum.as_mut() {
        None => *sum = Some(m.clone()),
        Some(s) => {
            s.weights
                .iter_mut()
                .zip(&m.weights)
                .for_each(|(a, b)| *a += b);
            s.bias.iter_mut().zip(&m.bias).for_each(|(a, b)| *a += b);
        }
    }
}

/// The mean of the models [`add_weights`] summed over `n` folds, quantized.
fn mean_model(sum: Option<Linear>, n: usize) -> Result<Linear, Error> {
    let mut s = sum.ok_or_else(|| Error::Model("no fold models".into()))?;
    let inv = 1.0 / n as f32;
    s.weights.iter_mut().for_each(|w| *w *= inv);
    s.bias.iter_mut().for_each(|w| *w *= inv);
    s.quantized()
}

/// Second-stage and clause examples: each train article's words and clauses with first-stage
/// and sentence probabilities from models that did not see the article (trained on the other
/// folds). The model's word tagger and sentence classifier are the mean of those fold models
/// (a logistic regression's mean logit is the logit of its mean weights), not models trained on
/// all of train: the second stage and the clause classifier then see on new text inputs like
/// the out-of-fold ones they learned from (a model trained on all of train is more confident;
/// dev span F1 +0.006 over four seeds).
fn stack_examples(train: &[&Article], seed: u64) -> Result<Stacked, Error> {
    let (mut tagger_sum, mut sentences_sum) = (None, None);
    let mut out = Vec::new();
    let mut clauses = Vec::new();
    let mut ctx = Context::default();
    let (mut buf, mut probs, mut sent) = (Vec::new(), Vec::new(), Vec::new());
    for fold in 0..FOLDS {
        let held: Vec<&Article> = train.iter().copied().skip(fold).step_by(FOLDS).collect();
        let rest: Vec<&Article> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, a)| *a)
            .collect();
        let tagger = Linear::train(
            TAGGER_BITS,
            1,
            &tagger_examples(&rest),
            &tagger_config(seed.wrapping_add(10 + fold as u64)),
        )
        .quantized()?;
        let sentences = Linear::train(
            SENTENCE_BITS,
            1,
            &sentence_examples(&rest),
            &sentence_config(seed.wrapping_add(20 + fold as u64)),
        )
        .quantized()?;
        let loaded = Linear::train(
            TAGGER_BITS,
            1,
            &loaded_examples(&rest),
            &tagger_config(seed.wrapping_add(30 + fold as u64)),
        )
        .quantized()?;
        add_weights(&mut tagger_sum, &tagger);
        add_weights(&mut sentences_sum, &sentences);
        let mut lp = Vec::new();
        for a in held {
            ctx.build(&a.text);
            first_stage(&tagger, &ctx, &mut buf, &mut probs);
            first_stage(&loaded, &ctx, &mut buf, &mut lp);
            sentence_stage(&sentences, &ctx, &mut buf, &mut sent);
            let stats: Vec<(f32, f32)> = ctx
                .sentences
                .iter()
                .map(|s| sentence_stats(&probs, s))
                .collect();
            for (i, t) in ctx.tokens.iter().enumerate() {
                let si = ctx.sentence[i] as usize;
                ctx.stacked_features(i, &probs, (sent[si], stats[si]), STACK_BITS, &mut buf);
                out.push((buf.clone(), usize::from(inside(t.start, t.end, &a.spans))));
            }
            for (ci, &(wa, _)) in ctx.clauses.iter().enumerate() {
                let si = ctx.sentence[wa] as usize;
                ctx.clause_features(ci, (&probs, &lp), sent[si], CLAUSE_BITS, &mut buf);
                clauses.push((buf.clone(), clause_label(&ctx, ctx.clauses[ci], &a.spans)));
            }
        }
    }
    Ok(Stacked {
        words: out,
        clauses,
        tagger: mean_model(tagger_sum, FOLDS)?,
        sentences: mean_model(sentences_sum, FOLDS)?,
    })
}

fn technique_examples(articles: &[&Article]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut ctx = Context::default();
    let mut buf = Vec::new();
    for a in articles {
        ctx.build(&a.text);
        for &(s, e, t) in &a.techniques {
            if let Some((wa, wb)) = words_of(&ctx, s, e) {
                ctx.span_features(wa, wb, TECHNIQUE_BITS, &mut buf);
                out.push((buf.clone(), t));
            }
        }
    }
    out
}

/// One article with its context and both stages' word probabilities.
struct Tagged<'a> {
    article: &'a Article,
    ctx: Context,
    probs: Vec<f32>,
    clauses: Vec<f32>,
    loaded: Vec<f32>,
}

/// Per-article word probabilities and contexts of `articles`.
fn tagged<'a>(m: &PropagandaModel, articles: &[&'a Article]) -> Vec<Tagged<'a>> {
    let (mut buf, mut sent) = (Vec::new(), Vec::new());
    articles
        .iter()
        .map(|a| {
            let mut ctx = Context::default();
            ctx.build(&a.text);
            let (mut first, mut probs, mut clauses) = (Vec::new(), Vec::new(), Vec::new());
            m.word_probabilities(&ctx, &mut buf, (&mut first, &mut sent), &mut probs);
            clause_stage(
                (&m.clauses, &m.loaded),
                &ctx,
                (&first, &sent),
                &mut buf,
                &mut clauses,
            );
            let mut loaded = Vec::new();
            first_stage(&m.loaded, &ctx, &mut buf, &mut loaded);
            Tagged {
                article: a,
                ctx,
                probs,
                clauses,
                loaded,
            }
        })
        .collect()
}

/// Span-identification sums: (sum of predicted-span precision shares, predicted spans, sum of
/// gold-span coverage shares, gold spans).
#[derive(Debug, Default, Clone, Copy)]
pub struct SpanScore {
    p_sum: f64,
    predicted: usize,
    r_sum: f64,
    gold: usize,
}

impl SpanScore {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.p_sum / self.predicted as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.r_sum / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds one article: `predicted` and `gold` byte ranges into `text`; shares count chars.
    /// As the task's scorer (`task-SI_scorer.py`) does, overlapping gold spans are merged into
    /// one before scoring, and so are overlapping predicted spans (its `-m`); spans that merely
    /// touch stay apart.
    pub fn add(&mut self, text: &str, predicted: &[(usize, usize)], gold: &[(usize, usize)]) {
        let (predicted, gold) = (
            &merge_overlapping(predicted)[..],
            &merge_overlapping(gold)[..],
        );
        let n = text.len();
        let mut g = vec![false; n];
        let mut p = vec![false; n];
        for &(s, e) in gold {
            g[s.min(n)..e.min(n)].iter_mut().for_each(|x| *x = true);
        }
        for &(s, e) in predicted {
            p[s.min(n)..e.min(n)].iter_mut().for_each(|x| *x = true);
        }
        let chars = |s: usize, e: usize, mask: &[bool]| {
            (s.min(n)..e.min(n))
                .filter(|&b| text.is_char_boundary(b) && mask[b])
                .count()
        };
        let all = vec![true; n];
        for &(s, e) in predicted {
            let len = chars(s, e, &all);
            if len > 0 {
                self.p_sum += chars(s, e, &g) as f64 / len as f64;
                self.predicted += 1;
            }
        }
        for &(s, e) in gold {
            let len = chars(s, e, &all);
            if len > 0 {
                self.r_sum += chars(s, e, &p) as f64 / len as f64;
                self.gold += 1;
            }
        }
    }
}

/// `spans` sorted, with each group of overlapping spans (sharing a character) merged into one.
fn merge_overlapping(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<(usize, usize)> = spans.iter().copied().filter(|&(s, e)| s < e).collect();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn score_of(
    tagged: &[Tagged<'_>],
    mut decode: impl FnMut(&Tagged<'_>) -> Vec<(usize, usize, f32)>,
) -> SpanScore {
    let mut sc = SpanScore::default();
    for t in tagged {
        let pred: Vec<(usize, usize)> = decode(t)
            .into_iter()
            .map(|(x, y, _)| (t.ctx.tokens[x].start, t.ctx.tokens[y - 1].end))
            .collect();
        sc.add(&t.article.text, &pred, &t.article.spans);
    }
    sc
}

/// The span score of the sentence-wide decoding at the given thresholds.
fn span_score(tagged: &[Tagged<'_>], (st, wt): (f32, f32)) -> SpanScore {
    score_of(tagged, |t| decode(&t.ctx, &t.probs, st, wt))
}

/// The span score of the eval's passages (see [`passages`]) under the decoding `d`.
fn passages_score(tagged: &[Tagged<'_>], d: Decoding) -> SpanScore {
    score_of(tagged, |t| {
        passages(&t.ctx, (&t.clauses, &t.probs, &t.loaded), d)
    })
}

/// The span score of the passages reports show at `threshold`.
fn shown_score(tagged: &[Tagged<'_>], threshold: f32) -> SpanScore {
    score_of(tagged, |t| runs(&t.ctx, &t.loaded, threshold))
}

/// Technique micro-F1 on the gold technique rows of `articles`: (correct, rows).
fn technique_accuracy(m: &PropagandaModel, articles: &[&Article]) -> (usize, usize) {
    let (mut right, mut rows) = (0, 0);
    let mut ctx = Context::default();
    let mut buf = Vec::new();
    for a in articles {
        ctx.build(&a.text);
        let mut rows_of: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
            Default::default();
        for &(s, e, t) in &a.techniques {
            rows_of.entry((s, e)).or_default().push(t);
        }
        for ((s, e), gold) in rows_of {
            rows += gold.len();
            let Some((wa, wb)) = words_of(&ctx, s, e) else {
                continue;
            };
            let mut probs = [0.0f32; 14];
            m.technique_probabilities(&ctx, wa, wb, &mut buf, &mut probs);
            let mut order: Vec<usize> = (0..TECHNIQUES.len()).collect();
            order.sort_by(|&x, &y| probs[y].total_cmp(&probs[x]).then(x.cmp(&y)));
            let mut left = gold.clone();
            for guess in order.into_iter().take(gold.len()) {
                if let Some(k) = left.iter().position(|&g| g == guess) {
                    left.swap_remove(k);
                    right += 1;
                }
            }
        }
    }
    (right, rows)
}

/// Trains on the train split; returns the model and a report of its dev figures.
pub fn train_model(dir: &Path, seed: u64) -> Result<(PropagandaModel, String), Error> {
    train_model_bagged(dir, &[seed])
}

/// [`train_model`] with the models of `seeds` averaged (see [`train_split_bagged`]).
pub fn train_model_bagged(dir: &Path, seeds: &[u64]) -> Result<(PropagandaModel, String), Error> {
    let articles = data::load(dir)?;
    let m = train_split_bagged(&articles, |a| data::is_dev(&a.id), seeds)?;
    let report = evaluate_loaded(&m, &articles);
    Ok((m, report))
}

/// Trains on the `articles` that `held` rejects and tunes the decoding thresholds on those it
/// accepts (the dev split for [`train_model`]; a fold of train for cross-validation by article,
/// `examples/ptc_cv.rs`).
pub fn train_split(
    articles: &[Article],
    held: impl Fn(&Article) -> bool,
    seed: u64,
) -> Result<PropagandaModel, Error> {
    train_split_bagged(articles, held, &[seed])
}

/// [`train_split`] with the models of several training seeds averaged, weight by weight, into
/// one (each of the six linear models; the same cost as one model), the decoding thresholds
/// tuned on the averaged model (session 23: cross-validated by article on train, see the notes).
pub fn train_split_bagged(
    articles: &[Article],
    held: impl Fn(&Article) -> bool,
    seeds: &[u64],
) -> Result<PropagandaModel, Error> {
    let (dev, train): (Vec<&Article>, Vec<&Article>) = articles.iter().partition(|a| held(a));
    let mut m = match seeds {
        [seed] => fit(&train, *seed)?,
        _ => {
            let mut sums: [Option<Linear>; 6] = Default::default();
            let mut first = None;
            for &seed in seeds {
                let m = fit(&train, seed)?;
                for (sum, part) in sums.iter_mut().zip([
                    &m.tagger,
                    &m.sentences,
                    &m.stack,
                    &m.techniques,
                    &m.clauses,
                    &m.loaded,
                ]) {
                    add_weights(sum, part);
                }
                first.get_or_insert(m);
            }
            let mut m = first.ok_or_else(|| Error::Model("no seeds".into()))?;
            let [tagger, sentences, stack, techniques, clauses, loaded] = sums;
            let n = seeds.len();
            m.tagger = mean_model(tagger, n)?;
            m.sentences = mean_model(sentences, n)?;
            m.stack = mean_model(stack, n)?;
            m.techniques = mean_model(techniques, n)?;
            m.clauses = mean_model(clauses, n)?;
            m.loaded = mean_model(loaded, n)?;
            m
        }
    };
    tune(&mut m, &dev);
    Ok(m)
}

/// The six linear models trained on `train` with `seed`, the decoding thresholds at their
/// defaults.
fn fit(train: &[&Article], seed: u64) -> Result<PropagandaModel, Error> {
    let train = train.to_vec();
    let loaded = Linear::train(
        TAGGER_BITS,
        1,
        &loaded_examples(&train),
        &tagger_config(seed.wrapping_add(5)),
    )
    .quantized()?;
    let Stacked {
        words: stack_ex,
        clauses: clause_ex,
        tagger,
        sentences,
    } = stack_examples(&train, seed)?;
    let clause_config = |seed: u64| TrainConfig {
        epochs: 4,
        // Lower than the taggers' 0.1: the clause classifier overfits its 148 articles (dev
        // span F1 +0.01 over four seeds).
        learning_rate: 0.03,
        l2: 1e-6,
        seed,
        class_weights: Vec::new(),
        average: true,
    };
    let clauses = Linear::train(
        CLAUSE_BITS,
        1,
        &clause_ex,
        &clause_config(seed.wrapping_add(4)),
    )
    .quantized()?;
    drop(clause_ex);
    let stack = Linear::train(
        STACK_BITS,
        1,
        &stack_ex,
        &TrainConfig {
            epochs: 4,
            learning_rate: 0.1,
            l2: 1e-6,
            seed: seed.wrapping_add(2),
            class_weights: Vec::new(),
            average: true,
        },
    )
    .quantized()?;
    let techniques = Linear::train(
        TECHNIQUE_BITS,
        TECHNIQUES.len(),
        &technique_examples(&train),
        &TrainConfig {
            epochs: 12,
            learning_rate: 0.1,
            l2: 1e-6,
            seed: seed.wrapping_add(1),
            class_weights: Vec::new(),
            average: true,
        },
    )
    .quantized()?;
    Ok(PropagandaModel {
        seed,
        sentence_threshold: 0.5,
        word_threshold: 0.5,
        show_threshold: 0.5,
        clause_threshold: 0.5,
        clause_word_threshold: 0.0,
        clause_loaded_threshold: f32::INFINITY,
        clause_run_threshold: 0.0,
        loaded_threshold: f32::INFINITY,
        tagger,
        sentences,
        stack,
        techniques,
        clauses,
        loaded,
    })
}

/// Sets `m`'s decoding thresholds to those that give the best span F1 on `dev`.
fn tune(m: &mut PropagandaModel, dev: &[&Article]) {
    let dev_tagged = tagged(m, dev);
    let grid = |lo: u32, hi: u32| (lo..=hi).map(|k| k as f32 / 100.0);
    let mut best = (f64::MIN, (0.5f32, 0.5f32));
    for st in grid(10, 80).step_by(5) {
        for wt in grid(0, 80).step_by(5).filter(|&w| w <= st) {
            let f = span_score(&dev_tagged, (st, wt)).f1();
            if f > best.0 {
                best = (f, (st, wt));
            }
        }
    }
    (m.sentence_threshold, m.word_threshold) = best.1;
    // First the clause, word and loaded-words thresholds with every clause trimmed by its
    // words...
    let mut best = (f64::MIN, m.decoding());
    for clause in grid(5, 80).step_by(5) {
        for clause_word in grid(0, 60).step_by(5) {
            for loaded in LOADED_GRID {
                let d = Decoding {
                    clause,
                    clause_word,
                    loaded,
                    ..m.decoding()
                };
                let f = passages_score(&dev_tagged, d).f1();
                if f > best.0 {
                    best = (f, d);
                }
            }
        }
    }
    // ...then the cut of the clauses that hold a loaded word to its runs, with the clause,
    // word and loaded-words thresholds again (clause threshold on a finer grid, the word
    // threshold within 0.10 of the first search's).
    let word = best.1.clause_word;
    let words: Vec<f32> = (-2..=2)
        .map(|k| ((word * 20.0).round() + k as f32) / 20.0)
        .filter(|w| (0.0..=0.6).contains(w))
        .collect();
    for clause in (4..=20).map(|k| k as f32 * 0.025) {
        for &clause_word in &words {
            for (clause_loaded, clause_run) in CLAUSE_LOADED_GRID {
                for loaded in LOADED_GRID {
                    let d = Decoding {
                        clause,
                        clause_word,
                        clause_loaded,
                        clause_run,
                        loaded,
                    };
                    let f = passages_score(&dev_tagged, d).f1();
                    if f > best.0 {
                        best = (f, d);
                    }
                }
            }
        }
    }
    let d = best.1;
    m.clause_threshold = d.clause;
    m.clause_word_threshold = d.clause_word;
    m.clause_loaded_threshold = d.clause_loaded;
    m.clause_run_threshold = d.clause_run;
    m.loaded_threshold = d.loaded;
    m.show_threshold = SHOW_THRESHOLD;
}

/// `newsprobe train propaganda`: trains, writes the model, returns a short report.
pub fn run(dir: &Path, out: &Path, seed: u64) -> Result<String, Error> {
    let started = Instant::now();
    let (m, report) = train_model(dir, seed)?;
    let bytes = m.to_bytes();
    if let Some(d) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d)?;
    }
    std::fs::write(out, &bytes).map_err(|e| Error::Data(format!("{}: {e}", out.display())))?;
    Ok(format!(
        "propaganda: trained with seed {seed} in {:.1} s\n{report}\nwrote {} ({} bytes)",
        started.elapsed().as_secs_f64(),
        out.display(),
        bytes.len()
    ))
}

/// `newsprobe eval propaganda`: the bundled model's dev figures.
pub fn eval(dir: &Path) -> Result<String, Error> {
    let m = super::bundled().ok_or_else(|| Error::Model("bundled propaganda model".into()))?;
    Ok(evaluate_loaded(m, &data::load(dir)?))
}

fn evaluate_loaded(m: &PropagandaModel, articles: &[Article]) -> String {
    let (dev, train): (Vec<&Article>, Vec<&Article>) =
        articles.iter().partition(|a| data::is_dev(&a.id));
    let dev_tagged = tagged(m, &dev);
    let line = |s: SpanScore| {
        format!(
            "P {:.3} R {:.3} F1 {:.3} ({} predicted, {} gold spans)",
            s.precision(),
            s.recall(),
            s.f1(),
            s.predicted,
            s.gold
        )
    };
    let th = (m.sentence_threshold, m.word_threshold);
    let tuned = span_score(&dev_tagged, th);
    let d = m.decoding();
    let all = passages_score(&dev_tagged, d);
    let clause = passages_score(
        &dev_tagged,
        Decoding {
            loaded: f32::INFINITY,
            ..d
        },
    );
    let uncut = passages_score(
        &dev_tagged,
        Decoding {
            clause_loaded: f32::INFINITY,
            ..d
        },
    );
    let shown = shown_score(&dev_tagged, m.show_threshold);
    let mut errors = ErrorTable::default();
    for t in &dev_tagged {
        let ps = passages_with_kinds(&t.ctx, (&t.clauses, &t.probs, &t.loaded), d, true);
        errors.add(t.article, &t.ctx, &ps);
    }
    let mut curve = String::new();
    for t in [0.2f32, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6] {
        let sc = shown_score(&dev_tagged, t);
        curve.push_str(&format!(
            "\n  p >= {t:.2}: P {:.3} R {:.3} n {}",
            sc.precision(),
            sc.recall(),
            sc.predicted,
        ));
    }
    let train_tagged = tagged(m, &train);
    let train_sc = span_score(&train_tagged, th);
    let (right, rows) = technique_accuracy(m, &dev);
    let (tr_right, tr_rows) = technique_accuracy(m, &train);
    format!(
        "split: {} train / {} dev articles (dev: FNV-1a of the article id = 0 mod 5)\n\
         span identification, dev, clauses at {:.3} trimmed to words at {:.2} or, when their best loaded word reaches {:.2}, cut to loaded-words runs at {:.2}, and loaded-words runs at {:.2} outside them (tuned on dev for F1): {}\n\
         span identification, dev, the clauses alone: {}\n\
         span identification, dev, the same without the cut to loaded-words runs: {}\n\
         span identification, dev, sentence/word thresholds {:.2}/{:.2} (tuned on dev for F1): {}\n\
         span identification, dev, passages shown in reports (loaded-words probability >= {:.2}): {}\n\
         shown passages by threshold, dev:{}\n\
         technique classification, gold dev spans: micro-F1 {:.3} ({right}/{rows})\n\
         train (fitted): span F1 {:.3}; technique micro-F1 {:.3}\n{}",
        train.len(),
        dev.len(),
        d.clause,
        d.clause_word,
        d.clause_loaded,
        d.clause_run,
        d.loaded,
        line(all),
        line(clause),
        line(uncut),
        m.sentence_threshold,
        m.word_threshold,
        line(tuned),
        m.show_threshold,
        line(shown),
        curve,
        right as f64 / rows.max(1) as f64,
        train_sc.f1(),
        tr_right as f64 / tr_rows.max(1) as f64,
        errors.render(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_metric_counts_characters() {
        let text = "aaaa bbbb cccc";
        let mut sc = SpanScore::default();
        // Predicted covers "bbbb cc" (7 chars, 4 gold); gold "bbbb" fully covered.
        sc.add(text, &[(5, 12)], &[(5, 9)]);
        assert!((sc.precision() - 4.0 / 7.0).abs() < 1e-9);
        assert!((sc.recall() - 1.0).abs() < 1e-9);
        // Overlapping gold spans count as one (the task's scorer merges them), and so do
        // overlapping predictions; touching ones stay two.
        let mut merged = SpanScore::default();
        merged.add(text, &[(0, 4), (2, 9)], &[(0, 4), (2, 9), (10, 14)]);
        assert_eq!((merged.predicted, merged.gold), (1, 2));
        assert!((merged.precision() - 1.0).abs() < 1e-9);
        assert!((merged.recall() - 0.5).abs() < 1e-9);
        let mut touching = SpanScore::default();
        touching.add(text, &[(0, 4), (4, 9)], &[(0, 9)]);
        assert_eq!((touching.predicted, touching.gold), (2, 1));
        let mut none = SpanScore::default();
        none.add(text, &[], &[(0, 4)]);
        assert_eq!(none.f1(), 0.0);
    }

    /// Small articles written for this test: a loaded phrase in one sentence of each.
    fn tiny_articles() -> Vec<Article> {
        let bodies = [
            ("t1", "The council met on Tuesday. Critics called the plan a disgraceful betrayal of every family. The vote is next week.", "disgraceful betrayal"),
            ("t2", "Officials published the budget. The mayor said the shameless crooks had robbed the city blind. Schools will get more money.", "shameless crooks"),
            ("t3", "The report runs to forty pages. It describes a catastrophic, unforgivable failure by the agency. A hearing is planned.", "catastrophic, unforgivable failure"),
            ("t4", "Rain is expected on Friday. Protesters denounced the evil regime and its thugs. Roads will close at noon.", "evil regime and its thugs"),
            ("t5", "The company hired two engineers. Its rival branded the product a pathetic scam. Shares rose slightly.", "pathetic scam"),
            ("t6", "The museum reopened in May. One visitor called the exhibit a monstrous insult to history. Tickets cost ten dollars.", "monstrous insult"),
            ("t7", "The bridge opened in 1990. Residents say the radical extremists want to destroy it. Repairs begin soon.", "radical extremists"),
            ("t8", "The league announced its schedule. Fans called the referee a corrupt clown after the game. The final is in June.", "corrupt clown"),
        ];
        bodies
            .iter()
            .map(|&(id, text, phrase)| {
                let start = text.find(phrase).expect("phrase in text");
                let span = (start, start + phrase.len());
                Article {
                    id: id.to_string(),
                    text: text.to_string(),
                    spans: vec![span],
                    techniques: vec![(span.0, span.1, 0)],
                }
            })
            .collect()
    }

    #[test]
    fn bagging_one_seed_or_one_seed_twice_is_that_seed() {
        let articles = tiny_articles();
        let held = |a: &Article| a.id == "t7" || a.id == "t8";
        let one = train_split(&articles, held, 7).expect("trains");
        let bagged = train_split_bagged(&articles, held, &[7]).expect("trains");
        assert!(one.to_bytes() == bagged.to_bytes());
        // The mean of two identical models is that model (weights quantized the same way).
        let twice = train_split_bagged(&articles, held, &[7, 7]).expect("trains");
        assert!(one.to_bytes() == twice.to_bytes());
        // Two seeds give another model of the same shape.
        let two = train_split_bagged(&articles, held, &[7, 8]).expect("trains");
        assert_eq!(two.to_bytes().len(), one.to_bytes().len());
        assert!(train_split_bagged(&articles, held, &[]).is_err());
    }

    #[test]
    fn retraining_reproduces_the_committed_model() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/propaganda/ptc");
        if !dir.exists() {
            eprintln!("skipped: {} not here", dir.display());
            return;
        }
        let (m, _) = train_model(&dir, 42).expect("trains");
        assert!(
            m.to_bytes() == super::super::MODEL,
            "retrained model differs from models/propaganda.bin; run \
             `newsprobe train propaganda --data ../shared/eval/propaganda/ptc \
             --out crates/newsprobe-framing/models/propaganda.bin --seed 42`"
        );
    }
}
