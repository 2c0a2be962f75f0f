#!/usr/bin/env python3
"""Seeded choice of the eighteenth held-out round (session 19) of the reviewed sample: PTC dev
articles into eval/review/heldout/ptc-2 (the second PTC round; select17.py drew ptc-1).

The FNC-1, ECB+ and Scrapinghub rules are spent (select16.py: FNC-1 yields no body outside the
sample and the tuning pool). The new source is the Propaganda Techniques Corpus
(../shared/eval/propaganda/ptc/articles/article<id>.txt: the title on the first line, a blank
line, then one sentence a line), its *dev* articles only: an article is dev when the FNV-1a 64 hash
of its id is 0 mod 5 (`is_dev` in crates/newsprobe-framing/src/propaganda/data.rs, reproduced
in scripts/junk_speakers/ptc_split.py and checked against the Rust function on the ids in CHECK). Helpers read PTC *train*
articles for speakers and entities, so no speaker, quote or entity rule was tuned on the dev
articles; the propaganda tagger's thresholds were tuned on them, so framing spans of the rule
`model:propaganda-ptc` on this group are not held-out evidence.

The rule: dev articles in sha256 order of SEED:id (a seeded shuffle), skipping any already in the
sample, any under 150 words (whitespace-separated, title included) and any with no quotation at
all (no pair of quotation marks, straight or curly, around 12 characters or more: a round that
measures speakers needs quotations); the first 11 (22 dev articles pass the rule after ptc-1: 11
are left for a later round). `eval review` reads each article in place from ../shared/eval, as it
reads every other round (no article text is kept in eval/review): the file is read as `newsprobe
analyze` reads a text file (its first line, followed by a blank line, is the title). Run from the
repo root: python3 eval/review/heldout/select18.py"""
import hashlib, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import sample_ids
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts", "junk_speakers"))
from ptc_split import is_dev  # noqa: E402  (FNV-1a 64 of the id, 0 mod 5)

SEED = "newsprobe-review-heldout-2026-12-r18"
FOLDER = "ptc-2"
COUNT = 11
ARTICLES = "../shared/eval/propaganda/ptc/articles"
# is_dev of the Rust on these ids (checked by compiling the Rust function on them, session 18).
CHECK = {"111111111": False, "111111113": False, "111111115": False, "111111121": True,
         "111111131": True, "696246189": True, "697063039": True}


def dev_ids():
    ids = sorted(f[len("article"):-len(".txt")] for f in os.listdir(ARTICLES)
                 if f.startswith("article") and f.endswith(".txt"))
    return [i for i in ids if is_dev(i)]


def select():
    assert all(is_dev(i) == d for i, d in CHECK.items()), "is_dev differs from the Rust"
    used = sample_ids(FOLDER)
    def key(i): return hashlib.sha256((SEED + ":" + i).encode()).hexdigest()
    chosen, skipped = [], []
    for i in sorted(dev_ids(), key=key):
        text = open(os.path.join(ARTICLES, "article%s.txt" % i), encoding="utf-8").read()
        words = len(text.split())
        quotes = len(re.findall(r"[\u201c\"][^\u201d\"]{12,}[\u201d\"]", text))
        if i in used:
            continue
        if words < 150 or quotes < 1:
            skipped.append((i, words, quotes))
            continue
        chosen.append(i)
        print("ptc", i, words, quotes, sep="\t")
        if len(chosen) == COUNT:
            break
    for i, w, q in skipped:
        print("skipped", i, w, q, sep="\t", file=sys.stderr)
    return chosen


if __name__ == "__main__":
    ids = select()
    rest = [i for i in dev_ids() if i not in ids and i not in sample_ids(FOLDER)]
    print("dev articles: %d, drawn %d, left for later rounds %d" % (len(dev_ids()), len(ids), len(rest)),
          file=sys.stderr)
