"""Session 20 (s20-junk): a seeded random pick of 60 readable articles nobody tuned on before —
20 PTC train articles outside the `ptc-train` group (ids `is_dev` rejects; never PTC dev), the 20
GUM train news documents, 20 PolNeAR train articles — analysed, every shown speaker listed
(document, shown name, entity type, source type, cue, mention, and its sentence) for judging by
reading. The judgments are in `s20_judged.tsv` (now tuned-on: the articles are listed in
`s20_articles.txt`); a rerun prints junk shown and wrong source types against them.

    python3 scripts/junk_speakers/s20_pick.py BINARY OUT   # from the project root; OUT/shown.tsv
"""
import glob, json, os, random, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptc_split import is_dev  # noqa: E402
from judged_pick import read_judged, run_analyze, sources_listed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
PTC = os.path.join(E, "propaganda", "ptc", "articles")
BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
rng = random.Random(20)

tuned = {json.load(open(f))["id"] for f in glob.glob(os.path.join(ROOT, "eval", "review", "ptc-train", "*.json"))}
ptc = sorted(f[len("article"):-4] for f in os.listdir(PTC) if f.endswith(".txt"))
ptc = [i for i in ptc if not is_dev(i) and i not in tuned]
recs = [{"id": "ptc:" + i, "text": open(f"{PTC}/article{i}.txt").read()} for i in sorted(rng.sample(ptc, 20))]
gum = [json.loads(l) for l in open(E + "/entities/gum-news/gum_news.jsonl")]
recs += [{"id": "gum:" + d["doc_id"], "text": d["text"]} for d in gum if d["split"] == "train"]
pn = sorted(os.path.basename(p)[:-4] for p in glob.glob(E + "/quotes/polnear/train/text/*.txt"))
recs += [{"id": "polnear:" + n, "text": open(f"{E}/quotes/polnear/train/text/{n}.txt").read()}
         for n in sorted(rng.sample(pn, 20))]
run_analyze(recs, BIN, OUT)
judged = read_judged(os.path.join(HERE, "s20_judged.tsv"), 3)
rows, junk, wrong, unjudged = [], Counter(), Counter(), 0
for doc, s, et, cue, mention, sent in sources_listed(f"{OUT}/pick.out"):
    if s.get("name"):
        typ = str(s.get("type"))
        rows.append([doc, s["name"], et, typ, cue, mention, sent])
        v = judged.get((doc, s["name"], typ))
        if v is None:
            unjudged += 1
        elif v.startswith("junk"):
            junk[v] += 1
        elif v.startswith("type"):
            wrong[v] += 1
with open(f"{OUT}/shown.tsv", "w") as w:
    for row in rows:
        w.write("\t".join(row) + "\n")
print(f"documents {len(recs)}, shown speakers {len(rows)} -> {OUT}/shown.tsv; not judged {unjudged}")
print(f"junk shown {sum(junk.values())}")
for k, n in junk.most_common():
    print(f"    {n:4d} {k}")
print(f"wrong source type {sum(wrong.values())}")
for k, n in wrong.most_common():
    print(f"    {n:4d} {k}")
