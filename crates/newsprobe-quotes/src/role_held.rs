//! Source types of descriptions the resolver left without a name (issue 11, session 19).
//!
//! - A role the article gives a named person: "the analyst said" where the article writes
//!   "Piper Jaffray analyst Gene Munster", "His brother told reporters" with "his brother Kevin
//!   Nickel" before or after it. The source is
//!   a person the article names, `named` by the contract's reading ("however the quote refers
//!   to them"), even where the resolver cannot tell which holder of the role it is (two
//!   analysts named): only the type changes, no name is shown.
//! - A possessed plural of representatives: "the singer's reps", "his lawyers", "the family's
//!   attorneys" are a group identifiable by whom they speak for, `unnamed` (as "the researchers"
//!   of a study), not a vague crowd.
//! - An unresolved personal pronoun ("he said", "she added") in an article that has named a
//!   person before it is a named person's: the article's pronouns point back to its people,
//!   and the resolver's failure to tell which one does not make the speaker anonymous.

use newsprobe_core::{Entity, EntityType, Span};

use crate::speaker::{Ctx, Mention};

/// Tokens either side of a use of the role word searched for the named person it
/// titles ("analyst Gene Munster", "Gene Munster, an analyst at Piper Jaffray").
const REACH: usize = 3;

/// Determiners that make a singular role a definite one (an indefinite "a witness" is
/// someone the article need not name).
const DEFINITE: &[&str] = &["the", "this", "that", "his", "her", "their", "its"];

/// Whether token `k` is in a mention of a person entity that has a name (not a description the
/// entity stage made an entity of its own, "the judge": [`is_description`]).
fn in_person(ctx: &Ctx, k: usize) -> bool {
    let ms = ctx.entity_mentions();
    ms.index
        .overlapping(ctx.span(k))
        .any(|i| named_person(&ctx.doc.entities[ms.entity[i]]))
}

/// Whether an entity is a person with a name, not a description the entity stage made an
/// entity of its own ("the judge", [`is_description`]).
pub(crate) fn named_person(e: &Entity) -> bool {
    e.kind == EntityType::Person && !is_description(&e.name)
}

/// Whether an entity's name is a description, not a name: "the" or "this" and lower-case words
/// ("the senator", "the judge").
pub(crate) fn is_description(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words
        .next()
        .is_some_and(|w| matches!(w, "the" | "The" | "this" | "This"))
        && words.all(|w| !w.chars().any(char::is_uppercase))
}

/// Whether the mention's word `k` is written as a possessive ("the singer's", "Charlie
/// Hebdo’s").
fn is_possessive(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.doc.span_text(&ctx.span(k));
    w.ends_with("'s") || w.ends_with("’s") || matches!(ctx.word(k), "'s" | "’s")
}

/// "The analyst", "His brother", "NBC's lead anchor": a definite singular description headed
/// by a lower-case role word, with no name in it, whose role word stands next to a named
/// person elsewhere in the article ("analyst Gene Munster", "Kevin Nickel, his brother").
/// (One scan of the article's words per such quote: the quotes it is asked of are the few
/// left `unnamed` with no entity.)
pub fn role_of_named_person(ctx: &Ctx, m: &Mention) -> bool {
    if m.first > m.last || m.last >= ctx.len() {
        return false;
    }
    let head = m.last;
    let word = ctx.word(head);
    let owner_end = (m.first..head).rev().find(|&k| is_possessive(ctx, k));
    // ("Hungary's Prime Minister said": a title-case role after its owner's possessive is a
    // role, not a name; session 27.)
    let title_case_role =
        owner_end.is_some_and(|o| (o + 1..=head).all(|k| ctx.is_word(k) && ctx.is_capitalized(k)));
    if !ctx.is_word(head)
        || ctx.is_capitalized(head) && head != m.first && !title_case_role
        || !(ctx.is_role_noun(head) || PERSON_NOUNS.contains(&word))
        || (word.ends_with('s') && !word.ends_with("ss"))
        || ctx.is_pronoun(head)
    {
        return false;
    }
    let definite =
        DEFINITE.contains(&ctx.word(m.first)) || (m.first..head).any(|k| is_possessive(ctx, k));
    if !definite || head == m.first {
        return false;
    }
    // (No name of its own: a capitalised word after the first is a name, unless it is the
    // owner written before a possessive, "Charlie Hebdo's editor-in-chief", or a word of a
    // title-case role after it.)
    if !title_case_role
        && (m.first + 1..head)
            .any(|k| owner_end.is_none_or(|o| k > o) && ctx.is_capitalized(k) && !ctx.is_title(k))
    {
        return false;
    }
    // Uses of the same role word in the article (before the mention or after it: "NBC's
    // lead anchor defended …" opens an article that names "NBC News anchor Brian Williams"
    // later; the mention's own head in apposition, "Gerard Biard, Charlie Hebdo's
    // editor-in-chief,"), each next to a person's name in its sentence, outside the mention,
    // with no verb of saying or quotation mark between them: "Cameron's spokesman said the
    // prime minister …" and "the agent … according to Biden" put the role beside the person
    // the statement is about, not the role's holder (session 20, `s20-junk`).
    // The first few asks of an article scan it; later ones read the word's extent, found once
    // (a scan of the article for each quote was quadratic in a long transcript).
    if let Some(extent) = ctx.role_extent(word, |w| names_extent(ctx, w)) {
        return extent.is_some_and(|(lo, hi)| lo < m.first || hi > m.last);
    }
    (0..ctx.len())
        .any(|k| is_use(ctx, k, word) && names_beside(ctx, k).any(|t| t < m.first || t > m.last))
}

