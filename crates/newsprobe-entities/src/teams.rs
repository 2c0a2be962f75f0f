//! Is this name a sports club named after its town ("the Kansas City Chiefs", "the Miami
//! Dolphins", and then "the Chiefs")? A town's name followed by a capitalised plural nickname is
//! the club, an organisation: not the town (the rules read "Kansas City" and type the whole name a
//! place), nor a place and a person ("Miami" + "Dolphins"). The nickname alone elsewhere in the
//! article is the same club.
//!
//! Only where the article reads as a sports report or the name is written with "the" before it
//! ("the Philadelphia Eagles"): a town's name before a plural surname is a person ("Austin
//! Davis"), and a person's name takes no article. A name the rules or the tagger typed a person as
//! a whole, or bound to a title, is left as it is; so are plural place words ("Niagara Falls",
//! "Palm Springs", "Jackson Heights"). A club word before or after the town ("Manchester United",
//! "Real Madrid", "Tottenham Hotspur") makes the club wherever it is written, even a name the
//! rules read as a person's.

use newsprobe_core::{EntityType, Field};

use crate::gazetteer::{flag, GAZETTEER};
use crate::mentions::{self, Mention, MentionKind, Word};

/// Plural words that end place names (and names of laws, talks and papers), not nicknames.
const PLACE_PLURALS: &[&str] = &[
    "falls",
    "heights",
    "springs",
    "gardens",
    "keys",
    "hills",
    "islands",
    "isles",
    "lakes",
    "woods",
    "plains",
    "rapids",
    "sands",
    "shores",
    "flats",
    "pines",
    "oaks",
    "meadows",
    "acres",
    "estates",
    "villages",
    "towers",
    "fields",
    "highlands",
    "lowlands",
    "downs",
    "narrows",
    "glades",
    "everglades",
    "rocks",
    "bluffs",
    "ridges",
    "commons",
    "docks",
    "mews",
    "terraces",
    "parks",
    "mills",
    "wells",
    "forks",
    "harbors",
    "harbours",
    "banks",
    "cliffs",
    "dunes",
    "states",
    "emirates",
    "territories",
    "provinces",
    "olympics",
    "games",
    "awards",
    "times",
    "news",
    "series",
    "laws",
    "acts",
    "accords",
    "agreements",
    "talks",
    "trials",
    "papers",
    "files",
    "protocols",
];

/// Words after a town that make it a football club ("Manchester United", "Tottenham Hotspur").
const CLUB_SUFFIXES: &[&str] = &[
    "united",
    "athletic",
    "albion",
    "rovers",
    "wanderers",
    "hotspur",
    "fc",
    "afc",
];

/// Words before a town that make it a football club ("Real Madrid", "Inter Milan").
const CLUB_PREFIXES: &[&str] = &[
    "real",
    "inter",
    "atletico",
    "atlético",
    "dynamo",
    "dinamo",
    "sporting",
    "olympique",
    "borussia",
    "ac",
    "fc",
];

/// Whether word `w` can be a club's plural nickname ("Chiefs", "Dolphins", "Red Sox" ends in
/// one too): capitalised, ending in "s" (not "ss" nor "'s"), no word of the gazetteer's
/// organisation or place heads, titles, roles, groups or demonyms.
fn nickname_word(w: &Word) -> bool {
    w.is_word
        && w.cap
        && !w.poss
        && w.norm.len() >= 4
        && w.norm.ends_with('s')
        && !w.norm.ends_with("ss")
        && !w.norm.ends_with("us")
        && !w.is(flag::ORG_HEAD
            | flag::PLACE_HEAD
            | flag::TITLE
            | flag::ROLE_NOUN
            | flag::GROUP_NOUN
            | flag::DEMONYM
            | flag::COUNTRY_NAME
            | flag::PLACE
            | flag::NEVER_NAME
            | flag::NOT_NAME)
        && !PLACE_PLURALS.contains(&w.norm)
        && !singular_is_head(w.norm)
}

/// Whether the singular of a plural word heads organisation or place names ("Parties",
/// "Councils", "Cities").
fn singular_is_head(norm: &str) -> bool {
    let heads = flag::ORG_HEAD | flag::PLACE_HEAD;
    let g = &*GAZETTEER;
    let bare = &norm[..norm.len() - 1];
    g.flags(bare) & heads != 0
        || norm
            .strip_suffix("ies")
            .is_some_and(|s| g.flags(&format!("{s}y")) & heads != 0)
}

