//! newsprobe for Python: thin PyO3 wrappers over the engine, the readers and the archive.
//!
//! The Python package `newsprobe` (python/newsprobe/__init__.py) re-exports this module,
//! `newsprobe._native`. Reports cross into Python as dicts (pythonize: serde → Python objects) or,
//! with `output="json"`, as JSON strings (what the Spark job stores). Every error is a
//! `newsprobe.NewsprobeError` (a `ValueError`) carrying the CLI's `INPUT[:LINE]: message`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use newsprobe::Engine;
use newsprobe_archive::clusters::StoryParams;
use newsprobe_archive::minhash::{jaccard as exact_jaccard, shingle_hashes, Signature};
use newsprobe_archive::store::signature_text;
use newsprobe_archive::trace::TraceOptions;
use newsprobe_core::{Content, RawArticle, Report};
use newsprobe_read::InputFormat;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;

mod columns;

/// mimalloc for the engine's allocations, as in the CLI (the analysis allocates many small,
/// short-lived strings and vectors). Python's own objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _native,
    NewsprobeError,
    PyValueError,
    "An input newsprobe could not read or analyse, or an archive it could not use; the message \
     is the CLI's (`INPUT[:LINE]: message`)."
);

fn err(msg: impl std::fmt::Display) -> PyErr {
    NewsprobeError::new_err(msg.to_string())
}

/// The engine with the bundled models, loaded once per process (one per Spark executor).
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(None))
}

/// A rayon pool of `threads` workers, built once per size.
fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let n = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .map_err(|_| err("thread pool lock poisoned"))?;
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(err)?,
    );
    pools.insert(n, p.clone());
    Ok(p)
}

fn parse_format(format: Option<&str>) -> PyResult<Option<InputFormat>> {
    format
        .map(|f| f.parse::<InputFormat>().map_err(err))
        .transpose()
}

/// A string field of a record dict (`None` when absent, None or blank).
fn field(d: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<String>> {
    match d.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            let s: String = v
                .extract()
                .map_err(|_| err(format!("\"{key}\" must be a string")))?;
            Ok((!s.trim().is_empty()).then_some(s))
        }
    }
}

/// A record dict (the JSON Lines input record: `id`, `url`, `site`, `published`, `title`, and
/// `text` or `html`; `html` may be bytes with a `charset`) as a raw article, with the JSON Lines
/// reader's rules and messages. `name` and `n` locate it in messages (`name:n`).
fn raw_from_dict(obj: &Bound<'_, PyAny>, name: &str, n: u64) -> Result<RawArticle, String> {
    let d = obj
        .cast::<PyDict>()
        .map_err(|_| "not a dict (a record is {\"id\", \"title\", \"text\" | \"html\", ...})")?;
    let f = |k: &str| field(d, k).map_err(|e| e.to_string());
    let id = match d.get_item("id").map_err(|e| e.to_string())? {
        None => format!("{name}:{n}"),
        Some(v) if v.is_none() => format!("{name}:{n}"),
        Some(v) => {
            if let Ok(s) = v.extract::<String>() {
                if s.trim().is_empty() {
                    format!("{name}:{n}")
                } else {
                    s
                }
            } else if let Ok(i) = v.extract::<i64>() {
                i.to_string()
            } else {
                return Err("\"id\" must be a string or a number".into());
            }
        }
    };
    let title = f("title")?;
    let text: Option<String> = match d.get_item("text").map_err(|e| e.to_string())? {
        Some(v) if !v.is_none() => Some(
            v.extract::<String>()
                .map_err(|_| "\"text\" must be a string".to_string())?,
        ),
        _ => None,
    };
    let content = match text {
        Some(text) => {
            if text.trim().is_empty() && title.is_none() {
                return Err("empty \"text\" and no \"title\"".into());
            }
            Content::Text(text)
        }
        None => match d.get_item("html").map_err(|e| e.to_string())? {
            Some(v) if !v.is_none() => {
                let (bytes, charset) = if let Ok(b) = v.cast::<PyBytes>() {
                    (b.as_bytes().to_vec(), f("charset")?)
                } else if let Ok(s) = v.cast::<PyString>() {
                    (
                        s.extract::<String>()
                            .map_err(|e| e.to_string())?
                            .into_bytes(),
                        Some("utf-8".to_string()),
                    )
                } else {
                    return Err("\"html\" must be a string or bytes".into());
                };
                if bytes.iter().all(u8::is_ascii_whitespace) && title.is_none() {
                    return Err("empty \"html\" and no \"title\"".into());
                }
                Content::Html { bytes, charset }
            }
            _ => return Err("record has neither \"text\" nor \"html\"".into()),
        },
    };
    // Where the record came from, when `read` gave it (error locations as the CLI's).
    let path = f("path")?;
    let line = match d.get_item("line").map_err(|e| e.to_string())? {
        Some(v) if !v.is_none() => v.extract::<u64>().ok(),
        _ => None,
    };
    let _ = (name, n);
    Ok(RawArticle {
        id,
        path,
        line,
        url: f("url")?,
        site: f("site")?,
        published: f("published")?,
        title,
        content,
    })
}

