//! "the Justice Department said" resolved to the entity "Department", "America Rising called"
//! to "Rising", "Big League Politics" to "League Politics": where the entity stage kept only the
//! tail of an organisation's name, the speaker is shown by the whole name written at the cue.
//!
//! Session 20 (`s20-junk`): fragments of longer names were the largest junk class left in a
//! judged pick of readable articles (PTC train, GUM train news, PolNeAR train).

use crate::speaker::{Ctx, Mention};

/// The organisation's whole name as written in the mention, when the name reached (`name`, an
/// organisation entity's) is its proper tail: the mention, past a leading determiner, is
/// capitalised words only (no possessive or pronoun among the words before the tail; a title
/// word may open an organisation's name, "Justice Department"), ending with `name`'s words.
pub fn written_organisation_name(ctx: &Ctx, m: &Mention, name: &str) -> Option<String> {
    if m.last < m.first || name.is_empty() {
        return None;
    }
    let first = if ctx.is_determiner(m.first) {
        m.first + 1
    } else {
        m.first
    };
    if first >= m.last {
        return None;
    }
    let written = ctx
        .doc
        .span_text(&newsprobe_core::Span::text(
            ctx.span(first).start,
            ctx.span(m.last).end,
        ))
        .to_string();
    // ("9 to 5 Mac's report": the possessive is no part of the name.)
    let written = written
        .strip_suffix("'s")
        .or_else(|| written.strip_suffix("’s"))
        .map(str::to_string)
        .unwrap_or(written);
    let head = written.strip_suffix(name)?;
    // (The tail starts at a word boundary: "Department", not "partment".)
    let head = head.strip_suffix(' ')?;
    if head.is_empty() {
        return None;
    }
    let extra = head.split_whitespace().count();
    if first + extra > m.last {
        return None;
    }
    // (Session 21: a number may open the name, "9 News", "9 to 5 Mac", with "to" between
    // two numbers.)
    let number = |k: usize| {
        let w = ctx.doc.span_text(&ctx.span(k));
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = (first..first + extra).all(|k| {
        let w = ctx.doc.span_text(&ctx.span(k));
        if number(k) || (w == "to" && k > first && number(k - 1) && number(k + 1)) {
            return true;
        }
        ctx.is_word(k)
            && ctx.is_capitalized(k)
            && !ctx.is_pronoun(k)
            && !ctx.is_determiner(k)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !w.ends_with('\'')
            && !w.ends_with('’')
    });
    ok.then_some(written)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    #[test]
    fn an_organisation_is_shown_by_its_whole_written_name() {
        let text = "Man sentenced for aiding militants\n\n\
            A 31-year-old man from Ohio was sentenced to 15 years in prison on Friday for \
            sending money to a militant group, the Justice Department said.\n\n\
            The Justice Department said he had wired the money through three banks.";
        let (name, _) = source_of(text, "wired the money");
        assert_eq!(name.as_deref(), Some("Justice Department"));
    }

    #[test]
    fn a_title_before_a_name_stays_out_of_it() {
        let text = "Council delays ferry vote\n\n\
            Mayor Anna Kowalczyk said on Tuesday that the vote would wait until spring.";
        let (name, _) = source_of(text, "wait until spring");
        assert_eq!(name.as_deref(), Some("Anna Kowalczyk"));
    }
}
