"""Junk speakers on large un-held-out text (session 12): PolNeAR dev (the shown speakers whose
mention is no gold Source span, sorted into list.py's junk classes) and the Scrapinghub pages
minus every held-out page of eval/review (dropped before anything is analysed).

    python3 scripts/junk_speakers/measure.py BINARY OUT [--names]   # from the project root
"""
import glob, gzip, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classes import judge, row  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
R = os.path.join(ROOT, "eval", "review")
BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
heldout_pages = set()
for f in glob.glob(R + "/heldout/**/*.json", recursive=True):
    d = json.load(open(f))
    if d.get("dataset") == "scrapinghub":
        heldout_pages.add(d["id"])
gold = {}
with open(f"{OUT}/polnear.jsonl", "w") as out:
    for p in sorted(glob.glob(E + "/quotes/polnear/dev/text/*.txt")):
        name = os.path.basename(p)[:-4]
        out.write(json.dumps({"id": name, "text": open(p).read()}) + "\n")
        spans = []
        # Any annotator's Source span counts as a source.
        for ann in glob.glob(f"{E}/quotes/polnear/dev/attributions/{name}_*.ann"):
            for line in open(ann):
                parts = line.split("\t")
                if len(parts) < 2 or not parts[1].startswith("Source "):
                    continue
                for piece in parts[1][len("Source "):].split(";"):
                    a, b = piece.split()
                    spans.append((int(a), int(b)))
        gold[name] = spans
gt = json.load(open(E + "/extraction/scrapinghub/ground-truth.json"))
with open(f"{OUT}/scrapinghub.jsonl", "w") as out:
    for pid in sorted(gt):
        if pid in heldout_pages:
            continue
        h = gzip.open(f"{E}/extraction/scrapinghub/html/{pid}.html.gz").read().decode("utf-8", "replace")
        out.write(json.dumps({"id": "sh:" + pid, "url": gt[pid].get("url"), "html": h}) + "\n")
for k in ["polnear", "scrapinghub"]:
    with open(f"{OUT}/{k}.out", "w") as o:
        subprocess.run([BIN, "analyze", "--threads", "1", "--format", "jsonl", f"{OUT}/{k}.jsonl"], stdout=o, check=False)
for k in ["polnear", "scrapinghub"]:
    shown = nongold = 0
    junk = []
    for line in open(f"{OUT}/{k}.out"):
        r = json.loads(line)
        ents = {e["id"]: e for e in r["entities"]}
        for q in r["quotes"]:
            s = q["source"]
            if not s["name"]:
                continue
            shown += 1
            m = s.get("mention") or {}
            if k == "polnear":
                if any(a < m.get("end", -1) and m.get("start", -1) < b for a, b in gold[r["source"]["id"]]):
                    continue
                nongold += 1
            speaker = row(q, ents)
            c = judge(speaker)
            if c.startswith("JUNK"):
                junk.append((c, s["name"], speaker["cue"], r["source"]["id"]))
    extra = f", not a gold source {nongold}" if k == "polnear" else ""
    print(f"{k}: shown speakers {shown}{extra}, junk {len(junk)}")
    if "--names" in sys.argv:
        for j in sorted(junk):
            print("   ", " | ".join(str(x) for x in j))
