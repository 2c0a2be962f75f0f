//! Is a deity, a personification or a creed a named person ("God", "Mother Nature", "Sharia",
//! "God's Grace")?
//!
//! The rules and the tagger read a capitalised word that acts ("God knows", "Mother Nature
//! struck") as a person's name: on the tuned-on review groups "God" (x3), "Mother Nature",
//! "Sharia", "Shariah", "God Grace" (of "God's Grace") and "Lord Prayer" (of "the Lord's
//! Prayer") were shown as people; no gold of the sample lists them (GUM's does type "God" a
//! person: a fact-checker's report does not). Here a body name typed a person, no title bound,
//! whose words are one of `data/deities.txt`, or open with one in the possessive, is left
//! untyped (`other`): it still joins its mentions, but is no named person the report shows.
//! A one-word name stays a person where a person's longer name in the article holds it.
//! "Lord Prayer" stays: the rules bind "Lord" as a title ("Lord Ashcroft"). Runs after the
//! typer, outside what the tagger and typer are trained on.

use std::sync::OnceLock;

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::Set;
use crate::mentions::{self, Mention, MentionKind, Word};

/// The list: deities, personifications and creeds, lower case, one a line.
const LIST: &str = include_str!("../data/deities.txt");

fn names() -> &'static Set<&'static str> {
    static NAMES: OnceLock<Set<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| crate::gazetteer::list_entries(LIST).collect())
}

/// Whether the words of a name are a deity, personification or creed of the list, or open
/// with one written in the possessive ("God's Grace"). `key` is a buffer reused from name to name.
fn deity(name: &[Word], key: &mut String) -> bool {
    let mut named = name.iter().filter(|w| w.is_word);
    let Some(first) = named.next() else {
        return false;
    };
    if !first.cap {
        return false;
    }
    let list = names();
    if first.poss && named.clone().next().is_some() && list.contains(first.norm) {
        return true;
    }
    key.clear();
    key.push_str(first.norm);
    for w in named {
        key.push(' ');
        key.push_str(w.norm);
    }
    list.contains(key.as_str())
}

/// The indices of the body names typed a person that [`deity`] reads as no one, and whether
/// each is one word.
fn hits(words: &[Word], all: &[Mention]) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut key = String::new();
    for (i, m) in all.iter().enumerate() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Person
            || m.title_text.is_some()
        {
            continue;
        }
        let std::ops::Range { start: a, end: b } = mentions::name_words(words, m);
        if deity(&words[a..b], &mut key) {
            out.push((i, b - a == 1));
        }
    }
    out
}

/// Leaves untyped the body names typed a person that are a deity, a personification or a creed;
/// a one-word name only where no person's longer name in the article holds it ("Islam" after
/// "Godfrey Islam").
pub fn untype_deities(words: &[Word], all: &mut [Mention]) {
    let found = hits(words, all);
    if found.is_empty() {
        return;
    }
    for &(i, _) in found.iter().filter(|(_, one)| !one) {
        all[i].etype = EntityType::Other;
    }
    let longer = crate::mentions::long_person_name_words(all);
    for &(i, _) in found.iter().filter(|(_, one)| *one) {
        if !longer.contains(&newsprobe_core::lexicon::normalize(all[i].name_text.trim())) {
            all[i].etype = EntityType::Other;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn deities_and_creeds_are_no_persons() {
        let k = kinds(
            "\"Only God knows what happened,\" Maria Lopez said. Mother Nature struck again on \
             Tuesday. The group wants Sharia imposed. \"By God's Grace we survived,\" she said.",
        );
        for (n, t) in &k {
            assert!(
                !(*t == EntityType::Person && (n.contains("God") || n.contains("Nature"))),
                "{n} typed a person: {k:?}"
            );
            assert!(
                !(*t == EntityType::Person && n.contains("Sharia")),
                "{n} typed a person: {k:?}"
            );
        }
        assert!(
            k.iter()
                .any(|(n, t)| n == "Maria Lopez" && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn people_whose_names_hold_such_words_stay_people() {
        let k = kinds(
            "Lord Ashcroft said the poll was clear. Godfrey Islam, a teacher, said the school \
             would reopen. Islam said parents were relieved.",
        );
        for name in ["Ashcroft", "Godfrey Islam"] {
            assert!(
                k.iter()
                    .any(|(n, t)| n.contains(name) && *t == EntityType::Person),
                "{name}: {k:?}"
            );
        }
    }
}
