//! Which framing phrases occur in a run of tokens?
//!
//! The lexicons (`lexicons/*.txt`, embedded) are compiled once into one Aho-Corasick automaton
//! over *token keys*: each token lower-cased, apostrophes and dashes folded, and cut to a
//! lemma-like stem by a few suffix rules ([`stem`]), so "startle", "startles", "startled" and
//! "startling" share the key `startl`. A field's tokens are written once into one buffer,
//! `" key0 key1 key2 "`; a phrase is the pattern `" k1 k2 "`, so it only matches whole tokens
//! and never across punctuation (punctuation tokens are keys too). One automaton pass per field.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use newsprobe_core::lexicon::normalize;
use newsprobe_core::segment::tokenize;
use newsprobe_core::{Field, Token, TokenKind};

/// Framing categories of the contract, plus headline-only clickbait constructions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Loaded,
    Hyperbole,
    Fear,
    Secrecy,
    Exclusivity,
    Hedge,
    Weasel,
    /// Clickbait constructions ("you won't believe"): headline markers only, never a body span.
    Clickbait,
    /// Word classes the rules build on (never framing spans themselves): modal verbs…
    Modal,
    /// …vague quantifiers ("some", "many")…
    Quantifier,
    /// …group nouns that stand for unnamed sources ("officials", "experts")…
    GroupNoun,
    /// …verbs that present a statement as a claim ("described", "claimed")…
    Reporting,
    /// …and anonymity cues ("anonymity", "declined to be named").
    Anonymity,
}

impl Category {
    /// The categories that produce framing spans, in report order.
    pub const FRAMING: [Category; 7] = [
        Category::Loaded,
        Category::Hyperbole,
        Category::Fear,
        Category::Secrecy,
        Category::Exclusivity,
        Category::Hedge,
        Category::Weasel,
    ];

    /// The name used in the report (`framing.spans[].category`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Loaded => "loaded",
            Category::Hyperbole => "hyperbole",
            Category::Fear => "fear",
            Category::Secrecy => "secrecy",
            Category::Exclusivity => "exclusivity",
            Category::Hedge => "hedge",
            Category::Weasel => "weasel",
            Category::Clickbait => "clickbait",
            Category::Modal => "modal",
            Category::Quantifier => "quantifier",
            Category::GroupNoun => "group-noun",
            Category::Reporting => "reporting",
            Category::Anonymity => "anonymity",
        }
    }

    /// Whether cues of this category are framing spans of the report.
    pub fn is_framing(self) -> bool {
        Category::FRAMING.contains(&self)
    }

    /// Whether a preceding negation ("not startling") cancels the cue. Hedges and weasel words
    /// stay hedges when negated ("not likely").
    pub fn negatable(self) -> bool {
        matches!(
            self,
            Category::Loaded
                | Category::Hyperbole
                | Category::Fear
                | Category::Secrecy
                | Category::Exclusivity
        )
    }

    /// Claims of hidden or exclusive knowledge (secrecy, exclusivity): inside a quotation or
    /// reported speech they are the speaker's charge ("accused his deputy of leaking cabinet
    /// secrets"), not the outlet's framing, so no span. Emotive words and hedges stay there,
    /// marked `in_quote`.
    pub fn speaker_bound(self) -> bool {
        matches!(self, Category::Secrecy | Category::Exclusivity)
    }

    /// Emotive categories: the outlet's voice is *sensational* when these are dense.
    pub fn is_sensational(self) -> bool {
        matches!(
            self,
            Category::Loaded | Category::Hyperbole | Category::Fear
        )
    }
}

/// The word classes of the rules, in the lexicon format.
const WORD_CLASSES: [(Category, &str); 5] = [
    (Category::Modal, "=might\n=may\n=could"),
    (
        Category::Quantifier,
        "=some\n=many\n=several\n=various\n=certain\n=numerous\n=unnamed\n=unidentified",
    ),
    (
        Category::GroupNoun,
        "officials\nexperts\nanalysts\ncritics\nobservers\nsources\nscholars\ndiplomats\n\
         insiders\ncommentators\nlawmakers\npoliticians\nvoices\nreports\nscientists\n\
         economists\nresearchers\npundits\nauthorities",
    ),
    (
        Category::Reporting,
        "describe\nclaim\nallege\nsuggest\nassert\nspeculate\n=told\nsay\n=said\n\
         according to\nscenario\nhypothetical\nrumor\nrumour",
    ),
    (
        Category::Anonymity,
        "anonymity\nanonymous\nanonymously\nunnamed\nunidentified\ndeclined to be named\n\
         asked not to be named\nnot to be named\nnot want to be named\n\
         not authorized to speak\nnot authorised to speak",
    ),
];

