//! Headline fragments read as people: a title-case headline or link text inside the body ("Stadia
//! Is Essentially A Beta Version Until", "Jesus Is Just Alright With Me") is no personal name.
//! A name typed person whose words after the first include a capitalised closed-class word no
//! personal name holds ("Is", "A", "With", "Until") is left untyped (it stays for coreference):
//! the typer reads such runs as persons at times, and a person is a candidate speaker.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Closed-class words (normalised) that no personal name holds after its first word.
const NEVER_IN_PERSON_NAMES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "a", "an", "or", "nor", "with", "without", "me",
    "her", "his", "its", "my", "your", "our", "their", "until", "unless", "can", "can't", "cant",
    "don't", "dont", "will", "would", "not", "just", "to", "if", "when", "into", "about", "how",
    "why", "what", "this", "that", "these", "those",
];

/// Untypes the names of `field` (its words `words`) typed person that read as headline fragments.
pub fn untype_fragments(words: &[Word], field: Field, all: &mut [Mention]) {
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.etype != EntityType::Person
            || m.span.field != field
            || m.title_text.is_some()
        {
            continue;
        }
        let n = m.name.unwrap_or(m.span);
        let a = words.partition_point(|w| w.end <= n.start);
        let b = words.partition_point(|w| w.start < n.end).max(a);
        if b - a < 3 {
            continue;
        }
        if words[a + 1..b]
            .iter()
            .any(|w| w.cap && NEVER_IN_PERSON_NAMES.contains(&w.norm))
        {
            m.etype = EntityType::Other;
        }
    }
}
