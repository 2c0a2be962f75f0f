//! Which passages use a propaganda technique, and which one? Word taggers (logistic regressions
//! over each word's hashed features: one for any technique, one for loaded words and name
//! calling), a clause classifier over the span candidates, and a technique classifier (softmax
//! over the 14 techniques of the Propaganda Techniques Corpus), all trained by
//! `newsprobe train propaganda` on PTC and embedded in the binary. Reports show the loaded-words
//! tagger's runs (precise); the eval's span identification decodes clauses and adds those runs.
//!
//! - [`features`]: which features a word and a span have;
//! - [`data`]: the PTC articles and labels, and the fixed train/dev split;
//! - [`train`]: training, threshold tuning and the task metrics.

pub mod data;
pub mod errors;
pub mod features;
pub mod train;

use std::sync::LazyLock;

use newsprobe_classify::linear::{write_header, Linear, Reader};
use newsprobe_classify::Error;
use newsprobe_core::{Field, FramingSpan, Span};

use crate::quotes::QuoteRegions;

use features::Context;
use newsprobe_classify::features::Token;

/// The PTC techniques, in the classifier's output order.
pub const TECHNIQUES: [&str; 14] = [
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Whataboutism,Straw_Men,Red_Herring",
    "Black-and-White_Fallacy",
    "Bandwagon,Reductio_ad_hitlerum",
    "Thought-terminating_Cliches",
];

/// newsprobe's framing category for a PTC technique: the lexicon's categories where they mean
/// the same thing, `propaganda` for the argumentative techniques the lexicon has no word for.
pub fn category(technique: &str) -> &'static str {
    match technique {
        "Loaded_Language" | "Name_Calling,Labeling" => "loaded",
        "Exaggeration,Minimisation" => "hyperbole",
        "Appeal_to_fear-prejudice" => "fear",
        _ => "propaganda",
    }
}

/// The rule name learned spans carry.
pub const RULE: &str = "model:propaganda-ptc";

/// The committed model file.
pub const MODEL: &[u8] = include_bytes!("../../models/propaganda.bin");

const MAGIC: &[u8; 4] = b"NPPT";
pub(crate) const TAGGER_BITS: u8 = 16;
pub(crate) const STACK_BITS: u8 = 14;
pub(crate) const SENTENCE_BITS: u8 = 16;
pub(crate) const TECHNIQUE_BITS: u8 = 16;
pub(crate) const CLAUSE_BITS: u8 = 17;

/// One passage found: byte range, the tagger's score (mean word probability), the most likely
/// technique and its probability.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub technique: &'static str,
    pub technique_score: f32,
}

/// The tagger and the technique classifier with their decoding thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct PropagandaModel {
    pub seed: u64,
    /// A sentence holds a passage when its most likely word reaches this.
    pub sentence_threshold: f32,
    /// The passage stretches over the words whose probability reaches this.
    pub word_threshold: f32,
    /// Reports show runs of words whose loaded-words probability reaches this (see
    /// [`PropagandaModel::detect`]).
    pub show_threshold: f32,
    /// A clause is a passage when the clause classifier's probability reaches this, trimmed to
    /// the words whose probability reaches `clause_word_threshold` (see [`clause_passages`]).
    pub clause_threshold: f32,
    pub clause_word_threshold: f32,
    /// A clause passage whose most likely loaded word reaches this is cut instead to the runs
    /// of its words whose loaded-words probability reaches `clause_run_threshold`.
    pub clause_loaded_threshold: f32,
    pub clause_run_threshold: f32,
    /// The eval's passages add the loaded-words tagger's runs at this that overlap no clause
    /// passage (see [`passages`]).
    pub loaded_threshold: f32,
    pub tagger: Linear,
    /// The sentence classifier: does the sentence hold a passage?
    pub sentences: Linear,
    /// The second stage: the word and the first stage's probabilities around it.
    pub stack: Linear,
    pub techniques: Linear,
    /// The clause classifier: is the clause (a span candidate) in a passage?
    pub clauses: Linear,
    /// The loaded-words tagger: is the word in a Loaded_Language or Name_Calling span?
    pub loaded: Linear,
}

static BUNDLED: LazyLock<Option<PropagandaModel>> =
    LazyLock::new(|| PropagandaModel::from_bytes(MODEL).ok());

thread_local! {
    /// [`Context::word_scores`]'s cache for the bundled model's loaded-words tagger.
    static LOADED_CACHE: std::cell::RefCell<features::WordCache> =
        std::cell::RefCell::new(features::WordCache::new(8192));
}

/// The embedded model (None only if the committed file is malformed; a test makes sure not).
pub fn bundled() -> Option<&'static PropagandaModel> {
    BUNDLED.as_ref()
}

