//! Which features a word (for the span tagger) and a span (for the technique classifier) have:
//! hashed word, stem, suffix, neighbour and n-gram features, quotation and sentence context.
//! Everything is computed from `newsprobe_classify::features::tokenize` tokens and reused
//! buffers: no allocation per word.

use newsprobe_classify::features::{combine, Token};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::{Category, LEXICON};

/// Keys that are already hashes (`Token::hash`) need no hashing again.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type WordMap = HashMap<u64, u8, BuildHasherDefault<Prehashed>>;

/// The one-word entries of the framing lexicons with their regular inflections, by word hash
/// (`Token::hash`), as [`lex_bit`] bits: a look-up per word instead of a lexicon pass (phrases
/// of several words are left to the word pairs the tagger learns).
static LEXICON_WORDS: LazyLock<WordMap> = LazyLock::new(|| {
    let mut map = WordMap::default();
    let mut toks = Vec::new();
    for e in (0..LEXICON.len()).filter_map(|i| LEXICON.entry(i)) {
        let bit = lex_bit(e.category);
        if bit == 0 || e.title_only || e.words.len() != 1 {
            continue;
        }
        let w = e.words[0].as_str();
        let mut forms = vec![w.to_string()];
        if e.exact.is_none() {
            for suffix in ["s", "es", "d", "ed", "ing"] {
                forms.push(format!("{w}{suffix}"));
            }
            if let Some(b) = w.strip_suffix('e') {
                forms.extend([format!("{b}ing"), format!("{b}ed")]);
            }
            if let Some(b) = w.strip_suffix('y') {
                forms.extend([format!("{b}ies"), format!("{b}ied")]);
            }
            if let Some(c) = w.chars().last().filter(char::is_ascii_alphabetic) {
                forms.extend([format!("{w}{c}ed"), format!("{w}{c}ing")]);
            }
        }
        for f in forms
            .iter()
            .filter(|f| crate::lexicon::is_form_of(f, w) || *f == w)
        {
            newsprobe_classify::features::tokenize_into(f, &mut toks);
            if let [t] = toks.as_slice() {
                *map.entry(t.hash).or_default() |= bit;
            }
        }
    }
    map
});

/// The one-word framing lexicon entries and their forms, by word hash, with their
/// [`lex_bit`] bits (what [`Context::lex`] holds for a word).
pub fn lexicon_word_bits() -> impl Iterator<Item = (u64, u8)> {
    LEXICON_WORDS.iter().map(|(&h, &b)| (h, b))
}

/// Per-word context computed once per text.
#[derive(Debug, Default, Clone)]
pub struct Context {
    pub tokens: Vec<Token>,
    /// Hash of the last three lower-cased bytes of each word.
    pub suffix: Vec<u64>,
    /// Whether each word stands inside a quotation.
    pub in_quote: Vec<bool>,
    /// Index of each word's sentence.
    pub sentence: Vec<u32>,
    /// Per sentence: first word, word count, whether it holds `!` / `?`.
    pub sentences: Vec<Sentence>,
    /// Per word: the framing lexicon categories of the word (bits, see [`lex_bit`]).
    pub lex: Vec<u8>,
    /// The text's density of emotive lexicon words (loaded, hyperbole, fear), bucketed 0..=6.
    pub density: u64,
    /// Clauses: runs of words of one sentence between commas, semicolons, colons, brackets,
    /// dashes and quotation marks, as (first word, end word): the span candidates.
    pub clauses: Vec<(usize, usize)>,
}

/// Whether the text between two words of one sentence ends a clause.
fn clause_break(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '"', '“', '”', '—', '–']) || gap.contains(" - ")
}

/// ASCII bytes of the text between two words that none of [`Context::fill`]'s tests looks for
/// (quotation marks, line breaks, `!`, `?` and the [`clause_break`] marks).
static PLAIN_GAP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = !matches!(
            b as u8,
            b'"' | b'\n' | b'!' | b'?' | b',' | b';' | b':' | b'(' | b')' | b'-'
        );
        b += 1;
    }
    t
};

/// Whether the text between two words holds nothing [`Context::fill`] looks for (a space,
/// mostly): no quotation mark, line break, `!`, `?` or clause break.
fn plain_gap(gap: &[u8]) -> bool {
    gap.iter().all(|&b| PLAIN_GAP_BYTE[usize::from(b)])
}

