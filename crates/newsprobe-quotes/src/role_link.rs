//! "The analyst said" after "Gene Munster, an analyst at Piper Jaffray, said"; "the senator"
//! after "Sen. Mazie Hirono"; "the 45-year-old" after "Dana Whitfield, 45,": a definite
//! description of one role word (or an age) linked to the one person the article gave that role
//! or age before it (issue 11, session 23).
//!
//! The article links the role to a name in one of three ways: in apposition after the name
//! ("NAME, a ROLE", "NAME, a senior ROLE at FIRM,", "NAME, the ROLE of"), as a title before the
//! name ("ROLE NAME", "Piper Jaffray analyst Gene Munster"), or, for a senator, representative,
//! governor or general, by the title's abbreviation ("Sen. NAME"). An age is linked by "NAME,
//! 45," or "NAME (45)".
//!
//! Precision first (a wrong link pins a quote on the wrong person): only a person entity of a
//! name of two words or more, written before the description; only when exactly one such person
//! carries the role (or age) anywhere before it; and never when the article, before the
//! description, writes the role of someone it does not link to a name ("another analyst", "a
//! second analyst", "an analyst who asked not to be named"), who may be the one meant.

use newsprobe_core::{Entity, EntityType, Field};

use crate::speaker::{Ctx, Mention};

/// Tokens of an apposition read for its head ("an analyst at Piper Jaffray": the head is the
/// last word before "at").
const APPOSITION_REACH: usize = 10;

/// Words that close the head of an apposition ("an analyst *at* Piper Jaffray").
const HEAD_STOPS: &[&str] = &[
    "at", "of", "for", "with", "in", "from", "on", "to", "who", "whose", "and", "since", "by",
    "based", "until", "under",
];

/// Words before a role that make it someone else's, not the named person's: "another analyst",
/// "a second analyst", "an analyst who declined to be named".
const OTHER_HOLDER: &[&str] = &[
    "a", "an", "another", "other", "second", "third", "one", "two", "fellow", "some", "any",
];

/// Abbreviated titles written before a name, and the role word each stands for.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("senator", &["sen", "sen."]),
    ("representative", &["rep", "rep."]),
    ("congressman", &["rep", "rep."]),
    ("congresswoman", &["rep", "rep."]),
    ("governor", &["gov", "gov."]),
    ("general", &["gen", "gen."]),
    ("professor", &["prof", "prof."]),
];

/// Nouns an age description may carry after the age ("the 45-year-old man").
const AGE_NOUNS: &[&str] = &[
    "man", "woman", "boy", "girl", "mother", "father", "teen", "teenager",
];

/// What the description names: a role word or an age.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Described {
    Role(String),
    Age(String),
}

/// The description `m` reads: "the analyst" (a lower-case role word after "the"), "the
/// 45-year-old" or "the 45-year-old woman".
fn described(ctx: &Ctx, m: &Mention) -> Option<Described> {
    if m.first >= m.last || ctx.word(m.first) != "the" {
        return None;
    }
    let words: Vec<&str> = (m.first + 1..=m.last).map(|k| ctx.word(k)).collect();
    // "45-year-old" as one token or as "45 - year - old".
    let joined: String = words.concat();
    let (age_text, rest) = match joined.find("-year-old") {
        Some(i) => (&joined[..i], &joined[i + "-year-old".len()..]),
        None => ("", ""),
    };
    if !age_text.is_empty() && age_text.bytes().all(|b| b.is_ascii_digit()) {
        return (rest.is_empty() || AGE_NOUNS.contains(&rest))
            .then(|| Described::Age(age_text.to_string()));
    }
    crate::described::one_word_role(ctx, m).map(Described::Role)
}

