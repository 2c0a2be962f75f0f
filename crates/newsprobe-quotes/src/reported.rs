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
    // (`marks` are the outermost stretches in text order, disjoint: only those between the
    // content's ends can overlap it.)
    let from = marks.partition_point(|m| m.outer.end <= content.start);
    let covered: usize = marks[from..]
        .iter()
        .take_while(|m| m.outer.start < content.end)
        .map(|m| m.outer.overlap_len(&content))
        .sum();
    let _ = ctx;
    covered * 10 >= content.len() * 7
}

/// Reported speech with this content, cue and speaker, unless the content is mostly a
/// quotation (the quotation rules own those).
fn reported_speech(
    ctx: &Ctx,
    marks: &[Marked],
    content: Span,
    cue: Span,
    cue_token: usize,
    speaker: Option<crate::speaker::Mention>,
) -> Option<Found> {
    if mostly_quoted(ctx, marks, content) {
        return None;
    }
    Some(Found {
        content,
        kind: QuoteKind::Reported,
        cue: Some(cue),
        cue_token: Some(cue_token),
        speaker,
        inherited: false,
        margin: None,
        filled: false,
    })
}

/// Reported speech in every sentence of the document.
pub fn find(ctx: &Ctx, marks: &[Marked]) -> Vec<Found> {
    let doc = ctx.doc;
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut pieces = Vec::with_capacity(doc.sentences.len() + 8);
    for s in 0..doc.sentences.len() {
        let (a, b) = ctx.sentence_tokens(s);
        split_after_closing_quotes(ctx, a, b, &mut pieces);
    }
    for (a, b) in pieces {
        let mut c = a;
        while c < b {
            // Every detector below starts at a cue, a statement noun or a report anchor.
            let lex = ctx.lex(c);
            let anchor =
                lex.is_cue() || lex.has(lexicon::Lex::STATEMENT_NOUN | lexicon::Lex::REPORT_ANCHOR);
            if !anchor || !ctx.is_word(c) || inside_quote(marks, ctx.span(c).start) {
                c += 1;
                continue;
            }
            if let Some(f) = noun_or_verb(ctx, marks, a, b, c)
                .or_else(|| in_evidence(ctx, marks, a, b, c))
                .or_else(|| question(ctx, marks, a, b, c))
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

/// Splits the sentence `[a, b)` after a quotation that ends a sentence inside its marks and
/// is followed by a capitalised word (`… “unhinged, even for him.” She says …`), which the
/// segmenter keeps as one sentence.
fn split_after_closing_quotes(ctx: &Ctx, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let mut start = a;
    for k in a + 2..b.saturating_sub(1) {
        if matches!(ctx.word(k - 1), "." | "!" | "?")
            && !ctx.is_abbreviation_dot(k - 1)
            && matches!(ctx.raw(k), "”" | "\"" | "’" | "''")
            && ctx.is_capitalized(k + 1)
            && k + 1 > start + 2
        {
            out.push((start, k + 1));
            start = k + 1;
        }
    }
    out.push((start, b));
}

/// A statement noun before "that" ([`nominal`]), unless that reading finds no speaker and the
/// word read as a verb finds its subject: "The publication claims that …", "The latest reports,
/// however, claim that …", "Based on a fan's video, Movie Pilot reports that …" (session 15,
/// `fnc1-pool-2`): "claims", "reports" are statement nouns and present-tense cues alike, and the
/// noun reading took the sentence with no source.
fn noun_or_verb(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let f = nominal(ctx, marks, a, b, c)?;
    // (The noun reading's leading name of "The newspaper claims that" is its article alone.)
    let named = f
        .speaker
        .is_some_and(|m| (m.first..=m.last).any(|k| !ctx.is_determiner(k)));
    // "Insurance claims that were filed …": a relative clause, the noun's.
    let relative = lexicon::is_finite_auxiliary(ctx.word(c + 2)) || lexicon::is_be(ctx.word(c + 2));
    if relative || f.speaker.is_some_and(|m| m.last + 1 == c) {
        return Some(f);
    }
    let verb = ctx
        .cue(c)
        .is_some_and(|cw| cw.form == lexicon::Form::Present)
        .then(|| verb_cue(ctx, marks, a, b, c))
        .flatten()
        .filter(|v| v.speaker.is_some());
    // With a leading name of its own ("Based on a fan's video, …" read as "Based"), the noun
    // reading gives way only to a subject right before the word ("Movie Pilot reports") that
    // does not hold that name ("Wee of the Times reports that": "Wee" stays).
    let verb = match f.speaker.filter(|_| named) {
        Some(n) => verb.filter(|v| {
            v.speaker
                .is_some_and(|m| m.last + 1 == c && !(m.first <= n.first && n.last <= m.last))
        }),
        None => verb,
    };
    Some(verb.unwrap_or(f))
}

/// Nominal attributions: "Trump's claim that …", "an assertion that …", "the warning that …".
/// The content is the `that` clause; the possessor, if any, speaks.
fn nominal(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    // (A cue word its context reads as a noun is one too: "a New York Times report that".)
    let noun_cue = crate::cue_noun::noun_cue(ctx, c);
    if !(ctx.is_statement_noun(c) || noun_cue) || ctx.word(c + 1) != "that" || c == 0 {
        return None;
    }
    // ("questions that will help": a relative clause; a content clause opens with its subject.)
    if noun_cue
        && !ctx.is_statement_noun(c)
        && !(ctx.is_capitalized(c + 2) || ctx.is_pronoun(c + 2) || ctx.is_determiner(c + 2))
    {
        return None;
    }
    // The possessor ("Trump's claim"), else the subject of a sentence the noun is the object
    // of ("Trump made the claim that …").
    let prev = ctx.word(c - 1);
    let speaker = if matches!(prev, "'s" | "’s") {
        ctx.subject_before(c - 1, a)
    } else if prev.ends_with("'s") || prev.ends_with("’s") {
        // "The mayor's": the mention without the possessive ending.
        ctx.subject_before(c, a).map(|mut m| {
            let cut = if prev.ends_with("’s") { 4 } else { 2 };
            if m.last + 1 == c
                && m.span.len() > cut
                && ctx.doc.text.is_char_boundary(m.span.end - cut)
            {
                m.span.end -= cut;
            }
            m
        })
    } else if noun_cue && ctx.is_capitalized(c - 1) && c - 1 > a {
        // "a New York Times report that …": the name before the noun is its author.
        let mut first = c - 1;
        while first > a && ctx.is_capitalized(first - 1) && ctx.is_word(first - 1) {
            first -= 1;
        }
        Some(crate::speaker::Mention::tokens(ctx, first, c - 1))
    } else {
        // Only its leading name or pronoun ("Trump" of a parsed "Trump made").
        ctx.sentence_subject(c, c)
            .filter(|m| m.last < c && m.first == a)
            .and_then(|mut m| {
                let named = |k: usize| {
                    ctx.is_capitalized(k) || ctx.is_abbreviation_dot(k) || ctx.is_pronoun(k)
                };
                let last = (m.first..=m.last).take_while(|&k| named(k)).last()?;
                m.last = last;
                m.span.end = ctx.span(last).end;
                Some(m)
            })
    };
    let content = content_span(ctx, c + 1, b)?;
    reported_speech(ctx, marks, content, ctx.span(c), c, speaker)
}

/// "In a new Quinnipiac poll, Clinton leads by six points": a poll, survey or report opening
/// the sentence is the source of the clause after its comma.
fn in_evidence(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    if ctx.word(c) != "in" {
        return None;
    }
    if c != a {
        // "Trump has a decisive lead in the latest Marist poll.": the clause before it.
        let e = (c + 1..(c + 8).min(b))
            .take_while(|&k| ctx.is_word(k))
            .find(|&k| {
                matches!(
                    ctx.word(k),
                    "poll" | "polls" | "polling" | "survey" | "surveys"
                )
            })?;
        if !matches!(ctx.word(e + 1), "." | "," | "!" | "?" | ";") && e + 1 < b {
            return None;
        }
        if (a..c).any(|k| ctx.word(k) == "," || ctx.is_quote_mark(k)) {
            return None;
        }
        let m = ctx.np_after(c + 1, e + 1)?;
        let content = content_span(ctx, a, c)?;
        return Some(Found {
            content,
            kind: QuoteKind::Reported,
            cue: Some(ctx.span(c)),
            cue_token: Some(c),
            speaker: Some(m),
            inherited: false,
            margin: None,
            filled: false,
        });
    }
    let comma = (c + 2..(c + 14).min(b)).find(|&k| !ctx.is_word(k))?;
    if ctx.word(comma) != "," || !(c + 1..comma).any(|k| ctx.is_evidence_noun(k)) {
        return None;
    }
    // "In offering analysis of the race, Caddell told …": a participial phrase, not evidence;
    // the sentence's own cue speaks.
    let next = ctx.word(c + 1);
    if next.ends_with("ing") && !lexicon::is_evidence_noun(next) {
        return None;
    }
    let m = ctx.np_after(c + 1, comma)?;
    let content = content_span(ctx, comma + 1, b)?;
    reported_speech(ctx, marks, content, ctx.span(c), c, Some(m))
}

fn according_to(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    if ctx.word(c) != "according" || ctx.word(c + 1) != "to" {
        return None;
    }
    let mut m = ctx.np_after(c + 2, b)?;
    let cue = Span::text(ctx.span(c).start, ctx.span(c + 1).end);
    let lead_only_punct =
        (a..c).all(|i| !ctx.is_word(i) || matches!(ctx.word(i), "but" | "and" | "yet"));
    let content = if lead_only_punct {
        // "According to X, the plan failed."
        let mut s = m.last + 1;
        while s < b && ctx.word(s) != "," {
            s += 1;
        }
        // "According to a source, who spoke on condition of anonymity, the minister …": a
        // relative clause closed by a comma is the source's; the statement follows it.
        // Otherwise what follows the comma is the statement, no appositive of the source
        // ("According to a source, the finance minister said …": "the finance minister" is
        // not the source described again).
        let aside_end = matches!(ctx.word(s + 1), "who" | "whose" | "which" | "speaking")
            .then(|| (s + 1..b).find(|&e| matches!(ctx.word(e), "," | "." | ";" | ":")))
            .flatten()
            .filter(|&e| ctx.word(e) == ",");
        match aside_end {
            Some(e) => s = e,
            None => m.clause = m.span,
        }
        content_span(ctx, s + 1, b)?
    } else {
        // "The nun said she had not known, according to the Daily Mail": a statement with its
        // own speaker and cue is that speaker's; the outlet is where it was reported.
        // (Only an outlet: "Police have said …, according to attorneys for the family" is the
        // attorneys' account of what police said.)
        let attributed = is_outlet(ctx, m.last)
            && (a + 1..c).any(|k| {
                crate::cue_noun::verb_cue(ctx, k).is_some_and(|cw| {
                    cw.form != lexicon::Form::Gerund
                        && (saying_verb(cw.lemma) || matches!(cw.lemma, "tell" | "add" | "admit"))
                        && ctx.subject_before(k, a).is_some()
                })
            });
        if attributed {
            return None;
        }
        // "The plan failed, according to X." / "The plan, according to X, failed."
        let after = m.last + 1;
        let tail_words = (after..b).filter(|&i| ctx.is_word(i)).count();
        let end = if tail_words > 2 { b } else { c };
        content_span(ctx, a, end)?
    };
    reported_speech(ctx, marks, content, cue, c, Some(m))
}

/// Whether token `h`, heading the source of "according to", names a news outlet: a
/// newspaper's name word ("the Daily Mail", "the Plano Courier"), an organisation the entity
/// stage found, or a word for an outlet ("the newspaper", "a report").
fn is_outlet(ctx: &Ctx, h: usize) -> bool {
    const PAPER_WORDS: &[&str] = &[
        "mail",
        "times",
        "post",
        "news",
        "journal",
        "herald",
        "tribune",
        "courier",
        "guardian",
        "telegraph",
        "express",
        "mirror",
        "gazette",
        "globe",
        "chronicle",
        "independent",
        "observer",
        "examiner",
        "inquirer",
        "register",
    ];
    const OUTLET_NOUNS: &[&str] = &[
        "newspaper",
        "paper",
        "tabloid",
        "outlet",
        "website",
        "site",
        "magazine",
        "broadcaster",
        "channel",
        "station",
        "report",
        "reports",
    ];
    let w = ctx.word(h);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    if !ctx.is_capitalized(h) {
        return OUTLET_NOUNS.contains(&w);
    }
    if PAPER_WORDS.contains(&w) {
        return true;
    }
    let ms = ctx.entity_mentions();
    ms.index
        .overlapping(ctx.span(h))
        .any(|i| ctx.doc.entities[ms.entity[i]].kind == newsprobe_core::EntityType::Organization)
}

/// Whether "refused to" / "declined to" at `s` (the "to") goes on to a verb of speaking ("to say",
/// "to comment", "to discuss", "to publicly identify"), not to an act ("to age", "to allow").
fn refuses_to_speak(ctx: &Ctx, s: usize) -> bool {
    if ctx.word(s) != "to" {
        return true;
    }
    let mut v = s + 1;
    while v < ctx.len() && v < s + 3 && ctx.word(v).ends_with("ly") {
        v += 1;
    }
    v < ctx.len()
        && ctx.is_word(v)
        && (ctx.cue(v).is_some()
            || matches!(
                ctx.word(v),
                "comment" | "discuss" | "elaborate" | "speculate" | "answer" | "respond" | "reply"
            ))
}

/// Questions: "X asked whether …", "Asked by Matt Lauer whether …, she said", "Y was asked
/// how …". The content is the question clause; the asker speaks.
fn question(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let cw = ctx.cue(c)?;
    // ("questioned whether …", "questioned what kind of person …": the wh-word right after.)
    if !matches!(cw.lemma, "ask" | "wonder" | "question") {
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
    if (k..w).any(|i| !ctx.is_word(i)) || (cw.lemma == "question" && w != k) {
        return None;
    }
    let end = (w..b).find(|&i| ctx.word(i) == ",").unwrap_or(b);
    let content = content_span(ctx, w, end)?;
    reported_speech(ctx, marks, content, ctx.span(c), c, asker)
}

fn passive(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let w = ctx.word(c);
    // "The group reportedly spent $1.5 million …": a report with no source. ("X reportedly
    // said …" is the cue's.)
    if w == "reportedly" {
        if (c + 1..(c + 3).min(b)).any(|k| crate::cue_noun::verb_cue(ctx, k).is_some()) {
            return None;
        }
        // "Paramedics are reportedly transporting the patient …, the Morning News reported": the
        // report names its source at the end (the cue's statement, not one with no source).
        if (c + 1..b).any(|k| trailing_source(ctx, k, b)) {
            return None;
        }
        let content = content_span(ctx, a, b)?;
        return reported_speech(ctx, marks, content, ctx.span(c), c, None);
    }
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
    reported_speech(
        ctx,
        marks,
        content,
        Span::text(ctx.span(k - 1).start, ctx.span(c).end),
        c,
        None,
    )
}

fn verb_cue(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize) -> Option<Found> {
    let cw = crate::cue_noun::verb_cue(ctx, c)?;
    // "a spokeswoman who asked not to be named said": a request for anonymity, no statement.
    if matches!(cw.lemma, "ask" | "request")
        && ctx.word(c + 1) == "not"
        && ctx.word(c + 2) == "to"
        && ctx.word(c + 3) == "be"
    {
        return None;
    }
    let cue = ctx.span(c);
    // "…, X said." / "…, said X." after the statement.
    if let Some(mut f) = backward(ctx, marks, a, b, c, cue) {
        // "AT&T laid new fiber downtown, she said, to make sure …": the statement goes on after
        // a parenthetical attribution.
        let next = ctx.word(c + 2);
        let goes_on = ctx.word(c + 1) == ","
            && ctx.is_word(c + 2)
            && !ctx.is_capitalized(c + 2)
            && lexicon::cue(next).is_none_or(|w| w.form != lexicon::Form::Gerund)
            && !matches!(
                next,
                "and" | "but" | "who" | "which" | "as" | "according" | "while" | "whereas"
            )
            && (c + 2..b).filter(|&k| ctx.is_word(k)).count() >= 4
            && !(c + 2..b).any(|k| crate::cue_noun::verb_cue(ctx, k).is_some());
        if goes_on {
            if let Some(whole) = content_span(ctx, a, b) {
                f.content.end = f.content.end.max(whole.end);
            }
        }
        return Some(f);
    }
    let evidence_cue = matches!(
        cw.lemma,
        "show" | "find" | "indicate" | "suggest" | "reveal" | "estimate"
    );
    // "New polls released Sunday showed …", "exit polling showed …": the evidence noun a few
    // words before the cue is the subject, past its participle.
    let evidence_subject = || {
        if !evidence_cue {
            return None;
        }
        let e = (c.saturating_sub(6).max(a)..c)
            .rev()
            .take_while(|&k| ctx.is_word(k))
            .find(|&k| ctx.is_evidence_noun(k) || crate::cue_noun::noun_cue(ctx, k))?;
        ctx.subject_before(e + 1, a)
            .filter(|m| m.last == e)
            .or_else(|| {
                // "A Government Accountability Office report released last year found": a
                // cue word read as a noun heads the noun phrase opening the sentence.
                (crate::cue_noun::noun_cue(ctx, e)
                    && e - a <= 6
                    && (a..e).all(|k| ctx.is_word(k) && ctx.cue(k).is_none() && !ctx.is_pronoun(k)))
                .then(|| crate::speaker::Mention::tokens(ctx, a, e))
            })
    };
    let issuer = match cw.form {
        lexicon::Form::Gerund if saying_verb(cw.lemma) => issued_statement(ctx, a, c),
        _ => None,
    };
    let speaker = match cw.form {
        // "The board issued a statement saying no decision had been made": the statement, as
        // for "a statement saying that" below (`document` credits it to whoever issued it).
        lexicon::Form::Gerund if issuer.is_some() => ctx
            .subject_before(issuer? + 1, a)
            .filter(|m| Some(m.last) == issuer)?,
        lexicon::Form::Gerund if evidence_cue && ctx.word(c.saturating_sub(1)) != "," => {
            evidence_subject()?
        }
        // "She is describing …", "He’s claiming that …": the subject before the auxiliary.
        lexicon::Form::Gerund if ctx.is_progressive(c) => ctx.subject_before(c, a)?,
        // "…, saying that", "touting their record and saying the other lacks …": the subject
        // of the clause the participle goes on.
        lexicon::Form::Gerund if c > a && ctx.word(c - 1) == "," => ctx.participle_subject(c)?,
        lexicon::Form::Gerund if c > a && ctx.word(c - 1) == "and" && saying_verb(cw.lemma) => {
            ctx.participle_subject(c)?
        }
        // "a statement saying that …", "tweets claiming that …": the noun before the
        // participle, for a "that" clause after it.
        lexicon::Form::Gerund
            if c > a
                && ctx.word(c + 1) == "that"
                && saying_verb(cw.lemma)
                && noun_before(ctx, c) =>
        {
            ctx.subject_before(c, a)?
        }
        // "… by saying that …", "While saying that …, X": the subject of the clause the
        // participle modifies (`aside_subject`).
        lexicon::Form::Gerund
            if crate::aside_subject::adverbial_participle(ctx, a, c, cw.lemma) =>
        {
            ctx.participle_subject(c)?
        }
        // "…, with 22 percent saying it went too far": the share says it (`share`).
        lexicon::Form::Gerund if crate::share::with_share(ctx, a, c).is_some() => {
            crate::share::with_share(ctx, a, c)?
        }
        lexicon::Form::Gerund => return None,
        _ => match ctx.subject_before(c, a) {
            Some(m) if !evidence_cue || (m.first..=m.last).any(|k| ctx.is_evidence_noun(k)) => m,
            None => match catenative_subject(ctx, a, c) {
                Some(m) => m,
                None if !evidence_cue => modified_subject(ctx, a, c, cw.lemma)
                    .or_else(|| crate::aside_subject::across_aside(ctx, a, c, cw.lemma))
                    .or_else(|| crate::aside_subject::sentence_subject(ctx, a, c, cw.lemma))?,
                None => evidence_subject()?,
            },
            other => evidence_subject().or(other)?,
        },
    };
    if speaker.first == speaker.last
        && ctx.is_determiner(speaker.last)
        && !matches!(
            ctx.word(speaker.last),
            "another" | "one" | "some" | "many" | "both" | "several" | "most" | "few"
        )
    {
        return None;
    }
    // "… have barely been mentioned in this year's race": a passive cue's subject is what
    // was spoken of, and the phrase after it no statement ("it was reported that …" is
    // `passive`'s).
    // (Only before a preposition: "was told her contract would end" is a statement, left
    // unattributed; "was told by a leaker that …" is one too.)
    let next = ctx.word(c + 1);
    if cw.form == lexicon::Form::Past
        && (lexicon::opens_adverbial(next)
            || matches!(next, "as" | "for" | "to" | "of" | "about" | "into"))
    {
        let mut k = c;
        while k > a + 1 && ctx.word(k - 1).ends_with("ly") && !ctx.is_capitalized(k - 1) {
            k -= 1;
        }
        if k > a && lexicon::is_be(ctx.word(k - 1)) {
            return None;
        }
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
                        margin: None,
                        filled: false,
                    });
                }
            }
            return None;
        }
        s += 1;
    }
    // "told reporters that", "said in a statement that", "said Tuesday that"
    // (A "that" that ends the clause is a pronoun: "said the test could change that.")
    if let Some(t) = (s..(s + 9).min(b)).find(|&i| {
        ctx.word(i) == "that"
            && i + 1 < b
            && !matches!(ctx.word(i + 1), "." | "," | ";" | ":" | "!" | "?" | ")")
    }) {
        // Not "said he hadn't given up hope that …": a subject pronoun opens the clause.
        // ("e-mailed me that", "told them that": an object pronoun is the addressee.)
        if (s..t).all(|i| ctx.is_word(i) || matches!(ctx.word(i), "," | "—" | "–"))
            && crate::relative_that::opens_said_clause(ctx, s, t)
            && !(s..t).any(|i| {
                ctx.is_pronoun(i)
                    && !(i == s
                        && t == s + 1
                        && matches!(ctx.word(i), "me" | "us" | "him" | "them"))
            })
        {
            s = t;
        }
    }
    // "Still, he said, officials have to decide …": a parenthetical attribution; what follows
    // its comma is what was said.
    if ctx.word(s) == ","
        && matches!(
            cw.lemma,
            "say" | "add" | "argue" | "note" | "insist" | "warn" | "report" | "write" | "explain"
        )
        && speaker.first > a
        && matches!(ctx.word(speaker.first - 1), "," | "as")
        && ctx.is_word(s + 1)
        && !matches!(ctx.word(s + 1), "and" | "or" | "but" | "then")
    {
        s += 1;
    }
    // "he said “budget reforms” and the collection of taxes would pay for it": a clause that
    // opens with a quotation and runs on past it.
    let quoted_start = ctx.is_quote_mark(s)
        && marks
            .get(marks.partition_point(|m| m.outer.start < ctx.span(s).start))
            .filter(|m| m.outer.start == ctx.span(s).start)
            .is_some_and(|m| {
                let after = ctx.token_at_or_after(m.outer.end);
                after < b && ctx.is_word(after) && !ctx.is_capitalized(after)
            });
    if !quoted_start {
        if let Some(skip) = lexicon::particle_object(cw.lemma, ctx.word(s)) {
            if skip {
                s += 1;
            }
            if !ctx.is_word(s) || (skip && ctx.word(s) == "that") {
                return None;
            }
            // "The burger refused to age": a thing's refusal to act is no statement. (A
            // person's, "refused to release his tax records", is one in PolNeAR; one to speak,
            // "declined to say whether …", stays whoever refuses.)
            if matches!(cw.lemma, "refuse" | "decline")
                && !refuses_to_speak(ctx, s)
                && (crate::junk::cannot_speak(ctx, &speaker)
                    || crate::speakable::refuses(ctx, &speaker))
            {
                return None;
            }
        } else if ctx.word(s) != "that" {
            // "The poll showed Trump leading …", "Records show Pate gave …": evidence as subject.
            let evidence = matches!(
                cw.lemma,
                "show" | "find" | "indicate" | "suggest" | "reveal" | "estimate" | "project"
            ) && (speaker.first..=speaker.last).any(|k| ctx.is_evidence_noun(k));
            if lexicon::needs_that(cw.lemma)
                && !evidence
                && !matches!(
                    cw.lemma,
                    "describe" | "reveal" | "disclose" | "remind" | "recall" | "mention"
                )
            {
                return None;
            }
            // "he characterized Kaine as “desperate”" states a view; "a race characterized by
            // insults", "characterizing the moon and its ocean" state nothing.
            if matches!(cw.lemma, "characterize" | "characterise")
                && (ctx.word(s) == "by"
                    || !(s..(s + 12).min(ctx.len())).any(|k| ctx.word(k) == "as"))
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
                    && (ctx.is_pronoun(s)
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
            // "said about half of …" is an estimate, not a topic.
            let estimate = ctx.word(s) == "about"
                && (ctx.word(s + 1) == "half"
                    || ctx
                        .word(s + 1)
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_digit()));
            if matches!(ctx.word(s), "to" | "for" | "by" | "of" | "about")
                && cw.lemma != "remind"
                && !estimate
            {
                return None;
            }
        }
    }
    // The clause ends where a contrasting clause begins: ", while Cruz said …".
    let mut end = (s..b)
        .find(|&k| ctx.word(k) == "," && matches!(ctx.word(k + 1), "while" | "whereas"))
        .unwrap_or(b);
    // "…did not give “absolute evidence,” but he said that …": a coordinated clause with its
    // own subject and verb of saying is another attribution, not part of this one.
    if let Some(k) = (s + 1..end).find(|&k| coordinated_attribution(ctx, k, end)) {
        // (A closing mark after the comma stays with the quotation it closes.)
        end = if ctx.is_quote_mark(k + 1) { k + 2 } else { k };
    }
    // "The man has asked that the video not be shown, Blumenthal said in an interview.": an
    // attribution closing the sentence reports the whole of it, this clause included.
    if let Some(k) = (s + 1..end).find(|&k| trailing_attribution(ctx, k, end)) {
        end = k;
    }
    // "…the impact it said Clinton would have: “…,” the union wrote.": a quotation with its
    // own attribution after it is what that attribution reports.
    // (A clause that is mostly that quotation stays the quotation rules' alone.)
    if let Some(k) = (s + 1..end).find(|&k| attributed_quotation(ctx, marks, k, b)) {
        if content_span(ctx, s, end).is_some_and(|whole| mostly_quoted(ctx, marks, whole)) {
            return None;
        }
        end = k;
    }
    // "Clinton, who called Sanders …, told her supporters": a relative clause ends before the
    // main verb.
    if speaker.span != ctx.np_span(&speaker) && ctx.word(speaker.last + 1) == "," {
        if let Some(k) = (s..end).find(|&k| {
            ctx.word(k) == ","
                && (k + 1..(k + 3).min(end)).any(|v| {
                    crate::cue_noun::verb_cue(ctx, v)
                        .is_some_and(|w| w.form != lexicon::Form::Gerund)
                })
        }) {
            end = k;
        }
    }
    // "While he acknowledged funding was a reason, Ham also noted …", "Though she called it
    // “outrageous,” Clinton restricted …": a cue inside an opening subordinate clause reports
    // only up to the comma before the main clause's subject and verb.
    if opens_subordinate_clause(ctx, a, speaker.first) {
        if let Some(k) =
            (s + 1..end).find(|&k| ctx.word(k) == "," && main_clause_at(ctx, k + 1, end))
        {
            end = k;
        }
    }
    // "told the security conference:", "called an ambulance", "said in a statement.": the
    // verb's object, no clause (`object.rs`).
    if !quoted_start && crate::object::verb_object(ctx, cw.lemma, s, end) {
        return None;
    }
    let content = content_span(ctx, s, end)?;
    reported_speech(ctx, marks, content, cue, c, Some(speaker))
}

