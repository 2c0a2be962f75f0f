//! Who said each quotation in marks, and is it a direct quote, a partial one or scare quotes?
//!
//! A quotation (with its continuation over paragraph breaks) takes its speaker from, in order:
//! the words after it (`“…,” said Smith` / `“…,” Smith said` / `“…,” he added`), the words before
//! it (`Smith said: “…”`, `He told reporters, “…”`, `According to Smith, “…”`), the attribution
//! between it and the previous quotation of the paragraph (`“A,” he said, smiling. “B.”`), the
//! reported speech of its sentence (partial quotes: `calling the claims “baseless”`), the subject
//! of a colon-introduced quote (`Smith had a warning: “…”`), and finally the last speaker of the
//! previous paragraph (a run of quote paragraphs with no cue). Short quotes with no speaker
//! (`so-called “experts”`, titles of works) are scare quotes, not speech.

use newsprobe_core::{QuoteKind, Span, SpanIndex};

use crate::label::Labels;
use crate::lexicon;
use crate::marks::Marked;
use crate::speaker::{Ctx, Mention};
use crate::Found;

/// A speaker attribution: the cue token (none for a colon) and the speaker.
type Attribution = (Option<usize>, Option<Span>, Mention);

fn is_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "„" | "'")
}

/// `“…,” said Smith.` / `“…,” Smith said.`
fn after(ctx: &Ctx, start: usize, end: usize) -> Option<Attribution> {
    // A quotation ending its sentence ("“…cares.”") is followed by a new sentence: only an
    // attribution right at its start counts.
    let sentence_ended =
        start > 1 && matches!(ctx.word(start - 2), "." | "!" | "?") && is_mark(ctx.raw(start - 1));
    let mut i = start;
    let mut dash = false;
    while i < end
        && (matches!(ctx.word(i), "," | "—" | "–" | "-" | "―" | "--") || is_mark(ctx.raw(i)))
    {
        dash |= matches!(ctx.word(i), "—" | "–" | "―" | "--")
            // "- Hillary Clinton." signing the quotation on a line of its own.
            || (ctx.word(i) == "-" && ctx.paragraph_bounds(i).0 == i);
        i += 1;
    }
    // "“…” ― Adriana Rodarte": a dash and a name alone sign the quotation.
    if dash && ctx.is_capitalized(i) && ctx.cue(i).is_none() {
        if let Some(m) = ctx.np_after(i, end) {
            let k = m.last + 1;
            let signed = k >= end
                || matches!(ctx.word(k), "." | "," | "!" | "?")
                || is_mark(ctx.raw(k))
                || ctx.paragraph_bounds(k).0 == k;
            if signed && (i..=m.last).all(|t| ctx.is_capitalized(t) || !ctx.is_word(t)) {
                return Some((None, None, m));
            }
        }
    }
    let mut c = i;
    while c < end && ctx.is_cue_modifier(c) {
        c += 1;
    }
    if ctx.word(c) == "according" && ctx.word(c + 1) == "to" {
        let m = ctx.np_after(c + 2, end)?;
        return Some((
            Some(c),
            Some(Span::text(ctx.span(c).start, ctx.span(c + 1).end)),
            m,
        ));
    }
    if ctx.cue(c).is_some() {
        if let Some(m) = ctx.np_after(c + 1, end) {
            return Some((Some(c), Some(ctx.span(c)), m));
        }
    }
    for c in i..(i + 30).min(end) {
        if (matches!(ctx.word(c), "." | "!" | "?" | ";") && !ctx.is_abbreviation_dot(c))
            || is_mark(ctx.raw(c))
        {
            break;
        }
        let phrasal = crate::cue_noun::verb_cue(ctx, c)
            .is_none()
            .then(|| ctx.phrasal_cue(c))
            .flatten();
        let cue_span = if phrasal.is_some() {
            Span::text(ctx.span(c).start, ctx.span(c + 1).end)
        } else {
            ctx.span(c)
        };
        // The first token after the cue (after the particle of "went on").
        let next = if phrasal.is_some() { c + 2 } else { c + 1 };
        if let Some(cw) = crate::cue_noun::verb_cue(ctx, c).or(phrasal) {
            // "“…,” in sharp contrast to …, says Dante Scala." (After "told" stands the
            // addressee: "Ramos, 58, told AFP".)
            if c > i
                && ctx.word(c - 1) == ","
                && phrasal.is_none()
                && !matches!(cw.lemma, "tell" | "ask" | "inform")
                // "“…,” Mr. Kaplan, a screenwriter, said dryly.": a name with its appositive
                // right after the closing mark is the subject.
                && !ctx
                    .subject_before(c, i)
                    .is_some_and(|m| m.first == i && ctx.is_capitalized(i))
            {
                // Not an addressee: "…, an economist, told me".
                if let Some(m) = ctx
                    .np_after(c + 1, end)
                    .filter(|m| !matches!(ctx.word(m.first), "me" | "him" | "her" | "us" | "them"))
                {
                    return Some((Some(c), Some(cue_span), m));
                }
            }
            let mut m = ctx.subject_before(c, i)?;
            // "“…,” Warren, who has not endorsed anyone, told reporters": the cue of a relative
            // clause is not the quotation's; the main verb after it is.
            if m.span != ctx.np_span(&m) && c > i {
                let main = (c + 1..(i + 30).min(end))
                    .take_while(|&k| !matches!(ctx.word(k), "." | "!" | "?" | ";"))
                    .find(|&k| {
                        ctx.word(k - 1) == ","
                            && crate::cue_noun::verb_cue(ctx, k)
                                .is_some_and(|w| w.form != lexicon::Form::Gerund)
                    });
                if let Some(k) = main {
                    m.span = ctx.np_span(&m);
                    return Some((Some(k), Some(ctx.span(k)), m));
                }
            }
            // Only a name may stand before the subject's head ("Ms. Merkel's spokesman"), or a
            // name with its modifiers ("Clinton campaign manager Robby Mook"), which joins it.
            let name_led = ctx.is_capitalized(i)
                && !ctx.is_np_stop(i)
                && (i..m.first)
                    .all(|k| ctx.is_word(k) && !ctx.is_np_stop(k) && ctx.cue(k).is_none());
            if name_led && m.first > i && m.first - i <= 3 {
                m.span.start = ctx.span(i).start;
                m.clause.start = m.clause.start.min(m.span.start);
                m.first = i;
            }
            let lead_ok = (i..m.first).all(|k| {
                (ctx.is_capitalized(k) && !ctx.is_np_stop(k)) || ctx.is_abbreviation_dot(k)
            }) && (!sentence_ended || m.first == i);
            // "“… face jail time” for criminal behavior, she said.": the statement goes on
            // after the closing mark, and the attribution follows its comma.
            let continued = !sentence_ended
                && m.first > i + 1
                && m.first - i <= 10
                && ctx.word(m.first - 1) == ","
                && m.last - m.first <= 3
                && ctx.is_word(i)
                && !ctx.is_capitalized(i)
                && matches!(ctx.word(next), "." | "," | ";");
            let lead_ok = lead_ok || continued;
            // After a finished sentence, "He said." alone may attribute it; "He said that …"
            // starts a statement of its own.
            let mut k = next;
            while k < end && ctx.is_word(k) && !ctx.is_np_stop(k) && k - c < 4 {
                k += 1;
            }
            // "…,” Smith said as he left." / "said in an interview": an adjunct, not a clause.
            let adjunct = matches!(
                ctx.word(next),
                "as" | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "while"
                    | "after"
                    | "before"
                    | "when"
                    | "from"
                    | "via"
                    | "outside"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            );
            let closes_sentence =
                adjunct || k >= end || matches!(ctx.word(k), "." | "!" | "?" | ",");
            if sentence_ended && !closes_sentence {
                return None;
            }
            // "“…change.” She adds, “What kind of …”": after a finished sentence, a cue that
            // introduces the next quotation is that one's.
            if sentence_ended
                && matches!(ctx.word(next), "," | ":")
                && (is_mark(ctx.raw(next + 1)) || next + 1 >= end)
            {
                return None;
            }
            if lead_ok {
                return Some((Some(c), Some(cue_span), m));
            }
            // "“…,” Robert McFarlane, an assistant state attorney general said Tuesday.": a
            // name right after the closing mark, then its appositive whose closing comma is
            // missing; the name is the subject.
            if let Some(name) = name_before_open_appositive(ctx, i, c) {
                return Some((Some(c), Some(cue_span), name));
            }
            // "“…,” a spokesman for committee Democrats said.", "“…,” the congressional report
            // said.": a whole noun phrase fills the gap between the closing mark and the cue.
            return ctx
                .np_after(i, c)
                .filter(|n| n.first == i && n.last + 1 == c)
                .map(|n| (Some(c), Some(cue_span), n));
        }
    }
    None
}

