//! A seeded synthetic archive for the benchmark and the kill test: news-like articles of
//! realistic length (150 to 1,200 words, Zipf-distributed vocabulary, names, quotes), of which
//! a share are near-copies of an earlier article on another site, with a few words edited.

use serde::Serialize;

use newsprobe_core::Report;

/// One generated article, as a JSON Lines input record of the contract.
#[derive(Debug, Clone, Serialize)]
pub struct SynthArticle {
    pub id: String,
    pub url: String,
    pub site: String,
    pub published: String,
    pub title: String,
    pub text: String,
    /// The id of the article this one copies (not part of the contract's record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

impl SynthArticle {
    /// A report holding the text and metadata (no analysis).
    pub fn to_report(&self) -> Report {
        let mut r = crate::store::plain_report(
            &self.id,
            Some(&self.site),
            Some(&self.published),
            Some(&self.title),
            &self.text,
        );
        r.source.url = Some(self.url.clone());
        r
    }
}

/// A small, fast, seeded generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ren", "ta", "mi", "so", "ver", "an", "de", "li", "por", "ma", "ne", "tur", "es",
    "ro", "val", "in", "ga", "bel", "sto", "un", "fa", "re", "mon", "di", "ke", "ar", "pe", "lu",
];
const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "said", "was", "is", "by",
    "at", "from", "as", "it", "has", "will", "after", "its", "their", "but",
];
const SITES: usize = 400;

/// The generator: call [`Generator::next_article`] as often as needed.
pub struct Generator {
    rng: Rng,
    vocab: Vec<String>,
    names: Vec<String>,
    recent: Vec<SynthArticle>,
    count: usize,
    copy_share: f64,
}

impl Generator {
    /// `copy_share` of the articles (e.g. 0.02) are near-copies of a recent article.
    pub fn new(seed: u64, copy_share: f64) -> Generator {
        let mut rng = Rng::new(seed);
        let word = |rng: &mut Rng, parts: usize| -> String {
            (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        };
        let vocab: Vec<String> = (0..20_000).map(|i| word(&mut rng, 2 + i % 3)).collect();
        let names: Vec<String> = (0..3_000)
            .map(|_| {
                let mut n = word(&mut rng, 2);
                if let Some(f) = n.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                n
            })
            .collect();
        Generator {
            rng,
            vocab,
            names,
            recent: Vec::new(),
            count: 0,
            copy_share,
        }
    }

    /// A Zipf-like draw from the vocabulary (rank ~ 1/u).
    fn content_word(&mut self) -> &str {
        let u = (self.rng.below(1_000_000) + 1) as f64 / 1_000_000.0;
        let idx = ((self.vocab.len() as f64).powf(u) as usize).saturating_sub(1);
        &self.vocab[idx.min(self.vocab.len() - 1)]
    }

    fn sentence(&mut self, out: &mut String) {
        let len = 8 + self.rng.below(22);
        for i in 0..len {
            let w: String = if self.rng.chance(0.08) {
                self.names[self.rng.below(self.names.len())].clone()
            } else if self.rng.chance(0.45) {
                FUNCTION[self.rng.below(FUNCTION.len())].to_string()
            } else {
                self.content_word().to_string()
            };
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(&w);
            }
        }
        out.push('.');
    }

    fn date(&self, i: usize) -> String {
        // About 500 articles a day from 2025-01-01.
        let day = i / 500;
        let (mut y, mut d) = (2025, day);
        loop {
            let len = if y % 4 == 0 { 366 } else { 365 };
            if d < len {
                break;
            }
            d -= len;
            y += 1;
        }
        let months = [
            31,
            if y % 4 == 0 { 29 } else { 28 },
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ];
        let mut m = 0;
        while m < 11 && d >= months[m] {
            d -= months[m];
            m += 1;
        }
        let secs = (i % 500) * 172;
        format!(
            "{y}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            m + 1,
            d + 1,
            secs / 3600,
            (secs / 60) % 60,
            secs % 60
        )
    }

    /// The next article.
    pub fn next_article(&mut self) -> SynthArticle {
        let i = self.count;
        self.count += 1;
        let site_n = self.rng.below(SITES);
        let site = format!("site{site_n:03}.example");
        let id = format!("a{i:07}");
        let published = self.date(i);
        let url = format!("https://{site}/{id}");
        if !self.recent.is_empty() && self.rng.chance(self.copy_share) {
            let src = self.recent[self.rng.below(self.recent.len())].clone();
            // Edit about 3% of the words.
            let mut words: Vec<String> = src.text.split(' ').map(String::from).collect();
            let edits = (words.len() / 33).max(1);
            for _ in 0..edits {
                let k = self.rng.below(words.len());
                let w = self.content_word().to_string();
                match self.rng.below(3) {
                    0 => words[k] = w,
                    1 => words.insert(k, w),
                    _ => {
                        if words.len() > 10 {
                            words.remove(k);
                        }
                    }
                }
            }
            return SynthArticle {
                id,
                url,
                site,
                published,
                title: src.title.clone(),
                text: words.join(" "),
                copy_of: Some(src.id.clone()),
            };
        }
        // Lengths: 150 to 1,200 words, most between 300 and 700.
        let target = 150 + (self.rng.below(500) + self.rng.below(500) + self.rng.below(100));
        let mut text = String::with_capacity(target * 7);
        let mut words = 0;
        while words < target {
            let para = 2 + self.rng.below(3);
            for _ in 0..para {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push(' ');
                }
                let before = text.len();
                self.sentence(&mut text);
                words += text[before..].split(' ').count();
            }
            text.push_str("\n\n");
        }
        let mut title = String::new();
        self.sentence(&mut title);
        let title = title
            .trim_end_matches('.')
            .split(' ')
            .take(9)
            .collect::<Vec<_>>()
            .join(" ");
        let a = SynthArticle {
            id,
            url,
            site,
            published,
            title,
            text: text.trim_end().to_string(),
            copy_of: None,
        };
        if self.recent.len() < 2_000 {
            self.recent.push(a.clone());
        } else {
            let k = self.rng.below(2_000);
            self.recent[k] = a.clone();
        }
        a
    }
}

impl Iterator for Generator {
    type Item = SynthArticle;
    fn next(&mut self) -> Option<SynthArticle> {
        Some(self.next_article())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash::Signature;

    #[test]
    fn same_seed_same_archive_and_copies_are_near() {
        let a: Vec<SynthArticle> = Generator::new(7, 0.2).take(300).collect();
        let b: Vec<SynthArticle> = Generator::new(7, 0.2).take(300).collect();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        let copies: Vec<&SynthArticle> = a.iter().filter(|x| x.copy_of.is_some()).collect();
        assert!(copies.len() > 30 && copies.len() < 100, "{}", copies.len());
        for c in copies {
            let src = a
                .iter()
                .find(|x| Some(&x.id) == c.copy_of.as_ref())
                .unwrap();
            let s = Signature::of_text(&c.text).similarity(&Signature::of_text(&src.text));
            assert!(s > 0.6, "{s}");
        }
        let words: usize = a.iter().map(|x| x.text.split_whitespace().count()).sum();
        assert!(words / a.len() > 300 && words / a.len() < 900);
        assert!(a[299].published.starts_with("2025-01-01T"));
    }
}
