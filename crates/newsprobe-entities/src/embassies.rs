//! Is "the Saudi Embassy" an organisation?
//!
//! A country's mission is named by its demonym or its name and the mission's word ("the Saudi
//! Embassy", "the French consulate", "the Kenyan High Commission"). The demonym is no name of its
//! own and "Embassy" alone is a word the typer cannot place, so the mission came out untyped
//! ("Embassy", other) or not at all. Here a capitalised demonym or country name right before
//! "Embassy", "Consulate" or "High Commission" (in either case; "Consulate General" kept) is one
//! organisation, when every name mention there lies inside those words. Runs after the typer,
//! outside what the tagger and typer are trained on.

use crate::gazetteer::flag;
use crate::mentions::{self, Mention, Word};

/// How many words of the mission follow the demonym at `i` ("Embassy" 1, "High Commission" 2).
fn mission_len(words: &[Word], i: usize) -> Option<usize> {
    let next = |k: usize| words.get(i + k).filter(|w| w.sent == words[i].sent);
    let w = next(1)?;
    match w.norm {
        "embassy" | "consulate" => {
            let general = next(2).is_some_and(|g| g.cap == w.cap && g.norm == "general");
            Some(if general { 2 } else { 1 })
        }
        "high" => next(2)
            .filter(|c| c.norm == "commission" && c.cap == w.cap)
            .map(|_| 2),
        _ => None,
    }
}

/// Types each country's mission named by its demonym an organisation.
pub fn type_missions(words: &[Word], all: &mut Vec<Mention>) {
    let mut runs = mentions::OrgRuns::new(all);
    let mut i = 0;
    while i + 1 < words.len() {
        let w = &words[i];
        let owner = w.is_word
            && w.cap
            && !w.poss
            && w.is(flag::DEMONYM | flag::COUNTRY_NAME)
            && !words[i + 1].poss;
        let Some(n) = owner.then(|| mission_len(words, i)).flatten() else {
            i += 1;
            continue;
        };
        let e = i + 1 + n;
        if words[e - 1].poss {
            i = e;
            continue;
        }
        runs.claim(all, words, i, e);
        i = e;
    }
    runs.apply(all);
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn a_countrys_mission_is_an_organisation() {
        let k = kinds(
            "The Saudi Embassy in Washington said on Monday that the report was false. A \
             spokesman for the French consulate said it had not been told, and the Kenyan High \
             Commission declined to comment.",
        );
        for name in [
            "Saudi Embassy",
            "French consulate",
            "Kenyan High Commission",
        ] {
            assert!(
                k.iter()
                    .any(|(n, t)| n == name && *t == EntityType::Organization),
                "{name}: {k:?}"
            );
        }
        assert!(
            k.iter()
                .any(|(n, t)| n == "Washington" && *t == EntityType::Place),
            "{k:?}"
        );
        assert!(!k.iter().any(|(n, _)| n == "Embassy"), "{k:?}");
    }

    #[test]
    fn a_demonym_before_other_words_is_left_alone() {
        let k = kinds(
            "Saudi officials said the embassy staff were safe. The French ambassador met \
             Kenyan farmers on Tuesday.",
        );
        assert!(!k.iter().any(|(n, _)| n.contains("embassy")), "{k:?}");
    }
}