const LEXICON_FILES: [(Category, &str); 8] = [
    (Category::Loaded, include_str!("../lexicons/loaded.txt")),
    (
        Category::Hyperbole,
        include_str!("../lexicons/hyperbole.txt"),
    ),
    (Category::Fear, include_str!("../lexicons/fear.txt")),
    (Category::Secrecy, include_str!("../lexicons/secrecy.txt")),
    (
        Category::Exclusivity,
        include_str!("../lexicons/exclusivity.txt"),
    ),
    (Category::Hedge, include_str!("../lexicons/hedge.txt")),
    (Category::Weasel, include_str!("../lexicons/weasel.txt")),
    (
        Category::Clickbait,
        include_str!("../lexicons/headline.txt"),
    ),
];

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub category: Category,
    /// The phrase as written in the lexicon file (without the `=` of exact entries).
    pub phrase: String,
    /// For exact entries (`=posturing`): the normalised words the text must have as written,
    /// where the stem would be too broad ("posturing" is loaded, "posture" is not).
    pub exact: Option<Vec<String>>,
    /// The normalised words of the phrase as written: a text word matches one only when it is
    /// an inflection of it ([`is_form_of`]), not merely when their stems meet.
    pub words: Vec<String>,
    /// Headline-only entries (`^reveals`): a headline verb of revelation is a marker that pulls
    /// the reader in, while the same word in the body only reports what someone did.
    pub title_only: bool,
}

/// A lexicon phrase found in a field: tokens `first..last` (inclusive) of that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub entry: usize,
    pub first: usize,
    pub last: usize,
}

/// The compiled lexicons.
#[derive(Debug)]
pub struct Lexicon {
    automaton: Option<AhoCorasick>,
    entries: Vec<Entry>,
    /// Automaton pattern id -> the entries with that key sequence (several only when exact
    /// entries share it).
    pattern_entries: Vec<Vec<usize>>,
}

/// The bundled lexicons, compiled on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::bundled);

impl Lexicon {
    /// The lexicons committed in `lexicons/`.
    pub fn bundled() -> Self {
        Lexicon::from_lists(LEXICON_FILES.iter().chain(WORD_CLASSES.iter()).copied())
    }

