//! Which words signal speech, roles, groups and anonymity?
//!
//! Word lists are written here as lemmas and expanded once (at first use) into every inflected
//! form, so "emphasize" also finds "emphasized", "emphasizes" and "emphasizing".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast hash for short word keys, eight bytes at a time (the tables are fixed, so no DoS
/// concern; nothing here is a model's feature hash).
#[derive(Default)]
pub struct WordHasher(u64);

const K: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // murmur3's finaliser: every input bit reaches the high bits (hashbrown's tag) and
        // the low bits (its bucket).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ (bytes.len() as u64).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0 ^ u64::from(i)).wrapping_mul(K);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0 ^ i).wrapping_mul(K);
    }

    fn write_u128(&mut self, i: u128) {
        let (lo, hi) = (i as u64, (i >> 64) as u64);
        self.0 = (self.0 ^ lo).wrapping_mul(K).rotate_left(29) ^ hi.wrapping_mul(K);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Grammatical form of a reporting verb occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "say", "says": present.
    Present,
    /// "said", "emphasized": past tense or participle.
    Past,
    /// "saying", "asserting": gerund / participle.
    Gerund,
}

/// A reporting cue: its lemma and the form found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub lemma: &'static str,
    pub form: Form,
}

/// Reporting-verb lemmas: verbs of saying, writing, believing and showing that introduce a
/// statement attributed to someone (a superset of the usual reporting-verb lists).
const CUE_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "explain",
    "claim",
    "state",
    "assert",
    "argue",
    "warn",
    "insist",
    "announce",
    "declare",
    "report",
    "write",
    "tweet",
    "post",
    "ask",
    "answer",
    "reply",
    "respond",
    "suggest",
    "acknowledge",
    "admit",
    "concede",
    "confirm",
    "deny",
    "allege",
    "accuse",
    "complain",
    "charge",
    "contend",
    "maintain",
    "emphasize",
    "emphasise",
    "stress",
    "observe",
    "remark",
    "mention",
    "recall",
    "reveal",
    "disclose",
    "describe",
    "predict",
    "promise",
    "vow",
    "pledge",
    "urge",
    "testify",
    "conclude",
    "estimate",
    "believe",
    "think",
    "fear",
    "hope",
    "worry",
    "agree",
    "disagree",
    "criticize",
    "criticise",
    "praise",
    "blame",
    "boast",
    "brag",
    "joke",
    "quip",
    "muse",
    "continue",
    "reiterate",
    "repeat",
    "recount",
    "caution",
    "advise",
    "demand",
    "propose",
    "signal",
    "indicate",
    "show",
    "find",
    "counter",
    "retort",
    "shout",
    "whisper",
    "cite",
    "inform",
    "assure",
    "remind",
    "wonder",
    "speculate",
    "object",
    "protest",
    "lament",
    "echo",
    "highlight",
    "underscore",
    "underline",
    "recommend",
    "acknowledge",
    "complain",
    "threaten",
    "suspect",
    "forecast",
    "calculate",
    "snap",
    "plead",
    "speak",
    "scoff",
    "exclaim",
    "interject",
    // ("“…?” Thomas interrupts.")
    "interrupt",
    "proclaim",
    "stipulate",
    "summarize",
    "summarise",
    "theorize",
    "guess",
    "figure",
    "reckon",
    "imply",
    "insinuate",
    "affirm",
    "attest",
    "swear",
    "concur",
    "dispute",
    "reject",
    "question",
    "doubt",
    "learn",
    "announce",
    "relate",
    "divulge",
    "confide",
    "brief",
    "elaborate",
    "clarify",
    "contest",
    "call",
    "frame",
    "dismiss",
    "label",
    "brand",
    "crack",
    "gush",
    "rave",
    "rant",
    "sigh",
    "chuckle",
    "laugh",
    "huff",
    "grumble",
    "mutter",
    "murmur",
    "yell",
    "scream",
    "cry",
    "thunder",
    "bellow",
    "roar",
    "declaim",
    "pontificate",
    "opine",
    "surmise",
    "posit",
    "aver",
    "avow",
    "concede",
    "acknowledge",
    "volunteer",
    "offer",
    "begin",
    "conclude",
    "chime",
    "jab",
    "needle",
    "taunt",
    "mock",
    "ridicule",
    "slam",
    "blast",
    "attack",
    "decry",
    "denounce",
    "condemn",
    "lash",
    "rip",
    "tout",
    "hail",
    "applaud",
    "welcome",
    "endorse",
    "back",
    "support",
    "oppose",
    "want",
    "expect",
    "predict",
    "see",
    "view",
    "consider",
    "know",
    "recognize",
    "understand",
    "sing",
    "chant",
    "quote",
    "read",
    "defend",
    "vow",
    "refuse",
    "plan",
    "favor",
    "favour",
    "embrace",
    // Manner-of-speaking verbs that attribute a quotation ("“…!” beamed Hartley", "“…,” she
    // confessed").
    "beam",
    "bark",
    "exhort",
    "confess",
    "chirp",
    "growl",
    "hiss",
    "sneer",
    "marvel",
    "stammer",
    "deadpan",
    "intone",
    "drawl",
    "grouse",
    "gripe",
    "scold",
    "chide",
    "implore",
    "groan",
    "moan",
    "wail",
    "rebut",
    // Only with their particle ("called for", "referring to", "declined to"): see `needs_that`.
    "refer",
    "point",
    "talk",
    "decline",
    // "he characterized Sen. Kaine as “a little desperate”": a naming verb, as "describe".
    "characterize",
    "characterise",
    // "al-Jubeir e-mailed me that …": a written statement (with "that" only: "she emailed the
    // files" states nothing).
    "email",
    "e-mail",
    // "when Lin purported the man didn't know": with its subject right before it only ("the
    // purported video" is an adjective; see `Ctx::verb_cue`).
    "purport",
];

