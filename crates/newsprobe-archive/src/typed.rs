//! What changed inside the sentences a rewrite drew from its sources? Every sentence of the input
//! is aligned to its best source sentence (see [`crate::support`]); the aligned pair is diffed
//! word by word, and the differences that change what a reader learns become changes:
//!
//! - `number_changed`: the input has a number the source sentence lacks while the source has one
//!   the input lacks ("41" → "410", "12 homes" → "hundreds of homes"); dates and years apart.
//! - `date_changed`: the same with days, months, years and "yesterday".
//! - `hedge_removed`: the source sentence hedges ("could", "may", "reportedly", "about 40") more
//!   than the input does.
//! - `attribution_dropped`: the source attributes the claim ("said", "according to") and the
//!   input states it as fact (no attribution in the sentence nor in another sentence drawn from
//!   the same source sentence).
//! - `unsupported_claim`: a sentence of the input with enough content that no source sentence
//!   supports (below [`UNSUPPORTED`]).
//!
//! Words inside quotation marks are left to the quote alignment (`quote_altered`).

use std::collections::HashSet;

use newsprobe_core::report::ReportSpan;

use crate::align::Prepared;
use crate::store::StoredArticle;
use crate::support::{
    best_in, diff, is_date, is_hedge, is_speech, number_value, Step, Unit, ALIGNED, UNSUPPORTED,
};
use crate::trace::{Change, ChangeKind, SupportRow, SupportStatus, WordDiff};
use crate::words::Word;

/// The alignment of one input sentence: source pool index, source sentence(s) and score.
#[derive(Debug, Clone, Copy)]
pub struct Aligned {
    pub pool: usize,
    pub src: usize,
    pub src2: Option<usize>,
    pub score: f64,
}

type Pool<'p, 'a> = [(&'p StoredArticle, Prepared<'a>)];

/// Each input sentence's best support in the pool (the earlier source wins a tie).
pub fn align_all(
    _me: &Prepared<'_>,
    my_units: &[Unit],
    pool: &Pool<'_, '_>,
    pool_units: &[Vec<Unit>],
) -> Vec<Option<Aligned>> {
    my_units
        .iter()
        .map(|u| {
            let mut best: Option<Aligned> = None;
            for (pi, pu) in pool_units.iter().enumerate().take(pool.len()) {
                if let Some((score, src, src2)) = best_in(u, pu) {
                    if best.is_none_or(|b| score > b.score + 1e-9) {
                        best = Some(Aligned {
                            pool: pi,
                            src,
                            src2,
                            score,
                        });
                    }
                }
            }
            best
        })
        .collect()
}

fn in_ranges(ranges: &[(usize, usize)], pos: usize) -> bool {
    ranges.iter().any(|&(s, e)| pos >= s && pos < e)
}

fn quote_ranges(p: &Prepared<'_>) -> Vec<(usize, usize)> {
    p.quotes.iter().map(|q| (q.start, q.end)).collect()
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = text.get(s..e).unwrap_or("");
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (s + lead, (e - trail).max(s + lead))
}

/// The words of a source alignment (one sentence, or two merged), in text order.
fn source_words<'a>(p: &'a Prepared<'_>, units: &[Unit], a: &Aligned) -> Vec<&'a Word> {
    let mut idx = vec![a.src];
    if let Some(j) = a.src2 {
        idx.push(j);
    }
    idx.sort_unstable();
    idx.iter()
        .flat_map(|&k| p.words[units[k].first..units[k].last].iter())
        .collect()
}

fn source_span(p: &Prepared<'_>, units: &[Unit], a: &Aligned) -> (usize, usize) {
    let u = &units[a.src];
    let (mut s, mut e) = (u.start, u.end);
    if let Some(j) = a.src2 {
        s = s.min(units[j].start);
        e = e.max(units[j].end);
    }
    trimmed(p.text, s, e)
}

