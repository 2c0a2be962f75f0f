//! Where the eval's span-identification F1 is lost (`newsprobe eval propaganda` prints it): the
//! precision each proposer of passages loses (on passages that overlap gold but are longer than
//! it, and on passages with no gold character at all), the recall each gold technique loses (on
//! spans partly covered and on spans no passage touches), and two oracles that bound what a
//! better span boundary or a better choice of places could gain.
//!
//! Under the task's metric a passage's precision is the share of its characters inside gold and
//! a gold span's recall the share of its characters inside passages; a passage's loss is
//! 1 − its share, summed per proposer and divided by all passages, so the rows add up to 1 − P
//! (and the technique rows to 1 − R).

use super::data::Article;
use super::features::Context;
use super::train::SpanScore;
use super::{PassageKind, TECHNIQUES};

/// Characters (not bytes) of `text` up to each byte offset, all and inside `mask`.
struct CharCounts {
    all: Vec<u32>,
    masked: Vec<u32>,
}

impl CharCounts {
    fn new(text: &str, mask: &[bool]) -> CharCounts {
        let (mut all, mut masked) = (vec![0u32], vec![0u32]);
        for b in 0..text.len() {
            let c = u32::from(text.is_char_boundary(b));
            all.push(all[b] + c);
            masked.push(masked[b] + c * u32::from(mask[b]));
        }
        CharCounts { all, masked }
    }

