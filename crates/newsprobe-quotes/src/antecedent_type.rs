//! A pronoun speaker carries the source type its antecedent was given (issue 11, session 24).
//!
//! The resolver hands a pronoun ("they said", "she added") the type it stored with the referent
//! it reads back to. The rules that type a speaker after the resolver ("the singer's reps" is an
//! identifiable group, `unnamed`; "the network" of a named broadcaster is `named`; "a senior
//! official, who declined to be named" is `anonymous`) change the quote whose mention they read,
//! not the referent: so "the singer's reps confirmed …" was `unnamed` and the next paragraph's
//! "“…,” they said", resolved to the same reps, `vague`. The contract types a source "however the
//! quote refers to them": the pronoun's quote takes the type of the latest quote before it whose
//! speaker was written out (no pronoun) and reached the same name and entity. Only the type
//! changes; no name shown changes.

use std::collections::HashMap;

use newsprobe_core::{QuoteSource, SourceType};

use crate::lexicon;
use crate::speaker::{Ctx, Mention};
use crate::Found;

/// Whether the mention is a lone pronoun ("they", "she", "it").
fn is_pronoun(ctx: &Ctx, m: &Mention) -> bool {
    m.first == m.last && m.last < ctx.len() && lexicon::pronoun(ctx.word(m.first)).is_some()
}

/// Gives each quote whose speaker is a pronoun resolved to a name the final type of the latest
/// earlier quote whose written-out speaker reached the same name and entity.
pub fn carry(ctx: &Ctx, found: &[Found], sources: &mut [Option<QuoteSource>]) {
    let mut order: Vec<usize> = (0..found.len().min(sources.len()))
        .filter(|&i| found[i].speaker.is_some())
        .collect();
    order.sort_by_key(|&i| found[i].speaker.map(|m| m.span.start));
    let mut last: HashMap<(String, Option<String>), SourceType> = HashMap::new();
    for i in order {
        let (Some(m), Some(s)) = (found[i].speaker, sources[i].as_mut()) else {
            continue;
        };
        let Some(name) = s.name.clone() else {
            continue;
        };
        let key = (name, s.entity.clone());
        if is_pronoun(ctx, &m) {
            if let Some(&kind) = last.get(&key) {
                // (Never to or from `unattributed`: a pronoun with a name has a source.)
                if kind != SourceType::Unattributed && s.kind != SourceType::Unattributed {
                    s.kind = kind;
                }
            }
        } else {
            last.insert(key, s.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// "the singer's reps confirmed …" is an identifiable group (`unnamed`); "they said" of
    /// the same reps in the next paragraph is too, not a vague crowd.
    #[test]
    fn a_pronoun_takes_its_antecedents_retyped_type() {
        let text = "Rumours spread on Monday that the country singer Dale Hartley had died in a \
            car crash outside Nashville. Fans left hundreds of messages on his Facebook page.\n\n\
            On Tuesday the singer's reps confirmed that Hartley was alive and at home with his \
            family.\n\n\
            “He is fine and looking forward to his tour in the spring,” they said in a statement.";
        let (name, kind) = source_of(text, "Hartley was alive");
        assert_eq!(name.as_deref(), Some("the singer's reps"));
        assert_eq!(kind, SourceType::Unnamed);
        let (name, kind) = source_of(text, "looking forward to his tour");
        assert_eq!(name.as_deref(), Some("the singer's reps"));
        assert_eq!(kind, SourceType::Unnamed);
    }

    /// A crowd stays a crowd: "they" of "Some residents" is `vague`, as its antecedent.
    #[test]
    fn a_pronoun_of_a_vague_crowd_stays_vague() {
        let text = "The council closed the Elm Street library on Friday to save money.\n\n\
            Some residents said the decision had been taken in secret.\n\n\
            “Nobody asked us what we wanted,” they said.";
        let (_, kind) = source_of(text, "Nobody asked us");
        assert_eq!(kind, SourceType::Vague);
    }
}
