//! Where a gold speaker that is not among the ranker's candidates stands (session 18's
//! measurement): by the route the attribution's speaker takes and by where the gold speaker's
//! nearest mention is against the cue's sentence (the same sentence, the one before, further
//! back, after, another paragraph, or no mention at all). `newsprobe train speakers` prints it
//! for PolNeAR dev and the tuned-on groups with `NEWSPROBE_RANK_DIAG=1`.

use std::collections::BTreeMap;
use std::path::Path;

use newsprobe_core::report::CharIndex;

use super::{adjacent_name, candidates, Route};
use crate::speaker::Ctx;
use crate::Error;

/// Where token `k` (a gold speaker's mention) stands against token `at` (the cue, else the
/// quotation's start): a short label.
pub(crate) fn place(ctx: &Ctx, at: usize, k: Option<usize>) -> &'static str {
    let Some(k) = k else {
        return "no mention names it";
    };
    let sent = |t: usize| ctx.doc.sentence_at(ctx.span(t).start);
    let para = |t: usize| ctx.doc.paragraph_at(ctx.span(t).start);
    let same_para = para(at) == para(k);
    match (sent(at), sent(k)) {
        (Some(a), Some(b)) if a == b => "same sentence",
        (Some(a), Some(b)) if b > a => {
            if same_para {
                "after, same paragraph"
            } else {
                "after, later paragraph"
            }
        }
        (Some(a), Some(b)) if a - b == 1 => {
            if same_para {
                "sentence before"
            } else {
                "sentence before, paragraph before"
            }
        }
        (Some(a), Some(b)) if a - b <= 3 => {
            if same_para {
                "2-3 sentences before, same paragraph"
            } else {
                "2-3 sentences before, earlier paragraph"
            }
        }
        (Some(_), Some(_)) => "4+ sentences before",
        _ => "outside sentences",
    }
}

/// Of the tokens `ks` (a gold speaker's mentions), the last one before `at`, else the first
/// after it.
pub(crate) fn nearest(ks: &[usize], at: usize) -> Option<usize> {
    ks.iter()
        .copied()
        .filter(|&k| k <= at)
        .max()
        .or_else(|| ks.iter().copied().filter(|&k| k > at).min())
}

/// The diagnosis on a PolNeAR split: per route, the attributions found whose matching gold
/// has a Source, with the gold among the candidates (or, off the ranker, the speaker naming
/// it) or not; for those not, where the gold Source stands.
pub fn polnear(data: &Path, split: &str) -> Result<String, Error> {
    let docs = crate::eval::load_split(data, split)?;
    let mut routes: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    let mut places: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    let debug = std::env::var_os("NEWSPROBE_RANK_DEBUG").is_some();
    for (stem, text, gold) in &docs {
        let doc = super::annotated(text);
        let ctx = Ctx::new(&doc);
        let super::Reading { found, ents, .. } = super::Reading::of(&ctx, &doc);
        let index = CharIndex::new(&doc.text);
        let ch = |s: &newsprobe_core::Span| (index.char_offset(s.start), index.char_offset(s.end));
        let tok_ch: Vec<(usize, usize)> = doc.tokens.iter().map(|t| ch(&t.span)).collect();
        let mut last_named = super::LastNamed::default();
        for f in &found {
            let before = last_named.step(&ctx, f);
            let content = [ch(&f.content)];
            let Some(g) = super::gold_attribution(&content, gold) else {
                continue;
            };
            if g.sources.is_empty() {
                continue;
            }
            let names = |s: &newsprobe_core::Span| crate::eval::overlap(&[ch(s)], &g.sources) > 0;
            let (route, among, cands) = match (f.speaker, f.cue_token, f.inherited) {
                (Some(rule), Some(c), false) => {
                    let cands = candidates(&ctx, f, rule, c, &ents, before);
                    let route = if adjacent_name(&ctx, &rule, c) {
                        Route::Adjacent
                    } else if cands.len() < 2 {
                        Route::Alone
                    } else {
                        Route::Ranked
                    };
                    let among = cands.iter().any(|k| names(&k.m.span));
                    (
                        route,
                        among,
                        cands.iter().map(|k| doc.span_text(&k.m.span)).collect(),
                    )
                }
                (s, c, inh) => (
                    if inh {
                        Route::Inherited
                    } else if c.is_none() {
                        Route::NoCue
                    } else {
                        Route::NoSpeaker
                    },
                    s.is_some_and(|m| names(&m.span)),
                    s.map(|m| doc.span_text(&m.span))
                        .into_iter()
                        .collect::<Vec<_>>(),
                ),
            };
            let route = format!("{route:?}");
            routes.entry(route.clone()).or_default()[usize::from(!among)] += 1;
            if among {
                continue;
            }
            let at = f
                .cue_token
                .unwrap_or_else(|| ctx.token_at_or_after(f.content.start));
            let ks: Vec<usize> = tok_ch
                .iter()
                .enumerate()
                .filter(|(_, t)| crate::eval::overlap(&[**t], &g.sources) > 0)
                .map(|(k, _)| k)
                .collect();
            let p = place(&ctx, at, nearest(&ks, at));
            *places.entry((route.clone(), p)).or_default() += 1;
            if debug {
                let gold_text: Vec<&str> = g
                    .sources
                    .iter()
                    .map(|&(a, b)| {
                        let (a, b) = (index.byte_offset(a), index.byte_offset(b));
                        doc.text.get(a..b).unwrap_or("?")
                    })
                    .collect();
                let cue = f.cue_token.map_or("-", |c| ctx.word(c));
                eprintln!("polnear {stem} [{route}] cue {cue:?} gold {gold_text:?} ({p}); candidates {cands:?}");
            }
        }
    }
    Ok(render(&routes, &places))
}

/// The table: per route, gold among the candidates | not; then the places of those not.
pub fn render(
    routes: &BTreeMap<String, [usize; 2]>,
    places: &BTreeMap<(String, &'static str), usize>,
) -> String {
    let mut out = String::from("  route        gold among | not among\n");
    let mut tot = [0usize; 2];
    for (r, v) in routes {
        out.push_str(&format!("  {r:<12} {} | {}\n", v[0], v[1]));
        tot[0] += v[0];
        tot[1] += v[1];
    }
    out.push_str(&format!("  {:<12} {} | {}\n", "all", tot[0], tot[1]));
    out.push_str("  not among, where the gold's nearest mention stands (route, place: count)\n");
    for ((r, p), n) in places {
        out.push_str(&format!("    {r:<12} {p:<40} {n}\n"));
    }
    out
}
