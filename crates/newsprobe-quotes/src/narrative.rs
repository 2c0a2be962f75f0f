//! Is a reported-speech candidate narrative a cue word sits in, not a statement: a name with a
//! relative clause after a naming verb ("a fake site called HarbourDaily.info, which was made
//! to look like …", "referring to the first patient, who died on Wednesday")?
//!
//! One of the three rules of session 19's unmerged `s19-reported` branch (`reportedness.rs`),
//! kept as a rule because the construction is clear. Measured on top of [`crate::selfvoice`]
//! (session 20): tuned-on spurious statements 118 -> 114, no gold statement lost, PolNeAR dev
//! unchanged. The other two stay out: a plea in court ("pleaded guilty to …") cost a gold
//! statement and a speaker on the tuned-on groups (session 19), and a doubt or open question
//! ("wondered why …", "whether …" after any cue but "ask") removed 2 tuned-on spurious
//! statements for one PolNeAR dev quoted-speech attribution and its speaker (all-attributions
//! F1 -0.001).

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

/// Whether `f` (reported speech with a cue of its own) is narrative, no statement.
pub fn is_narrative(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported || f.inherited {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if c >= ctx.len() {
        return false;
    }
    named_and_described(ctx, f, c)
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
}
