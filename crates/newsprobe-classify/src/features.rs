//! Which features a text has: a small tokenizer that keeps byte spans, stable (seedless) hashing
//! of words, word n-grams and character n-grams into a fixed-size feature space, and the sparse
//! feature vectors the linear models read.
//!
//! Everything is lower-cased on the fly (curly apostrophes folded), so Title Case headlines and
//! plain ones give the same features.

/// Indices below this are reserved for named dense features (`Features::dense`); hashed features
/// land in `[RESERVED, dim)`.
pub const RESERVED: u32 = 256;

/// Characters kept by `Token::stem`.
pub const STEM_CHARS: usize = 5;

/// FNV-1a 64-bit offset basis and prime: a fixed, platform-independent hash.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds bytes into an FNV-1a state.
#[inline]
fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Feeds one (already normalised) char into an FNV-1a state.
#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return (h ^ c as u64).wrapping_mul(FNV_PRIME);
    }
    let mut buf = [0u8; 4];
    fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes())
}

/// Lower-cases and folds typographic apostrophes, like `newsprobe_core::lexicon::normalize`.
#[inline]
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    let c = match c {
        '’' | 'ʼ' | '‘' => '\'',
        c => c,
    };
    c.to_lowercase()
}

/// [`fold_char`] of `c` when it is one character found by the core's lower-case table (Latin,
/// Greek, Cyrillic...: the same character, without the search of the Unicode case tables).
#[inline(always)]
fn fold_char_by_table(c: char) -> Option<char> {
    let c = match c {
        '’' | 'ʼ' | '‘' => '\'',
        c => c,
    };
    newsprobe_core::lexicon::lowercase_by_table(c)
}

/// Hash of a string under a namespace ("w" for words, "cb" for a cue...), normalised.
pub fn hash_str(namespace: &str, s: &str) -> u64 {
    let mut h = fnv_bytes(FNV_OFFSET, namespace.as_bytes());
    h = fnv_bytes(h, &[0xff]);
    for c in s.chars().flat_map(fold_char) {
        h = fnv_char(h, c);
    }
    h
}

/// Combines two hashes (for n-grams and namespaced features).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.rotate_left(23);
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// One word (or number) of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Hash of the lower-cased word.
    pub hash: u64,
    /// Hash of its first `STEM_CHARS` lower-cased chars (a crude stem: "strikes" ~ "strike").
    pub stem: u64,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// Contains a digit.
    pub numeric: bool,
    /// A sentence boundary (`.`, `!`, `?` or a line break) lies between the previous token and this one.
    pub sentence_start: bool,
}

#[inline]
fn is_word_char(c: char) -> bool {
    newsprobe_core::lexicon::is_alphanumeric(c)
}

/// Splits a text into word tokens: runs of letters and digits, keeping inner apostrophes
/// ("don't") and inner `.`/`,` between digits ("3.5", "1,700").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// The char at byte `i` of `text` (a char boundary) and its length; ASCII without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().unwrap_or('\0');
        (c, c.len_utf8())
    }
}

/// Each byte's lower case when it is an ASCII letter or digit (what the tokenizer's word runs
/// hold), 0 for any other byte.
static ASCII_WORD_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The running hash of one token: FNV-1a over its folded chars, and the hash after the first
/// `STEM_CHARS` of them.
struct WordHash {
    h: u64,
    chars_seen: usize,
    stem: u64,
}

impl WordHash {
    #[inline(always)]
    fn new() -> Self {
        WordHash {
            h: fnv_bytes(FNV_OFFSET, b"w\xff"),
            chars_seen: 0,
            stem: 0,
        }
    }

    /// Feeds one char of the text (folded here).
    #[inline(always)]
    fn push(&mut self, c: char) {
        if c.is_ascii() {
            self.push_ascii(c as u8);
        } else if newsprobe_core::lexicon::is_cjk_letter(c) {
            // No case: it folds to itself (without the Unicode case tables).
            self.h = fnv_char(self.h, c);
            self.count();
        } else if let Some(f) = fold_char_by_table(c) {
            self.h = fnv_char(self.h, f);
            self.count();
        } else {
            for f in fold_char(c) {
                self.h = fnv_char(self.h, f);
                self.count();
            }
        }
    }

    /// Feeds one ASCII byte (it folds to one lower-case byte).
    #[inline(always)]
    fn push_ascii(&mut self, b: u8) {
        self.h ^= u64::from(b.to_ascii_lowercase());
        self.h = self.h.wrapping_mul(FNV_PRIME);
        self.count();
    }

