//! Output formats of the contract: `text`, `json`, `jsonl`, `csv`, `html`.
//!
//! A [`ReportWriter`] takes reports one at a time, in order, so batch output streams.

mod annotations;
mod csv_out;
mod html;
mod text;
mod trace_html;

use std::io::Write;

use newsprobe_core::Report;

pub use annotations::annotations;
pub use html::{escape_html, render_page, render_page_in, Shell, SCRIPT};
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
    /// `json` prints one object for one report and an array for several: hold the first.
    pending_json: Option<String>,
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

    fn value(&self, report: &Report) -> serde_json::Value {
        match self.part {
            Part::Full => serde_json::to_value(report).unwrap_or_default(),
            Part::Extract => report.extract_only(),
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
                let v = self.value(report);
                serde_json::to_writer(&mut self.out, &v)?;
                writeln!(self.out)?;
            }
            Format::Json | Format::Annotations => {
                let v = if self.format == Format::Annotations {
                    annotations(report)
                } else {
                    self.value(report)
                };
                let s = serde_json::to_string_pretty(&v)?;
                match self.count {
                    1 => self.pending_json = Some(s),
                    2 => {
                        let first = self.pending_json.take().unwrap_or_default();
                        write!(self.out, "[\n{first},\n{s}")?;
                    }
                    _ => write!(self.out, ",\n{s}")?,
                }
            }
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
                    writeln!(self.out, "{first}")?;
                } else if self.count == 0 {
                    writeln!(self.out, "[]")?;
                } else {
                    writeln!(self.out, "\n]")?;
                }
            }
            Format::Html => {
                let page = render_page(&self.html_sections, self.part == Part::Extract);
                self.out.write_all(page.as_bytes())?;
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

/// One CSV record, quoted as RFC 4180 wants.
fn csv_record(fields: Vec<String>) -> std::io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&fields).map_err(std::io::Error::other)?;
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}
