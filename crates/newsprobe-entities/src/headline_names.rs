//! Where does a person's name end inside a title-case line ("Axl Rose Dies — Fans React On
//! Twitter", "Trump Pardons Hammonds!", "Lucy Hale Teases Christmas Special EXCLUSIVE")?
//!
//! A headline or link line capitalises every word, so the rules and the tagger read the verb
//! and the words after a name as more of the name: on the tuned-on review groups "Axl Rose
//! Dies", "Trump Pardons", "Lucy Hale Teases Christmas Special EXCLUSIVE", "Luke Skywalker
//! Guarding", "Al Franken Is Just The Beginning As The Curtain Is Pulled Back In" were shown as
//! people, and the longest mention named the entity ("Axl Rose" lost to "Axl Rose Dies"). Here a
//! body name typed a person, of two words or more, inside a title-case line (at least three
//! words, none of four letters or more in lower case) is cut to the longest shorter run that
//! names a person elsewhere in the article ("Axl Rose", "Trump" of "Donald J. Trump"); failing
//! that, a given name, a surname and then a word that is no name (a word of the name-stop lists,
//! one written in lower case in the article, or a verb's "-s"/"-ing"/"-ed" form) is cut after
//! the surname ("Lucy Hale"). A run that itself names a person elsewhere stays whole. The
//! headline's names are cut the same way ("Trump Pardons Hammonds!"). Runs after the typer,
//! outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, Set};
use crate::mentions::{self, Mention, MentionKind, Word};

/// Words a name of `field` typed a person spans (indices into `words`), when it spans two or more.
fn name_words(words: &[Word], m: &Mention, field: Field) -> Option<(usize, usize)> {
    if m.kind != MentionKind::Name
        || m.span.field != field
        || m.etype != EntityType::Person
        || !m.name_text.contains(' ')
    {
        return None;
    }
    let std::ops::Range { start: a, end: b } = mentions::name_words(words, m);
    (b >= a + 2).then_some((a, b))
}

/// Whether the sentence of word `i` is written in title case: three words or more, none of
/// four letters or more in lower case.
fn title_case_line(words: &[Word], i: usize) -> bool {
    let s = words[i].sent;
    let from = words[..i]
        .iter()
        .rposition(|w| w.sent != s)
        .map_or(0, |p| p + 1);
    let mut n = 0;
    for w in words[from..].iter().take_while(|w| w.sent == s) {
        if !w.is_word {
            continue;
        }
        if !w.cap && w.text.len() >= 4 && w.text.as_bytes()[0].is_ascii_alphabetic() {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// Whether a capitalised word after a given name and a surname is no part of a name.
fn no_name_word(w: &Word, lowercase: &Set<&str>) -> bool {
    if w.is(flag::FIRST_NAME) || !w.text.as_bytes().iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let t = w.norm;
    w.is(flag::NOT_NAME | flag::COMMON | flag::NEVER_NAME)
        || lowercase.contains(t)
        || (t.len() >= 5 && (t.ends_with("ing") || t.ends_with("ed")))
        || (t.len() >= 4 && t.ends_with('s') && !t.ends_with("ss"))
}

/// The persons named outside the title-case lines: whole names, the last words of the longer
/// ones ("Trump" of "Donald J. Trump"), and every word of them.
#[derive(Default)]
struct Known {
    names: Set<String>,
    surnames: Set<String>,
    words: Set<String>,
}

/// The word at which the name `a..b` ends (`a < k < b`), if it ends early.
fn cut(words: &[Word], a: usize, b: usize, known: &Known, lowercase: &Set<&str>) -> Option<usize> {
    let mut key = String::new();
    let mut best = None;
    for k in a + 1..=b {
        if k > a + 1 {
            key.push(' ');
        }
        key.push_str(words[k - 1].norm);
        if known.names.contains(key.as_str())
            || (k == a + 1 && known.surnames.contains(key.as_str()))
        {
            best = Some(k);
        }
    }
    match best {
        Some(k) if k == b => None,
        Some(k) => Some(k),
        None if b > a + 2 => {
            let (g, s, x) = (&words[a], &words[a + 1], &words[a + 2]);
            let surname = s.text.len() > 1 && !s.text.ends_with('.') && !s.is(flag::FIRST_NAME);
            (g.is(flag::FIRST_NAME)
                && surname
                && !known.words.contains(x.norm)
                && no_name_word(x, lowercase))
            .then_some(a + 2)
        }
        None => None,
    }
}

/// Cuts the person names of title-case lines where the name ends: `words` are the body's
/// (`field` [`Field::Text`]) or the headline's ([`Field::Title`]).
pub fn cut_headline_names(
    words: &[Word],
    lowercase: &Set<&str>,
    field: Field,
    all: &mut [Mention],
) {
    let mut hits = Vec::new();
    let mut last_sent = None;
    for (i, m) in all.iter().enumerate() {
        let Some((a, b)) = name_words(words, m, field) else {
            continue;
        };
        let sent = words[a].sent;
        let title_case = match last_sent {
            Some((s, t)) if s == sent => t,
            _ => title_case_line(words, a),
        };
        last_sent = Some((sent, title_case));
        if title_case {
            hits.push((i, a, b));
        }
    }
    if hits.is_empty() {
        return;
    }
    let mut known = Known::default();
    for (i, m) in all.iter().enumerate() {
        if m.kind != MentionKind::Name
            || m.etype != EntityType::Person
            || hits.iter().any(|&(h, _, _)| h == i)
        {
            continue;
        }
        let key = newsprobe_core::lexicon::normalize(m.name_text.trim());
        if let Some((_, last)) = key.rsplit_once(' ') {
            known.surnames.insert(last.to_string());
            known.words.extend(key.split(' ').map(str::to_string));
        } else {
            known.words.insert(key.clone());
        }
        known.names.insert(key);
    }
    for (i, a, b) in hits {
        if let Some(k) = cut(words, a, b, &known, lowercase) {
            let m = &mut all[i];
            let name = mentions::rename(m, words, a, k, field);
            m.span.end = m.span.end.min(name.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    #[test]
    fn a_headline_verb_ends_the_name() {
        let k = kinds(
            "Axl Rose was found dead, a fake report claimed. Rose denied it on Twitter.\n\n\
             Axl Rose Dies — Fans React On Twitter\n\n\
             'Pretty Little Liars': Lucy Hale Teases Christmas Special EXCLUSIVE\n\n\
             President Donald J. Trump signed the pardons on Tuesday.\n\n\
             Trump Pardons Hammonds!\n\n",
        );
        for (n, t) in &k {
            assert!(
                !(*t == EntityType::Person
                    && (n.contains("Dies") || n.contains("Teases") || n.contains("Pardons"))),
                "{n} typed a person: {k:?}"
            );
        }
        for name in ["Axl Rose", "Lucy Hale"] {
            assert!(
                k.iter().any(|(n, t)| n == name && *t == EntityType::Person),
                "{name}: {k:?}"
            );
        }
    }

    #[test]
    fn names_in_running_text_and_unknown_runs_stay_whole() {
        let k = kinds(
            "Sarah Jessica Parker Returns To Broadway\n\n\
             Officials said Mary Jane Watson Banks had left the city.",
        );
        // Two given names open the run: no surname to cut after.
        assert!(
            !k.iter()
                .any(|(n, t)| n == "Sarah Jessica" && *t == EntityType::Person),
            "{k:?}"
        );
        assert!(
            k.iter()
                .any(|(n, t)| n == "Mary Jane Watson Banks" && *t == EntityType::Person),
            "{k:?}"
        );
    }
}