    /// Feeds the run of ASCII letters and digits starting at byte `start` of `bytes` (what
    /// [`Self::push_ascii`] of each gives) and returns where the run ends and whether it holds a
    /// digit. Once the stem is taken the chars are no longer counted: `chars_seen` stays at
    /// [`STEM_CHARS`], which [`Self::count`] and [`Self::finish`] read as any larger count.
    #[inline(always)]
    fn push_ascii_run(&mut self, bytes: &[u8], start: usize) -> (usize, bool) {
        let mut h = self.h;
        let mut i = start;
        let mut digit = false;
        let next = |i: usize| {
            bytes
                .get(i)
                .map_or(0, |&b| ASCII_WORD_LOWER[usize::from(b)])
        };
        while self.chars_seen < STEM_CHARS {
            let l = next(i);
            if l == 0 {
                self.h = h;
                return (i, digit);
            }
            digit |= l <= b'9';
            h = (h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
            i += 1;
            self.chars_seen += 1;
            if self.chars_seen == STEM_CHARS {
                self.stem = h;
            }
        }
        loop {
            let l = next(i);
            if l == 0 {
                break;
            }
            digit |= l <= b'9';
            h = (h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
            i += 1;
        }
        self.h = h;
        (i, digit)
    }

    #[inline(always)]
    fn count(&mut self) {
        self.chars_seen += 1;
        if self.chars_seen == STEM_CHARS {
            self.stem = self.h;
        }
    }

    /// (hash, stem).
    #[inline(always)]
    fn finish(&self) -> (u64, u64) {
        if self.chars_seen < STEM_CHARS {
            (self.h, self.h)
        } else {
            (self.h, self.stem)
        }
    }
}

/// `tokenize` into a reused buffer.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokenize_sentences_into(text, usize::MAX, tokens);
}

/// `tokenize_into` of the first `max_sentences` sentences only (a sentence starts at each token
/// marked `sentence_start`); the tokens are those `tokenize` gives, cut before the first token
/// of sentence `max_sentences + 1`.
pub fn tokenize_sentences_into(text: &str, max_sentences: usize, tokens: &mut Vec<Token>) {
    tokens.clear();
    let mut sentences = 0usize;
    let mut boundary = true;
    tokenize_range(
        text,
        0,
        text.len(),
        (&mut boundary, &mut sentences, max_sentences),
        tokens,
    );
}

/// The tokenizer's loop over `text[from..n]`, read as if the text ended at `n` (`from` and `n`
/// on character boundaries, `from` outside every word of the text), appending tokens with their
/// offsets in the whole text; the sentence-boundary flag and the count of sentences begun are
/// carried in and out. Stops (`false`) at the first word of sentence `max_sentences + 1`.
#[inline(always)]
fn tokenize_range(
    text: &str,
    from: usize,
    n: usize,
    (boundary, sentences, max_sentences): (&mut bool, &mut usize, usize),
    tokens: &mut Vec<Token>,
) -> bool {
    let bytes = &text.as_bytes()[..n];
    let mut i = from;
    while i < n {
        // ASCII outside words (spaces, punctuation), the bulk of the gaps, by table.
        let b = bytes[i];
        if b < 0x80 && ASCII_WORD_LOWER[usize::from(b)] == 0 {
            if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                *boundary = true;
            }
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | '\n') {
                *boundary = true;
            }
            i += len;
            continue;
        }
        if *boundary {
            if *sentences >= max_sentences {
                return false;
            }
            *sentences += 1;
        }
        let start = i;
        let mut wh = WordHash::new();
        wh.push(c);
        let capitalized = c.is_uppercase();
        let mut numeric = newsprobe_core::lexicon::is_numeric(c);
        let mut prev_numeric = numeric;
        i += len;
        let mut end = i;
        while i < n {
            // ASCII letters and digits, the bulk of most words, by table.
            let (run_end, digit) = wh.push_ascii_run(bytes, i);
            if run_end > i {
                numeric |= digit;
                prev_numeric = bytes[run_end - 1].is_ascii_digit();
                i = run_end;
                end = i;
            }
            if i >= n {
                break;
            }
            // An ASCII byte after the run is no letter or digit (the run took those): unless it
            // can join two parts of a word (`'`, or `.`/`,` between digits), the word ends here.
            if bytes[i] < 0x80 && !matches!(bytes[i], b'\'' | b'.' | b',') {
                break;
            }
            let (d, dl) = char_at(text, i);
            if is_word_char(d) {
                wh.push(d);
                prev_numeric = newsprobe_core::lexicon::is_numeric(d);
                numeric |= prev_numeric;
                i += dl;
                end = i;
                continue;
            }
            // Inner apostrophe or inner separator between digits: look one further.
            let separator = matches!(d, '.' | ',');
            let joiner = matches!(d, '\'' | '’') || (separator && prev_numeric);
            if !joiner || i + dl >= n {
                break;
            }
            let (m, _) = char_at(text, i + dl);
            if is_word_char(m) && (!separator || newsprobe_core::lexicon::is_numeric(m)) {
                wh.push(d);
                i += dl;
            } else {
                break;
            }
        }
        let (hash, stem) = wh.finish();
        tokens.push(Token {
            start,
            end,
            hash,
            stem,
            capitalized,
            numeric,
            sentence_start: *boundary,
        });
        *boundary = false;
    }
    true
}

