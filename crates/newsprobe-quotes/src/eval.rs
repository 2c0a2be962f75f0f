//! How well are attributions found? `newsprobe eval quotes` on PolNeAR.
//!
//! Gold: every `E` relation of the first annotator's BRAT file (its Content fragments and
//! Source spans). Predicted: the quotes of [`crate::annotate`], where consecutive quotations
//! sharing one cue and speaker are one attribution (PolNeAR joins `“A,” he said. “B.”` into one
//! Content with two fragments) and a quote nested inside another predicted content (a partial
//! quote inside reported speech) is not counted again. A prediction matches a gold attribution
//! when their fragments overlap by at least 30% of the gold content's characters. Precision is
//! the share of predictions matching some gold attribution, recall the share of gold
//! attributions matched by some prediction. Exact: matched gold whose text equals the best
//! prediction's once white space, quote marks, end punctuation and a leading "that" are
//! trimmed. Speaker: matched gold with a Source whose best prediction's mention overlaps a gold
//! Source span or whose resolved name equals its text (or is a full name ending in the gold's
//! surname: "Elizabeth Warren" for a gold "Warren"). "Quoted speech" restricts both sides to
//! contents with quotation marks.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use newsprobe_core::{Document, QuoteKind, Span};

use crate::Error;

/// One attribution, as character spans.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attr {
    pub(crate) content: Vec<(usize, usize)>,
    pub(crate) sources: Vec<(usize, usize)>,
    source_name: Option<String>,
    /// The speaker's confidence cell (`QuoteSource::key`), predicted attributions only.
    key: Option<String>,
    /// Gold cue text (for the debug listing).
    cue: String,
    /// Gold cue spans (for learning the attribution cues).
    cue_spans: Vec<(usize, usize)>,
    quoted: bool,
    /// Whether the name reached (if any) is shown, not only suggested (predicted only).
    shown: bool,
}

pub(crate) fn len(sp: &[(usize, usize)]) -> usize {
    sp.iter().map(|(a, b)| b.saturating_sub(*a)).sum()
}

pub(crate) fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            n += x.1.min(y.1).saturating_sub(x.0.max(y.0));
        }
    }
    n
}

fn has_marks(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»', '„', '‘']) || s.contains("''")
}

