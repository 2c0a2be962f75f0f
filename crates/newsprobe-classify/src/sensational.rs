//! Which words make a news-style headline sensational? A hand lexicon of exclusivity, secrecy
//! and shock cues ("Exclusive", "Bombshell", "Discloses", "Highly Classified", "Shocking"),
//! matched as whole words or phrases (longest first). The Chakraborty clickbait data is
//! listicle-style ("17 Things..."), so the trained model barely sees these; each cue found is
//! an independent piece of evidence combined with the model by a noisy-OR (`CUE_PROBABILITY`
//! each), so one cue alone never makes a headline clickbait but two or more do.

use std::sync::LazyLock;

use crate::features;

/// Probability each cue contributes in the noisy-OR.
pub const CUE_PROBABILITY: f32 = 0.45;

const CUES: &[&str] = &[
    "exclusive",
    "bombshell",
    "breaking",
    "shocking",
    "shocked",
    "stunning",
    "stuns",
    "stunned",
    "explosive",
    "reveals",
    "revealed",
    "discloses",
    "disclosed",
    "exposes",
    "exposed",
    "leaked",
    "secret",
    "secretly",
    "highly classified",
    "top secret",
    "classified",
    "you won't believe",
    "jaw-dropping",
    "jaw dropping",
    "mind-blowing",
    "mind blowing",
    "unbelievable",
    "terrifying",
    "chilling",
    "horrifying",
    "outrage",
    "outrageous",
    "slams",
    "destroys",
    "must see",
    "must-see",
    "goes viral",
    "what happens next",
    "cover-up",
    "cover up",
    "the truth about",
    "hidden agenda",
    "urgent",
];

/// The cue phrases as token-hash sequences, longest first.
static PHRASES: LazyLock<Vec<Vec<u64>>> = LazyLock::new(|| {
    let mut p: Vec<Vec<u64>> = CUES
        .iter()
        .map(|c| {
            features::tokenize(c)
                .iter()
                .map(|t| t.hash)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    p.sort_by_key(|p| std::cmp::Reverse(p.len()));
    p
});

/// Byte ranges of the sensational cues in a headline, in order, not overlapping.
pub fn cues(headline: &str) -> Vec<(usize, usize)> {
    let tokens = features::tokenize(headline);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let hit = PHRASES.iter().find(|p| {
            tokens
                .get(k..k + p.len())
                .is_some_and(|w| w.iter().zip(p.iter()).all(|(t, h)| t.hash == *h))
        });
        match hit {
            Some(p) => {
                let last = k + p.len() - 1;
                if let (Some(a), Some(b)) = (tokens.get(k), tokens.get(last)) {
                    out.push((a.start, b.end));
                }
                k = last + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// Noisy-OR of a model probability with `n` cues.
pub fn combine(model_probability: f32, n: usize) -> f32 {
    let keep = (1.0 - CUE_PROBABILITY).powi(n.min(16) as i32);
    1.0 - (1.0 - model_probability) * keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_longest_first() {
        let h = "Exclusive: Admiral Discloses Highly Classified Strike Plans";
        let found: Vec<&str> = cues(h).iter().map(|&(a, b)| &h[a..b]).collect();
        assert_eq!(found, ["Exclusive", "Discloses", "Highly Classified"]);
        assert!(combine(0.0, 3) > 0.8);
        assert!(combine(0.0, 1) < 0.5);
    }

    #[test]
    fn plain_headlines_have_no_cues() {
        assert!(cues("Council approves new budget for harbour repairs").is_empty());
        assert!(cues("").is_empty());
        let h = "You Won’t Believe This";
        assert_eq!(cues(h), [(0, h.len() - 5)]);
    }
}
