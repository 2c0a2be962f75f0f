//! newsprobe: the pipeline and the renderers on top of the stage crates.
//!
//! - [`pipeline`]: the stages, in order, in one place.
//! - [`batch`]: many articles over every core, in input order, streaming.
//! - [`render`]: reports as text, JSON, JSON Lines, CSV and a self-contained HTML page.
//! - [`review`]: `eval review`, newsprobe against the reviewed sample of real articles.

pub mod batch;
pub mod pipeline;
pub mod render;
pub mod review;

pub use pipeline::{AnalyzeError, Engine};
