//! Where are the analysed articles kept? One SQLite file (WAL mode) holding each article's
//! report, an FTS5 index over titles, texts, quotes and speakers, and the MinHash band table.
//!
//! Every [`Archive::ingest`] call is one transaction: a process killed at any moment loses at
//! most the batch in flight, and SQLite's journal keeps the file consistent.

use std::path::Path;

use newsprobe_core::{Report, SourceType};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::minhash::{shingle_hashes_of_words, Signature, BANDS, BAND_SHAPE};
use crate::Error;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    site TEXT,
    url TEXT,
    published TEXT,
    title TEXT,
    text TEXT NOT NULL,
    quotes TEXT NOT NULL,
    speakers TEXT NOT NULL,
    source_types TEXT NOT NULL,
    report BLOB NOT NULL,
    signature BLOB
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site);
-- `site:` filters compare without case: this index finds a site's rows for them.
CREATE INDEX IF NOT EXISTS articles_site_nocase ON articles(site COLLATE NOCASE);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, text, quotes, speakers,
    content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
DROP TRIGGER IF EXISTS articles_ai;
DROP TRIGGER IF EXISTS articles_ad;
DROP TRIGGER IF EXISTS articles_au;
CREATE TABLE IF NOT EXISTS band_index(
    epoch INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY(epoch, key, article)
) WITHOUT ROWID;
";

/// Articles per band-index epoch, as a power of two: the band index is kept in one B-tree
/// section per `1 << EPOCH_BITS` consecutive row ids.
///
/// Band keys are random, so a batch inserted into one B-tree over the whole archive touches a
/// different leaf page for almost every key: at 250,000 articles a batch of 1,000 dirtied ~13,000
/// of the index's ~23,000 pages and wrote ~53 KB of WAL per article, more than the article itself,
/// and the more so the larger the archive. Keyed by epoch first, a batch only touches the pages
/// of the newest epoch (at most ~3,000 pages at 32,768 articles an epoch), whatever the archive's
/// size; a look-up probes each epoch once per band (31 epochs at 1M articles, still ~ms).
pub const EPOCH_BITS: u32 = 15;

/// The band-index epoch of a row.
fn epoch_of(rowid: i64) -> i64 {
    rowid >> EPOCH_BITS
}

/// The article archive: one SQLite database file.
pub struct Archive {
    pub(crate) conn: Connection,
    /// Row lengths for the search's ranking (`np_bm25`, [`crate::rank`]).
    pub(crate) lengths: crate::rank::SharedLengths,
}

/// One stored article with its report.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// SQLite row id (stable across re-ingestion of the same article id).
    pub rowid: i64,
    pub id: String,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub report: Report,
}

/// Lower-case name of a source type, as the contract spells it.
pub fn source_type_name(t: SourceType) -> &'static str {
    match t {
        SourceType::Named => "named",
        SourceType::Anonymous => "anonymous",
        SourceType::Unnamed => "unnamed",
        SourceType::Vague => "vague",
        SourceType::Unattributed => "unattributed",
    }
}

/// The text a signature is computed from: title and body.
pub fn signature_text(r: &Report) -> String {
    match &r.metadata.title {
        Some(t) => format!("{t}\n{}", r.text),
        None => r.text.clone(),
    }
}

