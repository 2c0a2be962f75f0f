//! Which stored articles match a query, and where? FTS5 (BM25 ranking) over titles, texts,
//! quotes and speakers, with SQL filters for site, date and source type, and the best matching
//! passage of each hit with its highlighted words.

use rusqlite::params_from_iter;
use serde::Serialize;

use crate::query::Query;
use crate::store::Archive;
use crate::Error;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    /// Higher is better (negated BM25; 0 for filter-only queries).
    pub score: f64,
    /// Which field the passage comes from: `title`, `text`, `quotes` or `speakers`.
    pub field: String,
    /// The best matching passage ("…" where it was cut).
    pub passage: String,
    /// Highlighted words: code-point `[start, end)` offsets into `passage`.
    pub highlights: Vec<(usize, usize)>,
}

/// A passage: column number, plain text, highlighted ranges.
type Passage = (usize, String, Vec<(usize, usize)>);

const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';
const COLUMNS: [&str; 4] = ["title", "text", "quotes", "speakers"];

/// Removes the marker characters, returning the plain passage and the marked ranges.
fn unmark(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(s.len());
    let mut spans = Vec::new();
    let (mut n, mut open) = (0usize, None);
    for c in s.chars() {
        match c {
            OPEN => open = Some(n),
            CLOSE => {
                if let Some(o) = open.take() {
                    spans.push((o, n));
                }
            }
            // One line per passage: line breaks become spaces (offsets stay the same).
            c => {
                out.push(if c == '\n' || c == '\r' { ' ' } else { c });
                n += 1;
            }
        }
    }
    (out, spans)
}

fn first_chars(s: &str, n: usize) -> String {
    let mut out: String = s
        .chars()
        .take(n)
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// A passage around the first anonymous-sourcing cue of `text`, the cue highlighted.
fn anonymous_passage(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let words = crate::words::words(text);
    let hit = crate::cues::anonymous(&words).into_iter().next()?;
    let (start, end) = (words.get(hit.first)?.start, words.get(hit.last)?.end);
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 80).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let lead = if from > 0 { "…" } else { "" };
    let before = lead.chars().count() + text.get(from..start)?.chars().count();
    let len = text.get(start..end)?.chars().count();
    let tail = if to < text.len() { "…" } else { "" };
    let passage = format!("{lead}{}{tail}", text.get(from..to)?).replace(['\n', '\r'], " ");
    Some((passage, vec![(before, before + len)]))
}

