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

/// The opening of the transcript of the rules added in sessions 18–23: one person given a role
/// ("an analyst at ..."), whom the later descriptions ("the analyst said") link to.
pub const RULES_OPENING: &str =
    "Harriet Okonkwo, an analyst at Brenmoor Securities, said the port contract was sound.\n\n";

/// A paragraph of the transcript that exercises the rules added in sessions 18–23, cycling
/// through eight shapes: a description linked to the person given the role earlier ("the
/// analyst said", `role_link`), a new person then a pronoun ("She said"), a quotation carried
/// over into the next paragraph, a share of those polled ("About four in 10 said"), an aside
/// between subject and verb, a possessive office ("the Los Angeles County Sheriff's
/// Department"), an embassy ("the Saudi Embassy") and capitalised plurals ("Democrats",
/// "Americans"). Names are new in each cycle, so the article holds thousands of people.
pub fn rules_paragraph(i: usize) -> String {
    let name = person(i);
    match i % 8 {
        0 => format!(
            "{name} said the contract was late. \"Demand is running well ahead of supply,\" the analyst said.\n\n"
        ),
        1 => format!(
            "{name}, the deputy health minister, said the port contract was sound. She said \"the figures will be published in March\".\n\n"
        ),
        2 => format!(
            "{name} said: \"The first berth will open in March.\n\n\"It will be the largest in the region,\" he added.\n\n"
        ),
        3 => "About four in 10 said they had never used the ferry, according to a poll by Brenmoor Research, and nearly nine out of 10 say the boats are clean.\n\n".to_string(),
        4 => format!(
            "The mayor, on the other hand, argued that the contract was too costly, and {name} — in a rare interview — insisted that it was not.\n\n"
        ),
        5 => "The Los Angeles County Sheriff's Department said the port was closed, and the Prime Minister's Office said the talks would resume.\n\n".to_string(),
        6 => "The Saudi Embassy said in a statement that the talks would resume, and the French consulate declined to comment.\n\n".to_string(),
        _ => format!(
            "Democrats said the contract was sound. Americans deserve better, Republicans said, and {name} agreed.\n\n"
        ),
    }
}
