//! How good are the same-story clusters? B-cubed precision, recall and F1 against the ECB+
//! `subtopic` (the same seminal event), on the train and dev topics.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use crate::clusters::{cluster_stories, StoryDoc, StoryParams};
use crate::Error;

/// One ECB+ document.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct EcbDoc {
    pub(crate) doc_id: String,
    pub(crate) subtopic: String,
    pub(crate) split: String,
    pub(crate) text: String,
}

/// B-cubed precision, recall and F1 of `predicted` labels against `gold` labels.
pub fn b_cubed<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(
    predicted: &[P],
    gold: &[G],
) -> (f64, f64, f64) {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut pc: HashMap<&P, usize> = HashMap::new();
    let mut gc: HashMap<&G, usize> = HashMap::new();
    let mut both: HashMap<(&P, &G), usize> = HashMap::new();
    for i in 0..n {
        *pc.entry(&predicted[i]).or_insert(0) += 1;
        *gc.entry(&gold[i]).or_insert(0) += 1;
        *both.entry((&predicted[i], &gold[i])).or_insert(0) += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let b = both[&(&predicted[i], &gold[i])] as f64;
        p += b / pc[&predicted[i]] as f64;
        r += b / gc[&gold[i]] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The ECB+ documents of `ecbplus_docs.jsonl` (or of the file given), in file order.
pub(crate) fn load(data: &Path) -> Result<Vec<EcbDoc>, Error> {
    let file = if data.is_dir() {
        data.join("ecbplus_docs.jsonl")
    } else {
        data.to_path_buf()
    };
    let f =
        std::fs::File::open(&file).map_err(|e| Error::Data(format!("{}: {e}", file.display())))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let d: EcbDoc = serde_json::from_str(&line)
            .map_err(|e| Error::Data(format!("{}:{}: {e}", file.display(), i + 1)))?;
        out.push(d);
    }
    Ok(out)
}

fn story_doc(d: &EcbDoc) -> StoryDoc {
    // Line 1 is the headline.
    let (title, text) = match d.text.split_once('\n') {
        Some((t, rest)) => (Some(t.to_string()), rest.to_string()),
        None => (None, d.text.clone()),
    };
    StoryDoc {
        title,
        text,
        names: Vec::new(),
        day: None,
    }
}

/// Scores one split: `(precision, recall, f1, documents, predicted clusters)`.
fn score(docs: &[&EcbDoc], p: &StoryParams) -> (f64, f64, f64, usize, usize) {
    let sd: Vec<StoryDoc> = docs.iter().map(|d| story_doc(d)).collect();
    let labels = cluster_stories(&sd, p);
    let gold: Vec<&str> = docs.iter().map(|d| d.subtopic.as_str()).collect();
    let (pr, re, f) = b_cubed(&labels, &gold);
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    (pr, re, f, docs.len(), k)
}

/// `newsprobe eval stories --data ../shared/eval/stories/ecbplus`: every split's documents
/// clustered together (not topic by topic), B-cubed against `subtopic`.
pub fn stories(data: &Path) -> Result<String, Error> {
    let all = load(data)?;
    let p = StoryParams::default();
    let mut out = String::from("same-story clusters on ECB+ (B-cubed against subtopic; all documents of a split clustered together)\n");
    out.push_str(&format!(
        "params: anchor_weight {} threshold {} max_days {}\n",
        p.anchor_weight, p.threshold, p.max_days
    ));
    for split in ["train", "dev"] {
        let docs: Vec<&EcbDoc> = all.iter().filter(|d| d.split == split).collect();
        if docs.is_empty() {
            continue;
        }
        let (pr, re, f, n, k) = score(&docs, &p);
        let gold_k = {
            let mut s: Vec<&str> = docs.iter().map(|d| d.subtopic.as_str()).collect();
            s.sort_unstable();
            s.dedup();
            s.len()
        };
        out.push_str(&format!(
            "{split:5}  docs {n:4}  events {gold_k:3}  clusters {k:4}  P {pr:.3}  R {re:.3}  F1 {f:.3}\n"
        ));
    }
    if std::env::var_os("NEWSPROBE_TUNE").is_some() {
        out.push_str(&tune(&all));
    }
    Ok(out)
}

/// Grid over the parameters (set `NEWSPROBE_TUNE=1`), scored on dev, train shown beside.
fn tune(all: &[EcbDoc]) -> String {
    let dev: Vec<&EcbDoc> = all.iter().filter(|d| d.split == "dev").collect();
    let train: Vec<&EcbDoc> = all.iter().filter(|d| d.split == "train").collect();
    let mut rows = Vec::new();
    for aw in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6] {
        for th in [0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3] {
            let p = StoryParams {
                anchor_weight: aw,
                threshold: th,
                ..StoryParams::default()
            };
            let d = score(&dev, &p);
            let t = score(&train, &p);
            rows.push((d.2, aw, th, t.2));
        }
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut s =
        String::from("tuning (best on dev first): anchor_weight threshold dev_F1 train_F1\n");
    for (d, aw, th, t) in rows.iter().take(12) {
        s.push_str(&format!("  {aw:.2} {th:.2}  {d:.3}  {t:.3}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_cubed_of_known_partitions() {
        assert_eq!(b_cubed(&[0, 0, 1], &["a", "a", "b"]), (1.0, 1.0, 1.0));
        let (p, r, _) = b_cubed(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
        let (p, r, _) = b_cubed(&[0, 1, 2, 3], &["a", "a", "b", "b"]);
        assert!((p - 1.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn ecbplus_dev_meets_the_target() {
        let data = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/stories/ecbplus"
        );
        assert!(
            Path::new(data).exists(),
            "ECB+ data missing at {data}: the evaluation data set is required"
        );
        let report = stories(Path::new(data)).unwrap();
        eprintln!("{report}");
        let dev = report.lines().find(|l| l.starts_with("dev")).unwrap();
        let f1: f64 = dev.rsplit(' ').next().unwrap().parse().unwrap();
        assert!(f1 >= 0.90, "{report}");
    }
}
