//! "See all of the best photos of the week in these slideshows", "Read the full statement
//! here", "Watch the video below": a verb of the cue lexicon in its base form opening a
//! sentence, with no subject before it, is an imperative addressed to the reader (page
//! furniture, mostly), and the phrase after it is its object, no speaker inverted after a cue.
//!
//! Session 24 (`s24-ptcspeak24`, issue 11): "all of the best photos" was shown as the speaker
//! of the quotation before a slideshow line on a tuned-on PTC article.

use crate::speaker::{Ctx, Mention};

/// Whether `m` stands right after a capitalised base-form cue verb that opens its sentence
/// ("See all of …", "Read the …"): the imperative's object.
pub fn imperative_object(ctx: &Ctx, m: &Mention) -> bool {
    let Some(k) = m.first.checked_sub(1) else {
        return false;
    };
    if m.first >= ctx.len() || ctx.sentence_bounds(k).0 != k || !ctx.is_capitalized(k) {
        return false;
    }
    // (The base form only: "Said Smith", "Says the mayor" invert a subject after a quotation.)
    ctx.cue(k).is_some_and(|w| w.lemma == ctx.word(k))
        && !ctx.is_capitalized(m.first)
        && !ctx.is_pronoun(m.first)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    #[test]
    fn the_object_of_an_imperative_is_no_speaker() {
        // Written for the project (session 24).
        let text = "Comet fragment spins out of control\n\n\
            The fragment was first seen by a telescope in Chile in March.\n\n\
            “It tumbles end over end like a thrown stick.”\n\n\
            See all of the best photos of the week in these slideshows\n\n\
            The researchers expect to publish more results next year.";
        let (name, _) = source_of(text, "It tumbles end over end");
        assert_ne!(name.as_deref(), Some("all of the best photos"));
    }

    #[test]
    fn an_inverted_speaker_after_a_quotation_stays() {
        // Written for the project (session 24).
        let text = "Ferry delayed again\n\n\
            “The engines failed twice this month,” said the harbour master, Ana Ruiz.";
        let (name, _) = source_of(text, "The engines failed twice");
        assert!(
            name.as_deref()
                .is_some_and(|n| n.contains("Ana Ruiz") || n.contains("harbour master")),
            "{name:?}"
        );
    }
}
