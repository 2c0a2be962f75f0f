//! The JSON API. Every error is a JSON body `{"error": {"status", "message"}}` with a status that
//! fits: 400 bad body or query, 401 no or wrong token, 404, 413 over `--max-body`, 415 wrong
//! content type, 429 analysis queue full.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use newsprobe_archive::trace::TraceOptions;
use newsprobe_archive::{Cluster, Hit, SiteLink, Trace};
use newsprobe_core::{Content, RawArticle, Report};
use serde::{Deserialize, Serialize};

use crate::{App, Failure};

/// The OpenAPI description served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/analyze", post(analyze))
        .route("/api/analyze/batch", post(analyze_batch))
        .route("/api/articles/{id}", get(article))
        .route("/api/articles/{id}/trace", get(article_trace))
        .route("/api/search", get(search))
        .route("/api/trace", post(trace))
        .route("/api/clusters", get(clusters))
        .route("/api/sites", get(sites))
        .route("/api/ingest", post(ingest))
        .route("/api/{*rest}", axum::routing::any(no_endpoint))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        OPENAPI.to_string(),
    )
        .into_response()
}

async fn no_endpoint() -> Failure {
    Failure::not_found("no such endpoint (see /api/openapi.json)")
}

/// Reads a request body, at most `limit` bytes (413 beyond).
pub async fn read_body(body: Body, limit: usize) -> Result<Bytes, Failure> {
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        // axum wraps http-body-util's `LengthLimitError`, whose message is this.
        let chain = format!("{e} {:?}", std::error::Error::source(&e));
        if chain.contains("length limit exceeded") {
            Failure::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the body is over the server's limit of {limit} bytes (--max-body)"),
            )
        } else {
            Failure::bad_request(format!("reading the body: {e}"))
        }
    })
}

/// The media type of a request, lower-cased, without parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn require_type(headers: &HeaderMap, allowed: &[&str]) -> Result<(), Failure> {
    let t = media_type(headers);
    if allowed.contains(&t.as_str()) {
        Ok(())
    } else {
        Err(Failure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "content type {:?} is not accepted here (use {})",
                t,
                allowed.join(" or ")
            ),
        ))
    }
}

/// An article as the API takes it: `{title, text}` or `{html, url}`, with optional record fields.
#[derive(Debug, Default, Deserialize)]
pub struct ArticleIn {
    pub id: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
}

impl ArticleIn {
    pub fn into_raw(self, default_id: &str) -> Result<RawArticle, Failure> {
        let content = match (self.text, self.html) {
            (Some(_), Some(_)) => {
                return Err(Failure::bad_request(
                    "give either \"text\" or \"html\", not both",
                ))
            }
            (Some(t), None) => Content::Text(t),
            (None, Some(h)) => Content::Html {
                bytes: h.into_bytes(),
                charset: Some("utf-8".into()),
            },
            (None, None) if self.title.is_some() => Content::Text(String::new()),
            (None, None) => {
                return Err(Failure::bad_request(
                    "the article needs \"text\" or \"html\" (or at least a \"title\")",
                ))
            }
        };
        Ok(RawArticle {
            id: self.id.unwrap_or_else(|| default_id.to_string()),
            path: None,
            line: None,
            url: self.url,
            site: self.site,
            published: self.published,
            title: self.title,
            content,
        })
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct FormatParams {
    pub format: Option<String>,
    /// `1`: answer as a download (Content-Disposition: attachment).
    pub download: Option<String>,
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, Failure> {
    q.map(|Query(t)| t)
        .map_err(|e| Failure::bad_request(format!("bad query string: {}", e.body_text())))
}

/// Media type and file extension of each output format.
pub fn format_type(format: &str) -> (&'static str, &'static str) {
    match format {
        "json" => ("application/json", "json"),
        "annotations" => ("application/ld+json", "jsonld"),
        "jsonl" | "ndjson" => ("application/x-ndjson", "jsonl"),
        "csv" => ("text/csv; charset=utf-8", "csv"),
        "html" => ("text/html; charset=utf-8", "html"),
        _ => ("text/plain; charset=utf-8", "txt"),
    }
}

/// Renders reports in a format through the CLI's writer, as a response.
pub fn rendered(
    app: &App,
    reports: &[Report],
    format: &str,
    download: Option<&str>,
) -> Result<Response, Failure> {
    let bytes = app
        .backend
        .render(reports, format)
        .map_err(Failure::bad_request)?;
    let (ctype, ext) = format_type(format);
    let mut res = ([(header::CONTENT_TYPE, ctype)], bytes).into_response();
    if let Some(name) = download {
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .take(80)
            .collect();
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}.{ext}\"")) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    Ok(res)
}

const JSON: &[&str] = &["application/json"];
const JSONL: &[&str] = &[
    "application/x-ndjson",
    "application/jsonl",
    "application/json-lines",
    "application/x-jsonlines",
    "text/plain",
];

fn parse_article(bytes: &[u8]) -> Result<ArticleIn, Failure> {
    serde_json::from_slice(bytes).map_err(|e| Failure::bad_request(format!("bad JSON body: {e}")))
}

async fn analyze(
    State(app): State<Arc<App>>,
    q: Result<Query<FormatParams>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Failure> {
    let params = query(q)?;
    require_type(&headers, JSON)?;
    let bytes = read_body(body, app.config.max_body).await?;
    let raw = parse_article(&bytes)?.into_raw("article")?;
    let format = params.format.unwrap_or_else(|| "json".into());
    let download = params.download.is_some().then(|| raw.id.clone());
    app.run(move |app| {
        let report = app.backend.report(raw).map_err(Failure::bad_request)?;
        rendered(app, &[report], &format, download.as_deref())
    })
    .await
}

/// `POST /api/analyze/batch`: JSON Lines records in, one report (or error object) per line out,
/// streamed as each is done.
async fn analyze_batch(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Failure> {
    require_type(&headers, JSONL)?;
    let bytes = read_body(body, app.config.max_body).await?;
    // Admission (429) is decided before the first byte is sent.
    let admitted = app.admit()?;
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(16);
    let job = async move {
        app.run_admitted(admitted, move |app| {
            for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let n = i as u64 + 1;
                let out = newsprobe_read::jsonl::parse_record("body", n, line)
                    .and_then(|raw| app.backend.report(raw))
                    .map(|r| serde_json::to_value(&r).unwrap_or_default())
                    .unwrap_or_else(|e| serde_json::json!({"error": {"line": n, "message": e}}));
                let mut s = serde_json::to_vec(&out).unwrap_or_default();
                s.push(b'\n');
                if tx.blocking_send(Bytes::from(s)).is_err() {
                    break;
                }
            }
            Ok(())
        })
        .await
    };
    tokio::spawn(job);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
    });
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response())
}

