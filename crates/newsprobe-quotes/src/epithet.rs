//! A definite epithet of the one person the sentence before names (issue 11, session 27).
//!
//! "Marco Rubio is launching his campaign in Florida. The Florida senator is telling reporters
//! that …", "John Kasich said Saturday that … The Ohio governor said …": news goes on from a
//! name to a description of the same person ("the Florida senator", "the billionaire
//! businessman", "the presumptive Republican nominee") without ever writing the role beside the
//! name, which [`crate::role_held::role_of_named_person`] and [`crate::role_link`] read. The
//! source is the person the article names, `named` by the contract ("however the quote refers
//! to them"), though the resolver shows no name. Read on PolNeAR train, where such epithets of
//! candidates were typed `unnamed`; the reviewed sample's conventions type them `named`.
//!
//! Only where it is safe to read so: "the" + at most five words headed by a lower-case singular
//! role or occupation noun that is no relation, bystander or spokesperson of someone else
//! ([`crate::protagonist_role::OTHERS`]: "the spokesman", "the witness" are other people the
//! story meets; nor an interviewer's, "the moderator", "the host"); no possessive and no
//! person's name inside it; no person named in its own sentence before it; and the nearest
//! sentence before it that names a person (at most two back) names exactly one, whose given
//! name's gender does not contradict a gendered role ("the actress"). Only the type changes:
//! no name is shown.

use newsprobe_core::Span;
use newsprobe_entities::gazetteer::{Gender, GAZETTEER};

use crate::speaker::{Ctx, Mention};

/// Words of the description after its determiner.
const MAX_WORDS: usize = 5;

/// Sentences before the description's searched for the person it describes.
const SENTENCES_BACK: usize = 2;

/// Roles of the other side of an interview or debate ("the moderator said", "the host said"
/// after a sentence naming the candidate they questioned).
const INTERVIEWERS: &[&str] = &[
    "moderator",
    "host",
    "interviewer",
    "questioner",
    "reporter",
    "journalist",
    "correspondent",
];

/// Whether `m`, a definite singular role description the resolver left without a name, is an
/// epithet of the one person named just before it.
pub fn describes_person_before(ctx: &Ctx, m: &Mention) -> bool {
    if !is_epithet(ctx, m) {
        return false;
    }
    let doc = ctx.doc;
    let Some(own) = doc.sentence_at(m.span.start) else {
        return false;
    };
    // (No person named in its own sentence before it: "Mr. Trump took on Hillary Clinton after
    // the Democratic front-runner had said": either may be meant.)
    let own_before = Span::text(doc.sentences[own].span.start, m.span.start);
    if !persons_named(ctx, own_before).is_empty() {
        return false;
    }
    for back in 1..=SENTENCES_BACK {
        let Some(s) = own.checked_sub(back) else {
            return false;
        };
        let persons = persons_named(ctx, doc.sentences[s].span);
        match persons.as_slice() {
            [] => continue,
            [p] => return !gender_conflict(ctx, m, *p),
            _ => return false,
        }
    }
    false
}

/// "the Florida senator", "The presumptive Republican presidential nominee", "the billionaire
/// businessman": "the" and up to [`MAX_WORDS`] words, no possessive, no other determiner and no
/// person's name, headed by a lower-case singular role or occupation noun of someone the story
/// may be about.
fn is_epithet(ctx: &Ctx, m: &Mention) -> bool {
    if m.first >= m.last || m.last >= ctx.len() || m.last > m.first + MAX_WORDS {
        return false;
    }
    if ctx.word(m.first) != "the" {
        return false;
    }
    if !crate::protagonist_role::is_singular_role_head(ctx, m.last, INTERVIEWERS) {
        return false;
    }
    // (Any word of someone else's role: "The attorney general", "the prime minister's
    // spokesman".)
    !(m.first + 1..=m.last).any(|k| crate::protagonist_role::OTHERS.contains(&ctx.word(k)))
        && !(m.first + 1..m.last).any(|k| {
            !ctx.is_word(k)
                || ctx.is_determiner(k)
                || ctx.is_pronoun(k)
                || crate::protagonist_role::owner_or_name(ctx, k)
        })
}

/// The distinct person entities (with a name, not a description) named in `span`: mentions
/// written with a capital that is no pronoun.
fn persons_named(ctx: &Ctx, span: Span) -> Vec<usize> {
    let ms = ctx.entity_mentions();
    let mut out: Vec<usize> = Vec::new();
    for i in ms.index.overlapping(span) {
        let e = ms.entity[i];
        if !crate::role_held::named_person(&ctx.doc.entities[e]) || out.contains(&e) {
            continue;
        }
        let written = ctx.doc.span_text(&ms.span[i]);
        let first = written.split_whitespace().next().unwrap_or("");
        if first.chars().next().is_some_and(char::is_uppercase)
            && crate::lexicon::pronoun(&first.to_lowercase()).is_none()
        {
            out.push(e);
        }
    }
    out
}

/// A gendered role ("the actress", "the businessman") and a person whose given name is of the
/// other gender.
fn gender_conflict(ctx: &Ctx, m: &Mention, person: usize) -> bool {
    let role = GAZETTEER.gender_of_word(ctx.word(m.last));
    if role == Gender::Unknown {
        return false;
    }
    let name = &ctx.doc.entities[person].name;
    let given = GAZETTEER.gender_of_word(name.split_whitespace().next().unwrap_or(""));
    given != Gender::Unknown && given != role
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// A name, then "The Ohio governor said" in the next sentence: `named`, no name shown.
    #[test]
    fn an_epithet_of_the_person_just_named_is_named() {
        let text = "Voters in Ohio go to the polls on Tuesday.\n\n\
            John Kasich spent Saturday at a diner in Columbus with local farmers.\n\n\
            The Ohio governor said the state needed new roads and better schools.";
        let (_, kind) = source_of(text, "the state needed new roads");
        assert_eq!(kind, SourceType::Named);
    }

    /// Two people named just before, a person named before it in its own sentence, or a
    /// bystander's role ("the witness"): the epithet stays `unnamed`.
    #[test]
    fn two_people_or_a_bystander_stay_unnamed() {
        let text = "Voters in Ohio go to the polls on Tuesday.\n\n\
            John Kasich spent Saturday at a diner in Columbus with Mary Porter.\n\n\
            The Ohio governor said the state needed new roads and better schools.";
        let (_, kind) = source_of(text, "the state needed new roads");
        assert_eq!(kind, SourceType::Unnamed);
        let text = "Voters in Ohio go to the polls on Tuesday.\n\n\
            John Kasich spent Saturday at a diner in Columbus with local farmers.\n\n\
            The witness said the state needed new roads and better schools.";
        let (_, kind) = source_of(text, "the state needed new roads");
        assert_eq!(kind, SourceType::Unnamed);
        let text = "Voters in Ohio go to the polls on Tuesday.\n\n\
            John Kasich spent Saturday at a diner in Columbus with local farmers.\n\n\
            The moderator said the state needed new roads and better schools.";
        let (_, kind) = source_of(text, "the state needed new roads");
        assert_eq!(kind, SourceType::Unnamed);
    }
}
