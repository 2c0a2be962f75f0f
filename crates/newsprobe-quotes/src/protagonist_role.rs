//! A definite role description of the person an article is about (issue 11, session 24).
//!
//! "Brian Williams took a moment during Monday's edition of NBC Nightly News … As the anchor
//! said, …", "JJ Abrams is considering releasing … the director is losing patience", "… a
//! document written by the Roman historian Marcus Velleius Paterculus … The author describes":
//! a news story names its protagonist in its first sentence and goes on with a description of
//! their occupation, never writing the role word beside the name (which
//! [`crate::role_held::role_of_named_person`] reads). The source is the named protagonist, so
//! `named` by the contract ("however the quote refers to them"), though the resolver shows no
//! name. Read on the tuned-on groups of the reviewed sample and session 21's judged pick of 60
//! tuning-pool bodies (`scripts/junk_speakers/s21_judged.tsv`: "the anchor", "the director",
//! "The Apple chief", "the Seattle-born rapper", "The author", "the artist" typed `unnamed`).
//!
//! Only where it is safe to read so: the description is "the" + at most three words, headed by
//! a lower-case singular occupation or role noun that is no relation, bystander or spokesperson
//! of someone else ("the friend", "the witness", "the spokesman", "the lawyer" are other people
//! the story meets); the article's first sentence names exactly one person, the first person it
//! names; and no anonymity cue stands by. Only the type changes: no name is shown.

use newsprobe_core::EntityType;

use crate::speaker::{Ctx, Mention};

/// Role words for people other than the protagonist: relations, bystanders, representatives,
/// officials and the people of a case (and kin), never read back to the article's subject.
pub(crate) const OTHERS: &[&str] = &[
    "friend",
    "witness",
    "eyewitness",
    "suspect",
    "victim",
    "neighbor",
    "neighbour",
    "resident",
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "teenager",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "relative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "rep",
    "official",
    "source",
    "aide",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "agent",
    "publicist",
    "doctor",
    "nurse",
    "officer",
    "detective",
    "investigator",
    "prosecutor",
    "judge",
    "police",
    "customer",
    "passenger",
    "driver",
    "owner",
    "employee",
    "worker",
    "student",
    "teacher",
    "boss",
    "manager",
    "landlord",
    "tenant",
    "partner",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "nun",
    "priest",
    "person",
    "individual",
    "guest",
    "visitor",
    "user",
    "reader",
    "viewer",
    "fan",
    "caller",
    "survivor",
    "patient",
    "colleague",
    "insider",
    "observer",
    "expert",
    "critic",
];

/// Whether word `k`, inside a role description, is a possessive owner ("the Harbour Gazette's
/// editor") or part of a named person's mention (shared with `epithet.rs`).
pub(crate) fn owner_or_name(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.doc.span_text(&ctx.span(k));
    let ms = ctx.entity_mentions();
    w.ends_with("'s")
        || w.ends_with("’s")
        || matches!(ctx.word(k + 1), "'s" | "’s")
        || ms
            .index
            .overlapping(ctx.span(k))
            .any(|i| crate::role_held::named_person(&ctx.doc.entities[ms.entity[i]]))
}

/// Whether word `k` heads a singular role description: a lower-case singular role or occupation
/// noun ("governor", "businessman"), not one of `refused` (shared with `epithet.rs`).
pub(crate) fn is_singular_role_head(ctx: &Ctx, k: usize, refused: &[&str]) -> bool {
    let head = ctx.word(k);
    ctx.is_word(k)
        && !ctx.is_capitalized(k)
        && (!head.ends_with('s') || head.ends_with("ss"))
        && !refused.contains(&head)
        && (ctx.is_role_noun(k) || newsprobe_entities::occupations::is_occupation(head))
}

/// Whether `m`, a definite singular role description the resolver left without a name, is the
/// article's protagonist named in its first sentence.
pub fn describes_protagonist(ctx: &Ctx, m: &Mention) -> bool {
    if m.first >= m.last || m.last >= ctx.len() || m.last > m.first + 3 {
        return false;
    }
    if !matches!(ctx.word(m.first), "the" | "this") {
        return false;
    }
    if !is_singular_role_head(ctx, m.last, OTHERS) {
        return false;
    }
    // (No name of its own, no possessive owner: "the Harbour Gazette's editor" is someone the
    // owner employs; a capitalised modifier, "The Apple chief", is no name of the holder.)
    if (m.first + 1..m.last).any(|k| owner_or_name(ctx, k)) {
        return false;
    }
    let Some(first) = ctx.doc.sentences.first().map(|s| s.span) else {
        return false;
    };
    if m.span.start < first.end {
        return false;
    }
    // The persons named in the first sentence: exactly one, and no person named before it.
    let ms = ctx.entity_mentions();
    let mut persons = ms
        .index
        .overlapping(first)
        // (A description the entity stage made a person, "the mayor", is someone too: two
        // people in the first sentence leave the protagonist unsure.)
        .filter(|&i| ctx.doc.entities[ms.entity[i]].kind == EntityType::Person)
        .map(|i| ms.entity[i]);
    let Some(p) = persons.next() else {
        return false;
    };
    persons.all(|o| o == p)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// The protagonist named in the first sentence, then "the anchor said": `named`.
    #[test]
    fn a_role_of_the_protagonist_is_named() {
        let text = "Marta Holmqvist opened Tuesday's evening news on Nordic One with an apology \
            to viewers in the north.\n\n\
            The broadcast had shown the wrong flood maps for an hour on Monday night.\n\n\
            The anchor said the maps had come from an old file and would be checked in future.";
        let (name, kind) = source_of(text, "the maps had come from an old file");
        assert_eq!(name.as_deref().filter(|n| n.contains("Holmqvist")), None);
        assert_eq!(kind, SourceType::Named);
    }

    /// Someone else the story meets ("the spokesman", "the witness") stays `unnamed`; so does
    /// a role in an article whose first sentence names two people.
    #[test]
    fn others_and_two_protagonists_stay_unnamed() {
        let text = "Marta Holmqvist opened Tuesday's evening news on Nordic One with an apology \
            to viewers in the north.\n\n\
            The spokesman said the maps had come from an old file.";
        let (_, kind) = source_of(text, "the maps had come from an old file");
        assert_eq!(kind, SourceType::Unnamed);
        let text = "Marta Holmqvist and Jonas Berg opened Tuesday's evening news on Nordic One \
            with an apology to viewers in the north.\n\n\
            The anchor said the maps had come from an old file.";
        let (_, kind) = source_of(text, "the maps had come from an old file");
        assert_eq!(kind, SourceType::Unnamed);
    }
}