/// Whether the tokens from `k` (right after a name) open an apposition whose head is `role`:
/// ", an analyst at Piper Jaffray," / ", the company's senior analyst,". Returns the token
/// range of the apposition's head word.
fn apposed_role(ctx: &Ctx, k: usize, role: &str) -> Option<usize> {
    if ctx.word(k) != "," {
        return None;
    }
    let first = k + 1;
    if !matches!(ctx.word(first), "a" | "an" | "the") {
        return None;
    }
    let mut j = first + 1;
    let end = (first + APPOSITION_REACH).min(ctx.len());
    while j < end {
        let w = ctx.word(j);
        if HEAD_STOPS.contains(&w) || matches!(w, "," | ")" | ";" | "." | "—" | "–") {
            let head = j.checked_sub(1)?;
            return (head > first && ctx.word(head) == role).then_some(head);
        }
        if !ctx.is_word(j) && !matches!(w, "-" | "'s" | "’s") {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the name starting at token `k0` has `role` as a title right before it ("analyst Gene
/// Munster", "Sen. Mazie Hirono").
fn titled_role(ctx: &Ctx, k0: usize, role: &str) -> bool {
    // (The mention may hold its title: "Sen. Mazie Hirono" from "Sen.".)
    if is_title_of(ctx, k0 + 1, role) || (ctx.word(k0 + 1) == "." && is_title_of(ctx, k0 + 2, role))
    {
        return true;
    }
    is_title_of(ctx, k0, role)
}

/// Whether the token before `k0` is `role` or its abbreviation ("Sen", "Sen.").
fn is_title_of(ctx: &Ctx, k0: usize, role: &str) -> bool {
    let Some(prev) = k0.checked_sub(1) else {
        return false;
    };
    if ctx.word(prev) == role {
        return true;
    }
    let abbreviations = ABBREVIATIONS
        .iter()
        .filter(|(r, _)| *r == role)
        .flat_map(|(_, a)| a.iter());
    for a in abbreviations {
        if ctx.word(prev) == *a {
            return true;
        }
        // ("Sen." split as "Sen" + ".".)
        if ctx.word(prev) == "." && prev >= 1 && ctx.word(prev - 1) == *a {
            return true;
        }
    }
    false
}

/// Whether the tokens from `k` (right after a name) give its age: ", 45," or " (45)".
fn aged(ctx: &Ctx, k: usize, age: &str) -> bool {
    matches!(
        (ctx.word(k), ctx.word(k + 1), ctx.word(k + 2)),
        ("," | "(", a, "," | ")" | "." | ";") if a == age
    )
}

/// "Gerard Biard, Charlie Hebdo's editor-in-chief, who was in London, said": the speaker
/// mention is itself an apposition, closed by a comma, to the named person written right before
/// it; it holds a role or title word ("editor-in-chief" by its first part).
fn apposed_to_name<'a>(ctx: &Ctx<'a>, m: &Mention) -> Option<&'a Entity> {
    let comma = m.first.checked_sub(1)?;
    if ctx.word(comma) != "," || ctx.word(m.last + 1) != "," || ctx.is_pronoun(m.last) {
        return None;
    }
    // (A definite or possessive apposition only: "an organizer with the coalition" the entity
    // stage links itself, and reading it again here moved a later pronoun's referent.)
    let possessive = |k: usize| {
        let w = ctx.word(k);
        w.ends_with("'s") || w.ends_with("’s") || matches!(w, "'s" | "’s")
    };
    if ctx.word(m.first) != "the" && !(m.first..m.last).any(possessive) {
        return None;
    }
    let role = (m.first..=m.last).any(|k| {
        ctx.is_role_noun(k)
            || ctx.is_title(k)
            || ctx
                .word(k)
                .split_once('-')
                .is_some_and(|(w, _)| crate::lexicon::is_role_noun(w))
    });
    if !role {
        return None;
    }
    let before = ctx.span(comma).start;
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let mut found: Option<&'a Entity> = None;
    for e in doc.entities.iter().filter(|e| e.kind == EntityType::Person) {
        let here = e.mentions.iter().any(|s| {
            s.field == Field::Text && s.end == before && ctx.token_at_or_after(s.start) < comma
        });
        if !here {
            continue;
        }
        match found {
            Some(f) if f.id != e.id => return None,
            _ => found = Some(e),
        }
    }
    found.filter(|e| reads_as_full_name(&e.name))
}

/// Whether an entity's name reads as a person's full name: two to four capitalised words,
/// none a function word ("Bernie Sanders Pins The Rise Of" is a headline's words).
fn reads_as_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !matches!(
                    *w,
                    "The" | "Of" | "And" | "In" | "On" | "To" | "For" | "A" | "At" | "With"
                )
        })
}

