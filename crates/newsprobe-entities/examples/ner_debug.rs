//! Prints the words of a text file with their sentence, rule and tagger labels, then the
//! mentions of the rules alone and with the tagger: `cargo run --release -p newsprobe-entities
//! --example ner_debug -- FILE`.

use newsprobe_core::Document;
use newsprobe_entities::{analyze_with, mentions, tagger, typer};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ner_debug FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = Document::from_text(None, &text);
    let mut buf = String::new();
    let words = mentions::words(&doc.text, &doc.tokens, &doc.sentences, &mut buf);
    let mut f = tagger::Features::default();
    let rules = analyze_with(&doc, None, Some(&mut f));
    // NER_MODEL=FILE reads another model file than the bundled one.
    let loaded = std::env::var("NER_MODEL")
        .ok()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| tagger::Model::from_bytes(&b).ok());
    let model = loaded.as_ref().or(tagger::MODEL.as_ref());
    let (mut l, mut m) = (Vec::new(), Vec::new());
    if let Some(model) = model {
        model.decode(&f, &mut l, &mut m);
    }
    for (i, w) in words.iter().enumerate() {
        if f.cand[i] {
            print!(
                "{}[s{} {}/{:.0}] ",
                w.text,
                w.sent,
                l.get(i).copied().unwrap_or(0),
                m.get(i).copied().unwrap_or(0.0)
            );
        } else {
            print!("{}[s{}] ", w.text, w.sent);
        }
    }
    println!();
    // The typer's scores of the rules' names (none, person, organisation, place).
    if let Some(t) = model.and_then(|m| m.types.as_ref()) {
        let mut lower: newsprobe_entities::gazetteer::Set<&str> = Default::default();
        for w in &words {
            if w.is_word && !w.cap {
                lower.insert(w.norm);
            }
        }
        println!("== typer on the rules' names");
        for (i, f) in typer::features(&words, &rules.mentions, &lower, false) {
            let s = t.scores(&f);
            println!(
                "  {:?} {:?} {:.1?}",
                rules.mentions[i].name_text, rules.mentions[i].etype, s
            );
        }
    }
    let with = analyze_with(&doc, model, None);
    for (name, a) in [("rules", &rules), ("tagged", &with)] {
        println!("== {name}");
        for m in &a.mentions {
            if m.kind == mentions::MentionKind::Name {
                println!(
                    "  {:?} {:?} title={:?} weak={}",
                    m.etype, m.name_text, m.title_text, m.weak
                );
            }
        }
    }
}
