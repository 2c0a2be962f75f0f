//! The reviewer's workbench: newsprobe's HTTP API and server-rendered pages.
//!
//! The server runs on the CLI's engine and renderer, handed in as a [`Backend`] (the `newsprobe`
//! crate implements it over `Engine` and `render::ReportWriter`, so there is one analysis and one
//! report page). Modules, by the question each answers:
//! - [`api`]: what does each JSON endpoint take and answer, with which error status?
//! - [`pages`]: what does each page show (report, search, article, trace, sites, clusters)?
//! - [`html`]: how is untrusted text put into a page (escaping, highlighting, the page shell)?
//! - [`search_cache`]: has this search been answered since the archive last changed?
//!
//! Analysis and tracing run on tokio's blocking pool, at most `workers` at a time, with at most
//! `queue` jobs admitted (running or waiting): a job beyond that is answered 429 at once, so a
//! burst never grows memory or latency without bound. Archive reads (search, stored articles)
//! have their own lane, [`read_pool`]: `read_workers` threads serving one FIFO queue of at most
//! `read_queue` waiting reads (429 beyond), on read-only connections kept with their prepared
//! statements, so a search never waits behind analyses and reads are served in arrival order.

pub mod api;
pub mod html;
pub mod pages;
pub mod read_pool;
pub mod search_cache;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use newsprobe_archive::{Archive, Trace};
use newsprobe_core::{RawArticle, Report};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The analysis engine and report renderer the server runs on (the CLI's).
pub trait Backend: Send + Sync + 'static {
    /// Reads and analyses one article into the contract's report.
    fn report(&self, raw: RawArticle) -> Result<Report, String>;
    /// Renders reports in one of the CLI's `--format`s (`json`, `jsonl`, `csv`, `text`, `html`,
    /// `annotations`); an unknown format is `Err` with a message for the user.
    fn render(&self, reports: &[Report], format: &str) -> Result<Vec<u8>, String>;
    /// The CLI's HTML report page, with `top` (after `<body>`) and `tail` (before `</body>`).
    fn page(&self, reports: &[Report], top: &str, tail: &str) -> String;
    /// The script the report page needs (clicking a finding scrolls to its evidence).
    fn page_script(&self) -> &'static str;
    /// The CLI's HTML trace page (`trace --format html`), with `top` and `tail` as for `page`.
    fn trace_page(&self, traces: &[Trace], top: &str, tail: &str) -> String;
    /// The script the trace page needs (clicking a change flashes both of its sides).
    fn trace_script(&self) -> &'static str;
}

/// Server settings (the `serve` command's options).
#[derive(Debug, Clone)]
pub struct Config {
    /// The archive; without one the archive pages and endpoints answer 404.
    pub db: Option<PathBuf>,
    /// Largest request body in bytes (413 beyond).
    pub max_body: usize,
    /// Analysis jobs run at once.
    pub workers: usize,
    /// Analysis jobs admitted at once, running or waiting (429 beyond).
    pub queue: usize,
    /// When set, `POST /api/ingest` is open to requests bearing this token.
    pub ingest_token: Option<String>,
    /// Archive reads (search, stored articles) run at once, apart from the analysis jobs: the
    /// read pool's threads.
    pub read_workers: usize,
    /// Archive reads waiting at once for a read thread (429 beyond).
    pub read_queue: usize,
    /// Search pages kept for the current archive generation (0: no cache).
    pub search_cache: usize,
}

impl Default for Config {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            db: None,
            max_body: 10 << 20,
            workers: cores,
            queue: 256,
            ingest_token: None,
            read_workers: cores,
            read_queue: 1024,
            search_cache: 1024,
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}: no such archive (create it with `newsprobe ingest --db {0} INPUT...`, or pass --allow-ingest)")]
    NoArchive(String),
    #[error("opening archive: {0}")]
    Archive(#[from] newsprobe_archive::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Shared state of every handler.
pub struct App {
    pub backend: Arc<dyn Backend>,
    pub config: Config,
    /// Idle read connections to the archive (one per concurrent reader, reused with their
    /// cached prepared statements), each with the data version it saw last.
    readers: Mutex<Vec<(Archive, Option<i64>)>>,
    /// The archive's generation: one more each time a reader finds it changed (committed to).
    generation: AtomicU64,
    /// Search pages of the current generation.
    pub search_cache: search_cache::SearchCache,
    /// The one writer (ingest), serialised.
    writer: Mutex<Option<Archive>>,
    queue: Arc<Semaphore>,
    workers: Arc<Semaphore>,
    /// The read lane: archive reads in arrival order.
    reads: read_pool::ReadPool,
}

/// An error answered as JSON (API) or as an HTML error page (pages).
#[derive(Debug, Clone)]
pub struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Failure {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body =
            serde_json::json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, axum::Json(body)).into_response()
    }
}

impl From<newsprobe_archive::Error> for Failure {
    fn from(e: newsprobe_archive::Error) -> Self {
        match e {
            newsprobe_archive::Error::Query(_) => Failure::bad_request(e.to_string()),
            e => Failure::internal(e.to_string()),
        }
    }
}

