//! "Time magazine wrote", "The Times newspaper reported": a medium noun after a publication's
//! name written before it is that named publication (`named`), not an unnamed description
//! ("the newspaper", "a local newspaper", "the Italian magazine" stay what they were).
//!
//! Session 20 (`s20-junk`): the judged pick of readable articles showed such sources typed
//! `unnamed` (the head word "magazine" is no capitalised name, so `source_type::is_named`
//! refused them).

use crate::speaker::{Ctx, Mention};

/// Nouns of a medium that follow its name ("Time magazine", "the Sentinel newspaper").
const MEDIUM_NOUNS: &[&str] = &[
    "newspaper",
    "magazine",
    "daily",
    "weekly",
    "tabloid",
    "broadcaster",
    "website",
    "channel",
    "network",
];

/// Whether a capitalised word reads as a nationality or place adjective by its ending
/// ("Italian", "British", "Chinese", "Israeli", "Greek").
fn demonym_shape(word: &str) -> bool {
    ["an", "ish", "ese", "i", "ic", "ch", "ek"]
        .iter()
        .any(|e| word.len() > 3 && word.ends_with(e))
}

/// Whether the mention is a publication's name and its medium noun: the last word one of
/// [`MEDIUM_NOUNS`], the word before it a capitalised word that is no determiner, title, role,
/// group word or nationality, and, at a sentence's start, a word the article never writes in
/// lower case.
pub fn is_named_publication(ctx: &Ctx, m: &Mention) -> bool {
    if m.last <= m.first || !MEDIUM_NOUNS.contains(&ctx.word(m.last)) {
        return false;
    }
    let k = m.last - 1;
    let w = ctx.word(k);
    if !ctx.is_word(k)
        || !ctx.is_capitalized(k)
        || ctx.is_determiner(k)
        || ctx.is_title(k)
        || ctx.is_role_noun(k)
        || ctx.is_group_word(k)
        || ctx.is_pronoun(k)
        || w.ends_with("'s")
        || w.ends_with("’s")
        || demonym_shape(w)
        || crate::lexicon::is_number_word(w)
    {
        return false;
    }
    k != ctx.sentence_bounds(k).0 || !ctx.word_cases(k).lower
}

/// The name with its possessive when the mention is a name written with "'s" and nothing after
/// it but punctuation or a verb of saying ("according to Barron's.", "Barron's reported"): a
/// publication or a shop whose name ends in "'s" (the entity stage kept "Barron"). A possessive
/// before a noun ("Barron's editor said") is left as it is. Session 21 (`s21-junk21`).
pub fn possessive_name(ctx: &Ctx, m: &Mention, name: &str) -> Option<String> {
    if m.last < m.first || m.last >= ctx.len() || name.is_empty() {
        return None;
    }
    let written = ctx
        .doc
        .span_text(&newsprobe_core::Span::text(
            ctx.span(m.first).start,
            ctx.span(m.last).end,
        ))
        .trim();
    let bare = written
        .strip_suffix("'s")
        .or_else(|| written.strip_suffix("’s"))?;
    if bare != name || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // (Session 22: a possessive before a quoted title is an author's: "according to E. J.
    // Fleming's ''The Fixers''" stays "E. J. Fleming". The entity stage may type a
    // publication a person, "Barron", so the type is not read.)
    let next = m.last + 1;
    let quote_mark = |k: usize| {
        ctx.doc
            .span_text(&ctx.span(k))
            .starts_with(['"', '\'', '\u{201c}', '\u{2018}', '`'])
    };
    let ends = next >= ctx.len()
        || (ctx.is_punct(next) && !quote_mark(next))
        || ctx.verb_cue(next).is_some();
    ends.then(|| written.to_string())
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    #[test]
    fn a_publication_named_before_its_medium_noun_is_named() {
        let text = "Harbour council delays the ferry vote\n\n\
            The council postponed its vote on the new ferry terminal on Tuesday. \
            The Sentinel newspaper also reported last month that the budget had doubled.\n\n\
            \u{201c}The vote has been pushed to spring,\u{201d} wrote Coastline magazine.";
        let (_, kind) = source_of(text, "the budget had doubled");
        assert_eq!(kind, SourceType::Named);
        let (_, kind) = source_of(text, "pushed to spring");
        assert_eq!(kind, SourceType::Named);
    }

    #[test]
    fn a_described_medium_is_not_named() {
        let text = "Harbour council delays the ferry vote\n\n\
            The council postponed its vote on the new ferry terminal on Tuesday. \
            An Italian newspaper reported that the budget had doubled. \
            A local magazine said the vote had been pushed to spring.";
        let (_, kind) = source_of(text, "the budget had doubled");
        assert_ne!(kind, SourceType::Named);
        let (_, kind) = source_of(text, "pushed to spring");
        assert_ne!(kind, SourceType::Named);
    }

    #[test]
    fn an_authors_possessive_before_a_title_is_no_name() {
        let text = "A fixer of the studio years\n\n\
            The studio's real fixer kept its stars out of the papers, according to Harriet \
            Mbeki's \"The Quiet Men\" and other sources.";
        let (name, _) = source_of(text, "kept its stars out");
        assert_ne!(name.as_deref(), Some("Harriet Mbeki's"));
    }

    #[test]
    fn a_name_ending_in_a_possessive_is_shown_whole() {
        let text = "Analysts split on the watch\n\n\
            Some analysts still expect the watch to sell well. Every phone owner will buy one \
            as well, according to Barron's.";
        let (name, _) = source_of(text, "Every phone owner");
        assert_eq!(name.as_deref(), Some("Barron's"));
    }
}
