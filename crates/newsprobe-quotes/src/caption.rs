//! Is a paragraph a photo caption set between two paragraphs of the article's text?
//!
//! Pages copied into plain text keep an image's caption where the picture stood, often between
//! the paragraphs of one speaker's quotation ("“…,” Mr Dean said.", then "site.com   Longevity:
//! The pair kept the burger", then "“It started off as a joke …"). Such a line is no sentence of
//! the article: it ends with no full stop and carries a credit (a web address, "Photo", "Getty
//! Images") or a caption's label before a colon.

use crate::speaker::Ctx;

/// Words that credit a picture.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "picture",
    "pictured",
    "image",
    "images",
    "credit",
    "getty",
    "shutterstock",
    "afp",
    "file",
];

/// Whether paragraph `p` of the document reads as a photo caption.
pub(crate) fn is_caption(ctx: &Ctx, p: usize) -> bool {
    let Some(span) = ctx.doc.paragraphs.get(p) else {
        return false;
    };
    let text = ctx.doc.span_text(span).trim();
    if text.is_empty() || text.split_whitespace().count() > 30 {
        return false;
    }
    // A sentence (or a quotation, or a line that introduces one) is text of the article.
    if text.ends_with(['.', '!', '?', '…', ':', '"', '“', '”', '’', '\''])
        || text.contains(['"', '“', '”'])
    {
        return false;
    }
    let web = text.split_whitespace().any(|w| {
        let w = w.trim_end_matches([',', ';']).to_ascii_lowercase();
        [".com", ".org", ".net", ".co.uk", ".com.au"]
            .iter()
            .any(|d| w.ends_with(d) && w.len() > d.len())
    });
    let credit = text.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        CREDIT_WORDS.contains(&w.as_str())
    });
    // "Longevity: The pair …": a caption's label.
    let label = text
        .split_once(": ")
        .is_some_and(|(l, _)| !l.is_empty() && l.split_whitespace().count() <= 3);
    web || credit || label
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    /// A quotation over two paragraphs after a caption line is still its speaker's: the line
    /// the page kept from a picture does not end the run of the speaker's paragraphs.
    #[test]
    fn a_caption_between_quote_paragraphs_keeps_the_speaker() {
        let text = "Two friends keep a 15-year-old sandwich\n\n\
            In 2009 Perth students Liam Barker and Tom Vance bought a chicken sandwich for a \
            classmate who never came to collect it.\n\n\
            “We honestly think it is the oldest sandwich in the country,” Mr Barker said.\n\n\
            perthdaily.com.au   Preserved: The sandwich has barely changed since 2009\n\n\
            “At first it was a dare, we said we’d keep it until he turned up and then nobody \
            remembered whose it was.\n\n\
            “Now it sits on a shelf in the garage and it looks exactly the way it did the day we \
            bought it.”";
        let (name, _) = source_of(text, "At first it was a dare");
        assert!(
            name.as_deref().is_some_and(|n| n.ends_with("Barker")),
            "{name:?}"
        );
        let (name, _) = source_of(text, "sits on a shelf in the garage");
        assert!(
            name.as_deref().is_some_and(|n| n.ends_with("Barker")),
            "{name:?}"
        );
    }

    /// A subheading or a sentence between two quotations does break the run.
    #[test]
    fn a_sentence_between_quote_paragraphs_is_no_caption() {
        let doc = crate::test_support::analyzed(
            "A line\n\n“We are ready,” Ms Hale said.\n\nThe council met again on Friday.\n\n\
             “Nobody told us anything about the plan.”",
        );
        let ctx = crate::speaker::Ctx::new(&doc);
        assert!(!super::is_caption(&ctx, 1));
        assert!(!super::is_caption(&ctx, 2));
    }
}
