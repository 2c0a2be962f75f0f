"""The seeded rule of the later held-out rounds (sessions 4 and 5) of the reviewed sample:
Scrapinghub pages in English (ASCII letters, and "the"/"and" at least 3% of the words), 150-1,000
words, at least one quotation, one page per outlet, skipping every page and outlet already
anywhere in eval/review (the round's own folder excepted), in sha256 order of SEED:id.
select2.py and select3.py call it with their round's seed, folder and size (see
eval/review/README.md). Run those from the repo root.

select_ecbplus (session 6, select4.py): ECB+ documents that fill a round, one per topic, from
the other subtopic (another event of the topic) than any document of the topic already in the
sample.

select_fnc1 (session 7, select5.py): FNC-1 article bodies of 250-900 words with a quotation mark
and "said", skipping near-duplicates (the same first 200 characters as an earlier pick or as
any FNC-1 body already in the sample: since session 8, select6.py; it changes no earlier pick).
With one_per_story=True (session 9, select7.py) it also takes at most one body per story and
none of a story already in the sample (fnc1_stories: bodies that share a headline in
train_stances are one story)."""
import glob, hashlib, json, os, re, urllib.parse


# Folders drawn under a later rule (session 21, select20.py, and session 26, select21.py: stories already in held-out rounds
# allowed) that the earlier rules never saw: sample_ids leaves them out, so select.py to
# select19.py, the pool selections and tuning_pool.py print what they printed before them.
DRAWN_LATER = ("/heldout/fnc1-13/", "/heldout/fnc1-14/")


def sample_ids(folder):
    """The ids of every file already anywhere in eval/review, the given round's own folder excepted
    (and the folders of DRAWN_LATER)."""
    return {os.path.basename(f)[:-5] for f in glob.glob("eval/review/**/*.json", recursive=True)
            if folder not in f and not any(d in f for d in DRAWN_LATER)}


def select(seed, folder, count):
    gt = json.load(open("../shared/eval/extraction/scrapinghub/ground-truth.json"))
    def host_of(i): return urllib.parse.urlparse(gt[i]["url"]).netloc.lower().removeprefix("www.")
    # Every page already anywhere in the sample, and its outlet, is skipped (this round's own folder excepted).
    used = sample_ids(folder)
    hosts = {host_of(i) for i in used if i in gt}
    def key(i): return hashlib.sha256((seed + ":" + i).encode()).hexdigest()
    n, chosen = 0, []
    for i in sorted(gt, key=key):
        body = gt[i]["articleBody"]
        words = len(re.findall(r"\w+", body))
        quotes = len(re.findall(r"[\u201c\"][^\u201d\"]{12,}[\u201d\"]", body))
        letters = re.findall(r"[^\W\d_]", body)
        english = sum(c.isascii() for c in letters) >= 0.95 * max(1, len(letters))
        # ASCII letters alone let a Portuguese page through: English also uses "the" and "and" a lot.
        low = [w.lower() for w in re.findall(r"\w+", body)]
        english = english and sum(w in ("the", "and") for w in low) >= 0.03 * max(1, len(low))
        if i in used or not (150 <= words <= 1000) or quotes < 1 or not english or host_of(i) in hosts:
            continue
        hosts.add(host_of(i)); n += 1; chosen.append(i)
        print("scrapinghub", i, host_of(i), words, quotes, sep="\t")
        if n == count: break
    return chosen


def select_ecbplus(seed, folder, count):
    """ECB+ documents (the `text` field, read by `eval review` as a record with no title) of at
    least 250 words with a `"` or the word "said", not already in the sample, at most one per
    topic, and from the other subtopic than any sample document of the same topic (a different
    event, so the names overlap little), in sha256 order of SEED:doc_id."""
    docs = [json.loads(l) for l in open("../shared/eval/stories/ecbplus/ecbplus_docs.jsonl")]
    by_id = {d["doc_id"]: d for d in docs}
    used = sample_ids(folder)
    used_sub = {}
    for i in used:
        if i in by_id:
            used_sub.setdefault(by_id[i]["topic"], set()).add(by_id[i]["subtopic"])
    def key(d): return hashlib.sha256((seed + ":" + d["doc_id"]).encode()).hexdigest()
    topics, chosen = set(), []
    for d in sorted(docs, key=key):
        text, t = d["text"], d["topic"]
        if d["doc_id"] in used or t in topics or d["subtopic"] in used_sub.get(t, set()):
            continue
        if len(text.split()) < 250 or not ('"' in text or re.search(r"\bsaid\b", text)):
            continue
        topics.add(t); chosen.append(d["doc_id"])
        print("ecbplus", d["doc_id"], len(text.split()), sep="\t")
        if len(chosen) == count: break
    return chosen


def fnc1_stories():
    """Body ID -> story id: bodies paired with a common headline in the stance pairs
    (`train_stances_related_only.reconstructed.csv`: agree, disagree, discuss; FNC-1's "unrelated"
    pairs, headlines of other stories, are not in ../shared) are one story, taken transitively
    (the connected components of the body-headline pairs; 191 stories of 1,683 bodies)."""
    import csv
    parent = {}
    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    first = {}
    for r in csv.DictReader(open("../shared/eval/stance/fnc1/train_stances_related_only.reconstructed.csv",
                                 encoding="utf-8")):
        b, h = r["Body ID"], r["Headline"]
        if h in first:
            parent[find(b)] = find(first[h])
        else:
            first[h] = b
            find(b)
    return {b: find(b) for b in parent}


def in_tuning_pool(story):
    """Whether an FNC-1 story is in the tuning pool (eval/review/tuning_pool.py's rule, which
    imports this module: the first quarter of sha256("newsprobe-tuning-pool:" + story))."""
    return hashlib.sha256(("newsprobe-tuning-pool:" + story).encode()).hexdigest()[0] in "0123"


