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
        running.push(t);
    }
    if !titled {
        return None;
    }
    // (The pronouns are left out only now: most names are in no title line, and their
    // mentions need no lower-cased copy.)
    running.retain(|t| {
        let lower = t.to_lowercase();
        crate::lexicon::pronoun(&lower).is_none()
            && !matches!(
                lower.as_str(),
                "his" | "her" | "hers" | "its" | "their" | "him" | "them" | "himself" | "herself"
            )
    });
    if running.is_empty() {
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

/// A shown name that swallowed the statement's own cue word: a title-case headline run into a
/// name ("Chris Christie Calls Hillary Clinton …", the cue "Calls"; "Elizabeth Warren Hammers
/// Wells Fargo CEO", the cue "Hammers"; "Muslim Shouting"). No word list: the cue the statement
/// was found by is a word of the name after its first (in any case). Such a name is shown as
/// the person it opens with where the article names that person (an entity of two words or
/// more the name starts with, ending before the cue, or one a title opens: "Chris Christie",
/// "Senator Dana Whitlock"'s "Dana Whitlock"; a surname alone, the one person bearing it),
/// and is no speaker otherwise (`None`). A name without its cue inside is kept as it is
/// (`Some(s)`). One comparison a statement, the entities scanned only for a name that
/// swallowed its cue.
pub(crate) fn without_swallowed_cue(
    ctx: &Ctx,
    cue: Option<newsprobe_core::Span>,
    s: newsprobe_core::QuoteSource,
) -> Option<newsprobe_core::QuoteSource> {
    let mut s = written_over_merged(ctx, s);
    let c = cue.map_or("", |cue| ctx.doc.span_text(&cue).trim());
    if c.is_empty() {
        return Some(prefix_written_more(ctx, s));
    }
    let Some(name) = s.name.as_deref().or(s.suggested.as_deref()) else {
        return Some(s);
    };
    // The byte where the cue word stands in the name, after its first word.
    let mut at = None;
    let mut offset = 0;
    for (i, w) in name.split(' ').enumerate() {
        if i >= 1 && w.trim_end_matches([':', ',']).eq_ignore_ascii_case(c) {
            at = Some(offset);
            break;
        }
        offset += w.len() + 1;
    }
    let Some(at) = at else {
        return Some(prefix_written_more(ctx, s));
    };
    let prefix = name[..at].trim_end();
    let persons = || {
        ctx.doc
            .entities
            .iter()
            .filter(|e| e.kind == newsprobe_core::EntityType::Person && e.name.contains(' '))
    };
    let person = persons()
        .filter(|e| {
            prefix == e.name
                || prefix.starts_with(&format!("{} ", e.name))
                || prefix.ends_with(&format!(" {}", e.name))
        })
        .max_by_key(|e| e.name.len());
    // ("Sanders Vows To Eliminate Tax Breaks …" over the body's "Bernie Sanders": a surname
    // alone before the cue, the one person of the article who bears it.)
    let person = person.or_else(|| {
        if prefix.contains(' ') || !prefix.starts_with(char::is_uppercase) {
            return None;
        }
        let tail = format!(" {prefix}");
        let mut bearers = persons().filter(|e| e.name.ends_with(&tail));
        let first = bearers.next()?;
        bearers.all(|e| e.name == first.name).then_some(first)
    })?;
    let fixed = person.name.clone();
    if s.name.is_some() {
        s.name = Some(fixed);
    } else {
        s.suggested = Some(fixed);
    }
    s.entity = Some(person.id.clone());
    Some(s)
}

/// A speaker written as a full name ("Keith Ellison", of the headline "Keith Ellison Defends
/// Louis Farrakhan: …") shown by a name that shares no word with it ("Louis Farrakhan"): the
/// entity stage ran the headline's two people into one entity, whose name holds the written
/// one, and the body's mentions of the other named it. The name as written is shown, with no
/// entity. Only where the entity's own name holds the written name (no other comparison).
fn written_over_merged(
    ctx: &Ctx,
    mut s: newsprobe_core::QuoteSource,
) -> newsprobe_core::QuoteSource {
    let (Some(m), Some(e)) = (s.mention.as_ref(), s.entity.as_deref()) else {
        return s;
    };
    let Some(name) = s.name.as_deref().or(s.suggested.as_deref()) else {
        return s;
    };
    let written = ctx.doc.span_text(m).trim();
    let words: Vec<&str> = written.split_whitespace().collect();
    if words.len() < 2
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
        || crate::junk::person_name_junk(written)
    {
        return s;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if name
        .split_whitespace()
        .any(|n| words.iter().any(|w| bare(w) == bare(n)))
    {
        return s;
    }
    let merged = ctx
        .doc
        .entity(e)
        .is_some_and(|x| x.name.len() > written.len() && x.name.contains(written));
    if !merged {
        return s;
    }
    let written = written.to_string();
    if s.name.is_some() {
        s.name = Some(written);
    } else {
        s.suggested = Some(written);
    }
    s.entity = None;
    s
}

/// A name of three capitalised words or more whose first two the article writes, as a
/// person's mention, more often than the whole name: a name run on into what follows it
/// ("Askia Muhammad A" over three "Askia Muhammad"; "Louis Farrakhan In Iran"). Shown as those
/// two words, the person (or the name's own entity) whose mentions write them. Counted over the entities' mentions (no
/// search of the text), only for such a name.
fn prefix_written_more(
    ctx: &Ctx,
    mut s: newsprobe_core::QuoteSource,
) -> newsprobe_core::QuoteSource {
    let Some(name) = s.name.as_deref().or(s.suggested.as_deref()) else {
        return s;
    };
    let mut words = name.split(' ');
    let (Some(a), Some(b), Some(_)) = (words.next(), words.next(), words.next()) else {
        return s;
    };
    if !name.split(' ').all(|w| w.starts_with(char::is_uppercase)) {
        return s;
    }
    let two = &name[..a.len() + 1 + b.len()];
    // (The mentions' texts looked up in one map of the article: a scan of every mention for
    // each such name was quadratic in a long transcript.)
    let whole: usize = ctx.written_as(name).iter().map(|&(_, n)| n).sum();
    let mut best: Option<(usize, &newsprobe_core::Entity)> = None;
    for &(i, n) in ctx.written_as(two).iter() {
        let e = &ctx.doc.entities[i];
        // (A person's mentions, or the name's own entity's: not "Las Vegas", a place, before
        // "Las Vegas Review-Journal".)
        if n > 0
            && (e.kind == newsprobe_core::EntityType::Person
                || s.entity.as_deref() == Some(e.id.as_str()))
            && best.is_none_or(|(k, _)| n > k)
        {
            best = Some((n, e));
        }
    }
    let Some((n, e)) = best else {
        return s;
    };
    if n <= whole {
        return s;
    }
    let fixed = two.to_string();
    if s.name.is_some() {
        s.name = Some(fixed);
    } else {
        s.suggested = Some(fixed);
    }
    s.entity = Some(e.id.clone());
    s
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

    /// The name a reader sees for a quotation: the speaker shown, else the one suggested.
    fn shown(q: &newsprobe_core::Quote) -> &str {
        let s = &q.source;
        s.name.as_deref().or(s.suggested.as_deref()).unwrap_or("")
    }

    /// No quotation of `doc` shows or suggests a name holding `word` (a headline's verb).
    fn assert_no_shown_name_holds(doc: &newsprobe_core::Document, word: &str) {
        for q in &doc.quotes {
            let shown = shown(q);
            assert!(!shown.contains(word), "{shown:?} shown for {q:?}");
        }
    }

    /// A headline run into a name, the statement's cue inside it: the person the name opens
    /// with where the article names them, no speaker where it does not.
    #[test]
    fn a_swallowed_cue_leaves_the_person_or_no_speaker() {
        let text = "Marisol Quintero Blasts Harbour Authority Over \"Reckless\" Dredging Plan\n\n\
                    The fishing cooperative's director took questions at the marina on Friday. \
                    Marisol Quintero said the dredging would ruin the spring catch for a decade.";
        let doc = crate::test_support::analyzed(text);
        assert_no_shown_name_holds(&doc, "Blasts");
        let q = crate::test_support::quote_with(&doc, "spring catch");
        assert_eq!(q.source.name.as_deref(), Some("Marisol Quintero"));
        // (No one the article names: no speaker rather than the headline's words.)
        let text = "Governor Tobias Brandt Slams Lawmakers Over Late Budget Vote\n\n\
                    The budget passed two weeks after the deadline, and schools waited for funds.";
        let doc = crate::test_support::analyzed(text);
        assert_no_shown_name_holds(&doc, "Slams");
    }

    /// A headline that runs two people into one name ("… Defends …"): the statement the
    /// headline gives the first is shown by the first's name, never by the second's.
    #[test]
    fn a_headline_of_two_people_keeps_each_his_own_statement() {
        let text = "Ingrid Solberg Defends Tomas Varga: \"He Kept His Word\"\n\n\
                    The two have worked together on the harbour plan since 2015. Varga told \
                    the council in March that the plan would be finished by summer. Varga \
                    said the port authority had delayed the permits.";
        let doc = crate::test_support::analyzed(text);
        assert_no_shown_name_holds(&doc, "Defends");
        for q in &doc.quotes {
            let shown = shown(q);
            if q.span.start < text.find("\n").unwrap_or(0) {
                assert_ne!(shown, "Tomas Varga", "{q:?}");
            }
        }
    }

    /// A surname alone before the swallowed cue: the one person bearing it; a name run on
    /// past the two words the article writes more often: those two words.
    #[test]
    fn a_surname_or_a_written_prefix_is_shown_for_a_headline_run() {
        let text = "Okonkwo Vows To Fight Pipeline Ruling In Every Court\n\n\
                    State Senator Adaeze Okonkwo said on Monday that the ruling ignored the \
                    farmers whose land the pipeline crosses. \"We will appeal,\" Okonkwo said.";
        let doc = crate::test_support::analyzed(text);
        assert_no_shown_name_holds(&doc, "Vows");
        let text = "Marta Ilves In Tallinn: \"Estonia Will Not Bend To Threats\"\n\n\
                    Marta Ilves spoke to a crowd in the old town square on Saturday. Marta Ilves \
                    said the border guard would double its patrols. \"Estonia will not bend,\" \
                    Marta Ilves told reporters afterwards.";
        let doc = crate::test_support::analyzed(text);
        assert_no_shown_name_holds(&doc, "Tallinn");
        let q = crate::test_support::quote_with(&doc, "Estonia will not bend,");
        assert_eq!(q.source.name.as_deref(), Some("Marta Ilves"));
    }
}
