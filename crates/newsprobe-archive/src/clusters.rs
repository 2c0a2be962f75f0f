//! Which articles tell the same story, and which sites copy which?
//!
//! Same-story clusters: each article becomes two TF-IDF vectors, one over its content words and
//! one over its *anchors* (capitalised names, numbers, the report's entity names), which keep
//! apart two events of the same kind (two earthquakes share words, not places, dates or names).
//! The similarity of two articles mixes the two cosines and is damped when their publication
//! days are far apart; average-link agglomerative clustering merges clusters while their mean
//! pairwise similarity stays above a threshold tuned on the ECB+ dev topics. Only pairs that
//! share a term are ever compared (an inverted index), so the work follows the overlap, not
//! the square of the archive.

use std::collections::{BinaryHeap, HashMap};

use serde::Serialize;

use crate::store::Archive;
use crate::words::{is_stop, words};
use crate::Error;

/// Tuned on the ECB+ dev topics (`newsprobe eval stories`).
#[derive(Debug, Clone, Copy)]
pub struct StoryParams {
    /// Weight of the anchor cosine (names, numbers); the content cosine gets the rest.
    pub anchor_weight: f64,
    /// Average-link merge threshold.
    pub threshold: f64,
    /// Days apart beyond which the similarity is halved.
    pub max_days: i64,
    /// Terms held by more than this share of the documents are not used to find candidates.
    pub max_df_share: f64,
}

impl Default for StoryParams {
    fn default() -> Self {
        StoryParams {
            anchor_weight: 0.5,
            threshold: 0.18,
            max_days: 3,
            max_df_share: 0.5,
        }
    }
}

/// What the clusterer sees of one article.
#[derive(Debug, Clone, Default)]
pub struct StoryDoc {
    pub title: Option<String>,
    pub text: String,
    /// Entity names and other anchors given by the analysis (may be empty).
    pub names: Vec<String>,
    /// Day number of the publication date, when known.
    pub day: Option<i64>,
}

/// Days since 1970-01-01 of an ISO date or RFC 3339 time (`None` when unreadable).
pub fn day_number(s: &str) -> Option<i64> {
    let d = s.get(0..10)?;
    let mut it = d.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let day: i64 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Sparse vector: sorted `(term, weight)`, unit length.
type Sparse = Vec<(u32, f32)>;

fn cosine(a: &Sparse, b: &Sparse) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Content terms and anchor terms of a document.
fn terms(doc: &StoryDoc) -> (Vec<String>, Vec<String>) {
    let mut content = Vec::new();
    let mut anchors = Vec::new();
    let mut add = |text: &str, weight: usize| {
        let ws = words(text);
        for (k, w) in ws.iter().enumerate() {
            let first_char = w.norm.chars().next().unwrap_or(' ');
            // A capitalised word not at the start of a sentence or line is a name.
            let sentence_start = k == 0 || {
                let gap = &text[ws[k - 1].end..w.start];
                gap.contains(['.', '!', '?', '\n', '"', '“', ':'])
            };
            let is_number = first_char.is_ascii_digit();
            if is_stop(&w.norm) {
                continue;
            }
            let stem = stem(&w.norm);
            for _ in 0..weight {
                if w.norm.chars().count() > 2 || is_number {
                    content.push(stem.to_string());
                }
                if (w.capitalized && !sentence_start) || (is_number && w.norm.len() <= 4) {
                    anchors.push(w.norm.trim_end_matches("'s").to_string());
                }
            }
        }
    };
    if let Some(t) = &doc.title {
        add(t, 2);
    }
    add(&doc.text, 1);
    for n in &doc.names {
        for w in words(n) {
            if !is_stop(&w.norm) {
                anchors.push(w.norm.trim_end_matches("'s").to_string());
            }
        }
    }
    (content, anchors)
}

/// The terms the clusterer weighs for one document, each as often as it counts: content terms
/// (stemmed words, the title's twice), then anchor terms (names and short numbers, prefixed `@`,
/// as [`StoryIndex`] keeps them apart from content terms). For clustering elsewhere (the Spark
/// job's same-story edges), with the same TF-IDF over them.
pub fn story_terms(doc: &StoryDoc) -> (Vec<String>, Vec<String>) {
    let (content, anchors) = terms(doc);
    (
        content,
        anchors.into_iter().map(|t| format!("@{t}")).collect(),
    )
}

/// A light suffix stripper ("earthquakes" and "earthquake" meet).
fn stem(w: &str) -> &str {
    for suf in ["'s", "ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suf) {
            if s.len() >= 4 {
                return s;
            }
        }
    }
    w
}

