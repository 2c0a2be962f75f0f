//! A site's name written with its domain (session 29, issue 11, name pieces): "the French
//! website iGen.Fr reports", "iGen.fr’s sources say". The tokenizer cuts "iGen.Fr" at its dot,
//! and the speaker rules read only "Fr" (or "fr’s sources"): a piece of the name, shown as the
//! speaker. A mention whose first token is a domain ending of two or three letters ("Fr",
//! "fr", "com", "net": `data/domain_endings.txt`) glued without a space to a dot that is glued
//! to a word of letters and digits ("iGen") takes that word and the dot back ([`glued_site`]),
//! and the name is shown from it ([`front`]). A title's dot ("Mr.Smith") and a sentence's
//! ("deal.Ann Lee said") are not read: the word after the dot must be a domain ending of the
//! list, the word before it no title.

use crate::speaker::{Ctx, Mention};
use newsprobe_core::Span;

/// Domain endings, lower case (`data/domain_endings.txt`).
const DOMAIN_ENDINGS: &str = include_str!("../data/domain_endings.txt");

/// Whether `w` (as written) is a domain ending of the list, in any case ("Fr", "fr", "COM").
fn is_domain_ending(w: &str) -> bool {
    DOMAIN_ENDINGS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.eq_ignore_ascii_case(w))
}

/// The first token of the site name whose domain ending is token `k` ("iGen" of "iGen.Fr"):
/// `k` itself where `k` is no such ending.
fn site_start(ctx: &Ctx, k: usize) -> usize {
    // (A possessive stays with its word: "fr’s" of "iGen.fr’s sources".)
    let raw = ctx.raw(k);
    let end = raw
        .strip_suffix("’s")
        .or_else(|| raw.strip_suffix("'s"))
        .unwrap_or(raw);
    // (Refused at once: a domain ending is two to four letters after a dot; the list is
    // read only then.)
    if !(2..=4).contains(&end.len()) || k < 2 || ctx.raw(k - 1) != "." {
        return k;
    }
    let glued = |a: usize| ctx.span(a).end == ctx.span(a + 1).start;
    let word = ctx.raw(k - 2).as_bytes();
    if !glued(k - 1)
        || !glued(k - 2)
        || word.is_empty()
        || !word.iter().all(u8::is_ascii_alphanumeric)
        || ctx.is_title(k - 2)
        || ctx.is_abbreviation_dot(k - 1)
        || !is_domain_ending(end)
    {
        return k;
    }
    k - 2
}

/// `m` with the site name before its domain-ending first token taken back: "Fr" of "iGen.Fr"
/// is "iGen.Fr"; "fr’s sources" is "iGen.fr’s sources".
pub fn glued_site(ctx: &Ctx, m: Mention) -> Mention {
    let first = site_start(ctx, m.first);
    if first == m.first {
        return m;
    }
    let start = ctx.span(first).start;
    Mention {
        span: Span::text(start, m.span.end),
        first,
        last: m.last,
        clause: Span::text(start.min(m.clause.start), m.clause.end),
    }
}

/// The token a name is shown from, where [`crate::resolve`]'s `name_of` would start it at
/// `first` (after dropping the lower-case "iGen" and the dot): the site's first word when
/// `first` is a domain ending whose site lies inside the mention (`from` and on).
pub fn front(ctx: &Ctx, from: usize, first: usize) -> usize {
    let s = site_start(ctx, first);
    if s >= from {
        s
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quote_with};

    fn shown(text: &str, content: &str) -> Option<String> {
        let doc = analyzed(text);
        let q = quote_with(&doc, content);
        q.source.name.clone().or_else(|| q.source.suggested.clone())
    }

    #[test]
    fn a_site_is_shown_with_its_domain() {
        let name = shown(
            "Watch prices\n\nCiting an anonymous source, the French website iGen.Fr reports that steel versions of the watch will retail for $500.\n\nApple declined to comment.",
            "steel versions of the watch",
        );
        assert_eq!(name.as_deref(), Some("iGen.Fr"));
        let doc = analyzed(
            "Watch dates\n\nAs for shipping date, iGen.fr’s sources say the Apple Watch is still on track for a February release.\n\nApple declined to comment.",
        );
        let q = quote_with(&doc, "still on track");
        let m = q.source.mention.map(|m| doc.span_text(&m));
        assert_eq!(m, Some("iGen.fr’s sources"), "{:?}", q.source);
    }

    #[test]
    fn a_title_or_a_sentence_dot_is_no_site() {
        let name = shown(
            "Budget talks\n\nThe talks went on late into the night and ended with no deal.Ann Lee said that the budget would pass next week.\n\nThe vote is on Friday.",
            "the budget would pass",
        );
        assert_ne!(name.as_deref(), Some("deal.Ann Lee"));
    }
}
