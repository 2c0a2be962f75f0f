//! Binding: a subject "he" or "she" is never a person the article names after it in its own
//! clause ("He tells Josh he's just trying to eat", "“Oh no way,” he says as Josh pulls out
//! the bills": he is not Josh). The entity stage's coreference does not know this; the
//! resolver asks [`named_after_in_sentence`] which people a pronoun cannot mean and, where the
//! entity stage joined it to one of them, takes [`unbound_antecedent`] instead (fnc1-pool-3,
//! session 16).
//!
//! Nor is the "he" of an attribution a person its own statement names ("No shots were fired
//! when Orozco was taken into custody, he added": he is the sergeant named before, not
//! Orozco; "He said Orozco had no gun"): [`named_in_own_content`] (session 22; the wrong-name
//! class "pronoun resolved to the most recent name", ecbplus).

use newsprobe_core::{Entity, EntityType, Span, SpanIndex};

use crate::lexicon;
use crate::resolve;
use crate::speaker::{Ctx, Mention};

/// The sentence of `m` when it is a lone subject pronoun "he" or "she" in the body text (the
/// mentions both checks below read); `None` otherwise.
fn subject_pronoun_sentence(ctx: &Ctx<'_>, m: &Mention) -> Option<usize> {
    if m.first != m.last
        || !matches!(ctx.word(m.last), "he" | "she")
        || m.span.field != newsprobe_core::Field::Text
    {
        return None;
    }
    ctx.doc.sentence_at(m.span.start)
}

/// "He tells Josh he's just trying …", "“…,” he says as Josh pulls five $20 bills from
/// his wallet": a subject "he" or "she" is never a person the article names after it in
/// the same sentence, outside quotations (a name the pronoun precedes and governs is
/// someone else). The person entities so named, by id and name.
pub(crate) fn named_after_in_sentence<'a>(
    ctx: &Ctx<'a>,
    m: &Mention,
    quotes: &SpanIndex,
) -> Vec<(&'a str, &'a str)> {
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let Some(s) = subject_pronoun_sentence(ctx, m) else {
        return Vec::new();
    };
    // (Only the pronoun's own clause, up to ten words on: "Though she called …,
    // Clinton restricted …" — a pronoun in a clause before the name's may be that name —
    // and a sentence the splitter ran on past a quotation are not read.)
    let sentence_end = doc.sentences[s].span.end;
    if sentence_end <= m.span.end {
        return Vec::new();
    }
    let mut end = m.span.end;
    for k in m.last + 1..ctx.len().min(m.last + 11) {
        let sp = ctx.span(k);
        if sp.end > sentence_end
            || matches!(
                ctx.doc.span_text(&sp),
                "," | ";" | ":" | "." | "?" | "!" | "“" | "”" | "\"" | "(" | "—" | "–"
            )
        {
            break;
        }
        end = sp.end;
    }
    if end <= m.span.end {
        return Vec::new();
    }
    let ms = ctx.entity_mentions();
    let mut out: Vec<(&'a str, &'a str)> = Vec::new();
    for i in ms.index.within(Span::text(m.span.end, end)) {
        let sp = ms.span[i];
        let e = &doc.entities[ms.entity[i]];
        let t = doc.span_text(&sp);
        if e.kind == EntityType::Person
            && sp.field == newsprobe_core::Field::Text
            && t.chars().next().is_some_and(char::is_uppercase)
            && lexicon::pronoun_any_case(t).is_none()
            && quotes.containing(sp).next().is_none()
            && !out.iter().any(|(id, _)| *id == e.id)
        {
            out.push((e.id.as_str(), e.name.as_str()));
        }
    }
    out
}

/// "No shots were fired when Orozco was taken into custody, he added": the subject "he" or
/// "she" of an attribution after its statement is never a person that reported statement
/// (`content`, before the pronoun) names in the pronoun's sentence, other than as a possessor (the statement is the complement of the pronoun's verb: the name it
/// holds is someone else). The person entities so named by name, by id and name; none where
/// the pronoun stands inside the content or is no subject pronoun, and none for a quotation
/// in marks (`quotes`: a speaker may name anyone in his own words). A name that speaks
/// through a cue of its own inside the content ("…, Mr. Ruiz said that he …, he wrote") is
/// left alone: the content ran on over another attribution.
pub(crate) fn named_in_own_content<'a>(
    ctx: &Ctx<'a>,
    m: &Mention,
    content: Span,
    quotes: &SpanIndex,
) -> Vec<(&'a str, &'a str)> {
    let doc: &'a newsprobe_core::Document = ctx.doc;
    if content.field != m.span.field
        || content.end > m.span.start
        || quotes.overlapping(content).next().is_some()
    {
        return Vec::new();
    }
    let Some(s) = subject_pronoun_sentence(ctx, m) else {
        return Vec::new();
    };
    let sentence = doc.sentences[s].span;
    let ms = ctx.entity_mentions();
    let mut out: Vec<(&'a str, &'a str)> = Vec::new();
    for i in ms.index.within(content) {
        let sp = ms.span[i];
        let e = &doc.entities[ms.entity[i]];
        let t = doc.span_text(&sp);
        // ("He notes that … there was an issue with Trump’s microphone": a possessor is often
        // the speaker named again for clarity.)
        let possessive = doc
            .text
            .get(sp.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("’s"));
        let speaks = || {
            let k = ctx.token_at_or_after(sp.end);
            let before = ctx.token_at_or_after(sp.start);
            (k < ctx.len() && ctx.verb_cue(k).is_some())
                || (before > 0 && ctx.verb_cue(before - 1).is_some())
        };
        // (By name only: the statement's own "he" may well be its speaker, "he said he was".)
        if e.kind == EntityType::Person
            && sentence.contains(&sp)
            && !possessive
            && !speaks()
            && t.chars().next().is_some_and(char::is_uppercase)
            && lexicon::pronoun_any_case(t).is_none()
            && !matches!(t, "His" | "Her" | "Him" | "Hers")
            && !out.iter().any(|(id, _)| *id == e.id)
        {
            out.push((e.id.as_str(), e.name.as_str()));
        }
    }
    out
}