impl PropagandaModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        write_header(&mut out, MAGIC, 4);
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.extend_from_slice(&self.sentence_threshold.to_le_bytes());
        out.extend_from_slice(&self.word_threshold.to_le_bytes());
        out.extend_from_slice(&self.show_threshold.to_le_bytes());
        out.extend_from_slice(&self.clause_threshold.to_le_bytes());
        out.extend_from_slice(&self.clause_word_threshold.to_le_bytes());
        out.extend_from_slice(&self.loaded_threshold.to_le_bytes());
        out.extend_from_slice(&self.clause_loaded_threshold.to_le_bytes());
        out.extend_from_slice(&self.clause_run_threshold.to_le_bytes());
        self.tagger.write(&mut out);
        self.sentences.write(&mut out);
        self.stack.write(&mut out);
        write_sparse(&self.techniques, &mut out);
        self.clauses.write(&mut out);
        self.loaded.write(&mut out);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<PropagandaModel, Error> {
        let mut r = Reader::new(bytes);
        r.header(MAGIC, 4)?;
        let seed = r.u64()?;
        let sentence_threshold = r.f32()?;
        let word_threshold = r.f32()?;
        let show_threshold = r.f32()?;
        let clause_threshold = r.f32()?;
        let clause_word_threshold = r.f32()?;
        let loaded_threshold = r.f32()?;
        let clause_loaded_threshold = r.f32()?;
        let clause_run_threshold = r.f32()?;
        let tagger = Linear::read(&mut r)?;
        let sentences = Linear::read(&mut r)?;
        let stack = Linear::read(&mut r)?;
        let techniques = read_sparse(&mut r)?;
        let clauses = Linear::read(&mut r)?;
        let loaded = Linear::read(&mut r)?;
        if tagger.outputs != 1
            || loaded.outputs != 1
            || sentences.outputs != 1
            || stack.outputs != 1
            || clauses.outputs != 1
            || techniques.outputs != TECHNIQUES.len()
            || !r.finished()
        {
            return Err(Error::Model("malformed propaganda model".into()));
        }
        Ok(PropagandaModel {
            seed,
            sentence_threshold,
            word_threshold,
            show_threshold,
            clause_threshold,
            clause_word_threshold,
            loaded_threshold,
            clause_loaded_threshold,
            clause_run_threshold,
            tagger,
            sentences,
            stack,
            techniques,
            clauses,
            loaded,
        })
    }

    /// The eval's decoding thresholds (see [`passages`]).
    pub fn decoding(&self) -> Decoding {
        Decoding {
            clause: self.clause_threshold,
            clause_word: self.clause_word_threshold,
            clause_loaded: self.clause_loaded_threshold,
            clause_run: self.clause_run_threshold,
            loaded: self.loaded_threshold,
        }
    }

    /// Each clause's probability of lying in a passage (into `out`, one per `ctx.clauses`),
    /// from the first stage's word probabilities `first` and the sentences' `sent`.
    pub fn clause_probabilities(
        &self,
        ctx: &Context,
        (first, sent): (&[f32], &[f32]),
        buf: &mut Vec<(u32, f32)>,
        out: &mut Vec<f32>,
    ) {
        clause_stage((&self.clauses, &self.loaded), ctx, (first, sent), buf, out);
    }

    /// Each word's probability of standing in a propaganda passage (both stages); `first` and
    /// `sent` are scratch space for the first stage and the sentence classifier.
    pub fn word_probabilities(
        &self,
        ctx: &Context,
        buf: &mut Vec<(u32, f32)>,
        (first, sent): (&mut Vec<f32>, &mut Vec<f32>),
        out: &mut Vec<f32>,
    ) {
        first_stage(&self.tagger, ctx, buf, first);
        sentence_stage(&self.sentences, ctx, buf, sent);
        second_stage(&self.stack, ctx, (first, sent), buf, out);
    }

    /// Technique probabilities of the words `a..b`, into `probs` (one per technique).
    pub fn technique_probabilities(
        &self,
        ctx: &Context,
        a: usize,
        b: usize,
        buf: &mut Vec<(u32, f32)>,
        probs: &mut [f32; 14],
    ) {
        ctx.span_features(a, b, self.techniques.bits, buf);
        self.techniques.scores(buf, probs);
        newsprobe_classify::linear::softmax(probs);
    }

    /// Each word's probability of standing in a Loaded_Language or Name_Calling,Labeling span
    /// (the loaded-words tagger), into `out`.
    pub fn loaded_probabilities(
        &self,
        ctx: &Context,
        buf: &mut Vec<(u32, f32)>,
        out: &mut Vec<f32>,
    ) {
        first_stage(&self.loaded, ctx, buf, out);
    }

    /// The passages of `text` shown in reports at `threshold` (the model's `show_threshold` for
    /// reports): runs of words whose loaded-words probability reaches it (see [`runs`]), scored
    /// by their mean probability, each with its technique. One tagger pass over the words: the
    /// clause classifier and the stacked stage serve the eval's span identification only.
    pub fn detect(&self, text: &str, threshold: f32) -> Vec<Detected> {
        let mut ctx = Context::default();
        ctx.build(text);
        self.detect_in(ctx, threshold)
    }

    /// [`Self::detect`] with `text`'s tokens (`newsprobe_classify::features::tokenize`) given.
    pub fn detect_tokens(&self, text: &str, tokens: Vec<Token>, threshold: f32) -> Vec<Detected> {
        let mut ctx = Context::default();
        ctx.build_from_tokens(text, tokens);
        self.detect_in(ctx, threshold)
    }

    /// [`Self::detect_tokens`] with the words' lexicon bits given (see
    /// [`Context::build_from_tokens_lex`]).
    pub fn detect_tokens_lex(
        &self,
        text: &str,
        (tokens, lex): (Vec<Token>, Vec<u8>),
        threshold: f32,
    ) -> Vec<Detected> {
        let mut ctx = Context::default();
        ctx.build_from_tokens_lex(text, tokens, lex);
        self.detect_in(ctx, threshold)
    }

    /// [`Self::detect`] of a built context.
    fn detect_in(&self, ctx: Context, threshold: f32) -> Vec<Detected> {
        let mut buf = Vec::with_capacity(32);
        let mut probs = Vec::with_capacity(ctx.tokens.len());
        match (bundled(), &self.loaded) {
            // The bundled model (static, never changed): its loaded-words tagger's weights are
            // looked up through a cache kept from text to text, same scores to the bit.
            (Some(b), m)
                if std::ptr::eq(b, self)
                    && m.outputs == 1
                    && m.weights.len() == 1usize << m.bits =>
            {
                // `runs` reads a probability only to compare it with the threshold and half of
                // it, and averages only words at half of it or more: a score well below the
                // logit of half the threshold stands as 0.0 without its exponential (and
                // `word_scores` need not finish a score it knows falls below it).
                let floor = run_floor(threshold);
                LOADED_CACHE.with_borrow_mut(|cache| {
                    let bias = m.bias.first().copied().unwrap_or(0.0);
                    ctx.word_scores((&m.weights, bias, m.bits), floor, cache, &mut probs);
                });
                for p in probs.iter_mut() {
                    *p = if *p < floor { 0.0 } else { sigmoid(*p) };
                }
            }
            _ => self.loaded_probabilities(&ctx, &mut buf, &mut probs),
        }
        let mut out = Vec::new();
        for (a, b, score) in runs(&ctx, &probs, threshold) {
            let mut tp = [0.0f32; 14];
            self.technique_probabilities(&ctx, a, b, &mut buf, &mut tp);
            let (best, p) =
                tp.iter()
                    .enumerate()
                    .fold((0, f32::MIN), |m, (i, &p)| if p > m.1 { (i, p) } else { m });
            out.push(Detected {
                start: ctx.tokens[a].start,
                end: ctx.tokens[b - 1].end,
                score,
                technique: TECHNIQUES[best],
                technique_score: p,
            });
        }
        out
    }
}

