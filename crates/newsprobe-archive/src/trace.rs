//! Which earlier articles did this one draw on, and what was changed on the way?
//!
//! 1. Candidates: near-copies from the MinHash bands, plus a BM25 search for the input's names
//!    and quoted words; only articles published before the input are kept as sources.
//! 2. Each candidate is scored on how much of the input it explains: share of the input's word
//!    trigrams it holds, sentences it shares, quotations it holds, names it shares, and the
//!    cosine of content words.
//! 3. The input is aligned with its best sources quote by quote (longest common subsequence of
//!    words), descriptor by descriptor (same surname, different words before the name), setting
//!    by setting, anonymous source by anonymous source, and headline to headline; every
//!    difference becomes a [`Change`] with spans on both sides.

use std::collections::{HashMap, HashSet};

use newsprobe_core::report::ReportSpan;
use newsprobe_core::Report;
use serde::Serialize;

use crate::align::{containment, lcs, Prepared};
use crate::cues;
use crate::minhash::{shingle_hashes, Signature};
use crate::store::{signature_text, Archive, StoredArticle};
use crate::support::{best_in_sets, units, Unit, ALIGNED, UNSUPPORTED};
use crate::Error;

/// Kinds of changes of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    QuoteAltered,
    QuoteUnsourced,
    DescriptorChanged,
    SpeakerChanged,
    SettingChanged,
    SourceAdded,
    HeadlineEscalated,
    NumberChanged,
    HedgeRemoved,
    DateChanged,
    AttributionDropped,
    UnsupportedClaim,
}

/// The words a change added, removed and substituted (from the word alignment).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WordDiff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// `[source words, article words]` of each substituted run.
    pub substituted: Vec<[String; 2]>,
}

/// One difference between the input and its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub article_span: ReportSpan,
    pub source_id: Option<String>,
    pub source_span: Option<ReportSpan>,
    pub detail: String,
    /// The exact word differences, where the change is a rewording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<WordDiff>,
}

/// How well one sentence of the input is supported by the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportStatus {
    Supported,
    Altered,
    Unsupported,
}

/// One row of the support map: a sentence of the input and its best source sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportRow {
    pub sentence: ReportSpan,
    pub status: SupportStatus,
    pub source_id: Option<String>,
    pub source_span: Option<ReportSpan>,
    pub score: f64,
}

/// Why a stored article is taken for a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Share of the input's word trigrams found in the source.
    pub text_containment: f64,
    /// Sentences of the input found (mostly) in the source.
    pub shared_sentences: usize,
    /// Quotations of the input found in the source.
    pub shared_quotes: usize,
    /// Names (surnames, places) both mention.
    pub shared_names: Vec<String>,
    /// Cosine of content-word counts.
    pub cosine: f64,
    /// Estimated Jaccard similarity when the source is a near-copy.
    pub near_copy: Option<f64>,
    /// Sentences of the input this source supports (aligned, paraphrase allowed).
    pub supported_sentences: usize,
    /// Weighted share of the input's sentences this source supports.
    pub support_share: f64,
    /// People of the input (by surname, or by a role such as "Polish Prime Minister") the
    /// source names too.
    pub shared_people: usize,
}

/// How far a listed source can be taken for a source of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceConfidence {
    /// Score at least [`LIKELY_SOURCE_SCORE`], or a near-copy: on the generated rewrites of
    /// `eval trace` such a listed source is a true source (or a text holding the same
    /// sentences) 0.93 of the time.
    Likely,
    /// A scored signal, not a finding: an article that shares names, a quote or a few
    /// sentences. On the generated rewrites most of these are other reports of the same story
    /// (0.29 of all listed sources are true); a rewrite that paraphrases everything (the
    /// NATO seed case) leaves its true sources here too.
    Possible,
}

impl SourceConfidence {
    /// The name in reports (`likely`, `possible`), for the text and HTML traces.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceConfidence::Likely => "likely",
            SourceConfidence::Possible => "possible",
        }
    }
}

/// Least listed score of a `likely` source (precision 0.93 at 0.35 on `eval trace`; 0.89 at
/// 0.30, 0.82 at 0.25).
pub const LIKELY_SOURCE_SCORE: f64 = 0.35;

/// Estimated Jaccard from which an earlier near-copy is taken to carry this article's own
/// changes (a copy of the rewrite), so that changes are aligned against the original reporting
/// instead. A light rewrite of its source sits lower (0.5-0.7) and is that original.
const COPY_CARRIES_CHANGES: f64 = 0.8;

/// A ranked source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceMatch {
    pub id: String,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub score: f64,
    /// `likely` or `possible` (see [`SourceConfidence`]).
    pub confidence: SourceConfidence,
    pub evidence: Evidence,
}

/// A near-copy of the input in the archive.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearCopy {
    pub id: String,
    pub site: Option<String>,
    pub similarity: f64,
}

/// `{"id"}` of the traced article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    pub id: String,
}

/// The provenance of one article (`trace --format json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    pub article: ArticleRef,
    pub sources: Vec<SourceMatch>,
    pub near_copies: Vec<NearCopy>,
    pub changes: Vec<Change>,
    /// Per sentence of the input: supported, altered or unsupported, and by which source.
    pub support: Vec<SupportRow>,
}

/// Tuning of [`Archive::trace`].
#[derive(Debug, Clone, Copy)]
pub struct TraceOptions {
    /// Most sources listed.
    pub max_sources: usize,
    /// Least score for a listed source.
    pub min_score: f64,
    /// Least estimated Jaccard for a near-copy.
    pub near_copy_min: f64,
    /// Candidates fetched by the text search.
    pub search_candidates: usize,
}

