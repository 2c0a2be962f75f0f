//! Is a capitalised run that a role in the possessive cuts in two one office ("the Los Angeles
//! County Sheriff's Department", "the Prime Minister's Office", "the U.S. Attorney's Office for
//! the Western District")?
//!
//! The capitalised run stops at the possessive "'s" (`mentions::find_mentions`), so such an
//! office came out as a place and a lone "Department", or as a person ("Bristol District
//! Attorney") and an "Office". Here a role word in the possessive ("Sheriff's", "Attorney's",
//! "Minister's", "Governor's", ...) followed at once by a capitalised office word ("Office",
//! "Department", "Bureau", "Division", "Unit") makes one organisation of the capitalised words
//! before the role (up to a determiner, a lower-case word, another possessive or the sentence's
//! start when that word is written in lower case elsewhere), the role and the office word, with a
//! name that starts at the office word and runs on ("Office for the Western District").
//! Every name mention there must lie inside the office's words (none that runs across its
//! edges). Runs after the typer, outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::Set;
use crate::mentions::{self, Mention, Word};

/// Roles whose holder's office is named after them ("the Sheriff's Office").
const OWNERS: &[&str] = &[
    "assessor",
    "attorney",
    "auditor",
    "chancellor",
    "clerk",
    "commissioner",
    "comptroller",
    "controller",
    "coroner",
    "defender",
    "examiner",
    "general",
    "governor",
    "marshal",
    "mayor",
    "minister",
    "premier",
    "president",
    "prosecutor",
    "recorder",
    "secretary",
    "sheriff",
    "solicitor",
    "treasurer",
];

/// Office words after the role ("Office", "Department").
const OFFICES: &[&str] = &["office", "department", "bureau", "division", "unit"];

/// Words that end the capitalised run before the role on the left.
const STOPS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "their", "its",
];

/// Capitalised words taken before the role at most ("Los Angeles County", "U.S.").
const MAX_BEFORE: usize = 5;

/// Where the office found at role word `i` starts (its first word).
fn start_of(words: &[Word], i: usize, lowercase: &Set<&str>) -> usize {
    let mut s = i;
    while s > 0 && i - s < MAX_BEFORE {
        let w = &words[s - 1];
        let joined = w.is_word
            && w.cap
            && !w.poss
            && w.sent == words[i].sent
            && !STOPS.contains(&w.norm)
            && !(w.sent_start && lowercase.contains(w.norm));
        if !joined {
            break;
        }
        s -= 1;
        if w.sent_start {
            break;
        }
    }
    s
}

/// Makes one organisation of each role's office the possessive cut in two.
pub fn join_offices(words: &[Word], lowercase: &Set<&str>, all: &mut Vec<Mention>) {
    let body = |m: &Mention| m.span.field == Field::Text;
    let mut runs = mentions::OrgRuns::new(all);
    let mut i = 0;
    while i + 1 < words.len() {
        let (role, office) = (&words[i], &words[i + 1]);
        let found = role.is_word
            && role.cap
            && role.poss
            && office.is_word
            && office.cap
            && office.sent == role.sent
            && OWNERS.contains(&role.norm)
            && OFFICES.contains(&office.norm);
        if !found {
            i += 1;
            continue;
        }
        let s = start_of(words, i, lowercase);
        // A name starting at the office word runs on ("Office for the Western District"), and
        // so does a place or organisation after "of" or "for" ("... District of New York").
        let mut e = i + 2;
        let mut at = i + 1;
        while let Some(w) = words.get(at) {
            let near = runs.reach(all).at(all, w.start);
            let end = all[near]
                .iter()
                .filter(|m| {
                    body(m)
                        && m.span.start == w.start
                        && matches!(
                            m.etype,
                            EntityType::Organization | EntityType::Place | EntityType::Other
                        )
                })
                .map(|m| words.partition_point(|x| x.start < m.span.end))
                .max();
            match end {
                Some(end) if end > at => e = e.max(end),
                _ if at > i + 1 => break,
                _ => {}
            }
            // "of" / "for", an optional "the", then a capitalised word.
            let mut j = e;
            if !matches!(words.get(j).map(|w| w.norm), Some("of" | "for")) {
                break;
            }
            j += 1;
            if words.get(j).map(|w| w.norm) == Some("the") {
                j += 1;
            }
            match words.get(j) {
                Some(w) if w.cap && w.sent == role.sent => at = j,
                _ => break,
            }
        }
        if let Some(m) = runs.claim(all, words, s, e) {
            m.name_text = mentions::join_words(words, s, e);
        }
        i = e;
    }
    runs.apply(all);
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn offices_named_after_a_role_are_one_organisation() {
        let k = kinds(
            "Deputies from the Los Angeles County Sheriff's Department opened fire near \
             Lancaster on Sunday, officials said. A spokeswoman for the Bristol District \
             Attorney's Office declined to comment, and the Prime Minister's Office said it \
             was following the case.",
        );
        for name in [
            "Los Angeles County Sheriff's Department",
            "Bristol District Attorney's Office",
            "Prime Minister's Office",
        ] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
        assert!(
            !k.iter().any(|(n, _)| n == "Department" || n == "Office"),
            "{k:?}"
        );
        assert!(
            !has(&k, "Bristol District Attorney", EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn the_office_runs_on_and_a_lone_role_office_counts() {
        let k = kinds(
            "The case was referred to the U.S. Attorney's Office for the Western District \
             of Texas last week. The Sheriff's Department said the man had a knife.",
        );
        assert!(
            has(
                &k,
                "U.S. Attorney's Office for the Western District of Texas",
                EntityType::Organization
            ),
            "{k:?}"
        );
        assert!(
            has(&k, "Sheriff's Department", EntityType::Organization),
            "{k:?}"
        );
    }

    #[test]
    fn a_persons_possessive_stays_a_person() {
        let k = kinds(
            "Governor Maria Hollis's office said on Monday that the budget would pass. \
             Hollis told reporters that the President's plan was late.",
        );
        assert!(has(&k, "Maria Hollis", EntityType::Person), "{k:?}");
        assert!(!k.iter().any(|(n, _)| n.contains("Office")), "{k:?}");
    }
}
