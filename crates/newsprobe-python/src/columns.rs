//! Reports as columns, for the Spark job: the articles' summary columns and the rows of each
//! child table (quotes, sources, entities, descriptors, findings, evidence, framing spans) as
//! flat column lists with the index of their parent row, plus MinHash signatures and band keys as
//! packed little-endian bytes. Built in Rust without the GIL; Python turns them into Arrow
//! arrays column by column (no per-row Python work). On request, also the report as JSON, the
//! sorted 32-bit shingle hashes (for exact Jaccard of near-copy candidates) and the terms the
//! same-story clusterer weighs (64-bit term hashes with their counts), all packed.

use std::collections::HashMap;

use newsprobe_archive::clusters::{story_doc, story_terms};
use newsprobe_archive::minhash::{hash_bytes, shingle_hashes, Signature, BANDS, HASHES};
use newsprobe_archive::store::signature_text;
use newsprobe_core::{Report, Severity, SourceType};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use serde::Serialize;

/// One column of values.
pub enum Col {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<bool>),
}

/// A table as named columns, filled row by row.
#[derive(Default)]
pub struct Table {
    cols: Vec<(&'static str, Col)>,
}

impl Table {
    fn col(&mut self, name: &'static str, make: fn() -> Col) -> &mut Col {
        let i = match self.cols.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                self.cols.push((name, make()));
                self.cols.len() - 1
            }
        };
        &mut self.cols[i].1
    }
    fn s(&mut self, name: &'static str, v: Option<String>) {
        if let Col::Str(c) = self.col(name, || Col::Str(Vec::new())) {
            c.push(v);
        }
    }
    fn i(&mut self, name: &'static str, v: Option<i64>) {
        if let Col::Int(c) = self.col(name, || Col::Int(Vec::new())) {
            c.push(v);
        }
    }
    fn f(&mut self, name: &'static str, v: Option<f64>) {
        if let Col::Float(c) = self.col(name, || Col::Float(Vec::new())) {
            c.push(v);
        }
    }
    fn b(&mut self, name: &'static str, v: bool) {
        if let Col::Bool(c) = self.col(name, || Col::Bool(Vec::new())) {
            c.push(v);
        }
    }

    pub fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, col) in &self.cols {
            match col {
                Col::Str(v) => d.set_item(name, PyList::new(py, v)?)?,
                Col::Int(v) => d.set_item(name, PyList::new(py, v)?)?,
                Col::Float(v) => d.set_item(name, PyList::new(py, v)?)?,
                Col::Bool(v) => d.set_item(name, PyList::new(py, v)?)?,
            }
        }
        Ok(d)
    }
}