/// Irregular forms: (lemma, past forms, third-person, gerund).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("think", &["thought"]),
    ("find", &["found"]),
    ("speak", &["spoke", "spoken"]),
    ("swear", &["swore", "sworn"]),
    ("plead", &["pled", "pleaded"]),
    ("forecast", &["forecast", "forecasted"]),
    ("show", &["showed", "shown"]),
    ("learn", &["learned", "learnt"]),
    ("sing", &["sang", "sung"]),
    ("read", &["read"]),
];

/// Verbs whose final consonant doubles before -ed/-ing.
const DOUBLING: &[&str] = &[
    "admit", "quip", "snap", "signal", "compel", "regret", "commit", "omit", "refer", "deadpan",
    "rebut",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn inflections(lemma: &'static str) -> Vec<(String, Form)> {
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'x');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'x' };
    let mut out = vec![(lemma.to_string(), Form::Present)];
    // third person
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    out.push((third, Form::Present));
    let stem_double = DOUBLING.contains(&lemma);
    let doubled = format!("{lemma}{}", last as char);
    // past
    if let Some((_, past)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        out.extend(past.iter().map(|p| (p.to_string(), Form::Past)));
    } else if last == b'e' {
        out.push((format!("{lemma}d"), Form::Past));
    } else if last == b'y' && !is_vowel(before_last) {
        out.push((format!("{}ied", &lemma[..lemma.len() - 1]), Form::Past));
    } else if stem_double {
        out.push((format!("{doubled}ed"), Form::Past));
        out.push((format!("{lemma}ed"), Form::Past));
    } else {
        out.push((format!("{lemma}ed"), Form::Past));
    }
    // gerund
    if last == b'e' && !matches!(before_last, b'e' | b'y' | b'o') {
        out.push((format!("{}ing", &lemma[..lemma.len() - 1]), Form::Gerund));
    } else if stem_double {
        out.push((format!("{doubled}ing"), Form::Gerund));
        out.push((format!("{lemma}ing"), Form::Gerund));
    } else {
        out.push((format!("{lemma}ing"), Form::Gerund));
    }
    out
}

/// What the lexicon knows about one lower-cased word: the reporting cue it is, if any, and
/// the word classes it belongs to (`Lex::STATEMENT_NOUN` …). Looked up once per token by
/// [`crate::speaker::Ctx`], so the detectors read flags instead of comparing strings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    /// The cue: 0 for none, else the index of its lemma in `CUE_LEMMAS` times 4 plus its
    /// form (1 present, 2 past, 3 gerund).
    cue: u16,
    pub flags: u16,
}

impl Lex {
    pub const STATEMENT_NOUN: u16 = 1;
    pub const EVIDENCE_NOUN: u16 = 1 << 1;
    pub const TITLE: u16 = 1 << 2;
    pub const GROUP_WORD: u16 = 1 << 3;
    pub const NP_STOP: u16 = 1 << 4;
    pub const CUE_MODIFIER: u16 = 1 << 5;
    pub const DETERMINER: u16 = 1 << 6;
    /// A role noun or its plural with "s" (see [`is_role_noun`]).
    pub const ROLE_NOUN: u16 = 1 << 7;
    /// A speaker pronoun (see [`pronoun`]).
    pub const PRONOUN: u16 = 1 << 8;
    /// An anchor word of an anonymity cue (see [`ANONYMITY_ANCHORS`]).
    pub const ANONYMITY_ANCHOR: u16 = 1 << 9;
    /// A word other than a cue or statement noun that opens reported speech (see
    /// [`REPORT_ANCHORS`]).
    pub const REPORT_ANCHOR: u16 = 1 << 10;
    /// A document, record or medium (see [`RECORD_NOUNS`]).
    pub const RECORD_NOUN: u16 = 1 << 11;
    /// Bits above this are free for the users of `flags`.
    pub const USED_BITS: u16 = (1 << 12) - 1;

    pub fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// These facts with more flags set (in the bits above `USED_BITS`).
    pub fn with_flags(mut self, extra: u16) -> Lex {
        self.flags |= extra;
        self
    }

    pub fn is_cue(self) -> bool {
        self.cue != 0
    }

    pub fn cue(self) -> Option<CueWord> {
        let form = match self.cue & 3 {
            0 => return None,
            1 => Form::Present,
            2 => Form::Past,
            _ => Form::Gerund,
        };
        Some(CueWord {
            lemma: CUE_LEMMAS[usize::from(self.cue >> 2)],
            form,
        })
    }
}

/// Cue lemmas whose other forms are nouns far more often than verbs: only their past tense
/// is a cue.
const PAST_ONLY: &[&str] = &["email", "e-mail"];

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut map: FastMap<String, Lex> = FastMap::default();
    for (i, &lemma) in CUE_LEMMAS.iter().enumerate() {
        // A lemma listed twice keeps its first place.
        let i = CUE_LEMMAS.iter().position(|&l| l == lemma).unwrap_or(i);
        for (form_text, form) in inflections(lemma) {
            // ("e-mailed me that" only: "an email", "WikiLeaks emails" are the nouns.)
            if PAST_ONLY.contains(&lemma) && form != Form::Past {
                continue;
            }
            let e = map.entry(form_text).or_default();
            if e.cue == 0 {
                let f = match form {
                    Form::Present => 1,
                    Form::Past => 2,
                    Form::Gerund => 3,
                };
                e.cue = u16::try_from(i << 2).expect("few lemmas") | f;
            }
        }
    }
    let mut flag = |words: &[&str], f: u16| {
        for w in words {
            map.entry((*w).to_string()).or_default().flags |= f;
        }
    };
    flag(STATEMENT_NOUNS, Lex::STATEMENT_NOUN);
    flag(EVIDENCE_NOUNS, Lex::EVIDENCE_NOUN);
    flag(TITLES, Lex::TITLE);
    flag(GROUP_WORDS, Lex::GROUP_WORD);
    flag(NP_STOPS, Lex::NP_STOP);
    flag(CUE_MODIFIERS, Lex::CUE_MODIFIER);
    flag(DETERMINERS, Lex::DETERMINER);
    flag(ROLE_NOUNS, Lex::ROLE_NOUN);
    let plural_roles: Vec<String> = ROLE_NOUNS.iter().map(|r| format!("{r}s")).collect();
    flag(
        &plural_roles.iter().map(String::as_str).collect::<Vec<_>>(),
        Lex::ROLE_NOUN,
    );
    flag(PRONOUNS, Lex::PRONOUN);
    flag(ANONYMITY_ANCHORS, Lex::ANONYMITY_ANCHOR);
    flag(REPORT_ANCHORS, Lex::REPORT_ANCHOR);
    flag(RECORD_NOUNS, Lex::RECORD_NOUN);
    let plural_records: Vec<String> = RECORD_NOUNS.iter().map(|r| format!("{r}s")).collect();
    flag(
        &plural_records
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        Lex::RECORD_NOUN,
    );
    // Keyed by the word's bytes packed into an integer: no string to follow and compare.
    let mut short = ShortTable::default();
    let mut packed: FastMap<u128, Lex> = FastMap::default();
    let mut long: FastMap<String, Lex> = FastMap::default();
    for (w, lex) in map {
        if let Some(k) = pack_short(&w) {
            short.insert(k, lex);
        } else if let Some(k) = pack(&w) {
            packed.insert(k, lex);
        } else {
            long.insert(w, lex);
        }
    }
    Lexicon {
        short,
        packed,
        long,
    }
});

