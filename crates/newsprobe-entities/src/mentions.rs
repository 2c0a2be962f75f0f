//! Where does the article name a person, an organisation or a place, and where does it refer to
//! one by a title ("the ambassador") or a pronoun ("his")?
//!
//! Rules over the segmenter's tokens: runs of capitalised words are split at gazetteer entries
//! (countries, places, organisations, titles, demonyms); the rest are typed by titles bound before
//! them ("Adm. Dragone"), first names, head words ("... Council", "... Sea"), acronyms and context.
//! Definite descriptions ("the former Polish Prime Minister") and personal pronouns are found
//! here too; [`crate::coref`] decides whom they refer to.

use std::cell::Cell;

use newsprobe_core::{EntityType, Field, Span, Token, TokenKind};

use crate::gazetteer::{flag, Gender, Set, GAZETTEER, PRONOUNS};

/// One token, prepared for the rules: possessive "'s" split off, normalised, flags.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte span without a trailing possessive.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The token as written, possessive included ("Russia's").
    pub raw: &'a str,
    /// Lower-cased, apostrophes and dashes folded (the text itself when it already is, else
    /// in the buffer given to [`words`]).
    pub norm: &'a str,
    pub is_word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Followed by a possessive "'s" (inside the same token).
    pub poss: bool,
    /// Index of the sentence (body) or 0 (title).
    pub sent: usize,
    /// First word of a sentence, or after a colon or an opening quote mark.
    pub sent_start: bool,
    /// Which word lists hold `norm` ([`flag`] bits), looked up the first time it is asked.
    flags: Cell<u32>,
}

/// [`Word::flags`] not looked up yet (no real combination of flags has every bit).
const FLAGS_UNKNOWN: u32 = u32::MAX;

impl Word<'_> {
    /// Which word lists hold the normalised word ([`flag`] bits): one lookup for all of them.
    #[inline]
    pub fn flags(&self) -> u32 {
        let f = self.flags.get();
        if f != FLAGS_UNKNOWN {
            return f;
        }
        self.look_up_flags()
    }

    /// [`Word::flags`] at its first call: the gazetteer look-up, out of line (inlined, it kept
    /// the remembered answer's path from inlining at most callers).
    #[inline(never)]
    fn look_up_flags(&self) -> u32 {
        let f = GAZETTEER.flags(self.norm);
        self.flags.set(f);
        f
    }

    /// Whether any list of `bits` holds the normalised word.
    #[inline]
    pub fn is(&self, bits: u32) -> bool {
        self.flags() & bits != 0
    }
}

/// How a mention refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, maybe with a title bound to it ("Russian Ambassador to Belgium Denis Gonchar").
    Name,
    /// A definite description ("the ambassador", "the former Polish Prime Minister").
    Description,
    /// A personal pronoun ("he", "his").
    Pronoun,
}

/// A descriptor found next to a mention, before it is attached to an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDescriptor {
    pub span: Span,
    pub kind: newsprobe_core::DescriptorKind,
    /// Canonical countries it names ("Russian" -> Russia).
    pub countries: Vec<&'static str>,
    /// Normalised role head nouns it names ("ambassador", "prime minister").
    pub roles: Vec<String>,
    /// Says the role is over ("former", "stepped down").
    pub former: bool,
    /// The short phrase to quote in a finding ("U.S. naval officer").
    pub claim: Span,
}

/// A mention of an entity.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The whole mention (title and name: "Adm. Dragone").
    pub span: Span,
    /// The proper-name part ("Dragone"), for names.
    pub name: Option<Span>,
    pub name_text: String,
    pub kind: MentionKind,
    pub etype: EntityType,
    pub gender: Gender,
    pub plural: bool,
    /// Head noun of a description, normalised ("ambassador").
    pub head: String,
    /// Title bound before the name ("Admiral"), as written.
    pub title_text: Option<String>,
    pub descriptors: Vec<FoundDescriptor>,
    /// A lone capitalised word nothing types ("Critics" opening a sentence): it joins an entity
    /// named elsewhere ("Warhol" after "Andy Warhol") but starts none.
    pub weak: bool,
}

/// Role words that are also adjectives ("the general public", "the chief concern").
const ADJECTIVE_ROLES: &[&str] = &["general", "chief", "major", "private", "principal"];

/// Words that may follow a role word that is also an adjective ("the general said") without
/// making it the adjective of a noun ("the general public").
const NOT_A_NOUN_AFTER_ROLE: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "who",
    "whose",
    "was",
    "is",
    "has",
    "had",
    "would",
    "will",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "by",
    "but",
    "as",
    "that",
    "which",
    "also",
    "then",
    "later",
    "did",
    "does",
    "replied",
    "warned",
    "ordered",
    "announced",
    "denied",
    "himself",
    "herself",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
];

pub(crate) const CONNECTORS: &[&str] = &[
    "of", "the", "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "al", "al-",
    "la", "le", "du", "&", "y", "for",
];

/// Modifiers allowed between "the" and a role noun ("the former Polish Prime Minister").
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "late",
    "then",
    "new",
    "current",
    "outgoing",
    "incoming",
    "senior",
    "top",
    "chief",
    "deputy",
    "acting",
    "interim",
    "retired",
    "veteran",
    "longtime",
    "long-time",
    "ex",
    "foreign",
    "defense",
    "defence",
    "prime",
    "naval",
    "military",
    "vice",
    "assistant",
    "elected",
    "young",
    "old",
    "elderly",
    "first",
    "executive",
    "general",
    "presidential",
    "supreme",
    "head",
    "federal",
    "state",
    "national",
    "regional",
    "local",
    "party",
    "opposition",
    "government",
    "navy",
    "army",
    "air",
    "force",
    "sitting",
    "ousted",
    "embattled",
    "powerful",
    "polish",
];

/// Nouns that refer back to an organisation ("the alliance", "the company").
pub const ORG_REFERENCES: &[&str] = &[
    "alliance",
    "organization",
    "organisation",
    "bloc",
    "company",
    "agency",
    "ministry",
    "firm",
    "council",
    "committee",
    "commission",
    "party",
    "union",
    "bank",
    "university",
    "court",
];

/// Heads that only refer back, never start an entity of their own.
pub const GENERIC_HEADS: &[&str] = &[
    "leader",
    "official",
    "officer",
    "man",
    "woman",
    "politician",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "expert",
    "analyst",
    "executive",
    "member",
    "head",
    "chief",
];

/// Prepares the words of one field. Normalised forms that differ from the text (capitalised
/// words, mostly) are written one after another into `buf`, which the words then borrow.
pub fn words<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[newsprobe_core::Sentence],
    buf: &'a mut String,
) -> Vec<Word<'a>> {
    words_with(text, tokens, sentences, None, buf)
}

