//! The public report: the contract's JSON schema, with code-point offsets.
//!
//! [`Report::from_document`] is the one place where byte spans become the contract's
//! `{"start", "end", "text", "in"}` spans counted in Unicode code points.

use serde::{Deserialize, Serialize};

use crate::document::*;
use crate::span::{Field, Span};

/// A span as users see it: code-point offsets and the covered text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReportSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "in", default)]
    pub field: Field,
}

/// A sentence row of the report (no text, as the contract gives it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSentence {
    pub start: usize,
    pub end: usize,
    pub checkworthiness: f32,
}

/// One analysed article, as the contract's report (`schema_version` "1").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: String,
    pub source: SourceInfo,
    pub metadata: Metadata,
    pub text: String,
    pub sentences: Vec<ReportSentence>,
    pub entities: Vec<Entity<ReportSpan>>,
    pub quotes: Vec<ReportQuote>,
    /// Extension (session 24): attributions that are no statements (beliefs, intentions,
    /// perceptions, acts, topics, passives); absent when there are none, so a report without
    /// them is the contract's as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution<ReportSpan>>,
    pub sources: Vec<SourceSummary>,
    pub framing: Framing<ReportSpan>,
    /// Every finding; those of kinds below the precision bar for an accusation carry
    /// `signal: true` and severity `info` ([`crate::signals`]).
    pub findings: Vec<Finding<ReportSpan>>,
}

/// A quote of the report: the content span flattened, with its text.
pub type ReportQuote = Quote<ReportSpan>;

/// Converts byte offsets of one string to code-point offsets.
pub struct CharIndex<'a> {
    s: &'a str,
    /// Byte offset of each char, when the string is not pure ASCII.
    starts: Option<Vec<usize>>,
}

impl<'a> CharIndex<'a> {
    pub fn new(s: &'a str) -> Self {
        let starts = if s.is_ascii() {
            None
        } else {
            Some(s.char_indices().map(|(i, _)| i).collect())
        };
        CharIndex { s, starts }
    }

    /// Code-point offset of byte offset `b` (clamped to the string).
    pub fn char_offset(&self, b: usize) -> usize {
        let b = b.min(self.s.len());
        match &self.starts {
            None => b,
            Some(v) => v.partition_point(|&x| x < b),
        }
    }

    /// The report span of bytes `start..end` of this string (clamped to it and to char
    /// boundaries), pointing into `field`.
    pub fn report_span(&self, start: usize, end: usize, field: Field) -> ReportSpan {
        let end = end.min(self.s.len());
        let start = start.min(end);
        ReportSpan {
            start: self.char_offset(start),
            end: self.char_offset(end),
            text: self.s.get(start..end).unwrap_or("").to_string(),
            field,
        }
    }

    /// Byte offset of code-point offset `c` (clamped).
    pub fn byte_offset(&self, c: usize) -> usize {
        match &self.starts {
            None => c.min(self.s.len()),
            Some(v) => v.get(c).copied().unwrap_or(self.s.len()),
        }
    }
}

struct Converter<'a> {
    text: CharIndex<'a>,
    title: CharIndex<'a>,
}

impl Converter<'_> {
    fn span(&self, s: &Span) -> ReportSpan {
        let idx = match s.field {
            Field::Text => &self.text,
            Field::Title => &self.title,
        };
        idx.report_span(s.start, s.end, s.field)
    }

    fn spans(&self, v: &[Span]) -> Vec<ReportSpan> {
        v.iter().map(|s| self.span(s)).collect()
    }

    fn framing_span(&self, f: &FramingSpan) -> FramingSpan<ReportSpan> {
        FramingSpan {
            span: self.span(&f.span),
            category: f.category.clone(),
            rule: f.rule.clone(),
            in_quote: f.in_quote,
            technique: f.technique.clone(),
            score: f.score,
            signal: crate::signals::framing_is_signal(f),
        }
    }

    fn finding(&self, f: &Finding) -> Finding<ReportSpan> {
        Finding {
            kind: f.kind.clone(),
            severity: f.severity,
            message: f.message.clone(),
            evidence: self.spans(&f.evidence),
            rule: f.rule.clone(),
            score: f.score,
            signal: false,
        }
    }
}

