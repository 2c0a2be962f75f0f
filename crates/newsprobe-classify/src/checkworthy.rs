//! Is a sentence a check-worthy factual claim? Logistic regression over lower-cased word
//! uni/bigrams and claim cues: numbers, percentages, money, years and months, named actors
//! (capitalised words inside the sentence), causal and comparative verbs, first and second
//! person, questions, length, and the shapes of word triples. Trained on ClaimBuster and the CheckThat! 2019 debates.

use std::sync::LazyLock;

use crate::data::{Claim, DebateLine};
use crate::features::{self, Features, Lexicon};
use crate::linear::{self, Linear, TrainConfig};
use crate::Error;

/// Feature space: 2^18 hashed dimensions.
pub const BITS: u8 = 18;
const MAGIC: &[u8; 4] = b"NPCW";
const NS_WORD: u64 = 0xc4ec_0001;

/// Loss weights of CheckThat! lines relative to a ClaimBuster sentence. Their labels are
/// stricter (only the claims fact-checkers chose, about 3% of lines), so the debates add a
/// small, roughly class-balanced share. Chosen on a balanced dev split of the ClaimBuster pool.
pub const CHECKTHAT_NEGATIVE_WEIGHT: f32 = 0.1;
pub const CHECKTHAT_POSITIVE_WEIGHT: f32 = 3.0;

/// ClaimBuster positives are weighted `POSITIVE_BOOST * negatives / positives`: class balance
/// (the test set is balanced) times a recall boost chosen on a balanced dev split of the pool
/// (the model is otherwise over-confident on the training positives and misses new ones).
pub const POSITIVE_BOOST: f32 = 4.0;

mod slot {
    pub const NUMBER: u32 = 1;
    pub const NUMBERS: u32 = 2;
    pub const PERCENT: u32 = 3;
    pub const MONEY: u32 = 4;
    pub const YEAR: u32 = 5;
    pub const MONTH: u32 = 6;
    pub const ACTORS: u32 = 7;
    pub const CAUSAL: u32 = 8;
    pub const COMPARATIVE: u32 = 9;
    pub const FIRST_SINGULAR: u32 = 10;
    pub const FIRST_PLURAL: u32 = 11;
    pub const SECOND: u32 = 12;
    pub const QUESTION: u32 = 13;
    pub const LENGTH: u32 = 14;
    pub const SHORT: u32 = 15;
    pub const QUANTITY_WORD: u32 = 16;
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "yesterday",
    "today",
    "decade",
    "decades",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "since",
];
const CAUSAL: &[&str] = &[
    "cause",
    "caused",
    "causes",
    "causing",
    "led",
    "lead",
    "leads",
    "result",
    "resulted",
    "results",
    "because",
    "due",
    "created",
    "create",
    "creates",
    "cut",
    "cuts",
    "raised",
    "raise",
    "raises",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "reduced",
    "reduce",
    "doubled",
    "tripled",
    "rose",
    "fell",
    "grown",
    "grew",
    "lost",
    "lose",
    "voted",
    "vote",
    "passed",
    "signed",
    "spent",
    "spend",
    "killed",
    "destroyed",
    "added",
    "paid",
    "pays",
];
const COMPARATIVE: &[&str] = &[
    "more", "less", "fewer", "than", "most", "least", "highest", "lowest", "largest", "biggest",
    "smallest", "worst", "best", "record", "first", "only", "every", "all", "none", "twice",
    "half", "times",
];
const QUANTITY: &[&str] = &[
    "percent",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dollars",
    "jobs",
    "tax",
    "taxes",
    "deficit",
    "debt",
    "budget",
    "unemployment",
    "rate",
];
const FIRST_SINGULAR: &[&str] = &["i", "me", "my", "mine", "i'm", "i've", "i'll", "i'd"];
const FIRST_PLURAL: &[&str] = &["we", "us", "our", "ours", "we're", "we've", "we'll"];
const SECOND: &[&str] = &["you", "your", "yours", "you're", "you've", "you'll"];

