//! A speech that runs on through unmarked paragraphs (session 25, issue 11): text set one
//! sentence to a line (the PTC articles, many pasted pages) quotes a long speech as
//!
//! ```text
//! Parent Dana Keller recounted: “I saw the worksheet on Monday.
//! Their excuse was handwriting practice.
//! I said, ‘That is not happening.’ She brought it home unfinished.”
//! ```
//!
//! with no mark re-opening the lines between. The usual conventions (each paragraph re-opens
//! the quotation, or the next one goes on and closes it) are `marks::find`'s; this is the
//! third: a curly double quotation left open at a paragraph's end runs on through up to
//! [`MAX_UNMARKED`] paragraphs holding no double quotation mark of any kind (straight or
//! curly) into a paragraph whose first double mark closes it. Each of those paragraphs is
//! then a stretch of the quotation (`continues_previous`), so the speech's speaker goes on
//! and a sentence inside it ("I said, …") is no narration of the writer's.
//!
//! Only the curly family: a straight mark in a later paragraph opens or closes by its
//! neighbours alone, and a quotation the writer never closed would swallow the narration up
//! to the next quotation's closing mark.

use super::{has_closer_before_opener, Family};
use newsprobe_core::Span;

/// The most paragraphs with no double mark a speech runs on through before the one that
/// closes it.
pub(super) const MAX_UNMARKED: usize = 8;

/// Whether a `family` quotation left open at the end of the paragraph before `rest[0]` runs
/// on through unmarked paragraphs into one of `rest` whose first double mark closes it
/// (the paragraph right after it is `has_closer_before_opener`'s, asked by the caller).
pub(super) fn runs_on(text: &str, rest: &[Span], family: Family) -> bool {
    if family != Family::CurlyDouble {
        return false;
    }
    for (k, para) in rest.iter().enumerate() {
        let body = para.slice(text);
        if body.contains(['“', '”', '"', '„', '«', '»']) {
            // The first paragraph with a double mark: a closing one before any opening one.
            return k > 0 && has_closer_before_opener(text, *para, family);
        }
        if k >= MAX_UNMARKED {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::marks::find;
    use crate::marks::tests::quotes as stretches;
    use newsprobe_core::Document;

    #[test]
    fn a_speech_runs_on_through_unmarked_lines() {
        let text = "Parent Dana Keller recounted: “I saw the worksheet on Monday.\n\
                    Their excuse was handwriting practice.\n\
                    I said, ‘That is not happening.\n\
                    My son is not doing that.’ He brought it home unfinished.”\n\
                    The school did not answer.";
        assert_eq!(
            stretches(text),
            vec![
                "I saw the worksheet on Monday.",
                "Their excuse was handwriting practice.",
                "I said, ‘That is not happening.",
                "My son is not doing that.’ He brought it home unfinished.",
            ]
        );
        let doc = Document::from_text(None, text);
        let found = find(&doc);
        assert!(found[1..].iter().all(|m| m.continues_previous));
        assert!(found[..3].iter().all(|m| m.continues_next));
    }

    #[test]
    fn a_later_quotation_opening_first_ends_nothing() {
        // The open quotation is never closed; the later one opens before it closes: the
        // narration between stays the writer's.
        let text = "The mayor wrote: “We will not yield.\n\
                    The council met on Tuesday.\n\
                    “We are done,” the chair said.";
        assert_eq!(stretches(text), vec!["We will not yield.", "We are done,"]);
    }

    #[test]
    fn too_far_or_straight_marks_run_on_nowhere() {
        let mut text = String::from("The mayor wrote: “We will not yield.\n");
        for _ in 0..9 {
            text.push_str("The council met again.\n");
        }
        text.push_str("Nobody objected.” The end.");
        assert_eq!(stretches(&text), vec!["We will not yield."]);
        let straight =
            "The mayor wrote: \"We will not yield.\nThe council met.\nNobody objected.\" The end.";
        assert_eq!(stretches(straight), vec!["We will not yield."]);
    }
}
