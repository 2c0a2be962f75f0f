//! Is this name a well-known news outlet, whatever the tagger and the typer made of it?
//!
//! News reports cite outlets by name, often without saying what they are ("Breitbart reported",
//! "an Esquire blog post", "the Weather Channel's Mike Seidel"). GUM's training documents hold
//! few of them, so the tagger and the typer read a coined one-word name as a person or leave it
//! untyped, and read "Channel" or "Post" as a place's word: on the tuned-on review groups
//! "Esquire" and "Weather Channel" were places, "Breitbart" and "Playboy" untyped. A short list
//! of well-known outlets (`data/known_outlets.txt`, written from general knowledge of the press;
//! names that are also common words or people's names alone are left out) types a name that is
//! exactly one of them an organisation, and every mention of the same name with it. A one-word
//! name opening a sentence that the article also writes in lower case ("Wired to ...") is left
//! alone. Runs after the typer, outside what the tagger and typer are trained on.

use std::sync::LazyLock;

use newsprobe_core::lexicon::{normalize, normalize_into};
use newsprobe_core::{EntityType, Field};

use crate::gazetteer::Set;
use crate::mentions::{Mention, MentionKind, Word};

/// The list, one normalised name a line.
const LIST: &str = include_str!("../data/known_outlets.txt");

static OUTLETS: LazyLock<Set<String>> = LazyLock::new(|| {
    crate::gazetteer::list_entries(LIST)
        .map(normalize)
        .collect()
});

/// The list's names, lower case (what `outlet_runs` reads).
pub(crate) fn outlet_names() -> &'static Set<String> {
    &OUTLETS
}

/// For each ASCII first byte of a listed key, the lengths (under 64 bytes) of the keys that
/// start with it: bit `n` is set when one of `n` bytes does.
static SHAPES: LazyLock<[u64; 128]> = LazyLock::new(|| {
    let mut t = [0u64; 128];
    for k in OUTLETS.iter() {
        if let Some(&f) = k.as_bytes().first() {
            if f.is_ascii() && k.len() < 64 {
                t[usize::from(f)] |= 1 << k.len();
            }
        }
    }
    t
});

/// Whether `key(name)` may be in the list: an ASCII name whose key has no listed first byte and
/// length is not (most names), refused without lower-casing or hashing it.
fn may_be_listed(name: &str) -> bool {
    let t = name.trim();
    if !t.is_ascii() {
        return true;
    }
    let rest = match t.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") && t.len() > 4 => &t[4..],
        _ => t,
    };
    let Some(&f) = rest.as_bytes().first() else {
        return true;
    };
    rest.len() >= 64 || SHAPES[usize::from(f.to_ascii_lowercase())] >> rest.len() & 1 != 0
}

/// The name as the list writes it: lower case, without a leading "the"; written in `buf` (one
/// buffer for all the mentions of a document, not a `String` a mention).
fn key<'b>(name: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    normalize_into(name.trim(), buf);
    match buf.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest,
        _ => buf,
    }
}

/// Whether a body name of one word opens a sentence and the article writes it in lower case
/// too: a common word, not the outlet.
fn common_word(words: &[Word], m: &Mention, lowercase: &Set<&str>) -> bool {
    if m.span.field != Field::Text {
        return false;
    }
    let s = m.name.unwrap_or(m.span);
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    match words.get(a..b) {
        Some([w]) => w.sent_start && lowercase.contains(w.norm),
        _ => false,
    }
}

/// Types as organisations the names (body and headline) that are exactly a well-known outlet,
/// never one a person's longer name in the article holds ("Forbes" after "Larry Forbes").
pub fn type_known_outlets(words: &[Word], lowercase: &Set<&str>, all: &mut [Mention]) {
    let mut buf = String::new();
    let hits: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let m = &all[i];
            m.kind == MentionKind::Name
                && m.title_text.is_none()
                && m.etype != EntityType::Organization
                && may_be_listed(&m.name_text)
                && OUTLETS.contains(key(&m.name_text, &mut buf))
        })
        .collect();
    if hits.is_empty() {
        return;
    }
    let person_words = crate::mentions::long_person_name_words(all);
    for i in hits {
        let m = &mut all[i];
        let held = !m.name_text.contains(' ') && person_words.contains(&normalize(&m.name_text));
        if !held && !common_word(words, m, lowercase) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn the_quick_refusal_keeps_every_listed_name() {
        let mut buf = String::new();
        for k in super::OUTLETS.iter() {
            for name in [
                k.clone(),
                format!("The {k}"),
                k.to_uppercase(),
                format!(" {k} "),
            ] {
                if super::OUTLETS.contains(super::key(&name, &mut buf)) {
                    assert!(super::may_be_listed(&name), "{name}");
                }
            }
        }
        assert!(!super::may_be_listed("Jane Roberts"));
        assert!(super::may_be_listed("Zürich"));
    }

    #[test]
    fn well_known_outlets_are_organisations() {
        let k = kinds(
            "The story was first reported by Breitbart on Monday. An Esquire blog post said \
             the network had a problem, and the Weather Channel sent a crew. Jane Roberts, who \
             wrote for Playboy in the 1990s, said the claim was false.",
        );
        for name in ["Breitbart", "Esquire", "Weather Channel", "Playboy"] {
            assert!(
                k.iter()
                    .any(|(n, t)| n.ends_with(name) && *t == EntityType::Organization),
                "{name}: {k:?}"
            );
        }
        assert!(
            k.iter()
                .any(|(n, t)| n == "Jane Roberts" && *t == EntityType::Person),
            "{k:?}"
        );
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_outlet() {
        let k = kinds(
            "Wired into the grid, the plant hums all night. The house was wired last year, \
             John Smith said.",
        );
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Wired" && *t == EntityType::Organization),
            "{k:?}"
        );
    }

    #[test]
    fn names_holding_an_outlet_are_not_retyped() {
        let k = kinds(
            "Larry Forbes, a farmer from Iowa, said the harvest was late. Forbes said prices \
             had fallen.",
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Larry Forbes" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            !k.iter().any(|(_, t)| *t == EntityType::Organization),
            "{k:?}"
        );
    }
}