fn norm(chars: &[char], sp: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for (a, b) in sp {
        if !s.is_empty() {
            s.push(' ');
        }
        s.extend(chars.get(*a..*b).unwrap_or(&[]).iter());
    }
    let trim: &[char] = &[
        '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '.', ',', '!', '?', ';', ':', ' ', '\n',
    ];
    let s = s.trim_matches(trim);
    let s = s.strip_prefix("that ").unwrap_or(s);
    s.trim_matches(trim)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the name the speaker resolved to is the gold source's text: equal, or a full name
/// whose last words are the gold's surname as written ("Elizabeth Warren" for a gold
/// "Warren"; not "Elizabeth Warren" for a gold "Warren Buffett", nor any name for "he").
fn same_name(predicted: &str, gold: &str) -> bool {
    if predicted == gold {
        return true;
    }
    let g: Vec<&str> = gold.split_whitespace().collect();
    let p: Vec<&str> = predicted.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    !g.is_empty()
        && g.len() < p.len()
        && g.iter().all(capitalised)
        && !(g.len() == 1 && crate::lexicon::pronoun(&g[0].to_lowercase()).is_some())
        && p.ends_with(&g)
}

/// Parses a BRAT standoff file into attributions (character offsets).
fn parse_ann(ann: &str, chars: &[char]) -> Result<Vec<Attr>, Error> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        let numbered = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let (_, ranges) = body.split_once(' ').unwrap_or(("", ""));
            let mut frags = Vec::new();
            for r in ranges.split(';') {
                let mut it = r.split_whitespace();
                let (Some(a), Some(b)) = (it.next(), it.next()) else {
                    return Err(Error::Data(format!("bad span in line {line:?}")));
                };
                let a: usize = a
                    .parse()
                    .map_err(|_| Error::Data(format!("bad offset in {line:?}")))?;
                let b: usize = b
                    .parse()
                    .map_err(|_| Error::Data(format!("bad offset in {line:?}")))?;
                frags.push((a.min(chars.len()), b.min(chars.len())));
            }
            spans.insert(id, frags);
        }
    }
    for line in ann.lines().filter(|l| {
        l.split('\t')
            .next()
            .and_then(|id| id.strip_prefix('E'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }) {
        let body = line.split('\t').nth(1).unwrap_or("");
        let mut attr = Attr::default();
        for role in body.split_whitespace() {
            let Some((r, t)) = role.split_once(':') else {
                continue;
            };
            let Some(frags) = spans.get(t) else { continue };
            if r.starts_with("Content") {
                attr.content.extend(frags);
            } else if r.starts_with("Cue") {
                attr.cue = norm(chars, frags).to_lowercase();
                attr.cue_spans.extend(frags);
            } else if r.starts_with("Source") {
                attr.sources.extend(frags);
                if attr.source_name.is_none() {
                    attr.source_name = Some(norm(chars, frags));
                }
            }
        }
        if len(&attr.content) == 0 {
            continue;
        }
        let text: String = attr
            .content
            .iter()
            .flat_map(|(a, b)| chars.get(*a..*b).unwrap_or(&[]).iter())
            .collect();
        attr.quoted = has_marks(&text);
        out.push(attr);
    }
    Ok(out)
}

/// Predicted attributions of one document, as character spans.
fn predict(doc: &Document) -> Vec<Attr> {
    let index = newsprobe_core::report::CharIndex::new(&doc.text);
    let ch = |s: &Span| (index.char_offset(s.start), index.char_offset(s.end));
    let quotes: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| {
            !doc.quotes
                .iter()
                .any(|o| o.span != q.span && o.span.contains(&q.span))
        })
        .collect();
    let mut out: Vec<Attr> = Vec::new();
    let mut last_key: Option<(Span, Option<Span>)> = None;
    for q in quotes {
        let key = q.cue.map(|c| (c, q.source.mention));
        // Speech after a speaker label ("TAPPER: …") counts as quoted only with marks.
        let labelled = q.cue.is_some_and(|c| doc.span_text(&c) == ":");
        let marked = (q.kind != QuoteKind::Reported && !labelled)
            || has_marks(doc.span_text(&Span::text(q.span.start.saturating_sub(3), q.span.end)));
        let quoted = marked || has_marks(doc.span_text(&q.span));
        // Only quotations join: a quotation inheriting the cue of reported speech stays apart.
        if key.is_some() && key == last_key && q.kind != QuoteKind::Reported {
            if let Some(a) = out.last_mut() {
                a.content.push(ch(&q.span));
                continue;
            }
        }
        last_key = key.filter(|_| q.kind != QuoteKind::Reported);
        out.push(Attr {
            content: vec![ch(&q.span)],
            // (The name reached, shown, suggested or declined by the gate: these figures
            // score the mention; `shown` is what the gate let through.)
            sources: q
                .source
                .mention
                .iter()
                .chain(&q.source.declined_mention)
                .map(ch)
                .collect(),
            source_name: q
                .source
                .name
                .clone()
                .or_else(|| q.source.suggested.clone())
                .or_else(|| q.source.declined.clone()),
            key: q.source.key.clone(),
            cue: String::new(),
            cue_spans: Vec::new(),
            quoted,
            shown: q.source.suggested.is_none() && q.source.declined.is_none(),
        });
    }
    out
}

/// The document's attributions that are no statements ([`crate::attribution`]), as
/// character spans, with their kinds. Never quoted: the quoted-speech figures stay the
/// quotes'.
fn predict_attributions(doc: &Document) -> Vec<(Attr, String)> {
    let index = newsprobe_core::report::CharIndex::new(&doc.text);
    let ch = |s: &Span| (index.char_offset(s.start), index.char_offset(s.end));
    doc.attributions
        .iter()
        .map(|a| {
            (
                Attr {
                    content: vec![ch(&a.span)],
                    sources: a.source.iter().map(ch).collect(),
                    source_name: a.source_name.clone(),
                    key: None,
                    cue: String::new(),
                    cue_spans: Vec::new(),
                    quoted: false,
                    shown: false,
                },
                a.kind.clone(),
            )
        })
        .collect()
}

