//! Who is "NBC's lead anchor", "the company's chief executive", "the physicians"? Descriptions
//! the article itself links to a name.
//!
//! - A person's description: the article writes it in apposition to one named person, before
//!   or after the speaker's mention ("Brian Williams, NBC's lead anchor," / "NBC's lead anchor
//!   Brian Williams"), or the entity stage kept it as that person's descriptor. Only when one
//!   person alone carries it.
//! - A group's description: a plural description ("the physicians") whose head, or a synonym
//!   of it, is a word of a group's name written in the sentences just before ("Doctors for
//!   Camp Closure").

use newsprobe_core::{Entity, EntityType, Span};

use crate::speaker::{Ctx, Mention};

/// Plural heads of group descriptions and the words a group's name may use for them.
pub(crate) const GROUP_SYNONYMS: &[&[&str]] = &[
    &["doctors", "physicians", "medics", "clinicians"],
    &["lawyers", "attorneys"],
    &["teachers", "educators"],
    &["scientists", "researchers"],
    &["activists", "campaigners", "advocates"],
    &["nurses"],
    &["parents"],
    &["veterans"],
    &["mothers", "moms"],
];

/// Sentences before the mention searched for the group's name.
const GROUP_REACH: usize = 3;

/// Lower case with curly apostrophes straightened and white space collapsed.
fn normalised(s: &str) -> String {
    // (Hot: called per entity descriptor and mention. ASCII text, the common case, without the
    // intermediate copies; any other text the general way, which lower-cases Unicode.)
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.make_ascii_lowercase();
        return out;
    }
    // (A capital sigma lower-cases by its place in a word: the general way keeps it.)
    if s.contains('Σ') {
        return s
            .replace('’', "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
    }
    // One pass, one buffer: the curly apostrophe straightened, white space runs folded to one
    // space (none at either end), each character lower-cased (as `to_lowercase` of the
    // whole does, but for the sigma above).
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            if c == '’' {
                out.push('\'');
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The description's text without a leading "the", "this" or "that", normalised; `None`
/// for a mention that is no description of a person (no role or title word, a pronoun).
fn description_text(ctx: &Ctx, m: &Mention) -> Option<String> {
    if m.first > m.last || ctx.is_pronoun(m.last) {
        return None;
    }
    if !(m.first..=m.last).any(|k| ctx.is_role_noun(k) || ctx.is_title(k)) {
        return None;
    }
    let from = if matches!(ctx.word(m.first), "the" | "this" | "that") {
        m.first + 1
    } else {
        m.first
    };
    if from > m.last {
        return None;
    }
    let text = ctx
        .doc
        .span_text(&Span::text(ctx.span(from).start, ctx.span(m.last).end));
    let d = normalised(text);
    // ("the anchor" alone: one word says too little to be linked across the article.)
    (d.contains(' ') || d.contains("'s")).then_some(d)
}

/// Whether `after` (the text right after a name) opens an apposition holding `desc`:
/// ", NBC's lead anchor," / ", the company's chief executive".
fn apposed_after(after: &str, desc: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    // (A quick no first: the normalised text starts with the lower-cased first character
    // written, which must open the description or an article before it.)
    let Some(c0) = rest.chars().find(|c| !c.is_whitespace()) else {
        return false;
    };
    if c0.is_ascii()
        && !matches!(c0.to_ascii_lowercase(), 't' | 'a')
        && desc.as_bytes().first() != Some(&(c0.to_ascii_lowercase() as u8))
    {
        return false;
    }
    let rest = normalised(&rest.chars().take(desc.len() + 12).collect::<String>());
    let rest = ["the ", "a ", "an "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
        .unwrap_or(&rest);
    // The apposition closes after the description ("Brian Williams, NBC's lead anchor,
    // said"); "According to Carlson, the owner of the tape maintains" and "people like Ms.
    // Mallory, religious scholars emphasized" open a clause, no apposition.
    rest.strip_prefix(desc).is_some_and(|t| {
        t.chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | ')' | '—' | '–' | '.' | ';'))
    })
}

/// Whether an entity's name reads as a person's name: a capitalised word that is no title or
/// role ("Brian Williams", "Dr. Ana Ruiz"; not "the former pope", "the Australian foreign
/// minister").
fn reads_as_name(name: &str) -> bool {
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
    starts_upper
        && !name.starts_with("The ")
        && name.split_whitespace().any(|w| {
            let lw = w.trim_end_matches(['.', ',']).to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::lexicon::is_title(&lw)
                && !crate::lexicon::is_role_noun(&lw)
        })
}

/// Whether `before` (the text right before a name) ends with `desc` as a title before it:
/// "NBC's lead anchor " before "Brian Williams".
fn titled_before(before: &str, desc: &str) -> bool {
    // (Only the last few bytes are read: the name may stand far into a long text.)
    let Some(head) = before.chars().last() else {
        return false;
    };
    if !head.is_whitespace() {
        return false;
    }
    // (A quick no first: the normalised tail ends with the lower-cased last character written
    // before the name, which must end the description.)
    if let Some(c) = before.chars().rev().find(|c| !c.is_whitespace()) {
        if c.is_ascii() && desc.as_bytes().last() != Some(&(c.to_ascii_lowercase() as u8)) {
            return false;
        }
    }
    let mut from = before.len().saturating_sub(desc.len() + 8);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let tail = normalised(&before[from..]);
    tail.strip_suffix(desc)
        .is_some_and(|t| t.chars().last().is_none_or(|c| !c.is_alphanumeric()))
}

/// "the analyst", "the mum": a definite description of one role word, lower case after
/// "the" (its text, normalised), which [`person_described`] links only by a title written
/// right before a name earlier in the article ("Piper Jaffray analyst Gene Munster", "Mum Meng
/// Xiangyan").
pub(crate) fn one_word_role(ctx: &Ctx, m: &Mention) -> Option<String> {
    if m.last != m.first + 1
        || ctx.word(m.first) != "the"
        || ctx.is_capitalized(m.last)
        || !ctx.is_word(m.last)
        || !ctx.is_role_noun(m.last)
        || ctx.is_pronoun(m.last)
    {
        return None;
    }
    let w = ctx.word(m.last);
    // (A plural is a group, not the one person a title names.)
    (w.len() > 2 && !w.ends_with('s')).then(|| w.to_string())
}

/// The one person entity the article links to the description `m` ("NBC's lead anchor"):
/// by apposition to one of its mentions, or as its descriptor; `None` when none or two do.
/// A one-word role ("the analyst") only by a title before one person's name written before it.
pub(crate) fn person_described<'a>(ctx: &Ctx<'a>, m: &Mention) -> Option<&'a Entity> {
    let Some(desc) = description_text(ctx, m) else {
        return person_titled_before(ctx, m).or_else(|| crate::role_link::person_linked(ctx, m));
    };
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let found = the_one_person(ctx, |e| {
        let by_descriptor = e
            .descriptors
            .iter()
            .filter(|d| d.span.start != m.span.start)
            .any(|d| {
                let t = normalised(doc.span_text(&d.span));
                let t = t.strip_prefix("the ").unwrap_or(&t);
                t == desc
            });
        by_descriptor
            || e.mentions.iter().any(|s| {
                let text = doc.field(s);
                text.get(s.end..)
                    .is_some_and(|after| apposed_after(after, &desc))
                    || text
                        .get(..s.start)
                        .is_some_and(|before| titled_before(before, &desc))
            })
    });
    found.or_else(|| crate::role_link::person_linked(ctx, m))
}

