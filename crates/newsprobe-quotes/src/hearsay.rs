//! Does a statement left without a source pass on hearsay? The `unattributed_claims` signal
//! lists a statement only where its sentence marks it as something reported or rumoured with
//! nobody named ("reportedly", "allegedly", "it was reported that", "is said to", "rumour"):
//! a plain statement of fact with no cue is mostly the outlet's own background, a lede sourced
//! later, a slogan or an instruction, and readers judged 11 of 15 such firings wrong on the
//! tuned-on groups (session 14).
//!
//! Not hearsay for the signal:
//! - a marker in a relative clause ("Epstein, who reportedly killed himself"): background about
//!   someone else, not the statement's claim;
//! - a sentence that names its source after the statement ("…, the Morning News reported",
//!   "…, AppleInsider reports"), even when the name is no entity the tagger found;
//! - a lede sourced in the next sentence ("A rumor claims X. Citing an unnamed source, French
//!   website iGen reports …");
//! - a rumour the story reports in order to debunk it: "hoax", "fake", "bogus", "debunked" or
//!   "not true" in the statement's paragraph or the next three.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use newsprobe_core::{Document, Span, TokenKind};

use crate::lexicon;

/// Single words that mark hearsay (lower case).
const MARKER_WORDS: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "rumor",
    "rumors",
    "rumored",
    "rumour",
    "rumours",
    "rumoured",
    "speculation",
    "unconfirmed",
];

/// Phrases that mark hearsay (lower case, matched on the words joined by single spaces).
const MARKER_PHRASES: &[&str] = &[
    "it is reported",
    "it was reported",
    "it has been reported",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "it is said",
    "it was said",
    "widely believed",
    "is believed to",
    "are believed to",
    "was believed to",
    "were believed to",
    "is thought to",
    "was thought to",
    "is understood to",
    "according to reports",
    "reports say",
    "reports suggest",
    "reported to have",
];

/// Words before a marker that open a relative clause.
const RELATIVE: &[&str] = &["who", "which", "whom", "whose"];

/// Lower-cased words of `span`, with their spans.
fn words(doc: &Document, span: &Span) -> Vec<(Span, String)> {
    doc.tokens_in(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.span, doc.span_text(&t.span).to_lowercase()))
        .collect()
}

/// Whether the sentence `sentence` marks the statement `said` as hearsay with no named source.
pub(crate) fn hearsay(doc: &Document, sentence: &Span, said: &Span) -> bool {
    if names_source_after(doc, sentence, said)
        || named_in_next_sentence(doc, sentence)
        || debunked(doc, said)
    {
        return false;
    }
    let w = words(doc, sentence);
    let word_marker = w.iter().enumerate().any(|(i, (_, x))| {
        MARKER_WORDS.contains(&x.as_str()) && !(i > 0 && RELATIVE.contains(&w[i - 1].1.as_str()))
    });
    if word_marker {
        return true;
    }
    let mut joined = String::with_capacity(w.iter().map(|(_, x)| x.len() + 1).sum::<usize>() + 2);
    joined.push(' ');
    for (i, (_, x)) in w.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(x);
    }
    joined.push(' ');
    padded_phrases().is_match(&joined)
}

/// Each of [`MARKER_PHRASES`] with a space on either side (`" it is said "`), searched for at
/// once in the sentence's words joined by spaces (as `joined.contains(" {p} ")` for each).
fn padded_phrases() -> &'static AhoCorasick {
    static PADDED: OnceLock<AhoCorasick> = OnceLock::new();
    PADDED.get_or_init(|| {
        AhoCorasick::new(MARKER_PHRASES.iter().map(|p| format!(" {p} ")))
            .expect("a few short phrases build")
    })
}

/// [`DEBUNK`] searched for in any ASCII case: the same as searching the lower-cased words in
/// text that [`lowered_for_ascii`] lower-cases by ASCII alone (non-ASCII bytes match no ASCII
/// word either way).
fn debunk_words() -> &'static AhoCorasick {
    static WORDS: OnceLock<AhoCorasick> = OnceLock::new();
    WORDS.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(DEBUNK)
            .expect("a few short words build")
    })
}

