"""Junk speakers on text engineers may read (session 14): the 49 FNC-1 bodies of the tuning pool
(`eval/review/tuning_pool.py`) and the first 50 PTC train articles (ids whose FNV-1a hash is not
0 mod 5, as `newsprobe-framing`'s `is_dev`). Every shown speaker is listed; the ones judged junk
by reading their sentence (a speaker that is no person, organisation or group) are in
`pool_junk.tsv` (document id, shown name: `source.name`, else the suggested name, else the
mention; class), so a rerun prints the count before/after.

    python3 scripts/junk_speakers/pool.py BINARY OUT [--all] [--names]   # from the project root

--all prints every shown speaker (id, name, cue, mention, sentence) to judge new ones.
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptc_split import is_dev  # noqa: E402
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PTC = os.path.join(os.path.dirname(ROOT), "shared", "eval", "propaganda", "ptc", "articles")
BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)


src = f"{OUT}/pool.jsonl"
with open(src, "w") as out:
    pool = subprocess.run([sys.executable, os.path.join(ROOT, "eval", "review", "tuning_pool.py"),
                           "--jsonl", "49"], capture_output=True, text=True, check=True).stdout
    out.write(pool)
    ids = sorted(f[len("article"):-4] for f in os.listdir(PTC) if f.endswith(".txt"))
    for i in [i for i in ids if not is_dev(i)][:50]:
        out.write(json.dumps({"id": "ptc-" + i, "text": open(f"{PTC}/article{i}.txt").read()}) + "\n")
with open(f"{OUT}/pool.out", "w") as o:
    subprocess.run([BIN, "analyze", "--threads", "1", "--format", "jsonl", src], stdout=o, check=False)
texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(src)}
judged = {}
for line in open(os.path.join(HERE, "pool_junk.tsv")):
    if line.strip() and not line.startswith("#"):
        d, n, c = line.rstrip("\n").split("\t")
        judged[(d, n)] = c
shown, junk = 0, []
for line in open(f"{OUT}/pool.out"):
    r = json.loads(line)
    doc = r["source"]["id"]
    for q in r["quotes"]:
        s = q["source"]
        m = s.get("mention") or {}
        name = s["name"] or s.get("suggested") or m.get("text")
        if not name:
            continue
        shown += 1
        if (doc, name) in judged:
            junk.append((judged[(doc, name)], name, doc))
        if "--all" in sys.argv:
            t = texts[doc]
            a = m.get("start", (q.get("cue") or {}).get("start", 0))
            b0, b1 = t.rfind("\n", 0, a) + 1, t.find("\n", a)
            sent = t[max(b0, a - 160):(b1 if b1 >= 0 else len(t))][:320].replace("\n", " ")
            print(f"{doc}\t{name}\t{s.get('name') is not None}\t{(q.get('cue') or {}).get('text')}\t{sent}")
print(f"pool: shown speakers {shown}, junk {len(junk)} ({len(set(junk))} names an article)")
for c, n in sorted(Counter(c for c, _, _ in set(junk)).items()):
    print(f"    {c}: {n}")
if "--names" in sys.argv:
    for j in sorted(junk):
        print("   ", " | ".join(j))
