//! Is a headline clickbait? Logistic regression over lower-cased word uni/bigrams, character
//! 2-5-grams and a few shape features (leading number, question, exclamation, length), trained
//! on the Chakraborty headlines, combined with the news-style sensational cues of
//! `sensational.rs`; those cues and the words with the largest positive contributions are the
//! headline's cues.

use crate::data::Headline;
use crate::features::{self, Features, Token};
use crate::linear::{self, Linear, TrainConfig};
use crate::{sensational, ClickbaitScore, Error};

/// Feature space: 2^18 hashed dimensions.
pub const BITS: u8 = 18;
const MAGIC: &[u8; 4] = b"NPCB";

const NS_WORD: u64 = 0xc11c_0001;
const NS_FIRST: u64 = 0xc11c_0002;
const NS_LAST: u64 = 0xc11c_0003;

/// Dense slots.
const SLOT_STARTS_WITH_NUMBER: u32 = 1;
const SLOT_QUESTION: u32 = 2;
const SLOT_EXCLAMATION: u32 = 3;
const SLOT_LENGTH: u32 = 4;

/// The trained clickbait model.
#[derive(Debug, Clone, PartialEq)]
pub struct ClickbaitModel {
    pub linear: Linear,
    pub seed: u64,
}

/// A word or word pair of the headline and the feature index it maps to.
struct Candidate {
    start: usize,
    end: usize,
    index: u32,
}

fn featurize(headline: &str, with_candidates: bool) -> (Vec<(u32, f32)>, Vec<Candidate>) {
    let tokens: Vec<Token> = features::tokenize(headline);
    let mut f = Features::new(BITS);
    let mut cands = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let i = f.add(features::combine(NS_WORD, t.hash), 1.0);
        if with_candidates {
            cands.push(Candidate {
                start: t.start,
                end: t.end,
                index: i,
            });
        }
        if let Some(n) = tokens.get(k + 1) {
            let i = f.add(
                features::combine(features::combine(NS_WORD, t.hash), n.hash ^ 0x5bd1),
                1.0,
            );
            if with_candidates {
                cands.push(Candidate {
                    start: t.start,
                    end: n.end,
                    index: i,
                });
            }
        }
    }
    if let Some(first) = tokens.first() {
        let h = if first.numeric {
            0x4e55_4d00
        } else {
            first.hash
        };
        f.add(features::combine(NS_FIRST, h), 1.0);
        if first.numeric {
            f.dense(SLOT_STARTS_WITH_NUMBER, 1.0);
        }
    }
    if let Some(last) = tokens.last() {
        f.add(features::combine(NS_LAST, last.hash), 1.0);
    }
    // Digits as a shape, so "17 things" and "23 things" share evidence.
    for t in tokens.iter().filter(|t| t.numeric) {
        f.add_named("cbshape", "num", 1.0);
        if let Some(next) = tokens.iter().find(|n| n.start >= t.end) {
            f.add(features::combine(0x4e55_4d01, next.hash), 1.0);
        }
    }
    let trimmed = headline.trim_end();
    if trimmed.ends_with('?') {
        f.dense(SLOT_QUESTION, 1.0);
    }
    if trimmed.contains('!') {
        f.dense(SLOT_EXCLAMATION, 1.0);
    }
    f.dense(SLOT_LENGTH, (tokens.len() as f32 / 10.0).min(3.0));
    features::add_char_ngrams(&mut f, headline, 2, 5, 3.0);
    (f.finish(), cands)
}

impl ClickbaitModel {
    /// Probability and cue words.
    pub fn score(&self, headline: &str) -> ClickbaitScore {
        let (x, cands) = featurize(headline, true);
        let rule_cues = sensational::cues(headline);
        let model_probability = self.linear.probability(&x);
        let probability = sensational::combine(model_probability, rule_cues.len());
        let rule_weight = -(1.0 - sensational::CUE_PROBABILITY).ln();
        let mut chosen: Vec<(usize, usize, f32)> = rule_cues
            .iter()
            .map(|&(a, b)| (a, b, rule_weight))
            .collect();
        // Model cues only when the model itself calls the headline clickbait.
        let max_cues = chosen.len() + if model_probability >= 0.5 { 3 } else { 0 };
        let mut cues: Vec<(usize, usize, f32)> = cands
            .iter()
            .map(|c| (c.start, c.end, self.linear.weight(c.index, 0)))
            .filter(|c| c.2 > 0.25)
            .collect();
        cues.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        for c in cues {
            if chosen.len() >= max_cues {
                break;
            }
            if chosen.iter().all(|o| c.1 <= o.0 || c.0 >= o.1) {
                chosen.push(c);
            }
        }
        chosen.sort_by_key(|c| c.0);
        ClickbaitScore {
            probability,
            cues: chosen,
        }
    }

