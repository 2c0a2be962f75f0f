//! Word clusters learned from unlabelled text (`newsprobe_core::clusters`) as the propaganda
//! models read them: each word's cluster path, packed, its prefixes as hashed features, and how
//! many words of the emotive framing lexicons share its cluster. Words the 148 train articles
//! never showed share prefixes with words they did, and a word the lexicons lack stands beside
//! the ones they hold ("thugs" beside "criminals").
//!
//! Look-up is by the tokenizer's word hash (`Token::hash`, of the lower-cased word): one probe
//! of a table built once from the cluster list, no normalising or allocation per word.

use std::collections::HashMap;
use std::sync::LazyLock;

use newsprobe_classify::features::{tokenize_into, WordMap};

use crate::lexicon::{Category, LEXICON};

/// The prefix lengths at which [`Word::emotive`] counts.
pub const EMOTIVE_PREFIXES: [usize; 2] = [10, 14];

/// What the table knows of a word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Word {
    /// The cluster path packed as `len << 32 | bits`.
    pub packed: u64,
    /// [`emotive_neighbours`] of the word when it is not itself an emotive lexicon word, and
    /// when it is.
    pub emotive: [u8; 2],
}

fn pack(path: &str) -> u64 {
    let bits = path
        .bytes()
        .fold(0u64, |a, b| a << 1 | u64::from(b == b'1'));
    (path.len() as u64) << 32 | bits
}

/// How many one-word entries of the emotive framing lexicons (loaded, hyperbole, fear) fall in
/// each cluster prefix of [`EMOTIVE_PREFIXES`]' lengths.
fn emotive_counts() -> HashMap<u64, u16> {
    let mut m = HashMap::new();
    for e in (0..LEXICON.len()).filter_map(|i| LEXICON.entry(i)) {
        if !matches!(
            e.category,
            Category::Loaded | Category::Hyperbole | Category::Fear
        ) || e.words.len() != 1
        {
            continue;
        }
        let Some(c) = newsprobe_core::clusters::path(&e.words[0]) else {
            continue;
        };
        for n in EMOTIVE_PREFIXES {
            if let Some(p) = prefix(pack(c), n) {
                *m.entry(p).or_default() += 1;
            }
        }
    }
    m
}

/// Per prefix length of [`EMOTIVE_PREFIXES`], how many emotive lexicon words other than the
/// word itself (`emotive`: whether it is one) share the cluster prefix of `packed`, capped at
/// 3; two bits each.
fn emotive_neighbours(counts: &HashMap<u64, u16>, packed: u64, emotive: bool) -> u8 {
    let mut out = 0u8;
    for (k, n) in EMOTIVE_PREFIXES.into_iter().enumerate() {
        if let Some(p) = prefix(packed, n) {
            let c = counts.get(&p).copied().unwrap_or(0);
            out |= (c.saturating_sub(u16::from(emotive)).min(3) as u8) << (2 * k);
        }
    }
    out
}

/// The bundled cluster list by word hash; possessives ("russia's", "Russia’s") take their
/// word's cluster.
static TABLE: LazyLock<WordMap<Word>> = LazyLock::new(|| {
    let counts = emotive_counts();
    let mut map = WordMap::default();
    let (mut toks, mut form) = (Vec::new(), String::new());
    for line in newsprobe_core::clusters::CLUSTERS.lines() {
        let Some((path, words)) = line.split_once('\t') else {
            continue;
        };
        if path.is_empty() || path.len() > 32 || !path.bytes().all(|b| b == b'0' || b == b'1') {
            continue;
        }
        let packed = pack(path);
        let word = Word {
            packed,
            emotive: [
                emotive_neighbours(&counts, packed, false),
                emotive_neighbours(&counts, packed, true),
            ],
        };
        for w in words.split(' ').filter(|w| !w.is_empty()) {
            // (The tokenizer folds "’" to "'": one possessive form covers both.)
            for suffix in ["", "'s"] {
                form.clear();
                form.push_str(w);
                form.push_str(suffix);
                tokenize_into(&form, &mut toks);
                if let [t] = toks.as_slice() {
                    map.entry(t.hash).or_insert(word);
                }
            }
        }
    }
    map
});

/// The cluster of a word by its hash (`Token::hash`), if the list holds it.
#[inline]
pub fn word(hash: u64) -> Option<Word> {
    TABLE.get(&hash).copied()
}

/// The prefix of `n` bits of a packed path (with its length, so prefixes of different lengths
/// differ), or `None` for a word without a cluster (`packed` 0).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn of(w: &str) -> Option<Word> {
        let mut toks = Vec::new();
        tokenize_into(w, &mut toks);
        word(toks[0].hash)
    }

    #[test]
    fn words_find_their_clusters_by_hash() {
        let tuesday = of("Tuesday").expect("a weekday has a cluster");
        assert_eq!(
            Some(tuesday.packed),
            newsprobe_core::clusters::path("tuesday").map(pack)
        );
        // A possessive takes its word's cluster.
        assert_eq!(
            of("Russia’s").map(|w| w.packed),
            of("russia").map(|w| w.packed)
        );
        assert!(of("qzxv").is_none());
        // Prefixes of different lengths differ; a prefix longer than the path is the path.
        let p = tuesday.packed;
        assert_ne!(prefix(p, 4), prefix(p, 6));
        assert_eq!(prefix(p, 40), prefix(p, (p >> 32) as usize));
        assert_eq!(prefix(0, 4), None);
    }

    #[test]
    fn emotive_words_have_emotive_neighbours() {
        // Some cluster holds several emotive lexicon words: their neighbours count them.
        let counts = emotive_counts();
        assert!(counts.values().any(|&c| c >= 2), "{counts:?}");
        let shameful = of("shameful").expect("cluster");
        // Counting itself out can only lower the count.
        assert!(shameful.emotive[1] & 3 <= shameful.emotive[0] & 3);
    }
}
