//! Inner reported content that runs on over the outer attribution (session 23, the nested
//! attributions left by session 22): in "Several patients told officers that the gunman had
//! waited …, Millbrook Police Chief Dana Whitlock said" the patients' statement is "that the
//! gunman had waited …", not "… , Millbrook Police Chief Dana Whitlock said"; in "A neighbour
//! said she had not known the man, according to the Millbrook Ledger" the neighbour's is "she
//! had not known the man". The outer attribution (its cue and speaker after its own content,
//! which holds the inner cue) is cut off the inner content at the comma before it.
//!
//! **Off by default** (`NEWSPROBE_RUN_ON=1` switches it on): measured on the start models it
//! left the tuned-on groups identical but cost PolNeAR dev 3 attribution speakers (1271 ->
//! 1268; the trimmed content makes a gold statement match the outer attribution instead,
//! "Bamberg also said …, which he said …, the footage showed") and the held-out part one
//! matched quotation; see the README's session-23 note.

use crate::speaker::Ctx;
use crate::Found;
use newsprobe_core::{QuoteKind, Span};
use std::sync::LazyLock;

/// Whether [`trim`] runs (`NEWSPROBE_RUN_ON=1`; off by default, see above).
static ON: LazyLock<bool> =
    LazyLock::new(|| std::env::var("NEWSPROBE_RUN_ON").is_ok_and(|v| v == "1"));

#[cfg(test)]
thread_local! {
    /// Fixture tests switch the trim on for their own thread.
    pub(crate) static FORCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn on() -> bool {
    #[cfg(test)]
    if FORCE.with(|f| f.get()) {
        return true;
    }
    *ON
}

/// Trims each reported statement's content that ends with another reported statement's
/// trailing attribution, where that other statement's content holds the first's cue (the
/// first is nested in it).
pub(crate) fn trim(ctx: &Ctx, reported: &mut [Found]) {
    if !on() {
        return;
    }
    // (outer content, where its trailing attribution starts, where it ends)
    let outers: Vec<(Span, usize, usize)> = reported
        .iter()
        .filter(|o| o.kind == QuoteKind::Reported)
        .filter_map(|o| {
            let cue = o.cue?;
            let m = o.speaker?;
            let start = cue.start.min(m.span.start);
            let end = cue.end.max(m.span.end);
            // A trailing attribution: after its content.
            (o.content.end <= start).then_some((o.content, start, end))
        })
        .collect();
    if outers.is_empty() {
        return;
    }
    for r in reported.iter_mut() {
        if r.kind != QuoteKind::Reported {
            continue;
        }
        let Some(cue) = r.cue else { continue };
        let Some(&(_, start, _)) = outers.iter().find(|(oc, start, end)| {
            oc.contains(&cue)
                && *start > r.content.start
                && *start < r.content.end
                && *end <= r.content.end
                // Only the attribution (and closing punctuation) after it.
                && ctx
                    .doc
                    .text
                    .get(*end..r.content.end)
                    .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
        }) else {
            continue;
        };
        // The comma right before the attribution.
        let first = ctx.token_at_or_after(r.content.start);
        let at = ctx.token_at_or_after(start);
        if at <= first + 3 || ctx.word(at - 1) != "," {
            continue;
        }
        r.content = Span::text(r.content.start, ctx.span(at - 2).end);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::analyzed;

    fn contents(text: &str) -> Vec<String> {
        super::FORCE.with(|f| f.set(true));
        let doc = analyzed(text);
        super::FORCE.with(|f| f.set(false));
        doc.quotes
            .iter()
            .map(|q| doc.span_text(&q.span).to_string())
            .collect()
    }

    /// "Several patients told officers that …, Millbrook Police Chief Dana Whitlock said": the
    /// patients' statement stops before the chief's attribution.
    #[test]
    fn the_inner_statement_stops_before_the_outer_attribution() {
        let text = "A man opened fire inside a dental clinic on Main Street on Tuesday.\n\n\
                    Several patients told officers that the gunman had waited in the lobby for \
                    almost an hour before he drew a pistol, Millbrook Police Chief Dana \
                    Whitlock said.";
        let c = contents(text);
        assert!(
            c.iter()
                .any(|q| q.starts_with("that the gunman") && q.ends_with("drew a pistol")),
            "{c:?}"
        );
        assert!(!c
            .iter()
            .any(|q| q.starts_with("that the gunman") && q.contains("Whitlock")));
    }

    /// "…, according to the Millbrook Ledger" after what a neighbour said.
    #[test]
    fn according_to_after_a_nested_statement() {
        let text = "The victims were taken to a hospital on Tuesday.\n\nA neighbour said she had \
                    not known the man, according to the Millbrook Ledger.";
        let c = contents(text);
        assert!(c.iter().any(|q| q == "she had not known the man"), "{c:?}");
    }

    /// A statement not nested in another keeps its words.
    #[test]
    fn a_plain_statement_is_left_alone() {
        let text = "The council met on Monday.\n\nThe budget will be cut by a tenth next year, \
                    Mayor Irene Vasquez said.";
        let c = contents(text);
        assert!(
            c.iter()
                .any(|q| q.starts_with("The budget will be cut by a tenth next year")),
            "{c:?}"
        );
    }
}
