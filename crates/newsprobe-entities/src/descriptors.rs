//! What does the article say someone is? Titles before a name ("Russian Ambassador to Belgium"),
//! appositives ("Dragone, a senior U.S. naval officer with ..."), relative clauses ("who recently
//! stepped down"), possessives ("Russia's ambassador") and demonym modifiers, each with a kind.

use newsprobe_core::{DescriptorKind, Field, Span};

use crate::gazetteer::{flag, GAZETTEER};
use crate::mentions::{FoundDescriptor, Word};

/// Verbs and phrases that say a role is over.
const ENDED: &[&str] = &[
    "former",
    "ex",
    "stepped",
    "resigned",
    "retired",
    "ousted",
    "quit",
    "left",
    "outgoing",
    "late",
    "deposed",
    "dismissed",
    "fired",
    "sacked",
];

/// Words an appositive may start with.
const APPOSITIVE_STARTERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their"];

fn span(words: &[Word], a: usize, b: usize, field: Field) -> Span {
    Span {
        start: words[a].start,
        end: words[b - 1].end,
        field,
    }
}

/// Honorifics, which are titles but say nothing of what a person does.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "messrs"];

/// Descriptors of a title phrase (words `a..b`): one role for the whole phrase, one nationality
/// per demonym or country, one affiliation per organisation.
pub fn title_phrase(words: &[Word], a: usize, b: usize, field: Field) -> Vec<FoundDescriptor> {
    let g = &*GAZETTEER;
    let mut out = Vec::new();
    if a >= b {
        return out;
    }
    let mut roles = Vec::new();
    let mut countries = Vec::new();
    let mut former = false;
    let mut k = a;
    let mut last_role_end = a;
    while k < b {
        let w = &words[k];
        if !w.is_word {
            k += 1;
            continue;
        }
        let t = (1..=g.max_title_words.min(b - k)).rev().find(|&l| {
            let key = words[k..k + l]
                .iter()
                .map(|w| w.norm)
                .collect::<Vec<_>>()
                .join(" ");
            g.titles.contains(&key) || (l == 1 && g.role_nouns.contains(&key))
        });
        if let Some(l) = t {
            let key = words[k..k + l]
                .iter()
                .map(|w| w.norm.trim_end_matches('.').to_string())
                .collect::<Vec<_>>()
                .join(" ");
            // An honorific is no role ("Mr. Okafor").
            if !HONORIFICS.contains(&key.as_str()) {
                roles.push(key);
            }
            last_role_end = k + l;
            k += l;
            continue;
        }
        if ENDED.contains(&w.norm) {
            former = true;
        }
        if let Some(c) = g.country(w.norm).filter(|_| roles.is_empty()) {
            countries.push(c);
            out.push(FoundDescriptor {
                span: span(words, k, k + 1, field),
                kind: DescriptorKind::Nationality,
                countries: vec![c],
                roles: Vec::new(),
                former: false,
                claim: Span::default(),
            });
        } else if w.is(flag::ORGANIZATION) {
            out.push(FoundDescriptor {
                span: span(words, k, k + 1, field),
                kind: DescriptorKind::Affiliation,
                countries: Vec::new(),
                roles: Vec::new(),
                former: false,
                claim: Span::default(),
            });
        }
        k += 1;
    }
    let whole = span(words, a, b, field);
    let claim_end = last_role_end.max(a + 1).min(b);
    for d in out.iter_mut() {
        d.roles = roles.clone();
        // "U.S. naval officer": from the nationality word to the role it qualifies.
        let d_word = words[a..b]
            .iter()
            .position(|w| w.start == d.span.start)
            .map(|p| p + a);
        d.claim = match d_word {
            Some(p) if p < claim_end => span(words, p, claim_end, field),
            _ => d.span,
        };
    }
    if !roles.is_empty() {
        out.insert(
            0,
            FoundDescriptor {
                span: whole,
                kind: DescriptorKind::Role,
                countries,
                roles,
                former,
                claim: whole,
            },
        );
    }
    out
}

