//! newsprobe: the pipeline and the renderers on top of the stage crates.
//!
//! - [`pipeline`]: the stages, in order, in one place.
//! - [`batch`]: many articles over every core, in input order, streaming.
//! - [`render`]: reports as text, JSON, JSON Lines, CSV, a self-contained HTML page and W3C Web
//!   Annotations.
//! - `workbench`: the engine and renderer as the `serve` command's backend.
//! - [`review`]: `eval review`, newsprobe against the reviewed sample of real articles.
//! - [`spancheck`]: does every span of a document and its report lie inside its field?

#[cfg(feature = "mimalloc")]
pub mod allocator;
pub mod batch;
pub mod pipeline;
pub mod render;
pub mod review;
pub mod spancheck;
mod workbench;

pub use pipeline::{AnalyzeError, Engine};
