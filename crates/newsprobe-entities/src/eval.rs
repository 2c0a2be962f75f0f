//! How good are the entities? `newsprobe eval entities --data ../shared/eval/entities/gum-news`.
//!
//! Named mentions (the convention of `shared/eval/README.md`): a gold mention counts when it is a
//! person, organization or place mention whose minimal span is all PROPN tokens; a predicted
//! proper-name mention matches it when the types agree and it overlaps that minimal span (one to
//! one). Coreference: B-cubed over person mentions of every kind (names, descriptions, pronouns),
//! singletons included; a predicted mention stands for the gold mention whose minimal span it
//! overlaps, unaligned mentions count as singletons on the other side.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

use newsprobe_core::{Document, EntityType, Field};
use serde::Deserialize;

use crate::mentions::MentionKind;
use crate::Error;

#[derive(Debug, Deserialize)]
pub(crate) struct GumDoc {
    pub(crate) doc_id: String,
    pub(crate) split: String,
    #[serde(default)]
    pub(crate) genre: String,
    pub(crate) text: String,
    pub(crate) tokens: Vec<GumToken>,
    pub(crate) mentions: Vec<GumMention>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GumToken {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) upos: String,
    /// Index of the sentence.
    #[serde(default)]
    pub(crate) sent: usize,
}

#[derive(Debug, Deserialize)]
pub(crate) struct GumMention {
    pub(crate) entity_id: serde_json::Value,
    pub(crate) etype: String,
    pub(crate) start_tok: usize,
    pub(crate) end_tok: usize,
    pub(crate) minspan: serde_json::Value,
    /// Wikipedia title, for a mention of a linked entity.
    #[serde(default)]
    identity: Option<serde_json::Value>,
}

/// Counts per type, B-cubed sums and documents of one group of documents.
type Group = ([Counts; 3], (f64, usize, f64, usize), usize);

/// Runs of the stage per document when timing it.
const TIMING_RUNS: usize = 5;

const TYPES: [(EntityType, &str); 3] = [
    (EntityType::Person, "person"),
    (EntityType::Organization, "organization"),
    (EntityType::Place, "place"),
];

/// Counts of one type.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    pub(crate) tp: usize,
    pub(crate) fp: usize,
    pub(crate) fn_: usize,
}

