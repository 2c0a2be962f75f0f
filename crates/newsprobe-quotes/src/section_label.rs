//! Is an upper-case label before a colon a caption's or a section's label rather than a
//! speaker's? (issue 11, session 27)
//!
//! Tabloid pages copied into plain text keep their picture captions and link lines with an
//! upper-case label ("EXPLICIT: The teacher may lose her job over the leaked video [CEN]",
//! "BETRAYED: …", "DEFENCE: …", "FACT: …"): the label is a common word that cannot head a
//! speaker. A transcript's labels are names ("TAPPER:", "JAKE TAPPER:"), roles ("HOST:") or
//! initials ("Q:", "JP:"). Where at least half of a page's upper-case labels are such words, the
//! others are a caption's too ("ACCUSED:", "ROMP:" beside "EXPLICIT:" and "BETRAYED:").

use crate::speaker::Ctx;

/// Whether the upper-case label ending at token `last` is a caption's or a section's word:
/// longer than two letters (initials speak), a common word of the GUM train text that cannot
/// head a speaker, and no person or organisation the entity stage found ("BUSH:").
pub(crate) fn is_section_word(ctx: &Ctx, last: usize) -> bool {
    let w = ctx.word(last);
    w.chars().count() > 2
        && crate::name_front::is_common_word(w)
        && !crate::junk::can_head_speaker(w)
        && !names_someone(ctx, last)
}

/// Whether a person or organisation mention of the entity stage covers token `k`.
fn names_someone(ctx: &Ctx, k: usize) -> bool {
    let span = ctx.span(k);
    ctx.doc.entities.iter().any(|e| {
        matches!(
            e.kind,
            newsprobe_core::EntityType::Person | newsprobe_core::EntityType::Organization
        ) && e.mentions.iter().any(|m| m.overlaps(&span))
    })
}

/// The upper-case labels (`(paragraph start, label's last token)`, in text order) that name
/// speakers: those that are no caption's word, none where at least half of them are.
pub(crate) fn speaker_labels<T: Copy>(ctx: &Ctx, labels: &[(T, usize)]) -> Vec<T> {
    let section: Vec<bool> = labels
        .iter()
        .map(|&(_, last)| is_section_word(ctx, last))
        .collect();
    let n = section.iter().filter(|&&s| s).count();
    if n > 0 && 2 * n >= labels.len() {
        return Vec::new();
    }
    labels
        .iter()
        .zip(&section)
        .filter(|(_, &s)| !s)
        .map(|(&(t, _), _)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::test_support::analyzed;

    fn speakers(text: &str) -> Vec<String> {
        let doc = analyzed(text);
        doc.quotes
            .iter()
            .filter_map(|q| q.source.name.clone())
            .collect()
    }

    /// A tabloid's caption labels are no speakers, even those that are no common word.
    #[test]
    fn caption_labels_are_no_speakers() {
        let text = "Curvy Ana Ruiz, 26, has been accused of romping with a student.\n\n\
            The boy, who has not been identified, told Ruiz he had deleted the video.\n\n\
            EXPLICIT: The teacher may lose her job over the leaked video [CEN]\n\
            ACCUSED: It is not the first time Ruiz has been accused of improper conduct [CEN]\n\
            BETRAYED: The teacher asked the teen to delete the video [CEN]\n\
            School officials have said they will be forced to act.\n\n\
            ROMP: A screenshot of the viral video which may cost the teacher her job [CEN]\n\
            The teacher is suspended from work pending an investigation.";
        let names = speakers(text);
        for label in ["EXPLICIT", "ACCUSED", "BETRAYED", "ROMP"] {
            assert!(!names.iter().any(|n| n == label), "{label}: {names:?}");
        }
    }

    /// A transcript's labels are names, roles and initials: its speakers.
    #[test]
    fn transcript_labels_still_speak() {
        let text = "The interview went on.\n\n\
            TAPPER: Is the president helping heal the racial divides?\n\n\
            FALLIN: I think he is trying to bring people together.\n\n\
            TAPPER: You think he has done that?\n\n\
            FALLIN: Yes, and so should the next president.";
        let names = speakers(text);
        assert!(names.iter().any(|n| n == "TAPPER"), "{names:?}");
        assert!(names.iter().any(|n| n == "FALLIN"), "{names:?}");
    }
}
