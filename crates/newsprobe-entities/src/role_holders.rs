//! "The analyst" where two people hold the role: a definite description joins the latest person
//! given its role ([`crate::coref`]), but where another person was also given that role, or an
//! unnamed one stands between ("Another analyst, who asked not to be named, disagreed"), the
//! description may mean either, and a wrong name is worse than none (session 24, hybrid24).
//!
//! The link stands where the sentence settles it: the latest holder was mentioned in the
//! description's sentence or the one before, and every other holder only further back.

use newsprobe_core::Document;

use crate::coref::Cluster;

/// Whether `c` was given the role `head` itself ("an analyst at …", "Sen."), not only a role a
/// generic head fits ("the official" fits any role).
pub fn holds(head: &str, c: &Cluster) -> bool {
    if c.roles.contains(head) {
        return true;
    }
    let last = head.split_whitespace().last().unwrap_or(head);
    c.roles.contains(last)
}

/// Whether the link of a description in sentence `sent` to `chosen` (the latest holder of the
/// role) is settled against `other`, another holder: `chosen` was mentioned in the description's
/// sentence or the one before, and `other` last before that.
pub fn settled(chosen: &Cluster, other: &Cluster, sent: usize) -> bool {
    let near = sent.saturating_sub(1);
    chosen.last_sentence >= near && other.last_sentence < near
}

/// Words before a role that make it another, unnamed holder ("another analyst", "a second
/// analyst", "other analysts").
const ANOTHER: &[&str] = &["another", "second", "third", "other", "different"];

/// How far back (bytes) the text before a description is read for an unnamed holder.
const WINDOW: usize = 3_000;

/// Whether an unnamed holder of the role ("Another analyst", "a second analyst", "other
/// analysts") is written between byte `from` (the latest holder's last mention) and byte `to`
/// (the description).
pub fn unnamed_between(doc: &Document, head: &str, from: usize, to: usize) -> bool {
    let role = head.split_whitespace().last().unwrap_or(head);
    if role.is_empty() || from >= to {
        return false;
    }
    let from = from.max(to.saturating_sub(WINDOW));
    let Some(text) = doc.text.get(from..to).or_else(|| {
        // A window start inside a character: widen it to the character's start.
        (0..4)
            .map(|k| from.saturating_sub(k))
            .find(|&f| doc.text.is_char_boundary(f))
            .and_then(|f| doc.text.get(f..to))
    }) else {
        return false;
    };
    text.match_indices(role).any(|(at, _)| {
        let after = text[at + role.len()..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() && c != 's') {
            return false;
        }
        let before = &text[..at];
        if before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            return false;
        }
        let word = before
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        ANOTHER.contains(&word.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::{entities, mentions_of};

    #[test]
    fn two_named_analysts_leave_the_analyst_unlinked() {
        let doc = entities(
            "Harriet Okonkwo, an analyst at Brenmoor Securities, and Tomas Villanueva, an \
             analyst at Kestrel Partners, both expect a delay. \"It will not ship in March,\" the \
             analyst said.",
        );
        assert!(!mentions_of(&doc, "Tomas Villanueva").contains(&"the analyst"));
        assert!(!mentions_of(&doc, "Harriet Okonkwo").contains(&"the analyst"));
    }

    #[test]
    fn an_unnamed_second_analyst_leaves_the_analyst_unlinked() {
        let doc = entities(
            "Harriet Okonkwo, an analyst at Brenmoor Securities, expects a delay. Another \
             analyst, who asked not to be named, disagreed. \"It will ship on time,\" the \
             analyst said.",
        );
        assert!(!mentions_of(&doc, "Harriet Okonkwo").contains(&"the analyst"));
    }

    #[test]
    fn the_sentence_before_settles_it() {
        // The other analyst was named two paragraphs back; Villanueva spoke in the sentence
        // before: the description is his.
        let doc = entities(
            "Harriet Okonkwo, an analyst at Brenmoor Securities, expects a delay.\n\n\
             The company declined to comment on the schedule. Its shares fell 4 percent.\n\n\
             Tomas Villanueva, an analyst at Kestrel Partners, is less sure. \"It may ship \
             in March,\" the analyst said.",
        );
        assert!(mentions_of(&doc, "Tomas Villanueva").contains(&"the analyst"));
    }

    #[test]
    fn one_analyst_is_linked_as_before() {
        let doc = entities(
            "Harriet Okonkwo, an analyst at Brenmoor Securities, expects a delay. The company \
             declined to comment. \"It will not ship in March,\" the analyst said.",
        );
        assert!(mentions_of(&doc, "Harriet Okonkwo").contains(&"the analyst"));
    }

    #[test]
    fn unnamed_holders_are_read_from_the_words_before_the_role() {
        let doc = Document::from_text(
            None,
            "Another analyst disagreed. Other analysts agreed. An analyst's view. Analystics.",
        );
        let end = doc.text.len();
        assert!(unnamed_between(&doc, "analyst", 0, 20));
        assert!(unnamed_between(&doc, "analyst", 20, 50));
        assert!(!unnamed_between(&doc, "analyst", 50, end));
        assert!(!unnamed_between(&doc, "analyst", 30, 10));
        assert!(!unnamed_between(&doc, "", 0, end));
    }
}
