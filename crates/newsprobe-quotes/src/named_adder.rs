//! "The public defender wasted no time … saying Zarate was “extremely relieved” … Adachi added,
//! “Despite the unfairly politicized atmosphere …”" (issue 11, session 28): a statement goes on
//! under a bare surname with "added", "continued" or "went on", the surname new to the article,
//! right after quotations of a role description. "Added" carries the same speaker on, and a
//! surname written alone for the first time is someone the article has already met: the role
//! is that person, a named source though the role's own phrase gives no name. Only the type
//! changes (`named`); no name is shown.
//!
//! Only where it is safe to read so: the role is definite ("the" and a lower-case head, no
//! pronoun); the next statement after the role's with another speaker mention is the
//! surname's, in the role's sentence or the one or two after it; the surname is one
//! capitalised word, no title, role or pronoun, opening its sentence, right before its cue;
//! and the surname is written nowhere in the text before the role's mention (a surname met
//! before is someone the article introduced, perhaps another person).

use crate::speaker::{Ctx, Mention};
use crate::Found;

/// Sentences after the role's within which the surname's statement must open.
const SENTENCES_AFTER: usize = 2;

/// Whether the statement `found[i]`, whose speaker is the definite role `m`, is carried on by a
/// surname new to the article with "added", "continued" or "went on".
pub fn named_by_adder(ctx: &Ctx, found: &[Found], i: usize, m: &Mention) -> bool {
    if !is_definite_role(ctx, m) {
        return false;
    }
    // (The next statement with another speaker mention: the role's other quotations first.)
    let Some(next) = found[i + 1..]
        .iter()
        .find(|f| f.speaker.is_none_or(|s| s.span != m.span))
    else {
        return false;
    };
    let (Some(s), Some(cue)) = (next.speaker, next.cue_token) else {
        return false;
    };
    if s.first != s.last || s.last + 1 != cue || !carries_on(ctx, cue) {
        return false;
    }
    let doc = ctx.doc;
    let (Some(role_sentence), Some(own)) =
        (doc.sentence_at(m.span.start), doc.sentence_at(s.span.start))
    else {
        return false;
    };
    own > role_sentence && own - role_sentence <= SENTENCES_AFTER && is_new_surname(ctx, s.first, m)
}

/// "the public defender", "The prosecutor": "the" and lower-case words, no pronoun or name.
fn is_definite_role(ctx: &Ctx, m: &Mention) -> bool {
    m.first < m.last
        && m.last - m.first <= 4
        && ctx.word(m.first) == "the"
        && (m.first + 1..=m.last).all(|k| {
            ctx.is_word(k) && !ctx.is_capitalized(k) && !ctx.is_pronoun(k) && !ctx.is_determiner(k)
        })
        && (ctx.is_role_noun(m.last)
            || ctx.is_title(m.last)
            || crate::junk::can_head_speaker(ctx.word(m.last)))
}

/// "added", "continued", "went on" at the cue token.
fn carries_on(ctx: &Ctx, cue: usize) -> bool {
    match ctx.word(cue) {
        "added" | "continued" => true,
        "went" => cue + 1 < ctx.len() && ctx.word(cue + 1) == "on",
        _ => false,
    }
}

/// A capitalised word opening its sentence, no title, role or pronoun, and written nowhere
/// before the role's mention.
fn is_new_surname(ctx: &Ctx, k: usize, role: &Mention) -> bool {
    if !ctx.is_word(k)
        || !ctx.is_capitalized(k)
        || ctx.is_pronoun(k)
        || ctx.is_title(k)
        || ctx.is_role_noun(k)
        || ctx.sentence_bounds(k).0 != k
    {
        return false;
    }
    let surname = ctx.doc.span_text(&ctx.span(k));
    let before = ctx.doc.text.get(..role.span.start).unwrap_or("");
    surname.chars().count() >= 2 && !before.contains(surname)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// The role's statement, then "Adachi added": `named`.
    #[test]
    fn a_new_surname_adding_names_the_role() {
        let text = "The jury found the man not guilty on Thursday.\n\n\
            The public defender said the verdict was a relief for his client.\n\n\
            Adachi added, “The jurors focused on the evidence and rendered a just verdict.”";
        let (_, kind) = source_of(text, "the verdict was a relief");
        assert_eq!(kind, SourceType::Named);
    }

    /// A surname the article met before, or another cue ("said"): the role stays `unnamed`.
    #[test]
    fn a_known_surname_or_another_cue_leaves_the_role_unnamed() {
        let text = "Lawyer Tom Adachi spoke to the jury on Thursday.\n\n\
            The public defender said the verdict was a relief for his client.\n\n\
            Adachi added, “The jurors focused on the evidence and rendered a just verdict.”";
        let (_, kind) = source_of(text, "the verdict was a relief");
        assert_eq!(kind, SourceType::Unnamed);
        let text = "The jury found the man not guilty on Thursday.\n\n\
            The public defender said the verdict was a relief for his client.\n\n\
            Adachi said, “The jurors focused on the evidence and rendered a just verdict.”";
        let (_, kind) = source_of(text, "the verdict was a relief");
        assert_eq!(kind, SourceType::Unnamed);
    }
}
