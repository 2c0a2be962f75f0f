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

fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.')
}

/// The words (letters and digits, with inner apostrophes, hyphens and dots) of `text`.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
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
        let raw = &text[start..end];
        let mut norm = String::with_capacity(raw.len());
        for ch in raw.chars() {
            match ch {
                '’' | '‘' => norm.push('\''),
                _ => norm.extend(ch.to_lowercase()),
            }
        }
        // Drop a trailing possessive for matching ("Finland's" stays as a word, but "'s" is kept
        // in `norm` so descriptors can tell "Finland's" from "Finland").
        out.push(Word {
            start,
            end,
            norm,
            capitalized: c.is_uppercase(),
        });
    }
    out
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
