//! The Propaganda Techniques Corpus as `../shared/eval/propaganda/ptc` holds it: `articles/`
//! (`articleID.txt`), `task1-SI.labels` (`ID start end`) and `task2-TC.labels`
//! (`ID technique start end`), offsets in characters, end exclusive; and the fixed split by
//! article: an article is in dev when the FNV-1a hash of its id is 0 mod 5 (37 of the 186).

use std::collections::BTreeMap;
use std::path::Path;

use newsprobe_classify::Error;

/// One article with its gold spans, offsets converted to bytes.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// Span-identification spans (byte ranges).
    pub spans: Vec<(usize, usize)>,
    /// Technique spans: (start, end, technique index into `TECHNIQUES`).
    pub techniques: Vec<(usize, usize, usize)>,
}

/// Whether an article id belongs to the dev split.
pub fn is_dev(id: &str) -> bool {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in id.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h.is_multiple_of(5)
}

/// Byte offset of every char offset `0..=chars` of `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn bad(path: &Path, line: usize, what: &str) -> Error {
    Error::Data(format!("{}:{line}: {what}", path.display()))
}

/// Reads every article with its labels, sorted by id.
pub fn load(dir: &Path) -> Result<Vec<Article>, Error> {
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read_to_string(&p).map_err(|e| Error::Data(format!("{}: {e}", p.display())))
    };
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    let adir = dir.join("articles");
    let entries =
        std::fs::read_dir(&adir).map_err(|e| Error::Data(format!("{}: {e}", adir.display())))?;
    for e in entries {
        let path = e?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(id) = name
            .strip_prefix("article")
            .and_then(|n| n.strip_suffix(".txt"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
        articles.insert(
            id.to_string(),
            Article {
                id: id.to_string(),
                text,
                spans: Vec::new(),
                techniques: Vec::new(),
            },
        );
    }
    if articles.is_empty() {
        return Err(Error::Data(format!("no articles in {}", adir.display())));
    }
    let offsets: BTreeMap<String, Vec<usize>> = articles
        .iter()
        .map(|(id, a)| (id.clone(), char_to_byte(&a.text)))
        .collect();
    let span = |id: &str, s: &str, e: &str| -> Option<(usize, usize)> {
        let map = offsets.get(id)?;
        let (s, e): (usize, usize) = (s.parse().ok()?, e.parse().ok()?);
        let (s, e) = (*map.get(s)?, *map.get(e)?);
        (s < e).then_some((s, e))
    };
    let si_path = dir.join("task1-SI.labels");
    for (n, line) in read("task1-SI.labels")?.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(bad(&si_path, n + 1, "expected ID, start, end"));
        }
        let (s, e) = span(f[0], f[1], f[2]).ok_or_else(|| bad(&si_path, n + 1, "bad span"))?;
        if let Some(a) = articles.get_mut(f[0]) {
            a.spans.push((s, e));
        }
    }
    let tc_path = dir.join("task2-TC.labels");
    for (n, line) in read("task2-TC.labels")?.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 4 {
            return Err(bad(&tc_path, n + 1, "expected ID, technique, start, end"));
        }
        let t = super::TECHNIQUES
            .iter()
            .position(|t| *t == f[1])
            .ok_or_else(|| bad(&tc_path, n + 1, "unknown technique"))?;
        let (s, e) = span(f[0], f[2], f[3]).ok_or_else(|| bad(&tc_path, n + 1, "bad span"))?;
        if let Some(a) = articles.get_mut(f[0]) {
            a.techniques.push((s, e, t));
        }
    }
    Ok(articles.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_stable_and_near_one_in_five() {
        let ids: Vec<String> = (0..1000)
            .map(|i| format!("{}", 700_000_000 + i * 37))
            .collect();
        let dev = ids.iter().filter(|i| is_dev(i)).count();
        assert!((150..250).contains(&dev), "{dev}");
        assert_eq!(is_dev("111111111"), is_dev("111111111"));
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let m = char_to_byte("é a");
        assert_eq!(m, vec![0, 2, 3, 4]);
    }
}
