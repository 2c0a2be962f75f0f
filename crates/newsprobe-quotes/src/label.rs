//! Who speaks in a paragraph that opens with a speaker label and a colon?
//!
//! Two constructions: interview transcripts (`WALLACE: Let's start…` / `"PENCE: Well, look…`,
//! upper-case labels on two or more paragraphs of the article) and attribution headlines
//! (`Graham: Trump's Rhetoric Destroying GOP's Chance`, the article's first line, where the
//! label names a person or organisation the entity stage knows, or a source noun such as
//! `Poll:` or `Report:`). The label is the speaker, the colon the cue and the rest of the
//! paragraph the content. Section kickers (`The Latest:`, `BREAKING:`, `BYLINE:`) are not
//! speakers.

use newsprobe_core::{EntityType, QuoteKind, Span};

use crate::lexicon;
use crate::speaker::{Ctx, Mention};
use crate::Found;

/// The longest label, in tokens.
const MAX_LABEL: usize = 6;

/// Words that open a section kicker rather than name a speaker (and "Dear", a letter's
/// salutation in an advice column: "DEAR CONCERNED SISTER: If you …" names the addressee).
fn is_kicker(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "breaking"
            | "exclusive"
            | "update"
            | "updated"
            | "byline"
            | "correction"
            | "clarification"
            | "editor"
            | "editor's"
            | "editor’s"
            | "note"
            | "email"
            | "e-mail"
            | "video"
            | "photo"
            | "photos"
            | "watch"
            | "look"
            | "wow"
            | "revealed"
            | "just"
            | "paid"
            | "live"
            | "opinion"
            | "analysis"
            | "q"
            | "source"
            | "sources"
            | "related"
            | "read"
            | "see"
            | "also"
            | "warning"
            | "transcript"
            | "partial"
            | "dear"
    )
}

/// Nouns that speak as labels in headlines (`Poll: …`, `Report: …`).
fn is_source_noun(word: &str) -> bool {
    matches!(
        word,
        "poll"
            | "polls"
            | "report"
            | "survey"
            | "study"
            | "newspaper"
            | "insiders"
            | "historians"
            | "experts"
            | "officials"
            | "campaign"
            | "camp"
            | "editorial"
            | "aides"
            | "analysts"
            | "economists"
    )
}

/// A label at the start of the paragraph holding token `i`: its tokens and the colon.
/// `(first, last, colon)`; the label is upper-case only when `caps` is set.
fn raw_label(ctx: &Ctx, p_start: usize, p_end: usize) -> Option<(usize, usize, usize, bool)> {
    let mut k = p_start;
    if ctx.is_quote_mark(k) {
        k += 1;
    }
    let first = k;
    if !ctx.is_capitalized(first) || is_kicker(ctx.word(first)) {
        return None;
    }
    let mut colon = first;
    while colon < p_end && colon - first <= MAX_LABEL && ctx.word(colon) != ":" {
        let ok = ctx.is_word(colon) || ctx.is_abbreviation_dot(colon);
        if !ok {
            return None;
        }
        colon += 1;
    }
    if colon >= p_end || ctx.word(colon) != ":" || colon == first || colon + 1 >= p_end {
        return None;
    }
    let last = colon - 1;
    if ctx.is_abbreviation_dot(last) && last == first {
        return None;
    }
    let caps = (first..=last)
        .filter(|&t| ctx.is_word(t))
        .all(|t| !ctx.raw(t).chars().any(char::is_lowercase));
    Some((first, last, colon, caps))
}

/// Attributions of paragraphs opening with a speaker label.
pub struct Labels {
    /// `(paragraph start token, label mention, colon token, transcript)`, in text order.
    found: Vec<(usize, Mention, usize, bool)>,
}

impl Labels {
    /// Finds the speaker labels of the document.
    pub fn find(ctx: &Ctx) -> Labels {
        let doc = ctx.doc;
        let mut caps_labels = Vec::new();
        let mut found = Vec::new();
        for (p, para) in doc.paragraphs.iter().enumerate() {
            let p_start = ctx.token_at_or_after(para.start);
            let p_end = ctx.token_at_or_after(para.end);
            if p_start >= p_end {
                continue;
            }
            let Some((first, last, colon, caps)) = raw_label(ctx, p_start, p_end) else {
                continue;
            };
            let mention = Mention::tokens(ctx, first, last);
            if caps {
                caps_labels.push((p_start, mention, colon, true));
                continue;
            }
            // A headline: the first line of the text, one line, a statement (not a question).
            let text = doc.span_text(para);
            let headline = p == 0 && !text.contains('\n') && text.len() <= 250;
            if !headline || text.trim_end().ends_with('?') {
                continue;
            }
            let head = ctx.span(last);
            let known = doc.entities.iter().any(|e| {
                matches!(e.kind, EntityType::Person | EntityType::Organization)
                    && e.mentions.iter().any(|m| m.overlaps(&head))
            });
            let speaks = |t: usize| {
                let w = ctx.word(t);
                is_source_noun(w) || lexicon::is_title(w) || lexicon::is_role_noun(w)
            };
            // The label's head speaks: its last word, or the word before "of" ("Mother of
            // victim"); "Eyewitness Confessional" is a column's name. A headline's run with a
            // verb inside ("Clinton Cash Debunks Hillary") is no label.
            let person_like =
                speaks(last) || (first..last).any(|t| ctx.word(t + 1) == "of" && speaks(t));
            if (known || person_like) && !crate::junk::title_like(doc.span_text(&mention.span)) {
                found.push((p_start, mention, colon, false));
            }
        }
        // A transcript: upper-case labels on two or more paragraphs, none a caption's label
        // ("EXPLICIT: The teacher may lose her job … [CEN]", `section_label`).
        let keys: Vec<(usize, usize)> = caps_labels
            .iter()
            .enumerate()
            .map(|(i, f)| (i, f.1.last))
            .collect();
        let kept = crate::section_label::speaker_labels(ctx, &keys);
        if kept.len() >= 2 {
            found.extend(kept.into_iter().map(|i| caps_labels[i]));
            found.sort_by_key(|f| f.0);
        }
        Labels { found }
    }

