//! Is a reported-speech candidate narrative a cue word sits in, not a statement: a name with a
//! relative clause after a naming verb ("a fake site called HarbourDaily.info, which was made
//! to look like …", "referring to the first patient, who died on Wednesday"), or a doubt or open
//! question ("Others wondered why the vote had been delayed", "questioning whether the singer
//! was alive", "could not tell whether …")?
//!
//! Two of the three rules of session 19's unmerged `s19-reported` branch (`reportedness.rs`),
//! kept as rules because the constructions are clear; the third, a plea in court ("pleaded
//! guilty to …"), cost a gold statement and a speaker on the tuned-on groups and stays out. A
//! question someone asked ("the senator asked whether the agency had tested the water") stays:
//! it was said (the not-said questions are [`crate::unsaid`]'s).

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Auxiliaries that make the words after a name a clause of their own, not a name.
const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "did", "does", "do", "'s", "’s", "'re", "’re",
    "'ll", "’ll", "'d", "’d",
];

/// A naming verb's object is a name with a relative clause on it: "a fake site called
/// MSNBC.website.com, which was designed to …".
fn named_and_described(ctx: &Ctx, f: &Found, c: usize) -> bool {
    let naming = ctx.cue(c).is_some_and(|w| {
        matches!(
            w.lemma,
            "call" | "refer" | "describe" | "name" | "dub" | "label" | "term" | "nickname"
        )
    });
    if !naming || f.content.end <= ctx.span(c).start {
        return false;
    }
    let first = ctx.token_at_or_after(f.content.start);
    if first >= ctx.len() || !ctx.is_word(first) || matches!(ctx.word(first), "that" | "to") {
        return false;
    }
    // The relative pronoun after a comma within the first words, no auxiliary before it.
    let mut k = first + 1;
    while k < ctx.len() && k < first + 8 && ctx.span(k).start < f.content.end {
        let w = ctx.word(k);
        if AUX.contains(&w) || !(ctx.is_word(k) || w == "," || w == ".") {
            return false;
        }
        if matches!(w, "who" | "which" | "whose") {
            return ctx.word(k - 1) == ",";
        }
        k += 1;
    }
    false
}

/// A doubt or an open question: "wondered why …", "questioned whether …", "whether …" after any
/// cue but "ask" and "inquire".
fn open_question(ctx: &Ctx, f: &Found, c: usize) -> bool {
    if f.content.end <= ctx.span(c).start {
        return false;
    }
    let first = ctx.token_at_or_after(f.content.start);
    let w = ctx.word(first);
    match ctx.cue(c).map(|w| w.lemma) {
        Some("ask" | "inquire") => false,
        Some("wonder" | "question") => matches!(
            w,
            "whether" | "if" | "how" | "why" | "what" | "where" | "when" | "who"
        ),
        _ => w == "whether",
    }
}

/// Whether `f` (reported speech with a cue of its own) is narrative, no statement.
pub fn is_narrative(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported || f.inherited {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if c >= ctx.len() {
        return false;
    }
    let off = off();
    (!off.0 && named_and_described(ctx, f, c)) || (!off.1 && open_question(ctx, f, c))
}

/// (Measuring: `NEWSPROBE_NARRATIVE_OFF=named|question|all` turns rules off.)
fn off() -> (bool, bool) {
    static OFF: std::sync::OnceLock<(bool, bool)> = std::sync::OnceLock::new();
    *OFF.get_or_init(|| {
        let v = std::env::var("NEWSPROBE_NARRATIVE_OFF").unwrap_or_default();
        (v == "all" || v == "named", v == "all" || v == "question")
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_name_with_a_relative_clause_after_a_naming_verb_is_no_statement() {
        let q = quoted(
            "The rumour began on a fake news site called HarbourDaily.info, which was made to \
             look like the city paper. The mayor said the story was false.",
        );
        assert!(!q.iter().any(|t| t.contains("HarbourDaily")), "{q:?}");
        assert!(q.iter().any(|t| t.contains("story was false")), "{q:?}");
    }

    #[test]
    fn a_doubt_or_an_open_question_is_no_statement() {
        let q = quoted(
            "Residents questioned whether the council intended to close the library. \
             Councillor Ruth Abney said the branch would stay open until the spring. Others \
             wondered why the vote had been delayed. The senator asked whether the agency had \
             tested the water.",
        );
        assert!(!q.iter().any(|t| t.contains("intended to close")), "{q:?}");
        assert!(
            !q.iter().any(|t| t.contains("vote had been delayed")),
            "{q:?}"
        );
        assert!(q.iter().any(|t| t.contains("stay open")), "{q:?}");
        assert!(q.iter().any(|t| t.contains("tested the water")), "{q:?}");
    }
}