/// Whether token `k` is the comma (or the closing mark after it) before "but"/"and"/"yet"
/// opening a clause with its own subject and verb of saying before token `end`:
/// `…, but he said that …`, `…,” and the mayor added that …`.
fn coordinated_attribution(ctx: &Ctx, k: usize, end: usize) -> bool {
    let mut j = k + 1;
    if ctx.word(k) != "," {
        return false;
    }
    if j < end && ctx.is_quote_mark(j) {
        j += 1;
    }
    if j + 2 >= end || !matches!(ctx.word(j), "but" | "and" | "yet") {
        return false;
    }
    let subject = j + 1;
    // (Not a passive: "…, and it was written by …".)
    (subject + 1..(subject + 5).min(end)).any(|v| {
        attribution_verb(ctx, v)
            && !lexicon::is_be(ctx.word(v - 1))
            && ctx.subject_before(v, subject).is_some_and(|m| {
                m.first == subject
                    && (ctx.is_pronoun(m.first)
                        || ctx.is_capitalized(m.first)
                        || ctx.is_determiner(m.first))
            })
    })
}

/// Whether token `k` is the comma before an attribution that closes the sentence piece
/// ending at `end`: `…, Blumenthal said in an interview with The Post.`, `…, he said.`, and
/// nothing after it but a short tail with no "that" and no quotation.
fn trailing_attribution(ctx: &Ctx, k: usize, end: usize) -> bool {
    if ctx.word(k) != "," || k + 1 >= end {
        return false;
    }
    let subject = k + 1;
    let Some(v) = (subject + 1..(subject + 4).min(end)).find(|&v| {
        attribution_verb(ctx, v)
            && !lexicon::is_be(ctx.word(v - 1))
            && ctx.subject_before(v, subject).is_some_and(|m| {
                m.first == subject
                    && m.last + 1 == v
                    && (ctx.is_pronoun(m.first) || ctx.is_capitalized(m.first))
            })
    }) else {
        return false;
    };
    end - v <= 10
        && (v + 1..end).all(|t| {
            !ctx.is_quote_mark(t)
                && !matches!(
                    ctx.word(t),
                    "that" | "," | ":" | "whether" | "what" | "how" | "why" | "if" | "who"
                )
        })
}

