//! `ingest`, `search`, `clusters`, `trace`: the archive commands.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use newsprobe::render::Format;

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: super::InputArgs,
    #[arg(long, value_name = "KB.jsonl")]
    pub kb: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub db: PathBuf,
    /// Words, "phrases", and fields: speaker:, site:, published:>DATE, type:anonymous.
    pub query: Vec<String>,
    #[arg(long, short, default_value = "text")]
    pub format: Format,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, clap::Args)]
pub struct ClustersArgs {
    #[arg(long)]
    pub db: PathBuf,
    #[arg(long, short, default_value = "text")]
    pub format: Format,
    /// `story` (same-story clusters) or `site` (which sites publish near-copies of which).
    #[arg(long, default_value = "story")]
    pub by: String,
}

#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: super::InputArgs,
    #[arg(long, short, default_value = "text")]
    pub format: Format,
}

pub fn ingest(_a: IngestArgs) -> Result<ExitCode> {
    bail!("ingest: the archive is not built yet")
}

pub fn search(_a: SearchArgs) -> Result<ExitCode> {
    bail!("search: the archive is not built yet")
}

pub fn clusters(_a: ClustersArgs) -> Result<ExitCode> {
    bail!("clusters: the archive is not built yet")
}

pub fn trace(_a: TraceArgs) -> Result<ExitCode> {
    bail!("trace: the archive is not built yet")
}
