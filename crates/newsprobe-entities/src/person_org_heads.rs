//! Is a name typed a person that ends in "Images", "Fleet" or "Robotics" an organisation?
//!
//! The tagger knows an organisation by the heads of GUM's training names
//! ([`crate::gazetteer`]'s `ORG_HEADS`: "Agency", "Council", "Times"); a name that ends in a head
//! it never saw ("Getty Images", "the Seventh Fleet", "Ceres Robotics", "the Muslim
//! Brotherhood") reads as two capitalised words, a person's shape, and is typed a person. A body
//! name of two words or more typed a person, no title bound, whose last word is one of
//! `data/late_org_heads.txt` (words that end organisations' names and no person's) and whose
//! first word is no known first name ("Harry Winston" stays the man) is an organisation. Runs
//! after the typer, outside what the tagger and typer are trained on.

use std::sync::OnceLock;

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set};
use crate::mentions::{self, Mention, MentionKind, Word};

/// The list: organisation heads the tagger does not read, lower case, one a line.
const LIST: &str = include_str!("../data/late_org_heads.txt");

/// Whether a normalised word is one of the organisation heads of `data/late_org_heads.txt`.
pub(crate) fn late_org_head(norm: &str) -> bool {
    static SET: OnceLock<Set<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::gazetteer::list_entries(LIST).collect())
        .contains(norm)
}

/// Whether the last of two words or more of `name` is a late organisation head, read from the
/// name as written: lower-cased into a stack buffer, no allocation and no word search.
fn ends_in_late_head(name: &str) -> bool {
    let Some((_, last)) = name.rsplit_once(char::is_whitespace) else {
        return false;
    };
    let b = last.as_bytes();
    if b.len() < 3 || b.len() > 16 || !b[0].is_ascii_uppercase() {
        return false;
    }
    let mut buf = [0u8; 16];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(late_org_head)
}

/// Whether the person name `m` ends in a late organisation head.
fn heads_org(words: &[Word], m: &Mention) -> bool {
    // The cheap tests first: most person names end in a word that is no head.
    if m.kind != MentionKind::Name
        || m.etype != EntityType::Person
        || m.span.field != Field::Text
        || m.title_text.is_some()
        || !ends_in_late_head(&m.name_text)
    {
        return false;
    }
    let std::ops::Range { start: a, end: b } = mentions::name_words(words, m);
    let ws = &words[a..b];
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    ws.len() > 1
        && last.cap
        && late_org_head(last.norm)
        && !first.is(flag::FIRST_NAME)
        && ws.iter().all(|w| w.is_word)
}

/// Types as organisations the person names that end in a late organisation head.
pub fn type_person_org_heads(words: &[Word], all: &mut [Mention]) {
    for m in all.iter_mut() {
        if heads_org(words, m) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    fn kind(k: &[(String, EntityType)], name: &str) -> Option<EntityType> {
        k.iter().find(|(n, _)| n == name).map(|(_, t)| *t)
    }

    #[test]
    fn a_person_shaped_name_with_an_organisation_head_is_an_organisation() {
        let k = kinds(
            "The photograph was supplied by Getty Images on Monday. Ships of the Seventh Fleet \
             sailed north. Ceres Robotics said it would build the lander.",
        );
        for name in ["Getty Images", "Seventh Fleet", "Ceres Robotics"] {
            assert_eq!(
                kind(&k, name),
                Some(EntityType::Organization),
                "{name}: {k:?}"
            );
        }
    }

    #[test]
    fn a_first_name_keeps_the_person() {
        let k = kinds("John Fleet said the harbour was quiet. Mary Smith agreed with him.");
        assert_ne!(
            kind(&k, "John Fleet"),
            Some(EntityType::Organization),
            "{k:?}"
        );
    }
}
