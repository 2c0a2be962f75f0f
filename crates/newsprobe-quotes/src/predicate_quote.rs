//! A partial quotation that opens right after its sentence's subject, with no cue between, is
//! that subject's predicate in someone else's words, not the subject's own: in a run of a
//! committee chairman's statements, `Marsh “agreed to a sworn interview within a day …”` is the
//! chairman's account of what the nominee did. Nobody describes himself in the third person, so
//! the subject is no speaker of it (the rule of `direct` that gives a partial quotation in the
//! object of a verb that is no cue to its sentence's subject, "Moore thanked him for “stepping
//! up …”", stands where a verb comes between); the quotation goes to the speaker whose run of
//! statements it continues, or to none (session 22, `ptc-train-2`).

use crate::speaker::{Ctx, Mention};

/// Whether the quotation whose opening mark is token `open` is the predicate of the subject
/// mention `subject`: the mark follows the mention's last token directly and the quoted words
/// begin with a lower-case word ("immediately submitted", "has never been").
pub(crate) fn is_predicate_quote(ctx: &Ctx, subject: &Mention, open: usize) -> bool {
    subject.last + 1 == open
        && open + 1 < ctx.len()
        && ctx.is_word(open + 1)
        && !ctx.is_capitalized(open + 1)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quote_with, reached};

    const HEARING: &str = "Panel chair says nominee cooperated\n\n\
        Senator Ruth Calloway said her staff had reached every guest named in the letter.\n\
        “We called each of them twice, and we put every answer in writing,” Calloway said.\n\
        Marsh “agreed to a sworn interview within a day of our request.\n\
        He answered every question we put to him.”\n\
        The committee will vote on the nomination on Monday.";

    /// The nominee written right before the chair's quoted account is no speaker of it: the
    /// chair's run goes on (the engine before this rule reached nobody here).
    #[test]
    fn a_subject_before_its_quoted_predicate_is_no_speaker() {
        let doc = analyzed(HEARING);
        for needle in ["agreed to a sworn interview", "He answered every question"] {
            let q = quote_with(&doc, needle);
            assert_eq!(reached(q), Some("Ruth Calloway"), "{needle}");
        }
    }

    /// A verb between the subject and the quotation keeps the subject's rule: Moore thanked
    /// him in his own words.
    #[test]
    fn a_verb_between_keeps_the_subject() {
        let text = "Coach praises captain\n\n\
            The season ended on Saturday with a win over the league leaders. Dana Moore thanked \
            her captain for “stepping up when the team needed a voice” during the final weeks.";
        let doc = analyzed(text);
        let q = quote_with(&doc, "stepping up when the team");
        assert_eq!(reached(q), Some("Dana Moore"));
    }
}
