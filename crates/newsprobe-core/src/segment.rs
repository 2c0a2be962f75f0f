//! Segmentation: paragraphs, sentences and tokens with byte offsets.
//!
//! Rules, not a model: a paragraph is a non-blank line; a sentence ends at `.`, `!`, `?` or an
//! ellipsis (with any closing quote marks and brackets that follow) when the next word starts a
//! sentence. Titles ("Adm.", "Dr."), months ("Jan."), initials ("John F. Kennedy"), initialisms
//! ("U.S. Senate") and decimals do not end sentences. Sentences never cross paragraphs.

use crate::document::{Document, Sentence, Token, TokenKind};
use crate::lexicon::{is_alphabetic, is_alphanumeric, is_numeric};
use crate::span::{Field, Span};

/// Titles and name suffixes written with a full stop ("Adm.", "Sen.", "Jr."), lower-cased
/// without the dot. They never end a sentence, and stages that read names use them too.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "adm", "gen", "sen", "rep", "gov", "lt", "col", "capt",
    "cmdr", "sgt", "maj", "cpl", "pvt", "st", "rev", "fr", "hon", "pres", "supt", "insp", "det",
    "atty", "amb", "gens", "sens", "reps", "messrs", "mme", "mlle", "jr", "sr",
];

/// Whether a lower-cased word (without its dot) is a title or name-suffix abbreviation.
pub fn is_title_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&word)
}

/// Other abbreviations that never end a sentence (they precede a number or a name).
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vs", "v", "mt", "ft", "vol", "fig", "approx", "dept", "est", "p", "pp", "ch", "art",
    "sec",
];

/// Words that start sentences often enough to split after an ambiguous period ("U.S.", "Inc.").
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "for",
    "so",
    "yet",
    "still",
    "however",
    "meanwhile",
    "now",
    "then",
    "some",
    "many",
    "most",
    "one",
    "no",
    "not",
    "what",
    "who",
    "why",
    "how",
    "where",
    "since",
    "although",
    "though",
];

/// Fills `paragraphs`, `sentences`, `tokens`, `title_tokens` and `words` of a document.
pub fn segment(doc: &mut Document) {
    doc.tokens = tokenize(&doc.text, Field::Text);
    doc.title_tokens = tokenize(doc.title(), Field::Title);
    doc.paragraphs = paragraphs(&doc.text);
    let mut spans = sentences(&doc.text, &doc.paragraphs, &doc.tokens);
    split_after_initialisms(&doc.text, &mut spans, &doc.tokens);
    doc.sentences = spans
        .into_iter()
        .map(|span| Sentence {
            span,
            checkworthiness: 0.0,
        })
        .collect();
    doc.words = crate::words::WordTable::build(&doc.text, &doc.tokens, &doc.sentences);
}

/// Non-blank lines, trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            out.push(Span::text(start, end));
        }
        pos += line.len();
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_inner_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '‐' | '‑' | '_' | '&')
}

/// `u8::is_ascii_alphanumeric` of each byte, by table (the tokenizer asks it of every byte of
/// every word).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character starting at byte `b` of `s` (`b` on a character boundary), if any.
#[inline]
fn char_at(s: &str, b: usize) -> Option<char> {
    let x = *s.as_bytes().get(b)?;
    if x < 0x80 {
        Some(char::from(x))
    } else {
        s[b..].chars().next()
    }
}