struct Lexicon {
    /// Entries of up to 7 bytes, by [`pack_short`].
    short: ShortTable,
    /// Entries of 8 to 15 bytes, by [`pack`].
    packed: FastMap<u128, Lex>,
    /// Longer entries.
    long: FastMap<String, Lex>,
}

/// An open-addressing table of packed short words (never 0) and their facts, side by side in
/// one array, so that a look-up reads one cache line where a general map reads two.
struct ShortTable {
    slots: Vec<(u64, Lex)>,
    len: usize,
    /// 64 minus the log2 of the number of slots.
    shift: u32,
}

impl Default for ShortTable {
    fn default() -> Self {
        ShortTable {
            slots: vec![(0, Lex::default()); 16],
            len: 0,
            shift: 60,
        }
    }
}

impl ShortTable {
    fn home(&self, k: u64) -> usize {
        (k.wrapping_mul(K) >> self.shift) as usize
    }

    fn get(&self, k: u64) -> Option<&Lex> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        loop {
            let (key, lex) = &self.slots[i];
            if *key == k {
                return Some(lex);
            }
            if *key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, k: u64, lex: Lex) {
        debug_assert_ne!(k, 0);
        // At most half full: short probes, nearly always within one cache line.
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            let n = old.len() * 2;
            self.slots = vec![(0, Lex::default()); n];
            self.len = 0;
            self.shift = 64 - n.trailing_zeros();
            for (key, l) in old.into_iter().filter(|x| x.0 != 0) {
                self.put(key, l);
            }
        }
        self.put(k, lex);
    }

    fn put(&mut self, k: u64, lex: Lex) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(k);
        while self.slots[i].0 != 0 && self.slots[i].0 != k {
            i = (i + 1) & mask;
        }
        if self.slots[i].0 == 0 {
            self.len += 1;
        }
        self.slots[i] = (k, lex);
    }

    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &u64> {
        self.slots.iter().map(|x| &x.0).filter(|&&k| k != 0)
    }
}

/// A word of 1 to 7 bytes packed into an integer: its bytes little-endian, zero-padded, and
/// its length in the top byte.
fn pack_short(word: &str) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    // The bytes of `pack`'s key fill its low 56 bits; only the length moves.
    let bytes = pack(word)? as u64 & ((1 << 56) - 1);
    Some(((word.len() as u64) << 56) | bytes)
}

/// A word of 1 to 15 bytes packed into an integer: its bytes little-endian, zero-padded, and
/// its length in the top byte.
fn pack(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut k = (b.len() as u128) << 120;
    for (i, &x) in b.iter().enumerate() {
        k |= u128::from(x) << (8 * i);
    }
    Some(k)
}

/// Everything the lexicon knows about a lower-cased word (nothing for an unknown word).
pub fn lookup(word: &str) -> Lex {
    // Every entry starts with a letter a-z (see the tests): punctuation and numbers need no
    // look-up.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return Lex::default();
    }
    let lexicon = &*LEXICON;
    if let Some(k) = pack_short(word) {
        lexicon.short.get(k)
    } else if let Some(k) = pack(word) {
        lexicon.packed.get(&k)
    } else if lexicon.long.is_empty() {
        None
    } else {
        lexicon.long.get(word)
    }
    .copied()
    .unwrap_or_default()
}

/// [`lookup`] of `buf[start..end]`, reading the word's bytes at once where `buf` goes on for
/// 16 bytes from `start`.
pub fn lookup_in(buf: &str, start: usize, end: usize) -> Lex {
    let b = buf.as_bytes();
    let len = end.saturating_sub(start);
    let Some(window) = b.get(start..start + 16) else {
        return buf.get(start..end).map(lookup).unwrap_or_default();
    };
    if len == 0 || len > 15 || !window[0].is_ascii_lowercase() {
        return buf.get(start..end).map(lookup).unwrap_or_default();
    }
    let mut w = [0u8; 16];
    w.copy_from_slice(window);
    let bytes = u128::from_le_bytes(w);
    let lexicon = &*LEXICON;
    if len <= 7 {
        let mask = (1u64 << (8 * len)) - 1;
        let k = (bytes as u64 & mask) | ((len as u64) << 56);
        lexicon.short.get(k)
    } else {
        let mask = (1u128 << (8 * len)) - 1;
        let k = (bytes & mask) | ((len as u128) << 120);
        lexicon.packed.get(&k)
    }
    .copied()
    .unwrap_or_default()
}

/// The reporting cue a lower-cased word is, if any.
pub fn cue(word: &str) -> Option<CueWord> {
    lookup(word).cue()
}

