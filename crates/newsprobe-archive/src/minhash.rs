//! Which stored articles are near-copies of this one? MinHash over word shingles, LSH bands.
//!
//! A text becomes the set of its 3-word shingles (lower-cased words); its signature holds, for
//! each of [`HASHES`] seeded hash functions, the minimum hash over the set, so the share of equal
//! positions between two signatures estimates the Jaccard similarity of the two sets. The
//! signature's first `BANDS * ROWS` values are cut into [`BANDS`] bands of [`ROWS`] rows; two
//! texts that agree on a whole band land on the same band key, so near-copies are found by index
//! look-ups, never by comparing every pair. With 33 bands of 3 rows, a pair at Jaccard `s` is a
//! candidate with probability `1 - (1 - s^3)^33`: 0.988 at the near-copy threshold 0.5, 0.9997
//! at 0.6, 0.99996 at 0.64, and 0.03 at 0.1 (unrelated texts, Jaccard near 0, almost never).
//! (20 bands of 5 rows, the shape before [`BAND_SHAPE`] 2, caught a pair at 0.5 with
//! probability 0.47 and at 0.65 with 0.9: one planted copy in 500 was missed at 100,000
//! articles.) The band shape is part of the archive's layout: an archive written with another
//! shape is re-banded from its stored signatures when opened for writing.

/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Bands of the LSH index.
pub const BANDS: usize = 33;
/// Rows (hash values) per band.
pub const ROWS: usize = 3;
/// Hash functions in a signature (the estimate reads all of them; the bands the first
/// `BANDS * ROWS`).
pub const HASHES: usize = 100;
/// The version of the band shape ([`BANDS`] x [`ROWS`] over these hash functions): 1 was 20 x 5,
/// 2 is 33 x 3. Band keys of different versions never match, so the archive records the version
/// its index was built with.
pub const BAND_SHAPE: i64 = 2;
const _: () = assert!(BANDS * ROWS <= HASHES);

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

use newsprobe_core::rng::splitmix64;

/// FNV-1a, then mixed: a stable 64-bit hash of bytes (the same on every machine and build).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut s = h;
    splitmix64(&mut s)
}

struct Params {
    mul: [u64; HASHES],
    add: [u64; HASHES],
}

static PARAMS: std::sync::LazyLock<Params> = std::sync::LazyLock::new(|| {
    let mut state = 0x6e65_7773_7072_6f62; // "newsprob"
    let mut mul = [0u64; HASHES];
    let mut add = [0u64; HASHES];
    for i in 0..HASHES {
        mul[i] = splitmix64(&mut state) | 1;
        add[i] = splitmix64(&mut state);
    }
    Params { mul, add }
});

/// Hashes of the distinct word shingles of `text` (a text shorter than a shingle is one shingle).
pub fn shingle_hashes(text: &str) -> Vec<u64> {
    let words = crate::words::word_norms(text);
    shingle_hashes_of_words(&[&words])
}

/// [`shingle_hashes`] of the text whose lower-cased words are the concatenation of `parts`
/// (e.g. the words of a title, then those of the body: the same as the words of
/// `"{title}\n{body}"`).
pub fn shingle_hashes_of_words<S: AsRef<str>>(parts: &[&[S]]) -> Vec<u64> {
    // One hash per word (its lower-cased form), then one per run of SHINGLE word hashes.
    let words: Vec<u64> = parts
        .iter()
        .flat_map(|p| p.iter())
        .map(|w| hash_bytes(w.as_ref().as_bytes()))
        .collect();
    let mut out: Vec<u64> = Vec::with_capacity(words.len());
    if words.is_empty() {
        return out;
    }
    for run in words.windows(SHINGLE.min(words.len())) {
        let mut h: u64 = 0x243F_6A88_85A3_08D3;
        for w in run {
            h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        }
        let mut state = h;
        out.push(splitmix64(&mut state));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash kernel: for each hash function, the least value over `hashes`. Branch-free, so the
/// compiler vectorises the inner loop over the hash functions.
#[inline(always)]
fn min_hashes(hashes: &[u64], p: &Params) -> [u32; HASHES] {
    let mut mins = [u32::MAX; HASHES];
    for &h in hashes {
        for ((m, mul), add) in mins.iter_mut().zip(&p.mul).zip(&p.add) {
            let v = (h.wrapping_mul(*mul).wrapping_add(*add) >> 32) as u32;
            *m = (*m).min(v);
        }
    }
    mins
}

/// [`min_hashes`] compiled for AVX-512 (64-bit vector multiplies); the same results.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn min_hashes_avx512(hashes: &[u64], p: &Params) -> [u32; HASHES] {
    min_hashes(hashes, p)
}

/// [`min_hashes`] on the widest vector unit this CPU has.
fn min_hashes_dispatch(hashes: &[u64], p: &Params) -> [u32; HASHES] {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512dq")
            && std::arch::is_x86_feature_detected!("avx512vl")
        {
            // SAFETY: the CPU supports every feature `min_hashes_avx512` is compiled for.
            return unsafe { min_hashes_avx512(hashes, p) };
        }
    }
    min_hashes(hashes, p)
}

