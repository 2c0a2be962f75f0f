//! A past participle between a count and a plural noun is an adjective, not a speech cue:
//! "Kavanaugh answered almost 1,300 written questions senators submitted", "dozens of signed
//! letters", "a reported 300 people". Read as a verb, "written" made Kavanaugh a speaker and
//! moved the next "he said" to him (session 26, ptc/790677230).
//!
//! A count written in words counts only away from a subject's place: "the two said lawmakers
//! must act" and "Two said …" keep their verb.

use crate::lexicon::{self, Form};
use crate::speaker::Ctx;

/// Whether the past-form cue word at token `i` modifies a counted plural noun.
pub fn is_adjective(ctx: &Ctx, i: usize) -> bool {
    if i == 0 || ctx.cue(i).is_none_or(|cw| cw.form != Form::Past) {
        return false;
    }
    let prev = ctx.word(i - 1);
    // "a reported 300 people", "an estimated 40,000 protesters".
    if matches!(prev, "a" | "an") && digits(ctx.word(i + 1)) && plural_noun(ctx, i + 2) {
        return true;
    }
    if !plural_noun(ctx, i + 1) {
        return false;
    }
    // "dozens of written questions".
    if prev == "of" && i >= 2 && lexicon::is_number_word(ctx.word(i - 2)) {
        return true;
    }
    if digits(prev) {
        return true;
    }
    // "about three signed letters", not "the two said", "all three said", "Two said".
    prev != "one"
        && lexicon::is_number_word(prev)
        && i >= 2
        && ctx.is_word(i - 2)
        && !ctx.is_determiner(i - 2)
        && !matches!(ctx.word(i - 2), "all" | "both" | "those" | "these" | "the")
}

/// A count in digits: "300", "1,300".
fn digits(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// A lower-case plural noun at token `k`: "questions", "people" (no pronoun, determiner or
/// auxiliary: "300 said this", "two said it was").
fn plural_noun(ctx: &Ctx, k: usize) -> bool {
    if k >= ctx.len() || !ctx.is_word(k) || ctx.is_capitalized(k) {
        return false;
    }
    let w = ctx.word(k);
    if ctx.is_pronoun(k)
        || ctx.is_determiner(k)
        || lexicon::is_finite_auxiliary(w)
        || lexicon::is_be(w)
    {
        return false;
    }
    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && !w.ends_with("’s"))
        || matches!(w, "people" | "children" | "men" | "women")
}

#[cfg(test)]
mod tests {
    use crate::speaker::Ctx;
    use newsprobe_core::Document;

    fn adjective(text: &str, word: &str) -> bool {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let i = (0..ctx.len()).find(|&i| ctx.word(i) == word).unwrap();
        super::is_adjective(&ctx, i)
    }

    #[test]
    fn a_participle_after_a_count_is_an_adjective() {
        // Written for the project (session 26), in the style of a confirmation-hearing report.
        assert!(adjective(
            "The nominee answered almost 1,300 written questions senators submitted after the hearing.",
            "written"
        ));
        assert!(adjective(
            "The nominee answered dozens of written questions from the panel last week.",
            "written"
        ));
        assert!(adjective(
            "A reported 300 people gathered outside the court on Friday.",
            "reported"
        ));
    }

    #[test]
    fn a_counted_subject_keeps_its_verb() {
        assert!(!adjective(
            "The two said lawmakers must act before the recess.",
            "said"
        ));
        assert!(!adjective("All three said it was a mistake.", "said"));
        assert!(!adjective(
            "Officials said 300 people were evacuated.",
            "said"
        ));
    }
}
