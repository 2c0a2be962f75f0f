//! Shares of those polled as the subject of a verb of saying: "About four in 10 said they had
//! never used the ferry", "Nearly nine out of 10 say the boats are clean" (issue 11, PolNeAR
//! recall; session 23, round 2).
//!
//! PolNeAR train marks such a share as the source of what it says (poll reports: "six in 10
//! said", "three in 10 saying"), and so does the project's convention (`speakable::is_share`:
//! a share of respondents is people). The subject search read only "two in three" spelt in
//! words, and `junk::cannot_speak` refused "four in 10" (a number heads no speaker), so the
//! statement went unattributed; "nine out of 10" was read as "of 10".

use crate::lexicon;
use crate::speaker::{Ctx, Mention};

/// A count in a share: a number word ("four") or one to three digits ("10", "4").
fn count(w: &str) -> bool {
    lexicon::is_number_word(w)
        || ((1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
}

/// A word that may open a share before its count ("nearly nine out of 10"). (Not "about" or
/// "over": a mention opening with a preposition is refused as an adverbial, so "About four in
/// 10" is read as "four in 10".)
fn hedge(w: &str) -> bool {
    matches!(w, "nearly" | "almost" | "roughly" | "only" | "just")
}

/// The first token of the share "N in M" or "N out of M" whose last token (the "M") is `j`,
/// with a hedge before it ("nearly"), not reaching before `limit`.
pub(crate) fn share_start(ctx: &Ctx, j: usize, limit: usize) -> Option<usize> {
    if !ctx.is_word(j) || !count(ctx.word(j)) || j < limit + 2 {
        return None;
    }
    let n = match ctx.word(j - 1) {
        "in" => j - 2,
        "of" if j >= limit + 3 && ctx.word(j - 2) == "out" => j - 3,
        _ => return None,
    };
    if !ctx.is_word(n) || !count(ctx.word(n)) {
        return None;
    }
    Some(if n > limit && hedge(ctx.word(n - 1)) {
        n - 1
    } else {
        n
    })
}

/// Whether the mention is a share and nothing else ("four in 10", "nearly nine out of 10",
/// "22 percent", "42 %"): people, who may speak.
pub(crate) fn is_share(ctx: &Ctx, m: &Mention) -> bool {
    if m.last >= ctx.len() || m.first > m.last {
        return false;
    }
    if share_start(ctx, m.last, m.first) == Some(m.first) {
        return true;
    }
    // "22 percent", "only 42 %".
    let n = if hedge(ctx.word(m.first)) {
        m.first + 1
    } else {
        m.first
    };
    n + 1 == m.last && count(ctx.word(n)) && matches!(ctx.word(m.last), "percent" | "%")
}

/// The share before a participle of saying after "with" ("The plan drew mixed reviews, with
/// 22 percent saying it went too far"; "with three in 10 saying …"): the share says the
/// clause. Only "saying" before a clause ("that", a pronoun, a determiner).
pub(crate) fn with_share(ctx: &Ctx, a: usize, c: usize) -> Option<Mention> {
    if c <= a + 2 || ctx.word(c) != "saying" || !ctx.is_word(c + 1) {
        return None;
    }
    if !(ctx.word(c + 1) == "that" || ctx.is_pronoun(c + 1) || ctx.is_determiner(c + 1)) {
        return None;
    }
    let m = ctx.subject_before(c, a)?;
    (m.last + 1 == c && m.first > a && ctx.word(m.first - 1) == "with" && is_share(ctx, &m))
        .then_some(m)
}

#[cfg(test)]
mod tests {
    use crate::test_support::*;

    /// The speaker's words (shown or suggested) of the statement holding `needle`.
    fn speaker(text: &str, needle: &str) -> Option<String> {
        let doc = analyzed(text);
        let q = quote_with(&doc, needle);
        q.source
            .mention
            .map(|m| doc.span_text(&m).to_string())
            .or_else(|| reached(q).map(str::to_string))
    }

    #[test]
    fn a_share_of_those_polled_speaks() {
        let text = "Ferry riders sour on the timetable\n\n\
            The transit board polled 900 riders in May. About four in 10 said they had never \
            taken the late boat. Nearly nine out of 10 say the crossings should run every \
            half hour, and 3 in 10 said the fares were too high.";
        let who = speaker(text, "never taken the late boat");
        assert!(
            who.as_deref().is_some_and(|s| s.ends_with("four in 10")),
            "{who:?}"
        );
        let who = speaker(text, "crossings should run every half hour");
        assert!(
            who.as_deref()
                .is_some_and(|s| s.ends_with("nine out of 10")),
            "{who:?}"
        );
    }

    #[test]
    fn a_count_in_a_date_or_a_score_is_no_share() {
        use crate::speaker::{Ctx, Mention};
        use newsprobe_core::Document;
        let doc = Document::from_text(None, "The team won 4 in 2016 and lost one of the games.");
        let ctx = Ctx::new(&doc);
        let at = |w: &str| (0..ctx.len()).find(|&i| ctx.word(i) == w).unwrap();
        assert!(!super::is_share(
            &ctx,
            &Mention::tokens(&ctx, at("4"), at("2016"))
        ));
        assert!(super::share_start(&ctx, at("games"), 0).is_none());
    }

    #[test]
    fn a_percentage_after_a_or_with_speaks() {
        // "A mere 9 percent say": the count makes the phrase plural, "say" a verb.
        let text = "Ferry riders sour on the timetable\n\n\
            The transit board polled 900 riders in May. A mere 9 percent say they would pay \
            more for a faster boat. The new timetable drew mixed reviews, with 22 percent \
            saying it cut too many crossings.";
        let who = speaker(text, "they would pay more for a faster boat");
        assert!(
            who.as_deref().is_some_and(|s| s.contains("9 percent")),
            "{who:?}"
        );
        let who = speaker(text, "it cut too many crossings");
        assert!(
            who.as_deref().is_some_and(|s| s.contains("22 percent")),
            "{who:?}"
        );
        // "with" before no share and "saying": left to the other rules.
        let doc = analyzed("The mayor met the union on Friday, with the talks saying little.");
        assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
    }
}
