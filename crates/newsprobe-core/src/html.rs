//! Putting untrusted article text into HTML: escaping, and highlighting code-point spans. One
//! copy for every page newsprobe draws (the CLI's report and trace pages, the workbench).

use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            '\0' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// One highlighted range: code points `[start, end)`, CSS class, tooltip, element id.
#[derive(Debug, Clone)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub class: String,
    pub tip: String,
    pub id: Option<String>,
}

/// Renders `text` with the marks as `<mark>` elements, escaped. Overlapping marks split into
/// segments that carry every class covering them; an id goes on the first segment of its mark.
pub fn highlight(text: &str, marks: &[Mark]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut bounds = vec![0, n];
    for m in marks {
        bounds.push(m.start.min(n));
        bounds.push(m.end.min(n));
    }
    bounds.sort_unstable();
    bounds.dedup();
    let mut o = String::with_capacity(text.len() * 2);
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let seg: String = chars[a..b].iter().collect();
        let active: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if active.is_empty() {
            o.push_str(&escape_html(&seg));
            continue;
        }
        let classes: Vec<&str> = active.iter().map(|m| m.class.as_str()).collect();
        let tips: Vec<&str> = active.iter().map(|m| m.tip.as_str()).collect();
        // Marks starting here carry their ids: the first on the mark, others on empty anchors
        // just before it (two changes can start at the same character).
        let mut ids = active
            .iter()
            .filter(|m| m.start == a)
            .filter_map(|m| m.id.as_deref());
        let id = ids
            .next()
            .map(|id| format!(" id=\"{}\"", escape_html(id)))
            .unwrap_or_default();
        for extra in ids {
            let _ = write!(
                o,
                "<span class=\"anchor\" id=\"{}\"></span>",
                escape_html(extra)
            );
        }
        let _ = write!(
            o,
            "<mark{id} class=\"{}\" title=\"{}\">{}</mark>",
            escape_html(&classes.join(" ")),
            escape_html(&tips.join("\n")),
            escape_html(&seg)
        );
    }
    o
}