/// A raw article as a record dict (the inverse of [`raw_from_dict`]).
fn raw_to_dict<'py>(py: Python<'py>, a: RawArticle) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("id", a.id)?;
    d.set_item("path", a.path)?;
    d.set_item("line", a.line)?;
    d.set_item("url", a.url)?;
    d.set_item("site", a.site)?;
    d.set_item("published", a.published)?;
    d.set_item("title", a.title)?;
    match a.content {
        Content::Text(t) => d.set_item("text", t)?,
        Content::Html { bytes, charset } => {
            d.set_item("html", PyBytes::new(py, &bytes))?;
            d.set_item("charset", charset)?;
        }
    }
    Ok(d)
}

/// One analysis outcome: the report, or `INPUT[:LINE]: message`.
fn analyze_raw(raw: RawArticle) -> Result<Report, String> {
    let location = raw.location();
    engine().report(raw).map_err(|e| format!("{location}: {e}"))
}

fn report_to_py<'py>(py: Python<'py>, r: &Report, json: bool) -> PyResult<Bound<'py, PyAny>> {
    if json {
        // Through a Value, as the CLI's writer does: the same bytes as `--format jsonl`.
        let v = serde_json::to_value(r).map_err(err)?;
        let s = serde_json::to_string(&v).map_err(err)?;
        Ok(PyString::new(py, &s).into_any())
    } else {
        Ok(pythonize::pythonize(py, r)?)
    }
}

fn value_to_py<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    v: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, v)?)
}

/// Analyses one article and returns the contract's report as a dict.
///
/// Give `text` (plain text) or `html` (a page: str, or bytes with an optional `charset`), and
/// optionally `title`, `url`, `published`, `site` and `id`. Raises `NewsprobeError` when the
/// article cannot be analysed (an empty page, binary junk).
#[pyfunction]
#[pyo3(signature = (*, text=None, title=None, html=None, url=None, published=None, site=None, id=None, charset=None, output="dict"))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    text: Option<String>,
    title: Option<String>,
    html: Option<Bound<'py, PyAny>>,
    url: Option<String>,
    published: Option<String>,
    site: Option<String>,
    id: Option<String>,
    charset: Option<String>,
    output: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let json = output_is_json(output)?;
    let d = PyDict::new(py);
    d.set_item("text", text)?;
    d.set_item("title", title)?;
    d.set_item("html", html)?;
    d.set_item("url", url)?;
    d.set_item("published", published)?;
    d.set_item("site", site)?;
    d.set_item("charset", charset)?;
    d.set_item("id", id.unwrap_or_else(|| "article".into()))?;
    let raw = raw_from_dict(d.as_any(), "article", 1).map_err(|m| err(format!("article: {m}")))?;
    let report = py.detach(move || analyze_raw(raw)).map_err(err)?;
    report_to_py(py, &report, json)
}

