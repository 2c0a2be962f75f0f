//! Attributions that are no statements: beliefs ("Voters think the tax will never come"),
//! intentions ("The mayor plans to close the depot"), perceptions ("The senator seemed
//! unmoved"), acts ("The union endorsed Okafor"), topics ("questions about her emails") and
//! passives ("The vote is expected to pass").
//!
//! PolNeAR counts all of these as attributions; the reviewed sample's convention (a quotation is
//! a clause someone said or wrote) does not, and putting them in `quotes` cost the sample's
//! quote precision (session 5). So they are a report kind of their own, `attributions`: they
//! feed no sourcing profile, finding or speaker confidence, and `quotes` stay as they are.
//!
//! A candidate is any word outside the quotes' cues with a clause, phrase or object after it in
//! its sentence. Whether it is an attribution is read from a table learned on PolNeAR **train**
//! (`models/attribution-cues.tsv`, written by `cargo run --release -p newsprobe-quotes
//! --example train_attributions`): per cue word and its neighbours' classes (the word before: a
//! form of "be", "to", a determiner, an auxiliary, a pronoun, other; the word after: "that",
//! "to", a preposition, punctuation, a determiner, other), how often a candidate so placed
//! matched a gold attribution (its content overlapping at least 30% of the gold's). A candidate
//! is kept when its smoothed precision reaches [`THRESHOLD`] (chosen on PolNeAR dev). The
//! content is the rest of the sentence after the cue (after a "that" or a preposition), the
//! source the subject [`Ctx::subject_before`] reads back from the cue (none after "be": a
//! passive's subject is what is expected, not who expects), and the kind a small word list.

use std::collections::HashMap;
use std::sync::OnceLock;

use newsprobe_core::{Attribution, Span, SpanIndex};

use crate::speaker::{Ctx, Mention};

/// The learned table (see the module docs).
static TABLE: &str = include_str!("../models/attribution-cues.tsv");

/// The smoothed train precision a candidate needs (tuned on PolNeAR dev).
pub const THRESHOLD: f32 = 0.50;

/// The rule name the report carries.
pub const RULE: &str = "model:attribution-cues-polnear";

/// Classes of the word before a cue.
pub const PREV: [&str; 6] = ["be", "to", "det", "aux", "pron", "other"];
/// Classes of the word after a cue.
pub const NEXT: [&str; 6] = ["that", "to", "prep", "punct", "det", "other"];

/// Smoothing weight toward the word's own precision.
const PRIOR: f32 = 4.0;

/// The class of the word before token `i` (in its sentence).
pub fn prev_class(ctx: &Ctx, i: usize, start: usize) -> usize {
    if i <= start {
        return 5;
    }
    let w = ctx.word(i - 1);
    if crate::lexicon::is_be(w) {
        0
    } else if w == "to" {
        1
    } else if matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this"
    ) || w.ends_with("'s")
        || w.ends_with("’s")
    {
        2
    } else if aux_or_negation(w) {
        3
    } else if matches!(
        w,
        "he" | "she" | "they" | "i" | "we" | "you" | "it" | "who" | "which"
    ) {
        4
    } else {
        5
    }
}

/// Modals, "do" and "have" forms and negations: the class of a word before a cue, and no
/// cue's head.
fn aux_or_negation(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "not"
            | "n't"
            | "never"
    )
}

/// Words that are no cue's head: auxiliaries, negations, adverbs ("has" and "also" of "has also
/// criticised", "is" of "is expected").
pub fn no_head(w: &str) -> bool {
    crate::lexicon::is_be(w)
        || aux_or_negation(w)
        || matches!(
            w,
            "having"
                | "also"
                | "still"
                | "just"
                | "now"
                | "already"
                | "first"
                | "even"
                | "only"
                | "to"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
        )
        || (w.ends_with("ly") && w.len() > 4)
}

fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "about" | "of" | "for" | "on" | "over" | "against" | "with" | "into" | "regarding"
    )
}

