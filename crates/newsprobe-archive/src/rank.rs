//! How well does a stored article match a query? BM25 exactly as FTS5's `bm25()` computes it
//! (same formula, phrase frequencies and IDFs, the same bits), registered on every archive
//! connection as the FTS5 function `np_bm25`, with one difference: an article's length in
//! tokens, once FTS5 has looked it up in its `fts_docsize` table (a statement and a B-tree
//! search: ~3,000 instructions a match, a fifth of a search's), is kept in an array by row id
//! and read from there the next times the article is ranked, until the archive changes.
//!
//! Kept lengths count only in the generation they were read in; a new generation starts
//! whenever the archive changed (`PRAGMA data_version` for other connections' commits, the
//! connection's own change count for its own), checked inside the read transaction the search
//! then ranks in, so a length is always the one of the row ranked. (Reading all lengths again
//! on each change instead cost ~1,075 instructions a row, 107 M at 100,000 articles, per
//! connection and commit: more than it saved while an ingest commits every second.)
//!
//! The corpus statistics of a query (the row count, the total size and, for each phrase, the
//! number of rows containing it: one walk of the phrase's posting list each, `xQueryPhrase`,
//! ~12% of a search) are kept too, by query, in the same generation: a query asked again before
//! the archive changes reads them from [`Lengths`] instead of counting again. The search names
//! its query ([`set_query`]) around the one statement that ranks it; without a name, nothing is
//! kept or read.

use std::collections::HashMap;
use std::ffi::{c_int, c_void, CStr};
use std::sync::{Arc, Mutex};

use rusqlite::{ffi, Connection};

use crate::Error;

/// Token counts (all columns together) of the stored articles by row id, each with the
/// archive state it was read in, and the state the connection reads now.
#[derive(Debug, Default)]
pub(crate) struct Lengths {
    /// `(tokens, generation)` by row id; a length counts only in the current generation.
    by_row: Vec<(u32, u32)>,
    /// The current generation: moves whenever the archive changed.
    generation: u32,
    /// `(data_version, total_changes)` of the current generation; `None`: none yet.
    state: Option<(i64, u64)>,
    /// The FTS5 query the running ranking statement matches (set by [`set_query`]).
    query: Option<String>,
    /// Corpus statistics of the queries ranked in the current generation, by FTS5 query.
    stats: HashMap<String, Stats>,
}

/// A query's corpus statistics: rows, tokens (all columns), rows containing each phrase.
#[derive(Debug, Clone)]
struct Stats {
    rows: i64,
    tokens: i64,
    hits: Vec<i64>,
}

/// Queries whose statistics are kept at most in one generation.
const MAX_STATS: usize = 4096;

/// Names the FTS5 query that the next ranking statement on this connection matches (`None`
/// after it): `np_bm25` keeps and reads that query's corpus statistics under this name.
pub(crate) fn set_query(lengths: &SharedLengths, query: Option<&str>) -> Result<(), Error> {
    let mut l = lengths
        .lock()
        .map_err(|_| Error::Data("article lengths lock poisoned".into()))?;
    l.query = query.map(str::to_string);
    Ok(())
}

/// Row ids kept at most (larger ones are looked up by FTS5 every time).
const MAX_ROWS: usize = 1 << 26;

/// The lengths shared between an archive and the function registered on its connection.
pub(crate) type SharedLengths = Arc<Mutex<Lengths>>;

/// Starts a new generation of `lengths` when the archive changed since the current one began
/// (call it inside the read transaction that then ranks): lengths read before count no more.
pub(crate) fn refresh(conn: &Connection, lengths: &SharedLengths) -> Result<(), Error> {
    let version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?;
    let state = (version, conn.total_changes());
    let mut l = lengths
        .lock()
        .map_err(|_| Error::Data("article lengths lock poisoned".into()))?;
    if l.state != Some(state) {
        l.state = Some(state);
        l.stats.clear();
        l.generation = l.generation.wrapping_add(1);
        if l.generation == 0 {
            // Wrapped: no old entry may look current.
            l.by_row.clear();
            l.generation = 1;
        }
    }
    Ok(())
}