struct Vectorizer {
    vocab: HashMap<String, u32>,
}

impl Vectorizer {
    fn ids(&mut self, terms: &[String]) -> Vec<(u32, f32)> {
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for t in terms {
            let n = self.vocab.len() as u32;
            let id = *self.vocab.entry(t.clone()).or_insert(n);
            *counts.entry(id).or_insert(0.0) += 1.0;
        }
        let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
        v.sort_unstable_by_key(|x| x.0);
        v
    }
}

fn tfidf(raw: Vec<Vec<(u32, f32)>>) -> (Vec<Sparse>, Vec<u32>) {
    let n = raw.len() as f32;
    let mut df: HashMap<u32, u32> = HashMap::new();
    for v in &raw {
        for (t, _) in v {
            *df.entry(*t).or_insert(0) += 1;
        }
    }
    let vecs = raw
        .into_iter()
        .map(|v| {
            let mut out: Sparse = v
                .into_iter()
                .map(|(t, c)| {
                    let d = df.get(&t).copied().unwrap_or(1) as f32;
                    (
                        t,
                        (1.0 + c.ln()) * ((1.0 + n) / (1.0 + d)).ln().max(0.0) + 1e-6,
                    )
                })
                .collect();
            let norm = out.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut out {
                    x.1 /= norm;
                }
            }
            out
        })
        .collect();
    let mut dfv = vec![0u32; df.keys().max().map_or(0, |m| *m as usize + 1)];
    for (t, d) in df {
        if let Some(x) = dfv.get_mut(t as usize) {
            *x = d;
        }
    }
    (vecs, dfv)
}

/// Candidate pairs come from each document's strongest terms only (an inverted index over
/// them), so the work stays near-linear in a large archive.
pub const CANDIDATE_TERMS: usize = 40;
/// A strong term shared by more documents than this does not make candidates.
pub const MAX_POSTINGS: usize = 2_000;
/// Strong terms two documents must share to be compared.
pub const MIN_SHARED: u16 = 2;

/// Builds the term vectors of a stream of documents (their texts are not kept).
pub struct StoryIndex {
    vz: Vectorizer,
    content: Vec<Vec<(u32, f32)>>,
    anchors: Vec<Vec<(u32, f32)>>,
    days: Vec<Option<i64>>,
}

impl Default for StoryIndex {
    fn default() -> Self {
        StoryIndex {
            vz: Vectorizer {
                vocab: HashMap::new(),
            },
            content: Vec::new(),
            anchors: Vec::new(),
            days: Vec::new(),
        }
    }
}