/// [`words`], with the normalised forms read from the document's table of lower-cased tokens
/// where it has one for these tokens (the body's: [`newsprobe_core::Document::words`]) instead
/// of lower-casing each capitalised or non-ASCII word again.
pub fn words_with<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[newsprobe_core::Sentence],
    table: Option<&'a newsprobe_core::WordTable>,
    buf: &'a mut String,
) -> Vec<Word<'a>> {
    let table = table.filter(|t| t.fits(tokens));
    buf.clear();
    buf.reserve(text.len() / 4);
    let mut out: Vec<Word<'a>> = Vec::with_capacity(tokens.len());
    // Words whose normal form is in `buf`: (word index, range in `buf`); their `norm` is filled
    // in at the end, once `buf` is complete.
    let mut owned: Vec<(usize, std::ops::Range<usize>)> = Vec::with_capacity(tokens.len() / 8);
    let mut sent = 0;
    let mut prev_sent = usize::MAX;
    let mut after_opener = true;
    for (ti, t) in tokens.iter().enumerate() {
        let raw = t.span.slice(text);
        // "Adm." "Dr." "Gov.": the period of a title abbreviation belongs to the word; so does
        // the period of an initial before a capitalised word of the same sentence ("Franklin D.
        // Roosevelt", "G. Gordon Liddy") and of "Jr." / "Sr.".
        if raw == "." {
            let last = out.len().wrapping_sub(1);
            if let Some(prev) = out.last_mut() {
                let next = tokens.get(ti + 1);
                let initial = prev.text.len() == 1
                    && prev.text.as_bytes()[0].is_ascii_uppercase()
                    && next.is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && n.span
                                .slice(text)
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                            && sentences
                                .get(prev.sent)
                                .is_none_or(|s| n.span.start < s.span.end)
                    });
                let suffix = matches!(prev.text, "Jr" | "Sr");
                if prev.is_word && prev.end == t.span.start && !prev.poss && (initial || suffix) {
                    prev.end = t.span.end;
                    prev.text = text.get(prev.start..prev.end).unwrap_or(prev.text);
                    prev.raw = prev.text;
                    prev.norm = if initial {
                        INITIAL_NORMS[(prev.text.as_bytes()[0] - b'A') as usize]
                    } else if prev.text.starts_with('J') {
                        "jr."
                    } else {
                        "sr."
                    };
                    // The normal form is a static string now, not the buffer's.
                    if owned.last().is_some_and(|o| o.0 == last) {
                        owned.pop();
                    }
                    continue;
                }
            }
            let last = out.len().wrapping_sub(1);
            if let Some(prev) = out.last_mut() {
                let prev: &mut Word = prev;
                if prev.is_word && prev.end == t.span.start && !prev.poss {
                    let in_buf = owned.last().filter(|o| o.0 == last).map(|o| o.1.clone());
                    let norm = match &in_buf {
                        Some(r) => &buf[r.clone()],
                        None => prev.norm,
                    };
                    // `titles` holds `norm + "."` exactly when `dotted_titles` holds `norm`
                    // (never longer than the longest of them).
                    let g = &*GAZETTEER;
                    if norm.len() <= g.max_dotted_title_len
                        && g.flags(norm) & flag::DOTTED_TITLE != 0
                    {
                        prev.end = t.span.end;
                        prev.text = text.get(prev.start..prev.end).unwrap_or(prev.text);
                        prev.raw = prev.text;
                        match in_buf {
                            Some(_) => {
                                buf.push('.');
                                if let Some(o) = owned.last_mut() {
                                    o.1.end = buf.len();
                                }
                            }
                            // The norm was the text itself, and the period follows it.
                            None => match table {
                                None => prev.norm = prev.text,
                                // Lower-cased in place (an ASCII word): so is the period.
                                Some(tb) if prev.text.is_ascii() => {
                                    prev.norm = &tb.lower[prev.start..prev.end]
                                }
                                // The table's normalised form, and the period after it.
                                Some(_) => {
                                    let from = buf.len();
                                    buf.push_str(prev.norm);
                                    buf.push('.');
                                    owned.push((last, from..buf.len()));
                                }
                            },
                        }
                        continue;
                    }
                }
            }
        }
        if !sentences.is_empty() {
            while sent + 1 < sentences.len() && sentences[sent].span.end <= t.span.start {
                sent += 1;
            }
        }
        if sent != prev_sent {
            after_opener = true;
            prev_sent = sent;
        }
        let is_word = t.kind == TokenKind::Word;
        let (core, poss) = strip_possessive(raw);
        let start = t.span.start;
        let end = start + core.len();
        let cap = is_word && core.chars().next().is_some_and(char::is_uppercase);
        let norm = if let Some(tb) = table {
            if core.is_ascii() {
                // Lower-cased in place: the word's own bytes of the table.
                &tb.lower[start..end]
            } else if core.len() == raw.len() {
                tb.word(ti)
            } else {
                let from = buf.len();
                newsprobe_core::lexicon::normalize_into(core, buf);
                owned.push((out.len(), from..buf.len()));
                ""
            }
        } else if is_lower(core) {
            core
        } else {
            let from = buf.len();
            if core.is_ascii() {
                buf.push_str(core);
                buf[from..].make_ascii_lowercase();
            } else {
                // `norm` of a word with other characters, written in place (no `String` each).
                newsprobe_core::lexicon::normalize_into(core, buf);
            }
            owned.push((out.len(), from..buf.len()));
            ""
        };
        let w = Word {
            start,
            end,
            text: core,
            raw,
            norm,
            is_word,
            cap,
            poss,
            sent,
            sent_start: is_word && after_opener,
            flags: Cell::new(FLAGS_UNKNOWN),
        };
        if is_word || t.kind == TokenKind::Number {
            after_opener = false;
        } else if matches!(raw, ":" | "\"" | "“" | "‘" | "'" | "(" | "—" | "–" | "-") {
            after_opener = true;
        }
        out.push(w);
    }
    let buf: &'a String = buf;
    for (i, r) in owned {
        out[i].norm = &buf[r];
    }
    out
}

/// Normal forms of initials ("D." -> "d.").
const INITIAL_NORMS: [&str; 26] = [
    "a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i.", "j.", "k.", "l.", "m.", "n.", "o.", "p.",
    "q.", "r.", "s.", "t.", "u.", "v.", "w.", "x.", "y.", "z.",
];

