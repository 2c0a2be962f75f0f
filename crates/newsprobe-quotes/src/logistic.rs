//! The logistic models' arithmetic, one copy for `quotedness`, `speakable` and `confidence`:
//! a probability from the weights of the features that fire, and the sigmoid their training
//! steps use.

use std::collections::HashMap;
use std::hash::BuildHasher;

/// The sigmoid of `z` (f32, as the embedded models score).
pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The sigmoid of `z` in f64, as the training loops and the confidence table compute it.
pub(crate) fn sigmoid64(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The probability of a logistic model with `weights` for the features `feats` (a feature
/// without a weight counts 0).
pub(crate) fn probability<S: BuildHasher>(
    weights: &HashMap<String, f32, S>,
    feats: &[String],
) -> f32 {
    let z: f32 = feats
        .iter()
        .map(|f| weights.get(f.as_str()).copied().unwrap_or(0.0))
        .sum();
    sigmoid(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_of_the_features_that_fire_sum_to_the_logit() {
        let w: HashMap<String, f32> = [("a".to_string(), 2.0), ("b".to_string(), -1.0)].into();
        let p = probability(
            &w,
            &["a".to_string(), "b".to_string(), "unseen".to_string()],
        );
        assert!((p - sigmoid(1.0)).abs() < 1e-6, "{p}");
        assert_eq!(probability(&w, &[]), 0.5);
        assert!((sigmoid64(0.0) - 0.5).abs() < 1e-12);
    }
}
