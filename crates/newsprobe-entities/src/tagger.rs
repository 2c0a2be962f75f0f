//! Which capitalised words name a person, an organisation or a place, learned from GUM?
//!
//! A greedy left-to-right averaged perceptron over BIO labels (person, organisation, place),
//! trained by `newsprobe train entities` on GUM's training documents of every genre. Only
//! candidate words are scored (capitalised words, and connectors such as "of" between two of
//! them); every other word is `O`. Features are hashed into a fixed table (no strings kept, no
//! allocation per word): the word, its shape, prefix and suffix, the words and shapes around it,
//! sentence position, the gazetteer's flags for it and its neighbours, whether it starts or
//! continues a multi-word gazetteer place or organisation name, whether it is written in lower case
//! elsewhere in the article, what the rules of [`crate::mentions`] made of it, and the label
//! before it. The rules' output and the gazetteers are features, not overrides: the tagger
//! learns when to trust them. [`apply`] then retypes, adds or joins name mentions.

use std::sync::LazyLock;

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set, GAZETTEER};
use crate::mentions::{self, Mention, MentionKind, Word};
use crate::Error;

/// The model bundled with the binary (`crates/newsprobe-entities/models/ner.bin`).
pub const NER_MODEL: &[u8] = include_bytes!("../models/ner.bin");

/// Hash table size: 2^BITS feature buckets.
pub const BITS: u32 = 18;
/// Labels: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
pub const LABELS: usize = 7;
/// Weights per bucket (labels padded to 8).
const STRIDE: usize = 8;
const MAGIC: &[u8; 8] = b"NPNER01\0";
/// A file holding a tagger and a mention typer.
const MAGIC2: &[u8; 8] = b"NPNER02\0";

/// The bundled model, decoded once; `None` when the file is empty or damaged (the rules alone
/// answer then). `NEWSPROBE_NER_MODEL=PATH` reads another model file instead, for comparing a
/// retrained model without rebuilding (an unreadable file: the rules alone).
pub static MODEL: LazyLock<Option<Model>> =
    LazyLock::new(|| match std::env::var_os("NEWSPROBE_NER_MODEL") {
        Some(p) => std::fs::read(p)
            .ok()
            .and_then(|b| Model::from_bytes(&b).ok()),
        None => Model::from_bytes(NER_MODEL).ok(),
    });

/// Label of an entity type at the start (`B`) or inside (`I`) of a name.
pub fn label(t: EntityType, inside: bool) -> u8 {
    let base = match t {
        EntityType::Person => 1,
        EntityType::Organization => 3,
        EntityType::Place => 5,
        EntityType::Other => return 0,
    };
    base + inside as u8
}

/// Entity type of a non-`O` label.
pub fn label_type(l: u8) -> Option<EntityType> {
    match l {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Organization),
        5 | 6 => Some(EntityType::Place),
        _ => None,
    }
}

fn is_inside(l: u8) -> bool {
    l == 2 || l == 4 || l == 6
}

/// Hashed static features of one field's words: `feats[starts[i]..starts[i + 1]]` for word `i`,
/// and whether each word is a candidate at all.
#[derive(Debug, Default, Clone)]
pub struct Features {
    pub cand: Vec<bool>,
    pub starts: Vec<u32>,
    pub feats: Vec<u32>,
    /// Byte range of each word.
    pub spans: Vec<(usize, usize)>,
    /// [`gazetteer_labels`] of the words (the typer reads them too).
    pub gazetteer: Vec<u8>,
    /// When collected for training: the byte range of each body name the rules found and its
    /// [`crate::typer`] features.
    pub typer: Vec<((usize, usize), Vec<u32>)>,
}

/// FNV-1a over a template number and bytes, finished by a multiply-shift into the table.
#[derive(Clone, Copy)]
pub(crate) struct H(pub(crate) u64);

impl H {
    #[inline]
    pub(crate) fn new(t: u8) -> H {
        H((0xcbf2_9ce4_8422_2325 ^ t as u64).wrapping_mul(0x0100_0000_01b3))
    }
    #[inline]
    pub(crate) fn bytes(mut self, b: &[u8]) -> H {
        const PRIME: u64 = 0x0100_0000_01b3;
        // Four bytes a round (the same steps in the same order, fewer loop tests).
        let mut h = self.0;
        let mut quads = b.chunks_exact(4);
        for q in &mut quads {
            h = (h ^ q[0] as u64).wrapping_mul(PRIME);
            h = (h ^ q[1] as u64).wrapping_mul(PRIME);
            h = (h ^ q[2] as u64).wrapping_mul(PRIME);
            h = (h ^ q[3] as u64).wrapping_mul(PRIME);
        }
        for &x in quads.remainder() {
            h = (h ^ x as u64).wrapping_mul(PRIME);
        }
        self.0 = h;
        self
    }
    #[inline]
    pub(crate) fn sep(self) -> H {
        self.bytes(&[0xff])
    }
    #[inline]
    pub(crate) fn n(self, v: u32) -> H {
        self.bytes(&v.to_le_bytes())
    }
    #[inline]
    pub(crate) fn finish(self) -> u32 {
        (self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as u32
    }
}

/// Shape of a word: X upper, x lower, d digit, other bytes as written; runs collapsed, at most 6.
pub(crate) fn shape(w: &str) -> ([u8; 6], usize) {
    if w.is_ascii() {
        return shape_ascii(w.as_bytes());
    }
    shape_chars(w)
}

/// [`shape`] character by character (any word; [`shape_ascii`] is its shortcut for ASCII).
fn shape_chars(w: &str) -> ([u8; 6], usize) {
    collapsed(w.chars().map(|c| {
        if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        }
    }))
}

