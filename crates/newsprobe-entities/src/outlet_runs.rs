//! Where does the article write a well-known outlet's whole name?
//!
//! [`crate::known_outlets`] types a name that is exactly an outlet of its list, but the tagger
//! often cuts an outlet's name before that: "NBC News" comes out as "NBC" and no "News",
//! "Entertainment Weekly's" as "Entertainment" and "Weekly", "Hollywood Life" as the place
//! "Hollywood", and a coined one-word name ("LifeSiteNews") as nothing at all. Where the body
//! writes, in one sentence, the capitalised words of one outlet of that list (the longest that
//! fits; every word capitalised but its connectors "of", "and", "the"), that run is one
//! organisation: the names found inside it give way to it. Never where a name found runs past
//! the run ("NBC News Channel Awards"), where a name inside it is bound to a title, nor for a
//! one-word outlet that a person's longer name in the article holds ("Forbes" after "Larry
//! Forbes") or that opens a sentence and is written in lower case elsewhere ("Wired to ...").
//! Runs after the typer, outside what the tagger and typer are trained on; the list is
//! `known_outlets`'s.

use std::sync::LazyLock;

use newsprobe_core::Field;

use crate::gazetteer::{flag, Set};
use crate::known_outlets::outlet_names;
use crate::mentions::{self, Mention, MentionKind, Word};

/// Lower-case words an outlet's name may hold between capitalised ones.
const CONNECTORS: &[&str] = &["of", "and", "the", "on", "in", "della", "de"];

/// The outlets' first words and the most words one has.
static FIRST: LazyLock<(Set<String>, usize)> = LazyLock::new(|| {
    let names = outlet_names();
    let first = names
        .iter()
        .filter_map(|n| n.split_whitespace().next().map(str::to_string))
        .collect();
    let most = names
        .iter()
        .map(|n| n.split_whitespace().count())
        .max()
        .unwrap_or(1);
    (first, most)
});

/// Whether the word at `j` may stand in an outlet's name (the first, `j == i`, capitalised).
fn name_word(words: &[Word], i: usize, j: usize) -> bool {
    let w = &words[j];
    w.is_word && w.sent == words[i].sent && (w.cap || (j > i && CONNECTORS.contains(&w.norm)))
}

/// End (exclusive) of the longest outlet whose name the words from `i` write.
fn longest_outlet(words: &[Word], i: usize) -> Option<usize> {
    let (first, most) = &*FIRST;
    if !name_word(words, i, i) || !first.contains(words[i].norm) {
        return None;
    }
    let names = outlet_names();
    let mut key = String::new();
    let mut end = None;
    for j in i..words.len().min(i + most) {
        if !name_word(words, i, j) {
            break;
        }
        if j > i {
            // Words written apart ("NBC News"), not a token's pieces.
            if words[j - 1].end == words[j].start || words[j - 1].poss {
                break;
            }
            key.push(' ');
        }
        key.push_str(words[j].norm);
        if words[j].cap && names.contains(&key) {
            end = Some(j + 1);
        }
    }
    end
}

/// Whether the capitalised run goes on after the outlet's name ending before `e` ("The NBC News
/// Channel Awards"): a capitalised word right after it in its sentence that is no title, role,
/// day or month ("NBC News Chief Foreign Correspondent", "told NBC News Tuesday").
fn runs_on(words: &[Word], e: usize) -> bool {
    let (Some(last), Some(next)) = (words.get(e - 1), words.get(e)) else {
        return false;
    };
    let allowed = flag::NOT_NAME | flag::NEVER_NAME | flag::TITLE | flag::ROLE_NOUN;
    !last.poss && next.is_word && next.cap && next.sent == last.sent && next.flags() & allowed == 0
}

/// Whether a one-word outlet at `i` is another word: a sentence's first word the article also
/// writes in lower case, or a word of a person's longer name.
fn other_word(words: &[Word], i: usize, lowercase: &Set<&str>, person_words: &Set<String>) -> bool {
    (words[i].sent_start && lowercase.contains(words[i].norm))
        || person_words.contains(words[i].norm)
}

/// Makes one organisation of each well-known outlet's name the body writes whole.
pub fn join_outlet_runs(words: &[Word], lowercase: &Set<&str>, all: &mut Vec<Mention>) {
    let mut person_words: Option<Set<String>> = None;
    let mut runs = mentions::OrgRuns::new(all);
    let mut i = 0;
    while i < words.len() {
        let Some(e) = longest_outlet(words, i) else {
            i += 1;
            continue;
        };
        // "The Hill": the name after its article, never a sentence's "The".
        let a = if words[i].norm == "the" { i + 1 } else { i };
        if (a > i && words[i].sent_start)
            || runs_on(words, e)
            || (e == a + 1 && {
                let p = person_words.get_or_insert_with(|| mentions::long_person_name_words(all));
                other_word(words, a, lowercase, p)
            })
        {
            i = e;
            continue;
        }
        let (sa, sb) = (words[a].start, words[e - 1].end);
        let titled = runs.reach(all).around(all, sa, sb).any(|k| {
            all[k].span.field == Field::Text
                && all[k].kind == MentionKind::Name
                && all[k].title_text.is_some()
                && all[k].span.start < sb
                && all[k].span.end > sa
        });
        if !titled {
            runs.claim(all, words, a, e);
        }
        i = e;
    }
    runs.apply(all);
}

#[cfg(test)]
mod tests {
    use crate::test_support::{has, kinds};
    use newsprobe_core::EntityType;

    #[test]
    fn an_outlet_cut_by_the_tagger_is_one_organisation() {
        let k = kinds(
            "The singer told NBC News on Monday that the tour was over. A source told \
             Entertainment Weekly's reporter the same. The claim was first made by \
             LifeSiteNews, and Hollywood Life repeated it.",
        );
        for name in [
            "NBC News",
            "Entertainment Weekly",
            "LifeSiteNews",
            "Hollywood Life",
        ] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
    }

    #[test]
    fn a_person_holding_the_word_and_a_longer_name_stay() {
        let k = kinds(
            "Larry Forbes, a farmer from Iowa, said the harvest was late. Forbes said prices \
             had fallen. The NBC News Channel Awards were held in May.",
        );
        assert!(has(&k, "Larry Forbes", EntityType::Person), "{k:?}");
        assert!(!has(&k, "Forbes", EntityType::Organization), "{k:?}");
        assert!(!has(&k, "NBC News", EntityType::Organization), "{k:?}");
    }
}
