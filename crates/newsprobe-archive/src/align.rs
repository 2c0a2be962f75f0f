//! What does one article say, at the level trace aligns on? Its quotations (from the report, or
//! found between quote marks when the report has none), who each is attributed to, the people
//! it names with their descriptors ("Finland's Interior Minister Anna Berg"), its sentences and
//! its word trigrams. All offsets here are bytes into the report's text or title.

use std::collections::{HashMap, HashSet};

use newsprobe_core::report::{CharIndex, ReportSpan};
use newsprobe_core::{Field, QuoteKind, Report, SourceType};

use crate::cues;
use crate::minhash::hash_bytes;
use crate::words::{is_stop, words, Word};

/// A quotation of the article.
#[derive(Debug, Clone)]
pub struct QuoteUnit {
    pub start: usize,
    pub end: usize,
    /// Lower-cased words of the content.
    pub words: Vec<String>,
    pub speaker: Option<Speaker>,
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Surname (last word of the name, lower-cased), or "anonymous".
    pub key: String,
    pub start: usize,
    pub end: usize,
}

/// A person named with a descriptor.
#[derive(Debug, Clone)]
pub struct Described {
    /// Surname, lower-cased.
    pub key: String,
    /// The descriptor's byte span and its normalised words.
    pub start: usize,
    pub end: usize,
    pub norm: String,
}

/// One article prepared for alignment.
pub struct Prepared<'a> {
    pub report: &'a Report,
    pub text: &'a str,
    pub title: &'a str,
    pub words: Vec<Word>,
    pub title_words: Vec<Word>,
    pub trigrams: HashSet<u64>,
    pub sentences: Vec<(usize, usize)>,
    pub quotes: Vec<QuoteUnit>,
    pub names: HashSet<String>,
    pub described: Vec<Described>,
    char_text: CharIndex<'a>,
    char_title: CharIndex<'a>,
}

/// Hashes of the word trigrams of `ws` (a shorter run is one gram).
pub fn trigrams<S: AsRef<str>>(ws: &[S]) -> Vec<u64> {
    if ws.is_empty() {
        return Vec::new();
    }
    let n = if ws.len() < 3 { 1 } else { ws.len() - 2 };
    (0..n)
        .map(|i| {
            let mut s = String::new();
            for w in ws.iter().skip(i).take(3) {
                s.push_str(w.as_ref());
                s.push(' ');
            }
            hash_bytes(s.as_bytes())
        })
        .collect()
}

/// Share of `ws`'s trigrams present in `set`.
pub fn containment<S: AsRef<str>>(ws: &[S], set: &HashSet<u64>) -> f64 {
    let g = trigrams(ws);
    if g.is_empty() {
        return 0.0;
    }
    g.iter().filter(|h| set.contains(h)).count() as f64 / g.len() as f64
}

/// Length of the longest common subsequence of two word sequences.
pub fn lcs<S: AsRef<str>, T: AsRef<str>>(a: &[S], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x.as_ref() == y.as_ref() {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Longest quotation kept (bytes): an unclosed mark must not swallow the article.
const MAX_QUOTE: usize = 2_000;

/// Quote-mark spans of `text`: the content between “ and ”, « and », ‘ and ’, or a pair of `"`.
/// A quotation may run over a paragraph break; a new paragraph that opens with a mark restarts.
fn quote_mark_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |x| x.1);
        // ‘ opens only after a space or punctuation; ’ closes only before a non-letter (else it
        // is an apostrophe: "It’s", "alliance’s").
        let opens = match c {
            '“' | '«' | '"' | '„' => true,
            '‘' => !prev.is_alphanumeric(),
            _ => false,
        };
        match open {
            Some((s, o)) => {
                let closes = match c {
                    '”' => o == '“' || o == '„',
                    '»' => o == '«',
                    '"' => o == '"',
                    '“' => o == '„',
                    '’' => o == '‘' && !next.is_alphanumeric(),
                    _ => false,
                };
                if closes {
                    if i - s <= MAX_QUOTE {
                        out.push((s, i));
                    }
                    open = None;
                } else if c == '\n' {
                    // Paragraph break (one line a paragraph, as wire copy often is): restart
                    // when the next paragraph opens with a mark, as a quotation running on
                    // over paragraphs does.
                    let rest = text[i..].trim_start();
                    if rest.starts_with(['“', '«', '„', '‘', '"']) || i - s > MAX_QUOTE {
                        open = None;
                    }
                }
            }
            None if opens => open = Some((i + c.len_utf8(), c)),
            None => {}
        }
        prev = c;
    }
    out
}

