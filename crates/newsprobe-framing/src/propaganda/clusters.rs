//! Word clusters learned from unlabelled text (`newsprobe_core::clusters`) as the propaganda
//! models read them: each word's cluster path, packed, and its prefixes as hashed features.
//! Words the 148 train articles never showed share prefixes with words they did ("thugs"
//! beside "criminals").

use std::collections::HashMap;
use std::sync::LazyLock;

static TMP: LazyLock<HashMap<String, u64>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    let Ok(path) = std::env::var("NPCLUSTERS") else {
        return m;
    };
    let text = std::fs::read_to_string(path).expect("clusters file");
    for line in text.lines() {
        let Some((p, words)) = line.split_once('\t') else {
            continue;
        };
        let bits = p.bytes().fold(0u64, |a, b| a << 1 | u64::from(b == b'1'));
        let packed = (p.len() as u64) << 32 | bits;
        for w in words.split(' ') {
            m.entry(w.to_string()).or_insert(packed);
        }
    }
    m
});

/// A word's cluster path packed as `len << 32 | bits` (0: the word has no cluster).
pub fn packed(word: &str) -> u64 {
    let w = word.to_lowercase().replace('’', "'");
    let w = w.strip_suffix("'s").unwrap_or(&w);
    TMP.get(w).copied().unwrap_or(0)
}

/// The prefix of `n` bits of a packed path (with its length, so prefixes of different lengths
/// differ), or `None` for a word without a cluster.
#[inline]
pub fn prefix(packed: u64, n: usize) -> Option<u64> {
    if packed == 0 {
        return None;
    }
    let len = (packed >> 32) as usize;
    let bits = packed & 0xffff_ffff;
    let n = n.min(len);
    let p = if n == 0 { 0 } else { bits >> (len - n) };
    Some((1u64 << n) | p)
}

/// The prefix lengths at which [`emotive_neighbours`] counts.
pub const EMOTIVE_PREFIXES: [usize; 2] = [10, 14];

/// How many one-word entries of the emotive framing lexicons (loaded, hyperbole, fear) fall in
/// each cluster prefix of [`EMOTIVE_PREFIXES`]' lengths.
static EMOTIVE: LazyLock<HashMap<u64, u16>> = LazyLock::new(|| {
    use crate::lexicon::{Category, LEXICON};
    let mut m = HashMap::new();
    for e in (0..LEXICON.len()).filter_map(|i| LEXICON.entry(i)) {
        if !matches!(
            e.category,
            Category::Loaded | Category::Hyperbole | Category::Fear
        ) || e.words.len() != 1
        {
            continue;
        }
        let c = packed(&e.words[0]);
        for n in EMOTIVE_PREFIXES {
            if let Some(p) = prefix(c, n) {
                *m.entry(p).or_default() += 1;
            }
        }
    }
    m
});

/// Per prefix length of [`EMOTIVE_PREFIXES`], how many emotive lexicon words other than the
/// word itself (`emotive`: whether it is one) share the word's cluster prefix, capped at 3; two
/// bits each. 0 for a word without a cluster.
pub fn emotive_neighbours(packed_path: u64, emotive: bool) -> u8 {
    let mut out = 0u8;
    for (k, n) in EMOTIVE_PREFIXES.into_iter().enumerate() {
        if let Some(p) = prefix(packed_path, n) {
            let c = EMOTIVE.get(&p).copied().unwrap_or(0);
            let c = c.saturating_sub(u16::from(emotive)).min(3) as u8;
            out |= c << (2 * k);
        }
    }
    out
}