/// Nouns naming something said: "the claim that …", "his warning that …".
const STATEMENT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "assertions",
    "statement",
    "argument",
    "arguments",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "warning",
    "warnings",
    "suggestion",
    "insistence",
    "contention",
    "promise",
    "promises",
    "pledge",
    "vow",
    "charge",
    "charges",
    "complaint",
    "complaints",
    "announcement",
    "admission",
    "prediction",
    "predictions",
    "assurance",
    "assurances",
    "declaration",
    "message",
    "remark",
    "remarks",
    "comment",
    "comments",
    "belief",
    "view",
    "fear",
    "fears",
    "hope",
    "hopes",
    "rumor",
    "rumors",
    "reports",
];

/// Whether `word` (lower case) is a form of "be" that makes a passive or a progressive: "is",
/// "are", "was", "were", "be", "been", "being" (contractions such as "'s" are the caller's).
pub fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// Whether `word` (lower case) is a day of the week (core's one list, `WEEKDAYS`).
pub fn is_weekday(word: &str) -> bool {
    newsprobe_core::lexicon::WEEKDAYS.contains(&word)
}

/// Whether `word` (lower case) is a cardinal number word: "one" to "twelve", "dozen",
/// "hundred", "thousand", "million" and their plurals ("Two said", "Hundreds marched"). The one
/// list of number words the speaker checks read (junk speaker heads, names at a sentence start).
pub fn is_number_word(word: &str) -> bool {
    let w = match word.strip_suffix('s') {
        Some(w @ ("dozen" | "hundred" | "thousand" | "million" | "billion")) => w,
        _ => word,
    };
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "dozen"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
    )
}

/// Words that open a fronted adverbial of time, place or occasion ("At his cookout, …", "On
/// Thursday, however, …", "Hours after the debate, …"): a phrase that sets the scene of a
/// statement and is not itself one.
pub fn opens_adverbial(word: &str) -> bool {
    matches!(
        word,
        "at" | "on"
            | "in"
            | "during"
            | "through"
            | "after"
            | "before"
            | "since"
            | "despite"
            | "amid"
            | "following"
            | "with"
            | "from"
            | "over"
            | "under"
            | "hours"
            | "days"
            | "minutes"
            | "moments"
            | "weeks"
            | "shortly"
    )
}

/// Finite auxiliaries and forms of "be" and "have": a word phrase holding one is a clause.
pub fn is_finite_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
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
            | "'s"
            | "’s"
            | "'re"
            | "’re"
            | "won't"
            | "won’t"
    )
}

/// Adjectives and quantifiers that only modify a noun: a plural cue word after one is the noun
/// ("Various reports suggest", "criminal suspects could be extradited", "conflicting accounts").
/// Not the quantifiers that stand alone as a subject ("some say", "many believe", "few think").
pub fn is_plural_noun_modifier(word: &str) -> bool {
    matches!(
        word,
        "various"
            | "numerous"
            | "multiple"
            | "conflicting"
            | "recent"
            | "earlier"
            | "previous"
            | "initial"
            | "unconfirmed"
            | "unverified"
            | "widespread"
            | "repeated"
            | "false"
            | "criminal"
            | "tricky"
            | "additional"
            | "further"
            | "separate"
            | "similar"
            | "retirement"
            | "pension"
            | "media"
            | "news"
            | "press"
            | "enemy"
            | "terror"
            | "terrorist"
            | "missile"
            | "air"
            | "drone"
            // "The latest reports, however, claim …": the newest of something.
            | "latest"
            | "newest"
            | "new"
            | "fresh"
            | "preliminary"
    )
}

/// Compound nouns whose first word is a cue word: "a water think tank", "a report card", "the
/// call centre". The cue word there is no verb.
pub fn is_cue_compound(cue: &str, next: &str) -> bool {
    matches!(
        (cue, next),
        ("think", "tank" | "tanks" | "piece" | "pieces")
            | ("report" | "reports", "card" | "cards")
            | (
                "call" | "calls",
                "center" | "centre" | "centers" | "centres" | "sign" | "log" | "logs"
            )
            | ("support", "staff" | "group" | "groups" | "team" | "teams")
            | (
                "warning",
                "sign" | "signs" | "shot" | "shots" | "label" | "labels" | "light" | "lights"
            )
            | ("claims", "adjuster" | "adjusters" | "process")
            | ("answer", "key" | "sheet")
    )
}

pub fn is_statement_noun(word: &str) -> bool {
    lookup(word).has(Lex::STATEMENT_NOUN)
}

/// Nouns for evidence that "shows" or "finds" something: polls, studies, records.
const EVIDENCE_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "record",
    "records",
    "analysis",
    "analyses",
    "figures",
    "numbers",
    "documents",
    "filings",
    "filing",
    "results",
    "research",
    "tally",
    "count",
    "estimates",
    "statistics",
    "review",
    "audit",
    "investigation",
    "evidence",
    "emails",
    "projections",
    "forecast",
    "model",
    "census",
];

pub fn is_evidence_noun(word: &str) -> bool {
    lookup(word).has(Lex::EVIDENCE_NOUN)
}