impl Default for TraceOptions {
    fn default() -> Self {
        TraceOptions {
            max_sources: 10,
            min_score: 0.15,
            near_copy_min: 0.5,
            search_candidates: 60,
        }
    }
}

/// A search term in more articles than this names nothing in particular (read no further).
const TERM_CAP: i64 = 2000;

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Whether `a` was published before `b`: `None` when the order is unknown (a date is missing,
/// or both fall on the same day and one gives no time).
fn published_before(a: Option<&str>, b: Option<&str>) -> Option<bool> {
    let (a, b) = (a?, b?);
    let n = a.len().min(b.len());
    let (x, y) = (a.get(..n)?, b.get(..n)?);
    match x.cmp(y) {
        std::cmp::Ordering::Less => Some(true),
        std::cmp::Ordering::Greater => Some(false),
        std::cmp::Ordering::Equal if a.len() == b.len() => Some(false),
        std::cmp::Ordering::Equal => None,
    }
}

/// The words to search for: names and quoted words first, then other content words.
fn search_terms(p: &Prepared<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |w: &str, out: &mut Vec<String>| {
        if w.len() > 2
            && !crate::words::is_stop(w)
            && w.chars().all(|c| c.is_alphanumeric())
            && seen.insert(w.to_string())
        {
            out.push(w.to_string());
        }
    };
    // Names (longest first: the rarer), at most 12, then the most frequent content words, 16
    // terms in all: a BM25 query costs time in proportion to its terms' posting lists, and
    // quoted words are searched as phrases (`phrase_query`).
    let mut names: Vec<&String> = p.names.iter().collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    for n in names {
        if out.len() >= 12 {
            break;
        }
        push(n, &mut out);
    }
    let mut counts: Vec<(&str, f64)> = p.content_counts().into_iter().collect();
    counts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    // Content words only when the article names too few things to be found by its names.
    let cap = if out.len() >= 4 { out.len() } else { 8 };
    for (w, _) in counts {
        if out.len() >= cap {
            break;
        }
        push(w, &mut out);
    }
    out
}

fn cosine(
    a: &std::collections::HashMap<&str, f64>,
    b: &std::collections::HashMap<&str, f64>,
) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The people an article names: surnames of the described and quoted, and role phrases of
/// three or more capitalised words ending in a role ("Polish Prime Minister").
fn people(p: &Prepared<'_>) -> (HashSet<String>, Vec<Vec<String>>) {
    let mut keys: HashSet<String> = p.described.iter().map(|d| d.key.clone()).collect();
    for q in &p.quotes {
        if let Some(sp) = &q.speaker {
            if sp.key != "anonymous" {
                keys.insert(sp.key.clone());
            }
        }
    }
    let mut roles = Vec::new();
    let ws = &p.words;
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].capitalized {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ws.len()
            && ws[j + 1].capitalized
            && p.text.get(ws[j].end..ws[j + 1].start) == Some(" ")
        {
            j += 1;
        }
        if let Some(last) = (i..=j)
            .rev()
            .find(|&k| crate::cues::is_role_word(&ws[k].norm))
        {
            if last + 1 - i >= 3 && !crate::cues::is_role_word(&ws[i].norm) {
                roles.push(ws[i..=last].iter().map(|w| w.norm.clone()).collect());
            }
        }
        i = j + 1;
    }
    (keys, roles)
}

/// How many of the input's people the candidate names too.
fn shared_people(input: &Prepared<'_>, cand: &Prepared<'_>) -> usize {
    let (keys, roles) = people(input);
    let by_key = keys.iter().filter(|k| cand.names.contains(*k)).count();
    let norms: Vec<&str> = cand.words.iter().map(|w| w.norm.as_str()).collect();
    let by_role = roles
        .iter()
        .filter(|r| {
            norms
                .windows(r.len())
                .any(|w| w.iter().zip(r.iter()).all(|(a, b)| *a == b.as_str()))
        })
        .count();
    by_key + by_role
}