    /// Compiles word lists (one phrase per line, `#` comments, `=` for exact entries) of the
    /// given categories. Among inexact entries of one category with the same key sequence the
    /// first wins; entries of different categories may share one.
    pub fn from_lists<'a>(lists: impl IntoIterator<Item = (Category, &'a str)>) -> Self {
        let mut entries = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<usize>> = Vec::new();
        let mut pattern_index: HashMap<String, usize> = HashMap::new();
        // (Pattern, category) pairs that an inexact entry already covers.
        let mut covered: HashSet<(String, Category)> = HashSet::new();
        for (category, text) in lists {
            for line in text.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (line, title_only) = match line.strip_prefix('^') {
                    Some(rest) => (rest.trim(), true),
                    None => (line, false),
                };
                let (line, exact) = match line.strip_prefix('=') {
                    Some(rest) => (rest.trim(), true),
                    None => (line, false),
                };
                let tokens = tokenize(line, Field::Text);
                let keys = TokenKeys::build(line, &tokens);
                if keys.is_empty() {
                    continue;
                }
                let words: Vec<String> = tokens
                    .iter()
                    .map(|t| normalize(t.span.slice(line)))
                    .collect();
                let exact = exact.then(|| words.clone());
                let pattern = keys.buf.clone();
                if covered.contains(&(pattern.clone(), category)) {
                    continue;
                }
                if exact.is_none() && !title_only {
                    covered.insert((pattern.clone(), category));
                }
                let index = match pattern_index.get(&pattern) {
                    Some(&i) => i,
                    None => {
                        pattern_index.insert(pattern.clone(), patterns.len());
                        patterns.push(pattern);
                        pattern_entries.push(Vec::new());
                        patterns.len() - 1
                    }
                };
                if let Some(list) = pattern_entries.get_mut(index) {
                    list.push(entries.len());
                }
                entries.push(Entry {
                    category,
                    phrase: line.to_string(),
                    exact,
                    words,
                    title_only,
                });
            }
        }
        // A DFA: one table look-up a byte of the keyed text. With this many patterns the
        // builder's own choice is the contiguous NFA, whose sparse states cost a scan of their
        // transitions at most bytes; the DFA finds the same matches for a few MB more memory.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Lexicon {
            automaton,
            entries,
            pattern_entries,
        }
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every phrase occurrence in the keyed tokens (overlapping ones included), in order of end.
    /// `text` and `tokens` are what `keys` was built from (to check exact entries).
    pub fn find(&self, text: &str, tokens: &[Token], keys: &TokenKeys, out: &mut Vec<PhraseMatch>) {
        let Some(ac) = &self.automaton else { return };
        for m in ac.find_overlapping_iter(keys.buf.as_str()) {
            let Some(candidates) = self.pattern_entries.get(m.pattern().as_usize()) else {
                continue;
            };
            // The pattern is " k1 ... kn ": its first key starts one byte after the match start
            // and its last key ends one byte before the match end.
            let first = keys.token_at(m.start() + 1);
            let last = keys.token_at(m.end().saturating_sub(2));
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let as_written = tokens.get(first..=last).unwrap_or(&[]);
            for &entry in candidates {
                let Some(e) = self.entries.get(entry) else {
                    continue;
                };
                let fits = as_written.len() == e.words.len()
                    && as_written.iter().zip(&e.words).all(|(t, w)| {
                        let written = normalize(t.span.slice(text));
                        match (&e.exact, t.kind) {
                            (Some(_), _) => written == *w,
                            (None, TokenKind::Word) => is_form_of(&written, w),
                            (None, _) => true,
                        }
                    });
                if fits {
                    out.push(PhraseMatch { entry, first, last });
                }
            }
        }
    }
}

/// Whether the text word `w` is `entry` or one of its regular inflections (`-s`, `-es`, `-'s`,
/// `-d`, `-ed`, `-ing`, `-ies`, `-ied`, a doubled final consonant). An entry written as a verb
/// form (`startling`, `leaked`) also stands for its verb's other forms; an entry written as a
/// plural (`illegals`) does not stand for its singular. Stems only pre-select candidates: two
/// words with one stem need not be forms of one word ("illegals" / "illegal").
pub fn is_form_of(w: &str, entry: &str) -> bool {
    if w == entry {
        return true;
    }
    if forms_of_base(w, entry) {
        return true;
    }
    // Verb forms in the lexicon: their base, with or without a final "e" or a doubled consonant.
    let mut bases: Vec<String> = Vec::new();
    for suffix in ["ing", "ed"] {
        if let Some(b) = entry.strip_suffix(suffix) {
            if b.len() >= 3 {
                bases.push(b.to_string());
                bases.push(format!("{b}e"));
                let bb = b.as_bytes();
                if bb.len() >= 4 && bb[bb.len() - 1] == bb[bb.len() - 2] {
                    bases.push(b[..b.len() - 1].to_string());
                }
            }
        }
    }
    if let Some(b) = entry.strip_suffix("ied") {
        bases.push(format!("{b}y"));
    }
    bases.iter().any(|b| w == b || forms_of_base(w, b))
}

/// Whether `w` is a regular inflection of the base word `b` (not `b` itself).
fn forms_of_base(w: &str, b: &str) -> bool {
    if let Some(rest) = w.strip_prefix(b) {
        if matches!(rest, "s" | "es" | "'s" | "s'" | "'" | "d" | "ed" | "ing") {
            return true;
        }
        // A doubled final consonant: "spiral" -> "spiralled", "slam" -> "slammed".
        if let (Some(last), Some(tail)) = (b.chars().last(), rest.get(1..)) {
            if rest.starts_with(last) && last.is_ascii_alphabetic() && matches!(tail, "ed" | "ing")
            {
                return true;
            }
        }
    }
    if let Some(b0) = b.strip_suffix('e') {
        if let Some(rest) = w.strip_prefix(b0) {
            if matches!(rest, "ing" | "ed") {
                return true;
            }
        }
    }
    if let Some(b0) = b.strip_suffix('y') {
        if let Some(rest) = w.strip_prefix(b0) {
            if matches!(rest, "ies" | "ied" | "ies'") {
                return true;
            }
        }
    }
    false
}