/// The class of the word after token `i` (`end`: its sentence's end).
pub fn next_class(ctx: &Ctx, i: usize, end: usize) -> usize {
    if i + 1 >= end {
        return 3;
    }
    let w = ctx.word(i + 1);
    if w == "that" {
        0
    } else if w == "to" {
        1
    } else if is_prep(w) {
        2
    } else if ctx.is_punct(i + 1) {
        3
    } else if matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this"
    ) {
        4
    } else {
        5
    }
}

/// Where a cue stands: inside a quotation's content or not.
pub const PLACE: [&str; 2] = ["out", "in"];

/// How many cells a word has: place × before × after.
pub const CELLS: usize = 2 * 6 * 6;

/// The cell of a place, a class before and a class after.
pub fn cell(q: usize, p: usize, n: usize) -> usize {
    (q * 6 + p) * 6 + n
}

/// One word's learned precisions per cell (NaN where train saw none so placed).
#[derive(Debug, Clone)]
pub struct Entry {
    cells: [f32; CELLS],
    /// The highest of `cells` (NaN cells aside): a word whose best cell is under the threshold
    /// is refused before its neighbours are read.
    best: f32,
}

impl Entry {
    /// The highest learned precision of any cell.
    pub fn best(&self) -> f32 {
        self.best
    }

    /// The learned precision of cell `k`, where train saw the word so placed.
    pub fn score(&self, k: usize) -> Option<f32> {
        self.cells.get(k).copied().filter(|s| !s.is_nan())
    }
}

/// The learned table: word → entry.
#[derive(Debug, Default)]
pub struct Table {
    words: HashMap<String, Entry, foldhash::fast::FixedState>,
    /// Quick refusal: a bit for each first byte, last byte and length (under 32 bytes) some word
    /// of the table has, [`shape_bit`] (most words of a text are refused here, before any
    /// hashing: a bit per first byte and length alone let most words through to the hash).
    shape: Vec<u64>,
}

/// The bit of `w` in a table's shape: its first and last byte's low five bits and its length
/// (under 32 bytes); `None` for a longer or empty word.
#[inline]
fn shape_bit(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if b.len() < 32 => {
            Some(usize::from(f & 31) << 10 | usize::from(l & 31) << 5 | b.len())
        }
        _ => None,
    }
}

/// Whether `shape` has the bit of `w` ([`shape_bit`]).
#[inline]
fn shape_has(shape: &[u64], w: &str) -> bool {
    shape_bit(w).is_some_and(|k| {
        shape
            .get(k / 64)
            .is_some_and(|bits| bits >> (k % 64) & 1 == 1)
    })
}

impl Table {
    /// Parses the TSV (`word \t place \t before \t after \t candidates \t matched`;
    /// malformed lines are skipped).
    pub fn parse(tsv: &str) -> Table {
        let mut counts: HashMap<&str, [(u32, u32); CELLS]> = HashMap::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [w, q, p, n, f, m] = cols[..] else {
                continue;
            };
            let (Some(q), Some(p), Some(n)) = (
                PLACE.iter().position(|x| *x == q),
                PREV.iter().position(|x| *x == p),
                NEXT.iter().position(|x| *x == n),
            ) else {
                continue;
            };
            let (Ok(f), Ok(m)) = (f.parse::<u32>(), m.parse::<u32>()) else {
                continue;
            };
            counts.entry(w).or_insert([(0, 0); CELLS])[cell(q, p, n)] = (f, m.min(f));
        }
        let mut t = Table {
            words: HashMap::default(),
            shape: vec![0; 512],
        };
        for (w, c) in counts {
            // Each cell shrunk toward the word's precision in its place (in or out of a
            // quotation: PolNeAR annotates next to no belief inside a quotation).
            let base: Vec<f32> = (0..2)
                .map(|q| {
                    let (f, m) = c[q * 36..(q + 1) * 36]
                        .iter()
                        .fold((0u32, 0u32), |a, x| (a.0 + x.0, a.1 + x.1));
                    (m as f32 + 1.0) / (f as f32 + 2.0)
                })
                .collect();
            let mut cells = [f32::NAN; CELLS];
            for (k, &(f, m)) in c.iter().enumerate() {
                if f > 0 {
                    let b = base.get(k / 36).copied().unwrap_or(0.0);
                    cells[k] = (m as f32 + PRIOR * b) / (f as f32 + PRIOR);
                }
            }
            if let Some(k) = shape_bit(w) {
                if let Some(bits) = t.shape.get_mut(k / 64) {
                    *bits |= 1 << (k % 64);
                }
            }
            let best = cells
                .iter()
                .copied()
                .filter(|s| !s.is_nan())
                .fold(f32::NEG_INFINITY, f32::max);
            t.words.insert(w.to_string(), Entry { cells, best });
        }
        t
    }

    /// The entry of word `w`, if the table has it.
    #[inline]
    pub fn entry(&self, w: &str) -> Option<&Entry> {
        if !shape_has(&self.shape, w) {
            return None;
        }
        self.words.get(w)
    }

    /// The learned precision of word `w` in cell `k` (None where train saw none so placed).
    pub fn score(&self, w: &str, k: usize) -> Option<f32> {
        self.entry(w)?.score(k)
    }
}

