//! Does the body support the headline? FNC-1 stance in two stages, in the spirit of the FNC-1
//! baseline and winners: a relatedness model (TF-IDF cosine, word, bigram and per-sentence
//! overlap between headline and body, binned) decides related/unrelated; a softmax model then
//! picks agree/disagree/discuss from the same overlap features plus refuting and hedging words
//! (in the headline, the body, its lead and the body sentences closest to the headline) and
//! polarity. No word n-grams of the headline or body: FNC-1 headlines recur across the bodies of
//! one story, so such features (and word vectors learned from the stories) memorise stories
//! and fail on new ones; the dev split holds out whole stories to measure exactly that.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use newsprobe_core::Stance;

use crate::data::{Fnc, StancePair};
use crate::features::{self, Features, Lexicon, Sparse, Token};
use crate::linear::{self, Linear, Reader, TrainConfig};
use crate::Error;

const MAGIC: &[u8; 4] = b"NPST";
/// Hashed IDF table size (2^16 buckets, one byte each).
const IDF_BITS: u8 = 16;
/// Feature space of the relatedness model.
const RELATED_BITS: u8 = 12;
/// Feature space of the agree/disagree/discuss model.
const STANCE_BITS: u8 = 14;
/// Share of the FNC-1 bodies held out as dev.
pub const DEV_SHARE: f64 = 0.2;
/// Sentences of the body read (the rest of a very long body is ignored).
const MAX_SENTENCES: usize = 80;
/// Sentences counted as the lead.
const LEAD_SENTENCES: usize = 3;

/// Stance classes of the second stage, in output order.
const CLASSES: [Stance; 3] = [Stance::Agree, Stance::Disagree, Stance::Discuss];

const REFUTING: &[&str] = &[
    "fake",
    "fraud",
    "hoax",
    "false",
    "deny",
    "denies",
    "denied",
    "denying",
    "not",
    "despite",
    "nope",
    "doubt",
    "doubts",
    "bogus",
    "debunk",
    "debunked",
    "debunks",
    "prank",
    "pranks",
    "retract",
    "retracted",
    "retraction",
    "refute",
    "refutes",
    "refuted",
    "untrue",
    "no",
    "never",
    "misleading",
    "myth",
    "fabricated",
    "satire",
    "satirical",
    "unfounded",
    "baseless",
    "dismissed",
    "rejects",
    "rejected",
    "isn't",
    "wasn't",
    "didn't",
    "doesn't",
    "don't",
    "won't",
    "nothing",
];

const HEDGING: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "claims",
    "claim",
    "claimed",
    "claiming",
    "apparently",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "unconfirmed",
    "purportedly",
    "supposedly",
    "may",
    "might",
    "could",
    "possibly",
    "according",
    "suggests",
    "suggested",
    "appears",
    "unverified",
    "speculation",
    "speculated",
    "believed",
    "reports",
    "report",
    "reported",
    "says",
    "said",
    "say",
    "if",
    "whether",
    "perhaps",
    "seems",
    "likely",
];

const STOP: u16 = 1;
const REFUTE: u16 = 2;
const HEDGE: u16 = 4;
/// Plain attribution ("said", "according to"): a hedge feature of the model, but a lead that
/// attributes a statement still states it (see `Pair::stated_in_lead`).
const ATTRIBUTION: u16 = 8;
const ATTRIBUTION_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "according",
    "reported",
    "report",
    "reports",
    "told",
];

/// A word that hedges or refutes, plain attribution aside.
fn doubts(f: u16) -> bool {
    f & REFUTE != 0 || (f & HEDGE != 0 && f & ATTRIBUTION == 0)
}

/// The stance model's word lists, as flags per word hash (for callers that look each word up
/// once for several models: [`StanceModel::predict_tokens_flagged`]).
pub fn lexicon() -> &'static Lexicon {
    &LEX
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::default()
        .with(features::STOPWORDS, STOP)
        .with(REFUTING, REFUTE)
        .with(HEDGING, HEDGE)
        .with(ATTRIBUTION_WORDS, ATTRIBUTION)
});