impl StoryIndex {
    /// Adds one document.
    pub fn add(&mut self, d: &StoryDoc) {
        let (c, a) = terms(d);
        self.content.push(self.vz.ids(&c));
        let a: Vec<String> = a.into_iter().map(|t| format!("@{t}")).collect();
        self.anchors.push(self.vz.ids(&a));
        self.days.push(d.day);
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// Pairwise similarities of candidate pairs: `(i, j, sim)`, `i < j`.
    pub fn similarities(self, p: &StoryParams) -> Vec<(usize, usize, f64)> {
        let n = self.days.len();
        let days = self.days;
        let (content, df) = tfidf(self.content);
        let (anchors, _) = tfidf(self.anchors);
        let max_df = ((n as f64 * p.max_df_share).ceil() as u32).max(2);
        let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut strong: Vec<Vec<u32>> = Vec::with_capacity(n);
        for (i, v) in content.iter().enumerate() {
            let mut terms: Vec<&(u32, f32)> = v
                .iter()
                .filter(|(t, _)| df.get(*t as usize).copied().unwrap_or(0) <= max_df)
                .collect();
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let top: Vec<u32> = terms
                .into_iter()
                .take(CANDIDATE_TERMS)
                .map(|x| x.0)
                .collect();
            for t in &top {
                postings.entry(*t).or_default().push(i);
            }
            strong.push(top);
        }
        let mut out = Vec::new();
        let mut shared: Vec<u16> = vec![0; n];
        let mut touched: Vec<usize> = Vec::new();
        for i in 0..n {
            // Pairs that share at least two of their strongest terms (a term in very many
            // documents' top lists says little, and is skipped).
            for t in &strong[i] {
                let Some(list) = postings.get(t) else {
                    continue;
                };
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &j in list {
                    if j > i {
                        if shared[j] == 0 {
                            touched.push(j);
                        }
                        shared[j] = shared[j].saturating_add(1);
                    }
                }
            }
            for &j in &touched {
                if shared[j] >= MIN_SHARED {
                    let mut s = (1.0 - p.anchor_weight) * cosine(&content[i], &content[j])
                        + p.anchor_weight * cosine(&anchors[i], &anchors[j]);
                    if let (Some(a), Some(b)) = (days[i], days[j]) {
                        if (a - b).abs() > p.max_days {
                            s *= 0.5;
                        }
                    }
                    if s > 0.02 {
                        out.push((i, j, s));
                    }
                }
                shared[j] = 0;
            }
            touched.clear();
        }
        out
    }
}

/// Pairwise similarities of the documents that share a strong content term.
pub fn similarities(docs: &[StoryDoc], p: &StoryParams) -> Vec<(usize, usize, f64)> {
    let mut index = StoryIndex::default();
    for d in docs {
        index.add(d);
    }
    index.similarities(p)
}

/// Average-link agglomerative clustering over a sparse similarity graph (absent pairs count as
/// 0). Returns a cluster number per document, numbered by first member.
pub fn average_link(n: usize, pairs: &[(usize, usize, f64)], threshold: f64) -> Vec<usize> {
    #[derive(PartialEq)]
    struct Item(f64, usize, usize, u32, u32);
    impl Eq for Item {}
    impl PartialOrd for Item {
        fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Item {
        fn cmp(&self, o: &Self) -> std::cmp::Ordering {
            self.0
                .total_cmp(&o.0)
                .then_with(|| o.1.cmp(&self.1))
                .then_with(|| o.2.cmp(&self.2))
        }
    }
    let mut size = vec![1usize; n];
    let mut version = vec![0u32; n];
    let mut alive = vec![true; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut nb: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for &(i, j, s) in pairs {
        if i < n && j < n && i != j {
            *nb[i].entry(j).or_insert(0.0) += s;
            *nb[j].entry(i).or_insert(0.0) += s;
        }
    }
    let mut heap = BinaryHeap::new();
    for (i, m) in nb.iter().enumerate() {
        for (&j, &s) in m {
            if i < j && s >= threshold {
                heap.push(Item(s, i, j, 0, 0));
            }
        }
    }
    while let Some(Item(avg, a, b, va, vb)) = heap.pop() {
        if avg < threshold {
            break;
        }
        if !alive[a] || !alive[b] || version[a] != va || version[b] != vb {
            continue;
        }
        // Merge b into a.
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        size[a] += size[b];
        version[a] += 1;
        let nb_b = std::mem::take(&mut nb[b]);
        nb[a].remove(&b);
        for (k, s) in nb_b {
            if k != a {
                *nb[a].entry(k).or_insert(0.0) += s;
            }
        }
        let entries: Vec<(usize, f64)> = nb[a].iter().map(|(&k, &s)| (k, s)).collect();
        for (k, s) in entries {
            nb[k].remove(&b);
            nb[k].insert(a, s);
            let avg = s / (size[a] * size[k]) as f64;
            if avg >= threshold {
                let (x, y) = if a < k { (a, k) } else { (k, a) };
                heap.push(Item(avg, x, y, version[x], version[y]));
            }
        }
    }
    let mut root_of = vec![0usize; n];
    for r in 0..n {
        if alive[r] {
            for &m in &members[r] {
                root_of[m] = r;
            }
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::new();
    let mut label = Vec::with_capacity(n);
    for &r in &root_of {
        let next = number.len();
        label.push(*number.entry(r).or_insert(next));
    }
    label
}

/// Same-story cluster labels of `docs`.
pub fn cluster_stories(docs: &[StoryDoc], p: &StoryParams) -> Vec<usize> {
    let pairs = similarities(docs, p);
    average_link(docs.len(), &pairs, p.threshold)
}

/// One same-story cluster, as the contract's `clusters --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub id: String,
    pub members: Vec<String>,
    pub label: String,
    pub first_published: Option<String>,
}

/// A stored row as `site_links` reads it: rowid, site, published, signature.
type SignatureRow = (i64, Option<String>, Option<String>, Option<Vec<u8>>);

/// Near-copies between two sites: `from` published first (or the same time), `to` copied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteLink {
    pub from: String,
    pub to: String,
    /// Near-copy pairs between the two sites.
    pub count: usize,
    /// Earliest publication among the copies on `to`.
    pub first_seen: Option<String>,
    pub mean_similarity: f64,
}

/// The article as the clusterer sees it.
pub fn story_doc(r: &newsprobe_core::Report) -> StoryDoc {
    let mut names: Vec<String> = r.entities.iter().map(|e| e.name.clone()).collect();
    names.extend(r.quotes.iter().filter_map(|q| q.source.name.clone()));
    StoryDoc {
        title: r.metadata.title.clone(),
        text: r.text.clone(),
        names,
        day: r.metadata.published.as_deref().and_then(day_number),
    }
}

impl Archive {
    /// Same-story clusters of every stored article (each article in exactly one cluster),
    /// ordered by first publication.
    pub fn story_clusters(&self, p: &StoryParams) -> Result<Vec<Cluster>, Error> {
        let mut index = StoryIndex::default();
        let mut meta: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        self.for_each(|a| {
            index.add(&story_doc(&a.report));
            let label = a.title.clone().or_else(|| {
                let first: String = a.report.text.chars().take(80).collect();
                (!first.is_empty()).then_some(first)
            });
            meta.push((a.id, a.published, label));
        })?;
        let n = index.len();
        let labels = average_link(n, &index.similarities(p), p.threshold);
        let k = labels.iter().copied().max().map_or(0, |m| m + 1);
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (i, &l) in labels.iter().enumerate() {
            groups[l].push(i);
        }
        let mut out: Vec<Cluster> = groups
            .into_iter()
            .filter(|g| !g.is_empty())
            .map(|mut g| {
                // Members in publication order (unknown dates last, then by storage order).
                g.sort_by(|&a, &b| match (&meta[a].1, &meta[b].1) {
                    (Some(x), Some(y)) => x.cmp(y).then(a.cmp(&b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.cmp(&b),
                });
                let first = g[0];
                Cluster {
                    id: String::new(),
                    members: g.iter().map(|&i| meta[i].0.clone()).collect(),
                    label: meta[first].2.clone().unwrap_or_default(),
                    first_published: meta[first].1.clone(),
                }
            })
            .collect();
        out.sort_by(|a, b| match (&a.first_published, &b.first_published) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        for (i, c) in out.iter_mut().enumerate() {
            c.id = format!("c{}", i + 1);
        }
        Ok(out)
    }

    /// The near-copy network by site: for each ordered pair of sites, how many near-copies
    /// (estimated Jaccard >= `min`) the later one published of the earlier one's articles.
    pub fn site_links(&self, min: f64) -> Result<Vec<SiteLink>, Error> {
        let mut rows: Vec<SignatureRow> = Vec::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT rowid, site, published, signature FROM articles ORDER BY rowid")?;
            let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            for r in it {
                rows.push(r?);
            }
        }
        let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let mut agg: HashMap<(String, String), (usize, Option<String>, f64)> = HashMap::new();
        for (rowid, site, published, sig) in &rows {
            let Some(sig) = sig
                .as_deref()
                .and_then(crate::minhash::Signature::from_bytes)
            else {
                continue;
            };
            for (other, sim) in self.near_copies(&sig, min)? {
                if other <= *rowid {
                    continue;
                }
                let Some(&j) = index.get(&other) else {
                    continue;
                };
                let (_, osite, opub, _) = &rows[j];
                let a = (
                    site.clone().unwrap_or_else(|| "(unknown)".into()),
                    published.clone(),
                );
                let b = (
                    osite.clone().unwrap_or_else(|| "(unknown)".into()),
                    opub.clone(),
                );
                if a.0 == b.0 {
                    continue;
                }
                // The earlier publication is the original; unknown dates go last.
                let a_first = match (&a.1, &b.1) {
                    (Some(x), Some(y)) => x <= y,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => true,
                };
                let (from, to) = if a_first { (a, b) } else { (b, a) };
                let e = agg.entry((from.0, to.0)).or_insert((0, None, 0.0));
                e.0 += 1;
                e.2 += sim;
                if let Some(t) = to.1 {
                    if e.1.as_ref().is_none_or(|f| &t < f) {
                        e.1 = Some(t);
                    }
                }
            }
        }
        let mut out: Vec<SiteLink> = agg
            .into_iter()
            .map(|((from, to), (count, first_seen, sum))| SiteLink {
                from,
                to,
                count,
                first_seen,
                mean_similarity: sum / count as f64,
            })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.from.cmp(&b.from))
                .then(a.to.cmp(&b.to))
        });
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, text: &str) -> StoryDoc {
        StoryDoc {
            title: Some(title.into()),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn two_earthquakes_stay_apart_and_retellings_join() {
        let docs = vec![
            doc("Quake shakes Sumatra", "A magnitude 7.6 earthquake struck off Padang in Sumatra on Wednesday, killing at least 200 people as buildings collapsed."),
            doc("Hundreds dead in Padang earthquake", "Rescuers in Padang dug through collapsed buildings after the 7.6 magnitude earthquake hit western Sumatra."),
            doc("Earthquake hits northern California", "A magnitude 4.4 earthquake rattled Gilroy in northern California on Tuesday; no injuries were reported."),
            doc("Gilroy quake rattles residents", "Residents of Gilroy in California felt a 4.4 magnitude earthquake, but officials reported no damage or injuries."),
            doc("Oscars pick host", "The Academy announced Ellen DeGeneres will host the Oscars next year."),
        ];
        let l = cluster_stories(&docs, &StoryParams::default());
        assert_eq!(l[0], l[1]);
        assert_eq!(l[2], l[3]);
        assert_ne!(l[0], l[2]);
        assert_ne!(l[4], l[0]);
        assert_ne!(l[4], l[2]);
    }

    #[test]
    fn average_link_merges_only_above_threshold() {
        let pairs = [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (2, 3, 0.1)];
        assert_eq!(average_link(4, &pairs, 0.5), vec![0, 0, 0, 1]);
        assert_eq!(average_link(0, &[], 0.5), Vec::<usize>::new());
    }

    #[test]
    fn archive_clusters_and_site_links() {
        use crate::store::plain_report;
        let text = "The harbour authority of Northport confirmed on Wednesday that the container terminal will be sold to a consortium of regional investors, ending two years of talks.";
        let mut a = Archive::in_memory().unwrap();
        a.ingest(&[
            plain_report("orig", Some("ledger.example"), Some("2026-03-04T09:00:00Z"), Some("Northport terminal sold"), text),
            plain_report("copy", Some("mirror.example"), Some("2026-03-05T09:00:00Z"), Some("Northport terminal sold"), &text.replace("regional", "local")),
            plain_report("rain", Some("ledger.example"), Some("2026-03-04"), Some("Floods"), "Heavy rain flooded the lower town of Eastbury overnight, and the river will crest on Friday."),
        ])
        .unwrap();
        let c = a.story_clusters(&StoryParams::default()).unwrap();
        assert_eq!(c.len(), 2);
        let all: usize = c.iter().map(|c| c.members.len()).sum();
        assert_eq!(all, 3);
        let story = c
            .iter()
            .find(|c| c.members.contains(&"orig".to_string()))
            .unwrap();
        assert_eq!(story.members, ["orig", "copy"]);
        assert_eq!(
            story.first_published.as_deref(),
            Some("2026-03-04T09:00:00Z")
        );
        let links = a.site_links(0.5).unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!(
            (links[0].from.as_str(), links[0].to.as_str(), links[0].count),
            ("ledger.example", "mirror.example", 1)
        );
        assert_eq!(links[0].first_seen.as_deref(), Some("2026-03-05T09:00:00Z"));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-03-04T09:30:00+01:00"), Some(20516));
        assert_eq!(day_number("yesterday"), None);
    }
}