/// Whether token `k` is the comma before a short attribution that closes the sentence piece
/// ending at `end` with any verb of saying or reporting, its subject a name, a pronoun or a
/// description (`…, the Morning News reported.`, `…, Reuters said.`, `…, said the agency.`),
/// with no "that", colon or quotation after it.
fn trailing_source(ctx: &Ctx, k: usize, end: usize) -> bool {
    let subject = k + 1;
    if ctx.word(k) != "," || subject >= end {
        return false;
    }
    let finite = |v: usize| {
        crate::cue_noun::verb_cue(ctx, v).is_some_and(|w| w.form != lexicon::Form::Gerund)
            && !lexicon::is_be(ctx.word(v - 1))
    };
    let tail_clear = |v: usize| {
        end - v <= 8
            && (v + 1..end)
                .all(|t| !ctx.is_quote_mark(t) && !matches!(ctx.word(t), "that" | "," | ":" | ";"))
    };
    // ("…, said the agency.": the cue first.)
    if finite(subject) && tail_clear(subject) {
        return true;
    }
    (subject + 1..(subject + 6).min(end)).any(|v| {
        finite(v)
            && tail_clear(v)
            && ctx
                .subject_before(v, subject)
                .is_some_and(|m| m.first == subject && m.last + 1 == v)
    })
}

