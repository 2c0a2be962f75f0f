"""The seeded junk-speaker picks of sessions 24 and on (`s24_pick.py`, `s25_pick.py`): PTC train
articles (never dev, no file of eval/review by its name, none of the earlier picks) and FNC-1 bodies
of the tuning pool (pool stories only, none in eval/review, none of the earlier picks), `each` of
both, drawn with the session's seed; analysed, every shown and every suggested speaker listed with
what a judge reads beside it, each flagged `cand` where its head word is no person/organisation/group
head (crates/newsprobe/data/speaker_heads.txt) and the engine found no person or organisation entity
for it, and judged against `sNN_judged.tsv`. `fnc1_quoted=False` (session 26 on: the pool's quoted
bodies of 150 words or more are all picked) takes FNC-1 bodies without a quotation mark too. Each `sNN_pick.py` calls `main` with its own figures.
"""
import csv, glob, os, random, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from ptc_split import is_dev  # noqa: E402
from judged_pick import head_word, is_head, read_judged, run_analyze, sources_listed  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "eval", "review"))
sys.path.insert(0, os.path.join(ROOT, "eval", "review", "heldout"))
os.chdir(ROOT)
from tuning_pool import pool_story_ids  # noqa: E402
from later_rounds import fnc1_stories  # noqa: E402

E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
PTC = os.path.join(E, "propaganda", "ptc", "articles")
# (File names only: no held-out file is opened.)
sample = {os.path.basename(f)[:-5] for f in glob.glob("eval/review/**/*.json", recursive=True)}


def pick(seed, each, earlier, fnc1_quoted=True):
    rng = random.Random(seed)
    ptc = sorted(f[len("article"):-4] for f in os.listdir(PTC) if f.endswith(".txt"))
    ptc = [i for i in ptc if not is_dev(i) and i not in sample and "ptc:" + i not in earlier]
    ptc = [i for i in ptc if len(open(f"{PTC}/article{i}.txt").read().split()) >= 150]
    recs = [{"id": "ptc:" + i, "text": open(f"{PTC}/article{i}.txt").read()} for i in sorted(rng.sample(ptc, each))]
    story, stories = fnc1_stories(), pool_story_ids()
    rows = list(csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8")))
    seen = {r["articleBody"][:200] for r in rows if r["Body ID"] in sample or "fnc1-" + r["Body ID"] in earlier}
    cands = [(r["Body ID"], r["articleBody"]) for r in rows
             if story.get(r["Body ID"], r["Body ID"]) in stories and r["Body ID"] not in sample
             and "fnc1-" + r["Body ID"] not in earlier and len(r["articleBody"].split()) >= 150
             and (not fnc1_quoted or re.search(r"[\"\u201c\u201d]", r["articleBody"]))]
    cands.sort(key=lambda c: int(c[0]))
    rng.shuffle(cands)
    n = 0
    for i, t in cands:
        if t[:200] in seen:
            continue
        seen.add(t[:200])
        recs.append({"id": "fnc1-" + i, "text": t})
        n += 1
        if n == each:
            break
    return recs


def main(session, seed, each, earlier_files, fnc1_quoted=True):
    BIN, OUT = sys.argv[1], sys.argv[2]
    os.makedirs(OUT, exist_ok=True)
    earlier = {l.strip() for f in earlier_files
               for l in open(os.path.join(HERE, f)) if l.strip() and not l.startswith("#")}
    recs = pick(seed, each, earlier, fnc1_quoted)
    with open(os.path.join(HERE, f"s{session}_articles.txt"), "w") as w:
        w.write(f"# The {len(recs)} articles of s{session}_pick.py (seed {seed}), read and judged in session {session}: tuned-on from now.\n")
        for r in recs:
            w.write(r["id"] + "\n")
    run_analyze(recs, BIN, OUT)
    judged = read_judged(os.path.join(HERE, f"s{session}_judged.tsv"), 4)
    rows, count = [], Counter()
    for doc, s, et, cue, mention, sent in sources_listed(f"{OUT}/pick.out"):
        how, name = ("shown", s.get("name")) if s.get("name") else ("suggested", s.get("suggested"))
        if not name:
            continue
        typ = str(s.get("type"))
        cand = et not in ("person", "organization") and not is_head(head_word(name))
        v = judged.get((doc, how, name, typ), "cand" if cand else "-")
        count[(how, v.split(":")[0] + (":" + v.split(":")[1] if v.startswith("junk") else ""))] += 1
        rows.append([doc, how, name, typ, v, et, cue, mention, sent])
    with open(f"{OUT}/listed.tsv", "w") as w:
        for row in rows:
            w.write("\t".join(row) + "\n")
    print(f"documents {len(recs)}, speakers listed {len(rows)} -> {OUT}/listed.tsv")
    for k, c in sorted(count.items()):
        print(f"    {c:4d} {k[0]} {k[1]}")