/// [`shape`] of an ASCII word, byte by byte (the same classes: upper- and lower-case letters,
/// digits, every other byte as written).
fn shape_ascii(w: &[u8]) -> ([u8; 6], usize) {
    collapsed(w.iter().map(|&c| match c {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        _ => c,
    }))
}

/// A word's character classes with runs collapsed, at most 6.
#[inline]
fn collapsed(classes: impl Iterator<Item = u8>) -> ([u8; 6], usize) {
    let mut out = [0u8; 6];
    let mut n = 0;
    for s in classes {
        if n > 0 && out[n - 1] == s {
            continue;
        }
        if n == out.len() {
            break;
        }
        out[n] = s;
        n += 1;
    }
    (out, n)
}

/// First and last three characters of a normalised word.
pub(crate) fn affixes(w: &str) -> (&str, &str) {
    // At most three bytes: at most three characters, the word is both.
    if w.len() <= 3 {
        return (w, w);
    }
    if w.is_ascii() {
        return (&w[..3], &w[w.len() - 3..]);
    }
    let p = w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
    let count = w.chars().count();
    let s = if count > 3 {
        w.char_indices().nth(count - 3).map_or(0, |(i, _)| i)
    } else {
        0
    };
    (&w[..p], &w[s..])
}

const CONNECTORS: &[&str] = &[
    "of", "the", "de", "for", "and", "&", "van", "von", "al", "la", "le", "du", "da", "di", "del",
    "on", "der",
];

/// Whether `norm` is one of [`CONNECTORS`] (none is longer than three bytes: most words are
/// ruled out by their length alone).
#[inline]
fn is_connector(norm: &str) -> bool {
    norm.len() <= 3 && CONNECTORS.contains(&norm)
}

/// Whether word `i` is scored at all.
fn candidate(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !w.is_word && w.norm != "&" {
        return false;
    }
    if w.cap {
        return true;
    }
    // A connector between capitalised words ("Bank of England", "Ursula von der Leyen").
    if !is_connector(w.norm) {
        return false;
    }
    let before = (1..=2).any(|k| {
        i >= k
            && words[i - k].cap
            && words[i - k].sent == w.sent
            && (1..k).all(|j| is_connector(words[i - j].norm))
    });
    let after = (1..=2).any(|k| {
        i + k < words.len()
            && words[i + k].cap
            && words[i + k].sent == w.sent
            && (1..k).all(|j| is_connector(words[i + j].norm))
    });
    before && after
}

/// Gazetteer flags that matter as features.
pub(crate) const FLAG_MASK: u32 = flag::NEVER_NAME
    | flag::NOT_NAME
    | flag::ORG_HEAD
    | flag::PLACE_HEAD
    | flag::TITLE
    | flag::ROLE_NOUN
    | flag::DEMONYM
    | flag::COUNTRY_OF
    | flag::ORGANIZATION
    | flag::FIRST_NAME
    | flag::COMMON
    | flag::GROUP_NOUN
    | flag::PLACE
    | flag::COUNTRY_NAME
    | flag::PRODUCT
    | flag::ORG_REFERENCE
    | flag::PLACE_LIST;

/// Rule label of each word: what [`mentions::find_mentions`] made of it (name type and B/I,
/// 7 for a title bound before a name, 8 for a word in a description).
fn rule_labels(words: &[Word], rules: &[Mention], out: &mut Vec<u8>) {
    out.clear();
    out.resize(words.len(), 0);
    let mut k = 0;
    for m in rules {
        if m.span.field != Field::Text || m.kind == MentionKind::Pronoun {
            continue;
        }
        let name = m.name.unwrap_or(m.span);
        // Words are in order; mentions start in order too, but may nest.
        while k < words.len() && words[k].end <= m.span.start {
            k += 1;
        }
        let mut first = true;
        for (j, w) in words.iter().enumerate().skip(k) {
            if w.start >= m.span.end {
                break;
            }
            let l = if m.kind == MentionKind::Description {
                8
            } else if w.start >= name.start && w.end <= name.end {
                let mut l = label(m.etype, !first);
                if m.etype == EntityType::Other {
                    l = 9 + !first as u8;
                }
                first = false;
                l
            } else {
                7
            };
            // A name inside a longer mention keeps its own label.
            if out[j] == 0 || out[j] == 8 {
                out[j] = l;
            }
        }
    }
}

