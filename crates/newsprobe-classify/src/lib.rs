//! Seeded, reproducible text classifiers.
