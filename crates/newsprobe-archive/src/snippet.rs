//! Where in a hit's columns do the query's words occur? The passage of one column of a search
//! hit, made in Rust exactly as FTS5's `snippet(fts, column, char(1), char(2), '…', 24)` makes
//! it: the same tokens, the same best window of 24 tokens (sentence starts preferred), the same
//! highlighted phrase instances. FTS5 tokenizes a column twice a snippet (once to find the
//! sentences, once to highlight) and a search asked for four snippets a hit: that was ~40% of a
//! search's instructions.
//!
//! Only text that this module tokenizes exactly as FTS5's `unicode61` tokenizer
//! (`remove_diacritics 2`) does is handled: ASCII, and the non-ASCII characters that are
//! separators to it and are listed in [`separator`] (no-break space, guillemets, the General
//! Punctuation block: curly quotes, dashes, ellipsis). For anything else (letters with accents,
//! other scripts, symbols) [`tokens`] answers `None` and the caller asks FTS5 instead.

/// Tokens a passage spans (FTS5's snippet size, as the search asks for it).
const WINDOW: i64 = 24;
/// Longest token FTS5 indexes whole; longer ones are left to FTS5.
const MAX_TOKEN: usize = 32_768;
/// Where a passage is cut.
const ELLIPSIS: &str = "…";
/// Highlight markers (as the search asks FTS5 for them: `char(1)`, `char(2)`).
pub(crate) const OPEN: char = '\u{1}';
pub(crate) const CLOSE: char = '\u{2}';

/// One phrase of a query: its tokens (lower case) and the column it is limited to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub column: Option<usize>,
    pub tokens: Vec<String>,
}

impl Phrase {
    /// A phrase of `text` (as written between the quotes of an FTS5 string), or `None` when its
    /// tokens are not ones this module reproduces, or it has none.
    pub(crate) fn new(column: Option<usize>, text: &str) -> Option<Phrase> {
        let tokens: Vec<String> = tokens(text)?
            .into_iter()
            .map(|(s, e)| text[s..e].to_ascii_lowercase())
            .collect();
        (!tokens.is_empty()).then_some(Phrase { column, tokens })
    }
}

/// Non-ASCII characters that `unicode61` treats as separators (categories Z*, P*, Cf and
/// unassigned; none is a letter, number, private-use or combining mark).
fn separator(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{ab}' | '\u{bb}' | '\u{2000}'..='\u{206f}')
}

/// Byte classes: 1 for an ASCII token character (letter or digit), 2 for the bytes of
/// non-ASCII characters, 0 for ASCII separators.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if (i as u8).is_ascii_alphanumeric() {
            1
        } else if i >= 0x80 {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// The byte ranges of the tokens of `text` as FTS5's `unicode61` tokenizer finds them, or
/// `None` when the text has a character whose handling this module does not reproduce.
pub(crate) fn tokens(text: &str) -> Option<Vec<(usize, usize)>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match CLASS[c as usize] {
            0 => i += 1,
            1 => {
                let start = i;
                i += 1;
                while b.get(i).is_some_and(|&c| CLASS[c as usize] == 1) {
                    i += 1;
                }
                if i - start > MAX_TOKEN {
                    return None;
                }
                out.push((start, i));
            }
            _ => {
                let ch = text.get(i..)?.chars().next()?;
                if !separator(ch) {
                    return None;
                }
                i += ch.len_utf8();
            }
        }
    }
    Some(out)
}

/// The instances of `phrases` in column `column` (its text and tokens): `(phrase, token
/// offset)`, in FTS5's order (by offset, then phrase).
pub(crate) fn instances(
    text: &str,
    toks: &[(usize, usize)],
    column: usize,
    phrases: &[Phrase],
) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (p, phrase) in phrases.iter().enumerate() {
        if phrase.column.is_some_and(|c| c != column) {
            continue;
        }
        let n = phrase.tokens.len();
        if n == 0 || n > toks.len() {
            continue;
        }
        for j in 0..=toks.len() - n {
            let hit = phrase.tokens.iter().enumerate().all(|(k, t)| {
                let (s, e) = toks[j + k];
                b[s..e].eq_ignore_ascii_case(t.as_bytes())
            });
            if hit {
                out.push((j, p));
            }
        }
    }
    out.sort_unstable();
    out.into_iter().map(|(off, p)| (p, off)).collect()
}

/// FTS5's `fts5SnippetScore`: the score of the window of [`WINDOW`] tokens from `pos` and the
/// window's start adjusted to centre its instances.
fn score(
    insts: &[(usize, usize)],
    sizes: &[usize],
    seen: &mut [bool],
    doc: i64,
    pos: i64,
) -> (i64, i64) {
    seen.fill(false);
    let end = pos + WINDOW;
    let (mut score, mut first, mut last) = (0i64, -1i64, 0i64);
    for &(p, off) in insts {
        let off = off as i64;
        if off >= pos && off < end {
            score += if seen[p] { 1 } else { 1000 };
            seen[p] = true;
            if first < 0 {
                first = off;
            }
            last = off + sizes[p] as i64;
        }
    }
    let mut adj = first - (WINDOW - (last - first)) / 2;
    if adj + WINDOW > doc {
        adj = doc - WINDOW;
    }
    (score, adj.max(0))
}