impl Signature {
    /// The signature of a text (title and body, as the caller joins them).
    pub fn of_text(text: &str) -> Signature {
        Signature::of_hashes(&shingle_hashes(text))
    }

    /// The signature of a set of shingle hashes.
    pub fn of_hashes(hashes: &[u64]) -> Signature {
        Signature(min_hashes_dispatch(hashes, &PARAMS).to_vec())
    }

    /// Estimated Jaccard similarity (share of equal positions).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.0.is_empty() || self.0.len() != other.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// The LSH band keys: one 63-bit key per band (band number mixed in).
    pub fn band_keys(&self) -> Vec<i64> {
        self.0
            .chunks_exact(ROWS)
            .take(BANDS)
            .enumerate()
            .map(|(band, rows)| {
                let mut bytes = Vec::with_capacity(4 * ROWS + 2);
                bytes.extend_from_slice(&(band as u16).to_le_bytes());
                for r in rows {
                    bytes.extend_from_slice(&r.to_le_bytes());
                }
                (hash_bytes(&bytes) >> 1) as i64
            })
            .collect()
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`]; `None` when the length is wrong.
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != HASHES * 4 {
            return None;
        }
        Some(Signature(
            b.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        ))
    }
}

/// Exact Jaccard similarity of two sorted, deduplicated hash sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = "The harbour authority of Northport confirmed on Wednesday that the \
        container terminal will be sold to a consortium of regional investors, ending two years \
        of negotiations. The port director said the sale would secure jobs for a decade and that \
        the new owners had promised to dredge the eastern basin before the winter storms arrive.";

    #[test]
    fn estimate_tracks_exact_jaccard() {
        let edited = ORIGINAL
            .replace("Wednesday", "Thursday")
            .replace("a decade", "twenty years");
        let (a, b) = (shingle_hashes(ORIGINAL), shingle_hashes(&edited));
        let exact = jaccard(&a, &b);
        let est = Signature::of_hashes(&a).similarity(&Signature::of_hashes(&b));
        assert!(exact > 0.6 && exact < 0.95, "exact {exact}");
        assert!((exact - est).abs() < 0.15, "exact {exact} estimate {est}");
    }

    #[test]
    fn near_copies_share_a_band_and_unrelated_texts_do_not() {
        let copy = ORIGINAL.replace("regional investors", "local investors");
        let other = "Heavy rain flooded the lower town overnight and the river is expected to \
            crest on Friday, the weather service warned, urging residents to move cars uphill.";
        let a = Signature::of_text(ORIGINAL).band_keys();
        let b = Signature::of_text(&copy).band_keys();
        let c = Signature::of_text(other).band_keys();
        assert!(a.iter().zip(&b).any(|(x, y)| x == y));
        assert!(!a.iter().zip(&c).any(|(x, y)| x == y));
    }

    #[test]
    fn vector_kernel_matches_the_portable_one() {
        let hashes = shingle_hashes(ORIGINAL);
        assert_eq!(
            min_hashes_dispatch(&hashes, &PARAMS),
            min_hashes(&hashes, &PARAMS)
        );
    }

    #[test]
    fn title_and_body_words_hash_as_the_joined_text() {
        let title = "Port sold to investors";
        let (t, b) = (
            crate::words::word_norms(title),
            crate::words::words(ORIGINAL),
        );
        let t: Vec<String> = t.into_iter().map(|w| w.into_owned()).collect();
        assert_eq!(
            shingle_hashes_of_words(&[&t, &b.iter().map(|w| w.norm.clone()).collect::<Vec<_>>()]),
            shingle_hashes(&format!("{title}\n{ORIGINAL}"))
        );
        assert_eq!(shingle_hashes("two words").len(), 1);
    }

    #[test]
    fn signature_bytes_round_trip() {
        let s = Signature::of_text(ORIGINAL);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        assert_eq!(
            Signature::of_text("").similarity(&Signature::of_text("")),
            1.0
        );
    }
}
