//! Who is the speaker next to a cue? Noun phrases on either side of a reporting verb.
//!
//! Works on the document's tokens: walks left from a cue to its subject ("Admiral Dragone
//! emphasized", "One European defense official, who spoke on condition of anonymity, noted"),
//! right from a cue to an inverted subject ("said a senior NATO official"), and finds the
//! subject of a sentence behind an introductory phrase ("Adding to the tension, Russian
//! Ambassador to Belgium Denis Gonchar made…").

use newsprobe_core::{Document, Span, SpanIndex, TokenKind};

use crate::{lexicon, written_case};

/// The document's tokens with their lower-cased text and what the lexicon knows of each,
/// shared by the detectors.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    /// The body lower-cased, then the normalised texts of non-ASCII tokens (each token's
    /// range in `info`), then padding: the document's [`newsprobe_core::WordTable`], or built
    /// here for a document without one.
    lower: std::borrow::Cow<'a, str>,
    /// Per token: its lower-cased text, lexicon facts, word-ness and capitalisation, and its
    /// sentence, computed once.
    info: Vec<TokenInfo>,
    /// Token range of each sentence.
    sentence_tokens: Vec<(usize, usize)>,
    /// Every entity mention, indexed by span, built on first use.
    mentions: std::cell::OnceCell<EntityMentions>,
    /// How each lower-cased word is written in the document, built on first use.
    /// Each word's cases, keyed by a hash of the lower-cased word (no copy of each word).
    word_cases: std::cell::OnceCell<foldhash::HashMap<u64, WordCases>>,
    /// The cases of the first few words asked, each found by one scan of the tokens (most
    /// pages ask of a handful of words: cheaper than the whole index, which is built past
    /// [`WORD_CASE_SCANS`] words).
    word_cases_asked: std::cell::RefCell<Vec<(String, WordCases)>>,
    /// Where the article has named an organisation often enough to be its subject, computed
    /// on first use (see [`crate::source_type::organisation_named_from`]).
    organisation_named_from: std::cell::OnceCell<Option<usize>>,
    /// The person entities a description may stand for (see
    /// [`crate::described::named_people`]), found on first use.
    named_people: std::cell::OnceCell<Vec<usize>>,
    /// Each entity mention's text, with the entities written so and how often each (in the
    /// entities' order), built on first use.
    mention_texts: std::cell::OnceCell<MentionTexts>,
    /// How many asks [`Ctx::written_as`] answered by a scan.
    written_as_asked: std::cell::Cell<usize>,
    /// Per role word asked of [`Ctx::role_extent`], what it found; and how many asks were
    /// left to the caller's scan.
    role_extents: std::cell::RefCell<foldhash::HashMap<String, Option<(usize, usize)>>>,
    role_extents_asked: std::cell::Cell<usize>,
}

/// Asks of [`Ctx::role_extent`] left to the caller's scan of the article.
const ROLE_EXTENT_SCANS: usize = 8;

/// Asks of [`Ctx::written_as`] answered by a scan of the mentions before the map is built.
const WRITTEN_AS_SCANS: usize = 8;

/// Each entity mention's text → the entities (their positions in `doc.entities`, in order)
/// with a mention written so, and how many.
/// (Owned keys: a borrowed one would make `Ctx` invariant in its lifetime.)
pub(crate) type MentionTexts = foldhash::HashMap<Box<str>, Vec<(usize, usize)>>;

/// How a word is written across a document: lower-case somewhere, capitalised inside a
/// sentence somewhere (not as its first word).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordCases {
    pub lower: bool,
    pub capitalized_inside: bool,
}

/// Every entity mention of the document, indexed by span, with its entity (an index into
/// `Document::entities`) and its span: the one look-up of "which entity is named here" for the
/// speaker checks and the resolver.
pub struct EntityMentions {
    pub index: SpanIndex,
    pub entity: Vec<usize>,
    pub span: Vec<Span>,
}

/// What [`Ctx`] knows of one token.
#[derive(Debug, Clone, Copy, Default)]
struct TokenInfo {
    /// Byte range of the lower-cased text in `Ctx::lower`.
    lower: (u32, u32),
    /// The lexicon's facts, with `WORD` and `CAPITALIZED` in its free bits.
    lex: lexicon::Lex,
    /// The sentence holding the token's start (`NO_SENTENCE` if none).
    sentence: u32,
}

/// A word or number token.
const WORD: u16 = 1 << 14;
/// A word or number token starting with an upper-case letter.
const CAPITALIZED: u16 = 1 << 15;

const NO_SENTENCE: u32 = newsprobe_core::words::NO_SENTENCE;

/// How many words [`Ctx::word_cases`] finds by a scan of the tokens before it indexes them all.
const WORD_CASE_SCANS: usize = 8;

/// A speaker mention found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The mention as written.
    pub span: Span,
    /// First and last token of the mention.
    pub first: usize,
    pub last: usize,
    /// The mention with any appositive or relative clause attached to it ("…, who declined to
    /// be named"), where anonymity cues are looked for.
    pub clause: Span,
}

impl Mention {
    /// The plain mention of tokens `first..=last`: its span is its clause (no appositive or
    /// relative clause attached).
    pub(crate) fn tokens(ctx: &Ctx, first: usize, last: usize) -> Mention {
        let span = Span::text(ctx.span(first).start, ctx.span(last).end);
        Mention {
            span,
            first,
            last,
            clause: span,
        }
    }
}

/// "year-old" of "the 48-year-old": an age that stands for the person.
pub(crate) fn is_age(word: &str) -> bool {
    matches!(word, "year-old" | "years-old")
}

/// A word (as written) that a number goes on as part of a broadcaster's name ("NBC 5",
/// "Channel 4"): an acronym of two to five letters, or "Channel".
fn numbered_name(raw: &str) -> bool {
    raw == "Channel"
        || ((2..=5).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_uppercase()))
}

