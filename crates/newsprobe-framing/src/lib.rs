//! How it is framed.

use newsprobe_core::Document;

/// The bundled models (clickbait, stance, check-worthiness), loaded once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Models {
    pub classifiers: newsprobe_classify::Models,
}

impl Models {
    /// The models committed with the project.
    pub fn bundled() -> Self {
        Models {
            classifiers: newsprobe_classify::Models::bundled(),
        }
    }
}

/// Fills `doc.framing`, `doc.sentences[].checkworthiness` and the framing findings.
pub fn annotate(_doc: &mut Document, _models: &Models) {}
