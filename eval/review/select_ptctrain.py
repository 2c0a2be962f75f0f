#!/usr/bin/env python3
"""Seeded choice of the tuned-on PTC group of the reviewed sample (session 19): PTC *train*
articles into eval/review/ptc-train.

Modelled on heldout/select17.py (the held-out PTC rounds draw PTC *dev* articles: an article is dev
when the FNV-1a 64 hash of its id is 0 mod 5, `is_dev` in
crates/newsprobe-framing/src/propaganda/data.rs, reproduced in scripts/junk_speakers/ptc_split.py).
This group takes **train** articles only (`not is_dev`), so no held-out source is read: the group is
tuned on (errors read freely), giving the propaganda-site genre a group whose errors can be read.

The rule: train articles in sha256 order of SEED:id (a seeded shuffle), skipping any already in the
sample, any under 150 words (whitespace-separated, title included) and any with no quotation (no
pair of quotation marks, straight or curly, around 12 characters or more); the first 8. `eval
review` reads each in place from ../shared/eval as `newsprobe analyze` reads a text file (its
first line, followed by a blank line, is the title). Run from the repo root:
python3 eval/review/select_ptctrain.py"""
import hashlib, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "heldout"))
from later_rounds import sample_ids  # noqa: E402
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "junk_speakers"))
from ptc_split import is_dev  # noqa: E402  (FNV-1a 64 of the id, 0 mod 5)

SEED = "newsprobe-review-ptctrain-2026-12"
FOLDER = "ptc-train"
COUNT = 8
ARTICLES = "../shared/eval/propaganda/ptc/articles"
# is_dev of the Rust on these ids (as select17.py's CHECK, session 18).
CHECK = {"111111111": False, "111111113": False, "111111115": False, "111111121": True,
         "111111131": True, "696246189": True, "697063039": True}


def train_ids():
    ids = sorted(f[len("article"):-len(".txt")] for f in os.listdir(ARTICLES)
                 if f.startswith("article") and f.endswith(".txt"))
    return [i for i in ids if not is_dev(i)]


def select():
    assert all(is_dev(i) == d for i, d in CHECK.items()), "is_dev differs from the Rust"
    used = sample_ids(FOLDER)
    def key(i): return hashlib.sha256((SEED + ":" + i).encode()).hexdigest()
    chosen, skipped = [], []
    for i in sorted(train_ids(), key=key):
        text = open(os.path.join(ARTICLES, "article%s.txt" % i), encoding="utf-8").read()
        words = len(text.split())
        quotes = len(re.findall(r"[\u201c\"][^\u201d\"]{12,}[\u201d\"]", text))
        if i in used:
            continue
        if words < 150 or quotes < 1:
            skipped.append((i, words, quotes))
            continue
        assert not is_dev(i)
        chosen.append(i)
        print("ptc", i, words, quotes, sep="\t")
        if len(chosen) == COUNT:
            break
    for i, w, q in skipped:
        print("skipped", i, w, q, sep="\t", file=sys.stderr)
    return chosen


if __name__ == "__main__":
    ids = select()
    print("train articles: %d, drawn %d" % (len(train_ids()), len(ids)), file=sys.stderr)
