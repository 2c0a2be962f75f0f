//! How it is framed.

use newsprobe_core::Document;

/// The bundled models (clickbait, stance, check-worthiness), loaded once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Models {}

impl Models {
    /// The models committed with the project.
    pub fn bundled() -> Self {
        Models {}
    }
}

/// Fills `doc.framing`, `doc.sentences[].checkworthiness` and the framing findings.
pub fn annotate(_doc: &mut Document, _models: &Models) {}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// `newsprobe eval clickbait|stance|checkworthy`.
pub mod eval {
    pub fn run(_task: &str, _data: &std::path::Path) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}

/// `newsprobe train clickbait|stance|checkworthy`.
pub mod train {
    pub fn run(
        _task: &str,
        _data: &std::path::Path,
        _out: &std::path::Path,
        _seed: u64,
    ) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}