/// Counts of the attribution table's cells on a PolNeAR split (train, for learning), as the
/// TSV `models/attribution-cues.tsv` holds: every candidate of [`crate::attribution::candidates`]
/// on the annotated texts, and whether its content matches a gold attribution (at least 30% of
/// the gold content's characters) and whose cue holds the candidate's word. Kept: words matched at least `min_matched` times whose
/// best cell (seen at least 3 times) matched at least half the time.
pub fn attribution_counts(data: &Path, split: &str, min_matched: u32) -> Result<String, Error> {
    use crate::attribution::{CELLS, NEXT, PLACE, PREV};
    use std::collections::BTreeMap;
    let docs = load_split(data, split)?;
    let mut counts: BTreeMap<String, [(u32, u32); CELLS]> = BTreeMap::new();
    for (_, text, gold) in &docs {
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let ctx = crate::speaker::Ctx::new(&doc);
        let mut cues: Vec<Span> = doc.quotes.iter().filter_map(|q| q.cue).collect();
        cues.sort_by_key(|c| (c.start, c.end));
        let quoted = newsprobe_core::SpanIndex::new(doc.quotes.iter().map(|q| q.span));
        let index = newsprobe_core::report::CharIndex::new(&doc.text);
        // Each gold attribution's cue head: the first word of its cue that is no auxiliary,
        // negation or adverb ("has" "also" of "has also criticised").
        let mut heads: HashMap<usize, Vec<usize>> = HashMap::new();
        for (gi, g) in gold.iter().enumerate() {
            let Some(&(a, b)) = g.cue_spans.first() else {
                continue;
            };
            let (a, b) = (index.byte_offset(a), index.byte_offset(b));
            let mut t = ctx.token_at_or_after(a);
            while t < ctx.len() && ctx.span(t).start < b {
                let w = ctx.word(t);
                if ctx.is_word(t) && !crate::attribution::no_head(w) {
                    heads.entry(t).or_default().push(gi);
                    break;
                }
                t += 1;
            }
        }
        let cands = crate::attribution::candidates(&ctx, &cues, &quoted, |_| true, |_, _| true);
        for c in cands {
            let content = vec![(
                index.char_offset(ctx.span(c.first).start),
                index.char_offset(ctx.span(c.end - 1).end),
            )];
            // A match: a gold attribution whose cue's head is this word and whose content
            // this candidate's covers enough.
            let ok = heads.get(&c.cue).is_some_and(|gs| {
                gs.iter().any(|&gi| {
                    gold.get(gi)
                        .is_some_and(|g| overlap(&content, &g.content) * 10 >= len(&g.content) * 3)
                })
            });
            if debug() && (ok || heads.contains_key(&c.cue)) {
                eprintln!(
                    "CAND {}\t{}\t{}",
                    ctx.word(c.cue),
                    u8::from(ok),
                    norm(&text.chars().collect::<Vec<_>>(), &content)
                );
            }
            let e = &mut counts
                .entry(ctx.word(c.cue).to_string())
                .or_insert([(0, 0); CELLS])[c.cell];
            e.0 += 1;
            e.1 += u32::from(ok);
        }
    }
    let mut out = format!(
        "# attribution cues learned on PolNeAR {split} (newsprobe-quotes example \
         train_attributions): word, in or out of a quotation, word before, word after, \
         candidates, matched\n"
    );
    for (w, cells) in &counts {
        let matched: u32 = cells.iter().map(|x| x.1).sum();
        let best = cells
            .iter()
            .filter(|x| x.0 >= 3)
            .map(|x| x.1 as f32 / x.0 as f32)
            .fold(0.0f32, f32::max);
        if matched < min_matched || best < 0.5 || w.contains(['\t', '\n']) {
            continue;
        }
        for (k, &(f, m)) in cells.iter().enumerate() {
            if f > 0 {
                out.push_str(&format!(
                    "{w}\t{}\t{}\t{}\t{f}\t{m}\n",
                    PLACE[k / 36],
                    PREV[(k / 6) % 6],
                    NEXT[k % 6]
                ));
            }
        }
    }
    Ok(out)
}

/// `NEWSPROBE_EVAL_DEBUG=1` prints every miss, false positive and wrong speaker to stderr.
fn debug() -> bool {
    std::env::var_os("NEWSPROBE_EVAL_DEBUG").is_some()
}

