//! Batch analysis: many inputs over every core, results in input order, streaming.
//!
//! Raw articles are read lazily and analysed in chunks with rayon; each chunk's results are
//! handed on in input order before the next chunk is read, so memory stays bounded by the chunk
//! whatever the size of the input (a 10 GB JSON Lines file streams through).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use newsprobe_core::{RawArticle, Report};
use newsprobe_read::ReadError;
use rayon::prelude::*;

use crate::pipeline::Engine;

/// A failure tied to its input, printed as `INPUT[:LINE]: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// How a batch ran.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    pub analysed: usize,
    pub failed: usize,
}

/// What to compute for each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Read and segment only (`extract`).
    Read,
    /// Every stage (`analyze`, `ingest`).
    Full,
}

/// A progress bar on stderr when stderr is a terminal; hidden otherwise.
pub fn progress_bar(len: Option<u64>, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = match len {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    let template = if len.is_some() {
        format!("{{spinner}} {what} {{pos}}/{{len}} [{{elapsed_precise}}] {{bar:30}} {{per_sec}}")
    } else {
        format!("{{spinner}} {what} {{pos}} [{{elapsed_precise}}] {{per_sec}}")
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        pb.set_style(style);
    }
    pb
}

/// Analyses every article of `inputs` and calls `sink` with each result in input order.
///
/// A reader thread reads and parses the next chunk while the current one is analysed, so the
/// cores are not idle while JSON Lines or WARC records are decoded.
pub fn run<I, F>(
    engine: &Engine,
    inputs: I,
    depth: Depth,
    chunk: usize,
    mut sink: F,
) -> BatchSummary
where
    I: Iterator<Item = Result<RawArticle, ReadError>> + Send,
    F: FnMut(Result<Report, Failure>),
{
    let pb = progress_bar(None, "analysing");
    let mut summary = BatchSummary::default();
    let chunk = chunk.max(1);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<RawArticle, Failure>>>(1);
        scope.spawn(move || {
            let mut inputs = inputs;
            loop {
                let batch: Vec<Result<RawArticle, Failure>> = inputs
                    .by_ref()
                    .take(chunk)
                    .map(|r| {
                        r.map_err(|e| Failure {
                            location: e.location,
                            message: e.message,
                        })
                    })
                    .collect();
                if batch.is_empty() || tx.send(batch).is_err() {
                    break;
                }
            }
        });
        for batch in rx {
            let results: Vec<Result<Report, Failure>> = batch
                .into_par_iter()
                .map(|item| {
                    let raw = item?;
                    let location = raw.location();
                    let doc = match depth {
                        Depth::Read => engine.read(raw),
                        Depth::Full => engine.analyze(raw),
                    };
                    doc.map(|d| Report::from_document(&d)).map_err(|e| Failure {
                        location,
                        message: e.to_string(),
                    })
                })
                .collect();
            for r in results {
                match &r {
                    Ok(_) => summary.analysed += 1,
                    Err(_) => summary.failed += 1,
                }
                pb.inc(1);
                sink(r);
            }
        }
    });
    pb.finish_and_clear();
    summary
}
