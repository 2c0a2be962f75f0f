//! Which word lists hold a word? One look-up a word of the body answers it for every detector
//! that reads the classifiers' tokens (`newsprobe_classify::features::tokenize`): the claim cues
//! of check-worthiness, the stance model's stop, refuting and hedging words, and the framing
//! lexicon's one-word entries that the propaganda tagger reads (instead of one look-up a word
//! in each of the three tables).

use std::sync::LazyLock;

use newsprobe_classify::features::{Token, WordMap};
use newsprobe_classify::{checkworthy, stance};

use crate::propaganda::features::lexicon_word_bits;

/// A word's flags in each list: check-worthiness cues, stance words, framing lexicon bits.
type Flags = (u16, u16, u8);

static TABLE: LazyLock<WordMap<Flags>> = LazyLock::new(|| {
    let mut table: WordMap<Flags> = WordMap::default();
    for (h, f) in checkworthy::lexicon().iter() {
        table.entry(h).or_default().0 |= f;
    }
    for (h, f) in stance::lexicon().iter() {
        table.entry(h).or_default().1 |= f;
    }
    for (h, f) in lexicon_word_bits() {
        table.entry(h).or_default().2 |= f;
    }
    table
});

/// The flags of each token of a text, one list per reader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordFlags {
    /// `newsprobe_classify::checkworthy::lexicon` flags.
    pub checkworthy: Vec<u16>,
    /// `newsprobe_classify::stance::lexicon` flags.
    pub stance: Vec<u16>,
    /// The framing lexicon's bits (`propaganda::features::lex_bit`).
    pub framing: Vec<u8>,
}

impl WordFlags {
    /// The flags of `tokens`, one look-up each.
    pub fn of(tokens: &[Token]) -> Self {
        let table = &*TABLE;
        let n = tokens.len();
        let mut out = WordFlags {
            checkworthy: Vec::with_capacity(n),
            stance: Vec::with_capacity(n),
            framing: Vec::with_capacity(n),
        };
        for t in tokens {
            let (c, s, f) = table.get(&t.hash).copied().unwrap_or_default();
            out.checkworthy.push(c);
            out.stance.push(s);
            out.framing.push(f);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_classify::features::tokenize;

    #[test]
    fn one_look_up_gives_each_lists_flags() {
        let text = "Officials claimed the shocking plan would not raise taxes by 40 percent, \
                    but critics doubt it: we were misled, they say.";
        let tokens = tokenize(text);
        let flags = WordFlags::of(&tokens);
        let want_cw: Vec<u16> = tokens
            .iter()
            .map(|t| checkworthy::lexicon().get(t.hash))
            .collect();
        let want_st: Vec<u16> = tokens
            .iter()
            .map(|t| stance::lexicon().get(t.hash))
            .collect();
        let bits = lexicon_word_bits().collect::<std::collections::HashMap<_, _>>();
        let want_fr: Vec<u8> = tokens
            .iter()
            .map(|t| bits.get(&t.hash).copied().unwrap_or(0))
            .collect();
        assert_eq!(flags.checkworthy, want_cw);
        assert_eq!(flags.stance, want_st);
        assert_eq!(flags.framing, want_fr);
        // Each list has words here: "raise" and "percent" (claim cues), "doubt" and "the"
        // (stance), "shocking" (framing).
        let word = |w: &str| tokens.iter().position(|t| &text[t.start..t.end] == w);
        for (w, list) in [("raise", 0), ("percent", 0), ("the", 1), ("shocking", 2)] {
            let i = word(w).expect("the word");
            let set = match list {
                0 => flags.checkworthy[i] != 0,
                1 => flags.stance[i] != 0,
                _ => flags.framing[i] != 0,
            };
            assert!(set, "{w}");
        }
        assert_eq!(WordFlags::of(&[]), WordFlags::default());
    }
}
