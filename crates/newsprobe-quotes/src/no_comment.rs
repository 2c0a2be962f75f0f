//! Is the speaker the one who said it, or the one who would not comment on it? "Ms. Okafor
//! would not comment on reports that the plant will be sold": the reports are not hers, and
//! the statement stays unattributed.

use crate::speaker::{Ctx, Mention};

/// Verbs of answering that a refusal takes ("would not comment on", "declined to respond to").
const ANSWER: &[&str] = &[
    "comment",
    "commented",
    "commenting",
    "respond",
    "responded",
    "responding",
    "reply",
    "answer",
    "confirm",
    "elaborate",
    "discuss",
    "address",
];

/// Words that make the answer a refusal.
const REFUSAL: &[&str] = &[
    "not",
    "n't",
    "no",
    "declined",
    "declines",
    "declining",
    "refused",
    "refuses",
    "refusing",
    "never",
    "without",
    "wouldn't",
    "won't",
    "didn't",
    "did",
    "would",
    "could",
];

/// Whether a refusal to answer stands between the speaker `m` and the statement starting at
/// token `content_start`: then the statement is not the speaker's.
pub fn refused_to_answer(ctx: &Ctx, m: &Mention, content_start: usize) -> bool {
    if content_start <= m.last + 1 {
        return false;
    }
    // The refusal is the speaker's own verb, not in a clause attached to the mention ("Hoff,
    // who declined to comment for this article, proposes …"), and the statement is what it
    // refused to answer ("comment on reports that …").
    let after_clause = ctx.token_at_or_after(m.clause.end).max(m.last + 1);
    (after_clause..content_start).any(|k| {
        ANSWER.contains(&ctx.word(k))
            && matches!(ctx.word(k + 1), "on" | "about" | "to" | "upon" | "whether")
            && (k.saturating_sub(3)..k).any(|j| {
                j > m.last
                    && REFUSAL.contains(&ctx.word(j))
                    // "did not comment", "would not comment": the modal alone is no refusal.
                    && (!matches!(ctx.word(j), "did" | "would" | "could")
                        || matches!(ctx.word(j + 1), "not" | "n't"))
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::annotate;
    use newsprobe_core::{Document, SourceType};

    #[test]
    fn who_would_not_comment_is_not_the_source() {
        let mut doc = Document::from_text(
            None,
            "Ms. Okafor, the firm's chief executive, would not comment on reports that the factory will be sold. Last week, the company declined to comment on rumours that it would close the plant.",
        );
        annotate(&mut doc);
        for q in &doc.quotes {
            let text = doc.span_text(&q.span);
            if text.contains("will be sold") || text.contains("would close") {
                assert_eq!(q.source.kind, SourceType::Unattributed, "{text}");
                assert_eq!(q.source.name, None, "{text}");
            }
        }
        // Someone who did comment keeps the statement: shown, or (this crate alone, without the
        // entity stage's typing) suggested under the confidence threshold.
        let mut doc = Document::from_text(
            None,
            "Ms. Okafor, responding to questions, said that the factory will be sold.",
        );
        annotate(&mut doc);
        let okafor = |n: Option<&str>| n == Some("Okafor") || n == Some("Ms. Okafor");
        assert!(doc
            .quotes
            .iter()
            .any(|q| okafor(q.source.name.as_deref()) || okafor(q.source.suggested.as_deref())));
    }
}
