//! An organisation's name or a role run together with the next person's name (issue 11, session
//! 21): two entities, not one. Text written for the project in the style of the articles where
//! the class was seen.

mod common;

use common::{analysed, kind_of, kinds};
use newsprobe_core::EntityType;

#[test]
fn an_organisation_then_its_spokesman_are_two_entities() {
    let doc = analysed(
        "Housing charities criticised the plan on Monday. The chief executive of the Tenants \
         Council Oskar Varga said the new rules would leave hundreds of families without a home. \
         Varga added that the council had not been consulted.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Oskar Varga"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert!(
        !k.iter()
            .any(|(n, _)| n.contains("Council") && n.contains("Varga")),
        "{k:?}"
    );
}

#[test]
fn a_role_before_a_name_is_a_title_not_an_organisation() {
    let doc = analysed(
        "National Security Adviser Dana Whitcombe told reporters the talks would resume next \
         week. Whitcombe declined to say where they would be held.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Dana Whitcombe"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n.contains("Adviser")), "{k:?}");
}

#[test]
fn an_outlet_or_country_before_a_repeated_name_does_not_absorb_it() {
    let doc = analysed(
        "CNN's Rania Kalbouni asked the minister about the convoy. Kalbouni said later that the \
         answer raised more questions. Serbia Dusan Petrak won the opening singles match, and \
         Petrak will play again on Sunday.",
    );
    let k = kinds(&doc);
    assert_eq!(
        kind_of(&doc, "Rania Kalbouni"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert_eq!(
        kind_of(&doc, "Dusan Petrak"),
        Some(EntityType::Person),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n.contains("CNN ")), "{k:?}");
}

#[test]
fn venues_teams_and_list_lines_stay_whole() {
    let doc = analysed(
        "Tour dates:\nJune 10 – Tampa, FL @ Lakeside Credit Union Amphitheatre\nJune 14 – Dayton, OH \
         @ Riverside Amphitheatre\n\nThe game between the Denver Broncos and Kansas City \
         Chiefs will air on Sunday.",
    );
    let k = kinds(&doc);
    assert!(
        !k.iter()
            .any(|(n, _)| n == "Amphitheatre June" || n == "City Chiefs"),
        "{k:?}"
    );
}
