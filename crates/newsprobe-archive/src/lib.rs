//! Where it came from: the archive of analysed articles.

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// `newsprobe eval stories`.
pub mod eval {
    pub fn stories(_data: &std::path::Path) -> Result<String, super::Error> {
        Err(super::Error::Data("not implemented yet".into()))
    }
}