/// Whether token `k` opens a quotation followed by its own attribution: `“…,” the union
/// wrote`, `“…,” said Ms. Varga`.
fn attributed_quotation(ctx: &Ctx, marks: &[Marked], k: usize, b: usize) -> bool {
    // (Only a quotation standing on its own after a colon or dash, not one inside the
    // clause: "was “absolutely right” when he said …", "because “…,” she said".)
    if !ctx.is_quote_mark(k) || k == 0 || !matches!(ctx.word(k - 1), ":" | "—" | "–") {
        return false;
    }
    let start = ctx.span(k).start;
    let Some(m) = marks
        .get(marks.partition_point(|m| m.outer.start < start))
        .filter(|m| m.outer.start == start && m.closed)
    else {
        return false;
    };
    let t = ctx.token_at_or_after(m.outer.end);
    // (Not "“…,” but she said …": a coordinated clause, `coordinated_attribution`'s.)
    if matches!(ctx.word(t), "but" | "and" | "yet" | "or") {
        return false;
    }
    // ("the union wrote", "said Ms. Varga": the cue first or after its subject.)
    (t..(t + 4).min(b))
        .take_while(|&v| ctx.is_word(v) || ctx.is_abbreviation_dot(v))
        .any(|v| {
            attribution_verb(ctx, v)
                && (v == t || ctx.subject_before(v, t).is_some_and(|m| m.first == t))
        })
}

