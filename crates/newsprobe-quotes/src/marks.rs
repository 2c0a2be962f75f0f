//! Where are the quotation marks, and which ones pair up?
//!
//! Finds the outermost quoted stretches of the body in every style news uses: straight and curly
//! double quotes, curly single quotes whose closing mark is also the apostrophe ("‘It’s about…,’"),
//! guillemets (« » and » «), low-high marks („…“), and straight single quotes. Marks nested inside
//! a quotation are part of it. A quotation left open at the end of a paragraph continues into the
//! next paragraph, whether that paragraph re-opens it (the usual convention) or simply goes on and
//! closes it later, or (`unmarked_run`) runs on through lines with no mark into one that closes it. An unbalanced mark costs at most the one quotation it opens, never the rest
//! of the article.

use newsprobe_core::{Document, Span};

mod unmarked_run;

/// Quotation-mark families: which closing mark ends an opening one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `"…"`
    Straight,
    /// `“…”`
    CurlyDouble,
    /// `‘…’` (the closing mark doubles as the apostrophe)
    CurlySingle,
    /// `«…»`
    Guillemet,
    /// `»…«`
    GuillemetReversed,
    /// `„…“` or `„…”`
    LowHigh,
    /// `'…'`
    StraightSingle,
    /// `''…''` (two apostrophes for a double quote, as in converted newswire text)
    DoubleApostrophe,
}

/// One quoted stretch of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The text between the marks, trimmed of white space.
    pub content: Span,
    /// From the opening mark to just after the closing mark (or to the paragraph end).
    pub outer: Span,
    /// Whether a closing mark was found for it in its paragraph.
    pub closed: bool,
    /// Whether this stretch continues a quotation from the previous paragraph.
    pub continues_previous: bool,
    /// Whether the quotation goes on in the next paragraph.
    pub continues_next: bool,
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '„'
                )
        }
    }
}

fn opener(c: char, prev: Option<char>, next: Option<char>) -> Option<Family> {
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    match c {
        '"' if is_open_context(prev) && next_ok => Some(Family::Straight),
        '“' if next_ok => Some(Family::CurlyDouble),
        // A right mark used as an opener by sloppy typesetting: `”Word`.
        '”' if is_open_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::CurlyDouble)
        }
        '‘' if next.is_some_and(|n| n.is_alphabetic() || matches!(n, '“' | '"' | '.' | '…')) => {
            Some(Family::CurlySingle)
        }
        '«' => Some(Family::Guillemet),
        '»' if is_open_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::GuillemetReversed)
        }
        '„' if next_ok => Some(Family::LowHigh),
        '\'' if is_open_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Family::StraightSingle)
        }
        _ => None,
    }
}

/// The characters [`opener`] may accept (and the apostrophe of `''`).
fn may_open(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '«' | '»' | '„')
}

/// The characters [`opener`] or [`closes`] may accept: no other character opens or closes a
/// quotation of any family.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// Whether `c` closes a quotation of `family` here.
fn closes(family: Family, c: char, prev: Option<char>, next: Option<char>) -> bool {
    // Asked only of the marks that need it (this runs for every character inside a quotation).
    let after_ok = || next.is_none_or(|n| !newsprobe_core::lexicon::is_alphanumeric(n));
    match family {
        // Mixed marks ("“…\"", "\"…”") close too when they stand where a closing mark does.
        Family::Straight => {
            c == '"' || (c == '”' && after_ok() && prev.is_some_and(|p| !p.is_whitespace()))
        }
        Family::CurlyDouble => {
            c == '”'
                || (matches!(c, '“' | '"')
                    && after_ok()
                    && prev.is_some_and(|p| !p.is_whitespace()))
        }
        Family::CurlySingle => c == '’' && after_ok() && prev.is_some_and(|p| !p.is_whitespace()),
        Family::Guillemet => c == '»',
        Family::GuillemetReversed => c == '«',
        Family::LowHigh => c == '“' || c == '”',
        Family::StraightSingle => {
            c == '\'' && after_ok() && prev.is_some_and(|p| !p.is_whitespace())
        }
        // Two apostrophes are handled in `find`, which sees both; converted newswire text
        // closes them with a straight double quote, glued to either side or to neither
        // (''We won, "he said).
        Family::DoubleApostrophe => c == '"',
    }
}