/// [`tokenize`] of the text `seg` is the segmenter's split of (`newsprobe_core::segment::tokenize`:
/// tokens in order, one for each run of characters other than white space, as the document's
/// body tokens are), without walking the text again where the split settles the answer: the same
/// tokens (test).
///
/// The two splits differ ("well-known", "U.S.", "3:30" and "AT&T" are one segmenter token and
/// two or more here; "1990's", "A1.5" two or more there and one here), so only a word or number
/// token of ASCII letters and digits that no neighbour can join is taken as it is (hashed at
/// once); the run of touching tokens around any other is tokenized as [`tokenize`] does (no
/// word runs over white space). Punctuation tokens and the white space between tokens only set
/// the sentence boundary (".", "!", "?", a line break).
pub fn tokenize_segmented(text: &str, seg: &[newsprobe_core::Token]) -> Vec<Token> {
    use newsprobe_core::TokenKind;
    if seg.is_empty() {
        return tokenize(text);
    }
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(seg.len() + 1);
    let mut boundary = true;
    let mut sentences = 0usize;
    // The end of the text read so far (a token's end, or a run's).
    let mut at = 0usize;
    let mut k = 0;
    while k < seg.len() {
        let t = seg[k].span;
        let (start, end) = (t.start, t.end);
        if start < at || end > bytes.len() || start >= end {
            // Not a split of this text as the segmenter makes it: tokenize it whole.
            return tokenize(text);
        }
        // The white space before the token: a line break is a boundary.
        let gap = &bytes[at..start];
        if !(gap.len() == 1 && gap[0] == b' ') && gap.contains(&b'\n') {
            boundary = true;
        }
        match seg[k].kind {
            TokenKind::Punct | TokenKind::Symbol => {
                // No letter or digit (the segmenter's words and numbers hold those): only a
                // boundary to note, and a joiner the run of its neighbours reads.
                if matches!(bytes[start], b'.' | b'!' | b'?') {
                    boundary = true;
                }
                at = end;
                k += 1;
                continue;
            }
            TokenKind::Word | TokenKind::Number => {}
        }
        // A word of ASCII letters and digits, taken whole where what follows cannot join it:
        // no letter or digit right after it, no apostrophe before one, no "." or "," after a
        // digit (the tokenizer's joiners), no other character than ASCII.
        let first = bytes[start];
        if first < 0x80 && ASCII_WORD_LOWER[usize::from(first)] != 0 {
            let mut wh = WordHash::new();
            let (run_end, numeric) = wh.push_ascii_run(bytes, start);
            if run_end == end {
                // Whether the character at byte `i` (if any) is a letter or digit.
                let word_at = |i: usize| i < bytes.len() && is_word_char(char_at(text, i).0);
                let joins = match bytes.get(end) {
                    None => false,
                    Some(b'\'') => word_at(end + 1),
                    Some(b'.' | b',') => bytes[end - 1].is_ascii_digit(),
                    Some(&b) if b < 0x80 => false,
                    // A closing quote mark or a dash most often; a letter or number the
                    // segmenter left out of the word, or the curly apostrophe before one, join.
                    Some(_) => {
                        let (d, dl) = char_at(text, end);
                        is_word_char(d) || (d == '’' && word_at(end + dl))
                    }
                };
                if !joins {
                    if boundary {
                        sentences += 1;
                    }
                    let (hash, stem) = wh.finish();
                    tokens.push(Token {
                        start,
                        end,
                        hash,
                        stem,
                        capitalized: first.is_ascii_uppercase(),
                        numeric,
                        sentence_start: boundary,
                    });
                    boundary = false;
                    at = end;
                    k += 1;
                    continue;
                }
            }
        }
        // Any other: the run of touching tokens from here, tokenized as the whole text is.
        let mut j = k + 1;
        while j < seg.len() && seg[j].span.start == seg[j - 1].span.end {
            j += 1;
        }
        let run_end = seg[j - 1].span.end;
        if run_end > bytes.len() || !text.is_char_boundary(start) || !text.is_char_boundary(run_end)
        {
            return tokenize(text);
        }
        tokenize_range(
            text,
            start,
            run_end,
            (&mut boundary, &mut sentences, usize::MAX),
            &mut tokens,
        );
        at = run_end;
        k = j;
    }
    tokens
}