mod flag {
    pub const MONTH: u16 = 1;
    pub const CAUSAL: u16 = 2;
    pub const COMPARATIVE: u16 = 4;
    pub const QUANTITY: u16 = 8;
    pub const FIRST_SINGULAR: u16 = 16;
    pub const FIRST_PLURAL: u16 = 32;
    pub const SECOND: u16 = 64;
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::default()
        .with(MONTHS, flag::MONTH)
        .with(CAUSAL, flag::CAUSAL)
        .with(COMPARATIVE, flag::COMPARATIVE)
        .with(QUANTITY, flag::QUANTITY)
        .with(FIRST_SINGULAR, flag::FIRST_SINGULAR)
        .with(FIRST_PLURAL, flag::FIRST_PLURAL)
        .with(SECOND, flag::SECOND)
});

/// The word lists of the claim cues, as flags per word hash (for callers that look each word up
/// once for several models: [`CheckworthyModel::score_spans_flagged`]).
pub fn lexicon() -> &'static Lexicon {
    &LEX
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Reusable buffers of [`featurize_into`]: score many sentences without allocating per sentence.
#[derive(Debug, Default)]
pub struct Scratch {
    tokens: Vec<features::Token>,
    /// Lexicon flags per token.
    flags: Vec<u16>,
    /// Holds the finished features of the last sentence.
    features: features::Buffers,
}

/// Hashes of the cue-conjunction features, in the order they are added.
static CONJUNCTIONS: LazyLock<[u64; 4]> = LazyLock::new(|| {
    ["num+quant", "num+causal", "actor+causal", "year+actor"]
        .map(|name| features::hash_str("cwx", name))
});

/// Features of one sentence.
pub fn featurize(sentence: &str) -> Vec<(u32, f32)> {
    let mut scratch = Scratch::default();
    featurize_into(sentence, &mut scratch, true);
    scratch.features.items().to_vec()
}

/// [`featurize`] into `scratch.features`; `merge`: sorted by index with duplicates summed, as
/// training wants them, else in the order they were made, which scores the same up to the
/// rounding of the float sum (scoring needs no sort: a linear model sums over the features).
fn featurize_into(sentence: &str, scratch: &mut Scratch, merge: bool) {
    let mut tokens = std::mem::take(&mut scratch.tokens);
    features::tokenize_into(sentence, &mut tokens);
    featurize_tokens(sentence, 0, (&tokens, None), scratch, merge);
    scratch.tokens = tokens;
}

