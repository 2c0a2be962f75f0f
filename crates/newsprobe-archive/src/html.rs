//! How are the archive's site links drawn? The near-copy network of sites as an SVG picture and
//! as a table: one drawing for `clusters --by site --format html` and the workbench's `/sites`.

use std::collections::BTreeMap;
use std::fmt::Write;

use newsprobe_core::html::escape_html;

use crate::SiteLink;

/// The site links as a table: from, to, near-copies, first seen, mean similarity.
pub fn site_links_table(links: &[SiteLink]) -> String {
    let mut o = String::from(
        "<table class=\"site-links\"><tr><th>from</th><th>to</th><th>near-copies</th><th>first seen</th><th>similarity</th></tr>\n",
    );
    for l in links {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td></tr>",
            escape_html(&l.from),
            escape_html(&l.to),
            l.count,
            escape_html(l.first_seen.as_deref().unwrap_or("-")),
            l.mean_similarity
        );
    }
    o.push_str("</table>\n");
    o
}

/// The near-copy network as SVG: sites on a circle, an arrow from the site that published first
/// to the one that copied, as thick as the number of copies.
pub fn site_links_svg(links: &[SiteLink]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for l in links {
        for s in [l.from.as_str(), l.to.as_str()] {
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    let n = names.len().max(1) as f64;
    let (w, h, r) = (900.0, 640.0, 240.0);
    let pos = |i: usize| {
        let a = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (w / 2.0 + r * a.cos(), h / 2.0 + r * a.sin())
    };
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let max = links.iter().map(|l| l.count).max().unwrap_or(1).max(1) as f64;
    let mut o = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" id=\"network\" role=\"img\" aria-label=\"near-copy network of sites\">\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"14\" markerHeight=\"14\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0L10,5L0,10z\" fill=\"#b91c1c\"/></marker></defs>"
    );
    for l in links {
        let (Some(&a), Some(&b)) = (index.get(l.from.as_str()), index.get(l.to.as_str())) else {
            continue;
        };
        let ((x1, y1), (x2, y2)) = (pos(a), pos(b));
        // Stop short of the node's circle.
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ex, ey) = (x2 - dx / len * 16.0, y2 - dy / len * 16.0);
        let width = 1.0 + 7.0 * l.count as f64 / max;
        let _ = write!(
            o,
            "<line class=\"edge\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" stroke=\"#b91c1c\" stroke-opacity=\"0.6\" stroke-width=\"{width:.1}\" marker-end=\"url(#arrow)\">\
             <title>{} → {}: {} near-cop{}, mean similarity {:.2}, first seen {}</title></line>",
            escape_html(&l.from),
            escape_html(&l.to),
            l.count,
            if l.count == 1 { "y" } else { "ies" },
            l.mean_similarity,
            escape_html(l.first_seen.as_deref().unwrap_or("-"))
        );
    }
    for (i, s) in names.iter().enumerate() {
        let (x, y) = pos(i);
        let anchor = if x < w / 2.0 - 1.0 {
            "end"
        } else if x > w / 2.0 + 1.0 {
            "start"
        } else {
            "middle"
        };
        let lx = x + (x - w / 2.0) / r * 22.0;
        let ly = y + (y - h / 2.0) / r * 22.0 + 4.0;
        let _ = write!(
            o,
            "<circle class=\"site\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"12\" fill=\"#1f2a44\"/>\
             <text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" font-size=\"14\" font-family=\"sans-serif\">{}</text>",
            escape_html(s)
        );
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_drawn_escaped_with_an_arrow_per_link() {
        let links = vec![
            SiteLink {
                from: "wire.example".into(),
                to: "<b>copy</b>.example".into(),
                count: 3,
                first_seen: Some("2026-01-02".into()),
                mean_similarity: 0.91,
            },
            SiteLink {
                from: "wire.example".into(),
                to: "mirror.example".into(),
                count: 1,
                first_seen: None,
                mean_similarity: 0.7,
            },
        ];
        let table = site_links_table(&links);
        assert_eq!(table.matches("<tr><td>").count(), 2);
        assert!(table.contains("<td>&lt;b&gt;copy&lt;/b&gt;.example</td><td>3</td><td>2026-01-02</td><td>0.91</td>"), "{table}");
        let svg = site_links_svg(&links);
        assert_eq!(svg.matches("class=\"edge\"").count(), 2);
        assert_eq!(svg.matches("class=\"site\"").count(), 3);
        assert!(
            !svg.contains("<b>") && svg.contains("3 near-copies"),
            "{svg}"
        );
    }
}
