//! Is the "that" a few words after a reporting verb the start of what was said, or a word of
//! another clause? "told reporters that …", "said in a statement that …" open the statement;
//! "Looking back on the career that followed, she told …", "had beaten him back in 2012,
//! mostly dominating that fight", "it was seeing his back that started this whole thing" do
//! not: there the "that" is a relative pronoun (a verb right after it, no subject) or a
//! determiner in a participle's clause (an "-ing" verb between the cue and it). Session 21
//! (issue 11): the reported-speech rule jumped to such a "that" and kept a spurious statement,
//! even for cues that need one ("back", "see").

use crate::speaker::Ctx;

/// Prepositions that end in "-ing" and sit in the verbs' half of the word clusters.
const ING_PREPOSITIONS: &[&str] = &[
    "during",
    "according",
    "regarding",
    "including",
    "following",
    "concerning",
    "excluding",
    "considering",
    "pending",
];

/// Whether the "that" at token `t`, after the words `[s, t)` that follow a reporting verb,
/// opens the reported clause: not a relative pronoun (a past form or an auxiliary right
/// after it: "the career that followed") and not in a participle's clause (an "-ing" verb
/// among the words before it: "mostly dominating that fight"). `t == s` (the "that" right
/// after the cue) is always the clause's.
pub fn opens_said_clause(ctx: &Ctx, s: usize, t: usize) -> bool {
    if t <= s {
        return true;
    }
    let next = ctx.word(t + 1);
    let relative = ctx.is_word(t + 1)
        && !ctx.is_capitalized(t + 1)
        && ((next.len() >= 4 && next.ends_with("ed"))
            || crate::lexicon::is_finite_auxiliary(next)
            || crate::lexicon::is_be(next));
    !relative && !(s..t).any(|k| participle(ctx, k))
}

/// Whether token `k` is a lower-case "-ing" verb: its word cluster in the verbs' half of the
/// tree (`junk::finite_verb_prefix`, its first two bits), not an "-ing" preposition; "a
/// briefing", "a hearing" are nouns there.
pub(crate) fn participle(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    if !ctx.is_word(k)
        || ctx.is_capitalized(k)
        || w.len() < 5
        || !w.ends_with("ing")
        || ING_PREPOSITIONS.contains(&w)
    {
        return false;
    }
    let Some(verbs) = crate::junk::finite_verb_prefix() else {
        return false;
    };
    let half = &verbs[..2.min(verbs.len())];
    newsprobe_core::clusters::path(w).is_some_and(|p| p.starts_with(half))
}

#[cfg(test)]
mod tests {
    use crate::reported::contents_in as reported;

    #[test]
    fn a_relative_or_participle_that_opens_no_statement() {
        // Written for the project.
        let got = reported(
            "Looking back on the decade that followed, the singer told a radio host in 2004 \
             that she had no regrets.\n\n\
             Ortiz had beaten Lamb back in 2012, mostly dominating that fight and knocking him \
             out in the ninth round.\n\n\
             It was seeing the mayor's empty chair that started the whole row.",
        );
        for bad in ["that followed", "that fight", "that started"] {
            assert!(
                !got.iter().any(|g| g.starts_with(bad)),
                "{bad:?} in {got:?}"
            );
        }
        assert!(
            got.iter().any(|g| g == "that she had no regrets"),
            "{got:?}"
        );
    }

    #[test]
    fn a_that_clause_after_the_addressee_or_a_phrase_stays() {
        // Written for the project.
        let got = reported(
            "The harbour master told reporters on Monday that the ferry would not sail. \
             The council said at a briefing that the budget was settled.",
        );
        for good in [
            "that the ferry would not sail",
            "that the budget was settled",
        ] {
            assert!(got.iter().any(|g| g == good), "{good:?} not in {got:?}");
        }
    }
}