/// Whether the period at byte `i` closes an abbreviation ("U.S.", "a.m.", "Mr.", "Gen.") or a
/// sentence goes on after it in lower case or with a number: no sentence ends there.
fn abbreviation_before(t: &str, i: usize) -> bool {
    let before = &t[..i];
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let after = t[i + 1..].trim_start_matches(' ');
    if after.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
        return true;
    }
    let w = word.to_lowercase();
    (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        || w.contains('.')
        || matches!(
            w.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "gen"
                | "jr"
                | "sr"
                | "no"
                | "vs"
                | "lt"
                | "col"
                | "sgt"
                | "gov"
                | "sen"
                | "rep"
                | "inc"
                | "corp"
                | "co"
                | "capt"
                | "adm"
                | "prof"
        )
}

/// Maximal runs of capitalised words separated by single spaces: `(first, last)` word indices.
fn capital_runs(text: &str, ws: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].capitalized {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ws.len() && ws[j + 1].capitalized && &text[ws[j].end..ws[j + 1].start] == " "
        {
            j += 1;
        }
        out.push((i, j));
        i = j + 1;
    }
    out
}

fn sentence_start_at(text: &str, ws: &[Word], k: usize) -> bool {
    k == 0 || text[ws[k - 1].end..ws[k].start].contains(['.', '!', '?', '\n', '“', '"', ':'])
}

fn surname(w: &Word) -> String {
    w.norm.trim_end_matches("'s").to_string()
}

/// Whether word `k` could be part of a person's name.
fn name_like(text: &str, ws: &[Word], k: usize) -> bool {
    let w = &ws[k];
    w.capitalized
        && !cues::is_role_word(&w.norm)
        && !w.norm.ends_with("'s")
        && (!sentence_start_at(text, ws, k) || !is_stop(&w.norm))
        && w.norm.chars().count() > 1
}

