//! The entity error classes of issue 11, each on text written for the project in the style of
//! the articles where they were seen.

mod common;

use common::{analysed, kind_of, kinds};
use newsprobe_core::{DescriptorKind, EntityType};

#[test]
fn south_sudan_is_one_place() {
    let doc = analysed(
        "Fighting broke out near the border between Sudan and South Sudan on Tuesday. \
         South Sudan accused its northern neighbour of bombing oil fields, while Sudan denied it.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "South Sudan"),
        Some(EntityType::Place),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "South"), "{k:?}");
    let south_sudan = doc.entity_named("South Sudan").unwrap();
    let sudan = doc.entity_named("Sudan").unwrap();
    assert_ne!(south_sudan.id, sudan.id, "two adversaries merged: {k:?}");
}

#[test]
fn companies_schools_and_offices_are_not_people() {
    let doc = analysed(
        "A spokesperson for the Prime Minister's Office said the contract with Halvorsen Logistics Inc. \
         was under review. Pupils at Riverside Collegiate Institute were sent home early, and \
         Halvorsen Logistics said it would cooperate.",
    );
    let k = kinds(&doc);
    for (name, kind) in &k {
        if name.contains("Office") || name.contains("Halvorsen") || name.contains("Collegiate") {
            assert_ne!(*kind, EntityType::Person, "{name} typed person: {k:?}");
        }
    }
}

#[test]
fn a_title_nearby_does_not_make_places_or_organisations_people() {
    let doc = analysed(
        "Foreign Minister Amara Kello arrived in Nairobi on Sunday. Minister Kello met the \
         Kenya Ports Authority before flying on to Mombasa.",
    );
    let k = kinds(&doc);
    assert_eq!(kind_of(&doc, "Nairobi"), Some(EntityType::Place), "{k:?}");
    assert_ne!(kind_of(&doc, "Mombasa"), Some(EntityType::Person), "{k:?}");
    assert_ne!(
        kind_of(&doc, "Kenya Ports Authority"),
        Some(EntityType::Person),
        "{k:?}"
    );
}

#[test]
fn a_tv_show_is_no_place_and_does_not_absorb_doctors() {
    let doc = analysed(
        "The new season of Doctor Who drew 6 million viewers on Saturday. Doctor Helen Marsh, \
         a psychologist, said the show helped children talk about fear. Dr. Marsh added that \
         Doctor Who had always been watched by families.",
    );
    let k = kinds(&doc);
    assert!(
        !k.iter()
            .any(|(n, t)| n.contains("Doctor Who") && *t == EntityType::Place),
        "{k:?}"
    );
    if let Some(show) = doc.entity_named("Doctor Who") {
        let texts = doc.mention_texts(show);
        assert!(!texts.iter().any(|t| t.contains("Marsh")), "{texts:?}");
    }
}

#[test]
fn descriptions_are_not_taken_from_inside_other_phrases() {
    let doc = analysed(
        "The ministry said the general public would be informed. Members of the general public \
         queued outside, and the general assembly of the union met later.",
    );
    for e in &doc.entities {
        for t in doc.mention_texts(e) {
            assert!(
                !t.eq_ignore_ascii_case("the general"),
                "{t:?} taken from inside a phrase: {:?}",
                kinds(&doc)
            );
        }
    }
}

#[test]
fn mr_is_never_a_role() {
    let doc = analysed(
        "Mr. Daniel Okafor, a contractor from Lagos, was charged on Friday. Mr. Okafor denied \
         the allegations, his lawyer said.",
    );
    for e in &doc.entities {
        for d in &e.descriptors {
            if d.kind == DescriptorKind::Role {
                let t = doc.span_text(&d.span).trim_end_matches('.').to_lowercase();
                assert_ne!(t, "mr", "Mr. as a role of {}", e.name);
            }
        }
    }
}

#[test]
fn initials_and_suffixes_stay_inside_names() {
    let doc = analysed(
        "The memorial to Franklin D. Roosevelt was crowded on Sunday. Two of the burglars, \
         James W. McCord Jr. and G. Gordon Liddy, were later convicted, court records show.",
    );
    let k = kinds(&doc);
    for name in [
        "Franklin D. Roosevelt",
        "James W. McCord Jr.",
        "G. Gordon Liddy",
    ] {
        assert_eq!(
            kind_of(&doc, name),
            Some(EntityType::Person),
            "{name}: {k:?}"
        );
    }
    for fragment in ["Franklin D", "James W", "McCord Jr", "G", "Roosevelt"] {
        assert!(!k.iter().any(|(n, _)| n == fragment), "{fragment}: {k:?}");
    }
}

