//! "What would St. John the Baptist have said if …", "Why not, one could say, …": a question
//! or a supposition in the writer's own voice. The cue reports what someone *would* say, in
//! the writer's argument; nobody said it, and the subject of the cue is no source.
//!
//! Session 24 (`s24-ptcspeak24`, issue 11): on the tuned-on PTC groups (propaganda and
//! partisan sites, which argue with rhetorical questions) "Baptist" was shown as the speaker of
//! such a question and "one could say" read as a statement; neither is in the gold.

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Modals of a supposed, not a reported, statement.
const MODALS: &[&str] = &["would", "could", "might", "should"];

/// Whether `f` is a statement the writer supposes: its cue in a sentence that opens with a
/// question word and a modal ("What would X have said", "Who could say that …") before any
/// comma or quotation mark, or its subject the generic "one" before a modal ("one could say").
pub fn supposed(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if let Some(m) = f.speaker {
        if m.first == m.last
            && ctx.word(m.first) == "one"
            && m.last + 1 < c
            && MODALS.contains(&ctx.word(m.last + 1))
        {
            return true;
        }
    }
    // "Why not, one could say, …" (the generic "one" left as no speaker).
    if c >= 2 && ctx.word(c - 2) == "one" && MODALS.contains(&ctx.word(c - 1)) {
        return true;
    }
    let (s, _) = ctx.sentence_bounds(c);
    if c < s + 3 || c > s + 14 {
        return false;
    }
    matches!(ctx.word(s), "what" | "who" | "how" | "why")
        && MODALS.contains(&ctx.word(s + 1))
        && (s + 2..c).all(|k| !ctx.is_quote_mark(k) && ctx.word(k) != ",")
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_question_in_the_writers_voice_is_no_statement() {
        // Written for the project (session 24).
        let q = quoted(
            "The council voted to close the library on Monday. \
             What would the town's founder have said if the mayor, ignoring every petition, \
             had sold the building to a developer? \
             Why not, one could say, since the council sells everything else.",
        );
        assert!(
            !q.iter()
                .any(|t| t.contains("the mayor, ignoring") || t.contains("if the mayor")),
            "{q:?}"
        );
        assert!(!q.iter().any(|t| t.contains("the council sells")), "{q:?}");
    }

    #[test]
    fn a_reported_statement_stays() {
        // Written for the project (session 24).
        let q = quoted(
            "The council voted to close the library on Monday. \
             The mayor said the building would be sold to a developer.",
        );
        assert!(
            q.iter().any(|t| t.contains("the building would be sold")),
            "{q:?}"
        );
    }
}