/// The `xQueryPhrase` callback counting the rows that contain a phrase.
unsafe extern "C" fn count_rows(
    _api: *const ffi::Fts5ExtensionApi,
    _fts: *mut ffi::Fts5Context,
    user: *mut c_void,
) -> c_int {
    // SAFETY: `user` is the `&mut i64` that `bm25` passes to xQueryPhrase.
    unsafe { *(user as *mut i64) += 1 };
    ffi::SQLITE_OK
}

/// Per-query data: the average row length and each phrase's IDF (FTS5's `Fts5Bm25Data`).
struct QueryData {
    avgdl: f64,
    idf: Vec<f64>,
    freq: Vec<f64>,
}

unsafe extern "C" fn drop_query_data(p: *mut c_void) {
    // SAFETY: `p` is the `Box<QueryData>` that `bm25` gave xSetAuxdata.
    drop(unsafe { Box::from_raw(p as *mut QueryData) });
}

unsafe extern "C" fn drop_lengths(p: *mut c_void) {
    // SAFETY: `p` is the `Arc<Mutex<Lengths>>` that `register` gave xCreateFunction.
    drop(unsafe { Arc::from_raw(p as *const Mutex<Lengths>) });
}

/// `np_bm25(fts, weights...)`: FTS5's `fts5Bm25Function`, row length from [`Lengths`].
unsafe extern "C" fn bm25(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its valid API table, cursor context, result context and
    // `n_val` argument values, for the duration of the call.
    unsafe {
        let rc = bm25_inner(&*api, fts, ctx, n_val, vals);
        if rc != ffi::SQLITE_OK {
            ffi::sqlite3_result_error_code(ctx, rc);
        }
    }
}

/// The body of [`bm25`]; an SQLite error code when an API call fails.
unsafe fn bm25_inner(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) -> c_int {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    macro_rules! call {
        ($f:ident $(, $a:expr)*) => {
            match api.$f {
                Some(f) => f(fts $(, $a)*),
                None => return ffi::SQLITE_ERROR,
            }
        };
    }
    macro_rules! check {
        ($e:expr) => {
            let rc = $e;
            if rc != ffi::SQLITE_OK {
                return rc;
            }
        };
    }
    // SAFETY (whole body): the API functions are called as FTS5 documents them, with pointers
    // to live locals; the aux data is the QueryData this function stored.
    unsafe {
        let lengths = &*(call!(xUserData) as *const Mutex<Lengths>);
        let mut data = call!(xGetAuxdata, 0) as *mut QueryData;
        if data.is_null() {
            let phrases = call!(xPhraseCount).max(0) as usize;
            // The statistics kept for this query in this generation, if any.
            let (name, kept) = match lengths.lock() {
                Ok(l) if l.state.is_some() => {
                    let name = l.query.clone();
                    let kept = name.as_ref().and_then(|q| l.stats.get(q)).cloned();
                    (name, kept)
                }
                _ => (None, None),
            };
            let stats = match kept.filter(|s| s.hits.len() == phrases) {
                Some(s) => s,
                None => {
                    let (mut rows, mut tokens) = (0i64, 0i64);
                    check!(call!(xRowCount, &mut rows));
                    check!(call!(xColumnTotalSize, -1, &mut tokens));
                    let mut hits = Vec::with_capacity(phrases);
                    for i in 0..phrases {
                        let mut n = 0i64;
                        check!(call!(
                            xQueryPhrase,
                            i as c_int,
                            &mut n as *mut i64 as *mut c_void,
                            Some(count_rows)
                        ));
                        hits.push(n);
                    }
                    let s = Stats { rows, tokens, hits };
                    if let (Some(q), Ok(mut l)) = (name, lengths.lock()) {
                        if l.state.is_some() && l.query.as_ref() == Some(&q) {
                            if l.stats.len() >= MAX_STATS {
                                l.stats.clear();
                            }
                            l.stats.insert(q, s.clone());
                        }
                    }
                    s
                }
            };
            let (rows, tokens) = (stats.rows, stats.tokens);
            let avgdl = tokens as f64 / rows as f64;
            let mut idf = Vec::with_capacity(phrases);
            for &hits in &stats.hits {
                let x = ((rows - hits) as f64 + 0.5) / (hits as f64 + 0.5);
                let v = x.ln();
                idf.push(if v <= 0.0 { 1e-6 } else { v });
            }
            let boxed = Box::into_raw(Box::new(QueryData {
                avgdl,
                idf,
                freq: vec![0.0; phrases],
            }));
            let rc = call!(xSetAuxdata, boxed as *mut c_void, Some(drop_query_data));
            if rc != ffi::SQLITE_OK {
                // xSetAuxdata calls the destructor itself when it fails.
                return rc;
            }
            data = boxed;
        }
        let data = &mut *data;
        data.freq.fill(0.0);
        let mut insts: c_int = 0;
        check!(call!(xInstCount, &mut insts));
        for i in 0..insts {
            let (mut ip, mut ic, mut io) = (0, 0, 0);
            check!(call!(xInst, i, &mut ip, &mut ic, &mut io));
            let w = if n_val > ic {
                ffi::sqlite3_value_double(*vals.add(ic as usize))
            } else {
                1.0
            };
            if let Some(f) = data.freq.get_mut(ip as usize) {
                *f += w;
            }
        }
        let row = usize::try_from(call!(xRowid))
            .ok()
            .filter(|&r| r < MAX_ROWS);
        let known = row.and_then(|r| {
            let l = lengths.lock().ok()?;
            let (n, generation) = l.by_row.get(r).copied()?;
            (generation == l.generation && l.state.is_some()).then_some(n)
        });
        let d = match known {
            Some(n) => f64::from(n),
            None => {
                let mut n: c_int = 0;
                check!(call!(xColumnSize, -1, &mut n));
                if let (Some(r), Ok(mut l), Ok(len)) = (row, lengths.lock(), u32::try_from(n)) {
                    if l.state.is_some() {
                        if l.by_row.len() <= r {
                            l.by_row.resize(r + 1, (0, 0));
                        }
                        let generation = l.generation;
                        l.by_row[r] = (len, generation);
                    }
                }
                f64::from(n)
            }
        };
        let mut score = 0.0;
        for (idf, f) in data.idf.iter().zip(&data.freq) {
            score += idf * ((f * (K1 + 1.0)) / (f + K1 * (1.0 - B + B * d / data.avgdl)));
        }
        ffi::sqlite3_result_double(ctx, -score);
        ffi::SQLITE_OK
    }
}