/// Multi-word gazetteer place (1/2) and organisation (3/4) names, and names only the GeoNames
/// place list holds (5/6), begin/inside, per word.
pub(crate) fn gazetteer_labels(words: &[Word], out: &mut Vec<u8>) {
    out.clear();
    out.resize(words.len(), 0);
    let g = &*GAZETTEER;
    let mut i = 0;
    while i < words.len() {
        if !words[i].cap || words[i].flags() & flag::PREFIX == 0 {
            i += 1;
            continue;
        }
        let [p, c, o] = mentions::longest_matches(
            words,
            i,
            words.len(),
            g.max_name_words,
            &[
                (&g.places, flag::PLACE),
                (&g.country_names, flag::COUNTRY_NAME),
                (&g.organizations, flag::ORGANIZATION),
            ],
        );
        let [l] = mentions::longest_matches(
            words,
            i,
            words.len(),
            g.max_place_list_words,
            &[(&g.place_list, flag::PLACE_LIST)],
        );
        let (len, base) = if o >= p.max(c) && o > 1 {
            (o, 3)
        } else if p.max(c) > 1 {
            (p.max(c), 1)
        } else if l > 1 {
            // A multi-word name only the GeoNames list holds ("Bayou La Batre").
            (l, 5)
        } else {
            (0, 0)
        };
        if len > 1 {
            out[i] = base;
            for x in &mut out[i + 1..i + len] {
                *x = base + 1;
            }
            i += len;
        } else {
            i += 1;
        }
    }
}

/// How many features [`features`] gives a candidate word.
const PER_CANDIDATE: usize = 20;

/// Computes the static features of `words`, given the rules' mentions and the words written in
/// lower case in the article.
pub fn features(words: &[Word], rules: &[Mention], lowercase: &Set<&str>, out: &mut Features) {
    let n = words.len();
    out.cand.clear();
    out.starts.clear();
    out.feats.clear();
    out.spans.clear();
    out.typer.clear();
    let mut rl = Vec::new();
    rule_labels(words, rules, &mut rl);
    gazetteer_labels(words, &mut out.gazetteer);
    let gl = &out.gazetteer;
    // The candidates first, so the buffers are sized once (a candidate has `PER_CANDIDATE`
    // features) instead of growing by doubling over the page.
    out.cand.extend((0..n).map(|i| candidate(words, i)));
    let candidates = out.cand.iter().filter(|&&c| c).count();
    out.feats.reserve(candidates * PER_CANDIDATE);
    out.starts.reserve(n + 1);
    out.spans.reserve(n);
    out.starts.push(0);
    // The shape of each candidate and of each word next to one, worked out once (when first
    // asked).
    let mut shapes: Vec<Option<([u8; 6], usize)>> = vec![None; n];
    let mut shape_of = |j: usize| *shapes[j].get_or_insert_with(|| shape(words[j].text));
    let norm_at = |j: isize| -> &[u8] {
        if j < 0 || j as usize >= n {
            return b"<s>";
        }
        words[j as usize].norm.as_bytes()
    };
    for i in 0..n {
        let w = &words[i];
        out.spans.push((w.start, w.end));
        if out.cand[i] {
            let ii = i as isize;
            let same = |j: isize| j >= 0 && (j as usize) < n && words[j as usize].sent == w.sent;
            // The word `d` places away in the same sentence, or the sentence boundary marker.
            let around = |d: isize| -> &[u8] {
                if same(ii + d) {
                    norm_at(ii + d)
                } else if d < 0 {
                    b"<s>"
                } else {
                    b"</s>"
                }
            };
            let (prev, next, prev2, next2) = (around(-1), around(1), around(-2), around(2));
            let mut sh = |j: isize| -> ([u8; 6], usize) {
                if same(j) {
                    shape_of(j as usize)
                } else {
                    ([0; 6], 0)
                }
            };
            let (sp, lp) = sh(ii - 1);
            let (s0, l0) = sh(ii);
            let (sn, ln) = sh(ii + 1);
            let fl = |j: isize| -> u32 {
                if same(j) {
                    words[j as usize].flags() & FLAG_MASK
                } else {
                    u32::MAX
                }
            };
            let rlab = |j: isize| -> u8 {
                if same(j) {
                    rl[j as usize]
                } else {
                    255
                }
            };
            let (pre, suf) = affixes(w.norm);
            // All of a candidate's features at once, then one copy.
            let f: [u32; PER_CANDIDATE] = [
                H::new(0).finish(),
                H::new(1).bytes(w.norm.as_bytes()).finish(),
                H::new(2).bytes(&s0[..l0]).finish(),
                H::new(3).bytes(pre.as_bytes()).finish(),
                H::new(4).bytes(suf.as_bytes()).finish(),
                H::new(5).bytes(prev).finish(),
                H::new(6).bytes(next).finish(),
                H::new(7).bytes(prev2).finish(),
                H::new(8).bytes(next2).finish(),
                H::new(9)
                    .bytes(&sp[..lp])
                    .sep()
                    .bytes(&s0[..l0])
                    .sep()
                    .bytes(&sn[..ln])
                    .finish(),
                H::new(10).n(fl(ii)).finish(),
                H::new(11).n(fl(ii - 1)).finish(),
                H::new(12).n(fl(ii + 1)).finish(),
                H::new(13).n(rlab(ii) as u32).finish(),
                H::new(14)
                    .n(rlab(ii - 1) as u32)
                    .n(rlab(ii) as u32)
                    .n(rlab(ii + 1) as u32)
                    .finish(),
                H::new(15).n(w.sent_start as u32).n(w.poss as u32).finish(),
                H::new(16).n(gl[i] as u32).finish(),
                H::new(17)
                    .n(lowercase.contains(w.norm) as u32)
                    .n(w.sent_start as u32)
                    .finish(),
                H::new(18)
                    .bytes(w.norm.as_bytes())
                    .n(rlab(ii) as u32)
                    .finish(),
                H::new(19)
                    .bytes(prev)
                    .sep()
                    .bytes(w.norm.as_bytes())
                    .finish(),
            ];
            out.feats.extend_from_slice(&f);
        }
        out.starts.push(out.feats.len() as u32);
    }
    debug_assert_eq!(out.feats.len(), candidates * PER_CANDIDATE);
}

