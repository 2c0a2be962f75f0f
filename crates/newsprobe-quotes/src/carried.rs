//! What a quotation carried over from an earlier one knows of the quotation it continues
//! (session 22): a paragraph that is only a quotation after "X said: …", "…," he added in
//! the next paragraph, a run of quoted paragraphs. Their speaker is the earlier quotation's
//! mention (`Found::inherited`), so their confidence key is the earlier one's with
//! `+inherited`; these parts (after a `|`, read by the confidence model as evidence,
//! [`crate::confidence`]) tell it how strong the speaker was where it was named and how far the
//! turn has run since:
//! - `cs-hi`, `cs-mid`, `cs-lo`: the confidence of the quotation the run starts from (the
//!   first of the run, not itself carried over): 0.9 or more, the threshold (0.8) or more,
//!   less; `cs-none` where no earlier quotation has the mention (a transcript's label);
//! - `cg0`, `cg1`, `cg2`: paragraphs from the quotation it continues (the last before it with
//!   the same mention) to this one: none or one, two or three, more;
//! - `cx`: another speaker's quotation lies between the two.

use crate::speaker::Ctx;
use crate::Found;

/// A gated quotation's score and name (shown, or suggested under the threshold).
pub struct Gated {
    /// The first quotation of the run this one is carried over in (itself where it is none).
    pub root: usize,
    pub score: Option<f64>,
    pub name: Option<String>,
}

/// The parts of quotation `i` of `found` (each after a `|`), where it is carried over from an
/// earlier one; `gated` holds the quotations before it. Empty for any other. With it, the
/// index of the run's first quotation (`i` itself where none is before it).
pub fn parts(ctx: &Ctx, found: &[Found], gated: &[Gated], i: usize) -> (String, usize) {
    let Some(f) = found.get(i).filter(|f| f.inherited) else {
        return (String::new(), i);
    };
    let Some(m) = f.speaker else {
        return (String::new(), i);
    };
    let same = |k: usize| {
        found
            .get(k)
            .and_then(|g| g.speaker)
            .is_some_and(|s| s.span == m.span)
    };
    let Some(prev) = (0..i.min(gated.len())).rev().find(|&k| same(k)) else {
        return ("|cs-none".to_string(), i);
    };
    // The first of the run (back through carried-over quotations of the same mention), kept
    // per quotation in `gated` so a long run is not walked back again for each member.
    let root = gated[prev].root;
    let mut out = String::new();
    out.push_str(match gated.get(root).and_then(|g| g.score) {
        _ if found.get(root).is_some_and(|g| g.inherited) => "|cs-none",
        Some(s) if s >= 0.9 => "|cs-hi",
        Some(s) if s >= f64::from(crate::confidence::threshold()) => "|cs-mid",
        Some(_) => "|cs-lo",
        None => "|cs-none",
    });
    let para = |pos: usize| ctx.doc.paragraph_at(pos);
    let from = found
        .get(prev)
        .and_then(|g| para(g.content.end.saturating_sub(1)));
    let gap = match (from, para(f.content.start)) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => 0,
    };
    out.push_str(match gap {
        0 | 1 => "|cg0",
        2 | 3 => "|cg1",
        _ => "|cg2",
    });
    let own = gated.get(prev).and_then(|g| g.name.as_deref());
    let other = (prev + 1..i).any(|k| {
        found.get(k).is_some_and(|g| g.speaker.is_some())
            && gated
                .get(k)
                .and_then(|g| g.name.as_deref())
                .is_some_and(|n| Some(n) != own)
    });
    if other {
        out.push_str("|cx");
    }
    (out, root)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{analyzed, quote_with};

    /// A run of quoted paragraphs after a named speaker's cue keeps the speaker, shown
    /// (the quotation it continues was named at a plain "said").
    #[test]
    fn a_continued_turn_keeps_its_speaker() {
        let doc = analyzed(
            "Council approves new bridge\n\nThe city council voted on Tuesday to fund a second bridge over the river.\n\n\"We have waited twenty years for this crossing, and the traffic on the old bridge gets worse every winter,\" said Mayor Helen Strand.\n\n\"The money is there now. Work will start in the spring and we expect the first cars on it within three years.\"\n\nThe vote was seven to two.",
        );
        let first = quote_with(&doc, "waited twenty years");
        let next = quote_with(&doc, "Work will start in the spring");
        assert_eq!(first.source.name.as_deref(), Some("Helen Strand"));
        assert_eq!(
            next.source
                .name
                .as_deref()
                .or(next.source.suggested.as_deref()),
            Some("Helen Strand"),
            "{:?}",
            next.source
        );
    }
}
