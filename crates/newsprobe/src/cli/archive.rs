//! `ingest`, `search`, `clusters`, `trace`: the archive commands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use newsprobe::batch::{self, Depth};
use newsprobe::render::escape_html;
use newsprobe::render::Format;
use newsprobe::Engine;
use newsprobe_archive::clusters::StoryParams;
use newsprobe_archive::trace::TraceOptions;
use newsprobe_archive::{Archive, Cluster, Hit, SiteLink, Trace};
use newsprobe_core::Report;

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: super::InputArgs,
    #[arg(long, value_name = "KB.jsonl")]
    pub kb: Option<PathBuf>,
    /// Articles per transaction: a killed ingest loses at most this many. Fewer, larger
    /// commits write less (1M articles: 1,893/s at 500, 2,319/s at 2,000; 200 vs 380 MiB).
    #[arg(long, default_value_t = 2000)]
    pub batch: usize,
    /// Run at this lower CPU priority (Unix nice, 0-19): a background ingest beside a serving
    /// workbench then takes only the CPU its readers leave (and no less on an idle machine).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i32).range(0..=19))]
    pub nice: i32,
}

/// Lowers the calling thread's CPU priority by `n` (threads it starts afterwards inherit it).
fn lower_priority(n: i32) -> Result<()> {
    if n == 0 {
        return Ok(());
    }
    #[cfg(unix)]
    {
        // SAFETY: setpriority only reads its integer arguments; `0` names the caller.
        let r = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, n) };
        if r != 0 {
            bail!("--nice {n}: {}", std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub db: PathBuf,
    /// Words, "phrases", and fields: speaker:, site:, title:, quote:, published:>DATE, type:anonymous.
    #[arg(required = true)]
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
    /// Least estimated Jaccard similarity of a near-copy (`--by site`).
    #[arg(long, default_value_t = 0.5)]
    pub min_similarity: f64,
}

#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    #[arg(long)]
    pub db: PathBuf,
    #[command(flatten)]
    pub input: super::InputArgs,
    #[arg(long, short, default_value = "text")]
    pub format: Format,
    #[arg(long, value_name = "KB.jsonl")]
    pub kb: Option<PathBuf>,
}

/// Opens an archive that must already exist (search, clusters, trace).
fn open_existing(db: &std::path::Path) -> Result<Archive> {
    if !db.exists() {
        bail!(
            "{}: no such archive (create it with `newsprobe ingest --db {} INPUT...`)",
            db.display(),
            db.display()
        );
    }
    Archive::open(db).with_context(|| format!("opening archive {}", db.display()))
}