/// Documents, records and media a statement can come from ("the letter says", "the website
/// says", "an autopsy showed", "his speech"): no person, organisation or group. The project's
/// one list of them (singular forms; [`is_record_noun`] also knows each with an "s"). A
/// record's statement is its author's where the article names one ("the WHO report", "a
/// letter from the ministry", "Her report"), else it has no named speaker: the record stays
/// its mention ([`crate::document`]). Beside the statement nouns ("the statement") and the
/// evidence nouns ("the study", "records", "a filing"), which are records too
/// ([`is_document_noun`]); "a statement", "a complaint", "an announcement" are listed here too
/// as issued documents, besides being statement nouns for the cues.
/// Not "label" (a record label is a company); "the paper" is read first as a newspaper (the
/// organisation descriptions of [`crate::resolve`]), "the white paper" is a record. A
/// capitalised word is a name, not a record ("Page said"). Not "profile" nor "platform" either
/// ("Swift got high profile support" is no speaker).
const RECORD_NOUNS: &[&str] = &[
    "website",
    "site",
    "slide",
    "database",
    "page",
    "document",
    "chart",
    "graph",
    "table",
    "map",
    "video",
    "footage",
    "tweet",
    "post",
    "blog",
    "brief",
    "transcript",
    "memo",
    "memorandum",
    "email",
    "e-mail",
    "letter",
    "sign",
    "ad",
    "advert",
    "advertisement",
    "commercial",
    "release",
    "book",
    "article",
    "column",
    "editorial",
    "headline",
    "description",
    "caption",
    "notice",
    "summary",
    "speech",
    "interview",
    "average",
    "returns",
    "paper",
    "show",
    "message",
    "textbook",
    "account",
    "petition",
    "film",
    "broadcast",
    "notes",
    "minutes",
    "testimony",
    "story",
    "statement",
    "complaint",
    "announcement",
    "remarks",
    "clip",
    "spot",
    "piece",
    "advisory",
    "lawsuit",
    "suit",
    "indictment",
    "affidavit",
    "motion",
    "warrant",
    "guidelines",
    "manual",
    "ruling",
    "verdict",
    "rule",
    "law",
    "bill",
    "legislation",
    "order",
    "decree",
    "resolution",
    "charter",
    "constitution",
    "treaty",
    "agreement",
    "contract",
    "plan",
    "proposal",
    "budget",
    "text",
    "note",
    "banner",
    "documentary",
    "movie",
    "podcast",
    "newsletter",
    "bulletin",
    "brochure",
    "leaflet",
    "flyer",
    "sensor",
    "monitor",
    "camera",
    "section",
    "op-ed",
    "memoir",
    "biography",
    "missive",
    "correspondence",
    "readout",
    "paperwork",
    "letterhead",
    "photograph",
    "photo",
    "findings",
    "file",
    "slogan",
    "playbook",
    "timeline",
    "graphic",
    "placard",
    "skit",
    "episode",
    "series",
    "quiz",
    "algorithm",
    "simulation",
    "probe",
    "inquiry",
    "hearing",
    "briefing",
    "posting",
    "recording",
    "warning",
    "test",
    "scan",
    "x-ray",
    "autopsy",
    "biopsy",
    "guidance",
    "reply",
    "opinion",
    "standards",
    "regulation",
    "register",
    "registry",
    "list",
];

/// Whether `word` (lower case) is a record noun ([`RECORD_NOUNS`], or one with an "s").
pub fn is_record_noun(word: &str) -> bool {
    lookup(word).has(Lex::RECORD_NOUN)
}

/// Whether `word` (lower case) heads a document or record: a record, statement or evidence
/// noun ("the letter", "the statement", "the report").
pub fn is_document_noun(word: &str) -> bool {
    lookup(word).has(Lex::RECORD_NOUN | Lex::STATEMENT_NOUN | Lex::EVIDENCE_NOUN)
}

/// Places that speak for their government in news ("the province said", "the city said"):
/// the statement is the government's, a body, though GUM types the mention a place.
pub fn is_governed_place(word: &str) -> bool {
    matches!(
        word,
        "nation" | "country" | "state" | "province" | "county" | "city" | "town" | "municipality"
    )
}

/// Where the reported content starts after a cue followed by a particle: "called for [a
/// prosecutor]", "referring to [Obama]", "talked about [jobs]" (after the particle) or "declined
/// [to comment]", "vowed [to ban …]" (with it). `None` when the pair is not an attribution.
pub fn particle_object(lemma: &str, particle: &str) -> Option<bool> {
    match (lemma, particle) {
        ("call", "for")
        | ("refer", "to")
        | ("point", "to")
        | ("talk", "about")
        | ("speak", "about")
        | ("ask", "about")
        | ("warn", "about")
        | ("warn", "against")
        | ("complain", "about")
        | ("boast", "about")
        | ("brag", "about") => Some(true),
        ("decline" | "refuse" | "promise" | "vow" | "threaten" | "pledge" | "agree", "to") => {
            Some(false)
        }
        _ => None,
    }
}

/// A verb and particle that together report speech after a quotation ("“…,” he went on.",
/// "“…,” Sanders shot back."): the lemma of the pair, or `None`.
pub fn phrasal_cue(verb: &str, particle: &str) -> Option<&'static str> {
    match (verb, particle) {
        ("go" | "goes" | "went" | "going", "on") => Some("go on"),
        ("shoot" | "shoots" | "shot" | "shooting", "back") => Some("shoot back"),
        ("fire" | "fires" | "fired" | "firing", "back") => Some("fire back"),
        ("hit" | "hits" | "hitting", "back") => Some("hit back"),
        ("pipe" | "pipes" | "piped" | "piping", "up") => Some("pipe up"),
        ("cut" | "cuts" | "cutting", "in") => Some("cut in"),
        _ => None,
    }
}

/// Cues that, standing alone, are too often something else ("show", "find", "continue",
/// "charge", "post", "question") to start reported speech without "that".
pub fn needs_that(lemma: &str) -> bool {
    matches!(
        lemma,
        "show"
            | "refer"
            | "point"
            | "talk"
            | "decline"
            | "read"
            | "sing"
            | "find"
            | "continue"
            | "charge"
            | "post"
            | "question"
            | "object"
            | "echo"
            | "figure"
            | "brief"
            | "relate"
            | "learn"
            | "speak"
            | "signal"
            | "indicate"
            | "see"
            | "view"
            | "consider"
            | "know"
            | "understand"
            | "recognize"
            | "expect"
            | "begin"
            | "offer"
            | "back"
            | "laugh"
            | "cry"
            | "sigh"
            | "crack"
            | "chime"
            | "volunteer"
            | "frame"
            | "label"
            | "brand"
            | "answer"
            | "respond"
            | "reply"
            | "agree"
            | "disagree"
            | "fear"
            | "doubt"
            | "contest"
            | "dispute"
            | "highlight"
            | "underline"
            | "underscore"
            | "remind"
            | "conclude"
            | "advise"
            | "recommend"
            | "inform"
            // An intention or a stance, a statement only with a clause ("agencies plan
            // projects", "it favors American products" are none).
            | "plan"
            | "favor"
            | "favour"
            // Manner of speaking: attributes a quotation, but "murals beam down from walls".
            | "beam"
            | "bark"
            | "exhort"
            | "confess"
            | "chirp"
            | "growl"
            | "hiss"
            | "sneer"
            | "marvel"
            | "stammer"
            | "deadpan"
            | "intone"
            | "drawl"
            | "grouse"
            | "gripe"
            | "scold"
            | "chide"
            | "implore"
            | "groan"
            | "moan"
            | "wail"
            | "rebut"
            | "interrupt"
            | "email"
            | "e-mail"
    )
}

