//! Seeded, reproducible text classifiers and the bundled models built on them: clickbait
//! headlines, headline stance (FNC-1) and check-worthy sentences.
//!
//! The models are small files under `models/`, embedded in the binary and parsed once on first
//! use; `newsprobe train TASK` rebuilds each bit for bit from its seed.

use std::sync::{Arc, LazyLock};

use newsprobe_core::Stance;

pub mod checkworthy;
pub mod clickbait;
pub mod data;
pub mod eval;
pub mod features;
pub mod linear;
pub mod sensational;
pub mod stance;
pub mod train;

use checkworthy::CheckworthyModel;
use clickbait::ClickbaitModel;
use stance::StanceModel;

/// Errors of training, evaluation and model loading.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Data(String),
    #[error("model: {0}")]
    Model(String),
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

/// The committed model files.
pub const CLICKBAIT_MODEL: &[u8] = include_bytes!("../models/clickbait.bin");
pub const STANCE_MODEL: &[u8] = include_bytes!("../models/stance.bin");
pub const CHECKWORTHY_MODEL: &[u8] = include_bytes!("../models/checkworthy.bin");

/// The parsed models (None when a file is missing or malformed; `tests::bundled_models_load`
/// makes sure they are not).
#[derive(Debug)]
pub struct Bundle {
    pub clickbait: Option<ClickbaitModel>,
    pub stance: Option<StanceModel>,
    pub checkworthy: Option<CheckworthyModel>,
}

static BUNDLED: LazyLock<Arc<Bundle>> = LazyLock::new(|| {
    Arc::new(Bundle {
        clickbait: ClickbaitModel::from_bytes(CLICKBAIT_MODEL).ok(),
        stance: StanceModel::from_bytes(STANCE_MODEL).ok(),
        checkworthy: CheckworthyModel::from_bytes(CHECKWORTHY_MODEL).ok(),
    })
});

/// The bundled models, loaded once at start-up (no download). Cheap to clone.
#[derive(Debug, Clone)]
pub struct Models {
    pub bundle: Arc<Bundle>,
}

impl Default for Models {
    fn default() -> Self {
        Models::bundled()
    }
}

impl Models {
    /// The models committed with the project.
    pub fn bundled() -> Self {
        Models {
            bundle: Arc::clone(&BUNDLED),
        }
    }

    /// Probability that a headline is clickbait, with its cue words.
    pub fn clickbait(&self, headline: &str) -> ClickbaitScore {
        match &self.bundle.clickbait {
            Some(m) => m.score(headline),
            None => ClickbaitScore::default(),
        }
    }

    /// FNC-1 stance of the body towards the headline, with a confidence.
    pub fn stance(&self, headline: &str, body: &str) -> (Stance, f32) {
        match &self.bundle.stance {
            Some(m) => m.predict(headline, body),
            None => (Stance::Discuss, 0.0),
        }
    }

    /// [`Self::stance`] from the [`features::tokenize`] tokens of the whole body (tokenized once
    /// for every model that reads it).
    pub fn stance_tokens(&self, headline: &str, body_tokens: &[features::Token]) -> (Stance, f32) {
        self.stance_tokens_flagged(headline, (body_tokens, None))
    }

    /// [`Self::stance_tokens`] with the tokens' [`stance::lexicon`] flags given (one per token).
    pub fn stance_tokens_flagged(
        &self,
        headline: &str,
        body: (&[features::Token], Option<&[u16]>),
    ) -> (Stance, f32) {
        match &self.bundle.stance {
            Some(m) => m.predict_tokens_flagged(headline, body),
            None => (Stance::Discuss, 0.0),
        }
    }

    /// [`Self::checkworthiness_all`] of the sentences `text[start..end]`, their words read from
    /// `tokens` (the [`features::tokenize`] tokens of the whole `text`).
    pub fn checkworthiness_spans(
        &self,
        text: &str,
        tokens: &[features::Token],
        sentences: impl IntoIterator<Item = (usize, usize)>,
    ) -> Vec<f32> {
        self.checkworthiness_spans_flagged(text, (tokens, None), sentences)
    }

