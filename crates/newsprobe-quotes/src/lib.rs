//! Who said it: quotations, speakers and the sourcing profile.

use newsprobe_core::Document;

/// Finds quotations and reported speech, their speakers and source types; fills `doc.quotes`,
/// `doc.sources` and the sourcing findings.
pub fn annotate(_doc: &mut Document) {}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// `newsprobe eval quotes`.
pub mod eval {
    pub fn run(_data: &std::path::Path, _split: &str) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}
