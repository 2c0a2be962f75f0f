//! Which words are inside a quotation (and so belong to the speaker, not the outlet)?
//!
//! The quotes stage runs before framing and fills `doc.quotes`; its direct and partial quotes
//! are taken as they are. A small quote-mark scan of our own is added to them, so framing also
//! works when that stage missed a quotation (or did not run, as in unit tests). The scan pairs
//! opening and closing marks by their context: `’` between letters is an apostrophe ("It’s"),
//! not a closing mark; a quotation left open at a paragraph end continues into the next
//! paragraphs when its closing mark comes there before any new opening mark (as in
//! "‘…murky at best.¶If NATO crosses this line…’"), and otherwise ends with its paragraph.

use newsprobe_core::lexicon::closing_marks;
use newsprobe_core::{Document, Field, QuoteKind, Span};

/// How many paragraph breaks a quotation may run over while looking for its closing mark.
const MAX_PARAGRAPHS_SPANNED: usize = 3;

/// Byte ranges of one field that stand inside quotations: sorted, merged, half-open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteRegions {
    ranges: Vec<(usize, usize)>,
    /// What reported speech says ("The minister accused his deputy of leaking cabinet
    /// secrets"): the speaker's claim in the outlet's words.
    reported: Vec<(usize, usize)>,
}

impl QuoteRegions {
    /// Quotations of the body: the quotes stage's direct and partial quotes and our own scan.
    pub fn of_body(doc: &Document) -> Self {
        let mut ranges = scan(&doc.text, &doc.paragraphs);
        ranges.extend(embedded_posts(&doc.text, &doc.paragraphs));
        ranges.extend(
            doc.quotes
                .iter()
                .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
                .filter(|q| q.span.field == Field::Text && q.span.start < q.span.end)
                .map(|q| (q.span.start, q.span.end)),
        );
        let mut regions = QuoteRegions::from_ranges(ranges);
        regions.reported = doc
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Reported)
            .filter(|q| q.span.field == Field::Text && q.span.start < q.span.end)
            .map(|q| (q.span.start, q.span.end))
            .collect();
        regions.reported.sort_unstable();
        regions
    }

    /// Quotations of the headline (one paragraph).
    pub fn of_title(title: &str) -> Self {
        QuoteRegions::from_ranges(scan(title, &[Span::title(0, title.len())]))
    }

    fn from_ranges(mut ranges: Vec<(usize, usize)>) -> Self {
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        QuoteRegions {
            ranges: merged,
            reported: Vec::new(),
        }
    }

    /// Whether the span lies inside what a reported statement says.
    pub fn in_reported(&self, span: &Span) -> bool {
        self.reported
            .iter()
            .take_while(|r| r.0 <= span.start)
            .any(|r| span.end <= r.1)
    }

    /// The merged ranges.
    pub fn ranges(&self) -> &[(usize, usize)] {
        &self.ranges
    }

    /// Whether byte `pos` is inside a quotation.
    pub fn contains_pos(&self, pos: usize) -> bool {
        let i = self.ranges.partition_point(|r| r.1 <= pos);
        self.ranges.get(i).is_some_and(|r| r.0 <= pos)
    }

    /// Whether the span starts inside a quotation.
    pub fn contains(&self, span: &Span) -> bool {
        self.contains_pos(span.start)
    }

    /// A cursor that answers [`Self::contains_pos`] for positions asked in increasing order by
    /// stepping through the ranges instead of a binary search each time (same answers, in any
    /// order: a position before the last one asked is looked up afresh).
    pub fn walk(&self) -> RegionWalk<'_> {
        RegionWalk {
            ranges: &self.ranges,
            at: 0,
            last: 0,
        }
    }
}

/// See [`QuoteRegions::walk`].
#[derive(Debug, Clone)]
pub struct RegionWalk<'a> {
    ranges: &'a [(usize, usize)],
    /// The first range that does not end at or before `last`.
    at: usize,
    last: usize,
}

impl RegionWalk<'_> {
    /// Whether byte `pos` is inside a quotation ([`QuoteRegions::contains_pos`]).
    pub fn contains_pos(&mut self, pos: usize) -> bool {
        if pos < self.last {
            self.at = self.ranges.partition_point(|r| r.1 <= pos);
        } else {
            while self.ranges.get(self.at).is_some_and(|r| r.1 <= pos) {
                self.at += 1;
            }
        }
        self.last = pos;
        self.ranges.get(self.at).is_some_and(|r| r.0 <= pos)
    }
}

