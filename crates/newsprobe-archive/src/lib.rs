//! Where it came from: the archive of analysed articles.
//!
//! Modules, by the question each answers:
//! - [`store`]: where are the analysed articles kept (SQLite, WAL, batched transactions)?
//! - [`query`]: what does a search query ask for (words, phrases, `speaker:`, `site:`, ...)?
//! - [`search`]: which stored articles match a query, and where (highlighted passages)?
//! - `snippet` (private): where in a hit's columns do the words occur (FTS5's snippet in Rust)?
//! - `rank` (private): how well does an article match (FTS5's bm25, article lengths kept)?
//! - [`minhash`]: which stored articles are near-copies of this one (MinHash + LSH bands)?
//! - [`clusters`]: which articles tell the same story, and which sites copy which?
//! - [`html`]: how are the site links drawn (the near-copy network as SVG and as a table)?
//! - [`trace`]: which earlier articles did this one draw on, and what was changed?
//! - [`eval`]: how good are the same-story clusters on ECB+ (B-cubed)?
//! - [`synth`]: a seeded synthetic archive for the benchmark.
//! - [`words`]: the word tokenizer shared by the modules above.

pub mod align;
pub mod clusters;
pub mod cues;
pub mod eval;
pub mod expect;
pub mod html;
pub mod launder;
pub mod minhash;
pub mod query;
mod rank;
pub mod search;
mod snippet;
pub mod store;
pub mod support;
pub mod synth;
pub mod trace;
pub mod trace_eval;
pub mod typed;
pub mod words;

pub use clusters::{Cluster, SiteLink};
pub use search::Hit;
pub use store::Archive;
pub use trace::{Change, ChangeKind, SourceConfidence, Trace, LIKELY_SOURCE_SCORE};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error("bad query: {0}")]
    Query(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("archive database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored report is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
}
