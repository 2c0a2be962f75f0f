//! Which sentences report what someone said without quoting them?
//!
//! Constructions: `X said (that) …` and every reporting verb in any inflection; `X told
//! reporters that …`; `…, X said.` and `…, said X.` after the statement; `according to X, …` and
//! `…, according to X`; `…, asserting that …` (the subject of the clause speaks); passive
//! `it was reported that …` (unattributed). The content span is the reported clause.

use newsprobe_core::{QuoteKind, Span};

use crate::lexicon;
use crate::marks::Marked;
use crate::speaker::Ctx;
use crate::Found;

fn inside_quote(marks: &[Marked], pos: usize) -> bool {
    // Marks are in text order and do not overlap.
    let i = marks.partition_point(|m| m.content.end <= pos);
    marks.get(i).is_some_and(|m| m.content.start <= pos)
}

/// Fewest words a reported content may have.
const MIN_CONTENT_WORDS: usize = 2;

/// Content span of tokens `[a, b)`, without the final full stop (closing quote marks stay).
fn content_span(ctx: &Ctx, a: usize, mut b: usize) -> Option<Span> {
    while b > a && matches!(ctx.word(b - 1), "." | "!" | "?" | "," | ";" | ":" | "—") {
        b -= 1;
    }
    let words = (a..b).filter(|&i| ctx.is_word(i)).count();
    if b <= a || words < MIN_CONTENT_WORDS {
        return None;
    }
    Some(Span::text(ctx.span(a).start, ctx.span(b - 1).end))
}

/// Whether the tokens `[a, b)` are mostly one quotation already (handled as direct speech).
fn mostly_quoted(ctx: &Ctx, marks: &[Marked], content: Span) -> bool {
    let covered: usize = marks.iter().map(|m| m.outer.overlap_len(&content)).sum();
    let _ = ctx;
    covered * 10 >= content.len() * 7
}

/// Reported speech in every sentence of the document.
pub fn find(ctx: &Ctx, marks: &[Marked]) -> Vec<Found> {
    let mut out = Vec::new();
    let doc = ctx.doc;
    for sentence in &doc.sentences {
        let a = ctx.token_at_or_after(sentence.span.start);
        let b = ctx.token_at_or_after(sentence.span.end);
        let mut c = a;
        while c < b {
            let pos = ctx.span(c).start;
            if inside_quote(marks, pos) || !ctx.is_word(c) {
                c += 1;
                continue;
            }
            if let Some(f) = question(ctx, marks, a, b, c)
                .or_else(|| according_to(ctx, marks, a, b, c))
                .or_else(|| passive(ctx, marks, a, b, c))
                .or_else(|| verb_cue(ctx, marks, a, b, c))
            {
                out.push(f);
            }
            c += 1;
        }
    }
    out
}

fn according_to(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    if ctx.word(c) != "according" || ctx.word(c + 1) != "to" {
        return None;
    }
    let m = ctx.np_after(c + 2, b)?;
    let cue = Span::text(ctx.span(c).start, ctx.span(c + 1).end);
    let lead_only_punct =
        (a..c).all(|i| !ctx.is_word(i) || matches!(ctx.word(i), "but" | "and" | "yet"));
    let content = if lead_only_punct {
        // "According to X, the plan failed."
        let mut s = m.last + 1;
        while s < b && ctx.word(s) != "," {
            s += 1;
        }
        content_span(ctx, s + 1, b)?
    } else {
        // "The plan failed, according to X." / "The plan, according to X, failed."
        let after = m.last + 1;
        let tail_words = (after..b).filter(|&i| ctx.is_word(i)).count();
        let end = if tail_words > 2 { b } else { c };
        content_span(ctx, a, end)?
    };
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(cue),
        cue_token: Some(c),
        speaker: Some(m),
        inherited: false,
    })
}