/// Hashed document frequencies, as inverse document frequency per bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Idf {
    /// `round(idf * 16)` per bucket.
    table: Vec<u8>,
}

impl Idf {
    fn bucket(h: u64) -> usize {
        ((h ^ (h >> 29)) as usize) & ((1 << IDF_BITS) - 1)
    }

    /// IDF from a set of documents: `ln((N + 1) / (df + 1)) + 1`.
    pub fn from_documents<'a>(docs: impl Iterator<Item = &'a str>) -> Idf {
        let mut df = vec![0u32; 1 << IDF_BITS];
        let mut n = 0u32;
        let mut seen = HashSet::new();
        for d in docs {
            n += 1;
            seen.clear();
            for t in features::tokenize(d) {
                if seen.insert(Self::bucket(t.hash)) {
                    df[Self::bucket(t.hash)] += 1;
                }
            }
        }
        let table = df
            .iter()
            .map(|&c| {
                let idf = ((f64::from(n) + 1.0) / (f64::from(c) + 1.0)).ln() + 1.0;
                (idf * 16.0).round().clamp(0.0, 255.0) as u8
            })
            .collect();
        Idf { table }
    }

    pub fn get(&self, h: u64) -> f32 {
        self.table
            .get(Self::bucket(h))
            .map_or(1.0, |&v| f32::from(v) / 16.0)
    }
}

/// What the stance features need from a body, computed once per body.
#[derive(Debug, Clone)]
pub struct BodyInfo<'t> {
    /// Word tokens of the first `MAX_SENTENCES` sentences (borrowed from the caller's tokens
    /// of the whole body where it has them: no copy per article).
    tokens: std::borrow::Cow<'t, [Token]>,
    /// Lexicon flags (`STOP`, `REFUTE`, `HEDGE`) per token (borrowed where the caller has them).
    flags: std::borrow::Cow<'t, [u16]>,
    /// Token ranges of the sentences.
    sentences: Vec<(usize, usize)>,
    /// TF-IDF weight of each content word, sorted by word hash; and the vector norm.
    tfidf: Vec<(u64, f32)>,
    norm: f32,
    refutes: usize,
    hedges: usize,
}

fn bigram(a: u64, b: u64) -> u64 {
    features::combine(a, b ^ 0xb16a)
}

