//! Acronyms, one type per article: an acronym the article defines ("the Agriculture Revolving
//! Loan Fund (ARLF)", "MADD (Mothers Against Drunk Driving)") is one entity with its full name,
//! so the two take one type, and every mention of an acronym takes the type its typed mentions
//! agree on ("NFL" typed an organisation once and left untyped by the typer elsewhere).
//!
//! Runs after the typer, on the body names. A name nothing typed takes the type of its partner
//! or of the acronym's other mentions; a typed name is never retyped, and nothing is typed where
//! the typed mentions disagree or none is typed (a defined term is not always an organisation:
//! "Geographic Information Systems (GIS)").

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::Map;
use crate::mentions::{Mention, MentionKind, Word};

/// Whether a word is written as an acronym ("NFL", "U.S.", "D4CC").
pub(crate) fn is_acronym(text: &str) -> bool {
    // The character test first: it fails at the second letter of most names.
    text.chars()
        .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
        && (2..=6).contains(&text.chars().filter(|c| c.is_alphabetic()).count())
}

/// The letters of an acronym, lower case ("U.S." -> "us"); digits kept ("D4CC").
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `acronym` spells the initials of the name `words`: of its capitalised words, or of
/// all its words ("Centers for Disease Control" -> CDC; "Department of Health and Human
/// Services" -> DHHS or DHHS without "of"/"and").
fn spells(acronym: &str, words: &[Word]) -> bool {
    let a = letters(acronym);
    if a.len() < 2 || words.len() < 2 {
        return false;
    }
    let initials = |all: bool| -> String {
        words
            .iter()
            .filter(|w| w.is_word && (all || w.cap))
            .filter_map(|w| w.text.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let caps = initials(false);
    caps.len() >= 2 && (caps == a || initials(true) == a)
}

/// Makes the types of acronyms and the names they stand for agree within the article.
pub fn unify(words: &[Word], all: &mut [Mention]) {
    // Body names by their word range.
    let word_range = |s: usize, e: usize| {
        let x = words.partition_point(|w| w.end <= s);
        let y = words.partition_point(|w| w.start < e);
        (x, y.max(x))
    };
    let names: Vec<(usize, usize, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Name && m.span.field == Field::Text)
        .map(|(i, m)| {
            let n = m.name.unwrap_or(m.span);
            let (a, b) = word_range(n.start, n.end);
            (i, a, b)
        })
        .filter(|&(_, a, b)| b > a)
        .collect();
    let acronym = |a: usize, b: usize| b - a == 1 && is_acronym(words[a].text);
    // Most articles name no acronym: nothing to do.
    if !names.iter().any(|&(_, a, b)| acronym(a, b)) {
        return;
    }
    let paren = |j: usize, p: &str| words.get(j).is_some_and(|w| w.text == p);
    // Defined pairs: (full name, acronym) mention indices; the acronym's word.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for &(i, a, b) in names.iter().filter(|&&(_, a, b)| acronym(a, b)) {
        // "Full Name (ACR)"
        let before = (a >= 2 && paren(a - 1, "(") && paren(b, ")"))
            .then(|| names.iter().find(|n| n.2 == a - 1))
            .flatten();
        // "ACR (Full Name)"
        let after = paren(b, "(")
            .then(|| names.iter().find(|n| n.1 == b + 1 && paren(n.2, ")")))
            .flatten();
        for &(f, fa, fb) in before.into_iter().chain(after) {
            if spells(words[a].text, &words[fa..fb]) {
                pairs.push((f, i, a));
            }
        }
    }
    // The type each acronym's typed mentions (and its defined full names) agree on.
    let mut agreed: Map<&str, u8> = Map::default();
    for &(i, a, b) in &names {
        if acronym(a, b) {
            vote(&mut agreed, words[a].norm, all[i].etype);
        }
    }
    for &(f, _, a) in &pairs {
        vote(&mut agreed, words[a].norm, all[f].etype);
    }
    for &(i, a, b) in &names {
        if acronym(a, b) && all[i].etype == EntityType::Other {
            if let Some(&c) = agreed.get(words[a].norm) {
                if c != MIXED {
                    all[i].etype = crate::typer::class_type(c);
                    all[i].weak = false;
                }
            }
        }
    }
    // A full name nothing typed takes its acronym's type; a pair nothing typed is an
    // organisation ("Mothers Against Drunk Driving (MADD)": a name the article bothers to
    // abbreviate), unless its last word names a law, plan, disease or measure ("the Affordable
    // Care Act (ACA)", "Gross Domestic Product (GDP)").
    for &(f, i, acr) in &pairs {
        if all[f].etype != EntityType::Other {
            continue;
        }
        if all[i].etype != EntityType::Other {
            all[f].etype = all[i].etype;
            all[f].weak = false;
            continue;
        }
        let n = all[f].name.unwrap_or(all[f].span);
        let (a, b) = word_range(n.start, n.end);
        if words[a..b].iter().filter(|w| w.cap).count() < 2
            || NO_ORGANISATION_HEADS.contains(&words[b - 1].norm)
        {
            continue;
        }
        for &(j, a, b) in &names {
            let same = j == f || acronym(a, b) && words[a].norm == words[acr].norm;
            if same && all[j].etype == EntityType::Other {
                all[j].etype = EntityType::Organization;
                all[j].weak = false;
            }
        }
    }
}

/// Types agreed on: a class, or [`MIXED`] where typed mentions disagree.
const MIXED: u8 = u8::MAX;

/// Adds a typed mention's vote for its acronym's type.
fn vote<'a>(agreed: &mut Map<&'a str, u8>, key: &'a str, t: EntityType) {
    if t == EntityType::Other {
        return;
    }
    let c = crate::typer::class(t);
    let v = agreed.entry(key).or_insert(c);
    if *v != c {
        *v = MIXED;
    }
}

/// Last words of defined terms that name no organisation.
const NO_ORGANISATION_HEADS: &[&str] = &[
    "act",
    "acts",
    "bill",
    "law",
    "laws",
    "treaty",
    "agreement",
    "accord",
    "convention",
    "program",
    "programme",
    "plan",
    "plans",
    "initiative",
    "strategy",
    "policy",
    "scheme",
    "index",
    "product",
    "rate",
    "syndrome",
    "disease",
    "disorder",
    "virus",
    "test",
    "system",
    "systems",
    "survey",
    "standard",
    "standards",
    "goals",
    "technology",
    "technologies",
    "resources",
    "light",
    "zone",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_shapes() {
        for (text, expected) in [
            ("NFL", true),
            ("U.S.", true),
            ("D4CC", true),
            ("Who", false),
            ("A", false),
            ("NATIONALS", false),
        ] {
            assert_eq!(is_acronym(text), expected, "{text}");
        }
        assert_eq!(letters("U.S."), "us");
    }
}
