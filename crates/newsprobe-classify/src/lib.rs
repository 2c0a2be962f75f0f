//! Seeded, reproducible text classifiers and the bundled models built on them.
//!
//! (Skeleton: the API the framing stage and the CLI call. Real models replace the constants.)

use newsprobe_core::Stance;

/// Errors of training, evaluation and model loading.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// A headline's clickbait score and the words that pushed it up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClickbaitScore {
    pub probability: f32,
    /// Byte ranges into the headline of the words (or phrases) with the largest positive
    /// contributions, with their weight.
    pub cues: Vec<(usize, usize, f32)>,
}

/// The bundled models, loaded once at start-up (no download).
#[derive(Debug, Clone, Default)]
pub struct Models {}

impl Models {
    /// The models committed with the project.
    pub fn bundled() -> Self {
        Models {}
    }

    /// Probability that a headline is clickbait.
    pub fn clickbait(&self, _headline: &str) -> ClickbaitScore {
        ClickbaitScore::default()
    }

    /// FNC-1 stance of the body towards the headline, with a confidence.
    pub fn stance(&self, _headline: &str, _body: &str) -> (Stance, f32) {
        (Stance::Discuss, 0.0)
    }

    /// Check-worthiness of one sentence, 0..1.
    pub fn checkworthiness(&self, _sentence: &str) -> f32 {
        0.0
    }
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
