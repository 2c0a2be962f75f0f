//! Place or person: "Jim Hill" (a given name before a place word) or "Laos" (a bare place of
//! the gazetteer typed a person)?
//!
//! The rules read "Hill" as a place's head word, so "Jim Hill" or "Grant Hill" came out a place;
//! and the typer made a person of a lone capitalised word that the hand-written gazetteer lists
//! as a country or a place ("Laos" on the tuned-on review groups). Here a body name typed a
//! place of two words, a given name (no place itself: "Charlotte", "Victoria") and then "Hill",
//! is a person; and a one-word body name typed a person, no title bound, that the hand-written
//! gazetteer lists as a country or a place and no given name, is a place, unless a person's
//! longer name in the article holds the word ("Washington" after "Denzel Washington"). A place
//! name a given name or a title opens stays a person ("President Lincoln"). Runs after the typer,
//! outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::flag;
use crate::mentions::{self, Mention, MentionKind, Word};

/// Place words that are also common surnames, after a given name.
const SURNAME_HEADS: &[&str] = &["hill"];

/// The words of a body name (indices into `words`).
fn span_words(words: &[Word], m: &Mention) -> (usize, usize) {
    let r = mentions::name_words(words, m);
    (r.start, r.end)
}

/// The type this body name should have, if the rule retypes it.
fn retype(words: &[Word], m: &Mention) -> Option<EntityType> {
    if m.kind != MentionKind::Name || m.span.field != Field::Text || m.title_text.is_some() {
        return None;
    }
    match m.etype {
        EntityType::Place if m.name_text.contains(' ') => {
            let (a, b) = span_words(words, m);
            let [g, h] = words.get(a..b)? else {
                return None;
            };
            let given = g.cap
                && g.is(flag::FIRST_NAME)
                && !g.is(flag::PLACE | flag::COUNTRY_NAME | flag::PLACE_LIST);
            (given && h.cap && SURNAME_HEADS.contains(&h.norm)).then_some(EntityType::Person)
        }
        EntityType::Person if !m.name_text.contains(' ') => {
            let (a, b) = span_words(words, m);
            let [w] = words.get(a..b)? else {
                return None;
            };
            (w.cap && w.is(flag::PLACE | flag::COUNTRY_NAME) && !w.is(flag::FIRST_NAME))
                .then_some(EntityType::Place)
        }
        _ => None,
    }
}

/// Types "Jim Hill" a person and a bare gazetteer place typed a person a place.
pub fn type_places_and_persons(words: &[Word], all: &mut [Mention]) {
    let hits: Vec<(usize, EntityType)> = all
        .iter()
        .enumerate()
        .filter_map(|(i, m)| retype(words, m).map(|t| (i, t)))
        .collect();
    if hits.is_empty() {
        return;
    }
    let longer = crate::mentions::long_person_name_words(all);
    for (i, t) in hits {
        let m = &mut all[i];
        if t == EntityType::Place
            && longer.contains(&newsprobe_core::lexicon::normalize(m.name_text.trim()))
        {
            continue;
        }
        m.etype = t;
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn a_given_name_before_hill_is_a_person() {
        let k = kinds(
            "Colleagues including Hannah Storm, Jim Hill and Jane McManus signed the letter. \
             Jim Hill said the network had ignored them.",
        );
        assert!(has(&k, "Jim Hill", EntityType::Person), "{k:?}");
    }

    #[test]
    fn a_bare_country_is_no_person() {
        let k = kinds(
            "Laos warned on Monday that the dam could fail, officials in Vientiane said. \
             Denzel Washington arrived later. Washington said he was proud of the film.",
        );
        assert!(!has(&k, "Laos", EntityType::Person), "{k:?}");
        assert!(has(&k, "Denzel Washington", EntityType::Person), "{k:?}");
    }
}