/// Words that say the story reports a rumour to debunk it (lower case).
const DEBUNK: &[&str] = &[
    "hoax",
    "fake",
    "bogus",
    "debunk",
    "not true",
    "false report",
];

/// "hoax", "fake", … in the statement's paragraph or the next three (a debunking story tells the
/// rumour first).
fn debunked(doc: &Document, said: &Span) -> bool {
    let Some(p) = doc.paragraph_at(said.start) else {
        return false;
    };
    (p..p + 4).any(|i| {
        doc.paragraphs.get(i).is_some_and(|ps| {
            let text = doc.span_text(ps);
            if has_ascii_lowering_letter(text) {
                let t = lowered_for_ascii(text);
                DEBUNK.iter().any(|d| t.contains(d))
            } else {
                // (No copy: the ASCII case-blind search finds what the copy's search found.)
                debunk_words().is_match(text)
            }
        })
    })
}

/// Whether `text` holds the Kelvin sign or the dotted capital I (the characters that lower-case
/// to an ASCII letter), found by their UTF-8 lead bytes (`memchr2`) instead of decoding every
/// character: the same answer as `text.contains(['\u{212A}', '\u{0130}'])`.
fn has_ascii_lowering_letter(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xC4, 0xE2, b).any(|i| {
        b[i..].starts_with("\u{0130}".as_bytes()) || b[i..].starts_with("\u{212A}".as_bytes())
    })
}

/// `text` lower-cased as far as a search for lower-case ASCII words can tell: ASCII
/// lower-casing alone (a copy, no Unicode case tables), except where a character lower-cases to
/// an ASCII letter (the Kelvin sign to "k", the dotted capital I to "i" and a dot), where the
/// full Unicode lower case is taken. Every other character lower-cases to non-ASCII
/// characters, which no ASCII word matches either way.
fn lowered_for_ascii(text: &str) -> String {
    if has_ascii_lowering_letter(text) {
        return text.to_lowercase();
    }
    let mut t = text.to_owned();
    t.make_ascii_lowercase();
    t
}

/// The next sentence names a source: a word with a capital letter (not the sentence's first)
/// right before a reporting verb ("French website iGen reports …", "Reuters said"), or
/// "according to" before a capitalised word.
fn named_in_next_sentence(doc: &Document, sentence: &Span) -> bool {
    let Some(si) = doc.sentence_at(sentence.end.saturating_sub(1)) else {
        return false;
    };
    let Some(next) = doc.sentences.get(si + 1) else {
        return false;
    };
    let toks: Vec<&str> = doc
        .tokens_in(&next.span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.span_text(&t.span))
        .collect();
    let capital = |w: &str| w.chars().any(char::is_uppercase);
    toks.windows(2).enumerate().any(|(i, w)| {
        let v = w[1].to_lowercase();
        (i > 0 && capital(w[0]) && lexicon::cue(&v).is_some())
            || (w[0].eq_ignore_ascii_case("according")
                && v == "to"
                && toks.get(i + 2).is_some_and(|n| capital(n)))
    })
}