impl<'t> BodyInfo<'t> {
    pub fn new(body: &str, idf: &Idf) -> BodyInfo<'static> {
        let mut tokens = Vec::with_capacity(body.len() / 5 + 1);
        features::tokenize_sentences_into(body, MAX_SENTENCES, &mut tokens);
        BodyInfo::of_tokens(std::borrow::Cow::Owned(tokens), None, idf)
    }

    /// [`Self::new`] from the [`features::tokenize`] tokens of the whole body.
    pub fn from_tokens(tokens: &'t [Token], idf: &Idf) -> BodyInfo<'t> {
        Self::from_tokens_flagged(tokens, None, idf)
    }

    /// [`Self::from_tokens`] with the tokens' [`lexicon`] flags (one per token of `tokens`)
    /// given, when the caller has them.
    pub fn from_tokens_flagged(
        tokens: &'t [Token],
        flags: Option<&'t [u16]>,
        idf: &Idf,
    ) -> BodyInfo<'t> {
        let tokens = features::first_sentences(tokens, MAX_SENTENCES);
        let flags = flags.and_then(|f| f.get(..tokens.len()));
        Self::of_tokens(std::borrow::Cow::Borrowed(tokens), flags, idf)
    }

    /// The body's facts from the tokens of its first `MAX_SENTENCES` sentences (and their
    /// [`lexicon`] flags, when given).
    fn of_tokens(
        tokens: std::borrow::Cow<'t, [Token]>,
        given: Option<&'t [u16]>,
        idf: &Idf,
    ) -> BodyInfo<'t> {
        let mut sentences: Vec<(usize, usize)> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if t.sentence_start || sentences.is_empty() {
                sentences.push((k, k));
            }
            if let Some(s) = sentences.last_mut() {
                s.1 = k + 1;
            }
        }
        let lex = &*LEX;
        let flags: std::borrow::Cow<'t, [u16]> = match given {
            Some(given) if given.len() == tokens.len() => std::borrow::Cow::Borrowed(given),
            _ => std::borrow::Cow::Owned(tokens.iter().map(|t| lex.get(t.hash)).collect()),
        };
        let (mut refutes, mut hedges) = (0, 0);
        let mut content: Vec<u64> = Vec::with_capacity(tokens.len());
        for (t, &fl) in tokens.iter().zip(flags.iter()) {
            refutes += (fl & REFUTE != 0) as usize;
            hedges += (fl & HEDGE != 0) as usize;
            if fl & STOP == 0 {
                content.push(t.hash);
            }
        }
        // Term frequencies: runs of equal hashes once sorted.
        content.sort_unstable();
        let mut tfidf: Vec<(u64, f32)> = Vec::with_capacity(content.len());
        for h in content {
            match tfidf.last_mut() {
                Some(last) if last.0 == h => last.1 += 1.0,
                _ => tfidf.push((h, 1.0)),
            }
        }
        // Summed in hash order (map iteration order is not part of the model's contract).
        let mut norm2 = 0.0f32;
        for (h, w) in tfidf.iter_mut() {
            *w = (1.0 + w.ln()) * idf.get(*h);
            norm2 += *w * *w;
        }
        BodyInfo {
            tokens,
            flags,
            sentences,
            tfidf,
            norm: norm2.sqrt(),
            refutes,
            hedges,
        }
    }

    /// TF-IDF weight of a content word of the body.
    fn tfidf(&self, h: u64) -> Option<f32> {
        self.tfidf
            .binary_search_by_key(&h, |w| w.0)
            .ok()
            .map(|i| self.tfidf[i].1)
    }

    fn sentence(&self, k: usize) -> (&[Token], &[u16]) {
        match self.sentences.get(k) {
            Some(&(a, b)) => (
                self.tokens.get(a..b).unwrap_or(&[]),
                self.flags.get(a..b).unwrap_or(&[]),
            ),
            None => (&[], &[]),
        }
    }
}

/// Dense slots of the stance features.
mod slot {
    pub const COS: u32 = 1;
    pub const OVERLAP: u32 = 2;
    pub const OVERLAP_LEAD: u32 = 3;
    pub const BEST_SENTENCE: u32 = 4;
    pub const SECOND_SENTENCE: u32 = 5;
    pub const BIGRAMS: u32 = 6;
    pub const IDF_OVERLAP: u32 = 7;
    pub const HEAD_REFUTE: u32 = 8;
    pub const BODY_REFUTE: u32 = 9;
    pub const TOP_REFUTE: u32 = 10;
    pub const BODY_HEDGE: u32 = 11;
    pub const TOP_HEDGE: u32 = 12;
    pub const HEAD_HEDGE: u32 = 13;
    pub const QUESTION: u32 = 14;
    pub const POLARITY: u32 = 15;
    pub const NO_HEADLINE_WORDS: u32 = 16;
    pub const COS_SQ: u32 = 17;
    pub const STEM_OVERLAP: u32 = 18;
    pub const STEM_BEST: u32 = 19;
    pub const SENTENCES_HIT: u32 = 20;
    pub const HITS: u32 = 21;
}

/// The features of a (headline, body) pair: (relatedness features, stance features).
fn pair_features(headline: &str, body: &BodyInfo<'_>, idf: &Idf) -> (Sparse, Sparse) {
    let pair = Pair::new(headline, body, idf);
    (pair.relatedness(), pair.stance(body))
}

/// Names of the binned overlap features, in the order of `Pair::binned`.
const BIN_NAMES: [&str; 8] = [
    "cos", "ov", "idfov", "best", "lead", "bi", "stem", "stembest",
];

static BIN_HASHES: LazyLock<[u64; 8]> =
    LazyLock::new(|| BIN_NAMES.map(|name| features::hash_str("bin", name)));

/// What both stages' features of a (headline, body) pair are made of.
struct Pair<'h> {
    headline: &'h str,
    head: Vec<Token>,
    head_flags: Vec<u16>,
    /// Dense features shared by both stages.
    dense: [(u32, f32); 13],
    /// Values binned as one-hot features, in `BIN_NAMES` order.
    binned: [f32; 8],
    /// (headline words hit, sentence) best first.
    ranked: Vec<(usize, usize)>,
    /// A lead sentence that states the whole headline ([`Pair::lead_states_headline`]).
    stated_in_lead: bool,
}

