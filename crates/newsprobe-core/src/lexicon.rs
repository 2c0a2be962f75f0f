//! Small word helpers shared by the detectors.

/// Lower-cases a word and folds typographic apostrophes and dashes to ASCII.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// [`normalize`] appended to `out`. ASCII and General Punctuation (which has no case) are
/// copied without the Unicode case tables.
pub fn normalize_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' => out.push('\''),
            '‐' | '‑' | '–' | '—' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c if GENERAL_PUNCTUATION.contains(&c) || is_cjk_letter(c) => out.push(c),
            c => push_lowercase(c, out),
        }
    }
}

/// Appends `char::to_lowercase` of `c`: below [`TABLE_END`] (Latin, Greek, Cyrillic...) by
/// table, without the standard library's search of its case tables (the lower-casing of each
/// non-ASCII word by the speaker context, the entity words and the framing keys).
#[inline]
pub fn push_lowercase(c: char, out: &mut String) {
    match lowercase_by_table(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// `char::to_lowercase` of `c` when `c` lies below [`TABLE_END`] and its lower case is one
/// character (all of them but U+0130); `None` otherwise (ask the standard library).
#[inline]
pub fn lowercase_by_table(c: char) -> Option<char> {
    let l = *LOWER_TABLE.get(c as usize)?;
    if l == NO_SINGLE_LOWERCASE {
        return None;
    }
    char::from_u32(u32::from(l))
}

/// The table's mark of a character whose lower case is not one character below U+FFFF.
const NO_SINGLE_LOWERCASE: u16 = u16::MAX;

/// `char::to_lowercase` of every character below [`TABLE_END`], built once from the standard
/// library's answers (so they cannot disagree).
static LOWER_TABLE: std::sync::LazyLock<[u16; TABLE_END as usize]> =
    std::sync::LazyLock::new(|| {
        let mut table = [NO_SINGLE_LOWERCASE; TABLE_END as usize];
        for c in (0..TABLE_END).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if let Ok(l) = u16::try_from(u32::from(l)) {
                    if l != NO_SINGLE_LOWERCASE {
                        table[c as usize] = l;
                    }
                }
            }
        }
        table
    });

/// The General Punctuation block (curly quotes, dashes, ellipsis, thin spaces): among the
/// commonest non-ASCII characters of news text, none of them a letter or a digit.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Characters below this (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic...) are classified
/// by a table.
const TABLE_END: u32 = 0x800;

/// `char::is_alphabetic` and `char::is_numeric` of every character below [`TABLE_END`], one bit
/// each, built once from the standard library's answers (so they cannot disagree).
struct CharTable {
    alphabetic: [u64; TABLE_END as usize / 64],
    numeric: [u64; TABLE_END as usize / 64],
}

static CHAR_TABLE: std::sync::LazyLock<CharTable> = std::sync::LazyLock::new(|| {
    let mut table = CharTable {
        alphabetic: [0; TABLE_END as usize / 64],
        numeric: [0; TABLE_END as usize / 64],
    };
    for c in (0..TABLE_END).filter_map(char::from_u32) {
        let (word, bit) = (c as usize / 64, c as u32 % 64);
        table.alphabetic[word] |= u64::from(c.is_alphabetic()) << bit;
        table.numeric[word] |= u64::from(c.is_numeric()) << bit;
    }
    table
});

#[inline]
fn bit(bits: &[u64], c: char) -> bool {
    let c = c as usize;
    bits[c / 64] >> (c % 64) & 1 == 1
}

/// `char::is_alphabetic`, answering ASCII, the scripts below U+0800 and General Punctuation
/// without the Unicode table search (a few hundred instructions a character; the tokenizers ask
/// it of every character of the text).
#[inline(always)]
pub fn is_alphabetic(c: char) -> bool {
    // ASCII inline at every caller; the rest out of line (the tokenizers ask this of every
    // character, and the whole test was too large to inline).
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        is_alphabetic_non_ascii(c)
    }
}

#[inline(never)]
fn is_alphabetic_non_ascii(c: char) -> bool {
    if (c as u32) < TABLE_END {
        bit(&CHAR_TABLE.alphabetic, c)
    } else if is_cjk_letter(c) {
        true
    } else {
        !GENERAL_PUNCTUATION.contains(&c) && c.is_alphabetic()
    }
}

/// `char::is_numeric`, with the same fast paths as [`is_alphabetic`].
#[inline(always)]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        is_numeric_non_ascii(c)
    }
}

#[inline(never)]
fn is_numeric_non_ascii(c: char) -> bool {
    if (c as u32) < TABLE_END {
        bit(&CHAR_TABLE.numeric, c)
    } else if is_cjk_letter(c) {
        false
    } else {
        !GENERAL_PUNCTUATION.contains(&c) && c.is_numeric()
    }
}

/// `char::is_alphanumeric`, with the same fast paths as [`is_alphabetic`].
#[inline(always)]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alphanumeric_non_ascii(c)
    }
}

#[inline(never)]
fn is_alphanumeric_non_ascii(c: char) -> bool {
    if (c as u32) < TABLE_END {
        bit(&CHAR_TABLE.alphabetic, c) || bit(&CHAR_TABLE.numeric, c)
    } else if is_cjk_letter(c) {
        true
    } else {
        !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
    }
}

/// Hiragana, Katakana, the CJK Unified Ideographs and the Hangul syllables: ranges in which
/// every character is a letter (`char::is_alphabetic`), none a number and none has a case
/// (`char::to_lowercase` gives it back), answered without the Unicode table searches (a
/// Korean, Japanese or Chinese page asks them of nearly every character; a test checks each
/// range against the standard library).
#[inline]
pub fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x30A1..=0x30FA | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// Reads a word list: one entry per line, `#` comments and blank lines skipped, normalised.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize)
        .collect()
}

/// Opening quotation marks and the closing marks each may pair with.
pub fn closing_marks(open: char) -> &'static [char] {
    match open {
        '"' => &['"'],
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '‘' => &['’'],
        '\'' => &['\''],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '‚' => &['‘', '’'],
        '「' => &['」'],
        '『' => &['』'],
        _ => &[],
    }
}

/// The days of the week, lower-case: one list for every stage that reads dates.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower-case, written out.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_char_classes_agree_with_std() {
        // Every character: the table, General Punctuation and the CJK ranges included.
        let chars = (0u32..=char::MAX as u32).filter_map(char::from_u32);
        for c in chars {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let mut lowered = String::new();
            push_lowercase(c, &mut lowered);
            assert!(lowered.chars().eq(c.to_lowercase()), "{c:?}");
            if let Some(l) = lowercase_by_table(c) {
                assert!(c.to_lowercase().eq([l]), "{c:?}");
            }
            if is_cjk_letter(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
                assert!(!c.is_uppercase(), "{c:?}");
            }
        }
    }

    #[test]
    fn normalizes_apostrophes_and_case() {
        assert_eq!(normalize("Don’t"), "don't");
        assert_eq!(normalize("WELL–KNOWN"), "well-known");
        // The fast paths give what folding then `char::to_lowercase` gives, for every char.
        let slow = |w: &str| -> String {
            w.chars()
                .map(|c| match c {
                    '’' | 'ʼ' | '‘' => '\'',
                    '‐' | '‑' | '–' | '—' => '-',
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect()
        };
        let all: String = (0u32..0x11000).filter_map(char::from_u32).collect();
        assert_eq!(normalize(&all), slow(&all));
        let mut out = String::from("x");
        normalize_into("Étienne’S", &mut out);
        assert_eq!(out, "xétienne's");
    }
}
