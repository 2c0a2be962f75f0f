//! Which anonymity cues say that a *source* is anonymous, and which mentions they can make so.
//!
//! An anonymity cue ("familiar with the", "anonymous", "on condition of anonymity") anywhere in
//! a speaker's sentence made the speaker anonymous. Three ways that read a named or plain source
//! as anonymous (issue 12, item 3: "a source that is named is never also anonymous"):
//! - a body written as a definite description ("the Department said", "the network reported",
//!   "The UN panel claims") is an organisation a reader can name, whatever else its sentence
//!   says: a body has no wish to stay unnamed, its spokesperson may ([`is_definite_body`]);
//! - "familiar with the" is the wire services' cue only after a person or source ("people
//!   familiar with the talks"), not "anyone already familiar with the SCUD-B missile system",
//!   nor with a country or a field ("analysts familiar with the desert kingdom": experts);
//! - "anonymous" before a thing is no source's anonymity ("users of the anonymous web browser
//!   Tor", "an anonymous letter", "an anonymous donation").

use crate::speaker::{Ctx, Mention};

/// Words after "anonymous" or "unnamed" that are things, not sources: the cue describes them.
const ANONYMOUS_THINGS: &[&str] = &[
    "browser",
    "browsers",
    "browsing",
    "web",
    "network",
    "networks",
    "letter",
    "letters",
    "note",
    "notes",
    "tip",
    "tips",
    "donation",
    "donations",
    "gift",
    "gifts",
    "account",
    "accounts",
    "post",
    "posts",
    "comment",
    "comments",
    "message",
    "messages",
    "email",
    "emails",
    "data",
    "survey",
    "surveys",
    "app",
    "apps",
    "platform",
    "platforms",
    "forum",
    "forums",
    "hotline",
    "complaint",
    "complaints",
    "user",
    "users",
    "hacker",
    "hackers",
    "hacking",
    "collective",
    "mask",
    "masks",
    "ballot",
    "ballots",
    "payment",
    "payments",
    "questionnaire",
    "reporting",
    "system",
    "threat",
    "threats",
    "review",
    "reviews",
    "online",
    "internet",
    "social",
    "bitcoin",
    "cryptocurrency",
];

/// Objects of "familiar with the …" that are a place or a field, not a matter under discussion:
/// whoever is familiar with them is an expert, not a source speaking unnamed.
const FIELDS: &[&str] = &[
    "kingdom",
    "country",
    "region",
    "area",
    "city",
    "territory",
    "terrain",
    "neighborhood",
    "neighbourhood",
    "system",
    "language",
    "culture",
    "history",
    "science",
    "technology",
    "industry",
    "field",
    "subject",
    "topic",
    "game",
    "sport",
    "music",
    "literature",
    "genre",
    "work",
    "works",
    "writings",
    "book",
    "books",
    "film",
    "films",
    "series",
    "show",
];

/// Words before "familiar with" that are a person or a source ("people familiar with the
/// matter", "a source familiar with", "officials familiar with"), besides the role nouns.
const FAMILIAR_PERSONS: &[&str] = &[
    "people",
    "person",
    "persons",
    "source",
    "sources",
    "someone",
    "somebody",
    "official",
    "officials",
    "aide",
    "aides",
    "insider",
    "insiders",
    "individual",
    "individuals",
    "others",
    "those",
    "one",
    "two",
    "three",
    "several",
    "executive",
    "executives",
    "staffer",
    "staffers",
    "employee",
    "employees",
    "member",
    "members",
    "associate",
    "associates",
    "friend",
    "friends",
    "diplomat",
    "diplomats",
    "lawmaker",
    "lawmakers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "analysts",
    "analyst",
];

/// The lower-case words of `s` (letters, digits, apostrophes and hyphens), at most `n`.
fn words(s: &str, n: usize) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Whether the cue `cue` (lower case, one of [`crate::lexicon::ANONYMITY_CUES`]), written
/// between `before` and `after` (the text on either side of it), says that a source is
/// anonymous.
pub fn is_source_cue(cue: &str, before: &str, after: &str) -> bool {
    match cue {
        "familiar with the" => {
            let prev = before
                .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase)
                .unwrap_or_default();
            let person =
                FAMILIAR_PERSONS.contains(&prev.as_str()) || crate::lexicon::is_role_noun(&prev);
            // The object's head within its first few words: "the desert kingdom", "the
            // SCUD-B missile system" (a matter's words, "the talks", pass).
            let field = words(after, 4)
                .iter()
                .take_while(|w| !matches!(w.as_str(), "said" | "say" | "says" | "told"))
                .any(|w| FIELDS.contains(&w.as_str()));
            person && !field
        }
        "anonymous" | "unnamed" => words(after, 1)
            .first()
            .is_none_or(|w| !ANONYMOUS_THINGS.contains(&w.as_str())),
        _ => true,
    }
}

/// Indefinite determiners: "a company that asked not to be named" may be an anonymous body.
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "any", "each", "every"];

/// Bodies written as a description that no cue elsewhere in the sentence makes anonymous,
/// besides a state's bodies (`source_type::STATE_BODIES`: "the government", "the navy").
const BODY_HEADS: &[&str] = &[
    "panel",
    "administration",
    "site",
    "website",
    "outlet",
    "channel",
    "publication",
    "daily",
    "tabloid",
];