/// Paragraphs that are an embedded social-media post, not the outlet's voice: a tweet's
/// signature ("— Jane Roe (@janeroe) May 3, 2024"), a `pic.twitter.com` link, "A post shared
/// by …". A short signature paragraph also claims the paragraph before it (the post's text).
pub fn embedded_posts(text: &str, paragraphs: &[Span]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let Some(t) = text.get(p.start..p.end) else {
            continue;
        };
        // Every sign below holds an '@' or a '/' or is "post shared by": most paragraphs have
        // none, and are passed over by two vector scans instead of five substring searches.
        if memchr::memchr2(b'@', b'/', t.as_bytes()).is_none()
            && POST_SHARED_BY.find(t.as_bytes()).is_none()
        {
            continue;
        }
        let handle = has_handle_in_parens(t);
        let post = handle
            || t.contains("twitter.com/")
            || t.contains("x.com/")
            || t.contains("post shared by")
            || t.contains("instagram.com/p/");
        if !post {
            continue;
        }
        out.push((p.start, p.end));
        let signature_only = t.trim_start().starts_with(['—', '–', '-']) || t.len() < 100;
        if handle && signature_only && i > 0 {
            if let Some(prev) = paragraphs.get(i - 1) {
                out.push((prev.start, prev.end));
            }
        }
    }
    out
}

/// Instagram's embed caption, searched for with one finder built once.
static POST_SHARED_BY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("post shared by"));

/// "(@janeroe)": a social-media handle in parentheses, as embedded posts sign them.
fn has_handle_in_parens(t: &str) -> bool {
    t.match_indices("(@").any(|(at, _)| {
        let rest = &t[at + 2..];
        let n = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .count();
        n >= 1 && rest[n..].starts_with(')')
    })
}

/// A quotation mark and what its context allows it to be.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    end: usize,
    ch: char,
    can_open: bool,
    can_close: bool,
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Quote marks of `text` with their possible roles. Only the bytes that can start a quote mark
/// are looked at (ASCII quotes and the lead bytes of the typographic ones), found by
/// [`mark_starts`].
fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    for pos in mark_starts(text.as_bytes()) {
        if !text.is_char_boundary(pos) {
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            continue;
        };
        if !is_quote_mark(c) {
            continue;
        }
        let end = pos + c.len_utf8();
        let prev = text[..pos].chars().next_back();
        let next = text[end..].chars().next();
        let prev_boundary = match prev {
            None => true,
            Some(p) => {
                p.is_whitespace()
                    || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/')
                    || is_quote_mark(p)
            }
        };
        let next_content = next.is_some_and(|n| !n.is_whitespace());
        let prev_content = prev.is_some_and(|p| !p.is_whitespace());
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let (can_open, can_close) = match c {
            // Symmetric marks: decided by context alone.
            '"' | '\'' => (prev_boundary && next_content, prev_content && !next_alnum),
            // Also an apostrophe: closes only when no letter follows ("It’s" stays a word).
            '’' => (false, prev_content && !next_alnum),
            '“' | '„' | '‚' => (next_content, prev_content && !next_alnum),
            '‘' => (next_content, false),
            '«' | '‹' | '「' | '『' => (true, false),
            _ => (false, true),
        };
        if can_open || can_close {
            out.push(Mark {
                pos,
                end,
                ch: c,
                can_open,
                can_close,
            });
        }
    }
    out
}