/// FTS5's coalesced instance iterator: overlapping instances as one highlighted range.
struct Coalesced<'a> {
    insts: &'a [(usize, usize)],
    sizes: &'a [usize],
    next: usize,
    start: i64,
    end: i64,
}

impl Coalesced<'_> {
    fn advance(&mut self) {
        self.start = -1;
        self.end = -1;
        while let Some(&(p, off)) = self.insts.get(self.next) {
            let (off, end) = (off as i64, off as i64 - 1 + self.sizes[p] as i64);
            if self.start < 0 {
                self.start = off;
                self.end = end;
            } else if off <= self.end {
                self.end = self.end.max(end);
            } else {
                break;
            }
            self.next += 1;
        }
    }
}

/// Appends `text[from..to]` (byte offsets on token boundaries) to `out`.
fn push(out: &mut String, text: &str, from: usize, to: usize) {
    if from < to {
        out.push_str(text.get(from..to).unwrap_or(""));
    }
}

/// The snippet of one column: `text`, its `toks`, the column's phrase instances `insts` (as
/// [`instances`] gives them) and the token count of each query phrase. The result is what
/// FTS5's `snippet()` returns for that column, markers and ellipses included.
pub(crate) fn snippet(
    text: &str,
    toks: &[(usize, usize)],
    insts: &[(usize, usize)],
    sizes: &[usize],
) -> String {
    let b = text.as_bytes();
    let doc = toks.len() as i64;
    let mut seen = vec![false; sizes.len()];
    let (mut best, mut best_start) = (0i64, 0i64);
    // Sentence starts: the first token, and each token after '.' or ':' and white space (only
    // those up to the last instance count: the search below stops at the first start after an
    // instance, or at the end).
    let last_inst = insts.iter().map(|i| i.1).max().unwrap_or(0);
    let firsts: Vec<i64> = if insts.is_empty() || doc <= WINDOW {
        Vec::new()
    } else {
        toks.iter()
            .take(last_inst + 2)
            .enumerate()
            .filter(|&(pos, &(s, _))| {
                if pos == 0 {
                    return true;
                }
                // The bytes before the token: at least one of ' ', '\t', '\n', '\r', and
                // before them '.' or ':'.
                let before = &b[..s];
                let spaces = before
                    .iter()
                    .rev()
                    .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
                    .count();
                spaces > 0
                    && matches!(
                        before.len().checked_sub(spaces + 1).map(|i| before[i]),
                        Some(b'.' | b':')
                    )
            })
            .map(|(pos, _)| pos as i64)
            .collect()
    };
    for &(_, io) in insts {
        let io = io as i64;
        let (sc, adj) = score(insts, sizes, &mut seen, doc, io);
        if sc > best {
            best = sc;
            best_start = adj;
        }
        if !firsts.is_empty() && doc > WINDOW {
            let mut jj = 0;
            while jj + 1 < firsts.len() && firsts[jj + 1] <= io {
                jj += 1;
            }
            if firsts[jj] < io {
                let (sc, _) = score(insts, sizes, &mut seen, doc, firsts[jj]);
                let sc = sc + if firsts[jj] == 0 { 120 } else { 100 };
                if sc > best {
                    best = sc;
                    best_start = firsts[jj];
                }
            }
        }
    }
    // The window, highlighted (FTS5's fts5HighlightCb over the column's tokens).
    let (range_start, range_end) = (best_start, best_start + WINDOW - 1);
    let mut out = String::with_capacity(256);
    if best_start > 0 {
        out.push_str(ELLIPSIS);
    }
    let mut it = Coalesced {
        insts,
        sizes,
        next: 0,
        start: -1,
        end: -1,
    };
    it.advance();
    while it.start >= 0 && it.start < best_start {
        it.advance();
    }
    let (mut off, mut open) = (0usize, false);
    let last = usize::try_from(range_end)
        .unwrap_or(0)
        .min(toks.len().saturating_sub(1));
    for (pos, &(s, e)) in toks
        .iter()
        .enumerate()
        .take(last + 1)
        .skip(best_start as usize)
    {
        let pos = pos as i64;
        if range_start != 0 && pos == range_start {
            off = s;
        }
        if open && (pos <= it.start || it.start < 0) && s > off {
            out.push(CLOSE);
            open = false;
        }
        if pos == it.start && !open {
            push(&mut out, text, off, s);
            out.push(OPEN);
            off = s;
            open = true;
        }
        if pos == it.end {
            if !open {
                out.push(OPEN);
                open = true;
            }
            push(&mut out, text, off, e);
            off = e;
            it.advance();
        }
        if pos == range_end {
            if open {
                if it.start >= 0 && pos >= it.start {
                    push(&mut out, text, off, e);
                    off = e;
                }
                out.push(CLOSE);
                open = false;
            }
            push(&mut out, text, off, e);
            off = e;
        }
    }
    if open {
        out.push(CLOSE);
    }
    if range_end >= doc - 1 {
        push(&mut out, text, off, text.len());
    } else {
        out.push_str(ELLIPSIS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// A small seeded generator (xorshift), so the test needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    const WORDS: &[&str] = &[
        "port", "Port", "harbour", "deal", "minister", "said", "the", "the", "a", "fees", "2025",
        "ship", "talks", "PORT", "x1",
    ];
    const GAPS: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        ". ",
        ": ",
        ", ",
        "\n\n",
        " \u{2014} ",
        "\u{2019}",
        "  ",
        "\t",
        ".\" ",
        "...",
        " (",
        ") ",
        ".\n",
        "\u{a0}",
        "-",
        " \u{201c}",
    ];

    fn text(rng: &mut Rng, max: usize) -> String {
        let n = rng.below(max + 1);
        let mut s = String::new();
        if rng.below(4) == 0 {
            s.push_str(GAPS[rng.below(GAPS.len())]);
        }
        for i in 0..n {
            if i > 0 {
                s.push_str(GAPS[rng.below(GAPS.len())]);
            }
            s.push_str(WORDS[rng.below(WORDS.len())]);
        }
        if rng.below(3) == 0 {
            s.push_str(GAPS[rng.below(GAPS.len())]);
        }
        s
    }

    #[test]
    fn passages_are_fts5_snippets() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(title, text, quotes, speakers,
                 tokenize='unicode61 remove_diacritics 2')",
        )
        .unwrap();
        let mut rng = Rng(0x5eed_1234_abcd);
        let rows: Vec<[String; 4]> = (0..300)
            .map(|_| {
                [
                    text(&mut rng, 12),
                    text(&mut rng, 90),
                    text(&mut rng, 40),
                    text(&mut rng, 4),
                ]
            })
            .collect();
        for (i, r) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO t(rowid, title, text, quotes, speakers) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![i as i64, r[0], r[1], r[2], r[3]],
            )
            .unwrap();
        }
        let columns = ["title", "text", "quotes", "speakers"];
        let (mut compared, mut highlighted) = (0, 0);
        for _ in 0..150 {
            let mut fts = Vec::new();
            let mut phrases = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let words: Vec<String> = (0..1 + rng.below(2))
                    .map(|_| WORDS[rng.below(WORDS.len())].to_lowercase())
                    .collect();
                let text = words.join(" ");
                let column = (rng.below(4) == 0).then(|| rng.below(4));
                fts.push(match column {
                    Some(c) => format!("{} : \"{text}\"", columns[c]),
                    None => format!("\"{text}\""),
                });
                phrases.push(Phrase::new(column, &text).unwrap());
            }
            let sizes: Vec<usize> = phrases.iter().map(|p| p.tokens.len()).collect();
            let mut st = conn
                .prepare(
                    "SELECT rowid, snippet(t, 0, char(1), char(2), '…', 24),
                        snippet(t, 1, char(1), char(2), '…', 24),
                        snippet(t, 2, char(1), char(2), '…', 24),
                        snippet(t, 3, char(1), char(2), '…', 24)
                     FROM t WHERE t MATCH ?1",
                )
                .unwrap();
            let fts = fts.join(" ");
            let got: Vec<(i64, [String; 4])> = st
                .query_map([&fts], |r| {
                    Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for (rowid, snippets) in got {
                for (c, want) in snippets.iter().enumerate() {
                    let text = &rows[rowid as usize][c];
                    let toks = tokens(text).unwrap();
                    let insts = instances(text, &toks, c, &phrases);
                    let mine = snippet(text, &toks, &insts, &sizes);
                    assert_eq!(&mine, want, "query {fts:?}, column {c} of {text:?}");
                    compared += 1;
                    highlighted += usize::from(want.contains(OPEN));
                }
            }
        }
        // The queries matched, and many passages were cut and highlighted.
        assert!(compared > 2000, "{compared}");
        assert!(highlighted > 1000, "{highlighted}");
    }

    #[test]
    fn text_it_cannot_tokenize_as_fts5_is_left_to_fts5() {
        assert_eq!(
            tokens("Port\u{2019}s deal \u{2014} 2025"),
            Some(vec![(0, 4), (7, 8), (9, 13), (18, 22)])
        );
        assert_eq!(tokens("Jos\u{e9} said"), None);
        assert_eq!(tokens("\u{41f}\u{43e}\u{440}\u{442}"), None);
        assert!(Phrase::new(None, "caf\u{e9}").is_none());
        assert!(Phrase::new(None, "...").is_none());
    }
}
