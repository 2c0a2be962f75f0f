"""Session 21 (s21-junk21): a seeded pick of 60 FNC-1 bodies of the tuning pool that are not in the
reviewed sample, analysed, every shown and every suggested speaker listed (document, shown or
suggested, name, entity type, source type, cue, mention, and its sentence) for judging by reading.

The listing filter of `eval/review/tuning_pool.py` (250-900 words, a quotation mark and "said") is
spent: 47 of its 49 bodies are in the tuned-on fnc1-pool groups. So this pick reads every body of a
pool story (`pool_story_ids`, the pool's own definition: no body of the story is held out) that is
not anywhere in eval/review, has a quotation mark and at least 120 words, and is no near-duplicate
(same first 200 characters) of a sample body or of an earlier pick; 60 of them drawn with
random.Random(21). The judgments are in `s21_judged.tsv` (the 60 bodies, `s21_articles.txt`, are
tuned-on from now); a rerun prints junk and wrong source types, shown and suggested, against them.

    python3 scripts/junk_speakers/s21_pick.py BINARY OUT   # from the project root; OUT/listed.tsv
"""
import csv, glob, json, os, random, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# (judged_pick imports subprocess, hence select, before heldout/select.py is on the path.)
sys.path.insert(0, HERE)
from judged_pick import read_judged, run_analyze, sources_listed  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "eval", "review"))
sys.path.insert(0, os.path.join(ROOT, "eval", "review", "heldout"))
os.chdir(ROOT)
from tuning_pool import pool_story_ids  # noqa: E402
from later_rounds import fnc1_stories  # noqa: E402

BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)


def pick():
    story, stories = fnc1_stories(), pool_story_ids()
    sample = {os.path.basename(f)[:-5] for f in glob.glob("eval/review/**/*.json", recursive=True)}
    rows = list(csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8")))
    seen = {r["articleBody"][:200] for r in rows if r["Body ID"] in sample}
    cands = []
    for r in rows:
        i, t = r["Body ID"], r["articleBody"]
        if story.get(i, i) not in stories or i in sample:
            continue
        if len(t.split()) < 120 or not re.search(r"[\"\u201c\u201d]", t):
            continue
        cands.append((i, t))
    cands.sort(key=lambda c: int(c[0]))
    random.Random(21).shuffle(cands)
    out = []
    for i, t in cands:
        if t[:200] in seen:
            continue
        seen.add(t[:200])
        out.append({"id": "fnc1-" + i, "text": t})
        if len(out) == 60:
            break
    return out


recs = pick()
run_analyze(recs, BIN, OUT)
judged = read_judged(os.path.join(HERE, "s21_judged.tsv"), 4)
rows, unjudged = [], 0
count = {h: [Counter(), Counter(), 0] for h in ("shown", "suggested")}
for doc, s, et, cue, mention, sent in sources_listed(f"{OUT}/pick.out"):
    how, name = ("shown", s.get("name")) if s.get("name") else ("suggested", s.get("suggested"))
    if name:
        typ = str(s.get("type"))
        rows.append([doc, how, name, et, typ, cue, mention, sent])
        count[how][2] += 1
        v = judged.get((doc, how, name, typ))
        if v is None:
            unjudged += 1
        elif v.startswith("junk"):
            count[how][0][v] += 1
        elif v.startswith("type"):
            count[how][1][v] += 1
with open(f"{OUT}/listed.tsv", "w") as w:
    for row in rows:
        w.write("\t".join(row) + "\n")
print(f"documents {len(recs)}, speakers listed {len(rows)} -> {OUT}/listed.tsv; not judged {unjudged}")
for how, (junk, wrong, n) in count.items():
    print(f"{how} {n}: junk {sum(junk.values())}, wrong source type {sum(wrong.values())}")
    for k, c in junk.most_common() + wrong.most_common():
        print(f"    {c:4d} {k}")
