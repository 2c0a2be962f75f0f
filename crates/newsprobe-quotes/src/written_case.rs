//! Words written against their case, which the speaker rules read by their lower-cased form
//! (session 22):
//! - an acronym that spells a function word: "the WHO said" is the World Health
//!   Organization, not the relative pronoun "who" (the rules took "WHO said" for a relative
//!   clause and left the statement with no speaker, or found no statement at all); "the US
//!   said" is the country, not the pronoun "us";
//! - a name that opens with one lower-case letter before a capital ("French website iGen
//!   reports", "eBay said"): a capitalised word for the rules, as names opening with "al-"
//!   are ([`crate::speaker`]).
//!
//! A word in capitals between words in capitals is a headline's or a label's ("WHO WILL PAY"),
//! and keeps its lower-cased reading.

/// Acronyms whose lower-cased form is a function word the speaker rules read as such.
const ACRONYMS: [&str; 2] = ["WHO", "US"];

/// Whether a token written `raw` is an acronym spelling a function word ([`ACRONYMS`]), read
/// as a name: its neighbouring words in the sentence (`prev`, `next`, as written) are not
/// written in capitals themselves.
pub fn is_function_word_acronym(raw: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    ACRONYMS.contains(&raw) && !prev.is_some_and(all_capitals) && !next.is_some_and(all_capitals)
}

/// Whether a word is written in capitals: two letters or more, none lower-case.
fn all_capitals(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Whether a word opens with one lower-case ASCII letter before a capital and goes on in
/// lower case ("iGen", "eBay", "iRobot"): a name, read as a capitalised word.
pub fn is_camel_opening(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_uppercase()
        && b[2..].iter().all(u8::is_ascii_alphabetic)
        && b[2..].iter().any(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::analyzed;

    #[test]
    fn acronyms_and_camel_names() {
        assert!(is_function_word_acronym("WHO", Some("the"), Some("said")));
        assert!(is_function_word_acronym("US", Some("the"), Some("said")));
        assert!(!is_function_word_acronym(
            "WHO",
            Some("KNOWS"),
            Some("WINS")
        ));
        assert!(!is_function_word_acronym("who", Some("man"), Some("said")));
        assert!(!is_function_word_acronym("Who", None, Some("said")));
        assert!(is_camel_opening("iGen"));
        assert!(is_camel_opening("eBay"));
        assert!(!is_camel_opening("iOS"));
        assert!(!is_camel_opening("iPhone6"));
        assert!(!is_camel_opening("said"));
    }

    /// The statement's shown or held-back name (a name under the confidence threshold is
    /// suggested: the rule found it either way).
    fn name_of(doc: &newsprobe_core::Document, needle: &str) -> Option<String> {
        let q = crate::test_support::quote_with(doc, needle);
        q.source.name.clone().or_else(|| q.source.suggested.clone())
    }

    #[test]
    fn the_who_said_is_a_speaker() {
        let doc = analyzed(
            "Measles cases rise in the region\n\nHealth workers in the province counted new cases on Monday.\n\nMost of the new cases were found in children under five, the WHO said in a statement.\n\nThe WHO said the vaccination campaign would resume next month.\n\nThe clinic's director, who said she had not slept in two days, asked for more nurses.",
        );
        assert_eq!(
            name_of(&doc, "children under five").as_deref(),
            Some("WHO"),
            "{:?}",
            doc.quotes
        );
        assert_eq!(
            name_of(&doc, "would resume next month").as_deref(),
            Some("WHO"),
            "{:?}",
            doc.quotes
        );
    }

    #[test]
    fn a_camel_cased_outlet_is_a_speaker() {
        let doc = analyzed(
            "New tablet expected in spring\n\nCiting two people who have seen the device, tech website iGadgetry reports the company will sell the tablet for $400 in April.",
        );
        assert_eq!(
            name_of(&doc, "sell the tablet").as_deref(),
            Some("iGadgetry"),
            "{:?}",
            doc.quotes
        );
    }
}
