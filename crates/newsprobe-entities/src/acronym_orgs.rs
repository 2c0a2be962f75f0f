//! Is an acronym nothing typed an organisation the article says acts?
//!
//! Acronyms the gazetteer does not know ("CAIR", "NRDC", "AAA", "ERO", "D4CC") come out of the
//! tagger and typer untyped (`other`): GUM's training documents hold as many technical acronyms
//! ("GIS", "ICT") as organisations, so the name alone says nothing. A news report says it
//! around the acronym, and these constructions make it an organisation:
//! - people of the body after it: "AAA officials", "ICE agents", "ERO deportation officers"
//!   (not "employees" or "staff": a place has them too, "KSC employees"),
//!   "a CAIR spokesman", "WFAA's website";
//! - a statement verb after it: "the NRDC said", "CPJ called for their release";
//! - a membership or source before it: "members of AAA", "according to WFAA", "a spokeswoman for
//!   NLM";
//! - its definition in parentheses after a name of an organisation whose initials it spells:
//!   "the Committee to Protect Journalists (CPJ)", "Immigration and Customs Enforcement (ICE)",
//!   where the long name itself may have come out in pieces.
//!
//! Only single-word acronyms left untyped are typed, never a word of a sentence written all in
//! capitals (the cue must be written in lower case), never one of the acronyms that name no body
//! ("CEO", "GDP", "DNA"). [`crate::acronyms::unify`], run after, types the acronym's other
//! mentions with it. Runs after the typer, outside what the tagger and typer are trained on.

use newsprobe_core::{EntityType, Field};

use crate::acronyms::is_acronym;
use crate::gazetteer::flag;
use crate::mentions::{Mention, MentionKind, Word};

/// Acronyms that name no organisation (titles, measures, diseases, things).
const NOT_BODIES: &[&str] = &[
    "ceo", "cfo", "da", "ag", "coo", "cto", "mp", "mps", "mep", "pm", "am", "tv", "gdp", "gnp",
    "cpi", "dna", "rna", "ai", "hiv", "aids", "covid", "sars", "mers", "ptsd", "adhd", "mri",
    "icu", "iq", "id", "ok", "ufo", "vip", "mvp", "pr", "hr", "it", "pc", "usb", "gps", "sms",
    "pdf", "faq", "ipo", "atm", "suv", "lgbt", "lgbtq", "bbq", "diy", "rip", "tba", "usd", "eur",
    "gbp", "est", "gmt", "utc", "pst", "edt", "cst", "et", "pt", "ar", "ak", "md", "phd", "mba",
    "ba", "ma", "bs", "ms", "led", "lcd", "cd", "dvd", "ps", "nb", "aka", "ad", "bc", "op", "ed",
    "dj", "mc", "qb", "ncaa", "us", "usa", "uk", "ii", "iii", "iv", "vi", "vii", "viii", "ix",
    "xi",
];

/// Lower-case words after the acronym that say it is a body of people.
const AFTER: &[&str] = &[
    "official",
    "officials",
    "officer",
    "officers",
    "agent",
    "agents",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "member",
    "members",
    "investigators",
    "director",
    "chairman",
    "chairwoman",
    "leaders",
    "leadership",
    "custody",
    "website",
    "representatives",
    "lawyers",
    "attorneys",
    "researchers",
    "deportation",
    "said",
    "says",
    "announced",
    "confirmed",
    "condemned",
    "denied",
    "stated",
    "declined",
    "warned",
    "urged",
    "sued",
    "reported",
];

/// Words before the acronym (the nearest first, written in lower case; the other may open the
/// sentence) that say it is a body: "members of", "according to", "spokesman for".
const BEFORE: &[&[&str]] = &[
    &["of", "members"],
    &["of", "member"],
    &["to", "according"],
    &["for", "spokesman"],
    &["for", "spokeswoman"],
    &["for", "spokesperson"],
    &["with", "officials"],
    &["with", "officers"],
    &["with", "agents"],
    &["at", "officials"],
];

/// Capitalised words of a spelled-out name, besides [`flag::ORG_HEAD`] words, that say it is a
/// body ("Immigration and Customs Enforcement", "Enforcement and Removal Operations").
const BODY_WORDS: &[&str] = &[
    "enforcement",
    "operations",
    "protection",
    "affairs",
    "intelligence",
    "reserve",
    "nations",
    "watch",
    "brotherhood",
    "journalists",
    "workers",
    "doctors",
    "citizens",
    "veterans",
];

fn word_range(words: &[Word], s: newsprobe_core::Span) -> std::ops::Range<usize> {
    let a = words.partition_point(|w| w.end <= s.start);
    let b = words.partition_point(|w| w.start < s.end);
    a..b.max(a)
}