impl Archive {
    /// Opens (creating when absent) the archive at `path`.
    pub fn open(path: &Path) -> Result<Archive, Error> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// Opens an existing archive for reading only, in SQLite's read-only mode: nothing done
    /// through it can change the file (a server without `--allow-ingest`). An archive in an
    /// older layout is refused: opening it once with [`Archive::open`] (any `ingest`) migrates it.
    pub fn open_read_only(path: &Path) -> Result<Archive, Error> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.execute_batch("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;")?;
        // Pages of the main file are read through a memory map (up to SQLite's 2 GiB limit), not
        // copied in by a pread each: a server's search read ~40 pages a request, and the system
        // calls were close to half of its CPU. (Pages still in the WAL are read as before.)
        conn.query_row("PRAGMA mmap_size=2147418112", [], |_| Ok(()))
            .optional()?;
        // Query plans that do not depend on bound values: rebinding a parameter (a search's
        // words, FTS5's own look-ups of a term in its segment index) then never makes SQLite
        // prepare a cached statement again (without it, a quarter of a search's instructions).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        let current: bool = conn.query_row(
            "SELECT count(*) FILTER (WHERE name IN ('articles', 'band_index', 'fts')) = 3
                    AND count(*) FILTER (WHERE name = 'bands') = 0
             FROM sqlite_schema",
            [],
            |r| r.get(0),
        )?;
        if !current {
            return Err(Error::Data(format!(
                "{}: not an archive in the current layout (open it once for writing, e.g. with \
                 `newsprobe ingest`, to create or migrate it)",
                path.display()
            )));
        }
        // Band keys of another shape never match this build's: look-ups would find nothing.
        let shape = band_shape(&conn)?;
        if shape != BAND_SHAPE {
            return Err(Error::Data(format!(
                "{}: its near-copy index has band shape {shape}, this newsprobe reads band shape \
                 {BAND_SHAPE} (open it once for writing, e.g. with `newsprobe clusters --db {}`, \
                 to re-band it from the stored signatures)",
                path.display(),
                path.display()
            )));
        }
        Self::with_ranking(conn)
    }

    /// The archive of `conn`, with the search's ranking function registered on it.
    fn with_ranking(conn: Connection) -> Result<Archive, Error> {
        let lengths = crate::rank::SharedLengths::default();
        crate::rank::register(&conn, &lengths)?;
        Ok(Archive { conn, lengths })
    }

    /// An archive in memory (tests).
    pub fn in_memory() -> Result<Archive, Error> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Archive, Error> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let fresh: bool = conn.query_row(
            "SELECT count(*) = 0 FROM sqlite_schema WHERE name = 'articles'",
            [],
            |r| r.get(0),
        )?;
        if fresh {
            // 8 KiB pages instead of SQLite's 4 KiB: an analysed article's row (text and packed
            // report, ~9 KB) keeps ~1 KB in its leaf and fills one overflow page, instead of a
            // chain of three; fewer pages to write and checksum per article (ingest with analysis
            // of 100,000 articles: 2,224 -> 2,443 articles/s, store 4% larger).
            conn.execute_batch("PRAGMA page_size=8192")?;
        }
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        // Checkpoint the WAL into the main file every 32 MiB instead of SQLite's 1,000 pages: a
        // page rewritten by several batches in between is copied back once, and the
        // writer stops for a checkpoint's fsync a few times less often (storage-only ingest of
        // 100,000 articles: 60 s -> 38 s on this machine). The WAL stays bounded by it.
        conn.execute_batch(&format!(
            "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;
             PRAGMA wal_autocheckpoint={};",
            (32 << 20) / page_size.max(512)
        ))?;
        conn.execute_batch(SCHEMA)?;
        migrate_band_table(&conn)?;
        reband(&conn)?;
        if fresh {
            // FTS5 keeps new terms in memory until `hashsize` bytes (default 1 MiB), then writes a
            // segment; level-0 segments are merged `automerge` at a time (default 4). A larger
            // hash writes one segment per batch instead of several, and wider merges rewrite each
            // posting fewer times as the index grows: less work per article at ingest, the same
            // search results (both settings persist in the file).
            conn.execute_batch(
                "INSERT INTO fts(fts, rank) VALUES('hashsize', 16777216);
                 INSERT INTO fts(fts, rank) VALUES('automerge', 8);",
            )?;
        }
        Self::with_ranking(conn)
    }

    /// Stores a batch of reports in one transaction; an id already stored is replaced.
    /// Returns how many were stored.
    pub fn ingest(&mut self, reports: &[Report]) -> Result<usize, Error> {
        // Signatures and JSON on every core; the SQL writes after, in one transaction.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let per = reports.len().div_ceil(threads).max(1);
        let prepared: Vec<Result<Prepared, Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = reports
                .chunks(per)
                .map(|chunk| scope.spawn(move || chunk.iter().map(prepare).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| {
                    h.join().unwrap_or_else(|_| {
                        vec![Err(Error::Data("a preparation thread panicked".into()))]
                    })
                })
                .collect()
        });
        let mut prepared = prepared.into_iter();
        let tx = self.conn.transaction()?;
        // The FTS index is written last, by plain single-row statements, with no trigger. FTS5
        // flushes its in-memory terms to a new on-disk segment at every statement savepoint,
        // and SQLite opens one for every statement that may abort half-way (an upsert, a
        // trigger) once the FTS table is part of the transaction: indexing through triggers
        // wrote one segment per article and spent most of the store's time merging them.
        let mut fts_rows: Vec<FtsRow> = Vec::with_capacity(reports.len());
        {
            let mut old = tx.prepare_cached(
                "SELECT rowid, signature, title, text, quotes, speakers FROM articles WHERE id = ?1",
            )?;
            let mut del_band = tx.prepare_cached(
                "DELETE FROM band_index WHERE epoch = ?1 AND key = ?2 AND article = ?3",
            )?;
            let mut upsert = tx.prepare_cached(
                "INSERT INTO articles(id, site, url, published, title, text, quotes, speakers,
                                      source_types, report, signature)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT(id) DO UPDATE SET site=excluded.site, url=excluded.url,
                    published=excluded.published, title=excluded.title, text=excluded.text,
                    quotes=excluded.quotes, speakers=excluded.speakers,
                    source_types=excluded.source_types, report=excluded.report,
                    signature=excluded.signature
                 RETURNING rowid",
            )?;
            // The batch's band keys, inserted in key order after the articles: neighbouring keys
            // share leaf pages.
            let mut new_bands: Vec<(i64, i64, i64)> = Vec::with_capacity(reports.len() * BANDS);
            for (i, r) in reports.iter().enumerate() {
                let previous: Option<(i64, Option<Vec<u8>>, FtsColumns)> = old
                    .query_row([&r.source.id], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            FtsColumns {
                                title: row.get(2)?,
                                text: row.get(3)?,
                                quotes: row.get(4)?,
                                speakers: row.get(5)?,
                            },
                        ))
                    })
                    .optional()?;
                let mut replaced = None;
                if let Some((rowid, bytes, columns)) = previous {
                    if let Some(sig) = bytes.as_deref().and_then(Signature::from_bytes) {
                        for key in sig.band_keys() {
                            del_band.execute(params![epoch_of(rowid), key, rowid])?;
                        }
                    }
                    replaced = Some(columns);
                }
                let Prepared {
                    sig,
                    quotes,
                    speakers,
                    types,
                    json,
                } = prepared
                    .next()
                    .ok_or_else(|| Error::Data("batch preparation".into()))??;
                let rowid: i64 = upsert.query_row(
                    params![
                        r.source.id,
                        r.metadata.site,
                        r.source.url,
                        r.metadata.published,
                        r.metadata.title,
                        r.text,
                        quotes,
                        speakers,
                        types,
                        json,
                        sig.as_ref().map(|s| s.to_bytes()),
                    ],
                    |row| row.get(0),
                )?;
                if let Some(sig) = &sig {
                    new_bands.extend(
                        sig.band_keys()
                            .into_iter()
                            .map(|k| (epoch_of(rowid), k, rowid)),
                    );
                }
                fts_rows.push(FtsRow {
                    rowid,
                    report: i,
                    replaced,
                    quotes,
                    speakers,
                });
            }
            new_bands.sort_unstable();
            let mut add_band = tx.prepare_cached(
                "INSERT OR IGNORE INTO band_index(epoch, key, article) VALUES (?1, ?2, ?3)",
            )?;
            for (epoch, key, rowid) in new_bands {
                add_band.execute(params![epoch, key, rowid])?;
            }
        }
        {
            let mut fts_delete = tx.prepare_cached(
                "INSERT INTO fts(fts, rowid, title, text, quotes, speakers)
                 VALUES ('delete', ?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut fts_insert = tx.prepare_cached(
                "INSERT INTO fts(rowid, title, text, quotes, speakers) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for row in &fts_rows {
                if let Some(old) = &row.replaced {
                    fts_delete.execute(params![
                        row.rowid,
                        old.title,
                        old.text,
                        old.quotes,
                        old.speakers
                    ])?;
                }
                let r = &reports[row.report];
                fts_insert.execute(params![
                    row.rowid,
                    r.metadata.title,
                    r.text,
                    row.quotes,
                    row.speakers
                ])?;
            }
        }
        tx.commit()?;
        Ok(reports.len())
    }

    /// Number of stored articles.
    pub fn len(&self) -> Result<usize, Error> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// Whether the archive holds no article.
    pub fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.len()? == 0)
    }

    fn row_to_article(row: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredArticle, Vec<u8>)> {
        let text: String = row.get(6)?;
        // The report: LZ4-compressed JSON (a BLOB).
        let packed: Vec<u8> = row.get(7)?;
        let article = StoredArticle {
            rowid: row.get(0)?,
            id: row.get(1)?,
            site: row.get(2)?,
            url: row.get(3)?,
            published: row.get(4)?,
            title: row.get(5)?,
            report: placeholder_report(text),
        };
        Ok((article, packed))
    }

    fn finish(parts: (StoredArticle, Vec<u8>)) -> Result<StoredArticle, Error> {
        let (mut a, packed) = parts;
        let mut report: Report = serde_json::from_slice(&unpack_report(&packed)?)?;
        report.text = std::mem::take(&mut a.report.text);
        a.report = report;
        Ok(a)
    }

    /// The stored article with row id `rowid`.
    pub fn get_row(&self, rowid: i64) -> Result<Option<StoredArticle>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, id, site, url, published, title, text, report FROM articles WHERE rowid = ?1",
        )?;
        st.query_row([rowid], Self::row_to_article)
            .optional()?
            .map(Self::finish)
            .transpose()
    }

    /// The stored article with id `id`.
    pub fn get(&self, id: &str) -> Result<Option<StoredArticle>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, id, site, url, published, title, text, report FROM articles WHERE id = ?1",
        )?;
        st.query_row([id], Self::row_to_article)
            .optional()?
            .map(Self::finish)
            .transpose()
    }

    /// Calls `f` with every stored article, in row order (streams; memory stays flat).
    pub fn for_each(&self, mut f: impl FnMut(StoredArticle)) -> Result<(), Error> {
        let mut st = self.conn.prepare(
            "SELECT rowid, id, site, url, published, title, text, report FROM articles ORDER BY rowid",
        )?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            f(Self::finish(Self::row_to_article(row)?)?);
        }
        Ok(())
    }

    /// The stored signature of a row.
    pub fn signature(&self, rowid: i64) -> Result<Option<Signature>, Error> {
        let mut st = self
            .conn
            .prepare_cached("SELECT signature FROM articles WHERE rowid = ?1")?;
        let b: Option<Option<Vec<u8>>> = st.query_row([rowid], |r| r.get(0)).optional()?;
        Ok(b.flatten().and_then(|b| Signature::from_bytes(&b)))
    }

    /// Stored articles whose estimated Jaccard similarity with `sig` is at least `min`, best
    /// first, as `(rowid, similarity)`. Only band-key index hits are compared.
    pub fn near_copies(&self, sig: &Signature, min: f64) -> Result<Vec<(i64, f64)>, Error> {
        let last: Option<i64> =
            self.conn
                .query_row("SELECT max(rowid) FROM articles", [], |r| r.get(0))?;
        let mut st = self
            .conn
            .prepare_cached("SELECT article FROM band_index WHERE epoch = ?1 AND key = ?2")?;
        let keys = sig.band_keys();
        let mut candidates: Vec<i64> = Vec::new();
        for epoch in 0..=last.map_or(-1, epoch_of) {
            for &key in &keys {
                let rows = st.query_map([epoch, key], |r| r.get::<_, i64>(0))?;
                for r in rows {
                    candidates.push(r?);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut out = Vec::new();
        for rowid in candidates {
            if let Some(other) = self.signature(rowid)? {
                let s = sig.similarity(&other);
                if s >= min {
                    out.push((rowid, s));
                }
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// `PRAGMA integrity_check` ("ok" when the file is sound).
    pub fn integrity_check(&self) -> Result<String, Error> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Moves an archive written before band epochs (a `bands(key, article)` table) to `band_index`.
fn migrate_band_table(conn: &Connection) -> Result<(), Error> {
    let old: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'bands'",
        [],
        |r| r.get(0),
    )?;
    if old {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             INSERT OR IGNORE INTO band_index(epoch, key, article)
                 SELECT article >> {EPOCH_BITS}, key, article FROM bands ORDER BY 1, 2, 3;
             DROP TABLE bands;
             COMMIT;"
        ))?;
    }
    Ok(())
}

/// The band shape ([`BAND_SHAPE`]) the archive's near-copy index was built with, kept in SQLite's
/// `user_version`; 0 in an archive written before it was kept (bands of shape 1).
fn band_shape(conn: &Connection) -> Result<i64, Error> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Rebuilds the band index from the stored signatures when it was built with another band shape
/// (signatures are the same hash values in every shape), one epoch at a time, in one
/// transaction; a new archive just records the shape. An index of a newer shape is an error.
fn reband(conn: &Connection) -> Result<(), Error> {
    let shape = band_shape(conn)?;
    if shape == BAND_SHAPE {
        return Ok(());
    }
    if shape > BAND_SHAPE {
        return Err(Error::Data(format!(
            "the archive's near-copy index has band shape {shape}, newer than this newsprobe's \
             ({BAND_SHAPE}): open it with a newer newsprobe"
        )));
    }
    conn.execute_batch("BEGIN IMMEDIATE; DELETE FROM band_index;")?;
    let done = (|| -> Result<(), Error> {
        let last: i64 =
            conn.query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| {
                r.get(0)
            })?;
        let mut read = conn.prepare(
            "SELECT rowid, signature FROM articles WHERE rowid >= ?1 AND rowid < ?2
                    AND signature IS NOT NULL",
        )?;
        let mut add = conn
            .prepare("INSERT OR IGNORE INTO band_index(epoch, key, article) VALUES (?1, ?2, ?3)")?;
        for epoch in 0..=epoch_of(last) {
            let mut keys: Vec<(i64, i64)> = Vec::new();
            let rows = read.query_map([epoch << EPOCH_BITS, (epoch + 1) << EPOCH_BITS], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
            })?;
            for row in rows {
                let (rowid, bytes) = row?;
                if let Some(sig) = Signature::from_bytes(&bytes) {
                    keys.extend(sig.band_keys().into_iter().map(|k| (k, rowid)));
                }
            }
            keys.sort_unstable();
            for (key, rowid) in keys {
                add.execute(params![epoch, key, rowid])?;
            }
        }
        conn.execute_batch(&format!("PRAGMA user_version = {BAND_SHAPE}; COMMIT;"))?;
        Ok(())
    })();
    if done.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    done
}

/// Largest report JSON a stored row may claim to unpack to (a guard against a damaged file).
const MAX_REPORT_BYTES: usize = 256 << 20;

/// The stored form of a report's JSON: LZ4 block with its length in front (about a quarter of
/// the JSON's size, compressed and unpacked at several hundred MB/s).
fn pack_report(json: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(json)
}

/// Reads [`pack_report`]'s output.
fn unpack_report(packed: &[u8]) -> Result<Vec<u8>, Error> {
    let claimed = packed
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| Error::Data("stored report: too short".into()))?;
    if claimed > MAX_REPORT_BYTES {
        return Err(Error::Data(format!(
            "stored report: claims {claimed} bytes"
        )));
    }
    lz4_flex::decompress_size_prepended(packed)
        .map_err(|e| Error::Data(format!("stored report: {e}")))
}