/// Writes a model whose rows are mostly zero (the technique classifier: 14 outputs over a large
/// hashed space): bits, outputs, scale, biases, then for each run of rows the number of all-zero
/// rows skipped (u32) and the next non-zero row's weights as i16; a final skip count ends it.
fn write_sparse(m: &Linear, out: &mut Vec<u8>) {
    let k = m.outputs;
    out.push(m.bits);
    out.extend_from_slice(&(k as u16).to_le_bytes());
    let max = m.weights.iter().fold(0.0f32, |a, w| a.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    out.extend_from_slice(&scale.to_le_bytes());
    for b in &m.bias {
        out.extend_from_slice(&b.to_le_bytes());
    }
    let q = |w: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
    let mut skipped = 0u32;
    for row in m.weights.chunks_exact(k) {
        if row.iter().all(|&w| q(w) == 0) {
            skipped += 1;
            continue;
        }
        out.extend_from_slice(&skipped.to_le_bytes());
        skipped = 0;
        for &w in row {
            out.extend_from_slice(&q(w).to_le_bytes());
        }
    }
    out.extend_from_slice(&skipped.to_le_bytes());
}

/// Reads what [`write_sparse`] wrote.
fn read_sparse(r: &mut Reader<'_>) -> Result<Linear, Error> {
    let bits = r.u8()?;
    if !(9..=20).contains(&bits) {
        return Err(Error::Model(format!("bad feature-space size 2^{bits}")));
    }
    let k = r.u16()? as usize;
    if k == 0 || k > 64 {
        return Err(Error::Model(format!("bad output count {k}")));
    }
    let scale = r.f32()?;
    let bias = (0..k).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
    let rows = 1usize << bits;
    let mut weights = vec![0.0f32; rows * k];
    let mut row = 0usize;
    loop {
        row = row.saturating_add(r.u32()? as usize);
        if row == rows {
            break;
        }
        if row > rows {
            return Err(Error::Model("sparse model overruns its rows".into()));
        }
        for c in 0..k {
            weights[row * k + c] = f32::from(r.u16()? as i16) * scale;
        }
        row += 1;
    }
    Ok(Linear {
        bits,
        outputs: k,
        weights,
        bias,
    })
}

/// The learned framing spans of one field (`text` is the headline or the body), shown at the
/// bundled model's `show_threshold`; a passage that overlaps a lexicon span of the same category
/// in `existing` adds nothing and is left out.
pub fn framing_spans(
    text: &str,
    field: Field,
    quotes: &QuoteRegions,
    existing: &[FramingSpan],
) -> Vec<FramingSpan> {
    let tokens = newsprobe_classify::features::tokenize(text);
    framing_spans_tokens(text, (tokens, None), field, quotes, existing)
}

/// [`framing_spans`] with `text`'s tokens (`newsprobe_classify::features::tokenize`) given,
/// and their lexicon bits where the caller has them ([`crate::words::WordFlags::framing`]).
pub fn framing_spans_tokens(
    text: &str,
    (tokens, lex): (Vec<Token>, Option<Vec<u8>>),
    field: Field,
    quotes: &QuoteRegions,
    existing: &[FramingSpan],
) -> Vec<FramingSpan> {
    let Some(m) = bundled() else {
        return Vec::new();
    };
    let detected = match lex {
        Some(lex) => m.detect_tokens_lex(text, (tokens, lex), m.show_threshold),
        None => m.detect_tokens(text, tokens, m.show_threshold),
    };
    detected
        .into_iter()
        .filter_map(|d| {
            let span = Span {
                start: d.start,
                end: d.end,
                field,
            };
            let category = category(d.technique);
            let covered = existing.iter().any(|e| {
                e.span.field == field
                    && e.category == category
                    && e.span.start < span.end
                    && span.start < e.span.end
            });
            (!covered).then(|| FramingSpan {
                span,
                category: category.to_string(),
                rule: RULE.to_string(),
                in_quote: quotes.contains(&span),
                technique: Some(d.technique.to_string()),
                score: Some((d.score * 1000.0).round() / 1000.0),
                signal: false,
            })
        })
        .collect()
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// A score under which [`sigmoid`] stays below half of `threshold` by a wide margin (the
/// logit of the half, less 0.5), so that [`runs`] at `threshold` treats its word as 0.0;
/// minus infinity (every score computed) for a threshold that is not a probability above 0.
fn run_floor(threshold: f32) -> f32 {
    let half = f64::from(threshold) * 0.5;
    if half > 0.0 && half < 1.0 {
        ((half / (1.0 - half)).ln() - 0.5) as f32
    } else {
        f32::NEG_INFINITY
    }
}

/// The first stage's word probabilities under `tagger`.
pub(crate) fn first_stage(
    tagger: &Linear,
    ctx: &Context,
    buf: &mut Vec<(u32, f32)>,
    out: &mut Vec<f32>,
) {
    out.clear();
    if let (1, Some(&bias)) = (tagger.outputs, tagger.bias.first()) {
        // A binary tagger (the bundled ones): each word's score summed as its features are
        // made, in their order, as `Linear::scores` sums them (every value is 1.0), without
        // the buffer.
        out.reserve(ctx.tokens.len());
        let weights = &tagger.weights[..];
        for i in 0..ctx.tokens.len() {
            let mut s = bias;
            ctx.each_word_feature(i, tagger.bits, |f| {
                if let Some(w) = weights.get(f as usize) {
                    s += *w;
                }
            });
            out.push(sigmoid(s));
        }
        return;
    }
    let mut s = [0.0f32];
    for i in 0..ctx.tokens.len() {
        ctx.word_features(i, tagger.bits, buf);
        tagger.scores(buf, &mut s);
        out.push(sigmoid(s[0]));
    }
}

/// Each sentence's probability of holding a passage.
pub(crate) fn sentence_stage(
    model: &Linear,
    ctx: &Context,
    buf: &mut Vec<(u32, f32)>,
    out: &mut Vec<f32>,
) {
    out.clear();
    let mut s = [0.0f32];
    for si in 0..ctx.sentences.len() {
        ctx.sentence_features(si, model.bits, buf);
        model.scores(buf, &mut s);
        out.push(sigmoid(s[0]));
    }
}

/// Each clause's probability under the clause classifier `model`.
pub(crate) fn clause_stage(
    (model, loaded): (&Linear, &Linear),
    ctx: &Context,
    (first, sent): (&[f32], &[f32]),
    buf: &mut Vec<(u32, f32)>,
    out: &mut Vec<f32>,
) {
    let mut lp = Vec::with_capacity(ctx.tokens.len());
    first_stage(loaded, ctx, buf, &mut lp);
    out.clear();
    let mut s = [0.0f32];
    for (ci, &(a, _)) in ctx.clauses.iter().enumerate() {
        let p = sent.get(ctx.sentence[a] as usize).copied().unwrap_or(0.0);
        ctx.clause_features(ci, (first, &lp), p, model.bits, buf);
        model.scores(buf, &mut s);
        out.push(sigmoid(s[0]));
    }
}

/// The eval's decoding thresholds: which clauses are passages and how they are cut, and which
/// loaded-words runs are added (see [`passages`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decoding {
    /// A clause is a passage when the clause classifier's probability reaches this.
    pub clause: f32,
    /// Such a clause is trimmed to its first and last word whose second-stage probability
    /// reaches this (the whole clause when none does)...
    pub clause_word: f32,
    /// ...unless its most likely loaded word reaches this: then its passages are the runs of
    /// its words whose loaded-words probability reaches `clause_run` (see [`runs`]).
    pub clause_loaded: f32,
    pub clause_run: f32,
    /// Loaded-words runs at this that overlap no clause passage are added.
    pub loaded: f32,
}

/// The passages of the clauses whose probability reaches `d.clause` (see [`Decoding`]): a
/// clause whose most likely loaded word (`loaded`) reaches `d.clause_loaded` gives the runs of
/// its words at `d.clause_run` (the loaded words and the words between them: PTC's short
/// Loaded_Language and Name_Calling spans inside the clause); any other is trimmed to its first
/// and last word whose word probability (`words`) reaches `d.clause_word`; whole clauses that
/// follow one another in a sentence make one passage. Passages never cross a sentence, only
/// whole clauses are joined, and they never overlap: (first word, end word, clause probability,
/// the highest of the joined clauses').
pub fn clause_passages(
    ctx: &Context,
    probs: (&[f32], &[f32], &[f32]),
    d: Decoding,
) -> Vec<(usize, usize, f32)> {
    passages_with_kinds(ctx, probs, d, false)
        .into_iter()
        .map(|(a, b, p, _)| (a, b, p))
        .collect()
}

/// Which of the eval's proposers gave a passage (see [`passages_with_kinds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PassageKind {
    /// A whole clause (or adjacent whole clauses of a sentence, joined): none of its words
    /// reaches `clause_word`.
    WholeClause,
    /// A clause trimmed to its first and last word at `clause_word`.
    TrimmedClause,
    /// A loaded-words run cut from a clause whose best loaded word reaches `clause_loaded`.
    ClauseRun,
    /// A loaded-words run at `loaded` outside every clause passage.
    LoadedRun,
}

