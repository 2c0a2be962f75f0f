//! Which source sentence supports each sentence of the rewrite, and what differs word by word?
//!
//! Every sentence is reduced to its content words, stemmed (lower case, first five letters, so
//! "arrested"/"arrests" agree) and weighted (names and numbers 2, speech verbs 0.3, other
//! content words 1). A source sentence supports an input sentence by the weighted share of the
//! input's content words it holds: paraphrase (synonyms, reordered clauses, moved attributions)
//! keeps names, numbers and most content words, so the share survives it where word n-grams do
//! not. When one source sentence leaves much of the input unexplained, the union with a second
//! sentence of the same source is tried (merged sentences). The aligned pair is then diffed word
//! by word (longest common subsequence on stems), which gives the words added, removed and
//! substituted; the typed changes (numbers, dates, hedges, attributions) are read off that diff.

use std::collections::HashSet;

use crate::align::Prepared;
use crate::words::{is_stop, Word};

/// Least share for a source sentence to be taken as the one a sentence was drawn from.
pub const ALIGNED: f64 = 0.45;
/// Below this share of its best source sentence, a sentence is unsupported.
pub const UNSUPPORTED: f64 = 0.3;

/// The comparable form of a word.
pub fn stem(norm: &str) -> String {
    let w = norm.trim_end_matches("'s").trim_end_matches('\'');
    if w.chars().count() > 5 && w.chars().all(|c| c.is_alphabetic() || c == '-') {
        w.chars().take(5).collect()
    } else {
        w.to_string()
    }
}

const SPEECH: &[&str] = &[
    "revealed",
    "disclosed",
    "admitted",
    "acknowledged",
    "stressed",
    "emphasized",
    "emphasised",
    "asserted",
    "asserting",
    "saying",
    "telling",
    "adding",
    "warning",
    "claiming",
    "insisting",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "stated",
    "states",
    "according",
    "claimed",
    "claims",
    "announced",
    "added",
    "insisted",
    "warned",
    "confirmed",
    "explained",
    "noted",
    "argued",
    "wrote",
    "tweeted",
    "posted",
    "reported",
    "reports",
    "quoted",
    "cited",
    "declared",
];

/// Whether a word attributes what surrounds it to someone ("said", "according", "told").
pub fn is_speech(norm: &str) -> bool {
    SPEECH.contains(&norm)
}

const HEDGES: &[&str] = &[
    "could",
    "might",
    "reportedly",
    "allegedly",
    "alleged",
    "possibly",
    "possible",
    "likely",
    "apparently",
    "probably",
    "perhaps",
    "suspected",
    "believed",
    "unconfirmed",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "potentially",
    "potential",
    "estimated",
    "about",
    "nearly",
    "approximately",
    "roughly",
    "around",
    "expected",
];

/// Whether word `k` hedges a claim ("could", "reportedly", "may" as a verb, "about" 40).
pub fn is_hedge(ws: &[Word], k: usize) -> bool {
    let w = &ws[k];
    match w.norm.as_str() {
        // "May" capitalised mid-sentence is the month.
        "may" => !w.capitalized || k == 0,
        // "about", "around", "nearly" hedge only a number.
        // ("about 40", "about 6am", "around 200m", "nearly a dozen" is left alone).
        "about" | "nearly" | "approximately" | "roughly" | "around" => {
            ws.get(k + 1).is_some_and(|n| {
                number_value(&n.norm).is_some() || n.norm.starts_with(|c: char| c.is_ascii_digit())
            })
        }
        n => HEDGES.contains(&n),
    }
}

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
    ("dozen", "12"),
    ("dozens", "dozens"),
    ("hundreds", "hundreds"),
    ("thousands", "thousands"),
    ("millions", "millions"),
    ("scores", "scores"),
];

/// The value of a number word ("41", "1,200", "12%", "twelve", "hundreds"), years excluded.
pub fn number_value(norm: &str) -> Option<String> {
    if let Some((_, v)) = NUMBER_WORDS.iter().find(|(w, _)| *w == norm) {
        return Some((*v).to_string());
    }
    // "36-year-old", "58-3": the whole token is the value.
    if norm.contains('-') && norm.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(norm.to_string());
    }
    let digits: String = norm.chars().filter(|c| *c != ',').collect();
    let digits = digits.trim_end_matches('%');
    if digits.is_empty() || !digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if is_year(norm) {
        return None;
    }
    Some(digits.trim_start_matches('0').to_string())
}

fn is_year(norm: &str) -> bool {
    norm.len() == 4
        && norm.chars().all(|c| c.is_ascii_digit())
        && (norm.starts_with("19") || norm.starts_with("20"))
}

