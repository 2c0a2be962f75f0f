//! Is a title or role word standing alone a person's name ("Sheriff's officials said",
//! "Bishop" opening a line, "Dr.")?
//!
//! A capitalised title with no name after it ("Sheriff's department officials", "the Archbishop
//! said") came out a name typed a person: on the tuned-on review groups "Sheriff" (×3),
//! "Bishop", "Archbishop", "Dr.", "Doctor". No gold lists a title as a person's name. Here a body
//! name typed a person that is one word, a title or role noun of the gazetteer, with no title
//! bound to it, is left untyped (`other`), unless a person's longer name in the article holds the
//! word ("Bishop said" after "Julie Bishop", "King" after "Stephen King"): it still joins its
//! mentions, but is no named person the report shows. Runs after the typer, outside what the
//! tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set};
use crate::mentions::{Mention, MentionKind, Word};

/// Whether the mention's name is one word of the title or role lists.
fn lone_title(words: &[Word], m: &Mention) -> bool {
    let s = m.name.unwrap_or(m.span);
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    match words.get(a..b) {
        Some([w]) => w.cap && w.is(flag::TITLE | flag::ROLE_NOUN) && !w.is(flag::FIRST_NAME),
        _ => false,
    }
}

/// Leaves untyped the body names typed a person that are a title or role word alone.
pub fn untype_lone_titles(words: &[Word], all: &mut [Mention]) {
    let hits: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let m = &all[i];
            m.kind == MentionKind::Name
                && m.span.field == Field::Text
                && m.etype == EntityType::Person
                && m.title_text.is_none()
                && lone_title(words, m)
        })
        .collect();
    if hits.is_empty() {
        return;
    }
    let person_words: Set<String> = all
        .iter()
        // Names only: a description ("the sheriff") holds the title itself.
        .filter(|m| {
            m.kind == MentionKind::Name
                && m.etype == EntityType::Person
                && m.name_text.contains(' ')
        })
        .flat_map(|m| m.name_text.split_whitespace().map(crate::gazetteer::norm))
        .collect();
    for i in hits {
        let m = &mut all[i];
        if !person_words.contains(&crate::gazetteer::norm(m.name_text.trim())) {
            m.etype = EntityType::Other;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn a_title_alone_is_no_person() {
        let k = kinds(
            "A deputy died on Friday, according to the sheriff's department. Sheriff's \
             department officials said a second deputy was hurt. Jose Orozco was arrested.",
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Sheriff" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Jose Orozco" && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn a_surname_that_is_a_title_stays_a_person() {
        let k = kinds(
            "Australia's foreign minister, Julie Bishop, spoke in Canberra on Monday about the \
             trade talks. Bishop said the talks would go on until a deal was reached.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n.ends_with("Julie Bishop") && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Bishop" && *t == EntityType::Other),
            "{k:?}"
        );
    }
}