impl<'a> Ctx<'a> {
    /// Whether token `k` is a station's number that ends its name: one or two digits after a
    /// broadcaster's acronym or "Channel" ("NBC 5 believes", "Channel 4 says").
    pub(crate) fn station_number(&self, k: usize) -> bool {
        let w = self.word(k);
        (1..=2).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_digit())
            && k > 0
            && self.is_capitalized(k - 1)
            && self.span(k - 1).end < self.span(k).start
            && numbered_name(self.raw(k - 1))
    }

    pub fn new(doc: &'a Document) -> Self {
        let n = doc.tokens.len();
        let mut sentence_tokens = Vec::with_capacity(doc.sentences.len());
        let sentences = &doc.sentences;
        let token_at_or_after = |pos: usize| doc.tokens.partition_point(|t| t.span.start < pos);
        sentence_tokens.extend(sentences.iter().map(|s| {
            (
                token_at_or_after(s.span.start),
                token_at_or_after(s.span.end),
            )
        }));
        // The tokens lower-cased, with their sentences: segmentation's table (built here for a
        // document whose tokens were set otherwise).
        let built = (!doc.words.fits(&doc.tokens))
            .then(|| newsprobe_core::WordTable::build(&doc.text, &doc.tokens, &doc.sentences));
        let table = built.as_ref().unwrap_or(&doc.words);
        let mut info = Vec::with_capacity(n);
        for (k, t) in doc.tokens.iter().enumerate() {
            // The word's flags for now; the lexicon's facts are looked up below.
            let mut flags = 0;
            if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                // Only a word's text is read (punctuation has no flags to find).
                let raw = t.span.slice(&doc.text);
                flags |= WORD;
                let upper = match raw.as_bytes().first() {
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => raw.chars().next().is_some_and(char::is_uppercase),
                };
                if upper
                    || name_with_lowercase_opening(raw)
                    || written_case::is_camel_opening(raw)
                    || (raw.as_bytes().first().is_some_and(u8::is_ascii_digit)
                        && crate::digit_name::capitalized_at(doc, k))
                {
                    flags |= CAPITALIZED;
                }
            }
            let (start, end) = table.ranges[k];
            info.push(TokenInfo {
                lower: (start, end),
                lex: lexicon::Lex::default().with_flags(flags),
                sentence: table.sentence[k],
            });
        }
        // (The table's padding lets every token's look-up read its bytes at once.)
        let lower: &str = &table.lower;
        for x in &mut info {
            let lex = lexicon::lookup_in(lower, x.lower.0 as usize, x.lower.1 as usize);
            debug_assert_eq!(lex.flags & !lexicon::Lex::USED_BITS, 0);
            x.lex = lex.with_flags(x.lex.flags);
        }
        let mut lower = match built {
            Some(b) => std::borrow::Cow::Owned(b.lower),
            None => std::borrow::Cow::Borrowed(doc.words.lower.as_str()),
        };
        // "the WHO said": an acronym spelling a function word is read as written (a name the
        // lexicon does not know), its text appended after the table's.
        let word_raw = |k: usize| {
            doc.tokens
                .get(k)
                .filter(|t| matches!(t.kind, TokenKind::Word))
                .map(|t| t.span.slice(&doc.text))
        };
        let text = doc.text.as_bytes();
        for (k, t) in doc.tokens.iter().enumerate() {
            // Refused by its length and first byte before its text is sliced (a token longer
            // than 3 bytes, or not opening on an ASCII capital, is no acronym either way).
            if t.span.end.saturating_sub(t.span.start) > 3
                || !text.get(t.span.start).is_some_and(u8::is_ascii_uppercase)
            {
                continue;
            }
            let raw = t.span.slice(&doc.text);
            if raw.len() > 3 || !raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
                continue;
            }
            let prev = k.checked_sub(1).and_then(word_raw);
            if written_case::is_function_word_acronym(raw, prev, word_raw(k + 1)) {
                let s = lower.to_mut();
                let start = s.len() as u32;
                s.push_str(raw);
                if let Some(x) = info.get_mut(k) {
                    x.lower = (start, s.len() as u32);
                    x.lex = lexicon::Lex::default().with_flags(WORD | CAPITALIZED);
                }
            }
        }
        Ctx {
            doc,
            lower,
            info,
            sentence_tokens,
            mentions: std::cell::OnceCell::new(),
            word_cases: std::cell::OnceCell::new(),
            word_cases_asked: std::cell::RefCell::new(Vec::new()),
            organisation_named_from: std::cell::OnceCell::new(),
            named_people: std::cell::OnceCell::new(),
            mention_texts: std::cell::OnceCell::new(),
            written_as_asked: std::cell::Cell::new(0),
            role_extents: Default::default(),
            role_extents_asked: std::cell::Cell::new(0),
        }
    }

    /// The indices in `doc.entities` of [`crate::described::named_people`], found once (every
    /// description asks).
    /// The entities with a mention written `text` (positions in `doc.entities`, in order) and
    /// how many such mentions each has. The first few asks scan the mentions; past
    /// [`WRITTEN_AS_SCANS`] one map of the article answers (a scan for each ask was quadratic
    /// in a long transcript; most pages ask once or not at all).
    pub(crate) fn written_as(&self, text: &str) -> std::borrow::Cow<'_, [(usize, usize)]> {
        use std::borrow::Cow;
        let doc: &'a Document = self.doc;
        if self.mention_texts.get().is_none() && self.written_as_asked.get() < WRITTEN_AS_SCANS {
            self.written_as_asked.set(self.written_as_asked.get() + 1);
            let mut found = Vec::new();
            for (i, e) in doc.entities.iter().enumerate() {
                let n = e
                    .mentions
                    .iter()
                    .filter(|m| {
                        m.end.saturating_sub(m.start) == text.len() && doc.span_text(m) == text
                    })
                    .count();
                if n > 0 {
                    found.push((i, n));
                }
            }
            return Cow::Owned(found);
        }
        let map = self.mention_texts.get_or_init(|| {
            let mut map: MentionTexts = Default::default();
            for (i, e) in doc.entities.iter().enumerate() {
                for m in &e.mentions {
                    let t = doc.span_text(m);
                    if !map.contains_key(t) {
                        map.insert(t.into(), Vec::new());
                    }
                    let Some(v) = map.get_mut(t) else {
                        continue;
                    };
                    match v.last_mut() {
                        Some((k, n)) if *k == i => *n += 1,
                        _ => v.push((i, 1)),
                    }
                }
            }
            map
        });
        Cow::Borrowed(map.get(text).map_or(&[], Vec::as_slice))
    }

    /// `None` for the first [`ROLE_EXTENT_SCANS`] asks of an article (the caller scans it, as
    /// most pages ask once or twice); then `Some` of what `find` finds for `word`, found once
    /// per word ([`crate::role_held::role_of_named_person`]).
    pub(crate) fn role_extent(
        &self,
        word: &str,
        find: impl FnOnce(&str) -> Option<(usize, usize)>,
    ) -> Option<Option<(usize, usize)>> {
        if let Some(&found) = self.role_extents.borrow().get(word) {
            return Some(found);
        }
        let asked = self.role_extents_asked.get();
        if asked < ROLE_EXTENT_SCANS {
            self.role_extents_asked.set(asked + 1);
            return None;
        }
        let found = find(word);
        self.role_extents
            .borrow_mut()
            .insert(word.to_string(), found);
        Some(found)
    }

    pub(crate) fn named_people(&self) -> &[usize] {
        self.named_people
            .get_or_init(|| crate::described::named_people(self.doc))
    }

    /// The offset from which the article has named an organisation often enough to be its
    /// subject (computed once: every "the company said" reads it).
    pub fn organisation_named_from(&self) -> Option<usize> {
        *self
            .organisation_named_from
            .get_or_init(|| crate::source_type::organisation_named_from(self))
    }

    /// How the word of token `i` is written across the document: by a scan of the tokens for
    /// the first [`WORD_CASE_SCANS`] words asked, then from an index of every word (built once).
    pub fn word_cases(&self, i: usize) -> WordCases {
        if self.word_cases.get().is_none() {
            let w = self.word(i);
            let mut asked = self.word_cases_asked.borrow_mut();
            if let Some((_, c)) = asked.iter().find(|(x, _)| x == w) {
                return *c;
            }
            if asked.len() < WORD_CASE_SCANS {
                let c = self.scan_word_cases(w);
                asked.push((w.to_string(), c));
                return c;
            }
        }
        self.indexed_word_cases(i)
    }

    /// [`Ctx::word_cases`] of the word `w` (lower-cased) by one pass over the tokens: the
    /// index's entry for it.
    fn scan_word_cases(&self, w: &str) -> WordCases {
        let mut c = WordCases::default();
        // Tokens whose lower-cased text has the word's length and first byte, then the whole
        // word compared (most tokens fail the first two tests: one range read a token).
        // (Byte ranges compare as the texts do: a range that is no text starts or ends inside a
        // character, and no word's bytes do.)
        let (lower, wb) = (self.lower.as_bytes(), w.as_bytes());
        for (k, x) in self.info.iter().enumerate() {
            let (a, b) = (x.lower.0 as usize, x.lower.1 as usize);
            if b - a != wb.len()
                || wb.first().is_some_and(|f| lower.get(a) != Some(f))
                || !x.lex.has(WORD)
                || lower.get(a..b) != Some(wb)
            {
                continue;
            }
            if !self.is_capitalized(k) {
                c.lower = true;
            } else if self.sentence_bounds(k).0 != k {
                c.capitalized_inside = true;
            }
        }
        c
    }

    /// [`Ctx::word_cases`] from the index of every word (built once, on first use).
    fn indexed_word_cases(&self, i: usize) -> WordCases {
        use std::hash::BuildHasher;
        let key = |w: &str| foldhash::fast::FixedState::with_seed(0x6e70).hash_one(w);
        let map = self.word_cases.get_or_init(|| {
            let mut map: foldhash::HashMap<u64, WordCases> = Default::default();
            map.reserve(self.len() / 2);
            for k in 0..self.len() {
                if !self.is_word(k) {
                    continue;
                }
                let e = map.entry(key(self.word(k))).or_default();
                if !self.is_capitalized(k) {
                    e.lower = true;
                } else if self.sentence_bounds(k).0 != k {
                    e.capitalized_inside = true;
                }
            }
            map
        });
        map.get(&key(self.word(i))).copied().unwrap_or_default()
    }

    /// The entity mentions, indexed (built on first use).
    pub fn entity_mentions(&self) -> &EntityMentions {
        self.mentions.get_or_init(|| {
            let mut entity = Vec::new();
            let mut span = Vec::new();
            for (i, e) in self.doc.entities.iter().enumerate() {
                for m in &e.mentions {
                    entity.push(i);
                    span.push(*m);
                }
            }
            EntityMentions {
                index: SpanIndex::new(span.iter().copied()),
                entity,
                span,
            }
        })
    }

    /// Whether any entity mention overlaps `span` (an index look-up: linear in long
    /// transcripts, where a scan of every mention for each word was quadratic).
    pub fn in_entity_mention(&self, span: Span) -> bool {
        self.entity_mentions()
            .index
            .overlapping(span)
            .next()
            .is_some()
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    pub fn word(&self, i: usize) -> &str {
        self.info
            .get(i)
            .and_then(|x| self.lower.get(x.lower.0 as usize..x.lower.1 as usize))
            .unwrap_or("")
    }

    /// What the lexicon knows of token `i`'s lower-cased word.
    pub fn lex(&self, i: usize) -> lexicon::Lex {
        self.info.get(i).map(|x| x.lex).unwrap_or_default()
    }

    /// The reporting cue token `i` is, if any (`lexicon::cue` of its word).
    pub fn cue(&self, i: usize) -> Option<lexicon::CueWord> {
        self.info.get(i).and_then(|x| x.lex.cue())
    }

    pub fn is_statement_noun(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::STATEMENT_NOUN)
    }

    pub fn is_evidence_noun(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::EVIDENCE_NOUN)
    }

    /// Whether token `i` is a document, record or medium noun: a record, statement or evidence
    /// noun of the lexicon (`lexicon::is_document_noun`), written in lower case ("Page said"
    /// is a name).
    pub fn is_document_noun(&self, i: usize) -> bool {
        self.lex(i).has(
            lexicon::Lex::RECORD_NOUN | lexicon::Lex::STATEMENT_NOUN | lexicon::Lex::EVIDENCE_NOUN,
        ) && (!self.is_capitalized(i) || self.sentence_bounds(i).0 == i)
    }

    pub fn is_title(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::TITLE)
    }

    pub fn is_group_word(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::GROUP_WORD)
    }

    pub fn is_np_stop(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::NP_STOP)
    }

    pub fn is_cue_modifier(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::CUE_MODIFIER)
    }

    pub fn is_determiner(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::DETERMINER)
    }

    pub fn is_role_noun(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::ROLE_NOUN)
    }

    /// Whether token `i` is a speaker pronoun (`lexicon::pronoun` of its word is some).
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.lex(i).has(lexicon::Lex::PRONOUN)
    }

    pub fn raw(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .map(|t| t.span.slice(&self.doc.text))
            .unwrap_or("")
    }

    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map(|t| t.span).unwrap_or_default()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.lex.has(WORD))
    }

    pub fn is_punct(&self, i: usize) -> bool {
        !self.is_word(i)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.lex.has(CAPITALIZED))
    }

    /// Token range of sentence `s` of the document: `token_at_or_after` of its start and end.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        self.sentence_tokens[s]
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Index of the first token of the sentence holding token `i`.
    pub fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        match self.info.get(i).map(|x| x.sentence) {
            Some(NO_SENTENCE) => return (i, i + 1),
            Some(s) => return self.sentence_tokens[s as usize],
            None => {}
        }
        let pos = self.span(i).start;
        match self.doc.sentence_at(pos) {
            Some(s) => {
                let sp = self.doc.sentences[s].span;
                (
                    self.token_at_or_after(sp.start),
                    self.token_at_or_after(sp.end),
                )
            }
            None => (i, i + 1),
        }
    }

    /// Token range of the paragraph holding token `i`.
    pub fn paragraph_bounds(&self, i: usize) -> (usize, usize) {
        let pos = self.span(i).start;
        match self.doc.paragraph_at(pos) {
            Some(p) => {
                let sp = self.doc.paragraphs[p];
                (
                    self.token_at_or_after(sp.start),
                    self.token_at_or_after(sp.end),
                )
            }
            None => (i, i + 1),
        }
    }

    /// The reporting cue at token `i` when it is used as a verb: not after a determiner or a
    /// preposition ("the report", "secretary of state") and not a capitalised name ("State").
    pub fn verb_cue(&self, i: usize) -> Option<lexicon::CueWord> {
        let cw = self.cue(i)?;
        // "Lin purported the man didn't know": a verb with its subject, a name or pronoun,
        // right before it ("the purported video", "the video purported to be a “social
        // experiment”" state nothing).
        if cw.lemma == "purport"
            && !(i > 0
                && (self.is_pronoun(i - 1)
                    || (self.is_capitalized(i - 1) && !self.is_determiner(i - 1)))
                && self.word(i + 1) != "to")
        {
            return None;
        }
        if i > 0 {
            let prev = self.word(i - 1);
            if matches!(
                prev,
                "a" | "an"
                    | "the"
                    | "his"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "these"
                    | "of"
                    | "'s"
                    | "’s"
            ) || prev.ends_with("'s")
            {
                // "He’s claiming that …": a contracted "is" before a participle.
                if !(self.contracted_is(i - 1) && cw.form == lexicon::Form::Gerund) {
                    return None;
                }
            }
        }
        if self.is_capitalized(i) && self.sentence_bounds(i).0 != i && !self.title_case(i) {
            return None;
        }
        // "his cybersecurity plan", "the peace plan": a singular noun phrase cannot take the
        // base form of a verb, so the cue is a noun.
        let w = self.word(i);
        // ("“…,” the email read.": "read" is also its own past tense.)
        if cw.form == lexicon::Form::Present
            && w != "read"
            && !w.ends_with('s')
            && i >= 2
            && matches!(
                self.word(i - 2),
                "his" | "her" | "its" | "my" | "our" | "your" | "their" | "the" | "a" | "an"
            )
            && self.is_word(i - 1)
            && !self.is_capitalized(i - 1)
            && !self.word(i - 1).ends_with('s')
            && !self.word(i - 1).ends_with("ly")
            && !self.is_cue_modifier(i - 1)
            && !self.is_pronoun(i - 1)
        {
            return None;
        }
        // "32% of Republican claims", "a third of Democratic reports": a plural noun.
        if cw.form == lexicon::Form::Present
            && i >= 2
            && self.is_capitalized(i - 1)
            && (matches!(self.word(i - 2), "of" | "%")
                || self.word(i - 2).bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        // "Church and state should be separate", "swing states say": "state(s)" is a noun
        // unless a pronoun, a modal or adverb, or a plural noun stands before it
        // ("the documents state that", "they state", "rules clearly state").
        if cw.lemma == "state" && cw.form == lexicon::Form::Present && !self.state_is_verb(i) {
            return None;
        }
        Some(cw)
    }

    /// Whether "state"/"states" at `i` is the verb: after a subject pronoun, a modal, an
    /// adverb or a lower-case plural noun.
    fn state_is_verb(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.word(i - 1);
        if matches!(
            prev,
            "they"
                | "we"
                | "i"
                | "you"
                | "who"
                | "which"
                | "that"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "may"
                | "might"
                | "to"
                | "not"
                | "n't"
                | "also"
                | "do"
                | "does"
                | "did"
                | "it"
                | "he"
                | "she"
        ) || (prev.ends_with("ly") && prev.len() > 4)
        {
            return true;
        }
        self.is_word(i - 1)
            && !self.is_capitalized(i - 1)
            && prev.len() > 3
            && prev.ends_with('s')
            && !prev.ends_with("ss")
            && !prev.ends_with("'s")
            && !matches!(
                prev,
                "this"
                    | "these"
                    | "those"
                    | "both"
                    | "several"
                    | "various"
                    | "across"
                    | "its"
                    | "his"
                    | "was"
                    | "has"
                    | "does"
                    | "other"
                    | "arab"
                    | "baltic"
                    | "gulf"
            )
            && !self.is_determiner(i - 1)
    }

    /// A verb and particle ending their clause that report the quotation before them ("“…,”
    /// he went on.", "“…,” Sanders shot back,"): the pair as a cue of the verb's form.
    pub fn phrasal_cue(&self, i: usize) -> Option<lexicon::CueWord> {
        let lemma = lexicon::phrasal_cue(self.word(i), self.word(i + 1))?;
        if !matches!(self.word(i + 2), "." | "," | "!" | "?" | ";") || self.is_capitalized(i) {
            return None;
        }
        let form = if self.word(i).ends_with("ing") {
            lexicon::Form::Gerund
        } else if matches!(self.word(i), "went" | "shot" | "fired" | "piped")
            || (matches!(self.word(i), "hit" | "cut") && i > 0 && !self.is_word(i - 1))
        {
            lexicon::Form::Past
        } else {
            lexicon::Form::Present
        };
        Some(lexicon::CueWord { lemma, form })
    }

    /// Whether token `i` is a contracted "is" after a pronoun ("He’s", "It's"), not a possessive.
    pub fn contracted_is(&self, i: usize) -> bool {
        let pronoun_is = |w: &str| matches!(w, "he" | "she" | "it" | "that" | "who" | "there");
        (i > 0 && matches!(self.word(i), "'s" | "’s") && pronoun_is(self.word(i - 1)))
            || self.word(i).strip_suffix("'s").is_some_and(pronoun_is)
    }

    /// Whether the participle cue at token `c` is a progressive verb with its auxiliary ("is
    /// describing", "He’s claiming", "was also saying"), so its subject stands before it.
    pub fn is_progressive(&self, c: usize) -> bool {
        let mut j = c;
        while j > 0 {
            j -= 1;
            let w = self.word(j);
            if matches!(
                w,
                "is" | "was" | "were" | "are" | "am" | "been" | "be" | "’re" | "'re"
            ) || self.contracted_is(j)
            {
                return true;
            }
            if !self.is_cue_modifier(j) || c - j > 3 {
                return false;
            }
        }
        false
    }

    /// Whether the sentence holding token `i` is a Title Case headline.
    pub fn title_case(&self, i: usize) -> bool {
        let (a, b) = self.sentence_bounds(i);
        let words: Vec<usize> = (a..b)
            .filter(|&k| self.is_word(k) && self.word(k).len() > 3)
            .collect();
        words.len() >= 3
            && words.iter().filter(|&&k| self.is_capitalized(k)).count() * 10 >= words.len() * 8
    }

    /// The speaker of a participle cue ("…, warning that"): the subject of an earlier cue in
    /// the sentence, else the subject of the sentence.
    pub fn participle_subject(&self, c: usize) -> Option<Mention> {
        let (s, _) = self.sentence_bounds(c);
        for k in (s..c).rev() {
            if let Some(cw) = self.verb_cue(k) {
                if cw.form != lexicon::Form::Gerund {
                    if let Some(m) = self.subject_before(k, s) {
                        return Some(m);
                    }
                }
            }
        }
        // Not a gerund opening the sentence ("Stripping the pledge …, calling").
        self.sentence_subject(c, c)
            .filter(|m| !self.word(m.first).ends_with("ing") || self.is_capitalized(m.first))
    }

    /// Whether token `i` is the full stop of an abbreviation ("Mr.", "Sen.", "R-Ky.,", "J.").
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        if self.word(i) != "." || i == 0 {
            return false;
        }
        let prev = self.word(i - 1);
        let glued = self.span(i - 1).end == self.span(i).start;
        glued
            && (newsprobe_core::segment::is_title_abbreviation(prev)
                || (prev.chars().count() == 1 && self.is_capitalized(i - 1))
                || matches!(self.word(i + 1), "," | ")"))
    }

    pub(crate) fn mention(&self, first: usize, last: usize, clause_end: usize) -> Mention {
        let span = Span::text(self.span(first).start, self.span(last).end);
        Mention {
            span,
            first,
            last,
            clause: Span::text(span.start, clause_end.max(span.end)),
        }
    }

    /// The speaker mention of a relative clause ("Mr. Sanders, who said"): written as the
    /// relative pronoun at token `pronoun`, nearest the cue, standing for the antecedent `m`
    /// (whose tokens `first..=last` are what gets resolved).
    pub(crate) fn relative(&self, m: Mention, pronoun: usize) -> Mention {
        Mention {
            span: self.span(pronoun),
            clause: Span::text(m.span.start, m.clause.end.max(self.span(pronoun).end)),
            ..m
        }
    }

    /// The antecedent's words as written (the mention itself unless it is a relative pronoun).
    pub fn np_span(&self, m: &Mention) -> Span {
        Span::text(self.span(m.first).start, self.span(m.last).end)
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        matches!(
            self.raw(i),
            "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "„" | "'"
        )
    }

    /// The subject noun phrase ending just before the cue at token `cue` (skipping adverbs and
    /// auxiliaries and an appositive or relative clause), not reaching before token `limit`.
    pub fn subject_before(&self, cue: usize, limit: usize) -> Option<Mention> {
        let mut j = cue.checked_sub(1)?;
        while j > limit
            && (self.is_cue_modifier(j)
                || (self.contracted_is(j) && matches!(self.word(j), "'s" | "’s"))
                || (self.word(j).ends_with("ly")
                    && !self.is_capitalized(j)
                    && self.word(j).len() > 4))
        {
            j -= 1;
        }
        // "Sen. Jack Reed (D-R.I.), said"
        if self.word(j) == "," && j > limit && self.word(j - 1) == ")" {
            j -= 1;
        }
        // "The judges, for instance, said"
        if self.word(j) == "," && j >= limit + 3 {
            let (a, b) = (self.word(j - 2), self.word(j - 1));
            let discourse = matches!(
                (a, b),
                ("for", "instance") | ("for", "example") | ("in", "turn") | ("of", "course")
            ) && self.word(j - 3) == ",";
            if discourse && j >= limit + 4 {
                j -= 4;
            } else if matches!(
                b,
                "however" | "meanwhile" | "too" | "though" | "instead" | "nonetheless"
            ) && self.word(j - 2) == ","
            {
                j -= 3;
            }
        }
        // "Rep. Jim McDermott (D-Wash.) said": skip a short parenthesis.
        if self.word(j) == ")" {
            let mut k = j;
            while k > limit && j - k < 8 && self.word(k) != "(" {
                k -= 1;
            }
            if self.word(k) == "(" && k > limit {
                j = k - 1;
            }
        }
        if j < limit {
            return None;
        }
        let mut clause_end = self.span(j).end;
        // "Smith praised the plan and warned that…": the subject of the first verb.
        if matches!(self.word(j), "and" | "but" | "or") {
            return self.participle_subject(cue);
        }
        // "a spokeswoman who asked not to be named said": an anonymity clause without commas
        // between the subject and its cue.
        if self.is_word(j) && matches!(self.word(j), "named" | "identified" | "anonymity") {
            let w = (j.saturating_sub(8).max(limit + 1)..j)
                .rev()
                .take_while(|&k| self.is_word(k))
                .find(|&k| self.word(k) == "who");
            if let Some(w) = w.filter(|&w| w > limit + 1 && self.is_word(w - 1)) {
                return self
                    .np_ending_at(w - 1, limit, self.span(j).end)
                    .map(|m| self.relative(m, w));
            }
        }
        if matches!(self.word(j), "to" | "not" | "also") {
            return None;
        }
        // "scholars, many of whom have long warned": the relative pronoun's antecedent.
        // "voters who say …", "Those who said …": a restrictive relative clause.
        if self.word(j) == "who" && j > limit && self.is_word(j - 1) && !self.is_capitalized(j - 1)
            || (self.word(j) == "who" && j > limit && self.word(j - 1) == "those")
        {
            let head = j - 1;
            let first = if head > limit && self.is_determiner(head - 1) {
                head - 1
            } else {
                head
            };
            return Some(self.relative(self.mention(first, head, self.span(j).end), j));
        }
        if matches!(self.word(j), "who" | "whom" | "which") {
            // "the Chicago Police Department which reported": no comma before the pronoun.
            if j > limit && self.is_capitalized(j - 1) {
                return self
                    .np_ending_at(j - 1, limit, self.span(j).end)
                    .map(|m| self.relative(m, j));
            }
            let mut k = j;
            while k > limit && self.word(k) != "," {
                k -= 1;
            }
            if k <= limit || k == 0 || j - k > 4 {
                return None;
            }
            return self
                .np_ending_at(k - 1, limit, self.span(j).end)
                .map(|m| self.relative(m, j));
        }
        let mut segments = 0;
        // A hyphen glued to the words on both sides ("a 34-year-old engineer") joins a
        // compound; only a spaced one separates an appositive.
        let glued = |k: usize| {
            k > 0
                && k + 1 < self.len()
                && self.span(k - 1).end == self.span(k).start
                && self.span(k).end == self.span(k + 1).start
        };
        let is_sep = |k: usize| {
            matches!(self.word(k), "," | "—" | "–" | "--") || (self.word(k) == "-" && !glued(k))
        };
        // Set when the segment just read was the state of a "City, State" pair: the next
        // segment holds the city and is part of the same appositive.
        let mut place_pair = false;
        while is_sep(j) && segments < 3 {
            let joined = std::mem::take(&mut place_pair);
            if !joined {
                segments += 1;
            }
            // "Smith, a spokesman for the campaign, said" / "an official, who spoke…, noted"
            let close = j;
            let mut k = close;
            // "John Dickey, the chief executive of Ora Media -- the company that owns it, which
            // streams on Hulu -- told me": a dash closes an aside opened by the same dash,
            // commas inside it and all.
            let dash_pair = self.dash_aside_open(close, limit);
            let open = if let Some(o) = dash_pair {
                o
            } else {
                loop {
                    if k <= limit {
                        return None;
                    }
                    k -= 1;
                    if is_sep(k) {
                        break k;
                    }
                    // "the No. 2 Republican"
                    let numbered = self.word(k) == "."
                        && k > 0
                        && self.word(k - 1) == "no"
                        && self
                            .word(k + 1)
                            .bytes()
                            .next()
                            .is_some_and(|b| b.is_ascii_digit());
                    // "doesn’t": an apostrophe, not a quotation mark
                    let apostrophe = matches!(self.raw(k), "’" | "'")
                        && k > 0
                        && self.is_word(k - 1)
                        && self.span(k - 1).end == self.span(k).start;
                    if (matches!(self.word(k), "." | "!" | "?" | ";" | ":")
                        && !self.is_abbreviation_dot(k)
                        && !numbered)
                        || (self.is_quote_mark(k) && !apostrophe)
                    {
                        return None;
                    }
                }
            };
            let first_inner = self.word(open + 1);
            let appositive = joined
                || dash_pair.is_some()
                || matches!(
                    first_inner,
                    "who"
                        | "which"
                        | "whose"
                        | "a"
                        | "an"
                        | "the"
                        | "one"
                        | "speaking"
                        | "whom"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "when"
                        | "while"
                        | "after"
                        | "before"
                        | "citing"
                        | "asked"
                        | "reached"
                        | "contacted"
                )
                || self.is_role_noun(open + 1)
                || self.is_capitalized(open + 1)
                || (open > 0 && self.is_capitalized(open - 1) && close - open <= 10)
                || first_inner.bytes().all(|b| b.is_ascii_digit())
                || (matches!(first_inner, "of" | "from" | "at") && close - open <= 6)
                // "The letter, signed by 40 doctors, said": a participle and its agent.
                || (first_inner.ends_with("ed") && self.word(open + 2) == "by");
            if !appositive || open == 0 || open <= limit {
                return None;
            }
            if segments == 1 && !joined {
                clause_end = self.span(close).start;
            }
            j = open - 1;
            // "Cory James, 22, of Flint, Mich., said": the state closes a "City, State" pair.
            if !joined && self.is_place_pair(open, close, limit) {
                j = open;
                place_pair = true;
                continue;
            }
            // "Ruth Okafor, of Tulsa, Okla., who voted early, said": the state ends right
            // before this appositive.
            if !is_sep(j) {
                let mut s = j;
                while s > limit && j - s < 4 && !is_sep(s) {
                    s -= 1;
                }
                if is_sep(s) && s > limit && self.is_place_pair(s, open, limit) {
                    j = s;
                    place_pair = true;
                    continue;
                }
            }
            // "Woodrow Benford, 58, who lives outside Minneapolis, says": an age before the
            // appositive is a segment of its own.
            if j > limit + 1 && is_sep(j - 1) && self.is_age(j) {
                j = open;
                continue;
            }
            // "Scott Pruitt, the attorney general of Oklahoma, one of the states …, said": the
            // words before this appositive are a second one ("the attorney general of
            // Oklahoma"), whose head is not the speaker; the name before it is.
            if !is_sep(j) && segments < 3 {
                let mut k = j;
                while k > limit && j - k < 10 && !is_sep(k) && self.is_word(k) {
                    k -= 1;
                }
                let inner = self.word(k + 1);
                if is_sep(k)
                    && k > limit
                    && k < j
                    && matches!(inner, "the" | "a" | "an" | "his" | "her" | "its" | "their")
                    && self.is_capitalized(k - 1)
                    // not "In a statement to the Observer, her adviser, Jake Sullivan, said"
                    && !(k >= 2
                        && matches!(
                            self.word(k - 2),
                            "the" | "to" | "of" | "in" | "for" | "at" | "with" | "from" | "by"
                        ))
                {
                    segments += 1;
                    j = k - 1;
                }
            }
        }
        // "Rep. Sander Levin (Mich.), a superdelegate, said": the parenthesis before the
        // appositive.
        if segments > 0 && self.word(j) == ")" {
            let mut k = j;
            while k > limit && j - k < 8 && self.word(k) != "(" {
                k -= 1;
            }
            if self.word(k) == "(" && k > limit {
                j = k - 1;
            }
        }
        let m = self.np_ending_at(j, limit, clause_end)?;
        // "Protesters marching through the streets chanted", "who in 2010 said", "who has in
        // the past described": a non-person noun phrase after a preposition is an adjunct; the
        // subject stands before it.
        let adjunct = m.first > limit + 1
            && matches!(
                self.word(m.first - 1),
                "in" | "at" | "on" | "through" | "during" | "since" | "across" | "into" | "over"
            )
            && !self.is_capitalized(m.last)
            && !self.is_pronoun(m.last)
            && !self.is_role_noun(m.last)
            && !self.is_group_word(m.last);
        if adjunct {
            // ("A person briefed on the decision said": a past participle opens a reduced
            // relative clause after the subject, as "-ing" does.)
            let mut k = m.first - 2;
            while k > limit
                && (self.is_cue_modifier(k)
                    || ((self.word(k).ends_with("ing") || self.word(k).ends_with("ed"))
                        && !self.is_capitalized(k)
                        && !self.is_role_noun(k)))
            {
                k -= 1;
            }
            if let Some(before) = self.subject_before(k + 1, limit) {
                return Some(before);
            }
        }
        Some(m)
    }

    /// The dash opening the aside that the dash at token `close` closes (the same dash, no
    /// sentence end or quotation mark between), not before token `limit`.
    fn dash_aside_open(&self, close: usize, limit: usize) -> Option<usize> {
        // ("--" is two hyphen tokens.)
        let double = close > 0 && self.word(close) == "-" && self.word(close - 1) == "-";
        let dash = self.word(close);
        if !double && !matches!(dash, "--" | "—" | "–") {
            return None;
        }
        let end = if double { close - 1 } else { close };
        for k in (limit.max(close.saturating_sub(40)) + 1..end).rev() {
            if double && self.word(k) == "-" && self.word(k - 1) == "-" && k - 1 > limit {
                return Some(k - 1);
            }
            if !double && self.word(k) == dash {
                return Some(k);
            }
            let apostrophe = matches!(self.raw(k), "’" | "'")
                && self.is_word(k - 1)
                && self.span(k - 1).end == self.span(k).start;
            if (matches!(self.word(k), "." | "!" | "?" | ";" | ":") && !self.is_abbreviation_dot(k))
                || (self.is_quote_mark(k) && !apostrophe)
            {
                return None;
            }
        }
        None
    }

    /// Is token `i` a person's age ("22" in "Cory James, 22, said")?
    fn is_age(&self, i: usize) -> bool {
        let w = self.word(i);
        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    }

    /// Is the comma-delimited segment between tokens `open` and `close` the state of a "City,
    /// State" pair whose city ends just before `open`, introduced by a preposition ("of Flint,
    /// Mich.", "in Columbus, Ohio") inside a longer appositive that opens with a separator?
    fn is_place_pair(&self, open: usize, close: usize, limit: usize) -> bool {
        // The state: one to four tokens of capitalized words and abbreviation dots.
        // Two words at most, so that a name ("John Foster Dulles", "James B. Comey") is not
        // taken for one.
        if close - open < 2
            || close - open > 5
            || !self.is_capitalized(open + 1)
            || !(open + 1..close).all(|k| self.is_capitalized(k) || self.is_abbreviation_dot(k))
            || (open + 1..close).filter(|&k| self.is_word(k)).count() > 2
        {
            return false;
        }
        // The city: up to three capitalized words after a preposition.
        let mut k = open;
        while k > limit && open - k < 4 && self.is_capitalized(k - 1) {
            k -= 1;
        }
        if k == open || k <= limit + 1 {
            return false;
        }
        // "of" only after the separator or "resident/native": not "secretary of State,
        // John Foster Dulles," nor "director of the Bureau of Investigation, James B. Comey,".
        let preposition = match self.word(k - 1) {
            "of" => matches!(
                self.word(k - 2),
                "," | "—" | "–" | "--" | "resident" | "residents" | "native" | "natives"
            ),
            "from" | "in" | "outside" | "near" | "at" => true,
            _ => false,
        };
        if !preposition {
            return false;
        }
        // A separator opens the appositive within the same sentence.
        let mut m = k - 1;
        while m > limit && k - m < 16 {
            m -= 1;
            if matches!(self.word(m), "," | "—" | "–" | "--") {
                return true;
            }
            if (matches!(self.word(m), "." | "!" | "?" | ";" | ":") && !self.is_abbreviation_dot(m))
                || self.is_quote_mark(m)
            {
                return false;
            }
        }
        false
    }

    /// The noun phrase whose last token is `j`.
    pub(crate) fn np_ending_at(
        &self,
        j: usize,
        limit: usize,
        clause_end: usize,
    ) -> Option<Mention> {
        // "47% say": a share of those polled.
        if self.word(j) == "%"
            && j > limit
            && self
                .word(j - 1)
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
        {
            return Some(self.mention(j - 1, j, clause_end));
        }
        // "James B. Comey Jr.": a name suffix's dot ends the name, not a sentence.
        if self.word(j) == "."
            && j > limit + 1
            && matches!(self.word(j - 1), "jr" | "sr")
            && self.span(j - 1).end == self.span(j).start
            && self.is_capitalized(j - 2)
        {
            return self
                .np_ending_at(j - 1, limit, clause_end)
                .map(|m| self.mention(m.first, j, clause_end));
        }
        if !self.is_word(j) {
            return None;
        }
        let w = self.word(j);
        if self.is_pronoun(j) {
            return Some(self.mention(j, j, clause_end));
        }
        // "NBC 5 believes", "Channel 4 says": a station's number ends its name.
        if j > limit + 1 && self.station_number(j) {
            return self
                .np_ending_at(j - 1, limit, clause_end)
                .filter(|m| m.last == j - 1)
                .map(|m| self.mention(m.first, j, clause_end));
        }
        // "About four in 10 said", "nearly nine out of 10 say" (`share`).
        if let Some(first) = crate::share::share_start(self, j, limit) {
            return Some(self.mention(first, j, clause_end));
        }
        // "Two in three said", "Thirty percent said".
        if matches!(
            w,
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        ) && j > limit
            && matches!(self.word(j - 1), "in" | "of")
            && j >= 2
        {
            let first = if j - 2 > limit
                && matches!(self.word(j - 3), "nearly" | "about" | "almost" | "roughly")
            {
                j - 3
            } else {
                j - 2
            };
            return Some(self.mention(first, j, clause_end));
        }
        // "Another said", "Some argue": a quantifier standing for people.
        if matches!(
            w,
            "another"
                | "one"
                | "some"
                | "many"
                | "both"
                | "several"
                | "most"
                | "few"
                | "others"
                | "all"
        ) {
            return Some(self.mention(j, j, clause_end));
        }
        // ("The report claims", "the suspect said": a cue word after a determiner is the
        // head noun of the subject, not a verb.)
        if self.is_np_stop(j)
            || self.is_determiner(j)
            || (self.cue(j).is_some() && !self.is_capitalized(j) && !self.determined_noun(j, limit))
        {
            return None;
        }
        let mut first = j;
        if self.is_capitalized(j) && !(j == self.sentence_bounds(j).0 && self.is_determiner(j)) {
            // A name, with titles and connectors: "Russian Ambassador to Belgium Denis Gonchar".
            while first > limit {
                let k = first - 1;
                let name_word = self.is_capitalized(k) && !self.is_np_stop(k);
                let abbreviation =
                    self.is_abbreviation_dot(k) && k > limit && self.is_capitalized(k - 1);
                // "Mr. Morgan of the Sierra Club"
                let of_the = k >= limit + 2
                    && self.word(k) == "the"
                    && self.word(k - 1) == "of"
                    && self.is_capitalized(k - 2);
                if of_the {
                    first = k - 2;
                    continue;
                }
                let connector = matches!(
                    self.word(k),
                    "of" | "to" | "for" | "de" | "van" | "von" | "al" | "bin" | "la" | "del" | "da"
                ) && k > limit
                    && self.is_capitalized(k - 1);
                if name_word {
                    first = k;
                } else if abbreviation || connector {
                    first = k - 1;
                } else {
                    break;
                }
            }
            // "the former Secretary of State", "former President Obama"
            while first > limit {
                let k = first - 1;
                let wk = self.word(k);
                if matches!(
                    wk,
                    "former"
                        | "then"
                        | "late"
                        | "current"
                        | "incoming"
                        | "outgoing"
                        | "acting"
                        | "senior"
                        | "top"
                        | "chief"
                        | "deputy"
                        | "the"
                        | "a"
                        | "an"
                        | "one"
                        | "interim"
                        | "longtime"
                        | "veteran"
                ) || (self.is_role_noun(k) && self.is_word(k))
                {
                    first = k;
                    if self.is_determiner(k) {
                        break;
                    }
                } else if self.is_word(k)
                    && !self.is_capitalized(k)
                    && wk.len() > 2
                    && wk.get(1..wk.len() - 1).is_some_and(|x| x.contains('-'))
                {
                    // (The same compound kept as one token.)
                    first = k;
                } else if self.compound_before(first, limit) {
                    // "the top-ranked Schwartzman", "the Dallas-based Smith": a hyphenated
                    // modifier of the name.
                    first -= 3;
                } else {
                    break;
                }
            }
            // "advisers to Mr. Obama", "a spokesman for the Sierra Club": a role or group
            // speaks for the name after its preposition; the phrase is theirs.
            if first >= limit + 2
                && matches!(self.word(first - 1), "to" | "for" | "of")
                && self.is_word(first - 2)
                && !self.is_capitalized(first - 2)
                && (self.is_role_noun(first - 2) || self.is_group_word(first - 2))
            {
                if let Some(d) = self.np_ending_at(first - 2, limit, clause_end) {
                    return Some(self.mention(d.first, j, clause_end));
                }
            }
            return Some(self.mention(first, j, clause_end));
        }
        // A description: "the former leader", "a senior NATO official", "sources".
        let mut count = 1;
        while first > limit && count < 10 {
            let k = first - 1;
            let wk = self.word(k);
            if !self.is_word(k) {
                // "the 48-year-old", "a state-run broadcaster": a hyphen glued to the words
                // (or number) on both sides joins a compound modifier of the head.
                // ("Benchmark 10-year (notes)": a number and its unit as the head are a
                // modifier cut from its noun, not a compound.)
                let number = |i: usize| {
                    let w = self.word(i);
                    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                };
                // (`k > limit` first: at the text's first token there is no word before.)
                let unit_head = k > limit && k + 1 == j && number(k - 1) && !is_age(self.word(j));
                // (An em dash reads as "-" too: only the hyphen itself joins.)
                let glued = self.raw(k) == "-"
                    && k > limit
                    && self.span(k - 1).end == self.span(k).start
                    && self.span(k).end == self.span(k + 1).start
                    && (self.is_word(k - 1) || number(k - 1))
                    && !unit_head;
                if glued {
                    first = k - 1;
                    count += 1;
                    continue;
                }
                break;
            }
            if self.is_determiner(k) {
                // "a spokesman for the campaign": the determiner belongs to a prepositional
                // phrase when a preposition precedes it and a noun phrase goes on before.
                if k > limit
                    && matches!(
                        self.word(k - 1),
                        "for" | "of" | "with" | "to" | "at" | "from" | "in"
                    )
                    && k >= 2
                    && k - 1 > limit
                    && self.is_word(k - 2)
                    && !self.is_np_stop(k - 2)
                    && self.cue(k - 2).is_none()
                {
                    first = k - 2;
                    count += 3;
                    continue;
                }
                first = k;
                break;
            }
            if self.is_np_stop(k) || self.cue(k).is_some() {
                if matches!(wk, "of" | "for" | "with" | "to" | "in" | "at")
                    && k > limit
                    && self.is_word(k - 1)
                    && !self.is_np_stop(k - 1)
                    && self.cue(k - 1).is_none()
                {
                    first = k - 1;
                    count += 2;
                    continue;
                }
                break;
            }
            first = k;
            count += 1;
        }
        // A description must have a noun-like head; verbs ending in -ed/-ing are not speakers.
        if w.ends_with("ing") || (w.ends_with("ed") && !self.is_role_noun(j)) {
            return None;
        }
        while first < j && self.is_np_stop(first) {
            first += 1;
        }
        Some(self.mention(first, j, clause_end))
    }

    /// Is the cue word at token `j` a noun ("The report claims", "the new suspect said")?
    /// A determiner or possessive stands a word or two before it, with only lower-case
    /// modifiers between.
    fn determined_noun(&self, j: usize, limit: usize) -> bool {
        let mut k = j;
        while k > limit && j - k < 3 {
            k -= 1;
            let w = self.word(k);
            // ("the brief", "the company's report", "Ivana Trump's brief": a glued
            // possessive too, not "it's", "that's".)
            let glued_possessive = w.len() > 2
                && (w.ends_with("'s") || w.ends_with("’s"))
                && !matches!(
                    w.trim_end_matches("'s").trim_end_matches("’s"),
                    "it" | "he" | "she" | "that" | "there" | "what" | "who" | "here" | "where"
                );
            if self.is_determiner(k) || matches!(w, "'s" | "’s") || glued_possessive {
                return true;
            }
            if !self.is_word(k)
                || self.is_capitalized(k)
                || self.is_np_stop(k)
                || self.is_pronoun(k)
                || self.cue(k).is_some()
            {
                return false;
            }
        }
        false
    }

    /// Do the three tokens before token `first` form a hyphenated compound glued together
    /// ("top-ranked", "Dallas-based", "48-year")?
    fn compound_before(&self, first: usize, limit: usize) -> bool {
        first >= limit + 3
            && self.raw(first - 2) == "-"
            && self.is_word(first - 1)
            && self.is_word(first - 3)
            && self.span(first - 3).end == self.span(first - 2).start
            && self.span(first - 2).end == self.span(first - 1).start
    }

    /// The noun phrase starting at token `i` ("a senior NATO official, who declined to be
    /// named"), not reaching token `end`.
    pub fn np_after(&self, i: usize, end: usize) -> Option<Mention> {
        if i >= end || !self.is_word(i) {
            return None;
        }
        let w = self.word(i);
        if self.is_pronoun(i) {
            return Some(self.mention(i, i, self.span(i).end));
        }
        if (self.is_np_stop(i) && !self.is_determiner(i)) || matches!(w, "to" | "for" | "of") {
            return None;
        }
        let mut last = i;
        let mut k = i + 1;
        let name_mode = self.is_capitalized(i) && !self.is_determiner(i);
        while k < end && k - i < 12 {
            let wk = self.word(k);
            if !self.is_word(k) {
                // ("said 9/11 widow Terry Strada": a date written with a slash.)
                let digits = |j: usize| self.word(j).bytes().all(|b| b.is_ascii_digit());
                if matches!(wk, "'s" | "’s" | "-")
                    || (self.is_abbreviation_dot(k) && self.word(k + 1) != ",")
                    || (wk == "/" && k + 1 < end && digits(k - 1) && digits(k + 1))
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if matches!(
                wk,
                "of" | "for" | "to" | "at" | "with" | "de" | "von" | "van"
            ) && k + 1 < end
                && self.is_word(k + 1)
                && self.cue(k + 1).is_none()
                && !(name_mode && !self.is_capitalized(k + 1) && !self.is_determiner(k + 1))
            {
                k += 1;
                continue;
            }
            // "said Anchorage businessman and blogger Andrew Halcro": two descriptions of
            // the name after them (not "Smith and Jones", two names).
            if name_mode && wk == "and" && last > i && !self.is_capitalized(last) {
                let name = (k + 1..(k + 4).min(end))
                    .take_while(|&m| self.is_word(m) && self.cue(m).is_none())
                    .find(|&m| self.is_capitalized(m))
                    .filter(|&m| m > k + 1);
                if let Some(m) = name {
                    last = m;
                    k = m + 1;
                    continue;
                }
            }
            if self.is_np_stop(k) && !self.is_determiner(k) {
                break;
            }
            // ("a State Department official": a capitalised cue word inside a name is no cue.)
            // ("a report in …": after a determiner it is a noun; so is a cue word followed
            // by a noun it modifies, "conservative talk radio host", after an adjective.)
            let noun_cue = self.is_determiner(k - 1)
                || (k >= i + 2
                    && self.is_determiner(k - 2)
                    && self.is_word(k - 1)
                    && !self.is_capitalized(k - 1)
                    && (self.is_statement_noun(k)
                        || self
                            .cue(k)
                            .is_some_and(|c| c.form == lexicon::Form::Present)))
                || (!name_mode
                    && (k + 1..(k + 3).min(end))
                        .all(|j| self.is_word(j) && !self.is_capitalized(j))
                    && (k + 1..(k + 3).min(end))
                        .any(|j| self.is_role_noun(j) || self.is_group_word(j)));
            if self.cue(k).is_some() && !self.is_capitalized(k) && !noun_cue
                || wk.ends_with("ed") && !self.is_capitalized(k)
            {
                break;
            }
            if name_mode && !self.is_capitalized(k) && !self.is_role_noun(k) && last > i {
                // "said Smith told" / "Trump campaign manager": keep lowercase role nouns only.
                if !self.is_role_noun(k) {
                    break;
                }
            }
            last = k;
            k += 1;
        }
        // Attached appositive or relative clause: ", who declined to be named".
        let mut clause_end = self.span(last).end;
        if self.word(last + 1) == "," {
            let mut m = last + 2;
            while m < end && !matches!(self.word(m), "," | "." | ";" | "!" | "?") {
                m += 1;
            }
            clause_end = self.span(m.saturating_sub(1).max(last)).end;
        }
        Some(self.mention(i, last, clause_end))
    }

    /// The subject of the sentence holding token `i`: its first noun phrase after any
    /// introductory phrase ending with a comma.
    pub fn sentence_subject(&self, i: usize, before: usize) -> Option<Mention> {
        let (start, _) = self.sentence_bounds(i);
        let mut s = start;
        while s < before && (self.is_quote_mark(s) || self.is_punct(s)) {
            s += 1;
        }
        let first = self.word(s);
        let intro = self.is_np_stop(s)
            || first.ends_with("ing")
            || first.ends_with("ly")
            || matches!(
                first,
                "amid"
                    | "despite"
                    | "following"
                    | "according"
                    | "yet"
                    | "however"
                    | "in"
                    | "for"
                    | "to"
                    | "asked"
                    | "like"
                    | "unlike"
            );
        if intro {
            let mut k = s;
            while k < before && self.word(k) != "," {
                k += 1;
            }
            if k >= before {
                return None;
            }
            s = k + 1;
        }
        while s < before && matches!(self.word(s), "yet" | "but" | "and" | "so" | "still") {
            s += 1;
        }
        let m = self.np_after(s, before)?;
        // A possessive is not the subject ("The admiral’s remarks").
        if matches!(self.word(m.last + 1), "'s" | "’s") || self.word(m.last).ends_with("'s") {
            return None;
        }
        Some(m)
    }
}