impl App {
    /// Checks the archive and builds the state. With an ingest token a missing archive is
    /// created; without one it must exist.
    pub fn new(backend: Arc<dyn Backend>, config: Config) -> Result<Arc<App>, ServeError> {
        let mut writer = None;
        let mut readers = Vec::new();
        if let Some(db) = &config.db {
            if config.ingest_token.is_some() {
                writer = Some(Archive::open(db)?);
            } else if !db.exists() {
                return Err(ServeError::NoArchive(db.display().to_string()));
            }
            // Readers are read-only connections: without --allow-ingest nothing can change the
            // file; with it, only the one writer does.
            readers.push((Archive::open_read_only(db)?, None));
        }
        Ok(Arc::new(App {
            backend,
            queue: Arc::new(Semaphore::new(config.queue.max(1))),
            workers: Arc::new(Semaphore::new(config.workers.max(1))),
            reads: read_pool::ReadPool::new(config.read_workers.max(1), config.read_queue.max(1))?,
            search_cache: search_cache::SearchCache::new(config.search_cache),
            config,
            readers: Mutex::new(readers),
            generation: AtomicU64::new(0),
            writer: Mutex::new(writer),
        }))
    }

    /// Admits one job to the queue: 429 when it is full.
    pub fn admit(&self) -> Result<OwnedSemaphorePermit, Failure> {
        self.queue.clone().try_acquire_owned().map_err(|_| {
            Failure::new(
                StatusCode::TOO_MANY_REQUESTS,
                "the analysis queue is full; retry shortly",
            )
        })
    }

    /// Runs `job` on the bounded blocking pool: 429 when the queue is full.
    pub async fn run<T, F>(self: &Arc<Self>, job: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&App) -> Result<T, Failure> + Send + 'static,
    {
        let admitted = self.admit()?;
        self.run_admitted(admitted, job).await
    }

    /// Runs an archive read (a search, a stored article) in the read lane: apart from the
    /// analysis jobs, on one of `read_workers` threads, after every read that came before it;
    /// 429 when `read_queue` reads wait already.
    pub async fn read<T, F>(self: &Arc<Self>, job: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&App) -> Result<T, Failure> + Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let app = self.clone();
        self.reads
            .submit(move || {
                let _ = tx.send(job(&app));
            })
            .map_err(|e| match e {
                read_pool::Refused::Full => Failure::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "the read queue is full; retry shortly",
                ),
                read_pool::Refused::Closed => Failure::internal("the server is shutting down"),
            })?;
        rx.await
            .unwrap_or_else(|_| Err(Failure::internal("the read failed")))
    }

    /// Runs an admitted job once a worker is free.
    pub async fn run_admitted<T, F>(
        self: &Arc<Self>,
        admitted: OwnedSemaphorePermit,
        job: F,
    ) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&App) -> Result<T, Failure> + Send + 'static,
    {
        let running = self
            .workers
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Failure::internal("the server is shutting down"))?;
        let app = self.clone();
        let r = tokio::task::spawn_blocking(move || {
            let r = job(&app);
            drop(running);
            drop(admitted);
            r
        })
        .await;
        r.unwrap_or_else(|e| Err(Failure::internal(format!("the job failed: {e}"))))
    }

    /// Calls `f` with a read connection to the archive (404 when the server has none).
    pub fn with_archive<T>(
        &self,
        f: impl FnOnce(&Archive) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        self.with_archive_at(|a, _| f(a))
    }

    /// Calls `f` with a read connection and the archive's generation: every commit to the
    /// archive made before this call is in data that `f` reads, and started a generation
    /// later than any generation handed out before it (so a cache keyed by generation never
    /// serves data older than a commit it could see).
    pub fn with_archive_at<T>(
        &self,
        f: impl FnOnce(&Archive, u64) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let Some(db) = &self.config.db else {
            return Err(Failure::not_found(
                "no archive: start the server with --db DB",
            ));
        };
        let conn = self.readers.lock().ok().and_then(|mut v| v.pop());
        let (conn, seen) = match conn {
            Some(c) => c,
            None => (Archive::open_read_only(db)?, None),
        };
        // The data version changes when another connection commits; a connection seeing it
        // change (or seeing it for the first time) starts a new generation.
        let version = conn.data_version().ok();
        let generation = if version.is_some() && version == seen {
            self.generation.load(Ordering::SeqCst)
        } else {
            self.generation.fetch_add(1, Ordering::SeqCst) + 1
        };
        let r = f(&conn, generation);
        if let Ok(mut v) = self.readers.lock() {
            if v.len() < self.config.workers.max(1) + self.config.read_workers.max(1) {
                v.push((conn, version));
            }
        }
        r
    }

    /// Stores reports through the one writer connection.
    pub fn ingest(&self, reports: &[Report]) -> Result<usize, Failure> {
        let mut w = self
            .writer
            .lock()
            .map_err(|_| Failure::internal("the writer failed earlier"))?;
        match w.as_mut() {
            Some(a) => Ok(a.ingest(reports)?),
            None => Err(Failure::not_found("ingest is off")),
        }
    }
}

/// Content-Security-Policy of every response: no inline script, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async fn security_headers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// The whole application: API, pages, assets, with the security headers on every response.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .with_state(app.clone())
        // Bodies are read (and limited) by the handlers themselves, which answer 413 as JSON.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(security_headers))
}

/// Serves until Ctrl-C.
pub async fn serve(app: Arc<App>, addr: SocketAddr) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!(
        "newsprobe serve: http://{} (Ctrl-C to stop)",
        listener.local_addr()?
    );
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
