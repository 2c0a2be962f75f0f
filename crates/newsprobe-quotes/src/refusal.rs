//! Is a refusal a statement: "McCord and Liddy refused to plead guilty", "Michelle Obama declined
//! to wear the head scarf", "Lawrence declined to discuss anything specific"?
//!
//! "refuse"/"decline" before an infinitive reports an act not done (or a statement not made),
//! no content somebody said is so. The reviewed sample's convention lists neither ("denials with
//! no content (“would not comment”, “declined to comment”)", "demands and criticism with no
//! statement"); on its tuned-on groups every one the engine printed at the start of session 28
//! matched no gold quotation. PolNeAR annotates them: dropped from the quotes, they are left to
//! the `attributions` layer, which reads any cue the quotes did not use.

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Whether `f` is the infinitive after "refused"/"declined" ("refused to plead guilty").
pub fn refused_act(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if !ctx
        .cue(c)
        .is_some_and(|w| matches!(w.lemma, "refuse" | "decline"))
    {
        return false;
    }
    let first = ctx.token_at_or_after(f.content.start);
    first > c && ctx.word(first) == "to"
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_refusal_to_act_is_no_statement() {
        let q = quoted(
            "The trial opened in May. Two of the defendants refused to plead guilty to the \
             burglary charges. The mayor declined to discuss the budget with reporters.",
        );
        assert!(
            !q.iter()
                .any(|t| t.starts_with("to plead guilty") || t.starts_with("to discuss")),
            "{q:?}"
        );
    }

    #[test]
    fn a_refused_claim_stays() {
        let q = quoted(
            "The mayor said the budget would be balanced by June. The union refused the offer.",
        );
        assert!(
            q.iter()
                .any(|t| t.starts_with("the budget would be balanced")),
            "{q:?}"
        );
    }
}