/// Scores how much of `input` the candidate explains.
fn score(
    input: &Prepared<'_>,
    in_units: &[Unit],
    cand: &Prepared<'_>,
    cand_units: &[Unit],
    near: Option<f64>,
) -> (f64, Evidence, Vec<f64>, Vec<f64>) {
    let (mut supported_w, mut total_w, mut supported_sentences) = (0.0, 0.0, 0usize);
    let mut per_unit = vec![0.0; in_units.len()];
    let mut raw = vec![0.0; in_units.len()];
    let sets = crate::support::stem_sets(cand_units);
    for (k, u) in in_units.iter().enumerate() {
        let best = best_in_sets(u, &sets);
        raw[k] = best.map_or(0.0, |b| b.0);
        if u.weight < 2.0 {
            continue;
        }
        total_w += u.weight;
        // Partial support (a sentence told in other words) counts by its share; a sentence is
        // counted as supported from ALIGNED up.
        if let Some(b) = best.filter(|b| b.0 >= UNSUPPORTED) {
            supported_w += u.weight * b.0;
            if b.0 >= ALIGNED {
                supported_sentences += 1;
            }
            // Among sources that support a sentence equally, the one holding its very words
            // (word trigrams) is the likelier origin.
            let ws: Vec<&str> = input.words[u.first..u.last]
                .iter()
                .map(|w| w.norm.as_str())
                .collect();
            let exact = containment(&ws, &cand.trigrams);
            per_unit[k] = b.0 * (0.5 + 0.5 * exact);
        }
    }
    let support_share = if total_w > 0.0 {
        supported_w / total_w
    } else {
        0.0
    };
    let norms: Vec<&str> = input.words.iter().map(|w| w.norm.as_str()).collect();
    let text_containment = containment(&norms, &cand.trigrams);
    let mut long_sentences = 0usize;
    let mut shared_sentences = 0usize;
    for &(s, e) in &input.sentences {
        let ws: Vec<&str> = input
            .words_in(s, e)
            .iter()
            .map(|w| w.norm.as_str())
            .collect();
        if ws.len() < 4 {
            continue;
        }
        long_sentences += 1;
        if containment(&ws, &cand.trigrams) >= 0.5 {
            shared_sentences += 1;
        }
    }
    let mut shared_quotes = 0usize;
    for q in &input.quotes {
        let in_quotes = cand
            .quotes
            .iter()
            .any(|c| lcs(&q.words, &c.words) as f64 >= 0.5 * q.words.len() as f64);
        if in_quotes || containment(&q.words, &cand.trigrams) >= 0.5 {
            shared_quotes += 1;
        }
    }
    let mut shared_names: Vec<String> = input.names.intersection(&cand.names).cloned().collect();
    shared_names.sort();
    let name_share = if input.names.is_empty() {
        0.0
    } else {
        shared_names.len() as f64 / input.names.len() as f64
    };
    let cos = cosine(&input.content_counts(), &cand.content_counts());
    let sent_share = if long_sentences == 0 {
        0.0
    } else {
        shared_sentences as f64 / long_sentences as f64
    };
    let quote_share = if input.quotes.is_empty() {
        0.0
    } else {
        shared_quotes as f64 / input.quotes.len() as f64
    };
    let people = shared_people(input, cand);
    let contributes = supported_sentences > 0 || shared_quotes > 0;
    let person_bonus = if people > 0 && contributes { 0.1 } else { 0.0 };
    let s = person_bonus
        + 0.45 * support_share
        + 0.1 * text_containment
        + 0.1 * sent_share
        + 0.15 * quote_share
        + 0.1 * name_share
        + 0.1 * cos;
    shared_names.truncate(12);
    (
        round3(s.clamp(0.0, 1.0)),
        Evidence {
            text_containment: round3(text_containment),
            shared_sentences,
            shared_quotes,
            shared_names,
            cosine: round3(cos),
            near_copy: near.map(round3),
            supported_sentences,
            support_share: round3(support_share),
            shared_people: people,
        },
        per_unit,
        raw,
    )
}

