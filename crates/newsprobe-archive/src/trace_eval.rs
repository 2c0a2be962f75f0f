//! How well does `trace` find the sources of a laundered rewrite and what was changed?
//! `newsprobe eval trace --data ../shared/eval/stories/ecbplus`: the ECB+ train and dev
//! documents are the archive; seeded rewrites of 1-3 same-story documents (see [`crate::launder`])
//! are traced against it, and every other document (the rest of the story among them) is a
//! distractor.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::launder::{rewrite, split_doc, PoolDoc, Rewrite};
use crate::store::plain_report;
use crate::synth::Rng;
use crate::trace::TraceOptions;
use crate::{Archive, Error};

fn load(data: &Path) -> Result<Vec<PoolDoc>, Error> {
    let mut out = Vec::new();
    for d in crate::eval::load(data)? {
        let (title, sentences) = split_doc(&d.text);
        out.push(PoolDoc {
            id: d.doc_id,
            story: d.subtopic,
            title,
            sentences,
        });
    }
    Ok(out)
}

/// Counts of one evaluation run.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub rewrites: usize,
    /// Rewrites whose true sources are all listed above every other article.
    pub all_above: usize,
    pub true_sources: usize,
    /// True sources in the top |true sources| / top 5.
    pub at_k: usize,
    pub at_5: usize,
    pub near_copies: usize,
    pub near_found: usize,
    /// Sources listed in all traces, and those that are a true source (or its equivalent).
    pub listed: usize,
    pub listed_true: usize,
    /// Listed sources marked `likely`, and those of them that are true.
    pub likely: usize,
    pub likely_true: usize,
    /// Per kind: (planted, planted found, reported, reported that match a planted change).
    pub kinds: BTreeMap<String, [usize; 4]>,
}

impl Scores {
    fn line(name: &str, c: &[usize; 4]) -> String {
        let r = if c[0] > 0 {
            format!("{:.3}", c[1] as f64 / c[0] as f64)
        } else {
            "-".into()
        };
        let p = if c[2] > 0 {
            format!("{:.3}", c[3] as f64 / c[2] as f64)
        } else {
            "-".into()
        };
        format!(
            "  {name:<20} planted {:>4}  recall {r:>6}  reported {:>4}  precision {p:>6}\n",
            c[0], c[2]
        )
    }

    /// The printed report.
    pub fn report(&self, seed: u64) -> String {
        let f = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let mut s = format!(
            "trace on {} generated rewrites (seed {seed}, ECB+ train+dev as archive)\n",
            self.rewrites
        );
        s += &format!(
            "  true sources above every distractor: {:.3} ({}/{})\n",
            f(self.all_above, self.rewrites),
            self.all_above,
            self.rewrites
        );
        s += &format!(
            "  source recall@k (k = number of true sources): {:.3}   recall@5: {:.3}   ({} sources)\n",
            f(self.at_k, self.true_sources),
            f(self.at_5, self.true_sources),
            self.true_sources
        );
        s += &format!(
            "  near-copy recall: {:.3} ({}/{})\n",
            f(self.near_found, self.near_copies),
            self.near_found,
            self.near_copies
        );
        s += &format!(
            "  sources listed: {}, true or equivalent {} (precision {:.3}); marked likely {}, true {} (precision {:.3}, recall {:.3})\n",
            self.listed,
            self.listed_true,
            f(self.listed_true, self.listed),
            self.likely,
            self.likely_true,
            f(self.likely_true, self.likely),
            f(self.likely_true, self.listed_true)
        );
        let mut total = [0usize; 4];
        s += "changes by kind:\n";
        for (k, c) in &self.kinds {
            s += &Self::line(k, c);
            for i in 0..4 {
                total[i] += c[i];
            }
        }
        s += &Self::line("all", &total);
        s
    }
}