/// The letters of an acronym, lower case, digits kept.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the words around the acronym at `i` say it is a body of people.
fn cue(words: &[Word], i: usize) -> bool {
    let same = |k: usize| words.get(k).filter(|w| w.sent == words[i].sent);
    let lower = |w: &&Word| w.is_word && !w.cap;
    // "ERO deportation officers", "a CAIR spokesman", "WFAA's website".
    if let Some(n) = same(i + 1).filter(lower) {
        if AFTER.contains(&n.norm) {
            return true;
        }
    }
    // "members of AAA", "according to WFAA" (an optional "the" between).
    let mut p = i;
    if p > 0 && words[p - 1].norm == "the" && words[p - 1].sent == words[i].sent {
        p -= 1;
    }
    if p >= 2 {
        let (a, b) = (&words[p - 1], &words[p - 2]);
        if a.sent == words[i].sent
            && b.sent == words[i].sent
            && !a.cap
            && BEFORE.iter().any(|c| c[0] == a.norm && c[1] == b.norm)
        {
            return true;
        }
    }
    defined(words, i)
}

/// Whether the acronym at `i` stands in parentheses right after a name of a body whose initials
/// it spells: "the Committee to Protect Journalists (CPJ)".
fn defined(words: &[Word], i: usize) -> bool {
    if i < 3 || words[i - 1].text != "(" || words.get(i + 1).is_none_or(|w| w.text != ")") {
        return false;
    }
    let a = letters(words[i].text);
    let sent = words[i].sent;
    // Walk back over the name: capitalised words and connectors, at most 10 words.
    let mut initials: Vec<char> = Vec::new();
    let mut body = false;
    let mut k = i - 1;
    while k > 0 && initials.len() < a.len() + 4 && i - k <= 10 {
        k -= 1;
        let w = &words[k];
        if w.sent != sent || !w.is_word {
            break;
        }
        if w.cap {
            if let Some(c) = w.text.chars().next() {
                initials.extend(c.to_lowercase());
            }
            body |= w.is(flag::ORG_HEAD) || BODY_WORDS.contains(&w.norm);
            let spelled: String = initials.iter().rev().collect();
            if spelled == a {
                return body;
            }
        } else if !matches!(
            w.norm,
            "of" | "for" | "and" | "to" | "the" | "on" | "against"
        ) {
            break;
        }
    }
    false
}

/// The acronyms the article defines in parentheses right after a name typed a place or a
/// person ("the Kennedy Space Center (KSC)"): [`crate::acronyms::unify`] gives them their
/// name's type, whatever acts around them ("KSC employees").
fn defined_otherwise(words: &[Word], all: &[Mention]) -> Vec<String> {
    let mut out = Vec::new();
    for m in all {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || !matches!(m.etype, EntityType::Place | EntityType::Person)
        {
            continue;
        }
        let r = word_range(words, m.span);
        let (Some(open), Some(acr)) = (words.get(r.end), words.get(r.end + 1)) else {
            continue;
        };
        if r.is_empty() || open.text != "(" || !is_acronym(acr.text) {
            continue;
        }
        out.push(acr.norm.to_string());
    }
    out
}

/// Types an untyped acronym an organisation where the article says it is a body of people.
pub fn type_acronym_orgs(words: &[Word], all: &mut [Mention]) {
    // Most pages have no untyped acronym: nothing to look for then.
    let untyped_acronym = |m: &Mention| {
        m.kind == MentionKind::Name
            && m.span.field == Field::Text
            && m.etype == EntityType::Other
            && m.title_text.is_none()
            && is_acronym(&m.name_text)
    };
    if !all.iter().any(untyped_acronym) {
        return;
    }
    let skip = defined_otherwise(words, all);
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.etype != EntityType::Other
            || m.title_text.is_some()
        {
            continue;
        }
        let r = word_range(words, m.name.unwrap_or(m.span));
        if r.len() != 1 {
            continue;
        }
        let w = &words[r.start];
        if !w.is_word
            || !is_acronym(w.text)
            || NOT_BODIES.contains(&w.norm)
            || skip.iter().any(|x| x == w.norm)
        {
            continue;
        }
        if cue(words, r.start) {
            m.etype = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{is_org as org, kinds};

    #[test]
    fn an_acronym_that_acts_is_an_organisation() {
        let k = kinds(
            "Two reporters were held overnight in the capital, the Committee to Protect \
             Journalists (CPJ) said on Friday. CPJ called for their release. Members of KLFA \
             walked out of the meeting, and TRWA officials said the vote was void. A spokeswoman \
             for NBRC declined to comment.",
        );
        for name in ["CPJ", "KLFA", "TRWA", "NBRC"] {
            assert!(org(&k, name), "{name}: {k:?}");
        }
    }

    #[test]
    fn an_acronym_defined_by_a_place_is_the_place() {
        let k = kinds(
            "The crowd gathered at the Kennedy Space Center (KSC) in Florida on Tuesday. Many \
             KSC officials watched the launch from the roof.",
        );
        assert!(!org(&k, "KSC"), "{k:?}");
    }

    #[test]
    fn technical_acronyms_and_capital_headlines_stay_untyped() {
        let k = kinds(
            "The study used GIS data and a PCR test. The CEO said sales rose, and GDP figures \
             were revised. Gross Domestic Product (GDP) fell. The Geographic Information \
             Systems (GIS) team met. FLOODS HIT TOWN AS RIVER RISES.",
        );
        for name in ["GIS", "PCR", "CEO", "GDP", "FLOODS", "HIT"] {
            assert!(!org(&k, name), "{name}: {k:?}");
        }
    }
}
