//! Prints the quotations found in a text file: `cargo run -p newsprobe-quotes --example
//! dump_quotes -- FILE`.

use newsprobe_core::Document;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_quotes FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut doc = Document::from_text(None, &text);
    newsprobe_entities::annotate(&mut doc, None);
    newsprobe_quotes::annotate(&mut doc);
    for q in &doc.quotes {
        let mention = q.source.mention.map(|m| doc.span_text(&m)).unwrap_or("");
        let cue = q.cue.map(|m| doc.span_text(&m)).unwrap_or("");
        let content: String = doc.span_text(&q.span).chars().take(90).collect();
        println!(
            "{:?} [{}] <{}> {:?} | {}",
            q.kind,
            mention,
            cue,
            q.source.name,
            content.replace('\n', " ")
        );
    }
    for a in &doc.attributions {
        println!(
            "attribution {} [{}] <{}> {:?} {:.3} | {}",
            a.kind,
            a.source.map(|m| doc.span_text(&m)).unwrap_or(""),
            doc.span_text(&a.cue),
            a.source_name,
            a.score,
            doc.span_text(&a.span).replace('\n', " ")
        );
    }
}