impl<'h> Pair<'h> {
    fn new(headline: &'h str, body: &BodyInfo<'_>, idf: &Idf) -> Pair<'h> {
        let head = features::tokenize(headline);
        let head_flags: Vec<u16> = head.iter().map(|t| LEX.get(t.hash)).collect();
        // Distinct headline keys, at most 64 of each, so a sentence's matches fit in a bitmask.
        let distinct64 = |mut keys: Vec<u64>| {
            keys.sort_unstable();
            keys.dedup();
            keys.truncate(64);
            keys
        };
        let content_words = || {
            head.iter()
                .zip(&head_flags)
                .filter(|(_, &f)| f & STOP == 0)
                .map(|(t, _)| t)
        };
        let content = distinct64(content_words().map(|t| t.hash).collect());
        let n = content.len().max(1) as f32;
        let stems = distinct64(content_words().map(|t| t.stem).collect());
        let n_stems = stems.len().max(1) as f32;
        let head_bigrams = distinct64(
            head.windows(2)
                .map(|w| bigram(w[0].hash, w[1].hash))
                .collect(),
        );

        // One pass over the body: which headline words and bigrams each sentence has. Each key
        // set has a 64-bit filter of its keys' low bits: most body words are in no set, and the
        // filter answers them without the binary search.
        let filter = |keys: &[u64]| keys.iter().fold(0u64, |f, &k| f | 1 << (k & 63));
        let may_hold = |filter: u64, key: u64| filter & (1 << (key & 63)) != 0;
        let (content_filter, stems_filter) = (filter(&content), filter(&stems));
        let bigrams_filter = filter(&head_bigrams);
        let mut sentence_masks: Vec<u64> = Vec::with_capacity(body.sentences.len());
        let mut bigram_mask = 0u64;
        let mut stem_masks: Vec<u64> = Vec::with_capacity(body.sentences.len());
        for k in 0..body.sentences.len() {
            let (tokens, flags) = body.sentence(k);
            let mut mask = 0u64;
            let mut stem_mask = 0u64;
            for (j, (t, &fl)) in tokens.iter().zip(flags).enumerate() {
                if fl & STOP == 0 {
                    if may_hold(content_filter, t.hash) {
                        if let Ok(i) = content.binary_search(&t.hash) {
                            mask |= 1 << i;
                        }
                    }
                    if may_hold(stems_filter, t.stem) {
                        if let Ok(i) = stems.binary_search(&t.stem) {
                            stem_mask |= 1 << i;
                        }
                    }
                }
                if let Some(next) = tokens.get(j + 1) {
                    let key = bigram(t.hash, next.hash);
                    if may_hold(bigrams_filter, key) {
                        if let Ok(i) = head_bigrams.binary_search(&key) {
                            bigram_mask |= 1 << i;
                        }
                    }
                }
            }
            sentence_masks.push(mask);
            stem_masks.push(stem_mask);
        }
        // A short factual headline (no question, hedge or refuting word; at least three content
        // words) whose every content word (by stem) stands in one lead sentence that neither
        // hedges nor refutes: that sentence states the headline.
        let factual_headline = stems.len() >= 3
            && head.len() <= 16
            && !headline.contains('?')
            && !head_flags.iter().any(|&f| doubts(f));
        let stated_in_lead = factual_headline
            && stem_masks
                .iter()
                .take(LEAD_SENTENCES)
                .enumerate()
                .any(|(k, m)| {
                    m.count_ones() as usize == stems.len()
                        && !body.sentence(k).1.iter().any(|&f| doubts(f))
                });
        let stem_all = stem_masks.iter().fold(0u64, |a, m| a | m);
        let stem_overlap = stem_all.count_ones() as f32 / n_stems;
        let stem_best =
            stem_masks.iter().map(|m| m.count_ones()).max().unwrap_or(0) as f32 / n_stems;
        let sentences_hit = sentence_masks
            .iter()
            .filter(|m| m.count_ones() >= 2)
            .count() as f32
            / sentence_masks.len().max(1) as f32;
        let all_mask = sentence_masks.iter().fold(0u64, |a, m| a | m);
        let lead_mask = sentence_masks
            .iter()
            .take(LEAD_SENTENCES)
            .fold(0u64, |a, m| a | m);

