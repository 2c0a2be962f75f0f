//! The front words the entity stage fused into a person's name: the tail of a title or an
//! organisation's name before the given name ("Apple Senior Vice President of Retail and Online
//! Stores Angela Ahrendts" named "Online Stores Angela Ahrendts"; "Esquire's Ben Collins" named
//! "Esquire Ben Collins"), an occupation ("Apple Chief Designer Jony Ive" named "Designer Jony
//! Ive"). The speaker is shown from the given name on. A noun fused before a surname ("the
//! homeless Samaritan Lin") is shown by the person's fuller name ([`fused_noun_surname`]).
//!
//! Session 21 (`s21-junk21`): titles and organisations fused with a person's name were a junk
//! class of a judged pick of 60 FNC-1 bodies of the tuning pool (`s21_judged.tsv`).

use newsprobe_core::{Entity, EntityType};
use newsprobe_entities::gazetteer::{Gender, GAZETTEER};

use crate::lexicon;

/// Whether `w` is a given name of the gazetteer (either gender).
fn given(w: &str) -> bool {
    let w = w.to_lowercase();
    w.chars().count() >= 2 && GAZETTEER.gender_of_word(&w) != Gender::Unknown
}

/// Whether `w` is an initial or an abbreviation ("J.", "Mr.").
fn initial(w: &str) -> bool {
    w.ends_with('.') || w.chars().count() < 2
}

/// `name` (a person's, as the entity stage wrote it) from its given name on, when the words
/// before it are fused title or organisation words: a name of three words or more whose first
/// word is no given name, no initial, with a capitalised given name of the gazetteer among the
/// later words and a surname after it ("Online Stores Angela Ahrendts" is "Angela Ahrendts"),
/// or whose first word is an occupation ("Designer Jony Ive" is "Jony Ive"). Names that open
/// with a given name ("Josh Paler Lin", "Martin Luther King") and names with no given name of
/// the gazetteer ("Taugan Tan Kadalim") stay as they are.
pub fn from_given_name(name: &str) -> &str {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return name;
    }
    let first = words[0];
    if given(first) || initial(first) || !first.chars().next().is_some_and(char::is_uppercase) {
        return name;
    }
    let occupation = newsprobe_entities::occupations::is_occupation(&first.to_lowercase());
    let at = if occupation {
        Some(1)
    } else {
        (1..words.len() - 1).find(|&i| {
            given(words[i])
                && words[i].chars().next().is_some_and(char::is_uppercase)
                && words[..i].iter().all(|w| !initial(w))
                // (A surname after it, not an initial: "Askia Muhammad A" stays.)
                && words[i + 1..].iter().any(|w| !initial(w))
        })
    };
    match at {
        Some(i) => {
            // (The byte offset of the i-th word: the name is split on single spaces by the
            // entity stage; any other spacing leaves the name as it is.)
            let skip: usize = words[..i].iter().map(|w| w.len() + 1).sum();
            match name.get(skip..) {
                Some(rest) if rest.starts_with(words[i]) => rest,
                _ => name,
            }
        }
        None => name,
    }
}

/// Lower-case words before a name that make a word between them and the surname a given name
/// the gazetteer may lack ("his daughter Malia Obama"), not a noun: kin and role words.
const KIN: &[&str] = &[
    "daughter",
    "son",
    "wife",
    "husband",
    "brother",
    "sister",
    "mother",
    "father",
    "widow",
    "widower",
    "cousin",
    "niece",
    "nephew",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "partner",
    "fiancee",
    "fiancé",
    "fiancée",
    "girlfriend",
    "boyfriend",
    "friend",
    "named",
    "called",
    "late",
    "young",
    "little",
    "baby",
];