/// Whether token `k` is a use of the role word: the word itself, or the abbreviated title that
/// stands for it ("Sen. Mazie Hirono" of "the senator", `title_abbreviation`).
fn is_use(ctx: &Ctx, k: usize, word: &str) -> bool {
    ctx.word(k) == word || crate::title_abbreviation::abbreviates(ctx, k, word)
}

/// The tokens of a person's name beside the use `k` of a role word, in its sentence, with no
/// verb of saying, quotation mark or owner's possessive between them.
fn names_beside<'c>(ctx: &'c Ctx, k: usize) -> impl Iterator<Item = usize> + 'c {
    let (a, b) = ctx.sentence_bounds(k);
    let lo = k.saturating_sub(REACH).max(a);
    let hi = (k + REACH).min(b.saturating_sub(1));
    (lo..=hi).filter(move |&t| {
        t != k
            && in_person(ctx, t)
            && !(t.min(k) + 1..t.max(k)).any(|x| separates_role_and_name(ctx, x))
            // ("Marsh's spokesman": the owner before a possessive is whom the role
            // serves, not its holder.)
            && !(t < k && (t..k).any(|x| is_possessive(ctx, x)))
    })
}

/// The first and last token of a person's name beside any use of the role word `word` in the
/// article ([`names_beside`]): a mention outside `first..=last` has one beside it iff the
/// first is before `first` or the last after `last`.
fn names_extent(ctx: &Ctx, word: &str) -> Option<(usize, usize)> {
    let mut extent: Option<(usize, usize)> = None;
    for k in (0..ctx.len()).filter(|&k| is_use(ctx, k, word)) {
        for t in names_beside(ctx, k) {
            extent = Some(extent.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))));
        }
    }
    extent
}

/// A token that stands between a role word and a person's name only when the name is not the
/// role's holder: a verb of saying ("spokesman said the prime minister") or a quotation mark.
fn separates_role_and_name(ctx: &Ctx, x: usize) -> bool {
    ctx.is_quote_mark(x) || ctx.verb_cue(x).is_some()
}

/// Words for a person that the lexicon's role nouns lack (kin, mother or widow, are role nouns
/// there): informal kin and the suspect of a case ("the mum", "The suspect").
const PERSON_NOUNS: &[&str] = &["mum", "mom", "dad", "suspect"];

/// Plural representatives, whose principal makes them an identifiable group.
const REPRESENTATIVES: &[&str] = &[
    "reps",
    "representatives",
    "lawyers",
    "attorneys",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "spokespersons",
    "aides",
    "advisers",
    "advisors",
    "agents",
    "publicists",
];

/// "the singer's reps", "his lawyers", "the family's attorneys": representatives owned by a
/// possessive or a possessive pronoun.
pub fn possessed_representatives(ctx: &Ctx, m: &Mention) -> bool {
    if m.first >= m.last || m.last >= ctx.len() {
        return false;
    }
    if !REPRESENTATIVES.contains(&ctx.word(m.last)) {
        return false;
    }
    matches!(ctx.word(m.first), "his" | "her" | "their" | "its")
        || (m.first..m.last).any(|k| is_possessive(ctx, k))
}

/// Whether a source's entity gives it no name: none, or a description the entity stage made
/// an entity of its own ("the senator" with no proper name among its words; session 24), which
/// names nobody the article names.
pub fn nameless_entity(ctx: &Ctx, entity: Option<&str>) -> bool {
    let Some(id) = entity else {
        return true;
    };
    ctx.doc.entity(id).is_some_and(|e| is_description(&e.name))
}

/// Personal pronouns read as a person.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "i"];

