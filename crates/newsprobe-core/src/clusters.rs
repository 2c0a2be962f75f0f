//! Which words behave alike? Word clusters learned from unlabelled text.
//!
//! Each word of the bundled list (`crates/newsprobe-core/data/clusters.txt`) has a path in a
//! binary tree of word clusters, written as a bit string ("0110100..."): words whose paths share a
//! long prefix occur in similar contexts ("tuesday" and "friday", "senator" and "governor",
//! "chicago" and "boston"). Prefixes of several lengths are features for the learned models: a
//! short prefix is a coarse class, a long one a fine one, and a word the model never saw in
//! training shares them with words it did see.
//!
//! Keys are words as [`crate::lexicon::normalize`] writes them (lower case, typographic
//! apostrophes and dashes folded), without a possessive "'s". The tree is built by
//! `newsprobe train clusters` ([`train`]): positive PMI context vectors of each word, reduced by a
//! seeded randomised SVD and split top-down by spherical 2-means.
//!
//! Look-up: [`path`] for a word as written, [`path_of_key`] for a word already normalised (the
//! entity tagger's `Word::norm`), [`prefix`] and [`Cluster::prefix`] for prefixes. One hash-table
//! probe per word, no allocation for words already in lower-case ASCII.

use std::sync::LazyLock;

pub mod train;

/// The bundled cluster file: one leaf cluster a line, `PATH<TAB>word word ...`.
pub const CLUSTERS: &str = include_str!("../data/clusters.txt");

/// Prefix lengths the models read (bits).
pub const PREFIXES: [usize; 4] = [4, 6, 10, 20];

/// A word's cluster path as bits: `len` bits, the first one the highest of `bits`'s low `len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cluster {
    pub bits: u32,
    pub len: u8,
}

impl Cluster {
    /// The first `n` bits of the path (the whole path when it is shorter) as one number that
    /// also encodes the prefix's length, so prefixes of different lengths never collide.
    #[inline]
    pub fn prefix(self, n: usize) -> u32 {
        let n = n.min(self.len as usize);
        let p = if n == 0 {
            0
        } else {
            self.bits >> (self.len as usize - n)
        };
        // A leading 1 marks the length: 1 followed by the n bits.
        (1u32 << n) | p
    }
}