/// Features that depend on labels given before: the label before, and what the same word was
/// labelled last time in the article (`seen`: its word feature's bucket -> 1 + type, or 4 for `O`).
#[inline]
fn dynamic(prev: u8, f: &Features, i: usize, seen: &crate::gazetteer::Map<u32, u8>) -> [u32; 3] {
    let shape = f.feats[f.starts[i] as usize + 2];
    let word = f.feats[f.starts[i] as usize + 1];
    let last = seen.get(&word).copied().unwrap_or(0);
    [
        H::new(30).n(prev as u32).finish(),
        H::new(31).n(prev as u32).n(shape).finish(),
        H::new(32).n(last as u32).finish(),
    ]
}

/// Records word `i`'s label for [`dynamic`].
#[inline]
fn remember(f: &Features, i: usize, l: u8, seen: &mut crate::gazetteer::Map<u32, u8>) {
    let word = f.feats[f.starts[i] as usize + 1];
    seen.insert(word, if l == 0 { 4 } else { l.div_ceil(2) });
}

/// Whether `l` may follow `prev` (an inside label continues a name of its own type).
#[inline]
fn allowed(prev: u8, l: u8) -> bool {
    !is_inside(l) || (prev != 0 && prev.div_ceil(2) == l.div_ceil(2))
}

/// A trained tagger: one weight per bucket and label.
pub struct Model {
    /// Quantised weights (the file's own), times `scale`.
    weights: Vec<i16>,
    scale: f32,
    /// How sure the tagger must be before [`apply`] changes the rules' names (the constants
    /// below; a tuning run may set others).
    pub margins: Margins,
    /// The mention typer trained with it, when the file holds one.
    pub types: Option<crate::typer::TypeModel>,
}

/// The margins [`apply`] asks of the tagger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// See [`DROP_MARGIN`].
    pub drop: f32,
    /// See [`TYPE_MARGIN`].
    pub type_other: f32,
    /// See [`ADD_PERSON_MARGIN`].
    pub add_person: f32,
    /// See [`RETYPE_MARGIN`].
    pub retype: f32,
}

impl Default for Margins {
    fn default() -> Margins {
        Margins {
            drop: DROP_MARGIN,
            type_other: TYPE_MARGIN,
            add_person: ADD_PERSON_MARGIN,
            retype: RETYPE_MARGIN,
        }
    }
}

