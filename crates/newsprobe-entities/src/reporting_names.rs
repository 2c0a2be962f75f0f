//! Is a two-word name typed a person only because nothing said otherwise an outlet the
//! article says reports ("Harbour Screen reported on Monday that ...")?
//!
//! The rules type any two or three unknown capitalised words a person by default, and the typer
//! changes a type only when sure by a margin; whether an outlet's coined name ("Harbour Screen",
//! "Bay Ledger") stays a person then depends on the tagger's seed (session 22: three of five
//! retrained seeds kept one a person). `outlets` types such names from what the article says
//! around them ("NAME reports", "NAME has confirmed", "NAME, a startup firm"), but only names
//! nothing typed. Here the same construction after the name also retypes a two-word person the
//! name's words give no other reason for: no first name, title, role, occupation, common or
//! lower-case word in it (a three-word run is often a role before a name the gazetteer does not
//! know, "Correspondent Ilse Marovt"), no title bound to it, and no word of it in another
//! person's name of the article ("Petrak said" after "Dusan Petrak reported" keeps both a
//! person). Runs after the typer, outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set};
use crate::mentions::{Mention, MentionKind, Word};

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether the words of a name typed a person give it no reason of their own to be one.
fn person_by_default(words: &[Word], r: &std::ops::Range<usize>, lowercase: &Set<&str>) -> bool {
    r.len() == 2
        && words[r.clone()].iter().all(|w| {
            w.is_word
                && w.cap
                && !w.poss
                && !w.is(flag::FIRST_NAME
                    | flag::TITLE
                    | flag::ROLE_NOUN
                    | flag::COMMON
                    | flag::DEMONYM)
                && !lowercase.contains(w.norm)
                && !crate::occupations::is_occupation(w.norm)
        })
}

/// Retypes as organisations the body names typed a person by default that the article says
/// report ("NAME reported", "NAME is reporting", "NAME has confirmed").
pub fn type_reporting_names(words: &[Word], lowercase: &Set<&str>, all: &mut [Mention]) {
    let body_name = |m: &Mention| m.kind == MentionKind::Name && m.span.field == Field::Text;
    let mut typed: Vec<String> = Vec::new();
    for m in all.iter() {
        if !body_name(m) || m.etype != EntityType::Person || typed.contains(&m.name_text) {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        if r.is_empty()
            || !person_by_default(words, &r, lowercase)
            || !crate::outlets::after(words, r.end)
        {
            continue;
        }
        // Every mention of the name untitled, and none of its words in another person's name.
        let own = &m.name_text;
        let titled = all
            .iter()
            .any(|o| body_name(o) && &o.name_text == own && o.title_text.is_some());
        let shared = all.iter().any(|o| {
            body_name(o)
                && &o.name_text != own
                && matches!(o.etype, EntityType::Person)
                && words[word_range(words, o.name.unwrap_or(o.span))]
                    .iter()
                    .any(|w| words[r.clone()].iter().any(|x| x.norm == w.norm))
        });
        if !titled && !shared {
            typed.push(own.clone());
        }
    }
    if typed.is_empty() {
        return;
    }
    for m in all.iter_mut() {
        if body_name(m) && m.etype == EntityType::Person && typed.contains(&m.name_text) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use newsprobe_core::EntityType;

    /// A coined outlet's name that reports is an organisation, whatever the typer's seed made of
    /// it.
    #[test]
    fn a_coined_outlet_that_reports_is_an_organisation() {
        let text = "The council has not said when the pool will reopen. Bay Ledger reported \
on Tuesday that repairs would take a year. The newspaper said the contract went to a firm from \
out of town.";
        crate::test_support::assert_typed(text, &["Bay Ledger"], EntityType::Organization);
    }

    /// A person who reports keeps the type: a first name, a title, or the surname alone
    /// elsewhere says so.
    #[test]
    fn reporters_with_names_of_their_own_stay_people() {
        let text = "Dusan Petrak reported from the border for a week. Petrak said the crossings \
had doubled since May. Correspondent Ilse Marovt reported that the camps were full. Sarah \
Quenby has confirmed the figures.";
        crate::test_support::assert_typed(
            text,
            // "Correspondent" is no role the gazetteer knows: the name keeps it, a person.
            &["Dusan Petrak", "Correspondent Ilse Marovt", "Sarah Quenby"],
            EntityType::Person,
        );
    }
}