/// The tokens of the first `max_sentences` sentences of `tokens` (a `tokenize` result): what
/// [`tokenize_sentences_into`] gives for the same text, without tokenizing it again.
pub fn first_sentences(tokens: &[Token], max_sentences: usize) -> &[Token] {
    let mut seen = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if t.sentence_start {
            if seen >= max_sentences {
                return &tokens[..k];
            }
            seen += 1;
        }
    }
    tokens
}

/// The tokens [`tokenize`] gives for `text[start..end]` (offsets relative to `start`), taken
/// from `tokens`, the tokens of the whole `text`, into `out`. `false` (with `out` unspecified)
/// when a token of the whole text crosses either end of the range: tokenizing the slice alone
/// would cut that word, so the caller tokenizes the slice instead.
pub fn tokens_in(tokens: &[Token], start: usize, end: usize, out: &mut Vec<Token>) -> bool {
    out.clear();
    let first = tokens.partition_point(|t| t.end <= start);
    for t in &tokens[first..] {
        if t.start >= end {
            break;
        }
        if t.start < start || t.end > end {
            return false;
        }
        out.push(Token {
            start: t.start - start,
            end: t.end - start,
            // A slice's first word starts its first sentence.
            sentence_start: t.sentence_start || out.is_empty(),
            ..*t
        });
    }
    true
}

/// The tokens of the whole text `tokens` that lie in `start..end`, as a slice (offsets still
/// in the whole text): what [`tokens_in`] copies, less its offsets' shift and the first word's
/// `sentence_start`; `None` where [`tokens_in`] says `false`.
pub fn tokens_within(tokens: &[Token], start: usize, end: usize) -> Option<&[Token]> {
    tokens_within_range(tokens, start, end).map(|r| &tokens[r])
}

/// The index range of [`tokens_within`]'s slice in `tokens`.
pub fn tokens_within_range(
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<std::ops::Range<usize>> {
    let first = tokens.partition_point(|t| t.end <= start);
    let mut last = first;
    for t in &tokens[first..] {
        if t.start >= end {
            break;
        }
        if t.start < start || t.end > end {
            return None;
        }
        last += 1;
    }
    Some(first..last)
}

/// A finished sparse feature vector: (index, value) pairs sorted by index.
pub type Sparse = Vec<(u32, f32)>;

/// A sparse feature vector over a hashed feature space of `2^bits` dimensions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub items: Vec<(u32, f32)>,
    mask: u32,
    buffers: Buffers,
}

/// Scratch space of [`Features::finish_in_place`], kept to be reused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Buffers {
    /// The items' buffer, when not in use.
    items: Vec<(u32, f32)>,
    /// Bucket ends of the counting sort.
    counts: Vec<usize>,
}

impl Features {
    pub fn new(bits: u8) -> Self {
        Features {
            items: Vec::with_capacity(64),
            mask: (1u32 << bits) - 1,
            buffers: Buffers::default(),
        }
    }

    /// An empty vector that works in reused buffers (see [`Features::into_buffers`]).
    pub fn with_buffers(bits: u8, mut buffers: Buffers) -> Self {
        let mut items = std::mem::take(&mut buffers.items);
        items.clear();
        Features {
            items,
            mask: (1u32 << bits) - 1,
            buffers,
        }
    }

    /// Gives the buffers back; the finished items stay readable through [`Buffers::items`].
    pub fn into_buffers(self) -> Buffers {
        let mut buffers = self.buffers;
        buffers.items = self.items;
        buffers
    }

    /// Index of a hashed feature.
    #[inline]
    pub fn index(&self, h: u64) -> u32 {
        let space = self.mask + 1 - RESERVED;
        RESERVED + ((h ^ (h >> 32)) as u32 % space)
    }

    /// Adds a hashed feature; returns its index.
    #[inline]
    pub fn add(&mut self, h: u64, value: f32) -> u32 {
        let i = self.index(h);
        self.items.push((i, value));
        i
    }

    /// Adds a named feature by string (namespace + name).
    pub fn add_named(&mut self, namespace: &str, name: &str, value: f32) -> u32 {
        self.add(hash_str(namespace, name), value)
    }

    /// Sets a reserved dense feature (slot < RESERVED).
    pub fn dense(&mut self, slot: u32, value: f32) {
        if slot < RESERVED && value != 0.0 && value.is_finite() {
            self.items.push((slot, value));
        }
    }