/// The bit of a lexicon category in [`Context::lex`] (0: not a framing word class).
pub fn lex_bit(c: Category) -> u8 {
    match c {
        Category::Loaded => 1,
        Category::Hyperbole => 2,
        Category::Fear => 4,
        Category::Secrecy | Category::Exclusivity => 8,
        Category::Hedge => 16,
        Category::Weasel | Category::Quantifier | Category::GroupNoun => 32,
        Category::Reporting | Category::Anonymity => 64,
        Category::Modal | Category::Clickbait => 0,
    }
}

const EMOTIVE: u8 = 1 | 2 | 4;

#[derive(Debug, Default, Clone, Copy)]
pub struct Sentence {
    pub first: usize,
    pub len: usize,
    pub exclaim: bool,
    pub question: bool,
}

const BOS: u64 = 0x5851_f42d_4c95_7f2d;
const EOS: u64 = 0x1405_7b7e_f767_814f;

fn ns(tag: u64, v: u64) -> u64 {
    combine(
        tag.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0xa076_1d64_78bd_642f,
        v,
    )
}

/// Maps a hash into `[RESERVED, 2^bits)`.
#[inline]
fn index(h: u64, bits: u8) -> u32 {
    let reserved = u64::from(newsprobe_classify::features::RESERVED);
    let dim = 1u64 << bits;
    (reserved + (h >> 7) % (dim - reserved)) as u32
}

/// The highest and the mean probability of a sentence's words.
pub fn sentence_stats(probs: &[f32], s: &Sentence) -> (f32, f32) {
    let words = probs.get(s.first..s.first + s.len).unwrap_or(&[]);
    let max = words.iter().fold(0.0f32, |m, &p| m.max(p));
    (max, words.iter().sum::<f32>() / words.len().max(1) as f32)
}

/// The weights [`Context::word_scores`] looked up, by hash (direct-mapped: a slot holds the
/// last hash that landed in it), for one tagger, kept from text to text; and its buffers.
#[derive(Debug, Clone)]
pub struct WordCache {
    hash: Vec<(u64, [f32; 5])>,
    stem: Vec<(u64, [f32; 3])>,
    suffix: Vec<(u64, f32)>,
    small: Vec<f32>,
    ends: Option<[f32; 6]>,
    /// The highest of the weights (what a word pair's weight can add at most).
    top: Option<f32>,
    hw: Vec<[f32; 5]>,
    sw: Vec<[f32; 3]>,
    xw: Vec<f32>,
}

impl WordCache {
    /// An empty cache of `slots` (rounded up to a power of two) slots a table.
    pub fn new(slots: usize) -> Self {
        let slots = slots.next_power_of_two().max(2);
        // An empty slot `s` holds a key whose low bits are not `s`: no hash finds it.
        let empty = |s: usize| !(s as u64);
        WordCache {
            hash: (0..slots).map(|s| (empty(s), [0.0; 5])).collect(),
            stem: (0..slots).map(|s| (empty(s), [0.0; 3])).collect(),
            suffix: (0..slots).map(|s| (empty(s), 0.0)).collect(),
            small: vec![f32::NAN; 5 * 256],
            ends: None,
            top: None,
            hw: Vec::new(),
            sw: Vec::new(),
            xw: Vec::new(),
        }
    }
}

impl Context {
    /// Fills the context for `text` (buffers reused).
    pub fn build(&mut self, text: &str) {
        newsprobe_classify::features::tokenize_into(text, &mut self.tokens);
        self.fill(text);
    }

    /// [`Self::build`] from `text`'s tokens (`newsprobe_classify::features::tokenize`), when
    /// the caller has them already (taken over, not copied).
    pub fn build_from_tokens(&mut self, text: &str, tokens: Vec<Token>) {
        self.tokens = tokens;
        self.fill(text);
    }

    /// [`Self::build_from_tokens`] with the words' lexicon bits (one per token, what
    /// [`Self::lex`] holds) given, when the caller has looked them up already.
    pub fn build_from_tokens_lex(&mut self, text: &str, tokens: Vec<Token>, lex: Vec<u8>) {
        self.tokens = tokens;
        if lex.len() == self.tokens.len() {
            self.lex = lex;
            self.fill_with(text, false);
        } else {
            self.fill(text);
        }
    }

    /// The rest of [`Self::build`], from `self.tokens`.
    fn fill(&mut self, text: &str) {
        self.fill_with(text, true);
    }