impl PassageKind {
    pub const ALL: [PassageKind; 4] = [
        PassageKind::WholeClause,
        PassageKind::TrimmedClause,
        PassageKind::ClauseRun,
        PassageKind::LoadedRun,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PassageKind::WholeClause => "whole clause",
            PassageKind::TrimmedClause => "trimmed clause",
            PassageKind::ClauseRun => "run cut from a clause",
            PassageKind::LoadedRun => "loaded run outside",
        }
    }
}

/// The clause passages (see [`clause_passages`]), with the loaded-words runs outside them when
/// `with_runs` (see [`passages`]), each with the proposer that gave it.
pub fn passages_with_kinds(
    ctx: &Context,
    (clauses, words, loaded): (&[f32], &[f32], &[f32]),
    d: Decoding,
    with_runs: bool,
) -> Vec<(usize, usize, f32, PassageKind)> {
    let mut out = Vec::new();
    let mut cut = Vec::new();
    let n = words.len().min(loaded.len());
    for (&(a, b), &p) in ctx.clauses.iter().zip(clauses) {
        let b = b.min(n);
        if p < d.clause || a >= b {
            continue;
        }
        let best_loaded = loaded[a..b].iter().fold(0.0f32, |m, &q| m.max(q));
        if best_loaded >= d.clause_loaded {
            cut.clear();
            runs_between(loaded, d.clause_run, (a, b), &mut cut);
            if !cut.is_empty() {
                out.extend(
                    cut.iter()
                        .map(|&(x, y, _)| (x, y, p, PassageKind::ClauseRun)),
                );
                continue;
            }
        }
        let mut at = (a..b).filter(|&i| words[i] >= d.clause_word);
        let passage = match (at.next(), at.next_back()) {
            (Some(x), Some(y)) if (x, y + 1) != (a, b) => (x, y + 1, p, PassageKind::TrimmedClause),
            (Some(x), None) if (x, x + 1) != (a, b) => (x, x + 1, p, PassageKind::TrimmedClause),
            _ => (a, b, p, PassageKind::WholeClause),
        };
        // A whole clause right after another whole clause of its sentence extends it: one
        // passage over both (dev span F1 +0.004 over four training seeds, fewer and longer
        // passages; see the notes "Session 13").
        match out.last_mut() {
            Some(last)
                if passage.3 == PassageKind::WholeClause
                    && last.3 == PassageKind::WholeClause
                    && last.1 == a
                    && ctx.sentence.get(last.0) == ctx.sentence.get(a) =>
            {
                last.1 = b;
                last.2 = last.2.max(p);
            }
            _ => out.push(passage),
        }
    }
    if with_runs {
        let m = out.len();
        for (a, b, p) in runs(ctx, loaded, d.loaded) {
            if !out[..m].iter().any(|&(x, y, _, _)| a < y && x < b) {
                out.push((a, b, p, PassageKind::LoadedRun));
            }
        }
    }
    out
}

