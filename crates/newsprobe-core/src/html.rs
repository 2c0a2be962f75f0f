//! Putting untrusted article text into HTML: escaping, and highlighting code-point spans. One
//! copy for every page newsprobe draws (the CLI's report and trace pages, the workbench).

use std::fmt::Write;
use std::sync::Arc;

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    let _ = escape_to(&mut o, s);
    o
}

/// [`escape_html`] written to `o`: runs of plain text go out as slices of `s`, so a long text
/// is never copied whole.
pub fn escape_to<W: Write + ?Sized>(o: &mut W, s: &str) -> std::fmt::Result {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\0' => "\u{FFFD}",
            _ => continue,
        };
        o.write_str(&s[plain..i])?;
        o.write_str(rep)?;
        plain = i + c.len_utf8();
    }
    o.write_str(&s[plain..])
}

/// One highlighted range: code points `[start, end)`, CSS class, tooltip, element id.
///
/// The class and tip are shared strings (`"quote".into()`, `format!(..).into()`): a long page
/// has a million marks whose classes are a handful and whose tips mostly repeat, so a caller
/// can hand every mark of one kind the same allocation (see [`Shared`]).
#[derive(Debug, Clone)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub class: Arc<str>,
    pub tip: Arc<str>,
    pub id: Option<String>,
}

/// Strings handed out once each: [`Shared::get`] returns the same `Arc<str>` for equal text,
/// so marks with equal classes or tips hold one copy between them.
#[derive(Debug, Default)]
pub struct Shared {
    seen: std::collections::HashSet<Arc<str>>,
}

impl Shared {
    /// The shared copy of `s`, made on the first ask.
    pub fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.seen.get(s) {
            return Arc::clone(a);
        }
        let a: Arc<str> = Arc::from(s);
        self.seen.insert(Arc::clone(&a));
        a
    }
}

/// Renders `text` with the marks as `<mark>` elements, escaped. Overlapping marks split into
/// segments that carry every class covering them; an id goes on the first segment of its mark.
pub fn highlight(text: &str, marks: &[Mark]) -> String {
    let mut o = String::with_capacity(text.len() * 2);
    let _ = highlight_to(&mut o, text, marks);
    o
}

/// [`highlight`] written to `o` segment by segment: the highlighted text (some 425 MB for the
/// 58 MB page) is never held whole, nor the text as `char`s (the segments are slices of `text`,
/// found by walking its characters once).
pub fn highlight_to<W: Write + ?Sized>(o: &mut W, text: &str, marks: &[Mark]) -> std::fmt::Result {
    let n = text.chars().count();
    let mut bounds = vec![0, n];
    for m in marks {
        bounds.push(m.start.min(n));
        bounds.push(m.end.min(n));
    }
    bounds.sort_unstable();
    bounds.dedup();
    // A sweep over the bounds: the marks covering the segment `a..b` (between two neighbouring
    // bounds, so no mark starts or ends inside it) are those started at or before `a` and not
    // ended by `a`, kept by their place in `marks` (the order their classes are listed in).
    // Before, every segment asked every mark, quadratic on a long page.
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&i| marks[i].start.min(n));
    let mut by_end = by_start.clone();
    by_end.sort_by_key(|&i| marks[i].end.min(n));
    let (mut next_start, mut next_end) = (0, 0);
    let mut covering: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    // The text not yet written, starting at character `a` of the segment below.
    let mut rest = text;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        while let Some(&i) = by_start
            .get(next_start)
            .filter(|&&i| marks[i].start.min(n) <= a)
        {
            // A mark ending where it starts (or before) covers nothing.
            if marks[i].end.min(n) > a {
                covering.insert(i);
            }
            next_start += 1;
        }
        while let Some(&i) = by_end.get(next_end).filter(|&&i| marks[i].end.min(n) <= a) {
            covering.remove(&i);
            next_end += 1;
        }
        if a >= b {
            continue;
        }
        let len = rest
            .char_indices()
            .nth(b - a)
            .map_or(rest.len(), |(i, _)| i);
        let (seg, after) = rest.split_at(len);
        rest = after;
        let active: Vec<&Mark> = covering.iter().map(|&i| &marks[i]).collect();
        push_segment(o, a, seg, &active)?;
    }
    Ok(())
}

/// One segment of the text, `seg` starting at character `a`, with the marks covering it: plain
/// escaped text where none does, else one `<mark>` carrying their classes and tips.
fn push_segment<W: Write + ?Sized>(
    o: &mut W,
    a: usize,
    seg: &str,
    active: &[&Mark],
) -> std::fmt::Result {
    if active.is_empty() {
        return escape_to(o, seg);
    }
    let classes: Vec<&str> = active.iter().map(|m| &*m.class).collect();
    let tips: Vec<&str> = active.iter().map(|m| &*m.tip).collect();
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
        write!(
            o,
            "<span class=\"anchor\" id=\"{}\"></span>",
            escape_html(extra)
        )?;
    }
    write!(
        o,
        "<mark{id} class=\"{}\" title=\"{}\">",
        escape_html(&classes.join(" ")),
        escape_html(&tips.join("\n")),
    )?;
    escape_to(o, seg)?;
    o.write_str("</mark>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str, id: Option<&str>) -> Mark {
        Mark {
            start,
            end,
            class: class.into(),
            tip: format!("tip {class}").into(),
            id: id.map(str::to_string),
        }
    }

    /// The segment-by-segment reading the sweep replaced: every segment asks every mark.
    fn highlight_by_scan(text: &str, marks: &[Mark]) -> String {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut bounds = vec![0, n];
        for m in marks {
            bounds.push(m.start.min(n));
            bounds.push(m.end.min(n));
        }
        bounds.sort_unstable();
        bounds.dedup();
        let mut o = String::new();
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            let seg: String = chars[a..b].iter().collect();
            let active: Vec<&Mark> = marks
                .iter()
                .filter(|m| m.start <= a && b <= m.end)
                .collect();
            push_segment(&mut o, a, &seg, &active).unwrap();
        }
        o
    }

    #[test]
    fn the_sweep_writes_what_a_scan_of_every_mark_wrote() {
        let text = "The mayor said \"we <will> rebuild\" on Tuesday, aides said — é.";
        // Listed out of order, nested, overlapping, empty, backwards, past the end, ids.
        let marks = vec![
            mark(15, 35, "quote", Some("q1")),
            mark(0, 9, "ent", None),
            mark(4, 9, "speaker", Some("s1")),
            mark(10, 14, "cue", None),
            mark(15, 35, "frame", Some("f1")),
            mark(20, 20, "empty", Some("e")),
            mark(30, 25, "backwards", None),
            mark(50, 500, "tail", None),
            mark(48, 60, "aides", None),
        ];
        assert_eq!(highlight(text, &marks), highlight_by_scan(text, &marks));
        assert_eq!(highlight(text, &[]), escape_html(text));
    }
}