/// "…, the Morning News reported." / "…, AppleInsider reports": after the statement, a comma,
/// an optional "the", one to four capitalised words and a reporting verb.
fn names_source_after(doc: &Document, sentence: &Span, said: &Span) -> bool {
    let tail = doc
        .text
        .get(said.end.max(sentence.start)..sentence.end)
        .unwrap_or("");
    let tail = tail.trim_start_matches(['"', '\'', '”', '’', ' ']);
    let Some(rest) = tail.strip_prefix(',') else {
        return false;
    };
    let toks: Vec<&str> = rest
        .split(|c: char| c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    let mut i = 0;
    if toks.first().is_some_and(|t| t.eq_ignore_ascii_case("the")) {
        i = 1;
    }
    let start = i;
    while i < toks.len() && i - start < 4 && toks[i].chars().next().is_some_and(char::is_uppercase)
    {
        i += 1;
    }
    if i == start {
        return false;
    }
    toks.get(i).is_some_and(|v| {
        let v = v
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        lexicon::cue(&v).is_some()
    })
}

#[cfg(test)]
mod tests {
    use crate::unsourced::tests::unsourced;

    #[test]
    fn ascii_lowering_finds_what_unicode_lowering_finds() {
        for text in [
            "The “HOAX” Spread Fast — Officials Say It Is Not True.",
            "A FA\u{212A}E report on Zürich’s İstanbul office",
            "Ελληνικά ΣΟΦΙΑ: a Bogus claim",
        ] {
            for d in super::DEBUNK {
                assert_eq!(
                    super::lowered_for_ascii(text).contains(d),
                    text.to_lowercase().contains(d),
                    "{text} / {d}"
                );
            }
        }
        assert!(super::lowered_for_ascii("A FA\u{212A}E report").contains("fake"));
    }

    #[test]
    fn case_blind_searches_find_what_the_lowered_copies_found() {
        for text in [
            "The “HOAX” Spread Fast — Officials Say It Is Not True.",
            "A fa\u{212A}e-free Zürich report, NOT  TRUE and not-true",
            "Ελληνικά ΣΟΦΙΑ: a Bogus claim, DeBuNkEd on Friday",
            "No such word here, only notrue and fak e.",
            "",
        ] {
            let found = super::DEBUNK
                .iter()
                .any(|d| super::lowered_for_ascii(text).contains(d));
            assert_eq!(
                super::has_ascii_lowering_letter(text),
                text.contains(['\u{212A}', '\u{0130}'])
            );
            if !text.contains(['\u{212A}', '\u{0130}']) {
                assert_eq!(super::debunk_words().is_match(text), found, "{text}");
            }
        }
        for words in [
            "it is said that",
            "the report said it is said",
            "he is said to have",
            "reports say",
            "reports sayings",
            "xit is said",
            "",
        ] {
            let joined = format!(" {words} ");
            let found = super::MARKER_PHRASES
                .iter()
                .any(|p| joined.contains(&format!(" {p} ")));
            assert_eq!(super::padded_phrases().is_match(&joined), found, "{words}");
        }
    }

    #[test]
    fn hearsay_with_no_source_is_listed() {
        let text = "The ferry's main engine was reportedly damaged by a fishing trawler \
                    anchored off the harbour mouth at Dunmore.";
        let found = unsourced(text);
        assert!(
            found
                .iter()
                .any(|s| s.contains("engine was reportedly damaged")),
            "{found:?}"
        );
    }

    #[test]
    fn a_plain_statement_a_motto_and_background_are_not_listed() {
        let text = "The harbour board will raise the berthing fees for the larger trawlers \
                    from the first of March, the board's plan shows.\n\n\
                    The town's old motto, still carved over the school gate, reads Stand Firm \
                    Against The Tide And Keep The Lamps Lit.\n\n\
                    The inquiry heard from the skipper of the Mary Ellen, who reportedly \
                    ignored three radio warnings on the night of the storm.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_lede_sourced_next_and_a_debunked_rumour_are_not_listed() {
        let text = "A rumor on Monday claims the new Dunmore ferry will cost the county twice \
                    the budgeted amount once the engines are fitted.\n\n\
                    Citing two shipyard workers, local website HarbourWatch reports the engines \
                    alone will cost more than the whole ferry was meant to.\n\n\
                    Rumors claiming the singer Mara Quinn allegedly died in a car crash started \
                    spreading online on Sunday. The story is a hoax from a fake news site.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_source_named_after_the_statement_is_a_source() {
        let text = "Rescue crews are reportedly searching the lower valley for two missing \
                    hikers, the Dunmore Courier reported.";
        let found = unsourced(text);
        assert!(found.is_empty(), "{found:?}");
    }
}
