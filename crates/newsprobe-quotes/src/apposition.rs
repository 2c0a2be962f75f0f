//! Who is "a government spokesman, Peter Lindqvist,"? A role followed by a name in apposition
//! is the named person: the name is the speaker ("His lawyer, Maria Costa, told reporters",
//! "one of the rebel leaders, Joseph Akol, said").

use crate::lexicon;
use crate::source_type;
use crate::speaker::{Ctx, Mention};

/// The name in apposition to a description (`m` as found by the speaker finder), as a mention
/// of its own keeping `m`'s clause; `None` when `m` is a name or a pronoun or no name follows.
pub fn name_after_role(ctx: &Ctx, m: &Mention) -> Option<Mention> {
    // (The cheap tests first: every one of them only refuses.)
    if m.first > m.last || ctx.is_pronoun(m.last) {
        return None;
    }
    let comma = m.last + 1;
    if ctx.word(comma) != "," {
        return None;
    }
    // The description holds a role or group word ("spokesman", "lawyer", "leaders"), or ends
    // in a noun of a person the lexicon does not list ("A city councillor, Tom Reyes,", "a
    // local fisherman, Jonas Berg,").
    if !(m.first..=m.last).any(|k| ctx.is_role_noun(k) || ctx.is_title(k) || ctx.is_group_word(k))
        && !ends_in_person_noun(ctx, m)
    {
        return None;
    }
    if source_type::is_named(ctx, m) {
        return None;
    }
    let start = comma + 1;
    let mut k = start;
    // Leading titles ("Mr.", "Dr.") belong to the name.
    while k < ctx.len() && k - start < 6 && (ctx.is_capitalized(k) || ctx.word(k) == ".") {
        k += 1;
    }
    if k == start || k - start > 5 {
        return None;
    }
    let mut last = k - 1;
    // The name ends its apposition: a comma, a closing dash or parenthesis, or the cue.
    let ends = matches!(ctx.word(k), "," | "—" | "–" | "--" | "(" | ")") || ctx.cue(k).is_some();
    // A name suffix keeps its dot ("Tom Carlineo Jr., said"); any other dot ends a sentence.
    let suffix_dot = last > start
        && ctx.word(last) == "."
        && is_name_suffix(ctx.word(last - 1))
        && ctx.span(last - 1).end == ctx.span(last).start;
    if !ends || (ctx.word(last) == "." && !suffix_dot) {
        return None;
    }
    let head_at = if suffix_dot {
        last - 2
    } else if is_name_suffix(ctx.word(last)) && last > start {
        last - 1
    } else {
        last
    };
    if head_at < start {
        return None;
    }
    if suffix_dot {
        // The name as written ends at the suffix; the dot is its abbreviation mark.
        last -= 1;
    }
    let head = ctx.word(head_at);
    if lexicon::is_title(head)
        || lexicon::is_role_noun(head)
        || lexicon::is_group_word(head)
        || lexicon::pronoun(head).is_some()
        || ctx.cue(last).is_some()
    {
        return None;
    }
    // At least one word that is not a title: "Mr." alone is no name.
    if !(start..=last).any(|j| ctx.is_word(j) && !ctx.is_title(j)) {
        return None;
    }
    let span = newsprobe_core::Span::text(ctx.span(start).start, ctx.span(last).end);
    Some(Mention {
        span,
        first: start,
        last,
        clause: newsprobe_core::Span::text(
            m.clause.start.min(span.start),
            m.clause.end.max(span.end),
        ),
    })
}

/// The name in apposition to a sentence subject that speaks no quotation itself ("Another
/// mother, Brandee Porterfield, observed: “…,” she said"): the person a later pronoun or
/// description means, as [`name_after_role`] reads it.
pub fn subject_name(ctx: &Ctx, m: &Mention) -> Option<Mention> {
    // (Cheap refusal first: an apposition opens with a comma right after the subject.)
    if ctx.word(m.last + 1) != "," {
        return None;
    }
    name_after_role(ctx, m)
}

/// "A city councillor", "a local fisherman", "the shop's owner": a description of one person
/// (an article or a possessive first) ending in a lower-case noun that can head a speaker
/// ([`crate::junk::can_head_speaker`]: a person suffix, a speaking head). Closed-class words
/// ("one", "each", "those") and bodies ("the company") are no person nouns here.
fn ends_in_person_noun(ctx: &Ctx, m: &Mention) -> bool {
    if m.last <= m.first || m.last - m.first > 4 {
        return false;
    }
    let opens = matches!(ctx.word(m.first), "a" | "an" | "the" | "another")
        || ctx.word(m.first).ends_with("'s")
        || ctx.word(m.first).ends_with("’s")
        || lexicon::pronoun(ctx.word(m.first)).is_some();
    let head = ctx.word(m.last);
    opens
        && ctx.is_word(m.last)
        && !ctx.is_capitalized(m.last)
        && !ctx.is_determiner(m.last)
        && lexicon::pronoun(head).is_none()
        && head.len() >= 4
        && !head.ends_with('s')
        && !crate::junk::is_pronoun_head(head)
        && !crate::resolve::is_org_or_body_description(head)
        && crate::junk::can_head_speaker(head)
        && (m.first + 1..m.last).all(|k| ctx.is_word(k) || matches!(ctx.word(k), "'s" | "’s" | "-"))
}

