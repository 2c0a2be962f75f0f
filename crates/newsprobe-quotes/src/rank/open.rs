//! The open routes (session 19): attributions the rules gave no speaker, with a cue
//! ([`Route::NoSpeaker`](super::Route::NoSpeaker): "…, according to the report", a refused
//! subject) or without one ([`Route::NoCue`](super::Route::NoCue): a quotation hung on no
//! verb), ranked over the mentions of the anchor's sentence and the sentence before (the
//! subject before the anchor, the noun phrase after a cue, the sentence subject, person and
//! organisation mentions, pronouns, and noun phrases headed by a role or group word: "the
//! source", "a doctor", "his attorney") **against a learnable "nobody"**: a candidate of its own
//! whose features (the route, the statement's kind, whether any candidate is a person or a
//! name, the nearest candidate's distance, where the statement stands in its paragraph, the
//! cue's lemma) let the model decline, so the report shows no speaker rather than a wrong one.
//! The anchor is the cue, else the quotation's first token. A model trained without open
//! examples (no `nobody` weight) leaves these routes alone.
//! `NEWSPROBE_RANK_OPEN=0` turns the routes off, `=cue` keeps the cue route only (tuning).

use std::sync::OnceLock;

use newsprobe_core::{EntityType, Span};

use super::{
    bucket, fid_str, junk, role_phrases, sentence_before, Cand, Feats, Lookup, Model, NOBODY,
};
use crate::speaker::{Ctx, Mention};
use crate::Found;

/// The cue route (a cue, no rule speaker).
const CUE: u8 = 1;
/// The no-cue route.
const NO_CUE: u8 = 2;

/// The open routes in use (`NEWSPROBE_RANK_OPEN`: `0` none, `cue` the cue route, else both).
fn routes() -> u8 {
    static R: OnceLock<u8> = OnceLock::new();
    *R.get_or_init(|| match std::env::var("NEWSPROBE_RANK_OPEN").as_deref() {
        Ok("0") | Ok("off") => 0,
        Ok("cue") => CUE,
        _ => CUE | NO_CUE,
    })
}

/// Whether entity fragments are kept out of the candidates ([`super::fragment`]; session 20):
/// `NEWSPROBE_OPEN_FRAGMENTS=1` lets them in (session 19's candidates, for measuring).
fn fragments_out() -> bool {
    static F: OnceLock<bool> = OnceLock::new();
    *F.get_or_init(|| std::env::var_os("NEWSPROBE_OPEN_FRAGMENTS").is_none())
}

/// Whether `model` was trained with open examples (it weighs the "nobody" candidate).
pub(super) fn model_declines(model: &Model) -> bool {
    model.weights.contains_key(&fid_str("nobody"))
}

/// The token an open route's candidates are placed against: the cue where the rules found one
/// but no speaker, else the quotation's first token; None where the attribution has a speaker
/// (its own or carried over) or its route is off.
pub(super) fn anchor(ctx: &Ctx, f: &Found) -> Option<usize> {
    if f.speaker.is_some() || f.inherited {
        return None;
    }
    match f.cue_token {
        Some(c) => (routes() & CUE != 0 && c < ctx.len()).then_some(c),
        None => {
            let a = ctx.token_at_or_after(f.content.start);
            (routes() & NO_CUE != 0 && a < ctx.len()).then_some(a)
        }
    }
}

/// The route's name in feature names.
pub(super) fn name(f: &Found) -> &'static str {
    if f.cue_token.is_some() {
        "cue"
    } else {
        "nocue"
    }
}

/// The candidates of an open route anchored at `a`: mentions of the anchor's sentence and the
/// sentence before, none inside the statement's content, junk, a repeat or a piece of a longer
/// name ([`super::fragment`]).
pub(super) fn candidates(ctx: &Ctx, f: &Found, a: usize, ents: &[(Span, EntityType)]) -> Vec<Cand> {
    candidates_with(ctx, f, a, ents, fragments_out())
}