/// The eval's passages: the clause passages (see [`clause_passages`]) and the runs of words
/// whose loaded-words probability (`loaded`) reaches `d.loaded` (see [`runs`]) that overlap
/// none of them. No two passages overlap.
pub fn passages(
    ctx: &Context,
    probs: (&[f32], &[f32], &[f32]),
    d: Decoding,
) -> Vec<(usize, usize, f32)> {
    passages_with_kinds(ctx, probs, d, true)
        .into_iter()
        .map(|(a, b, p, _)| (a, b, p))
        .collect()
}

/// The second stage's word probabilities from the first stage's and the sentences'.
pub(crate) fn second_stage(
    stack: &Linear,
    ctx: &Context,
    (first, sent): (&[f32], &[f32]),
    buf: &mut Vec<(u32, f32)>,
    out: &mut Vec<f32>,
) {
    out.clear();
    out.resize(ctx.tokens.len(), 0.0);
    for (si, &p) in sent.iter().enumerate().take(ctx.sentences.len()) {
        second_stage_sentence(stack, ctx, si, (first, p), buf, out);
    }
}

/// The second stage over the words of sentence `si` (into `out`, as long as the words).
fn second_stage_sentence(
    stack: &Linear,
    ctx: &Context,
    si: usize,
    (first, sentence): (&[f32], f32),
    buf: &mut Vec<(u32, f32)>,
    out: &mut [f32],
) {
    let s = &ctx.sentences[si];
    let stats = features::sentence_stats(first, s);
    let mut score = [0.0f32];
    for i in s.first..(s.first + s.len).min(out.len()) {
        ctx.stacked_features(i, first, (sentence, stats), stack.bits, buf);
        stack.scores(buf, &mut score);
        out[i] = sigmoid(score[0]);
    }
}

