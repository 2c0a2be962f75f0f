//! Is "news.com.au", "9News.com" or "Kath.net" one organisation, the site?
//!
//! The tokenizer cuts a site's domain name at its dots ("Kath" "." "net"), and the rules then
//! find a name in its first part only ("Kath", typed nothing or a person) or, where that part is
//! written in lower case or opens with a digit ("news", "9News"), none at all. Written in running
//! text, a domain name names the site and the outlet or company behind it ("According to
//! news.com.au", "a commentary for the news website Kath.net"): the body's tokens written
//! together as labels and dots, ending in a top-level domain, become one organisation, the names
//! inside giving way. Only where the sentence reads it as a source or an outlet: "according
//! to", "told", "for", "from", "by", "called", "site", "website" or "outlet" right before it, or
//! a reporting verb or "was", "is", "has" right after it ("MSNBC.website was also responsible");
//! a bare address is none ("Visit his site at JamieGlazov.com", a photo credit, "share the
//! hashtag and onmeth.com"). Never a part of a web address or an e-mail address (a "/", ":",
//! "@", "." or "-" written right before or after it, or a first label "www").

use crate::mentions::{self, Mention, Word};

/// Top-level domains (and the last labels of country ones, "com.au", "co.uk") a site's name
/// ends in.
const TLDS: &[&str] = &[
    "com", "net", "org", "au", "uk", "ca", "nz", "ie", "in", "io", "tv", "co", "us", "info",
    "news", "website",
];

/// Words right before a domain name that make it a source or an outlet ("according to",
/// "told", "for", "called", "the news website").
const BEFORE: &[&str] = &[
    "to", "told", "for", "from", "by", "called", "site", "website", "outlet",
];

/// Words right after a domain name that make it a source that acts ("MSNBC.website was").
const AFTER: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "wrote",
    "writes",
    "was",
    "is",
    "has",
    "had",
    "published",
    "claimed",
    "claims",
];

/// Whether the domain name at words `i..e` is written as a source or an outlet: a cue right
/// before or after it in its sentence ("according to", never a bare "to"). A bare address
/// ("Visit his site at JamieGlazov.com", a photo credit) is none.
fn cued(words: &[Word], i: usize, e: usize) -> bool {
    let sent = words[i].sent;
    let word = |k: usize| {
        words
            .get(k)
            .filter(|w| w.is_word && w.sent == sent)
            .map(|w| w.norm)
    };
    let before = i.checked_sub(1).and_then(word);
    let according = i.checked_sub(2).and_then(word) == Some("according");
    let after = word(e).is_some_and(|n| AFTER.contains(&n));
    match before {
        Some("to") => according,
        Some(b) => BEFORE.contains(&b) || after,
        None => after,
    }
}

/// Whether the word at `k` may be a label of a domain name: letters and digits only.
fn label(words: &[Word], k: usize) -> bool {
    let t = words[k].text;
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether the words `k` and `k + 1` are written together (no space between), in one sentence.
fn glued(words: &[Word], k: usize) -> bool {
    words
        .get(k + 1)
        .is_some_and(|n| words[k].end == n.start && words[k].sent == n.sent && !words[k].poss)
}

/// End (exclusive) of the domain name whose first label is the word at `i`, if one starts there.
fn domain_at(words: &[Word], i: usize) -> Option<usize> {
    // (Refused at once: nearly every word has no dot after it.)
    if words.get(i + 1).is_none_or(|n| n.text != ".") {
        return None;
    }
    if !label(words, i) || words[i].norm == "www" {
        return None;
    }
    if i > 0 && words[i - 1].end == words[i].start {
        return None;
    }
    let mut e = i + 1;
    while glued(words, e - 1) && words[e].text == "." && glued(words, e) && label(words, e + 1) {
        e += 2;
    }
    // (Refused at once: nearly every word is no domain name's first label.)
    if e == i + 1 {
        return None;
    }
    let last = words[e - 1].text;
    let address = glued(words, e - 1) && matches!(words[e].text, "/" | ":" | "@" | "." | "-");
    let tld = TLDS.iter().any(|t| t.eq_ignore_ascii_case(last));
    (tld && !address && !glued_word(words, e - 1) && cued(words, i, e)).then_some(e)
}

/// Whether a word or number is written right after the word at `k` ("site.com2").
fn glued_word(words: &[Word], k: usize) -> bool {
    glued(words, k) && label(words, k + 1)
}

/// Makes one organisation of each domain name the body writes.
pub fn join_web_names(words: &[Word], all: &mut Vec<Mention>) {
    let mut runs = mentions::OrgRuns::new(all);
    let mut i = 0;
    while i < words.len() {
        let Some(e) = domain_at(words, i) else {
            i += 1;
            continue;
        };
        if let Some(m) = runs.claim(all, words, i, e) {
            m.name_text = words[i..e].iter().map(|w| w.text).collect();
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
    fn a_domain_name_is_one_organisation() {
        let k = kinds(
            "According to news.com.au, the man returned to the airport. According to 9News.com \
             out of Australia, two friends bought burgers. Bishop Laun wrote for Kath.net on the \
             initiatives. The site called MSNBC.website.com made it up.",
        );
        for name in ["news.com.au", "9News.com", "Kath.net", "MSNBC.website.com"] {
            assert!(has(&k, name, EntityType::Organization), "{name}: {k:?}");
        }
    }

    #[test]
    fn web_and_mail_addresses_stay() {
        let k = kinds(
            "Her biography appears at http://www.nlm.nih.gov/changing/index.html online. Write \
             to press@example.com with questions. Visit his site at JamieGlazov.com today.",
        );
        for (name, _) in &k {
            assert!(!name.contains(".gov") && !name.contains(".com"), "{k:?}");
        }
    }
}