/// The person a bound "he" or "she" means instead of the one the entity stage joined it
/// to: the person named last (by name, in the article's own words) in the pronoun's
/// sentence or the three before it, who is not bound and may be that pronoun.
pub(crate) fn unbound_antecedent<'a>(
    ctx: &Ctx<'a>,
    m: &Mention,
    quotes: &SpanIndex,
    bound: &[(&str, &str)],
) -> Option<&'a Entity> {
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let s = doc.sentence_at(m.span.start)?;
    let from = doc.sentences[s.saturating_sub(3)].span.start;
    let ms = ctx.entity_mentions();
    let mut best: Option<(usize, &'a Entity)> = None;
    for i in ms.index.within(Span::text(from, m.span.start)) {
        let sp = ms.span[i];
        let e = &doc.entities[ms.entity[i]];
        let t = doc.span_text(&sp);
        if e.kind != EntityType::Person
            || sp.field != newsprobe_core::Field::Text
            || !t.chars().next().is_some_and(char::is_uppercase)
            || lexicon::pronoun_any_case(t).is_some()
            || quotes.containing(sp).next().is_some()
            || bound.iter().any(|(b, n)| *b == e.id || *n == e.name)
            || resolve::names_nobody(ctx, e)
            || !resolve::pronoun_may_be(ctx, m, e)
        {
            continue;
        }
        if best.is_none_or(|(at, _)| sp.start > at) {
            best = Some((sp.start, e));
        }
    }
    best.map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    /// "He tells Daniel …" and "“…,” he says as Daniel hands him …": "he" is the other man,
    /// the one named before, not Daniel.
    #[test]
    fn he_is_not_the_man_named_after_him_in_his_clause() {
        let text = "Filmmaker Daniel Okafor meets an old man named Walter sitting outside the \
                    bus station. He tells Daniel he has been waiting for a bus since noon. \
                    \u{201c}Oh my, you did not have to do that,\u{201d} he says as Daniel hands \
                    him a sandwich.";
        let (name, _) = source_of(text, "waiting for a bus since noon");
        assert_eq!(name.as_deref(), Some("Walter"));
        let (name, _) = source_of(text, "you did not have to do that");
        assert_eq!(name.as_deref(), Some("Walter"));
    }

    /// "…, he added" after a statement that names another man: "he" is the sergeant named
    /// before, not the man the statement is about; "He said Dunmore …" likewise.
    #[test]
    fn he_is_not_the_man_his_own_statement_names() {
        let text = "A suspect has been arrested in the killing of a county deputy, officials \
                    said today. Martin Alvarez was arrested just before midnight near the scene \
                    of the shooting, county sheriff's Sgt. Paul Edmonds said. No shots were \
                    fired when Alvarez was taken into custody, he added.";
        let (name, _) = source_of(text, "No shots were fired");
        assert_eq!(name.as_deref(), Some("Paul Edmonds"));
    }

    /// A statement that names nobody leaves the pronoun as it was: "he said he would appeal"
    /// is the man named before.
    #[test]
    fn a_statement_naming_nobody_binds_nothing() {
        let text = "Harold Finch was sentenced to four years on Monday. He said he would appeal \
                    the ruling.";
        let (name, _) = source_of(text, "he would appeal");
        assert_eq!(name.as_deref(), Some("Harold Finch"));
    }

    /// A pronoun in a clause before the name's may be that name: "Though she called the bill
    /// “reckless,” Lopez voted for it" is Lopez's word.
    #[test]
    fn a_pronoun_before_the_clause_of_the_name_may_be_it() {
        let text = "Senator Maria Lopez spoke in Denver on Tuesday. Though she called the bill \
                    \u{201c}reckless,\u{201d} Lopez voted for it in the end.";
        let (name, _) = source_of(text, "reckless");
        assert_eq!(name.as_deref(), Some("Maria Lopez"));
    }
}