/// [`candidates`], the pieces of longer names kept out where `no_fragments`.
fn candidates_with(
    ctx: &Ctx,
    f: &Found,
    a: usize,
    ents: &[(Span, EntityType)],
    no_fragments: bool,
) -> Vec<Cand> {
    let (s_start, s_end) = ctx.sentence_bounds(a);
    let s_end = s_end.min(ctx.len());
    let prev_start = sentence_before(ctx, a);
    let mut out: Vec<Cand> = Vec::new();
    let mut push = |m: Option<Mention>, src: &'static str| {
        if let Some(m) = m {
            out.push(Cand { m, src });
        }
    };
    push(ctx.subject_before(a, s_start), "subj");
    if f.cue_token.is_some() {
        push(ctx.np_after(a + 1, s_end), "after");
    }
    push(ctx.sentence_subject(a, a), "sent");
    let lo = ctx.span(prev_start).start;
    let hi = ctx.span(s_end.saturating_sub(1).max(prev_start)).end;
    for m in super::person_or_org_mentions(ctx, ents, lo, hi) {
        push(Some(m), "ent");
    }
    for k in prev_start..s_end {
        if ctx.is_pronoun(k) && ctx.is_word(k) {
            push(Some(Mention::tokens(ctx, k, k)), "pron");
        }
    }
    for m in role_phrases(ctx, s_start, s_end) {
        push(Some(m), "role");
    }
    if s_start > prev_start {
        for m in role_phrases(ctx, prev_start, s_start) {
            push(Some(m), "role");
        }
    }
    let content_start = ctx.token_at_or_after(f.content.start);
    let mut kept: Vec<Cand> = Vec::with_capacity(out.len());
    for cand in out {
        let m = cand.m;
        if kept
            .iter()
            .any(|k| k.m.first == m.first && k.m.last == m.last)
            || f.content.contains(&m.span)
            || m.span.overlaps(&f.content)
            || junk::is_junk(ctx, &m)
            || junk::is_nobody(ctx, &m)
            || crate::locative::ends_in_preposition(ctx, &m)
            || (no_fragments && super::fragment::is_fragment(ctx, &m, ents))
            // ("Ms. Okafor would not comment on reports that …": the reports are not hers.)
            || crate::no_comment::refused_to_answer(ctx, &m, content_start)
        {
            continue;
        }
        kept.push(cand);
    }
    kept
}