/// Splits `s` into word, number, punctuation and symbol tokens.
///
/// Walks the text by byte offsets, decoding each character where it is read (no array of
/// characters is built first).
pub fn tokenize(s: &str, field: Field) -> Vec<Token> {
    let n = s.len();
    let at = |b: usize| char_at(s, b);
    // The byte after the character at `b` (the end of the text when there is none).
    let after = |b: usize| at(b).map_or(n, |c| b + c.len_utf8());
    // About one token per 4-6 bytes of prose: room for most texts without a regrowth.
    let mut out = Vec::with_capacity(n / 4 + 4);
    let token = |start: usize, end: usize, kind: TokenKind| Token {
        span: Span { start, end, field },
        kind,
    };
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < n {
        // Runs of ASCII spaces and line breaks (what `char::is_whitespace` accepts below 0x80).
        if matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            i += 1;
            continue;
        }
        let Some(c) = at(i) else { break };
        let width = c.len_utf8();
        if c.is_whitespace() {
            i += width;
            continue;
        }
        let start = i;
        if is_numeric(c) {
            i += width;
            while let Some(c) = at(i) {
                if is_numeric(c) {
                    i += c.len_utf8();
                } else if matches!(c, ',' | '.' | ':') && at(i + 1).is_some_and(is_numeric) {
                    i = after(i + 1);
                } else {
                    break;
                }
            }
            // "1990s", "5th", "3km": letters glued to a number stay in the token.
            while let Some(c) = at(i).filter(|&c| is_alphabetic(c)) {
                i += c.len_utf8();
            }
            out.push(token(start, i, TokenKind::Number));
        } else if is_alphabetic(c) {
            let mut segment_len = 0;
            let mut dotted = false;
            loop {
                // ASCII letters and digits, the bulk of most words, byte by byte (what the
                // character test below accepts for them, without decoding or the table).
                let run = i;
                while bytes
                    .get(i)
                    .is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)])
                {
                    i += 1;
                }
                segment_len += i - run;
                let Some(c) = at(i) else { break };
                let width = c.len_utf8();
                if is_alphanumeric(c) || c.is_mark() {
                    i += width;
                    segment_len += 1;
                } else if is_inner_joiner(c) && at(i + width).is_some_and(is_alphanumeric) {
                    i += width;
                    segment_len = 0;
                } else if c == '.'
                    && segment_len <= 2
                    && at(i + 1).is_some_and(is_alphabetic)
                    && (dotted || at(after(i + 1)).is_some_and(|d| d == '.' || !is_alphabetic(d)))
                {
                    // Initialisms: "U.S.", "e.g.", "U.K."
                    dotted = true;
                    i += 1;
                    segment_len = 0;
                } else {
                    break;
                }
            }
            if dotted && at(i) == Some('.') {
                i += 1;
            }
            out.push(token(start, i, TokenKind::Word));
        } else {
            i += width;
            // "..." is one token.
            if c == '.' {
                while at(i) == Some('.') {
                    i += 1;
                }
            }
            let kind = if c.is_ascii_punctuation() || is_punctuation(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            out.push(token(start, i, kind));
        }
    }
    out
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    fn is_mark(&self) -> bool {
        // Combining diacritics (U+0300..U+036F) and a few common combining ranges.
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    }
}

/// Unicode punctuation newsprobe cares about beyond ASCII.
pub fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '“'
            | '”'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '—'
            | '–'
            | '‐'
            | '‑'
            | '…'
            | '·'
            | '¿'
            | '¡'
            | '「'
            | '」'
            | '『'
            | '』'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
    )
}

/// Quote marks and brackets that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '’' | '”' | '»' | '›' | ')' | ']' | '“' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '„' | '«' | '‹' | '(' | '[' | '「' | '『' | '—' | '–' | '-'
    )
}

/// Sentence spans inside each paragraph.
pub fn sentences(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut ti = 0;
    for p in paragraphs {
        while ti < tokens.len() && tokens[ti].span.start < p.start {
            ti += 1;
        }
        let first = ti;
        while ti < tokens.len() && tokens[ti].span.start < p.end {
            ti += 1;
        }
        let toks = &tokens[first..ti];
        let mut sent_start = p.start;
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            // Most tokens are words: a terminal token starts with `!`, `?`, `.` or the first byte
            // of `…`, `。`, `！` or `？` (0xE2, 0xE3, 0xEF), told from its first byte alone.
            if !matches!(
                text.as_bytes().get(t.span.start),
                Some(b'!' | b'?' | b'.' | 0xE2 | 0xE3 | 0xEF)
            ) {
                k += 1;
                continue;
            }
            let tt = t.span.slice(text);
            let terminal =
                matches!(tt, "!" | "?" | "…" | "。" | "！" | "？") || tt.starts_with('.');
            if !terminal {
                k += 1;
                continue;
            }
            // Swallow further terminal punctuation and closing quotes/brackets: `force.’`, `?!`
            let mut end_k = k;
            while end_k + 1 < toks.len() {
                let nt = toks[end_k + 1];
                let s = nt.span.slice(text);
                let adjacent = nt.span.start == toks[end_k].span.end;
                let mut cs = s.chars();
                let single = cs.next().filter(|_| cs.next().is_none());
                if adjacent && (single.is_some_and(is_closer) || matches!(s, "!" | "?" | ".")) {
                    end_k += 1;
                } else {
                    break;
                }
            }
            let end = toks[end_k].span.end;
            if end_k + 1 >= toks.len() {
                break; // paragraph end closes the sentence anyway
            }
            let next = toks[end_k + 1];
            // `“Why?” Trump asked.` is one sentence; after `.”` a capital starts a new one.
            let closed_quote = end_k > k && matches!(toks[k].span.slice(text), "!" | "?");
            if ends_sentence(text, toks, k, next)
                && !(closed_quote && attribution_follows(text, &toks[end_k + 1..]))
            {
                out.push(Span::text(sent_start, end));
                sent_start = next.span.start;
            }
            k = end_k + 1;
        }
        if p.end > sent_start {
            out.push(Span::text(sent_start, p.end));
        }
    }
    out
}