impl<'a> Prepared<'a> {
    pub fn new(report: &'a Report) -> Prepared<'a> {
        let text = report.text.as_str();
        let title = report.metadata.title.as_deref().unwrap_or("");
        let ws = words(text);
        let norms: Vec<&str> = ws.iter().map(|w| w.norm.as_str()).collect();
        let trigrams: HashSet<u64> = trigrams(&norms).into_iter().collect();
        let char_text = CharIndex::new(text);
        let char_title = CharIndex::new(title);
        let mut p = Prepared {
            report,
            text,
            title,
            title_words: words(title),
            words: ws,
            trigrams,
            sentences: Vec::new(),
            quotes: Vec::new(),
            names: HashSet::new(),
            described: Vec::new(),
            char_text,
            char_title,
        };
        p.sentences = p.find_sentences();
        p.find_names();
        p.find_quotes();
        p
    }

    /// Byte span of a report span of the text.
    fn bytes(&self, s: &ReportSpan) -> (usize, usize) {
        let ci = match s.field {
            Field::Text => &self.char_text,
            Field::Title => &self.char_title,
        };
        (ci.byte_offset(s.start), ci.byte_offset(s.end))
    }

    /// A report span (code points) of a byte span of the text.
    pub fn span(&self, start: usize, end: usize) -> ReportSpan {
        self.char_text.report_span(start, end, Field::Text)
    }

    /// A report span (code points) of a byte span of the title.
    pub fn title_span(&self, start: usize, end: usize) -> ReportSpan {
        self.char_title.report_span(start, end, Field::Title)
    }

    fn find_sentences(&self) -> Vec<(usize, usize)> {
        if !self.report.sentences.is_empty() {
            return self
                .report
                .sentences
                .iter()
                .map(|s| {
                    (
                        self.char_text.byte_offset(s.start),
                        self.char_text.byte_offset(s.end),
                    )
                })
                .collect();
        }
        let mut out = Vec::new();
        let mut start = 0;
        let t = self.text;
        let b = t.as_bytes();
        for (i, c) in t.char_indices() {
            if i < start {
                continue;
            }
            let end_at = match c {
                '\n' => Some(i + 1),
                '.' | '!' | '?' => {
                    // Closing quotes and brackets stay with the sentence they close
                    // (`…the question?" He gave…`).
                    let closing = t[i + 1..]
                        .chars()
                        .take_while(|c| matches!(c, '"' | '”' | '’' | ')' | '\''))
                        .map(char::len_utf8)
                        .sum::<usize>();
                    let e = i + 1 + closing;
                    (matches!(b.get(e), None | Some(b' ') | Some(b'\n'))
                        && (c != '.' || !abbreviation_before(t, i)))
                    .then_some(e)
                }
                _ => None,
            };
            if let Some(e) = end_at {
                if t[start..e].trim().len() > 1 {
                    out.push((start, e));
                }
                start = e;
            }
        }
        if t[start..].trim().len() > 1 {
            out.push((start, t.len()));
        }
        out
    }

    /// The words of a byte range.
    pub fn words_in(&self, start: usize, end: usize) -> &[Word] {
        let a = self.words.partition_point(|w| w.start < start);
        let b = self.words.partition_point(|w| w.end <= end);
        self.words.get(a..b.max(a)).unwrap_or(&[])
    }

    fn find_names(&mut self) {
        let runs = capital_runs(self.text, &self.words);
        for (first, last) in runs {
            // The name: the trailing name-like words of the run (at most 3).
            let mut name_first = last + 1;
            while name_first > first
                && last + 1 - name_first < 2
                && name_like(self.text, &self.words, name_first - 1)
            {
                name_first -= 1;
            }
            // A third name word when a role word stands right before it ("Admiral Giuseppe
            // Cavo Dragone"), not a place ("Ambassador to Belgium Denis Gonchar").
            if name_first > first
                && last + 1 - name_first == 2
                && name_like(self.text, &self.words, name_first - 1)
                && name_first >= 2
                && cues::is_role_word(&self.words[name_first - 2].norm)
            {
                name_first -= 1;
            }
            if name_first > last {
                continue;
            }
            // A lone capitalised word opening a sentence ("Speaking", "Nobody") is a name only
            // when it is capitalised elsewhere too.
            if first == last && sentence_start_at(self.text, &self.words, first) {
                let norm = &self.words[first].norm;
                let elsewhere = self.words.iter().enumerate().any(|(k, w)| {
                    k != first
                        && &w.norm == norm
                        && w.capitalized
                        && !sentence_start_at(self.text, &self.words, k)
                });
                if !elsewhere {
                    continue;
                }
            }
            for k in name_first..=last {
                self.names.insert(surname(&self.words[k]));
            }
            let key = surname(&self.words[last]);
            // The descriptor: the run's words before the name, and lower-case role words before
            // the run ("Finland's interior minister Anna Berg").
            let mut d_first = name_first;
            let mut has_role = false;
            let mut loose = 0;
            while d_first > 0 && name_first - d_first < 6 {
                let k = d_first - 1;
                let w = &self.words[k];
                let gap = &self.text[w.end..self.words[k + 1].start];
                // "the Swedish interior minister, Anna Berg": a comma right before the name.
                let comma_before_name =
                    gap == ", " && d_first == name_first && cues::is_role_word(&w.norm);
                if gap != " " && !comma_before_name {
                    break;
                }
                // "Ambassador to Belgium", "Minister of Defence": a linking word after a role.
                let linking = matches!(w.norm.as_str(), "of" | "to" | "for")
                    && d_first < name_first
                    && k > 0
                    && (cues::is_role_word(&self.words[k - 1].norm)
                        || self.words[k - 1].capitalized);
                if linking {
                    d_first = k;
                    continue;
                }
                if is_stop(&w.norm) {
                    break;
                }
                let role = cues::is_role_word(&w.norm);
                if k >= first || role || w.capitalized {
                    has_role |= role;
                    d_first = k;
                } else if has_role
                    && loose < 2
                    && w.norm.chars().all(|c| c.is_alphabetic() || c == '-')
                {
                    // A modifier of a role word ("shipping magnate").
                    loose += 1;
                    d_first = k;
                } else {
                    break;
                }
            }
            if d_first < name_first && name_first - d_first <= 6 {
                let ws = &self.words[d_first..name_first];
                let has_role = ws
                    .iter()
                    .any(|w| cues::is_role_word(&w.norm) || w.norm.ends_with("'s"));
                if has_role || ws.iter().all(|w| w.capitalized) {
                    self.described.push(Described {
                        key: key.clone(),
                        start: ws[0].start,
                        end: ws[ws.len() - 1].end,
                        norm: ws
                            .iter()
                            .map(|w| w.norm.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    });
                }
            }
        }
        self.find_appositives();
        // Descriptors the entity stage found.
        for e in &self.report.entities {
            let Some(key) = words(&e.name).last().map(surname) else {
                continue;
            };
            self.names.insert(key.clone());
            // Only descriptors next to a mention that names the entity ("Minister Anna Berg",
            // "Anna Berg, the minister"): a descriptor taken from "the official" is a guess.
            let named: Vec<(usize, usize)> = e
                .mentions
                .iter()
                .filter(|m| m.field == Field::Text)
                .map(|m| self.bytes(m))
                .filter(|&(a, b)| {
                    let ws = self.words_in(a, b);
                    ws.iter().any(name_like_word)
                })
                .collect();
            for d in &e.descriptors {
                if d.span.field != Field::Text {
                    continue;
                }
                let (s, t) = self.bytes(&d.span);
                let near = named.iter().any(|&(a, b)| {
                    (s >= a && t <= b)
                        || self
                            .text
                            .get(t..a)
                            .is_some_and(|g| g.trim().is_empty() && g.len() <= 2)
                        || self
                            .text
                            .get(b..s)
                            .is_some_and(|g| g.trim() == "," || g.trim() == ", the")
                });
                if !near {
                    continue;
                }
                let norm = words(&d.span.text)
                    .iter()
                    .map(|w| w.norm.clone())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !norm.is_empty() && !self.described.iter().any(|x| x.start == s) {
                    self.described.push(Described {
                        key: key.clone(),
                        start: s,
                        end: t,
                        norm,
                    });
                }
            }
        }
    }

    /// Appositive descriptors: "Anna Berg, Finland's interior minister, said".
    fn find_appositives(&mut self) {
        let t = self.text;
        let n = self.words.len();
        let mut found = Vec::new();
        for k in 1..n {
            // A two-word name followed by ", ".
            if !(name_like(t, &self.words, k) && name_like(t, &self.words, k - 1)) {
                continue;
            }
            if &t[self.words[k - 1].end..self.words[k].start] != " " {
                continue;
            }
            let after = &t[self.words[k].end..];
            if !after.starts_with(", ") || k + 1 >= n {
                continue;
            }
            // The descriptor runs to the next comma or sentence end, at most 6 words.
            let start_w = k + 1;
            let mut end_w = start_w;
            while end_w < n && end_w - start_w < 6 {
                let gap = if end_w == start_w {
                    " "
                } else {
                    &t[self.words[end_w - 1].end..self.words[end_w].start]
                };
                if gap != " " {
                    break;
                }
                end_w += 1;
            }
            let mut ws = &self.words[start_w..end_w];
            let closes = t
                .get(ws.last().map_or(0, |w| w.end)..)
                .is_some_and(|r| r.starts_with([',', '.', ';']));
            while let Some((first, rest)) = ws.split_first() {
                if matches!(first.norm.as_str(), "the" | "a" | "an") {
                    ws = rest;
                } else {
                    break;
                }
            }
            // "a senior U.S. naval officer with direct access": stop at the first function word.
            let cut = ws
                .iter()
                .position(|w| {
                    is_stop(&w.norm) && !matches!(w.norm.as_str(), "of" | "the" | "to" | "for")
                })
                .unwrap_or(ws.len());
            let closes = closes || cut < ws.len();
            let ws = &ws[..cut];
            let has_role = ws.iter().any(|w| cues::is_role_word(&w.norm));
            if closes && !ws.is_empty() && has_role {
                found.push(Described {
                    key: surname(&self.words[k]),
                    start: ws[0].start,
                    end: ws[ws.len() - 1].end,
                    norm: ws
                        .iter()
                        .map(|w| w.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                });
            }
        }
        self.described.extend(found);
    }

    /// The speaker of the quotation `[qs, qe)` found from the text around it.
    fn speaker_near(&self, qs: usize, qe: usize) -> Option<Speaker> {
        let t = self.text;
        // After the closing mark, up to the end of the sentence.
        // (A title's period, "Mr. Sznewajs said", ends nothing.)
        let after_end = t[qe..]
            .match_indices(['.', '\n', '!', '?', '“'])
            .map(|(i, _)| qe + i)
            .find(|&i| t.as_bytes()[i] != b'.' || !abbreviation_before(t, i))
            .unwrap_or(t.len());
        let after = self.words_in(qe, after_end);
        let before_start = t[..qs]
            .rfind(['.', '\n', '!', '?', '”'])
            .map_or(0, |i| i + 1);
        let before = self.words_in(before_start, qs);
        let find_in = |ws: &[Word], last: bool| -> Option<Speaker> {
            let anon = cues::anonymous(ws);
            if let Some(h) = anon.first() {
                return Some(Speaker {
                    key: "anonymous".into(),
                    start: ws[h.first].start,
                    end: ws[h.last].end,
                });
            }
            // The name right beside the speech verb ("…," Colts coach Tony Dungy said / said
            // Dr. Alsip, …): the run of capitalised words touching it.
            let joined = |a: usize, b: usize| {
                let gap = &t[ws[a].end..ws[b].start];
                gap == " " || (gap == ". " && ws[a].norm.chars().count() <= 3)
            };
            let name_word = |k: usize| ws[k].capitalized && !is_stop(&ws[k].norm);
            if let Some(v) = ws
                .iter()
                .position(|w| SPEECH_VERBS.contains(&w.norm.as_str()))
            {
                let run = if v > 0 && name_word(v - 1) && joined(v - 1, v) {
                    let mut a = v - 1;
                    while a > 0 && name_word(a - 1) && joined(a - 1, a) && a + 3 > v - 1 {
                        a -= 1;
                    }
                    Some((a, v - 1))
                } else if v + 1 < ws.len() && name_word(v + 1) && joined(v, v + 1) {
                    let mut e = v + 1;
                    while e + 1 < ws.len() && name_word(e + 1) && joined(e, e + 1) && e < v + 4 {
                        e += 1;
                    }
                    Some((v + 1, e))
                } else {
                    None
                };
                if let Some((a, e)) = run {
                    return Some(Speaker {
                        key: surname(&ws[e]),
                        start: ws[a].start,
                        end: ws[e].end,
                    });
                }
            }
            let idx: Vec<usize> = (0..ws.len()).collect();
            let order: Box<dyn Iterator<Item = &usize>> = if last {
                Box::new(idx.iter().rev())
            } else {
                Box::new(idx.iter())
            };
            for &k in order {
                let w = &ws[k];
                if w.capitalized
                    && !cues::is_role_word(&w.norm)
                    && !is_stop(&w.norm)
                    && !w.norm.ends_with("'s")
                {
                    // Extend to the whole name (following capitalised words).
                    let mut e = k;
                    while e + 1 < ws.len()
                        && ws[e + 1].capitalized
                        && &t[ws[e].end..ws[e + 1].start] == " "
                    {
                        e += 1;
                    }
                    let mut s = e;
                    while s > 0
                        && s > k.saturating_sub(2)
                        && name_like_word(&ws[s - 1])
                        && &t[ws[s - 1].end..ws[s].start] == " "
                    {
                        s -= 1;
                    }
                    return Some(Speaker {
                        key: surname(&ws[e]),
                        start: ws[s].start,
                        end: ws[e].end,
                    });
                }
                if matches!(w.norm.as_str(), "he" | "she") {
                    return self.previous_person(w.start).map(|key| Speaker {
                        key,
                        start: w.start,
                        end: w.end,
                    });
                }
            }
            None
        };
        // The words after the closing mark name the speaker only when they continue the
        // sentence ("…,” Berg said.) rather than start a new one.
        let content = t.get(qs..qe).unwrap_or("").trim_end();
        let continues = content.ends_with([',', '—', '-'])
            || after.first().is_some_and(|w| !w.capitalized)
            || after
                .iter()
                .any(|w| SPEECH_VERBS.contains(&w.norm.as_str()));
        let from_after = if continues {
            find_in(after, false)
        } else {
            None
        };
        from_after.or_else(|| find_in(before, true))
    }

    /// The most recent person named (a run of two name-like words) before `pos`.
    fn previous_person(&self, pos: usize) -> Option<String> {
        let end = self.words.partition_point(|w| w.start < pos);
        for k in (1..end).rev() {
            if name_like(self.text, &self.words, k)
                && name_like(self.text, &self.words, k - 1)
                && &self.text[self.words[k - 1].end..self.words[k].start] == " "
            {
                return Some(surname(&self.words[k]));
            }
        }
        None
    }

    fn find_quotes(&mut self) {
        let mut quotes = Vec::new();
        for q in &self.report.quotes {
            if q.kind == QuoteKind::Reported || q.span.field != Field::Text {
                continue;
            }
            let (s, e) = self.bytes(&q.span);
            let speaker = match (&q.source.name, &q.source.mention) {
                (Some(name), mention) => {
                    let key = if q.source.kind == SourceType::Anonymous {
                        "anonymous".to_string()
                    } else {
                        words(name).last().map(surname).unwrap_or_default()
                    };
                    let (ms, me) = mention
                        .as_ref()
                        .filter(|m| m.field == Field::Text)
                        .map_or((s, s), |m| self.bytes(m));
                    (!key.is_empty()).then_some(Speaker {
                        key,
                        start: ms,
                        end: me,
                    })
                }
                _ => None,
            };
            quotes.push((s, e, speaker));
        }
        for (s, e) in quote_mark_spans(self.text) {
            if quotes.iter().any(|(qs, qe, _)| *qs < e && s < *qe) {
                continue;
            }
            quotes.push((s, e, None));
        }
        quotes.sort_by_key(|q| q.0);
        for (s, e, speaker) in quotes {
            let ws: Vec<String> = self.words_in(s, e).iter().map(|w| w.norm.clone()).collect();
            if ws.len() < 2 {
                continue;
            }
            // Trim white space inside the marks.
            let Some(raw) = self.text.get(s..e) else {
                continue;
            };
            let s2 = s + (raw.len() - raw.trim_start().len());
            let e2 = e - (raw.len() - raw.trim_end().len());
            let speaker = speaker.or_else(|| self.speaker_near(s, e));
            self.quotes.push(QuoteUnit {
                start: s2,
                end: e2.max(s2),
                words: ws,
                speaker,
            });
        }
    }

    /// Content words and their counts (for cosine).
    pub fn content_counts(&self) -> HashMap<&str, f64> {
        let mut m = HashMap::new();
        for w in self.words.iter().chain(&self.title_words) {
            if !is_stop(&w.norm) && w.norm.len() > 2 {
                *m.entry(w.norm.as_str()).or_insert(0.0) += 1.0;
            }
        }
        m
    }
}

/// Verbs that attribute speech.
const SPEECH_VERBS: &[&str] = &[
    "emphasized",
    "emphasised",
    "stressed",
    "asserted",
    "said",
    "says",
    "asked",
    "added",
    "told",
    "wrote",
    "warned",
    "stated",
    "insisted",
    "replied",
    "declared",
    "explained",
    "noted",
    "claimed",
    "argued",
    "announced",
    "according",
];

fn name_like_word(w: &Word) -> bool {
    w.capitalized && !cues::is_role_word(&w.norm) && !is_stop(&w.norm) && !w.norm.ends_with("'s")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plain_report;

    #[test]
    fn quotes_speakers_and_descriptors_from_text() {
        let text =
            "Finland's Interior Minister Anna Berg spoke at a press conference in Helsinki.\n\
                    “We will close the border crossings for two weeks,” Berg said.\n\
                    Police chief Mikko Salo added: \"The decision is temporary.\"\n\
                    “It is a precaution,” she said.";
        let r = plain_report("x", None, None, Some("Border closed"), text);
        let p = Prepared::new(&r);
        assert_eq!(p.quotes.len(), 3);
        assert_eq!(
            &text[p.quotes[0].start..p.quotes[0].end],
            "We will close the border crossings for two weeks,"
        );
        let keys: Vec<Option<&str>> = p
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.key.as_str()))
            .collect();
        assert_eq!(keys, [Some("berg"), Some("salo"), Some("salo")]);
        let d: Vec<(&str, &str)> = p
            .described
            .iter()
            .map(|d| (d.key.as_str(), &text[d.start..d.end]))
            .collect();
        assert_eq!(
            d,
            [
                ("berg", "Finland's Interior Minister"),
                ("salo", "Police chief")
            ]
        );
        assert!(p.names.contains("helsinki"));
    }

    #[test]
    fn appositive_and_comma_descriptors() {
        let text = "Lena Okafor, Nigeria's foreign minister, said the talks went well. \
                    Later the Swedish interior minister, Anna Berg, arrived.";
        let r = plain_report("x", None, None, None, text);
        let p = Prepared::new(&r);
        let d: Vec<(&str, &str)> = p
            .described
            .iter()
            .map(|d| (d.key.as_str(), &text[d.start..d.end]))
            .collect();
        assert!(
            d.contains(&("okafor", "Nigeria's foreign minister")),
            "{d:?}"
        );
        assert!(d.contains(&("berg", "Swedish interior minister")), "{d:?}");
    }

    #[test]
    fn single_curly_quotes_and_apostrophes() {
        let text = "Speaking at the summit, Gonchar said: ‘It’s about protecting our allies’ \
                    borders.’ The alliance’s reply was swift.\n\n‘We will answer,’ an aide said.";
        let spans: Vec<&str> = quote_mark_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            spans,
            ["It’s about protecting our allies", "We will answer,"]
        );
    }

    #[test]
    fn lcs_and_containment() {
        assert_eq!(lcs(&["a", "b", "c", "d"], &["a", "c", "d", "e"]), 3);
        let set: HashSet<u64> = trigrams(&["the", "port", "was", "sold"])
            .into_iter()
            .collect();
        assert_eq!(containment(&["the", "port", "was"], &set), 1.0);
        assert_eq!(containment::<&str>(&[], &set), 0.0);
    }
}