/// Whether a word is its own normal form (most words): ASCII without capitals.
fn is_lower(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

fn strip_possessive(raw: &str) -> (&str, bool) {
    // Every suffix below ends in "s" or "S".
    if !matches!(raw.as_bytes().last(), Some(b's' | b'S')) {
        return (raw, false);
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(core) = raw.strip_suffix(suffix) {
            if !core.is_empty() {
                return (core, true);
            }
        }
    }
    (raw, false)
}

pub(crate) fn span_of(words: &[Word], a: usize, b: usize, field: Field) -> Span {
    Span {
        start: words[a].start,
        end: words[b - 1].end,
        field,
    }
}

/// Longest entry of `set` (whose words carry the flag `bit`) made of words `k..` (at most `max`
/// words, not crossing `limit`).
fn longest_match(
    words: &[Word],
    k: usize,
    limit: usize,
    max: usize,
    set: (&Set<String>, u32),
) -> usize {
    longest_matches(words, k, limit, max, &[set])[0]
}

/// Longest entries of each set made of words `k..`, building each candidate key once and stopping
/// as soon as no gazetteer entry starts with it. Each set comes with the [`flag`] bit of its
/// one-word entries, which answers for the first word without a lookup of its own.
pub(crate) fn longest_matches<const N: usize>(
    words: &[Word],
    k: usize,
    limit: usize,
    max: usize,
    sets: &[(&Set<String>, u32); N],
) -> [usize; N] {
    let g = &*GAZETTEER;
    let mut best = [0; N];
    // A one-word key is the word itself; the string is built only from the second word on.
    let mut key = String::new();
    for (n, w) in words[k..limit.min(k + max).max(k)].iter().enumerate() {
        if !w.is_word && w.norm != "&" {
            break;
        }
        if n == 0 {
            let f = w.flags();
            for (b, (_, bit)) in best.iter_mut().zip(sets) {
                if f & bit != 0 {
                    *b = 1;
                }
            }
            if w.poss || f & flag::PREFIX == 0 {
                break;
            }
            continue;
        }
        if n == 1 {
            key.reserve(32);
            key.push_str(words[k].norm);
        }
        key.push(' ');
        key.push_str(w.norm);
        for (b, (set, _)) in best.iter_mut().zip(sets) {
            if set.contains(key.as_str()) {
                *b = n + 1;
            }
        }
        if w.poss || !g.prefixes.contains(key.as_str()) {
            break;
        }
    }
    best
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Seg {
    Gaz(EntityType),
    Title,
    Demonym,
    Unknown,
}

/// Options for one field.
pub struct FieldContext<'s> {
    pub field: Field,
    /// Words seen in lower case somewhere in the body. A lower-case word of the body itself
    /// need not be in it (see [`FieldContext::seen_lower`]).
    pub lowercase: &'s Set<&'s str>,
    /// Headline: only gazetteer entries, titles and words named in the body count.
    pub strict_names: Option<&'s Set<String>>,
    /// A sports report: country names stand for their teams.
    pub sports: bool,
}

impl FieldContext<'_> {
    /// Whether the word is written in lower case somewhere in the body (a lower-case word of
    /// the body is, itself).
    pub(crate) fn seen_lower(&self, w: &Word) -> bool {
        (self.field == Field::Text && w.is_word && !w.cap) || self.lowercase.contains(w.norm)
    }
}

fn is_name_word(w: &Word, ctx: &FieldContext) -> bool {
    if !w.is_word || !w.cap {
        return false;
    }
    if w.is(flag::NEVER_NAME) {
        return false;
    }
    // Looked up only where it matters (not for most words inside a sentence).
    let known = || w.is(flag::KNOWN);
    // A word that starts sentences without naming anything and is also a listed acronym names
    // it only in capitals there: "Who cut the grass?" is no World Health Organization, "WHO
    // said" is.
    if (w.sent_start || ctx.strict_names.is_some())
        && w.is(flag::NOT_NAME)
        && known()
        && w.text.chars().any(|c| c.is_lowercase())
    {
        return false;
    }
    if let Some(body_names) = ctx.strict_names {
        return known() || body_names.contains(w.norm);
    }
    if w.sent_start && !known() {
        return !w.is(flag::NOT_NAME) && !ctx.seen_lower(w);
    }
    true
}

/// How many connectors ("of", "von der") at `j` lead to a further capitalised name word.
fn connectors_before_name(words: &[Word], i: usize, j: usize, ctx: &FieldContext) -> Option<usize> {
    let is_connector = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| !w.cap && w.is(flag::CONNECTOR))
    };
    if !is_connector(j) || !connector_continues(words, i, j) {
        return None;
    }
    let c = if is_connector(j + 1) { 2 } else { 1 };
    let next = words.get(j + c)?;
    (is_name_word(next, ctx) && !next.sent_start).then_some(c)
}

/// Whether a connector ("of", "for") at `j` continues the run: only after an organisation or
/// place head or a title ("Bank of England", "Museum of Flight", "Secretary of State").
fn connector_continues(words: &[Word], i: usize, j: usize) -> bool {
    let c = words[j].norm;
    if !matches!(c, "of" | "for" | "the" | "&") {
        return true;
    }
    if c == "the" {
        return j > i && words[j - 1].norm == "of";
    }
    words[j - 1].is(flag::ORG_HEAD | flag::PLACE_HEAD | flag::TITLE) || c == "&"
}

/// Whether "and" at `j` stays inside a name that began with an organisation or place head word
/// and "of" or "for" ("Department of Health and Human Services", "Museum of Science and
/// Industry"): once a run, before a capitalised word that is no name of its own (a first
/// name, title, acronym, country, place or known organisation: "the Department of Justice and
/// FBI", "the Ministry of Defence and Minister ...").
fn and_continues_organisation(words: &[Word], i: usize, j: usize, ctx: &FieldContext) -> bool {
    if words[j].norm != "and"
        || j < i + 3
        || !words[i].is(flag::ORG_HEAD | flag::PLACE_HEAD)
        || !matches!(words[i + 1].norm, "of" | "for")
        || words[i..j].iter().any(|w| w.norm == "and")
    {
        return false;
    }
    words.get(j + 1).is_some_and(|next| {
        next.sent == words[i].sent
            && is_name_word(next, ctx)
            && !next.sent_start
            && !is_acronym(next.text)
            && !next.is(flag::FIRST_NAME
                | flag::TITLE
                | flag::COUNTRY_NAME
                | flag::PLACE
                | flag::ORGANIZATION
                | flag::DEMONYM)
    })
}

use crate::acronyms::is_acronym;

/// All mentions of one field, in text order.
pub fn find_mentions(words: &[Word], ctx: &FieldContext) -> Vec<Mention> {
    let n = words.len();
    let mut out: Vec<Mention> = Vec::with_capacity(n / 16 + 4);
    let mut scratch = Segments::default();
    // Words covered by a name mention's title phrase or name (no descriptions inside them).
    let mut covered = vec![false; n];
    let mut i = 0;
    while i < n {
        if !is_name_word(&words[i], ctx) {
            i += 1;
            continue;
        }
        // A run of capitalised words, with connectors between them.
        let mut j = i + 1;
        while j < n && !words[j - 1].poss && words[j].sent == words[i].sent {
            if is_name_word(&words[j], ctx) {
                j += 1;
            } else if let Some(c) = connectors_before_name(words, i, j, ctx) {
                j += c + 1;
            } else if and_continues_organisation(words, i, j, ctx) {
                j += 2;
            } else {
                break;
            }
        }
        // "Valentine's Day": the day's owner names nothing (in the body, after the tagger:
        // [`crate::named_days::drop_day_owners`]).
        if ctx.field == Field::Title && crate::named_days::owns_a_day(words, j) {
            i = j;
            continue;
        }
        // Connectors at the edges are not part of the run.
        segment_run(words, i, j, ctx, &mut out, &mut covered, &mut scratch);
        i = j;
    }
    descriptions(words, ctx, &covered, &mut out);
    pronouns(words, ctx, &mut out);
    sort_mentions(out)
}