/// Runs of words whose probability reaches `threshold` inside one sentence (one word between
/// two such words is bridged when its own probability reaches half the threshold), as (first
/// word, end word, mean probability): the short passages shown in reports.
pub fn runs(ctx: &Context, probs: &[f32], threshold: f32) -> Vec<(usize, usize, f32)> {
    let n = probs.len().min(ctx.tokens.len());
    let mut out = Vec::new();
    let mut a = 0;
    while a < n {
        let s = ctx.sentence[a];
        let mut b = a + 1;
        while b < n && ctx.sentence[b] == s {
            b += 1;
        }
        runs_between(probs, threshold, (a, b), &mut out);
        a = b;
    }
    out
}

/// [`runs`] among the words `lo..hi` (of one sentence), appended to `out`.
fn runs_between(
    probs: &[f32],
    threshold: f32,
    (lo, hi): (usize, usize),
    out: &mut Vec<(usize, usize, f32)>,
) {
    let n = hi.min(probs.len());
    let mut i = lo;
    while i < n {
        if probs[i] < threshold {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        loop {
            if b < n && probs[b] >= threshold {
                b += 1;
            } else if b + 1 < n && probs[b + 1] >= threshold && probs[b] >= threshold * 0.5 {
                b += 2;
            } else {
                break;
            }
        }
        let mean = probs[a..b].iter().sum::<f32>() / (b - a) as f32;
        out.push((a, b, mean));
        i = b;
    }
}

/// Decodes word probabilities into passages, one per sentence at most: a sentence whose
/// highest word probability reaches `sentence_threshold` gives the stretch from its first to its
/// last word whose probability reaches `word_threshold` (at least its most likely word), scored
/// by that highest probability. Returns (first word, end word, score).
pub fn decode(
    ctx: &Context,
    probs: &[f32],
    sentence_threshold: f32,
    word_threshold: f32,
) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    for s in &ctx.sentences {
        let words = s.first..(s.first + s.len).min(probs.len());
        let Some((top, max)) =
            words
                .clone()
                .map(|i| (i, probs[i]))
                .fold(None, |m: Option<(usize, f32)>, (i, p)| match m {
                    Some((_, q)) if q >= p => m,
                    _ => Some((i, p)),
                })
        else {
            continue;
        };
        if max < sentence_threshold {
            continue;
        }
        let mut at_threshold = words.filter(|&i| probs[i] >= word_threshold || i == top);
        let a = at_threshold.next().unwrap_or(top);
        let b = at_threshold.next_back().unwrap_or(a) + 1;
        out.push((a, b, max));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_under_the_run_floor_change_no_run() {
        // detect_in leaves the exponential out under run_floor: the runs are those of every
        // word's probability, on a loaded text and over a sweep of scores near the cut.
        let m = bundled().expect("bundled model");
        let text = "The corrupt regime's thugs unleashed a brutal, shameful crackdown on \
                    peaceful protesters. Critics called the plan a reckless disaster that would \
                    destroy the economy. The committee met on Tuesday to discuss the budget.";
        let mut ctx = Context::default();
        ctx.build(text);
        let mut buf = Vec::new();
        let mut full = Vec::new();
        m.loaded_probabilities(&ctx, &mut buf, &mut full);
        let th = m.show_threshold;
        let floor = run_floor(th);
        assert!(
            floor.is_finite() && sigmoid(floor + 0.4) < th * 0.5,
            "{floor}"
        );
        let floored: Vec<f32> = full
            .iter()
            .map(|&p| {
                let z = (p / (1.0 - p)).ln();
                if z < floor {
                    0.0
                } else {
                    p
                }
            })
            .collect();
        assert_eq!(runs(&ctx, &full, th), runs(&ctx, &floored, th));
        assert!(!runs(&ctx, &full, th).is_empty(), "{full:?}");
        assert_eq!(run_floor(0.0), f32::NEG_INFINITY);
        assert_eq!(run_floor(f32::NAN), f32::NEG_INFINITY);
        assert_eq!(
            m.detect(text, th),
            m.clone().detect(text, th),
            "the cached path (bundled) and the plain one (a copy) agree"
        );
    }

    /// The text of each clause the context built from `text`.
    fn clause_texts_of<'t>(ctx: &Context, text: &'t str) -> Vec<&'t str> {
        ctx.clauses
            .iter()
            .map(|&(a, b)| &text[ctx.tokens[a].start..ctx.tokens[b - 1].end])
            .collect()
    }

    #[test]
    fn bundled_model_loads_and_round_trips() {
        let m = PropagandaModel::from_bytes(MODEL).expect("models/propaganda.bin loads");
        assert_eq!(m.to_bytes(), MODEL);
        assert!(bundled().is_some());
        assert!((0.0..=1.0).contains(&m.show_threshold));
    }

    #[test]
    fn finds_loaded_passages_in_a_propaganda_style_paragraph() {
        let m = bundled().expect("model");
        let text = "The corrupt globalist elites and their lapdog media are waging a shameful war \
                    on ordinary patriots! These traitors will stop at nothing to destroy our \
                    great nation. The council meets on Tuesday at 10 a.m. in the town hall.";
        let found = m.detect(text, m.show_threshold.min(0.5));
        assert!(!found.is_empty(), "nothing found");
        for d in &found {
            assert!(d.start < d.end && d.end <= text.len());
            assert!((0.0..=1.0).contains(&d.score));
            assert!(TECHNIQUES.contains(&d.technique));
        }
        let meeting = text.find("The council").unwrap();
        assert!(
            found.iter().all(|d| d.end <= meeting),
            "the plain sentence has no passage: {found:?}"
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        let m = bundled().expect("model");
        for text in ["", "!", "“", "’‘“”\"'", "é’s ‘’ — – n’t not", "a\n\nb!\n?"]
        {
            for d in m.detect(text, 0.0) {
                assert!(d.start <= d.end && d.end <= text.len());
            }
        }
    }

    #[test]
    fn learned_spans_in_the_report_carry_technique_and_score() {
        let m = bundled().expect("model");
        let title = "Globalist Traitors Plot to Destroy Our Nation";
        let body = "The treasonous globalist elites are once again waging war on ordinary \
                    Americans. These radical leftist thugs hate America and everything it stands \
                    for!\n\nMake no mistake: the deep state and its lapdog media will stop at \
                    nothing to silence patriots. Wake up, America! Shame on every one of these \
                    cowardly, corrupt, lying frauds who sold out our great country.\n\nThe \
                    committee will meet again on Thursday to discuss the budget.";
        let mut doc = newsprobe_core::Document::from_text(Some(title), body);
        crate::annotate(&mut doc, &crate::Models::bundled());
        let learned: Vec<_> = doc
            .framing
            .spans
            .iter()
            .filter(|s| s.rule == RULE)
            .collect();
        for s in &learned {
            let t = s.technique.as_deref().expect("technique");
            assert_eq!(s.category, category(t));
            assert!(s.score.expect("score") >= m.show_threshold - 1e-3);
            assert!(!doc.field(&s.span).is_empty());
        }
        // Lexicon spans carry neither; a learned span never repeats a lexicon span.
        for s in doc.framing.spans.iter().filter(|s| s.rule != RULE) {
            assert!(s.technique.is_none() && s.score.is_none());
            assert!(!learned.iter().any(|l| l.span.field == s.span.field
                && l.category == s.category
                && l.span.start < s.span.end
                && s.span.start < l.span.end));
        }
        // Below the show threshold the tagger does find this text's passages.
        assert!(!m.detect(body, 0.4).is_empty());
    }

    #[test]
    fn detect_shows_the_loaded_words_runs() {
        // `detect` is the runs of the loaded-words tagger's probabilities, each named.
        let m = bundled().expect("model");
        let text = "These corrupt, lying cowards betrayed every patriot in this nation! They \
                    hate our freedom and will stop at nothing. The shameful cover-up goes on.\n\
                    Officials said the report would be published on Monday.";
        let mut ctx = Context::default();
        ctx.build(text);
        let (mut buf, mut probs) = (Vec::new(), Vec::new());
        m.loaded_probabilities(&ctx, &mut buf, &mut probs);
        assert_eq!(probs.len(), ctx.tokens.len());
        for threshold in [0.2f32, 0.3, m.show_threshold] {
            let want: Vec<(usize, usize)> = runs(&ctx, &probs, threshold)
                .into_iter()
                .map(|(a, b, _)| (ctx.tokens[a].start, ctx.tokens[b - 1].end))
                .collect();
            let got: Vec<(usize, usize)> = m
                .detect(text, threshold)
                .iter()
                .map(|d| (d.start, d.end))
                .collect();
            assert_eq!(got, want, "threshold {threshold}");
        }
        let notice = text.find("Officials").unwrap();
        assert!(
            m.detect(text, m.show_threshold)
                .iter()
                .all(|d| d.end <= notice),
            "nothing shown in the plain sentence"
        );
    }

    #[test]
    fn clauses_are_the_span_candidates_and_score_loaded_ones_higher() {
        let m = bundled().expect("model");
        let text = "These shameful traitors, who hate our great nation, will stop at nothing to \
                    destroy it; the council meets on Tuesday in the town hall.";
        let mut ctx = Context::default();
        ctx.build(text);
        let clause_texts = clause_texts_of(&ctx, text);
        assert_eq!(
            clause_texts,
            [
                "These shameful traitors",
                "who hate our great nation",
                "will stop at nothing to destroy it",
                "the council meets on Tuesday in the town hall"
            ]
        );
        // The framing lexicons mark "shameful" and "traitors" (loaded).
        assert!(ctx.lex[1] & 1 != 0 && ctx.lex[2] & 1 != 0, "{:?}", ctx.lex);
        let (mut buf, mut first, mut sent, mut probs, mut clauses) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        m.word_probabilities(&ctx, &mut buf, (&mut first, &mut sent), &mut probs);
        m.clause_probabilities(&ctx, (&first, &sent), &mut buf, &mut clauses);
        assert_eq!(clauses.len(), ctx.clauses.len());
        assert!(clauses.iter().all(|p| (0.0..=1.0).contains(p)));
        assert!(
            clauses[0] > clauses[3],
            "the name-calling clause scores above the meeting notice: {clauses:?}"
        );
        // Passages lie inside clauses, never across two, and never overlap: clauses trimmed to
        // words at the word threshold, or cut to their loaded-words runs.
        let mut loaded = Vec::new();
        m.loaded_probabilities(&ctx, &mut buf, &mut loaded);
        let all_clauses = Decoding {
            clause: 0.0,
            ..m.decoding()
        };
        let disjoint = |ps: &[(usize, usize, f32)]| {
            ps.iter()
                .enumerate()
                .all(|(i, &(a, b, _))| ps[..i].iter().all(|&(x, y, _)| b <= x || y <= a))
        };
        let from_all = clause_passages(&ctx, (&clauses, &probs, &loaded), all_clauses);
        assert!(!from_all.is_empty() && disjoint(&from_all));
        for &(a, b, p) in &from_all {
            assert!(a < b && (0.0..=1.0).contains(&p));
            // Inside one sentence: inside one clause, or whole clauses joined (from a clause's
            // first word to a clause's end).
            assert_eq!(ctx.sentence[a], ctx.sentence[b - 1]);
            assert!(
                ctx.clauses.iter().any(|&(x, y)| x <= a && b <= y)
                    || (ctx.clauses.iter().any(|&(x, _)| x == a)
                        && ctx.clauses.iter().any(|&(_, y)| y == b))
            );
        }
        // A clause that holds a likely loaded word is cut to its runs: each run shown in reports
        // that lies inside a clause is a passage of its own, not the clause around it.
        let cut = Decoding {
            clause: 0.0,
            clause_loaded: 0.0,
            clause_run: m.show_threshold,
            ..m.decoding()
        };
        let shown = runs(&ctx, &loaded, m.show_threshold);
        let cut_passages = clause_passages(&ctx, (&clauses, &probs, &loaded), cut);
        for &(a, b, _) in &shown {
            if ctx.clauses.iter().any(|&(x, y)| x <= a && b <= y) {
                assert!(cut_passages.iter().any(|&(x, y, _)| (x, y) == (a, b)));
            }
        }
        // The eval's passages add loaded-words runs that overlap no clause passage.
        let d = Decoding {
            clause: 0.5,
            clause_word: 0.4,
            clause_loaded: f32::INFINITY,
            clause_run: 0.0,
            loaded: 0.0,
        };
        let all = passages(&ctx, (&clauses, &probs, &loaded), d);
        let from_clauses = clause_passages(&ctx, (&clauses, &probs, &loaded), d);
        assert_eq!(all[..from_clauses.len()], from_clauses[..]);
        assert!(disjoint(&all));
    }

    #[test]
    fn adjacent_whole_clauses_of_a_sentence_make_one_passage() {
        // Four clauses in two sentences; probabilities set by hand: clauses 0 and 1 are whole
        // clauses of sentence one (joined), clause 2 holds a likely loaded word (cut to its
        // run), clause 3 opens sentence two (a passage of its own).
        let text = "They lied to you, they robbed you blind, the crooks. Wake up now.";
        let mut ctx = Context::default();
        ctx.build(text);
        let spans = clause_texts_of(&ctx, text);
        assert_eq!(
            spans,
            [
                "They lied to you",
                "they robbed you blind",
                "the crooks",
                "Wake up now"
            ]
        );
        let n = ctx.tokens.len();
        let words = vec![0.1f32; n];
        let mut loaded = vec![0.0f32; n];
        let crooks = ctx.clauses[2].0 + 1;
        loaded[crooks] = 0.9;
        let d = Decoding {
            clause: 0.3,
            clause_word: 0.5,
            clause_loaded: 0.5,
            clause_run: 0.5,
            loaded: f32::INFINITY,
        };
        let got: Vec<(&str, f32)> =
            clause_passages(&ctx, (&[0.4, 0.6, 0.5, 0.35], &words, &loaded), d)
                .into_iter()
                .map(|(a, b, p)| (&text[ctx.tokens[a].start..ctx.tokens[b - 1].end], p))
                .collect();
        assert_eq!(
            got,
            [
                ("They lied to you, they robbed you blind", 0.6),
                ("crooks", 0.5),
                ("Wake up now", 0.35)
            ]
        );
        // A clause under the threshold between two whole clauses keeps them apart.
        let apart = clause_passages(&ctx, (&[0.4, 0.1, 0.4, 0.35], &words, &vec![0.0; n]), d);
        assert_eq!(apart.len(), 3, "{apart:?}");
    }

    #[test]
    fn techniques_map_to_categories() {
        assert_eq!(category("Loaded_Language"), "loaded");
        assert_eq!(category("Appeal_to_fear-prejudice"), "fear");
        assert_eq!(category("Doubt"), "propaganda");
        assert_eq!(
            TECHNIQUES
                .iter()
                .filter(|t| category(t) == "propaganda")
                .count(),
            10
        );
    }
}