fn output_is_json(output: &str) -> PyResult<bool> {
    match output {
        "dict" => Ok(false),
        "json" => Ok(true),
        o => Err(err(format!("output={o:?}: expected \"dict\" or \"json\""))),
    }
}

/// Analyses many records in parallel (the GIL released) and returns their reports in input order.
///
/// `records`: an iterable of dicts as JSON Lines input records (`id`, `url`, `site`,
/// `published`, `title`, and `text` or `html`). `threads`: worker threads (default: every core).
/// `on_error`: `"raise"` raises `NewsprobeError` for the first record that fails (after all are
/// done); `"return"` puts `{"error": "record:N: message"}` in its place. `output`: `"dict"` or
/// `"json"` (each report as a JSON string).
#[pyfunction]
#[pyo3(signature = (records, threads=None, on_error="raise", output="dict"))]
fn analyze_many<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    threads: Option<usize>,
    on_error: &str,
    output: &str,
) -> PyResult<Bound<'py, PyList>> {
    let json = output_is_json(output)?;
    let raise = match on_error {
        "raise" => true,
        "return" => false,
        o => {
            return Err(err(format!(
                "on_error={o:?}: expected \"raise\" or \"return\""
            )))
        }
    };
    let mut raws: Vec<Result<RawArticle, String>> = Vec::new();
    for (i, rec) in records.try_iter()?.enumerate() {
        let rec = rec?;
        let n = i as u64 + 1;
        raws.push(raw_from_dict(&rec, "record", n).map_err(|m| format!("record:{n}: {m}")));
    }
    let pool = pool(threads)?;
    let results: Vec<Result<Report, String>> = py.detach(move || {
        pool.install(|| {
            raws.into_par_iter()
                .map(|r| r.and_then(analyze_raw))
                .collect()
        })
    });
    if raise {
        if let Some(Err(m)) = results.iter().find(|r| r.is_err()) {
            return Err(err(m));
        }
    }
    let out = PyList::empty(py);
    for r in &results {
        match r {
            Ok(report) => out.append(report_to_py(py, report, json)?)?,
            Err(m) => {
                let e = PyDict::new(py);
                e.set_item("error", m)?;
                out.append(e)?;
            }
        }
    }
    Ok(out)
}

/// Analyses records like `analyze_many` and returns the outcomes as columns (what the Spark job
/// turns into Arrow arrays): `{"articles": {column: [...]}, "quotes": {...}, "sources",
/// "entities", "descriptors", "findings", "evidence", "framing_spans", "signature": bytes,
/// "bands": bytes, "has_signature": [...]}`. Child rows carry the index of their parent row
/// (`article`, or `entity`/`finding`); `signature` packs 100 little-endian u32 an article, `bands`
/// 33 little-endian i64 (`near_copy_params()`' `hashes` and `bands`) (zeros where `has_signature` is false); a failed record is an articles
/// row whose `error` is set (`record:N: message`, or `PATH[:LINE]: message` for records of `read`).
/// `reports=False` leaves out `articles["report"]` (the JSON report); `shingles=True` adds
/// `shingles` (each article's sorted, distinct low 32 bits of its shingle hashes, packed u32) and
/// `shingle_counts`; `stories=True` adds `story_terms` (packed i64 term hashes, odd for an anchor
/// term, even for a content term), `story_weights`
/// (packed f32 counts) and `story_counts`: the terms `clusters --by story` weighs.
#[pyfunction]
#[pyo3(signature = (records, threads=1, reports=true, shingles=false, stories=false))]
fn analyze_columns<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    threads: Option<usize>,
    reports: bool,
    shingles: bool,
    stories: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let mut raws: Vec<Result<RawArticle, String>> = Vec::new();
    for (i, rec) in records.try_iter()?.enumerate() {
        let rec = rec?;
        let n = i as u64 + 1;
        let err_of = |m: String| format!("record:{n}: {m}");
        let raw = match rec.cast::<PyDict>() {
            Ok(d) if d.contains("error")? => Err(d
                .get_item("error")?
                .map(|e| e.to_string())
                .unwrap_or_default()),
            _ => raw_from_dict(&rec, "record", n).map_err(err_of),
        };
        raws.push(raw);
    }
    let pool = pool(threads)?;
    let cols = py.detach(move || {
        let results: Vec<Result<Report, String>> = pool.install(|| {
            raws.into_par_iter()
                .map(|r| r.and_then(analyze_raw))
                .collect()
        });
        let mut cols = columns::Columns {
            opts: columns::Extras {
                reports,
                shingles,
                stories,
            },
            ..Default::default()
        };
        for r in results {
            cols.push(r);
        }
        cols
    });
    cols.to_py(py)
}

