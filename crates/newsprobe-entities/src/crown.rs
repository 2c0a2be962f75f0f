//! Is "the Crown" of a court report the prosecution, an organisation?
//!
//! In Commonwealth courts the state prosecutes as "the Crown": "the Crown prosecutor", "the
//! Crown alleged", "it is asserted by the Crown that ...". The rules find "Crown" as a name and
//! leave it untyped (it names no person or place, and no list holds it), and GUM has too few
//! such reports for the tagger or the typer to learn it (two mentions in its news dev
//! documents, none typed). Here a one-word "Crown" after "the", untyped, is an organisation
//! where one of its mentions in the article stands in a court's words: right before
//! "prosecutor"/"counsel"/"lawyer"/"case", right before a verb a party to a trial uses ("said",
//! "alleged", "argued", "submitted"), or after "by"/"for"/"against" in an article that speaks of
//! a court, a trial, a jury, a judge or a charge. The royal Crown ("the Crown Jewels", "heir to
//! the Crown" in an article with no court) stays untyped. Runs after the typer, outside what
//! the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Words right after "the Crown" that make it the prosecution.
const STAFF: &[&str] = &[
    "prosecutor",
    "prosecutors",
    "prosecution",
    "counsel",
    "lawyer",
    "lawyers",
    "solicitor",
    "barrister",
    "case",
];

/// Verbs right after "the Crown" of a party to a trial.
const VERBS: &[&str] = &[
    "said",
    "says",
    "alleged",
    "alleges",
    "argued",
    "argues",
    "claimed",
    "claims",
    "contended",
    "contends",
    "submitted",
    "asserted",
    "told",
    "conceded",
    "accepted",
    "appealed",
];

/// Words that make an article a court report (for "by the Crown", "for the Crown").
const COURT: &[&str] = &[
    "court",
    "trial",
    "jury",
    "judge",
    "justice",
    "magistrate",
    "prosecutor",
    "prosecutors",
    "charged",
    "sentenced",
    "convicted",
    "pleaded",
    "manslaughter",
    "defence",
    "defense",
    "accused",
];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Types "the Crown" an organisation where the article is a court's report (see the module).
pub fn type_crown(words: &[Word], all: &mut [Mention]) {
    // Untyped one-word "Crown" names after "the": their word index.
    let at = |m: &Mention| -> Option<usize> {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Other
            || !m.name_text.eq_ignore_ascii_case("crown")
        {
            return None;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        let i = r.start;
        (r.len() == 1
            && words[i].cap
            && words[i].norm == "crown"
            && i > 0
            && words[i - 1].norm == "the"
            && words[i - 1].sent == words[i].sent)
            .then_some(i)
    };
    let found: Vec<usize> = all.iter().filter_map(at).collect();
    if found.is_empty() {
        return;
    }
    let court = words.iter().any(|w| COURT.contains(&w.norm));
    let next = |i: usize| {
        words
            .get(i + 1)
            .filter(|w| w.sent == words[i].sent)
            .map_or("", |w| w.norm)
    };
    let cue = found.iter().any(|&i| {
        let n = next(i);
        STAFF.contains(&n)
            || VERBS.contains(&n)
            || court && i >= 2 && ["by", "for", "against"].contains(&words[i - 2].norm)
    });
    if !cue {
        return;
    }
    for m in all.iter_mut() {
        if at(m).is_some() {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn the_crown_of_a_court_report_is_an_organisation() {
        let k = kinds(
            "The couple pleaded not guilty to manslaughter. In the words of the Crown \
             prosecutor, Helen Marsh, the boy was left without care for weeks. It is asserted \
             by the Crown that both parents knew how ill he was, the jury heard.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Crown" && *t == EntityType::Organization),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Helen Marsh" && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn the_royal_crown_stays_untyped() {
        let k = kinds(
            "The jewels were shown in the Tower for the first time since the coronation. \
             Visitors queued to see the Crown, which was made for the king in 1661, said the \
             curator, Tom Ellery.",
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Crown" && *t == EntityType::Organization),
            "{k:?}"
        );
    }
}