/// The embedded table.
pub fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::parse(TABLE))
}

/// A candidate cue with what it attributes.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub cue: usize,
    /// Its cell ([`cell`]) and classes.
    pub cell: usize,
    pub prev: usize,
    pub next: usize,
    /// Content tokens `first..end`.
    pub first: usize,
    pub end: usize,
    pub source: Option<Mention>,
}

/// Every candidate of the document: each word token of three letters or more that
/// `word_ok(word)` accepts, outside `cues` (the quotes' cue spans, sorted by start), with at
/// least one word after it in its sentence, for which `keep(word, cell)` holds; `quoted` holds
/// the quotations' contents (where a cue is `in`).
pub fn candidates(
    ctx: &Ctx,
    cues: &[Span],
    quoted: &SpanIndex,
    word_ok: impl Fn(&str) -> bool,
    mut keep: impl FnMut(&str, usize) -> bool,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..ctx.len() {
        if !ctx.is_word(i) {
            continue;
        }
        let w = ctx.word(i);
        if w.len() < 3 || !word_ok(w) {
            continue;
        }
        let sp = ctx.span(i);
        let (start, end) = ctx.sentence_bounds(i);
        // ("Considering how …, it's possible …": a participle opening the sentence modifies
        // the clause after it, no one's attribution.)
        if i == start && w.ends_with("ing") {
            continue;
        }
        let k = cues.partition_point(|c| c.end <= sp.start);
        if cues.get(k).is_some_and(|c| c.start <= sp.start) {
            continue;
        }
        let (p, nx) = (prev_class(ctx, i, start), next_class(ctx, i, end));
        let q = usize::from(quoted.first_containing(sp).is_some());
        let k = cell(q, p, nx);
        if !keep(w, k) {
            continue;
        }
        // The content: after a "that" or a preposition, to the sentence's end or a semicolon.
        let mut first = i + 1;
        // ("was endorsed by the paper": what was endorsed stands before the cue.)
        if first < end && ctx.word(first) == "by" {
            continue;
        }
        if first < end && (ctx.word(first) == "that" || is_prep(ctx.word(first))) {
            first += 1;
        }
        // (A content opens on a word or a quotation mark, not on the comma after the cue.)
        while first < end && ctx.is_punct(first) && !ctx.is_quote_mark(first) {
            first += 1;
        }
        let mut last = first;
        while last < end && !matches!(ctx.word(last), ";" | "—" | "--") {
            last += 1;
        }
        while last > first && ctx.is_punct(last - 1) && !ctx.is_quote_mark(last - 1) {
            last -= 1;
        }
        if !(first..last).any(|j| ctx.is_word(j)) {
            continue;
        }
        let source = subject(ctx, i, p, start);
        out.push(Candidate {
            cue: i,
            cell: k,
            prev: p,
            next: nx,
            first,
            end: last,
            source,
        });
    }
    out
}

