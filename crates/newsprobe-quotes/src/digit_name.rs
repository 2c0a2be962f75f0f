//! A name that opens with a digit (session 28, issue 11): "9to5Mac claims the company has
//! distributed over 3,000 units", "According to 9News.com", "7News reported": a word that
//! opens with a digit, goes on in letters and digits only, and holds a capital after its
//! opening and some lower-case letters, is read as a capitalised word, so that it can be
//! the subject of a cue as "TechCrunch" is. ("3M", "4G", "5Gs", "1990s", "10am" are not:
//! no lower-case letter, fewer than three letters, or no capital.) The tokenizer cuts
//! "9to5Mac" after "9to" (a number's letters end its token): a mention opening on "5Mac"
//! takes back the glued "9to" before it ([`glued_name`]), and "9to" is read capitalised
//! with it ([`capitalized_at`]). A site's name, "9News.com", is left as before (no speaker
//! read): a shown "9News" would not be the site's name as written.

use crate::speaker::{Ctx, Mention};
use newsprobe_core::{Document, Span};

/// Whether `raw` is a name opening with a digit ("9to5Mac", "9News", "2Pac", "4Kids").
pub fn is_digit_opening_name(raw: &str) -> bool {
    let b = raw.as_bytes();
    // (Refused at once: nearly every word opens with a letter.)
    if !b.first().is_some_and(u8::is_ascii_digit) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    letters >= 3
        && b[1..].iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
}

/// Whether token `k` of `doc` is read as a capitalised word for a digit-opening name: the name
/// itself ("9News", not a site's "9News.com", whose speaker is left unread) or the number
/// glued before one ("9to" of "9to5Mac").
pub fn capitalized_at(doc: &Document, k: usize) -> bool {
    let raw = |k: usize| doc.tokens.get(k).map_or("", |t| t.span.slice(&doc.text));
    let glued = |a: usize, b: usize| {
        doc.tokens
            .get(a)
            .zip(doc.tokens.get(b))
            .is_some_and(|(x, y)| x.span.end == y.span.start)
    };
    // (Refused at once: both readings open with a digit, and nearly every word opens with a letter.)
    if !raw(k).as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let site = |k: usize| raw(k + 1) == "." && glued(k, k + 1) && glued(k + 1, k + 2);
    if is_digit_opening_name(raw(k)) {
        return !site(k);
    }
    let mut n = k;
    while glued(n, n + 1) && raw(n).bytes().all(|b| b.is_ascii_alphanumeric()) {
        n += 1;
        if is_digit_opening_name(raw(n)) {
            return raw(k).as_bytes().first().is_some_and(u8::is_ascii_digit) && !site(n);
        }
    }
    false
}

/// `m` with the tokens glued before its digit-opening first token (no space between) taken
/// back: "9to" before "5Mac" is "9to5Mac".
pub fn glued_name(ctx: &Ctx, m: Mention) -> Mention {
    if !is_digit_opening_name(ctx.raw(m.first)) {
        return m;
    }
    let mut first = m.first;
    while first > 0
        && ctx.span(first - 1).end == ctx.span(first).start
        && !ctx.raw(first - 1).is_empty()
        && ctx
            .raw(first - 1)
            .bytes()
            .all(|b| b.is_ascii_alphanumeric())
    {
        first -= 1;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::analyzed;

    #[test]
    fn digit_opening_names() {
        for w in ["9to5Mac", "9News", "7News", "2Pac", "4Kids"] {
            assert!(is_digit_opening_name(w), "{w}");
        }
        for w in [
            "3M", "4G", "5Gs", "1990s", "10am", "2nd", "9to5mac", "said", "", "9-News",
        ] {
            assert!(!is_digit_opening_name(w), "{w}");
        }
    }

    #[test]
    fn a_digit_opening_publication_speaks() {
        let doc = analyzed(
            "Watch battery life\n\nApple is testing the watch in large numbers. 9to5Mac claims the company has distributed over 3,000 units as the process continues.\n\nThe company declined to comment on the report.",
        );
        let q = crate::test_support::quote_with(&doc, "distributed over 3,000 units");
        let name = q.source.name.clone().or_else(|| q.source.suggested.clone());
        assert_eq!(name.as_deref(), Some("9to5Mac"), "{:?}", doc.quotes);
        let doc = analyzed(
            "Old burger\n\nThe burger still looks new after twenty years in a box.\n\nAccording to 9News.com out of Australia, two friends bought the burger in 1995 and kept it.\n\nThey plan to sell it for charity.",
        );
        let q = crate::test_support::quote_with(&doc, "two friends bought the burger");
        let name = q.source.name.clone().or_else(|| q.source.suggested.clone());
        assert_eq!(name.as_deref(), None, "{:?}", doc.quotes);
    }
}