    /// (characters, characters inside the mask) of bytes `s..e`.
    fn of(&self, s: usize, e: usize) -> (u32, u32) {
        let n = self.all.len() - 1;
        let (s, e) = (s.min(n), e.min(n).max(s.min(n)));
        (self.all[e] - self.all[s], self.masked[e] - self.masked[s])
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct KindRow {
    n: usize,
    share: f64,
    chars: u64,
    lost_long: f64,
    overlapping: usize,
    lost_wrong: f64,
    /// Passages with no gold character whose sentence holds none either.
    wrong_sentence: usize,
}

#[derive(Debug, Default, Clone, Copy)]
struct TechniqueRow {
    n: f64,
    covered: f64,
    lost_partly: f64,
    lost_untouched: f64,
}

/// The error decomposition over the dev articles added to it.
#[derive(Debug, Default)]
pub struct ErrorTable {
    kinds: [KindRow; 4],
    techniques: [TechniqueRow; 14],
    predicted: usize,
    gold: usize,
    actual: SpanScore,
    trimmed: SpanScore,
    selected: SpanScore,
}

impl ErrorTable {
    /// Adds one article: its context and its passages (first word, end word, score, proposer).
    pub fn add(
        &mut self,
        a: &Article,
        ctx: &Context,
        passages: &[(usize, usize, f32, PassageKind)],
    ) {
        let text = &a.text;
        let n = text.len();
        let mut gold = vec![false; n];
        for &(s, e) in &a.spans {
            gold[s.min(n)..e.min(n)].iter_mut().for_each(|x| *x = true);
        }
        let mut predicted = vec![false; n];
        let bytes: Vec<(usize, usize, PassageKind)> = passages
            .iter()
            .filter_map(|&(x, y, _, k)| {
                let (s, e) = (
                    ctx.tokens.get(x)?.start,
                    ctx.tokens.get(y.checked_sub(1)?)?.end,
                );
                Some((s, e, k))
            })
            .collect();
        for &(s, e, _) in &bytes {
            predicted[s.min(n)..e.min(n)]
                .iter_mut()
                .for_each(|x| *x = true);
        }
        let g = CharCounts::new(text, &gold);
        let p = CharCounts::new(text, &predicted);
        let in_gold = |i: usize| {
            let t = &ctx.tokens[i];
            gold.get((t.start + t.end) / 2).copied().unwrap_or(false)
        };
        let mut sentence_has_gold = vec![false; ctx.sentences.len()];
        for i in 0..ctx.tokens.len() {
            if in_gold(i) {
                if let Some(s) = sentence_has_gold.get_mut(ctx.sentence[i] as usize) {
                    *s = true;
                }
            }
        }
        let (mut trimmed, mut selected) = (Vec::new(), Vec::new());
        for (&(s, e, k), &(x, y, _, _)) in bytes.iter().zip(passages) {
            let (len, inside) = g.of(s, e);
            if len == 0 {
                continue;
            }
            self.predicted += 1;
            let share = f64::from(inside) / f64::from(len);
            let row = &mut self.kinds[k as usize];
            row.n += 1;
            row.share += share;
            row.chars += u64::from(len);
            if inside > 0 {
                row.lost_long += 1.0 - share;
                row.overlapping += 1;
                selected.push((s, e));
                let mut words = (x..y).filter(|&i| in_gold(i));
                match (words.next(), words.next_back()) {
                    (Some(f), l) => {
                        let l = l.unwrap_or(f);
                        trimmed.push((ctx.tokens[f].start, ctx.tokens[l].end));
                    }
                    _ => trimmed.push((s, e)),
                }
            } else {
                row.lost_wrong += 1.0;
                trimmed.push((s, e));
                let si = ctx.sentence[x] as usize;
                if !sentence_has_gold.get(si).copied().unwrap_or(false) {
                    row.wrong_sentence += 1;
                }
            }
        }
        let plain: Vec<(usize, usize)> = bytes.iter().map(|&(s, e, _)| (s, e)).collect();
        self.actual.add(text, &plain, &a.spans);
        self.trimmed.add(text, &trimmed, &a.spans);
        self.selected.add(text, &selected, &a.spans);
        for &(s, e) in &a.spans {
            let (len, covered) = p.of(s, e);
            if len == 0 {
                continue;
            }
            self.gold += 1;
            let cov = f64::from(covered) / f64::from(len);
            let techs: Vec<usize> = a
                .techniques
                .iter()
                .filter(|&&(ts, te, _)| (ts, te) == (s, e))
                .map(|&(_, _, t)| t)
                .filter(|&t| t < TECHNIQUES.len())
                .collect();
            let w = 1.0 / techs.len().max(1) as f64;
            for t in techs {
                let row = &mut self.techniques[t];
                row.n += w;
                row.covered += w * cov;
                if covered > 0 {
                    row.lost_partly += w * (1.0 - cov);
                } else {
                    row.lost_untouched += w;
                }
            }
        }
    }

    /// The tables, as `eval propaganda` prints them.
    pub fn render(&self) -> String {
        let np = self.predicted.max(1) as f64;
        let ng = self.gold.max(1) as f64;
        let mut out = String::from(
            "error decomposition, dev (task metric; P lost: the passages' 1 - share of gold characters over all passages, so the rows add up to 1 - P; R lost: the gold spans' 1 - coverage over all gold spans, so the rows add up to 1 - R)\n  \
             proposer                   n      P  chars  P lost, overlapping gold (too long)  P lost, no gold (wrong place; in a sentence with no gold)\n",
        );
        for k in PassageKind::ALL {
            let r = &self.kinds[k as usize];
            if r.n == 0 {
                continue;
            }
            out.push_str(&format!(
                "  {:<22} {:>5} {:>6.3} {:>6.1} {:>8.3} ({} passages) {:>30.3} ({} passages; {})\n",
                k.name(),
                r.n,
                r.share / r.n as f64,
                r.chars as f64 / r.n as f64,
                r.lost_long / np,
                r.overlapping,
                r.lost_wrong / np,
                r.n - r.overlapping,
                r.wrong_sentence,
            ));
        }
        out.push_str(
            "  gold technique (a span with k techniques counts 1/k to each)        n      R  R lost, partly covered  R lost, untouched\n",
        );
        let mut order: Vec<usize> = (0..TECHNIQUES.len()).collect();
        let lost = |t: usize| self.techniques[t].lost_partly + self.techniques[t].lost_untouched;
        order.sort_by(|&x, &y| lost(y).total_cmp(&lost(x)).then(x.cmp(&y)));
        for t in order {
            let r = &self.techniques[t];
            if r.n == 0.0 {
                continue;
            }
            out.push_str(&format!(
                "  {:<66} {:>6.1} {:>6.3} {:>22.3} {:>18.3}\n",
                TECHNIQUES[t],
                r.n,
                r.covered / r.n,
                r.lost_partly / ng,
                r.lost_untouched / ng,
            ));
        }
        let line = |s: &SpanScore| {
            format!(
                "P {:.3} R {:.3} F1 {:.3}",
                s.precision(),
                s.recall(),
                s.f1()
            )
        };
        out.push_str(&format!(
            "  these passages: {}; oracles: each passage that overlaps gold cut to its first and last gold word (a perfect trimmer): {}; the passages with no gold character dropped (a perfect choice of places): {}",
            line(&self.actual),
            line(&self.trimmed),
            line(&self.selected),
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn losses_add_up_to_the_metric_and_oracles_bound_it() {
        let text =
            "They are corrupt liars. The council met on Tuesday. We must act now, or lose all.";
        let a = Article {
            id: "t".into(),
            text: text.into(),
            spans: vec![(9, 22), (69, 80)],
            techniques: vec![(9, 22, 1), (69, 80, 3)],
        };
        let mut ctx = Context::default();
        ctx.build(text);
        let word = |w: &str| {
            let at = text.find(w).unwrap();
            ctx.tokens.iter().position(|t| t.start == at).unwrap()
        };
        // "corrupt liars" exactly (a run), "The council met on Tuesday" (wrong place), and
        // "We must act now, or lose all" (too long: gold is "or lose all").
        let passages = vec![
            (
                word("corrupt"),
                word("liars") + 1,
                0.5,
                PassageKind::ClauseRun,
            ),
            (
                word("The council"),
                word("Tuesday") + 1,
                0.3,
                PassageKind::WholeClause,
            ),
            (word("We"), word("all") + 1, 0.3, PassageKind::WholeClause),
        ];
        let mut t = ErrorTable::default();
        t.add(&a, &ctx, &passages);
        let whole = &t.kinds[PassageKind::WholeClause as usize];
        assert_eq!(
            (whole.n, whole.overlapping, whole.wrong_sentence),
            (2, 1, 1)
        );
        let lost: f64 = t.kinds.iter().map(|r| r.lost_long + r.lost_wrong).sum();
        assert!((1.0 - lost / 3.0 - t.actual.precision()).abs() < 1e-9);
        let r_lost: f64 = t
            .techniques
            .iter()
            .map(|r| r.lost_partly + r.lost_untouched)
            .sum();
        assert!((1.0 - r_lost / 2.0 - t.actual.recall()).abs() < 1e-9);
        assert!(t.trimmed.precision() > t.actual.precision());
        assert!((t.selected.precision() - (1.0 + 11.0 / 28.0) / 2.0).abs() < 1e-9);
        assert!(t.render().contains("whole clause"));
    }
}