        // TF-IDF cosine with the headline (binary tf).
        let mut dot = 0.0f32;
        let mut hnorm2 = 0.0f32;
        let mut idf_all = 0.0f32;
        let mut idf_hit = 0.0f32;
        for h in &content {
            let w = idf.get(*h);
            hnorm2 += w * w;
            idf_all += w;
            if let Some(b) = body.tfidf(*h) {
                dot += w * b;
                idf_hit += w;
            }
        }
        let cos = if hnorm2 > 0.0 && body.norm > 0.0 {
            dot / (hnorm2.sqrt() * body.norm)
        } else {
            0.0
        };
        let overlap = all_mask.count_ones() as f32 / n;
        let overlap_lead = lead_mask.count_ones() as f32 / n;
        let idf_overlap = if idf_all > 0.0 {
            idf_hit / idf_all
        } else {
            0.0
        };
        // Sentence overlap: the body sentences sharing most headline words.
        let mut ranked: Vec<(usize, usize)> = sentence_masks
            .iter()
            .enumerate()
            .map(|(k, m)| (m.count_ones() as usize, k))
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = ranked.first().map_or(0.0, |r| r.0 as f32 / n);
        let second = ranked.get(1).map_or(0.0, |r| r.0 as f32 / n);
        let bigram_overlap = if head_bigrams.is_empty() {
            0.0
        } else {
            bigram_mask.count_ones() as f32 / head_bigrams.len() as f32
        };