/// Whether token `v` is a finite verb of saying or writing that attributes a statement.
fn attribution_verb(ctx: &Ctx, v: usize) -> bool {
    crate::cue_noun::verb_cue(ctx, v).is_some_and(|w| {
        w.form != lexicon::Form::Gerund
            && (saying_verb(w.lemma)
                || matches!(
                    w.lemma,
                    "write" | "add" | "tell" | "note" | "explain" | "reply" | "respond" | "state"
                ))
    })
}

/// Whether the sentence piece starting at token `a` opens with a subordinating conjunction
/// ("While", "Though", "When", "After") before token `subject`.
fn opens_subordinate_clause(ctx: &Ctx, a: usize, subject: usize) -> bool {
    let mut k = a;
    while k < subject && (ctx.is_punct(k) || matches!(ctx.word(k), "but" | "and" | "yet" | "even"))
    {
        k += 1;
    }
    k < subject
        && matches!(
            ctx.word(k),
            "while"
                | "though"
                | "although"
                | "when"
                | "whenever"
                | "after"
                | "because"
                | "since"
                | "if"
                | "whereas"
                | "once"
                | "until"
                | "unless"
        )
}

/// Whether a main clause starts at token `k`: a name or subject pronoun (or two joined by
/// "and"), then a lower-case word that is no preposition or conjunction (its verb).
fn main_clause_at(ctx: &Ctx, k: usize, end: usize) -> bool {
    let w = ctx.word(k);
    let subject_pronoun = matches!(w, "he" | "she" | "they" | "we" | "i");
    if !subject_pronoun && !ctx.is_capitalized(k) {
        return false;
    }
    let Some(mut m) = ctx.np_after(k, end) else {
        return false;
    };
    // "Obama and Clinton call …"
    if ctx.word(m.last + 1) == "and" && ctx.is_capitalized(m.last + 2) {
        if let Some(n) = ctx.np_after(m.last + 2, end) {
            m = n;
        }
    }
    // "Ham also noted", "Reid frequently mocked": adverbs before the verb.
    let mut v = m.last + 1;
    while v < end && (ctx.is_cue_modifier(v) || ctx.word(v).ends_with("ly")) {
        v += 1;
    }
    v < end
        && crate::cue_noun::verb_cue(ctx, v).is_some()
        && ctx.is_word(v)
        && !ctx.is_capitalized(v)
        && !ctx.is_np_stop(v)
        && !matches!(
            ctx.word(v),
            "and" | "or" | "of" | "to" | "for" | "about" | "over" | "under" | "the" | "a" | "an"
        )
}

fn backward(ctx: &Ctx, marks: &[Marked], a: usize, b: usize, c: usize, cue: Span) -> Option<Found> {
    if ctx
        .cue(c)
        .is_some_and(|cw| cw.form == lexicon::Form::Gerund)
    {
        return None;
    }
    // "In the end, Mr. Rosenthal said, union voters …": a short opener before a parenthetical
    // attribution is not what was said; the clause after it is.
    if ctx.word(c + 1) == "," {
        let before_words = (a..c).filter(|&k| ctx.is_word(k)).count();
        let after_words = (c + 2..b).take_while(|&k| ctx.word(k) != ",").count();
        if before_words <= 6 && after_words >= 5 && !(a..c).any(|k| ctx.is_quote_mark(k)) {
            return None;
        }
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
                    // (A cue word after an article is a noun: "in an interview with The
                    // Post", "in a statement".)
                    && (ctx.cue(i).is_none()
                        || (i > from && matches!(ctx.word(i - 1), "a" | "an" | "the")))
            })
    };
    // ", said X." (verbs of saying only: ", offered a view" is not an attribution)
    let saying = ctx.cue(c).is_some_and(|cw| {
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
        let content = content_span(ctx, opened_by_colon(ctx, a, comma), comma)?;
        return reported_speech(ctx, marks, content, cue, c, Some(m));
    }
    // ", X said."
    let m = ctx.subject_before(c, a)?;
    let comma = comma_before(m.first)?;
    if m.first <= a + 2 || !tail_ok(c + 1) || scene_setting(ctx, a, comma) {
        return None;
    }
    let content = content_span(ctx, opened_by_colon(ctx, a, comma), comma)?;
    reported_speech(ctx, marks, content, cue, c, Some(m))
}

/// Where the statement before the comma at `comma` begins: at the quotation mark after the
/// last colon (`The letter described the harm: “Forty families …,” the nurses wrote`: the
/// sentence before the colon is the writer's, not the nurses'), else at `a`.
fn opened_by_colon(ctx: &Ctx, a: usize, comma: usize) -> usize {
    (a..comma)
        .rev()
        .find(|&k| ctx.word(k) == ":" && ctx.is_quote_mark(k + 1))
        .map_or(a, |k| k + 1)
}

/// "Trump appeared to suggest that …", "She continues to insist he …", "He went on to say …":
/// a verb that carries the cue's infinitive and asserts the statement was made; its subject
/// speaks. ("declined to say", "refused to say", "wants to say" report nothing: not here.)
fn catenative_subject(ctx: &Ctx, a: usize, c: usize) -> Option<crate::speaker::Mention> {
    // ("appear to back up that suspicion": a particle or preposition after the cue makes it
    // an act, not a statement.)
    if c < a + 3
        || ctx.word(c - 1) != "to"
        || !ctx.is_word(c + 1)
        || matches!(
            ctx.word(c + 1),
            "up" | "out"
                | "off"
                | "down"
                | "back"
                | "for"
                | "to"
                | "of"
                | "about"
                | "on"
                | "in"
                | "at"
                | "with"
        )
    {
        return None;
    }
    let v = match ctx.word(c - 2) {
        "appeared" | "appears" | "appear" | "seemed" | "seems" | "continued" | "continues"
        | "continue" | "proceeded" | "hastened" | "rushed" => c - 2,
        "on" if matches!(ctx.word(c - 3), "went" | "goes" | "go" | "going") => c - 3,
        _ => return None,
    };
    ctx.subject_before(v, a).or_else(|| {
        ctx.sentence_subject(v, v)
            .filter(|m| m.first >= a && m.last + 1 == v)
    })
}

/// "Political observers in Virginia and around the country say …", "all the experts I
/// interviewed said …": a subject whose modifier runs up to a verb of saying, which the
/// phrase reading back from the cue does not reach: the sentence's subject, when only words
/// (no comma, quotation mark or other cue) stand between it and the cue.
fn modified_subject(ctx: &Ctx, a: usize, c: usize, lemma: &str) -> Option<crate::speaker::Mention> {
    if !matches!(
        lemma,
        "say" | "tell" | "argue" | "warn" | "claim" | "insist" | "predict" | "contend" | "believe"
    ) {
        return None;
    }
    let mut m = ctx.sentence_subject(c, c)?;
    // "the experts I interviewed": the phrase ends before the relative clause's pronoun.
    if let Some(k) = (m.first + 1..=m.last)
        .find(|&k| matches!(ctx.word(k), "i" | "we" | "you" | "he" | "she" | "they"))
    {
        m.last = k - 1;
        m.span.end = ctx.span(k - 1).end;
    }
    let between = m.last + 1..c;
    // The modifier, if any, opens with a preposition or a relative clause's subject; the cue
    // is no infinitive or auxiliary's verb ("I can't tell", "happy to say", "struggled to contend").
    let opens = matches!(
        ctx.word(m.last + 1),
        "in" | "on"
            | "at"
            | "of"
            | "from"
            | "for"
            | "with"
            | "across"
            | "around"
            | "near"
            | "who"
            | "i"
            | "we"
            | "you"
            | "he"
            | "she"
            | "they"
    );
    let before = ctx.word(c - 1);
    if !(opens || between.is_empty())
        || lexicon::is_finite_auxiliary(before)
        || matches!(before, "to" | "not" | "n't" | "never" | "can't" | "cannot")
    {
        return None;
    }
    (m.first >= a
        && m.last < c
        && between.len() <= 8
        && between
            .clone()
            .all(|k| ctx.is_word(k) && !ctx.is_quote_mark(k) && ctx.cue(k).is_none()))
    .then_some(m)
}