/// The fuller name of the person an entity named "Samaritan Lin" is: where the entity stage
/// fused a capitalised noun with a surname ("the homeless Samaritan Lin claims"), the person
/// the article names in full with that surname ("Josh Paler Lin") is shown. Only when the name
/// is two words, the first no given name, title, role or occupation, written after a lower-case
/// adjective (no determiner, preposition, kin or role word: "his daughter Malia Obama" stays),
/// nowhere else in the text, and one other person entity alone ends with the surname, opening
/// with a word that is no title, role, occupation or initial (the gazetteer's given names are
/// too few: "Josh" is not among them).
pub fn fused_noun_surname(text: &str, e: &Entity, entities: &[Entity]) -> Option<String> {
    if e.kind != EntityType::Person {
        return None;
    }
    let (front, surname) = e.name.split_once(' ')?;
    if surname.contains(' ')
        || !front.chars().next().is_some_and(char::is_uppercase)
        || !front.chars().skip(1).all(char::is_lowercase)
    {
        return None;
    }
    let lower = front.to_lowercase();
    if given(front)
        || lexicon::is_title(&lower)
        || lexicon::is_role_noun(&lower)
        || newsprobe_entities::occupations::is_occupation(&lower)
    {
        return None;
    }
    // (The front word is written only here, before the surname.)
    let alone = text.match_indices(front).count();
    let fused = text.match_indices(e.name.as_str()).count();
    if alone != fused || fused == 0 {
        return None;
    }
    // (Each fused mention follows a lower-case adjective.)
    let adjective_before = text.match_indices(e.name.as_str()).all(|(at, _)| {
        let Some(before) = text[..at].strip_suffix(' ') else {
            return false;
        };
        let w = before
            .rsplit(|c: char| !c.is_alphabetic() && c != '-')
            .next()
            .unwrap_or("");
        before.ends_with(w)
            && w.len() > 2
            && w.chars().all(char::is_lowercase)
            && !lexicon::is_determiner(w)
            && !lexicon::is_role_noun(w)
            && !lexicon::is_title(w)
            && !KIN.contains(&w)
            && !FUNCTION_WORDS.contains(&w)
    });
    if !adjective_before {
        return None;
    }
    let suffix = format!(" {surname}");
    let mut fuller = entities.iter().filter(|o| {
        o.id != e.id
            && o.kind == EntityType::Person
            && o.name.ends_with(&suffix)
            && o.name.split_whitespace().next().is_some_and(|w| {
                let l = w.to_lowercase();
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().count() > 1
                    && !w.ends_with('.')
                    && !lexicon::is_title(&l)
                    && !lexicon::is_role_noun(&l)
                    && !newsprobe_entities::occupations::is_occupation(&l)
            })
    });
    let one = fuller.next()?;
    fuller.next().is_none().then(|| one.name.clone())
}

/// Prepositions, conjunctions and verbs of saying that may stand before a name.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "of", "to", "by", "with", "for", "from", "in", "on", "at", "as",
    "than", "about", "said", "says", "told", "tells", "added", "wrote", "asked", "when", "while",
    "after", "before", "that", "who", "whom", "whose", "where", "says", "like", "via", "against",
];

#[cfg(test)]
mod tests {
    use super::from_given_name;
    use crate::test_support::source_of;

    #[test]
    fn fused_front_words_are_dropped_before_a_given_name() {
        assert_eq!(
            from_given_name("Online Stores Angela Ahrendts"),
            "Angela Ahrendts"
        );
        assert_eq!(from_given_name("Esquire Ben Collins"), "Ben Collins");
        assert_eq!(from_given_name("Designer Jony Ive"), "Jony Ive");
    }

    #[test]
    fn names_that_open_with_a_given_name_stay() {
        for n in [
            "Josh Paler Lin",
            "Martin Luther King",
            "Taugan Tan Kadalim",
            "J. Michael Smith",
            "Mary Ann Evans",
            "Ben Collins",
            "Askia Muhammad A",
        ] {
            assert_eq!(from_given_name(n), n);
        }
    }

    #[test]
    fn a_speaker_after_a_long_title_is_shown_by_her_name() {
        let text = "The company has not said when the watch will reach its stores.\n\n\
            Previously, the firm's Senior Vice President of Retail and Online Stores Margaret \
            Oduya said the watch would ship in the spring, and staff were told to expect it.";
        let (name, _) = source_of(text, "the watch would ship");
        assert_eq!(name.as_deref(), Some("Margaret Oduya"));
    }

    #[test]
    fn a_daughter_named_before_her_surname_stays_herself() {
        let text = "Senator Robert Akande spoke at the school on Monday.\n\n\
            His daughter Zinnia Akande, a pupil there, also spoke. \"We were proud of the \
            teachers,\" Zinnia Akande said.";
        let (name, _) = source_of(text, "proud of the teachers");
        assert_eq!(name.as_deref(), Some("Zinnia Akande"));
    }
}