async fn article(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    q: Result<Query<FormatParams>, QueryRejection>,
) -> Result<Response, Failure> {
    let params = query(q)?;
    let format = params.format.unwrap_or_else(|| "json".into());
    app.read(move |app| {
        let report = stored_report(app, &id)?;
        let download = params.download.is_some().then_some(id.as_str());
        rendered(app, &[report], &format, download)
    })
    .await
}

/// The stored report of an article (404 when absent).
pub fn stored_report(app: &App, id: &str) -> Result<Report, Failure> {
    app.with_archive(|a| {
        a.get(id)?
            .map(|s| s.report)
            .ok_or_else(|| Failure::not_found(format!("no stored article {id:?}")))
    })
}

/// Search filters, as `/api/search` and `/search` take them.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub site: String,
    /// Published on or after (a date).
    #[serde(default)]
    pub from: String,
    /// Published on or before (a date).
    #[serde(default)]
    pub to: String,
    /// Source type: named, anonymous, unnamed, vague, unattributed.
    #[serde(default, rename = "type")]
    pub source_type: String,
    /// 1-based.
    pub page: Option<usize>,
    pub per_page: Option<usize>,
}

/// Deepest result a search pages to.
pub const MAX_RESULTS: usize = 1000;

impl SearchParams {
    /// The CLI's query language for these filters.
    pub fn query(&self) -> String {
        let clean = |s: &str| s.replace('"', " ").trim().to_string();
        let mut q = self.q.trim().to_string();
        let mut add = |field: &str, v: &str, quoted: bool| {
            let v = clean(v);
            if !v.is_empty() {
                if quoted {
                    q.push_str(&format!(" {field}\"{v}\""));
                } else {
                    q.push_str(&format!(" {field}{}", v.replace(' ', "")));
                }
            }
        };
        add("speaker:", &self.speaker, true);
        add("site:", &self.site, true);
        add("published:>=", &self.from, false);
        add("published:<=", &self.to, false);
        add("type:", &self.source_type, false);
        q.trim().to_string()
    }
    pub fn page(&self) -> usize {
        self.page.unwrap_or(1).max(1)
    }
    pub fn per_page(&self) -> usize {
        self.per_page.unwrap_or(20).clamp(1, 100)
    }
}

/// One page of search results.
#[derive(Debug, Serialize)]
pub struct SearchPage {
    pub query: String,
    pub page: usize,
    pub per_page: usize,
    /// Whether a next page exists.
    pub more: bool,
    pub hits: Vec<Hit>,
}

