//! Development aid: shows where a snippet of text sits in the page tree and why it was dropped.
//! `cargo run -p newsprobe-html --example debug_page -- PAGE.html.gz "snippet"`
use std::io::Read;

use newsprobe_html::{content, dom};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(snippet)) = (args.next(), args.next()) else {
        eprintln!("usage: debug_page PAGE.html.gz SNIPPET");
        std::process::exit(2)
    };
    let mut bytes = Vec::new();
    let file = std::fs::File::open(&path).expect("page opens");
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .expect("gunzip");
    let (text, _, _) = newsprobe_html::encoding::decode(&bytes, None, None);
    let tree = dom::parse(&text);
    let removed = content::removed_nodes(&tree);
    for id in 0..tree.nodes.len() as dom::NodeId {
        if let dom::NodeData::Text(t) = &tree.node(id).data {
            if t.contains(&snippet) {
                println!("text node {id} removed={}", removed[id as usize]);
                let mut a = tree.node(id).parent;
                while a != dom::NONE {
                    if let Some(e) = tree.element(a) {
                        println!(
                            "  {a} <{} class={:?} id={:?}> removed={}",
                            e.name,
                            e.attr("class"),
                            e.attr("id"),
                            removed[a as usize]
                        );
                    }
                    a = tree.node(a).parent;
                }
            }
        }
    }
}
