//! The evidence a speaker's confidence reads besides the way its name was reached (session 16):
//! facts about the quote, its cue, the mention and the name that tell a wrong name from a right
//! one, as parts of the confidence key after a `|` (`named/0+ranked+q-direct|m3|n-full|…`).
//!
//! Each part is one fact, named by a prefix and a value:
//! - `m0`..`m3`: the ranker's margin between its best and second candidate (under 0.25, 1, 3,
//!   or more); absent where it did not rank;
//! - `n-…`: the name's form: `full` (two or more capitalised words), `one` (one word), `the`
//!   ("The Pentagon"), `lower` (begins lower-case: a description or junk), `mixed` (capitalised
//!   and lower-case words: "a government spokesman"), `digit`;
//! - `e-…`: the type the entity stage gave the name's entity (`person`, `org`, `place`,
//!   `other`, `none`), and `c-1`, `c-2`, `c-4`: how often the article mentions it (once, two
//!   or three times, four or more);
//! - `cue-…`: the cue: `said` (say, says, said), `told`, `acc` ("according to"), `other`,
//!   `none` (the cue's own word as a feature was built but not measured in session 16: with
//!   hundreds of words the Newton fit's dense system grew too slow for the honest refits);
//! - `pos-…`: the mention before, after or inside the statement; `t0`..`t2`: its distance
//!   from the cue in tokens (up to 2, up to 8, more). (A paragraph break between the mention
//!   and the statement was tried and left out: right 0.52 of the time on PolNeAR train, 0.92
//!   on the tuned-on groups, whose pages break paragraphs at every quotation);
//! - `r0`, `r1`, `r2`: how many other persons the entity stage names in the sentences between
//!   the mention and the statement (outside the statement): rivals for the speech;
//! - `mt-…`: the mention as written: `pron` (a pronoun), `det` (a description with an article),
//!   `cap`, `lower`;
//! - `ps-same`, `ps-other`: a "he" or "she" after a sentence opened by its own name's or
//!   another person's mention ([`crate::prior_subject`], session 26).
//!
//! The parts are a model's features ([`crate::confidence`]), learned where labels exist.

use newsprobe_core::{EntityType, Field, Span};

use crate::speaker::{Ctx, Mention};
use crate::Found;

/// The evidence parts of a quote whose source was reached from mention `m`, its name `name`
/// and entity `entity` (an id of the document's entities), each after a `|`.
pub fn parts(
    ctx: &Ctx,
    f: &Found,
    m: &Mention,
    name: Option<&str>,
    entity: Option<&str>,
) -> String {
    let mut out = String::new();
    push_parts(&mut out, ctx, f, m, name, entity);
    out
}

/// [`parts`] appended to `out` (the quote's key), with no string of its own.
pub fn push_parts(
    out: &mut String,
    ctx: &Ctx,
    f: &Found,
    m: &Mention,
    name: Option<&str>,
    entity: Option<&str>,
) {
    let doc = ctx.doc;
    let mut push = |p: &str| {
        out.push('|');
        out.push_str(p);
    };
    if let Some(margin) = f.margin {
        push(match margin {
            i32::MIN..=249 => "m0",
            250..=999 => "m1",
            1000..=2999 => "m2",
            _ => "m3",
        });
    }
    push(name.map_or("n-none", name_form));
    let ent = entity.and_then(|id| doc.entity(id));
    push(match ent.map(|e| e.kind) {
        Some(EntityType::Person) => "e-person",
        Some(EntityType::Organization) => "e-org",
        Some(EntityType::Place) => "e-place",
        Some(EntityType::Other) => "e-other",
        None => "e-none",
    });
    if let Some(e) = ent {
        push(match e.mentions.len() {
            0 | 1 => "c-1",
            2 | 3 => "c-2",
            _ => "c-4",
        });
    }
    // (ASCII case folding reads these words as `to_lowercase` did: no other character lowers
    // to a letter of theirs but the Kelvin sign, to `k`.)
    let is = |c: &str, w: &str| c.eq_ignore_ascii_case(w);
    let starts = |c: &str, w: &str| c.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    push(match f.cue.map(|c| doc.span_text(&c)) {
        None => "cue-none",
        Some(c) if ["said", "says", "say", "saying"].iter().any(|w| is(c, w)) => "cue-said",
        Some(c) if starts(c, "told") || starts(c, "tell") => "cue-told",
        Some(c) if starts(c, "according") => "cue-acc",
        Some(_) => "cue-other",
    });
    let content = f.content;
    push(if m.span.end <= content.start {
        "pos-before"
    } else if m.span.start >= content.end {
        "pos-after"
    } else {
        "pos-inside"
    });
    if let Some(c) = f.cue_token {
        let d = if c > m.last {
            c - m.last
        } else {
            m.first.saturating_sub(c)
        };
        push(match d {
            0..=2 => "t0",
            3..=8 => "t1",
            _ => "t2",
        });
    }
    push(match rivals(ctx, m, content, entity) {
        0 => "r0",
        1 => "r1",
        _ => "r2",
    });
    let written = doc.span_text(&m.span);
    let first = written.split_whitespace().next().unwrap_or("");
    push(
        if PRONOUNS.iter().any(|p| is(first, p)) && !written.contains(' ') {
            "mt-pron"
        } else if ["the", "a", "an"].iter().any(|w| is(first, w)) {
            "mt-det"
        } else if written.chars().next().is_some_and(char::is_uppercase) {
            "mt-cap"
        } else {
            "mt-lower"
        },
    );
    if let Some(p) = crate::prior_subject::part(ctx, m, entity) {
        push(p);
    }
}

