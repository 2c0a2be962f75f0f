//! Subjects of a verb of saying that the phrase read back from the cue does not reach
//! (issue 11, PolNeAR recall; session 23).
//!
//! Two shapes, both found among the "X said that …" clauses PolNeAR train marks and the
//! reported-speech stage emitted nothing for (the subject search failed, so the whole
//! attribution was dropped):
//!
//! - an aside between subject and verb: "Supporters of the measure, on the other hand, argued
//!   that …", "The mayor — in a rare interview — insisted that …" ([`across_aside`]);
//! - a participle of saying after a preposition or subordinator: "has soared in the polls by
//!   saying that …", "While saying that he respects her, he …", "after saying he was nervous"
//!   ([`adverbial_participle`]); the speaker is the subject of the clause it hangs from.
//!
//! Both ask for a clause after the cue ("that", or a subject pronoun opening it), so a topic
//! ("argued about the budget") or an object stays out.

use crate::lexicon;
use crate::speaker::{Ctx, Mention};

/// Verbs of saying whose complement clause is a statement in the reviewed sample's
/// convention (not beliefs or perceptions).
fn says(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "argue"
            | "claim"
            | "insist"
            | "warn"
            | "assert"
            | "contend"
            | "declare"
            | "allege"
            | "note"
            | "add"
            | "write"
            | "tell"
            | "acknowledge"
            | "maintain"
            | "stress"
            | "explain"
            | "announce"
            | "predict"
            | "admit"
            | "report"
    )
}

/// Whether a clause opens at token `k`: "that" before a word, or a subject pronoun.
fn clause_opens(ctx: &Ctx, k: usize) -> bool {
    match ctx.word(k) {
        "that" => ctx.is_word(k + 1) && !matches!(ctx.word(k + 1), "is" | "was" | "'s" | "’s"),
        "he" | "she" | "they" | "we" | "i" | "it" => ctx.is_word(k + 1),
        _ => false,
    }
}

/// The subject before a short aside closing just before the cue at `c` ("X, on the other
/// hand, argued that …"; "X — in a rare interview — insisted that …"), not reaching before
/// token `a`. The aside holds only words (no cue, no quotation mark), one to eight of them.
pub(crate) fn across_aside(ctx: &Ctx, a: usize, c: usize, lemma: &str) -> Option<Mention> {
    if !says(lemma) || c < a + 4 || !clause_opens(ctx, c + 1) {
        return None;
    }
    let close = ctx.word(c - 1);
    if !matches!(close, "," | "—" | "–") {
        return None;
    }
    let open = (c.saturating_sub(10).max(a + 1)..c - 1)
        .rev()
        .find(|&k| ctx.word(k) == close)?;
    let aside = open + 1..c - 1;
    if aside.is_empty()
        || !aside.clone().all(|k| {
            ctx.is_word(k) && !ctx.is_quote_mark(k) && ctx.cue(k).is_none() && !ctx.is_pronoun(k)
        })
        // "Smith, Jones and Brown, said": names in a list, not an aside.
        || ctx.is_capitalized(open + 1)
    {
        return None;
    }
    ctx.subject_before(open, a).filter(|m| m.last + 1 == open)
}

/// Whether the participle of saying at `c` hangs from a preposition or subordinator ("by
/// saying that …", "while also saying that …", "after saying he …") before a clause, its
/// speaker being the subject of the clause it modifies.
pub(crate) fn adverbial_participle(ctx: &Ctx, a: usize, c: usize, lemma: &str) -> bool {
    let Some(cw) = lexicon::cue(ctx.word(c)) else {
        return false;
    };
    if cw.form != lexicon::Form::Gerund || !says(lemma) || c <= a || !clause_opens(ctx, c + 1) {
        return false;
    }
    let mut p = c - 1;
    if matches!(ctx.word(p), "also" | "repeatedly" | "publicly") && p > a {
        p -= 1;
    }
    matches!(
        ctx.word(p),
        "by" | "while" | "after" | "before" | "when" | "without"
    )
}

