//! Which words of the headline are there to pull the reader in?
//!
//! Markers come from three places, merged where they overlap:
//! - the framing cues found in the headline (exclusivity, secrecy, loaded, hyperbole, fear) and
//!   the headline-only clickbait constructions ("You Won't Believe");
//! - emphasis rules: a word of six or more letters in capitals in a headline that is not all
//!   capitals ("BOMBSHELL"), and a number opening the headline ("10 reasons…");
//! - the clickbait model's cue words (byte ranges it reports, checked before use), when the
//!   model calls the headline clickbait.
//!
//! The clickbait probability itself is the model's (`newsprobe-classify`).

use newsprobe_classify::ClickbaitScore;
use newsprobe_core::{Finding, Severity, Span, Token, TokenKind};

use crate::lexicon::Category;
use crate::spans::Cue;

/// The model's cue words are used as markers only when it calls the headline clickbait (below
/// that, its "largest contributions" are not evidence of anything).
const MODEL_CUE_MIN_PROBABILITY: f32 = 0.5;

/// Whether cues of a category mark the headline (hedges and weasel words do not pull readers in).
fn marks_headline(category: Category) -> bool {
    matches!(
        category,
        Category::Clickbait
            | Category::Exclusivity
            | Category::Secrecy
            | Category::Loaded
            | Category::Hyperbole
            | Category::Fear
    )
}

/// The headline's markers (title spans, sorted, overlapping ones merged).
pub fn markers(title: &str, tokens: &[Token], cues: &[Cue], model: &ClickbaitScore) -> Vec<Span> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for cue in cues.iter().filter(|c| marks_headline(c.category)) {
        if let (Some(a), Some(b)) = (tokens.get(cue.first), tokens.get(cue.last)) {
            ranges.push((a.span.start, b.span.end));
        }
    }
    let all_caps_title = !title.chars().any(char::is_lowercase);
    for (i, t) in tokens.iter().enumerate() {
        let word = t.span.slice(title);
        let shouting = t.kind == TokenKind::Word
            && !all_caps_title
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 6
            && !word.chars().any(char::is_lowercase);
        let listicle = i == 0 && t.kind == TokenKind::Number;
        if shouting || listicle {
            ranges.push((t.span.start, t.span.end));
        }
    }
    if model.probability >= MODEL_CUE_MIN_PROBABILITY {
        for &(s, e, w) in &model.cues {
            if w > 0.0
                && s < e
                && e <= title.len()
                && title.is_char_boundary(s)
                && title.is_char_boundary(e)
            {
                ranges.push((s, e));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged.into_iter().map(|(s, e)| Span::title(s, e)).collect()
}

/// Clickbait probability from which a `clickbait_headline` finding is reported, and from which
/// it is a warning rather than information.
const CLICKBAIT_FINDING: f32 = 0.5;
const CLICKBAIT_WARNING: f32 = 0.8;

/// The `clickbait_headline` finding: the model's probability, with the markers as evidence.
pub fn finding(title: &str, probability: f32, markers: &[Span]) -> Option<Finding> {
    if probability.is_nan() || probability < CLICKBAIT_FINDING {
        return None;
    }
    // A plain news headline the model scores high (a quotation, a how-to, a superlative that
    // states the result) withholds nothing: no signal (`withholding.rs`).
    if !crate::withholding::withholds(title) {
        return None;
    }
    let words: Vec<String> = markers
        .iter()
        .take(6)
        .map(|m| format!("“{}”", m.slice(title)))
        .collect();
    let message = if words.is_empty() {
        format!("The headline reads as clickbait (probability {probability:.2}).")
    } else {
        format!(
            "The headline reads as clickbait (probability {probability:.2}); its markers: {}.",
            words.join(", ")
        )
    };
    Some(Finding {
        kind: "clickbait_headline".into(),
        severity: if probability >= CLICKBAIT_WARNING {
            Severity::Warning
        } else {
            Severity::Info
        },
        message,
        evidence: markers.to_vec(),
        rule: "clickbait-model+headline-markers".into(),
        score: probability,
        signal: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::TokenKeys;
    use crate::spans::find_cues;
    use newsprobe_core::segment::tokenize;
    use newsprobe_core::Field;

    fn marker_list(title: &str, model: &[(usize, usize, f32)]) -> Vec<Span> {
        let toks = tokenize(title, Field::Title);
        let cues = find_cues(title, &toks, &TokenKeys::build(title, &toks), true);
        let score = ClickbaitScore {
            probability: 0.9,
            cues: model.to_vec(),
        };
        markers(title, &toks, &cues, &score)
    }

    fn marker_texts(title: &str, model: &[(usize, usize, f32)]) -> Vec<String> {
        marker_list(title, model)
            .iter()
            .map(|m| title[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn exclusivity_and_secrecy_words_in_title_case() {
        let m = marker_texts(
            "Exclusive: Minister Admits Secret Deal Behind Closed Doors",
            &[],
        );
        assert_eq!(
            m,
            ["Exclusive", "Admits", "Secret Deal", "Behind Closed Doors"]
        );
    }

    #[test]
    fn clickbait_constructions_shouting_and_listicles() {
        let m = marker_texts("7 Things You Won't Believe About The BOMBSHELL Report", &[]);
        assert!(m.contains(&"7".to_string()), "{m:?}");
        assert!(m.iter().any(|x| x.contains("You Won't Believe")), "{m:?}");
        assert!(m.contains(&"BOMBSHELL".to_string()), "{m:?}");
        // Acronyms are not shouting; a plain headline has no markers.
        assert!(marker_texts("NATO ministers meet in Brussels", &[]).is_empty());
        assert!(marker_texts("UNITED NATIONS VOTES ON BUDGET", &[]).is_empty());
    }

    #[test]
    fn model_cues_are_merged_and_checked() {
        let title = "Exclusive: Senator Reveals Plan";
        // "Senator" from the model, an out-of-range cue and a cue off a char boundary ignored.
        let m = marker_texts(title, &[(11, 18, 0.4), (5, 500, 0.9), (3, 2, 0.1)]);
        assert_eq!(m, ["Exclusive", "Senator", "Reveals"]);
        let m = marker_texts("Élan Reveals", &[(1, 3, 0.5)]);
        assert_eq!(m, ["Reveals"]);
    }

    #[test]
    fn model_cues_ignored_when_the_model_says_not_clickbait() {
        let title = "Senator Meets Voters";
        let toks = tokenize(title, Field::Title);
        let score = ClickbaitScore {
            probability: 0.1,
            cues: vec![(0, 7, 0.3)],
        };
        assert!(markers(title, &toks, &[], &score).is_empty());
    }

    #[test]
    fn clickbait_finding_above_one_half_with_markers_as_evidence() {
        let title = "Exclusive: Senator Reveals Plan You Won't Believe";
        let m = marker_list(title, &[]);
        let f = finding(title, 0.9, &m).expect("finding");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.evidence.len(), 3);
        assert!(f.message.contains("“Reveals”"), "{}", f.message);
        assert!(finding(title, 0.3, &m).is_none());
        // A headline that holds nothing back is no clickbait whatever the model says.
        let plain = "Exclusive: Senator Reveals Plan";
        assert!(finding(plain, 0.9, &marker_list(plain, &[])).is_none());
        assert!(finding(title, f32::NAN, &m).is_none());
    }
}
