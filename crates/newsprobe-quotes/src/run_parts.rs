//! What a quotation carried over from an earlier one (a run of quoted paragraphs after a named
//! speaker's cue) shows of the run itself (session 29, issue 11), as parts of its confidence
//! key after a `|`, beside [`crate::carried`]'s:
//! - `rq-direct`: the run's first quotation is a direct quotation (a speaker quoted in
//!   marks, the run's usual opening), not reported or partial speech;
//! - `rq-open`: the quotation opens its own paragraph (only quotation marks before it), as a
//!   run of quoted paragraphs does, not a quotation inside narration;
//! - `rq-name`: a person other than the speaker is named outside every statement between the
//!   quotation it continues and this one (narration naming someone new intervenes).
//!
//! Read only for a carried-over quotation (a few a document): no cost on any other.

use newsprobe_core::{EntityType, Field, QuoteKind, Span};

use crate::speaker::Ctx;
use crate::Found;

/// Appends the run's parts of quotation `i` of `found`, carried over from quotation `prev`
/// of the same mention, in the run opened by quotation `root`.
pub fn push(out: &mut String, ctx: &Ctx, found: &[Found], prev: usize, root: usize, i: usize) {
    let (Some(f), Some(p)) = (found.get(i), found.get(prev)) else {
        return;
    };
    if found
        .get(root)
        .is_some_and(|r| r.kind == QuoteKind::Direct && !r.inherited)
    {
        out.push_str("|rq-direct");
    }
    if opens_paragraph(ctx, f.content) {
        out.push_str("|rq-open");
    }
    if let Some(m) = f.speaker {
        if named_between(ctx, found, m.span, p.content.end, f.content.start) {
            out.push_str("|rq-name");
        }
    }
}

/// Whether only quotation marks and spaces lie between the start of `content`'s paragraph
/// and `content`.
fn opens_paragraph(ctx: &Ctx, content: Span) -> bool {
    let doc = ctx.doc;
    if content.field != Field::Text {
        return false;
    }
    let Some(para) = doc
        .paragraph_at(content.start)
        .and_then(|p| doc.paragraphs.get(p))
    else {
        return false;
    };
    doc.text
        .get(para.start..content.start)
        .is_some_and(|before| before.chars().all(|c| c.is_whitespace() || is_mark(c)))
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '\'')
}

/// Whether a person other than the one mention `speaker` names is named in the body between
/// `from` and `to`, outside every statement of `found`.
fn named_between(ctx: &Ctx, found: &[Found], speaker: Span, from: usize, to: usize) -> bool {
    if to <= from {
        return false;
    }
    let doc = ctx.doc;
    let mentions = ctx.entity_mentions();
    let own = mentions
        .index
        .overlapping(speaker)
        .map(|k| mentions.entity[k])
        .next();
    let window = Span {
        start: from,
        end: to,
        field: Field::Text,
    };
    mentions.index.overlapping(window).any(|k| {
        let s = mentions.span[k];
        let i = mentions.entity[k];
        s.field == Field::Text
            && s.start >= from
            && s.end <= to
            && Some(i) != own
            && doc
                .entities
                .get(i)
                .is_some_and(|e| e.kind == EntityType::Person)
            && !found
                .iter()
                .any(|g| g.content.field == Field::Text && g.content.contains(&s))
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::analyzed;

    fn key_of(doc: &newsprobe_core::Document, words: &str) -> String {
        let q = doc
            .quotes
            .iter()
            .find(|q| doc.span_text(&q.span).contains(words))
            .expect("the quotation");
        q.source.key.clone().unwrap_or_default()
    }

    /// A quoted paragraph after a named speaker's direct quotation: the run opens with a
    /// direct quotation and the paragraph is the quotation; no one else named between.
    #[test]
    fn a_run_of_quoted_paragraphs_has_its_parts() {
        let doc = analyzed(
            "Council approves new bridge\n\nThe city council voted on Tuesday to fund a second bridge over the river.\n\n\"We have waited twenty years for this crossing, and the traffic on the old bridge gets worse every winter,\" said Mayor Helen Strand.\n\n\"The money is there now. Work will start in the spring and we expect the first cars on it within three years.\"\n\nThe vote was seven to two.",
        );
        let key = key_of(&doc, "Work will start");
        assert!(key.contains("+inherited"), "{key}");
        assert!(key.contains("|rq-direct"), "{key}");
        assert!(key.contains("|rq-open"), "{key}");
        assert!(!key.contains("|rq-name"), "{key}");
        // Not carried over: none of the run's parts.
        let first = key_of(&doc, "waited twenty years");
        assert!(!first.contains("|rq-"), "{first}");
    }

    /// Narration naming another person between the two quotations: the quotation it
    /// continues ends, and someone else is named before the next quoted paragraph.
    #[test]
    fn another_person_named_between_is_marked() {
        let doc = analyzed(
            "Council approves new bridge\n\n\"We have waited twenty years for this crossing, and the traffic on the old bridge gets worse every winter,\" said Mayor Helen Strand after a long meeting with Peter Novak.\n\n\"The money is there now. Work will start in the spring and we expect the first cars on it within three years.\"",
        );
        let key = key_of(&doc, "Work will start");
        assert!(key.contains("+inherited"), "{key}");
        assert!(key.contains("|rq-name"), "{key}");
    }
}