        let dense = [
            (slot::COS, cos),
            (slot::COS_SQ, cos.sqrt()),
            (slot::OVERLAP, overlap),
            (slot::OVERLAP_LEAD, overlap_lead),
            (slot::BEST_SENTENCE, best),
            (slot::SECOND_SENTENCE, second),
            (slot::BIGRAMS, bigram_overlap),
            (slot::IDF_OVERLAP, idf_overlap),
            (slot::NO_HEADLINE_WORDS, (content.is_empty()) as u8 as f32),
            (slot::STEM_OVERLAP, stem_overlap),
            (slot::STEM_BEST, stem_best),
            (slot::SENTENCES_HIT, sentences_hit),
            (slot::HITS, (all_mask.count_ones() as f32).min(10.0) / 10.0),
        ];
        Pair {
            headline,
            head,
            head_flags,
            dense,
            binned: [
                cos,
                overlap,
                idf_overlap,
                best,
                overlap_lead,
                bigram_overlap,
                stem_overlap,
                stem_best,
            ],
            ranked,
            stated_in_lead,
        }
    }

    /// Relatedness features.
    fn relatedness(&self) -> Sparse {
        let mut rel = Features::new(RELATED_BITS);
        for &(s, v) in &self.dense {
            rel.dense(s, v);
        }
        // Binned overlap features (one-hot), so the linear models can learn non-linear shapes.
        let mut bins: [u64; 10] = [0; 10];
        for (k, (&h, &v)) in BIN_HASHES.iter().zip(&self.binned).enumerate() {
            let bin = ((v.clamp(0.0, 1.0) * 10.0) as u32).min(9);
            bins[k] = features::combine(h, u64::from(bin));
        }
        let [cos, _, idf_overlap, best, _, _, stem_overlap, _] = self.binned;
        let bin = |v: f32| u64::from(((v.clamp(0.0, 1.0) * 5.0) as u32).min(4));
        bins[8] = features::combine(0xc05e, bin(cos) * 8 + bin(stem_overlap));
        bins[9] = features::combine(0xbe57, bin(best) * 8 + bin(idf_overlap));
        for &h in &bins {
            rel.add(h, 1.0);
        }
        rel.finish()
    }

    /// Agree/disagree/discuss features.
    fn stance(&self, body: &BodyInfo<'_>) -> Sparse {
        let (headline, head, head_flags, dense, ranked) = (
            self.headline,
            &self.head,
            &self.head_flags,
            &self.dense,
            &self.ranked,
        );

        // Stance features.
        let mut st = Features::new(STANCE_BITS);
        for &(s, v) in dense {
            st.dense(s, v);
        }
        let head_refute = head_flags.iter().filter(|&&f| f & REFUTE != 0).count();
        let head_hedge = head_flags.iter().filter(|&&f| f & HEDGE != 0).count();
        let words = body.tokens.len().max(1) as f32;
        st.dense(slot::HEAD_REFUTE, head_refute as f32);
        st.dense(slot::HEAD_HEDGE, head_hedge as f32);
        st.dense(
            slot::BODY_REFUTE,
            (body.refutes as f32 / words * 100.0).min(10.0) / 10.0,
        );
        st.dense(
            slot::BODY_HEDGE,
            (body.hedges as f32 / words * 100.0).min(10.0) / 10.0,
        );
        st.dense(slot::QUESTION, headline.contains('?') as u8 as f32);
        st.dense(
            slot::POLARITY,
            ((head_refute % 2) ^ (body.refutes % 2)) as f32,
        );
        let mut top_refute = 0usize;
        let mut top_hedge = 0usize;
        for &(count, k) in ranked.iter().take(3) {
            if count == 0 {
                break;
            }
            let (tokens, flags) = body.sentence(k);
            for (t, &fl) in tokens.iter().zip(flags) {
                if fl & REFUTE != 0 {
                    top_refute += 1;
                    st.add(features::combine(0x7ef0, t.hash), 1.0);
                }
                if fl & HEDGE != 0 {
                    top_hedge += 1;
                    st.add(features::combine(0x4ed9, t.hash), 1.0);
                }
            }
        }
        for k in 0..LEAD_SENTENCES.min(body.sentences.len()) {
            let (tokens, flags) = body.sentence(k);
            for (t, &fl) in tokens.iter().zip(flags) {
                if fl & (REFUTE | HEDGE) != 0 {
                    st.add(features::combine(0x1ead, t.hash), 0.5);
                }
            }
        }
        st.dense(slot::TOP_REFUTE, (top_refute as f32).min(5.0) / 5.0);
        st.dense(slot::TOP_HEDGE, (top_hedge as f32).min(5.0) / 5.0);
        for (t, &fl) in head.iter().zip(head_flags) {
            if fl & REFUTE != 0 {
                st.add(features::combine(0x4ef0, t.hash), 1.0);
            }
        }
        st.finish()
    }
}

/// The trained two-stage stance model.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceModel {
    pub seed: u64,
    pub idf: Idf,
    pub related: Linear,
    pub stance: Linear,
}

/// Index of a stance among the second-stage classes.
fn class_of(s: Stance) -> Option<usize> {
    CLASSES.iter().position(|&c| c == s)
}

impl StanceModel {
    /// Stance and confidence for a headline and body.
    pub fn predict(&self, headline: &str, body: &str) -> (Stance, f32) {
        let info = BodyInfo::new(body, &self.idf);
        self.predict_with(headline, &info)
    }

    /// [`Self::predict`] from the [`features::tokenize`] tokens of the whole body.
    pub fn predict_tokens(&self, headline: &str, body_tokens: &[Token]) -> (Stance, f32) {
        self.predict_tokens_flagged(headline, (body_tokens, None))
    }

    /// [`Self::predict_tokens`] with the tokens' [`lexicon`] flags given (one per token).
    pub fn predict_tokens_flagged(
        &self,
        headline: &str,
        (body_tokens, flags): (&[Token], Option<&[u16]>),
    ) -> (Stance, f32) {
        let info = BodyInfo::from_tokens_flagged(body_tokens, flags, &self.idf);
        self.predict_with(headline, &info)
    }

