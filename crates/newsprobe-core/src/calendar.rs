//! Month and weekday names, written as English text writes them: one list for every stage
//! that reads a date or tells a calendar word from a name.

/// The months, capitalised, in order.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekdays, capitalised, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` is a month or a weekday name as written ("March", "Tuesday").
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words() {
        assert!(is_calendar_word("May") && is_calendar_word("Sunday"));
        assert!(!is_calendar_word("may") && !is_calendar_word("Reyes"));
    }
}
