//! "Local officials, the health district and county officials all say …": a quantifier that
//! floats after its subject is no speaker ("all" shown as the source tells the reader nothing);
//! the subject before it is the ranker's to take.
//!
//! Session 21 (`s21-junk21`): the judged pick of 60 FNC-1 bodies of the tuning pool showed "all"
//! as a speaker twice.

use crate::speaker::{Ctx, Mention};

/// Whether the mention is a lone "all", "both" or "each" after a word of its sentence (a
/// floating quantifier: "officials all say", "the two both said"); "All say" opening a
/// sentence, "all of them" and "each of the officials" are other mentions.
pub fn floating_quantifier(ctx: &Ctx, m: &Mention) -> bool {
    if m.first != m.last || m.first == 0 || m.first >= ctx.len() {
        return false;
    }
    let k = m.first;
    matches!(ctx.word(k), "all" | "both" | "each")
        && !ctx.is_capitalized(k)
        && ctx.sentence_bounds(k).0 < k
        && ctx.is_word(k - 1)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;

    #[test]
    fn a_floating_all_is_no_speaker() {
        let text = "Town not quarantined, officials say\n\n\
            A website claimed on Monday that the town had been closed after a family fell ill. \
            The county sheriff, the fire chief and local health officials all say there is no \
            truth to the claim.";
        let (name, _) = source_of(text, "no truth to the claim");
        assert_ne!(name.as_deref(), Some("all"));
    }
}
