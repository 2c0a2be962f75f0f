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
    // Most articles name no acronym: nothing to do.
    if !names
        .iter()
        .any(|&(_, a, b)| b - a == 1 && is_acronym(words[a].text))
    {
        return;
    }
    let ending_at: Map<usize, usize> = names.iter().map(|&(i, _, b)| (b, i)).collect();
    let starting_at: Map<usize, usize> = names.iter().map(|&(i, a, _)| (a, i)).collect();
    let paren = |j: usize, p: &str| words.get(j).is_some_and(|w| w.text == p);
    // Defined pairs: (full name, acronym) mention indices.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &(i, a, b) in &names {
        if b - a != 1 || !is_acronym(words[a].text) {
            continue;
        }
        // "Full Name (ACR)"
        if a >= 2 && paren(a - 1, "(") && paren(b, ")") {
            if let Some(&f) = ending_at.get(&(a - 1)) {
                let n = all[f].name.unwrap_or(all[f].span);
                let (fa, fb) = word_range(n.start, n.end);
                if spells(words[a].text, &words[fa..fb]) {
                    pairs.push((f, i));
                }
            }
        }
        // "ACR (Full Name)"
        if paren(b, "(") {
            if let Some(&f) = starting_at.get(&(b + 1)) {
                let n = all[f].name.unwrap_or(all[f].span);
                let (fa, fb) = word_range(n.start, n.end);
                if paren(fb, ")") && spells(words[a].text, &words[fa..fb]) {
                    pairs.push((f, i));
                }
            }
        }
    }
    // The type each acronym's typed mentions (and its defined full names) agree on.
    const MIXED: u8 = u8::MAX;
    let mut agreed: Map<String, u8> = Map::default();
    let mut vote = |key: String, t: EntityType| {
        if t == EntityType::Other {
            return;
        }
        let c = crate::typer::class(t);
        agreed
            .entry(key)
            .and_modify(|v| {
                if *v != c {
                    *v = MIXED
                }
            })
            .or_insert(c);
    };
    for &(i, a, b) in &names {
        if b - a == 1 && is_acronym(words[a].text) {
            vote(letters(words[a].text), all[i].etype);
        }
    }
    for &(f, i) in &pairs {
        let n = all[i].name.unwrap_or(all[i].span);
        let (a, _) = word_range(n.start, n.end);
        vote(letters(words[a].text), all[f].etype);
    }
    for &(i, a, b) in &names {
        if b - a == 1 && is_acronym(words[a].text) && all[i].etype == EntityType::Other {
            if let Some(&c) = agreed.get(&letters(words[a].text)) {
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
    for &(f, i) in &pairs {
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
        let key = {
            let n = all[i].name.unwrap_or(all[i].span);
            let (a, _) = word_range(n.start, n.end);
            letters(words[a].text)
        };
        for &(j, a, b) in &names {
            let same =
                j == f || b - a == 1 && letters(words[a].text) == key && is_acronym(words[a].text);
            if same && all[j].etype == EntityType::Other {
                all[j].etype = EntityType::Organization;
                all[j].weak = false;
            }
        }
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