/// "he said" that the resolver read back to no one, in an article that names a person before
/// the pronoun.
pub fn pronoun_of_named_person(ctx: &Ctx, m: &Mention) -> bool {
    if m.first != m.last || m.first >= ctx.len() || !PERSON_PRONOUNS.contains(&ctx.word(m.first)) {
        return false;
    }
    let at = ctx.span(m.first).start;
    let ms = ctx.entity_mentions();
    ms.index
        .overlapping(Span::text(0, at))
        .any(|i| ctx.doc.entities[ms.entity[i]].kind == EntityType::Person && ms.span[i].end <= at)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// A role the article gave a named person, said again with "the": `named`, also with two
    /// holders of the role; an indefinite "a witness" stays `unnamed`.
    #[test]
    fn a_role_of_a_named_person_is_named() {
        let text = "Watch prices leak ahead of launch\n\n\
            Harbour Securities analyst Tomas Ekholm expects the cheapest model to sell for \
            $349. Another analyst, Priya Nandakumar of Keel Capital, is less sure.\n\n\
            The analyst said the steel version would cost twice as much.\n\n\
            A witness said the shop had been closed all morning.";
        let (_, kind) = source_of(text, "steel version would cost");
        assert_eq!(kind, SourceType::Named);
        let (_, kind) = source_of(text, "shop had been closed");
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// "Norway's Prime Minister said", the title-case role after its owner's possessive, with
    /// "Prime Minister Ingrid Solvang" in the next sentence: `named`, no name shown.
    #[test]
    fn a_title_case_role_after_a_possessive_is_a_role() {
        let text = "OSLO, Norway, March 3 (Nordic Wire) - Norway's Prime Minister said in her \
            annual address on Sunday that the fjord tunnels would be finished by 2030.\n\n\
            Speaking in the capital, Prime Minister Ingrid Solvang warned that costs had risen.";
        let (name, kind) = source_of(text, "the fjord tunnels would be finished");
        assert_eq!(kind, SourceType::Named, "{name:?}");
    }

    /// "the mum" of a mother the article names beside the word, and an owner's role written
    /// with the owner's name ("the Harbour Gazette's editor", the editor named beside it).
    #[test]
    fn kin_and_an_owners_role_of_a_named_person_are_named() {
        let text = "Mother pleads for help on the street\n\n\
            A boy stood beside his 30-year-old mum, Dana Petrova, outside the market in Varna \
            on Sunday.\n\n\
            The mum said she would stay until the hospital bill was paid.\n\n\
            Oskar Lind, the Harbour Gazette's editor, was in Oslo that day.\n\n\
            The Harbour Gazette's editor said the paper would keep printing.";
        let (_, kind) = source_of(text, "stay until the hospital bill");
        assert_eq!(kind, SourceType::Named);
        let (_, kind) = source_of(text, "keep printing");
        assert_eq!(kind, SourceType::Named);
    }

    /// A role beside a person only across a verb of saying is not that person's role:
    /// "The minister's spokesman said the prime minister …" and "the spokesman" after it stay
    /// `unnamed` (session 20: the speaker's own cue put the person the statement is about
    /// within reach of the role word, and the spokesman was typed `named`).
    #[test]
    fn a_role_beside_a_name_across_its_cue_is_unnamed() {
        let text = "Britain will keep talking to the new administration\n\n\
            Prime Minister Elena Marsh met the trade envoy Tomas Ekholm in London on Monday.\n\n\
            Marsh's spokesman said the prime minister stood by her comments on the tariffs.\n\n\
            \u{201c}She has made her views very clear,\u{201d} the spokesman said.";
        let (_, kind) = source_of(text, "stood by her comments");
        assert_eq!(kind, SourceType::Unnamed);
        let (_, kind) = source_of(text, "made her views very clear");
        assert_eq!(kind, SourceType::Unnamed);
        // The role written next to its holder still names him.
        let text = "Britain will keep talking to the new administration\n\n\
            Government spokesman Oskar Lind met reporters in London on Monday.\n\n\
            The spokesman said the talks would go on.";
        let (_, kind) = source_of(text, "the talks would go on");
        assert_eq!(kind, SourceType::Named);
    }

    /// "the singer's reps" are identifiable by whom they speak for: `unnamed`, not `vague`.
    #[test]
    fn possessed_representatives_are_unnamed() {
        let text = "Rumour of a death denied\n\n\
            A fake news site claimed on Monday that the folk singer Marta Lindqvist had died. \
            The singer's reps said that the report was a hoax.";
        let (_, kind) = source_of(text, "report was a hoax");
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// A pronoun after a named person is read as that person's (the rule alone: the
    /// resolver reaches most such pronouns itself); one before any person is not.
    #[test]
    fn a_pronoun_after_a_named_person_reads_as_named() {
        let doc = crate::test_support::analyzed(
            "Too many children bear names that are hard to spell, he said. Judge Arlo Penning \
             ruled on Friday. She said the ruling was fair.",
        );
        let ctx = crate::speaker::Ctx::new(&doc);
        let at = |w: &str| (0..ctx.len()).find(|&k| ctx.raw(k) == w).expect(w);
        let he = crate::speaker::Mention::tokens(&ctx, at("he"), at("he"));
        let she = crate::speaker::Mention::tokens(&ctx, at("She"), at("She"));
        assert!(!super::pronoun_of_named_person(&ctx, &he));
        assert!(super::pronoun_of_named_person(&ctx, &she));
    }

    /// "she said" in an article that has named a person before it: `named` (here the
    /// resolver reaches the name itself).
    #[test]
    fn an_unresolved_pronoun_after_a_named_person_is_named() {
        let text = "Mother sells toys to pay for surgery\n\n\
            Lena Varga, 31, has sat outside the station in Szeged every day since March with a \
            box of hand-made toys.\n\n\
            The box is nearly empty now. She said: \"Up until a year ago we had a quiet life.\"";
        let doc = crate::test_support::analyzed(text);
        let q = crate::test_support::quote_with(&doc, "we had a quiet life");
        // (Whether or not the resolver reaches the name, the type is a named person's.)
        assert_eq!(q.source.kind, SourceType::Named);
    }
}
