//! "The researchers" of a study the article describes, though the article never wrote the word
//! "researchers" before (issue 11, session 24).
//!
//! Session 13's [`crate::source_type::is_identified_group`] reads a definite plural role as a
//! group identifiable by its role (`unnamed`) where the article wrote the same word before ("A
//! team of researchers …. The researchers said"). An article about a study often names its
//! makers otherwise first ("scientists have reported in a study published in …", "the research
//! team", "the study authors wrote") and only later writes "The researchers don't know …": the
//! same group, which was left `vague` as bare "researchers" is. Here the makers of research —
//! "the researchers", "the scientists", "the authors" — are identified where the article has
//! described a piece of research before the mention ("a study", "the research", "a paper", "a
//! survey", "an experiment"). Other plurals ("the officials", "the experts") keep the
//! reviewed sample's `vague`.

use crate::speaker::Ctx;

/// Plural heads that name the makers of a piece of research.
const MAKERS: &[&str] = &["researchers", "scientists", "authors"];

/// Words that describe a piece of research the makers may be identified by.
const RESEARCH: &[&str] = &[
    "study",
    "studies",
    "research",
    "paper",
    "survey",
    "experiment",
    "experiments",
];

/// Whether `head` (lower case) names the makers of research and the article describes a piece
/// of research before byte offset `before`.
pub fn makers_of_described_research(ctx: &Ctx, head: &str, before: usize) -> bool {
    MAKERS.contains(&head)
        && (0..ctx.len())
            .take_while(|&k| ctx.span(k).start < before)
            .any(|k| RESEARCH.contains(&ctx.word(k)))
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// "scientists have reported in a study …", then "The researchers don't know …": the
    /// study's makers, a group identified by their role.
    #[test]
    fn the_researchers_of_a_described_study_are_unnamed() {
        let text = "A comet seen last winter is tumbling end over end, scientists have \
            reported in a study published in the Journal of Small Bodies.\n\n\
            The research team tracked the comet's brightness for six weeks from two \
            observatories in Chile.\n\n\
            The researchers said the tumbling probably began after a collision millions of \
            years ago.";
        let (_, kind) = source_of(text, "the tumbling probably began");
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// With no research described before, "the researchers" stays a vague crowd.
    #[test]
    fn researchers_with_no_study_before_stay_vague() {
        let text = "Heavy rain flooded the lower town of Marlow on Sunday night.\n\n\
            The researchers said the river had not been this high in forty years.";
        let (_, kind) = source_of(text, "had not been this high");
        assert_eq!(kind, SourceType::Vague);
    }
}
