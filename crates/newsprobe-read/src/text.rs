//! A plain-text file to an article: when the first paragraph is a single line of at most 250
//! characters followed by a blank line, it is the title and the rest is the text.

/// Longest first line (in characters) taken as a title.
pub const MAX_TITLE_CHARS: usize = 250;

/// Splits a plain-text file into `(title, text)` by the contract's rule. Without a title the text
/// is returned whole; with one, the text starts at the first non-blank line after the title.
pub fn split_title(content: &str) -> (Option<String>, &str) {
    let Some(title_start) = first_non_blank_line(content, 0) else {
        return (None, content);
    };
    let Some((title_line, after_title)) = line_at(content, title_start) else {
        return (None, content);
    };
    let title = title_line.trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return (None, content);
    }
    // The title line must end with a newline and the next line must be blank.
    let Some(next) = after_title else {
        return (None, content);
    };
    match line_at(content, next) {
        Some((line, Some(_))) if line.trim().is_empty() => {}
        _ => return (None, content),
    }
    let body_start = first_non_blank_line(content, next).unwrap_or(content.len());
    let body = content.get(body_start..).unwrap_or("");
    (Some(title.to_string()), body)
}

/// The line starting at byte `start` (without its line break) and where the next line starts
/// (`None` when this is the last line, with no line break after it).
fn line_at(content: &str, start: usize) -> Option<(&str, Option<usize>)> {
    let rest = content.get(start..)?;
    match rest.find('\n') {
        Some(i) => Some((&rest[..i], Some(start + i + 1))),
        None => Some((rest, None)),
    }
}

/// Byte offset of the first line at or after `start` holding something other than white space.
fn first_non_blank_line(content: &str, start: usize) -> Option<usize> {
    let mut pos = start;
    loop {
        let (line, next) = line_at(content, pos)?;
        if !line.trim().is_empty() {
            return Some(pos);
        }
        pos = next?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_blank_line_is_a_title() {
        let file = "Council approves new tram line\n\nThe city council voted 31 to 12 on Monday.\n";
        let (title, text) = split_title(file);
        assert_eq!(title.as_deref(), Some("Council approves new tram line"));
        assert_eq!(text, "The city council voted 31 to 12 on Monday.\n");
    }

    #[test]
    fn crlf_and_leading_blank_lines() {
        let file = "\r\n  \r\nЗаголовок статьи\r\n\r\n\r\nПервый абзац.\r\n";
        let (title, text) = split_title(file);
        assert_eq!(title.as_deref(), Some("Заголовок статьи"));
        assert_eq!(text, "Первый абзац.\r\n");
    }

    #[test]
    fn multi_line_first_paragraph_is_not_a_title() {
        let file = "The minister resigned on Friday,\nciting health reasons.\n\nMore follows.";
        assert_eq!(split_title(file), (None, file));
    }

    #[test]
    fn long_first_line_is_not_a_title() {
        let line = "word ".repeat(60);
        let file = format!("{line}\n\nBody text here.");
        assert_eq!(split_title(&file), (None, file.as_str()));
    }

    #[test]
    fn single_line_without_blank_line_is_text() {
        assert_eq!(split_title("Just one line."), (None, "Just one line."));
        assert_eq!(split_title("Just one line.\n"), (None, "Just one line.\n"));
        assert_eq!(split_title(""), (None, ""));
    }

    #[test]
    fn headline_alone() {
        let (title, text) = split_title("Storm closes schools\n\n");
        assert_eq!(title.as_deref(), Some("Storm closes schools"));
        assert_eq!(text, "");
    }
}
