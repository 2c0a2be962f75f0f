//! One test per change kind derived from the sentence alignment, on wire-style text written for
//! the project: a source report, a same-story distractor, and a rewrite that changes one thing.

use newsprobe_archive::store::plain_report;
use newsprobe_archive::trace::{ChangeKind, SupportStatus, TraceOptions};
use newsprobe_archive::{Archive, Trace};

const SOURCE: &str = "Interior Minister Anna Berg said on Tuesday that investigators had recorded \
interference with navigation signals on 41 days since January.\n\nThe interference could affect \
flights to the northern airports, the civil aviation authority said in a statement.\n\nBerg told \
reporters that the government would ask the European Commission for help with new receivers. \
“We have recorded interference on 41 days since January,” she said.\n\nThe ministry said about \
12 homes near the Kallio radar station had lost their satellite television signal.";

const DISTRACTOR: &str = "Interior Minister Anna Berg opened a new border guard station in \
Kallio on Monday. The station will employ 40 officers and cost 12 million euros, the ministry \
said. Berg said the border would stay open during the winter season.";

fn trace(rewrite: &str) -> Trace {
    let mut a = Archive::in_memory().unwrap();
    a.ingest(&[
        plain_report(
            "wire-berg",
            Some("wire.example"),
            Some("2026-02-10T08:00:00Z"),
            Some("Minister: navigation signals jammed on 41 days this year"),
            SOURCE,
        ),
        plain_report(
            "wire-kallio",
            Some("wire.example"),
            Some("2026-02-09T08:00:00Z"),
            Some("New border station opens in Kallio"),
            DISTRACTOR,
        ),
    ])
    .unwrap();
    let input = plain_report(
        "rewrite",
        Some("alarm.example"),
        Some("2026-02-12T08:00:00Z"),
        Some("Navigation signals jammed on dozens of days, minister says"),
        rewrite,
    );
    a.trace(&input, &TraceOptions::default()).unwrap()
}

fn found(t: &Trace, kind: ChangeKind, text: &str) -> bool {
    t.changes
        .iter()
        .any(|c| c.kind == kind && c.article_span.text.contains(text))
}

fn none_of(t: &Trace, kind: ChangeKind) -> bool {
    !t.changes.iter().any(|c| c.kind == kind)
}

#[test]
fn the_source_ranks_above_the_same_story_distractor() {
    let t = trace(
        "Investigators have recorded interference with navigation signals on 41 days since \
         January, Interior Minister Anna Berg said on Tuesday.",
    );
    assert_eq!(t.sources.first().map(|s| s.id.as_str()), Some("wire-berg"));
    assert!(
        t.support
            .iter()
            .all(|r| r.status == SupportStatus::Supported),
        "{t:#?}"
    );
}

#[test]
fn number_changed() {
    let t = trace(
        "Interior Minister Anna Berg said on Tuesday that investigators had recorded \
         interference with navigation signals on 410 days since January.",
    );
    assert!(found(&t, ChangeKind::NumberChanged, "410"), "{t:#?}");
    let t = trace(
        "The ministry said hundreds of homes near the Kallio radar station had lost their \
         satellite television signal.",
    );
    assert!(found(&t, ChangeKind::NumberChanged, "hundreds"), "{t:#?}");
}

#[test]
fn hedge_removed() {
    let t = trace(
        "The interference will affect flights to the northern airports, the civil aviation \
         authority said in a statement.",
    );
    assert!(found(&t, ChangeKind::HedgeRemoved, "will"), "{t:#?}");
    assert!(none_of(&t, ChangeKind::AttributionDropped), "{t:#?}");
}

#[test]
fn date_changed() {
    let t = trace(
        "Interior Minister Anna Berg said on Friday that investigators had recorded \
         interference with navigation signals on 41 days since January.",
    );
    assert!(found(&t, ChangeKind::DateChanged, "Friday"), "{t:#?}");
}

#[test]
fn attribution_dropped() {
    let t = trace("The interference could affect flights to the northern airports.");
    assert!(
        found(&t, ChangeKind::AttributionDropped, "northern airports"),
        "{t:#?}"
    );
}

#[test]
fn unsupported_claim() {
    let t = trace(
        "Interior Minister Anna Berg said on Tuesday that investigators had recorded \
         interference with navigation signals on 41 days since January. Military planners \
         secretly believe the jamming is preparation for an invasion of the northern islands.",
    );
    assert!(
        found(&t, ChangeKind::UnsupportedClaim, "invasion"),
        "{t:#?}"
    );
    let unsupported = t
        .support
        .iter()
        .filter(|r| r.status == SupportStatus::Unsupported)
        .count();
    assert_eq!(unsupported, 1, "{t:#?}");
}

#[test]
fn extended_quote_is_altered_with_the_added_words() {
    let t = trace(
        "Berg told reporters that the government would ask the European Commission for help. \
         “We have recorded interference on 41 days since January, and NATO is behind it,” she \
         said.",
    );
    let c = t
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::QuoteAltered)
        .unwrap_or_else(|| panic!("{t:#?}"));
    let words = c.words.as_ref().unwrap();
    assert_eq!(words.added, ["and nato is behind it"], "{c:#?}");
    assert!(none_of(&t, ChangeKind::QuoteUnsourced), "{t:#?}");
}

#[test]
fn former_added_to_a_role() {
    let t = trace(
        "Former Interior Minister Anna Berg said on Tuesday that investigators had recorded \
         interference with navigation signals on 41 days since January.",
    );
    assert!(
        found(
            &t,
            ChangeKind::DescriptorChanged,
            "Former Interior Minister"
        ),
        "{t:#?}"
    );
}

