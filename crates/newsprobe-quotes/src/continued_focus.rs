//! Whether a sentence subject read to the last speaker keeps that speaker the one in focus
//! (session 27, issue 11): a later "he said" within two sentences of it is then the same
//! speaker going on ([`crate::resolve`]'s continued speaker).
//!
//! "“…,” said Ed Fogels. He couldn't hazard a guess …. “…,” he said": the subject "He" is
//! Fogels again, and the focus moves on to its sentence. But "“…,” Thomas interrupts. … But
//! Josh wanted to contribute to Thomas's good deeds. He reached into his wallet … “You just
//! touched my heart,” he told his new friend": the entity stage read "He" to Thomas, named
//! last, while Josh, named since, is the one who acts; the continuation rule itself would not
//! have read "He" to Thomas past Josh, so that subject does not carry Thomas on either.
//! A subject by name, or a pronoun the continuation rule itself read, keeps the focus; a
//! pronoun read otherwise keeps it only when no other person was named since the speaker.

/// Whether the subject keeps the focus: `pronoun` whether it is a pronoun, `via` how its name
/// was reached (`continued`: by the continuation rule), `other_named_since` whether another
/// person is named in the article's own words between the last speaker's sentence and it.
pub(crate) fn keeps_focus(
    pronoun: bool,
    via: &str,
    other_named_since: impl FnOnce() -> bool,
) -> bool {
    !pronoun || via == "continued" || !other_named_since()
}

#[cfg(test)]
mod tests {
    use super::keeps_focus;
    use crate::test_support::{analyzed, quote_with};

    #[test]
    fn the_cases() {
        assert!(keeps_focus(false, "entity", || true));
        assert!(keeps_focus(true, "continued", || true));
        assert!(keeps_focus(true, "entity", || false));
        assert!(!keeps_focus(true, "entity", || true));
    }

    fn key_of(text: &str, needle: &str) -> String {
        let doc = analyzed(text);
        quote_with(&doc, needle)
            .source
            .key
            .clone()
            .unwrap_or_default()
    }

    #[test]
    fn another_person_acts_between() {
        let text = "A stranger's gift\n\n\u{201c}I feel like I owe you an apology,\u{201d} Josh \
                    Paler Lin said as he reached to grab Thomas Parker's hand. \u{201c}You \
                    thought I was going to get drunk, huh?\u{201d} Thomas interrupts. But Josh \
                    wanted to contribute to Thomas's good deeds. He reached into his wallet \
                    again and gave him another $100. \u{201c}You just touched my heart,\u{201d} \
                    he told his new friend.\n";
        let key = key_of(text, "touched my heart");
        assert!(!key.starts_with("continued/"), "{key}");
    }

    #[test]
    fn the_speaker_goes_on() {
        let text = "Mine closes\n\n\u{201c}We will reopen in spring,\u{201d} said Ed Fogels, \
                    the mine's manager. He could not hazard a guess at the cost. \u{201c}It \
                    depends on the weather,\u{201d} he said.\n";
        let key = key_of(text, "depends on the weather");
        let doc = analyzed(text);
        let q = quote_with(&doc, "depends on the weather");
        assert_eq!(q.source.name.as_deref(), Some("Ed Fogels"), "{key}");
    }
}
