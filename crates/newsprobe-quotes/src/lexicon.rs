//! Which words signal speech, roles, groups and anonymity?
//!
//! Word lists are written here as lemmas and expanded once (at first use) into every inflected
//! form, so "emphasize" also finds "emphasized", "emphasizes" and "emphasizing".

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: a fast hash for short word keys (the tables are fixed, so no DoS concern).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

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
    "seek",
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
    ("seek", &["sought"]),
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

static CUES: LazyLock<FastMap<String, CueWord>> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for &lemma in CUE_LEMMAS {
        for (form_text, form) in inflections(lemma) {
            map.entry(form_text).or_insert(CueWord { lemma, form });
        }
    }
    map
});

/// The reporting cue a lower-cased word is, if any.
pub fn cue(word: &str) -> Option<CueWord> {
    CUES.get(word).copied()
}

/// Nouns naming something said: "the claim that …", "his warning that …".
pub fn is_statement_noun(word: &str) -> bool {
    matches!(
        word,
        "claim"
            | "claims"
            | "assertion"
            | "assertions"
            | "statement"
            | "argument"
            | "arguments"
            | "allegation"
            | "allegations"
            | "accusation"
            | "accusations"
            | "warning"
            | "warnings"
            | "suggestion"
            | "insistence"
            | "contention"
            | "promise"
            | "promises"
            | "pledge"
            | "vow"
            | "charge"
            | "charges"
            | "complaint"
            | "complaints"
            | "announcement"
            | "admission"
            | "prediction"
            | "predictions"
            | "assurance"
            | "assurances"
            | "declaration"
            | "message"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "belief"
            | "view"
            | "fear"
            | "fears"
            | "hope"
            | "hopes"
            | "rumor"
            | "rumors"
            | "reports"
    )
}

/// Nouns for evidence that "shows" or "finds" something: polls, studies, records.
pub fn is_evidence_noun(word: &str) -> bool {
    matches!(
        word,
        "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "report"
            | "reports"
            | "data"
            | "record"
            | "records"
            | "analysis"
            | "analyses"
            | "figures"
            | "numbers"
            | "documents"
            | "filings"
            | "filing"
            | "results"
            | "research"
            | "tally"
            | "count"
            | "estimates"
            | "statistics"
            | "review"
            | "audit"
            | "investigation"
            | "evidence"
            | "emails"
            | "projections"
            | "forecast"
            | "model"
            | "census"
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
    )
}

static ROLE_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    [
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
    ]
    .into_iter()
    .collect()
});

/// Whether a lower-cased word names a role or kind of person ("official", "minister").
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(word) || ROLE_NOUNS.contains(word.strip_suffix('s').unwrap_or(""))
}

/// Titles that stand before a name ("Admiral Dragone", "Sen. Sanders").
pub fn is_title(word: &str) -> bool {
    matches!(
        word,
        "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "sen."
            | "rep."
            | "gov."
            | "gen."
            | "adm."
            | "lt."
            | "col."
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "adm"
            | "lt"
            | "col"
            | "capt."
            | "sgt."
            | "prof."
            | "rev."
            | "amb."
            | "president"
            | "senator"
            | "governor"
            | "admiral"
            | "general"
            | "ambassador"
            | "minister"
            | "prime"
            | "secretary"
            | "judge"
            | "mayor"
            | "chancellor"
            | "speaker"
            | "chairman"
            | "chairwoman"
            | "director"
            | "commander"
            | "sheriff"
            | "justice"
            | "attorney"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "premier"
            | "king"
            | "queen"
            | "prince"
            | "pope"
            | "chief"
            | "vice"
            | "deputy"
            | "foreign"
            | "defense"
            | "defence"
            | "state"
            | "former"
            | "the"
            | "leader"
    )
}

