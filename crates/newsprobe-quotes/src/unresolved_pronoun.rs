//! The source type of a singular pronoun speaker the resolver could not read back to anyone.
//!
//! "Too many children bear names that border on not being words, he said", "it said the
//! crisis had made the shop too expensive to run": when no referent before the pronoun agrees
//! with it, the quote shows no name, and its type was `unnamed`. A pronoun points back to
//! someone the article introduced, and an article that has named a person or an organisation
//! before the pronoun has most often named that one: the contract's `named` is "the article
//! names it", whether or not the resolver can tell which name. On the tuned-on groups of the
//! reviewed sample (session 22), 5 of the 6 unresolved singular pronouns with a named entity
//! before them have a `named` gold source (a judge, a fast-food chain twice, a website, a
//! columnist writing "I"); the sixth is "it" of "the health ministry" (`unnamed`).
//!
//! Only the type changes: the name shown stays none, so no speaker the user reads changes.
//! Plural pronouns ("they said") keep `vague`.

use newsprobe_core::{EntityType, SourceType};

use crate::speaker::{Ctx, Mention};

/// The type of an unresolved singular pronoun speaker `m`: `named` where the entity stage found
/// a person or organisation mentioned before it (outside the pronoun itself), else `unnamed`.
pub fn unresolved_singular_type(ctx: &Ctx, m: &Mention) -> SourceType {
    let before = m.span.start;
    let named_before = ctx.doc.entities.iter().any(|e| {
        matches!(e.kind, EntityType::Person | EntityType::Organization)
            && e.mentions.iter().any(|s| s.end <= before)
    });
    if named_before {
        SourceType::Named
    } else {
        SourceType::Unnamed
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// A chain named in the first sentence, "it said" four sentences on.
    pub(crate) const CHAIN: &str = "Nordvik Foods opened its first burger bar in Reykjavik in \
        1993. A customer bought one of its last burgers in 2009 and kept it in a shoebox. Six \
        years later the burger still looks fresh. The chain shut its shops in the country in \
        2009 because it said the crisis had made them too expensive to run.";

    /// "it said" of a chain the article named sentences before, which the resolver does not
    /// reach back to: the article names its source; the name stays unshown.
    #[test]
    fn an_unresolved_pronoun_after_a_named_organisation_is_named() {
        let (name, kind) = source_of(CHAIN, "the crisis had made them");
        assert_eq!(name, None);
        assert_eq!(kind, SourceType::Named);
    }

    /// With nobody named before it, the pronoun's source stays `unnamed`.
    #[test]
    fn an_unresolved_pronoun_with_nobody_named_stays_unnamed() {
        let text = "The storm closed every school on the coast for two days. \
            The roads will stay shut until the water goes down, he said.";
        let (name, kind) = source_of(text, "The roads will stay shut");
        assert_eq!(name, None);
        assert_eq!(kind, SourceType::Unnamed);
    }
}
