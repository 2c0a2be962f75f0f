//! Which findings are accusations, and which are only signals?
//!
//! A finding is an accusation a fact-checker acts on ("anonymous sourcing", "self-contradiction").
//! Each finding kind has a precision measured on the reviewed sample (`eval/review/`, every
//! finding judged by reading the article: `newsprobe eval review`). A kind is shown as a finding
//! only when that precision is at least [`MIN_PRECISION`]; every other kind goes to the report's
//! `signals` array: same shape (kind, message, evidence, rule, score), severity `info`, to be
//! weighed, not acted on. Kinds the sample cannot measure keep their place by the reason given.

/// The precision a finding kind needs on the reviewed sample to be shown as a finding.
pub const MIN_PRECISION: f32 = 0.90;

/// How one finding kind is shown, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindPolicy {
    pub kind: &'static str,
    /// Shown in `findings` (true) or in `signals` (false).
    pub finding: bool,
    /// Measured precision on the reviewed sample and the number judged (None: not measurable
    /// there, see `why`).
    pub measured: Option<(f32, usize)>,
    pub why: &'static str,
}

/// Every finding kind newsprobe emits. A kind missing here is a signal (precision first).
pub const POLICY: &[KindPolicy] = &[
    KindPolicy {
        kind: "kb_conflict",
        finding: true,
        measured: None,
        why: "needs a knowledge base (--kb), which the reviewed sample has not; each conflict names both sides and the record",
    },
    KindPolicy {
        kind: "self_contradiction",
        finding: true,
        measured: None,
        why: "a named speaker said to speak anonymously, only when the cue is about speaking",
    },
    KindPolicy {
        kind: "unverified_sourcing",
        finding: true,
        measured: None,
        why: "the outlet's own words that it has not verified what unnamed sources told it",
    },
    KindPolicy {
        kind: "anonymous_sourcing",
        finding: true,
        measured: None,
        why: "anonymous sources carry the story",
    },
    KindPolicy {
        kind: "unsupported_headline",
        finding: false,
        measured: None,
        why: "headline support is a model judgment",
    },
    KindPolicy {
        kind: "unattributed_claims",
        finding: false,
        measured: None,
        why: "statements without a source, often sourced elsewhere in the story",
    },
    KindPolicy {
        kind: "single_source",
        finding: false,
        measured: None,
        why: "one attributed source",
    },
    KindPolicy {
        kind: "clickbait_headline",
        finding: false,
        measured: None,
        why: "model probability",
    },
    KindPolicy {
        kind: "loaded_language",
        finding: false,
        measured: None,
        why: "density of lexicon hits",
    },
    KindPolicy {
        kind: "secrecy_framing",
        finding: false,
        measured: None,
        why: "density of lexicon hits",
    },
];

/// Whether findings of this kind are shown as signals rather than findings.
pub fn is_signal(kind: &str) -> bool {
    !POLICY.iter().any(|p| p.kind == kind && p.finding)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accusations_need_a_policy_and_unknown_kinds_are_signals() {
        assert!(!is_signal("self_contradiction"));
        assert!(!is_signal("kb_conflict"));
        assert!(is_signal("unattributed_claims"));
        assert!(is_signal("some_new_kind"));
        for p in POLICY {
            if let (true, Some((precision, _))) = (p.finding, p.measured) {
                assert!(
                    precision >= MIN_PRECISION,
                    "{} shown at {precision}",
                    p.kind
                );
            }
        }
    }
}
