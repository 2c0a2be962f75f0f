//! Has this search been answered since the archive last changed? A small cache of search
//! pages keyed by the query and page, valid for one archive generation: any commit to the
//! archive (an ingest, in this process or another) starts a new generation and empties it.

use std::collections::HashMap;
use std::sync::Mutex;

use newsprobe_archive::Hit;

/// One cached page: its hits and whether more follow.
pub type Page = (Vec<Hit>, bool);

/// Search pages of the current archive generation, at most `capacity` of them.
pub struct SearchCache {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    pages: HashMap<(String, usize, usize), Page>,
}

impl SearchCache {
    /// A cache of at most `capacity` pages (0: nothing is cached).
    pub fn new(capacity: usize) -> Self {
        SearchCache {
            capacity,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The page cached for `(query, skip, take)` at `generation`, if any.
    pub fn get(&self, generation: u64, query: &str, skip: usize, take: usize) -> Option<Page> {
        if self.capacity == 0 {
            return None;
        }
        let inner = self.inner.lock().ok()?;
        if inner.generation != generation {
            return None;
        }
        inner.pages.get(&(query.to_string(), skip, take)).cloned()
    }

    /// Keeps a page computed at `generation` (one of an older generation is dropped; when full,
    /// the cache starts again empty).
    pub fn put(&self, generation: u64, query: &str, skip: usize, take: usize, page: &Page) {
        if self.capacity == 0 {
            return;
        }
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        if generation < inner.generation {
            return;
        }
        if generation > inner.generation || inner.pages.len() >= self.capacity {
            inner.pages.clear();
            inner.generation = generation;
        }
        inner
            .pages
            .insert((query.to_string(), skip, take), page.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(id: &str) -> Page {
        let hit = Hit {
            id: id.into(),
            site: None,
            url: None,
            published: None,
            title: None,
            score: 1.0,
            field: "text".into(),
            passage: "The harbour board met.".into(),
            highlights: vec![(4, 11)],
        };
        (vec![hit], false)
    }

    #[test]
    fn a_new_generation_empties_the_cache_and_old_pages_are_not_kept() {
        let c = SearchCache::new(2);
        c.put(1, "harbour", 0, 20, &page("a"));
        assert_eq!(c.get(1, "harbour", 0, 20).unwrap().0[0].id, "a");
        assert!(c.get(1, "harbour", 20, 20).is_none());
        // After a commit: the page of generation 1 is not served at generation 2.
        assert!(c.get(2, "harbour", 0, 20).is_none());
        c.put(2, "harbour", 0, 20, &page("b"));
        assert_eq!(c.get(2, "harbour", 0, 20).unwrap().0[0].id, "b");
        // A page computed before the commit, stored late, is dropped.
        c.put(1, "dredging", 0, 20, &page("old"));
        assert!(c.get(2, "dredging", 0, 20).is_none());
        assert!(c.get(1, "dredging", 0, 20).is_none());
        // Full: starts again empty, never grows past its capacity.
        c.put(2, "port", 0, 20, &page("c"));
        c.put(2, "fees", 0, 20, &page("d"));
        assert!(c.get(2, "harbour", 0, 20).is_none());
        assert_eq!(c.get(2, "fees", 0, 20).unwrap().0[0].id, "d");
        let off = SearchCache::new(0);
        off.put(1, "harbour", 0, 20, &page("a"));
        assert!(off.get(1, "harbour", 0, 20).is_none());
    }
}