/// Whether a closing curly single quote is more likely a plural possessive ("the allies’ homes")
/// because a later closing mark exists in the paragraph.
fn looks_possessive(body: &str, p: usize, family: Family) -> bool {
    if family != Family::CurlySingle {
        return false;
    }
    let prev = char_before(body, p);
    let mut rest = body.get(p..).unwrap_or("").chars();
    rest.next();
    let next = rest.next();
    let next2 = rest.next();
    if prev != Some('s') || next != Some(' ') || !next2.is_some_and(char::is_lowercase) {
        return false;
    }
    // Only when another closing mark comes before any new opening mark.
    let mut chars = body.get(p..).unwrap_or("").chars().peekable();
    let mut prev = chars.next();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if opener(c, prev, next) == Some(family) {
            return false;
        }
        if closes(family, c, prev, next) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// For a curly opening mark inside an open curly quotation, its own closing mark's byte offset
/// in `body` (searching from `from`, just after the opening mark) when another closing mark
/// follows it before any new opening mark (the nested quotation closes, then the outer one
/// does), else `None`.
fn nested_close(body: &str, from: usize) -> Option<usize> {
    let mut inner = None;
    for (j, c) in body.get(from..).unwrap_or("").char_indices() {
        match c {
            '“' => return None,
            '”' if inner.is_none() => inner = Some(from + j),
            '”' => return inner,
            _ => {}
        }
    }
    None
}

/// The character starting at byte `i` of `s` (none at the end or inside a character).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// The character ending at byte `i` of `s`.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// Where a quotation mark may start in a paragraph's bytes: `"`, `'` and the lead bytes 0xE2
/// (the curly marks) and 0xC2 (guillemets), found by vectorised searches; the caller decodes
/// the character there (continuation bytes are never one of these, so every character is
/// seen at its start).
struct MarkPositions<'a> {
    bytes: &'a [u8],
    /// The next 0xC2 at or after the last search's start, `usize::MAX` when none is left.
    c2: Option<usize>,
}

impl<'a> MarkPositions<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        MarkPositions { bytes, c2: None }
    }

    /// The first position at or after `from` holding one of the bytes.
    #[inline]
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..)?;
        if self.c2.is_none_or(|c| c < from) {
            self.c2 = Some(memchr::memchr(0xC2, rest).map_or(usize::MAX, |x| from + x));
        }
        let c2 = self.c2.unwrap_or(usize::MAX);
        let hay = &rest[..rest.len().min(c2.saturating_sub(from))];
        match memchr::memchr3(b'"', b'\'', 0xE2, hay) {
            Some(x) => Some(from + x),
            None if c2 != usize::MAX => Some(c2),
            None => None,
        }
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let a = start + lead;
    Span::text(a, (end - trail).max(a))
}

/// Finds a closing mark for `family` in a paragraph before any new opening of the same family.
fn has_closer_before_opener(text: &str, para: Span, family: Family) -> bool {
    let chars: Vec<(usize, char)> = para.slice(text).char_indices().collect();
    for k in 0..chars.len() {
        let c = chars[k].1;
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        if closes(family, c, prev, next) {
            return true;
        }
        if opener(c, prev, next) == Some(family) && family != Family::Straight {
            return false;
        }
    }
    false
}