#[test]
fn names_joined_by_and_stay_apart() {
    let doc = analysed(
        "The Saints signed Reggie Bush and Julius Jones before the season opened. \
         Analysts at Kraft Foods and Arbor Networks said the outage lasted two hours.",
    );
    let k = kinds(&doc);
    assert!(
        !k.iter().any(|(n, _)| n.contains(" and ")),
        "two names made one: {k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Reggie Bush"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Julius Jones"),
        Some(EntityType::Person),
        "{k:?}"
    );
}

#[test]
fn company_names_without_a_known_head_word_are_not_people() {
    let doc = analysed(
        "Shares of Tolliver Networks rose 4 percent after the company reported record sales. \
         Analysts at Brightwater Financial said Tolliver Networks had gained customers in Ohio.",
    );
    let k = kinds(&doc);
    for (name, kind) in &k {
        if name.contains("Tolliver") || name.contains("Brightwater") {
            assert_ne!(*kind, EntityType::Person, "{name} typed person: {k:?}");
        }
    }
}

#[test]
fn known_places_stay_places() {
    let doc = analysed(
        "The dairy plant in Anchorage closed last spring. Its owner, who grew up in Arizona, \
         said the herd would be sold to a farm near Fairbanks.",
    );
    let k = kinds(&doc);
    for name in ["Anchorage", "Arizona"] {
        assert_eq!(
            kind_of(&doc, name),
            Some(EntityType::Place),
            "{name}: {k:?}"
        );
    }
}

#[test]
fn guilds_and_newspapers_are_organisations() {
    let doc = analysed(
        "Members of the Writers Guild voted to end the strike on Friday, the Halifax Chronicle \
         reported. A spokesperson for the guild, Dana Morrow, said talks with the studios had \
         gone well.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Writers Guild"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Halifax Chronicle"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert!(
        !k.iter().any(|(n, _)| n.contains("of the Writers")),
        "a description joined to the guild's name: {k:?}"
    );
}

#[test]
fn a_person_speaking_for_an_organisation_stays_apart_from_it() {
    let doc = analysed(
        "\"We are watching the river,\" said Omar Haddad for Harbor Logistics Group. The company \
         moved its trucks to higher ground.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Omar Haddad"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert!(
        !k.iter()
            .any(|(n, _)| n.contains("Haddad") && n.contains("Harbor")),
        "{k:?}"
    );
    assert_ne!(
        kind_of(&doc, "Harbor Logistics Group"),
        Some(EntityType::Person),
        "{k:?}"
    );
}

#[test]
fn cities_the_hand_written_lists_lack_are_places() {
    let doc = analysed(
        "Flood waters reached Tuscaloosa on Sunday, and shelters opened in Chattanooga and \
         Lubbock, officials said. Crews from Fresno were sent east.",
    );
    let k = kinds(&doc);
    for city in ["Tuscaloosa", "Chattanooga", "Lubbock", "Fresno"] {
        assert_eq!(
            kind_of(&doc, city),
            Some(EntityType::Place),
            "{city}: {k:?}"
        );
    }
}

#[test]
fn an_institute_named_after_a_person_is_no_person() {
    // The head word stands before "for"/"of", not last; the founder's first name opens the name.
    let doc = analysed(
        "The simulation was run by astronomers at the Max Planck Institute for Astrophysics in \
         Garching. Julia Brandt, who led the work, said the Walter Hoffmann Foundation for \
         Marine Research had paid for the computer time.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Max Planck Institute for Astrophysics"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Walter Hoffmann Foundation for Marine Research"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Julia Brandt"),
        Some(EntityType::Person),
        "{k:?}"
    );
}

#[test]
fn and_inside_an_organisation_name_stays_inside() {
    let doc = analysed(
        "The Department of Health and Human Services said on Friday that the Museum of Science \
         and Industry would host the exhibit. Officials at the Department of Justice \
         and FBI Director Ellen Marsh declined to comment.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Department of Health and Human Services"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "Human Services"), "{k:?}");
    assert!(
        k.iter().any(|(n, _)| n == "Museum of Science and Industry"),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n.contains("Justice and")), "{k:?}");
    assert_eq!(
        kind_of(&doc, "Ellen Marsh"),
        Some(EntityType::Person),
        "{k:?}"
    );
}

#[test]
fn a_name_with_an_organisation_head_inside_is_an_organisation() {
    // The head word is not the last word: "Archives" and "Friends" end the names (the rules read
    // the first as a person, the typer left the second untyped before it saw where the head is).
    let doc = analysed(
        "The archive at Tromso Technical College Archives said more letters would follow. \
         Staff of Brennick Army Museum Friends helped to sort them.",
    );
    let k = kinds(&doc);
    for name in [
        "Tromso Technical College Archives",
        "Brennick Army Museum Friends",
    ] {
        assert_eq!(kind_of(&doc, name), Some(EntityType::Organization), "{k:?}");
    }
}

