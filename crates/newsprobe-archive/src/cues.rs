//! Which words mark a setting, an anonymous source, an escalating headline, or a role?
//! Small phrase lexicons matched over lower-cased words (longest match first).

use crate::words::Word;

/// Where something was said: a press conference, an interview, a closed-door session...
pub const SETTINGS: &[&str] = &[
    "press conference",
    "news conference",
    "joint press conference",
    "press briefing",
    "media briefing",
    "briefing",
    "classified briefing",
    "secret briefing",
    "closed briefing",
    "closed-door session",
    "closed-door meeting",
    "closed-door briefing",
    "behind closed doors",
    "secret session",
    "secret meeting",
    "private meeting",
    "private session",
    "interview",
    "television interview",
    "radio interview",
    "tv interview",
    "podcast",
    "written statement",
    "statement",
    "speech",
    "televised address",
    "address to the nation",
    "hearing",
    "parliamentary hearing",
    "summit",
    "leaked memo",
    "memo",
    "internal memo",
    "leaked recording",
    "off the record",
    "town hall",
    "rally",
    "debate",
    "press release",
    "news release",
    "social media post",
    "news briefing",
    "closed meeting",
    "secret talks",
    "secret letter",
    "private letter",
    "televised speech",
    "radio address",
    "state television",
    "state tv",
    "phone call",
    "conference call",
    "private dinner",
    "closed session",
    "emergency session",
    "cabinet meeting",
    "secret cabinet meeting",
    "press statement",
    "open letter",
];

/// Phrases that mark deliberately unnamed sources.
pub const ANONYMOUS: &[&str] = &[
    "on condition of anonymity",
    "spoke on condition of anonymity",
    "speaking on condition of anonymity",
    "who asked not to be named",
    "asked not to be named",
    "declined to be named",
    "who declined to be identified",
    "not authorized to speak",
    "not authorised to speak",
    "sources said",
    "sources say",
    "sources told",
    "according to sources",
    "a source said",
    "a source close to",
    "sources close to",
    "people familiar with",
    "person familiar with",
    "officials familiar with",
    "insiders",
    "an insider",
    "intelligence sources",
    "unnamed source",
    "unnamed sources",
    "unnamed official",
    "unnamed officials",
    "anonymous source",
    "anonymous sources",
    "a senior official",
    "senior officials said",
    "an official said",
    "diplomatic sources",
    "military sources",
    "security sources",
    "a well-placed source",
    "well-placed sources",
    "speaking anonymously",
    "a government source",
    "government sources",
    "a source in",
    "a source familiar with",
    "according to an official",
    "according to officials",
    "according to a source",
    "one official said",
    "an intelligence official",
    "intelligence officials",
    "who requested anonymity",
    "requested anonymity",
    "on the condition of anonymity",
    "insisted on anonymity",
    "granted anonymity",
    "an unnamed",
    "a person close to",
    "people close to",
    "sources in",
    "insiders say",
    "not authorized to",
    "not authorised to",
    "did not want to be named",
    "did not wish to be named",
    "did not want to be identified",
    "declined to be identified",
    "according to insiders",
    "a source within",
    "anonymous officials",
    "unnamed officials said",
    "under the condition of anonymity",
    "under condition of anonymity",
    "sources with knowledge",
    "people with knowledge",
    "a person with knowledge",
    "officials with knowledge",
    "sources familiar with",
];

/// Headline words that escalate: alarm, secrecy, exclusivity, conflict.
pub const ESCALATION: &[&str] = &[
    "shocking",
    "shock",
    "bombshell",
    "secret",
    "secretly",
    "exclusive",
    "revealed",
    "reveals",
    "reveal",
    "exposed",
    "exposes",
    "leaked",
    "leak",
    "panic",
    "chaos",
    "catastrophic",
    "catastrophe",
    "war",
    "threatens",
    "threat",
    "threats",
    "slams",
    "blasts",
    "admits",
    "destroy",
    "destroys",
    "crisis",
    "urgent",
    "breaking",
    "alarming",
    "terrifying",
    "disaster",
    "collapse",
    "imminent",
    "attack",
    "strike",
    "ultimatum",
    "warns",
    "warning",
    "furious",
    "outrage",
    "scandal",
    "cover-up",
    "covert",
    "classified",
    "preemptive",
    "pre-emptive",
    "nuclear",
    "invasion",
    "escalates",
    "escalation",
    "deadly",
    "massive",
    "explosive",
    "stunning",
    "humiliating",
    "humiliation",
    "discloses",
    "fear",
    "fears",
    "alarm",
    "brink",
    "looms",
    "dire",
    "terror",
    "emergency",
    "mobilises",
    "mobilizes",
    "seals",
    "betrayal",
    "plot",
    "sabotage",
    "bloodbath",
    "apocalypse",
    "meltdown",
];

