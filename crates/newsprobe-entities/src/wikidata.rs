//! A knowledge base from a Wikidata JSON dump: `newsprobe kb import-wikidata DUMP --out KB.jsonl`.
//!
//! The dump is a JSON array with one entity per line (`[`, then `{...},` lines, then `]`), plain,
//! gzip (`.gz`) or bzip2 (`.bz2`). Three streaming passes keep memory constant apart from the
//! label table: (1) keep humans (P31 = Q5) and organisations with an English label, write them to
//! a temporary file and note the Q-ids they point to (citizenship P27, positions P39 with start
//! and end qualifiers P580/P582, employer P108, member of P463); (2) read the dump again for the
//! English labels of exactly those Q-ids; (3) write the contract's KB JSON Lines with labels.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};

use crate::kb::{KbRecord, KbRole};
use crate::Error;

/// Classes (P31) whose instances are kept as organisations.
const ORGANIZATION_CLASSES: &[&str] = &[
    "Q43229",    // organization
    "Q4830453",  // business
    "Q783794",   // company
    "Q891723",   // public company
    "Q6881511",  // enterprise
    "Q7278",     // political party
    "Q484652",   // international organization
    "Q245065",   // intergovernmental organization
    "Q327333",   // government agency
    "Q2659904",  // government organization
    "Q163740",   // nonprofit organization
    "Q79913",    // non-governmental organization
    "Q3918",     // university
    "Q1664720",  // institute
    "Q11032",    // newspaper
    "Q1193236",  // news agency
    "Q15265344", // broadcaster
    "Q176799",   // military unit
    "Q4438121",  // sports organization
    "Q476028",   // association football club
];

#[derive(Debug, Deserialize)]
struct Entity {
    id: String,
    #[serde(default)]
    labels: HashMap<String, Term>,
    #[serde(default)]
    aliases: HashMap<String, Vec<Term>>,
    #[serde(default)]
    claims: Claims,
}

#[derive(Debug, Deserialize)]
struct Term {
    value: String,
}

#[derive(Debug, Default, Deserialize)]
struct Claims {
    #[serde(rename = "P31", default)]
    instance_of: Vec<Statement>,
    #[serde(rename = "P27", default)]
    citizenship: Vec<Statement>,
    #[serde(rename = "P39", default)]
    positions: Vec<Statement>,
    #[serde(rename = "P108", default)]
    employers: Vec<Statement>,
    #[serde(rename = "P463", default)]
    member_of: Vec<Statement>,
}

#[derive(Debug, Deserialize)]
struct Statement {
    mainsnak: Snak,
    #[serde(default)]
    qualifiers: Qualifiers,
    #[serde(default)]
    rank: String,
}

#[derive(Debug, Default, Deserialize)]
struct Qualifiers {
    #[serde(rename = "P580", default)]
    start: Vec<Snak>,
    #[serde(rename = "P582", default)]
    end: Vec<Snak>,
    /// "of" (the organisation a position belongs to).
    #[serde(rename = "P642", default)]
    of: Vec<Snak>,
}

#[derive(Debug, Deserialize)]
struct Snak {
    #[serde(default)]
    datavalue: Option<DataValue>,
}

#[derive(Debug, Deserialize)]
struct DataValue {
    value: serde_json::Value,
}

impl Snak {
    fn item(&self) -> Option<String> {
        let v = &self.datavalue.as_ref()?.value;
        v.get("id")
            .and_then(|x| x.as_str())
            .map(str::to_string)
            .or_else(|| {
                v.get("numeric-id")
                    .and_then(|n| n.as_u64())
                    .map(|n| format!("Q{n}"))
            })
    }

    /// An ISO date cut to the value's precision ("+2025-01-17T00:00:00Z", 11 -> "2025-01-17").
    fn date(&self) -> Option<String> {
        let v = &self.datavalue.as_ref()?.value;
        let time = v.get("time")?.as_str()?;
        let precision = v.get("precision").and_then(|p| p.as_u64()).unwrap_or(11);
        let t = time.trim_start_matches('+');
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let date = t.split('T').next()?;
        let mut parts = date.split('-');
        let y = parts.next()?;
        let m = parts.next().unwrap_or("00");
        let d = parts.next().unwrap_or("00");
        let y = format!("{}{y:0>4}", if negative { "-" } else { "" });
        Some(match precision {
            0..=9 => y,
            10 => format!("{y}-{m}"),
            _ if d == "00" && m == "00" => y,
            _ if d == "00" => format!("{y}-{m}"),
            _ => format!("{y}-{m}-{d}"),
        })
    }
}