impl Model {
    /// Reads a model file: a tagger, or (`NPNER02`) a tagger's bytes and a mention typer's.
    pub fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        if b.len() >= 12 && &b[..8] == MAGIC2 {
            let len = u32::from_le_bytes([b[8], b[9], b[10], b[11]]) as usize;
            let Some(tagger) = b.get(12..12 + len) else {
                return Err(Error::Data("tagger model is truncated".into()));
            };
            let mut m = Model::from_bytes(tagger)?;
            m.types = Some(crate::typer::TypeModel::from_bytes(&b[12 + len..])?);
            return Ok(m);
        }
        Model::tagger_from_bytes(b)
    }

    /// Both models in one file.
    pub fn join(tagger: &[u8], typer: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(12 + tagger.len() + typer.len());
        out.extend_from_slice(MAGIC2);
        out.extend_from_slice(&(tagger.len() as u32).to_le_bytes());
        out.extend_from_slice(tagger);
        out.extend_from_slice(typer);
        out
    }

    fn tagger_from_bytes(b: &[u8]) -> Result<Model, Error> {
        use std::io::Read;
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(Error::Data("not a newsprobe entity tagger model".into()));
        }
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        let scale = f32::from_le_bytes([b[12], b[13], b[14], b[15]]);
        if bits != BITS || !scale.is_finite() {
            return Err(Error::Data(format!(
                "tagger model has {bits} bits, want {BITS}"
            )));
        }
        let size = (1usize << BITS) * STRIDE;
        let mut raw = Vec::with_capacity(size * 2);
        flate2::read::DeflateDecoder::new(&b[16..]).read_to_end(&mut raw)?;
        if raw.len() != size * 2 {
            return Err(Error::Data("tagger model is truncated".into()));
        }
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Model {
            weights,
            scale,
            margins: Margins::default(),
            types: None,
        })
    }

    /// Whether two models have the same weights and scale, bit for bit.
    pub fn same_weights(&self, other: &Model) -> bool {
        self.scale.to_bits() == other.scale.to_bits()
            && self.weights == other.weights
            && match (&self.types, &other.types) {
                (Some(a), Some(b)) => a.same_weights(b),
                (None, None) => true,
                _ => false,
            }
    }

    /// Labels of the words whose features are `f`, and each label's margin over the best label
    /// of another type (`O` included).
    pub fn decode(&self, f: &Features, out: &mut Vec<u8>, margins: &mut Vec<f32>) {
        let n = f.cand.len();
        out.clear();
        out.resize(n, 0);
        margins.clear();
        margins.resize(n, 0.0);
        let mut prev = 0u8;
        let mut seen = crate::gazetteer::Map::default();
        for i in 0..n {
            if !f.cand[i] {
                prev = 0;
                continue;
            }
            let mut sum = [0i32; STRIDE];
            let stat = &f.feats[f.starts[i] as usize..f.starts[i + 1] as usize];
            for &h in stat.iter().chain(dynamic(prev, f, i, &seen).iter()) {
                let w = &self.weights[h as usize * STRIDE..h as usize * STRIDE + STRIDE];
                for (a, &b) in sum.iter_mut().zip(w) {
                    *a += b as i32;
                }
            }
            let s = sum.map(|x| x as f32 * self.scale);
            let mut best = 0u8;
            for l in 1..LABELS as u8 {
                if allowed(prev, l) && s[l as usize] > s[best as usize] {
                    best = l;
                }
            }
            let mut other = f32::MIN;
            for l in 0..LABELS as u8 {
                if label_type(l) != label_type(best) && allowed(prev, l) {
                    other = other.max(s[l as usize]);
                }
            }
            out[i] = best;
            margins[i] = s[best as usize] - other;
            remember(f, i, best, &mut seen);
            prev = best;
        }
    }
}

/// One training document: its features and gold labels.
pub struct Example {
    pub features: Features,
    pub gold: Vec<u8>,
}

/// Trains the averaged perceptron for `epochs` passes, documents shuffled by `seed`; returns the
/// model file's bytes.
pub fn train(examples: &[Example], epochs: usize, seed: u64) -> Vec<u8> {
    train_refs(&examples.iter().collect::<Vec<_>>(), epochs, seed)
}

/// [`train`] on borrowed examples.
pub fn train_refs(examples: &[&Example], epochs: usize, seed: u64) -> Vec<u8> {
    use std::io::Write;
    let size = (1usize << BITS) * STRIDE;
    let mut w = vec![0f64; size];
    let mut u = vec![0f64; size];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = crate::learn::Shuffler::new(seed, 0x9E37_79B9_7F4A_7C15);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = examples[e];
            let f = &ex.features;
            let mut prev = 0u8;
            let mut seen = crate::gazetteer::Map::default();
            for i in 0..f.cand.len() {
                if !f.cand[i] {
                    prev = 0;
                    continue;
                }
                let stat = &f.feats[f.starts[i] as usize..f.starts[i + 1] as usize];
                let dynf = dynamic(prev, f, i, &seen);
                let mut s = [0f64; STRIDE];
                for &h in stat.iter().chain(dynf.iter()) {
                    for (l, a) in s.iter_mut().enumerate().take(LABELS) {
                        *a += w[h as usize * STRIDE + l];
                    }
                }
                let mut best = 0u8;
                for l in 1..LABELS as u8 {
                    if allowed(prev, l) && s[l as usize] > s[best as usize] {
                        best = l;
                    }
                }
                let gold = ex.gold[i];
                if best != gold {
                    for &h in stat.iter().chain(dynf.iter()) {
                        let g = h as usize * STRIDE + gold as usize;
                        let b = h as usize * STRIDE + best as usize;
                        w[g] += 1.0;
                        u[g] += c;
                        w[b] -= 1.0;
                        u[b] -= c;
                    }
                }
                c += 1.0;
                remember(f, i, best, &mut seen);
                prev = best;
            }
        }
    }
    let avg: Vec<f64> = w.iter().zip(&u).map(|(w, u)| w - u / c).collect();
    let max = avg.iter().fold(0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let mut raw = Vec::with_capacity(size * 2);
    for x in &avg {
        raw.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&BITS.to_le_bytes());
    out.extend_from_slice(&(scale as f32).to_le_bytes());
    let mut z = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(&raw);
    z.finish().unwrap_or_default()
}

