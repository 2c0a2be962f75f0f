"""Every shown speaker (source.name, else the suggested name, else the mention) on the text
engineers may read (session 17): the tuned-on groups of eval/review (seven since session 18, eight since
session 19: `ptc-train`, 8 reviewed PTC train articles; nine since session 22: `ptc-train-2`, 12 more), the 49 FNC-1 bodies of the tuning pool and
every other PTC train article (ids `is_dev` rejects; group `ptc-train-rest` since session 19, `ptc-train`
before: the reviewed ones are listed once, under their group). One line a speaker:
group, document, shown name, entity type, source type, cue, shown or suggested, and the sentence,
for judging junk by reading. Never reads eval/review/heldout.

    python3 scripts/junk_speakers/listing.py BINARY OUT   # from the project root; writes OUT/all.tsv
"""
import csv, glob, gzip, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptc_split import is_dev  # noqa: E402

csv.field_size_limit(1 << 30)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
R = os.path.join(ROOT, "eval", "review")
PTC = os.path.join(E, "propaganda", "ptc", "articles")
BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
GROUPS = ["ecbplus", "scrapinghub", "fnc1-pool", "fnc1-pool-2", "fnc1-pool-3", "fnc1-pool-4", "fnc1-pool-5",
          "ptc-train", "ptc-train-2"]


recs, group = [], {}
ecb = {json.loads(l)["doc_id"]: json.loads(l)["text"] for l in open(E + "/stories/ecbplus/ecbplus_docs.jsonl")}
fnc = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(open(E + "/stance/fnc1/train_bodies.csv"))}
gt = json.load(open(E + "/extraction/scrapinghub/ground-truth.json"))
for g in GROUPS:
    for f in sorted(glob.glob(f"{R}/{g}/*.json")):
        d = json.load(open(f))
        i = f"{g}:{d['id']}"
        if d["dataset"] == "ecbplus":
            recs.append({"id": i, "text": ecb[d["id"]]})
        elif d["dataset"] == "fnc1":
            recs.append({"id": i, "text": fnc[d["id"]]})
        elif d["dataset"] == "ptc":
            assert not is_dev(d["id"]), "a PTC dev article in a tuned-on group"
            recs.append({"id": i, "text": open(f"{PTC}/article{d['id']}.txt").read()})
        else:
            h = gzip.open(f"{E}/extraction/scrapinghub/html/{d['id']}.html.gz").read().decode("utf-8", "replace")
            recs.append({"id": i, "url": gt[d["id"]].get("url"), "html": h})
        group[i] = g
pool = subprocess.run([sys.executable, os.path.join(R, "tuning_pool.py"), "--jsonl", "49"],
                      capture_output=True, text=True, check=True).stdout
for l in pool.splitlines():
    d = json.loads(l)
    d["id"] = "pool:" + d["id"]
    recs.append(d)
    group[d["id"]] = "pool"
for i in sorted(f[len("article"):-4] for f in os.listdir(PTC) if f.endswith(".txt")):
    if not is_dev(i) and f"ptc-train:{i}" not in group and f"ptc-train-2:{i}" not in group:
        recs.append({"id": "ptc:" + i, "text": open(f"{PTC}/article{i}.txt").read()})
        group["ptc:" + i] = "ptc-train-rest"
src = f"{OUT}/all.jsonl"
with open(src, "w") as out:
    for r in recs:
        out.write(json.dumps(r) + "\n")
with open(f"{OUT}/all.out", "w") as o:
    subprocess.run([BIN, "analyze", "--threads", "1", "--format", "jsonl", src], stdout=o, check=False)
n = 0
with open(f"{OUT}/all.tsv", "w") as w:
    for line in open(f"{OUT}/all.out"):
        r = json.loads(line)
        doc = r["source"]["id"]
        text = r.get("text") or (r.get("article") or {}).get("text") or ""
        ents = {e["id"]: e for e in r.get("entities", [])}
        for q in r["quotes"]:
            s = q["source"]
            m = s.get("mention") or {}
            name = s.get("name") or s.get("suggested") or m.get("text")
            if not name:
                continue
            n += 1
            et = ents.get(s.get("entity"), {}).get("type", "-")
            a = m.get("start", (q.get("cue") or {}).get("start", 0))
            b0 = text.rfind("\n", 0, a) + 1
            b1 = text.find("\n", a)
            sent = text[max(b0, a - 160):(b1 if b1 >= 0 else len(text))][:320].replace("\n", " ").replace("\t", " ")
            shown = "shown" if s.get("name") else ("suggested" if s.get("suggested") else "mention")
            w.write("\t".join([group.get(doc, "?"), doc, name, et, str(s.get("type")), str((q.get("cue") or {}).get("text")), shown, sent]) + "\n")
print(f"documents {len(recs)}, shown speakers {n} -> {OUT}/all.tsv")
# The names judged junk (listing_junk.tsv): how many shown speakers carry one, by group.
judged = {}
for line in open(os.path.join(HERE, "listing_junk.tsv")):
    if line.strip() and not line.startswith("#"):
        name, cause = line.rstrip("\n").split("\t")
        judged[name] = cause
by_group, by_cause = {}, {}
for line in open(f"{OUT}/all.tsv"):
    g, _, name = line.split("\t")[:3]
    if name in judged:
        by_group[g] = by_group.get(g, 0) + 1
        c = judged[name].split(" (")[0]
        by_cause[c] = by_cause.get(c, 0) + 1
print(f"judged junk (listing_junk.tsv): {sum(by_group.values())}", dict(sorted(by_group.items())))
for c, n in sorted(by_cause.items(), key=lambda x: -x[1]):
    print(f"    {n:4d} {c}")
