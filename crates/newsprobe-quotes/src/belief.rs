//! Is a reported belief the writer's own, or nobody's: "I think they've dominated it", "we hope
//! it made you think", "So now you know that …", "There are apparently very real fears that …",
//! "a lot of men who think …"?
//!
//! A verb or noun of believing, hoping, fearing, knowing or wanting reports a statement only when
//! someone holds it: a named or described source ("Munster believes …", "The researchers think
//! …", "Kevin fears …" stay). With no source at all, or with the writer or the reader as its
//! subject ("I", "we", "you": the article's own voice outside any quotation), it is the article
//! thinking aloud, not a quotation anyone made. On the tuned-on groups of the reviewed sample
//! (start of session 17), 15 of the 16 reported statements with such a cue and such a subject
//! matched no gold quotation (the README: a quotation is what a source says or thinks; the
//! writer's own words are not quotations). PolNeAR annotates the writer's beliefs as
//! attributions (on its train split 101 of 137 such predictions matched one), so this costs
//! there: see the project README, "Quality, measured".

use newsprobe_core::QuoteKind;

use crate::speaker::Ctx;
use crate::Found;

/// Lemmas of believing, hoping, fearing, knowing and wanting (the cue lexicon's mental verbs).
fn belief_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "believe"
            | "think"
            | "fear"
            | "hope"
            | "worry"
            | "wonder"
            | "suspect"
            | "guess"
            | "figure"
            | "reckon"
            | "doubt"
            | "know"
            | "recognize"
            | "understand"
            | "want"
            | "expect"
            | "see"
            | "view"
            | "consider"
            | "learn"
    )
}

/// Whether `f` is a reported belief with no source, or with the writer or reader ("I", "we",
/// "you") as its subject.
pub fn writers_own(ctx: &Ctx, f: &Found) -> bool {
    if f.kind != QuoteKind::Reported {
        return false;
    }
    let Some(c) = f.cue_token else { return false };
    if !ctx.cue(c).is_some_and(|w| belief_lemma(w.lemma)) {
        return false;
    }
    // "It is widely believed that …": a passive belief with no source is an unattributed
    // claim (the reviewed sample lists those as `unattributed`), not the writer's own.
    if crate::passive_cue(ctx, c) {
        return false;
    }
    match f.speaker {
        None => true,
        Some(m) => m.first == m.last && matches!(ctx.word(m.first), "i" | "we" | "you"),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn the_writers_own_belief_is_no_quotation() {
        let q = quoted(
            "The champions have won every bout this year. I don't think they have ruined the \
             division, but I think the fans deserve a real contest.\n\nSo now you know that \
             the old arena will close in May. There are real fears that the club may not \
             survive the move.",
        );
        assert!(
            !q.iter().any(|t| t.contains("ruined the division")
                || t.contains("fans deserve")
                || t.contains("old arena will close")
                || t.contains("club may not survive")),
            "{q:?}"
        );
    }

    #[test]
    fn a_sources_belief_stays() {
        let q = quoted(
            "Analyst Priya Raman believes the cheaper model will sell eight million units this \
             year. The researchers think the signal comes from a plume of water vapour. It is \
             widely believed that the plant will close.",
        );
        assert!(q.iter().any(|t| t.contains("plant will close")), "{q:?}");
        assert!(q.iter().any(|t| t.contains("eight million units")), "{q:?}");
        assert!(q.iter().any(|t| t.contains("signal comes from")), "{q:?}");
    }
}
