"""The seeded choice of PTC articles for a group of the reviewed sample, shared by the held-out PTC
rounds (select17.py, select18.py: *dev* articles) and the tuned-on PTC group
(../select_ptctrain.py: *train* articles). An article is dev when the FNV-1a 64 hash of its id is
0 mod 5 (`is_dev` in crates/newsprobe-framing/src/propaganda/data.rs, reproduced in
scripts/junk_speakers/ptc_split.py and checked against the Rust function on the ids in CHECK).

The rule: the articles of the split in sha256 order of SEED:id (a seeded shuffle), skipping any
already in the sample (other than in the group's own folder), any under 150 words
(whitespace-separated, title included) and any with no quotation (no pair of quotation marks,
straight or curly, around 12 characters or more: a group that measures speakers needs
quotations); the first COUNT."""
import hashlib, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import sample_ids  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts", "junk_speakers"))
from ptc_split import is_dev  # noqa: E402  (FNV-1a 64 of the id, 0 mod 5)

ARTICLES = "../shared/eval/propaganda/ptc/articles"
# is_dev of the Rust on these ids (checked by compiling the Rust function on them, session 18).
CHECK = {"111111111": False, "111111113": False, "111111115": False, "111111121": True,
         "111111131": True, "696246189": True, "697063039": True}


def split_ids(dev):
    ids = sorted(f[len("article"):-len(".txt")] for f in os.listdir(ARTICLES)
                 if f.startswith("article") and f.endswith(".txt"))
    return [i for i in ids if is_dev(i) == dev]


def select(seed, folder, count, dev):
    assert all(is_dev(i) == d for i, d in CHECK.items()), "is_dev differs from the Rust"
    used = sample_ids(folder)
    def key(i): return hashlib.sha256((seed + ":" + i).encode()).hexdigest()
    chosen, skipped = [], []
    for i in sorted(split_ids(dev), key=key):
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
        if len(chosen) == count:
            break
    for i, w, q in skipped:
        print("skipped", i, w, q, sep="\t", file=sys.stderr)
    return chosen


def main(seed, folder, count, dev):
    ids = select(seed, folder, count, dev)
    split = split_ids(dev)
    if dev:
        rest = [i for i in split if i not in ids and i not in sample_ids(folder)]
        print("dev articles: %d, drawn %d, left for later rounds %d" % (len(split), len(ids), len(rest)),
              file=sys.stderr)
    else:
        print("train articles: %d, drawn %d" % (len(split), len(ids)), file=sys.stderr)