/// The person entities of a name of two words or more that reads as a name (indices in
/// `doc.entities`, in order): those [`the_one_person`] looks at.
pub(crate) fn named_people(doc: &newsprobe_core::Document) -> Vec<usize> {
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Person && e.name.trim().contains(' ') && reads_as_name(&e.name)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The one person entity of a name of two words or more that `linked` accepts; `None` when
/// none or two are (a one-word name is too often a fragment the entity stage typed a person).
fn the_one_person<'a>(ctx: &Ctx<'a>, linked: impl Fn(&Entity) -> bool) -> Option<&'a Entity> {
    let doc: &'a newsprobe_core::Document = ctx.doc;
    let mut found: Option<&'a Entity> = None;
    for e in ctx.named_people().iter().map(|&i| &doc.entities[i]) {
        if !linked(e) {
            continue;
        }
        match found {
            Some(f) if f.id != e.id => return None,
            _ => found = Some(e),
        }
    }
    found
}

/// "the analyst" after "Piper Jaffray analyst Gene Munster": the one person entity (of a
/// name of two words or more) written right after the role word as a title, in a mention
/// before `m`; `None` when none or two are ("analyst Gene Munster" and "analyst Erinn Murphy").
fn person_titled_before<'a>(ctx: &Ctx<'a>, m: &Mention) -> Option<&'a Entity> {
    let role = one_word_role(ctx, m)?;
    let doc: &'a newsprobe_core::Document = ctx.doc;
    the_one_person(ctx, |e| {
        e.mentions.iter().any(|s| {
            s.field == newsprobe_core::Field::Text
                && s.end <= m.span.start
                && doc
                    .field(s)
                    .get(..s.start)
                    .is_some_and(|before| titled_before(before, &role))
        })
    })
}