/// The indexed columns of a stored row, as the FTS index holds them.
struct FtsColumns {
    title: Option<String>,
    text: String,
    quotes: String,
    speakers: String,
}

/// One row to index once the batch's table writes are done.
struct FtsRow {
    rowid: i64,
    /// Index of the report in the batch.
    report: usize,
    /// The columns the index holds for this row now (a re-ingested id), to delete first.
    replaced: Option<FtsColumns>,
    quotes: String,
    speakers: String,
}

/// What a report becomes in the store, computed before the transaction.
struct Prepared {
    sig: Option<Signature>,
    quotes: String,
    speakers: String,
    types: String,
    /// The report's JSON (all but `text`), packed by [`pack_report`].
    json: Vec<u8>,
}

/// The stored report: every field but `text` (kept once, in its own column).
#[derive(serde::Serialize)]
struct StoredReport<'a> {
    schema_version: &'a str,
    source: &'a newsprobe_core::SourceInfo,
    metadata: &'a newsprobe_core::Metadata,
    text: &'static str,
    sentences: &'a [newsprobe_core::report::ReportSentence],
    entities: &'a [newsprobe_core::Entity<newsprobe_core::report::ReportSpan>],
    quotes: &'a [newsprobe_core::report::ReportQuote],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attributions: &'a [newsprobe_core::Attribution<newsprobe_core::report::ReportSpan>],
    sources: &'a [newsprobe_core::SourceSummary],
    framing: &'a newsprobe_core::Framing<newsprobe_core::report::ReportSpan>,
    findings: &'a [newsprobe_core::Finding<newsprobe_core::report::ReportSpan>],
}

