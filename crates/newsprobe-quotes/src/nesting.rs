//! Two facts about a statement's place among the article's other statements, read by the
//! speaker confidence as evidence parts (session 25, issue 11: features meant to transfer to
//! outlets and genres no rule was written on):
//! - `nest`: the statement's cue, or the speaker's mention, lies inside another statement's
//!   content ("Reyes said the mayor told her “…”"): a nested attribution, the largest class of
//!   wrong names shown on unseen text (session 20's notes);
//! - `inq`: the name shown is written inside the statement's own content ("“Halvorsen has
//!   this wrong,” the senator said", ranked to Halvorsen): a person the statement speaks of.

use newsprobe_core::{Document, Span};

use crate::Found;

/// Per statement of `found`: whether its cue or speaker's mention lies inside another
/// statement's content. Linear after a sort of the contents (a transcript has thousands).
pub fn nested(found: &[Found]) -> Vec<bool> {
    // Contents by (field, start); per prefix the two furthest ends with their statements, so
    // a span is tested against every content starting at or before it, less its own.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].content.field as u8, found[i].content.start));
    let mut best: Vec<[(usize, usize); 2]> = Vec::with_capacity(order.len());
    let mut top = [(0usize, usize::MAX); 2];
    let mut field = None;
    for &i in &order {
        let c = found[i].content;
        if field != Some(c.field as u8) {
            top = [(0, usize::MAX); 2];
            field = Some(c.field as u8);
        }
        if c.end > top[0].0 {
            top = [(c.end, i), top[0]];
        } else if c.end > top[1].0 {
            top[1] = (c.end, i);
        }
        best.push(top);
    }
    let inside = |s: Span, own: usize| {
        // The last content of the same field starting at or before `s`.
        let p = order.partition_point(|&i| {
            let c = found[i].content;
            (c.field as u8, c.start) <= (s.field as u8, s.start)
        });
        if p == 0 || found[order[p - 1]].content.field as u8 != s.field as u8 {
            return false;
        }
        best[p - 1]
            .iter()
            .any(|&(end, i)| i != own && i != usize::MAX && end >= s.end)
    };
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.cue.is_some_and(|c| inside(c, i))
                || f.speaker.is_some_and(|m| !f.inherited && inside(m.span, i))
        })
        .collect()
}

/// Whether `name`'s last word (three letters or more) is written, as a word, inside the
/// statement's content.
pub fn named_inside(doc: &Document, f: &Found, name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else {
        return false;
    };
    if last.chars().count() < 3 || !last.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let text = doc.span_text(&f.content);
    text.match_indices(last).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + last.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    fn keys(text: &str) -> Vec<(String, String)> {
        let mut doc = newsprobe_core::Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        doc.quotes
            .iter()
            .map(|q| {
                (
                    doc.span_text(&q.span).to_string(),
                    q.source.key.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_cue_inside_another_statement_is_nested() {
        let ks = keys(
            "Harbour dispute drags on\n\nDock manager Elena Rossi said the port director told \
             her: \u{201c}The cranes will not move before spring.\u{201d}\n\n\
             \u{201c}We have waited long enough,\u{201d} said Maria Okafor, the council's \
             finance chair.\n",
        );
        let key = |words: &str| {
            ks.iter()
                .find(|(t, _)| t.starts_with(words))
                .map(|(_, k)| k.clone())
                .unwrap_or_else(|| panic!("a statement with {words:?}: {ks:?}"))
        };
        assert!(key("The cranes").contains("|nest"), "{ks:?}");
        assert!(!key("We have waited").contains("|nest"), "{ks:?}");
    }

    #[test]
    fn nesting_by_spans() {
        let span = |start, end| newsprobe_core::Span {
            start,
            end,
            field: newsprobe_core::Field::Text,
        };
        let found = |content, cue| crate::Found {
            content,
            kind: newsprobe_core::QuoteKind::Reported,
            cue: Some(cue),
            cue_token: None,
            speaker: None,
            inherited: false,
            margin: None,
            filled: false,
        };
        // An outer statement [10, 80) holding the second's cue; the third's cue lies after it.
        let fs = [
            found(span(10, 80), span(5, 9)),
            found(span(50, 78), span(30, 34)),
            found(span(100, 140), span(90, 94)),
        ];
        assert_eq!(super::nested(&fs), vec![false, true, false]);
        assert!(super::nested(&[]).is_empty());
    }

    #[test]
    fn a_name_inside_its_own_statement_is_marked() {
        let ks = keys(
            "Budget vote\n\n\u{201c}Tomas Berg has this wrong, and the figures show it,\u{201d} \
             said Maria Okafor, the council's finance chair.\n",
        );
        let (_, key) = &ks[0];
        assert!(
            !key.contains("|inq"),
            "Okafor is not inside her own words: {key}"
        );
        let mut doc = newsprobe_core::Document::from_text(
            None,
            "Budget vote\n\n\u{201c}Tomas Berg has this wrong,\u{201d} said Maria Okafor.\n",
        );
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let f = crate::Found {
            content: doc.quotes[0].span,
            kind: doc.quotes[0].kind,
            cue: None,
            cue_token: None,
            speaker: None,
            inherited: false,
            margin: None,
            filled: false,
        };
        assert!(super::named_inside(&doc, &f, "Tomas Berg"));
        assert!(!super::named_inside(&doc, &f, "Maria Okafor"));
        assert!(!super::named_inside(&doc, &f, "Bergman"));
    }
}
