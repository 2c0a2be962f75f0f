//! A name the entity stage read off a headline written in title case ("Louis Farrakhan Refers
//! to the U.S. as …", "Trump Tougher on Russia Than Obama", "Keith Ellison Defends Louis
//! Farrakhan: …"): every capitalised word of such a line looks like a name's, so the entity
//! stage runs the name on into the headline's verbs and adverbs, and its longest mention,
//! the entity's name, is junk ("Louis Farrakhan Refers"). No word list: where the article also
//! writes the entity in running text ("Farrakhan said at a meeting"), the name is read from
//! those mentions when the headline's name runs on past the last word they write ("Refers").
//! A headline's full name whose extra words come first ("Barack Obama" over a body's "Obama"),
//! in the middle or are initials ("George W. Bush") keeps it.

use newsprobe_core::Entity;

use crate::speaker::Ctx;

/// The fewest words of four letters or more a line needs to be read as a headline.
const MIN_LONG_WORDS: usize = 4;

/// The longest line (bytes) read as a headline.
const MAX_LINE: usize = 400;

/// Whether the line (text between line breaks) holding byte `at` of `text` is written in
/// title case: at least [`MIN_LONG_WORDS`] words of four letters or more, three in four of
/// them capitalised (a headline's "to", "the", "as", "during" may stay lower case; running
/// text writes most of its long words in lower case).
pub(crate) fn in_title_line(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // (A headline is short; a long line is running text, and is not scanned.)
    if end - start > MAX_LINE {
        return false;
    }
    let (mut long, mut caps) = (0usize, 0usize);
    for w in text[start..end].split(|c: char| !c.is_alphabetic()) {
        let mut chars = w.chars();
        let Some(first) = chars.next() else {
            continue;
        };
        if chars.count() >= 3 {
            long += 1;
            if first.is_uppercase() {
                caps += 1;
            }
        }
    }
    long >= MIN_LONG_WORDS && caps * 4 >= long * 3
}

/// The name `e` is written by in running text, where its entity name is written only in
/// title-case lines and runs on past the last of its words that running text writes ("Louis
/// Farrakhan Refers" over the body's "Farrakhan"; "Sofian Abdelaziz Zakkout" over the body's
/// "Sofian Zakkout" keeps its middle name): of the running-text mentions written as a name,
/// one of several words if there is one, the most often written, the first of those. `None`
/// otherwise.
pub(crate) fn running_text_name(ctx: &Ctx, e: &Entity) -> Option<String> {
    let name = e.name.trim();
    if !name.contains(' ') {
        return None;
    }
    let text = ctx.doc.text.as_str();
    let mut running: Vec<&str> = Vec::new();
    let mut titled = false;
    for s in &e.mentions {
        let t = ctx.doc.span_text(s).trim();
        if t.is_empty() || !t.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if in_title_line(text, s.start) {
            titled |= t.contains(name);
            continue;
        }
        if t.contains(name) {
            // (The name is written in running text too: it is a name.)
            return None;
        }
        let lower = t.to_lowercase();
        if crate::lexicon::pronoun(&lower).is_none()
            && !matches!(
                lower.as_str(),
                "his" | "her" | "hers" | "its" | "their" | "him" | "them" | "himself" | "herself"
            )
        {
            running.push(t);
        }
    }
    if !titled || running.is_empty() {
        return None;
    }
    // The words after the last one running text writes, no initials: the headline's.
    let bare = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ':']);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
            .to_lowercase()
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let last_written = words.iter().rposition(|w| {
        running
            .iter()
            .any(|t| t.split_whitespace().any(|x| bare(x) == bare(w)))
    })?;
    let extra = words[last_written + 1..]
        .iter()
        .any(|w| !(w.ends_with('.') || w.chars().count() == 1));
    if !extra {
        return None;
    }
    let names: Vec<&str> = running
        .into_iter()
        .filter(|t| {
            !crate::junk::person_name_junk(t)
                && !matches!(t.split(' ').next(), Some("The" | "A" | "An"))
                && t.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(|c| !c.is_lowercase())
                        || matches!(w, "of" | "and" | "de" | "la" | "van" | "von" | "al" | "bin")
                })
        })
        .collect();
    names
        .iter()
        .enumerate()
        .max_by_key(|&(i, t)| {
            (
                t.contains(' '),
                names.iter().filter(|x| *x == t).count(),
                std::cmp::Reverse(i),
            )
        })
        .map(|(_, t)| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::source_of;

    #[test]
    fn headlines_are_title_lines_and_running_text_is_not() {
        let text = "Mayor Kim Dunlop Slams Council Over Bridge Repair Delay\n\nThe mayor of \
                    Port Elgin said on Tuesday that the council had waited too long.";
        assert!(in_title_line(text, 0));
        assert!(!in_title_line(text, text.find("The mayor").unwrap()));
        // (Too few long words to tell.)
        assert!(!in_title_line("Short Line", 0));
    }

    /// The headline's verb is no part of the name the quote is shown by: the body's
    /// "Harriet Okafor" is.
    #[test]
    fn a_headline_verb_is_no_part_of_the_name() {
        let text = "Harriet Okafor Rebukes Transit Board Over Fare Increase\n\n\
                    Harriet Okafor, the city's transit advocate, spoke to reporters outside the \
                    depot on Monday morning. \"Riders were never asked,\" Okafor said. \
                    \"We will be at the next meeting,\" she said.";
        let (name, _) = source_of(text, "Riders were never asked");
        assert_eq!(name.as_deref(), Some("Harriet Okafor"));
        let (name, _) = source_of(text, "We will be at the next meeting");
        assert_ne!(
            name.as_deref(),
            Some("Harriet Okafor Rebukes Transit Board")
        );
    }
}
