//! Command-line arguments and dispatch.

mod archive;
mod eval;
mod serve;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use newsprobe::batch::{self, Depth};
use newsprobe::render::{Format, Part, ReportWriter};
use newsprobe::Engine;
use newsprobe_entities::KnowledgeBase;
use newsprobe_read::InputFormat;

/// Reads news articles and shows, with evidence, how each is sourced and framed and where it
/// came from.
#[derive(Debug, Parser)]
#[command(name = "newsprobe", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by the commands that read articles.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, directories (walked recursively) or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Override the input kind: html, text, jsonl, warc.
    #[arg(long, value_name = "KIND")]
    pub input_format: Option<InputFormat>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print reports.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        /// text, json, jsonl, csv, html or annotations (W3C Web Annotation JSON-LD).
        #[arg(long, short, default_value = "text")]
        format: Format,
        /// Knowledge base (JSON Lines) to check people and organisations against.
        #[arg(long, value_name = "KB.jsonl")]
        kb: Option<PathBuf>,
    },
    /// Print only the source, metadata and text of each article.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, short, default_value = "text")]
        format: Format,
    },
    /// Analyse articles and store them in an archive.
    Ingest(archive::IngestArgs),
    /// Full-text search over stored articles and quotes.
    Search(archive::SearchArgs),
    /// Same-story clusters (or the near-copy network by site) of the stored articles.
    Clusters(archive::ClustersArgs),
    /// Provenance of each input against the archive: likely sources and what was changed.
    Trace(archive::TraceArgs),
    /// The reviewer's workbench: web pages and a JSON API on this engine and archive.
    Serve(serve::ServeArgs),
    /// Quality figures on an evaluation data set.
    Eval(eval::EvalArgs),
    /// Reproducible training of a bundled model.
    Train(eval::TrainArgs),
    /// Knowledge-base tools.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Build a knowledge base from a Wikidata JSON dump (.json, .json.gz or .json.bz2).
    ImportWikidata {
        dump: PathBuf,
        #[arg(long, value_name = "KB.jsonl")]
        out: PathBuf,
    },
}

/// Sets the size of rayon's global pool.
pub fn set_threads(threads: Option<usize>) {
    if let Some(n) = threads.filter(|&n| n > 0) {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

/// Loads the knowledge base named on the command line.
pub fn load_kb(kb: Option<&PathBuf>) -> Result<Option<KnowledgeBase>> {
    kb.map(|p| {
        KnowledgeBase::load(p).with_context(|| format!("reading knowledge base {}", p.display()))
    })
    .transpose()
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze { input, format, kb } => {
            let engine = Engine::new(load_kb(kb.as_ref())?);
            print_reports(&engine, &input, format, Part::Full)
        }
        Command::Extract { input, format } => {
            print_reports(&Engine::default(), &input, format, Part::Extract)
        }
        Command::Ingest(a) => archive::ingest(a),
        Command::Search(a) => archive::search(a),
        Command::Clusters(a) => archive::clusters(a),
        Command::Trace(a) => archive::trace(a),
        Command::Serve(a) => serve::serve(a),
        Command::Eval(a) => eval::eval(a),
        Command::Train(a) => eval::train(a),
        Command::Kb {
            command: KbCommand::ImportWikidata { dump, out },
        } => {
            let summary = newsprobe_entities::wikidata::import(&dump, &out)
                .with_context(|| format!("importing {}", dump.display()))?;
            eprintln!("{summary}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `analyze` and `extract`: read, analyse in parallel, print in input order.
fn print_reports(
    engine: &Engine,
    input: &InputArgs,
    format: Format,
    part: Part,
) -> Result<ExitCode> {
    set_threads(input.threads);
    let stdout = std::io::stdout().lock();
    let mut writer = ReportWriter::new(std::io::BufWriter::new(stdout), format, part);
    let depth = if part == Part::Extract {
        Depth::Read
    } else {
        Depth::Full
    };
    let mut io_error = None;
    let inputs = newsprobe_read::read_inputs(&input.inputs, input.input_format);
    let summary = batch::run(engine, inputs, depth, 64, |r| match r {
        Ok(report) => {
            if io_error.is_none() {
                if let Err(e) = writer.write_report(report) {
                    io_error = Some(e);
                }
            }
        }
        Err(f) => eprintln!("{f}"),
    });
    if let Some(e) = io_error {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("writing output");
    }
    let mut out = writer.finish().context("writing output")?;
    let _ = out.flush();
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes one block of output and a newline to standard output. A reader that closed the pipe
/// early (`newsprobe eval ... | head`) ends the output quietly instead of a panic.
pub(crate) fn print_out(s: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
