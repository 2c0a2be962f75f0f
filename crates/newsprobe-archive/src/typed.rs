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
    best_in_sets, diff, is_date, is_hedge, is_speech, number_value, Step, Unit, ALIGNED,
    UNSUPPORTED,
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
    let pool_sets: Vec<Vec<HashSet<&str>>> = pool_units
        .iter()
        .map(|u| crate::support::stem_sets(u))
        .collect();
    my_units
        .iter()
        .map(|u| {
            let mut best: Option<Aligned> = None;
            for (pi, sets) in pool_sets.iter().enumerate().take(pool.len()) {
                if let Some((score, src, src2)) = best_in_sets(u, sets) {
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

/// Whether word `k` attributes a claim: a speech cue, but not a passive participle that
/// names no one and introduces nothing ("receivers that were announced last year"; "he was
/// told that …" still does), nor one opening a relative clause.
fn attributes(ws: &[Word], k: usize) -> bool {
    if !is_speech(&ws[k].norm) {
        return false;
    }
    let passive = k > 0
        && matches!(
            ws[k - 1].norm.as_str(),
            "was" | "were" | "been" | "being" | "is" | "are" | "be"
        );
    // A cue in a relative clause ("Nichols, who argued he was insane, spoke …") attributes
    // that clause only, not the sentence's claim.
    let relative = k > 0 && matches!(ws[k - 1].norm.as_str(), "who" | "which");
    !relative
        && (!passive
            || ws
                .get(k + 1)
                .is_some_and(|w| matches!(w.norm.as_str(), "that" | "by")))
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
    let mut attributed: HashSet<(usize, usize, usize)> = HashSet::new();
    for (ui, (u, a)) in my_units.iter().zip(aligned).enumerate() {
        let Some(a) = a else { continue };
        if a.score < ALIGNED {
            continue;
        }
        // A cue of its own, outside its quotations (a bare quotation attributes only itself).
        let ws = &me.words[u.first..u.last];
        let has_speech =
            (0..ws.len()).any(|k| attributes(ws, k) && !in_ranges(&my_quotes, ws[k].start));
        if has_speech {
            attributed.insert((a.pool, a.src, ui));
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
            for (k, _) in new_nums.iter() {
                let j = match in_place(*k, &lost_num_idx) {
                    Some(j) => j,
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
        let in_dv: HashSet<&str> = in_dates
            .iter()
            .map(|&k| owned_in[k].norm.as_str())
            .collect();
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
            let (b0, b1) = (
                owned_src[j0].start,
                owned_src[j1].end.max(owned_src[j0].end),
            );
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
        if !src_hedges.is_empty() {
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
            // Nor replaced by another hedge ("could" → "might").
            let rehedged = |j: usize| {
                subs.iter().any(|(x, y)| {
                    y.contains(&j)
                        && x.iter().any(|k| {
                            in_hedges.contains(k)
                                || matches!(owned_in[*k].norm.as_str(), "would" | "should")
                        })
                })
            };
            // "about 9:25" → "9:25" wherever the rewrite moved the number: the number is here,
            // with no hedge before it.
            let bare_number = |j: usize| {
                let hedged_number = matches!(
                    owned_src[j].norm.as_str(),
                    "about" | "nearly" | "approximately" | "roughly" | "around"
                );
                hedged_number
                    && owned_src.get(j + 1).is_some_and(|n| {
                        (0..owned_in.len()).any(|k| {
                            owned_in[k].norm == n.norm
                                && in_out(k)
                                && (k == 0 || !is_hedge(&owned_in, k - 1))
                        })
                    })
            };
            if let Some(&j) = src_hedges.iter().find(|&&j| {
                removed_j.contains(&j) && (kept_around(j) || bare_number(j)) && !rehedged(j)
            }) {
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
                // The words that replaced the hedge ("could" → "will"), when any did.
                let replaced = subs
                    .iter()
                    .find(|(x, y)| y.contains(&j) && !x.is_empty())
                    .map(|(x, _)| x[0]);
                let k = replaced.or(anchor).or(last_in).unwrap_or(0);
                let (iw, jw) = (
                    &owned_in[k.min(owned_in.len().saturating_sub(1))],
                    &owned_src[j],
                );
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
        // Attribution: a speech cue of the source sentence that the word alignment carries
        // nowhere (neither kept nor replaced by another cue), in a sentence this one was drawn from,
        // while the input has fewer cues than the source: the source's attributed claim is
        // stated as fact here.
        let same_src: HashSet<usize> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Same(_, j) => Some(*j),
                _ => None,
            })
            .collect();
        // "reportedly", "allegedly" still tell the reader the claim is someone's.
        let in_cues = (0..owned_in.len())
            .filter(|&k| {
                in_out(k)
                    && (attributes(&owned_in, k)
                        || matches!(owned_in[k].norm.as_str(), "reportedly" | "allegedly"))
            })
            .count();
        // The source sentence a source word stands in, and that sentence's own support of
        // this one: in a merge, only the cue of a sentence this one was drawn from counts.
        let first_len = {
            let k0 = a.src2.map_or(a.src, |j| j.min(a.src));
            units[k0].last - units[k0].first
        };
        let own_unit = |j: usize| match a.src2 {
            Some(k2) if j >= first_len => k2.max(a.src),
            Some(k2) => k2.min(a.src),
            None => a.src,
        };
        let drawn_from = |j: usize| {
            let v = &units[own_unit(j)];
            let set: HashSet<&str> = v.stems.iter().map(|x| x.0.as_str()).collect();
            crate::support::share(u, &set) >= ALIGNED
        };
        // A cue beside a quotation mark attributes the quotation ("…," said Berg / Berg
        // said: "…"), not the claim around it.
        let beside_quote = |j: usize| {
            let w = &owned_src[j];
            let prev_end = j.checked_sub(1).map_or(w.start, |i| owned_src[i].end);
            let next_start = owned_src.get(j + 1).map_or(w.end, |x| x.start);
            let before = p.text.get(prev_end.min(w.start)..w.start).unwrap_or("");
            let after = p.text.get(w.end..next_start.max(w.end)).unwrap_or("");
            let mark = |g: &str| g.contains(['"', '“', '”']);
            // Not across a sentence end ("…, Gaskin said.\n\"We …").
            mark(before) && !before.contains(['.', '!', '?'])
                || mark(after) && !after.contains(['.', '!', '?', '\n'])
        };
        let src_cues: Vec<usize> = (0..owned_src.len())
            .filter(|&j| {
                src_out(j) && attributes(&owned_src, j) && drawn_from(j) && !beside_quote(j)
            })
            .collect();
        let recued = |j: usize| {
            subs.iter()
                .any(|(x, y)| y.contains(&j) && x.iter().any(|&k| is_speech(&owned_in[k].norm)))
        };
        let src_speech = (src_cues.len() > in_cues)
            .then(|| {
                src_cues
                    .iter()
                    .copied()
                    .find(|&j| !same_src.contains(&j) && !recued(j))
            })
            .flatten();
        let in_quote_marks = sentence_text.contains(['“', '”', '"']);
        // (Another sentence of the input, drawn from the same source sentence, attributes.)
        let elsewhere = attributed.iter().any(|&(pi, k, other)| {
            pi == a.pool && other != ui && (k == a.src || a.src2 == Some(k))
        });
        if let Some(j) = src_speech {
            // Only on a close alignment: a loose one may pair the sentence with another
            // source sentence that happens to carry an attribution.
            if !in_quote_marks && !elsewhere && !mostly_quote && a.score >= ALIGNED {
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

/// "former" added to or dropped from a role ("the former Polish Prime Minister" where a source
/// has "Polish Prime Minister Donald Tusk"), even when no name stands beside the role.
pub fn former_changes(me: &Prepared<'_>, pool: &Pool<'_, '_>, out: &mut Vec<Change>) {
    // Role phrases: up to four words after "former" ending at a role word, or the same words
    // found elsewhere.
    let role_after = |ws: &[Word], k: usize| -> Option<usize> {
        (k + 1..(k + 5).min(ws.len()))
            .take_while(|&j| !crate::words::is_stop(&ws[j].norm))
            .filter(|&j| crate::cues::is_role_word(&ws[j].norm))
            .last()
    };
    let norms = |ws: &[Word], a: usize, b: usize| -> Vec<String> {
        ws[a..=b].iter().map(|w| w.norm.clone()).collect()
    };
    let find = |ws: &[Word], phrase: &[String]| -> Vec<usize> {
        if phrase.is_empty() || ws.len() < phrase.len() {
            return Vec::new();
        }
        (0..=ws.len() - phrase.len())
            .filter(|&i| {
                ws[i..i + phrase.len()]
                    .iter()
                    .zip(phrase)
                    .all(|(w, p)| &w.norm == p)
            })
            .collect()
    };
    let former_at = |ws: &[Word], i: usize| i > 0 && ws[i - 1].norm == "former";
    let mut done: HashSet<Vec<String>> = HashSet::new();
    // Added: "former X" here, "X" (never "former X") in a source.
    for k in 0..me.words.len() {
        if me.words[k].norm != "former" {
            continue;
        }
        let Some(last) = role_after(&me.words, k) else {
            continue;
        };
        let phrase = norms(&me.words, k + 1, last);
        if !done.insert(phrase.clone()) {
            continue;
        }
        for (src, p) in pool {
            let hits = find(&p.words, &phrase);
            if hits.is_empty() || hits.iter().any(|&i| former_at(&p.words, i)) {
                continue;
            }
            let i = hits[0];
            let (a, b) = (&p.words[i], &p.words[i + phrase.len() - 1]);
            // The source's own description runs on to the name when one follows.
            let mut end = b.end;
            let mut j = i + phrase.len();
            while j < p.words.len()
                && j < i + phrase.len() + 3
                && p.words[j].capitalized
                && p.text.get(p.words[j - 1].end..p.words[j].start) == Some(" ")
            {
                end = p.words[j].end;
                j += 1;
            }
            let (x, y) = (&me.words[k], &me.words[last]);
            out.push(Change {
                kind: ChangeKind::DescriptorChanged,
                article_span: me.span(x.start, y.end),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(a.start, end)),
                detail: format!(
                    "{:?} here; the source has {:?}, in office",
                    me.text.get(x.start..y.end).unwrap_or(""),
                    p.text.get(a.start..end).unwrap_or("")
                ),
                words: Some(WordDiff {
                    added: vec!["former".into()],
                    ..WordDiff::default()
                }),
            });
            break;
        }
    }
    // Dropped: "former X" in a source, "X" without "former" here.
    for (src, p) in pool {
        for k in 0..p.words.len() {
            if p.words[k].norm != "former" {
                continue;
            }
            let Some(last) = role_after(&p.words, k) else {
                continue;
            };
            let phrase = norms(&p.words, k + 1, last);
            if !done.insert(phrase.clone()) {
                continue;
            }
            let hits = find(&me.words, &phrase);
            if hits.is_empty() || hits.iter().any(|&i| former_at(&me.words, i)) {
                continue;
            }
            let i = hits[0];
            let (x, y) = (&me.words[i], &me.words[i + phrase.len() - 1]);
            let (a, b) = (&p.words[k], &p.words[last]);
            out.push(Change {
                kind: ChangeKind::DescriptorChanged,
                article_span: me.span(x.start, y.end),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(a.start, b.end)),
                detail: format!(
                    "{:?} here, {:?} in the source: \"former\" dropped",
                    me.text.get(x.start..y.end).unwrap_or(""),
                    p.text.get(a.start..b.end).unwrap_or("")
                ),
                words: Some(WordDiff {
                    removed: vec!["former".into()],
                    ..WordDiff::default()
                }),
            });
        }
    }
}

const NATIONS: &[(&str, &str)] = &[
    ("american", "us"),
    ("u.s", "us"),
    ("us", "us"),
    ("america", "us"),
    ("italian", "it"),
    ("italy", "it"),
    ("italy's", "it"),
    ("russian", "ru"),
    ("russia", "ru"),
    ("russia's", "ru"),
    ("polish", "pl"),
    ("poland", "pl"),
    ("poland's", "pl"),
    ("british", "gb"),
    ("britain", "gb"),
    ("french", "fr"),
    ("france", "fr"),
    ("german", "de"),
    ("germany", "de"),
    ("chinese", "cn"),
    ("china", "cn"),
    ("ukrainian", "ua"),
    ("ukraine", "ua"),
    ("belgian", "be"),
    ("spanish", "es"),
    ("turkish", "tr"),
    ("iranian", "ir"),
    ("israeli", "il"),
    ("canadian", "ca"),
    ("dutch", "nl"),
    ("swedish", "se"),
    ("finnish", "fi"),
    ("norwegian", "no"),
    ("japanese", "jp"),
    ("indian", "in"),
];

fn nation(w: &Word) -> Option<&'static str> {
    if !w.capitalized {
        return None;
    }
    NATIONS.iter().find(|(n, _)| *n == w.norm).map(|x| x.1)
}

/// Nationalities within a few words of each mention of surname `key` (same sentence, before
/// the name or in its apposition): `(word index, nation)`.
fn nations_near(p: &Prepared<'_>, key: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (k, w) in p.words.iter().enumerate() {
        if w.norm.trim_end_matches("'s") != key || !w.capitalized {
            continue;
        }
        // Before the name, within three words of one run ("Italian Admiral Giuseppe ...").
        for j in (k.saturating_sub(4)..k).rev() {
            let gap = p
                .text
                .get(p.words[j].end..p.words[j + 1].start)
                .unwrap_or("");
            if gap.trim().is_empty() {
                if let Some(n) = nation(&p.words[j]) {
                    out.push((j, n));
                }
            } else {
                break;
            }
        }
        // In the apposition after it ("Dragone, a senior U.S. naval officer").
        let mut j = k + 1;
        while j < p.words.len() && j <= k + 5 {
            let gap = p
                .text
                .get(p.words[j - 1].end..p.words[j].start)
                .unwrap_or("");
            let ok = if j == k + 1 {
                gap.trim() == ","
            } else {
                gap.trim().is_empty() || gap.trim() == "."
            };
            if !ok {
                break;
            }
            if let Some(n) = nation(&p.words[j]) {
                out.push((j, n));
            }
            j += 1;
        }
    }
    out
}

/// A person's nationality changed: "a senior U.S. naval officer" beside a name where the source
/// has "the Italian officer" beside the same name.
pub fn nationality_changes(me: &Prepared<'_>, pool: &Pool<'_, '_>, out: &mut Vec<Change>) {
    let mut keys: Vec<&String> = me.described.iter().map(|d| &d.key).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let mine = nations_near(me, key);
        if mine.is_empty() {
            continue;
        }
        for (src, p) in pool {
            let theirs = nations_near(p, key);
            if theirs.is_empty() {
                continue;
            }
            let their_set: HashSet<&str> = theirs.iter().map(|x| x.1).collect();
            let Some(&(k, n)) = mine.iter().find(|x| !their_set.contains(x.1)) else {
                continue;
            };
            let (j, _) = theirs[0];
            let (iw, jw) = (&me.words[k], &p.words[j]);
            out.push(Change {
                kind: ChangeKind::DescriptorChanged,
                article_span: me.span(iw.start, iw.end),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(jw.start, jw.end)),
                detail: format!(
                    "{key:?} is {:?} here ({n}), {:?} in the source",
                    me.text.get(iw.start..iw.end).unwrap_or(""),
                    p.text.get(jw.start..jw.end).unwrap_or("")
                ),
                words: Some(WordDiff {
                    substituted: vec![[jw.norm.clone(), iw.norm.clone()]],
                    ..WordDiff::default()
                }),
            });
            break;
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