/// The name of `NAME, a/an/the ROLE said` right after a closing mark at `i`, with the cue at
/// `c`: capitalised words from `i` up to a comma, then an appositive of at most eight words
/// that opens with a determiner and holds a role or title word, then the cue. `None` for
/// anything else.
fn name_before_open_appositive(ctx: &Ctx, i: usize, c: usize) -> Option<Mention> {
    let det = (c.saturating_sub(9).max(i + 1)..c)
        .rev()
        .take_while(|&k| ctx.is_word(k))
        .find(|&k| ctx.is_determiner(k) && ctx.word(k - 1) == ",")?;
    let comma = det - 1;
    if comma <= i
        || comma - i > 4
        || !matches!(ctx.word(det), "a" | "an" | "the")
        || !(det + 1..c).any(|k| ctx.is_role_noun(k) || ctx.is_title(k))
    {
        return None;
    }
    let name_ok = (i..comma).all(|k| {
        (ctx.is_word(k) && ctx.is_capitalized(k) && !ctx.is_np_stop(k) && ctx.cue(k).is_none())
            || ctx.is_abbreviation_dot(k)
    });
    if !name_ok || !ctx.is_word(comma - 1) {
        return None;
    }
    let span = Span::text(ctx.span(i).start, ctx.span(comma - 1).end);
    Some(Mention {
        span,
        first: i,
        last: comma - 1,
        clause: Span::text(span.start, ctx.span(c - 1).end),
    })
}

/// `Smith said: “…”`, `He told reporters, “…”`, `According to Smith, “…”`.
fn before(ctx: &Ctx, open: usize, limit: usize) -> Option<Attribution> {
    let mut j = open.checked_sub(1)?;
    while j > limit
        && matches!(
            ctx.word(j),
            "," | ":" | "—" | "that" | "though" | "however" | "also" | "then"
        )
    {
        j -= 1;
    }
    if j < limit {
        return None;
    }
    // "Trump saying during the debate last week, “…”": a time or place adjunct between a
    // verb of saying and the comma before the quotation (words only, no verb of saying).
    let adjunct = |c: usize| {
        c < j
            && matches!(
                ctx.word(c + 1),
                "during"
                    | "in"
                    | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "last"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "this"
            )
            && ctx.word(j + 1) == ","
            && (c + 1..=j).all(|k| ctx.is_word(k) && crate::cue_noun::verb_cue(ctx, k).is_none())
    };
    for back in 0..9 {
        let c = j.checked_sub(back)?;
        if c < limit {
            break;
        }
        // Between the cue and the quote only an addressee may stand ("told The Huffington Post:").
        if back > 0 && !ctx.is_word(c + 1) {
            break;
        }
        if let Some(cw) = crate::cue_noun::verb_cue(ctx, c) {
            let adjunct_only = matches!(cw.lemma, "say" | "add" | "tell") && adjunct(c);
            if back > 2
                && !adjunct_only
                && (back >= 6 || !matches!(cw.lemma, "tell" | "ask" | "write"))
            {
                break;
            }
            // "what she called a “rant”", "described the plan as “a trap”": naming verbs with a
            // short object before the partial quotation.
            let naming = back <= 2
                && matches!(
                    cw.lemma,
                    "call" | "describe" | "dub" | "brand" | "characterize" | "characterise"
                );
            if back > 0 && !naming && !matches!(cw.lemma, "tell" | "ask" | "say" | "write" | "add")
            {
                break;
            }
            let m = match cw.form {
                // "with the American Federation of Teachers calling her “…”", "and Trump
                // calling it a “…”": a name right before the participle is its subject.
                lexicon::Form::Gerund if !ctx.is_progressive(c) => {
                    let own = (c > limit && ctx.is_capitalized(c - 1))
                        .then(|| ctx.subject_before(c, limit))
                        .flatten()
                        .filter(|m| m.last + 1 == c);
                    own.or_else(|| ctx.participle_subject(c))
                }
                _ => ctx.subject_before(c, limit),
            };
            if let Some(m) = m {
                return outer_cue(ctx, m, limit).or(Some((Some(c), Some(ctx.span(c)), m)));
            }
            break;
        }
    }
    // "Said Ellis: “…”", "Added Ana Ruiz, who grew up there, “…”": an inverted cue opening
    // the sentence.
    let (s_start, _) = ctx.sentence_bounds(open);
    let mut c = s_start.max(limit);
    while c < open && (ctx.is_quote_mark(c) || !ctx.is_word(c)) {
        c += 1;
    }
    if c + 2 < open
        && matches!(
            ctx.word(c),
            "said" | "says" | "added" | "adds" | "asked" | "wrote"
        )
        && matches!(ctx.word(open - 1), "," | ":")
    {
        if let Some(m) = ctx.np_after(c + 1, open) {
            if open - m.last <= 20 {
                return Some((Some(c), Some(ctx.span(c)), m));
            }
        }
    }
    // "According to Smith, “…”"
    (limit..open)
        .find(|&c| ctx.word(c) == "according" && ctx.word(c + 1) == "to")
        .and_then(|c| {
            let m = ctx.np_after(c + 2, open)?;
            Some((
                Some(c),
                Some(Span::text(ctx.span(c).start, ctx.span(c + 1).end)),
                m,
            ))
        })
}

/// "Trump said he wants “a total …”": a pronoun subject right after a cue (or its `that`)
/// opens a clause reported by that outer cue, whose subject speaks. "It’s denouncing what it
/// calls “…”": likewise.
fn outer_cue(ctx: &Ctx, m: Mention, limit: usize) -> Option<Attribution> {
    let mut k = m.first;
    if k > limit && matches!(ctx.word(k - 1), "that" | "what") {
        k -= 1;
    }
    if k <= limit || !ctx.is_pronoun(m.first) {
        return None;
    }
    let outer = crate::cue_noun::verb_cue(ctx, k - 1)
        .filter(|w| w.form != lexicon::Form::Gerund || ctx.is_progressive(k - 1))
        .and_then(|_| ctx.subject_before(k - 1, limit))
        .filter(|o| {
            // Not "but Trump said he responded:" read as the earlier subject.
            let mut t = k - 2;
            while t > o.last && ctx.is_cue_modifier(t) {
                t -= 1;
            }
            o.last + 1 < k && !matches!(ctx.word(t), "and" | "but" | "or")
        })?;
    Some((Some(k - 1), Some(ctx.span(k - 1)), outer))
}