/// Lower-case words that describe a person's role (kept in descriptors).
pub const ROLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "vice",
    "prime",
    "deputy",
    "foreign",
    "interior",
    "defence",
    "defense",
    "finance",
    "justice",
    "health",
    "secretary",
    "general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "chief",
    "director",
    "head",
    "leader",
    "mayor",
    "governor",
    "senator",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "analyst",
    "professor",
    "expert",
    "adviser",
    "advisor",
    "commander",
    "officer",
    "official",
    "former",
    "senior",
    "acting",
    "state",
    "national",
    "security",
    "opposition",
    "party",
    "lawmaker",
    "mp",
    "judge",
    "prosecutor",
    "police",
    "army",
    "navy",
    "colonel",
    "captain",
    "economy",
    "trade",
    "energy",
    "transport",
    "harbour",
    "harbor",
    "port",
    "labour",
    "labor",
    "union",
    "executive",
    "managing",
    "founder",
    "researcher",
    "economist",
    "diplomat",
    "businessman",
    "businesswoman",
    "magnate",
    "tycoon",
    "investor",
    "billionaire",
    "activist",
    "journalist",
    "lawyer",
    "scientist",
    "banker",
    "commissioner",
    "negotiator",
    "manager",
    "coach",
    "priest",
    "bishop",
    "doctor",
    "surgeon",
    "engineer",
    "worker",
    "owner",
    "admiral",
    "lieutenant",
    "sergeant",
    "marshal",
    "king",
    "queen",
    "prince",
    "pope",
    "chancellor",
    "premier",
    "consul",
    "naval",
    "military",
    "intelligence",
    "ministry",
    "spokesman's",
    "envoy's",
];

/// A phrase match: word indices `[first, last]` inclusive and the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseHit {
    pub first: usize,
    pub last: usize,
    pub phrase: &'static str,
}

struct PhraseSet {
    /// Phrases split into words, longest first.
    phrases: Vec<(Vec<&'static str>, &'static str)>,
    /// For each first word, the indices into `phrases` of the phrases it starts (longest first),
    /// so a text is scanned once with one hash look-up per word.
    by_first: foldhash::HashMap<&'static str, Vec<usize>>,
}

impl PhraseSet {
    fn new(list: &[&'static str]) -> PhraseSet {
        let mut phrases: Vec<(Vec<&'static str>, &'static str)> =
            list.iter().map(|p| (p.split(' ').collect(), *p)).collect();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        let mut by_first: foldhash::HashMap<&'static str, Vec<usize>> =
            foldhash::HashMap::default();
        for (i, (words, _)) in phrases.iter().enumerate() {
            if let Some(first) = words.first() {
                by_first.entry(first).or_default().push(i);
            }
        }
        PhraseSet { phrases, by_first }
    }

    fn find<W: AsRef<str>>(&self, words: &[W]) -> Vec<PhraseHit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut hit = None;
            if let Some(candidates) = self.by_first.get(words[i].as_ref()) {
                for &k in candidates {
                    let (p, name) = &self.phrases[k];
                    if i + p.len() <= words.len()
                        && p.iter().zip(&words[i..]).all(|(a, w)| *a == w.as_ref())
                    {
                        hit = Some(PhraseHit {
                            first: i,
                            last: i + p.len() - 1,
                            phrase: name,
                        });
                        break;
                    }
                }
            }
            match hit {
                Some(h) => {
                    i = h.last + 1;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}

static SETTING_SET: std::sync::LazyLock<PhraseSet> =
    std::sync::LazyLock::new(|| PhraseSet::new(SETTINGS));
static ANON_SET: std::sync::LazyLock<PhraseSet> =
    std::sync::LazyLock::new(|| PhraseSet::new(ANONYMOUS));
static ESCALATION_SET: std::sync::LazyLock<PhraseSet> =
    std::sync::LazyLock::new(|| PhraseSet::new(ESCALATION));

/// Setting phrases in `words`.
pub fn settings(words: &[Word]) -> Vec<PhraseHit> {
    SETTING_SET.find(words)
}

/// Anonymous-source phrases in `words`.
pub fn anonymous(words: &[Word]) -> Vec<PhraseHit> {
    ANON_SET.find(words)
}

/// Whether lower-cased words (e.g. [`crate::words::word_norms`]) hold an anonymous-source phrase.
pub fn has_anonymous<S: AsRef<str>>(norms: &[S]) -> bool {
    !ANON_SET.find(norms).is_empty()
}

/// Escalation words in `words`.
pub fn escalation(words: &[Word]) -> Vec<PhraseHit> {
    ESCALATION_SET.find(words)
}

/// Whether a lower-cased word names a role.
pub fn is_role_word(w: &str) -> bool {
    ROLE_WORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::words;

    #[test]
    fn longest_phrase_wins() {
        let w = words("She spoke at a classified briefing, not a press conference.");
        let hits: Vec<&str> = settings(&w).iter().map(|h| h.phrase).collect();
        assert_eq!(hits, ["classified briefing", "press conference"]);
    }

    #[test]
    fn anonymous_and_escalation_cues() {
        let w = words("An official, who spoke on condition of anonymity, said sources close to the talks agreed.");
        let hits: Vec<&str> = anonymous(&w).iter().map(|h| h.phrase).collect();
        assert_eq!(
            hits,
            ["spoke on condition of anonymity", "sources close to"]
        );
        let t = words("SHOCKING: Minister admits secret port deal");
        let hits: Vec<&str> = escalation(&t).iter().map(|h| h.phrase).collect();
        assert_eq!(hits, ["shocking", "admits", "secret"]);
        assert!(is_role_word("minister") && !is_role_word("harbourmaster"));
    }
}
