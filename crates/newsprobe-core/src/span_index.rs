//! Which of many spans overlap, contain or lie inside a given span, without a scan over all of
//! them: the look-up that keeps stages linear in the article's length where they used to ask
//! every quote or mention about every other.
//!
//! The spans are sorted by start once, with the running maximum of their ends; a query then
//! visits only the spans whose start is before the query's end and after the last point where
//! every earlier span had already ended. With the short, mostly disjoint spans of an article
//! (quotes, mentions, sentences) that is a handful per query.

use crate::span::Span;

/// An index over a list of spans; queries answer with the spans' positions in that list.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// Positions in the original list, sorted by span start.
    order: Vec<usize>,
    /// The spans, in `order`.
    spans: Vec<Span>,
    /// `max_end[i]`: the largest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// Indexes `spans` (their positions in this iteration are what queries return).
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut pairs: Vec<(usize, Span)> = spans.into_iter().enumerate().collect();
        pairs.sort_by_key(|&(i, s)| (s.start, i));
        let mut max_end = Vec::with_capacity(pairs.len());
        let mut m = 0;
        for (_, s) in &pairs {
            m = m.max(s.end);
            max_end.push(m);
        }
        SpanIndex {
            order: pairs.iter().map(|&(i, _)| i).collect(),
            spans: pairs.into_iter().map(|(_, s)| s).collect(),
            max_end,
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Sorted positions `lo..hi` of the spans that may start at or before `last_start` and
    /// end at or after `first_end`.
    fn window(&self, last_start: usize, first_end: usize) -> std::ops::Range<usize> {
        let hi = self.spans.partition_point(|s| s.start <= last_start);
        let lo = self.max_end[..hi].partition_point(|&e| e < first_end);
        lo..hi
    }

    fn hits<'a>(
        &'a self,
        range: std::ops::Range<usize>,
        keep: impl Fn(&Span) -> bool + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        range.filter_map(move |k| keep(&self.spans[k]).then_some(self.order[k]))
    }

    /// Positions of the spans that share at least one byte with `span` (in start order).
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let range = if span.end == 0 {
            0..0
        } else {
            self.window(span.end - 1, span.start + 1)
        };
        self.hits(range, move |s| s.overlaps(&span))
    }

    /// Positions of the spans that contain `span` (in start order).
    pub fn containing(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.hits(self.window(span.start, span.end), move |s| {
            s.contains(&span)
        })
    }

    /// Positions of the spans inside `span` (in start order).
    pub fn within(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let lo = self.spans.partition_point(|s| s.start < span.start);
        let hi = self.spans.partition_point(|s| s.start <= span.end);
        self.hits(lo..hi, move |s| span.contains(s))
    }

    /// The first position (in the original list) of a span that overlaps `span`.
    pub fn first_overlapping(&self, span: Span) -> Option<usize> {
        self.overlapping(span).min()
    }

    /// The first position (in the original list) of a span that contains `span`.
    pub fn first_containing(&self, span: Span) -> Option<usize> {
        self.containing(span).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Field;

    fn brute(spans: &[Span], q: Span, f: impl Fn(&Span, &Span) -> bool) -> Vec<usize> {
        let mut v: Vec<usize> = (0..spans.len()).filter(|&i| f(&spans[i], &q)).collect();
        v.sort();
        v
    }

    #[test]
    fn answers_as_a_scan_over_all_spans_would() {
        // Quotes and mentions of a short article, nested and overlapping, one in the title.
        let spans = vec![
            Span::text(40, 90),
            Span::text(0, 12),
            Span::text(45, 60),
            Span::text(45, 60),
            Span::text(100, 400),
            Span::text(120, 130),
            Span::title(3, 9),
            Span::text(90, 95),
            Span::text(7, 7),
        ];
        let idx = SpanIndex::new(spans.iter().copied());
        for start in 0..410 {
            for len in [0, 1, 5, 15, 50, 300] {
                for field in [Field::Text, Field::Title] {
                    let q = Span {
                        start,
                        end: start + len,
                        field,
                    };
                    let mut got: Vec<usize> = idx.overlapping(q).collect();
                    got.sort();
                    assert_eq!(got, brute(&spans, q, |s, q| s.overlaps(q)), "{q:?}");
                    let mut got: Vec<usize> = idx.containing(q).collect();
                    got.sort();
                    assert_eq!(got, brute(&spans, q, |s, q| s.contains(q)), "{q:?}");
                    let mut got: Vec<usize> = idx.within(q).collect();
                    got.sort();
                    assert_eq!(got, brute(&spans, q, |s, q| q.contains(s)), "{q:?}");
                    assert_eq!(
                        idx.first_overlapping(q),
                        brute(&spans, q, |s, q| s.overlaps(q)).first().copied()
                    );
                }
            }
        }
    }

    #[test]
    fn an_empty_index_finds_nothing() {
        let idx = SpanIndex::new(std::iter::empty());
        assert!(idx.is_empty());
        assert_eq!(idx.first_containing(Span::text(0, 5)), None);
        assert_eq!(idx.within(Span::text(0, 5)).count(), 0);
    }
}
