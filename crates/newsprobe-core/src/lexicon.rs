//! Small word helpers shared by the detectors.

/// Lower-cases a word and folds typographic apostrophes and dashes to ASCII.
pub fn normalize(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | 'ʼ' | '‘' => '\'',
            '‐' | '‑' | '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
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
    fn normalizes_apostrophes_and_case() {
        assert_eq!(normalize("Don’t"), "don't");
        assert_eq!(normalize("WELL–KNOWN"), "well-known");
    }
}