/// Appositive or relative clause right after a mention ending before word `b`
/// (", a senior U.S. naval officer with ...", ", who recently stepped down").
pub fn after_name(words: &[Word], b: usize, field: Field) -> Vec<FoundDescriptor> {
    if words.get(b).map(|w| w.norm) != Some(",") {
        return Vec::new();
    }
    let a = b + 1;
    let Some(first) = words.get(a) else {
        return Vec::new();
    };
    // The clause runs to the next comma, full stop, semicolon, dash or closing bracket.
    let mut e = a;
    while e < words.len() && e < a + 30 && words[e].sent == first.sent {
        if !words[e].is_word
            && matches!(
                words[e].text,
                "," | "." | ";" | "—" | "–" | ")" | ":" | "!" | "?"
            )
        {
            break;
        }
        e += 1;
    }
    if e == a {
        return Vec::new();
    }
    if matches!(first.norm, "who" | "whom") {
        let former = words[a..e].iter().any(|w| ENDED.contains(&w.norm));
        let roles: Vec<String> = words[a..e]
            .iter()
            .filter(|w| w.is(flag::ROLE_NOUN))
            .map(|w| w.norm.to_string())
            .collect();
        let kind = if former || !roles.is_empty() {
            DescriptorKind::Role
        } else {
            DescriptorKind::Other
        };
        let s = span(words, a, e, field);
        return vec![FoundDescriptor {
            span: s,
            kind,
            countries: Vec::new(),
            roles,
            former,
            claim: s,
        }];
    }
    let starts = APPOSITIVE_STARTERS.contains(&first.norm)
        || first.is(flag::COUNTRY_OF)
        || (first.poss && first.is(flag::ORGANIZATION))
        || first.is(flag::ORGANIZATION)
        || matches!(first.norm, "former" | "senior" | "then" | "longtime");
    if !starts {
        return Vec::new();
    }
    // The noun phrase head: the first role noun within the first eight words.
    let head =
        (a..e.min(a + 8)).find(|&k| words[k].is(flag::ROLE_NOUN) || words[k].is(flag::TITLE));
    let Some(h) = head else {
        return Vec::new();
    };
    // Two-word titles: "prime minister".
    let mut h_end = h + 1;
    while h_end < e && (words[h_end].is(flag::ROLE_NOUN) || words[h_end].is(flag::TITLE)) {
        h_end += 1;
    }
    let mut out = title_phrase(words, a, h_end, field);
    // The role descriptor covers the whole appositive.
    let whole = span(words, a, e, field);
    if let Some(role) = out.iter_mut().find(|d| d.kind == DescriptorKind::Role) {
        role.span = whole;
        role.former |= words[a..e].iter().any(|w| ENDED.contains(&w.norm));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::words;
    use newsprobe_core::Document;

    #[test]
    fn appositive_role_and_nationality() {
        let doc = Document::from_text(
            None,
            "Admiral Dragone, a senior U.S. naval officer with direct access to the planners, spoke.",
        );
        let mut buf = String::new();
        let ws = words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let b = ws.iter().position(|w| w.text == "Dragone").unwrap() + 1;
        let ds = after_name(&ws, b, Field::Text);
        let role = ds.iter().find(|d| d.kind == DescriptorKind::Role).unwrap();
        assert_eq!(
            doc.span_text(&role.span),
            "a senior U.S. naval officer with direct access to the planners"
        );
        let nat = ds
            .iter()
            .find(|d| d.kind == DescriptorKind::Nationality)
            .unwrap();
        assert_eq!(doc.span_text(&nat.span), "U.S.");
        assert_eq!(doc.span_text(&nat.claim), "U.S. naval officer");
        assert_eq!(nat.countries, vec!["United States"]);
    }

    #[test]
    fn relative_clause_says_former() {
        let doc = Document::from_text(
            None,
            "The minister, who recently stepped down from office, spoke.",
        );
        let mut buf = String::new();
        let ws = words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let ds = after_name(&ws, 2, Field::Text);
        assert_eq!(ds.len(), 1);
        assert_eq!(
            doc.span_text(&ds[0].span),
            "who recently stepped down from office"
        );
        assert!(ds[0].former);
        assert_eq!(ds[0].kind, DescriptorKind::Role);
    }

    #[test]
    fn title_phrase_with_demonym() {
        let doc = Document::from_text(None, "Russian Ambassador to Belgium Denis Gonchar");
        let mut buf = String::new();
        let ws = words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let ds = title_phrase(&ws, 0, 4, Field::Text);
        assert_eq!(ds[0].kind, DescriptorKind::Role);
        assert_eq!(doc.span_text(&ds[0].span), "Russian Ambassador to Belgium");
        assert_eq!(ds[0].roles, vec!["ambassador".to_string()]);
        assert!(ds
            .iter()
            .any(|d| d.kind == DescriptorKind::Nationality && doc.span_text(&d.span) == "Russian"));
    }
}