/// Questions: "X asked whether …", "Asked by Matt Lauer whether …, she said", "Y was asked
/// how …". The content is the question clause; the asker speaks.
fn question(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let cw = lexicon::cue(ctx.word(c))?;
    if cw.lemma != "ask" && cw.lemma != "wonder" {
        return None;
    }
    // The asker: "by X" right after the cue, else the subject before it.
    let mut k = c + 1;
    let mut asker = None;
    if ctx.word(k) == "by" {
        asker = ctx.np_after(k + 1, b);
        k = asker.map_or(k + 1, |m| m.last + 1);
    } else if ctx.word(c.saturating_sub(1)) != "was" && ctx.word(c.saturating_sub(1)) != "were" {
        asker = ctx.subject_before(c, a);
    }
    // The wh-word within a few words (an addressee may stand between).
    let w = (k..(k + 5).min(b)).find(|&i| {
        matches!(
            ctx.word(i),
            "whether" | "if" | "how" | "what" | "why" | "when" | "who" | "where" | "which"
        )
    })?;
    if (k..w).any(|i| !ctx.is_word(i)) {
        return None;
    }
    let end = (w..b).find(|&i| ctx.word(i) == ",").unwrap_or(b);
    let content = content_span(ctx, w, end)?;
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(ctx.span(c)),
        cue_token: Some(c),
        speaker: asker,
        inherited: false,
    })
}

fn passive(ctx: &Ctx, marks: &[Marked], _a: usize, b: usize, c: usize) -> Option<Found> {
    let w = ctx.word(c);
    if !matches!(
        w,
        "reported"
            | "said"
            | "claimed"
            | "alleged"
            | "believed"
            | "rumored"
            | "rumoured"
            | "understood"
            | "thought"
            | "suggested"
            | "argued"
            | "estimated"
    ) {
        return None;
    }
    let aux = c.checked_sub(1)?;
    let mut k = aux;
    if ctx.word(k) == "been" {
        k = k.checked_sub(1)?;
    }
    if !matches!(ctx.word(k), "is" | "was" | "has" | "had" | "have" | "being")
        || ctx.word(k.checked_sub(1)?) != "it"
        || ctx.word(c + 1) != "that"
    {
        return None;
    }
    let content = content_span(ctx, c + 1, b)?;
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(Span::text(ctx.span(k - 1).start, ctx.span(c).end)),
        cue_token: Some(c),
        speaker: None,
        inherited: false,
    })
}

fn verb_cue(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let cw = ctx.verb_cue(c)?;
    let cue = ctx.span(c);
    // "…, X said." / "…, said X." after the statement.
    if let Some(f) = backward(ctx, marks, a, b, c, cue) {
        return Some(f);
    }
    let speaker = match cw.form {
        lexicon::Form::Gerund => {
            if c == 0 || ctx.word(c - 1) != "," {
                return None;
            }
            ctx.participle_subject(c)?
        }
        _ => ctx.subject_before(c, a)?,
    };
    if speaker.first == speaker.last
        && lexicon::is_determiner(ctx.word(speaker.last))
        && !matches!(
            ctx.word(speaker.last),
            "another" | "one" | "some" | "many" | "both" | "several" | "most" | "few"
        )
    {
        return None;
    }
    // Forward: the clause after the cue.
    let mut s = c + 1;
    if ctx.word(s) == ":" {
        // "In a speech last July, he said:" ending its paragraph: the next paragraph is what
        // was said (a block quotation without marks).
        let (_, p_end) = ctx.paragraph_bounds(c);
        if s + 1 == p_end {
            let (n_start, n_end) = ctx.paragraph_bounds(p_end);
            if n_start == p_end && n_end > n_start {
                let content = Span::text(ctx.span(n_start).start, ctx.span(n_end - 1).end);
                if !mostly_quoted(ctx, marks, content) {
                    return Some(Found {
                        content,
                        kind: QuoteKind::Reported,
                        cue: Some(cue),
                        cue_token: Some(c),
                        speaker: Some(speaker),
                        inherited: false,
                    });
                }
            }
            return None;
        }
        s += 1;
    }
    // "told reporters that", "said in a statement that", "said Tuesday that"
    if let Some(t) = (s..(s + 9).min(b)).find(|&i| ctx.word(i) == "that") {
        if (s..t).all(|i| ctx.is_word(i) || ctx.word(i) == ",") {
            s = t;
        }
    }
    if ctx.word(s) != "that" {
        if lexicon::needs_that(cw.lemma)
            && !matches!(
                cw.lemma,
                "describe" | "reveal" | "disclose" | "remind" | "recall" | "mention"
            )
        {
            return None;
        }
        if matches!(
            cw.lemma,
            "tell" | "ask" | "inform" | "assure" | "remind" | "urge" | "advise" | "warn"
        ) {
            // skip the addressee: "told CNN the plan…" keeps the plan.
            if ctx.is_word(s)
                && ctx.word(s + 1) != ","
                && (lexicon::pronoun(ctx.word(s)).is_some()
                    || matches!(
                        ctx.word(s),
                        "him"
                            | "her"
                            | "them"
                            | "me"
                            | "us"
                            | "reporters"
                            | "listeners"
                            | "supporters"
                    ))
            {
                s += 1;
            }
        }
        if !ctx.is_word(s) {
            return None;
        }
        if matches!(ctx.word(s), "to" | "for" | "by" | "of" | "about") && cw.lemma != "remind" {
            return None;
        }
    }
    // The clause ends where a contrasting clause begins: ", while Cruz said …".
    let end = (s..b)
        .find(|&k| ctx.word(k) == "," && matches!(ctx.word(k + 1), "while" | "whereas"))
        .unwrap_or(b);
    let content = content_span(ctx, s, end)?;
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(cue),
        cue_token: Some(c),
        speaker: Some(speaker),
        inherited: false,
    })
}