/// Extracts the article from an HTML page (str, or bytes with an optional `charset`): a dict
/// with `title`, `text`, `byline`, `published`, `site`, `language`, `url`.
#[pyfunction]
#[pyo3(signature = (html, url=None, charset=None))]
fn extract<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    charset: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let (bytes, charset) = if let Ok(b) = html.cast::<PyBytes>() {
        (b.as_bytes().to_vec(), charset)
    } else if let Ok(s) = html.cast::<PyString>() {
        (
            s.extract::<String>()?.into_bytes(),
            Some("utf-8".to_string()),
        )
    } else {
        return Err(err("html must be a string or bytes"));
    };
    let page = py
        .detach(move || newsprobe_html::extract(&bytes, charset.as_deref(), url.as_deref()))
        .map_err(|e| err(format!("html: {e}")))?;
    let v = serde_json::json!({
        "title": page.title,
        "text": page.text,
        "byline": page.byline,
        "published": page.published,
        "site": page.site,
        "language": page.language,
        "url": page.url,
    });
    value_to_py(py, &v)
}

/// The archive's MinHash of a text (for an article: its title, a newline, then its text, as
/// the archive signs it): `{"signature": [100 ints] | None, "bands": [33 band keys]}` (the band keys the archive's
/// near-copy index holds: 33 bands of 3 rows over the first 99 values).
/// A text without words has no signature and no bands.
#[pyfunction]
fn minhash<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let hashes = shingle_hashes(text);
    let d = PyDict::new(py);
    if hashes.is_empty() {
        d.set_item("signature", py.None())?;
        d.set_item("bands", PyList::empty(py))?;
    } else {
        let sig = Signature::of_hashes(&hashes);
        d.set_item("bands", sig.band_keys())?;
        d.set_item("signature", sig.0)?;
    }
    Ok(d.into_any())
}

/// The text the archive signs for a report (dict or JSON string): title, newline, text.
#[pyfunction]
fn signature_text_of(report: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(signature_text(&report_from_py(report)?))
}

/// The estimated Jaccard similarity of two signatures (share of equal positions), as the
/// archive computes it.
#[pyfunction]
fn similarity(a: Vec<u32>, b: Vec<u32>) -> f64 {
    Signature(a).similarity(&Signature(b))
}

/// The exact Jaccard similarity of the word-shingle sets of two texts.
#[pyfunction]
fn jaccard(a: &str, b: &str) -> f64 {
    exact_jaccard(&shingle_hashes(a), &shingle_hashes(b))
}

/// The near-copy threshold of `clusters --by site` and of trace's near-copies (estimated
/// Jaccard), and the LSH shape: `{"min_similarity", "hashes", "bands", "rows", "band_shape"}`
/// (signature values, band keys, values per band, and the shape's version as the archive
/// records it).
#[pyfunction]
fn near_copy_params<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("min_similarity", TraceOptions::default().near_copy_min)?;
    d.set_item("hashes", newsprobe_archive::minhash::HASHES)?;
    d.set_item("bands", newsprobe_archive::minhash::BANDS)?;
    d.set_item("rows", newsprobe_archive::minhash::ROWS)?;
    d.set_item("band_shape", newsprobe_archive::minhash::BAND_SHAPE)?;
    Ok(d.into_any())
}

