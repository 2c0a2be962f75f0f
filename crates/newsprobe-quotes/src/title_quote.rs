//! "has signed the “Profession of Immutable Truths about Sacramental Marriage”", "author of
//! the exhaustive exposé “The War Within: America’s Battle Over Vietnam”", "(See “I Predict
//! Trump Will Continue the Cover-Up”)": words in quotation marks written in title case (each
//! word capitalised but the short function words) are the title of a work, a document or
//! another article's headline, not anyone's statement. `direct.rs` already drops a title of up
//! to six words with no lower-case word longer than three letters; partisan and propaganda
//! sites quote longer titles and headlines, with "about", "with", "from" in lower case.
//!
//! Session 24 (`s24-ptcspeak24`, issue 11): two such titles on the tuned-on PTC groups were
//! printed as statements, one shown with a speaker ("LifeSiteNews").

use newsprobe_core::{Span, TokenKind};

use crate::speaker::Ctx;

/// Function words a title leaves in lower case.
const FUNCTION: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "as",
    "vs", "vs.", "with", "about", "from", "into", "over", "after", "under", "upon", "onto", "than",
    "via", "per", "against", "between", "without", "through",
];

/// Whether the quoted `content` is written as a title: four to twelve words, each capitalised
/// (or a number) but the function words, at least three of them capitalised, and not all in
/// capitals (a shout, "“WE WILL NOT LEAVE”", is speech).
pub fn titled(ctx: &Ctx, content: &Span) -> bool {
    let text = &ctx.doc.text;
    let words: Vec<&str> = ctx
        .doc
        .tokens_in(content)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text))
        .collect();
    if !(4..=12).contains(&words.len()) {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    let all_titled = words.iter().all(|w| {
        capitalised(w)
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || FUNCTION.contains(&w.to_lowercase().as_str())
    });
    let caps = words.iter().filter(|w| capitalised(w)).count();
    let lower_letters = words
        .iter()
        .any(|w| w.chars().skip(1).any(|c| c.is_lowercase()));
    all_titled && caps >= 3 && lower_letters
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_title_in_marks_is_no_statement() {
        // Written for the project (session 24).
        let q = quoted(
            "The retired bishop has also signed the “Declaration of Faithful Witness about \
             Christian Marriage” with eleven other priests. \
             The historian Ruth Ellery, author of “The Long Retreat: A Village Through the \
             Great War,” explained that the records were lost.",
        );
        assert!(
            !q.iter().any(|t| t.contains("Declaration of Faithful")),
            "{q:?}"
        );
        assert!(!q.iter().any(|t| t.contains("The Long Retreat")), "{q:?}");
    }

    #[test]
    fn speech_stays_a_quotation() {
        // Written for the project (session 24).
        let q = quoted(
            "“We will not leave this building until the council listens,” said the tenants' \
             leader, Maria Okafor. The crowd chanted “WE WILL NOT LEAVE” until midnight.",
        );
        assert!(
            q.iter()
                .any(|t| t.contains("We will not leave this building")),
            "{q:?}"
        );
    }
}