/// The typed changes of every aligned sentence, appended to `out`.
pub fn typed_changes(
    me: &Prepared<'_>,
    my_units: &[Unit],
    aligned: &[Option<Aligned>],
    pool: &Pool<'_, '_>,
    elsewhere_support: &[f64],
    out: &mut Vec<Change>,
) {
    if pool.is_empty() {
        return;
    }
    let pool_units: Vec<Vec<Unit>> = pool.iter().map(|(_, p)| crate::support::units(p)).collect();
    let my_quotes = quote_ranges(me);
    // Attributions present in input sentences, by the source sentence they were drawn from.
    let mut attributed: HashSet<(usize, usize)> = HashSet::new();
    for (u, a) in my_units.iter().zip(aligned) {
        let Some(a) = a else { continue };
        if a.score < ALIGNED {
            continue;
        }
        let text = me.text.get(u.start..u.end).unwrap_or("");
        let has_speech = me.words[u.first..u.last]
            .iter()
            .any(|w| is_speech(&w.norm));
        if has_speech || text.contains(['“', '”', '"']) {
            attributed.insert((a.pool, a.src));
            if let Some(j) = a.src2 {
                attributed.insert((a.pool, j));
            }
        }
    }
    for (ui, (u, a)) in my_units.iter().zip(aligned).enumerate() {
        let words: Vec<&Word> = me.words[u.first..u.last].iter().collect();
        let outside: Vec<usize> = (0..words.len())
            .filter(|&k| !in_ranges(&my_quotes, words[k].start))
            .collect();
        let (s, e) = trimmed(me.text, u.start, u.end);
        let sentence_text = me.text.get(s..e).unwrap_or("");
        let mostly_quote = outside.len() * 2 < words.len();
        let best = a.map_or(0.0, |a| a.score);
        let anywhere = elsewhere_support.get(ui).copied().unwrap_or(0.0).max(best);
        if best < UNSUPPORTED {
            if anywhere < ALIGNED && u.weight >= 5.0 && words.len() >= 6 && !mostly_quote {
                out.push(Change {
                    kind: ChangeKind::UnsupportedClaim,
                    article_span: me.span(s, e),
                    source_id: None,
                    source_span: None,
                    detail: format!(
                        "no source sentence supports {:?} (best support {:.2})",
                        sentence_text, best
                    ),
                    words: None,
                });
            }
            continue;
        }
        let Some(a) = a else { continue };
        if a.score < ALIGNED {
            continue;
        }
        let (src, p) = &pool[a.pool];
        let units = &pool_units[a.pool];
        let sw = source_words(p, units, a);
        let src_quotes = quote_ranges(p);
        let owned_in: Vec<Word> = words.iter().map(|w| (*w).clone()).collect();
        let owned_src: Vec<Word> = sw.iter().map(|w| (*w).clone()).collect();
        let steps = diff(&owned_in, &owned_src);
        let (ss, se) = source_span(p, units, a);
        let in_out = |k: usize| !in_ranges(&my_quotes, owned_in[k].start);
        let src_out = |j: usize| !in_ranges(&src_quotes, owned_src[j].start);
        // Numbers.
        let nums = |ws: &[Word], keep: &dyn Fn(usize) -> bool| -> Vec<(usize, String)> {
            (0..ws.len())
                .filter(|&k| keep(k) && !is_date(ws, k))
                .filter_map(|k| number_value(&ws[k].norm).map(|v| (k, v)))
                .collect()
        };
        let in_nums = nums(&owned_in, &in_out);
        let src_nums = nums(&owned_src, &|_| true);
        let in_vals: HashSet<&str> = in_nums.iter().map(|x| x.1.as_str()).collect();
        let src_vals: HashSet<&str> = src_nums.iter().map(|x| x.1.as_str()).collect();
        let new_nums: Vec<&(usize, String)> = in_nums
            .iter()
            .filter(|x| !src_vals.contains(x.1.as_str()))
            .collect();
        let lost_nums: Vec<&(usize, String)> = src_nums
            .iter()
            .filter(|x| !in_vals.contains(x.1.as_str()))
            .collect();
        // A new number counts where it stands in the place of a lost one (a substituted run of
        // the word alignment), or anywhere in a closely aligned sentence.
        let subs = crate::support::substitutions(&steps);
        let in_place = |k: usize, lost: &[usize]| -> Option<usize> {
            subs.iter()
                .find(|(x, _)| x.contains(&k))
                .and_then(|(_, y)| y.iter().copied().find(|j| lost.contains(j)))
        };
        let lost_num_idx: Vec<usize> = lost_nums.iter().map(|x| x.0).collect();
        if !lost_nums.is_empty() {
            for (n, (k, _)) in new_nums.iter().enumerate() {
                let j = match in_place(*k, &lost_num_idx) {
                    Some(j) => j,
                    None if a.score >= 0.7 => lost_nums[n.min(lost_nums.len() - 1)].0,
                    None => continue,
                };
                let j = &j;
                let (iw, jw) = (&owned_in[*k], &owned_src[*j]);
                out.push(Change {
                    kind: ChangeKind::NumberChanged,
                    article_span: me.span(iw.start, iw.end),
                    source_id: Some(src.id.clone()),
                    source_span: Some(p.span(jw.start, jw.end)),
                    detail: format!(
                        "{:?} here, {:?} in the source sentence",
                        me.text.get(iw.start..iw.end).unwrap_or(""),
                        p.text.get(jw.start..jw.end).unwrap_or("")
                    ),
                    words: Some(WordDiff {
                        substituted: vec![[jw.norm.clone(), iw.norm.clone()]],
                        ..WordDiff::default()
                    }),
                });
            }
        }
        // Dates.
        let dates = |ws: &[Word], keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
            (0..ws.len())
                .filter(|&k| keep(k) && is_date(ws, k))
                .collect()
        };
        let in_dates = dates(&owned_in, &in_out);
        let src_dates = dates(&owned_src, &|_| true);
        let in_dv: HashSet<&str> = in_dates.iter().map(|&k| owned_in[k].norm.as_str()).collect();
        let src_dv: HashSet<&str> = src_dates
            .iter()
            .map(|&k| owned_src[k].norm.as_str())
            .collect();
        let new_dates: Vec<usize> = in_dates
            .iter()
            .copied()
            .filter(|&k| !src_dv.contains(owned_in[k].norm.as_str()))
            .collect();
        let lost_dates: Vec<usize> = src_dates
            .iter()
            .copied()
            .filter(|&k| !in_dv.contains(owned_src[k].norm.as_str()))
            .collect();
        let placed = new_dates
            .first()
            .is_some_and(|&k| in_place(k, &lost_dates).is_some() || a.score >= 0.7);
        if let (Some(&k0), Some(&j0), true) = (new_dates.first(), lost_dates.first(), placed) {
            let k1 = *new_dates.last().unwrap_or(&k0);
            let j1 = *lost_dates.last().unwrap_or(&j0);
            let (a0, a1) = (owned_in[k0].start, owned_in[k1].end);
            let (b0, b1) = (owned_src[j0].start, owned_src[j1].end.max(owned_src[j0].end));
            let (b0, b1) = (b0.min(b1), b1.max(b0));
            out.push(Change {
                kind: ChangeKind::DateChanged,
                article_span: me.span(a0, a1.max(a0)),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(b0, b1)),
                detail: format!(
                    "{:?} here, {:?} in the source sentence",
                    me.text.get(a0..a1).unwrap_or(""),
                    p.text.get(b0..b1).unwrap_or("")
                ),
                words: None,
            });
        }
        // Hedges.
        let in_hedges: Vec<usize> = (0..owned_in.len())
            .filter(|&k| in_out(k) && is_hedge(&owned_in, k))
            .collect();
        let src_hedges: Vec<usize> = (0..owned_src.len())
            .filter(|&j| src_out(j) && is_hedge(&owned_src, j))
            .collect();
        if src_hedges.len() > in_hedges.len() {
            let kept: HashSet<&str> = in_hedges
                .iter()
                .map(|&k| owned_in[k].norm.as_str())
                .collect();
            // A hedge the rewrite dropped from a passage it kept: removed in the word
            // alignment, with kept words on both sides of it.
            let removed_j: HashSet<usize> = steps
                .iter()
                .filter_map(|s| match s {
                    Step::Removed(j) => Some(*j),
                    _ => None,
                })
                .collect();
            let same_j: Vec<usize> = steps
                .iter()
                .filter_map(|s| match s {
                    Step::Same(_, j) => Some(*j),
                    _ => None,
                })
                .collect();
            let kept_around = |j: usize| {
                same_j.iter().any(|&x| x < j && x + 4 > j)
                    && same_j.iter().any(|&x| x > j && x < j + 4)
            };
            if let Some(&j) = src_hedges.iter().find(|&&j| {
                !kept.contains(owned_src[j].norm.as_str())
                    && removed_j.contains(&j)
                    && kept_around(j)
            })
            {
                // The input words standing where the hedge stood.
                let mut anchor: Option<usize> = None;
                let mut seen_j = false;
                let mut last_in: Option<usize> = None;
                for st in &steps {
                    match *st {
                        Step::Removed(x) if x == j => seen_j = true,
                        Step::Added(i) | Step::Same(i, _) => {
                            if seen_j && anchor.is_none() {
                                anchor = Some(i);
                            }
                            last_in = Some(i);
                        }
                        _ => {}
                    }
                }
                let k = anchor.or(last_in).unwrap_or(0);
                let (iw, jw) = (&owned_in[k.min(owned_in.len().saturating_sub(1))], &owned_src[j]);
                if !owned_in.is_empty() {
                    out.push(Change {
                        kind: ChangeKind::HedgeRemoved,
                        article_span: me.span(iw.start, iw.end),
                        source_id: Some(src.id.clone()),
                        source_span: Some(p.span(jw.start, jw.end)),
                        detail: format!(
                            "the source hedges with {:?}; here: {:?}",
                            p.text.get(jw.start..jw.end).unwrap_or(""),
                            sentence_text
                        ),
                        words: Some(WordDiff {
                            removed: vec![jw.norm.clone()],
                            ..WordDiff::default()
                        }),
                    });
                }
            }
        }
        // Attribution.
        let src_speech = (0..owned_src.len()).find(|&j| src_out(j) && is_speech(&owned_src[j].norm));
        let in_speech = owned_in.iter().any(|w| is_speech(&w.norm));
        let in_quote_marks = sentence_text.contains(['“', '”', '"']);
        let elsewhere = attributed.contains(&(a.pool, a.src))
            || a.src2.is_some_and(|j| attributed.contains(&(a.pool, j)));
        if let Some(j) = src_speech {
            if !in_speech && !in_quote_marks && !elsewhere && !mostly_quote {
                let jw = &owned_src[j];
                out.push(Change {
                    kind: ChangeKind::AttributionDropped,
                    article_span: me.span(s, e),
                    source_id: Some(src.id.clone()),
                    source_span: Some(p.span(ss, se)),
                    detail: format!(
                        "stated as fact here; the source attributes it ({:?}): {:?}",
                        p.text.get(jw.start..jw.end).unwrap_or(""),
                        p.text.get(ss..se).unwrap_or("")
                    ),
                    words: None,
                });
            }
        }
    }
}

