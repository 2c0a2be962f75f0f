//! Putting untrusted text into a page: escaping, highlighting by code-point spans, the shell
//! every workbench page shares.

use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
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

/// Percent-encodes a URL path segment or query value.
pub fn url_enc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            o.push(b as char);
        } else {
            let _ = write!(o, "%{b:02X}");
        }
    }
    o
}

/// The navigation bar of every page.
pub fn nav() -> String {
    "<header class=\"top\"><a href=\"/\"><b>newsprobe</b> workbench</a> \
     <nav><a href=\"/\">analyse</a> <a href=\"/search\">search</a> <a href=\"/clusters\">clusters</a> \
     <a href=\"/sites\">sites</a> <a href=\"/api/openapi.json\">API</a></nav></header>\n"
        .to_string()
}

/// A whole workbench page around `body` (already escaped by the caller where it holds text).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · newsprobe</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>\
         <body>\n{}<main>\n{body}</main><script src=\"/static/app.js\"></script></body></html>\n",
        esc(title),
        nav()
    )
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
            o.push_str(&esc(&seg));
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
            .map(|id| format!(" id=\"{}\"", esc(id)))
            .unwrap_or_default();
        for extra in ids {
            let _ = write!(o, "<span class=\"anchor\" id=\"{}\"></span>", esc(extra));
        }
        let _ = write!(
            o,
            "<mark{id} class=\"{}\" title=\"{}\">{}</mark>",
            esc(&classes.join(" ")),
            esc(&tips.join("\n")),
            esc(&seg)
        );
    }
    o
}

/// The workbench's style sheet.
pub const CSS: &str = include_str!("../assets/app.css");
/// The workbench's script (forms, file upload, finding clicks on stored reports).
pub const JS: &str = include_str!("../assets/app.js");
