//! `serve`: the reviewer's workbench (web pages and JSON API) on this engine and archive.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use newsprobe::Engine;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The archive to search and trace against (opened read-only unless --allow-ingest).
    #[arg(long)]
    pub db: Option<PathBuf>,
    #[arg(long, value_name = "KB.jsonl")]
    pub kb: Option<PathBuf>,
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Open `POST /api/ingest` to requests bearing the token (--token or NEWSPROBE_TOKEN).
    #[arg(long)]
    pub allow_ingest: bool,
    #[arg(long, env = "NEWSPROBE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body in bytes.
    #[arg(long, default_value_t = 10 << 20)]
    pub max_body: usize,
    /// Analyses run at once (default: every core).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Analyses admitted at once, running or waiting; more are answered 429.
    #[arg(long, default_value_t = 256)]
    pub queue: usize,
    /// Search pages kept until the archive next changes (0: no cache).
    #[arg(long, default_value_t = 1024)]
    pub search_cache: usize,
}

pub fn serve(a: ServeArgs) -> Result<ExitCode> {
    let ingest_token = match (a.allow_ingest, a.token) {
        (true, Some(t)) if !t.trim().is_empty() => Some(t.trim().to_string()),
        (true, _) => bail!("--allow-ingest needs a token: --token TOKEN or NEWSPROBE_TOKEN"),
        (false, _) => None,
    };
    if ingest_token.is_some() && a.db.is_none() {
        bail!("--allow-ingest needs --db");
    }
    let mut config = newsprobe_serve::Config {
        db: a.db,
        max_body: a.max_body,
        queue: a.queue,
        ingest_token,
        search_cache: a.search_cache,
        ..Default::default()
    };
    if let Some(w) = a.workers.filter(|&w| w > 0) {
        config.workers = w;
    }
    let engine = Engine::new(super::load_kb(a.kb.as_ref())?);
    let app = newsprobe_serve::App::new(Arc::new(engine), config)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    rt.block_on(newsprobe_serve::serve(app, a.addr))?;
    Ok(ExitCode::SUCCESS)
}
