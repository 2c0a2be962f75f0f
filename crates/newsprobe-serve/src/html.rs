//! Putting untrusted text into a page: escaping, highlighting by code-point spans, the shell
//! every workbench page shares.

use std::fmt::Write;

pub use newsprobe_core::html::{escape_html as esc, highlight, Mark};

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
         <body>\n{}<main>\n{body}</main></body></html>\n",
        esc(title),
        nav()
    )
}

/// The workbench's style sheet.
pub const CSS: &str = include_str!("../assets/app.css");