/// The cluster table: open addressing on the FNV-1a hash of the key.
struct Table {
    /// Slot -> index into `words` + 1 (0: empty).
    slots: Vec<u32>,
    mask: usize,
    /// (key, leaf) of each word.
    words: Vec<(&'static str, u32)>,
    /// Path of each leaf as written, and as bits.
    paths: Vec<(&'static str, Cluster)>,
}

#[inline]
fn fnv(key: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in key.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Table {
    fn parse(text: &'static str) -> Table {
        let mut words = Vec::new();
        let mut paths = Vec::new();
        for line in text.lines() {
            let Some((path, list)) = line.split_once('\t') else {
                continue;
            };
            if path.is_empty() || path.len() > 32 || !path.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let bits = path
                .bytes()
                .fold(0u32, |acc, b| (acc << 1) | (b == b'1') as u32);
            let leaf = paths.len() as u32;
            paths.push((
                path,
                Cluster {
                    bits,
                    len: path.len() as u8,
                },
            ));
            words.extend(list.split(' ').filter(|w| !w.is_empty()).map(|w| (w, leaf)));
        }
        let cap = (words.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u32; cap];
        for (i, (w, _)) in words.iter().enumerate() {
            let mut s = fnv(w) as usize & mask;
            loop {
                match slots[s] {
                    0 => {
                        slots[s] = i as u32 + 1;
                        break;
                    }
                    // A word listed twice keeps its first leaf.
                    k if words[k as usize - 1].0 == *w => break,
                    _ => s = (s + 1) & mask,
                }
            }
        }
        Table {
            slots,
            mask,
            words,
            paths,
        }
    }

    #[inline]
    fn leaf(&self, key: &str) -> Option<u32> {
        let mut s = fnv(key) as usize & self.mask;
        loop {
            match self.slots[s] {
                0 => return None,
                k => {
                    let (w, leaf) = self.words[k as usize - 1];
                    if w == key {
                        return Some(leaf);
                    }
                }
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// The bundled list, or the file `NEWSPROBE_CLUSTERS` names (for comparing a retrained list
/// without rebuilding; an unreadable file: the bundled list).
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let text = std::env::var_os("NEWSPROBE_CLUSTERS")
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map_or(CLUSTERS, |t| &*Box::leak(t.into_boxed_str()));
    Table::parse(text)
});

/// The cluster path of a normalised word (lower case, apostrophes and dashes folded, no
/// possessive: as [`crate::lexicon::normalize`] writes it), or `None` for a word not in the list.
#[inline]
pub fn path_of_key(key: &str) -> Option<&'static str> {
    let t = &*TABLE;
    t.leaf(key).map(|l| t.paths[l as usize].0)
}

/// [`path_of_key`] as bits.
#[inline]
pub fn cluster_of_key(key: &str) -> Option<Cluster> {
    let t = &*TABLE;
    t.leaf(key).map(|l| t.paths[l as usize].1)
}

/// The normalised key of a word as written: a possessive "'s" dropped, lower case, apostrophes
/// and dashes folded.
pub fn key(word: &str) -> std::borrow::Cow<'_, str> {
    let core = strip_possessive(word);
    if core
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(core)
    } else {
        std::borrow::Cow::Owned(crate::lexicon::normalize(core))
    }
}

/// The cluster path of a word as written ("Russia's", "Tuesday"), or `None`.
pub fn path(word: &str) -> Option<&'static str> {
    path_of_key(&key(word))
}

/// [`path`] as bits.
pub fn cluster(word: &str) -> Option<Cluster> {
    cluster_of_key(&key(word))
}

/// The first `bits` characters of a path (the whole path when it is shorter).
#[inline]
pub fn prefix(path: &str, bits: usize) -> &str {
    &path[..bits.min(path.len())]
}

/// Number of words in the bundled list.
pub fn len() -> usize {
    TABLE.words.len()
}

/// Whether the bundled list is empty (a damaged file).
pub fn is_empty() -> bool {
    TABLE.words.is_empty()
}

/// A word without a trailing possessive "'s" (the word itself when nothing is left).
pub(crate) fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(core) = w.strip_suffix(suffix) {
            if !core.is_empty() {
                return core;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common(a: &str, b: &str) -> usize {
        let (a, b) = (path(a).unwrap(), path(b).unwrap());
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
    }

    #[test]
    fn the_bundled_list_covers_common_news_words() {
        assert!(len() > 10_000, "{}", len());
        for w in [
            "said",
            "the",
            "president",
            "police",
            "tuesday",
            "london",
            "company",
        ] {
            assert!(path(w).is_some(), "{w}");
        }
        assert_eq!(path("Tuesday"), path("tuesday"));
        assert_eq!(path("Russia's"), path("russia"));
        assert_eq!(path("zzqxv-not-a-word"), None);
    }

    #[test]
    fn words_of_a_kind_share_longer_prefixes_than_unrelated_words() {
        // Days with days, against days and unrelated words, on average over the pairs: one
        // retrain may split two days into different branches (tuesday and friday shared no bit
        // once the session-12 round's ECB+ document left the training text), the kind holds.
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday"];
        let others = ["said", "police", "company", "because", "would"];
        let mean = |pairs: &[(&str, &str)]| {
            pairs.iter().map(|&(a, b)| common(a, b) as f64).sum::<f64>() / pairs.len() as f64
        };
        let mut within = Vec::new();
        let mut across = Vec::new();
        for (i, a) in days.iter().enumerate() {
            within.extend(days[i + 1..].iter().map(|b| (*a, *b)));
            across.extend(others.iter().map(|b| (*a, *b)));
        }
        let (w, x) = (mean(&within), mean(&across));
        assert!(
            w > x + 2.0,
            "days share {w:.1} bits, days and others {x:.1}"
        );
    }

    #[test]
    fn prefixes_of_paths_and_bits_agree() {
        let p = path("said").unwrap();
        let c = cluster("said").unwrap();
        assert_eq!(c.len as usize, p.len());
        assert_eq!(prefix(p, 4), &p[..4.min(p.len())]);
        assert_eq!(prefix(p, 100), p);
        for n in [0, 1, 4, 6, 10, 20, 40] {
            let bits = prefix(p, n);
            let want = bits
                .bytes()
                .fold(1u32, |acc, b| (acc << 1) | (b == b'1') as u32);
            assert_eq!(c.prefix(n), want, "{n}");
        }
        // Different lengths never give the same number.
        assert_ne!(
            Cluster { bits: 0, len: 4 }.prefix(2),
            Cluster { bits: 0, len: 4 }.prefix(3)
        );
    }

    #[test]
    fn damaged_lines_are_skipped() {
        let t = Table::parse("01\ta b\nnot a path\tc\n\n1\td a\n");
        assert_eq!(t.leaf("a"), Some(0));
        assert_eq!(t.leaf("d"), Some(1));
        assert_eq!(t.leaf("c"), None);
        assert_eq!(t.leaf(""), None);
    }
}
