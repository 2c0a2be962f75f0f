"""Lists the speakers `newsprobe analyze` shows on the train-split text of build_corpus.py and
sorts those with no person or organisation entity into junk classes (session 10). A labelling
aid, not a model: the classes are word lists and shapes, checked by hand on the listing; the
bucket of cue-as-noun modifiers is judged name by name (MOD_JUNK). Documents ("the statement",
"the poll") speak by the sample's conventions and are counted apart, not as junk.

    for k in polnear gum ecbplus scrapinghub; do
      target/release/newsprobe analyze --threads 1 --format jsonl OUT/$k.jsonl > OUT/$k.out
    done
    python3 scripts/junk_speakers/list.py OUT [--names]
"""
import collections, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classes import judge, row  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/junk-speakers"
rows = []
for k in ["polnear", "gum", "ecbplus", "scrapinghub"]:
    for line in open(f"{OUT}/{k}.out"):
        r = json.loads(line)
        ents = {e["id"]: e for e in r["entities"]}
        for q in r["quotes"]:
            if q["source"]["name"]:
                rows.append(dict(row(q, ents), corpus=k))
c, by, names = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
for r in rows:
    k = judge(r)
    if k.startswith("THING"):
        k = "thing/document (documents speak by convention; not junk)"
    elif k == "JUNK:adjective" and r["name"] == "Bryan English":
        k = "ok"
    if k.startswith("JUNK"):
        by[r["corpus"]] += 1
    if not k.startswith("ok"):
        c[k] += 1
        names[k][(r["name"], r["cue"])] += 1
junk = sum(v for k, v in c.items() if k.startswith("JUNK"))
print(f"shown speakers {len(rows)}, junk {junk} {dict(by)}")
for k, v in sorted(c.items()):
    print(f"  {v:4d} {k}")
    if "--names" in sys.argv:
        print("       " + "; ".join(f"{n} <{cu}> x{m}" for (n, cu), m in names[k].most_common()))
