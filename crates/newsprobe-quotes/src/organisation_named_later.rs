//! "But the network said he had dropped his phone" in an article that names NBC only further
//! down ("NBC weatherman Mike Seidel"): a definite description of an organisation (a company,
//! network, magazine, website: not a public body, see below) in an article that names an
//! organisation often enough to be its subject (`source_type::organisation_named_from`),
//! before the description or after it, is a named source (issue 11; the reviewed sample types
//! a source by who it is, named anywhere in the article). Bodies ("the health ministry", "the
//! department") read back to a name only where it came before
//! (`source_type::describes_named_organisation`): a ministry named later is often another.

use crate::source_type;
use crate::speaker::{Ctx, Mention};

/// Whether `m` describes an organisation the article names, also where its name comes later.
pub fn describes_organisation_named_later(ctx: &Ctx, m: &Mention) -> bool {
    m.last >= m.first
        && !crate::resolve::BODY_DESCRIPTIONS.contains(&ctx.word(m.last))
        && source_type::is_organisation_description(ctx, m)
        && ctx.organisation_named_from().is_some()
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    #[test]
    fn an_organisation_named_after_its_description_is_named() {
        let text = "The weatherman turned his back to the camera during a live shot in the snow. \
            But the network said he had dropped his phone and was looking for it. \
            NBC weatherman Mike Seidel has worked for NBC for twenty years.";
        let (_, kind) = source_of(text, "dropped his phone");
        assert_eq!(kind, SourceType::Named);
    }

    #[test]
    fn a_body_named_later_stays_unnamed() {
        let text = "Seventeen people have died of the fever, the health ministry said. \
            The World Health Organization sent a team. The World Health Organization said \
            the outbreak was contained.";
        let (_, kind) = source_of(text, "Seventeen people");
        assert_ne!(kind, SourceType::Named);
    }
}
