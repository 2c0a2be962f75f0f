//! "the jihadist attack on America that killed nearly 3,000", "Jihadist attacks against
//! America", "Another attack was caught on camera", "Local reports say the attack was carried
//! out": a cue word whose neighbour shows it is a noun. Read as a verb it gave the junk speakers
//! "the anniversary of the Islamic jihadist", "Jihadist Psychopath", "Another" and "Local" and
//! a spurious statement each (the judged picks of sessions 20 to 27).
//!
//! Session 28 (`s28-junk28`, issue 11). Three contexts, each one a verb cannot take:
//! - "attack" or "attacks" before "on" or "against": the verb takes its object bare ("Trump
//!   attacks the press"), the noun a preposition;
//! - a plural "-s" form right before a reporting verb that agrees with a plural subject ("reports
//!   say", "claims suggested"): two finite verbs do not follow each other, so the first is the
//!   subject's head;
//! - the base form right after "another" or "every" ("another attack", "every claim"): a
//!   singular subject would take "-s" ("each" stays open: "the three each say").

use crate::lexicon::{CueWord, Form};
use crate::speaker::Ctx;

/// Whether the present-form cue word `cw` at token `i` is a noun by the word before or after it.
pub fn reads_as_noun(ctx: &Ctx, i: usize, cw: CueWord) -> bool {
    if cw.form != Form::Present || !ctx.is_word(i) {
        return false;
    }
    let w = ctx.word(i);
    let next = ctx.word(i + 1);
    let plural = w.ends_with('s');
    (cw.lemma == "attack" && ctx.is_word(i + 1) && matches!(next, "on" | "against"))
        || (plural && plural_verb_after(ctx, i + 1))
        || (!plural && i > 0 && matches!(ctx.word(i - 1), "another" | "every"))
}

/// Whether token `j` is a reporting verb in a form a plural subject takes: a base form (not
/// "-s") or a past form.
fn plural_verb_after(ctx: &Ctx, j: usize) -> bool {
    ctx.is_word(j)
        && ctx.verb_cue(j).is_some_and(|v| match v.form {
            Form::Present => !ctx.word(j).ends_with('s'),
            Form::Past => true,
            Form::Gerund => false,
        })
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quoted, reached, source_of};

    #[test]
    fn a_noun_by_its_neighbour_states_nothing() {
        // Written for the project (session 28).
        let q = quoted(
            "He was banned on the anniversary of the terrorist attack on the city that killed \
             forty people. Rebel attacks against the convoy resumed at dawn. Another attack \
             was caught on camera in the port.",
        );
        assert!(
            !q.iter().any(|t| t.contains("the city that killed")),
            "{q:?}"
        );
        assert!(!q.iter().any(|t| t.contains("the convoy resumed")), "{q:?}");
        assert!(!q.iter().any(|t| t.contains("caught on camera")), "{q:?}");
    }

    #[test]
    fn reports_before_say_are_the_subject() {
        // Written for the project (session 28).
        let doc =
            analyzed("Local reports say the fire was started by a faulty heater in the kitchen.");
        assert!(
            doc.quotes.iter().all(|q| reached(q) != Some("Local")),
            "{:?}",
            doc.quotes
        );
    }

    #[test]
    fn verbs_still_speak() {
        // Written for the project (session 28).
        let text = "The mayor attacks the council for its delay. Ms Okafor reports that the \
                    bridge is safe. The three each say they saw the van.";
        let q = quoted(text);
        assert!(q.iter().any(|t| t.contains("the bridge is safe")), "{q:?}");
        assert!(q.iter().any(|t| t.contains("they saw the van")), "{q:?}");
        let (name, _) = source_of(text, "the bridge is safe");
        assert!(name.is_some_and(|n| n.ends_with("Okafor")));
    }
}