/// The id of the named person entity whose text mention ends last before the description `m`.
fn last_person_before<'a>(ctx: &Ctx<'a>, m: &Mention) -> Option<&'a str> {
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let mut best: Option<(usize, &'a str)> = None;
    // (Named persons only: "the nominee", kept as a person entity of its own, names nobody.)
    let named = |e: &&Entity| {
        e.kind == EntityType::Person
            && e.name.chars().next().is_some_and(char::is_uppercase)
            && !e.name.starts_with("The ")
    };
    for e in doc.entities.iter().filter(named) {
        for s in &e.mentions {
            if s.field != Field::Text || s.end > m.span.start {
                continue;
            }
            if best.is_none_or(|(end, _)| s.end > end) {
                best = Some((s.end, e.id.as_str()));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// The one person entity the description `m` ("the analyst", "the senator", "the 45-year-old")
/// is linked to by a role or age the article gave that person before it; `None` when none or
/// two persons carry it, or the article gave the role to someone unnamed before `m`.
pub(crate) fn person_linked<'a>(ctx: &Ctx<'a>, m: &Mention) -> Option<&'a Entity> {
    if let Some(e) = apposed_to_name(ctx, m) {
        return Some(e);
    }
    let what = described(ctx, m)?;
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let mut found: Option<&'a Entity> = None;
    // Tokens of the role words that link a name (apposition heads and titles).
    let mut linking: Vec<usize> = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == EntityType::Person) {
        let mut links = false;
        for s in &e.mentions {
            if s.field != Field::Text || s.end > m.span.start {
                continue;
            }
            let k0 = ctx.token_at_or_after(s.start);
            let k = ctx.token_at_or_after(s.end);
            if k >= m.first {
                continue;
            }
            match &what {
                Described::Role(role) => {
                    if let Some(h) = apposed_role(ctx, k, role) {
                        linking.push(h);
                        links = true;
                    }
                    if titled_role(ctx, k0, role) {
                        linking.push(k0.saturating_sub(1));
                        links = true;
                    }
                }
                Described::Age(age) => {
                    if aged(ctx, k, age) {
                        links = true;
                    }
                }
            }
        }
        if !links {
            continue;
        }
        if !reads_as_full_name(&e.name) {
            return None;
        }
        match found {
            Some(f) if f.id != e.id => return None,
            _ => found = Some(e),
        }
    }
    let found = found?;
    // The person named last before the description must be the one linked: "Cruz defends his
    // record …, the senator says" is Cruz's, whoever else the article titled a senator.
    if last_person_before(ctx, m) != Some(found.id.as_str()) {
        return None;
    }
    // Someone else given the role before the description, not linked to a name: "another
    // analyst said", "an analyst who asked not to be named".
    if let Described::Role(role) = &what {
        for j in 0..m.first {
            if ctx.word(j) != role.as_str() || linking.contains(&j) {
                continue;
            }
            let before = |d: usize| j.checked_sub(d).map(|i| ctx.word(i)).unwrap_or("");
            if OTHER_HOLDER.contains(&before(1)) || OTHER_HOLDER.contains(&before(2)) {
                return None;
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    #[test]
    fn a_role_in_apposition_links_the_description() {
        let text = "Harriet Okonkwo, an analyst at Brenmoor Securities, said the chip would ship \
            in March. \"Demand is running well ahead of supply,\" the analyst said.";
        let (name, kind) = source_of(text, "Demand is running");
        assert_eq!(name.as_deref(), Some("Harriet Okonkwo"));
        assert_eq!(kind, SourceType::Named);
    }

    #[test]
    fn an_abbreviated_title_links_the_senator() {
        let text = "Sen. Marguerite Dellacorte of Vermont questioned the nominee for an hour. \
            \"You have not answered the question,\" the senator said.";
        let (name, kind) = source_of(text, "You have not answered");
        assert_eq!(name.as_deref(), Some("Marguerite Dellacorte"));
        assert_eq!(kind, SourceType::Named);
    }

    #[test]
    fn an_age_in_apposition_links_the_description() {
        let text = "Dana Whitfield, 45, was driving home when the bridge gave way. \
            \"I heard the cables snap,\" the 45-year-old told reporters.";
        let (name, _) = source_of(text, "I heard the cables");
        assert_eq!(name.as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn a_speaker_written_as_an_apposition_is_the_name_before_it() {
        let text = "Odile Marchetti, Le Vigilant's editor-in-chief, who was abroad at the time, \
            said: \"We will print next week as we always have.\"";
        let (name, kind) = source_of(text, "We will print next week");
        assert_eq!(name.as_deref(), Some("Odile Marchetti"));
        assert_eq!(kind, SourceType::Named);
    }

    // (Ignored in session 23; the entity stage leaves a role two people hold unlinked since
    // session 24, `newsprobe_entities::role_holders`.)
    #[test]
    fn another_holder_of_the_role_leaves_it_unnamed() {
        let text = "Harriet Okonkwo, an analyst at Brenmoor Securities, expects a delay. \
            Another analyst, who asked not to be named, disagreed. \"It will ship on time,\" \
            the analyst said.";
        let (name, _) = source_of(text, "It will ship on time");
        assert_ne!(name.as_deref(), Some("Harriet Okonkwo"));
    }

    // (Ignored in session 23, as above. The description is shown as written, "the analyst":
    // neither analyst's name.)
    #[test]
    fn two_named_holders_leave_it_unnamed() {
        let text = "Harriet Okonkwo, an analyst at Brenmoor Securities, and Tomas Villanueva, \
            an analyst at Kestrel Partners, both expect a delay. \"It will not ship in \
            March,\" the analyst said.";
        let (name, _) = source_of(text, "It will not ship");
        assert!(
            !matches!(
                name.as_deref(),
                Some("Harriet Okonkwo" | "Tomas Villanueva")
            ),
            "{name:?}"
        );
    }
}