/// Generational suffixes that end a name ("Jr.", "Sr.", "III"), lower-cased as
/// [`Ctx::word`] gives them.
pub(crate) fn is_name_suffix(w: &str) -> bool {
    matches!(w, "jr" | "sr" | "jr." | "sr." | "ii" | "iii" | "iv")
}

#[cfg(test)]
mod tests {
    // The rules alone, without the entity stage: the name is what the apposition rule cuts.
    use crate::test_support::rules_only_source_of as source_of;
    use newsprobe_core::SourceType;

    #[test]
    fn a_name_after_a_role_is_named() {
        let cases = [
            ("“We will appeal the ruling,” a government spokesman, Peter Lindqvist, said on Monday.", "appeal", "Peter Lindqvist"),
            ("The hearing was short. “My client is innocent,” his lawyer, Maria Costa, told reporters.", "innocent", "Maria Costa"),
            ("“We will not surrender the town,” one of the rebel leaders, Joseph Akol, said.", "surrender", "Joseph Akol"),
            ("The appeal was filed on Friday. His lawyer, Tom Carlineo Jr., said the verdict would not stand.", "not stand", "Tom Carlineo Jr"),
            // Kin: "her nephew, NAME, 32, of Coney Island".
            ("“We are really just shocked,” said her nephew, Ravi Sandhu, 32, of Coney Island.", "shocked", "Ravi Sandhu"),
            ("“He never came home,” his sister, Alma Ruiz, told reporters on Friday.", "came home", "Alma Ruiz"),
        ];
        for (text, needle, name) in cases {
            let (got, kind) = source_of(text, needle);
            assert_eq!(got.as_deref(), Some(name), "{text}");
            assert_eq!(kind, SourceType::Named, "{text}");
        }
        // A person noun the lexicon does not list (issue 11: "A city councillor, NAME").
        let more = [
            ("The vote is on Thursday. A city councillor, Tom Reyes, said he would vote against the plan.", "vote against", "Tom Reyes"),
            ("The storm hit at dawn. A local fisherman, Jonas Berg, told reporters the harbour was wrecked.", "harbour was wrecked", "Jonas Berg"),
            ("“We lost everything,” the shop's landlord, Ana Petrova, said.", "lost everything", "Ana Petrova"),
        ];
        for (text, needle, name) in more {
            let (got, kind) = source_of(text, needle);
            assert_eq!(got.as_deref(), Some(name), "{text}");
            assert_eq!(kind, SourceType::Named, "{text}");
        }
        // A role alone stays unnamed.
        let (_, kind) = source_of("“We will appeal,” a government spokesman said.", "appeal");
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// The same after the entity stage, as `analyze` runs it (issue 11: "a government
    /// spokesman, NAME" and "His lawyer, NAME" were typed `unnamed`), also where a later "he"
    /// speaks for the name.
    #[test]
    fn a_name_after_a_role_is_named_in_the_pipeline() {
        use crate::test_support::source_of;
        let article = "The court in Uppsala upheld the fine on Friday. \
            “We will appeal the ruling,” a government spokesman, Peter Lindqvist, said on Monday. \
            He said the ministry had not yet read the judgment.";
        for needle in ["appeal the ruling", "not yet read the judgment"] {
            let (name, kind) = source_of(article, needle);
            assert_eq!(name.as_deref(), Some("Peter Lindqvist"), "{needle}");
            assert_eq!(kind, SourceType::Named, "{needle}");
        }
        let (name, kind) = source_of(
            "Mark Dolan was sentenced to six years on Thursday. \
             “My client is innocent,” his lawyer, Maria Costa, told reporters.",
            "innocent",
        );
        assert_eq!(name.as_deref(), Some("Maria Costa"));
        assert_eq!(kind, SourceType::Named);
    }

    /// A sentence subject's apposition (issue 11, ptc 757611486): the quotation is credited
    /// to "she" after it, who is the name, not "Another mother".
    #[test]
    fn the_name_in_apposition_to_a_subject_is_who_she_is() {
        use crate::test_support::source_of;
        let article = "Students were told to copy the prayer. Mother Joy Ellis remarked:             “This is a seventh grade state standard.” Another mother, Brandee Porterfield,             observed: “It really did bother me that they skipped the whole chapter on the rise             of Christianity. I spoke with the teacher and the principal,” she said.";
        let (name, kind) = source_of(article, "skipped the whole chapter");
        assert_eq!(name.as_deref(), Some("Brandee Porterfield"));
        assert_eq!(kind, SourceType::Named);
        // A subject with no name in apposition stays the description.
        let (name, kind) = source_of(
            "The school board met on Monday. Another mother observed: “It really did bother              me that they skipped the chapter,” she said.",
            "skipped the chapter",
        );
        assert_eq!(name.as_deref(), Some("Another mother"));
        assert_eq!(kind, SourceType::Unnamed);
    }
}
