//! Generated long-article text shared by the long-article bench (`benches/long.rs`) and the
//! linear-time guard (`tests/linear_time.rs`), so both measure the same shapes.

/// The paragraph: one quote with a speaker.
pub const QUOTED: &str =
    "The minister said \"this is a long paragraph of text\" according to officials.";

/// The `i`th of 65,536 distinct made-up people ("Elena Belkorvor").
pub fn person(i: usize) -> String {
    const FIRST: [&str; 16] = [
        "Maria", "John", "Elena", "David", "Sofia", "Peter", "Anna", "Michael", "Laura", "James",
        "Clara", "Thomas", "Irene", "Daniel", "Nadia", "Paul",
    ];
    const SYLLABLE: [&str; 16] = [
        "Kor", "bel", "tam", "vor", "lin", "dar", "mes", "rup", "gal", "sen", "hov", "pat", "zer",
        "mon", "ful", "rak",
    ];
    let s = |k: usize| SYLLABLE[(i >> (4 * k)) % 16];
    let mut last = s(0).to_string();
    last[..1].make_ascii_uppercase();
    format!("{} {last}{}{}{}", FIRST[(i >> 12) % 16], s(1), s(2), s(3))
}

/// A paragraph of the transcript naming thousands of people: a new person with a role, then a
/// description of them ("the minister") and a quote.
pub fn people_paragraph(i: usize) -> String {
    format!(
        "{}, the deputy health minister, said the port contract was sound. The minister added \"the figures will be published in March\".\n\n",
        person(i)
    )
}
