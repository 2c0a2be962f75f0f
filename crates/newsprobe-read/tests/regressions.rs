//! Replays the inputs in `tests/regressions/` (fuzz crashers and hand-written nasties) through
//! every reader: none may panic, and each result must be an article or a located error.

use std::path::Path;

use newsprobe_read::{read_bytes, InputFormat};

#[test]
fn regression_inputs_read_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("regression inputs missing at {}: {e}", dir.display()));
    let mut replayed = 0;
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("regression input reads");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for as_name in [
            "page.html",
            "story.txt",
            "feed.jsonl",
            "crawl.warc",
            name.as_ref(),
        ] {
            for forced in [None, Some(InputFormat::Text), Some(InputFormat::Warc)] {
                for result in read_bytes(as_name, &bytes, forced) {
                    if let Err(e) = result {
                        assert!(!e.location.is_empty() && !e.message.is_empty());
                    }
                }
            }
        }
        replayed += 1;
    }
    assert!(replayed > 0, "no regression inputs in {}", dir.display());
}
