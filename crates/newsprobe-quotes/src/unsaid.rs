//! Did the source say it at all: "Investigators didn't say why Hiller was suspended", "she never
//! mentioned whether the teen was carrying a gun", "detectives never asked directly if King saw a
//! gun"?
//!
//! A negated verb of saying before a question clause (if, whether, why, how, what, when, where,
//! who) reports the absence of a statement: the clause is what was not said, and no source
//! said it. The reviewed sample leaves such bare refusals out (its README: "bare refusals ...
//! are not listed"); on its tuned-on groups all 3 that the engine printed (start of session 17)
//! matched no gold quotation. PolNeAR annotates them ("would not say whether ...": 11 of 12
//! matched on its train split), a cost of about one attribution on its dev split.

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Whether `f` is a question clause after a negated cue ("didn't say why …").
pub fn not_said(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    let first = ctx.token_at_or_after(f.content.start);
    if first <= c
        || !matches!(
            ctx.word(first),
            "if" | "whether" | "why" | "how" | "what" | "when" | "where" | "who"
        )
    {
        return false;
    }
    // "did not say", "didn't say", "never asked directly", "would not yet say" (only adverbs
    // between the negation and the cue: not "may not let editorials tell them how").
    let (s, _) = ctx.sentence_bounds(c);
    (c.saturating_sub(3).max(s)..c).any(|k| {
        (matches!(ctx.word(k), "not" | "n't" | "never") || ctx.word(k).ends_with("n't"))
            && (k + 1..c).all(|j| {
                let w = ctx.word(j);
                w.ends_with("ly") || matches!(w, "yet" | "even" | "ever" | "once" | "again")
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn what_was_not_said_is_no_statement() {
        let q = quoted(
            "The plant's manager was placed on leave on Friday. Company officials didn't say why \
             the manager, a 20-year employee, was suspended, and the union never mentioned \
             whether any workers had been hurt.",
        );
        assert!(
            !q.iter()
                .any(|t| t.starts_with("why the manager") || t.starts_with("whether any")),
            "{q:?}"
        );
    }

    #[test]
    fn a_statement_not_negated_stays() {
        // (A question asked without marks is `asked_question`'s: no statement either.)
        let q = quoted(
            "At the hearing, Senator Lena Ortiz said how the agency had tested the water before \
             the outbreak was still unclear.",
        );
        assert!(q.iter().any(|t| t.starts_with("how the agency")), "{q:?}");
    }
}
