//! Is a title word right after a given name a surname ("Julie Bishop", "Amy Judge", "Carol
//! Chief")?
//!
//! The rules' segmentation cut "Foreign Minister Julie Bishop" into the title "Foreign Minister",
//! the word "Julie" and the title "Bishop": a one-word unknown segment before a title is that
//! title's modifier ("Interior Minister") and a title with no name after it names nobody, so the
//! rules found no one, and where the tagger did not step in the article's person was lost with
//! every mention of her (`newsprobe analyze` of "Foreign Minister Julie Bishop spoke on Monday.
//! Bishop said the talks would go on." gave no entity at all while the quote's speaker was
//! "Julie Bishop"). Here a given name of the gazetteer (one word, written in lower case nowhere in
//! the body, no possessive) right before a one-word title of the gazetteer that binds no name
//! after it is the person's given name, and the title word the surname: `mentions::segment_run`
//! joins the two into one unknown segment, which it types (a person, by the given name).

use crate::gazetteer::flag;
use crate::mentions::{FieldContext, Word};

/// Whether the one-word segment `given` and the one-word title `title` right after it are one
/// person's name; `name_after` says whether a name segment starts right after the title (then
/// the title binds that name: "Julie Judge Smith" is left as it is).
pub(crate) fn joins(
    words: &[Word],
    given: (usize, usize),
    title: (usize, usize),
    name_after: bool,
    ctx: &FieldContext,
) -> bool {
    let (a, b) = given;
    let (c, d) = title;
    if b - a != 1 || d - c != 1 || b != c || name_after {
        return false;
    }
    let (g, t) = (&words[a], &words[c]);
    g.is_word
        && g.cap
        && g.is(flag::FIRST_NAME)
        && !g.poss
        && !ctx.seen_lower(g)
        && t.is_word
        && t.cap
        && !t.norm.contains('.')
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, kinds, mentions_of};
    use newsprobe_core::EntityType;

    fn has_person(text: &str, name: &str) -> bool {
        kinds(text)
            .iter()
            .any(|(n, t)| n == name && *t == EntityType::Person)
    }

    #[test]
    fn a_title_word_after_a_given_name_is_a_surname() {
        let text =
            "Foreign Minister Julie Bishop spoke on Monday. Bishop said the talks would go on.";
        assert!(has_person(text, "Julie Bishop"), "{:?}", kinds(text));
        let doc = entities(text);
        let m = mentions_of(&doc, "Julie Bishop");
        assert!(m.len() == 2 && m.contains(&"Bishop"), "{m:?}");
        assert!(has_person(
            "Foreign Minister Julie Bishop spoke on Monday.",
            "Julie Bishop"
        ));
        assert!(has_person(
            "The case was heard by Amy Judge on Tuesday in Leeds.",
            "Amy Judge"
        ));
    }

    #[test]
    fn a_title_before_a_name_still_binds_it() {
        let k = kinds("Interior Minister Boris Pistorius said on Monday that talks would go on.");
        assert!(
            k.iter()
                .any(|(n, t)| n == "Boris Pistorius" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(!k.iter().any(|(n, _)| n.contains("Interior")), "{k:?}");
    }
}