/// The keys of a field's tokens, written into one buffer `" key0 key1 ... "`.
#[derive(Debug, Clone, Default)]
pub struct TokenKeys {
    buf: String,
    /// Byte offset in `buf` where the key of token `i` starts.
    starts: Vec<usize>,
}

impl TokenKeys {
    /// Keys of `tokens`, whose spans point into `text`.
    pub fn build(text: &str, tokens: &[Token]) -> Self {
        Self::build_with(text, tokens, None)
    }

    /// [`Self::build`], with each token's normal form copied from the document's table of
    /// lower-cased tokens where it has one for these tokens (the body's:
    /// [`newsprobe_core::Document::words`]) instead of lower-casing the token again. The
    /// table's form ([`newsprobe_core::lexicon::normalize`]) is the one `push_normalized` writes
    /// for every token the segmenter makes (no token holds white space, the one character the
    /// two treat apart): the same keys (test).
    pub fn build_with(
        text: &str,
        tokens: &[Token],
        table: Option<&newsprobe_core::WordTable>,
    ) -> Self {
        let table = table.filter(|t| t.fits(tokens));
        let mut keys = TokenKeys {
            buf: String::with_capacity(text.len() + tokens.len() + 2),
            starts: Vec::with_capacity(tokens.len()),
        };
        keys.buf.push(' ');
        for (i, t) in tokens.iter().enumerate() {
            keys.starts.push(keys.buf.len());
            let start = keys.buf.len();
            match table {
                Some(tb) => keys.buf.push_str(tb.word(i)),
                None => push_normalized(&mut keys.buf, t.span.slice(text)),
            }
            if keys.buf.len() == start {
                keys.buf.push('_'); // a token outside its text: keep one byte so keys stay apart
            }
            if t.kind == TokenKind::Word {
                let (keep, append_i) = stem(&keys.buf[start..]);
                keys.buf.truncate(start + keep);
                if append_i {
                    keys.buf.push('i');
                }
            }
            keys.buf.push(' ');
        }
        keys
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The key of token `i` ("" when out of range).
    pub fn key(&self, i: usize) -> &str {
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        // Each key is followed by one space, up to the next key's start (or the buffer's end).
        let next = self.starts.get(i + 1).copied().unwrap_or(self.buf.len());
        self.buf.get(start..next.saturating_sub(1)).unwrap_or("")
    }

    /// The token whose key covers buffer byte `pos`.
    fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s <= pos);
        i.checked_sub(1)
    }
}