/// Generates `n` rewrites with `seed`, traces each, and scores the traces.
pub fn evaluate(data: &Path, n: usize, seed: u64) -> Result<Scores, Error> {
    let docs = load(data)?;
    let mut archive = Archive::in_memory()?;
    let reports: Vec<_> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            plain_report(
                &d.id,
                Some(&format!("site{}", i % 37)),
                Some(&format!("2026-01-{:02}", 1 + i % 28)),
                Some(&d.title),
                &d.sentences.join("\n"),
            )
        })
        .collect();
    archive.ingest(&reports)?;
    let mut by_story: BTreeMap<&str, Vec<&PoolDoc>> = BTreeMap::new();
    for d in &docs {
        let usable = d
            .sentences
            .iter()
            .filter(|s| s.split_whitespace().count() >= 8)
            .count();
        if usable >= 4 {
            by_story.entry(d.story.as_str()).or_default().push(d);
        }
    }
    let stories: Vec<&Vec<&PoolDoc>> = by_story.values().filter(|v| v.len() >= 3).collect();
    if stories.is_empty() {
        return Err(Error::Data(format!(
            "{}: no usable stories",
            data.display()
        )));
    }
    let mut rng = Rng::new(seed);
    let mut rewrites: Vec<Rewrite> = Vec::with_capacity(n);
    for i in 0..n {
        let pool = stories[rng.below(stories.len())];
        let k = match rng.below(10) {
            0..=3 => 1,
            4..=7 => 2,
            _ => 3,
        }
        .min(pool.len());
        let mut chosen: Vec<&PoolDoc> = Vec::new();
        while chosen.len() < k {
            let d = pool[rng.below(pool.len())];
            if !chosen.iter().any(|c| c.id == d.id) {
                chosen.push(d);
            }
        }
        rewrites.push(rewrite(&mut rng, &format!("rewrite-{i}"), &chosen));
    }
    let copies: Vec<_> = rewrites
        .iter()
        .filter_map(|r| r.near_copy.as_ref())
        .map(|(id, title, text)| {
            plain_report(id, Some("copysite"), Some("2026-03-02"), Some(title), text)
        })
        .collect();
    archive.ingest(&copies)?;
    // Documents that hold (almost) all the sentences of another of their story (the same wire
    // copy under two ids) are that document's equivalents: either one is a right answer.
    let sets: HashMap<&str, std::collections::HashSet<&str>> = docs
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.sentences.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let mut equivalent: HashMap<&str, Vec<&str>> = HashMap::new();
    for group in by_story.values() {
        for a in group {
            for b in group {
                if a.id != b.id {
                    let (sa, sb) = (&sets[a.id.as_str()], &sets[b.id.as_str()]);
                    let shared = sa.intersection(sb).count();
                    if shared as f64 >= 0.8 * sa.len() as f64 {
                        equivalent
                            .entry(a.id.as_str())
                            .or_default()
                            .push(b.id.as_str());
                    }
                }
            }
        }
    }
    let mut sc = Scores::default();
    for k in crate::launder::KINDS {
        sc.kinds.insert(k.to_string(), [0; 4]);
    }
    let opt = TraceOptions::default();
    let debug = std::env::var("NEWSPROBE_TRACE_DEBUG").ok();
    for r in &rewrites {
        let input = plain_report(
            &r.id,
            Some("launder"),
            Some("2026-03-01"),
            Some(&r.title),
            &r.text,
        );
        let t = archive.trace(&input, &opt)?;
        sc.rewrites += 1;
        if debug.as_deref() == Some(r.id.as_str()) {
            for row in &t.support {
                eprintln!(
                    "ROW {:?} {:?} {:.2}\n    <- {:?}",
                    row.sentence.text,
                    row.source_id,
                    row.score,
                    row.source_span.as_ref().map(|x| x.text.as_str())
                );
            }
            for c in &t.changes {
                eprintln!(
                    "CHANGE {:?} {:?}: {}",
                    c.kind, c.article_span.text, c.detail
                );
            }
        }
        let truth: Vec<&str> = r.sources.iter().map(String::as_str).collect();
        // For this rewrite, a document of the story that holds word for word (nearly) every
        // sentence the rewrite took from a source is that source's equivalent too: nothing
        // in the rewrite can tell the two apart.
        let mut equivalent = equivalent.clone();
        for (src, taken) in &r.used {
            for d in by_story.values().flatten() {
                let id = d.id.as_str();
                if id == src || truth.contains(&id) {
                    continue;
                }
                let held = taken
                    .iter()
                    .filter(|s| sets[id].contains(s.as_str()))
                    .count();
                if held as f64 >= 0.8 * taken.len() as f64 {
                    equivalent.entry(src.as_str()).or_default().push(id);
                    equivalent.entry(id).or_default().push(src.as_str());
                }
            }
        }
        // An equivalent stands for its source: its rank counts as the source's.
        let mut rank: HashMap<&str, usize> = HashMap::new();
        let mut pos = 0;
        for s in &t.sources {
            let id = s.id.as_str();
            let stands_for = truth
                .iter()
                .find(|tr| **tr == id || equivalent.get(*tr).is_some_and(|e| e.contains(&id)));
            let is_true = stands_for.is_some()
                || truth
                    .iter()
                    .any(|tr| equivalent.get(id).is_some_and(|e| e.contains(tr)));
            sc.listed += 1;
            sc.listed_true += usize::from(is_true);
            if s.confidence == crate::SourceConfidence::Likely {
                sc.likely += 1;
                sc.likely_true += usize::from(is_true);
            }
            match stands_for {
                Some(tr) => {
                    rank.entry(tr).or_insert(pos);
                    pos += 1;
                }
                None if truth
                    .iter()
                    .any(|tr| equivalent.get(id).is_some_and(|e| e.contains(tr))) => {}
                None => {
                    rank.entry(id).or_insert(pos);
                    pos += 1;
                }
            }
        }
        sc.true_sources += truth.len();
        let worst_true = truth
            .iter()
            .map(|t| rank.get(t).copied())
            .collect::<Option<Vec<_>>>();
        let best_other = rank
            .iter()
            .filter(|(id, _)| !truth.contains(id))
            .map(|(_, p)| *p)
            .min();
        if let Some(w) = worst_true {
            let w = w.into_iter().max().unwrap_or(0);
            if best_other.is_none_or(|o| o > w) {
                sc.all_above += 1;
            } else if debug.as_deref() == Some("ranking") {
                let got: Vec<(&str, f64, f64)> = t
                    .sources
                    .iter()
                    .map(|s| (s.id.as_str(), s.score, s.evidence.support_share))
                    .collect();
                eprintln!("RANKING {}: truth {truth:?} got {got:?}", r.id);
            }
        }
        for tr in &truth {
            if let Some(&p) = rank.get(tr) {
                if p < truth.len() {
                    sc.at_k += 1;
                }
                if p < 5 {
                    sc.at_5 += 1;
                }
            }
        }
        if let Some((id, _, _)) = &r.near_copy {
            sc.near_copies += 1;
            if t.near_copies.iter().any(|n| &n.id == id) {
                sc.near_found += 1;
            }
        }
        let kind_of = |c: &crate::Change| {
            serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        };
        let overlaps = |c: &crate::Change, p: &crate::launder::Planted| {
            (c.article_span.field == newsprobe_core::Field::Title) == p.in_title
                && c.article_span.start < p.end
                && c.article_span.end > p.start
        };
        for p in &r.planted {
            let e = sc.kinds.entry(p.kind.to_string()).or_default();
            e[0] += 1;
            if t.changes
                .iter()
                .any(|c| kind_of(c) == p.kind && overlaps(c, p))
            {
                e[1] += 1;
            } else if debug.as_deref() == Some(p.kind) {
                let field = if p.in_title { &r.title } else { &r.text };
                let txt: String = field.chars().skip(p.start).take(p.end - p.start).collect();
                eprintln!(
                    "MISS {} {}: {txt}\n   sources {:?}",
                    p.kind, r.id, r.sources
                );
                for row in t.support.iter().filter(|row| {
                    !p.in_title && row.sentence.start < p.end && row.sentence.end > p.start
                }) {
                    eprintln!(
                        "   aligned {:?} {:.2} {:?}",
                        row.source_id,
                        row.score,
                        row.source_span.as_ref().map(|x| x.text.as_str())
                    );
                }
                for c in t.changes.iter().filter(|c| overlaps(c, p)) {
                    eprintln!("   reported {:?}: {}", c.kind, c.detail);
                }
            }
        }
        for c in &t.changes {
            let k = kind_of(c);
            let hit = r.planted.iter().any(|p| p.kind == k && overlaps(c, p));
            if !hit && debug.as_deref() == Some(k.as_str()) {
                eprintln!(
                    "FALSE {k} {}: {:?} -- {}",
                    r.id, c.article_span.text, c.detail
                );
            }
            if debug.as_deref() == Some("sources") && worst_true_missing(&t, &truth) {
                eprintln!(
                    "SOURCES {}: truth {:?} got {:?}",
                    r.id,
                    truth,
                    t.sources
                        .iter()
                        .map(|s| (s.id.as_str(), s.score, s.evidence.support_share))
                        .collect::<Vec<_>>()
                );
            }
            let e = sc.kinds.entry(k).or_default();
            e[2] += 1;
            if hit {
                e[3] += 1;
            }
        }
    }
    Ok(sc)
}

