//! Development aid: writes each page's extracted text and per-page precision/recall to a folder.
//! `cargo run -p newsprobe-html --example dump_extraction -- DATA_DIR OUT_DIR`
fn main() {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .unwrap_or_else(|| "../shared/eval/extraction/scrapinghub".to_owned());
    let out = std::path::PathBuf::from(
        args.next()
            .unwrap_or_else(|| "/tmp/extraction-dump".to_owned()),
    );
    let pages = newsprobe_html::eval::load(std::path::Path::new(&data)).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let mut summary = String::new();
    for page in &pages {
        let got = newsprobe_html::extract(&page.html, None, Some(&page.url)).unwrap_or_default();
        let c = newsprobe_html::eval::page_counts(&page.expected, &got.text);
        let p = if c.tp + c.fp > 0.0 {
            c.tp / (c.tp + c.fp)
        } else {
            1.0
        };
        let r = if c.tp + c.fn_ > 0.0 {
            c.tp / (c.tp + c.fn_)
        } else {
            1.0
        };
        summary.push_str(&format!("{p:.3}\t{r:.3}\t{}\t{}\n", page.id, page.url));
        let _ = std::fs::write(out.join(format!("{}.got.txt", page.id)), &got.text);
        let _ = std::fs::write(out.join(format!("{}.want.txt", page.id)), &page.expected);
        let meta = format!(
            "title: {:?}\nbyline: {:?}\npublished: {:?}\nsite: {:?}\nlanguage: {:?}\nurl: {:?}\n",
            got.title, got.byline, got.published, got.site, got.language, got.url
        );
        let _ = std::fs::write(out.join(format!("{}.meta.txt", page.id)), meta);
    }
    let _ = std::fs::write(out.join("summary.tsv"), summary);
}
