//! "The president said: “It should have been obvious … but I would like to clarify.\nIn a key
//! sentence in my remarks, I said the word ‘would’ …\n“I have, on numerous occasions, noted …”":
//! a quotation that reached its paragraph's end without closing runs on through the lines after
//! it that carry no marks (the page dropped their opening marks); a quotation opening a later
//! paragraph of that stretch is the same speaker's, not the writer's "I" whose cue ("I said the
//! word …") stands inside the unmarked lines, nor no one's.
//!
//! Session 28 (`s28-speakersb28`, issue 11): tuned-on ptc-train-2 article 772947654, where the
//! quoted president's "I said" lines made the writer's "I" the speaker of three paragraphs.

use crate::marks::Marked;
use crate::speaker::{Ctx, Mention};
use crate::Found;

/// The most paragraphs the unmarked stretch may run over.
const MAX_GAP: usize = 4;

/// The earlier quotation's speaker and cue for `marks[i]`, where `marks[i]` opens a paragraph,
/// the quotation before it reached its paragraph's end unclosed a few unmarked paragraphs
/// earlier, the lines between speak in the first person, and this quotation's own speaker so far
/// (`own`) is none or a first-person "I"/"we" inside those lines.
pub fn speaker_of_run(
    ctx: &Ctx,
    marks: &[Marked],
    i: usize,
    out: &[Found],
    own: Option<&Mention>,
) -> Option<Found> {
    let first = marks.get(i)?;
    // (Closed marks inside the unmarked lines, "the word ‘would’", are words they mention.)
    let k = (0..i).rev().find(|&k| !marks[k].closed)?;
    let prev = &marks[k];
    let inner_closed = |m: &Marked| {
        ctx.doc.paragraph_at(m.outer.start) != ctx.doc.paragraph_at(prev.content.start)
    };
    if prev.continues_next || first.continues_previous || !marks[k + 1..i].iter().all(inner_closed)
    {
        return None;
    }
    let open = ctx.token_at_or_after(first.outer.start);
    if ctx.paragraph_bounds(open).0 != open {
        return None;
    }
    let prev_para = ctx.doc.paragraph_at(prev.content.start)?;
    let this_para = ctx.doc.paragraph_at(first.outer.start)?;
    if this_para <= prev_para + 1 || this_para > prev_para + MAX_GAP {
        return None;
    }
    let gap_start = ctx.token_at_or_after(prev.outer.end);
    let first_person = |t: usize| matches!(ctx.word(t), "I" | "we" | "We" | "my" | "My" | "our");
    if !(gap_start..open).any(first_person) {
        return None;
    }
    if let Some(m) = own {
        let lone_first_person = m.first == m.last && matches!(ctx.word(m.first), "I" | "we" | "We");
        if !(lone_first_person && m.first >= gap_start && m.first < open) {
            return None;
        }
    }
    let earlier = out
        .iter()
        .rev()
        .find(|f| f.content == prev.content && f.speaker.is_some())?;
    Some(Found {
        inherited: true,
        ..*earlier
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    const TEXT: &str = "Summit in Helsinki\n\n\
        The mayor spoke to reporters on Tuesday about the budget and the new bridge.\n\
        Mayor Tom Hardy said: “It should have been obvious, but I would like to clarify.\n\
        In a key sentence in my remarks, I said the word ‘would’ instead of ‘wouldn’t.’\n\
        So just to repeat it, I said the word ‘would’ instead of ‘wouldn’t’ …\n\
        “I have, on numerous occasions, noted the findings of the council on the bridge.\n\
        We are doing everything in our power to build the bridge this year.”\n\
        Anyone who has studied the mayor knows he hates to admit a mistake.";

    #[test]
    fn a_quotation_after_unmarked_first_person_lines_keeps_the_unclosed_speaker() {
        // Written for the project (session 28), after ptc-train-2 772947654's construction.
        let (name, _) = source_of(TEXT, "I have, on numerous occasions");
        assert_eq!(name.as_deref(), Some("Tom Hardy"));
        let (name, _) = source_of(TEXT, "We are doing everything");
        assert_eq!(name.as_deref(), Some("Tom Hardy"));
    }

    #[test]
    fn a_closed_quotation_passes_on_nothing() {
        // Written for the project (session 28).
        let text = "Bridge plan\n\n\
            Mayor Tom Hardy said: “It should have been obvious, but I would like to clarify.”\n\
            In my view, the mayor was wrong and I said so at the time.\n\
            The budget was cut twice this year.\n\
            “We cannot afford the bridge.”";
        let (name, _) = source_of(text, "We cannot afford the bridge");
        assert_ne!(name.as_deref(), Some("Tom Hardy"));
    }
}
