//! Who they are: entities, descriptors and the knowledge base.

use newsprobe_core::Document;

/// A knowledge base in the contract's JSON Lines format.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {}

/// Finds entities and their descriptors; links them to the knowledge base when given and adds
/// `kb_conflict` findings.
pub fn annotate(_doc: &mut Document, _kb: Option<&KnowledgeBase>) {}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl KnowledgeBase {
    /// Loads a knowledge base in the contract's JSON Lines format.
    pub fn load(_path: &std::path::Path) -> Result<Self, Error> {
        Ok(KnowledgeBase {})
    }
}

/// `newsprobe eval entities`.
pub mod eval {
    pub fn run(_data: &std::path::Path) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}

/// `newsprobe kb import-wikidata`.
pub mod wikidata {
    pub fn import(_dump: &std::path::Path, _out: &std::path::Path) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}