#[derive(Default)]
struct Tally {
    pred: usize,
    pred_ok: usize,
    gold: usize,
    gold_found: usize,
    exact: usize,
    with_source: usize,
    speaker_ok: usize,
    /// Per choice cell of the speaker's confidence ([`crate::confidence::choice_cell`]): [the
    /// mention right, all] matched attributions with a gold source.
    choice: std::collections::BTreeMap<String, [usize; 2]>,
    /// Per whole key (`-` where no name was reached): [speaker right, all] matched
    /// attributions with a gold source.
    keys: std::collections::BTreeMap<String, [usize; 2]>,
    /// Matched attributions with a gold source whose speaker is shown (not only suggested),
    /// and those of them right.
    shown: usize,
    shown_ok: usize,
}

impl Tally {
    fn add(&mut self, scope: &str, chars: &[char], gold: &[&Attr], pred: &[&Attr]) {
        let matches =
            |p: &Attr, g: &Attr| overlap(&p.content, &g.content) * 10 >= len(&g.content) * 3;
        self.pred += pred.len();
        for p in pred {
            if gold.iter().any(|g| matches(p, g)) {
                self.pred_ok += 1;
            } else if debug() {
                eprintln!(
                    "{scope} FALSE {} | {}",
                    if p.quoted { "Q" } else { "R" },
                    norm(chars, &p.content)
                );
            }
        }
        self.gold += gold.len();
        for g in gold {
            let best = pred
                .iter()
                .filter(|p| matches(p, g))
                .max_by_key(|p| overlap(&p.content, &g.content));
            let Some(p) = best else {
                if debug() {
                    // The prediction overlapping it most, if any (a content cut wrong).
                    let part = pred
                        .iter()
                        .map(|p| overlap(&p.content, &g.content))
                        .max()
                        .unwrap_or(0);
                    eprintln!(
                        "{scope} MISS {} [{}] overlap {}% | {}",
                        if g.quoted { "Q" } else { "R" },
                        g.cue,
                        part * 100 / len(&g.content).max(1),
                        norm(chars, &g.content)
                    );
                }
                continue;
            };
            self.gold_found += 1;
            if norm(chars, &p.content) == norm(chars, &g.content) {
                self.exact += 1;
            }
            if !g.sources.is_empty() {
                self.with_source += 1;
                let name_ok = match (&p.source_name, &g.source_name) {
                    (Some(pn), Some(gn)) => same_name(pn, gn),
                    _ => false,
                };
                if let Some(k) = &p.key {
                    let e = self
                        .choice
                        .entry(crate::confidence::choice_cell(k))
                        .or_default();
                    e[0] += usize::from(overlap(&p.sources, &g.sources) > 0);
                    e[1] += 1;
                }
                let ok = overlap(&p.sources, &g.sources) > 0 || name_ok;
                let e = self
                    .keys
                    .entry(p.key.clone().unwrap_or_else(|| "-".into()))
                    .or_default();
                e[0] += usize::from(ok);
                e[1] += 1;
                if p.shown {
                    self.shown += 1;
                    self.shown_ok += usize::from(ok);
                }
                if ok {
                    self.speaker_ok += 1;
                } else if debug() {
                    let (a, b) = (
                        g.content.first().map_or(0, |f| f.0),
                        g.content.last().map_or(0, |f| f.1),
                    );
                    let around = |x: usize, y: usize| -> String {
                        chars
                            .get(x.min(chars.len())..y.min(chars.len()))
                            .unwrap_or(&[])
                            .iter()
                            .collect::<String>()
                            .replace('\n', " ")
                    };
                    eprintln!(
                        "{scope} SPEAKER gold {:?} predicted {:?} ({:?}) @{:?} content {:?} | {} [[{}]] {}",
                        g.source_name,
                        norm(chars, &p.sources),
                        p.source_name,
                        p.sources.first().map(|s| s.0),
                        (a, b),
                        around(a.saturating_sub(70), a),
                        around(a, (a + 40).min(b)),
                        around(b, b + 70)
                    );
                }
            }
        }
    }

    fn line(&self, label: &str) -> String {
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = r(self.pred_ok, self.pred);
        let rec = r(self.gold_found, self.gold);
        let f1 = if p + rec > 0.0 {
            2.0 * p * rec / (p + rec)
        } else {
            0.0
        };
        format!(
            "{label:<17} P {p:.3}  R {rec:.3}  F1 {f1:.3}  exact {:.3}  speaker {:.3} ({}/{})  (gold {}, predicted {})",
            r(self.exact, self.gold_found),
            r(self.speaker_ok, self.with_source),
            self.speaker_ok,
            self.with_source,
            self.gold,
            self.pred
        )
    }
}