/// Who holds the attribution at cue `i` (its class before `p`, its sentence's start `start`):
/// the subject read back from the cue, where that is someone. None after "be" (a passive's
/// subject is what is expected, not who expects), for a participle ("…, announcing that",
/// "despite admitting": its subject lies beyond what the read-back reaches), after a
/// preposition or subordinator, and for a mention no one could be (`junk::cannot_speak`, the
/// learned `speakable` model, a lone lower-case word that is no pronoun).
fn subject(ctx: &Ctx, i: usize, p: usize, start: usize) -> Option<Mention> {
    if p == 0 || ctx.word(i).ends_with("ing") || i == start {
        return None;
    }
    if matches!(
        ctx.word(i - 1),
        "despite"
            | "for"
            | "by"
            | "while"
            | "after"
            | "before"
            | "without"
            | "of"
            | "in"
            | "on"
            | "about"
            | "against"
            | "from"
            | "with"
            | "when"
            | "as"
            | "and"
            | "or"
            | "but"
    ) {
        return None;
    }
    let m = ctx.subject_before(i, start)?;
    let lone_lower = m.first == m.last && !ctx.is_capitalized(m.first) && !ctx.is_pronoun(m.first);
    if lone_lower || crate::junk::cannot_speak(ctx, &m) || crate::speakable::refuses(ctx, &m) {
        return None;
    }
    Some(m)
}

/// The kind of an attribution cue: a crude reading of the word and its neighbours.
pub fn kind(ctx: &Ctx, c: &Candidate) -> &'static str {
    let w = ctx.word(c.cue);
    let stem = |list: &[&str]| list.iter().any(|s| w.starts_with(s));
    if c.prev == 0 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")) {
        "passive"
    } else if stem(&[
        "think",
        "thought",
        "believ",
        "feel",
        "felt",
        "know",
        "knew",
        "consider",
        "doubt",
        "suspect",
        "view",
        "assum",
        "suppos",
        "convinc",
        "realiz",
        "realis",
        "understand",
        "understood",
        "fear",
        "worr",
        "sure",
        "certain",
        "confident",
        "aware",
        "recogni",
        "imagin",
        "regard",
    ]) {
        "belief"
    } else if stem(&[
        "want", "plan", "intend", "seek", "sought", "decid", "decision", "hope", "hoping", "wish",
        "prefer", "aim", "expect", "tri", "try", "attempt", "like", "eager", "determin", "push",
        "refus", "vow", "pledg", "promis", "commit",
    ]) {
        "intention"
    } else if stem(&[
        "seem", "appear", "look", "see", "saw", "seen", "notic", "hear", "heard", "watch", "show",
        "found", "find", "reveal",
    ]) {
        "perception"
    } else if c.next == 2 {
        "topic"
    } else if ctx.cue(c.cue).is_some() {
        "statement"
    } else {
        "act"
    }
}

/// The entity name a source mention names, if it overlaps one.
fn entity_name(ctx: &Ctx, m: &Mention) -> Option<String> {
    if ctx.is_pronoun(m.last) && m.first == m.last {
        return None;
    }
    let em = ctx.entity_mentions();
    let k = em.index.first_overlapping(m.span)?;
    let e = *em.entity.get(k)?;
    ctx.doc.entities.get(e).map(|e| e.name.clone())
}

/// The attributions of a document whose quotes have cues `cues` and contents `quoted` (byte
/// spans, any order).
pub fn find(ctx: &Ctx, cues: &[Span], quoted: &[Span]) -> Vec<Attribution> {
    find_with(ctx, cues, quoted, table(), threshold())
}

/// [`THRESHOLD`], or `NEWSPROBE_ATTRIBUTION_THRESHOLD` where set (for tuning on PolNeAR dev).
fn threshold() -> f32 {
    static T: OnceLock<f32> = OnceLock::new();
    *T.get_or_init(|| {
        std::env::var("NEWSPROBE_ATTRIBUTION_THRESHOLD")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(THRESHOLD)
    })
}