use newsprobe_core::lexicon::{MONTHS, WEEKDAYS};
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight", "overnight"];

/// Whether word `k` names a day or date ("Wednesday", "June", "2013", "yesterday", the 13 of
/// "June 13").
pub fn is_date(ws: &[Word], k: usize) -> bool {
    let w = &ws[k];
    let n = w.norm.trim_end_matches("'s");
    if WEEKDAYS.contains(&n) || RELATIVE_DAYS.contains(&n) || is_year(n) {
        return true;
    }
    if MONTHS.contains(&n) {
        return n != "may" && n != "march" || w.capitalized && k > 0;
    }
    // A day of the month right after or before a month.
    let month_at = |j: usize| {
        ws.get(j)
            .is_some_and(|m| m.capitalized && MONTHS.contains(&m.norm.as_str()))
    };
    n.len() <= 2
        && n.chars().all(|c| c.is_ascii_digit())
        && ((k > 0 && month_at(k - 1)) || month_at(k + 1))
}

/// Whether a lower-cased word is a weekday or a month name.
pub fn is_weekday_or_month(norm: &str) -> bool {
    WEEKDAYS.contains(&norm) || MONTHS.contains(&norm)
}

/// A sentence reduced to weighted stems.
#[derive(Debug, Clone)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    /// Word index range in the article's words.
    pub first: usize,
    pub last: usize,
    pub stems: Vec<(String, f64)>,
    pub weight: f64,
}

fn weight(w: &Word) -> f64 {
    if is_speech(&w.norm) {
        0.3
    } else if w.capitalized || number_value(&w.norm).is_some() {
        2.0
    } else {
        1.0
    }
}

/// The sentence units of an article.
pub fn units(p: &Prepared<'_>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(p.sentences.len());
    for &(s, e) in &p.sentences {
        let first = p.words.partition_point(|w| w.start < s);
        let last = p.words.partition_point(|w| w.end <= e).max(first);
        let mut seen = HashSet::new();
        let mut stems = Vec::new();
        for w in &p.words[first..last] {
            if is_stop(&w.norm) || w.norm.chars().count() < 2 && number_value(&w.norm).is_none() {
                continue;
            }
            let st = stem(&w.norm);
            if seen.insert(st.clone()) {
                stems.push((st, weight(w)));
            }
        }
        let weight = stems.iter().map(|s| s.1).sum();
        out.push(Unit {
            start: s,
            end: e,
            first,
            last,
            stems,
            weight,
        });
    }
    out
}

/// Weighted share of `a`'s stems found in `b`.
pub fn share(a: &Unit, b: &HashSet<&str>) -> f64 {
    if a.weight <= 0.0 {
        return 0.0;
    }
    a.stems
        .iter()
        .filter(|(s, _)| b.contains(s.as_str()))
        .map(|s| s.1)
        .sum::<f64>()
        / a.weight
}

fn stem_set(u: &Unit) -> HashSet<&str> {
    u.stems.iter().map(|s| s.0.as_str()).collect()
}

/// The best support of one input sentence in one source: `(score, sentence, second sentence)`.
pub fn best_in(u: &Unit, src: &[Unit]) -> Option<(f64, usize, Option<usize>)> {
    if u.stems.is_empty() {
        return None;
    }
    let sets: Vec<HashSet<&str>> = src.iter().map(stem_set).collect();
    best_in_sets(u, &sets)
}

/// The stem sets of a source's sentences, for [`best_in_sets`].
pub fn stem_sets(src: &[Unit]) -> Vec<HashSet<&str>> {
    src.iter().map(stem_set).collect()
}

/// [`best_in`] with the source's stem sets made once.
pub fn best_in_sets(u: &Unit, sets: &[HashSet<&str>]) -> Option<(f64, usize, Option<usize>)> {
    if u.stems.is_empty() {
        return None;
    }
    let scores: Vec<f64> = sets.iter().map(|s| share(u, s)).collect();
    let (bi, bs) = scores
        .iter()
        .copied()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    if !(0.2..0.85).contains(&bs) {
        return Some((bs, bi, None));
    }
    // A merge of two source sentences.
    let mut best = (bs, bi, None);
    for (j, s) in scores.iter().enumerate() {
        // Sentences a rewrite merges stand near each other in their source.
        if j == bi || *s < 0.2 || j.abs_diff(bi) > 3 {
            continue;
        }
        let union: HashSet<&str> = sets[bi].union(&sets[j]).copied().collect();
        let m = share(u, &union);
        if m >= bs + 0.2 && m > best.0 {
            best = (m, bi, Some(j));
        }
    }
    Some(best)
}

