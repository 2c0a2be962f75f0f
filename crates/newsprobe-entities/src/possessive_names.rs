//! Does a person's name go on past a possessive ("George Kennan's Long Telegram")?
//!
//! A capitalised work or thing after a person's possessive ran into the name: on the tuned-on
//! review groups "George Kennan Long Telegram" (of "George Kennan's Long Telegram") was shown as
//! a person and George Kennan was missed. A name cannot go on past its owner's "'s", so here a
//! body name typed a person of two words or more whose word before the last carries a possessive
//! is cut after that word ("George Kennan"); where a given name follows the possessive the person
//! is the rest ("Piper Jaffray's Gene Munster" is Gene Munster), and a lone given name owning the
//! rest is a work's title, no person ("Sophie's Choice"). Runs after the typer, outside what
//! the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::flag;
use crate::mentions::{self, Mention, MentionKind, Word};

/// What becomes of a person's name with a possessive inside it.
enum Cut {
    /// The name is the words before the possessive's word and it ("George Kennan").
    Front(usize, usize),
    /// A given name follows the possessive, or the last word names a person alone elsewhere:
    /// the person is the rest ("Piper Jaffray's Gene Munster" ... "Munster said" is Gene Munster).
    Back(usize, usize),
    /// A lone given name owns the rest ("Sophie's Choice"): a work's title, no person.
    Untyped,
}

/// Where the person's name `m` is cut at the first possessive inside it.
fn cut(words: &[Word], m: &Mention, lone: &[String]) -> Option<Cut> {
    if m.kind != MentionKind::Name
        || m.span.field != Field::Text
        || m.etype != EntityType::Person
        || !m.name_text.contains(' ')
    {
        return None;
    }
    let std::ops::Range { start: a, end: b } = mentions::name_words(words, m);
    let k = a
        + words
            .get(a..b.saturating_sub(1))?
            .iter()
            .position(|w| w.poss)?
        + 1;
    let named_alone = || lone.iter().any(|l| l == words[b - 1].norm);
    Some(if words[k].is(flag::FIRST_NAME) || named_alone() {
        Cut::Back(k, b)
    } else if k == a + 1 && words[a].is(flag::FIRST_NAME) {
        Cut::Untyped
    } else {
        Cut::Front(a, k)
    })
}

/// Cuts each person's name at the first possessive inside it.
pub fn end_names_at_possessives(words: &[Word], all: &mut [Mention]) {
    let none = Vec::new();
    let hits: Vec<usize> = (0..all.len())
        .filter(|&i| cut(words, &all[i], &none).is_some())
        .collect();
    if hits.is_empty() {
        return;
    }
    // The persons named by one word alone ("Munster"), normalised.
    let lone: Vec<String> = all
        .iter()
        .filter(|m| {
            m.kind == MentionKind::Name
                && m.etype == EntityType::Person
                && !m.name_text.contains(' ')
        })
        .map(|m| newsprobe_core::lexicon::normalize(m.name_text.trim()))
        .collect();
    for i in hits {
        let m = &mut all[i];
        let (a, k) = match cut(words, m, &lone) {
            Some(Cut::Front(a, k)) => (a, k),
            Some(Cut::Back(a, k)) => {
                m.title_text = None;
                (a, k)
            }
            Some(Cut::Untyped) => {
                m.etype = EntityType::Other;
                continue;
            }
            None => continue,
        };
        let name = mentions::rename(m, words, a, k, Field::Text);
        m.span.start = m.span.start.max(name.start);
        m.span.end = m.span.end.min(name.end);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn a_possessive_ends_the_name() {
        let k = kinds(
            "The government needs a vision, just like George Kennan's Long Telegram did in \
             laying out the strategy, the author argued.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "George Kennan" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            !k.iter()
                .any(|(n, _)| n.contains("Telegram") && n.contains("Kennan")),
            "{k:?}"
        );
    }

    #[test]
    fn a_given_name_after_the_possessive_is_the_person() {
        let k = kinds(
            "Piper Jaffray's Gene Munster said sales would rise. Munster expects a new model. \
             Critics compared the film to Sophie's Choice on Monday.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Gene Munster" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n.contains("Sophie") && *t == EntityType::Person),
            "{k:?}"
        );
    }
}
