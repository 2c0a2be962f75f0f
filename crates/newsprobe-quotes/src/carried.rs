//! What a quotation carried over from an earlier one knows of the quotation it continues
//! (session 22): a paragraph that is only a quotation after "X said: …", "…," he added in
//! the next paragraph, a run of quoted paragraphs. Their speaker is the earlier quotation's
//! mention (`Found::inherited`), so their confidence key is the earlier one's with
//! `+inherited`; these parts (after a `|`, read by the confidence model as evidence,
//! [`crate::confidence`]) tell it how strong the speaker was where it was named and how far the
//! turn has run since:
//! - of the quotation the run starts from (the first of the run, not itself carried over), read
//!   from its own key, never from its confidence score (session 23: session 22 read that score,
//!   `cs-hi`/`cs-mid`/`cs-lo`, so the model fed on itself and the retrain chain took five
//!   rounds to settle): how its name was reached, `cr-named` (a name or surname), `cr-pron` (a
//!   pronoun, the entity stage's coreference, the last speaker going on) or `cr-desc` (anything
//!   else); its cue, `cr-said` (say, tell, "according to"), `cr-cue` (another cue) or
//!   `cr-nocue`; `cr-weak` where its mention was chosen with a close margin, filled by the
//!   ranker, or lies outside its statement's sentences (not named in its own sentence);
//!   `cr-none` where no earlier quotation has the mention (a transcript's label) or the run's
//!   first is itself carried over;
//! - `cg0`, `cg1`, `cg2`: paragraphs from the quotation it continues (the last before it with
//!   the same mention) to this one: none or one, two or three, more;
//! - `cx`: another speaker's quotation lies between the two.

use crate::speaker::Ctx;
use crate::Found;

/// A gated quotation's name (shown, or suggested under the threshold) and what its key says
/// of how the name was reached.
pub struct Gated {
    /// The first quotation of the run this one is carried over in (itself where it is none).
    pub root: usize,
    /// The `cr-` parts of a quotation carried over from this one ([`root_parts`] of its key).
    pub root_parts: &'static str,
    pub name: Option<String>,
}

/// The `cr-` parts a quotation carried over from one with confidence key `key` reads (see the
/// module's notes); empty where the quotation has no key. Read from the key's way and parts
/// only: never its score.
pub fn root_parts(key: Option<&str>) -> &'static str {
    let Some(key) = key else {
        return "";
    };
    let table = crate::confidence::table_key(key);
    let mut plus = table.split('+');
    let path = plus.next().unwrap_or("").split('/').next().unwrap_or("");
    let weak = plus.any(|p| matches!(p, "close" | "filled" | "apart"));
    let cue = key
        .split('|')
        .skip(1)
        .find_map(|p| p.strip_prefix("cue-"))
        .unwrap_or("none");
    let form = match path {
        "named" | "surname" => 0,
        p if p.contains("pronoun") || p == "continued" => 1,
        _ => 2,
    };
    let cue = match cue {
        "said" | "told" | "acc" => 0,
        "none" => 2,
        _ => 1,
    };
    ROOT_PARTS[form][cue][usize::from(weak)]
}

/// [`root_parts`]' strings by form, cue and weakness (no string built per quotation).
const ROOT_PARTS: [[[&str; 2]; 3]; 3] = [
    [
        ["|cr-named|cr-said", "|cr-named|cr-said|cr-weak"],
        ["|cr-named|cr-cue", "|cr-named|cr-cue|cr-weak"],
        ["|cr-named|cr-nocue", "|cr-named|cr-nocue|cr-weak"],
    ],
    [
        ["|cr-pron|cr-said", "|cr-pron|cr-said|cr-weak"],
        ["|cr-pron|cr-cue", "|cr-pron|cr-cue|cr-weak"],
        ["|cr-pron|cr-nocue", "|cr-pron|cr-nocue|cr-weak"],
    ],
    [
        ["|cr-desc|cr-said", "|cr-desc|cr-said|cr-weak"],
        ["|cr-desc|cr-cue", "|cr-desc|cr-cue|cr-weak"],
        ["|cr-desc|cr-nocue", "|cr-desc|cr-nocue|cr-weak"],
    ],
];

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
        return ("|cr-none".to_string(), i);
    };
    // The first of the run (back through carried-over quotations of the same mention), kept
    // per quotation in `gated` so a long run is not walked back again for each member.
    let root = gated[prev].root;
    let mut out = String::new();
    out.push_str(match gated.get(root).map(|g| g.root_parts) {
        _ if found.get(root).is_some_and(|g| g.inherited) => "|cr-none",
        Some(p) if !p.is_empty() => p,
        _ => "|cr-none",
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
    crate::run_parts::push(&mut out, ctx, found, prev, root, i);
    (out, root)
}

#[cfg(test)]
mod tests {
    use super::root_parts;
    use crate::test_support::{analyzed, quote_with};

    /// What a continued quotation reads of the one it continues comes from that one's key
    /// (its way, cue and choice), whatever its score: a name at its own "said", a pronoun
    /// with another cue, a description with no cue chosen by a close margin.
    #[test]
    fn the_continued_quotations_parts_come_from_its_key() {
        assert_eq!(
            root_parts(Some(
                "named/0+ranked+q-direct|m3|n-full|e-person|cue-said|pos-after"
            )),
            "|cr-named|cr-said"
        );
        assert_eq!(
            root_parts(Some(
                "entity-pronoun/near+apart+q-direct|n-full|cue-other|pos-after"
            )),
            "|cr-pron|cr-cue|cr-weak"
        );
        assert_eq!(
            root_parts(Some("description/far+close+q-partial|m0|n-mixed|cue-none")),
            "|cr-desc|cr-nocue|cr-weak"
        );
        assert_eq!(root_parts(None), "");
    }

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