/// Number of words of the town's name at `a` (a gazetteer or GeoNames place, not a country),
/// or 0.
fn town_at(words: &[Word], a: usize) -> usize {
    let g = &*GAZETTEER;
    let [p, c, l] = mentions::longest_matches(
        words,
        a,
        words.len(),
        g.max_name_words.max(g.max_place_list_words),
        &[
            (&g.places, flag::PLACE),
            (&g.country_names, flag::COUNTRY_NAME),
            (&g.place_list, flag::PLACE_LIST),
        ],
    );
    // A country's name before a plural word is no club's town ("the Netherlands Lotte Wilms"),
    // nor is a one-word town that is also a common word ("World Series", "Liberal Parties").
    if c > 0 && c >= p.max(l) || p.max(l) == 1 && words[a].is(flag::COMMON) {
        return 0;
    }
    p.max(l)
}

/// Types the clubs among the body names of `all` (after the tagger and the typer): a town and a
/// plural nickname becomes one organisation, and the nickname alone elsewhere one too.
pub fn type_clubs(words: &[Word], sports: bool, all: &mut Vec<Mention>) {
    // Cheap first test: some capitalised nickname-like or club word at all.
    if !words.iter().any(|w| {
        w.cap
            && (w.norm.ends_with('s')
                || CLUB_SUFFIXES.contains(&w.norm)
                || CLUB_PREFIXES.contains(&w.norm))
    }) {
        return;
    }
    let word_range = |s: newsprobe_core::Span| {
        let a = words.partition_point(|w| w.end <= s.start);
        let b = words.partition_point(|w| w.start < s.end);
        a..b.max(a)
    };
    let body_name = |m: &Mention| m.kind == MentionKind::Name && m.span.field == Field::Text;
    // Clubs found: (first word, end word, nickname's first word; the end word where a club word
    // names it, "Manchester United", "Real Madrid").
    let mut clubs: Vec<(usize, usize, usize)> = Vec::new();
    let mut starts: Vec<usize> = all
        .iter()
        .filter(|m| body_name(m) && m.title_text.is_none())
        .map(|m| word_range(m.name.unwrap_or(m.span)).start)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let sent = |a: usize, j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.cap && w.is_word && w.sent == words[a].sent)
    };
    for a in starts {
        // "Real Madrid", "Inter Milan": a club word, then the town.
        if CLUB_PREFIXES.contains(&words[a].norm) && sent(a, a + 1) {
            let t = town_at(words, a + 1);
            if t > 0 && !sent(a, a + 1 + t) {
                clubs.push((a, a + 1 + t, a + 1 + t));
                continue;
            }
        }
        let t = town_at(words, a);
        if t == 0 {
            continue;
        }
        let k = a + t;
        // "Manchester United", "Tottenham Hotspur": the town, then a club word.
        if sent(a, k) && CLUB_SUFFIXES.contains(&words[k].norm) && !sent(a, k + 1) {
            clubs.push((a, k + 1, k + 1));
            continue;
        }
        // One nickname word, or two where the first is a common word ("Red Wings", "Blue
        // Jays"; never a given name and surname after a country, "the Netherlands Lotte Wilms").
        let mut b = 0;
        for j in [k + 1, k + 2] {
            if j <= words.len()
                && (k..j).all(|x| sent(a, x))
                && (j == k + 1 || words[k].is(flag::COMMON))
                && nickname_word(&words[j - 1])
            {
                b = j;
                break;
            }
        }
        if b == 0 || sent(a, b) {
            continue;
        }
        clubs.push((a, b, k));
    }
    if clubs.is_empty() {
        return;
    }
    // The nicknames: "the" before a club anywhere, or a sports report, confirms them; a club
    // word needs no confirming.
    let nick = |&(_, b, k): &(usize, usize, usize)| -> Vec<&str> {
        words[k..b].iter().map(|w| w.norm).collect()
    };
    let confirmed: Vec<Vec<&str>> = clubs
        .iter()
        .filter(|c| {
            c.1 > c.2
                && (sports
                    || clubs
                        .iter()
                        .any(|d| nick(d) == nick(c) && d.0 > 0 && words[d.0 - 1].norm == "the"))
        })
        .map(nick)
        .collect();
    let mut keep = vec![true; all.len()];
    let mut added: Vec<Mention> = Vec::new();
    for c in &clubs {
        let named = c.1 == c.2;
        if !named && !confirmed.contains(&nick(c)) {
            continue;
        }
        let (a, b, _) = *c;
        let (sa, sb) = (words[a].start, words[b - 1].end);
        let inside: Vec<usize> = (0..all.len())
            .filter(|&i| {
                body_name(&all[i]) && keep[i] && all[i].span.start < sb && all[i].span.end > sa
            })
            .collect();
        // Every name there lies within the club's words, none bound to a title, none a person
        // as a whole (unless a club word names the club: "Manchester United" is no one).
        let fits = !inside.is_empty()
            && inside.iter().all(|&i| {
                let m = &all[i];
                m.span.start >= sa
                    && m.span.end <= sb
                    && m.title_text.is_none()
                    && (named
                        || !(m.etype == EntityType::Person
                            && m.span.start == sa
                            && m.span.end == sb))
            });
        if !fits {
            continue;
        }
        if let [i] = inside[..] {
            if all[i].span.start == sa && all[i].span.end == sb {
                all[i].etype = EntityType::Organization;
                all[i].weak = false;
                all[i].gender = crate::gazetteer::Gender::Unknown;
                continue;
            }
        }
        for &i in &inside {
            keep[i] = false;
        }
        added.push(mentions::name_mention(
            words,
            a,
            a,
            b,
            EntityType::Organization,
            Field::Text,
        ));
    }
    // The nickname alone ("the Chiefs") is the club.
    for (i, m) in all.iter_mut().enumerate() {
        if !keep[i] || !body_name(m) || m.title_text.is_some() {
            continue;
        }
        let r = word_range(m.name.unwrap_or(m.span));
        let names: Vec<&str> = words[r].iter().map(|w| w.norm).collect();
        if confirmed.contains(&names) {
            m.etype = EntityType::Organization;
            m.weak = false;
        }
    }
    mentions::keep_and_add(all, &keep, added);
}