impl Report {
    /// The share of quoted words that come from anonymous, unnamed or vague sources (0 when
    /// nothing is quoted): the sourcing summary of the CSV row and the Python columns.
    pub fn weak_quoted_word_share(&self) -> f64 {
        let total: usize = self.sources.iter().map(|s| s.quoted_words).sum();
        let weak: usize = self
            .sources
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    SourceType::Anonymous | SourceType::Unnamed | SourceType::Vague
                )
            })
            .map(|s| s.quoted_words)
            .sum();
        if total == 0 {
            0.0
        } else {
            weak as f64 / total as f64
        }
    }

    /// The kinds of the report's findings, sorted, each once.
    pub fn finding_kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = self.findings.iter().map(|f| f.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }

    /// The report of an analysed document.
    pub fn from_document(doc: &Document) -> Report {
        let c = Converter {
            text: CharIndex::new(&doc.text),
            title: CharIndex::new(doc.title()),
        };
        Report {
            schema_version: crate::SCHEMA_VERSION.to_string(),
            source: doc.source.clone(),
            metadata: doc.metadata.clone(),
            text: doc.text.clone(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| ReportSentence {
                    start: c.text.char_offset(s.span.start),
                    end: c.text.char_offset(s.span.end),
                    checkworthiness: s.checkworthiness,
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| Entity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    mentions: c.spans(&e.mentions),
                    descriptors: e
                        .descriptors
                        .iter()
                        .map(|d| Descriptor {
                            span: c.span(&d.span),
                            kind: d.kind,
                        })
                        .collect(),
                    kb_id: e.kb_id.clone(),
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| Quote {
                    span: c.span(&q.span),
                    kind: q.kind,
                    cue: q.cue.as_ref().map(|s| c.span(s)),
                    source: QuoteSource {
                        name: q.source.name.clone(),
                        kind: q.source.kind,
                        mention: q.source.mention.as_ref().map(|s| c.span(s)),
                        entity: q.source.entity.clone(),
                        score: q.source.score,
                        suggested: q.source.suggested.clone(),
                        via: q.source.via.clone(),
                        key: q.source.key.clone(),
                        declined: q.source.declined.clone(),
                        declined_mention: q.source.declined_mention.as_ref().map(|s| c.span(s)),
                    },
                })
                .collect(),
            attributions: doc
                .attributions
                .iter()
                .map(|a| Attribution {
                    span: c.span(&a.span),
                    kind: a.kind.clone(),
                    cue: c.span(&a.cue),
                    source: a.source.as_ref().map(|s| c.span(s)),
                    source_name: a.source_name.clone(),
                    rule: a.rule.clone(),
                    score: a.score,
                    evidence: c.spans(&a.evidence),
                })
                .collect(),
            sources: doc.sources.clone(),
            framing: Framing {
                headline: HeadlineFraming {
                    clickbait: doc.framing.headline.clickbait.clone(),
                    markers: c.spans(&doc.framing.headline.markers),
                },
                headline_support: doc.framing.headline_support.clone(),
                spans: doc
                    .framing
                    .spans
                    .iter()
                    .map(|f| c.framing_span(f))
                    .collect(),
                profile: doc.framing.profile.clone(),
            },
            findings: doc
                .findings
                .iter()
                .map(|f| {
                    if crate::signals::is_signal(&f.kind) {
                        Finding {
                            severity: Severity::Info,
                            signal: true,
                            ..c.finding(f)
                        }
                    } else {
                        c.finding(f)
                    }
                })
                .collect(),
        }
    }

    /// Only `source`, `metadata` and `text` (what `newsprobe extract` prints).
    pub fn extract_only(&self) -> serde_json::Value {
        serde_json::json!({
            "schema_version": self.schema_version,
            "source": self.source,
            "metadata": self.metadata,
            "text": self.text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let idx = CharIndex::new("Łódź – “yes”");
        // 'Ł' is 2 bytes, 'ó' 2, 'd' 1, 'ź' 2.
        assert_eq!(idx.char_offset(0), 0);
        assert_eq!(idx.char_offset(2), 1);
        assert_eq!(idx.char_offset(7), 4);
        assert_eq!(idx.byte_offset(4), 7);
    }

    #[test]
    fn report_spans_are_code_points_with_text() {
        let mut doc = Document::from_text(Some("Zażółć"), "Gęślą jaźń said “hello” today.");
        let start = doc.text.find("hello").unwrap();
        doc.quotes.push(Quote {
            span: Span::text(start, start + 5),
            kind: QuoteKind::Direct,
            cue: None,
            source: QuoteSource::new(None, SourceType::Unattributed, None, None),
        });
        let r = Report::from_document(&doc);
        let q = &r.quotes[0];
        assert_eq!(q.span.text, "hello");
        let chars: Vec<char> = r.text.chars().collect();
        let got: String = chars[q.span.start..q.span.end].iter().collect();
        assert_eq!(got, "hello");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["quotes"][0]["start"], q.span.start);
        assert_eq!(json["quotes"][0]["in"], "text");
        assert_eq!(json["schema_version"], "1");
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }
}