/// The parameters of `clusters --by story` (tuned on the ECB+ dev topics), for the Spark job's
/// same-story edges: `{"anchor_weight", "threshold", "max_days", "max_df_share",
/// "candidate_terms", "max_postings", "min_shared"}`.
#[pyfunction]
fn story_params<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
    use newsprobe_archive::clusters::{CANDIDATE_TERMS, MAX_POSTINGS, MIN_SHARED};
    let p = StoryParams::default();
    let d = PyDict::new(py);
    d.set_item("anchor_weight", p.anchor_weight)?;
    d.set_item("threshold", p.threshold)?;
    d.set_item("max_days", p.max_days)?;
    d.set_item("max_df_share", p.max_df_share)?;
    d.set_item("candidate_terms", CANDIDATE_TERMS)?;
    d.set_item("max_postings", MAX_POSTINGS)?;
    d.set_item("min_shared", MIN_SHARED)?;
    Ok(d.into_any())
}

/// Records of an input file or directory, read lazily, one at a time.
#[pyclass(module = "newsprobe._native")]
struct Records {
    inner: Mutex<newsprobe_read::Inputs>,
    raise: bool,
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let next = py
            .detach(|| self.inner.lock().map(|mut it| it.next()).map_err(|_| ()))
            .map_err(|_| err("reader lock poisoned"))?;
        match next {
            None => Ok(None),
            Some(Ok(raw)) => Ok(Some(raw_to_dict(py, raw)?)),
            Some(Err(e)) if self.raise => Err(err(e)),
            Some(Err(e)) => {
                let d = PyDict::new(py);
                d.set_item("error", e.to_string())?;
                Ok(Some(d))
            }
        }
    }
}

fn on_error_raises(on_error: &str) -> PyResult<bool> {
    match on_error {
        "raise" => Ok(true),
        "return" => Ok(false),
        o => Err(err(format!(
            "on_error={o:?}: expected \"raise\" or \"return\""
        ))),
    }
}

/// Reads the articles of a file or directory (any input kind of the CLI: HTML, text, JSON Lines,
/// WARC, gzipped or not; `format` forces one) as an iterator of record dicts.
/// A bad record raises `NewsprobeError` (`PATH#N: message` for WARC) with `on_error="raise"`;
/// with `on_error="return"` it is yielded as `{"error": message}` and reading goes on.
#[pyfunction]
#[pyo3(signature = (path, format=None, on_error="raise"))]
fn read(path: String, format: Option<&str>, on_error: &str) -> PyResult<Records> {
    Ok(Records {
        inner: Mutex::new(newsprobe_read::read_inputs_with(
            &[path],
            parse_format(format)?,
            Default::default(),
        )),
        raise: on_error_raises(on_error)?,
    })
}

/// Reads the `response` and `resource` records (HTML and text) of a WARC file, plain or gzip
/// per record, as an iterator of record dicts (`id` is the WARC-Record-ID, `url` the
/// WARC-Target-URI, `html` the payload's bytes with its `charset`).
#[pyfunction]
#[pyo3(signature = (path, on_error="raise"))]
fn read_warc(path: String, on_error: &str) -> PyResult<Records> {
    read(path, Some("warc"), on_error)
}

/// Reads articles from bytes in memory (what a file named `name` would hold: the kind comes from
/// the name, else the content; `format` forces one): a list of record dicts, bad records as
/// `{"error": message}` with `on_error="return"`.
#[pyfunction]
#[pyo3(signature = (name, data, format=None, on_error="raise"))]
fn read_bytes<'py>(
    py: Python<'py>,
    name: &str,
    data: &[u8],
    format: Option<&str>,
    on_error: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = on_error_raises(on_error)?;
    let forced = parse_format(format)?;
    let got = py.detach(|| newsprobe_read::read_bytes(name, data, forced));
    let out = PyList::empty(py);
    for r in got {
        match r {
            Ok(raw) => out.append(raw_to_dict(py, raw)?)?,
            Err(e) if raise => return Err(err(e)),
            Err(e) => {
                let d = PyDict::new(py);
                d.set_item("error", e.to_string())?;
                out.append(d)?;
            }
        }
    }
    Ok(out)
}