/// [`find`] with another table and threshold.
pub fn find_with(
    ctx: &Ctx,
    cues: &[Span],
    quoted: &[Span],
    table: &Table,
    threshold: f32,
) -> Vec<Attribution> {
    let mut cues = cues.to_vec();
    cues.sort_by_key(|c| (c.start, c.end));
    let quoted = SpanIndex::new(quoted.iter().copied());
    let cands = candidates(
        ctx,
        &cues,
        &quoted,
        |w| table.entry(w).is_some_and(|e| e.best() >= threshold),
        |w, k| table.score(w, k).is_some_and(|s| s >= threshold),
    );
    let mut out = Vec::with_capacity(cands.len());
    for c in &cands {
        let score = table.score(ctx.word(c.cue), c.cell).unwrap_or(threshold);
        let content = Span::text(ctx.span(c.first).start, ctx.span(c.end - 1).end);
        let cue = ctx.span(c.cue);
        let source = c.source.map(|m| m.span);
        let mut evidence = vec![cue];
        evidence.extend(source);
        evidence.push(content);
        out.push(Attribution {
            span: content,
            kind: kind(ctx, c).to_string(),
            cue,
            source,
            source_name: c.source.as_ref().and_then(|m| entity_name(ctx, m)),
            rule: RULE.to_string(),
            score: (f64::from(score) * 1000.0).round() / 1000.0,
            evidence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    fn run(text: &str) -> Vec<(String, String, String, Option<String>)> {
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        doc.attributions
            .iter()
            .map(|a| {
                (
                    a.kind.clone(),
                    doc.span_text(&a.cue).to_string(),
                    doc.span_text(&a.span).to_string(),
                    a.source.map(|s| doc.span_text(&s).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn a_passive_expectation_has_no_source() {
        let got = run("The vote on the depot is expected to pass narrowly on Thursday.");
        assert_eq!(
            got,
            vec![(
                "passive".to_string(),
                "expected".to_string(),
                "to pass narrowly on Thursday".to_string(),
                None
            )]
        );
    }

    #[test]
    fn a_perception_keeps_its_subject_and_feeds_no_profile() {
        let text = "The mayor seemed unmoved by the protest outside city hall.";
        let got = run(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "perception");
        assert_eq!(got[0].1, "seemed");
        assert_eq!(got[0].3.as_deref(), Some("The mayor"));
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        assert!(doc.quotes.is_empty() && doc.sources.is_empty() && doc.findings.is_empty());
    }

    #[test]
    fn statements_stay_quotes_and_quoted_beliefs_are_no_attributions() {
        let text = "“I think the depot will close before winter,” said Marta Silva, who leads \
                    the drivers' union. The council released its figures on Monday.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        assert_eq!(doc.quotes.len(), 1);
        let cues: Vec<&str> = doc
            .attributions
            .iter()
            .map(|a| doc.span_text(&a.cue))
            .collect();
        assert!(
            !cues.contains(&"said") && !cues.contains(&"think"),
            "{cues:?}"
        );
    }

    #[test]
    fn a_participle_or_a_preposition_gives_no_source() {
        // ("…, announcing that …": the read-back would reach "a news conference".)
        for text in [
            "She spoke at a news conference on Friday, announcing that the depot would close.",
            "The senator, despite admitting that he had doubts, voted for the bill.",
        ] {
            for (kind, cue, _, source) in run(text) {
                assert!(
                    source.is_none() || !matches!(cue.as_str(), "announcing" | "admitting"),
                    "{kind} {cue} {source:?} in {text}"
                );
            }
        }
    }

    #[test]
    fn table_parses_and_refuses_unknown_words() {
        let t = Table::parse("# header\nplans\tout\tpron\tto\t10\t9\nbad line\n");
        assert!(t.score("plans", cell(0, 4, 1)).is_some_and(|s| s > 0.8));
        assert!(t.score("plans", cell(1, 4, 1)).is_none());
        assert!(t.score("zebra", cell(0, 4, 1)).is_none());
        assert!(t.score("", 0).is_none());
    }
}