/// A kept entity between the passes, with Q-ids still unresolved.
#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    id: String,
    name: String,
    aliases: Vec<String>,
    kind: String,
    nationality: Vec<String>,
    roles: Vec<PendingRole>,
}

#[derive(Debug, Serialize, Deserialize)]
struct PendingRole {
    title: String,
    org: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

fn open_dump(path: &Path) -> Result<(Box<dyn BufRead>, ProgressBar), Error> {
    let file = File::open(path).map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(len);
        if let Ok(style) =
            ProgressStyle::with_template("{msg} {bar:40} {bytes}/{total_bytes} ({eta})")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let counted = bar.wrap_read(file);
    let name = path.to_string_lossy().to_lowercase();
    let reader: Box<dyn Read> = if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted)))
    } else if name.ends_with(".bz2") {
        Box::new(bzip2::read::MultiBzDecoder::new(BufReader::new(counted)))
    } else {
        Box::new(counted)
    };
    Ok((Box::new(BufReader::with_capacity(1 << 20, reader)), bar))
}

/// Streams the entities of a dump, one line at a time, calling `f` with each parsed entity.
fn for_each_entity(
    path: &Path,
    message: &'static str,
    mut f: impl FnMut(Entity) -> Result<(), Error>,
) -> Result<usize, Error> {
    let (mut reader, bar) = open_dump(path)?;
    bar.set_message(message);
    let mut line = String::new();
    let mut n = 0usize;
    let mut line_no = 0usize;
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(|e| Error::Data(format!("{}: line {}: {e}", path.display(), line_no + 1)))?;
        if read == 0 {
            break;
        }
        line_no += 1;
        let t = line.trim().trim_end_matches(',');
        if t.is_empty() || t == "[" || t == "]" {
            continue;
        }
        let entity: Entity = serde_json::from_str(t).map_err(|e| {
            Error::Data(format!(
                "{}: line {line_no}: not a Wikidata entity: {e}",
                path.display()
            ))
        })?;
        n += 1;
        f(entity)?;
    }
    bar.finish_and_clear();
    Ok(n)
}

fn english(labels: &HashMap<String, Term>) -> Option<String> {
    labels
        .get("en")
        .or_else(|| labels.get("en-gb"))
        .or_else(|| labels.get("en-us"))
        .map(|t| t.value.clone())
}

fn kept_kind(e: &Entity) -> Option<&'static str> {
    let classes: Vec<String> = e
        .claims
        .instance_of
        .iter()
        .filter_map(|s| s.mainsnak.item())
        .collect();
    if classes.iter().any(|c| c == "Q5") {
        Some("person")
    } else if classes
        .iter()
        .any(|c| ORGANIZATION_CLASSES.contains(&c.as_str()))
    {
        Some("organization")
    } else {
        None
    }
}

fn pending(e: &Entity, kind: &str, name: String, wanted: &mut HashSet<String>) -> Pending {
    let mut note = |q: String| {
        wanted.insert(q.clone());
        q
    };
    let valid = |s: &&Statement| s.rank != "deprecated";
    let nationality = e
        .claims
        .citizenship
        .iter()
        .filter(valid)
        .filter_map(|s| s.mainsnak.item())
        .map(&mut note)
        .collect();
    let mut roles = Vec::new();
    for (statements, fixed_title) in [
        (&e.claims.positions, None),
        (&e.claims.employers, Some("employee")),
        (&e.claims.member_of, Some("member")),
    ] {
        for s in statements.iter().filter(valid) {
            let Some(q) = s.mainsnak.item() else { continue };
            let q = note(q);
            let start = s.qualifiers.start.iter().find_map(Snak::date);
            let end = s.qualifiers.end.iter().find_map(Snak::date);
            let (title, org) = match fixed_title {
                None => (
                    q,
                    s.qualifiers.of.iter().find_map(Snak::item).map(&mut note),
                ),
                Some(t) => (t.to_string(), Some(q)),
            };
            roles.push(PendingRole {
                title,
                org,
                start,
                end,
            });
        }
    }
    let aliases = e
        .aliases
        .get("en")
        .map(|v| v.iter().map(|t| t.value.clone()).collect())
        .unwrap_or_default();
    Pending {
        id: e.id.clone(),
        name,
        aliases,
        kind: kind.to_string(),
        nationality,
        roles,
    }
}