/// Name spans the labels make: (first word, end word, type).
pub fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some(t) = label_type(labels[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < labels.len() && is_inside(labels[j]) && label_type(labels[j]) == Some(t) {
            j += 1;
        }
        out.push((i, j, t));
        i = j;
    }
    out
}

/// How sure the tagger must be that a name the rules typed is no name at all before it is dropped
/// (the margin of `O` over the best name label, at the name's least sure word). Off: a word-level
/// drop removed whole organisation names ("the Environmental Protection Agency", "the NFL")
/// whose words GUM tags partly as nouns and adjectives; the mention typer ([`crate::typer`])
/// untypes names instead, reading the whole name (it was 5.0).
pub const DROP_MARGIN: f32 = f32::INFINITY;

/// How sure the tagger must be to type a name the rules could not type (on GUM dev: precision of
/// all three types above the rules' alone).
pub const TYPE_MARGIN: f32 = 30.0;

/// How sure the tagger must be of a person name the rules missed before it is added (its least
/// sure word's margin); tuned on GUM dev to keep person precision where the rules had it.
pub const ADD_PERSON_MARGIN: f32 = 10.0;

/// How sure the tagger must be to change the type the rules gave an untitled name.
pub const RETYPE_MARGIN: f32 = f32::INFINITY;