/// A report given as a dict or a JSON string.
fn report_from_py(obj: &Bound<'_, PyAny>) -> PyResult<Report> {
    if let Ok(s) = obj.cast::<PyString>() {
        serde_json::from_str(&s.extract::<String>()?).map_err(|e| err(format!("report: {e}")))
    } else {
        pythonize::depythonize(obj).map_err(|e| err(format!("report: {e}")))
    }
}

/// The trace of one report against a set of candidate reports (dicts or JSON strings), by the
/// archive's own trace code over an in-memory archive of the candidates: what the Spark job runs
/// for each candidate set. Candidates are stored in the order given (the archive's row order).
#[pyfunction]
fn trace_among<'py>(
    py: Python<'py>,
    report: &Bound<'py, PyAny>,
    candidates: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = report_from_py(report)?;
    let mut pool: Vec<Report> = Vec::new();
    for c in candidates.try_iter()? {
        pool.push(report_from_py(&c?)?);
    }
    let trace = py
        .detach(move || -> Result<_, newsprobe_archive::Error> {
            let mut archive = newsprobe_archive::Archive::in_memory()?;
            archive.ingest(&pool)?;
            let opt = TraceOptions {
                search_candidates: pool.len().max(TraceOptions::default().search_candidates),
                ..TraceOptions::default()
            };
            archive.trace(&input, &opt)
        })
        .map_err(|e| err(format!("tracing {}: {e}", "report")))?;
    value_to_py(py, &trace)
}

/// An archive (the SQLite file of `newsprobe ingest`): `ingest`, `search`, `trace`, `clusters`.
///
/// `Archive(path)` opens an existing archive; `create=True` creates it when absent (as `ingest`
/// does); `read_only=True` opens it in SQLite's read-only mode.
#[pyclass(module = "newsprobe._native")]
struct Archive {
    inner: Mutex<newsprobe_archive::Archive>,
    path: String,
}

impl Archive {
    fn with<T>(
        &self,
        f: impl FnOnce(&mut newsprobe_archive::Archive) -> Result<T, newsprobe_archive::Error>,
        what: &str,
    ) -> PyResult<T> {
        let mut a = self
            .inner
            .lock()
            .map_err(|_| err("archive lock poisoned"))?;
        f(&mut a).map_err(|e| err(format!("{what}: {e}")))
    }
}

#[pymethods]
impl Archive {
    #[new]
    #[pyo3(signature = (path, create=false, read_only=false))]
    fn new(py: Python<'_>, path: String, create: bool, read_only: bool) -> PyResult<Self> {
        let p = Path::new(&path);
        if !create && !p.exists() {
            return Err(err(format!(
                "{path}: no such archive (create it with `newsprobe ingest --db {path} INPUT...`)"
            )));
        }
        let opened = py.detach(|| {
            if read_only {
                newsprobe_archive::Archive::open_read_only(p)
            } else {
                newsprobe_archive::Archive::open(p)
            }
        });
        let archive = opened.map_err(|e| err(format!("opening archive {path}: {e}")))?;
        Ok(Archive {
            inner: Mutex::new(archive),
            path,
        })
    }

    /// Analyses and stores records (dicts, as for `analyze_many`) in one transaction; an id
    /// already stored is replaced. Returns how many were stored; raises on the first record
    /// that fails (nothing is stored then).
    #[pyo3(signature = (records, threads=None))]
    fn ingest(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<usize> {
        let list = analyze_many(py, records, threads, "raise", "json")?;
        let mut reports = Vec::with_capacity(list.len());
        for item in list.iter() {
            reports.push(report_from_py(&item)?);
        }
        let what = format!("storing into {}", self.path);
        py.detach(|| self.with(|a| a.ingest(&reports), &what))
    }

    /// Articles stored.
    fn __len__(&self) -> PyResult<usize> {
        self.with(|a| a.len(), "counting")
    }

    /// The stored report of an article id, or None.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let got = py.detach(|| self.with(|a| a.get(id), "reading"))?;
        got.map(|s| value_to_py(py, &s.report)).transpose()
    }