const ROLE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "ambassador",
    "admiral",
    "general",
    "senator",
    "leader",
    "chancellor",
    "secretary",
    "director",
    "chief",
    "officer",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "expert",
    "lawmaker",
    "governor",
    "mayor",
    "candidate",
    "nominee",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "diplomat",
    "source",
    "representative",
    "congressman",
    "congresswoman",
    "attorney",
    "lawyer",
    "judge",
    "professor",
    "researcher",
    "economist",
    "strategist",
    "pollster",
    "manager",
    "executive",
    "ceo",
    "founder",
    "member",
    "prosecutor",
    "investigator",
    "agent",
    "worker",
    "resident",
    "witness",
    "eyewitness",
    "activist",
    "supporter",
    "critic",
    "voter",
    "man",
    "woman",
    "person",
    "premier",
    "king",
    "queen",
    "prince",
    "sheriff",
    "staffer",
    "operative",
    "envoy",
    "negotiator",
    "correspondent",
    "reporter",
    "editor",
    "author",
    "columnist",
    "historian",
    "scholar",
    "scientist",
    "doctor",
    "physician",
    "teacher",
    "student",
    "pastor",
    "bishop",
    "pope",
    "deputy",
    "head",
    "commissioner",
    "inspector",
    "speaker",
    "insider",
    "employee",
    "consultant",
    "organizer",
    "organiser",
    "host",
    "anchor",
    "moderator",
    "official's",
    "politician",
    "candidate",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    // (Kin and close companions: "said her nephew, Ravi Singh," names who spoke.)
    "brother",
    "sister",
    "uncle",
    "aunt",
    "cousin",
    "nephew",
    "niece",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "stepfather",
    "stepmother",
    "girlfriend",
    "boyfriend",
    "fiancé",
    "fiancée",
    "fiance",
    "fiancee",
    "widow",
    "widower",
    "colleague",
    "coworker",
    "co-worker",
    "roommate",
    "classmate",
    "friend",
    "neighbor",
    "neighbour",
    "owner",
    "boss",
    "coach",
    "player",
    "officer",
    "soldier",
    "veteran",
    "victim",
    "survivor",
    "lady",
    "gentleman",
    "guy",
    "administrator",
    "regulator",
    "auditor",
    "trustee",
    "delegate",
];

/// Whether a lower-cased word names a role or kind of person ("official", "minister").
pub fn is_role_noun(word: &str) -> bool {
    lookup(word).has(Lex::ROLE_NOUN)
}

/// Titles that stand before a name ("Admiral Dragone", "Sen. Sanders").
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "adm.",
    "lt.",
    "col.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "adm",
    "lt",
    "col",
    "capt.",
    "sgt.",
    "prof.",
    "rev.",
    "amb.",
    "president",
    "senator",
    "governor",
    "admiral",
    "general",
    "ambassador",
    "minister",
    "prime",
    "secretary",
    "judge",
    "mayor",
    "chancellor",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "commander",
    "sheriff",
    "justice",
    "attorney",
    "representative",
    "congressman",
    "congresswoman",
    "premier",
    "king",
    "queen",
    "prince",
    "pope",
    "chief",
    "vice",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "state",
    "former",
    "the",
    "leader",
];

pub fn is_title(word: &str) -> bool {
    lookup(word).has(Lex::TITLE)
}

/// Female and male cues for gender agreement of pronouns.
pub fn gender_of_word(word: &str) -> Option<Gender> {
    match word {
        "mrs." | "ms." | "mrs" | "ms" | "miss" | "she" | "her" | "hers" | "herself"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "woman" | "queen" | "lady"
        | "mother" | "wife" | "daughter" | "hillary" | "sarah" | "elizabeth" | "mary" | "nancy"
        | "kellyanne" | "jill" | "ivanka" | "melania" | "michelle" | "carly" | "kamala"
        | "angela" | "theresa" | "ursula" | "kaja" | "madam" | "sister" | "aunt" | "niece"
        | "grandmother" | "granddaughter" | "stepmother" | "girlfriend" | "fiancée" | "widow" => {
            Some(Gender::Female)
        }
        "mr." | "mr" | "he" | "him" | "his" | "himself" | "spokesman" | "chairman"
        | "congressman" | "man" | "king" | "prince" | "father" | "husband" | "son"
        | "gentleman" | "donald" | "bernie" | "ted" | "marco" | "john" | "barack" | "mike"
        | "bill" | "jeb" | "ben" | "chris" | "joe" | "paul" | "tim" | "rand" | "vladimir"
        | "denis" | "eric" | "rudy" | "newt" | "mitt" | "george" | "james" | "robert" | "david"
        | "michael" | "william" | "giuseppe" | "sergei" | "emmanuel" | "olaf" | "donald's"
        | "brother" | "uncle" | "nephew" | "grandfather" | "grandson" | "stepfather"
        | "boyfriend" | "widower" => Some(Gender::Male),
        _ => None,
    }
}

/// Grammatical gender of a person mention, where the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The words [`pronoun`] knows.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "it", "we", "he's", "she's", "it's",
];