def fnc1_passes(text):
    """select_fnc1's body filter: 250-900 words, a quotation mark and "said"."""
    return (250 <= len(text.split()) <= 900 and re.search(r"[\"\u201c\u201d]", text) is not None
            and re.search(r"\bsaid\b", text) is not None)


def select_fnc1(seed, folder, count, one_per_story=False, exclude_pool=False):
    """FNC-1 article bodies (session 7, select5.py; `train_bodies.csv`, read by `eval review` as a
    record with the `articleBody` as text and no title) of 250 to 900 words (whitespace-separated)
    that hold a quotation mark (straight or curly) and the word "said", in sha256 order of
    SEED:Body ID, skipping a body whose first 200 characters equal an earlier pick's (FNC-1 has
    near-duplicate bodies) and any body already in the sample (the round's own folder excepted).
    one_per_story (session 9): also skip a body of a story (fnc1_stories) already in the sample or
    already picked; a body with no stance pair is a story of its own. exclude_pool (session 14):
    also skip every body whose story is in the tuning pool (eval/review/tuning_pool.py: the story's
    sha256("newsprobe-tuning-pool:" + story) starts with 0-3), text engineers may read and tune on."""
    import csv
    used = sample_ids(folder)
    rows = list(csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8")))
    def key(r): return hashlib.sha256((seed + ":" + r["Body ID"]).encode()).hexdigest()
    # Near-duplicates of a body already in the sample are skipped too (session 8; the sample held
    # no FNC-1 body outside select5.py's own folder when it ran, so its picks are unchanged).
    heads = {r["articleBody"][:200] for r in rows if r["Body ID"] in used}
    story = fnc1_stories() if one_per_story or exclude_pool else {}
    stories = {story.get(r["Body ID"], r["Body ID"]) for r in rows if r["Body ID"] in used}
    chosen = []
    for r in sorted(rows, key=key):
        text, i = r["articleBody"], r["Body ID"]
        words = len(text.split())
        if i in used or not fnc1_passes(text):
            continue
        if text[:200] in heads:
            continue
        if one_per_story and story.get(i, i) in stories:
            continue
        if exclude_pool and in_tuning_pool(story.get(i, i)):
            continue
        heads.add(text[:200]); chosen.append(i)
        stories.add(story.get(i, i))
        print("fnc1", i, words, sep="\t")
        if len(chosen) == count: break
    return chosen


def shingles(text, n=8):
    """The set of word n-grams (whitespace-separated words, lower case) of a text."""
    w = text.lower().split()
    return {tuple(w[k:k + n]) for k in range(len(w) - n + 1)}


def overlap(a, b):
    """Word 8-gram overlap of two shingle sets: the larger of the two containments (|A & B| over
    the smaller set), so a short body reprinted inside a longer one counts as a near-duplicate."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def select_fnc1_heldout_stories(seed, folder, count):
    """FNC-1 bodies under the session-21 rule (select20.py): the filter of select_fnc1 (250-900
    words, a quotation mark and "said"), in sha256 order of SEED:Body ID, skipping
    - a body already anywhere in the sample (every folder, DRAWN_LATER included; the round's own
      folder excepted);
    - a body of a tuning-pool story (the story's sha256("newsprobe-tuning-pool:" + story) starts
      with 0-3, as exclude_pool);
    - a body of a story with a body in any *tuned-on* group (every folder outside heldout/:
      fnc1-pool to fnc1-pool-5 hold FNC-1 bodies) -- stories with bodies only in held-out
      rounds are allowed: their other bodies are as unread as any held-out text;
    - a second body of a story already picked in this round (at most one new body per story);
    - near-duplicates: the same first 200 characters as any FNC-1 body of the sample or of the
      tuning pool, or a word 8-gram overlap (overlap()) >= 0.5 with one of them or an earlier pick.
    Prints and returns the picks."""
    import csv
    rows = list(csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8")))
    by_id = {r["Body ID"]: r["articleBody"] for r in rows}
    files = [f for f in glob.glob("eval/review/**/*.json", recursive=True) if folder not in f]
    used = {os.path.basename(f)[:-5] for f in files} & set(by_id)
    tuned = {os.path.basename(f)[:-5] for f in files if "/heldout/" not in f} & set(by_id)
    story = fnc1_stories()
    def st(i): return story.get(i, i)
    tuned_stories = {st(i) for i in tuned}
    # Bodies a reader may have seen: the sample's FNC-1 bodies and every tuning-pool body.
    seen = [by_id[i] for i in sorted(used)] + [t for i, t in by_id.items() if in_tuning_pool(st(i)) and i not in used]
    heads = {t[:200] for t in seen}
    seen_sh = [shingles(t) for t in seen]
    def key(r): return hashlib.sha256((seed + ":" + r["Body ID"]).encode()).hexdigest()
    chosen, stories = [], set()
    for r in sorted(rows, key=key):
        text, i = r["articleBody"], r["Body ID"]
        words = len(text.split())
        if i in used or not fnc1_passes(text):
            continue
        s = st(i)
        if in_tuning_pool(s) or s in tuned_stories or s in stories:
            continue
        if text[:200] in heads:
            continue
        sh = shingles(text)
        if any(overlap(sh, o) >= 0.5 for o in seen_sh):
            continue
        heads.add(text[:200]); seen_sh.append(sh); chosen.append(i); stories.add(s)
        held = "story in a held-out round" if s in {st(j) for j in used} else "new story"
        print("fnc1", i, words, held, sep="\t")
        if len(chosen) == count:
            break
    return chosen