    /// Same, for a body already analysed.
    pub fn predict_with(&self, headline: &str, body: &BodyInfo<'_>) -> (Stance, f32) {
        let pair = Pair::new(headline, body, &self.idf);
        let p_related = self.related.probability(&pair.relatedness());
        if p_related < 0.5 {
            return (Stance::Unrelated, 1.0 - p_related);
        }
        let p = self.stance.probabilities(&pair.stance(body));
        if pair.stated_in_lead {
            // The body's lead states the headline word for word: it agrees, whatever share of
            // FNC-1's "discuss" bodies the model has learnt to expect.
            let agree = p.first().copied().unwrap_or(0.0);
            return (Stance::Agree, agree.max(0.5) * p_related);
        }
        let (k, pk) =
            p.iter().enumerate().fold(
                (2, f32::MIN),
                |best, (k, &v)| if v > best.1 { (k, v) } else { best },
            );
        (
            CLASSES.get(k).copied().unwrap_or(Stance::Discuss),
            pk * p_related,
        )
    }

    /// Trains on the pairs whose body is in `train_bodies` (plus generated unrelated pairs).
    pub fn train(fnc: &Fnc, train_bodies: &[u32], seed: u64) -> Result<StanceModel, Error> {
        let idf = Idf::from_documents(
            train_bodies
                .iter()
                .filter_map(|id| fnc.bodies.get(id).map(String::as_str)),
        );
        let pairs = fnc.pairs_with_unrelated(train_bodies, seed);
        if pairs.is_empty() {
            return Err(Error::Data("no stance training pairs".into()));
        }
        let infos = body_infos(fnc, train_bodies, &idf);
        let mut rel_examples = Vec::with_capacity(pairs.len());
        let mut st_examples = Vec::new();
        for p in &pairs {
            let Some(info) = infos.get(&p.body_id) else {
                continue;
            };
            let (rel, st) = pair_features(&p.headline, info, &idf);
            rel_examples.push((rel, (p.stance != Stance::Unrelated) as usize));
            if let Some(c) = class_of(p.stance) {
                st_examples.push((st, c));
            }
        }
        let rel_cfg = TrainConfig {
            epochs: 10,
            learning_rate: 0.1,
            l2: 1e-6,
            seed,
            class_weights: Vec::new(),
            average: false,
        };
        let st_cfg = TrainConfig {
            epochs: 12,
            learning_rate: 0.1,
            l2: 1e-5,
            seed: seed.wrapping_add(1),
            class_weights: Vec::new(),
            average: false,
        };
        let related = Linear::train(RELATED_BITS, 1, &rel_examples, &rel_cfg).quantized()?;
        let stance =
            Linear::train(STANCE_BITS, CLASSES.len(), &st_examples, &st_cfg).quantized()?;
        Ok(StanceModel {
            seed,
            idf,
            related,
            stance,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        linear::write_header(&mut out, MAGIC, 1);
        out.extend_from_slice(&self.seed.to_le_bytes());
        out.push(IDF_BITS);
        out.extend_from_slice(&self.idf.table);
        self.related.write(&mut out);
        self.stance.write(&mut out);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, Error> {
        let mut r = Reader::new(bytes);
        r.header(MAGIC, 1)?;
        let seed = r.u64()?;
        if r.u8()? != IDF_BITS {
            return Err(Error::Model("unexpected IDF table size".into()));
        }
        let table = r.take(1 << IDF_BITS)?.to_vec();
        let related = Linear::read(&mut r)?;
        let stance = Linear::read(&mut r)?;
        if related.outputs != 1 || stance.outputs != CLASSES.len() || !r.finished() {
            return Err(Error::Model("malformed stance model".into()));
        }
        Ok(StanceModel {
            seed,
            idf: Idf { table },
            related,
            stance,
        })
    }
}

fn body_infos(fnc: &Fnc, ids: &[u32], idf: &Idf) -> HashMap<u32, BodyInfo<'static>> {
    ids.iter()
        .filter_map(|id| fnc.bodies.get(id).map(|b| (*id, BodyInfo::new(b, idf))))
        .collect()
}

/// FNC-1 scores of a model on pairs: (relative score, related/unrelated accuracy, exact
/// accuracy on related pairs).
pub fn fnc_score(model: &StanceModel, fnc: &Fnc, pairs: &[StancePair]) -> (f64, f64, f64) {
    let ids: Vec<u32> = {
        let mut v: Vec<u32> = pairs.iter().map(|p| p.body_id).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let infos = body_infos(fnc, &ids, &model.idf);
    let (mut score, mut best) = (0.0f64, 0.0f64);
    let (mut rel_right, mut related, mut exact) = (0usize, 0usize, 0usize);
    for p in pairs {
        let Some(info) = infos.get(&p.body_id) else {
            continue;
        };
        let (pred, _) = model.predict_with(&p.headline, info);
        let gold_rel = p.stance != Stance::Unrelated;
        let pred_rel = pred != Stance::Unrelated;
        best += if gold_rel { 1.0 } else { 0.25 };
        if gold_rel == pred_rel {
            score += 0.25;
            rel_right += 1;
        }
        if gold_rel {
            related += 1;
            if pred == p.stance {
                score += 0.75;
                exact += 1;
            }
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (
        if best > 0.0 { score / best } else { 0.0 },
        share(rel_right, pairs.len()),
        share(exact, related),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::StancePair;

    fn toy() -> Fnc {
        let mut f = Fnc::default();
        let bodies = [
            "The harbour authority confirmed the ferry strike ended on Monday. Workers returned to the docks.",
            "Officials denied reports that the mayor resigned. The claim is false, a spokesman said.",
            "A new bakery opened downtown. It sells sourdough and pastries every morning.",
            "The museum reportedly may acquire a lost painting, according to unconfirmed claims.",
        ];
        for (i, b) in bodies.iter().enumerate() {
            f.bodies.insert(i as u32, b.to_string());
        }
        for (h, id, s) in [
            ("Ferry strike ends at the harbour", 0, Stance::Agree),
            ("Mayor resigns", 1, Stance::Disagree),
            ("Museum to acquire lost painting", 3, Stance::Discuss),
            ("Downtown bakery opens", 2, Stance::Agree),
        ] {
            f.pairs.push(StancePair {
                headline: h.into(),
                body_id: id,
                stance: s,
            });
        }
        f
    }

    #[test]
    fn trains_predicts_and_round_trips() {
        let f = toy();
        let m = StanceModel::train(&f, &[0, 1, 2, 3], 5).unwrap();
        let bytes = m.to_bytes();
        assert_eq!(
            StanceModel::train(&f, &[0, 1, 2, 3], 5).unwrap().to_bytes(),
            bytes
        );
        let back = StanceModel::from_bytes(&bytes).unwrap();
        assert_eq!(back, m);
        let (s, c) = m.predict("Ferry strike ends", &f.bodies[&0]);
        assert!((0.0..=1.0).contains(&c));
        assert_ne!(s, Stance::Unrelated);
        let (score, _, _) = fnc_score(&m, &f, &f.pairs);
        assert!(score > 0.0);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let m = StanceModel::train(&toy(), &[0, 1, 2, 3], 5).unwrap();
        for (h, b) in [("", ""), ("?", "."), ("港", "日本の港。"), ("no", "\n\n\n")] {
            let (_, c) = m.predict(h, b);
            assert!(c.is_finite());
        }
    }

    #[test]
    fn a_lead_that_states_a_short_factual_headline_agrees() {
        let models = crate::Models::bundled();
        let body = "A court in Tallinn on Tuesday sentenced the former harbour minister Karl Sepp \
                    to life in prison for the murders of two dock workers in 2023.\n\nSepp, 61, \
                    had denied the charges throughout the trial. His lawyer said he would appeal.";
        let (stance, _) = models.stance(
            "Former minister sentenced to life for harbour murders",
            body,
        );
        assert_eq!(stance, Stance::Agree);
        let body = "The main port was closed for three days after a storm hit the coast on \
                    Sunday, the harbour authority said. Ships were diverted to the north.";
        let (stance, _) = models.stance("Storm closes main port for three days", body);
        assert_eq!(stance, Stance::Agree);
        // A lead that hedges or denies it does not state it.
        let body = "The main port may be closed for three days after a storm, unconfirmed \
                    reports claim. The harbour authority denied it.";
        let (stance, _) = models.stance("Storm closes main port for three days", body);
        assert_ne!(stance, Stance::Agree);
    }
}
