//! Does a speaker's phrase open with a sentence adverb before a lower-case group ("Initially
//! officials suspected …", "Apparently viewers on social media thought …")? (issue 11,
//! session 27)
//!
//! `junk::trim` already cuts an "-ly" adverb before a capitalised name ("Basically Saris");
//! before a lower-case head an "-ly" word may be the group's adjective ("Elderly residents",
//! "Likely voters", "Early voters"), so only adverbs that never modify a noun are cut there.

use crate::speaker::Ctx;

/// Sentence adverbs that modify a clause, never a noun.
const SENTENCE_ADVERBS: &[&str] = &[
    "initially",
    "apparently",
    "reportedly",
    "allegedly",
    "originally",
    "previously",
    "eventually",
    "ultimately",
    "subsequently",
    "meanwhile",
];

/// Whether token `first` of the phrase `first..=last` is a sentence adverb that opens its
/// sentence before a lower-case word that can head a speaker ("Initially officials").
pub(crate) fn opens_with_sentence_adverb(ctx: &Ctx, first: usize, last: usize) -> bool {
    first < last
        && ctx.sentence_bounds(first).0 == first
        && SENTENCE_ADVERBS.contains(&ctx.word(first))
        && !ctx.is_capitalized(first + 1)
        && crate::junk::can_head_speaker(ctx.word(first + 1))
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    #[test]
    fn the_adverb_is_no_part_of_the_group() {
        let (name, _) = source_of(
            "Initially officials suspected the diplomats had been targeted by a sonic weapon.",
            "targeted",
        );
        assert_eq!(name.as_deref(), Some("officials"));
        let (name, _) = source_of(
            "Elderly residents said the water had been cut off for two days.",
            "water had been cut",
        );
        assert_eq!(name.as_deref(), Some("Elderly residents"));
    }
}