/// The positions, in order, of the bytes that can start a quote mark: `"`, `'` and the lead
/// bytes 0xC2 (`«` `»`), 0xE2 (the curly quotes, `‹` `›`) and 0xE3 (the CJK corner brackets).
/// Two vectorised searches (`memchr`) merged, instead of a test of every byte.
fn mark_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut a = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut b = memchr::memchr2_iter(0xC2, 0xE3, bytes).peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Byte ranges inside quotation marks (the content, without the marks).
pub fn scan(text: &str, paragraphs: &[Span]) -> Vec<(usize, usize)> {
    let marks = marks(text);
    let para_of = |pos: usize| paragraphs.partition_point(|p| p.end <= pos);
    let para_end = |i: usize| paragraphs.get(i).map_or(text.len(), |p| p.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        let open = marks[i];
        if !open.can_open {
            i += 1;
            continue;
        }
        let closers = closing_marks(open.ch);
        let open_para = para_of(open.pos);
        let mut next_i = i + 1;
        let mut end = para_end(open_para);
        for (j, m) in marks.iter().enumerate().skip(i + 1) {
            let para = para_of(m.pos);
            if para > open_para + MAX_PARAGRAPHS_SPANNED {
                break;
            }
            if m.can_close && closers.contains(&m.ch) {
                end = m.pos;
                next_i = j + 1;
                break;
            }
            if m.can_open && m.ch == open.ch && para != open_para {
                // A new quotation of the same style in a later paragraph: ours ended with its
                // paragraph (the convention for quotations running over several paragraphs).
                next_i = j;
                break;
            }
        }
        if end > open.end {
            out.push((open.end, end));
        }
        i = next_i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::segment::paragraphs;

    fn quoted(text: &str) -> Vec<&str> {
        scan(text, &paragraphs(text))
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn mark_starts_are_every_byte_that_can_open_a_mark_in_order() {
        let text = "«Non», dit-il. \"Yes,\" she said; ‘it’s “fine” — 「本当」』 ‹x› 'ok' ©2024 …";
        let every: Vec<usize> = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(mark_starts(text.as_bytes()).collect::<Vec<_>>(), every);
        assert_eq!(every.len(), 18);
        assert_eq!(mark_starts(b"").count(), 0);
        assert_eq!(mark_starts(b"no marks here").count(), 0);
    }

    #[test]
    fn curly_single_quotes_with_apostrophes_inside() {
        let text =
            "The minister’s aide said ‘It’s a disgrace, and we won’t accept it,’ before leaving.";
        assert_eq!(quoted(text), ["It’s a disgrace, and we won’t accept it,"]);
    }

    #[test]
    fn straight_and_double_curly_quotes() {
        let text =
            "He called it \"a sham\" and later “an outrageous farce.” Critics' views differ.";
        assert_eq!(quoted(text), ["a sham", "an outrageous farce."]);
    }

    #[test]
    fn quotation_running_over_a_paragraph_break() {
        let text = "An aide noted that ‘the plan is shaky at best.\n\nIf it fails, chaos follows.’\nThe outlet’s view is calmer.";
        assert_eq!(
            quoted(text),
            ["the plan is shaky at best.\n\nIf it fails, chaos follows."]
        );
    }

    #[test]
    fn reopened_paragraph_quotes_end_with_their_paragraph() {
        let text = "“First part of the speech.\n“Second part,” she said. Then silence.";
        assert_eq!(quoted(text), ["First part of the speech.", "Second part,"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let text = "She said “this never ends\nA new paragraph in the outlet's voice.";
        assert_eq!(quoted(text), ["this never ends"]);
    }

    #[test]
    fn embedded_posts_are_not_the_outlets_voice() {
        let text = "The mayor replied online.\nThis deal is a disgrace and a total betrayal of our port!\n— Mayor Ann Vik (@annvik) May 3, 2026\nThe council meets on Friday.";
        let doc = Document::from_text(None, text);
        let regions = QuoteRegions::of_body(&doc);
        let at = |w: &str| regions.contains_pos(text.find(w).unwrap_or(0));
        assert!(at("disgrace") && at("Ann Vik"));
        assert!(!at("replied") && !at("council"));
    }

    #[test]
    fn embedded_post_signs_are_found_past_the_prefilter() {
        let text = "A plain paragraph without any sign.\nA post shared by Ann Vik on May 3.\nSee twitter.com/annvik/status/1 for it.\nWritten (@annvik) online.\nA path a/b and a mail a@b.";
        let paragraphs: Vec<Span> = text
            .split('\n')
            .scan(0, |at, p| {
                let span = Span::text(*at, *at + p.len());
                *at += p.len() + 1;
                Some(span)
            })
            .collect();
        let found: Vec<&str> = embedded_posts(text, &paragraphs)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            found,
            [
                "A post shared by Ann Vik on May 3.",
                "See twitter.com/annvik/status/1 for it.",
                "Written (@annvik) online.",
                "See twitter.com/annvik/status/1 for it.",
            ]
        );
    }

    #[test]
    fn regions_answer_positions() {
        let doc = Document::from_text(None, "Before ‘inside words’ after.");
        let regions = QuoteRegions::of_body(&doc);
        let inside = doc.text.find("inside").unwrap_or(0);
        assert!(regions.contains_pos(inside));
        assert!(!regions.contains_pos(0));
        assert!(!regions.contains_pos(doc.text.find("after").unwrap_or(0)));
    }
}
