//! Where does a speaker's phrase start after an article's dateline? (issue 11, session 27)
//!
//! Wire copy opens its first paragraph with the place it was filed from and a dash ("Geneva -
//! The World Health Organisation chief on Wednesday said …", "TALLAHASSEE — The Florida
//! Department of State …", "WASHINGTON, D.C. — …"): the subject a finder reads from the
//! paragraph's start runs over it. The place and the dash belong to no speaker.

use crate::speaker::Ctx;

/// The longest dateline before its dash, in tokens ("WASHINGTON , D.C.").
const MAX_PLACE: usize = 4;

/// Whether token `k` is a dash that may close a dateline.
fn is_dash(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.raw(k), "-" | "—" | "–" | "--")
}

/// The first token of the phrase `first..=last` after a dateline that opens it: its tokens
/// from a paragraph's start up to a dash are capitalised words (and commas or abbreviation
/// dots), one of them a place the entity stage found or written in capitals, and a
/// capitalised word follows the dash.
pub(crate) fn after_dateline(ctx: &Ctx, first: usize, last: usize) -> Option<usize> {
    if ctx.paragraph_bounds(first).0 != first {
        return None;
    }
    let dash = (first + 1..=(first + MAX_PLACE).min(last)).find(|&k| is_dash(ctx, k))?;
    if dash + 1 > last || !ctx.is_capitalized(dash + 1) {
        return None;
    }
    let place_words = (first..dash)
        .all(|k| ctx.is_capitalized(k) || ctx.raw(k) == "," || ctx.is_abbreviation_dot(k));
    let placed = (first..dash).any(|k| {
        let raw = ctx.raw(k);
        (raw.chars().count() >= 3 && raw.chars().all(|c| !c.is_lowercase())) || names_place(ctx, k)
    });
    (place_words && placed).then_some(dash + 1)
}

/// The mention without a dateline that opens it ("Geneva - The World Health Organisation chief"
/// is "The World Health Organisation chief").
pub(crate) fn cut(ctx: &Ctx, m: crate::speaker::Mention) -> crate::speaker::Mention {
    match after_dateline(ctx, m.first, m.last) {
        Some(k) => {
            let span = newsprobe_core::Span::text(ctx.span(k).start, m.span.end);
            crate::speaker::Mention {
                span,
                first: k,
                last: m.last,
                clause: newsprobe_core::Span::text(span.start, m.clause.end.max(span.end)),
            }
        }
        None => m,
    }
}

/// Whether a place mention of the entity stage covers token `k`.
fn names_place(ctx: &Ctx, k: usize) -> bool {
    let span = ctx.span(k);
    ctx.doc.entities.iter().any(|e| {
        e.kind == newsprobe_core::EntityType::Place && e.mentions.iter().any(|m| m.overlaps(&span))
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    /// The dateline is cut from the speaker's phrase; a name before a dash mid-paragraph stays.
    #[test]
    fn a_dateline_is_no_part_of_the_speaker() {
        let text = "Plague under control, WHO says\n\n\
            Geneva - The World Health Organisation chief on Wednesday said a plague epidemic \
            appeared to have been brought under control in Madagascar.";
        let (name, _) = source_of(text, "plague epidemic");
        assert!(
            name.as_deref()
                .is_some_and(|n| !n.contains("Geneva") && n.contains("chief")),
            "{name:?}"
        );
        let text = "Vote forms questioned\n\n\
            TALLAHASSEE — The Florida Department of State said Tuesday that it had sent the \
            forms to federal prosecutors.";
        let (name, _) = source_of(text, "sent the");
        assert!(
            name.as_deref().is_some_and(|n| !n.contains("TALLAHASSEE")),
            "{name:?}"
        );
    }
}