/// Female and male cues for gender agreement of pronouns.
pub fn gender_of_word(word: &str) -> Option<Gender> {
    match word {
        "mrs." | "ms." | "mrs" | "ms" | "miss" | "she" | "her" | "hers" | "herself"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "woman" | "queen" | "lady"
        | "mother" | "wife" | "daughter" | "hillary" | "sarah" | "elizabeth" | "mary" | "nancy"
        | "kellyanne" | "jill" | "ivanka" | "melania" | "michelle" | "carly" | "kamala"
        | "angela" | "theresa" | "ursula" | "kaja" | "madam" => Some(Gender::Female),
        "mr." | "mr" | "he" | "him" | "his" | "himself" | "spokesman" | "chairman"
        | "congressman" | "man" | "king" | "prince" | "father" | "husband" | "son"
        | "gentleman" | "donald" | "bernie" | "ted" | "marco" | "john" | "barack" | "mike"
        | "bill" | "jeb" | "ben" | "chris" | "joe" | "paul" | "tim" | "rand" | "vladimir"
        | "denis" | "eric" | "rudy" | "newt" | "mitt" | "george" | "james" | "robert" | "david"
        | "michael" | "william" | "giuseppe" | "sergei" | "emmanuel" | "olaf" | "donald's" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

/// Grammatical gender of a person mention, where the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Personal pronouns that can be speakers, with their gender and number.
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
pub fn is_group_word(word: &str) -> bool {
    matches!(
        word,
        "experts"
            | "critics"
            | "analysts"
            | "observers"
            | "officials"
            | "people"
            | "some"
            | "many"
            | "others"
            | "diplomats"
            | "scholars"
            | "economists"
            | "lawmakers"
            | "insiders"
            | "residents"
            | "voters"
            | "supporters"
            | "activists"
            | "opponents"
            | "commentators"
            | "pundits"
            | "observers,"
            | "democrats"
            | "republicans"
            | "conservatives"
            | "liberals"
            | "scientists"
            | "researchers"
            | "doctors"
            | "witnesses"
            | "leaders"
            | "members"
            | "advocates"
            | "strategists"
            | "aides"
            | "staffers"
            | "allies"
            | "skeptics"
            | "sceptics"
            | "polls"
            | "surveys"
            | "reports"
            | "studies"
            | "americans"
            | "investors"
            | "traders"
            | "authorities"
            | "groups"
            | "organizations"
            | "most"
            | "several"
            | "few"
            | "everyone"
            | "everybody"
            | "somebody"
            | "someone"
    )
}

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
    "speaking on background",
    "on background",
    "unnamed",
    "anonymous",
    "granted anonymity",
];

/// Words that close a noun phrase when walking through a sentence: clause openers,
/// prepositions of time and manner, conjunctions.
pub fn is_np_stop(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "while"
            | "because"
            | "if"
            | "as"
            | "after"
            | "before"
            | "where"
            | "but"
            | "although"
            | "though"
            | "since"
            | "on"
            | "in"
            | "at"
            | "during"
            | "with"
            | "from"
            | "by"
            | "into"
            | "than"
            | "yesterday"
            | "today"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "earlier"
            | "later"
            | "last"
            | "recently"
            | "also"
            | "then"
            | "again"
            | "once"
            | "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "never"
            | "adding"
            | "so"
            | "or"
            | "about"
            | "over"
            | "under"
            | "there"
            | "here"
            | "this"
            | "these"
            | "those"
            | "what"
            | "how"
            | "why"
            | "it's"
            | "he's"
            | "she's"
            | "said"
            | "says"
            | "about,"
            | "until"
            | "via"
            | "through"
            | "against"
            | "without"
            | "like"
            | "unless"
            | "whether"
            | "up"
            | "out"
            | "off"
            | "now"
            | "just"
            | "only"
            | "even"
            | "still"
            | "already"
            | "too"
            | "very"
            | "quickly"
            | "flatly"
            | "repeatedly"
            | "privately"
            | "publicly"
            | "reportedly"
            | "previously"
            | "further"
            | "separately"
            | "angrily"
            | "bluntly"
            | "simply"
            | "told"
            | "did"
            | "does"
            | "do"
            | "didn't"
            | "doesn't"
            | "don't"
            | "won't"
            | "wouldn't"
            | "can't"
            | "couldn't"
            | "isn't"
            | "wasn't"
            | "hasn't"
            | "haven't"
    )
}

/// Adverbs and auxiliaries that may stand between a speaker and the cue ("he also said",
/// "the Post has learned").
pub fn is_cue_modifier(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "again"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "once"
            | "previously"
            | "further"
            | "reportedly"
            | "recently"
            | "repeatedly"
            | "quickly"
            | "flatly"
            | "privately"
            | "publicly"
            | "separately"
            | "angrily"
            | "bluntly"
            | "simply"
            | "earlier"
            | "first"
            | "often"
            | "frequently"
            | "still"
            | "even"
            | "just"
            | "specifically"
            | "explicitly"
            | "openly"
            | "correctly"
            | "falsely"
            | "wrongly"
            | "emphatically"
            | "adamantly"
            | "has,"
            | "had,"
            | "is"
            | "was"
            | "were"
            | "are"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "always"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
            | "would've"
            | "been"
            | "apparently"
            | "allegedly"
            | "indeed"
            | "actually"
            | "ultimately"
            | "finally"
            | "eventually"
            | "didn't"
            | "doesn't"
            | "don't"
            | "won't"
            | "wouldn't"
            | "hasn't"
            | "haven't"
            | "immediately"
            | "personally"
            | "herself"
            | "himself"
            | "long"
    )
}

/// Words that start a noun phrase as its determiner ("a", "the", "one", "some").
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "one"
            | "some"
            | "many"
            | "several"
            | "two"
            | "three"
            | "four"
            | "five"
            | "another"
            | "other"
            | "each"
            | "every"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "most"
            | "few"
            | "no"
            | "any"
            | "both"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn roles_groups_and_pronouns() {
        assert!(is_role_noun("official"));
        assert!(is_role_noun("ministers"));
        assert!(is_group_word("experts"));
        assert_eq!(pronoun("she"), Some((Some(Gender::Female), false)));
    }
}