impl Counts {
    pub(crate) fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// A gold mention: type, entity id, character range of its minimal span, whether named.
pub(crate) struct Gold {
    pub(crate) etype: EntityType,
    entity: String,
    pub(crate) min: (usize, usize),
    pub(crate) named: bool,
    /// A mention of an entity linked to Wikipedia whose minimal span is all capitalised words
    /// and no pronoun ("the European Space Agency", which GUM tags partly as adjective and noun,
    /// so not named under the evaluation's convention).
    pub(crate) capitalised: bool,
}

pub(crate) fn gold_mentions(d: &GumDoc) -> Vec<Gold> {
    let mut out = Vec::new();
    // Token offsets count characters.
    let chars: Vec<char> = d.text.chars().collect();
    for m in &d.mentions {
        let Some(&(etype, _)) = TYPES.iter().find(|t| t.1 == m.etype) else {
            continue;
        };
        let minspan = match &m.minspan {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        let idx: Vec<usize> = minspan
            .split(',')
            .filter_map(|x| x.trim().parse::<usize>().ok())
            .filter(|&i| i >= 1)
            .map(|i| m.start_tok + i - 1)
            .filter(|&i| i < d.tokens.len() && i < m.end_tok.max(m.start_tok + 1) + 50)
            .collect();
        let idx = if idx.is_empty() {
            (m.start_tok..m.end_tok.min(d.tokens.len())).collect()
        } else {
            idx
        };
        let Some(first) = idx.iter().map(|&i| d.tokens[i].start).min() else {
            continue;
        };
        let last = idx.iter().map(|&i| d.tokens[i].end).max().unwrap_or(first);
        let named = idx.iter().all(|&i| d.tokens[i].upos == "PROPN");
        let linked = m
            .identity
            .as_ref()
            .is_some_and(|v| v.as_str().is_some_and(|s| !s.is_empty()));
        let capitalised = linked
            && idx.iter().all(|&i| {
                d.tokens[i].upos != "PRON"
                    && chars
                        .get(d.tokens[i].start)
                        .is_some_and(|c| c.is_uppercase())
            });
        out.push(Gold {
            etype,
            entity: m.entity_id.to_string(),
            min: (first, last),
            named,
            capitalised,
        });
    }
    out
}

/// A predicted mention in characters: type, cluster, range, proper name or not.
struct Pred {
    etype: EntityType,
    cluster: usize,
    range: (usize, usize),
    named: bool,
}

fn predict(doc: &Document, model: Option<&crate::tagger::Model>) -> Vec<Pred> {
    let analysis = crate::analyze_with(doc, model, None);
    let index = newsprobe_core::report::CharIndex::new(&doc.text);
    let mut cluster_of = vec![usize::MAX; analysis.mentions.len()];
    for (ci, c) in analysis.clusters.iter().enumerate() {
        for &m in &c.mentions {
            cluster_of[m] = ci;
        }
    }
    let mut out = Vec::new();
    for (i, m) in analysis.mentions.iter().enumerate() {
        if m.span.field != Field::Text || cluster_of[i] == usize::MAX {
            continue;
        }
        let etype = analysis.clusters[cluster_of[i]].etype;
        out.push(Pred {
            etype,
            cluster: cluster_of[i],
            range: (
                index.char_offset(m.span.start),
                index.char_offset(m.span.end),
            ),
            named: m.kind == MentionKind::Name,
        });
    }
    out
}

fn slice_chars(text: &str, r: (usize, usize)) -> String {
    text.chars()
        .skip(r.0)
        .take(r.1.saturating_sub(r.0))
        .collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// B-cubed sums (precision sum, precision count, recall sum, recall count) for person mentions.
fn bcubed(gold: &[Gold], pred: &[Pred]) -> (f64, usize, f64, usize) {
    let gold: Vec<&Gold> = gold
        .iter()
        .filter(|g| g.etype == EntityType::Person)
        .collect();
    let pred: Vec<&Pred> = pred
        .iter()
        .filter(|p| p.etype == EntityType::Person)
        .collect();
    // Align one to one, in text order.
    let mut gold_of = vec![None; pred.len()];
    let mut taken = vec![false; gold.len()];
    for (pi, p) in pred.iter().enumerate() {
        if let Some(gi) = (0..gold.len()).find(|&g| !taken[g] && overlaps(gold[g].min, p.range)) {
            taken[gi] = true;
            gold_of[pi] = Some(gi);
        }
    }
    let mut pred_of = vec![None; gold.len()];
    for (pi, g) in gold_of.iter().enumerate() {
        if let Some(g) = g {
            pred_of[*g] = Some(pi);
        }
    }
    let mut p_sum = 0.0;
    for (pi, p) in pred.iter().enumerate() {
        let size = pred.iter().filter(|q| q.cluster == p.cluster).count();
        let same = match gold_of[pi] {
            Some(g) => pred
                .iter()
                .enumerate()
                .filter(|(qi, q)| {
                    q.cluster == p.cluster
                        && gold_of[*qi].is_some_and(|h| gold[h].entity == gold[g].entity)
                })
                .count(),
            None => 1,
        };
        p_sum += same as f64 / size as f64;
    }
    let mut r_sum = 0.0;
    for (gi, g) in gold.iter().enumerate() {
        let size = gold.iter().filter(|h| h.entity == g.entity).count();
        let same = match pred_of[gi] {
            Some(p) => gold
                .iter()
                .enumerate()
                .filter(|(hi, h)| {
                    h.entity == g.entity
                        && pred_of[*hi].is_some_and(|q| pred[q].cluster == pred[p].cluster)
                })
                .count(),
            None => 1,
        };
        r_sum += same as f64 / size as f64;
    }
    (p_sum, pred.len(), r_sum, gold.len())
}

/// Named-mention counts per type (person, organisation, place) of one GUM document, by the
/// rules and the given tagger model.
pub(crate) fn score_doc(d: &GumDoc, model: Option<&crate::tagger::Model>) -> [Counts; 3] {
    let doc = Document::from_text(None, &d.text);
    score_named(&gold_mentions(d), &predict(&doc, model), None)
}

/// Scores one document: counts per type.
fn score_named(gold: &[Gold], pred: &[Pred], debug: Option<&str>) -> [Counts; 3] {
    let mut out = [Counts::default(); 3];
    for (ti, &(t, _)) in TYPES.iter().enumerate() {
        let golds: Vec<&Gold> = gold.iter().filter(|g| g.etype == t && g.named).collect();
        let preds: Vec<&Pred> = pred.iter().filter(|p| p.etype == t && p.named).collect();
        let mut taken = vec![false; golds.len()];
        for p in &preds {
            match (0..golds.len()).find(|&g| !taken[g] && overlaps(golds[g].min, p.range)) {
                Some(g) => {
                    taken[g] = true;
                    out[ti].tp += 1;
                }
                None => {
                    out[ti].fp += 1;
                    if let Some(text) = debug {
                        let other = gold
                            .iter()
                            .find(|g| g.named && overlaps(g.min, p.range))
                            .map(|g| g.etype);
                        eprintln!(
                            "FP {t:?} {:?} (gold {other:?}) ... {:?}",
                            slice_chars(text, p.range),
                            slice_chars(text, (p.range.0.saturating_sub(40), p.range.1 + 40))
                        );
                    }
                }
            }
        }
        if let Some(text) = debug {
            for (g, _) in golds.iter().zip(&taken).filter(|(_, t)| !**t) {
                let other = pred
                    .iter()
                    .find(|p| p.named && overlaps(g.min, p.range))
                    .map(|p| p.etype);
                eprintln!(
                    "FN {t:?} {:?} (pred {other:?}) ... {:?}",
                    slice_chars(text, g.min),
                    slice_chars(text, (g.min.0.saturating_sub(40), g.min.1 + 40))
                );
            }
        }
        out[ti].fn_ += taken.iter().filter(|x| !**x).count();
    }
    out
}

/// `newsprobe eval entities --data PATH`: a directory holding `gum_news.jsonl`, or the file.
pub fn run(data: &Path) -> Result<String, Error> {
    let file = if data.is_dir() {
        data.join("gum_news.jsonl")
    } else {
        data.to_path_buf()
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Error::Data(format!("{}: {e}", file.display())))?;
    let mut groups: HashMap<&str, Group> = HashMap::new();
    let mut docs = 0;
    let started = std::time::Instant::now();
    let mut words = 0;
    let mut stage = std::time::Duration::ZERO;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: GumDoc = serde_json::from_str(line)
            .map_err(|e| Error::Data(format!("{}:{}: {e}", file.display(), i + 1)))?;
        // A debugging aid: NEWSPROBE_EVAL_SPLIT=dev scores the dev documents only.
        if std::env::var("NEWSPROBE_EVAL_SPLIT").is_ok_and(|s| s != d.split) {
            continue;
        }
        let doc = Document::from_text(None, &d.text);
        words += doc.word_count();
        let gold = gold_mentions(&d);
        // The stage's own time, best of a few runs (the first pays for the gazetteers).
        let mut best = std::time::Duration::MAX;
        for _ in 0..TIMING_RUNS {
            let mut timed = doc.clone();
            let t0 = std::time::Instant::now();
            crate::annotate(&mut timed, None);
            best = best.min(t0.elapsed());
        }
        stage += best;
        // A debugging aid: NEWSPROBE_EVAL_RULES=1 scores the rules without the tagger.
        let model = crate::tagger::MODEL
            .as_ref()
            .filter(|_| std::env::var_os("NEWSPROBE_EVAL_RULES").is_none());
        let pred = predict(&doc, model);
        let debug = std::env::var_os("NEWSPROBE_EVAL_DEBUG").map(|_| d.text.as_str());
        if debug.is_some() {
            eprintln!("DOC {} {} {}", d.doc_id, d.split, d.genre);
        }
        let counts = score_named(&gold, &pred, debug);
        let b3 = bcubed(&gold, &pred);
        let group = if d.split == "train" {
            "train"
        } else {
            "dev+test"
        };
        for g in ["all", group] {
            let e = groups.entry(g).or_default();
            for (sum, c) in e.0.iter_mut().zip(counts.iter()) {
                sum.tp += c.tp;
                sum.fp += c.fp;
                sum.fn_ += c.fn_;
            }
            e.1 .0 += b3.0;
            e.1 .1 += b3.1;
            e.1 .2 += b3.2;
            e.1 .3 += b3.3;
            e.2 += 1;
        }
        docs += 1;
        let _ = &d.doc_id;
    }
    if docs == 0 {
        return Err(Error::Data(format!("{}: no documents", file.display())));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "entities on {} ({docs} documents, {words} words, {:.1} ms)",
        file.display(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let _ = writeln!(
        out,
        "entity stage (annotate): {:.3} ms per 1,000 words (this build)",
        stage.as_secs_f64() * 1000.0 / (words.max(1) as f64 / 1000.0)
    );
    let _ = writeln!(
        out,
        "named mentions: a typed mention overlapping a gold all-PROPN minimal span"
    );
    for g in ["all", "train", "dev+test"] {
        let Some((counts, b3, n)) = groups.get(g) else {
            continue;
        };
        let _ = writeln!(out, "[{g}: {n} documents]");
        for (ti, (_, name)) in TYPES.iter().enumerate() {
            let (p, r, f) = counts[ti].prf();
            let _ = writeln!(
                out,
                "  {name:<13} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})",
                counts[ti].tp, counts[ti].fp, counts[ti].fn_
            );
        }
        let p = if b3.1 > 0 { b3.0 / b3.1 as f64 } else { 0.0 };
        let r = if b3.3 > 0 { b3.2 / b3.3 as f64 } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "  person coreference B3  P {p:.3}  R {r:.3}  F1 {f:.3}"
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/entities/gum-news"
    );

    #[test]
    fn scores_gum_news() {
        assert!(
            Path::new(DATA).join("gum_news.jsonl").exists(),
            "GUM news data missing at {DATA}: the entity evaluation needs ../shared/eval/entities/gum-news"
        );
        let report = run(Path::new(DATA)).unwrap();
        println!("{report}");
        assert!(report.contains("24 documents"), "{report}");
        assert!(report.contains("person coreference B3"), "{report}");
    }

    #[test]
    fn missing_data_is_an_error() {
        assert!(run(Path::new("/nonexistent/gum")).is_err());
    }
}
