//! Output formats of the contract: `text`, `json`, `jsonl`, `csv`, `html`.
//!
//! A [`ReportWriter`] takes reports one at a time, in order, so batch output streams.

mod annotations;
mod csv_out;
mod html;
pub mod sorted_json;
mod text;
mod trace_html;

use std::io::Write;

use newsprobe_core::Report;

pub use annotations::annotations;
pub use html::{escape_html, render_page, render_page_in, write_page, Shell, SCRIPT};
pub use text::render_text;
pub use trace_html::{render_trace_page, render_trace_page_in, TRACE_SCRIPT};

/// Output format of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
    Csv,
    Html,
    /// W3C Web Annotation JSON-LD (an `AnnotationCollection` per report).
    Annotations,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "html" => Ok(Format::Html),
            "annotations" => Ok(Format::Annotations),
            _ => Err(format!(
                "unknown format {s:?} (text, json, jsonl, csv, html, annotations)"
            )),
        }
    }
}

/// What to print of each report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The whole report (`analyze`).
    Full,
    /// `source`, `metadata` and `text` only (`extract`).
    Extract,
}

/// Streams reports in one format.
pub struct ReportWriter<W: Write> {
    out: W,
    format: Format,
    part: Part,
    count: usize,
    /// `json` prints one object for one report and an array for several: hold the first (as
    /// printed, or the report itself when it was handed over, see [`Self::write_report`]).
    pending_json: Option<Pending>,
    html_sections: Vec<Report>,
}

impl<W: Write> ReportWriter<W> {
    pub fn new(out: W, format: Format, part: Part) -> Self {
        ReportWriter {
            out,
            format,
            part,
            count: 0,
            pending_json: None,
            html_sections: Vec::new(),
        }
    }

    fn write_json(&mut self, report: &Report, pretty: bool) -> std::io::Result<()> {
        json_to(&mut self.out, self.format, self.part, report, pretty)
    }

    /// Writes one report, taking it: a report the output must hold (the first of `json`, every
    /// one of `html`) is kept as it is instead of printed into a buffer or copied.
    pub fn write_report(&mut self, report: Report) -> std::io::Result<()> {
        match self.format {
            Format::Json | Format::Annotations if self.count == 0 => {
                self.count = 1;
                self.pending_json = Some(Pending::Report(Box::new(report)));
                Ok(())
            }
            Format::Html => {
                self.count += 1;
                self.html_sections.push(report);
                Ok(())
            }
            _ => self.write(&report),
        }
    }

    /// The held first report of `json`, printed.
    fn write_pending(&mut self, pending: Pending) -> std::io::Result<()> {
        match pending {
            Pending::Bytes(b) => self.out.write_all(&b),
            Pending::Report(r) => self.write_json(&r, true),
        }
    }

    /// Writes one report.
    pub fn write(&mut self, report: &Report) -> std::io::Result<()> {
        self.count += 1;
        match self.format {
            Format::Text => {
                if self.count > 1 {
                    writeln!(self.out)?;
                }
                self.out
                    .write_all(render_text(report, self.part == Part::Extract).as_bytes())?;
            }
            Format::Jsonl => {
                self.write_json(report, false)?;
                writeln!(self.out)?;
            }
            Format::Json | Format::Annotations => match self.count {
                // One report prints as an object, several as an array: the first is held
                // until the second comes (or `finish`).
                1 => {
                    let mut first = Vec::new();
                    json_to(&mut first, self.format, self.part, report, true)?;
                    self.pending_json = Some(Pending::Bytes(first));
                }
                2 => {
                    self.out.write_all(b"[\n")?;
                    if let Some(first) = self.pending_json.take() {
                        self.write_pending(first)?;
                    }
                    self.out.write_all(b",\n")?;
                    self.write_json(report, true)?;
                }
                _ => {
                    self.out.write_all(b",\n")?;
                    self.write_json(report, true)?;
                }
            },
            Format::Csv => {
                if self.count == 1 {
                    self.out.write_all(&csv_record(
                        csv_out::HEADER.iter().map(|s| s.to_string()).collect(),
                    )?)?;
                }
                self.out.write_all(&csv_record(csv_out::row(report))?)?;
            }
            Format::Html => self.html_sections.push(report.clone()),
        }
        Ok(())
    }

    /// Closes the output (the JSON array, the HTML page).
    pub fn finish(mut self) -> std::io::Result<W> {
        match self.format {
            Format::Json | Format::Annotations => {
                if let Some(first) = self.pending_json.take() {
                    self.write_pending(first)?;
                    writeln!(self.out)?;
                } else if self.count == 0 {
                    writeln!(self.out, "[]")?;
                } else {
                    writeln!(self.out, "\n]")?;
                }
            }
            Format::Html => {
                write_page(
                    &mut self.out,
                    &self.html_sections,
                    self.part == Part::Extract,
                )?;
            }
            Format::Csv if self.count == 0 => {
                self.out.write_all(&csv_record(
                    csv_out::HEADER.iter().map(|s| s.to_string()).collect(),
                )?)?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One report as JSON (pretty or one line) on `out`: the whole report is written straight from
/// the report, keys sorted as the contract has always had them ([`sorted_json`]); `extract` and
/// `annotations` are small `Value`s, printed as before.
fn json_to<O: Write>(
    out: O,
    format: Format,
    part: Part,
    report: &Report,
    pretty: bool,
) -> std::io::Result<()> {
    let value = match (format, part) {
        (Format::Annotations, _) => annotations(report),
        (_, Part::Extract) => report.extract_only(),
        (_, Part::Full) => return sorted_json::to_writer(out, report, pretty),
    };
    if pretty {
        serde_json::to_writer_pretty(out, &value)?;
    } else {
        serde_json::to_writer(out, &value)?;
    }
    Ok(())
}

/// The first `json` report, held until the output knows whether it is one object or an array.
enum Pending {
    Bytes(Vec<u8>),
    Report(Box<Report>),
}

/// One CSV record, quoted as RFC 4180 wants.
fn csv_record(fields: Vec<String>) -> std::io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&fields).map_err(std::io::Error::other)?;
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}
