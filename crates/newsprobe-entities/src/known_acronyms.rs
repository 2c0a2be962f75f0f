//! Is an untyped acronym one of the organisations every reader knows by it ("GOP", "ICE",
//! "CAIR", "ACLU")?
//!
//! [`crate::acronym_orgs`] types an acronym the article expands or shows acting ("CAIR
//! officials said"); one written bare ("The GOP currently controls the Senate", "turned over by
//! San Francisco to ICE", "front groups such as CAIR and ISNA", "during a USO tour") stays
//! untyped: GUM's training documents hold as many technical acronyms as organisations, so the
//! tagger and typer cannot tell them from the word alone. A one-word body name left untyped,
//! written in capitals and found in `data/org_acronyms.txt` (acronyms that name one body and
//! nothing else), is an organisation. Not in a sentence written all in capitals ("ICE" the
//! frozen water of a shouted headline), not a name bound to a title. Runs after the typer,
//! outside what the tagger and typer are trained on; [`crate::acronyms::unify`], run after,
//! types the acronym's other mentions with it.

use std::sync::OnceLock;

use newsprobe_core::{EntityType, Field};

use crate::acronyms::is_acronym;
use crate::gazetteer::Set;
use crate::mentions::{self, Mention, MentionKind, Word};

/// The list: organisations known by their acronym, lower case, one a line.
const LIST: &str = include_str!("../data/org_acronyms.txt");

fn acronyms() -> &'static Set<&'static str> {
    static SET: OnceLock<Set<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::gazetteer::list_entries(LIST).collect())
}

/// Whether the sentence of word `i` holds a word with a lower-case letter (it is not written
/// all in capitals).
fn cased_sentence(words: &[Word], i: usize) -> bool {
    let sent = words[i].sent;
    let before = words[..i].iter().rev().take_while(|w| w.sent == sent);
    let after = words[i + 1..].iter().take_while(|w| w.sent == sent);
    before
        .chain(after)
        .any(|w| w.is_word && w.text.chars().any(char::is_lowercase))
}

/// The word of an untyped one-word body name written in capitals.
fn untyped_acronym(words: &[Word], m: &Mention) -> Option<usize> {
    // The cheap tests first, on the name as written: two capitals open it, no space in it.
    let t = m.name_text.as_bytes();
    if m.kind != MentionKind::Name
        || m.etype != EntityType::Other
        || t.len() < 2
        || t.len() > 12
        || !t[0].is_ascii_uppercase()
        || !(t[1].is_ascii_uppercase() || t[1] == b'.' || t[1] == b'&' || t[1].is_ascii_digit())
        || m.span.field != Field::Text
        || m.title_text.is_some()
        || !is_acronym(&m.name_text)
    {
        return None;
    }
    let std::ops::Range { start: a, end: b } = mentions::name_words(words, m);
    let w = words.get(a).filter(|_| b - a == 1)?;
    (w.is_word && w.text.as_bytes()[0].is_ascii_uppercase() && is_acronym(w.text)).then_some(a)
}

/// Types as organisations the untyped acronyms of the list.
pub fn type_known_acronyms(words: &[Word], all: &mut [Mention]) {
    for m in all.iter_mut() {
        let Some(i) = untyped_acronym(words, m) else {
            continue;
        };
        if acronyms().contains(words[i].norm) && cased_sentence(words, i) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{is_org as org, kinds};

    #[test]
    fn a_known_acronym_is_an_organisation() {
        let k = kinds(
            "Election Day is November 6. The GOP currently controls the Senate by a narrow \
             margin. He was not turned over by San Francisco to ICE. The agency needs to stop \
             listening to front groups such as CAIR and ISNA immediately.",
        );
        for name in ["GOP", "ICE", "CAIR", "ISNA"] {
            assert!(org(&k, name), "{name}: {k:?}");
        }
    }

    #[test]
    fn unknown_acronyms_and_capital_headlines_stay_untyped() {
        let k = kinds(
            "The study used GIS data and a PCR test on Monday. \
             ROADS CLOSED AS ICE COVERS TOWN.",
        );
        for name in ["GIS", "PCR", "ICE", "ROADS"] {
            assert!(!org(&k, name), "{name}: {k:?}");
        }
    }
}
