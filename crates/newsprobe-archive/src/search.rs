//! Which stored articles match a query, and where? FTS5 (BM25 ranking) over titles, texts,
//! quotes and speakers, with SQL filters for site, date and source type, and the best matching
//! passage of each hit with its highlighted words.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
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

/// A ranked match: BM25 (lower is better), then row id (older first on a tie).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ranked(f64, i64);

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0).then(self.1.cmp(&other.1))
    }
}

/// A passage: column number, plain text, highlighted ranges.
type Passage = (usize, String, Vec<(usize, usize)>);

/// Matches ranked at most: a query matching more articles ranks the newest this many.
pub const RANKED_MATCHES: usize = 20_000;

use crate::snippet::{Phrase, CLOSE, OPEN};

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

/// The passage of a hit, from its four columns' snippets (`snippet(i)` for column `i`): the one
/// with most highlighted words, preferring quotes, then text, then title, then speakers.
fn best_passage(mut snippet: impl FnMut(usize) -> String) -> Passage {
    let mut best: Option<Passage> = None;
    for i in [2usize, 1, 0, 3] {
        let (p, h) = unmark(&snippet(i));
        let better = match &best {
            None => true,
            Some((_, _, bh)) => h.len() > bh.len(),
        };
        if better && (!h.is_empty() || best.is_none()) {
            best = Some((i, p, h));
        }
    }
    best.unwrap_or((1, String::new(), Vec::new()))
}

/// A hit from `id, site, url, published, title` at columns `first..first + 5` of a row, with
/// no score or passage yet.
fn hit_of_row(r: &rusqlite::Row<'_>, first: usize, field: &str) -> rusqlite::Result<Hit> {
    Ok(Hit {
        id: r.get(first)?,
        site: r.get(first + 1)?,
        url: r.get(first + 2)?,
        published: r.get(first + 3)?,
        title: r.get(first + 4)?,
        score: 0.0,
        field: field.to_string(),
        passage: String::new(),
        highlights: Vec::new(),
    })
}

impl Archive {
    /// SQLite's data version of this connection: it changes whenever another connection (an
    /// ingest) has committed since, so results cached under it are never older than the data.
    pub fn data_version(&self) -> Result<i64, Error> {
        let mut st = self.conn.prepare_cached("PRAGMA data_version")?;
        Ok(st.query_row([], |r| r.get(0))?)
    }