/// The features of the "nobody" candidate of an open route anchored at `a` with candidates
/// `cands`.
pub(super) fn nobody_features(
    ctx: &Ctx,
    look: &Lookup,
    f: &Found,
    a: usize,
    cands: &[Cand],
    out: &mut Feats,
) {
    let route = name(f);
    let kind = match f.kind {
        newsprobe_core::QuoteKind::Direct => "direct",
        newsprobe_core::QuoteKind::Partial => "partial",
        newsprobe_core::QuoteKind::Reported => "reported",
    };
    out.add(&NOBODY, &[]);
    let r = out.add(&NOBODY, &[route]);
    out.extend(r, &NOBODY, &[route], &[kind]);
    let person = cands.iter().any(|k| {
        look.ents
            .first_overlapping(ctx.span(k.m.last))
            .is_some_and(|_| crate::source_type::is_named(ctx, &k.m))
    });
    out.add(
        &NOBODY,
        &[route, "person", if person { "yes" } else { "no" }],
    );
    let named = cands
        .iter()
        .any(|k| !ctx.is_pronoun(k.m.last) && ctx.is_capitalized(k.m.last));
    out.add(&NOBODY, &[route, "named", if named { "yes" } else { "no" }]);
    let roles = cands.iter().any(|k| k.src == "role");
    out.add(&NOBODY, &[route, "role", if roles { "yes" } else { "no" }]);
    let (s_start, _) = ctx.sentence_bounds(a);
    let pron_here = cands
        .iter()
        .any(|k| k.src == "pron" && k.m.first >= s_start);
    out.add(
        &NOBODY,
        &[route, "pron_s0", if pron_here { "yes" } else { "no" }],
    );
    out.add(&NOBODY, &[route, "n", bucket(cands.len())]);
    let nearest = cands
        .iter()
        .map(|k| {
            if k.m.last < a {
                a - k.m.last
            } else {
                k.m.first.saturating_sub(a)
            }
        })
        .min()
        .unwrap_or(usize::MAX);
    out.add(&NOBODY, &[route, "near", bucket(nearest)]);
    // Where the statement stands in its paragraph: a quotation opening a paragraph of its own
    // often goes on from the speaker before (whom these candidates may not hold).
    let (p_start, p_end) = ctx.paragraph_bounds(a);
    let q_start = ctx.token_at_or_after(f.content.start);
    let q_end = ctx.token_at_or_after(f.content.end);
    let at = if q_start <= p_start + 1 {
        if q_end + 2 >= p_end {
            "whole"
        } else {
            "opens"
        }
    } else if s_start == p_start {
        "first_sentence"
    } else {
        "later"
    };
    out.add(&NOBODY, &[route, "para", at]);
    if let Some(cw) = f.cue_token.and_then(|c| ctx.cue(c)) {
        out.add(&NOBODY, &[route, "lemma", cw.lemma]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{analyzed, quote_with};
    use newsprobe_core::{Document, SourceType};

    /// The quotation holding `needle` in `text` has a filled name that is never shown: neither
    /// shown nor suggested, declined with a name holding `declined`, its source type `kind` kept.
    fn assert_declined(text: &str, needle: &str, declined: &str, kind: SourceType) {
        let doc = analyzed(text);
        let q = quote_with(&doc, needle);
        assert!(q.source.name.is_none() && q.source.suggested.is_none());
        assert!(
            q.source
                .declined
                .as_ref()
                .is_some_and(|n| n.contains(declined)),
            "{:?}",
            q.source
        );
        assert_eq!(q.source.kind, kind);
    }

    /// Each attribution of `text` on an open route: its content, route, candidates, and the
    /// choice of `model` (None: nobody).
    fn open_routes_of(
        text: &str,
        model: &Model,
    ) -> Vec<(String, &'static str, Vec<String>, Option<String>)> {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        let found = crate::find_all(&ctx, &marks);
        let ents = super::super::entity_mentions(&doc);
        let look = Lookup::new(&marks, &ents);
        let mut feats = Feats {
            ids: Vec::new(),
            names: None,
        };
        let mut out = Vec::new();
        for f in &found {
            let Some(a) = anchor(&ctx, f) else {
                continue;
            };
            let (cands, chosen, _) =
                super::super::open_choice(&ctx, &look, f, a, &ents, model, &mut feats);
            out.push((
                doc.span_text(&f.content).to_string(),
                name(f),
                cands
                    .iter()
                    .map(|k| doc.span_text(&k.m.span).to_string())
                    .collect(),
                chosen.map(|i| doc.span_text(&cands[i].m.span).to_string()),
            ));
        }
        out
    }

    const SHOP: &str =
        "Police say the driver fled the scene. Witnesses described a dark blue van. \
        “It came out of nowhere,” one of them, a shop owner on the corner, recalled.";

    /// The cue route: "one of them" gives the rules no speaker; the role phrase in apposition
    /// is a candidate, and the embedded model takes it over declining: an unnamed source.
    #[test]
    fn a_cue_without_a_rule_speaker_is_ranked_with_role_phrases() {
        let routes = open_routes_of(SHOP, super::super::model());
        let (_, route, cands, chosen) = routes
            .iter()
            .find(|r| r.0.contains("out of nowhere"))
            .expect("the quotation is on an open route");
        assert_eq!(*route, "cue");
        assert!(cands.iter().any(|c| c == "a shop owner"), "{cands:?}");
        assert_eq!(chosen.as_deref(), Some("a shop owner"));
        // (A filled name is never shown: declined with its mention, its source type kept.)
        assert_declined(SHOP, "out of nowhere", "shop owner", SourceType::Unnamed);
    }

    /// The "nobody" candidate decides: a model that weighs declining high leaves the open
    /// route without a speaker, one that weighs it low takes a candidate; a model trained
    /// without open examples (no `nobody` weight) leaves the routes alone.
    #[test]
    fn the_nobody_candidate_can_decline() {
        let decline = Model::parse(b"nobody\t100\n").expect("parses");
        let take = Model::parse(b"nobody\t-100\nsrc|role\t1\n").expect("parses");
        let of = |m: &Model| {
            open_routes_of(SHOP, m)
                .into_iter()
                .find(|r| r.0.contains("out of nowhere"))
                .and_then(|r| r.3)
        };
        assert_eq!(of(&decline), None);
        assert_eq!(of(&take).as_deref(), Some("a shop owner"));
        assert!(model_declines(&take));
        assert!(!model_declines(
            &Model::parse(b"rule\t1\n").expect("parses")
        ));
    }

    const BAKERY: &str = "The bakery on Mill Street closed its doors last week. Its owner, \
        Tomas Reyes, had run it for thirty years.\n\n“I could not pay the rent any more.”";

    /// The no-cue route: a quotation standing alone in its paragraph, on no verb; the owner
    /// named in the sentence before is a candidate beside declining. Whether the model takes
    /// him or declines is its call at the margin (session 22's ranker took him, session 23's
    /// retrain, with more PolNeAR subjects, declines): never another name.
    #[test]
    fn a_quotation_without_a_cue_is_ranked_against_nobody() {
        let routes = open_routes_of(BAKERY, super::super::model());
        let (_, route, cands, chosen) = routes
            .iter()
            .find(|r| r.0.contains("pay the rent"))
            .expect("the quotation is on an open route");
        assert_eq!(*route, "nocue");
        assert!(cands.iter().any(|c| c == "Tomas Reyes"), "{cands:?}");
        assert!(
            chosen.is_none() || chosen.as_deref() == Some("Tomas Reyes"),
            "{chosen:?}"
        );
        if chosen.is_some() {
            // Taken, the filled name is declined in the report, its source type kept.
            assert_declined(BAKERY, "pay the rent", "Reyes", SourceType::Named);
        } else {
            let doc = analyzed(BAKERY);
            let q = quote_with(&doc, "pay the rent");
            assert!(q.source.name.is_none() && q.source.suggested.is_none());
        }
    }

    const FANS: &str = "Fans queued outside the studio in Burbank before dawn, and a reporter \
        from Entertainment Weekly's West Coast desk counted them. “We waited six hours,” one of \
        them, a nurse from Glendale, recalled.";

    const SHUTTERED: &str = "The bakery on Mill Street closed its doors last week. Its owner, \
        Tomas Reyes, spoke to a reporter from Entertainment Weekly's West Coast desk.\n\n\
        “I could not pay the rent any more.”";

    /// The open route of the statement holding `needle` in `text`: its route's name, its
    /// candidates with and without the pieces of longer names, and the pieces.
    fn pieces_of(
        text: &str,
        needle: &str,
    ) -> (&'static str, Vec<String>, Vec<String>, Vec<String>) {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        let ctx = Ctx::new(&doc);
        let marks = crate::marks::find(&doc);
        let found = crate::find_all(&ctx, &marks);
        let ents = super::super::entity_mentions(&doc);
        let f = found
            .iter()
            .find(|f| doc.span_text(&f.content).contains(needle))
            .expect("the statement is found");
        let a = anchor(&ctx, f).expect("the statement is on an open route");
        let text_of = |k: &Cand| doc.span_text(&k.m.span).to_string();
        let all = candidates_with(&ctx, f, a, &ents, false);
        let kept = candidates_with(&ctx, f, a, &ents, true);
        let pieces = all
            .iter()
            .filter(|k| super::super::fragment::is_fragment(&ctx, &k.m, &ents))
            .map(text_of)
            .collect();
        (
            name(f),
            all.iter().map(text_of).collect(),
            kept.iter().map(text_of).collect(),
            pieces,
        )
    }

    /// A piece of a longer name is among the open route's candidates without the rule, and
    /// neither a candidate nor the speaker shown or suggested with it.
    fn assert_no_piece(text: &str, needle: &str, route: &str) {
        let (r, all, kept, pieces) = pieces_of(text, needle);
        assert_eq!(r, route);
        assert!(!pieces.is_empty(), "no piece among {all:?}");
        assert!(
            kept.iter().all(|k| !pieces.contains(k)),
            "{kept:?} {pieces:?}"
        );
        assert_eq!(kept.len() + pieces.len(), all.len(), "{all:?} {kept:?}");
        let doc = analyzed(text);
        let q = quote_with(&doc, needle);
        for n in [&q.source.name, &q.source.suggested].into_iter().flatten() {
            assert!(!pieces.contains(n), "{n} shown");
        }
    }

    /// The cue route: "one of them" recalled, the sentence before naming a magazine whose
    /// name the entity stage may cut.
    #[test]
    fn a_piece_of_a_name_is_no_candidate_of_the_cue_route() {
        assert_no_piece(FANS, "six hours", "cue");
    }

    /// The no-cue route: a quotation alone in its paragraph after a sentence naming a magazine.
    #[test]
    fn a_piece_of_a_name_is_no_candidate_of_the_no_cue_route() {
        assert_no_piece(SHUTTERED, "pay the rent", "nocue");
    }
}
