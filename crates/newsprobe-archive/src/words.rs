//! Which words does a text hold? A small Unicode word tokenizer with byte offsets.

/// A word of a text: byte offsets and the lower-cased form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Lower-cased, curly apostrophes folded to `'`.
    pub norm: String,
    /// Whether the word starts with an upper-case letter.
    pub capitalized: bool,
}

/// A word reads as its lower-cased form (so phrase lexicons match words and plain forms alike).
impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        &self.norm
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.')
}

/// The byte ranges of the words (letters and digits, with inner apostrophes, hyphens and dots)
/// of `text`, and whether each starts with an upper-case letter. Allocates nothing.
pub fn word_bounds(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if is_inner(d) {
                    // Keep an inner mark only when a letter or digit follows it.
                    let mut ahead = text[j + d.len_utf8()..].chars();
                    match ahead.next() {
                        Some(n) if n.is_alphanumeric() => {
                            chars.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            return Some((start, end, c.is_uppercase()));
        }
        None
    })
}

/// The words of `text` with their lower-cased forms.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (start, end, capitalized) in word_bounds(text) {
        // "'s" is kept in `norm` so descriptors can tell "Finland's" from "Finland".
        out.push(Word {
            start,
            end,
            norm: normalize_word(&text[start..end]),
            capitalized,
        });
    }
    out
}

/// The lower-cased forms of the words of `text`, borrowed from it where the word is already
/// lower-case ASCII (most words): the same forms as [`words`], with far fewer allocations.
pub fn word_norms(text: &str) -> Vec<std::borrow::Cow<'_, str>> {
    word_bounds(text)
        .map(|(start, end, _)| {
            let raw = &text[start..end];
            if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                std::borrow::Cow::Borrowed(raw)
            } else {
                std::borrow::Cow::Owned(normalize_word(raw))
            }
        })
        .collect()
}

/// The lower-cased form of one word, curly apostrophes folded to `'` (ASCII words take a
/// fast path: one copy, no per-character Unicode look-up).
pub fn normalize_word(raw: &str) -> String {
    if raw.is_ascii() {
        return raw.to_ascii_lowercase();
    }
    let mut norm = String::with_capacity(raw.len());
    for ch in raw.chars() {
        match ch {
            '’' | '‘' => norm.push('\''),
            _ => norm.extend(ch.to_lowercase()),
        }
    }
    norm
}

/// Lower-cased words only.
pub fn norms(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.norm).collect()
}

/// English function words, ignored by the similarity measures.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "it's",
    "me",
    "more",
    "most",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "said",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "told",
    "say",
    "just",
    "may",
    "new",
    "two",
    "three",
    "year",
    "years",
    "people",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "according",
];

/// Whether `w` (lower-cased) is a function word.
pub fn is_stop(w: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    SET.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_forms_equal_the_words_forms() {
        let t = "The Minister’s aide said O’Brien’s well-known U.S. plan costs 1,000 ÉTAT euros.";
        let a: Vec<String> = words(t).into_iter().map(|w| w.norm).collect();
        let b: Vec<String> = word_norms(t).into_iter().map(|w| w.into_owned()).collect();
        assert_eq!(a, b);
        assert!(matches!(
            word_norms("plan")[0],
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn words_keep_inner_marks_and_offsets() {
        let t = "Finland’s Interior Minister said: “U.S. well-known, 1,000.”";
        let w = words(t);
        let n: Vec<&str> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            n,
            [
                "finland's",
                "interior",
                "minister",
                "said",
                "u.s",
                "well-known",
                "1",
                "000"
            ]
        );
        assert_eq!(&t[w[0].start..w[0].end], "Finland’s");
        assert!(w[0].capitalized && !w[3].capitalized);
    }

    #[test]
    fn stop_words_are_found() {
        assert!(is_stop("the") && is_stop("according") && !is_stop("minister"));
    }
}
