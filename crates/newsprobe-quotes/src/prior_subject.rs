//! Whether a "he" or "she" speaker names the person who is the subject of the sentence before
//! it (session 26, issue 11): an evidence part of the speaker's confidence
//! ([`crate::evidence`]).
//!
//! "But Orbán remains committed to his policy, claiming that Soros … are losing the fight. He
//! said: “…”": the pronoun was read to Soros, named last, while the sentence before is
//! Orbán's; "Branch contradicted Penkoski, claiming: “…” He said that …" read to Penkoski.
//! A pronoun subject mostly goes on with the subject before it, so a pronoun whose name is
//! another person than that subject is less often right:
//! - `ps-same`: the sentence before opens with a mention of the name's own entity;
//! - `ps-other`: it opens with a mention of another person;
//! - nothing where the mention is no "he" or "she", or the sentence before opens with no
//!   person's mention.

use newsprobe_core::EntityType;

use crate::speaker::{Ctx, Mention};

/// Words that may open a sentence before its subject ("But Orbán …", "And then she …").
const OPENERS: [&str; 8] = ["but", "and", "yet", "so", "still", "then", "however", ","];

/// The part for mention `m` whose name's entity is `entity` (an entity id), if any.
pub(crate) fn part(ctx: &Ctx, m: &Mention, entity: Option<&str>) -> Option<&'static str> {
    if m.first != m.last || !matches!(ctx.word(m.first), "he" | "she") {
        return None;
    }
    let doc = ctx.doc;
    let s = doc.sentence_at(m.span.start)?.checked_sub(1)?;
    let (lo, hi) = ctx.sentence_tokens(s);
    let k = (lo..hi.min(lo + 3)).find(|&k| !OPENERS.contains(&ctx.word(k)))?;
    let ms = ctx.entity_mentions();
    let subject = ms
        .index
        .overlapping(ctx.span(k))
        .map(|i| ms.entity[i])
        .find(|&i| {
            doc.entities
                .get(i)
                .is_some_and(|e| e.kind == EntityType::Person)
        })?;
    let same = doc
        .entities
        .get(subject)
        .is_some_and(|e| Some(e.id.as_str()) == entity);
    Some(if same { "ps-same" } else { "ps-other" })
}

#[cfg(test)]
mod tests {
    use crate::speaker::{Ctx, Mention};
    use crate::test_support::{analyzed, quote_with};

    fn key_of(text: &str, needle: &str) -> String {
        let doc = analyzed(text);
        quote_with(&doc, needle)
            .source
            .key
            .clone()
            .unwrap_or_default()
    }

    /// The part of the "He" of `text` read to the entity named `name`.
    fn part_for(text: &str, name: &str) -> Option<&'static str> {
        let doc = analyzed(text);
        let ctx = Ctx::new(&doc);
        let he = (0..ctx.len()).find(|&k| ctx.word(k) == "he")?;
        let id = doc.entities.iter().find(|e| e.name == name)?.id.clone();
        super::part(&ctx, &Mention::tokens(&ctx, he, he), Some(&id))
    }

    #[test]
    fn a_pronoun_after_another_persons_sentence() {
        let text = "Budapest pushes back\n\nViktor Orbán remains committed to his policy, \
                    claiming that George Soros is losing the fight. He said: \u{201c}Soros has \
                    antagonised not only us but also England and Israel too.\u{201d}\n";
        assert_eq!(part_for(text, "George Soros"), Some("ps-other"));
        assert_eq!(part_for(text, "Viktor Orbán"), Some("ps-same"));
        // ("But Viktor Orbán …": an opening conjunction is skipped.)
        let but = text.replace("\n\nViktor", "\n\nBut Viktor");
        assert_eq!(part_for(&but, "George Soros"), Some("ps-other"));
    }

    #[test]
    fn a_pronoun_after_its_own_sentence() {
        let text = "Council approves budget\n\nMaria Okafor, the council's finance chair, \
                    presented the plan on Monday. She said: \u{201c}We have waited long \
                    enough.\u{201d}\n";
        let key = key_of(text, "waited");
        assert!(key.contains("|ps-same"), "{key}");
    }

    #[test]
    fn a_name_has_no_part() {
        let text = "Council approves budget\n\n\u{201c}We have waited long enough,\u{201d} said \
                    Maria Okafor, the council's finance chair.\n";
        let key = key_of(text, "waited");
        assert!(!key.contains("|ps-"), "{key}");
    }
}