impl Archive {
    /// Runs `query`, best first, at most `limit` hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        let q = Query::parse(query)?;
        let (filters, mut params) = q.filters();
        let limit = limit.clamp(1, 10_000);
        let mut hits = Vec::new();
        if q.fts.is_empty() {
            if filters.is_empty() {
                return Err(Error::Query("empty query".into()));
            }
            let sql = format!(
                "SELECT a.id, a.site, a.url, a.published, a.title, a.text FROM articles a
                 WHERE ?1 = ?1 {filters} ORDER BY a.published DESC, a.rowid LIMIT {limit}"
            );
            params.insert(0, String::new());
            let mut st = self.conn.prepare(&sql)?;
            let rows = st.query_map(params_from_iter(params.iter()), |r| {
                Ok(Hit {
                    id: r.get(0)?,
                    site: r.get(1)?,
                    url: r.get(2)?,
                    published: r.get(3)?,
                    title: r.get(4)?,
                    score: 0.0,
                    field: "text".into(),
                    passage: first_chars(&r.get::<_, String>(5)?, 200),
                    highlights: Vec::new(),
                })
            })?;
            for h in rows {
                hits.push(h?);
            }
            drop(st);
            if q.types.iter().any(|t| t == "anonymous") {
                for h in &mut hits {
                    let text: Option<String> = self
                        .conn
                        .query_row("SELECT text FROM articles WHERE id = ?1", [&h.id], |r| {
                            r.get(0)
                        })
                        .ok();
                    if let Some((p, hl)) = text.as_deref().and_then(anonymous_passage) {
                        h.passage = p;
                        h.highlights = hl;
                    }
                }
            }
            return Ok(hits);
        }
        params.insert(0, q.fts.clone());
        // One snippet per column; the passage shown is the one with most highlighted words,
        // preferring quotes, then text, then title.
        let sql = format!(
            "SELECT a.id, a.site, a.url, a.published, a.title, bm25(fts, 4.0, 1.0, 2.0, 2.0),
                    snippet(fts, 0, char(1), char(2), '…', 24),
                    snippet(fts, 1, char(1), char(2), '…', 24),
                    snippet(fts, 2, char(1), char(2), '…', 24),
                    snippet(fts, 3, char(1), char(2), '…', 24)
             FROM fts JOIN articles a ON a.rowid = fts.rowid
             WHERE fts MATCH ?1 {filters} ORDER BY bm25(fts, 4.0, 1.0, 2.0, 2.0) LIMIT {limit}"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(params.iter()), |r| {
            let mut best: Option<Passage> = None;
            for i in [2usize, 1, 0, 3] {
                let s: Option<String> = r.get(6 + i)?;
                let (p, h) = unmark(s.as_deref().unwrap_or(""));
                let better = match &best {
                    None => true,
                    Some((_, _, bh)) => h.len() > bh.len(),
                };
                if better && (!h.is_empty() || best.is_none()) {
                    best = Some((i, p, h));
                }
            }
            let (col, passage, highlights) = best.unwrap_or((1, String::new(), Vec::new()));
            Ok(Hit {
                id: r.get(0)?,
                site: r.get(1)?,
                url: r.get(2)?,
                published: r.get(3)?,
                title: r.get(4)?,
                score: -r.get::<_, f64>(5)?,
                field: COLUMNS.get(col).copied().unwrap_or("text").to_string(),
                passage,
                highlights,
            })
        })?;
        for h in rows {
            hits.push(h?);
        }
        drop(st);
        if !q.speakers.is_empty() {
            for h in &mut hits {
                self.speaker_passage(h, &q.speakers)?;
            }
        }
        Ok(hits)
    }

    /// For `speaker:` queries, the passage is the speaker's first quote, highlighted.
    fn speaker_passage(&self, hit: &mut Hit, speakers: &[Vec<String>]) -> Result<(), Error> {
        let Some(a) = self.get(&hit.id)? else {
            return Ok(());
        };
        for q in &a.report.quotes {
            let mut who = q.source.name.clone().unwrap_or_default();
            if let Some(m) = &q.source.mention {
                who.push(' ');
                who.push_str(&m.text);
            }
            let words = crate::words::norms(&who);
            let matches = speakers
                .iter()
                .all(|s| !s.is_empty() && words.windows(s.len()).any(|w| w == s.as_slice()));
            if matches {
                let name = q.source.name.as_deref().unwrap_or("");
                let prefix = format!("{name}: “");
                let start = prefix.chars().count();
                let len = q.span.text.chars().count();
                hit.passage = format!("{prefix}{}”", q.span.text);
                hit.highlights = vec![(start, start + len)];
                hit.field = "quotes".into();
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plain_report;
    use newsprobe_core::report::ReportSpan;
    use newsprobe_core::{Quote, QuoteKind, QuoteSource, SourceType};

    fn archive() -> Archive {
        let mut a = Archive::in_memory().unwrap();
        let text =
            "Ambassador Denis Gonchar told reporters: \"We will not be intimidated by threats.\" \
                    The embassy later published the full statement.";
        let mut r1 = plain_report(
            "emb-1",
            Some("ledger"),
            Some("2025-11-03T10:00:00Z"),
            Some("Envoy rejects threats"),
            text,
        );
        let start = text.find("We will").unwrap();
        let end = text.find("threats.").unwrap() + "threats.".len();
        r1.quotes.push(Quote {
            span: ReportSpan {
                start,
                end,
                text: text[start..end].to_string(),
                field: Default::default(),
            },
            kind: QuoteKind::Direct,
            cue: None,
            source: QuoteSource {
                name: Some("Denis Gonchar".into()),
                kind: SourceType::Named,
                mention: None,
                entity: None,
            },
        });
        let text2 = "A senior official, who spoke on condition of anonymity, said the talks had stalled over port fees.";
        let mut r2 = plain_report(
            "talks-2",
            Some("wire"),
            Some("2025-10-20"),
            Some("Talks stall"),
            text2,
        );
        r2.quotes.push(Quote {
            span: ReportSpan {
                start: 60,
                end: 98,
                text: text2[60..98].to_string(),
                field: Default::default(),
            },
            kind: QuoteKind::Reported,
            cue: None,
            source: QuoteSource {
                name: Some("a senior official".into()),
                kind: SourceType::Anonymous,
                mention: None,
                entity: None,
            },
        });
        a.ingest(&[r1, r2]).unwrap();
        a
    }

    #[test]
    fn words_phrases_and_fields_find_the_right_article() {
        let a = archive();
        let h = a.search("intimidated", 10).unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].id, "emb-1");
        let (s, e) = h[0].highlights[0];
        let hl: String = h[0].passage.chars().skip(s).take(e - s).collect();
        assert_eq!(hl.to_lowercase(), "intimidated");
        let h = a.search("speaker:Gonchar", 10).unwrap();
        assert_eq!(h[0].id, "emb-1");
        assert_eq!(h[0].field, "quotes");
        let (s, e) = h[0].highlights[0];
        let hl: String = h[0].passage.chars().skip(s).take(e - s).collect();
        assert_eq!(hl, "We will not be intimidated by threats.");
        assert!(a
            .search("speaker:Gonchar site:wire", 10)
            .unwrap()
            .is_empty());
        assert_eq!(a.search("type:anonymous", 10).unwrap()[0].id, "talks-2");
        assert_eq!(a.search("published:>2025-11-01", 10).unwrap().len(), 1);
        assert_eq!(
            a.search("published:<2025-11-01", 10).unwrap()[0].id,
            "talks-2"
        );
        assert_eq!(a.search("\"port fees\"", 10).unwrap()[0].id, "talks-2");
        assert!(a.search("\"fees port\"", 10).unwrap().is_empty());
        assert!(a.search("", 10).is_err());
    }
}