    /// [`Self::fill`]; `look_up`: the lexicon bits are looked up, else `self.lex` holds them.
    fn fill_with(&mut self, text: &str, look_up: bool) {
        let bytes = text.as_bytes();
        self.suffix.clear();
        self.in_quote.clear();
        self.sentence.clear();
        self.sentences.clear();
        let n = self.tokens.len();
        self.suffix.reserve(n);
        self.in_quote.reserve(n);
        self.sentence.reserve(n);
        self.clauses.clear();
        let mut clause_first = 0;
        let mut quoted = false;
        let mut prev_end = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            // Quotation marks between the previous word and this one (most gaps are a space:
            // nothing to look for).
            // The gap's bytes are tested first; its text is needed only when it is not plain
            // (an empty gap, as a gap off char boundaries would read, is plain).
            let plain = bytes.get(prev_end..t.start).is_none_or(plain_gap);
            let gap = if plain {
                ""
            } else {
                text.get(prev_end..t.start).unwrap_or("")
            };
            if !plain {
                for c in gap.chars() {
                    match c {
                        '“' | '«' => quoted = true,
                        '”' | '»' => quoted = false,
                        '"' => quoted = !quoted,
                        '\n' => quoted = false,
                        _ => {}
                    }
                }
            }
            // A clause ends before this word at a new sentence or a clause break in the gap.
            if i > 0 && (t.sentence_start || (!plain && clause_break(gap))) {
                self.clauses.push((clause_first, i));
                clause_first = i;
            }
            if i == 0 || t.sentence_start {
                self.sentences.push(Sentence {
                    first: i,
                    ..Sentence::default()
                });
            }
            if let Some(s) = self.sentences.last_mut() {
                s.len += 1;
                if !plain && gap.contains('!') && s.len > 1 {
                    s.exclaim = true;
                }
                if !plain && gap.contains('?') && s.len > 1 {
                    s.question = true;
                }
            }
            self.sentence.push(self.sentences.len() as u32 - 1);
            self.in_quote.push(quoted);
            let word = &bytes[t.start..t.end];
            let tail = &word[word.len().saturating_sub(3)..];
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &b in tail {
                h ^= u64::from(b.to_ascii_lowercase());
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            self.suffix.push(h);
            prev_end = t.end;
        }
        // Sentence-final marks after the last word of each sentence.
        for si in 0..self.sentences.len() {
            let s = self.sentences[si];
            let last = s.first + s.len - 1;
            let end = self
                .sentences
                .get(si + 1)
                .map(|n| self.tokens[n.first].start)
                .unwrap_or(text.len());
            let tail = text.get(self.tokens[last].end..end).unwrap_or("");
            let s = &mut self.sentences[si];
            s.exclaim |= tail.contains('!');
            s.question |= tail.contains('?');
        }
        if look_up {
            let words = &*LEXICON_WORDS;
            self.lex.clear();
            self.lex.extend(
                self.tokens
                    .iter()
                    .map(|t| words.get(&t.hash).copied().unwrap_or(0)),
            );
        }
        let emotive = self.lex.iter().filter(|&&b| b & EMOTIVE != 0).count();
        self.density = ((emotive * 200 / self.tokens.len().max(1)) as u64).min(6);
        if n > 0 {
            self.clauses.push((clause_first, n));
        }
    }

    fn word(&self, i: usize, offset: isize) -> u64 {
        let j = i as isize + offset;
        if j < 0 {
            return BOS;
        }
        let j = j as usize;
        match self.tokens.get(j) {
            Some(t) if self.sentence[j] == self.sentence[i] => t.hash,
            Some(_) if offset < 0 => BOS,
            _ => EOS,
        }
    }

    fn stem(&self, i: usize, offset: isize) -> u64 {
        let j = i as isize + offset;
        if j < 0 {
            return BOS;
        }
        let j = j as usize;
        match self.tokens.get(j) {
            Some(t) if self.sentence[j] == self.sentence[i] => t.stem,
            Some(_) if offset < 0 => BOS,
            _ => EOS,
        }
    }

    /// The tagger's features of word `i` into `out` (cleared first), in a fixed order (a feature
    /// hashed twice to one index counts twice, in training as in use).
    pub fn word_features(&self, i: usize, bits: u8, out: &mut Vec<(u32, f32)>) {
        out.clear();
        self.each_word_feature(i, bits, |f| out.push((f, 1.0)));
    }

