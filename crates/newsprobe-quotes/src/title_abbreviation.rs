//! The abbreviated titles news writing puts before a name, and the role words they stand for
//! (issue 11, session 24): "Sen. Mazie Hirono …. the senator said", "Gov. Ana Ruiz … the
//! governor added". [`crate::role_held::role_of_named_person`] reads a role said with "the" as a
//! named person's where the article writes the same role word beside a person's name; written
//! as its abbreviation, the title is that role word too.

use crate::speaker::Ctx;

/// (abbreviation, lower case without its dot; the role word it stands for).
const TITLES: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("rep", "representative"),
    ("rep", "congressman"),
    ("rep", "congresswoman"),
    ("gov", "governor"),
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("sgt", "sergeant"),
    ("capt", "captain"),
    ("cpl", "corporal"),
    ("det", "detective"),
    ("ofc", "officer"),
    ("insp", "inspector"),
    ("supt", "superintendent"),
    ("prof", "professor"),
    ("pres", "president"),
    ("atty", "attorney"),
    ("cmdr", "commander"),
    ("adm", "admiral"),
];

/// Whether token `k` is written as the abbreviated title of `role` ("Sen." of "senator"): the
/// abbreviation, capitalised, with its dot in the token or glued after it.
pub fn abbreviates(ctx: &Ctx, k: usize, role: &str) -> bool {
    if k >= ctx.len() || !ctx.is_capitalized(k) {
        return false;
    }
    let w = ctx.word(k);
    let (bare, dotted) = match w.strip_suffix('.') {
        Some(b) => (b, true),
        None => (w, k + 1 < ctx.len() && ctx.is_abbreviation_dot(k + 1)),
    };
    dotted && TITLES.iter().any(|&(a, r)| a == bare && r == role)
}

#[cfg(test)]
mod tests {
    use crate::test_support::source_of;
    use newsprobe_core::SourceType;

    /// "Sen. Lena Moreau" and, after another person's name, "the senator said": a named
    /// person's role (the resolver links it to no one: Ekholm was named last).
    #[test]
    fn the_senator_after_sen_and_a_name_is_named() {
        let text = "The hearing on the port budget ran late into Thursday evening.\n\n\
            Like other members of the committee, Sen. Lena Moreau of Maine questioned the \
            harbour master, Tomas Ekholm, on the cost of the new cranes.\n\n\
            After a long pause, the senator said the figures did not add up.";
        let (_, kind) = source_of(text, "the figures did not add up");
        assert_eq!(kind, SourceType::Named);
    }

    /// With no title beside a name, "the senator" stays `unnamed`.
    #[test]
    fn the_senator_with_no_named_senator_stays_unnamed() {
        let text = "The hearing on the port budget ran late into Thursday evening.\n\n\
            After a long pause, the senator said the figures did not add up.";
        let (_, kind) = source_of(text, "the figures did not add up");
        assert_eq!(kind, SourceType::Unnamed);
    }
}
