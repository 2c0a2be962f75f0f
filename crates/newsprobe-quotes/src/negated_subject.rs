//! Is a speaker's phrase a negated person ("No sane person is saying that …", "no reasonable
//! person can honestly believe …", "no Canadian envoy reported hearing …")? (issue 11,
//! session 27)
//!
//! "No" before a person's head says that nobody said or believed it: the writer's own claim or
//! a fact reported without a source, never a speaker (as "no one" and "nobody" are not).

use crate::speaker::{Ctx, Mention};

/// Words after "no" that make an adverb, not a negated noun ("Apple no longer thinks").
const COMPARATIVES: &[&str] = &["longer", "more", "less", "further", "later", "sooner"];

/// Whether the phrase opens with "no" and ends in a lower-case head that could head a speaker
/// ("no sane person", "no Canadian envoy"); "No Labels" (a name) and "no doubt" are not.
pub(crate) fn is_negated_subject(ctx: &Ctx, m: &Mention) -> bool {
    m.first < m.last
        && ctx.word(m.first) == "no"
        && !(m.first + 1..=m.last).any(|k| COMPARATIVES.contains(&ctx.word(k)))
        && !ctx.is_capitalized(m.last)
        && (m.first + 1..=m.last).all(|k| ctx.is_word(k))
        && crate::junk::can_head_speaker(ctx.word(m.last))
}

#[cfg(test)]
mod tests {
    use super::is_negated_subject;
    use crate::speaker::{Ctx, Mention};
    use crate::test_support::analyzed;
    use newsprobe_core::Document;

    /// The phrase of `words` tokens from the first "no" of `text`.
    fn negated(text: &str, words: usize) -> bool {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let first = (0..ctx.len()).find(|&k| ctx.word(k) == "no").expect("a no");
        is_negated_subject(&ctx, &Mention::tokens(&ctx, first, first + words - 1))
    }

    #[test]
    fn negated_heads_and_adverbs() {
        assert!(negated("But no reasonable person can believe it.", 3));
        assert!(negated(
            "Yet no Canadian envoy reported hearing a sound.",
            3
        ));
        assert!(!negated("Apple no longer thinks it can.", 2));
        assert!(!negated("The group No Labels said so.", 2));
    }

    /// A negated person speaks for nobody; a named speaker beside it still speaks.
    #[test]
    fn no_person_is_no_speaker() {
        let doc = analyzed(
            "Whatever the term means, no reasonable person can honestly believe that the \
             release of old records will sink the country. Unlike their American counterparts, \
             no Canadian envoy reported hearing any suspicious sound. The senator, Ana Ruiz, \
             said the records should be released at once.",
        );
        let names: Vec<String> = doc
            .quotes
            .iter()
            .filter_map(|q| q.source.name.clone().or(q.source.suggested.clone()))
            .collect();
        assert!(
            !names.iter().any(|n| n.to_lowercase().starts_with("no ")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n.contains("Ruiz")), "{names:?}");
    }
}