    /// Sorts by index and sums duplicates (so training updates each weight once).
    pub fn finish(mut self) -> Sparse {
        self.finish_in_place();
        self.items
    }

    /// `finish` without giving up the buffer: afterwards `items` is the finished vector.
    ///
    /// The sort is stable (duplicates are summed in the order they were added): a counting sort
    /// on the leading bits of the index, then an insertion sort within each (small) bucket.
    pub fn finish_in_place(&mut self) {
        let n = self.items.len();
        let bits = 32 - self.mask.leading_zeros();
        // About n/2 buckets: two items to a bucket on average (hashed indices are uniform).
        let bucket_bits = (usize::BITS - n.leading_zeros())
            .saturating_sub(1)
            .clamp(2, 12)
            .min(bits);
        let shift = bits - bucket_bits;
        let last = (1usize << bucket_bits) - 1;
        // Monotone in the index (indices past the space share the last bucket).
        let bucket = |i: u32| ((i >> shift) as usize).min(last);
        let Buffers {
            items: sorted,
            counts: ends,
        } = &mut self.buffers;
        ends.clear();
        ends.resize(last + 2, 0);
        for &(i, _) in &self.items {
            ends[bucket(i) + 1] += 1;
        }
        for b in 1..ends.len() {
            ends[b] += ends[b - 1];
        }
        sorted.clear();
        sorted.resize(n, (0, 0.0));
        for &(i, v) in &self.items {
            let slot = &mut ends[bucket(i)];
            sorted[*slot] = (i, v);
            *slot += 1;
        }
        // `ends[b]` is now the end of bucket b; each bucket is sorted stably in place.
        let mut begin = 0;
        for &end in &ends[..=last] {
            let run = &mut sorted[begin..end];
            if run.len() > 32 {
                run.sort_by_key(|&(i, _)| i);
            } else {
                for k in 1..run.len() {
                    let mut j = k;
                    while j > 0 && run[j - 1].0 > run[j].0 {
                        run.swap(j - 1, j);
                        j -= 1;
                    }
                }
            }
            begin = end;
        }
        let mut kept = 0;
        for r in 0..n {
            let (i, v) = sorted[r];
            if kept > 0 && sorted[kept - 1].0 == i {
                sorted[kept - 1].1 += v;
            } else {
                sorted[kept] = (i, v);
                kept += 1;
            }
        }
        sorted.truncate(kept);
        std::mem::swap(&mut self.items, sorted);
    }
}

impl Buffers {
    /// The items of the last vector finished in these buffers.
    pub fn items(&self) -> &[(u32, f32)] {
        &self.items
    }
}

/// Adds word unigrams and bigrams of `tokens` under a namespace, value `weight`.
pub fn add_word_ngrams(f: &mut Features, tokens: &[Token], namespace: u64, weight: f32) {
    for (k, t) in tokens.iter().enumerate() {
        f.add(combine(namespace, t.hash), weight);
        if let Some(next) = tokens.get(k + 1) {
            f.add(
                combine(combine(namespace, t.hash), next.hash ^ 0x5bd1),
                weight,
            );
        }
    }
}

/// Adds character n-grams (lengths `min..=max`) of the lower-cased text, with spaces standing for
/// any run of non-word characters and padding at both ends. Values sum to `weight` overall.
pub fn add_char_ngrams(f: &mut Features, text: &str, min: usize, max: usize, weight: f32) {
    let mut chars: Vec<char> = Vec::with_capacity(text.len() + 2);
    chars.push(' ');
    for c in text.chars() {
        if is_word_char(c) || c == '\'' || c == '’' || c == '?' || c == '!' {
            chars.extend(fold_char(c));
        } else if chars.last() != Some(&' ') {
            chars.push(' ');
        }
    }
    if chars.last() != Some(&' ') {
        chars.push(' ');
    }
    let mut count = 0usize;
    let start = f.items.len();
    for n in min..=max {
        if chars.len() < n {
            continue;
        }
        for w in chars.windows(n) {
            let mut h = fnv_bytes(FNV_OFFSET, &[b'c', n as u8]);
            for &c in w {
                h = fnv_char(h, c);
            }
            f.add(h, 1.0);
            count += 1;
        }
    }
    if count > 0 {
        let v = weight / (count as f32).sqrt();
        for item in &mut f.items[start..] {
            item.1 = v;
        }
    }
}

/// A hasher for keys that are already hashes (word hashes): one multiply-xorshift, no SipHash.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        let m = (n ^ (n >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = m ^ (m >> 32);
    }
}