    /// The indices of [`Self::word_features`] (each of value 1.0), in the same order, handed to
    /// `push` one by one: scoring needs no buffer.
    #[inline(always)]
    pub fn each_word_feature(&self, i: usize, bits: u8, mut push: impl FnMut(u32)) {
        let t = &self.tokens[i];
        let s = &self.sentences[self.sentence[i] as usize];
        let pos = i - s.first;
        let (w0, wm1, wp1, wm2, wp2) = (
            t.hash,
            self.word(i, -1),
            self.word(i, 1),
            self.word(i, -2),
            self.word(i, 2),
        );
        let mut push = |h: u64| push(index(h, bits));
        push(ns(1, w0));
        push(ns(2, t.stem));
        push(ns(3, wm1));
        push(ns(4, wp1));
        push(ns(5, wm2));
        push(ns(6, wp2));
        push(ns(9, self.suffix[i]));
        push(ns(10, self.stem(i, -1)));
        push(ns(11, self.stem(i, 1)));
        let shape = u64::from(t.capitalized)
            | u64::from(t.numeric) << 1
            | u64::from(pos == 0) << 2
            | u64::from(self.in_quote[i]) << 3;
        push(ns(13, shape));
        push(ns(14, length_and_place(s.len, pos)));
        push(ns(
            15,
            u64::from(s.exclaim)
                | u64::from(s.question) << 1
                | u64::from(self.sentence[i] == 0) << 2,
        ));
        {
            // The framing lexicons' categories of the word and of the words around it.
            let lo = i.saturating_sub(2).max(s.first);
            let hi = (i + 3).min(s.first + s.len);
            let near = self.lex[lo..hi].iter().fold(0u8, |m, &b| m | b) & !self.lex[i];
            push(ns(16, u64::from(self.lex[i])));
            push(ns(18, u64::from(near)));
        }
        push(ns(7, combine(wm1, w0)));
        push(ns(8, combine(w0, wp1)));
    }

    /// Each word's score under a binary tagger whose `weights` span the whole hashed space
    /// (`2^bits` of them) with `bias`, into `out`: the same sum, in the same order and so to the
    /// same bit, as adding the weights of [`Self::each_word_feature`] one by one, but the weights
    /// of each distinct word, stem and suffix are looked up once in `cache` (which must only ever
    /// serve these `weights` and `bits`), the small-valued features' once a value, and each word
    /// pair's hash is made once for both words.
    ///
    /// A word whose score is sure to fall below `floor` (its sum before the two word-pair
    /// weights, plus the highest weight twice, added in the same order, is under it: float
    /// addition is monotonic, so the true sum is too) stands as that bound, without its word
    /// pairs' hashes; with `floor` at `f32::NEG_INFINITY` every score is the exact sum.
    pub fn word_scores(
        &self,
        (weights, bias, bits): (&[f32], f32, u8),
        floor: f32,
        cache: &mut WordCache,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        let n = self.tokens.len();
        if n == 0 {
            return;
        }
        debug_assert_eq!(weights.len(), 1usize << bits);
        let wt = |tag: u64, v: u64| weights[index(ns(tag, v), bits) as usize];
        let WordCache {
            hash: hcache,
            stem: scache,
            suffix: xcache,
            small,
            ends,
            top,
            hw,
            sw,
            xw,
        } = cache;
        let mask = hcache.len() as u64 - 1;
        hw.clear();
        sw.clear();
        xw.clear();
        // Per word: the weights of its hash under tags 1, 3, 4, 5, 6, of its stem under 2, 10,
        // 11 and of its suffix under 9 (each vector filled by one `extend` of a slice's
        // iterator: no capacity check a word).
        let words = &self.tokens[..n.min(self.suffix.len())];
        hw.extend(words.iter().map(|t| {
            let e = &mut hcache[(t.hash & mask) as usize];
            if e.0 != t.hash {
                let h = t.hash;
                *e = (h, [wt(1, h), wt(3, h), wt(4, h), wt(5, h), wt(6, h)]);
            }
            e.1
        }));
        sw.extend(words.iter().map(|t| {
            let e = &mut scache[(t.stem & mask) as usize];
            if e.0 != t.stem {
                let h = t.stem;
                *e = (h, [wt(2, h), wt(10, h), wt(11, h)]);
            }
            e.1
        }));
        xw.extend(self.suffix[..words.len()].iter().map(|&x| {
            let e = &mut xcache[(x & mask) as usize];
            if e.0 != x {
                *e = (x, wt(9, x));
            }
            e.1
        }));
        let [bos3, bos5, bos10, eos4, eos6, eos11] = *ends.get_or_insert_with(|| {
            [
                wt(3, BOS),
                wt(5, BOS),
                wt(10, BOS),
                wt(4, EOS),
                wt(6, EOS),
                wt(11, EOS),
            ]
        });
        let top =
            *top.get_or_insert_with(|| weights.iter().fold(f32::NEG_INFINITY, |m, &w| m.max(w)));
        // Weights of the small-valued features, looked up when first met (NaN: not yet).
        let mut small_w = |k: usize, tag: u64, v: u64| {
            let c = &mut small[k * 256 + (v as usize & 255)];
            if c.is_nan() {
                *c = wt(tag, v);
            }
            *c
        };
        out.reserve(n);
        // combine(word i-1, word i) when word i-1 is in word i's sentence.
        let mut carried: Option<u64> = None;
        // Sentence by sentence (they cover the words in order): what is the sentence's is looked
        // up once; each word's sum stays in the order of `each_word_feature`.
        for (si, s) in self.sentences.iter().enumerate() {
            let end = s.first + s.len;
            let marks = small_w(
                2,
                15,
                u64::from(s.exclaim) | u64::from(s.question) << 1 | u64::from(si == 0) << 2,
            );
            for i in s.first..end.min(n) {
                let t = &self.tokens[i];
                let pos = i - s.first;
                let w0 = t.hash;
                let mut sc = bias;
                sc += hw[i][0];
                sc += sw[i][0];
                sc += if pos >= 1 { hw[i - 1][1] } else { bos3 };
                sc += if i + 1 < end { hw[i + 1][2] } else { eos4 };
                sc += if pos >= 2 { hw[i - 2][3] } else { bos5 };
                sc += if i + 2 < end { hw[i + 2][4] } else { eos6 };
                sc += xw[i];
                sc += if pos >= 1 { sw[i - 1][1] } else { bos10 };
                sc += if i + 1 < end { sw[i + 1][2] } else { eos11 };
                let shape = u64::from(t.capitalized)
                    | u64::from(t.numeric) << 1
                    | u64::from(pos == 0) << 2
                    | u64::from(self.in_quote[i]) << 3;
                sc += small_w(0, 13, shape);
                sc += small_w(1, 14, length_and_place(s.len, pos));
                sc += marks;
                let lo = i.saturating_sub(2).max(s.first);
                let hi = (i + 3).min(end);
                let near = self.lex[lo..hi].iter().fold(0u8, |m, &b| m | b) & !self.lex[i];
                sc += small_w(3, 16, u64::from(self.lex[i]));
                sc += small_w(4, 18, u64::from(near));
                let bound = sc + top + top;
                if bound < floor {
                    carried = None;
                    out.push(bound);
                    continue;
                }
                let left = match carried {
                    Some(p) if pos >= 1 => p,
                    _ => combine(
                        if pos >= 1 {
                            self.tokens[i - 1].hash
                        } else {
                            BOS
                        },
                        w0,
                    ),
                };
                sc += wt(7, left);
                let right = combine(
                    w0,
                    if i + 1 < end {
                        self.tokens[i + 1].hash
                    } else {
                        EOS
                    },
                );
                sc += wt(8, right);
                carried = (i + 1 < end).then_some(right);
                out.push(sc);
            }
        }
    }