/// Each byte's lower case when it is visible ASCII (`u8::is_ascii_graphic`), 0 for any other.
static ASCII_GRAPHIC_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_graphic() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Appends `word` lower-cased, with typographic apostrophes and dashes folded (as
/// [`newsprobe_core::lexicon::normalize`] does) and white space replaced, without allocating.
fn push_normalized(buf: &mut String, word: &str) {
    // Visible ASCII (most words) lower-cased as it is copied, in one pass; at the first other
    // byte what was copied is taken back and the word goes the general way.
    let start = buf.len();
    let mut graphic = true;
    for &b in word.as_bytes() {
        let l = ASCII_GRAPHIC_LOWER[usize::from(b)];
        if l == 0 {
            graphic = false;
            break;
        }
        buf.push(char::from(l));
    }
    if graphic {
        return;
    }
    buf.truncate(start);
    for c in word.chars() {
        let c = match c {
            '’' | 'ʼ' | '‘' => '\'',
            '‐' | '‑' | '–' | '—' => '-',
            c if c.is_whitespace() => '_',
            c => c,
        };
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            newsprobe_core::lexicon::push_lowercase(c, buf);
        }
    }
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A lemma-like stem of a normalised word: how many leading bytes to keep, and whether to append
/// `i` (for a final `y`/`ies`/`ied`). Only ASCII suffixes are removed, so the cut is always on a
/// character boundary. The same rule keys the lexicon and the text, so inflected forms meet:
/// "engulfed" / "engulf", "worries" / "worrying" / "worry", "closes" / "closing" / "close".
pub fn stem(word: &str) -> (usize, bool) {
    let b = word.as_bytes();
    let mut n = b.len();
    // Most words end in none of the suffixes: only a double consonant to fold.
    let undouble = |n: usize| {
        if n >= 4 && b[n - 1] == b[n - 2] && is_consonant(b[n - 1]) {
            n - 1
        } else {
            n
        }
    };
    match b.last() {
        Some(b's' | b'g' | b'd' | b'e' | b'y' | b'\'') => {}
        _ => return (undouble(n), false),
    }
    if ends(b, n, b"'s") {
        n -= 2;
    } else if ends(b, n, b"'") {
        n -= 1;
    }
    if n > 4 && (ends(b, n, b"ies") || ends(b, n, b"ied")) {
        return (n - 3, true);
    }
    if n >= 6 && ends(b, n, b"ing") {
        n = undouble(n - 3);
    } else if n >= 5 && ends(b, n, b"ed") {
        n = undouble(n - 2);
    } else if n >= 5
        && ends(b, n, b"es")
        && (matches!(b[n - 3], b's' | b'x' | b'z')
            || ends(b, n - 2, b"ch")
            || ends(b, n - 2, b"sh"))
    {
        n -= 2;
    } else if n >= 4 && b[n - 1] == b's' && !matches!(b[n - 2], b's' | b'u' | b'i') {
        n -= 1;
    }
    if n >= 4 && b[n - 1] == b'e' {
        n -= 1;
    } else if n >= 3 && b[n - 1] == b'y' {
        return (n - 1, true);
    }
    (undouble(n), false)
}

/// Whether `b[..n]` ends with `suffix` (byte by byte: cheaper than a `memcmp` call for 1-3 bytes).
#[inline(always)]
fn ends(b: &[u8], n: usize, suffix: &[u8]) -> bool {
    let k = suffix.len();
    if n < k || n > b.len() {
        return false;
    }
    let mut i = 0;
    while i < k {
        if b[n - k + i] != suffix[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> String {
        let (keep, i) = stem(word);
        let mut s = word[..keep].to_string();
        if i {
            s.push('i');
        }
        s
    }

    #[test]
    fn keys_from_the_word_table_are_the_keys_of_the_tokens() {
        // The body's keys copied from the document's table of lower-cased tokens are the keys
        // each token gives lower-cased again: ASCII, curly apostrophes and quotes, dashes,
        // accented capitals, Greek and Cyrillic, CJK, U+0130 (two characters lower-cased),
        // control characters, initialisms and numbers.
        let text = "The U.S. Mayor’s plan FAILED — São Paulo’s “REFORM” worries İstanbul. \
            Ελλάδα ΜΟΣΧΑ 東京 said: it's 3,500 km (2.5%)… \u{1}x\u{7f} rock‑n‑roll ‘Quoted’ \
            Worried, WORRIES; classified! Δ ʼokina";
        let doc = newsprobe_core::Document::from_text(None, text);
        let plain = TokenKeys::build(&doc.text, &doc.tokens);
        let shared = TokenKeys::build_with(&doc.text, &doc.tokens, Some(&doc.words));
        assert_eq!(plain.buf, shared.buf);
        assert_eq!(plain.starts, shared.starts);
        assert!(shared.key(1).starts_with("u.s"), "{:?}", shared.buf);
        // A table built for other tokens is not read.
        let title = TokenKeys::build_with(doc.title(), &doc.title_tokens, Some(&doc.words));
        assert!(title.is_empty());
    }

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["startle", "startles", "startled", "startling"][..],
            &["engulf", "engulfs", "engulfed", "engulfing"],
            &["worry", "worries", "worried", "worrying"],
            &["close", "closes", "closed", "closing"],
            &["disclose", "discloses", "disclosed", "disclosing"],
            &["spiral", "spirals", "spiraled", "spiralling", "spiraling"],
            &["classify", "classified", "classifies"],
            &["stake", "stakes"],
            &["regime", "regimes", "regime's"],
        ] {
            let k = key(group[0]);
            for w in group {
                assert_eq!(key(w), k, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn short_and_foreign_words_are_kept() {
        assert_eq!(key("the"), "the");
        assert_eq!(key("need"), "need");
        assert_eq!(key("this"), "this");
        assert_eq!(key("crisis"), "crisis");
        assert_eq!(key("exposé"), "exposé");
        assert_eq!(key("été"), "été");
    }

    #[test]
    fn bundled_lexicon_compiles() {
        let t = std::time::Instant::now();
        let lex = Lexicon::bundled();
        assert!(lex.len() > 300, "only {} entries", lex.len());
        let ac = lex.automaton.as_ref().expect("an automaton");
        // The DFA, not the builder's fallback to an NFA (it gives up past a size limit).
        assert_eq!(ac.kind(), AhoCorasickKind::DFA);
        eprintln!(
            "lexicon: {} patterns, automaton {} KiB, built in {:?}",
            ac.patterns_len(),
            ac.memory_usage() / 1024,
            t.elapsed()
        );
    }

    #[test]
    fn finds_inflected_multiword_phrases_and_not_partial_words() {
        let lex = Lexicon::from_lists([
            (Category::Fear, "spiral out of control\nengulf"),
            (Category::Secrecy, "behind closed doors"),
        ]);
        let text = "Talks held behind closed doors could spiral out of control, engulfing the talks. Engulfment is not a word here.";
        let toks = tokenize(text, Field::Text);
        let keys = TokenKeys::build(text, &toks);
        let mut found = Vec::new();
        lex.find(text, &toks, &keys, &mut found);
        let phrases: Vec<&str> = found
            .iter()
            .map(|m| &text[toks[m.first].span.start..toks[m.last].span.end])
            .collect();
        assert_eq!(
            phrases,
            ["behind closed doors", "spiral out of control", "engulfing"]
        );
    }

    #[test]
    fn phrases_do_not_match_across_punctuation() {
        let lex = Lexicon::from_lists([(Category::Secrecy, "behind closed doors")]);
        let text = "They stood behind, closed doors.";
        let toks = tokenize(text, Field::Text);
        let mut found = Vec::new();
        lex.find(text, &toks, &TokenKeys::build(text, &toks), &mut found);
        assert!(found.is_empty());
    }

    #[test]
    fn a_plural_slur_does_not_fire_on_its_ordinary_singular() {
        let lex = Lexicon::bundled();
        let text = "Officers found illegal weapons and an illegal dumping site near the border.";
        let toks = tokenize(text, Field::Text);
        let mut found = Vec::new();
        lex.find(text, &toks, &TokenKeys::build(text, &toks), &mut found);
        let words: Vec<&str> = found
            .iter()
            .filter(|m| lex.entry(m.entry).is_some_and(|e| e.category.is_framing()))
            .map(|m| toks[m.first].span.slice(text))
            .collect();
        assert!(words.is_empty(), "{words:?}");
    }

    #[test]
    fn words_match_their_inflections_only() {
        assert!(is_form_of("startled", "startling"));
        assert!(is_form_of("startles", "startle"));
        assert!(is_form_of("spiralled", "spiral"));
        assert!(is_form_of("worries", "worry"));
        assert!(is_form_of("leaking", "leaked"));
        assert!(is_form_of("regime's", "regime"));
        assert!(!is_form_of("illegal", "illegals"));
        assert!(!is_form_of("elite", "elites"));
        assert!(!is_form_of("outrageous", "outrage"));
    }

    #[test]
    fn exact_entries_need_the_written_form() {
        let lex = Lexicon::from_lists([(Category::Loaded, "=posturing\n=shocking\n=shocked")]);
        let text = "Its defensive posture differs from the posturing of its rival. A shocking, \
                    shocked reaction to an electric shock.";
        let toks = tokenize(text, Field::Text);
        let mut found = Vec::new();
        lex.find(text, &toks, &TokenKeys::build(text, &toks), &mut found);
        let words: Vec<&str> = found
            .iter()
            .map(|m| toks[m.first].span.slice(text))
            .collect();
        assert_eq!(words, ["posturing", "shocking", "shocked"]);
    }
}