#[test]
fn a_question_word_is_no_acronym() {
    let doc = analysed(
        "Who will pay for the clinic? WHO officials said on Monday that the World Health \
         Organization would cover half. Who else would help was not clear.",
    );
    let k = kinds(&doc);
    assert!(!k.iter().any(|(n, _)| n == "Who"), "{k:?}");
    // "WHO" is a mention of the World Health Organization.
    assert!(
        k.iter()
            .any(|(n, t)| n == "World Health Organization" && *t == EntityType::Organization),
        "{k:?}"
    );
}

#[test]
fn an_acronym_the_article_defines_is_an_organisation_throughout() {
    let doc = analysed(
        "Parents Against Reckless Driving (PARD) called for tougher penalties on Monday. PARD said \
         the driver had two earlier convictions, and a PARD volunteer read the victims' names.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Parents Against Reckless Driving"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert!(
        k.iter()
            .all(|(n, t)| n != "PARD" || *t == EntityType::Organization),
        "{k:?}"
    );
    // A defined law or measure is no organisation.
    let doc = analysed(
        "The Coastal Fisheries Recovery Act (CFRA) takes effect in June. Under the CFRA, boats \
         must report every catch.",
    );
    let k = kinds(&doc);
    assert!(
        !k.iter().any(|(_, t)| *t == EntityType::Organization),
        "{k:?}"
    );
}

#[test]
fn well_known_acronyms_are_organisations() {
    let doc = analysed(
        "The NFL fined the club on Monday. Officials of the NFL said the fine was the largest this \
         season. The WBA and the IBF stripped the boxer of his titles, and the CHP closed the road.",
    );
    let k = kinds(&doc);
    for name in ["NFL", "WBA", "IBF", "CHP"] {
        assert_eq!(
            kind_of(&doc, name),
            Some(EntityType::Organization),
            "{name}: {k:?}"
        );
    }
}

#[test]
fn common_words_before_a_listed_council_are_part_of_its_name() {
    let doc = analysed(
        "A Ukraine specialist on the National Security Council testified on Tuesday. The council \
         staff had raised concerns earlier.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "National Security Council"),
        Some(EntityType::Organization),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "National"), "{k:?}");
}

#[test]
fn a_capitalised_word_that_names_nothing_is_no_place() {
    // The rules read "Q3" as a place name; the mention typer, far surer that it names nothing,
    // untypes it (session 10), while the places around it stay places.
    let doc = analysed(
        "Shares of Harborline Supply fell 6% on Tuesday after the home-improvement retailer missed \
         analysts' estimates for the quarter.\n\n\
         \"While certainly a disappointing result, we note that the company faced a hurricane \
         headwind in Q3, and lumber remains deeply deflationary,\" analyst Mara Ellison wrote in a \
         research note. \"Excluding these items, we believe Q3 sales would have been closer to 4%.\"\n\n\
         The retailer, based in Atlanta, said it would open 12 stores in Georgia next year.",
    );
    let k = kinds(&doc);
    assert_ne!(kind_of(&doc, "Q3"), Some(EntityType::Place), "{k:?}");
    assert_eq!(kind_of(&doc, "Atlanta"), Some(EntityType::Place), "{k:?}");
    assert_eq!(kind_of(&doc, "Georgia"), Some(EntityType::Place), "{k:?}");
}

#[test]
fn one_name_takes_one_type_throughout_an_article() {
    // "Byron" is also a town: read alone after "from" it was a place, one entity beside the
    // poet's (session 11: the typer's scores summed over all the name's mentions decide).
    let doc = analysed(
        "A bundle of letters written by Byron in the summer of 1816 will be auctioned in London \
         next month. In Byron's hand, the pages describe storms over the lake and quarrels with \
         his publisher. Byron wrote most of them at night, the auction house said. Collectors \
         expect the letters from Byron to fetch more than the estimate. Byron, who died in 1824, \
         remains the most collected poet of his age.",
    );
    let k = kinds(&doc);
    let byron: Vec<_> = k.iter().filter(|(n, _)| n == "Byron").collect();
    assert_eq!(byron.len(), 1, "{k:?}");
    assert_eq!(byron[0].1, EntityType::Person, "{k:?}");
    let mentions = doc.mention_texts(doc.entity_named("Byron").unwrap());
    assert_eq!(
        mentions.iter().filter(|&&t| t == "Byron").count(),
        5,
        "{mentions:?}"
    );
}