/// The texts of a PolNeAR split with their gold attributions (first annotator), in file-name
/// order: (file stem, text, attributions).
pub(crate) fn load_split(
    data: &Path,
    split: &str,
) -> Result<Vec<(String, String, Vec<Attr>)>, Error> {
    let dir = data.join(split);
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        return Err(Error::Data(format!(
            "{} has no text/ and attributions/ folders (expected a PolNeAR split)",
            dir.display()
        )));
    }
    let mut anns: Vec<String> = fs::read_dir(&ann_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let mut first_ann: HashMap<String, String> = HashMap::new();
    for a in anns {
        if let Some((stem, _)) = a.trim_end_matches(".ann").rsplit_once('_') {
            first_ann.entry(stem.to_string()).or_insert(a);
        }
    }
    let mut texts: Vec<String> = fs::read_dir(&text_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    texts.sort();
    let mut out = Vec::new();
    for t in &texts {
        let stem = t.trim_end_matches(".txt");
        let Some(ann_name) = first_ann.get(stem) else {
            continue;
        };
        let text = fs::read_to_string(text_dir.join(t))?;
        let ann = fs::read_to_string(ann_dir.join(ann_name))?;
        let chars: Vec<char> = text.chars().collect();
        let gold = parse_ann(&ann, &chars)?;
        out.push((stem.to_string(), text, gold));
    }
    Ok(out)
}

/// Folds of the cross-fitted speaker rankers behind the choice cells.
pub const CROSS_FIT_FOLDS: usize = 5;

/// Seed of the cross-fitted rankers (their fold assignment and example orders).
pub const CROSS_FIT_SEED: u64 = 42;

/// The choice cells of the speaker's confidence on a PolNeAR split (train, for training): per
/// cell, how many matched attributions with a gold source had the gold's mention chosen.
/// Honest: each text's speakers are chosen by a ranker trained on the other folds of the split
/// ([`crate::rank::cross_fit`], [`CROSS_FIT_FOLDS`] folds, seed [`CROSS_FIT_SEED`]), not by the
/// embedded ranker, which saw them all.
pub fn choice_cells(data: &Path, split: &str) -> Result<Cells, Error> {
    cross_fit_cells(data, split).map(|(choice, _)| choice)
}

/// Per cell: [right, all].
pub type Cells = std::collections::BTreeMap<String, [usize; 2]>;

/// [`choice_cells`] and, by the same cross-fitted rankers, the whole keys as [`key_cells`]
/// counts them (the speaker right by mention or name): the labels of the confidence model.
pub fn cross_fit_cells(data: &Path, split: &str) -> Result<(Cells, Cells), Error> {
    let docs = load_split(data, split)?;
    let (fold_of, models) = crate::rank::cross_fit(&docs, CROSS_FIT_FOLDS, CROSS_FIT_SEED);
    let mut all = Tally::default();
    for ((_, text, gold), &k) in docs.iter().zip(&fold_of) {
        let chars: Vec<char> = text.chars().collect();
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate_with(&mut doc, &models[k]);
        let pred = predict(&doc);
        let g_all: Vec<&Attr> = gold.iter().collect();
        let p_all: Vec<&Attr> = pred.iter().collect();
        all.add("all", &chars, &g_all, &p_all);
    }
    Ok((all.choice, all.keys))
}

/// Per whole key of the speaker's confidence on a PolNeAR split, with the embedded models:
/// [speaker right, all] matched attributions with a gold source (`-` where no name was
/// reached). For comparing gates at equal coverage on `dev`.
pub fn key_cells(
    data: &Path,
    split: &str,
) -> Result<std::collections::BTreeMap<String, [usize; 2]>, Error> {
    let docs = load_split(data, split)?;
    let mut all = Tally::default();
    for (_, text, gold) in &docs {
        let chars: Vec<char> = text.chars().collect();
        let mut doc = Document::from_text(None, text);
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let pred = predict(&doc);
        let g_all: Vec<&Attr> = gold.iter().collect();
        let p_all: Vec<&Attr> = pred.iter().collect();
        all.add("all", &chars, &g_all, &p_all);
    }
    Ok(all.keys)
}

/// Scores quotation and attribution finding on a PolNeAR split (`train` or `dev`).
pub fn run(data: &Path, split: &str) -> Result<String, Error> {
    let docs = load_split(data, split)?;
    let (mut quoted, mut all, mut union) = (Tally::default(), Tally::default(), Tally::default());
    // Per kind of the attributions that are no statements: [predicted, matched a gold, found a
    // gold no quote found, a source given where the gold has one, that source right].
    let mut kinds: std::collections::BTreeMap<String, [usize; 5]> = Default::default();
    let mut n_docs = 0;
    // The `unattributed_claims` signal: statements it lists, and those a gold attribution with
    // a source covers (false alarms: the text names the source).
    let (mut flagged, mut flagged_gold, mut flagged_sourced) = (0usize, 0usize, 0usize);
    for (stem, text, gold) in &docs {
        let chars: Vec<char> = text.chars().collect();
        let mut doc = Document::from_text(None, text);
        // As in the pipeline: the entity stage first, so speakers resolve through its clusters.
        newsprobe_entities::annotate(&mut doc, None);
        crate::annotate(&mut doc);
        let pred = predict(&doc);
        if debug() {
            eprintln!("DOC {stem}");
        }
        let index = newsprobe_core::report::CharIndex::new(&doc.text);
        for sp in doc
            .findings
            .iter()
            .filter(|f| f.kind == "unattributed_claims")
            .flat_map(|f| f.evidence.iter())
        {
            let c = vec![(index.char_offset(sp.start), index.char_offset(sp.end))];
            flagged += 1;
            let hit = gold
                .iter()
                .filter(|g| overlap(&c, &g.content) * 10 >= len(&g.content).min(len(&c)) * 3)
                .max_by_key(|g| overlap(&c, &g.content));
            if let Some(g) = hit {
                flagged_gold += 1;
                if !g.sources.is_empty() {
                    flagged_sourced += 1;
                }
                if debug() {
                    let sentence = doc
                        .sentence_at(sp.start)
                        .and_then(|i| doc.sentences.get(i))
                        .map_or("", |s| doc.span_text(&s.span));
                    eprintln!(
                        "UNSOURCED {} gold source {:?} | {} || {}",
                        if g.sources.is_empty() { "OK" } else { "FALSE" },
                        g.source_name,
                        norm(&chars, &c),
                        sentence.replace('\n', " ")
                    );
                }
            } else if debug() {
                eprintln!("UNSOURCED NOGOLD | {}", norm(&chars, &c));
            }
        }
        let g_all: Vec<&Attr> = gold.iter().collect();
        let p_all: Vec<&Attr> = pred.iter().collect();
        all.add("statements", &chars, &g_all, &p_all);
        let extra = predict_attributions(&doc);
        let matches =
            |p: &Attr, g: &Attr| overlap(&p.content, &g.content) * 10 >= len(&g.content) * 3;
        for (a, k) in &extra {
            let e = kinds.entry(k.clone()).or_default();
            e[0] += 1;
            e[1] += usize::from(gold.iter().any(|g| matches(a, g)));
            e[2] += usize::from(
                gold.iter()
                    .any(|g| matches(a, g) && !pred.iter().any(|p| matches(p, g))),
            );
            // Its source, where it names one and the gold attribution it matches best has one.
            let best = gold
                .iter()
                .filter(|g| matches(a, g) && !g.sources.is_empty())
                .max_by_key(|g| overlap(&a.content, &g.content));
            if let (Some(g), false) = (best, a.sources.is_empty()) {
                e[3] += 1;
                let ok = overlap(&a.sources, &g.sources) > 0
                    || matches!((&a.source_name, &g.source_name), (Some(p), Some(n)) if same_name(p, n));
                e[4] += usize::from(ok);
                if debug() && !ok {
                    eprintln!(
                        "ATTRIBUTION SOURCE gold {:?} predicted {:?} | {}",
                        g.source_name,
                        norm(&chars, &a.sources),
                        norm(&chars, &a.content)
                    );
                }
            }
        }
        let p_union: Vec<&Attr> = pred.iter().chain(extra.iter().map(|(a, _)| a)).collect();
        union.add("all", &chars, &g_all, &p_union);
        let g_q: Vec<&Attr> = gold.iter().filter(|a| a.quoted).collect();
        let p_q: Vec<&Attr> = pred.iter().filter(|a| a.quoted).collect();
        quoted.add("quoted", &chars, &g_q, &p_q);
        n_docs += 1;
    }
    if n_docs == 0 {
        return Err(Error::Data(format!(
            "no annotated texts in {}",
            data.join(split).display()
        )));
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mut by_kind = String::new();
    let mut total = [0usize; 5];
    for (k, c) in &kinds {
        let [n, ok, new, given, right] = *c;
        for (t, x) in total.iter_mut().zip(c) {
            *t += x;
        }
        by_kind.push_str(&format!(
            "  {k:<11} P {:.3} ({ok}/{n}), golds only it found {new}, source right {:.3} ({right}/{given})\n",
            share(ok, n),
            share(right, given)
        ));
    }
    let [n, ok, new, given, right] = total;
    by_kind.push_str(&format!(
        "  {:<11} P {:.3} ({ok}/{n}), golds only it found {new}, source right {:.3} ({right}/{given})\n",
        "(all kinds)",
        share(ok, n),
        share(right, given)
    ));
    Ok(format!(
        "PolNeAR {split}: {n_docs} texts (first annotator), content overlap >= 30% of gold\n{}\n{}\n\
         (all attributions = quotes and the report's `attributions`, beliefs, intentions, acts ...; \
         statements = quotes only, as before session 24)\n\
         attributions by kind (precision; gold attributions matched by it and by no quote; its source \
         where it gives one and the matched gold has one):\n{by_kind}{}\n\
         speakers shown (statements, a suggestion not shown): precision {:.3} ({}/{}), coverage {:.3} ({}/{})\n\
         unattributed_claims: {flagged} listed, {flagged_gold} are gold attributions, \
         {flagged_sourced} of them with a gold source (false alarms {:.3} of listed, {:.3} of matched)",
        quoted.line("quoted speech"),
        union.line("all attributions"),
        all.line("statements"),
        share(all.shown_ok, all.shown),
        all.shown_ok,
        all.shown,
        share(all.shown, all.with_source),
        all.shown,
        all.with_source,
        share(flagged_sourced, flagged),
        share(flagged_sourced, flagged_gold)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_and_scores_a_document() {
        let text = "“We will win,” Smith said. Prices rose, the ministry said.";
        let chars: Vec<char> = text.chars().collect();
        let ann = "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 20\tSmith\nT3\tCue 21 25\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2\n";
        let gold = parse_ann(ann, &chars).expect("parses");
        assert_eq!(gold.len(), 1);
        assert!(gold[0].quoted);
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc);
        let pred = predict(&doc);
        let mut t = Tally::default();
        t.add(
            "quoted",
            &chars,
            &gold.iter().collect::<Vec<_>>(),
            &pred.iter().filter(|a| a.quoted).collect::<Vec<_>>(),
        );
        assert_eq!(t.gold_found, 1);
        assert_eq!(t.speaker_ok, 1);
        assert_eq!(t.exact, 1);
    }

    #[test]
    fn a_full_name_matches_a_gold_surname() {
        assert!(same_name("Elizabeth Warren", "Warren"));
        assert!(same_name("Warren", "Warren"));
        assert!(!same_name("Elizabeth Warren", "Warren Buffett"));
        assert!(!same_name("Elizabeth Warren", "She"));
        assert!(!same_name("Warren", "Elizabeth Warren"));
    }

    #[test]
    fn missing_data_is_a_clear_error() {
        let e = run(Path::new("/nonexistent/polnear"), "dev").unwrap_err();
        assert!(e.to_string().contains("PolNeAR"));
    }
}

#[cfg(test)]
mod polnear {
    /// The figures on the real data (slow in debug builds):
    /// `cargo test -p newsprobe-quotes --release polnear -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn polnear_figures() {
        let data = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/eval/quotes/polnear"
        );
        assert!(
            std::path::Path::new(data).is_dir(),
            "PolNeAR is missing at {data}"
        );
        let split = std::env::var("NEWSPROBE_EVAL_SPLIT").unwrap_or_else(|_| "dev".into());
        let out = super::run(std::path::Path::new(data), &split).expect("eval runs");
        println!("{out}");
    }
}
