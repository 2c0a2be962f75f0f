//! "as Democratic calls for his resignation mount", "Talk of US-South Korean plans to …",
//! "Iranian threats against shipping": a plural cue word right after a capitalised adjective of
//! a nation, party or creed (Democratic, Korean, Iranian, Chinese, British) is a noun that
//! adjective modifies, not a verb whose subject the adjective is. Read as a verb it gave the
//! junk speakers "Democratic" and "Talk of US-South Korean" and a spurious statement each.
//!
//! Session 24 (`s24-ptcspeak24`, issue 11, PTC train articles). The adjective is known by its
//! suffix ("-ic", "-ian", "-ean", "-can", "-ese", "-ish"), after a lower-case word inside its
//! sentence; a determiner before it ("the American plans to …") leaves the reading open, and a
//! given name or a word after a capitalised one ("Priya Raman believes") is a name's.

use crate::speaker::Ctx;

/// Suffixes of the capitalised adjectives of nations, parties and creeds.
/// (Not "-an" alone nor "-i": surnames, "Raman says", "Morgan says", "Modi says".)
const SUFFIXES: &[&str] = &["ic", "ese", "ish", "ian", "ean", "can"];

/// Whether the plural cue word at token `i` follows a capitalised adjective of a nation,
/// party or creed with no determiner before it.
pub fn after_proper_adjective(ctx: &Ctx, i: usize) -> bool {
    if i == 0 || !ctx.word(i).ends_with('s') || ctx.is_capitalized(i) {
        return false;
    }
    let a = i - 1;
    if !ctx.is_word(a) || !ctx.is_capitalized(a) || ctx.is_pronoun(a) {
        return false;
    }
    let raw = ctx.raw(a);
    let last = raw.rsplit('-').next().unwrap_or(raw);
    if last.len() < 5 || !SUFFIXES.iter().any(|s| last.ends_with(s)) {
        return false;
    }
    // A person's name ("Brian", "Susan") is no adjective: the entity stage's persons.
    // Not a given name of the gazetteer ("Brian says"), nor a word after a capitalised one or
    // opening its sentence ("Priya Raman believes", "Adrian says"): a name's last word.
    {
        use newsprobe_entities::gazetteer::{Gender, GAZETTEER};
        if GAZETTEER.gender_of_word(&last.to_lowercase()) != Gender::Unknown {
            return false;
        }
    }
    if a == 0 || ctx.sentence_bounds(a).0 == a || !ctx.is_word(a - 1) || ctx.is_capitalized(a - 1) {
        return false;
    }
    let em = ctx.entity_mentions();
    if em
        .index
        .overlapping(ctx.span(a))
        .any(|k| ctx.doc.entities[em.entity[k]].kind == newsprobe_core::EntityType::Person)
    {
        return false;
    }
    !(a > 0 && ctx.is_determiner(a - 1))
}

#[cfg(test)]
mod tests {
    use crate::test_support::quoted;

    #[test]
    fn a_plural_after_a_national_adjective_is_a_noun() {
        // Written for the project (session 24).
        let q = quoted(
            "The senator stayed silent on Friday, as Republican calls for his resignation \
             grew louder. Talk of joint Anglo-Irish plans to close the border crossing \
             unsettled traders.",
        );
        assert!(
            !q.iter().any(|t| t.contains("his resignation grew")),
            "{q:?}"
        );
        assert!(!q.iter().any(|t| t.contains("close the border")), "{q:?}");
    }

    #[test]
    fn a_person_still_speaks() {
        // Written for the project (session 24).
        let q = quoted(
            "Councillor Brian says the border crossing will stay open. The analyst Priya Raman \
             believes the cheaper model will sell well, and Julian says the shop will stay.",
        );
        assert!(
            q.iter()
                .any(|t| t.contains("the border crossing will stay open")),
            "{q:?}"
        );
    }
}