/// Whether the UTF-8 text may hold a quotation mark (`"`, `'`, `‘` `’` `“` `”` `„` and their
/// neighbours U+201A–U+201B, `«` `»`): false means no mark of any family is there.
fn may_hold_marks(s: &[u8]) -> bool {
    // The bytes that start a mark found by vectorised searches (`memchr`), then the exact test
    // only where one stands.
    let at = |i: usize| match s[i] {
        b'"' | b'\'' => true,
        0xE2 => s.get(i + 1) == Some(&0x80) && matches!(s.get(i + 2), Some(0x98..=0x9E)),
        0xC2 => matches!(s.get(i + 1), Some(0xAB | 0xBB)),
        _ => false,
    };
    memchr::memchr3_iter(b'"', b'\'', 0xE2, s).any(at) || memchr::memchr_iter(0xC2, s).any(at)
}

/// All outermost quoted stretches of the body, in text order.
pub fn find(doc: &Document) -> Vec<Marked> {
    let text = &doc.text;
    let mut out: Vec<Marked> = Vec::new();
    // A quotation still open at the end of the previous paragraph that this one continues.
    let mut carried: Option<Family> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let body = para.slice(text);
        if carried.is_none() && !may_hold_marks(body.as_bytes()) {
            // No mark opens or closes here, and nothing is carried in: nothing to find.
            continue;
        }
        let bytes = body.as_bytes();
        // (family, content start, opening mark start, continues previous)
        let mut open: Option<(Family, usize, usize, bool)> =
            carried.take().map(|f| (f, para.start, para.start, true));
        // Byte offsets in `body`: only the marks are visited (the characters between them
        // never open, close or pair up), their neighbours decoded where one stands.
        let mut marks = MarkPositions::new(bytes);
        let mut i = 0;
        while let Some(p) = marks.next_from(i) {
            let Some(c) = char_at(body, p) else { break };
            let len = c.len_utf8();
            if !is_mark(c) || open.is_none() && !may_open(c) {
                // No mark here, or nothing open and no opening mark: `opener`, `closes` and the
                // `''` test would say no.
                i = p + len;
                continue;
            }
            let b = para.start + p;
            let prev = char_before(body, p);
            let next = char_at(body, p + len);
            if c == '\'' && next == Some('\'') {
                // `''`: a double quotation mark written as two apostrophes.
                let after = char_at(body, p + 2);
                match open {
                    Some((Family::DoubleApostrophe, start, outer_start, cont)) => {
                        let content = trimmed(text, start, b);
                        if !content.is_empty() {
                            out.push(Marked {
                                content,
                                outer: Span::text(outer_start, b + 2),
                                closed: true,
                                continues_previous: cont,
                                continues_next: false,
                            });
                        }
                        open = None;
                    }
                    None if is_open_context(prev) && after.is_some_and(|a| !a.is_whitespace()) => {
                        open = Some((Family::DoubleApostrophe, b + 2, b, false));
                    }
                    _ => {}
                }
                i = p + 2;
                continue;
            }
            match open {
                Some((family, start, outer_start, cont)) => {
                    if closes(family, c, prev, next) && !looks_possessive(body, p, family) {
                        let content = trimmed(text, start, b);
                        if !content.is_empty() {
                            out.push(Marked {
                                content,
                                outer: Span::text(outer_start, b + len),
                                closed: true,
                                continues_previous: cont,
                                continues_next: false,
                            });
                        }
                        open = None;
                    } else if family == Family::CurlyDouble && c == '“' && !cont {
                        // "“I'd rather live in what he calls “hell” than …” ― Name": a second
                        // opening mark whose own closing mark is followed by another closing
                        // mark before any new opening one is a quotation nested inside this
                        // one; the outer quotation goes on past it.
                        if let Some(inner_close) = nested_close(body, p + len) {
                            i = inner_close + '”'.len_utf8();
                            continue;
                        }
                        // A second opening mark: the first was never closed. Give it up to here.
                        let content = trimmed(text, start, b);
                        if !content.is_empty() {
                            out.push(Marked {
                                content,
                                outer: Span::text(outer_start, b),
                                closed: false,
                                continues_previous: cont,
                                continues_next: false,
                            });
                        }
                        open = Some((family, b + len, b, false));
                    }
                }
                None => {
                    if let Some(family) = opener(c, prev, next) {
                        // "‘90s" and "rock 'n' roll" are not quotations.
                        open = Some((family, b + len, b, false));
                    }
                }
            }
            i = p + len;
        }
        if let Some((family, start, outer_start, cont)) = open {
            let next_para = doc.paragraphs.get(pi + 1);
            let next_first = next_para.and_then(|p| p.slice(text).chars().next());
            let continues = match next_para {
                Some(np) => {
                    let next_chars: Vec<char> = np.slice(text).chars().take(2).collect();
                    let reopens = next_first.is_some_and(|f| {
                        opener(f, None, next_chars.get(1).copied()) == Some(family)
                            || (family == Family::CurlyDouble && f == '“')
                    });
                    if reopens {
                        // The usual convention: the next paragraph re-opens the quotation and
                        // the reopened mark starts a stretch of its own there.
                        true
                    } else if has_closer_before_opener(text, *np, family)
                        || unmarked_run::runs_on(text, &doc.paragraphs[pi + 1..], family)
                    {
                        carried = Some(family);
                        true
                    } else {
                        false
                    }
                }
                None => false,
            };
            let content = trimmed(text, start, para.end);
            if family == Family::StraightSingle && !continues {
                // An unclosed straight single quote is almost always an apostrophe.
            } else if !content.is_empty() {
                out.push(Marked {
                    content,
                    outer: Span::text(outer_start, para.end),
                    closed: false,
                    continues_previous: cont,
                    continues_next: continues,
                });
            }
        }
    }
    // Stretches that re-open in the next paragraph continue the previous one.
    for i in 1..out.len() {
        if out[i - 1].continues_next && !out[i].continues_previous {
            let prev_para = doc.paragraph_at(out[i - 1].content.start);
            let this_para = doc.paragraph_at(out[i].content.start);
            let at_start = this_para
                .and_then(|p| doc.paragraphs.get(p))
                .is_some_and(|p| p.start == out[i].outer.start);
            if at_start && prev_para.map(|p| p + 1) == this_para {
                out[i].continues_previous = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_that_opens_or_closes_is_a_mark() {
        let marks: Vec<char> = "\"'“”‘’«»„".chars().collect();
        let families = [
            Family::Straight,
            Family::CurlyDouble,
            Family::CurlySingle,
            Family::Guillemet,
            Family::GuillemetReversed,
            Family::LowHigh,
            Family::StraightSingle,
            Family::DoubleApostrophe,
        ];
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let opens = [None, Some(' ')]
                .iter()
                .any(|&p| opener(c, p, Some('a')).is_some() || opener(c, p, Some('“')).is_some());
            let shuts = families
                .iter()
                .any(|&f| closes(f, c, Some('a'), None) || closes(f, c, Some('a'), Some(' ')));
            if opens || shuts {
                assert!(is_mark(c), "{c:?}");
            }
            assert_eq!(is_mark(c), marks.contains(&c));
        }
    }

    /// Each quotation's content as written, in `text`.
    pub(super) fn quotes(text: &str) -> Vec<String> {
        let doc = Document::from_text(None, text);
        find(&doc)
            .iter()
            .map(|m| doc.span_text(&m.content).to_string())
            .collect()
    }

    #[test]
    fn every_mark_is_seen_by_the_prefilter() {
        for c in ['"', '\'', '“', '”', '‘', '’', '«', '»', '„'] {
            assert!(may_hold_marks(format!("a {c}b").as_bytes()), "{c}");
            assert!(opener(c, None, Some('b')).is_some() || c == '’' || c == '”');
        }
        assert!(!may_hold_marks(
            "plain text — with a dash… and “"
                .replace('“', "")
                .as_bytes()
        ));
        // Lead bytes of other characters (©, the ellipsis, the euro sign), and a cut sequence.
        assert!(!may_hold_marks("© 2024 … €5 — ".as_bytes()));
        assert!(!may_hold_marks(&[b'a', 0xE2, 0x80]));
        assert!(may_hold_marks("© 2024 … €5 — «oui»".as_bytes()));
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quotes("\"We will win,\" the mayor said. “It is over,” she added."),
            vec!["We will win,", "It is over,"]
        );
    }

    #[test]
    fn curly_single_quotes_with_apostrophes_inside() {
        assert_eq!(
            quotes("‘It’s about protecting our allies’ futures and theirs,’ he said. Dragone’s aides agreed."),
            vec!["It’s about protecting our allies’ futures and theirs,"]
        );
        assert_eq!(
            quotes("framing them as ‘defensive measures’ aimed at deterrence"),
            vec!["defensive measures"]
        );
    }

    #[test]
    fn guillemets_and_low_high_marks() {
        assert_eq!(
            quotes("Il a dit « nous partons » hier. Er sagte „Wir gehen“ und »Sofort« danach."),
            vec!["nous partons", "Wir gehen", "Sofort"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            quotes("''We will not retreat,'' the general said. ''Ever.''"),
            vec!["We will not retreat,", "Ever."]
        );
        // Converted wire copy closes them with a straight quote, spaced or not.
        assert_eq!(
            quotes("''We missed too many chances today, \"the coach said. ''We move on.\""),
            vec!["We missed too many chances today,", "We move on."]
        );
    }

    #[test]
    fn mixed_marks_still_pair() {
        assert_eq!(
            quotes("“I fundamentally disagree,\" said the general. \"We stay,” he added."),
            vec!["I fundamentally disagree,", "We stay,"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            quotes("“He told me ‘never again,’ and I believed him,” she said."),
            vec!["He told me ‘never again,’ and I believed him,"]
        );
    }

    #[test]
    fn nested_curly_double_quotes_stay_inside() {
        // A reader's comment quoting a word with the same curly marks as the comment itself.
        assert_eq!(
            quotes("“I would sooner live in what he calls “chaos” than under his rule.” ― Marisol Ortega"),
            vec!["I would sooner live in what he calls “chaos” than under his rule."]
        );
        // An unclosed quotation before a closed one still costs only itself.
        assert_eq!(
            quotes("“We never gave up. “We won,” she said. “Again,” he said."),
            vec!["We never gave up.", "We won,", "Again,"]
        );
    }

    #[test]
    fn quotation_reopened_in_next_paragraph() {
        let doc = Document::from_text(
            None,
            "“The first point is simple.\n\n“The second point is harder,” he said.",
        );
        let found = find(&doc);
        assert_eq!(found.len(), 2);
        assert!(found[0].continues_next && found[1].continues_previous);
    }

    #[test]
    fn quotation_running_on_without_reopening() {
        let doc = Document::from_text(
            None,
            "He noted that ‘the framework is murky at best.\n\nIf we cross this line, it risks everything.’\nThen he left.",
        );
        let found = find(&doc);
        let texts: Vec<&str> = found.iter().map(|m| doc.span_text(&m.content)).collect();
        assert_eq!(
            texts,
            vec![
                "the framework is murky at best.",
                "If we cross this line, it risks everything."
            ]
        );
        assert!(found[1].continues_previous);
    }

    #[test]
    fn unbalanced_mark_costs_one_quote_only() {
        let t = "“This one never closes. Still talking.\nNext paragraph, no quote.\n“Later,” said Ann. \"And more,\" said Bo.";
        assert_eq!(
            quotes(t),
            vec![
                "This one never closes. Still talking.",
                "Later,",
                "And more,"
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("It's the ' 90s rock 'n roll era, isn't it.").is_empty());
    }
}