/// The support map: one row per sentence of the input.
pub fn support_rows(
    me: &Prepared<'_>,
    my_units: &[Unit],
    aligned: &[Option<Aligned>],
    pool: &Pool<'_, '_>,
    changes: &[Change],
) -> Vec<SupportRow> {
    let pool_units: Vec<Vec<Unit>> = pool.iter().map(|(_, p)| crate::support::units(p)).collect();
    let mut out = Vec::with_capacity(my_units.len());
    for (u, a) in my_units.iter().zip(aligned) {
        let (s, e) = trimmed(me.text, u.start, u.end);
        if s >= e {
            continue;
        }
        let sentence: ReportSpan = me.span(s, e);
        let score = a.map_or(0.0, |a| a.score);
        let altered = changes.iter().any(|c| {
            c.article_span.field == sentence.field
                && c.article_span.start < sentence.end
                && c.article_span.end > sentence.start
                && c.kind != ChangeKind::UnsupportedClaim
        });
        let status = if score < UNSUPPORTED {
            SupportStatus::Unsupported
        } else if altered {
            SupportStatus::Altered
        } else {
            SupportStatus::Supported
        };
        let (source_id, source_span) = match a {
            Some(a) if score >= UNSUPPORTED => {
                let (src, p) = &pool[a.pool];
                let (ss, se) = source_span(p, &pool_units[a.pool], a);
                (Some(src.id.clone()), Some(p.span(ss, se)))
            }
            _ => (None, None),
        };
        out.push(SupportRow {
            sentence,
            status,
            source_id,
            source_span,
            score: (score * 1000.0).round() / 1000.0,
        });
    }
    out
}