    /// The sentence classifier's features of sentence `si`: its stems and word pairs, length,
    /// marks and whether it is quoted or the title.
    pub fn sentence_features(&self, si: usize, bits: u8, out: &mut Vec<(u32, f32)>) {
        out.clear();
        let s = &self.sentences[si];
        let words = &self.tokens[s.first..s.first + s.len];
        let w = 1.0 / (s.len.max(1) as f32).sqrt();
        let mut push = |h: u64, v: f32| out.push((index(h, bits), v));
        for (k, t) in words.iter().enumerate() {
            push(ns(301, t.stem), w);
            push(ns(302, t.hash), w);
            if let Some(n) = words.get(k + 1) {
                push(ns(303, combine(t.hash, n.hash)), w);
            }
        }
        let quoted = self.in_quote[s.first..s.first + s.len]
            .iter()
            .filter(|&&q| q)
            .count();
        let shape = u64::from(s.exclaim)
            | u64::from(s.question) << 1
            | u64::from(si == 0) << 2
            | u64::from(quoted * 2 > s.len) << 3;
        push(ns(304, shape), 1.0);
        push(ns(305, (s.len.min(80) / 8) as u64), 1.0);

        sum_duplicates(out);
    }

    /// The second-stage tagger's features of word `i`: the word and its stem, and the first
    /// stage's probabilities around it (neighbours, window and sentence maxima, sentence mean),
    /// in tenths. `sentence` is the sentence classifier's probability for the word's sentence and
    /// `stats` that sentence's [`sentence_stats`].
    pub fn stacked_features(
        &self,
        i: usize,
        probs: &[f32],
        (sentence, stats): (f32, (f32, f32)),
        bits: u8,
        out: &mut Vec<(u32, f32)>,
    ) {
        out.clear();
        let t = &self.tokens[i];
        let s = &self.sentences[self.sentence[i] as usize];
        let tenth = |p: f32| (p.clamp(0.0, 0.999) * 10.0) as u64;
        let at = |j: isize| -> u64 {
            if j < s.first as isize || j >= (s.first + s.len) as isize {
                11
            } else {
                tenth(probs[j as usize])
            }
        };
        let (smax, smean) = stats;
        let lo = i.saturating_sub(3).max(s.first);
        let hi = (i + 4).min(s.first + s.len);
        let wmax = probs[lo..hi].iter().fold(0.0f32, |m, &p| m.max(p));
        let ii = i as isize;
        let p0 = tenth(probs[i]);
        let mut push = |h: u64| out.push((index(h, bits), 1.0));
        push(ns(201, p0));
        push(ns(202, at(ii - 1)));
        push(ns(203, at(ii + 1)));
        push(ns(204, at(ii - 2)));
        push(ns(205, at(ii + 2)));
        push(ns(206, tenth(wmax)));
        push(ns(207, tenth(smax)));
        push(ns(208, tenth(smean * 2.0)));
        push(ns(209, combine(p0, tenth(smax))));
        push(ns(210, combine(at(ii - 1), at(ii + 1))));
        push(ns(211, combine(p0, tenth(wmax))));
        push(ns(212, combine(p0, tenth(smean * 2.0))));
        push(ns(213, t.hash));
        push(ns(214, combine(t.stem, p0)));
        push(ns(215, combine(tenth(smax), (s.len.min(60) / 10) as u64)));
        let ps = tenth(sentence);
        push(ns(216, ps));
        push(ns(217, combine(p0, ps)));
        push(ns(218, combine(tenth(smax), ps)));
    }