    /// [`Self::checkworthiness_spans`] with the tokens' [`checkworthy::lexicon`] flags given
    /// (one per token).
    pub fn checkworthiness_spans_flagged(
        &self,
        text: &str,
        words: (&[features::Token], Option<&[u16]>),
        sentences: impl IntoIterator<Item = (usize, usize)>,
    ) -> Vec<f32> {
        match &self.bundle.checkworthy {
            Some(m) => m.score_spans_flagged(text, words, sentences),
            None => sentences.into_iter().map(|_| 0.0).collect(),
        }
    }

    /// Check-worthiness of one sentence, 0..1.
    pub fn checkworthiness(&self, sentence: &str) -> f32 {
        match &self.bundle.checkworthy {
            Some(m) => m.score(sentence),
            None => 0.0,
        }
    }

    /// Check-worthiness of each of `sentences`, 0..1 (one set of buffers for them all).
    pub fn checkworthiness_all<'a>(
        &self,
        sentences: impl IntoIterator<Item = &'a str>,
    ) -> Vec<f32> {
        match &self.bundle.checkworthy {
            Some(m) => m.score_all(sentences),
            None => sentences.into_iter().map(|_| 0.0).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_models_load() {
        ClickbaitModel::from_bytes(CLICKBAIT_MODEL).expect("models/clickbait.bin loads");
        StanceModel::from_bytes(STANCE_MODEL).expect("models/stance.bin loads");
        CheckworthyModel::from_bytes(CHECKWORTHY_MODEL).expect("models/checkworthy.bin loads");
        let m = Models::bundled();
        assert!(m.bundle.clickbait.is_some() && m.bundle.stance.is_some());
        assert!(m.bundle.checkworthy.is_some());
    }

    #[test]
    fn shared_body_tokens_give_the_same_scores() {
        let m = Models::bundled();
        let body = "The council voted 7-2 on Tuesday to raise fares by 3.5% from March. \
                    “We had no choice,” the mayor said!\nCritics called it a betrayal of riders; \
                    officials didn’t say why costs rose 40% since 2019?";
        let tokens = features::tokenize(body);
        // Sentences as the segmenter might cut them, one cutting "3.5" (tokenized alone then).
        let cut = body.find("3.5").map_or(0, |i| i + 2);
        let at = |w: &str| body.find(w).unwrap_or(0);
        let spans = [
            (0, at("March.") + 6),
            (at("“We"), at("said!") + 5),
            (at("Critics"), body.len()),
            (0, cut),
            (cut, body.len()),
        ];
        let alone: Vec<f32> = spans
            .iter()
            .map(|&(a, b)| m.checkworthiness(&body[a..b]))
            .collect();
        assert_eq!(m.checkworthiness_spans(body, &tokens, spans), alone);
        let cw: Vec<u16> = tokens
            .iter()
            .map(|t| checkworthy::lexicon().get(t.hash))
            .collect();
        assert!(cw.iter().any(|&f| f != 0), "a claim cue among {cw:?}");
        assert_eq!(
            m.checkworthiness_spans_flagged(body, (&tokens, Some(&cw)), spans),
            alone
        );
        let st: Vec<u16> = tokens
            .iter()
            .map(|t| stance::lexicon().get(t.hash))
            .collect();
        for headline in ["Council raises fares by 3.5%", "Mayor denies fare rise"] {
            assert_eq!(m.stance_tokens(headline, &tokens), m.stance(headline, body));
            assert_eq!(
                m.stance_tokens_flagged(headline, (&tokens, Some(&st))),
                m.stance(headline, body)
            );
        }
    }

    #[test]
    fn odd_input_gives_scores_in_range() {
        let m = Models::bundled();
        let long = "9".repeat(5000);
        for text in [
            "",
            " ",
            "?",
            "’",
            "日本の港は閉鎖された。",
            "\u{feff}\u{200b}",
            &long,
            "A.B.C. 1,2,3.4",
        ] {
            let c = m.clickbait(text);
            assert!((0.0..=1.0).contains(&c.probability));
            assert!(c
                .cues
                .iter()
                .all(|&(a, b, _)| text.is_char_boundary(a) && text.is_char_boundary(b)));
            assert!((0.0..=1.0).contains(&m.checkworthiness(text)));
            assert_eq!(
                m.checkworthiness_all([text, "x", text]),
                [
                    m.checkworthiness(text),
                    m.checkworthiness("x"),
                    m.checkworthiness(text)
                ]
            );
            let (_, conf) = m.stance(text, text);
            assert!((0.0..=1.0).contains(&conf));
        }
    }
}
