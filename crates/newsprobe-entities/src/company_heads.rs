//! Is the name after "CEO of" a company?
//!
//! "William Santana Li, chairman and CEO of Knightscope", "Karen Olson, president and CEO of
//! Valley Dairy": the tagger and typer, trained on GUM's few company names, read a coined
//! company name as a place or a person. The body that a chief executive, chairman, founder or
//! executive director heads is an organisation: a name written right after one of those
//! corporate roles and "of" or "at" (an optional "the" between) becomes one, with every body
//! mention of the same name. Never a name bound to a title, nor one the gazetteer or GeoNames
//! holds as a place or country ("founder of America's ..."), nor one a person's longer name in
//! the article holds. The roles are corporate only: "president of", "head of", "owner of" may
//! govern a country or a team's town. Runs after the typer, outside what the tagger and typer
//! are trained on.

use newsprobe_core::lexicon::normalize;
use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Corporate roles, as word sequences ending right before "of"/"at".
const ROLES: &[&[&str]] = &[
    &["ceo"],
    &["cfo"],
    &["coo"],
    &["cto"],
    &["chief", "executive"],
    &["chief", "executive", "officer"],
    &["chief", "operating", "officer"],
    &["chief", "financial", "officer"],
    &["chairman"],
    &["chairwoman"],
    &["founder"],
    &["co-founder"],
    &["cofounder"],
    &["executive", "director"],
    &["managing", "director"],
];

/// Whether the words before `a` end with a corporate role and "of"/"at" (and maybe "the").
fn after_role(words: &[Word], a: usize) -> bool {
    let mut k = a;
    if k > 0 && words[k - 1].norm == "the" {
        k -= 1;
    }
    if k == 0 || !matches!(words[k - 1].norm, "of" | "at") {
        return false;
    }
    let end = k - 1;
    ROLES.iter().any(|role| {
        end >= role.len()
            && words[end - role.len()..end]
                .iter()
                .zip(role.iter())
                .all(|(w, r)| w.is_word && w.norm == *r && w.sent == words[a].sent)
    })
}

/// Whether a name ending before word `b` was cut from a longer one: a capitalised word, or a
/// connector and a capitalised word, right after it in its sentence ("chairman of Citizens for
/// National Security").
fn cut(words: &[Word], b: usize) -> bool {
    let cap = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.is_word && w.cap && w.sent == words[b - 1].sent)
    };
    let connector = words
        .get(b)
        .is_some_and(|w| matches!(w.norm, "for" | "of" | "and" | "&"));
    cap(b) || (connector && cap(b + 1))
}

/// Word range of a mention's name.
fn name_words(words: &[Word], m: &Mention) -> (usize, usize) {
    let n = m.name.unwrap_or(m.span);
    let a = words.partition_point(|w| w.end <= n.start);
    let b = words.partition_point(|w| w.start < n.end).max(a);
    (a, b)
}

/// Whether the words `a..b` are a gazetteer or GeoNames place, country or organisation name.
fn listed_place(words: &[Word], a: usize, b: usize) -> bool {
    let idx: Vec<usize> = (a..b).collect();
    crate::tagger::in_gazetteer(words, &idx) || crate::typer::place_listed(words, a, b)
}

/// Types as organisations the names a corporate role heads, and their other body mentions.
pub fn type_company_heads(words: &[Word], all: &mut [Mention]) {
    let heads: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let m = &all[i];
            if m.kind != MentionKind::Name
                || m.span.field != Field::Text
                || m.title_text.is_some()
                || m.etype == EntityType::Organization
            {
                return false;
            }
            let (a, b) = name_words(words, m);
            a < b && after_role(words, a) && !cut(words, b) && !listed_place(words, a, b)
        })
        .collect();
    if heads.is_empty() {
        return;
    }
    let person_words = crate::mentions::long_person_name_words(all);
    let names: Vec<String> = heads
        .iter()
        .map(|&i| normalize(&all[i].name_text))
        .filter(|n| n.contains(' ') || !person_words.contains(n))
        .collect();
    for m in all.iter_mut() {
        if m.kind == MentionKind::Name
            && m.span.field == Field::Text
            && m.title_text.is_none()
            && names.contains(&normalize(&m.name_text))
        {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn the_body_a_chief_executive_heads_is_an_organisation() {
        let k = kinds(
            "The robots are the product of Knightscope, a firm from Mountain View. William \
             Santana Li, chairman and CEO of Knightscope, said sales had doubled. Karen Olson, \
             president and CEO of Valley Dairy, notified the panel on Aug. 1. Bill Smith, chairman \
             of Citizens for National Security, said the same.",
        );
        assert!(!has(&k, "Citizens", EntityType::Organization), "{k:?}");
        for name in ["Knightscope", "Valley Dairy"] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
    }

    #[test]
    fn places_and_presidents_stay() {
        let k = kinds(
            "Jean Dupont, the founder of France's largest bakery chain, said prices would rise. \
             Emmanuel Macron, president of France, met him in Paris.",
        );
        assert!(has(&k, "France", EntityType::Place), "{k:?}");
        assert!(!has(&k, "France", EntityType::Organization), "{k:?}");
    }
}