fn prepare(r: &Report) -> Result<Prepared, Error> {
    // The words of the body serve both the signature and the anonymous-sourcing check.
    let body_words = crate::words::word_norms(&r.text);
    let title_words = r
        .metadata
        .title
        .as_deref()
        .map(crate::words::word_norms)
        .unwrap_or_default();
    let hashes = shingle_hashes_of_words(&[&title_words, &body_words]);
    let sig = (!hashes.is_empty()).then(|| Signature::of_hashes(&hashes));
    let quotes: Vec<&str> = r.quotes.iter().map(|q| q.span.text.as_str()).collect();
    let mut speakers: Vec<&str> = Vec::new();
    let mut types: Vec<&str> = Vec::new();
    for q in &r.quotes {
        if let Some(n) = &q.source.name {
            speakers.push(n);
        }
        if let Some(m) = &q.source.mention {
            speakers.push(&m.text);
        }
        types.push(source_type_name(q.source.kind));
    }
    for s in &r.sources {
        speakers.push(&s.name);
        types.push(source_type_name(s.kind));
    }
    let mut seen = std::collections::HashSet::new();
    speakers.retain(|s| seen.insert(s.to_lowercase()));
    // Anonymous sourcing the text shows even when the quote stage found none.
    if !types.contains(&"anonymous") && crate::cues::has_anonymous(&body_words) {
        types.push("anonymous");
    }
    types.sort_unstable();
    types.dedup();
    let json = serde_json::to_vec(&StoredReport {
        schema_version: &r.schema_version,
        source: &r.source,
        metadata: &r.metadata,
        text: "",
        sentences: &r.sentences,
        entities: &r.entities,
        quotes: &r.quotes,
        attributions: &r.attributions,
        sources: &r.sources,
        framing: &r.framing,
        findings: &r.findings,
    })?;
    Ok(Prepared {
        sig,
        quotes: quotes.join("\n"),
        speakers: speakers.join("\n"),
        types: format!(" {} ", types.join(" ")),
        json: pack_report(&json),
    })
}