/// [`featurize_into`] of a sentence whose tokens are `tokens`, with their byte offsets counted
/// from `base` bytes before the sentence (0: offsets in `sentence`; the sentence's start in the
/// whole text: the whole text's tokens, not copied). The features read each token's words
/// only, never its `sentence_start`. `given`: the tokens' [`lexicon`] flags, when the caller
/// has looked them up already.
fn featurize_tokens(
    sentence: &str,
    base: usize,
    (tokens, given): (&[features::Token], Option<&[u16]>),
    scratch: &mut Scratch,
    merge: bool,
) {
    let Scratch {
        tokens: _,
        flags: own,
        features: buffers,
    } = scratch;
    let flags: &[u16] = match given {
        Some(given) if given.len() == tokens.len() => given,
        _ => {
            let lex = &*LEX;
            own.clear();
            own.extend(tokens.iter().map(|t| lex.get(t.hash)));
            own
        }
    };
    let mut f = Features::with_buffers(BITS, std::mem::take(buffers));
    features::add_word_ngrams(&mut f, tokens, NS_WORD, 1.0);
    // Shapes of word triples (number, capitalised, cue word, other): "in 2019 the", "Senator Ruiz
    // voted" generalise beyond the words themselves.
    let shape = |k: usize| -> u64 {
        let t = &tokens[k];
        if t.numeric {
            1
        } else if t.capitalized {
            2
        } else if flags[k] != 0 {
            3
        } else {
            4
        }
    };
    if tokens.len() >= 3 {
        let (mut s0, mut s1) = (shape(0), shape(1));
        for k in 2..tokens.len() {
            let s2 = shape(k);
            let code = s0 * 100 + s1 * 10 + s2;
            f.add(features::combine(0x5a9e, code), 0.3);
            (s0, s1) = (s1, s2);
        }
    }
    let (mut numbers, mut years, mut months, mut actors, mut causal, mut comparative) =
        (0, 0, 0, 0, 0, 0);
    let (mut quantity, mut fs, mut fp, mut sec) = (0, 0, 0, 0);
    for (k, (t, &fl)) in tokens.iter().zip(flags.iter()).enumerate() {
        let word = sentence
            .get(t.start.wrapping_sub(base)..t.end.wrapping_sub(base))
            .unwrap_or("");
        if t.numeric {
            numbers += 1;
            years += is_year(word) as usize;
        }
        // A capitalised word that is not the first of the sentence and not "I".
        if t.capitalized && k > 0 && word != "I" && !word.starts_with("I'") {
            actors += 1;
        }
        if fl == 0 {
            continue;
        }
        let on = |f: u16| (fl & f != 0) as usize;
        months += on(flag::MONTH);
        causal += on(flag::CAUSAL);
        comparative += on(flag::COMPARATIVE);
        quantity += on(flag::QUANTITY);
        fs += on(flag::FIRST_SINGULAR);
        fp += on(flag::FIRST_PLURAL);
        sec += on(flag::SECOND);
    }
    let b = |n: usize| (n > 0) as u8 as f32;
    f.dense(slot::NUMBER, b(numbers));
    f.dense(slot::NUMBERS, (numbers as f32).min(4.0) / 4.0);
    let (mut percent, mut money, mut question) = (false, false, false);
    for byte in sentence.bytes() {
        percent |= byte == b'%';
        money |= byte == b'$';
        question |= byte == b'?';
    }
    f.dense(slot::PERCENT, percent as u8 as f32);
    f.dense(slot::MONEY, money as u8 as f32);
    f.dense(slot::YEAR, b(years));
    f.dense(slot::MONTH, b(months));
    f.dense(slot::ACTORS, (actors as f32).min(4.0) / 4.0);
    f.dense(slot::CAUSAL, b(causal));
    f.dense(slot::COMPARATIVE, b(comparative));
    f.dense(slot::QUANTITY_WORD, b(quantity));
    f.dense(slot::FIRST_SINGULAR, b(fs));
    f.dense(slot::FIRST_PLURAL, b(fp));
    f.dense(slot::SECOND, b(sec));
    f.dense(slot::QUESTION, question as u8 as f32);
    f.dense(slot::LENGTH, (tokens.len() as f32 / 40.0).min(2.0));
    f.dense(slot::SHORT, (tokens.len() < 6) as u8 as f32);
    // Conjunctions of cues, as hashed features.
    let conjunctions = &*CONJUNCTIONS;
    for (&h, on) in conjunctions.iter().zip([
        numbers > 0 && quantity > 0,
        numbers > 0 && causal > 0,
        actors > 0 && causal > 0,
        years > 0 && actors > 0,
    ]) {
        if on {
            f.add(h, 1.0);
        }
    }
    let len_bin = (tokens.len() / 5).min(8) as u64;
    f.add(features::combine(0x1e9b, len_bin), 1.0);
    if merge {
        f.finish_in_place();
    }
    *buffers = f.into_buffers();
}

/// The trained check-worthiness model.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckworthyModel {
    pub seed: u64,
    pub linear: Linear,
}

impl CheckworthyModel {
    /// Check-worthiness of a sentence, 0..1.
    pub fn score(&self, sentence: &str) -> f32 {
        self.score_with(sentence, &mut Scratch::default())
    }

    /// [`Self::score`] with caller-held buffers.
    pub fn score_with(&self, sentence: &str, scratch: &mut Scratch) -> f32 {
        featurize_into(sentence, scratch, false);
        self.linear.probability(scratch.features.items())
    }

    /// Check-worthiness of each sentence `text[start..end]` of `sentences`, reading its words
    /// from `tokens` (the [`features::tokenize`] tokens of the whole `text`) instead of
    /// tokenizing each sentence again: the same scores as [`Self::score_all`].
    pub fn score_spans(
        &self,
        text: &str,
        tokens: &[features::Token],
        sentences: impl IntoIterator<Item = (usize, usize)>,
    ) -> Vec<f32> {
        self.score_spans_flagged(text, (tokens, None), sentences)
    }