const PRONOUNS: [&str; 10] = [
    "he", "she", "they", "it", "we", "i", "him", "her", "them", "you",
];

/// The form of a name as shown.
pub fn name_form(name: &str) -> &'static str {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if name.chars().any(|c| c.is_ascii_digit()) {
        "n-digit"
    } else if !words.first().is_some_and(cap) {
        "n-lower"
    } else if words.first().is_some_and(|w| *w == "The") {
        "n-the"
    } else if words.len() == 1 {
        "n-one"
    } else if words.iter().all(|w| cap(w) || PARTICLES.contains(w)) {
        "n-full"
    } else {
        "n-mixed"
    }
}

const PARTICLES: [&str; 8] = ["de", "van", "von", "der", "al", "bin", "da", "la"];

/// How many persons other than `entity` the entity stage names between the mention and the
/// statement, sentences included, outside the statement.
fn rivals(ctx: &Ctx, m: &Mention, content: Span, entity: Option<&str>) -> usize {
    let doc = ctx.doc;
    let sent = |p: usize| doc.sentence_at(p);
    let (Some(a), Some(b), Some(x)) = (
        sent(content.start),
        sent(content.end.saturating_sub(1)),
        sent(m.span.start),
    ) else {
        return 0;
    };
    let (lo, hi) = (a.min(x), b.max(x));
    let (Some(s0), Some(s1)) = (doc.sentences.get(lo), doc.sentences.get(hi)) else {
        return 0;
    };
    let (from, to) = (s0.span.start, s1.span.end);
    // (The indexed mentions in the window, not a scan of every entity's mentions for each
    // quote: that was quadratic in a long transcript.)
    // (Mentions of either field count, by their offsets, as the model was trained.)
    let mentions = ctx.entity_mentions();
    let windows = [Field::Text, Field::Title].map(|field| Span {
        start: from,
        end: to,
        field,
    });
    let mut seen: Vec<usize> = Vec::new();
    for k in windows.iter().flat_map(|w| mentions.index.overlapping(*w)) {
        let s = mentions.span[k];
        let i = mentions.entity[k];
        let Some(e) = doc.entities.get(i) else {
            continue;
        };
        if s.start >= from
            && s.end <= to
            && !(s.start >= content.start && s.end <= content.end)
            && !(s.start < m.span.end && m.span.start < s.end)
            && e.kind == EntityType::Person
            && Some(e.id.as_str()) != entity
            && !seen.contains(&i)
        {
            seen.push(i);
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms() {
        assert_eq!(name_form("Maria Okafor"), "n-full");
        assert_eq!(name_form("Okafor"), "n-one");
        assert_eq!(name_form("The Pentagon"), "n-the");
        assert_eq!(name_form("weirdly enough"), "n-lower");
        assert_eq!(name_form("Ursula von der Leyen"), "n-full");
        assert_eq!(name_form("Senate Majority leader"), "n-mixed");
        assert_eq!(name_form("Route 66"), "n-digit");
    }

    #[test]
    fn a_name_at_its_cue_has_its_evidence() {
        let mut doc = newsprobe_core::Document::from_text(
            None,
            "Council approves budget\n\n\u{201c}We have waited long enough,\u{201d} said Maria \
             Okafor, the council's finance chair.\n",
        );
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let key = doc.quotes[0].source.key.clone().expect("a key");
        assert!(key.starts_with("named/0"), "{key}");
        for p in [
            "|n-full",
            "|e-person",
            "|cue-said",
            "|pos-after",
            "|t0",
            "|r0",
            "|mt-cap",
        ] {
            assert!(key.contains(p), "{p} in {key}");
        }
    }
}