/// "the Department", "the network", "The UN panel", "the company": a body (an organisation's
/// description as its head) after "the" or a capitalised word, not "a company" or "an agency
/// official". A cue elsewhere in its sentence is about someone else.
///
/// (A cue that tells how the body itself is sourced, "The newspaper, citing confidential
/// sources, said", is not about someone else: [`is_own_sourcing_cue`].)
pub fn is_definite_body(ctx: &Ctx, m: &Mention) -> bool {
    if m.last < m.first || m.last - m.first > 5 {
        return false;
    }
    let head = ctx.word(m.last);
    let head = head.strip_suffix("'s").unwrap_or(head);
    if !(crate::resolve::is_org_or_body_description(head)
        || BODY_HEADS.contains(&head)
        || crate::source_type::STATE_BODIES.contains(&head))
    {
        return false;
    }
    let first = ctx.word(m.first);
    !INDEFINITE.contains(&first)
        && (m.first..=m.last).all(|k| !matches!(ctx.word(k), "unnamed" | "anonymous"))
}

/// Whether the cue at `cue` tells how a body's report is itself sourced ("citing sources",
/// "confidential source"): a body so sourced speaks for anonymous sources.
pub fn is_own_sourcing_cue(ctx: &Ctx, cue: newsprobe_core::Span) -> bool {
    let t = ctx.doc.span_text(&cue).to_ascii_lowercase();
    t.starts_with("citing") || t.starts_with("confidential")
}

#[cfg(test)]
mod tests {
    use super::is_source_cue;

    #[test]
    fn familiar_with_is_a_cue_only_after_a_person_and_before_a_matter() {
        assert!(is_source_cue(
            "familiar with the",
            "according to people ",
            " talks between the two"
        ));
        assert!(is_source_cue(
            "familiar with the",
            "a senior official ",
            " company's plans said"
        ));
        assert!(!is_source_cue(
            "familiar with the",
            "anyone already ",
            " SCUD-B missile system would"
        ));
        assert!(!is_source_cue(
            "familiar with the",
            "Analysts ",
            " desert kingdom said"
        ));
    }

    #[test]
    fn anonymous_before_a_thing_is_no_source_cue() {
        assert!(!is_source_cue(
            "anonymous",
            "users of the ",
            " Web browser Tor"
        ));
        assert!(!is_source_cue("anonymous", "an ", " letter to the board"));
        assert!(is_source_cue("anonymous", "an ", " senior official said"));
        assert!(is_source_cue("anonymous", "asked to remain ", "."));
        assert!(is_source_cue("unnamed", "an ", " source told"));
    }

    /// Fixtures of issue 12, item 3: a named body, outlet or department is never anonymous
    /// from a cue about someone else in its sentence; the wire services' sources still are.
    #[test]
    fn named_bodies_and_outlets_are_not_anonymous_sources() {
        use crate::test_support::source_of;
        use newsprobe_core::SourceType;
        let (_, kind) = source_of(
            "The State Department approved the sale of two patrol boats on Friday. The \
             Department said the boats would be delivered in June, while a person familiar \
             with the talks said the price had been cut.",
            "the boats would be delivered in June",
        );
        assert_ne!(kind, SourceType::Anonymous);
        let (_, kind) = source_of(
            "The Harbour Channel aired the interview on Sunday. The network reported that the \
             minister had resigned, and a cabinet aide who asked not to be named confirmed it.",
            "the minister had resigned",
        );
        assert_ne!(kind, SourceType::Anonymous);
        // A capitalised outlet whose name ends in "Insider" is a name, not an insider.
        let (_, kind) = source_of(
            "The mural appeared overnight on a bakery wall in Leeds. As Yorkshire Insider notes, \
             the paint was still wet at dawn.",
            "the paint was still wet at dawn",
        );
        assert_ne!(kind, SourceType::Anonymous);
        // Expertise is not anonymity; a thing called anonymous is not a source.
        let (_, kind) = source_of(
            "Analysts familiar with the desert kingdom said the rulers hoped the scandal would \
             pass.",
            "the rulers hoped the scandal would pass",
        );
        assert_ne!(kind, SourceType::Anonymous);
        let (_, kind) = source_of(
            "Several users of the anonymous web browser Tor have reported that their provider \
             threatened to cut off their service.",
            "threatened to cut off their service",
        );
        assert_ne!(kind, SourceType::Anonymous);
        // The wire services' anonymous sources stay anonymous.
        let (_, kind) = source_of(
            "The ministry will sell its stake in the port, people familiar with the matter said \
             on Tuesday.",
            "will sell its stake in the port",
        );
        assert_eq!(kind, SourceType::Anonymous);
        let (_, kind) = source_of(
            "A senior official, who asked not to be named, said the plant would close in March.",
            "the plant would close in March",
        );
        assert_eq!(kind, SourceType::Anonymous);
        let (_, kind) = source_of(
            "Sources said the harbour deal was off after the second round of talks.",
            "the harbour deal was off",
        );
        assert_eq!(kind, SourceType::Anonymous);
    }
}