/// A report holding only `text` (filled in from the stored row).
fn placeholder_report(text: String) -> Report {
    Report {
        schema_version: newsprobe_core::SCHEMA_VERSION.to_string(),
        source: Default::default(),
        metadata: Default::default(),
        text,
        sentences: Vec::new(),
        entities: Vec::new(),
        quotes: Vec::new(),
        attributions: Vec::new(),
        sources: Vec::new(),
        framing: newsprobe_core::Framing {
            headline: newsprobe_core::HeadlineFraming {
                clickbait: Default::default(),
                markers: Vec::new(),
            },
            headline_support: None,
            spans: Vec::new(),
            profile: serde_json::Value::Null,
        },
        findings: Vec::new(),
    }
}

/// A hand-built report for tests and the synthetic archive: text and metadata, no annotations.
pub fn plain_report(
    id: &str,
    site: Option<&str>,
    published: Option<&str>,
    title: Option<&str>,
    text: &str,
) -> Report {
    let mut r = placeholder_report(text.to_string());
    r.source.id = id.to_string();
    r.metadata.site = site.map(str::to_string);
    r.metadata.published = published.map(str::to_string);
    r.metadata.title = title.map(str::to_string);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const HARBOUR: &str = "The harbour authority of Northport confirmed on Wednesday that the \
        container terminal will be sold to a consortium of regional investors, ending two years of \
        negotiations over the price and the future of the dock workers.";

    #[test]
    fn ingest_stores_and_replaces_by_id() {
        let mut a = Archive::in_memory().unwrap();
        let r1 = plain_report(
            "a1",
            Some("ledger"),
            Some("2026-03-04"),
            Some("Port sold"),
            HARBOUR,
        );
        a.ingest(std::slice::from_ref(&r1)).unwrap();
        let row = a.get("a1").unwrap().unwrap().rowid;
        let mut r2 = r1.clone();
        r2.text = "Rain flooded the lower town overnight; the river crests on Friday.".into();
        a.ingest(&[r2.clone()]).unwrap();
        assert_eq!(a.len().unwrap(), 1);
        let got = a.get("a1").unwrap().unwrap();
        assert_eq!(got.rowid, row);
        assert_eq!(got.report, r2);
        // The old text's bands are gone: the first version no longer finds the replaced row.
        let sig = Signature::of_text(&signature_text(&r1));
        assert!(a.near_copies(&sig, 0.5).unwrap().is_empty());
        assert_eq!(a.integrity_check().unwrap(), "ok");
    }

    /// Row ids whose indexed text matches an FTS5 query.
    fn fts_rows(a: &Archive, query: &str) -> Vec<i64> {
        let mut st = a
            .conn
            .prepare("SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rowid")
            .unwrap();
        let rows = st.query_map([query], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    }

    /// FTS5's own check that the index holds exactly the content table's rows.
    fn fts_consistent(a: &Archive) -> bool {
        a.conn
            .execute(
                "INSERT INTO fts(fts, rank) VALUES('integrity-check', 1)",
                [],
            )
            .is_ok()
    }

    #[test]
    fn the_full_text_index_follows_replacements_within_and_across_batches() {
        let mut a = Archive::in_memory().unwrap();
        let flood = "Rain flooded the lower town overnight; the river crests on Friday.";
        let storm = "A storm closed the ferry to the islands until the wind drops.";
        // The same id twice in one batch: the second version wins, and only it is indexed.
        a.ingest(&[
            plain_report("a1", None, None, Some("Port sold"), HARBOUR),
            plain_report("b1", None, None, None, storm),
            plain_report("a1", None, None, Some("Town flooded"), flood),
        ])
        .unwrap();
        assert!(fts_consistent(&a));
        let a1 = a.get("a1").unwrap().unwrap().rowid;
        let b1 = a.get("b1").unwrap().unwrap().rowid;
        assert_eq!(fts_rows(&a, "flooded"), [a1]);
        assert!(fts_rows(&a, "consortium").is_empty());
        assert!(fts_rows(&a, "title:port").is_empty());
        // Replaced in a later batch.
        a.ingest(&[plain_report("a1", None, None, None, HARBOUR)])
            .unwrap();
        assert!(fts_consistent(&a));
        assert_eq!(fts_rows(&a, "consortium"), [a1]);
        assert!(fts_rows(&a, "flooded").is_empty());
        assert_eq!(fts_rows(&a, "ferry"), [b1]);
        assert_eq!(a.len().unwrap(), 2);
    }

    #[test]
    fn packed_reports_round_trip_and_damage_is_an_error() {
        let json = br#"{"schema_version":"1","quotes":[]}"#;
        assert_eq!(unpack_report(&pack_report(json)).unwrap(), json);
        assert!(unpack_report(&[1, 2]).is_err());
        assert!(unpack_report(&[0xff, 0xff, 0xff, 0xff, 0]).is_err());
        assert!(unpack_report(&[40, 0, 0, 0, 0x50, 1]).is_err());
    }

    #[test]
    fn near_copies_are_found_through_bands() {
        let mut a = Archive::in_memory().unwrap();
        let copy = HARBOUR.replace("regional", "local");
        a.ingest(&[
            plain_report("orig", Some("ledger"), None, None, HARBOUR),
            plain_report("copy", Some("mirror"), None, None, &copy),
            plain_report(
                "other",
                None,
                None,
                None,
                "Heavy rain flooded the lower town overnight.",
            ),
        ])
        .unwrap();
        let sig = Signature::of_text(HARBOUR);
        let hits = a.near_copies(&sig, 0.5).unwrap();
        let ids: Vec<String> = hits
            .iter()
            .map(|(r, _)| a.get_row(*r).unwrap().unwrap().id)
            .collect();
        assert_eq!(ids, ["orig", "copy"]);
    }

    #[test]
    fn near_copies_are_found_across_band_epochs() {
        let mut a = Archive::in_memory().unwrap();
        a.ingest(&[plain_report("orig", None, None, None, HARBOUR)])
            .unwrap();
        // Jump the row ids two epochs ahead: the copy lands in another section of the index.
        let far = 2 << EPOCH_BITS;
        a.conn
            .execute(
                "INSERT INTO articles(rowid, id, text, quotes, speakers, source_types, report)
                 VALUES (?1, 'pad', '', '', '', '', x'00')",
                [far],
            )
            .unwrap();
        let copy = HARBOUR.replace("regional", "local");
        a.ingest(&[plain_report("copy", None, None, None, &copy)])
            .unwrap();
        let copy_row = a.get("copy").unwrap().unwrap().rowid;
        assert_eq!(epoch_of(copy_row), 2);
        let hits = a.near_copies(&Signature::of_text(&copy), 0.5).unwrap();
        let rows: Vec<i64> = hits.iter().map(|h| h.0).collect();
        assert_eq!(rows, [copy_row, 1], "{hits:?}");
        // Re-ingesting the copy with other text removes its keys from its own epoch.
        a.ingest(&[plain_report("copy", None, None, None, "Unrelated words.")])
            .unwrap();
        let hits = a.near_copies(&Signature::of_text(&copy), 0.5).unwrap();
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn an_archive_with_the_old_band_table_is_migrated_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut a = Archive::open(&path).unwrap();
            a.ingest(&[plain_report("orig", None, None, None, HARBOUR)])
                .unwrap();
            // Rewrite the index the way archives before band epochs stored it.
            a.conn
                .execute_batch(
                    "CREATE TABLE bands(key INTEGER NOT NULL, article INTEGER NOT NULL,
                         PRIMARY KEY(key, article)) WITHOUT ROWID;
                     INSERT INTO bands SELECT key, article FROM band_index;
                     DELETE FROM band_index;",
                )
                .unwrap();
        }
        let a = Archive::open(&path).unwrap();
        let hits = a.near_copies(&Signature::of_text(HARBOUR), 0.5).unwrap();
        assert_eq!(hits.len(), 1);
        let old: i64 = a
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'bands'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(old, 0);
    }

    #[test]
    fn an_archive_banded_with_another_shape_is_refused_read_only_and_rebanded_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shape1.db");
        let copy = HARBOUR.replace("regional", "local");
        {
            let mut a = Archive::open(&path).unwrap();
            a.ingest(&[
                plain_report("orig", None, None, None, HARBOUR),
                plain_report("other", None, None, None, "Rain flooded the lower town."),
            ])
            .unwrap();
            // The index as band shape 1 left it: keys this build never computes, no version.
            a.conn
                .execute_batch("UPDATE band_index SET key = key + 12345; PRAGMA user_version = 0;")
                .unwrap();
            assert!(a
                .near_copies(&Signature::of_text(&copy), 0.5)
                .unwrap()
                .is_empty());
        }
        let e = Archive::open_read_only(&path)
            .err()
            .expect("an old band shape is refused");
        assert!(e.to_string().contains("band shape 0"), "{e}");
        let a = Archive::open(&path).unwrap();
        let hits = a.near_copies(&Signature::of_text(&copy), 0.5).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        let keys: i64 = a
            .conn
            .query_row("SELECT count(*) FROM band_index", [], |r| r.get(0))
            .unwrap();
        assert_eq!(keys, 2 * BANDS as i64);
        drop(a);
        assert!(Archive::open_read_only(&path).is_ok());
        // An index from a newer newsprobe is not touched.
        Connection::open(&path)
            .unwrap()
            .execute_batch(&format!("PRAGMA user_version = {};", BAND_SHAPE + 1))
            .unwrap();
        let e = Archive::open(&path)
            .err()
            .expect("a newer band shape is refused");
        assert!(e.to_string().contains("newer"), "{e}");
    }
}