/// Personal pronouns that can be speakers, with their gender and number.
/// `word` lower-cased into `buf` when it is ASCII and at most eight bytes long, else None: for
/// comparing a written word with short ASCII words ("he", "himself") without a lower-cased
/// copy. (No character outside ASCII lower-cases to ASCII letters but the Kelvin sign, to "k",
/// so a word it leaves out lower-cases to none of them unless they hold a "k".)
pub(crate) fn short_lower<'b>(word: &str, buf: &'b mut [u8; 8]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let b = &mut buf[..word.len()];
    b.copy_from_slice(word.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// [`pronoun`] of the word lower-cased, as `pronoun(&word.to_lowercase())` without the copy
/// (the pronouns are ASCII words of at most five bytes, none with a "k").
pub fn pronoun_any_case(word: &str) -> Option<(Option<Gender>, bool)> {
    pronoun(short_lower(word, &mut [0; 8])?)
}

pub fn pronoun(word: &str) -> Option<(Option<Gender>, bool)> {
    // (gender, plural); "he's" / "she’s" (normalised) are the pronoun with a contracted "is".
    let word = match word.strip_suffix("'s") {
        Some(w @ ("he" | "she" | "it")) => w,
        _ => word,
    };
    match word {
        "he" => Some((Some(Gender::Male), false)),
        "she" => Some((Some(Gender::Female), false)),
        "they" => Some((None, true)),
        "i" | "it" => Some((None, false)),
        "we" => Some((None, true)),
        _ => None,
    }
}

/// Heads of group mentions ("experts", "critics", "some officials").
const GROUP_WORDS: &[&str] = &[
    "experts",
    "critics",
    "analysts",
    "observers",
    "officials",
    "people",
    "some",
    "many",
    "others",
    "diplomats",
    "scholars",
    "economists",
    "lawmakers",
    "insiders",
    "residents",
    "voters",
    "supporters",
    "activists",
    "opponents",
    "commentators",
    "pundits",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "scientists",
    "researchers",
    "doctors",
    "witnesses",
    "leaders",
    "members",
    "advocates",
    "strategists",
    "aides",
    "staffers",
    "allies",
    "skeptics",
    "sceptics",
    "polls",
    "surveys",
    "reports",
    "studies",
    "americans",
    "investors",
    "traders",
    "authorities",
    "groups",
    "organizations",
    "most",
    "several",
    "few",
    "everyone",
    "everybody",
    "somebody",
    "someone",
    "protesters",
    "demonstrators",
    "marchers",
    "crowds",
    "villagers",
    "students",
    "workers",
    "parents",
    "farmers",
];

pub fn is_group_word(word: &str) -> bool {
    lookup(word).has(Lex::GROUP_WORD)
}

/// Words besides reporting cues and statement nouns at which [`crate::reported`] finds
/// reported speech: "in" (a poll), "according" (to), "reportedly" and the passive
/// participles of "it was reported/rumoured/understood that".
pub const REPORT_ANCHORS: &[&str] = &[
    "in",
    "according",
    "reportedly",
    "reported",
    "said",
    "claimed",
    "alleged",
    "believed",
    "rumored",
    "rumoured",
    "understood",
    "thought",
    "suggested",
    "argued",
    "estimated",
];

/// Words one of [`ANONYMITY_CUES`] holds, where [`crate::source_type::anonymity_cues`] looks.
pub const ANONYMITY_ANCHORS: &[&str] = &[
    "anonymity",
    "anonymously",
    "anonymous",
    "named",
    "identified",
    "authorized",
    "authorised",
    "permitted",
    "familiar",
    "knowledge",
    "close",
    "background",
    "unnamed",
    "confidential",
    "citing",
];

/// Phrases (normalised, lower case) that say a source is deliberately not named.
pub const ANONYMITY_CUES: &[&str] = &[
    "condition of anonymity",
    "conditions of anonymity",
    "anonymously",
    "declined to be named",
    "declined to be identified",
    "refused to be named",
    "asked not to be named",
    "asked not to be identified",
    "requested anonymity",
    "request anonymity",
    "not authorized to",
    "not authorised to",
    "wasn't authorized",
    "weren't authorized",
    "not permitted to speak",
    "familiar with the",
    "with knowledge of",
    "with direct knowledge",
    "close to the",
    "did not want to be named",
    "didn't want to be named",
    "did not want to be identified",
    "not wish to be named",
    "n't wish to be named",
    "not wish to be identified",
    "not to be named",
    "not to be identified",
    "speaking on background",
    "on background",
    "unnamed",
    "anonymous",
    "granted anonymity",
    "confidential source",
    "citing sources",
];

/// Words that close a noun phrase when walking through a sentence: clause openers,
/// prepositions of time and manner, conjunctions.
const NP_STOPS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "because",
    "if",
    "as",
    "after",
    "before",
    "where",
    "but",
    "although",
    "though",
    "since",
    "on",
    "in",
    "at",
    "during",
    "with",
    "from",
    "by",
    "into",
    "than",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "earlier",
    "later",
    "last",
    "recently",
    "also",
    "then",
    "again",
    "once",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "not",
    "never",
    "adding",
    "so",
    "or",
    "about",
    "over",
    "under",
    "there",
    "here",
    "this",
    "these",
    "those",
    "what",
    "how",
    "why",
    "it's",
    "he's",
    "she's",
    "said",
    "says",
    "about,",
    "until",
    "via",
    "through",
    "against",
    "without",
    "like",
    "unless",
    "whether",
    "up",
    "out",
    "off",
    "now",
    "just",
    "only",
    "even",
    "still",
    "already",
    "too",
    "very",
    "quickly",
    "flatly",
    "repeatedly",
    "privately",
    "publicly",
    "reportedly",
    "previously",
    "further",
    "separately",
    "angrily",
    "bluntly",
    "simply",
    "told",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "isn't",
    "wasn't",
    "hasn't",
    "haven't",
];

pub fn is_np_stop(word: &str) -> bool {
    lookup(word).has(Lex::NP_STOP)
}

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "the Post has learned").
const CUE_MODIFIERS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "has",
    "have",
    "had",
    "would",
    "will",
    "once",
    "previously",
    "further",
    "reportedly",
    "recently",
    "repeatedly",
    "quickly",
    "flatly",
    "privately",
    "publicly",
    "separately",
    "angrily",
    "bluntly",
    "simply",
    "earlier",
    "first",
    "often",
    "frequently",
    "still",
    "even",
    "just",
    "specifically",
    "explicitly",
    "openly",
    "correctly",
    "falsely",
    "wrongly",
    "emphatically",
    "adamantly",
    "has,",
    "had,",
    "is",
    "was",
    "were",
    "are",
    "did",
    "does",
    "do",
    "not",
    "never",
    "always",
    "may",
    "might",
    "could",
    "should",
    "can",
    "would've",
    "been",
    "apparently",
    "allegedly",
    "indeed",
    "actually",
    "ultimately",
    "finally",
    "eventually",
    "didn't",
    "doesn't",
    "don't",
    "won't",
    "wouldn't",
    "hasn't",
    "haven't",
    "immediately",
    "personally",
    "herself",
    "himself",
    "long",
];

