//! Are "Democrats" and "Muslims" persons?
//!
//! The rules type a capitalised plural of a party or a faith a plural person ("Democrats",
//! "Catholics": the gazetteer's group nouns), as GUM does. The reviewed sample, written for the
//! reader, counts a party named by its members' plural as the party, an organisation ("the
//! Democrats blocked the bill"), and a faith's believers as no named entity at all ("Muslims
//! prayed", like "Americans"). Here a one-word name typed a person that is a party's plural
//! becomes an organisation, and a faith's plural is left untyped. Runs after the typer, outside
//! what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Parties named by their members in the plural (lower case).
const PARTIES: &[&str] = &["democrats", "republicans", "dems", "tories"];

/// Believers of a faith in the plural (lower case).
const FAITHS: &[&str] = &[
    "muslims",
    "christians",
    "jews",
    "hindus",
    "buddhists",
    "sikhs",
    "catholics",
    "protestants",
    "mormons",
    "evangelicals",
];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Retypes one-word party plurals an organisation and untypes faith plurals typed a person.
pub fn type_party_plurals(words: &[Word], all: &mut [Mention]) {
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Person
            || m.title_text.is_some()
        {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        let [w] = &words[r] else {
            continue;
        };
        if !w.cap {
            continue;
        }
        if PARTIES.contains(&w.norm) {
            m.etype = EntityType::Organization;
        } else if FAITHS.contains(&w.norm) {
            m.etype = EntityType::Other;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn a_party_in_the_plural_is_an_organisation() {
        let k = kinds(
            "Democrats blocked the spending bill on Thursday, and Republicans vowed to bring it \
             back next week, Senator Ann Marsh said.",
        );
        for name in ["Democrats", "Republicans"] {
            assert!(
                k.iter()
                    .any(|(n, t)| n == name && *t == EntityType::Organization),
                "{name}: {k:?}"
            );
        }
        assert!(
            k.iter()
                .any(|(n, t)| n == "Ann Marsh" && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn believers_in_the_plural_are_no_persons() {
        let k = kinds(
            "Muslims and Christians gathered at the square after the attack, and Catholics \
             held a vigil, said Omar Haddad, who organised the march.",
        );
        for name in ["Muslims", "Christians", "Catholics"] {
            assert!(
                !k.iter().any(|(n, t)| n == name && *t == EntityType::Person),
                "{name}: {k:?}"
            );
        }
        assert!(
            k.iter()
                .any(|(n, t)| n == "Omar Haddad" && *t == EntityType::Person),
            "{k:?}"
        );
    }
}