/// Any cue with a subject between `from` and `to` (the sentence before a quote, or the words
/// between two quotes of a paragraph).
fn between(ctx: &Ctx, from: usize, to: usize, last: bool) -> Option<Attribution> {
    let mut found = None;
    // A cue introducing a clause ("warned that", "said:") beats one inside a relative clause
    // ("officers he has spoken with").
    let mut introducing = None;
    for c in from..to {
        if is_mark(ctx.raw(c)) {
            continue;
        }
        if let Some(cw) = crate::cue_noun::verb_cue(ctx, c) {
            let m = match cw.form {
                lexicon::Form::Gerund if !ctx.is_progressive(c) => {
                    // ("…, chanting", "… while chanting,": the clause's subject.)
                    if c > from && matches!(ctx.word(c - 1), "," | "while") {
                        ctx.participle_subject(c)
                    } else {
                        shown_saying(ctx, c, from, cw.lemma)
                    }
                }
                _ => ctx.subject_before(c, from),
            };
            if let Some(m) = m {
                found = outer_cue(ctx, m, from).or(Some((Some(c), Some(ctx.span(c)), m)));
                if !last {
                    break;
                }
                if matches!(ctx.word(c + 1), "that" | ":" | ",") || c + 1 == to {
                    introducing = found;
                }
            }
        }
    }
    // "responded to Mr. Trump's interjection that not paying taxes made him “smart”": a
    // quotation inside the clause of a noun that someone else owns is that owner's words, not
    // the cue subject's.
    let chosen = introducing.or(found)?;
    let cue = chosen.0?;
    let owned_clause = (cue + 1..to.saturating_sub(2)).any(|k| {
        let w = ctx.word(k);
        ((matches!(w, "'s" | "’s") && ctx.is_capitalized(k - 1))
            || (w.len() > 2 && w.ends_with("'s") && ctx.is_capitalized(k)))
            && (k + 2..to.min(k + 5)).any(|t| {
                ctx.word(t) == "that"
                    && (k + 1..t).all(|n| ctx.is_word(n) && !ctx.is_capitalized(n))
            })
    });
    (!owned_clause).then_some(chosen)
}

/// The person shown or heard saying it: `footage of Trump saying`, `a video shows her
/// saying`, `heard Ms. Varga saying` (the name or object pronoun right before the participle
/// of "say" at token `c`, after "of" or a verb of showing or hearing), not before `from`.
fn shown_saying(ctx: &Ctx, c: usize, from: usize, lemma: &str) -> Option<Mention> {
    if lemma != "say" || c < from + 2 {
        return None;
    }
    let shown_by = |k: usize| {
        matches!(
            ctx.word(k),
            "of" | "show"
                | "shows"
                | "showed"
                | "showing"
                | "hear"
                | "hears"
                | "heard"
                | "caught"
                | "captured"
                | "recorded"
                | "filmed"
        )
    };
    if matches!(ctx.word(c - 1), "him" | "her" | "them") && shown_by(c - 2) {
        return Some(Mention::tokens(ctx, c - 1, c - 1));
    }
    if !ctx.is_capitalized(c - 1) {
        return None;
    }
    ctx.subject_before(c, from)
        .filter(|m| m.last + 1 == c && m.first > from && shown_by(m.first - 1))
        .filter(|m| (m.first..=m.last).all(|k| ctx.is_capitalized(k) || ctx.is_abbreviation_dot(k)))
}

/// "After saying her foot was “so swollen …,” she was rushed …", "Calling the plan “a
/// trap,” Okafor voted no": a participle of saying or naming opening the sentence at token
/// `start` (after "after", "before", "while" or "when" or none) has the subject of the clause
/// after the quotation closing before token `close`: a pronoun or a name followed by a word.
fn opening_participle(
    ctx: &Ctx,
    start: usize,
    open: usize,
    close: usize,
    end: usize,
) -> Option<(usize, Mention)> {
    let c = if matches!(ctx.word(start), "after" | "before" | "while" | "when") {
        start + 1
    } else {
        start
    };
    if c >= open || open - c > 12 {
        return None;
    }
    let cw = crate::cue_noun::verb_cue(ctx, c)?;
    if cw.form != lexicon::Form::Gerund
        || !matches!(
            cw.lemma,
            "say" | "call" | "describe" | "tell" | "write" | "claim" | "argue" | "warn" | "insist"
        )
    {
        return None;
    }
    // No other verb of saying between the participle and the quotation.
    if (c + 1..open).any(|k| crate::cue_noun::verb_cue(ctx, k).is_some()) {
        return None;
    }
    let mut k = close;
    while k < end && (ctx.word(k) == "," || is_mark(ctx.raw(k))) {
        k += 1;
    }
    if k >= end {
        return None;
    }
    let m = ctx.np_after(k, end)?;
    let person = ctx.is_pronoun(m.first)
        && matches!(ctx.word(m.first), "he" | "she" | "they" | "i" | "we")
        || (m.first..=m.last).all(|j| ctx.is_capitalized(j) || ctx.is_abbreviation_dot(j));
    (person && m.last + 1 < end && ctx.is_word(m.last + 1)).then_some((c, m))
}

/// The name introducing a quotation through the colon at token `colon`: a capitalized name
/// right before it after a dash, `from` or the paragraph start (`… - Carl Bialik:`,
/// `More from Jones:`), or the subject of `put it` (`as Tom Ridge put it:`).
fn colon_name(ctx: &Ctx, colon: usize) -> Option<Mention> {
    let (p_start, _) = ctx.paragraph_bounds(colon);
    if colon >= p_start + 2 && ctx.word(colon - 1) == "it" && ctx.word(colon - 2) == "put" {
        return ctx.subject_before(colon - 2, p_start);
    }
    let mut k = colon;
    while k > p_start
        && colon - k < 8
        && (ctx.is_capitalized(k - 1)
            || ctx.is_abbreviation_dot(k - 1)
            || (ctx.word(k - 1) == "and" && k >= p_start + 2 && ctx.is_capitalized(k - 2)))
    {
        k -= 1;
    }
    if k == colon || !ctx.is_capitalized(k) || ctx.is_np_stop(k) {
        return None;
    }
    let introduced = k == p_start || matches!(ctx.word(k - 1), "-" | "—" | "–" | "--" | "from");
    if !introduced {
        return None;
    }
    ctx.np_after(k, colon).filter(|m| m.last + 1 == colon)
}

/// The subject of `as … put it` ending at the comma at token `comma` (`as Tom Ridge, the
/// former governor, put it in his memo,`), searched no further back than `start`.
fn put_it_name(ctx: &Ctx, comma: usize, start: usize) -> Option<Mention> {
    let low = start.max(comma.saturating_sub(12));
    let put = (low..comma.saturating_sub(1))
        .rev()
        .find(|&k| ctx.word(k) == "put" && ctx.word(k + 1) == "it")?;
    let as_at = (start.max(put.saturating_sub(25))..put)
        .rev()
        .find(|&k| ctx.word(k) == "as")?;
    ctx.subject_before(put, as_at + 1)
        .filter(|m| m.first > as_at)
}

/// The subject of `as … put it` opening the sentence that starts at token `start`, when the
/// quotation opening at token `open` stands in the main clause after its comma with no other
/// verb of saying between (`As Ms. Varga put it in a letter, the plan is “…”`).
fn put_it_opening(ctx: &Ctx, start: usize, open: usize) -> Option<Mention> {
    if ctx.word(start) != "as" || open <= start + 4 {
        return None;
    }
    let put = (start + 2..(start + 12).min(open))
        .find(|&k| ctx.word(k) == "put" && ctx.word(k + 1) == "it")?;
    let comma = (put + 2..(put + 20).min(open)).find(|&k| ctx.word(k) == ",")?;
    if (comma + 1..open).any(|k| ctx.verb_cue(k).is_some() || ctx.is_quote_mark(k)) {
        return None;
    }
    ctx.subject_before(put, start + 1)
        .filter(|m| m.first > start)
}