/// A name whose written form opens in lower case: an Arabic article or patronymic before a
/// capitalised name ("Nail al-Jubeir told", "el-Sisi said", "bin-Salman"). The speaker rules
/// read it as a capitalised word (fnc1-pool-3, session 16). (Digits before a name, "9News.com",
/// "9to5Mac", were tried too: the tokens cut them to "9News" and "5Mac", wrong names shown.)
fn name_with_lowercase_opening(raw: &str) -> bool {
    // Every opening ends in a hyphen at byte 2 or 3 and a capital follows it: a word without
    // one there (nearly every lower-case word of a page, each asked once) is refused at once.
    let b = raw.as_bytes();
    if b.len() < 4 || (b[2] != b'-' && b[3] != b'-') {
        return false;
    }
    [
        "al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "bin-", "ibn-", "abu-",
    ]
    .iter()
    .any(|p| {
        raw.strip_prefix(p)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_cases_by_scan_agree_with_the_index() {
        let text = "Engadget reported the news. Critics said Engadget was wrong. The critics \
            disagreed, said Warren. Shareholders met in Paris on Monday; shareholders said \
            little. Paris Hilton said nothing. MSPoweruser wrote that Paris was calm. \
            Zürich officials said Émile spoke; zürich was quiet and émile left. Pastors paused.";
        let doc = Document::from_text(None, text);
        let scanned = Ctx::new(&doc);
        let indexed = Ctx::new(&doc);
        for i in 0..scanned.len() {
            let (a, b) = (scanned.word_cases(i), indexed.indexed_word_cases(i));
            assert_eq!(
                (a.lower, a.capitalized_inside),
                (b.lower, b.capitalized_inside),
                "{}",
                scanned.word(i)
            );
        }
        // The scan agrees with the index for every word, not only the first few asked
        // (non-ASCII words, words of one length and first letter).
        for i in 0..indexed.len() {
            let (a, b) = (
                indexed.scan_word_cases(indexed.word(i)),
                indexed.indexed_word_cases(i),
            );
            assert_eq!(
                (a.lower, a.capitalized_inside),
                (b.lower, b.capitalized_inside),
                "{}",
                indexed.word(i)
            );
        }
        // Past the first few words asked, the index answers.
        assert!(scanned.word_cases.get().is_some());
        let shareholders = cue_index(&scanned, "shareholders");
        let cases = scanned.word_cases(shareholders);
        assert!(cases.lower && !cases.capitalized_inside);
        let paris = cue_index(&indexed, "paris");
        let fresh = Ctx::new(&doc);
        let cases = fresh.word_cases(paris);
        assert!(!cases.lower && cases.capitalized_inside);
        assert!(fresh.word_cases.get().is_none());
    }

    fn cue_index(ctx: &Ctx, word: &str) -> usize {
        (0..ctx.len())
            .find(|&i| ctx.word(i) == word)
            .expect("cue in text")
    }

    fn subject(text: &str, cue: &str) -> Option<String> {
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, cue);
        ctx.subject_before(c, 0)
            .map(|m| doc.span_text(&m.span).to_string())
    }

    /// "Nail al-Jubeir told": a name that opens in lower case (an Arabic article) is still a
    /// name to the speaker rules.
    #[test]
    fn a_name_opening_in_lower_case_is_a_name() {
        assert_eq!(
            subject(
                "Embassy spokesman Nail al-Jubeir told reporters nothing was blurred.",
                "told"
            )
            .as_deref(),
            Some("spokesman Nail al-Jubeir")
        );
        let (name, _) = crate::test_support::source_of(
            "\u{201c}Nothing on state television was blurred,\u{201d} Nail al-Jubeir told \
             Bloomberg View in an emailed statement.",
            "Nothing on state television",
        );
        assert_eq!(name.as_deref(), Some("Nail al-Jubeir"));
        assert!(name_with_lowercase_opening("al-Assad"));
        assert!(!name_with_lowercase_opening("al-"));
        assert!(!name_with_lowercase_opening("9to5Mac"));
        assert!(!name_with_lowercase_opening("also"));
    }

    #[test]
    fn name_suffixes_stay_in_the_name() {
        assert_eq!(
            subject(
                "Robert K. Ashford Jr., the head of the port authority, told reporters it was late.",
                "told"
            )
            .as_deref(),
            Some("Robert K. Ashford Jr.")
        );
        assert_eq!(
            subject("Dale Pruett Sr. said the mill would close.", "said").as_deref(),
            Some("Dale Pruett Sr.")
        );
        assert_eq!(
            subject(
                "Henry Whitcombe III, a trustee, said the vote was close.",
                "said"
            )
            .as_deref(),
            Some("Henry Whitcombe III")
        );
        assert_eq!(
            subject("Pope Leo II said nothing.", "said").as_deref(),
            Some("Pope Leo II")
        );
    }

    #[test]
    fn glued_hyphens_do_not_split_appositives() {
        assert_eq!(
            subject(
                "Sam Berg, a 34-year-old engineer at a startup in Austin, said no.",
                "said"
            )
            .as_deref(),
            Some("Sam Berg")
        );
        assert_eq!(
            subject(
                "Judge Ada Moss, the author of the 2-1 ruling, said it.",
                "said"
            )
            .as_deref(),
            Some("Judge Ada Moss")
        );
        // An age description is one noun phrase, not its last piece ("old", "year-old coach").
        assert_eq!(
            subject(
                "The 48-year-old said after her appointment that the squad was strong.",
                "said"
            )
            .as_deref(),
            Some("The 48-year-old")
        );
        assert_eq!(
            subject("The 61-year-old coach told reporters it was time.", "told").as_deref(),
            Some("The 61-year-old coach")
        );
        // A number and its unit are a modifier, and a dash is no hyphen.
        assert_ne!(
            subject("Benchmark 10-year notes rose in price.", "notes").as_deref(),
            Some("Benchmark 10-year")
        );
        let s = subject(
            "The outbreak—and Beijing officials admitted the count was low.",
            "admitted",
        );
        assert!(
            s.as_deref().is_some_and(|s| !s.contains("outbreak")),
            "{s:?}"
        );
    }

    #[test]
    fn subjects_before_cues() {
        assert_eq!(
            subject("Admiral Dragone emphasized the point.", "emphasized").as_deref(),
            Some("Admiral Dragone")
        );
        assert_eq!(
            subject("One European defense official, who spoke on condition of anonymity, noted that it was bad.", "noted").as_deref(),
            Some("One European defense official")
        );
        assert_eq!(
            subject("Later, he also said it was fine.", "said").as_deref(),
            Some("he")
        );
        assert_eq!(
            subject("A spokesman for the campaign said no.", "said").as_deref(),
            Some("A spokesman for the campaign")
        );
        assert_eq!(
            subject("People familiar with the matter said it was over.", "said").as_deref(),
            Some("People familiar with the matter")
        );
        assert_eq!(
            subject("The Post has learned the truth.", "learned").as_deref(),
            Some("The Post")
        );
        assert_eq!(
            subject("Smith, a spokesman for Acme, said it was over.", "said").as_deref(),
            Some("Smith")
        );
    }

    #[test]
    fn subjects_opening_the_sentence() {
        // A noun that is also a reporting verb is the head after a determiner.
        assert_eq!(
            subject("The report claims that the levee was sound.", "claims").as_deref(),
            Some("The report")
        );
        assert_eq!(
            subject("The suspect said he had acted alone.", "said").as_deref(),
            Some("The suspect")
        );
        assert_eq!(
            subject("Her latest report warns of delays.", "warns").as_deref(),
            Some("Her latest report")
        );
        assert_eq!(
            subject("Ms. Okafor insists that the vote was fair.", "insists").as_deref(),
            Some("Ms. Okafor")
        );
    }

    #[test]
    fn hyphenated_modifiers_and_roles_before_a_name() {
        assert_eq!(
            subject("The top-ranked Dalmau said he was tired.", "said").as_deref(),
            Some("The top-ranked Dalmau")
        );
        assert_eq!(
            subject(
                "The county's budget, aides to Mr. Varga say, will be cut.",
                "say"
            )
            .as_deref(),
            Some("aides to Mr. Varga")
        );
        assert_eq!(
            subject(
                "A spokeswoman for the Coastal Alliance said the permit was void.",
                "said"
            )
            .as_deref(),
            Some("A spokeswoman for the Coastal Alliance")
        );
        // A name after a plain preposition stays the subject.
        assert_eq!(
            subject(
                "Back in Denver, Mayor Ruiz said the road would open.",
                "said"
            )
            .as_deref(),
            Some("Mayor Ruiz")
        );
    }

    #[test]
    fn two_descriptions_before_an_inverted_name() {
        let text = "said Fairbanks grocer and podcaster Mara Lindqvist on Monday.";
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let m = ctx.np_after(1, ctx.len()).expect("a mention");
        assert_eq!(
            doc.span_text(&m.span),
            "Fairbanks grocer and podcaster Mara Lindqvist"
        );
        let text = "said Anna Ruiz and Tom Berg on Monday.";
        let doc = Document::from_text(None, text);
        let ctx = Ctx::new(&doc);
        let m = ctx.np_after(1, ctx.len()).expect("a mention");
        assert_eq!(doc.span_text(&m.span), "Anna Ruiz");
    }

    #[test]
    fn ages_and_home_towns_before_the_cue_are_appositives() {
        assert_eq!(
            subject(
                "Dana Whitfield, 31, of Dayton, Ohio, said the plant would close.",
                "said"
            )
            .as_deref(),
            Some("Dana Whitfield")
        );
        assert_eq!(
            subject(
                "Marco Bellini, 47, who farms outside Peoria, says prices are low.",
                "says"
            )
            .as_deref(),
            Some("Marco Bellini")
        );
        assert_eq!(
            subject(
                "The senator, speaking at a diner in Nashua, N.H., said she would run.",
                "said"
            )
            .as_deref(),
            Some("The senator")
        );
        assert_eq!(
            subject(
                "Ruth Okafor, 62, of Tulsa, Okla., who voted early, said lines were short.",
                "said"
            )
            .as_deref(),
            Some("Ruth Okafor")
        );
        assert_eq!(
            subject(
                "In March, the head of the Office of Management, Lena Park, said cuts were coming.",
                "said"
            )
            .as_deref(),
            Some("the head of the Office of Management")
        );
    }

    #[test]
    fn base_forms_after_a_singular_noun_are_nouns() {
        let doc = Document::from_text(
            None,
            "The governor outlined his water plan and vowed to act.",
        );
        let ctx = Ctx::new(&doc);
        assert!(ctx.verb_cue(cue_index(&ctx, "plan")).is_none());
        let doc = Document::from_text(None, "Her aides say the plan is ready.");
        let ctx = Ctx::new(&doc);
        assert!(ctx.verb_cue(cue_index(&ctx, "say")).is_some());
    }

    #[test]
    fn plural_nouns_after_a_share_are_not_cues() {
        let doc = Document::from_text(None, "The site rated 32% of Republican claims as false.");
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, "claims");
        assert!(ctx.verb_cue(c).is_none());
        let doc = Document::from_text(None, "The Governor claims the budget is balanced.");
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, "claims");
        assert!(ctx.verb_cue(c).is_some());
    }

    #[test]
    fn names_with_two_appositives_and_of_the() {
        assert_eq!(
            subject("Ana Ruiz, the attorney general of Ohio, one of the states suing the agency, said it was unlawful.", "said").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            subject(
                "Mr. Lund of the River Trust said it was the least bad outcome.",
                "said"
            )
            .as_deref(),
            Some("Mr. Lund of the River Trust")
        );
    }

    #[test]
    fn inverted_subject_after_cue() {
        let doc = Document::from_text(
            None,
            "“No,” said a senior NATO official, who declined to be named. Then more.",
        );
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, "said");
        let m = ctx.np_after(c + 1, ctx.len()).expect("speaker");
        assert_eq!(doc.span_text(&m.span), "a senior NATO official");
        assert!(doc.span_text(&m.clause).contains("declined to be named"));
    }

    #[test]
    fn a_cue_word_after_a_possessive_is_the_subjects_head() {
        assert_eq!(
            subject(
                "However, Rosa Delgado's brief said that was not her view.",
                "said"
            )
            .as_deref(),
            Some("Rosa Delgado's brief")
        );
        assert_eq!(
            subject("The agency's report said the dam was safe.", "said").as_deref(),
            Some("The agency's report")
        );
    }

    #[test]
    fn a_dash_aside_with_commas_before_the_cue() {
        assert_eq!(
            subject(
                "Mara Lind, the chief executive of Fjord Media -- the studio that makes the \
                 show, which also streams online -- told me the deal was done.",
                "told"
            )
            .as_deref(),
            Some("Mara Lind")
        );
    }

    #[test]
    fn a_date_with_a_slash_before_a_name_after_the_cue() {
        let doc = Document::from_text(
            None,
            "“We only want a hearing,” said 9/11 widow Rosa Delgado. Then more.",
        );
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, "said");
        let m = ctx.np_after(c + 1, ctx.len()).expect("speaker");
        assert_eq!(doc.span_text(&m.span), "9/11 widow Rosa Delgado");
    }

    #[test]
    fn subject_behind_an_introductory_phrase() {
        let doc = Document::from_text(
            None,
            "Adding to the tension, Russian Ambassador to Belgium Denis Gonchar made a claim, asserting that war was near.",
        );
        let ctx = Ctx::new(&doc);
        let c = cue_index(&ctx, "asserting");
        let m = ctx.sentence_subject(c, c).expect("subject");
        assert_eq!(
            doc.span_text(&m.span),
            "Russian Ambassador to Belgium Denis Gonchar"
        );
    }
}
