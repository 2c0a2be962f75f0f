//! Spans: byte ranges into the article text or its title.

use serde::{Deserialize, Serialize};

/// Which string a [`Span`] points into.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The article body (`Document::text`).
    #[default]
    Text,
    /// The headline (`Document::metadata.title`).
    Title,
}

/// A half-open byte range `[start, end)` into [`Field`] of a document.
///
/// Offsets are bytes and always fall on UTF-8 character boundaries. The report converts them to
/// code points.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "in", default)]
    pub field: Field,
}

impl Span {
    /// A span into the body text.
    pub fn text(start: usize, end: usize) -> Self {
        Span {
            start,
            end,
            field: Field::Text,
        }
    }

    /// A span into the headline.
    pub fn title(start: usize, end: usize) -> Self {
        Span {
            start,
            end,
            field: Field::Title,
        }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte (and the same field).
    pub fn overlaps(&self, other: &Span) -> bool {
        self.field == other.field && self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.field == other.field && self.start <= other.start && other.end <= self.end
    }

    /// Number of overlapping bytes.
    pub fn overlap_len(&self, other: &Span) -> usize {
        if self.field != other.field {
            return 0;
        }
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// The slice of `s` this span covers ("" when out of range or not on char boundaries).
    #[inline]
    pub fn slice<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }
}