    /// The label opening the paragraph that starts at token `p_start` (after an optional
    /// quotation mark): its mention and colon.
    pub fn at(&self, ctx: &Ctx, token: usize) -> Option<(Mention, usize)> {
        let (p_start, _) = ctx.paragraph_bounds(token);
        self.found
            .iter()
            .find(|f| f.0 == p_start && token <= f.2)
            .map(|f| (f.1, f.2))
    }

    /// Labelled paragraphs that no quotation mark opens: the rest of each paragraph after its
    /// colon is the labelled speaker's, and unlabelled paragraphs right after it continue it.
    pub fn unquoted(&self, ctx: &Ctx) -> Vec<Found> {
        let mut out = Vec::new();
        for &(p_start, mention, colon, transcript) in &self.found {
            if ctx.is_quote_mark(p_start) {
                continue;
            }
            let (_, p_end) = ctx.paragraph_bounds(p_start);
            let mut last = p_end - 1;
            while last > colon + 1 && (ctx.is_quote_mark(last) || ctx.word(last) == ".") {
                last -= 1;
            }
            if last <= colon {
                continue;
            }
            let content = Span::text(ctx.span(colon + 1).start, ctx.span(last).end);
            // A transcript is verbatim; a headline quotes only what it puts in marks.
            let marked = (colon + 1..=last)
                .any(|t| matches!(ctx.raw(t), "\"" | "“" | "”" | "‘" | "«" | "»" | "„"));
            out.push(Found {
                content,
                kind: if transcript || marked {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Reported
                },
                cue: Some(ctx.span(colon)),
                cue_token: Some(colon),
                speaker: Some(mention),
                inherited: false,
                margin: None,
                filled: false,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    #[test]
    fn transcript_labels_need_two_paragraphs() {
        let doc = Document::from_text(
            None,
            "The interview went on.\n\nHOST: Will you run again?\n\nMAYOR: I have not decided, and I will not decide today.\n\nUPDATE: This story has changed.",
        );
        let ctx = Ctx::new(&doc);
        let labels = Labels::find(&ctx);
        let found = labels.unquoted(&ctx);
        let said: Vec<(&str, &str)> = found
            .iter()
            .map(|f| {
                (
                    doc.span_text(&f.speaker.expect("speaker").span),
                    doc.span_text(&f.content),
                )
            })
            .collect();
        assert_eq!(
            said,
            vec![
                ("HOST", "Will you run again?"),
                ("MAYOR", "I have not decided, and I will not decide today")
            ]
        );
        let one = Document::from_text(None, "Intro.\n\nNOTE: The count is not final.");
        let ctx = Ctx::new(&one);
        assert!(Labels::find(&ctx).unquoted(&ctx).is_empty());
    }

    #[test]
    fn headline_labels_name_a_source() {
        let doc = Document::from_text(
            None,
            "Poll: Farmers Turn Against the New Water Tax.\n\nThe survey of 800 farmers was taken in May.",
        );
        let ctx = Ctx::new(&doc);
        let found = Labels::find(&ctx).unquoted(&ctx);
        assert_eq!(found.len(), 1);
        assert_eq!(
            doc.span_text(&found[0].content),
            "Farmers Turn Against the New Water Tax"
        );
        for kicker in [
            "The Latest: Storm reaches the coast.\n\nMore.",
            "Breaking: Storm Reaches The Coast.\n\nMore.",
            "Poll: Will The Storm Reach The Coast?\n\nMore.",
            "Eyewitness Confessional: There Was An Active Shooter\n\nMore.",
            "Clinton Cash Debunks Hillary: Only Rich Donors Count\n\nMore.",
        ] {
            let doc = Document::from_text(None, kicker);
            let ctx = Ctx::new(&doc);
            assert!(Labels::find(&ctx).unquoted(&ctx).is_empty(), "{kicker}");
        }
    }

    /// An advice column's salutations ("DEAR WORRIED MOM: …") name the addressee, not a
    /// speaker: no transcript labels, however many there are.
    #[test]
    fn salutations_are_no_labels() {
        let doc = Document::from_text(
            None,
            "Advice for the week\n\nMy son never calls me back. Should I stop trying? -- WORRIED MOM\n\n\
             DEAR WORRIED MOM: Keep calling, but give him room to answer in his own time.\n\n\
             DEAR READERS: Thank you for the many letters about last week's column.\n\n\
             DEAR TIRED: A short walk after dinner may help you sleep.",
        );
        let ctx = Ctx::new(&doc);
        let labels = Labels::find(&ctx);
        assert!(labels.found.is_empty(), "{:?}", labels.found.len());
    }
}
