//! A quotation its own inner cue introduces, inside a statement another cue reports (session
//! 22, the wrong-name class "nested attributions" of the tuned-on groups): the words are the
//! inner speaker's, not the reporter's.
//!
//! - "… an employee who had followed her in and had yelled, “Hide, she's got a gun!” Vanore
//!   said": the yelling employee's (the relative clause's antecedent), not the sentence
//!   subject's nor the lieutenant's;
//! - "… held a knife to her throat and told her, “You're never going to leave me,” the
//!   newspaper reported": the man's (the hearer "her" stands between the cue and the comma).
//!
//! [`crate::direct`] read only say/add/tell/write right before the comma of a quotation that
//! ends with one; [`inner_speaker`] also reads the verbs of utterance below, a hearer pronoun
//! after the cue and a relative clause's antecedent; [`relative_or_hearer`] also where the
//! quotation ends with no comma (the cases the rule before the quotation got wrong).

use crate::speaker::{Ctx, Mention};

/// The cues that introduce the very words someone uttered (lemmas).
const UTTERANCE: &[&str] = &[
    "say", "add", "tell", "write", "yell", "shout", "scream", "cry", "ask", "reply", "exclaim",
    "whisper", "answer", "snap", "mutter", "plead", "bellow", "holler",
];

/// Hearer pronouns between a cue and its comma ("told her, “…”").
fn is_hearer(w: &str) -> bool {
    matches!(w, "her" | "him" | "them" | "me" | "us" | "you")
}

/// The inner cue right before the comma or colon at token `punct` that opens a quotation, and
/// its speaker: the subject of that cue, the antecedent of a relative clause it closes ("a
/// supervisor who had followed her in and had yelled,"), never reaching before `limit`. The
/// flag says whether the hearer or the relative clause was read.
pub(crate) fn inner_speaker(
    ctx: &Ctx,
    punct: usize,
    limit: usize,
) -> Option<(usize, Mention, bool)> {
    if !matches!(ctx.word(punct), "," | ":") {
        return None;
    }
    let mut c = punct.checked_sub(1).filter(|&c| c > limit)?;
    let mut special = false;
    if is_hearer(ctx.word(c)) {
        c = c.checked_sub(1).filter(|&c| c > limit)?;
        let cw = crate::cue_noun::verb_cue(ctx, c)?;
        if !matches!(cw.lemma, "tell" | "ask") {
            return None;
        }
        special = true;
    }
    let cw = crate::cue_noun::verb_cue(ctx, c)?;
    if !UTTERANCE.contains(&cw.lemma) {
        return None;
    }
    if let Some(m) = relative_antecedent(ctx, c, limit) {
        return Some((c, m, true));
    }
    let m = ctx.subject_before(c, limit)?;
    Some((c, m, special))
}

/// [`inner_speaker`] where the rule before the quotation reads another cue: a hearer or a
/// relative clause before the quotation that opens after token `punct`.
pub(crate) fn relative_or_hearer(
    ctx: &Ctx,
    punct: usize,
    limit: usize,
) -> Option<(usize, Mention)> {
    inner_speaker(ctx, punct, limit)
        .filter(|(_, _, special)| *special)
        .map(|(c, m, _)| (c, m))
}

/// "a supervisor who had followed her in and had yelled,": a cue that is the second verb of a
/// relative clause (after "and", its auxiliaries skipped) speaks for the clause's antecedent.
/// The clause holds no comma and at most twelve words.
fn relative_antecedent(ctx: &Ctx, c: usize, limit: usize) -> Option<Mention> {
    let mut j = c.checked_sub(1)?;
    while j > limit && ctx.is_cue_modifier(j) {
        j -= 1;
    }
    if !matches!(ctx.word(j), "and" | "but") {
        return None;
    }
    let w = (j.saturating_sub(12).max(limit + 1)..j)
        .rev()
        .take_while(|&k| ctx.is_word(k))
        .find(|&k| ctx.word(k) == "who")?;
    if w <= limit + 1 || !ctx.is_word(w - 1) || ctx.is_pronoun(w - 1) {
        return None;
    }
    // (The antecedent's determiner and head: "firing at a supervisor who" is "a supervisor".)
    let head = w - 1;
    let first = if head > limit + 1 && ctx.is_determiner(head - 1) {
        head - 1
    } else {
        head
    };
    Some(ctx.relative(ctx.mention(first, head, ctx.span(w).end), w))
}

#[cfg(test)]
mod tests {
    use crate::test_support::analyzed;

    fn speaker_of(text: &str, needle: &str) -> Option<String> {
        let doc = analyzed(text);
        // (The quotation itself, not a reported statement that holds it.)
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).starts_with(needle))
            .unwrap_or_else(|| crate::test_support::quote_with(&doc, needle));
        q.source.mention.map(|m| doc.span_text(&m).to_string())
    }

    /// The yelling supervisor of a relative clause speaks the shout, not the woman the
    /// sentence is about nor the officer who tells it.
    #[test]
    fn a_relative_clause_cue_speaks_for_its_antecedent() {
        let text = "A woman who had been suspended from her job at a bakery returned with a \
                    handgun on Thursday evening, police said.\n\nShe walked inside, firing at a \
                    supervisor who had followed her in and had yelled, \"Get down, she's got a \
                    gun!\" Lt. Carla Munoz said.";
        let (name, _) = crate::test_support::source_of(text, "Get down");
        assert_eq!(name.as_deref(), Some("a supervisor"));
    }

    /// "told her, “…,” the Gazette reported": the man who told her (the cue "told"), not the
    /// paper.
    #[test]
    fn a_hearer_between_the_cue_and_the_comma() {
        let text = "Dale Porter was arrested in Harbor City on Monday.\n\nIn 2011 he was \
                    charged with assault, according to court records, which say he pushed her \
                    against a wall and told her, \"You will never get away from me,\" the Harbor \
                    Gazette reported.";
        let m = speaker_of(text, "You will never get away");
        assert_ne!(m.as_deref(), Some("the Harbor Gazette"));
    }

    /// A plain "said," before a quotation keeps its subject.
    #[test]
    fn a_plain_cue_keeps_its_subject() {
        let text = "Mayor Irene Vasquez spoke at the harbor on Friday. Vasquez said, \"We will \
                    rebuild the pier this year.\"";
        let m = speaker_of(text, "We will rebuild the pier");
        assert_eq!(m.as_deref(), Some("Vasquez"));
    }
}