/// Sorts mentions by start, longest first, keeping the order of equal ones (a stable sort of
/// their indices, then one pass to move them: mentions are large to shuffle about).
pub(crate) fn sort_mentions(out: Vec<Mention>) -> Vec<Mention> {
    let key = |m: &Mention| (m.span.start, std::cmp::Reverse(m.span.end));
    if out.is_sorted_by_key(key) {
        return out;
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| key(&out[i]));
    let mut slots: Vec<Option<Mention>> = out.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The normalised words of the persons' longer names ("Larry Forbes" gives "larry", "forbes"): a
/// one-word name among them is part of a person's name, which the name-retyping rules
/// (`known_outlets`, `outlet_runs`, `company_heads`) leave alone.
pub(crate) fn long_person_name_words(all: &[Mention]) -> Set<String> {
    all.iter()
        .filter(|m| m.etype == EntityType::Person && m.name_text.contains(' '))
        .flat_map(|m| {
            m.name_text
                .split_whitespace()
                .map(newsprobe_core::lexicon::normalize)
        })
        .collect()
}

/// The mentions kept (`keep`, one flag per mention of `all`) and `added`, sorted as
/// [`sort_mentions`] sorts: what a rule that joins or replaces names hands on. With nothing
/// added the list stays as it is (a rule that found nothing to join replaced nothing).
pub(crate) fn keep_and_add(all: &mut Vec<Mention>, keep: &[bool], added: Vec<Mention>) {
    if added.is_empty() {
        return;
    }
    let mut k = 0;
    all.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    all.extend(added);
    let taken = std::mem::take(all);
    *all = sort_mentions(taken);
}

/// Where in a list of mentions those overlapping a byte range can lie, without a scan of the
/// whole list for each range (linear in a long article: the rules that join or replace names,
/// `possessive_offices` and `embassies`, asked every mention about each office or mission they
/// found). Built once per rule from the list as [`sort_mentions`] leaves it (sorted by start);
/// an unsorted list is scanned whole, as before.
pub(crate) struct Reach {
    sorted: bool,
    /// The longest mention, in bytes: one starting more than this before a range ends before it.
    longest: usize,
}

impl Reach {
    pub(crate) fn new(all: &[Mention]) -> Self {
        Reach {
            sorted: all.is_sorted_by_key(|m| m.span.start),
            longest: all
                .iter()
                .map(|m| m.span.end.saturating_sub(m.span.start))
                .max()
                .unwrap_or(0),
        }
    }

    /// The positions in `all` of every mention that may overlap bytes `sa..sb`.
    pub(crate) fn around(&self, all: &[Mention], sa: usize, sb: usize) -> std::ops::Range<usize> {
        if !self.sorted {
            return 0..all.len();
        }
        let lo = all.partition_point(|m| m.span.start + self.longest <= sa);
        let hi = all.partition_point(|m| m.span.start < sb);
        lo..hi.max(lo)
    }

    /// The positions in `all` of every mention starting at byte `start`.
    pub(crate) fn at(&self, all: &[Mention], start: usize) -> std::ops::Range<usize> {
        if !self.sorted {
            return 0..all.len();
        }
        let lo = all.partition_point(|m| m.span.start < start);
        let hi = all.partition_point(|m| m.span.start <= start);
        lo..hi
    }
}

/// Whether a rule may replace the kept body mentions overlapping bytes `sa..sb` by one name of
/// those bytes: every one of them lies inside them. Where so, they are marked not kept (`keep`,
/// one flag per mention of `all`). `reach` is built from `all`.
pub(crate) fn claim_inside(
    all: &[Mention],
    reach: &Reach,
    keep: &mut [bool],
    sa: usize,
    sb: usize,
) -> bool {
    let overlaps = |k: usize| {
        all[k].span.field == Field::Text && all[k].span.start < sb && all[k].span.end > sa
    };
    let near = reach.around(all, sa, sb);
    let fits = near
        .clone()
        .filter(|&k| keep[k] && overlaps(k))
        .all(|k| all[k].span.start >= sa && all[k].span.end <= sb);
    if fits {
        for k in near {
            if overlaps(k) {
                keep[k] = false;
            }
        }
    }
    fits
}

/// One rule's organisation names over whole word runs: each run claimed ([`claim_inside`]) drops
/// the body mentions inside it, and its name is added when the rule ends ([`OrgRuns::apply`]).
pub(crate) struct OrgRuns {
    keep: Vec<bool>,
    // (Built at the first run claimed: most articles name none.)
    reach: Option<Reach>,
    added: Vec<Mention>,
}

impl OrgRuns {
    pub(crate) fn new(all: &[Mention]) -> Self {
        OrgRuns {
            keep: vec![true; all.len()],
            reach: None,
            added: Vec::new(),
        }
    }

    /// The index of `all`'s mentions by place.
    pub(crate) fn reach(&mut self, all: &[Mention]) -> &Reach {
        self.reach.get_or_insert_with(|| Reach::new(all))
    }

    /// Claims words `s..e` of the body as one organisation name where every kept mention they
    /// overlap lies inside them; the new mention, for the rule to amend, or `None`.
    pub(crate) fn claim(
        &mut self,
        all: &[Mention],
        words: &[Word],
        s: usize,
        e: usize,
    ) -> Option<&mut Mention> {
        let (sa, sb) = (words[s].start, words[e - 1].end);
        let reach = self.reach.get_or_insert_with(|| Reach::new(all));
        if !claim_inside(all, reach, &mut self.keep, sa, sb) {
            return None;
        }
        self.added.push(name_mention(
            words,
            s,
            s,
            e,
            EntityType::Organization,
            Field::Text,
        ));
        self.added.last_mut()
    }

    /// Drops the claimed mentions from `all` and adds the new names.
    pub(crate) fn apply(self, all: &mut Vec<Mention>) {
        keep_and_add(all, &self.keep, self.added);
    }
}

/// Buffers for [`segment_run`], reused from run to run.
#[derive(Default)]
struct Segments {
    segs: Vec<(usize, usize, Seg)>,
    merged: Vec<(usize, usize, Seg)>,
}

/// Splits one capitalised run into gazetteer entries, titles and unknown names, and makes mentions.
fn segment_run(
    words: &[Word],
    i: usize,
    j: usize,
    ctx: &FieldContext,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
    scratch: &mut Segments,
) {
    let g = &*GAZETTEER;
    let Segments { segs, merged } = scratch;
    segs.clear();
    merged.clear();
    // "University of Southern California", "Museum of Flight": a head, then "of", then the rest.
    if j - i >= 3 && words[i + 1].norm == "of" {
        let head = &words[i];
        let etype = if head.is(flag::ORG_HEAD) {
            Some(EntityType::Organization)
        } else if head.is(flag::PLACE_HEAD) {
            Some(EntityType::Place)
        } else {
            None
        };
        if let Some(t) = etype {
            out.push(name_mention(words, i, i, j, t, ctx.field));
            nested_places(words, i + 2, j, ctx, out);
            return;
        }
    }
    let mut k = i;
    let mut unknown_start: Option<usize> = None;
    while k < j {
        let maxw = g.max_name_words.max(g.max_title_words);
        let [places, countries, org, title, product] = longest_matches(
            words,
            k,
            j,
            maxw,
            &[
                (&g.places, flag::PLACE),
                (&g.country_names, flag::COUNTRY_NAME),
                (&g.organizations, flag::ORGANIZATION),
                (&g.titles, flag::TITLE),
                (&g.products, flag::PRODUCT),
            ],
        );
        let place = places.max(countries);
        if product > 0 && product >= place.max(org) {
            if let Some(s) = unknown_start.take() {
                segs.push((s, k, Seg::Unknown));
            }
            segs.push((k, k + product, Seg::Gaz(EntityType::Other)));
            k += product;
            continue;
        }
        // In sports reports a country is its team ("Sweden beat South Korea"), except as a
        // location ("in Sweden").
        let team = ctx.sports
            && countries == place
            && countries > places
            && !(k > 0 && matches!(words[k - 1].norm, "in" | "to" | "from" | "at" | "across"));
        let demonym = usize::from(words[k].is(flag::DEMONYM) && !words[k].norm.contains('.'));
        let best = place.max(org).max(title).max(demonym);
        // A connector cannot start a segment.
        if best == 0 || (k > i && !words[k].cap && words[k].is(flag::CONNECTOR)) {
            if unknown_start.is_none() {
                unknown_start = Some(k);
            }
            k += 1;
            continue;
        }
        // A title inside a run of unknown words is part of a name ("General Motors" aside).
        if let Some(s) = unknown_start.take() {
            segs.push((s, k, Seg::Unknown));
        }
        let seg = if place == best && place >= org && team {
            Seg::Gaz(EntityType::Organization)
        } else if place == best && place >= org {
            Seg::Gaz(EntityType::Place)
        } else if org == best {
            Seg::Gaz(EntityType::Organization)
        } else if title == best {
            Seg::Title
        } else {
            Seg::Demonym
        };
        segs.push((k, k + best, seg));
        k += best;
    }
    if let Some(s) = unknown_start {
        segs.push((s, j, Seg::Unknown));
    }
    // Trim connectors from the ends of unknown segments.
    for s in segs.iter_mut() {
        if s.2 == Seg::Unknown {
            while s.0 < s.1 && (!words[s.0].cap || words[s.0].is(flag::NOT_NAME)) {
                s.0 += 1;
            }
            while s.1 > s.0 && !words[s.1 - 1].cap {
                s.1 -= 1;
            }
        }
    }
    segs.retain(|s| s.0 < s.1);
    // "Julie Bishop", "Amy Judge": a given name, then a title word that binds no name after it,
    // is one person's name (`title_surnames`).
    let mut t = 0;
    while t + 1 < segs.len() {
        let (a, b, kind) = segs[t];
        let (c, d, next) = segs[t + 1];
        let name_after = segs
            .get(t + 2)
            .is_some_and(|n| n.0 == d && n.2 == Seg::Unknown);
        if kind == Seg::Unknown
            && next == Seg::Title
            && crate::title_surnames::joins(words, (a, b), (c, d), name_after, ctx)
        {
            segs[t] = (a, d, Seg::Unknown);
            segs.remove(t + 1);
        }
        t += 1;
    }
    // "Refugee Council Enver Solomon", "National Security Adviser Susan Rice": an organisation or
    // a role, then a person's name, are two segments (`fused_names`).
    let mut t = 0;
    while t < segs.len() {
        let (a, b, kind) = segs[t];
        if kind == Seg::Unknown {
            if let Some((p, role)) = crate::fused_names::split(words, a, b, ctx) {
                segs[t] = (a, p, if role { Seg::Title } else { Seg::Unknown });
                segs.insert(t + 1, (p, b, Seg::Unknown));
                t += 1;
            }
        }
        t += 1;
    }
    // "Valeska Paris", "Jesse Washington": a first word of a personal name, then a one-word
    // place, is a name.
    let mut t = 0;
    while t + 1 < segs.len() {
        let (a, b, kind) = segs[t];
        let (c, d, next) = segs[t + 1];
        let first_name = words[a].is(flag::MALE_NAME) || words[a].is(flag::FEMALE_NAME);
        if kind == Seg::Unknown
            && b == c
            && b - a == 1
            && d - c == 1
            && next == Seg::Gaz(EntityType::Place)
            && !words[c].is(flag::COUNTRY_OF)
            && (first_name || !ctx.seen_lower(&words[a]))
            && !is_acronym(words[a].text)
            && !words[a].poss
        {
            segs[t] = (a, d, Seg::Unknown);
            segs.remove(t + 1);
        }
        t += 1;
    }
    // Merge "NATO Military Committee", "Johnson Space Center": unknown words ending in an
    // organisation or place head after a gazetteer entry or other capitalised words.
    for s in segs.drain(..) {
        if let Some(last) = merged.last_mut() {
            let head = &words[s.1 - 1];
            let heads_org = head.is(flag::ORG_HEAD);
            let heads_place = head.is(flag::PLACE_HEAD);
            if last.1 == s.0
                && matches!(s.2, Seg::Unknown)
                && (heads_org || heads_place)
                && matches!(last.2, Seg::Gaz(_) | Seg::Demonym | Seg::Unknown)
                && !words[last.1 - 1].poss
            {
                // "U.S. Environmental Protection Agency": the country is a mention of its own.
                if last.2 == Seg::Gaz(EntityType::Place) {
                    out.push(name_mention(
                        words,
                        last.0,
                        last.0,
                        last.1,
                        EntityType::Place,
                        ctx.field,
                    ));
                }
                last.1 = s.1;
                last.2 = Seg::Gaz(if heads_org {
                    EntityType::Organization
                } else {
                    EntityType::Place
                });
                continue;
            }
            // "National Security Council": common capitalised words before a listed
            // organisation ending in its head word are part of its name, not a name of their own.
            if last.1 == s.0
                && last.2 == Seg::Unknown
                && s.2 == Seg::Gaz(EntityType::Organization)
                && words[s.1 - 1].is(flag::ORG_HEAD)
                && words[last.0..last.1].iter().all(|w| w.is(flag::COMMON))
                && !words[last.1 - 1].poss
            {
                last.1 = s.1;
                last.2 = s.2;
                continue;
            }
        }
        merged.push(s);
    }
    for (idx, &(a, b, seg)) in merged.iter().enumerate() {
        match seg {
            Seg::Gaz(t) => {
                out.push(name_mention(words, a, a, b, t, ctx.field));
                // "Andy Warhol Foundation": a first name and a surname open the name.
                if t != EntityType::Person
                    && b - a >= 3
                    && (words[a].is(flag::MALE_NAME) || words[a].is(flag::FEMALE_NAME))
                    && words[a + 1].cap
                    && !words[a + 1].is(flag::KNOWN)
                {
                    out.push(name_mention(
                        words,
                        a,
                        a,
                        a + 2,
                        EntityType::Person,
                        ctx.field,
                    ));
                }
            }
            Seg::Demonym => {
                // A plural demonym alone names people ("Afghans"); an adjective is a modifier.
                let next_is_name = merged.get(idx + 1).is_some_and(|n| n.0 == b);
                if !next_is_name && words[a].norm.ends_with('s') && !words[a].norm.ends_with("ss") {
                    let mut m = name_mention(words, a, a, b, EntityType::Person, ctx.field);
                    m.plural = true;
                    out.push(m);
                }
            }
            Seg::Title => {
                // In the headline, a title with no name after it describes someone the body
                // names ("Senior U.S. Admiral Discloses ...").
                let named_next = merged
                    .get(idx + 1)
                    .is_some_and(|n| n.0 == b && n.2 == Seg::Unknown);
                if ctx.strict_names.is_some() && !named_next {
                    let start = extend_modifiers_back(words, a);
                    let head = words[a..b]
                        .iter()
                        .map(|w| w.norm)
                        .collect::<Vec<_>>()
                        .join(" ");
                    out.push(Mention {
                        span: span_of(words, start, b, ctx.field),
                        name: None,
                        name_text: join_words(words, start, b),
                        kind: MentionKind::Description,
                        etype: EntityType::Person,
                        gender: GAZETTEER.gender_of_word(words[b - 1].norm),
                        plural: false,
                        head,
                        title_text: None,
                        descriptors: crate::descriptors::title_phrase(words, start, b, ctx.field),
                        weak: false,
                    });
                }
            }
            Seg::Unknown if b - a == 1 && words[a].is(flag::GROUP_NOUN) => {
                let mut m = name_mention(words, a, a, b, EntityType::Person, ctx.field);
                m.plural = true;
                out.push(m);
            }
            Seg::Unknown if b - a == 1 && words[a].is(flag::REGIONAL_ADJECTIVE) => {}
            Seg::Unknown if is_title_modifier(merged, idx) => {}
            Seg::Unknown => {
                let (title_start, etype) = type_unknown(words, merged, idx, ctx);
                // A lone capitalised word opening a sentence that nothing else types is a
                // common word ("Critics", "Freight"), not a name.
                let weak = etype == EntityType::Other
                    && b - a == 1
                    && (words[a].sent_start || words[a].is(flag::COMMON));
                let mut m = name_mention(words, title_start, a, b, etype, ctx.field);
                m.weak = weak;
                if title_start < a {
                    m.title_text = Some(join_words(words, title_start, a));
                    let phrase_end = a;
                    m.descriptors =
                        crate::descriptors::title_phrase(words, title_start, phrase_end, ctx.field);
                    for c in covered.iter_mut().take(b).skip(title_start) {
                        *c = true;
                    }
                }
                if etype == EntityType::Person {
                    let g = &*GAZETTEER;
                    m.gender = m
                        .title_text
                        .as_deref()
                        .map(|t| g.gender_of_word(t.split_whitespace().last().unwrap_or("")))
                        .filter(|g| *g != Gender::Unknown)
                        .unwrap_or_else(|| g.gender_of_word(words[a].text));
                    m.descriptors
                        .extend(crate::descriptors::after_name(words, b, ctx.field));
                }
                out.push(m);
            }
        }
    }
}

/// Places and countries named inside an organisation's name ("University of North Carolina").
fn nested_places(words: &[Word], a: usize, b: usize, ctx: &FieldContext, out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let mut k = a;
    while k < b {
        let [p, c] = longest_matches(
            words,
            k,
            b,
            g.max_name_words,
            &[
                (&g.places, flag::PLACE),
                (&g.country_names, flag::COUNTRY_NAME),
            ],
        );
        let l = p.max(c);
        if l > 0 {
            out.push(name_mention(
                words,
                k,
                k,
                k + l,
                EntityType::Place,
                ctx.field,
            ));
            k += l;
        } else {
            k += 1;
        }
    }
}

/// The words `a..b` joined by single spaces (a possessive kept except on the last word).
/// The words a mention's name covers (its span where it has no name), as a range into `words`.
pub(crate) fn name_words(words: &[Word], m: &Mention) -> std::ops::Range<usize> {
    let s = m.name.unwrap_or(m.span);
    let a = words.partition_point(|w| w.end <= s.start);
    a..words.partition_point(|w| w.start < s.end).max(a)
}

/// Names mention `m` by words `a..k` (its name span, text and head word); returns the name's span.
pub(crate) fn rename(m: &mut Mention, words: &[Word], a: usize, k: usize, field: Field) -> Span {
    let name = span_of(words, a, k, field);
    m.name = Some(name);
    m.name_text = join_words(words, a, k);
    m.head = words[k - 1].norm.to_string();
    name
}

pub(crate) fn join_words(words: &[Word], a: usize, b: usize) -> String {
    let last = b.saturating_sub(1);
    let mut out = String::new();
    for (k, w) in words[a..b].iter().enumerate() {
        if !w.is_word {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if a + k == last { w.text } else { w.raw });
    }
    out
}

pub(crate) fn name_mention(
    words: &[Word],
    from: usize,
    a: usize,
    b: usize,
    etype: EntityType,
    field: Field,
) -> Mention {
    let name = span_of(words, a, b, field);
    let mut name_text = String::with_capacity(words[b - 1].end - words[a].start);
    for (k, w) in words[a..b].iter().enumerate() {
        if k > 0 {
            name_text.push(' ');
        }
        name_text.push_str(w.text);
    }
    Mention {
        span: span_of(words, from, b, field),
        name: Some(name),
        name_text,
        kind: MentionKind::Name,
        etype,
        gender: Gender::Unknown,
        plural: false,
        head: words[b - 1].norm.to_string(),
        title_text: None,
        descriptors: Vec::new(),
        weak: false,
    }
}

/// Start of the title phrase bound before an unknown name at `a`, if any.
fn title_before(words: &[Word], merged: &[(usize, usize, Seg)], idx: usize) -> Option<usize> {
    let g = &*GAZETTEER;
    let a = merged[idx].0;
    // Inside the run: "U.S. President Donald Trump", "Russian Ambassador to Belgium" handled below.
    if idx > 0 && merged[idx - 1].2 == Seg::Title && merged[idx - 1].1 == a {
        let mut s = merged[idx - 1].0;
        let mut t = idx - 1;
        while t > 0
            && merged[t - 1].1 == merged[t].0
            && (matches!(merged[t - 1].2, Seg::Demonym | Seg::Gaz(_))
                || is_title_modifier(merged, t - 1))
        {
            t -= 1;
            s = merged[t].0;
        }
        return Some(extend_modifiers_back(words, s));
    }
    // "Ambassador to Belgium Denis Gonchar": a gazetteer entry after "to/of" after a title.
    if idx > 0 && matches!(merged[idx - 1].2, Seg::Gaz(_)) && merged[idx - 1].1 == a {
        let p = merged[idx - 1].0;
        if p >= 2 && matches!(words[p - 1].norm, "to" | "of" | "for" | "at") {
            let t_end = p - 1;
            let tl = (1..=g.max_title_words.min(t_end)).rev().find(|&l| {
                longest_match(words, t_end - l, t_end, l, (&g.titles, flag::TITLE)) == l
            });
            if let Some(l) = tl {
                return Some(extend_modifiers_back(words, t_end - l));
            }
        }
    }
    // A lower-case title just before the run: "ambassador Denis Gonchar".
    if idx == 0 && a > 0 {
        for l in (1..=g.max_title_words.min(a)).rev() {
            if longest_match(words, a - l, a, l, (&g.titles, flag::TITLE)) == l {
                return Some(extend_modifiers_back(words, a - l));
            }
        }
    }
    None
}

/// A one-word unknown segment right before a title: part of it ("Interior Minister").
fn is_title_modifier(merged: &[(usize, usize, Seg)], idx: usize) -> bool {
    let (a, b, seg) = merged[idx];
    seg == Seg::Unknown
        && b - a == 1
        && merged
            .get(idx + 1)
            .is_some_and(|n| n.2 == Seg::Title && n.0 == b)
}

/// Extends a title phrase back over demonyms, country and organisation names and role modifiers
/// ("Russian", "NATO", "former", "senior").
fn extend_modifiers_back(words: &[Word], mut s: usize) -> usize {
    while s > 0 {
        let w = &words[s - 1];
        if !w.is_word || w.poss && !w.is(flag::COUNTRY_OF) {
            break;
        }
        let ok = w.is(flag::DEMONYM)
            || w.is(flag::COUNTRY_OF)
            || w.is(flag::ORGANIZATION)
            || w.is(flag::ROLE_MODIFIER);
        if !ok {
            break;
        }
        s -= 1;
    }
    s
}

/// Whether an organisation's head word stands before a lower-case connector inside a name
/// ("Max Planck Institute for Astrophysics", "Bank of Montreal"): the head is not the last word.
fn heads_org_before_connector(name: &[Word]) -> bool {
    name.windows(2).any(|p| {
        p[0].cap && p[0].is(flag::ORG_HEAD) && !p[1].cap && CONNECTORS.contains(&p[1].norm)
    })
}

/// The type of an unknown capitalised name, and where a title bound to it starts.
fn type_unknown(
    words: &[Word],
    merged: &[(usize, usize, Seg)],
    idx: usize,
    ctx: &FieldContext,
) -> (usize, EntityType) {
    let (a, b, _) = merged[idx];
    let last = &words[b - 1];
    // An organisation's head word decides before any title nearby ("the Prime Minister's
    // Office", "Chairman of Halvorsen Logistics").
    if last.is(flag::ORG_HEAD) || heads_org_before_connector(&words[a..b]) {
        return (a, EntityType::Organization);
    }
    if let Some(s) = title_before(words, merged, idx) {
        return (s, EntityType::Person);
    }
    if last.is(flag::PLACE_HEAD) && b - a > 1 {
        return (a, EntityType::Place);
    }
    if words[a].is(flag::MALE_NAME) || words[a].is(flag::FEMALE_NAME) {
        return (a, EntityType::Person);
    }
    if b - a == 1 && is_acronym(words[a].text) {
        return (a, EntityType::Organization);
    }
    // Context after: ", who", "said".
    let next = words.get(b).map(|w| w.norm).unwrap_or("");
    let next2 = words.get(b + 1).map(|w| w.norm).unwrap_or("");
    if (next == "," && next2 == "who")
        || matches!(
            next,
            "said"
                | "says"
                | "told"
                | "added"
                | "explained"
                | "stated"
                | "wrote"
                | "argued"
                | "noted"
        )
    {
        return (a, EntityType::Person);
    }
    // Context before: "in Kanata", "at Google".
    let prev = if a > 0 { words[a - 1].norm } else { "" };
    if matches!(prev, "in" | "near" | "across" | "outside" | "inside") && b - a == 1 {
        return (a, EntityType::Place);
    }
    // Words also written in lower case ("Space Shuttle", "Science Fair") are not personal names.
    let common = words[a..b]
        .iter()
        .any(|w| ctx.seen_lower(w) || w.is(flag::COMMON));
    match b - a {
        2 | 3 if !common => (a, EntityType::Person),
        1..=3 => (a, EntityType::Other),
        _ => (a, EntityType::Organization),
    }
}

/// Definite descriptions of people: "the ambassador", "the former Polish Prime Minister",
/// "Russia's ambassador".
fn descriptions(words: &[Word], ctx: &FieldContext, covered: &[bool], out: &mut Vec<Mention>) {
    let g = &*GAZETTEER;
    let n = words.len();
    for i in 0..n {
        let w = &words[i];
        let determiner =
            w.norm == "the" || (w.poss && (w.is(flag::COUNTRY_OF) || w.is(flag::ORGANIZATION)));
        if !determiner || covered[i] {
            continue;
        }
        // "the alliance", "the organization's": an organisation named before.
        if w.norm == "the" {
            if let Some(h) = words.get(i + 1) {
                let next_is_name = words.get(i + 2).is_some_and(|x| x.cap && x.is_word);
                if h.is_word && h.is(flag::ORG_REFERENCE) && !next_is_name && !covered[i + 1] {
                    out.push(Mention {
                        span: span_of(words, i, i + 2, ctx.field),
                        name: None,
                        name_text: join_words(words, i, i + 2),
                        kind: MentionKind::Description,
                        etype: EntityType::Organization,
                        gender: Gender::Unknown,
                        plural: false,
                        head: h.norm.to_string(),
                        title_text: None,
                        descriptors: Vec::new(),
                        weak: false,
                    });
                    continue;
                }
            }
        }
        let mut k = i + 1;
        let mut former = false;
        // Modifiers, then a role head (possibly two words: "prime minister").
        let mut head: Option<(usize, usize)> = None;
        while k < n && k <= i + 5 && words[k].is_word && !covered[k] {
            let nk = words[k].norm;
            let t = longest_match(words, k, n, g.max_title_words, (&g.titles, flag::TITLE));
            let role_len = if t > 0 {
                t
            } else {
                usize::from(words[k].is(flag::ROLE_NOUN))
            };
            if role_len > 0 {
                let end = k + role_len;
                // "the head of", "the chief of staff": fine; a name right after is a title binding.
                let followed_by_name = words
                    .get(end)
                    .is_some_and(|w| w.cap && w.is_word && !w.is(flag::TITLE));
                let more_role = words
                    .get(end)
                    .is_some_and(|w| w.is(flag::ROLE_NOUN) || w.is(flag::TITLE));
                if more_role && !words[end - 1].poss {
                    k = end;
                    continue;
                }
                // "the general public", "the general assembly": the role word is an adjective
                // of the noun after it, not a person.
                let modifies_noun = words.get(end).is_some_and(|w| {
                    w.is_word
                        && !w.cap
                        && !words[end - 1].poss
                        && ADJECTIVE_ROLES.contains(&words[end - 1].norm)
                        && !NOT_A_NOUN_AFTER_ROLE.contains(&w.norm)
                });
                if !followed_by_name && !modifies_noun {
                    head = Some((k, end));
                }
                break;
            }
            if nk == "former" || nk == "ex" {
                former = true;
            }
            let ok = words[k]
                .is(flag::ROLE_MODIFIER | flag::DEMONYM | flag::COUNTRY_OF | flag::ORGANIZATION);
            if !ok || words[k].poss {
                break;
            }
            k += 1;
        }
        let Some((h0, h1)) = head else { continue };
        let from = i;
        let span = span_of(words, from, h1, ctx.field);
        let head_norm = words[h0..h1]
            .iter()
            .map(|w| w.norm)
            .collect::<Vec<_>>()
            .join(" ");
        let gender = g.gender_of_word(words[h1 - 1].norm);
        let mut descriptors = Vec::new();
        let desc_start = if w.norm == "the" { i + 1 } else { i };
        if desc_start < h1 {
            descriptors = crate::descriptors::title_phrase(words, desc_start, h1, ctx.field);
        }
        descriptors.extend(crate::descriptors::after_name(words, h1, ctx.field));
        if former {
            for d in descriptors.iter_mut() {
                if d.kind == newsprobe_core::DescriptorKind::Role {
                    d.former = true;
                }
            }
        }
        let text = join_words(words, from, h1);
        out.push(Mention {
            span,
            name: None,
            name_text: text,
            kind: MentionKind::Description,
            etype: EntityType::Person,
            gender,
            plural: false,
            head: head_norm,
            title_text: None,
            descriptors,
            weak: false,
        });
    }
}

fn pronouns(words: &[Word], ctx: &FieldContext, out: &mut Vec<Mention>) {
    for w in words {
        if !w.is_word {
            continue;
        }
        // Every pronoun starts with "h" or "s" (a quick test before the comparisons).
        if !matches!(w.norm.as_bytes().first(), Some(b'h' | b's')) {
            continue;
        }
        if let Some(&(_, gender, plural)) = PRONOUNS.iter().find(|p| p.0 == w.norm) {
            let span = Span {
                start: w.start,
                end: w.end,
                field: ctx.field,
            };
            out.push(Mention {
                span,
                name: None,
                name_text: w.text.to_string(),
                kind: MentionKind::Pronoun,
                etype: EntityType::Person,
                gender,
                plural,
                head: w.norm.to_string(),
                title_text: None,
                descriptors: Vec::new(),
                weak: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsprobe_core::Document;

    /// The words read from the document's table of lower-cased tokens are the words lower-cased
    /// here: titles with their periods ("Gov.", "Sen."), initials, possessives with straight and
    /// curly apostrophes, non-ASCII names, capitals.
    #[test]
    fn words_from_the_table_are_the_words_lowered_here() {
        let doc = Document::from_text(
            None,
            "Gov. Ángel Núñez’s aide, Sen. J. R. Smith Jr. and Dr. Żaneta O'Brien's team met \
             São Paulo’s Mayor. NATO’s chief spoke to Ms. Ünal in Köln; the U.S. said so.",
        );
        let (mut a, mut b) = (String::new(), String::new());
        let plain = words(&doc.text, &doc.tokens, &doc.sentences, &mut a);
        let tabled = words_with(
            &doc.text,
            &doc.tokens,
            &doc.sentences,
            Some(&doc.words),
            &mut b,
        );
        let facts = |ws: &[Word]| -> Vec<String> {
            ws.iter()
                .map(|w| {
                    let f = (
                        w.start, w.end, w.text, w.raw, w.norm, w.is_word, w.cap, w.poss,
                    );
                    format!("{f:?} {} {}", w.sent, w.sent_start)
                })
                .collect()
        };
        assert_eq!(facts(&plain), facts(&tabled));
        assert!(tabled.iter().any(|w| w.norm == "gov."));
        assert!(tabled.iter().any(|w| w.norm == "ángel"));
        assert!(tabled.iter().any(|w| w.norm == "núñez"));
    }

    fn mentions(text: &str) -> Vec<(String, EntityType, MentionKind)> {
        let doc = Document::from_text(None, text);
        let mut buf = String::new();
        let ws = words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
        let lower: Set<&str> = ws.iter().filter(|w| !w.cap).map(|w| w.norm).collect();
        let ctx = FieldContext {
            field: Field::Text,
            lowercase: &lower,
            strict_names: None,
            sports: false,
        };
        find_mentions(&ws, &ctx)
            .into_iter()
            .map(|m| (doc.span_text(&m.span).to_string(), m.etype, m.kind))
            .collect()
    }

    #[test]
    fn title_bound_names() {
        let m =
            mentions("Russian Ambassador to Belgium Denis Gonchar spoke in Brussels on Friday.");
        assert!(
            m.contains(&(
                "Russian Ambassador to Belgium Denis Gonchar".into(),
                EntityType::Person,
                MentionKind::Name
            )),
            "{m:?}"
        );
        assert!(m.contains(&("Belgium".into(), EntityType::Place, MentionKind::Name)));
        assert!(m.contains(&("Brussels".into(), EntityType::Place, MentionKind::Name)));
        let m =
            mentions("Later, Adm. Dragone met Secretary-General Mark Rutte at NATO headquarters.");
        assert!(
            m.contains(&("Adm. Dragone".into(), EntityType::Person, MentionKind::Name)),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Secretary-General Mark Rutte".into(),
                EntityType::Person,
                MentionKind::Name
            )),
            "{m:?}"
        );
        assert!(m.contains(&("NATO".into(), EntityType::Organization, MentionKind::Name)));
    }

    #[test]
    fn organisations_places_and_descriptions() {
        let m = mentions("The Black Sea Fleet Command and the European Union disagreed. The ambassador said he would stay in the Black Sea region.");
        assert!(
            m.contains(&(
                "European Union".into(),
                EntityType::Organization,
                MentionKind::Name
            )),
            "{m:?}"
        );
        assert!(
            m.contains(&("Black Sea".into(), EntityType::Place, MentionKind::Name)),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "The ambassador".into(),
                EntityType::Person,
                MentionKind::Description
            )),
            "{m:?}"
        );
        assert!(m.contains(&("he".into(), EntityType::Person, MentionKind::Pronoun)));
        let m = mentions(
            "Amid the tension, the former Polish Prime Minister, who recently stepped down, spoke.",
        );
        assert!(
            m.contains(&(
                "the former Polish Prime Minister".into(),
                EntityType::Person,
                MentionKind::Description
            )),
            "{m:?}"
        );
    }

    #[test]
    fn quick_tests_agree_with_the_lists() {
        assert!(PRONOUNS
            .iter()
            .all(|p| matches!(p.0.as_bytes().first(), Some(b'h' | b's'))));
        let g = &*GAZETTEER;
        for t in &g.titles {
            if let Some(stem) = t.strip_suffix('.') {
                assert!(g.dotted_titles.contains(stem));
            }
        }
        for stem in &g.dotted_titles {
            assert!(g.titles.contains(&format!("{stem}.")));
        }
        for text in ["USA", "U.S.", "AT&T", "G7", "A", "Nato", "ABCDEFG", "ÉU"] {
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let expected = (2..=6).contains(&letters)
                && text
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit());
            assert_eq!(is_acronym(text), expected, "{text}");
        }
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let m =
            mentions("Yet the plan failed. Questions remain about yet another plan and questions.");
        assert!(
            m.iter().all(|(t, _, _)| t != "Yet" && t != "Questions"),
            "{m:?}"
        );
    }
}