/// Verbs that report a statement whatever their form ("saying", "claiming", "warning"), not
/// a thought, a manner or an act ("knowing", "considering", "gushing", "maintaining").
fn saying_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "say" | "claim" | "argue" | "insist" | "warn" | "assert" | "contend" | "declare" | "allege"
    )
}

/// Verbs that put a statement out ("issued a statement saying").
const ISSUE_VERBS: &[&str] = &["issued", "released", "posted", "published", "sent", "put"];

/// The statement noun of a participle cue at `c` that a verb put out ("The board issued a
/// statement saying …", "Aldane released a brief statement on Monday saying …"): a statement
/// noun a few words before the cue, with only words between, after a determiner (and at most
/// one modifier) after one of [`ISSUE_VERBS`] (for "put", with "out").
fn issued_statement(ctx: &Ctx, a: usize, c: usize) -> Option<usize> {
    let lo = c.saturating_sub(5).max(a + 2);
    let noun = (lo..c)
        .rev()
        .take_while(|&k| ctx.is_word(k) && (k == c - 1 || ctx.cue(k).is_none()))
        .find(|&k| ctx.is_statement_noun(k) && ctx.word(k) == "statement")?;
    let det = (noun.saturating_sub(2).max(a)..noun)
        .rev()
        .find(|&k| ctx.is_determiner(k))?;
    if noun - det > 2 || det == 0 || det <= a {
        return None;
    }
    let mut v = det - 1;
    if ctx.word(v) == "out" && v > a {
        v -= 1;
    }
    ISSUE_VERBS.contains(&ctx.word(v)).then_some(noun)
}

/// Whether the word before the participle at `c` is a common noun ("a statement saying",
/// "one claiming"): no verb, preposition, determiner, adverb or name.
fn noun_before(ctx: &Ctx, c: usize) -> bool {
    let k = c - 1;
    let w = ctx.word(k);
    ctx.is_word(k)
        && !ctx.is_capitalized(k)
        && !ctx.is_pronoun(k)
        && !ctx.is_determiner(k)
        && !ctx.is_np_stop(k)
        && ctx.cue(k).is_none()
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && !w.ends_with("ing")
        && !lexicon::is_finite_auxiliary(w)
        && !lexicon::is_be(w)
        && !lexicon::opens_adverbial(w)
        && !matches!(
            w,
            "of" | "for" | "by" | "about" | "without" | "to" | "not" | "than" | "as" | "like"
        )
}

/// Whether the tokens `[a, e)` before ", X said" only set the scene: a fronted adverbial ("At
/// his cookout", "On Thursday, however", "Hours after her appearance on the show") with no
/// clause of its own, so "At his cookout, the band leader called …" reports nothing before its
/// comma (the clause after the cue may).
fn scene_setting(ctx: &Ctx, a: usize, e: usize) -> bool {
    let mut k = a;
    while k < e && (!ctx.is_word(k) || matches!(ctx.word(k), "but" | "and" | "yet" | "so")) {
        k += 1;
    }
    if k >= e || !lexicon::opens_adverbial(ctx.word(k)) {
        return false;
    }
    // "Hours after …": a time noun opens it only before "after", "before" or "later".
    if matches!(
        ctx.word(k),
        "hours" | "days" | "minutes" | "moments" | "weeks" | "shortly"
    ) && !matches!(ctx.word(k + 1), "after" | "before" | "later")
    {
        return false;
    }
    if (k..e).any(|i| lexicon::is_finite_auxiliary(ctx.word(i)) || ctx.is_quote_mark(i)) {
        return false;
    }
    // "In the end, union voters will decide": a clause after the opener's comma is content.
    match (k..e).find(|&i| ctx.word(i) == ",") {
        Some(comma) => (comma + 1..e).filter(|&i| ctx.is_word(i)).count() < 3,
        None => (k..e).filter(|&i| ctx.is_word(i)).count() <= 14,
    }
}

