//! The document model of newsprobe.
//!
//! Every stage of the pipeline reads one [`Document`] and adds typed annotations to it. All
//! annotations point into the document with [`Span`]s: **byte** offsets into `text` (or into
//! `metadata.title` when `field` is [`Field::Title`]). Byte offsets make slicing cheap inside
//! Rust; the public report converts them to Unicode code points at the edge
//! ([`report::Report::from_document`]), as the contract requires.
//!
//! Modules, by the question each answers:
//! - [`span`]: where in the text is this annotation?
//! - [`document`]: what is one article, and what has been found in it?
//! - [`raw`]: what did a reader hand to the pipeline before analysis?
//! - [`segment`]: where are the paragraphs, sentences and tokens?
//! - [`report`]: what does a user see (the contract's JSON schema, code-point offsets)?
//! - [`lexicon`]: small word-level helpers shared by the detectors.
//! - [`clusters`]: which words behave alike (word clusters learned from unlabelled text)?

pub mod clusters;
pub mod document;
pub mod html;
pub mod lexicon;
pub mod raw;
pub mod report;
pub mod rng;
pub mod segment;
pub mod signals;
pub mod span;
pub mod span_index;
pub mod words;

pub use document::*;
pub use raw::{Content, RawArticle};
pub use report::Report;
pub use span::{Field, Span};
pub use span_index::SpanIndex;
pub use words::WordTable;

/// Version of the report schema in `../shared/contract.md`.
pub const SCHEMA_VERSION: &str = "1";