impl Archive {
    /// The provenance of `input` against the stored articles.
    pub fn trace(&self, input: &Report, opt: &TraceOptions) -> Result<Trace, Error> {
        let me = Prepared::new(input);
        let my_units = units(&me);
        let own_id = input.source.id.as_str();
        // Near-copies (any date).
        let hashes = shingle_hashes(&signature_text(input));
        let mut near: Vec<(i64, f64)> = if hashes.is_empty() {
            Vec::new()
        } else {
            self.near_copies(&Signature::of_hashes(&hashes), 0.3)?
        };
        let mut candidates: Vec<i64> = near.iter().map(|n| n.0).collect();
        // Text search for names and content words: each term's posting list is read alone,
        // without BM25 (which scores every row any term matches: most of the cost at 100,000
        // articles), a term found in more than `TERM_CAP` articles is too common to tell a
        // source and is dropped, and an article scores the rarity (inverse document
        // frequency) of the terms it shares; the best `search_candidates` go on.
        let terms = search_terms(&me);
        if !terms.is_empty() {
            let mut st = self
                .conn
                .prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?1 LIMIT ?2")?;
            let mut shared: HashMap<i64, f64> = HashMap::new();
            for t in &terms {
                let rows: Vec<i64> = st
                    .query_map(rusqlite::params![format!("\"{t}\""), TERM_CAP + 1], |r| {
                        r.get::<_, i64>(0)
                    })?
                    .collect::<Result<_, _>>()?;
                if rows.is_empty() || rows.len() > TERM_CAP as usize {
                    continue;
                }
                let idf = ((TERM_CAP as f64 + 1.0) / rows.len() as f64).ln();
                for r in rows {
                    *shared.entry(r).or_insert(0.0) += idf;
                }
            }
            let mut ranked: Vec<(i64, f64)> = shared.into_iter().collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
            candidates.extend(
                ranked
                    .into_iter()
                    .take(opt.search_candidates)
                    .map(|(r, _)| r),
            );
        }
        // Phrases of the quotes (a source that holds part of a quote, extended or cut, is found
        // even when its other words differ) and names with the numbers beside them.
        if let Some(q) = phrase_query(&me) {
            let mut st = self
                .conn
                .prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?1 LIMIT ?2")?;
            let rows = st.query_map(rusqlite::params![q, opt.search_candidates as i64], |r| {
                r.get::<_, i64>(0)
            })?;
            for r in rows {
                candidates.push(r?);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut loaded: Vec<StoredArticle> = Vec::new();
        for rowid in candidates {
            if let Some(a) = self.get_row(rowid)? {
                if a.id != own_id {
                    loaded.push(a);
                }
            }
        }
        near.retain(|(r, s)| *s >= opt.near_copy_min && loaded.iter().any(|a| a.rowid == *r));
        let near_copies: Vec<NearCopy> = near
            .iter()
            .filter_map(|(r, s)| {
                loaded.iter().find(|a| a.rowid == *r).map(|a| NearCopy {
                    id: a.id.clone(),
                    site: a.site.clone(),
                    similarity: round3(*s),
                })
            })
            .collect();
        let published = input.metadata.published.as_deref();
        let mut scored: Vec<(f64, Evidence, &StoredArticle)> = Vec::new();
        let mut vectors: Vec<Vec<f64>> = Vec::new();
        // Each input sentence's best support in any earlier candidate (pool or not).
        let mut raw_best = vec![0.0f64; my_units.len()];
        for a in &loaded {
            let nc = near.iter().find(|n| n.0 == a.rowid).map(|n| n.1);
            // A near-copy of unknown order is listed as a near-copy, not as a source.
            match published_before(a.published.as_deref(), published) {
                Some(true) => {}
                Some(false) => continue,
                None if nc.is_some_and(|s| s >= opt.near_copy_min) => continue,
                None => {}
            }
            let p = Prepared::new(&a.report);
            let pu = units(&p);
            let (s, ev, v, raw) = score(&me, &my_units, &p, &pu, nc);
            for (rb, x) in raw_best.iter_mut().zip(&raw) {
                *rb = rb.max(*x);
            }
            // A source that names the same person and supports a sentence or quote is kept even
            // when the rewrite told everything else in other words.
            let same_person =
                ev.shared_people > 0 && (ev.supported_sentences > 0 || ev.shared_quotes > 0);
            if s >= opt.min_score || same_person {
                scored.push((s, ev, a));
                vectors.push(v);
            }
        }
        let scored = rank_by_contribution(scored, &vectors, &my_units, opt.max_sources);
        // Changes are found against the original reporting: an earlier near-copy of this
        // article carries the same changes, so it is aligned with only when nothing else is.
        let is_copy = |s: &(f64, Evidence, &StoredArticle)| {
            s.1.near_copy.is_some_and(|x| x >= COPY_CARRIES_CHANGES)
        };
        let originals: Vec<&(f64, Evidence, &StoredArticle)> =
            scored.iter().filter(|s| !is_copy(s)).collect();
        let upstream = if originals.is_empty() {
            scored.iter().collect()
        } else {
            originals
        };
        let pool: Vec<(&StoredArticle, Prepared<'_>)> = upstream
            .into_iter()
            .enumerate()
            .filter(|(i, s)| {
                (s.0 >= 0.25 || *i == 0 || s.1.shared_people > 0)
                    && (s.1.supported_sentences > 0 || s.1.shared_quotes > 0 || *i == 0)
            })
            .take(5)
            .map(|(_, s)| (s.2, Prepared::new(&s.2.report)))
            .collect();
        let pool_units: Vec<Vec<Unit>> = pool.iter().map(|(_, p)| units(p)).collect();
        let mut changes = changes(&me, &pool);
        let aligned = crate::typed::align_all(&me, &my_units, &pool, &pool_units);
        crate::typed::typed_changes(&me, &my_units, &aligned, &pool, &raw_best, &mut changes);
        crate::typed::former_changes(&me, &pool, &mut changes);
        crate::typed::nationality_changes(&me, &pool, &mut changes);
        // One descriptor change per place: the "former" rule and the name rule may both see it.
        let mut seen_spans = HashSet::new();
        changes.retain(|c| {
            c.kind != ChangeKind::DescriptorChanged
                || seen_spans.insert((c.article_span.start, c.article_span.end))
        });
        changes.sort_by_key(|c| (c.article_span.field, c.article_span.start, c.kind as u8));
        let support = crate::typed::support_rows(&me, &my_units, &aligned, &pool, &changes);
        Ok(Trace {
            article: ArticleRef {
                id: input.source.id.clone(),
            },
            sources: scored
                .into_iter()
                .map(|(s, ev, a)| SourceMatch {
                    id: a.id.clone(),
                    site: a.site.clone(),
                    url: a.url.clone(),
                    published: a.published.clone(),
                    score: s,
                    confidence: if s >= LIKELY_SOURCE_SCORE
                        || ev.near_copy.is_some_and(|x| x >= opt.near_copy_min)
                    {
                        SourceConfidence::Likely
                    } else {
                        SourceConfidence::Possible
                    },
                    evidence: ev,
                })
                .collect(),
            near_copies,
            changes,
            support,
        })
    }
}

/// Orders candidates greedily by what each adds to the sentences already explained: the best
/// source first, then the one that supports most of what remains, and so on; a same-story
/// article that supports nothing the earlier ones did not falls below every one that did. The
/// score shown blends the candidate's own score with its share of the input it explains first,
/// and never rises down the list.
fn rank_by_contribution<'a>(
    scored: Vec<(f64, Evidence, &'a StoredArticle)>,
    vectors: &[Vec<f64>],
    units: &[Unit],
    max: usize,
) -> Vec<(f64, Evidence, &'a StoredArticle)> {
    let total: f64 = units
        .iter()
        .filter(|u| u.weight >= 2.0)
        .map(|u| u.weight)
        .sum::<f64>()
        .max(1e-9);
    let mut covered = vec![0.0f64; units.len()];
    let mut left: Vec<usize> = (0..scored.len()).collect();
    let mut order: Vec<(usize, f64)> = Vec::new();
    while !left.is_empty() && order.len() < max {
        let gain = |c: usize, covered: &[f64]| -> f64 {
            vectors[c]
                .iter()
                .zip(covered)
                .zip(units)
                .map(|((v, cv), u)| (v - cv).max(0.0) * u.weight)
                .sum::<f64>()
                / total
        };
        let (pos, g) = left
            .iter()
            .enumerate()
            .map(|(pos, &c)| (pos, gain(c, &covered)))
            .max_by(|a, b| {
                // Real gains first, by size; then (and among the rest) the better own score.
                let (ga, gb) = (a.1 > 0.02, b.1 > 0.02);
                ga.cmp(&gb)
                    .then_with(|| {
                        if ga && gb {
                            a.1.total_cmp(&b.1)
                        } else {
                            std::cmp::Ordering::Equal
                        }
                    })
                    .then_with(|| scored[left[a.0]].0.total_cmp(&scored[left[b.0]].0))
                    .then_with(|| scored[left[b.0]].2.id.cmp(&scored[left[a.0]].2.id))
            })
            .unwrap_or((0, 0.0));
        let c = left.remove(pos);
        for (cv, v) in covered.iter_mut().zip(&vectors[c]) {
            *cv = cv.max(*v);
        }
        order.push((c, g));
    }
    let mut slots: Vec<Option<(f64, Evidence, &'a StoredArticle)>> =
        scored.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(order.len());
    let mut ceiling = 1.0f64;
    for (c, g) in order {
        if let Some((s, ev, a)) = slots[c].take() {
            let shown = round3((0.5 * s + 0.5 * g.min(1.0)).min(ceiling));
            ceiling = shown;
            out.push((shown, ev, a));
        }
    }
    out
}

/// An FTS5 query for the input's quote phrases (first, middle and last four words of each
/// quote) and its names beside its numbers; `None` when the input has neither.
fn phrase_query(p: &Prepared<'_>) -> Option<String> {
    let clean = |ws: &[String]| -> Option<String> {
        let parts: Vec<String> = ws
            .iter()
            .map(|w| {
                w.chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect::<String>()
            })
            .collect();
        let j = parts.join(" ");
        let j = j.split_whitespace().collect::<Vec<_>>().join(" ");
        (!j.is_empty()).then(|| format!("\"{j}\""))
    };
    let mut parts: Vec<String> = Vec::new();
    for q in &p.quotes {
        let n = q.words.len();
        if n < 4 {
            continue;
        }
        for at in [0, n / 2 - 2.min(n / 2), n - 4] {
            if let Some(c) = clean(&q.words[at..at + 4]) {
                parts.push(c);
            }
        }
    }
    // A name and a number of one sentence.
    for &(s, e) in &p.sentences {
        let ws = p.words_in(s, e);
        let nums: Vec<&str> = ws
            .iter()
            .filter(|w| w.norm.len() > 1 && w.norm.chars().all(|c| c.is_ascii_digit()))
            .map(|w| w.norm.as_str())
            .collect();
        let names: Vec<&str> = ws
            .iter()
            .filter(|w| p.names.contains(&w.norm) && w.norm.chars().all(|c| c.is_alphanumeric()))
            .map(|w| w.norm.as_str())
            .collect();
        if let (Some(n), Some(m)) = (names.last(), nums.first()) {
            parts.push(format!("(\"{n}\" AND \"{m}\")"));
        }
    }
    parts.sort();
    parts.dedup();
    parts.truncate(40);
    (!parts.is_empty()).then(|| parts.join(" OR "))
}

/// `text[start..end]`, or "" when the range is not a valid slice.
fn cut(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

fn quoted(s: &str) -> String {
    format!("“{}”", s.trim())
}

/// Every change of `input` against the source pool (best source first).
pub fn changes(input: &Prepared<'_>, pool: &[(&StoredArticle, Prepared<'_>)]) -> Vec<Change> {
    let mut out = Vec::new();
    if pool.is_empty() {
        return out;
    }
    quote_changes(input, pool, &mut out);
    descriptor_changes(input, pool, &mut out);
    setting_changes(input, &crate::support::units(input), pool, &mut out);
    source_added(input, pool, &mut out);
    headline_escalated(input, pool, &mut out);
    out.sort_by_key(|c| (c.article_span.field, c.article_span.start, c.kind as u8));
    out
}

/// The best fusion of two quotes of one source: `(lcs, pool index, first, second)`.
fn best_fusion(
    q: &[String],
    pool: &[(&StoredArticle, Prepared<'_>)],
) -> Option<(usize, usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize, usize)> = None;
    for (pi, (_, p)) in pool.iter().enumerate() {
        let useful: Vec<usize> = (0..p.quotes.len())
            .filter(|&i| lcs(q, &p.quotes[i].words) >= 2)
            .collect();
        for (x, &i) in useful.iter().enumerate() {
            for &j in &useful[x + 1..] {
                let joined: Vec<&String> =
                    p.quotes[i].words.iter().chain(&p.quotes[j].words).collect();
                let l = lcs(q, &joined);
                if best.is_none_or(|b| l > b.0) {
                    best = Some((l, pi, i, j));
                }
            }
        }
    }
    best
}

fn quote_changes(
    input: &Prepared<'_>,
    pool: &[(&StoredArticle, Prepared<'_>)],
    out: &mut Vec<Change>,
) {
    for q in &input.quotes {
        let n = q.words.len();
        // Best single source quote by LCS.
        let mut best: Option<(usize, usize, usize)> = None; // (lcs, pool index, quote index)
        for (pi, (_, p)) in pool.iter().enumerate() {
            for (qi, c) in p.quotes.iter().enumerate() {
                let l = lcs(&q.words, &c.words);
                if best.is_none_or(|b| l > b.0) {
                    best = Some((l, pi, qi));
                }
            }
        }
        let article_span = input.span(q.start, q.end);
        let here = cut(input.text, q.start, q.end);
        let single = best.map_or(0, |b| b.0);
        if single < n {
            if let Some((l, pi, i, j)) = best_fusion(&q.words, pool) {
                if l as f64 >= 0.8 * n as f64 && l >= single + 2 {
                    let (src, p) = &pool[pi];
                    let (a, b) = (&p.quotes[i], &p.quotes[j]);
                    out.push(Change {
                        words: None,
                        kind: ChangeKind::QuoteAltered,
                        article_span,
                        source_id: Some(src.id.clone()),
                        source_span: Some(p.span(a.start, b.end)),
                        detail: format!(
                            "fused from two quotes: {} + {}; here: {}",
                            quoted(cut(p.text, a.start, a.end)),
                            quoted(cut(p.text, b.start, b.end)),
                            quoted(here)
                        ),
                    });
                    continue;
                }
            }
        }
        match best {
            Some((l, pi, qi)) if l as f64 >= 0.5 * n as f64 => {
                let (src, p) = &pool[pi];
                let c = &p.quotes[qi];
                let there = cut(p.text, c.start, c.end);
                // A faithful excerpt of a longer quote is not an alteration.
                let excerpt = c.words.windows(n).any(|w| w == q.words.as_slice());
                if c.words != q.words && !excerpt {
                    let wd = crate::support::word_diff(&q.words, &c.words);
                    let list = |v: &[String]| v.join(" | ");
                    let subs: Vec<String> = wd
                        .substituted
                        .iter()
                        .map(|[a, b]| format!("{a} → {b}"))
                        .collect();
                    out.push(Change {
                        kind: ChangeKind::QuoteAltered,
                        article_span: article_span.clone(),
                        source_id: Some(src.id.clone()),
                        source_span: Some(p.span(c.start, c.end)),
                        detail: format!(
                            "source: {}; here: {}; added: [{}]; removed: [{}]; substituted: [{}]",
                            quoted(there),
                            quoted(here),
                            list(&wd.added),
                            list(&wd.removed),
                            subs.join(" | ")
                        ),
                        words: Some(wd),
                    });
                }
                // The same words attributed to someone else: not a quote that merely shares a
                // few words with another speaker's.
                // (A title or a scare quote of two or three words is nobody's statement.)
                let same_words =
                    n >= 4 && l as f64 >= 0.8 * n as f64 && l as f64 >= 0.6 * c.words.len() as f64;
                if let (Some(a), Some(b)) = (&q.speaker, &c.speaker) {
                    // A swap only when neither sentence still names the other speaker (else
                    // the attribution was read differently, not changed).
                    let sentence_words = |p: &Prepared<'_>, at: usize| -> HashSet<String> {
                        p.sentences
                            .iter()
                            .filter(|(s, e)| *s <= at && at < *e)
                            .flat_map(|(s, e)| p.words_in(*s, *e).iter())
                            .map(|w| w.norm.trim_end_matches("'s").to_string())
                            .collect()
                    };
                    let here_words = sentence_words(input, q.start);
                    let there_words = sentence_words(p, c.start);
                    let crossed = here_words.contains(&b.key) || there_words.contains(&a.key);
                    // Both must be named people: a pronoun's person is inferred, and a place
                    // or a day read as the speaker is no evidence of a swap.
                    let person = |p: &Prepared<'_>, sp: &crate::align::Speaker| {
                        let t = cut(p.text, sp.start, sp.end);
                        let caps: Vec<&str> = t
                            .split_whitespace()
                            .filter(|w| w.starts_with(char::is_uppercase))
                            .collect();
                        sp.key != "anonymous"
                            && !caps.is_empty()
                            && !crate::words::is_stop(&sp.key)
                            && !crate::words::is_stop(&t.trim().to_lowercase())
                            && !crate::support::is_weekday_or_month(&sp.key)
                    };
                    let named = person(input, a) && person(p, b);
                    if a.key != b.key && same_words && !crossed && named {
                        out.push(Change {
                            words: None,
                            kind: ChangeKind::SpeakerChanged,
                            article_span: input.span(a.start, a.end),
                            source_id: Some(src.id.clone()),
                            source_span: Some(p.span(b.start, b.end)),
                            detail: format!(
                                "{} is attributed to {:?} here, to {:?} in the source",
                                quoted(here),
                                cut(input.text, a.start, a.end),
                                cut(p.text, b.start, b.end)
                            ),
                        });
                    }
                }
            }
            _ => {
                // Reported speech in a source that became a quotation is still sourced.
                let in_text = pool
                    .iter()
                    .any(|(_, p)| containment(&q.words, &p.trigrams) >= 0.6);
                if !in_text {
                    out.push(Change {
                        words: None,
                        kind: ChangeKind::QuoteUnsourced,
                        article_span,
                        source_id: None,
                        source_span: None,
                        detail: format!("{} appears in none of the sources", quoted(here)),
                    });
                }
            }
        }
    }
}

const NATION_WORDS: &[&str] = &[
    "american",
    "u.s",
    "us",
    "italian",
    "russian",
    "polish",
    "british",
    "french",
    "german",
    "chinese",
    "ukrainian",
    "belgian",
    "spanish",
    "turkish",
    "iranian",
    "israeli",
    "canadian",
    "dutch",
    "swedish",
    "finnish",
    "norwegian",
    "japanese",
    "indian",
];

fn descriptor_changes(
    input: &Prepared<'_>,
    pool: &[(&StoredArticle, Prepared<'_>)],
    out: &mut Vec<Change>,
) {
    let mut reported: HashSet<(String, String)> = HashSet::new();
    for d in &input.described {
        let mut first_other: Option<(usize, usize)> = None;
        let mut same = false;
        for (pi, (_, p)) in pool.iter().enumerate() {
            for (di, s) in p.described.iter().enumerate() {
                if s.key != d.key {
                    continue;
                }
                let theirs: HashSet<&str> = s.norm.split(' ').collect();
                let mine: HashSet<&str> = d.norm.split(' ').collect();
                // Only a difference in what the person is counts: a role, a nationality,
                // "former"; other words reworded ("city police" / "town police") do not.
                let telling = |w: &&str| {
                    cues::is_role_word(w)
                        || matches!(*w, "former" | "ex" | "acting" | "retired" | "deputy")
                        || NATION_WORDS.contains(w)
                };
                let differs = mine.symmetric_difference(&theirs).any(telling);
                let both_tell = mine.iter().any(telling) && theirs.iter().any(telling);
                if d.norm.split(' ').all(|w| theirs.contains(w) || w == "the")
                    || !differs
                    || !both_tell
                {
                    same = true;
                } else {
                    // The fullest description in the best source that has one.
                    let better = match first_other {
                        None => true,
                        Some((bp, bd)) => {
                            bp == pi && pool[bp].1.described[bd].norm.len() < s.norm.len()
                        }
                    };
                    if better {
                        first_other = Some((pi, di));
                    }
                }
            }
        }
        if same {
            continue;
        }
        if let Some((pi, di)) = first_other {
            if !reported.insert((d.key.clone(), d.norm.clone())) {
                continue;
            }
            let (src, p) = &pool[pi];
            let s = &p.described[di];
            out.push(Change {
                words: None,
                kind: ChangeKind::DescriptorChanged,
                article_span: input.span(d.start, d.end),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(s.start, s.end)),
                detail: format!(
                    "{:?} is described as {:?} here, as {:?} in the source",
                    d.key,
                    cut(input.text, d.start, d.end),
                    cut(p.text, s.start, s.end)
                ),
            });
        }
    }
}

fn setting_changes(
    input: &Prepared<'_>,
    my_units: &[Unit],
    pool: &[(&StoredArticle, Prepared<'_>)],
    out: &mut Vec<Change>,
) {
    let mine = cues::settings(&input.words);
    let mine_names: HashSet<&str> = mine.iter().map(|h| h.phrase).collect();
    for h in &mine {
        let in_sources = pool.iter().any(|(_, p)| {
            cues::settings(&p.words)
                .iter()
                .any(|s| s.phrase == h.phrase)
        });
        if in_sources {
            continue;
        }
        // The setting of the source sentence closest to this one (the words around the
        // setting), among the settings this article dropped.
        let at = input.words[h.first].start;
        let unit = my_units.iter().find(|u| u.start <= at && at < u.end);
        let mut replaced = None;
        let mut best = -1.0f64;
        for (src, p) in pool.iter() {
            let pu = crate::support::units(p);
            for st in cues::settings(&p.words) {
                // A setting this sentence of the article keeps is no replacement.
                let here = unit.map_or(mine_names.contains(st.phrase), |u| {
                    mine.iter().any(|m| {
                        m.phrase == st.phrase
                            && (u.first..u.last.max(u.first + 1)).contains(&m.first)
                    })
                });
                if here {
                    continue;
                }
                let pos = p.words[st.first].start;
                let closeness = match (unit, pu.iter().find(|u| u.start <= pos && pos < u.end)) {
                    (Some(u), Some(v)) => {
                        crate::support::share(u, &v.stems.iter().map(|x| x.0.as_str()).collect())
                    }
                    _ => 0.0,
                };
                if closeness > best {
                    best = closeness;
                    replaced = Some((src, p, st));
                }
            }
        }
        let Some((src, p, s)) = replaced else {
            // No source gives a setting to replace: a setting added to a sentence a source
            // tells without one ("Berg said." → "Berg said in a closed-door meeting.").
            let Some(u) = unit else { continue };
            let mut best: Option<(f64, usize, usize)> = None;
            for (pi, (_, p)) in pool.iter().enumerate() {
                let pu = crate::support::units(p);
                if let Some((sc, k, _)) = crate::support::best_in(u, &pu) {
                    if best.is_none_or(|b| sc > b.0) {
                        best = Some((sc, pi, k));
                    }
                }
            }
            let Some((sc, pi, k)) = best.filter(|b| b.0 >= crate::support::ALIGNED) else {
                continue;
            };
            let (src, p) = &pool[pi];
            let v = &crate::support::units(p)[k];
            let t = cut(p.text, v.start, v.end);
            let lead = t.len() - t.trim_start().len();
            let (vs, ve) = (v.start + lead, v.start + lead + t.trim().len());
            let (a, b) = (&input.words[h.first], &input.words[h.last]);
            out.push(Change {
                words: Some(crate::trace::WordDiff {
                    added: vec![cut(input.text, a.start, b.end).to_string()],
                    ..Default::default()
                }),
                kind: ChangeKind::SettingChanged,
                article_span: input.span(a.start, b.end),
                source_id: Some(src.id.clone()),
                source_span: Some(p.span(vs, ve)),
                detail: format!(
                    "{:?} here; the source sentence (support {sc:.2}) gives no setting: {:?}",
                    h.phrase,
                    t.trim()
                ),
            });
            continue;
        };
        let (a, b) = (&input.words[h.first], &input.words[h.last]);
        let (c, d) = (&p.words[s.first], &p.words[s.last]);
        out.push(Change {
            words: None,
            kind: ChangeKind::SettingChanged,
            article_span: input.span(a.start, b.end),
            source_id: Some(src.id.clone()),
            source_span: Some(p.span(c.start, d.end)),
            detail: format!("{:?} here, {:?} in the source", h.phrase, s.phrase),
        });
    }
}

fn source_added(
    input: &Prepared<'_>,
    pool: &[(&StoredArticle, Prepared<'_>)],
    out: &mut Vec<Change>,
) {
    let sources_have_anonymous = pool.iter().any(|(_, p)| {
        !cues::anonymous(&p.words).is_empty()
            || p.report
                .quotes
                .iter()
                .any(|q| q.source.kind == newsprobe_core::SourceType::Anonymous)
    });
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for h in cues::anonymous(&input.words) {
        let phrase_in_source = pool.iter().any(|(_, p)| {
            cues::anonymous(&p.words)
                .iter()
                .any(|s| s.phrase == h.phrase)
        });
        if phrase_in_source {
            continue;
        }
        // "according to a government source": the cue belongs to the span.
        let mut first = h.first;
        if first >= 2
            && input.words[first - 2].norm == "according"
            && input.words[first - 1].norm == "to"
        {
            first -= 2;
        }
        spans.push((
            input.words[first].start,
            input.words[h.last].end,
            h.phrase.to_string(),
        ));
    }
    for q in &input.report.quotes {
        if q.source.kind == newsprobe_core::SourceType::Anonymous && !sources_have_anonymous {
            if let Some(m) = &q.source.mention {
                let ci = newsprobe_core::report::CharIndex::new(input.text);
                let (a, b) = (ci.byte_offset(m.start), ci.byte_offset(m.end));
                spans.push((a, b, m.text.clone()));
            }
        }
    }
    spans.sort();
    // Phrases of one description ("a senior official who spoke on condition of anonymity")
    // become one change.
    let mut merged: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for (a, b, phrase) in spans {
        match merged.last_mut() {
            Some(m) if a < m.1 => {}
            Some(m)
                if input.text.get(m.1..a).is_some_and(|gap| {
                    let g = gap.trim();
                    g.is_empty() || g == "who" || g == "," || g == ", who"
                }) =>
            {
                m.1 = b;
                m.2.push(phrase);
            }
            _ => merged.push((a, b, vec![phrase])),
        }
    }
    for (a, b, phrases) in merged {
        out.push(Change {
            words: None,
            kind: ChangeKind::SourceAdded,
            article_span: input.span(a, b),
            source_id: pool.first().map(|(s, _)| s.id.clone()),
            source_span: None,
            detail: format!(
                "anonymous sourcing ({}) that none of the sources has",
                phrases.join(", ")
            ),
        });
    }
}

fn headline_escalated(
    input: &Prepared<'_>,
    pool: &[(&StoredArticle, Prepared<'_>)],
    out: &mut Vec<Change>,
) {
    if input.title_words.is_empty() {
        return;
    }
    let Some((src, p)) = pool.iter().find(|(_, p)| !p.title_words.is_empty()) else {
        return;
    };
    let theirs: HashSet<&str> = cues::escalation(&p.title_words)
        .iter()
        .map(|h| h.phrase)
        .collect();
    let source_words: HashSet<&str> = p.words.iter().map(|w| w.norm.as_str()).collect();
    let mut new_hits = Vec::new();
    for h in cues::escalation(&input.title_words) {
        if !theirs.contains(h.phrase) {
            new_hits.push(h);
        }
    }
    // Shouting: an exclamation mark or a word in capitals the source headline did not have.
    let shouting = |t: &str| {
        t.contains('!')
            || t.split_whitespace()
                .any(|w| w.len() > 3 && w.chars().all(|c| c.is_uppercase()))
    };
    let cb_gap = input.report.framing.headline.clickbait.probability
        - p.report.framing.headline.clickbait.probability;
    let newly_shouting = shouting(input.title) && !shouting(p.title);
    if new_hits.is_empty() && !newly_shouting && cb_gap < 0.4 {
        return;
    }
    let (s, e) = match new_hits.first() {
        Some(h) => (
            input.title_words[h.first].start,
            input.title_words[h.last].end,
        ),
        None => (0, input.title.len()),
    };
    let new_words: Vec<&str> = new_hits.iter().map(|h| h.phrase).collect();
    let unsupported: Vec<&str> = new_words
        .iter()
        .copied()
        .filter(|w| !source_words.contains(w))
        .collect();
    out.push(Change {
        words: None,
        kind: ChangeKind::HeadlineEscalated,
        article_span: input.title_span(s, e),
        source_id: Some(src.id.clone()),
        source_span: Some(p.title_span(0, p.title.len())),
        detail: format!(
            "headline {:?} against the source's {:?}: adds [{}]{}",
            input.title,
            p.title,
            new_words.join(", "),
            if unsupported.is_empty() {
                String::new()
            } else {
                format!(" (not in the source's text: {})", unsupported.join(", "))
            }
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plain_report;
    use newsprobe_core::{Field, Quote, QuoteKind, QuoteSource, SourceType};

    #[test]
    fn publication_order() {
        let p = |a, b| published_before(Some(a), Some(b));
        assert_eq!(p("2026-02-10", "2026-02-11T06:00:00Z"), Some(true));
        assert_eq!(p("2026-02-12", "2026-02-11"), Some(false));
        assert_eq!(
            p("2026-02-11T05:00:00Z", "2026-02-11T06:00:00Z"),
            Some(true)
        );
        assert_eq!(p("2026-02-11T05:00:00Z", "2026-02-11"), None);
        assert_eq!(p("2026-02-11", "2026-02-11"), Some(false));
        assert_eq!(published_before(None, Some("2026-02-11")), None);
    }

    #[test]
    fn broken_reports_never_panic() {
        let mut a = Archive::in_memory().unwrap();
        let text = "Łódź – “zażółć gęślą jaźń,” powiedział Jan Kowalski. “Tak” i „nie“.";
        let mut bad = plain_report("bad", None, Some("???"), Some("Łódź!"), text);
        for (start, end, field) in [
            (40, 3, Field::Text),
            (2, 900, Field::Text),
            (1, 4, Field::Title),
        ] {
            bad.quotes.push(Quote {
                span: ReportSpan {
                    start,
                    end,
                    text: "x".into(),
                    field,
                },
                kind: QuoteKind::Direct,
                cue: None,
                source: QuoteSource::new(
                    Some("Jan Kowalski".into()),
                    SourceType::Anonymous,
                    Some(ReportSpan {
                        start: 3,
                        end: 1,
                        text: String::new(),
                        field: Field::Title,
                    }),
                    None,
                ),
            });
        }
        a.ingest(&[bad.clone(), plain_report("empty", None, None, None, "")])
            .unwrap();
        let mut input = bad.clone();
        input.source.id = "input".into();
        input.metadata.title = Some("ŁÓDŹ SHOCK: war!".into());
        let t = a.trace(&input, &TraceOptions::default()).unwrap();
        assert_eq!(t.article.id, "input");
        let t = a
            .trace(
                &plain_report("e", None, None, None, ""),
                &TraceOptions::default(),
            )
            .unwrap();
        assert!(t.sources.is_empty() && t.changes.is_empty());
    }
}