    /// [`Self::score_spans`] with the tokens' [`lexicon`] flags (one per token of `tokens`)
    /// given, when the caller has them: the same scores.
    pub fn score_spans_flagged(
        &self,
        text: &str,
        (tokens, flags): (&[features::Token], Option<&[u16]>),
        sentences: impl IntoIterator<Item = (usize, usize)>,
    ) -> Vec<f32> {
        let flags = flags.filter(|f| f.len() == tokens.len());
        let mut scratch = Scratch::default();
        sentences
            .into_iter()
            .map(|(start, end)| {
                let sentence = text.get(start..end).unwrap_or("");
                let words = (end.checked_sub(start) == Some(sentence.len()))
                    .then(|| features::tokens_within_range(tokens, start, end))
                    .flatten();
                if let Some(r) = words {
                    let given = flags.and_then(|f| f.get(r.clone()));
                    featurize_tokens(sentence, start, (&tokens[r], given), &mut scratch, false);
                } else {
                    featurize_into(sentence, &mut scratch, false);
                }
                self.linear.probability(scratch.features.items())
            })
            .collect()
    }

    /// Check-worthiness of each of `sentences`, with one set of buffers.
    pub fn score_all<'a>(&self, sentences: impl IntoIterator<Item = &'a str>) -> Vec<f32> {
        let mut scratch = Scratch::default();
        sentences
            .into_iter()
            .map(|s| self.score_with(s, &mut scratch))
            .collect()
    }

    /// Trains on ClaimBuster sentences and CheckThat! lines, weighted as the constants above say.
    pub fn train(claims: &[Claim], lines: &[DebateLine], seed: u64) -> Result<Self, Error> {
        if claims.is_empty() && lines.is_empty() {
            return Err(Error::Data("no check-worthiness training data".into()));
        }
        let pos = claims.iter().filter(|c| c.label == 1).count().max(1) as f32;
        let neg = claims.iter().filter(|c| c.label != 1).count().max(1) as f32;
        let mut examples = Vec::with_capacity(claims.len() + lines.len());
        let mut weights = Vec::with_capacity(claims.len() + lines.len());
        for c in claims {
            examples.push((featurize(&c.text), (c.label == 1) as usize));
            weights.push(if c.label == 1 {
                POSITIVE_BOOST * neg / pos
            } else {
                1.0
            });
        }
        for l in lines {
            examples.push((featurize(&l.text), (l.label == 1) as usize));
            weights.push(if l.label == 1 {
                CHECKTHAT_POSITIVE_WEIGHT
            } else {
                CHECKTHAT_NEGATIVE_WEIGHT
            });
        }
        let cfg = TrainConfig {
            epochs: 3,
            learning_rate: 0.05,
            l2: 1e-5,
            seed,
            class_weights: Vec::new(),
            average: false,
        };
        let linear = Linear::train_weighted(BITS, 1, &examples, &weights, &cfg).quantized()?;
        Ok(CheckworthyModel { seed, linear })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        linear::write_seeded(MAGIC, self.seed, &self.linear)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (seed, linear) = linear::read_seeded(bytes, MAGIC, "check-worthiness")?;
        Ok(CheckworthyModel { seed, linear })
    }
}

