//! The CLI's engine and renderer as the workbench server's [`newsprobe_serve::Backend`]: the
//! server analyses with the same [`Engine`] and renders with the same [`ReportWriter`], HTML
//! report page and HTML trace page as `newsprobe analyze` and `newsprobe trace`.

use newsprobe_archive::Trace;
use newsprobe_core::{RawArticle, Report};

use crate::render::{self, Format, Part, ReportWriter, Shell};
use crate::Engine;

impl newsprobe_serve::Backend for Engine {
    fn report(&self, raw: RawArticle) -> Result<Report, String> {
        Engine::report(self, raw).map_err(|e| e.to_string())
    }

    fn render(&self, reports: &[Report], format: &str) -> Result<Vec<u8>, String> {
        let format: Format = format.parse()?;
        let mut w = ReportWriter::new(Vec::new(), format, Part::Full);
        for r in reports {
            w.write(r).map_err(|e| e.to_string())?;
        }
        w.finish().map_err(|e| e.to_string())
    }

    fn page(&self, reports: &[Report], top: &str, tail: &str) -> String {
        render::render_page_in(
            reports,
            false,
            Shell {
                top: Some(top),
                tail,
            },
        )
    }

    fn page_script(&self) -> &'static str {
        render::SCRIPT
    }

    fn trace_page(&self, traces: &[Trace], top: &str, tail: &str) -> String {
        render::render_trace_page_in(
            traces,
            Shell {
                top: Some(top),
                tail,
            },
        )
    }

    fn trace_script(&self) -> &'static str {
        render::TRACE_SCRIPT
    }
}