    /// The technique classifier's features of the words `a..b` (a span) into `out`.
    pub fn span_features(&self, a: usize, b: usize, bits: u8, out: &mut Vec<(u32, f32)>) {
        out.clear();
        if a >= b || b > self.tokens.len() {
            return;
        }
        let n = b - a;
        let mut push = |h: u64, v: f32| out.push((index(h, bits), v));
        let inner = 1.0 / (n as f32).sqrt();
        for i in a..b {
            let t = &self.tokens[i];
            push(ns(101, t.hash), inner);
            push(ns(102, t.stem), inner);
            push(ns(115, self.suffix[i]), inner);
            if i + 1 < b {
                push(ns(103, combine(t.hash, self.tokens[i + 1].hash)), inner);
            }
        }
        let len_bucket: u64 = match n {
            1 => 0,
            2 => 1,
            3 => 2,
            4..=5 => 3,
            6..=9 => 4,
            10..=15 => 5,
            16..=25 => 6,
            _ => 7,
        };
        push(ns(104, len_bucket), 1.0);
        push(ns(105, self.tokens[a].hash), 1.0);
        push(ns(106, self.tokens[b - 1].hash), 1.0);
        push(ns(107, self.word(a, -1)), 1.0);
        push(ns(108, self.word(b - 1, 1)), 1.0);
        push(ns(109, combine(self.word(a, -1), len_bucket)), 1.0);
        push(ns(118, self.word(a, -2)), 1.0);
        push(ns(119, self.word(b - 1, 2)), 1.0);
        let cap = |j: Option<&Token>| j.map_or(2, |t| u64::from(t.capitalized));
        let capitals = self.tokens[a..b].iter().filter(|t| t.capitalized).count();
        push(
            ns(
                120,
                cap(a.checked_sub(1).and_then(|j| self.tokens.get(j)))
                    | cap(self.tokens.get(b)) << 2
                    | ((capitals * 3 / n) as u64) << 4,
            ),
            1.0,
        );
        // Repetition: how often the span's words recur, in this order, elsewhere in the text.
        let repeats = self.occurrences(a, b);
        push(ns(110, repeats.min(4) as u64), 1.0);
        push(ns(111, combine(repeats.min(3) as u64, len_bucket)), 1.0);
        let s = &self.sentences[self.sentence[a] as usize];
        let whole = n * 10 >= s.len * 8;
        let caps = self.tokens[a..b].iter().all(|t| t.capitalized);
        let shape = u64::from(whole)
            | u64::from(caps) << 1
            | u64::from(self.in_quote[a]) << 2
            | u64::from(s.exclaim) << 3
            | u64::from(s.question) << 4
            | u64::from(self.sentence[a] == 0) << 5;
        push(ns(112, shape), 1.0);
        push(ns(114, combine(self.suffix[b - 1], len_bucket.min(3))), 1.0);
        let rarest = self.tokens[a..b]
            .iter()
            .map(|w| self.tokens.iter().filter(|t| t.hash == w.hash).count())
            .min()
            .unwrap_or(1);
        push(
            ns(117, combine(rarest.min(6) as u64, len_bucket.min(4))),
            1.0,
        );
        let head = self.tokens[b - 1].hash;
        let head_count = self.tokens.iter().filter(|t| t.hash == head).count();
        push(
            ns(116, combine(head_count.min(5) as u64, len_bucket.min(3))),
            1.0,
        );
        // The sentence around the span, lightly.
        let ctx = 0.3 / (s.len as f32).sqrt().max(1.0);
        for t in &self.tokens[s.first..s.first + s.len] {
            push(ns(113, t.stem), ctx);
        }
        sum_duplicates(out);
    }

