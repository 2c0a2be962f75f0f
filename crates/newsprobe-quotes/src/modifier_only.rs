//! An entity the article writes only as the modifier of a common noun ("Oscar organizers", "a
//! strong Oscar contender", "the latest Star Wars: The Force Awakens buzz") names an award, a
//! film, a product, not a person or an organisation that speaks: no pronoun or speaker is
//! resolved to it ("“It's really important …,” he said" is not the Oscar's). A name that speaks
//! is written as a subject or an object somewhere ("Howard said", "told Howard"); a name
//! before a noun is read as a modifier by the noun's word cluster (`newsprobe_core::clusters`,
//! learned from unlabelled text: the nouns' subtrees, no word list), not before a cue ("Smith
//! claims"), "to" or "that" ("Trump plans to"), nor before a document noun ("The NY Daily
//! News headline taunted": the outlet's own words); an organisation before a speaker's role
//! noun ("a Google spokesman") is left alone: the role's employer.

use newsprobe_core::{clusters, Entity, EntityType, Span};

use crate::speaker::{Ctx, Mention};

/// Whether a word's cluster path lies in the noun subtrees of the bundled cluster file
/// (paths opening "1" or "001": "contender", "organizers", "buzz", "family"; the verbs,
/// prepositions and determiners open "01", "0000" or "0001").
fn noun_cluster(word: &str) -> bool {
    clusters::path(word).is_some_and(|p| p.starts_with('1') || p.starts_with("001"))
}

/// Whether every name mention of `e` (a person or an organisation) stands right before a
/// lower-case common noun: a modifier, never a speaker.
pub(crate) fn modifier_only(ctx: &Ctx, e: &Entity) -> bool {
    if !matches!(e.kind, EntityType::Person | EntityType::Organization) {
        return false;
    }
    let text = ctx.doc.text.as_str();
    let mut any = false;
    for s in &e.mentions {
        let written = ctx.doc.span_text(s).trim();
        if written.is_empty() || crate::lexicon::pronoun_any_case(written).is_some() {
            continue;
        }
        any = true;
        let k = ctx.token_at_or_after(s.end);
        if k + 1 >= ctx.len() || !ctx.is_word(k) || ctx.is_capitalized(k) {
            return false;
        }
        let gap = text.get(s.end..ctx.span(k).start).unwrap_or("x");
        let w = ctx.word(k);
        if gap.is_empty()
            || !gap.chars().all(char::is_whitespace)
            || !noun_cluster(w)
            || ctx.cue(k).is_some()
            || ctx.is_document_noun(k)
            || matches!(ctx.word(k + 1), "to" | "that")
            || (e.kind == EntityType::Organization && crate::junk::can_head_speaker(w))
        {
            return false;
        }
    }
    any
}

/// Whether a speaker mention (no pronoun) overlaps a mention of an entity that is only ever
/// a modifier ([`modifier_only`]): "The Force Awakens (buzz seems to indicate)" is no speaker.
pub(crate) fn is_modifier_mention(ctx: &Ctx, m: &Mention) -> bool {
    if m.first > m.last || m.last + 1 >= ctx.len() || (m.first == m.last && ctx.is_pronoun(m.last))
    {
        return false;
    }
    let span = Span::text(ctx.span(m.first).start, ctx.span(m.last).end);
    let ms = ctx.entity_mentions();
    // (The entity's mention ends the speaker's: "Sweden Democrat leader Jimmie Akesson" is
    // headed by the name after the modifier.)
    let found = ms
        .index
        .overlapping(span)
        .any(|i| ms.span[i].end == span.end && modifier_only(ctx, &ctx.doc.entities[ms.entity[i]]));
    found
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    /// An award written only before nouns is no referent of "he": the director is.
    #[test]
    fn an_award_before_nouns_is_no_speaker() {
        let text = "Even as Juno organizers announced the host on Friday, the season looked \
                    uncertain. \"We are all waiting,\" said Marta Lindqvist, whose new film is \
                    considered a strong Juno contender. \"It's really important that we come \
                    up with a solution,\" he said.";
        let (name, _) = source_of(text, "It's really important");
        assert_ne!(name.as_deref(), Some("Juno"));
    }

    /// A film's title before a noun is no speaker, and no referent of a later "it".
    #[test]
    fn a_title_before_a_noun_is_no_speaker() {
        let text = "The latest Moon Harbor buzz seems to indicate that the release may come \
                    early. The studio, Kestrel Pictures, has started to go after leaks, and last \
                    week it asked a judge to subpoena a website.";
        let (name, _) = source_of(text, "the release may come early");
        assert_ne!(name.as_deref(), Some("Moon Harbor"));
    }

    /// A person written as a subject elsewhere keeps being a speaker.
    #[test]
    fn a_name_written_as_a_subject_still_speaks() {
        let text = "The Okafor campaign opened an office downtown. Okafor said the office \
                    would stay open all year.";
        let (name, _) = source_of(text, "the office would stay open");
        assert_eq!(name.as_deref(), Some("Okafor"));
    }
}
