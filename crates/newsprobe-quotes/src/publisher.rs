//! "The fake story came from a site called MSNBC.website.com. … “Unconfirmed reports say …,”
//! the story claims": a document whose own phrase names no author is its publisher's where a
//! sentence near it says where a document came from or was published ("The bogus piece was
//! published on Empire News"), and only one publisher is given so (issue 11: the reviewed
//! sample types such a statement `named`, its author named in the article). The document
//! stays the mention; the publisher becomes the source's name.

use newsprobe_core::{SourceType, Span};

use crate::document::Author;
use crate::speaker::Ctx;

/// Sentences before a document searched for its publisher ("The fake story came from …" can
/// open a paragraph the story's headline and quotations follow).
const BEFORE: usize = 4;

/// Sentences after it ("A hoax article saying … has gone viral. The bogus piece was published
/// on Empire News").
const AFTER: usize = 1;

/// News items, which an outlet publishes and speaks through ("the story", "a hoax article",
/// "The headline from the bogus story"): the documents this rule credits, and the ones whose
/// provenance it reads. A study or paper "published in" a journal is its researchers', not
/// the journal's (`document`), a video or post "posted on" a platform is not the platform's,
/// and a report is as often an agency's or a study as an outlet's: none of them is one.
const NEWS_ITEMS: &[&str] = &[
    "story",
    "stories",
    "article",
    "articles",
    "piece",
    "headline",
    "headlines",
];

/// Whether token `k` is a news item ([`NEWS_ITEMS`]) written in lower case.
pub fn is_news_item(ctx: &Ctx, k: usize) -> bool {
    NEWS_ITEMS.contains(&ctx.word(k)) && (!ctx.is_capitalized(k) || ctx.sentence_bounds(k).0 == k)
}

/// Verbs of a document's provenance and the prepositions after which they name its
/// publisher ("came from", "was published on", "appeared in", "was posted by").
const PROVENANCE: &[(&str, &[&str])] = &[
    ("came", &["from"]),
    ("comes", &["from"]),
    ("originated", &["from", "on", "with", "at"]),
    ("published", &["on", "by", "in"]),
    ("appeared", &["on", "in"]),
    ("ran", &["on", "in"]),
];

/// Auxiliaries between a document and its provenance verb ("was published", "first appeared").
const BETWEEN: &[&str] = &[
    "was",
    "were",
    "is",
    "had",
    "been",
    "has",
    "first",
    "originally",
];

/// Media nouns a name follows after "called" or "named" ("a site called MSNBC.website.com").
const CALLED_MEDIA: &[&str] = &["site", "website", "blog", "page", "outlet", "account"];

/// The publisher named at token `j` (after the preposition): a person or organisation entity,
/// a medium introduced by name ("a site called X"), or a capitalised name.
fn publisher_at(ctx: &Ctx, j: usize, end: usize) -> Option<Author> {
    let mut k = j;
    while k < end && ctx.is_determiner(k) {
        k += 1;
    }
    if k + 2 < end
        && CALLED_MEDIA.contains(&ctx.word(k))
        && matches!(ctx.word(k + 1), "called" | "named")
    {
        return called_name(ctx, k + 2, end);
    }
    if k >= end || !ctx.is_word(k) || !ctx.is_capitalized(k) {
        return None;
    }
    crate::document::author_at(ctx, j, end)
}

/// The name after "called": its tokens up to a comma, a lower-case word or the sentence's
/// end ("MSNBC.website.com, which was designed …").
fn called_name(ctx: &Ctx, k: usize, end: usize) -> Option<Author> {
    if !ctx.is_capitalized(k) {
        return None;
    }
    let mut last = k;
    while last + 1 < end && last + 1 - k < 6 {
        let n = last + 1;
        let joined = ctx.span(n).start == ctx.span(last).end;
        if matches!(ctx.word(n), "," | ";" | ":" | "(" | ")")
            || !(joined || (ctx.is_word(n) && ctx.is_capitalized(n)))
        {
            break;
        }
        last = n;
    }
    while last > k && ctx.is_punct(last) {
        last -= 1;
    }
    Some(Author::Written(
        Span::text(ctx.span(k).start, ctx.span(last).end),
        SourceType::Named,
    ))
}

