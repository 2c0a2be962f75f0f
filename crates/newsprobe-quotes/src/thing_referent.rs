//! A pronoun never stands for a thing: "State rules do not require them to name the candidate
//! they support … “We will decide in July,” they said", "The guidelines issued by the diocese …
//! “We were never consulted,” they said". The resolver remembers every recent subject as a
//! referent, and a plural "they" agrees with a plural thing as well as with a group; where the
//! referent a pronoun reaches is written as a common noun that cannot head a speaker
//! ([`crate::junk::can_head_speaker`]: no person, role, group, organisation or record word),
//! the pronoun's speaker is left unnamed — never the next referent back, which may be a
//! different wrong name.
//!
//! Session 26 (`s26-junk26`, issue 11): "The guidelines", "State rules", "The book", "The
//! problem of fake social media accounts" — the non-person antecedents of the judged
//! junk-speaker picks (`scripts/junk_speakers/`).

/// Words that end a name's head phrase ("The problem of fake accounts": "problem").
const CONNECTORS: &[&str] = &[
    "of", "for", "at", "in", "on", "from", "with", "to", "by", "who", "that", "which", "whose",
    "about", "over", "under", "behind",
];

/// Whether a referent's written `name` is a thing to a `personal` pronoun ("he", "she",
/// "they", "we"; not "it"): its head word (the last before a connector) is written in lower
/// case and cannot head a speaker, or, for a personal pronoun, is a record or evidence noun
/// ("the guidelines", "the report": "it said" may be the report's, "they said" is not). A name
/// ("State Department", "Hamdan") is no thing.
pub(crate) fn names_a_thing(name: &str, personal: bool) -> bool {
    let head = name
        .split_whitespace()
        .take_while(|w| !CONNECTORS.contains(w))
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    match head {
        Some(h) if h.chars().next().is_some_and(char::is_lowercase) => {
            let h = h.to_lowercase();
            !crate::junk::can_head_speaker(&h) || (personal && is_record(&h))
        }
        _ => false,
    }
}

/// A document noun (record, statement or evidence), or the plural of one ("rules", "guidelines", "documents").
fn is_record(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    [word, singular]
        .iter()
        .any(|w| crate::lexicon::is_document_noun(w))
}

#[cfg(test)]
mod tests {
    use super::names_a_thing;
    use crate::test_support::source_of;

    #[test]
    fn things_and_speakers_by_their_heads() {
        for thing in [
            "The guidelines",
            "State rules",
            "The book",
            "The problem of fake accounts",
        ] {
            assert!(names_a_thing(thing, true), "{thing}");
        }
        for speaker in [
            "The senator",
            "the delegates",
            "Police",
            "the company",
            "Yusuf Hamdan",
            "The North Dakota delegation",
            "some critics",
        ] {
            assert!(!names_a_thing(speaker, true), "{speaker}");
        }
        assert!(!names_a_thing("the report", false));
    }

    #[test]
    fn they_is_not_the_rules_just_named() {
        let text = "The county delegation has been courted for weeks because its members are \
                    free agents on the first ballot. State rules do not, however, require them \
                    to name the candidate they support before the vote.\n\n“We will decide in \
                    July,” they said in a statement on Sunday.";
        let (name, _) = source_of(text, "decide in July");
        assert_ne!(name.as_deref(), Some("State rules"));
    }

    #[test]
    fn they_is_not_the_guidelines_just_named() {
        let text = "The guidelines issued by the diocese in March were meant to settle the \
                    dispute. Instead they set off a fresh quarrel among the clergy.\n\n“We were \
                    never consulted,” they said in a joint letter.";
        let (name, _) = source_of(text, "never consulted");
        assert_eq!(name, None);
    }
}