/// The group a plural description `m` ("the physicians") stands for: the last name of two
/// capitalised words or more in the few sentences before it that holds its head or a synonym
/// ("Doctors for Camp Closure").
pub(crate) fn group_described(ctx: &Ctx, m: &Mention) -> Option<String> {
    // Only "the physicians" itself: "the US lawyers" is a description of its own.
    if m.last != m.first + 1 || ctx.word(m.first) != "the" {
        return None;
    }
    let head = ctx.word(m.last);
    let words = GROUP_SYNONYMS.iter().find(|g| g.contains(&head))?;
    let doc = ctx.doc;
    let here = doc.sentence_at(m.span.start)?;
    let from_sentence = here.saturating_sub(GROUP_REACH);
    let from = ctx.token_at_or_after(doc.sentences.get(from_sentence)?.span.start);
    let mut best: Option<(usize, usize)> = None;
    let mut k = from;
    while k < m.first {
        if !ctx.is_capitalized(k) {
            k += 1;
            continue;
        }
        // A run of capitalised words, joined by lower-case connectives between them.
        let start = k;
        let mut last = k;
        let mut j = k + 1;
        while j < m.first {
            if ctx.is_capitalized(j) {
                last = j;
                j += 1;
            } else if matches!(
                ctx.word(j),
                "for" | "of" | "against" | "without" | "and" | "in" | "on"
            ) && j + 1 < m.first
                && ctx.is_capitalized(j + 1)
            {
                j += 1;
            } else {
                break;
            }
        }
        let capitalised = (start..=last).filter(|&t| ctx.is_capitalized(t)).count();
        // ("Lawyers for Epstein’s accusers": a possessive ends no group's name.)
        let possessive = ["'s", "’s", "'", "’"]
            .iter()
            .any(|p| ctx.doc.span_text(&ctx.span(last)).ends_with(p))
            || matches!(ctx.word(last + 1), "'s" | "’s" | "'" | "’");
        // ("Nurses Warn Of Winter Crisis": a title-case headline, with its verb, names no
        // group.)
        let headline = (start..=last).any(|t| ctx.cue(t).is_some())
            || crate::junk::title_like(
                ctx.doc
                    .span_text(&Span::text(ctx.span(start).start, ctx.span(last).end)),
            );
        if capitalised >= 2
            && !possessive
            && !headline
            && (start..=last).any(|t| words.contains(&ctx.word(t)))
        {
            best = Some((start, last));
        }
        k = last + 1;
    }
    let (a, b) = best?;
    Some(
        doc.span_text(&Span::text(ctx.span(a).start, ctx.span(b).end))
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    #[test]
    fn normalised_in_one_pass_is_the_general_way() {
        let general = |s: &str| {
            s.replace('’', "'")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for s in [
            "NBC’s  Lead\u{a0}Anchor ",
            "  Le Monde’s ÉDITEUR\tEn Chef",
            "İstanbul’s Mayor",
            "ΟΔΥΣΣΕΥΣ’ crew",
            "the network’s chief economist",
            "Straße’s\u{2003}CEO",
            "",
            "’",
        ] {
            assert_eq!(super::normalised(s), general(s), "{s:?}");
        }
    }

    #[test]
    fn a_description_named_later_in_apposition_is_the_person() {
        let text = "The network's chief economist warned on Monday that rates would rise. \
             “We expect two more increases this year,” the network's chief economist said. \
             Maria Delgado, the network's chief economist, joined the firm in 2019.";
        let (name, kind) = source_of(text, "two more increases");
        assert_eq!(name.as_deref(), Some("Maria Delgado"));
        assert_eq!(kind, SourceType::Named);
        // Titled before the name: "the bank's lead counsel Peter Novak".
        let text = "The bank's lead counsel said the filing was late. “We will appeal the \
             ruling,” the bank's lead counsel said. The bank's lead counsel Peter Novak has \
             handled the case since March.";
        let (name, _) = source_of(text, "appeal the ruling");
        assert_eq!(name.as_deref(), Some("Peter Novak"));
    }

    #[test]
    fn a_clause_after_a_name_is_no_apposition() {
        let text = "The tape was first shown on a talk show. According to Harlan, the owner \
             of the tape maintains that nobody asked to see it. Milo Harlan hosts the show.";
        // ("According to Harlan" is Harlan's; the owner inside it is someone else.)
        let doc = crate::test_support::analyzed(text);
        let owner = doc
            .quotes
            .iter()
            .find(|q| {
                q.source
                    .mention
                    .is_some_and(|m| doc.span_text(&m) == "the owner of the tape")
            })
            .expect("the owner's statement");
        assert_ne!(owner.source.name.as_deref(), Some("Milo Harlan"));
    }

    #[test]
    fn a_description_two_people_carry_is_not_guessed() {
        let text = "“The deal is done,” the company's chief executive said. \
             Anna Berg, the company's chief executive, signed it. Later Tom Hale, the \
             company's chief executive, took over.";
        let (name, _) = source_of(text, "deal is done");
        assert!(
            !matches!(name.as_deref(), Some("Anna Berg" | "Tom Hale")),
            "{name:?}"
        );
    }

    #[test]
    fn a_plural_description_is_the_group_named_before() {
        let text = "Physicians Against Hospital Cuts held a news conference in Halifax on \
             Tuesday. “We have seen the waiting lists double,” the doctors said.";
        let (name, kind) = source_of(text, "waiting lists double");
        assert_eq!(name.as_deref(), Some("Physicians Against Hospital Cuts"));
        assert_eq!(kind, SourceType::Named);
        // A possessive ends no group's name: "Lawyers for Carla Mendes's family" is none.
        let text = "Lawyers for Carla Mendes’s family filed the suit on Friday. “The city \
             knew about the leak,” the attorneys said.";
        let (name, _) = source_of(text, "knew about the leak");
        assert!(
            !name.as_deref().is_some_and(|n| n.starts_with("Lawyers")),
            "{name:?}"
        );
        // No group of that kind named: the description stays as written.
        let text = "The city council met on Tuesday. “We have seen the waiting lists \
             double,” the doctors said.";
        let (name, _) = source_of(text, "waiting lists double");
        assert_ne!(name.as_deref(), Some("The city council"));
    }

    /// "the analyst" after "Halden Securities analyst Tove Lind": the one person the role word
    /// titles before her name; with two people so titled, nobody.
    #[test]
    fn a_one_word_role_is_the_person_it_titles_before() {
        let text = "Halden Securities analyst Tove Lind sees the new phone selling slowly. \
             In a note on Monday she cut her forecast to five million units. \
             But the analyst believes the autumn launch \"will lift sales in the second half.\"";
        let (name, kind) = source_of(text, "lift sales");
        assert_eq!(name.as_deref(), Some("Tove Lind"));
        assert_eq!(kind, SourceType::Named);
        let text = "The new phone was rated by Halden Securities analyst Tove Lind and by \
             Nordbank analyst Per Aas on Monday. \
             But the analyst believes the autumn launch \"will lift sales in the second half.\"";
        let (name, _) = source_of(text, "lift sales");
        assert!(
            !matches!(name.as_deref(), Some("Tove Lind" | "Per Aas")),
            "{name:?}"
        );
    }
}