/// The subject of `as … put it` right after a quotation closing at token `close` (`“…,” as a
/// Homeland Security memo put it.`), not reaching token `end`.
fn put_it_after(ctx: &Ctx, close: usize, end: usize) -> Option<Mention> {
    let mut i = close;
    while i < end && (ctx.word(i) == "," || is_mark(ctx.raw(i))) {
        i += 1;
    }
    if i >= end || ctx.word(i) != "as" {
        return None;
    }
    let put =
        (i + 1..end.min(i + 14)).find(|&k| ctx.word(k) == "put" && ctx.word(k + 1) == "it")?;
    ctx.subject_before(put, i + 1)
        .filter(|m| m.first > i)
        .or_else(|| {
            // "as the report put it": a short run of words whose head is no person noun (and
            // may be a cue word) is still the subject of "put it".
            let (first, last) = (i + 1, put - 1);
            if put <= first || last - first > 5 || !(first..=last).all(|k| ctx.is_word(k)) {
                return None;
            }
            Some(Mention::tokens(ctx, first, last))
        })
}

/// Whether `span` lies inside the content of a quotation.
fn inside_marks(marks: &[Marked], span: Span) -> bool {
    marks.iter().any(|m| m.content.contains(&span))
}

/// The words and numbers in `span`.
pub(crate) fn word_count(ctx: &Ctx, span: Span) -> usize {
    ctx.doc
        .tokens_in(&span)
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                newsprobe_core::TokenKind::Word | newsprobe_core::TokenKind::Number
            )
        })
        .count()
}

