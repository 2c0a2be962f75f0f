//! Is "McDonald's" a company rather than a Mr McDonald's something?
//!
//! A few companies are named in the possessive ("McDonald's", "Sainsbury's", "Macy's"). The
//! capitalised run drops the "'s" (`mentions::words`), so the name came out as "McDonald", typed
//! an organisation or a person by chance, and "Adelaide McDonald's" became a person. Here a word
//! of a short list of such brands, written with its "'s" (or run together, "Mcdonalds"), is an
//! organisation whose name keeps the "'s"; a place named just before it ("Adelaide", "Brooklyn")
//! is split off as the place. Never when another person's name of the article holds the word
//! ("Jim Moody" ... "Moody's view"), nor when a title is bound to it. Runs after the typer,
//! outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::flag;
use crate::mentions::{self, Mention, MentionKind, Word};

/// Brands named in the possessive, the word without its "'s", lower case.
const BRANDS: &[&str] = &[
    "applebee",
    "arby",
    "christie",
    "denny",
    "dillard",
    "domino",
    "hardee",
    "hershey",
    "kellogg",
    "kohl",
    "lloyd",
    "lowe",
    "macy",
    "mcdonald",
    "moody",
    "sainsbury",
    "sotheby",
    "wendy",
];

/// The same brands written run together without the apostrophe ("Mcdonalds").
const RUN_TOGETHER: &[&str] = &["mcdonalds", "sainsburys", "macys"];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// Whether word `w` names a brand as written.
fn brand_word(w: &Word) -> bool {
    w.is_word
        && w.cap
        && ((w.poss && BRANDS.contains(&w.norm)) || (!w.poss && RUN_TOGETHER.contains(&w.norm)))
}

/// Types possessive brands organisations with their "'s", splitting off a place before them.
pub fn type_brands(words: &[Word], all: &mut Vec<Mention>) {
    let body_name = |m: &Mention| m.kind == MentionKind::Name && m.span.field == Field::Text;
    if !words.iter().any(brand_word) {
        return;
    }
    let mut added: Vec<Mention> = Vec::new();
    let persons: Vec<std::ops::Range<usize>> = all
        .iter()
        .filter(|m| body_name(m) && m.etype == EntityType::Person)
        .map(|m| word_range(words, m.name.unwrap_or(m.span)))
        .collect();
    for m in all.iter_mut() {
        if !body_name(m) || m.title_text.is_some() {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        if r.is_empty() || !brand_word(&words[r.end - 1]) {
            continue;
        }
        let b = r.end - 1;
        let w = &words[b];
        // Another person's name holding the word ("Jim Moody").
        let held = persons.iter().any(|p| {
            *p != r
                && !(p.len() == 1 && brand_word(&words[p.start]))
                && words[p.clone()].iter().any(|x| x.norm == w.norm)
        });
        if held {
            continue;
        }
        // Words before the brand: all a place, split off; anything else, leave the name alone.
        if r.len() > 1 {
            let place = words[r.start..b]
                .iter()
                .all(|x| x.cap && x.is(flag::PLACE | flag::PLACE_LIST | flag::COUNTRY_NAME));
            if !place {
                continue;
            }
            added.push(mentions::name_mention(
                words,
                r.start,
                r.start,
                b,
                EntityType::Place,
                Field::Text,
            ));
        }
        let end = w.start + w.raw.len();
        let mut brand =
            mentions::name_mention(words, b, b, b + 1, EntityType::Organization, Field::Text);
        brand.span.end = end;
        if let Some(n) = brand.name.as_mut() {
            n.end = end;
        }
        brand.name_text = w.raw.to_string();
        *m = brand;
    }
    if added.is_empty() {
        return;
    }
    all.extend(added);
    let taken = std::mem::take(all);
    *all = mentions::sort_mentions(taken);
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn brands_named_in_the_possessive_keep_the_s() {
        let k = kinds(
            "A customer found a bolt in a burger bought at an Adelaide McDonald's on Friday. \
             McDonald's said it was looking into the complaint, and a Mcdonalds worker said \
             the kitchen had been cleaned.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "McDonald's" && *t == EntityType::Organization),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Adelaide" && *t == EntityType::Place),
            "{k:?}"
        );
        assert!(!k.iter().any(|(n, _)| n == "Adelaide McDonald"), "{k:?}");
    }

    #[test]
    fn a_person_of_the_same_name_keeps_the_possessive_his_own() {
        let k = kinds(
            "Senator Jim Moody spoke for an hour on Tuesday. Moody's speech was about taxes, \
             and Ann Wendy Carr said she agreed.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n.contains("Moody") && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(!k.iter().any(|(n, _)| n == "Moody's"), "{k:?}");
    }
}
