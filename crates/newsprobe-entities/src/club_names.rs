//! Is this one-word name a sports club known by its nickname or its town alone ("the Chiefs",
//! "the Saints", "Tottenham", "Porto") in a sports report? [`crate::teams`] finds clubs named in
//! full ("the Kansas City Chiefs") and then their nickname alone; a report that only ever writes
//! "the Patriots" or "Tottenham" left them untyped or made them people. The major North
//! American leagues' nicknames and the European clubs best known by one word are a closed list:
//! a table is the right answer, read only in a sports report (where "Patriots", "Saints" and
//! "Lions" are clubs, not groups of people) and never for a name bound to a title.

use newsprobe_core::{EntityType, Field};

use crate::mentions::{Mention, MentionKind, Word};

/// Nicknames of NFL, NBA, MLB and NHL clubs (normalised), and one-word European clubs.
const CLUBS: &[&str] = &[
    // NFL
    "cardinals",
    "falcons",
    "ravens",
    "bills",
    "panthers",
    "bears",
    "bengals",
    "browns",
    "cowboys",
    "broncos",
    "lions",
    "packers",
    "texans",
    "colts",
    "jaguars",
    "chiefs",
    "raiders",
    "chargers",
    "rams",
    "dolphins",
    "vikings",
    "patriots",
    "saints",
    "giants",
    "jets",
    "eagles",
    "steelers",
    "49ers",
    "seahawks",
    "buccaneers",
    "titans",
    "commanders",
    "redskins",
    // NBA
    "celtics",
    "nets",
    "knicks",
    "76ers",
    "sixers",
    "raptors",
    "bulls",
    "cavaliers",
    "cavs",
    "pistons",
    "pacers",
    "bucks",
    "hawks",
    "hornets",
    "heat",
    "magic",
    "wizards",
    "nuggets",
    "timberwolves",
    "thunder",
    "trail blazers",
    "blazers",
    "jazz",
    "warriors",
    "clippers",
    "lakers",
    "suns",
    "kings",
    "mavericks",
    "mavs",
    "rockets",
    "grizzlies",
    "pelicans",
    "spurs",
    // MLB
    "yankees",
    "mets",
    "red sox",
    "orioles",
    "blue jays",
    "rays",
    "white sox",
    "guardians",
    "tigers",
    "royals",
    "twins",
    "astros",
    "angels",
    "athletics",
    "mariners",
    "rangers",
    "braves",
    "marlins",
    "phillies",
    "nationals",
    "cubs",
    "reds",
    "brewers",
    "pirates",
    "diamondbacks",
    "rockies",
    "dodgers",
    "padres",
    // NHL
    "bruins",
    "sabres",
    "red wings",
    "canadiens",
    "senators",
    "lightning",
    "maple leafs",
    "hurricanes",
    "blue jackets",
    "devils",
    "islanders",
    "flyers",
    "penguins",
    "capitals",
    "blackhawks",
    "avalanche",
    "stars",
    "wild",
    "predators",
    "blues",
    "flames",
    "oilers",
    "canucks",
    "ducks",
    "sharks",
    "golden knights",
    "kraken",
    "coyotes",
    // European clubs known by one word
    "arsenal",
    "chelsea",
    "tottenham",
    "everton",
    "fulham",
    "juventus",
    "benfica",
    "porto",
    "ajax",
    "celtic",
    "feyenoord",
    "psv",
    "galatasaray",
    "fenerbahce",
    "besiktas",
];

/// Types as organisations the body names, in a sports report, that are exactly a club of
/// [`CLUBS`] (no title bound to them; the rules' person reading of "Tottenham" gives way).
pub fn type_club_names(words: &[Word], sports: bool, all: &mut [Mention]) {
    if !sports {
        return;
    }
    let word_range = |s: newsprobe_core::Span| {
        let a = words.partition_point(|w| w.end <= s.start);
        let b = words.partition_point(|w| w.start < s.end);
        a..b.max(a)
    };
    let mut name = String::new();
    for m in all.iter_mut() {
        if m.kind != MentionKind::Name
            || m.span.field != Field::Text
            || m.title_text.is_some()
            || m.etype == EntityType::Organization
        {
            continue;
        }
        let r = word_range(m.name.unwrap_or(m.span));
        if r.is_empty() || r.len() > 2 || words[r.clone()].iter().any(|w| !w.cap) {
            continue;
        }
        name.clear();
        for (k, w) in words[r].iter().enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(w.norm);
        }
        if CLUBS.contains(&name.as_str()) {
            m.etype = EntityType::Organization;
            m.weak = false;
            m.gender = crate::gazetteer::Gender::Unknown;
        }
    }
}

#[cfg(test)]
mod tests {
    use newsprobe_core::{Document, EntityType};

    use crate::test_support::kind;

    #[test]
    fn clubs_by_nickname_or_town_in_a_sports_report() {
        let text = "The Saints beat the Vikings 24-17 on Sunday, and the Chiefs lost to the \
Patriots. Quarterback Tom Berry threw two touchdown passes in the fourth quarter. \
In London, Tottenham drew with Chelsea after the coach rested three players for the league game.";
        crate::test_support::assert_typed(
            text,
            &[
                "Saints",
                "Vikings",
                "Chiefs",
                "Patriots",
                "Tottenham",
                "Chelsea",
            ],
            EntityType::Organization,
        );
    }

    #[test]
    fn not_outside_sports_reports() {
        let text = "The Patriots, a group of farmers from Ohio, marched to the state house. \
Their leader, Ann Cole, said the Saints of the old church had fed them.";
        let mut doc = Document::from_text(None, text);
        crate::annotate(&mut doc, None);
        assert_ne!(kind(&doc, "Patriots"), Some(EntityType::Organization));
    }
}