/// Registers `np_bm25` on `conn`, reading row lengths from `lengths`.
pub(crate) fn register(conn: &Connection, lengths: &SharedLengths) -> Result<(), Error> {
    let fail = |what: &str| Error::Data(format!("registering np_bm25: {what}"));
    // SAFETY: the statement is prepared, bound, stepped and finalized on this connection's
    // handle; `fts5(?1)` writes the API pointer into `api` during the step; the function's user
    // data is an `Arc` handed over to SQLite, dropped by `drop_lengths`.
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let sql = c"SELECT fts5(?1)";
        if ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, std::ptr::null_mut())
            != ffi::SQLITE_OK
        {
            return Err(fail("no fts5()"));
        }
        let mut api: *mut ffi::fts5_api = std::ptr::null_mut();
        let name: &CStr = c"fts5_api_ptr";
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            &mut api as *mut *mut ffi::fts5_api as *mut c_void,
            name.as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        if api.is_null() || (*api).iVersion < 2 {
            return Err(fail("no FTS5 API"));
        }
        let Some(create) = (*api).xCreateFunction else {
            return Err(fail("no xCreateFunction"));
        };
        let user = Arc::into_raw(Arc::clone(lengths)) as *mut c_void;
        let rc = create(
            api,
            c"np_bm25".as_ptr(),
            user,
            Some(bm25),
            Some(drop_lengths),
        );
        if rc != ffi::SQLITE_OK {
            drop_lengths(user);
            return Err(fail("xCreateFunction failed"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::{plain_report, Archive};
    use newsprobe_core::Report;

    /// The scores FTS5's own bm25() gives the matches of `fts`, by article id.
    fn fts5_scores(a: &Archive, fts: &str) -> Vec<(String, f64)> {
        let mut st = a
            .conn
            .prepare(
                "SELECT a.id, -bm25(fts, 4.0, 1.0, 2.0, 2.0) FROM fts
                 JOIN articles a ON a.rowid = fts.rowid WHERE fts MATCH ?1 ORDER BY a.id",
            )
            .unwrap();
        st.query_map([fts], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// An article of the site "ledger" with the given text.
    fn ledger(id: &str, text: &str) -> Report {
        plain_report(id, Some("ledger"), None, None, text)
    }

    /// A new archive holding `articles`, with a writing and a read-only connection to it.
    fn writer_and_reader(articles: &[(&str, &str)]) -> (tempfile::TempDir, Archive, Archive) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("news.db");
        let mut writer = Archive::open(&db).unwrap();
        let reports: Vec<Report> = articles.iter().map(|(id, t)| ledger(id, t)).collect();
        writer.ingest(&reports).unwrap();
        let reader = Archive::open_read_only(&db).unwrap();
        (dir, writer, reader)
    }

    fn scores(a: &Archive, q: &str) -> Vec<(String, f64)> {
        let mut s: Vec<(String, f64)> = a
            .search(q, 100)
            .unwrap()
            .into_iter()
            .map(|h| (h.id, h.score))
            .collect();
        s.sort_by(|x, y| x.0.cmp(&y.0));
        s
    }

    #[test]
    fn scores_are_fts5_bm25_also_after_an_article_is_replaced() {
        let mut a = Archive::in_memory().unwrap();
        a.ingest(&[
            ledger("p-1", "The port authority raised fees at the port."),
            ledger(
                "p-2",
                "Port fees were discussed by the harbour board on Monday.",
            ),
            ledger("p-3", "Nothing about harbours here, only the weather."),
        ])
        .unwrap();
        let first = scores(&a, "port fees");
        assert_eq!(first.len(), 2);
        assert_eq!(first, fts5_scores(&a, "\"port\" \"fees\""));
        // The same search again reads the lengths it kept; the scores stay FTS5's.
        assert_eq!(scores(&a, "port fees"), first);
        // p-1 replaced in place (same row) by a much longer text: its length changed.
        let long = format!("Port fees rose. {}", "The board met again. ".repeat(40));
        a.ingest(&[ledger("p-1", &long)]).unwrap();
        let after = scores(&a, "port fees");
        assert_eq!(after, fts5_scores(&a, "\"port\" \"fees\""));
        assert_ne!(after, first);
    }

    #[test]
    fn kept_phrase_counts_follow_an_article_added_by_another_connection() {
        let (_dir, mut writer, reader) = writer_and_reader(&[
            ("t-1", "The tariff on steel was doubled by the ministry."),
            ("t-2", "Steel mills said the tariff would cost jobs."),
            ("t-3", "Fishing quotas were cut again this spring."),
            ("t-4", "The ferry timetable changes in May."),
        ]);
        let first = scores(&reader, "tariff");
        assert_eq!(first, fts5_scores(&reader, "\"tariff\""));
        // Asked again in the same state: the kept counts give the same scores.
        assert_eq!(scores(&reader, "tariff"), first);
        // A third article with the word: fewer rows lack it, so its IDF (and every score) falls.
        writer
            .ingest(&[ledger("t-5", "A new tariff on aluminium was announced.")])
            .unwrap();
        let after = scores(&reader, "tariff");
        assert_eq!(after.len(), 3);
        assert_eq!(after, fts5_scores(&reader, "\"tariff\""));
        assert!(after[0].1 < first[0].1);
    }

    #[test]
    fn a_reader_sees_the_lengths_another_connection_committed() {
        let (_dir, mut writer, reader) = writer_and_reader(&[
            ("d-1", "Dredging of the harbour began."),
            ("d-2", "The harbour dredging was delayed by a storm at sea."),
        ]);
        let first = scores(&reader, "dredging harbour");
        assert_eq!(first, fts5_scores(&reader, "\"dredging\" \"harbour\""));
        let long = format!(
            "Dredging of the harbour began. {}",
            "Work went on. ".repeat(30)
        );
        writer.ingest(&[ledger("d-1", &long)]).unwrap();
        let after = scores(&reader, "dredging harbour");
        assert_eq!(after, fts5_scores(&reader, "\"dredging\" \"harbour\""));
        assert_ne!(after, first);
    }
}