/// Attributed quotations in marks. `reported` is the reported speech already found (a partial
/// quote inside it belongs to its speaker).
pub fn find(ctx: &Ctx, marks: &[Marked], reported: &[Found], labels: &Labels) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let label_at = |m: &Marked| labels.at(ctx, ctx.token_at_or_after(m.content.start));
    // The reported statements' contents, indexed once where there are many (a long transcript:
    // a scan of them all for each quotation was quadratic).
    let reported_index = std::cell::OnceCell::new();
    let in_reported = |content: Span| {
        if reported.len() <= 32 {
            return reported.iter().any(|r| r.content.contains(&content));
        }
        reported_index
            .get_or_init(|| SpanIndex::new(reported.iter().map(|r| r.content)))
            .containing(content)
            .next()
            .is_some()
    };
    // The end of the last labelled paragraph's speech, its speaker and colon.
    let mut labelled: Option<(usize, Mention, usize)> = None;
    while i < marks.len() {
        let mut j = i;
        // A transcript's quotation runs on until the next speaker label.
        while j + 1 < marks.len()
            && marks[j + 1].continues_previous
            && label_at(&marks[j + 1]).is_none()
        {
            j += 1;
        }
        let chain = &marks[i..=j];
        let first = chain[0];
        // Quotations inside a labelled paragraph are the label's speaker's.
        if let Some((_, m, colon)) = labelled.filter(|l| first.outer.start < l.0) {
            for mk in chain {
                out.push(Found {
                    content: mk.content,
                    kind: QuoteKind::Partial,
                    cue: Some(ctx.span(colon)),
                    cue_token: Some(colon),
                    speaker: Some(m),
                    inherited: true,
                    margin: None,
                    filled: false,
                });
            }
            i = j + 1;
            continue;
        }
        // "\"WALLACE: Let’s start…": the label speaks what follows its colon.
        if let Some((m, colon)) = label_at(&first) {
            for (n, mk) in chain.iter().enumerate() {
                let mut content = mk.content;
                if n == 0 {
                    content.start = ctx.span(colon + 1).start.min(content.end);
                }
                // "\"PENCE: … an episode of “Shark Tank.” But …": the straight mark opening
                // the paragraph closed on a curly one inside it; the label's speech runs on
                // to the paragraph end.
                if n + 1 == chain.len() {
                    let (_, p_end) = ctx.paragraph_bounds(ctx.token_at_or_after(mk.outer.start));
                    let mut last = p_end.saturating_sub(1);
                    while last > colon && ctx.is_quote_mark(last) {
                        last -= 1;
                    }
                    let para_end = ctx.span(last).end;
                    if para_end > content.end {
                        content.end = para_end;
                        labelled = Some((para_end, m, colon));
                    }
                }
                // "(CROSSTALK.)": a stage direction, not speech.
                let text = ctx.doc.span_text(&content);
                if content.is_empty()
                    || (text.starts_with('(') && text.ends_with(')'))
                    || (text.starts_with('(') && text.ends_with(".)"))
                {
                    continue;
                }
                out.push(Found {
                    content,
                    kind: QuoteKind::Direct,
                    cue: Some(ctx.span(colon)),
                    cue_token: Some(colon),
                    speaker: Some(m),
                    inherited: n > 0,
                    margin: None,
                    filled: false,
                });
            }
            i = j + 1;
            continue;
        }
        let last = chain[chain.len() - 1];
        let open = ctx.token_at_or_after(first.outer.start);
        let close = ctx.token_at_or_after(last.outer.end);
        let (p_start, p_end) = ctx.paragraph_bounds(close.saturating_sub(1));
        let (first_p_start, _) = ctx.paragraph_bounds(open);
        let next_mark = marks
            .get(j + 1)
            .map(|m| ctx.token_at_or_after(m.outer.start))
            .unwrap_or(usize::MAX);
        let post_end = p_end.min(next_mark);
        // Previous quotation in the same paragraph bounds the words before this one.
        let prev_in_para = i
            .checked_sub(1)
            .map(|k| ctx.token_at_or_after(marks[k].outer.end))
            .filter(|&t| t >= first_p_start && t <= open);
        let (s_start, _) = ctx.sentence_bounds(open);
        let limit = prev_in_para.unwrap_or(s_start.max(first_p_start));
        let at_para_start = open == first_p_start || first.continues_previous;
        let prev_tok = open.checked_sub(1).filter(|&t| t >= first_p_start);
        let introduced = prev_tok.is_none_or(|t| {
            !ctx.is_word(t)
                || matches!(ctx.word(t), "that")
                || (ctx.cue(t).is_some() && !(t > 0 && ctx.is_determiner(t - 1)))
        });
        let _ = p_start;

        // A quotation closing its paragraph may be attributed by a short next paragraph
        // ("“…”\nshe wrote."), as when a page breaks lines oddly.
        let next_para_attribution = || {
            if close < p_end || next_mark < p_end {
                return None;
            }
            let (n_start, _) = ctx.paragraph_bounds(p_end);
            let (_, n_end) = ctx.sentence_bounds(p_end);
            if n_start != p_end || n_end - n_start > 14 || next_mark < n_end {
                return None;
            }
            // ("Ilana Muhlstein, a dietitian, recommends eating slowly.": a cue with a content
            // of its own after it opens a statement, it signs no quotation before it.)
            after(ctx, n_start, n_end).filter(|a| {
                a.0.is_none_or(|c| {
                    let k = if a.2.first > c { a.2.last + 1 } else { c + 1 };
                    let w = ctx.word(k);
                    !(w == "that" || (w.len() > 4 && w.ends_with("ing")) || is_mark(ctx.raw(k)))
                })
            })
        };
        // "“…,” he said" after the quotation wins, unless the quotation ends its sentence and
        // a cue stands right before it ("He said, “…”").
        let ends_with_comma = ctx.doc.span_text(&last.content).ends_with(',');
        // "after what she called a “rant,” a series of postings": a partial quotation right
        // after its cue keeps that cue even when it ends with a comma.
        // "… and said, “somebody ought to stop him,” the prosecutor’s office said": a quotation
        // its own cue introduces with a comma or colon is that cue's subject's, nested inside
        // the statement the cue after it reports.
        // (The cue's own subject: "recalled that he said, “…”" is his, not the recalling
        // clerk's, whose outer cue speaks only for a partial quotation with no comma.)
        // (The verbs of utterance, a hearer after the cue, "told her, “…,”", and a relative
        // clause's antecedent, "a supervisor who … and had yelled, “…!”": `inner_cue`.)
        let nested = || {
            let t = prev_tok.filter(|&t| matches!(ctx.word(t), "," | ":"))?;
            let (c, m, _) = crate::inner_cue::inner_speaker(ctx, t, limit)?;
            Some((Some(c), Some(ctx.span(c)), m))
        };
        let inner_special = || {
            let t = prev_tok.filter(|_| !at_para_start)?;
            let (c, m) = crate::inner_cue::relative_or_hearer(ctx, t, limit)?;
            Some((Some(c), Some(ctx.span(c)), m))
        };
        let pre = if !ends_with_comma {
            inner_special().or_else(|| before(ctx, open, limit))
        } else if !at_para_start && prev_tok.is_some_and(|t| !ctx.is_word(t)) {
            nested()
        } else if !at_para_start && prev_tok.is_some_and(|t| ctx.is_word(t)) {
            before(ctx, open, limit).filter(|a| a.0.is_some_and(|c| c + 2 >= open))
        } else {
            None
        };
        // "Obama said: “… strategy.\n\n“Calling a threat … distraction,” Obama said.": a
        // quotation over paragraphs with a cue before its first paragraph and another after its
        // last; the last paragraph takes the one after it.
        let split_last = if chain.len() > 1 && ends_with_comma {
            before(ctx, open, limit).zip(after(ctx, close, post_end))
        } else {
            None
        };
        // "Rubio fired back forcefully: “…”": a sentence introducing the quotation with a
        // colon speaks through its subject, before any attribution after the quotation.
        let colon_intro = || {
            let t = prev_tok?;
            if ends_with_comma || ctx.word(t) != ":" {
                return None;
            }
            // "With leaders worried about turnout, Obama is rolling out a message: “…”": a cue
            // inside the introductory phrase does not speak for the sentence's subject.
            let subject = ctx.sentence_subject(t, t);
            colon_name(ctx, t)
                .map(|m| (None, None, m))
                .or_else(|| {
                    between(ctx, s_start.max(first_p_start), open, true)
                        .filter(|a| subject.is_none_or(|m| a.0.is_none_or(|c| c >= m.first)))
                })
                .or_else(|| subject.map(|m| (None, None, m)))
        };
        // "including the former candidate Mitt Romney -- “It is disqualifying …” -- and": a
        // quotation set off by a pair of dashes right after a name is that name's.
        let dash_aside = || {
            let t = prev_tok.filter(|&t| t > first_p_start + 1)?;
            let is_dash = |k: usize| matches!(ctx.word(k), "--" | "—" | "–");
            // ("--" may be two hyphen tokens.)
            let t = if is_dash(t) {
                t
            } else if ctx.word(t) == "-" && ctx.word(t - 1) == "-" {
                t - 1
            } else {
                return None;
            };
            let closing = close < post_end
                && (is_dash(close) || (ctx.word(close) == "-" && ctx.word(close + 1) == "-"));
            if !closing || !ctx.is_capitalized(t - 1) {
                return None;
            }
            ctx.subject_before(t, limit)
                .filter(|m| m.last + 1 == t && crate::source_type::is_named(ctx, m))
                .map(|m| (None, None, m))
        };
        let mut attribution = dash_aside()
            .or_else(|| put_it_after(ctx, close, post_end).map(|m| (None, None, m)))
            .or(pre)
            .or_else(|| split_last.map(|(first_attr, _)| first_attr))
            .or_else(colon_intro)
            .or_else(|| after(ctx, close, post_end))
            .or_else(|| {
                opening_participle(ctx, s_start.max(first_p_start), open, close, post_end)
                    .map(|(c, m)| (Some(c), Some(ctx.span(c)), m))
            })
            .or_else(next_para_attribution)
            .or_else(|| before(ctx, open, limit))
            .or_else(|| {
                prev_in_para?;
                // "“A,” Smith said. He said he hoped that “B.”": a cue in the quotation's own
                // sentence wins over the one after the previous quotation.
                let own = if s_start > limit && s_start < open {
                    between(ctx, s_start, open, false)
                } else {
                    None
                };
                own.or_else(|| between(ctx, limit, open, false))
            });
        // "said that “a bomb” had gone off": the sentence runs on past the closing mark, so the
        // quotation is part of a reported clause.
        let runs_on = !at_para_start
            && !ctx
                .doc
                .span_text(&last.content)
                .ends_with([',', '.', '!', '?', ';', ':', '—', '…'])
            && ctx.is_word(close)
            && !ctx.is_capitalized(close)
            && close < p_end
            && ctx.cue(close).is_none();
        let mut kind = if at_para_start || (introduced && !runs_on) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        let content_words: usize = chain.iter().map(|m| word_count(ctx, m.content)).sum();
        let mut inherited = false;
        if attribution.is_none() {
            // Inside reported speech of the same sentence: its speaker.
            if let Some(r) = reported
                .iter()
                .filter(|r| r.content.contains(&first.content) && r.speaker.is_some())
                .max_by_key(|r| r.content.len())
            {
                if let Some(m) = r.speaker {
                    // "Bolton said he would advise Trump on the “…”": the outer cue's subject.
                    attribution = outer_cue(ctx, m, s_start.max(first_p_start)).or(Some((
                        r.cue_token,
                        r.cue,
                        m,
                    )));
                }
            }
        }
        // "HEADLINE - Carl Bialik: “…”", "More from Jones: “…”", "As Tom Ridge put it: “…”".
        if attribution.is_none() && open > 0 && ctx.word(open - 1) == ":" {
            attribution = colon_name(ctx, open - 1).map(|m| (None, None, m));
        }
        // "As Tom Ridge put it in a memo, “…”".
        if attribution.is_none() && open > 0 && ctx.word(open - 1) == "," {
            attribution =
                put_it_name(ctx, open - 1, s_start.max(first_p_start)).map(|m| (None, None, m));
        }
        // "As Ms. Varga put it in a letter in July, the plan is “…”": a sentence opening with
        // "as … put it" attributes its main clause.
        if attribution.is_none() {
            attribution =
                put_it_opening(ctx, s_start.max(first_p_start), open).map(|m| (None, None, m));
        }
        if attribution.is_none() && !at_para_start {
            attribution = between(ctx, s_start.max(first_p_start), open, true);
        }
        // "Cruz continued:" closing the previous paragraph.
        if attribution.is_none() && prev_tok.is_none() && open > 0 && ctx.word(open - 1) == ":" {
            let (prev_s, _) = ctx.sentence_bounds(open - 1);
            attribution = before(ctx, open, prev_s).or_else(|| {
                ctx.sentence_subject(open - 1, open - 1)
                    .map(|m| (None, None, m))
            });
        }
        if attribution.is_none() && prev_tok.is_some_and(|t| ctx.word(t) == ":") {
            if let Some(m) = prev_tok.and_then(|t| ctx.sentence_subject(t, t)) {
                attribution = Some((None, None, m));
            }
        }
        // Scare quotes and titles: short, with no speaker in reach.
        let preceding = prev_tok.map(|t| ctx.word(t)).unwrap_or("");
        let scare_word = matches!(
            preceding,
            "so-called"
                | "dubbed"
                | "titled"
                | "entitled"
                | "nicknamed"
                | "term"
                | "word"
                | "phrase"
                | "slogan"
                | "hashtag"
                | "label"
                | "labeled"
                | "labelled"
                | "branded"
        );
        // "whose latest film, “Frost/Nixon,”": the title of a work (`scare`).
        let work = chain.len() == 1
            && crate::scare::work_title(ctx, ctx.doc.span_text(&first.content), open);
        // "signed the “Profession of Immutable Truths about Sacramental Marriage”": a title
        // in title case (`title_quote`), not in a title-case headline sentence.
        let titled = chain.len() == 1
            && crate::title_quote::titled(ctx, &first.content)
            && !ctx.title_case(open);
        if (scare_word && content_words <= 5) || work || titled {
            i = j + 1;
            continue;
        }
        // "one of its “genius” grants", "the “final” offer": one word held inside the
        // writer's phrase (`scare`).
        if kind == QuoteKind::Partial
            && chain.len() == 1
            && crate::scare::attributive_word(ctx, ctx.doc.span_text(&first.content), open, close)
        {
            i = j + 1;
            continue;
        }
        let explicit = attribution.is_some();
        if !explicit || kind == QuoteKind::Partial {
            let title_like = chain.iter().all(|m| {
                ctx.doc
                    .tokens_in(&m.content)
                    .iter()
                    .filter(|t| t.kind == newsprobe_core::TokenKind::Word)
                    .all(|t| {
                        t.span
                            .slice(&ctx.doc.text)
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase())
                            || t.span.len() <= 3
                    })
            });
            let short_title =
                title_like && content_words <= 6 && !(explicit && ctx.title_case(open));
            if (kind == QuoteKind::Partial && !explicit && content_words <= 4) || short_title {
                i = j + 1;
                continue;
            }
        }
        // "Moore thanked him for “stepping up …”": a partial quotation in the object of a verb
        // that is no cue belongs to the subject of its sentence, not to the last speaker.
        if attribution.is_none() && kind == QuoteKind::Partial && !at_para_start {
            attribution = prev_tok
                .and_then(|t| ctx.sentence_subject(t, open))
                // "“You squeezed employees” to …, she said, … “You went on …”": not a word
                // inside an earlier quotation.
                .filter(|m| !inside_marks(marks, m.span))
                // `Marsh “agreed to a sworn interview …”`: the quotation is the subject's
                // predicate in someone else's words (`predicate_quote`).
                .filter(|m| !crate::predicate_quote::is_predicate_quote(ctx, m, open))
                .map(|m| (None, None, m));
        }
        // A quotation after the unmarked lines of an earlier unclosed one (`unclosed_run`).
        if at_para_start {
            if let Some(f) = crate::unclosed_run::speaker_of_run(
                ctx,
                marks,
                i,
                &out,
                attribution.map(|a| a.2).as_ref(),
            ) {
                attribution = f.speaker.map(|m| (f.cue_token, f.cue, m));
                inherited = true;
            }
        }
        if attribution.is_none() {
            // A run of quote paragraphs: the last speaker goes on.
            let start_pos = first.outer.start;
            let this_para = ctx.doc.paragraph_at(start_pos).unwrap_or(0);
            let recent = out
                .iter()
                .chain(reported.iter())
                .filter(|f| f.speaker.is_some() && f.content.end <= start_pos)
                .filter(|f| {
                    // (A photo caption between the two paragraphs, "site.com   Longevity: The
                    // pair kept the burger", breaks no run.)
                    ctx.doc.paragraph_at(f.content.start).is_some_and(|p| {
                        p + 1 >= this_para
                            || (p + 2 == this_para
                                && at_para_start
                                && crate::caption::is_caption(ctx, p + 1))
                    })
                })
                .max_by_key(|f| f.content.end);
            if let Some(f) = recent {
                if let Some(m) = f.speaker {
                    attribution = Some((f.cue_token, f.cue, m));
                    inherited = true;
                }
            }
        }
        if attribution.is_some()
            && kind == QuoteKind::Partial
            && content_words >= 8
            && at_para_start
        {
            kind = QuoteKind::Direct;
        }
        // A title, a nickname, a headline line, a slogan: no quotation (`quotedness`, learned).
        let contents: Vec<Span> = chain.iter().map(|m| m.content).collect();
        let candidate = crate::quotedness::Candidate {
            contents: &contents,
            open,
            close,
            kind,
            cue: attribution.is_some_and(|a| a.0.is_some()) && !inherited,
            speaker: attribution.is_some(),
            inherited,
            at_para_start,
            in_reported: in_reported(first.content),
        };
        if !crate::quotedness::keeps(ctx, &candidate) {
            i = j + 1;
            continue;
        }
        let (cue_token, cue, speaker) = match attribution {
            Some((c, s, m)) => (c, s, Some(m)),
            None => (None, None, None),
        };
        for (n, m) in chain.iter().enumerate() {
            let (cue_token, cue, speaker) = match split_last {
                Some((_, (c, s, m))) if n + 1 == chain.len() => (c, s, Some(m)),
                _ => (cue_token, cue, speaker),
            };
            out.push(Found {
                content: m.content,
                kind,
                cue,
                cue_token,
                speaker,
                inherited,
                margin: None,
                filled: false,
            });
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    fn direct(text: &str) -> Vec<(String, QuoteKind, String)> {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        let reported = crate::reported::find(&ctx, &marks);
        let labels = Labels::find(&ctx);
        find(&ctx, &marks, &reported, &labels)
            .iter()
            .map(|f| {
                (
                    doc.span_text(&f.content).to_string(),
                    f.kind,
                    f.speaker
                        .map(|m| doc.span_text(&m.span).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_time_adjunct_between_saying_and_the_quotation() {
        let q = direct(
            "The ad closes on footage of Dana Whitfield saying during the debate last week, \
             “That makes me smart,” as her rival looked on.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].2.contains("Whitfield"), "{q:?}");
    }

    #[test]
    fn a_quotation_in_dashes_after_a_name_is_the_names() {
        let t = "Several senators have said as much, among them the former governor Ellen \
                 Vance -- \"Voters deserve to see the documents\" -- and Raj Patel, a \
                 former treasury official.";
        let q = direct(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].2.contains("Vance"), "{q:?}");
    }

    #[test]
    fn transcript_labels_speak_their_paragraphs() {
        let r = direct("The full exchange:\n\n\"HOST: Will you run again next year, Mayor?\n\n\"(CROSSTALK.)\n\n\"MAYOR: I have not decided.\n\n\"And I will not decide today.\"");
        let said: Vec<(&str, &str)> = r.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            said,
            vec![
                ("Will you run again next year, Mayor?", "HOST"),
                ("I have not decided.", "MAYOR"),
                ("And I will not decide today.", "MAYOR"),
            ]
        );
    }

    #[test]
    fn a_partial_quote_after_a_verb_that_is_no_cue_is_its_subjects() {
        let r = direct("“We will reopen the bridge soon,” Mayor Lena Holt said on Monday.\n\nThe council's chairman thanked the engineers for “working through the storm nights.”");
        let last = r.last().expect("two quotations");
        assert_eq!(last.0, "working through the storm nights.", "{r:?}");
        assert_eq!(last.2, "The council's chairman", "{r:?}");
    }

    #[test]
    fn the_outer_cue_speaks_for_a_long_nested_clause() {
        let r = direct("Okafor said he would brief the mayor on the “serious flaws in the levee plan, which I doubt the council has read, and which nobody has costed.”");
        assert_eq!(r[0].2, "Okafor", "{r:?}");
    }

    #[test]
    fn a_long_description_between_the_quotation_and_its_cue() {
        let r = direct(
            "“The pumps were never tested,” a lawyer for tenant groups Renters United said.",
        );
        assert_eq!(r[0].2, "a lawyer for tenant groups Renters United", "{r:?}");
    }

    #[test]
    fn a_quotation_inside_a_that_clause_is_partial() {
        let r = direct("The governor said at a rally that “a pipe” had burst under the station.");
        assert_eq!(r[0].1, QuoteKind::Partial, "{r:?}");
        let r = direct("The governor said that “the station is closed until Monday.”");
        assert_eq!(r[0].1, QuoteKind::Direct, "{r:?}");
    }

    #[test]
    fn the_outer_cue_speaks_for_a_nested_clause() {
        let r = direct(
            "Ana Ruiz, a delegate from Ohio, said she wanted “common-sense rules for the river.”",
        );
        assert_eq!(r[0].2, "Ana Ruiz", "{r:?}");
    }

    #[test]
    fn a_cue_before_and_a_cue_after_a_quotation_over_paragraphs() {
        let r = direct("Lind said: “There is no shortcut here. It is a slogan.\n\n“Calling it by another name changes nothing,” Lind said.");
        assert_eq!(r.len(), 2, "{r:?}");
        let doc = Document::from_text(None, "Lind said: “There is no shortcut here. It is a slogan.\n\n“Calling it by another name changes nothing,” Lind said.");
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        let found = find(&ctx, &marks, &[], &Labels::find(&ctx));
        let at = |f: &Found| f.speaker.map(|m| m.span.start);
        assert_eq!(at(&found[0]), Some(0));
        assert!(
            at(&found[1]) > Some(0),
            "the last paragraph is said by the later Lind"
        );
    }

    #[test]
    fn a_colon_sentence_introduces_its_quotation() {
        let r = direct("Asked about the lawsuit, Okafor fired back: “If they sue us, we will win.” Her rival, Mr. Lee, said nothing.");
        assert_eq!(r[0].2, "Okafor", "{r:?}");
    }

    #[test]
    fn a_cue_in_the_introductory_phrase_does_not_speak_through_the_colon() {
        let r = direct("With city leaders increasingly worried about a lack of enthusiasm among young voters, Mayor Ana Ruiz is rolling out a new and more personal message: \"It's about me.\"");
        assert_eq!(r[0].0, "It's about me.", "{r:?}");
        assert_eq!(r[0].2, "Mayor Ana Ruiz", "{r:?}");
    }

    #[test]
    fn a_partial_quote_does_not_take_a_subject_inside_an_earlier_quotation() {
        let r = direct("“You squeezed your workers to the breaking point” to lift the share price, she said, pointing to the bank’s push to “cross-sell” accounts. “You went on television to blame thousands of $12-an-hour” workers.");
        let last = r.last().expect("quotations");
        assert!(last.0.starts_with("You went on television"), "{r:?}");
        assert_ne!(last.2, "You", "{r:?}");
    }

    #[test]
    fn what_it_calls_belongs_to_the_outer_speaker() {
        let r = direct("The agency is angry. It’s denouncing what it calls “the most reckless audit in memory.”");
        assert_eq!(r[0].2, "It’s", "{r:?}");
    }

    #[test]
    fn a_partial_quote_right_after_its_cue_keeps_it() {
        let r =
            direct("Later, Ruiz told reporters “it was over,” and then Lee said nothing at all.");
        assert_eq!(r[0].2, "Ruiz", "{r:?}");
    }

    #[test]
    fn a_name_right_before_a_participle_cue_speaks() {
        let r = direct("The talks ended warmly, with Ruiz saying she was pleased and Lee calling it a “great meeting.”");
        assert_eq!(r[0].2, "Lee", "{r:?}");
    }

    #[test]
    fn inverted_cue_opening_the_sentence() {
        let r = direct("The plan has critics. Said Ellis: “I don’t see how it adds up.”");
        assert_eq!(r[0].2, "Ellis", "{r:?}");
        let r = direct("Neighbours gathered. Said Dora Paine, who grew up on the street, “We were all so proud of him.”");
        assert_eq!(r[0].2, "Dora Paine", "{r:?}");
    }

    #[test]
    fn signature_line_after_a_quotation() {
        let r = direct("Intro line here.\n\n\"We will see what happens next.\"\n\n- Mara Lindqvist.\n\nMore text.");
        assert_eq!(r[0].2, "Mara Lindqvist", "{r:?}");
    }

    #[test]
    fn the_next_sentences_cue_introduces_the_next_quotation() {
        let r = direct("She says the plan is “the same old deal that they promised to end.” She adds, “Who believes them now?”");
        assert_ne!(r[0].2, "She adds", "{r:?}");
        assert_eq!(r[1].2, "She", "{r:?}");
    }

    #[test]
    fn statement_going_on_after_the_closing_mark() {
        let r = direct("Bankers walked away.\n\n“The only way this changes is if executives face prison” for fraud, she said.");
        assert_eq!(r[0].2, "she", "{r:?}");
    }

    /// A source reporting what someone said: the quotation after the inner "said," is the
    /// inner speaker's, not the office's that reports the whole sentence.
    #[test]
    fn a_nested_quotation_is_its_own_cues() {
        let r = direct(
            "A clerk who took the call recalled that he said, \"I'll burn the place down,\" the \
             county sheriff's office said.",
        );
        assert_eq!(r[0].2, "he", "{r:?}");
        // (A quotation its cue after it speaks stays that cue's.)
        let r = direct("\"We will appeal,\" the county sheriff's office said.");
        assert_eq!(r[0].2, "the county sheriff's office", "{r:?}");
    }

    #[test]
    fn a_cue_in_the_quotations_own_sentence_wins() {
        let r = direct("“We will appeal,” Ms. Okafor said. She said she had a hard time imagining that “the court would ever agree with us.”");
        assert_eq!(r[1].2, "She", "{r:?}");
        let r = direct("“It is over,” Ms. Okafor said. Vance similarly warned that officers he has spoken with “see no way out of the crisis.”");
        assert_eq!(r[1].2, "Vance", "{r:?}");
    }

    #[test]
    fn speaker_after_quote_both_orders() {
        let r = direct("“We will not back down,” said Maria Lopez, the union leader. \"It is final,\" the spokesman added.");
        assert_eq!(r[0].2, "Maria Lopez");
        assert_eq!(r[0].1, QuoteKind::Direct);
        assert_eq!(r[1].2, "the spokesman");
    }

    #[test]
    fn post_quote_speech_verbs_and_phrasal_cues() {
        let r = direct("The council met late. “We finally have a budget,” the memo read. “It took months of work,” Ana Ruiz went on. “Not a single cut!” beamed Omar Haddad, the treasurer. “You had a year,” the mayor shot back.");
        let said: Vec<&str> = r.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(
            said,
            vec!["the memo", "Ana Ruiz", "Omar Haddad", "the mayor"]
        );
    }

    #[test]
    fn speaker_with_long_appositive_after_quote() {
        let r = direct("“The levee will not hold another storm like this one,” Anna Berg, the chief engineer of the regional water authority in the lower valley, said on Monday.");
        assert_eq!(r[0].2, "Anna Berg", "{r:?}");
        // The appositive's closing comma is missing.
        let r = direct("“Winding up the cooperative has taken three years,” Helen Marsh, a deputy state treasurer said on Friday.");
        assert_eq!(r[0].2, "Helen Marsh", "{r:?}");
    }

    #[test]
    fn signed_quotes_and_addressees() {
        let r =
            direct("“I came here with nothing.” ― Lucia Ferreira\n“We all did.” ― Tomas Okoye.");
        assert_eq!(r[0].2, "Lucia Ferreira", "{r:?}");
        assert_eq!(r[1].2, "Tomas Okoye", "{r:?}");
        let r = direct("“We were wrong about the dam,” Ortega, 58, told AFP in an interview.");
        assert_eq!(r[0].2, "Ortega", "{r:?}");
        let r = direct("Polls closed at eight. “Attention will turn to the delegates.” Lee campaign manager Rosa Diaz wrote.");
        assert_eq!(r[0].2, "Lee campaign manager Rosa Diaz", "{r:?}");
        let r = direct("The count began. “Our state is proud to nominate her.” Senator Mara Holt said as she opened the roll call.");
        assert_eq!(r[0].2, "Senator Mara Holt", "{r:?}");
    }

    #[test]
    fn names_before_a_colon() {
        let r = direct(
            "Turnout was lower than expected - Dana Whitfield: “The rural vote never arrived.”",
        );
        assert_eq!(r[0].2, "Dana Whitfield", "{r:?}");
        let r = direct("Or, as Professor Lind put it: “The river keeps its own calendar.”");
        assert_eq!(r[0].2, "Professor Lind", "{r:?}");
    }

    #[test]
    fn name_with_appositive_after_the_closing_mark() {
        let r = direct(
            "“It is over,” Mr. Kaplan, a screenwriter and former studio executive, said dryly.",
        );
        assert_eq!(r[0].2, "Mr. Kaplan", "{r:?}");
        // The inverted order still takes the name after the cue.
        let r = direct("“It is over,” in sharp contrast to his aides, says Tomas Lind.");
        assert_eq!(r[0].2, "Tomas Lind", "{r:?}");
    }

    #[test]
    fn as_someone_put_it_before_a_comma() {
        let r = direct("The vote was close. As Cosmo put it, “Nobody saw this coming.”");
        assert_eq!(r[0].2, "Cosmo", "{r:?}");
        let r = direct(
            "The vote was close. Or, as Dana Reyes, a professor of law at Tulane, put it in a \
             memo to staff, “Nobody saw this coming.”",
        );
        assert_eq!(r[0].2, "Dana Reyes", "{r:?}");
        // The quotation inside the main clause after the comma.
        let r = direct(
            "The channel defends its coverage. As Ms. Okonjo put it in a letter to the board in \
             May, the service is ''giving viewers a voice they will not hear elsewhere.''",
        );
        assert_eq!(r[0].2, "Ms. Okonjo", "{r:?}");
    }

    #[test]
    fn shown_saying_and_chanting_while() {
        let r = direct(
            "The ad ends with footage of Mayor Okafor saying at a forum in May, “That makes me \
             smart,” as the crowd laughs.",
        );
        assert_eq!(r[0].2, "Mayor Okafor", "{r:?}");
        let r = direct(
            "The striking nurses marched past the hospital where the board met on Tuesday while \
             chanting, “Safe staffing saves lives.”",
        );
        assert_eq!(r[0].2, "The striking nurses", "{r:?}");
    }

    #[test]
    fn a_participle_opening_the_sentence_takes_the_subject_after_the_quotation() {
        let r = direct(
            "The senator fell ill in 1998. After saying her left knee was “so swollen I could not \
             stand,” she was taken to the county hospital.",
        );
        assert_eq!(r[0].2, "she", "{r:?}");
        let r = direct("Calling the levy “a tax on the poor,” Mayor Okafor voted against it.");
        assert_eq!(r[0].2, "Mayor Okafor", "{r:?}");
    }

    #[test]
    fn as_something_put_it_after_the_closing_mark() {
        let r = direct(
            "Council members said the levy was needed. The program rests on “a steady stream of \
             fees from out-of-town drivers,” as a city finance report put it.",
        );
        assert_eq!(r[0].2, "a city finance report", "{r:?}");
        let r = direct(
            "Critics objected. “The numbers never added up,” as Marta Quinlan, a budget analyst, \
             put it last week.",
        );
        assert_eq!(r[0].2, "Marta Quinlan", "{r:?}");
    }

    #[test]
    fn quote_in_a_clause_someone_else_owns_is_not_the_cue_subjects() {
        let r = direct(
            "Speaking in Dayton, Senator Dana Holt responded to Mr. Brandt's boast that \
             skipping the audit made him “clever.”",
        );
        assert!(r.iter().all(|x| x.2 != "Senator Dana Holt"), "{r:?}");
        // A capitalized owner's place name is no such clause.
        let r = direct("He told a crowd at Dayton's Riverside club that the plan was “a fraud.”");
        assert_eq!(r[0].2, "He", "{r:?}");
    }

    #[test]
    fn speaker_before_quote_and_colon() {
        let r = direct("The governor told reporters: “The roads will reopen tomorrow.”");
        assert_eq!(r[0].2, "The governor");
        let r = direct("Kowalski had a blunt message: „Wir bleiben hier, egal was passiert.“");
        assert_eq!(r[0].2, "Kowalski");
    }

    #[test]
    fn a_next_paragraph_with_its_own_statement_signs_no_quotation() {
        let speaker_of = |text: &str, needle: &str| {
            crate::test_support::source_of(text, needle)
                .0
                .unwrap_or_default()
        };
        let text = "The company's lawyer, Daniel Okafor, said the suit had no merit.\n\
             “This is a publicity stunt,” Okafor said. “Nothing more.”\n\
             Ilana Muhlstein, a dietitian in Los Angeles, recommends eating slowly.";
        assert_eq!(speaker_of(text, "Nothing more"), "Daniel Okafor");
        // A short attribution paragraph still signs it.
        let r = direct("“We will not be ignored any longer.”\nshe wrote on Facebook.");
        assert!(r.iter().any(|(_, _, who)| who == "she"), "{r:?}");
    }

    #[test]
    fn sandwiched_attribution_and_paragraph_runs() {
        let r = direct("‘This is not about expansion,’ Dragone emphasized, his voice steady. ‘It’s about our allies.’\n“A second paragraph with no cue at all goes on.”");
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|x| x.2 == "Dragone"), "{r:?}");
        assert_eq!(r[1].0, "It’s about our allies.");
    }

    #[test]
    fn partial_quotes_and_scare_quotes() {
        let r = direct("The minister dismissed the report, calling the claims “baseless and cynical.” So-called “experts” disagreed.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, QuoteKind::Partial);
        assert_eq!(r[0].2, "The minister");
        assert!(direct("She starred in “The Long Goodbye” last year.").is_empty());
    }

    #[test]
    fn attribution_on_the_next_line_and_parenthesised_party() {
        let r =
            direct("“You know, we learned a lot about ground games.”\nhe said. The race went on.");
        assert_eq!(r[0].2, "he");
        let r = direct("“The bill is dead,” Rep. Jim McDermott (D-Wash.) said.");
        assert_eq!(r[0].2, "Rep. Jim McDermott");
        let r = direct("Cruz continued:\n“You look at the questions and you see the bias.”");
        assert_eq!(r[0].2, "Cruz");
    }

    #[test]
    fn title_case_headline_cue() {
        let r = direct("Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Democratic Convention\nMore text here.");
        assert_eq!(r[0].2, "Howard Dean");
    }

    #[test]
    fn quote_across_paragraphs_keeps_its_speaker() {
        let r = direct("One official noted that ‘the framework is murky at best.\n\nIf we cross this line, it risks everything.’");
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|x| x.2 == "One official"), "{r:?}");
    }
}