    /// The stored near-copies of a stored article, by the archive's band index: `[(id,
    /// estimated Jaccard)]`, best first, at `min_similarity` or more (default: the archive's).
    #[pyo3(signature = (id, min_similarity=None))]
    fn near_copies(
        &self,
        py: Python<'_>,
        id: &str,
        min_similarity: Option<f64>,
    ) -> PyResult<Vec<(String, f64)>> {
        let min = min_similarity.unwrap_or(TraceOptions::default().near_copy_min);
        py.detach(|| {
            self.with(
                |a| {
                    let Some(me) = a.get(id)? else {
                        return Err(newsprobe_archive::Error::Data(format!(
                            "no stored article {id:?}"
                        )));
                    };
                    let Some(sig) = a.signature(me.rowid)? else {
                        return Ok(Vec::new());
                    };
                    let mut out = Vec::new();
                    for (rowid, s) in a.near_copies(&sig, min)? {
                        if rowid == me.rowid {
                            continue;
                        }
                        if let Some(other) = a.get_row(rowid)? {
                            out.push((other.id, s));
                        }
                    }
                    Ok(out)
                },
                "finding near-copies",
            )
        })
    }

    /// Searches the archive with the CLI's query language (words, "phrases", `speaker:`, `site:`,
    /// `title:`, `quote:`, `published:>DATE`, `type:anonymous`): a list of hit dicts, best first.
    #[pyo3(signature = (query, limit=20))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: &str,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let hits = py.detach(|| {
            let a = self
                .inner
                .lock()
                .map_err(|_| "archive lock poisoned".to_string())?;
            a.search(query, limit).map_err(|e| match e {
                e @ newsprobe_archive::Error::Query(_) => e.to_string(),
                e => format!("searching: {e}"),
            })
        });
        value_to_py(py, &hits.map_err(err)?)
    }

    /// The trace of an article (a record dict, analysed first, or a report dict) against the
    /// stored articles: the contract's trace as a dict.
    fn trace<'py>(
        &self,
        py: Python<'py>,
        article: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = if article
            .cast::<PyDict>()
            .is_ok_and(|d| d.contains("schema_version").unwrap_or(false))
        {
            report_from_py(article)?
        } else {
            let raw =
                raw_from_dict(article, "record", 1).map_err(|m| err(format!("record:1: {m}")))?;
            py.detach(move || analyze_raw(raw)).map_err(err)?
        };
        let t =
            py.detach(|| self.with(|a| a.trace(&report, &TraceOptions::default()), "tracing"))?;
        value_to_py(py, &t)
    }

    /// Same-story clusters (`by="story"`, as `clusters --format json` lists them) or the
    /// near-copy network by site (`by="site"`: `{from, to, count, first_seen,
    /// mean_similarity}` rows, near-copies at estimated Jaccard >= `min_similarity`).
    #[pyo3(signature = (by="story", min_similarity=0.5))]
    fn clusters<'py>(
        &self,
        py: Python<'py>,
        by: &str,
        min_similarity: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        match by {
            "story" => {
                let c = py.detach(|| {
                    self.with(|a| a.story_clusters(&StoryParams::default()), "clustering")
                })?;
                value_to_py(py, &c)
            }
            "site" => {
                let l = py.detach(|| {
                    self.with(|a| a.site_links(min_similarity), "finding near-copies")
                })?;
                value_to_py(py, &l)
            }
            other => Err(err(format!("by={other:?}: expected story or site"))),
        }
    }
}

/// The compiled core of the `newsprobe` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NewsprobeError", m.py().get_type::<NewsprobeError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(minhash, m)?)?;
    m.add_function(wrap_pyfunction!(signature_text_of, m)?)?;
    m.add_function(wrap_pyfunction!(similarity, m)?)?;
    m.add_function(wrap_pyfunction!(jaccard, m)?)?;
    m.add_function(wrap_pyfunction!(near_copy_params, m)?)?;
    m.add_function(wrap_pyfunction!(story_params, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_function(wrap_pyfunction!(read_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(trace_among, m)?)?;
    m.add_class::<Archive>()?;
    m.add_class::<Records>()?;
    Ok(())
}