/// The serde name of a unit enum value ("named", "alert", "discuss").
fn name<T: Serialize>(t: &T) -> Option<String> {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

fn field_name(f: newsprobe_core::Field) -> Option<String> {
    name(&f)
}

/// Every table of a batch of analysis outcomes.
#[derive(Default)]
pub struct Columns {
    pub articles: Table,
    pub quotes: Table,
    pub sources: Table,
    pub entities: Table,
    pub descriptors: Table,
    pub findings: Table,
    pub evidence: Table,
    pub framing: Table,
    pub signatures: Vec<u8>,
    pub bands: Vec<u8>,
    pub has_signature: Vec<bool>,
    /// What to add beyond the summary, child rows and signatures.
    pub opts: Extras,
    /// Sorted, distinct 32-bit shingle hashes (little-endian u32), `shingle_counts` an article.
    pub shingles: Vec<u8>,
    pub shingle_counts: Vec<u32>,
    /// Story terms: 62-bit term hashes, shifted left one bit with the lowest set for an anchor
    /// (little-endian i64), and their counts (little-endian f32), `story_counts` an article.
    pub story_terms: Vec<u8>,
    pub story_weights: Vec<u8>,
    pub story_counts: Vec<u32>,
}

/// Optional outputs of [`Columns`].
#[derive(Clone, Copy)]
pub struct Extras {
    /// The report as the CLI's `jsonl` line (`articles["report"]`).
    pub reports: bool,
    /// The shingle hashes.
    pub shingles: bool,
    /// The story terms.
    pub stories: bool,
}

impl Default for Extras {
    fn default() -> Self {
        Extras {
            reports: true,
            shingles: false,
            stories: false,
        }
    }
}

impl Columns {
    /// Adds one outcome: a report, or an error message (a row with only `error`).
    pub fn push(&mut self, outcome: Result<Report, String>) {
        let a = &mut self.articles;
        let r = match outcome {
            Ok(r) => r,
            Err(m) => {
                a.s("error", Some(m));
                for c in [
                    "id",
                    "path",
                    "url",
                    "title",
                    "published",
                    "site",
                    "language",
                    "byline",
                ] {
                    a.s(c, None);
                }
                for c in [
                    "words",
                    "sentences",
                    "entities",
                    "quotes",
                    "sources_named",
                    "sources_anonymous",
                    "sources_unnamed",
                    "sources_vague",
                    "unattributed_quotes",
                    "framing_spans",
                    "findings",
                    "alerts",
                ] {
                    a.i(c, None);
                }
                a.f("anonymous_quoted_word_share", None);
                a.f("clickbait_probability", None);
                a.s("headline_stance", None);
                a.s("finding_kinds", None);
                if self.opts.reports {
                    a.s("report", None);
                }
                self.signatures.extend([0u8; HASHES * 4]);
                self.bands.extend([0u8; BANDS * 8]);
                self.has_signature.push(false);
                self.shingle_counts.push(0);
                self.story_counts.push(0);
                return;
            }
        };
        let row = self.has_signature.len() as i64;
        let count = |t: SourceType| r.sources.iter().filter(|s| s.kind == t).count() as i64;
        let share = r.weak_quoted_word_share();
        let kinds = r.finding_kinds();
        a.s("error", None);
        a.s("id", Some(r.source.id.clone()));
        a.s("path", r.source.path.clone());
        a.s("url", r.source.url.clone());
        a.s("title", r.metadata.title.clone());
        a.s("published", r.metadata.published.clone());
        a.s("site", r.metadata.site.clone());
        a.s("language", r.metadata.language.clone());
        a.s("byline", Some(r.metadata.byline.join("; ")));
        a.i("words", Some(r.text.split_whitespace().count() as i64));
        a.i("sentences", Some(r.sentences.len() as i64));
        a.i("entities", Some(r.entities.len() as i64));
        a.i("quotes", Some(r.quotes.len() as i64));
        a.i("sources_named", Some(count(SourceType::Named)));
        a.i("sources_anonymous", Some(count(SourceType::Anonymous)));
        a.i("sources_unnamed", Some(count(SourceType::Unnamed)));
        a.i("sources_vague", Some(count(SourceType::Vague)));
        a.i(
            "unattributed_quotes",
            Some(
                r.quotes
                    .iter()
                    .filter(|q| q.source.kind == SourceType::Unattributed)
                    .count() as i64,
            ),
        );
        a.i("framing_spans", Some(r.framing.spans.len() as i64));
        a.i("findings", Some(r.findings.len() as i64));
        a.i(
            "alerts",
            Some(
                r.findings
                    .iter()
                    .filter(|f| f.severity == Severity::Alert)
                    .count() as i64,
            ),
        );
        a.f("anonymous_quoted_word_share", Some(share));
        a.f(
            "clickbait_probability",
            Some(f64::from(r.framing.headline.clickbait.probability)),
        );
        a.s(
            "headline_stance",
            r.framing
                .headline_support
                .as_ref()
                .and_then(|h| name(&h.stance)),
        );
        a.s("finding_kinds", Some(kinds.join(" ")));
        // The report as the CLI's `--format jsonl` writes it.
        if self.opts.reports {
            a.s(
                "report",
                serde_json::to_value(&r)
                    .ok()
                    .and_then(|v| serde_json::to_string(&v).ok()),
            );
        }
        // The archive's signature of the article (title, newline, text).
        let hashes = shingle_hashes(&signature_text(&r));
        if self.opts.shingles {
            let mut low: Vec<u32> = hashes.iter().map(|h| *h as u32).collect();
            low.sort_unstable();
            low.dedup();
            self.shingle_counts.push(low.len() as u32);
            for h in low {
                self.shingles.extend(h.to_le_bytes());
            }
        } else {
            self.shingle_counts.push(0);
        }
        if self.opts.stories {
            let (content, anchors) = story_terms(&story_doc(&r));
            let mut counts: HashMap<&str, f32> = HashMap::new();
            for t in content.iter().chain(&anchors) {
                *counts.entry(t.as_str()).or_insert(0.0) += 1.0;
            }
            let mut terms: Vec<(i64, f32)> = counts
                .into_iter()
                .map(|(t, c)| {
                    // Non-negative, the lowest bit telling an anchor (odd) from a content term.
                    let anchor = i64::from(t.starts_with('@'));
                    ((((hash_bytes(t.as_bytes()) >> 2) << 1) as i64) | anchor, c)
                })
                .collect();
            terms.sort_unstable_by_key(|a| a.0);
            self.story_counts.push(terms.len() as u32);
            for (t, c) in terms {
                self.story_terms.extend(t.to_le_bytes());
                self.story_weights.extend(c.to_le_bytes());
            }
        } else {
            self.story_counts.push(0);
        }
        if hashes.is_empty() {
            self.signatures.extend([0u8; HASHES * 4]);
            self.bands.extend([0u8; BANDS * 8]);
            self.has_signature.push(false);
        } else {
            let sig = Signature::of_hashes(&hashes);
            for v in &sig.0 {
                self.signatures.extend(v.to_le_bytes());
            }
            for k in sig.band_keys() {
                self.bands.extend(k.to_le_bytes());
            }
            self.has_signature.push(true);
        }
        for (n, q) in r.quotes.iter().enumerate() {
            let t = &mut self.quotes;
            t.i("article", Some(row));
            t.i("n", Some(n as i64));
            t.s("kind", name(&q.kind));
            t.i("start", Some(q.span.start as i64));
            t.i("end", Some(q.span.end as i64));
            t.s("in", field_name(q.span.field));
            t.s("text", Some(q.span.text.clone()));
            t.s("speaker", q.source.name.clone());
            t.s("speaker_suggested", q.source.suggested.clone());
            t.f("speaker_score", q.source.score);
            t.s("source_type", name(&q.source.kind));
            t.s("entity", q.source.entity.clone());
            t.s("cue", q.cue.as_ref().map(|c| c.text.clone()));
        }
        for s in &r.sources {
            let t = &mut self.sources;
            t.i("article", Some(row));
            t.s("name", Some(s.name.clone()));
            t.s("source_type", name(&s.kind));
            t.s("entity", s.entity.clone());
            t.i("quotes", Some(s.quotes as i64));
            t.i("quoted_words", Some(s.quoted_words as i64));
        }
        for e in &r.entities {
            let idx = self.entities.len_of("article") as i64;
            let t = &mut self.entities;
            t.i("article", Some(row));
            t.s("entity", Some(e.id.clone()));
            t.s("name", Some(e.name.clone()));
            t.s("type", name(&e.kind));
            t.s("kb_id", e.kb_id.clone());
            t.i("mentions", Some(e.mentions.len() as i64));
            for d in &e.descriptors {
                self.descriptors.i("entity", Some(idx));
                self.descriptors.s("kind", name(&d.kind));
                self.descriptors.s("text", Some(d.span.text.clone()));
            }
        }
        for f in &r.findings {
            let idx = self.findings.len_of("article") as i64;
            let t = &mut self.findings;
            t.i("article", Some(row));
            t.s("kind", Some(f.kind.clone()));
            t.s("severity", name(&f.severity));
            t.b("signal", f.signal);
            t.s("rule", Some(f.rule.clone()));
            t.f("score", Some(f64::from(f.score)));
            t.s("message", Some(f.message.clone()));
            for e in &f.evidence {
                let ev = &mut self.evidence;
                ev.i("finding", Some(idx));
                ev.i("start", Some(e.start as i64));
                ev.i("end", Some(e.end as i64));
                ev.s("in", field_name(e.field));
                ev.s("text", Some(e.text.clone()));
            }
        }
        for s in &r.framing.spans {
            let t = &mut self.framing;
            t.i("article", Some(row));
            t.s("category", Some(s.category.clone()));
            t.s("rule", Some(s.rule.clone()));
            t.s("technique", s.technique.clone());
            t.f("score", s.score.map(f64::from));
            t.b("in_quote", s.in_quote);
            t.i("start", Some(s.span.start as i64));
            t.i("end", Some(s.span.end as i64));
            t.s("in", field_name(s.span.field));
            t.s("text", Some(s.span.text.clone()));
        }
    }

    pub fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("articles", self.articles.to_py(py)?)?;
        d.set_item("quotes", self.quotes.to_py(py)?)?;
        d.set_item("sources", self.sources.to_py(py)?)?;
        d.set_item("entities", self.entities.to_py(py)?)?;
        d.set_item("descriptors", self.descriptors.to_py(py)?)?;
        d.set_item("findings", self.findings.to_py(py)?)?;
        d.set_item("evidence", self.evidence.to_py(py)?)?;
        d.set_item("framing_spans", self.framing.to_py(py)?)?;
        d.set_item("signature", PyBytes::new(py, &self.signatures))?;
        d.set_item("bands", PyBytes::new(py, &self.bands))?;
        d.set_item("has_signature", PyList::new(py, &self.has_signature)?)?;
        if self.opts.shingles {
            d.set_item("shingles", PyBytes::new(py, &self.shingles))?;
            d.set_item("shingle_counts", PyList::new(py, &self.shingle_counts)?)?;
        }
        if self.opts.stories {
            d.set_item("story_terms", PyBytes::new(py, &self.story_terms))?;
            d.set_item("story_weights", PyBytes::new(py, &self.story_weights))?;
            d.set_item("story_counts", PyList::new(py, &self.story_counts)?)?;
        }
        Ok(d)
    }
}

impl Table {
    /// Rows so far (the length of column `name`).
    fn len_of(&self, name: &str) -> usize {
        match self.cols.iter().find(|(n, _)| *n == name) {
            Some((_, Col::Str(v))) => v.len(),
            Some((_, Col::Int(v))) => v.len(),
            Some((_, Col::Float(v))) => v.len(),
            Some((_, Col::Bool(v))) => v.len(),
            None => 0,
        }
    }
}