pub fn ingest(a: IngestArgs) -> Result<ExitCode> {
    // First, before any thread starts: the analysis threads and the writer inherit it.
    lower_priority(a.nice)?;
    super::set_threads(a.input.threads);
    let engine = Engine::new(super::load_kb(a.kb.as_ref())?);
    let mut archive =
        Archive::open(&a.db).with_context(|| format!("opening archive {}", a.db.display()))?;
    let batch_size = a.batch.max(1);
    let inputs = newsprobe_read::read_inputs(&a.input.inputs, a.input.input_format);
    let started = std::time::Instant::now();
    // A writer thread stores full batches while the next ones are analysed.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Report>>(2);
    let (summary, stored) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<usize, newsprobe_archive::Error> {
            let mut stored = 0;
            for batch in rx {
                stored += archive.ingest(&batch)?;
            }
            Ok(stored)
        });
        let mut pending: Vec<Report> = Vec::with_capacity(batch_size);
        let mut writer_gone = false;
        let summary = batch::run(
            &engine,
            inputs,
            Depth::Full,
            // Analyse a whole transaction's worth at once: fewer rayon barriers per batch.
            batch_size.min(1024),
            |r| match r {
                Ok(report) => {
                    if writer_gone {
                        return;
                    }
                    pending.push(report);
                    if pending.len() >= batch_size {
                        let full = std::mem::replace(&mut pending, Vec::with_capacity(batch_size));
                        writer_gone = tx.send(full).is_err();
                    }
                }
                Err(f) => eprintln!("{f}"),
            },
        );
        if !pending.is_empty() && !writer_gone {
            let _ = tx.send(pending);
        }
        drop(tx);
        let stored = writer.join().unwrap_or_else(|_| {
            Err(newsprobe_archive::Error::Data(
                "the writer thread panicked".into(),
            ))
        });
        (summary, stored)
    });
    let stored = stored.with_context(|| format!("storing into {}", a.db.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    let total = Archive::open(&a.db).and_then(|x| x.len()).unwrap_or(0);
    eprintln!(
        "ingested {stored} article(s) into {} ({} failed; {total} stored in all) \
         in {seconds:.1} s, {:.0} articles/s",
        a.db.display(),
        summary.failed,
        stored as f64 / seconds.max(1e-9),
    );
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn csv_line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Marks the highlighted ranges of a passage with `open`/`close` (code-point ranges).
fn mark(
    passage: &str,
    highlights: &[(usize, usize)],
    open: &str,
    close: &str,
    escape: bool,
) -> String {
    let mut out = String::new();
    for (i, c) in passage.chars().enumerate() {
        if highlights.iter().any(|h| h.0 == i) {
            out.push_str(open);
        }
        if escape {
            out.push_str(&escape_html(&c.to_string()));
        } else {
            out.push(c);
        }
        if highlights.iter().any(|h| h.1 == i + 1) {
            out.push_str(close);
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font-family:sans-serif;max-width:60em;margin:auto}}mark{{background:#fe6}}\
         .meta{{color:#666;font-size:90%}}</style></head><body>\n<h1>{}</h1>\n{body}</body></html>\n",
        escape_html(title),
        escape_html(title)
    )
}

/// Writes a list of serialisable rows as json (array), jsonl, or through `text`/`csv`/`html`.
fn write_rows<T: serde::Serialize>(
    format: Format,
    rows: &[T],
    text: impl Fn(&[T]) -> String,
    csv: impl Fn(&[T]) -> String,
    html: impl Fn(&[T]) -> String,
) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let r = match format {
        // Annotations are for reports; other listings print JSON instead.
        Format::Json | Format::Annotations => {
            writeln!(out, "{}", serde_json::to_string_pretty(rows)?)
        }
        Format::Jsonl => rows
            .iter()
            .try_for_each(|r| writeln!(out, "{}", serde_json::to_string(r).unwrap_or_default())),
        Format::Text => write!(out, "{}", text(rows)),
        Format::Csv => write!(out, "{}", csv(rows)),
        Format::Html => write!(out, "{}", html(rows)),
    };
    match r.and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing output"),
    }
}

pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let archive = open_existing(&a.db)?;
    let query = a.query.join(" ");
    let hits = match archive.search(&query, a.limit) {
        Ok(h) => h,
        Err(e @ newsprobe_archive::Error::Query(_)) => {
            eprintln!("newsprobe search: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e).context("searching"),
    };
    write_rows(
        a.format,
        &hits,
        |hits: &[Hit]| {
            let mut s = String::new();
            if hits.is_empty() {
                s.push_str("no match\n");
            }
            for (i, h) in hits.iter().enumerate() {
                s.push_str(&format!(
                    "{}. {}  [{}]  {}  score {:.3}\n   {}\n   {}: {}\n",
                    i + 1,
                    h.id,
                    h.site.as_deref().unwrap_or("-"),
                    h.published.as_deref().unwrap_or("-"),
                    h.score,
                    h.title.as_deref().unwrap_or(""),
                    h.field,
                    mark(&h.passage, &h.highlights, "«", "»", false)
                ));
            }
            s
        },
        |hits: &[Hit]| {
            let mut s = csv_line(
                &[
                    "id",
                    "site",
                    "url",
                    "published",
                    "title",
                    "score",
                    "field",
                    "passage",
                ]
                .map(String::from),
            ) + "\n";
            for h in hits {
                s += &csv_line(&[
                    h.id.clone(),
                    h.site.clone().unwrap_or_default(),
                    h.url.clone().unwrap_or_default(),
                    h.published.clone().unwrap_or_default(),
                    h.title.clone().unwrap_or_default(),
                    format!("{:.4}", h.score),
                    h.field.clone(),
                    mark(&h.passage, &h.highlights, "«", "»", false),
                ]);
                s.push('\n');
            }
            s
        },
        |hits: &[Hit]| {
            let mut body = String::from("<ol>\n");
            for h in hits {
                body += &format!(
                    "<li><b>{}</b> <span class=\"meta\">{} · {} · {} · score {:.2}</span><br>{}: {}</li>\n",
                    escape_html(h.title.as_deref().unwrap_or(&h.id)),
                    escape_html(&h.id),
                    escape_html(h.site.as_deref().unwrap_or("-")),
                    escape_html(h.published.as_deref().unwrap_or("-")),
                    h.score,
                    escape_html(&h.field),
                    mark(&h.passage, &h.highlights, "<mark>", "</mark>", true)
                );
            }
            body.push_str("</ol>\n");
            page(&format!("newsprobe search: {query}"), &body)
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn clusters(a: ClustersArgs) -> Result<ExitCode> {
    let archive = open_existing(&a.db)?;
    match a.by.as_str() {
        "story" => {
            let clusters = archive
                .story_clusters(&StoryParams::default())
                .context("clustering")?;
            if a.format == Format::Json {
                super::print_out(&serde_json::to_string_pretty(
                    &serde_json::json!({ "clusters": clusters }),
                )?)?;
                return Ok(ExitCode::SUCCESS);
            }
            write_rows(
                a.format,
                &clusters,
                |cs: &[Cluster]| {
                    let mut s = String::new();
                    for c in cs {
                        s += &format!(
                            "{}  {}  {} article(s)  {}\n   {}\n",
                            c.id,
                            c.first_published.as_deref().unwrap_or("-"),
                            c.members.len(),
                            c.label,
                            c.members.join(", ")
                        );
                    }
                    s
                },
                |cs: &[Cluster]| {
                    let mut s = csv_line(
                        &["id", "first_published", "size", "label", "members"].map(String::from),
                    ) + "\n";
                    for c in cs {
                        s += &csv_line(&[
                            c.id.clone(),
                            c.first_published.clone().unwrap_or_default(),
                            c.members.len().to_string(),
                            c.label.clone(),
                            c.members.join(" "),
                        ]);
                        s.push('\n');
                    }
                    s
                },
                |cs: &[Cluster]| {
                    let mut body = String::from("<ol>\n");
                    for c in cs {
                        body += &format!(
                            "<li><b>{}</b> <span class=\"meta\">{} · {} · {} article(s)</span><br>{}</li>\n",
                            escape_html(&c.label),
                            escape_html(&c.id),
                            escape_html(c.first_published.as_deref().unwrap_or("-")),
                            c.members.len(),
                            escape_html(&c.members.join(", "))
                        );
                    }
                    body.push_str("</ol>\n");
                    page("newsprobe clusters", &body)
                },
            )?;
        }
        "site" => {
            let links = archive
                .site_links(a.min_similarity)
                .context("finding near-copies")?;
            if a.format == Format::Json {
                super::print_out(&serde_json::to_string_pretty(
                    &serde_json::json!({ "site_links": links }),
                )?)?;
                return Ok(ExitCode::SUCCESS);
            }
            write_rows(
                a.format,
                &links,
                |ls: &[SiteLink]| {
                    let mut s = String::new();
                    if ls.is_empty() {
                        s.push_str("no near-copies between sites\n");
                    }
                    for l in ls {
                        s += &format!(
                            "{} -> {}  {} near-cop{}  first seen {}  mean similarity {:.2}\n",
                            l.from,
                            l.to,
                            l.count,
                            if l.count == 1 { "y" } else { "ies" },
                            l.first_seen.as_deref().unwrap_or("-"),
                            l.mean_similarity
                        );
                    }
                    s
                },
                |ls: &[SiteLink]| {
                    let mut s = csv_line(
                        &["from", "to", "count", "first_seen", "mean_similarity"].map(String::from),
                    ) + "\n";
                    for l in ls {
                        s += &csv_line(&[
                            l.from.clone(),
                            l.to.clone(),
                            l.count.to_string(),
                            l.first_seen.clone().unwrap_or_default(),
                            format!("{:.4}", l.mean_similarity),
                        ]);
                        s.push('\n');
                    }
                    s
                },
                |ls: &[SiteLink]| {
                    let body = format!(
                        "{}\n{}",
                        newsprobe_archive::html::site_links_svg(ls),
                        newsprobe_archive::html::site_links_table(ls)
                    );
                    page("newsprobe near-copy network", &body)
                },
            )?;
        }
        other => {
            eprintln!("newsprobe clusters: --by {other:?}: expected story or site");
            return Ok(ExitCode::from(2));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn trace_text(t: &Trace) -> String {
    let mut s = format!("trace of {}\n", t.article.id);
    if t.sources.is_empty() {
        s.push_str("  no earlier source found\n");
    }
    for (i, src) in t.sources.iter().enumerate() {
        s += &format!(
            "  source {}: {} [{}] {}  score {:.2} {}  (containment {:.2}, {} shared sentence(s), {} shared quote(s){})\n",
            i + 1,
            src.id,
            src.site.as_deref().unwrap_or("-"),
            src.published.as_deref().unwrap_or("-"),
            src.score,
            src.confidence.as_str(),
            src.evidence.text_containment,
            src.evidence.shared_sentences,
            src.evidence.shared_quotes,
            src.evidence.near_copy.map(|x| format!(", near-copy {x:.2}")).unwrap_or_default()
        );
    }
    for n in &t.near_copies {
        s += &format!(
            "  near-copy: {} [{}] similarity {:.2}\n",
            n.id,
            n.site.as_deref().unwrap_or("-"),
            n.similarity
        );
    }
    if !t.support.is_empty() {
        // One letter a sentence: S supported, A altered, U unsupported.
        let map: String = t
            .support
            .iter()
            .map(|r| match r.status {
                newsprobe_archive::trace::SupportStatus::Supported => 'S',
                newsprobe_archive::trace::SupportStatus::Altered => 'A',
                newsprobe_archive::trace::SupportStatus::Unsupported => 'U',
            })
            .collect();
        s += &format!("  support by sentence: {map}  (S supported, A altered, U unsupported)\n");
    }
    for c in &t.changes {
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        s += &format!(
            "  {kind} at {}{}..{}: {}{}\n",
            if c.article_span.field == newsprobe_core::Field::Title {
                "title "
            } else {
                ""
            },
            c.article_span.start,
            c.article_span.end,
            c.detail,
            c.source_id
                .as_deref()
                .map(|id| format!(" [source {id}]"))
                .unwrap_or_default()
        );
    }
    s
}

pub fn trace(a: TraceArgs) -> Result<ExitCode> {
    super::set_threads(a.input.threads);
    let archive = open_existing(&a.db)?;
    let engine = Engine::new(super::load_kb(a.kb.as_ref())?);
    let inputs = newsprobe_read::read_inputs(&a.input.inputs, a.input.input_format);
    let mut traces: Vec<Trace> = Vec::new();
    let mut trace_error = None;
    let opt = TraceOptions::default();
    let mut failed = 0usize;
    let summary = batch::run(&engine, inputs, Depth::Full, 64, |r| match r {
        Ok(report) => match archive.trace(&report, &opt) {
            Ok(t) => traces.push(t),
            Err(e) => {
                if trace_error.is_none() {
                    trace_error = Some(e);
                }
            }
        },
        Err(f) => {
            failed += 1;
            eprintln!("{f}");
        }
    });
    if let Some(e) = trace_error {
        return Err(e).context("tracing");
    }
    if a.format == Format::Json && traces.len() == 1 {
        super::print_out(&serde_json::to_string_pretty(&traces[0])?)?;
    } else {
        write_rows(
            a.format,
            &traces,
            |ts: &[Trace]| ts.iter().map(trace_text).collect::<Vec<_>>().join("\n"),
            |ts: &[Trace]| {
                let mut s = csv_line(
                    &[
                        "article",
                        "kind",
                        "start",
                        "end",
                        "in",
                        "text",
                        "source_id",
                        "detail",
                    ]
                    .map(String::from),
                ) + "\n";
                for t in ts {
                    for c in &t.changes {
                        let kind = serde_json::to_value(c.kind)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default();
                        let field = if c.article_span.field == newsprobe_core::Field::Title {
                            "title"
                        } else {
                            "text"
                        };
                        s += &csv_line(&[
                            t.article.id.clone(),
                            kind,
                            c.article_span.start.to_string(),
                            c.article_span.end.to_string(),
                            field.to_string(),
                            c.article_span.text.clone(),
                            c.source_id.clone().unwrap_or_default(),
                            c.detail.clone(),
                        ]);
                        s.push('\n');
                    }
                }
                s
            },
            |ts: &[Trace]| newsprobe::render::render_trace_page(ts),
        )?;
    }
    Ok(if summary.failed > 0 || failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