/// The sentence's subject for a finite verb of saying at `c` when nothing nearer was read
/// as its subject: "A mere nine percent say …", "Some voters who have listened to him over
/// the years, on television or at small events, said …", "Sen. Ann Roe (R-Ohio), another
/// incumbent, said …". Only words, commas, parentheses and dashes stand between subject and
/// cue (at most 24 tokens): no quotation mark, no other cue, no coordinator or clause break
/// ("and", "but", ";", ":") that could open another clause with its own subject.
pub(crate) fn sentence_subject(ctx: &Ctx, a: usize, c: usize, lemma: &str) -> Option<Mention> {
    if !says(lemma) || c <= a {
        return None;
    }
    let before = ctx.word(c - 1);
    // ("It should be noted that …": a passive; "I can't say", "happy to say": no statement.)
    if lexicon::is_finite_auxiliary(before)
        || lexicon::is_be(before)
        || matches!(before, "to" | "not" | "n't" | "never" | "can't" | "cannot")
    {
        return None;
    }
    // A clause follows: "that …", a subject pronoun, a determiner or a name ("noted analyst
    // Ming-Chi Kuo": an adjective before a bare noun, no cue).
    let next = ctx.word(c + 1);
    if !(clause_opens(ctx, c + 1)
        || ctx.is_determiner(c + 1)
        || ctx.is_capitalized(c + 1)
        || matches!(next, "his" | "her" | "their" | "its" | "our" | "my"))
    {
        return None;
    }
    let m = ctx.sentence_subject(c, c)?;
    if m.first < a || m.last >= c || c - m.last > 25 || ctx.is_determiner(m.last) {
        return None;
    }
    // A comma right before the cue closes an appositive or aside of the subject, not an
    // opening phrase ("Prior to the launch, noted analyst …").
    if before == "," && !matches!(ctx.word(m.last + 1), "," | "(" | "who" | "whose") {
        return None;
    }
    let clean = (m.last + 1..c).all(|k| {
        let w = ctx.word(k);
        !ctx.is_quote_mark(k)
            && (ctx.is_word(k) || matches!(w, "," | "(" | ")" | "—" | "–"))
            && !matches!(
                w,
                "and" | "but" | "or" | "yet" | "so" | "then" | "while" | "because"
            )
            && ctx.cue(k).is_none()
            && !ctx.is_pronoun(k)
    });
    clean.then_some(m)
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;

    /// Each reported statement of `text` with the words of its speaker's mention, if any.
    fn reported(text: &str) -> Vec<(String, Option<String>)> {
        let doc = analyzed(text);
        doc.quotes
            .iter()
            .filter(|q| q.kind == newsprobe_core::QuoteKind::Reported)
            .map(|q| {
                let who = q
                    .source
                    .mention
                    .map(|m| doc.span_text(&m).to_string())
                    .or_else(|| reached(q).map(str::to_string));
                (doc.span_text(&q.span).to_string(), who)
            })
            .collect()
    }

    #[test]
    fn a_subject_before_an_aside_speaks() {
        let r = reported(
            "Owners of the harbour shops, on the other hand, argued that the new parking fees \
             would drive customers to the mall.",
        );
        assert!(
            r.iter().any(
                |(t, s)| t.contains("the new parking fees would drive customers")
                    && s.as_deref() == Some("Owners of the harbour shops")
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_participle_after_by_or_while_reports_its_clause() {
        let r = reported(
            "Councillor Mara Lindqvist has gained ground in the race by saying that the depot \
             contract was signed without a vote.",
        );
        assert!(
            r.iter()
                .any(|(t, _)| t.contains("the depot contract was signed without a vote")),
            "{r:?}"
        );
        let r = reported(
            "While saying that he respects the union, Governor Pell Okafor refused to reopen \
             the talks.",
        );
        assert!(
            r.iter().any(|(t, _)| t.contains("he respects the union")),
            "{r:?}"
        );
    }

    #[test]
    fn a_quantity_subject_with_a_participle_speaks() {
        let r = reported(
            "Some 62 percent of commuters polled said they would take the bus more often.",
        );
        assert!(
            r.iter()
                .any(|(t, s)| t.contains("they would take the bus more often")
                    && s.as_deref()
                        .is_some_and(|s| s.contains("percent of commuters"))),
            "{r:?}"
        );
        // A passive "it should be noted" is the writer's aside.
        let r = reported("The line reopened in May. It should be noted that the fares rose.");
        assert!(!r.iter().any(|(t, _)| t.contains("fares rose")), "{r:?}");
        // "noted" before a bare noun is an adjective: the analyst predicted.
        let r = reported(
            "Before the launch, noted analyst Tove Brandt predicted that the phone would \
             come in two sizes.",
        );
        assert!(
            r.iter()
                .any(|(t, s)| t.contains("the phone would come in two sizes")
                    && s.as_deref().is_some_and(|s| s.contains("Tove Brandt"))),
            "{r:?}"
        );
    }

    #[test]
    fn a_topic_or_a_list_is_no_aside() {
        // No clause after the cue: nothing is reported.
        let r = reported("The tenants, on the other hand, argued about the heating bills.");
        assert!(r.is_empty(), "{r:?}");
        // A participle of saying with no clause ("by saying goodbye") states nothing.
        let r = reported("She ended the evening by saying goodbye to the guests.");
        assert!(r.is_empty(), "{r:?}");
    }
}