/// Changes the rules' body names by the tagger's. A tagged name that is exactly two or more
/// untitled rule names side by side replaces them ("South" + "Sudan" become "South Sudan"); a
/// rule name a tagged name overlaps stays (with its title, gender and descriptors), and when the
/// rules could not type it takes the tagged name's type when the tagger is sure; a typed rule name the tagger surely
/// reads as no name, with no title bound before it and no gazetteer entry, is dropped; a tagged name overlapping no rule
/// mention is added (a person only when the tagger is sure). Names the rules could not type
/// (`Other`) otherwise stay, untyped, for coreference.
pub fn apply(
    words: &[Word],
    labels: &[u8],
    margins: &[f32],
    need: &Margins,
    all: &mut Vec<Mention>,
) {
    let spans = split_at_and(words, spans(labels));
    let byte = |a: usize, b: usize| (words[a].start, words[b - 1].end);
    let ov = |x: (usize, usize), y: (usize, usize)| x.1.min(y.1).saturating_sub(x.0.max(y.0));
    let body_name = |m: &Mention| m.kind == MentionKind::Name && m.span.field == Field::Text;
    // Words of a byte range (words are in text order).
    let word_range = |r: (usize, usize)| {
        let a = words.partition_point(|w| w.end <= r.0);
        let b = words.partition_point(|w| w.start < r.1);
        a..b.max(a)
    };
    let mut keep = vec![true; all.len()];
    let mut added: Vec<Mention> = Vec::new();
    // Joins: only a tagged name of two words or more can join rule names. (The mentions by
    // span: each tagged name looks up the few it overlaps, not all of them.)
    let by_span = newsprobe_core::SpanIndex::new(all.iter().map(|m| m.span));
    let mut inside: Vec<usize> = Vec::new();
    for &(a, b, t) in spans.iter().filter(|s| s.1 - s.0 >= 2) {
        let r = byte(a, b);
        inside.clear();
        inside.extend(
            by_span
                .overlapping(newsprobe_core::Span::text(r.0, r.1))
                .filter(|&mi| {
                    body_name(&all[mi]) && ov((all[mi].span.start, all[mi].span.end), r) > 0
                }),
        );
        inside.sort_unstable();
        // Two names side by side, never two names joined by "and" ("Reggie Bush and Julius
        // Jones", "Kraft Foods and Arbor Networks").
        // Nor a person's name and what follows a connector after it ("Lydia Buchtmann for Food
        // Standards Australia" is a person and an organisation), nor a person across a connector
        // ("Members of the Writers Guild" is no one's name).
        let person_then_connector = inside.iter().any(|&mi| {
            let m = &all[mi];
            (m.etype == EntityType::Person || t == EntityType::Person) && {
                let after = words.partition_point(|w| w.start < m.span.end);
                after < b && !words[after].cap
            }
        });
        // Nor an organisation or place and a person's full name after it ("CNN's Hala Gorani",
        // "Serbia Novak Djokovic", "the Refugee Council Enver Solomon"): two names.
        // The person is one when the organisation is a possessive, the name opens with a first
        // name, or its last word stands alone elsewhere as a name ("Djokovic"); never two common
        // words the rules typed a person by default ("Hollywood Casino Amphitheatre").
        let name_then_person = inside
            .first()
            .is_some_and(|&f| matches!(all[f].etype, EntityType::Organization | EntityType::Place))
            && inside.iter().skip(1).any(|&mi| {
                let m = &all[mi];
                let r = word_range((m.span.start, m.span.end));
                if m.etype != EntityType::Person || r.len() < 2 {
                    return false;
                }
                let name = &words[r.clone()];
                let plain = name.iter().all(|w| {
                    !w.is(flag::ORG_HEAD
                        | flag::PLACE_HEAD
                        | flag::COMMON
                        | flag::ROLE_NOUN
                        | flag::DEMONYM)
                });
                let poss_before = r.start > 0 && words[r.start - 1].poss;
                let first_name = name[0].is(flag::FIRST_NAME);
                let surname = name[name.len() - 1].norm;
                let alone = all.iter().any(|o| {
                    body_name(o)
                        && matches!(o.etype, EntityType::Person | EntityType::Other)
                        && o.name_text.eq_ignore_ascii_case(surname)
                });
                plain && (poss_before || first_name || alone)
            });
        let exact = inside.len() >= 2
            && !person_then_connector
            && !name_then_person
            && (a..b).all(|i| !matches!(words[i].norm, "and" | "&"))
            && inside.iter().all(|&mi| {
                let m = &all[mi];
                m.title_text.is_none() && m.span.start >= r.0 && m.span.end <= r.1
            })
            && inside.first().is_some_and(|&f| all[f].span.start == r.0)
            && inside.iter().any(|&l| all[l].span.end == r.1);
        if exact {
            for &mi in &inside {
                keep[mi] = false;
            }
            added.push(tagged_mention(words, a, b, t));
        }
    }
    // Which tagged name each word is in.
    let mut span_of = vec![usize::MAX; words.len()];
    for (si, &(a, b, _)) in spans.iter().enumerate() {
        for x in &mut span_of[a..b] {
            *x = si;
        }
    }
    // Words some body mention covers.
    let mut covered = vec![false; words.len()];
    for (mi, m) in all.iter_mut().enumerate() {
        if m.span.field != Field::Text {
            continue;
        }
        let full = word_range((m.span.start, m.span.end));
        for c in &mut covered[full.clone()] {
            *c = true;
        }
        if !keep[mi] || m.kind != MentionKind::Name {
            continue;
        }
        let name = m.name.unwrap_or(m.span);
        let name = (name.start, name.end);
        let idx = word_range(name);
        let mut best: Option<(usize, usize)> = None;
        for i in idx.clone() {
            let si = span_of[i];
            if si == usize::MAX {
                continue;
            }
            let (a, b, _) = spans[si];
            let o = ov(byte(a, b), name);
            if best.is_none_or_lt(o) {
                best = Some((si, o));
            }
        }
        if let Some((si, _)) = best {
            // The rules' own types stand (on GUM dev the tagger retyping them lost
            // organisation F1); names they could not type take the tagger's when it is sure.
            let (a, b, t) = spans[si];
            let sure = margins[a..b].iter().fold(f32::MAX, |x, &y| x.min(y));
            if m.etype == EntityType::Other && sure > need.type_other {
                m.etype = t;
                m.weak = false;
            } else if m.etype != EntityType::Other
                && m.etype != t
                && m.title_text.is_none()
                && sure > need.retype
            {
                m.etype = t;
            }
        } else if m.etype != EntityType::Other
            && m.title_text.is_none()
            && full.clone().all(|i| span_of[i] == usize::MAX)
        {
            // The least sure word of the name: how surely the tagger read it as no name.
            let sure = idx.clone().map(|i| margins[i]).fold(f32::MAX, f32::min);
            let idx: Vec<usize> = idx.collect();
            if sure != f32::MAX && sure > need.drop && !in_gazetteer(words, &idx) {
                keep[mi] = false;
            }
        }
    }
    // Names the rules missed.
    for &(a, b, t) in &spans {
        let sure = margins[a..b].iter().fold(f32::MAX, |x, &y| x.min(y));
        let least = if t == EntityType::Person {
            need.add_person
        } else {
            0.0
        };
        if !covered[a..b].iter().any(|&c| c) && sure > least {
            added.push(tagged_mention(words, a, b, t));
        }
    }
    let mut k = 0;
    all.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    all.extend(added);
}

/// Tagged person and place names split at "and" ("Reggie Bush and Julius Jones" is two people,
/// "Queens and Schenectady" two places); organisation names keep it ("Procter and Gamble").
fn split_at_and(
    words: &[Word],
    spans: Vec<(usize, usize, EntityType)>,
) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::with_capacity(spans.len());
    for (a, b, t) in spans {
        if t == EntityType::Organization {
            out.push((a, b, t));
            continue;
        }
        let mut s = a;
        for (i, w) in words.iter().enumerate().take(b).skip(a) {
            if w.norm == "and" {
                if i > s {
                    out.push((s, i, t));
                }
                s = i + 1;
            }
        }
        if b > s {
            out.push((s, b, t));
        }
    }
    out
}

/// `None`, or a best overlap below `o`.
trait Best {
    fn is_none_or_lt(&self, o: usize) -> bool;
}

impl Best for Option<(usize, usize)> {
    fn is_none_or_lt(&self, o: usize) -> bool {
        match self {
            None => true,
            Some((_, x)) => o > *x,
        }
    }
}