/// `newsprobe kb import-wikidata DUMP --out KB.jsonl`: returns a one-line summary.
pub fn import(dump: &Path, out: &Path) -> Result<String, Error> {
    let tmp: PathBuf = {
        let mut name = out.as_os_str().to_owned();
        name.push(".pending");
        PathBuf::from(name)
    };
    // Pass 1: keep people and organisations; note the Q-ids to label.
    let mut wanted: HashSet<String> = HashSet::new();
    let mut kept = (0usize, 0usize);
    let total = {
        let mut w = BufWriter::new(
            File::create(&tmp).map_err(|e| Error::Data(format!("{}: {e}", tmp.display())))?,
        );
        let total = for_each_entity(dump, "people and organisations", |e| {
            let Some(kind) = kept_kind(&e) else {
                return Ok(());
            };
            let Some(name) = english(&e.labels) else {
                return Ok(());
            };
            if kind == "person" {
                kept.0 += 1;
            } else {
                kept.1 += 1;
            }
            let p = pending(&e, kind, name, &mut wanted);
            serde_json::to_writer(&mut w, &p)?;
            w.write_all(b"\n")?;
            Ok(())
        });
        let total = match total {
            Ok(t) => t,
            Err(e) => {
                drop(w);
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        w.flush()?;
        total
    };
    // Pass 2: English labels of the countries, positions and organisations they point to.
    let mut labels: HashMap<String, String> = HashMap::with_capacity(wanted.len());
    let labelled = for_each_entity(dump, "labels", |e| {
        if wanted.contains(&e.id) {
            if let Some(l) = english(&e.labels) {
                labels.insert(e.id.clone(), l);
            }
        }
        Ok(())
    });
    if let Err(e) = labelled {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Pass 3: resolve and write the knowledge base.
    let result = write_kb(&tmp, out, &labels);
    let _ = std::fs::remove_file(&tmp);
    result?;
    Ok(format!(
        "{}: {total} entities read; kept {} people and {} organisations; {} of {} referenced labels resolved; wrote {}",
        dump.display(),
        kept.0,
        kept.1,
        labels.len(),
        wanted.len(),
        out.display()
    ))
}

fn write_kb(tmp: &Path, out: &Path, labels: &HashMap<String, String>) -> Result<(), Error> {
    let label = |q: &str| labels.get(q).cloned().unwrap_or_else(|| q.to_string());
    let reader = BufReader::new(File::open(tmp)?);
    let mut w = BufWriter::new(
        File::create(out).map_err(|e| Error::Data(format!("{}: {e}", out.display())))?,
    );
    for line in reader.lines() {
        let p: Pending = serde_json::from_str(&line?)?;
        let record = KbRecord {
            id: p.id,
            name: p.name,
            aliases: p.aliases,
            kind: p.kind,
            nationality: p.nationality.iter().map(|q| label(q)).collect(),
            roles: p
                .roles
                .into_iter()
                .map(|r| KbRole {
                    title: label(&r.title),
                    org: r.org.as_deref().map(label),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        };
        serde_json::to_writer(&mut w, &record)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KnowledgeBase;

    /// A small dump in the real format: one entity a line inside a JSON array, trailing commas.
    fn dump() -> String {
        let item = |q: &str| {
            format!(
                r#"{{"snaktype":"value","property":"P31","datavalue":{{"value":{{"entity-type":"item","numeric-id":{},"id":"{q}"}},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}}"#,
                &q[1..]
            )
        };
        let time = |t: &str, p: u32| {
            format!(
                r#"{{"snaktype":"value","property":"P580","datavalue":{{"value":{{"time":"{t}","timezone":0,"before":0,"after":0,"precision":{p},"calendarmodel":"http://www.wikidata.org/entity/Q1985727"}},"type":"time"}},"datatype":"time"}}"#
            )
        };
        let stmt = |q: &str, quals: &str| {
            format!(
                r#"{{"mainsnak":{},"type":"statement",{quals}"id":"x","rank":"normal"}}"#,
                item(q)
            )
        };
        let label = |v: &str| {
            format!(
                r#"{{"en":{{"language":"en","value":"{v}"}},"it":{{"language":"it","value":"{v}"}}}}"#
            )
        };
        let admiral = format!(
            r#"{{"type":"item","id":"Q100","labels":{},"aliases":{{"en":[{{"language":"en","value":"Cavo Dragone"}}]}},"claims":{{"P31":[{}],"P27":[{}],"P39":[{},{}],"P463":[{}]}},"sitelinks":{{}}}}"#,
            label("Giuseppe Cavo Dragone"),
            stmt("Q5", ""),
            stmt("Q38", ""),
            stmt(
                "Q200",
                &format!(
                    r#""qualifiers":{{"P580":[{}]}},"#,
                    time("+2025-01-17T00:00:00Z", 11)
                )
            ),
            stmt(
                "Q201",
                &format!(
                    r#""qualifiers":{{"P580":[{}],"P582":[{}]}},"#,
                    time("+2021-11-05T00:00:00Z", 11),
                    time("+2025-00-00T00:00:00Z", 9)
                )
            ),
            stmt("Q300", ""),
        );
        let org = format!(
            r#"{{"type":"item","id":"Q300","labels":{},"aliases":{{"en":[{{"language":"en","value":"NATO"}}]}},"claims":{{"P31":[{}]}}}}"#,
            label("North Atlantic Treaty Organization"),
            stmt("Q245065", "")
        );
        let plain = |q: &str, l: &str| {
            format!(
                r#"{{"type":"item","id":"{q}","labels":{},"claims":{{}}}}"#,
                label(l)
            )
        };
        let painting = format!(
            r#"{{"type":"item","id":"Q400","labels":{},"claims":{{"P31":[{}]}}}}"#,
            label("A painting"),
            stmt("Q3305213", "")
        );
        format!(
            "[\n{admiral},\n{},\n{},\n{},\n{org},\n{painting},\n{}\n]\n",
            plain("Q38", "Italy"),
            plain("Q200", "Chair of the NATO Military Committee"),
            plain("Q201", "Chief of the Defence Staff"),
            r#"{"type":"property","id":"P31","labels":{"en":{"language":"en","value":"instance of"}},"claims":{}}"#
        )
    }

    fn check(out: &Path, summary: &str) {
        assert!(
            summary.contains("kept 1 people and 1 organisations"),
            "{summary}"
        );
        let text = std::fs::read_to_string(out).unwrap();
        let kb = KnowledgeBase::parse(&text).unwrap();
        assert_eq!(kb.len(), 2);
        let admiral = &kb.records[0];
        assert_eq!(admiral.id, "Q100");
        assert_eq!(admiral.name, "Giuseppe Cavo Dragone");
        assert_eq!(admiral.aliases, vec!["Cavo Dragone".to_string()]);
        assert_eq!(admiral.nationality, vec!["Italy".to_string()]);
        assert_eq!(
            admiral.roles[0].title,
            "Chair of the NATO Military Committee"
        );
        assert_eq!(admiral.roles[0].start.as_deref(), Some("2025-01-17"));
        assert_eq!(admiral.roles[0].end, None);
        assert_eq!(admiral.roles[1].end.as_deref(), Some("2025"));
        assert_eq!(admiral.roles[2].title, "member");
        assert_eq!(
            admiral.roles[2].org.as_deref(),
            Some("North Atlantic Treaty Organization")
        );
        assert_eq!(kb.records[1].kind, "organization");
    }

    #[test]
    fn imports_plain_gzip_and_bzip2_dumps() {
        let dir = tempfile::tempdir().unwrap();
        let text = dump();
        let plain = dir.path().join("dump.json");
        std::fs::write(&plain, &text).unwrap();
        let gz = dir.path().join("dump.json.gz");
        let mut enc = flate2::write::GzEncoder::new(
            File::create(&gz).unwrap(),
            flate2::Compression::default(),
        );
        enc.write_all(text.as_bytes()).unwrap();
        enc.finish().unwrap();
        let bz = dir.path().join("dump.json.bz2");
        let mut enc =
            bzip2::write::BzEncoder::new(File::create(&bz).unwrap(), bzip2::Compression::default());
        enc.write_all(text.as_bytes()).unwrap();
        enc.finish().unwrap();
        let mut outputs = Vec::new();
        for (i, input) in [plain, gz, bz].iter().enumerate() {
            let out = dir.path().join(format!("kb{i}.jsonl"));
            let summary = import(input, &out).unwrap();
            check(&out, &summary);
            outputs.push(std::fs::read(&out).unwrap());
            assert!(!dir.path().join(format!("kb{i}.jsonl.pending")).exists());
        }
        assert_eq!(outputs[0], outputs[1]);
        assert_eq!(outputs[0], outputs[2]);
    }

    #[test]
    fn bad_dumps_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "[\n{\"type\":\"item\",\"id\":\"Q1\"},\n{oops\n]\n").unwrap();
        let err = import(&bad, &dir.path().join("kb.jsonl")).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        let err = import(
            &dir.path().join("missing.json"),
            &dir.path().join("kb.jsonl"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("missing.json"), "{err}");
    }
}