/// The publisher a sentence gives a document: a document noun followed by a provenance verb
/// and its preposition ("The fake story came from …").
fn publisher_in(ctx: &Ctx, a: usize, b: usize) -> Option<Author> {
    (a..b).filter(|&k| is_news_item(ctx, k)).find_map(|k| {
        let mut v = k + 1;
        while v < b && BETWEEN.contains(&ctx.word(v)) {
            v += 1;
        }
        let preps = PROVENANCE.iter().find(|(w, _)| *w == ctx.word(v))?.1;
        (v + 1 < b && preps.contains(&ctx.word(v + 1)))
            .then(|| publisher_at(ctx, v + 2, b))
            .flatten()
    })
}

/// The one publisher given a document in the sentences around sentence `s` (none, or more
/// than one, gives `None`).
pub fn nearby_publisher(ctx: &Ctx, s: usize) -> Option<Author> {
    let n = ctx.doc.sentences.len();
    let lo = s.saturating_sub(BEFORE);
    let hi = (s + AFTER).min(n.saturating_sub(1));
    let mut found: Option<Author> = None;
    for t in lo..=hi {
        let (a, b) = ctx.sentence_tokens(t);
        if let Some(p) = publisher_in(ctx, a, b) {
            match &found {
                Some(q) if !same(ctx, q, &p) => return None,
                _ => found = Some(p),
            }
        }
    }
    found
}

/// Whether two publishers are the same entity or the same name as written.
fn same(ctx: &Ctx, a: &Author, b: &Author) -> bool {
    match (a, b) {
        (Author::Entity(x), Author::Entity(y)) => x == y,
        (Author::Written(x, _), Author::Written(y, _)) => {
            ctx.doc.span_text(x) == ctx.doc.span_text(y)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quote_with};
    use newsprobe_core::SourceType;

    fn source(text: &str, content: &str) -> (Option<String>, SourceType) {
        let doc = analyzed(text);
        let q = quote_with(&doc, content);
        (q.source.name.clone(), q.source.kind)
    }

    /// "The fake story came from a site called …. … the story claims": the site's.
    #[test]
    fn a_story_is_the_site_it_came_from() {
        let text = "Singer alive\n\nThe fake story came from a site called Newsday.website.com, \
                    which was designed to look like a real paper. The two have no connection.\n\n\
                    “Unconfirmed reports say the singer was found dead on Tuesday,” the story \
                    claims.";
        let (name, kind) = source(text, "Unconfirmed reports say");
        assert_eq!(name.as_deref(), Some("Newsday.website.com"));
        assert_eq!(kind, SourceType::Named);
    }

    /// "A hoax article saying … has gone viral. The bogus piece was published on Tern News":
    /// the publisher named in the next sentence.
    #[test]
    fn an_article_is_the_outlet_that_published_it() {
        let text = "No film\n\nA hoax article saying that the director will make a film of the \
                    series has gone viral. The bogus piece was published on Tern Daily News, a \
                    satirical website.";
        let (name, kind) = source(text, "the director will make a film");
        assert_eq!(kind, SourceType::Named, "{name:?}");
        assert!(
            name.as_deref()
                .is_some_and(|n| n.contains("Tern Daily News")),
            "{name:?}"
        );
    }

    /// Two publishers near the document: whose it is cannot be told; and a document with no
    /// provenance sentence stays its mention, `unnamed`.
    #[test]
    fn two_publishers_or_none_give_no_name() {
        let text = "Singer alive\n\nThe first story came from a site called Newsday.website.com. \
                    A second story came from a site called Gazette.website.com.\n\n\
                    “Unconfirmed reports say the singer was found dead on Tuesday,” the story \
                    claims.";
        let (name, kind) = source(text, "Unconfirmed reports say");
        assert_eq!(name, None);
        assert_eq!(kind, SourceType::Unnamed);
        let text = "Singer alive\n\nFans were upset on Tuesday.\n\n\
                    “Unconfirmed reports say the singer was found dead on Tuesday,” the story \
                    claims.";
        let (name, kind) = source(text, "Unconfirmed reports say");
        assert_eq!(name, None);
        assert_eq!(kind, SourceType::Unnamed);
    }
}