fn worst_true_missing(t: &crate::Trace, truth: &[&str]) -> bool {
    let n = truth.len();
    t.sources
        .iter()
        .take(n)
        .any(|s| !truth.contains(&s.id.as_str()))
        || t.sources.len() < n
}

/// `newsprobe eval trace`: the printed scores.
pub fn run(data: &Path, n: usize, seed: u64) -> Result<String, Error> {
    Ok(evaluate(data, n, seed)?.report(seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixed-seed CI set: 24 rewrites (the README figures use 300, seed 10).
    #[test]
    fn fixed_seed_set_meets_the_floor() {
        let data =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/stories/ecbplus");
        assert!(
            data.join("ecbplus_docs.jsonl").exists(),
            "ECB+ is missing at {}",
            data.display()
        );
        let sc = evaluate(&data, 24, 10).unwrap();
        let (mut planted, mut found, mut reported, mut right) = (0, 0, 0, 0);
        for c in sc.kinds.values() {
            planted += c[0];
            found += c[1];
            reported += c[2];
            right += c[3];
        }
        let report = sc.report(10);
        assert_eq!(sc.rewrites, 24);
        assert!(sc.all_above as f64 >= 0.85 * 24.0, "{report}");
        assert!(found as f64 >= 0.8 * planted as f64, "{report}");
        assert!(right as f64 >= 0.8 * reported as f64, "{report}");
        // Same seed, same set.
        assert_eq!(
            evaluate(&data, 3, 10).unwrap().kinds,
            evaluate(&data, 3, 10).unwrap().kinds
        );
    }
}