fn backward(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize, cue: Span) -> Option<Found> {
    if lexicon::cue(ctx.word(c)).is_some_and(|cw| cw.form == lexicon::Form::Gerund) {
        return None;
    }
    let tail_ok = |from: usize| {
        // The tail ends at a comma: ", Smith said, adding that …".
        let b = (from..b).find(|&k| ctx.word(k) == ",").unwrap_or(b);
        let tail = b.saturating_sub(from);
        let adjunct = !ctx.is_word(from)
            || from >= b
            || matches!(
                ctx.word(from),
                "on" | "in"
                    | "at"
                    | "during"
                    | "to"
                    | "via"
                    | "yesterday"
                    | "today"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "told"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "recently"
                    | "previously"
                    | "again"
                    | "also"
                    | "adding"
                    | "noting"
                    | "citing"
                    | "referring"
                    | "according"
                    | "of"
            )
            || ctx.is_capitalized(from);
        adjunct
            && tail <= 8
            && (from..b).all(|i| {
                !matches!(ctx.word(i), "that" | ":" | "“" | "\"" | "‘")
                    && lexicon::cue(ctx.word(i)).is_none()
            })
    };
    // ", said X." (verbs of saying only: ", offered a view" is not an attribution)
    let saying = lexicon::cue(ctx.word(c)).is_some_and(|cw| {
        matches!(
            cw.lemma,
            "say"
                | "add"
                | "write"
                | "tell"
                | "note"
                | "explain"
                | "ask"
                | "reply"
                | "respond"
                | "insist"
                | "argue"
                | "warn"
                | "claim"
                | "state"
                | "conclude"
                | "report"
                | "tweet"
                | "post"
                | "quip"
                | "joke"
                | "recall"
                | "confirm"
                | "counter"
                | "acknowledge"
                | "admit"
                | "declare"
                | "announce"
                | "observe"
                | "remark"
                | "suggest"
                | "emphasize"
                | "emphasise"
                | "stress"
                | "predict"
                | "continue"
                | "concede"
                | "contend"
                | "maintain"
                | "assert"
                | "allege"
                | "estimate"
        )
    });
    // The comma may stand inside closing quote marks: `… ''acted sooner,'' said X`.
    let comma_before = |k: usize| -> Option<usize> {
        let mut j = k.checked_sub(1)?;
        while j > a && matches!(ctx.raw(j), "\"" | "”" | "’" | "'" | "»") {
            j -= 1;
        }
        (ctx.word(j) == ",").then_some(j)
    };
    if let Some(comma) = comma_before(c).filter(|&k| k > a) {
        if !saying {
            return None;
        }
        let m = ctx.np_after(c + 1, b)?;
        if !tail_ok(m.last + 1) {
            return None;
        }
        let content = content_span(ctx, a, comma)?;
        if mostly_quoted(ctx, marks, content) {
            return None;
        }
        return Some(Found {
            content,
            kind: QuoteKind::Reported,
            cue: Some(cue),
            cue_token: Some(c),
            speaker: Some(m),
            inherited: false,
        });
    }
    // ", X said."
    let m = ctx.subject_before(c, a)?;
    let comma = comma_before(m.first)?;
    if m.first <= a + 2 || !tail_ok(c + 1) {
        return None;
    }
    let content = content_span(ctx, a, comma)?;
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(cue),
        cue_token: Some(c),
        speaker: Some(m),
        inherited: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    fn reported(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        find(&ctx, &marks)
            .iter()
            .map(|f| {
                (
                    doc.span_text(&f.content).to_string(),
                    f.speaker
                        .map(|m| doc.span_text(&m.span).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn speaker_said_that_clause() {
        assert_eq!(
            reported("The senator said that the bill would pass next week."),
            vec![(
                "that the bill would pass next week".into(),
                "The senator".into()
            )]
        );
        assert_eq!(
            reported("Mayor Jones told reporters on Monday that the budget was balanced."),
            vec![("that the budget was balanced".into(), "Mayor Jones".into())]
        );
    }

    #[test]
    fn statement_then_speaker() {
        assert_eq!(
            reported("The campaign avoided the hospital to keep details quiet, sources said."),
            vec![(
                "The campaign avoided the hospital to keep details quiet".into(),
                "sources".into()
            )]
        );
        assert_eq!(
            reported("The vote will be delayed until spring, said Anna Berg, the party whip."),
            vec![(
                "The vote will be delayed until spring".into(),
                "Anna Berg".into()
            )]
        );
    }

    #[test]
    fn according_to_both_orders() {
        assert_eq!(
            reported("According to the ministry, prices rose by four percent."),
            vec![("prices rose by four percent".into(), "the ministry".into())]
        );
        assert_eq!(
            reported("Prices rose by four percent, according to the ministry."),
            vec![("Prices rose by four percent".into(), "the ministry".into())]
        );
    }

    #[test]
    fn participle_cue_takes_the_clause_subject() {
        let r = reported("Adding to the tension, Ambassador Denis Gonchar made a claim, asserting that the bloc is preparing for war.");
        assert_eq!(r[0].0, "that the bloc is preparing for war");
        assert_eq!(r[0].1, "Ambassador Denis Gonchar");
    }

    #[test]
    fn numerals_discourse_adverbs_and_block_quotes() {
        assert_eq!(
            reported("Two in three said they would vote again.")[0].1,
            "Two in three"
        );
        assert_eq!(
            reported("The judges, for instance, said the law was unfair.")[0].1,
            "The judges"
        );
        let r = reported(
            "In a speech last July, he said:\nLet no one be mistaken about this candidate.",
        );
        assert_eq!(r[0].0, "Let no one be mistaken about this candidate.");
        assert_eq!(r[0].1, "he");
    }

    #[test]
    fn questions_are_attributed_to_the_asker() {
        let r = reported("Asked by Matt Lauer whether she had practiced her speech, she said yes.");
        assert_eq!(
            r[0],
            (
                "whether she had practiced her speech".into(),
                "Matt Lauer".into()
            )
        );
        let r = reported("The senator asked whether the bill would pass in time.");
        assert_eq!(r[0].1, "The senator");
    }

    #[test]
    fn passive_report_is_unattributed() {
        assert_eq!(
            reported("It was reported that the factory would close."),
            vec![("that the factory would close".into(), "".into())]
        );
    }

    #[test]
    fn nouns_and_sandwiches_are_not_reported_speech() {
        assert!(reported("The report was long. Smith emphasized, his voice steady.").is_empty());
    }
}
