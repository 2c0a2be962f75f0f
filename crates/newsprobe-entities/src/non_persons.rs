//! Which names typed a person are plainly no one: storms ("Hurricane Katrina", "Tropical Storm
//! Alberto"), laws ("the Endangered Species Act"), peoples in the plural ("Americans", "Saudis")
//! and plural common nouns opening a sentence ("Officials said ...")?
//!
//! The rules type two or three unknown capitalised words a person by default and the tagger
//! reads a storm's given name as a first name, so a hurricane, an act of parliament, a
//! nationality in the plural or a sentence-opening "Officials" was shown as a person (on the
//! tuned-on groups "Hurricane Katrina", "Marine Mammal Protection Act", "Americans", "Saudis").
//! A people untyped must not join its country's place in coreference ("Americans" with
//! "America"): `coref.rs` keeps plural names out of singular clusters (session 23, round 2). Here a
//! body name typed a person whose words say it is none of those is left untyped (`other`): it
//! still joins its mentions, but is no person the report shows. Runs after the typer, outside
//! what the tagger and typer are trained on.

use std::collections::HashSet;

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::flag;
use crate::mentions::{Mention, MentionKind, Word};

/// Words that open a storm's name.
const STORMS: &[&str] = &["hurricane", "typhoon", "cyclone", "superstorm"];

/// Plural common nouns for groups of people that open sentences capitalised ("Officials said",
/// "Residents fled"): never a name alone.
const PLURAL_COMMON: &[&str] = &[
    "officials",
    "authorities",
    "residents",
    "experts",
    "critics",
    "analysts",
    "investigators",
    "witnesses",
    "protesters",
    "protestors",
    "researchers",
    "scientists",
    "doctors",
    "police",
    "prosecutors",
    "lawmakers",
    "legislators",
    "voters",
    "supporters",
    "opponents",
    "activists",
    "officers",
    "troops",
    "soldiers",
    "militants",
    "rebels",
    "sources",
    "diplomats",
    "regulators",
    "economists",
    "villagers",
    "locals",
    "citizens",
    "members",
    "leaders",
    "users",
    "customers",
    "passengers",
    "victims",
    "survivors",
    "families",
    "neighbors",
    "neighbours",
    "nurses",
    "firefighters",
    "rescuers",
    "volunteers",
    "organizers",
    "organisers",
    "employees",
    "workers",
    "farmers",
    "shoppers",
    "consumers",
    "investors",
    "traders",
    "tourists",
    "visitors",
    "fans",
    "students",
    "teachers",
    "parents",
    "observers",
    "lawyers",
    "attorneys",
    "detectives",
    "agents",
    "spokesmen",
    "insiders",
    "commentators",
    "historians",
    "engineers",
    "staffers",
    "medics",
    "paramedics",
    "migrants",
    "refugees",
    "demonstrators",
    "scholars",
    "physicians",
    "judges",
];

/// Last words of a law's name.
const LAWS: &[&str] = &["act", "acts", "amendment"];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether the words of a name typed a person say it is a storm, a people or a plural common
/// noun opening a sentence (`name`: the name without any
/// title bound to it).
fn no_one(name: &[Word]) -> bool {
    let named: Vec<&Word> = name.iter().filter(|w| w.is_word).collect();
    match named[..] {
        [] => false,
        // "Americans", "Saudis", "Greeks"; "Officials" opening a sentence.
        [w] => {
            w.cap
                && ((w.is(flag::DEMONYM) && w.norm.ends_with('s') && w.norm != "u.s.")
                    || (w.sent_start && PLURAL_COMMON.contains(&w.norm)))
        }
        [first, second, ..] => {
            first.cap && STORMS.contains(&first.norm)
                || (first.norm == "tropical" && second.norm == "storm")
        }
    }
}

/// The article's lower-case words for [`lower_elsewhere`]: scanned for the first few names
/// (a scan stops at the first hit and most articles ask once or twice), gathered into a set after
/// [`SCANS`] so a long transcript opening many sentences with plurals stays linear.
enum Lower<'w> {
    Scans(usize),
    Set(HashSet<&'w str>),
}

/// How many scans of the article [`Lower`] makes before it gathers its lower-case words.
const SCANS: usize = 8;

/// Whether a one-word name opening a sentence is a plural common noun the article also writes in
/// lower case ("Magazines ... the magazines"): a word in the plural, never a first name.
fn lower_elsewhere<'w>(words: &'w [Word], w: &Word, lower: &mut Lower<'w>) -> bool {
    if !(w.sent_start
        && w.norm.len() > 3
        && w.norm.ends_with('s')
        && !w.norm.ends_with("ss")
        && !w.is(flag::FIRST_NAME))
    {
        return false;
    }
    let lower_case = |o: &&Word| o.is_word && !o.cap;
    match lower {
        Lower::Scans(n) if *n < SCANS => {
            *n += 1;
            words.iter().filter(lower_case).any(|o| o.norm == w.norm)
        }
        Lower::Scans(_) => {
            let set: HashSet<&str> = words.iter().filter(lower_case).map(|o| o.norm).collect();
            let found = set.contains(w.norm);
            *lower = Lower::Set(set);
            found
        }
        Lower::Set(set) => set.contains(w.norm),
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

/// Leaves untyped the body names typed a person that are storms, laws, peoples or plural common
/// nouns opening a sentence.
pub fn untype_non_persons(words: &[Word], all: &mut [Mention]) {
    let mut lower = Lower::Scans(0);
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Person
        {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        let whole = word_range(words, m.span);
        let lone = match &words[r.clone()] {
            [w] => lower_elsewhere(words, w, &mut lower),
            _ => false,
        };
        let storm_or_people =
            m.title_text.is_none() && !r.is_empty() && (no_one(&words[r]) || lone);
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
    fn peoples_and_sentence_opening_groups_are_no_persons() {
        let k = kinds(
            "Americans were told to leave the region by Friday, the State Department said. \
             Saudis voted in local elections for the first time. Officials said the border \
             would stay closed. Residents fled as the fire spread toward America's largest \
             national park.",
        );
        assert!(
            !k.iter().any(|(_, t)| *t == EntityType::Person),
            "no person here: {k:?}"
        );
    }

    #[test]
    fn a_plural_written_in_lower_case_elsewhere_is_no_person() {
        let k = kinds(
            "Magazines are closing across the country. Two of the magazines in the city \
             shut last month, Jane Roberts said. Roberts runs a bookshop on Main Street.",
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Magazines" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(n, t)| n.contains("Roberts") && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn a_people_never_names_its_country() {
        let k = kinds(
            "America is changing fast. Americans are moving south, census figures show, \
             and America's cities in the north are shrinking.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "America" && *t == EntityType::Place),
            "the place keeps its name: {k:?}"
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Americans" && *t == EntityType::Place),
            "no place named after its people: {k:?}"
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