/// F1 of the positive class at probability 0.5: (precision, recall, F1).
pub fn f1(model: &CheckworthyModel, claims: &[Claim]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for c in claims {
        let pred = model.score(&c.text) >= 0.5;
        match (pred, c.label == 1) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fneg == 0 {
        0.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Dev F1: the ClaimBuster pool cut into `folds` seeded folds; each fold, balanced like the
/// test set (all its positives and as many negatives), is scored by a model trained on the
/// rest of the pool and all CheckThat! lines. Returns the mean F1.
pub fn cross_validated_f1(
    pool: &[Claim],
    lines: &[DebateLine],
    seed: u64,
    folds: usize,
) -> Result<f64, Error> {
    let folds = folds.max(2);
    let mut order: Vec<usize> = (0..pool.len()).collect();
    crate::linear::Rng::new(seed).shuffle(&mut order);
    let size = pool.len() / folds;
    let mut total = 0.0;
    for fold in 0..folds {
        let held = order.get(fold * size..(fold + 1) * size).unwrap_or(&[]);
        let mut is_held = vec![false; pool.len()];
        for &i in held {
            is_held[i] = true;
        }
        let rest: Vec<Claim> = pool
            .iter()
            .zip(&is_held)
            .filter(|(_, &h)| !h)
            .map(|(c, _)| c.clone())
            .collect();
        let positives: Vec<Claim> = held
            .iter()
            .filter_map(|&i| pool.get(i))
            .filter(|c| c.label == 1)
            .cloned()
            .collect();
        let mut dev = positives.clone();
        dev.extend(
            held.iter()
                .filter_map(|&i| pool.get(i))
                .filter(|c| c.label != 1)
                .take(positives.len())
                .cloned(),
        );
        let model = CheckworthyModel::train(&rest, lines, seed)?;
        total += f1(&model, &dev).2;
    }
    Ok(total / folds as f64)
}

/// Average precision of a ranking of labels (best first); 0 when there is no positive.
pub fn average_precision(ranked_labels: &[bool]) -> f64 {
    let total = ranked_labels.iter().filter(|&&l| l).count();
    if total == 0 {
        return 0.0;
    }
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (k, &l) in ranked_labels.iter().enumerate() {
        if l {
            hits += 1;
            sum += hits as f64 / (k + 1) as f64;
        }
    }
    sum / total as f64
}

/// Leave-one-debate-out MAP over the CheckThat! debates: for each debate, train on the
/// ClaimBuster pool and the other debates, rank the held-out debate's lines, average precision;
/// returns (MAP, per-debate (name, AP)).
pub fn leave_one_debate_out(
    claims: &[Claim],
    lines: &[DebateLine],
    seed: u64,
) -> Result<(f64, Vec<(String, f64)>), Error> {
    let mut debates: Vec<&str> = lines.iter().map(|l| l.debate.as_str()).collect();
    debates.sort_unstable();
    debates.dedup();
    let mut per = Vec::new();
    for d in &debates {
        let others: Vec<DebateLine> = lines.iter().filter(|l| l.debate != *d).cloned().collect();
        let model = CheckworthyModel::train(claims, &others, seed)?;
        let mut scored: Vec<(f32, usize, bool)> = lines
            .iter()
            .filter(|l| l.debate == *d)
            .enumerate()
            .map(|(k, l)| (model.score(&l.text), k, l.label == 1))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let labels: Vec<bool> = scored.iter().map(|s| s.2).collect();
        per.push((d.to_string(), average_precision(&labels)));
    }
    if per.is_empty() {
        return Err(Error::Data("no CheckThat! debates".into()));
    }
    let map = per.iter().map(|p| p.1).sum::<f64>() / per.len() as f64;
    Ok((map, per))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Vec<Claim> {
        let rows = [
            (
                "Unemployment fell to 4.1 percent in March, the lowest rate since 2001.",
                1,
            ),
            ("We cut taxes for 95 percent of working families.", 1),
            (
                "The deficit doubled under the last administration to $1.4 trillion.",
                1,
            ),
            (
                "Senator Ruiz voted against the highway bill three times.",
                1,
            ),
            ("Thank you all for being here tonight.", 0),
            ("I think that's a great question.", 0),
            ("We have to believe in ourselves again.", 0),
            ("Good evening, everyone.", 0),
        ];
        rows.iter()
            .enumerate()
            .map(|(i, (t, l))| Claim {
                sentence_id: i as u64,
                label: *l,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn factual_claims_outrank_pleasantries() {
        let m = CheckworthyModel::train(&claims(), &[], 9).unwrap();
        let claim = m.score("Exports rose 12 percent in 2019, the biggest increase in a decade.");
        let chat = m.score("Thank you, it is wonderful to be here.");
        assert!(claim > chat, "{claim} vs {chat}");
        assert_eq!(f1(&m, &claims()).2, 1.0);
    }

    #[test]
    fn same_seed_same_bytes_and_round_trip() {
        let a = CheckworthyModel::train(&claims(), &[], 2)
            .unwrap()
            .to_bytes();
        assert_eq!(
            a,
            CheckworthyModel::train(&claims(), &[], 2)
                .unwrap()
                .to_bytes()
        );
        let m = CheckworthyModel::from_bytes(&a).unwrap();
        assert_eq!(m.to_bytes(), a);
        assert!(CheckworthyModel::from_bytes(&a[..a.len() - 3]).is_err());
    }

    #[test]
    fn average_precision_matches_hand_computation() {
        assert_eq!(
            average_precision(&[true, false, true]),
            (1.0 + 2.0 / 3.0) / 2.0
        );
        assert_eq!(average_precision(&[false, false]), 0.0);
    }
}