pub fn is_cue_modifier(word: &str) -> bool {
    lookup(word).has(Lex::CUE_MODIFIER)
}

/// Words that start a noun phrase as its determiner ("a", "the", "one", "some").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "some", "many", "several", "two", "three", "four", "five", "another",
    "other", "each", "every", "his", "her", "their", "its", "our", "my", "your", "most", "few",
    "no", "any", "both",
];

pub fn is_determiner(word: &str) -> bool {
    lookup(word).has(Lex::DETERMINER)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy-free case-blind pronoun test answers as the lower-cased copy does, written
    /// words outside ASCII included (the Kelvin sign, the dotted capital I).
    #[test]
    fn pronoun_any_case_is_pronoun_of_the_lower_case() {
        for w in [
            "He",
            "HE",
            "she",
            "She's",
            "SHE'S",
            "It",
            "it's",
            "I",
            "We",
            "They",
            "THEY",
            "Him",
            "Hers",
            "himself",
            "Henry",
            "\u{130}t",
            "\u{212A}",
            "h\u{E9}",
            "",
            "theyre",
            "Officials",
        ] {
            assert_eq!(pronoun_any_case(w), pronoun(&w.to_lowercase()), "{w}");
        }
        let mut buf = [0; 8];
        assert_eq!(short_lower("HiMSelf", &mut buf), Some("himself"));
        assert_eq!(short_lower("Schwarzenegger", &mut buf), None);
        assert_eq!(short_lower("\u{130}t", &mut buf), None);
    }

    #[test]
    fn number_words_are_cardinals_and_their_plurals() {
        for w in [
            "one", "two", "twelve", "forty", "dozen", "dozens", "hundreds", "millions", "billions",
        ] {
            assert!(is_number_word(w), "{w}");
        }
        for w in ["ones", "twos", "majority", "none", "tens", "thirteen"] {
            assert!(!is_number_word(w), "{w}");
        }
    }

    #[test]
    fn reporting_verbs_are_inflected() {
        assert_eq!(cue("said").map(|c| c.lemma), Some("say"));
        assert_eq!(cue("emphasized").map(|c| c.form), Some(Form::Past));
        assert_eq!(cue("asserting").map(|c| c.form), Some(Form::Gerund));
        assert_eq!(cue("denies").map(|c| c.lemma), Some("deny"));
        assert_eq!(cue("admitted").map(|c| c.lemma), Some("admit"));
        assert_eq!(cue("quipped").map(|c| c.lemma), Some("quip"));
        assert_eq!(cue("wrote").map(|c| c.lemma), Some("write"));
        assert_eq!(cue("notes").map(|c| c.lemma), Some("note"));
        assert_eq!(cue("writing").map(|c| c.form), Some(Form::Gerund));
        assert!(cue("table").is_none());
        assert_eq!(cue("beamed").map(|c| c.lemma), Some("beam"));
        assert_eq!(cue("confessed").map(|c| c.lemma), Some("confess"));
        assert_eq!(cue("deadpanned").map(|c| c.lemma), Some("deadpan"));
        assert_eq!(phrasal_cue("went", "on"), Some("go on"));
        assert_eq!(phrasal_cue("went", "home"), None);
    }

    #[test]
    fn lexicon_entries_start_with_a_letter_and_flags_match_the_lists() {
        let lexicon = &*LEXICON;
        let words: Vec<String> = lexicon
            .short
            .keys()
            .map(|k| k.to_le_bytes()[..(k >> 56) as usize].to_vec())
            .chain(
                lexicon
                    .packed
                    .keys()
                    .map(|k| k.to_le_bytes()[..(k >> 120) as usize].to_vec()),
            )
            .map(|b| String::from_utf8(b).expect("utf-8"))
            .chain(lexicon.long.keys().cloned())
            .collect();
        assert!(words.len() > 1000);
        assert_eq!(lexicon.short.keys().count(), lexicon.short.len);
        assert!(lexicon.short.len * 2 <= lexicon.short.slots.len());
        for w in &words {
            let lex = lookup(w);
            assert_ne!(lex, Lex::default(), "{w}");
            assert!(w.as_bytes()[0].is_ascii_lowercase(), "{w}");
            assert_eq!(lex.has(Lex::PRONOUN), pronoun(w).is_some(), "{w}");
            assert_eq!(lex.flags & !Lex::USED_BITS, 0);
        }
        for (list, f) in [
            (STATEMENT_NOUNS, Lex::STATEMENT_NOUN),
            (NP_STOPS, Lex::NP_STOP),
            (ROLE_NOUNS, Lex::ROLE_NOUN),
            (REPORT_ANCHORS, Lex::REPORT_ANCHOR),
        ] {
            for w in list {
                assert!(lookup(w).has(f), "{w}");
            }
        }
        assert!(is_role_noun("officialss"));
        assert!(!is_role_noun("s"));
        assert_eq!(lookup(""), Lex::default());
        // The look-up in a padded buffer is the look-up of the word.
        let buf = "said, the spokeswomen of Mr. X, in acknowledging congresswomen’s\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        for (i, _) in buf.char_indices() {
            for (j, _) in buf[i..].char_indices().skip(1) {
                assert_eq!(lookup_in(buf, i, i + j), lookup(&buf[i..i + j]), "{i} {j}");
            }
        }
        // A lemma listed twice is one cue.
        assert_eq!(cue("acknowledged").map(|c| c.lemma), Some("acknowledge"));
    }

    #[test]
    fn roles_groups_and_pronouns() {
        assert!(is_role_noun("official"));
        assert!(is_role_noun("ministers"));
        assert!(is_group_word("experts"));
        assert_eq!(pronoun("she"), Some((Some(Gender::Female), false)));
    }
}
