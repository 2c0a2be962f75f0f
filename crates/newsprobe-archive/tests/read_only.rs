//! An archive opened read-only reads what is stored and can change nothing.

use newsprobe_archive::store::plain_report;
use newsprobe_archive::Archive;

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newsprobe-ro-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join("news.db")
}

#[test]
fn read_only_archive_reads_and_refuses_writes() {
    let db = scratch("reads");
    let report = plain_report(
        "harbour-1",
        Some("coastal-herald.example"),
        Some("2026-03-02"),
        Some("Harbour sale paused"),
        "The council paused the sale of the harbour on Monday, the mayor said.",
    );
    Archive::open(&db)
        .and_then(|mut a| a.ingest(std::slice::from_ref(&report)))
        .expect("ingest");
    let before = std::fs::read(&db).expect("db bytes");

    let mut ro = Archive::open_read_only(&db).expect("read-only open");
    assert_eq!(ro.len().expect("len"), 1);
    assert!(ro.get("harbour-1").expect("get").is_some());
    assert!(
        ro.ingest(&[report]).is_err(),
        "a read-only archive takes no writes"
    );
    drop(ro);
    assert_eq!(std::fs::read(&db).expect("db bytes"), before);
}

#[test]
fn read_only_open_refuses_what_is_not_an_archive() {
    let db = scratch("missing");
    assert!(
        Archive::open_read_only(&db).is_err(),
        "a missing file is an error"
    );
    std::fs::write(&db, b"").expect("empty file");
    let e = Archive::open_read_only(&db)
        .err()
        .expect("an empty file is no archive");
    assert!(e.to_string().contains("current layout"), "{e}");
}
