//! Is this name a holiday's owner ("Valentine" of "Valentine's Day", "Mother" of "Mother's Day",
//! "St. Patrick" of "St. Patrick's Day")? A named day is no person, and its possessor is no
//! entity at all: it would take the pronouns meant for a real person nearby.

use newsprobe_core::EntityType;

use crate::mentions::{Mention, MentionKind, Word};

/// Capitalised words that make a possessive name before them a named day.
const DAY_WORDS: &[&str] = &["day", "eve", "night", "weekend"];

/// Whether the words `a..b` (a capitalised run ending in a possessive) name a day with the
/// capitalised word after them ("Valentine's Day").
pub fn owns_a_day(words: &[Word], b: usize) -> bool {
    b > 0
        && words[b - 1].poss
        && words
            .get(b)
            .is_some_and(|w| w.cap && DAY_WORDS.contains(&w.norm))
}

/// Drops the person and untyped names that own a named day (after the tagger and the typer,
/// which may make "Valentine" a person on their own).
pub fn drop_day_owners(words: &[Word], mentions: &mut Vec<Mention>) {
    if !words.iter().any(|w| w.cap && DAY_WORDS.contains(&w.norm)) {
        return;
    }
    mentions.retain(|m| {
        if m.kind != MentionKind::Name
            || !matches!(m.etype, EntityType::Person | EntityType::Other)
            || m.span.field != newsprobe_core::Field::Text
        {
            return true;
        }
        let end = m.name.unwrap_or(m.span).end;
        // The word the name ends on (its possessive is not part of the span).
        let b = words.partition_point(|w| w.start < end);
        !(b > 0 && words[b - 1].end == end && owns_a_day(words, b))
    });
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, EntityType};

    #[test]
    fn a_named_day_names_no_person() {
        let text = "Shops across Ohio expect record sales before Valentine's Day. \
\"Valentine's Day is our Christmas,\" said Maria Lopez, who runs a flower shop in Columbus. \
She said prices for roses had doubled before Mother's Day last year.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        let people: Vec<&str> = doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, vec!["Maria Lopez"]);
        let lopez = doc.entity_named("Maria Lopez").expect("Maria Lopez");
        assert_eq!(doc.mention_texts(lopez), vec!["Maria Lopez", "She"]);
    }
}