    /// The clause classifier's features of clause `ci`: its words, stems and word pairs, lexicon
    /// hits, length and place in the sentence, the first stage's (`first`) and the loaded-words
    /// tagger's (`loaded`) probabilities over its words and the sentence around it (tenths), and
    /// the sentence classifier's probability `sentence`.
    pub fn clause_features(
        &self,
        ci: usize,
        (first, loaded): (&[f32], &[f32]),
        sentence: f32,
        bits: u8,
        out: &mut Vec<(u32, f32)>,
    ) {
        out.clear();
        let Some(&(a, b)) = self.clauses.get(ci) else {
            return;
        };
        if a >= b || b > self.tokens.len() || b > first.len() {
            return;
        }
        let s = &self.sentences[self.sentence[a] as usize];
        let n = b - a;
        let w = 1.0 / (n as f32).sqrt();
        let tenth = |p: f32| (p.clamp(0.0, 0.999) * 10.0) as u64;
        let mut push = |h: u64, v: f32| out.push((index(h, bits), v));
        for k in a..b {
            let t = &self.tokens[k];
            push(ns(401, t.stem), w);
            push(ns(402, t.hash), w);
            if k + 1 < b {
                push(ns(403, combine(t.hash, self.tokens[k + 1].hash)), w);
            }
        }
        let lex = self.lex.get(a..b).unwrap_or(&[]);
        for bit in 0..7u64 {
            let c = lex.iter().filter(|&&x| x & (1 << bit) != 0).count();
            if c > 0 {
                push(ns(404, bit), (c as f32).sqrt());
            }
        }
        let len = match n {
            1 => 0u64,
            2 => 1,
            3..=4 => 2,
            5..=7 => 3,
            8..=12 => 4,
            13..=20 => 5,
            _ => 6,
        };
        push(ns(405, len), 1.0);
        let place = u64::from(a == s.first) | u64::from(b == s.first + s.len) << 1;
        push(ns(406, place | ((s.len.min(60) / 10) as u64) << 2), 1.0);
        let words = &first[a..b];
        let max = words.iter().fold(0.0f32, |m, &p| m.max(p));
        let mean = words.iter().sum::<f32>() / n as f32;
        let (smax, smean) = sentence_stats(first, s);
        push(ns(407, tenth(max)), 1.0);
        push(ns(408, tenth(mean * 2.0)), 1.0);
        push(ns(409, combine(tenth(max), len)), 1.0);
        push(ns(410, tenth(sentence)), 1.0);
        push(ns(411, combine(tenth(sentence), tenth(max))), 1.0);
        push(ns(412, combine(tenth(smax), tenth(smean * 2.0))), 1.0);
        let shape = u64::from(self.in_quote[a])
            | u64::from(s.exclaim) << 1
            | u64::from(s.question) << 2
            | u64::from(self.sentence[a] == 0) << 3;
        push(ns(413, shape), 1.0);
        push(ns(414, self.density), 1.0);
        // The loaded-words tagger over the clause: its best word, with the clause's length and
        // the first stage's best word, and its sum (about how many loaded words).
        if let Some(lw) = loaded.get(a..b) {
            let lmax = lw.iter().fold(0.0f32, |m, &p| m.max(p));
            let lsum = lw.iter().sum::<f32>();
            push(ns(430, tenth(lmax)), 1.0);
            push(ns(431, combine(tenth(lmax), len)), 1.0);
            push(ns(432, combine(tenth(lmax), tenth(max))), 1.0);
            push(ns(433, (lsum * 2.0).min(8.0) as u64), 1.0);
        }
        push(ns(415, self.tokens[a].hash), 1.0);
        push(ns(416, self.tokens[b - 1].hash), 1.0);
        sum_duplicates(out);
    }