#[test]
fn invented_quote_given_to_an_anonymous_official_is_not_a_speaker_change() {
    let t = trace(
        "Berg told reporters that the government would ask the European Commission for help \
         with new receivers. “The jamming comes from across the border and everyone knows it,” \
         a senior official said.",
    );
    assert!(none_of(&t, ChangeKind::SpeakerChanged), "{t:#?}");
    assert!(found(&t, ChangeKind::QuoteUnsourced, "jamming"), "{t:#?}");
}

#[test]
fn hedge_removed_though_another_hedge_stays() {
    // "could affect" became "will affect"; the "could" of the added clause hides nothing.
    let t = trace(
        "The interference will affect flights to the northern airports, which could face \
         delays, the civil aviation authority said in a statement.",
    );
    assert!(found(&t, ChangeKind::HedgeRemoved, "will"), "{t:#?}");
}

#[test]
fn hedge_removed_from_a_moved_number() {
    // "about 12 homes" → "12 homes", the attribution moved to the end.
    let t = trace(
        "12 homes near the Kallio radar station had lost their satellite television signal, \
         the ministry said.",
    );
    assert!(found(&t, ChangeKind::HedgeRemoved, "12"), "{t:#?}");
    assert!(none_of(&t, ChangeKind::AttributionDropped), "{t:#?}");
}

#[test]
fn attribution_dropped_though_the_sentence_keeps_a_passive_verb() {
    // "Berg told reporters that …" became a statement of fact; "was announced" is no speaker.
    let t = trace(
        "The government would ask the European Commission for help with new receivers that \
         were announced last year.",
    );
    assert!(
        found(&t, ChangeKind::AttributionDropped, "European Commission"),
        "{t:#?}"
    );
}

#[test]
fn setting_added_where_the_source_gives_none() {
    let t = trace_with(
        "Fire crews pumped water out of the flooded cellars overnight, fire chief Olli \
         Rantanen said.",
        "Fire crews pumped water out of the flooded cellars overnight, fire chief Olli \
         Rantanen said in a closed-door meeting.",
    );
    assert!(
        found(&t, ChangeKind::SettingChanged, "closed-door meeting"),
        "{t:#?}"
    );
}

#[test]
fn speaker_changed_between_named_people() {
    let src = "“The pumps will run through the night and the bridge stays closed,” fire chief \
               Olli Rantanen said at the scene.\n\n“We are not aware of any leak at the \
               plant,” Mr. Rantanen said.";
    let t = trace_with(
        src,
        "“The pumps will run through the night and the bridge stays closed,” Mayor Liisa Aho \
         said at the scene.",
    );
    assert!(found(&t, ChangeKind::SpeakerChanged, "Liisa Aho"), "{t:#?}");
    // A title with its period ("Mr. Rantanen") is read as one name.
    let t = trace_with(
        src,
        "“We are not aware of any leak at the plant,” Mr. Aho said.",
    );
    assert!(found(&t, ChangeKind::SpeakerChanged, "Aho"), "{t:#?}");
    // The same words, the same speaker: nothing changed.
    let t = trace_with(
        src,
        "“We are not aware of any leak at the plant,” Rantanen said.",
    );
    assert!(none_of(&t, ChangeKind::SpeakerChanged), "{t:#?}");
}

/// A trace of `rewrite` against one source report `source` and the distractor.
fn trace_with(source: &str, rewrite: &str) -> Trace {
    let mut a = Archive::in_memory().unwrap();
    a.ingest(&[
        plain_report(
            "wire-flood",
            Some("wire.example"),
            Some("2026-02-10T08:00:00Z"),
            Some("Floods close the Vantaa bridge"),
            source,
        ),
        plain_report(
            "wire-kallio",
            Some("wire.example"),
            Some("2026-02-09T08:00:00Z"),
            Some("New border station opens in Kallio"),
            DISTRACTOR,
        ),
    ])
    .unwrap();
    let input = plain_report(
        "rewrite",
        Some("alarm.example"),
        Some("2026-02-12T08:00:00Z"),
        Some("Floods: the bridge stays closed"),
        rewrite,
    );
    a.trace(&input, &TraceOptions::default()).unwrap()
}

/// A light rewrite of its source (a near-copy at an estimated Jaccard under 0.8) is the
/// original reporting, not a copy that already carries the rewrite's changes: its changed
/// number is found against it, even with a second same-story source in the archive.
#[test]
fn a_light_rewrite_is_aligned_with_its_source() {
    let rewrite = SOURCE
        .replace("41 days since January.\n", "60 days since January.\n")
        .replace(
            "The interference could affect flights to the northern airports, the civil aviation \
             authority said in a statement.",
            "Flights to airports in the north could be hit, according to the civil aviation \
             authority.",
        );
    let t = trace(&rewrite);
    // The premise: the rewrite is a near-copy of its source, under 0.8, and the distractor is
    // listed too.
    let near = t
        .sources
        .iter()
        .find(|s| s.id == "wire-berg")
        .and_then(|s| s.evidence.near_copy);
    assert!(near.is_some_and(|j| (0.5..0.8).contains(&j)), "{near:?}");
    assert!(t.sources.iter().any(|s| s.id == "wire-kallio"));
    assert!(
        found(&t, ChangeKind::NumberChanged, "60"),
        "{:?}",
        t.changes
    );
}
