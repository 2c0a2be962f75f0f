//! The body's words lower-cased once, at segmentation, for every stage's word look-ups.
//!
//! The quotes stage's speaker context and the entity stage's words each lower-cased the body's
//! tokens (and normalised those with other characters than ASCII) on their own; the table
//! holds the lower-cased forms once, with each token's sentence.

use crate::document::{Sentence, Token};
use crate::lexicon::normalize_into;

/// A token outside every sentence (white space between them holds none, but a token can).
pub const NO_SENTENCE: u32 = u32::MAX;

/// Bytes of padding after the lower-cased texts, so that a look-up may read 16 bytes past any
/// token's end at once.
pub const PADDING: usize = 16;

/// The body's tokens lower-cased: see [`WordTable::build`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordTable {
    /// The body with its ASCII letters lower-cased in place (byte offsets kept: an ASCII
    /// token's lower-cased text stands at its own span, and so does a curly double quote or
    /// another character that normalisation keeps), then the normalised text
    /// ([`crate::lexicon::normalize`]) of each other token with non-ASCII characters, then
    /// [`PADDING`] NUL bytes.
    pub lower: String,
    /// Per body token: the byte range of its lower-cased text in `lower` (empty for an empty
    /// token).
    pub ranges: Vec<(u32, u32)>,
    /// Per body token: the index of the sentence holding its first byte
    /// ([`crate::Document::sentence_at`]), or [`NO_SENTENCE`].
    pub sentence: Vec<u32>,
}

impl WordTable {
    /// The table of a body's tokens and sentences.
    pub fn build(text: &str, tokens: &[Token], sentences: &[Sentence]) -> WordTable {
        let mut lower = String::with_capacity(text.len() + 64);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut ranges = Vec::with_capacity(tokens.len());
        let mut sentence = Vec::with_capacity(tokens.len());
        let mut s = 0;
        let mut last_pos = 0;
        for t in tokens {
            let (a, b) = (t.span.start, t.span.end);
            let raw = bytes.get(a..b).unwrap_or_default();
            // ASCII, and the few non-ASCII tokens normalisation keeps as they are, stand
            // lower-cased at their own span; the others are normalised and appended.
            ranges.push(if raw.is_empty() {
                (0, 0)
            } else if raw.is_ascii() || keeps_itself(raw) {
                (a as u32, b as u32)
            } else {
                let start = lower.len();
                normalize_into(t.span.slice(text), &mut lower);
                (start as u32, lower.len() as u32)
            });
            let pos = a;
            if pos < last_pos {
                s = sentences.partition_point(|x| x.span.end <= pos);
            }
            last_pos = pos;
            while s < sentences.len() && sentences[s].span.end <= pos {
                s += 1;
            }
            sentence.push(if s < sentences.len() && sentences[s].span.start <= pos {
                s as u32
            } else {
                NO_SENTENCE
            });
        }
        lower.push_str("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
        WordTable {
            lower,
            ranges,
            sentence,
        }
    }

    /// Whether the table was built for these tokens (a document whose tokens were set by hand
    /// has none; its readers then lower-case the tokens themselves).
    pub fn fits(&self, tokens: &[Token]) -> bool {
        self.ranges.len() == tokens.len() && self.sentence.len() == tokens.len()
    }

    /// The lower-cased text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.lower[a as usize..b as usize]
    }
}

/// Whether a token is one character of General Punctuation that normalisation keeps as it is
/// (curly double quotes, the ellipsis, thin spaces: not the curly single quotes or the dashes,
/// which it folds to ASCII): the commonest non-ASCII tokens of English news.
fn keeps_itself(raw: &[u8]) -> bool {
    if let [0xE2, b1 @ (0x80 | 0x81), b2] = *raw {
        let c = 0x2000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        return c <= 0x206F && !matches!(c, 0x2010 | 0x2011 | 0x2013 | 0x2014 | 0x2018 | 0x2019);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::Document;

    #[test]
    fn tokens_are_lower_cased_once_with_their_sentences() {
        let doc = Document::from_text(None, "Le Maire’s plan FAILED. São Paulo said “no”.");
        let w = &doc.words;
        assert!(w.fits(&doc.tokens));
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| w.word(i)).collect();
        for x in ["le", "maire's", "failed", "são", "paulo", "no"] {
            assert!(words.contains(&x), "{x} in {words:?}");
        }
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(
                w.sentence[i],
                doc.sentence_at(t.span.start)
                    .map_or(super::NO_SENTENCE, |s| s as u32)
            );
            assert_eq!(w.word(i), crate::lexicon::normalize(doc.span_text(&t.span)));
        }
        // Exactly the characters of General Punctuation that normalisation keeps, keep
        // themselves.
        for c in '\u{2000}'..='\u{207F}' {
            let mut b = [0; 4];
            let one: &str = c.encode_utf8(&mut b);
            let kept = crate::lexicon::normalize(one) == one;
            assert_eq!(
                super::keeps_itself(one.as_bytes()),
                kept && c <= '\u{206F}',
                "{c:?}"
            );
        }
        // An ASCII token's lower case stands at its own span.
        assert_eq!(&w.lower[0..2], "le");
        assert!(w.lower.ends_with(&"\0".repeat(super::PADDING)));
    }
}