/// Verbs that attribute a just-closed quotation: `“Why?” Trump asked.` stays one sentence.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "explained",
    "continued",
    "replied",
    "shouted",
    "yelled",
    "insisted",
    "noted",
    "stated",
    "declared",
    "tweeted",
    "posted",
    "recalled",
];

/// Whether the tokens after a closing quote attribute it: up to three capitalised words (a name)
/// or a pronoun, then a speech verb.
fn attribution_follows(text: &str, rest: &[Token]) -> bool {
    for (i, t) in rest.iter().take(4).enumerate() {
        let w = t.span.slice(text);
        if i > 0 && SPEECH_VERBS.contains(&w) {
            return true;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if t.kind != TokenKind::Word || !(capitalised || i > 0) {
            return false;
        }
    }
    false
}

fn ends_sentence(text: &str, toks: &[Token], k: usize, next: Token) -> bool {
    let punct = toks[k].span.slice(text);
    let next_text = next.span.slice(text);
    let next_first = next_text.chars().next().unwrap_or(' ');
    // The next sentence must start like one: upper case, a digit, or an opening mark.
    let starts_like_sentence =
        next_first.is_uppercase() || next_first.is_numeric() || is_opener(next_first);
    if !starts_like_sentence {
        return false;
    }
    if punct.starts_with('.') && punct.len() == 1 && k > 0 {
        let prev = toks[k - 1];
        let glued = prev.span.end == toks[k].span.start;
        let word = prev.span.slice(text);
        if glued && prev.kind == TokenKind::Word {
            // A short ASCII word lower-cased on the stack (the abbreviations are such words);
            // any other the general way.
            let mut stack = [0u8; 16];
            let owned;
            let lower: &str = match stack.get_mut(..word.len()) {
                Some(b) if word.is_ascii() => {
                    b.copy_from_slice(word.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).unwrap_or_default()
                }
                _ => {
                    owned = word.to_lowercase();
                    &owned
                }
            };
            if is_title_abbreviation(lower) || NON_FINAL_ABBREVIATIONS.contains(&lower) {
                return false;
            }
            // An initial: "John F. Kennedy".
            let mut cs = word.chars();
            if cs.next().is_some_and(|c| c.is_uppercase()) && cs.next().is_none() {
                return false;
            }
        }
    }
    if punct.starts_with('.') && punct.len() > 1 {
        // An ellipsis ends a sentence only before a capitalised word.
        return next_first.is_uppercase() || is_opener(next_first);
    }
    true
}

/// Initialisms ending in "." ("U.S.") are one token; a sentence may still end after one when the
/// next word is a usual sentence starter. Called by [`sentences`] through token boundaries: the
/// dot is inside the word token, so the split happens here.
pub fn split_after_initialisms(text: &str, sentences: &mut Vec<Span>, tokens: &[Token]) {
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences.iter() {
        let lo = tokens.partition_point(|t| t.span.start < s.start);
        let hi = tokens.partition_point(|t| t.span.start < s.end);
        let mut start = s.start;
        for w in lo..hi.saturating_sub(1) {
            let t = tokens[w];
            // (Most tokens do not end in `.`: their last byte tells.)
            if t.span.end < 1 || text.as_bytes().get(t.span.end - 1) != Some(&b'.') {
                continue;
            }
            let tt = t.span.slice(text);
            if t.kind == TokenKind::Word && tt.ends_with('.') && tt.len() > 2 {
                let next = tokens[w + 1];
                let nt = next.span.slice(text).to_lowercase();
                let cap = next
                    .span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase());
                if cap && SENTENCE_STARTERS.contains(&nt.as_str()) {
                    out.push(Span::text(start, t.span.end));
                    start = next.span.start;
                }
            }
        }
        out.push(Span::text(start, s.end));
    }
    *sentences = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<String> {
        let doc = Document::from_text(None, text);
        doc.sentences
            .iter()
            .map(|s| s.span.slice(&doc.text).to_string())
            .collect()
    }

    fn toks(text: &str) -> Vec<String> {
        tokenize(text, Field::Text)
            .iter()
            .map(|t| t.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn tokens_keep_byte_offsets_across_multibyte_characters() {
        let text = "L’état a dit «non» à 1.990 €… U.K.";
        assert_eq!(
            toks(text),
            [
                "L’état",
                "a",
                "dit",
                "«",
                "non",
                "»",
                "à",
                "1.990",
                "€",
                "…",
                "U.K."
            ]
        );
        let kinds: Vec<TokenKind> = tokenize(text, Field::Text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[3], TokenKind::Punct);
        assert_eq!(kinds[7], TokenKind::Number);
        assert_eq!(kinds[8], TokenKind::Symbol);
        assert_eq!(kinds[10], TokenKind::Word);
    }

    #[test]
    fn tokens_keep_initialisms_contractions_and_numbers() {
        assert_eq!(
            toks("The U.S. Navy’s 1,500 ships—don’t worry, 3.5%."),
            vec![
                "The", "U.S.", "Navy’s", "1,500", "ships", "—", "don’t", "worry", ",", "3.5", "%",
                "."
            ]
        );
        assert_eq!(
            toks("‘It’s about…,’ he said"),
            vec!["‘", "It’s", "about", "…", ",", "’", "he", "said"]
        );
    }

    #[test]
    fn abbreviations_titles_and_initials_do_not_split() {
        assert_eq!(
            sents(
                "Adm. Dragone met Sen. Smith on Jan. 5 in Washington. John F. Kennedy was there."
            ),
            vec![
                "Adm. Dragone met Sen. Smith on Jan. 5 in Washington.",
                "John F. Kennedy was there."
            ]
        );
    }

    #[test]
    fn initialisms_split_only_before_sentence_starters() {
        assert_eq!(
            sents("He spoke to the U.S. Senate on Monday. He left the U.S. The trip was short."),
            vec![
                "He spoke to the U.S. Senate on Monday.",
                "He left the U.S.",
                "The trip was short."
            ]
        );
    }

    #[test]
    fn quotes_that_end_sentences_stay_with_them() {
        assert_eq!(
            sents("‘It’s about protecting our allies.’ The admiral left. “Why?” he asked."),
            vec![
                "‘It’s about protecting our allies.’",
                "The admiral left.",
                "“Why?” he asked."
            ]
        );
    }

    #[test]
    fn a_quote_attributed_after_it_stays_one_sentence() {
        assert_eq!(
            sents(
                "“Who would have believed it?” Trump said, looking out. “Go!” The crowd cheered."
            ),
            vec![
                "“Who would have believed it?” Trump said, looking out.",
                "“Go!”",
                "The crowd cheered."
            ]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            sents("Growth was 3.5 percent... and rising. Then... Nothing happened."),
            vec![
                "Growth was 3.5 percent... and rising.",
                "Then...",
                "Nothing happened."
            ]
        );
    }

    #[test]
    fn sentences_cover_text_without_gaps_and_respect_paragraphs() {
        let text = "First para. Second sentence\n\nThird para without stop\nFourth.";
        let doc = Document::from_text(None, text);
        assert_eq!(doc.paragraphs.len(), 3);
        let mut pos = 0;
        for s in &doc.sentences {
            assert!(text[pos..s.span.start].trim().is_empty());
            pos = s.span.end;
        }
        assert!(text[pos..].trim().is_empty());
        assert_eq!(doc.sentences.len(), 4);
    }

    #[test]
    fn non_ascii_offsets_are_char_boundaries() {
        let text = "Zażółć gęślą jaźń. Łódź – “tak”! Ünïcödé end.";
        let doc = Document::from_text(None, text);
        for t in &doc.tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(doc.sentences.len(), 3);
    }
}
