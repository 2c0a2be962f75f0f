//! A relative clause with no "that" before its subject (session 29, issue 11, clauses as
//! speakers): "Scarborough Shoal is now the place Pentagon officials say the United States might
//! take a stand", "a crisis many in the church thought had ended". The speaker finder reads
//! the phrase from the noun the clause describes to the cue ("the place Pentagon officials");
//! the clause's subject alone speaks ("Pentagon officials", "many in the church").
//!
//! Cut only where the phrase is an article, one lower-case noun that cannot head a speaker
//! (no role, group or organisation noun: "the company Apple said", "the group Human Rights
//! Watch" are appositions and stay), and then either a quantifier that stands for people
//! ("many", "most", "some", "few", "several") or capitalised words and a lower-case plural
//! group or role noun that ends the phrase ("Pentagon officials"); "the state Health
//! Department" stays (its head is capitalised).

use crate::speaker::Ctx;

/// The first token of the clause's subject inside the phrase `first..=last`, where the phrase
/// is a noun with a relative clause's subject after it; `None` otherwise.
pub fn subject_start(ctx: &Ctx, first: usize, last: usize) -> Option<usize> {
    // (Refused at once: an article, a noun and a subject of at least one word.)
    if last < first + 2 || !matches!(ctx.word(first), "the" | "a" | "an") {
        return None;
    }
    let noun = first + 1;
    let w = ctx.word(noun);
    if ctx.is_capitalized(noun)
        || !ctx.is_word(noun)
        || w.ends_with('s')
        || !w.bytes().all(|b| b.is_ascii_lowercase())
        || ctx.is_role_noun(noun)
        || ctx.is_group_word(noun)
        || ctx.is_title(noun)
        || crate::junk::can_head_speaker(w)
    {
        return None;
    }
    let s = noun + 1;
    if matches!(ctx.word(s), "many" | "most" | "some" | "few" | "several") {
        return Some(s);
    }
    // Capitalised words, then the plural head that ends the phrase.
    let head_ok = ctx.word(last).ends_with('s')
        && !ctx.is_capitalized(last)
        && (ctx.is_group_word(last) || ctx.is_role_noun(last));
    if head_ok && last > s && (s..last).all(|k| ctx.is_capitalized(k) && ctx.is_word(k)) {
        return Some(s);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quote_with};

    fn shown(text: &str, content: &str) -> Option<String> {
        let doc = analyzed(text);
        let q = quote_with(&doc, content);
        q.source.name.clone().or_else(|| q.source.suggested.clone())
    }

    #[test]
    fn the_clause_subject_speaks() {
        let name = shown(
            "South China Sea\n\nNeither side wants conflict over the reef. Scarborough Shoal is now the place Pentagon officials say the United States might take a stand.\n\nChina has built runways on other reefs.",
            "the United States might take a stand",
        );
        assert_eq!(name.as_deref(), Some("Pentagon officials"));
    }

    #[test]
    fn an_apposition_stays() {
        let name = shown(
            "Phones\n\nThe company Apple said that the new phone would ship in March.\n\nShares rose.",
            "the new phone would ship",
        );
        assert_eq!(name.as_deref(), Some("Apple"));
    }
}