/// Maps and sets keyed by word hashes.
pub type WordMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PrehashedHasher>>;

/// Word lists as bit flags per word hash: one lookup answers every list.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    flags: WordMap<u16>,
}

impl Lexicon {
    /// Adds each word of `words` with `flag`.
    pub fn with(mut self, words: &[&str], flag: u16) -> Self {
        for w in words {
            *self.flags.entry(word_hash(w)).or_default() |= flag;
        }
        self
    }

    /// The flags of a word hash (0 when in no list).
    #[inline]
    pub fn get(&self, hash: u64) -> u16 {
        self.flags.get(&hash).copied().unwrap_or(0)
    }

    /// Each listed word hash with its flags (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (u64, u16)> + '_ {
        self.flags.iter().map(|(&h, &f)| (h, f))
    }
}

/// Hash of a single word as the tokenizer computes it.
pub fn word_hash(word: &str) -> u64 {
    tokenize(word).first().map_or(0, |t| t.hash)
}

/// Common English function words (ignored by the overlap features).
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "it's", "just", "me", "more", "most", "my", "new", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own",
    "s", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer char by char, as it was before the ASCII runs went by table.
    fn tokenize_char_by_char(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let (n, mut i, mut boundary) = (text.len(), 0, true);
        while i < n {
            let (c, len) = char_at(text, i);
            if !is_word_char(c) {
                boundary |= matches!(c, '.' | '!' | '?' | '\n');
                i += len;
                continue;
            }
            let start = i;
            let mut wh = WordHash::new();
            wh.push(c);
            let capitalized = c.is_uppercase();
            let mut numeric = newsprobe_core::lexicon::is_numeric(c);
            let mut prev_numeric = numeric;
            i += len;
            let mut end = i;
            while i < n {
                let (d, dl) = char_at(text, i);
                if is_word_char(d) {
                    if d.is_ascii() {
                        wh.push_ascii(d as u8);
                    } else {
                        wh.push(d);
                    }
                    prev_numeric = newsprobe_core::lexicon::is_numeric(d);
                    numeric |= prev_numeric;
                    i += dl;
                    end = i;
                    continue;
                }
                let separator = matches!(d, '.' | ',');
                let joiner = matches!(d, '\'' | '’') || (separator && prev_numeric);
                if !joiner || i + dl >= n {
                    break;
                }
                let (m, _) = char_at(text, i + dl);
                if is_word_char(m) && (!separator || newsprobe_core::lexicon::is_numeric(m)) {
                    wh.push(d);
                    i += dl;
                } else {
                    break;
                }
            }
            let (hash, stem) = wh.finish();
            tokens.push(Token {
                start,
                end,
                hash,
                stem,
                capitalized,
                numeric,
                sentence_start: boundary,
            });
            boundary = false;
        }
        tokens
    }

    #[test]
    fn table_runs_tokenize_as_char_by_char() {
        let text = "The Minister’s 3.5% rise (1,700 jobs) didn't HELP: Naïve café-owners \
                    said “no”.\nМинистр ЗАЯВИЛ, что 2024-й год… 東京都 rock'n'roll 5'6 a1b2C3d4e5f6 \
                    Über-Straße MMXXIV! ok? x,y 1.2.3 end.";
        assert_eq!(tokenize(text), tokenize_char_by_char(text));
        // Every prefix: runs cut at the text's end, stems of every length.
        for (k, _) in text.char_indices() {
            assert_eq!(
                tokenize(&text[..k]),
                tokenize_char_by_char(&text[..k]),
                "{k}"
            );
        }
    }

    #[test]
    fn tokens_over_the_segmenters_split_are_the_tokens() {
        let split =
            |text: &str| newsprobe_core::segment::tokenize(text, newsprobe_core::Field::Text);
        let same = |text: &str| {
            assert_eq!(
                tokenize_segmented(text, &split(text)),
                tokenize(text),
                "{text:?}"
            );
        };
        let text = "The Minister’s 3.5% rise (1,700 jobs) didn't HELP: Naïve café-owners \
                    said “no”.\nМинистр ЗАЯВИЛ, что 2024-й год… 東京都 rock'n'roll 5'6 a1b2C3d4e5f6 \
                    Über-Straße MMXXIV! ok? x,y 1.2.3 end. The U.S. and AT&T at 3:30 in the 1990's, \
                    A1.5 and abc1,2; 3km2 e\u{301}t\u{e9} word’s “quoted” (it's) ‘single’ \
                    well-known_thing... Dr.Who?!\r\n\n  x\u{2028}y \u{85}z 1990s' 5th.";
        same(text);
        for (k, _) in text.char_indices() {
            same(&text[..k]);
            same(&text[k..]);
        }
        // Random texts of the pieces where the two splits part.
        let pieces = [
            "a", "B", "7", "x9", "’", "'", ".", ",", ":", "-", "&", "_", " ", "\n", "!", "?", "é",
            "E\u{301}", "Ж", "東", "٣", "“", "”", "…", "...", "(", ")", "s", "U.S.", "\u{2028}",
            "\u{a0}", "ʼ", "½", "—", "$", "%", "1,000", "3.5", "\t",
        ];
        let mut rng = newsprobe_core::rng::SplitMix64::new(24);
        for _ in 0..20_000 {
            let len = 1 + rng.below(12);
            let text: String = (0..len).map(|_| pieces[rng.below(pieces.len())]).collect();
            same(&text);
        }
        // A split of another text is not trusted: the text is tokenized whole.
        let other = split("Completely different words here and more of them.");
        assert_eq!(
            tokenize_segmented("A short one.", &other),
            tokenize("A short one.")
        );
        assert_eq!(
            tokenize_segmented("No split given.", &[]),
            tokenize("No split given.")
        );
    }

    #[test]
    fn table_fold_agrees_with_fold_char() {
        for c in (0u32..=char::MAX as u32).filter_map(char::from_u32) {
            if let Some(f) = fold_char_by_table(c) {
                assert!(fold_char(c).eq([f]), "{c:?}");
            }
        }
        // Latin, Greek and Cyrillic capitals fold by the table.
        for (c, f) in [('É', 'é'), ('Σ', 'σ'), ('Ж', 'ж'), ('ʼ', '\'')] {
            assert_eq!(fold_char_by_table(c), Some(f));
        }
    }

    #[test]
    fn tokens_keep_byte_spans_and_fold_case() {
        let text = "Don’t Miss: 17 Things Étienne said, 3.5% of 1,700.";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            ["Don’t", "Miss", "17", "Things", "Étienne", "said", "3.5", "of", "1,700"]
        );
        assert_eq!(toks[0].hash, word_hash("don't"));
        assert_eq!(toks[4].hash, word_hash("étienne"));
        assert!(toks[4].capitalized && toks[2].numeric && !toks[1].numeric);
        let strikes = tokenize("Strikes strike STRIKER ban");
        assert_eq!(strikes[0].stem, strikes[1].stem);
        assert_eq!(strikes[1].stem, strikes[2].stem);
        assert_eq!(strikes[3].stem, strikes[3].hash);
    }

    #[test]
    fn tokens_of_a_slice_come_from_the_whole_text() {
        let text = "The port closed. Ships waited 3.5 hours!\nThen it’s reopened, officials said.";
        let all = tokenize(text);
        let mut out = Vec::new();
        // Every slice between char boundaries: the whole text's tokens either match the slice's
        // own tokenization or report that a word crosses the slice's ends.
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut matched = 0;
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let within = tokens_within(&all, a, b);
                if tokens_in(&all, a, b, &mut out) {
                    assert_eq!(out, tokenize(&text[a..b]), "{:?}", &text[a..b]);
                    // The uncopied slice: the same words at offsets `a` further on.
                    let within = within.unwrap_or(&[]);
                    assert_eq!(within.len(), out.len());
                    for (w, o) in within.iter().zip(&out) {
                        assert_eq!((w.start - a, w.end - a, w.hash), (o.start, o.end, o.hash));
                    }
                    matched += 1;
                } else {
                    assert!(within.is_none(), "{:?}", &text[a..b]);
                }
            }
        }
        assert!(matched > 300, "{matched}");
        // "3.5" cut in two is not taken from the whole text.
        let cut = text.find("3.5").unwrap_or(0) + 2;
        assert!(!tokens_in(&all, 0, cut, &mut out));
        let mut head = Vec::new();
        for n in 0..5 {
            tokenize_sentences_into(text, n, &mut head);
            assert_eq!(first_sentences(&all, n), head.as_slice());
        }
    }

    #[test]
    fn sentence_starts_are_marked() {
        let toks = tokenize("The port closed. Ships waited!\nThen it reopened");
        let starts: Vec<bool> = toks.iter().map(|t| t.sentence_start).collect();
        assert_eq!(
            starts,
            [true, false, false, true, false, true, false, false]
        );
    }

    #[test]
    fn features_merge_duplicates_and_stay_in_range() {
        let mut f = Features::new(12);
        add_word_ngrams(&mut f, &tokenize("you won't believe you won't"), 7, 1.0);
        add_char_ngrams(&mut f, "You Won't Believe", 2, 4, 1.0);
        f.dense(3, 0.5);
        let items = f.finish();
        assert!(items.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(items.iter().all(|&(i, _)| i < 4096));
        assert!(items.iter().any(|&(i, v)| i == 3 && v == 0.5));
    }

    /// The tokenizer as first written (char iterator, no ASCII fast path), to check the fast
    /// one against.
    fn reference_tokenize_into(text: &str, tokens: &mut Vec<Token>) {
        tokens.clear();
        let mut chars = text.char_indices().peekable();
        let mut boundary = true;
        while let Some((i, c)) = chars.next() {
            if !is_word_char(c) {
                if matches!(c, '.' | '!' | '?' | '\n') {
                    boundary = true;
                }
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let mut h = fnv_bytes(FNV_OFFSET, b"w\xff");
            let mut chars_seen = 0usize;
            let mut stem = 0u64;
            for f in fold_char(c) {
                h = fnv_char(h, f);
                chars_seen += 1;
                if chars_seen == STEM_CHARS {
                    stem = h;
                }
            }
            let capitalized = c.is_uppercase();
            let mut numeric = c.is_numeric();
            let mut prev = c;
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    for f in fold_char(d) {
                        h = fnv_char(h, f);
                        chars_seen += 1;
                        if chars_seen == STEM_CHARS {
                            stem = h;
                        }
                    }
                    numeric |= d.is_numeric();
                    end = j + d.len_utf8();
                    prev = d;
                    chars.next();
                    continue;
                }
                // Inner apostrophe or inner separator between digits: look one further.
                let joiner =
                    matches!(d, '\'' | '’') || (matches!(d, '.' | ',') && prev.is_numeric());
                if !joiner {
                    break;
                }
                let rest = &text[j + d.len_utf8()..];
                match rest.chars().next() {
                    Some(n) if is_word_char(n) && (!matches!(d, '.' | ',') || n.is_numeric()) => {
                        for f in fold_char(d) {
                            h = fnv_char(h, f);
                            chars_seen += 1;
                            if chars_seen == STEM_CHARS {
                                stem = h;
                            }
                        }
                        chars.next();
                    }
                    _ => break,
                }
            }
            if chars_seen < STEM_CHARS {
                stem = h;
            }
            tokens.push(Token {
                start,
                end,
                hash: h,
                stem,
                capitalized,
                numeric,
                sentence_start: boundary,
            });
            boundary = false;
        }
    }

    #[test]
    fn fast_tokenizer_matches_the_reference() {
        let pieces = [
            "Don’t",
            " ",
            "3.5",
            "1,700",
            ".",
            ",",
            "'",
            "’",
            "ʼ",
            "‘",
            "?",
            "!",
            "\n",
            "Étienne",
            "İstanbul",
            "ß",
            "ΣΑΣ",
            "日本",
            "🙂",
            "x",
            "A",
            "9",
            "strikes",
            "I'm",
            "n't",
            "-",
            "\u{0301}",
            "Ⅻ",
            "½",
            "ǅ",
            "..",
            "a.b",
            "2,",
            "'s",
        ];
        let mut state: u64 = 0x1234_5678_9abc_def0;
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state >> 60) as usize + 1 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            tokenize_into(&text, &mut fast);
            reference_tokenize_into(&text, &mut slow);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn finish_sums_duplicates_in_insertion_order() {
        let mut state: u64 = 7;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let values = [1.0f32, 0.3, 0.5, 1e-3, 7.25, 0.1];
        for round in 0..500 {
            let n = (next() % 200) as usize;
            let range = 1 + (round % 40) as u64;
            let mut items: Vec<(u32, f32)> = Vec::with_capacity(n);
            for _ in 0..n {
                // Narrow ranges (many duplicates) and indices spread over the space.
                let i = ((next() % range) * [1, 97, 4093][round % 3]) as u32 % 4096;
                items.push((i, values[(next() % 6) as usize]));
            }
            // The reference: a stable sort by index, then summing runs in order.
            let mut expected = items.clone();
            expected.sort_by_key(|&(i, _)| i);
            let mut merged: Vec<(u32, f32)> = Vec::new();
            for (i, v) in expected {
                match merged.last_mut() {
                    Some(last) if last.0 == i => last.1 += v,
                    _ => merged.push((i, v)),
                }
            }
            let mut f = Features::new(12);
            f.items = items;
            let got = f.finish();
            assert_eq!(got.len(), merged.len());
            for (a, b) in got.iter().zip(&merged) {
                assert_eq!((a.0, a.1.to_bits()), (b.0, b.1.to_bits()));
            }
        }
    }
}
