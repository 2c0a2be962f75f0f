//! How good is extraction on the Scrapinghub article-extraction benchmark?
//!
//! `newsprobe eval extraction --data DIR` reads `DIR/ground-truth.json` and `DIR/html/<id>.html.gz`,
//! runs [`crate::extract`] on every page and scores the body with the benchmark's own metric
//! (shingles of 4 `\w+` tokens; precision and recall averaged over pages; F1 of the two means).
//! It also checks metadata against what the page itself declares (see [`MetadataScore`]).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;

use crate::metadata;
use crate::HtmlError;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// Shingle counts: precision/recall counts for one page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// The benchmark's shingles: runs of 4 consecutive `\w+` tokens (one shingle when fewer, none
/// for a text without tokens).
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out; // no text, no shingle
    }
    if tokens.len() < 4 {
        *out.entry(tokens).or_insert(0) += 1;
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// True/false positives and false negatives over shingle multisets, each divided by their sum.
pub fn page_counts(expected: &str, predicted: &str) -> Counts {
    let want = shingles(expected);
    let got = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &n) in &got {
        let m = want.get(shingle).copied().unwrap_or(0);
        tp += n.min(m);
        fp += n.saturating_sub(m);
    }
    for (shingle, &m) in &want {
        let n = got.get(shingle).copied().unwrap_or(0);
        fn_ += m.saturating_sub(n);
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return Counts::default();
    }
    Counts {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

/// Precision, recall and F1 over pages, as the benchmark computes them.
pub fn precision_recall_f1(pages: &[Counts]) -> (f64, f64, f64) {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    // Per page: 1.0 when nothing is wrong, else tp / (tp + errors); pages with no tp and no
    // errors of that kind do not count.
    let score = |errors: fn(&Counts) -> f64| {
        mean(
            pages
                .iter()
                .filter_map(|c| {
                    if c.fp == 0.0 && c.fn_ == 0.0 {
                        Some(1.0)
                    } else {
                        let e = errors(c);
                        (c.tp + e > 0.0).then(|| c.tp / (c.tp + e))
                    }
                })
                .collect(),
        )
    };
    let precision = score(|c| c.fp);
    let recall = score(|c| c.fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

/// One benchmark page.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: Vec<u8>,
    pub expected: String,
}

/// Reads the benchmark: ground truth and the gzip pages, sorted by id.
pub fn load(data: &Path) -> Result<Vec<Page>, HtmlError> {
    let io = |what: &Path, e: std::io::Error| HtmlError::Io(format!("{}: {e}", what.display()));
    let truth_path = data.join("ground-truth.json");
    let truth_text = std::fs::read_to_string(&truth_path).map_err(|e| io(&truth_path, e))?;
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(&truth_text)
        .map_err(|e| HtmlError::Io(format!("{}: {e}", truth_path.display())))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let entry = &truth[id];
        let path = data.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path).map_err(|e| io(&path, e))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut html)
            .map_err(|e| io(&path, e))?;
        pages.push(Page {
            id: id.clone(),
            url: entry["url"].as_str().unwrap_or_default().to_owned(),
            html,
            expected: entry["articleBody"].as_str().unwrap_or_default().to_owned(),
        });
    }
    if pages.is_empty() {
        return Err(HtmlError::Io(format!("{}: no pages", truth_path.display())));
    }
    Ok(pages)
}

/// Metadata checks against what each page declares in JSON-LD/meta.
///
/// "Right" means: a date is right when its calendar day (YYYY-MM-DD, in the page's own offset)
/// equals the day of the page's declared publication date (JSON-LD `datePublished`, else
/// `article:published_time`-style meta); a byline is right when the set of extracted names equals,
/// case-insensitively, the set of person names the page declares as author (JSON-LD `author`
/// persons, else `<meta name="author">` when it looks like a person). `clean` counts bylines with no
/// "By", no date, no digits, no URL and no site name among the names, over all pages with a byline.
#[derive(Debug, Clone, Default)]
pub struct MetadataScore {
    pub date_declared: usize,
    pub date_filled: usize,
    pub date_right: usize,
    pub date_from_url: usize,
    pub date_right_vs_url: usize,
    pub byline_declared: usize,
    pub byline_filled: usize,
    pub byline_right: usize,
    pub byline_pages: usize,
    pub byline_clean: usize,
}

fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// Scores extraction on the Scrapinghub benchmark; returns the printable figures.
pub fn run(data: &Path) -> Result<String, HtmlError> {
    let pages = load(data)?;
    let mut counts = Vec::with_capacity(pages.len());
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut meta = MetadataScore::default();
    let mut worst: Vec<(f64, &str)> = Vec::new();
    for page in &pages {
        bytes += page.html.len();
        let start = Instant::now();
        let extracted = crate::extract(&page.html, None, Some(&page.url))?;
        elapsed += start.elapsed();
        let c = page_counts(&page.expected, &extracted.text);
        worst.push((c.tp, &page.id));
        counts.push(c);
        score_metadata(page, &extracted, &mut meta);
    }
    let (p, r, f1) = precision_recall_f1(&counts);
    let secs = elapsed.as_secs_f64().max(1e-9);
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = String::new();
    use std::fmt::Write;
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let _ = writeln!(
        out,
        "extraction: {} pages from {}",
        pages.len(),
        data.display()
    );
    let _ = writeln!(
        out,
        "precision {p:.4}  recall {r:.4}  F1 {f1:.4}  (benchmark metric: 4-token \\w+ shingles)"
    );
    let _ = writeln!(
        out,
        "speed: {:.1} pages/s, {:.1} MB/s on one thread ({} build; decode+parse+extract, no gunzip)",
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    let _ = writeln!(
        out,
        "date: {}/{} pages declare one (JSON-LD/meta); filled {} ({:.1}%), right {} ({:.1}%) = same calendar day as declared",
        meta.date_declared, pages.len(), meta.date_filled, pct(meta.date_filled, meta.date_declared),
        meta.date_right, pct(meta.date_right, meta.date_declared)
    );
    let _ = writeln!(
        out,
        "date vs URL: {} pages have a date in the URL; ours on the same day or the day before/after (time zones) on {} ({:.1}%)",
        meta.date_from_url, meta.date_right_vs_url, pct(meta.date_right_vs_url, meta.date_from_url)
    );
    let _ = writeln!(
        out,
        "byline: {}/{} pages declare person authors; filled {} ({:.1}%), right {} ({:.1}%) = same set of names, case-insensitive",
        meta.byline_declared, pages.len(), meta.byline_filled, pct(meta.byline_filled, meta.byline_declared),
        meta.byline_right, pct(meta.byline_right, meta.byline_declared)
    );
    let _ = writeln!(
        out,
        "byline clean: {}/{} pages with a byline have no 'By', date, digits, URL or site name in it ({:.1}%)",
        meta.byline_clean, meta.byline_pages, pct(meta.byline_clean, meta.byline_pages)
    );
    if std::env::var_os("NEWSPROBE_EVAL_WORST").is_some() {
        for (tp, id) in worst.iter().take(25) {
            let _ = writeln!(out, "  worst {tp:.3} {id}");
        }
    }
    Ok(out)
}

fn score_metadata(page: &Page, got: &crate::Extracted, meta: &mut MetadataScore) {
    let (text, _, _) = crate::encoding::decode(&page.html, None, Some(&page.url));
    let declared = metadata::declared(&crate::dom::parse(&text));
    if let Some(date) = &declared.published {
        meta.date_declared += 1;
        if let Some(ours) = &got.published {
            meta.date_filled += 1;
            if day(ours) == day(date) {
                meta.date_right += 1;
            }
        }
    }
    if let Some(url_day) = metadata::date_from_url(&page.url) {
        meta.date_from_url += 1;
        if let Some(ours) = &got.published {
            if metadata::days_apart(day(ours), &url_day).is_some_and(|d| d <= 1) {
                meta.date_right_vs_url += 1;
            }
        }
    }
    if !declared.authors.is_empty() {
        meta.byline_declared += 1;
        if !got.byline.is_empty() {
            meta.byline_filled += 1;
            let norm = |v: &[String]| {
                let mut s: Vec<String> = v.iter().map(|x| x.to_lowercase()).collect();
                s.sort();
                s.dedup();
                s
            };
            if norm(&got.byline) == norm(&declared.authors) {
                meta.byline_right += 1;
            } else if std::env::var_os("NEWSPROBE_EVAL_WORST").is_some() {
                eprintln!(
                    "byline {:?} declared {:?} on {}",
                    got.byline, declared.authors, page.id
                );
            }
        }
    }
    if !got.byline.is_empty()
        && declared.authors.is_empty()
        && std::env::var_os("NEWSPROBE_EVAL_WORST").is_some()
    {
        eprintln!("byline from markup {:?} on {}", got.byline, page.url);
    }
    if !got.byline.is_empty() {
        meta.byline_pages += 1;
        let site = got.site.as_deref().unwrap_or("\u{0}").to_lowercase();
        let clean = got.byline.iter().all(|name| {
            let lower = name.to_lowercase();
            !lower.starts_with("by ")
                && !name.chars().any(|c| c.is_ascii_digit())
                && !lower.contains("http")
                && !lower.contains(".com")
                && lower != site
        });
        meta.byline_clean += usize::from(clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_matches_definition() {
        let c = page_counts("one two three four five", "one two three four five");
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 0.0, 0.0));
        // 2 shingles expected; predicted has 1 of them plus 1 wrong one.
        let c = page_counts("a b c d e", "a b c d x");
        assert!((c.tp - 1.0 / 3.0).abs() < 1e-9 && (c.fp - 1.0 / 3.0).abs() < 1e-9);
        // Fewer than 4 tokens: one shingle.
        let c = page_counts("short text", "short text");
        assert_eq!(c.tp, 1.0);
        let (p, r, f1) = precision_recall_f1(&[c, page_counts("a b c d", "")]);
        assert!(
            (p - 1.0).abs() < 1e-9,
            "empty prediction has no precision term: {p}"
        );
        assert!((r - 0.5).abs() < 1e-9);
        assert!((f1 - 2.0 * 0.5 / 1.5).abs() < 1e-9);
    }

    #[test]
    fn scrapinghub_benchmark_reaches_target() {
        let data = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/extraction/scrapinghub"
        ));
        assert!(
            data.join("ground-truth.json").exists(),
            "benchmark data missing at {}: the evaluation data must be at ../shared",
            data.display()
        );
        let pages = load(data).expect("benchmark loads");
        assert_eq!(pages.len(), 181);
        let counts: Vec<Counts> = pages
            .iter()
            .map(|p| {
                let got = crate::extract(&p.html, None, Some(&p.url)).expect("page extracts");
                page_counts(&p.expected, &got.text)
            })
            .collect();
        let (_, _, f1) = precision_recall_f1(&counts);
        assert!(f1 >= 0.95, "F1 {f1:.4} below 0.95");
    }
}
