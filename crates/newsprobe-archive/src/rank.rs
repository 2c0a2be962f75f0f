//! How well does a stored article match a query? BM25 exactly as FTS5's `bm25()` computes it
//! (same formula, same phrase frequencies and IDFs, the same bits), registered on every archive
//! connection as the FTS5 function `np_bm25`, with one difference: each article's length in
//! tokens comes from an in-memory array read once per archive change ([`Lengths`]), not from
//! FTS5's look-up of the article's row in its `fts_docsize` table for every match (a statement
//! and a B-tree search a match: ~3,000 instructions, a fifth of a search's).
//!
//! The array is read again whenever the archive changed (`PRAGMA data_version` for other
//! connections' commits, the connection's own change count for its own), inside the read
//! transaction the search then runs in, so the lengths are always those of the rows ranked.
//! A row missing from the array is looked up as FTS5 does.

use std::ffi::{c_int, c_void, CStr};
use std::sync::{Arc, Mutex};

use rusqlite::{ffi, Connection};

use crate::Error;

/// Token counts (all columns together) of the stored articles by row id, and the archive state
/// they were read at.
#[derive(Debug, Default)]
pub(crate) struct Lengths {
    by_row: Vec<u32>,
    /// `(data_version, total_changes)` when read; `None`: never read.
    state: Option<(i64, u64)>,
}

/// Marks a row id without a length in [`Lengths::by_row`].
const NONE: u32 = u32::MAX;

/// The lengths shared between an archive and the function registered on its connection.
pub(crate) type SharedLengths = Arc<Mutex<Lengths>>;

/// An FTS5 varint (SQLite's: 7 bits a byte, high bit set on all but the last; a ninth byte
/// gives 8 bits) at the start of `b`: its value and length.
fn varint(b: &[u8]) -> Option<(u64, usize)> {
    let mut v = 0u64;
    for (i, &c) in b.iter().enumerate().take(9) {
        if i == 8 {
            return Some(((v << 8) | u64::from(c), 9));
        }
        v = (v << 7) | u64::from(c & 0x7f);
        if c & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

/// Brings `lengths` up to the archive state the connection reads now (call it inside the read
/// transaction that then ranks).
pub(crate) fn refresh(conn: &Connection, lengths: &SharedLengths) -> Result<(), Error> {
    let version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?;
    let state = (version, conn.total_changes());
    let mut l = lengths
        .lock()
        .map_err(|_| Error::Data("article lengths lock poisoned".into()))?;
    if l.state == Some(state) {
        return Ok(());
    }
    let mut st = conn.prepare_cached("SELECT id, sz FROM fts_docsize")?;
    let mut rows = st.query([])?;
    let mut by_row = std::mem::take(&mut l.by_row);
    by_row.clear();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let Ok(id) = usize::try_from(id) else {
            continue;
        };
        let sz = r.get_ref(1)?.as_blob_or_null().ok().flatten().unwrap_or(&[]);
        let (mut total, mut at) = (0u64, 0usize);
        while at < sz.len() {
            let Some((v, n)) = varint(&sz[at..]) else {
                break;
            };
            total += v;
            at += n;
        }
        // Rows past 2^26 (or oddly long) are left to FTS5's own look-up.
        if id >= 1 << 26 || total >= u64::from(NONE) {
            continue;
        }
        if by_row.len() <= id {
            by_row.resize(id + 1, NONE);
        }
        by_row[id] = total as u32;
    }
    l.by_row = by_row;
    l.state = Some(state);
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
        let mut data = call!(xGetAuxdata, 0) as *mut QueryData;
        if data.is_null() {
            let phrases = call!(xPhraseCount).max(0) as usize;
            let (mut rows, mut tokens) = (0i64, 0i64);
            check!(call!(xRowCount, &mut rows));
            check!(call!(xColumnTotalSize, -1, &mut tokens));
            let avgdl = tokens as f64 / rows as f64;
            let mut idf = Vec::with_capacity(phrases);
            for i in 0..phrases {
                let mut hits = 0i64;
                check!(call!(
                    xQueryPhrase,
                    i as c_int,
                    &mut hits as *mut i64 as *mut c_void,
                    Some(count_rows)
                ));
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
        let rowid = call!(xRowid);
        let lengths = call!(xUserData) as *const Mutex<Lengths>;
        let known = usize::try_from(rowid).ok().and_then(|r| {
            let l = (*lengths).lock().ok()?;
            l.by_row.get(r).copied().filter(|&n| n != NONE)
        });
        let d = match known {
            Some(n) => f64::from(n),
            None => {
                let mut n: c_int = 0;
                check!(call!(xColumnSize, -1, &mut n));
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
    use super::*;

    #[test]
    fn varints_as_sqlite_writes_them() {
        assert_eq!(varint(&[0x05]), Some((5, 1)));
        assert_eq!(varint(&[0x81, 0x00]), Some((128, 2)));
        assert_eq!(varint(&[0x85, 0xd8, 0x01]), Some((93_185, 3)));
        assert_eq!(varint(&[0x80]), None);
    }
}
