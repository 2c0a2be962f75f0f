//! Is a reported question a statement: "When asked why there had been no updates, …", "Others
//! wondered why she had covered her head", "Users were questioning whether the singer was alive"?
//!
//! A question someone asked **in marks** is a quotation of its asker (`direct`); a question
//! reported without marks (a verb of asking before a clause opened by if, whether or a wh-word)
//! has no content: the clause is what was asked, not what anybody said is so. The reviewed
//! sample's convention lists none (its README, "Is a question a statement?", session 20); on its
//! tuned-on groups every one the engine printed at the start of session 28 matched no gold
//! quotation. PolNeAR annotates them: dropped from the quotes, they are left to the
//! `attributions` layer, which reads any cue the quotes did not use.

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Whether `f` is a question reported without marks ("asked whether …", "wondered why …").
pub fn reported_question(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if !ctx.cue(c).is_some_and(|w| {
        matches!(
            w.lemma,
            "ask" | "wonder" | "question" | "inquire" | "enquire"
        )
    }) {
        return false;
    }
    let first = ctx.token_at_or_after(f.content.start);
    first > c
        && matches!(
            ctx.word(first),
            "if" | "whether" | "why" | "how" | "what" | "when" | "where" | "who" | "which"
        )
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_question_reported_without_marks_is_no_statement() {
        let q = quoted(
            "The council met on Tuesday. Senator Lena Ortiz asked whether the agency had tested \
             the water before the outbreak. Residents wondered why the pipes were never replaced.",
        );
        assert!(
            !q.iter()
                .any(|t| t.starts_with("whether the agency") || t.starts_with("why the pipes")),
            "{q:?}"
        );
    }

    #[test]
    fn a_question_in_marks_and_a_statement_stay() {
        let q = quoted(
            "Ortiz asked, “Did the agency test the water?” The mayor said the agency had tested \
             the water twice.",
        );
        assert!(
            q.iter()
                .any(|t| t.contains("Did the agency test the water")),
            "{q:?}"
        );
        assert!(
            q.iter().any(|t| t.starts_with("the agency had tested")),
            "{q:?}"
        );
    }
}