/// One step of a word alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Input word i and source word j are the same word.
    Same(usize, usize),
    /// Input word i has no counterpart.
    Added(usize),
    /// Source word j has no counterpart.
    Removed(usize),
}

/// Word alignment (longest common subsequence on stems) of `a` (input) and `b` (source).
pub fn diff<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || n * m > 250_000 {
        let mut v: Vec<Step> = (0..n).map(Step::Added).collect();
        v.extend((0..m).map(Step::Removed));
        return v;
    }
    let sa: Vec<String> = a.iter().map(|w| stem(w.as_ref())).collect();
    let sb: Vec<String> = b.iter().map(|w| stem(w.as_ref())).collect();
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if sa[i] == sb[j] {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n + m);
    while i < n && j < m {
        if sa[i] == sb[j] {
            out.push(Step::Same(i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            out.push(Step::Added(i));
            i += 1;
        } else {
            out.push(Step::Removed(j));
            j += 1;
        }
    }
    out.extend((i..n).map(Step::Added));
    out.extend((j..m).map(Step::Removed));
    out
}

/// The words added, removed and substituted from source `b` to input `a`.
pub fn word_diff<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> crate::trace::WordDiff {
    let mut d = crate::trace::WordDiff::default();
    for (x, y) in substitutions(&diff(a, b)) {
        let xs = x
            .iter()
            .map(|&i| a[i].as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        let ys = y
            .iter()
            .map(|&j| b[j].as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        match (xs.is_empty(), ys.is_empty()) {
            (false, true) => d.added.push(xs),
            (true, false) => d.removed.push(ys),
            (false, false) => d.substituted.push([ys, xs]),
            (true, true) => {}
        }
    }
    d
}

/// The substituted runs of a diff: `(input words, source words)` between two shared words.
pub fn substitutions(steps: &[Step]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut out = Vec::new();
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for s in steps.iter().chain(std::iter::once(&Step::Same(0, 0))) {
        match *s {
            Step::Added(i) => added.push(i),
            Step::Removed(j) => removed.push(j),
            Step::Same(..) => {
                if !added.is_empty() || !removed.is_empty() {
                    out.push((std::mem::take(&mut added), std::mem::take(&mut removed)));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plain_report;
    use crate::words::words;

    #[test]
    fn paraphrased_sentence_is_aligned_to_its_source() {
        let src = plain_report(
            "s",
            None,
            None,
            None,
            "Heavy rain flooded 12 homes in Carrow on Tuesday. The council opened a shelter at the \
             school. Fire crews pumped water out of the cellars overnight.",
        );
        let input = plain_report(
            "i",
            None,
            None,
            None,
            "On Tuesday, torrential rain flooded hundreds of homes in Carrow. A new stadium will \
             be built next year.",
        );
        let (ps, pi) = (Prepared::new(&src), Prepared::new(&input));
        let (us, ui) = (units(&ps), units(&pi));
        let (score, k, _) = best_in(&ui[0], &us).unwrap();
        assert_eq!(k, 0);
        assert!(score >= ALIGNED, "{score}");
        let (score, _, _) = best_in(&ui[1], &us).unwrap();
        assert!(score < UNSUPPORTED, "{score}");
    }

    #[test]
    fn word_diff_knows_substitutions() {
        let a = words("the situation is deeply concerning");
        let b = words("the situation is concerning but localized");
        let subs = substitutions(&diff(&a, &b));
        let text: Vec<(Vec<&str>, Vec<&str>)> = subs
            .iter()
            .map(|(x, y)| {
                (
                    x.iter().map(|&i| a[i].norm.as_str()).collect(),
                    y.iter().map(|&j| b[j].norm.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            text,
            vec![(vec!["deeply"], vec![]), (vec![], vec!["but", "localized"])]
        );
    }

    #[test]
    fn numbers_dates_and_hedges() {
        assert_eq!(number_value("1,200").as_deref(), Some("1200"));
        assert_eq!(number_value("twelve").as_deref(), Some("12"));
        assert_eq!(number_value("2024"), None);
        let ws = words("Police may have arrested about 40 people on Wednesday, June 13");
        let hedges: Vec<usize> = (0..ws.len()).filter(|&k| is_hedge(&ws, k)).collect();
        assert_eq!(hedges, [1, 4]);
        let dates: Vec<usize> = (0..ws.len()).filter(|&k| is_date(&ws, k)).collect();
        assert_eq!(dates, [8, 9, 10]);
    }
}