    /// Probability only (no cue bookkeeping).
    pub fn probability(&self, headline: &str) -> f32 {
        let model = self.linear.probability(&featurize(headline, false).0);
        sensational::combine(model, sensational::cues(headline).len())
    }

    /// Trains on labelled headlines.
    pub fn train(data: &[Headline], seed: u64) -> Result<ClickbaitModel, Error> {
        if data.is_empty() {
            return Err(Error::Data("no clickbait training headlines".into()));
        }
        let examples: Vec<linear::Example> = data
            .iter()
            .map(|h| (featurize(&h.text, false).0, h.clickbait as usize))
            .collect();
        let cfg = TrainConfig {
            epochs: 10,
            learning_rate: 0.2,
            l2: 1e-5,
            seed,
            class_weights: Vec::new(),
            average: false,
        };
        let linear = Linear::train(BITS, 1, &examples, &cfg).quantized()?;
        Ok(ClickbaitModel { linear, seed })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        linear::write_seeded(MAGIC, self.seed, &self.linear)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ClickbaitModel, Error> {
        let (seed, linear) = linear::read_seeded(bytes, MAGIC, "clickbait")?;
        Ok(ClickbaitModel { linear, seed })
    }
}

/// Accuracy of a model on labelled headlines.
pub fn accuracy(model: &ClickbaitModel, data: &[Headline]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let right = data
        .iter()
        .filter(|h| (model.probability(&h.text) >= 0.5) == h.clickbait)
        .count();
    right as f64 / data.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Vec<Headline> {
        let bait = [
            "You Won't Believe What This Dog Did Next",
            "17 Things Only Night Owls Will Understand",
            "This Quiz Will Tell You Which Pasta You Are",
            "Here's Why Everyone Is Talking About This Sandwich",
        ];
        let news = [
            "Parliament approves budget after late-night session",
            "Storm cuts power to thousands on the coast",
            "Central bank holds interest rates steady",
            "Court upholds ruling on harbour expansion",
        ];
        bait.iter()
            .map(|t| (t, true))
            .chain(news.iter().map(|t| (t, false)))
            .map(|(t, c)| Headline {
                text: t.to_string(),
                clickbait: c,
            })
            .collect()
    }

    #[test]
    fn learns_and_marks_cues_inside_the_headline() {
        let m = ClickbaitModel::train(&tiny(), 7).unwrap();
        let h = "You Won't Believe These 12 Harbour Photos";
        let s = m.score(h);
        assert!(s.probability > 0.5, "{s:?}");
        assert!(!s.cues.is_empty());
        for &(a, b, w) in &s.cues {
            assert!(h.is_char_boundary(a) && h.is_char_boundary(b) && a < b && w > 0.0);
        }
        assert!(m.probability("Court approves harbour budget") < 0.5);
    }

    #[test]
    fn same_seed_same_bytes_and_round_trip() {
        let a = ClickbaitModel::train(&tiny(), 3).unwrap().to_bytes();
        let b = ClickbaitModel::train(&tiny(), 3).unwrap().to_bytes();
        assert_eq!(a, b);
        let m = ClickbaitModel::from_bytes(&a).unwrap();
        assert_eq!(m.to_bytes(), a);
        assert!(ClickbaitModel::from_bytes(&a[..10]).is_err());
    }

    #[test]
    fn odd_input_does_not_panic() {
        let m = ClickbaitModel::train(&tiny(), 1).unwrap();
        for h in ["", "?", "日本の港", "  \u{200b} ", "’’’"] {
            let s = m.score(h);
            assert!((0.0..=1.0).contains(&s.probability));
        }
    }
}
