//! Is a name that ends in "Agency", "Journal" or "Times" an organisation, where the typer left
//! it untyped?
//!
//! "The incoming Environmental Protection Agency boss", "the Las Vegas Review-Journal", "The
//! Standard-Times reported": the rules type a capitalised name that ends in an organisation's
//! head word ([`crate::gazetteer`]'s `ORG_HEADS`) an organisation, but the typer, trained on
//! GUM's few such names, reads some as none of the three (a name before a noun, a coined
//! paper's name) and leaves them `other`, so they are missed. A body name of two words or more
//! (or one hyphenated word, "Review-Journal") left untyped whose last word, or the last part of
//! a hyphenated last word, is such a head, or one of the heads the tagger does not read
//! (`data/late_org_heads.txt`: "Grand Central Publishing"), becomes an organisation again. Not a name bound to a
//! title, and not the heads that end names of other kinds as often (GUM train: "Soviet Union",
//! "Tea Party" supporters, "Air Traffic Control Systems"; "Morning Star", "Western Front").
//! Runs after the typer, outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::GAZETTEER;
use crate::mentions::{Mention, MentionKind, Word};
use crate::person_org_heads::late_org_head;

/// Organisation heads that end other names as often: left to the typer.
const SHARED_HEADS: &[&str] = &[
    "union",
    "systems",
    "party",
    "sun",
    "star",
    "globe",
    "front",
    "tv",
    "television",
    "radio",
    "daily",
    "team",
    "club",
    "group",
    "forces",
    "force",
    "guard",
    "command",
    "office",
    "org",
];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether a word, or the last part of a hyphenated word, is an organisation's head.
fn org_head(norm: &str) -> bool {
    let last = norm.rsplit('-').next().unwrap_or(norm);
    (GAZETTEER.org_heads.contains(last) && !SHARED_HEADS.contains(&last)) || late_org_head(last)
}

/// Whether the untyped name `m` ends in an organisation's head word.
fn heads_org(words: &[Word], m: &Mention) -> bool {
    if m.kind != MentionKind::Name
        || m.etype != EntityType::Other
        || m.span.field != Field::Text
        || m.title_text.is_some()
    {
        return false;
    }
    let r = word_range(words, m.name.unwrap_or(m.span));
    let ws = &words[r];
    let Some(last) = ws.last() else {
        return false;
    };
    let long = ws.len() > 1 || last.norm.contains('-');
    long && last.cap && ws.iter().all(|w| w.is_word) && org_head(last.norm)
}

/// Types as organisations the untyped body names that end in an organisation's head word.
pub fn type_org_heads(words: &[Word], all: &mut [Mention]) {
    for m in all.iter_mut() {
        if heads_org(words, m) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::org_head;

    #[test]
    fn heads_and_hyphenated_heads() {
        for w in [
            "agency",
            "journal",
            "review-journal",
            "standard-times",
            "navy",
        ] {
            assert!(org_head(w), "{w}");
        }
        for w in ["union", "systems", "party", "star", "washington", "front"] {
            assert!(!org_head(w), "{w}");
        }
    }

    #[test]
    fn an_untyped_agency_before_a_noun_is_an_organisation() {
        let k = crate::test_support::kinds(
            "The incoming Environmental Protection Agency boss, Lisa Jackson, has worked as \
             New Jersey's environmental commissioner.",
        );
        let agency = "Environmental Protection Agency";
        assert!(
            crate::test_support::has(&k, agency, EntityType::Organization),
            "{k:?}"
        );
    }

    use newsprobe_core::EntityType;
}
