//! Which names typed a person are plainly no one: storms ("Hurricane Katrina", "Tropical Storm
//! Alberto") and laws ("the Endangered Species Act")?
//!
//! The rules type two or three unknown capitalised words a person by default and the tagger
//! reads a storm's given name as a first name, so a hurricane or an act of parliament was shown as
//! a person (on the tuned-on groups "Hurricane Katrina", "Hurricane Georges", "Marine Mammal
//! Protection Act"). Peoples in the plural ("Americans") are left alone: untyped, coreference
//! joined "Americans" to the place "America" and named the place after it (tried, session 23). Here a
//! body name typed a person whose words say it is none of those is left untyped (`other`): it
//! still joins its mentions, but is no person the report shows. Runs after the typer, outside
//! what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Words that open a storm's name.
const STORMS: &[&str] = &["hurricane", "typhoon", "cyclone", "superstorm"];

/// Last words of a law's name.
const LAWS: &[&str] = &["act", "acts", "amendment"];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether the words of a name typed a person say it is a storm (`name`: the name without any
/// title bound to it).
fn no_one(name: &[Word]) -> bool {
    let named: Vec<&Word> = name.iter().filter(|w| w.is_word).collect();
    match named[..] {
        [] => false,
        // A people in the plural ("Americans") is left alone: untyped, coreference joins it to
        // its country's place and names the place after it (session 23, tuned-on groups).
        [_] => false,
        [first, second, ..] => {
            first.cap && STORMS.contains(&first.norm)
                || (first.norm == "tropical" && second.norm == "storm")
        }
    }
}

/// Whether the words of a mention typed a person, title included ("Marine" of "Marine Mammal
/// Protection Act"), name a law: three capitalised words or more, the last "Act" or
/// "Amendment" (never "Bill", a first name).
fn law(words: &[Word]) -> bool {
    let named: Vec<&Word> = words.iter().filter(|w| w.is_word).collect();
    named.len() >= 3
        && named.iter().all(|w| w.cap)
        && named.last().is_some_and(|w| LAWS.contains(&w.norm))
}

/// Leaves untyped the body names typed a person that are storms or laws.
pub fn untype_non_persons(words: &[Word], all: &mut [Mention]) {
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Person
        {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        let whole = word_range(words, m.span);
        let storm_or_people = m.title_text.is_none() && !r.is_empty() && no_one(&words[r]);
        if storm_or_people || (!whole.is_empty() && law(&words[whole])) {
            m.etype = EntityType::Other;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn storms_and_laws_are_no_persons() {
        let k = kinds(
            "Years after Hurricane Katrina, the coast is rebuilt. Tropical Storm Alberto \
             brought rain on Monday. Under the Marine Mammal Protection Act the whales are \
             protected, officials said.",
        );
        assert!(
            !k.iter().any(|(_, t)| *t == EntityType::Person),
            "no person here: {k:?}"
        );
    }

    #[test]
    fn people_with_such_words_stay_people() {
        let k = kinds(
            "Katrina Hurst said the bill was late. Senator Ann Bill spoke after her, and \
             Roberta Typhoon Jones, a boxer, said nothing.",
        );
        for name in ["Katrina Hurst", "Ann Bill"] {
            assert!(
                k.iter()
                    .any(|(n, t)| n.contains(name) && *t == EntityType::Person),
                "{name}: {k:?}"
            );
        }
    }
}