#[cfg(test)]
mod tests {
    use crate::test_support::kinds;
    use newsprobe_core::EntityType;

    fn kind_of(k: &[(String, EntityType)], name: &str) -> Option<EntityType> {
        k.iter().find(|(n, _)| n == name).map(|(_, t)| *t)
    }

    #[test]
    fn a_town_and_a_plural_nickname_are_a_club() {
        let k = kinds(
            "The Kansas City Chiefs beat the Miami Dolphins 24-20 on Sunday. \
Chiefs coach Andy Reid said his team had earned the win. The Dolphins travel to Denver next week, \
and the Philadelphia Eagles host Dallas.",
        );
        assert_eq!(
            kind_of(&k, "Kansas City Chiefs"),
            Some(EntityType::Organization),
            "{k:?}"
        );
        assert_eq!(
            kind_of(&k, "Miami Dolphins"),
            Some(EntityType::Organization),
            "{k:?}"
        );
        assert_eq!(
            kind_of(&k, "Philadelphia Eagles"),
            Some(EntityType::Organization),
            "{k:?}"
        );
        assert_eq!(kind_of(&k, "Denver"), Some(EntityType::Place), "{k:?}");
        // No lone "Miami" place or "Dolphins" person is left behind.
        assert_eq!(kind_of(&k, "Miami"), None, "{k:?}");
        assert!(
            k.iter()
                .all(|(n, t)| *t != EntityType::Person || n.contains("Reid")),
            "{k:?}"
        );
    }

    #[test]
    fn a_town_and_a_club_word_are_a_club() {
        let k = kinds(
            "Manchester United signed the striker from Real Madrid last summer. \
He scored twice against Tottenham Hotspur and once against Inter Milan, and he now lives in Manchester.",
        );
        for club in [
            "Manchester United",
            "Real Madrid",
            "Tottenham Hotspur",
            "Inter Milan",
        ] {
            assert_eq!(
                kind_of(&k, club),
                Some(EntityType::Organization),
                "{club}: {k:?}"
            );
        }
        assert_eq!(kind_of(&k, "Manchester"), Some(EntityType::Place), "{k:?}");
    }

    #[test]
    fn towns_with_plural_place_words_and_people_stay() {
        let k = kinds(
            "Tourists crowded the viewing platforms at Niagara Falls on Saturday. \
Austin Davis, a retired teacher from Palm Springs, said the mist was heavier than last year. \
She had read about the Nuremberg Laws in school.",
        );
        assert_eq!(
            kind_of(&k, "Niagara Falls"),
            Some(EntityType::Place),
            "{k:?}"
        );
        assert_eq!(
            kind_of(&k, "Palm Springs"),
            Some(EntityType::Place),
            "{k:?}"
        );
        assert!(
            k.iter().all(|(_, t)| *t != EntityType::Organization),
            "{k:?}"
        );
    }
}