/// Runs a search for one page (blocking).
pub fn search_page(app: &App, p: &SearchParams) -> Result<SearchPage, Failure> {
    let query = p.query();
    if query.is_empty() {
        return Err(Failure::bad_request(
            "an empty query: give words or a filter",
        ));
    }
    let (page, per) = (p.page(), p.per_page());
    let skip = (page - 1) * per;
    if skip >= MAX_RESULTS {
        return Err(Failure::bad_request(format!(
            "pages go to result {MAX_RESULTS} at most"
        )));
    }
    let (hits, more) = app.with_archive_at(|a, generation| {
        if let Some(page) = app.search_cache.get(generation, &query, skip, per) {
            return Ok(page);
        }
        let page = a.search_page(&query, skip, per)?;
        app.search_cache.put(generation, &query, skip, per, &page);
        Ok(page)
    })?;
    Ok(SearchPage {
        query,
        page,
        per_page: per,
        more,
        hits,
    })
}

async fn search(
    State(app): State<Arc<App>>,
    q: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchPage>, Failure> {
    let p = query(q)?;
    app.read(move |app| search_page(app, &p)).await.map(Json)
}

/// Traces a report against the archive (blocking).
pub fn trace_report(app: &App, report: &Report) -> Result<Trace, Failure> {
    app.with_archive(|a| Ok(a.trace(report, &TraceOptions::default())?))
}

async fn trace(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Trace>, Failure> {
    require_type(&headers, JSON)?;
    let bytes = read_body(body, app.config.max_body).await?;
    let raw = parse_article(&bytes)?.into_raw("input")?;
    app.run(move |app| {
        let report = app.backend.report(raw).map_err(Failure::bad_request)?;
        trace_report(app, &report)
    })
    .await
    .map(Json)
}

async fn article_trace(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<Trace>, Failure> {
    app.run(move |app| trace_report(app, &stored_report(app, &id)?))
        .await
        .map(Json)
}

#[derive(Debug, Serialize)]
struct Clusters {
    clusters: Vec<Cluster>,
}

async fn clusters(State(app): State<Arc<App>>) -> Result<Json<Clusters>, Failure> {
    app.run(|app| {
        app.with_archive(|a| {
            Ok(Clusters {
                clusters: a.story_clusters(&Default::default())?,
            })
        })
    })
    .await
    .map(Json)
}

#[derive(Debug, Default, Deserialize)]
pub struct SitesParams {
    pub min_similarity: Option<f64>,
}

#[derive(Debug, Serialize)]
struct Sites {
    site_links: Vec<SiteLink>,
}

async fn sites(
    State(app): State<Arc<App>>,
    q: Result<Query<SitesParams>, QueryRejection>,
) -> Result<Json<Sites>, Failure> {
    let min = query(q)?.min_similarity.unwrap_or(0.5);
    if !(0.0..=1.0).contains(&min) {
        return Err(Failure::bad_request("min_similarity is between 0 and 1"));
    }
    app.run(move |app| {
        app.with_archive(|a| {
            Ok(Sites {
                site_links: a.site_links(min)?,
            })
        })
    })
    .await
    .map(Json)
}

/// Compares two strings in time independent of where they differ.
fn same_token(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[derive(Debug, Serialize)]
struct IngestOut {
    stored: usize,
    failed: Vec<serde_json::Value>,
}

/// `POST /api/ingest`: JSON Lines records, analysed and stored in one transaction. Readers go on
/// reading meanwhile (SQLite WAL: a writer never blocks them).
async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<IngestOut>, Failure> {
    let Some(token) = app.config.ingest_token.clone() else {
        return Err(Failure::not_found(
            "ingest is off (start the server with --allow-ingest)",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same_token(given.trim(), &token) {
        return Err(Failure::new(
            StatusCode::UNAUTHORIZED,
            "a valid bearer token is required",
        ));
    }
    require_type(&headers, JSONL)?;
    let bytes = read_body(body, app.config.max_body).await?;
    app.run(move |app| {
        let mut reports = Vec::new();
        let mut failed = Vec::new();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let n = i as u64 + 1;
            match newsprobe_read::jsonl::parse_record("body", n, line)
                .and_then(|raw| app.backend.report(raw))
            {
                Ok(r) => reports.push(r),
                Err(e) => failed.push(serde_json::json!({"line": n, "message": e})),
            }
        }
        let stored = app.ingest(&reports)?;
        Ok(IngestOut { stored, failed })
    })
    .await
    .map(Json)
}