/// Whether the words `idx` (consecutive) are one gazetteer place, country or organisation name:
/// the tagger does not drop those.
pub(crate) fn in_gazetteer(words: &[Word], idx: &[usize]) -> bool {
    let (Some(&a), Some(&b)) = (idx.first(), idx.last()) else {
        return false;
    };
    let g = &*GAZETTEER;
    let n = b + 1 - a;
    mentions::longest_matches(
        words,
        a,
        b + 1,
        n,
        &[
            (&g.places, flag::PLACE),
            (&g.country_names, flag::COUNTRY_NAME),
            (&g.organizations, flag::ORGANIZATION),
        ],
    )
    .contains(&n)
}

/// A mention for a tagged name: title words before a person's name kept apart ("Mr." of
/// "Mr. Rutte"), with the descriptors the rules read around it.
fn tagged_mention(words: &[Word], a: usize, b: usize, t: EntityType) -> Mention {
    let mut n = a;
    if t == EntityType::Person {
        while n + 1 < b && words[n].is(flag::TITLE | flag::DOTTED_TITLE) {
            n += 1;
        }
    }
    let mut m = mentions::name_mention(words, a, n, b, t, Field::Text);
    if n > a {
        m.title_text = Some(mentions::join_words(words, a, n));
        m.descriptors = crate::descriptors::title_phrase(words, a, n, Field::Text);
    }
    if t == EntityType::Person {
        let g = &*GAZETTEER;
        m.gender = m
            .title_text
            .as_deref()
            .map(|t| g.gender_of_word(t.split_whitespace().last().unwrap_or("")))
            .filter(|g| *g != crate::gazetteer::Gender::Unknown)
            .unwrap_or_else(|| g.gender_of_word(words[n].text));
        m.descriptors
            .extend(crate::descriptors::after_name(words, b, Field::Text));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    /// The character-by-character shape, as it was before the ASCII shortcut.
    fn shape_by_chars(w: &str) -> Vec<u8> {
        let (s, n) = shape_chars(w);
        s[..n].to_vec()
    }

    #[test]
    fn hashing_four_bytes_a_round_is_plain_fnv() {
        let text = b"Ursula von der Leyen, NATO's \xc3\xa9lan: 2024";
        for a in 0..text.len() {
            for b in a..=text.len() {
                let mut h = (0xcbf2_9ce4_8422_2325u64 ^ 7).wrapping_mul(0x0100_0000_01b3);
                for &x in &text[a..b] {
                    h = (h ^ x as u64).wrapping_mul(0x0100_0000_01b3);
                }
                assert_eq!(H::new(7).bytes(&text[a..b]).0, h);
            }
        }
    }

    #[test]
    fn ascii_shortcuts_give_the_same_shapes_and_affixes() {
        for w in [
            "NATO",
            "McDonald's",
            "U.S.",
            "F-35A",
            "2024",
            "al-Assad",
            "Zelenskyy",
            "de",
            "o'",
            "Ça",
            "Ürümqi",
            "Bogotá",
            "a1B2c3D4e5",
            "",
            "x",
            "---",
            "N.Y.P.D.",
        ] {
            let (s, n) = shape(w);
            assert_eq!(&s[..n], &shape_by_chars(w)[..], "{w}");
            let p = w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
            let count = w.chars().count();
            let q = if count > 3 {
                w.char_indices().nth(count - 3).map_or(0, |(i, _)| i)
            } else {
                0
            };
            assert_eq!(affixes(w), (&w[..p], &w[q..]), "{w}");
        }
        assert!(is_connector("of") && is_connector("von") && !is_connector("offer"));
    }

    /// The tagger's labels of a text's words, "word/label".
    fn labelled(text: &str) -> String {
        let doc = Document::from_text(None, text);
        let mut buf = String::new();
        let words = mentions::words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let mut f = Features::default();
        crate::analyze_with(&doc, None, Some(&mut f));
        let (mut l, mut m) = (Vec::new(), Vec::new());
        MODEL
            .as_ref()
            .expect("bundled model")
            .decode(&f, &mut l, &mut m);
        words
            .iter()
            .zip(&l)
            .zip(&m)
            .map(|((w, l), m)| format!("{}/{l}/{m:.0}", w.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_bundled_model_labels_every_word() {
        let l = labelled("Officials in Juba said the talks with Khartoum would resume on Monday.");
        assert_eq!(l.split(' ').count(), 13, "{l}");
        assert!(l.starts_with("Officials/"), "{l}");
    }

    #[test]
    fn spans_follow_bio_labels() {
        // O B-PER I-PER O B-LOC B-ORG I-ORG
        let s = spans(&[0, 1, 2, 0, 5, 3, 4]);
        assert_eq!(
            s,
            vec![
                (1, 3, EntityType::Person),
                (4, 5, EntityType::Place),
                (5, 7, EntityType::Organization)
            ]
        );
    }

    #[test]
    fn damaged_models_are_errors() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"NPNER01\0\x12\0\0\0\0\0\x80\x3fgarbage").is_err());
    }
}
