//! What text does `&amp;`, `&#8217;` or `&rsquo;` stand for?
//!
//! Numeric references in full (with the HTML standard's windows-1252 remapping of 0x80-0x9F) and
//! the named references news pages actually use; unknown names stay as written.

use std::borrow::Cow;

/// Replaces character references in `raw`. Borrows when there is nothing to replace.
#[inline]
pub fn decode(raw: &str) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    // Most attribute values are short: a plain scan costs less than starting `memchr`.
    let first = if bytes.len() < 16 {
        bytes.iter().position(|&b| b == b'&')
    } else {
        memchr::memchr(b'&', bytes)
    };
    match first {
        None => Cow::Borrowed(raw),
        Some(first) => Cow::Owned(decode_from(raw, first)),
    }
}

/// `raw` with its character references decoded, the first `&` at byte `first`. Out of line:
/// inlined into [`decode`], its references' code made every call (most find no `&`) save and
/// restore registers it did not use.
#[inline(never)]
fn decode_from(raw: &str, first: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut rest = &raw[first..];
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((mut decoded, used)) => {
                out.push_str(decoded.as_str());
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A decoded reference: one character and room to encode it.
struct Decoded(char, [u8; 4]);

impl Decoded {
    fn char(c: char) -> Self {
        Decoded(c, [0; 4])
    }
    fn as_str(&mut self) -> &str {
        self.0.encode_utf8(&mut self.1)
    }
}

/// Parses the reference at the start of `s` (which starts with '&'): the text and bytes used.
fn reference(s: &str) -> Option<(Decoded, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let (radix, digits_start) = match bytes.get(2) {
            Some(b'x' | b'X') => (16, 3),
            _ => (10, 2),
        };
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit() && (radix == 16 || b.is_ascii_digit()))
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_start + digits;
        let number = s
            .get(digits_start..end)
            .and_then(|d| u32::from_str_radix(d, radix).ok())
            .unwrap_or(0x110000);
        let used = end + usize::from(bytes.get(end) == Some(&b';'));
        return Some((Decoded::char(numeric_char(number)), used));
    }
    let name_len = bytes[1..]
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &s[1..1 + name_len];
    let has_semicolon = bytes.get(1 + name_len) == Some(&b';');
    // Without ';' only the classic Latin-1 names are recognised (as browsers do for legacy pages).
    let decoded = named(name)?;
    if !has_semicolon && !matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        return None;
    }
    Some((decoded, 1 + name_len + usize::from(has_semicolon)))
}

/// The character for a numeric reference, following the HTML standard's replacements.
fn numeric_char(n: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match n {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1[(n - 0x80) as usize],
        _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

fn named(name: &str) -> Option<Decoded> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "dagger" => '†',
        "Dagger" => '‡',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "iexcl" => '¡',
        "iquest" => '¿',
        "ordf" => 'ª',
        "ordm" => 'º',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "minus" => '−',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "acute" => '´',
        "uml" => '¨',
        "cedil" => '¸',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "scaron" => 'š',
        "Scaron" => 'Š',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "pi" => 'π',
        "mu" => 'μ',
        "Delta" => 'Δ',
        "Omega" => 'Ω',
        "hearts" => '♥',
        "starf" => '★',
        "check" => '✓',
        _ => return None,
    };
    Some(Decoded::char(c))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_numeric_and_broken_references() {
        assert_eq!(decode("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(decode("it&rsquo;s &#8220;fine&#x201D;"), "it’s “fine”");
        assert_eq!(
            decode("&#150; and &#0; and &#99999999;"),
            "– and \u{FFFD} and \u{FFFD}"
        );
        assert_eq!(decode("a & b &unknown; &amp"), "a & b &unknown; &");
        assert_eq!(decode("AT&T said &#"), "AT&T said &#");
        assert_eq!(decode("caf&eacute; &nbsp;"), "café \u{A0}");
        assert_eq!(decode("&#x"), "&#x");
    }
}