/// The contents of the reported statements `find` gives on `text` (for the fixture tests of the
/// rules `find` consults: `object.rs`, `relative_that.rs`).
#[cfg(test)]
pub(crate) fn contents_in(text: &str) -> Vec<String> {
    let doc = newsprobe_core::Document::from_text(None, text);
    let ctx = Ctx::new(&doc);
    let marks = crate::marks::find(&doc);
    find(&ctx, &marks)
        .iter()
        .map(|f| doc.span_text(&f.content).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "According to a source, the finance minister said …": the minister is not the source
    /// described again (the phrase after the comma is the statement, no appositive), so the
    /// nested statement is the minister's; "According to a source, who spoke on condition of
    /// anonymity, …": the relative clause is the source's, not the statement.
    #[test]
    fn according_to_a_source_keeps_the_statement_apart_from_the_source() {
        use crate::test_support::{analyzed, quote_with};
        let doc = analyzed(
            "Budget talks in Halden stalled on Thursday. According to a source, the finance \
             minister said the deal was dead. According to a source, who spoke on condition of \
             anonymity, the mayor is considering resigning.",
        );
        let inner = quote_with(&doc, "the deal was dead");
        let inner = doc
            .quotes
            .iter()
            .filter(|q| doc.span_text(&q.span).contains("the deal was dead"))
            .min_by_key(|q| q.span.end - q.span.start)
            .unwrap_or(inner);
        assert_eq!(
            crate::test_support::reached(inner),
            Some("the finance minister")
        );
        let q = quote_with(&doc, "considering resigning");
        assert_eq!(doc.span_text(&q.span), "the mayor is considering resigning");
        assert_eq!(q.source.kind, newsprobe_core::SourceType::Anonymous);
    }

    /// "Reel Pilot reports that …", "The publication claims that …": a statement noun before
    /// "that" read as the verb when the noun reading finds no speaker and the verb reading finds
    /// its subject; "The insurance claims that were filed …" (a relative clause) stays the
    /// noun's.
    #[test]
    fn a_statement_noun_before_that_is_the_verb_when_it_has_a_subject() {
        use crate::test_support::source_of;
        let text = "Film fans in Halden have waited two years for the sequel. Based on a fan's \
            video, Reel Pilot reports that the director wants a summer release. The publication \
            claims that leaks from the set have worried the crew.";
        let (name, kind) = source_of(text, "the director wants a summer release");
        assert_eq!(name.as_deref(), Some("Reel Pilot"));
        assert_eq!(kind, newsprobe_core::SourceType::Named);
        let (name, _) = source_of(text, "leaks from the set have worried the crew");
        assert_eq!(name.as_deref(), Some("The publication"));
        let text = "Storm damage in Halden was worse than feared. The insurance claims that were \
            filed after the storm were paid slowly, the council said.";
        let doc = crate::test_support::analyzed(text);
        assert!(
            !doc.quotes.iter().any(|q| q
                .source
                .name
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains("insurance"))),
            "{:?}",
            doc.quotes
        );
    }

    /// "The eyewitness told a reporter that …": an "eyewitness" is a speaker as a "witness" is.
    #[test]
    fn an_eyewitness_is_a_speaker() {
        use crate::test_support::source_of;
        let text = "The bus left the road near Halden on Sunday. The eyewitness told a reporter \
            that he saw the driver leave the car.";
        let (name, _) = source_of(text, "he saw the driver leave the car");
        assert_eq!(name.as_deref(), Some("The eyewitness"));
    }

    /// "The letter, signed by 40 doctors and nurses, said" and "The board issued a statement
    /// saying": attributions of a document and of a statement put out, found with their
    /// speakers.
    #[test]
    fn a_signed_letter_and_an_issued_statement_are_attributions() {
        use crate::test_support::source_of;
        let text = "Doctors in Halden have asked the health board to keep the clinic open. \
            The letter, signed by 40 doctors and nurses, said the closure would leave \
            thousands without care. The Halden Health Board issued a statement saying no \
            decision had been made. Mayor Ruth Aldane issued a statement on Monday saying the \
            town would fight the plan.";
        let (name, _) = source_of(text, "leave thousands without care");
        assert!(
            name.as_deref().is_some_and(|n| n.contains("doctors")),
            "{name:?}"
        );
        let (name, kind) = source_of(text, "no decision had been made");
        assert!(
            name.as_deref()
                .is_some_and(|n| n.contains("Halden Health Board")),
            "{name:?}"
        );
        assert_eq!(kind, newsprobe_core::SourceType::Named);
        let (name, _) = source_of(text, "the town would fight the plan");
        assert_eq!(name.as_deref(), Some("Ruth Aldane"));
    }

    #[test]
    fn an_attribution_closing_the_sentence_reports_the_whole_of_it() {
        // The client's request is inside the lawyer's statement, not a clause running on
        // past her attribution.
        let r = reported(
            "The tenant, who wants to stay anonymous, has asked that the footage not be aired, \
             Okafor said in an interview with the Herald.",
        );
        assert!(
            r.iter().any(|(c, _)| c
                == "The tenant, who wants to stay anonymous, has asked that the footage not be aired"),
            "{r:?}"
        );
        assert!(r.iter().all(|(c, _)| !c.contains("Okafor said")), "{r:?}");
    }
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
    fn a_scene_setting_opener_is_not_what_was_said() {
        let r = reported("At the county fair on Saturday, the council leader called the volunteers to the stage.");
        assert!(
            !r.iter().any(|(c, _)| c.starts_with("At the county")),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("the volunteers") && s == "the council leader"),
            "{r:?}"
        );
        let r = reported(
            "On Tuesday, however, the governor spoke to a meeting of dairy farmers in Lowell.",
        );
        assert!(!r.iter().any(|(c, _)| c.starts_with("On Tuesday")), "{r:?}");
        let r = reported(
            "Hours after the vote in Albany, the senator praised the union for its patience.",
        );
        assert!(
            !r.iter().any(|(c, _)| c.starts_with("Hours after")),
            "{r:?}"
        );
        // A clause after the opener's comma still is.
        let r = reported("In the end, the bridge will cost twice the estimate, the engineer said.");
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("In the end, the bridge") && s == "the engineer"),
            "{r:?}"
        );
    }

    #[test]
    fn a_that_ending_the_clause_is_no_complementizer() {
        let r = reported("Analysts in Seoul said the new launch could change that.");
        assert!(
            r.iter()
                .any(|(c, _)| c == "the new launch could change that"),
            "{r:?}"
        );
        // "that" before a quotation still opens the clause.
        let r = reported(
            "The audit also points out that “the fines are so small” that firms ignore them.",
        );
        assert!(
            r.iter().any(|(c, _)| c.starts_with("that “the fines")),
            "{r:?}"
        );
    }

    #[test]
    fn a_passive_cue_reports_nothing_after_it() {
        let r =
            reported("Flood insurance has barely been mentioned in this year's race for mayor.");
        assert!(r.is_empty(), "{r:?}");
        // The impersonal passive with "that" still does.
        let r = reported("It was reported that the plant will close in March.");
        assert!(
            r.iter().any(|(c, _)| c.starts_with("that the plant")),
            "{r:?}"
        );
    }

    #[test]
    fn participles_after_and_or_a_noun() {
        let r = reported(
            "The two mayors defended their budgets and saying the other had wasted the surplus.",
        );
        assert!(
            r.iter()
                .any(|(c, s)| c == "the other had wasted the surplus" && s.ends_with("two mayors")),
            "{r:?}"
        );
        let r =
            reported("The hospital issued a statement claiming that no patient had been harmed.");
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("that no patient") && s == "a statement"),
            "{r:?}"
        );
        // Not after a preposition: whose words they were is not read here.
        let r = reported("He was fined for saying that the referee was paid.");
        assert!(
            !r.iter().any(|(c, _)| c.starts_with("that the referee")),
            "{r:?}"
        );
    }

    #[test]
    fn a_subject_with_a_long_modifier_says() {
        let r = reported(
            "In the mayor’s favor, all the engineers I interviewed said her plan was more detailed than his.",
        );
        assert!(
            r.iter().any(
                |(c, s)| c == "her plan was more detailed than his" && s == "all the engineers"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn the_writers_own_asides_are_no_reported_speech() {
        for text in [
            "It's worth noting that few bakeries in the county still mill their own flour.",
            "Cleaning and maintaining your bicycle chain keeps the gears quiet for years.",
            "You honestly can't tell unless the two phones sit side by side.",
            "I'm very happy to say that the garden club has found a new home.",
            "The council struggled to contend with the hundreds of residents who came to the meeting.",
            "After the war, Mills wrote, and wrote, and wrote.",
        ] {
            let r = reported(text);
            assert!(r.is_empty(), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_verb_carrying_the_cue_gives_its_subject() {
        let r = reported(
            "The senator appeared to suggest that rural clinics could close within a year.",
        );
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("that rural clinics") && s == "The senator"),
            "{r:?}"
        );
        let r = reported("The coach continues to insist he never saw the memo.");
        assert!(
            r.iter()
                .any(|(c, s)| c == "he never saw the memo" && s == "The coach"),
            "{r:?}"
        );
        let r = reported("The mayor declined to say whether the pool would reopen.");
        // (The refusal is "declined"'s, as for "declined to comment"; "say" reports nothing.)
        assert!(!r.iter().any(|(c, _)| c.starts_with("whether")), "{r:?}");
        let r = reported("Several surveys appear to back up that suspicion.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn questioned_with_a_wh_clause_is_a_question() {
        let r =
            reported("The mayor questioned whether the county had the money to finish the road.");
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("whether the county") && s == "The mayor"),
            "{r:?}"
        );
        let r = reported("Critics questioned the wisdom of what the board approved.");
        assert!(
            !r.iter().any(|(c, _)| c.starts_with("what the board")),
            "{r:?}"
        );
    }

    #[test]
    fn progressive_cues_and_pronoun_subjects() {
        let r = reported("She’s insisting that the bridge will open in May, despite the delays.");
        assert!(
            r.iter()
                // The tokenizer keeps "She’s" as one word; the mention is written so.
                .any(|(c, s)| c.starts_with("that the bridge") && s == "She’s"),
            "{r:?}"
        );
        let r = reported("The mayor is describing the budget as balanced. It’s denouncing what it calls a smear.");
        assert!(r.iter().any(|(_, s)| s == "The mayor"), "{r:?}");
        assert!(r.iter().any(|(_, s)| s == "It’s"), "{r:?}");
    }

    #[test]
    fn a_quotation_ending_a_sentence_ends_the_reported_clause() {
        let r = reported("Lopez says the new water plan for the valley is “a disaster for farmers.” She says it proves that the agency is “out of touch.”");
        assert!(
            r.iter()
                .any(|(c, s)| s == "Lopez" && c.ends_with("farmers.”")),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|(c, s)| s == "She" && c.contains("the agency")),
            "{r:?}"
        );
    }

    #[test]
    fn a_clause_opening_with_a_quotation() {
        let r = reported("The mayor did not give a figure, though she said “modest savings” and new parking fees would pay for it.");
        assert!(
            r.iter()
                .any(|(c, s)| c.starts_with("“modest savings” and new parking") && s == "she"),
            "{r:?}"
        );
    }

    #[test]
    fn a_participial_phrase_is_not_evidence() {
        let r = reported("In offering analysis of the mayoral race, veteran pollster Ana Ruiz told listeners on Friday that turnout would be low.");
        assert!(r.iter().all(|(_, s)| !s.starts_with("offering")), "{r:?}");
        assert!(r.iter().any(|(_, s)| s.ends_with("Ana Ruiz")), "{r:?}");
    }

    #[test]
    fn a_relative_clause_ends_before_the_main_verb() {
        let r = reported("Ortega, who phoned Diaz shortly after the count was known, told the crowd, “We go on.”");
        assert!(
            r.iter().all(|(c, _)| !c.contains("told the crowd")),
            "{r:?}"
        );
    }

    #[test]
    fn a_cue_in_an_opening_subordinate_clause_stops_at_the_main_clause() {
        let r = reported("While he acknowledged funding was a major reason he felt demoralized, Ham also noted several “intangibles” left him disillusioned.");
        assert!(
            r.iter()
                .any(|(c, s)| s == "he" && c == "funding was a major reason he felt demoralized"),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|(c, s)| s == "Ham" && c.starts_with("several “intangibles”")),
            "{r:?}"
        );
        let r = reported("When rebels are described as part of the second front of the war, Ortega and Diaz call them “lone wolves” in their speeches.");
        assert!(r.iter().all(|(c, _)| !c.contains("Ortega")), "{r:?}");
    }

    #[test]
    fn relative_pronoun_speakers_are_written_as_the_pronoun() {
        let r = reported(
            "The Harbor Authority which reported that 40 ships were delayed has since apologized.",
        );
        assert!(r.iter().any(|(_, s)| s == "which"), "{r:?}");
        let r = reported("It was a blow for Mayor Ruiz, who said that the port would recover.");
        assert!(r.iter().any(|(_, s)| s == "who"), "{r:?}");
    }

    #[test]
    fn evidence_shows_without_that() {
        let r = reported(
            "The latest county poll showed the mayor trailing her challenger by six points.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "the mayor trailing her challenger by six points");
        assert!(r[0].1.ends_with("poll"), "{r:?}");
        let r = reported("New data released Monday showed the deficit shrinking for a third year.");
        assert_eq!(r[0].1, "New data", "{r:?}");
        let r = reported("Results came in late, with exit polls showing the incumbent well ahead.");
        assert_eq!(r[0].1, "exit polls", "{r:?}");
        // A person who "showed" something is not reporting it.
        assert!(reported("The chef showed the guests the new kitchen.").is_empty());
    }

    #[test]
    fn parenthetical_attribution_and_poll_openers() {
        let r = reported("In the end, the economist said, rural voters will decide the race.");
        assert_eq!(r[0].0, "rural voters will decide the race");
        assert_eq!(r[0].1, "the economist");
        let r = reported("In a new statewide survey, the governor leads her rival by nine points.");
        assert_eq!(r[0].0, "the governor leads her rival by nine points");
        assert!(r[0].1.ends_with("survey"), "{r:?}");
        let r = reported("The senator holds a narrow lead in the latest Marist poll.");
        assert_eq!(r[0].0, "The senator holds a narrow lead");
    }

    #[test]
    fn shares_relatives_and_long_appositives() {
        let r = reported("Meanwhile, 47% say the city should hire more teachers.");
        assert_eq!(r[0].1, "47%");
        // The relative pronoun is the mention as written; it resolves to "the voters".
        let r = reported("She leads among the voters who say housing is the top issue.");
        assert_eq!(r[0].1, "who");
        assert_eq!(r[0].0, "housing is the top issue");
        let r = reported(
            "Okafor — who runs a bakery but doesn’t sell online — told me sales had doubled.",
        );
        assert_eq!(r[0].1, "Okafor");
        let r = reported(
            "Senator Ana Ruiz, the No. 2 Democrat in the chamber, said the vote would slip.",
        );
        assert_eq!(r[0].1, "Senator Ana Ruiz");
        let r = reported(
            "The bank's office, when contacted by reporters, said the branch would stay open.",
        );
        assert_eq!(r[0].1, "The bank's office");
    }

    #[test]
    fn statement_going_on_after_a_parenthetical_attribution() {
        let r = reported("The city finished laying new fiber under the harbour, she said, to make sure visitors can stream the games.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "she");
        assert!(
            r[0].0.starts_with("The city finished") && r[0].0.ends_with("stream the games"),
            "{r:?}"
        );
    }

    #[test]
    fn reportedly_is_an_unattributed_report() {
        let r =
            reported("The museum reportedly sold two paintings to a private collector last year.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "");
        // With a cue the speaker is the subject.
        let r = reported("The mayor reportedly said the museum would close.");
        assert_eq!(r[0].1, "The mayor");
        // With its source at the end, the report is that source's, once.
        let r = reported(
            "Paramedics are reportedly taking the patient to a hospital in Plano, the \
             Morning Star reported.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "the Morning Star");
        let r = reported(
            "The band reportedly cancelled two dates in Ohio, said the Daily Ledger on \
             Monday.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn nominal_attributions() {
        let r = reported("The mayor's claim that the bridge is safe drew jeers from engineers.");
        assert_eq!(r[0].0, "that the bridge is safe drew jeers from engineers");
        assert_eq!(r[0].1, "The mayor");
        let r = reported("Okonkwo repeated the warning that the levee could fail.");
        assert!(
            r.iter().any(|x| x.0 == "that the levee could fail"),
            "{r:?}"
        );
        let r = reported("There is a rumor that the plant will close.");
        assert_eq!(r[0].1, "", "{r:?}");
    }

    #[test]
    fn particle_objects() {
        let r = reported("The union called for an independent inquiry into the crash.");
        assert_eq!(r[0].0, "an independent inquiry into the crash");
        assert_eq!(r[0].1, "The union");
        let r = reported("The minister declined to say whether the plant would close.");
        assert_eq!(r[0].0, "to say whether the plant would close");
        let r = reported("She talked about her years on the farm.");
        assert_eq!(r[0].0, "her years on the farm");
        // Without the particle these verbs attribute nothing.
        let r = reported("The two sides agreed to meet again in the spring.");
        assert_eq!(r[0].0, "to meet again in the spring");
        assert!(reported("He talked for an hour.").is_empty());
        assert!(reported("The team declined sharply in the second half.").is_empty());
    }

    #[test]
    fn a_refusal_to_act_is_no_statement() {
        // Written for the project: a refusal to do something reports nothing said.
        assert!(reported("The old sandwich in the glass case refused to rot.").is_empty());
        // A person's refusal to act stays (PolNeAR counts it).
        assert!(!reported("The senator refused to release his tax records.").is_empty());
        // A refusal to speak stays the speaker's.
        let r = reported("The coach refused to comment on the trade rumours.");
        assert!(r.iter().any(|(c, _)| c.starts_with("to comment")), "{r:?}");
        let r = reported("The minister declined to say whether the plant would close.");
        assert_eq!(r[0].0, "to say whether the plant would close");
    }

    #[test]
    fn a_pronoun_clause_before_a_later_that_is_what_was_said() {
        let r = reported("The ferry captain said she had never seen water that high.");
        assert!(
            r.contains(&(
                "she had never seen water that high".into(),
                "The ferry captain".into()
            )),
            "{r:?}"
        );
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
    fn a_second_attribution_or_an_attributed_quotation_ends_the_clause() {
        // A coordinated clause with its own speaker and verb of saying.
        let got = reported(
            "Dana Okafor, the county fire chief, said that the drone footage did not give \
             \"a clear picture of the fire line,\" but she said that the crews \"know what \
             they saw\" on the ridge.",
        );
        assert_eq!(
            got[0],
            (
                "that the drone footage did not give \"a clear picture of the fire line,\"".into(),
                "Dana Okafor".into()
            )
        );
        assert!(got.contains(&(
            "that the crews \"know what they saw\" on the ridge".into(),
            "she".into()
        )));
        // A quotation after a colon that has its own attribution is not this clause's.
        let got = reported(
            "The letter described the harm it said the closure would do to the valley: \
             “Forty families lose their only clinic,” the nurses wrote.",
        );
        assert!(
            got.iter().all(|(c, _)| !c.contains("Forty families")),
            "{got:?}"
        );
        // A coordinated passive is no second attribution.
        assert_eq!(
            reported(
                "Okafor said that the ballad was her favourite, and it was written by her aunt."
            ),
            vec![(
                "that the ballad was her favourite, and it was written by her aunt".into(),
                "Okafor".into()
            )]
        );
        // Without a coordinated speaker the clause runs on.
        assert_eq!(
            reported(
                "The mayor said that the bridge would close, and the ferry would run instead."
            ),
            vec![(
                "that the bridge would close, and the ferry would run instead".into(),
                "The mayor".into()
            )]
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