    /// Runs `query`, best first, at most `limit` hits.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        Ok(self.search_page(query, 0, limit)?.0)
    }

    /// Hits `skip..skip + take` of `query`, best first, and whether a hit follows them.
    ///
    /// Two steps: the matches are ranked (BM25, or date for filter-only queries) without
    /// reading any text, in one walk of the posting lists, then only the hits of the page get
    /// their passage. A query whose words match more than [`RANKED_MATCHES`] articles (after
    /// the filters) ranks the newest [`RANKED_MATCHES`] of them (by storage order) and returns
    /// hits from those only. Equal scores rank the older article first.
    pub fn search_page(
        &self,
        query: &str,
        skip: usize,
        take: usize,
    ) -> Result<(Vec<Hit>, bool), Error> {
        let q = Query::parse(query)?;
        let (filters, filter_params) = q.filters();
        let take = take.clamp(1, 10_000);
        let skip = skip.min(10_000);
        // One more than the page, to tell whether another page follows.
        let want = (skip + take + 1) as i64;
        let mut params: Vec<Value> = Vec::with_capacity(filter_params.len() + 1);
        params.push(Value::Text(q.fts.clone()));
        params.extend(filter_params.into_iter().map(Value::Text));
        if q.fts.is_empty() {
            if filters.is_empty() {
                return Err(Error::Query("empty query".into()));
            }
            let sql = format!(
                "SELECT a.rowid FROM articles a WHERE ?1 = ?1 {filters}
                 ORDER BY a.published DESC, a.rowid LIMIT {want}"
            );
            let rows = self.rowids(&sql, &params)?;
            let more = rows.len() > skip + take;
            let anonymous = q.types.iter().any(|t| t == "anonymous");
            let mut hits = Vec::new();
            for (rowid, _) in rows.into_iter().skip(skip).take(take) {
                if let Some(h) = self.plain_hit(rowid, anonymous)? {
                    hits.push(h);
                }
            }
            return Ok((hits, more));
        }
        // One read transaction for the ranking and the passages (one state of the archive),
        // unless the caller holds one.
        let own = self.conn.is_autocommit();
        if own {
            self.conn.prepare_cached("BEGIN")?.execute([])?;
        }
        let ranked = self.rank_page(&q, &filters, &params, skip, take, want);
        if own {
            self.conn.prepare_cached("COMMIT")?.execute([])?;
        }
        ranked
    }

    /// The page `skip..skip + take` of a word query (`want` = `skip + take + 1`), ranked, with
    /// passages, and whether more follow.
    fn rank_page(
        &self,
        q: &Query,
        filters: &str,
        params: &[Value],
        skip: usize,
        take: usize,
        want: i64,
    ) -> Result<(Vec<Hit>, bool), Error> {
        // Row lengths as of this transaction's state of the archive (for `np_bm25`).
        crate::rank::refresh(&self.conn, &self.lengths)?;
        // Ranking reads the posting lists and each match's column sizes, never its text; the
        // filters join the articles table (columns before the text, except `type:`). Filters
        // of sites only, where the archive has the case-blind site index, need no join: each
        // site's rows are read from that index once and every match is looked up among them
        // (before, each match's article row was looked up: ~10% of a search's instructions).
        let site_rows;
        let (join, filters) = if filters.is_empty() {
            ("", filters)
        } else if q.published.is_empty() && q.types.is_empty() && self.has_site_index()? {
            site_rows = (0..q.sites.len())
                .map(|i| {
                    format!(
                        " AND fts.rowid + 0 IN (SELECT rowid FROM articles
                           WHERE site = ?{} COLLATE NOCASE)",
                        i + 2
                    )
                })
                .collect::<String>();
            ("", site_rows.as_str())
        } else {
            ("JOIN articles a ON a.rowid = fts.rowid", filters)
        };
        // One walk of the matches, newest first, keeping the best `want` by score and stopping
        // after RANKED_MATCHES of them: the newest RANKED_MATCHES matches are ranked.
        let rank_sql = format!(
            "SELECT fts.rowid, np_bm25(fts, 4.0, 1.0, 2.0, 2.0) FROM fts {join}
             WHERE fts MATCH ?1 {filters} ORDER BY fts.rowid DESC"
        );
        // The ranking keeps (and reads again) the query's corpus statistics under its name.
        crate::rank::set_query(&self.lengths, Some(&q.fts))?;
        let ranked = self.best_newest(&rank_sql, params, want as usize);
        crate::rank::set_query(&self.lengths, None)?;
        let ranked = ranked?;
        let more = ranked.len() > skip + take;
        let page: Vec<(i64, f64)> = ranked.into_iter().skip(skip).take(take).collect();
        let mut hits = self.page_hits(q, &page)?;
        if !q.speakers.is_empty() {
            for h in &mut hits {
                self.speaker_passage(h, &q.speakers)?;
            }
        }
        Ok((hits, more))
    }

    /// Whether the archive has the case-blind index of sites (archives written before it have
    /// it once a writer opened them).
    fn has_site_index(&self) -> Result<bool, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT count(*) > 0 FROM sqlite_schema
             WHERE type = 'index' AND name = 'articles_site_nocase'",
        )?;
        Ok(st.query_row([], |r| r.get(0))?)
    }

    /// Row ids (and a score, 0 when the query has none) from a ranking statement.
    fn rowids(&self, sql: &str, params: &[Value]) -> Result<Vec<(i64, f64)>, Error> {
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(params_from_iter(params.iter()), |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<f64>>(1).ok().flatten().unwrap_or(0.0),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The best `want` matches (lowest BM25, then oldest row) of a ranking statement that yields
    /// `rowid, bm25` newest first, among its first [`RANKED_MATCHES`] rows: best first.
    fn best_newest(
        &self,
        sql: &str,
        params: &[Value],
        want: usize,
    ) -> Result<Vec<(i64, f64)>, Error> {
        let mut st = self.conn.prepare_cached(sql)?;
        let mut rows = st.query(params_from_iter(params.iter()))?;
        // A max-heap of the best `want` so far: its top is the worst of them.
        let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(want + 1);
        let mut seen = 0usize;
        while let Some(r) = rows.next()? {
            let hit = Ranked(r.get::<_, Option<f64>>(1)?.unwrap_or(0.0), r.get(0)?);
            if best.len() < want {
                best.push(hit);
            } else if best.peek().is_some_and(|worst| hit < *worst) {
                best.pop();
                best.push(hit);
            }
            seen += 1;
            if seen >= RANKED_MATCHES {
                break;
            }
        }
        Ok(best
            .into_sorted_vec()
            .into_iter()
            .map(|Ranked(score, rowid)| (rowid, score))
            .collect())
    }

    /// A hit of a filter-only query: the start of the text, or around its first anonymous cue.
    fn plain_hit(&self, rowid: i64, anonymous: bool) -> Result<Option<Hit>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, site, url, published, title, text FROM articles WHERE rowid = ?1",
        )?;
        let row = st
            .query_row([rowid], |r| {
                Ok((hit_of_row(r, 0, "text")?, r.get::<_, String>(5)?))
            })
            .optional()?;
        Ok(row.map(|(mut h, text)| {
            match anonymous.then(|| anonymous_passage(&text)).flatten() {
                Some((p, hl)) => {
                    h.passage = p;
                    h.highlights = hl;
                }
                None => h.passage = first_chars(&text, 200),
            }
            h
        }))
    }

    /// The hits of a word query's page, in `page` order, each with its best passage (as
    /// [`Archive::fts_hits`] makes them): made here from each hit's stored columns
    /// ([`crate::snippet`], the same passages as FTS5's), and by FTS5 for the hits (or a
    /// query) whose text has characters that module leaves to FTS5.
    fn page_hits(&self, q: &Query, page: &[(i64, f64)]) -> Result<Vec<Hit>, Error> {
        let phrases: Option<Vec<Phrase>> = q
            .phrases
            .iter()
            .map(|(column, text)| {
                let column = match column {
                    Some(c) => Some(COLUMNS.iter().position(|k| k == c)?),
                    None => None,
                };
                Phrase::new(column, text)
            })
            .collect();
        let Some(phrases) = phrases else {
            return Ok(self
                .fts_hits(&q.fts, page)?
                .into_iter()
                .map(|(_, h)| h)
                .collect());
        };
        let sizes: Vec<usize> = phrases.iter().map(|p| p.tokens.len()).collect();
        let mut st = self.conn.prepare_cached(
            "SELECT id, site, url, published, title, title, text, quotes, speakers
             FROM articles WHERE rowid = ?1",
        )?;
        let mut made: Vec<(i64, f64, Option<Hit>)> = Vec::with_capacity(page.len());
        let mut left: Vec<(i64, f64)> = Vec::new();
        for &(rowid, score) in page {
            let hit = st
                .query_row([rowid], |r| {
                    let mut columns: [(&str, Vec<(usize, usize)>); 4] = Default::default();
                    for (i, c) in columns.iter_mut().enumerate() {
                        let text = r.get_ref(5 + i)?.as_str_or_null()?.unwrap_or("");
                        match crate::snippet::tokens(text) {
                            Some(toks) => *c = (text, toks),
                            None => return Ok(None),
                        }
                    }
                    let (col, passage, highlights) = best_passage(|i| {
                        let (text, toks) = &columns[i];
                        let insts = crate::snippet::instances(text, toks, i, &phrases);
                        crate::snippet::snippet(text, toks, &insts, &sizes)
                    });
                    let field = COLUMNS.get(col).copied().unwrap_or("text");
                    Ok(Some(Hit {
                        passage,
                        highlights,
                        score: -score,
                        ..hit_of_row(r, 0, field)?
                    }))
                })
                .optional()?;
            match hit {
                // Stored no more (replaced by a newer read of the archive).
                None => {}
                Some(None) => {
                    left.push((rowid, score));
                    made.push((rowid, score, None));
                }
                Some(hit) => made.push((rowid, score, hit)),
            }
        }
        let mut by_fts: HashMap<i64, Hit> = if left.is_empty() {
            HashMap::new()
        } else {
            self.fts_hits(&q.fts, &left)?.into_iter().collect()
        };
        Ok(made
            .into_iter()
            .filter_map(|(rowid, _, hit)| hit.or_else(|| by_fts.remove(&rowid)))
            .collect())
    }

    /// The hits of a word query's page, in `page` order, each with its best passage: of one
    /// snippet per column, the one with most highlighted words, preferring quotes, then text,
    /// then title. One statement for the page (the match is evaluated once, over the page's row
    /// id range, and snippets made for the page's rows only).
    fn fts_hits(&self, fts: &str, page: &[(i64, f64)]) -> Result<Vec<(i64, Hit)>, Error> {
        let (Some(lo), Some(hi)) = (
            page.iter().map(|p| p.0).min(),
            page.iter().map(|p| p.0).max(),
        ) else {
            return Ok(Vec::new());
        };
        let ids = serde_json::to_string(&page.iter().map(|p| p.0).collect::<Vec<_>>())?;
        // `+ 0` keeps the row id list out of the virtual table's plan (one scan, not one
        // match per row).
        let mut st = self.conn.prepare_cached(
            "SELECT fts.rowid, a.id, a.site, a.url, a.published, a.title,
                    snippet(fts, 0, char(1), char(2), '…', 24),
                    snippet(fts, 1, char(1), char(2), '…', 24),
                    snippet(fts, 2, char(1), char(2), '…', 24),
                    snippet(fts, 3, char(1), char(2), '…', 24)
             FROM fts JOIN articles a ON a.rowid = fts.rowid
             WHERE fts MATCH ?1 AND fts.rowid BETWEEN ?2 AND ?3
               AND fts.rowid + 0 IN (SELECT value FROM json_each(?4))",
        )?;
        let rows = st.query_map(params![fts, lo, hi, ids], |r| {
            let mut snippets: [Option<String>; 4] = Default::default();
            for (i, s) in snippets.iter_mut().enumerate() {
                *s = r.get(6 + i)?;
            }
            let (col, passage, highlights) =
                best_passage(|i| snippets[i].take().unwrap_or_default());
            let field = COLUMNS.get(col).copied().unwrap_or("text");
            let hit = Hit {
                passage,
                highlights,
                ..hit_of_row(r, 1, field)?
            };
            Ok((r.get::<_, i64>(0)?, hit))
        })?;
        let mut by_row: HashMap<i64, Hit> = HashMap::with_capacity(page.len());
        for row in rows {
            let (rowid, hit) = row?;
            by_row.insert(rowid, hit);
        }
        Ok(page
            .iter()
            .filter_map(|&(rowid, score)| {
                by_row.remove(&rowid).map(|mut h| {
                    h.score = -score;
                    (rowid, h)
                })
            })
            .collect())
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

    #[test]
    fn a_site_filter_finds_the_same_pages_with_and_without_the_site_index() {
        let mut a = Archive::in_memory().unwrap();
        let reports: Vec<_> = (0..12)
            .map(|i| {
                let site = ["Ledger.example", "ledger.example", "courier.example"][i % 3];
                let text = format!(
                    "The harbour board met on day {i}. {} Dredging resumes in spring.",
                    "Cranes were idle at the harbour. ".repeat(i % 4 + 1)
                );
                plain_report(&format!("s-{i}"), Some(site), None, None, &text)
            })
            .collect();
        a.ingest(&reports).unwrap();
        let queries = [
            "harbour site:LEDGER.example",
            "harbour dredging site:ledger.example",
            "harbour site:courier.example site:ledger.example",
        ];
        let with: Vec<_> = queries
            .iter()
            .map(|q| a.search_page(q, 0, 5).unwrap())
            .collect();
        // Both spellings of the ledger's site match, without case.
        assert_eq!(with[0].0.len(), 5);
        assert!(with[0].1);
        assert!(with[0].0.iter().all(|h| h
            .site
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("ledger.example"))));
        assert!(with[2].0.is_empty());
        assert!(a.has_site_index().unwrap());
        a.conn
            .execute_batch("DROP INDEX articles_site_nocase")
            .unwrap();
        assert!(!a.has_site_index().unwrap());
        for (q, page) in queries.iter().zip(&with) {
            assert_eq!(&a.search_page(q, 0, 5).unwrap(), page, "{q}");
        }
    }

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
            source: QuoteSource::new(Some("Denis Gonchar".into()), SourceType::Named, None, None),
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
            source: QuoteSource::new(
                Some("a senior official".into()),
                SourceType::Anonymous,
                None,
                None,
            ),
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

    #[test]
    fn a_readers_data_version_moves_when_another_connection_commits() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("news.db");
        let mut writer = Archive::open(&db).unwrap();
        let report = |id: &str| {
            plain_report(
                id,
                Some("ledger"),
                None,
                None,
                "The harbour board met on Monday.",
            )
        };
        writer.ingest(&[report("h-1")]).unwrap();
        let reader = Archive::open_read_only(&db).unwrap();
        let v1 = reader.data_version().unwrap();
        assert_eq!(reader.search("harbour", 10).unwrap().len(), 1);
        // Reading does not move it; a commit by the writer does, and the reader sees the row.
        assert_eq!(reader.data_version().unwrap(), v1);
        writer.ingest(&[report("h-2")]).unwrap();
        assert_ne!(reader.data_version().unwrap(), v1);
        assert_eq!(reader.search("harbour", 10).unwrap().len(), 2);
    }

    #[test]
    fn pages_follow_the_ranking_and_say_when_more_follow() {
        let mut a = Archive::in_memory().unwrap();
        let reports: Vec<_> = (0..7)
            .map(|i| {
                let text = format!(
                    "The harbour board met on day {i}. {} The minutes were published later.",
                    "Dredging of the harbour was discussed. ".repeat(i + 1)
                );
                plain_report(&format!("h-{i}"), Some("ledger"), None, None, &text)
            })
            .collect();
        a.ingest(&reports).unwrap();
        let all = a.search("dredging", 100).unwrap();
        assert_eq!(all.len(), 7);
        let ids: Vec<&str> = all.iter().map(|h| h.id.as_str()).collect();
        let (p1, more1) = a.search_page("dredging", 0, 3).unwrap();
        let (p3, more3) = a.search_page("dredging", 6, 3).unwrap();
        assert!(more1 && !more3);
        assert_eq!(
            p1.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ids[..3]
        );
        assert_eq!(
            p3.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            ids[6..]
        );
        assert!(all.windows(2).all(|w| w[0].score >= w[1].score));
        // Every hit carries its passage with the word marked; filters page too.
        for h in &p1 {
            let (s, e) = h.highlights[0];
            let hl: String = h.passage.chars().skip(s).take(e - s).collect();
            assert_eq!(hl, "Dredging");
        }
        let (f, more) = a.search_page("site:ledger", 5, 5).unwrap();
        assert_eq!((f.len(), more), (2, false));
    }
}