    /// How many times the word sequence `a..b` occurs in the text.
    fn occurrences(&self, a: usize, b: usize) -> usize {
        let n = b - a;
        let first = self.tokens[a].hash;
        (0..self.tokens.len().saturating_sub(n - 1))
            .filter(|&j| {
                self.tokens[j].hash == first
                    && (1..n).all(|k| self.tokens[j + k].hash == self.tokens[a + k].hash)
            })
            .count()
    }
}

/// Sorts hashed features by id and adds up the values of repeated ids (one entry per feature,
/// in the order the models' weights are read).
fn sum_duplicates(out: &mut Vec<(u32, f32)>) {
    out.sort_unstable_by_key(|f| f.0);
    let mut k = 0;
    for r in 0..out.len() {
        if k > 0 && out[k - 1].0 == out[r].0 {
            out[k - 1].1 += out[r].1;
        } else {
            out[k] = out[r];
            k += 1;
        }
    }
    out.truncate(k);
}

/// The sentence's length bucket and the word's place in it (first, near the start, last, near
/// the end, inside), one small feature value (the same for the plain and the cached scorer).
fn length_and_place(len: usize, pos: usize) -> u64 {
    let len_bucket = match len {
        0..=5 => 0,
        6..=12 => 1,
        13..=25 => 2,
        26..=40 => 3,
        _ => 4,
    };
    let pos_bucket = match (pos, len - pos - 1) {
        (0, _) => 0,
        (1..=2, _) => 1,
        (_, 0) => 2,
        (_, 1..=2) => 3,
        _ => 4,
    };
    len_bucket | pos_bucket << 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_gaps_hold_nothing_fill_looks_for() {
        for gap in [" ", "", "  ", "' ", ". "] {
            assert!(plain_gap(gap.as_bytes()), "{gap:?}");
        }
        for gap in [
            ", ", " \"", "\n", "! ", "? ", " - ", " – ", "“", "»", "; ", ": ", " (",
        ] {
            assert!(!plain_gap(gap.as_bytes()), "{gap:?}");
            let _ = clause_break(gap);
        }
    }

    #[test]
    fn word_scores_equal_the_features_weights_summed_one_by_one() {
        let bits = 12u8;
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let weights: Vec<f32> = (0..1usize << bits)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 40) as f32 / (1u64 << 24) as f32 - 0.5
            })
            .collect();
        let mut ctx = Context::default();
        let mut scores = Vec::new();
        // A small cache, kept over the texts: slots are shared and overwritten.
        let mut cache = WordCache::new(8);
        for text in [
            "",
            "Shocking!",
            "The minister said \"this is a disgraceful, outrageous betrayal\" on Tuesday. \
             Critics say the plan, which the minister calls a triumph, will fail! Will it? \
             The plan will fail, the plan will fail, they say; the minister disagrees.",
            "A B. C D E. F",
        ] {
            ctx.build(text);
            ctx.word_scores(
                (&weights, 0.125, bits),
                f32::NEG_INFINITY,
                &mut cache,
                &mut scores,
            );
            assert_eq!(scores.len(), ctx.tokens.len());
            for (i, &got) in scores.iter().enumerate() {
                let mut want = 0.125f32;
                ctx.each_word_feature(i, bits, |f| want += weights[f as usize]);
                assert_eq!(got.to_bits(), want.to_bits(), "{text:?} word {i}");
            }
            // With a floor, a score at or above it is the exact sum and one below it stays below.
            let exact = scores.clone();
            for floor in [-0.5f32, 0.0, 0.4, 1.5] {
                ctx.word_scores((&weights, 0.125, bits), floor, &mut cache, &mut scores);
                assert_eq!(scores.len(), exact.len());
                for (i, (&got, &want)) in scores.iter().zip(&exact).enumerate() {
                    if want >= floor {
                        assert_eq!(got.to_bits(), want.to_bits(), "{text:?} word {i} {floor}");
                    } else {
                        assert!(got < floor && got >= want, "{text:?} word {i} {floor}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_context_finds_quotes_marks_and_clauses() {
        let mut ctx = Context::default();
        ctx.build("He said \"we will win\" today, and left! Why?");
        let quoted: Vec<bool> = ctx.in_quote.clone();
        assert_eq!(
            quoted,
            [false, false, true, true, true, false, false, false, false]
        );
        assert!(ctx.sentences[0].exclaim);
        assert!(ctx.sentences[1].question);
        // Clauses break at the quotation marks and the comma.
        assert_eq!(ctx.clauses, [(0, 2), (2, 5), (5, 6), (6, 8), (8, 9)]);
    }
}
